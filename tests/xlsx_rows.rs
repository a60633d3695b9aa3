//! Re-import of kaijisho's own workbook after the user moved its rows (Excel: unprotect — there
//! is no password — insert a row for a note, delete one, sort): the row map in the hidden sheet
//! is checked row by row, and when rows moved the answers are found by content, never put onto
//! the wrong question; values a question cannot take are refused with a report line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{Read, Write};
use std::path::Path;

use kaijisho::assets;
use kaijisho::domain::Project;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::Catalogue;
use kaijisho::domain::project::EditError;
use kaijisho::io::xlsx::{Imported, Note, Skip, import_workbook, statement_xlsx};

mod common {
    pub mod synthetic;
}
use common::synthetic;

const MAIN: &str = "xl/worksheets/sheet1.xml";

/// The generated 300-question statement and its workbook.
fn exported() -> (Catalogue, Project, Vec<u8>) {
    let c = synthetic::catalogue();
    let p = synthetic::answered_project(&c);
    let bytes = statement_xlsx(&c, &p, &assets::form().unwrap()).unwrap();
    (c, p, bytes)
}

/// Every part of a workbook, in order.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        z.start_file(name.as_str(), opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The `<row>` elements of a sheet: the text before them, each row's number and XML, the rest.
fn split_rows(xml: &str) -> (String, Vec<(u32, String)>, String) {
    let start = xml.find("<sheetData>").unwrap() + "<sheetData>".len();
    let end = xml.find("</sheetData>").unwrap();
    let mut rows = Vec::new();
    let mut rest = &xml[start..end];
    while let Some(i) = rest.find("<row ") {
        let tail = &rest[i..];
        let open_end = tail.find('>').unwrap();
        let len = if tail[..open_end].ends_with('/') {
            open_end + 1
        } else {
            tail.find("</row>").unwrap() + "</row>".len()
        };
        let row = &tail[..len];
        let n: u32 = row["<row r=\"".len()..]
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        rows.push((n, row.to_string()));
        rest = &tail[len..];
    }
    (xml[..start].to_string(), rows, xml[end..].to_string())
}

/// A row's XML moved to row `to` (1-based): its own number and every cell reference in it.
fn renumber(row: &str, from: u32, to: u32) -> String {
    let mut out = row.replacen(
        &format!("<row r=\"{from}\""),
        &format!("<row r=\"{to}\""),
        1,
    );
    for col in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"] {
        out = out.replace(&format!(" r=\"{col}{from}\""), &format!(" r=\"{col}{to}\""));
    }
    out
}

/// Rewrites the main sheet's rows with `edit` (which gets 1-based row numbers and XML and
/// returns the new list, each row's XML still carrying its old number), then numbers them.
fn edit_rows(
    bytes: &[u8],
    edit: impl FnOnce(Vec<(u32, String)>) -> Vec<(u32, Option<u32>, String)>,
) -> Vec<u8> {
    let mut parts = unzip(bytes);
    let (_, data) = parts.iter_mut().find(|(n, _)| n == MAIN).unwrap();
    let xml = String::from_utf8(data.clone()).unwrap();
    let (head, rows, tail) = split_rows(&xml);
    let mut body = String::new();
    for (old, new, row) in edit(rows) {
        body.push_str(&match new {
            Some(new) => renumber(&row, old, new),
            None => row,
        });
    }
    // The sheet's <dimension> may now be wrong, as after a careless tool; readers cope.
    *data = format!("{head}{body}{tail}").into_bytes();
    zip_parts(&parts)
}

/// The 1-based row of the main sheet whose column A holds `number`.
fn row_of(bytes: &[u8], number: &str) -> u32 {
    use calamine::{Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range("開示書").unwrap();
    let (r0, _) = range.start().unwrap();
    for (i, row) in range.rows().enumerate() {
        if row.first().map(|c| c.to_string()).as_deref() == Some(number) {
            return r0 + i as u32 + 1;
        }
    }
    panic!("no row {number}");
}

/// The workbook with the main sheet's row `gone` (1-based) deleted, the rows below moved up.
fn delete_row(bytes: &[u8], gone: u32) -> Vec<u8> {
    edit_rows(bytes, |rows| {
        rows.into_iter()
            .filter(|(n, _)| *n != gone)
            .map(|(n, xml)| (n, Some(if n > gone { n - 1 } else { n }), xml))
            .collect()
    })
}

fn import(bytes: Vec<u8>) -> Imported {
    import_workbook(
        Path::new("moved.xlsx"),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap()
}

/// A note row inserted above the first question: every row below moves down by one.
#[test]
fn an_inserted_row_is_noticed_and_every_answer_stays_on_its_question() {
    let (c, p, bytes) = exported();
    let at = row_of(&bytes, "1.1");
    let moved = edit_rows(&bytes, |rows| {
        let mut out = Vec::new();
        for (n, xml) in rows {
            if n == at {
                out.push((
                    0,
                    None,
                    format!(
                        "<row r=\"{at}\"><c r=\"B{at}\" t=\"inlineStr\"><is><t>社内メモ: 確認中</t></is></c></row>"
                    ),
                ));
            }
            let to = if n >= at { n + 1 } else { n };
            out.push((n, Some(to), xml));
        }
        out
    });
    let imported = import(moved);
    assert_eq!(imported.report.method, "kaijisho-export-moved");
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| matches!(n, Note::RowsMoved { row, .. } if *row == at)),
        "{:?}",
        imported.report.notes
    );
    assert!(
        imported.report.skipped.is_empty(),
        "{:?}",
        imported.report.skipped
    );
    assert_eq!(
        imported.project.answers, p.answers,
        "answers moved with their rows"
    );
    assert_eq!(imported.catalogue, c);
}

/// A question's row deleted: reported by name, its answer kept as exported; the rows below
/// (one up now) still land on their own questions.
#[test]
fn a_deleted_row_is_reported_and_the_rest_read_by_content() {
    let (_c, p, bytes) = exported();
    let gone = row_of(&bytes, "2.3");
    let moved = delete_row(&bytes, gone);
    let imported = import(moved);
    assert_eq!(imported.report.method, "kaijisho-export-moved");
    assert!(
        imported
            .report
            .skipped
            .iter()
            .any(|s| s.row == gone
                && matches!(&s.reason, Skip::RowNotFound { what } if what == "2.3")),
        "{:?}",
        imported.report.skipped
    );
    assert_eq!(imported.project.answers, p.answers);
}

/// Two question rows swapped (a sort): each answer follows its question.
#[test]
fn sorted_rows_keep_each_answer_with_its_question() {
    let (_c, p, bytes) = exported();
    let (a, b) = (row_of(&bytes, "3.2"), row_of(&bytes, "3.3"));
    let moved = edit_rows(&bytes, |rows| {
        let mut rows: Vec<_> = rows.into_iter().map(|(n, x)| (n, Some(n), x)).collect();
        let ia = rows.iter().position(|r| r.0 == a).unwrap();
        let ib = rows.iter().position(|r| r.0 == b).unwrap();
        rows[ia].1 = Some(b);
        rows[ib].1 = Some(a);
        rows.swap(ia, ib);
        rows
    });
    let imported = import(moved);
    assert_eq!(imported.report.method, "kaijisho-export-moved");
    assert_eq!(imported.project.answers, p.answers);
}

/// Without any move the import stays exact and says so.
#[test]
fn an_untouched_workbook_is_read_exactly() {
    let (_c, p, bytes) = exported();
    let imported = import(bytes);
    assert_eq!(imported.report.method, "kaijisho-export");
    assert!(imported.report.notes.is_empty());
    assert_eq!(imported.project.answers, p.answers);
}

/// 非該当 typed into a yes/no question's answer cell is refused with a report line; the
/// answer stays as exported.
#[test]
fn a_value_the_question_cannot_take_is_refused_and_reported() {
    let (c, p, bytes) = exported();
    let q = c.find_by_number("1.2").unwrap();
    let at = row_of(&bytes, "1.2");
    let edited = edit_rows(&bytes, |rows| {
        rows.into_iter()
            .map(|(n, xml)| {
                if n != at {
                    return (n, None, xml);
                }
                // Replace the flag cell (column H) with the typed word.
                let start = xml.find(&format!("<c r=\"H{n}\"")).unwrap();
                let tail = &xml[start..];
                let open_end = tail.find('>').unwrap();
                let len = if tail[..open_end].ends_with('/') {
                    open_end + 1
                } else {
                    tail.find("</c>").unwrap() + "</c>".len()
                };
                let cell = format!("<c r=\"H{n}\" t=\"inlineStr\"><is><t>非該当</t></is></c>");
                let new = format!("{}{cell}{}", &xml[..start], &xml[start + len..]);
                (n, None, new)
            })
            .collect()
    });
    let imported = import(edited);
    // A line naming the row, what it holds and why; the answer as exported (not 未回答).
    assert!(
        imported.report.skipped.iter().any(|s| matches!(
            &s.reason,
            Skip::NotTaken {
                text,
                error: EditError::ValueNotAllowed { value: AnswerValue::DoesNotApply, .. },
            } if text == "非該当" && s.row == at
        )),
        "{:?}",
        imported.report.skipped
    );
    assert_eq!(imported.project.value(&q.id), p.value(&q.id));
}

/// An option row deleted: its answer is not taken from the same label under the next question
/// (each option is looked for only within its own question's rows).
#[test]
fn a_deleted_option_row_is_not_filled_from_the_next_question() {
    let (c, p, bytes) = exported();
    let q = c.find_by_number("1.5").unwrap();
    let first_option = q.answer.options()[0].clone();
    let gone = row_of(&bytes, "1.5") + 1;
    let moved = delete_row(&bytes, gone);
    let imported = import(moved);
    let label = format!("-{}", first_option.label);
    assert!(
        imported
            .report
            .skipped
            .iter()
            .any(|s| s.row == gone
                && matches!(&s.reason, Skip::RowNotFound { what } if *what == label)),
        "{:?}",
        imported.report.skipped
    );
    assert_eq!(
        imported.project.answers, p.answers,
        "nothing taken from 1.10's rows"
    );
}
