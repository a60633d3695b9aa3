//! "The file was changed elsewhere": 上書き保存する / 比較する (a statement) or 読み直す (a profile or
//! the register) / 保存をやめる, shown when a save finds that another window or program changed
//! the file since this window read it.

use std::path::PathBuf;

use eframe::egui;

use crate::app::Command;
use crate::app::document::DocKind;
use crate::i18n::Localizer;

pub fn disk_conflict_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (conflict, received): (Option<&(DocKind, PathBuf)>, bool),
    out: &mut Vec<Command>,
) {
    let Some((kind, file)) = conflict else { return };
    egui::Modal::new(egui::Id::unique("disk-conflict")).show(ui.ctx(), |ui| {
        ui.set_max_width(520.0);
        ui.heading(l.t("disk-conflict-title"));
        ui.label(l.ta(
            "disk-conflict-body",
            &[("file", file.display().to_string().into())],
        ));
        let middle = match kind {
            // A received statement's file is its review: read again, not compared.
            DocKind::Statement if !received => ("disk-conflict-compare", Command::CompareWithDisk),
            DocKind::Statement
            | DocKind::Profile
            | DocKind::Register
            | DocKind::Dossier
            | DocKind::Library => ("disk-conflict-reload", Command::ReloadFromDisk),
        };
        ui.horizontal(|ui| {
            for (id, cmd) in [
                ("disk-conflict-overwrite", Command::OverwriteOnDisk),
                middle,
                ("disk-conflict-keep", Command::KeepDiskVersion),
            ] {
                if ui.button(l.t(id)).clicked() {
                    out.push(cmd);
                }
            }
        });
    });
}
