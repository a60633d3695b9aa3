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
        if let Err(e) = d.edit(edit, now) {
            let msg = e.localize(&self.loc);
            self.fail(msg);
        }
    }
}
