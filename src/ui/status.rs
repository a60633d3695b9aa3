//! The status bar: the file, saved or not, progress, running background work, and the last
//! message.

use eframe::egui;

use crate::app::AppState;
use crate::domain::summary::{tallies, unit_counts};

pub fn status_ui(ui: &mut egui::Ui, s: &AppState) {
    let l = &s.loc;
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(d) = &s.doc {
                let file = match &d.path {
                    Some(p) => p.display().to_string(),
                    None => l.t("status-no-file"),
                };
                ui.label(file);
                // A file never saved is not 「保存済み」: only its changes are spoken of.
                if d.modified() || d.path.is_some() {
                    ui.separator();
                    ui.label(if d.modified() {
                        l.t("status-unsaved")
                    } else {
                        l.t("status-clean")
                    });
                }
                ui.separator();
                let (all, _) = tallies(&d.catalogue, &d.project);
                // Says what it counts: questions, or questions and option rows.
                let (plain, rows) = unit_counts(&d.catalogue);
                let id = if rows == 0 {
                    "status-progress"
                } else {
                    "status-progress-options"
                };
                ui.label(l.ta(
                    id,
                    &[
                        ("answered", all.answered().into()),
                        ("total", all.total().into()),
                        ("plain", plain.into()),
                        ("options", rows.into()),
                    ],
                ));
                if d.project.illustrative {
                    ui.separator();
                    ui.colored_label(
                        if ui.visuals().dark_mode {
                            egui::Color32::from_rgb(0x8c, 0xb4, 0xff)
                        } else {
                            egui::Color32::from_rgb(0x2a, 0x61, 0x9e)
                        },
                        l.t("status-illustrative"),
                    );
                }
            }
            for t in s.tasks.running() {
                ui.separator();
                ui.spinner();
                let (done, total) = t.progress.get();
                ui.label(l.ta(
                    t.kind.message_id(),
                    &[
                        ("file", t.file.display().to_string().into()),
                        ("done", done.into()),
                        ("total", total.into()),
                    ],
                ));
            }
            if let Some(st) = &s.status {
                ui.separator();
                if st.error {
                    ui.colored_label(ui.visuals().error_fg_color, &st.text);
                } else {
                    ui.label(&st.text);
                }
            }
        });
    });
}
