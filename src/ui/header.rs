//! The project header (editable) and the validation count.

use eframe::egui;

use crate::app::KaijishoApp;
use crate::app::state::Command;
use crate::domain::project::HeaderField;
use crate::domain::validation::counts;

pub fn header_ui(app: &mut KaijishoApp, ui: &mut egui::Ui) {
    let Some(doc) = &app.state.doc else { return };
    let kind = doc.catalogue.kind;
    let header = doc.project.header.clone();
    let doc_review = (
        doc.project.review.reviewer.clone().unwrap_or_default(),
        doc.project.review.date.clone().unwrap_or_default(),
    );
    let (errors, warnings, _) = counts(&doc.findings);
    let mut cmds = Vec::new();
    egui::Panel::top("header").show(ui, |ui| {
        let l = &app.state.loc;
        ui.horizontal_wrapped(|ui| {
            for field in HeaderField::ALL {
                let key = match (field, kind) {
                    (HeaderField::Vendor, crate::domain::Kind::Sds) => {
                        "header-vendor-sds".to_string()
                    }
                    (HeaderField::Product, crate::domain::Kind::Sds) => {
                        "header-product-sds".to_string()
                    }
                    _ => format!("header-{}", field.key()),
                };
                // A label and its field move to the next line together.
                let width = if matches!(field, HeaderField::Version | HeaderField::Created) {
                    110.0
                } else {
                    200.0
                };
                let text = l.t(&key);
                let needed = width + 16.0 * text.chars().count() as f32;
                if ui.available_width() < needed {
                    ui.end_row();
                }
                let label = ui.add(egui::Label::new(text).extend());
                let mut value = header.get(field).to_string();
                if ui
                    .add(egui::TextEdit::singleline(&mut value).desired_width(width))
                    .labelled_by(label.id)
                    .changed()
                {
                    cmds.push(Command::SetHeader(field, value));
                }
            }
            if app.ui.review_mode {
                ui.separator();
                let reviewer = doc_review.0.clone();
                let date = doc_review.1.clone();
                for (key, value, is_date) in [
                    ("review-reviewer", reviewer, false),
                    ("review-date", date, true),
                ] {
                    let label = ui.add(egui::Label::new(l.t(key)).extend());
                    let mut v = value;
                    if ui
                        .add(egui::TextEdit::singleline(&mut v).desired_width(140.0))
                        .labelled_by(label.id)
                        .changed()
                    {
                        cmds.push(if is_date {
                            Command::SetReviewDate(v)
                        } else {
                            Command::SetReviewer(v)
                        });
                    }
                }
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
                app.ui.show_validation = !app.ui.show_validation;
            }
        });
    });
    for c in cmds {
        app.send(c);
    }
}
