//! Japanese input in the document's fields, with the IME's events injected as egui receives
//! them from an on-the-spot IME (ibus, fcitx5, Windows, macOS): the unconfirmed text
//! (preedit) is no document edit — no ●, no undo step, nothing for the recovery file — until
//! the IME commits it; Escape leaves the statement as it was; a click elsewhere mid-conversion
//! drops the unconfirmed part and never leaves romaji; Ctrl+Z in the field never brings back
//! unconverted kana.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use eframe::egui;
use egui::accesskit::Role;
use egui::{Event, ImeEvent};
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, select};

/// The shipped SDS example open (saved, unmodified), on question 2.
fn on_question_2(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    let mut h = common::gui::harness_with(dir, settings, egui::Vec2::new(1280.0, 800.0));
    h.get_by_label("記入例を開く").click();
    h.run();
    select(&mut h, "2 扱う");
    assert!(!modified(&h));
    h
}

fn modified(h: &H) -> bool {
    h.state().state.doc.as_ref().unwrap().modified()
}

fn remark(h: &H) -> String {
    let doc = h.state().state.doc.as_ref().unwrap();
    doc.project.answer("q2").unwrap().remark.clone()
}

fn preedit(h: &mut H, text: &str) {
    h.event(Event::Ime(ImeEvent::Preedit {
        text: text.into(),
        active_range_chars: None,
    }));
    h.run();
}

fn commit(h: &mut H, text: &str) {
    h.event(Event::Ime(ImeEvent::Commit(text.into())));
    h.run();
}

/// The remark field of question 2, focused with the cursor at its end.
fn focus_remark(h: &mut H) {
    h.get_by_role_and_label(Role::MultilineTextInput, "2 備考")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::End);
    h.run();
}

fn shown(h: &H) -> String {
    h.get_by_role_and_label(Role::MultilineTextInput, "2 備考")
        .value()
        .unwrap_or_default()
}

#[test]
fn a_conversion_is_one_edit_when_committed_and_nothing_before() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = on_question_2(dir.path());
    let before = remark(&h);
    focus_remark(&mut h);
    for kana in ["な", "ない", "ないぶ", "ないぶかんさ", "内部監査"] {
        preedit(&mut h, kana);
        assert_eq!(remark(&h), before, "{kana}: not the statement's yet");
        assert!(!modified(&h), "{kana}: no ● while composing");
    }
    assert!(
        shown(&h).ends_with("内部監査"),
        "the field shows the conversion"
    );
    commit(&mut h, "内部監査");
    assert_eq!(remark(&h), format!("{before}内部監査"));
    assert!(modified(&h));
    // Ctrl+Z in the field takes the conversion back as a whole, and never brings back the
    // unconverted kana.
    for _ in 0..3 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert!(!remark(&h).contains("ないぶ"), "{}", remark(&h));
        assert!(!shown(&h).contains("ないぶ"), "{}", shown(&h));
    }
    assert_eq!(remark(&h), before);
    // Nor does the document's history hold them: redone from the menu, then undone.
    h.get_by_label("2 はい").focus();
    h.run();
    common::gui::menu(&mut h, "編集", "やり直し");
    assert!(!remark(&h).contains("ないぶ"), "{}", remark(&h));
    common::gui::menu(&mut h, "編集", "元に戻す");
    assert!(!remark(&h).contains("ないぶ"), "{}", remark(&h));
}

#[test]
fn escape_leaves_the_statement_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = on_question_2(dir.path());
    let before = remark(&h);
    focus_remark(&mut h);
    preedit(&mut h, "ほぞん");
    assert!(!modified(&h), "no ● while composing");
    // Escape: the IME clears its preedit.
    preedit(&mut h, "");
    assert_eq!(remark(&h), before);
    assert_eq!(shown(&h), before);
    assert!(!modified(&h), "no ● after Escape left the same text");
}

#[test]
fn a_click_elsewhere_mid_conversion_leaves_no_romaji() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = on_question_2(dir.path());
    let before = remark(&h);
    focus_remark(&mut h);
    preedit(&mut h, "ほぞｎ");
    h.get_by_label("2 はい").click();
    h.run();
    h.run();
    assert_eq!(remark(&h), before, "the unconfirmed part is dropped");
    assert_eq!(shown(&h), before, "the field shows the statement again");
    assert!(!shown(&h).contains('ｎ'));
    // A commit the IME sends after the field was left does not reach it.
    commit(&mut h, "ほぞｎ");
    assert!(!remark(&h).contains("ほぞ"), "{}", remark(&h));
}

#[test]
fn undo_from_the_menu_mid_conversion_shows_the_statement_not_the_stale_composition() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = on_question_2(dir.path());
    let before = remark(&h);
    focus_remark(&mut h);
    commit(&mut h, "監査");
    assert_eq!(remark(&h), format!("{before}監査"));
    preedit(&mut h, "きろく");
    // The statement changes under the composition (元に戻す from the menu).
    common::gui::menu(&mut h, "編集", "元に戻す");
    h.run();
    assert_eq!(remark(&h), before);
    assert!(!shown(&h).contains("きろく"), "{}", shown(&h));
    assert!(!shown(&h).contains("監査"), "{}", shown(&h));
}

/// Typing on after a conversion: the IME commits it and starts the next preedit in one go; the
/// committed part is the statement's at once, and a click away drops only the new preedit.
#[test]
fn a_commit_followed_by_the_next_preedit_keeps_the_committed_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = on_question_2(dir.path());
    let before = remark(&h);
    focus_remark(&mut h);
    preedit(&mut h, "ないぶかんさ");
    h.event(Event::Ime(ImeEvent::Commit("内部監査".into())));
    h.event(Event::Ime(ImeEvent::Preedit {
        text: "を".into(),
        active_range_chars: None,
    }));
    h.run();
    assert_eq!(
        remark(&h),
        format!("{before}内部監査"),
        "committed: the statement's"
    );
    assert!(shown(&h).ends_with("内部監査を"), "{}", shown(&h));
    h.get_by_label("2 はい").click();
    h.run();
    h.run();
    assert_eq!(
        remark(&h),
        format!("{before}内部監査"),
        "the new preedit dropped"
    );
    assert_eq!(shown(&h), format!("{before}内部監査"));
}
