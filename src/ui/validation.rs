//! The validation panel: every finding; a click jumps to its question.

use eframe::egui;

use crate::app::KaijishoApp;
use crate::app::state::Command;
use crate::domain::validation::Severity;
use crate::i18n::Localize;

pub fn validation_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    let mut cmds = Vec::new();
    egui::Panel::bottom("validation")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            let Some(doc) = &app.state.doc else { return };
            let l = &app.state.loc;
            ui.horizontal(|ui| {
                ui.strong(l.t("validation-title"));
                if ui.button(l.t("validation-close")).clicked() {
                    app.ui.show_validation = false;
                }
            });
            if doc.findings.is_empty() {
                ui.label(l.t("validation-none"));
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for f in &doc.findings {
                        let color = match f.severity {
                            Severity::Error => ui.visuals().error_fg_color,
                            Severity::Warning => ui.visuals().warn_fg_color,
                            Severity::Info => ui.visuals().weak_text_color(),
                        };
                        let text = format!(
                            "{}  {}  {}",
                            l.severity(f.severity),
                            f.number,
                            f.localize(l)
                        );
                        if ui.link(egui::RichText::new(text).color(color)).clicked() {
                            cmds.push(Command::Select(f.question_id.clone()));
                        }
                    }
                });
        });
    for c in cmds {
        app.send(c);
    }
}
