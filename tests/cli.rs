//! The CLI end to end: every command, and bad input giving a clear message, a non-zero exit
//! and no panic.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

mod common {
    pub mod cli;
    pub mod synthetic;
}
use common::cli::{kaijisho, read_json, sample};
use common::synthetic;

/// The CLI in English (unless a test passes `--lang ja`), independent of the machine's locale.
/// A new project on the MDS seed catalogue in a temporary folder.
fn new_mds(dir: &Path) -> PathBuf {
    let p = dir.join("mds.json");
    kaijisho()
        .args(["new", "--catalogue", "mds-seed-checksheet", "-o"])
        .arg(&p)
        .args([
            "--vendor",
            "サンプル医療機器株式会社",
            "--product",
            "画像ビューア",
        ])
        .args(["--product-version", "2.0", "--created", "2026年11月22日"])
        .assert()
        .success()
        .stdout(predicate::str::contains("8 questions"));
    p
}

#[test]
fn catalogues_lists_the_shipped_ones() {
    kaijisho()
        .arg("catalogues")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "mds-seed-checksheet\tMDS\t3.0a\t5.0",
        ))
        .stdout(predicate::str::contains(
            "sds-seed-remote-service\tSDS\t4.1\t5.2",
        ))
        .stdout(predicate::str::contains("seed-document excerpt"));
    kaijisho()
        .args(["--lang", "ja", "catalogues"])
        .assert()
        .success()
        .stdout(predicate::str::contains("シード文書の抜粋"));
}

/// What opening the window says where it cannot: no display (the GUI build), or no window at
/// all (the build without the `gui` feature).
const NO_WINDOW: &str = if cfg!(feature = "gui") {
    "cannot open the window"
} else {
    "this build has no window"
};

#[test]
fn no_arguments_opens_the_gui_and_says_so_when_there_is_no_display() {
    kaijisho()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(NO_WINDOW))
        .stderr(predicate::str::contains("panicked").not());
    kaijisho()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("catalogues"))
        .stdout(predicate::str::contains("validate"));
    kaijisho()
        .args(["--lang", "ja", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("開示書を検証します"));
}

/// The commands a batch job runs, end to end on files made here: in the build without the
/// window (`cargo test --no-default-features --test cli`, run by .ci/run) as in the full one.
#[test]
fn validate_export_import_and_compare_run_in_every_build() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.json");
    fs::copy(sample(), &p).unwrap();
    kaijisho()
        .arg("validate")
        .arg(&p)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"));
    let (pdf, xlsx) = (dir.path().join("s.pdf"), dir.path().join("s.xlsx"));
    kaijisho()
        .arg("export")
        .arg(&p)
        .arg("--pdf")
        .arg(&pdf)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert!(fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let back = dir.path().join("back.json");
    kaijisho()
        .arg("import")
        .arg(&xlsx)
        .arg("-o")
        .arg(&back)
        .assert()
        .success();
    assert_eq!(read_json(&back)["answers"], read_json(&p)["answers"]);
    kaijisho()
        .arg("compare")
        .arg(&p)
        .arg(&back)
        .assert()
        .success();
    kaijisho().arg("validate").arg(&back).assert().success();
    // Opening a statement in the window: refused with the reason where there is none.
    kaijisho()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .arg("open")
        .arg(&p)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(NO_WINDOW));
    kaijisho()
        .args(["--lang", "ja", "open"])
        .arg(&p)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(if cfg!(feature = "gui") {
            "画面を開けません"
        } else {
            "このビルドには画面がありません"
        }));
}

/// Only the GUI build has a window to fail to start (the headless one says it has none).
#[cfg(feature = "gui")]
#[test]
fn a_window_that_cannot_start_is_logged_not_only_printed() {
    // A Windows program started from Explorer has no stderr anyone reads: the log (and a
    // message box) must say it.
    let data = tempfile::tempdir().unwrap();
    kaijisho()
        .env("KAIJISHO_DATA_DIR", data.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot open the window"));
    let log = fs::read_to_string(data.path().join("kaijisho.log")).unwrap();
    assert!(
        log.contains("ERROR") && log.contains("cannot open the window"),
        "{log}"
    );
}

#[test]
fn new_creates_an_unanswered_project_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_mds(dir.path());
    let v = read_json(&p);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["header"]["vendor"], "サンプル医療機器株式会社");
    assert_eq!(v["header"]["version"], "2.0");
    assert_eq!(v["catalogue"]["id"], "mds-seed-checksheet");
    assert!(
        v["catalogue"].get("embedded").is_none(),
        "shipped: not embedded"
    );
    let answers = v["answers"].as_object().unwrap();
    assert_eq!(answers.len(), 8);
    assert!(answers.values().all(|a| a["value"] == "未回答"));
    assert_eq!(answers["q4.1"]["options"].as_object().unwrap().len(), 5);

    kaijisho()
        .args(["new", "--catalogue", "mds-seed-checksheet", "-o"])
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    kaijisho()
        .args(["new", "--catalogue", "mds-seed-checksheet", "--force", "-o"])
        .arg(&p)
        .assert()
        .success();
    assert!(dir.path().join("mds.json.bak").exists());
}

#[test]
fn new_defaults_the_date_to_today() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.json");
    kaijisho()
        .args(["new", "--catalogue", "sds-seed-remote-service", "-o"])
        .arg(&p)
        .assert()
        .success();
    let created = read_json(&p)["header"]["created"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        created.ends_with('日') && created.contains('年') && created.contains('月'),
        "{created}"
    );
}

#[test]
fn new_from_a_catalogue_file_embeds_it() {
    let dir = tempfile::tempdir().unwrap();
    let cat = dir.path().join("trainer.json");
    fs::write(
        &cat,
        r#"{"format":"kaijisho-catalogue","format_version":1,"id":"trainer-1",
        "title":"研修用","kind":"SDS","form_version":"研修","guideline_edition":"6.0",
        "provenance":{"type":"project_authored","source":"研修資料"},
        "sections":[{"title":"認証","questions":[
          {"id":"a","number":"1","text":"二要素認証を採用しているか?(システム運用編 14章①)"}]}]}"#,
    )
    .unwrap();
    let p = dir.path().join("p.json");
    kaijisho()
        .args(["new", "--catalogue"])
        .arg(&cat)
        .arg("-o")
        .arg(&p)
        .args(["--vendor", "研修会社", "--product", "演習システム"])
        .assert()
        .success();
    assert_eq!(read_json(&p)["catalogue"]["embedded"]["id"], "trainer-1");
    // The catalogue file is no longer needed to open the project.
    fs::remove_file(&cat).unwrap();
    kaijisho()
        .args(["answer"])
        .arg(&p)
        .args(["1", "yes"])
        .assert()
        .success();
    kaijisho()
        .arg("validate")
        .arg(&p)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"));
}

#[test]
fn new_with_unknown_catalogue_names_the_available_ones() {
    let dir = tempfile::tempdir().unwrap();
    kaijisho()
        .args(["new", "--catalogue", "mds-9.9", "-o"])
        .arg(dir.path().join("x.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mds-9.9"))
        .stderr(predicate::str::contains("sds-seed-remote-service"));
    kaijisho()
        .args(["--lang", "ja", "new", "--catalogue", "mds-9.9", "-o"])
        .arg(dir.path().join("x.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("カタログ「mds-9.9」はありません"));
    assert!(!dir.path().join("x.json").exists());
}

#[test]
fn answer_sets_values_options_and_remarks() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_mds(dir.path());
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args([
            "4. 1. 2.",
            "はい",
            "--remark",
            "ICカード利用時は識別情報を端末に残さない",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("4.1.2 → はい"));
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args(["４．１", "no", "--option", "-生体認証（顔認証）"])
        .assert()
        .success()
        .stdout(predicate::str::contains("4.1 生体認証(顔認証) → いいえ"));
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args([
            "4.1",
            "対象外",
            "--option",
            "3",
            "--remark",
            "-ICカードは使用しない",
        ])
        .assert()
        .success();
    // A question answered per option has no dates: refused, saying so, nothing changed.
    let before = std::fs::read(&p).unwrap();
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args(["4.1", "はい", "--option", "1", "--checked-on", "2026/4/1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("answered per option"));
    assert_eq!(std::fs::read(&p).unwrap(), before);
    let v = read_json(&p);
    assert_eq!(v["answers"]["q4.1.2"]["value"], "はい");
    assert_eq!(
        v["answers"]["q4.1.2"]["remark"],
        "ICカード利用時は識別情報を端末に残さない"
    );
    assert_eq!(
        v["answers"]["q4.1"]["options"]["biometric"]["value"],
        "いいえ"
    );
    assert_eq!(
        v["answers"]["q4.1"]["options"]["crypto-key"]["value"],
        "対象外"
    );
    assert_eq!(
        v["answers"]["q4.1"]["options"]["crypto-key"]["remark"],
        "-ICカードは使用しない"
    );
    // The previous version is kept as .bak.
    let bak = read_json(&dir.path().join("mds.json.bak"));
    assert_eq!(
        bak["answers"]["q4.1"]["options"]["crypto-key"]["value"],
        "未回答"
    );
}

#[test]
fn answer_bad_input_is_refused_and_the_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_mds(dir.path());
    let before = fs::read(&p).unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["9.9", "はい"], "no question number \"9.9\""),
        (&["1", "たぶん"], "\"たぶん\" is not an answer"),
        (&["1", "該当"], "question 1 cannot be answered"),
        (&["4.1", "はい"], "answered per option"),
        (
            &["4.1", "はい", "--option", "虹彩"],
            "has no option \"虹彩\"",
        ),
        (&["2", "はい", "--option", "1"], "has no options"),
    ];
    for (args, message) in cases {
        kaijisho()
            .arg("answer")
            .arg(&p)
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message))
            .stderr(predicate::str::contains("panicked").not());
    }
    assert_eq!(fs::read(&p).unwrap(), before);
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&p)
        .args(["9.9", "はい"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("設問番号「9.9」"))
        .stderr(predicate::str::contains("mds.json"));
}

#[test]
fn validate_exit_codes_and_findings() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_mds(dir.path());
    kaijisho()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error\t4.1.2\tnot answered yet"))
        .stdout(predicate::str::contains(
            "error\t4.1\toption \"記憶ID(パスワード等)\": not answered yet",
        ))
        .stdout(predicate::str::contains("12 errors, 0 warnings"));
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args(["1", "いいえ"])
        .assert()
        .success();
    let out = kaijisho()
        .arg("validate")
        .arg(&p)
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["errors"], 11);
    assert_eq!(report["warnings"], 1);
    let warning = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["severity"] == "warning")
        .unwrap();
    assert_eq!(warning["number"], "1");
    assert_eq!(warning["code"], "remark_missing");
    assert!(warning["message"].as_str().unwrap().contains("remark"));
    kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "警告\t1\t「いいえ」の理由 (備考) がありません",
        ));
}

#[test]
fn the_sample_validates_and_dumps_every_question() {
    kaijisho()
        .arg("validate")
        .arg(sample())
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors"))
        .stdout(predicate::str::contains("illustrative"));
    let out = kaijisho().arg("dump").arg(sample()).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let dump: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        dump["header"]["vendor"],
        "リモートメンテナンス株式会社 (仮称)"
    );
    assert_eq!(
        dump["header"]["product"],
        "電子カルテシステムリモート保守サービス"
    );
    assert_eq!(dump["header"]["version"], "1.1");
    assert_eq!(dump["header"]["created"], "2023年10月4日");
    let qs = dump["questions"].as_array().unwrap();
    let rows: Vec<(&str, &str, &str)> = qs
        .iter()
        .map(|q| {
            (
                q["number"].as_str().unwrap(),
                q["refs"].as_str().unwrap(),
                q["answer"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            ("1", "(8.3)", "非該当"),
            ("1.1", "(8.3.C1(1)~(5))", "対象外"),
            ("1.2", "(8.3.C2(1)~(9))", "対象外"),
            ("2", "(6.2.C1)", "はい"),
            ("3", "(6.3.C1)", "はい"),
        ]
    );
    assert!(qs.iter().all(|q| !q["remark"].as_str().unwrap().is_empty()));
    assert!(qs[3]["remark"].as_str().unwrap().contains("IP-VPN"));
    // Canonical: the same bytes every time.
    let again = kaijisho().arg("dump").arg(sample()).assert().success();
    assert_eq!(again.get_output().stdout, text.as_bytes());
}

#[test]
fn unreadable_files_give_exit_2_and_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.json");
    fs::write(&corrupt, "{\n  \"schema_version\": 1,\n  \"answers\": {\n").unwrap();
    let foreign = dir.path().join("foreign.json");
    fs::write(&foreign, r#"{"name": "not ours"}"#).unwrap();
    let catalogue = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/catalogues/sds-seed-remote-service.json");
    let binary = dir.path().join("binary.json");
    fs::write(&binary, [0xff, 0x00, 0x12]).unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (corrupt.clone(), "line 4, column 0 is not valid JSON"),
        (
            foreign,
            "not a kaijisho project file (it is JSON that is not a kaijisho file)",
        ),
        (catalogue, "(it is a kaijisho catalogue file)"),
        (binary, "is not valid JSON"),
        (dir.path().join("missing.json"), "file not found"),
        (dir.path().to_path_buf(), "is a folder"),
    ];
    for (path, message) in cases {
        for cmd in ["validate", "dump"] {
            kaijisho()
                .arg(cmd)
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(message))
                .stderr(predicate::str::contains(
                    path.file_name().unwrap().to_string_lossy(),
                ))
                .stderr(predicate::str::contains("panicked").not());
        }
        kaijisho()
            .arg("answer")
            .arg(&path)
            .args(["1", "はい"])
            .assert()
            .code(2);
    }
    kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&corrupt)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "4 行 0 列目が JSON として読めません",
        ));
}

/// A `schema_version` that is not a whole number is said to be one, with what was found —
/// not "not a kaijisho file".
#[test]
fn a_schema_version_that_is_not_a_whole_number_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let good = new_mds(dir.path());
    let text = fs::read_to_string(&good).unwrap();
    assert!(text.contains("\"schema_version\": 1,"));
    let cases = [
        ("1.0", "(found 1.0)"),
        ("\"1\"", "(found \"1\")"),
        ("-1", "(found -1)"),
        ("true", "(found true)"),
        ("null", "(found null)"),
        ("18446744073709551616", "(found 1.8446744073709552e19)"),
    ];
    for (value, found) in cases {
        let path = dir.path().join("odd.json");
        fs::write(
            &path,
            text.replacen(
                "\"schema_version\": 1,",
                &format!("\"schema_version\": {value},"),
                1,
            ),
        )
        .unwrap();
        kaijisho()
            .arg("validate")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "schema_version must be a whole number",
            ))
            .stderr(predicate::str::contains(found))
            .stderr(predicate::str::contains("odd.json"));
    }
    let path = dir.path().join("odd.json");
    kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("schema_version は 1 のような整数"));
}

#[test]
fn a_project_never_opens_against_a_changed_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.json");
    let mut v = read_json(&sample());
    v["catalogue"]["hash"] = Value::from("sha256:0000");
    fs::write(&p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    kaijisho()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "has changed since the project was written",
        ));
    v["catalogue"]["id"] = Value::from("gone");
    fs::write(&p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    kaijisho()
        .arg("dump")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("catalogue \"gone\" not found"));
}

#[test]
fn unknown_answer_ids_are_validation_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.json");
    let mut v = read_json(&sample());
    v["answers"]["q99"] = serde_json::json!({"value": "はい", "remark": ""});
    fs::write(&p, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    kaijisho()
        .arg("validate")
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error\tq99\tanswer for question id \"q99\"",
        ));
}

/// The generated 300-question statement saved in `dir`; its dump is far larger than a pipe's
/// buffer (64 KiB on Linux).
fn big_statement(dir: &Path) -> PathBuf {
    let path = dir.join("big.json");
    let c = synthetic::catalogue();
    kaijisho::io::save_project(&path, &synthetic::answered_project(&c)).unwrap();
    path
}

#[test]
fn dump_output_to_a_closed_pipe_is_not_an_error() {
    // `kaijisho dump x | head -c 1`: the reader has what it wanted and closes the pipe while
    // most of the output is still unwritten. That is not an error and not a panic.
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let big = big_statement(dir.path());
    let full = kaijisho().arg("dump").arg(&big).assert().success();
    assert!(
        full.get_output().stdout.len() > 2 * 64 * 1024,
        "the dump must overflow a pipe buffer"
    );
    let mut child = std::process::Command::new(common::cli::bin())
        .env("KAIJISHO_LANG", "en")
        .arg("dump")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout); // the reader closes the pipe after one byte
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "a closed pipe is not reported: {stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[cfg(target_os = "linux")]
#[test]
fn stdout_that_cannot_be_written_is_an_error() {
    // `kaijisho dump x > /dev/full`: the result is lost, so the user is told and the exit code
    // says so.
    use assert_cmd::assert::OutputAssertExt;
    let to_dev_full = |args: &[&str]| {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        std::process::Command::new(common::cli::bin())
            .env("KAIJISHO_LANG", "en")
            .args(args)
            .stdout(full)
            .output()
            .unwrap()
            .assert()
    };
    let sample = sample();
    let sample = sample.to_str().unwrap();
    for (lang, message) in [
        ("en", "cannot write the result to standard output"),
        ("ja", "結果を標準出力に書き込めません"),
    ] {
        to_dev_full(&["--lang", lang, "dump", sample])
            .code(2)
            .stderr(predicate::str::contains(message))
            .stderr(predicate::str::contains("panicked").not());
    }
    to_dev_full(&["validate", sample])
        .code(2)
        .stderr(predicate::str::contains("standard output"));
    to_dev_full(&["--help"])
        .code(2)
        .stderr(predicate::str::contains("standard output"));
}

/// An output that names an input (or another output), a folder, a device or a FIFO is refused
/// before anything is written, and the input is untouched.
#[test]
fn outputs_that_would_destroy_an_input_or_are_not_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = new_mds(dir.path());
    let before = fs::read(&p).unwrap();
    let same_spelled_otherwise = dir.path().join(".").join("mds.json");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec![
            "export".into(),
            p.clone().into(),
            "--xlsx".into(),
            p.clone().into(),
        ],
        vec![
            "export".into(),
            p.clone().into(),
            "--pdf".into(),
            same_spelled_otherwise.into(),
        ],
        vec![
            "compare".into(),
            p.clone().into(),
            sample().into(),
            "--xlsx".into(),
            p.clone().into(),
        ],
        vec![
            "carry".into(),
            p.clone().into(),
            "--catalogue".into(),
            "mds-seed-checksheet".into(),
            "-o".into(),
            p.clone().into(),
            "--force".into(),
        ],
    ];
    for args in cases {
        kaijisho()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is the same file as the input"))
            .stderr(predicate::str::contains("panicked").not());
        assert_eq!(fs::read(&p).unwrap(), before, "{args:?}");
    }
    // The PDF and the workbook into one file.
    let both = dir.path().join("both.out");
    kaijisho()
        .arg("export")
        .arg(&p)
        .arg("--xlsx")
        .arg(&both)
        .arg("--pdf")
        .arg(&both)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("both.out"));
    assert!(!both.exists());
    // Not files: refused up front, with nothing written beside them.
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (out, says) in [
        (PathBuf::from("/dev/null"), "not a regular file"),
        (PathBuf::from("/dev/stdout"), "not a regular file"),
        (fifo.clone(), "not a regular file"),
        (dir.path().to_path_buf(), "is a folder"),
    ] {
        kaijisho()
            .arg("export")
            .arg(&p)
            .arg("--pdf")
            .arg(&out)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains(".bak").not());
    }
    use std::os::unix::fs::FileTypeExt;
    let null = fs::metadata("/dev/null").unwrap().file_type();
    assert!(null.is_char_device(), "/dev/null is still the device");
}

/// File names may be any bytes; text arguments that are not UTF-8 get an error naming them.
#[test]
fn non_utf8_file_names_work_and_non_utf8_text_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe\x83\x81.json");
    let p = dir.path().join(name);
    kaijisho()
        .args(["new", "--catalogue", "sds-seed-remote-service", "-o"])
        .arg(&p)
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args(["1.1", "はい"])
        .assert()
        .success();
    // A remark read from a Shift_JIS file (「あ」 is 0x82 0xA0).
    let sjis = std::ffi::OsStr::from_bytes(b"\x82\xa0");
    let before = fs::read(&p).unwrap();
    kaijisho()
        .arg("answer")
        .arg(&p)
        .args(["1.2", "はい", "--remark"])
        .arg(sjis)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--remark"))
        .stderr(predicate::str::contains("not valid UTF-8"))
        .stderr(predicate::str::contains("panicked").not());
    kaijisho()
        .args([
            "--lang",
            "ja",
            "new",
            "--catalogue",
            "sds-seed-remote-service",
        ])
        .arg("--vendor")
        .arg(sjis)
        .arg("-o")
        .arg(dir.path().join("x.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("引数 --vendor"));
    assert_eq!(fs::read(&p).unwrap(), before);
}

#[test]
fn exercise_new_then_check_counts_and_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.json");
    kaijisho()
        .args(["exercise", "new"])
        .arg(sample())
        .arg("-o")
        .arg(&blank)
        .assert()
        .success()
        .stdout(predicate::str::contains("blank.json"));
    let copy = read_json(&blank);
    let fingerprint = kaijisho()
        .arg("fingerprint")
        .arg(sample())
        .output()
        .unwrap();
    let fingerprint = String::from_utf8(fingerprint.stdout).unwrap();
    let recorded = copy["exercise"]["model"].as_str().unwrap();
    assert!(fingerprint.contains(recorded), "{fingerprint} / {recorded}");
    assert!(
        copy["answers"]
            .as_object()
            .unwrap()
            .values()
            .all(|a| a["value"] == "未回答" && a["remark"] == ""),
        "answers and remarks removed"
    );
    // The copy is not written over without --force.
    kaijisho()
        .args(["exercise", "new"])
        .arg(sample())
        .arg("-o")
        .arg(&blank)
        .assert()
        .code(2);
    // The participant answers 1 as the model (非該当, so 1.1 and 1.2 follow), 2 differently.
    for (n, v) in [("1", "非該当"), ("2", "いいえ")] {
        kaijisho()
            .arg("answer")
            .arg(&blank)
            .args([n, v])
            .assert()
            .success();
    }
    let pdf = dir.path().join("check.pdf");
    kaijisho()
        .args(["exercise", "check"])
        .arg(sample())
        .arg(&blank)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Total: same 3 · different 1 · unanswered 1 / 5 questions",
        ))
        .stdout(predicate::str::contains("2 [different]"))
        .stdout(predicate::str::contains("Model: はい"));
    assert!(fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[test]
fn exercise_check_refuses_bad_input_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.json");
    kaijisho()
        .args(["exercise", "new"])
        .arg(sample())
        .arg("-o")
        .arg(&blank)
        .assert()
        .success();
    // A model of another catalogue.
    let mds = new_mds(dir.path());
    kaijisho()
        .args(["exercise", "check"])
        .arg(&mds)
        .arg(&blank)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("different catalogues"))
        .stderr(predicate::str::contains("panicked").not());
    // A participant's file that is not an exercise copy (the model itself).
    kaijisho()
        .args(["exercise", "check"])
        .arg(&blank)
        .arg(sample())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an exercise copy"))
        .stderr(predicate::str::contains("panicked").not());
    kaijisho()
        .args(["--lang", "ja", "exercise", "check"])
        .arg(sample())
        .arg(sample())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("演習用コピーではありません"));
    // A missing file.
    kaijisho()
        .args(["exercise", "check"])
        .arg(sample())
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json"));
}

/// New files and exports follow the umask (0644 under 022, like any program's); an existing
/// statement keeps its mode (a shared 0664 file stays 0664) and a symlink stays a link.
#[test]
fn modes_follow_the_umask_and_existing_files_keep_theirs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let bin = common::cli::bin();
    let p = dir.path().join("new.json");
    let xlsx = dir.path().join("new.xlsx");
    let script = "umask 022 && \"$0\" new --catalogue sds-seed-remote-service -o \"$1\" && \"$0\" export \"$1\" --xlsx \"$2\" --pdf \"$3\"";
    let pdf = dir.path().join("new.pdf");
    let status = std::process::Command::new("sh")
        .args(["-c", script])
        .arg(&bin)
        .arg(&p)
        .arg(&xlsx)
        .arg(&pdf)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = |f: &Path| fs::metadata(f).unwrap().permissions().mode() & 0o777;
    for f in [&p, &xlsx, &pdf] {
        assert_eq!(mode(f), 0o644, "{}", f.display());
    }
    fs::set_permissions(&p, fs::Permissions::from_mode(0o664)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("new.json", &link).unwrap();
    kaijisho()
        .arg("answer")
        .arg(&link)
        .args(["1.1", "はい"])
        .assert()
        .success();
    assert_eq!(mode(&p), 0o664);
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&p).unwrap().contains("はい"));
}

/// A JSON file with a byte order mark reads; one in UTF-16 or with a key twice is an error
/// that says so, naming the file.
#[test]
fn byte_order_marks_utf16_and_duplicate_keys() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(sample()).unwrap();
    let bom = dir.path().join("bom.json");
    fs::write(&bom, [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap();
    kaijisho().arg("validate").arg(&bom).assert().code(0);
    let utf16 = dir.path().join("utf16.json");
    let mut wide = vec![0xFF, 0xFE];
    wide.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&utf16, wide).unwrap();
    kaijisho()
        .arg("validate")
        .arg(&utf16)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("utf16.json"))
        .stderr(predicate::str::contains("UTF-16"));
    let twice = dir.path().join("twice.json");
    let doubled = text.replacen("\"q2\": {", "\"q1\": {}, \"q2\": {", 1);
    assert_ne!(doubled, text);
    fs::write(&twice, doubled).unwrap();
    kaijisho()
        .arg("validate")
        .arg(&twice)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("twice.json"))
        .stderr(predicate::str::contains("duplicate key \"q1\""));
}

/// A review comment longer than an Excel cell: the export says which file and which question.
#[test]
fn a_review_comment_over_the_cell_limit_names_file_and_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut p: Value = read_json(&sample());
    p["review"] = serde_json::json!({
        "items": { "q2": { "status": "要確認", "comment": "長".repeat(40_000) } }
    });
    let file = dir.path().join("reviewed.json");
    fs::write(&file, serde_json::to_vec_pretty(&p).unwrap()).unwrap();
    let out = dir.path().join("reviewed.xlsx");
    kaijisho()
        .arg("export")
        .arg(&file)
        .arg("--xlsx")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("reviewed.xlsx"))
        .stderr(predicate::str::contains("question 2"))
        .stderr(predicate::str::contains("review comment"));
    assert!(!out.exists());
}

/// `--lang ja`: clap's headings and the errors users meet most in Japanese.
#[test]
fn japanese_help_headings_and_usage_errors() {
    let out = kaijisho()
        .args(["--lang", "ja", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for heading in [
        "使い方: kaijisho",
        "コマンド:",
        "オプション:",
        "この説明を表示します",
    ] {
        assert!(text.contains(heading), "{heading} in\n{text}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "Print this message",
        "possible values",
    ] {
        assert!(!text.contains(english), "{english} in\n{text}");
    }
    let answer = kaijisho()
        .args(["--lang", "ja", "answer", "--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let answer = String::from_utf8(answer).unwrap();
    assert!(answer.contains("引数:") && !answer.contains("Arguments:"));
    let project = answer.find("<PROJECT>  ").unwrap();
    let number = answer.find("<NUMBER>  ").unwrap();
    assert!(project < number, "positionals in their order\n{answer}");
    kaijisho()
        .args(["--lang", "ja", "--bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "「--bogus」という引数は使えません",
        ))
        .stderr(predicate::str::contains("error:").not());
    kaijisho()
        .args(["--lang", "ja", "validate", "x.json", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("「xml」は --format"))
        .stderr(predicate::str::contains("text, json"));
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("必要な引数がありません"));
    // `help <command>` prints that command's help, in Japanese too.
    kaijisho()
        .args(["--lang", "ja", "help", "exercise", "new"])
        .assert()
        .success()
        .stdout(predicate::str::contains("使い方: kaijisho exercise new"));
    kaijisho()
        .args(["--lang", "ja", "help", "nosuch"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "「nosuch」というコマンドはありません",
        ));
    // English stays clap's own.
    kaijisho()
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage:"));
}

/// The header is checked too: the vendor's and the product's names, and 作成日 a date.
#[test]
fn validate_checks_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("h.json");
    kaijisho()
        .args(["new", "--catalogue", "sds-seed-remote-service", "-o"])
        .arg(&p)
        .args(["--created", "あした"])
        .assert()
        .success();
    for (number, value) in [("1", "非該当"), ("2", "はい"), ("3", "はい")] {
        kaijisho()
            .arg("answer")
            .arg(&p)
            .args([number, value])
            .assert()
            .success();
    }
    kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "エラー\t作成日\t作成日が日付として読めません",
        ))
        .stdout(predicate::str::contains(
            "サービス事業者が入力されていません",
        ))
        .stdout(predicate::str::contains("サービス名称が入力されていません"));
    let out = kaijisho()
        .arg("validate")
        .arg(&p)
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(report["errors"], 3, "{report}");
    assert_eq!(report["header"][0]["field"], "created");
    assert_eq!(report["header"][0]["problem"], "not_a_date");
    assert_eq!(report["header"][1]["problem"], "missing");
}
