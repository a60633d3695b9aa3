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
        if let Some(d) = &mut self.doc {
            d.seal();
        }
        if let Some(e) = &mut self.hospital.profile_editor {
            e.seal();
        }
        if let Some(r) = &mut self.hospital.register {
            r.seal();
        }
    }

    /// The document undo (`true`) or redo would change: the one last edited that has a step
    /// to take, else the statement.
    pub fn undo_target(&self, undo: bool) -> Option<DocKind> {
        let can = |k: DocKind| match k {
            DocKind::Statement => self
                .doc
                .as_ref()
                .is_some_and(|d| if undo { d.can_undo() } else { d.can_redo() }),
            DocKind::Profile => self
                .hospital
                .profile_editor
                .as_ref()
                .is_some_and(|e| if undo { e.can_undo() } else { e.can_redo() }),
            DocKind::Register => self
                .hospital
                .register
                .as_ref()
                .is_some_and(|r| if undo { r.can_undo() } else { r.can_redo() }),
        };
        self.recent_edits
            .iter()
            .rev()
            .copied()
            .chain([DocKind::Statement])
            .find(|k| can(*k))
    }

    /// Undo (`true`) or redo, in the document last edited.
    pub(crate) fn undo_redo(&mut self, undo: bool, now: f64) {
        let done = match self.undo_target(undo) {
            None => return,
            Some(DocKind::Statement) => return self.undo_redo_statement(undo, now),
            Some(DocKind::Profile) => self
                .hospital
                .profile_editor
                .as_mut()
                .is_some_and(|e| if undo { e.undo() } else { e.redo() }),
            Some(DocKind::Register) => self
                .hospital
                .register
                .as_mut()
                .is_some_and(|r| if undo { r.undo() } else { r.redo() }),
        };
        if done {
            self.status = None;
        }
    }

    /// Undo (`true`) or redo. In review mode a step that changed the vendor's data is neither
    /// taken back nor put back: the statement stays as the vendor sent it.
    fn undo_redo_statement(&mut self, undo: bool, now: f64) {
        let Some(d) = &mut self.doc else { return };
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
            return;
        }
        if undo {
            d.undo(now);
        } else {
            d.redo(now);
        }
        self.status = None;
    }
}
