//! The answer library (回答集) through the menus, buttons and keys: built from two statements,
//! saved, used to fill a statement of another checklist (each answer marked 要確認 with the
//! entry it came from; undone in one step), and the consistency check of statements that
//! contradict each other and over-claim, a finding clicked to open the statement at the
//! question.

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
use kaijisho::domain::catalogue::Catalogue;
use kaijisho::domain::project::{Header, Project};
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
}
use common::gui::{H, answer_path, menu, retype, settle};

/// Whether some label in the window contains `text` (one or more).
fn shows(h: &H, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1400.0, 900.0))
}

/// The shipped remote-service SDS sample as product `product`, changed by `change`, saved.
fn sds(path: &Path, product: &str, change: impl FnOnce(&mut Project)) {
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.header.product = product.into();
    change(&mut p);
    kaijisho::io::save_project(path, &p).unwrap();
}

fn set(p: &mut Project, q: &str, value: AnswerValue, remark: &str) {
    let a = p.answers.get_mut(q).unwrap();
    a.value = value;
    a.remark = remark.into();
}

/// A hospital's own checklist (another catalogue, embedded in its statement): the MDS
/// checklist with its first question reworded as the SDS's 安全管理責任者 question, unanswered.
fn own_checklist_statement(path: &Path) {
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let mds = shipped
        .iter()
        .find(|c| c.id == "mds-seed-checksheet")
        .unwrap();
    let mut json = serde_json::to_value(mds).unwrap();
    json["id"] = "hospital-own-checklist".into();
    json["title"] = "院内確認リスト".into();
    let q1 = &mut json["sections"][0]["questions"][0];
    assert_eq!(q1["id"], "q1");
    q1["text"] =
        "医療情報システムを運用する際に、医療情報システム安全管理責任者を設置しているか?(6.3.C1)"
            .into();
    let own: Catalogue = serde_json::from_value(json).unwrap();
    let header = Header {
        vendor: "院内".into(),
        product: "製品C".into(),
        ..Header::default()
    };
    let p = Project::new(&own, header, true);
    kaijisho::io::save_project(path, &p).unwrap();
}

fn value(h: &H, q: &str) -> AnswerValue {
    h.state().state.doc.as_ref().unwrap().project.value(q)
}

fn entries(h: &H) -> usize {
    h.state()
        .state
        .library
        .view
        .as_ref()
        .map_or(0, |v| v.library().entries.len())
}

/// 回答集 → 開示書から回答集に追加…, the folder of statements typed into the file prompt
/// (its statements all read), every answer ticked, 追加.
fn add_from(h: &mut H, folder: &Path) {
    menu(h, "回答集", "開示書から回答集に追加…");
    assert!(shows(h, "開示書から回答集に追加"));
    h.get_by_label("開示書ファイルを選ぶ…").click();
    settle(h);
    answer_path(h, folder);
    assert!(shows(h, "読み込んだ開示書: a.json、b.json"), "both read");
    assert!(shows(h, "件を選択中"));
    h.get_by_label("追加").click();
    settle(h);
}

#[test]
fn a_library_built_from_two_statements_fills_another_checklist_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    sds(&sources.join("a.json"), "製品A", |p| {
        set(p, "q3", AnswerValue::Yes, "情報システム課長を任命");
    });
    sds(&sources.join("b.json"), "製品B", |p| {
        set(p, "q1", AnswerValue::Applies, "");
        set(p, "q1.1", AnswerValue::Yes, "");
        set(p, "q3", AnswerValue::Yes, "情報システム課長を任命");
    });
    let own = dir.path().join("own.json");
    own_checklist_statement(&own);
    let mut h = harness(dir.path());

    menu(&mut h, "回答集", "新しい回答集");
    assert!(shows(&h, "回答集: 名前のない回答集"));
    add_from(&mut h, &sources);
    // The same fact with the same answer in both statements is one entry; answers under a
    // closed gate (a's 1.1 and 1.2, 対象外 on the form) are no facts.
    assert_eq!(entries(&h), 6, "a's 3 answers, b's 3 that differ");
    assert!(shows(&h, "● 回答集"), "modified");
    assert!(shows(&h, "回答集に 8 件の回答を取り込みました"));
    // The entry of 安全管理責任者: its sources are both statements.
    let row = h
        .query_all_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with("6.3.C1 医療情報システム"))
        })
        .count();
    assert_eq!(row, 1);
    h.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("6.3.C1 医療情報システム"))
    })
    .click();
    h.run();
    assert!(shows(&h, "a.json の 3"));
    assert!(shows(&h, "b.json の 3"));
    retype(&mut h, Role::TextInput, "担当", "情報システム課");
    settle(&mut h);

    // Saved: asked where (it has no file yet).
    let lib = dir.path().join("回答集.json");
    menu(&mut h, "回答集", "回答集を保存");
    answer_path(&mut h, &lib);
    assert!(lib.exists());
    assert!(!shows(&h, "● 回答集"));
    let saved = kaijisho::io::library::load_library(&lib).unwrap();
    assert_eq!(saved.entries.len(), 6);
    assert!(saved.entries.iter().any(|e| e.owner == "情報システム課"));

    // The hospital's own checklist: filled from the library.
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &own);
    assert_eq!(value(&h, "q1"), AnswerValue::Unanswered);
    menu(&mut h, "回答集", "回答集から記入…");
    assert!(shows(&h, "回答集: 回答集.json (6 項目)"));
    assert!(shows(&h, "回答済みの設問も上書き"));
    h.get_by_label("記入").click();
    settle(&mut h);
    assert!(
        shows(&h, "回答集から記入: 記入 1 件 (要確認)"),
        "the count said"
    );
    assert_eq!(value(&h, "q1"), AnswerValue::Yes);
    {
        let d = h.state().state.doc.as_ref().unwrap();
        let a = &d.project.answers["q1"];
        assert!(a.recheck, "要確認");
        assert_eq!(a.remark, "情報システム課長を任命");
        let carried = a.carried.as_ref().unwrap();
        let origin = carried.candidates[0].library.as_ref().unwrap();
        assert_eq!(origin.library, "回答集.json");
        assert_eq!(d.selected.as_deref(), Some("q1"), "the first filled shown");
    }
    assert!(shows(&h, "回答集から記入した回答です"), "the 要確認 mark");
    assert!(
        shows(&h, "回答集「回答集.json」の項目 e"),
        "the entry it came from"
    );
    assert!(shows(&h, "この回答で確定"));
    // One undo step takes the whole fill back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(value(&h, "q1"), AnswerValue::Unanswered);
    let d = h.state().state.doc.as_ref().unwrap();
    assert!(d.project.answers.values().all(|a| a.carried.is_none()));
    assert!(!d.modified(), "back to the file");
}

#[test]
fn the_consistency_check_lists_a_contradiction_and_an_over_claim_and_opens_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let c = dir.path().join("c.json");
    let d = dir.path().join("d.json");
    sds(&a, "製品A", |_| {});
    sds(&c, "製品C", |p| set(p, "q3", AnswerValue::No, ""));
    sds(&d, "製品D", |p| {
        set(p, "q2", AnswerValue::Yes, "次期バージョンで対応予定")
    });
    let mut h = harness(dir.path());
    menu(&mut h, "回答集", "整合性チェック…");
    assert!(shows(&h, "整合性チェック"));
    for f in [&a, &c, &d] {
        retype(
            &mut h,
            Role::TextInput,
            "開示書のパス",
            &f.display().to_string(),
        );
        h.get_by_label("追加").click();
        settle(&mut h);
    }
    assert_eq!(
        h.state().state.library.check.as_ref().unwrap().files.len(),
        3
    );
    h.get_by_label("確認する").click();
    settle(&mut h);
    assert!(shows(&h, "食い違い:"), "the contradiction listed");
    assert!(
        shows(&h, "言い過ぎ: ")
            && shows(&h, "d.json の 2 (製品D 1.1) は「はい」なのに備考に「予定」"),
        "the over-claim listed"
    );
    // Both places of a contradiction are links; c's opens c at question 3 (c contradicts a
    // and d there: two findings name it).
    let place = format!("開く: {} の 3", c.display());
    h.query_all_by(|n| n.label().is_some_and(|l| l.starts_with(&place)))
        .next()
        .expect("a link to c.json's question 3")
        .click();
    settle(&mut h);
    let s = &h.state().state;
    let doc = s.doc.as_ref().unwrap();
    assert_eq!(doc.path.as_deref(), Some(c.as_path()));
    assert_eq!(doc.selected.as_deref(), Some("q3"));
    assert!(doc.received.is_none(), "opened to edit");
    assert_eq!(value(&h, "q3"), AnswerValue::No);
}

#[test]
fn closing_an_edited_library_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    sds(&sources.join("a.json"), "製品A", |_| {});
    sds(&sources.join("b.json"), "製品B", |_| {});
    let mut h = harness(dir.path());
    add_from(&mut h, &sources);
    assert_eq!(
        entries(&h),
        3,
        "a new library: the same answers are one entry each (none under the closed gate)"
    );
    menu(&mut h, "回答集", "回答集を閉じる");
    assert!(shows(&h, "回答集の変更を保存しますか"));
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    assert_eq!(entries(&h), 3, "kept");
    // A reference list typed item by item: the separator typed last stays in the field.
    h.get_by(|n| n.label().is_some_and(|l| l.starts_with("6.2.C1 扱う情報")))
        .click();
    h.run();
    retype(&mut h, Role::TextInput, "ガイドライン参照", "6.2.C1、");
    h.get_by_role_and_label(Role::TextInput, "ガイドライン参照")
        .type_text("6.2.C2");
    h.run();
    let refs = |h: &H| {
        let v = h.state().state.library.view.as_ref().unwrap();
        v.selected_entry().unwrap().refs.clone()
    };
    assert_eq!(refs(&h), ["6.2.C1", "6.2.C2"]);
    // Leaving the field (its row in the list clicked) ends the typing.
    h.get_by(|n| {
        n.role() == Role::Button
            && n.label()
                .is_some_and(|l| l.starts_with("6.2.C1・6.2.C2 扱う"))
    })
    .click();
    h.run();
    // Undo goes to the library (edited last): the typing, then the entries, each one step;
    // back at the start, nothing is modified.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(refs(&h), ["6.2.C1"]);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(entries(&h), 0);
    menu(&mut h, "回答集", "回答集を閉じる");
    assert!(
        h.state().state.library.view.is_none(),
        "nothing to ask about"
    );
}
