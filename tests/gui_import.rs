//! Starting from someone else's workbook in the app, driven the way a user does it: the mapping
//! wizard sets the answer column by a click on the column's letter, the preview reads the
//! workbook again, and the next workbook of the same layout is read with that mapping without
//! asking; a statement imported this way is exported into a copy of its workbook from the File
//! menu.

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
use kaijisho::io::xlsx::Skip;
use kaijisho::io::xlsx::import::RowKind;

mod common {
    pub mod gui;
    pub mod layouts;
}
use common::gui::{H, click_starting, menu, retype, select, settle, shows};

/// The app in Japanese, its path prompts starting in `dir`.
fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        last_folder: Some(dir.to_path_buf()),
        ..Settings::default()
    };
    common::gui::harness_with(dir, settings, egui::Vec2::new(1280.0, 800.0))
}

/// Types `path` into the path prompt (its suggestion is selected on focus, so typing replaces
/// it) and presses OK.
fn choose_path(h: &mut H, path: &Path) {
    let field = h.get_by_role_and_label(Role::TextInput, "ファイルのパス");
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "ファイルのパス")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    settle(h);
}

/// A checklist whose three answer-word columns cannot be told apart: the answer is in
/// `answers` (column C), D and E print the other words.
fn ambiguous_workbook(path: &Path, answers: [&str; 2]) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "機器セキュリティ確認表").unwrap();
    let rows = [
        ("1", "扱う情報のリストを提示できるか?(6.2.C1)"),
        ("2", "責任者を設置しているか?(6.3.C1)"),
    ];
    for (i, (n, t)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_string(r, 0, *n).unwrap();
        ws.write_string(r, 1, *t).unwrap();
        ws.write_string(r, 2, answers[i]).unwrap();
        ws.write_string(r, 3, "はい").unwrap();
        ws.write_string(r, 4, "対象外").unwrap();
    }
    wb.save(path).unwrap();
}

#[test]
fn the_wizard_sets_the_answer_column_by_a_click_and_the_next_workbook_of_the_layout_uses_it() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.xlsx");
    ambiguous_workbook(&first, ["いいえ", "いいえ"]);
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &first);
    assert!(shows(&h, "推定に自信がありません"), "detection is unsure");
    assert!(shows(&h, "回答 0 件"));
    assert!(
        shows(&h, "扱う情報のリスト"),
        "the sheet is shown as a grid"
    );
    // A narrow cell shows its whole text on hover.
    let text = "扱う情報のリストを提示できるか?(6.2.C1)";
    assert_eq!(h.query_all_by_label(text).count(), 1);
    h.get_by_label(text).hover();
    h.run();
    h.run();
    assert_eq!(h.query_all_by_label(text).count(), 2, "the tooltip");

    // Column C's letter, then its role.
    click_starting(&mut h, "C 列");
    click_starting(&mut h, "回答の列");
    settle(&mut h);
    assert!(
        shows(&h, "回答 2 件"),
        "the preview read the workbook again"
    );
    assert!(shows(&h, "C 列: 回答の列"), "the column shows its role");
    h.get_by_label("取り込む").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    let q1 = doc.catalogue.find_by_number("1").unwrap().id.clone();
    assert_eq!(doc.project.value(&q1), AnswerValue::No);

    // Another vendor's copy of the same form: read with the confirmed mapping at once.
    let second = dir.path().join("second.xlsx");
    ambiguous_workbook(&second, ["はい", "対象外"]);
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &second);
    assert!(shows(&h, "前に確かめた同じ様式の対応付け"), "it says so");
    assert!(shows(&h, "回答 2 件"));
    h.get_by_label("取り込む").click();
    h.run();
    h.get_by_label("保存しない").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    let q2 = doc.catalogue.find_by_number("2").unwrap().id.clone();
    assert_eq!(doc.project.value(&q1), AnswerValue::Yes);
    assert_eq!(doc.project.value(&q2), AnswerValue::NotApplicable);
    assert_eq!(h.state().state.settings.layouts.len(), 1);
}

#[test]
fn a_skipped_row_says_why_and_a_row_number_sets_the_last_row_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["No.", "設問", "回答", "備考"],
        ["1", "保守の記録を残しているか?", "はい", ""],
        ["2", "保守の手順を定めているか?", "たぶん", ""],
        ["3", "保守の窓口を置いているか?", "いいえ", "来期"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    assert!(shows(&h, "設問 3"));
    let view = |h: &H| {
        let p = h.state().state.import_preview.as_ref().unwrap();
        p.result.as_ref().unwrap().view.clone().unwrap()
    };
    // Row 3 is a question whose answer cell (C3) was not read: the cell says so.
    assert_eq!(view(&h).rows[2], RowKind::Question);
    assert!(
        matches!(
            view(&h).unread.as_slice(),
            [((2, 2), Skip::UnreadAnswer { .. })]
        ),
        "{:?}",
        view(&h).unread
    );
    // Row 3's number: read up to it.
    let rows: Vec<_> = h
        .query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l == "3"))
        .collect();
    rows.first().unwrap().click();
    h.run();
    click_starting(&mut h, "この行まで読む");
    settle(&mut h);
    assert!(shows(&h, "設問 2"), "the last row read is row 3");
    let preview = h.state().state.import_preview.as_ref().unwrap();
    assert_eq!(preview.mapping.last_row, Some(3));
}

/// A chapter row taken for a question is made a section by its row number's menu, and two
/// note rows are skipped as a range (start the range on one, choose the kind on the other).
#[test]
fn rows_are_made_a_section_and_a_range_skipped_from_the_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chapters.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["No.", "設問", "回答", "備考"],
        ["1", "組織的な管理の体制(シス3)", "", ""],
        ["1.1", "責任者を定めているか?", "はい", ""],
        ["注", "この表の見方", "", ""],
        ["注", "記入例は別紙", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    wb.save(&path).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    let report = |h: &H| {
        let p = h.state().state.import_preview.as_ref().unwrap();
        p.result.as_ref().unwrap().report.clone()
    };
    assert_eq!(
        report(&h).questions,
        2,
        "the chapter row is read as a question"
    );
    let row_number = |h: &mut H, n: &str| {
        let rows: Vec<_> = h
            .query_all_by(|x| x.role() == Role::Button && x.label().is_some_and(|l| l == n))
            .collect();
        rows.first().unwrap().click();
        h.run();
    };
    row_number(&mut h, "2");
    assert!(shows(&h, "この行を:"));
    click_starting(&mut h, "節 (見出し) にする");
    settle(&mut h);
    assert_eq!((report(&h).sections, report(&h).questions), (1, 1));

    row_number(&mut h, "4");
    click_starting(&mut h, "ここから範囲を選ぶ");
    settle(&mut h);
    assert!(shows(&h, "範囲の始め: 行 4"));
    row_number(&mut h, "5");
    assert!(shows(&h, "行 4–5 を:"));
    click_starting(&mut h, "読み飛ばす");
    settle(&mut h);
    let preview = h.state().state.import_preview.as_ref().unwrap();
    let ranges: Vec<(u32, u32)> = preview
        .mapping
        .rows
        .iter()
        .map(|r| (r.first, r.last))
        .collect();
    assert_eq!(ranges, vec![(2, 2), (4, 5)]);
    assert!(
        report(&h).skipped.iter().all(|s| s.row < 4),
        "{:?}",
        report(&h).skipped
    );
    assert_eq!(report(&h).questions, 1);
}

/// A line of the report's skipped rows shows its row in the wizard's grid, far below the rows
/// first shown.
#[test]
fn a_skipped_row_in_the_report_is_shown_in_the_grid_by_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(0, 0, ["No.", "設問", "回答", "備考"]).unwrap();
    for i in 1..=60u32 {
        let answer = if i == 55 { "たぶん" } else { "はい" };
        ws.write_row(
            i,
            0,
            [
                i.to_string().as_str(),
                &format!("設問{i}を満たしているか?"),
                answer,
            ],
        )
        .unwrap();
    }
    wb.save(&path).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    let row_button = |h: &H| {
        h.query_all_by(|x| x.role() == Role::Button && x.label().is_some_and(|l| l == "56"))
            .next()
            .is_some()
    };
    assert!(!row_button(&h), "row 56 is far below the rows first shown");
    h.get_by_label("読み飛ばした行 (1)").click();
    h.run();
    click_starting(&mut h, "行 56:");
    settle(&mut h);
    assert!(row_button(&h), "the grid shows row 56");
    let preview = h.state().state.import_preview.as_ref().unwrap();
    assert_eq!(preview.show_row.map(|(r, _)| r), Some(55));
}

#[test]
fn a_statement_from_a_workbook_is_exported_into_a_copy_of_it_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("公式チェックリスト.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["製造業者名", "", "", ""],
        ["No.", "設問", "回答", "備考"],
        ["1", "保守の記録を残しているか?", "", ""],
        ["2", "保守の手順を定めているか?", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&original).unwrap();
    let bytes = std::fs::read(&original).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &original);
    h.get_by_label("取り込む").click();
    settle(&mut h);
    // Not saved and without a product name: the window is named after the workbook.
    let title = h.state().title().to_string();
    assert!(title.starts_with("● 公式チェックリスト.xlsx — "), "{title}");
    // Answer question 1 いいえ by its button.
    h.get_by_label("1 いいえ").click();
    h.run();

    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    let suggested = h
        .state()
        .state
        .view
        .prompt
        .as_ref()
        .map(|p| p.text.clone())
        .unwrap();
    assert!(
        suggested.ends_with("公式チェックリスト 記入済み.xlsx"),
        "{suggested}"
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    // Question 2 is unanswered: asked before a statement with errors is exported.
    assert!(shows(&h, "エラーのある開示書です"));
    h.get_by_label("このまま書き出す").click();
    settle(&mut h);
    let out = dir.path().join("公式チェックリスト 記入済み.xlsx");
    assert!(out.exists(), "{:?}", h.state().state.status);
    assert_eq!(
        std::fs::read(&original).unwrap(),
        bytes,
        "the original is untouched"
    );
    let back =
        kaijisho::io::xlsx::import_file(&out, None, kaijisho::assets::import_vocabulary()).unwrap();
    let q1 = back.catalogue.find_by_number("1").unwrap().id.clone();
    assert_eq!(back.project.value(&q1), AnswerValue::No);

    // The original changed since: refused, and reading it again is offered.
    let mut changed = rust_xlsxwriter::Workbook::new();
    changed
        .add_worksheet()
        .write_row(0, 0, ["No.", "設問", "回答"])
        .unwrap()
        .write_row(1, 0, ["1", "保守の記録を残しているか?", "はい"])
        .unwrap();
    changed.save(&original).unwrap();
    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    choose_path(&mut h, &dir.path().join("again.xlsx"));
    h.get_by_label("このまま書き出す").click();
    settle(&mut h);
    assert!(!dir.path().join("again.xlsx").exists());
    assert!(shows(&h, "元のワークブックが変わっています"));
    h.get_by_label("もう一度読み込む…").click();
    settle(&mut h);
    assert!(
        shows(&h, "Excel の取り込み"),
        "the import preview of the changed workbook"
    );
    assert!(shows(&h, "設問 1"));
}

/// A cell the import could not read (「はい（一部対応）」): answering its question and exporting
/// into the workbook asks first, listing the cell and what it holds; キャンセル writes nothing,
/// 置き換えて書き出す writes the copy with the answer.
#[test]
fn replacing_an_unread_answer_cell_is_asked_first() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("記入途中.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["No.", "設問", "回答", "備考"],
        ["1", "保守の記録を残しているか?", "はい（一部対応）", ""],
        ["2", "保守の手順を定めているか?", "はい", ""],
    ]
    .iter()
    .enumerate()
    {
        ws.write_row(r as u32, 0, *cells).unwrap();
    }
    wb.save(&original).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &original);
    h.get_by_label("読み飛ばした行 (1)").click();
    h.run();
    assert!(shows(&h, "C2 の「はい（一部対応）」は回答として読めない"));
    h.get_by_label("取り込む").click();
    settle(&mut h);
    // The question shows what its cell held.
    assert!(shows(
        &h,
        "セル C2 には「はい（一部対応）」と書かれていました"
    ));
    h.get_by_label("1 いいえ").click();
    h.run();
    let out = dir.path().join("提出用.xlsx");
    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    choose_path(&mut h, &out);
    // The statement has errors: asked once, and told not to ask again for it.
    assert!(
        shows(&h, "エラーのある開示書です"),
        "question 2 is unanswered"
    );
    h.get_by_label("この開示書では次から確かめない").click();
    h.run();
    h.get_by_label("このまま書き出す").click();
    settle(&mut h);
    assert!(shows(&h, "読み取れなかったセルを置き換えますか"));
    assert!(shows(
        &h,
        "C2 (設問 1) の「はい（一部対応）」を「いいえ」に置き換えます"
    ));
    assert!(!out.exists(), "nothing written before the answer");
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    assert!(!out.exists());
    assert!(h.state().state.view.replace_offer.is_none());

    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    choose_path(&mut h, &out);
    h.get_by_label("置き換えて書き出す").click();
    settle(&mut h);
    assert!(out.exists(), "{:?}", h.state().state.status);
    let back =
        kaijisho::io::xlsx::import_file(&out, None, kaijisho::assets::import_vocabulary()).unwrap();
    let q1 = back.catalogue.find_by_number("1").unwrap().id.clone();
    assert_eq!(back.project.value(&q1), AnswerValue::No);
}

/// An MDS sheet, an SDS sheet and a correspondence sheet: the larger is read, the other is
/// picked in the wizard's sheet list, and a question's 第5.2版 reference shows its 第6.0版
/// counterpart beside the guideline section.
#[test]
fn the_other_question_sheet_is_picked_and_the_correspondence_shows_beside_the_guide() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("両方.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheets: [(&str, &[(&str, &str)]); 2] = [
        (
            "MDS",
            &[
                ("1", "最少権限の原則が適用されているか?(6.2.C1)"),
                ("2", "機密防止の機能が有効か?(6.4.C5)"),
                ("3", "不正な入力を防げるか?(6.5.C4)"),
            ],
        ),
        (
            "SDS",
            &[
                ("1", "利用者を認証しているか?(6.5.C1)"),
                ("2", "保守の記録を残しているか?(6.3.C1)"),
            ],
        ),
    ];
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_row(0, 0, ["No.", "設問", "回答", "備考"]).unwrap();
        for (i, (n, t)) in rows.iter().enumerate() {
            ws.write_row(i as u32 + 1, 0, [*n, *t, "はい", ""]).unwrap();
        }
    }
    let map = wb.add_worksheet();
    map.set_name("安全管理GL6.0版対応表").unwrap();
    map.write_row(0, 0, ["第5.2版", "第6.0版"]).unwrap();
    map.write_row(1, 0, ["6.5.C1", "シス14①"]).unwrap();
    map.write_row(2, 0, ["6.3.C1", "企9②"]).unwrap();
    wb.save(&path).unwrap();

    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    assert!(
        shows(&h, "シート「MDS」から"),
        "the sheet with most questions"
    );
    h.get_by_role_and_label(Role::ComboBox, "シート").click();
    h.run();
    assert!(shows(&h, "MDS (設問 3)"), "each sheet with its questions");
    click_starting(&mut h, "SDS (設問 2)");
    assert!(shows(&h, "シート「SDS」から"), "the picked sheet is read");
    h.get_by_label("取り込む").click();
    settle(&mut h);
    assert!(shows(&h, "第5.2版 6.5.C1 ↔ 第6.0版 シス14①"));
}

/// A checklist with 確認日 and 目標日 columns: each question shows both dates under its 備考;
/// a date typed or picked in the calendar is the answer's, one that is no date is said, and
/// exporting into the workbook writes them into their cells.
#[test]
fn dates_are_typed_or_picked_beside_the_answer_and_filled_into_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("確認用.xlsx");
    std::fs::write(&original, common::layouts::confirmation_dates()).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &original);
    h.get_by_label("取り込む").click();
    settle(&mut h);
    // Numbers restarting under each category are shown with it: 1 (2) is 1.2.
    select(&mut h, "1.2 ");
    let id = |h: &H| {
        let doc = h.state().state.doc.as_ref().unwrap();
        doc.catalogue.find_by_number("1 (2)").unwrap().id.clone()
    };
    let dates = |h: &H| {
        let doc = h.state().state.doc.as_ref().unwrap();
        let a = doc.project.answer(&id(h)).unwrap().clone();
        (a.checked_on, a.due_on)
    };
    assert_eq!(dates(&h), ("2026年4月1日".into(), "2026年9月30日".into()));
    // Typed: a date, then something that is no date (said under the answer).
    retype(&mut h, Role::TextInput, "1.2 確認日", "2026/10/1");
    retype(&mut h, Role::TextInput, "1.2 目標日", "来年度");
    settle(&mut h);
    assert_eq!(dates(&h), ("2026/10/1".into(), "来年度".into()));
    let said = |h: &H, text: &str| h.query_all_by_label_contains(text).count();
    assert!(said(&h, "目標日「来年度」を日付として読めません") > 0);
    // Picked: the 目標日's calendar opens on today's month (it holds no date).
    let calendars: Vec<_> = h
        .query_all_by(|n| n.role() == Role::Button && n.label().is_some_and(|l| l == "日付を選ぶ"))
        .collect();
    assert_eq!(calendars.len(), 3, "作成日, 確認日 and 目標日");
    calendars.last().unwrap().click();
    h.run();
    h.get_by_label("2026年11月30日").click();
    settle(&mut h);
    assert_eq!(dates(&h), ("2026/10/1".into(), "2026年11月30日".into()));
    assert_eq!(said(&h, "を日付として読めません"), 0);

    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    if shows(&h, "このまま書き出す") {
        h.get_by_label("このまま書き出す").click();
        settle(&mut h);
    }
    let out = dir.path().join("確認用 記入済み.xlsx");
    assert!(out.exists(), "{:?}", h.state().state.status);
    let back =
        kaijisho::io::xlsx::import_file(&out, None, kaijisho::assets::import_vocabulary()).unwrap();
    let q = back.catalogue.find_by_number("1 (2)").unwrap().id.clone();
    let a = back.project.answer(&q).unwrap();
    assert_eq!(
        (a.checked_on.as_str(), a.due_on.as_str()),
        ("2026/10/1", "2026年11月30日")
    );
}

/// A date column under a heading detection does not know (点検日) is made the 確認日 column by
/// its letter's menu: the preview reads the dates at once.
#[test]
fn the_wizard_makes_a_column_the_date_checked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("点検.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["No.", "確認項目", "確認結果", "点検日", "備考"],
        ["1", "責任者を定めているか?", "はい", "2026/4/1", ""],
        ["2", "手順を定めているか?", "いいえ", "2026/4/2", "改訂中"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    let mapping = |h: &H| {
        let p = h.state().state.import_preview.as_ref().unwrap();
        p.result.as_ref().unwrap().report.mapping.clone()
    };
    assert_eq!(mapping(&h).date_column, None, "点検日 is no known heading");
    click_starting(&mut h, "D 列");
    click_starting(&mut h, "確認日の列");
    settle(&mut h);
    assert_eq!(mapping(&h).date_column.as_deref(), Some("D"));
    assert!(shows(&h, "D 列: 確認日の列"), "the column shows its role");
    h.get_by_label("取り込む").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    let q = doc.catalogue.find_by_number("2").unwrap().id.clone();
    assert_eq!(doc.project.answer(&q).unwrap().checked_on, "2026/4/2");
}

/// A list for both forms is read as the form its header names (MDS, for a 製造業者), the
/// questions of the other form said; one click reads it as SDS instead.
#[test]
fn a_list_for_both_forms_is_read_as_the_form_chosen_in_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("両様式.xlsx");
    std::fs::write(&path, common::layouts::form_columns()).unwrap();
    let mut h = harness(dir.path());
    menu(&mut h, "ファイル", "Excel を取り込む…");
    choose_path(&mut h, &path);
    let questions = |h: &H| {
        let p = h.state().state.import_preview.as_ref().unwrap();
        p.result.as_ref().unwrap().report.questions
    };
    assert_eq!(questions(&h), 3, "1, 2 and 4: MDS or both");
    assert!(shows(
        &h,
        "SDS だけが対象の設問 1 問は開示書に入れていません"
    ));
    h.get_by_label("SDS (サービス事業者・サービス)").click();
    settle(&mut h);
    assert_eq!(questions(&h), 2, "1 and 3: SDS or both");
    h.get_by_label("取り込む").click();
    settle(&mut h);
    let doc = h.state().state.doc.as_ref().unwrap();
    assert_eq!(doc.catalogue.kind, kaijisho::domain::catalogue::Kind::Sds);
    let numbers: Vec<&str> = doc
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["1", "3"]);
}
