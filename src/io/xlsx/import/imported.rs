//! The result of an import: the statement and its catalogue, the report, and — for a detected
//! import — where its values sit and the sheet as detection saw it.

use std::collections::BTreeMap;

use super::report::ImportReport;
use super::view::SheetView;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::Project;

/// Where a statement's values sit in the workbook it was detected in: what filling that
/// workbook writes to. Rows and columns are 0-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    pub sheet: String,
    /// The answer-word column, or the はい/いいえ/対象外 mark columns.
    pub flag: Option<u16>,
    pub marks: Option<[u16; 3]>,
    pub answers: Vec<AnswerTarget>,
    /// Header field key → value cell (`B3`, `表紙!B3`).
    pub header: BTreeMap<String, String>,
}

/// The cells of one question's (or option's) answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerTarget {
    pub question: String,
    pub option: Option<String>,
    pub row: u32,
    pub remark: Option<(u32, u16)>,
    /// The cells of the 確認日 and 目標日 (in [`AnswerDate::ALL`]'s order), where the sheet
    /// has such columns.
    ///
    /// [`AnswerDate::ALL`]: crate::domain::project::AnswerDate::ALL
    pub dates: [Option<(u32, u16)>; 2],
    /// The answer cells hold text that reads as no answer: filling leaves them as they are
    /// unless the question was answered in the app (then they are replaced, and said).
    pub unread: bool,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub project: Project,
    pub report: ImportReport,
    /// Where the values sit (detected imports only).
    pub targets: Option<Targets>,
    /// The sheet as detection saw it, for the mapping wizard (detected imports only).
    pub view: Option<SheetView>,
}

impl Imported {
    /// `sha256:<hex>` of what the import read: the catalogue, the values read, the problems
    /// met and where the values sit — the same for two files whose cells read the same.
    pub fn reading(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(self.catalogue.content_hash().as_bytes());
        let values =
            serde_json::to_vec(&(&self.project.answers, &self.project.header)).unwrap_or_default();
        h.update(&values);
        let skipped = serde_json::to_vec(&self.report.skipped).unwrap_or_default();
        h.update(&skipped);
        h.update(format!("{:?}", self.targets).as_bytes());
        format!("sha256:{}", crate::domain::catalogue::hex(&h.finalize()))
    }
}
