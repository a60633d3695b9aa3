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
    let mut soffice = Command::new(super::tools::SOFFICE);
    if let Some(fonts) = only_the_fonts_ci_installs(dir) {
        soffice.env("FONTCONFIG_FILE", fonts);
    }
    let status = soffice
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

/// The families the print checks are measured with: IPA Gothic (fonts-ipafont-gothic, what CI
/// installs for the form's ＭＳ Ｐゴシック) and DejaVu (LibreOffice's own Latin fallback).
const PRINT_FONTS: [&str; 3] = ["IPAPGothic", "IPAGothic", "DejaVu Sans"];

/// A fontconfig file in `dir` that offers LibreOffice only [`PRINT_FONTS`], so rows wrap as on
/// CI whatever else the machine has (with Noto Sans CJK installed, LibreOffice prints the form's
/// font in it, and its wider glyphs wrap cells differently). `None` (the machine's own fonts)
/// where fontconfig's `fc-list` is missing or none of them is installed.
fn only_the_fonts_ci_installs(dir: &Path) -> Option<PathBuf> {
    let mut dirs = std::collections::BTreeSet::new();
    for family in PRINT_FONTS {
        let listed = Command::new("fc-list")
            .args(["-f", "%{file}\n", family])
            .output()
            .ok()?;
        for file in String::from_utf8_lossy(&listed.stdout).lines() {
            if let Some(parent) = Path::new(file).parent() {
                dirs.insert(parent.display().to_string());
            }
        }
    }
    if dirs.is_empty() {
        return None;
    }
    let entries: String = dirs.iter().map(|d| format!("  <dir>{d}</dir>\n")).collect();
    let conf = dir.join("fonts.conf");
    let cache = dir.join("fontconfig-cache");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n{entries}  <cachedir>{}</cachedir>\n</fontconfig>\n",
            cache.display()
        ),
    )
    .unwrap();
    Some(conf)
}
