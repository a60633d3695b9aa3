//! Signing a statement and verifying it, shared by the window and the command line: the
//! signed bytes are the canonical statement (`kaijisho canonical`), the signature is stored in
//! the statement (JSON, and through it our workbook's hidden sheet) and written beside it as a
//! detached `<name>.p7s`.

use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use x509_cert::Certificate;

use crate::domain::canonical::Statement;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::Project;
use crate::domain::project::StoredSignature;
use crate::domain::signature::{Manifest, SignatureSummary};
use crate::io::signature::error::SignatureError;
use crate::io::signature::key::SigningKey;
use crate::io::signature::sign::{SignOptions, sign_detached};
use crate::io::signature::verify::{Trusted, Unreadable, Verification, verify};

/// Days a self-signed trial certificate is valid.
pub const SELF_SIGNED_DAYS: u32 = 3 * 365;

/// The detached signature's file beside a statement: `<name>.p7s`.
pub fn p7s_path(statement: &Path) -> PathBuf {
    statement.with_extension("p7s")
}

/// Signs the statement as it stands now: the stored signature and the `.p7s` bytes.
pub fn sign(
    c: &Catalogue,
    p: &Project,
    key: &SigningKey,
    now_secs: u64,
) -> Result<(StoredSignature, Vec<u8>), SignatureError> {
    let statement = Statement::new(c, p);
    let manifest = Manifest::of(&statement);
    let der = sign_detached(
        key,
        statement.to_canonical_json().as_bytes(),
        SignOptions {
            signing_time: Some(now_secs),
            manifest: Some(&manifest),
        },
    )?;
    let stored = StoredSignature {
        cms: Base64::encode_string(&der),
    };
    Ok((stored, der))
}

/// The statement's PDF with a PAdES signature by `key` (the printed wording and font from the
/// shipped assets): the bytes, and what the PDF could not show as asked.
pub fn signed_pdf(
    c: &Catalogue,
    p: &Project,
    key: &SigningKey,
    (form, font): (&crate::domain::form::FormText, &crate::io::pdf::PrintFont),
    generated: &jiff::Zoned,
    reason: &str,
) -> Result<crate::io::pdf::Pdf, SignError> {
    let mut pdf = crate::io::pdf::statement_pdf(c, p, form, font, generated)?;
    let info = crate::io::signature::cert::info(&key.cert);
    let name = info.name();
    let time = secs_of(generated);
    pdf.bytes = crate::io::signature::pades::sign_pdf(
        &pdf.bytes,
        key,
        &crate::io::signature::pades::PdfSignatureInfo {
            name: &name,
            reason,
            time,
        },
    )?;
    Ok(pdf)
}

/// Making a signed PDF failed: the PDF, or its signature.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error(transparent)]
    Pdf(#[from] crate::io::pdf::PdfError),
    #[error(transparent)]
    Signature(#[from] SignatureError),
}

/// Verifies the last signature of a PDF (its byte range must cover the whole file: anything
/// appended after signing is a change). `None`: the PDF is not signed.
pub fn verify_pdf(
    pdf: &[u8],
    anchors: Trusted<'_>,
    now_secs: u64,
) -> Result<Option<Verification>, SignatureError> {
    let Some(sig) = crate::io::signature::pades::read_pdf_signature(pdf)? else {
        return Ok(None);
    };
    let mut v = verify(&sig.cms, &sig.covered, None, anchors, now_secs).map_err(|e| {
        SignatureError::NotSignature {
            path: PathBuf::new(),
            detail: e.to_string(),
        }
    })?;
    if !sig.whole_file {
        v.content = crate::io::signature::verify::ContentState::ChangedUnnamed;
    }
    // PAdES states the signing time in the dictionary, not in the signature.
    if v.signed_at.is_none()
        && let Some(t) = sig.time
    {
        v.signed_at = Some(t);
        v.valid_at_signing = Some(v.signer.not_before <= t && t <= v.signer.not_after);
    }
    Ok(Some(v))
}

/// Refuses a certificate that is not valid at `now_secs` (expired, or not yet valid): a
/// signature made with it would be invalid from the start.
pub fn check_valid(path: &Path, key: &SigningKey, now_secs: u64) -> Result<(), SignatureError> {
    let info = crate::io::signature::cert::info(&key.cert);
    if info.not_before <= now_secs && now_secs <= info.not_after {
        Ok(())
    } else {
        Err(SignatureError::CertificateNotValid {
            path: path.to_path_buf(),
            not_before: info.not_before,
            not_after: info.not_after,
        })
    }
}

/// What verifying a statement found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The statement carries no signature and none was given.
    Unsigned,
    /// The signature could not be read at all.
    Unreadable(Unreadable),
    Checked(Box<Verification>),
}

impl Outcome {
    pub fn is_valid(&self) -> bool {
        matches!(self, Outcome::Checked(v) if v.is_valid())
    }
}

/// The stored signature's bytes (base64 decoded).
pub fn stored_der(p: &Project) -> Option<Result<Vec<u8>, Unreadable>> {
    let s = p.signature.as_ref()?;
    Some(Base64::decode_vec(s.cms.trim()).map_err(|e| Unreadable::Der(format!("base64: {e}"))))
}

/// Verifies a statement against `detached` (a `.p7s`'s bytes) or, without one, the signature
/// stored in it.
pub fn verify_statement(
    c: &Catalogue,
    p: &Project,
    detached: Option<&[u8]>,
    anchors: Trusted<'_>,
    now_secs: u64,
) -> Outcome {
    let stored;
    let der = match detached {
        Some(d) => d,
        None => match stored_der(p) {
            None => return Outcome::Unsigned,
            Some(Err(e)) => return Outcome::Unreadable(e),
            Some(Ok(d)) => {
                stored = d;
                &stored
            }
        },
    };
    let statement = Statement::new(c, p);
    let manifest = Manifest::of(&statement);
    match verify(
        der,
        statement.to_canonical_json().as_bytes(),
        Some(&manifest),
        anchors,
        now_secs,
    ) {
        Ok(v) => Outcome::Checked(Box::new(v)),
        Err(e) => Outcome::Unreadable(e),
    }
}

/// The subfolders of a register folder where a hospital keeps the certificates it trusts
/// (its vendors' certificates, or their CAs').
pub const TRUST_FOLDERS: [&str; 2] = ["証明書", "certificates"];

/// Trust anchors as read, and the files that could not be read (each said where it matters,
/// and logged): a bad file does not cost the others, and never confirms anyone.
#[derive(Debug, Default)]
pub struct Anchors {
    /// Trusted for signers' identities: all of them.
    pub certs: Vec<Certificate>,
    /// Trusted for timestamp authorities too: the user's own folder and the system store, not
    /// a register folder's vendor certificates (a vendor's CA kept to confirm the vendor must
    /// not vouch for the time of its own signatures).
    pub time_certs: Vec<Certificate>,
    pub problems: Vec<std::sync::Arc<SignatureError>>,
}

impl Anchors {
    /// The certificates by purpose; `None` where there are none (not checked).
    pub fn get(&self) -> Trusted<'_> {
        Trusted {
            signers: (!self.certs.is_empty()).then_some(self.certs.as_slice()),
            timestamps: (!self.time_certs.is_empty()).then_some(self.time_certs.as_slice()),
        }
    }

    /// Adds a folder's certificates (`for_time`: timestamp authorities too).
    fn add_folder(&mut self, folder: &Path, for_time: bool) {
        let (certs, problems) = crate::io::signature::trust::load_folder(folder);
        if for_time {
            self.time_certs.extend(certs.iter().cloned());
        }
        self.certs.extend(certs);
        for e in problems {
            log::warn!("trusted certificates: {e}");
            self.problems.push(std::sync::Arc::new(e));
        }
    }
}

/// The certificates a register folder trusts: those of the first of [`TRUST_FOLDERS`] it has.
pub fn folder_anchors(folder: &Path) -> Anchors {
    let mut out = Anchors::default();
    if let Some(dir) = TRUST_FOLDERS
        .iter()
        .map(|n| folder.join(n))
        .find(|d| d.is_dir())
    {
        out.add_folder(&dir, false);
    }
    out
}

/// The certificates the user trusts besides a register's own folder (File → 病院名と確認者…):
/// a folder of them, and the operating system's store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustSources {
    pub folder: Option<PathBuf>,
    pub system: bool,
}

impl TrustSources {
    /// The files of the chosen folder that do not read as certificates (the system store is
    /// not read for this).
    pub fn folder_problems(&self) -> Vec<std::sync::Arc<SignatureError>> {
        let mut out = Anchors::default();
        if let Some(folder) = &self.folder {
            out.add_folder(folder, true);
        }
        out.problems
    }

    /// The trust anchors: those of `register` (its 証明書 subfolder), of the chosen folder
    /// and of the system store, as chosen.
    pub fn anchors(&self, register: Option<&Path>) -> Anchors {
        let mut out = register.map(folder_anchors).unwrap_or_default();
        if let Some(folder) = &self.folder {
            out.add_folder(folder, true);
        }
        if self.system {
            let store = crate::io::signature::trust::system_anchors();
            out.time_certs.extend(store.iter().cloned());
            out.certs.extend(store);
        }
        out
    }
}

/// A statement file's signature state: its stored signature, else the `.p7s` beside it.
pub fn file_summary(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    anchors: Trusted<'_>,
    now_secs: u64,
) -> SignatureSummary {
    let p7s = p7s_path(path);
    let detached = if p.signature.is_none() && p7s.is_file() {
        match crate::io::read::read_limited(&p7s, crate::io::signature::verify::MAX_SIGNATURE_BYTES)
        {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                log::warn!("{e}");
                return SignatureSummary::Unreadable;
            }
        }
    } else {
        None
    };
    summary(&verify_statement(
        c,
        p,
        detached.as_deref(),
        anchors,
        now_secs,
    ))
}

/// What a verification comes to, for a list.
pub fn summary(outcome: &Outcome) -> SignatureSummary {
    let v = match outcome {
        Outcome::Unsigned => return SignatureSummary::Unsigned,
        Outcome::Unreadable(_) => return SignatureSummary::Unreadable,
        Outcome::Checked(v) => v,
    };
    let signer = v.signer.name();
    // Sound and intact: valid; whether a trusted certificate confirms who signed is said
    // beside it (a chain to none of the folder's certificates is "not confirmed").
    let sound = v.signature_ok == Some(true) && v.usage_ok && v.valid_in_time();
    let intact = v.content == crate::io::signature::verify::ContentState::Intact;
    if sound && intact && v.trust == crate::io::signature::verify::Trust::NotAnchored {
        SignatureSummary::Untrusted { signer }
    } else if sound && intact {
        SignatureSummary::Valid {
            signer,
            confirmed: !v.identity_unconfirmed(),
        }
    } else if v.signature_ok == Some(true) && !intact {
        SignatureSummary::Changed { signer }
    } else {
        SignatureSummary::Invalid { signer }
    }
}

/// Noon (UTC) of a day, Unix seconds: the moment a list read on that day checks certificates'
/// validity at (the register and the dossier count in days).
pub fn noon_of(day: jiff::civil::Date) -> u64 {
    day.at(12, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp().as_second().max(0).unsigned_abs())
        .unwrap_or_else(|_| now_secs())
}

/// A moment as Unix seconds (0 before the epoch).
pub fn secs_of(t: &jiff::Zoned) -> u64 {
    t.timestamp().as_second().max(0).unsigned_abs()
}

/// Seconds since the Unix epoch now (0 if the clock is before it).
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// A timestamp request (`.tsq`, RFC 3161) for a signature (carried by `path`), with a fresh
/// random nonce.
pub fn timestamp_request(signature: &[u8], path: &Path) -> Result<Vec<u8>, SignatureError> {
    let nonce = getrandom::u64().map_err(|e| SignatureError::Sign {
        detail: e.to_string(),
    })?;
    crate::io::signature::timestamp::request(signature, path, nonce)
}

/// The statement's stored signature with the timestamp of `reply` (read from `reply_path`):
/// the new stored signature and its bytes (for the `.p7s`).
pub fn timestamped(
    (c, p): (&Catalogue, &Project),
    statement_path: &Path,
    reply: (&[u8], &Path),
    now_secs: u64,
) -> Result<(StoredSignature, Vec<u8>), SignatureError> {
    let der = current_signature(c, p, statement_path)?;
    let der = crate::io::signature::timestamp::attach((&der, statement_path), reply, now_secs)?;
    let stored = StoredSignature {
        cms: Base64::encode_string(&der),
    };
    Ok((stored, der))
}

/// The statement's stored signature, when it is sound and over the statement as it stands:
/// a timestamp on a signature the content no longer matches would vouch for nothing.
pub fn current_signature(
    c: &Catalogue,
    p: &Project,
    path: &Path,
) -> Result<Vec<u8>, SignatureError> {
    let der = stored_signature(p, path)?;
    match verify_statement(c, p, Some(&der), Trusted::default(), now_secs()) {
        Outcome::Checked(v)
            if v.signature_ok == Some(true)
                && v.content == crate::io::signature::verify::ContentState::Intact =>
        {
            Ok(der)
        }
        Outcome::Unreadable(e) => Err(SignatureError::NotSignature {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }),
        Outcome::Checked(_) | Outcome::Unsigned => Err(SignatureError::ChangedSinceSigning {
            path: path.to_path_buf(),
        }),
    }
}

/// The signature stored in a statement (read from `path`), as bytes: refused when it has none
/// or it cannot be read.
pub fn stored_signature(p: &Project, path: &Path) -> Result<Vec<u8>, SignatureError> {
    match stored_der(p) {
        None => Err(SignatureError::NothingToTimestamp {
            path: path.to_path_buf(),
        }),
        Some(Err(e)) => Err(SignatureError::NotSignature {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }),
        Some(Ok(der)) => Ok(der),
    }
}

/// A signed PDF with the timestamp of `reply` in its signature (written into the signature's
/// space in place: the signed bytes do not change).
pub fn timestamped_pdf(
    pdf: &[u8],
    pdf_path: &Path,
    reply: (&[u8], &Path),
    now_secs: u64,
) -> Result<Vec<u8>, SignatureError> {
    let sig = last_pdf_signature(pdf, pdf_path)?;
    let der = crate::io::signature::timestamp::attach((&sig.cms, pdf_path), reply, now_secs)?;
    crate::io::signature::pades::replace_contents(pdf, &sig, &der, pdf_path)
}

/// The last signature of a PDF read from `path`, when nothing was added after it (what a
/// timestamp goes on): refused when it has none, or the PDF changed since.
pub fn last_pdf_signature(
    pdf: &[u8],
    path: &Path,
) -> Result<crate::io::signature::pades::PdfSignature, SignatureError> {
    let sig = pdf_signature(pdf, path)?;
    if sig.whole_file {
        Ok(sig)
    } else {
        // A later revision covers the signature's space: writing into it would break that.
        Err(SignatureError::PdfChangedAfterSigning {
            path: path.to_path_buf(),
        })
    }
}

/// The last signature of a PDF read from `path`: refused when it has none.
pub fn pdf_signature(
    pdf: &[u8],
    path: &Path,
) -> Result<crate::io::signature::pades::PdfSignature, SignatureError> {
    crate::io::signature::pades::read_pdf_signature(pdf)
        .map_err(|e| match e {
            SignatureError::NotSignature { detail, .. } => SignatureError::NotSignature {
                path: path.to_path_buf(),
                detail,
            },
            other => other,
        })?
        .ok_or_else(|| SignatureError::NothingToTimestamp {
            path: path.to_path_buf(),
        })
}

/// A reviewer's signature over a hospital's review (its canonical form, see
/// [`crate::domain::review::ReviewFile::canonical_bytes`]): the `.p7s` bytes written beside the
/// review file. The vendor's statement is not part of it, only its fingerprint.
pub fn sign_review(
    review: &crate::domain::review::ReviewFile,
    key: &SigningKey,
    now_secs: u64,
) -> Result<Vec<u8>, SignatureError> {
    sign_detached(
        key,
        &review.canonical_bytes(),
        SignOptions {
            signing_time: Some(now_secs),
            manifest: None,
        },
    )
}

/// Verifies a reviewer's signature `der` over a review.
pub fn verify_review(
    review: &crate::domain::review::ReviewFile,
    der: &[u8],
    anchors: Trusted<'_>,
    now_secs: u64,
) -> Outcome {
    match verify(der, &review.canonical_bytes(), None, anchors, now_secs) {
        Ok(v) => Outcome::Checked(Box::new(v)),
        Err(e) => Outcome::Unreadable(e),
    }
}
