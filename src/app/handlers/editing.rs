//! Changing the statement: every edit is a typed domain edit, applied through the document's
//! undo history. In review mode the vendor's data is read-only, whatever the input.

use crate::domain::edit::Edit;
use crate::i18n::Localize;

use crate::app::document::DocKind;
use crate::app::state::AppState;

impl AppState {
    pub(crate) fn edit(&mut self, edit: Edit, now: f64) {
        // Presenting is read-only: a stray key or click changes nothing.
        if self.view.presentation.is_some() {
            let msg = self.loc.t("presentation-read-only");
            self.fail(msg);
            return;
        }
        if self.view.review_mode && edit.is_vendor_data() {
            let msg = self.loc.t("review-read-only");
            self.fail(msg);
            return;
        }
        let Some(d) = &mut self.doc else { return };
        match d.edit(edit, now) {
            // What the status bar said was about the statement before this edit.
            Ok(true) => {
                self.status = None;
                self.edited(DocKind::Statement);
            }
            Ok(false) => {}
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// A document was changed: Ctrl+Z goes to it next.
    pub(crate) fn edited(&mut self, kind: DocKind) {
        self.recent_edits.retain(|k| *k != kind);
        self.recent_edits.push(kind);
    }

    /// Ends the typing step of every document (a text field lost focus).
    pub(crate) fn seal_edits(&mut self) {
        for kind in DocKind::ALL {
            if let Some(d) = self.document_mut(kind) {
                d.seal();
            }
        }
    }

    /// The document undo (`true`) or redo would change: the one last edited that has a step
    /// to take, else the statement.
    pub fn undo_target(&self, undo: bool) -> Option<DocKind> {
        self.recent_edits
            .iter()
            .rev()
            .copied()
            .chain([DocKind::Statement])
            .find(|k| self.document(*k).is_some_and(|d| d.can_take_step(undo)))
    }

    /// Undo (`true`) or redo, in the document last edited.
    pub(crate) fn undo_redo(&mut self, undo: bool, now: f64) {
        let Some(kind) = self.undo_target(undo) else {
            return;
        };
        let done = match kind {
            DocKind::Statement => self.undo_redo_statement(undo, now),
            DocKind::Profile | DocKind::Register | DocKind::Dossier | DocKind::Library => self
                .document_mut(kind)
                .is_some_and(|d| d.take_step(undo, now)),
        };
        if done {
            self.status = None;
            // Redo after undo goes to the same document.
            self.edited(kind);
        }
    }

    /// Undo (`true`) or redo. In review mode a step that changed the vendor's data is neither
    /// taken back nor put back: the statement stays as the vendor sent it.
    /// Returns whether a step was taken back or put back.
    fn undo_redo_statement(&mut self, undo: bool, now: f64) -> bool {
        let Some(d) = &mut self.doc else {
            return false;
        };
        let next = if undo { d.next_undo() } else { d.next_redo() };
        let blocked = self.view.presentation.is_some() && next.is_some()
            || self.view.review_mode && next.is_some_and(Edit::is_vendor_data);
        if blocked {
            let msg = self.loc.t(if self.view.presentation.is_some() {
                "presentation-read-only"
            } else {
                "review-undo-vendor"
            });
            self.fail(msg);
            return false;
        }
        if undo { d.undo(now) } else { d.redo(now) }
    }
}
