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
        let name = s.document(*kind).map_or(kind.name_id(), |d| d.name_id());
        ui.label(l.ta("confirm-body", &[("doc", l.t(name).into())]));
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

/// 「事業者として編集する」 asked: the received statement's file would be written by a save.
pub fn vendor_edit_ui(ui: &mut egui::Ui, s: &AppState, out: &mut Vec<Command>) {
    if !s.view.confirm_vendor_edit {
        return;
    }
    let Some(d) = &s.doc else { return };
    let l = &s.loc;
    let file = d
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    egui::Modal::new(egui::Id::unique("confirm_vendor_edit")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading(l.t("vendor-edit-title"));
        ui.label(l.ta("vendor-edit-body", &[("file", file.into())]));
        ui.horizontal(|ui| {
            if ui.button(l.t("vendor-edit-confirm")).clicked() {
                out.push(Command::EditAsVendor(Some(true)));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::EditAsVendor(Some(false)));
            }
        });
    });
}
