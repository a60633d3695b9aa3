//! The window's side of signed statements: the sign dialog's form (the certificate file and
//! its password, never stored), and the open statement's signature state for its badge —
//! verified again whenever the statement changes.

use std::path::PathBuf;

use super::signature::Outcome;
use crate::domain::project::StoredSignature;

/// ファイル → 署名して書き出す…: what the dialog holds while it is open.
#[derive(Default)]
pub struct SignForm {
    /// The PKCS#12 file chosen.
    pub certificate: Option<PathBuf>,
    /// Typed into a password field; wiped when it is dropped, never written anywhere (and
    /// never shown by `Debug`).
    pub password: zeroize::Zeroizing<String>,
    /// Also write the statement's PDF, signed (PAdES), beside it as `<name>.pdf`.
    pub pdf: bool,
    /// Why the last attempt failed (wrong password, expired certificate…), shown in the dialog.
    pub error: Option<String>,
    /// The statement was received: the reviewer signs the hospital's review (its `.p7s`
    /// beside the review file), never the vendor's statement.
    pub review: bool,
}

impl std::fmt::Debug for SignForm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignForm")
            .field("certificate", &self.certificate)
            .field("pdf", &self.pdf)
            .field("error", &self.error)
            .field("review", &self.review)
            .finish_non_exhaustive()
    }
}

/// The signature's state, as last verified, and for what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Badge {
    /// What it was verified for: the statement's revision, file and stored signature.
    pub revision: u64,
    pub path: Option<PathBuf>,
    pub signature: StoredSignature,
    /// The trust anchors' sources it was checked against.
    pub trust: super::signature::TrustSources,
    pub outcome: Outcome,
    /// The lines of its details (verdict first), in the user's language.
    pub lines: Vec<String>,
}

/// The signing dialog, the details window and the badge.
#[derive(Debug, Default)]
pub struct Signing {
    pub form: Option<SignForm>,
    /// The details window of the badge is open.
    pub details: bool,
    pub badge: Option<Badge>,
    /// The certificate file chosen last in this window (offered again; never its password).
    pub last_certificate: Option<PathBuf>,
    /// Files among the certificates chosen in File → 病院名と確認者… that could not be read
    /// (read when the window opens and when the choice changes).
    pub trust_problems: Vec<std::sync::Arc<crate::io::signature::error::SignatureError>>,
    /// The trust anchors as last read, and from what: the settings' sources and the folder
    /// of a received statement (read again when either changes).
    pub anchors: Option<(
        super::signature::TrustSources,
        Option<PathBuf>,
        super::signature::Anchors,
    )>,
}
