//! Typed edits: every change to a statement — from the GUI, the CLI or undo/redo — is an
//! [`Edit`], checked against the catalogue before anything changes. Applying an edit returns
//! the [`Prior`] state of what it touched, so undo puts back exactly what was there (a
//! carried-forward answer's re-check mark included).

use super::answer::AnswerValue;
use super::catalogue::{AnswerKind, Catalogue, Question};
use super::project::{
    Answer, AnswerDate, EditError, HeaderField, Project, ReviewItem, ReviewStatus,
};

/// One change to a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A question's value, or one option's value (`option` = the option's id). Answering
    /// confirms a carried-forward answer.
    Value {
        question: String,
        option: Option<String>,
        value: AnswerValue,
    },
    /// A question's 備考, or one option's.
    Remark {
        question: String,
        option: Option<String>,
        text: String,
    },
    /// A question's condition (条件付き回答; empty: unconditional). Only plain questions
    /// take one.
    Condition {
        question: String,
        text: String,
    },
    /// A question's 確認日 or 目標日 (text as written; validation says when it is no date).
    AnswerDate {
        question: String,
        which: AnswerDate,
        text: String,
    },
    Header {
        field: HeaderField,
        text: String,
    },
    ReviewStatus {
        question: String,
        status: ReviewStatus,
    },
    ReviewComment {
        question: String,
        text: String,
    },
    Reviewer(String),
    ReviewDate(String),
    /// The participant's name in an exercise copy (refused on any other statement).
    Participant(String),
    /// Confirm a carried-forward answer as it stands.
    ConfirmCarried {
        question: String,
    },
    /// Confirm several carried-forward answers at once (every one of a reason): one step.
    ConfirmAllCarried {
        questions: Vec<String>,
    },
    /// Answers proposed for several questions at once (filled from an answer library): each
    /// replaces the question's answer; one step.
    Fill {
        answers: Vec<(String, Answer)>,
    },
    /// Carry the answer of another of a question's earlier candidates (by its place in the
    /// list), or of none: the answer is replaced by that candidate's and marked to re-check.
    PickCandidate {
        question: String,
        candidate: Option<usize>,
    },
    /// The vendor's content signature stored with the statement (made by `io::signature`), or
    /// none (removed).
    Signature(Option<super::project::StoredSignature>),
}

/// The part of a project an edit touches; two edits of one slot coalesce while typing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    Answer(String),
    /// Several answers changed by one edit.
    Answers(Vec<String>),
    Header(HeaderField),
    ReviewItem(String),
    Reviewer,
    ReviewDate,
    Participant,
    Signature,
}

/// What a slot held before an edit: enough to put it back exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prior {
    Answer {
        question: String,
        answer: Option<Answer>,
    },
    Answers(Vec<(String, Option<Answer>)>),
    Header {
        field: HeaderField,
        text: String,
    },
    ReviewItem {
        question: String,
        item: Option<ReviewItem>,
    },
    Reviewer(Option<String>),
    ReviewDate(Option<String>),
    Participant(String),
    Signature(Option<super::project::StoredSignature>),
}

impl Prior {
    /// An empty entry counts as no entry.
    fn normalized(self) -> Prior {
        match self {
            Prior::Answer {
                question,
                answer: Some(a),
            } if a == Answer::default() => Prior::Answer {
                question,
                answer: None,
            },
            Prior::Answers(list) => Prior::Answers(
                list.into_iter()
                    .map(|(q, a)| (q, a.filter(|a| *a != Answer::default())))
                    .collect(),
            ),
            Prior::ReviewItem {
                question,
                item: Some(i),
            } if i == ReviewItem::default() => Prior::ReviewItem {
                question,
                item: None,
            },
            other => other,
        }
    }
}

impl Edit {
    /// The slot this edit changes.
    pub fn slot(&self) -> Slot {
        match self {
            Edit::Value { question, .. }
            | Edit::Remark { question, .. }
            | Edit::Condition { question, .. }
            | Edit::AnswerDate { question, .. }
            | Edit::ConfirmCarried { question }
            | Edit::PickCandidate { question, .. } => Slot::Answer(question.clone()),
            Edit::ConfirmAllCarried { questions } => Slot::Answers(questions.clone()),
            Edit::Fill { answers } => {
                Slot::Answers(answers.iter().map(|(q, _)| q.clone()).collect())
            }
            Edit::Header { field, .. } => Slot::Header(*field),
            Edit::ReviewStatus { question, .. } | Edit::ReviewComment { question, .. } => {
                Slot::ReviewItem(question.clone())
            }
            Edit::Reviewer(_) => Slot::Reviewer,
            Edit::ReviewDate(_) => Slot::ReviewDate,
            Edit::Participant(_) => Slot::Participant,
            Edit::Signature(_) => Slot::Signature,
        }
    }

    /// The question the edit is about, if any.
    pub fn question(&self) -> Option<&str> {
        match self {
            Edit::Value { question, .. }
            | Edit::Remark { question, .. }
            | Edit::Condition { question, .. }
            | Edit::AnswerDate { question, .. }
            | Edit::ConfirmCarried { question }
            | Edit::PickCandidate { question, .. }
            | Edit::ReviewStatus { question, .. }
            | Edit::ReviewComment { question, .. } => Some(question),
            Edit::Header { .. }
            | Edit::ConfirmAllCarried { .. }
            | Edit::Fill { .. }
            | Edit::Reviewer(_)
            | Edit::ReviewDate(_)
            | Edit::Participant(_)
            | Edit::Signature(_) => None,
        }
    }

    /// Whether the edit changes what the vendor wrote (answers, remarks, header) rather than
    /// the reviewer's layer.
    pub fn is_vendor_data(&self) -> bool {
        matches!(
            self,
            Edit::Value { .. }
                | Edit::Remark { .. }
                | Edit::Condition { .. }
                | Edit::AnswerDate { .. }
                | Edit::Header { .. }
                | Edit::ConfirmCarried { .. }
                | Edit::ConfirmAllCarried { .. }
                | Edit::Fill { .. }
                | Edit::PickCandidate { .. }
                | Edit::Participant(_)
        )
    }

    /// Whether the edit is typing (successive edits of one slot make one undo step).
    pub fn is_text(&self) -> bool {
        matches!(
            self,
            Edit::Remark { .. }
                | Edit::Condition { .. }
                | Edit::AnswerDate { .. }
                | Edit::Header { .. }
                | Edit::ReviewComment { .. }
                | Edit::Reviewer(_)
                | Edit::ReviewDate(_)
                | Edit::Participant(_)
        )
    }

    /// Checks the edit against the catalogue without changing anything.
    pub fn check(&self, catalogue: &Catalogue) -> Result<(), EditError> {
        if let Edit::Fill { answers } = self {
            return answers
                .iter()
                .try_for_each(|(id, a)| check_answer(catalogue, id, a));
        }
        if let Edit::ConfirmAllCarried { questions } = self {
            return match questions.iter().find(|q| catalogue.question(q).is_none()) {
                Some(q) => Err(EditError::UnknownQuestion(q.clone())),
                None => Ok(()),
            };
        }
        let Some(id) = self.question() else {
            return Ok(());
        };
        let q = catalogue
            .question(id)
            .ok_or_else(|| EditError::UnknownQuestion(id.to_string()))?;
        match self {
            Edit::Value { option, value, .. } => {
                check_value(q, *value)?;
                check_option(q, option.as_deref(), true)
            }
            Edit::Remark { option, .. } => check_option(q, option.as_deref(), false),
            Edit::Condition { text, .. } => match &q.answer {
                AnswerKind::YesNoNa => Ok(()),
                _ if text.is_empty() => Ok(()),
                _ => Err(EditError::NoCondition {
                    number: q.number_key(),
                }),
            },
            _ => Ok(()),
        }
    }
}

/// A whole answer put on a question: its value, options and condition are the question's.
fn check_answer(catalogue: &Catalogue, id: &str, a: &Answer) -> Result<(), EditError> {
    let q = catalogue
        .question(id)
        .ok_or_else(|| EditError::UnknownQuestion(id.to_string()))?;
    check_value(q, a.value)?;
    for (option, oa) in &a.options {
        check_value(q, oa.value)?;
        check_option(q, Some(option), false)?;
    }
    if !a.condition.is_empty() && !matches!(q.answer, AnswerKind::YesNoNa) {
        return Err(EditError::NoCondition {
            number: q.number_key(),
        });
    }
    Ok(())
}

fn check_value(q: &Question, value: AnswerValue) -> Result<(), EditError> {
    if value == AnswerValue::Unanswered || q.answer.allowed().contains(&value) {
        Ok(())
    } else {
        Err(EditError::ValueNotAllowed {
            number: q.number_key(),
            value,
        })
    }
}

/// An option id must name one of the question's options; a value of an option question must
/// name one (a remark may belong to the question as a whole).
fn check_option(q: &Question, option: Option<&str>, required: bool) -> Result<(), EditError> {
    match (&q.answer, option) {
        (AnswerKind::Options(_), None) if required => Err(EditError::OptionRequired {
            number: q.number_key(),
        }),
        (AnswerKind::Options(options), Some(id)) => {
            if options.iter().any(|o| o.id == id) {
                Ok(())
            } else {
                Err(EditError::UnknownOption {
                    number: q.number_key(),
                    option: id.to_string(),
                })
            }
        }
        (_, Some(_)) => Err(EditError::NotAnOptionQuestion {
            number: q.number_key(),
        }),
        (_, None) => Ok(()),
    }
}

impl Project {
    /// Sets a question's (or one of its options') value and, when given, its remark, as typed
    /// [`Edit`]s checked before anything changes. `option` names the option
    /// by id, label or 1-based index.
    pub fn set_answer(
        &mut self,
        catalogue: &Catalogue,
        question_id: &str,
        option: Option<&str>,
        value: AnswerValue,
        remark: Option<String>,
    ) -> Result<(), EditError> {
        let q = catalogue
            .question(question_id)
            .ok_or_else(|| EditError::UnknownQuestion(question_id.to_string()))?;
        let option = match (option, &q.answer) {
            (Some(key), AnswerKind::Options(_)) => Some(
                q.find_option(key)
                    .ok_or_else(|| EditError::UnknownOption {
                        number: q.number_key(),
                        option: key.to_string(),
                    })?
                    .id
                    .clone(),
            ),
            (other, _) => other.map(str::to_string),
        };
        let mut edits = vec![Edit::Value {
            question: q.id.clone(),
            option: option.clone(),
            value,
        }];
        if let Some(text) = remark {
            edits.push(Edit::Remark {
                question: q.id.clone(),
                option,
                text,
            });
        }
        self.apply_all(catalogue, &edits).map(|_| ())
    }

    /// What `slot` holds now.
    pub fn prior(&self, slot: &Slot) -> Prior {
        match slot {
            Slot::Answer(q) => Prior::Answer {
                question: q.clone(),
                answer: self.answers.get(q).cloned(),
            },
            Slot::Answers(qs) => Prior::Answers(
                qs.iter()
                    .map(|q| (q.clone(), self.answers.get(q).cloned()))
                    .collect(),
            ),
            Slot::Header(f) => Prior::Header {
                field: *f,
                text: self.header.get(*f).to_string(),
            },
            Slot::ReviewItem(q) => Prior::ReviewItem {
                question: q.clone(),
                item: self.review.items.get(q).cloned(),
            },
            Slot::Reviewer => Prior::Reviewer(self.review.reviewer.clone()),
            Slot::ReviewDate => Prior::ReviewDate(self.review.date.clone()),
            Slot::Participant => Prior::Participant(
                self.exercise
                    .as_ref()
                    .map(|e| e.participant.clone())
                    .unwrap_or_default(),
            ),
            Slot::Signature => Prior::Signature(self.signature.clone()),
        }
    }

    /// Checks an edit and applies it. Returns what the slot held before, or `None` when the
    /// edit changed nothing. A refused edit leaves the project untouched.
    pub fn apply(
        &mut self,
        catalogue: &Catalogue,
        edit: &Edit,
    ) -> Result<Option<Prior>, EditError> {
        edit.check(catalogue)?;
        if matches!(edit, Edit::Participant(_)) && self.exercise.is_none() {
            return Err(EditError::NotAnExercise);
        }
        if let Edit::PickCandidate {
            question,
            candidate: Some(k),
        } = edit
        {
            let known = self
                .answers
                .get(question)
                .and_then(|a| a.carried.as_ref())
                .is_some_and(|c| *k < c.candidates.len());
            if !known {
                let number = catalogue
                    .question(question)
                    .map(|q| q.number_key())
                    .unwrap_or_default();
                return Err(EditError::NoSuchCandidate { number });
            }
        }
        let slot = edit.slot();
        let before = self.prior(&slot);
        self.write(catalogue, edit);
        if self.prior(&slot).normalized() == before.clone().normalized() {
            // Nothing changed; drop an entry the write may have created.
            self.restore(before);
            return Ok(None);
        }
        Ok(Some(before))
    }

    /// Checks every edit, then applies them all in order (all or nothing).
    pub fn apply_all(
        &mut self,
        catalogue: &Catalogue,
        edits: &[Edit],
    ) -> Result<Vec<Prior>, EditError> {
        for e in edits {
            e.check(catalogue)?;
        }
        let mut priors = Vec::new();
        for e in edits {
            if let Some(p) = self.apply(catalogue, e)? {
                priors.push(p);
            }
        }
        Ok(priors)
    }

    /// Puts a slot back as it was.
    pub fn restore(&mut self, prior: Prior) {
        match prior {
            Prior::Answer { question, answer } => match answer {
                Some(a) => {
                    self.answers.insert(question, a);
                }
                None => {
                    self.answers.shift_remove(&question);
                }
            },
            Prior::Answers(list) => {
                for (question, answer) in list {
                    self.restore(Prior::Answer { question, answer });
                }
            }
            Prior::Header { field, text } => self.header.set(field, text),
            Prior::ReviewItem { question, item } => match item {
                Some(i) => {
                    self.review.items.insert(question, i);
                }
                None => {
                    self.review.items.shift_remove(&question);
                }
            },
            Prior::Reviewer(r) => self.review.reviewer = r,
            Prior::ReviewDate(d) => self.review.date = d,
            Prior::Participant(name) => {
                if let Some(e) = &mut self.exercise {
                    e.participant = name;
                }
            }
            Prior::Signature(s) => self.signature = s,
        }
    }

    /// Writes a checked edit.
    fn write(&mut self, catalogue: &Catalogue, edit: &Edit) {
        match edit {
            Edit::Value {
                question,
                option,
                value,
            } => {
                let entry = self.answers.entry(question.clone()).or_default();
                entry.recheck = false;
                match option {
                    Some(o) => entry.options.entry(o.clone()).or_default().value = *value,
                    None => entry.value = *value,
                }
            }
            Edit::Remark {
                question,
                option,
                text,
            } => {
                let entry = self.answers.entry(question.clone()).or_default();
                match option {
                    Some(o) => entry.options.entry(o.clone()).or_default().remark = text.clone(),
                    None => entry.remark = text.clone(),
                }
            }
            Edit::Condition { question, text } => {
                self.answers.entry(question.clone()).or_default().condition = text.clone()
            }
            Edit::AnswerDate {
                question,
                which,
                text,
            } => self
                .answers
                .entry(question.clone())
                .or_default()
                .set_date(*which, text),
            Edit::ConfirmCarried { question } => {
                if let Some(a) = self.answers.get_mut(question) {
                    a.recheck = false;
                }
            }
            Edit::Fill { answers } => {
                for (q, a) in answers {
                    self.answers.insert(q.clone(), a.clone());
                }
            }
            Edit::ConfirmAllCarried { questions } => {
                for q in questions {
                    if let Some(a) = self.answers.get_mut(q) {
                        a.recheck = false;
                    }
                }
            }
            Edit::PickCandidate {
                question,
                candidate,
            } => {
                let (Some(q), Some(a)) =
                    (catalogue.question(question), self.answers.get_mut(question))
                else {
                    return;
                };
                let Some(carried) = a.carried.clone() else {
                    return;
                };
                match candidate.and_then(|k| carried.candidates.get(k)) {
                    Some(c) => {
                        super::carry::apply_earlier(q, &c.earlier, a);
                        a.recheck = true;
                    }
                    None => {
                        a.value = Default::default();
                        a.remark.clear();
                        a.options.clear();
                        a.recheck = false;
                    }
                }
                a.carried = Some(Box::new(super::carry::Carried {
                    chosen: *candidate,
                    ..*carried
                }));
            }
            Edit::Header { field, text } => self.header.set(*field, text.clone()),
            Edit::ReviewStatus { question, status } => {
                self.review.set(question, Some(*status), None)
            }
            Edit::ReviewComment { question, text } => {
                self.review.set(question, None, Some(text.clone()))
            }
            Edit::Reviewer(text) => self.review.reviewer = (!text.is_empty()).then(|| text.clone()),
            Edit::ReviewDate(text) => self.review.date = (!text.is_empty()).then(|| text.clone()),
            Edit::Participant(name) => {
                if let Some(e) = &mut self.exercise {
                    e.participant = name.clone();
                }
            }
            Edit::Signature(s) => self.signature = s.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn value(q: &str, v: AnswerValue) -> Edit {
        Edit::Value {
            question: q.into(),
            option: None,
            value: v,
        }
    }

    #[test]
    fn a_refused_edit_changes_nothing() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.answers.get_mut("p").unwrap().recheck = true;
        let before = p.clone();
        assert!(p.apply(&c, &value("g", AnswerValue::Yes)).is_err());
        assert!(p.apply(&c, &value("zz", AnswerValue::Yes)).is_err());
        assert!(p.apply(&c, &value("o", AnswerValue::Yes)).is_err());
        let bad_option = Edit::Value {
            question: "o".into(),
            option: Some("nope".into()),
            value: AnswerValue::Yes,
        };
        assert!(p.apply(&c, &bad_option).is_err());
        // All or nothing: a good edit before a bad one is not applied either.
        let both = [
            value("p", AnswerValue::Yes),
            value("p", AnswerValue::Applies),
        ];
        assert!(p.apply_all(&c, &both).is_err());
        assert_eq!(p, before);
    }

    #[test]
    fn undo_restores_exactly_including_the_recheck_mark() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        let a = p.answers.get_mut("p").unwrap();
        a.value = AnswerValue::Yes;
        a.recheck = true;
        let before = p.clone();
        let prior = p.apply(&c, &value("p", AnswerValue::No)).unwrap().unwrap();
        assert!(!p.answers["p"].recheck, "answering confirms");
        p.restore(prior);
        assert_eq!(p, before);
        // Answering the same value still confirms (a change), and is undoable.
        let prior = p.apply(&c, &value("p", AnswerValue::Yes)).unwrap().unwrap();
        assert!(!p.answers["p"].recheck);
        p.restore(prior);
        assert!(p.answers["p"].recheck);
    }

    #[test]
    fn no_op_edits_report_no_change_and_leave_no_entry() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.answers.shift_remove("p");
        let before = p.clone();
        let e = Edit::Remark {
            question: "p".into(),
            option: None,
            text: String::new(),
        };
        assert_eq!(p.apply(&c, &e), Ok(None));
        assert_eq!(p, before);
        let r = Edit::ReviewComment {
            question: "p".into(),
            text: String::new(),
        };
        assert_eq!(p.apply(&c, &r), Ok(None));
        assert_eq!(p, before);
    }

    #[test]
    fn every_kind_of_edit_round_trips_through_restore() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        let start = p.clone();
        let edits = [
            value("g", AnswerValue::Applies),
            Edit::Value {
                question: "o".into(),
                option: Some("bio".into()),
                value: AnswerValue::No,
            },
            Edit::Remark {
                question: "o".into(),
                option: Some("bio".into()),
                text: "未対応".into(),
            },
            Edit::Header {
                field: HeaderField::Vendor,
                text: "株式会社○○".into(),
            },
            Edit::ReviewStatus {
                question: "p".into(),
                status: ReviewStatus::NeedsCheck,
            },
            Edit::ReviewComment {
                question: "p".into(),
                text: "確認".into(),
            },
            Edit::Reviewer("病院".into()),
            Edit::ReviewDate("2026年11月23日".into()),
        ];
        let mut priors = Vec::new();
        for e in &edits {
            priors.push(
                p.apply(&c, e)
                    .unwrap()
                    .expect("each edit changes something"),
            );
        }
        assert_eq!(p.answers["o"].options["bio"].remark, "未対応");
        assert_eq!(p.review.status("p"), ReviewStatus::NeedsCheck);
        for prior in priors.into_iter().rev() {
            p.restore(prior);
        }
        assert_eq!(p, start);
    }

    #[test]
    fn vendor_and_review_edits_are_told_apart() {
        assert!(value("p", AnswerValue::Yes).is_vendor_data());
        assert!(!Edit::Reviewer(String::new()).is_vendor_data());
        assert!(
            !Edit::ReviewStatus {
                question: "p".into(),
                status: ReviewStatus::Confirmed
            }
            .is_vendor_data()
        );
    }
}
