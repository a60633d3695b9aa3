//! Findings next to the control they concern: a △ beside it (what is wrong on hover) and the
//! message on a line under it.

use eframe::egui;

use crate::domain::validation::{Finding, FindingKind, Severity};
use crate::i18n::{Localize, Localizer};

fn color(ui: &egui::Ui, severity: Severity) -> egui::Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Info => ui.visuals().weak_text_color(),
    }
}

/// The △ mark; hovering it says what is wrong (and a screen reader reads that, not "△").
pub fn mark(ui: &mut egui::Ui, severity: Severity, message: &str) {
    let c = color(ui, severity);
    let resp = ui
        .add(egui::Label::new(egui::RichText::new("△").color(c)).sense(egui::Sense::hover()))
        .on_hover_text(message);
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, message));
}

/// The room a [`mark`] takes, left empty (nothing painted, nothing for a screen reader).
pub fn mark_space(ui: &mut egui::Ui) {
    let size = text_size(ui, "△");
    ui.allocate_exact_size(size, egui::Sense::hover());
}

/// The room a one-line [`line_truncated`] takes, left empty.
pub fn line_space(ui: &mut egui::Ui) {
    let size = text_size(ui, "△");
    ui.allocate_exact_size(egui::vec2(0.0, size.y), egui::Sense::hover());
}

/// Like [`line`], on one line whatever its length: cut with … (the whole message on hover),
/// so it is always as tall as [`line_space`].
pub fn line_truncated(ui: &mut egui::Ui, severity: Severity, message: &str) {
    let c = color(ui, severity);
    ui.add(egui::Label::new(egui::RichText::new(format!("△ {message}")).color(c)).truncate());
}

fn text_size(ui: &egui::Ui, text: &str) -> egui::Vec2 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text.to_string(), font, ui.visuals().text_color());
    galley.size()
}

/// The message on its own line, under the control, marked △.
pub fn line(ui: &mut egui::Ui, severity: Severity, message: &str) {
    let c = color(ui, severity);
    ui.add(egui::Label::new(egui::RichText::new(format!("△ {message}")).color(c)).wrap());
}

/// The findings of one question (`option`: of one option row, else the question's own) under
/// its answer, each on a line. Not for 対象外 notes (said above the answer already) nor for
/// 未回答 (the empty answer says it; the navigator and the findings list count it).
pub fn question_lines(
    ui: &mut egui::Ui,
    l: &Localizer,
    findings: &[Finding],
    question: &str,
    option: Option<&str>,
) {
    for f in findings.iter().filter(|f| {
        f.question_id == question
            && f.option.as_deref() == option
            && f.severity != Severity::Info
            && f.kind != FindingKind::Unanswered
    }) {
        // The option is named by the row it stands under: the message alone.
        let message = match &f.option {
            Some(_) => Finding {
                option: None,
                ..f.clone()
            }
            .localize(l),
            None => f.localize(l),
        };
        let c = color(ui, f.severity);
        ui.add(egui::Label::new(egui::RichText::new(format!("△ {message}")).color(c)).wrap());
    }
}

/// What the navigator's △ says on hover: every finding of the question, one per line.
pub fn summary(l: &Localizer, findings: &[Finding], question: &str) -> String {
    findings
        .iter()
        .filter(|f| f.question_id == question && f.severity != Severity::Info)
        .map(|f| f.localize(l))
        .collect::<Vec<_>>()
        .join("\n")
}
