//! The check window (ファイル → 受入基準で確認…): statements checked against an acceptance
//! profile — a verdict per vendor, the chosen vendor's answers outside the profile (a click opens
//! the statement at that question), export to Excel and PDF. Any change of the profile or the
//! statements checks again in the background; the window says which profile and statements its
//! verdicts come from, and dims them (「再確認中…」) while they are being made again.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::hospital::{CheckReport, risk_text};
use crate::app::view::CheckForm;
use crate::app::{Command, Purpose};
use crate::domain::profile::Verdict;
use crate::i18n::{Localize, Localizer};
use crate::ui::compare::Chosen;
use crate::ui::file_list::ListOf;

const ROW_H: f32 = 24.0;
/// The most file names the hover of 「この判定の開示書」 lists.
const HOVER_FILES: usize = 40;

/// What the check window shows of the last check.
pub struct CheckShown<'a> {
    pub report: Option<&'a CheckReport>,
    /// The report is of the window's profile and statements as they are now.
    pub current: bool,
    /// A check is running: how far it is (done, total).
    pub checking: Option<(usize, usize)>,
    /// Why the last check gave no verdicts.
    pub error: Option<&'a str>,
}

pub fn check_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CheckForm>,
    chosen: &Chosen<'_>,
    shown: &CheckShown<'_>,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    let mut open = true;
    egui::Window::new(l.t("check-title"))
        .id(egui::Id::unique("check-window"))
        .open(&mut open)
        .default_size([900.0, 560.0])
        .show(ui.ctx(), |ui| {
            inputs_ui(ui, l, form, chosen, shown, cmds);
            ui.separator();
            state_ui(ui, l, shown);
            let Some(report) = shown.report else { return };
            if form.selected >= report.statements.len() {
                form.selected = 0;
            }
            // Verdicts that are not of the window's profile and statements are dimmed.
            ui.add_enabled_ui(shown.current, |ui| {
                provenance_ui(ui, l, report);
                verdicts_ui(ui, l, form, report);
                ui.separator();
                items_ui(ui, l, form, report, cmds);
            });
        });
    if !open {
        cmds.push(Command::CloseCheck);
    }
}

/// 「再確認中…」 with its progress, why the last check failed, or that the verdicts shown are
/// of an earlier profile or list.
fn state_ui(ui: &mut egui::Ui, l: &Localizer, shown: &CheckShown<'_>) {
    if let Some((done, total)) = shown.checking {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.strong(l.ta(
                "check-rechecking",
                &[("done", done.into()), ("total", total.into())],
            ));
        });
    } else if let Some(e) = shown.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    } else if shown.report.is_some() && !shown.current {
        ui.colored_label(ui.visuals().warn_fg_color, l.t("check-stale"));
    }
}

/// Which profile (name and file) and which statements the verdicts come from.
fn provenance_ui(ui: &mut egui::Ui, l: &Localizer, report: &CheckReport) {
    let file = if report.profile_digest.is_some() {
        report.profile_file.clone()
    } else {
        l.t("check-default-file")
    };
    ui.label(l.ta(
        "check-from",
        &[
            ("name", report.profile.clone().into()),
            ("file", file.into()),
        ],
    ));
    let files: Vec<&str> = report
        .statements
        .iter()
        .map(|s| s.column.file.as_str())
        .collect();
    // One line, however many (cut at the window's edge); the first ones listed on hover.
    let mut names = files
        .iter()
        .take(HOVER_FILES)
        .copied()
        .collect::<Vec<_>>()
        .join(&l.t("list-separator"));
    if files.len() > HOVER_FILES {
        names.push_str(&l.t("list-separator"));
        names.push('…');
    }
    let line = l.ta(
        "check-from-files",
        &[("count", files.len().into()), ("files", names.into())],
    );
    let mut hover: Vec<&str> = files.iter().take(HOVER_FILES).copied().collect();
    let more = files.len().saturating_sub(HOVER_FILES);
    let more_line = l.ta("check-from-more", &[("count", more.into())]);
    if more > 0 {
        hover.push(&more_line);
    }
    ui.add(egui::Label::new(line).truncate())
        .on_hover_text(hover.join("\n"));
}

fn inputs_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: &mut CheckForm,
    chosen: &Chosen<'_>,
    shown: &CheckShown<'_>,
    cmds: &mut Vec<Command>,
) {
    let checking = shown.checking.is_some();
    let checked = shown.report.is_some() && shown.current;
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
    let of = ListOf {
        list: crate::app::command::FileList::Check,
        label_id: "check-path",
        native_missing: chosen.native_missing,
        register: Some(chosen.register),
    };
    crate::ui::file_list::file_list_ui(
        ui,
        l,
        chosen.files,
        &mut form.input,
        &of,
        cmds,
        |ui, files, cmds| {
            let run = egui::Button::new(l.t("check-run"));
            if ui
                .add_enabled(!files.is_empty() && !checking, run)
                .on_hover_text(l.t("check-run-hint"))
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
                        crate::app::hospital::deviation_answer(l, d)
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
