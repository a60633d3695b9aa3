//! Where files go: the folder a path prompt starts in, the name it suggests, what a typed path
//! means (a bare name lands in that folder, never in the process's working folder; the
//! extension is added when missing), and Save As to a workbook or PDF offering Export instead.

use crate::app::command::Purpose;
use crate::app::documents::ExportFormat;
use crate::app::files::*;
use crate::app::state::AppState;
use crate::domain::project::Header;
use std::path::{Path, PathBuf};

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
    pub(crate) fn prompt_text(&self, purpose: Purpose) -> String {
        if matches!(purpose, Purpose::LocateOriginal | Purpose::ExportInto) {
            return self.export_into_text(purpose);
        }
        if !matches!(
            purpose,
            Purpose::SaveAs | Purpose::ExportPdf | Purpose::ExportXlsx | Purpose::TimestampRequest
        ) {
            return String::new();
        }
        let Some(d) = &self.doc else {
            return String::new();
        };
        let ext = purpose.extensions().first().copied().unwrap_or("json");
        let path = match (&d.path, purpose) {
            // A received statement's Save As is where its review goes.
            (Some(_), Purpose::SaveAs) if d.received.is_some() => d
                .received
                .as_ref()
                .map(|r| r.review_path.clone())
                .unwrap_or_default(),
            (Some(p), Purpose::SaveAs) => p.clone(),
            (Some(p), Purpose::TimestampRequest) => p.with_extension(ext),
            // Beside the statement, unless it was received: an export there would be listed
            // as one more statement.
            (Some(p), Purpose::ExportPdf | Purpose::ExportXlsx)
                if d.received.is_none()
                    && !p.parent().is_some_and(crate::app::files::holds_received) =>
            {
                p.with_extension(ext)
            }
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
                // The original's own extension: a macro-enabled .xlsm stays .xlsm.
                let ext = original
                    .extension()
                    .map_or_else(|| "xlsx".into(), |e| e.to_string_lossy().to_lowercase());
                original.with_file_name(format!("{}.{ext}", safe_file_name(&name)))
            }
            _ => original,
        };
        path.display().to_string()
    }

    /// The path prompt's OK: the path as the user meant it, then what the prompt was for. A
    /// Save As to a workbook or PDF writes no JSON there: it offers the export instead.
    pub(crate) fn prompt_done(&mut self, typed: PathBuf, now: f64) {
        let Some(prompt) = self.view.prompt.take() else {
            return;
        };
        let purpose = prompt.purpose;
        let path = resolve_typed(&typed.to_string_lossy(), &self.settings);
        let path = with_extension(path, purpose);
        // Several files chosen in the browser for a window's list: all of them.
        if let Purpose::AddFile(list) = purpose
            && let Some(files) = prompt.browser.as_ref().and_then(|b| b.chosen_with(&path))
        {
            return self.add_files(list, files);
        }
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
        // A statement with errors is exported only when the user means to (asked until they
        // say not to for this statement).
        let exports = matches!(
            purpose,
            Purpose::ExportPdf | Purpose::ExportXlsx | Purpose::ExportInto
        );
        if let Some(d) = &self.doc
            && exports
            && !d.export_errors_ok
        {
            let (errors, _, _) = crate::domain::validation::counts(&d.findings);
            let errors = errors + d.header_findings.len();
            if errors > 0 {
                self.view.export_warning = Some((purpose, path, errors));
                return;
            }
        }
        self.write_to(purpose, path, now);
    }

    /// The prompt's file to write, once the statement's errors are accepted: an existing file
    /// is replaced only when the user agrees.
    fn write_to(&mut self, purpose: Purpose, path: PathBuf, now: f64) {
        // An existing file is replaced only when the user agrees (its own file is simply saved;
        // an input the command refuses is refused without asking first).
        let own = self.doc.as_ref().and_then(|d| d.path.as_ref()) == Some(&path);
        let input = self
            .inputs_of(purpose)
            .iter()
            .any(|i| *i == path || crate::io::atomic::is_same_file(i, &path));
        if purpose.writes() && path.is_file() && !own && !input {
            self.view.replace_existing = Some((purpose, path));
            return;
        }
        self.apply(purpose.command(path), now);
    }

    /// The files a command for `purpose` reads: an output naming one of them is refused (by
    /// the command, through `refuse_inputs`; the prompt does not ask to replace them first).
    pub(crate) fn inputs_of(&self, purpose: Purpose) -> Vec<PathBuf> {
        let own = || self.doc.iter().filter_map(|d| d.path.clone());
        match purpose {
            Purpose::ExportComparisonXlsx | Purpose::ExportComparisonPdf => {
                self.view.chosen.clone()
            }
            Purpose::ExportCheckXlsx | Purpose::ExportCheckPdf => {
                let mut inputs: Vec<PathBuf> = self
                    .hospital
                    .check_report
                    .iter()
                    .flat_map(|r| r.statements.iter().map(|s| s.path.clone()))
                    .collect();
                inputs.extend(self.hospital.check.iter().filter_map(|f| f.profile.clone()));
                inputs
            }
            Purpose::ExportRegisterXlsx | Purpose::ExportRegisterPdf => self
                .hospital
                .register
                .iter()
                .flat_map(|v| v.lines.iter().map(|l| l.path.clone()))
                .collect(),
            Purpose::ExercisePdf | Purpose::ExerciseXlsx => self
                .exercise
                .iter()
                .flat_map(|v| v.run.files.iter().flatten().chain(v.run.model_file.iter()))
                .cloned()
                .chain(own())
                .collect(),
            Purpose::ExportDossierPdf | Purpose::ExportDossierXlsx => self
                .hospital
                .dossier
                .iter()
                .flat_map(|v| {
                    let entries = v.dossier.sections.iter().flat_map(|s| &s.entries);
                    let files = entries
                        .map(|e| e.file.clone())
                        .chain(v.problems.iter().map(|(f, _)| f.clone()));
                    files
                        .chain([
                            crate::domain::dossier::DOSSIER_FILE.to_string(),
                            crate::domain::register::REGISTER_FILE.to_string(),
                        ])
                        .map(|f| v.folder.join(f))
                        .collect::<Vec<_>>()
                })
                .chain(own())
                .collect(),
            Purpose::ExportInto => own()
                .chain(self.doc.iter().filter_map(|d| d.source_path.clone()))
                .collect(),
            _ => own().collect(),
        }
    }

    /// The answer to "export with errors?": go on (and, with `quiet`, not ask again for this
    /// statement), or stop.
    pub(crate) fn export_warning_done(&mut self, accept: bool, quiet: bool, now: f64) {
        let Some((purpose, path, _)) = self.view.export_warning.take() else {
            return;
        };
        if !accept {
            return;
        }
        if quiet && let Some(d) = &mut self.doc {
            d.export_errors_ok = true;
        }
        self.write_to(purpose, path, now);
    }

    /// The answer to "replace the existing file?".
    pub(crate) fn replace_existing_done(&mut self, accept: bool, now: f64) {
        if let Some((purpose, path)) = self.view.replace_existing.take()
            && accept
        {
            self.apply(purpose.command(path), now);
        }
    }

    /// The answer to "export instead?".
    pub(crate) fn export_offer_done(&mut self, accept: bool) {
        if let Some((path, format)) = self.view.export_offer.take()
            && accept
        {
            self.export(path, format);
        }
    }
}
