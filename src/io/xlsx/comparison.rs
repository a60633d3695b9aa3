//! The comparison of statements as a workbook (the CLI's `compare --xlsx`), worded by the
//! caller.

use rust_xlsxwriter::{FormatAlign, Workbook};

use super::XlsxError as ExportError;
use super::export::base;
use crate::domain::matching::MatchKind;

/// The words of a comparison workbook, in the user's language (the caller takes them from its
/// messages): the sheet name, the column headings and the placeholder for a missing question.
#[derive(Debug, Clone, Default)]
pub struct ComparisonHeadings {
    /// The sheet's name.
    pub sheet: String,
    /// Heading of the question-number column.
    pub number: String,
    /// Heading of the question-text column.
    pub question: String,
    /// Heading of the guideline-reference column.
    pub reference: String,
    /// Heading of each statement's answer column (after the statement's label).
    pub answer: String,
    /// Heading of each statement's remark column (after the statement's label).
    pub remark: String,
    /// Heading of each statement's match column (after the statement's label).
    pub matched: String,
    /// Written where a statement has no question matching the row.
    pub missing: String,
}

/// A comparison of statements as a workbook: one row per question, answer / remark / match per
/// statement, differing rows highlighted. `matched` says how a question was matched.
pub fn comparison_xlsx(
    labels: &[String],
    cmp: &crate::domain::compare::Comparison,
    words: &ComparisonHeadings,
    matched: &dyn Fn(MatchKind) -> String,
) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(&words.sheet)?;
    let head = base()
        .set_bold()
        .set_background_color("#DDE3EC")
        .set_text_wrap();
    let plain = base().set_text_wrap().set_align(FormatAlign::Top);
    let diff = plain.clone().set_background_color("#FCE4D6");
    let mut headings = vec![
        words.number.clone(),
        words.question.clone(),
        words.reference.clone(),
    ];
    for label in labels {
        headings.push(format!("{label}\n{}", words.answer));
        headings.push(format!("{label}\n{}", words.remark));
        headings.push(format!("{label}\n{}", words.matched));
    }
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    ws.set_column_width(0, 8.0)?;
    ws.set_column_width(1, 50.0)?;
    ws.set_column_width(2, 16.0)?;
    for i in 0..labels.len() {
        let c = 3 + 3 * i as u16;
        ws.set_column_width(c, 20.0)?;
        ws.set_column_width(c + 1, 36.0)?;
        ws.set_column_width(c + 2, 14.0)?;
    }
    for (r, row) in cmp.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let f = if row.differs() { &diff } else { &plain };
        ws.write_string_with_format(r, 0, &row.number, f)?;
        ws.write_string_with_format(r, 1, &row.text, f)?;
        ws.write_string_with_format(r, 2, row.refs.as_deref().unwrap_or(""), f)?;
        for (i, cell) in row.cells.iter().enumerate() {
            let c = 3 + 3 * i as u16;
            match cell {
                Some(cell) => {
                    ws.write_string_with_format(r, c, &cell.answer, f)?;
                    ws.write_string_with_format(r, c + 1, &cell.remark, f)?;
                    let how = cell.matched.map(matched).unwrap_or_default();
                    ws.write_string_with_format(r, c + 2, &how, f)?;
                }
                None => {
                    ws.write_string_with_format(r, c, &words.missing, f)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, cmp.rows.len() as u32, (headings.len() - 1) as u16)?;
    Ok(wb.save_to_buffer()?)
}
