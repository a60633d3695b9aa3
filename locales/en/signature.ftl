# Signed statements (issue 33): key and signature errors, verification results, CLI help

sig-err-password = { $file }: wrong password (or a damaged PKCS#12 file)
sig-err-not-pkcs12 = { $file }: not a PKCS#12 (.p12 / .pfx) file kaijisho can read: { $detail }
sig-err-no-key = { $file }: holds no private key with its certificate
sig-err-unsupported-key = { $file }: this key ({ $detail }) is not supported; kaijisho signs with RSA or ECDSA P-256 keys
sig-err-cert-not-valid = { $file }: outside the certificate's validity ({ $from } to { $until }); nothing signed
sig-err-sign = Signing failed: { $detail }
sig-err-not-signature = { $file }: not a readable signature: { $detail }
sig-err-not-certificate = { $file }: not a certificate (PEM or DER): { $detail }
sig-err-too-many-certificates = { $file }: more than { $limit } certificates
sig-unreadable-der = The signature cannot be read (not DER-encoded CMS): { $detail }
sig-unreadable-not-signed-data = The signature cannot be read (CMS, but not SignedData)
sig-unreadable-no-signer = The signature cannot be read (it names no signer)
sig-unreadable-no-certificate = The signature cannot be read (the signer's certificate is not in it)

sig-password-prompt = Password of { $file }:
sig-password-again = Again:
sig-password-mismatch = The two passwords differ
sig-password-no-terminal = Cannot ask for the password ({ $detail }); scripts give it in the environment variable { $var }
sig-password-not-utf8 = The password in the environment variable { $var } is not UTF-8

sig-signed = Signed { $file } (signer: { $name } { $organization })
sig-unsigned = { $file }: not signed (name a signature file with --signature)
sig-keygen-done = Made a self-signed key: { $subject } (expires { $until }; certificate fingerprint SHA-256 { $fingerprint })

sig-verdict-valid = The signature is valid
sig-verdict-valid-unconfirmed = The signature is sound and the content is as signed (the signer's identity is not confirmed)
sig-verdict-changed = The content changed after signing
sig-verdict-invalid = The signature is not valid
sig-line-signer = Signer: { $name } { $organization }
sig-line-self-signed = Self-signed — identity not confirmed
sig-line-certificate = Certificate: { $subject } (issuer { $issuer }; valid { $from } to { $until }; fingerprint SHA-256 { $fingerprint })
sig-line-signed-at = Signed: { $time }
sig-line-no-time = Signed: no time recorded
sig-line-signature-ok = Signature value: verified with the certificate's public key
sig-line-signature-bad = Signature value: does not verify with the certificate's public key (tampered, or another certificate)
sig-line-signature-unsupported = Signature value: this signature algorithm cannot be checked
sig-line-cert-valid = Certificate: valid at the signing time (as the signer states it) and now
sig-line-cert-expired-now = Certificate: expired now. The signing time (as the signer states it) is within its validity, but without a trusted timestamp the signature is not taken as valid
sig-line-cert-invalid-at-signing = Certificate: not valid at the signing time (as the signer states it)
sig-line-trust-not-checked = Identity: not confirmed (not checked against trusted certificates)
sig-line-trust-anchored = Identity: chains to the trusted certificate { $anchor }
sig-line-trust-not-anchored = Identity: chains to none of the trusted certificates given (the content is checked separately)
sig-line-content-intact = Content: as signed
sig-line-content-changed-unnamed = Content: changed since signing (the signature does not record which questions)
sig-line-content-catalogue = Content: the catalogue differs from the signed one
sig-line-content-header = Content: the header (vendor, product, …) differs from the signed one
sig-line-content-changed = Content: { $count ->
        [one] the answer to 1 question differs
       *[other] the answers to { $count } questions differ
    } from what was signed (question { $questions })
sig-line-content-added = Content: { $count ->
        [one] 1 question was
       *[other] { $count } questions were
    } not signed (question { $questions })
sig-line-content-removed = Content: { $count ->
        [one] 1 signed question is
       *[other] { $count } signed questions are
    } missing (question { $questions })

cli-sign = Sign a statement with the certificate and private key of a PKCS#12 file (stored in the statement and written beside it as <name>.p7s)
cli-sign-statement = The statement to sign (project file .json)
cli-sign-cert = PKCS#12 file (.p12 / .pfx) with the certificate and private key; the password is asked without echo (scripts: the environment variable KAIJISHO_CERT_PASSWORD)
cli-sign-pdf = Also write the signed statement's PDF
cli-sign-xlsx = Also write the signed statement's Excel workbook
cli-sign-into = With --xlsx: fill a copy of the workbook the statement was imported from
cli-verify = Verify a statement's signature. Exit code: 0 = valid, 1 = invalid, changed, unsigned, or chaining to none of the trusted certificates given, 2 = unreadable
cli-verify-file = The statement to verify (.json, .xlsx, a filled official workbook)
cli-verify-signature = A detached signature file (.p7s), for a statement that does not carry its signature (an official workbook)
cli-verify-trust = Trusted certificates (PEM / DER files, or folders of them): the signer's certificate must chain to one
cli-verify-format = Output format (text / json)
cli-keygen = Make a self-signed key and certificate for trials (a PKCS#12 file; it proves no identity)
cli-keygen-output = The PKCS#12 file to write (.p12)
cli-keygen-name = The signer's name (the certificate's CN)
cli-keygen-organization = The organisation (the certificate's O)
cli-keygen-days = Days of validity
cli-keygen-force = Replace an existing file

menu-sign = Sign and Write Out…
sig-gui-title = Sign the statement
sig-gui-about = Signs the statement's content (header, answers, conditions and remarks; not a hospital's review) with a certificate and private key. The signature is stored in the statement and written beside it as a .p7s file.
sig-gui-certificate = Certificate file (.p12 / .pfx)
sig-gui-no-file = (none chosen)
sig-gui-pick = Choose…
sig-gui-password = Password
sig-gui-password-note = The password is not stored.
sig-gui-sign = Sign
sig-gui-save-first = Save the statement before signing it
sig-gui-no-certificate = Choose a certificate file
sig-gui-signed = Signed { $file }. Signature file: { $signature }
sig-gui-badge = Signature:
sig-gui-badge-hover = Click for the signature's details
sig-gui-details = Signature details
sig-gui-unsigned = This statement is not signed
prompt-about-certificate = The PKCS#12 file (.p12 / .pfx) with the certificate and private key to sign with
sig-pdf-reason = Signed the content of this medical information security disclosure statement (MDS/SDS)
sig-summary-unsigned = Not signed
sig-summary-valid-confirmed = Valid ({ $signer }, identity confirmed)
sig-summary-valid = Not tampered; signer not confirmed ({ $signer })
sig-summary-changed = Changed after signing ({ $signer })
sig-summary-invalid = Not valid ({ $signer })
sig-summary-unreadable = Unreadable signature
sig-gui-pdf = Also write the signed PDF (the statement's name with .pdf; Acrobat Reader shows its signature)
sig-line-cert-not-yet-valid = Certificate: not valid yet
sig-line-cert-expired = Certificate: outside its validity now
sig-line-cert-valid-now = Certificate: valid now
sig-line-content-changed-pdf = Content: the PDF changed after it was signed
sig-summary-untrusted = Signer not confirmed ({ $signer }: chains to none of the trusted certificates)
sig-unreadable-too-many-certificates = The signature cannot be read (more than { $limit } certificates)
sig-gui-not-saved = The statement could not be saved, so the signature was taken back (and no signature file written)
sig-err-timestamp-reply = { $file }: not a timestamp reply (RFC 3161): { $detail }
sig-err-timestamp-refused = { $file }: the timestamp authority refused the request (status { $status }) { $text }
sig-err-timestamp-other = { $file }: this timestamp is for another signature
sig-err-pdf-no-room = { $file }: the PDF's signature space ({ $room } bytes) cannot hold the timestamped signature ({ $needed } bytes)
sig-err-nothing-to-timestamp = { $file }: there is no signature to timestamp
sig-unreadable-not-timestamp = The timestamp cannot be read (not an RFC 3161 token)
sig-line-cert-valid-at-timestamp = Certificate: valid at the timestamp's time ({ $time }) and now
sig-line-cert-expired-timestamped = Certificate: expired now, but valid at the timestamp's time ({ $time })
sig-line-cert-invalid-at-timestamp = Certificate: not valid at the timestamp's time ({ $time })
sig-line-timestamp = Timestamp: { $time } ({ $tsa }; the timestamp authority was not checked against trusted certificates, so its time does not stand in for the certificate's expiry)
sig-line-timestamp-anchored = Timestamp: { $time } ({ $tsa }; chains to a trusted certificate)
sig-line-timestamp-not-anchored = Timestamp: { $time } ({ $tsa }) — the timestamp authority chains to none of the trusted certificates, so its time is not used
sig-line-timestamp-bad-signature = Timestamp: the timestamp authority's signature does not verify — its time is not used
sig-line-timestamp-other-signature = Timestamp: it is for another signature — its time is not used
sig-line-timestamp-not-tsa = Timestamp: the certificate of { $tsa } is not one for timestamping — its time is not used
sig-line-timestamp-tsa-not-valid = Timestamp: the certificate of the timestamp authority { $tsa } is not valid now, or was not at { $time } — its time is not used
sig-line-timestamp-unreadable = Timestamp: { $detail } — its time is not used
sig-timestamp-request-written = The timestamp request (RFC 3161) for the signature of { $file }: send it to a timestamp authority and take its reply in with --reply
sig-timestamp-added = The signature of { $file } is timestamped
cli-timestamp = Timestamp a signature (RFC 3161), without the network: write the request with --request, send it to a timestamp authority, take its reply in with --reply
cli-timestamp-file = The signed statement (.json), its signature (.p7s), or a signed PDF
cli-timestamp-request = Write the request (.tsq) for the timestamp authority
cli-timestamp-reply = Take the timestamp authority's reply (.tsr) into the signature
menu-timestamp-request = Write Timestamp Request…
menu-timestamp-reply = Take Timestamp Reply…
prompt-about-timestamp-request = The timestamp request (.tsq) for the signature: send it to a timestamp authority (kaijisho does not use the network)
prompt-about-timestamp-reply = The reply (.tsr) received from the timestamp authority
sig-gui-timestamp-request-written = Timestamp request written: { $file }. Send it to a timestamp authority and take its reply in with "Take Timestamp Reply…"
sig-gui-timestamped = The signature of { $file } is timestamped and saved
sig-line-content-changed-review = Content: the review (statuses, comments, reviewer, date) was changed after it was signed
sig-review-signed = Signed the review { $file } (reviewer: { $name } { $organization }). The vendor's statement is not signed by this
sig-review-unsigned = { $file }: the review is not signed (no .p7s beside it; a signature file can be given with --signature)
sig-review-no-export = A review's signature takes no --pdf or --xlsx (the signature is the .p7s beside the review file only)
sig-gui-review-title = Sign the Review
sig-gui-review-about = Signs the hospital's review (statuses, comments, reviewer, date) with the reviewer's certificate and private key. The vendor's statement is not signed. The review is saved, and the signature written beside the review file as a .p7s file.
sig-gui-review-signed = Signed the review { $file }. Signature file: { $signature }
sig-gui-review-not-saved = The review could not be saved, so it was not signed
sig-verdict-untrusted = The signature is sound and the content unchanged, but the signer cannot be confirmed (it chains to none of the trusted certificates)
organisation-trust = Checking Signatures
organisation-trust-about = The certificates trusted when a statement's signature is checked (vendors' certificates, or their CAs'). The certificates in a register folder's "certificates" folder are trusted too.
organisation-trust-folder = Folder of trusted certificates
organisation-trust-remove = Remove
organisation-trust-system = Also trust the operating system's certificate store
prompt-about-trust-folder = The folder holding the trusted certificates (.pem / .crt / .cer / .der)
cli-verify-system_trust = Also trust the operating system's certificate store (the Windows certificate store, the macOS keychain, the Linux CA bundle)
sig-line-cert-usage = Certificate: its purpose (extended key usage) is not signing documents (a TLS server's, say) — the signature is not taken as valid
sig-line-cert-expired-timestamp-unconfirmed = Certificate: expired now. The signature has a timestamp, but its timestamp authority is not confirmed by a trusted certificate, so the signature is not taken as valid
sig-err-timestamp-unsound = { $file }: the timestamp is not added: { $problem }
sig-err-pdf-changed = { $file }: the PDF was changed after it was signed, so its signature cannot take a timestamp
sig-problem-signature = the timestamp authority's signature does not verify
sig-problem-other-signature = the timestamp is for another signature
sig-problem-not-tsa = not a timestamp authority's certificate (extended key usage timeStamping, alone and critical, is needed)
sig-problem-tsa-not-valid = the timestamp authority's certificate is not valid now, or was not at the timestamp's time
sig-gui-timestamp-save-first = Save the statement before taking a timestamp in
organisation-trust-problem = A file among the trusted certificates cannot be read (its certificates are not used): { $problem }
sig-problem-in-future = the timestamp's time lies ahead of this computer's clock
sig-line-timestamp-in-future = Timestamp: its time ({ $time }) lies ahead of this computer's clock — its time is not used
sig-gui-register-not-reread = The register has unsaved changes, so its signature states stay as they were (save and open it again to check them with the new choice)
sig-pdf-no-detached = A PDF carries its own signature, so --signature does not apply (a .p7s is the signature of a statement, .json or .xlsx)
sig-err-changed-since-signing = { $file }: the statement changed after it was signed, so its signature is not timestamped (sign it again first)
sig-keygen-days-range = --days takes a number of days from 1 to { $max }
sig-verify-p7s = { $file } is a signature file. Give the signed statement: kaijisho verify statement.json (or the .xlsx received) --signature { $file }
