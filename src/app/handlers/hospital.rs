//! The hospital side: statements checked against an acceptance profile (in the background, for
//! the window and `kaijisho check`), and the check report as a workbook or PDF.

use crate::app::compare::write_prepared;
use crate::app::document::DocKind;
use crate::app::documents::ExportFormat;
use crate::app::hospital::*;
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::{CheckForm, ProfileEditor};
use crate::domain::catalogue::Catalogue;
use crate::domain::profile::Profile;
use crate::domain::profile_edit::{ProfileEdit, citing_count};
use crate::i18n::Localize;
use crate::io::{self};
use std::path::{Path, PathBuf};

impl AppState {
    /// ファイル → 受入基準で確認…: the check window, on the chosen statements (the open
    /// statement's file among them); its verdicts are made at once.
    pub(crate) fn show_check(&mut self) {
        if self.hospital.check.is_some() {
            return;
        }
        self.choose_open_statement();
        self.hospital.check = Some(CheckForm::default());
    }

    /// Closes the check window; opened again, it makes its verdicts again.
    pub(crate) fn close_check(&mut self) {
        self.hospital.check = None;
        self.hospital.check_report = None;
        self.hospital.check_asked = None;
        self.hospital.check_shown = None;
        self.hospital.check_error = None;
        // A check still running is dropped when it finishes.
        self.hospital.check_generation += 1;
    }

    pub(crate) fn set_check_profile(&mut self, path: PathBuf) {
        if let Some(f) = &mut self.hospital.check {
            f.profile = Some(path);
        }
    }

    /// What the check window's verdicts are to be made of now (`None`: the window is closed).
    pub fn check_inputs(&self) -> Option<CheckInputs> {
        let form = self.hospital.check.as_ref()?;
        Some(CheckInputs {
            profile: form.profile.clone(),
            files: self.view.chosen.clone(),
        })
    }

    /// Whether the check window's verdicts come from its profile and statements as they are
    /// now (not while they are being made again).
    pub fn check_is_current(&self) -> bool {
        !self.tasks.is_running(TaskKind::Check)
            && self
                .check_inputs()
                .is_some_and(|i| self.hospital.check_shown.as_ref() == Some(&i))
    }

    /// The profile file as the editor last read or saved it (its SHA-256), when the editor has
    /// `profile` open.
    fn editor_digest(&self, profile: Option<&Path>) -> Option<[u8; 32]> {
        let e = self.hospital.profile_editor.as_ref()?;
        e.on_disk
            .filter(|_| e.path.is_some() && e.path.as_deref() == profile)
    }

    /// After every command: when the check window's profile or statements changed, or its
    /// profile was saved again in the editor since the check was asked for, checks again.
    pub(crate) fn refresh_check(&mut self) {
        let Some(inputs) = self.check_inputs() else {
            return;
        };
        if self.hospital.check_asked.as_ref() != Some(&inputs) {
            return self.run_check();
        }
        let saved = self.editor_digest(inputs.profile.as_deref());
        match (self.hospital.check_profile_saved, saved) {
            (Some(before), Some(now)) if before != now => self.run_check(),
            // The editor opened or closed the file: nothing was saved.
            (before, now) if before != now => self.hospital.check_profile_saved = now,
            _ => {}
        }
    }

    /// Opens a statement at one question (from a check or register line).
    pub(crate) fn open_at(&mut self, path: PathBuf, question: String) {
        self.open_received(path);
        self.show_opened_at(question);
    }

    /// After a statement was opened from a list of places: its question shown (when the
    /// statement has it), the grid closed.
    pub(crate) fn show_opened_at(&mut self, question: String) {
        self.view.grid = None;
        if let Some(d) = &mut self.doc
            && d.catalogue.question(&question).is_some()
        {
            d.selected = Some(question);
        }
    }

    /// Checks the window's statements against its profile (the shipped default when none is
    /// chosen) in the background. Until it is done, the verdicts shown are not current; with
    /// no statements there are none.
    pub(crate) fn run_check(&mut self) {
        let Some(inputs) = self.check_inputs() else {
            return;
        };
        self.hospital.check_generation += 1;
        let generation = self.hospital.check_generation;
        self.hospital.check_profile_saved = self.editor_digest(inputs.profile.as_deref());
        self.hospital.check_asked = Some(inputs.clone());
        self.hospital.check_error = None;
        let CheckInputs {
            profile: profile_path,
            files,
        } = inputs;
        let Some(first) = files.first().cloned() else {
            self.hospital.check_report = None;
            self.hospital.check_shown = self.hospital.check_asked.clone();
            return;
        };
        // The shipped profile is read here: a broken asset is said at once.
        let default = match profile_path {
            Some(_) => None,
            None => match crate::assets::default_profile() {
                Ok(p) => Some(p),
                Err(e) => {
                    let msg = e.localize(&self.loc);
                    self.hospital.check_report = None;
                    self.hospital.check_shown = self.hospital.check_asked.clone();
                    self.hospital.check_error = Some(msg.clone());
                    return self.fail(msg);
                }
            },
        };
        let shipped = self.catalogues.clone();
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
    pub(crate) fn export_check(&mut self, path: PathBuf, format: ExportFormat) {
        if !self.check_is_current() {
            let msg = self.loc.t("check-stale");
            return self.fail(msg);
        }
        let Some(report) = &self.hospital.check_report else {
            return;
        };
        let head = self.report_head(self.loc.t("check-title"));
        let prepared = prepare_check_headed(&self.loc, report, format, head);
        let inputs = self.inputs_of(crate::app::command::Purpose::ExportCheckXlsx);
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
    pub(crate) fn finish_hospital(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Checked { generation, result }
                if generation == self.hospital.check_generation =>
            {
                self.hospital.check_shown = self.hospital.check_asked.clone();
                match result {
                    Ok(r) => self.hospital.check_report = Some(r),
                    Err(e) => {
                        // No verdicts rather than another profile's or statements'.
                        self.hospital.check_report = None;
                        let msg = e.localize(&self.loc);
                        self.hospital.check_error = Some(msg.clone());
                        self.fail(msg);
                    }
                }
            }
            Outcome::RegisterRead { generation, result }
                if generation == self.hospital.register_generation =>
            {
                match result {
                    Ok(r) => self.hospital.register = Some(*r),
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
    /// ファイル → 受入基準を編集…: the editor, on the shipped default profile.
    pub(crate) fn show_profile_editor(&mut self) {
        if self.hospital.profile_editor.is_some() {
            return;
        }
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
        self.hospital.profile_editor = Some(ProfileEditor::new(profile, None, catalogue));
    }

    /// Opens a profile in the editor (asked about the edited one first).
    pub(crate) fn open_profile(&mut self, path: PathBuf) {
        match io::hospital::load_profile_digest(&path) {
            Ok((profile, digest)) => {
                let catalogue = self
                    .hospital
                    .profile_editor
                    .as_ref()
                    .map(|e| e.catalogue.clone())
                    .or_else(|| self.catalogues.first().map(|c| c.id.clone()))
                    .unwrap_or_default();
                let mut editor = ProfileEditor::new(profile, Some(path.clone()), catalogue);
                editor.on_disk = Some(digest);
                self.hospital.profile_editor = Some(editor);
                self.say_file("status-opened", &path);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Check statements with the edited (saved) profile: its verdicts are made again at once,
    /// even when the window already had this file (the profile may have changed since).
    pub(crate) fn check_with_profile(&mut self) {
        let Some(path) = self
            .hospital
            .profile_editor
            .as_ref()
            .and_then(|e| e.path.clone())
        else {
            return;
        };
        self.show_check();
        if let Some(f) = &mut self.hospital.check {
            f.profile = Some(path);
        }
        self.run_check();
    }

    /// The catalogue the editor lists: a shipped one, or the open statement's.
    pub fn editor_catalogue(&self) -> Option<Catalogue> {
        let id = &self.hospital.profile_editor.as_ref()?.catalogue;
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

    /// Saves the edited profile (atomically; never over a statement that is open, nor over
    /// another program's changes unasked).
    pub(crate) fn save_profile(&mut self, path: PathBuf, now: f64) {
        if self.refuse_own_file(&path) {
            // Refused like a failed save: what waited for it asks again, never fires later.
            if let Some(next) = self.view.after_save.take() {
                self.view.confirm = Some(next);
            }
            return;
        }
        self.save_document(DocKind::Profile, Some(path), false, now);
    }

    /// Changes the edited profile (checked first; undoable).
    pub(crate) fn profile_edit(&mut self, edit: ProfileEdit, now: f64) {
        let Some(c) = self.editor_catalogue() else {
            return;
        };
        let marking = match &edit {
            ProfileEdit::MarkCiting { reference, weight } => {
                Some((citing_count(&c, reference), *weight))
            }
            _ => None,
        };
        let Some(e) = &mut self.hospital.profile_editor else {
            return;
        };
        match e.edit(&c, edit, now) {
            Ok(changed) => {
                if changed {
                    self.edited(DocKind::Profile);
                }
                if let Some((n, weight)) = marking {
                    let msg = self.loc.ta(
                        "profile-marked",
                        &[
                            ("count", n.into()),
                            ("weight", weight.localize(&self.loc).into()),
                        ],
                    );
                    self.say(msg);
                }
            }
            Err(err) => {
                let msg = err.localize(&self.loc);
                self.fail(msg);
            }
        }
    }
}
