//! A conditional answer (条件付き回答) where there is only a remark to hold it: a workbook's 備考
//! cell, the printed remark. The condition goes first, behind a prefix, and ends with a
//! separator: 「〔条件〕オプション契約時。元の備考」 (without a remark: 「〔条件〕オプション契約時」).
//! The words come in as parameters: the printed ones from the form wording, the recognised
//! ones from the import vocabulary.

use serde::{Deserialize, Serialize};

/// How a condition is written before the remark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionWords {
    /// `〔条件〕`
    pub prefix: String,
    /// `。`: between the condition and the remark.
    pub end: String,
}

impl ConditionWords {
    /// The remark with the condition in front (the remark alone when there is no condition).
    pub fn join(&self, condition: &str, remark: &str) -> String {
        match (condition.is_empty(), remark.is_empty()) {
            (true, _) => remark.to_string(),
            (false, true) => format!("{}{condition}", self.prefix),
            (false, false) => format!("{}{condition}{}{remark}", self.prefix, self.end),
        }
    }
}

/// How conditions are recognised at the start of a remark: any of `prefixes`
/// (〔条件〕, 【条件】, [条件], 条件： …), the condition up to the first of `ends`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionRecognition {
    pub prefixes: Vec<String>,
    pub ends: Vec<String>,
}

impl ConditionRecognition {
    /// `(condition, remark)` when `cell` starts with a condition prefix (blanks before it and
    /// around the condition ignored); `None` when it does not, or the condition is empty.
    pub fn split(&self, cell: &str) -> Option<(String, String)> {
        let start = cell.trim_start();
        // The longest prefix that fits: 「条件：」 before 「条件」.
        let rest = self
            .prefixes
            .iter()
            .filter(|p| !p.is_empty() && start.starts_with(p.as_str()))
            .max_by_key(|p| p.len())
            .map(|p| start.get(p.len()..).unwrap_or_default())?;
        let cut = self
            .ends
            .iter()
            .filter(|e| !e.is_empty())
            .filter_map(|e| rest.find(e.as_str()).map(|at| (at, e.len())))
            .min();
        let (condition, remark) = match cut {
            Some((at, len)) => (
                rest.get(..at).unwrap_or_default(),
                rest.get(at + len..).unwrap_or_default(),
            ),
            None => (rest, ""),
        };
        let condition = condition.trim();
        (!condition.is_empty()).then(|| (condition.to_string(), remark.to_string()))
    }

    /// Whether `condition` and `remark` written with `words` read back as the same two texts
    /// (a condition holding the separator, or blanks around it, does not).
    pub fn reads_back(&self, words: &ConditionWords, condition: &str, remark: &str) -> bool {
        let joined = words.join(condition, remark);
        match self.split(&joined) {
            Some((c, r)) => c == condition && r == remark,
            None => condition.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> ConditionWords {
        ConditionWords {
            prefix: "〔条件〕".into(),
            end: "。".into(),
        }
    }

    fn recognition() -> ConditionRecognition {
        ConditionRecognition {
            prefixes: [
                "〔条件〕",
                "【条件】",
                "[条件]",
                "［条件］",
                "条件：",
                "条件:",
            ]
            .map(String::from)
            .to_vec(),
            ends: vec!["。".into()],
        }
    }

    #[test]
    fn joins_and_splits_back_exactly() {
        let (w, r) = (words(), recognition());
        let joined = w.join("オプション契約時", "元の備考。二文目");
        assert_eq!(joined, "〔条件〕オプション契約時。元の備考。二文目");
        assert_eq!(
            r.split(&joined),
            Some(("オプション契約時".into(), "元の備考。二文目".into()))
        );
        assert_eq!(
            w.join("次期バージョンから", ""),
            "〔条件〕次期バージョンから"
        );
        assert_eq!(
            r.split("〔条件〕次期バージョンから"),
            Some(("次期バージョンから".into(), String::new()))
        );
        assert_eq!(w.join("", "備考だけ"), "備考だけ");
        assert!(r.reads_back(&w, "オプション契約時", "備考"));
        assert!(!r.reads_back(&w, "A。B", "備考"));
    }

    #[test]
    fn every_bracket_form_is_read() {
        let r = recognition();
        for cell in [
            "【条件】オプション契約時。備考",
            "[条件]オプション契約時。備考",
            "［条件］オプション契約時。備考",
            "条件：オプション契約時。備考",
            "条件: オプション契約時。備考",
            "  〔条件〕 オプション契約時 。備考",
        ] {
            assert_eq!(
                r.split(cell),
                Some(("オプション契約時".into(), "備考".into())),
                "{cell}"
            );
        }
        assert_eq!(r.split("条件付きで対応。"), None);
        assert_eq!(r.split("備考〔条件〕X"), None);
        assert_eq!(r.split("〔条件〕。備考"), None);
    }
}
