//! Training commands: presentation mode (one question at a time, large and read-only), the
//! zoom level, and the exercise copy and check (see [`crate::app::exercise`]).

use crate::app::exercise_class::spread;
use crate::app::state::AppState;
use crate::app::view::{ClassSlide, Presentation};

/// The most questions 「間違いの多い設問を提示」 shows.
pub const MISSED_SLIDES: usize = 10;

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

    /// Home / End: the first or last slide (and the screen shown).
    pub(crate) fn presentation_end(&mut self, last: bool) {
        let Some(p) = &mut self.view.presentation else {
            return;
        };
        p.blank = false;
        let target = if p.class {
            let slides = &self.view.class_slides;
            let s = if last { slides.last() } else { slides.first() };
            s.map(|s| s.question.clone())
        } else {
            self.doc.as_ref().and_then(|d| {
                let mut qs = d.catalogue.questions();
                let q = if last { qs.last() } else { qs.next() };
                q.map(|q| q.id.clone())
            })
        };
        if let (Some(id), Some(d)) = (target, &mut self.doc) {
            d.select(id);
        }
    }

    /// 間違いの多い設問を提示: presentation mode over the questions the class missed most (at
    /// most [`MISSED_SLIDES`]), most first, each with how the class answered. The window's
    /// statement is the model or a copy of the same catalogue, so the questions are its own.
    pub(crate) fn present_missed(&mut self) {
        let (Some(view), Some(d)) = (&self.exercise, &mut self.doc) else {
            return;
        };
        let class = &view.run.class;
        let of = class.participants.len();
        let slides: Vec<ClassSlide> = class
            .most_missed(MISSED_SLIDES)
            .into_iter()
            .filter(|q| d.catalogue.question(&q.model.question_id).is_some())
            .map(|q| ClassSlide {
                question: q.model.question_id.clone(),
                spread: spread(q),
                missed: q.missed(),
                of,
            })
            .collect();
        let Some(first) = slides.first() else {
            let msg = self.loc.t("exercise-nothing-missed");
            self.say(msg);
            return;
        };
        d.select(first.question.clone());
        self.view.class_slides = slides;
        self.view.presentation = Some(Presentation {
            class: true,
            ..Presentation::default()
        });
    }

    /// Presentation mode on (with a statement open, from its current question — the first
    /// when none is chosen) or off.
    pub(crate) fn toggle_presentation(&mut self) {
        if self.view.presentation.take().is_some() {
            self.view.class_slides.clear();
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
        if self.view.presentation.is_some_and(|p| p.class) {
            // The class's most missed questions, in their order.
            let ids: Vec<String> = self
                .view
                .class_slides
                .iter()
                .map(|s| s.question.clone())
                .collect();
            self.with_doc(|d| {
                let at = d
                    .selected
                    .as_ref()
                    .and_then(|s| ids.iter().position(|i| i == s));
                let next = at
                    .and_then(|i| i.checked_add_signed(delta))
                    .and_then(|i| ids.get(i));
                if let Some(id) = next {
                    d.select(id.clone());
                }
            });
        } else if self.view.presentation.is_some() {
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
