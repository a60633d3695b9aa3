//! The start screen: new project (catalogue + header), open, recent files, sample, import.

use std::path::PathBuf;

use eframe::egui;

use crate::app::view::NewForm;
use crate::app::{Command, Purpose};
use crate::domain::Kind;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::HeaderField;
use crate::i18n::Localizer;

/// A button that stands out as the main way forward.
fn primary_button(ui: &mut egui::Ui, text: String) -> egui::Response {
    let fill = ui.visuals().selection.bg_fill;
    let color = ui.visuals().selection.stroke.color;
    ui.add(egui::Button::new(egui::RichText::new(text).strong().color(color)).fill(fill))
}

/// The samples the start screen opens: SDS (with a gate) and MDS (with option answers).
const SAMPLE: &str = "sds-remote-service-sample";
const SAMPLE_MDS: &str = "mds-checksheet-sample";

pub fn start_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    catalogues: &[Catalogue],
    recent: &[PathBuf],
    form: &mut NewForm,
    out: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.heading(l.t("app-name"));
        ui.label(l.t("start-intro"));
        ui.label(l.t("start-excerpts"));
        ui.add_space(12.0);
        ui.columns(2, |cols| {
            if let [left, right] = cols {
                new_project_ui(left, l, catalogues, form, out);
                open_ui(right, l, recent, out);
            }
        });
    });
}

fn new_project_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    catalogues: &[Catalogue],
    form: &mut NewForm,
    out: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(l.t("start-new"));
        if primary_button(ui, l.t("start-from-checklist")).clicked() {
            out.push(Command::Ask(Purpose::Import));
        }
    });
    ui.label(l.t("start-catalogue"));
    ui.scope(|ui| {
        // One line each; the details on hover.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
        for c in catalogues {
            ui.radio_value(&mut form.catalogue, c.id.clone(), l.catalogue_short(c))
                .on_hover_text(l.catalogue_line(c, true));
        }
    });
    if ui.button(l.t("start-choose-catalogue")).clicked() {
        out.push(Command::Ask(Purpose::Catalogue));
    }
    ui.add_space(6.0);
    let kind = catalogues
        .iter()
        .find(|c| c.id == form.catalogue)
        .map_or(Kind::Mds, |c| c.kind);
    egui::Grid::new("new-header").num_columns(2).show(ui, |ui| {
        for field in HeaderField::ALL {
            let label = ui.label(l.header_label(field, kind));
            let mut value = form.header.get(field).to_string();
            if ui
                .add(egui::TextEdit::singleline(&mut value).desired_width(260.0))
                .labelled_by(label.id)
                .changed()
            {
                form.header.set(field, value);
            }
            ui.end_row();
        }
    });
    if ui.button(l.t("start-create")).clicked() {
        out.push(Command::NewFromForm);
    }
}

fn open_ui(ui: &mut egui::Ui, l: &Localizer, recent: &[PathBuf], out: &mut Vec<Command>) {
    ui.heading(l.t("start-open-heading"));
    if ui.button(l.t("menu-open")).clicked() {
        out.push(Command::Ask(Purpose::Open));
    }
    if ui.button(l.t("start-sample")).clicked() {
        out.push(Command::OpenSample(SAMPLE.into()));
    }
    if ui.button(l.t("start-sample-mds")).clicked() {
        out.push(Command::OpenSample(SAMPLE_MDS.into()));
    }
    ui.add_space(8.0);
    ui.label(l.t("start-recent"));
    if recent.is_empty() {
        ui.weak(l.t("start-no-recent"));
    }
    for p in recent {
        if ui.link(p.display().to_string()).clicked() {
            out.push(Command::Open(p.clone()));
        }
    }
}
