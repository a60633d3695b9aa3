//! Training commands: presentation mode (one question at a time, large and read-only), the
//! zoom level, and the exercise copy and check (see [`crate::app::exercise`]).

use crate::app::state::AppState;
use crate::app::view::Presentation;

impl AppState {
    /// B in presentation mode: blank the screen, or show it again.
    pub(crate) fn presentation_blank(&mut self) {
        if let Some(p) = &mut self.view.presentation {
            p.blank ^= true;
        }
    }

    /// G in presentation mode: the guideline section and hints, large (and the screen shown).
    pub(crate) fn presentation_guide(&mut self) {
        if let Some(p) = &mut self.view.presentation {
            p.guide ^= true;
            p.blank = false;
        }
    }

    /// Presentation mode on (with a statement open, from its current question — the first
    /// when none is chosen) or off.
    pub(crate) fn toggle_presentation(&mut self) {
        if self.view.presentation.take().is_some() {
            return;
        }
        let Some(d) = &mut self.doc else { return };
        if d.selected_question().is_none() {
            d.selected = d.catalogue.questions().next().map(|q| q.id.clone());
        }
        self.view.presentation = Some(Presentation::default());
    }

    /// The next or previous question; in presentation mode this also lifts a blanked screen.
    pub(crate) fn step(&mut self, delta: isize) {
        if let Some(p) = &mut self.view.presentation
            && p.blank
        {
            p.blank = false;
            return;
        }
        if self.view.presentation.is_some() {
            // The slides go through every question.
            self.with_doc(|d| d.step(delta));
        } else {
            let filters = self.view.filters.clone();
            self.with_doc(|d| d.step_among(delta, &|doc, q| filters.shows(doc, q)));
        }
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.view.presentation.is_some() && self.doc.is_some()
    }
}
