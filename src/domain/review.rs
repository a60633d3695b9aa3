//! The review summary: counts per reviewer status and the items a hospital must look at — every
//! いいえ answer and every question the reviewer marked (確認済/要確認/要対応) or commented on —
//! with the reviewer's comments.

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
    /// Questions answered いいえ (anywhere, options included), marked with any status but
    /// 未確認, or commented on.
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
        let commented = !p.review.comment(&q.id).trim().is_empty();
        if values.contains(&AnswerValue::No) || status != ReviewStatus::Unchecked || commented {
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
        // A comment on an unchecked question is listed too.
        p.review.set("g1", None, Some("様式を問い合わせる".into()));
        let s = summary(&c, &p);
        assert_eq!(s.counts, [1, 1, 1, 1]);
        let numbers: Vec<&str> = s.attention.iter().map(|l| l.number.as_str()).collect();
        assert_eq!(numbers, ["1", "1.1", "2", "3"]);
        assert_eq!(s.attention[1].comment, "様式を問い合わせる");
        assert_eq!(s.attention[1].status, ReviewStatus::Unchecked);
        assert_eq!(s.attention[3].comment, "時期を確認");
        assert_eq!(s.attention[3].answer, "いいえ");
    }
}
