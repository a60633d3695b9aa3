//! What a statement shows, counted: the values the form displays for each answerable unit (a
//! plain question, or each option), and tallies per section and overall (PDF summary, GUI
//! progress bars).

use super::answer::AnswerValue;
use super::catalogue::{AnswerKind, Catalogue, Question};
use super::project::Project;
use super::validation::{GateState, effective_value, gate_state};

/// Counts over answerable units (plain questions and each option), using the values the form
/// shows.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub yes: usize,
    pub no: usize,
    pub na: usize,
    pub unanswered: usize,
    pub applies: usize,
    pub does_not_apply: usize,
}

impl Tally {
    fn add(&mut self, v: AnswerValue) {
        match v {
            AnswerValue::Yes => self.yes += 1,
            AnswerValue::No => self.no += 1,
            AnswerValue::NotApplicable => self.na += 1,
            AnswerValue::Unanswered => self.unanswered += 1,
            AnswerValue::Applies => self.applies += 1,
            AnswerValue::DoesNotApply => self.does_not_apply += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.yes + self.no + self.na + self.unanswered + self.applies + self.does_not_apply
    }

    pub fn answered(&self) -> usize {
        self.total() - self.unanswered
    }
}

/// What the units of a catalogue are: (plain questions, option rows). Their sum is what a
/// [`Tally`] over the whole statement counts.
pub fn unit_counts(c: &Catalogue) -> (usize, usize) {
    c.questions()
        .fold((0, 0), |(plain, rows), q| match q.answer.options().len() {
            0 => (plain + 1, rows),
            n => (plain, rows + n),
        })
}

/// The values each answerable unit of a question shows (one for a plain question, one per
/// option).
pub fn shown_values(c: &Catalogue, p: &Project, q: &Question) -> Vec<AnswerValue> {
    match &q.answer {
        AnswerKind::Options(options) => options
            .iter()
            .map(|o| shown_option_value(c, p, q, &o.id))
            .collect(),
        _ => vec![effective_value(c, p, q)],
    }
}

/// A question's answer and remark as one line each, given its shown `values`: `はい` and the
/// remark; for an option question `記憶ID=はい / 生体認証=いいえ` and `記憶ID: remark / …`.
pub fn shown_answer(p: &Project, q: &Question, values: &[AnswerValue]) -> (String, String) {
    let answer = p.answer(&q.id);
    let options = q.answer.options();
    if options.is_empty() {
        let shown = values
            .first()
            .copied()
            .unwrap_or_default()
            .label()
            .to_string();
        return (shown, answer.map(|a| a.remark.clone()).unwrap_or_default());
    }
    let shown = options
        .iter()
        .zip(values)
        .map(|(o, v)| format!("{}={}", o.label, v.label()))
        .collect::<Vec<_>>()
        .join(" / ");
    let remarks = options
        .iter()
        .filter_map(|o| {
            let r = answer?.options.get(&o.id)?.remark.trim().to_string();
            (!r.is_empty()).then(|| format!("{}: {r}", o.label))
        })
        .collect::<Vec<_>>()
        .join(" / ");
    (shown, remarks)
}

/// The value an option shows: its own answer, or 対象外 under a closed gate.
pub fn shown_option_value(
    c: &Catalogue,
    p: &Project,
    q: &Question,
    option_id: &str,
) -> AnswerValue {
    if matches!(gate_state(c, p, q), GateState::Disabled { .. }) {
        return AnswerValue::NotApplicable;
    }
    p.answer(&q.id)
        .and_then(|a| a.options.get(option_id))
        .map(|a| a.value)
        .unwrap_or_default()
}

/// The tally of the whole statement and of each section.
pub fn tallies(c: &Catalogue, p: &Project) -> (Tally, Vec<Tally>) {
    let mut all = Tally::default();
    let mut per = Vec::new();
    for s in &c.sections {
        let mut t = Tally::default();
        for q in &s.questions {
            for v in shown_values(c, p, q) {
                t.add(v);
                all.add(v);
            }
        }
        per.push(t);
    }
    (all, per)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    #[test]
    fn tallies_count_units_with_gates_applied() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        p.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, None)
            .unwrap();
        let (all, per) = tallies(&c, &p);
        assert_eq!(all.does_not_apply, 1);
        assert_eq!(all.na, 1, "1.1 shows 対象外 under the closed gate");
        assert_eq!(all.yes, 1);
        assert_eq!(all.unanswered, 2, "one option and question 3");
        assert_eq!(all.total(), 5);
        assert_eq!((per[0].answered(), per[0].total()), (2, 2));
        assert_eq!((per[1].answered(), per[1].total()), (1, 3));
    }
}
