//! The recovery offer after a crash: restore the unsaved work, or discard it.

use eframe::egui;

use crate::app::Command;
use crate::app::recovery::Found;
use crate::i18n::Localizer;

pub fn recovery_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    recovery: Option<&Found>,
    no_document: bool,
    out: &mut Vec<Command>,
) {
    let Some(found) = recovery else {
        return;
    };
    if !no_document {
        return;
    }
    // Which statement, written when, and where the copy is.
    let statement = match &found.recovery.path {
        Some(p) => p.display().to_string(),
        None => l.t("recovery-new-statement"),
    };
    egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
        ui.heading(l.t("recovery-title"));
        ui.label(l.t("recovery-body"));
        ui.label(l.ta(
            "recovery-what",
            &[
                ("statement", statement.into()),
                ("time", found.saved.clone().into()),
            ],
        ));
        ui.weak(l.ta(
            "recovery-file",
            &[("file", found.file.display().to_string().into())],
        ));
        ui.horizontal(|ui| {
            if ui.button(l.t("recovery-restore")).clicked() {
                out.push(Command::RecoverAccept);
            }
            if ui.button(l.t("recovery-discard")).clicked() {
                out.push(Command::RecoverDiscard);
            }
        });
    });
}
