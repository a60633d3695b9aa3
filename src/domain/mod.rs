//! The pure domain: catalogues, guideline references, projects, validation, the canonical
//! statement, the guideline index and hints. No file I/O and no GUI here, so that everything is
//! unit-testable and shared by the GUI and the CLI.

pub mod answer;
pub mod canonical;
pub mod carried;
pub mod carry;
pub mod catalogue;
pub mod catalogue_issue;
pub mod changes;
pub mod cite;
pub mod compare;
pub mod condition;
pub mod date;
pub mod dossier;
pub mod dossier_edit;
pub mod edit;
pub mod edition;
pub mod exercise;
pub mod exercise_class;
pub mod form;
pub mod guideline;
pub mod header;
pub mod hints;
pub mod history;
pub mod library;
pub mod library_check;
pub mod library_fill;
pub mod library_issue;
pub mod matching;
pub mod profile;
pub mod profile_edit;
pub mod project;
pub mod refs;
pub mod register;
pub mod register_edit;
pub mod review;
pub mod signature;
pub mod source;
pub mod summary;
pub mod text;
pub mod validation;

pub use answer::AnswerValue;
pub use canonical::Statement;
pub use catalogue::{AnswerKind, Catalogue, CatalogueIssue, Kind, Question, Section};
pub use edit::{Edit, Prior, Slot};
pub use project::{Answer, Header, Project};
pub use validation::{Finding, FindingKind, Severity, validate};
