//! The printed wording of the statement form (data in `assets/form/form.json`), shared by the
//! PDF and Excel exports: title, header labels, disclaimer, the workbook's font and headings,
//! and the project's own wording for summaries and integrity lines. Every text is a required
//! key (unknown keys refused too): wording missing from the file is an error when it is read,
//! never empty text on a printed form.

use serde::{Deserialize, Serialize};

use super::catalogue::{Kind, ProvenanceKind};

/// A text that differs between MDS and SDS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerKind {
    #[serde(rename = "MDS")]
    pub mds: String,
    #[serde(rename = "SDS")]
    pub sds: String,
    pub checklist: String,
    pub appendix: String,
}

impl PerKind {
    pub fn get(&self, kind: Kind) -> &str {
        match kind {
            Kind::Mds => &self.mds,
            Kind::Sds => &self.sds,
            Kind::Checklist => &self.checklist,
            Kind::Appendix => &self.appendix,
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
    /// How a conditional answer's condition is printed before its remark (〔条件〕…。).
    pub condition: super::condition::ConditionWords,
}

/// The column headings of the exported workbook's print area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnHeadings {
    pub number: String,
    pub question: String,
    pub yes: String,
    pub no: String,
    pub na: String,
    pub remark: String,
}

/// What the exported workbook prints besides the statement: its font and its headings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookWording {
    /// The font of every cell (the official form's).
    pub font: String,
    /// The heading over the input area (flag and remark cells).
    pub input_area: String,
    pub columns: ColumnHeadings,
    pub flag_column: String,
    pub remark_column: String,
}

/// How a catalogue's origin is named on the printed form, one text per [`ProvenanceKind`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvenanceWording {
    pub official_workbook_import: String,
    pub seed_excerpt: String,
    pub project_authored: String,
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
    /// Under a remark printed only in part ({omitted}: the characters not printed).
    pub remark_cut: String,
    /// An answer's 確認日 and 目標日 ({date}), printed under its remark when it has them.
    pub checked_on: String,
    pub due_on: String,
    pub illustrative: String,
    pub catalogue: String,
    pub provenance: ProvenanceWording,
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
    /// 番号, 設問, 回答, 備考, レビュー状況, レビューコメント: exactly six.
    pub review_columns: [String; 6],
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormText {
    pub note: String,
    pub title: PerKind,
    pub edition_suffix: String,
    pub labels: Labels,
    pub disclaimer: String,
    pub workbook: WorkbookWording,
    pub own: OwnWording,
}

impl FormText {
    /// `サービス事業者による医療情報セキュリティ開示書`
    pub fn title(&self, kind: Kind) -> &str {
        self.title.get(kind)
    }

    /// The title printed for a catalogue: the form's for an MDS or SDS; for another
    /// checklist, the title its workbook gave (else the form's words for its kind).
    pub fn title_of<'a>(&'a self, c: &'a super::catalogue::Catalogue) -> &'a str {
        if c.kind.is_disclosure() || c.title.trim().is_empty() {
            self.title(c.kind)
        } else {
            &c.title
        }
    }

    /// `(医療情報システムの安全管理に関するガイドライン第5.2版対応)`
    pub fn edition_line(&self, edition: &str) -> String {
        fill(&self.edition_suffix, &[("edition", edition)])
    }

    pub fn provenance(&self, kind: ProvenanceKind) -> &str {
        let p = &self.own.provenance;
        match kind {
            ProvenanceKind::OfficialWorkbookImport => &p.official_workbook_import,
            ProvenanceKind::SeedExcerpt => &p.seed_excerpt,
            ProvenanceKind::ProjectAuthored => &p.project_authored,
        }
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
