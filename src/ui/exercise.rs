//! 「答え合わせ」: an exercise checked against its model — the score per section, and per
//! question whether the participant's answer is the same, different or unanswered, with the
//! model's answer and 備考 beside the participant's.

use eframe::egui;

use crate::app::exercise::{ExerciseView, score_line};
use crate::app::{Command, Purpose};
use crate::domain::exercise::Verdict;
use crate::i18n::Localizer;

fn verdict_color(v: Verdict, dark: bool) -> egui::Color32 {
    use crate::domain::answer::AnswerValue;
    match v {
        Verdict::Same => crate::ui::value_color(AnswerValue::Yes, dark),
        Verdict::Different => crate::ui::value_color(AnswerValue::No, dark),
        Verdict::Unanswered => crate::ui::value_color(AnswerValue::Unanswered, dark),
    }
}

pub fn exercise_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: Option<&ExerciseView>,
    cmds: &mut Vec<Command>,
) {
    let Some(view) = view else {
        return;
    };
    let r = &view.result;
    let mut open = true;
    egui::Window::new(l.t("exercise-title"))
        .id(egui::Id::unique("exercise-window"))
        .open(&mut open)
        .default_size([900.0, 560.0])
        .show(ui.ctx(), |ui| {
            let dark = ui.visuals().dark_mode;
            let total = r.total();
            ui.heading(format!(
                "{}: {}",
                l.t("exercise-total"),
                score_line(l, total.same, total.different, total.unanswered)
            ));
            if !r.model_matches {
                ui.colored_label(ui.visuals().warn_fg_color, l.t("exercise-model-changed"));
            }
            egui::Grid::new("exercise-sections")
                .striped(true)
                .show(ui, |ui| {
                    for s in &r.sections {
                        ui.label(&s.title);
                        ui.label(score_line(l, s.same, s.different, s.unanswered));
                        ui.end_row();
                    }
                });
            ui.horizontal(|ui| {
                if ui.button(l.t("exercise-pdf")).clicked() {
                    cmds.push(Command::Ask(Purpose::ExercisePdf));
                }
                if ui.button(l.t("exercise-close")).clicked() {
                    cmds.push(Command::CloseExercise);
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("exercise-questions")
                        .striped(true)
                        .num_columns(5)
                        .show(ui, |ui| {
                            for h in [
                                "compare-number",
                                "exercise-verdict",
                                "exercise-yours-heading",
                                "exercise-model-heading",
                                "exercise-model-remark",
                            ] {
                                ui.strong(l.t(h));
                            }
                            ui.end_row();
                            for q in &r.questions {
                                ui.label(&q.number).on_hover_text(&q.text);
                                ui.colored_label(
                                    verdict_color(q.verdict, dark),
                                    l.t(&format!("exercise-{}", q.verdict.key())),
                                );
                                ui.label(&q.participant.answer);
                                ui.label(&q.model.answer);
                                ui.add(egui::Label::new(&q.model.remark).wrap());
                                ui.end_row();
                            }
                        });
                });
        });
    if !open {
        cmds.push(Command::CloseExercise);
    }
}
