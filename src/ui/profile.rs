//! The acceptance-profile editor (ファイル → 受入基準を編集…): the default for every question,
//! then one row per question of a catalogue — the answers accepted and 必須 — with search, bulk
//! marking by citation ("every question citing 14章: 必須"), open, save, and "check with it".

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::document::Document;
use crate::app::view::ProfileEditor;
use crate::app::{Command, Purpose};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{Catalogue, Question};
use crate::domain::profile::{Conditional, Weight};
use crate::domain::profile_edit::ProfileEdit;
use crate::domain::text::fold_width;
use crate::i18n::Localizer;

const ROW_H: f32 = 24.0;
const VALUES: [AnswerValue; 3] = [
    AnswerValue::Yes,
    AnswerValue::No,
    AnswerValue::NotApplicable,
];

pub fn profile_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    editor: Option<&mut ProfileEditor>,
    catalogues: &[&Catalogue],
    cmds: &mut Vec<Command>,
) {
    let Some(e) = editor else { return };
    let mut open = true;
    // ● while it has unsaved changes, as the main window's title.
    let mark = if e.modified() { "● " } else { "" };
    egui::Window::new(format!("{mark}{}", l.t("profile-title")))
        .id(egui::Id::unique("profile-window"))
        .open(&mut open)
        .default_size([900.0, 600.0])
        .show(ui.ctx(), |ui| {
            head_ui(ui, l, e, catalogues, cmds);
            ui.separator();
            if let Some(c) = catalogues.iter().find(|c| c.id == e.catalogue) {
                rows_ui(ui, l, e, c, cmds);
            }
        });
    if !open {
        cmds.push(Command::CloseProfileEditor);
    }
}

fn head_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    e: &mut ProfileEditor,
    catalogues: &[&Catalogue],
    cmds: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(l.t("profile-name"));
        // The field shows the profile; what is typed goes to the app as an edit.
        let mut name = e.profile().name.clone();
        let resp = ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(360.0))
            .labelled_by(label.id);
        if resp.changed() {
            cmds.push(Command::ProfileEdit(ProfileEdit::Name(name)));
        }
        if resp.lost_focus() {
            cmds.push(Command::SealEdit);
        }
        let label = ui.label(l.t("profile-catalogue"));
        let shown = catalogues
            .iter()
            .find(|c| c.id == e.catalogue)
            .map(|c| l.catalogue_line(c, true))
            .unwrap_or_default();
        egui::ComboBox::from_id_salt("profile-catalogue")
            .selected_text(shown)
            .width(280.0)
            .show_ui(ui, |ui| {
                for c in catalogues {
                    ui.selectable_value(&mut e.catalogue, c.id.clone(), l.catalogue_line(c, true));
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(l.t("profile-default"));
        if let Some(d) = &e.profile().default {
            for v in VALUES {
                let mut on = d.accept.contains(&v);
                if ui.checkbox(&mut on, l.answer(v)).changed() {
                    let mut accept = d.accept.clone();
                    toggle(&mut accept, v, on);
                    cmds.push(Command::ProfileEdit(ProfileEdit::Default {
                        accept,
                        weight: d.weight,
                    }));
                }
            }
            let mut required = d.weight == Weight::Required;
            if ui.checkbox(&mut required, l.t("weight-required")).changed() {
                cmds.push(Command::ProfileEdit(ProfileEdit::Default {
                    accept: d.accept.clone(),
                    weight: if required {
                        Weight::Required
                    } else {
                        Weight::Recommended
                    },
                }));
            }
            let mut accepted = d.conditional.is_accept();
            if ui
                .checkbox(&mut accepted, l.t("profile-conditional"))
                .on_hover_text(l.t("profile-conditional-hint"))
                .changed()
            {
                cmds.push(Command::ProfileEdit(ProfileEdit::Conditional {
                    question: None,
                    conditional: conditional_of(accepted),
                }));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(l.t("profile-citing"));
        ui.add(
            egui::TextEdit::singleline(&mut e.citing)
                .hint_text(l.t("profile-citing-hint"))
                .desired_width(120.0),
        )
        .labelled_by(label.id);
        for (id, w) in [
            ("profile-mark-required", Weight::Required),
            ("profile-mark-recommended", Weight::Recommended),
        ] {
            if ui
                .add_enabled(!e.citing.trim().is_empty(), egui::Button::new(l.t(id)))
                .clicked()
            {
                cmds.push(Command::ProfileEdit(ProfileEdit::MarkCiting {
                    reference: e.citing.clone(),
                    weight: w,
                }));
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(l.t("profile-search"));
        ui.add(egui::TextEdit::singleline(&mut e.search).desired_width(200.0))
            .labelled_by(label.id);
        ui.separator();
        if ui.button(l.t("profile-open")).clicked() {
            cmds.push(Command::Ask(Purpose::OpenProfile));
        }
        if ui.button(l.t("profile-save")).clicked() {
            cmds.push(Command::Ask(Purpose::SaveProfile));
        }
        let saved = e.path.is_some() && !e.modified();
        if ui
            .add_enabled(saved, egui::Button::new(l.t("profile-check-with")))
            .on_disabled_hover_text(l.t("profile-check-needs-save"))
            .clicked()
        {
            cmds.push(Command::CheckWithProfile);
        }
        if let Some(p) = &e.path {
            ui.weak(p.display().to_string());
        }
    });
}

fn toggle(accept: &mut Vec<AnswerValue>, v: AnswerValue, on: bool) {
    accept.retain(|x| *x != v);
    if on {
        accept.push(v);
        accept.sort_by_key(|x| AnswerValue::ALL.iter().position(|a| a == x));
    }
}

fn matches(search: &str, q: &Question) -> bool {
    let needle = fold_width(search.trim()).to_lowercase();
    needle.is_empty()
        || [q.number_key(), q.full_text()]
            .iter()
            .any(|h| fold_width(h).to_lowercase().contains(&needle))
}

fn rows_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    e: &ProfileEditor,
    c: &Catalogue,
    cmds: &mut Vec<Command>,
) {
    let questions: Vec<&Question> = c.questions().filter(|q| matches(&e.search, q)).collect();
    let rules = e.profile().index();
    TableBuilder::new(ui)
        .id_salt("profile-rows")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(48.0))
        .column(Column::initial(360.0).clip(true))
        .columns(Column::auto().at_least(56.0), 5)
        .column(Column::remainder())
        .header(ROW_H, |mut h| {
            h.col(|ui| {
                ui.strong(l.t("compare-number"));
            });
            h.col(|ui| {
                ui.strong(l.t("compare-question"));
            });
            for v in VALUES {
                h.col(|ui| {
                    ui.strong(l.answer(v));
                });
            }
            for id in ["weight-required", "profile-conditional", "profile-rule"] {
                h.col(|ui| {
                    ui.strong(l.t(id));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, questions.len(), |mut tr| {
                let Some(q) = questions.get(tr.index()) else {
                    return;
                };
                let rule = rules.rule_for(&c.id, q);
                let accept: Vec<AnswerValue> = rule.map(|g| g.accept.to_vec()).unwrap_or_default();
                let weight = rule.map(|g| g.weight).unwrap_or_default();
                let number = q.number_key();
                tr.col(|ui| {
                    ui.label(&number);
                });
                tr.col(|ui| {
                    let text = crate::domain::text::for_display(&q.full_text());
                    ui.add(egui::Label::new(&text).truncate())
                        .on_hover_text(&text);
                });
                for v in VALUES {
                    tr.col(|ui| {
                        let mut on = accept.contains(&v);
                        let name = format!("{number} {}", l.answer(v));
                        let resp = ui.checkbox(&mut on, "");
                        resp.widget_info(|| {
                            egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &name)
                        });
                        if resp.changed() {
                            let mut next = accept.clone();
                            toggle(&mut next, v, on);
                            cmds.push(Command::ProfileEdit(ProfileEdit::Question {
                                question: q.id.clone(),
                                accept: next,
                                weight,
                            }));
                        }
                    });
                }
                tr.col(|ui| {
                    let mut required = weight == Weight::Required;
                    let name = format!("{number} {}", l.t("weight-required"));
                    let resp = ui.checkbox(&mut required, "");
                    resp.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, required, &name)
                    });
                    if resp.changed() {
                        cmds.push(Command::ProfileEdit(ProfileEdit::Question {
                            question: q.id.clone(),
                            accept: accept.clone(),
                            weight: if required {
                                Weight::Required
                            } else {
                                Weight::Recommended
                            },
                        }));
                    }
                });
                tr.col(|ui| {
                    let Some(g) = rule else {
                        return;
                    };
                    let mut accepted = g.conditional.is_accept();
                    let name = format!("{number} {}", l.t("profile-conditional"));
                    let resp = ui.checkbox(&mut accepted, "");
                    resp.widget_info(|| {
                        egui::WidgetInfo::selected(egui::Role::CheckBox, true, accepted, &name)
                    });
                    if resp.changed() {
                        cmds.push(Command::ProfileEdit(ProfileEdit::Conditional {
                            question: Some(q.id.clone()),
                            conditional: conditional_of(accepted),
                        }));
                    }
                });
                tr.col(|ui| {
                    let text = match rule.and_then(|g| g.rule) {
                        Some(n) => l.ta("check-rule", &[("rule", n.into())]),
                        None => l.t("check-rule-default"),
                    };
                    ui.weak(text);
                });
            });
        });
}

/// Ticked: conditional answers meet the rule.
fn conditional_of(accepted: bool) -> Conditional {
    if accepted {
        Conditional::Accept
    } else {
        Conditional::Refuse
    }
}
