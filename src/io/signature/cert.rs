//! What a certificate says (subject, organisation, validity) and the two checks a verifier
//! makes with it: a signature by its public key, and a certificate it issued.

use const_oid::ObjectIdentifier;
use const_oid::db::rfc5912;
use der::Encode;
use signature::Verifier;
use spki::DecodePublicKey;
use x509_cert::Certificate;

/// The certificate's facts shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// The subject as a distinguished name (RFC 4514 string).
    pub subject: String,
    /// Its common name (CN) and organisation (O), when present.
    pub common_name: String,
    pub organization: String,
    pub issuer: String,
    /// The serial number, hex.
    pub serial: String,
    /// Validity, Unix seconds.
    pub not_before: u64,
    pub not_after: u64,
    /// Issuer = subject and the certificate's own key signed it.
    pub self_signed: bool,
    /// SHA-256 of the certificate's DER, hex (what a hospital compares by telephone).
    pub fingerprint: String,
}

/// The first value of an attribute of a name, as text.
fn name_value(name: &x509_cert::name::Name, oid: ObjectIdentifier) -> String {
    for rdn in name.iter_rdn() {
        for atv in rdn.iter() {
            if atv.oid == oid {
                if let Ok(s) = atv.value.decode_as::<der::asn1::Utf8StringRef<'_>>() {
                    return s.as_str().to_string();
                }
                if let Ok(s) = atv.value.decode_as::<der::asn1::PrintableStringRef<'_>>() {
                    return s.as_str().to_string();
                }
                return String::from_utf8_lossy(atv.value.value()).into_owned();
            }
        }
    }
    String::new()
}

impl CertInfo {
    /// Who the certificate names, as shown: its common name, else its whole subject.
    pub fn name(&self) -> String {
        if self.common_name.is_empty() {
            self.subject.clone()
        } else {
            self.common_name.clone()
        }
    }
}

pub fn info(cert: &Certificate) -> CertInfo {
    use sha2::Digest;
    let tbs = cert.tbs_certificate();
    let validity = tbs.validity();
    CertInfo {
        subject: tbs.subject().to_string(),
        common_name: name_value(tbs.subject(), const_oid::db::rfc4519::CN),
        organization: name_value(tbs.subject(), const_oid::db::rfc4519::O),
        issuer: tbs.issuer().to_string(),
        serial: crate::domain::catalogue::hex(tbs.serial_number().as_bytes()),
        not_before: validity.not_before.to_unix_duration().as_secs(),
        not_after: validity.not_after.to_unix_duration().as_secs(),
        self_signed: tbs.subject() == tbs.issuer() && issued_by(cert, cert),
        fingerprint: cert
            .to_der()
            .map(|d| crate::domain::catalogue::hex(&sha2::Sha256::digest(&d)))
            .unwrap_or_default(),
    }
}

/// Whether `signature` over `message` verifies with the certificate's public key, under the
/// signature algorithm `algorithm` (RSA PKCS #1 v1.5 with SHA-256/384/512, or ECDSA P-256 with
/// SHA-256). `None`: an algorithm or key kaijisho does not check.
pub fn verify_with(
    cert: &Certificate,
    algorithm: ObjectIdentifier,
    message: &[u8],
    signature: &[u8],
) -> Option<bool> {
    let spki = cert
        .tbs_certificate()
        .subject_public_key_info()
        .to_der()
        .ok()?;
    let rsa_key = || rsa::PublicKey::from_public_key_der(&spki).ok();
    match algorithm {
        // rsaEncryption as a signature algorithm: SignerInfos name the key's algorithm.
        rfc5912::SHA_256_WITH_RSA_ENCRYPTION | rfc5912::RSA_ENCRYPTION => {
            let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(rsa_key()?);
            let sig = rsa::pkcs1v15::Signature::try_from(signature).ok()?;
            Some(key.verify(message, &sig).is_ok())
        }
        rfc5912::SHA_384_WITH_RSA_ENCRYPTION => {
            let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha384>::new(rsa_key()?);
            let sig = rsa::pkcs1v15::Signature::try_from(signature).ok()?;
            Some(key.verify(message, &sig).is_ok())
        }
        rfc5912::SHA_512_WITH_RSA_ENCRYPTION => {
            let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha512>::new(rsa_key()?);
            let sig = rsa::pkcs1v15::Signature::try_from(signature).ok()?;
            Some(key.verify(message, &sig).is_ok())
        }
        rfc5912::ECDSA_WITH_SHA_256 | rfc5912::ID_EC_PUBLIC_KEY => {
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(&spki).ok()?;
            let sig = p256::ecdsa::DerSignature::try_from(signature).ok()?;
            Some(key.verify(message, &sig).is_ok())
        }
        _ => None,
    }
}

/// Whether `issuer`'s key signed `cert`.
pub fn issued_by(cert: &Certificate, issuer: &Certificate) -> bool {
    if cert.tbs_certificate().issuer() != issuer.tbs_certificate().subject() {
        return false;
    }
    let Ok(tbs) = cert.tbs_certificate().to_der() else {
        return false;
    };
    let Some(sig) = cert.signature().as_bytes() else {
        return false;
    };
    verify_with(issuer, cert.signature_algorithm().oid, &tbs, sig) == Some(true)
}

/// Whether a certificate may issue others: basicConstraints cA, and keyCertSign when it
/// states its key usage (RFC 5280 4.2.1.3, 4.2.1.9).
pub fn is_ca(cert: &Certificate) -> bool {
    use der::Decode;
    use x509_cert::ext::pkix::{BasicConstraints, KeyUsage};
    let Some(exts) = cert.tbs_certificate().extensions() else {
        return false;
    };
    let mut ca = false;
    let mut may_sign_certs = true;
    for e in exts {
        if e.extn_id == const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS {
            ca = BasicConstraints::from_der(e.extn_value.as_bytes()).is_ok_and(|b| b.ca);
        } else if e.extn_id == const_oid::db::rfc5280::ID_CE_KEY_USAGE {
            may_sign_certs =
                KeyUsage::from_der(e.extn_value.as_bytes()).is_ok_and(|k| k.key_cert_sign());
        }
    }
    ca && may_sign_certs
}

/// Whether a certificate may sign documents: it states no extended key usage, or one of
/// anyExtendedKeyUsage, emailProtection (S/MIME), documentSigning (RFC 9336), Microsoft's
/// document signing or Adobe's authentic documents. A certificate only for TLS servers,
/// clients or code does not sign a statement, whatever CA issued it.
pub fn fit_for_documents(cert: &Certificate) -> bool {
    use der::Decode;
    const ALLOWED: [&str; 5] = [
        "2.5.29.37.0",
        "1.3.6.1.5.5.7.3.4",
        "1.3.6.1.5.5.7.3.36",
        "1.3.6.1.4.1.311.10.3.12",
        "1.2.840.113583.1.1.5",
    ];
    let Some(exts) = cert.tbs_certificate().extensions() else {
        return true;
    };
    exts.iter()
        .filter(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_EXT_KEY_USAGE)
        .all(|e| {
            x509_cert::ext::pkix::ExtendedKeyUsage::from_der(e.extn_value.as_bytes()).is_ok_and(
                |u| {
                    u.0.iter()
                        .any(|o| ALLOWED.contains(&o.to_string().as_str()))
                },
            )
        })
}

/// Whether `cert` is within its validity at `t` (Unix seconds).
pub fn valid_at(cert: &Certificate, t: u64) -> bool {
    let v = cert.tbs_certificate().validity();
    v.not_before.to_unix_duration().as_secs() <= t && t <= v.not_after.to_unix_duration().as_secs()
}

/// The chain from `leaf` to one of `anchors`, through `intermediates`: the anchor reached, or
/// none. A trusted certificate may be the leaf itself (a vendor's certificate kept by the
/// hospital); every certificate that issues another on the way must be a CA (basicConstraints
/// cA, keyCertSign) and valid at `t`. At most `MAX_DEPTH` steps (a loop of certificates
/// cannot hold it up).
pub fn anchored<'a>(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchors: &'a [Certificate],
    t: u64,
) -> Option<&'a Certificate> {
    const MAX_DEPTH: usize = 8;
    let issuer_ok = |c: &Certificate| is_ca(c) && valid_at(c, t);
    let mut current = leaf.clone();
    for _ in 0..MAX_DEPTH {
        if let Some(a) = anchors.iter().find(|a| **a == current) {
            return Some(a);
        }
        if let Some(a) = anchors
            .iter()
            .find(|a| issuer_ok(a) && issued_by(&current, a))
        {
            return Some(a);
        }
        let next = intermediates
            .iter()
            .find(|i| **i != current && issuer_ok(i) && issued_by(&current, i))?;
        current = next.clone();
    }
    None
}
