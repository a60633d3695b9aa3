//! What can be wrong with a catalogue's structure, found by [`super::catalogue::Catalogue::check`].

use std::fmt;

use super::answer::AnswerValue;

/// A structural problem in a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogueIssue {
    NoQuestions,
    EmptyId,
    DuplicateId {
        id: String,
    },
    BadNumber {
        id: String,
        number: String,
    },
    DuplicateNumber {
        number: String,
        first: String,
        second: String,
    },
    EmptyText {
        id: String,
    },
    NoOptions {
        id: String,
    },
    DuplicateOption {
        id: String,
        option: String,
    },
    GateUnknown {
        id: String,
        gate: String,
    },
    GateNotBefore {
        id: String,
        gate: String,
    },
    GateValue {
        id: String,
        gate: String,
        value: AnswerValue,
    },
    /// More gates above one another than any form has ([`MAX_GATE_DEPTH`]); said once, at the
    /// first question too deep.
    GateTooDeep {
        id: String,
        depth: usize,
    },
    /// More questions than any form has ([`MAX_QUESTIONS`]): said alone, before anything else
    /// is looked at.
    TooManyQuestions {
        count: usize,
    },
}

/// The most questions a catalogue may have. Real forms have a few hundred; the limit keeps a
/// statement of every catalogue well inside what kaijisho reads back (the project file's size).
pub const MAX_QUESTIONS: usize = 200_000;

/// The most gates one question may stand under (gate of a gate of …). Real forms use one or
/// two; the limit keeps every walk up the gates short whatever a file says.
pub const MAX_GATE_DEPTH: usize = 16;

impl fmt::Display for CatalogueIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CatalogueIssue::NoQuestions => write!(f, "the catalogue has no questions"),
            CatalogueIssue::EmptyId => write!(f, "the catalogue id is empty"),
            CatalogueIssue::DuplicateId { id } => write!(f, "question id {id} is used twice"),
            CatalogueIssue::BadNumber { id, number } => {
                write!(f, "question {id}: number {number:?} is not a dotted number")
            }
            CatalogueIssue::DuplicateNumber {
                number,
                first,
                second,
            } => write!(f, "number {number} is used by {first} and {second}"),
            CatalogueIssue::EmptyText { id } => write!(f, "question {id} has no text"),
            CatalogueIssue::NoOptions { id } => {
                write!(f, "question {id} is an option list without options")
            }
            CatalogueIssue::DuplicateOption { id, option } => {
                write!(f, "question {id}: option {option} is listed twice")
            }
            CatalogueIssue::GateUnknown { id, gate } => {
                write!(f, "question {id} is gated on {gate}, which does not exist")
            }
            CatalogueIssue::GateNotBefore { id, gate } => {
                write!(
                    f,
                    "question {id} is gated on {gate}, which does not come before it"
                )
            }
            CatalogueIssue::GateTooDeep { id, depth } => write!(
                f,
                "question {id} stands under {depth} gates, more than the {MAX_GATE_DEPTH} allowed"
            ),
            CatalogueIssue::GateValue { id, gate, value } => write!(
                f,
                "question {id} is gated on {gate} = {}, a value {gate} cannot take",
                value.label()
            ),
            CatalogueIssue::TooManyQuestions { count } => write!(
                f,
                "{count} questions, more than the {MAX_QUESTIONS} allowed"
            ),
        }
    }
}
