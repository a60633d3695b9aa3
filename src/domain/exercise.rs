//! Exercises for training: a copy of a model statement with the answers removed, for
//! participants to fill in, and the check of their answers against the model — built on the
//! comparison ([`super::compare`]), so "same" and "different" mean what they mean there.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::answer::AnswerValue;
use super::canonical::Statement;
use super::catalogue::{AnswerKind, Catalogue};
use super::compare::{Cell, Side, compare};
use super::project::{ExerciseOrigin, Project};

/// Why two statements cannot be checked as model and exercise.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExerciseError {
    #[error("neither statement is an exercise copy")]
    NotAnExercise,
    #[error("the model answers catalogue {model}, the exercise {exercise}")]
    OtherCatalogue { model: String, exercise: String },
}

/// How the participant's answer to one question compares with the model's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    Same,
    Different,
    Unanswered,
    /// Differs only because a gate above it was answered wrongly (one mistake, at the gate):
    /// the question is switched off on one side and on on the other.
    FollowsGate,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Same,
        Verdict::Different,
        Verdict::Unanswered,
        Verdict::FollowsGate,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Different => "different",
            Verdict::Unanswered => "unanswered",
            Verdict::FollowsGate => "by_gate",
        }
    }
}

/// One question of the check: the participant's cell beside the model's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checked {
    /// Index into [`ExerciseCheck::sections`].
    pub section: usize,
    pub number: String,
    pub text: String,
    pub verdict: Verdict,
    /// For [`Verdict::FollowsGate`]: the number of the gate answered wrongly.
    pub gate: Option<String>,
    pub model: Cell,
    pub participant: Cell,
}

/// The counts of one section (or of the whole exercise).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    pub title: String,
    pub same: usize,
    pub different: usize,
    pub unanswered: usize,
    pub follows_gate: usize,
}

impl Score {
    pub fn total(&self) -> usize {
        self.same + self.different + self.unanswered + self.follows_gate
    }

    pub fn count(&self, v: Verdict) -> usize {
        match v {
            Verdict::Same => self.same,
            Verdict::Different => self.different,
            Verdict::Unanswered => self.unanswered,
            Verdict::FollowsGate => self.follows_gate,
        }
    }

    /// The share answered as the model did, in whole per cent (rounded down), of the
    /// questions that count: those following a wrong gate are that gate's one mistake, not
    /// mistakes of their own. 100 when nothing counts.
    pub fn percent(&self) -> usize {
        let counted = self.same + self.different + self.unanswered;
        (self.same * 100).checked_div(counted).unwrap_or(100)
    }

    fn add(&mut self, v: Verdict) {
        match v {
            Verdict::Same => self.same += 1,
            Verdict::Different => self.different += 1,
            Verdict::Unanswered => self.unanswered += 1,
            Verdict::FollowsGate => self.follows_gate += 1,
        }
    }
}

/// The result of checking an exercise.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExerciseCheck {
    pub questions: Vec<Checked>,
    pub sections: Vec<Score>,
    /// The model is the one the copy was made from (its fingerprint matches). When not, the
    /// model has been changed since — or it is another model of the same catalogue.
    pub model_matches: bool,
}

impl ExerciseCheck {
    /// The counts over every section.
    pub fn total(&self) -> Score {
        let mut all = Score::default();
        for q in &self.questions {
            all.add(q.verdict);
        }
        all
    }
}

/// The exercise copy of a model: every answer 未回答, the header kept, the model's fingerprint
/// recorded (and the catalogue embedded when the model's is).
pub fn exercise_copy(catalogue: &Catalogue, model: &Project) -> Project {
    let mut p = Project::new(
        catalogue,
        model.header.clone(),
        model.catalogue.embedded.is_some(),
    );
    p.illustrative = model.illustrative;
    p.exercise = Some(ExerciseOrigin {
        model: Statement::new(catalogue, model).fingerprint(),
        participant: String::new(),
    });
    p
}

/// Which of two statements is the participant's: `(model, exercise)`, whichever order they
/// come in (the one that records a model is the exercise).
pub fn model_and_exercise<'a>(
    a: Side<'a>,
    b: Side<'a>,
) -> Result<(Side<'a>, Side<'a>), ExerciseError> {
    match (a.project.exercise.is_some(), b.project.exercise.is_some()) {
        (_, true) => Ok((a, b)),
        (true, false) => Ok((b, a)),
        (false, false) => Err(ExerciseError::NotAnExercise),
    }
}

/// Checks the participant's answers against the model, question by question.
pub fn check(model: Side<'_>, exercise: Side<'_>) -> Result<ExerciseCheck, ExerciseError> {
    let Some(origin) = &exercise.project.exercise else {
        return Err(ExerciseError::NotAnExercise);
    };
    let (mb, eb) = (&model.project.catalogue, &exercise.project.catalogue);
    if mb.id != eb.id || mb.hash != eb.hash || model.catalogue.content_hash() != mb.hash {
        return Err(ExerciseError::OtherCatalogue {
            model: mb.id.clone(),
            exercise: eb.id.clone(),
        });
    }
    let table = compare(&[model, exercise]);
    let mut sections: Vec<Score> = model
        .catalogue
        .sections
        .iter()
        .map(|s| Score {
            title: s.full_title(),
            ..Score::default()
        })
        .collect();
    // Looked up, not searched: a check of thousands of questions stays linear.
    let section_of: HashMap<&str, usize> = model
        .catalogue
        .sections
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.questions.iter().map(move |q| (q.id.as_str(), i)))
        .collect();
    // Gates answered differently, by number: the questions they switch are their consequence.
    let mut wrong_gates: HashSet<String> = HashSet::new();
    let mut questions = Vec::new();
    for row in table.rows {
        let mut cells = row.cells.into_iter();
        let (Some(Some(m)), Some(Some(p))) = (cells.next(), cells.next()) else {
            continue;
        };
        let gate = [&m, &p]
            .into_iter()
            .filter_map(|c| c.gated.as_ref())
            .map(|g| g.gate.clone())
            .find(|g| wrong_gates.contains(g));
        let verdict = if row.answer_differs && gate.is_some() {
            Verdict::FollowsGate
        } else if p.values.iter().all(|v| *v == AnswerValue::Unanswered) {
            Verdict::Unanswered
        } else if row.answer_differs {
            Verdict::Different
        } else {
            Verdict::Same
        };
        if matches!(verdict, Verdict::Different | Verdict::Unanswered)
            && model
                .catalogue
                .question(&m.question_id)
                .is_some_and(|q| q.answer == AnswerKind::Gate)
        {
            wrong_gates.insert(row.number.clone());
        }
        let section = section_of.get(m.question_id.as_str()).copied().unwrap_or(0);
        if let Some(score) = sections.get_mut(section) {
            score.add(verdict);
        }
        questions.push(Checked {
            section,
            number: row.number,
            text: row.text,
            verdict,
            gate: gate.filter(|_| verdict == Verdict::FollowsGate),
            model: m,
            participant: p,
        });
    }
    let model_matches =
        Statement::new(model.catalogue, model.project).fingerprint() == origin.model;
    Ok(ExerciseCheck {
        questions,
        sections,
        model_matches,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn side<'a>(c: &'a Catalogue, p: &'a Project) -> Side<'a> {
        Side {
            catalogue: c,
            project: p,
        }
    }

    #[test]
    fn copy_then_check_counts_same_different_unanswered() {
        let c = tiny();
        let mut model = Project::new(&c, Header::default(), false);
        model
            .set_answer(&c, "g", None, AnswerValue::Applies, Some("模範".into()))
            .unwrap();
        model
            .set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        model
            .set_answer(&c, "p", None, AnswerValue::No, None)
            .unwrap();
        let mut copy = exercise_copy(&c, &model);
        assert!(copy.answers.values().all(|a| !a.value.is_answered()));
        assert_eq!(copy.header, model.header);
        copy.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        copy.set_answer(&c, "g1", None, AnswerValue::No, None)
            .unwrap();
        // Either order: the copy is recognised as the participant's.
        let (m, e) = model_and_exercise(side(&c, &copy), side(&c, &model)).unwrap();
        let result = check(m, e).unwrap();
        assert!(result.model_matches);
        let verdicts: Vec<(&str, Verdict)> = result
            .questions
            .iter()
            .map(|q| (q.number.as_str(), q.verdict))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("1", Verdict::Same),
                ("1.1", Verdict::Different),
                ("2", Verdict::Unanswered),
                ("3", Verdict::Unanswered)
            ]
        );
        let total = result.total();
        assert_eq!((total.same, total.different, total.unanswered), (1, 1, 2));
        assert_eq!(
            result.sections.iter().map(Score::total).sum::<usize>(),
            4,
            "every question is in one section's score"
        );
        assert_eq!(result.questions[0].model.remark, "模範");
        // A changed model is still checked, but flagged.
        model
            .set_answer(&c, "p", None, AnswerValue::Yes, None)
            .unwrap();
        assert!(
            !check(side(&c, &model), side(&c, &copy))
                .unwrap()
                .model_matches
        );
    }

    #[test]
    fn refuses_plain_statements_and_other_catalogues() {
        let c = tiny();
        let model = Project::new(&c, Header::default(), false);
        assert_eq!(
            model_and_exercise(side(&c, &model), side(&c, &model)).unwrap_err(),
            ExerciseError::NotAnExercise
        );
        let mut other = c.clone();
        other.id = "other".into();
        let foreign = Project::new(&other, Header::default(), false);
        let copy = exercise_copy(&c, &model);
        assert!(matches!(
            check(side(&other, &foreign), side(&c, &copy)),
            Err(ExerciseError::OtherCatalogue { .. })
        ));
    }
}
