//! Every document the user edits — the statement, the acceptance profile, the register — is
//! asked about before anything closes or replaces it, through the menus, buttons and keys a
//! user uses: 保存しない really discards, キャンセル keeps everything, 保存 saves and carries on;
//! undoing back to the saved state is not "modified"; a shortcut whose modifier is let go
//! within the same frame still acts.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::profile::Profile;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, menu, retype, select, settle, shows};

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_with(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

/// Answers the path prompt (a file or a folder) with `path` and presses OK.
fn choose_path(h: &mut H, label: &str, path: &Path) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    settle(h);
}

/// The "save the changes?" dialog is up, about this document.
fn asked_about(h: &H, doc: &str) -> bool {
    shows(h, &format!("{doc}の変更を保存しますか"))
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    settle(h);
}

/// A profile file of another name, to open over the edited one.
fn other_profile(dir: &Path) -> PathBuf {
    let path = dir.join("other.json");
    kaijisho::io::hospital::save_profile(&path, &Profile::default_profile("別の基準")).unwrap();
    path
}

fn editor_name(h: &H) -> String {
    let e = h.state().state.hospital.profile_editor.as_ref().unwrap();
    e.profile().name.clone()
}

#[test]
fn an_edited_profile_is_asked_about_before_close_open_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let other = other_profile(dir.path());
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受入基準を編集…");
    assert!(shows(&h, "受入基準の編集") && !shows(&h, "● 受入基準の編集"));
    retype(&mut h, Role::TextInput, "名前", "病院A");
    assert_eq!(editor_name(&h), "病院A");
    assert!(
        shows(&h, "● 受入基準の編集"),
        "the editor's title marks the change"
    );
    // Closing the editor asks; キャンセル keeps it open with the change.
    click(&mut h, "Close window");
    assert!(asked_about(&h, "受入基準"), "closing the editor asks");
    click(&mut h, "キャンセル");
    assert_eq!(editor_name(&h), "病院A");
    // Opening another profile asks; 保存しない really discards.
    click(&mut h, "受入基準を開く…");
    choose_path(&mut h, "ファイルのパス", &other);
    assert!(asked_about(&h, "受入基準"), "opening another profile asks");
    click(&mut h, "保存しない");
    assert_eq!(editor_name(&h), "別の基準");
    assert!(!h.state().state.any_modified());
    // Quit asks; 保存 writes the profile to its file, then quits.
    retype(&mut h, Role::TextInput, "名前", "病院B");
    menu(&mut h, "ファイル", "終了");
    assert!(asked_about(&h, "受入基準"), "quit asks");
    assert!(!h.state().state.view.quit);
    // The window closes once the answer is taken: a frame, not a settled window.
    h.get_by_label("保存").click();
    h.step();
    assert_eq!(
        kaijisho::io::hospital::load_profile(&other).unwrap().name,
        "病院B"
    );
    assert!(h.state().state.view.quit, "carried on after the save");
}

#[test]
fn a_profile_edit_undone_is_not_modified_and_closes_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受入基準を編集…");
    h.get_by_role_and_label(Role::CheckBox, "1 いいえ").click();
    settle(&mut h);
    assert!(h.state().state.any_modified());
    menu(&mut h, "編集", "元に戻す");
    assert!(
        !h.state().state.any_modified(),
        "back at the state it was opened in"
    );
    click(&mut h, "Close window");
    assert!(!asked_about(&h, "受入基準"));
    assert!(h.state().state.hospital.profile_editor.is_none());
}

/// A folder with one statement, read as the register through ファイル → 受領台帳….
fn open_register(dir: &Path) -> H {
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&dir.join("a.json"), &p).unwrap();
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "受領台帳…");
    choose_path(&mut h, "フォルダのパス", dir);
    assert!(shows(&h, "(1 ファイル)"));
    h
}

fn register_system(h: &H) -> Option<String> {
    let r = h.state().state.hospital.register.as_ref()?;
    Some(
        r.file()
            .entries
            .get("a.json")
            .map(|e| e.system.clone())
            .unwrap_or_default(),
    )
}

#[test]
fn an_edited_register_is_asked_about_before_reading_again_close_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = open_register(dir.path());
    let file = dir.path().join("kaijisho-register.json");
    retype(&mut h, Role::TextInput, "a.json システム", "電子カルテ");
    assert_eq!(register_system(&h).as_deref(), Some("電子カルテ"));
    // 読み直す asks; 保存しない reads the folder again without the change.
    click(&mut h, "読み直す");
    assert!(asked_about(&h, "受領台帳"), "reading again asks");
    click(&mut h, "保存しない");
    assert_eq!(register_system(&h).as_deref(), Some(""));
    assert!(!file.exists(), "nothing written");
    // Closing asks; 保存 writes the register file, then closes.
    retype(&mut h, Role::TextInput, "a.json システム", "PACS");
    click(&mut h, "Close window");
    assert!(asked_about(&h, "受領台帳"));
    click(&mut h, "保存");
    assert!(h.state().state.hospital.register.is_none());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("\"system\": \"PACS\"")
    );
    // Quit asks too; 保存しない quits without writing.
    menu(&mut h, "ファイル", "受領台帳…");
    choose_path(&mut h, "フォルダのパス", dir.path());
    retype(&mut h, Role::TextInput, "a.json システム", "検査");
    menu(&mut h, "ファイル", "終了");
    assert!(asked_about(&h, "受領台帳"));
    h.get_by_label("保存しない").click();
    h.step();
    assert!(h.state().state.view.quit);
    assert!(!std::fs::read_to_string(&file).unwrap().contains("検査"));
}

/// The sample saved as `mine.json`, opened through ファイル → 開く…, question 2 answered いいえ.
fn open_and_answer(dir: &Path) -> (H, PathBuf) {
    let file = dir.join("mine.json");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, "ファイルのパス", &file);
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    settle(&mut h);
    (h, file)
}

fn marked_modified(h: &H) -> bool {
    h.state().title().starts_with("● ")
}

/// The sample as a workbook of our layout.
fn workbook(dir: &Path) -> PathBuf {
    let x = dir.join("受領.xlsx");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let c = p.catalogue.resolve(&shipped).unwrap();
    let form = kaijisho::assets::form().unwrap();
    kaijisho::io::xlsx::export_xlsx(&x, &c, &p, &form).unwrap();
    x
}

#[test]
fn discarding_for_a_workbook_then_cancelling_its_import_keeps_the_statement_modified() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_and_answer(dir.path());
    let x = workbook(dir.path());
    assert!(marked_modified(&h));
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, "ファイルのパス", &x);
    assert!(asked_about(&h, "開示書"));
    click(&mut h, "保存しない");
    assert!(
        h.state().state.import_preview.is_some(),
        "the preview shows"
    );
    click(&mut h, "キャンセル");
    // The edited statement is still open, still marked, and Quit still asks.
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.value("q2"),
        AnswerValue::No
    );
    assert!(marked_modified(&h));
    menu(&mut h, "ファイル", "終了");
    assert!(asked_about(&h, "開示書"), "quit still asks");
    assert!(!h.state().state.view.quit);
    click(&mut h, "キャンセル");
    // Let go for the workbook and taken: no second question at 取り込む.
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, "ファイルのパス", &x);
    click(&mut h, "保存しない");
    click(&mut h, "取り込む");
    assert!(!asked_about(&h, "開示書"));
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.source_path.as_deref(), Some(x.as_path()));
}

#[test]
fn undo_back_to_the_saved_state_clears_the_mark() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_and_answer(dir.path());
    assert!(marked_modified(&h));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert!(!marked_modified(&h), "{}", h.state().title());
    assert!(!h.state().state.doc.as_ref().unwrap().modified());
    // Redo: modified again; closing asks.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(&mut h);
    assert!(marked_modified(&h));
    menu(&mut h, "ファイル", "閉じる");
    assert!(asked_about(&h, "開示書"));
}

#[test]
fn ctrl_s_released_within_the_same_frame_still_saves() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, file) = open_and_answer(dir.path());
    assert!(marked_modified(&h));
    // Ctrl down, S down and up, Ctrl up — all in one frame, as remote desktops send it.
    let input = h.input_mut();
    input
        .events
        .push(egui::Event::ModifiersChanged(egui::Modifiers::COMMAND));
    for pressed in [true, false] {
        input.events.push(egui::Event::Key {
            key: egui::Key::S,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::COMMAND,
        });
    }
    input
        .events
        .push(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    h.step();
    settle(&mut h);
    assert!(!marked_modified(&h), "saved");
    assert_eq!(
        kaijisho::io::load_project(&file).unwrap().value("q2"),
        AnswerValue::No
    );
}

#[test]
fn carrying_an_imported_statement_forward_offers_its_own_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let x = workbook(dir.path());
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, "ファイルのパス", &x);
    click(&mut h, "取り込む");
    let own = h.state().state.doc.as_ref().unwrap().catalogue.id.clone();
    menu(&mut h, "ファイル", "引き継いで新規作成…");
    assert_eq!(
        h.state().state.view.carry_to,
        Some(kaijisho::app::view::CarryTarget::Catalogue(own.clone()))
    );
    click(&mut h, "引き継ぐ");
    // The imported statement was never saved: asked first, then carried.
    assert!(asked_about(&h, "開示書"));
    click(&mut h, "保存しない");
    let s = &h.state().state;
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.catalogue.id, own);
    assert!(s.carry_report.is_some(), "the carry report is shown");
    assert_eq!(doc.project.value("q2"), AnswerValue::Yes);
}

/// A received folder holding a named pipe and a link to a device where statements go: the
/// register lists them with the reason, beside the statement it reads — it never waits for the
/// pipe or reads the device without end.
#[cfg(target_os = "linux")]
#[test]
fn a_register_folder_with_a_pipe_and_a_device_lists_them_as_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("b.json");
    let name = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
    unsafe extern "C" {
        fn mkfifo(path: *const std::ffi::c_char, mode: u32) -> i32;
    }
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { mkfifo(name.as_ptr(), 0o600) }, 0);
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("c.xlsx")).unwrap();
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&dir.path().join("a.json"), &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受領台帳…");
    choose_path(&mut h, "フォルダのパス", dir.path());
    assert!(shows(&h, "(3 ファイル)"));
    let unreadable = h
        .query_all_by(|n| {
            n.value()
                .or(n.label())
                .is_some_and(|t| t.contains("通常のファイルではありません"))
        })
        .count();
    assert_eq!(
        unreadable, 2,
        "the pipe and the device, each with its reason"
    );
}

/// Ranges in references are drawn with the full-width ～ of the printed form in the profile
/// editor too (an ASCII ~ is drawn raised in Japanese fonts).
#[test]
fn the_profile_editor_draws_ranges_with_a_full_width_tilde() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受入基準を編集…");
    // A label's text is its value (egui labels) or its label (buttons, fields).
    let has = |h: &H, c: char| {
        h.query_all_by(|n| n.value().or(n.label()).is_some_and(|l| l.contains(c)))
            .next()
            .is_some()
    };
    assert!(has(&h, '～'), "a range is listed");
    assert!(!has(&h, '~'), "none drawn with the ASCII tilde");
}
