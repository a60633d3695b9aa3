//! A seminar's 答え合わせ: every participant's exercise copy checked against one model, and per
//! question how the class answered — the spread of answers, who differs from the model, who
//! left a 「いいえ」 without 備考, who claimed more than the model (「はい」 where it says
//! 「いいえ」). Built on the single check ([`super::exercise::check`]), so a verdict means the
//! same in the class table as on a participant's own sheet.

use serde::Serialize;

use super::answer::AnswerValue;
use super::compare::{Cell, Side};
use super::exercise::{ExerciseCheck, ExerciseError, Verdict, check};

/// The most participants one class check reads (a seminar room, many times over); a longer
/// list is refused before anything is read.
pub const MAX_PARTICIPANTS: usize = 1000;

/// One participant's copy, named as the class table shows it (their name, else the file's).
#[derive(Debug, Clone, Copy)]
pub struct Submission<'a> {
    pub label: &'a str,
    pub side: Side<'a>,
}

/// One participant's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub label: String,
    pub check: ExerciseCheck,
}

/// How the class answered one question. Participant lists hold indexes into
/// [`ClassCheck::participants`], in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassQuestion {
    /// Index into [`ClassCheck::sections`].
    pub section: usize,
    pub number: String,
    pub text: String,
    pub model: Cell,
    /// Every answer given (as shown) and who gave it, the most frequent first.
    pub answers: Vec<(String, Vec<usize>)>,
    pub different: Vec<usize>,
    pub unanswered: Vec<usize>,
    pub follows_gate: Vec<usize>,
    /// 「いいえ」 (on any option) with an empty 備考.
    pub no_without_remark: Vec<usize>,
    /// 「はい」 where the model says 「いいえ」 (on the same option).
    pub over_claims: Vec<usize>,
}

impl ClassQuestion {
    /// How many participants did not answer as the model did (a question following a wrong
    /// gate is that gate's mistake, not counted here).
    pub fn missed(&self) -> usize {
        self.different.len() + self.unanswered.len()
    }
}

/// The class result.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ClassCheck {
    pub participants: Vec<Participant>,
    pub questions: Vec<ClassQuestion>,
    /// Section titles, as in the model's catalogue.
    pub sections: Vec<String>,
}

impl ClassCheck {
    /// The questions most participants missed, most first (catalogue order among equals);
    /// questions nobody missed are left out.
    pub fn most_missed(&self, at_most: usize) -> Vec<&ClassQuestion> {
        let mut qs: Vec<&ClassQuestion> =
            self.questions.iter().filter(|q| q.missed() > 0).collect();
        qs.sort_by_key(|q| std::cmp::Reverse(q.missed()));
        qs.truncate(at_most);
        qs
    }

    /// Whether any participant has questions that follow a wrong gate (the report explains
    /// how they count).
    pub fn any_follows_gate(&self) -> bool {
        self.questions.iter().any(|q| !q.follows_gate.is_empty())
    }

    /// The participants whose score is below `percent`, by index.
    pub fn below(&self, percent: usize) -> Vec<usize> {
        self.participants
            .iter()
            .enumerate()
            .filter(|(_, p)| p.check.total().percent() < percent)
            .map(|(i, _)| i)
            .collect()
    }
}

/// Checks every submission against the model. A submission that cannot be checked (not an
/// exercise copy, another catalogue) is returned with its index and reason; the others are
/// checked.
pub fn check_class(
    model: Side<'_>,
    submissions: &[Submission<'_>],
) -> (ClassCheck, Vec<(usize, ExerciseError)>) {
    let mut refused = Vec::new();
    let mut participants = Vec::new();
    for (i, s) in submissions.iter().enumerate() {
        match check(model, s.side) {
            Ok(check) => participants.push(Participant {
                label: s.label.to_string(),
                check,
            }),
            Err(e) => refused.push((i, e)),
        }
    }
    let sections = model
        .catalogue
        .sections
        .iter()
        .map(|s| s.full_title())
        .collect();
    let questions = class_questions(&participants);
    (
        ClassCheck {
            participants,
            questions,
            sections,
        },
        refused,
    )
}

/// The per-question view of the participants' checks (each check lists the model's questions
/// in the same order, the model being the same).
fn class_questions(participants: &[Participant]) -> Vec<ClassQuestion> {
    let Some(first) = participants.first() else {
        return Vec::new();
    };
    let mut out: Vec<ClassQuestion> = first
        .check
        .questions
        .iter()
        .map(|q| ClassQuestion {
            section: q.section,
            number: q.number.clone(),
            text: q.text.clone(),
            model: q.model.clone(),
            answers: Vec::new(),
            different: Vec::new(),
            unanswered: Vec::new(),
            follows_gate: Vec::new(),
            no_without_remark: Vec::new(),
            over_claims: Vec::new(),
        })
        .collect();
    for (who, p) in participants.iter().enumerate() {
        for (cq, q) in out.iter_mut().zip(&p.check.questions) {
            match q.verdict {
                Verdict::Same => {}
                Verdict::Different => cq.different.push(who),
                Verdict::Unanswered => cq.unanswered.push(who),
                Verdict::FollowsGate => cq.follows_gate.push(who),
            }
            let mine = &q.participant;
            if mine.values.contains(&AnswerValue::No) && mine.remark.trim().is_empty() {
                cq.no_without_remark.push(who);
            }
            let over = mine
                .values
                .iter()
                .zip(&q.model.values)
                .any(|(p, m)| *p == AnswerValue::Yes && *m == AnswerValue::No);
            if over {
                cq.over_claims.push(who);
            }
            match cq.answers.iter_mut().find(|(a, _)| *a == mine.answer) {
                Some((_, who_gave)) => who_gave.push(who),
                None => cq.answers.push((mine.answer.clone(), vec![who])),
            }
        }
    }
    for q in &mut out {
        // Stable: among equal counts, the answer first given stays first.
        q.answers
            .sort_by_key(|(_, who)| std::cmp::Reverse(who.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::exercise::exercise_copy;
    use crate::domain::project::{Header, Project};

    fn side<'a>(c: &'a Catalogue, p: &'a Project) -> Side<'a> {
        Side {
            catalogue: c,
            project: p,
        }
    }

    fn model(c: &Catalogue) -> Project {
        let mut m = Project::new(c, Header::default(), false);
        for (q, v) in [
            ("g", AnswerValue::Applies),
            ("g1", AnswerValue::Yes),
            ("p", AnswerValue::No),
        ] {
            m.set_answer(c, q, None, v, Some("模範".into())).unwrap();
        }
        m.set_answer(c, "o", Some("pw"), AnswerValue::Yes, None)
            .unwrap();
        m.set_answer(c, "o", Some("bio"), AnswerValue::No, None)
            .unwrap();
        m
    }

    #[test]
    fn a_wrong_gate_is_one_mistake_and_its_questions_follow_it() {
        let c = tiny();
        let m = model(&c);
        let mut copy = exercise_copy(&c, &m);
        copy.set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        copy.set_answer(&c, "p", None, AnswerValue::No, Some("理由".into()))
            .unwrap();
        let r = check(side(&c, &m), side(&c, &copy)).unwrap();
        let verdicts: Vec<(&str, Verdict, Option<&str>)> = r
            .questions
            .iter()
            .map(|q| (q.number.as_str(), q.verdict, q.gate.as_deref()))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("1", Verdict::Different, None),
                ("1.1", Verdict::FollowsGate, Some("1")),
                ("2", Verdict::Unanswered, None),
                ("3", Verdict::Same, None),
            ]
        );
        let total = r.total();
        assert_eq!(
            (total.different, total.follows_gate, total.unanswered),
            (1, 1, 1)
        );
        // 1 of the 3 questions that count.
        assert_eq!(total.percent(), 33);
    }

    #[test]
    fn the_class_table_names_who_missed_left_out_remarks_and_over_claimed() {
        let c = tiny();
        let m = model(&c);
        let blank = exercise_copy(&c, &m);
        // Alice: all as the model (remarks aside); Bob: はい where the model says いいえ (3),
        // and いいえ without 備考 on an option (2); Cho: a wrong gate and nothing else.
        let mut alice = blank.clone();
        for (q, v) in [
            ("g", AnswerValue::Applies),
            ("g1", AnswerValue::Yes),
            ("p", AnswerValue::No),
        ] {
            alice
                .set_answer(&c, q, None, v, Some("理由".into()))
                .unwrap();
        }
        alice
            .set_answer(&c, "o", Some("pw"), AnswerValue::Yes, None)
            .unwrap();
        alice
            .set_answer(&c, "o", Some("bio"), AnswerValue::No, Some("理由".into()))
            .unwrap();
        let mut bob = alice.clone();
        bob.set_answer(&c, "p", None, AnswerValue::Yes, None)
            .unwrap();
        bob.set_answer(&c, "o", Some("bio"), AnswerValue::No, Some(String::new()))
            .unwrap();
        let mut cho = blank.clone();
        cho.set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        let subs = [
            Submission {
                label: "Alice",
                side: side(&c, &alice),
            },
            Submission {
                label: "Bob",
                side: side(&c, &bob),
            },
            Submission {
                label: "Cho",
                side: side(&c, &cho),
            },
        ];
        let (class, refused) = check_class(side(&c, &m), &subs);
        assert!(refused.is_empty());
        assert_eq!(class.participants.len(), 3);
        let q = |n: &str| class.questions.iter().find(|q| q.number == n).unwrap();
        assert_eq!(q("1").different, [2]);
        assert_eq!(q("1.1").follows_gate, [2]);
        assert!(q("1.1").different.is_empty());
        assert_eq!(q("3").different, [1]);
        assert_eq!(q("3").over_claims, [1]);
        assert_eq!(q("3").unanswered, [2]);
        assert_eq!(
            q("3").answers,
            [
                ("いいえ".to_string(), vec![0]),
                ("はい".to_string(), vec![1]),
                ("未回答".to_string(), vec![2]),
            ]
        );
        assert_eq!(q("2").no_without_remark, [1]);
        assert!(q("2").over_claims.is_empty());
        assert!(q("2").different.is_empty());
        let scores: Vec<usize> = class
            .participants
            .iter()
            .map(|p| p.check.total().percent())
            .collect();
        assert_eq!(scores, [100, 75, 0]);
        assert_eq!(class.below(80), [1, 2]);
        // Question 3 was missed by two (Bob differs, Cho left it), then 1 and 2 by one each.
        let missed: Vec<&str> = class
            .most_missed(3)
            .iter()
            .map(|q| q.number.as_str())
            .collect();
        assert_eq!(missed, ["3", "1", "2"]);
    }

    #[test]
    fn a_file_that_is_not_a_copy_is_refused_and_the_others_are_checked() {
        let c = tiny();
        let m = model(&c);
        let copy = exercise_copy(&c, &m);
        let subs = [
            Submission {
                label: "model again",
                side: side(&c, &m),
            },
            Submission {
                label: "copy",
                side: side(&c, &copy),
            },
        ];
        let (class, refused) = check_class(side(&c, &m), &subs);
        assert_eq!(refused, [(0, ExerciseError::NotAnExercise)]);
        assert_eq!(class.participants.len(), 1);
        assert_eq!(class.participants[0].label, "copy");
        assert_eq!(class.questions.len(), 4);
    }
}
