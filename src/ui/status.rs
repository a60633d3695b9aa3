//! The status bar: the file, saved or not, progress, and the last message.

use eframe::egui;

use crate::app::KaijishoApp;
use crate::domain::summary::tallies;

pub fn status_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            let l = &app.state.loc;
            if let Some(d) = &app.state.doc {
                let file = match &d.path {
                    Some(p) => p.display().to_string(),
                    None => l.t("status-no-file"),
                };
                ui.label(file);
                ui.separator();
                ui.label(if d.dirty {
                    l.t("status-unsaved")
                } else {
                    l.t("status-clean")
                });
                ui.separator();
                let (all, _) = tallies(&d.catalogue, &d.project);
                ui.label(l.ta(
                    "status-progress",
                    &[
                        ("answered", all.answered().into()),
                        ("total", all.total().into()),
                    ],
                ));
                if d.project.illustrative {
                    ui.separator();
                    ui.colored_label(
                        egui::Color32::from_rgb(0x2a, 0x61, 0x9e),
                        l.t("status-illustrative"),
                    );
                }
            }
            if let Some(s) = &app.state.status {
                ui.separator();
                if s.error {
                    ui.colored_label(ui.visuals().error_fg_color, &s.text);
                } else {
                    ui.label(&s.text);
                }
            }
        });
    });
}
