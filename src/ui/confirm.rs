//! "Save the unsaved changes to …?" — 保存 / 保存しない / キャンセル, naming the document (the
//! statement, the acceptance profile or the register) and its file. What each does is the
//! app's decision (`crate::app::dialogs`).

use eframe::egui;

use crate::app::document::Pending;
use crate::app::{AppState, Choice, Command};

pub fn confirm_ui(ui: &mut egui::Ui, s: &AppState, out: &mut Vec<Command>) {
    let Some(Pending { kind, .. }) = &s.view.confirm else {
        return;
    };
    let l = &s.loc;
    egui::Modal::new(egui::Id::unique("confirm")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(l.t("confirm-title"));
        ui.label(l.ta("confirm-body", &[("doc", l.t(kind.name_id()).into())]));
        if let Some(file) = s.document(*kind).and_then(|d| d.path()) {
            ui.weak(l.ta(
                "confirm-file",
                &[("file", file.display().to_string().into())],
            ));
        }
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
