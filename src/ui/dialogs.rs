//! Dialogs: the path prompt (with the native file dialog behind a "Browse…" button, and an
//! in-app path field that works where no native dialog exists), "discard unsaved changes?", and
//! the recovery offer after a crash.

use std::path::PathBuf;

use eframe::egui;

use crate::app::state::Command;
use crate::app::{KaijishoApp, PathPrompt, Purpose};

/// A prompt for `purpose`, pre-filled from the current file.
pub fn prompt_for(app: &KaijishoApp, purpose: Purpose) -> PathPrompt {
    let current = app.state.doc.as_ref().and_then(|d| d.path.clone());
    let text = match (purpose, current) {
        (Purpose::SaveAs, Some(p)) => p.display().to_string(),
        (Purpose::ExportPdf, Some(p)) => p.with_extension("pdf").display().to_string(),
        (Purpose::ExportXlsx, Some(p)) => p.with_extension("xlsx").display().to_string(),
        _ => String::new(),
    };
    PathPrompt { purpose, text }
}

/// Save: to the current file, or ask where.
pub fn save(app: &mut KaijishoApp) {
    let has_path = app.state.doc.as_ref().is_some_and(|d| d.path.is_some());
    if has_path {
        app.send(Command::Save);
    } else {
        app.ui.path_prompt = Some(prompt_for(app, Purpose::SaveAs));
    }
}

fn native_dialog(purpose: Purpose) -> Option<PathBuf> {
    let d = rfd::FileDialog::new();
    match purpose {
        Purpose::Open => d.add_filter("kaijisho", &["json", "xlsx"]).pick_file(),
        Purpose::Import => d.add_filter("Excel", &["xlsx"]).pick_file(),
        Purpose::SaveAs => d.add_filter("JSON", &["json"]).save_file(),
        Purpose::ExportPdf => d.add_filter("PDF", &["pdf"]).save_file(),
        Purpose::ExportXlsx => d.add_filter("Excel", &["xlsx"]).save_file(),
    }
}

fn command_for(purpose: Purpose, path: PathBuf) -> Command {
    match purpose {
        Purpose::Open => Command::Open(path),
        Purpose::Import => Command::Import(path),
        Purpose::SaveAs => Command::SaveAs(path),
        Purpose::ExportPdf => Command::ExportPdf(path),
        Purpose::ExportXlsx => Command::ExportXlsx(path),
    }
}

pub fn dialogs_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    if let Some(mut prompt) = app.ui.path_prompt.take() {
        let l = &app.state.loc;
        let title = l.t(match prompt.purpose {
            Purpose::Open => "menu-open",
            Purpose::Import => "menu-import",
            Purpose::SaveAs => "menu-save-as",
            Purpose::ExportPdf => "menu-export-pdf",
            Purpose::ExportXlsx => "menu-export-xlsx",
        });
        let (ok, cancel, browse, path_label) = (
            l.t("dialog-ok"),
            l.t("dialog-cancel"),
            l.t("dialog-browse"),
            l.t("dialog-path"),
        );
        let mut done: Option<bool> = None;
        egui::Modal::new(egui::Id::unique("path-prompt")).show(&ctx, |ui| {
            ui.heading(&title);
            let label = ui.label(&path_label);
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut prompt.text).desired_width(420.0))
                    .labelled_by(label.id);
                if ui.button(&browse).clicked()
                    && let Some(p) = native_dialog(prompt.purpose)
                {
                    prompt.text = p.display().to_string();
                }
            });
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!prompt.text.trim().is_empty(), egui::Button::new(&ok))
                    .clicked()
                {
                    done = Some(true);
                }
                if ui.button(&cancel).clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => {
                let path = PathBuf::from(prompt.text.trim());
                app.send(command_for(prompt.purpose, path));
            }
            Some(false) => {}
            None => app.ui.path_prompt = Some(prompt),
        }
    }

    if let Some(pending) = app.ui.confirm.clone() {
        let l = &app.state.loc;
        let (title, body, save_l, discard, cancel) = (
            l.t("confirm-title"),
            l.t("confirm-body"),
            l.t("confirm-save"),
            l.t("confirm-discard"),
            l.t("dialog-cancel"),
        );
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("confirm")).show(&ctx, |ui| {
            ui.heading(&title);
            ui.label(&body);
            ui.horizontal(|ui| {
                if ui.button(&save_l).clicked() {
                    choice = Some(0);
                }
                if ui.button(&discard).clicked() {
                    choice = Some(1);
                }
                if ui.button(&cancel).clicked() {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                app.ui.confirm = None;
                let has_path = app.state.doc.as_ref().is_some_and(|d| d.path.is_some());
                if has_path {
                    // Save, then carry on; if the save fails the document stays dirty and the
                    // question comes back.
                    app.send(Command::Save);
                    app.send(pending);
                } else {
                    app.ui.closing = false;
                    save(app);
                }
            }
            Some(1) => {
                app.ui.confirm = None;
                if let Some(d) = &mut app.state.doc {
                    d.dirty = false;
                }
                let closing = app.ui.closing;
                app.send(pending);
                if closing {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Some(_) => {
                app.ui.confirm = None;
                app.ui.closing = false;
            }
            None => {}
        }
    }

    if app.state.recovery.is_some() && app.state.doc.is_none() {
        let l = &app.state.loc;
        let (title, body, restore, discard) = (
            l.t("recovery-title"),
            l.t("recovery-body"),
            l.t("recovery-restore"),
            l.t("recovery-discard"),
        );
        egui::Modal::new(egui::Id::unique("recovery")).show(&ctx, |ui| {
            ui.heading(&title);
            ui.label(&body);
            ui.horizontal(|ui| {
                if ui.button(&restore).clicked() {
                    app.send(Command::RecoverAccept);
                }
                if ui.button(&discard).clicked() {
                    app.send(Command::RecoverDiscard);
                }
            });
        });
    }
}
