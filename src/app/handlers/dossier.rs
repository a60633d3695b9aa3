//! The inspection dossier's commands: open it for a register folder (read in the background),
//! edit its risk notes, export it.

use std::path::{Path, PathBuf};

use crate::app::command::Purpose;
use crate::app::compare::{PreparedExport, write_prepared};
use crate::app::document::DocKind;
use crate::app::documents::ExportFormat;
use crate::app::dossier::{ProfileChoice, dossier_tables, head_lines, read_dossier, running_head};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::domain::dossier_edit::DossierEdit;
use crate::i18n::Localize;

impl AppState {
    /// ファイル → 立入検査パック…: the dossier of the register folder open, else of the open
    /// statement's folder; asks for a folder when there is neither. An open dossier stays.
    pub(crate) fn show_dossier(&mut self) {
        if self.hospital.dossier.is_some() {
            return;
        }
        let folder = self
            .hospital
            .register
            .as_ref()
            .map(|r| r.folder.clone())
            .or_else(|| {
                self.doc
                    .as_ref()
                    .and_then(|d| d.path.as_deref())
                    .and_then(Path::parent)
                    .filter(|p| crate::io::hospital::is_register_folder(p))
                    .map(Path::to_path_buf)
            });
        match folder {
            Some(folder) => self.open_dossier(folder),
            None => self.ask(Purpose::DossierFolder),
        }
    }

    /// Reads a register folder's dossier in the background (the verdicts against the
    /// register's profile, else the shipped default).
    pub(crate) fn open_dossier(&mut self, folder: PathBuf) {
        let profile = match crate::assets::default_profile() {
            Ok(p) => p,
            Err(e) => {
                let msg = e.localize(&self.loc);
                return self.fail(msg);
            }
        };
        self.hospital.dossier = None;
        let shipped = self.catalogues.clone();
        self.hospital.dossier_generation += 1;
        let generation = self.hospital.dossier_generation;
        let dir = folder.clone();
        let today = self.clock.today();
        let trust = self.settings.trust_sources();
        self.tasks
            .spawn(TaskKind::Dossier, folder, move |progress| {
                let result = read_dossier(
                    &dir,
                    ProfileChoice::Given(profile),
                    (&shipped, &trust),
                    today,
                    progress,
                );
                Outcome::DossierRead {
                    generation,
                    result: result.map(Box::new),
                }
            });
    }

    /// A dossier read in the background has finished (an older request's result is dropped).
    pub(crate) fn dossier_read(
        &mut self,
        generation: u64,
        result: Result<Box<crate::app::dossier::DossierView>, crate::io::FileError>,
    ) {
        if generation != self.hospital.dossier_generation {
            log::info!("an earlier dossier read finished after a newer one");
            return;
        }
        match result {
            Ok(view) => {
                for (file, e) in &view.problems {
                    log::warn!("{file}: {e}");
                }
                self.settings.used_folder_of(&view.folder.join("."));
                self.hospital.dossier = Some(*view);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Changes a risk note (checked first; undoable).
    pub(crate) fn dossier_edit(&mut self, edit: DossierEdit, now: f64) {
        let Some(view) = &mut self.hospital.dossier else {
            return;
        };
        match view.edit(edit, now) {
            Ok(true) => self.edited(DocKind::Dossier),
            Ok(false) => {}
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Writes the dossier as one PDF or a workbook, in the background.
    pub(crate) fn export_dossier(&mut self, path: PathBuf, format: ExportFormat) {
        let Some(view) = &self.hospital.dossier else {
            return;
        };
        let title = self.loc.ta(
            "dossier-title",
            &[("year", view.dossier.fiscal_year.into())],
        );
        let head = running_head(
            &self.loc,
            title,
            (&self.settings.organisation, &self.settings.reviewer),
            &self.clock.now(),
        );
        let tables = dossier_tables(&self.loc, view, head_lines(&self.loc, view, &head));
        let prepared = match format {
            ExportFormat::Xlsx => PreparedExport::Xlsx(tables),
            ExportFormat::Pdf => PreparedExport::PdfTables { tables, head },
        };
        let inputs = self.inputs_of(Purpose::ExportDossierPdf);
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
}
