//! The parts of a CMS SignedData that checking a signature and checking its timestamp both
//! read: the signer, the certificates, the attributes, and whether a signer's signature and
//! digest hold.

use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use const_oid::db::{rfc5911, rfc5912};
use der::asn1::OctetString;
use der::{Decode, Encode};
use sha2::Digest;
use x509_cert::Certificate;

use super::cert::verify_with;

/// At most this many certificates are taken from a signature (a chain is a handful): each is
/// a signature check when the chain is built.
pub const MAX_CERTIFICATES: usize = 32;

/// Why a signature could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    #[error("not DER-encoded CMS: {0}")]
    Der(String),
    #[error("a CMS message, but not SignedData")]
    NotSignedData,
    #[error("no signer in the signature")]
    NoSigner,
    #[error("the signer's certificate is not in the signature")]
    NoCertificate,
    #[error("more than {MAX_CERTIFICATES} certificates in the signature")]
    TooManyCertificates,
    /// A timestamp token that is no RFC 3161 token (no TSTInfo).
    #[error("not a timestamp token")]
    NotTimestamp,
}

/// The signer's identity against the hospital's trust anchors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// No trust anchors were given: the identity is as the certificate claims, unverified.
    NotChecked,
    /// The certificate chains to this anchor (its subject).
    Anchored(String),
    /// Trust anchors were given, and the certificate chains to none of them.
    NotAnchored,
}

pub fn find_attr(si: &SignerInfo, oid: const_oid::ObjectIdentifier) -> Option<&der::Any> {
    si.signed_attrs
        .as_ref()?
        .iter()
        .find(|a| a.oid == oid)
        .and_then(|a| a.values.iter().next())
}

pub fn signer_cert<'a>(si: &SignerInfo, certs: &'a [Certificate]) -> Option<&'a Certificate> {
    match &si.sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => certs.iter().find(|c| {
            c.tbs_certificate().issuer() == &ias.issuer
                && c.tbs_certificate().serial_number() == &ias.serial_number
        }),
        SignerIdentifier::SubjectKeyIdentifier(_) => certs.iter().find(|c| {
            let Some(msg) = si.signed_attrs.as_ref().and_then(|a| a.to_der().ok()) else {
                return false;
            };
            verify_with(c, si.signature_algorithm.oid, &msg, si.signature.as_bytes()) == Some(true)
        }),
    }
}

/// The algorithm the signature value is checked with: `rsaEncryption` (as many signers write
/// it) means PKCS #1 v1.5 with the signer's digest algorithm.
fn signature_algorithm(si: &SignerInfo) -> const_oid::ObjectIdentifier {
    if si.signature_algorithm.oid != rfc5912::RSA_ENCRYPTION {
        return si.signature_algorithm.oid;
    }
    match si.digest_alg.oid {
        rfc5912::ID_SHA_384 => rfc5912::SHA_384_WITH_RSA_ENCRYPTION,
        rfc5912::ID_SHA_512 => rfc5912::SHA_512_WITH_RSA_ENCRYPTION,
        _ => rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
    }
}

/// ESSCertID (RFC 2634, v1): the certificate's SHA-1 hash, optionally its issuer and serial.
#[derive(Debug, Clone, der::Sequence)]
struct EssCertId {
    cert_hash: OctetString,
    #[asn1(optional = "true")]
    issuer_serial: Option<der::Any>,
}

/// SigningCertificate ::= SEQUENCE { certs SEQUENCE OF ESSCertID, policies OPTIONAL }.
#[derive(Debug, Clone, der::Sequence)]
struct SigningCertificateV1 {
    certs: Vec<EssCertId>,
    #[asn1(optional = "true")]
    policies: Option<Vec<der::Any>>,
}

/// The hash of `der` by the algorithm `alg` (SHA-1 only for ESS v1).
fn hash_of(alg: const_oid::ObjectIdentifier, der: &[u8]) -> Option<Vec<u8>> {
    match alg {
        rfc5912::ID_SHA_1 => Some(sha1::Sha1::digest(der).to_vec()),
        other => content_digest(other, der),
    }
}

/// What the signer's ESS signing-certificate attributes say of `cert`: `None` when it has
/// none kaijisho reads, else whether the first certificate named (the signer's) is `cert`.
fn ess_names(si: &SignerInfo, cert: &Certificate) -> Option<bool> {
    let der = cert.to_der().ok()?;
    if let Some(attr) = find_attr(si, super::sign::SIGNING_CERTIFICATE_V2) {
        let sc = attr.decode_as::<super::sign::SigningCertificateV2>().ok()?;
        let first = sc.certs.first()?;
        let alg = first
            .hash_algorithm
            .as_ref()
            .map_or(rfc5912::ID_SHA_256, |a| a.oid);
        // A hash kaijisho does not compute: not read (not held against a signature).
        let ours = hash_of(alg, &der)?;
        return Some(ours == first.cert_hash.as_bytes());
    }
    let attr = find_attr(si, SIGNING_CERTIFICATE_V1)?;
    let sc = attr.decode_as::<SigningCertificateV1>().ok()?;
    let first = sc.certs.first()?;
    Some(hash_of(rfc5912::ID_SHA_1, &der).as_deref() == Some(first.cert_hash.as_bytes()))
}

/// id-aa-signingCertificate (RFC 2634, ESS v1).
pub const SIGNING_CERTIFICATE_V1: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.12");

/// Whether the signing-certificate attribute, when the signature has one kaijisho reads,
/// names `cert`. A signature without one is not held against (the signature value is checked
/// all the same); a timestamp token must have one ([`names_certificate_strictly`]).
fn names_certificate(si: &SignerInfo, cert: &Certificate) -> bool {
    ess_names(si, cert).unwrap_or(true)
}

/// Whether the signer's ESS signing-certificate attribute (v1 or v2) names `cert`: RFC 3161
/// asks every timestamp token for one.
pub fn names_certificate_strictly(si: &SignerInfo, cert: &Certificate) -> bool {
    ess_names(si, cert) == Some(true)
}

/// Which digest the signer used over the content.
pub fn content_digest(alg: const_oid::ObjectIdentifier, content: &[u8]) -> Option<Vec<u8>> {
    match alg {
        rfc5912::ID_SHA_256 => Some(sha2::Sha256::digest(content).to_vec()),
        rfc5912::ID_SHA_384 => Some(sha2::Sha384::digest(content).to_vec()),
        rfc5912::ID_SHA_512 => Some(sha2::Sha512::digest(content).to_vec()),
        _ => None,
    }
}

/// The parsed signature: its signer info and the certificates it carries.
pub struct Parsed {
    pub signer: SignerInfo,
    pub certs: Vec<Certificate>,
}

/// Whether the signer's signature verifies with `cert` (`None`: an algorithm kaijisho does
/// not check), and whether the content's digest is the one signed.
pub fn check_signer(si: &SignerInfo, cert: &Certificate, content: &[u8]) -> (Option<bool>, bool) {
    let algorithm = signature_algorithm(si);
    let signature_ok = match si.signed_attrs.as_ref() {
        Some(attrs) => attrs
            .to_der()
            .ok()
            .and_then(|msg| verify_with(cert, algorithm, &msg, si.signature.as_bytes()))
            // The signing-certificate attribute must name this certificate: another
            // certificate with the same key but another subject is refused.
            .map(|ok| ok && names_certificate(si, cert)),
        // Without signed attributes the signature is over the content itself.
        None => verify_with(cert, algorithm, content, si.signature.as_bytes()),
    };
    let digest_ok = match (
        si.signed_attrs.as_ref(),
        find_attr(si, rfc5911::ID_MESSAGE_DIGEST),
    ) {
        (Some(_), Some(md)) => {
            let md = md.decode_as::<OctetString>().ok();
            let ours = content_digest(si.digest_alg.oid, content);
            md.zip(ours)
                .is_some_and(|(m, o)| m.as_bytes() == o.as_slice())
        }
        (Some(_), None) => false,
        (None, None) => signature_ok == Some(true),
        (None, Some(_)) => false,
    };
    (signature_ok, digest_ok)
}

/// The SignedData of a CMS ContentInfo.
pub fn signed_data(ci: &ContentInfo) -> Result<SignedData, Unreadable> {
    if ci.content_type != rfc5911::ID_SIGNED_DATA {
        return Err(Unreadable::NotSignedData);
    }
    ci.content
        .decode_as::<SignedData>()
        .map_err(|e| Unreadable::Der(e.to_string()))
}

/// The first signer and the certificates (at most [`MAX_CERTIFICATES`]) of a SignedData.
pub fn parsed(sd: &SignedData) -> Result<Parsed, Unreadable> {
    let certs: Vec<Certificate> = sd
        .certificates
        .iter()
        .flat_map(|set| set.0.iter())
        .filter_map(|c| match c {
            cms::cert::CertificateChoices::Certificate(c) => Some(c.clone()),
            _ => None,
        })
        .collect();
    if certs.len() > MAX_CERTIFICATES {
        return Err(Unreadable::TooManyCertificates);
    }
    let signer = sd
        .signer_infos
        .0
        .iter()
        .next()
        .cloned()
        .ok_or(Unreadable::NoSigner)?;
    Ok(Parsed { signer, certs })
}

/// Parses a detached CMS SignedData.
pub fn parse(der: &[u8]) -> Result<Parsed, Unreadable> {
    let ci = ContentInfo::from_der(der).map_err(|e| Unreadable::Der(e.to_string()))?;
    parsed(&signed_data(&ci)?)
}
