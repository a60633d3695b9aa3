//! The answer library window (回答集): its name, the entries as a list (references and question,
//! answer, condition, products, verified date; △ when verified over 12 months ago; a filter),
//! and the chosen entry: its answer as buttons, its text fields typed into with IME like every
//! field, the texts it has answered and the statements it came from, 削除.

use eframe::egui;

use crate::app::Command;
use crate::app::command::LibraryCommand;
use crate::app::document::Document;
use crate::app::library_view::{LibraryView, is_old};
use crate::domain::answer::AnswerValue;
use crate::domain::library::{Entry, EntryField, LibraryEdit, list_text, parse_list};
use crate::i18n::Localizer;
use crate::ui::typed::{Lines, command_field};

pub fn library_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: Option<&mut LibraryView>,
    today: jiff::civil::Date,
    cmds: &mut Vec<Command>,
) {
    let Some(view) = view else { return };
    let mut open = true;
    let mark = if view.modified() { "● " } else { "" };
    let name = match view.label() {
        n if n.is_empty() => l.t("library-untitled"),
        n => n,
    };
    let title = l.ta("library-window-title", &[("name", name.into())]);
    egui::Window::new(format!("{mark}{title}"))
        .id(egui::Id::unique("library_window"))
        // Below the menu bar, which stays in reach.
        .default_pos(ui.ctx().content_rect().min + egui::vec2(24.0, 56.0))
        .open(&mut open)
        .default_size([1000.0, 560.0])
        .show(ui.ctx(), |ui| {
            head_ui(ui, l, view, cmds);
            ui.separator();
            // The list takes the larger part: its columns are read side by side.
            // Fixed heights: a pane as tall as the space left would grow the window each frame.
            let height = (ui.ctx().content_rect().height() * 0.6).max(240.0);
            let avail = egui::vec2(ui.available_width(), height);
            let top_down = egui::Layout::top_down(egui::Align::Min);
            ui.horizontal_top(|ui| {
                let list = egui::vec2(avail.x * 0.6, avail.y);
                ui.allocate_ui_with_layout(list, top_down, |ui| {
                    list_ui(ui, l, view, today, cmds);
                });
                ui.separator();
                let rest = egui::vec2(ui.available_width(), avail.y);
                ui.allocate_ui_with_layout(rest, top_down, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("library_entry")
                        .auto_shrink([false, false])
                        .show(ui, |ui| match view.selected_entry() {
                            Some(e) => entry_ui(ui, l, e, today, cmds),
                            None => {
                                ui.weak(l.t("library-choose"));
                            }
                        });
                });
            });
        });
    if !open {
        cmds.push(Command::Library(LibraryCommand::Close));
    }
}

/// The library's name, 保存, the filter and the count.
fn head_ui(ui: &mut egui::Ui, l: &Localizer, view: &mut LibraryView, cmds: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        let label = ui.label(l.t("library-name"));
        let id = egui::Id::unique("library_name");
        command_field(
            ui,
            ((id, Lines::One, true), label.id),
            &view.library().name,
            |te| te.desired_width(320.0),
            cmds,
            |t| Command::LibraryEdit(LibraryEdit::Name(t)),
        );
        if ui.button(l.t("library-save")).clicked() {
            cmds.push(Command::Library(LibraryCommand::Save));
        }
        if let Some(path) = view.file() {
            ui.weak(path.display().to_string());
        }
    });
    let total = view.library().entries.len();
    let shown = view.shown().len();
    ui.horizontal(|ui| {
        let label = ui.label(l.t("library-filter"));
        // The filter is the window's own input.
        ui.add(egui::TextEdit::singleline(&mut view.filter).desired_width(240.0))
            .labelled_by(label.id);
        ui.label(l.ta(
            "library-count",
            &[("shown", shown.into()), ("total", total.into())],
        ));
    });
}

/// The entries the filter keeps, one row each; a click chooses one.
fn list_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    view: &LibraryView,
    today: jiff::civil::Date,
    cmds: &mut Vec<Command>,
) {
    if view.library().entries.is_empty() {
        ui.label(l.t("library-empty"));
        return;
    }
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::both()
        .id_salt("library_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("library_grid")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for id in [
                        "library-col-value",
                        "library-col-title",
                        "library-col-condition",
                        "library-col-scope",
                        "library-col-verified",
                    ] {
                        ui.strong(l.t(id));
                    }
                    ui.end_row();
                    for e in view.shown() {
                        let chosen = view.selected.as_deref() == Some(e.id.as_str());
                        let old = if is_old(e, today) { "△ " } else { "" };
                        let title = format!("{old}{}", cut(&e.title(), 26));
                        match e.options.is_empty() {
                            true => ui.colored_label(
                                crate::ui::value_color(e.value, dark),
                                e.value.label(),
                            ),
                            false => ui.label(l.ta(
                                "library-options-short",
                                &[("count", e.options.len().into())],
                            )),
                        };
                        if ui.selectable_label(chosen, title).clicked() && !chosen {
                            cmds.push(Command::Library(LibraryCommand::Select(Some(e.id.clone()))));
                        }
                        ui.label(cut(&e.condition, 10));
                        ui.label(match e.scope.is_empty() {
                            true => l.t("library-scope-all"),
                            false => cut(&list_text(&e.scope), 10),
                        });
                        ui.label(&e.verified_on);
                        ui.end_row();
                    }
                });
        });
}

/// At most `max` characters, … when cut.
fn cut(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= max && line.len() == text.len() {
        return line.to_string();
    }
    let mut s: String = line.chars().take(max).collect();
    s.push('…');
    s
}

/// The chosen entry: its answer, fields, texts and sources, 削除.
fn entry_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    e: &Entry,
    today: jiff::civil::Date,
    cmds: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.strong(l.ta("library-entry-id", &[("entry", e.id.clone().into())]));
        if ui.button(l.t("library-remove")).clicked() {
            cmds.push(Command::LibraryEdit(LibraryEdit::Remove(e.id.clone())));
            cmds.push(Command::SealEdit);
        }
    });
    if is_old(e, today) {
        let warn = ui.visuals().warn_fg_color;
        let text = match e.verified_on.trim() {
            "" => l.t("library-never-verified"),
            d => l.ta("library-old", &[("date", d.to_string().into())]),
        };
        ui.colored_label(warn, text);
    }
    value_ui(ui, l, e, cmds);
    for field in EntryField::ALL {
        field_ui(ui, l, e, field, cmds);
    }
    ui.add_space(6.0);
    ui.strong(l.t("library-texts"));
    for t in &e.texts {
        ui.add(egui::Label::new(format!("・{t}")).wrap());
    }
    ui.add_space(6.0);
    ui.strong(l.t("library-sources"));
    for s in &e.sources {
        let who = format!("{} {}", s.product, s.version).trim().to_string();
        ui.label(l.ta(
            "library-source-line",
            &[
                ("file", s.file.clone().into()),
                ("number", s.number.clone().into()),
                ("who", who.into()),
            ],
        ));
    }
}

/// The answer: one button per value (an entry answered per option shows each option's).
fn value_ui(ui: &mut egui::Ui, l: &Localizer, e: &Entry, cmds: &mut Vec<Command>) {
    ui.label(l.t(if e.options.is_empty() {
        "library-value"
    } else {
        "library-options"
    }));
    if !e.options.is_empty() {
        for (option, a) in &e.options {
            ui.label(l.ta(
                "library-option-line",
                &[
                    ("option", option.clone().into()),
                    ("value", a.value.label().into()),
                    ("remark", a.remark.clone().into()),
                ],
            ));
        }
        return;
    }
    ui.horizontal(|ui| {
        for v in e.kind().allowed().iter().copied() {
            if ui.selectable_label(e.value == v, v.label()).clicked() && e.value != v {
                cmds.push(Command::LibraryEdit(LibraryEdit::Value {
                    entry: e.id.clone(),
                    value: v,
                }));
                cmds.push(Command::SealEdit);
            }
        }
        if e.value == AnswerValue::Unanswered {
            ui.weak(AnswerValue::Unanswered.label());
        }
    });
}

/// One text field of the entry, with its label; what is typed becomes the entry's (IME-safe;
/// Enter only confirms a conversion or breaks a line).
fn field_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    e: &Entry,
    field: EntryField,
    cmds: &mut Vec<Command>,
) {
    let label = ui.add(egui::Label::new(l.t(field_id(field))).extend());
    let lines = match field {
        EntryField::Remark | EntryField::Condition => Lines::Many,
        _ => Lines::One,
    };
    let id = egui::Id::unique(("library_field", e.id.as_str(), field.key()));
    let entry = e.id.clone();
    // A list is kept as its items: what was typed is shown while it says the same list, so a
    // separator typed last (「6.5.C1、」) stays until the next item follows it.
    let draft_key = id.with("library_list_draft");
    let current = e.field(field);
    let shown = match ui.data(|d| d.get_temp::<String>(draft_key)) {
        Some(draft) if field.is_list() && parse_list(&draft) == parse_list(&current) => draft,
        _ => current,
    };
    let typed = command_field(
        ui,
        ((id, lines, true), label.id),
        &shown,
        |te| match lines {
            Lines::Many => te.desired_width(420.0).desired_rows(2),
            Lines::One => te.desired_width(420.0),
        },
        cmds,
        move |text| Command::LibraryEdit(LibraryEdit::Field { entry, field, text }),
    );
    if let Some(text) = typed.filter(|_| field.is_list()) {
        ui.data_mut(|d| d.insert_temp(draft_key, text));
    }
}

/// The message id of a field's label.
fn field_id(field: EntryField) -> &'static str {
    match field {
        EntryField::Refs => "library-field-refs",
        EntryField::Remark => "library-field-remark",
        EntryField::Condition => "library-field-condition",
        EntryField::Scope => "library-field-scope",
        EntryField::Owner => "library-field-owner",
        EntryField::VerifiedOn => "library-field-verified-on",
        EntryField::TargetOn => "library-field-target-on",
    }
}
