//! Changes to a register file (the hospital's settings and its fields per received statement),
//! as typed edits checked before they change anything.

use super::history::Editable;
use super::register::{Entry, RegisterFile, Settings};

/// The oldest a register lets a statement be before it warns, in months (20 years).
pub const MAX_AGE_MONTHS: u32 = 240;
/// The longest text kept in one of the register's fields (a spreadsheet cell holds 32,767).
pub const MAX_FIELD_CHARS: usize = 32_767;
/// The most statements a register keeps fields for.
pub const MAX_ENTRIES: usize = super::register::MAX_REGISTER_FILES;

/// One of the hospital's fields of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryField {
    System,
    Received,
    Note,
}

/// One change to a register file.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterEdit {
    /// Warn of statements older than this many months (0: never).
    MaxAge(u32),
    /// The guideline edition statements should follow (empty: no check).
    Edition(String),
    /// The profile file (in the register's folder) the verdicts come from (empty: none).
    Profile(String),
    /// One field of one statement (by its file name in the folder).
    Entry {
        file: String,
        field: EntryField,
        text: String,
    },
}

/// What a register edit replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum RegisterPrior {
    Settings(Settings),
    Entry { file: String, entry: Option<Entry> },
}

/// Why a register edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegisterEditError {
    #[error("at most {max} months")]
    AgeTooLarge { max: u32 },
    #[error("at most {max} characters")]
    TooLong { max: usize },
    #[error("the profile must be a file name in the register's folder: {0}")]
    ProfileNotInFolder(String),
    #[error("no file named")]
    NoFile,
    #[error("at most {max} statements")]
    TooManyEntries { max: usize },
}

fn field(e: &mut Entry, f: EntryField) -> &mut String {
    match f {
        EntryField::System => &mut e.system,
        EntryField::Received => &mut e.received,
        EntryField::Note => &mut e.note,
    }
}

fn check_len(text: &str) -> Result<(), RegisterEditError> {
    if text.chars().count() > MAX_FIELD_CHARS {
        return Err(RegisterEditError::TooLong {
            max: MAX_FIELD_CHARS,
        });
    }
    Ok(())
}

/// A text setting as typed (a field being typed keeps its spaces), `None` when blank.
fn setting(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_string())
}

impl Editable for RegisterFile {
    type Edit = RegisterEdit;
    type Prior = RegisterPrior;
    type Error = RegisterEditError;
    type Context = ();

    fn apply_edit(
        &mut self,
        _: &(),
        edit: &RegisterEdit,
    ) -> Result<Option<RegisterPrior>, RegisterEditError> {
        let prior = self.snapshot(edit);
        match edit {
            RegisterEdit::MaxAge(months) => {
                if *months > MAX_AGE_MONTHS {
                    return Err(RegisterEditError::AgeTooLarge {
                        max: MAX_AGE_MONTHS,
                    });
                }
                self.settings.max_age_months = *months;
            }
            RegisterEdit::Edition(text) => {
                check_len(text)?;
                self.settings.edition = setting(text);
            }
            RegisterEdit::Profile(text) => {
                check_len(text)?;
                let name = setting(text);
                if let Some(n) = &name
                    && (n.contains(['/', '\\']) || matches!(n.trim(), "." | ".."))
                {
                    return Err(RegisterEditError::ProfileNotInFolder(n.clone()));
                }
                self.settings.profile = name;
            }
            RegisterEdit::Entry {
                file,
                field: f,
                text,
            } => {
                check_len(text)?;
                if file.is_empty() {
                    return Err(RegisterEditError::NoFile);
                }
                if !self.entries.contains_key(file) && self.entries.len() >= MAX_ENTRIES {
                    return Err(RegisterEditError::TooManyEntries { max: MAX_ENTRIES });
                }
                let mut entry = self.entries.get(file).cloned().unwrap_or_default();
                field(&mut entry, *f).clone_from(text);
                if entry == Entry::default() {
                    // A statement with no fields left keeps no entry.
                    self.entries.shift_remove(file);
                } else {
                    self.entries.insert(file.clone(), entry);
                }
            }
        }
        Ok((self.snapshot(edit) != prior).then_some(prior))
    }

    fn snapshot(&self, edit: &RegisterEdit) -> RegisterPrior {
        match edit {
            RegisterEdit::MaxAge(_) | RegisterEdit::Edition(_) | RegisterEdit::Profile(_) => {
                RegisterPrior::Settings(self.settings.clone())
            }
            RegisterEdit::Entry { file, .. } => RegisterPrior::Entry {
                file: file.clone(),
                entry: self.entries.get(file).cloned(),
            },
        }
    }

    fn restore(&mut self, prior: RegisterPrior) {
        match prior {
            RegisterPrior::Settings(s) => self.settings = s,
            RegisterPrior::Entry { file, entry } => match entry {
                Some(e) => {
                    self.entries.insert(file, e);
                }
                None => {
                    self.entries.shift_remove(&file);
                }
            },
        }
    }

    fn same_typing(earlier: &RegisterEdit, later: &RegisterEdit) -> bool {
        match (earlier, later) {
            (RegisterEdit::Edition(_), RegisterEdit::Edition(_))
            | (RegisterEdit::Profile(_), RegisterEdit::Profile(_)) => true,
            (
                RegisterEdit::Entry {
                    file: a, field: x, ..
                },
                RegisterEdit::Entry {
                    file: b, field: y, ..
                },
            ) => a == b && x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::History;

    fn entry(file: &str, f: EntryField, text: &str) -> RegisterEdit {
        RegisterEdit::Entry {
            file: file.into(),
            field: f,
            text: text.into(),
        }
    }

    #[test]
    fn fields_are_set_undone_and_left_without_an_empty_entry() {
        let mut r = RegisterFile::default();
        let mut h = History::<RegisterFile>::new();
        h.apply(
            &mut r,
            &(),
            entry("a.json", EntryField::System, "電子カルテ"),
            0.0,
        )
        .unwrap();
        h.seal();
        h.apply(
            &mut r,
            &(),
            entry("a.json", EntryField::Note, "要確認"),
            1.0,
        )
        .unwrap();
        assert_eq!(r.entries["a.json"].system, "電子カルテ");
        assert!(h.modified());
        h.undo(&mut r);
        h.undo(&mut r);
        assert!(r.entries.is_empty());
        assert!(!h.modified());
        h.apply(&mut r, &(), entry("b.json", EntryField::Note, "x"), 2.0)
            .unwrap();
        h.seal();
        h.apply(&mut r, &(), entry("b.json", EntryField::Note, ""), 3.0)
            .unwrap();
        assert!(r.entries.is_empty(), "emptied fields leave no entry");
    }

    #[test]
    fn bad_settings_are_refused_before_anything_changes() {
        let mut r = RegisterFile::default();
        let before = r.clone();
        let mut h = History::<RegisterFile>::new();
        assert_eq!(
            h.apply(&mut r, &(), RegisterEdit::MaxAge(241), 0.0),
            Err(RegisterEditError::AgeTooLarge { max: 240 })
        );
        assert!(matches!(
            h.apply(&mut r, &(), RegisterEdit::Profile("../p.json".into()), 0.0),
            Err(RegisterEditError::ProfileNotInFolder(_))
        ));
        assert!(
            h.apply(&mut r, &(), entry("", EntryField::Note, "x"), 0.0)
                .is_err()
        );
        assert_eq!(r, before);
        assert!(!h.modified());
        h.apply(&mut r, &(), RegisterEdit::Edition("6.0 ".into()), 0.0)
            .unwrap();
        assert_eq!(r.settings.edition.as_deref(), Some("6.0 "), "as typed");
        h.apply(&mut r, &(), RegisterEdit::Edition(String::new()), 0.5)
            .unwrap();
        assert_eq!(r.settings.edition, None);
    }
}
