//! The answer library (回答集) as a document of the window: its file, its undo history, the entry
//! chosen and the list's filter; and the state of its dialogs (entries taken from statements,
//! filling the open statement, the consistency check). Edited only by
//! [`crate::domain::library::LibraryEdit`]s, like every other document.

use std::path::{Path, PathBuf};

use crate::domain::history::History;
use crate::domain::library::{Entry, Library, LibraryEdit, LibraryEditError};
use crate::domain::library_fill::is_stale;
use crate::domain::text::fold_width;
use crate::io::{self, FileError};

use super::document::{DocKind, Document};
use super::library::{CheckOutcome, DEFAULT_MAX_AGE_MONTHS, library_label};

/// An answer library open in the window.
#[derive(Debug, Clone)]
pub struct LibraryView {
    path: Option<PathBuf>,
    library: Library,
    history: History<Library>,
    on_disk: Option<[u8; 32]>,
    /// The entry chosen in the list (its id).
    pub selected: Option<String>,
    /// The list's filter, as typed.
    pub filter: String,
}

impl Default for LibraryView {
    fn default() -> Self {
        LibraryView::new()
    }
}

impl LibraryView {
    /// A new, empty library without a file.
    pub fn new() -> LibraryView {
        LibraryView {
            path: None,
            library: Library::default(),
            history: History::new(),
            on_disk: None,
            selected: None,
            filter: String::new(),
        }
    }

    /// Reads a library file.
    pub fn open(path: &Path) -> Result<LibraryView, FileError> {
        let (library, digest) = io::library::load_library_digest(path)?;
        Ok(LibraryView {
            path: Some(path.to_path_buf()),
            library,
            history: History::new(),
            on_disk: Some(digest),
            selected: None,
            filter: String::new(),
        })
    }

    /// The library as edited.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The file it is kept in.
    pub fn file(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// What it is called where it is shown: its name, else its file's name.
    pub fn label(&self) -> String {
        library_label(self.path.as_deref(), &self.library)
    }

    /// Checks and applies an edit, recorded for undo.
    pub fn edit(&mut self, edit: LibraryEdit, now: f64) -> Result<bool, LibraryEditError> {
        let changed = self.history.apply(&mut self.library, &(), edit, now)?;
        if changed && self.selected_entry().is_none() {
            self.selected = None;
        }
        Ok(changed)
    }

    /// The entry chosen, while it is there.
    pub fn selected_entry(&self) -> Option<&Entry> {
        self.library.entry(self.selected.as_deref()?)
    }

    /// The entries the filter keeps (references, texts, answer, remark, condition, scope,
    /// owner, sources; width and case ignored), in the library's order.
    pub fn shown(&self) -> Vec<&Entry> {
        let needle = fold_width(self.filter.trim()).to_lowercase();
        self.library
            .entries
            .iter()
            .filter(|e| needle.is_empty() || entry_haystack(e).contains(&needle))
            .collect()
    }
}

/// An entry's words, for the filter.
fn entry_haystack(e: &Entry) -> String {
    let mut hay: Vec<&str> = vec![&e.id, e.value.label(), &e.remark, &e.condition, &e.owner];
    hay.extend(e.refs.iter().map(String::as_str));
    hay.extend(e.texts.iter().map(String::as_str));
    hay.extend(e.scope.iter().map(String::as_str));
    hay.extend(e.sources.iter().map(|s| s.file.as_str()));
    hay.extend(e.sources.iter().map(|s| s.product.as_str()));
    fold_width(&hay.join("\n")).to_lowercase()
}

/// Whether an entry was last verified longer ago than the default age limit (or never): shown
/// with △.
pub fn is_old(e: &Entry, today: jiff::civil::Date) -> bool {
    is_stale(
        &e.verified_on,
        Some(super::library::today_of(today)),
        DEFAULT_MAX_AGE_MONTHS,
    )
}

impl Document for LibraryView {
    super::document::history_methods!(history);
    fn kind(&self) -> DocKind {
        DocKind::Library
    }

    fn path(&self) -> Option<PathBuf> {
        self.path.clone()
    }

    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        let own = self.path.as_deref() == Some(path);
        // Its own file, not there when it was read (another program's since): never
        // overwritten unread. Another file that exists was asked about before (replace?).
        if own && !overwrite && self.on_disk.is_none() && path.exists() {
            return Err(FileError::Save(io::SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            }));
        }
        let expected = self.on_disk.filter(|_| !overwrite && own);
        let digest = io::library::save_library_checked(path, &self.library, expected)?;
        self.path = Some(path.to_path_buf());
        self.on_disk = Some(digest);
        self.history.mark_saved();
        Ok(())
    }

    fn reload(&mut self) -> Result<(), FileError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let (library, digest) = io::library::load_library_digest(&path)?;
        self.library = library;
        self.on_disk = Some(digest);
        self.history = History::new();
        if self.selected_entry().is_none() {
            self.selected = None;
        }
        Ok(())
    }

    fn take_step(&mut self, undo: bool, _now: f64) -> bool {
        self.history.step(&mut self.library, undo).is_some()
    }
}

/// One answer offered in 「開示書から回答集に追加」: the entry it would make, ticked or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub entry: Entry,
    pub ticked: bool,
}

/// 「開示書から回答集に追加」: the statements read and their answered questions, each with a tick
/// box (all ticked when read).
#[derive(Debug, Clone, Default)]
pub struct AddForm {
    /// The statements whose answers are offered (a file, or the open statement's name).
    pub sources: Vec<String>,
    pub candidates: Vec<Candidate>,
    /// Statements that could not be read, and why (in the user's language).
    pub problems: Vec<String>,
}

impl AddForm {
    pub fn tick(&mut self, index: usize, on: bool) {
        if let Some(c) = self.candidates.get_mut(index) {
            c.ticked = on;
        }
    }

    /// Ticks every answer, or (when all are) none.
    pub fn tick_all(&mut self) {
        let all = self.candidates.iter().all(|c| c.ticked);
        for c in &mut self.candidates {
            c.ticked = !all;
        }
    }

    /// The entries of the ticked answers.
    pub fn ticked(&self) -> Vec<Entry> {
        self.candidates
            .iter()
            .filter(|c| c.ticked)
            .map(|c| c.entry.clone())
            .collect()
    }

    /// Offers a statement's answers (ticked), unless that statement is offered already.
    pub fn offer(&mut self, source: String, entries: Vec<Entry>) {
        if self.sources.contains(&source) {
            return;
        }
        self.sources.push(source);
        self.candidates
            .extend(entries.into_iter().map(|entry| Candidate {
                entry,
                ticked: true,
            }));
    }
}

/// 「回答集から記入」: the age limit and whether answered questions are overwritten, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FillForm {
    pub max_age_months: u32,
    pub overwrite: bool,
}

impl Default for FillForm {
    fn default() -> Self {
        FillForm {
            max_age_months: DEFAULT_MAX_AGE_MONTHS,
            overwrite: false,
        }
    }
}

/// 「整合性チェック」: the statements chosen, whether the open library is checked against, and
/// the last result.
#[derive(Debug, Clone, Default)]
pub struct CheckForm {
    pub files: Vec<PathBuf>,
    /// The path typed into the list's field.
    pub input: String,
    pub with_library: bool,
    /// The last check, or why it could not run (in the user's language).
    pub outcome: Option<Result<CheckOutcome, String>>,
}

/// The library and its dialogs.
#[derive(Debug, Default)]
pub struct LibraryState {
    pub view: Option<LibraryView>,
    pub add: Option<AddForm>,
    pub fill: Option<FillForm>,
    pub check: Option<CheckForm>,
    /// The latest statement read and check asked for: an older result is dropped.
    pub(crate) read_generation: u64,
    pub(crate) check_generation: u64,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::library::EntryField;

    fn entry(refs: &str, text: &str) -> Entry {
        Entry {
            refs: vec![refs.into()],
            texts: vec![text.into()],
            value: AnswerValue::Yes,
            verified_on: "2026-01-10".into(),
            ..Entry::default()
        }
    }

    #[test]
    fn modified_follows_the_revision_and_undo_takes_an_add_back_in_one_step() {
        let mut v = LibraryView::new();
        assert!(!v.modified());
        let add = LibraryEdit::Add(vec![entry("6.5.C1", "ログ"), entry("6.6.C2", "暗号化")]);
        assert!(v.edit(add, 0.0).unwrap());
        assert!(v.modified());
        assert_eq!(v.library().entries.len(), 2);
        assert!(v.can_take_step(true));
        assert!(v.take_step(true, 1.0));
        assert!(v.library().entries.is_empty(), "both entries in one step");
        assert!(!v.modified(), "back at the saved revision");
        assert!(v.take_step(false, 2.0));
        assert_eq!(v.library().entries.len(), 2);
        assert!(v.modified());
    }

    #[test]
    fn typing_in_one_field_is_one_step_and_saving_clears_the_mark() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.json");
        let mut v = LibraryView::new();
        v.edit(LibraryEdit::Add(vec![entry("6.5.C1", "ログ")]), 0.0)
            .unwrap();
        let id = v.library().entries[0].id.clone();
        for (i, text) in ["院", "院内", "院内のみ"].iter().enumerate() {
            let edit = LibraryEdit::Field {
                entry: id.clone(),
                field: EntryField::Remark,
                text: (*text).into(),
            };
            v.edit(edit, 1.0 + i as f64 * 0.1).unwrap();
        }
        v.save(&path, false).unwrap();
        assert!(!v.modified());
        assert_eq!(v.file(), Some(path.as_path()));
        assert!(v.take_step(true, 5.0));
        assert_eq!(v.library().entries[0].remark, "", "the typing is one step");
        assert!(v.modified());
        // The file changed by another program: not overwritten unasked.
        std::fs::write(&path, b"{}").unwrap();
        assert!(matches!(
            v.save(&path, false),
            Err(FileError::Save(io::SaveError::ChangedOnDisk { .. }))
        ));
        v.save(&path, true).unwrap();
        let back = LibraryView::open(&path).unwrap();
        assert_eq!(back.library(), v.library());
    }

    #[test]
    fn the_filter_and_the_old_mark() {
        let mut v = LibraryView::new();
        let mut old = entry("6.5.C1", "アクセスLog");
        old.verified_on = "2024-01-01".into();
        v.edit(LibraryEdit::Add(vec![old, entry("6.6.C2", "暗号化")]), 0.0)
            .unwrap();
        v.filter = "ｌｏｇ".into();
        assert_eq!(v.shown().len(), 1);
        let today = jiff::civil::date(2026, 11, 23);
        assert!(is_old(v.shown()[0], today));
        v.filter.clear();
        assert!(!is_old(v.shown()[1], today));
    }
}
