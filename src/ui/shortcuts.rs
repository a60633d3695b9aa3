//! ヘルプ → キー操作一覧: every key the app binds, from the menu table and `app::keys`, shown
//! the platform's way (Ctrl on Linux and Windows, ⌘ on macOS).

use eframe::egui;

use crate::app::Command;
use crate::app::keys::key_list;
use crate::i18n::Localizer;

pub fn shortcuts_ui(ui: &mut egui::Ui, l: &Localizer, show: bool, out: &mut Vec<Command>) {
    if !show {
        return;
    }
    let mut open = true;
    egui::Window::new(l.t("keys-title"))
        .id(egui::Id::unique("shortcuts"))
        .open(&mut open)
        .collapsible(false)
        .default_size([520.0, 520.0])
        .show(ui.ctx(), |ui| {
            ui.label(l.t("keys-intro"));
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("shortcut-list")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for line in key_list() {
                            let keys: Vec<String> = line
                                .keys
                                .iter()
                                .map(|s| crate::ui::app::shortcut_text(ui.ctx(), *s))
                                .collect();
                            ui.label(keys.join(" / "));
                            ui.label(l.t(line.id).trim_end_matches('…').to_string());
                            ui.end_row();
                        }
                    });
            });
        });
    if !open {
        out.push(Command::CloseShortcuts);
    }
}
