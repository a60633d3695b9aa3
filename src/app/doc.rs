//! An open statement: the project, its catalogue, the file it came from, the selection, the
//! findings and the undo history. Every change goes through [`Doc::edit`] (a typed domain
//! [`Edit`], checked first); undo puts back exactly what the edit replaced.

use std::path::PathBuf;

use crate::domain::catalogue::{Catalogue, Question};
use crate::domain::edit::{Edit, Prior, Slot};
use crate::domain::project::{EditError, Project};
use crate::domain::validation::{Finding, HeaderFinding, check_header, validate};

/// Typing into the same field within this many seconds is one undo step.
pub const COALESCE_SECS: f64 = 1.5;

/// One undoable step: the edit and what it replaced.
#[derive(Debug, Clone, PartialEq)]
struct Step {
    edit: Edit,
    prior: Prior,
    at: f64,
}

/// An open statement.
#[derive(Debug, Clone)]
pub struct Doc {
    pub path: Option<PathBuf>,
    pub project: Project,
    pub catalogue: Catalogue,
    pub dirty: bool,
    pub selected: Option<String>,
    pub findings: Vec<Finding>,
    /// What is wrong with the header (names missing, 作成日 not a date).
    pub header_findings: Vec<HeaderFinding>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Time of the last edit not yet written to the recovery file.
    pub pending_autosave: Option<f64>,
    /// The SHA-256 of `path`'s content as this window last read or wrote it: a save first
    /// checks the file still has it, so another program's changes are never overwritten
    /// unasked. `None` when unknown (a new or recovered statement).
    pub on_disk: Option<[u8; 32]>,
    /// Where the workbook the statement was imported from is, once known (imported in this
    /// window, or located by the user for "export into").
    pub source_path: Option<PathBuf>,
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
            dirty: false,
            selected,
            findings,
            header_findings,
            undo: Vec::new(),
            redo: Vec::new(),
            pending_autosave: None,
            source_path: None,
            on_disk: None,
        }
    }

    /// Applies an edit and records it for undo. Typing in one field is one step until the
    /// step is sealed (the field lost focus, another question was chosen), whatever the pauses
    /// and whatever the field's own undo did meanwhile; a field typed back to what it was
    /// leaves no step. Returns whether anything changed.
    pub fn edit(&mut self, edit: Edit, now: f64) -> Result<bool, EditError> {
        let Some(prior) = self.project.apply(&self.catalogue, &edit)? else {
            return Ok(false);
        };
        if let Some(q) = edit.question() {
            self.selected = Some(q.to_string());
        }
        let slot = edit.slot();
        let coalesce = edit.is_text()
            && self
                .undo
                .last()
                .is_some_and(|s| s.edit.is_text() && s.edit.slot() == slot && s.at.is_finite());
        match self.undo.last_mut() {
            // Keep the first step's prior: undo goes back to before the typing began.
            Some(last) if coalesce => {
                last.edit = edit;
                last.at = now;
                if self.project.prior(&slot) == last.prior {
                    self.undo.pop();
                }
            }
            _ => self.undo.push(Step {
                edit,
                prior,
                at: now,
            }),
        }
        self.redo.clear();
        self.changed(now);
        Ok(true)
    }

    /// Ends the current typing step: the next edit of the same field is a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.at = f64::NEG_INFINITY;
        }
    }

    fn changed(&mut self, now: f64) {
        self.findings = validate(&self.catalogue, &self.project);
        self.header_findings = check_header(&self.project.header);
        self.dirty = true;
        self.pending_autosave.get_or_insert(now);
    }

    /// The edit the next undo would take back.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit the next redo would put back.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn undo(&mut self, now: f64) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let slot = step.edit.slot();
        let current = self.project.prior(&slot);
        self.project.restore(step.prior);
        self.select_slot(&slot);
        // Redo re-applies what was there before the undo.
        self.redo.push(Step {
            edit: step.edit,
            prior: current,
            at: f64::NEG_INFINITY,
        });
        self.changed(now);
        true
    }

    pub fn redo(&mut self, now: f64) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let slot = step.edit.slot();
        let current = self.project.prior(&slot);
        self.project.restore(step.prior);
        self.select_slot(&slot);
        // A redone edit never merges with later typing.
        self.undo.push(Step {
            edit: step.edit,
            prior: current,
            at: f64::NEG_INFINITY,
        });
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
        self.seal();
        let ids: Vec<&str> = self.catalogue.questions().map(|q| q.id.as_str()).collect();
        let Some(last) = ids.len().checked_sub(1) else {
            return;
        };
        let cur = self
            .selected
            .as_deref()
            .and_then(|s| ids.iter().position(|i| *i == s))
            .unwrap_or(0);
        let next = cur.saturating_add_signed(delta).min(last);
        self.selected = ids.get(next).map(|s| s.to_string());
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
            None => self.project.header.product.clone(),
        }
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
        assert!(!d.can_undo() && !d.dirty);
    }
}
