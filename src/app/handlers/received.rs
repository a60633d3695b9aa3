//! Received statements (the hospital side): a statement the user did not write opens for
//! review, read-only, and its file is never written — the review is kept in a review file
//! beside it (`<file>.review.json`), or wherever the reviewer saves it. The rule (also in
//! docs/FORMATS.md): a statement opens for review when it is opened with 確認用に開く…, from the
//! register or the check window, when its folder is a register folder, when a review file lies
//! beside it, when a review file itself is opened, or when it holds a review already.
//! 「事業者として編集する」 makes it the user's own again, once confirmed.

use std::path::{Path, PathBuf};

use crate::app::doc::{ReadReview, ReceivedRead};
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::domain::catalogue::Catalogue;
use crate::domain::project::Project;
use crate::i18n::Localize;
use crate::io::{self, hospital};

impl AppState {
    /// Whether a statement file opened with 開く is one the user received (see the module).
    pub(crate) fn is_received(&self, path: &Path) -> bool {
        let folder = path.parent();
        hospital::is_review_file(path)
            || folder.is_some_and(hospital::is_register_folder)
            || folder.is_some_and(|f| {
                f.join(crate::domain::dossier::DOSSIER_FILE).is_file()
            })
            // A copy kept as received by the dossier.
            || path.ancestors().any(|a| {
                a.file_name()
                    .is_some_and(|n| n == crate::domain::dossier::RECEIVED_FOLDER)
            })
            || hospital::review_path(path).is_file()
            || self.settings.received.iter().any(|r| r == path)
    }

    /// Opens a received statement (or the statement a review file names) for review. A review
    /// file that cannot be read is said and nothing opens: it is never written over unread.
    pub(crate) fn open_received(&mut self, path: PathBuf) {
        let path = std::path::absolute(&path).unwrap_or(path);
        let (statement, review_path, review) = match read_review_for(&path) {
            Ok(found) => found,
            Err(e) => {
                let msg = e.localize(&self.loc);
                return self.fail(msg);
            }
        };
        if io::is_workbook(&statement) {
            // Read in the background, with the layout detected (no 取り込む, nothing unsaved).
            self.carry_pending = None;
            self.import_generation += 1;
            let generation = self.import_generation;
            let shipped = self.catalogues.clone();
            let file = statement.clone();
            self.tasks.spawn(TaskKind::Import, statement, move |_| {
                let vocab = crate::assets::import_vocabulary();
                let result = io::open_statement(&file, &shipped, vocab);
                Outcome::OpenedReceived {
                    generation,
                    read: Box::new(ReceivedRead {
                        statement: file,
                        review_path,
                        review,
                        result,
                    }),
                }
            });
            return;
        }
        match io::json::open_project_digest(&statement, &self.catalogues) {
            Ok((p, c, digest)) => {
                self.open_received_doc(p, c, (statement, review_path, review));
                if let Some(d) = &mut self.doc {
                    d.on_disk = Some(digest);
                }
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// A received workbook has been read in the background.
    pub(crate) fn finish_received(&mut self, generation: u64, read: ReceivedRead) {
        if generation != self.import_generation {
            log::info!("an earlier read of {} finished", read.statement.display());
            return;
        }
        // The statement open was let go (or unmodified) when this was asked for; an edit made
        // while the workbook was read is not thrown away.
        if let Some(d) = &self.doc
            && d.modified()
            && !self
                .view
                .import_approval
                .contains(&(crate::app::document::DocKind::Statement, d.revision()))
        {
            let msg = self.loc.ta(
                "received-not-opened",
                &[("file", read.statement.display().to_string().into())],
            );
            return self.fail(msg);
        }
        self.view.import_approval.clear();
        match read.result {
            Ok((p, c)) => {
                self.open_received_doc(p, c, (read.statement, read.review_path, read.review))
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    fn open_received_doc(
        &mut self,
        project: Project,
        catalogue: Catalogue,
        (statement, review_path, review): (PathBuf, PathBuf, ReadReview),
    ) {
        self.open_doc(project, catalogue, Some(statement.clone()));
        // Opened again (recent files, a drop, 開く), it is still a received statement.
        self.settings.remember_received(&statement);
        let Some(d) = self.doc.take() else { return };
        let d = d.received(review_path.clone(), review);
        let other_version = d.received.as_ref().is_some_and(|r| r.other_version);
        self.doc = Some(d);
        self.view.review_mode = true;
        self.view.grid = None;
        let args = [
            ("file", statement.display().to_string().into()),
            ("review", review_path.display().to_string().into()),
        ];
        if other_version {
            let msg = self.loc.ta("received-other-version", &args);
            self.fail(msg);
        } else {
            let msg = self.loc.ta("status-opened-received", &args);
            self.say(msg);
        }
    }

    /// 表示 → 確認モード: a received statement leaves review mode only through
    /// 「事業者として編集する」 (asked first).
    pub(crate) fn toggle_review_mode(&mut self) {
        if self.view.review_mode && self.doc.as_ref().is_some_and(|d| d.received.is_some()) {
            self.view.confirm_vendor_edit = true;
            return;
        }
        self.view.review_mode ^= true;
    }

    /// 「事業者として編集する」: `None` asks, `Some(true)` makes the received statement the user's
    /// own (saving then writes its file — a workbook is saved as a new project file), `Some(false)`
    /// leaves it as it was.
    pub(crate) fn edit_as_vendor(&mut self, confirmed: Option<bool>) {
        match confirmed {
            None => {
                self.view.confirm_vendor_edit =
                    self.doc.as_ref().is_some_and(|d| d.received.is_some());
            }
            Some(false) => self.view.confirm_vendor_edit = false,
            Some(true) => {
                self.view.confirm_vendor_edit = false;
                let Some(d) = &mut self.doc else { return };
                if d.received.take().is_none() {
                    return;
                }
                if let Some(p) = &d.path {
                    self.settings.received.retain(|r| r != p);
                }
                if d.path.as_deref().is_some_and(io::is_workbook) {
                    // A workbook is never written as a project: saved where the user says.
                    d.source_path = d.path.take();
                    d.on_disk = None;
                    d.mark_unsaved();
                } else {
                    // The statement's own file is what saving writes now (its review included).
                    d.mark_unsaved();
                }
                self.view.review_mode = false;
                let msg = self.loc.t("status-edit-as-vendor");
                self.say(msg);
            }
        }
    }
}

/// The statement to open, where its review is kept and the review read from there (if any):
/// for a review file, the statement it names; for a statement, the review file beside it.
fn read_review_for(path: &Path) -> Result<(PathBuf, PathBuf, ReadReview), io::FileError> {
    if hospital::is_review_file(path) {
        let (review, digest) = hospital::load_review_digest(path)?;
        let statement = hospital::reviewed_statement(path, &review);
        return Ok((statement, path.to_path_buf(), Some((review, digest))));
    }
    let review_path = hospital::review_path(path);
    let review = if review_path.is_file() {
        Some(hospital::load_review_digest(&review_path)?)
    } else {
        None
    };
    Ok((path.to_path_buf(), review_path, review))
}
