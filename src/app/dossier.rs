//! The inspection dossier (ファイル → 立入検査パック…, `kaijisho dossier`): a register folder read in
//! the background — its statements (a copy of each version kept as received), the register's
//! systems and 受領日, the acceptance profile — and the hospital's risk notes, a document of its
//! own (`kaijisho-dossier.json`) edited with undo like any other; printed as one PDF (cover with
//! totals, one section per system) and a workbook.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::catalogue::Catalogue;
use crate::domain::dossier::{
    Dossier, DossierFile, Entry, Item, ItemKind, RiskStatus, Source, Warning, build,
};
use crate::domain::dossier_edit::{DossierEdit, DossierEditError};
use crate::domain::history::History;
use crate::domain::profile::Profile;
use crate::domain::project::Project;
use crate::domain::signature::SignatureSummary;
use crate::i18n::{Localize, Localizer};
use crate::io::xlsx::{PrintTable, TableRow};
use crate::io::{self, FileError};

use super::compare::file_label;
use super::document::{DocKind, Document};
use super::progress::Progress;

/// The profile the verdicts come from: a file, or one already read (the shipped default).
#[derive(Debug, Clone)]
pub enum ProfileChoice {
    File(PathBuf),
    Given(Profile),
}

/// A register folder's dossier as the window shows it.
#[derive(Debug, Clone)]
pub struct DossierView {
    pub folder: PathBuf,
    file: DossierFile,
    history: History<DossierFile>,
    on_disk: Option<[u8; 32]>,
    pub dossier: Dossier,
    /// The profile's file name, or empty for the shipped default.
    pub profile_file: String,
    /// Files that could not be read, or whose copy could not be kept, with why.
    pub problems: Vec<(String, Arc<FileError>)>,
    /// Files among the trusted certificates that could not be read.
    pub certificate_problems: Vec<Arc<crate::io::signature::error::SignatureError>>,
    /// The item chosen in the window (statement file, question id).
    pub selected: Option<(String, String)>,
}

/// Reads a register folder for its dossier: the register file (systems, 受領日, the edition and
/// profile it asks for), every statement (a copy kept of each version), the dossier file. The
/// profile is `choice`, unless the register names one and `choice` is the default. `today`
/// counts the 年度 and names new copies. A file that cannot be read is a problem listed, never
/// left out silently.
pub fn read_dossier(
    folder: &Path,
    choice: ProfileChoice,
    (shipped, trust): (&[Catalogue], &super::signature::TrustSources),
    today: jiff::civil::Date,
    progress: &Progress,
) -> Result<DossierView, FileError> {
    let register = io::hospital::load_register(folder)?;
    let (profile, profile_file) = match (&choice, &register.settings.profile) {
        (ProfileChoice::File(p), _) => (io::hospital::load_profile(p)?, file_label(p)),
        (ProfileChoice::Given(_), Some(name)) => {
            let path = folder.join(name.trim());
            (io::hospital::load_profile(&path)?, name.trim().to_string())
        }
        (ProfileChoice::Given(p), None) => (p.clone(), String::new()),
    };
    let (file, on_disk) = io::dossier::load_dossier_digest(folder)?;
    // Neither the register's profile nor the one chosen is a statement.
    let named = register
        .settings
        .profile
        .as_deref()
        .map(|n| folder.join(n.trim()));
    let chosen = match &choice {
        ProfileChoice::File(p) => Some(p.clone()),
        ProfileChoice::Given(_) => None,
    };
    let files: Vec<PathBuf> = io::hospital::statement_files(folder)?
        .into_iter()
        .filter(|f| {
            ![&named, &chosen]
                .into_iter()
                .flatten()
                .any(|p| p == f || io::atomic::is_same_file(p, f))
        })
        .collect();
    progress.set_total(files.len());
    let stamp = today.strftime("%Y-%m-%d").to_string();
    let mut problems = Vec::new();
    let mut read: Vec<(String, Project, Catalogue, Vec<_>, SignatureSummary)> = Vec::new();
    let now = super::signature::noon_of(today);
    let trusted = trust.anchors(Some(folder));
    let anchors = trusted.get();
    for path in &files {
        let name = file_label(path);
        match io::open_statement(path, shipped, crate::assets::import_vocabulary()) {
            Ok((p, c)) => {
                let signature = super::signature::file_summary(path, &c, &p, anchors, now);
                let copies = match io::dossier::keep_copy(folder, path, &stamp) {
                    Ok(copies) => copies,
                    Err(e) => {
                        problems.push((name.clone(), Arc::new(e)));
                        Vec::new()
                    }
                };
                read.push((name, p, c, copies, signature));
            }
            Err(e) => problems.push((name, Arc::new(e))),
        }
        progress.step();
    }
    let sources: Vec<Source<'_>> = read
        .iter()
        .map(|(name, p, c, copies, signature)| {
            let entry = register.entries.get(name);
            Source {
                file: name,
                system: entry.map_or("", |e| e.system.as_str()),
                received: entry.map_or("", |e| e.received.as_str()),
                catalogue: c,
                project: p,
                copies: copies.clone(),
                signature: signature.clone(),
            }
        })
        .collect();
    let date = crate::domain::date::Date {
        year: i32::from(today.year()),
        month: today.month().unsigned_abs().into(),
        day: today.day().unsigned_abs().into(),
    };
    // The edition the register asks for, else the newest any shipped checklist follows.
    let newest = shipped
        .iter()
        .map(|c| c.guideline_edition.as_str())
        .max_by(|a, b| {
            let n = |s: &str| s.parse::<f64>().unwrap_or(0.0);
            n(a).total_cmp(&n(b))
        });
    let wanted = register.settings.edition.as_deref().or(newest);
    let dossier = build(sources, &profile, &file, date, wanted);
    Ok(DossierView {
        folder: folder.to_path_buf(),
        file,
        history: History::new(),
        on_disk,
        dossier,
        profile_file,
        problems,
        certificate_problems: trusted.problems,
        selected: None,
    })
}

impl DossierView {
    /// The dossier file as edited.
    pub fn file(&self) -> &DossierFile {
        &self.file
    }

    /// Checks and applies an edit of a risk note, recorded for undo.
    pub fn edit(&mut self, edit: DossierEdit, now: f64) -> Result<bool, DossierEditError> {
        let changed = self.history.apply(&mut self.file, &(), edit, now)?;
        if changed {
            self.dossier.refresh(&self.file);
        }
        Ok(changed)
    }

    /// The item chosen in the window, with its statement.
    pub fn selected_item(&self) -> Option<(&Entry, &Item)> {
        let (file, question) = self.selected.as_ref()?;
        let e = self.dossier.entry(file)?;
        let item = e.items.iter().find(|i| i.question_id == *question)?;
        Some((e, item))
    }
}

impl Document for DossierView {
    super::document::history_methods!(history);
    fn kind(&self) -> DocKind {
        DocKind::Dossier
    }

    fn path(&self) -> Option<PathBuf> {
        Some(io::dossier::dossier_path(&self.folder))
    }

    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        let own = self.path().is_some_and(|p| p == path);
        // A dossier file that was not there when the folder was read, and is now, is another
        // program's: asked about, never overwritten unread.
        if own && !overwrite && self.on_disk.is_none() && path.exists() {
            return Err(FileError::Save(io::SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            }));
        }
        let expected = self.on_disk.filter(|_| !overwrite && own);
        let digest = io::dossier::save_dossier_checked(path, &self.file, expected)?;
        self.on_disk = Some(digest);
        self.history.mark_saved();
        Ok(())
    }

    fn reload(&mut self) -> Result<(), FileError> {
        let (file, on_disk) = io::dossier::load_dossier_digest(&self.folder)?;
        self.file = file;
        self.on_disk = on_disk;
        self.history = History::new();
        self.dossier.refresh(&self.file);
        Ok(())
    }

    fn take_step(&mut self, undo: bool, _now: f64) -> bool {
        let taken = self.history.step(&mut self.file, undo).is_some();
        if taken {
            self.dossier.refresh(&self.file);
        }
        taken
    }
}

/// The message id naming an item's kind.
pub fn kind_id(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Outside(crate::domain::profile::Weight::Required) => "dossier-kind-required",
        ItemKind::Outside(crate::domain::profile::Weight::Recommended) => {
            "dossier-kind-recommended"
        }
        ItemKind::AcceptedNo => "dossier-kind-accepted-no",
        ItemKind::Unanswered => "dossier-kind-unanswered",
    }
}

/// The message id naming a follow-up's state.
pub fn status_id(s: RiskStatus) -> &'static str {
    match s {
        RiskStatus::Open => "dossier-status-open",
        RiskStatus::InProgress => "dossier-status-in-progress",
        RiskStatus::Done => "dossier-status-done",
        RiskStatus::Accepted => "dossier-status-accepted",
    }
}

impl Localize for Warning {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            Warning::BeforeYear { created, year } => l.ta(
                "dossier-warn-before-year",
                &[
                    ("created", created.clone().into()),
                    ("year", (*year).into()),
                ],
            ),
            Warning::NoDate => l.t("dossier-warn-no-date"),
            Warning::OlderEdition { edition, wanted } => l.ta(
                "dossier-warn-older-edition",
                &[
                    ("edition", edition.clone().into()),
                    ("wanted", wanted.clone().into()),
                ],
            ),
            Warning::Unassessed { count } => {
                l.ta("dossier-warn-unassessed", &[("count", (*count).into())])
            }
            Warning::Overdue { count } => {
                l.ta("dossier-warn-overdue", &[("count", (*count).into())])
            }
            Warning::OtherVersion { count } => {
                l.ta("dossier-warn-other-version", &[("count", (*count).into())])
            }
        }
    }
}

/// A statement's line in the dossier: who and what, received when, its edition, verdict and
/// fingerprint, and the versions received.
pub fn entry_line(l: &Localizer, e: &Entry) -> String {
    let id = &e.identity;
    let copies: Vec<String> = e
        .copies
        .iter()
        .map(|c| format!("{} ({})", c.seen, c.sha256))
        .collect();
    l.ta(
        "dossier-entry-line",
        &[
            ("vendor", id.vendor.clone().into()),
            (
                "product",
                format!("{} {}", id.product, id.version)
                    .trim()
                    .to_string()
                    .into(),
            ),
            ("file", e.file.clone().into()),
            ("received", or_dash(&e.received).into()),
            ("created", or_dash(&id.created).into()),
            (
                "form",
                format!("{} {}", id.catalogue, id.form_version).into(),
            ),
            ("edition", id.edition.clone().into()),
            ("verdict", e.verdict.localize(l).into()),
            ("fingerprint", id.fingerprint.clone().into()),
            ("signature", id.signature.localize(l).into()),
            ("copies", copies.join(", ").into()),
        ],
    )
}

/// The text, or 「-」 when there is none.
fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "-".to_string()
    } else {
        text.to_string()
    }
}

/// The notes kept for statements or items no longer in the folder, as one line (none when
/// there are none).
pub fn orphan_line(l: &Localizer, view: &DossierView) -> Option<String> {
    let orphans = view.dossier.orphans(&view.file);
    if orphans.is_empty() {
        return None;
    }
    let list: Vec<String> = orphans.iter().map(|(f, q)| format!("{f} {q}")).collect();
    Some(l.ta(
        "dossier-orphans",
        &[
            ("count", orphans.len().into()),
            ("notes", list.join(", ").into()),
        ],
    ))
}

/// The totals line of the cover (and of the window and the CLI).
pub fn totals_line(l: &Localizer, d: &Dossier) -> String {
    let t = &d.totals;
    l.ta(
        "dossier-totals",
        &[
            ("systems", t.systems.into()),
            ("statements", t.statements.into()),
            ("within", t.within.into()),
            ("outside", t.outside.into()),
            ("incomplete", t.incomplete.into()),
            ("items", t.items.into()),
            ("assessed", t.assessed.into()),
            ("overdue", t.overdue.into()),
        ],
    )
}

fn system_name(l: &Localizer, system: &str) -> String {
    if system.is_empty() {
        l.t("dossier-no-system")
    } else {
        system.to_string()
    }
}

/// The dossier as printable tables: the cover (one line per system with its counts), then per
/// system its statements (as lines) and every item with the hospital's note. `lines` go under
/// the cover's title (the folder, the profile, who printed it, when).
/// A line for each file among the trusted certificates that could not be read.
pub fn certificate_problem_lines(l: &Localizer, view: &DossierView) -> Vec<String> {
    view.certificate_problems
        .iter()
        .map(|e| {
            l.ta(
                "organisation-trust-problem",
                &[("problem", e.localize(l).into())],
            )
        })
        .collect()
}

pub fn dossier_tables(l: &Localizer, view: &DossierView, lines: Vec<String>) -> Vec<PrintTable> {
    let d = &view.dossier;
    let words = |ids: &[(&str, f64)]| -> Vec<(String, f64)> {
        ids.iter().map(|(id, w)| (l.t(id), *w)).collect()
    };
    let title = l.ta("dossier-title", &[("year", d.fiscal_year.into())]);
    let mut cover_lines = lines;
    cover_lines.push(totals_line(l, d));
    for (file, e) in &view.problems {
        cover_lines.push(l.ta(
            "dossier-problem",
            &[("file", file.clone().into()), ("why", e.localize(l).into())],
        ));
    }
    cover_lines.extend(certificate_problem_lines(l, view));
    cover_lines.extend(orphan_line(l, view));
    let cover = PrintTable {
        sheet: l.t("dossier-sheet-cover"),
        title: title.clone(),
        lines: cover_lines,
        spans: Vec::new(),
        columns: words(&[
            ("dossier-col-system", 20.0),
            ("dossier-col-statements", 8.0),
            ("dossier-col-within", 8.0),
            ("dossier-col-outside", 8.0),
            ("dossier-col-items", 8.0),
            ("dossier-col-assessed", 8.0),
            ("dossier-col-overdue", 8.0),
            ("dossier-col-warnings", 40.0),
        ]),
        rows: d
            .sections
            .iter()
            .map(|s| {
                let items: Vec<&Item> = s.entries.iter().flat_map(|e| &e.items).collect();
                let assessed = items.iter().filter(|i| i.assessed()).count();
                let overdue = items.iter().filter(|i| i.overdue).count();
                let within = s
                    .entries
                    .iter()
                    .filter(|e| e.verdict == crate::domain::profile::Verdict::Within)
                    .count();
                let warnings: Vec<String> = s
                    .entries
                    .iter()
                    .flat_map(|e| {
                        e.warnings
                            .iter()
                            .map(move |w| format!("{}: {}", e.identity.vendor, w.localize(l)))
                    })
                    .collect();
                TableRow {
                    cells: vec![
                        system_name(l, &s.system),
                        s.entries.len().to_string(),
                        within.to_string(),
                        (s.entries.len() - within).to_string(),
                        items.len().to_string(),
                        assessed.to_string(),
                        overdue.to_string(),
                        warnings.join(" / "),
                    ],
                    marked: overdue > 0 || assessed < items.len(),
                }
            })
            .collect(),
        landscape: true,
    };
    let mut tables = vec![cover];
    let mut sheets = std::collections::HashSet::from([l.t("dossier-sheet-cover")]);
    for s in &d.sections {
        let name = system_name(l, &s.system);
        let sheet = io::xlsx::unique_sheet_name(&name, &mut sheets);
        tables.push(section_table(l, s, (sheet, name)));
    }
    tables
}

/// One system's page: its statements as lines, then its items with the hospital's notes.
fn section_table(
    l: &Localizer,
    s: &crate::domain::dossier::Section,
    (sheet, name): (String, String),
) -> PrintTable {
    let columns = [
        ("dossier-col-vendor", 14.0),
        ("compare-number", 6.0),
        ("compare-question", 30.0),
        ("compare-answer", 9.0),
        ("compare-remark", 18.0),
        ("dossier-col-kind", 9.0),
        ("dossier-col-assessment", 24.0),
        ("dossier-col-treatment", 24.0),
        ("dossier-col-owner", 9.0),
        ("dossier-col-due", 11.0),
        ("dossier-col-status", 8.0),
    ];
    let mut rows: Vec<TableRow> = s
        .entries
        .iter()
        .flat_map(|e| e.items.iter().map(move |i| (e, i)))
        .map(|(e, i)| {
            let note = i.note.clone().unwrap_or_default();
            let mut status = l.t(status_id(note.status));
            if i.overdue {
                status = format!("{status} {}", l.t("dossier-overdue-mark"));
            }
            TableRow {
                cells: vec![
                    e.identity.vendor.clone(),
                    i.number.clone(),
                    i.text.clone(),
                    i.answer.clone(),
                    i.remark.clone(),
                    l.t(kind_id(i.kind)),
                    note.assessment,
                    note.treatment,
                    note.owner,
                    note.due,
                    status,
                ],
                marked: !i.assessed() || i.overdue,
            }
        })
        .collect();
    if rows.is_empty() {
        // Said, not an empty table.
        let mut cells = vec![String::new(); columns.len()];
        if let Some(c) = cells.get_mut(2) {
            *c = l.t("dossier-no-items");
        }
        rows.push(TableRow {
            cells,
            marked: false,
        });
    }
    PrintTable {
        sheet,
        title: l.ta("dossier-section-title", &[("system", name.into())]),
        lines: s.entries.iter().map(|e| entry_line(l, e)).collect(),
        spans: Vec::new(),
        columns: columns.iter().map(|(id, w)| (l.t(id), *w)).collect(),
        rows,
        landscape: true,
    }
}

pub use super::provenance::running_head;

/// Which profile the verdicts come from: its name, and its file unless it is the shipped one.
pub fn profile_line(l: &Localizer, view: &DossierView) -> String {
    if view.profile_file.is_empty() {
        l.ta(
            "dossier-profile-line",
            &[("name", view.dossier.profile.clone().into())],
        )
    } else {
        l.ta(
            "check-profile-line",
            &[
                ("name", view.dossier.profile.clone().into()),
                ("file", view.profile_file.clone().into()),
            ],
        )
    }
}

/// The lines under the dossier's title: the folder, the profile, by whom and when.
pub fn head_lines(
    l: &Localizer,
    view: &DossierView,
    head: &crate::io::pdf::RunningHead,
) -> Vec<String> {
    let mut lines = vec![
        l.ta(
            "dossier-folder-line",
            &[("folder", view.folder.display().to_string().into())],
        ),
        profile_line(l, view),
    ];
    if !head.by.is_empty() {
        lines.push(head.by.clone());
    }
    lines.push(head.printed.clone());
    lines
}
