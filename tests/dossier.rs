//! `kaijisho dossier FOLDER`: the inspection dossier of a folder of received statements, end
//! to end — exit codes, the summary, the PDF and workbook, copies kept of each version
//! received, notes read from the dossier file, and a statement never written over.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use predicates::prelude::*;

mod common {
    pub mod cli;
}
use common::cli::{kaijisho, kaijisho_ja};

/// `name` in `dir`: the SDS sample by `vendor`, answering question 3 いいえ when `no`.
fn statement(dir: &Path, name: &str, vendor: &str, no: bool) {
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.header.vendor = vendor.into();
    if no {
        p.answers.get_mut("q3").unwrap().value = kaijisho::domain::answer::AnswerValue::No;
    }
    kaijisho::io::save_project(&dir.join(name), &p).unwrap();
}

#[test]
fn a_folder_within_the_profile_passes_and_one_no_needs_a_note() {
    let dir = tempfile::tempdir().unwrap();
    statement(dir.path(), "b.json", "B社", false);
    fs::write(
        dir.path().join("kaijisho-register.json"),
        r#"{"format": "kaijisho-register", "format_version": 1,
            "entries": {"a.json": {"system": "電子カルテ"}, "b.json": {"system": "PACS"}}}"#,
    )
    .unwrap();
    kaijisho_ja()
        .arg("dossier")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("立入検査パック"))
        .stdout(predicate::str::contains("■ PACS"));
    // A second vendor with a いいえ: exit 1, the item listed; the PDF and workbook written.
    statement(dir.path(), "a.json", "A社", true);
    // Written elsewhere: a workbook in the folder would be read as a statement next time.
    let outputs = tempfile::tempdir().unwrap();
    let (pdf, xlsx) = (
        outputs.path().join("out.pdf"),
        outputs.path().join("out.xlsx"),
    );
    kaijisho_ja()
        .args(["dossier", "--organisation", "さくら病院", "--pdf"])
        .arg(&pdf)
        .arg("--xlsx")
        .arg(&xlsx)
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("■ 電子カルテ"))
        .stdout(predicate::str::contains("[基準外・必須] 3 "))
        .stdout(predicate::str::contains("リスク評価のない項目が 1 件"));
    assert!(fs::metadata(&pdf).unwrap().len() > 1000);
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheets = calamine::Reader::sheet_names(&book);
    assert_eq!(sheets, ["総括", "PACS", "電子カルテ"]);
    let range = calamine::Reader::worksheet_range(&mut book, "電子カルテ").unwrap();
    let text: Vec<String> = range.rows().flatten().map(|c| c.to_string()).collect();
    assert!(text.iter().any(|t| t.contains("sha256:")), "{text:?}");
    assert!(text.iter().any(|t| t == "基準外・必須"), "{text:?}");
    // One copy of each statement as received.
    for name in ["a.json", "b.json"] {
        let copies = fs::read_dir(dir.path().join("kaijisho-received").join(name))
            .unwrap()
            .count();
        assert_eq!(copies, 1, "{name}");
    }
    // The note written (as the window writes it): assessed, no longer said to be missing.
    fs::write(
        dir.path().join("kaijisho-dossier.json"),
        r#"{"format": "kaijisho-dossier", "format_version": 1,
            "notes": {"a.json": {"q3": {"assessment": "院内のみ", "due": "2099年3月31日",
                                         "status": "対応中"}}}}"#,
    )
    .unwrap();
    kaijisho_ja()
        .arg("dossier")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("リスク評価のない項目").not());
    // The vendor's file renamed: its note is listed, not lost from sight.
    fs::rename(dir.path().join("a.json"), dir.path().join("a_v2.json")).unwrap();
    kaijisho_ja()
        .arg("dossier")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "フォルダーにない開示書・項目のメモが 1 件",
        ))
        .stdout(predicate::str::contains("a.json q3"));
    fs::rename(dir.path().join("a_v2.json"), dir.path().join("a.json")).unwrap();
    // A newer version of a statement: a second copy, the first kept.
    statement(dir.path(), "a.json", "A社 (改訂)", true);
    kaijisho().arg("dossier").arg(dir.path()).assert().code(1);
    let copies = fs::read_dir(dir.path().join("kaijisho-received/a.json"))
        .unwrap()
        .count();
    assert_eq!(copies, 2);
}

#[test]
fn a_statement_of_the_folder_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    statement(dir.path(), "a.json", "A社", true);
    let before = fs::read(dir.path().join("a.json")).unwrap();
    // However the path is spelled: as given, relative to the folder, through `..`.
    let spelled = dir.path().join("sub").join("..").join("a.json");
    fs::create_dir(dir.path().join("sub")).unwrap();
    for (cwd, folder, out) in [
        (
            dir.path(),
            dir.path().to_path_buf(),
            dir.path().join("a.json"),
        ),
        (
            dir.path(),
            Path::new(".").to_path_buf(),
            Path::new("a.json").to_path_buf(),
        ),
        (dir.path(), dir.path().to_path_buf(), spelled.clone()),
        (
            dir.path(),
            Path::new(".").to_path_buf(),
            dir.path().join("新しい.xlsx"),
        ),
    ] {
        kaijisho()
            .current_dir(cwd)
            .arg("dossier")
            .arg(&folder)
            .arg("--xlsx")
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("folder of received statements"));
    }
    assert_eq!(fs::read(dir.path().join("a.json")).unwrap(), before);
    assert!(!dir.path().join("新しい.xlsx").exists());
    // An empty folder is no pass.
    let empty = tempfile::tempdir().unwrap();
    kaijisho().arg("dossier").arg(empty.path()).assert().code(1);
    // A folder that is not there: exit 2, named.
    kaijisho()
        .arg("dossier")
        .arg(dir.path().join("nowhere"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere"));
}
