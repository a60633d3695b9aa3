//! The canonical form of a statement: what `kaijisho dump` prints and what the fingerprint
//! hashes. Two files of the same statement (JSON, xlsx) dump to identical bytes, so plain `diff`
//! compares statements.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, hex};
use super::project::{Header, Project};
use super::summary::shown_option_value;
use super::validation::effective_value;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Statement {
    pub format: &'static str,
    pub catalogue: StatementCatalogue,
    pub header: Header,
    pub questions: Vec<StatementQuestion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementCatalogue {
    pub id: String,
    pub version: String,
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementQuestion {
    pub id: String,
    pub number: String,
    /// The guideline reference as printed.
    pub refs: Option<String>,
    /// The value shown on the form (対象外 under a closed gate).
    pub answer: AnswerValue,
    pub remark: String,
    /// The answer's condition (条件付き回答; absent when empty, so statements without one keep
    /// their fingerprint).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// 確認日 and 目標日 as written (absent when empty, so statements without them keep
    /// their fingerprint).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub checked_on: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub due_on: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<StatementOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatementOption {
    pub id: String,
    pub label: String,
    pub answer: AnswerValue,
    pub remark: String,
}

impl Statement {
    /// Builds the canonical statement: header, then every question in catalogue order.
    pub fn new(catalogue: &Catalogue, project: &Project) -> Statement {
        let questions = catalogue
            .questions()
            .map(|q| {
                let answer = project.answer(&q.id);
                let shown = effective_value(catalogue, project, q);
                let options = q
                    .answer
                    .options()
                    .iter()
                    .map(|o| {
                        let oa = answer.and_then(|a| a.options.get(&o.id));
                        StatementOption {
                            id: o.id.clone(),
                            label: o.label.clone(),
                            answer: shown_option_value(catalogue, project, q, &o.id),
                            remark: oa.map(|a| a.remark.clone()).unwrap_or_default(),
                        }
                    })
                    .collect();
                StatementQuestion {
                    id: q.id.clone(),
                    number: q.number_key(),
                    refs: q.ref_raw().map(str::to_string),
                    answer: shown,
                    remark: answer.map(|a| a.remark.clone()).unwrap_or_default(),
                    condition: answer.map(|a| a.condition.clone()).unwrap_or_default(),
                    checked_on: answer.map(|a| a.checked_on.clone()).unwrap_or_default(),
                    due_on: answer.map(|a| a.due_on.clone()).unwrap_or_default(),
                    options,
                }
            })
            .collect();
        Statement {
            format: "kaijisho-statement",
            catalogue: StatementCatalogue {
                id: catalogue.id.clone(),
                version: catalogue.form_version.clone(),
                hash: catalogue.content_hash(),
            },
            header: project.header.clone(),
            questions,
        }
    }

    /// The canonical text: pretty JSON with a final newline (what `dump` prints).
    pub fn to_canonical_json(&self) -> String {
        // Plain data (strings, vectors, enums as strings; no maps with non-string keys, no
        // custom serialisers): serialising it to a string cannot fail.
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// SHA-256 of [`Statement::to_canonical_json`], as `sha256:<hex>`.
    pub fn fingerprint(&self) -> String {
        format!(
            "sha256:{}",
            hex(&Sha256::digest(self.to_canonical_json().as_bytes()))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;

    #[test]
    fn lists_questions_in_order_with_effective_answers() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::Yes, Some("残る備考".into()))
            .unwrap();
        p.set_answer(
            &c,
            "o",
            Some("pw"),
            AnswerValue::Yes,
            Some("8文字以上".into()),
        )
        .unwrap();
        let s = Statement::new(&c, &p);
        let numbers: Vec<&str> = s.questions.iter().map(|q| q.number.as_str()).collect();
        assert_eq!(numbers, ["1", "1.1", "2", "3"]);
        assert_eq!(s.questions[1].answer, AnswerValue::NotApplicable);
        assert_eq!(s.questions[1].refs.as_deref(), Some("(8.3.C1(1)~(5))"));
        assert_eq!(s.questions[2].options[0].answer, AnswerValue::Yes);
        assert_eq!(s.questions[2].options[0].remark, "8文字以上");
        assert_eq!(s.questions[2].options[1].answer, AnswerValue::Unanswered);
        let json = s.to_canonical_json();
        assert!(json.find("\"header\"").unwrap() < json.find("\"questions\"").unwrap());
        assert!(json.ends_with("}\n"));
        assert_eq!(s.fingerprint(), Statement::new(&c, &p).fingerprint());
        p.header.vendor = "別".into();
        assert_ne!(s.fingerprint(), Statement::new(&c, &p).fingerprint());
    }
}
