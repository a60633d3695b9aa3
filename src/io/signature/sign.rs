//! Making the detached CMS SignedData: SHA-256 of the content, the signer's certificate (and
//! chain) included, signed attributes content-type, message-digest, signing-certificate-v2
//! (ESS, as CAdES and PAdES ask), and — for a statement — the signing time and the manifest.
//!
//! The manifest (one digest per part of the canonical statement, see
//! `domain::signature::Manifest`) travels as the description of the standard content-hints
//! attribute (RFC 2634 §2.9), as JSON: `{"kaijisho_manifest":1,"parts":[[key,hex],…]}`. It is
//! signed with the rest, and lets a verifier that holds only the `.p7s` name the questions
//! that changed.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedAttributes, SignedData, SignerIdentifier,
    SignerInfo, SignerInfos,
};
use const_oid::ObjectIdentifier;
use const_oid::db::{rfc5911, rfc5912};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

use super::error::SignatureError;
use super::key::{KeyKind, SigningKey};
use crate::domain::catalogue::hex;
use crate::domain::signature::Manifest;

/// id-aa-contentHint (RFC 2634).
pub const CONTENT_HINT: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.4");
/// id-aa-signingCertificateV2 (RFC 5035).
pub const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");
/// The manifest's format tag inside the content hint.
pub const MANIFEST_TAG: &str = "kaijisho_manifest";

/// ContentHints ::= SEQUENCE { contentDescription UTF8String OPTIONAL, contentType }.
#[derive(Debug, Clone, der::Sequence)]
pub struct ContentHints {
    #[asn1(optional = "true")]
    pub content_description: Option<String>,
    pub content_type: ObjectIdentifier,
}

/// ESSCertIDv2 (RFC 5035): the hash algorithm (absent: the default, SHA-256), the
/// certificate's hash, and optionally its issuer and serial. kaijisho writes the hash alone.
#[derive(Debug, Clone, der::Sequence)]
pub struct EssCertIdV2 {
    #[asn1(optional = "true")]
    pub hash_algorithm: Option<AlgorithmIdentifierOwned>,
    pub cert_hash: OctetString,
    #[asn1(optional = "true")]
    pub issuer_serial: Option<Any>,
}

/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies OPTIONAL }.
#[derive(Debug, Clone, der::Sequence)]
pub struct SigningCertificateV2 {
    pub certs: Vec<EssCertIdV2>,
    #[asn1(optional = "true")]
    pub policies: Option<Vec<Any>>,
}

/// What goes into the signed attributes besides the digest.
#[derive(Debug, Clone, Copy, Default)]
pub struct SignOptions<'a> {
    /// The claimed signing time, Unix seconds (a PDF signature states it in the dictionary
    /// instead, as PAdES asks).
    pub signing_time: Option<u64>,
    /// The statement's manifest.
    pub manifest: Option<&'a Manifest>,
}

fn fail(e: impl std::fmt::Display) -> SignatureError {
    SignatureError::Sign {
        detail: e.to_string(),
    }
}

fn attribute(oid: ObjectIdentifier, value: &impl Encode) -> Result<Attribute, SignatureError> {
    let mut values = SetOfVec::new();
    values
        .insert(Any::from_der(&value.to_der().map_err(fail)?).map_err(fail)?)
        .map_err(fail)?;
    Ok(Attribute { oid, values })
}

/// The manifest as the text of the content hint.
pub fn manifest_text(manifest: &Manifest) -> String {
    let parts: Vec<(&str, String)> = manifest
        .parts
        .iter()
        .map(|(k, d)| (k.as_str(), hex(d)))
        .collect();
    serde_json::json!({ MANIFEST_TAG: 1, "parts": parts }).to_string()
}

fn signed_attributes(
    key: &SigningKey,
    options: SignOptions<'_>,
) -> Result<Vec<Attribute>, SignatureError> {
    let mut attrs = Vec::new();
    let cert_hash = Sha256::digest(key.cert.to_der().map_err(fail)?);
    attrs.push(attribute(
        SIGNING_CERTIFICATE_V2,
        &SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                hash_algorithm: None,
                cert_hash: OctetString::new(cert_hash.to_vec()).map_err(fail)?,
                issuer_serial: None,
            }],
            policies: None,
        },
    )?);
    if let Some(secs) = options.signing_time {
        let t = der::DateTime::from_unix_duration(std::time::Duration::from_secs(secs))
            .map_err(fail)?;
        let time = x509_cert::time::Time::from(t);
        attrs.push(attribute(rfc5911::ID_SIGNING_TIME, &time)?);
    }
    if let Some(m) = options.manifest {
        attrs.push(attribute(
            CONTENT_HINT,
            &ContentHints {
                content_description: Some(manifest_text(m)),
                content_type: rfc5911::ID_DATA,
            },
        )?);
    }
    Ok(attrs)
}

/// The detached CMS SignedData (DER) over `content`, by `key`: SHA-256, the signed
/// attributes (content-type, message-digest and those of `options`) signed with RSA PKCS #1
/// v1.5 or ECDSA P-256, the certificate and its chain included.
pub fn sign_detached(
    key: &SigningKey,
    content: &[u8],
    options: SignOptions<'_>,
) -> Result<Vec<u8>, SignatureError> {
    use signature::{SignatureEncoding, Signer};
    let digest = Sha256::digest(content);
    let mut attrs = vec![
        attribute(rfc5911::ID_CONTENT_TYPE, &rfc5911::ID_DATA)?,
        attribute(
            rfc5911::ID_MESSAGE_DIGEST,
            &OctetString::new(digest.to_vec()).map_err(fail)?,
        )?,
    ];
    attrs.extend(signed_attributes(key, options)?);
    let signed_attrs: SignedAttributes = SetOfVec::try_from(attrs).map_err(fail)?;
    let to_sign = signed_attrs.to_der().map_err(fail)?;
    let (algorithm, parameters, signature) = match &key.key {
        KeyKind::Rsa(k) => {
            let s: rsa::pkcs1v15::Signature = k.try_sign(&to_sign).map_err(fail)?;
            (
                rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
                Some(Any::from(der::asn1::Null)),
                s.to_vec(),
            )
        }
        KeyKind::P256(k) => {
            let s: p256::ecdsa::DerSignature = k.try_sign(&to_sign).map_err(fail)?;
            (rfc5912::ECDSA_WITH_SHA_256, None, s.to_vec())
        }
    };
    let tbs = key.cert.tbs_certificate();
    let sha256 = AlgorithmIdentifierOwned {
        oid: rfc5912::ID_SHA_256,
        parameters: None,
    };
    let signer = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer().clone(),
            serial_number: tbs.serial_number().clone(),
        }),
        digest_alg: sha256.clone(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm: AlgorithmIdentifierOwned {
            oid: algorithm,
            parameters,
        },
        signature: OctetString::new(signature).map_err(fail)?,
        unsigned_attrs: None,
    };
    let mut certs = SetOfVec::new();
    for c in std::iter::once(&key.cert).chain(&key.chain) {
        certs
            .insert(CertificateChoices::Certificate(c.clone()))
            .map_err(fail)?;
    }
    let data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256]).map_err(fail)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: rfc5911::ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(certs)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer]).map_err(fail)?),
    };
    ContentInfo {
        content_type: rfc5911::ID_SIGNED_DATA,
        content: Any::encode_from(&data).map_err(fail)?,
    }
    .to_der()
    .map_err(fail)
}
