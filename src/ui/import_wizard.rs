//! The mapping wizard in the import preview: the sheet as a grid (row numbers, column letters,
//! merged cells, the first rows), each detected role coloured — number, text, reference,
//! answer, marks, remark, header cells, section and heading rows, skipped rows with the reason
//! on hover. A click on a column letter or a cell sets its role, on a row number the first or
//! last row read; every change reads the workbook again at once.

use eframe::egui;
use egui::containers::menu::MenuButton;
use egui_extras::{Column, TableBuilder};

use crate::app::import_wizard::{ColumnRole, MapChange, row_kind_message_id};
use crate::app::{Command, ImportPreview};
use crate::domain::project::{AnswerDate, HeaderField};
use crate::domain::source::RowKindGiven;
use crate::i18n::{Localize, Localizer};
use crate::io::xlsx::import::{RowKind, SheetView};
use crate::io::xlsx::{Mapping, col_index, col_name};

const ROW_H: f32 = 22.0;
const CELL_W: f32 = 120.0;

/// What the colours mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shade {
    Number,
    Text,
    Reference,
    Answer,
    Remark,
    Date,
    Header,
    Section,
    Heading,
    Skipped,
    Outside,
}

impl Shade {
    const LEGEND: [Shade; 10] = [
        Shade::Number,
        Shade::Text,
        Shade::Reference,
        Shade::Answer,
        Shade::Remark,
        Shade::Date,
        Shade::Header,
        Shade::Section,
        Shade::Heading,
        Shade::Skipped,
    ];

    fn message_id(self) -> &'static str {
        match self {
            Shade::Number => "wizard-shade-number",
            Shade::Text => "wizard-shade-text",
            Shade::Reference => "wizard-shade-reference",
            Shade::Answer => "wizard-shade-answer",
            Shade::Remark => "wizard-shade-remark",
            Shade::Date => "wizard-shade-date",
            Shade::Header => "wizard-shade-header",
            Shade::Section => "wizard-shade-section",
            Shade::Heading => "wizard-shade-heading",
            Shade::Skipped => "wizard-shade-skipped",
            Shade::Outside => "wizard-shade-outside",
        }
    }

    /// A translucent colour that reads on light and dark backgrounds alike.
    fn color(self) -> egui::Color32 {
        let c = |r, g, b| egui::Color32::from_rgba_unmultiplied(r, g, b, 70);
        match self {
            Shade::Number => c(70, 130, 230),
            Shade::Text => c(0, 150, 150),
            Shade::Reference => c(150, 90, 210),
            Shade::Answer => c(40, 170, 80),
            Shade::Remark => c(230, 190, 30),
            Shade::Date => c(190, 120, 60),
            Shade::Header => c(240, 130, 30),
            Shade::Section => c(110, 110, 110),
            Shade::Heading => c(30, 60, 120),
            Shade::Skipped => c(220, 50, 50),
            Shade::Outside => egui::Color32::TRANSPARENT,
        }
    }
}

/// The role a column has in the mapping the preview used, if any.
fn column_role(m: &Mapping, col: u16) -> Option<ColumnRole> {
    let is = |c: &Option<String>| c.as_deref().and_then(col_index) == Some(col);
    if is(&m.flag_column) {
        return Some(ColumnRole::Answer);
    }
    if let Some(i) = m
        .mark_columns
        .as_ref()
        .and_then(|ms| ms.iter().position(|c| col_index(c) == Some(col)))
    {
        return Some(ColumnRole::Mark(i));
    }
    if is(&m.remark_column) {
        return Some(ColumnRole::Remark);
    }
    if is(&m.number_column) {
        return Some(ColumnRole::Number);
    }
    if is(&m.text_column) {
        return Some(ColumnRole::Text);
    }
    if is(&m.date_column) {
        return Some(ColumnRole::Date(AnswerDate::Checked));
    }
    if is(&m.due_date_column) {
        return Some(ColumnRole::Date(AnswerDate::Due));
    }
    is(&m.reference_column).then_some(ColumnRole::Reference)
}

/// The shade of a cell: its header role first, then its row's, then its column's.
fn shade(view: &SheetView, m: &Mapping, row: u32, col: u16) -> Shade {
    if view.header_cells.contains(&(row, col)) {
        return Shade::Header;
    }
    if view.unread.iter().any(|(at, _)| *at == (row, col)) {
        return Shade::Skipped;
    }
    let role = view.rows.get(row as usize);
    match role {
        Some(RowKind::Outside) | None => return Shade::Outside,
        Some(RowKind::Heading) => return Shade::Heading,
        Some(RowKind::Section) => return Shade::Section,
        Some(RowKind::Skipped(_)) => return Shade::Skipped,
        Some(RowKind::Plain) => return Shade::Outside,
        Some(RowKind::Question | RowKind::Option) => {}
    }
    match column_role(m, col) {
        Some(ColumnRole::Answer | ColumnRole::Mark(_)) => Shade::Answer,
        Some(ColumnRole::Remark) => Shade::Remark,
        Some(ColumnRole::Reference) => Shade::Reference,
        Some(ColumnRole::Date(_)) => Shade::Date,
        _ if view.number_col == Some(col) => Shade::Number,
        _ if view.text_col == Some(col) => Shade::Text,
        _ => Shade::Outside,
    }
}

/// What a row was taken as, for the row number's tooltip.
fn row_text(l: &Localizer, role: Option<&RowKind>) -> String {
    match role {
        Some(RowKind::Skipped(why)) => {
            l.ta("wizard-row-skipped", &[("reason", why.localize(l).into())])
        }
        Some(RowKind::Heading) => l.t("wizard-shade-heading"),
        Some(RowKind::Section) => l.t("wizard-shade-section"),
        Some(RowKind::Question) => l.t("wizard-row-question"),
        Some(RowKind::Option) => l.t("wizard-row-option"),
        Some(RowKind::Plain) => l.t("wizard-row-plain"),
        Some(RowKind::Outside) | None => l.t("wizard-shade-outside"),
    }
}

/// The menu entries that give a column a role.
fn column_menu(ui: &mut egui::Ui, l: &Localizer, col: u16, out: &mut Vec<Command>) {
    for role in ColumnRole::ALL {
        if ui.button(l.t(role.message_id())).clicked() {
            out.push(Command::MapImport(MapChange::Column(col, role)));
        }
    }
}

/// The menu entries that set the first or last row read, and give this row — or the rows
/// from the range's first row to this one — a kind.
fn row_menu(
    ui: &mut egui::Ui,
    l: &Localizer,
    row: u32,
    range_from: Option<u32>,
    out: &mut Vec<Command>,
) {
    if ui.button(l.t("wizard-first-row")).clicked() {
        out.push(Command::MapImport(MapChange::FirstRow(row)));
    }
    if ui.button(l.t("wizard-last-row")).clicked() {
        out.push(Command::MapImport(MapChange::LastRow(row)));
    }
    ui.separator();
    let (first, last) = match range_from {
        Some(f) => (f.min(row), f.max(row)),
        None => (row, row),
    };
    ui.label(if first == last {
        l.t("wizard-rows-this")
    } else {
        l.ta(
            "wizard-rows-range",
            &[("first", (first + 1).into()), ("last", (last + 1).into())],
        )
    });
    for role in [
        RowKindGiven::Section,
        RowKindGiven::Question,
        RowKindGiven::Option,
        RowKindGiven::Skip,
    ] {
        if ui.button(l.t(row_kind_message_id(role))).clicked() {
            out.push(Command::MapImport(MapChange::Rows { first, last, role }));
        }
    }
    if range_from != Some(row) && ui.button(l.t("wizard-range-from")).clicked() {
        out.push(Command::ImportRangeFrom(Some(row)));
    }
}

/// The sheet picker: every sheet, with the questions found on those that hold any.
fn sheet_picker(
    ui: &mut egui::Ui,
    l: &Localizer,
    p: &ImportPreview,
    view: &SheetView,
    out: &mut Vec<Command>,
) {
    let counts = p
        .result
        .as_ref()
        .map(|i| i.report.sheets.clone())
        .unwrap_or_default();
    let name = |s: &str| match counts.iter().find(|c| c.sheet == s) {
        Some(c) => l.ta(
            "wizard-sheet-count",
            &[("sheet", s.into()), ("questions", c.questions.into())],
        ),
        None => s.to_string(),
    };
    let label = ui.label(l.t("import-map-sheet"));
    egui::ComboBox::from_id_salt("wizard-sheet")
        .selected_text(name(&view.sheet))
        .show_ui(ui, |ui| {
            for s in &view.sheets {
                if ui.selectable_label(*s == view.sheet, name(s)).clicked() && *s != view.sheet {
                    out.push(Command::MapImport(MapChange::Sheet(s.clone())));
                }
            }
        })
        .response
        .labelled_by(label.id);
}

fn legend(ui: &mut egui::Ui, l: &Localizer) {
    ui.horizontal_wrapped(|ui| {
        for s in Shade::LEGEND {
            let text = egui::RichText::new(l.t(s.message_id())).background_color(s.color());
            ui.label(text);
        }
    });
}

pub fn wizard_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    p: &ImportPreview,
    reading: bool,
    out: &mut Vec<Command>,
) {
    let Some(view) = p.result.as_ref().ok().and_then(|i| i.view.as_ref()) else {
        return;
    };
    ui.horizontal(|ui| {
        sheet_picker(ui, l, p, view, out);
        if p.remembered {
            ui.label(l.t("wizard-remembered"));
        }
        if reading {
            ui.spinner();
        }
    });
    ui.label(l.t("wizard-how"));
    if let Some(from) = p.range_from {
        ui.horizontal(|ui| {
            ui.label(l.ta("wizard-range-chosen", &[("row", (from + 1).into())]));
            if ui.button(l.t("wizard-range-cancel")).clicked() {
                out.push(Command::ImportRangeFrom(None));
            }
        });
    }
    legend(ui, l);
    if view.height > view.cells.len() as u32 {
        ui.weak(l.ta(
            "wizard-rows-shown",
            &[
                ("shown", view.cells.len().into()),
                ("rows", view.height.into()),
            ],
        ));
    }
    let cols = view.cells.iter().map(Vec::len).max().unwrap_or(0);
    egui::ScrollArea::horizontal()
        .id_salt("wizard-h")
        .show(ui, |ui| {
            // A row asked for from the report: scrolled to once per ask (the grid's own
            // memory of the last ask, so the user can scroll away again).
            let id = ui.scope_id().with("wizard_shown_row");
            let scroll_to = p.show_row.filter(|(_, asked)| {
                let new = ui.data(|d| d.get_temp::<u64>(id)) != Some(*asked);
                if new {
                    ui.data_mut(|d| d.insert_temp(id, *asked));
                }
                new
            });
            let mut table = TableBuilder::new(ui)
                .id_salt("wizard-grid")
                .max_scroll_height(300.0)
                .auto_shrink([false, true])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::exact(44.0))
                .columns(Column::exact(CELL_W).clip(true), cols);
            if let Some((row, _)) = scroll_to {
                table = table.scroll_to_row(row as usize, Some(egui::Align::Center));
            }
            table
                .header(ROW_H, |mut header| {
                    header.col(|_| {});
                    for c in 0..cols as u16 {
                        header.col(|ui| {
                            let role = column_role(&p.mapping, c).map(|r| l.t(r.message_id()));
                            let text = match role {
                                Some(r) => l.ta(
                                    "wizard-column-role",
                                    &[("column", col_name(c).into()), ("role", r.into())],
                                ),
                                None => l.ta("wizard-column", &[("column", col_name(c).into())]),
                            };
                            MenuButton::new(text).ui(ui, |ui| column_menu(ui, l, c, out));
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_H, view.cells.len(), |mut tr| {
                        let r = tr.index() as u32;
                        tr.col(|ui| {
                            let role = view.rows.get(r as usize);
                            let label = (r + 1).to_string();
                            let shown = p.show_row.is_some_and(|(s, _)| s == r);
                            let text = egui::RichText::new(label).strong();
                            let button = if shown {
                                egui::Button::new(text).selected(true)
                            } else {
                                egui::Button::new(text).frame(false)
                            };
                            MenuButton::from_button(button)
                                .ui(ui, |ui| row_menu(ui, l, r, p.range_from, out))
                                .0
                                .on_hover_text(row_text(l, role));
                        });
                        for c in 0..cols as u16 {
                            tr.col(|ui| cell_ui(ui, l, (view, p), (r, c), out));
                        }
                    });
                });
        });
}

/// One cell: its shade, its text (a merged range's first cell says how far it reaches), and a
/// menu to make it a header value or give its column or row a role.
fn cell_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (view, p): (&SheetView, &ImportPreview),
    (r, c): (u32, u16),
    out: &mut Vec<Command>,
) {
    let m = &p.mapping;
    let rect = ui.max_rect();
    ui.painter()
        .rect_filled(rect, 0.0, shade(view, m, r, c).color());
    if view.covered(r, c) {
        // Inside a merged range: its first cell holds the text.
        return;
    }
    let text = view
        .cells
        .get(r as usize)
        .and_then(|row| row.get(c as usize))
        .cloned()
        .unwrap_or_default();
    let cell = l.ta(
        "wizard-cell",
        &[("cell", format!("{}{}", col_name(c), r + 1).into())],
    );
    let empty = text.is_empty();
    // The column is narrow: the whole (shown) text on hover.
    let mut hover = text.clone();
    let button = egui::Button::new(egui::RichText::new(text)).frame(false);
    let (response, _) = MenuButton::from_button(button).ui(ui, |ui| {
        ui.label(&cell);
        for field in HeaderField::ALL {
            let name = l.t(&format!("header-{}", field.key()));
            if ui
                .button(l.ta("wizard-header-cell", &[("field", name.into())]))
                .clicked()
            {
                out.push(Command::MapImport(MapChange::HeaderCell(field, r, c)));
            }
        }
        ui.separator();
        column_menu(ui, l, c, out);
        ui.separator();
        row_menu(ui, l, r, p.range_from, out);
    });
    if empty {
        // An empty cell is still a control a screen reader names.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &cell));
    }
    if let Some((_, why)) = view.unread.iter().find(|(at, _)| *at == (r, c)) {
        hover.push('\n');
        hover.push_str(&why.localize(l));
    }
    if let Some(m) = view.merge_at(r, c) {
        let to = format!("{}{}", col_name(m.last_col), m.last_row + 1);
        hover.push('\n');
        hover.push_str(&l.ta("wizard-merged", &[("to", to.into())]));
    }
    if !hover.trim().is_empty() {
        response.on_hover_text(hover.trim());
    }
}
