//! The answer grid (表示 → 一覧): every question in one table — number, text, answer, remark,
//! review status, comment — with filters, search and sortable columns; only the visible rows
//! are laid out. Clicking a row opens its question.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::grid::{GridForm, GridSort, grid_rows};
use crate::app::{Command, Doc};
use crate::domain::answer::AnswerValue;
use crate::domain::project::ReviewStatus;
use crate::i18n::Localizer;

const ROW_H: f32 = 24.0;

pub fn grid_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    form: &mut GridForm,
    cmds: &mut Vec<Command>,
) {
    filters_ui(ui, l, form);
    let rows = grid_rows(doc, form);
    ui.label(l.ta(
        "grid-count",
        &[
            ("shown", rows.len().into()),
            ("total", doc.catalogue.question_count().into()),
        ],
    ));
    ui.separator();
    let dark = ui.visuals().dark_mode;
    let mut sort_by = None;
    // Narrow windows scroll sideways rather than squeeze the columns.
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("answer-grid")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .auto_shrink([false, false])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(52.0))
            .column(Column::initial(300.0).at_least(120.0).clip(true))
            .column(Column::initial(96.0).at_least(60.0).clip(true))
            .column(Column::initial(200.0).at_least(80.0).clip(true))
            .column(Column::initial(64.0).at_least(56.0))
            .column(Column::remainder().at_least(160.0).clip(true))
            .header(ROW_H, |mut header| {
                for (id, sort) in [
                    ("grid-number", Some(GridSort::Number)),
                    ("grid-question", None),
                    ("grid-answer", Some(GridSort::Answer)),
                    ("grid-remark", None),
                    ("grid-review", Some(GridSort::Review)),
                    ("grid-comment", None),
                ] {
                    header.col(|ui| match sort {
                        Some(s) => {
                            let arrow = match (form.sort == s, form.descending) {
                                (true, false) => " ▲",
                                (true, true) => " ▼",
                                _ => "",
                            };
                            let text = format!("{}{arrow}", l.t(id));
                            if ui
                                .add(
                                    egui::Button::new(egui::RichText::new(text).strong())
                                        .frame(false),
                                )
                                .on_hover_text(l.t("grid-sort-hint"))
                                .clicked()
                            {
                                sort_by = Some(s);
                            }
                        }
                        None => {
                            ui.strong(l.t(id));
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_H, rows.len(), |mut tr| {
                    let Some(r) = rows.get(tr.index()) else {
                        return;
                    };
                    tr.set_selected(doc.selected.as_deref() == Some(r.question_id.as_str()));
                    let mut open = false;
                    tr.col(|ui| {
                        let mark = if r.finding { " △" } else { "" };
                        // What is wrong, then how to open the question.
                        let why = crate::ui::findings::summary(l, &doc.findings, &r.question_id);
                        let hint = if why.is_empty() {
                            l.t("grid-open-hint")
                        } else {
                            format!("{why}\n{}", l.t("grid-open-hint"))
                        };
                        open |= ui
                            .add(egui::Button::new(format!("{}{mark}", r.number)).frame(false))
                            .on_hover_text(hint)
                            .clicked();
                    });
                    tr.col(|ui| {
                        ui.add(egui::Label::new(&r.text).truncate().selectable(false))
                            .on_hover_text(&r.text);
                    });
                    tr.col(|ui| {
                        // A single answer in the UI's words (glossed in English).
                        let mut shown = if r.single {
                            l.answer(r.value)
                        } else {
                            r.answer.clone()
                        };
                        // A conditional answer: 「はい〔条件〕」, the condition on hover.
                        let mut hover = r.answer.clone();
                        if !r.condition.is_empty() {
                            let args = [("answer", shown.clone().into())];
                            shown = l.ta("grid-conditional", &args);
                            hover = l.ta(
                                "answer-conditional",
                                &[
                                    ("answer", r.answer.clone().into()),
                                    ("condition", r.condition.clone().into()),
                                ],
                            );
                        }
                        let mut t = egui::RichText::new(shown.as_str())
                            .color(crate::ui::value_color(r.value, dark));
                        if r.gated {
                            t = t.italics();
                        }
                        ui.add(egui::Label::new(t).truncate().selectable(false))
                            .on_hover_text(hover);
                    });
                    for text in [&r.remark, &l.review_status(r.review), &r.comment] {
                        tr.col(|ui| {
                            let label = ui.add(egui::Label::new(text).truncate().selectable(false));
                            if !text.is_empty() {
                                label.on_hover_text(text);
                            }
                        });
                    }
                    if open || tr.response().clicked() {
                        cmds.push(Command::OpenFromGrid(r.question_id.clone()));
                    }
                });
            });
    });
    if let Some(s) = sort_by {
        form.descending = form.sort == s && !form.descending;
        form.sort = s;
    }
}

/// Answer and review-status pickers, the findings filter and the search box.
fn filters_ui(ui: &mut egui::Ui, l: &Localizer, form: &mut GridForm) {
    ui.horizontal_wrapped(|ui| {
        let all = l.t("review-all");
        let label = ui.label(l.t("grid-answer"));
        let shown = form
            .answer
            .map(|v| l.answer(v))
            .unwrap_or_else(|| all.clone());
        egui::ComboBox::from_id_salt("grid-answer-filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.answer, None, &all);
                for v in AnswerValue::ALL {
                    ui.selectable_value(&mut form.answer, Some(v), l.answer(v));
                }
            })
            .response
            .labelled_by(label.id);
        let label = ui.label(l.t("grid-review"));
        let shown = form
            .review
            .map(|s| l.review_status(s))
            .unwrap_or_else(|| all.clone());
        egui::ComboBox::from_id_salt("grid-review-filter")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut form.review, None, &all);
                for st in ReviewStatus::ALL {
                    ui.selectable_value(&mut form.review, Some(st), l.review_status(st));
                }
            })
            .response
            .labelled_by(label.id);
        ui.checkbox(&mut form.findings, l.t("nav-filter-findings"));
        let label = ui.label(l.t("grid-search"));
        ui.add(
            egui::TextEdit::singleline(&mut form.search)
                .hint_text(l.t("grid-search-hint"))
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    });
}
