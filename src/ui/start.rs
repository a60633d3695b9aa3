//! The start screen: new project (catalogue + header), open, recent files, sample, import.

use eframe::egui;

use crate::app::state::Command;
use crate::app::{KaijishoApp, Purpose};
use crate::domain::project::HeaderField;
use crate::ui::dialogs;

pub fn start_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        let l = &app.state.loc;
        ui.heading(l.t("app-name"));
        ui.label(l.t("start-intro"));
        ui.add_space(12.0);
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            let l = &app.state.loc;
            ui.heading(l.t("start-new"));
            ui.label(l.t("start-catalogue"));
            for c in &app.state.catalogues {
                let text = format!(
                    "{} ({} Ver.{} / {} {}問)",
                    c.title,
                    c.kind,
                    c.form_version,
                    l.t(&format!("provenance-{}", c.provenance.kind.key())),
                    c.question_count()
                );
                ui.radio_value(&mut app.ui.new_form.catalogue, c.id.clone(), text);
            }
            ui.add_space(6.0);
            egui::Grid::new("new-header").num_columns(2).show(ui, |ui| {
                for field in HeaderField::ALL {
                    let label = ui.label(l.t(&format!("header-{}", field.key())));
                    let mut value = app.ui.new_form.header.get(field).to_string();
                    if ui
                        .add(egui::TextEdit::singleline(&mut value).desired_width(260.0))
                        .labelled_by(label.id)
                        .changed()
                    {
                        app.ui.new_form.header.set(field, value);
                    }
                    ui.end_row();
                }
            });
            if ui.button(l.t("start-create")).clicked() {
                app.pending_new();
            }
            let ui = &mut cols[1];
            let l = &app.state.loc;
            ui.heading(l.t("start-open-heading"));
            if ui.button(l.t("menu-open")).clicked() {
                app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::Open));
            }
            let l = &app.state.loc;
            if ui.button(l.t("menu-import")).clicked() {
                app.ui.path_prompt = Some(dialogs::prompt_for(app, Purpose::Import));
            }
            let l = &app.state.loc;
            if ui.button(l.t("start-sample")).clicked() {
                app.send(Command::OpenSample("sds-remote-service-sample".into()));
            }
            ui.add_space(8.0);
            let l = &app.state.loc;
            ui.label(l.t("start-recent"));
            let recent = app.state.settings.recent.clone();
            if recent.is_empty() {
                ui.weak(l.t("start-no-recent"));
            }
            for p in recent {
                if ui.link(p.display().to_string()).clicked() {
                    app.send(Command::Open(p));
                }
            }
        });
    });
}

impl KaijishoApp {
    fn pending_new(&mut self) {
        let form = self.ui.new_form.clone();
        self.send(Command::NewProject {
            catalogue: form.catalogue,
            header: form.header,
        });
    }
}
