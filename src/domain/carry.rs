//! Carrying answers forward from an earlier statement to a new project — on the same catalogue
//! (the next release) or a newer one. Nothing moves silently: every moved answer is marked "to
//! re-check" until the user confirms it, and a report lists what moved, what changed and what
//! found no counterpart.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::catalogue::{AnswerKind, Catalogue};
use super::matching::{MatchKind, match_questions, similarity};
use super::project::{Header, Project};
use super::text::same_label;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CarryItem {
    /// The answer moved to the same question.
    Moved {
        number: String,
        old_number: String,
        matched: MatchKind,
    },
    /// The answer moved, but the question's text or reference changed: read it again.
    Changed {
        number: String,
        old_number: String,
        matched: MatchKind,
        similarity: f32,
    },
    /// A question of the new catalogue with no earlier counterpart: answer it.
    Unmatched { number: String },
    /// An earlier question with no counterpart in the new catalogue: its answer was not moved.
    Dropped { old_number: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CarryReport {
    pub items: Vec<CarryItem>,
}

impl CarryReport {
    pub fn count(&self, f: impl Fn(&CarryItem) -> bool) -> usize {
        self.items.iter().filter(|i| f(i)).count()
    }
}

/// A new project on `new_c` with the answers of `old_p` (on `old_c`) carried forward.
pub fn carry(
    old_c: &Catalogue,
    old_p: &Project,
    new_c: &Catalogue,
    header: Header,
    embed: bool,
) -> (Project, CarryReport) {
    let mut project = Project::new(new_c, header, embed);
    let mut report = CarryReport::default();
    let matches = match_questions(old_c, new_c);
    let by_new: HashMap<&str, (&String, &MatchKind)> = matches
        .iter()
        .map(|(a, b, how)| (b.as_str(), (a, how)))
        .collect();
    let matched_old: HashSet<&str> = matches.iter().map(|(a, _, _)| a.as_str()).collect();
    for qn in new_c.questions() {
        let Some((old_id, how)) = by_new.get(qn.id.as_str()).copied() else {
            report.items.push(CarryItem::Unmatched {
                number: qn.number_key(),
            });
            continue;
        };
        let (Some(qo), Some(old)) = (old_c.question(old_id), old_p.answer(old_id)) else {
            continue;
        };
        let entry = project.answers.entry(qn.id.clone()).or_default();
        match (&qo.answer, &qn.answer) {
            (AnswerKind::Options(oo), AnswerKind::Options(on)) => {
                for o in on {
                    let from = oo
                        .iter()
                        .find(|x| x.id == o.id && same_label(&x.label, &o.label))
                        .or_else(|| oo.iter().find(|x| same_label(&x.label, &o.label)));
                    if let Some(oa) = from.and_then(|x| old.options.get(&x.id)) {
                        entry.options.insert(o.id.clone(), oa.clone());
                    }
                }
            }
            (_, kind) => {
                if kind.allowed().contains(&old.value) {
                    entry.value = old.value;
                }
                entry.remark = old.remark.clone();
            }
        }
        entry.recheck = true;
        let sim = similarity(&qo.full_text(), &qn.full_text());
        let (number, old_number) = (qn.number_key(), qo.number_key());
        if sim < 1.0 || qo.ref_raw() != qn.ref_raw() {
            report.items.push(CarryItem::Changed {
                number,
                old_number,
                matched: *how,
                similarity: sim,
            });
        } else {
            report.items.push(CarryItem::Moved {
                number,
                old_number,
                matched: *how,
            });
        }
    }
    for qo in old_c.questions() {
        if !matched_old.contains(qo.id.as_str()) {
            report.items.push(CarryItem::Dropped {
                old_number: qo.number_key(),
            });
        }
    }
    (project, report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::validation::{FindingKind, validate};

    #[test]
    fn same_catalogue_moves_everything_marked_for_recheck() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::No, Some("理由".into()))
            .unwrap();
        old.set_answer(&c, "o", Some("bio"), AnswerValue::Yes, None)
            .unwrap();
        let (new, report) = carry(&c, &old, &c, Header::default(), false);
        assert_eq!(new.value("p"), AnswerValue::No);
        assert_eq!(new.answers["p"].remark, "理由");
        assert_eq!(new.answers["o"].options["bio"].value, AnswerValue::Yes);
        assert!(new.answers.values().all(|a| a.recheck));
        assert_eq!(report.count(|i| matches!(i, CarryItem::Moved { .. })), 4);
        let findings = validate(&c, &new);
        assert!(
            findings
                .iter()
                .any(|f| f.number == "3" && f.kind == FindingKind::Recheck)
        );
        // Confirming an answer (setting it) clears the mark.
        let mut new = new;
        new.set_answer(&c, "p", None, AnswerValue::No, None)
            .unwrap();
        assert!(!new.answers["p"].recheck);
    }

    #[test]
    fn edited_catalogue_reports_each_case() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::Yes, Some("設置済み".into()))
            .unwrap();
        old.set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        let mut n = c.clone();
        n.id = "t-next".into();
        n.sections[1].questions[1].number = "9".into(); // renumbered
        n.sections[1].questions[0].text = "認証の方法はどれか?".into(); // reworded
        n.sections[0].questions.remove(1); // removed: 1.1
        n.sections[0]
            .questions
            .push(crate::domain::catalogue::Question {
                id: "new".into(),
                number: "1.9".into(),
                text: "新しく加わった設問か?".into(),
                refs: None,
                answer: AnswerKind::YesNoNa,
                gate: None,
                note: None,
                scope: Default::default(),
            });
        n.reindex();
        let (new, report) = carry(&c, &old, &n, Header::default(), true);
        let has = |want: &CarryItem| {
            report.items.iter().any(|i| match (i, want) {
                (
                    CarryItem::Moved {
                        number: a,
                        old_number: b,
                        matched: m,
                    },
                    CarryItem::Moved {
                        number: x,
                        old_number: y,
                        matched: k,
                    },
                ) => a == x && b == y && m == k,
                (
                    CarryItem::Changed {
                        number: a,
                        old_number: b,
                        matched: m,
                        similarity: s,
                    },
                    CarryItem::Changed {
                        number: x,
                        old_number: y,
                        matched: k,
                        ..
                    },
                ) => a == x && b == y && m == k && *s > 0.0 && *s < 1.0,
                (CarryItem::Unmatched { number: a }, CarryItem::Unmatched { number: x }) => a == x,
                (CarryItem::Dropped { old_number: a }, CarryItem::Dropped { old_number: x }) => {
                    a == x
                }
                _ => false,
            })
        };
        // Another catalogue: ids do not count. The renumbered question is found by its text,
        // the reworded one by its number and reference.
        assert!(has(&CarryItem::Moved {
            number: "9".into(),
            old_number: "3".into(),
            matched: MatchKind::Similar { score: 1.0 }
        }));
        assert!(has(&CarryItem::Changed {
            number: "2".into(),
            old_number: "2".into(),
            matched: MatchKind::NumberAndRef,
            similarity: 0.0
        }));
        assert!(
            !has(&CarryItem::Moved {
                number: "9".into(),
                old_number: "3".into(),
                matched: MatchKind::NumberAndRef
            }),
            "the match kind is checked"
        );
        assert!(has(&CarryItem::Unmatched {
            number: "1.9".into()
        }));
        assert!(has(&CarryItem::Dropped {
            old_number: "1.1".into()
        }));
        assert_eq!(new.value("p"), AnswerValue::Yes);
        assert_eq!(new.answers["p"].remark, "設置済み");
        assert!(!new.answers["new"].recheck);
        assert!(new.catalogue.embedded.is_some());
    }
}
