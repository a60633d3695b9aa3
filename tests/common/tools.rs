//! The programs outside Rust that some tests run: LibreOffice (`soffice`) and poppler
//! (`pdftotext`, `pdffonts`, `pdfinfo`, `pdftoppm`). Every test that needs one asks
//! [`present`] first, so a missing program means the same everywhere:
//!
//! - by default the check is skipped, and the skip is written to the terminal (past the test
//!   harness's capture, so `cargo test` shows it even for a test that passes);
//! - with `KAIJISHO_REQUIRE_TOOLS=1` (as `.ci/run` sets it) the test fails instead, naming the
//!   program and its package.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::Write;
use std::process::Command;
use std::sync::Mutex;

/// The variable that turns a missing program into a failure.
pub const REQUIRE: &str = "KAIJISHO_REQUIRE_TOOLS";

pub const SOFFICE: &str = "soffice";
pub const PDFTOTEXT: &str = "pdftotext";
pub const PDFFONTS: &str = "pdffonts";
pub const PDFINFO: &str = "pdfinfo";
pub const PDFTOPPM: &str = "pdftoppm";
pub const PDFSIG: &str = "pdfsig";

/// The Debian package that brings a program.
pub fn package(tool: &str) -> &'static str {
    match tool {
        SOFFICE => "libreoffice-calc-nogui",
        PDFTOTEXT | PDFFONTS | PDFINFO | PDFTOPPM | PDFSIG => "poppler-utils",
        other => panic!("{other} is not one of the tools the tests know"),
    }
}

/// Whether `tool` runs here (asked once per test binary).
fn runs(tool: &str) -> bool {
    static FOUND: Mutex<BTreeMap<String, bool>> = Mutex::new(BTreeMap::new());
    let mut found = FOUND.lock().unwrap_or_else(|e| e.into_inner());
    *found.entry(tool.to_string()).or_insert_with(|| {
        // poppler's programs print their version with -v; LibreOffice with --version.
        let flag = if tool == SOFFICE { "--version" } else { "-v" };
        Command::new(tool)
            .arg(flag)
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Whether every tool in `tools` is installed. When one is not: fails the test under
/// `KAIJISHO_REQUIRE_TOOLS=1`, else says on the terminal which check is skipped and why, and
/// returns `false` (the caller returns).
pub fn present(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools.iter().copied().filter(|t| !runs(t)).collect();
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    match decide(test, &missing, required()) {
        Ok(None) => true,
        Ok(Some(skipped)) => {
            // Straight to the terminal: the harness captures print!/eprint! of passing tests.
            if let Err(e) = writeln!(std::io::stderr(), "{skipped}") {
                panic!("{skipped}, and that could not be said: {e}");
            }
            false
        }
        Err(failure) => panic!("{failure}"),
    }
}

/// What `test` does when `missing` tools are not installed: go on (`Ok(None)`), skip with
/// this line (`Ok(Some(_))`), or fail with this message (`Err(_)`, when they are `required`).
pub fn decide(test: &str, missing: &[&str], required: bool) -> Result<Option<String>, String> {
    if missing.is_empty() {
        return Ok(None);
    }
    let missing: Vec<String> = missing
        .iter()
        .map(|t| format!("{t} ({})", package(t)))
        .collect();
    let missing = missing.join(", ");
    if required {
        Err(format!(
            "{test}: {missing} not installed, and {REQUIRE}=1 requires it"
        ))
    } else {
        Ok(Some(format!(
            "SKIPPED {test}: {missing} not installed (set {REQUIRE}=1 to fail instead)"
        )))
    }
}

/// Whether a missing tool fails the tests (`KAIJISHO_REQUIRE_TOOLS` set to anything but
/// empty or `0`).
pub fn required() -> bool {
    std::env::var_os(REQUIRE).is_some_and(|v| !v.is_empty() && v != "0")
}

/// Runs an installed tool (checked with [`present`] first) and returns what it printed; its
/// failure fails the test.
pub fn output<S: AsRef<OsStr>>(tool: &str, args: &[S]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} ({}) did not start: {e}", package(tool)));
    assert!(
        out.status.success(),
        "{tool} {:?}: {}",
        args.iter().map(AsRef::as_ref).collect::<Vec<_>>(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
