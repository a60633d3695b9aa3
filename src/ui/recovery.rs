//! The recovery offer after a crash: restore the unsaved work, or discard it.

use eframe::egui;

use crate::app::Command;
use crate::app::recovery::Recovery;
use crate::i18n::Localizer;

pub fn recovery_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    recovery: Option<&Recovery>,
    no_document: bool,
    out: &mut Vec<Command>,
) {
    if recovery.is_none() || !no_document {
        return;
    }
    egui::Modal::new(egui::Id::unique("recovery")).show(ui.ctx(), |ui| {
        ui.heading(l.t("recovery-title"));
        ui.label(l.t("recovery-body"));
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
