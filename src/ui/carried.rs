//! Under a question whose answer was carried forward: where it came from and why, the earlier
//! wording beside the new one with the differences marked (struck through and underlined, not
//! only coloured) and the earlier reference beside the new, 「確認」 (K), and the other earlier
//! questions it may continue, any of which can be taken instead.

use eframe::egui;
use egui::text::LayoutJob;

use crate::app::{Command, Doc};
use crate::domain::carried::{Carried, CarryCandidate};
use crate::domain::carry::is_changed;
use crate::domain::catalogue::Question;
use crate::domain::edit::Edit;
use crate::domain::text::{DiffPart, char_diff, for_display};
use crate::i18n::{Localize, Localizer};

/// One wording with the parts only it has marked: struck through for the earlier one,
/// underlined for the new one, both on a tinted background.
fn marked(ui: &egui::Ui, text: &str, other: &str, earlier: bool) -> LayoutJob {
    let mut job = LayoutJob::default();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let tint = if earlier {
        ui.visuals().error_fg_color.gamma_multiply(0.25)
    } else {
        ui.visuals().selection.bg_fill.gamma_multiply(0.6)
    };
    let parts = if earlier {
        char_diff(text, other)
    } else {
        char_diff(other, text)
    };
    let mine = if earlier {
        DiffPart::Removed
    } else {
        DiffPart::Added
    };
    for (part, run) in parts {
        let mut format = egui::TextFormat::simple(font.clone(), color);
        if part == mine {
            format.background = tint;
            let stroke = egui::Stroke::new(1.5, color);
            if earlier {
                format.strikethrough = stroke;
            } else {
                format.underline = stroke;
            }
        } else if part != DiffPart::Same {
            continue;
        }
        job.append(&for_display(&run), 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// The earlier wording and reference beside the new.
fn changed_ui(ui: &mut egui::Ui, l: &Localizer, q: &Question, c: &CarryCandidate) {
    let e = &c.earlier;
    let new_ref = q.ref_raw().unwrap_or_default();
    egui::Grid::new(("carried_diff", &q.id))
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            ui.weak(l.t("carried-old-text"));
            ui.label(marked(ui, &e.text, &q.text, true));
            ui.end_row();
            ui.weak(l.t("carried-new-text"));
            ui.label(marked(ui, &q.text, &e.text, false));
            ui.end_row();
            if e.reference != new_ref {
                ui.weak(l.t("carried-refs"));
                ui.label(l.ta(
                    "carried-ref-change",
                    &[
                        ("old", for_display(&e.reference).into()),
                        ("new", for_display(new_ref).into()),
                    ],
                ));
                ui.end_row();
            }
        });
}

/// An earlier answer in one line: its value (or each option's) and remark.
fn earlier_answer(l: &Localizer, c: &CarryCandidate) -> String {
    let a = &c.earlier.answer;
    let mut parts: Vec<String> = Vec::new();
    if a.options.is_empty() {
        parts.push(l.value(a.value));
    }
    for (id, o) in &a.options {
        let label = c
            .earlier
            .options
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.clone());
        parts.push(format!("{label}: {}", l.value(o.value)));
    }
    if !a.remark.trim().is_empty() {
        parts.push(a.remark.trim().to_string());
    }
    parts.join(" / ")
}

/// Where a candidate comes from: the earlier statement's question (`earlier_id`), or an entry
/// of an answer library (`library_id`), with why it was matched.
fn origin_line(l: &Localizer, c: &CarryCandidate, earlier_id: &str, library_id: &str) -> String {
    match &c.library {
        Some(lib) => l.ta(
            library_id,
            &[
                ("library", lib.library.clone().into()),
                ("entry", lib.entry.clone().into()),
                ("from", lib.from.join("、").into()),
                ("how", c.reason.localize(l).into()),
            ],
        ),
        None => l.ta(
            earlier_id,
            &[
                ("old", c.earlier.number.clone().into()),
                ("how", c.reason.localize(l).into()),
            ],
        ),
    }
}

/// The other earlier questions this one may continue; any can be taken instead, or none.
fn candidates_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    q: &Question,
    carried: &Carried,
    editable: bool,
    cmds: &mut Vec<Command>,
) {
    let title = l.ta(
        "carried-candidates",
        &[("count", carried.candidates.len().into())],
    );
    egui::CollapsingHeader::new(title)
        .id_salt(("carried_candidates", &q.id))
        .default_open(carried.chosen.is_none())
        .show(ui, |ui| {
            for (k, c) in carried.candidates.iter().enumerate() {
                let chosen = carried.chosen == Some(k);
                ui.horizontal_wrapped(|ui| {
                    let line = origin_line(l, c, "carried-candidate", "library-candidate");
                    if chosen {
                        ui.strong(format!("✔ {line}"));
                    } else {
                        ui.label(line);
                        let label = match &c.library {
                            Some(lib) => {
                                l.ta("library-take", &[("entry", lib.entry.clone().into())])
                            }
                            None => {
                                l.ta("carried-take", &[("old", c.earlier.number.clone().into())])
                            }
                        };
                        if ui
                            .add_enabled(editable, egui::Button::new(label).small())
                            .clicked()
                        {
                            cmds.push(Command::Edit(Edit::PickCandidate {
                                question: q.id.clone(),
                                candidate: Some(k),
                            }));
                        }
                    }
                });
                ui.indent(("carried_candidate", k), |ui| {
                    ui.weak(for_display(&c.earlier.text));
                    ui.label(l.ta(
                        "carried-earlier-answer",
                        &[("answer", earlier_answer(l, c).into())],
                    ));
                });
            }
            if carried.chosen.is_some()
                && ui
                    .add_enabled(editable, egui::Button::new(l.t("carried-take-none")))
                    .clicked()
            {
                cmds.push(Command::Edit(Edit::PickCandidate {
                    question: q.id.clone(),
                    candidate: None,
                }));
            }
        });
}

/// Where the question's answer came from, and what can be done about it.
pub fn carried_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    doc: &Doc,
    q: &Question,
    review_mode: bool,
    cmds: &mut Vec<Command>,
) {
    let Some(answer) = doc.project.answer(&q.id) else {
        return;
    };
    let Some(carried) = answer.carried.as_deref() else {
        return;
    };
    let editable = !review_mode;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        match carried.chosen() {
            Some(c) => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(origin_line(l, c, "carried-from", "library-from"));
                    if let Some(lib) = c.library.as_ref().filter(|o| o.stale) {
                        let said = match lib.verified_on.trim() {
                            "" => l.t("library-stale-never"),
                            on => l.ta("library-stale", &[("verified", on.to_string().into())]),
                        };
                        ui.colored_label(ui.visuals().warn_fg_color, said);
                    }
                    if answer.recheck && editable {
                        let said = match c.library {
                            Some(_) => l.t("library-recheck"),
                            None => l.t("question-recheck"),
                        };
                        ui.colored_label(ui.visuals().warn_fg_color, said);
                        let resp = ui.button(l.t("question-confirm"));
                        let label = format!("{} {}", q.number_key(), l.t("question-confirm"));
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                        });
                        if resp.on_hover_text(l.t("carried-confirm-key")).clicked() {
                            cmds.push(Command::Edit(Edit::ConfirmCarried {
                                question: q.id.clone(),
                            }));
                        }
                    }
                });
                if is_changed(q, &c.earlier) {
                    changed_ui(ui, l, q, c);
                }
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, l.t("carried-none-chosen"));
            }
        }
        if carried.candidates.len() > 1 || carried.chosen.is_none() {
            candidates_ui(ui, l, q, carried, editable, cmds);
        }
    });
}
