//! Carrying answers forward: pick the new checklist (a catalogue the app has, a workbook read
//! lately, or a file), then read the report — by reason, each reason's answers confirmable at
//! once — and open any question from it. Carried answers are marked until confirmed.

use std::path::PathBuf;

use eframe::egui;

use crate::app::view::CarryTarget;
use crate::app::{Command, Doc, Purpose};
use crate::domain::carry::{CarryItem, CarryReport};
use crate::domain::catalogue::Catalogue;
use crate::domain::edition::Reason;
use crate::i18n::{Localize, Localizer};

/// What the dialog offers: the catalogues the app has and the workbooks read lately.
pub struct CarryChoices<'a> {
    pub catalogues: &'a [&'a Catalogue],
    pub workbooks: &'a [PathBuf],
}

/// The dialog that picks the new checklist of the new statement.
pub fn carry_pick_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    choices: &CarryChoices,
    target: Option<&mut CarryTarget>,
    out: &mut Vec<Command>,
) {
    let Some(target) = target else { return };
    egui::Modal::new(egui::Id::unique("carry_pick")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        ui.heading(l.t("carry-title"));
        ui.label(l.t("carry-pick"));
        ui.add_space(4.0);
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for c in choices.catalogues {
                    ui.radio_value(
                        target,
                        CarryTarget::Catalogue(c.id.clone()),
                        l.catalogue_line(c, false),
                    );
                }
                if !choices.workbooks.is_empty() {
                    ui.add_space(4.0);
                    ui.strong(l.t("carry-recent-workbooks"));
                    for p in choices.workbooks {
                        let name = p
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        ui.radio_value(target, CarryTarget::Workbook(p.clone()), name)
                            .on_hover_text(p.display().to_string());
                    }
                }
            });
        ui.add_space(4.0);
        if ui.button(l.t("carry-from-file")).clicked() {
            out.push(Command::CancelCarry);
            out.push(Command::Ask(Purpose::CarryCatalogue));
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(l.t("carry-start")).clicked() {
                out.push(match target {
                    CarryTarget::Catalogue(id) => Command::CarryForward(id.clone()),
                    CarryTarget::Workbook(p) => Command::CarryFromFile(p.clone()),
                });
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::CancelCarry);
            }
        });
    });
}

/// The reasons answers were carried for, strongest first, with how many were carried for
/// each and how many of those are still to re-check.
fn by_reason(doc: &Doc) -> Vec<(Reason, usize, usize)> {
    let mut out: Vec<(Reason, usize, usize)> = Vec::new();
    for a in doc.project.answers.values() {
        let Some(c) = a.carried.as_deref().and_then(|c| c.chosen()) else {
            continue;
        };
        match out.iter_mut().find(|(r, _, _)| r.key() == c.reason.key()) {
            Some((_, n, open)) => {
                *n += 1;
                *open += usize::from(a.recheck);
            }
            None => out.push((c.reason.clone(), 1, usize::from(a.recheck))),
        }
    }
    out.sort_by_key(|(r, _, _)| r.rank());
    out
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
        .id(egui::Id::unique("carry_report"))
        .open(&mut open)
        .default_size([560.0, 440.0])
        .show(ui.ctx(), |ui| {
            ui.label(report.localize(l));
            if let Some(d) = doc {
                ui.add_space(4.0);
                egui::Grid::new("carry_reasons")
                    .striped(true)
                    .show(ui, |ui| {
                        for (reason, n, left) in by_reason(d) {
                            ui.label(l.reason_kind(reason.key()));
                            ui.label(l.ta(
                                "carry-reason-count",
                                &[("count", n.into()), ("open", left.into())],
                            ));
                            let label = l.ta(
                                "carry-confirm-reason",
                                &[("reason", l.reason_kind(reason.key()).into())],
                            );
                            if ui.add_enabled(left > 0, egui::Button::new(label)).clicked() {
                                out.push(Command::ConfirmReason(reason.key().to_string()));
                            }
                            ui.end_row();
                        }
                    });
                ui.horizontal(|ui| {
                    if ui.button(l.t("menu-changes")).clicked() {
                        out.push(Command::ShowChanges);
                    }
                });
            }
            ui.separator();
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
