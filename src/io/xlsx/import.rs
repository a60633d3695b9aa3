//! Reading workbooks back (calamine).
//!
//! - Our own exports carry a hidden sheet with the project, the catalogue and the row map: the
//!   import is exact, with the user's edits of the input cells (flags, remarks, header) applied.
//! - Official-style workbooks are read by content: the sheet with the most question rows; header
//!   fields by their labels; question rows by their numbering (`4. 1. 2.`, `1. 1`, `1.1`,
//!   full-width digits, numbers stored as numbers) and text; section rows by a trailing guideline
//!   reference; option rows by a leading dash; answers from a flag column (はい/いいえ/対象外 …)
//!   or from marks (○ ● ✓ ■ 1 …) in the はい・いいえ・対象外 columns; remarks from the 備考 column
//!   or the cell after a 備考 label. What was found is reported with row numbers, and the
//!   mapping (sheet, columns, header cells) can be corrected with a small JSON file.

use std::collections::{BTreeMap, HashMap};
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{
    COL_FLAG, COL_REMARK_IN, HIDDEN_SHEET, MARKER, RowRole, XlsxError, cell_index, col_index,
    col_name,
};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{
    AnswerKind, Catalogue, Gate, Kind, Provenance, ProvenanceKind, QOption, Question, Scope,
    Section, hex,
};
use crate::domain::project::{Header, HeaderField, Project};
use crate::domain::refs::{GuidelineRef, split_trailing_ref};
use crate::domain::text::{fold_width, normalize_number};
use crate::io::json::{catalogue_from_bytes, project_from_bytes};

/// Largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Largest total of uncompressed parts inside the archive.
pub const MAX_UNPACKED_BYTES: u64 = 400 * 1024 * 1024;
/// Most parts inside the archive.
pub const MAX_PARTS: usize = 10_000;
/// Most rows and columns read from a sheet.
pub const MAX_ROWS: u32 = 20_000;
pub const MAX_COLS: u16 = 200;
/// Non-empty cells read from one sheet.
pub const MAX_CELLS: usize = 400_000;

/// Where things are in a workbook. Detected, or given by the user (all fields optional; given
/// fields override detection). Columns are letters, cells are `B3`, rows are 1-based.
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_row: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_row: Option<u32>,
}

/// Why a row was not taken as it stood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Skip {
    /// The flag cell holds something that is not an answer (the answer is left as it was).
    FlagNotAnswer {
        flag: String,
    },
    OptionWithoutQuestion,
    /// Neither a question, an option nor a section row.
    NotARow {
        text: String,
    },
    DuplicateNumber {
        number: String,
        first_row: u32,
    },
    SeveralMarks,
}

/// A row the import skipped or only partly read (1-based row number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub row: u32,
    #[serde(flatten)]
    pub reason: Skip,
}

/// Something the user should know about the whole import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Note {
    NoHeaderLabels,
    NoAnswerColumn,
    /// A value the question cannot take (e.g. はい on a 該当/非該当 question).
    AnswerRejected {
        number: String,
        value: AnswerValue,
    },
}

/// What the import recognised and what it skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub file: String,
    /// `kaijisho-export` (exact) or `detected`.
    pub method: String,
    pub sheet: String,
    pub mapping: Mapping,
    pub sections: usize,
    pub questions: usize,
    pub options: usize,
    pub answers: usize,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
    /// Detection was not sure: show the mapping and let the user correct it.
    pub uncertain: bool,
    /// The workbook holds answers or header values (a filled statement, not a blank form).
    pub filled: bool,
}

/// The result of an import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub catalogue: Catalogue,
    pub project: Project,
    pub report: ImportReport,
}

/// A sheet as a dense grid of strings, 0-based absolute coordinates.
#[derive(Debug, Clone, Default)]
pub struct Grid {
    rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn get(&self, row: u32, col: u16) -> &str {
        self.rows
            .get(row as usize)
            .and_then(|r| r.get(col as usize))
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn height(&self) -> u32 {
        self.rows.len() as u32
    }

    /// Non-empty cells of a row: (col, trimmed text).
    fn cells(&self, row: u32) -> Vec<(u16, &str)> {
        self.rows
            .get(row as usize)
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(_, v)| !v.trim().is_empty())
                    .map(|(c, v)| (c as u16, v.trim()))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Excel's serial date (1900 system) → `2023年10月4日`.
fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = jiff::civil::date(1899, 12, 30);
    let d = base
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()?;
    Some(format!("{}年{}月{}日", d.year(), d.month(), d.day()))
}

fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

fn data_text(d: &Data) -> String {
    match d {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => {
            let f = dt.as_f64();
            if dt.is_datetime() {
                serial_date(f).unwrap_or_else(|| float_text(f))
            } else {
                float_text(f)
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Checks the archive before calamine unpacks it: zip bombs and absurd part counts are
/// refused, encrypted (CFB) files named as such.
fn check_archive(path: &Path, bytes: &[u8]) -> Result<(), XlsxError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(XlsxError::Encrypted {
            path: path.to_path_buf(),
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(XlsxError::NotXlsx {
            path: path.to_path_buf(),
        });
    }
    let malformed = |e: &dyn std::fmt::Display| XlsxError::Malformed {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed(&e))?;
    if zip.len() > MAX_PARTS {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{} parts", zip.len()),
        });
    }
    let mut total: u64 = 0;
    let mut has_workbook = false;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| malformed(&e))?;
        total = total.saturating_add(f.size());
        has_workbook |= f.name().is_ok_and(|n| n == "xl/workbook.xml");
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{total} bytes unpacked"),
        });
    }
    // The sizes above are what the archive claims; a crafted one can claim little and unpack
    // to far more. Unpack every part once with its claimed size as the limit (this also checks
    // each part's CRC), so nothing later reads more than was allowed.
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| malformed(&e))?;
        let claimed = f.size();
        let name = f.name().map(|n| n.to_string()).unwrap_or_default();
        let got = std::io::copy(
            &mut std::io::Read::take(&mut f, claimed + 1),
            &mut std::io::sink(),
        )
        .map_err(|e| malformed(&format!("{name}: {e}")))?;
        if got > claimed {
            return Err(XlsxError::TooLarge {
                path: path.to_path_buf(),
                detail: format!("{name} unpacks to more than the {claimed} bytes it claims"),
            });
        }
    }
    if !has_workbook {
        return Err(XlsxError::NotXlsx {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// An opened workbook: sheet names (visible ones first) and their grids, read lazily.
pub struct Book {
    path: PathBuf,
    bytes: Vec<u8>,
    xlsx: Xlsx<Cursor<Vec<u8>>>,
    pub sheets: Vec<(String, bool)>,
}

impl Book {
    /// The sheet's cells as a grid, read cell by cell: a sheet is never expanded to its
    /// bounding box (a lone cell at XFD1048576 would otherwise ask for billions of cells), and
    /// the row and cell limits stop the reading as soon as they are passed.
    fn grid(&mut self, name: &str) -> Result<Grid, XlsxError> {
        let path = self.path.clone();
        let malformed = |e: calamine::XlsxError| XlsxError::Malformed {
            path: path.clone(),
            detail: e.to_string(),
        };
        let mut reader = match self.xlsx.worksheet_cells_reader(name) {
            Ok(r) => r,
            // A chart sheet or dialog sheet has no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Grid::default()),
            Err(e) => return Err(malformed(e)),
        };
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut cells = 0usize;
        while let Some(cell) = reader.next_cell().map_err(malformed)? {
            let (r, c) = cell.get_position();
            if r >= MAX_ROWS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_ROWS} rows"),
                });
            }
            if c > u32::from(MAX_COLS) {
                continue;
            }
            let text = data_text(&Data::from(cell.get_value().clone()));
            if text.is_empty() {
                continue;
            }
            cells += 1;
            if cells > MAX_CELLS {
                return Err(XlsxError::TooLarge {
                    path: path.clone(),
                    detail: format!("sheet {name} has more than {MAX_CELLS} cells"),
                });
            }
            let (r, c) = (r as usize, c as usize);
            if rows.len() <= r {
                rows.resize_with(r + 1, Vec::new);
            }
            let row = &mut rows[r];
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            row[c] = text;
        }
        Ok(Grid { rows })
    }
}

/// Opens a workbook from bytes with the safety checks.
pub fn read_workbook(path: &Path, bytes: Vec<u8>) -> Result<Book, XlsxError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{} bytes", bytes.len()),
        });
    }
    check_archive(path, &bytes)?;
    let xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).map_err(
        |e: calamine::XlsxError| XlsxError::Malformed {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
    )?;
    let mut sheets: Vec<(String, bool)> = xlsx
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == calamine::SheetVisible::Visible))
        .collect();
    sheets.sort_by_key(|(_, visible)| !visible);
    Ok(Book {
        path: path.to_path_buf(),
        bytes,
        xlsx,
        sheets,
    })
}

/// Imports a workbook: exact for our own exports, by detection otherwise.
pub fn import_workbook(
    path: &Path,
    bytes: Vec<u8>,
    mapping: Option<&Mapping>,
) -> Result<Imported, XlsxError> {
    let mut book = read_workbook(path, bytes)?;
    if mapping.is_none() && book.sheets.iter().any(|(n, _)| n == HIDDEN_SHEET) {
        let hidden = book.grid(HIDDEN_SHEET)?;
        if hidden.get(0, 0) == MARKER {
            return import_own(&mut book, &hidden);
        }
    }
    import_detected(&mut book, mapping)
}

fn hidden_err(book: &Book, detail: impl Into<String>) -> XlsxError {
    XlsxError::Hidden {
        path: book.path.clone(),
        detail: detail.into(),
    }
}

/// Reads a chunked JSON document from the hidden sheet starting at `row` (a `name, count` row).
fn chunks(book: &Book, hidden: &Grid, row: &mut u32, name: &str) -> Result<String, XlsxError> {
    if hidden.get(*row, 0) != name {
        return Err(hidden_err(
            book,
            format!("row {} should start the {name}", *row + 1),
        ));
    }
    let n: u32 = hidden
        .get(*row, 1)
        .parse()
        .map_err(|_| hidden_err(book, format!("chunk count of {name}")))?;
    let mut s = String::new();
    for i in 1..=n {
        s.push_str(hidden.get(*row + i, 1));
    }
    *row += n + 1;
    Ok(s)
}

/// Text as Excel keeps it: CR LF and CR become LF.
fn xl_norm(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

fn import_own(book: &mut Book, hidden: &Grid) -> Result<Imported, XlsxError> {
    let mut row = 4;
    let project_json = chunks(book, hidden, &mut row, "project")?;
    let catalogue_json = chunks(book, hidden, &mut row, "catalogue")?;
    let mut project = project_from_bytes(&book.path, project_json.as_bytes())
        .map_err(|e| hidden_err(book, e.to_string()))?;
    let catalogue = catalogue_from_bytes(&book.path, catalogue_json.as_bytes())
        .map_err(|e| hidden_err(book, e.to_string()))?;
    if catalogue.content_hash() != project.catalogue.hash {
        return Err(hidden_err(book, "the catalogue does not match the project"));
    }
    if hidden.get(row, 0) != "rows" {
        return Err(hidden_err(book, "row map missing"));
    }
    let n: u32 = hidden.get(row, 1).parse().unwrap_or(0);
    let main = book.grid(super::MAIN_SHEET)?;
    let mut report = ImportReport {
        file: book.path.display().to_string(),
        method: "kaijisho-export".into(),
        sheet: super::MAIN_SHEET.into(),
        ..ImportReport::default()
    };
    // Applies a cell's text unless it only differs from what was exported by Excel's
    // normalisation.
    let differs = |cell: &str, kept: &str| xl_norm(cell) != xl_norm(kept);
    for i in 1..=n {
        let r = row + i;
        let Ok(sheet_row) = hidden.get(r, 1).parse::<u32>() else {
            continue;
        };
        let Some(role) = RowRole::decode(hidden.get(r, 2), hidden.get(r, 3), hidden.get(r, 4))
        else {
            continue;
        };
        match role {
            RowRole::Header(field) => {
                let cell = main.get(sheet_row, super::COL_TEXT);
                if differs(cell, project.header.get(field)) {
                    project.header.set(field, xl_norm(cell));
                }
            }
            RowRole::Section => report.sections += 1,
            RowRole::Question(qid) => {
                report.questions += 1;
                let Some(q) = catalogue.question(&qid) else {
                    continue;
                };
                if matches!(q.answer, AnswerKind::Options(_)) {
                    continue;
                }
                let flag = main.get(sheet_row, COL_FLAG);
                let remark = main.get(sheet_row, COL_REMARK_IN);
                let entry = project.answers.entry(qid).or_default();
                apply_input(
                    &mut entry.value,
                    &mut entry.remark,
                    flag,
                    remark,
                    &mut report,
                    sheet_row,
                );
            }
            RowRole::Option(qid, oid) => {
                report.options += 1;
                let flag = main.get(sheet_row, COL_FLAG);
                let remark = main.get(sheet_row, COL_REMARK_IN);
                let entry = project.answers.entry(qid).or_default();
                let oa = entry.options.entry(oid).or_default();
                apply_input(
                    &mut oa.value,
                    &mut oa.remark,
                    flag,
                    remark,
                    &mut report,
                    sheet_row,
                );
            }
            _ => {}
        }
    }
    report.answers = count_answers(&project);
    report.filled = report.answers > 0
        || HeaderField::ALL
            .iter()
            .any(|f| !project.header.get(*f).is_empty());
    Ok(Imported {
        catalogue,
        project,
        report,
    })
}

fn apply_input(
    value: &mut AnswerValue,
    remark: &mut String,
    flag: &str,
    cell_remark: &str,
    report: &mut ImportReport,
    sheet_row: u32,
) {
    let flag = flag.trim();
    let read = if flag.is_empty() {
        Some(AnswerValue::Unanswered)
    } else {
        AnswerValue::parse(flag)
    };
    match read {
        Some(v) => *value = v,
        None => report.skipped.push(Skipped {
            row: sheet_row + 1,
            reason: Skip::FlagNotAnswer {
                flag: flag.to_string(),
            },
        }),
    }
    if xl_norm(cell_remark) != xl_norm(remark) {
        *remark = xl_norm(cell_remark);
    }
}

fn count_answers(p: &Project) -> usize {
    p.answers
        .values()
        .map(|a| {
            usize::from(a.value.is_answered())
                + a.options.values().filter(|o| o.value.is_answered()).count()
        })
        .sum()
}

// ---------------------------------------------------------------------------------------------
// Detection for official-style workbooks.

const MARK_ON: &[char] = &['○', '●', '◯', '◎', '✓', '✔', '■', '☑', '◉', '✅'];
const MARK_OFF: &[char] = &['□', '☐'];
const ANSWER_WORDS: [&str; 5] = ["はい", "いいえ", "対象外", "該当", "非該当"];

fn answer_word(s: &str) -> Option<AnswerValue> {
    let t = fold_width(s.trim());
    let t = t
        .trim_matches(|c: char| MARK_ON.contains(&c) || MARK_OFF.contains(&c) || c.is_whitespace());
    if ANSWER_WORDS.contains(&t) {
        AnswerValue::parse(t)
    } else {
        None
    }
}

/// A cell that marks its column as chosen: ○ ● ✓ ■ …, 1, x, TRUE.
fn is_mark(s: &str) -> bool {
    let t = fold_width(s.trim());
    if t.chars().any(|c| MARK_ON.contains(&c)) {
        return true;
    }
    matches!(
        t.as_str(),
        "1" | "x" | "X" | "×" | "TRUE" | "true" | "v" | "V"
    )
}

fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

fn looks_like_question(text: &str) -> bool {
    let (body, refs) = split_trailing_ref(text);
    let b = fold_width(body.trim());
    has_japanese(&b)
        && (refs.is_some() || b.ends_with('?') || b.ends_with('か') || b.ends_with("か。"))
}

/// A number followed by text in one cell: `4. 1. 2. パスワード…`.
fn split_number_prefix(text: &str) -> Option<(String, String)> {
    let folded: Vec<char> = text.chars().map(crate::domain::text::fold_char).collect();
    let mut end = 0;
    for (i, c) in folded.iter().enumerate() {
        if c.is_ascii_digit() || *c == '.' || *c == ' ' {
            end = i + 1;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let head: String = text.chars().take(end).collect();
    let rest: String = text.chars().skip(end).collect();
    let n = normalize_number(&head)?;
    let rest = rest.trim();
    (!rest.is_empty() && head.trim_end().len() < head.len() || head.trim_end().ends_with('.'))
        .then(|| (n, rest.to_string()))
        .filter(|(_, r)| !r.is_empty())
}

/// The number and text of a question row, with the column of the text.
fn question_cells(cells: &[(u16, &str)]) -> Option<(String, String, u16, String)> {
    for (i, (col, v)) in cells.iter().enumerate() {
        if let Some(n) = normalize_number(v).filter(|_| v.chars().count() <= 16) {
            let (tcol, text) = cells.get(i + 1)?;
            if looks_like_question(text) {
                return Some((v.trim().to_string(), text.to_string(), *tcol, n));
            }
            return None;
        }
        if let Some((n, rest)) = split_number_prefix(v) {
            if looks_like_question(&rest) {
                let printed: String = v
                    .chars()
                    .take(v.chars().count() - rest.chars().count())
                    .collect();
                return Some((printed.trim().to_string(), rest, *col, n));
            }
            return None;
        }
        // Only a leading cell (or an empty-looking one) may precede the number.
        if i >= 1 {
            return None;
        }
    }
    None
}

fn option_label(cells: &[(u16, &str)]) -> Option<(u16, String)> {
    let (col, v) = cells.first()?;
    let t = v.trim_start();
    let first = t.chars().next()?;
    if matches!(first, '-' | '－' | '‐' | '−' | '・' | 'ー') && t.chars().count() > 1 {
        let label: String = t.chars().skip(1).collect();
        return Some((*col, label.trim().to_string()));
    }
    None
}

fn header_field(label: &str) -> Option<(HeaderField, Option<Kind>)> {
    let l: String = fold_width(label)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':' && *c != '：')
        .collect();
    Some(match l.as_str() {
        "作成日" | "作成年月日" | "記入日" => (HeaderField::Created, None),
        "製造業者" | "製造業者名" => (HeaderField::Vendor, Some(Kind::Mds)),
        "サービス事業者" | "サービス事業者名" => {
            (HeaderField::Vendor, Some(Kind::Sds))
        }
        "製品名称" | "製品名" => (HeaderField::Product, Some(Kind::Mds)),
        "サービス名称" | "サービス名" => (HeaderField::Product, Some(Kind::Sds)),
        "バージョン" | "版数" | "バージョン(型式)" => (HeaderField::Version, None),
        "問合せ先" | "問い合わせ先" | "問合せ窓口" => (HeaderField::Contact, None),
        _ => return None,
    })
}

/// Row classification of the chosen sheet.
#[derive(Debug, Clone)]
enum Line {
    Section {
        title: String,
    },
    Question {
        printed: String,
        number: String,
        text: String,
        text_col: u16,
    },
    Option {
        label: String,
    },
}

fn score_sheet(grid: &Grid) -> usize {
    (0..grid.height())
        .filter(|r| question_cells(&grid.cells(*r)).is_some())
        .count()
}

fn detect_edition(texts: &[&str], refs_have_books: bool) -> String {
    for t in texts {
        let f = fold_width(t);
        if let Some(i) = f.find("ガイドライン第") {
            let rest = &f[i + "ガイドライン第".len()..];
            let num: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if rest[num.len()..].starts_with('版') && !num.is_empty() {
                return if num.contains('.') {
                    num
                } else {
                    format!("{num}.0")
                };
            }
        }
    }
    if refs_have_books {
        "6.0".into()
    } else {
        "5.2".into()
    }
}

fn detect_form_version(texts: &[&str]) -> String {
    for t in texts {
        let f = fold_width(t);
        let lower = f.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        for (i, _) in lower.match_indices('v') {
            // "Ver.5.0", "ver 4.1", "v4_1": a v not inside a word, then digits.
            if i > 0 && bytes[i - 1].is_ascii_alphabetic() {
                continue;
            }
            let rest = lower[i + 1..].strip_prefix("er").unwrap_or(&lower[i + 1..]);
            let rest = rest.trim_start_matches(['.', ' ']);
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
                .collect::<String>()
                .replace(['-', '_'], ".");
            let v = v.trim_end_matches('.').to_string();
            if v.chars().next().is_some_and(|c| c.is_ascii_digit()) && v.len() <= 8 {
                return v;
            }
        }
    }
    "unknown".into()
}

fn import_detected(book: &mut Book, mapping: Option<&Mapping>) -> Result<Imported, XlsxError> {
    let path = book.path.clone();
    let given = mapping.cloned().unwrap_or_default();
    // The sheet: given, or the one with the most question rows.
    let names: Vec<String> = book.sheets.iter().map(|(n, _)| n.clone()).collect();
    let (sheet, grid) = match &given.sheet {
        Some(name) => {
            if !names.contains(name) {
                return Err(XlsxError::NoSuchSheet {
                    path,
                    sheet: name.clone(),
                });
            }
            (name.clone(), book.grid(name)?)
        }
        None => {
            let mut best: Option<(usize, String, Grid)> = None;
            for name in &names {
                if name == HIDDEN_SHEET {
                    continue;
                }
                let g = book.grid(name)?;
                let s = score_sheet(&g);
                if s > 0 && best.as_ref().is_none_or(|(b, _, _)| s > *b) {
                    best = Some((s, name.clone(), g));
                }
            }
            match best {
                Some((_, n, g)) => (n, g),
                None => {
                    return Err(XlsxError::NoQuestions {
                        path,
                        sheets: names.join(", "),
                    });
                }
            }
        }
    };
    let bad_mapping = |detail: String| XlsxError::BadMapping {
        path: path.clone(),
        detail,
    };
    let parse_col = |c: &Option<String>, what: &str| -> Result<Option<u16>, XlsxError> {
        c.as_ref()
            .map(|s| {
                col_index(s).ok_or_else(|| bad_mapping(format!("{what}: {s:?} is not a column")))
            })
            .transpose()
    };
    let first_row = given.first_row.map(|r| r.saturating_sub(1)).unwrap_or(0);
    let last_row = given
        .last_row
        .map(|r| r.saturating_sub(1))
        .unwrap_or(grid.height().saturating_sub(1))
        .min(grid.height().saturating_sub(1));

    let mut report = ImportReport {
        file: path.display().to_string(),
        method: "detected".into(),
        sheet: sheet.clone(),
        ..ImportReport::default()
    };

    // Classify rows.
    let mut lines: Vec<(u32, Line)> = Vec::new();
    let mut first_question_row = None;
    let mut title_texts: Vec<String> = Vec::new();
    for r in first_row..=last_row {
        let cells = grid.cells(r);
        if cells.is_empty() {
            continue;
        }
        if let Some((printed, text, text_col, number)) = question_cells(&cells) {
            first_question_row.get_or_insert(r);
            lines.push((
                r,
                Line::Question {
                    printed,
                    number,
                    text,
                    text_col,
                },
            ));
            continue;
        }
        let after_start = first_question_row.is_some()
            || lines.iter().any(|(_, l)| matches!(l, Line::Section { .. }));
        if after_start && let Some((_, label)) = option_label(&cells) {
            if matches!(
                lines.last(),
                Some((_, Line::Question { .. } | Line::Option { .. }))
            ) {
                lines.push((r, Line::Option { label }));
            } else {
                report.skipped.push(Skipped {
                    row: r + 1,
                    reason: Skip::OptionWithoutQuestion,
                });
            }
            continue;
        }
        let (_, first_text) = cells[0];
        let is_label_row = cells.iter().any(|(_, v)| header_field(v).is_some());
        if !is_label_row
            && cells.iter().all(|(_, v)| answer_word(v).is_none())
            && let (body, Some(refs)) = split_trailing_ref(first_text)
            && !body.trim().is_empty()
            && !refs.refs.is_empty()
        {
            lines.push((
                r,
                Line::Section {
                    title: first_text.to_string(),
                },
            ));
            continue;
        }
        if first_question_row.is_none() {
            title_texts.push(cells.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" "));
        } else {
            report.skipped.push(Skipped {
                row: r + 1,
                reason: Skip::NotARow {
                    text: short(first_text),
                },
            });
        }
    }

    // Header fields: given cells, else labels with the value to their right.
    let mut header = Header::default();
    let mut kind_votes: Vec<Kind> = Vec::new();
    let mut header_cells: BTreeMap<String, String> = BTreeMap::new();
    for r in 0..first_question_row.unwrap_or(grid.height()).min(60) {
        let cells = grid.cells(r);
        for (i, (col, v)) in cells.iter().enumerate() {
            if let Some((field, kind)) = header_field(v) {
                kind.into_iter().for_each(|k| kind_votes.push(k));
                if let Some((vc, value)) = cells.get(i + 1).filter(|(c, _)| *c <= col + 10) {
                    if header_field(value).is_none() && header.get(field).is_empty() {
                        header.set(field, value.to_string());
                        header_cells
                            .insert(field.key().into(), format!("{}{}", col_name(*vc), r + 1));
                    }
                } else {
                    header_cells.entry(field.key().into()).or_default();
                }
            }
        }
    }
    for (key, cell) in &given.header {
        let field = HeaderField::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| bad_mapping(format!("header field {key:?}")))?;
        let (r, c) =
            cell_index(cell).ok_or_else(|| bad_mapping(format!("header cell {cell:?}")))?;
        header.set(field, grid.get(r, c).trim().to_string());
        header_cells.insert(key.clone(), cell.clone());
    }
    header_cells.retain(|_, v| !v.is_empty());
    if header_cells.is_empty() {
        report.notes.push(Note::NoHeaderLabels);
        report.uncertain = true;
    }

    // Answer columns: a heading row with はい/いいえ/対象外, a フラグ heading, 備考 headings.
    let mut mark_cols: Option<[u16; 3]> = None;
    let mut flag_col: Option<u16> = None;
    let mut remark_col: Option<u16> = None;
    for r in 0..first_question_row.unwrap_or(0) {
        let cells = grid.cells(r);
        let find = |w: &str| {
            cells
                .iter()
                .find(|(_, v)| fold_width(v).trim() == w)
                .map(|(c, _)| *c)
        };
        if let (Some(y), Some(n), Some(na)) = (find("はい"), find("いいえ"), find("対象外"))
        {
            mark_cols = Some([y, n, na]);
        }
        for (c, v) in &cells {
            let f = fold_width(v);
            if f.contains("フラグ") || f.trim() == "回答" {
                flag_col = Some(*c);
            }
            if f.contains("備考") {
                // The rightmost 備考 heading (the input 記入欄 when there are two).
                remark_col = Some(remark_col.map_or(*c, |old| old.max(*c)));
            }
        }
    }
    // Without headings: a column right of the text whose cells hold varying answer words.
    let question_rows: Vec<(u32, u16)> = lines
        .iter()
        .filter_map(|(r, l)| match l {
            Line::Question { text_col, .. } => Some((*r, *text_col)),
            Line::Option { .. } => Some((*r, 0)),
            _ => None,
        })
        .collect();
    if flag_col.is_none() {
        let mut per_col: HashMap<u16, Vec<AnswerValue>> = HashMap::new();
        for (r, _) in &question_rows {
            for (c, v) in grid.cells(*r) {
                let plain = fold_width(v);
                if ANSWER_WORDS.contains(&plain.trim()) {
                    per_col
                        .entry(c)
                        .or_default()
                        .push(AnswerValue::parse(plain.trim()).unwrap_or_default());
                }
            }
        }
        let label_cols: Vec<u16> = mark_cols.map(|m| m.to_vec()).unwrap_or_default();
        let mut candidates: Vec<(u16, usize)> = per_col
            .iter()
            .filter(|(c, vals)| {
                let distinct: std::collections::HashSet<_> = vals.iter().collect();
                !label_cols.contains(c)
                    && (distinct.len() > 1 || !is_static_label_col(&per_col, **c))
            })
            .map(|(c, v)| (*c, v.len()))
            .collect();
        candidates.sort_by_key(|(c, n)| (std::cmp::Reverse(*n), std::cmp::Reverse(*c)));
        flag_col = candidates.first().map(|(c, _)| *c);
    }
    // Given mapping wins.
    if let Some(c) = parse_col(&given.flag_column, "flag_column")? {
        flag_col = Some(c);
    }
    if let Some(cols) = &given.mark_columns {
        let mut out = [0u16; 3];
        for (i, c) in cols.iter().enumerate() {
            out[i] = col_index(c).ok_or_else(|| bad_mapping(format!("mark column {c:?}")))?;
        }
        mark_cols = Some(out);
        if given.flag_column.is_none() {
            flag_col = None;
        }
    }
    if let Some(c) = parse_col(&given.remark_column, "remark_column")? {
        remark_col = Some(c);
    }
    if flag_col.is_none() && mark_cols.is_none() {
        report.notes.push(Note::NoAnswerColumn);
        report.uncertain = true;
    }
    report.mapping = Mapping {
        sheet: Some(sheet.clone()),
        header: header_cells,
        flag_column: flag_col.map(col_name),
        mark_columns: mark_cols.map(|m| m.map(col_name)),
        remark_column: remark_col.map(col_name),
        first_row: Some(first_row + 1),
        last_row: Some(last_row + 1),
    };

    // Reads the answer and remark of a row.
    let read_answer = |r: u32, text_col: u16| -> (AnswerValue, String, Option<Skip>) {
        let cells = grid.cells(r);
        let mut value = AnswerValue::Unanswered;
        let mut problem = None;
        if let Some(fc) = flag_col {
            let v = grid.get(r, fc).trim();
            if !v.is_empty() {
                match answer_word(v).or_else(|| AnswerValue::parse(v)) {
                    Some(a) => value = a,
                    None => {
                        problem = Some(Skip::FlagNotAnswer {
                            flag: v.to_string(),
                        })
                    }
                }
            }
        } else if let Some([y, n, na]) = mark_cols {
            let marked: Vec<usize> = [y, n, na]
                .iter()
                .enumerate()
                .filter(|(_, c)| is_mark(grid.get(r, **c)))
                .map(|(i, _)| i)
                .collect();
            // A gate row shows 該当/非該当 in the first two columns.
            let gate = answer_word(grid.get(r, y)) == Some(AnswerValue::Applies)
                || answer_word(grid.get(r, n)) == Some(AnswerValue::DoesNotApply);
            match marked.as_slice() {
                [i] => {
                    value = match (gate, i) {
                        (true, 0) => AnswerValue::Applies,
                        (true, 1) => AnswerValue::DoesNotApply,
                        (_, 0) => AnswerValue::Yes,
                        (_, 1) => AnswerValue::No,
                        _ => AnswerValue::NotApplicable,
                    }
                }
                [] => {}
                _ => problem = Some(Skip::SeveralMarks),
            }
        }
        let mut remark = String::new();
        if let Some(rc) = remark_col.filter(|rc| *rc > text_col || text_col == 0) {
            remark = grid.get(r, rc).to_string();
        } else if let Some(pos) = cells
            .iter()
            .position(|(c, v)| *c > text_col && fold_width(v).trim() == "備考")
        {
            remark = cells
                .get(pos + 1)
                .map(|(_, v)| v.to_string())
                .unwrap_or_default();
        }
        if remark.trim() == "-" || remark.trim() == "－" {
            remark.clear();
        }
        (value, xl_norm(&remark), problem)
    };

    // Build sections, questions, options and answers.
    let mut sections: Vec<Section> = Vec::new();
    let mut answers: Vec<(String, Option<String>, AnswerValue, String)> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut gate_rows: Vec<String> = Vec::new();
    for (idx, (r, line)) in lines.iter().enumerate() {
        match line {
            Line::Section { title } => sections.push(Section {
                title: title.clone(),
                refs: None,
                questions: Vec::new(),
            }),
            Line::Question {
                printed,
                number,
                text,
                text_col,
            } => {
                if let Some(first) = seen.get(number) {
                    report.skipped.push(Skipped {
                        row: r + 1,
                        reason: Skip::DuplicateNumber {
                            number: number.clone(),
                            first_row: *first,
                        },
                    });
                    continue;
                }
                seen.insert(number.clone(), r + 1);
                if sections.is_empty() {
                    sections.push(Section {
                        title: String::new(),
                        refs: None,
                        questions: Vec::new(),
                    });
                }
                let id = format!("q{number}");
                let has_options = matches!(lines.get(idx + 1), Some((_, Line::Option { .. })));
                let (value, remark, problem) = read_answer(*r, *text_col);
                if let Some(reason) = problem {
                    report.skipped.push(Skipped { row: r + 1, reason });
                }
                let gate_labels = grid.cells(*r).iter().any(|(c, v)| {
                    *c > *text_col
                        && matches!(
                            answer_word(v),
                            Some(AnswerValue::Applies | AnswerValue::DoesNotApply)
                        )
                        && !is_mark(v)
                        || fold_width(v).trim() == "該当"
                });
                let is_gate = matches!(value, AnswerValue::Applies | AnswerValue::DoesNotApply)
                    || gate_labels;
                let answer = if has_options {
                    AnswerKind::Options(Vec::new())
                } else if is_gate {
                    gate_rows.push(id.clone());
                    AnswerKind::Gate
                } else {
                    AnswerKind::YesNoNa
                };
                let (body, refs) = split_trailing_ref(text);
                let q = Question {
                    id: id.clone(),
                    number: printed.clone(),
                    text: body.trim().to_string(),
                    refs,
                    answer,
                    gate: None,
                    note: None,
                    scope: Scope::Both,
                };
                if !has_options {
                    answers.push((id, None, value, remark));
                }
                if let Some(s) = sections.last_mut() {
                    s.questions.push(q);
                }
            }
            Line::Option { label } => {
                let Some(q) = sections.last_mut().and_then(|s| s.questions.last_mut()) else {
                    continue;
                };
                if let AnswerKind::Options(options) = &mut q.answer {
                    let oid = format!("o{}", options.len() + 1);
                    options.push(QOption {
                        id: oid.clone(),
                        label: label.clone(),
                    });
                    let (value, remark, problem) = read_answer(*r, 0);
                    if let Some(reason) = problem {
                        report.skipped.push(Skipped { row: r + 1, reason });
                    }
                    answers.push((q.id.clone(), Some(oid), value, remark));
                    report.options += 1;
                }
            }
        }
    }
    // Gates: questions numbered under a gate question depend on it being 該当.
    let gate_numbers: Vec<(String, String)> = sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter(|q| gate_rows.contains(&q.id))
        .map(|q| (q.id.clone(), q.number_key()))
        .collect();
    for s in &mut sections {
        for q in &mut s.questions {
            let key = q.number_key();
            let parent = gate_numbers
                .iter()
                .filter(|(id, n)| *id != q.id && key.starts_with(&format!("{n}.")))
                .max_by_key(|(_, n)| n.len());
            if let Some((id, _)) = parent {
                q.gate = Some(Gate {
                    question: id.clone(),
                    value: AnswerValue::Applies,
                });
            }
        }
    }
    sections.retain(|s| !s.questions.is_empty() || !s.title.is_empty());
    for s in &mut sections {
        let (body, refs) = split_trailing_ref(&s.title);
        if refs.is_some() {
            s.title = body.trim().to_string();
            s.refs = refs;
        }
    }
    report.sections = sections.iter().filter(|s| !s.title.is_empty()).count();
    report.questions = sections.iter().map(|s| s.questions.len()).sum();
    if report.questions == 0 {
        return Err(XlsxError::NoQuestions {
            path,
            sheets: names.join(", "),
        });
    }

    // Kind, versions, title.
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title_refs: Vec<&str> = title_texts
        .iter()
        .map(String::as_str)
        .chain([sheet.as_str(), file_name.as_str()])
        .collect();
    let kind = if kind_votes.contains(&Kind::Sds)
        || title_texts
            .iter()
            .any(|t| t.contains("サービス事業者による"))
        || fold_width(&file_name).to_ascii_uppercase().contains("SDS")
    {
        Kind::Sds
    } else {
        Kind::Mds
    };
    let has_books = sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter_map(|q| q.refs.as_ref())
        .any(|g| {
            g.refs
                .iter()
                .any(|r| matches!(r, GuidelineRef::Book { .. }))
        });
    let edition = detect_edition(&title_refs, has_books);
    let form_version = detect_form_version(&title_refs);
    let mut content = Sha256::new();
    for q in sections.iter().flat_map(|s| s.questions.iter()) {
        content.update(q.number_key().as_bytes());
        content.update(q.full_text().as_bytes());
        content.update([0]);
    }
    let content_id = hex(&content.finalize())[..12].to_string();
    let file_sha = hex(&Sha256::digest(&book.bytes));
    let title = title_texts
        .iter()
        .find(|t| t.contains("開示書") || t.contains("チェックリスト"))
        .cloned()
        .unwrap_or_else(|| file_name.clone());
    let catalogue = Catalogue::new(
        format!("import-{}-{}", kind.key().to_ascii_lowercase(), content_id),
        title,
        kind,
        form_version,
        edition,
        Provenance {
            kind: ProvenanceKind::OfficialWorkbookImport,
            source: format!("{file_name} (sheet {sheet})"),
            file_name: Some(file_name),
            file_sha256: Some(format!("sha256:{file_sha}")),
            note: None,
        },
        sections,
    );
    let issues = catalogue.check();
    if !issues.is_empty() {
        return Err(XlsxError::Malformed {
            path,
            detail: issues
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        });
    }

    let mut project = Project::new(&catalogue, header, true);
    for (qid, oid, value, remark) in answers {
        let number = catalogue
            .question(&qid)
            .map(Question::number_key)
            .unwrap_or_default();
        if project
            .set_answer(
                &catalogue,
                &qid,
                oid.as_deref(),
                value,
                Some(remark.clone()),
            )
            .is_err()
        {
            report.notes.push(Note::AnswerRejected { number, value });
            let _ = project.set_answer(
                &catalogue,
                &qid,
                oid.as_deref(),
                AnswerValue::Unanswered,
                Some(remark),
            );
        }
    }
    report.answers = count_answers(&project);
    report.filled = report.answers > 0
        || HeaderField::ALL
            .iter()
            .any(|f| !project.header.get(*f).is_empty());
    if report.skipped.len() > report.questions {
        report.uncertain = true;
    }
    Ok(Imported {
        catalogue,
        project,
        report,
    })
}

/// A column that shows the same answer word on every row is a printed label (e.g. the はい of a
/// はい いいえ 対象外 display), not an answer.
fn is_static_label_col(per_col: &HashMap<u16, Vec<AnswerValue>>, c: u16) -> bool {
    let Some(vals) = per_col.get(&c) else {
        return false;
    };
    let Some(first) = vals.first() else {
        return false;
    };
    let neighbours = [c.wrapping_sub(1), c + 1];
    vals.iter().all(|v| v == first)
        && neighbours.iter().any(|n| {
            per_col
                .get(n)
                .is_some_and(|nv| nv.len() == vals.len() && nv.iter().all(|v| v != first))
        })
}

fn short(s: &str) -> String {
    let t: String = s.chars().take(30).collect();
    if s.chars().count() > 30 {
        format!("{t}…")
    } else {
        t
    }
}

/// Reads a file (within the size limit) and imports it.
pub fn import_file(
    path: &Path,
    mapping: Option<&Mapping>,
) -> Result<Imported, crate::io::json::FileError> {
    let bytes = crate::io::atomic::read_limited(path, MAX_FILE_BYTES)?;
    Ok(import_workbook(path, bytes, mapping)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_question_cells() {
        let q = question_cells(&[
            (0, "4. 1. 2."),
            (1, "セキュリティデバイスを用いるか? (6.5.C2)"),
        ])
        .unwrap();
        assert_eq!((q.0.as_str(), q.3.as_str()), ("4. 1. 2.", "4.1.2"));
        let q = question_cells(&[(2, "４．１"), (3, "認証方法は?(6.5.C1)")]).unwrap();
        assert_eq!(q.3, "4.1");
        let q = question_cells(&[(0, "1. 1 保存場所が…満たすか?(8.3.C1(1)~(5))")]).unwrap();
        assert_eq!((q.0.as_str(), q.3.as_str()), ("1. 1", "1.1"));
        assert!(question_cells(&[(0, "作成日"), (1, "2023年10月4日")]).is_none());
        assert!(question_cells(&[(0, "1"), (1, "はい")]).is_none());
    }

    #[test]
    fn marks_and_words() {
        assert!(is_mark("○"));
        assert!(is_mark("■はい"));
        assert!(is_mark("1"));
        assert!(!is_mark("□はい"));
        assert!(!is_mark(""));
        assert_eq!(answer_word("■対象外"), Some(AnswerValue::NotApplicable));
        assert_eq!(answer_word(" 非該当 "), Some(AnswerValue::DoesNotApply));
        assert_eq!(answer_word("備考"), None);
    }

    #[test]
    fn detects_versions() {
        assert_eq!(
            detect_edition(
                &["(医療情報システムの安全管理に関するガイドライン第5.2版対応)"],
                false
            ),
            "5.2"
        );
        assert_eq!(detect_edition(&["ガイドライン第5版対応"], false), "5.0");
        assert_eq!(detect_edition(&["x"], true), "6.0");
        assert_eq!(detect_form_version(&["MDS-Ver4-1_Checklist.xlsx"]), "4.1");
        assert_eq!(
            detect_form_version(&["チェックリスト(MDS/SDS Ver.5.0用)"]),
            "5.0"
        );
        assert_eq!(detect_form_version(&["none"]), "unknown");
        assert_eq!(detect_form_version(&["RSS_202306_06_SDS_v4_1.xlsx"]), "4.1");
        assert_eq!(detect_form_version(&["Service.xlsx"]), "unknown");
    }

    #[test]
    fn edits_in_an_exported_workbook_are_applied() {
        let mut report = ImportReport::default();
        let mut value = AnswerValue::Yes;
        let mut remark = "一行目\r\n二行目".to_string();
        // Unchanged cells (Excel keeps line breaks as LF) leave the stored text exactly as it was.
        apply_input(
            &mut value,
            &mut remark,
            "はい",
            "一行目\n二行目",
            &mut report,
            9,
        );
        assert_eq!(
            (value, remark.as_str()),
            (AnswerValue::Yes, "一行目\r\n二行目")
        );
        // An edited flag and remark win.
        apply_input(
            &mut value,
            &mut remark,
            "いいえ",
            "理由を追記",
            &mut report,
            9,
        );
        assert_eq!((value, remark.as_str()), (AnswerValue::No, "理由を追記"));
        // A cleared flag is 未回答; an unreadable flag is reported and the answer kept.
        apply_input(&mut value, &mut remark, "", "理由を追記", &mut report, 9);
        assert_eq!(value, AnswerValue::Unanswered);
        value = AnswerValue::NotApplicable;
        apply_input(
            &mut value,
            &mut remark,
            "たぶん",
            "理由を追記",
            &mut report,
            9,
        );
        assert_eq!(value, AnswerValue::NotApplicable);
        assert_eq!(
            report.skipped,
            vec![Skipped {
                row: 10,
                reason: Skip::FlagNotAnswer {
                    flag: "たぶん".into()
                }
            }]
        );
    }

    #[test]
    fn serial_dates() {
        assert_eq!(serial_date(45203.0).as_deref(), Some("2023年10月4日"));
    }
}
