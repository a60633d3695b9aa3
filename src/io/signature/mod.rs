//! Signed statements (issue 33): the vendor's key and certificate from a PKCS#12 file (or a
//! self-signed pair made here for trials), a CMS SignedData (RFC 5652) over the canonical
//! statement, and its verification — signer, certificate validity, the chain to the trust
//! anchors a hospital keeps, and which questions changed since signing.
//!
//! Standard formats throughout, so that anyone can verify without kaijisho: the detached
//! signature (`.p7s`) checks with `openssl cms -verify -binary -content <canonical bytes>`.
//! Pure Rust (RustCrypto); RSA (PKCS #1 v1.5) and ECDSA P-256 keys, SHA-256.

pub mod cert;
pub mod error;
pub mod key;
pub mod pades;
pub mod sign;
pub mod signer;
pub mod timestamp;
pub mod trust;
pub mod verify;
