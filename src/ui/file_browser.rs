//! Our own small file browser inside the path prompt, for systems without a native file
//! dialog: the folder, a button to its parent, its sub-folders and matching files, and the
//! file name. For a window's list several files are chosen: Ctrl-click adds or takes away one,
//! Shift-click a range, 「すべて選択」 all; OK adds them all. Listing, filtering, sorting and
//! choosing are the app's (`crate::app::browser`).

use eframe::egui;

use crate::app::Command;
use crate::app::view::PathPrompt;
use crate::i18n::Localizer;

/// The most height the list of folders and files takes before it scrolls.
const LIST_HEIGHT: f32 = 240.0;

pub fn file_browser_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    prompt: &mut PathPrompt,
    out: &mut Vec<Command>,
) {
    let Some(b) = &prompt.browser else { return };
    let folder = b.folder.clone();
    let mut typed: Option<String> = None;
    let mut name = b.name.clone();
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let up = folder.parent().map(std::path::Path::to_path_buf);
            if ui
                .add_enabled(up.is_some(), egui::Button::new(l.t("browser-up")))
                .clicked()
            {
                out.push(Command::Browse(up));
            }
            ui.label(l.ta(
                "browser-folder",
                &[("folder", folder.display().to_string().into())],
            ));
        });
        if let Some(e) = &b.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        egui::ScrollArea::vertical()
            .max_height(LIST_HEIGHT)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if b.entries.is_empty() && b.error.is_none() {
                    ui.weak(l.t("browser-empty"));
                }
                for e in &b.entries {
                    // Folders end in "/", as in a path.
                    let (shown, selected) = if e.is_dir {
                        (format!("{}/", e.name), false)
                    } else {
                        (e.name.clone(), b.selected.contains(&e.name))
                    };
                    let resp = ui.selectable_label(selected, shown);
                    // Read by screen readers (and tests) as the plain name.
                    let label = e.name.clone();
                    resp.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
                    });
                    if resp.clicked() {
                        if e.is_dir {
                            out.push(Command::Browse(Some(folder.join(&e.name))));
                        } else {
                            let mods = click_modifiers(ui);
                            out.push(Command::BrowserClick {
                                name: e.name.clone(),
                                toggle: mods.command,
                                range: mods.shift,
                            });
                        }
                    }
                }
            });
        if b.multi {
            ui.horizontal_wrapped(|ui| {
                if ui.button(l.t("browser-select-all")).clicked() {
                    out.push(Command::BrowserSelectAll);
                }
                if b.selected.len() > 1 {
                    ui.strong(l.ta("browser-chosen", &[("count", b.selected.len().into())]));
                } else {
                    ui.weak(l.t("browser-multi-hint"));
                }
            });
        }
        ui.horizontal(|ui| {
            let label = ui.label(l.t("browser-name"));
            let resp = ui
                .add(egui::TextEdit::singleline(&mut name).desired_width(360.0))
                .labelled_by(label.id);
            if resp.changed() {
                typed = Some(name.clone());
            }
        });
    });
    if let Some(n) = typed {
        prompt.set_browser_name(n);
    }
}

/// The modifiers held when the pointer was released this frame (Ctrl-click, Shift-click), else
/// those held now.
fn click_modifiers(ui: &egui::Ui) -> egui::Modifiers {
    ui.input(|i| {
        i.events
            .iter()
            .rev()
            .find_map(|e| match e {
                egui::Event::PointerButton {
                    pressed: false,
                    modifiers,
                    ..
                } => Some(*modifiers),
                _ => None,
            })
            .unwrap_or(i.modifiers)
    })
}
