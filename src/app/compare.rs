//! Comparing statements (in the background) and carrying answers forward to a new statement.

use std::path::{Path, PathBuf};

use crate::domain::carry::carry;
use crate::domain::catalogue::Catalogue;
use crate::domain::compare::{Comparison, Side, compare};
use crate::domain::project::Header;
use crate::io::{self, FileError};

use super::doc::Doc;
use super::state::AppState;
use super::tasks::{Outcome, Progress, TaskKind};
use super::view::CompareForm;

/// A statement's label in a comparison: its file name (the whole path when it has none).
pub fn file_label(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Opens the statements in `files` (JSON or workbooks) and compares them: their labels and the
/// table. Used by the window (on a worker thread) and by `kaijisho compare`.
pub fn compare_files(
    files: &[PathBuf],
    shipped: &[Catalogue],
    progress: &Progress,
) -> Result<(Vec<String>, Comparison), FileError> {
    progress.set_total(files.len() + 1);
    let mut opened = Vec::new();
    for f in files {
        opened.push(io::open_statement(f, shipped)?);
        progress.step();
    }
    let sides: Vec<Side<'_>> = opened
        .iter()
        .map(|(p, c)| Side {
            catalogue: c,
            project: p,
        })
        .collect();
    let table = compare(&sides);
    progress.step();
    Ok((files.iter().map(|f| file_label(f)).collect(), table))
}

impl AppState {
    /// Opens the comparison window with the current file (if saved) as the first statement.
    pub(super) fn show_compare(&mut self) {
        if self.view.compare.is_some() {
            return;
        }
        let files = self
            .doc
            .as_ref()
            .and_then(|d| d.path.clone())
            .into_iter()
            .collect();
        self.view.compare = Some(CompareForm {
            files,
            only_differences: true,
            ..CompareForm::default()
        });
    }

    /// Compares the statements in `files` in the background.
    pub(super) fn compare(&mut self, files: Vec<PathBuf>) {
        let Some(first) = files.first().cloned() else {
            return;
        };
        let shipped = self.catalogues.clone();
        self.compare_generation += 1;
        let generation = self.compare_generation;
        self.tasks.spawn(TaskKind::Compare, first, move |progress| {
            Outcome::Compared {
                generation,
                result: compare_files(&files, &shipped, progress),
            }
        });
    }

    /// The open file changed on disk: compares the version on disk with this window's statement
    /// (in the background) and shows the comparison window instead of the question; the next
    /// save asks again.
    pub(super) fn compare_with_disk(&mut self) {
        let (Some(path), Some(d)) = (self.view.disk_conflict.take(), &self.doc) else {
            return;
        };
        self.view.after_save = None;
        let mine = (d.project.clone(), d.catalogue.clone());
        let labels = vec![
            self.loc.ta(
                "disk-conflict-on-disk",
                &[("file", file_label(&path).into())],
            ),
            self.loc.t("disk-conflict-this-window"),
        ];
        let shipped = self.catalogues.clone();
        self.view.compare = Some(CompareForm {
            files: vec![path.clone()],
            only_differences: true,
            ..CompareForm::default()
        });
        self.compare_generation += 1;
        let generation = self.compare_generation;
        self.tasks
            .spawn(TaskKind::Compare, path.clone(), move |progress| {
                progress.set_total(2);
                let result = io::open_statement(&path, &shipped).map(|(p, c)| {
                    progress.step();
                    let sides = [
                        Side {
                            catalogue: &c,
                            project: &p,
                        },
                        Side {
                            catalogue: &mine.1,
                            project: &mine.0,
                        },
                    ];
                    (labels, compare(&sides))
                });
                Outcome::Compared { generation, result }
            });
    }

    /// Starts a new statement on `catalogue` from the open one, answers carried and marked
    /// for re-checking.
    pub(super) fn carry_forward(&mut self, catalogue: &str, now: f64) {
        self.view.carry_to = None;
        let Some(d) = &self.doc else { return };
        let Some(new_c) = self.catalogues.iter().find(|c| c.id == catalogue).cloned() else {
            return;
        };
        let header = Header {
            created: crate::io::clock::today_japanese(),
            ..d.project.header.clone()
        };
        let (p, report) = carry(&d.catalogue, &d.project, &new_c, header, false);
        let mut doc = Doc::new(p, new_c, None);
        doc.dirty = true;
        doc.pending_autosave = Some(now);
        self.doc = Some(doc);
        self.carry_report = Some(report);
    }
}
