//! The real app in a headless egui_kittest harness, for the GUI tests: built the way `main`
//! builds it (the bundled fonts installed), and run until background work is done. Its clock
//! is fixed at [`TODAY`], so what a test sees does not depend on the day it runs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kaijisho::app::{AppState, Settings};
use kaijisho::io::clock::Clock;
use kaijisho::ui::KaijishoApp;

pub type H = Harness<'static, KaijishoApp>;

/// The day the GUI tests run on: 2026-11-23 (「2026年11月23日」), 10:00 UTC.
pub const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 23);

/// The app's clock in the GUI tests, fixed at [`TODAY`].
pub fn clock() -> Clock {
    Clock::fixed(
        TODAY
            .at(10, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap(),
    )
}

/// The app with `settings`, its data folder in `dir`, at `size`.
pub fn harness_with(dir: &Path, settings: Settings, size: egui::Vec2) -> H {
    build(
        AppState::with_clock(settings, Some(dir.to_path_buf()), clock()).unwrap(),
        size,
        true,
    )
}

/// The same, as on a system without a native file dialog (the in-app browser is used).
pub fn harness_without_native_dialog(dir: &Path, settings: Settings, size: egui::Vec2) -> H {
    build(
        AppState::with_clock(settings, Some(dir.to_path_buf()), clock()).unwrap(),
        size,
        false,
    )
}

/// [`harness_without_native_dialog`] with its clock at `clock` (a test whose outside tool —
/// a timestamp authority — stamps the real time).
pub fn harness_at(dir: &Path, settings: Settings, size: egui::Vec2, clock: Clock) -> H {
    build(
        AppState::with_clock(settings, Some(dir.to_path_buf()), clock).unwrap(),
        size,
        false,
    )
}

fn build(state: AppState, size: egui::Vec2, native_dialog: bool) -> H {
    let mut app = KaijishoApp::with_state(state, None);
    if !native_dialog {
        app = app.without_native_dialog();
    }
    let mut h = Harness::builder().with_size(size).build_eframe(|cc| {
        kaijisho::ui::fonts::install(&cc.egui_ctx).unwrap();
        app
    });
    h.run();
    h
}

/// Runs frames until background work (import, export, compare) has finished and the window is
/// still.
pub fn settle(h: &mut H) {
    let end = Instant::now() + Duration::from_secs(60);
    h.step();
    while h.state().state.busy() {
        assert!(Instant::now() < end, "background work did not finish");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    // A new dialog may lay itself out over a few more frames.
    for _ in 0..4 {
        if h.run_ok().is_some() {
            return;
        }
    }
    panic!("the window keeps repainting");
}

/// Clicks the last node whose label starts with `prefix` (a menu's entry is drawn last, on
/// top of a start-screen button of the same name), then settles.
pub fn click_starting(h: &mut H, prefix: &str) {
    let nodes: Vec<_> = h
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with(prefix)))
        .collect();
    nodes
        .last()
        .unwrap_or_else(|| panic!("nothing labelled {prefix}…"))
        .click();
    settle(h);
}

/// Opens a menu of the menu bar and clicks one of its entries (its label, with or without the
/// shortcut after it; the menu's is drawn last, on top of a start-screen button of the same
/// name), then settles.
pub fn menu(h: &mut H, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    click_menu_entry(h, entry);
    settle(h);
}

/// Clicks an entry of the open menu: its label, with or without the shortcut after it (the
/// start screen may show a button of the same name; the menu's is drawn last, on top).
pub fn click_menu_entry(h: &mut H, entry: &str) {
    let with_shortcut = format!("{entry} ");
    let nodes: Vec<_> = h
        .query_all_by(|n| {
            n.label()
                .is_some_and(|l| l == entry || l.starts_with(&with_shortcut))
        })
        .collect();
    nodes.last().expect("the entry is in the open menu").click();
}

/// Replaces the text of the field with this label by `text`, as typed (Ctrl+A, then the
/// keys).
pub fn retype(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Answers the path prompt of a file dialog (「ファイルのパス」) with `path`, presses OK and
/// settles.
pub fn answer_path(h: &mut H, path: &std::path::Path) {
    retype(
        h,
        Role::TextInput,
        "ファイルのパス",
        &path.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(h);
}

/// Clicks the navigator row of the question whose number and text start with `prefix`.
pub fn select(h: &mut H, prefix: &str) {
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(prefix)))
        .click();
    h.run();
}

/// Whether some label in the window contains `text`.
pub fn shows(h: &H, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}
