//! "Export into the imported workbook": a statement that came from someone else's workbook is
//! written into a copy of that workbook (`io::xlsx::export_into`). The app asks where the
//! original is when it does not know (its recorded name is the guess), then where to write the
//! copy; the work runs in the background, and values the workbook has no cell for are said.

use std::path::PathBuf;

use crate::app::command::Purpose;
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::{OfferKind, ReplaceOffer};
use crate::i18n::Localize;
use crate::io;
use crate::io::xlsx::{Consent, FillReport};

/// At most this many unwritten values (or PDF notes) are named in the status line (all are
/// logged).
const NAMED_UNWRITTEN: usize = 3;

impl AppState {
    /// Whether the open statement came from a workbook it can be written back into.
    pub fn can_export_into(&self) -> bool {
        self.doc
            .as_ref()
            .is_some_and(|d| d.project.source.is_some())
    }

    /// The menu entry: where to write the copy when the original's place is known, else
    /// where the original is first; for a statement that came from no workbook, why not.
    pub(crate) fn start_export_into(&mut self) {
        let Some(d) = &self.doc else { return };
        if d.project.source.is_none() {
            let msg = io::xlsx::XlsxError::NotFromWorkbook.localize(&self.loc);
            self.fail(msg);
            return;
        }
        let known = d.source_path.as_ref().is_some_and(|p| p.is_file());
        self.ask(if known {
            Purpose::ExportInto
        } else {
            Purpose::LocateOriginal
        });
    }

    /// The user showed where the original is: remembered, then where to write the copy.
    pub(crate) fn located_original(&mut self, path: PathBuf) {
        if let Some(d) = &mut self.doc {
            d.source_path = Some(path);
        }
        self.ask(Purpose::ExportInto);
    }

    /// Writes the filled copy in the background (cells the import could not read are not
    /// replaced: when the statement answers them, the user is asked first).
    pub(crate) fn export_into(&mut self, out: PathBuf) {
        self.export_into_with(out, Consent::default());
    }

    /// Writes the filled copy with what the user agreed to.
    fn export_into_with(&mut self, out: PathBuf, consent: Consent) {
        if self.refuse_own_file(&out) {
            return;
        }
        let Some(d) = &self.doc else { return };
        let Some(original) = d.source_path.clone() else {
            self.ask(Purpose::LocateOriginal);
            return;
        };
        let (c, p) = (d.catalogue.clone(), d.project.clone());
        let file = out.clone();
        self.tasks.spawn(TaskKind::Export, out, move |_| {
            let vocab = crate::assets::import_vocabulary();
            let result = io::xlsx::export_into(&file, &original, (&c, &p), vocab, consent);
            Outcome::ExportedInto {
                path: file,
                original,
                consent,
                result,
            }
        });
    }

    /// The export failed: said; when the original changed since the import, reading it again
    /// is offered; when it would replace cells the import could not read, the user is asked.
    pub(crate) fn export_into_failed(
        &mut self,
        (out, original): (PathBuf, PathBuf),
        consent: Consent,
        e: &io::FileError,
    ) {
        use io::xlsx::XlsxError as X;
        let asked = match e {
            io::FileError::Workbook(X::WouldReplace { cells, .. }) => Some((
                OfferKind::Unread,
                cells.iter().map(|c| c.localize(&self.loc)).collect(),
                Consent {
                    replace_unread: true,
                    ..consent
                },
            )),
            io::FileError::Workbook(X::ProtectedCells { cells, .. }) => Some((
                OfferKind::Protected,
                cells.clone(),
                Consent {
                    write_protected: true,
                    ..consent
                },
            )),
            _ => None,
        };
        if let Some((kind, cells, granted)) = asked {
            log::info!(
                "{}: asking before {} cells are written ({kind:?})",
                out.display(),
                cells.len()
            );
            self.view.replace_offer = Some(ReplaceOffer {
                out,
                kind,
                cells,
                granted,
            });
            return;
        }
        let msg = e.localize(&self.loc);
        self.fail(msg);
        if matches!(
            e,
            io::FileError::Workbook(io::xlsx::XlsxError::SourceChanged { .. })
        ) {
            self.view.reimport_offer = Some(original);
        }
    }

    /// The answer to "replace the cells that were not read?": export again, replacing them.
    pub(crate) fn replace_offer_done(&mut self, accept: bool) {
        if let Some(offer) = self.view.replace_offer.take()
            && accept
        {
            self.export_into_with(offer.out, offer.granted);
        }
    }

    /// The answer to "read the changed workbook again?".
    pub(crate) fn reimport_offer_done(&mut self, accept: bool) {
        if let Some(original) = self.view.reimport_offer.take()
            && accept
        {
            self.carry_pending = None;
            self.import(original, None);
        }
    }

    /// The copy is written: said, with what could not be written into it (the cells replaced
    /// with the user's consent are logged).
    pub(crate) fn exported_into(&mut self, path: PathBuf, report: &FillReport) {
        for r in &report.replaced {
            log::info!("{}: {}", path.display(), r.localize(&self.loc));
        }
        for cell in &report.locked {
            log::info!("{}: written into the locked cell {cell}", path.display());
        }
        let lines: Vec<String> = report
            .unwritten
            .iter()
            .map(|u| u.localize(&self.loc))
            .collect();
        self.written_with(&path, "export-into-unwritten", &lines);
    }

    /// An export is written: said, with what a PDF could not show as asked.
    pub(crate) fn exported(&mut self, path: &std::path::Path, notes: &[io::pdf::PdfNote]) {
        let lines: Vec<String> = notes.iter().map(|n| n.localize(&self.loc)).collect();
        self.written_with(path, "export-pdf-notes", &lines);
    }

    /// "Written", or — when something did not make it into the file as it stood — the message
    /// `id` naming the first few of `lines` (every one logged), shown as an error.
    fn written_with(&mut self, path: &std::path::Path, id: &str, lines: &[String]) {
        self.settings.used_folder_of(path);
        let file = path.display().to_string();
        if lines.is_empty() {
            self.say_file("written", path);
            return;
        }
        for line in lines {
            log::warn!("{file}: {line}");
        }
        let named: Vec<&str> = lines
            .iter()
            .take(NAMED_UNWRITTEN)
            .map(String::as_str)
            .collect();
        let msg = self.loc.ta(
            id,
            &[
                ("file", file.into()),
                ("count", lines.len().into()),
                ("first", named.join(" / ").into()),
            ],
        );
        self.fail(msg);
    }
}
