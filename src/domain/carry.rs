//! Carrying answers forward from an earlier statement to a new project — on the same catalogue
//! (the next release) or another edition's. Nothing moves silently: every carried answer keeps
//! where it came from and why ([`Carried`]: the earlier question, its answer and the
//! [`Reason`] it was matched by, and the other candidates), is marked "to re-check" until the
//! user confirms it, and earlier answers that found no question to go to are kept in the new
//! statement ([`CarryOrigin::unplaced`]), not dropped.

use std::collections::HashSet;

use serde::Serialize;

use super::canonical::Statement;
pub use super::carried::{
    Carried, CarryCandidate, CarryOrigin, Earlier, EarlierAnswer, LibraryOrigin,
};
use super::catalogue::{AnswerKind, Catalogue, Question};
use super::edition::{Found, Reason, find_candidates, letters, normalized_text};
use super::project::{Answer, Header, Project};
use super::source::{Correspondence, WorkbookSource};
use super::text::same_label;

/// An earlier question and its answer, as recorded in the carried statement.
fn earlier_of(c: &Catalogue, q: &Question, p: &Project) -> Earlier {
    let answer = p.answer(&q.id).cloned().unwrap_or_default();
    Earlier {
        id: q.id.clone(),
        number: q.number_key(),
        text: q.text.clone(),
        reference: q.ref_raw().unwrap_or_default().to_string(),
        section: c
            .section_of(&q.id)
            .map(|s| s.full_title())
            .unwrap_or_default(),
        options: q
            .answer
            .options()
            .iter()
            .map(|o| (o.id.clone(), o.label.clone()))
            .collect(),
        answer: EarlierAnswer {
            value: answer.value,
            remark: answer.remark,
            condition: answer.condition,
            options: answer.options,
        },
    }
}

/// What happened to one question in a carry-forward.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CarryItem {
    /// The answer of an earlier question was carried; `changed` when the wording differs
    /// (read it again beside the old wording), `moved_ref` when only the guideline reference
    /// does (every question, from one guideline edition to the next).
    Carried {
        number: String,
        old_number: String,
        reason: Reason,
        similarity: u8,
        changed: bool,
        moved_ref: bool,
    },
    /// Earlier questions that may be this one's, none sure enough to carry: pick one.
    Offered { number: String, candidates: usize },
    /// A question of the new catalogue with no earlier counterpart: answer it.
    Unmatched { number: String },
    /// An earlier question with no counterpart in the new catalogue: its answer was kept in
    /// the statement's record, not carried.
    Dropped { old_number: String, text: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct CarryReport {
    pub items: Vec<CarryItem>,
}

impl CarryReport {
    pub fn count(&self, f: impl Fn(&CarryItem) -> bool) -> usize {
        self.items.iter().filter(|i| f(i)).count()
    }

    /// The report of a carried project, from what it records.
    pub fn of(c: &Catalogue, p: &Project) -> CarryReport {
        let mut items = Vec::new();
        for q in c.questions() {
            let number = q.number_key();
            let carried = p.answer(&q.id).and_then(|a| a.carried.as_deref());
            items.push(match carried {
                None => CarryItem::Unmatched { number },
                Some(cr) => match cr.chosen() {
                    Some(k) => CarryItem::Carried {
                        number,
                        old_number: k.earlier.number.clone(),
                        reason: k.reason.clone(),
                        similarity: k.similarity,
                        changed: normalized_text(&q.text) != normalized_text(&k.earlier.text),
                        moved_ref: letters(q.ref_raw().unwrap_or_default())
                            != letters(&k.earlier.reference),
                    },
                    None => CarryItem::Offered {
                        number,
                        candidates: cr.candidates.len(),
                    },
                },
            });
        }
        items.extend(dropped(p).into_iter().map(|e| CarryItem::Dropped {
            old_number: e.number.clone(),
            text: e.text.clone(),
        }));
        CarryReport { items }
    }
}

/// The earlier questions whose answers no question of a carried statement takes now: those
/// none took when it was carried, and candidates the user has since let go (引き継ぎ先なし);
/// in the earlier statement's order where it is recorded.
pub fn dropped(p: &Project) -> Vec<&Earlier> {
    let mut chosen: HashSet<&str> = HashSet::new();
    let mut offered: Vec<&Earlier> = Vec::new();
    for a in p.answers.values() {
        if let Some(c) = a.carried.as_deref() {
            chosen.extend(c.earlier_chosen().map(|k| k.earlier.id.as_str()));
            // An answer library's entries offered when filling are no earlier questions.
            offered.extend(
                c.candidates
                    .iter()
                    .filter(|k| k.library.is_none())
                    .map(|k| &k.earlier),
            );
        }
    }
    let unplaced = p.carried_from.iter().flat_map(|o| o.unplaced.iter());
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out: Vec<&Earlier> = unplaced
        .chain(offered)
        .filter(|e| !chosen.contains(e.id.as_str()) && seen.insert(e.id.as_str()))
        .collect();
    out.sort_by_key(|e| {
        crate::domain::text::normalize_number(&e.number).map(|n| {
            n.split('.')
                .map(|x| x.parse::<u32>().unwrap_or(0))
                .collect::<Vec<u32>>()
        })
    });
    out
}

/// Whether everything an earlier answer says has a place in the new question: no value the
/// question does not offer, no answered option it lacks, no options answered for a question
/// answered as a whole. An answer that does not fit is offered, not carried.
pub fn fits(q: &Question, e: &Earlier) -> bool {
    let a = &e.answer;
    let said = |o: &crate::domain::answer::OptionAnswer| {
        o.value != Default::default() || !o.remark.trim().is_empty()
    };
    match &q.answer {
        AnswerKind::Options(on) => {
            a.value == Default::default()
                && a.options.iter().filter(|(_, o)| said(o)).all(|(id, _)| {
                    let label = e.options.get(id).map(String::as_str).unwrap_or(id);
                    on.iter().any(|o| same_label(&o.label, label))
                })
        }
        kind => {
            (a.value == Default::default() || kind.allowed().contains(&a.value))
                && !a.options.values().any(said)
        }
    }
}

/// Whether a question's wording or reference differs from the earlier one's.
pub fn is_changed(q: &Question, e: &Earlier) -> bool {
    normalized_text(&q.text) != normalized_text(&e.text)
        || letters(q.ref_raw().unwrap_or_default()) != letters(&e.reference)
}

/// What a carry-forward starts from and goes to.
pub struct CarryInput<'a> {
    pub old_c: &'a Catalogue,
    pub old_p: &'a Project,
    pub new_c: &'a Catalogue,
    /// The workbook the new catalogue was imported from, when it was: kept with the new
    /// statement so it can be filled, and its correspondence sheet used.
    pub new_source: Option<&'a WorkbookSource>,
    pub header: Header,
    /// Keep a copy of the new catalogue in the project (a catalogue not shipped).
    pub embed: bool,
}

/// Puts an earlier answer on a question, as far as the question's kind allows: values the
/// question does not offer stay unanswered, options are found by id and label, else by label.
/// Dates are not carried (確認日 is this year's).
pub fn apply_earlier(q: &Question, e: &Earlier, to: &mut Answer) {
    to.value = Default::default();
    to.remark.clear();
    to.condition.clear();
    to.options.clear();
    let from = &e.answer;
    match &q.answer {
        AnswerKind::Options(on) => {
            for o in on {
                let from_id = e
                    .options
                    .iter()
                    .find(|(id, label)| **id == o.id && same_label(label, &o.label))
                    .or_else(|| {
                        e.options
                            .iter()
                            .find(|(_, label)| same_label(label, &o.label))
                    })
                    .map(|(id, _)| id);
                if let Some(oa) = from_id.and_then(|id| from.options.get(id)) {
                    to.options.insert(o.id.clone(), oa.clone());
                }
            }
            to.remark = from.remark.clone();
        }
        kind => {
            if kind.allowed().contains(&from.value) {
                to.value = from.value;
            }
            to.remark = from.remark.clone();
            if matches!(kind, AnswerKind::YesNoNa) {
                to.condition = from.condition.clone();
            }
        }
    }
}

/// A new project on `input.new_c` with the answers of `input.old_p` carried forward.
pub fn carry(input: CarryInput) -> (Project, CarryReport) {
    let CarryInput {
        old_c,
        old_p,
        new_c,
        new_source,
        header,
        embed,
    } = input;
    let mut project = Project::new(new_c, header, embed);
    project.source = new_source.cloned();
    let rows: Vec<Correspondence> = old_p
        .source
        .iter()
        .chain(new_source)
        .flat_map(|s| s.correspondence.iter().cloned())
        .collect();
    let found = find_candidates(old_c, new_c, &rows);
    let mut placed = HashSet::new();
    for f in &found {
        placed.extend(place(old_c, old_p, new_c, f, &mut project));
    }
    project.carried_from = Some(CarryOrigin {
        header: old_p.header.clone(),
        catalogue: old_c.id.clone(),
        catalogue_title: old_c.title.clone(),
        catalogue_version: old_c.form_version.clone(),
        fingerprint: Statement::new(old_c, old_p).fingerprint(),
        unplaced: old_c
            .questions()
            .filter(|q| !placed.contains(&q.id))
            .map(|q| earlier_of(old_c, q, old_p))
            .collect(),
    });
    let report = CarryReport::of(new_c, &project);
    (project, report)
}

/// Records a new question's candidates in its answer and carries the chosen one's answer when
/// it [`fits`] (else it is only offered). Returns the id of the earlier question carried.
fn place(
    old_c: &Catalogue,
    old_p: &Project,
    new_c: &Catalogue,
    f: &Found,
    project: &mut Project,
) -> Option<String> {
    let (Some(qn), false) = (new_c.question(&f.new), f.candidates.is_empty()) else {
        return None;
    };
    let candidates: Vec<CarryCandidate> = f
        .candidates
        .iter()
        .filter_map(|c| {
            let qo = old_c.question(&c.old)?;
            Some(CarryCandidate {
                reason: c.reason.clone(),
                similarity: (c.similarity * 100.0).round().clamp(0.0, 100.0) as u8,
                earlier: earlier_of(old_c, qo, old_p),
                library: None,
            })
        })
        .collect();
    let chosen = f
        .chosen
        .filter(|i| candidates.get(*i).is_some_and(|k| fits(qn, &k.earlier)));
    let entry = project.answers.entry(qn.id.clone()).or_default();
    let taken = chosen.and_then(|i| candidates.get(i));
    if let Some(k) = taken {
        apply_earlier(qn, &k.earlier, entry);
        entry.recheck = true;
    }
    let id = taken.map(|k| k.earlier.id.clone());
    entry.carried = Some(Box::new(Carried { candidates, chosen }));
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::edit::Edit;
    use crate::domain::history::History;
    use crate::domain::validation::{FindingKind, validate};

    fn input<'a>(old_c: &'a Catalogue, old_p: &'a Project, new_c: &'a Catalogue) -> CarryInput<'a> {
        CarryInput {
            old_c,
            old_p,
            new_c,
            new_source: None,
            header: Header::default(),
            embed: true,
        }
    }

    fn carried_from<'a>(p: &'a Project, id: &str) -> Option<&'a CarryCandidate> {
        p.answers[id].carried.as_ref().and_then(|c| c.chosen())
    }

    #[test]
    fn same_catalogue_moves_everything_marked_for_recheck() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::No, Some("理由".into()))
            .unwrap();
        old.set_answer(&c, "o", Some("bio"), AnswerValue::Yes, None)
            .unwrap();
        let (new, report) = carry(input(&c, &old, &c));
        assert_eq!(new.value("p"), AnswerValue::No);
        assert_eq!(new.answers["p"].remark, "理由");
        assert_eq!(new.answers["o"].options["bio"].value, AnswerValue::Yes);
        assert!(new.answers.values().all(|a| a.recheck));
        assert_eq!(carried_from(&new, "p").unwrap().reason, Reason::SameId);
        assert_eq!(
            report.count(|i| matches!(i, CarryItem::Carried { changed: false, .. })),
            4
        );
        let origin = new.carried_from.as_ref().unwrap();
        assert!(origin.unplaced.is_empty());
        assert!(origin.fingerprint.starts_with("sha256:"));
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

    /// `tiny` as another catalogue: renumbered, reworded, removed and added questions.
    fn next_of(c: &Catalogue) -> Catalogue {
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
        n
    }

    #[test]
    fn edited_catalogue_reports_each_case_with_its_reason() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::Yes, Some("設置済み".into()))
            .unwrap();
        old.set_answer(&c, "g1", None, AnswerValue::Yes, Some("残す".into()))
            .unwrap();
        let n = next_of(&c);
        let (new, report) = carry(input(&c, &old, &n));
        // Another catalogue: ids do not count. The renumbered question is found by its text,
        // the reworded one by its number and reference.
        let p = carried_from(&new, "p").unwrap();
        assert_eq!(
            (p.reason.clone(), p.earlier.number.as_str()),
            (Reason::SameText, "3")
        );
        assert_eq!(
            carried_from(&new, "o").unwrap().reason,
            Reason::NumberAndRef
        );
        assert!(report.items.contains(&CarryItem::Carried {
            number: "9".into(),
            old_number: "3".into(),
            reason: Reason::SameText,
            similarity: 100,
            changed: false,
            moved_ref: false,
        }));
        assert!(report.items.iter().any(|i| matches!(i,
            CarryItem::Carried { number, reason: Reason::NumberAndRef, changed: true, similarity, .. }
                if number == "2" && *similarity < 100)));
        assert!(report.items.contains(&CarryItem::Unmatched {
            number: "1.9".into()
        }));
        assert!(report.items.iter().any(|i| matches!(i,
            CarryItem::Dropped { old_number, .. } if old_number == "1.1")));
        assert_eq!(new.value("p"), AnswerValue::Yes);
        assert_eq!(new.answers["p"].remark, "設置済み");
        assert!(!new.answers["new"].recheck);
        assert!(new.catalogue.embedded.is_some());
        // The dropped answer is kept, with its remark, and the report is the same when
        // rebuilt from the saved statement.
        let kept = &new.carried_from.as_ref().unwrap().unplaced;
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].answer.remark, "残す");
        let json = serde_json::to_string(&new).unwrap();
        let back: Project = serde_json::from_str(&json).unwrap();
        assert_eq!(back, new);
        assert_eq!(CarryReport::of(&n, &back), report);
    }

    #[test]
    fn picking_another_candidate_and_confirming_a_reason_are_one_undo_step_each() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::No, Some("前".into()))
            .unwrap();
        let (mut new, _) = carry(input(&c, &old, &c));
        // Offer a second candidate by hand: the earlier 1.1 for question 3.
        let extra = CarryCandidate {
            reason: Reason::RefOnly,
            similarity: 10,
            earlier: Earlier {
                id: "g1".into(),
                number: "1.1".into(),
                text: "別の設問".into(),
                answer: EarlierAnswer {
                    value: AnswerValue::Yes,
                    remark: "別".into(),
                    ..EarlierAnswer::default()
                },
                ..Earlier::default()
            },
            library: None,
        };
        new.answers["p"]
            .carried
            .as_mut()
            .unwrap()
            .candidates
            .push(extra);
        let before = new.clone();
        let mut h: History<Project> = History::new();
        let pick = |k| Edit::PickCandidate {
            question: "p".into(),
            candidate: k,
        };
        assert!(h.apply(&mut new, &c, pick(Some(1)), 0.0).unwrap());
        assert_eq!(new.value("p"), AnswerValue::Yes);
        assert_eq!(new.answers["p"].remark, "別");
        assert!(new.answers["p"].recheck);
        assert_eq!(new.answers["p"].carried.as_ref().unwrap().chosen, Some(1));
        assert!(
            h.apply(&mut new, &c, pick(Some(7)), 1.0).is_err(),
            "no such candidate"
        );
        assert!(h.apply(&mut new, &c, pick(None), 2.0).unwrap());
        assert_eq!(new.value("p"), AnswerValue::Unanswered);
        assert!(!new.answers["p"].recheck);
        h.undo(&mut new);
        h.undo(&mut new);
        assert_eq!(new, before);
        // Confirm every carried answer at once; one undo puts every mark back.
        let all: Vec<String> = new.answers.keys().cloned().collect();
        assert!(
            h.apply(
                &mut new,
                &c,
                Edit::ConfirmAllCarried { questions: all },
                3.0
            )
            .unwrap()
        );
        assert!(new.answers.values().all(|a| !a.recheck));
        h.undo(&mut new);
        assert_eq!(new, before);
        let unknown = Edit::ConfirmAllCarried {
            questions: vec!["p".into(), "nope".into()],
        };
        assert!(h.apply(&mut new, &c, unknown, 4.0).is_err());
        assert_eq!(new, before, "a refused edit changes nothing");
    }

    #[test]
    fn changes_list_new_reworded_answered_and_dropped_by_section() {
        use crate::domain::changes::{ChangeKind, changes};
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::No, None)
            .unwrap();
        old.set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        let n = next_of(&c);
        let (mut new, _) = carry(input(&c, &old, &n));
        assert!(changes(&c, &old).is_none(), "not carried: no list");
        new.set_answer(&n, "p", None, AnswerValue::Yes, None)
            .unwrap();
        let ch = changes(&n, &new).unwrap();
        assert_eq!(ch.count(ChangeKind::New), 1);
        assert_eq!(ch.count(ChangeKind::Reworded), 1);
        assert_eq!(ch.count(ChangeKind::Dropped), 1);
        let answered: Vec<&str> = ch
            .rows
            .iter()
            .filter(|r| r.kind == ChangeKind::Answer)
            .map(|r| r.number.as_str())
            .collect();
        assert_eq!(answered, ["9"]);
        let reworded = ch
            .rows
            .iter()
            .find(|r| r.kind == ChangeKind::Reworded)
            .unwrap();
        assert_eq!(reworded.text, "認証の方法はどれか?");
        assert_ne!(reworded.old_text, reworded.text);
        assert_ne!(ch.before.fingerprint, ch.after.fingerprint);
    }

    #[test]
    fn an_answer_that_does_not_fit_is_offered_not_carried_and_stays_in_the_record() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, Some("8文字".into()))
            .unwrap();
        // The option question 2 becomes a yes/no question of the same number and reference.
        let mut n = c.clone();
        n.id = "t-yesno".into();
        n.sections[1].questions[0].answer = AnswerKind::YesNoNa;
        n.reindex();
        let (new, report) = carry(input(&c, &old, &n));
        let a = &new.answers["o"];
        assert_eq!(a.carried.as_ref().unwrap().chosen, None, "offered only");
        assert!(!a.recheck && a.value == AnswerValue::Unanswered);
        assert!(report.items.iter().any(|i| matches!(i,
            CarryItem::Offered { number, .. } if number == "2")));
        let kept = dropped(&new);
        assert!(
            kept.iter()
                .any(|e| e.id == "o" && e.answer.options["pw"].remark == "8文字")
        );
    }

    #[test]
    fn a_candidate_let_go_is_listed_as_without_counterpart() {
        let c = tiny();
        let old = Project::new(&c, Header::default(), false);
        let (mut new, _) = carry(input(&c, &old, &c));
        assert!(dropped(&new).is_empty());
        new.apply(
            &c,
            &Edit::PickCandidate {
                question: "p".into(),
                candidate: None,
            },
        )
        .unwrap();
        let ids: Vec<&str> = dropped(&new).iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["p"]);
    }

    #[test]
    fn an_option_remark_changed_is_an_answer_change() {
        use crate::domain::changes::{ChangeKind, changes};
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, Some("8文字".into()))
            .unwrap();
        let (mut new, _) = carry(input(&c, &old, &c));
        let unchanged = changes(&c, &new).unwrap();
        assert_eq!(unchanged.count(ChangeKind::Answer), 0);
        new.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, Some("12文字".into()))
            .unwrap();
        let ch = changes(&c, &new).unwrap();
        let row = ch
            .rows
            .iter()
            .find(|r| r.kind == ChangeKind::Answer)
            .unwrap();
        assert_eq!(row.number, "2");
        let before = row.before.as_ref().unwrap();
        assert_eq!(before.options[0].remark, "8文字");
        assert_eq!(row.after.as_ref().unwrap().options[0].remark, "12文字");
    }
}
