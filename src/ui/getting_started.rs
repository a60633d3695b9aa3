//! ヘルプ → はじめに: a short guide for a first-time user — where a statement starts, how a
//! question is answered, saving, exporting (also into the official workbook), what a
//! hospital reviewer does and how a trainer runs a session — in the user's language (the words are in locales/).

use eframe::egui;

use crate::app::Command;
use crate::i18n::Localizer;

/// The guide's steps, each a heading and its text (message ids).
const STEPS: [(&str, &str); 7] = [
    ("intro-start-title", "intro-start"),
    ("intro-answer-title", "intro-answer"),
    ("intro-save-title", "intro-save"),
    ("intro-export-title", "intro-export"),
    ("intro-hospital-title", "intro-hospital"),
    ("intro-training-title", "intro-training"),
    ("intro-texts-title", "intro-texts"),
];

pub fn getting_started_ui(ui: &mut egui::Ui, l: &Localizer, show: bool, out: &mut Vec<Command>) {
    if !show {
        return;
    }
    let mut open = true;
    egui::Window::new(l.t("intro-title"))
        .id(egui::Id::unique("getting-started"))
        .open(&mut open)
        .collapsible(false)
        .default_size([620.0, 520.0])
        .show(ui.ctx(), |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (i, (title, text)) in STEPS.iter().enumerate() {
                    ui.strong(format!("{}. {}", i + 1, l.t(title)));
                    ui.add(egui::Label::new(l.t(text)).wrap());
                    ui.add_space(6.0);
                }
            });
        });
    if !open {
        out.push(Command::CloseGuide);
    }
}
