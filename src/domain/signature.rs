//! The vendor's content signature over a statement: the manifest that lets a verifier name the
//! questions that differ from what was signed (the stored record is `project::StoredSignature`).
//!
//! The signature itself is a CMS SignedData (RFC 5652) over the bytes of the canonical
//! statement ([`Statement::to_canonical_json`]), made and checked in `io::signature`. Here, only
//! the pure part: the manifest — one short digest per part of the canonical statement
//! (catalogue, header, each question), carried inside the signature as a signed attribute, so
//! that even a detached `.p7s` beside a rebuilt workbook says which questions changed.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::canonical::Statement;

/// Bytes of each part's digest kept in the manifest (a truncated SHA-256: enough to tell a
/// changed part, while the signature covers the whole statement with the full digest).
pub const PART_DIGEST_LEN: usize = 16;

/// The key of the catalogue's part and of the header's; a question's key is its id.
pub const CATALOGUE_PART: &str = "#catalogue";
pub const HEADER_PART: &str = "#header";

/// At most this many parts are read from a signature (a statement has far fewer questions;
/// a larger manifest is refused before it is held).
pub const MAX_PARTS: usize = 50_000;

/// One digest per part of the canonical statement, in its order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    pub parts: Vec<(String, [u8; PART_DIGEST_LEN])>,
}

fn digest_of<T: Serialize>(part: &T) -> [u8; PART_DIGEST_LEN] {
    // Plain data (see `Statement::to_canonical_json`): serialising cannot fail.
    let bytes = serde_json::to_vec(part).unwrap_or_default();
    let full = Sha256::digest(&bytes);
    let mut out = [0u8; PART_DIGEST_LEN];
    for (o, b) in out.iter_mut().zip(full.iter()) {
        *o = *b;
    }
    out
}

impl Manifest {
    /// The manifest of a canonical statement.
    pub fn of(statement: &Statement) -> Manifest {
        let mut parts = Vec::with_capacity(statement.questions.len().saturating_add(2));
        parts.push((CATALOGUE_PART.to_string(), digest_of(&statement.catalogue)));
        parts.push((HEADER_PART.to_string(), digest_of(&statement.header)));
        for q in &statement.questions {
            parts.push((q.id.clone(), digest_of(q)));
        }
        Manifest { parts }
    }

    /// What differs between `signed` (self) and `now`, by part.
    pub fn diff(&self, now: &Manifest) -> ManifestDiff {
        let signed: std::collections::HashMap<&str, &[u8; PART_DIGEST_LEN]> =
            self.parts.iter().map(|(k, d)| (k.as_str(), d)).collect();
        let current: std::collections::HashMap<&str, &[u8; PART_DIGEST_LEN]> =
            now.parts.iter().map(|(k, d)| (k.as_str(), d)).collect();
        let mut diff = ManifestDiff::default();
        for (key, d) in &now.parts {
            match signed.get(key.as_str()) {
                Some(s) if *s == d => {}
                Some(_) if key == CATALOGUE_PART => diff.catalogue = true,
                Some(_) if key == HEADER_PART => diff.header = true,
                Some(_) => diff.changed.push(key.clone()),
                None => diff.added.push(key.clone()),
            }
        }
        for (key, _) in &self.parts {
            if !current.contains_key(key.as_str()) {
                diff.removed.push(key.clone());
            }
        }
        diff
    }
}

/// The parts that differ between a signed statement and the statement now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ManifestDiff {
    /// The catalogue (its identity or content) differs.
    pub catalogue: bool,
    /// The header (vendor, product, …) differs.
    pub header: bool,
    /// Questions (ids) whose answer, remark, condition or dates differ.
    pub changed: Vec<String>,
    /// Questions the statement has now that were not signed.
    pub added: Vec<String>,
    /// Questions that were signed and are missing now.
    pub removed: Vec<String>,
}

impl ManifestDiff {
    pub fn is_empty(&self) -> bool {
        !self.catalogue
            && !self.header
            && self.changed.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
    }
}

/// A statement's signature state in a list (the register, the dossier): what a hospital needs
/// at a glance; the details are `kaijisho verify`'s.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SignatureSummary {
    #[default]
    Unsigned,
    /// Valid; `confirmed`: the signer's certificate chains to a trusted certificate.
    Valid { signer: String, confirmed: bool },
    /// The signature is sound, but the statement changed since it was signed.
    Changed { signer: String },
    /// Sound and intact, but the signer's certificate chains to none of the certificates the
    /// hospital trusts.
    Untrusted { signer: String },
    /// The signature does not verify (a tampered signature, an expired certificate).
    Invalid { signer: String },
    /// The signature cannot be read at all.
    Unreadable,
}

/// The numbers of the questions `ids` names, in the given order, joined for a sentence (an id
/// the catalogue does not know is shown as it is).
pub fn numbers_text(catalogue: &super::catalogue::Catalogue, ids: &[String]) -> String {
    ids.iter()
        .map(|id| {
            catalogue
                .question(id)
                .map(|q| q.number_key())
                .unwrap_or_else(|| id.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::{Header, Project};

    #[test]
    fn the_diff_names_the_changed_question_and_nothing_else() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        let signed = Manifest::of(&Statement::new(&c, &p));
        assert_eq!(signed.parts.len(), c.questions().count() + 2);
        assert!(
            signed
                .diff(&Manifest::of(&Statement::new(&c, &p)))
                .is_empty()
        );
        p.set_answer(&c, "g1", None, AnswerValue::No, Some("変更".into()))
            .unwrap();
        let diff = signed.diff(&Manifest::of(&Statement::new(&c, &p)));
        assert_eq!(diff.changed, vec!["g1".to_string()]);
        assert!(!diff.header && !diff.catalogue);
        p.header.vendor = "別の会社".into();
        let diff = signed.diff(&Manifest::of(&Statement::new(&c, &p)));
        assert!(diff.header);
    }

    #[test]
    fn a_missing_or_new_question_is_named() {
        let c = tiny();
        let p = Project::new(&c, Header::default(), false);
        let mut signed = Manifest::of(&Statement::new(&c, &p));
        let last = signed.parts.pop().unwrap();
        signed.parts.push(("gone".into(), [0; PART_DIGEST_LEN]));
        let diff = signed.diff(&Manifest::of(&Statement::new(&c, &p)));
        assert_eq!(diff.added, vec![last.0]);
        assert_eq!(diff.removed, vec!["gone".to_string()]);
    }
}
