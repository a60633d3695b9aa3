//! The register of received statements (ファイル → 受領台帳…): a folder read in the background,
//! one line per statement (or per file that could not be read, with the reason), the hospital's
//! own fields kept in the folder's register file, sorting, filtering and the printable export.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::catalogue::Catalogue;
use crate::domain::history::History;
use crate::domain::profile::{Verdict, check_statement};
use crate::domain::register::{
    Date, REGISTER_FILE, RegisterFile, StatementRow, parse_date, statement_row,
};
use crate::domain::register_edit::{RegisterEdit, RegisterEditError};
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::RunningHead;
use crate::io::xlsx::{PrintTable, TableRow};
use crate::io::{self, FileError};

use super::compare::{PreparedExport, file_label};
use super::document::{DocKind, Document};
use super::documents::ExportFormat;
use super::progress::Progress;

/// One file of the folder: what was read, or why it could not be.
#[derive(Debug, Clone)]
pub struct RegisterLine {
    pub path: PathBuf,
    pub file: String,
    pub read: Result<StatementRow, Arc<FileError>>,
    /// The vendor's signature, as verified when the folder was read.
    pub signature: crate::domain::signature::SignatureSummary,
}

/// The column the register is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RegisterSort {
    #[default]
    File,
    System,
    Vendor,
    Created,
    Verdict,
}

/// A register folder as the window shows it. The register file (the hospital's settings and
/// fields) is a document: changed only by typed edits through commands, with its undo history.
#[derive(Debug, Clone)]
pub struct RegisterView {
    pub folder: PathBuf,
    file: RegisterFile,
    history: History<RegisterFile>,
    /// The SHA-256 of the register file as read or written (`None`: there was none).
    on_disk: Option<[u8; 32]>,
    pub lines: Vec<RegisterLine>,
    /// The profile the verdicts come from (its name), when the register names one.
    pub profile: Option<String>,
    pub filter: String,
    pub only_warnings: bool,
    pub sort: RegisterSort,
    pub descending: bool,
    /// Files among the trusted certificates that could not be read (shown above the table).
    pub certificate_problems: Vec<Arc<crate::io::signature::error::SignatureError>>,
}

/// A day as a [`Date`].
pub(crate) fn date_of(d: jiff::civil::Date) -> Date {
    Date {
        year: i32::from(d.year()),
        month: d.month().unsigned_abs().into(),
        day: d.day().unsigned_abs().into(),
    }
}

/// Reads a register folder: its register file, the profile it names (a file in the folder,
/// else the shipped default), and every statement in it. A file that cannot be read is a line
/// with its error, never left out. `today` is the day the statements' ages are counted to.
pub fn read_folder(
    folder: &Path,
    (shipped, trust): (&[Catalogue], &super::signature::TrustSources),
    today: jiff::civil::Date,
    progress: &Progress,
) -> Result<RegisterView, FileError> {
    let (file, on_disk) = io::hospital::load_register_digest(folder)?;
    let profile = match &file.settings.profile {
        Some(name) => Some(io::hospital::load_profile(&folder.join(name.trim()))?),
        None => None,
    };
    // The register's own profile file is not a statement.
    let files: Vec<PathBuf> = io::hospital::statement_files(folder)?
        .into_iter()
        .filter(|f| file.settings.profile.as_deref().map(str::trim) != Some(file_label(f).as_str()))
        .collect();
    progress.set_total(files.len());
    let now = super::signature::noon_of(today);
    let trusted = trust.anchors(Some(folder));
    let anchors = trusted.get();
    let today = date_of(today);
    let lines = files
        .into_iter()
        .map(|path| {
            let mut signature = Default::default();
            let read = io::open_statement(&path, shipped, crate::assets::import_vocabulary())
                .map(|(p, c)| {
                    let check = profile.as_ref().map(|pr| check_statement(pr, &c, &p));
                    signature = super::signature::file_summary(&path, &c, &p, anchors, now);
                    statement_row(&c, &p, check.as_ref(), &file.settings, today)
                })
                .map_err(Arc::new);
            progress.step();
            RegisterLine {
                file: file_label(&path),
                path,
                read,
                signature,
            }
        })
        .collect();
    Ok(RegisterView {
        folder: folder.to_path_buf(),
        profile: profile.map(|p| p.name),
        file,
        history: History::new(),
        on_disk,
        lines,
        filter: String::new(),
        only_warnings: false,
        sort: RegisterSort::default(),
        descending: false,
        certificate_problems: trusted.problems,
    })
}

impl RegisterView {
    /// The register file as edited.
    pub fn file(&self) -> &RegisterFile {
        &self.file
    }

    /// Checks and applies an edit, recorded for undo.
    pub fn edit(&mut self, edit: RegisterEdit, now: f64) -> Result<bool, RegisterEditError> {
        self.history.apply(&mut self.file, &(), edit, now)
    }

    /// Whether a line needs attention: unreadable, warned of, or outside the profile.
    pub fn flagged(line: &RegisterLine) -> bool {
        match &line.read {
            Err(_) => true,
            Ok(r) => {
                !r.warnings.is_empty()
                    || r.verdict.is_some_and(|v| v != Verdict::Within)
                    || r.answered < r.total
            }
        }
    }

    /// The lines the filter keeps, in the chosen order.
    pub fn shown(&self) -> Vec<&RegisterLine> {
        let needle = crate::domain::text::fold_width(self.filter.trim()).to_lowercase();
        let mut lines: Vec<&RegisterLine> = self
            .lines
            .iter()
            .filter(|l| !self.only_warnings || Self::flagged(l))
            .filter(|l| {
                needle.is_empty() || {
                    let entry = self.file.entries.get(&l.file).cloned().unwrap_or_default();
                    let mut hay = vec![l.file.clone(), entry.system, entry.note];
                    if let Ok(r) = &l.read {
                        hay.extend([r.vendor.clone(), r.product.clone(), r.catalogue.clone()]);
                    }
                    hay.iter().any(|h| {
                        crate::domain::text::fold_width(h)
                            .to_lowercase()
                            .contains(&needle)
                    })
                }
            })
            .collect();
        let key = |l: &RegisterLine| -> (String, Option<Date>) {
            let r = l.read.as_ref().ok();
            match self.sort {
                RegisterSort::File => (l.file.clone(), None),
                RegisterSort::System => (
                    self.file
                        .entries
                        .get(&l.file)
                        .map(|e| e.system.clone())
                        .unwrap_or_default(),
                    None,
                ),
                RegisterSort::Vendor => (r.map(|r| r.vendor.clone()).unwrap_or_default(), None),
                RegisterSort::Created => (String::new(), r.and_then(|r| parse_date(&r.created))),
                RegisterSort::Verdict => (
                    r.and_then(|r| r.verdict)
                        .map(|v| format!("{v:?}"))
                        .unwrap_or_default(),
                    None,
                ),
            }
        };
        lines.sort_by(|a, b| key(a).cmp(&key(b)).then(a.file.cmp(&b.file)));
        if self.descending {
            lines.reverse();
        }
        lines
    }

    /// A line's cells as the register shows and prints them (in [`Self::COLUMNS`] order).
    pub fn cells(&self, l: &Localizer, line: &RegisterLine) -> Vec<String> {
        let entry = self
            .file
            .entries
            .get(&line.file)
            .cloned()
            .unwrap_or_default();
        let mut cells = vec![String::new(); Self::COLUMNS.len()];
        let mut put = |i: usize, text: String| {
            if let Some(c) = cells.get_mut(i) {
                *c = text;
            }
        };
        put(0, line.file.clone());
        put(Self::SYSTEM, entry.system);
        put(Self::RECEIVED, entry.received);
        put(Self::NOTE, entry.note);
        match &line.read {
            Ok(r) => {
                put(3, r.vendor.clone());
                put(4, format!("{} {}", r.product, r.version));
                put(5, r.created.clone());
                put(6, r.verdict.map(|v| v.localize(l)).unwrap_or_default());
                let warnings: Vec<String> = r.warnings.iter().map(|w| w.localize(l)).collect();
                put(Self::ATTENTION, warnings.join(" / "));
                put(8, format!("{} / {}", r.answered, r.total));
                put(9, review_text(l, r));
                put(10, format!("{} ({})", r.catalogue, r.form_version));
                put(11, r.edition.clone());
                put(Self::SIGNATURE, line.signature.localize(l));
            }
            // What could not be read says why, where the attention column is.
            Err(e) => put(Self::ATTENTION, e.localize(l)),
        }
        cells
    }

    /// The columns edited in place (the hospital's own fields: system, received, note).
    pub const EDITABLE: [usize; 3] = [Self::SYSTEM, Self::RECEIVED, Self::NOTE];
    /// The hospital's own columns: システム, 受領日, メモ.
    pub const SYSTEM: usize = 1;
    pub const RECEIVED: usize = 2;
    pub const NOTE: usize = 13;
    /// The vendor's signature.
    pub const SIGNATURE: usize = 12;
    /// The attention column (warnings, or why a file could not be read).
    pub const ATTENTION: usize = 7;

    /// The register's column headings (message ids) and print widths.
    pub const COLUMNS: [(&'static str, f64); 14] = [
        ("register-col-file", 20.0),
        ("register-col-system", 12.0),
        // Wide enough for 「令和8年12月7日」 (the window adds the calendar button's width).
        ("register-col-received", 15.0),
        ("register-col-vendor", 16.0),
        ("register-col-product", 20.0),
        ("register-col-created", 12.0),
        ("register-col-verdict", 16.0),
        ("register-col-warnings", 24.0),
        ("register-col-answered", 7.0),
        ("register-col-review", 14.0),
        ("register-col-catalogue", 18.0),
        ("register-col-edition", 6.0),
        ("register-col-signature", 18.0),
        ("register-col-note", 18.0),
    ];

    /// The register as a printable table (the rows shown), a workbook or a landscape PDF with
    /// its headings on every page and `head` above each page; the print adds each statement's
    /// fingerprint.
    pub fn prepare(
        &self,
        l: &Localizer,
        format: ExportFormat,
        head: RunningHead,
    ) -> PreparedExport {
        let mut lines = super::provenance::head_lines(&head);
        lines.push(l.ta(
            "register-folder-line",
            &[
                ("folder", self.folder.display().to_string().into()),
                ("count", self.lines.len().into()),
            ],
        ));
        if let Some(p) = &self.profile {
            lines.push(l.ta("register-profile-line", &[("name", p.clone().into())]));
        }
        let mut columns: Vec<(String, f64)> =
            Self::COLUMNS.iter().map(|(id, w)| (l.t(id), *w)).collect();
        columns.push((l.t("register-col-fingerprint"), 22.0));
        let table = PrintTable {
            sheet: l.t("register-sheet"),
            title: l.t("register-title"),
            lines,
            spans: Vec::new(),
            columns,
            rows: self
                .shown()
                .iter()
                .map(|line| {
                    let mut cells = self.cells(l, line);
                    cells.push(
                        line.read
                            .as_ref()
                            .map(|r| r.fingerprint.clone())
                            .unwrap_or_default(),
                    );
                    TableRow {
                        cells,
                        marked: Self::flagged(line),
                    }
                })
                .collect(),
            landscape: true,
        };
        match format {
            ExportFormat::Xlsx => PreparedExport::Xlsx(vec![table]),
            ExportFormat::Pdf => PreparedExport::PdfTables {
                tables: vec![table],
                head,
            },
        }
    }
}

fn review_text(l: &Localizer, r: &StatementRow) -> String {
    match r.review {
        None => l.t("register-not-reviewed"),
        Some([unchecked, _, needs, action]) => l.ta(
            "register-review",
            &[
                ("unchecked", unchecked.into()),
                ("needs_check", needs.into()),
                ("action_required", action.into()),
            ],
        ),
    }
}

impl Document for RegisterView {
    super::document::history_methods!(history);
    fn kind(&self) -> DocKind {
        DocKind::Register
    }

    fn path(&self) -> Option<PathBuf> {
        Some(self.folder.join(REGISTER_FILE))
    }

    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        let own = self.path().is_some_and(|p| p == path);
        let expected = self.on_disk.filter(|_| !overwrite && own);
        let digest = io::hospital::save_register_checked(path, &self.file, expected)?;
        self.on_disk = Some(digest);
        self.history.mark_saved();
        Ok(())
    }

    fn reload(&mut self) -> Result<(), FileError> {
        let (file, on_disk) = io::hospital::load_register_digest(&self.folder)?;
        self.file = file;
        self.on_disk = on_disk;
        self.history = History::new();
        Ok(())
    }

    fn take_step(&mut self, undo: bool, _now: f64) -> bool {
        self.history.step(&mut self.file, undo).is_some()
    }
}
