//! "Save the unsaved changes?" — 保存 / 保存しない / キャンセル. What each does is the app's
//! decision (`crate::app::dialogs`).

use eframe::egui;

use crate::app::{Choice, Command};
use crate::i18n::Localizer;

pub fn confirm_ui(ui: &mut egui::Ui, l: &Localizer, open: bool, out: &mut Vec<Command>) {
    if !open {
        return;
    }
    egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.heading(l.t("confirm-title"));
        ui.label(l.t("confirm-body"));
        ui.horizontal(|ui| {
            for (id, choice) in [
                ("confirm-save", Choice::Save),
                ("confirm-discard", Choice::Discard),
                ("dialog-cancel", Choice::Cancel),
            ] {
                if ui.button(l.t(id)).clicked() {
                    out.push(Command::Confirm(choice));
                }
            }
        });
    });
}
