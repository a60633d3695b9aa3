//! "The file was changed elsewhere": 上書き保存する / 比較する / 保存をやめる, shown when a save finds
//! that another window or program changed the file since this window read it.

use std::path::Path;

use eframe::egui;

use crate::app::Command;
use crate::i18n::Localizer;

pub fn disk_conflict_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    file: Option<&Path>,
    out: &mut Vec<Command>,
) {
    let Some(file) = file else { return };
    egui::Modal::new(egui::Id::unique("disk-conflict")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(l.t("disk-conflict-title"));
        ui.label(l.ta(
            "disk-conflict-body",
            &[("file", file.display().to_string().into())],
        ));
        ui.horizontal(|ui| {
            for (id, cmd) in [
                ("disk-conflict-overwrite", Command::OverwriteOnDisk),
                ("disk-conflict-compare", Command::CompareWithDisk),
                ("disk-conflict-keep", Command::KeepDiskVersion),
            ] {
                if ui.button(l.t(id)).clicked() {
                    out.push(cmd);
                }
            }
        });
    });
}
