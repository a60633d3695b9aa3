//! Saves interrupted by SIGKILL at random moments never leave a broken statement, and hostile
//! inputs give clear errors with the old file intact.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;
use std::process::Command as Proc;
use std::time::Duration;

use kaijisho::domain::Project;
use kaijisho::io::json::{load_project, save_project};

mod common {
    pub mod cli;
    pub mod synthetic;
}
use common::synthetic;

/// The generated 300-question statement with long remarks, so a save takes a while.
fn big_project() -> Project {
    synthetic::answered_project(&synthetic::catalogue())
}

#[test]
fn sigkill_during_save_leaves_old_or_new_statement() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    save_project(&path, &big_project()).unwrap();
    let bin = common::cli::bin();
    let runs = std::env::var("KAIJISHO_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200u32);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut killed_mid_way = 0;
    for i in 0..runs {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 40_000);
        let value = if i % 2 == 0 { "いいえ" } else { "はい" };
        let mut child = Proc::new(&bin)
            .arg("answer")
            .arg(&path)
            .args(["1.2", value, "--remark", &format!("run {i}")])
            .env("KAIJISHO_LANG", "en")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        // SIGKILL on Unix; a child that already finished is fine.
        if let Err(e) = child.kill() {
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{e}");
        }
        let status = child.wait().unwrap();
        if !status.success() {
            killed_mid_way += 1;
        }
        // The file is always a complete statement: the old one or the new one.
        let p = load_project(&path).unwrap_or_else(|e| panic!("run {i}: broken file: {e}"));
        assert_eq!(p.answers.len(), 300, "run {i}");
        let bak = kaijisho::io::backup_path(&path);
        if bak.exists() {
            let b = load_project(&bak).unwrap_or_else(|e| panic!("run {i}: broken .bak: {e}"));
            assert_eq!(b.answers.len(), 300);
        }
    }
    assert!(killed_mid_way > 0, "the kill loop never interrupted a run");
    // No temporary files pile up beyond those of killed runs (and the lock file a killed run
    // could not remove; the kernel released its lock), and none is mistaken for data.
    for entry in fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "big.json"
                || name == "big.json.bak"
                || name == ".big.json.lock"
                || name.ends_with(".tmp"),
            "{name}"
        );
    }
    // A lock file left by a killed run does not block the next command.
    let after = Proc::new(&bin)
        .arg("answer")
        .arg(&path)
        .args(["1.2", "はい"])
        .output()
        .unwrap();
    assert!(after.status.success(), "{after:?}");
}

#[test]
fn hostile_inputs_are_clear_errors_and_leave_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let bin = common::cli::bin();
    let run = |args: &[&str], file: &Path| {
        Proc::new(&bin)
            .args(args)
            .arg(file)
            .env("KAIJISHO_LANG", "en")
            .output()
            .unwrap()
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "deep.json",
            format!("{}{}", "[".repeat(50_000), "]".repeat(50_000)).into_bytes(),
        ),
        (
            "utf8.json",
            b"{\"schema_version\": 1, \"answers\": {\"\xff\xfe\": 1}}".to_vec(),
        ),
        ("other-catalogue.json", {
            let mut v: serde_json::Value = serde_json::from_slice(
                &fs::read(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("assets/samples/sds-remote-service-sample.json"),
                )
                .unwrap(),
            )
            .unwrap();
            v["catalogue"]["id"] = "mds-seed-checksheet".into();
            serde_json::to_vec(&v).unwrap()
        }),
    ];
    for (name, bytes) in cases {
        let f = dir.path().join(name);
        fs::write(&f, &bytes).unwrap();
        for args in [&["validate"][..], &["dump"][..], &["answer"][..]] {
            let mut a: Vec<&str> = args.to_vec();
            let out = if a == ["answer"] {
                a.clear();
                Proc::new(&bin)
                    .args(["answer"])
                    .arg(&f)
                    .args(["1", "はい"])
                    .env("KAIJISHO_LANG", "en")
                    .output()
                    .unwrap()
            } else {
                run(&a, &f)
            };
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(name) && !err.contains("panicked"),
                "{name}: {err}"
            );
        }
        assert_eq!(fs::read(&f).unwrap(), bytes, "{name} unchanged");
    }
}

#[cfg(unix)]
#[test]
fn a_failing_save_keeps_the_old_file() {
    // A target whose folder cannot take new files (a file where the folder should be).
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, b"x").unwrap();
    let target = blocker.join("p.json");
    let err = save_project(&target, &big_project()).unwrap_err();
    assert!(err.to_string().contains("p.json"), "{err}");
    // And a save over an existing file whose writer fails leaves the old content.
    let path = dir.path().join("keep.json");
    save_project(&path, &big_project()).unwrap();
    let before = fs::read(&path).unwrap();
    let res = kaijisho::io::atomic_write(&path, |w| {
        w.write_all(b"{ half")?;
        Err(std::io::Error::new(
            std::io::ErrorKind::StorageFull,
            "disk full",
        ))
    });
    assert!(res.is_err());
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// Runs the CLI as an unprivileged user when the tests run as root (root ignores folder
/// permissions): `setpriv` from util-linux, with a copy of the binary the user can reach.
#[cfg(unix)]
fn unprivileged(dir: &Path) -> Proc {
    use std::os::unix::fs::PermissionsExt;
    let bin = common::cli::bin();
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { geteuid() } == 0;
    if !root {
        return Proc::new(bin);
    }
    let copy = dir.join("kaijisho-bin");
    fs::copy(&bin, &copy).unwrap();
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).unwrap();
    // Another test's child forked while the copy was open for writing holds that descriptor
    // until it execs: running the copy then fails with ETXTBSY (26). Wait it out.
    for _ in 0..200 {
        match Proc::new(&copy).arg("--version").output() {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            _ => break,
        }
    }
    let mut p = Proc::new("setpriv");
    p.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(copy);
    p
}

#[cfg(unix)]
unsafe extern "C" {
    fn geteuid() -> u32;
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_a_clear_error_and_the_old_file_stays() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let ro = dir.path().join("read-only");
    fs::create_dir(&ro).unwrap();
    let path = ro.join("statement.json");
    save_project(&path, &big_project()).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let before = fs::read(&path).unwrap();
    // Saving an answer into the read-only folder, and exporting into it.
    let answer = unprivileged(dir.path())
        .arg("answer")
        .arg(&path)
        .args(["1.2", "いいえ"])
        .env("KAIJISHO_LANG", "en")
        .output()
        .unwrap();
    let export = unprivileged(dir.path())
        .arg("export")
        .arg(&path)
        .arg("--pdf")
        .arg(ro.join("statement.pdf"))
        .env("KAIJISHO_LANG", "en")
        .output()
        .unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    for (what, out, name) in [
        ("answer", &answer, "statement.json"),
        ("export", &export, "statement.pdf"),
    ] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{what}: {err}");
        assert!(
            err.contains(name) && err.to_lowercase().contains("permission"),
            "{what}: {err}"
        );
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the statement is unchanged"
    );
    assert!(!ro.join("statement.pdf").exists());
}

/// Two `kaijisho answer` commands on the same file at the same moment, 200 times: both answers
/// are in the file afterwards (each command waits for the other's lock), and both say so.
#[test]
fn concurrent_answers_on_one_file_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.json");
    let bin = common::cli::bin();
    let new = Proc::new(&bin)
        .args(["new", "--catalogue", "sds-seed-remote-service", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(new.status.success(), "{new:?}");
    let runs = std::env::var("KAIJISHO_RACE_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200u32);
    let answer = |number: &str, value: &str, remark: &str| {
        Proc::new(&bin)
            .arg("answer")
            .arg(&path)
            .args([number, value, "--remark", remark])
            .env("KAIJISHO_LANG", "en")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    for i in 0..runs {
        let (a, b) = (format!("a{i}"), format!("b{i}"));
        let (va, vb) = if i % 2 == 0 {
            ("はい", "いいえ")
        } else {
            ("いいえ", "はい")
        };
        let first = answer("1.1", va, &a);
        let second = answer("1.2", vb, &b);
        for (who, child) in [("first", first), ("second", second)] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "run {i}, {who}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let p = load_project(&path).unwrap();
        let c = kaijisho::assets::shipped_catalogues().unwrap();
        let c = p.catalogue.resolve(&c).unwrap();
        let q = |n: &str| c.find_by_number(n).unwrap().id.clone();
        let (q1, q2) = (q("1.1"), q("1.2"));
        assert_eq!(
            p.answers[&q1].remark, a,
            "run {i}: the first answer was lost"
        );
        assert_eq!(
            p.answers[&q2].remark, b,
            "run {i}: the second answer was lost"
        );
        assert_eq!(p.value(&q1).label(), va);
        assert_eq!(p.value(&q2).label(), vb);
    }
    assert!(!dir.path().join(".shared.json.lock").exists());
}
