//! `kaijisho check`: statements against a hospital's acceptance profile, end to end — matching
//! by number, reference and id, just inside and just outside, gates, two catalogues at once,
//! exit codes, and clear errors for bad profiles.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::{Value, json};

mod common {
    pub mod cli;
}
use common::cli::kaijisho;

fn asset(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn sds() -> PathBuf {
    asset("assets/samples/sds-remote-service-sample.json")
}

fn mds() -> PathBuf {
    asset("assets/samples/mds-checksheet-sample.json")
}

fn write(dir: &Path, name: &str, v: &Value) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, serde_json::to_vec_pretty(v).unwrap()).unwrap();
    p
}

fn statement(from: &Path, edit: impl FnOnce(&mut Value)) -> Value {
    let mut v: Value = serde_json::from_slice(&fs::read(from).unwrap()).unwrap();
    edit(&mut v);
    v
}

fn profile(rules: Value) -> Value {
    json!({
        "format": "kaijisho-profile", "format_version": 1, "name": "テスト病院",
        "default": {"accept": ["はい", "対象外"], "weight": "必須"},
        "rules": rules
    })
}

#[test]
fn the_shipped_profile_passes_the_sample_and_flags_one_no() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = asset("assets/profiles/default.json");
    kaijisho()
        .arg("check")
        .arg(&shipped)
        .arg(sds())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("within the profile"));
    // Just outside: one いいえ on a required item.
    let no = write(
        dir.path(),
        "no.json",
        &statement(&sds(), |v| {
            v["answers"]["q2"]["value"] = "いいえ".into();
            v["answers"]["q2"]["remark"] = "次版で対応".into();
        }),
    );
    kaijisho()
        .arg("check")
        .arg(&shipped)
        .arg(sds())
        .arg(&no)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "(no.json): outside the profile (1 required, 0 recommended) — risk assessment needed",
        ))
        .stdout(predicate::str::contains("[outside・required (必須)] 2 "))
        .stdout(predicate::str::contains("いいえ | 次版で対応"));
}

#[test]
fn rules_by_number_reference_and_id_and_gates() {
    let dir = tempfile::tempdir().unwrap();
    // q2 いいえ is accepted by number, q3 いいえ only 推奨 by reference (6.3), 1.1 いいえ under
    // a closed gate is not judged at all.
    let st = write(
        dir.path(),
        "a.json",
        &statement(&sds(), |v| {
            v["answers"]["q2"]["value"] = "いいえ".into();
            v["answers"]["q3"]["value"] = "いいえ".into();
            v["answers"]["q1.1"]["value"] = "いいえ".into();
        }),
    );
    let p = write(
        dir.path(),
        "p.json",
        &profile(json!([
            {"match": {"number": "2."}, "accept": ["はい", "いいえ"], "note": "別途契約で担保"},
            {"match": {"ref": "6.3"}, "accept": ["はい"], "weight": "推奨"}
        ])),
    );
    kaijisho()
        .arg("check")
        .arg(&p)
        .arg(&st)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "outside the profile (0 required, 1 recommended)",
        ))
        .stdout(predicate::str::contains("[outside・recommended (推奨)] 3 "))
        .stdout(predicate::str::contains(" 2 ").not())
        .stdout(predicate::str::contains("] 1.1 ").not());
    // By id: q3 いいえ accepted → within.
    let p = write(
        dir.path(),
        "p2.json",
        &profile(json!([
            {"match": {"number": "2"}, "accept": ["はい", "いいえ"]},
            {"match": {"id": "q3"}, "accept": ["いいえ"]}
        ])),
    );
    kaijisho().arg("check").arg(&p).arg(&st).assert().code(0);
    // The gate opened: 1.1 いいえ is judged now.
    let open = write(
        dir.path(),
        "open.json",
        &statement(&st, |v| v["answers"]["q1"]["value"] = "該当".into()),
    );
    kaijisho()
        .arg("check")
        .arg(&p)
        .arg(&open)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("] 1.1 "));
}

#[test]
fn statements_of_two_catalogues_at_once_with_reports() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "p.json",
        &profile(json!([
            {"match": {"number": "4.1"}, "catalogue": "mds-seed-checksheet",
             "accept": ["はい", "いいえ", "対象外"], "weight": "推奨"}
        ])),
    );
    let xlsx = dir.path().join("check.xlsx");
    let pdf = dir.path().join("check.pdf");
    let out = kaijisho()
        .arg("check")
        .arg(&p)
        .arg(sds())
        .arg(mds())
        .arg("--xlsx")
        .arg(&xlsx)
        .arg("--pdf")
        .arg(&pdf)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines().filter(|l| !l.starts_with(' ')).count() >= 2,
        "a verdict line per statement: {text}"
    );
    assert!(text.contains("sds-remote-service-sample.json"), "{text}");
    assert!(text.contains("mds-checksheet-sample.json"), "{text}");
    assert!(xlsx.exists() && pdf.exists());
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[test]
fn bad_profiles_get_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    // A rule for a question no statement has.
    let unknown = write(
        dir.path(),
        "unknown.json",
        &profile(json!([{"match": {"number": "9.9"}, "accept": ["はい"]}])),
    );
    kaijisho()
        .arg("check")
        .arg(&unknown)
        .arg(sds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown.json"))
        .stderr(predicate::str::contains(
            "rule 1 (number 9.9) matches no question",
        ));
    // An answer word that is not one.
    let word = write(
        dir.path(),
        "word.json",
        &profile(json!([{"match": {"number": "2"}, "accept": ["たぶん"]}])),
    );
    kaijisho()
        .arg("check")
        .arg(&word)
        .arg(sds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("word.json"))
        .stderr(predicate::str::contains("rules[0].accept[0]"))
        .stderr(predicate::str::contains("たぶん"));
    // Not JSON; not a profile; a statement where the profile should be.
    let broken = dir.path().join("broken.json");
    fs::write(&broken, "{\"format\": \"kaijisho-profile\",").unwrap();
    kaijisho()
        .arg("check")
        .arg(&broken)
        .arg(sds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken.json"))
        .stderr(predicate::str::contains("line 1"));
    kaijisho()
        .arg("check")
        .arg(sds())
        .arg(sds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("acceptance profile"));
    // No rule accepts anything.
    let empty = write(
        dir.path(),
        "empty.json",
        &profile(json!([{"match": {"id": "q2"}, "accept": []}])),
    );
    kaijisho()
        .arg("check")
        .arg(&empty)
        .arg(sds())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rule 1: no answer is accepted"));
}

/// A rule refusing conditional answers (`"conditional": "refuse"`) lists a conditional はい as
/// outside, quoting its condition; the same profile without the field accepts it.
#[test]
fn a_rule_refusing_conditional_answers_lists_a_conditional_yes_with_its_condition() {
    let dir = tempfile::tempdir().unwrap();
    let conditional = write(
        dir.path(),
        "cond.json",
        &statement(&sds(), |v| {
            v["answers"]["q2"]["value"] = "はい".into();
            v["answers"]["q2"]["condition"] = "オプション契約時".into();
        }),
    );
    let accepting = write(dir.path(), "accept.json", &profile(json!([])));
    kaijisho()
        .args(["--lang", "ja", "check"])
        .arg(&accepting)
        .arg(&conditional)
        .assert()
        .code(0);
    let refusing = write(
        dir.path(),
        "refuse.json",
        &profile(json!([
            { "match": { "number": "2" }, "accept": ["はい", "対象外"], "conditional": "refuse" }
        ])),
    );
    kaijisho()
        .args(["--lang", "ja", "check"])
        .arg(&refusing)
        .arg(&conditional)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "はい (条件付き: 「オプション契約時」— この規則は条件付きの回答を認めません)",
        ));
}
