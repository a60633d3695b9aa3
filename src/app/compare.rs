//! Comparing statements (in the background) and carrying answers forward to a new statement.

use std::path::{Path, PathBuf};

use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::compare::{Cell, Comparison, Row, RowFilter, Side, compare};
use crate::domain::dossier::Identity;
use crate::domain::matching::MatchKind;
use crate::domain::project::Header;
use crate::domain::text::{is_blank, visible};
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::{PdfNote, ReportLine, RunningHead, report_pdf, report_pdf_headed};
use crate::io::xlsx::{ComparisonHeadings, PrintTable};
use crate::io::{self, FileError};

use super::documents::ExportFormat;
use super::progress::{BoxedError, Progress};
use super::provenance;

/// A statement's label in a comparison: its file name (the whole path when it has none).
pub fn file_label(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// One compared statement's column: who and what it is (vendor / product / version, from its
/// header) and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    /// The file name, or what stands for it (「このウィンドウ」).
    pub file: String,
}

impl Column {
    /// The title with the file name after it (unless the title already names it).
    pub fn with_file(&self) -> String {
        if self.title.contains(&self.file) {
            self.title.clone()
        } else {
            format!("{} ({})", self.title, self.file)
        }
    }
}

/// A finished comparison: the statements' columns and the table.
#[derive(Debug, Clone)]
pub struct ComparisonView {
    pub columns: Vec<Column>,
    /// Each statement's vendor, product, version, edition and fingerprint, as printed.
    pub identities: Vec<Identity>,
    pub table: Comparison,
}

/// The columns of statements with these headers and file labels: vendor / product / version
/// (invisible format characters written out, `生成<U+200B>株式会社`, so that two names cannot
/// look alike), the file name when the header is empty, and the file name added where two
/// would read alike.
pub fn columns(headers: &[(&Header, String)]) -> Vec<Column> {
    let titles: Vec<String> = headers
        .iter()
        .map(|(h, file)| {
            let parts: Vec<String> = [&h.vendor, &h.product, &h.version]
                .iter()
                .filter(|s| !is_blank(s))
                .map(|s| visible(s.trim()))
                .collect();
            if parts.is_empty() {
                file.clone()
            } else {
                parts.join(" / ")
            }
        })
        .collect();
    titles
        .iter()
        .zip(headers)
        .map(|(t, (_, file))| {
            let twice = titles.iter().filter(|o| *o == t).count() > 1;
            Column {
                title: if twice && t != file {
                    format!("{t} ({file})")
                } else {
                    t.clone()
                },
                file: file.clone(),
            }
        })
        .collect()
}

/// Opens the statements in `files` (JSON or workbooks) and compares them. Used by the window (on
/// a worker thread) and by `kaijisho compare`.
pub fn compare_files(
    files: &[PathBuf],
    shipped: &[Catalogue],
    progress: &Progress,
) -> Result<ComparisonView, FileError> {
    progress.set_total(files.len() + 1);
    let mut opened = Vec::new();
    for f in files {
        opened.push(io::open_statement(
            f,
            shipped,
            crate::assets::import_vocabulary(),
        )?);
        progress.step();
    }
    let sides: Vec<Side<'_>> = opened
        .iter()
        .map(|(p, c)| Side {
            catalogue: c,
            project: p,
        })
        .collect();
    let table = compare(&sides);
    progress.step();
    let headers: Vec<(&Header, String)> = opened
        .iter()
        .zip(files)
        .map(|((p, _), f)| (&p.header, file_label(f)))
        .collect();
    Ok(ComparisonView {
        columns: columns(&headers),
        identities: opened.iter().map(|(p, c)| Identity::of(c, p)).collect(),
        table,
    })
}

/// One statement's answer as the comparison shows it: under a closed gate, which gate holds what
/// (and what the vendor had written); matched by similar text, how.
pub fn cell_text(l: &Localizer, c: &Cell) -> String {
    let mut text = match &c.gated {
        None if !c.condition.is_empty() => l.ta(
            "answer-conditional",
            &[
                ("answer", c.answer.clone().into()),
                ("condition", c.condition.clone().into()),
            ],
        ),
        None => c.answer.clone(),
        Some(g) => {
            let mut args = vec![
                ("gate", g.gate.clone().into()),
                ("held", l.value(g.held).into()),
            ];
            match &g.recorded {
                None => l.ta("compare-gated", &args),
                Some(r) => {
                    args.push(("recorded", r.clone().into()));
                    l.ta("compare-gated-recorded", &args)
                }
            }
        }
    };
    if let Some(m @ MatchKind::Similar { .. }) = c.matched {
        text.push('\n');
        text.push_str(&m.localize(l));
    }
    text
}

/// The words of the comparison workbook, in the user's language, with the lines saying what
/// was compared and which rows are shown.
pub fn comparison_headings(
    l: &Localizer,
    view: &ComparisonView,
    filter: RowFilter,
    head: &RunningHead,
) -> ComparisonHeadings {
    ComparisonHeadings {
        sheet: l.t("compare-sheet"),
        title: l.t("compare-title"),
        lines: export_lines(l, view, filter, head),
        number: l.t("compare-number"),
        question: l.t("compare-question"),
        reference: l.t("compare-ref"),
        answer: l.t("compare-answer"),
        remark: l.t("compare-remark"),
        missing: l.t("compare-missing"),
    }
}

/// What an export says above the table: by whom and when, each statement with its file,
/// edition and fingerprint, the counts, the filter.
fn export_lines(
    l: &Localizer,
    view: &ComparisonView,
    filter: RowFilter,
    head: &RunningHead,
) -> Vec<String> {
    let mut lines = provenance::head_lines(head);
    lines.extend(
        view.columns
            .iter()
            .enumerate()
            .map(|(i, c)| match view.identities.get(i) {
                Some(id) => provenance::statement_line(l, i + 1, &c.file, id),
                None => l.ta(
                    "compare-statement-line",
                    &[("n", (i + 1).into()), ("title", c.with_file().into())],
                ),
            }),
    );
    let cmp = &view.table;
    lines.push(l.ta(
        "compare-summary",
        &[
            ("differences", cmp.differences().count().into()),
            ("rows", cmp.rows.len().into()),
        ],
    ));
    let mut shown: Vec<String> = Vec::new();
    for (on, id) in [
        (filter.only_differences, "compare-only-diff"),
        (filter.only_no, "nav-filter-no"),
        (filter.only_unanswered, "nav-filter-unanswered"),
    ] {
        if on {
            shown.push(l.t(id));
        }
    }
    if !shown.is_empty() {
        lines.push(l.ta(
            "compare-filter-line",
            &[
                ("filters", shown.join("・").into()),
                ("shown", cmp.filtered(filter).count().into()),
            ],
        ));
    }
    lines
}

/// A comparison export with its words in place, ready to be written off the UI thread.
#[derive(Debug, Clone)]
pub enum PreparedExport {
    /// A workbook of these sheets.
    Xlsx(Vec<PrintTable>),
    Pdf {
        title: String,
        lines: Vec<ReportLine>,
    },
    /// A report of these lines with this running head on every page.
    PdfHeaded {
        title: String,
        lines: Vec<ReportLine>,
        head: RunningHead,
    },
    /// A PDF of these tables, with this running head on every page.
    PdfTables {
        tables: Vec<PrintTable>,
        head: RunningHead,
    },
}

/// Words the comparison (the rows `filter` keeps) for a workbook or a PDF, with no hospital
/// named (the command line).
pub fn prepare_comparison(
    l: &Localizer,
    view: &ComparisonView,
    filter: RowFilter,
    format: ExportFormat,
) -> PreparedExport {
    let head = provenance::unsigned_head(l, l.t("compare-title"));
    prepare_comparison_headed(l, view, filter, format, head)
}

/// Words the comparison for a workbook or a PDF (a landscape table, its headings on every
/// page, `head` above each page).
pub fn prepare_comparison_headed(
    l: &Localizer,
    view: &ComparisonView,
    filter: RowFilter,
    format: ExportFormat,
    head: RunningHead,
) -> PreparedExport {
    let rows: Vec<&Row> = view.table.filtered(filter).collect();
    let titles: Vec<String> = view.columns.iter().map(|c| c.title.clone()).collect();
    let text = |c: &Cell| cell_text(l, c);
    let table = io::xlsx::comparison_table(
        &titles,
        &rows,
        &comparison_headings(l, view, filter, &head),
        &text,
    );
    match format {
        ExportFormat::Xlsx => PreparedExport::Xlsx(vec![table]),
        ExportFormat::Pdf => PreparedExport::PdfTables {
            tables: vec![table],
            head,
        },
    }
}

/// Writes a prepared export at `path` (atomically), in the form's font; returns what a PDF
/// could not show as asked.
pub fn write_prepared(export: &PreparedExport, path: &Path) -> Result<Vec<PdfNote>, BoxedError> {
    let boxed = |e: Box<dyn Localize + Send>| e;
    let (bytes, notes) = match export {
        PreparedExport::Xlsx(tables) => {
            let form = assets::form().map_err(|e| boxed(Box::new(e)))?;
            let bytes = io::xlsx::tables_xlsx(tables, &form.workbook.font)
                .map_err(|e| boxed(Box::new(e)))?;
            (bytes, Vec::new())
        }
        PreparedExport::Pdf { title, lines } => {
            let font = assets::print_font().map_err(|e| boxed(Box::new(e)))?;
            let pdf = report_pdf(title, lines, font).map_err(|e| boxed(Box::new(e)))?;
            (pdf.bytes, pdf.notes)
        }
        PreparedExport::PdfHeaded { title, lines, head } => {
            let font = assets::print_font().map_err(|e| boxed(Box::new(e)))?;
            let pdf = report_pdf_headed(title, lines, Some(head), font)
                .map_err(|e| boxed(Box::new(e)))?;
            (pdf.bytes, pdf.notes)
        }
        PreparedExport::PdfTables { tables, head } => {
            let font = assets::print_font().map_err(|e| boxed(Box::new(e)))?;
            let pdf =
                crate::io::pdf::tables_pdf(tables, head, font).map_err(|e| boxed(Box::new(e)))?;
            (pdf.bytes, pdf.notes)
        }
    };
    io::atomic::atomic_write(path, |w| w.write_all(&bytes)).map_err(|e| boxed(Box::new(e)))?;
    Ok(notes)
}

/// A carry-forward done in the background: the new statement on its checklist, the report,
/// and the workbook it fills (when the checklist was read from one).
pub struct Carried {
    pub project: crate::domain::project::Project,
    pub catalogue: crate::domain::catalogue::Catalogue,
    pub report: crate::domain::carry::CarryReport,
    pub source_path: Option<std::path::PathBuf>,
}
