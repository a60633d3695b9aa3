//! The answer library's two dialogs over the statement: 「開示書から回答集に追加」 (the answered
//! questions of the open statement and of statement files, each with a tick box, all ticked;
//! 追加) and 「回答集から記入」 (the age limit in months, 回答済みも上書き; 記入).

use eframe::egui;

use crate::app::command::FileList;
use crate::app::command::LibraryCommand;
use crate::app::library_view::{AddForm, FillForm, LibraryView};
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

/// What the add dialog needs besides its form.
pub struct AddContext<'a> {
    /// The library the answers go into (none: a new one).
    pub library: Option<&'a LibraryView>,
    /// A statement is open (its answers can be offered).
    pub has_doc: bool,
    /// Statements are being read.
    pub reading: bool,
    pub native_missing: bool,
}

pub fn library_add_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&AddForm>,
    cx: &AddContext<'_>,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    egui::Modal::new(egui::Id::unique("library_add")).show(ui.ctx(), |ui| {
        ui.set_max_width(760.0);
        ui.heading(l.t("library-add-title"));
        ui.label(l.t("library-add-about"));
        ui.label(match cx.library {
            Some(v) if !v.label().is_empty() => {
                l.ta("library-add-into", &[("name", v.label().into())])
            }
            Some(_) => l.ta(
                "library-add-into",
                &[("name", l.t("library-untitled").into())],
            ),
            None => l.t("library-add-into-new"),
        });
        ui.horizontal(|ui| {
            if ui
                .add_enabled(cx.has_doc, egui::Button::new(l.t("library-add-open")))
                .clicked()
            {
                cmds.push(Command::Library(LibraryCommand::AddOpen));
            }
            if ui.button(l.t("library-add-files")).clicked() {
                browse(cx.native_missing, cmds);
            }
            if cx.reading {
                ui.spinner();
            }
        });
        if !form.sources.is_empty() {
            ui.weak(l.ta(
                "library-add-sources",
                &[("files", form.sources.join("、").into())],
            ));
        }
        for p in &form.problems {
            ui.colored_label(ui.visuals().warn_fg_color, p);
        }
        ui.separator();
        candidates_ui(ui, l, form, cmds);
        ui.separator();
        ui.horizontal(|ui| {
            let ticked = form.candidates.iter().filter(|c| c.ticked).count();
            let add = egui::Button::new(l.t("library-add-do"));
            if ui.add_enabled(ticked > 0, add).clicked() {
                cmds.push(Command::Library(LibraryCommand::AddDone(true)));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                cmds.push(Command::Library(LibraryCommand::AddDone(false)));
            }
        });
    });
}

/// 参照…: several statements in the native dialog; the in-app browser where there is none.
fn browse(native_missing: bool, cmds: &mut Vec<Command>) {
    let ask = Command::Ask(Purpose::AddFile(FileList::Library));
    if native_missing {
        cmds.push(ask);
        cmds.push(Command::Browse(None));
        return;
    }
    let asked = std::time::Instant::now();
    let picked = rfd::FileDialog::new()
        .add_filter("kaijisho", Purpose::AddFile(FileList::Library).extensions())
        .pick_files();
    match picked {
        Some(files) => cmds.push(Command::AddFiles(FileList::Library, files)),
        // Came back at once: there is no native dialog.
        None if asked.elapsed() < std::time::Duration::from_millis(700) => {
            cmds.push(ask);
            cmds.push(Command::NativeDialogMissing);
        }
        None => {}
    }
}

/// The answers offered, a tick box each (the statement, the number, the question, the answer).
fn candidates_ui(ui: &mut egui::Ui, l: &Localizer, form: &AddForm, cmds: &mut Vec<Command>) {
    if form.candidates.is_empty() {
        ui.label(l.t("library-add-none"));
        return;
    }
    let ticked = form.candidates.iter().filter(|c| c.ticked).count();
    ui.horizontal(|ui| {
        ui.label(l.ta(
            "library-add-count",
            &[
                ("ticked", ticked.into()),
                ("total", form.candidates.len().into()),
            ],
        ));
        if ui.button(l.t("library-add-all")).clicked() {
            cmds.push(Command::Library(LibraryCommand::AddAll));
        }
    });
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("library_add_list")
        .max_height(360.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, form.candidates.len(), |ui, rows| {
            // One line a row (the rows are counted at one line's height).
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            for i in rows {
                let Some(c) = form.candidates.get(i) else {
                    continue;
                };
                let e = &c.entry;
                let (file, number) = e
                    .sources
                    .first()
                    .map_or((String::new(), String::new()), |s| {
                        (s.file.clone(), s.number.clone())
                    });
                let text = e.texts.first().map(String::as_str).unwrap_or_default();
                let value = if e.options.is_empty() {
                    e.value.label().to_string()
                } else {
                    e.options
                        .values()
                        .map(|o| o.value.label())
                        .collect::<Vec<_>>()
                        .join("・")
                };
                let short: String = text.chars().take(48).collect();
                let label = format!("{file} {number} {short} — {value}");
                let mut on = c.ticked;
                if ui.checkbox(&mut on, label).changed() {
                    cmds.push(Command::Library(LibraryCommand::AddTick(i, on)));
                }
            }
        });
}

/// 「回答集から記入」: which library, the age limit, 回答済みも上書き, 記入.
pub fn library_fill_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut FillForm>,
    library: Option<&LibraryView>,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    egui::Modal::new(egui::Id::unique("library_fill")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        ui.heading(l.t("library-fill-title"));
        match library {
            Some(v) => {
                let name = match v.label() {
                    n if n.is_empty() => l.t("library-untitled"),
                    n => n,
                };
                ui.label(l.ta(
                    "library-fill-from",
                    &[
                        ("name", name.into()),
                        ("count", v.library().entries.len().into()),
                    ],
                ));
            }
            None => {
                ui.colored_label(ui.visuals().warn_fg_color, l.t("library-none-open"));
                if ui.button(l.t("menu-library-open")).clicked() {
                    cmds.push(Command::Library(LibraryCommand::CloseFill));
                    cmds.push(Command::Ask(Purpose::OpenLibrary));
                }
            }
        }
        ui.horizontal(|ui| {
            let label = ui.label(l.t("library-fill-months"));
            ui.add(egui::DragValue::new(&mut form.max_age_months).range(1..=240))
                .labelled_by(label.id);
            ui.label(l.t("library-fill-months-unit"));
        });
        ui.checkbox(&mut form.overwrite, l.t("library-fill-overwrite"));
        ui.add(egui::Label::new(l.t("library-fill-note")).wrap());
        ui.separator();
        ui.horizontal(|ui| {
            let fill = egui::Button::new(l.t("library-fill-do"));
            if ui.add_enabled(library.is_some(), fill).clicked() {
                cmds.push(Command::Library(LibraryCommand::Fill {
                    max_age_months: form.max_age_months,
                    overwrite: form.overwrite,
                }));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                cmds.push(Command::Library(LibraryCommand::CloseFill));
            }
        });
    });
}
