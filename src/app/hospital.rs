//! The hospital side: statements checked against an acceptance profile (in the background, for
//! the window and `kaijisho check`), and the check report as a workbook or PDF.

use std::path::{Path, PathBuf};

use crate::domain::catalogue::Catalogue;
use crate::domain::profile::{Deviation, Profile, StatementCheck, Verdict, check_statement};
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::{ReportLine, Style};
use crate::io::xlsx::{PrintTable, TableRow};
use crate::io::{self, FileError};

use super::command::Command;
use super::compare::{Column, PreparedExport, columns, file_label, write_prepared};
use super::documents::ExportFormat;
use super::state::AppState;
use super::tasks::{Outcome, Progress, TaskKind};
use super::view::{CheckForm, ProfileEditor};

/// One statement checked.
#[derive(Debug, Clone)]
pub struct CheckedStatement {
    pub path: PathBuf,
    /// Vendor / product / version, and the file name.
    pub column: Column,
    pub check: StatementCheck,
}

/// A profile's check of several statements.
#[derive(Debug, Clone)]
pub struct CheckReport {
    pub profile: String,
    pub profile_file: String,
    pub statements: Vec<CheckedStatement>,
}

impl CheckReport {
    /// Whether every statement is within the profile.
    pub fn all_within(&self) -> bool {
        self.statements
            .iter()
            .all(|s| s.check.verdict() == Verdict::Within)
    }
}

/// Reads the profile and the statements (JSON or workbooks) and checks each. A rule that
/// selects no question of any statement is an error naming the profile (a mistyped number
/// would otherwise pass silently).
pub fn check_files(
    profile_path: &Path,
    files: &[PathBuf],
    shipped: &[Catalogue],
    progress: &Progress,
) -> Result<CheckReport, FileError> {
    progress.set_total(files.len() + 1);
    let profile = io::hospital::load_profile(profile_path)?;
    progress.step();
    let mut opened = Vec::new();
    for f in files {
        opened.push(io::open_statement(
            f,
            shipped,
            crate::assets::import_vocabulary(),
        )?);
        progress.step();
    }
    check_opened(&profile, profile_path, files, &opened)
}

/// [`check_files`] on statements already read.
pub fn check_opened(
    profile: &Profile,
    profile_path: &Path,
    files: &[PathBuf],
    opened: &[(crate::domain::project::Project, Catalogue)],
) -> Result<CheckReport, FileError> {
    let catalogues: Vec<&Catalogue> = opened.iter().map(|(_, c)| c).collect();
    let issues = profile.unmatched(&catalogues);
    if !issues.is_empty() {
        return Err(FileError::Profile {
            path: profile_path.to_path_buf(),
            issues,
        });
    }
    let headers: Vec<_> = opened
        .iter()
        .zip(files)
        .map(|((p, _), f)| (&p.header, file_label(f)))
        .collect();
    let statements = columns(&headers)
        .into_iter()
        .zip(opened.iter().zip(files))
        .map(|(column, ((p, c), f))| CheckedStatement {
            path: f.clone(),
            column,
            check: check_statement(profile, c, p),
        })
        .collect();
    Ok(CheckReport {
        profile: profile.name.clone(),
        profile_file: file_label(profile_path),
        statements,
    })
}

/// What the report says above its tables: the profile and the counts.
fn head_lines(l: &Localizer, r: &CheckReport) -> Vec<String> {
    let within = r
        .statements
        .iter()
        .filter(|s| s.check.verdict() == Verdict::Within)
        .count();
    let risk = r
        .statements
        .iter()
        .filter(|s| s.check.needs_risk_assessment())
        .count();
    vec![
        l.ta(
            "check-profile-line",
            &[
                ("name", r.profile.clone().into()),
                ("file", r.profile_file.clone().into()),
            ],
        ),
        l.ta(
            "check-counts",
            &[
                ("statements", r.statements.len().into()),
                ("within", within.into()),
                ("risk", risk.into()),
            ],
        ),
    ]
}

/// The risk-assessment cell: said only where it is needed.
pub fn risk_text(l: &Localizer, check: &StatementCheck) -> String {
    if check.needs_risk_assessment() {
        l.t("check-risk-needed")
    } else {
        String::new()
    }
}

fn deviation_cells(l: &Localizer, who: &str, kind: &str, d: &Deviation) -> Vec<String> {
    let rule = match d.rule {
        Some(n) => l.ta("check-rule", &[("rule", n.into())]),
        None => l.t("check-rule-default"),
    };
    let note = if d.note.is_empty() {
        rule
    } else {
        format!("{rule}: {}", d.note)
    };
    vec![
        who.to_string(),
        kind.to_string(),
        d.number.clone(),
        d.text.clone(),
        d.answer.clone(),
        d.remark.clone(),
        d.weight.localize(l),
        note,
    ]
}

/// The report as two printable sheets: one line per statement, then every answer outside the
/// profile (and every unanswered item) with its remark.
fn check_tables(l: &Localizer, r: &CheckReport) -> Vec<PrintTable> {
    let words = |ids: &[(&str, f64)]| -> Vec<(String, f64)> {
        ids.iter().map(|(id, w)| (l.t(id), *w)).collect()
    };
    let summary = PrintTable {
        sheet: l.t("check-sheet-verdicts"),
        title: l.t("check-title"),
        lines: head_lines(l, r),
        spans: Vec::new(),
        columns: words(&[
            ("check-col-statement", 44.0),
            ("check-col-file", 24.0),
            ("check-col-verdict", 30.0),
            ("check-col-risk", 16.0),
            ("check-col-unanswered", 10.0),
        ]),
        rows: r
            .statements
            .iter()
            .map(|s| TableRow {
                cells: vec![
                    s.column.title.clone(),
                    s.column.file.clone(),
                    s.check.verdict().localize(l),
                    risk_text(l, &s.check),
                    s.check.unanswered.len().to_string(),
                ],
                marked: s.check.verdict() != Verdict::Within,
            })
            .collect(),
        landscape: true,
    };
    let (outside, unanswered) = (l.t("check-kind-outside"), l.t("check-kind-unanswered"));
    let details = PrintTable {
        sheet: l.t("check-sheet-details"),
        title: l.t("check-details-title"),
        lines: head_lines(l, r),
        spans: Vec::new(),
        columns: words(&[
            ("check-col-statement", 26.0),
            ("check-col-kind", 9.0),
            ("compare-number", 6.0),
            ("compare-question", 40.0),
            ("compare-answer", 14.0),
            ("compare-remark", 30.0),
            ("check-col-weight", 8.0),
            ("check-col-rule", 18.0),
        ]),
        rows: r
            .statements
            .iter()
            .flat_map(|s| {
                let who = s.column.title.as_str();
                let (outside, unanswered) = (&outside, &unanswered);
                let out = s.check.deviations.iter().map(move |d| TableRow {
                    cells: deviation_cells(l, who, outside, d),
                    marked: true,
                });
                let open = s.check.unanswered.iter().map(move |d| TableRow {
                    cells: deviation_cells(l, who, unanswered, d),
                    marked: false,
                });
                out.chain(open).collect::<Vec<_>>()
            })
            .collect(),
        landscape: true,
    };
    vec![summary, details]
}

/// The report as PDF lines: per statement its verdict, then each item outside the profile.
fn check_lines(l: &Localizer, r: &CheckReport) -> Vec<ReportLine> {
    let mut lines: Vec<ReportLine> = head_lines(l, r)
        .into_iter()
        .map(|t| ReportLine::new(Style::Body, t, false))
        .collect();
    for s in &r.statements {
        let risk = risk_text(l, &s.check);
        lines.push(ReportLine::new(
            Style::Heading,
            format!(
                "{} — {} {risk}",
                s.column.title,
                s.check.verdict().localize(l)
            ),
            true,
        ));
        for (kind, list) in [
            ("check-kind-outside", &s.check.deviations),
            ("check-kind-unanswered", &s.check.unanswered),
        ] {
            for d in list {
                let remark = if d.remark.trim().is_empty() {
                    String::new()
                } else {
                    format!(" — {}", d.remark.trim())
                };
                lines.push(ReportLine::new(
                    Style::Detail,
                    format!(
                        "[{}・{}] {} {}: {}{remark}",
                        l.t(kind),
                        d.weight.localize(l),
                        d.number,
                        d.text,
                        d.answer
                    ),
                    false,
                ));
            }
        }
    }
    lines
}

/// Words the check report for a workbook or a PDF.
pub fn prepare_check(l: &Localizer, r: &CheckReport, format: ExportFormat) -> PreparedExport {
    match format {
        ExportFormat::Xlsx => PreparedExport::Xlsx(check_tables(l, r)),
        ExportFormat::Pdf => PreparedExport::Pdf {
            title: l.t("check-title"),
            lines: check_lines(l, r),
        },
    }
}

impl AppState {
    /// The hospital side's commands (the check window, the register); others are ignored here
    /// (every command is routed in `AppState::run`).
    pub(super) fn run_hospital(&mut self, cmd: Command) {
        match cmd {
            Command::ShowCheck if self.view.check.is_none() => {
                let files = self.doc.iter().filter_map(|d| d.path.clone()).collect();
                self.view.check = Some(CheckForm {
                    files,
                    ..CheckForm::default()
                });
            }
            Command::CloseCheck => self.view.check = None,
            Command::SetCheckProfile(path) => {
                if let Some(f) = &mut self.view.check {
                    f.profile = Some(path);
                }
            }
            Command::RunCheck => self.run_check(),
            Command::ExportCheck(path, format) => self.export_check(path, format),
            Command::OpenAt(path, question) => {
                self.open(path);
                self.view.grid = None;
                if let Some(d) = &mut self.doc
                    && d.catalogue.question(&question).is_some()
                {
                    d.selected = Some(question);
                }
            }
            Command::OpenRegister(folder) => self.open_register(folder),
            Command::SaveRegister => self.save_register(),
            Command::CloseRegister => self.register = None,
            Command::ExportRegister(path, format) => self.export_register(path, format),
            other => self.run_profile_editor(other),
        }
    }

    /// Checks the window's statements against its profile (the shipped default when none is
    /// chosen) in the background.
    fn run_check(&mut self) {
        let Some(form) = &self.view.check else { return };
        let (files, profile_path) = (form.files.clone(), form.profile.clone());
        let Some(first) = files.first().cloned() else {
            return;
        };
        // The shipped profile is read here: a broken asset is said at once.
        let default = match profile_path {
            Some(_) => None,
            None => match crate::assets::default_profile() {
                Ok(p) => Some(p),
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                    return;
                }
            },
        };
        let shipped = self.catalogues.clone();
        self.check_generation += 1;
        let generation = self.check_generation;
        self.tasks.spawn(TaskKind::Check, first, move |progress| {
            let result = (|| {
                let Some(path) = profile_path else {
                    let profile = default.unwrap_or_else(|| Profile::default_profile(""));
                    progress.set_total(files.len());
                    let mut opened = Vec::new();
                    for f in &files {
                        opened.push(io::open_statement(
                            f,
                            &shipped,
                            crate::assets::import_vocabulary(),
                        )?);
                        progress.step();
                    }
                    let default = Path::new("default.json");
                    return check_opened(&profile, default, &files, &opened);
                };
                check_files(&path, &files, &shipped, progress)
            })();
            Outcome::Checked { generation, result }
        });
    }

    /// Writes the check report as a workbook or PDF in the background.
    fn export_check(&mut self, path: PathBuf, format: ExportFormat) {
        let Some(report) = &self.check_report else {
            return;
        };
        let mut inputs: Vec<PathBuf> = report.statements.iter().map(|s| s.path.clone()).collect();
        inputs.extend(self.view.check.iter().filter_map(|f| f.profile.clone()));
        let prepared = prepare_check(&self.loc, report, format);
        if self.refuse_inputs(&path, &inputs) {
            return;
        }
        let file = path.clone();
        self.tasks
            .spawn(TaskKind::Export, path, move |_| Outcome::Exported {
                result: write_prepared(&prepared, &file),
                path: file,
            });
    }

    /// A check or register read in the background has finished (an older request's result is
    /// dropped).
    pub(super) fn finish_hospital(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Checked { generation, result } if generation == self.check_generation => {
                match result {
                    Ok(r) => self.check_report = Some(r),
                    Err(e) => {
                        let msg = e.localize(&self.loc);
                        self.fail(msg);
                    }
                }
            }
            Outcome::RegisterRead { generation, result }
                if generation == self.register_generation =>
            {
                match result {
                    Ok(r) => self.register = Some(r),
                    Err(e) => {
                        let msg = e.localize(&self.loc);
                        self.fail(msg);
                    }
                }
            }
            _ => log::info!("an earlier check or register read finished after a newer one"),
        }
    }
}

impl AppState {
    /// The profile editor's commands.
    fn run_profile_editor(&mut self, cmd: Command) {
        match cmd {
            Command::ShowProfileEditor if self.view.profile_editor.is_none() => {
                let profile = match crate::assets::default_profile() {
                    Ok(p) => p,
                    Err(e) => {
                        let msg = e.localize(&self.loc);
                        return self.fail(msg);
                    }
                };
                let catalogue = self
                    .doc
                    .as_ref()
                    .map(|d| d.catalogue.id.clone())
                    .or_else(|| self.catalogues.first().map(|c| c.id.clone()))
                    .unwrap_or_default();
                self.view.profile_editor = Some(ProfileEditor {
                    path: None,
                    profile,
                    catalogue,
                    search: String::new(),
                    citing: String::new(),
                    dirty: false,
                });
            }
            Command::CloseProfileEditor => self.view.profile_editor = None,
            Command::OpenProfile(path) => match io::hospital::load_profile(&path) {
                Ok(profile) => {
                    if let Some(e) = &mut self.view.profile_editor {
                        e.profile = profile;
                        e.path = Some(path.clone());
                        e.dirty = false;
                    }
                    self.say_file("status-opened", &path);
                }
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            },
            Command::SaveProfile(path) => self.save_profile(path),
            Command::ProfileQuestion {
                question,
                accept,
                weight,
            } => {
                let Some(c) = self.editor_catalogue() else {
                    return;
                };
                if let (Some(e), Some(q)) = (&mut self.view.profile_editor, c.question(&question)) {
                    e.profile.set_for_question(&c.id, q, accept, weight);
                    e.dirty = true;
                }
            }
            Command::ProfileMarkCiting(weight) => {
                let Some(c) = self.editor_catalogue() else {
                    return;
                };
                let Some(e) = &mut self.view.profile_editor else {
                    return;
                };
                let n = e.profile.mark_citing(&c, &e.citing, weight);
                e.dirty |= n > 0;
                let msg = self.loc.ta(
                    "profile-marked",
                    &[
                        ("count", n.into()),
                        ("weight", weight.localize(&self.loc).into()),
                    ],
                );
                self.say(msg);
            }
            Command::CheckWithProfile => {
                let path = self
                    .view
                    .profile_editor
                    .as_ref()
                    .and_then(|e| e.path.clone());
                self.run_hospital(Command::ShowCheck);
                if let Some(f) = &mut self.view.check {
                    f.profile = path;
                }
            }
            _ => {}
        }
    }

    /// The catalogue the editor lists: a shipped one, or the open statement's.
    pub fn editor_catalogue(&self) -> Option<Catalogue> {
        let id = &self.view.profile_editor.as_ref()?.catalogue;
        self.catalogues
            .iter()
            .find(|c| c.id == *id)
            .or_else(|| {
                self.doc
                    .as_ref()
                    .map(|d| &d.catalogue)
                    .filter(|c| c.id == *id)
            })
            .cloned()
    }

    /// Saves the edited profile (atomically; never over a statement that is open).
    fn save_profile(&mut self, path: PathBuf) {
        if self.refuse_own_file(&path) {
            return;
        }
        let Some(e) = &mut self.view.profile_editor else {
            return;
        };
        match io::hospital::save_profile(&path, &e.profile) {
            Ok(()) => {
                e.path = Some(path.clone());
                e.dirty = false;
                self.say_file("status-saved", &path);
            }
            Err(err) => {
                let msg = err.localize(&self.loc);
                self.fail(msg);
            }
        }
    }
}
