//! Carrying a statement into the next edition's checklist through the window: the File menu,
//! the dialog's file choice (a catalogue file, an official workbook through the import
//! preview), the reasons shown under a question, K to confirm and go on, every answer of one
//! reason confirmed at once (one undo step), another candidate taken, and 「前回からの変更点」.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use eframe::egui;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::edition::Reason;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, answer_path, menu, select, settle, shows};

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 900.0))
}

fn with_sample(dir: &Path) -> H {
    let mut h = harness(dir);
    h.get_by_label("記入例を開く").click();
    h.run();
    assert!(h.state().state.doc.is_some());
    h
}

/// The shipped SDS seed as its "next edition": other ids, question 2 renumbered 4 (same
/// text), question 3 reworded and citing 第6.0版, 1.2 dropped, and a new question 5 that only
/// shares question 2's reference.
fn next_edition(dir: &Path) -> PathBuf {
    let mut c: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/catalogues/sds-seed-remote-service.json"
        ))
        .unwrap(),
    )
    .unwrap();
    c["id"] = "sds-next-edition-test".into();
    c["title"] = "リモート保守サービス 次版 (試験用)".into();
    let sections = c["sections"].as_array_mut().unwrap();
    let mut q2 = None;
    for s in sections.iter_mut() {
        let qs = s["questions"].as_array_mut().unwrap();
        qs.retain(|q| q["id"] != "q1.2");
        for q in qs.iter_mut() {
            let id = q["id"].as_str().unwrap().to_string();
            q["id"] = format!("n-{id}").into();
            if let Some(g) = q.get_mut("gate").filter(|g| !g.is_null()) {
                let to = g["question"].as_str().unwrap().to_string();
                g["question"] = format!("n-{to}").into();
            }
            if id == "q2" {
                q["number"] = "4".into();
                q2 = Some(q.clone());
            }
            if id == "q3" {
                q["text"] = "医療情報システムの運用にあたり、医療情報システム安全管理責任者を置いているか?(シス14①)".into();
            }
        }
    }
    let mut new = q2.unwrap();
    new["id"] = "n-new".into();
    new["number"] = "5".into();
    new["text"] = "保守作業の記録を医療機関等に定期的に報告しているか?(6.2.C1)".into();
    sections.last_mut().unwrap()["questions"]
        .as_array_mut()
        .unwrap()
        .push(new);
    let path = dir.join("次版カタログ.json");
    std::fs::write(&path, serde_json::to_string_pretty(&c).unwrap()).unwrap();
    path
}

fn reason(h: &H, q: &str) -> Option<Reason> {
    let d = h.state().state.doc.as_ref().unwrap();
    d.project.answers[q]
        .carried
        .as_deref()
        .and_then(|c| c.chosen())
        .map(|c| c.reason.clone())
}

fn recheck(h: &H, q: &str) -> bool {
    h.state().state.doc.as_ref().unwrap().project.answers[q].recheck
}

fn press(h: &mut H, key: egui::Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn carry_into_a_catalogue_file_with_reasons_keys_and_reason_wide_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let next = next_edition(dir.path());
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "引き継いで新規作成…");
    h.get_by_label("公式チェックリストやカタログのファイルから…")
        .click();
    h.run();
    answer_path(&mut h, &next);
    let s = &h.state().state;
    let doc = s.doc.as_ref().expect("the new statement is open");
    assert_eq!(doc.catalogue.id, "sds-next-edition-test");
    assert!(doc.path.is_none() && doc.modified(), "new and unsaved");
    assert!(s.carry_report.is_some(), "the report is shown");
    assert!(doc.project.carried_from.as_ref().unwrap().unplaced.len() == 1);
    assert_eq!(reason(&h, "n-q2"), Some(Reason::SameText));
    assert!(matches!(reason(&h, "n-q3"), Some(Reason::Similar { .. })));
    assert_eq!(
        reason(&h, "n-new"),
        None,
        "a reference alone is only offered"
    );
    // The report groups by reason; every 同じ文言 answer is confirmed at once, and one undo
    // puts the marks back.
    h.get_by_label("「同じ文言」をすべて確認").click();
    h.run();
    assert!(!recheck(&h, "n-q2"));
    assert!(recheck(&h, "n-q3"), "other reasons stay to re-check");
    menu(&mut h, "編集", "元に戻す");
    assert!(recheck(&h, "n-q2"));
    // Under the reworded question: the reason, the earlier wording and reference beside the
    // new; K confirms it and goes to the next answer to re-check.
    select(&mut h, "3 医療情報");
    assert!(shows(&h, "前回 3 から引き継ぎ (文言が変わった"));
    assert!(shows(&h, "前回の文言"));
    assert!(shows(&h, "(6.3.C1) → (シス14①)"));
    press(&mut h, egui::Key::K);
    assert!(!recheck(&h, "n-q3"));
    let selected = h.state().state.doc.as_ref().unwrap().selected.clone();
    assert!(
        selected.as_deref().is_some_and(|q| recheck(&h, q)),
        "K moved on to an answer still to re-check: {selected:?}"
    );
    // The new question offers the earlier one sharing its reference; taking it carries that
    // answer, marked to re-check.
    select(&mut h, "5 保守作業");
    h.get_by_label("前回 2 の回答を使う").click();
    h.run();
    let d = h.state().state.doc.as_ref().unwrap();
    assert_eq!(d.project.value("n-new"), AnswerValue::Yes);
    assert!(recheck(&h, "n-new"));
    assert_eq!(reason(&h, "n-new"), Some(Reason::RefOnly));
    // 「前回からの変更点」 lists the new, reworded and dropped questions.
    // The report closed, 「前回からの変更点」 from the File menu.
    h.get_by_label("Close window").click();
    h.run();
    menu(&mut h, "ファイル", "前回からの変更点…");
    assert!(shows(&h, "前回からの変更点"));
    assert!(shows(&h, "引き継ぎ先のない設問 1"));
    let (_, list) = h.state().state.changes.as_ref().expect("the list is made");
    use kaijisho::domain::changes::ChangeKind;
    // 3 reworded, and 5 now continues 2 though worded otherwise; 1.2 no longer asked.
    assert_eq!(list.count(ChangeKind::Reworded), 2);
    assert_eq!(list.count(ChangeKind::Dropped), 1);
    assert_eq!(list.count(ChangeKind::New), 0);
    // Printed from the window: PDF and workbook.
    let pdf = dir.path().join("変更点.pdf");
    h.get_by_label("PDF に書き出す…").click();
    h.run();
    answer_path(&mut h, &pdf);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let xlsx = dir.path().join("変更点.xlsx");
    h.get_by_label("Excel ブックに書き出す…").click();
    h.run();
    answer_path(&mut h, &xlsx);
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let cells: Vec<String> = sheet.cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(
        cells.iter().any(|c| c.contains("責任者を置いているか")),
        "the reworded question is listed: {cells:?}"
    );
}

#[test]
fn carry_into_an_official_workbook_read_through_the_import_preview_then_fill_it() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    // The next edition's official checklist, in a layout of its own: question 2 of the
    // sample kept word for word under another number, question 3 reworded, one new question.
    let x = dir.path().join("新しいチェックリスト.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["サービス事業者名", "", "", ""],
        ["No.", "設問", "回答", "備考"],
        [
            "1",
            "保守作業の記録を医療機関等に定期的に報告しているか?",
            "はい",
            "",
        ],
        [
            "4",
            "扱う情報のリストを医療機関等に提示できるか?(6.2.C1)",
            "",
            "",
        ],
        [
            "3",
            "医療情報システムの運用にあたり、医療情報システム安全管理責任者を置いているか?",
            "",
            "",
        ],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&x).unwrap();
    let mut h = with_sample(dir.path());
    menu(&mut h, "ファイル", "引き継いで新規作成…");
    h.get_by_label("公式チェックリストやカタログのファイルから…")
        .click();
    h.run();
    answer_path(&mut h, &x);
    assert!(
        h.state().state.import_preview.is_some(),
        "the workbook is shown in the import preview first"
    );
    h.get_by_label("取り込む").click();
    settle(&mut h);
    let s = &h.state().state;
    let doc = s.doc.as_ref().unwrap();
    assert!(s.carry_report.is_some(), "carried, not opened as imported");
    // The answer the workbook held gives way to the carried statement's: said.
    let said = s
        .status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default();
    assert!(said.contains("回答 1 件"), "{said}");
    assert_eq!(doc.source_path.as_deref(), Some(x.as_path()));
    assert!(
        doc.project.source.is_some(),
        "it remembers the new workbook"
    );
    let q2 = doc.catalogue.find_by_number("4").unwrap().id.clone();
    assert_eq!(
        doc.project.value(&q2),
        AnswerValue::Yes,
        "carried from the sample's 2"
    );
    assert!(doc.project.answers[&q2].recheck);
    assert_eq!(reason(&h, &q2), Some(Reason::SameText));
    // 「読み込んだワークブックに記入して書き出す…」 fills the new official file.
    menu(
        &mut h,
        "ファイル",
        "読み込んだワークブックに記入して書き出す…",
    );
    let out = dir.path().join("記入済み.xlsx");
    answer_path(&mut h, &out);
    settle(&mut h);
    // Answers still to re-check: asked first.
    h.get_by_label("このまま書き出す").click();
    settle(&mut h);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("the filled copy is written");
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        sheet.get_value((3, 2)),
        Some(&Data::String("はい".into())),
        "question 4's answer is in its cell"
    );
}
