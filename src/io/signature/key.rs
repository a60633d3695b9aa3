//! The signer's key and certificate: read from a PKCS#12 file (.p12/.pfx — what a company has
//! for e-contracts or from its CA), or a self-signed ECDSA P-256 pair made here for trials and
//! written as a PKCS#12 file the user keeps.

use std::path::Path;
use std::time::Duration;

use der::{Decode, Encode};
use p12_keystore::{KeyStore, KeyStoreEntry, Pkcs12ImportPolicy, PrivateKeyChain};
use p256::elliptic_curve::Generate;
use p256::pkcs8::DecodePrivateKey;
use spki::EncodePublicKey;
use x509_cert::Certificate;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::ext::pkix::{BasicConstraints, KeyUsage, KeyUsages};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::error::SignatureError;
use crate::io::read::read_limited;

/// A PKCS#12 file larger than this is no signing key (a certificate chain is a few KB).
pub const MAX_KEY_FILE: u64 = 1024 * 1024;

/// The private key, by algorithm.
pub enum KeyKind {
    Rsa(Box<rsa::pkcs1v15::SigningKey<sha2::Sha256>>),
    P256(Box<p256::ecdsa::SigningKey>),
}

/// A key ready to sign, with its certificate and the rest of its chain (from the same file).
pub struct SigningKey {
    pub key: KeyKind,
    pub cert: Certificate,
    /// Further certificates of the file (intermediates), included in every signature.
    pub chain: Vec<Certificate>,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key itself.
        f.debug_struct("SigningKey")
            .field(
                "subject",
                &self.cert.tbs_certificate().subject().to_string(),
            )
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    /// The DER of the key's public key (SubjectPublicKeyInfo).
    fn public_key_der(&self) -> Option<Vec<u8>> {
        match &self.key {
            KeyKind::Rsa(k) => rsa::PublicKey::from(k.as_ref().as_ref())
                .to_public_key_der()
                .ok()
                .map(|d| d.as_bytes().to_vec()),
            KeyKind::P256(k) => k
                .verifying_key()
                .to_public_key_der()
                .ok()
                .map(|d| d.as_bytes().to_vec()),
        }
    }
}

/// Reads the key and certificate of a PKCS#12 file.
pub fn load_pkcs12(path: &Path, password: &str) -> Result<SigningKey, SignatureError> {
    let bytes = read_limited(path, MAX_KEY_FILE)?;
    let store = KeyStore::from_pkcs12(&bytes, password, Pkcs12ImportPolicy::Relaxed).map_err(
        |e| match e {
            p12_keystore::error::Error::MacError(_) => SignatureError::WrongPassword {
                path: path.to_path_buf(),
            },
            other => SignatureError::NotPkcs12 {
                path: path.to_path_buf(),
                detail: other.to_string(),
            },
        },
    )?;
    let Some(chain) = store.entries().find_map(|(_, e)| match e {
        KeyStoreEntry::PrivateKeyChain(c) if !c.certs().is_empty() => Some(c),
        _ => None,
    }) else {
        return Err(SignatureError::NoKey {
            path: path.to_path_buf(),
        });
    };
    from_chain(path, chain)
}

fn from_chain(path: &Path, chain: &PrivateKeyChain) -> Result<SigningKey, SignatureError> {
    let unsupported = |detail: String| SignatureError::UnsupportedKey {
        path: path.to_path_buf(),
        detail,
    };
    let der = chain.key().as_der();
    let key = if let Ok(k) = rsa::PrivateKey::from_pkcs8_der(der) {
        KeyKind::Rsa(Box::new(rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(k)))
    } else if let Ok(k) = p256::SecretKey::from_pkcs8_der(der) {
        KeyKind::P256(Box::new(p256::ecdsa::SigningKey::from(k)))
    } else {
        return Err(unsupported(chain.key().oid().to_string()));
    };
    let mut certs = Vec::with_capacity(chain.certs().len());
    for c in chain.certs() {
        let cert = Certificate::from_der(c.as_der()).map_err(|e| SignatureError::NotPkcs12 {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        certs.push(cert);
    }
    let probe = SigningKey {
        key,
        cert: certs
            .first()
            .cloned()
            .ok_or_else(|| SignatureError::NoKey {
                path: path.to_path_buf(),
            })?,
        chain: Vec::new(),
    };
    // The certificate of the key is the one with its public key; the others are its chain.
    let public = probe.public_key_der();
    let own = certs.iter().position(|c| {
        c.tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .ok()
            .is_some_and(|d| Some(d) == public)
    });
    let Some(own) = own else {
        return Err(SignatureError::NoKey {
            path: path.to_path_buf(),
        });
    };
    let cert = certs.remove(own);
    Ok(SigningKey {
        key: probe.key,
        cert,
        chain: certs,
    })
}

/// The profile of a self-signed signing certificate: subject = issuer, not a CA, for digital
/// signatures and non-repudiation.
struct SelfSigned {
    subject: Name,
}

impl BuilderProfile for SelfSigned {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        _spk: spki::SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: spki::SubjectPublicKeyInfoRef<'_>,
        tbs: &x509_cert::TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<x509_cert::ext::Extension>> {
        use x509_cert::ext::ToExtension;
        let subject = tbs.subject();
        let none = x509_cert::ext::Extensions::default();
        Ok(vec![
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(subject, &none)?,
            KeyUsage(KeyUsages::DigitalSignature | KeyUsages::NonRepudiation)
                .to_extension(subject, &none)?,
        ])
    }
}

/// An RDN value must not hold these (they would break the name's string form).
fn name_part(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() && !matches!(c, ',' | '+' | '=' | '"' | '\\' | '<' | '>' | ';'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// Makes a self-signed ECDSA P-256 key pair and certificate for `common_name` at
/// `organization`, valid for `days` from `now` (Unix seconds).
pub fn generate(
    common_name: &str,
    organization: &str,
    now: u64,
    days: u32,
) -> Result<SigningKey, SignatureError> {
    let fail = |detail: String| SignatureError::Sign { detail };
    let key = p256::ecdsa::SigningKey::generate();
    let cn = name_part(common_name);
    let org = name_part(organization);
    let mut name = format!("CN={}", if cn.is_empty() { "kaijisho" } else { &cn });
    if !org.is_empty() {
        name.push_str(&format!(",O={org}"));
    }
    let subject: Name = name.parse().map_err(|e: der::Error| fail(e.to_string()))?;
    let start = Duration::from_secs(now);
    let end = start.saturating_add(Duration::from_secs(u64::from(days).saturating_mul(86_400)));
    let time = |d: Duration| {
        der::DateTime::from_unix_duration(d)
            .map(|t| Time::GeneralTime(t.into()))
            .map_err(|e| fail(e.to_string()))
    };
    let validity = Validity::new(time(start)?, time(end)?);
    // A random positive serial (RFC 5280: unique per issuer, ≤ 20 octets).
    let mut serial = [0u8; 16];
    getrandom::fill(&mut serial).map_err(|e| fail(e.to_string()))?;
    if let Some(first) = serial.first_mut() {
        *first &= 0x7f;
        *first |= 0x01;
    }
    let serial = SerialNumber::new(&serial).map_err(|e| fail(e.to_string()))?;
    let spki = spki::SubjectPublicKeyInfoOwned::from_key(key.verifying_key())
        .map_err(|e| fail(e.to_string()))?;
    let builder = CertificateBuilder::new(SelfSigned { subject }, serial, validity, spki)
        .map_err(|e| fail(e.to_string()))?;
    let cert = builder
        .build::<_, p256::ecdsa::DerSignature>(&key)
        .map_err(|e| fail(e.to_string()))?;
    Ok(SigningKey {
        key: KeyKind::P256(Box::new(key)),
        cert,
        chain: Vec::new(),
    })
}

/// The key and certificate as a PKCS#12 file protected by `password` (AES-256, PBKDF2).
pub fn to_pkcs12(key: &SigningKey, password: &str) -> Result<Vec<u8>, SignatureError> {
    use p256::pkcs8::EncodePrivateKey;
    let fail = |detail: String| SignatureError::Sign { detail };
    let der = match &key.key {
        KeyKind::Rsa(k) => k
            .as_ref()
            .as_ref()
            .to_pkcs8_der()
            .map_err(|e| fail(e.to_string()))?,
        KeyKind::P256(k) => k.to_pkcs8_der().map_err(|e| fail(e.to_string()))?,
    };
    let private =
        p12_keystore::PrivateKey::from_der(der.as_bytes()).map_err(|e| fail(e.to_string()))?;
    let mut certs = Vec::new();
    for c in std::iter::once(&key.cert).chain(&key.chain) {
        let der = c.to_der().map_err(|e| fail(e.to_string()))?;
        certs.push(p12_keystore::Certificate::from_der(&der).map_err(|e| fail(e.to_string()))?);
    }
    let mut id = [0u8; 20];
    getrandom::fill(&mut id).map_err(|e| fail(e.to_string()))?;
    let chain = PrivateKeyChain::new(id.to_vec(), private, certs);
    let mut store = KeyStore::new();
    store.add_entry("kaijisho", KeyStoreEntry::PrivateKeyChain(chain));
    store
        .writer(password)
        .write()
        .map_err(|e| fail(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_key_round_trips_through_pkcs12_and_a_wrong_password_is_named() {
        let key = generate("山田 太郎", "株式会社テスト, 本社", 1_780_000_000, 365).unwrap();
        let subject = key.cert.tbs_certificate().subject().to_string();
        assert!(subject.contains("CN=山田 太郎"), "{subject}");
        assert!(subject.contains("O=株式会社テスト 本社"), "{subject}");
        let p12 = to_pkcs12(&key, "pw").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.p12");
        std::fs::write(&path, &p12).unwrap();
        let back = load_pkcs12(&path, "pw").unwrap();
        assert_eq!(back.cert, key.cert);
        assert!(matches!(back.key, KeyKind::P256(_)));
        assert!(matches!(
            load_pkcs12(&path, "nope"),
            Err(SignatureError::WrongPassword { .. })
        ));
        std::fs::write(&path, b"not a key").unwrap();
        assert!(matches!(
            load_pkcs12(&path, "pw"),
            Err(SignatureError::NotPkcs12 { .. })
        ));
    }
}
