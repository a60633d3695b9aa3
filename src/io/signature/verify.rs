//! Checking a detached CMS signature against the content that arrived: the signature itself
//! (by the signer's certificate), the content's digest, the certificate's validity at signing
//! time and now, and the chain to the trust anchors. When the content changed, the manifest in
//! the signature names the parts that differ.

use cms::signed_data::SignerInfo;
use const_oid::db::rfc5911;
use der::asn1::OctetString;
use x509_cert::Certificate;

use super::cert::{CertInfo, anchored, info};
use super::sign::{CONTENT_HINT, ContentHints, MANIFEST_TAG};
pub use super::signer::{MAX_CERTIFICATES, Parsed, Trust, Unreadable, parse};
use super::signer::{check_signer, find_attr, signer_cert};
use super::timestamp::Timestamp;
use crate::domain::signature::{MAX_PARTS, Manifest, ManifestDiff, PART_DIGEST_LEN};

/// A signature larger than this is refused before it is parsed (a statement's, with its
/// manifest and a certificate chain, is a few tens of KB).
pub const MAX_SIGNATURE_BYTES: u64 = 4 * 1024 * 1024;

/// Whether the content is the content that was signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentState {
    Intact,
    /// Changed; the manifest names what.
    Changed(ManifestDiff),
    /// Changed, and the signature carries no manifest to name what (or the parts match and
    /// something outside them differs).
    ChangedUnnamed,
}

/// The certificates a verification trusts: for the signer's identity, and for timestamp
/// authorities (a vendor's CA kept to confirm the vendor must not also vouch for times).
/// `None`: not checked.
#[derive(Debug, Clone, Copy, Default)]
pub struct Trusted<'a> {
    pub signers: Option<&'a [Certificate]>,
    pub timestamps: Option<&'a [Certificate]>,
}

impl<'a> Trusted<'a> {
    /// The same certificates for both (what the user gives with `--trust`).
    pub fn all(certs: Option<&'a [Certificate]>) -> Trusted<'a> {
        Trusted {
            signers: certs,
            timestamps: certs,
        }
    }
}

/// Everything a verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub signer: CertInfo,
    /// The signing time claimed in the signature, Unix seconds.
    pub signed_at: Option<u64>,
    /// The signature verifies with the signer's certificate (`None`: an algorithm kaijisho
    /// does not check).
    pub signature_ok: Option<bool>,
    pub content: ContentState,
    pub trust: Trust,
    /// The certificate was valid at the claimed signing time (`None`: no time claimed).
    pub valid_at_signing: Option<bool>,
    pub valid_now: bool,
    /// When it was checked (Unix seconds): "now".
    pub checked_at: u64,
    /// The signature's timestamp (RFC 3161), when it has one: checked, or why it could not be
    /// read.
    pub timestamp: Option<Result<Timestamp, Unreadable>>,
    /// The certificate may sign documents (no extended key usage, or one that allows it — not a
    /// TLS server's certificate, say).
    pub usage_ok: bool,
}

impl Verification {
    /// Valid: the signature verifies, the content is what was signed, the certificate was
    /// valid when it was made, and — when trust anchors were given — it chains to one.
    pub fn is_valid(&self) -> bool {
        self.signature_ok == Some(true)
            && self.usage_ok
            && self.content == ContentState::Intact
            && self.trust != Trust::NotAnchored
            && self.valid_in_time()
    }

    /// The time a trusted timestamp proves the signature existed at, if it has one.
    pub fn trusted_time(&self) -> Option<u64> {
        match &self.timestamp {
            Some(Ok(ts)) if ts.is_trusted() => Some(ts.at),
            _ => None,
        }
    }

    /// The certificate was valid when the signature was made. With a trusted timestamp: at its
    /// time (a certificate that expired since leaves the signature valid). Without one, the
    /// signing time is the signer's own claim and proves nothing: the certificate must be
    /// valid now, and at the claimed time.
    pub fn valid_in_time(&self) -> bool {
        if self.valid_at_signing == Some(false) {
            return false;
        }
        match self.trusted_time() {
            Some(t) => self.signer.not_before <= t && t <= self.signer.not_after,
            None => self.valid_now,
        }
    }

    /// Valid, and the signer's identity is not confirmed by a trust anchor (self-signed, or
    /// no anchors given): 「身元は未確認」.
    pub fn identity_unconfirmed(&self) -> bool {
        !matches!(self.trust, Trust::Anchored(_))
    }
}

/// The manifest carried in the content hint, if any (bounded: at most `MAX_PARTS` parts).
fn manifest_of(si: &SignerInfo) -> Option<Manifest> {
    let hints = find_attr(si, CONTENT_HINT)?
        .decode_as::<ContentHints>()
        .ok()?;
    let text = hints.content_description?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    if v.get(MANIFEST_TAG)?.as_u64()? != 1 {
        return None;
    }
    let parts = v.get("parts")?.as_array()?;
    if parts.len() > MAX_PARTS {
        return None;
    }
    let mut out = Vec::with_capacity(parts.len());
    for p in parts {
        let key = p.get(0)?.as_str()?.to_string();
        let hex = p.get(1)?.as_str()?;
        let mut d = [0u8; PART_DIGEST_LEN];
        if hex.len() != PART_DIGEST_LEN * 2 {
            return None;
        }
        for (i, b) in d.iter_mut().enumerate() {
            *b = u8::from_str_radix(hex.get(i * 2..i * 2 + 2)?, 16).ok()?;
        }
        out.push((key, d));
    }
    Some(Manifest { parts: out })
}

/// Verifies the signature `der` over `content`; `now` is the statement's manifest today
/// (names the changed parts), `anchors` the trusted certificates (none: not checked),
/// `now_secs` the time now.
pub fn verify(
    der: &[u8],
    content: &[u8],
    now: Option<&Manifest>,
    trusted: Trusted<'_>,
    now_secs: u64,
) -> Result<Verification, Unreadable> {
    let parsed = parse(der)?;
    let si = &parsed.signer;
    let cert = signer_cert(si, &parsed.certs).ok_or(Unreadable::NoCertificate)?;
    let signer = info(cert);
    let (signature_ok, digest_ok) = check_signer(si, cert, content);
    let content_state = if digest_ok {
        ContentState::Intact
    } else {
        match (manifest_of(si), now) {
            (Some(signed), Some(now)) => {
                let diff = signed.diff(now);
                if diff.is_empty() {
                    ContentState::ChangedUnnamed
                } else {
                    ContentState::Changed(diff)
                }
            }
            _ => ContentState::ChangedUnnamed,
        }
    };
    let signed_at = find_attr(si, rfc5911::ID_SIGNING_TIME)
        .and_then(|t| t.decode_as::<x509_cert::time::Time>().ok())
        .map(|t| t.to_unix_duration().as_secs());
    let within = |t: u64| signer.not_before <= t && t <= signer.not_after;
    let intermediates: Vec<Certificate> = parsed
        .certs
        .iter()
        .filter(|c| *c != cert)
        .cloned()
        .collect();
    let timestamp = super::timestamp::of_signer(si, trusted.timestamps, now_secs);
    // With a trusted timestamp the chain is checked at its time: issuers that have expired
    // since do not undo a signature proven made while they were valid.
    let chain_time = match &timestamp {
        Some(Ok(ts)) if ts.is_trusted() => ts.at,
        _ => now_secs,
    };
    let trust = match trusted.signers {
        None => Trust::NotChecked,
        Some(a) => match anchored(cert, &intermediates, a, chain_time) {
            Some(anchor) => Trust::Anchored(anchor.tbs_certificate().subject().to_string()),
            None => Trust::NotAnchored,
        },
    };
    Ok(Verification {
        usage_ok: super::cert::fit_for_documents(cert),
        timestamp,
        valid_at_signing: signed_at.map(within),
        valid_now: within(now_secs),
        checked_at: now_secs,
        signer,
        signed_at,
        signature_ok,
        content: content_state,
        trust,
    })
}

/// SHA-256 of the signed content as the signature states it (the message-digest attribute),
/// hex — for showing which canonical statement a `.p7s` belongs to.
pub fn signed_digest(si: &SignerInfo) -> Option<String> {
    let md = find_attr(si, rfc5911::ID_MESSAGE_DIGEST)?
        .decode_as::<OctetString>()
        .ok()?;
    Some(crate::domain::catalogue::hex(md.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::signature::key::generate;
    use crate::io::signature::sign::{SignOptions, sign_detached};

    const NOW: u64 = 1_780_000_000;

    fn manifest(parts: &[(&str, u8)]) -> Manifest {
        Manifest {
            parts: parts
                .iter()
                .map(|(k, b)| (k.to_string(), [*b; PART_DIGEST_LEN]))
                .collect(),
        }
    }

    #[test]
    fn a_signature_verifies_and_a_change_is_named() {
        let key = generate("署名者", "株式会社テスト", NOW - 10, 30).unwrap();
        let signed = manifest(&[("#catalogue", 1), ("#header", 2), ("q1", 3), ("q2", 4)]);
        let der = sign_detached(
            &key,
            b"content",
            SignOptions {
                signing_time: Some(NOW),
                manifest: Some(&signed),
            },
        )
        .unwrap();
        let v = verify(&der, b"content", Some(&signed), Trusted::default(), NOW).unwrap();
        assert!(v.is_valid(), "{v:?}");
        assert!(v.signer.self_signed);
        assert_eq!(v.signer.organization, "株式会社テスト");
        assert_eq!(v.signed_at, Some(NOW));
        assert_eq!(v.trust, Trust::NotChecked);
        let later = manifest(&[("#catalogue", 1), ("#header", 2), ("q1", 3), ("q2", 9)]);
        let v = verify(&der, b"content!", Some(&later), Trusted::default(), NOW).unwrap();
        assert!(!v.is_valid());
        let ContentState::Changed(diff) = &v.content else {
            panic!("{v:?}")
        };
        assert_eq!(diff.changed, vec!["q2".to_string()]);
        // Trusted as itself; not trusted by another certificate.
        let anchors = [key.cert.clone()];
        let v = verify(&der, b"content", None, Trusted::all(Some(&anchors)), NOW).unwrap();
        assert!(matches!(v.trust, Trust::Anchored(_)) && v.is_valid());
        let other = generate("別人", "", NOW, 30).unwrap();
        let anchors = [other.cert.clone()];
        let v = verify(&der, b"content", None, Trusted::all(Some(&anchors)), NOW).unwrap();
        assert_eq!(v.trust, Trust::NotAnchored);
        assert_eq!(v.content, ContentState::Intact);
        assert!(!v.is_valid());
        // Verified after the certificate expired: signed in time, as the signer claims, but
        // without a trusted timestamp the claim proves nothing — not valid, and said why.
        let v = verify(
            &der,
            b"content",
            None,
            Trusted::default(),
            NOW + 400 * 86_400,
        )
        .unwrap();
        assert!(!v.valid_now && v.valid_at_signing == Some(true) && !v.is_valid());
        // Signed with a time outside the certificate's validity: not valid.
        let late = sign_detached(
            &key,
            b"content",
            SignOptions {
                signing_time: Some(NOW + 60 * 86_400),
                manifest: None,
            },
        )
        .unwrap();
        let v = verify(&late, b"content", None, Trusted::default(), NOW).unwrap();
        assert_eq!(v.valid_at_signing, Some(false));
        assert!(!v.is_valid());
    }

    #[test]
    fn a_damaged_signature_is_unreadable_or_invalid_never_valid() {
        let key = generate("署名者", "", NOW - 10, 30).unwrap();
        let der = sign_detached(&key, b"abc", SignOptions::default()).unwrap();
        assert!(matches!(
            verify(b"junk", b"abc", None, Trusted::default(), NOW),
            Err(Unreadable::Der(_))
        ));
        // Flip one byte of the signature value at the end.
        let mut bad = der.clone();
        let last = bad.len() - 1;
        bad[last] ^= 0x01;
        match verify(&bad, b"abc", None, Trusted::default(), NOW) {
            Ok(v) => assert!(!v.is_valid(), "{v:?}"),
            Err(e) => assert!(matches!(e, Unreadable::Der(_)), "{e:?}"),
        }
    }
}
