//! The answer library's words: problems of a library file, refused edits, and the findings of
//! the consistency check.

use super::{Localize, Localizer, s};
use crate::domain::library::LibraryEditError;
use crate::domain::library_check::{LibraryFinding, Place};
use crate::domain::library_issue::LibraryIssue;

impl Localize for LibraryEditError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            LibraryEditError::NoEntry(id) => l.ta("library-edit-no-entry", &[("entry", s(id))]),
            LibraryEditError::TooLong { max } => l.ta("library-edit-too-long", &[("max", s(max))]),
            LibraryEditError::TooManyItems { max } => {
                l.ta("library-edit-too-many-items", &[("max", s(max))])
            }
            LibraryEditError::TooManyEntries { max } => {
                l.ta("library-edit-too-many-entries", &[("max", s(max))])
            }
            LibraryEditError::PerOption => l.t("library-edit-per-option"),
            LibraryEditError::NoCondition => l.t("library-edit-no-condition"),
        }
    }
}

impl Localize for LibraryIssue {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            LibraryIssue::Format(f) => l.ta("library-issue-format", &[("format", s(f))]),
            LibraryIssue::Schema(v) => l.ta("library-issue-schema", &[("version", s(v))]),
            LibraryIssue::TooMany { count, max } => l.ta(
                "library-issue-too-many",
                &[("count", s(count)), ("max", s(max))],
            ),
            LibraryIssue::DuplicateId(id) => l.ta("library-issue-duplicate", &[("entry", s(id))]),
            LibraryIssue::NoId => l.t("library-issue-no-id"),
            LibraryIssue::Entry { id, error } => l.ta(
                "library-issue-entry",
                &[("entry", s(id)), ("problem", s(error.localize(l)))],
            ),
        }
    }
}

/// A place as the findings name it: `file 3.1 (製品A 2.0)`, or `file 項目 e3` for an entry.
pub fn place_text(l: &Localizer, p: &Place) -> String {
    let who = format!("{} {}", p.product, p.version).trim().to_string();
    let args = [
        ("file", s(&p.file)),
        ("number", s(&p.number)),
        ("who", s(&who)),
    ];
    match (p.question.is_empty(), who.is_empty()) {
        (true, _) => l.ta("library-place-entry", &args),
        (false, true) => l.ta("library-place", &args),
        (false, false) => l.ta("library-place-product", &args),
    }
}

impl Localize for LibraryFinding {
    fn localize(&self, l: &Localizer) -> String {
        let p = |x: &Place| s(place_text(l, x));
        match self {
            LibraryFinding::Contradiction {
                a,
                a_value,
                b,
                b_value,
            } => l.ta(
                "library-finding-contradiction",
                &[
                    ("a", p(a)),
                    ("a_value", s(a_value.label())),
                    ("b", p(b)),
                    ("b_value", s(b_value.label())),
                ],
            ),
            LibraryFinding::AgainstLibrary {
                at,
                value,
                entry,
                entry_value,
            } => l.ta(
                "library-finding-against",
                &[
                    ("at", p(at)),
                    ("value", s(value.label())),
                    ("entry", p(entry)),
                    ("entry_value", s(entry_value.label())),
                ],
            ),
            LibraryFinding::OverClaim { at, word } => l.ta(
                "library-finding-over-claim",
                &[("at", p(at)), ("word", s(word))],
            ),
            LibraryFinding::MissingCondition {
                at,
                entry,
                condition,
            } => l.ta(
                "library-finding-missing-condition",
                &[
                    ("at", p(at)),
                    ("entry", p(entry)),
                    ("condition", s(condition)),
                ],
            ),
            LibraryFinding::LibraryConflict { a, b } => {
                l.ta("library-finding-conflict", &[("a", p(a)), ("b", p(b))])
            }
            LibraryFinding::PlanOverdue { at, date, entry } => match entry {
                Some(e) => l.ta(
                    "library-finding-plan-overdue-entry",
                    &[("at", p(at)), ("date", s(date)), ("entry", p(e))],
                ),
                None => l.ta(
                    "library-finding-plan-overdue",
                    &[("at", p(at)), ("date", s(date))],
                ),
            },
        }
    }
}
