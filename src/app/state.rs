//! The application state and the commands that change it. Everything the GUI does goes through
//! [`AppState::apply`], so tests can drive the app without a window. No egui here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::assets;
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Catalogue;
use crate::domain::guideline::GuidelineIndex;
use crate::domain::hints::HintLibrary;
use crate::domain::project::{Header, HeaderField, Project, ReviewStatus};
use crate::domain::validation::{Finding, validate};
use crate::i18n::{Lang, Localize, Localizer};
use crate::io;

/// Settings kept between runs (in the app's storage; never projects).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// `None`: follow the OS.
    pub lang: Option<Lang>,
    pub recent: Vec<PathBuf>,
    pub dark: bool,
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(10);
    }
}

/// What an undoable edit changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Value {
        question: String,
        option: Option<String>,
    },
    Remark {
        question: String,
        option: Option<String>,
    },
    Header(HeaderField),
    ReviewStatus(String),
    ReviewComment(String),
    Reviewer,
    ReviewDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Answer(AnswerValue),
    Text(String),
    Status(ReviewStatus),
}

#[derive(Debug, Clone, PartialEq)]
struct Edit {
    target: Target,
    before: Val,
    after: Val,
    at: f64,
}

/// Typing into the same field within this many seconds is one undo step.
const COALESCE_SECS: f64 = 1.5;

/// An open statement.
#[derive(Debug, Clone)]
pub struct Doc {
    pub path: Option<PathBuf>,
    pub project: Project,
    pub catalogue: Catalogue,
    pub dirty: bool,
    pub selected: Option<String>,
    pub findings: Vec<Finding>,
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// Time of the last edit not yet written to the recovery file.
    pub pending_autosave: Option<f64>,
}

impl Doc {
    pub fn new(project: Project, catalogue: Catalogue, path: Option<PathBuf>) -> Doc {
        let selected = catalogue.questions().next().map(|q| q.id.clone());
        let findings = validate(&catalogue, &project);
        Doc {
            path,
            project,
            catalogue,
            dirty: false,
            selected,
            findings,
            undo: Vec::new(),
            redo: Vec::new(),
            pending_autosave: None,
        }
    }

    fn get(&self, t: &Target) -> Val {
        match t {
            Target::Value { question, option } => {
                let a = self.project.answer(question);
                Val::Answer(match option {
                    Some(o) => a
                        .and_then(|a| a.options.get(o))
                        .map(|o| o.value)
                        .unwrap_or_default(),
                    None => a.map(|a| a.value).unwrap_or_default(),
                })
            }
            Target::Remark { question, option } => {
                let a = self.project.answer(question);
                Val::Text(match option {
                    Some(o) => a
                        .and_then(|a| a.options.get(o))
                        .map(|o| o.remark.clone())
                        .unwrap_or_default(),
                    None => a.map(|a| a.remark.clone()).unwrap_or_default(),
                })
            }
            Target::Header(f) => Val::Text(self.project.header.get(*f).to_string()),
            Target::ReviewStatus(q) => Val::Status(self.project.review.status(q)),
            Target::ReviewComment(q) => Val::Text(self.project.review.comment(q).to_string()),
            Target::Reviewer => Val::Text(self.project.review.reviewer.clone().unwrap_or_default()),
            Target::ReviewDate => Val::Text(self.project.review.date.clone().unwrap_or_default()),
        }
    }

    fn set(&mut self, t: &Target, v: &Val) {
        match (t, v) {
            (Target::Value { question, option }, Val::Answer(value)) => {
                let entry = self.project.answers.entry(question.clone()).or_default();
                entry.recheck = false;
                match option {
                    Some(o) => entry.options.entry(o.clone()).or_default().value = *value,
                    None => entry.value = *value,
                }
            }
            (Target::Remark { question, option }, Val::Text(text)) => {
                let entry = self.project.answers.entry(question.clone()).or_default();
                match option {
                    Some(o) => entry.options.entry(o.clone()).or_default().remark = text.clone(),
                    None => entry.remark = text.clone(),
                }
            }
            (Target::Header(f), Val::Text(text)) => self.project.header.set(*f, text.clone()),
            (Target::ReviewStatus(q), Val::Status(st)) => {
                self.project.review.set(q, Some(*st), None)
            }
            (Target::ReviewComment(q), Val::Text(text)) => {
                self.project.review.set(q, None, Some(text.clone()))
            }
            (Target::Reviewer, Val::Text(text)) => {
                self.project.review.reviewer = (!text.is_empty()).then(|| text.clone())
            }
            (Target::ReviewDate, Val::Text(text)) => {
                self.project.review.date = (!text.is_empty()).then(|| text.clone())
            }
            _ => {}
        }
        self.findings = validate(&self.catalogue, &self.project);
    }

    /// Changes a value, recording it for undo (typing in one field coalesces).
    pub fn edit(&mut self, target: Target, after: Val, now: f64) {
        let before = self.get(&target);
        if before == after {
            return;
        }
        let coalesce = matches!(after, Val::Text(_))
            && self
                .undo
                .last()
                .is_some_and(|e| e.target == target && now - e.at < COALESCE_SECS);
        if coalesce {
            if let Some(last) = self.undo.last_mut() {
                last.after = after.clone();
                last.at = now;
            }
        } else {
            self.undo.push(Edit {
                target: target.clone(),
                before,
                after: after.clone(),
                at: now,
            });
        }
        self.redo.clear();
        self.set(&target, &after);
        self.touch(now);
    }

    fn touch(&mut self, now: f64) {
        self.dirty = true;
        self.pending_autosave.get_or_insert(now);
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self, now: f64) -> bool {
        let Some(e) = self.undo.pop() else {
            return false;
        };
        self.set(&e.target, &e.before);
        self.select_target(&e.target);
        self.redo.push(e);
        self.touch(now);
        true
    }

    pub fn redo(&mut self, now: f64) -> bool {
        let Some(mut e) = self.redo.pop() else {
            return false;
        };
        self.set(&e.target, &e.after);
        self.select_target(&e.target);
        // A redone edit never merges with later typing.
        e.at = f64::NEG_INFINITY;
        self.undo.push(e);
        self.touch(now);
        true
    }

    fn select_target(&mut self, t: &Target) {
        if let Target::Value { question, .. }
        | Target::Remark { question, .. }
        | Target::ReviewStatus(question)
        | Target::ReviewComment(question) = t
        {
            self.selected = Some(question.clone());
        }
    }

    /// Moves the selection by `delta` questions in catalogue order.
    pub fn step(&mut self, delta: isize) {
        let ids: Vec<&str> = self.catalogue.questions().map(|q| q.id.as_str()).collect();
        if ids.is_empty() {
            return;
        }
        let cur = self
            .selected
            .as_deref()
            .and_then(|s| ids.iter().position(|i| *i == s))
            .unwrap_or(0) as isize;
        let next = (cur + delta).clamp(0, ids.len() as isize - 1) as usize;
        self.selected = Some(ids[next].to_string());
    }

    /// The question the user is on.
    pub fn selected_question(&self) -> Option<&crate::domain::catalogue::Question> {
        self.catalogue.question(self.selected.as_deref()?)
    }

    /// The name shown in the window title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => self.project.header.product.clone(),
        }
    }
}

/// Where the recovery file lives.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("KAIJISHO_DATA_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("jp", "kaijisho", "kaijisho").map(|d| d.data_dir().to_path_buf())
}

/// The recovery file: unsaved work, written every few seconds while there are changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub path: Option<PathBuf>,
    pub project: Project,
}

/// A command the UI (or a test) sends.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    NewProject {
        catalogue: String,
        header: Header,
    },
    Open(PathBuf),
    OpenSample(String),
    Save,
    SaveAs(PathBuf),
    Close,
    ExportPdf(PathBuf),
    ExportXlsx(PathBuf),
    /// Read a workbook and show the import preview.
    Import(PathBuf),
    /// Read it again with a corrected mapping.
    PreviewImport(PathBuf, crate::io::xlsx::Mapping),
    AcceptImport,
    CancelImport,
    SetValue {
        question: String,
        option: Option<String>,
        value: AnswerValue,
    },
    SetRemark {
        question: String,
        option: Option<String>,
        text: String,
    },
    SetHeader(HeaderField, String),
    SetReviewStatus(String, ReviewStatus),
    SetReviewComment(String, String),
    SetReviewer(String),
    SetReviewDate(String),
    /// Confirm a carried-forward answer as it stands.
    ConfirmCarried(String),
    /// Compare the statements in these files.
    Compare(Vec<PathBuf>),
    /// Start a new project on this catalogue from the open statement.
    CarryForward(String),
    Undo,
    Redo,
    Select(String),
    Next,
    Previous,
    SetLang(Option<Lang>),
    RecoverAccept,
    RecoverDiscard,
}

impl Command {
    /// Commands that would throw away unsaved changes.
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Command::NewProject { .. }
                | Command::Open(_)
                | Command::OpenSample(_)
                | Command::Close
                | Command::AcceptImport
                | Command::CarryForward(_)
                | Command::RecoverAccept
        )
    }
}

/// A message for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The whole application state, without any GUI.
pub struct AppState {
    pub settings: Settings,
    pub loc: Localizer,
    pub doc: Option<Doc>,
    pub catalogues: Vec<Catalogue>,
    pub index: GuidelineIndex,
    pub hints: HintLibrary,
    pub status: Option<Status>,
    /// Unsaved work found at start-up.
    pub recovery: Option<Recovery>,
    pub data_dir: Option<PathBuf>,
    /// A workbook read but not yet taken: what was recognised, for the user to check.
    pub import_preview: Option<ImportPreview>,
    /// The last comparison: the files' names and the table.
    pub comparison: Option<(Vec<String>, crate::domain::compare::Comparison)>,
    /// The report of the last carry-forward.
    pub carry_report: Option<crate::domain::carry::CarryReport>,
}

/// The import preview: the workbook, the mapping used and what came of it.
pub struct ImportPreview {
    pub path: PathBuf,
    /// The mapping to show and edit: the detected one, or the user's last.
    pub mapping: crate::io::xlsx::Mapping,
    /// The import, or the error (already in the user's language).
    pub result: Result<crate::io::xlsx::Imported, String>,
}

impl AppState {
    pub fn new(
        settings: Settings,
        data_dir: Option<PathBuf>,
    ) -> Result<AppState, assets::AssetError> {
        let lang = settings.lang.unwrap_or_else(Lang::detect);
        let recovery = data_dir
            .as_ref()
            .and_then(|d| std::fs::read(d.join("recovery.json")).ok())
            .and_then(|b| serde_json::from_slice::<Recovery>(&b).ok());
        Ok(AppState {
            settings,
            loc: Localizer::new(lang),
            doc: None,
            catalogues: assets::shipped_catalogues()?,
            index: assets::guideline_index()?,
            hints: assets::hints()?,
            status: None,
            recovery,
            data_dir,
            import_preview: None,
            comparison: None,
            carry_report: None,
        })
    }

    fn say(&mut self, text: String) {
        self.status = Some(Status { text, error: false });
    }

    fn say_opened(&mut self, path: &Path) {
        let msg = self.loc.ta(
            "status-opened",
            &[("file", path.display().to_string().into())],
        );
        self.say(msg);
    }

    /// "Wrote <file>", or the error, in the status bar.
    fn report_written<E: Localize>(&mut self, result: Result<(), E>, path: &Path) {
        let msg = match &result {
            Ok(()) => self
                .loc
                .ta("written", &[("file", path.display().to_string().into())]),
            Err(e) => e.localize(&self.loc),
        };
        match result {
            Ok(()) => self.say(msg),
            Err(_) => self.fail(msg),
        }
    }

    fn fail(&mut self, text: String) {
        self.status = Some(Status { text, error: true });
    }

    fn recovery_file(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("recovery.json"))
    }

    /// Writes the recovery file when an edit has waited `delay` seconds. Returns the seconds
    /// until the next write is due, if one is pending.
    pub fn autosave(&mut self, now: f64, delay: f64) -> Option<f64> {
        let since = self.doc.as_ref()?.pending_autosave?;
        if now - since < delay {
            return Some(delay - (now - since));
        }
        let file = self.recovery_file();
        let doc = self.doc.as_mut()?;
        doc.pending_autosave = None;
        let rec = Recovery {
            path: doc.path.clone(),
            project: doc.project.clone(),
        };
        if let Some(file) = file {
            if let Some(parent) = file.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let result = io::atomic_write(&file, |w| {
                let bytes = io::json::to_pretty_json(&rec).map_err(std::io::Error::other)?;
                w.write_all(&bytes)
            });
            if let Err(e) = result {
                self.fail(e.localize(&self.loc));
            }
        }
        None
    }

    fn clear_recovery(&mut self) {
        if let Some(f) = self.recovery_file() {
            let _ = std::fs::remove_file(&f);
            let _ = std::fs::remove_file(io::backup_path(&f));
        }
    }

    fn open_doc(&mut self, project: Project, catalogue: Catalogue, path: Option<PathBuf>) {
        if let Some(p) = &path {
            self.settings.remember(p);
        }
        self.doc = Some(Doc::new(project, catalogue, path));
    }

    /// Carries out a command. `now` is the time in seconds (for undo coalescing and autosave).
    pub fn apply(&mut self, cmd: Command, now: f64) {
        match cmd {
            Command::NewProject { catalogue, header } => {
                match self.catalogues.iter().find(|c| c.id == catalogue).cloned() {
                    Some(c) => {
                        let p = Project::new(&c, header, false);
                        self.open_doc(p, c, None);
                        if let Some(d) = &mut self.doc {
                            d.dirty = true;
                        }
                    }
                    None => {
                        let msg = self.loc.ta(
                            "err-unknown-catalogue",
                            &[("id", catalogue.into()), ("available", "".into())],
                        );
                        self.fail(msg);
                    }
                }
            }
            Command::Open(path) if io::is_workbook(&path) => {
                self.apply(Command::Import(path), now);
            }
            Command::Open(path) => match io::open_project(&path, &self.catalogues) {
                Ok((p, c)) => {
                    self.open_doc(p, c, Some(path.clone()));
                    self.say_opened(&path);
                }
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            },
            Command::Import(path) => self.preview_import(path, None),
            Command::PreviewImport(path, mapping) => self.preview_import(path, Some(mapping)),
            Command::AcceptImport => {
                if let Some(ImportPreview {
                    path,
                    result: Ok(imported),
                    ..
                }) = self.import_preview.take()
                {
                    self.settings.remember(&path);
                    // Unsaved until the user saves it as a project.
                    self.doc = Some(Doc::new(imported.project, imported.catalogue, None));
                    if let Some(d) = &mut self.doc {
                        d.dirty = true;
                    }
                    self.say_opened(&path);
                }
            }
            Command::CancelImport => self.import_preview = None,
            Command::OpenSample(name) => match assets::sample_project(&name) {
                Ok(p) => match p.catalogue.resolve(&self.catalogues) {
                    Ok(c) => self.open_doc(p, c, None),
                    Err(e) => {
                        let msg = e.localize(&self.loc);
                        self.fail(msg);
                    }
                },
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            },
            Command::Save => match self.doc.as_ref().and_then(|d| d.path.clone()) {
                Some(path) => self.save_to(path),
                None => {
                    let msg = self.loc.t("status-save-needs-path");
                    self.fail(msg);
                }
            },
            Command::SaveAs(path) => self.save_to(path),
            Command::Close => {
                self.doc = None;
                self.clear_recovery();
            }
            Command::ExportPdf(path) => {
                if let Some(d) = &self.doc {
                    match assets::form().and_then(|f| Ok((f, assets::japanese_font()?))) {
                        Ok((form, font)) => {
                            let (c, p, now) = (&d.catalogue, &d.project, io::clock::now());
                            let res = io::pdf::export_pdf(&path, c, p, &form, font, &now);
                            self.report_written(res, &path);
                        }
                        Err(e) => {
                            let msg = e.localize(&self.loc);
                            self.fail(msg);
                        }
                    }
                }
            }
            Command::ExportXlsx(path) => {
                if let Some(d) = &self.doc {
                    match assets::form() {
                        Ok(form) => {
                            let res = io::xlsx::export_xlsx(&path, &d.catalogue, &d.project, &form);
                            self.report_written(res, &path);
                        }
                        Err(e) => {
                            let msg = e.localize(&self.loc);
                            self.fail(msg);
                        }
                    }
                }
            }
            Command::SetValue {
                question,
                option,
                value,
            } => {
                if let Some(d) = &mut self.doc {
                    d.selected = Some(question.clone());
                    d.edit(Target::Value { question, option }, Val::Answer(value), now);
                }
            }
            Command::SetRemark {
                question,
                option,
                text,
            } => {
                if let Some(d) = &mut self.doc {
                    d.edit(Target::Remark { question, option }, Val::Text(text), now);
                }
            }
            Command::SetHeader(field, text) => {
                if let Some(d) = &mut self.doc {
                    d.edit(Target::Header(field), Val::Text(text), now);
                }
            }
            Command::SetReviewStatus(q, st) => {
                if let Some(d) = &mut self.doc {
                    d.selected = Some(q.clone());
                    d.edit(Target::ReviewStatus(q), Val::Status(st), now);
                }
            }
            Command::SetReviewComment(q, text) => {
                if let Some(d) = &mut self.doc {
                    d.edit(Target::ReviewComment(q), Val::Text(text), now);
                }
            }
            Command::SetReviewer(text) => {
                if let Some(d) = &mut self.doc {
                    d.edit(Target::Reviewer, Val::Text(text), now);
                }
            }
            Command::SetReviewDate(text) => {
                if let Some(d) = &mut self.doc {
                    d.edit(Target::ReviewDate, Val::Text(text), now);
                }
            }
            Command::ConfirmCarried(q) => {
                if let Some(d) = &mut self.doc
                    && let Some(a) = d.project.answers.get_mut(&q)
                    && a.recheck
                {
                    a.recheck = false;
                    d.findings = validate(&d.catalogue, &d.project);
                    d.touch(now);
                }
            }
            Command::Compare(files) => {
                let mut opened = Vec::new();
                for f in &files {
                    match io::open_statement(f, &self.catalogues) {
                        Ok(pc) => opened.push(pc),
                        Err(e) => {
                            let msg = e.localize(&self.loc);
                            self.fail(msg);
                            return;
                        }
                    }
                }
                let sides: Vec<crate::domain::compare::Side<'_>> = opened
                    .iter()
                    .map(|(p, c)| crate::domain::compare::Side {
                        catalogue: c,
                        project: p,
                    })
                    .collect();
                let cmp = crate::domain::compare::compare(&sides);
                let labels = files
                    .iter()
                    .map(|f| {
                        f.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    })
                    .collect();
                self.comparison = Some((labels, cmp));
            }
            Command::CarryForward(catalogue) => {
                let Some(d) = &self.doc else { return };
                let Some(new_c) = self.catalogues.iter().find(|c| c.id == catalogue).cloned()
                else {
                    return;
                };
                let header = Header {
                    created: io::clock::today_japanese(),
                    ..d.project.header.clone()
                };
                let (p, report) =
                    crate::domain::carry::carry(&d.catalogue, &d.project, &new_c, header, false);
                self.doc = Some(Doc::new(p, new_c, None));
                if let Some(d) = &mut self.doc {
                    d.dirty = true;
                    d.pending_autosave = Some(now);
                }
                self.carry_report = Some(report);
            }
            Command::Undo => {
                if let Some(d) = &mut self.doc {
                    d.undo(now);
                }
            }
            Command::Redo => {
                if let Some(d) = &mut self.doc {
                    d.redo(now);
                }
            }
            Command::Select(q) => {
                if let Some(d) = &mut self.doc {
                    d.selected = Some(q);
                }
            }
            Command::Next => {
                if let Some(d) = &mut self.doc {
                    d.step(1);
                }
            }
            Command::Previous => {
                if let Some(d) = &mut self.doc {
                    d.step(-1);
                }
            }
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                self.loc = Localizer::new(lang.unwrap_or_else(Lang::detect));
            }
            Command::RecoverAccept => {
                if let Some(rec) = self.recovery.take() {
                    match rec.project.catalogue.resolve(&self.catalogues) {
                        Ok(c) => {
                            self.doc = Some(Doc::new(rec.project, c, rec.path));
                            if let Some(d) = &mut self.doc {
                                d.dirty = true;
                            }
                            let msg = self.loc.t("status-recovered");
                            self.say(msg);
                        }
                        Err(e) => {
                            let msg = e.localize(&self.loc);
                            self.fail(msg);
                        }
                    }
                }
            }
            Command::RecoverDiscard => {
                self.recovery = None;
                self.clear_recovery();
            }
        }
    }

    fn preview_import(&mut self, path: PathBuf, mapping: Option<crate::io::xlsx::Mapping>) {
        let result = crate::io::xlsx::import_file(&path, mapping.as_ref());
        let shown = match (&result, mapping) {
            (Ok(i), None) => i.report.mapping.clone(),
            (_, Some(m)) => m,
            (Err(_), None) => crate::io::xlsx::Mapping::default(),
        };
        self.import_preview = Some(ImportPreview {
            path,
            mapping: shown,
            result: result.map_err(|e| e.localize(&self.loc)),
        });
    }

    fn save_to(&mut self, path: PathBuf) {
        let Some(d) = &mut self.doc else { return };
        match io::save_project(&path, &d.project) {
            Ok(()) => {
                d.path = Some(path.clone());
                d.dirty = false;
                d.pending_autosave = None;
                self.settings.remember(&path);
                self.clear_recovery();
                let msg = self.loc.ta(
                    "status-saved",
                    &[("file", path.display().to_string().into())],
                );
                self.say(msg);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (AppState, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let mut s = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
        s.apply(Command::OpenSample("sds-remote-service-sample".into()), 0.0);
        (s, dir)
    }

    fn value(s: &AppState, q: &str) -> AnswerValue {
        s.doc.as_ref().unwrap().project.value(q)
    }

    #[test]
    fn edits_undo_and_redo() {
        let (mut s, _d) = state();
        s.apply(
            Command::SetValue {
                question: "q2".into(),
                option: None,
                value: AnswerValue::No,
            },
            1.0,
        );
        assert_eq!(value(&s, "q2"), AnswerValue::No);
        assert!(s.doc.as_ref().unwrap().dirty);
        s.apply(Command::Undo, 2.0);
        assert_eq!(value(&s, "q2"), AnswerValue::Yes);
        s.apply(Command::Redo, 3.0);
        assert_eq!(value(&s, "q2"), AnswerValue::No);
    }

    #[test]
    fn typing_coalesces_into_one_undo_step() {
        let (mut s, _d) = state();
        for (i, t) in ["あ", "あい", "あいう"].iter().enumerate() {
            s.apply(
                Command::SetRemark {
                    question: "q3".into(),
                    option: None,
                    text: t.to_string(),
                },
                10.0 + i as f64 * 0.3,
            );
        }
        s.apply(Command::SetHeader(HeaderField::Version, "2.0".into()), 20.0);
        s.apply(Command::Undo, 21.0);
        assert_eq!(s.doc.as_ref().unwrap().project.header.version, "1.1");
        s.apply(Command::Undo, 22.0);
        let remark = &s.doc.as_ref().unwrap().project.answers["q3"].remark;
        assert!(
            remark.contains("安全管理責任者"),
            "back to the original: {remark}"
        );
    }

    #[test]
    fn save_writes_json_and_clears_dirty_and_recovery() {
        let (mut s, dir) = state();
        s.apply(
            Command::SetValue {
                question: "q2".into(),
                option: None,
                value: AnswerValue::No,
            },
            1.0,
        );
        assert!(s.autosave(2.0, 3.0).is_some(), "not yet");
        assert_eq!(s.autosave(5.0, 3.0), None);
        assert!(dir.path().join("recovery.json").exists());
        let path = dir.path().join("out.json");
        s.apply(Command::SaveAs(path.clone()), 6.0);
        assert!(!s.doc.as_ref().unwrap().dirty);
        assert!(!dir.path().join("recovery.json").exists());
        let p = io::load_project(&path).unwrap();
        assert_eq!(p.value("q2"), AnswerValue::No);
        assert_eq!(s.settings.recent[0], path);
    }

    #[test]
    fn recovery_is_offered_after_a_crash() {
        let (mut s, dir) = state();
        s.apply(
            Command::SetRemark {
                question: "q2".into(),
                option: None,
                text: "未保存の備考".into(),
            },
            1.0,
        );
        s.autosave(10.0, 3.0);
        drop(s); // the "crash": no save
        let mut again = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
        assert!(again.recovery.is_some());
        again.apply(Command::RecoverAccept, 0.0);
        let d = again.doc.as_ref().unwrap();
        assert_eq!(d.project.answers["q2"].remark, "未保存の備考");
        assert!(d.dirty);
    }

    #[test]
    fn workbooks_open_through_the_import_preview() {
        let (mut s, dir) = state();
        let x = dir.path().join("s.xlsx");
        let d = s.doc.as_ref().unwrap();
        let form = assets::form().unwrap();
        crate::io::xlsx::export_xlsx(&x, &d.catalogue, &d.project, &form).unwrap();
        s.apply(Command::Close, 0.0);
        s.apply(Command::Open(x.clone()), 0.0);
        assert!(s.doc.is_none(), "nothing taken before the user confirms");
        let preview = s.import_preview.as_ref().unwrap();
        assert_eq!(preview.result.as_ref().unwrap().report.questions, 5);
        s.apply(Command::AcceptImport, 0.0);
        assert!(s.import_preview.is_none());
        let doc = s.doc.as_ref().unwrap();
        assert!(doc.dirty && doc.path.is_none());
        assert_eq!(doc.project.value("q2"), AnswerValue::Yes);
        // A broken file shows its error in the preview.
        let bad = dir.path().join("bad.xlsx");
        std::fs::write(&bad, b"not a workbook").unwrap();
        s.apply(Command::Import(bad), 0.0);
        assert!(s.import_preview.as_ref().unwrap().result.is_err());
        s.apply(Command::CancelImport, 0.0);
        assert!(s.import_preview.is_none());
    }

    #[test]
    fn review_edits_are_undoable_and_leave_answers_alone() {
        let (mut s, _d) = state();
        let before = s.doc.as_ref().unwrap().project.answers.clone();
        s.apply(
            Command::SetReviewStatus("q2".into(), ReviewStatus::ActionRequired),
            1.0,
        );
        s.apply(
            Command::SetReviewComment("q2".into(), "一覧の提出を依頼".into()),
            2.0,
        );
        s.apply(Command::SetReviewer("病院 情報システム室".into()), 3.0);
        let d = s.doc.as_ref().unwrap();
        assert_eq!(d.project.review.status("q2"), ReviewStatus::ActionRequired);
        assert_eq!(d.project.answers, before);
        s.apply(Command::Undo, 4.0);
        s.apply(Command::Undo, 5.0);
        assert_eq!(s.doc.as_ref().unwrap().project.review.comment("q2"), "");
    }

    #[test]
    fn errors_go_to_the_status_bar() {
        let (mut s, dir) = state();
        s.apply(Command::Open(dir.path().join("missing.json")), 0.0);
        let st = s.status.clone().unwrap();
        assert!(st.error && st.text.contains("missing.json"));
        assert!(s.doc.is_some(), "the open document stays");
    }
}
