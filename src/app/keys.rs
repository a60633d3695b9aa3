//! What a key press does: the menu table's shortcuts, and 1/2/3 to answer the current
//! question. Enter is never bound (it confirms kana→kanji conversion), and keys that type act
//! only when no text field has the keyboard.

use crate::domain::catalogue::AnswerKind;
use crate::domain::edit::Edit;
use crate::domain::validation::{GateState, gate_state};

use super::command::Command;
use super::menu::{ANSWER_KEYS, Key, Shortcut, entries};
use super::state::AppState;

/// Redo's second shortcut, Ctrl+Shift+Z (⌘⇧Z on macOS), beside the menu's Ctrl+Y.
const REDO_ALT: Shortcut = Shortcut::cmd_shift(Key::Z);

/// Zoom in is also Ctrl+Plus (with or without Shift, as keyboards send it).
const ZOOM_IN_ALT: [Shortcut; 2] = [Shortcut::cmd(Key::Plus), Shortcut::cmd_shift(Key::Plus)];

/// Presentation mode's keys (what presentation clickers send, and a few letters); nothing else
/// acts while presenting, so a stray key changes nothing.
const PRESENTATION_KEYS: [(Key, Command); 12] = [
    (Key::ArrowRight, Command::Next),
    (Key::PageDown, Command::Next),
    (Key::Space, Command::Next),
    (Key::ArrowDown, Command::Next),
    (Key::ArrowLeft, Command::Previous),
    (Key::PageUp, Command::Previous),
    (Key::Backspace, Command::Previous),
    (Key::ArrowUp, Command::Previous),
    (Key::B, Command::PresentationBlank),
    (Key::G, Command::PresentationGuide),
    (Key::H, Command::ToggleHideVendor),
    (Key::Escape, Command::TogglePresentation),
];

/// Every key combination the app binds, the most specific first (Ctrl+Shift+S before Ctrl+S,
/// Ctrl+Shift+Z before Ctrl+Z).
pub fn bound_shortcuts() -> Vec<Shortcut> {
    let mut all: Vec<Shortcut> = entries().iter().filter_map(|e| e.shortcut).collect();
    all.push(REDO_ALT);
    all.extend(ZOOM_IN_ALT);
    all.extend(ANSWER_KEYS.map(Shortcut::plain));
    all.extend(PRESENTATION_KEYS.map(|(k, _)| Shortcut::plain(k)));
    all.sort_by_key(|s| std::cmp::Reverse(s.modifier_count()));
    all.dedup();
    all
}

/// The command a key press sends, if any. `typing`: a text field has the keyboard.
pub fn command_for_key(state: &AppState, pressed: Shortcut, typing: bool) -> Option<Command> {
    if state.presenting() {
        return presentation_key(pressed);
    }
    if ZOOM_IN_ALT.contains(&pressed) {
        return Some(Command::ZoomIn);
    }
    for e in entries() {
        if e.shortcut == Some(pressed) && (e.while_typing || !typing) {
            return (e.enabled)(state).then(|| (e.command)(state));
        }
    }
    if pressed == REDO_ALT {
        let can = !typing && state.doc.as_ref().is_some_and(|d| d.can_redo());
        return can.then_some(Command::Redo);
    }
    if typing || pressed.modifier_count() > 0 {
        return None;
    }
    let index = ANSWER_KEYS.iter().position(|k| *k == pressed.key)?;
    answer_key(state, index)
}

/// What a key does in presentation mode: F5 and Esc leave, the clicker keys step, B blanks,
/// G shows the guideline, H hides the vendor; nothing else (no answer keys, no undo).
fn presentation_key(pressed: Shortcut) -> Option<Command> {
    if pressed == Shortcut::plain(Key::F5) {
        return Some(Command::TogglePresentation);
    }
    if pressed.modifier_count() > 0 {
        return None;
    }
    PRESENTATION_KEYS
        .iter()
        .find(|(k, _)| *k == pressed.key)
        .map(|(_, c)| c.clone())
}

/// 1 / 2 / 3 answer the current question with its first, second or third value (not option
/// questions, not a question switched off by its gate, not in review mode).
fn answer_key(state: &AppState, index: usize) -> Option<Command> {
    if state.view.review_mode {
        return None;
    }
    let doc = state.doc.as_ref()?;
    let q = doc.selected_question()?;
    if matches!(q.answer, AnswerKind::Options(_)) {
        return None;
    }
    if matches!(
        gate_state(&doc.catalogue, &doc.project, q),
        GateState::Disabled { .. }
    ) {
        return None;
    }
    let value = *q.answer.allowed().get(index)?;
    Some(Command::Edit(Edit::Value {
        question: q.id.clone(),
        option: None,
        value,
    }))
}
