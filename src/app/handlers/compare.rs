//! Comparing statements, in the background.

use crate::app::compare::*;
use crate::app::document::DocKind;
use crate::app::documents::ExportFormat;
use crate::app::state::AppState;
use crate::app::tasks::{Outcome, TaskKind};
use crate::app::view::CompareForm;
use crate::domain::compare::{RowFilter, Side, compare};
use crate::io::{self};
use std::path::PathBuf;

impl AppState {
    /// Opens the comparison window on the chosen statements, the current file (if saved)
    /// among them.
    pub(crate) fn show_compare(&mut self) {
        if self.view.compare.is_some() {
            return;
        }
        self.choose_open_statement();
        self.view.compare = Some(CompareForm {
            filter: RowFilter {
                only_differences: true,
                ..RowFilter::default()
            },
            ..CompareForm::default()
        });
    }

    /// Writes the comparison shown (the rows the window's filters keep) as a workbook or PDF,
    /// worded here and written in the background.
    pub(crate) fn export_comparison(&mut self, path: PathBuf, format: ExportFormat) {
        let inputs = self.inputs_of(crate::app::command::Purpose::ExportComparisonXlsx);
        if self.refuse_inputs(&path, &inputs) {
            return;
        }
        let Some(view) = &self.comparison else { return };
        let filter = self
            .view
            .compare
            .as_ref()
            .map(|f| f.filter)
            .unwrap_or_default();
        let head = self.report_head(self.loc.t("compare-title"));
        let prepared = prepare_comparison_headed(&self.loc, view, filter, format, head);
        let file = path.clone();
        self.tasks
            .spawn(TaskKind::Export, path, move |_| Outcome::Exported {
                result: write_prepared(&prepared, &file),
                path: file,
            });
    }

    /// Compares the statements in `files` in the background.
    pub(crate) fn compare(&mut self, files: Vec<PathBuf>) {
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
    pub(crate) fn compare_with_disk(&mut self) {
        let Some((DocKind::Statement, path)) = self.view.disk_conflict.clone() else {
            return;
        };
        let Some(d) = &self.doc else { return };
        self.view.disk_conflict = None;
        self.view.after_save = None;
        let mine = (d.project.clone(), d.catalogue.clone());
        let labels = [
            self.loc.ta(
                "disk-conflict-on-disk",
                &[("file", file_label(&path).into())],
            ),
            self.loc.t("disk-conflict-this-window"),
        ];
        let shipped = self.catalogues.clone();
        if !self.view.chosen.contains(&path) {
            self.view.chosen.push(path.clone());
        }
        self.view.compare = Some(CompareForm {
            filter: RowFilter {
                only_differences: true,
                ..RowFilter::default()
            },
            ..CompareForm::default()
        });
        self.compare_generation += 1;
        let generation = self.compare_generation;
        self.tasks
            .spawn(TaskKind::Compare, path.clone(), move |progress| {
                progress.set_total(2);
                let result =
                    io::open_statement(&path, &shipped, crate::assets::import_vocabulary()).map(
                        |(p, c)| {
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
                            ComparisonView {
                                columns: labels
                                    .into_iter()
                                    .map(|t| Column {
                                        title: t.clone(),
                                        file: t,
                                    })
                                    .collect(),
                                identities: vec![
                                    crate::domain::dossier::Identity::of(&c, &p),
                                    crate::domain::dossier::Identity::of(&mine.1, &mine.0),
                                ],
                                table: compare(&sides),
                            }
                        },
                    );
                Outcome::Compared { generation, result }
            });
    }
}
