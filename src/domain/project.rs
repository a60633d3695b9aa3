//! A project: one statement being written (or reviewed) against one catalogue.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
pub use super::answer::OptionAnswer;
use super::catalogue::Catalogue;
pub use super::header::{Header, HeaderField};

/// The project file schema this build writes. Older files are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;

/// Which catalogue a project answers. A project never opens silently against a catalogue with
/// another id or content hash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueBinding {
    pub id: String,
    /// The catalogue's form version.
    pub version: String,
    /// [`Catalogue::content_hash`] of the catalogue the project was written against.
    pub hash: String,
    /// A full copy, for catalogues the app does not ship (imported workbooks, trainers' files),
    /// so the project opens on any machine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<Catalogue>,
}

/// The answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub value: AnswerValue,
    /// 備考.
    #[serde(default)]
    pub remark: String,
    /// The condition the answer holds under (条件付き回答: 「オプション契約時」,
    /// 「次期バージョンから」); empty for an unconditional answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// Option id → answer, for option-list questions.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, OptionAnswer>,
    /// Carried forward from an earlier statement and not yet confirmed by the user.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub recheck: bool,
    /// The date the answer was confirmed (確認日), as written; empty when none. Checklists
    /// such as the 事業者確認用 ones ask for it beside the answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checked_on: String,
    /// The date by which what the answer does not yet meet is to be met (目標日), as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due_on: String,
    /// Where a carried-forward answer came from and why, with the other candidates (kept
    /// after it is confirmed: the "what changed" page compares with it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<Box<super::carried::Carried>>,
}

/// Which date of an answer: 確認日 or 目標日.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerDate {
    #[serde(rename = "checked_on")]
    Checked,
    #[serde(rename = "due_on")]
    Due,
}

impl AnswerDate {
    pub const ALL: [AnswerDate; 2] = [AnswerDate::Checked, AnswerDate::Due];

    pub fn key(self) -> &'static str {
        match self {
            AnswerDate::Checked => "checked_on",
            AnswerDate::Due => "due_on",
        }
    }
}

impl Answer {
    /// One of the answer's dates, as written.
    pub fn date(&self, which: AnswerDate) -> &str {
        match which {
            AnswerDate::Checked => &self.checked_on,
            AnswerDate::Due => &self.due_on,
        }
    }

    fn date_mut(&mut self, which: AnswerDate) -> &mut String {
        match which {
            AnswerDate::Checked => &mut self.checked_on,
            AnswerDate::Due => &mut self.due_on,
        }
    }

    /// Sets one of the answer's dates (text as written; empty clears it).
    pub fn set_date(&mut self, which: AnswerDate, text: &str) {
        *self.date_mut(which) = text.to_string();
    }
}

/// A reviewer's judgement of one answer; never changes the vendor's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ReviewStatus {
    #[default]
    #[serde(rename = "未確認", alias = "unchecked")]
    Unchecked,
    #[serde(rename = "確認済", alias = "confirmed")]
    Confirmed,
    #[serde(rename = "要確認", alias = "needs_check")]
    NeedsCheck,
    #[serde(rename = "要対応", alias = "action_required")]
    ActionRequired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ReviewItem {
    #[serde(default)]
    pub status: ReviewStatus,
    #[serde(default)]
    pub comment: String,
}

/// The review layer: kept beside the answers, in the file format from the first version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Question id → review item.
    #[serde(default)]
    pub items: IndexMap<String, ReviewItem>,
}

impl ReviewStatus {
    pub const ALL: [ReviewStatus; 4] = [
        ReviewStatus::Unchecked,
        ReviewStatus::Confirmed,
        ReviewStatus::NeedsCheck,
        ReviewStatus::ActionRequired,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ReviewStatus::Unchecked => "未確認",
            ReviewStatus::Confirmed => "確認済",
            ReviewStatus::NeedsCheck => "要確認",
            ReviewStatus::ActionRequired => "要対応",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ReviewStatus::Unchecked => "unchecked",
            ReviewStatus::Confirmed => "confirmed",
            ReviewStatus::NeedsCheck => "needs_check",
            ReviewStatus::ActionRequired => "action_required",
        }
    }
}

impl Review {
    pub fn is_empty(&self) -> bool {
        self.reviewer.is_none() && self.date.is_none() && self.items.is_empty()
    }

    pub fn status(&self, question: &str) -> ReviewStatus {
        self.items
            .get(question)
            .map(|i| i.status)
            .unwrap_or_default()
    }

    pub fn comment(&self, question: &str) -> &str {
        self.items
            .get(question)
            .map(|i| i.comment.as_str())
            .unwrap_or("")
    }

    /// Sets a question's review status and/or comment. Only the review layer changes.
    pub fn set(&mut self, question: &str, status: Option<ReviewStatus>, comment: Option<String>) {
        let item = self.items.entry(question.to_string()).or_default();
        if let Some(s) = status {
            item.status = s;
        }
        if let Some(c) = comment {
            item.comment = c;
        }
    }
}

/// A project file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    pub schema_version: u32,
    /// Set on example projects whose answers are illustrative, not a real vendor's statement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    pub header: Header,
    pub catalogue: CatalogueBinding,
    /// Question id → answer, in catalogue order for projects created by the app.
    pub answers: IndexMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Review::is_empty")]
    pub review: Review,
    /// Set on exercise copies: the model they were made from (answers removed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<ExerciseOrigin>,
    /// Set on statements imported from someone else's workbook: the file, sheet and mapping,
    /// so the answers can be written back into a copy of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<super::source::WorkbookSource>,
    /// Set on a statement carried forward from an earlier one: which, and the earlier
    /// answers that found no question to go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<super::carried::CarryOrigin>,
    /// The vendor's content signature over the canonical statement (署名), as signed; an
    /// edit afterwards leaves it in place, and verifying then says what changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<StoredSignature>,
}

/// The vendor's content signature as stored in a statement (JSON, and through it our
/// workbook's hidden sheet); made and checked in `io::signature` (see `domain::signature`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSignature {
    /// The detached CMS SignedData (DER), base64 — the same bytes as the `.p7s` file.
    pub cms: String,
}

/// Recorded in an exercise copy: which model it was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseOrigin {
    /// The fingerprint of the model statement (SHA-256 of its canonical form).
    pub model: String,
    /// The participant's name, as they typed it into their copy (names them in the class
    /// check; the file name does when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub participant: String,
}

/// Why an edit was refused (serialised in an import report that names a refused cell).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditError {
    #[error("no question with id {0}")]
    UnknownQuestion(String),
    #[error("question {number} cannot be answered {}", value.label())]
    ValueNotAllowed { number: String, value: AnswerValue },
    #[error("question {number} is answered per option; name the option")]
    OptionRequired { number: String },
    #[error("question {number} has no options")]
    NotAnOptionQuestion { number: String },
    #[error("question {number} has no option {option}")]
    UnknownOption { number: String, option: String },
    #[error("only an exercise copy has a participant's name")]
    NotAnExercise,
    #[error("question {number} has no such earlier candidate")]
    NoSuchCandidate { number: String },
    #[error("question {number} takes no condition (only a はい/いいえ/対象外 question does)")]
    NoCondition { number: String },
}

impl Project {
    /// A new project with every question explicitly 未回答 (and every option), in catalogue
    /// order. `embed` keeps a copy of the catalogue in the file (for catalogues not shipped).
    pub fn new(catalogue: &Catalogue, header: Header, embed: bool) -> Project {
        let answers = catalogue
            .questions()
            .map(|q| {
                let options = q
                    .answer
                    .options()
                    .iter()
                    .map(|o| (o.id.clone(), OptionAnswer::default()))
                    .collect();
                (
                    q.id.clone(),
                    Answer {
                        options,
                        ..Answer::default()
                    },
                )
            })
            .collect();
        Project {
            schema_version: SCHEMA_VERSION,
            illustrative: false,
            header,
            catalogue: CatalogueBinding {
                id: catalogue.id.clone(),
                version: catalogue.form_version.clone(),
                hash: catalogue.content_hash(),
                embedded: embed.then(|| catalogue.clone()),
            },
            answers,
            review: Review::default(),
            exercise: None,
            source: None,
            carried_from: None,
            signature: None,
        }
    }

    /// The answer to a question, if the project holds one.
    pub fn answer(&self, id: &str) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// The stored value of a question (未回答 when absent).
    /// How many questions hold an answer (a value, or a value for some option).
    pub fn answered_count(&self) -> usize {
        self.answers
            .values()
            .filter(|a| a.value.is_answered() || a.options.values().any(|o| o.value.is_answered()))
            .count()
    }

    pub fn value(&self, id: &str) -> AnswerValue {
        self.answers.get(id).map(|a| a.value).unwrap_or_default()
    }
}

/// Why a project's catalogue could not be found or trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("catalogue {id} is neither shipped with this app nor embedded in the project")]
    NotFound { id: String },
    #[error(
        "catalogue {id} has changed since the project was written (expected {expected}, found {found})"
    )]
    Mismatch {
        id: String,
        expected: String,
        found: String,
    },
}

impl CatalogueBinding {
    /// Finds the catalogue this project was written against: the embedded copy when there is
    /// one, else a shipped catalogue with the same id. The content hash must match either way;
    /// a project never opens silently against another catalogue.
    pub fn resolve(&self, shipped: &[Catalogue]) -> Result<Catalogue, ResolveError> {
        let candidate =
            match &self.embedded {
                Some(c) => c,
                None => shipped.iter().find(|c| c.id == self.id).ok_or_else(|| {
                    ResolveError::NotFound {
                        id: self.id.clone(),
                    }
                })?,
            };
        let found = candidate.content_hash();
        if candidate.id != self.id || found != self.hash {
            return Err(ResolveError::Mismatch {
                id: self.id.clone(),
                expected: self.hash.clone(),
                found,
            });
        }
        Ok(candidate.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;

    #[test]
    fn new_project_lists_every_question_unanswered_in_order() {
        let c = tiny();
        let p = Project::new(&c, Header::default(), false);
        let ids: Vec<&str> = p.answers.keys().map(String::as_str).collect();
        assert_eq!(ids, ["g", "g1", "o", "p"]);
        assert!(
            p.answers
                .values()
                .all(|a| a.value == AnswerValue::Unanswered)
        );
        assert_eq!(p.answers["o"].options.len(), 2);
        assert_eq!(p.catalogue.hash, c.content_hash());
        assert!(p.catalogue.embedded.is_none());
        assert!(
            Project::new(&c, Header::default(), true)
                .catalogue
                .embedded
                .is_some()
        );
    }

    #[test]
    fn set_answer_checks_kind_and_options() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        assert_eq!(
            p.set_answer(&c, "g", None, AnswerValue::Yes, None),
            Err(EditError::ValueNotAllowed {
                number: "1".into(),
                value: AnswerValue::Yes
            })
        );
        assert_eq!(
            p.set_answer(&c, "o", None, AnswerValue::Yes, None),
            Err(EditError::OptionRequired { number: "2".into() })
        );
        assert_eq!(
            p.set_answer(&c, "p", Some("pw"), AnswerValue::Yes, None),
            Err(EditError::NotAnOptionQuestion { number: "3".into() })
        );
        p.set_answer(
            &c,
            "o",
            Some("生体認証(顔認証)"),
            AnswerValue::No,
            Some("未対応".into()),
        )
        .unwrap();
        assert_eq!(p.answers["o"].options["bio"].value, AnswerValue::No);
        assert_eq!(p.answers["o"].options["bio"].remark, "未対応");
        p.set_answer(&c, "p", None, AnswerValue::Yes, Some("備考".into()))
            .unwrap();
        p.set_answer(&c, "p", None, AnswerValue::No, None).unwrap();
        assert_eq!(
            p.answers["p"].remark, "備考",
            "no --remark keeps the remark"
        );
        assert!(
            p.set_answer(&c, "zz", None, AnswerValue::Yes, None)
                .is_err()
        );
    }

    #[test]
    fn resolves_only_the_same_catalogue() {
        let c = tiny();
        let p = Project::new(&c, Header::default(), false);
        assert_eq!(p.catalogue.resolve(std::slice::from_ref(&c)), Ok(c.clone()));
        assert_eq!(
            p.catalogue.resolve(&[]),
            Err(ResolveError::NotFound { id: "t".into() })
        );
        let mut changed = c.clone();
        changed.sections[0].questions[0].text = "別の設問か?".into();
        assert!(matches!(
            p.catalogue.resolve(&[changed.clone()]),
            Err(ResolveError::Mismatch { .. })
        ));
        let mut embedded = Project::new(&c, Header::default(), true);
        assert_eq!(embedded.catalogue.resolve(&[]), Ok(c.clone()));
        embedded.catalogue.embedded = Some(changed);
        assert!(matches!(
            embedded.catalogue.resolve(&[]),
            Err(ResolveError::Mismatch { .. })
        ));
    }

    #[test]
    fn header_fields_by_name() {
        let mut h = Header::default();
        for f in HeaderField::ALL {
            h.set(f, format!("{}値", f.key()));
            assert_eq!(h.get(f), format!("{}値", f.key()));
        }
        h.set(HeaderField::Contact, String::new());
        assert_eq!(h.contact, None);
    }
}
