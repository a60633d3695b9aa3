//! The layout of kaijisho's own workbook export: its sheets, columns and header rows, and what
//! each row holds as the hidden sheet records it — written by the export, read back by the
//! import, filled by nothing else.

use crate::domain::catalogue::Kind;
use crate::domain::form::FormText;
use crate::domain::project::HeaderField;

/// The visible sheet of an export.
pub const MAIN_SHEET: &str = "開示書";
/// The hidden sheet that makes re-import exact.
pub const HIDDEN_SHEET: &str = "kaijisho";
/// First cell of the hidden sheet.
pub const MARKER: &str = "kaijisho-workbook";
/// Characters per cell of the JSON kept in the hidden sheet (Excel's limit is 32,767).
pub const CHUNK: usize = 8000;

pub const COL_NUMBER: u16 = 0;
pub const COL_TEXT: u16 = 1;
pub const COL_YES: u16 = 2;
pub const COL_NO: u16 = 3;
pub const COL_NA: u16 = 4;
pub const COL_REMARK: u16 = 5;
pub const COL_FLAG: u16 = 7;
pub const COL_REMARK_IN: u16 = 8;

/// The header rows of an export, in order (rows 2–6).
pub const HEADER_ROWS: [HeaderField; 5] = [
    HeaderField::Created,
    HeaderField::Vendor,
    HeaderField::Product,
    HeaderField::Version,
    HeaderField::Contact,
];

/// The label of a header field as printed on the form.
pub fn header_label(form: &FormText, kind: Kind, field: HeaderField) -> String {
    match field {
        HeaderField::Created => form.labels.created.clone(),
        HeaderField::Vendor => form.labels.vendor.get(kind).to_string(),
        HeaderField::Product => form.labels.product.get(kind).to_string(),
        HeaderField::Version => form.labels.version.clone(),
        HeaderField::Contact => form.labels.contact.clone(),
    }
}

/// What a row of the exported sheet holds (recorded in the hidden sheet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowRole {
    Title,
    Header(HeaderField),
    Disclaimer,
    ColumnHeads,
    Section,
    Question(String),
    Option(String, String),
}

impl RowRole {
    pub fn encode(&self) -> (&'static str, String, String) {
        match self {
            RowRole::Title => ("title", String::new(), String::new()),
            RowRole::Header(f) => ("header", f.key().to_string(), String::new()),
            RowRole::Disclaimer => ("disclaimer", String::new(), String::new()),
            RowRole::ColumnHeads => ("heads", String::new(), String::new()),
            RowRole::Section => ("section", String::new(), String::new()),
            RowRole::Question(q) => ("question", q.clone(), String::new()),
            RowRole::Option(q, o) => ("option", q.clone(), o.clone()),
        }
    }

    pub fn decode(kind: &str, a: &str, b: &str) -> Option<RowRole> {
        Some(match kind {
            "title" => RowRole::Title,
            "header" => RowRole::Header(HeaderField::ALL.into_iter().find(|f| f.key() == a)?),
            "disclaimer" => RowRole::Disclaimer,
            "heads" => RowRole::ColumnHeads,
            "section" => RowRole::Section,
            "question" => RowRole::Question(a.to_string()),
            "option" => RowRole::Option(a.to_string(), b.to_string()),
            _ => return None,
        })
    }
}
