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

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use kaijisho::app::Settings;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
    pub mod synthetic;
    pub mod tools;
}
use common::gui::{H, answer_path, menu, retype, select, settle, shows};
use common::tools;

/// The app in Japanese, as on a system without a native file dialog.
fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

fn prompt_text(h: &H) -> String {
    h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .value()
        .unwrap_or_default()
}

/// A statement file saved in `dir` and opened through File → Open: its folder is the one
/// used last.
fn open_saved_sample(dir: &Path) -> (H, PathBuf) {
    let file = dir.join("mine.json");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
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
    assert!(shows(&h, &format!("{} に保存しました", saved.display())));
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
    answer_path(&mut h, &x);
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
    assert!(shows(&h, &format!("{} を書き出しました", x.display())));
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
    answer_path(&mut h, &file);
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

fn open_example(h: &mut H, button: &str) {
    h.get_by_label(button).click();
    h.run();
    assert!(h.state().state.doc.is_some());
}

fn key(h: &mut H, k: egui::Key) {
    h.key_press(k);
    h.run();
}

fn selected(h: &H) -> String {
    h.state()
        .state
        .doc
        .as_ref()
        .unwrap()
        .selected
        .clone()
        .unwrap()
}

fn option_value(h: &H, q: &str, option: &str) -> kaijisho::domain::answer::AnswerValue {
    let doc = h.state().state.doc.as_ref().unwrap();
    doc.project.answers[q].options[option].value
}

#[test]
fn arrows_move_between_option_rows_and_number_keys_answer_the_marked_row() {
    use kaijisho::domain::answer::AnswerValue;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "MDS 記入例を開く");
    select(&mut h, "4.1 アクセス管理の認証方法");
    assert!(
        h.query_by_label("→ 記憶ID(パスワード等)").is_some(),
        "first row marked"
    );
    key(&mut h, egui::Key::ArrowDown);
    key(&mut h, egui::Key::ArrowDown);
    assert!(h.query_by_label("→ 暗号鍵 (ICカード等)").is_some());
    assert!(h.query_by_label("－ 記憶ID(パスワード等)").is_some());
    key(&mut h, egui::Key::ArrowUp);
    assert!(h.query_by_label("→ 生体認証(顔認証)").is_some());
    let before = option_value(&h, "q4.1", "biometric");
    let target = if before == AnswerValue::No {
        egui::Key::Num1
    } else {
        egui::Key::Num2
    };
    key(&mut h, target);
    let after = option_value(&h, "q4.1", "biometric");
    assert_ne!(after, before, "the marked row was answered");
    assert_eq!(
        after,
        if target == egui::Key::Num1 {
            AnswerValue::Yes
        } else {
            AnswerValue::No
        }
    );
    // The other rows kept their answers; Ctrl+Z takes it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(option_value(&h, "q4.1", "biometric"), before);
}

#[test]
fn page_down_and_page_up_move_between_questions() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "記入例を開く");
    select(&mut h, "2 扱う");
    key(&mut h, egui::Key::PageDown);
    assert_eq!(selected(&h), "q3");
    key(&mut h, egui::Key::PageUp);
    key(&mut h, egui::Key::PageUp);
    assert_ne!(selected(&h), "q2");
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h), "q2");
}

#[test]
fn tab_goes_to_the_question_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "記入例を開く");
    select(&mut h, "2 扱う");
    // Clicking the navigator row left it focused: a click on empty space lets go.
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(640.0, 700.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: egui::pos2(640.0, 700.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    let before = h.state().state.doc.as_ref().unwrap().project.value("q2");
    key(&mut h, egui::Key::Tab);
    assert!(
        h.get_by_label("2 はい").is_focused(),
        "the first answer of the question has the keyboard"
    );
    // Tab again: the next answer; Space picks it.
    key(&mut h, egui::Key::Tab);
    key(&mut h, egui::Key::Space);
    let after = h.state().state.doc.as_ref().unwrap().project.value("q2");
    assert_ne!(after, before);
    assert_eq!(after, kaijisho::domain::answer::AnswerValue::No);
}

#[test]
fn undo_inside_a_remark_stays_in_the_field_and_the_edit_is_one_step() {
    use kaijisho::domain::answer::AnswerValue;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "記入例を開く");
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    let remark = |h: &H| {
        h.state().state.doc.as_ref().unwrap().project.answers["q2"]
            .remark
            .clone()
    };
    let original = remark(&h);
    h.get_by_role_and_label(Role::MultilineTextInput, "2 備考")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "2 備考")
        .type_text("追記");
    h.run();
    assert!(remark(&h).contains("追記"));
    // Seconds pass (frames of 0.25 s), then the field's own undo and redo.
    for _ in 0..12 {
        h.step();
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(remark(&h), original, "undone inside the field");
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.value("q2"),
        AnswerValue::No
    );
    for _ in 0..12 {
        h.step();
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert!(remark(&h).contains("追記"), "redone inside the field");
    // Leave the field; Ctrl+Z outside takes the whole edit back at once, then the answer.
    key(&mut h, egui::Key::Escape);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(remark(&h), original);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(remark(&h), original);
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.value("q2"),
        AnswerValue::Yes
    );
}

#[test]
fn the_help_menu_lists_every_shortcut_the_platform_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "記入例を開く");
    menu(&mut h, "ヘルプ", "キー操作一覧");
    assert!(h.query_by_label("キー操作一覧").is_some());
    // From the menu table (with the second keys) and from the key bindings.
    assert!(h.query_by_label("Ctrl+S").is_some());
    assert!(h.query_by_label("Ctrl+Shift+S").is_some());
    assert!(h.query_by_label("Ctrl+Y / Ctrl+Shift+Z").is_some());
    assert!(h.query_by_label("1 / 2 / 3").is_some());
    assert!(
        h.query_by_label("選択肢の行を移動 (選択肢のある設問)")
            .is_some()
    );
    assert!(h.query_all_by_label_contains("PageDown").count() >= 2);
}

/// The navigator row (a button) of the question whose label starts with `prefix`.
fn row_rect(h: &H, prefix: &str) -> egui::Rect {
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(prefix)))
        .rect()
}

#[test]
fn the_navigator_follows_the_current_question_in_a_long_statement() {
    let dir = tempfile::tempdir().unwrap();
    let c = common::synthetic::catalogue();
    let file = dir.path().join("long.json");
    kaijisho::io::save_project(&file, &common::synthetic::answered_project(&c)).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    let search = h.get_by_role_and_label(Role::TextInput, "検索").rect();
    for _ in 0..150 {
        h.key_press(egui::Key::PageDown);
        h.step();
    }
    settle(&mut h);
    let (prefix, number) = {
        let doc = h.state().state.doc.as_ref().unwrap();
        let q = doc.selected_question().unwrap();
        let start: String = q.text.chars().take(4).collect();
        (format!("{} {start}", q.number_key()), q.number_key())
    };
    assert_ne!(number, "1.1", "moved on");
    let row = row_rect(&h, &prefix);
    assert!(
        row.min.y > search.max.y && row.max.y < 780.0,
        "the current row {row:?} is on screen"
    );
}

#[test]
fn navigator_rows_line_up_cut_long_titles_and_sections_fold_with_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "MDS 記入例を開く");
    // Status tags of different widths ("[はい]", "[5/5]"): the titles start at one x.
    let a = row_rect(&h, "1 最少権限");
    let b = row_rect(&h, "4.1 アクセス管理");
    assert_eq!(a.min.x, b.min.x);
    // A long title stays inside the panel, cut; the full title shows on hover.
    let long = "4.2 利用権限、機密性の情報区分ごとのアクセス";
    let search = h.get_by_role_and_label(Role::TextInput, "検索").rect();
    let row = row_rect(&h, long);
    assert!(row.max.x <= search.max.x + 1.0, "{row:?} inside {search:?}");
    let full = h
        .get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(long)))
        .accesskit_node()
        .label()
        .unwrap()
        .to_string();
    h.get_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with(long)))
        .hover();
    for _ in 0..6 {
        h.step();
    }
    assert!(
        h.query_all_by_label(&full).count() >= 2,
        "the tooltip repeats the full title"
    );
    // A section folds and unfolds from its header, which counts its answers.
    let header = "技術的資産対策(6.5)";
    assert!(h.query_by_label("10/10").is_some(), "the section's count");
    h.get_by_role_and_label(Role::Button, header).click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("3 悪意のある").is_none(),
        "folded"
    );
    assert!(h.query_by_label("10/10").is_some(), "the count stays");
    h.get_by_role_and_label(Role::Button, header).click();
    settle(&mut h);
    assert!(h.query_by_label_contains("3 悪意のある").is_some());
}

#[test]
fn range_marks_in_references_show_and_print_as_full_width_tildes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "MDS 記入例を開く");
    select(&mut h, "4.1.1 パスワード");
    assert!(
        h.query_by_label_contains("6.5.C1(1)～6.5.C1(3)").is_some(),
        "shown with ～"
    );
    assert!(h.query_by_label_contains("(1)~").is_none());
    let doc = h.state().state.doc.as_ref().unwrap();
    let q = doc.catalogue.find_by_number("4.1.1").unwrap();
    assert!(
        q.full_text().contains("(6.5.C1(1)~6.5.C1(3))"),
        "the data keeps ~"
    );
    let pdf = dir.path().join("mds.pdf");
    menu(&mut h, "ファイル", "PDF に書き出す…");
    answer_path(&mut h, &pdf);
    if !tools::present(&[tools::PDFTOTEXT]) {
        return;
    }
    let text: String = tools::output(tools::PDFTOTEXT, &["-raw", &pdf.display().to_string(), "-"])
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(text.contains("6.5.C1(1)～6.5.C1(3)"), "printed with ～");
    assert!(!text.contains("(1)~"));
}

#[test]
fn secondary_text_reads_at_4_5_to_1_in_both_themes() {
    use kaijisho::domain::answer::AnswerValue;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    open_example(&mut h, "記入例を開く");
    for dark in [false, true] {
        if dark {
            menu(&mut h, "表示", "ダークテーマ");
        }
        let v = h.ctx.style_of(h.ctx.theme()).visuals.clone();
        assert_eq!(v.dark_mode, dark);
        let bg = v.panel_fill;
        let weak = kaijisho::ui::contrast(v.weak_text_color(), bg);
        assert!(weak >= 4.5, "secondary text {weak:.2}:1 (dark {dark})");
        assert!(kaijisho::ui::contrast(v.text_color(), bg) > weak);
        for a in [
            AnswerValue::Yes,
            AnswerValue::No,
            AnswerValue::NotApplicable,
            AnswerValue::Unanswered,
        ] {
            let c = kaijisho::ui::contrast(kaijisho::ui::value_color(a, dark), bg);
            assert!(c >= 4.5, "{a:?} {c:.2}:1 (dark {dark})");
        }
    }
}

/// With 未回答のみ ticked, PageDown goes to the next question the navigator lists — it never
/// lands on an answered question the list hides, where the next 1/2/3 would overwrite it.
#[test]
fn page_down_steps_through_the_filtered_list_only() {
    use kaijisho::domain::answer::AnswerValue::{Applies, No, Unanswered, Yes};
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("half.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    // q1 該当, q1.1 unanswered, q1.2 いいえ (answered: not listed), q2 unanswered, q3 はい.
    for (id, v) in [
        ("q1", Applies),
        ("q1.1", Unanswered),
        ("q1.2", No),
        ("q2", Unanswered),
        ("q3", Yes),
    ] {
        p.answers.get_mut(id).unwrap().value = v;
    }
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    h.get_by_label("未回答のみ").click();
    settle(&mut h);
    select(&mut h, "1.1 ");
    h.key_press(egui::Key::PageDown);
    settle(&mut h);
    let selected = |h: &H| h.state().state.doc.as_ref().unwrap().selected.clone();
    assert_eq!(selected(&h).as_deref(), Some("q2"), "past the answered 1.2");
    h.key_press(egui::Key::Num1);
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.project.value("q2"), Yes, "the listed question answered");
    assert_eq!(doc.project.value("q1.2"), No, "the hidden one untouched");
    // Answered, 2 leaves the list; PageDown goes on from where it stands (nothing listed
    // after it: the selection stays), PageUp goes back to 1.1.
    h.key_press(egui::Key::PageDown);
    settle(&mut h);
    assert_eq!(selected(&h).as_deref(), Some("q2"));
    h.key_press(egui::Key::PageUp);
    settle(&mut h);
    assert_eq!(selected(&h).as_deref(), Some("q1.1"));
}
