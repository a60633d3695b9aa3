//! "Replace the cells that were not read?": an export into the original workbook would replace
//! answer cells whose content the import could not read (「はい（一部対応）」, two marks), because
//! their questions were answered here. Every such cell is listed with what it holds and will
//! hold; nothing is written until the user agrees.

use eframe::egui;

use crate::app::command::Command;
use crate::app::view::{OfferKind, ReplaceOffer};
use crate::i18n::Localizer;

pub fn replace_offer_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    offer: Option<&ReplaceOffer>,
    out: &mut Vec<Command>,
) {
    let Some(offer) = offer else { return };
    egui::Modal::new(egui::Id::unique("replace-offer")).show(ui.ctx(), |ui| {
        ui.set_max_width(640.0);
        let (title, body, accept) = match offer.kind {
            OfferKind::Unread => (
                "replace-offer-title",
                "replace-offer-body",
                "replace-offer-accept",
            ),
            OfferKind::Protected => (
                "protected-offer-title",
                "protected-offer-body",
                "protected-offer-accept",
            ),
        };
        ui.heading(l.t(title));
        let file = offer.out.display().to_string();
        ui.label(l.ta(
            body,
            &[("file", file.into()), ("count", offer.cells.len().into())],
        ));
        egui::ScrollArea::vertical()
            .max_height(280.0)
            .show(ui, |ui| {
                for line in &offer.cells {
                    ui.label(format!("• {line}"));
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(l.t(accept)).clicked() {
                out.push(Command::ReplaceOffer(true));
            }
            if ui.button(l.t("dialog-cancel")).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                out.push(Command::ReplaceOffer(false));
            }
        });
    });
}
