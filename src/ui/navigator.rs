//! The navigator: sections and questions with status marks, progress, filters and search.

use eframe::egui;

use crate::app::view::Filters;
use crate::app::{Command, Doc};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Question;
use crate::domain::summary::{shown_values, tallies};
use crate::domain::text::fold_width;
use crate::domain::validation::Severity;
use crate::i18n::Localizer;

/// The status of a question as the navigator shows it.
pub fn status_of(doc: &Doc, q: &Question) -> (String, AnswerValue) {
    let values = shown_values(&doc.catalogue, &doc.project, q);
    if let [only] = values.as_slice() {
        return (only.label().to_string(), *only);
    }
    let done = values.iter().filter(|v| v.is_answered()).count();
    let v = if done == values.len() {
        AnswerValue::Yes
    } else {
        AnswerValue::Unanswered
    };
    (format!("{done}/{}", values.len()), v)
}

fn has_warning(doc: &Doc, q: &Question) -> bool {
    doc.findings
        .iter()
        .any(|f| f.question_id == q.id && f.severity != Severity::Info)
}

/// Whether a question passes the filters and the search.
pub fn visible(filters: &Filters, doc: &Doc, q: &Question) -> bool {
    let values = shown_values(&doc.catalogue, &doc.project, q);
    if filters.unanswered && values.iter().all(|v| v.is_answered()) {
        return false;
    }
    if filters.no && !values.contains(&AnswerValue::No) {
        return false;
    }
    if filters.findings && !has_warning(doc, q) {
        return false;
    }
    if let Some(st) = filters.review
        && doc.project.review.status(&q.id) != st
    {
        return false;
    }
    let needle = fold_width(filters.search.trim()).to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let answer = doc.project.answer(&q.id);
    let mut hay = vec![q.number_key(), q.full_text()];
    if let Some(a) = answer {
        hay.push(a.remark.clone());
        hay.extend(a.options.values().map(|o| o.remark.clone()));
    }
    hay.extend(q.answer.options().iter().map(|o| o.label.clone()));
    hay.iter()
        .any(|h| fold_width(h).to_lowercase().contains(&needle))
}

pub fn navigator_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    filters: &mut Filters,
    review_mode: bool,
    max_width: f32,
    cmds: &mut Vec<Command>,
) {
    egui::Panel::left("navigator")
        .resizable(true)
        .default_size(330.0_f32.min(max_width))
        .min_size(240.0_f32.min(max_width))
        .max_size(max_width)
        .show(ui, |ui| {
            let (all, per) = tallies(&doc.catalogue, &doc.project);
            let frac = if all.total() == 0 {
                0.0
            } else {
                all.answered() as f32 / all.total() as f32
            };
            ui.add(egui::ProgressBar::new(frac).text(l.ta(
                "nav-progress",
                &[
                    ("answered", all.answered().into()),
                    ("total", all.total().into()),
                ],
            )));
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut filters.unanswered, l.t("nav-filter-unanswered"));
                ui.checkbox(&mut filters.no, l.t("nav-filter-no"));
                ui.checkbox(&mut filters.findings, l.t("nav-filter-findings"));
            });
            if review_mode {
                ui.horizontal_wrapped(|ui| {
                    ui.label(l.t("review-filter"));
                    ui.radio_value(&mut filters.review, None, l.t("review-all"));
                    for st in crate::domain::project::ReviewStatus::ALL {
                        ui.radio_value(&mut filters.review, Some(st), st.label());
                    }
                });
            }
            let label = ui.label(l.t("nav-search"));
            ui.add(
                egui::TextEdit::singleline(&mut filters.search)
                    .hint_text(l.t("nav-search-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.separator();
            let dark = ui.visuals().dark_mode;
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (s, t) in doc.catalogue.sections.iter().zip(per) {
                        let shown: Vec<&Question> = s
                            .questions
                            .iter()
                            .filter(|q| visible(filters, doc, q))
                            .collect();
                        if shown.is_empty() {
                            continue;
                        }
                        let title = if s.title.is_empty() {
                            "—".to_string()
                        } else {
                            s.full_title()
                        };
                        ui.add(egui::Label::new(egui::RichText::new(title).strong()).wrap());
                        let f = if t.total() == 0 {
                            0.0
                        } else {
                            t.answered() as f32 / t.total() as f32
                        };
                        ui.add(egui::ProgressBar::new(f).desired_height(6.0));
                        for q in shown {
                            let (mark, v) = status_of(doc, q);
                            let short: String = q.text.chars().take(22).collect();
                            let selected = doc.selected.as_deref() == Some(q.id.as_str());
                            ui.horizontal(|ui| {
                                ui.colored_label(
                                    crate::ui::value_color(v, dark),
                                    format!("[{mark}]"),
                                );
                                if has_warning(doc, q) {
                                    ui.colored_label(ui.visuals().warn_fg_color, "△");
                                }
                                if review_mode {
                                    // The reviewer's own status, beside the vendor's answer.
                                    let st = doc.project.review.status(&q.id);
                                    ui.label(
                                        egui::RichText::new(format!("〔{}〕", st.label())).small(),
                                    );
                                }
                                let text = format!("{} {short}", q.number_key());
                                if ui.selectable_label(selected, text).clicked() {
                                    cmds.push(Command::Select(q.id.clone()));
                                }
                            });
                        }
                        ui.add_space(6.0);
                    }
                });
        });
}
