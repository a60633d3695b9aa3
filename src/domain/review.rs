//! The review summary: counts per reviewer status and the items a hospital must look at — every
//! いいえ answer and every 要対応 — with the reviewer's comments.

use serde::Serialize;

use super::answer::AnswerValue;
use super::catalogue::Catalogue;
use super::project::{Project, ReviewStatus};
use super::summary::shown_values;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewLine {
    pub question_id: String,
    pub number: String,
    pub text: String,
    pub answer: String,
    pub remark: String,
    pub status: ReviewStatus,
    pub comment: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct ReviewSummary {
    /// Questions per status, in [`ReviewStatus::ALL`] order.
    pub counts: [usize; 4],
    /// Questions answered いいえ (anywhere, options included) or marked 要対応.
    pub attention: Vec<ReviewLine>,
}

pub fn summary(c: &Catalogue, p: &Project) -> ReviewSummary {
    let mut s = ReviewSummary::default();
    for q in c.questions() {
        let status = p.review.status(&q.id);
        let i = ReviewStatus::ALL
            .iter()
            .position(|x| *x == status)
            .unwrap_or(0);
        if let Some(n) = s.counts.get_mut(i) {
            *n += 1;
        }
        let values = shown_values(c, p, q);
        if values.contains(&AnswerValue::No) || status == ReviewStatus::ActionRequired {
            let answer = p.answer(&q.id);
            s.attention.push(ReviewLine {
                question_id: q.id.clone(),
                number: q.number_key(),
                text: q.text.clone(),
                answer: values
                    .iter()
                    .map(|v| v.label())
                    .collect::<Vec<_>>()
                    .join(" / "),
                remark: answer.map(|a| a.remark.clone()).unwrap_or_default(),
                status,
                comment: p.review.comment(&q.id).to_string(),
            });
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    #[test]
    fn counts_and_attention_list() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "p", None, AnswerValue::No, Some("未設置".into()))
            .unwrap();
        p.review.set(
            "p",
            Some(ReviewStatus::NeedsCheck),
            Some("時期を確認".into()),
        );
        p.review.set("g", Some(ReviewStatus::ActionRequired), None);
        p.review.set("o", Some(ReviewStatus::Confirmed), None);
        let s = summary(&c, &p);
        assert_eq!(s.counts, [1, 1, 1, 1]);
        let numbers: Vec<&str> = s.attention.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(numbers, ["1", "3"]);
        assert_eq!(s.attention[1].comment, "時期を確認");
        assert_eq!(s.attention[1].answer, "いいえ");
    }
}
