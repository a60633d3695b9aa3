//! The documents a user edits in the window — the statement, the acceptance profile and the
//! register — seen alike: where each is kept, whether it is modified (by revision), saving it
//! (never over another program's changes unasked) and reading it again. Whatever closes or
//! replaces a document asks about it first (see [`super::dialogs`]); zed's `workspace::Item`
//! works the same way.

use std::path::{Path, PathBuf};

use crate::io::FileError;

/// Which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocKind {
    Statement,
    Profile,
    Register,
    /// The inspection dossier's risk notes.
    Dossier,
    /// The answer library (回答集).
    Library,
}

impl DocKind {
    /// Every kind, in the order Quit asks about them.
    pub const ALL: [DocKind; 5] = [
        DocKind::Statement,
        DocKind::Profile,
        DocKind::Register,
        DocKind::Dossier,
        DocKind::Library,
    ];

    /// The message id naming the document in "save the changes to …?".
    pub fn name_id(self) -> &'static str {
        match self {
            DocKind::Statement => "doc-statement",
            DocKind::Profile => "doc-profile",
            DocKind::Register => "doc-register",
            DocKind::Dossier => "doc-dossier",
            DocKind::Library => "doc-library",
        }
    }

    /// The path prompt that asks where to save it, for a document without a file (the
    /// register is always kept in its folder).
    pub fn save_as(self) -> Option<super::command::Purpose> {
        match self {
            DocKind::Statement => Some(super::command::Purpose::SaveAs),
            DocKind::Profile => Some(super::command::Purpose::SaveProfile),
            DocKind::Library => Some(super::command::Purpose::SaveLibrary),
            DocKind::Register | DocKind::Dossier => None,
        }
    }
}

/// A document the user edits.
pub trait Document {
    fn kind(&self) -> DocKind;

    /// The message id naming it in "save the changes to …?" (its kind's, unless it says).
    fn name_id(&self) -> &'static str {
        self.kind().name_id()
    }

    /// The file it is kept in, once it has one.
    fn path(&self) -> Option<PathBuf>;

    /// Whether it differs from its file (undoing back to the saved state is not modified).
    fn modified(&self) -> bool;

    /// The revision it is at: the same revision is the same state.
    fn revision(&self) -> u64;

    /// Writes it to `path` atomically. Its own file is written only while it still holds what
    /// was read (else [`crate::io::SaveError::ChangedOnDisk`] and nothing is written), unless
    /// `overwrite`. Marks it saved.
    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError>;

    /// Reads its file again, dropping the changes (asked about before).
    fn reload(&mut self) -> Result<(), FileError>;

    /// Ends the current typing step (a text field lost focus).
    fn seal(&mut self);

    /// Whether undo (`true`) or redo has a step to take.
    fn can_take_step(&self, undo: bool) -> bool;

    /// Takes back (`true`) or puts back the next step; whether one was taken.
    fn take_step(&mut self, undo: bool, now: f64) -> bool;
}

/// Approval to let a document go as it is at one revision: carried with the command that
/// asked, so a later edit is asked about again.
pub type Approval = (DocKind, u64);

/// A command waiting for "save the changes to this document?".
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub command: super::command::Command,
    /// The document asked about, and the revision it was at when asked: 保存しない lets that
    /// state go, not an edit made while the question was up.
    pub kind: DocKind,
    pub revision: u64,
    /// Documents already let go (保存しない), at the revision they were at.
    pub approved: Vec<Approval>,
}

/// The methods of [`Document`] that every document kept with one `History` answers alike:
/// modified and revision by the history, sealing the typing, and whether undo/redo can step.
/// Used inside `impl Document for …` as `history_methods!(history);`.
macro_rules! history_methods {
    ($history:ident) => {
        fn modified(&self) -> bool {
            self.$history.modified()
        }

        fn revision(&self) -> u64 {
            self.$history.revision()
        }

        fn seal(&mut self) {
            self.$history.seal();
        }

        fn can_take_step(&self, undo: bool) -> bool {
            self.$history.can_step(undo)
        }
    };
}
pub(crate) use history_methods;
