//! The undo history of any document the user edits (statement, acceptance profile, register):
//! typed edits applied through a checked [`Editable::apply_edit`] that returns what it replaced,
//! so undo puts back exactly that and redo puts the edit back. Every state of the document has a
//! revision number; "modified" is the current revision compared with the saved one, so undoing
//! back to the saved state is not modified (helix's revision history works the same way).
//!
//! Pure: the time of an edit (for typing coalescing) is a parameter, not read from a clock.

use std::fmt::Debug;
use std::sync::atomic::{AtomicU64, Ordering};

/// Revision numbers are handed out once per process, across every history: an approval to
/// let a document go at one revision can never match another document that happens to reach
/// the same count.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(1);

fn fresh_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// A document whose every change is a typed edit.
pub trait Editable {
    /// A change, checked before it changes anything.
    type Edit: Clone + Debug + PartialEq;
    /// What an edit replaced: enough to put it back.
    type Prior: Clone + Debug + PartialEq;
    type Error;
    /// What edits are checked against (the statement's catalogue; `()` when nothing).
    type Context: ?Sized;

    /// Checks the edit, then applies it. `Ok(None)` when it would change nothing.
    fn apply_edit(
        &mut self,
        context: &Self::Context,
        edit: &Self::Edit,
    ) -> Result<Option<Self::Prior>, Self::Error>;

    /// What the part `edit` changes holds now (the prior an undo of it would need).
    fn snapshot(&self, edit: &Self::Edit) -> Self::Prior;

    /// Puts back what an edit replaced.
    fn restore(&mut self, prior: Self::Prior);

    /// Whether `later` continues typing into the same text field as `earlier` (one undo step).
    fn same_typing(earlier: &Self::Edit, later: &Self::Edit) -> bool;
}

/// One undoable step: the edit, what it replaced, and the revisions before and after it.
#[derive(Debug, Clone)]
struct Step<D: Editable> {
    edit: D::Edit,
    prior: D::Prior,
    /// When it was made (`-∞` once sealed: no later typing joins it).
    at: f64,
    before: u64,
    after: u64,
}

/// The undo and redo stacks of one document, and its revisions.
#[derive(Debug, Clone)]
pub struct History<D: Editable> {
    undo: Vec<Step<D>>,
    redo: Vec<Step<D>>,
    /// The revision the document is at (unique in the process: see [`fresh_revision`]).
    revision: u64,
    /// The revision last saved or read; `None` when no state of it is on disk (a recovered or
    /// imported statement).
    saved: Option<u64>,
}

impl<D: Editable> Default for History<D> {
    fn default() -> Self {
        let revision = fresh_revision();
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            revision,
            saved: Some(revision),
        }
    }
}

impl<D: Editable> History<D> {
    /// A history whose document as it is now is saved.
    pub fn new() -> Self {
        Self::default()
    }

    /// A history whose document as it is now is not saved anywhere.
    pub fn unsaved() -> Self {
        History {
            saved: None,
            ..Self::default()
        }
    }

    /// Checks and applies `edit` to `doc`, recording it. Typing into one field is one step
    /// until [`Self::seal`]; a field typed back to what it was leaves no step. Returns whether
    /// anything changed.
    pub fn apply(
        &mut self,
        doc: &mut D,
        context: &D::Context,
        edit: D::Edit,
        now: f64,
    ) -> Result<bool, D::Error> {
        let Some(prior) = doc.apply_edit(context, &edit)? else {
            return Ok(false);
        };
        let before = self.revision;
        let after = fresh_revision();
        let coalesce = self
            .undo
            .last()
            .is_some_and(|s| s.at.is_finite() && D::same_typing(&s.edit, &edit));
        match self.undo.last_mut() {
            // Keep the first step's prior: undo goes back to before the typing began.
            Some(last) if coalesce => {
                if doc.snapshot(&edit) == last.prior {
                    // Typed back to what it was: the document is at that step's revision again.
                    self.revision = last.before;
                    self.undo.pop();
                } else {
                    last.edit = edit;
                    last.at = now;
                    last.after = after;
                    self.revision = after;
                }
            }
            _ => {
                self.undo.push(Step {
                    edit,
                    prior,
                    at: now,
                    before,
                    after,
                });
                self.revision = after;
            }
        }
        self.redo.clear();
        Ok(true)
    }

    /// Ends the current typing step: the next edit of the same field is a new undo step.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.at = f64::NEG_INFINITY;
        }
    }

    /// Takes back the last step. Returns the edit taken back.
    pub fn undo(&mut self, doc: &mut D) -> Option<D::Edit> {
        self.step(doc, true)
    }

    /// Puts back the last step taken back. Returns the edit put back.
    pub fn redo(&mut self, doc: &mut D) -> Option<D::Edit> {
        self.step(doc, false)
    }

    /// Undo (`true`) or redo: moves one step from one stack to the other, putting back what
    /// it replaced, and returns its edit. A step moved never merges with later typing.
    pub fn step(&mut self, doc: &mut D, undo: bool) -> Option<D::Edit> {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let step = from.pop()?;
        let current = doc.snapshot(&step.edit);
        doc.restore(step.prior);
        self.revision = if undo { step.before } else { step.after };
        let edit = step.edit.clone();
        to.push(Step {
            edit: step.edit,
            prior: current,
            at: f64::NEG_INFINITY,
            before: step.before,
            after: step.after,
        });
        Some(edit)
    }

    /// Whether undo (`true`) or redo has a step to take.
    pub fn can_step(&self, undo: bool) -> bool {
        if undo {
            self.can_undo()
        } else {
            self.can_redo()
        }
    }

    /// The edit the next undo would take back.
    pub fn next_undo(&self) -> Option<&D::Edit> {
        self.undo.last().map(|s| &s.edit)
    }

    /// The edit the next redo would put back.
    pub fn next_redo(&self) -> Option<&D::Edit> {
        self.redo.last().map(|s| &s.edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The revision the document is at: equal revisions are equal states.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the document differs from what was last saved or read.
    pub fn modified(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// The document as it is now was saved (or read). Typing on after the save is a new
    /// step, so typing back to the saved text is the saved revision again.
    pub fn mark_saved(&mut self) {
        self.seal();
        self.saved = Some(self.revision);
    }

    /// No state of the document is on disk any more (it is now someone else's file, or a copy
    /// that was never saved): it is modified whatever undo does.
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// A change outside the history (the document replaced by another version): a new revision
    /// that no undo step leads back to, with the steps dropped.
    pub fn replaced(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.revision = fresh_revision();
    }
}

/// The statement: answers, header and review, checked against its catalogue.
impl Editable for super::project::Project {
    type Edit = super::edit::Edit;
    type Prior = super::edit::Prior;
    type Error = super::project::EditError;
    type Context = super::catalogue::Catalogue;

    fn apply_edit(
        &mut self,
        catalogue: &Self::Context,
        edit: &Self::Edit,
    ) -> Result<Option<Self::Prior>, Self::Error> {
        self.apply(catalogue, edit)
    }

    fn snapshot(&self, edit: &Self::Edit) -> Self::Prior {
        self.prior(&edit.slot())
    }

    fn restore(&mut self, prior: Self::Prior) {
        super::project::Project::restore(self, prior);
    }

    fn same_typing(earlier: &Self::Edit, later: &Self::Edit) -> bool {
        earlier.is_text() && later.is_text() && earlier.slot() == later.slot()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of named text fields.
    #[derive(Debug, Clone, Default, PartialEq)]
    struct Fields(std::collections::BTreeMap<String, String>);

    #[derive(Debug, Clone, PartialEq)]
    struct Set(String, String);

    impl Editable for Fields {
        type Edit = Set;
        type Prior = (String, Option<String>);
        type Error = String;
        type Context = ();

        fn apply_edit(&mut self, _: &(), e: &Set) -> Result<Option<Self::Prior>, String> {
            if e.1.len() > 5 {
                return Err("too long".into());
            }
            if self.0.get(&e.0) == Some(&e.1) {
                return Ok(None);
            }
            let prior = self.snapshot(e);
            self.0.insert(e.0.clone(), e.1.clone());
            Ok(Some(prior))
        }

        fn snapshot(&self, e: &Set) -> Self::Prior {
            (e.0.clone(), self.0.get(&e.0).cloned())
        }

        fn restore(&mut self, (k, v): Self::Prior) {
            match v {
                Some(v) => self.0.insert(k, v),
                None => self.0.remove(&k),
            };
        }

        fn same_typing(a: &Set, b: &Set) -> bool {
            a.0 == b.0
        }
    }

    fn set(k: &str, v: &str) -> Set {
        Set(k.into(), v.into())
    }

    #[test]
    fn undo_back_to_the_saved_state_is_not_modified() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::new());
        assert!(!h.modified());
        assert_eq!(h.apply(&mut d, &(), set("a", "1"), 0.0), Ok(true));
        h.seal();
        assert!(h.modified());
        h.mark_saved();
        h.apply(&mut d, &(), set("b", "2"), 1.0).unwrap();
        assert!(h.modified());
        h.undo(&mut d);
        assert!(!h.modified(), "back at the saved revision");
        h.undo(&mut d);
        assert!(h.modified(), "before the saved revision");
        h.redo(&mut d);
        assert!(!h.modified());
        assert_eq!(d.0.get("a").map(String::as_str), Some("1"));
    }

    #[test]
    fn a_new_edit_after_undo_is_a_new_revision_even_when_equal_in_kind() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::new());
        h.apply(&mut d, &(), set("a", "1"), 0.0).unwrap();
        h.mark_saved();
        h.undo(&mut d);
        h.apply(&mut d, &(), set("a", "2"), 5.0).unwrap();
        assert!(h.modified());
        assert!(!h.can_redo());
    }

    #[test]
    fn typing_coalesces_and_typed_back_is_the_old_revision() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::new());
        h.apply(&mut d, &(), set("a", "x"), 0.0).unwrap();
        h.apply(&mut d, &(), set("a", "xy"), 0.5).unwrap();
        assert!(h.modified());
        h.apply(&mut d, &(), set("a", ""), 0.6).unwrap();
        h.apply(&mut d, &(), set("a", "x"), 0.7).unwrap();
        assert_eq!(h.undo.len(), 1, "one step while typing");
        h.undo(&mut d);
        assert_eq!(d.0.get("a"), None);
        assert!(!h.modified());
    }

    #[test]
    fn typing_on_after_a_save_and_back_is_the_saved_revision() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::new());
        h.apply(&mut d, &(), set("a", "x"), 0.0).unwrap();
        h.mark_saved();
        h.apply(&mut d, &(), set("a", "xy"), 0.1).unwrap();
        assert!(h.modified());
        h.apply(&mut d, &(), set("a", "x"), 0.2).unwrap();
        assert!(!h.modified(), "typed back to what was saved");
        h.undo(&mut d);
        assert_eq!(d.0.get("a"), None, "undo goes to before the first step");
    }

    #[test]
    fn two_histories_never_share_a_revision() {
        let (a, b) = (History::<Fields>::new(), History::<Fields>::new());
        assert_ne!(a.revision(), b.revision());
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::new());
        assert!(h.apply(&mut d, &(), set("a", "toolong"), 0.0).is_err());
        assert!(!h.modified() && !h.can_undo() && d.0.is_empty());
    }

    #[test]
    fn unsaved_and_replaced_stay_modified() {
        let (mut d, mut h) = (Fields::default(), History::<Fields>::unsaved());
        assert!(h.modified());
        h.apply(&mut d, &(), set("a", "1"), 0.0).unwrap();
        h.undo(&mut d);
        assert!(h.modified(), "no state of it was ever saved");
        let mut h2 = History::<Fields>::new();
        h2.replaced();
        assert!(h2.modified());
    }
}
