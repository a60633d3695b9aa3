//! Feedback where the user looks (issue 15): findings under the control they concern with a △
//! that says what is wrong, header checks and the calendar beside 作成日, status messages that
//! expire, recovery per window, language, hints. Driven the way a user drives the app: menus
//! clicked, keys pressed, text typed; nothing sets the app's state to get somewhere.

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
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, answer_path, menu, retype, select, settle, shows};

fn harness_in(dir: &Path, lang: Lang) -> H {
    let settings = Settings {
        lang: Some(lang),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

fn harness(dir: &Path) -> H {
    harness_in(dir, Lang::Ja)
}

fn field(h: &H, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

fn count(h: &H, label: &str) -> usize {
    h.query_all_by_label(label).count()
}

/// From the start screen: a new MDS statement with this product and version (no vendor).
fn new_statement(h: &mut H, product: &str, version: &str) {
    retype(h, Role::TextInput, "製品名称", product);
    retype(h, Role::TextInput, "バージョン", version);
    h.get_by_label("作成").click();
    h.run();
    assert!(h.state().state.doc.is_some());
}

#[test]
fn header_findings_stand_under_their_field_and_the_calendar_writes_an_undoable_date() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    new_statement(&mut h, "見本システム", "2.1");
    // No vendor: said under the field, and by the △ beside it on hover.
    let missing = "製造業者が入力されていません";
    let line = h.get_by_label("△ 入力されていません").rect();
    let input = h.get_by_role_and_label(Role::TextInput, "製造業者").rect();
    assert!(line.top() >= input.bottom(), "under the field");
    assert!(line.left() >= input.left() - 100.0 && line.left() < input.right());
    assert_eq!(count(&h, missing), 1, "the △ before hovering");
    h.get_by_label(missing).hover();
    h.run();
    assert_eq!(count(&h, missing), 2, "the △'s tooltip says what is wrong");
    retype(&mut h, Role::TextInput, "製造業者", "見本医療機器株式会社");
    assert_eq!(h.query_all_by_label_contains(missing).count(), 0);
    assert!(h.query_by_label("△ 入力されていません").is_none());
    // 作成日 must be a date; 和暦 is one, and stays as typed.
    let not_a_date = "作成日が日付として読めません";
    retype(&mut h, Role::TextInput, "作成日", "あした");
    assert!(h.query_all_by_label_contains(not_a_date).count() >= 1);
    assert!(h.query_by_label("△ 日付として読めません").is_some());
    assert!(h.query_by_label_contains("エラー 1").is_some(), "counted");
    retype(&mut h, Role::TextInput, "作成日", "令和8年11月23日");
    assert_eq!(h.query_all_by_label_contains(not_a_date).count(), 0);
    assert_eq!(field(&h, "作成日"), "令和8年11月23日");
    // The calendar opens on that month; a day writes 和暦 again.
    h.get_by_label("日付を選ぶ").click();
    h.run();
    assert!(h.query_by_label("2026年11月").is_some());
    h.get_by_label("前の月").click();
    h.run();
    assert!(h.query_by_label("2026年10月").is_some());
    h.get_by_label("2026年10月15日").click();
    h.run();
    assert_eq!(field(&h, "作成日"), "令和8年10月15日");
    assert!(
        h.query_by_label("2026年10月").is_none(),
        "the calendar closed"
    );
    // One undo step puts back what was typed.
    menu(&mut h, "編集", "元に戻す");
    assert_eq!(field(&h, "作成日"), "令和8年11月23日");
}

#[test]
fn a_questions_finding_stands_under_its_answer_and_the_navigator_mark_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    new_statement(&mut h, "見本システム", "2.1");
    // 未回答 is not shouted under an untouched answer.
    assert!(h.query_by_label("△ 未回答です").is_none());
    h.get_by_label("1 いいえ").click();
    h.run();
    let why = "△ 「いいえ」の理由 (備考) がありません";
    let line = h.get_by_label(why).rect();
    let remark = h
        .get_by_role_and_label(Role::MultilineTextInput, "1 備考")
        .rect();
    assert!(
        line.top() >= remark.bottom(),
        "under the answer and its remark"
    );
    h.get_by_role_and_label(Role::MultilineTextInput, "1 備考")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "1 備考")
        .type_text("当該機能なし");
    h.run();
    assert!(
        h.query_by_label(why).is_none(),
        "gone once the reason is given"
    );
    // The navigator's △ says what is wrong on hover.
    let before = count(&h, "未回答です");
    assert!(before > 0);
    h.query_all_by_label("未回答です").next().unwrap().hover();
    h.run();
    assert_eq!(count(&h, "未回答です"), before + 1, "a tooltip");
    // An option question: each row's finding under that row.
    select(&mut h, "4.1 アクセス管理の認証方法");
    h.key_press(egui::Key::Num2);
    h.run();
    let rows: Vec<_> = h.query_all_by_label(why).map(|n| n.rect()).collect();
    assert_eq!(rows.len(), 1, "under the first row only");
    let second_row = h.get_by_label("4.1 生体認証(顔認証) いいえ").rect();
    assert!(rows[0].bottom() <= second_row.top(), "above the next row");
}

#[test]
fn status_messages_expire_and_never_contradict_the_state_and_progress_says_what_it_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    new_statement(&mut h, "見本システム", "2.1");
    // Never saved: not 「保存済み」.
    assert!(shows(&h, "(未保存の新規ファイル)"));
    assert!(!shows(&h, "保存済み"));
    // The MDS excerpt has option rows: the count says so.
    let c = kaijisho::assets::shipped_catalogues()
        .unwrap()
        .into_iter()
        .find(|c| c.id == "mds-seed-checksheet")
        .unwrap();
    let (plain, rows) = kaijisho::domain::summary::unit_counts(&c);
    assert!(plain > 0 && rows > 0);
    let progress = format!(
        "回答済み 0 / {} 項目（設問 {plain}・選択肢 {rows}）",
        plain + rows
    );
    assert!(h.query_by_label(&progress).is_some(), "{progress}");
    // Saved: the message and 「保存済み」.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let file = dir.path().join("控え.json");
    answer_path(&mut h, &file);
    let saved = format!("{} に保存しました", file.display());
    assert!(shows(&h, &saved));
    assert!(shows(&h, "保存済み"));
    // The next edit takes the message away with 「保存済み」.
    h.key_press(egui::Key::Num1);
    h.run();
    assert!(
        !shows(&h, &saved),
        "no 「保存しました」 beside unsaved changes"
    );
    assert!(shows(&h, "未保存の変更あり"));
    assert!(
        h.query_by_label(&progress.replacen("0 /", "1 /", 1))
            .is_some()
    );
    // Saved again, then nothing happens: the message goes by itself.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(shows(&h, &saved));
    h.run_steps(20);
    assert!(shows(&h, &saved), "still there after 5 s");
    h.run_steps(20);
    assert!(!shows(&h, &saved), "gone after 10 s");
    assert!(shows(&h, "保存済み"));
}

/// The recovery files in the data folder `dir`.
fn recovery_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("recovery"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect()
}

#[test]
fn a_second_window_never_offers_the_first_ones_work_and_the_offer_names_file_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let offer = "保存されていない作業が見つかりました";
    let mut a = harness(dir.path());
    a.get_by_label("記入例を開く").click();
    a.run();
    select(&mut a, "2 扱う");
    a.get_by_label("2 いいえ").click();
    a.run();
    for _ in 0..40 {
        if !recovery_files(dir.path()).is_empty() {
            break;
        }
        a.step();
    }
    let files = recovery_files(dir.path());
    assert_eq!(files.len(), 1, "window A's recovery file");
    // A second window while A is open: A's work is A's.
    let b = harness(dir.path());
    assert!(b.query_by_label(offer).is_none());
    // A goes away unsaved (its lock with it): the next window offers its work, naming the
    // file and when it was written; a window opened meanwhile does not.
    drop(a);
    let mut c = harness(dir.path());
    c.get_by_label(offer);
    let file_line = format!("復元ファイル: {}", files[0].display());
    assert!(c.query_by_label(&file_line).is_some(), "{file_line}");
    let time =
        kaijisho::io::clock::local_time(std::fs::metadata(&files[0]).unwrap().modified().unwrap());
    assert!(
        c.query_by_label_contains(&format!("最後に書き出した時刻 {time}"))
            .is_some()
    );
    let d = harness(dir.path());
    assert!(
        d.query_by_label(offer).is_none(),
        "offered in one window only"
    );
    c.get_by_label("破棄する").click();
    c.run();
    assert!(!files[0].exists(), "discarded");
    drop(b);
}

#[test]
fn the_english_ui_glosses_answer_words_and_review_statuses_and_draws_keys_the_platforms_way() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Lang::En);
    h.get_by_label("Open the example").click();
    h.run();
    select(&mut h, "2 ");
    // The form's word with its gloss on the control.
    h.get_by_label("2 いいえ (No)").click();
    h.run();
    assert!(h.query_by_label("2 はい (Yes)").is_some());
    // The navigator's status column is short: the tag says No (the glossed word on hover).
    assert!(h.query_by_label("[No]").is_some(), "navigator tag");
    assert!(
        h.query_by_label("Only いいえ (No)").is_some(),
        "navigator filter"
    );
    assert!(
        h.query_by_label("2 いいえ").is_none(),
        "never the bare word"
    );
    // The answer grid too: a single answer and the answer filter.
    menu(&mut h, "View", "Answer grid");
    assert!(
        h.query_all_by_label("いいえ (No)").count() >= 1,
        "grid cell"
    );
    menu(&mut h, "View", "Answer grid");
    // Review statuses too.
    menu(&mut h, "View", "Review mode");
    h.get_by_label("2 要対応 (action required)").click();
    h.run();
    assert!(h.query_by_label("〔要対応 (action required)〕").is_some());
    assert!(
        h.query_all_by_label_contains("未確認 (not reviewed)")
            .count()
            > 1
    );
    // The review keys, drawn the platform's way, not baked into the message.
    let up = egui::KeyboardShortcut::new(egui::Modifiers::ALT, egui::Key::ArrowUp);
    let prev = h.ctx.format_shortcut(&up);
    assert!(
        h.query_by_label_contains(&format!("{prev} / ")).is_some(),
        "{prev}"
    );
}

#[test]
fn hints_fit_the_questions_own_reference_and_the_sections_are_a_labelled_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("MDS 記入例を開く").click();
    h.run();
    // 4.1 cites 6.5.C1 (authentication): its own hints, not every 6.5 hint.
    select(&mut h, "4.1 アクセス管理の認証方法");
    assert!(h.query_by_label("認証の強さと二要素認証").is_some());
    assert!(h.query_by_label("パスワードの使い回し禁止").is_some());
    assert!(h.query_by_label("アクセスログの最低限の内容").is_none());
    assert!(h.query_by_label("この節全体のヒント").is_none());
    // 3 cites 6.5.C4 (input validation): no hint of its own, so the section's, labelled so.
    select(&mut h, "3 悪意のある不正な入力");
    assert!(h.query_by_label("この節全体のヒント").is_some());
    assert!(h.query_by_label("パスワードの使い回し禁止").is_some());
    // Sources read as sources: no field names, no brackets in brackets.
    assert!(h.query_all_by_label_contains("出典: ").count() > 0);
    assert!(h.query_by_label_contains("basis").is_none());
    assert!(h.query_by_label_contains("(推定 (").is_none());
    assert!(h.query_by_label_contains("))").is_none());
}

#[test]
fn at_1024_wide_every_header_field_stays_in_the_window_with_its_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.set_size(egui::Vec2::new(1024.0, 768.0));
    h.get_by_label("MDS 記入例を開く").click();
    h.run();
    retype(&mut h, Role::TextInput, "作成日", "2026年11月31日");
    for l in ["作成日", "製造業者", "製品名称", "バージョン", "問合せ先"] {
        let r = h.get_by_role_and_label(Role::TextInput, l).rect();
        assert!(r.right() <= 1024.0, "{l} at {r:?}");
    }
    assert!(
        h.query_all_by_label_contains("作成日が日付として読めません")
            .count()
            >= 1
    );
}

#[test]
fn a_name_with_invisible_characters_is_marked_under_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hiding.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.header.vendor = "見本\u{200B}サービス株式会社".into();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    // Under the field: the name with the zero-width space written out, and the △ that says so.
    let line = h.get_by_label("△ 見えない文字: 見本<U+200B>サービス株式会社");
    let input = h
        .get_by_role_and_label(Role::TextInput, "サービス事業者")
        .rect();
    assert!(line.rect().top() >= input.bottom(), "under the field");
    assert!(shows(
        &h,
        "サービス事業者に見えない文字 (書式文字) が入っています: 見本<U+200B>サービス株式会社"
    ));
    assert!(h.query_by_label_contains("エラー 1").is_some(), "counted");
    // Typed away, the mark goes.
    retype(
        &mut h,
        Role::TextInput,
        "サービス事業者",
        "見本サービス株式会社",
    );
    assert!(!shows(&h, "<U+200B>"));
}

/// The zoom entries show their keys as users read them: Ctrl++ and Ctrl+-, not the toolkit's
/// key names (Ctrl+Equals, Ctrl+Minus) — in the menu and in the key list.
#[test]
fn zoom_shortcuts_read_as_plus_and_minus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("表示").click();
    h.run();
    let has = |h: &H, test: &dyn Fn(&str) -> bool| {
        h.query_by(|n| n.label().is_some_and(|l| test(&l)))
            .is_some()
    };
    assert!(has(&h, &|l| l.starts_with("拡大") && l.ends_with("Ctrl++")));
    assert!(has(&h, &|l| l.starts_with("縮小") && l.ends_with("Ctrl+-")));
    assert!(!has(&h, &|l| l.contains("Equals") || l.contains("Minus")));
}

/// In English the navigator's status column is short ("[Yes]", not "[はい (Yes)]"), leaving the
/// room to the question's number and title.
#[test]
fn the_english_navigator_keeps_its_status_tags_short() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_in(dir.path(), Lang::En);
    h.get_by_label("Open the example").click();
    h.run();
    assert!(h.query_all_by_label("[Yes]").next().is_some());
    assert!(h.query_by_label_contains("(Yes)]").is_none());
    assert!(h.query_by_label_contains("(unanswered)]").is_none());
}
