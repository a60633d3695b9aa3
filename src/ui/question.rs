//! The current question: number, text, reference chips, the answer control, 記入上の注意 and the
//! 備考 editor. Every control's accessible label carries the question number ("4.1.2 はい").

use eframe::egui;

use crate::app::KaijishoApp;
use crate::app::state::{Command, Doc};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Question};
use crate::domain::validation::{GateState, gate_state};

/// 1 / 2 / 3 answer the current question with its first, second or third value.
pub fn number_key_answer(app: &KaijishoApp, ctx: &egui::Context) -> Option<Command> {
    let doc = app.state.doc.as_ref()?;
    let q = doc.selected_question()?;
    if matches!(q.answer, AnswerKind::Options(_)) || gated_off(doc, q) {
        return None;
    }
    let keys = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3];
    let allowed = q.answer.allowed();
    for (i, key) in keys.iter().enumerate() {
        if let Some(v) = allowed.get(i)
            && ctx.input_mut(|inp| inp.consume_key(egui::Modifiers::NONE, *key))
        {
            return Some(Command::SetValue {
                question: q.id.clone(),
                option: None,
                value: *v,
            });
        }
    }
    None
}

fn gated_off(doc: &Doc, q: &Question) -> bool {
    matches!(
        gate_state(&doc.catalogue, &doc.project, q),
        GateState::Disabled { .. }
    )
}

/// One row of answer buttons, labelled "<prefix> <value>" for screen readers and tests.
fn answer_buttons(
    ui: &mut egui::Ui,
    prefix: &str,
    allowed: &[AnswerValue],
    current: AnswerValue,
    mut on_pick: impl FnMut(AnswerValue),
) {
    ui.horizontal(|ui| {
        for v in allowed {
            let checked = current == *v;
            let resp = ui.radio(checked, v.label());
            let label = format!("{prefix} {}", v.label());
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
            let label = format!("{prefix} {}", AnswerValue::Unanswered.label());
            clear.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if clear.clicked() {
                on_pick(AnswerValue::Unanswered);
            }
        }
    });
}

/// The 備考 editor. Enter inserts a newline (and confirms IME conversion); it never acts.
fn remark_editor(ui: &mut egui::Ui, label_text: &str, text: &str, id: egui::Id) -> Option<String> {
    let label = ui.label(label_text);
    let mut buf = text.to_string();
    let resp = ui
        .add(
            egui::TextEdit::multiline(&mut buf)
                .id(id)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    resp.changed().then_some(buf)
}

pub fn question_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    let mut cmds = Vec::new();
    {
        let Some(doc) = &app.state.doc else { return };
        let l = &app.state.loc;
        let Some(q) = doc.selected_question() else {
            ui.label(l.t("question-none"));
            return;
        };
        let number = q.number_key();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if let Some(s) = doc.catalogue.section_of(&q.id) {
                    ui.weak(s.full_title());
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
                ui.add(egui::Label::new(egui::RichText::new(&q.text).size(17.0)).wrap());
                if let Some(g) = &q.refs {
                    ui.horizontal_wrapped(|ui| {
                        for r in &g.refs {
                            let chip =
                                egui::Button::new(egui::RichText::new(r.to_string()).small());
                            ui.add(chip).on_hover_text(&g.raw);
                        }
                        if g.refs.is_empty() {
                            ui.weak(&g.raw);
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
                if answer.recheck {
                    ui.horizontal(|ui| {
                        ui.colored_label(ui.visuals().warn_fg_color, l.t("question-recheck"));
                        let resp = ui.button(l.t("question-confirm"));
                        let label = format!("{number} {}", l.t("question-confirm"));
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if resp.clicked() {
                            cmds.push(Command::ConfirmCarried(q.id.clone()));
                        }
                    });
                }
                let review_mode = app.ui.review_mode;
                if review_mode {
                    ui.weak(l.t("review-read-only"));
                }
                ui.add_enabled_ui(!off && !review_mode, |ui| match &q.answer {
                    AnswerKind::Options(options) => {
                        for o in options {
                            ui.separator();
                            ui.label(format!("－ {}", o.label));
                            let oa = answer.options.get(&o.id).cloned().unwrap_or_default();
                            let prefix = format!("{number} {}", o.label);
                            answer_buttons(ui, &prefix, q.answer.allowed(), oa.value, |v| {
                                cmds.push(Command::SetValue {
                                    question: q.id.clone(),
                                    option: Some(o.id.clone()),
                                    value: v,
                                });
                            });
                            let id = egui::Id::unique(("remark", &q.id, &o.id));
                            if let Some(text) =
                                remark_editor(ui, &format!("{prefix} 備考"), &oa.remark, id)
                            {
                                cmds.push(Command::SetRemark {
                                    question: q.id.clone(),
                                    option: Some(o.id.clone()),
                                    text,
                                });
                            }
                        }
                    }
                    _ => {
                        answer_buttons(ui, &number, q.answer.allowed(), answer.value, |v| {
                            cmds.push(Command::SetValue {
                                question: q.id.clone(),
                                option: None,
                                value: v,
                            });
                        });
                        ui.add_space(6.0);
                        let id = egui::Id::unique(("remark", &q.id));
                        if let Some(text) =
                            remark_editor(ui, &format!("{number} 備考"), &answer.remark, id)
                        {
                            cmds.push(Command::SetRemark {
                                question: q.id.clone(),
                                option: None,
                                text,
                            });
                        }
                    }
                });
                if review_mode {
                    ui.add_space(8.0);
                    crate::ui::review::review_block_ui(app, ui, q, &mut cmds);
                }
                if let Some(note) = &q.note {
                    ui.add_space(8.0);
                    ui.group(|ui| {
                        ui.strong(l.t("question-note"));
                        ui.add(egui::Label::new(note).wrap());
                    });
                }
                ui.add_space(8.0);
                ui.weak(l.t("question-keys"));
            });
    }
    for c in cmds {
        app.send(c);
    }
}
