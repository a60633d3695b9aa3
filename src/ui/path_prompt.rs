//! The path prompt: an in-app path field (which works where no native dialog exists) with the
//! native file dialog behind a "Browse…" button.

use std::path::PathBuf;

use eframe::egui;

use crate::app::view::PathPrompt;
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

fn native_dialog(purpose: Purpose) -> Option<PathBuf> {
    let d = rfd::FileDialog::new();
    match purpose {
        Purpose::Open => d.add_filter("kaijisho", &["json", "xlsx"]).pick_file(),
        Purpose::Import => d.add_filter("Excel", &["xlsx"]).pick_file(),
        Purpose::SaveAs => d.add_filter("JSON", &["json"]).save_file(),
        Purpose::ExportPdf => d.add_filter("PDF", &["pdf"]).save_file(),
        Purpose::ExportXlsx => d.add_filter("Excel", &["xlsx"]).save_file(),
        Purpose::ExerciseCopy => d.add_filter("JSON", &["json"]).save_file(),
        Purpose::CheckExercise => d.add_filter("kaijisho", &["json", "xlsx"]).pick_file(),
        Purpose::ExercisePdf
        | Purpose::ExportComparisonPdf
        | Purpose::ExportCheckPdf
        | Purpose::ExportRegisterPdf => d.add_filter("PDF", &["pdf"]).save_file(),
        Purpose::ExportComparisonXlsx | Purpose::ExportCheckXlsx | Purpose::ExportRegisterXlsx => {
            d.add_filter("Excel", &["xlsx"]).save_file()
        }
        Purpose::CheckProfile | Purpose::OpenProfile => d.add_filter("JSON", &["json"]).pick_file(),
        Purpose::SaveProfile => d.add_filter("JSON", &["json"]).save_file(),
        Purpose::RegisterFolder => d.pick_folder(),
    }
}

pub fn path_prompt_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    prompt: Option<&mut PathPrompt>,
    out: &mut Vec<Command>,
) {
    let Some(prompt) = prompt else { return };
    egui::Modal::new(egui::Id::unique("path-prompt")).show(ui.ctx(), |ui| {
        ui.heading(l.t(prompt.purpose.title_id()));
        let label = ui.label(l.t("dialog-path"));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                .labelled_by(label.id);
            if ui.button(l.t("dialog-browse")).clicked()
                && let Some(p) = native_dialog(prompt.purpose)
            {
                prompt.text = p.display().to_string();
            }
        });
        ui.horizontal(|ui| {
            let ok = egui::Button::new(l.t("dialog-ok"));
            if ui.add_enabled(!prompt.text.trim().is_empty(), ok).clicked() {
                out.push(Command::PromptDone(PathBuf::from(prompt.text.trim())));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::CancelPrompt);
            }
        });
    });
}
