//! The real app driven through egui_kittest the way a user drives it: menus are opened and
//! their entries clicked, keys pressed, text typed; controls are found by their accessible
//! labels. Nothing here sets the app's state to get somewhere.

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
use kaijisho::app::{Command, Purpose, Settings};
use kaijisho::domain::answer::AnswerValue;
use kaijisho::i18n::{Lang, Localize};

mod common {
    pub mod gui;
}
use common::gui::{H, menu, select, settle};

fn harness(dir: &Path) -> H {
    harness_sized(dir, egui::Vec2::new(1280.0, 800.0))
}

fn harness_sized(dir: &Path, size: egui::Vec2) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_with(dir, settings, size)
}

/// Types into the text field with this label (focusing it first).
fn type_into(h: &mut H, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

/// Answers the path prompt with `path` and presses OK.
fn choose_path(h: &mut H, path: &Path) {
    type_into(
        h,
        Role::TextInput,
        "ファイルのパス",
        &path.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(h);
}

/// The sample saved as `mine.json`, opened through File → Open, and question 2 answered いいえ
/// by a click: the window, the file and the sample as saved.
fn open_sample_file_and_answer_no(
    dir: &Path,
) -> (H, std::path::PathBuf, kaijisho::domain::Project) {
    let file = dir.join("mine.json");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir);
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, &file);
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    (h, file, p)
}

fn with_sample(dir: &Path) -> H {
    let mut h = harness(dir);
    h.get_by_label("記入例を開く").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    h
}

fn value(h: &H, q: &str) -> AnswerValue {
    h.state().state.doc.as_ref().unwrap().project.value(q)
}

fn selected(h: &H) -> Option<String> {
    h.state().state.doc.as_ref().unwrap().selected.clone()
}

#[test]
fn answer_by_clicking_labelled_controls_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    assert!(h.state().state.doc.as_ref().unwrap().modified());
    // Ctrl+Z / Ctrl+Y while no text field has the keyboard.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::Yes);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    // Number keys answer the current question.
    h.key_press(egui::Key::Num3);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::NotApplicable);
    // Alt+↓ moves to the next question.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q3"));
}

#[test]
fn ime_composition_commits_text_and_enter_does_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "3 医療");
    let before = h.state().state.doc.as_ref().unwrap().project.answers["q3"]
        .remark
        .clone();
    h.get_by_role_and_label(Role::MultilineTextInput, "3 備考")
        .focus();
    h.run();
    h.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "へんかん".into(),
        active_range_chars: None,
    }));
    h.run();
    // Enter while composing: confirms the conversion, triggers no command.
    h.key_press(egui::Key::Enter);
    h.event(egui::Event::Ime(egui::ImeEvent::Commit("変換".into())));
    h.run();
    let doc = h.state().state.doc.as_ref().unwrap();
    let after = &doc.project.answers["q3"].remark;
    assert!(
        after.contains("変換"),
        "committed text is in the remark: {after:?}"
    );
    assert!(
        !after.contains("へんかん"),
        "preedit text is not: {after:?}"
    );
    assert!(after.starts_with(before.trim_end()) || after.contains(&before));
    assert_eq!(doc.selected.as_deref(), Some("q3"), "Enter moved nowhere");
    assert!(h.state().state.view.prompt.is_none() && h.state().state.view.confirm.is_none());
    // Number keys type into the field instead of answering while it has focus.
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(value(&h, "q3"), AnswerValue::Yes);
}

#[test]
fn gate_switches_questions_and_keeps_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "1.1 保存");
    // Gated off (question 1 is 非該当): clicking does nothing.
    h.get_by_label("1.1 はい").click();
    h.run();
    assert_eq!(value(&h, "q1.1"), AnswerValue::NotApplicable);
    assert!(h.query_by_label_contains("でないため").is_some());
    select(&mut h, "1 診療録");
    h.get_by_label("1 該当").click();
    h.run();
    select(&mut h, "1.1 保存");
    assert!(h.query_by_label_contains("でないため").is_none());
    h.get_by_label("1.1 はい").click();
    h.run();
    assert_eq!(value(&h, "q1.1"), AnswerValue::Yes);
    // Back to 非該当 and to 該当 again: the answer comes back.
    select(&mut h, "1 診療録");
    h.get_by_label("1 非該当").click();
    h.run();
    h.get_by_label("1 該当").click();
    h.run();
    assert_eq!(value(&h, "q1.1"), AnswerValue::Yes);
}

#[test]
fn filter_and_search_the_navigator() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    assert!(h.query_by_label_contains("2 扱う情報").is_some());
    h.get_by_role_and_label(Role::TextInput, "検索").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "検索")
        .type_text("責任者");
    h.run();
    assert!(h.query_by_label_contains("2 扱う情報").is_none());
    assert!(h.query_by_label_contains("3 医療情報システム").is_some());
    // Search reaches remarks too.
    h.get_by_role_and_label(Role::TextInput, "検索").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(Role::TextInput, "検索")
        .type_text("IP-VPN");
    h.run();
    assert!(h.query_by_label_contains("2 扱う情報").is_some());
    assert!(h.query_by_label_contains("3 医療情報システム").is_none());
    h.get_by_role_and_label(Role::TextInput, "検索").focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.key_press(egui::Key::Backspace);
    h.run();
    h.get_by_label("いいえのみ").click();
    h.run();
    assert!(h.query_by_label_contains("2 扱う情報").is_none());
}

#[test]
fn new_project_jump_from_a_finding_and_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("作成").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    // The validation count opens the panel; a finding jumps to its question.
    h.get_by_label_contains("エラー").click();
    h.run();
    h.get_by_label_contains("  2  未回答です").click();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q2"));
    h.get_by_label("2 はい").click();
    h.run();
    // Save as through the in-app path field (Ctrl+Shift+S).
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    h.run();
    let out = dir.path().join("saved.json");
    h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .type_text(&out.display().to_string());
    h.run();
    assert_eq!(
        h.state().state.view.prompt.as_ref().map(|p| p.text.clone()),
        Some(out.display().to_string())
    );
    h.get_by_label("OK").click();
    h.run();
    let saved = kaijisho::io::load_project(&out).unwrap();
    assert_eq!(saved.value("q2"), AnswerValue::Yes);
    assert!(!h.state().state.doc.as_ref().unwrap().modified());
    assert!(h.state().title().contains("saved.json"));
}

#[test]
fn unsaved_changes_are_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    assert!(h.state().title().starts_with("● "));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(
        h.query_by_label("保存されていない変更があります").is_some(),
        "asks before discarding"
    );
    h.get_by_label("キャンセル").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    assert_eq!(value(&h, "q2"), AnswerValue::No);
}

#[test]
fn import_preview_shows_the_report_and_takes_a_corrected_mapping() {
    let dir = tempfile::tempdir().unwrap();
    // Answers in an unlabelled column that looks like printed labels: detection is unsure.
    let x = dir.path().join("odd.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, (n, t)) in [
        ("1", "扱う情報のリストを提示できるか?(6.2.C1)"),
        ("2", "責任者を設置しているか?(6.3.C1)"),
    ]
    .iter()
    .enumerate()
    {
        let r = r as u32;
        ws.write_string(r, 0, *n).unwrap();
        ws.write_string(r, 1, *t).unwrap();
        ws.write_string(r, 2, "いいえ").unwrap();
        ws.write_string(r, 3, "はい").unwrap();
        ws.write_string(r, 4, "対象外").unwrap();
    }
    wb.save(&x).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &x);
    assert!(
        h.query_by_label_contains("設問 2").is_some(),
        "the report is shown"
    );
    assert!(
        h.query_by_label_contains("推定に自信がありません")
            .is_some()
    );
    assert!(h.state().state.doc.is_none(), "nothing taken yet");
    // Correct the mapping: the flags are in column C.
    h.get_by_role_and_label(Role::TextInput, "フラグ列").focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "フラグ列")
        .type_text("C");
    h.run();
    h.get_by_label("この対応付けで読み直す").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("回答 2 件").is_some());
    h.get_by_label("取り込む").click();
    h.run();
    let doc = h.state().state.doc.as_ref().unwrap();
    let q1 = doc.catalogue.find_by_number("1").unwrap().id.clone();
    assert_eq!(doc.project.value(&q1), AnswerValue::No);
    assert!(doc.modified() && doc.path.is_none());
}

#[test]
fn review_a_question_without_touching_the_vendor_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "表示", "レビューモード");
    assert!(h.state().state.view.review_mode);
    select(&mut h, "2 扱う");
    // The vendor's answer is read-only in review mode.
    h.get_by_label("2 いいえ").click();
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::Yes);
    h.get_by_label("2 要対応").click();
    h.run();
    let comment = h.get_by_role_and_label(Role::MultilineTextInput, "2 レビューコメント");
    comment.focus();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, "2 レビューコメント")
        .type_text("提示される一覧の様式を確認する");
    h.run();
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(
        doc.project.review.status("q2"),
        kaijisho::domain::project::ReviewStatus::ActionRequired
    );
    assert_eq!(
        doc.project.review.comment("q2"),
        "提示される一覧の様式を確認する"
    );
    assert_eq!(doc.project.value("q2"), AnswerValue::Yes);
    // The review summary lists the 要対応 item with its comment.
    assert!(
        h.query_by_label_contains("提示される一覧の様式を確認する")
            .is_some()
    );
    // The navigator shows each question's review status beside its answer.
    assert_eq!(h.query_all_by_label("〔要対応〕").count(), 1);
    assert!(h.query_all_by_label("〔未確認〕").count() >= 4);
}

#[test]
fn comparison_view_shows_the_differences() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let c = dir.path().join("c.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&a, &p).unwrap();
    // Another vendor: q2 いいえ.
    p.header.vendor = "別会社".into();
    p.answers.get_mut("q2").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&b, &p).unwrap();
    // A third: はい written under the closed gate 1 (非該当).
    p.header.vendor = "三社目".into();
    p.answers.get_mut("q1.1").unwrap().value = AnswerValue::Yes;
    kaijisho::io::save_project(&c, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開示書を比較…");
    for f in [&a, &b, &c] {
        type_into(
            &mut h,
            Role::TextInput,
            "比べるファイルのパス",
            &f.display().to_string(),
        );
        h.get_by_label("追加").click();
        h.run();
    }
    h.get_by_label("比較する").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("違い 1 件").is_some());
    // Columns headed by vendor / product / version.
    for vendor in ["リモートメンテナンス株式会社 (仮称)", "別会社", "三社目"]
    {
        let heading = format!("{vendor} / 電子カルテシステムリモート保守サービス / 1.1");
        assert!(h.query_by_label(&heading).is_some(), "{heading}");
    }
    assert_eq!(
        h.query_all_by_label("いいえ").count(),
        2,
        "the differing answers are shown"
    );
    // Only differences are shown at first; all rows show the gate under 1.1.
    h.get_by_label("違いのみ").click();
    h.run();
    assert!(
        h.query_by_label("対象外 (1 が 非該当。記入は はい)")
            .is_some(),
        "the answer written under the closed gate is shown with the gate's state"
    );
    // Only いいえ: the one row.
    h.get_by_label("いいえのみ").click();
    h.run();
    assert!(
        h.query_by_label("対象外 (1 が 非該当。記入は はい)")
            .is_none()
    );
    assert_eq!(h.query_all_by_label("いいえ").count(), 2);
    // Export what is shown, to Excel and PDF, through the path prompt.
    let xlsx = dir.path().join("比較.xlsx");
    h.get_by_label("Excel に書き出す…").click();
    h.run();
    choose_path(&mut h, &xlsx);
    let pdf = dir.path().join("比較.pdf");
    h.get_by_label("PDF に書き出す…").click();
    h.run();
    choose_path(&mut h, &pdf);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = wb.worksheet_range("比較").unwrap();
    let cells: Vec<String> = range.cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(
        cells.iter().any(|c| c.starts_with("別会社 / ")),
        "{cells:?}"
    );
    assert!(
        cells.iter().any(|c| c == "2"),
        "row 2 is exported: {cells:?}"
    );
    assert!(
        !cells.iter().any(|c| c == "1.1"),
        "the filter holds: {cells:?}"
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // An export never replaces a compared statement.
    h.get_by_label("PDF に書き出す…").click();
    h.run();
    let before = std::fs::read(&a).unwrap();
    choose_path(&mut h, &a);
    assert_eq!(std::fs::read(&a).unwrap(), before);
    assert!(h.query_by_label_contains("と同じファイルです").is_some());
}

#[test]
fn carry_forward_report_and_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "引き継いで新規作成…");
    h.get_by_label_contains("SDS リモートサービス").click();
    h.run();
    h.get_by_label("引き継ぐ").click();
    settle(&mut h);
    assert!(
        h.query_by_label_contains("引き継ぎ 5").is_some(),
        "the report is shown"
    );
    let doc = h.state().state.doc.as_ref().unwrap();
    assert!(doc.project.answers["q2"].recheck);
    assert!(doc.path.is_none() && doc.modified());
    select(&mut h, "2 扱う");
    h.get_by_label("2 この回答で確定").click();
    h.run();
    assert!(!h.state().state.doc.as_ref().unwrap().project.answers["q2"].recheck);
}

#[test]
fn save_from_the_confirmation_then_carry_on() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, file, _) = open_sample_file_and_answer_no(dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("保存").click();
    h.run();
    assert!(
        h.state().state.doc.is_none(),
        "saved, then the new-project screen"
    );
    let saved = kaijisho::io::load_project(&file).unwrap();
    assert_eq!(saved.value("q2"), AnswerValue::No);
}

#[test]
fn crash_with_unsaved_edits_then_restart_offers_recovery_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    // The window's own recovery file, in the data folder's recovery/.
    let recovery_file = |dir: &Path| {
        std::fs::read_dir(dir.join("recovery"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "json"))
    };
    let recovery;
    {
        let mut h = with_sample(dir.path());
        select(&mut h, "2 扱う");
        h.get_by_label("2 いいえ").click();
        h.run();
        assert_eq!(value(&h, "q2"), AnswerValue::No);
        // Frames go on (0.25 s each) until the recovery file is written a few seconds later.
        for _ in 0..40 {
            if recovery_file(dir.path()).is_some() {
                break;
            }
            h.step();
        }
        recovery = recovery_file(dir.path()).expect("a recovery file after 10 s");
        // The "crash": the app goes away without saving or closing (its lock on the recovery
        // file goes with it, as a crashed process's does).
        drop(h);
    }
    let mut h = harness(dir.path());
    h.get_by_label("保存されていない作業が見つかりました");
    h.get_by_label("復元する").click();
    h.run();
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert!(doc.modified(), "restored work is unsaved until saved");
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    assert!(
        h.query_by_label("保存されていない作業が見つかりました")
            .is_none(),
        "the offer is gone"
    );
    assert!(
        recovery.exists(),
        "restored but unsaved work stays protected by the recovery file"
    );
}

/// Opens a menu and clicks an entry, both found by the labels of the current language.
fn menu_by_id(h: &mut H, menu_id: &str, entry_id: &str) {
    let (m, e) = {
        let l = &h.state().state.loc;
        (l.t(menu_id), l.t(entry_id))
    };
    menu(h, &m, &e);
}

/// 「引き継いで新規作成…」 onto the statement's own catalogue, the changes let go, the report
/// closed, question 2 selected.
fn carry_through_the_menu(h: &mut H) {
    menu_by_id(h, "menu-file", "menu-carry");
    h.get_by_label("引き継ぐ").click();
    settle(h);
    if h.query_by_label("保存しない").is_some() {
        h.get_by_label("保存しない").click();
        settle(h);
    }
    h.get_by_label("Close window").click();
    h.run();
    select(h, "2 扱う");
}

fn open_menu(h: &mut H, menu_id: &str) {
    let m = h.state().state.loc.t(menu_id);
    h.get_by_label(&m).click();
    h.run();
}

/// What the app held before a menu entry was clicked.
struct Before {
    file: std::path::PathBuf,
    q2: AnswerValue,
    selected: usize,
    zoom: u32,
    validation: bool,
    hide_vendor: bool,
    dark: bool,
}

/// The position of the selected question in catalogue order.
fn selected_position(h: &H) -> usize {
    let d = h.state().state.doc.as_ref().unwrap();
    let id = d.selected.clone().unwrap();
    d.catalogue.questions().position(|q| q.id == id).unwrap()
}

fn before(h: &H, file: &Path) -> Before {
    let s = &h.state().state;
    Before {
        file: file.to_path_buf(),
        q2: value(h, "q2"),
        selected: selected_position(h),
        zoom: s.settings.zoom.0,
        validation: s.view.show_validation,
        hide_vendor: s.settings.hide_vendor,
        dark: s.settings.dark,
    }
}

/// Whether some node is labelled `label` (or, with `part`, has it in its label).
fn showing(h: &H, label: &str, part: bool) -> bool {
    if part {
        h.query_all_by_label_contains(label).next().is_some()
    } else {
        h.query_all_by_label(label).next().is_some()
    }
}

/// The path prompt is open for `purpose`, its title shown.
fn prompts(h: &H, purpose: Purpose) -> bool {
    let s = &h.state().state;
    s.view.prompt.as_ref().is_some_and(|p| p.purpose == purpose)
        && showing(h, &s.loc.t(purpose.title_id()), false)
}

/// 「保存しますか?」 is asked before `command` lets the statement go, which is still open.
fn asks_to_save(h: &H, command: Command) -> bool {
    let s = &h.state().state;
    s.view
        .confirm
        .as_ref()
        .is_some_and(|p| p.command == command)
        && showing(h, &s.loc.t("confirm-title"), false)
        && s.doc.is_some()
        && !s.view.quit
}

/// The menu bar speaks `lang`.
fn speaks(h: &H, lang: Lang) -> bool {
    let s = &h.state().state;
    let file = kaijisho::i18n::Localizer::new(lang).t("menu-file");
    s.loc.lang() == lang && showing(h, &file, false)
}

type Expect = fn(&Before, &H) -> bool;

/// What each menu entry does, clicked on a saved statement with unsaved changes, question 2
/// selected, answered いいえ with 対象外 undone (so undo and redo both have a step).
fn expected_effects() -> Vec<(&'static str, &'static str, Expect)> {
    vec![
        ("menu-new", "asks to save the changes first", |_, h| {
            asks_to_save(h, Command::Close)
        }),
        ("menu-open", "asks for the file to open", |_, h| {
            prompts(h, Purpose::Open)
        }),
        (
            "menu-open-review",
            "asks for the received statement to open for review",
            |_, h| prompts(h, Purpose::OpenForReview),
        ),
        ("menu-save", "writes the statement to its file", |b, h| {
            let on_disk = kaijisho::io::load_project(&b.file).unwrap();
            on_disk.value("q2") == b.q2 && !h.state().state.doc.as_ref().unwrap().modified()
        }),
        ("menu-save-as", "asks where to save", |_, h| {
            prompts(h, Purpose::SaveAs)
        }),
        ("menu-import", "asks for the workbook", |_, h| {
            prompts(h, Purpose::Import)
        }),
        ("menu-export-xlsx", "asks where to export", |_, h| {
            prompts(h, Purpose::ExportXlsx)
        }),
        (
            "menu-export-into",
            "says the statement was not read from a workbook",
            |_, h| {
                let s = &h.state().state;
                let why = kaijisho::io::xlsx::XlsxError::NotFromWorkbook.localize(&s.loc);
                s.status
                    .as_ref()
                    .is_some_and(|st| st.error && st.text == why)
                    && showing(h, &why, true)
            },
        ),
        ("menu-export-pdf", "asks where to export", |_, h| {
            prompts(h, Purpose::ExportPdf)
        }),
        ("menu-compare", "opens the comparison", |_, h| {
            h.state().state.view.compare.is_some()
        }),
        ("menu-carry", "opens the carry-forward dialog", |_, h| {
            h.state().state.view.carry_to.is_some()
        }),
        ("menu-sign", "opens the sign dialog", |_, h| {
            h.state().state.signing.form.is_some()
        }),
        (
            "menu-timestamp-request",
            "asks where to write the timestamp request",
            |_, h| prompts(h, Purpose::TimestampRequest),
        ),
        (
            "menu-timestamp-reply",
            "asks for the timestamp authority's reply",
            |_, h| prompts(h, Purpose::TimestampReply),
        ),
        (
            "menu-carry-report",
            "shows the carry report again",
            |_, h| h.state().state.carry_report.is_some(),
        ),
        (
            "menu-changes",
            "lists what changed since the earlier statement",
            |_, h| h.state().state.show_changes && showing(h, "前回からの変更点", true),
        ),
        ("menu-check", "opens the check window", |_, h| {
            h.state().state.hospital.check.is_some()
        }),
        ("menu-profile", "opens the profile editor", |_, h| {
            h.state().state.hospital.profile_editor.is_some()
        }),
        (
            "menu-register",
            "reads the open statement's folder as the register",
            |b, h| {
                let s = &h.state().state;
                s.hospital
                    .register
                    .as_ref()
                    .is_some_and(|r| Some(r.folder.as_path()) == b.file.parent())
                    && showing(h, &s.loc.t("register-title"), true)
            },
        ),
        (
            "menu-dossier",
            "asks for the register folder (the open statement's folder is none)",
            |_, h| prompts(h, Purpose::DossierFolder),
        ),
        (
            "menu-organisation",
            "opens the window naming the hospital and the reviewer",
            |_, h| h.state().state.view.show_organisation && showing(h, "病院名と確認者", false),
        ),
        (
            "menu-exercise-new",
            "asks where to write the exercise",
            |_, h| prompts(h, Purpose::ExerciseCopy),
        ),
        (
            "menu-exercise-check",
            "opens the 答え合わせ window",
            |_, h| h.state().state.view.exercise.is_some(),
        ),
        ("menu-close", "asks to save the changes first", |_, h| {
            asks_to_save(h, Command::Close)
        }),
        (
            "menu-quit",
            "asks to save the changes before quitting",
            |_, h| asks_to_save(h, Command::Quit),
        ),
        (
            "menu-library-new",
            "opens a new, empty answer library",
            |_, h| {
                h.state()
                    .state
                    .library
                    .view
                    .as_ref()
                    .is_some_and(|v| v.library().entries.is_empty())
                    && showing(h, "名前のない回答集", true)
            },
        ),
        (
            "menu-library-open",
            "asks for the library to open",
            |_, h| prompts(h, Purpose::OpenLibrary),
        ),
        (
            "menu-library-save",
            "asks where to save the new library",
            |_, h| prompts(h, Purpose::SaveLibrary),
        ),
        ("menu-library-save-as", "asks where to save", |_, h| {
            prompts(h, Purpose::SaveLibrary)
        }),
        (
            "menu-library-add",
            "offers the open statement's answers to add",
            |_, h| {
                h.state().state.library.add.as_ref().is_some_and(|f| {
                    !f.candidates.is_empty() && f.candidates.iter().all(|c| c.ticked)
                }) && showing(h, "開示書から回答集に追加", false)
            },
        ),
        ("menu-library-fill", "asks how to fill", |_, h| {
            h.state().state.library.fill.is_some() && showing(h, "回答済みの設問も上書き", false)
        }),
        (
            "menu-library-check",
            "opens the consistency check with the open statement",
            |b, h| {
                h.state()
                    .state
                    .library
                    .check
                    .as_ref()
                    .is_some_and(|f| f.files == [b.file.clone()])
            },
        ),
        (
            "menu-library-close",
            "closes the (unedited) library",
            |_, h| h.state().state.library.view.is_none(),
        ),
        ("menu-undo", "takes the answer back to はい", |_, h| {
            value(h, "q2") == AnswerValue::Yes
        }),
        ("menu-redo", "puts 対象外 back", |_, h| {
            value(h, "q2") == AnswerValue::NotApplicable
        }),
        (
            "menu-confirm-carried",
            "confirms the carried answer and moves on",
            |b, h| {
                let d = h.state().state.doc.as_ref().unwrap();
                !d.project.answers["q2"].recheck && selected_position(h) != b.selected
            },
        ),
        ("menu-next", "selects a later question", |b, h| {
            selected_position(h) > b.selected
        }),
        ("menu-previous", "selects an earlier question", |b, h| {
            selected_position(h) < b.selected
        }),
        ("menu-validation", "shows or hides the findings", |b, h| {
            h.state().state.view.show_validation != b.validation
        }),
        (
            "menu-review",
            "turns review mode on, with its banner",
            |_, h| {
                let s = &h.state().state;
                s.view.review_mode && showing(h, &s.loc.t("review-banner"), true)
            },
        ),
        ("menu-guide-panel", "hides the guide panel", |_, h| {
            !h.state().state.guide_shown() && h.query_by_label("ガイドラインの該当箇所").is_none()
        }),
        ("menu-grid", "shows the answer grid", |_, h| {
            h.state().state.view.grid.is_some()
        }),
        ("menu-presentation", "starts presenting", |_, h| {
            h.state().state.presenting()
        }),
        (
            "menu-edit-as-vendor",
            "asks before the received statement becomes editable",
            |_, h| {
                let s = &h.state().state;
                s.view.confirm_vendor_edit
                    && s.view.review_mode
                    && showing(h, "事業者として編集しますか", true)
            },
        ),
        ("menu-hide-vendor", "hides or shows the vendor", |b, h| {
            h.state().state.settings.hide_vendor != b.hide_vendor
        }),
        ("menu-zoom-in", "zooms in", |b, h| {
            h.state().state.settings.zoom.0 > b.zoom
        }),
        ("menu-zoom-out", "zooms out", |b, h| {
            h.state().state.settings.zoom.0 < b.zoom
        }),
        ("menu-zoom-reset", "goes back to 100 %", |b, h| {
            let zoom = h.state().state.settings.zoom;
            zoom == kaijisho::app::settings::Zoom::default() && b.zoom != zoom.0
        }),
        ("menu-lang-auto", "follows the system's language", |_, h| {
            h.state().state.settings.lang.is_none()
        }),
        ("menu-lang-ja", "speaks Japanese", |_, h| {
            h.state().state.settings.lang == Some(Lang::Ja) && speaks(h, Lang::Ja)
        }),
        ("menu-lang-en", "speaks English", |_, h| {
            h.state().state.settings.lang == Some(Lang::En) && speaks(h, Lang::En)
        }),
        ("menu-dark", "switches between dark and light", |b, h| {
            let dark = h.state().state.settings.dark;
            dark != b.dark && h.ctx.global_style().visuals.dark_mode == dark
        }),
        (
            "menu-guide",
            "shows the getting-started guide for each user",
            |_, h| {
                h.state().state.view.show_guide
                    && ["開示書を始める", "医療機関で受け取った", "研修で使う"]
                        .iter()
                        .all(|t| h.query_by_label_contains(t).is_some())
            },
        ),
        ("menu-shortcuts", "lists the keys", |_, h| {
            h.state().state.view.show_shortcuts
        }),
        ("menu-about", "shows the about window", |_, h| {
            h.state().state.view.show_about
        }),
    ]
}

/// Every menu entry has an expected effect, and clicking it through the menu has exactly
/// that effect.
#[test]
fn every_menu_entry_does_what_it_says() {
    use kaijisho::app::menu::entries;
    let expected = expected_effects();
    let ids: Vec<&str> = entries().iter().map(|e| e.id).collect();
    let without: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| !expected.iter().any(|(e, _, _)| e == id))
        .collect();
    assert!(
        without.is_empty(),
        "menu entries without an expected effect in expected_effects(): {without:?}"
    );
    let unknown: Vec<&str> = expected
        .iter()
        .map(|(e, _, _)| *e)
        .filter(|e| !ids.contains(e))
        .collect();
    assert!(unknown.is_empty(), "no such menu entries: {unknown:?}");
    let mut failed = Vec::new();
    for entry in entries() {
        let (_, what, effect) = expected.iter().find(|(e, _, _)| *e == entry.id).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let (mut h, file, _) = open_sample_file_and_answer_no(dir.path());
        h.get_by_label("2 対象外").click();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
        assert_eq!(value(&h, "q2"), AnswerValue::No);
        let menu_id = entry.menu.message_id();
        // A language that is already chosen: choose another first, through the menu.
        if entry.id.starts_with("menu-lang-") && entry.checked.is_some_and(|c| c(&h.state().state))
        {
            let other = if entry.id == "menu-lang-en" {
                "menu-lang-ja"
            } else {
                "menu-lang-en"
            };
            menu_by_id(&mut h, menu_id, other);
        }
        // The entries about an open library: a new one first, through the menu.
        if matches!(
            entry.id,
            "menu-library-save" | "menu-library-save-as" | "menu-library-close"
        ) {
            menu_by_id(&mut h, "menu-library", "menu-library-new");
        }
        // 100% is offered once zoomed: zoom in first, through the menu.
        if entry.id == "menu-zoom-reset" {
            menu_by_id(&mut h, menu_id, "menu-zoom-in");
        }
        // The entries about a carried statement: carry it first, through the menu.
        if matches!(
            entry.id,
            "menu-carry-report" | "menu-changes" | "menu-confirm-carried"
        ) {
            carry_through_the_menu(&mut h);
        }
        // The entries about a signed statement: signed first, through the menu.
        if entry.id.starts_with("menu-timestamp-") {
            sign_through_the_menu(&mut h, dir.path());
        }
        // The entry about a received statement: saved, then opened for review, by the menu.
        if entry.id == "menu-edit-as-vendor" {
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
            settle(&mut h);
            menu_by_id(&mut h, "menu-file", "menu-open-review");
            choose_path(&mut h, &file);
        }
        assert!(
            (entry.enabled)(&h.state().state),
            "{} is enabled with a statement open",
            entry.id
        );
        let b = before(&h, &file);
        menu_by_id(&mut h, menu_id, entry.id);
        if !effect(&b, &h) {
            failed.push(format!("{}: expected that it {what}; it did not", entry.id));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// ファイル → 署名して書き出す… with a trial key made here: chosen, its password typed, 署名.
fn sign_through_the_menu(h: &mut H, dir: &std::path::Path) {
    let key_path = dir.join("trial.p12");
    let start = common::gui::TODAY
        .at(0, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second() as u64;
    let key = kaijisho::io::signature::key::generate("試用", "", start, 30).unwrap();
    std::fs::write(
        &key_path,
        kaijisho::io::signature::key::to_pkcs12(&key, "pw").unwrap(),
    )
    .unwrap();
    menu_by_id(h, "menu-file", "menu-sign");
    h.get_by_label("選ぶ…").click();
    settle(h);
    choose_path(h, &key_path);
    h.get_by_role_and_label(Role::PasswordInput, "パスワード")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "パスワード")
        .type_text("pw");
    h.run();
    h.get_by_label("署名").click();
    settle(h);
    assert!(
        h.state()
            .state
            .doc
            .as_ref()
            .unwrap()
            .project
            .signature
            .is_some(),
        "signed through the menu"
    );
}

#[test]
fn compare_and_carry_open_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "開示書を比較…");
    assert!(
        h.query_by_label("比較する").is_some(),
        "the comparison window is open"
    );
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "引き継いで新規作成…");
    assert!(
        h.query_by_label("引き継ぐ").is_some(),
        "the carry-forward dialog is open"
    );
}

#[test]
fn ctrl_shift_z_redoes_and_never_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    let shift = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
    // Nothing to redo: Ctrl+Shift+Z does nothing (it is not taken for Ctrl+Z).
    h.key_press_modifiers(shift, egui::Key::Z);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::Yes);
    h.key_press_modifiers(shift, egui::Key::Z);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::No);
}

#[test]
fn review_mode_keeps_the_vendor_header_and_answers_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "表示", "レビューモード");
    let before = h.state().state.doc.as_ref().unwrap().project.clone();
    h.get_by_role_and_label(Role::TextInput, "バージョン")
        .focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "バージョン")
        .type_text("9.9");
    h.run();
    select(&mut h, "2 扱う");
    h.key_press(egui::Key::Num2);
    h.run();
    let after = &h.state().state.doc.as_ref().unwrap().project;
    assert_eq!(after.header, before.header);
    assert_eq!(after.answers, before.answers);
}

fn presenting(h: &H) -> bool {
    h.state().state.view.presentation.is_some()
}

#[test]
fn presentation_mode_through_keys_is_large_and_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(dir.path(), egui::Vec2::new(1920.0, 1080.0));
    h.get_by_label("記入例を開く").click();
    h.run();
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    let answers = h
        .state()
        .state
        .doc
        .as_ref()
        .unwrap()
        .project
        .answers
        .clone();
    h.key_press(egui::Key::F5);
    h.run();
    assert!(presenting(&h));
    // Navigator, menu and findings are gone; the question is large; "4 / 5" and the section.
    assert!(h.query_by_label("検索").is_none());
    assert!(h.query_by_label("ファイル").is_none());
    let q = h.get_by_label_contains("2  扱う情報");
    assert!(
        q.rect().height() >= 28.0,
        "question text is at least 28 px high at 1920×1080: {:?}",
        q.rect()
    );
    assert!(h.query_by_label("4 / 5").is_some());
    assert!(h.query_by_label_contains("リモートメンテナンス").is_some());
    // The slide fills the screen: the text grows until its last line is near the bottom.
    let keys = h.get_by_label_contains("PageDown / Space");
    assert!(
        keys.rect().bottom() > 1080.0 * 0.7,
        "the slide fills the screen: {:?}",
        keys.rect()
    );
    // Clicker keys step; Backspace and ← go back.
    h.key_press(egui::Key::PageDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q3"));
    h.key_press(egui::Key::Backspace);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q2"));
    h.key_press(egui::Key::Space);
    h.run();
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q3"));
    // 1/2/3, Ctrl+Z and typing change nothing.
    for k in [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3] {
        h.key_press(k);
        h.run();
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.event(egui::Event::Text("はい".into()));
    h.run();
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().project.answers,
        answers
    );
    // G: the guideline section and hints, large; H hides the vendor; B blanks the screen.
    h.key_press(egui::Key::G);
    h.run();
    assert!(h.query_by_label("ガイドラインの該当箇所").is_some());
    h.key_press(egui::Key::H);
    h.run();
    assert!(h.query_by_label_contains("リモートメンテナンス").is_none());
    h.key_press(egui::Key::B);
    h.run();
    let shown = |h: &H| h.query_all_by_label_contains("医療情報システム").count();
    assert_eq!(shown(&h), 0, "blank");
    h.key_press(egui::Key::B);
    h.run();
    assert!(shown(&h) > 0);
    // `.` blanks too (PowerPoint's key, and many clickers'); the next step shows it again.
    h.key_press(egui::Key::Period);
    h.run();
    assert_eq!(shown(&h), 0, "blank with .");
    h.key_press(egui::Key::PageDown);
    h.run();
    assert!(shown(&h) > 0);
    // End: the last question, with the end-of-deck cue; Home: the first, without it.
    h.key_press(egui::Key::End);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("q3"));
    assert!(h.query_by_label("5 / 5").is_some());
    assert!(h.query_by_label_contains("最後の設問です").is_some());
    h.key_press(egui::Key::Home);
    h.run();
    assert!(h.query_by_label("1 / 5").is_some());
    assert!(h.query_by_label_contains("最後の設問です").is_none());
    h.key_press(egui::Key::End);
    h.run();
    // Esc returns to the editor on the same question.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!presenting(&h));
    assert!(h.query_by_label("検索").is_some());
    assert_eq!(selected(&h).as_deref(), Some("q3"));
}

#[test]
fn presentation_from_the_view_menu_and_f5_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "表示", "プレゼンテーション");
    assert!(presenting(&h));
    assert_eq!(selected(&h).as_deref(), Some("q1"), "starts at a question");
    h.key_press(egui::Key::F5);
    h.run();
    assert!(!presenting(&h));
}

/// The width of the node with this role and label.
fn width_of(h: &H, role: Role, label: &str) -> f32 {
    h.get_by_role_and_label(role, label).rect().width()
}

#[test]
fn zoom_from_the_view_menu_keeps_the_question_panel_the_widest() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "2 扱う");
    let remark = |h: &H| width_of(h, Role::MultilineTextInput, "2 備考");
    let nav = |h: &H| width_of(h, Role::TextInput, "検索");
    assert!(remark(&h) > nav(&h));
    for _ in 0..3 {
        menu(&mut h, "表示", "拡大");
    }
    assert_eq!(h.state().state.settings.zoom.0, 150);
    open_menu(&mut h, "menu-view");
    assert!(
        h.query_by_label("表示倍率 150%").is_some(),
        "the level is shown"
    );
    h.key_press(egui::Key::Escape);
    h.run();
    // The guide panel gave way first; the question is wider than the navigator.
    assert!(h.query_by_label("ガイドラインの該当箇所").is_none());
    assert!(
        remark(&h) > 2.0 * nav(&h),
        "question {} vs navigator {}",
        remark(&h),
        nav(&h)
    );
    menu(&mut h, "表示", "100% に戻す");
    assert_eq!(h.state().state.settings.zoom.0, 100);
    assert!(h.query_by_label("ガイドラインの該当箇所").is_some());
}

#[test]
fn exercise_copy_answer_and_check_against_the_model() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let copy = dir.path().join("exercise.json");
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "名前を付けて保存…");
    choose_path(&mut h, &model);
    menu(&mut h, "ファイル", "演習用コピーを作成…");
    choose_path(&mut h, &copy);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.path.as_deref(), Some(copy.as_path()));
    assert!(doc.project.exercise.is_some());
    assert!(doc.project.answers.values().all(|a| !a.value.is_answered()));
    // The participant: 1 as the model (非該当; 1.1 and 1.2 follow), 2 differently, 3 open.
    select(&mut h, "1 診療録");
    h.get_by_label("1 非該当").click();
    h.run();
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    // The participant types their name: it names them in the class's check.
    type_into(&mut h, Role::TextInput, "参加者名:", "山田");
    menu(&mut h, "ファイル", "保存");
    menu(&mut h, "ファイル", "答え合わせ…");
    assert!(
        h.query_by_label_contains("開いているのは演習用コピーです")
            .is_some(),
        "the window says which files it wants"
    );
    type_into(
        &mut h,
        Role::TextInput,
        "模範解答と参加者のファイル (またはフォルダ):",
        &model.display().to_string(),
    );
    h.get_by_label("追加").click();
    h.run();
    h.get_by_label("答え合わせする").click();
    settle(&mut h);
    h.get_by_label("参加者ごと").click();
    h.run();
    assert!(
        h.query_by_label_contains("同じ 3 · 違う 1 · 未回答 1 / 5 問 (60%)")
            .is_some(),
        "the score is shown"
    );
    h.get_by_label("山田 さんの結果").click();
    h.run();
    assert!(h.query_by_label("違う").is_some());
    // The model's remark is beside the participant's answer.
    assert!(h.query_by_label_contains("保守作業で扱う情報").is_some());
    h.get_by_label("PDF に書き出す…").click();
    h.run();
    let pdf = dir.path().join("check.pdf");
    choose_path(&mut h, &pdf);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

/// At a projector's 1024×768 the guide (G) stands beside the question without covering it, in
/// its own size; the question's side still fills its height.
#[test]
fn presentation_at_1024_keeps_the_guide_beside_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(dir.path(), egui::Vec2::new(1024.0, 768.0));
    h.get_by_label("記入例を開く").click();
    h.run();
    select(&mut h, "2 扱う");
    h.key_press(egui::Key::F5);
    h.run();
    // The whole slide is on the screen (a long section title does not widen it).
    let question = h.get_by_label_contains("2  扱う情報").rect();
    assert!(question.right() <= 1024.0, "{question:?}");
    h.key_press(egui::Key::G);
    h.run();
    let guide = h.get_by_label("ガイドラインの該当箇所").rect();
    let question = h.get_by_label_contains("2  扱う情報").rect();
    assert!(
        question.right() <= guide.left(),
        "question {question:?} is left of the guide {guide:?}"
    );
    let remark = h.get_by_label_contains("保守作業で扱う情報").rect();
    assert!(remark.right() <= guide.left(), "remark {remark:?}");
    assert!(remark.bottom() <= 768.0);
}

/// At 1024×768 the guide panel is left out for the question's room; 表示 → ガイドラインとヒント
/// brings it back below the question, and takes it away again (remembered).
#[test]
fn the_guide_panel_comes_back_from_the_view_menu_at_1024() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(dir.path(), egui::Vec2::new(1024.0, 768.0));
    h.get_by_label("記入例を開く").click();
    h.run();
    assert!(h.query_by_label("ガイドラインの該当箇所").is_none());
    menu(&mut h, "表示", "ガイドラインとヒント");
    let guide = h.get_by_label("ガイドラインの該当箇所").rect();
    let question = h
        .get_by_label("診療録及び診療諸記録の外部保存を受託するか?")
        .rect();
    assert!(
        guide.top() > question.bottom(),
        "below: {guide:?} / {question:?}"
    );
    assert_eq!(h.state().state.settings.guide, Some(true));
    menu(&mut h, "表示", "ガイドラインとヒント");
    assert!(h.query_by_label("ガイドラインの該当箇所").is_none());
    assert_eq!(h.state().state.settings.guide, Some(false));
}

/// A class: the trainer opens the model, adds a folder of participants' copies and a dropped
/// one, and reads the class table — sorted, with names hidden for the projector — then each
/// participant's sheet, and exports the workbook.
#[test]
fn a_class_is_checked_at_once_from_a_folder_and_dropped_files() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let class = dir.path().join("class");
    std::fs::create_dir(&class).unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "名前を付けて保存…");
    choose_path(&mut h, &model);
    let (p, c) = kaijisho::io::open_statement(
        &model,
        &kaijisho::assets::shipped_catalogues().unwrap(),
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let copy = kaijisho::domain::exercise::exercise_copy(&c, &p);
    // Three participants: one as the model on 2, one otherwise, one who left everything
    // open; and a late one dropped on the window.
    let q2 = p.answers["q2"].value;
    let other = if q2 == AnswerValue::No {
        AnswerValue::Yes
    } else {
        AnswerValue::No
    };
    let mut late = None;
    for (file, name, v2) in [
        ("a.json", "青木", Some(q2)),
        ("b.json", "馬場", Some(other)),
        ("c.json", "", None),
        ("late.json", "遅刻", Some(q2)),
    ] {
        let mut e = copy.clone();
        e.exercise.as_mut().unwrap().participant = name.into();
        if let Some(v) = v2 {
            e.set_answer(&c, "q2", None, v, Some(String::new()))
                .unwrap();
        }
        let path = if file == "late.json" {
            dir.path().join(file)
        } else {
            class.join(file)
        };
        kaijisho::io::save_project(&path, &e).unwrap();
        if file == "late.json" {
            late = Some(path);
        }
    }
    menu(&mut h, "ファイル", "答え合わせ…");
    type_into(
        &mut h,
        Role::TextInput,
        "参加者のファイル (またはフォルダ):",
        &class.display().to_string(),
    );
    h.get_by_label("追加").click();
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(late.unwrap())));
    h.run();
    let form = h.state().state.view.exercise.clone().unwrap();
    assert_eq!(form.files.len(), 4, "{:?}", form.files);
    h.get_by_label("答え合わせする").click();
    settle(&mut h);
    let run = &h.state().state.exercise.as_ref().unwrap().run;
    assert_eq!(run.class.participants.len(), 4);
    assert!(run.refused.is_empty());
    // The class table: names on hover of the counts; 誤り sorts the most missed first.
    assert!(h.query_by_label_contains("参加者 4 名").is_some());
    h.get_by_label("誤り").click();
    h.run();
    assert_eq!(
        h.state().state.view.exercise.as_ref().unwrap().sort,
        kaijisho::app::view::ClassSort::Missed
    );
    // By participant; with names hidden only 「参加者 n」 is shown.
    h.get_by_label("参加者ごと").click();
    h.run();
    assert!(h.query_by_label("馬場").is_some());
    h.get_by_label("名前を隠す (投影用)").click();
    h.run();
    assert!(h.query_by_label("馬場").is_none());
    assert!(h.query_by_label("参加者 2").is_some());
    h.get_by_label("名前を隠す (投影用)").click();
    h.run();
    // The unnamed participant is named by their file.
    assert!(h.query_by_label("c.json").is_some());
    // The most missed questions, presented one by one with how the class answered.
    h.get_by_label("間違いの多い設問を提示").click();
    h.run();
    assert!(presenting(&h));
    assert!(h.query_by_label_contains("· 間違いの多い設問").is_some());
    let first = selected(&h);
    let missed_most = h.state().state.view.class_slides[0].question.clone();
    assert_eq!(first.as_deref(), Some(missed_most.as_str()));
    assert!(h.query_by_label_contains("クラスの回答:").is_some());
    h.key_press(egui::Key::End);
    h.run();
    assert!(h.query_by_label_contains("最後の設問です").is_some());
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!presenting(&h));
    assert!(h.state().state.view.class_slides.is_empty());
    h.get_by_label("Excel に書き出す…").click();
    h.run();
    let xlsx = dir.path().join("class.xlsx");
    choose_path(&mut h, &xlsx);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let names = wb.sheet_names();
    for sheet in [
        "設問ごと",
        "参加者ごとの得点",
        "青木",
        "馬場",
        "c.json",
        "遅刻",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let scores = wb.worksheet_range("参加者ごとの得点").unwrap();
    let baba = scores
        .rows()
        .find(|r| r.first().is_some_and(|c| *c == "馬場"))
        .expect("馬場's row");
    assert_eq!(
        baba.get(3).map(|c| c.to_string()),
        Some("1".into()),
        "one different"
    );
}

#[test]
fn the_mds_example_opens_from_the_start_screen_and_presents_option_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("MDS 記入例を開く").click();
    h.run();
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.catalogue.id, "mds-seed-checksheet");
    assert!(doc.project.illustrative);
    select(&mut h, "4.1 アクセス管理の認証方法");
    h.key_press(egui::Key::F5);
    h.run();
    assert!(h.query_by_label("－ 記憶ID(パスワード等)").is_some());
    assert!(h.query_by_label_contains("IC カードによる認証").is_some());
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, file, p) = open_sample_file_and_answer_no(dir.path());
    // Another window (or a sync client) saves the same file meanwhile.
    let mut theirs = p.clone();
    theirs.header.vendor = "別のウィンドウ".into();
    kaijisho::io::save_project(&file, &theirs).unwrap();
    let on_disk = std::fs::read(&file).unwrap();
    // Ctrl+S: asked first, nothing written.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    h.get_by_label("ファイルがほかで変更されています");
    assert_eq!(std::fs::read(&file).unwrap(), on_disk);
    // 比較する: the two versions side by side (the vendor name differs, and q2).
    h.get_by_label("比較する").click();
    settle(&mut h);
    assert!(
        h.query_by_label("ファイルがほかで変更されています")
            .is_none()
    );
    let table = h.state().state.comparison.as_ref().expect("compared");
    assert_eq!(table.columns[1].title, "このウィンドウの内容");
    assert!(
        table.columns[0].title.contains("mine.json"),
        "{:?}",
        table.columns
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        on_disk,
        "compare writes nothing"
    );
    // Ctrl+S again → 上書き保存する replaces it; the next save needs no question.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    h.get_by_label("上書き保存する").click();
    settle(&mut h);
    let saved = kaijisho::io::load_project(&file).unwrap();
    assert_eq!(saved.value("q2"), AnswerValue::No);
    assert_eq!(saved.header.vendor, p.header.vendor);
    assert!(!h.state().state.doc.as_ref().unwrap().modified());
    // (The comparison window still covers the question: answer by key.)
    h.key_press(egui::Key::Num1);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label("ファイルがほかで変更されています")
            .is_none()
    );
    assert_eq!(
        kaijisho::io::load_project(&file).unwrap().value("q2"),
        AnswerValue::Yes
    );
}

#[test]
fn a_reviewed_file_opens_in_review_mode_with_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.review.reviewer = Some("病院 情報システム課".into());
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, &file);
    assert!(h.state().state.view.review_mode);
    // A file that holds a review is a received one: kept as received.
    h.get_by_label_contains("受領した開示書 (読み取り専用)");
    // 確認日: today with one click.
    h.get_by_label("今日").click();
    h.run();
    let date = h
        .state()
        .state
        .doc
        .as_ref()
        .unwrap()
        .project
        .review
        .date
        .clone();
    assert_eq!(
        date.as_deref(),
        Some("2026年11月23日"),
        "the app's clock, not the machine's"
    );
    assert!(h.query_by_label_contains("日付として読めません").is_none());
    // What is not a date is said at once.
    type_into(&mut h, Role::TextInput, "確認日", "あした");
    assert!(h.query_by_label_contains("日付として読めません").is_some());
    // The vendor's answers stay as they are, whatever key is pressed.
    select(&mut h, "2 扱う");
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::Yes);
}

/// One thing a reviewer might do with the keyboard, mouse or clipboard.
#[derive(Debug, Clone)]
enum Input {
    Key(egui::Key),
    Ctrl(egui::Key),
    CtrlShift(egui::Key),
    Alt(egui::Key),
    Text(String),
    Paste(String),
    /// Clicks the n-th (modulo) button whose label starts with a digit: navigator rows and
    /// answer buttons (「2 いいえ」).
    Click(usize),
    /// Focuses the n-th (modulo) text field.
    Focus(usize),
    /// Clicks 「今日」 beside 確認日.
    Today,
    /// Drops the other statement on the window.
    Drop,
}

/// A file dropped on the window from a file manager.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn review_input() -> impl proptest::strategy::Strategy<Value = Input> {
    use egui::Key;
    use proptest::prelude::*;
    let keys = prop::sample::select(vec![
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::ArrowDown,
        Key::ArrowUp,
        Key::Tab,
        Key::PageDown,
        Key::Space,
        Key::Backspace,
        Key::Delete,
        Key::Escape,
    ]);
    prop_oneof![
        4 => keys.prop_map(Input::Key),
        4 => prop::sample::select(vec![Key::Z, Key::Y, Key::V]).prop_map(Input::Ctrl),
        1 => Just(Input::CtrlShift(Key::Z)),
        1 => prop::sample::select(vec![Key::ArrowDown, Key::ArrowUp]).prop_map(Input::Alt),
        2 => "[a-z1-3あ-ん]{1,6}".prop_map(Input::Text),
        1 => "[a-z1-3あ-ん]{1,6}".prop_map(Input::Paste),
        3 => (0usize..64).prop_map(Input::Click),
        2 => (0usize..16).prop_map(Input::Focus),
        1 => Just(Input::Today),
        1 => Just(Input::Drop),
    ]
}

fn give(h: &mut H, input: &Input, other: &Path) {
    let ctrl = egui::Modifiers::COMMAND;
    match input {
        Input::Key(k) => h.key_press(*k),
        Input::Ctrl(k) => h.key_press_modifiers(ctrl, *k),
        Input::CtrlShift(k) => h.key_press_modifiers(ctrl | egui::Modifiers::SHIFT, *k),
        Input::Alt(k) => h.key_press_modifiers(egui::Modifiers::ALT, *k),
        Input::Text(t) => h.event(egui::Event::Text(t.clone())),
        Input::Paste(t) => h.event(egui::Event::Paste(t.clone())),
        Input::Click(n) | Input::Focus(n) => {
            let focus = matches!(input, Input::Focus(_));
            let nodes: Vec<_> = h
                .query_all_by(|node| {
                    if focus {
                        node.role() == Role::TextInput
                    } else {
                        node.role() == Role::Button
                            && node
                                .label()
                                .is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                    }
                })
                .collect();
            if let Some(node) = nodes.get(n % nodes.len().max(1)) {
                if focus {
                    node.focus();
                } else {
                    node.click();
                }
            }
        }
        Input::Today => {
            if let Some(b) = h.query_by_label("今日") {
                b.click();
            }
        }
        Input::Drop => h
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(other.to_path_buf()))),
    }
    settle(h);
}

/// The vendor's part of a saved statement: everything but the review, and its fingerprint.
fn vendor_part(file: &Path) -> (String, String) {
    let text = std::fs::read_to_string(file).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v.as_object_mut().unwrap().remove("review");
    let p = kaijisho::io::load_project(file).unwrap();
    let c = kaijisho::assets::shipped_catalogues()
        .unwrap()
        .into_iter()
        .find(|c| c.id == p.catalogue.id)
        .unwrap();
    let fingerprint = kaijisho::domain::canonical::Statement::new(&c, &p).fingerprint();
    (serde_json::to_string_pretty(&v).unwrap(), fingerprint)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Whatever a reviewer presses, clicks, types, pastes or drops, and then saves, the vendor's
    /// part of every statement involved stays byte for byte as the vendor saved it — also when
    /// the window's undo history holds the vendor's own last edit.
    #[test]
    fn review_mode_never_changes_the_vendor_part(
        inputs in proptest::collection::vec(review_input(), 1..40)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.json");
        let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
        p.review.reviewer = Some("病院".into());
        kaijisho::io::save_project(&other, &p).unwrap();
        let (mut h, file, _) = open_sample_file_and_answer_no(dir.path());
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        settle(&mut h);
        let before = [vendor_part(&file), vendor_part(&other)];
        menu(&mut h, "表示", "レビューモード");
        for input in &inputs {
            give(&mut h, input, &other);
        }
        h.key_press(egui::Key::Escape);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        settle(&mut h);
        assert!(h.state().state.view.review_mode);
        let after = [vendor_part(&file), vendor_part(&other)];
        proptest::prop_assert_eq!(&after, &before);
    }
}

/// The question numbers of the grid's rows, top to bottom.
fn grid_numbers(h: &H) -> Vec<String> {
    let numbers = ["1", "1.1", "1.2", "2", "3"];
    let mut rows: Vec<(f32, String)> = h
        .query_all_by(|n| {
            n.role() == Role::Button
                && n.label()
                    .is_some_and(|l| numbers.contains(&l.trim_end_matches(" △")))
        })
        .map(|n| {
            use egui_kittest::kittest::NodeT;
            let label = n.accesskit_node().label().unwrap().to_string();
            (n.rect().min.y, label)
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, l)| l).collect()
}

#[test]
fn the_answer_grid_opens_from_the_menu_filters_sorts_and_jumps() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, _, _) = open_sample_file_and_answer_no(dir.path());
    menu(&mut h, "表示", "一覧");
    assert!(h.query_by_label("5 / 5 問を表示").is_some());
    assert_eq!(grid_numbers(&h), ["1", "1.1", "1.2", "2", "3"]);
    // Every answer at a glance, with its remark.
    assert!(h.query_by_label("いいえ").is_some());
    assert!(h.query_by_label("非該当").is_some());
    // Sorted by answer: はい, いいえ, 対象外 …, 非該当; again: the other way round.
    h.get_by_role_and_label(Role::Button, "回答").click();
    h.run();
    assert_eq!(grid_numbers(&h), ["3", "2", "1.1", "1.2", "1"]);
    h.get_by_role_and_label(Role::Button, "回答 ▲").click();
    h.run();
    assert_eq!(grid_numbers(&h), ["1", "1.2", "1.1", "2", "3"]);
    // Search reaches remarks: only question 2 mentions IP-VPN.
    type_into(&mut h, Role::TextInput, "一覧を検索", "ip-vpn");
    assert!(h.query_by_label("1 / 5 問を表示").is_some());
    assert_eq!(grid_numbers(&h), ["2"]);
    // A click on the row opens its question; the grid gives way to it.
    h.get_by_role_and_label(Role::Button, "2").click();
    h.run();
    assert!(h.state().state.view.grid.is_none());
    assert_eq!(selected(&h).as_deref(), Some("q2"));
    assert!(
        h.query_by_label("2 いいえ").is_some(),
        "the question panel is back"
    );
    // Ctrl+L shows the grid again, and hides it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    assert!(h.query_by_label_contains("問を表示").is_some());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    h.run();
    assert!(h.query_by_label_contains("問を表示").is_none());
}

/// Three statements of the SDS sample in `dir`: as shipped, another vendor answering 2 いいえ,
/// and a file that is not a statement.
fn hospital_folder(dir: &Path) -> [std::path::PathBuf; 3] {
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    let bad = dir.join("broken.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&a, &p).unwrap();
    p.header.vendor = "別会社".into();
    let q2 = p.answers.get_mut("q2").unwrap();
    q2.value = AnswerValue::No;
    q2.remark = "次版で対応".into();
    kaijisho::io::save_project(&b, &p).unwrap();
    std::fs::write(&bad, "{\"answers\": ").unwrap();
    [a, b, bad]
}

#[test]
fn check_statements_against_the_default_profile_and_open_a_deviating_question() {
    let dir = tempfile::tempdir().unwrap();
    let [a, b, _] = hospital_folder(dir.path());
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受入基準で確認…");
    assert!(h.query_by_label_contains("既定 (すべての設問").is_some());
    for f in [&a, &b] {
        type_into(
            &mut h,
            Role::TextInput,
            "確認する開示書のパス",
            &f.display().to_string(),
        );
        h.get_by_label("追加").click();
        // Checked at once, in the background.
        settle(&mut h);
    }
    h.get_by_label("確認する").click();
    settle(&mut h);
    assert!(h.query_by_label("受入基準内").is_some());
    assert!(h.query_by_label("基準外 (必須 1 件、推奨 0 件)").is_some());
    assert!(h.query_by_label("リスク評価が必要").is_some());
    // The second vendor's items, then a click opens its statement at question 2.
    h.get_by_label_contains("別会社 / ").click();
    h.run();
    h.get_by_label_contains("[基準外・必須] 2 ").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().expect("the statement is open");
    assert_eq!(doc.path.as_deref(), Some(b.as_path()));
    assert_eq!(doc.selected.as_deref(), Some("q2"));
    // The report, as a workbook.
    let xlsx = dir.path().join("確認.xlsx");
    h.get_by_label("Excel に書き出す…").click();
    h.run();
    choose_path(&mut h, &xlsx);
    assert!(xlsx.exists());
}

#[test]
fn the_register_lists_every_file_keeps_the_hospitals_fields_and_opens_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let [_, b, _] = hospital_folder(dir.path());
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "受領台帳…");
    // A folder is asked for as a folder.
    assert!(h.query_by_label("ファイルのパス").is_none());
    type_into(
        &mut h,
        Role::TextInput,
        "フォルダのパス",
        &dir.path().display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("(3 ファイル)").is_some());
    assert!(h.query_by_label("別会社").is_some());
    // The unreadable file is listed with its reason, never skipped.
    assert!(h.query_by_label("broken.json").is_some());
    assert!(
        h.query_by_label_contains("broken.json: 1 行").is_some(),
        "the reason is shown"
    );
    // The 2023 statements are flagged as old.
    assert!(h.query_all_by_label_contains("作成から").count() >= 2);
    // The hospital's own field, saved beside the statements.
    type_into(&mut h, Role::TextInput, "b.json システム", "電子カルテ");
    h.get_by_label("台帳を保存").click();
    h.run();
    let saved = std::fs::read_to_string(dir.path().join("kaijisho-register.json")).unwrap();
    assert!(saved.contains("\"system\": \"電子カルテ\""), "{saved}");
    // Only rows needing attention: all three here (old, or unreadable).
    h.get_by_label("注意のある行のみ").click();
    h.run();
    assert!(h.query_by_label("別会社").is_some());
    // Open a row.
    let opens: Vec<_> = h.query_all_by_label("開く").collect();
    assert_eq!(opens.len(), 3);
    drop(opens);
    h.query_all_by(|n| n.label().as_deref() == Some("開く") && n.role() == Role::Button)
        .nth(1)
        .unwrap()
        .click();
    settle(&mut h);
    assert_eq!(
        h.state().state.doc.as_ref().and_then(|d| d.path.clone()),
        Some(b)
    );
}

#[test]
fn make_a_profile_mark_items_check_three_statements_and_open_a_deviation() {
    let dir = tempfile::tempdir().unwrap();
    let [a, b, _] = hospital_folder(dir.path());
    std::fs::remove_file(dir.path().join("broken.json")).unwrap();
    // A third vendor answers 3 いいえ, which the profile will accept.
    let c = dir.path().join("c.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.header.vendor = "三社目".into();
    p.answers.get_mut("q3").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&c, &p).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    choose_path(&mut h, &a);
    menu(&mut h, "ファイル", "受入基準を編集…");
    // Question 3: いいえ accepted too.
    h.get_by_role_and_label(Role::CheckBox, "3 いいえ").click();
    h.run();
    // Every question citing 8.3 (1, 1.1, 1.2) only recommended.
    type_into(&mut h, Role::TextInput, "引用で一括:", "8.3");
    h.get_by_label("を引用する設問を推奨に").click();
    h.run();
    assert!(h.query_by_label("3 問を推奨にしました").is_some());
    let profile = dir.path().join("病院の受入基準.json");
    h.get_by_label("受入基準を保存…").click();
    h.run();
    choose_path(&mut h, &profile);
    let saved = kaijisho::io::hospital::load_profile(&profile).unwrap();
    // One rule for question 3, one by reference for 8.3 (not one per question).
    assert_eq!(saved.rules.len(), 2, "{saved:?}");
    assert_eq!(
        saved.rules[1].selector,
        kaijisho::domain::profile::Selector::Ref("8.3".into())
    );
    // Check three statements with it.
    h.get_by_label("この基準で確認…").click();
    settle(&mut h);
    let shown = format!("受入基準: {}", profile.display());
    assert!(
        h.query_by_label(&shown).is_some(),
        "the saved profile is the check's"
    );
    for f in [&b, &c] {
        type_into(
            &mut h,
            Role::TextInput,
            "確認する開示書のパス",
            &f.display().to_string(),
        );
        h.get_by_label("追加").click();
        // Checked at once, in the background.
        settle(&mut h);
    }
    h.get_by_label("確認する").click();
    settle(&mut h);
    assert_eq!(
        h.query_all_by_label("受入基準内").count(),
        2,
        "the sample and 三社目"
    );
    h.get_by_label_contains("別会社 / ").click();
    h.run();
    h.get_by_label_contains("[基準外・必須] 2 ").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.path.as_deref(), Some(b.as_path()));
    assert_eq!(doc.selected.as_deref(), Some("q2"));
    assert!(
        doc.received.is_some(),
        "a checked statement opens for review"
    );
}

/// An export named after an existing file asks before replacing it: キャンセル leaves the file,
/// 置き換える writes the PDF (the old content kept as .bak).
#[test]
fn an_export_over_an_existing_file_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    let out = dir.path().join("提出用.pdf");
    std::fs::write(&out, b"earlier").unwrap();
    menu(&mut h, "ファイル", "PDF に書き出す…");
    choose_path(&mut h, &out);
    // The sample has no errors: nothing is asked about them.
    assert!(h.query_by_label_contains("このまま書き出す").is_none());
    assert!(
        h.query_by_label_contains("は既にあります。置き換えますか")
            .is_some()
    );
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    assert_eq!(std::fs::read(&out).unwrap(), b"earlier");

    menu(&mut h, "ファイル", "PDF に書き出す…");
    choose_path(&mut h, &out);
    h.get_by_label("置き換える").click();
    settle(&mut h);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
}

/// The header's fields keep their places while their findings come and go: typing the first
/// character into an empty field takes its 「入力されていません」 line away, and the next field
/// must still be where the pointer is going.
#[test]
fn header_fields_stay_put_while_their_findings_go() {
    for size in [
        egui::Vec2::new(1280.0, 800.0),
        egui::Vec2::new(1024.0, 768.0),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut h = harness_sized(dir.path(), size);
        h.get_by_label("作成").click();
        h.run();
        let labels: Vec<String> = kaijisho::domain::project::HeaderField::ALL
            .iter()
            .map(|f| {
                let doc = h.state().state.doc.as_ref().unwrap();
                h.state().state.loc.header_label(*f, doc.catalogue.kind)
            })
            .collect();
        let places = |h: &H| -> Vec<egui::Rect> {
            labels
                .iter()
                .map(|l| h.get_by_role_and_label(Role::TextInput, l).rect())
                .collect()
        };
        let before = places(&h);
        for (i, label) in labels.iter().enumerate().skip(1) {
            type_into(&mut h, Role::TextInput, label, "株");
            let after = places(&h);
            for (j, (a, b)) in before.iter().zip(&after).enumerate() {
                assert!(
                    (a.left() - b.left()).abs() < 0.5 && (a.top() - b.top()).abs() < 0.5,
                    "{size:?}: after filling {label} ({i}), field {} moved from {a:?} to {b:?}",
                    labels[j]
                );
            }
        }
    }
}

/// An exercise copy made from a model with unsaved answers: the prompt says which file it
/// wants and that the model stays; before the copy opens, the model is offered to be saved,
/// and saving it keeps the answer.
#[test]
fn an_exercise_copy_from_an_unsaved_model_asks_to_save_the_model_first() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let copy = dir.path().join("exercise.json");
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "名前を付けて保存…");
    choose_path(&mut h, &model);
    select(&mut h, "2 扱う");
    h.get_by_label("2 いいえ").click();
    h.run();
    assert!(h.state().state.doc.as_ref().unwrap().modified());
    menu(&mut h, "ファイル", "演習用コピーを作成…");
    assert!(
        h.query_by_label_contains("回答を空にした開示書").is_some(),
        "the prompt says which file it wants"
    );
    choose_path(&mut h, &copy);
    assert!(h.query_by_label("保存されていない変更があります").is_some());
    h.get_by_label("保存").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(
        doc.path.as_deref(),
        Some(copy.as_path()),
        "the copy is open"
    );
    let saved = kaijisho::io::load_project(&model).unwrap();
    assert_eq!(
        saved.value("q2"),
        AnswerValue::No,
        "the model kept its answer"
    );
}

/// At 1024×768 the navigator takes more of the window (the guide goes below the question), and
/// a width the user drags there is the narrow window's own: back at 1280×800 the navigator has
/// its usual width again.
#[test]
fn a_navigator_width_chosen_at_1024_does_not_stick_at_1280() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness_sized(dir.path(), egui::Vec2::new(1024.0, 768.0));
    h.get_by_label("記入例を開く").click();
    h.run();
    let search = |h: &H| h.get_by_role_and_label(Role::TextInput, "検索").rect();
    // The panel's edge: the field's right end plus the panel's inner margin (the field's left).
    let edge = |h: &H| search(h).right() + search(h).left() + 1.0;
    let wide = search(&h).width();
    assert!(
        search(&h).right() > 0.28 * 1024.0,
        "the navigator takes more than a quarter: {:?}",
        search(&h)
    );
    // Drag its edge 80 points to the left.
    let y = search(&h).center().y + 200.0;
    let from = egui::pos2(edge(&h), y);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for step in 1..=8 {
        h.hover_at(from - egui::vec2(10.0 * step as f32, 0.0));
        h.run();
    }
    h.drop_at(from - egui::vec2(80.0, 0.0));
    h.run();
    let narrowed = search(&h).width();
    assert!(narrowed < wide - 40.0, "dragged: {wide} → {narrowed}");
    h.set_size(egui::Vec2::new(1280.0, 800.0));
    h.run();
    h.run();
    let at_1280 = search(&h).width();
    assert!(
        at_1280 > narrowed + 40.0,
        "the width chosen at 1024 stayed there: {narrowed} → {at_1280}"
    );
}
