//! The answer vocabulary of the form: はい / いいえ / 対象外, 該当 / 非該当 for gates, and an
//! explicit 未回答.

use serde::{Deserialize, Serialize};

use super::text::fold_width;

/// One answer value. Serialised as the Japanese word printed on the form; English aliases are
/// accepted when reading (`yes`, `no`, `na`, `applies`, `does_not_apply`, `unanswered`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum AnswerValue {
    #[default]
    #[serde(rename = "未回答", alias = "unanswered")]
    Unanswered,
    #[serde(rename = "はい", alias = "yes")]
    Yes,
    #[serde(rename = "いいえ", alias = "no")]
    No,
    #[serde(rename = "対象外", alias = "na", alias = "not_applicable")]
    NotApplicable,
    #[serde(rename = "該当", alias = "applies")]
    Applies,
    #[serde(rename = "非該当", alias = "does_not_apply")]
    DoesNotApply,
}

impl AnswerValue {
    /// Every value, in form order.
    pub const ALL: [AnswerValue; 6] = [
        AnswerValue::Unanswered,
        AnswerValue::Yes,
        AnswerValue::No,
        AnswerValue::NotApplicable,
        AnswerValue::Applies,
        AnswerValue::DoesNotApply,
    ];

    /// The word printed on the form.
    pub fn label(self) -> &'static str {
        match self {
            AnswerValue::Unanswered => "未回答",
            AnswerValue::Yes => "はい",
            AnswerValue::No => "いいえ",
            AnswerValue::NotApplicable => "対象外",
            AnswerValue::Applies => "該当",
            AnswerValue::DoesNotApply => "非該当",
        }
    }

    /// A stable ASCII key (for Fluent message ids, CLI aliases and file names).
    pub fn key(self) -> &'static str {
        match self {
            AnswerValue::Unanswered => "unanswered",
            AnswerValue::Yes => "yes",
            AnswerValue::No => "no",
            AnswerValue::NotApplicable => "na",
            AnswerValue::Applies => "applies",
            AnswerValue::DoesNotApply => "does_not_apply",
        }
    }

    /// Reads what a user typed: the Japanese word (half- or full-width), the ASCII key, or a
    /// common English synonym. Case and surrounding spaces do not matter.
    pub fn parse(input: &str) -> Option<AnswerValue> {
        let folded = fold_width(input.trim()).to_lowercase();
        let v = match folded.as_str() {
            "未回答" | "unanswered" | "none" | "clear" => AnswerValue::Unanswered,
            "はい" | "yes" | "y" => AnswerValue::Yes,
            "いいえ" | "no" | "n" => AnswerValue::No,
            "対象外" | "na" | "n/a" | "not_applicable" | "not-applicable" => {
                AnswerValue::NotApplicable
            }
            "該当" | "applies" | "applicable" => AnswerValue::Applies,
            "非該当" | "does_not_apply" | "does-not-apply" | "not_applies" | "inapplicable" => {
                AnswerValue::DoesNotApply
            }
            _ => return None,
        };
        Some(v)
    }

    pub fn is_answered(self) -> bool {
        self != AnswerValue::Unanswered
    }
}

/// The values a plain or option question takes (besides 未回答).
pub const YES_NO_NA: [AnswerValue; 3] = [
    AnswerValue::Yes,
    AnswerValue::No,
    AnswerValue::NotApplicable,
];

/// The values a gate question takes (besides 未回答).
pub const GATE_VALUES: [AnswerValue; 2] = [AnswerValue::Applies, AnswerValue::DoesNotApply];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_japanese_and_english() {
        assert_eq!(AnswerValue::parse("はい"), Some(AnswerValue::Yes));
        assert_eq!(AnswerValue::parse(" YES "), Some(AnswerValue::Yes));
        assert_eq!(
            AnswerValue::parse("対象外"),
            Some(AnswerValue::NotApplicable)
        );
        assert_eq!(
            AnswerValue::parse("Ｎ／Ａ"),
            Some(AnswerValue::NotApplicable)
        );
        assert_eq!(
            AnswerValue::parse("非該当"),
            Some(AnswerValue::DoesNotApply)
        );
        assert_eq!(AnswerValue::parse("たぶん"), None);
        for v in AnswerValue::ALL {
            assert_eq!(AnswerValue::parse(v.label()), Some(v));
            assert_eq!(AnswerValue::parse(v.key()), Some(v));
        }
    }

    #[test]
    fn serialises_as_form_words() {
        assert_eq!(
            serde_json::to_string(&AnswerValue::NotApplicable).unwrap(),
            "\"対象外\""
        );
        let v: AnswerValue = serde_json::from_str("\"na\"").unwrap();
        assert_eq!(v, AnswerValue::NotApplicable);
    }
}

/// The answer to one option of an option-list question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct OptionAnswer {
    #[serde(default)]
    pub value: AnswerValue,
    #[serde(default)]
    pub remark: String,
}
