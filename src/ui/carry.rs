//! Carrying answers forward: pick the catalogue of the new statement, then read the report
//! (moved, changed, new, without counterpart). Carried answers are marked until confirmed.

use eframe::egui;

use crate::app::{Command, Doc};
use crate::domain::carry::{CarryItem, CarryReport};
use crate::domain::catalogue::Catalogue;
use crate::i18n::{Localize, Localizer};

/// The dialog that picks the catalogue of the new statement.
pub fn carry_pick_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    catalogues: &[&Catalogue],
    target: Option<&mut String>,
    out: &mut Vec<Command>,
) {
    let Some(target) = target else { return };
    egui::Modal::new(egui::Id::unique("carry-pick")).show(ui.ctx(), |ui| {
        ui.heading(l.t("carry-title"));
        ui.label(l.t("carry-pick"));
        for c in catalogues {
            ui.radio_value(target, c.id.clone(), l.catalogue_line(c, false));
        }
        ui.horizontal(|ui| {
            if ui.button(l.t("carry-start")).clicked() {
                out.push(Command::CarryForward(target.clone()));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::CancelCarry);
            }
        });
    });
}

/// The report of the last carry-forward; a click on a question opens it.
pub fn carry_report_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    report: Option<&CarryReport>,
    doc: Option<&Doc>,
    out: &mut Vec<Command>,
) {
    let Some(report) = report else { return };
    let mut open = true;
    egui::Window::new(l.t("carry-report"))
        .id(egui::Id::unique("carry-report"))
        .open(&mut open)
        .default_size([520.0, 400.0])
        .show(ui.ctx(), |ui| {
            ui.label(report.localize(l));
            egui::ScrollArea::vertical().show(ui, |ui| {
                for item in &report.items {
                    let text = item.localize(l);
                    let number = match item {
                        CarryItem::Carried { number, .. }
                        | CarryItem::Offered { number, .. }
                        | CarryItem::Unmatched { number } => number.as_str(),
                        CarryItem::Dropped { .. } => "",
                    };
                    if number.is_empty() {
                        ui.label(text);
                    } else if ui.link(text).clicked()
                        && let Some(q) = doc.and_then(|d| d.catalogue.find_by_number(number))
                    {
                        out.push(Command::Select(q.id.clone()));
                    }
                }
            });
        });
    if !open {
        out.push(Command::CloseCarryReport);
    }
}
