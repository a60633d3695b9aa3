//! The check window (ファイル → 受入基準で確認…): statements checked against an acceptance
//! profile — a verdict per vendor, the chosen vendor's answers outside the profile (a click opens
//! the statement at that question), export to Excel and PDF.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::hospital::{CheckReport, risk_text};
use crate::app::view::CheckForm;
use crate::app::{Command, Purpose};
use crate::domain::profile::Verdict;
use crate::i18n::{Localize, Localizer};

const ROW_H: f32 = 24.0;

pub fn check_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CheckForm>,
    report: Option<&CheckReport>,
    checking: bool,
    native_missing: bool,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    let mut open = true;
    egui::Window::new(l.t("check-title"))
        .id(egui::Id::unique("check-window"))
        .open(&mut open)
        .default_size([900.0, 560.0])
        .show(ui.ctx(), |ui| {
            let done = report.is_some();
            inputs_ui(ui, l, form, (done, checking, native_missing), cmds);
            ui.separator();
            let Some(report) = report else { return };
            verdicts_ui(ui, l, form, report);
            ui.separator();
            items_ui(ui, l, form, report, cmds);
        });
    if !open {
        cmds.push(Command::CloseCheck);
    }
}

fn inputs_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: &mut CheckForm,
    (checked, checking, native_missing): (bool, bool, bool),
    cmds: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let profile = match &form.profile {
            Some(p) => p.display().to_string(),
            None => l.t("check-default-profile"),
        };
        ui.label(l.ta("check-profile-chosen", &[("profile", profile.into())]));
        if ui.button(l.t("check-choose-profile")).clicked() {
            cmds.push(Command::Ask(Purpose::CheckProfile));
        }
    });
    let selected = &mut form.selected;
    crate::ui::file_list::file_list_ui(
        ui,
        l,
        &mut form.files,
        &mut form.input,
        (
            crate::app::command::FileList::Check,
            "check-path",
            native_missing,
        ),
        cmds,
        |ui, files, cmds| {
            let run = egui::Button::new(l.t("check-run"));
            if ui
                .add_enabled(!files.is_empty() && !checking, run)
                .clicked()
            {
                *selected = 0;
                cmds.push(Command::RunCheck);
            }
        },
    );
    ui.horizontal(|ui| {
        for (id, purpose) in [
            ("compare-export-xlsx", Purpose::ExportCheckXlsx),
            ("compare-export-pdf", Purpose::ExportCheckPdf),
        ] {
            let b = egui::Button::new(l.t(id));
            if ui.add_enabled(checked && !checking, b).clicked() {
                cmds.push(Command::Ask(purpose));
            }
        }
    });
}

/// One line per statement; a click shows its items below.
fn verdicts_ui(ui: &mut egui::Ui, l: &Localizer, form: &mut CheckForm, report: &CheckReport) {
    let within = report
        .statements
        .iter()
        .filter(|s| s.check.verdict() == Verdict::Within)
        .count();
    ui.label(
        l.ta(
            "check-counts",
            &[
                ("statements", report.statements.len().into()),
                ("within", within.into()),
                (
                    "risk",
                    report
                        .statements
                        .iter()
                        .filter(|s| s.check.needs_risk_assessment())
                        .count()
                        .into(),
                ),
            ],
        ),
    );
    let warn = ui.visuals().warn_fg_color;
    TableBuilder::new(ui)
        .id_salt("check-verdicts")
        .striped(true)
        .resizable(true)
        .max_scroll_height(180.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(380.0).clip(true))
        .column(Column::initial(260.0).clip(true))
        .column(Column::remainder())
        .header(ROW_H, |mut h| {
            for id in ["check-col-statement", "check-col-verdict", "check-col-risk"] {
                h.col(|ui| {
                    ui.strong(l.t(id));
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, report.statements.len(), |mut tr| {
                let i = tr.index();
                let Some(s) = report.statements.get(i) else {
                    return;
                };
                tr.col(|ui| {
                    if ui
                        .selectable_label(form.selected == i, &s.column.title)
                        .on_hover_text(&s.column.file)
                        .clicked()
                    {
                        form.selected = i;
                    }
                });
                tr.col(|ui| {
                    let v = s.check.verdict();
                    let text = egui::RichText::new(v.localize(l));
                    ui.label(if v == Verdict::Within {
                        text
                    } else {
                        text.color(warn)
                    });
                });
                tr.col(|ui| {
                    ui.label(risk_text(l, &s.check));
                });
            });
        });
}

/// The chosen statement's answers outside the profile and unanswered items.
fn items_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: &CheckForm,
    report: &CheckReport,
    cmds: &mut Vec<Command>,
) {
    let Some(s) = report.statements.get(form.selected) else {
        return;
    };
    ui.strong(l.ta(
        "check-items-of",
        &[("statement", s.column.title.clone().into())],
    ));
    egui::ScrollArea::vertical()
        .id_salt("check-items")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if s.check.deviations.is_empty() && s.check.unanswered.is_empty() {
                ui.weak(l.t("check-nothing-outside"));
            }
            for (kind, list) in [
                ("check-kind-outside", &s.check.deviations),
                ("check-kind-unanswered", &s.check.unanswered),
            ] {
                for d in list {
                    let remark = if d.remark.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", d.remark.trim())
                    };
                    let text = format!(
                        "[{}・{}] {} {}: {}{remark}",
                        l.t(kind),
                        d.weight.localize(l),
                        d.number,
                        d.text,
                        d.answer
                    );
                    if ui
                        .link(text)
                        .on_hover_text(l.t("check-open-hint"))
                        .clicked()
                    {
                        cmds.push(Command::OpenAt(s.path.clone(), d.question_id.clone()));
                    }
                }
            }
        });
}
