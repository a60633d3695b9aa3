//! The register of received statements (ファイル → 受領台帳…): a folder read in the background,
//! one line per statement (or per file that could not be read, with the reason), the hospital's
//! own fields kept in the folder's register file, sorting, filtering and the printable export.

use crate::app::document::DocKind;
use crate::app::documents::ExportFormat;
use crate::app::register::*;
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::domain::register_edit::RegisterEdit;
use crate::i18n::Localize;
use std::path::PathBuf;

impl AppState {
    /// Reads a register folder in the background.
    pub(crate) fn open_register(&mut self, folder: PathBuf) {
        // The register shown was saved or let go (asked before): nothing edited while the
        // folder is read could be kept.
        self.hospital.register = None;
        let shipped = self.catalogues.clone();
        self.hospital.register_generation += 1;
        let generation = self.hospital.register_generation;
        let dir = folder.clone();
        let today = self.clock.today();
        let trust = self.settings.trust_sources();
        self.tasks
            .spawn(TaskKind::Register, folder, move |progress| {
                Outcome::RegisterRead {
                    generation,
                    result: read_folder(&dir, (&shipped, &trust), today, progress).map(Box::new),
                }
            });
    }

    /// Writes the hospital's fields to the folder's register file.
    pub(crate) fn save_register(&mut self, now: f64) {
        self.save_document(DocKind::Register, None, false, now);
    }

    /// Changes the register's settings or a statement's fields (checked first; undoable).
    pub(crate) fn register_edit(&mut self, edit: RegisterEdit, now: f64) {
        let Some(view) = &mut self.hospital.register else {
            return;
        };
        match view.edit(edit, now) {
            Ok(true) => self.edited(DocKind::Register),
            Ok(false) => {}
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Writes the register (the rows shown) as a workbook or PDF, in the background.
    pub(crate) fn export_register(&mut self, path: PathBuf, format: ExportFormat) {
        let Some(view) = &self.hospital.register else {
            return;
        };
        let head = self.report_head(self.loc.t("register-title"));
        let prepared = view.prepare(&self.loc, format, head);
        let inputs = self.inputs_of(crate::app::command::Purpose::ExportRegisterXlsx);
        if self.refuse_inputs(&path, &inputs) {
            return;
        }
        let file = path.clone();
        self.tasks
            .spawn(TaskKind::Export, path, move |_| Outcome::Exported {
                result: crate::app::compare::write_prepared(&prepared, &file),
                path: file,
            });
    }
}
