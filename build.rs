//! Build information for `kaijisho --version`, and on Windows targets the icon and version
//! resource of `kaijisho.exe`.
//!
//! Nothing here needs the network. The commit comes from `git` when the sources are a
//! checkout, or from `KAIJISHO_BUILD_COMMIT` (e.g. for a source tarball); the date is the
//! commit's date (or `SOURCE_DATE_EPOCH`), so that the same sources give the same binary.

use std::env;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

/// `YYYY-MM-DD` of a Unix time (civil-from-days, proleptic Gregorian).
fn date_of_epoch(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-env-changed=KAIJISHO_BUILD_COMMIT");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // A new commit changes HEAD or the branch it points at.
    for p in [".git/HEAD", ".git/refs/heads", ".git/packed-refs"] {
        if std::path::Path::new(p).exists() {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    let commit = env::var("KAIJISHO_BUILD_COMMIT")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| git(&["rev-parse", "--short=10", "HEAD"]))
        .unwrap_or_else(|| "unknown".into());
    let date = env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .map(date_of_epoch)
        .or_else(|| git(&["log", "-1", "--format=%cs"]))
        .unwrap_or_else(|| "unknown".into());
    let target = env::var("TARGET").unwrap_or_default();
    // PROFILE only says "release" or "debug"; the folder cargo builds into names the profile
    // (`target/[<triple>/]<profile>/build/kaijisho-<hash>/out`), e.g. `dist`.
    let profile = env::var("OUT_DIR")
        .ok()
        .and_then(|out| {
            let p = std::path::PathBuf::from(out);
            let name = p.ancestors().nth(3)?.file_name()?.to_str()?.to_string();
            Some(name)
        })
        .unwrap_or_else(|| env::var("PROFILE").unwrap_or_default());
    println!("cargo:rustc-env=KAIJISHO_BUILD_COMMIT={commit}");
    println!("cargo:rustc-env=KAIJISHO_BUILD_DATE={date}");
    println!("cargo:rustc-env=KAIJISHO_BUILD_TARGET={target}");
    println!("cargo:rustc-env=KAIJISHO_BUILD_PROFILE={profile}");

    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        println!("cargo:rerun-if-changed=assets/icons/kaijisho.ico");
        let mut res = winresource::WindowsResource::new();
        res.set_icon("assets/icons/kaijisho.ico")
            .set("ProductName", "kaijisho (開示書)")
            .set(
                "FileDescription",
                "kaijisho — MDS/SDS 医療情報セキュリティ開示書の作成・確認",
            )
            .set("CompanyName", "kaijisho project")
            .set("LegalCopyright", "kaijisho contributors, MIT OR Apache-2.0")
            .set("Comments", &format!("commit {commit} ({date})"))
            // Japanese (0x0411), the app's first language.
            .set_language(0x0411);
        res.compile()?;
    }
    Ok(())
}
