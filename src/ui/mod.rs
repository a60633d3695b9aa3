//! The panels and dialogs of the app, one file each. Each `*_ui` function draws and sends
//! [`crate::app::state::Command`]s; none changes the document directly.

pub mod about;
pub mod carry;
pub mod compare;
pub mod dialogs;
pub mod fonts;
pub mod guide;
pub mod header;
pub mod import;
pub mod menu;
pub mod navigator;
pub mod question;
pub mod review;
pub mod start;
pub mod status;
pub mod validation;

use eframe::egui;

use crate::app::KaijishoApp;
use crate::domain::answer::AnswerValue;

/// Light or dark visuals.
pub fn theme(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
}

/// The colour of an answer's status mark.
pub fn value_color(v: AnswerValue, dark: bool) -> egui::Color32 {
    use egui::Color32;
    match (v, dark) {
        (AnswerValue::Yes | AnswerValue::Applies, false) => Color32::from_rgb(0x1b, 0x7a, 0x3a),
        (AnswerValue::Yes | AnswerValue::Applies, true) => Color32::from_rgb(0x6f, 0xd0, 0x8c),
        (AnswerValue::No, false) => Color32::from_rgb(0xb0, 0x2a, 0x2a),
        (AnswerValue::No, true) => Color32::from_rgb(0xff, 0x8a, 0x80),
        (AnswerValue::NotApplicable | AnswerValue::DoesNotApply, _) => Color32::GRAY,
        (AnswerValue::Unanswered, false) => Color32::from_rgb(0xb3, 0x6b, 0x00),
        (AnswerValue::Unanswered, true) => Color32::from_rgb(0xff, 0xc0, 0x4d),
    }
}

/// The whole window.
pub fn root_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    menu::menu_ui(app, ui);
    if app.state.doc.is_some() {
        status::status_ui(app, ui);
        header::header_ui(app, ui);
        if app.ui.show_validation {
            validation::validation_ui(app, ui);
        }
        if app.ui.review_mode {
            review::review_summary_ui(app, ui);
        }
        navigator::navigator_ui(app, ui);
        guide::guide_ui(app, ui);
        egui::CentralPanel::default().show(ui, |ui| question::question_ui(app, ui));
    } else {
        status::status_ui(app, ui);
        egui::CentralPanel::default().show(ui, |ui| start::start_ui(app, ui));
    }
    dialogs::dialogs_ui(app, ui);
    import::import_ui(app, ui);
    compare::compare_ui(app, ui);
    carry::carry_ui(app, ui);
    about::about_ui(app, ui);
}
