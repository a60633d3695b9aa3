//! The validation panel: every finding; a click jumps to its question.

use eframe::egui;

use crate::app::{Command, Doc};
use crate::domain::validation::Severity;
use crate::i18n::{Localize, Localizer};

pub fn validation_ui(ui: &mut egui::Ui, doc: &Doc, l: &Localizer, cmds: &mut Vec<Command>) {
    egui::Panel::bottom("validation")
        .resizable(true)
        .default_size(160.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.strong(l.t("validation-title"));
                if ui.button(l.t("validation-close")).clicked() {
                    cmds.push(Command::ToggleValidation);
                }
            });
            if doc.findings.is_empty() && doc.header_findings.is_empty() {
                ui.label(l.t("validation-none"));
            }
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for f in &doc.header_findings {
                        let text = format!(
                            "{}  {}",
                            l.severity(Severity::Error),
                            l.header_finding(f, doc.catalogue.kind)
                        );
                        ui.colored_label(ui.visuals().error_fg_color, text);
                    }
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
}
