//! Where files go: the folder a path prompt starts in, the name it suggests, what a typed path
//! means (a bare name lands in that folder, never in the process's working folder; the
//! extension is added when missing), and Save As to a workbook or PDF offering Export instead.

use std::path::{Path, PathBuf};

use crate::domain::project::Header;

use super::command::Purpose;
use super::documents::ExportFormat;
use super::settings::Settings;
use super::state::AppState;
use super::view::PathPrompt;

impl Purpose {
    /// The file extensions a prompt for this purpose works with, the one added first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Purpose::Open | Purpose::CheckExercise => &["json", "xlsx"],
            Purpose::Import
            | Purpose::ExportXlsx
            | Purpose::ExportComparisonXlsx
            | Purpose::ExportCheckXlsx
            | Purpose::ExportRegisterXlsx
            | Purpose::LocateOriginal
            | Purpose::ExportInto => &["xlsx"],
            Purpose::SaveAs
            | Purpose::ExerciseCopy
            | Purpose::Catalogue
            | Purpose::CheckProfile
            | Purpose::OpenProfile
            | Purpose::SaveProfile => &["json"],
            Purpose::ExportPdf
            | Purpose::ExercisePdf
            | Purpose::ExportComparisonPdf
            | Purpose::ExportCheckPdf
            | Purpose::ExportRegisterPdf => &["pdf"],
            // A folder: the browser lists folders only.
            Purpose::RegisterFolder => &[],
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
                | Purpose::ExportComparisonXlsx
                | Purpose::ExportComparisonPdf
                | Purpose::ExportCheckXlsx
                | Purpose::ExportCheckPdf
                | Purpose::ExportRegisterXlsx
                | Purpose::ExportRegisterPdf
                | Purpose::SaveProfile
                | Purpose::ExportInto
        )
    }

    /// Whether the prompt names a folder (the register of received statements).
    pub fn picks_folder(self) -> bool {
        self == Purpose::RegisterFolder
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
        .filter(|d| d.is_dir())
        .or_else(documents_folder)
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
const KNOWN_EXTENSIONS: [&str; 5] = ["json", "xlsx", "xlsm", "xls", "pdf"];

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
/// spaces one space, and no leading or trailing dots or spaces.
pub fn safe_file_name(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
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

impl AppState {
    /// The file name suggested for a statement: 「<製品名称> <バージョン> 開示書」 and `ext`.
    pub fn suggested_file_name(&self, header: &Header, ext: &str) -> String {
        let stem = self.loc.ta(
            "file-suggested-name",
            &[
                ("product", header.product.trim().to_string().into()),
                ("version", header.version.trim().to_string().into()),
            ],
        );
        let stem = safe_file_name(&stem);
        let stem = if stem.is_empty() {
            self.loc.t("file-untitled")
        } else {
            stem
        };
        format!("{stem}.{ext}")
    }

    /// The path a prompt is pre-filled with: the statement's own file (with the export's
    /// extension), or for a statement never saved the suggested name in the start folder.
    /// Other prompts start empty.
    pub(super) fn prompt_text(&self, purpose: Purpose) -> String {
        if matches!(purpose, Purpose::LocateOriginal | Purpose::ExportInto) {
            return self.export_into_text(purpose);
        }
        if !matches!(
            purpose,
            Purpose::SaveAs | Purpose::ExportPdf | Purpose::ExportXlsx
        ) {
            return String::new();
        }
        let Some(d) = &self.doc else {
            return String::new();
        };
        let ext = purpose.extensions().first().copied().unwrap_or("json");
        let path = match (&d.path, purpose) {
            (Some(p), Purpose::SaveAs) => p.clone(),
            (Some(p), Purpose::ExportPdf | Purpose::ExportXlsx) => p.with_extension(ext),
            _ => {
                let name = self.suggested_file_name(&d.project.header, ext);
                match start_folder(&self.settings) {
                    Some(dir) => dir.join(name),
                    None => PathBuf::from(name),
                }
            }
        };
        path.display().to_string()
    }

    /// The guess for the workbook a statement came from (its recorded name next to the
    /// statement, else in the start folder), or the suggested name of the filled copy
    /// 「<元の名前> 記入済み.xlsx」 beside that workbook.
    fn export_into_text(&self, purpose: Purpose) -> String {
        let Some(d) = &self.doc else {
            return String::new();
        };
        let Some(source) = &d.project.source else {
            return String::new();
        };
        let folder = d
            .path
            .as_ref()
            .and_then(|p| p.parent().map(Path::to_path_buf))
            .or_else(|| start_folder(&self.settings));
        let original = d.source_path.clone().unwrap_or_else(|| {
            folder.map_or_else(
                || PathBuf::from(&source.file_name),
                |f| f.join(&source.file_name),
            )
        });
        let path = match purpose {
            Purpose::ExportInto => {
                let stem = original
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = self
                    .loc
                    .ta("file-filled-name", &[("original", stem.into())]);
                original.with_file_name(format!("{}.xlsx", safe_file_name(&name)))
            }
            _ => original,
        };
        path.display().to_string()
    }

    /// The path prompt's OK: the path as the user meant it, then what the prompt was for. A
    /// Save As to a workbook or PDF writes no JSON there: it offers the export instead.
    pub(super) fn prompt_done(&mut self, typed: PathBuf, now: f64) {
        let Some(prompt) = self.view.prompt.take() else {
            return;
        };
        let purpose = prompt.purpose;
        let path = resolve_typed(&typed.to_string_lossy(), &self.settings);
        let path = with_extension(path, purpose);
        if purpose == Purpose::SaveAs {
            let format = match extension_of(&path).as_str() {
                "xlsx" | "xlsm" | "xls" => Some(ExportFormat::Xlsx),
                "pdf" => Some(ExportFormat::Pdf),
                _ => None,
            };
            if let Some(format) = format {
                // Nothing is saved: what waited for the save does not go on.
                self.view.after_save = None;
                self.view.export_offer = Some((path.with_extension(ext_of(format)), format));
                return;
            }
        }
        self.apply(purpose.command(path), now);
    }

    /// The answer to "export instead?".
    pub(super) fn export_offer_done(&mut self, accept: bool) {
        if let Some((path, format)) = self.view.export_offer.take()
            && accept
        {
            self.export(path, format);
        }
    }
}

fn ext_of(format: ExportFormat) -> &'static str {
    match format {
        ExportFormat::Pdf => "pdf",
        ExportFormat::Xlsx => "xlsx",
    }
}

impl PathPrompt {
    /// A new prompt with its text.
    pub fn new(purpose: Purpose, text: String) -> PathPrompt {
        PathPrompt {
            purpose,
            text,
            browser: None,
        }
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
