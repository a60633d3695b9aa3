//! The menu bar: ファイル / 編集 / 表示.

use eframe::egui;

use crate::app::state::Command;
use crate::app::{KaijishoApp, Purpose};
use crate::i18n::Lang;
use crate::ui::dialogs;

pub fn menu_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            let l = &app.state.loc;
            let has_doc = app.state.doc.is_some();
            let (m_file, m_edit, m_view) = (l.t("menu-file"), l.t("menu-edit"), l.t("menu-view"));
            let t = |id: &str| app.state.loc.t(id);
            let labels = [
                t("menu-new"),
                t("menu-open"),
                t("menu-save"),
                t("menu-save-as"),
                t("menu-import"),
                t("menu-export-xlsx"),
                t("menu-export-pdf"),
                t("menu-close"),
                t("menu-undo"),
                t("menu-redo"),
                t("menu-validation"),
                t("menu-language"),
                t("menu-lang-auto"),
                t("menu-dark"),
                t("menu-compare"),
                t("menu-carry"),
                t("menu-review"),
                t("menu-help"),
                t("menu-about"),
            ];
            let can_undo = app.state.doc.as_ref().is_some_and(|d| d.can_undo());
            let can_redo = app.state.doc.as_ref().is_some_and(|d| d.can_redo());
            ui.menu_button(m_file, |ui| {
                if ui.button(&labels[0]).clicked() {
                    app.send(Command::Close);
                }
                if ui.button(&labels[1]).clicked() {
                    app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::Open));
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[2]))
                    .clicked()
                {
                    dialogs::save(app);
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[3]))
                    .clicked()
                {
                    app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::SaveAs));
                }
                ui.separator();
                if ui.button(&labels[4]).clicked() {
                    app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::Import));
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[5]))
                    .clicked()
                {
                    app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::ExportXlsx));
                }
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[6]))
                    .clicked()
                {
                    app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::ExportPdf));
                }
                ui.separator();
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[7]))
                    .clicked()
                {
                    app.send(Command::Close);
                }
            });
            ui.menu_button(m_edit, |ui| {
                if ui
                    .add_enabled(can_undo, egui::Button::new(&labels[8]))
                    .clicked()
                {
                    app.send(Command::Undo);
                }
                if ui
                    .add_enabled(can_redo, egui::Button::new(&labels[9]))
                    .clicked()
                {
                    app.send(Command::Redo);
                }
            });
            ui.menu_button(m_view, |ui| {
                if ui
                    .add_enabled(has_doc, egui::Button::new(&labels[10]))
                    .clicked()
                {
                    app.ui.show_validation = !app.ui.show_validation;
                }
                ui.checkbox(&mut app.ui.review_mode, &labels[16]);
                ui.separator();
                ui.label(&labels[11]);
                let current = app.state.settings.lang;
                if ui.radio(current.is_none(), &labels[12]).clicked() {
                    app.send(Command::SetLang(None));
                }
                if ui.radio(current == Some(Lang::Ja), "日本語").clicked() {
                    app.send(Command::SetLang(Some(Lang::Ja)));
                }
                if ui.radio(current == Some(Lang::En), "English").clicked() {
                    app.send(Command::SetLang(Some(Lang::En)));
                }
                ui.separator();
                let mut dark = app.state.settings.dark;
                if ui.checkbox(&mut dark, &labels[13]).changed() {
                    app.state.settings.dark = dark;
                    crate::ui::theme(ui.ctx(), dark);
                }
            });
            ui.menu_button(&labels[17], |ui| {
                if ui.button(&labels[18]).clicked() {
                    app.ui.show_about = true;
                }
            });
        });
    });
}
