//! The real app driven through egui_kittest: controls are found by their accessible labels.

use std::path::Path;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kaijisho::app::KaijishoApp;
use kaijisho::app::state::{AppState, Command, Settings};
use kaijisho::domain::answer::AnswerValue;
use kaijisho::i18n::Lang;

fn harness(dir: &Path) -> Harness<'static, KaijishoApp> {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    let state = AppState::new(settings, Some(dir.to_path_buf())).unwrap();
    let app = KaijishoApp::with_state(state, None);
    let mut h = Harness::builder()
        .with_size(egui::Vec2::new(1280.0, 800.0))
        .build_eframe(|cc| {
            kaijisho::ui::fonts::install(&cc.egui_ctx);
            app
        });
    h.run();
    h
}

fn with_sample(dir: &Path) -> Harness<'static, KaijishoApp> {
    let mut h = harness(dir);
    h.get_by_label("記入例を開く").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    h
}

fn value(h: &Harness<'_, KaijishoApp>, q: &str) -> AnswerValue {
    h.state().state.doc.as_ref().unwrap().project.value(q)
}

fn select(h: &mut Harness<'_, KaijishoApp>, q: &str) {
    h.state_mut().send(Command::Select(q.into()));
    h.run();
}

#[test]
fn answer_by_clicking_labelled_controls_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "q2");
    h.get_by_label("2 いいえ").click();
    h.run();
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    assert!(h.state().state.doc.as_ref().unwrap().dirty);
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
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().selected.as_deref(),
        Some("q3")
    );
}

#[test]
fn ime_composition_commits_text_and_enter_does_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "q3");
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
    assert!(h.state().ui.path_prompt.is_none() && h.state().ui.confirm.is_none());
    // Number keys type into the field instead of answering while it has focus.
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(value(&h, "q3"), AnswerValue::Yes);
}

#[test]
fn gate_switches_questions_and_keeps_their_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "q1.1");
    // Gated off (question 1 is 非該当): clicking does nothing.
    h.get_by_label("1.1 はい").click();
    h.run();
    assert_eq!(value(&h, "q1.1"), AnswerValue::NotApplicable);
    assert!(h.query_by_label_contains("でないため").is_some());
    select(&mut h, "q1");
    h.get_by_label("1 該当").click();
    h.run();
    select(&mut h, "q1.1");
    assert!(h.query_by_label_contains("でないため").is_none());
    h.get_by_label("1.1 はい").click();
    h.run();
    assert_eq!(value(&h, "q1.1"), AnswerValue::Yes);
    // Back to 非該当 and to 該当 again: the answer comes back.
    select(&mut h, "q1");
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
    h.state_mut().ui.search = "IP-VPN".into();
    h.run();
    assert!(h.query_by_label_contains("2 扱う情報").is_some());
    assert!(h.query_by_label_contains("3 医療情報システム").is_none());
    h.state_mut().ui.search.clear();
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
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().selected.as_deref(),
        Some("q2")
    );
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
        h.state().ui.path_prompt.as_ref().map(|p| p.text.clone()),
        Some(out.display().to_string())
    );
    h.get_by_label("OK").click();
    h.run();
    let saved = kaijisho::io::load_project(&out).unwrap();
    assert_eq!(saved.value("q2"), AnswerValue::Yes);
    assert!(!h.state().state.doc.as_ref().unwrap().dirty);
    assert!(h.state().ui.title.contains("saved.json"));
}

#[test]
fn unsaved_changes_are_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    select(&mut h, "q2");
    h.get_by_label("2 いいえ").click();
    h.run();
    assert!(h.state().ui.title.starts_with("● "));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert!(h.state().ui.confirm.is_some(), "asks before discarding");
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
    h.state_mut().send(Command::Open(x.clone()));
    h.run();
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
    h.run();
    assert!(h.query_by_label_contains("回答 2 件").is_some());
    h.get_by_label("取り込む").click();
    h.run();
    let doc = h.state().state.doc.as_ref().unwrap();
    let q1 = doc.catalogue.find_by_number("1").unwrap().id.clone();
    assert_eq!(doc.project.value(&q1), AnswerValue::No);
    assert!(doc.dirty && doc.path.is_none());
}

#[test]
fn review_a_question_without_touching_the_vendor_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    h.state_mut().ui.review_mode = true;
    select(&mut h, "q2");
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
}

#[test]
fn comparison_view_shows_the_differences() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&a, &p).unwrap();
    p.answers.get_mut("q2").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&b, &p).unwrap();
    let mut h = harness(dir.path());
    kaijisho::ui::compare::open_compare(h.state_mut());
    h.run();
    for f in [&a, &b] {
        h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
            .focus();
        h.run();
        h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
            .type_text(&f.display().to_string());
        h.run();
        h.get_by_label("追加").click();
        h.run();
    }
    h.get_by_label("比較する").click();
    h.run();
    assert!(h.query_by_label_contains("違い 1 件").is_some());
    assert!(
        h.query_by_label("いいえ").is_some(),
        "the differing answer is shown"
    );
}

#[test]
fn carry_forward_report_and_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = with_sample(dir.path());
    h.state_mut().ui.carry_to = Some("sds-seed-remote-service".into());
    h.run();
    h.get_by_label("引き継ぐ").click();
    h.run();
    assert!(
        h.query_by_label_contains("引き継ぎ 5").is_some(),
        "the report is shown"
    );
    let doc = h.state().state.doc.as_ref().unwrap();
    assert!(doc.project.answers["q2"].recheck);
    assert!(doc.path.is_none() && doc.dirty);
    select(&mut h, "q2");
    h.get_by_label("2 この回答で確定").click();
    h.run();
    assert!(!h.state().state.doc.as_ref().unwrap().project.answers["q2"].recheck);
}

#[test]
fn save_from_the_confirmation_then_carry_on() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.json");
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let mut h = harness(dir.path());
    h.state_mut().send(Command::Open(file.clone()));
    h.run();
    select(&mut h, "q2");
    h.get_by_label("2 いいえ").click();
    h.run();
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
    let recovery = dir.path().join("recovery.json");
    {
        let mut h = with_sample(dir.path());
        select(&mut h, "q2");
        h.get_by_label("2 いいえ").click();
        h.run();
        assert_eq!(value(&h, "q2"), AnswerValue::No);
        // Frames go on (0.25 s each) until the recovery file is written a few seconds later.
        for _ in 0..40 {
            if recovery.exists() {
                break;
            }
            h.step();
        }
        assert!(recovery.exists(), "no recovery file after 10 s");
        // The "crash": the app goes away without saving or closing.
        std::mem::forget(h);
    }
    let mut h = harness(dir.path());
    h.get_by_label("保存されていない作業が見つかりました");
    h.get_by_label("復元する").click();
    h.run();
    let doc = h.state().state.doc.as_ref().expect("restored");
    assert!(doc.dirty, "restored work is unsaved until saved");
    assert_eq!(value(&h, "q2"), AnswerValue::No);
    assert!(!recovery.exists() || h.state().state.recovery.is_none());
}
