//! Conditional answers (条件付き回答) in the app, driven the way a user does it: the 条件 field
//! under a はい, one undo step for what was typed, the grid, and the round trip through the
//! workbook from the File menu. Menus are clicked, keys pressed and paths typed; nothing here
//! sets the app's state.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, menu, retype, select, settle, shows};

/// The app in Japanese, its path prompts starting in `dir`.
fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        last_folder: Some(dir.to_path_buf()),
        ..Settings::default()
    };
    common::gui::harness_with(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

/// Types `path` into the path prompt (its suggestion is selected on focus) and presses OK.
fn choose_path(h: &mut H, path: &Path) {
    retype(
        h,
        Role::TextInput,
        "ファイルのパス",
        &path.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(h);
}

fn condition(h: &H) -> String {
    h.state().state.doc.as_ref().unwrap().project.answers["q2"]
        .condition
        .clone()
}

fn remark(h: &H) -> String {
    h.state().state.doc.as_ref().unwrap().project.answers["q2"]
        .remark
        .clone()
}

fn key(h: &mut H, k: egui::Key) {
    h.key_press(k);
    h.run();
}

/// Every cell of the workbook's first sheet, as text.
fn cells(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let range = wb.worksheet_range(&name).unwrap();
    range.cells().map(|(_, _, v)| v.to_string()).collect()
}

#[test]
fn a_condition_typed_under_a_yes_is_one_undo_step_and_survives_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("記入例を開く").click();
    h.run();
    select(&mut h, "2 扱う");
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.value("q2"),
        AnswerValue::Yes
    );
    let original_remark = remark(&h);
    // Typed into the 条件 field under the answer, in pauses: one edit.
    h.get_by_role_and_label(Role::TextInput, "2 条件").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "2 条件")
        .type_text("オプション");
    h.run();
    for _ in 0..12 {
        h.step();
    }
    h.get_by_role_and_label(Role::TextInput, "2 条件")
        .type_text("契約時");
    h.run();
    assert_eq!(condition(&h), "オプション契約時");
    assert_eq!(remark(&h), original_remark, "the remark is its own");
    // Leave the field; Ctrl+Z takes the whole condition back at once, the answer stays.
    key(&mut h, egui::Key::Escape);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(condition(&h), "", "undone in one step");
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.value("q2"),
        AnswerValue::Yes
    );
    menu(&mut h, "編集", "やり直し");
    assert_eq!(condition(&h), "オプション契約時", "redone");

    // The grid shows the answer as conditional.
    menu(&mut h, "表示", "一覧");
    assert!(
        shows(&h, "はい〔条件〕"),
        "the grid marks the conditional はい"
    );
    menu(&mut h, "表示", "一覧");

    // Exported to the workbook: the condition heads the remark cell.
    let x = dir.path().join("条件付き.xlsx");
    menu(&mut h, "ファイル", "Excel に書き出す…");
    choose_path(&mut h, &x);
    assert!(x.exists(), "exported");
    let written = if original_remark.is_empty() {
        "〔条件〕オプション契約時".to_string()
    } else {
        format!("〔条件〕オプション契約時。{original_remark}")
    };
    assert!(
        cells(&x).contains(&written),
        "the remark cell holds {written}"
    );

    // Taken back in the app, then imported back from the File menu: the condition and the
    // remark, apart, as they were.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(condition(&h), "", "the open statement has none now");
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &x);
    if h.query_by_label("保存しない").is_some() {
        h.get_by_label("保存しない").click();
        settle(&mut h);
    }
    h.get_by_label("取り込む").click();
    settle(&mut h);
    assert_eq!(condition(&h), "オプション契約時", "read from the workbook");
    assert_eq!(remark(&h), original_remark);
    // The field shows it.
    select(&mut h, "2 扱う");
    let field = h.get_by_role_and_label(Role::TextInput, "2 条件");
    assert_eq!(field.value().unwrap_or_default(), "オプション契約時");
}

/// Types `text` into the field with this label.
fn type_into(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// In the profile editor, question 2's 条件付き可 unticked: the saved profile refuses conditional
/// answers there, and the check window lists the sample's conditional はい as outside, quoting
/// its condition.
#[test]
fn the_profile_editor_refuses_conditional_answers_and_the_check_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("条件付き.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.answers.get_mut("q2").unwrap().condition = "オプション契約時".into();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, &file);
    menu(&mut h, "ファイル", "受入基準を編集…");
    h.get_by_role_and_label(Role::CheckBox, "2 条件付き可")
        .click();
    h.run();
    let profile = dir.path().join("病院の受入基準.json");
    h.get_by_label("受入基準を保存…").click();
    h.run();
    choose_path(&mut h, &profile);
    let saved = kaijisho::io::hospital::load_profile(&profile).unwrap();
    assert_eq!(saved.rules.len(), 1, "{saved:?}");
    assert_eq!(
        saved.rules[0].conditional,
        kaijisho::domain::profile::Conditional::Refuse
    );
    h.get_by_label("この基準で確認…").click();
    settle(&mut h);
    type_into(
        &mut h,
        Role::TextInput,
        "確認する開示書のパス",
        &file.display().to_string(),
    );
    h.get_by_label("追加").click();
    settle(&mut h);
    h.get_by_label("確認する").click();
    settle(&mut h);
    assert!(
        shows(&h, "条件付き: 「オプション契約時」"),
        "the check quotes the condition"
    );
}
