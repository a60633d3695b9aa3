//! Received statements are evidence: a vendor's file opened from the register, from a register
//! folder or with ファイル → 確認用に開く… opens for review, read-only; the number keys and
//! Ctrl+S never change it — the review goes to a review file beside it, which opens again with
//! the statement. 「事業者として編集する」 is asked first. Everything through menus, buttons and
//! keys.

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
use kaijisho::domain::project::ReviewStatus;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, answer_path, menu, retype, settle, shows};

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

const SAMPLE: &str = "sds-remote-service-sample";

/// The vendor's statement, as a project file in `dir`.
fn vendor_json(dir: &Path) -> PathBuf {
    let p = kaijisho::assets::sample_project(SAMPLE).unwrap();
    let path = dir.join("A社_SDS.json");
    kaijisho::io::save_project(&path, &p).unwrap();
    path
}

/// The vendor's statement, as a workbook in `dir`.
fn vendor_workbook(dir: &Path) -> PathBuf {
    let x = dir.join("B社_SDS.xlsx");
    let p = kaijisho::assets::sample_project(SAMPLE).unwrap();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let c = p.catalogue.resolve(&shipped).unwrap();
    let form = kaijisho::assets::form().unwrap();
    kaijisho::io::xlsx::export_xlsx(&x, &c, &p, &form).unwrap();
    x
}

/// ファイル → 受領台帳…, the folder typed into the prompt.
fn open_register(h: &mut H, folder: &Path) {
    menu(h, "ファイル", "受領台帳…");
    retype(
        h,
        Role::TextInput,
        "フォルダのパス",
        &folder.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(h);
}

fn key(h: &mut H, modifiers: egui::Modifiers, k: egui::Key) {
    h.key_press_modifiers(modifiers, k);
    settle(h);
}

fn selected_value(h: &H) -> AnswerValue {
    let d = h.state().state.doc.as_ref().unwrap();
    let q = d.selected.as_deref().unwrap();
    d.project.answer(q).map(|a| a.value).unwrap_or_default()
}

fn marked_modified(h: &H) -> bool {
    h.state().title().starts_with("● ")
}

fn received(h: &H) -> bool {
    h.state()
        .state
        .doc
        .as_ref()
        .is_some_and(|d| d.received.is_some())
}

/// Marks the current question 要確認 (its radio button in the review block).
fn mark_needs_check(h: &mut H) {
    let d = h.state().state.doc.as_ref().unwrap();
    let label = format!("{} 要確認", d.selected_question().unwrap().number_key());
    h.get_by_role_and_label(Role::RadioButton, &label).click();
    settle(h);
}

#[test]
fn a_statement_opened_from_the_register_is_reviewed_and_its_file_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = vendor_json(dir.path());
    let before = std::fs::read(&vendor).unwrap();
    let mut h = harness(dir.path());
    open_register(&mut h, dir.path());
    h.get_by_role_and_label(Role::Button, "開く").click();
    settle(&mut h);
    assert!(received(&h) && h.state().state.view.review_mode);
    assert!(shows(&h, "受領した開示書 (読み取り専用)"));
    assert!(!marked_modified(&h), "nothing changed by opening it");
    // The register window stays open over the statement: closed to work on it.
    h.get_by_label("Close window").click();
    settle(&mut h);
    // A stray 2 answers nothing; the reviewer's mark is the change.
    let value = selected_value(&h);
    key(&mut h, egui::Modifiers::NONE, egui::Key::Num2);
    assert_eq!(selected_value(&h), value, "the vendor's answer stays");
    mark_needs_check(&mut h);
    assert!(marked_modified(&h));
    key(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    assert!(!marked_modified(&h), "saved");
    assert_eq!(
        std::fs::read(&vendor).unwrap(),
        before,
        "the vendor's file is byte-identical"
    );
    let review_path = dir.path().join("A社_SDS.json.review.json");
    let (review, _) = kaijisho::io::hospital::load_review_digest(&review_path).unwrap();
    assert_eq!(review.statement.file, "A社_SDS.json");
    assert!(review.statement.fingerprint.starts_with("sha256:"));
    assert!(
        review
            .review
            .items
            .values()
            .any(|i| i.status == ReviewStatus::NeedsCheck)
    );
    // The register (of the open statement's folder) does not list the review file as a
    // statement.
    menu(&mut h, "ファイル", "受領台帳…");
    assert!(shows(&h, "(1 ファイル)"));
    h.get_by_label("Close window").click();
    settle(&mut h);
    // Opened again with 開く (a review lies beside it): for review, with the review.
    menu(&mut h, "ファイル", "閉じる");
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &vendor);
    assert!(received(&h));
    let d = h.state().state.doc.as_ref().unwrap();
    assert_eq!(d.project.review, review.review);
}

#[test]
fn a_received_workbook_opens_for_review_without_import_or_unsaved_mark() {
    let dir = tempfile::tempdir().unwrap();
    let x = vendor_workbook(dir.path());
    let before = std::fs::read(&x).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &x);
    assert!(!shows(&h, "取り込む"), "no import preview");
    assert!(received(&h) && !marked_modified(&h));
    assert!(h.state().title().contains("B社_SDS.xlsx"));
    // 確認日 is empty (no grey date), 今日 fills it; Ctrl+S writes the review file only.
    let field = h.get_by_role_and_label(Role::TextInput, "確認日");
    assert_eq!(field.value().unwrap_or_default(), "");
    h.get_by_label("今日").click();
    settle(&mut h);
    let today = common::gui::clock().today_japanese();
    key(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    assert_eq!(
        std::fs::read(&x).unwrap(),
        before,
        "the workbook is untouched"
    );
    let review_path = dir.path().join("B社_SDS.xlsx.review.json");
    let (review, _) = kaijisho::io::hospital::load_review_digest(&review_path).unwrap();
    assert_eq!(review.review.date.as_deref(), Some(today.as_str()));
    // The review file itself opens the workbook with its review.
    menu(&mut h, "ファイル", "閉じる");
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &review_path);
    assert!(received(&h));
    let d = h.state().state.doc.as_ref().unwrap();
    assert_eq!(d.path.as_deref(), Some(x.as_path()));
    assert_eq!(d.project.review.date.as_deref(), Some(today.as_str()));
}

#[test]
fn editing_as_the_vendor_is_asked_first_then_saves_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = vendor_json(dir.path());
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &vendor);
    assert!(received(&h));
    // Switching review mode off asks; キャンセル keeps it a received statement.
    menu(&mut h, "表示", "レビューモード");
    assert!(shows(&h, "事業者として編集しますか"));
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    assert!(received(&h) && h.state().state.view.review_mode);
    // The menu entry asks too; confirmed, the number keys answer and Ctrl+S writes the file.
    menu(&mut h, "表示", "事業者として編集する…");
    h.get_by_role_and_label(Role::Button, "事業者として編集する")
        .click();
    settle(&mut h);
    assert!(!received(&h) && !h.state().state.view.review_mode);
    let value = selected_value(&h);
    let d = h.state().state.doc.as_ref().unwrap();
    let allowed = d.selected_question().unwrap().answer.allowed();
    let other = allowed.iter().position(|v| *v != value).unwrap();
    let next = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3][other];
    key(&mut h, egui::Modifiers::NONE, next);
    assert_ne!(selected_value(&h), value);
    key(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    let saved = kaijisho::io::json::load_project(&vendor).unwrap();
    let d = h.state().state.doc.as_ref().unwrap();
    assert_eq!(
        saved.answers, d.project.answers,
        "the statement's file is written"
    );
}

#[test]
fn a_statement_in_a_register_folder_opens_for_review_and_save_as_is_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let vendor = vendor_json(dir.path());
    let before = std::fs::read(&vendor).unwrap();
    std::fs::write(
        dir.path().join("kaijisho-register.json"),
        "{\"format\": \"kaijisho-register\", \"format_version\": 1}\n",
    )
    .unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &vendor);
    assert!(received(&h), "a file of a register folder is received");
    // An export is not suggested into the register's folder (it would be listed there).
    menu(&mut h, "ファイル", "Excel に書き出す…");
    let suggested = h
        .get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .value()
        .unwrap_or_default();
    assert!(
        !Path::new(&suggested).starts_with(dir.path()),
        "{suggested}"
    );
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    mark_needs_check(&mut h);
    // Save As suggests the review file, and saving over the statement itself is refused.
    menu(&mut h, "ファイル", "名前を付けて保存…");
    let suggested = h
        .get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .value()
        .unwrap_or_default();
    assert!(
        suggested.ends_with("A社_SDS.json.review.json"),
        "{suggested}"
    );
    answer_path(&mut h, &vendor);
    assert!(marked_modified(&h), "not saved over the statement");
    assert!(shows(
        &h,
        "受領した開示書やほかのファイルには書き込みません"
    ));
    assert_eq!(std::fs::read(&vendor).unwrap(), before);
    // Elsewhere, the review names the statement by its full path.
    let elsewhere = tempfile::tempdir().unwrap();
    let mine = elsewhere.path().join("確認.review.json");
    menu(&mut h, "ファイル", "名前を付けて保存…");
    answer_path(&mut h, &mine);
    assert!(!marked_modified(&h));
    let (review, _) = kaijisho::io::hospital::load_review_digest(&mine).unwrap();
    assert_eq!(Path::new(&review.statement.file), vendor.as_path());
    assert_eq!(std::fs::read(&vendor).unwrap(), before);
}

#[test]
fn the_register_takes_a_received_date_from_the_calendar_and_reads_wareki() {
    let dir = tempfile::tempdir().unwrap();
    vendor_json(dir.path());
    let mut h = harness(dir.path());
    open_register(&mut h, dir.path());
    let received = |h: &H| {
        let r = h.state().state.hospital.register.as_ref().unwrap();
        r.file()
            .entries
            .get("A社_SDS.json")
            .map(|e| e.received.clone())
            .unwrap_or_default()
    };
    // The calendar opens on the app's month (2026年11月) and writes the day picked.
    h.get_by_label("日付を選ぶ").click();
    h.run();
    h.get_by_label("2026年11月20日").click();
    settle(&mut h);
    assert_eq!(received(&h), "2026年11月20日");
    assert!(h.query_by_label_contains("日付として読めません").is_none());
    // 和暦 is a date; what is no date is marked.
    let field = "A社_SDS.json 受領日";
    retype(&mut h, Role::TextInput, field, "令和8年4月1日");
    assert_eq!(received(&h), "令和8年4月1日");
    assert!(h.query_by_label_contains("日付として読めません").is_none());
    retype(&mut h, Role::TextInput, field, "先週");
    assert!(
        h.query_by_label_contains("日付として読めません").is_some(),
        "no date is marked"
    );
    // Kept as written when the register is saved.
    h.get_by_label("台帳を保存").click();
    settle(&mut h);
    let saved = kaijisho::io::hospital::load_register(dir.path()).unwrap();
    assert_eq!(saved.entries["A社_SDS.json"].received, "先週");
}

#[test]
fn a_copy_kept_as_received_and_a_file_opened_for_review_before_open_for_review_again() {
    let dir = tempfile::tempdir().unwrap();
    // A copy the dossier kept: opened with 開く, it is read-only.
    let copies = dir.path().join("kaijisho-received").join("A社_SDS.json");
    std::fs::create_dir_all(&copies).unwrap();
    let vendor = vendor_json(dir.path());
    let copy = copies.join("2026-04-10_0123456789abcdef.json");
    std::fs::copy(&vendor, &copy).unwrap();
    std::fs::remove_file(&vendor).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &copy);
    assert!(received(&h), "a copy kept as received");
    // A statement opened with 確認用に開く… (no review saved, no register): opened again with
    // 開く, still for review.
    let elsewhere = tempfile::tempdir().unwrap();
    let other = vendor_json(elsewhere.path());
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &other);
    assert!(received(&h));
    menu(&mut h, "ファイル", "閉じる");
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &other);
    assert!(received(&h), "remembered as received");
}
