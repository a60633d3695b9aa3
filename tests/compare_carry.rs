//! `kaijisho compare` and `kaijisho carry` end to end.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;

use predicates::prelude::*;

mod common {
    pub mod cli;
    pub mod tools;
}
use common::cli::{kaijisho, sample};
use common::tools;

#[test]
fn compare_reports_exactly_the_differences() {
    let dir = tempfile::tempdir().unwrap();
    kaijisho()
        .arg("compare")
        .arg(sample())
        .arg(sample())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 differences (5 rows)"));
    // The workbook of the same statement agrees with it.
    let x = dir.path().join("same.xlsx");
    kaijisho()
        .arg("export")
        .arg(sample())
        .arg("--xlsx")
        .arg(&x)
        .assert()
        .success();
    kaijisho()
        .arg("compare")
        .arg(sample())
        .arg(&x)
        .assert()
        .code(0);
    // Change one answer and one remark in a copy of another version.
    let b = dir.path().join("b.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    v["header"]["version"] = "2.0".into();
    fs::write(&b, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    kaijisho()
        .arg("answer")
        .arg(&b)
        .args(["2", "いいえ"])
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&b)
        .args(["3", "はい", "--remark", "責任者は品質保証部長"])
        .assert()
        .success();
    let out = dir.path().join("cmp.xlsx");
    let pdf = dir.path().join("cmp.pdf");
    let assert = kaijisho()
        .arg("compare")
        .arg(sample())
        .arg(&b)
        .arg("--xlsx")
        .arg(&out)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("2 differences (5 rows)"))
        // Statements named by vendor / product / version, their files beside.
        .stdout(predicate::str::contains(
            "2: リモートメンテナンス株式会社 (仮称) / 電子カルテシステムリモート保守サービス / 2.0 (b.json)",
        ))
        .stdout(predicate::str::contains("保守サービス / 2.0: いいえ"))
        .stdout(predicate::str::contains("責任者は品質保証部長"));
    let text = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(!text.contains("\n1 "), "question 1 does not differ: {text}");
    assert!(out.exists() && pdf.exists());
    kaijisho().arg("compare").arg(sample()).assert().code(2);
}

#[test]
fn compare_shows_differences_under_a_gate_with_the_gate_state() {
    let dir = tempfile::tempdir().unwrap();
    // The sample: gate 1 非該当, so 1.1 and 1.2 are 対象外. Another vendor: 1 該当, 1.1 はい.
    // A third: 1 非該当 too, but はい written under it in 1.1.
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    v["header"]["vendor"] = "別会社".into();
    v["answers"]["q1"]["value"] = "該当".into();
    v["answers"]["q1.1"]["value"] = "はい".into();
    v["answers"]["q1.2"]["value"] = "はい".into();
    let open = dir.path().join("open.json");
    fs::write(&open, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    v["header"]["vendor"] = "三社目".into();
    v["answers"]["q1"]["value"] = "非該当".into();
    let hidden = dir.path().join("hidden.json");
    fs::write(&hidden, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let out = kaijisho()
        .arg("compare")
        .arg(sample())
        .arg(&open)
        .arg(&hidden)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let block: String = text
        .split_inclusive('\n')
        .skip_while(|l| !l.starts_with("1.1 "))
        .take(4)
        .collect();
    for line in [
        "  リモートメンテナンス株式会社 (仮称) / 電子カルテシステムリモート保守サービス / 1.1: n/a (1 is does not apply (非該当)) |",
        "  別会社 / 電子カルテシステムリモート保守サービス / 1.1: はい |",
        "  三社目 / 電子カルテシステムリモート保守サービス / 1.1: n/a (1 is does not apply (非該当); written: はい) |",
    ] {
        assert!(block.contains(line), "{line} in {block}");
    }
    assert!(text.contains("3 differences (5 rows)"), "{text}");
}

#[test]
fn carry_on_the_same_catalogue_marks_answers_for_recheck() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("next.json");
    kaijisho()
        .arg("carry")
        .arg(sample())
        .args(["--catalogue", "sds-seed-remote-service", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "5 carried, 0 changed, 0 with candidates, 0 new, 0 without counterpart",
        ));
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["answers"]["q2"]["value"], "はい");
    assert_eq!(v["answers"]["q2"]["recheck"], true);
    assert_eq!(v["header"]["vendor"], "リモートメンテナンス株式会社 (仮称)");
    kaijisho()
        .arg("validate")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("carried forward"));
    // Answering confirms.
    kaijisho()
        .arg("answer")
        .arg(&out)
        .args(["2", "はい"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert!(v["answers"]["q2"].get("recheck").is_none());
}

#[test]
fn carry_between_the_seed_catalogues_reports_unmatched_and_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mds.json");
    kaijisho()
        .arg("carry")
        .arg(sample())
        .args(["--catalogue", "mds-seed-checksheet", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 carried, 0 changed, 1 with candidates, 7 new, 5 without counterpart",
        ));
    kaijisho()
        .arg("carry")
        .arg(sample())
        .args(["--catalogue", "nope", "-o"])
        .arg(&out)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no catalogue \"nope\""));
}

#[test]
fn review_reports_carry_every_comment() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("review.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    let comments = [
        ("q1", "確認済", "外部保存なしを契約書で確認"),
        ("q2", "要対応", "一覧の様式を提出してもらう"),
        ("q3", "要確認", "責任者の氏名を確認"),
    ];
    let mut items = serde_json::Map::new();
    for (q, st, c) in comments {
        items.insert(q.into(), serde_json::json!({"status": st, "comment": c}));
    }
    v["review"] = serde_json::json!({"reviewer": "○○病院 医療情報室", "date": "2026年11月22日", "items": items});
    fs::write(&json, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let pdf = dir.path().join("review.pdf");
    let xlsx = dir.path().join("review.xlsx");
    kaijisho()
        .arg("export")
        .arg(&json)
        .arg("--pdf")
        .arg(&pdf)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    // The PDF read back with poppler, where it is installed.
    if tools::present(&[tools::PDFTOTEXT]) {
        let text: String = tools::output(tools::PDFTOTEXT, &["-raw", pdf.to_str().unwrap(), "-"])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert!(text.contains("○○病院医療情報室"));
        for (_, st, c) in comments {
            assert!(text.contains(c), "PDF lacks {c}");
            assert!(text.contains(st));
        }
    }
    let mut x: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = x.worksheet_range("レビュー").unwrap();
    let cells: Vec<String> = range
        .used_cells()
        .filter_map(|(_, _, d)| match d {
            Data::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    for (_, st, c) in comments {
        assert!(cells.iter().any(|s| s == c), "xlsx lacks {c}");
        assert!(cells.iter().any(|s| s == st));
    }
    // The review survives the workbook round trip, and the vendor's statement is unchanged.
    let a = kaijisho().arg("dump").arg(sample()).assert().success();
    let b = kaijisho().arg("dump").arg(&xlsx).assert().success();
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
    let back = dir.path().join("back.json");
    kaijisho()
        .arg("import")
        .arg(&xlsx)
        .arg("-o")
        .arg(&back)
        .assert()
        .success();
    let bv: serde_json::Value = serde_json::from_slice(&fs::read(&back).unwrap()).unwrap();
    assert_eq!(bv["review"], v["review"]);
}
