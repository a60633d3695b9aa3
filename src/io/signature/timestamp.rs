//! Trusted timestamps (RFC 3161) on a signature: CAdES-T for the content signature, PAdES B-T
//! for the PDF's. A timestamp authority (TSA) signs the time together with a digest of the
//! signature value, which proves that the signature existed then — so a certificate that has
//! expired since still leaves the signature valid, if it was valid at that time.
//!
//! kaijisho never goes on the network: it writes the request (a `.tsq`), the user sends it to
//! the TSA of their choice with whatever their organisation uses (`curl`, the TSA's tool), and
//! kaijisho takes the reply (a `.tsr`, or the bare token) back into the signature as its
//! unsigned attribute `id-aa-signatureTimeStampToken` (RFC 3161 Appendix A).
//!
//! The RFC 3161 structures are written here with `der` (the RustCrypto `x509-tsp` crate is
//! still on `der` 0.7, and `cms` here is on 0.8).

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use const_oid::db::{rfc3161, rfc5280, rfc5912};
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use sha2::Digest;
use spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;

use super::cert::{CertInfo, anchored, info, valid_at};
use super::error::SignatureError;
use super::signer::{Trust, Unreadable, check_signer, content_digest, parsed, signed_data};

/// MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING }
#[derive(Debug, Clone, PartialEq, Eq, der::Sequence)]
pub struct MessageImprint {
    pub hash_algorithm: AlgorithmIdentifierOwned,
    pub hashed_message: OctetString,
}

/// TimeStampReq (RFC 3161 §2.4.1), as kaijisho writes it: version 1, the imprint, a nonce,
/// and certReq TRUE (the TSA's certificate in the token, so that it can be checked offline).
#[derive(Debug, Clone, der::Sequence)]
struct TimeStampReq {
    version: u8,
    message_imprint: MessageImprint,
    nonce: u64,
    cert_req: bool,
}

/// What a timestamp token says and what checking it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    /// The time the TSA states (genTime), Unix seconds.
    pub at: u64,
    /// The TSA's certificate.
    pub tsa: CertInfo,
    /// What is wrong with it, if anything.
    pub problem: Option<TimestampProblem>,
    /// The TSA's certificate against the trust anchors.
    pub trust: Trust,
}

impl Timestamp {
    /// Sound, and from a TSA that chains to a trusted certificate: only then can its time
    /// stand in for the signer's claim (anyone can run a TSA of their own).
    pub fn is_trusted(&self) -> bool {
        self.problem.is_none() && matches!(self.trust, Trust::Anchored(_))
    }
}

pub use super::error::TimestampProblem;

fn fail(e: impl std::fmt::Display) -> SignatureError {
    SignatureError::Sign {
        detail: e.to_string(),
    }
}

/// The value of the first signer of a signature (what a timestamp is over); `path`: the file
/// the signature is in (or carried by).
fn signature_value(signature: &[u8], path: &std::path::Path) -> Result<Vec<u8>, SignatureError> {
    let p = super::signer::parse(signature).map_err(|e| SignatureError::NotSignature {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    Ok(p.signer.signature.as_bytes().to_vec())
}

/// The request (DER, a `.tsq`) for a timestamp on `signature` (a CMS SignedData, from
/// `path`): SHA-256 of its signature value, `nonce`, and the TSA's certificate asked for.
pub fn request(
    signature: &[u8],
    path: &std::path::Path,
    nonce: u64,
) -> Result<Vec<u8>, SignatureError> {
    let value = signature_value(signature, path)?;
    TimeStampReq {
        version: 1,
        message_imprint: MessageImprint {
            hash_algorithm: AlgorithmIdentifierOwned {
                oid: rfc5912::ID_SHA_256,
                parameters: None,
            },
            hashed_message: OctetString::new(sha2::Sha256::digest(&value).to_vec())
                .map_err(fail)?,
        },
        // A nonce is an INTEGER: kept positive and below 2^63 so it reads the same anywhere.
        nonce: nonce >> 1,
        cert_req: true,
    }
    .to_der()
    .map_err(fail)
}

/// The token of a TSA's reply: a TimeStampResp (status granted, or granted with
/// modifications), or the bare token (a ContentInfo) some tools save.
fn token_of(reply: &[u8], path: &std::path::Path) -> Result<ContentInfo, SignatureError> {
    let bad = |detail: String| SignatureError::TimestampReply {
        path: path.to_path_buf(),
        detail,
    };
    if let Ok(ci) = ContentInfo::from_der(reply) {
        return Ok(ci);
    }
    let parts = Vec::<Any>::from_der(reply).map_err(|e| bad(e.to_string()))?;
    let status = parts
        .first()
        .and_then(|s| s.decode_as::<Vec<Any>>().ok())
        .ok_or_else(|| bad("no status".to_string()))?;
    let code = status
        .first()
        .and_then(|c| c.decode_as::<u32>().ok())
        .ok_or_else(|| bad("no status".to_string()))?;
    if code > 1 {
        let text = status
            .get(1)
            .and_then(|t| t.decode_as::<Vec<String>>().ok())
            .map(|t| t.join(" "))
            .unwrap_or_default();
        return Err(SignatureError::TimestampRefused {
            path: path.to_path_buf(),
            status: code,
            text,
        });
    }
    parts
        .get(1)
        .ok_or_else(|| bad("no token in the reply".to_string()))?
        .decode_as::<ContentInfo>()
        .map_err(|e| bad(e.to_string()))
}

/// `signature` (from `signature_path`) with the token of `reply` (read from `path`) as its
/// timestamp — replacing one it had. Refused when the reply is no granted timestamp, or the
/// token is not sound: for another signature, not verifying, not a TSA's, out of its validity.
pub fn attach(
    (signature, signature_path): (&[u8], &std::path::Path),
    (reply, path): (&[u8], &std::path::Path),
    now_secs: u64,
) -> Result<Vec<u8>, SignatureError> {
    let token = token_of(reply, path)?;
    let value = signature_value(signature, signature_path)?;
    let checked = check_token(&token, &value, None, now_secs).map_err(|e| {
        SignatureError::TimestampReply {
            path: path.to_path_buf(),
            detail: e.to_string(),
        }
    })?;
    match checked.problem {
        None => {}
        Some(TimestampProblem::OtherSignature) => {
            return Err(SignatureError::TimestampNotForSignature {
                path: path.to_path_buf(),
            });
        }
        Some(problem) => {
            return Err(SignatureError::TimestampUnsound {
                path: path.to_path_buf(),
                problem,
            });
        }
    }
    let unreadable = |e: der::Error| SignatureError::NotSignature {
        path: signature_path.to_path_buf(),
        detail: e.to_string(),
    };
    let ci = ContentInfo::from_der(signature).map_err(unreadable)?;
    let mut sd: SignedData = ci.content.decode_as().map_err(unreadable)?;
    let mut signers: Vec<_> = sd.signer_infos.0.iter().cloned().collect();
    let first = signers.first_mut().ok_or_else(|| fail("no signer"))?;
    let mut attrs: Vec<Attribute> = first
        .unsigned_attrs
        .iter()
        .flat_map(|a| a.iter().cloned())
        .filter(|a| a.oid != rfc3161::ID_AA_TIME_STAMP_TOKEN)
        .collect();
    let mut values = SetOfVec::new();
    values
        .insert(Any::encode_from(&token).map_err(fail)?)
        .map_err(fail)?;
    attrs.push(Attribute {
        oid: rfc3161::ID_AA_TIME_STAMP_TOKEN,
        values,
    });
    first.unsigned_attrs = Some(SetOfVec::try_from(attrs).map_err(fail)?);
    sd.signer_infos = cms::signed_data::SignerInfos(SetOfVec::try_from(signers).map_err(fail)?);
    ContentInfo {
        content_type: ci.content_type,
        content: Any::encode_from(&sd).map_err(fail)?,
    }
    .to_der()
    .map_err(fail)
}

/// The time of a GeneralizedTime, Unix seconds: `YYYYMMDDHHMMSS`, an optional fraction (RFC
/// 3161 allows one; `der` refuses it), `Z`.
fn generalized_time(any: &Any) -> Option<u64> {
    let text = std::str::from_utf8(any.value()).ok()?;
    let body = text.strip_suffix('Z')?;
    let (whole, fraction) = body.split_once('.').unwrap_or((body, "0"));
    if whole.len() != 14 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dt = jiff::civil::DateTime::strptime("%Y%m%d%H%M%S", whole).ok()?;
    let t = dt.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
    u64::try_from(t.as_second()).ok()
}

/// A TSA's certificate: extended key usage timeStamping, its only purpose, critical (RFC 3161
/// §2.3).
fn is_tsa_certificate(cert: &Certificate) -> bool {
    cert.tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .filter(|e| e.extn_id == rfc5280::ID_CE_EXT_KEY_USAGE)
        .any(|e| {
            e.critical
                && x509_cert::ext::pkix::ExtendedKeyUsage::from_der(e.extn_value.as_bytes())
                    .is_ok_and(|u| u.0 == [rfc5280::ID_KP_TIME_STAMPING])
        })
}

/// How far a timestamp's time may lie ahead of the checking machine's clock (seconds).
pub const CLOCK_SKEW: u64 = 600;

/// Checks a timestamp token against the signature value it should be over: the TSA's
/// certificate must be valid at the time the token states and now, and chain to the anchors
/// now; a time ahead of `now_secs` is refused.
pub fn check_token(
    token: &ContentInfo,
    signature_value: &[u8],
    anchors: Option<&[Certificate]>,
    now_secs: u64,
) -> Result<Timestamp, Unreadable> {
    let sd = signed_data(token)?;
    if sd.encap_content_info.econtent_type != rfc3161::ID_CT_TST_INFO {
        return Err(Unreadable::NotTimestamp);
    }
    let tst = sd
        .encap_content_info
        .econtent
        .as_ref()
        .ok_or(Unreadable::NotTimestamp)?
        .decode_as::<OctetString>()
        .map_err(|e| Unreadable::Der(e.to_string()))?;
    let fields =
        Vec::<Any>::from_der(tst.as_bytes()).map_err(|e| Unreadable::Der(e.to_string()))?;
    let imprint = fields
        .get(2)
        .and_then(|f| f.decode_as::<MessageImprint>().ok())
        .ok_or(Unreadable::NotTimestamp)?;
    let at = fields
        .get(4)
        .and_then(generalized_time)
        .ok_or(Unreadable::NotTimestamp)?;
    let p = parsed(&sd)?;
    let tsa = super::signer::signer_cert(&p.signer, &p.certs).ok_or(Unreadable::NoCertificate)?;
    let (signature_ok, digest_ok) = check_signer(&p.signer, tsa, tst.as_bytes());
    let ours = content_digest(imprint.hash_algorithm.oid, signature_value);
    let ess_ok = super::signer::names_certificate_strictly(&p.signer, tsa);
    let problem = if signature_ok != Some(true) || !digest_ok || !ess_ok {
        Some(TimestampProblem::Signature)
    } else if ours.as_deref() != Some(imprint.hashed_message.as_bytes()) {
        Some(TimestampProblem::OtherSignature)
    } else if !is_tsa_certificate(tsa) {
        Some(TimestampProblem::NotTsa)
    } else if at > now_secs.saturating_add(CLOCK_SKEW) {
        Some(TimestampProblem::InFuture)
    } else if !valid_at(tsa, at) || !valid_at(tsa, now_secs) {
        // Valid now too: the holder of an expired (or retired) TSA key could otherwise stamp
        // any time within its old validity.
        Some(TimestampProblem::TsaNotValid)
    } else {
        None
    };
    let intermediates: Vec<Certificate> = p.certs.iter().filter(|c| *c != tsa).cloned().collect();
    let trust = match anchors {
        None => Trust::NotChecked,
        Some(a) => match anchored(tsa, &intermediates, a, now_secs) {
            Some(anchor) => Trust::Anchored(anchor.tbs_certificate().subject().to_string()),
            None => Trust::NotAnchored,
        },
    };
    Ok(Timestamp {
        at,
        tsa: info(tsa),
        problem,
        trust,
    })
}

/// The timestamp of a signer, if it has one: checked, or why it could not be read.
pub fn of_signer(
    si: &cms::signed_data::SignerInfo,
    anchors: Option<&[Certificate]>,
    now_secs: u64,
) -> Option<Result<Timestamp, Unreadable>> {
    let value = si
        .unsigned_attrs
        .as_ref()?
        .iter()
        .find(|a| a.oid == rfc3161::ID_AA_TIME_STAMP_TOKEN)?
        .values
        .iter()
        .next()?;
    Some(
        value
            .decode_as::<ContentInfo>()
            .map_err(|e| Unreadable::Der(e.to_string()))
            .and_then(|token| check_token(&token, si.signature.as_bytes(), anchors, now_secs)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> Option<u64> {
        let any = Any::new(der::Tag::GeneralizedTime, text.as_bytes()).unwrap();
        generalized_time(&any)
    }

    #[test]
    fn a_timestamps_time_may_carry_a_fraction_of_a_second() {
        assert_eq!(time("20261208020000Z"), Some(1_796_695_200));
        assert_eq!(time("20261208020000.123Z"), Some(1_796_695_200));
        assert_eq!(time("20261208020000"), None, "UTC only");
        assert_eq!(time("202612080200Z"), None, "seconds required");
        assert_eq!(time("20261208020000.1aZ"), None);
    }

    #[test]
    fn a_request_is_over_the_signature_value_and_a_stranger_is_no_reply() {
        let key = crate::io::signature::key::generate("署名者", "", 1_780_000_000, 30).unwrap();
        let sig = crate::io::signature::sign::sign_detached(
            &key,
            b"abc",
            crate::io::signature::sign::SignOptions::default(),
        )
        .unwrap();
        let here = std::path::Path::new("st.p7s");
        let req = request(&sig, here, 42).unwrap();
        let value = signature_value(&sig, here).unwrap();
        let digest = sha2::Sha256::digest(&value);
        assert!(
            req.windows(digest.len()).any(|w| w == digest.as_slice()),
            "the request carries SHA-256 of the signature value"
        );
        let path = std::path::Path::new("reply.tsr");
        assert!(matches!(
            attach((&sig, here), (b"not a reply", path), 1_780_000_000),
            Err(SignatureError::TimestampReply { .. })
        ));
        // A signature is a ContentInfo, but no timestamp token.
        assert!(matches!(
            attach((&sig, here), (&sig, path), 1_780_000_000),
            Err(SignatureError::TimestampReply { .. })
        ));
    }
}
