//! The path prompt: an in-app path field pre-filled with a suggested file, the native file
//! dialog behind "Browse…", and our own file browser where no native dialog exists.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::app::view::PathPrompt;
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

/// A native dialog that comes back empty sooner than this was never shown (no portal and no
/// helper program): a person takes longer to cancel one.
const NATIVE_MISSING_WITHIN: Duration = Duration::from_millis(700);

/// The native dialog, starting at the typed path's folder with its file name.
fn native_dialog(purpose: Purpose, typed: &str) -> Option<PathBuf> {
    let typed = Path::new(typed.trim());
    let mut d = rfd::FileDialog::new().add_filter("kaijisho", purpose.extensions());
    if let Some(dir) = typed.parent().filter(|p| p.is_dir()) {
        d = d.set_directory(dir);
    }
    if purpose.picks_folder() {
        d.pick_folder()
    } else if purpose.writes() {
        if let Some(name) = typed.file_name() {
            d = d.set_file_name(name.to_string_lossy());
        }
        d.save_file()
    } else {
        d.pick_file()
    }
}

pub fn path_prompt_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    prompt: Option<&mut PathPrompt>,
    native_missing: bool,
    out: &mut Vec<Command>,
) {
    let Some(prompt) = prompt else { return };
    egui::Modal::new(egui::Id::unique("path-prompt")).show(ui.ctx(), |ui| {
        ui.heading(l.t(prompt.purpose.title_id()));
        if let Some(about) = prompt.purpose.about_id() {
            ui.label(l.t(about));
        }
        let label = ui.label(l.t(if prompt.purpose.picks_folder() {
            "dialog-folder-path"
        } else {
            "dialog-path"
        }));
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::singleline(&mut prompt.text)
                .desired_width(520.0)
                .show(ui);
            let field = edit.response.response.clone().labelled_by(label.id);
            // The suggested path is selected: typing replaces it.
            if field.gained_focus() {
                let mut state = edit.state;
                let all = egui::text::CCursorRange::select_all_str(&prompt.text);
                state.cursor.set_char_range(Some(all));
                state.store(ui.ctx(), field.id);
            }
            if ui.button(l.t("dialog-browse")).clicked() {
                browse_clicked(prompt, native_missing, out);
            }
        });
        if prompt.browser.is_some() {
            crate::ui::file_browser::file_browser_ui(ui, l, prompt, out);
        }
        ui.horizontal(|ui| {
            let ok = egui::Button::new(l.t("dialog-ok"));
            if ui.add_enabled(!prompt.text.trim().is_empty(), ok).clicked() {
                out.push(Command::PromptDone(PathBuf::from(prompt.text.trim())));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::CancelPrompt);
            }
        });
    });
}

/// 参照…: the native dialog, or ours where there is none (or it came back at once, unshown).
fn browse_clicked(prompt: &mut PathPrompt, native_missing: bool, out: &mut Vec<Command>) {
    if native_missing {
        out.push(Command::Browse(None));
        return;
    }
    let asked = Instant::now();
    match native_dialog(prompt.purpose, &prompt.text) {
        Some(p) => prompt.text = p.display().to_string(),
        None if asked.elapsed() < NATIVE_MISSING_WITHIN => out.push(Command::NativeDialogMissing),
        None => {}
    }
}

/// "Export instead?" after a Save As named a workbook or PDF: a statement is saved as JSON.
pub fn export_offer_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    offer: Option<&(PathBuf, crate::app::documents::ExportFormat)>,
    out: &mut Vec<Command>,
) {
    let Some((path, format)) = offer else { return };
    let action = match format {
        crate::app::documents::ExportFormat::Xlsx => "menu-export-xlsx",
        crate::app::documents::ExportFormat::Pdf => "menu-export-pdf",
    };
    egui::Modal::new(egui::Id::unique("export-offer")).show(ui.ctx(), |ui| {
        ui.heading(l.t("export-offer-title"));
        let file = path.display().to_string();
        ui.label(l.ta("export-offer-body", &[("file", file.into())]));
        ui.horizontal(|ui| {
            if ui.button(l.t(action).trim_end_matches('…')).clicked() {
                out.push(Command::ExportOffer(true));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::ExportOffer(false));
            }
        });
    });
}

/// "Export with errors?" before a statement with errors is exported; the tick box (kept by
/// the dialog itself) stops the question for this statement.
pub fn export_warning_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    asked: Option<&(crate::app::command::Purpose, PathBuf, usize)>,
    out: &mut Vec<Command>,
) {
    let Some((_, path, errors)) = asked else {
        return;
    };
    egui::Modal::new(egui::Id::unique("export-warning")).show(ui.ctx(), |ui| {
        let quiet_id = ui.scope_id().with("export_warning_quiet");
        let mut quiet = ui.data(|d| d.get_temp::<bool>(quiet_id)).unwrap_or(false);
        ui.heading(l.t("export-warning-title"));
        let file = path.display().to_string();
        ui.label(l.ta(
            "export-warning-body",
            &[("file", file.into()), ("errors", (*errors).into())],
        ));
        if ui
            .checkbox(&mut quiet, l.t("export-warning-quiet"))
            .changed()
        {
            ui.data_mut(|d| d.insert_temp(quiet_id, quiet));
        }
        ui.horizontal(|ui| {
            if ui.button(l.t("export-warning-accept")).clicked() {
                out.push(Command::ExportWarning {
                    accept: true,
                    quiet,
                });
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::ExportWarning {
                    accept: false,
                    quiet: false,
                });
            }
        });
    });
}

/// "Replace it?" after a prompt named a file to write that already exists.
pub fn replace_existing_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    asked: Option<&(crate::app::command::Purpose, PathBuf)>,
    out: &mut Vec<Command>,
) {
    let Some((_, path)) = asked else { return };
    egui::Modal::new(egui::Id::unique("replace-existing")).show(ui.ctx(), |ui| {
        let file = path.display().to_string();
        ui.heading(l.t("replace-existing-title"));
        ui.label(l.ta("replace-existing-body", &[("file", file.into())]));
        ui.horizontal(|ui| {
            if ui.button(l.t("replace-existing-accept")).clicked() {
                out.push(Command::ReplaceExisting(true));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::ReplaceExisting(false));
            }
        });
    });
}

/// "Read it again?" after an export into the original was refused because the workbook
/// changed since it was imported.
pub fn reimport_offer_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    offer: Option<&PathBuf>,
    out: &mut Vec<Command>,
) {
    let Some(path) = offer else { return };
    egui::Modal::new(egui::Id::unique("reimport-offer")).show(ui.ctx(), |ui| {
        ui.heading(l.t("reimport-title"));
        let file = path.display().to_string();
        ui.label(l.ta("reimport-body", &[("file", file.into())]));
        ui.horizontal(|ui| {
            if ui.button(l.t("reimport-accept")).clicked() {
                out.push(Command::ReimportOffer(true));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::ReimportOffer(false));
            }
        });
    });
}
