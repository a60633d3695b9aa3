//! The last phase of detection: a correspondence sheet (安全管理GL6.0版対応表: a 第5.2版
//! reference beside the 第6.0版 one it became), read as reference data where it parses.

use super::super::grid::Book;
use super::super::vocabulary::Vocabulary;
use super::super::{ImportReport, Note, RefPair};
use crate::domain::refs::{GuidelineRef, RefGroup};
use crate::io::xlsx::XlsxError;

/// Most rows kept from a correspondence sheet.
const MAX_PAIRS: usize = 5_000;

/// Reads the first sheet whose name names a correspondence table: every row with a numbered
/// (第5.x) reference and a book (第6.0版) reference becomes a pair.
pub(super) fn read_correspondence(
    book: &mut Book,
    vocab: &Vocabulary,
    report: &mut ImportReport,
) -> Result<(), XlsxError> {
    let Some(name) = book
        .sheets
        .iter()
        .map(|(n, _)| n.clone())
        .find(|n| vocab.is_correspondence(n))
    else {
        return Ok(());
    };
    let grid = book.grid(&name)?;
    let mut pairs = Vec::new();
    for r in 0..grid.height() {
        let mut old = None;
        let mut new = None;
        for (_, v) in grid.cells(r) {
            let group = RefGroup::parse(v);
            match group.refs.first() {
                Some(GuidelineRef::Numbered { .. }) if old.is_none() => old = Some(group.raw),
                Some(GuidelineRef::Book { .. }) if new.is_none() => new = Some(group.raw),
                _ => {}
            }
        }
        if let (Some(old), Some(new)) = (old, new) {
            pairs.push(RefPair {
                row: r + 1,
                old,
                new,
            });
            if pairs.len() >= MAX_PAIRS {
                break;
            }
        }
    }
    if !pairs.is_empty() {
        report.notes.push(Note::Correspondence {
            sheet: name,
            rows: pairs.len(),
        });
        report.correspondence = pairs;
    }
    Ok(())
}
