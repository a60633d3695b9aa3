//! `kaijisho library …`: the answer library end to end — built from statements, a statement of
//! another checklist filled from it (proposals marked to re-check, with their entry), and the
//! consistency check with its exit codes; the documented example loads.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use kaijisho::domain::answer::AnswerValue;
use predicates::prelude::*;

mod common {
    pub mod cli;
}
use common::cli::{kaijisho, kaijisho_ja};

/// A sample statement saved as `name`, with `edit` applied.
fn sample(dir: &Path, sample: &str, name: &str, edit: impl FnOnce(&mut kaijisho::domain::Project)) {
    let mut p = kaijisho::assets::sample_project(sample).unwrap();
    edit(&mut p);
    kaijisho::io::save_project(&dir.join(name), &p).unwrap();
}

fn project(path: &Path) -> kaijisho::domain::Project {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_library_is_built_from_two_statements_and_fills_a_third() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample(d, "mds-checksheet-sample", "mds.json", |_| {});
    sample(d, "sds-remote-service-sample", "sds.json", |p| {
        p.answers.get_mut("q3").unwrap().condition = "オプション契約時".into();
    });
    let lib = d.join("lib.json");
    kaijisho_ja()
        .args(["library", "add"])
        .arg(&lib)
        .arg(d.join("mds.json"))
        .arg(d.join("sds.json"))
        .args(["--name", "回答集"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("取り込みました"));
    let (library, _) = kaijisho::io::library::load_library_digest(&lib).unwrap();
    assert_eq!(library.name, "回答集");
    assert!(library.entries.len() >= 10, "{}", library.entries.len());
    assert!(
        library
            .entries
            .iter()
            .any(|e| e.condition == "オプション契約時")
    );
    // Adding the same statement again adds no entry.
    kaijisho()
        .args(["library", "add"])
        .arg(&lib)
        .arg(d.join("sds.json"))
        .assert()
        .code(0);
    let (again, _) = kaijisho::io::library::load_library_digest(&lib).unwrap();
    assert_eq!(again.entries.len(), library.entries.len());
    // A new, empty SDS statement filled from the library.
    kaijisho()
        .args(["new", "--catalogue", "sds-seed-remote-service", "-o"])
        .arg(d.join("new.json"))
        .assert()
        .code(0);
    kaijisho_ja()
        .args(["library", "fill"])
        .arg(d.join("new.json"))
        .arg("--library")
        .arg(&lib)
        .args(["--today", "2026-12-07"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("回答集「回答集」から記入"));
    let filled = project(&d.join("new.json"));
    let q3 = &filled.answers["q3"];
    assert_eq!(q3.value, AnswerValue::Yes);
    assert_eq!(q3.condition, "オプション契約時");
    assert!(q3.recheck, "a filled answer is to be re-checked");
    let origin = q3.carried.as_ref().unwrap().chosen().unwrap();
    assert_eq!(origin.library.as_ref().unwrap().library, "回答集");
    // A workbook is not filled in place; a bad date is refused by name.
    kaijisho_ja()
        .args(["library", "fill", "x.xlsx", "--library"])
        .arg(&lib)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o"));
    kaijisho_ja()
        .args(["library", "fill"])
        .arg(d.join("new.json"))
        .arg("--library")
        .arg(&lib)
        .args(["--today", "12/07"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn check_finds_contradictions_and_over_claims_with_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    sample(d, "sds-remote-service-sample", "a.json", |_| {});
    sample(d, "sds-remote-service-sample", "b.json", |p| {
        p.header.product = "別製品".into();
    });
    // Agreeing statements: exit 0.
    kaijisho_ja()
        .args(["library", "check"])
        .arg(d.join("a.json"))
        .arg(d.join("b.json"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("指摘 0 件"));
    sample(d, "sds-remote-service-sample", "b.json", |p| {
        p.answers.get_mut("q3").unwrap().value = AnswerValue::No;
        let q2 = p.answers.get_mut("q2").unwrap();
        q2.remark = "二要素認証は次期更改までに対応予定".into();
        q2.due_on = "2026-03-31".into();
    });
    kaijisho_ja()
        .args(["library", "check"])
        .arg(d.join("a.json"))
        .arg(d.join("b.json"))
        .args(["--today", "2026-12-07"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("食い違い"))
        .stdout(predicate::str::contains("言い過ぎ"))
        .stdout(predicate::str::contains("期限切れの予定"));
    let out = kaijisho()
        .args(["library", "check", "--format", "json"])
        .arg(d.join("a.json"))
        .arg(d.join("b.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"contradiction"), "{kinds:?}");
    assert!(kinds.contains(&"over_claim"), "{kinds:?}");
    // A library that does not read: exit 2, named.
    fs::write(d.join("bad.json"), "{\"format\": \"kaijisho-library\"").unwrap();
    kaijisho_ja()
        .args(["library", "check"])
        .arg(d.join("a.json"))
        .arg("--library")
        .arg(d.join("bad.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.json"));
    // A statement that does not read is listed and makes exit 1.
    fs::write(d.join("broken.json"), "not json").unwrap();
    kaijisho_ja()
        .args(["library", "check"])
        .arg(d.join("a.json"))
        .arg(d.join("broken.json"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("broken.json"));
}

#[test]
fn the_documented_library_example_loads() {
    let text =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMATS.md")).unwrap();
    let block = text
        .split("```json\n")
        .map(|b| b.split("```").next().unwrap())
        .find(|b| b.contains("kaijisho-library"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.json");
    fs::write(&path, block).unwrap();
    let (lib, _) = kaijisho::io::library::load_library_digest(&path).unwrap();
    assert_eq!(lib.entries.len(), 2);
    assert_eq!(lib.entries[0].condition, "オプション契約時");
    assert!(lib.entries[0].applies_to("電子カルテ Ａシリーズ"));
    assert!(!lib.entries[0].applies_to("PACS"));
}
