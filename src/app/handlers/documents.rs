//! Opening, creating, saving, importing and exporting statements. Reading workbooks and
//! writing exports run in the background (see [`crate::app::tasks`]); their outcomes come back
//! through [`AppState::poll_tasks`].

use crate::app::command::Purpose;
use crate::app::doc::Doc;
use crate::app::document::{DocKind, Document};
use crate::app::documents::*;
use crate::app::state::{AppState, ImportPreview};
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::PathPrompt;
use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{Header, Project};
use crate::i18n::Localize;
use crate::io::{self, xlsx::Mapping};
use std::path::{Path, PathBuf};
use std::time::Duration;

impl AppState {
    pub(crate) fn new_project(&mut self, catalogue: &str, header: Header) {
        match self.catalogues.iter().find(|c| c.id == catalogue).cloned() {
            Some(c) => {
                // A catalogue of one's own travels inside the statement.
                let shipped = assets::shipped_catalogues()
                    .is_ok_and(|s| s.iter().any(|x| x.content_hash() == c.content_hash()));
                let p = Project::new(&c, header, !shipped);
                self.open_doc(p, c, None);
                if let Some(d) = &mut self.doc {
                    d.mark_unsaved();
                }
            }
            None => {
                let known = self.catalogues.iter().map(|c| c.id.clone()).collect();
                self.fail_unknown_catalogue(catalogue, known);
            }
        }
    }

    /// Says that no catalogue has the id `id`, naming those there are.
    pub(crate) fn fail_unknown_catalogue(&mut self, id: &str, known: Vec<String>) {
        let available = known.join(", ");
        let msg = self.loc.ta(
            "err-unknown-catalogue",
            &[
                ("id", id.to_string().into()),
                ("available", available.into()),
            ],
        );
        self.fail(msg);
    }

    pub(crate) fn open_doc(
        &mut self,
        project: Project,
        catalogue: Catalogue,
        path: Option<PathBuf>,
    ) {
        if let Some(p) = &path {
            self.settings.remember(p);
        }
        // The recovery file is the document's: the one replaced was saved or let go, and so
        // is any approval given for it.
        self.clear_recovery();
        self.view.import_approval.clear();
        self.carry_pending = None;
        self.doc = Some(Doc::new(project, catalogue, path));
    }

    /// Opens a project JSON, or shows the import preview of a workbook.
    pub(crate) fn open(&mut self, path: PathBuf) {
        // Messages and the recent files name it in full.
        let path = std::path::absolute(&path).unwrap_or(path);
        if self.is_received(&path) {
            return self.open_received(path);
        }
        if io::is_workbook(&path) {
            // Read to open, not as the checklist of a carry-forward.
            self.carry_pending = None;
            return self.import(path, None);
        }
        match io::json::open_project_digest(&path, &self.catalogues) {
            Ok((p, c, digest)) => {
                // A statement that holds a review is a received one: opened for review, its
                // file never written.
                if !p.review.is_empty() {
                    return self.open_received(path);
                }
                self.open_doc(p, c, Some(path.clone()));
                if let Some(d) = &mut self.doc {
                    d.on_disk = Some(digest);
                }
                self.say_file("status-opened", &path);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    pub(crate) fn open_sample(&mut self, name: &str) {
        let opened = assets::sample_project(name)
            .map_err(|e| e.localize(&self.loc))
            .and_then(|p| {
                let c = p.catalogue.resolve(&self.catalogues);
                c.map(|c| (p, c)).map_err(|e| e.localize(&self.loc))
            });
        match opened {
            Ok((p, c)) => self.open_doc(p, c, None),
            Err(msg) => self.fail(msg),
        }
    }

    pub(crate) fn close(&mut self) {
        self.doc = None;
        self.carry_pending = None;
        self.view.grid = None;
        self.clear_recovery();
        self.view.import_approval.clear();
    }

    pub(crate) fn save(&mut self, now: f64) {
        // A received statement's file is its review file.
        match self.doc.as_ref().and_then(Document::path) {
            Some(path) => self.save_to(path, now),
            None => {
                let msg = self.loc.t("status-save-needs-path");
                self.fail(msg);
            }
        }
    }

    /// Save to the statement's file, or ask where when it has none yet.
    pub(crate) fn save_or_ask(&mut self, now: f64) {
        match self.doc.as_ref().map(|d| d.path.is_some()) {
            Some(true) => self.save(now),
            Some(false) => self.ask(Purpose::SaveAs),
            None => {}
        }
    }

    pub(crate) fn save_to(&mut self, path: PathBuf, now: f64) {
        self.save_document(DocKind::Statement, Some(path), false, now);
    }

    /// Saves a document (to `path`, else its own file) and carries on what waited for the save.
    /// A file changed on disk asks "overwrite?" first; a failed save asks "save the changes?"
    /// again rather than carry the waiting command on after some later save.
    pub(crate) fn save_document(
        &mut self,
        kind: DocKind,
        path: Option<PathBuf>,
        overwrite: bool,
        now: f64,
    ) {
        let Some(doc) = self.document_mut(kind) else {
            return;
        };
        let Some(path) = path.or_else(|| doc.path()) else {
            if let Some(purpose) = kind.save_as() {
                self.ask(purpose);
            }
            return;
        };
        match doc.save(&path, overwrite) {
            Ok(()) => {
                if kind == DocKind::Statement {
                    // Recent files are statements.
                    self.settings.remember(&path);
                    self.clear_recovery();
                } else {
                    self.settings.used_folder_of(&path);
                }
                self.say_file("status-saved", &path);
                // 「保存」 in "save the changes?": carry on now.
                if let Some(next) = self.view.after_save.take() {
                    self.apply_approved(next.command, next.approved, now);
                }
            }
            Err(io::FileError::Save(io::SaveError::ChangedOnDisk { path })) => {
                log::warn!("{}: changed on disk since it was read", path.display());
                // Ask: overwrite, compare, or leave it (the waiting command waits for the answer).
                self.view.disk_conflict = Some((kind, path));
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
                if let Some(next) = self.view.after_save.take() {
                    self.view.confirm = Some(next);
                }
            }
        }
    }

    /// The file changed on disk and the user chose to replace it with this window's document.
    pub(crate) fn overwrite_on_disk(&mut self, now: f64) {
        let Some((kind, path)) = self.view.disk_conflict.take() else {
            return;
        };
        self.save_document(kind, Some(path), true, now);
    }

    /// The file changed on disk: read it again, dropping this window's changes to it (chosen in
    /// the dialog that says so).
    pub(crate) fn reload_from_disk(&mut self) {
        let Some((kind, path)) = self.view.disk_conflict.take() else {
            return;
        };
        self.view.after_save = None;
        if kind == DocKind::Register
            && let Some(folder) = self.hospital.register.as_ref().map(|r| r.folder.clone())
        {
            // The whole folder again: the verdicts and warnings follow the settings read.
            return self.open_register(folder);
        }
        let Some(doc) = self.document_mut(kind) else {
            return;
        };
        match doc.reload() {
            Ok(()) => self.say_file("status-opened", &path),
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// The file changed on disk: leave it, and drop what was waiting for the save.
    pub(crate) fn keep_disk_version(&mut self) {
        self.view.disk_conflict = None;
        self.view.after_save = None;
    }

    /// Shows the path prompt, pre-filled from the current file.
    pub(crate) fn ask(&mut self, purpose: Purpose) {
        if !matches!(purpose, Purpose::SaveAs | Purpose::SaveProfile) {
            // Another prompt replaces a Save As that a waiting command depended on.
            self.view.after_save = None;
        }
        let text = self.prompt_text(purpose);
        self.view.prompt = Some(PathPrompt::new(purpose, text));
    }

    /// The user gave up: a close (or new/open) waiting for a Save As is off too.
    pub(crate) fn cancel_prompt(&mut self) {
        self.view.prompt = None;
        self.view.after_save = None;
    }

    /// Whether `path` is the open statement's own file, which an export or an exercise copy
    /// must never replace (said to the user when it is).
    pub(crate) fn refuse_own_file(&mut self, path: &Path) -> bool {
        let own: Vec<PathBuf> = self.doc.iter().filter_map(|d| d.path.clone()).collect();
        self.refuse_inputs(path, &own)
    }

    /// Refuses (and says so) an output that is one of `inputs`, also spelled otherwise.
    pub(crate) fn refuse_inputs(&mut self, path: &Path, inputs: &[PathBuf]) -> bool {
        let Some(input) = inputs
            .iter()
            .find(|i| i.as_path() == path || io::atomic::is_same_file(i, path))
        else {
            return false;
        };
        let msg = self.loc.ta(
            "err-output-is-input",
            &[
                ("file", path.display().to_string().into()),
                ("input", input.display().to_string().into()),
            ],
        );
        self.fail(msg);
        true
    }

    /// Exports the open statement in the background.
    pub(crate) fn export(&mut self, path: PathBuf, format: ExportFormat) {
        if self.refuse_own_file(&path) {
            return;
        }
        let Some(d) = &self.doc else { return };
        let (c, p) = (d.catalogue.clone(), d.project.clone());
        let file = path.clone();
        let now = self.clock.now();
        // The print date on every page; a review printed names the hospital and the reviewer.
        let head = self.report_head(String::new());
        let reviewing = self.view.review_mode || !p.review.is_empty();
        let by = if !reviewing || head.by.is_empty() {
            head.printed
        } else {
            format!("{}　{}", head.by, head.printed)
        };
        self.tasks.spawn(TaskKind::Export, path.clone(), move |_| {
            let result = match format {
                ExportFormat::Pdf => export_pdf(&file, (&c, &p), &now, &by),
                ExportFormat::Xlsx => export_xlsx(&file, &c, &p).map(|()| Vec::new()),
            };
            Outcome::Exported { path: file, result }
        });
    }

    /// Reads a workbook in the background, then shows the import preview. Without a mapping,
    /// a workbook whose layout the user confirmed before is read with that layout's mapping.
    /// ファイル → 読み込む…: a workbook chosen to import on its own (no carry-forward waits
    /// for it).
    pub(crate) fn import_chosen(&mut self, path: PathBuf) {
        self.carry_pending = None;
        self.import(path, None);
    }

    pub(crate) fn import(&mut self, path: PathBuf, mapping: Option<Mapping>) {
        let signature = self
            .import_preview
            .as_ref()
            .filter(|p| p.path == path && mapping.is_some())
            .and_then(|p| p.signature.clone());
        let layouts = if mapping.is_none() {
            self.settings.layouts.clone()
        } else {
            Vec::new()
        };
        let mapping = mapping.map(Box::new);
        let file = path.clone();
        self.import_generation += 1;
        let generation = self.import_generation;
        self.tasks.spawn(TaskKind::Import, path, move |_| {
            let vocab = crate::assets::import_vocabulary();
            let mut result = io::xlsx::import_file(&file, mapping.as_deref(), vocab).map(Box::new);
            let signature = signature.or_else(|| {
                result
                    .as_ref()
                    .ok()
                    .and_then(|i| i.view.as_ref())
                    .map(|v| v.signature.clone())
                    .filter(|s| !s.is_empty())
            });
            let known = signature
                .as_ref()
                .and_then(|s| layouts.iter().find(|l| &l.signature == s));
            let (mapping, remembered) = match known {
                Some(l) => {
                    result = io::xlsx::import_file(&file, Some(&l.mapping), vocab).map(Box::new);
                    (Some(Box::new(l.mapping.clone())), true)
                }
                None => (mapping, false),
            };
            Outcome::Imported {
                generation,
                path: file,
                mapping,
                result,
                signature,
                remembered,
            }
        });
    }

    pub(crate) fn accept_import(&mut self, now: f64) {
        let Some(ImportPreview {
            path,
            result: Ok(imported),
            mapping,
            signature,
            edited,
            ..
        }) = self.import_preview.take()
        else {
            return;
        };
        self.settings.remember(&path);
        if let Some(signature) = signature.filter(|_| edited) {
            self.settings.remember_layout(&signature, &mapping);
        }
        let mut imported = *imported;
        // The new checklist of a carry-forward: the open statement is carried onto it (the
        // workbook's own answers, if it had any, give way to the carried ones: said).
        let own_answers = imported.project.answered_count();
        let source = imported.project.source.take();
        let Some((catalogue, source)) =
            self.carry_into_imported(&path, imported.catalogue, source, now)
        else {
            if own_answers > 0 {
                let msg = self.loc.ta(
                    "carry-workbook-answers",
                    &[
                        ("count", own_answers.into()),
                        ("file", path.display().to_string().into()),
                    ],
                );
                self.say(msg);
            }
            return;
        };
        imported.project.source = source;
        // Unsaved until the user saves it as a project.
        self.clear_recovery();
        let mut doc = Doc::new(imported.project, catalogue, None).unsaved();
        doc.source_path = Some(path.clone());
        self.doc = Some(doc);
        self.say_file("status-opened", &path);
    }

    /// Takes the outcomes of finished background tasks. Called every frame.
    pub fn poll_tasks(&mut self) {
        for outcome in self.tasks.finished() {
            self.finish(outcome);
        }
    }

    /// Waits for the background tasks and takes their outcomes (tests, command line).
    pub fn wait_for_tasks(&mut self, timeout: Duration) {
        for outcome in self.tasks.wait(timeout) {
            self.finish(outcome);
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Imported {
                generation,
                path,
                mapping,
                result,
                signature,
                remembered,
            } => {
                if generation != self.import_generation {
                    log::info!(
                        "an earlier or cancelled import of {} finished",
                        path.display()
                    );
                    return;
                }
                let shown = match (&result, mapping) {
                    (Ok(i), None) => i.report.mapping.clone(),
                    (_, Some(m)) => *m,
                    (Err(_), None) => Mapping::default(),
                };
                if let Err(e) = &result {
                    log::error!("{e}");
                }
                let edited = self
                    .import_preview
                    .as_ref()
                    .is_some_and(|p| p.path == path && p.edited);
                self.import_preview = Some(ImportPreview {
                    path,
                    mapping: shown,
                    result: result.map_err(|e| e.localize(&self.loc)),
                    signature,
                    edited,
                    remembered,
                    range_from: None,
                    show_row: None,
                });
            }
            Outcome::Exported { path, result } => match result {
                Ok(notes) => self.exported(&path, &notes),
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            },
            Outcome::ExportedInto {
                path,
                original,
                consent,
                result,
            } => match result {
                Ok(report) => self.exported_into(path, &report),
                Err(e) => self.export_into_failed((path, original), consent, &e),
            },
            Outcome::Compared { generation, .. } if generation != self.compare_generation => {
                log::info!("an earlier comparison finished after a newer one was asked for");
            }
            Outcome::Compared { result, .. } => match result {
                Ok(c) => self.comparison = Some(c),
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.fail(msg);
                }
            },
            Outcome::Carried {
                revision,
                asked,
                result,
            } => self.carried(revision, *result, asked),
            Outcome::ClassChecked { generation, result } => {
                self.class_checked(generation, result);
            }
            Outcome::DossierRead { generation, result } => self.dossier_read(generation, result),
            Outcome::LibraryRead { generation, read } => self.library_read(generation, read),
            Outcome::LibraryChecked { generation, result } => {
                self.library_checked(generation, result);
            }
            Outcome::OpenedReceived { generation, read } => {
                self.finish_received(generation, *read);
            }
            outcome @ (Outcome::Checked { .. } | Outcome::RegisterRead { .. }) => {
                self.finish_hospital(outcome);
            }
            Outcome::Lost { kind, file } => {
                let msg = self.loc.ta(
                    "task-lost",
                    &[
                        ("task", self.loc.t(kind.name_id()).into()),
                        ("file", file.display().to_string().into()),
                    ],
                );
                self.fail(msg);
            }
        }
    }
}
