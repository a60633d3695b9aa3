//! The menu bar, drawn from the app's menu table (`crate::app::menu`): labels, shortcuts shown
//! the platform's way, enabled and ticked states, and the command each entry sends.

use eframe::egui;

use crate::app::menu::{Menu, entries};
use crate::app::{AppState, Command};

pub fn menu_ui(ui: &mut egui::Ui, s: &AppState, out: &mut Vec<Command>) {
    let table = entries();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::ALL {
                ui.menu_button(s.loc.t(menu.message_id()), |ui| {
                    for e in table.iter().filter(|e| e.menu == menu) {
                        if e.group_start {
                            ui.separator();
                        }
                        if let Some(caption) = e.caption {
                            ui.weak(caption(s));
                        }
                        let label = s.loc.t(e.id);
                        let enabled = (e.enabled)(s);
                        let clicked = match e.checked {
                            Some(checked) if e.radio => ui
                                .add_enabled(enabled, egui::RadioButton::new(checked(s), label))
                                .clicked(),
                            Some(checked) => {
                                let mut on = checked(s);
                                // A ticked entry shows its shortcut too, after the label.
                                ui.horizontal(|ui| {
                                    let clicked = ui
                                        .add_enabled(enabled, egui::Checkbox::new(&mut on, label))
                                        .clicked();
                                    if let Some(sc) = e.shortcut {
                                        ui.weak(crate::ui::app::shortcut_text(ui.ctx(), sc));
                                    }
                                    clicked
                                })
                                .inner
                            }
                            None => {
                                let mut button = egui::Button::new(label);
                                if let Some(sc) = e.shortcut {
                                    button = button
                                        .shortcut_text(crate::ui::app::shortcut_text(ui.ctx(), sc));
                                }
                                ui.add_enabled(enabled, button).clicked()
                            }
                        };
                        if clicked {
                            out.push((e.command)(s));
                            ui.close();
                        }
                    }
                });
            }
        });
    });
}
