//! Where files go: the folder a path prompt starts in, the name it suggests, what a typed path
//! means (a bare name lands in that folder, never in the process's working folder; the
//! extension is added when missing), and Save As to a workbook or PDF offering Export instead.

use std::path::{Path, PathBuf};

use super::command::Purpose;
use super::documents::ExportFormat;
use super::settings::Settings;

impl Purpose {
    /// The file extensions a prompt for this purpose works with, the one added first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Purpose::Open
            | Purpose::OpenForReview
            | Purpose::AddFile(_)
            | Purpose::CarryCatalogue => &["json", "xlsx"],
            Purpose::Import
            | Purpose::ExportXlsx
            | Purpose::ExerciseXlsx
            | Purpose::ExportComparisonXlsx
            | Purpose::ExportCheckXlsx
            | Purpose::ExportRegisterXlsx
            | Purpose::ExportDossierXlsx
            | Purpose::LocateOriginal
            | Purpose::ExportInto
            | Purpose::ExportChangesXlsx => &["xlsx"],
            Purpose::SaveAs
            | Purpose::ExerciseCopy
            | Purpose::Catalogue
            | Purpose::CheckProfile
            | Purpose::OpenProfile
            | Purpose::SaveProfile
            | Purpose::OpenLibrary
            | Purpose::SaveLibrary => &["json"],
            Purpose::ExportPdf
            | Purpose::ExercisePdf
            | Purpose::ExportComparisonPdf
            | Purpose::ExportCheckPdf
            | Purpose::ExportRegisterPdf
            | Purpose::ExportDossierPdf
            | Purpose::ExportChangesPdf => &["pdf"],
            Purpose::SignCertificate => &["p12", "pfx"],
            Purpose::TimestampRequest => &["tsq"],
            Purpose::TimestampReply => &["tsr"],
            // A folder: the browser lists folders only.
            Purpose::RegisterFolder | Purpose::DossierFolder | Purpose::TrustFolder => &[],
        }
    }

    /// Whether the prompt names a file to write (rather than one to read).
    pub fn writes(self) -> bool {
        matches!(
            self,
            Purpose::SaveAs
                | Purpose::ExportPdf
                | Purpose::ExportXlsx
                | Purpose::ExerciseCopy
                | Purpose::ExercisePdf
                | Purpose::ExerciseXlsx
                | Purpose::ExportComparisonXlsx
                | Purpose::ExportComparisonPdf
                | Purpose::ExportCheckXlsx
                | Purpose::ExportCheckPdf
                | Purpose::ExportRegisterXlsx
                | Purpose::ExportRegisterPdf
                | Purpose::ExportDossierXlsx
                | Purpose::ExportDossierPdf
                | Purpose::SaveProfile
                | Purpose::SaveLibrary
                | Purpose::ExportInto
                | Purpose::TimestampRequest
                | Purpose::ExportChangesPdf
                | Purpose::ExportChangesXlsx
        )
    }

    /// Whether the prompt names a folder (the register of received statements).
    pub fn picks_folder(self) -> bool {
        matches!(
            self,
            Purpose::RegisterFolder | Purpose::DossierFolder | Purpose::TrustFolder
        )
    }
}

/// The user's Documents folder, else the home folder.
pub fn documents_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .filter(|d| d.is_dir())
            .unwrap_or(dirs.home_dir())
            .to_path_buf(),
    )
}

/// The folder a path prompt starts in: the last one used while it still exists, else
/// Documents, else home.
pub fn start_folder(settings: &Settings) -> Option<PathBuf> {
    settings
        .last_folder
        .clone()
        .filter(|d| d.is_dir() && !holds_received(d))
        .or_else(documents_folder)
}

/// Whether `folder` keeps received statements (a register's folder, a dossier's, or the copies
/// kept as received): nothing is suggested to be written there, where the register would list
/// it as one more statement.
pub fn holds_received(folder: &Path) -> bool {
    crate::io::hospital::is_register_folder(folder)
        || folder.join(crate::domain::dossier::DOSSIER_FILE).is_file()
        || folder.ancestors().any(|a| {
            a.file_name()
                .is_some_and(|n| n == crate::domain::dossier::RECEIVED_FOLDER)
        })
}

/// What a typed path means: `~/…` is in the home folder, a relative path is in the folder the
/// prompt started in (never the process's working folder).
pub fn resolve_typed(text: &str, settings: &Settings) -> PathBuf {
    let text = text.trim();
    let home = || directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    let typed = match text.strip_prefix("~/").or(text.strip_prefix("~\\")) {
        Some(rest) => home().map_or_else(|| PathBuf::from(text), |h| h.join(rest)),
        None if text == "~" => home().unwrap_or_else(|| PathBuf::from(text)),
        None => PathBuf::from(text),
    };
    if typed.is_absolute() {
        return typed;
    }
    match start_folder(settings) {
        Some(base) => base.join(typed),
        None => std::path::absolute(&typed).unwrap_or(typed),
    }
}

/// Extensions of the files the app reads or writes; any other (「製品 2.1」 ends in "1") is part
/// of the name.
const KNOWN_EXTENSIONS: [&str; 8] = ["json", "xlsx", "xlsm", "xls", "pdf", "tsq", "tsr", "p7s"];

/// `path` with the purpose's extension added when it has none of the app's.
pub fn with_extension(path: PathBuf, purpose: Purpose) -> PathBuf {
    let known = KNOWN_EXTENSIONS.contains(&extension_of(&path).as_str());
    match purpose.extensions().first() {
        Some(ext) if purpose.writes() && !known && path.file_name().is_some() => {
            let mut name = path.file_name().unwrap_or_default().to_os_string();
            name.push(".");
            name.push(ext);
            path.with_file_name(name)
        }
        _ => path,
    }
}

/// The extension of a path, lower case ("" when it has none).
pub fn extension_of(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A file name made of free text: characters no file system takes become "_", runs of
/// spaces one space, no leading or trailing dots or spaces, and no format characters that
/// draw nothing (a bidi override would make `製品\u{202E}fdp.json` read as another name).
pub fn safe_file_name(text: &str) -> String {
    let mut out = String::new();
    for c in text
        .chars()
        .filter(|c| !crate::domain::text::is_format_char(*c))
    {
        let c = if c.is_control() || "/\\:*?\"<>|".contains(c) {
            '_'
        } else if c.is_whitespace() {
            ' '
        } else {
            c
        };
        if !(c == ' ' && (out.is_empty() || out.ends_with(' '))) {
            out.push(c);
        }
    }
    out.trim_matches([' ', '.']).to_string()
}

pub(crate) fn ext_of(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Xlsx => "xlsx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_becomes_a_file_name() {
        assert_eq!(safe_file_name("  製品/A  1.0 開示書 "), "製品_A 1.0 開示書");
        assert_eq!(safe_file_name(" ..a:b?.. "), "a_b_");
        assert_eq!(safe_file_name("   "), "");
        assert_eq!(safe_file_name("製品\u{202E}fdp\u{200B}"), "製品fdp");
    }

    #[test]
    fn the_extension_is_added_only_when_missing_and_only_for_files_written() {
        let p = |s: &str| PathBuf::from(s);
        assert_eq!(with_extension(p("/d/x"), Purpose::SaveAs), p("/d/x.json"));
        assert_eq!(
            with_extension(p("/d/x.JSON"), Purpose::SaveAs),
            p("/d/x.JSON")
        );
        assert_eq!(with_extension(p("/d/x"), Purpose::ExportPdf), p("/d/x.pdf"));
        assert_eq!(
            with_extension(p("/d/v 1.0"), Purpose::SaveAs),
            p("/d/v 1.0.json")
        );
        assert_eq!(
            with_extension(p("/d/x.pdf"), Purpose::SaveAs),
            p("/d/x.pdf")
        );
        assert_eq!(with_extension(p("/d/x"), Purpose::Open), p("/d/x"));
    }

    #[test]
    fn a_bare_name_lands_in_the_last_folder() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            last_folder: Some(dir.path().to_path_buf()),
            ..Settings::default()
        };
        assert_eq!(
            resolve_typed(" a.json ", &settings),
            dir.path().join("a.json")
        );
        let abs = dir.path().join("b.json");
        assert_eq!(resolve_typed(&abs.display().to_string(), &settings), abs);
    }
}
