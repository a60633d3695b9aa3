//! The right panel: the guideline section each reference resolves to, and the hints for it.

use eframe::egui;

use crate::app::KaijishoApp;

pub fn guide_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    egui::Panel::right("guide")
        .resizable(true)
        .default_size(300.0)
        .min_size(220.0)
        .show(ui, |ui| {
            let Some(doc) = &app.state.doc else { return };
            let l = &app.state.loc;
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
                        match app.state.index.resolve(&doc.catalogue.guideline_edition, r) {
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
                                    ui.weak(format!(
                                        "{} ({})",
                                        res.edition_title,
                                        l.t(&format!("confidence-{}", res.confidence.key()))
                                    ));
                                });
                            }
                            None => {
                                ui.weak(l.ta("guide-unresolved", &[("ref", r.to_string().into())]));
                            }
                        }
                    }
                    let hints = app.state.hints.hints_for(
                        &app.state.index,
                        &doc.catalogue.guideline_edition,
                        &refs,
                    );
                    ui.add_space(8.0);
                    ui.heading(l.t("guide-hints"));
                    if hints.is_empty() {
                        ui.weak(l.t("guide-no-hints"));
                    }
                    let lang = l.lang().code();
                    for h in hints {
                        egui::CollapsingHeader::new(h.title.get(lang))
                            .id_salt(&h.id)
                            .default_open(true)
                            .show(ui, |ui| {
                                ui.add(egui::Label::new(h.text.get(lang)).wrap());
                                ui.weak(format!("{}: {}", l.t("guide-basis"), h.basis));
                            });
                    }
                    ui.add_space(8.0);
                    ui.weak(app.state.hints.note.get(lang));
                });
        });
}
