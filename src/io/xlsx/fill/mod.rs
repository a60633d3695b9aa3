//! Filling the user's own workbook: a statement imported from a workbook records where it came
//! from (file name, SHA-256, sheet, mapping); its answers, remarks and header values are
//! written into a copy of that workbook at the cells the mapping names, and nothing else
//! changes — every other part of the archive is copied byte for byte (compressed data
//! included), and in a changed sheet only the target cells are rewritten ([`sheet_xml`]).
//! The workbook is set to recalculate when opened ([`workbook_xml`]).
//!
//! Refused: a workbook whose hash is not the recorded one (it changed since the import: import
//! it again), a target cell holding a formula, a workbook whose structure is
//! password-protected, a statement that did not come from a workbook.

mod formula;
mod formula_cells;
pub(crate) mod outcome;
mod plan;
mod protection;
pub mod sheet_xml;
mod verify;
pub mod workbook_xml;

pub use outcome::{Replaced, Unwritten};

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::import::grid::Grid;
use super::import::{MAX_FILE_BYTES, Targets, Vocabulary, import_workbook, read_workbook};
use super::package::{self, PackageError, part_key, read_package};
use super::{XlsxError, sheet_cell};
use crate::domain::catalogue::{Catalogue, hex};
use crate::domain::project::{HeaderField, Project};
use sheet_xml::{SheetEdit, Writes};

/// Most bytes of one part read for editing: the limit the import read it within (one limit,
/// so a sheet the import read is a sheet the fill can edit).
const MAX_PART_BYTES: u64 = super::import::MAX_XML_PART_BYTES;

/// The filled copy, what could not be written into it, and the cells it replaced that the
/// import could not read.
#[derive(Debug, Clone)]
pub struct Filled {
    pub bytes: Vec<u8>,
    pub unwritten: Vec<Unwritten>,
    pub replaced: Vec<Replaced>,
    /// Cells written that their protected sheet keeps locked (`シート!C5`).
    pub locked: Vec<String>,
}

/// The copy as rebuilt: its bytes, the formula cells left showing an old value, and the
/// locked cells of protected sheets written.
struct Rewritten {
    bytes: Vec<u8>,
    stale: Vec<Unwritten>,
    locked: Vec<String>,
}

/// The statement with the workbook's dates where its import did not read them: a statement
/// imported before kaijisho read 確認日/目標日 (its recorded mapping names no such column)
/// has none, and filling must not take that for "cleared".
fn with_unread_dates(
    p: &Project,
    was: &Project,
    mapping: &crate::domain::source::Mapping,
) -> Project {
    use crate::domain::project::AnswerDate;
    let mut out = p.clone();
    let unread = [
        (AnswerDate::Checked, mapping.date_column.is_none()),
        (AnswerDate::Due, mapping.due_date_column.is_none()),
    ];
    for (question, read) in &was.answers {
        for (which, _) in unread.iter().filter(|(_, u)| *u) {
            let date = read.date(*which);
            if !date.is_empty()
                && let Some(a) = out.answers.get_mut(question)
                && a.date(*which).is_empty()
            {
                a.set_date(*which, date);
            }
        }
    }
    out
}

/// The copy of `original` (its bytes) with the statement's values written in: only the cells
/// whose value changed since the import (see [`plan`]). The copy is read back with the same
/// reader as the import and compared with the statement before it is returned.
pub fn fill_workbook(
    original: &Path,
    bytes: Vec<u8>,
    c: &Catalogue,
    p: &Project,
    vocab: &Vocabulary,
) -> Result<Filled, XlsxError> {
    let path = original.to_path_buf();
    let source = p.source.as_ref().ok_or(XlsxError::NotFromWorkbook)?;
    // The same bytes read with the same mapping give the same cells.
    let imported = import_workbook(original, bytes.clone(), Some(&source.mapping), vocab);
    let found = format!("sha256:{}", hex(&Sha256::digest(&bytes)));
    // Other bytes whose cells read the same (the workbook saved again): filled all the same.
    let same_reading =
        |i: &super::import::Imported| !source.reading.is_empty() && i.reading() == source.reading;
    let imported = match imported {
        Ok(i) if found == source.sha256 || same_reading(&i) => i,
        Err(e) if found == source.sha256 => return Err(e),
        _ => {
            return Err(XlsxError::SourceChanged {
                path,
                recorded: source.file_name.clone(),
            });
        }
    };
    if found != source.sha256 {
        log::info!(
            "{}: other bytes than imported, but the same cells: filled",
            original.display()
        );
    }
    let targets = imported
        .targets
        .clone()
        .filter(|_| imported.catalogue.content_hash() == c.content_hash())
        .ok_or_else(|| XlsxError::SourceMismatch { path: path.clone() })?;
    let was = &imported.project;
    let dated = with_unread_dates(p, was, &source.mapping);
    let p = &dated;
    let mut book = read_workbook(original, bytes.clone())?;
    let grid = book.grid(&targets.sheet)?;
    let mut plan = plan::answer_plan(&grid, &targets, (c, p, was), vocab);
    let mut writes: BTreeMap<String, Writes> = BTreeMap::new();
    writes.insert(targets.sheet.clone(), std::mem::take(&mut plan.writes));
    let mut grids = BTreeMap::from([(targets.sheet.clone(), grid)]);
    let header = header_writes(
        &mut book,
        (&mut grids, &targets),
        (p, was),
        vocab,
        (&mut writes, &mut plan.unwritten),
    )?;
    writes.retain(|_, w| !w.is_empty());
    let edits: BTreeMap<String, (Writes, Grid)> = writes
        .into_iter()
        .filter_map(|(sheet, w)| {
            let g = grids.remove(&sheet)?;
            Some((sheet, (w, g)))
        })
        .collect();
    let signature = p.signature.as_ref().map(|s| s.cms.as_str());
    let rewritten = rewrite_archive(original, &bytes, &edits, signature)?;
    let filled = rewritten.bytes;
    plan.unwritten.extend(rewritten.stale);
    verify::read_back(
        original,
        &filled,
        (c, &source.mapping),
        (&plan.expected, &plan.dates, &header),
        vocab,
    )?;
    Ok(Filled {
        bytes: filled,
        unwritten: plan.unwritten,
        replaced: plan.replaced,
        locked: rewritten.locked,
    })
}

/// The header value cells of the fields that changed since the import; a 「製造業者名：…」 cell
/// keeps its label. A value whose cell is no cell reference, or is hidden under a merged
/// range, goes to `unwritten`. Returns what each field with a cell must read back as.
fn header_writes(
    book: &mut super::import::Book,
    (grids, t): (&mut BTreeMap<String, Grid>, &Targets),
    (p, was): (&Project, &Project),
    vocab: &Vocabulary,
    (writes, unwritten): (&mut BTreeMap<String, Writes>, &mut Vec<Unwritten>),
) -> Result<BTreeMap<HeaderField, String>, XlsxError> {
    let changed = plan::header_changed(p, was);
    let mut expected = BTreeMap::new();
    for (key, cell) in &t.header {
        let Some(field) = HeaderField::ALL.into_iter().find(|f| f.key() == key) else {
            // No field of a statement has this key: there is no value to write.
            log::warn!("fill: a header cell {cell} for an unknown field {key:?} is left as it is");
            continue;
        };
        let value = p.header.get(field);
        if !changed.contains(&field) {
            expected.insert(field, value.to_string());
            continue;
        }
        let Some((sheet, r, c)) = sheet_cell(cell) else {
            log::warn!("fill: the cell of {key} ({cell:?}) is no cell reference");
            unwritten.push(Unwritten::Header(field));
            expected.insert(field, was.header.get(field).to_string());
            continue;
        };
        let sheet = sheet.unwrap_or(&t.sheet).to_string();
        if !grids.contains_key(&sheet) {
            let g = book.grid(&sheet)?;
            grids.insert(sheet.clone(), g);
        }
        let Some(g) = grids.get(&sheet) else { continue };
        if g.covered_by(r, c).is_some() {
            log::warn!("fill: the cell of {key} ({cell}) is hidden under a merged range");
            unwritten.push(Unwritten::Header(field));
            expected.insert(field, was.header.get(field).to_string());
            continue;
        }
        let shown = g.get(r, c);
        let text = match vocab.label_and_value(shown) {
            Some((f, _, label, _)) if f == field => format!("{label}{value}"),
            _ => value.to_string(),
        };
        plan::put(writes.entry(sheet).or_default(), g, (r, c), &text);
        expected.insert(field, value.to_string());
    }
    unwritten.extend(
        changed
            .into_iter()
            .filter(|f| !p.header.get(*f).is_empty() && !t.header.contains_key(f.key()))
            .map(Unwritten::Header),
    );
    Ok(expected)
}

/// The archive with the changed sheets rewritten (with the values their formulas now show)
/// and workbook.xml set to recalculate; every other part copied as it is. Returns the formula
/// cells that show a value computed from a changed cell that could not be evaluated, in any
/// sheet.
fn rewrite_archive(
    path: &Path,
    bytes: &[u8],
    edits: &BTreeMap<String, (Writes, Grid)>,
    signature: Option<&str>,
) -> Result<Rewritten, XlsxError> {
    let malformed = |detail: String| XlsxError::Malformed {
        path: path.to_path_buf(),
        detail,
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
    // The parts the import read: the workbook part `_rels/.rels` names, each sheet's own.
    let package = read_package(&mut zip).map_err(|e| match e {
        PackageError::NoWorkbook => XlsxError::NotXlsx {
            path: path.to_path_buf(),
        },
        PackageError::TooLarge(detail) | PackageError::Malformed(detail) => malformed(detail),
    })?;
    if package.structure_locked {
        return Err(XlsxError::StructureProtected {
            path: path.to_path_buf(),
        });
    }
    let workbook = read_part(&mut zip, &package.workbook).map_err(malformed)?;
    // The cell formats, for the locked cells of a protected sheet.
    let styles = match package.styles.as_deref().filter(|_| !edits.is_empty()) {
        Some(key) => package::read_part(&mut zip, key)
            .map_err(|e| malformed(format!("{e:?}")))?
            .map(|(_, xml)| xml),
        None => None,
    };
    let mut locked = Vec::new();
    let sheets: BTreeMap<String, String> = package
        .sheets
        .iter()
        .map(|s| (s.part.clone(), s.name.clone()))
        .collect();
    for sheet in edits.keys() {
        if !sheets.values().any(|s| s == sheet) {
            return Err(malformed(format!("no part for sheet {sheet}")));
        }
    }
    // A statement not signed (or no longer) filled into a copy that has a signature sheet:
    // the sheet is emptied, so the copy does not carry a signature of other content.
    let has_sheet = package
        .part_of(super::signature_sheet::SIGNATURE_SHEET)
        .is_some();
    let signed = match signature {
        Some(cms) => Some(SignaturePlan::new(&package, cms)),
        None if has_sheet => Some(SignaturePlan::new(&package, "")),
        None => None,
    };
    let mut done: usize = 0;
    let mut stale = Vec::new();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let name = zip
            .by_index_raw(i)
            .and_then(|f| f.name().map(|n| n.into_owned()))
            .map_err(|e| malformed(e.to_string()))?;
        let sheet = sheets.get(&part_key(&name));
        let signing = signed.as_ref().is_some_and(|s| s.changes(&name));
        let new = match sheet.and_then(|s| edits.get_key_value(s)) {
            _ if signing => {
                let plan = signed.as_ref().ok_or_else(|| malformed(name.clone()))?;
                let xml = read_part(&mut zip, &name).map_err(malformed)?;
                let xml = if name == package.workbook {
                    workbook_xml::set_full_calc_on_load(&xml)
                        .map_err(|e| malformed(format!("{name}: {e}")))?
                } else {
                    xml
                };
                Some(
                    plan.edit(&name, &xml)
                        .map_err(|e| malformed(format!("{name}: {e}")))?,
                )
            }
            Some((sheet, (w, grid))) => {
                done += 1;
                let xml = read_part(&mut zip, &name).map_err(malformed)?;
                let formulas =
                    formula_cells::collect(&xml).map_err(|e| sheet_error(path, &name, e))?;
                let elsewhere = readers_elsewhere(&formulas, sheet, edits);
                let (cached, unknown) =
                    formula_cells::updates(&formulas, sheet, (w, grid), &elsewhere);
                stale.extend(unknown.into_iter().map(|c| stale_formula(sheet, c)));
                let cells = w.keys().copied().collect();
                let kept = protection::locked_cells(&xml, styles.as_deref(), &cells)
                    .map_err(|e| sheet_error(path, &name, e))?;
                locked.extend(
                    kept.into_iter()
                        .map(|c| format!("{sheet}!{}", plan::cell_name(c))),
                );
                let edited = sheet_xml::edit_sheet_with(&xml, w, &cached)
                    .map_err(|e| sheet_error(path, &name, e))?;
                Some(edited)
            }
            None if name == package.workbook => Some(
                workbook_xml::set_full_calc_on_load(&workbook)
                    .map_err(|e| malformed(format!("{name}: {e}")))?,
            ),
            None => {
                if let Some(sheet) = sheet.filter(|_| !edits.is_empty()) {
                    let xml = read_part(&mut zip, &name).map_err(malformed)?;
                    let formulas =
                        formula_cells::collect(&xml).map_err(|e| sheet_error(path, &name, e))?;
                    let cells = readers_elsewhere(&formulas, sheet, edits);
                    stale.extend(cells.into_iter().map(|c| stale_formula(sheet, c)));
                }
                None
            }
        };
        let written = match new {
            Some(content) => out
                .start_file(name.as_str(), options)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(&content)),
            None => zip
                .by_index_raw(i)
                .and_then(|f| out.raw_copy_file(f))
                .map_err(std::io::Error::from),
        };
        written.map_err(|e| XlsxError::Write(format!("{name}: {e}")))?;
    }
    if let Some(plan) = signed.as_ref().filter(|p| p.adds()) {
        out.start_file(plan.new_part.as_str(), options)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(&plan.sheet))
            .map_err(|e| XlsxError::Write(format!("{}: {e}", plan.new_part)))?;
    }
    if done != edits.len() {
        // A sheet the relationships name that the archive lacks: nothing may go unwritten.
        let missing: Vec<&str> = edits.keys().map(String::as_str).collect();
        return Err(malformed(format!(
            "sheet parts not found: {}",
            missing.join(", ")
        )));
    }
    let finished = out.finish().map_err(|e| XlsxError::Write(e.to_string()))?;
    Ok(Rewritten {
        bytes: finished.into_inner(),
        stale,
        locked,
    })
}

/// Where the signature goes in a filled copy: the existing signature sheet's part replaced, or
/// a new sheet added (with its entries in workbook.xml, its relationships and content types).
struct SignaturePlan {
    sheet: Vec<u8>,
    /// The part of the workbook's own signature sheet, when it has one (its key).
    existing: Option<String>,
    workbook: String,
    rels: String,
    /// The new sheet's part name (under the workbook's folder).
    new_part: String,
}

impl SignaturePlan {
    fn new(package: &package::Package, cms: &str) -> SignaturePlan {
        use super::signature_sheet::{SIGNATURE_PART, SIGNATURE_SHEET, sheet_xml};
        let workbook = package.workbook.clone();
        let (dir, file) = workbook.rsplit_once('/').unwrap_or(("", workbook.as_str()));
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        SignaturePlan {
            sheet: sheet_xml(cms),
            existing: package.part_of(SIGNATURE_SHEET).map(part_key),
            rels: part_key(&format!("{dir}_rels/{file}.rels")),
            new_part: format!("{dir}{SIGNATURE_PART}"),
            workbook,
        }
    }

    fn adds(&self) -> bool {
        self.existing.is_none()
    }

    /// Whether the part `name` is one the signature changes.
    fn changes(&self, name: &str) -> bool {
        let key = part_key(name);
        match &self.existing {
            Some(part) => key == *part,
            None => name == self.workbook || key == self.rels || key == "[content_types].xml",
        }
    }

    /// The part's new content.
    fn edit(&self, name: &str, xml: &[u8]) -> Result<Vec<u8>, String> {
        use super::signature_sheet::{add_content_type, add_relationship, add_to_workbook};
        let key = part_key(name);
        if self.existing.as_deref() == Some(key.as_str()) {
            return Ok(self.sheet.clone());
        }
        if name == self.workbook {
            add_to_workbook(xml)
        } else if key == self.rels {
            add_relationship(xml)
        } else {
            add_content_type(xml, &self.new_part)
        }
    }
}

/// The formula cells of `sheet` that read a changed cell of another sheet: not evaluated
/// (they show an old value until recalculated).
fn readers_elsewhere(
    formulas: &[formula_cells::FormulaCell],
    sheet: &str,
    edits: &BTreeMap<String, (Writes, Grid)>,
) -> Vec<(u32, u16)> {
    let mut out = std::collections::BTreeSet::new();
    for (edited, (w, _)) in edits.iter().filter(|(e, _)| e.as_str() != sheet) {
        let changed = w.keys().copied().collect();
        out.extend(formula_cells::readers_of(formulas, edited, &changed));
    }
    out.into_iter().collect()
}

/// A formula cell that shows an old value until the workbook is recalculated.
fn stale_formula(sheet: &str, cell: (u32, u16)) -> Unwritten {
    Unwritten::Formula {
        sheet: sheet.to_string(),
        cell: plan::cell_name(cell),
    }
}

/// The error for a sheet part that could not be edited.
fn sheet_error(path: &Path, part: &str, e: SheetEdit) -> XlsxError {
    match e {
        SheetEdit::Formula(cell) => XlsxError::FormulaCell {
            path: path.to_path_buf(),
            cell,
        },
        SheetEdit::Xml(detail) => XlsxError::Malformed {
            path: path.to_path_buf(),
            detail: format!("{part}: {detail}"),
        },
    }
}

/// One part of the archive, uncompressed; a part over [`MAX_PART_BYTES`] is refused, never
/// cut short.
fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, String> {
    let f = zip.by_name(name).map_err(|e| format!("{name}: {e}"))?;
    let mut buf = Vec::new();
    f.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{name}: {e}"))?;
    if buf.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name}: more than {MAX_PART_BYTES} bytes"));
    }
    Ok(buf)
}

/// What a fill could not write, and the unread cells and locked cells it wrote (with the
/// user's consent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FillReport {
    pub unwritten: Vec<Unwritten>,
    pub replaced: Vec<Replaced>,
    pub locked: Vec<String>,
}

/// What the user agreed to: replacing answer cells the import could not read, writing cells a
/// protected sheet keeps locked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Consent {
    pub replace_unread: bool,
    pub write_protected: bool,
}

/// Fills the workbook the statement came from into `out` (written atomically; `out` may not
/// be `original`: refused before anything is read, for the CLI and the app alike). Cells the
/// import could not read are replaced only with `consent.replace_unread` (else nothing is
/// written and [`XlsxError::WouldReplace`] lists them); locked cells of a protected sheet are
/// written only with `consent.write_protected` (else [`XlsxError::ProtectedCells`]).
pub fn export_into(
    out: &Path,
    original: &Path,
    (c, p): (&Catalogue, &Project),
    vocab: &Vocabulary,
    consent: Consent,
) -> Result<FillReport, crate::io::FileError> {
    if out == original || crate::io::atomic::is_same_file(out, original) {
        return Err(XlsxError::OverOriginal {
            path: out.to_path_buf(),
        }
        .into());
    }
    // The copy is the original's kind of package: a macro-enabled .xlsm named .xlsx is a
    // file Excel refuses to open.
    let ext = |p: &Path| {
        p.extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    if ext(out) != ext(original) {
        return Err(XlsxError::OtherExtension {
            path: out.to_path_buf(),
            extension: ext(original),
        }
        .into());
    }
    let bytes = crate::io::read::read_limited(original, MAX_FILE_BYTES)?;
    let filled = fill_workbook(original, bytes, c, p, vocab)?;
    if !filled.replaced.is_empty() && !consent.replace_unread {
        return Err(XlsxError::WouldReplace {
            path: original.to_path_buf(),
            cells: filled.replaced,
        }
        .into());
    }
    if !filled.locked.is_empty() && !consent.write_protected {
        return Err(XlsxError::ProtectedCells {
            path: original.to_path_buf(),
            cells: filled.locked,
        }
        .into());
    }
    crate::io::atomic::atomic_write_within(out, &filled.bytes, MAX_FILE_BYTES)?;
    for r in &filled.replaced {
        log::info!(
            "{}: {} ({}) {:?} replaced by {:?}",
            out.display(),
            r.cell,
            r.number,
            r.old,
            r.new
        );
    }
    Ok(FillReport {
        unwritten: filled.unwritten,
        replaced: filled.replaced,
        locked: filled.locked,
    })
}
