//! 「答え合わせ」: the participants' files gathered (several at once, a folder, or dropped),
//! then the class — per question how the class answered (sortable; who differs, who left a
//! 「いいえ」 without 備考, who claimed more than the model), per participant the score, and each
//! participant's own check with their answer and 備考 beside the model's. Names can be hidden
//! for the projector.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::command::FileList;
use crate::app::exercise::score_line;
use crate::app::exercise_class::ExerciseView;
use crate::app::exercise_class::{file_of, heading_line, question_findings, shown_name, spread};
use crate::app::view::{ClassSort, ClassTab, ExerciseForm};
use crate::app::{Command, Purpose};
use crate::domain::exercise::{ExerciseCheck, Verdict};
use crate::domain::exercise_class::{ClassCheck, ClassQuestion};
use crate::i18n::Localizer;

const ROW_H: f32 = 22.0;

fn verdict_color(v: Verdict, dark: bool) -> egui::Color32 {
    use crate::domain::answer::AnswerValue;
    match v {
        Verdict::Same => crate::ui::value_color(AnswerValue::Yes, dark),
        Verdict::Different => crate::ui::value_color(AnswerValue::No, dark),
        Verdict::Unanswered | Verdict::FollowsGate => {
            crate::ui::value_color(AnswerValue::Unanswered, dark)
        }
    }
}

/// The window. `state`: whether the window's statement is an exercise copy, whether a check is
/// running, whether the native file dialog is missing.
pub fn exercise_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut ExerciseForm>,
    view: Option<&ExerciseView>,
    (copy, checking, native_missing): (bool, bool, bool),
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else {
        return;
    };
    let mut open = true;
    egui::Window::new(l.t("exercise-title"))
        .id(egui::Id::unique("exercise-window"))
        .open(&mut open)
        .default_size([980.0, 600.0])
        .show(ui.ctx(), |ui| {
            ui.label(l.t(if copy {
                "exercise-intro-copy"
            } else {
                "exercise-intro-model"
            }));
            let of = crate::ui::file_list::ListOf {
                list: FileList::Exercise,
                label_id: if copy {
                    "exercise-path-copy"
                } else {
                    "exercise-path"
                },
                native_missing,
                register: None,
            };
            crate::ui::file_list::file_list_ui(
                ui,
                l,
                &form.files,
                &mut form.input,
                &of,
                cmds,
                |ui, files, cmds| {
                    let run = egui::Button::new(l.t("exercise-run"));
                    if ui
                        .add_enabled(!files.is_empty() && !checking, run)
                        .clicked()
                    {
                        cmds.push(Command::CheckExercise(files.to_vec()));
                    }
                },
            );
            let Some(view) = view else { return };
            ui.separator();
            result_ui(ui, l, form, view, cmds);
        });
    if !open {
        cmds.push(Command::CloseExercise);
    }
}

/// The result: its heading, what was not checked, the tabs and exports, then the tab.
fn result_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: &mut ExerciseForm,
    view: &ExerciseView,
    cmds: &mut Vec<Command>,
) {
    let run = &view.run;
    let class = &run.class;
    ui.strong(heading_line(l, run, &view.date));
    let warn = ui.visuals().warn_fg_color;
    for r in run.refusals(l, &l.t("exercise-unnamed")) {
        ui.colored_label(warn, r);
    }
    let changed: Vec<usize> = (class.participants.iter().enumerate())
        .filter(|(_, p)| !p.check.model_matches)
        .map(|(i, _)| i)
        .collect();
    if !changed.is_empty() {
        let names: Vec<String> = changed
            .iter()
            .map(|i| shown_name(l, class, *i, form.anonymous))
            .collect();
        ui.colored_label(
            warn,
            l.ta(
                "exercise-model-changed-for",
                &[("names", names.join("、").into())],
            ),
        );
    }
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(
            &mut form.tab,
            ClassTab::Questions,
            l.t("exercise-tab-questions"),
        );
        let on_participants = !matches!(form.tab, ClassTab::Questions);
        if ui
            .selectable_label(on_participants, l.t("exercise-tab-participants"))
            .clicked()
        {
            form.tab = ClassTab::Participants;
        }
        ui.separator();
        ui.checkbox(&mut form.anonymous, l.t("exercise-anonymous-toggle"));
        ui.separator();
        let missed = !class.most_missed(1).is_empty();
        if ui
            .add_enabled(missed, egui::Button::new(l.t("exercise-present-missed")))
            .clicked()
        {
            cmds.push(Command::PresentMissed);
        }
        if ui.button(l.t("exercise-pdf")).clicked() {
            cmds.push(Command::Ask(Purpose::ExercisePdf));
        }
        if ui.button(l.t("exercise-xlsx")).clicked() {
            cmds.push(Command::Ask(Purpose::ExerciseXlsx));
        }
        if ui.button(l.t("exercise-close")).clicked() {
            cmds.push(Command::CloseExercise);
        }
    });
    ui.separator();
    match form.tab {
        ClassTab::Questions => questions_ui(ui, l, form, class),
        ClassTab::Participants => participants_ui(ui, l, form, view),
        ClassTab::Participant(i) => match class.participants.get(i) {
            Some(p) => {
                ui.horizontal(|ui| {
                    if ui.button(l.t("exercise-back")).clicked() {
                        form.tab = ClassTab::Participants;
                    }
                    ui.heading(format!(
                        "{} — {}",
                        shown_name(l, class, i, form.anonymous),
                        score_line(l, &p.check.total())
                    ));
                });
                participant_ui(ui, l, &p.check);
            }
            None => form.tab = ClassTab::Participants,
        },
    }
}

/// The questions in the chosen order.
fn sorted(class: &ClassCheck, sort: ClassSort) -> Vec<&ClassQuestion> {
    let mut qs: Vec<&ClassQuestion> = class.questions.iter().collect();
    match sort {
        ClassSort::Number => {}
        ClassSort::Missed => qs.sort_by_key(|q| std::cmp::Reverse(q.missed())),
        ClassSort::NoRemark => qs.sort_by_key(|q| std::cmp::Reverse(q.no_without_remark.len())),
        ClassSort::OverClaims => qs.sort_by_key(|q| std::cmp::Reverse(q.over_claims.len())),
    }
    qs
}

/// Per question: the model's answer, how many missed it, left a 「いいえ」 without 備考,
/// claimed more; the spread of answers. A column heading sorts by it; hovering a count names
/// who.
fn questions_ui(ui: &mut egui::Ui, l: &Localizer, form: &mut ExerciseForm, class: &ClassCheck) {
    let qs = sorted(class, form.sort);
    let anonymous = form.anonymous;
    let names = |who: &[usize]| {
        who.iter()
            .map(|w| shown_name(l, class, *w, anonymous))
            .collect::<Vec<_>>()
            .join("、")
    };
    let sort = &mut form.sort;
    TableBuilder::new(ui)
        .id_salt("exercise-class-table")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(48.0))
        .column(Column::initial(300.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .columns(Column::auto().at_least(70.0), 3)
        .column(Column::remainder().clip(true))
        .header(ROW_H * 1.4, |mut header| {
            for (id, by) in [
                ("compare-number", Some(ClassSort::Number)),
                ("compare-question", None),
                ("exercise-model-heading", None),
                ("exercise-class-missed-count", Some(ClassSort::Missed)),
                ("exercise-class-no-remark-count", Some(ClassSort::NoRemark)),
                (
                    "exercise-class-over-claim-count",
                    Some(ClassSort::OverClaims),
                ),
                ("exercise-class-spread", None),
            ] {
                header.col(|ui| match by {
                    Some(by) => {
                        let text = if *sort == by {
                            format!("{} ▼", l.t(id))
                        } else {
                            l.t(id)
                        };
                        if ui
                            .add(egui::Button::new(egui::RichText::new(text).strong()).frame(false))
                            .on_hover_text(l.t("exercise-sort-hint"))
                            .clicked()
                        {
                            *sort = by;
                        }
                    }
                    None => {
                        ui.strong(l.t(id));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, qs.len(), |mut tr| {
                let Some(q) = qs.get(tr.index()) else { return };
                tr.col(|ui| {
                    ui.label(&q.number);
                });
                tr.col(|ui| {
                    let findings = question_findings(l, class, q, anonymous).join("\n");
                    let hover = format!("{}\n{findings}", q.text);
                    ui.label(&q.text).on_hover_text(hover.trim_end());
                });
                tr.col(|ui| {
                    ui.label(&q.model.answer);
                });
                let missed: Vec<usize> = q.different.iter().chain(&q.unanswered).copied().collect();
                for who in [&missed, &q.no_without_remark, &q.over_claims] {
                    tr.col(|ui| {
                        let r = ui.label(who.len().to_string());
                        if !who.is_empty() {
                            r.on_hover_text(names(who));
                        }
                    });
                }
                tr.col(|ui| {
                    ui.label(spread(q));
                });
            });
        });
}

/// Per participant: the name (hidden for the projector), the score, the file; a row opens
/// their own check.
fn participants_ui(ui: &mut egui::Ui, l: &Localizer, form: &mut ExerciseForm, view: &ExerciseView) {
    let class = &view.run.class;
    let unnamed = l.t("exercise-unnamed");
    if class.any_follows_gate() {
        ui.label(l.t("exercise-gate-note"));
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("exercise-participants")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for h in ["exercise-participant", "exercise-score-heading"] {
                        ui.strong(l.t(h));
                    }
                    ui.end_row();
                    for (i, p) in class.participants.iter().enumerate() {
                        let name = shown_name(l, class, i, form.anonymous);
                        let r = ui.label(&name);
                        if !form.anonymous {
                            r.on_hover_text(file_of(&view.run, i, &unnamed));
                        }
                        let total = p.check.total();
                        ui.label(score_line(l, &total));
                        if ui
                            .button(l.ta("exercise-open-participant", &[("name", name.into())]))
                            .clicked()
                        {
                            form.tab = ClassTab::Participant(i);
                        }
                        ui.end_row();
                    }
                });
        });
}

/// One participant's check: per section the score, per question the verdict, their answer and
/// 備考, the model's answer and 備考.
fn participant_ui(ui: &mut egui::Ui, l: &Localizer, r: &ExerciseCheck) {
    let dark = ui.visuals().dark_mode;
    if !r.model_matches {
        ui.colored_label(ui.visuals().warn_fg_color, l.t("exercise-model-changed"));
    }
    egui::Grid::new("exercise-sections")
        .striped(true)
        .show(ui, |ui| {
            for s in &r.sections {
                ui.label(&s.title);
                ui.label(score_line(l, s));
                ui.end_row();
            }
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("exercise-questions")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for h in [
                        "compare-number",
                        "exercise-verdict",
                        "exercise-yours-heading",
                        "exercise-yours-remark",
                        "exercise-model-heading",
                        "exercise-model-remark",
                    ] {
                        ui.strong(l.t(h));
                    }
                    ui.end_row();
                    for q in &r.questions {
                        ui.label(&q.number).on_hover_text(&q.text);
                        let mut verdict = l.t(&format!("exercise-{}", q.verdict.key()));
                        if let Some(g) = &q.gate {
                            verdict = format!("{verdict} ({g})");
                        }
                        ui.colored_label(verdict_color(q.verdict, dark), verdict);
                        ui.label(&q.participant.answer);
                        ui.add(egui::Label::new(&q.participant.remark).wrap());
                        ui.label(&q.model.answer);
                        ui.add(egui::Label::new(&q.model.remark).wrap());
                        ui.end_row();
                    }
                });
        });
}
