//! LibreOffice headless, for the tests that print or convert workbooks with it: skipped (and
//! said) where it is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// `file` converted by LibreOffice to `format` (`pdf`, `xlsx`, …) in `dir/converted`, or `None`
/// (said) when LibreOffice is not installed.
pub fn convert(file: &Path, format: &str, extension: &str) -> Option<PathBuf> {
    let found = Command::new("soffice").arg("--version").output();
    if !found.is_ok_and(|o| o.status.success()) {
        eprintln!("LibreOffice (soffice) is not installed: check skipped");
        return None;
    }
    let dir = file.parent().unwrap();
    // A profile of its own: tests run in parallel, and one profile is one LibreOffice.
    let profile = dir.join("lo-profile");
    let out = dir.join("converted");
    let status = Command::new("soffice")
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
