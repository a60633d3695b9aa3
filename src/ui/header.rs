//! The project header (editable) and the validation count.

use eframe::egui;

use crate::app::{Command, Doc};
use crate::domain::edit::Edit;
use crate::domain::project::HeaderField;
use crate::domain::validation::{Severity, counts};
use crate::i18n::Localizer;
use crate::io::clock::Clock;

pub fn header_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    review_mode: bool,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let kind = doc.catalogue.kind;
    let header = doc.project.header.clone();
    let doc_review = (
        doc.project.review.reviewer.clone().unwrap_or_default(),
        doc.project.review.date.clone().unwrap_or_default(),
    );
    let (errors, warnings, _) = counts(&doc.findings);
    let errors = errors + doc.header_findings.len();
    egui::Panel::top("header").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            for field in HeaderField::ALL {
                let text = l.header_label(field, kind);
                // A label and its field move to the next line together.
                let width = match field {
                    HeaderField::Version => 110.0,
                    HeaderField::Created => 130.0,
                    _ => 200.0,
                };
                // The calendar button and the △ beside 作成日.
                let extra = if field == HeaderField::Created {
                    110.0
                } else {
                    20.0
                };
                let needed = width + extra + 16.0 * text.chars().count() as f32;
                // (In a wrapping row `available_width` is the whole row; the rest of it is this.)
                if ui.available_size_before_wrap().x < needed {
                    ui.end_row();
                }
                let problem = doc.header_findings.iter().find(|f| f.field == field);
                let message = problem.map(|f| l.header_finding(f, kind));
                let short = problem.map(|f| l.header_finding_short(f));
                // The field, and under it what is wrong with it.
                ui.vertical(|ui| {
                    let row = ui.horizontal(|ui| {
                        let label = ui.add(egui::Label::new(text).extend());
                        // The vendor's header is read-only in review mode.
                        let id = egui::Id::unique(("header", field.key()));
                        crate::ui::typed::edit_field(
                            ui,
                            ((id, crate::ui::typed::Lines::One, !review_mode), label.id),
                            header.get(field),
                            |te| te.desired_width(width),
                            cmds,
                            |text| Edit::Header { field, text },
                        );
                        if field == HeaderField::Created {
                            crate::ui::date_picker::date_picker_ui(
                                ui,
                                l,
                                header.get(field),
                                !review_mode,
                                clock,
                                cmds,
                            );
                        }
                        // The mark's place is kept when there is nothing to mark, so the
                        // fields after it stay under the pointer while findings come and go.
                        match &message {
                            Some(m) => crate::ui::findings::mark(ui, Severity::Error, m),
                            None => crate::ui::findings::mark_space(ui),
                        }
                    });
                    // One line under the field, kept empty when all is well (as forms keep
                    // room for helper text): the rows below do not move either.
                    ui.set_max_width(row.response.rect.width());
                    match &short {
                        Some(m) => crate::ui::findings::line_truncated(ui, Severity::Error, m),
                        None => crate::ui::findings::line_space(ui),
                    }
                });
            }
            if let Some(exercise) = &doc.project.exercise {
                participant_ui(ui, l, &exercise.participant, review_mode, cmds);
            }
            if review_mode {
                // The banner on a line of its own, then the reviewer's fields.
                ui.end_row();
                received_banner_ui(ui, l, doc, cmds);
                ui.end_row();
                reviewer_fields_ui(ui, l, doc_review.clone(), clock, cmds);
            }
            ui.separator();
            let text = l.ta(
                "validation-count",
                &[("errors", errors.into()), ("warnings", warnings.into())],
            );
            let color = if errors > 0 {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            if ui.button(egui::RichText::new(text).color(color)).clicked() {
                cmds.push(Command::ToggleValidation);
            }
        });
    });
}

/// An exercise copy's participant name (names them in the class's 答え合わせ), on a line of
/// its own.
fn participant_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    name: &str,
    review_mode: bool,
    cmds: &mut Vec<Command>,
) {
    ui.end_row();
    let label = ui.add(egui::Label::new(l.t("exercise-participant-name")).extend());
    let hint = l.t("exercise-participant-hint");
    let id = egui::Id::unique("exercise-participant");
    crate::ui::typed::edit_field(
        ui,
        ((id, crate::ui::typed::Lines::One, !review_mode), label.id),
        name,
        |te| te.desired_width(200.0).hint_text(hint),
        cmds,
        Edit::Participant,
    );
}

/// The reviewer's fields in review mode: 確認者 and 確認日 (with 今日, and a word when the
/// date is no date).
fn reviewer_fields_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    doc_review: (String, String),
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    let reviewer = doc_review.0.clone();
    let date = doc_review.1.clone();
    for (key, value, is_date) in [
        ("review-reviewer", reviewer, false),
        ("review-date", date, true),
    ] {
        let label = ui.add(egui::Label::new(l.t(key)).extend());
        // An empty date shows empty (never a grey date that looks saved); 「今日」 and the
        // calendar fill it in.
        let id = egui::Id::unique(("review-field", key));
        let typed = crate::ui::typed::edit_field(
            ui,
            ((id, crate::ui::typed::Lines::One, true), label.id),
            &value,
            |te| te.desired_width(140.0),
            cmds,
            if is_date {
                Edit::ReviewDate
            } else {
                Edit::Reviewer
            },
        );
        let v = typed.unwrap_or(value);
        if is_date {
            crate::ui::date_picker::calendar_ui(ui, l, &v, true, clock, cmds, |t| {
                Command::Edit(Edit::ReviewDate(t))
            });
        }
        // A date field: what is not a date is said at once (和暦 is read too).
        if is_date && !v.trim().is_empty() && crate::domain::register::parse_date(&v).is_none() {
            ui.colored_label(ui.visuals().error_fg_color, l.t("review-date-invalid"));
        }
        if is_date && ui.small_button(l.t("review-date-today")).clicked() {
            cmds.push(Command::Edit(Edit::ReviewDate(clock.today_japanese())));
            cmds.push(Command::SealEdit);
        }
    }
}

/// The line above the reviewer's fields: review mode, and for a received statement that its
/// file is kept as received, where the review goes, 「事業者として編集する…」, and a warning
/// when the review read was written for another version of the statement.
fn received_banner_ui(ui: &mut egui::Ui, l: &Localizer, doc: &Doc, cmds: &mut Vec<Command>) {
    let Some(r) = &doc.received else {
        ui.label(egui::RichText::new(l.t("review-banner")).strong());
        return;
    };
    let review = r
        .review_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    ui.label(egui::RichText::new(l.t("received-banner")).strong())
        .on_hover_text(r.review_path.display().to_string());
    ui.label(l.ta("received-review-file", &[("review", review.into())]));
    if ui.button(l.t("menu-edit-as-vendor")).clicked() {
        cmds.push(Command::EditAsVendor(None));
    }
    if r.other_version {
        ui.end_row();
        ui.colored_label(
            ui.visuals().error_fg_color,
            l.t("received-other-version-short"),
        );
    }
}
