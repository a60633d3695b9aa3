//! The right panel: the guideline section each reference resolves to, and the hints for it.

use eframe::egui;

use crate::app::Doc;
use crate::domain::guideline::GuidelineIndex;
use crate::domain::hints::HintLibrary;
use crate::i18n::Localizer;

/// Where the guide panel goes: beside the question (at most this wide), or below it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Place {
    Beside(f32),
    Below,
}

pub fn guide_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    index: &GuidelineIndex,
    hints: &HintLibrary,
    place: Place,
) {
    let panel = match place {
        Place::Beside(max_width) => egui::Panel::right("guide")
            .resizable(true)
            .default_size(300.0_f32.min(max_width))
            .min_size(220.0_f32.min(max_width))
            .max_size(max_width),
        Place::Below => {
            let height = ui.ctx().content_rect().height();
            egui::Panel::bottom("guide_below")
                .resizable(true)
                .default_size(height * 0.3)
                .min_size(120.0)
                .max_size(height * 0.6)
        }
    };
    panel.show(ui, |ui| {
        let Some(q) = doc.selected_question() else {
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(l.t("guide-title"));
                let refs = q.refs.as_ref().map(|g| g.refs.clone()).unwrap_or_default();
                if refs.is_empty() {
                    ui.weak(l.t("guide-no-ref"));
                }
                for r in &refs {
                    match index.resolve(&doc.catalogue.guideline_edition, r) {
                        Some(res) => {
                            ui.group(|ui| {
                                ui.label(
                                    egui::RichText::new(format!(
                                        "{} — {}",
                                        res.location, res.title
                                    ))
                                    .strong(),
                                );
                                if let Some(ch) = &res.chapter_title {
                                    ui.weak(ch);
                                }
                                let confidence =
                                    l.t(&format!("confidence-{}", res.confidence.key()));
                                ui.weak(l.ta(
                                    "guide-edition",
                                    &[
                                        ("edition", res.edition_title.clone().into()),
                                        ("confidence", confidence.into()),
                                    ],
                                ));
                            });
                        }
                        None => {
                            let r = crate::domain::text::for_display(&r.to_string());
                            ui.weak(l.ta("guide-unresolved", &[("ref", r.into())]));
                        }
                    }
                }
                crate::ui::correspondence::correspondence_ui(ui, doc, l);
                let found = hints.hints_for(index, &doc.catalogue.guideline_edition, &refs);
                ui.add_space(8.0);
                ui.heading(l.t("guide-hints"));
                let (closest, fallback) = found.closest();
                if closest.is_empty() && found.edition.is_empty() {
                    ui.weak(l.t("guide-no-hints"));
                }
                let lang = l.lang().code();
                if fallback {
                    // None for the question's own reference: the section's, said so.
                    ui.strong(l.t("guide-hints-section"));
                    ui.weak(l.t("guide-hints-section-why"));
                }
                for h in closest {
                    hint_ui(ui, l, h, lang);
                }
                if !found.edition.is_empty() {
                    ui.add_space(4.0);
                    ui.strong(l.t("guide-hints-edition"));
                    for h in &found.edition {
                        hint_ui(ui, l, h, lang);
                    }
                }
                ui.add_space(8.0);
                ui.weak(hints.note.get(lang));
            });
    });
}

/// One hint: its title (open), its text and where it comes from.
fn hint_ui(ui: &mut egui::Ui, l: &Localizer, h: &crate::domain::hints::Hint, lang: &str) {
    egui::CollapsingHeader::new(h.title.get(lang))
        .id_salt(&h.id)
        .default_open(true)
        .show(ui, |ui| {
            ui.add(egui::Label::new(h.text.get(lang)).wrap());
            ui.weak(l.ta("guide-source", &[("source", h.basis.clone().into())]));
        });
}
