//! The inspection dossier window (ファイル → 立入検査パック…): the 年度's totals, then per system
//! and vendor the statement's verdict and warnings and the items that need the hospital's risk
//! note; choosing an item shows its note (リスク評価, 対応策, 担当, 期限 with the calendar, 状態),
//! typed into with IME like every field. Saved beside the register; printed as PDF or Excel.

use eframe::egui;

use crate::app::dossier::{DossierView, entry_line, kind_id, status_id};
use crate::app::{Command, Purpose};
use crate::domain::dossier::{Entry, Item, RiskNote, RiskStatus};
use crate::domain::dossier_edit::{DossierEdit, NoteChange, NoteField};
use crate::i18n::{Localize, Localizer};
use crate::io::clock::Clock;

pub fn dossier_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: Option<&mut DossierView>,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let Some(view) = view else { return };
    let mut open = true;
    let mark = if crate::app::document::Document::modified(view) {
        "● "
    } else {
        ""
    };
    let title = l.ta(
        "dossier-title",
        &[("year", view.dossier.fiscal_year.into())],
    );
    egui::Window::new(format!("{mark}{title}"))
        .id(egui::Id::unique("dossier-window"))
        .open(&mut open)
        .default_size([1100.0, 640.0])
        .show(ui.ctx(), |ui| {
            head_ui(ui, l, view, cmds);
            ui.separator();
            ui.columns(2, |cols| {
                if let [left, right] = cols {
                    list_ui(left, l, view);
                    // Left-aligned, not justified (a fingerprint would be spread letter by
                    // letter).
                    right.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        note_ui(ui, l, view, clock, cmds);
                    });
                }
            });
        });
    if !open {
        cmds.push(Command::CloseDossier);
    }
}

/// The folder, the profile, the totals, what could not be read, and the buttons.
fn head_ui(ui: &mut egui::Ui, l: &Localizer, view: &DossierView, cmds: &mut Vec<Command>) {
    let d = &view.dossier;
    ui.label(l.ta(
        "dossier-folder-line",
        &[("folder", view.folder.display().to_string().into())],
    ));
    ui.label(crate::app::dossier::profile_line(l, view));
    ui.strong(crate::app::dossier::totals_line(l, d));
    if let Some(line) = crate::app::dossier::orphan_line(l, view) {
        ui.colored_label(ui.visuals().warn_fg_color, line);
    }
    for line in crate::app::dossier::certificate_problem_lines(l, view) {
        ui.colored_label(ui.visuals().warn_fg_color, line);
    }
    for (file, e) in &view.problems {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            l.ta(
                "dossier-problem",
                &[("file", file.clone().into()), ("why", e.localize(l).into())],
            ),
        );
    }
    ui.horizontal(|ui| {
        if ui.button(l.t("dossier-save")).clicked() {
            cmds.push(Command::SaveDossier);
        }
        // The folder, the register and the profile read again (asked first when edited).
        if ui.button(l.t("dossier-reload")).clicked() {
            cmds.push(Command::OpenDossier(view.folder.clone()));
        }
        for (id, purpose) in [
            ("compare-export-pdf", Purpose::ExportDossierPdf),
            ("compare-export-xlsx", Purpose::ExportDossierXlsx),
        ] {
            if ui.button(l.t(id)).clicked() {
                cmds.push(Command::Ask(purpose));
            }
        }
    });
}

/// A short mark of where an item's note stands: 未評価, 評価済, 期限切れ.
fn item_mark(l: &Localizer, item: &Item) -> String {
    if item.overdue {
        l.t("dossier-overdue-mark")
    } else if item.assessed() {
        l.t("dossier-assessed-mark")
    } else {
        l.t("dossier-unassessed-mark")
    }
}

/// Systems, their statements (verdict and warnings) and each statement's items to choose.
fn list_ui(ui: &mut egui::Ui, l: &Localizer, view: &mut DossierView) {
    let warn = ui.visuals().warn_fg_color;
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .id_salt("dossier_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if view.dossier.sections.is_empty() {
                ui.label(l.t("dossier-empty"));
            }
            for s in &view.dossier.sections {
                let system = if s.system.is_empty() {
                    l.t("dossier-no-system")
                } else {
                    s.system.clone()
                };
                ui.heading(system);
                for e in &s.entries {
                    entry_head_ui(ui, l, e, warn);
                    for item in &e.items {
                        let selected = view
                            .selected
                            .as_ref()
                            .is_some_and(|(f, q)| *f == e.file && *q == item.question_id);
                        // Where the note stands first: a long question is cut at the end.
                        let text = format!(
                            "{} [{}] {} {} — {}",
                            item_mark(l, item),
                            l.t(kind_id(item.kind)),
                            item.number,
                            item.text,
                            item.answer
                        );
                        let mut rich = egui::RichText::new(text);
                        if !item.assessed() || item.overdue {
                            rich = rich.strong();
                        }
                        let resp = ui.add(egui::Button::selectable(selected, rich).truncate());
                        if resp.clicked() {
                            chosen = Some((e.file.clone(), item.question_id.clone()));
                        }
                    }
                    ui.add_space(6.0);
                }
            }
        });
    if chosen.is_some() {
        view.selected = chosen;
    }
}

/// A statement's line: who, what, its verdict, and its warnings.
fn entry_head_ui(ui: &mut egui::Ui, l: &Localizer, e: &Entry, warn: egui::Color32) {
    let id = &e.identity;
    ui.label(
        egui::RichText::new(format!(
            "{} / {} {} — {}",
            id.vendor,
            id.product,
            id.version,
            e.verdict.localize(l)
        ))
        .strong(),
    )
    .on_hover_text(entry_line(l, e));
    for w in &e.warnings {
        ui.colored_label(warn, format!("△ {}", w.localize(l)));
    }
}

/// The chosen item: its statement, question, answer and remark, and the hospital's note.
fn note_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: &DossierView,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let Some((e, item)) = view.selected_item() else {
        ui.label(l.t("dossier-choose-item"));
        return;
    };
    egui::ScrollArea::vertical()
        .id_salt("dossier_note")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            identity_ui(ui, l, e);
            ui.separator();
            ui.strong(format!("{} {}", item.number, item.text));
            ui.label(l.ta(
                "dossier-answer-line",
                &[
                    ("answer", item.answer.clone().into()),
                    ("kind", l.t(kind_id(item.kind)).into()),
                ],
            ));
            if !item.remark.trim().is_empty() {
                ui.weak(&item.remark);
            }
            if item.note_for_other_version {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    l.t("dossier-note-other-version"),
                );
            }
            ui.separator();
            let note = item.note.clone().unwrap_or_default();
            let edit = |change| {
                Command::DossierEdit(DossierEdit {
                    file: e.file.clone(),
                    question: item.question_id.clone(),
                    fingerprint: e.identity.fingerprint.clone(),
                    change,
                })
            };
            fields_ui(ui, l, (&note, &item.question_id), clock, &edit, cmds);
            status_ui(ui, l, note.status, &edit, cmds);
        });
}

/// リスク評価, 対応策, 担当 and 期限 (with the calendar and a word when it is no date).
fn fields_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (note, question): (&RiskNote, &str),
    clock: &Clock,
    edit: &dyn Fn(NoteChange) -> Command,
    cmds: &mut Vec<Command>,
) {
    for field in NoteField::ALL {
        let label = ui.add(egui::Label::new(l.t(field_id(field))).extend());
        let lines = match field {
            NoteField::Assessment | NoteField::Treatment => crate::ui::typed::Lines::Many,
            NoteField::Owner | NoteField::Due => crate::ui::typed::Lines::One,
        };
        let id = egui::Id::unique(("dossier-note", question, field.key()));
        let current = field.get(note).to_string();
        ui.horizontal(|ui| {
            let typed = crate::ui::typed::command_field(
                ui,
                ((id, lines, true), label.id),
                &current,
                |te| match lines {
                    crate::ui::typed::Lines::Many => {
                        te.desired_width(ui_width(field)).desired_rows(3)
                    }
                    crate::ui::typed::Lines::One => te.desired_width(ui_width(field)),
                },
                cmds,
                |t| edit(NoteChange::Text(field, t)),
            );
            if field == NoteField::Due {
                let v = typed.unwrap_or(current);
                crate::ui::date_picker::calendar_ui(ui, l, &v, true, clock, cmds, |t| {
                    edit(NoteChange::Text(NoteField::Due, t))
                });
                if !v.trim().is_empty() && crate::domain::register::parse_date(&v).is_none() {
                    let why = l.t("review-date-invalid");
                    crate::ui::findings::mark(
                        ui,
                        crate::domain::validation::Severity::Warning,
                        &why,
                    );
                }
            }
        });
    }
}

/// The statement an item is of: who and what, dates, form and edition, verdict, fingerprint
/// and the versions received, a line each.
fn identity_ui(ui: &mut egui::Ui, l: &Localizer, e: &Entry) {
    let id = &e.identity;
    ui.strong(format!(
        "{} / {} {} ({})",
        id.vendor, id.product, id.version, e.file
    ));
    ui.label(l.ta(
        "dossier-identity-dates",
        &[
            ("received", e.received.clone().into()),
            ("created", id.created.clone().into()),
        ],
    ));
    ui.label(l.ta(
        "dossier-identity-form",
        &[
            (
                "form",
                format!("{} {}", id.catalogue, id.form_version).into(),
            ),
            ("edition", id.edition.clone().into()),
            ("verdict", e.verdict.localize(l).into()),
        ],
    ));
    ui.weak(&id.fingerprint);
    let copies: Vec<String> = e
        .copies
        .iter()
        .map(|c| format!("{} ({})", c.seen, c.sha256))
        .collect();
    ui.weak(l.ta(
        "dossier-identity-copies",
        &[("copies", copies.join(", ").into())],
    ));
}

fn ui_width(field: NoteField) -> f32 {
    match field {
        NoteField::Assessment | NoteField::Treatment => 440.0,
        NoteField::Owner => 200.0,
        NoteField::Due => 160.0,
    }
}

/// The message id of a note field's label.
fn field_id(field: NoteField) -> &'static str {
    match field {
        NoteField::Assessment => "dossier-col-assessment",
        NoteField::Treatment => "dossier-col-treatment",
        NoteField::Owner => "dossier-col-owner",
        NoteField::Due => "dossier-col-due",
    }
}

/// 状態: 未対応 / 対応中 / 対応済 / 受容.
fn status_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    current: RiskStatus,
    edit: &dyn Fn(NoteChange) -> Command,
    cmds: &mut Vec<Command>,
) {
    ui.label(l.t("dossier-col-status"));
    ui.horizontal(|ui| {
        for st in RiskStatus::ALL {
            if ui.radio(current == st, l.t(status_id(st))).clicked() && current != st {
                cmds.push(edit(NoteChange::Status(st)));
                cmds.push(Command::SealEdit);
            }
        }
    });
}
