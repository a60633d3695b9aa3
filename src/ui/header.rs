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
