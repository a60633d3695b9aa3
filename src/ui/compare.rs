//! The comparison window: two or more statements side by side under their vendor / product /
//! version (file name on hover), one row per question, differences highlighted (a 「いいえ」 or
//! unanswered cell bold and marked, not by colour alone), questions a gate switches off shown
//! with the gate's state, filters, export to Excel and PDF. The table fits its window; with
//! more statements than fit, it scrolls sideways.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::command::FileList;
use crate::app::compare::{ComparisonView, cell_text};
use crate::app::view::CompareForm;
use crate::app::{Command, Purpose};
use crate::domain::compare::{Cell, Row};
use crate::i18n::{Localize, Localizer};
use crate::ui::file_list::ListOf;

const ROW_H: f32 = 22.0;
/// The narrowest a statement's column and the question column get before the table scrolls
/// sideways, and the widest a statement's column starts.
const MIN_STATEMENT_W: f32 = 150.0;
const MAX_STATEMENT_W: f32 = 260.0;
const MIN_QUESTION_W: f32 = 220.0;
const NUMBER_W: f32 = 64.0;

/// The shared list of chosen statements, as the comparison and the check show it.
pub struct Chosen<'a> {
    pub files: &'a [std::path::PathBuf],
    /// The register folder 「受領台帳から選ぶ」 reads, when there is one.
    pub register: Option<&'a std::path::Path>,
    pub native_missing: bool,
}

pub fn compare_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CompareForm>,
    chosen: &Chosen<'_>,
    comparison: Option<&ComparisonView>,
    comparing: bool,
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
            inputs_ui(ui, l, form, chosen, (done, comparing), cmds);
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
    chosen: &Chosen<'_>,
    (compared, comparing): (bool, bool),
    cmds: &mut Vec<Command>,
) {
    let of = ListOf {
        list: FileList::Compare,
        label_id: "compare-path",
        native_missing: chosen.native_missing,
        register: Some(chosen.register),
    };
    crate::ui::file_list::file_list_ui(
        ui,
        l,
        chosen.files,
        &mut form.input,
        &of,
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

/// The widths the columns start at: statements share what the window has (within
/// [`MIN_STATEMENT_W`]…[`MAX_STATEMENT_W`]), the question takes the rest; what does not fit
/// scrolls sideways.
fn widths(available: f32, statements: usize) -> (f32, f32) {
    let n = statements.max(1) as f32;
    // Room for the spacing between columns and the scroll bar.
    let room = available - NUMBER_W - 8.0 * (n + 1.0) - 8.0;
    let statement = ((room - MIN_QUESTION_W) / n).clamp(MIN_STATEMENT_W, MAX_STATEMENT_W);
    let question = (room - statement * n).max(MIN_QUESTION_W);
    (question, statement)
}

/// The table: number, question, and one column per statement; only the visible rows are laid
/// out. A differing row is tinted and its number marked; a 「いいえ」 or unanswered cell is bold,
/// marked and tinted more.
fn table_ui(ui: &mut egui::Ui, l: &Localizer, view: &ComparisonView, rows: &[&Row]) {
    let dark = ui.visuals().dark_mode;
    let tint = |light: (u8, u8, u8), dark_rgb: (u8, u8, u8)| {
        let (r, g, b) = if dark { dark_rgb } else { light };
        egui::Color32::from_rgb(r, g, b)
    };
    let colours = Colours {
        differs: tint((0xfc, 0xee, 0xe4), (0x4a, 0x34, 0x1e)),
        flagged: tint((0xf8, 0xc8, 0xb4), (0x7a, 0x38, 0x1a)),
        flagged_text: ui.visuals().strong_text_color(),
    };
    let (question_w, statement_w) = widths(ui.available_width(), view.columns.len());
    let marks = Marks {
        differs: l.t("compare-differs-mark"),
        flagged: l.t("compare-flagged-mark"),
    };
    egui::ScrollArea::horizontal()
        .id_salt("compare_table_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("compare_table")
                .striped(true)
                .resizable(true)
                .auto_shrink([false, false])
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .column(Column::initial(NUMBER_W).at_least(48.0).clip(true))
                .column(Column::initial(question_w).at_least(120.0).clip(true))
                .columns(
                    Column::initial(statement_w).at_least(80.0).clip(true),
                    view.columns.len(),
                )
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
                            let title = egui::RichText::new(&c.title).strong();
                            ui.add(egui::Label::new(title).wrap())
                                .on_hover_text(&c.file);
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_H, rows.len(), |mut tr| {
                        let Some(row) = rows.get(tr.index()) else {
                            return;
                        };
                        row_ui(&mut tr, l, row, &colours, &marks);
                    });
                });
        });
}

/// The tints of the table: a differing row, a 「いいえ」 or unanswered cell and its text.
struct Colours {
    differs: egui::Color32,
    flagged: egui::Color32,
    flagged_text: egui::Color32,
}

/// The marks before a differing row's number and a 「いいえ」 or unanswered answer.
struct Marks {
    differs: String,
    flagged: String,
}

fn row_ui(
    tr: &mut egui_extras::TableRow<'_, '_>,
    l: &Localizer,
    row: &Row,
    colours: &Colours,
    marks: &Marks,
) {
    tr.col(|ui| {
        let t = if row.differs() {
            egui::RichText::new(format!("{} {}", marks.differs, row.number))
                .background_color(colours.differs)
        } else {
            egui::RichText::new(&row.number)
        };
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
            Some(c) => cell_ui(ui, l, c, row.answer_differs, colours, marks),
            None => {
                ui.weak(l.t("compare-missing"));
            }
        });
    }
}

/// One statement's answer: tinted when the row's answers differ; a 「いいえ」 or unanswered one
/// bold, marked and tinted more.
fn cell_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    c: &Cell,
    differs: bool,
    colours: &Colours,
    marks: &Marks,
) {
    let shown = cell_text(l, c).replace('\n', " ");
    let flagged = c.flagged();
    let mut t = if flagged {
        egui::RichText::new(format!("{} {shown}", marks.flagged))
            .strong()
            .color(colours.flagged_text)
            .background_color(colours.flagged)
    } else if differs {
        egui::RichText::new(&shown).background_color(colours.differs)
    } else {
        egui::RichText::new(&shown)
    };
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
    let resp = ui.add(egui::Label::new(t).truncate()).on_hover_text(hover);
    // Read by screen readers (and tests) as the answer itself: the mark is for the eye.
    if flagged {
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &shown));
    }
}
