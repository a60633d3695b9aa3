//! The inspection dossier (立入検査パック) through the menus, buttons and keys: opened for a
//! folder of received statements, a risk note written for a 「いいえ」 (with the calendar and the
//! state), undone and redone, saved beside the register, printed with the date, page numbers
//! and fingerprints; every version received kept as a copy.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command as Process;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::dossier::RiskStatus;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
    pub mod tools;
}
use common::gui::{H, menu, retype, settle, shows};
use common::tools;

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        organisation: "さくら病院".into(),
        reviewer: "情報システム課 山田".into(),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1400.0, 900.0))
}

/// A register folder: A社 answers question 3 いいえ (電子カルテ), B社 is within (PACS).
fn folder(dir: &Path) {
    let mut a = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    a.header.vendor = "A社".into();
    a.answers.get_mut("q3").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&dir.join("a.json"), &a).unwrap();
    let mut b = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    b.header.vendor = "B社".into();
    kaijisho::io::save_project(&dir.join("b.json"), &b).unwrap();
    std::fs::write(
        dir.join("kaijisho-register.json"),
        r#"{"format": "kaijisho-register", "format_version": 1,
            "entries": {"a.json": {"system": "電子カルテ", "received": "2026年4月10日"},
                        "b.json": {"system": "PACS"}}}"#,
    )
    .unwrap();
}

/// ファイル → 立入検査パック…, the folder typed into the prompt.
fn open_dossier(h: &mut H, folder: &Path) {
    menu(h, "ファイル", "立入検査パック…");
    retype(
        h,
        Role::TextInput,
        "フォルダのパス",
        &folder.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(h);
}

/// Chooses A社's いいえ (question 3) in the dossier's list.
fn choose_no(h: &mut H) {
    h.get_by(|n| {
        n.role() == Role::Button && n.label().is_some_and(|l| l.contains("[基準外・必須] 3 "))
    })
    .click();
    h.run();
}

fn note_status(h: &H) -> Option<RiskStatus> {
    let d = h.state().state.hospital.dossier.as_ref()?;
    d.file().note("a.json", "q3").map(|n| n.status)
}

#[test]
fn a_risk_note_for_a_no_is_written_saved_and_printed() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let mut h = harness(dir.path());
    open_dossier(&mut h, dir.path());
    assert!(
        shows(&h, "立入検査パック 2026年度"),
        "the harness clock's 年度"
    );
    assert!(shows(&h, "2 システム・開示書 2 件"));
    // A copy of each statement as received.
    let copies = std::fs::read_dir(dir.path().join("kaijisho-received/a.json"))
        .unwrap()
        .count();
    assert_eq!(copies, 1);
    // A社's いいえ: choose it, write the assessment, the 期限 by the calendar, 対応中.
    choose_no(&mut h);
    retype(
        &mut h,
        Role::MultilineTextInput,
        "リスク評価",
        "院内ネットワークのみで利用",
    );
    retype(&mut h, Role::TextInput, "担当", "医療情報部");
    h.get_by_label("日付を選ぶ").click();
    h.run();
    h.get_by_label("2026年11月20日").click();
    settle(&mut h);
    h.get_by_role_and_label(Role::RadioButton, "対応中").click();
    settle(&mut h);
    assert_eq!(note_status(&h), Some(RiskStatus::InProgress));
    assert!(shows(&h, "● 立入検査パック"), "modified");
    // The 期限 has passed (the app's today is 2026-11-23): overdue, said on the item.
    assert!(shows(&h, "期限を過ぎた対応が 1 件"));
    // Undo takes the state back, redo puts it back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut h);
    assert_eq!(note_status(&h), Some(RiskStatus::Open));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    settle(&mut h);
    assert_eq!(note_status(&h), Some(RiskStatus::InProgress));
    h.get_by_label("保存").click();
    settle(&mut h);
    assert!(!shows(&h, "● 立入検査パック"));
    let (saved, _) = kaijisho::io::dossier::load_dossier_digest(dir.path()).unwrap();
    let note = saved.note("a.json", "q3").unwrap();
    assert_eq!(note.assessment, "院内ネットワークのみで利用");
    assert_eq!(note.due, "2026年11月20日");
    assert!(note.fingerprint.starts_with("sha256:"));
    // Printed: the PDF through its button.
    let pdf = dir.path().join("立入検査パック.pdf");
    h.get_by_label("PDF に書き出す…").click();
    settle(&mut h);
    retype(
        &mut h,
        Role::TextInput,
        "ファイルのパス",
        &pdf.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(pdf.exists(), "the dossier PDF is written");
    if tools::present(&[tools::PDFTOTEXT]) {
        let out = Process::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        for needle in [
            "院内ネットワークのみで利用",
            "さくら病院",
            "情報システム課 山田",
            "印刷日時: 2026-11-23",
            "sha256:",
            "電子カルテ",
            "PACS",
        ] {
            assert!(text.contains(needle), "{needle} in the PDF:\n{text}");
        }
        // Page numbers on every page (pdftotext may close up their spaces).
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        for page in ["1/3", "2/3", "3/3"] {
            assert!(compact.contains(page), "{page} in the PDF:\n{text}");
        }
    }
    // Closed, then opened again from the register's folder: the note is read back.
    h.get_by_label("Close window").click();
    settle(&mut h);
    assert!(h.state().state.hospital.dossier.is_none());
    open_dossier(&mut h, dir.path());
    assert_eq!(note_status(&h), Some(RiskStatus::InProgress));
    assert!(shows(&h, "評価済 1、期限切れ 1"));
}

#[test]
fn closing_an_edited_dossier_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    folder(dir.path());
    let mut h = harness(dir.path());
    open_dossier(&mut h, dir.path());
    choose_no(&mut h);
    h.get_by_role_and_label(Role::RadioButton, "リスク受容")
        .click();
    settle(&mut h);
    h.get_by_label("Close window").click();
    settle(&mut h);
    assert!(shows(
        &h,
        "立入検査パック (リスク評価の記録)の変更を保存しますか"
    ));
    h.get_by_label("キャンセル").click();
    settle(&mut h);
    assert_eq!(note_status(&h), Some(RiskStatus::Accepted), "kept");
    h.get_by_label("Close window").click();
    settle(&mut h);
    h.get_by_label("保存しない").click();
    settle(&mut h);
    assert!(h.state().state.hospital.dossier.is_none());
    assert!(
        !dir.path().join("kaijisho-dossier.json").exists(),
        "nothing written"
    );
}
