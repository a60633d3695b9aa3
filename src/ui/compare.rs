//! The comparison window: two or more statements side by side under their vendor / product /
//! version (file name on hover), one row per question, differences highlighted, questions a
//! gate switches off shown with the gate's state, filters, export to Excel and PDF.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::command::FileList;
use crate::app::compare::{ComparisonView, cell_text};
use crate::app::view::CompareForm;
use crate::app::{Command, Purpose};
use crate::domain::compare::Row;
use crate::i18n::{Localize, Localizer};

const ROW_H: f32 = 22.0;

pub fn compare_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CompareForm>,
    comparison: Option<&ComparisonView>,
    comparing: bool,
    native_missing: bool,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else {
        return;
    };
    let mut open = true;
    egui::Window::new(l.t("compare-title"))
        .id(egui::Id::unique("compare-window"))
        .open(&mut open)
        .default_size([960.0, 560.0])
        .show(ui.ctx(), |ui| {
            let done = comparison.is_some();
            inputs_ui(ui, l, form, (done, comparing, native_missing), cmds);
            ui.separator();
            let Some(view) = comparison else {
                return;
            };
            let rows: Vec<&Row> = view.table.filtered(form.filter).collect();
            ui.label(l.ta(
                "compare-summary",
                &[
                    ("differences", view.table.differences().count().into()),
                    ("rows", view.table.rows.len().into()),
                ],
            ));
            table_ui(ui, l, view, &rows);
        });
    if !open {
        cmds.push(Command::CloseCompare);
    }
}

/// The files, the path box, 比較する, the filters and the export buttons.
fn inputs_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: &mut CompareForm,
    (compared, comparing, native_missing): (bool, bool, bool),
    cmds: &mut Vec<Command>,
) {
    crate::ui::file_list::file_list_ui(
        ui,
        l,
        &mut form.files,
        &mut form.input,
        (FileList::Compare, "compare-path", native_missing),
        cmds,
        |ui, files, cmds| {
            let run = egui::Button::new(l.t("compare-run"));
            if ui
                .add_enabled(files.len() >= 2 && !comparing, run)
                .clicked()
            {
                cmds.push(Command::Compare(files.to_vec()));
            }
        },
    );
    ui.horizontal(|ui| {
        ui.checkbox(&mut form.filter.only_differences, l.t("compare-only-diff"));
        ui.checkbox(&mut form.filter.only_no, l.t("nav-filter-no"));
        ui.checkbox(
            &mut form.filter.only_unanswered,
            l.t("nav-filter-unanswered"),
        );
        ui.separator();
        for (id, purpose) in [
            ("compare-export-xlsx", Purpose::ExportComparisonXlsx),
            ("compare-export-pdf", Purpose::ExportComparisonPdf),
        ] {
            if ui
                .add_enabled(compared && !comparing, egui::Button::new(l.t(id)))
                .clicked()
            {
                cmds.push(Command::Ask(purpose));
            }
        }
    });
}

/// The table: number, question, and one column per statement; only the visible rows are laid
/// out.
fn table_ui(ui: &mut egui::Ui, l: &Localizer, view: &ComparisonView, rows: &[&Row]) {
    let diff_bg = if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x5a, 0x3a, 0x1a)
    } else {
        egui::Color32::from_rgb(0xfc, 0xe4, 0xd6)
    };
    TableBuilder::new(ui)
        .id_salt("compare-table")
        .striped(true)
        .resizable(true)
        .auto_shrink([false, false])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(48.0))
        .column(Column::initial(280.0).clip(true))
        .columns(Column::initial(190.0).clip(true), view.columns.len())
        // Up to three lines: vendor / product / version usually needs more than one.
        .header(ROW_H * 2.7, |mut header| {
            header.col(|ui| {
                ui.strong(l.t("compare-number"));
            });
            header.col(|ui| {
                ui.strong(l.t("compare-question"));
            });
            for c in &view.columns {
                header.col(|ui| {
                    ui.add(egui::Label::new(egui::RichText::new(&c.title).strong()).wrap())
                        .on_hover_text(&c.file);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_H, rows.len(), |mut tr| {
                let Some(row) = rows.get(tr.index()) else {
                    return;
                };
                tr.col(|ui| {
                    let mut t = egui::RichText::new(&row.number);
                    if row.differs() {
                        t = t.background_color(diff_bg);
                    }
                    ui.label(t);
                });
                tr.col(|ui| {
                    let text = match &row.refs {
                        Some(r) => format!("{} ({r})", row.text),
                        None => row.text.clone(),
                    };
                    let shown = crate::domain::text::for_display(&row.text);
                    ui.add(egui::Label::new(&shown).truncate())
                        .on_hover_text(crate::domain::text::for_display(&text));
                });
                for cell in &row.cells {
                    tr.col(|ui| match cell {
                        Some(c) => {
                            let shown = cell_text(l, c).replace('\n', " ");
                            let mut t = egui::RichText::new(&shown);
                            if row.answer_differs {
                                t = t.background_color(diff_bg);
                            }
                            if c.gated.is_some() {
                                t = t.italics();
                            }
                            let how = c.matched.map(|m| m.localize(l)).unwrap_or_default();
                            let hover = [shown.as_str(), c.remark.trim(), how.as_str()]
                                .iter()
                                .filter(|s| !s.is_empty())
                                .copied()
                                .collect::<Vec<_>>()
                                .join("\n");
                            ui.add(egui::Label::new(t).truncate()).on_hover_text(hover);
                        }
                        None => {
                            ui.weak(l.t("compare-missing"));
                        }
                    });
                }
            });
        });
}
