//! The register window (ファイル → 受領台帳…): every statement of a folder with vendor, product,
//! version, 作成日, catalogue, completeness, profile verdict, review and warnings; the hospital's
//! own fields (system, date received, note) edited in place and saved in the folder; files that
//! cannot be read listed with the reason; sort, filter, open a statement, export.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::app::document::Document;
use crate::app::register::{RegisterLine, RegisterSort, RegisterView};
use crate::app::{Command, Purpose};
use crate::domain::register_edit::{EntryField, MAX_AGE_MONTHS, RegisterEdit};
use crate::i18n::Localizer;

const ROW_H: f32 = 26.0;

pub fn register_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: Option<&mut RegisterView>,
    (reading, clock): (bool, &crate::io::clock::Clock),
    cmds: &mut Vec<Command>,
) {
    let Some(view) = view else { return };
    let mut open = true;
    // ● while it has unsaved changes, as the main window's title.
    let mark = if view.modified() { "● " } else { "" };
    egui::Window::new(format!("{mark}{}", l.t("register-title")))
        .id(egui::Id::unique("register-window"))
        .open(&mut open)
        .default_size([1100.0, 600.0])
        .show(ui.ctx(), |ui| {
            controls_ui(ui, l, view, reading, cmds);
            ui.separator();
            table_ui(ui, l, view, clock, cmds);
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
    for e in &view.certificate_problems {
        use crate::i18n::Localize;
        ui.colored_label(
            ui.visuals().warn_fg_color,
            l.ta(
                "organisation-trust-problem",
                &[("problem", e.localize(l).into())],
            ),
        );
    }
    ui.horizontal_wrapped(|ui| {
        // The fields show the register file; what is typed goes to the app as an edit.
        let s = &view.file().settings;
        let label = ui.label(l.t("register-max-age"));
        let mut age = s.max_age_months;
        let resp = ui
            .add(egui::DragValue::new(&mut age).range(0..=MAX_AGE_MONTHS))
            .labelled_by(label.id);
        if resp.changed() {
            cmds.push(Command::RegisterEdit(RegisterEdit::MaxAge(age)));
        }
        for (id, text, width, edit) in [
            (
                "register-edition",
                s.edition.clone(),
                48.0,
                RegisterEdit::Edition as fn(String) -> RegisterEdit,
            ),
            (
                "register-profile",
                s.profile.clone(),
                160.0,
                RegisterEdit::Profile,
            ),
        ] {
            let label = ui.label(l.t(id));
            let mut text = text.unwrap_or_default();
            let resp = ui
                .add(egui::TextEdit::singleline(&mut text).desired_width(width))
                .labelled_by(label.id);
            if resp.changed() {
                cmds.push(Command::RegisterEdit(edit(text)));
            }
            if resp.lost_focus() {
                cmds.push(Command::SealEdit);
            }
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
            .add_enabled(view.modified(), egui::Button::new(l.t("register-save")))
            .clicked()
        {
            cmds.push(Command::SaveRegister);
        }
        if ui
            .add_enabled(!reading, egui::Button::new(l.t("register-reload")))
            .on_hover_text(l.t("register-reload-hint"))
            .clicked()
        {
            // Asks about unsaved changes first.
            cmds.push(Command::OpenRegister(view.folder.clone()));
        }
        if ui
            .add_enabled(!reading, egui::Button::new(l.t("register-other-folder")))
            .clicked()
        {
            cmds.push(Command::Ask(Purpose::RegisterFolder));
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

fn table_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: &mut RegisterView,
    clock: &crate::io::clock::Clock,
    cmds: &mut Vec<Command>,
) {
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
        for (i, (_, w)) in RegisterView::COLUMNS.iter().enumerate() {
            // 受領日 has the calendar button beside its field.
            let (extra, least) = if i == RegisterView::RECEIVED {
                (100.0, 190.0)
            } else {
                (0.0, 40.0)
            };
            table = table.column(
                Column::initial((w * 6.5) as f32 + extra)
                    .at_least(least)
                    .clip(true),
            );
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
                            cmds.push(Command::OpenForReview(line.path.clone()));
                        }
                    });
                    for (c, text) in row.iter().enumerate() {
                        tr.col(|ui| {
                            // The hospital's own fields are edited in place.
                            let editable = RegisterView::EDITABLE.contains(&c);
                            if editable {
                                let field = match c {
                                    RegisterView::SYSTEM => EntryField::System,
                                    RegisterView::RECEIVED => EntryField::Received,
                                    _ => EntryField::Note,
                                };
                                let mut typed = text.clone();
                                let heading = RegisterView::COLUMNS.get(c).map(|h| l.t(h.0));
                                let label =
                                    format!("{} {}", line.file, heading.unwrap_or_default());
                                let received = field == EntryField::Received;
                                // 受領日: the calendar beside it, and a word when it is no date.
                                let width = if received {
                                    (ui.available_width() - 100.0).max(90.0)
                                } else {
                                    f32::INFINITY
                                };
                                let resp = ui.add(
                                    egui::TextEdit::singleline(&mut typed).desired_width(width),
                                );
                                resp.widget_info(|| {
                                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label)
                                });
                                if resp.changed() {
                                    cmds.push(Command::RegisterEdit(RegisterEdit::Entry {
                                        file: line.file.clone(),
                                        field,
                                        text: typed.clone(),
                                    }));
                                }
                                if resp.lost_focus() {
                                    cmds.push(Command::SealEdit);
                                }
                                if received {
                                    received_date_ui(ui, l, (&line.file, &typed), clock, cmds);
                                }
                            } else if c == RegisterView::ATTENTION && !text.is_empty() {
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

/// Beside a 受領日: the calendar, and △ when what is written is no date (和暦 is read too).
fn received_date_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (file, text): (&str, &str),
    clock: &crate::io::clock::Clock,
    cmds: &mut Vec<Command>,
) {
    crate::ui::date_picker::calendar_ui(ui, l, text, true, clock, cmds, |text| {
        Command::RegisterEdit(RegisterEdit::Entry {
            file: file.to_string(),
            field: EntryField::Received,
            text,
        })
    });
    if !text.trim().is_empty() && crate::domain::register::parse_date(text).is_none() {
        let why = l.t("review-date-invalid");
        crate::ui::findings::mark(ui, crate::domain::validation::Severity::Warning, &why);
    }
}
