//! The comparison of statements as a printable workbook (the window's and the CLI's export),
//! worded by the caller: one row per question, answer and remark under each statement's
//! vendor / product / version, differing rows highlighted; A4 landscape, one page wide.

use super::table::{PrintTable, Span, TableRow};
use crate::domain::answer::AnswerValue;
use crate::domain::compare::{Cell, Row};

/// The words of a comparison workbook, in the user's language (the caller takes them from its
/// messages).
#[derive(Debug, Clone, Default)]
pub struct ComparisonHeadings {
    /// The sheet's name.
    pub sheet: String,
    /// The title above the table.
    pub title: String,
    /// Lines under the title (what was compared, which rows are shown).
    pub lines: Vec<String>,
    /// Heading of the question-number column.
    pub number: String,
    /// Heading of the question-text column.
    pub question: String,
    /// Heading of the guideline-reference column.
    pub reference: String,
    /// Heading of each statement's answer column.
    pub answer: String,
    /// Heading of each statement's remark column.
    pub remark: String,
    /// Written where a statement has no question matching the row.
    pub missing: String,
}

/// The comparison as a printable table: `titles` head each statement's two columns (vendor /
/// product / version), `rows` are the rows to print, `cell_text` words one statement's answer
/// (with its gate and how it was matched). Written with [`super::table::tables_xlsx`].
pub fn comparison_table(
    titles: &[String],
    rows: &[&Row],
    words: &ComparisonHeadings,
    cell_text: &dyn Fn(&Cell) -> String,
) -> PrintTable {
    let mut columns = vec![
        (words.number.clone(), 6.0),
        (words.question.clone(), 38.0),
        (words.reference.clone(), 11.0),
    ];
    let mut spans = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let first = 3 + 2 * i as u16;
        spans.push(Span {
            first,
            last: first + 1,
            text: title.clone(),
        });
        columns.push((words.answer.clone(), 15.0));
        columns.push((words.remark.clone(), 26.0));
    }
    // The first three columns' span row stays empty but bordered like the headings.
    spans.insert(
        0,
        Span {
            first: 0,
            last: 2,
            text: String::new(),
        },
    );
    let body = rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.number.clone(),
                row.text.clone(),
                row.refs.clone().unwrap_or_default(),
            ];
            for cell in &row.cells {
                match cell {
                    Some(c) => {
                        cells.push(cell_text(c));
                        cells.push(c.remark.clone());
                    }
                    None => {
                        cells.push(words.missing.clone());
                        cells.push(String::new());
                    }
                }
            }
            TableRow {
                cells,
                // A differing row, and one holding a 「いいえ」, stand out (bold, a bar).
                marked: row.differs() || row.has(AnswerValue::No),
            }
        })
        .collect();
    PrintTable {
        sheet: words.sheet.clone(),
        title: words.title.clone(),
        lines: words.lines.clone(),
        spans,
        columns,
        rows: body,
        landscape: true,
    }
}
