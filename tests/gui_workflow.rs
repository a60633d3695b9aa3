//! The vendor's day in the app (issue 15), driven through egui_kittest the way a user drives
//! it: saving a new statement, the start screen, the keyboard, the navigator. Menus are
//! clicked, keys pressed and paths typed; nothing here sets the app's state to get somewhere.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kaijisho::app::{AppState, Settings};
use kaijisho::i18n::Lang;
use kaijisho::ui::KaijishoApp;

type H = Harness<'static, KaijishoApp>;

/// The app in Japanese, as on a system without a native file dialog.
fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    let state = AppState::new(settings, Some(dir.to_path_buf())).unwrap();
    let app = KaijishoApp::with_state(state, None).without_native_dialog();
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_eframe(|cc| {
            kaijisho::ui::fonts::install(&cc.egui_ctx).unwrap();
            app
        });
    h.run();
    h
}

/// Runs frames until background work has finished and the window is still.
fn settle(h: &mut H) {
    let end = Instant::now() + Duration::from_secs(60);
    h.step();
    while h.state().state.busy() {
        assert!(Instant::now() < end, "background work did not finish");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
    for _ in 0..4 {
        if h.run_ok().is_some() {
            return;
        }
    }
    panic!("the window keeps repainting");
}

/// Opens a menu of the menu bar and clicks one of its entries.
fn menu(h: &mut H, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    h.run();
    let with_shortcut = format!("{entry} ");
    let nodes: Vec<_> = h
        .query_all_by(|n| {
            n.label()
                .is_some_and(|l| l == entry || l.starts_with(&with_shortcut))
        })
        .collect();
    nodes.last().expect("the entry is in the open menu").click();
    settle(h);
}

/// Replaces the text of the field with this label by `text`, as typed.
fn retype(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn prompt_text(h: &H) -> String {
    h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .value()
        .unwrap_or_default()
}

fn status_says(h: &H, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// A statement file saved in `dir` and opened through File → Open: its folder is the one
/// used last.
fn open_saved_sample(dir: &Path) -> (H, PathBuf) {
    let file = dir.join("mine.json");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "開く…");
    retype(
        &mut h,
        Role::TextInput,
        "ファイルのパス",
        &file.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    (h, file)
}

/// From the start screen: a new statement with this product and version, one answer given.
fn new_statement(h: &mut H, product: &str, version: &str) {
    retype(h, Role::TextInput, "製品名称", product);
    retype(h, Role::TextInput, "バージョン", version);
    h.get_by_label("作成").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    h.key_press(egui::Key::Num1);
    h.run();
}

/// Back to the start screen from a statement, not keeping its changes.
fn close_discarding(h: &mut H) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    if h.query_by_label("保存しない").is_some() {
        h.get_by_label("保存しない").click();
        h.run();
    }
    assert!(h.state().state.doc.is_none());
}

#[test]
fn a_new_statement_is_saved_under_a_suggested_name_in_the_last_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_saved_sample(dir.path());
    close_discarding(&mut h);
    new_statement(&mut h, "見本システム", "2.1");
    // Ctrl+S on a statement never saved: the prompt suggests a name in the last folder.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let suggested = dir.path().join("見本システム 2.1 開示書.json");
    assert_eq!(prompt_text(&h), suggested.display().to_string());
    // A bare name: in that folder (not the working folder), with .json added.
    retype(&mut h, Role::TextInput, "ファイルのパス", "控え");
    h.get_by_label("OK").click();
    settle(&mut h);
    let saved = dir.path().join("控え.json");
    assert!(saved.is_file(), "saved in the last folder with .json");
    assert_eq!(
        kaijisho::io::load_project(&saved).unwrap().header.product,
        "見本システム"
    );
    // The message names the file in full.
    assert!(status_says(
        &h,
        &format!("{} に保存しました", saved.display())
    ));
    // Export to PDF suggests the statement's own name with .pdf.
    menu(&mut h, "ファイル", "PDF に書き出す…");
    assert_eq!(
        prompt_text(&h),
        dir.path().join("控え.pdf").display().to_string()
    );
}

#[test]
fn a_new_statement_suggests_documents_or_home_before_any_folder_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    new_statement(&mut h, "", "");
    menu(&mut h, "ファイル", "Excel に書き出す…");
    let text = PathBuf::from(prompt_text(&h));
    let folder = kaijisho::app::files::documents_folder().unwrap();
    assert_eq!(text, folder.join("開示書.xlsx"));
    assert!(text.is_absolute());
}

#[test]
fn save_as_a_workbook_writes_no_json_there_and_offers_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, file) = open_saved_sample(dir.path());
    let before = std::fs::read(&file).unwrap();
    menu(&mut h, "ファイル", "名前を付けて保存…");
    let x = dir.path().join("提出用.xlsx");
    retype(
        &mut h,
        Role::TextInput,
        "ファイルのパス",
        &x.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(
        h.query_by_label("書き出しますか?").is_some(),
        "export offered"
    );
    assert!(!x.exists(), "nothing written yet");
    h.get_by_label("Excel に書き出す").click();
    settle(&mut h);
    assert!(std::fs::read(&x).unwrap().starts_with(b"PK"), "a workbook");
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(
        doc.path.as_deref(),
        Some(file.as_path()),
        "still its own file"
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(status_says(
        &h,
        &format!("{} を書き出しました", x.display())
    ));
}

#[test]
fn browse_without_a_native_dialog_opens_the_in_app_browser() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("提出");
    std::fs::create_dir(&sub).unwrap();
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&sub.join("b.json"), &p).unwrap();
    std::fs::write(sub.join("メモ.txt"), "x").unwrap();
    let (mut h, _) = open_saved_sample(dir.path());
    menu(&mut h, "ファイル", "開く…");
    h.get_by_label("参照…").click();
    settle(&mut h);
    // The last folder: its sub-folder and its statement file.
    let folder = format!("フォルダ: {}", dir.path().display());
    assert!(
        h.query_by_label(&folder).is_some(),
        "starts in the last folder"
    );
    h.get_by_label("mine.json");
    h.get_by_label("提出").click();
    settle(&mut h);
    // Only the files this prompt opens.
    assert!(h.query_by_label("メモ.txt").is_none());
    h.get_by_label("b.json").click();
    h.run();
    assert_eq!(prompt_text(&h), sub.join("b.json").display().to_string());
    // Up and down again, then open.
    h.get_by_label("↑ 上のフォルダ").click();
    settle(&mut h);
    assert!(h.query_by_label("mine.json").is_some());
    h.get_by_label("提出").click();
    settle(&mut h);
    h.get_by_label("b.json").click();
    h.run();
    h.get_by_label("OK").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.path.as_deref(), Some(sub.join("b.json").as_path()));
}

#[test]
fn the_browser_saves_under_the_typed_name_in_the_chosen_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (mut h, _) = open_saved_sample(dir.path());
    menu(&mut h, "ファイル", "名前を付けて保存…");
    h.get_by_label("参照…").click();
    settle(&mut h);
    h.get_by_label("sub").click();
    settle(&mut h);
    retype(&mut h, Role::TextInput, "ファイル名", "新しい名前");
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(dir.path().join("sub").join("新しい名前.json").is_file());
}

#[test]
fn save_in_the_unsaved_changes_dialog_names_a_new_statement_then_carries_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _) = open_saved_sample(dir.path());
    close_discarding(&mut h);
    new_statement(&mut h, "続き", "1");
    // 新規作成 with unsaved changes → 保存 → the suggested name → OK → the start screen.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("保存").click();
    h.run();
    assert_eq!(
        prompt_text(&h),
        dir.path().join("続き 1 開示書.json").display().to_string()
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(
        h.state().state.doc.is_none(),
        "carried on to the start screen"
    );
    assert!(h.query_by_label("新しい開示書").is_some());
    let saved = kaijisho::io::load_project(&dir.path().join("続き 1 開示書.json")).unwrap();
    assert_eq!(saved.header.product, "続き");
    assert!(saved.answers.values().any(|a| a.value.is_answered()));
}

#[test]
fn the_start_screen_says_where_the_full_list_comes_from_and_starts_an_import() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert!(
        h.query_by_label_contains("全設問は公式チェックリスト (Excel) を取り込んで")
            .is_some()
    );
    h.get_by_label("公式チェックリスト (Excel) から始める")
        .click();
    h.run();
    assert!(
        h.query_by_label("Excel を取り込む…").is_some(),
        "the import prompt"
    );
    assert_eq!(
        h.state().state.view.prompt.as_ref().map(|p| p.purpose),
        Some(kaijisho::app::Purpose::Import)
    );
}

#[test]
fn start_screen_labels_follow_the_catalogue_kind_and_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert!(h.query_by_label("製造業者").is_some());
    h.get_by_label("SDS リモートサービス記載例 (シード文書の抜粋) (SDS Ver.4.1、5 問)")
        .click();
    h.run();
    assert!(h.query_by_label("製造業者").is_none());
    assert!(h.query_by_label("サービス事業者").is_some());
    assert!(h.query_by_label("サービス名称").is_some());
    // In English: one line each in English, no Japanese counter.
    menu(&mut h, "表示", "English");
    assert!(
        h.query_by_label("SDS remote-service sample (seed excerpt) (SDS Ver.4.1, 5 questions)")
            .is_some()
    );
    assert!(h.query_by_label_contains("問").is_none());
    assert!(
        h.query_by_label("Service provider (サービス事業者)")
            .is_some()
    );
}

#[test]
fn a_catalogue_file_of_ones_own_starts_a_statement_that_opens_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = kaijisho::assets::shipped_catalogues().unwrap().remove(0);
    c.id = "my-own".into();
    c.title = "自社版チェックリスト / Our own checklist".into();
    let file = dir.path().join("own-catalogue.json");
    std::fs::write(&file, serde_json::to_string(&c).unwrap()).unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("カタログファイルを選ぶ…").click();
    h.run();
    retype(
        &mut h,
        Role::TextInput,
        "ファイルのパス",
        &file.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("自社版チェックリスト (")
            .is_some()
    );
    new_statement(&mut h, "自社製品", "1.0");
    assert_eq!(h.state().state.doc.as_ref().unwrap().catalogue.id, "my-own");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.get_by_label("OK").click();
    settle(&mut h);
    let saved = dir.path().join("自社製品 1.0 開示書.json");
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let (_, opened) = kaijisho::io::open_project(&saved, &shipped).unwrap();
    assert_eq!(
        opened.id, "my-own",
        "the catalogue travels with the statement"
    );
}
