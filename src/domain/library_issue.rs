//! Whether a library read from a file is one kaijisho can use: its format and schema, the
//! number of entries, unique ids and each entry's limits.

use super::library::{
    LIBRARY_FORMAT, LIBRARY_SCHEMA, Library, LibraryEditError, MAX_ENTRIES, check_entry,
};

/// Why a library file read is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryIssue {
    #[error("not an answer library (format {0})")]
    Format(String),
    #[error("schema version {0} is newer than this program reads")]
    Schema(u32),
    #[error("too many entries ({count}; at most {max})")]
    TooMany { count: usize, max: usize },
    #[error("entry {0} appears twice")]
    DuplicateId(String),
    #[error("an entry has no id")]
    NoId,
    #[error("entry {id}: {error}")]
    Entry { id: String, error: LibraryEditError },
}

impl Library {
    /// Checks a library read from a file: its format, the number of entries, unique ids and
    /// each entry's limits.
    pub fn check_file(&self) -> Result<(), LibraryIssue> {
        if self.format != LIBRARY_FORMAT {
            return Err(LibraryIssue::Format(self.format.clone()));
        }
        if self.schema_version > LIBRARY_SCHEMA {
            return Err(LibraryIssue::Schema(self.schema_version));
        }
        if self.entries.len() > MAX_ENTRIES {
            return Err(LibraryIssue::TooMany {
                count: self.entries.len(),
                max: MAX_ENTRIES,
            });
        }
        let mut seen = std::collections::HashSet::new();
        for e in &self.entries {
            if e.id.trim().is_empty() {
                return Err(LibraryIssue::NoId);
            }
            if !seen.insert(e.id.as_str()) {
                return Err(LibraryIssue::DuplicateId(e.id.clone()));
            }
            check_entry(e).map_err(|error| LibraryIssue::Entry {
                id: e.id.clone(),
                error,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::{Entry, MAX_LIST};

    #[test]
    fn a_file_with_duplicate_ids_or_too_much_is_refused() {
        let mut lib = Library::default();
        assert_eq!(lib.check_file(), Ok(()));
        lib.entries.push(Entry {
            id: "e1".into(),
            ..Entry::default()
        });
        lib.entries.push(Entry {
            id: "e1".into(),
            ..Entry::default()
        });
        assert_eq!(
            lib.check_file(),
            Err(LibraryIssue::DuplicateId("e1".into()))
        );
        lib.entries[1].id = "e2".into();
        lib.entries[1].scope = vec!["x".into(); MAX_LIST + 1];
        assert!(matches!(lib.check_file(), Err(LibraryIssue::Entry { .. })));
        lib.format = "other".into();
        assert!(matches!(lib.check_file(), Err(LibraryIssue::Format(_))));
    }
}
