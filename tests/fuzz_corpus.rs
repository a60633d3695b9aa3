//! Runs the fuzz targets' seed corpus and every past finding (tests/fuzz/corpus/<target>/ and
//! tests/fuzz/regressions/<target>/) through the same code as the fuzzers, in the ordinary
//! test suite. `KAIJISHO_WRITE_SEEDS=1 cargo test --test fuzz_corpus` regenerates the seeds.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common {
    pub mod fuzzing;
}
use common::fuzzing;

use std::fs;
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz")
}

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for kind in ["corpus", "regressions"] {
        let dir = fuzz_dir().join(kind).join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_file() {
                let bytes = fs::read(&p).unwrap();
                out.push((p, bytes));
            }
        }
    }
    out.sort();
    out
}

fn write_seeds() {
    let seed = |target: &str, name: &str, bytes: &[u8]| {
        let dir = fuzz_dir().join("corpus").join(target);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), bytes).unwrap();
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sample = fs::read(root.join("assets/samples/sds-remote-service-sample.json")).unwrap();
    seed("project_json", "sample.json", &sample);
    for c in ["mds-seed-checksheet", "sds-seed-remote-service"] {
        let bytes = fs::read(root.join(format!("assets/catalogues/{c}.json"))).unwrap();
        seed("project_json", &format!("{c}.json"), &bytes);
    }
    seed(
        "project_json",
        "version0.json",
        r#"{"answers": {"q1": "はい"}}"#.as_bytes(),
    );
    seed("project_json", "deep.json", "[".repeat(200).as_bytes());

    let form = kaijisho::assets::form().unwrap();
    let project = kaijisho::io::json::project_from_bytes(Path::new("s.json"), &sample).unwrap();
    let cats = kaijisho::assets::shipped_catalogues().unwrap();
    let cat = project.catalogue.resolve(&cats).unwrap();
    let xlsx = kaijisho::io::xlsx::statement_xlsx(&cat, &project, &form).unwrap();
    seed("workbook", "sample.xlsx", &xlsx);
    seed("workbook", "sample.parts", &fuzzing::unpack_parts(&xlsx));
    seed("workbook", "not-a-zip.csv", b"name,value\n");

    for (i, r) in [
        "扱う情報のリストを医療機関等に提示できるか?(6.2.C1)",
        "選定基準と情報の取扱い要件を満たすか?(8.3.C2(1)~(9))",
        "パスワード利用回数制限手段は? (6.5.C1(1)~6.5.C1(3))",
        "(6.5.C1,6.5.C2)",
        "(８．３．Ｃ２（１）～（９）)",
        "(8.)",
        "(システム運用編 第10章)",
        "(見出し)",
        "((((",
    ]
    .iter()
    .enumerate()
    {
        seed("refs", &format!("ref{i}.txt"), r.as_bytes());
    }
}

fn run(target: &str, f: fn(&[u8])) {
    if std::env::var_os("KAIJISHO_WRITE_SEEDS").is_some() {
        write_seeds();
    }
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no corpus for {target}");
    for (path, bytes) in inputs {
        let res = std::panic::catch_unwind(|| f(&bytes));
        assert!(res.is_ok(), "{target} panicked on {}", path.display());
    }
}

#[test]
fn project_json_corpus() {
    run("project_json", fuzzing::project_json);
}

#[test]
fn workbook_corpus() {
    run("workbook", fuzzing::workbook);
}

#[test]
fn refs_corpus() {
    run("refs", fuzzing::refs);
}

#[test]
fn parts_round_trip_to_a_readable_workbook() {
    let xlsx = fs::read(fuzz_dir().join("corpus/workbook/sample.xlsx")).unwrap();
    let packed = fuzzing::pack_parts(&fuzzing::unpack_parts(&xlsx)[1..]).unwrap();
    let read = |bytes| {
        kaijisho::io::xlsx::import::import_workbook(
            Path::new("p.xlsx"),
            bytes,
            None,
            kaijisho::assets::import_vocabulary(),
        )
        .unwrap()
    };
    let (a, b) = (read(xlsx), read(packed));
    assert!(!a.project.answers.is_empty());
    assert_eq!(a.project.answers, b.project.answers);
}
