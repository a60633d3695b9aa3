//! Our own small file browser inside the path prompt, for systems without a native file
//! dialog: the folder, a button to its parent, its sub-folders and matching files, and the
//! file name. Listing, filtering and sorting are the app's (`crate::app::browser`).

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
    let mut picked: Option<String> = None;
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
                        (e.name.clone(), e.name == b.name)
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
                            picked = Some(e.name.clone());
                        }
                    }
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label(l.t("browser-name"));
            let resp = ui
                .add(egui::TextEdit::singleline(&mut name).desired_width(360.0))
                .labelled_by(label.id);
            if resp.changed() {
                picked = Some(name.clone());
            }
        });
    });
    if let Some(n) = picked {
        prompt.set_browser_name(n);
    }
}
