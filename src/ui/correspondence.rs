//! Beside a question's guideline section: the rows of the imported workbook's correspondence
//! sheet (第5.2版 ↔ 第6.0版) that name one of its references.

use eframe::egui;

use crate::app::Doc;
use crate::domain::text::for_display;
use crate::i18n::Localizer;

pub fn correspondence_ui(ui: &mut egui::Ui, doc: &Doc, l: &Localizer) {
    let (Some(source), Some(q)) = (&doc.project.source, doc.selected_question()) else {
        return;
    };
    let Some(refs) = &q.refs else { return };
    let found = source.counterparts(refs);
    if found.is_empty() {
        return;
    }
    ui.group(|ui| {
        ui.strong(l.ta(
            "guide-correspondence",
            &[("sheet", source.correspondence_sheet.clone().into())],
        ));
        for c in found {
            ui.label(l.ta(
                "guide-correspondence-row",
                &[
                    ("old", for_display(&c.old).into()),
                    ("new", for_display(&c.new).into()),
                ],
            ));
        }
    });
}
