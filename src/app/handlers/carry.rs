//! Carrying the open statement forward into a new one: onto a shipped catalogue, the
//! statement's own, a catalogue file, or an official workbook imported on the spot (through the
//! preview and the wizard); then re-checking what was carried, one answer at a time or every
//! answer of one reason at once.

use std::path::PathBuf;

use crate::app::compare::Carried;
use crate::app::doc::Doc;
use crate::app::documents::{ExportFormat, export_changes};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::CarryTarget;
use crate::domain::carry::{CarryInput, CarryReport, carry};
use crate::domain::catalogue::Catalogue;
use crate::domain::edit::Edit;
use crate::domain::project::Header;
use crate::domain::source::WorkbookSource;
use crate::i18n::Localize;
use crate::io;

impl AppState {
    /// The catalogues a statement can be carried to: the shipped ones, those loaded from files,
    /// and the statement's own (an imported or own catalogue: the next release on the same form).
    pub fn carry_targets(&self) -> Vec<&Catalogue> {
        let mut all: Vec<&Catalogue> = self.catalogues.iter().collect();
        if let Some(d) = &self.doc
            && !all.iter().any(|c| c.id == d.catalogue.id)
        {
            all.push(&d.catalogue);
        }
        all
    }

    /// Workbooks opened or imported lately that still exist: offered as the new checklist.
    pub fn carry_workbooks(&self) -> Vec<PathBuf> {
        let own = self.doc.as_ref().and_then(|d| d.source_path.clone());
        self.settings
            .recent
            .iter()
            .filter(|p| io::is_workbook(p) && p.is_file() && Some(*p) != own.as_ref())
            .cloned()
            .collect()
    }

    pub(crate) fn show_carry(&mut self) {
        let current = self.doc.as_ref().map(|d| d.catalogue.id.clone());
        self.view.carry_to = current
            .or_else(|| self.catalogues.first().map(|c| c.id.clone()))
            .map(CarryTarget::Catalogue);
    }

    /// Starts a new statement on `catalogue` from the open one, answers carried and marked
    /// for re-checking.
    pub(crate) fn carry_forward(&mut self, catalogue: &str, now: f64) {
        self.view.carry_to = None;
        let Some(new_c) = self
            .carry_targets()
            .into_iter()
            .find(|c| c.id == catalogue)
            .cloned()
        else {
            let known = self.carry_targets().iter().map(|c| c.id.clone()).collect();
            return self.fail_unknown_catalogue(catalogue, known);
        };
        // On the statement's own workbook catalogue, the new statement fills that workbook too.
        let (source, path) = match &self.doc {
            Some(d) if d.catalogue.id == new_c.id => {
                (d.project.source.clone(), d.source_path.clone())
            }
            _ => (None, None),
        };
        self.carry_into(new_c, source, path, now);
    }

    /// 「ファイルから…」: a catalogue file is loaded and carried to; a workbook is read and
    /// shown in the import preview, and carried to once the user accepts it.
    pub(crate) fn carry_from_file(&mut self, path: PathBuf, now: f64) {
        self.view.carry_to = None;
        if io::is_workbook(&path) {
            self.carry_pending = Some(path.clone());
            self.import(path, None);
            return;
        }
        match io::load_catalogue(&path) {
            Ok(c) => {
                self.settings.used_folder_of(&path);
                match self.catalogues.iter_mut().find(|x| x.id == c.id) {
                    Some(same) => *same = c.clone(),
                    None => self.catalogues.push(c.clone()),
                }
                self.carry_into(c, None, None, now);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// The import preview of a workbook chosen as the new checklist was accepted: carry the
    /// open statement onto it. Returns the imported parts back when no carry was waiting.
    pub(crate) fn carry_into_imported(
        &mut self,
        path: &PathBuf,
        catalogue: Catalogue,
        source: Option<WorkbookSource>,
        now: f64,
    ) -> Option<(Catalogue, Option<WorkbookSource>)> {
        let pending = self.carry_pending.take();
        if pending.as_ref() != Some(path) || self.doc.is_none() {
            return Some((catalogue, source));
        }
        self.carry_into(catalogue, source, Some(path.clone()), now);
        None
    }

    fn carry_into(
        &mut self,
        new_c: Catalogue,
        source: Option<WorkbookSource>,
        source_path: Option<PathBuf>,
        now: f64,
    ) {
        let Some(d) = &self.doc else { return };
        let header = Header {
            created: self.clock.today_japanese(),
            ..d.project.header.clone()
        };
        let (old_c, old_p, revision) = (d.catalogue.clone(), d.project.clone(), d.revision());
        // A shipped catalogue is found by its id; any other travels inside the statement.
        let shipped = crate::assets::shipped_catalogues()
            .is_ok_and(|all| all.iter().any(|c| c.id == new_c.id && *c == new_c));
        let file = source_path.clone().unwrap_or_default();
        self.tasks.spawn(TaskKind::Carry, file, move |_| {
            let (project, report) = carry(CarryInput {
                old_c: &old_c,
                old_p: &old_p,
                new_c: &new_c,
                new_source: source.as_ref(),
                header,
                embed: !shipped,
            });
            log::info!(
                "carried {} onto {}: {} items",
                old_c.id,
                new_c.id,
                report.items.len()
            );
            Outcome::Carried {
                revision,
                asked: now,
                result: Box::new(Carried {
                    project,
                    catalogue: new_c,
                    report,
                    source_path,
                }),
            }
        });
    }

    /// A carry-forward finished: the new statement replaces the one it came from, unless that
    /// one was edited or replaced meanwhile (then nothing is lost, and the user is told).
    pub(crate) fn carried(&mut self, revision: u64, done: Carried, now: f64) {
        if self.doc.as_ref().map(|d| d.revision()) != Some(revision) {
            let msg = self.loc.t("err-carry-stale");
            self.fail(msg);
            return;
        }
        let Carried {
            project,
            catalogue,
            report,
            source_path,
        } = done;
        let mut doc = Doc::new(project, catalogue, None).unsaved();
        doc.source_path = source_path;
        doc.pending_autosave = Some(now);
        self.clear_recovery();
        // The new statement is the vendor's own draft: editable, on its question view.
        self.view.import_approval.clear();
        self.view.review_mode = false;
        self.view.grid = None;
        self.doc = Some(doc);
        self.carry_report = Some(report);
    }

    /// Shows the carry report of the open statement again (it is rebuilt from what the
    /// statement records).
    pub(crate) fn show_carry_report(&mut self) {
        if let Some(d) = &self.doc {
            self.carry_report = Some(CarryReport::of(&d.catalogue, &d.project));
        }
    }

    /// Keeps the shown carry report the open statement's: rebuilt when the statement changed
    /// (an answer taken from another candidate, undo), gone when another statement is open.
    pub fn refresh_carry_report(&mut self) {
        if self.carry_report.is_none() {
            return;
        }
        match self
            .doc
            .as_ref()
            .filter(|d| d.project.carried_from.is_some())
        {
            None => self.carry_report = None,
            Some(d) if d.revision() != self.carry_report_at => {
                self.carry_report_at = d.revision();
                self.carry_report = Some(CarryReport::of(&d.catalogue, &d.project));
            }
            Some(_) => {}
        }
    }

    /// The key of 「確認」: confirms the current question's carried answer and moves to the next
    /// answer still to re-check.
    pub(crate) fn confirm_carried_and_next(&mut self, now: f64) {
        let Some(question) = self
            .doc
            .as_ref()
            .and_then(|d| d.selected.clone())
            .filter(|q| self.needs_recheck(q))
        else {
            return;
        };
        self.edit(
            Edit::ConfirmCarried {
                question: question.clone(),
            },
            now,
        );
        self.seal_edits();
        if self.needs_recheck(&question) {
            // Refused (presenting, reviewing): said, and the selection stays.
            return;
        }
        let next = self.doc.as_ref().and_then(|d| {
            let ids: Vec<&str> = d.catalogue.questions().map(|q| q.id.as_str()).collect();
            let at = d
                .selected
                .as_deref()
                .and_then(|s| ids.iter().position(|i| *i == s))
                .unwrap_or(0);
            ids.iter()
                .skip(at + 1)
                .chain(ids.iter().take(at))
                .find(|q| d.project.answer(q).is_some_and(|a| a.recheck))
                .map(|q| q.to_string())
        });
        if let Some(q) = next {
            self.with_doc(|d| d.select(q));
        }
    }

    /// Whether a question's carried answer is still to be re-checked.
    pub fn needs_recheck(&self, question: &str) -> bool {
        self.doc
            .as_ref()
            .and_then(|d| d.project.answer(question))
            .is_some_and(|a| a.recheck)
    }

    /// Confirms, as one undo step, every answer still to re-check that was carried for the
    /// reason `key` (同じ設問, 対応表…).
    pub(crate) fn confirm_reason(&mut self, key: &str, now: f64) {
        let Some(d) = &self.doc else { return };
        let questions: Vec<String> = d
            .project
            .answers
            .iter()
            .filter(|(_, a)| {
                a.recheck
                    && a.carried
                        .as_deref()
                        .and_then(|c| c.chosen())
                        .is_some_and(|c| c.reason.key() == key)
            })
            .map(|(q, _)| q.clone())
            .collect();
        if questions.is_empty() {
            return;
        }
        self.edit(Edit::ConfirmAllCarried { questions }, now);
        self.seal_edits();
        if self.carry_report.is_some() {
            self.show_carry_report();
        }
    }

    /// The list of what changed since the earlier statement, made again when the statement
    /// has changed since.
    pub fn refresh_changes(&mut self) {
        let Some(d) = &self.doc else {
            self.changes = None;
            return;
        };
        let revision = d.revision();
        if self.changes.as_ref().is_some_and(|(r, _)| *r == revision) {
            return;
        }
        self.changes =
            crate::domain::changes::changes(&d.catalogue, &d.project).map(|c| (revision, c));
    }

    /// Writes 「前回からの変更点」 in the background.
    pub(crate) fn export_changes(&mut self, path: PathBuf, format: ExportFormat) {
        if self.refuse_own_file(&path) {
            return;
        }
        self.refresh_changes();
        let Some((_, list)) = self.changes.clone() else {
            return;
        };
        let wording = crate::app::changes::changes_wording(&self.loc);
        let now = self.clock.now();
        let file = path.clone();
        self.tasks
            .spawn(TaskKind::Export, path, move |_| Outcome::Exported {
                result: export_changes(&file, &list, &wording, format, &now),
                path: file,
            });
    }
}
