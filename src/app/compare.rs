//! Comparing statements (in the background) and carrying answers forward to a new statement.

use std::path::PathBuf;

use crate::domain::carry::carry;
use crate::domain::compare::{Side, compare};
use crate::domain::project::Header;
use crate::io;

use super::doc::Doc;
use super::state::AppState;
use super::tasks::{Outcome, TaskKind};
use super::view::CompareForm;

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
            progress.set_total(files.len() + 1);
            let mut opened = Vec::new();
            for f in &files {
                match io::open_statement(f, &shipped) {
                    Ok(pc) => opened.push(pc),
                    Err(e) => {
                        return Outcome::Compared {
                            generation,
                            result: Err(e),
                        };
                    }
                }
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
            let labels = files
                .iter()
                .map(|f| {
                    f.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                })
                .collect();
            Outcome::Compared {
                generation,
                result: Ok((labels, table)),
            }
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
