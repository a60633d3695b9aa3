//! Training commands: presentation mode (one question at a time, large and read-only), the
//! zoom level, and the exercise copy and check (see [`super::exercise`]).

use super::command::Command;
use super::state::AppState;
use super::view::Presentation;

impl AppState {
    /// Routes the training commands (presentation, zoom, exercises).
    pub(super) fn run_training(&mut self, cmd: Command, now: f64) {
        match cmd {
            Command::TogglePresentation => self.toggle_presentation(),
            Command::PresentationBlank => {
                if let Some(p) = &mut self.view.presentation {
                    p.blank ^= true;
                }
            }
            Command::PresentationGuide => {
                if let Some(p) = &mut self.view.presentation {
                    p.guide ^= true;
                    p.blank = false;
                }
            }
            Command::ToggleHideVendor => self.settings.hide_vendor ^= true,
            Command::ZoomIn => self.settings.zoom = self.settings.zoom.step(true),
            Command::ZoomOut => self.settings.zoom = self.settings.zoom.step(false),
            Command::ZoomReset => self.settings.zoom = super::settings::Zoom::default(),
            Command::MakeExercise(path) => self.make_exercise(path, now),
            Command::CheckExercise(path) => self.check_exercise(path),
            Command::ExportExercisePdf(path) => self.export_exercise_pdf(path),
            Command::CloseExercise => self.exercise = None,
            other => self.run_hospital(other),
        }
    }

    /// Presentation mode on (with a statement open, from its current question — the first
    /// when none is chosen) or off.
    fn toggle_presentation(&mut self) {
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
    pub(super) fn step(&mut self, delta: isize) {
        if let Some(p) = &mut self.view.presentation
            && p.blank
        {
            p.blank = false;
            return;
        }
        self.with_doc(|d| d.step(delta));
    }

    /// Whether presentation mode is on.
    pub fn presenting(&self) -> bool {
        self.view.presentation.is_some() && self.doc.is_some()
    }
}
