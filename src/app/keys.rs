//! What a key press does: the menu table's shortcuts; 1/2/3 to answer the current question
//! (on an option question, the option row chosen with ↑/↓); PageDown/PageUp to the next or
//! previous question. Enter is never bound (it confirms kana→kanji conversion), and keys that
//! type act only when no text field has the keyboard. [`key_list`] is the list ヘルプ shows.

use crate::domain::catalogue::{AnswerKind, Question};
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
const PRESENTATION_KEYS: [(Key, Command); 15] = [
    (Key::ArrowRight, Command::Next),
    (Key::PageDown, Command::Next),
    (Key::Space, Command::Next),
    (Key::ArrowDown, Command::Next),
    (Key::ArrowLeft, Command::Previous),
    (Key::PageUp, Command::Previous),
    (Key::Backspace, Command::Previous),
    (Key::ArrowUp, Command::Previous),
    (Key::Home, Command::PresentationEnd(false)),
    (Key::End, Command::PresentationEnd(true)),
    (Key::B, Command::PresentationBlank),
    // The key PowerPoint and many clickers blank the screen with.
    (Key::Period, Command::PresentationBlank),
    (Key::G, Command::PresentationGuide),
    (Key::H, Command::ToggleHideVendor),
    (Key::Escape, Command::TogglePresentation),
];

/// Keys outside the menu table, when no text field has the keyboard: PageDown/PageUp step
/// between questions, ↑/↓ between the option rows of an option question.
const MOVE_KEYS: [Key; 4] = [Key::PageDown, Key::PageUp, Key::ArrowDown, Key::ArrowUp];

/// Every key combination the app binds, the most specific first (Ctrl+Shift+S before Ctrl+S,
/// Ctrl+Shift+Z before Ctrl+Z).
pub fn bound_shortcuts() -> Vec<Shortcut> {
    let mut all: Vec<Shortcut> = entries().iter().filter_map(|e| e.shortcut).collect();
    all.push(REDO_ALT);
    all.extend(ZOOM_IN_ALT);
    all.extend(ANSWER_KEYS.map(Shortcut::plain));
    all.extend(MOVE_KEYS.map(Shortcut::plain));
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
        let can = !typing && state.undo_target(false).is_some();
        return can.then_some(Command::Redo);
    }
    if typing || pressed.modifier_count() > 0 {
        return None;
    }
    match pressed.key {
        Key::PageDown => return state.doc.is_some().then_some(Command::Next),
        Key::PageUp => return state.doc.is_some().then_some(Command::Previous),
        Key::ArrowDown | Key::ArrowUp => {
            let options = state
                .doc
                .as_ref()
                .and_then(|d| d.selected_question())
                .is_some_and(|q| !q.answer.options().is_empty());
            let delta = if pressed.key == Key::ArrowDown { 1 } else { -1 };
            return options.then_some(Command::OptionRow(delta));
        }
        _ => {}
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

/// 1 / 2 / 3 answer the current question with its first, second or third value (on an option
/// question, the chosen option row; not a question switched off by its gate, not in review
/// mode).
fn answer_key(state: &AppState, index: usize) -> Option<Command> {
    if state.view.review_mode {
        return None;
    }
    let doc = state.doc.as_ref()?;
    let q = doc.selected_question()?;
    let option = match &q.answer {
        AnswerKind::Options(options) => Some(options.get(state.option_row(q))?.id.clone()),
        _ => None,
    };
    if matches!(
        gate_state(&doc.catalogue, &doc.project, q),
        GateState::Disabled { .. }
    ) {
        return None;
    }
    let value = *q.answer.allowed().get(index)?;
    Some(Command::Edit(Edit::Value {
        question: q.id.clone(),
        option,
        value,
    }))
}

impl AppState {
    /// The option row of `q` that 1/2/3 answer (the first until ↑/↓ move it).
    pub fn option_row(&self, q: &Question) -> usize {
        match &self.view.option_row {
            Some((id, row)) if *id == q.id => *row,
            _ => 0,
        }
    }

    /// ↑/↓ on an option question: the next or previous row (staying at the ends).
    pub(super) fn move_option_row(&mut self, delta: isize) {
        let Some(q) = self.doc.as_ref().and_then(|d| d.selected_question()) else {
            return;
        };
        let Some(last) = q.answer.options().len().checked_sub(1) else {
            return;
        };
        let row = self.option_row(q).saturating_add_signed(delta).min(last);
        self.view.option_row = Some((q.id.clone(), row));
    }
}

/// One line of the key list: what it does (a message id) and the keys that do it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyLine {
    pub id: &'static str,
    pub keys: Vec<Shortcut>,
}

/// Every key the app binds, for ヘルプ → キー操作一覧: the menu table's shortcuts (with their
/// second keys), then the keys outside the menus, then presentation mode's.
pub fn key_list() -> Vec<KeyLine> {
    let mut out: Vec<KeyLine> = entries()
        .iter()
        .filter_map(|e| {
            let mut keys = vec![e.shortcut?];
            match e.id {
                "menu-redo" => keys.push(REDO_ALT),
                "menu-zoom-in" => keys.push(ZOOM_IN_ALT[0]),
                "menu-next" => keys.push(Shortcut::plain(Key::PageDown)),
                "menu-previous" => keys.push(Shortcut::plain(Key::PageUp)),
                _ => {}
            }
            Some(KeyLine { id: e.id, keys })
        })
        .collect();
    out.push(KeyLine {
        id: "keys-answer",
        keys: ANSWER_KEYS.map(Shortcut::plain).to_vec(),
    });
    out.push(KeyLine {
        id: "keys-option-rows",
        keys: vec![
            Shortcut::plain(Key::ArrowUp),
            Shortcut::plain(Key::ArrowDown),
        ],
    });
    for (id, command) in [
        ("keys-presentation-next", Command::Next),
        ("keys-presentation-previous", Command::Previous),
        ("keys-presentation-first", Command::PresentationEnd(false)),
        ("keys-presentation-last", Command::PresentationEnd(true)),
        ("keys-presentation-blank", Command::PresentationBlank),
        ("keys-presentation-guide", Command::PresentationGuide),
        ("keys-presentation-hide", Command::ToggleHideVendor),
        ("keys-presentation-leave", Command::TogglePresentation),
    ] {
        let mut keys: Vec<Shortcut> = PRESENTATION_KEYS
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| Shortcut::plain(*k))
            .collect();
        if command == Command::TogglePresentation {
            keys.push(Shortcut::plain(Key::F5));
        }
        out.push(KeyLine { id, keys });
    }
    out
}
