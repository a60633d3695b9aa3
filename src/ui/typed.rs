//! Text fields bound to a document's value, with Japanese input done right.
//!
//! egui draws an IME's unconfirmed text (the preedit: 「ないぶかんさ」 before it is converted to
//! 「内部監査」) inside the field's buffer and reports the field changed on every keystroke.
//! Handed on as it is, each romaji keystroke would be a document edit: the window would show ●
//! after Escape left the same text, the recovery file would hold unconfirmed kana, and a click
//! elsewhere mid-conversion would leave 「ほぞｎ」 in the statement. Here, while a conversion is
//! composing, the field edits a scratch copy kept beside it; the document hears of the text only
//! once the IME commits it (Enter, a candidate chosen, or typing on after a conversion). A click elsewhere mid-composition
//! **cancels** the unconfirmed part: the field shows the document's value again, and what was
//! committed before stays. When a composition ends, the field's own undo history (egui's, used by
//! Ctrl+Z while typing) is replaced by the text before the conversion: Ctrl+Z takes the whole
//! conversion back and never brings back unconverted kana.

use eframe::egui;
use egui::{Event, ImeEvent};

/// A document-bound field as drawn this frame.
struct Typed {
    response: egui::Response,
    /// The field's new text, when the user changed it (never while a conversion composes).
    text: Option<String>,
}

/// The field's kind.
#[derive(Clone, Copy)]
pub enum Lines {
    One,
    Many,
}

/// Where the last IME event of this frame leaves a composition: going on, ended, or not said.
fn composition_after_events(ui: &egui::Ui) -> Option<bool> {
    ui.input(|i| {
        i.events.iter().rev().find_map(|e| match e {
            Event::Ime(ImeEvent::Preedit { text, .. }) => Some(!text.is_empty()),
            Event::Ime(ImeEvent::Commit(_)) => Some(false),
            _ => None,
        })
    })
}

/// `text` without the preedit (the field's cursor range while it composes).
fn without_preedit(ctx: &egui::Context, id: egui::Id, text: &str) -> String {
    let range = egui::text_edit::TextEditState::load(ctx, id)
        .and_then(|s| s.cursor.char_range())
        .map(|r| {
            let (a, b) = (r.primary.index.0, r.secondary.index.0);
            (a.min(b), a.max(b))
        });
    match range {
        Some((start, end)) => text
            .chars()
            .enumerate()
            .filter(|(i, _)| *i < start || *i >= end)
            .map(|(_, c)| c)
            .collect(),
        None => text.to_string(),
    }
}

/// The scratch copy of a field that is composing: the document's value when the composition
/// began, and the field's text with the preedit.
fn scratch_id(id: egui::Id) -> egui::Id {
    id.with("kaijisho_composing")
}

/// Draws a field with id `id` showing `current` (the document's value), styled by `style`,
/// enabled or not; see the module's doc for what happens while an IME composes.
fn document_text(
    ui: &mut egui::Ui,
    (id, lines, enabled): (egui::Id, Lines, bool),
    current: &str,
    style: impl for<'b> FnOnce(egui::TextEdit<'b>) -> egui::TextEdit<'b>,
) -> Typed {
    let key = scratch_id(id);
    // A scratch copy over another value than the document's now (undone from the menu, another
    // statement opened) is stale: the document's value wins.
    let stored = ui.data(|d| d.get_temp::<(String, String)>(key));
    let stale = stored.as_ref().is_some_and(|(base, _)| base != current);
    if stale {
        ui.data_mut(|d| d.remove::<(String, String)>(key));
    }
    let before: Option<String> = stored.filter(|_| !stale).map(|(_, text)| text);
    let mut buf = before.clone().unwrap_or_else(|| current.to_string());
    let edit = match lines {
        Lines::One => egui::TextEdit::singleline(&mut buf),
        Lines::Many => egui::TextEdit::multiline(&mut buf),
    };
    let response = ui.add_enabled(enabled, style(edit.id(id)));
    let focused = response.has_focus();
    let composing = focused && composition_after_events(ui).unwrap_or(before.is_some()) && enabled;
    if composing {
        // A click now may take the focus away (after this field was drawn): the next frame
        // drops the unconfirmed text and closes the IME's candidate window, without waiting
        // for the mouse to move.
        if ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released()) {
            ui.ctx().request_repaint();
        }
        // What the IME committed before this preedit began (a commit and the next preedit
        // can come in one frame) is the user's at once: the field's text without the
        // preedit, which is where egui keeps the cursor while composing.
        let confirmed = without_preedit(ui.ctx(), id, &buf);
        ui.data_mut(|d| d.insert_temp(key, (confirmed.clone(), buf)));
        return Typed {
            response,
            text: (confirmed != current).then_some(confirmed),
        };
    }
    if before.is_some() {
        ui.data_mut(|d| d.remove::<(String, String)>(key));
        // Nothing unconfirmed in the field's own undo: its one undo point is the text before
        // the conversion (Ctrl+Z in the field takes the conversion back as a whole).
        if let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id) {
            let mut undoer = egui::util::undoer::Undoer::default();
            let end = egui::text::CCursor::new(current.chars().count());
            undoer.add_undo(&(egui::text::CCursorRange::one(end), current.to_string()));
            state.set_undoer(undoer);
            state.store(ui.ctx(), id);
        }
        if !focused {
            // Left mid-composition: the unconfirmed part is dropped. One more frame lets the
            // windowing layer finish turning the IME off (its candidate window closes now,
            // not when the mouse next moves).
            ui.ctx().request_repaint();
            log::debug!("a field was left while composing: its unconfirmed text is dropped");
            return Typed {
                response,
                text: None,
            };
        }
    }
    let text = (buf != current).then_some(buf);
    Typed { response, text }
}

/// A document field labelled by `label` whose new text becomes the edit `edit(text)` (typing
/// makes one undo step, sealed when the field is left). Returns the new text, if any.
pub fn edit_field(
    ui: &mut egui::Ui,
    field: ((egui::Id, Lines, bool), egui::Id),
    current: &str,
    style: impl for<'b> FnOnce(egui::TextEdit<'b>) -> egui::TextEdit<'b>,
    cmds: &mut Vec<crate::app::Command>,
    edit: impl FnOnce(String) -> crate::domain::edit::Edit,
) -> Option<String> {
    command_field(ui, field, current, style, cmds, |t| {
        crate::app::Command::Edit(edit(t))
    })
}

/// [`edit_field`] for any document: the new text becomes the command `command(text)` (an edit
/// of the register, the dossier …).
pub fn command_field(
    ui: &mut egui::Ui,
    (field, label): ((egui::Id, Lines, bool), egui::Id),
    current: &str,
    style: impl for<'b> FnOnce(egui::TextEdit<'b>) -> egui::TextEdit<'b>,
    cmds: &mut Vec<crate::app::Command>,
    command: impl FnOnce(String) -> crate::app::Command,
) -> Option<String> {
    let typed = document_text(ui, field, current, style);
    let response = typed.response.labelled_by(label);
    if let Some(text) = &typed.text {
        cmds.push(command(text.clone()));
    }
    if response.lost_focus() {
        cmds.push(crate::app::Command::SealEdit);
    }
    typed.text
}
