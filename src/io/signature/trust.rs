//! Trust anchors: the certificates a hospital trusts (its vendors' certificates, or their CAs'),
//! from files (PEM with one or more certificates, or DER) or a folder of them.

use std::path::{Path, PathBuf};

use der::Decode;
use x509_cert::Certificate;

use super::error::SignatureError;
use crate::io::read::read_limited;

/// A certificate file larger than this is no certificate bundle.
pub const MAX_CERT_FILE: u64 = 4 * 1024 * 1024;
/// At most this many certificates are read in all (files of a folder, certificates of a PEM).
pub const MAX_CERTS: usize = 2_000;

/// The certificates of one file.
pub fn read_certificates(path: &Path) -> Result<Vec<Certificate>, SignatureError> {
    let bytes = read_limited(path, MAX_CERT_FILE)?;
    let bad = |detail: String| SignatureError::NotCertificate {
        path: path.to_path_buf(),
        detail,
    };
    if bytes.starts_with(b"-----BEGIN") || bytes.windows(11).any(|w| w == b"-----BEGIN ") {
        // Each CERTIFICATE block on its own: what lies around them (openssl's "Bag
        // Attributes", a friendly name in any encoding, other blocks) is not read.
        let mut certs = Vec::new();
        for block in pem_blocks(&bytes) {
            if certs.len() >= MAX_CERTS {
                return Err(SignatureError::TooManyCertificates {
                    path: path.to_path_buf(),
                    limit: MAX_CERTS,
                });
            }
            certs.push(
                <Certificate as der::DecodePem>::from_pem(block).map_err(|e| bad(e.to_string()))?,
            );
        }
        if certs.is_empty() {
            return Err(bad("no CERTIFICATE block".into()));
        }
        if certs.len() > MAX_CERTS {
            return Err(SignatureError::TooManyCertificates {
                path: path.to_path_buf(),
                limit: MAX_CERTS,
            });
        }
        return Ok(certs);
    }
    Certificate::from_der(&bytes)
        .map(|c| vec![c])
        .map_err(|e| bad(e.to_string()))
}

/// The `-----BEGIN CERTIFICATE-----` … `-----END CERTIFICATE-----` blocks of a PEM file.
fn pem_blocks(bytes: &[u8]) -> Vec<&[u8]> {
    const BEGIN: &[u8] = b"-----BEGIN CERTIFICATE-----";
    const END: &[u8] = b"-----END CERTIFICATE-----";
    let mut out = Vec::new();
    let mut rest = bytes;
    while let Some(start) = rest.windows(BEGIN.len()).position(|w| w == BEGIN) {
        let Some(from) = rest.get(start..) else { break };
        let Some(len) = from.windows(END.len()).position(|w| w == END) else {
            break;
        };
        let end = len.saturating_add(END.len());
        out.extend(from.get(..end));
        rest = from.get(end..).unwrap_or_default();
    }
    out
}

/// Whether a folder entry's name looks like a certificate file.
fn is_cert_name(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "pem" | "crt" | "cer" | "der"
        )
    })
}

/// The operating system's trusted certificates: the Windows certificate store, the macOS
/// keychain, or the distribution's CA bundle (`SSL_CERT_FILE` / `SSL_CERT_DIR` when set). What
/// the store could not give, or a certificate that does not parse, is logged and left out; at
/// most [`MAX_SYSTEM_CERTS`] are taken.
pub fn system_anchors() -> Vec<Certificate> {
    let found = rustls_native_certs::load_native_certs();
    for e in &found.errors {
        log::warn!("system certificate store: {e}");
    }
    let mut out = Vec::new();
    let mut unreadable = 0usize;
    for der in found.certs.iter().take(MAX_SYSTEM_CERTS) {
        match Certificate::from_der(der.as_ref()) {
            Ok(c) => out.push(c),
            Err(_) => unreadable = unreadable.saturating_add(1),
        }
    }
    if unreadable > 0 {
        log::warn!("system certificate store: {unreadable} certificates not read");
    }
    if found.certs.len() > MAX_SYSTEM_CERTS {
        log::warn!(
            "system certificate store: {} certificates, the first {MAX_SYSTEM_CERTS} taken",
            found.certs.len()
        );
    }
    out
}

/// At most this many certificates are taken from the system store (a store holds a few
/// hundred).
pub const MAX_SYSTEM_CERTS: usize = 5_000;

/// The certificates of a folder, file by file: what reads, and what does not (each file named
/// with why). A bad file does not cost the others; at most [`MAX_CERTS`] files and
/// certificates.
pub fn load_folder(folder: &Path) -> (Vec<Certificate>, Vec<SignatureError>) {
    let entries = match std::fs::read_dir(folder) {
        Ok(e) => e,
        Err(source) => {
            let e = SignatureError::Read(crate::io::error::ReadError::Io {
                path: folder.to_path_buf(),
                source,
            });
            return (Vec::new(), vec![e]);
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|f| is_cert_name(f))
        .take(MAX_CERTS.saturating_add(1))
        .collect();
    let mut problems = Vec::new();
    if files.len() > MAX_CERTS {
        files.truncate(MAX_CERTS);
        problems.push(SignatureError::TooManyCertificates {
            path: folder.to_path_buf(),
            limit: MAX_CERTS,
        });
    }
    files.sort();
    let mut certs = Vec::new();
    for f in files {
        match read_certificates(&f) {
            Ok(c) if certs.len().saturating_add(c.len()) <= MAX_CERTS => certs.extend(c),
            Ok(_) => {
                problems.push(SignatureError::TooManyCertificates {
                    path: folder.to_path_buf(),
                    limit: MAX_CERTS,
                });
                break;
            }
            Err(e) => problems.push(e),
        }
    }
    (certs, problems)
}
