//! What can go wrong signing or verifying: each error names the file it is about (or says
//! that the signature carried inside the statement is the one at fault).

use std::path::PathBuf;

use crate::io::error::ReadError;

/// What went wrong with a key, a certificate or a signature.
#[derive(Debug, thiserror::Error)]
pub enum SignatureError {
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The PKCS#12 file's integrity check failed: almost always a wrong password.
    #[error("{}: wrong password (or a damaged PKCS#12 file)", .path.display())]
    WrongPassword { path: PathBuf },
    #[error("{}: not a PKCS#12 (.p12/.pfx) file kaijisho can read: {detail}", .path.display())]
    NotPkcs12 { path: PathBuf, detail: String },
    /// The PKCS#12 file holds no private key with its certificate.
    #[error("{}: the file holds no private key with its certificate", .path.display())]
    NoKey { path: PathBuf },
    /// A key kaijisho does not sign with (only RSA and ECDSA P-256).
    #[error("{}: unsupported key ({detail}); kaijisho signs with RSA or ECDSA P-256 keys", .path.display())]
    UnsupportedKey { path: PathBuf, detail: String },
    /// Making the signature failed (a key the library refused, an encoding limit).
    #[error("signing failed: {detail}")]
    Sign { detail: String },
    /// A signature that is no CMS SignedData, or one kaijisho cannot read. `path` is empty for
    /// the signature stored in a statement.
    #[error("{}: not a readable signature: {detail}", .path.display())]
    NotSignature { path: PathBuf, detail: String },
    /// A trust-anchor file that holds no certificate.
    #[error("{}: not a certificate (PEM or DER): {detail}", .path.display())]
    NotCertificate { path: PathBuf, detail: String },
    /// More trust-anchor files than kaijisho reads from one folder.
    #[error("{}: more than {limit} certificates", .path.display())]
    TooManyCertificates { path: PathBuf, limit: usize },
    /// The certificate is not valid now (expired, or not yet valid): nothing is signed.
    #[error("{}: the certificate is valid only from {not_before} to {not_after} (Unix time)", .path.display())]
    CertificateNotValid {
        path: PathBuf,
        not_before: u64,
        not_after: u64,
    },
    /// A file given as a timestamp reply that is none (RFC 3161 TimeStampResp or token).
    #[error("{}: not a timestamp reply (RFC 3161): {detail}", .path.display())]
    TimestampReply { path: PathBuf, detail: String },
    /// The timestamp authority refused the request.
    #[error("{}: the timestamp authority refused the request (status {status}) {text}", .path.display())]
    TimestampRefused {
        path: PathBuf,
        status: u32,
        text: String,
    },
    /// The timestamp authority's token is not sound.
    #[error("{}: {problem}", .path.display())]
    TimestampUnsound {
        path: PathBuf,
        problem: TimestampProblem,
    },
    /// The timestamp is over another signature than this one.
    #[error("{}: the timestamp is for another signature", .path.display())]
    TimestampNotForSignature { path: PathBuf },
    /// The signed PDF was changed after its signature (a later revision): its signature is
    /// not the last, and cannot take a timestamp in place.
    #[error("{}: the PDF was changed after it was signed", .path.display())]
    PdfChangedAfterSigning { path: PathBuf },
    /// The signed PDF's space for its signature cannot hold the signature with its timestamp.
    #[error("{}: the PDF's signature space ({room} bytes) cannot hold the timestamped signature ({needed} bytes)", .path.display())]
    PdfNoRoom {
        path: PathBuf,
        room: usize,
        needed: usize,
    },
    /// The statement changed after it was signed: its signature is not timestamped.
    #[error("{}: the statement changed after it was signed; sign it again first", .path.display())]
    ChangedSinceSigning { path: PathBuf },
    /// A file that holds no signature to timestamp.
    #[error("{}: no signature to timestamp", .path.display())]
    NothingToTimestamp { path: PathBuf },
}

/// Why a readable timestamp token is not sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TimestampProblem {
    /// The TSA's signature over the token does not verify (or its signing-certificate
    /// attribute does not name the TSA's certificate).
    #[error("the timestamp authority's signature does not verify")]
    Signature,
    /// The token is for another signature (its message imprint differs).
    #[error("the timestamp is for another signature")]
    OtherSignature,
    /// The TSA's certificate is not one for timestamping (extended key usage timeStamping,
    /// alone and critical).
    #[error("the certificate is not a timestamp authority's")]
    NotTsa,
    /// The TSA's certificate was not valid at the time it states.
    #[error(
        "the timestamp authority's certificate is not valid now, or was not at the time stated"
    )]
    TsaNotValid,
    /// The time stated lies ahead of the checking machine's clock.
    #[error("the timestamp's time lies in the future")]
    InFuture,
}
