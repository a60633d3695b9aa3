//! "What changed since the last submission": for a statement carried forward from an earlier
//! one, by section, the new questions, the dropped ones (with the answer they had), the
//! reworded ones (old and new wording and reference) and the answers that differ from the
//! earlier statement's — what a hospital reviewer asks a vendor for. Computed from what the
//! carried statement records ([`super::carry::Carried`], [`super::carry::CarryOrigin`]); the
//! earlier file is not needed.

use serde::Serialize;

use super::answer::AnswerValue;
use super::answer::OptionAnswer;
use super::canonical::Statement;
use super::carried::{CarryOrigin, Earlier, EarlierAnswer};
use super::carry::is_changed;
use super::catalogue::{Catalogue, Question};
use super::project::{Answer, Header, Project};
use indexmap::IndexMap;

/// What kind of change a row reports, in the order rows of a section are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A question with no earlier counterpart.
    New,
    /// The wording or the guideline reference changed.
    Reworded,
    /// The answer differs from the earlier statement's.
    Answer,
    /// An earlier question with no counterpart in the new checklist.
    Dropped,
}

/// One option of an answer as shown in the list.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ShownOption {
    pub label: String,
    pub value: AnswerValue,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub remark: String,
}

/// An answer as shown in the list: the value (or each option's, with its remark) and the
/// remark.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Shown {
    pub value: AnswerValue,
    /// For a question answered per option: each option, in the checklist's order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ShownOption>,
    pub remark: String,
    /// The answer's condition (条件付き回答; empty: unconditional).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub condition: String,
}

impl Shown {
    fn new(
        (value, remark, condition): (AnswerValue, &str, &str),
        given: &IndexMap<String, OptionAnswer>,
        options: &[(String, String)],
    ) -> Shown {
        Shown {
            value,
            options: options
                .iter()
                .map(|(id, label)| {
                    let o = given.get(id);
                    ShownOption {
                        label: label.clone(),
                        value: o.map(|o| o.value).unwrap_or_default(),
                        remark: o.map(|o| o.remark.trim().to_string()).unwrap_or_default(),
                    }
                })
                .collect(),
            remark: remark.to_string(),
            condition: condition.trim().to_string(),
        }
    }

    fn of(answer: Option<&Answer>, options: &[(String, String)]) -> Shown {
        match answer {
            Some(a) => Shown::new((a.value, &a.remark, &a.condition), &a.options, options),
            None => Shown::new((AnswerValue::Unanswered, "", ""), &IndexMap::new(), options),
        }
    }

    fn earlier(e: &Earlier) -> Shown {
        let EarlierAnswer {
            value,
            remark,
            condition,
            options,
        } = &e.answer;
        Shown::new((*value, remark, condition), options, &earlier_pairs(e))
    }

    /// Whether two answers say the same (values per option label, remark).
    fn same(&self, other: &Shown) -> bool {
        self.value == other.value
            && self.remark.trim() == other.remark.trim()
            && self.condition == other.condition
            && self.options.len() == other.options.len()
            && self.options.iter().all(|o| {
                other.options.iter().any(|p| {
                    super::text::same_label(&p.label, &o.label)
                        && p.value == o.value
                        && p.remark == o.remark
                })
            })
    }
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// The section (of the new checklist; of the earlier one for a dropped question).
    pub section: String,
    pub kind: ChangeKind,
    /// The question's id now (empty for a dropped question).
    #[serde(skip)]
    pub question: String,
    /// The question's number now (empty for a dropped question).
    pub number: String,
    /// Its number in the earlier checklist (empty for a new question).
    pub old_number: String,
    /// The wording now (the earlier wording for a dropped question).
    pub text: String,
    /// The earlier wording (for a reworded question; empty otherwise).
    pub old_text: String,
    pub reference: String,
    pub old_reference: String,
    /// The earlier answer (absent for a new question).
    pub before: Option<Shown>,
    /// The answer now (absent for a dropped question).
    pub after: Option<Shown>,
}

/// A statement as the list names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub header: Header,
    pub catalogue_title: String,
    pub catalogue_version: String,
    pub fingerprint: String,
}

/// The whole list, in the new checklist's section order (dropped questions last, by their
/// earlier section).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    pub before: Named,
    pub after: Named,
    pub rows: Vec<ChangeRow>,
}

impl Changes {
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.rows.iter().filter(|r| r.kind == kind).count()
    }
}

fn option_pairs(q: &Question) -> Vec<(String, String)> {
    q.answer
        .options()
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect()
}

fn earlier_pairs(e: &Earlier) -> Vec<(String, String)> {
    e.options
        .iter()
        .map(|(id, label)| (id.clone(), label.clone()))
        .collect()
}

/// The changes of a carried statement since the earlier one; `None` for a statement that was
/// not carried forward.
pub fn changes(c: &Catalogue, p: &Project) -> Option<Changes> {
    let origin: &CarryOrigin = p.carried_from.as_ref()?;
    let mut rows = Vec::new();
    for section in &c.sections {
        let title = section.full_title();
        let mut here: Vec<ChangeRow> = Vec::new();
        for q in &section.questions {
            let answer = p.answer(&q.id);
            let after = Shown::of(answer, &option_pairs(q));
            let row = |kind, e: Option<&Earlier>| ChangeRow {
                section: title.clone(),
                kind,
                question: q.id.clone(),
                number: q.number_key(),
                old_number: e.map(|e| e.number.clone()).unwrap_or_default(),
                text: q.text.clone(),
                old_text: match (kind, e) {
                    (ChangeKind::Reworded, Some(e)) => e.text.clone(),
                    _ => String::new(),
                },
                reference: q.ref_raw().unwrap_or_default().to_string(),
                old_reference: e.map(|e| e.reference.clone()).unwrap_or_default(),
                before: e.map(Shown::earlier),
                after: Some(after.clone()),
            };
            let chosen = answer
                .and_then(|a| a.carried.as_deref())
                .and_then(|cr| cr.chosen());
            match chosen {
                None => here.push(row(ChangeKind::New, None)),
                Some(k) => {
                    if is_changed(q, &k.earlier) {
                        here.push(row(ChangeKind::Reworded, Some(&k.earlier)));
                    }
                    let before = Shown::earlier(&k.earlier);
                    if !before.same(&after) {
                        here.push(row(ChangeKind::Answer, Some(&k.earlier)));
                    }
                }
            }
        }
        here.sort_by_key(|r| r.kind);
        rows.extend(here);
    }
    for e in super::carry::dropped(p) {
        rows.push(ChangeRow {
            section: e.section.clone(),
            kind: ChangeKind::Dropped,
            question: String::new(),
            number: String::new(),
            old_number: e.number.clone(),
            text: e.text.clone(),
            old_text: String::new(),
            reference: String::new(),
            old_reference: e.reference.clone(),
            before: Some(Shown::earlier(e)),
            after: None,
        });
    }
    Some(Changes {
        before: Named {
            header: origin.header.clone(),
            catalogue_title: origin.catalogue_title.clone(),
            catalogue_version: origin.catalogue_version.clone(),
            fingerprint: origin.fingerprint.clone(),
        },
        after: Named {
            header: p.header.clone(),
            catalogue_title: c.title.clone(),
            catalogue_version: c.form_version.clone(),
            fingerprint: Statement::new(c, p).fingerprint(),
        },
        rows,
    })
}
