//! The comparison window: two or more statements side by side, one row per question, how each
//! row was matched, differences highlighted, filters.

use std::path::PathBuf;

use eframe::egui;

use crate::app::Command;
use crate::app::view::CompareForm;
use crate::domain::answer::AnswerValue;
use crate::domain::compare::Comparison;
use crate::i18n::{Localize, Localizer};

pub fn compare_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CompareForm>,
    comparison: Option<&(Vec<String>, Comparison)>,
    comparing: bool,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else {
        return;
    };
    let mut open = true;
    egui::Window::new(l.t("compare-title"))
        .id(egui::Id::unique("compare-window"))
        .open(&mut open)
        .default_size([900.0, 560.0])
        .show(ui.ctx(), |ui| {
            for f in form.files.clone() {
                ui.horizontal(|ui| {
                    ui.label(f.display().to_string());
                    if ui.small_button(l.t("compare-remove")).clicked() {
                        form.files.retain(|x| *x != f);
                    }
                });
            }
            ui.horizontal(|ui| {
                let label = ui.label(l.t("dialog-path"));
                ui.add(egui::TextEdit::singleline(&mut form.input).desired_width(360.0))
                    .labelled_by(label.id);
                if ui.button(l.t("compare-add")).clicked() && !form.input.trim().is_empty() {
                    form.files.push(PathBuf::from(form.input.trim()));
                    form.input.clear();
                }
                if ui
                    .add_enabled(
                        form.files.len() >= 2 && !comparing,
                        egui::Button::new(l.t("compare-run")),
                    )
                    .clicked()
                {
                    cmds.push(Command::Compare(form.files.clone()));
                }
            });
            ui.horizontal(|ui| {
                ui.checkbox(&mut form.only_differences, l.t("compare-only-diff"));
                ui.checkbox(&mut form.only_no, l.t("nav-filter-no"));
                ui.checkbox(&mut form.only_unanswered, l.t("nav-filter-unanswered"));
            });
            ui.separator();
            let Some((labels, cmp)) = comparison else {
                return;
            };
            ui.label(l.ta(
                "compare-summary",
                &[
                    ("differences", cmp.differences().count().into()),
                    ("rows", cmp.rows.len().into()),
                ],
            ));
            let diff_bg = if ui.visuals().dark_mode {
                egui::Color32::from_rgb(0x5a, 0x3a, 0x1a)
            } else {
                egui::Color32::from_rgb(0xfc, 0xe4, 0xd6)
            };
            egui::ScrollArea::both()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("compare-grid")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong(l.t("compare-number"));
                            ui.strong(l.t("compare-question"));
                            for label in labels {
                                ui.strong(label);
                            }
                            ui.end_row();
                            for row in &cmp.rows {
                                if form.only_differences && !row.differs()
                                    || form.only_no && !row.has(AnswerValue::No)
                                    || form.only_unanswered && !row.has(AnswerValue::Unanswered)
                                {
                                    continue;
                                }
                                let text = if row.differs() {
                                    egui::RichText::new(&row.number).background_color(diff_bg)
                                } else {
                                    egui::RichText::new(&row.number)
                                };
                                ui.label(text);
                                ui.add(
                                    egui::Label::new(row.text.chars().take(40).collect::<String>())
                                        .truncate(),
                                );
                                for cell in &row.cells {
                                    match cell {
                                        Some(c) => {
                                            let how = c
                                                .matched
                                                .map(|m| m.localize(l))
                                                .unwrap_or_default();
                                            let mut t = egui::RichText::new(&c.answer);
                                            if row.answer_differs {
                                                t = t.background_color(diff_bg);
                                            }
                                            let resp = ui.label(t);
                                            let hover = format!("{}\n{}", c.remark, how);
                                            if !hover.trim().is_empty() {
                                                resp.on_hover_text(hover);
                                            }
                                        }
                                        None => {
                                            ui.weak(l.t("compare-missing"));
                                        }
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
        });
    if !open {
        cmds.push(Command::CloseCompare);
    }
}
