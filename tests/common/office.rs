//! LibreOffice headless, for the tests that print or convert workbooks with it: skipped (and
//! said) where it is not installed, or failed under `KAIJISHO_REQUIRE_TOOLS=1` (see
//! `tools.rs`, which the test file declares beside this one).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// `file` converted by LibreOffice to `format` (`pdf`, `xlsx`, …) in `dir/converted`, or `None`
/// when LibreOffice is not installed and the tools are not required ([`super::tools::present`]).
pub fn convert(file: &Path, format: &str, extension: &str) -> Option<PathBuf> {
    if !super::tools::present(&[super::tools::SOFFICE]) {
        return None;
    }
    let dir = file.parent().unwrap();
    // A profile of its own: tests run in parallel, and one profile is one LibreOffice.
    let profile = dir.join("lo-profile");
    let out = dir.join("converted");
    let status = Command::new(super::tools::SOFFICE)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(&out)
        .arg(file)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let converted = out
        .join(file.file_stem().unwrap())
        .with_extension(extension);
    assert!(converted.exists(), "LibreOffice wrote nothing: {status:?}");
    Some(converted)
}
