//! The review summary: counts per reviewer status and the items a hospital must look at — every
//! いいえ answer and every question the reviewer marked (確認済/要確認/要対応) or commented on —
//! with the reviewer's comments.

use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
use super::catalogue::Catalogue;
use super::project::{Project, Review, ReviewStatus};
use super::summary::shown_values;

/// The `format` of a review file.
pub const REVIEW_FORMAT: &str = "kaijisho-review";
pub const REVIEW_FORMAT_VERSION: u32 = 1;
/// What a review file's name adds to the name of the statement it reviews
/// (`A社_MDS.xlsx` → `A社_MDS.xlsx.review.json`).
pub const REVIEW_SUFFIX: &str = ".review.json";

/// A hospital's review of a statement it received, kept apart from it: the vendor's file is
/// evidence and is never written. It names the statement by file and by fingerprint (of its
/// canonical form), so a review is never shown against another statement unsaid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    pub format: String,
    pub format_version: u32,
    pub statement: StatementRef,
    #[serde(default)]
    pub review: Review,
}

/// The statement a review is of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StatementRef {
    /// The statement's file: its name when it lies in the review file's folder, else its
    /// full path.
    pub file: String,
    /// [`super::canonical::Statement::fingerprint`] of the statement reviewed.
    pub fingerprint: String,
    /// Who and what, as the statement said (for a reader of the file alone).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vendor: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub product: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
}

impl ReviewFile {
    /// The review of `p` (whose file is named `file`), as it stands.
    pub fn of(c: &Catalogue, p: &Project, file: String) -> ReviewFile {
        ReviewFile {
            format: REVIEW_FORMAT.to_string(),
            format_version: REVIEW_FORMAT_VERSION,
            statement: StatementRef {
                file,
                fingerprint: super::canonical::Statement::new(c, p).fingerprint(),
                vendor: p.header.vendor.clone(),
                product: p.header.product.clone(),
                version: p.header.version.clone(),
            },
            review: p.review.clone(),
        }
    }

    /// The bytes a reviewer's signature covers: the statement reviewed (its fingerprint, vendor,
    /// product and version — not where its file lies, which moves with the folder) and the
    /// review, its items in question-id order (however the file lists them).
    pub fn canonical_bytes(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Canonical<'a> {
            kaijisho_review: u32,
            fingerprint: &'a str,
            vendor: &'a str,
            product: &'a str,
            version: &'a str,
            reviewer: Option<&'a str>,
            date: Option<&'a str>,
            items: std::collections::BTreeMap<&'a str, &'a super::project::ReviewItem>,
        }
        let c = Canonical {
            kaijisho_review: 1,
            fingerprint: &self.statement.fingerprint,
            vendor: &self.statement.vendor,
            product: &self.statement.product,
            version: &self.statement.version,
            reviewer: self.review.reviewer.as_deref(),
            date: self.review.date.as_deref(),
            items: self
                .review
                .items
                .iter()
                .map(|(k, v)| (k.as_str(), v))
                .collect(),
        };
        // Plain data: serialising cannot fail.
        serde_json::to_vec(&c).unwrap_or_default()
    }

    /// Whether it was written for a statement with this fingerprint.
    pub fn is_of(&self, fingerprint: &str) -> bool {
        self.statement.fingerprint == fingerprint
    }
}

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
    fn a_review_file_names_its_statement_by_fingerprint() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.header.vendor = "A社".into();
        p.review.set("p", Some(ReviewStatus::NeedsCheck), None);
        let f = ReviewFile::of(&c, &p, "a.json".into());
        assert_eq!(f.statement.vendor, "A社");
        assert_eq!(f.review, p.review);
        let fingerprint = crate::domain::canonical::Statement::new(&c, &p).fingerprint();
        assert!(f.is_of(&fingerprint));
        // The review is no part of the statement: reviewing leaves the fingerprint.
        p.review.set("g", Some(ReviewStatus::Confirmed), None);
        assert!(f.is_of(&crate::domain::canonical::Statement::new(&c, &p).fingerprint()));
        p.set_answer(&c, "p", None, AnswerValue::No, None).unwrap();
        assert!(!f.is_of(&crate::domain::canonical::Statement::new(&c, &p).fingerprint()));
    }

    #[test]
    fn the_signed_form_of_a_review_leaves_out_where_the_file_lies_and_the_item_order() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.review
            .set("p", Some(ReviewStatus::NeedsCheck), Some("確認".into()));
        p.review.set("g", Some(ReviewStatus::Confirmed), None);
        let a = ReviewFile::of(&c, &p, "a.json".into());
        let mut moved = ReviewFile::of(&c, &p, "/elsewhere/a.json".into());
        moved.review.items.reverse();
        assert_eq!(a.canonical_bytes(), moved.canonical_bytes());
        let text = String::from_utf8(a.canonical_bytes()).unwrap();
        assert!(text.contains("確認") && text.contains(&a.statement.fingerprint));
        // A comment changed: other bytes.
        p.review.set("p", None, Some("確認済み".into()));
        assert_ne!(
            ReviewFile::of(&c, &p, "a.json".into()).canonical_bytes(),
            a.canonical_bytes()
        );
    }

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
