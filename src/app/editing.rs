//! Changing the statement: every edit is a typed domain edit, applied through the document's
//! undo history. In review mode the vendor's data is read-only, whatever the input.

use crate::domain::edit::Edit;
use crate::i18n::Localize;

use super::state::AppState;

impl AppState {
    pub(super) fn edit(&mut self, edit: Edit, now: f64) {
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
            Ok(true) => self.status = None,
            Ok(false) => {}
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Undo (`true`) or redo. In review mode a step that changed the vendor's data is neither
    /// taken back nor put back: the statement stays as the vendor sent it.
    pub(super) fn undo_redo(&mut self, undo: bool, now: f64) {
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
