//! Carrying answers forward: pick the catalogue of the new statement, then read the report
//! (moved, changed, new, without counterpart). Carried answers are marked until confirmed.

use eframe::egui;

use crate::app::KaijishoApp;
use crate::app::state::Command;
use crate::domain::carry::CarryItem;
use crate::i18n::Localize;

pub fn carry_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    let ctx = ui.ctx().clone();
    let mut cmds = Vec::new();
    if let Some(mut target) = app.ui.carry_to.take() {
        let l = &app.state.loc;
        let mut done = None;
        egui::Modal::new(egui::Id::unique("carry-pick")).show(&ctx, |ui| {
            ui.heading(l.t("carry-title"));
            ui.label(l.t("carry-pick"));
            for c in &app.state.catalogues {
                ui.radio_value(
                    &mut target,
                    c.id.clone(),
                    format!("{} ({} Ver.{})", c.title, c.kind, c.form_version),
                );
            }
            ui.horizontal(|ui| {
                if ui.button(l.t("carry-start")).clicked() {
                    done = Some(true);
                }
                if ui.button(l.t("dialog-cancel")).clicked() {
                    done = Some(false);
                }
            });
        });
        match done {
            Some(true) => cmds.push(Command::CarryForward(target)),
            Some(false) => {}
            None => app.ui.carry_to = Some(target),
        }
    }
    if let Some(report) = app.state.carry_report.clone() {
        let l = &app.state.loc;
        let mut open = true;
        egui::Window::new(l.t("carry-report"))
            .id(egui::Id::unique("carry-report"))
            .open(&mut open)
            .default_size([520.0, 400.0])
            .show(&ctx, |ui| {
                ui.label(report.localize(l));
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for item in &report.items {
                        let text = item.localize(l);
                        let number = match item {
                            CarryItem::Moved { number, .. }
                            | CarryItem::Changed { number, .. }
                            | CarryItem::Unmatched { number } => number.clone(),
                            CarryItem::Dropped { .. } => String::new(),
                        };
                        if number.is_empty() {
                            ui.label(text);
                        } else if ui.link(text).clicked()
                            && let Some(d) = &app.state.doc
                            && let Some(q) = d.catalogue.find_by_number(&number)
                        {
                            cmds.push(Command::Select(q.id.clone()));
                        }
                    }
                });
            });
        if !open {
            app.state.carry_report = None;
        }
    }
    for c in cmds {
        app.send(c);
    }
}
