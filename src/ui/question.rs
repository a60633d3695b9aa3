//! The current question: number, text, reference chips, the answer control, 記入上の注意 and the
//! 備考 editor. Every control's accessible label carries the question number ("4.1.2 はい").

use eframe::egui;

use crate::app::{Command, Doc};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Question};
use crate::domain::edit::Edit;
use crate::domain::project::AnswerDate;
use crate::domain::text::for_display;
use crate::domain::validation::{GateState, gate_state};
use crate::i18n::Localizer;
use crate::io::clock::Clock;

fn gated_off(doc: &Doc, q: &Question) -> bool {
    matches!(
        gate_state(&doc.catalogue, &doc.project, q),
        GateState::Disabled { .. }
    )
}

/// Set for the frame in which Tab is pressed with nothing focused: the keyboard goes to the
/// question's answer first, not to the menu bar.
pub fn tab_into_question_id() -> egui::Id {
    egui::Id::unique("kaijisho-tab-into-question")
}

/// One row of answer buttons, labelled "<prefix> <value>" for screen readers and tests.
/// `focus_first`: the first button takes the keyboard.
fn answer_buttons(
    ui: &mut egui::Ui,
    l: &Localizer,
    prefix: &str,
    allowed: &[AnswerValue],
    current: AnswerValue,
    focus_first: bool,
    mut on_pick: impl FnMut(AnswerValue),
) {
    ui.horizontal(|ui| {
        for (i, v) in allowed.iter().enumerate() {
            let checked = current == *v;
            let resp = ui.radio(checked, l.answer(*v));
            if focus_first && i == 0 {
                resp.request_focus();
            }
            // The word as shown: 「はい」, or 「はい (Yes)」 in English.
            let label = format!("{prefix} {}", l.answer(*v));
            let enabled = ui.is_enabled();
            resp.widget_info(|| {
                egui::WidgetInfo::selected(egui::Role::RadioButton, enabled, checked, &label)
            });
            if resp.clicked() && !checked {
                on_pick(*v);
            }
        }
        if current.is_answered() {
            let clear = ui.small_button("×");
            let label = format!("{prefix} {}", l.answer(AnswerValue::Unanswered));
            clear.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if clear.clicked() {
                on_pick(AnswerValue::Unanswered);
            }
        }
    });
}

/// A vendor's text under its label: the 備考 editor (`hint: None`: several lines; Enter inserts
/// a newline and confirms IME conversion, it never acts) or the 条件 field (one line, with its
/// hint). Sends the edit through the one document-bound field ([`crate::ui::typed`]: IME-safe,
/// one undo step per typing), then (when the field lost focus) the end of its undo step.
fn remark_editor(
    ui: &mut egui::Ui,
    (label_text, hint): (&str, Option<String>),
    text: &str,
    id: egui::Id,
    out: &mut Vec<Command>,
    edit: impl FnOnce(String) -> Edit,
) {
    let label = ui.label(label_text);
    let lines = match hint {
        None => crate::ui::typed::Lines::Many,
        Some(_) => crate::ui::typed::Lines::One,
    };
    crate::ui::typed::edit_field(
        ui,
        ((id, lines, true), label.id),
        text,
        |te| match hint {
            None => te.desired_rows(3).desired_width(f32::INFINITY),
            Some(hint) => te.hint_text(hint).desired_width(f32::INFINITY),
        },
        out,
        edit,
    );
}

/// A question answered as a whole: its answer buttons, the 条件 field (a はい/いいえ/対象外
/// question's: 「オプション契約時」, 「次期バージョンから」) and the 備考 editor.
fn plain_answer_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (q, answer): (&Question, &crate::domain::project::Answer),
    (number, tab_in): (&str, bool),
    cmds: &mut Vec<Command>,
) {
    let allowed = q.answer.allowed();
    answer_buttons(ui, l, number, allowed, answer.value, tab_in, |v| {
        cmds.push(Command::Edit(Edit::Value {
            question: q.id.clone(),
            option: None,
            value: v,
        }));
    });
    ui.add_space(6.0);
    if matches!(q.answer, AnswerKind::YesNoNa) {
        let id = egui::Id::unique(("condition", &q.id));
        let label = format!("{number} {}", l.t("question-condition"));
        let hint = Some(l.t("question-condition-hint"));
        remark_editor(ui, (&label, hint), &answer.condition, id, cmds, |text| {
            Edit::Condition {
                question: q.id.clone(),
                text,
            }
        });
    }
    let id = egui::Id::unique(("remark", &q.id));
    let label = format!("{number} {}", l.t("question-remark"));
    remark_editor(ui, (&label, None), &answer.remark, id, cmds, |text| {
        Edit::Remark {
            question: q.id.clone(),
            option: None,
            text,
        }
    });
}

/// The answer's 確認日 and 目標日, where the statement has them (see [`Doc::answer_dates`]):
/// a field each with its calendar. What is no date is said under the answer (validation).
fn answer_dates_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (doc, q): (&Doc, &Question),
    number: &str,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let dates = doc.answer_dates(&q.id);
    if dates.is_empty() {
        return;
    }
    let answer = doc.project.answer(&q.id);
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        // Each date with its label and calendar moves to the next line as one.
        for which in dates {
            ui.horizontal(|ui| date_field_ui(ui, l, (q, which), answer, number, clock, cmds));
            ui.add_space(12.0);
        }
    });
}

/// One of an answer's dates: its label, its field and its calendar.
fn date_field_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (q, which): (&Question, AnswerDate),
    answer: Option<&crate::domain::project::Answer>,
    number: &str,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let current = answer.map_or("", |a| a.date(which));
    let name = l.t(crate::i18n::answer_date_id(which));
    let label = ui.label(format!("{number} {name}"));
    let hint = l.t("answer-date-hint");
    let edit = |text: String| Edit::AnswerDate {
        question: q.id.clone(),
        which,
        text,
    };
    let id = egui::Id::unique(("answer-date", &q.id, which.key()));
    crate::ui::typed::edit_field(
        ui,
        ((id, crate::ui::typed::Lines::One, true), label.id),
        current,
        |te| te.hint_text(hint).desired_width(150.0),
        cmds,
        edit,
    );
    crate::ui::date_picker::calendar_ui(ui, l, current, true, clock, cmds, |t| {
        Command::Edit(edit(t))
    });
}

/// The rows of an option question and which one 1/2/3 answer.
struct OptionRows<'a> {
    q: &'a Question,
    options: &'a [crate::domain::catalogue::QOption],
    answer: &'a crate::domain::project::Answer,
    number: &'a str,
    /// The row 1/2/3 answer (moved with ↑/↓): framed and marked →.
    marked: usize,
    /// Tab was pressed with nothing focused: the marked row's first answer takes it.
    tab_in: bool,
    /// The statement's findings: each row shows its own under it.
    findings: &'a [crate::domain::validation::Finding],
}

fn option_rows_ui(ui: &mut egui::Ui, l: &Localizer, r: &OptionRows, cmds: &mut Vec<Command>) {
    let q = r.q;
    for (row, o) in r.options.iter().enumerate() {
        let here = row == r.marked;
        let stroke = if here {
            ui.visuals().selection.stroke
        } else {
            egui::Stroke::NONE
        };
        egui::Frame::new()
            .stroke(stroke)
            .inner_margin(4.0)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                let mark = if here { "→" } else { "－" };
                ui.label(format!("{mark} {}", o.label));
                let oa = r.answer.options.get(&o.id).cloned().unwrap_or_default();
                let prefix = format!("{} {}", r.number, o.label);
                let allowed = q.answer.allowed();
                answer_buttons(ui, l, &prefix, allowed, oa.value, r.tab_in && here, |v| {
                    cmds.push(Command::Edit(Edit::Value {
                        question: q.id.clone(),
                        option: Some(o.id.clone()),
                        value: v,
                    }));
                });
                let id = egui::Id::unique(("remark", &q.id, &o.id));
                let label = format!("{prefix} {}", l.t("question-remark"));
                remark_editor(ui, (&label, None), &oa.remark, id, cmds, |text| {
                    Edit::Remark {
                        question: q.id.clone(),
                        option: Some(o.id.clone()),
                        text,
                    }
                });
                crate::ui::findings::question_lines(
                    ui,
                    l,
                    r.findings,
                    &q.id,
                    Some(o.label.as_str()),
                );
            });
    }
}

pub fn question_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    review_mode: bool,
    option_row: usize,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    {
        let tab_in = ui
            .data_mut(|d| d.remove_temp::<bool>(tab_into_question_id()))
            .unwrap_or(false);
        let Some(q) = doc.selected_question() else {
            ui.label(l.t("question-none"));
            return;
        };
        let number = q.number_key();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(s) = doc.catalogue.section_of(&q.id) {
                    ui.weak(for_display(&s.full_title()));
                }
                ui.horizontal(|ui| {
                    ui.heading(&number);
                    if ui.button(l.t("question-prev")).clicked() {
                        cmds.push(Command::Previous);
                    }
                    if ui.button(l.t("question-next")).clicked() {
                        cmds.push(Command::Next);
                    }
                });
                ui.add(
                    egui::Label::new(egui::RichText::new(for_display(&q.text)).size(17.0)).wrap(),
                );
                if let Some(g) = &q.refs {
                    ui.horizontal_wrapped(|ui| {
                        for r in &g.refs {
                            let chip = egui::Button::new(
                                egui::RichText::new(for_display(&r.to_string())).small(),
                            );
                            ui.add(chip).on_hover_text(for_display(&g.raw));
                        }
                        if g.refs.is_empty() {
                            ui.weak(for_display(&g.raw));
                        }
                    });
                }
                ui.add_space(8.0);
                let off = gated_off(doc, q);
                if let GateState::Disabled { gate_id } = gate_state(&doc.catalogue, &doc.project, q)
                {
                    let gate_number = doc
                        .catalogue
                        .question(&gate_id)
                        .map(Question::number_key)
                        .unwrap_or(gate_id);
                    ui.colored_label(
                        ui.visuals().weak_text_color(),
                        l.ta("question-gated-off", &[("gate", gate_number.into())]),
                    );
                }
                let answer = doc.project.answer(&q.id).cloned().unwrap_or_default();
                crate::ui::carried::carried_ui(ui, l, doc, q, review_mode, cmds);
                // A statement carried by an earlier version records no reasons: the mark alone.
                if answer.recheck && answer.carried.is_none() && !review_mode {
                    ui.horizontal(|ui| {
                        ui.colored_label(ui.visuals().warn_fg_color, l.t("question-recheck"));
                        let resp = ui.button(l.t("question-confirm"));
                        let label = format!("{number} {}", l.t("question-confirm"));
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if resp.clicked() {
                            cmds.push(Command::Edit(Edit::ConfirmCarried {
                                question: q.id.clone(),
                            }));
                        }
                    });
                }
                if review_mode {
                    ui.weak(l.t("review-read-only"));
                }
                unread_ui(ui, l, doc, &q.id);
                ui.add_enabled_ui(!off && !review_mode, |ui| match &q.answer {
                    AnswerKind::Options(options) => {
                        let rows = OptionRows {
                            q,
                            options,
                            answer: &answer,
                            number: &number,
                            marked: option_row,
                            tab_in,
                            findings: &doc.findings,
                        };
                        option_rows_ui(ui, l, &rows, cmds);
                    }
                    _ => {
                        plain_answer_ui(ui, l, (q, &answer), (&number, tab_in), cmds);
                        answer_dates_ui(ui, l, (doc, q), &number, clock, cmds);
                    }
                });
                // What is wrong with the answer (or the question as a whole), under it.
                crate::ui::findings::question_lines(ui, l, &doc.findings, &q.id, None);
                if review_mode {
                    ui.add_space(8.0);
                    crate::ui::review::review_block_ui(ui, doc, l, q, cmds);
                }
                if let Some(note) = &q.note {
                    ui.add_space(8.0);
                    ui.group(|ui| {
                        ui.strong(l.t("question-note"));
                        ui.add(egui::Label::new(note).wrap());
                    });
                }
                ui.add_space(8.0);
                if review_mode {
                    // The keys drawn the platform's way (Alt, or ⌥ on macOS).
                    let key = |k| {
                        let s = egui::KeyboardShortcut::new(egui::Modifiers::ALT, k);
                        ui.ctx().format_shortcut(&s)
                    };
                    let (prev, next) = (key(egui::Key::ArrowUp), key(egui::Key::ArrowDown));
                    ui.weak(l.ta(
                        "question-keys-review",
                        &[("prev", prev.into()), ("next", next.into())],
                    ));
                } else {
                    ui.weak(l.t("question-keys-short"));
                }
            });
    }
}

/// What the workbook the statement was imported from held in this question's answer cell,
/// when the import could not read it as an answer: shown for the user to decide on.
fn unread_ui(ui: &mut egui::Ui, l: &Localizer, doc: &Doc, question: &str) {
    let Some(u) = doc
        .project
        .source
        .as_ref()
        .and_then(|s| s.unread_of(question, None))
    else {
        return;
    };
    let text = if u.cell.is_empty() {
        l.t("question-unread-marks")
    } else {
        l.ta(
            "question-unread",
            &[
                ("cell", u.cell.as_str().into()),
                ("text", for_display(&u.text).into()),
            ],
        )
    };
    ui.group(|ui| {
        ui.colored_label(ui.visuals().warn_fg_color, text);
    });
}
