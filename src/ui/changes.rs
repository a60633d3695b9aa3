//! 「前回からの変更点」: what changed since the earlier statement, by section — new questions,
//! reworded ones (earlier wording beside the new), answers that differ, and earlier questions
//! with no counterpart — with the two statements named by vendor, product, version, checklist
//! and fingerprint; exported to PDF or a workbook.

use eframe::egui;

use crate::app::{Command, Purpose};
use crate::domain::changes::{ChangeKind, ChangeRow, Changes, Named, Shown};
use crate::domain::text::for_display;
use crate::i18n::Localizer;

/// The message id naming a kind of change.
pub fn kind_id(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::New => "changes-window-kind-new",
        ChangeKind::Reworded => "changes-window-kind-reworded",
        ChangeKind::Answer => "changes-window-kind-answer",
        ChangeKind::Dropped => "changes-window-kind-dropped",
    }
}

/// An answer in one line: value (or each option's), then the remark.
pub fn shown_line(l: &Localizer, a: &Shown) -> String {
    let mut parts: Vec<String> = Vec::new();
    if a.options.is_empty() && a.condition.is_empty() {
        parts.push(l.value(a.value));
    } else if a.options.is_empty() {
        parts.push(l.ta(
            "answer-conditional",
            &[
                ("answer", l.value(a.value).into()),
                ("condition", a.condition.clone().into()),
            ],
        ));
    }
    for o in &a.options {
        parts.push(format!("{}: {}", o.label, l.value(o.value)));
        if !o.remark.is_empty() {
            parts.push(o.remark.clone());
        }
    }
    if !a.remark.trim().is_empty() {
        parts.push(a.remark.trim().to_string());
    }
    parts.join(" / ")
}

fn named_ui(ui: &mut egui::Ui, l: &Localizer, id: &str, n: &Named) {
    ui.label(l.ta(
        id,
        &[
            ("vendor", n.header.vendor.clone().into()),
            ("product", n.header.product.clone().into()),
            ("version", n.header.version.clone().into()),
            ("checklist", n.catalogue_title.clone().into()),
            ("form", n.catalogue_version.clone().into()),
        ],
    ));
    let short: String = n.fingerprint.chars().take(7 + 16).collect();
    ui.weak(short).on_hover_text(&n.fingerprint);
}

fn row_ui(ui: &mut egui::Ui, l: &Localizer, r: &ChangeRow, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let kind = egui::RichText::new(l.t(kind_id(r.kind))).strong();
        ui.label(kind);
        let number = match (r.number.is_empty(), r.old_number.is_empty()) {
            (false, false) if r.number != r.old_number => {
                format!("{} ← {}", r.number, r.old_number)
            }
            (false, _) => r.number.clone(),
            _ => l.ta(
                "changes-window-old-number",
                &[("old", r.old_number.clone().into())],
            ),
        };
        if r.question.is_empty() {
            ui.label(number);
        } else if ui.link(number).clicked() {
            out.push(Command::Select(r.question.clone()));
        }
    });
    ui.indent(("changes_row", &r.number, &r.old_number, r.kind), |ui| {
        if r.kind == ChangeKind::Reworded {
            ui.weak(l.ta(
                "changes-window-was",
                &[("text", for_display(&r.old_text).into())],
            ));
        }
        ui.label(for_display(&r.text));
        if r.reference != r.old_reference && r.kind == ChangeKind::Reworded {
            ui.weak(l.ta(
                "carried-ref-change",
                &[
                    ("old", for_display(&r.old_reference).into()),
                    ("new", for_display(&r.reference).into()),
                ],
            ));
        }
        if matches!(r.kind, ChangeKind::Answer | ChangeKind::Dropped) {
            let before = r
                .before
                .as_ref()
                .map(|a| shown_line(l, a))
                .unwrap_or_default();
            let after = r.after.as_ref().map(|a| shown_line(l, a));
            ui.label(match after {
                Some(after) => l.ta(
                    "changes-window-answer",
                    &[("before", before.into()), ("after", after.into())],
                ),
                None => l.ta(
                    "changes-window-answer-dropped",
                    &[("before", before.into())],
                ),
            });
        }
    });
}

/// The window, while shown.
pub fn changes_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    changes: Option<&Changes>,
    shown: bool,
    out: &mut Vec<Command>,
) {
    if !shown {
        return;
    }
    let mut open = true;
    egui::Window::new(l.t("changes-window-title"))
        .id(egui::Id::unique("changes_window"))
        .open(&mut open)
        .default_size([640.0, 520.0])
        .show(ui.ctx(), |ui| {
            let Some(c) = changes else {
                ui.label(l.t("changes-window-not-carried"));
                return;
            };
            named_ui(ui, l, "changes-window-before", &c.before);
            named_ui(ui, l, "changes-window-after", &c.after);
            ui.label(l.ta(
                "changes-window-counts",
                &[
                    ("new", c.count(ChangeKind::New).into()),
                    ("reworded", c.count(ChangeKind::Reworded).into()),
                    ("answer", c.count(ChangeKind::Answer).into()),
                    ("dropped", c.count(ChangeKind::Dropped).into()),
                ],
            ));
            ui.horizontal(|ui| {
                if ui.button(l.t("changes-window-export-pdf")).clicked() {
                    out.push(Command::Ask(Purpose::ExportChangesPdf));
                }
                if ui.button(l.t("changes-window-export-xlsx")).clicked() {
                    out.push(Command::Ask(Purpose::ExportChangesXlsx));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let mut section: Option<&str> = None;
                    for r in &c.rows {
                        if section != Some(r.section.as_str()) {
                            section = Some(r.section.as_str());
                            ui.add_space(4.0);
                            ui.strong(for_display(&r.section));
                        }
                        row_ui(ui, l, r, out);
                    }
                    if c.rows.is_empty() {
                        ui.label(l.t("changes-window-none"));
                    }
                });
        });
    if !open {
        out.push(Command::CloseChanges);
    }
}
