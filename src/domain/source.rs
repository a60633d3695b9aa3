//! Where a statement came from when it was imported from someone else's workbook: the file
//! (name and SHA-256), the sheet and the mapping of its cells — what filling that workbook
//! again needs (see `kaijisho export --into`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::Kind;
use super::refs::RefGroup;

/// Where things are in a workbook. Detected, or given by the user (all fields optional; given
/// fields override detection). Columns are letters, cells are `B3` (or `表紙!B3` on another
/// sheet), rows are 1-based.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Header field (`created`, `vendor`, `product`, `version`, `contact`) → value cell.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub header: BTreeMap<String, String>,
    /// Input column with はい/いいえ/対象外/該当/非該当.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag_column: Option<String>,
    /// The はい, いいえ, 対象外 columns holding marks (when there is no flag column).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_columns: Option<[String; 3]>,
    /// Column holding the remark text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_column: Option<String>,
    /// Column holding the guideline reference of each question (参照).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_column: Option<String>,
    /// The form read (`MDS` or `SDS`): decides which questions of a list marked per form
    /// (対象 columns) are the statement's; detected from the header labels and titles when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Kind>,
    /// Column holding each answer's 確認日 (the date it was checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_column: Option<String>,
    /// Column holding each answer's 目標日 (when what it does not meet will be met).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date_column: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_row: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_row: Option<u32>,
    /// Column holding the question numbers (any text: Ⅱ-1, (ア), 第1章 kept as shown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number_column: Option<String>,
    /// Column holding the question texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_column: Option<String>,
    /// Rows given a role by the user, whatever detection would make of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowRole>,
}

/// Most row ranges a mapping may give (a mapping with more is refused when read; the wizard
/// drops the oldest).
pub const MAX_ROW_RANGES: usize = 1_000;

/// Rows `first..=last` (1-based) taken as `role`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowRole {
    pub first: u32,
    pub last: u32,
    pub role: RowKindGiven,
}

/// What the user says a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKindGiven {
    Section,
    Question,
    Option,
    /// Not read at all.
    Skip,
}

impl Mapping {
    /// The role the user gave row `row` (1-based): the last range naming it wins.
    pub fn row_role(&self, row: u32) -> Option<RowKindGiven> {
        self.rows
            .iter()
            .rev()
            .find(|r| (r.first..=r.last).contains(&row))
            .map(|r| r.role)
    }
}

/// A row of the workbook's correspondence sheet (安全管理GL6.0版対応表): a 第5.2版 reference and
/// the 第6.0版 one it became, as printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correspondence {
    pub old: String,
    pub new: String,
}

/// The workbook a statement was imported from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookSource {
    /// The file's name (without its folder).
    pub file_name: String,
    /// `sha256:<hex>` of the file's bytes as imported.
    pub sha256: String,
    /// The sheet the questions were read from.
    pub sheet: String,
    /// The mapping the import used (detected, or given and detected).
    pub mapping: Mapping,
    /// `sha256:<hex>` of what the import read: the questions, the values and problems of the
    /// cells it reads and writes, and where they are. A copy of the workbook saved again with
    /// the same cells has other bytes but the same reading, and can still be filled.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reading: String,
    /// The workbook's correspondence sheet, when it had one that parses (reference data shown
    /// beside a question's guideline section).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correspondence: Vec<Correspondence>,
    /// The sheet the correspondence was read from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub correspondence_sheet: String,
    /// Answer cells the import could not read, with what they held: shown with their
    /// question, for the user to decide on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<UnreadCell>,
}

/// An answer cell of the workbook that held something not read as an answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnreadCell {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// The cell (`C12`); empty when several cells were marked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cell: String,
    /// What it held; empty when several cells were marked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl WorkbookSource {
    /// What the workbook held for a question (or option) the import could not read.
    pub fn unread_of(&self, question: &str, option: Option<&str>) -> Option<&UnreadCell> {
        self.unread
            .iter()
            .find(|u| u.question == question && u.option.as_deref() == option)
    }
}

impl WorkbookSource {
    /// The correspondence rows that name one of the question's references, on either side.
    pub fn counterparts(&self, refs: &RefGroup) -> Vec<&Correspondence> {
        if refs.refs.is_empty() {
            return Vec::new();
        }
        self.correspondence
            .iter()
            .filter(|c| {
                let (old, new) = (RefGroup::parse(&c.old), RefGroup::parse(&c.new));
                refs.refs
                    .iter()
                    .any(|r| old.refs.contains(r) || new.refs.contains(r))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counterparts_are_found_from_either_edition() {
        let s = WorkbookSource {
            correspondence: vec![
                Correspondence {
                    old: "6.5.C1".into(),
                    new: "シス14①".into(),
                },
                Correspondence {
                    old: "6.5.C2".into(),
                    new: "シス14②".into(),
                },
            ],
            ..WorkbookSource::default()
        };
        let found = |r: &str| s.counterparts(&RefGroup::parse(r)).len();
        assert_eq!(found("(6.5.C1)"), 1);
        assert_eq!(found("シス14②"), 1);
        assert_eq!(found("6.5.C3"), 0);
        assert_eq!(found("ここは参照ではない"), 0);
    }
}
