//! The import preview: what the workbook import recognised and skipped (with row numbers), and
//! the mapping it used, which the user can correct and re-run before taking the statement.

use eframe::egui;

use crate::app::import_wizard::MapChange;
use crate::app::{Command, ImportPreview};
use crate::domain::answer::YES_NO_NA;
use crate::domain::catalogue::Kind;
use crate::i18n::{Localize, Localizer};
use crate::io::xlsx::Mapping;

fn opt_field(ui: &mut egui::Ui, label: &str, value: &mut Option<String>, width: f32) {
    let l = ui.label(label);
    let mut text = value.clone().unwrap_or_default();
    if ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(width))
        .labelled_by(l.id)
        .changed()
    {
        *value = (!text.trim().is_empty()).then(|| text.trim().to_string());
    }
    ui.end_row();
}

fn row_field(ui: &mut egui::Ui, label: &str, value: &mut Option<u32>) {
    let mut text = value.map(|v| v.to_string()).unwrap_or_default();
    let l = ui.label(label);
    if ui
        .add(egui::TextEdit::singleline(&mut text).desired_width(60.0))
        .labelled_by(l.id)
        .changed()
    {
        *value = text.trim().parse().ok();
    }
    ui.end_row();
}

fn mapping_ui(app_lang: &crate::i18n::Localizer, ui: &mut egui::Ui, m: &mut Mapping) {
    egui::Grid::new("mapping").num_columns(2).show(ui, |ui| {
        opt_field(ui, &app_lang.t("import-map-sheet"), &mut m.sheet, 200.0);
        opt_field(ui, &app_lang.t("import-map-flag"), &mut m.flag_column, 60.0);
        let mut marks = m.mark_columns.clone().unwrap_or_default();
        let label = ui.label(app_lang.t("import-map-marks"));
        ui.horizontal(|ui| {
            let words = YES_NO_NA.map(|v| app_lang.value(v));
            for (c, hint) in marks.iter_mut().zip(words) {
                ui.add(egui::TextEdit::singleline(c).desired_width(40.0))
                    .labelled_by(label.id)
                    .on_hover_text(hint);
            }
        });
        ui.end_row();
        m.mark_columns = marks
            .iter()
            .all(|c| !c.trim().is_empty())
            .then_some(marks.map(|c| c.trim().to_string()));
        opt_field(
            ui,
            &app_lang.t("import-map-remark"),
            &mut m.remark_column,
            60.0,
        );
        row_field(ui, &app_lang.t("import-map-first"), &mut m.first_row);
        row_field(ui, &app_lang.t("import-map-last"), &mut m.last_row);
    });
}

/// The form the workbook is read as (detected, or chosen here): which questions of a list
/// marked per form are the statement's, and the header's words.
fn form_ui(ui: &mut egui::Ui, l: &Localizer, kind: Kind, reading: bool, out: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.label(l.t("import-form"));
        for (k, id) in [
            (Kind::Mds, "import-form-mds"),
            (Kind::Sds, "import-form-sds"),
            (Kind::Checklist, "import-form-checklist"),
            (Kind::Appendix, "import-form-appendix"),
        ] {
            let chosen = ui.add_enabled(!reading, egui::Button::selectable(kind == k, l.t(id)));
            if chosen.clicked() && kind != k {
                out.push(Command::MapImport(MapChange::Form(k)));
            }
        }
    });
}

pub fn import_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    preview: Option<&mut ImportPreview>,
    reading: bool,
    carrying: bool,
    out: &mut Vec<Command>,
) {
    let Some(preview) = preview else {
        return;
    };
    let width = (ui.ctx().content_rect().width() - 80.0).clamp(480.0, 1200.0);
    egui::Modal::new(egui::Id::unique("import-preview")).show(ui.ctx(), |ui| {
        ui.set_max_width(width);
        ui.heading(l.ta(
            "import-title",
            &[("file", preview.path.display().to_string().into())],
        ));
        if carrying {
            ui.colored_label(ui.visuals().warn_fg_color, l.t("import-carrying"));
        }
        egui::ScrollArea::vertical()
            .id_salt("import-report")
            .max_height(150.0)
            .show(ui, |ui| match &preview.result {
                Err(msg) => {
                    ui.colored_label(ui.visuals().error_fg_color, msg);
                }
                Ok(imp) => {
                    let r = &imp.report;
                    ui.label(l.ta(
                        "import-summary",
                        &[
                            ("file", preview.path.display().to_string().into()),
                            ("sheet", r.sheet.clone().into()),
                            ("sections", r.sections.into()),
                            ("questions", r.questions.into()),
                            ("options", r.options.into()),
                            ("answers", r.answers.into()),
                        ],
                    ));
                    ui.label(l.t(&format!("import-method-{}", r.method)));
                    let c = &imp.catalogue;
                    ui.weak(l.catalogue_line(c, false));
                    if r.method == "detected" {
                        form_ui(ui, l, c.kind, reading, out);
                    }
                    if !r.filled {
                        ui.label(l.t("import-blank"));
                    }
                    for n in &r.notes {
                        ui.colored_label(ui.visuals().warn_fg_color, n.localize(l));
                    }
                    if r.uncertain {
                        ui.colored_label(ui.visuals().warn_fg_color, l.t("import-uncertain-gui"));
                    }
                    if !r.skipped.is_empty() {
                        ui.collapsing(
                            l.ta("import-skipped-count", &[("count", r.skipped.len().into())]),
                            |ui| {
                                // Each line shows its row in the wizard's grid.
                                for s in &r.skipped {
                                    let line = l.ta(
                                        "import-skipped",
                                        &[
                                            ("row", s.row.into()),
                                            ("reason", s.reason.localize(l).into()),
                                        ],
                                    );
                                    if ui.link(line).clicked() {
                                        let row = s.row.saturating_sub(1);
                                        out.push(Command::ImportShowRow(row));
                                    }
                                }
                            },
                        );
                    }
                }
            });
        let detected = preview
            .result
            .as_ref()
            .map(|i| i.report.method == "detected")
            .unwrap_or(true);
        if detected {
            ui.separator();
            crate::ui::import_wizard::wizard_ui(ui, l, &*preview, reading, out);
            let uncertain = preview.result.as_ref().map_or(true, |i| i.report.uncertain);
            egui::CollapsingHeader::new(l.t("import-mapping"))
                .default_open(uncertain)
                .show(ui, |ui| mapping_ui(l, ui, &mut preview.mapping));
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    preview.result.is_ok() && !reading,
                    egui::Button::new(l.t("import-accept")),
                )
                .clicked()
            {
                out.push(Command::AcceptImport);
            }
            if ui
                .add_enabled(!reading, egui::Button::new(l.t("import-rerun")))
                .clicked()
            {
                out.push(Command::PreviewImport(
                    preview.path.clone(),
                    Box::new(preview.mapping.clone()),
                ));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                out.push(Command::CancelImport);
            }
        });
    });
}
