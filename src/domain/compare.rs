//! Comparing two or more statements, on the same or different catalogues: one row per question
//! (matched to the first statement by id, number and reference, or text), one cell per statement.

use serde::Serialize;

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, Question};
use std::collections::{HashMap, HashSet};

use super::matching::{MatchKind, match_questions};
use super::project::Project;
use super::summary::{shown_answer, shown_values};
use super::validation::{GateState, gate_state};

/// A question switched off in one statement by a gate above it: the gate, what it holds there,
/// and what the vendor had written under it (shown as 対象外 on the form).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateNote {
    /// The gate's number (`1`).
    pub gate: String,
    /// What the gate holds in this statement (非該当).
    pub held: AnswerValue,
    /// The answer the vendor recorded under the closed gate, when it is not just 未回答/対象外.
    pub recorded: Option<String>,
}

/// One statement to compare.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub catalogue: &'a Catalogue,
    pub project: &'a Project,
}

/// What one statement says about one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub question_id: String,
    pub number: String,
    /// The answer as shown (`はい`, or `記憶ID(パスワード等)=はい / 生体認証(顔認証)=いいえ`).
    pub answer: String,
    pub values: Vec<AnswerValue>,
    pub remark: String,
    /// The answer's condition (条件付き回答; empty: unconditional). Two answers that differ only
    /// in it differ.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// How the question was matched to the first statement's (`None` for the first statement
    /// itself and for rows only this statement has).
    pub matched: Option<MatchKind>,
    /// Set when a gate above the question switches it off in this statement.
    pub gated: Option<GateNote>,
}

impl Cell {
    /// Whether the answer holds a 「いいえ」 or an unanswered item (a question a gate switches
    /// off does not): what a reader must not miss.
    pub fn flagged(&self) -> bool {
        self.gated.is_none()
            && self
                .values
                .iter()
                .any(|v| matches!(v, AnswerValue::No | AnswerValue::Unanswered))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub number: String,
    pub text: String,
    pub refs: Option<String>,
    pub cells: Vec<Option<Cell>>,
    pub answer_differs: bool,
    pub remark_differs: bool,
}

impl Row {
    pub fn differs(&self) -> bool {
        self.answer_differs || self.remark_differs
    }

    pub fn has(&self, v: AnswerValue) -> bool {
        self.cells.iter().flatten().any(|c| c.values.contains(&v))
    }

    /// Whether a gate switches the question off in any of the statements.
    pub fn gated(&self) -> bool {
        self.cells.iter().flatten().any(|c| c.gated.is_some())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub rows: Vec<Row>,
}

impl Comparison {
    pub fn differences(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.differs())
    }

    /// The rows a filter keeps, in order.
    pub fn filtered(&self, filter: RowFilter) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| filter.keeps(r))
    }
}

/// Which rows of a comparison are shown (and exported): all, or only those that differ, hold a
/// いいえ, or hold an unanswered item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowFilter {
    pub only_differences: bool,
    pub only_no: bool,
    pub only_unanswered: bool,
}

impl RowFilter {
    pub fn keeps(self, row: &Row) -> bool {
        (!self.only_differences || row.differs())
            && (!self.only_no || row.has(AnswerValue::No))
            && (!self.only_unanswered || row.has(AnswerValue::Unanswered))
    }
}

/// The gate note of a question switched off in `side` (`None` when it is on).
fn gate_note(side: &Side<'_>, q: &Question) -> Option<GateNote> {
    let GateState::Disabled { gate_id } = gate_state(side.catalogue, side.project, q) else {
        return None;
    };
    let gate = side.catalogue.question(&gate_id)?;
    let answer = side.project.answer(&q.id);
    let recorded = match q.answer.options() {
        [] => answer
            .map(|a| a.value)
            .filter(|v| v.is_answered() && *v != AnswerValue::NotApplicable)
            .map(|v| v.label().to_string()),
        options => {
            let given: Vec<String> = options
                .iter()
                .filter_map(|o| {
                    let v = answer?.options.get(&o.id)?.value;
                    (v.is_answered() && v != AnswerValue::NotApplicable)
                        .then(|| format!("{}={}", o.label, v.label()))
                })
                .collect();
            (!given.is_empty()).then(|| given.join(" / "))
        }
    };
    Some(GateNote {
        gate: gate.number_key(),
        held: side.project.value(&gate.id),
        recorded,
    })
}

fn cell(side: &Side<'_>, q: &Question, matched: Option<MatchKind>) -> Cell {
    let values = shown_values(side.catalogue, side.project, q);
    let (shown, remark) = shown_answer(side.project, q, &values);
    Cell {
        question_id: q.id.clone(),
        number: q.number_key(),
        answer: shown,
        values,
        remark,
        condition: side
            .project
            .answer(&q.id)
            .filter(|_| q.answer.options().is_empty())
            .map(|a| a.condition.trim().to_string())
            .unwrap_or_default(),
        matched,
        gated: gate_note(side, q),
    }
}

fn finish(number: String, text: String, refs: Option<String>, cells: Vec<Option<Cell>>) -> Row {
    let present: Vec<&Cell> = cells.iter().flatten().collect();
    let missing = present.len() != cells.len();
    let answer_differs = missing
        || present
            .iter()
            .zip(present.iter().skip(1))
            .any(|(a, b)| a.answer != b.answer || a.condition != b.condition);
    let remark_differs = present
        .iter()
        .zip(present.iter().skip(1))
        .any(|(a, b)| a.remark.trim() != b.remark.trim());
    Row {
        number,
        text,
        refs,
        cells,
        answer_differs,
        remark_differs,
    }
}

/// Compares statements; rows follow the first statement's catalogue, then the questions only
/// later statements have.
pub fn compare(sides: &[Side<'_>]) -> Comparison {
    let Some(base) = sides.first() else {
        return Comparison { rows: Vec::new() };
    };
    // For each later side: base id → (its question id, how).
    let later = sides.get(1..).unwrap_or_default();
    let matches: Vec<Vec<(String, String, MatchKind)>> = later
        .iter()
        .map(|s| match_questions(base.catalogue, s.catalogue))
        .collect();
    // Looked up by id, not searched: a comparison of thousands of questions stays linear.
    let by_base: Vec<HashMap<&str, (&str, MatchKind)>> = matches
        .iter()
        .map(|m| {
            m.iter()
                .map(|(a, b, how)| (a.as_str(), (b.as_str(), *how)))
                .collect()
        })
        .collect();
    let matched_later: Vec<HashSet<&str>> = matches
        .iter()
        .map(|m| m.iter().map(|(_, b, _)| b.as_str()).collect())
        .collect();
    let mut rows = Vec::new();
    for q in base.catalogue.questions() {
        let mut cells = vec![Some(cell(base, q, None))];
        for (s, m) in later.iter().zip(&by_base) {
            let found = m
                .get(q.id.as_str())
                .and_then(|(b, how)| Some((s.catalogue.question(b)?, *how)));
            cells.push(found.map(|(qb, how)| cell(s, qb, Some(how))));
        }
        rows.push(finish(
            q.number_key(),
            q.text.clone(),
            q.ref_raw().map(str::to_string),
            cells,
        ));
    }
    for (k, (s, m)) in later.iter().zip(&matched_later).enumerate() {
        for q in s.catalogue.questions() {
            if m.contains(q.id.as_str()) {
                continue;
            }
            let mut cells = vec![None; sides.len()];
            if let Some(slot) = cells.get_mut(k + 1) {
                *slot = Some(cell(s, q, None));
            }
            rows.push(finish(
                q.number_key(),
                q.text.clone(),
                q.ref_raw().map(str::to_string),
                cells,
            ));
        }
    }
    Comparison { rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    #[test]
    fn answers_differing_only_in_their_condition_differ() {
        let c = tiny();
        let mut a = Project::new(&c, Header::default(), false);
        a.set_answer(&c, "p", None, AnswerValue::Yes, Some("同じ".into()))
            .unwrap();
        let mut b = a.clone();
        b.apply(
            &c,
            &crate::domain::edit::Edit::Condition {
                question: "p".into(),
                text: "オプション契約時".into(),
            },
        )
        .unwrap();
        let side = |p| Side {
            catalogue: &c,
            project: p,
        };
        let cmp = compare(&[side(&a), side(&b)]);
        let row = cmp.rows.iter().find(|r| r.number == "3").unwrap();
        assert!(row.answer_differs);
        let cells: Vec<&str> = row
            .cells
            .iter()
            .map(|x| x.as_ref().unwrap().condition.as_str())
            .collect();
        assert_eq!(cells, ["", "オプション契約時"]);
        // The same condition on both sides: no difference.
        let cmp = compare(&[side(&b), side(&b)]);
        assert!(cmp.rows.iter().all(|r| !r.answer_differs));
    }

    #[test]
    fn reports_exactly_the_known_differences() {
        let c = tiny();
        let mut a = Project::new(&c, Header::default(), false);
        for (q, v) in [
            ("g", AnswerValue::Applies),
            ("g1", AnswerValue::Yes),
            ("p", AnswerValue::Yes),
        ] {
            a.set_answer(&c, q, None, v, Some("同じ".into())).unwrap();
        }
        a.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, None)
            .unwrap();
        a.set_answer(&c, "o", Some("bio"), AnswerValue::No, None)
            .unwrap();
        let mut b = a.clone();
        b.set_answer(&c, "p", None, AnswerValue::No, None).unwrap(); // answer differs
        b.set_answer(&c, "g1", None, AnswerValue::Yes, Some("別の備考".into()))
            .unwrap(); // remark
        let cmp = compare(&[
            Side {
                catalogue: &c,
                project: &a,
            },
            Side {
                catalogue: &c,
                project: &b,
            },
        ]);
        assert_eq!(cmp.rows.len(), 4);
        let diffs: Vec<(&str, bool, bool)> = cmp
            .differences()
            .map(|r| (r.number.as_str(), r.answer_differs, r.remark_differs))
            .collect();
        assert_eq!(diffs, [("1.1", false, true), ("3", true, false)]);
        assert_eq!(
            cmp.rows[2].cells[0].as_ref().unwrap().answer,
            "記憶ID(パスワード等)=はい / 生体認証(顔認証)=いいえ"
        );
        assert!(cmp.rows[3].has(AnswerValue::No));
        // A gate closed in one statement: the row differs, and the cell says which gate holds
        // what and what the vendor had written under it.
        let mut closed = a.clone();
        closed
            .set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        let cmp = compare(&[
            Side {
                catalogue: &c,
                project: &a,
            },
            Side {
                catalogue: &c,
                project: &closed,
            },
        ]);
        let row = cmp.rows.iter().find(|r| r.number == "1.1").unwrap();
        assert!(row.answer_differs && row.gated());
        assert_eq!(row.cells[0].as_ref().unwrap().gated, None);
        let under = row.cells[1].as_ref().unwrap();
        assert_eq!(under.answer, "対象外");
        assert_eq!(
            under.gated,
            Some(GateNote {
                gate: "1".into(),
                held: AnswerValue::DoesNotApply,
                recorded: Some("はい".into()),
            })
        );
        // Identical statements: no differences.
        let same = compare(&[
            Side {
                catalogue: &c,
                project: &a,
            },
            Side {
                catalogue: &c,
                project: &a,
            },
        ]);
        assert_eq!(same.differences().count(), 0);
    }
}
