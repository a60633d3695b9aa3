//! An open statement: the project, its catalogue, the file it came from, the selection, the
//! findings and the undo history. Every change goes through [`Doc::edit`] (a typed domain
//! [`Edit`], checked first); undo puts back exactly what the edit replaced.

use std::path::{Path, PathBuf};

use crate::domain::catalogue::{Catalogue, Question};
use crate::domain::edit::{Edit, Slot};
use crate::domain::history::History;
use crate::domain::project::{AnswerDate, EditError, Project};
use crate::domain::validation::{Finding, HeaderFinding, check_header, validate};
use crate::io::{self, FileError};

use super::document::{DocKind, Document};

/// A statement received from a vendor, open for review. Its file is evidence and is never
/// written: the review is saved to a review file (beside it, unless saved elsewhere), which
/// names the statement by file and fingerprint.
#[derive(Debug, Clone)]
pub struct Received {
    /// Where the review is kept.
    pub review_path: PathBuf,
    /// The SHA-256 of the review file as read or written (`None`: none yet).
    pub review_on_disk: Option<[u8; 32]>,
    /// The statement's fingerprint (its canonical form) as read.
    pub fingerprint: String,
    /// The review file read was written for another version of the statement.
    pub other_version: bool,
}

/// A review file as read, with its digest.
pub type ReadReview = Option<(crate::domain::review::ReviewFile, [u8; 32])>;

/// A received workbook read in the background to open for review.
pub struct ReceivedRead {
    pub statement: PathBuf,
    pub review_path: PathBuf,
    pub review: ReadReview,
    pub result: Result<(Project, Catalogue), FileError>,
}

/// An open statement.
#[derive(Debug, Clone)]
pub struct Doc {
    pub path: Option<PathBuf>,
    pub project: Project,
    pub catalogue: Catalogue,
    pub selected: Option<String>,
    pub findings: Vec<Finding>,
    /// What is wrong with the header (names missing, 作成日 not a date).
    pub header_findings: Vec<HeaderFinding>,
    history: History<Project>,
    /// Time of the last edit not yet written to the recovery file.
    pub pending_autosave: Option<f64>,
    /// The SHA-256 of `path`'s content as this window last read or wrote it: a save first
    /// checks the file still has it, so another program's changes are never overwritten
    /// unasked. `None` when unknown (a new or recovered statement).
    pub on_disk: Option<[u8; 32]>,
    /// Where the workbook the statement was imported from is, once known (imported in this
    /// window, or located by the user for "export into").
    pub source_path: Option<PathBuf>,
    /// The user said not to be asked again before exporting this statement with errors.
    pub export_errors_ok: bool,
    /// A received statement open for review (`None`: the user's own statement).
    pub received: Option<Received>,
}

impl Doc {
    pub fn new(project: Project, catalogue: Catalogue, path: Option<PathBuf>) -> Doc {
        let selected = catalogue.questions().next().map(|q| q.id.clone());
        let findings = validate(&catalogue, &project);
        let header_findings = check_header(&project.header);
        Doc {
            path,
            project,
            catalogue,
            selected,
            findings,
            header_findings,
            history: History::new(),
            pending_autosave: None,
            source_path: None,
            export_errors_ok: false,
            on_disk: None,
            received: None,
        }
    }

    /// Opens it as a received statement, reviewed in `review_path` (see [`Received`]); the
    /// review read from there, if any, with its digest, replaces any review the statement
    /// itself holds.
    pub fn received(mut self, review_path: PathBuf, review: ReadReview) -> Doc {
        let fingerprint =
            crate::domain::canonical::Statement::new(&self.catalogue, &self.project).fingerprint();
        let other_version = review.as_ref().is_some_and(|(r, _)| !r.is_of(&fingerprint));
        let review_on_disk = review.as_ref().map(|(_, digest)| *digest);
        if let Some((r, _)) = review {
            self.project.review = r.review;
        }
        self.received = Some(Received {
            review_path,
            review_on_disk,
            fingerprint,
            other_version,
        });
        self
    }

    /// Writes the review of a received statement to `path` (its statement file never).
    fn save_review(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        let Some(r) = &mut self.received else {
            return Ok(());
        };
        let statement = self.path.clone().unwrap_or_default();
        // Never over the statement, nor over any file that is not a review (another vendor's
        // statement, a register): a review is saved under a `….review.json` name.
        if path == statement
            || io::atomic::is_same_file(path, &statement)
            || !io::hospital::is_review_file(path)
        {
            return Err(FileError::Save(io::SaveError::Received {
                path: path.to_path_buf(),
            }));
        }
        let own = r.review_path == path;
        // A review file that was not there when the statement was read, and is now (a
        // colleague's), is another program's change: asked about, never overwritten unread.
        if own && !overwrite && r.review_on_disk.is_none() && path.exists() {
            return Err(FileError::Save(io::SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            }));
        }
        let expected = r.review_on_disk.filter(|_| !overwrite && own);
        let name = io::hospital::statement_name_for(path, &statement);
        let mut file = crate::domain::review::ReviewFile::of(&self.catalogue, &self.project, name);
        // The review stays bound to the statement it was read with.
        file.statement.fingerprint = r.fingerprint.clone();
        let digest = io::hospital::save_review_checked(path, &file, expected)?;
        r.review_path = path.to_path_buf();
        r.review_on_disk = Some(digest);
        // Written for the statement as it is now.
        r.other_version = false;
        self.mark_saved();
        Ok(())
    }

    /// A statement no file holds as it is (imported, recovered, carried forward, new): it counts
    /// as modified until saved, whatever undo does.
    pub fn unsaved(mut self) -> Doc {
        self.history.mark_unsaved();
        self
    }

    /// Whether the statement differs from its file (by revision: undoing back to the saved
    /// state is not modified).
    pub fn modified(&self) -> bool {
        self.history.modified()
    }

    /// The revision the statement is at (equal revisions are equal states).
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// The statement as it is now is in its file.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
        self.pending_autosave = None;
    }

    /// No file holds the statement as it is now (e.g. the file was replaced on disk).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// Applies an edit and records it for undo. Typing in one field is one step until the
    /// step is sealed (the field lost focus, another question was chosen), whatever the pauses
    /// and whatever the field's own undo did meanwhile; a field typed back to what it was
    /// leaves no step. Returns whether anything changed.
    pub fn edit(&mut self, edit: Edit, now: f64) -> Result<bool, EditError> {
        let question = edit.question().map(str::to_string);
        if !self
            .history
            .apply(&mut self.project, &self.catalogue, edit, now)?
        {
            return Ok(false);
        }
        if let Some(q) = question {
            self.selected = Some(q);
        }
        self.changed(now);
        Ok(true)
    }

    /// Ends the current typing step: the next edit of the same field is a new undo step.
    pub fn seal(&mut self) {
        self.history.seal();
    }

    fn changed(&mut self, now: f64) {
        self.findings = validate(&self.catalogue, &self.project);
        self.header_findings = check_header(&self.project.header);
        self.pending_autosave.get_or_insert(now);
    }

    /// The edit the next undo would take back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.history.next_undo()
    }

    /// The edit the next redo would put back.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.history.next_redo()
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn undo(&mut self, now: f64) -> bool {
        self.take(true, now)
    }

    pub fn redo(&mut self, now: f64) -> bool {
        self.take(false, now)
    }

    /// Undo (`true`) or redo, choosing the question the step was on.
    fn take(&mut self, undo: bool, now: f64) -> bool {
        let Some(edit) = self.history.step(&mut self.project, undo) else {
            return false;
        };
        self.select_slot(&edit.slot());
        self.changed(now);
        true
    }

    fn select_slot(&mut self, slot: &Slot) {
        if let Slot::Answer(q) | Slot::ReviewItem(q) = slot {
            self.selected = Some(q.clone());
        }
    }

    /// Chooses a question (ending the typing step of the one left).
    pub fn select(&mut self, question: String) {
        self.seal();
        self.selected = Some(question);
    }

    /// Moves the selection by `delta` questions in catalogue order.
    pub fn step(&mut self, delta: isize) {
        self.step_among(delta, &|_, _| true);
    }

    /// Moves the selection `delta` questions on (back when negative) among those `shown`
    /// accepts — the navigator's list under its filters — counting from where the current
    /// question stands in the catalogue, listed or not (an answered question leaves the
    /// 未回答のみ list, and PageDown goes on from it). Where no listed question lies that way,
    /// the selection stays: it never lands on a question the list does not show.
    pub fn step_among(&mut self, delta: isize, shown: &dyn Fn(&Doc, &Question) -> bool) {
        self.seal();
        let target = {
            let questions: Vec<&Question> = self.catalogue.questions().collect();
            let cur = self
                .selected
                .as_deref()
                .and_then(|s| questions.iter().position(|q| q.id == s));
            let listed = questions
                .iter()
                .enumerate()
                .filter(|(_, q)| shown(self, q))
                .map(|(i, q)| (i, q.id.clone()));
            let steps = delta.unsigned_abs().max(1);
            let found = match cur {
                // Nothing selected yet: the first listed question, either way.
                None => listed.take(1).last(),
                Some(c) if delta >= 0 => listed.filter(|(i, _)| *i > c).take(steps).last(),
                Some(c) => {
                    let before: Vec<(usize, String)> = listed.filter(|(i, _)| *i < c).collect();
                    // The `steps`-th before it, or the first listed when fewer lie before.
                    let at = before.len().saturating_sub(steps);
                    before.into_iter().nth(at)
                }
            };
            found.map(|(_, id)| id)
        };
        if let Some(id) = target {
            self.selected = Some(id);
        }
    }

    /// The dates a question's answer has fields for: those the workbook it was imported from
    /// has columns for (確認日, 目標日), and any date it already holds.
    pub fn answer_dates(&self, question: &str) -> Vec<AnswerDate> {
        let mapping = self.project.source.as_ref().map(|s| &s.mapping);
        let answer = self.project.answer(question);
        AnswerDate::ALL
            .into_iter()
            .filter(|w| {
                let column = mapping.is_some_and(|m| match w {
                    AnswerDate::Checked => m.date_column.is_some(),
                    AnswerDate::Due => m.due_date_column.is_some(),
                });
                column || answer.is_some_and(|a| !a.date(*w).is_empty())
            })
            .collect()
    }

    /// The question the user is on.
    pub fn selected_question(&self) -> Option<&Question> {
        self.catalogue.question(self.selected.as_deref()?)
    }

    /// The name shown in the window title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default(),
            // Not saved yet: the product, else the workbook it was imported from, else
            // nothing (the window then says 開示書).
            None => {
                let product = crate::domain::text::visible(self.project.header.product.trim());
                match &self.project.source {
                    Some(source) if product.is_empty() => source.file_name.clone(),
                    _ => product,
                }
            }
        }
    }
}

impl Document for Doc {
    fn kind(&self) -> DocKind {
        DocKind::Statement
    }

    fn name_id(&self) -> &'static str {
        match self.received {
            Some(_) => "doc-review",
            None => "doc-statement",
        }
    }

    fn path(&self) -> Option<PathBuf> {
        match &self.received {
            Some(r) => Some(r.review_path.clone()),
            None => self.path.clone(),
        }
    }

    fn modified(&self) -> bool {
        Doc::modified(self)
    }

    fn revision(&self) -> u64 {
        Doc::revision(self)
    }

    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        if self.received.is_some() {
            return self.save_review(path, overwrite);
        }
        // Its own file must still be what this window read; another file the user chose.
        let expected = self
            .on_disk
            .filter(|_| !overwrite && self.path.as_deref() == Some(path));
        let digest = io::json::save_project_checked(path, &self.project, expected)?;
        self.on_disk = Some(digest);
        self.path = Some(path.to_path_buf());
        self.mark_saved();
        Ok(())
    }

    fn seal(&mut self) {
        Doc::seal(self);
    }

    fn can_take_step(&self, undo: bool) -> bool {
        self.history.can_step(undo)
    }

    fn take_step(&mut self, undo: bool, now: f64) -> bool {
        self.take(undo, now)
    }

    fn reload(&mut self) -> Result<(), FileError> {
        if let Some(r) = &self.received {
            // The review file again; the statement is as it was read.
            let read = io::hospital::load_review_digest(&r.review_path)?;
            let mut doc = Doc::new(
                self.project.clone(),
                self.catalogue.clone(),
                self.path.clone(),
            )
            .received(r.review_path.clone(), Some(read));
            doc.source_path = self.source_path.take();
            *self = doc;
            return Ok(());
        }
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (p, c, digest) =
            io::json::open_project_digest(&path, std::slice::from_ref(&self.catalogue))?;
        let source_path = self.source_path.take();
        *self = Doc::new(p, c, Some(path));
        self.on_disk = Some(digest);
        self.source_path = source_path;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::{Header, HeaderField};

    fn doc() -> Doc {
        let c = tiny();
        let p = Project::new(&c, Header::default(), false);
        Doc::new(p, c, None)
    }

    #[test]
    fn undo_and_redo_restore_exactly_with_the_recheck_mark() {
        let mut d = doc();
        d.project.answers.get_mut("p").unwrap().recheck = true;
        let start = d.project.clone();
        let e = Edit::Value {
            question: "p".into(),
            option: None,
            value: AnswerValue::No,
        };
        assert_eq!(d.edit(e, 1.0), Ok(true));
        let after = d.project.clone();
        assert!(d.undo(2.0));
        assert_eq!(d.project, start, "the re-check mark is back");
        assert!(d.redo(3.0));
        assert_eq!(d.project, after);
        assert!(d.undo(4.0));
        assert_eq!(d.project, start);
        assert!(!d.modified(), "undone back to the state it was read in");
    }

    #[test]
    fn typing_coalesces_until_sealed() {
        let mut d = doc();
        let h = |t: &str| Edit::Header {
            field: HeaderField::Vendor,
            text: t.into(),
        };
        d.edit(h("あ"), 1.0).unwrap();
        d.edit(h("あい"), 1.5).unwrap();
        d.seal();
        d.edit(h("あいう"), 1.6).unwrap();
        assert!(d.undo(2.0));
        assert_eq!(d.project.header.vendor, "あい");
        assert!(d.undo(2.0));
        assert_eq!(d.project.header.vendor, "");
        assert!(!d.can_undo());
    }

    #[test]
    fn a_field_edit_is_one_step_whatever_the_pauses_and_none_when_typed_back() {
        let mut d = doc();
        let h = |t: &str| Edit::Header {
            field: HeaderField::Vendor,
            text: t.into(),
        };
        d.edit(h("あ"), 1.0).unwrap();
        d.edit(h("あい"), 30.0).unwrap();
        // The field's own undo and redo, minutes later.
        d.edit(h("あ"), 200.0).unwrap();
        d.edit(h("あい"), 300.0).unwrap();
        d.seal();
        assert!(d.undo(400.0));
        assert_eq!(d.project.header.vendor, "");
        assert!(!d.can_undo(), "one step");
        d.edit(h("x"), 500.0).unwrap();
        d.edit(h(""), 501.0).unwrap();
        assert!(!d.can_undo(), "typed back to what it was: no step");
    }

    #[test]
    fn a_refused_edit_records_nothing() {
        let mut d = doc();
        let e = Edit::Value {
            question: "g".into(),
            option: None,
            value: AnswerValue::Yes,
        };
        assert!(d.edit(e, 1.0).is_err());
        assert!(!d.can_undo() && !d.modified());
    }
}
