//! The printed wording of the statement form (data in `assets/form/form.json`), shared by the
//! PDF and Excel exports: title, header labels, disclaimer, and the project's own wording for
//! summaries and integrity lines.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::{Kind, ProvenanceKind};

/// A text that differs between MDS and SDS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerKind {
    #[serde(rename = "MDS")]
    pub mds: String,
    #[serde(rename = "SDS")]
    pub sds: String,
}

impl PerKind {
    pub fn get(&self, kind: Kind) -> &str {
        match kind {
            Kind::Mds => &self.mds,
            Kind::Sds => &self.sds,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub created: String,
    pub vendor: PerKind,
    pub product: PerKind,
    pub version: String,
    pub contact: String,
    pub remark: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnWording {
    pub summary_title: String,
    pub summary_counts: String,
    pub summary_gates: String,
    pub progress_title: String,
    pub progress_row: String,
    pub gated_off: String,
    pub illustrative: String,
    pub catalogue: String,
    pub provenance: BTreeMap<String, String>,
    pub integrity_title: String,
    pub generated: String,
    pub fingerprint: String,
    pub fingerprint_help: String,
    pub page: String,
    pub review_title: String,
    pub review_by: String,
    pub review_counts: String,
    pub review_attention: String,
    pub review_line: String,
    pub review_sheet: String,
    pub review_columns: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormText {
    pub note: String,
    pub title: PerKind,
    pub edition_suffix: String,
    pub labels: Labels,
    pub disclaimer: String,
    pub own: OwnWording,
}

impl FormText {
    /// `サービス事業者による医療情報セキュリティ開示書`
    pub fn title(&self, kind: Kind) -> &str {
        self.title.get(kind)
    }

    /// `(医療情報システムの安全管理に関するガイドライン第5.2版対応)`
    pub fn edition_line(&self, edition: &str) -> String {
        fill(&self.edition_suffix, &[("edition", edition)])
    }

    pub fn provenance(&self, kind: ProvenanceKind) -> &str {
        self.own
            .provenance
            .get(kind.key())
            .map(String::as_str)
            .unwrap_or_default()
    }
}

/// Replaces `{name}` placeholders.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{a} / {b}", &[("a", "1"), ("b", "2")]), "1 / 2");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }
}
