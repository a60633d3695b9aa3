//! The answer grid (表示 → 一覧): every question of the open statement in one table — number,
//! text, answer, remark, review status and comment — filtered and sorted. The rows are built
//! here, without egui; `ui::grid` draws them.

use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Question;
use crate::domain::project::ReviewStatus;
use crate::domain::summary::{shown_answer, shown_values};
use crate::domain::text::fold_width;
use crate::domain::validation::{GateState, Severity, gate_state};

use super::doc::Doc;

/// The column the grid is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GridSort {
    /// Catalogue order.
    #[default]
    Number,
    Answer,
    Review,
}

/// The grid's filters, search and sort order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GridForm {
    /// Only questions holding this value (in the question or any of its options).
    pub answer: Option<AnswerValue>,
    /// Only questions with this review status.
    pub review: Option<ReviewStatus>,
    /// Only questions with a finding (error or warning).
    pub findings: bool,
    pub search: String,
    pub sort: GridSort,
    pub descending: bool,
}

/// One row of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub question_id: String,
    pub number: String,
    pub text: String,
    /// The answer as shown (options as `label=value / …`).
    pub answer: String,
    /// The value that colours the answer (the first option's for option questions).
    pub value: AnswerValue,
    /// A question answered as a whole (no options): `value` is its answer.
    pub single: bool,
    pub remark: String,
    /// The answer's condition (条件付き回答; empty: unconditional).
    pub condition: String,
    pub review: ReviewStatus,
    pub comment: String,
    /// A finding (error or warning) concerns the question.
    pub finding: bool,
    /// A gate above switches the question off (対象外).
    pub gated: bool,
}

fn row(doc: &Doc, q: &Question) -> GridRow {
    let values = shown_values(&doc.catalogue, &doc.project, q);
    let (shown, remark) = shown_answer(&doc.project, q, &values);
    GridRow {
        question_id: q.id.clone(),
        number: q.number_key(),
        text: q.full_text(),
        answer: shown,
        value: values.first().copied().unwrap_or_default(),
        single: q.answer.options().is_empty(),
        remark,
        condition: doc
            .project
            .answer(&q.id)
            .map(|a| a.condition.clone())
            .unwrap_or_default(),
        review: doc.project.review.status(&q.id),
        comment: doc.project.review.comment(&q.id).to_string(),
        finding: doc
            .findings
            .iter()
            .any(|f| f.question_id == q.id && f.severity != Severity::Info),
        gated: matches!(
            gate_state(&doc.catalogue, &doc.project, q),
            GateState::Disabled { .. }
        ),
    }
}

/// Whether a row passes the filters and the search.
fn keeps(form: &GridForm, row: &GridRow, values: &[AnswerValue], needle: &str) -> bool {
    if form.answer.is_some_and(|v| !values.contains(&v))
        || form.review.is_some_and(|st| row.review != st)
        || form.findings && !row.finding
    {
        return false;
    }
    needle.is_empty()
        || [
            &row.number,
            &row.text,
            &row.answer,
            &row.remark,
            &row.condition,
            &row.comment,
        ]
        .iter()
        .any(|h| fold_width(h).to_lowercase().contains(needle))
}

fn value_rank(v: AnswerValue) -> usize {
    AnswerValue::ALL.iter().position(|x| *x == v).unwrap_or(0)
}

fn review_rank(st: ReviewStatus) -> usize {
    ReviewStatus::ALL.iter().position(|x| *x == st).unwrap_or(0)
}

/// The rows of the open statement that the form keeps, in its order (catalogue order breaks
/// ties).
pub fn grid_rows(doc: &Doc, form: &GridForm) -> Vec<GridRow> {
    let needle = fold_width(form.search.trim()).to_lowercase();
    let mut rows: Vec<(usize, GridRow)> = doc
        .catalogue
        .questions()
        .enumerate()
        .filter_map(|(i, q)| {
            let r = row(doc, q);
            let values = shown_values(&doc.catalogue, &doc.project, q);
            keeps(form, &r, &values, &needle).then_some((i, r))
        })
        .collect();
    let key = |(i, r): &(usize, GridRow)| match form.sort {
        GridSort::Number => (0, *i),
        GridSort::Answer => (value_rank(r.value), *i),
        GridSort::Review => (review_rank(r.review), *i),
    };
    rows.sort_by_key(key);
    if form.descending {
        rows.reverse();
    }
    rows.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::{Header, Project};

    fn doc() -> Doc {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::No, Some("理由あり".into()))
            .unwrap();
        p.set_answer(&c, "p", None, AnswerValue::Yes, None).unwrap();
        p.review.items.insert(
            "p".into(),
            crate::domain::project::ReviewItem {
                status: ReviewStatus::ActionRequired,
                comment: "契約で確認".into(),
            },
        );
        Doc::new(p, c, None)
    }

    fn numbers(rows: &[GridRow]) -> Vec<&str> {
        rows.iter().map(|r| r.number.as_str()).collect()
    }

    #[test]
    fn filters_search_and_sorts() {
        let d = doc();
        let all = grid_rows(&d, &GridForm::default());
        assert_eq!(numbers(&all), ["1", "1.1", "2", "3"]);
        let no = GridForm {
            answer: Some(AnswerValue::No),
            ..GridForm::default()
        };
        assert_eq!(numbers(&grid_rows(&d, &no)), ["1.1"]);
        let action = GridForm {
            review: Some(ReviewStatus::ActionRequired),
            ..GridForm::default()
        };
        let rows = grid_rows(&d, &action);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].comment, "契約で確認");
        // Search reaches remarks and comments, width-folded.
        let search = GridForm {
            search: "理由".into(),
            ..GridForm::default()
        };
        assert_eq!(numbers(&grid_rows(&d, &search)), ["1.1"]);
        // Sorted by review status, most serious first.
        let by_review = GridForm {
            sort: GridSort::Review,
            descending: true,
            ..GridForm::default()
        };
        assert_eq!(
            grid_rows(&d, &by_review)[0].review,
            ReviewStatus::ActionRequired
        );
        // Option questions show each option.
        let o = all.iter().find(|r| r.number == "2").unwrap();
        assert!(o.answer.contains('='), "{}", o.answer);
    }
}
