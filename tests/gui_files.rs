//! The hospital's files in by the handful (issue 30), driven through the window: several
//! statements chosen at once in the in-app browser (Ctrl/Shift-click, 「すべて選択」), one list of
//! chosen statements shared by the comparison and the check, 「受領台帳から選ぶ」, the register
//! opened on the open statement's folder, and a check whose verdicts are made again whenever
//! its profile or its statements change. Menus are clicked and paths typed; files on disk are
//! the only thing prepared beforehand.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, answer_path, menu, retype, settle, shows};

/// The app in Japanese, as on a system without a native file dialog (the in-app browser).
fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 900.0))
}

/// Statements of the sample by the vendors `vendors` (the second answers question 2 いいえ),
/// saved in `dir` under `names`.
fn statements(dir: &Path, names: &[&str], vendors: &[&str]) -> Vec<PathBuf> {
    names
        .iter()
        .zip(vendors)
        .enumerate()
        .map(|(i, (name, vendor))| {
            let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
            p.header.vendor = (*vendor).into();
            if i == 1 {
                p.answers.get_mut("q2").unwrap().value = AnswerValue::No;
            }
            let path = dir.join(name);
            kaijisho::io::save_project(&path, &p).unwrap();
            path
        })
        .collect()
}

/// The app with `file` opened through ファイル → 開く… (its folder is the one used last).
fn opened(dir: &Path, file: &Path) -> H {
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, file);
    assert_eq!(
        h.state().state.doc.as_ref().and_then(|d| d.path.as_deref()),
        Some(file)
    );
    h
}

fn chosen(h: &H) -> Vec<PathBuf> {
    h.state().state.view.chosen.clone()
}

fn list_line(count: usize) -> String {
    format!("選んだ開示書: {count} 件 (比較と受入基準の確認で共通)")
}

/// Clicks the first 参照… (the comparison's, drawn before the check's) and settles: the path
/// prompt opens with the browser in it.
fn browse(h: &mut H) {
    h.query_all_by_label("参照…").next().unwrap().click();
    settle(h);
    assert!(shows(h, "フォルダ: "), "the in-app browser is open");
}

#[test]
fn four_files_at_once_in_the_browser_go_into_the_comparison_and_show_in_the_check() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(
        dir.path(),
        &["mine.json", "a.json", "b.json", "c.json", "d.json"],
        &["自社", "A社", "B社", "C社", "D社"],
    );
    std::fs::write(dir.path().join("メモ.txt"), "x").unwrap();
    let mut h = opened(dir.path(), &files[0]);
    menu(&mut h, "ファイル", "開示書を比較…");
    assert!(shows(&h, &list_line(1)), "the open statement is chosen");
    browse(&mut h);
    // a, then Shift-click d: a … d; Ctrl-click c takes it away and puts it back.
    h.get_by_label("a.json").click();
    h.run();
    h.get_by_label("d.json")
        .click_modifiers(egui::Modifiers::SHIFT);
    h.run();
    assert!(shows(&h, "4 ファイルを選択中"));
    h.get_by_label("c.json")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert!(shows(&h, "3 ファイルを選択中"));
    h.get_by_label("c.json")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert!(shows(&h, "4 ファイルを選択中"));
    h.get_by_label("OK").click();
    settle(&mut h);
    assert_eq!(chosen(&h), files, "one OK adds all four");
    assert!(shows(&h, &list_line(5)));
    // The check shows the same list, and checks it at once.
    menu(&mut h, "ファイル", "受入基準で確認…");
    settle(&mut h);
    assert_eq!(
        h.query_all_by_label(&list_line(5)).count(),
        2,
        "both windows"
    );
    assert!(shows(
        &h,
        "この判定の開示書 (5 件): mine.json、a.json、b.json、c.json、d.json"
    ));
    // 外す in the check (its list is drawn last): gone from the comparison too, checked again.
    h.query_all_by_label("外す").last().unwrap().click();
    settle(&mut h);
    assert_eq!(h.query_all_by_label(&list_line(4)).count(), 2);
    assert!(shows(&h, "この判定の開示書 (4 件)"));
    // すべて選択 brings d back, and no file twice.
    browse(&mut h);
    h.get_by_label("すべて選択").click();
    h.run();
    assert!(shows(&h, "5 ファイルを選択中"));
    h.get_by_label("OK").click();
    settle(&mut h);
    assert_eq!(chosen(&h).len(), 5);
    assert!(shows(&h, "この判定の開示書 (5 件)"));
}

#[test]
fn a_prompt_for_one_file_keeps_one() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(dir.path(), &["a.json", "b.json"], &["A社", "B社"]);
    let mut h = opened(dir.path(), &files[0]);
    menu(&mut h, "ファイル", "開く…");
    h.get_by_label("参照…").click();
    settle(&mut h);
    h.get_by_label("a.json").click();
    h.run();
    h.get_by_label("b.json")
        .click_modifiers(egui::Modifiers::COMMAND);
    h.run();
    assert!(h.query_by_label("すべて選択").is_none());
    assert!(!shows(&h, "ファイルを選択中"));
    h.get_by_label("OK").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.path.as_deref(), Some(files[1].as_path()));
}

#[test]
fn the_register_opens_on_the_open_statements_folder_and_fills_the_check_and_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(
        dir.path(),
        &["a.json", "b.json", "c.json"],
        &["A社", "別会社", "三社目"],
    );
    let mut h = opened(dir.path(), &files[0]);
    menu(&mut h, "ファイル", "受領台帳…");
    assert!(
        h.query_by_label("フォルダのパス").is_none(),
        "no folder asked for"
    );
    let folder = format!("フォルダー: {} (3 ファイル)", dir.path().display());
    assert!(shows(&h, &folder));
    // Another folder can still be chosen.
    h.get_by_label("別のフォルダー…").click();
    h.run();
    assert!(h.query_by_label("フォルダのパス").is_some());
    h.get_by_label("キャンセル").click();
    h.run();
    menu(&mut h, "ファイル", "受入基準で確認…");
    settle(&mut h);
    h.get_by_label("受領台帳から選ぶ…").click();
    h.run();
    assert!(shows(&h, "a.json — A社 / "), "the register's vendor");
    assert!(shows(&h, "(追加済み)"), "the open statement is in the list");
    for name in ["b.json", "c.json"] {
        h.get_by(|n| n.role() == Role::CheckBox && n.label().is_some_and(|l| l.starts_with(name)))
            .click();
        h.run();
    }
    h.get_by_label("2 件を追加").click();
    settle(&mut h);
    assert_eq!(chosen(&h), files);
    assert!(shows(&h, "この判定の開示書 (3 件): a.json、b.json、c.json"));
    assert!(
        shows(&h, "基準外 (必須 1 件、推奨 0 件)"),
        "checked at once"
    );
    menu(&mut h, "ファイル", "開示書を比較…");
    assert_eq!(h.query_all_by_label(&list_line(3)).count(), 2);
}

#[test]
fn without_the_register_window_the_pick_reads_the_open_statements_folder() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(
        dir.path(),
        &["a.json", "b.json", "c.json"],
        &["A社", "B社", "C社"],
    );
    let mut h = opened(dir.path(), &files[0]);
    menu(&mut h, "ファイル", "開示書を比較…");
    h.get_by_label("受領台帳から選ぶ…").click();
    h.run();
    h.get_by_label("すべて選択").click();
    h.run();
    h.get_by_label("2 件を追加").click();
    settle(&mut h);
    assert_eq!(chosen(&h), files);
    // Four statements side by side: the table stays inside its window.
    let d = dir.path().join("d.json");
    std::fs::copy(&files[1], &d).unwrap();
    retype(
        &mut h,
        Role::TextInput,
        "比べるファイルのパス",
        &d.display().to_string(),
    );
    h.get_by_label("追加").click();
    h.run();
    h.get_by_label("比較する").click();
    settle(&mut h);
    let right = h.get_by_label("Close window").rect().right();
    let headings: Vec<_> = h
        .query_all_by_label_contains(" / 電子カルテシステム")
        .map(|n| n.rect())
        .collect();
    assert_eq!(headings.len(), 4, "a heading per statement");
    for r in headings {
        assert!(
            r.right() <= right + 1.0,
            "{r:?} past the window's edge {right}"
        );
    }
}

/// The check window says its verdicts are by the profile named `name…`, from `file`.
fn verdicts_by(h: &H, name: &str, file: &str) -> bool {
    let (start, end) = (format!("この判定の受入基準: {name}"), format!(" ({file})"));
    h.query_all_by_label_contains(&start)
        .any(|n| text(&n).is_some_and(|l| l.ends_with(&end)))
}

/// A node's text: a label's is its value.
fn text(n: &egui_kittest::Node<'_>) -> Option<String> {
    let n = n.accesskit_node();
    if n.role() == Role::Label {
        n.value()
    } else {
        n.label()
    }
}

#[test]
fn a_changed_profile_or_list_checks_again_and_never_shows_the_old_verdicts_as_current() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(dir.path(), &["a.json", "b.json"], &["A社", "別会社"]);
    let other = dir.path().join("病院B.json");
    let mut p = kaijisho::assets::default_profile().unwrap();
    p.name = "病院B".into();
    kaijisho::io::hospital::save_profile(&other, &p).unwrap();
    let mut h = opened(dir.path(), &files[0]);
    menu(&mut h, "ファイル", "受入基準で確認…");
    settle(&mut h);
    assert_eq!(h.query_all_by_label("受入基準内").count(), 1);
    // A file added: checked again without 確認する.
    retype(
        &mut h,
        Role::TextInput,
        "確認する開示書のパス",
        &files[1].display().to_string(),
    );
    h.get_by_label("追加").click();
    settle(&mut h);
    assert!(shows(&h, "基準外 (必須 1 件、推奨 0 件)"));
    assert!(verdicts_by(&h, "既定: すべての設問", "同梱の既定"));
    // A profile of the hospital's own accepting 2 いいえ, saved, then この基準で確認….
    menu(&mut h, "ファイル", "受入基準を編集…");
    retype(&mut h, Role::TextInput, "名前", "病院A");
    h.get_by_role_and_label(Role::CheckBox, "2 いいえ").click();
    h.run();
    let mine = dir.path().join("病院A.json");
    h.get_by_label("受入基準を保存…").click();
    h.run();
    answer_path(&mut h, &mine);
    h.get_by_label("この基準で確認…").click();
    // Frame by frame until done: once the window has the new profile, the default profile's
    // verdicts are never shown as current.
    let chosen_line = format!("受入基準: {}", mine.display());
    let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        h.step();
        let new = h.query_by_label(&chosen_line).is_some();
        let old = verdicts_by(&h, "既定: すべての設問", "同梱の既定");
        assert!(
            !new || !old || shows(&h, "再確認中…"),
            "the old profile's verdicts shown as current under the new one"
        );
        if !h.state().state.busy() {
            break;
        }
        assert!(std::time::Instant::now() < end);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    settle(&mut h);
    assert!(verdicts_by(&h, "病院A", "病院A.json"));
    assert_eq!(h.query_all_by_label("受入基準内").count(), 2);
    assert!(!shows(&h, "再確認中…"));
    // The profile changed and saved again in the editor: checked again by itself.
    h.get_by_role_and_label(Role::CheckBox, "2 いいえ").click();
    h.run();
    h.get_by_label("受入基準を保存…").click();
    h.run();
    answer_path(&mut h, &mine);
    h.get_by_label("置き換える").click();
    settle(&mut h);
    assert!(shows(&h, "基準外 (必須 1 件、推奨 0 件)"));
    assert!(verdicts_by(&h, "病院A", "病院A.json"));
    // Another profile file chosen in the window.
    h.get_by_label("受入基準ファイルを選ぶ…").click();
    h.run();
    answer_path(&mut h, &other);
    assert!(verdicts_by(&h, "病院B", "病院B.json"));
    assert!(!shows(&h, "再確認中…"));
}
