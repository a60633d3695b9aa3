//! Review mode: the reviewer's status and comment for the current question, and the review
//! summary (counts, every いいえ and every reviewed or commented question with its comment). The vendor's answers stay read-only.

use eframe::egui;

use crate::app::{Command, Doc};
use crate::domain::catalogue::Question;
use crate::domain::edit::Edit;
use crate::domain::project::ReviewStatus;
use crate::domain::review::summary;
use crate::i18n::Localizer;

/// The review block under the current question.
pub fn review_block_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    q: &Question,
    cmds: &mut Vec<Command>,
) {
    let number = q.number_key();
    ui.group(|ui| {
        ui.strong(l.t("review-title"));
        let current = doc.project.review.status(&q.id);
        ui.horizontal(|ui| {
            for st in ReviewStatus::ALL {
                let checked = current == st;
                let resp = ui.radio(checked, l.review_status(st));
                let label = format!("{number} {}", l.review_status(st));
                resp.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::RadioButton, true, checked, &label)
                });
                if resp.clicked() && !checked {
                    cmds.push(Command::Edit(Edit::ReviewStatus {
                        question: q.id.clone(),
                        status: st,
                    }));
                }
            }
        });
        let label = ui.label(format!("{number} {}", l.t("review-comment")));
        let id = egui::Id::unique(("review-comment", &q.id));
        crate::ui::typed::edit_field(
            ui,
            ((id, crate::ui::typed::Lines::Many, true), label.id),
            doc.project.review.comment(&q.id),
            |te| te.desired_rows(2).desired_width(f32::INFINITY),
            cmds,
            |text| Edit::ReviewComment {
                question: q.id.clone(),
                text,
            },
        );
    });
}

/// The review summary panel.
pub fn review_summary_ui(ui: &mut egui::Ui, doc: &Doc, l: &Localizer, cmds: &mut Vec<Command>) {
    egui::Panel::bottom("review-summary")
        .resizable(true)
        .default_size(150.0)
        .show(ui, |ui| {
            let s = summary(&doc.catalogue, &doc.project);
            ui.horizontal_wrapped(|ui| {
                ui.strong(l.t("review-summary"));
                for (st, n) in ReviewStatus::ALL.iter().zip(s.counts) {
                    ui.label(format!("{} {n}", l.review_status(*st)));
                }
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for line in &s.attention {
                        let text = format!(
                            "{}  [{}] {}  {}  {}",
                            line.number,
                            l.review_status(line.status),
                            line.answer,
                            line.text.chars().take(30).collect::<String>(),
                            line.comment
                        );
                        if ui.link(text).clicked() {
                            cmds.push(Command::Select(line.question_id.clone()));
                        }
                    }
                });
        });
}
