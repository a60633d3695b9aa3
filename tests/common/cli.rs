//! The `kaijisho` binary as the CLI tests run it, and the files they start from: one copy for
//! every test file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The binary Cargo built for these tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_kaijisho"))
}

/// The CLI speaking English (the messages most tests match).
pub fn kaijisho() -> Command {
    kaijisho_in("en")
}

/// The CLI speaking Japanese (as on a Japanese PC).
pub fn kaijisho_ja() -> Command {
    kaijisho_in("ja")
}

/// The CLI in `lang` (`ja` or `en`), whatever the machine's locale.
pub fn kaijisho_in(lang: &str) -> Command {
    let mut c = Command::new(bin());
    c.env("KAIJISHO_LANG", lang);
    c
}

/// A file of the repository, by its path from the top.
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The shipped SDS sample statement.
pub fn sample() -> PathBuf {
    repo_file("assets/samples/sds-remote-service-sample.json")
}

/// A JSON file, read.
pub fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}
