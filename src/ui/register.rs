//! The register window (ファイル → 受領台帳…): every statement of a folder with vendor, product,
//! version, 作成日, catalogue, completeness, profile verdict, review and warnings; the hospital's
//! own fields (system, date received, note) edited in place and saved in the folder; files that
//! cannot be read listed with the reason; sort, filter, open a statement, export.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::register::{RegisterLine, RegisterSort, RegisterView};
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

const ROW_H: f32 = 26.0;

pub fn register_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: Option<&mut RegisterView>,
    reading: bool,
    cmds: &mut Vec<Command>,
) {
    let Some(view) = view else { return };
    let mut open = true;
    egui::Window::new(l.t("register-title"))
        .id(egui::Id::unique("register-window"))
        .open(&mut open)
        .default_size([1100.0, 600.0])
        .show(ui.ctx(), |ui| {
            controls_ui(ui, l, view, reading, cmds);
            ui.separator();
            table_ui(ui, l, view, cmds);
        });
    if !open {
        cmds.push(Command::CloseRegister);
    }
}

fn controls_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: &mut RegisterView,
    reading: bool,
    cmds: &mut Vec<Command>,
) {
    ui.label(l.ta(
        "register-folder-line",
        &[
            ("folder", view.folder.display().to_string().into()),
            ("count", view.lines.len().into()),
        ],
    ));
    ui.horizontal_wrapped(|ui| {
        let s = &mut view.file.settings;
        let label = ui.label(l.t("register-max-age"));
        let age = ui
            .add(egui::DragValue::new(&mut s.max_age_months).range(0..=240))
            .labelled_by(label.id);
        let label = ui.label(l.t("register-edition"));
        let mut edition = s.edition.clone().unwrap_or_default();
        let ed = ui
            .add(egui::TextEdit::singleline(&mut edition).desired_width(48.0))
            .labelled_by(label.id);
        let label = ui.label(l.t("register-profile"));
        let mut profile = s.profile.clone().unwrap_or_default();
        let pr = ui
            .add(egui::TextEdit::singleline(&mut profile).desired_width(160.0))
            .labelled_by(label.id);
        if age.changed() || ed.changed() || pr.changed() {
            s.edition = Some(edition.trim().to_string()).filter(|e| !e.is_empty());
            s.profile = Some(profile.trim().to_string()).filter(|p| !p.is_empty());
            view.dirty = true;
        }
        if let Some(name) = &view.profile {
            ui.weak(l.ta("register-profile-line", &[("name", name.clone().into())]));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(l.t("register-filter"));
        ui.add(egui::TextEdit::singleline(&mut view.filter).desired_width(200.0))
            .labelled_by(label.id);
        ui.checkbox(&mut view.only_warnings, l.t("register-only-warnings"));
        ui.separator();
        if ui
            .add_enabled(view.dirty, egui::Button::new(l.t("register-save")))
            .clicked()
        {
            cmds.push(Command::SaveRegister);
        }
        if ui
            .add_enabled(!reading, egui::Button::new(l.t("register-reload")))
            .on_hover_text(l.t("register-reload-hint"))
            .clicked()
        {
            if view.dirty {
                cmds.push(Command::SaveRegister);
            }
            cmds.push(Command::OpenRegister(view.folder.clone()));
        }
        for (id, purpose) in [
            ("compare-export-xlsx", Purpose::ExportRegisterXlsx),
            ("compare-export-pdf", Purpose::ExportRegisterPdf),
        ] {
            if ui.button(l.t(id)).clicked() {
                cmds.push(Command::Ask(purpose));
            }
        }
    });
}

/// Which columns sort, by their heading.
fn sort_of(id: &str) -> Option<RegisterSort> {
    match id {
        "register-col-file" => Some(RegisterSort::File),
        "register-col-system" => Some(RegisterSort::System),
        "register-col-vendor" => Some(RegisterSort::Vendor),
        "register-col-created" => Some(RegisterSort::Created),
        "register-col-verdict" => Some(RegisterSort::Verdict),
        _ => None,
    }
}

fn table_ui(ui: &mut egui::Ui, l: &Localizer, view: &mut RegisterView, cmds: &mut Vec<Command>) {
    let shown: Vec<RegisterLine> = view.shown().into_iter().cloned().collect();
    let cells: Vec<Vec<String>> = shown.iter().map(|line| view.cells(l, line)).collect();
    let warn = ui.visuals().warn_fg_color;
    let mut sort_by = None;
    egui::ScrollArea::horizontal().show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt("register-table")
            .striped(true)
            .resizable(true)
            .auto_shrink([false, false])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto());
        for (_, w) in RegisterView::COLUMNS {
            table = table.column(Column::initial((w * 7.0) as f32).at_least(40.0).clip(true));
        }
        table
            .header(ROW_H, |mut h| {
                h.col(|_| {});
                for (id, _) in RegisterView::COLUMNS {
                    h.col(|ui| match sort_of(id) {
                        Some(s) => {
                            let arrow = match (view.sort == s, view.descending) {
                                (true, false) => " ▲",
                                (true, true) => " ▼",
                                _ => "",
                            };
                            let b = egui::Button::new(
                                egui::RichText::new(format!("{}{arrow}", l.t(id))).strong(),
                            )
                            .frame(false);
                            if ui.add(b).clicked() {
                                sort_by = Some(s);
                            }
                        }
                        None => {
                            ui.strong(l.t(id));
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_H, shown.len(), |mut tr| {
                    let i = tr.index();
                    let (Some(line), Some(row)) = (shown.get(i), cells.get(i)) else {
                        return;
                    };
                    tr.col(|ui| {
                        let b = ui
                            .add_enabled(line.read.is_ok(), egui::Button::new(l.t("register-open")))
                            .on_hover_text(line.path.display().to_string());
                        if b.clicked() {
                            cmds.push(Command::Open(line.path.clone()));
                        }
                    });
                    for (c, text) in row.iter().enumerate() {
                        tr.col(|ui| {
                            // The hospital's own fields are edited in place.
                            let editable = matches!(c, 1 | 2 | 12);
                            if editable {
                                let entry = view.file.entries.entry(line.file.clone()).or_default();
                                let field = match c {
                                    1 => &mut entry.system,
                                    2 => &mut entry.received,
                                    _ => &mut entry.note,
                                };
                                let heading = RegisterView::COLUMNS.get(c).map(|h| l.t(h.0));
                                let label =
                                    format!("{} {}", line.file, heading.unwrap_or_default());
                                let resp = ui.add(
                                    egui::TextEdit::singleline(field).desired_width(f32::INFINITY),
                                );
                                resp.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                                });
                                if resp.changed() {
                                    view.dirty = true;
                                }
                            } else if c == 11 && !text.is_empty() {
                                ui.add(
                                    egui::Label::new(egui::RichText::new(text).color(warn))
                                        .truncate(),
                                )
                                .on_hover_text(text);
                            } else {
                                ui.add(egui::Label::new(text).truncate())
                                    .on_hover_text(text);
                            }
                        });
                    }
                });
            });
    });
    if let Some(s) = sort_by {
        view.descending = view.sort == s && !view.descending;
        view.sort = s;
    }
}
