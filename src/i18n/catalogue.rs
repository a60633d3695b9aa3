//! Catalogues named in the UI language: the title's part in that language, and one line with
//! kind, version and question count.

use fluent_bundle::FluentValue;

use super::{Lang, Localizer, s};
use crate::domain::catalogue::Catalogue;

/// The header field a finding shows, its invisible characters written out.
fn shown(f: &crate::domain::validation::HeaderFinding) -> String {
    f.shown.clone().unwrap_or_default()
}

impl Localizer {
    /// A catalogue in one line: title, kind, form version and where its text comes from;
    /// with its question count when `count` is set.
    pub fn catalogue_line(&self, c: &Catalogue, count: bool) -> String {
        let provenance = self.t(&format!("provenance-{}", c.provenance.kind.key()));
        // An imported form whose title named no version says so in words.
        let version = if c.form_version == "unknown" {
            self.t("catalogue-version-unknown")
        } else {
            self.ta("catalogue-version", &[("version", s(&c.form_version))])
        };
        let mut args = vec![
            ("title", s(&c.title)),
            ("kind", s(self.kind_name(c.kind))),
            ("version", s(version)),
            ("provenance", s(provenance)),
        ];
        if count {
            args.push(("count", FluentValue::from(c.question_count())));
            self.ta("catalogue-line-count", &args)
        } else {
            self.ta("catalogue-line", &args)
        }
    }

    /// The form's name: MDS and SDS as they are, the other checklists in words.
    pub fn kind_name(&self, kind: crate::domain::catalogue::Kind) -> String {
        use crate::domain::catalogue::Kind;
        match kind {
            Kind::Mds | Kind::Sds => kind.key().to_string(),
            Kind::Checklist => self.t("kind-checklist"),
            Kind::Appendix => self.t("kind-appendix"),
        }
    }

    /// A header field's label: 製造業者/製品名称 for MDS, サービス事業者/サービス名称 for SDS.
    pub fn header_label(
        &self,
        field: crate::domain::project::HeaderField,
        kind: crate::domain::catalogue::Kind,
    ) -> String {
        use crate::domain::catalogue::Kind;
        use crate::domain::project::HeaderField;
        let id = match (field, kind) {
            (HeaderField::Vendor, Kind::Sds) => "header-vendor-sds".to_string(),
            (HeaderField::Product, Kind::Sds) => "header-product-sds".to_string(),
            (HeaderField::Vendor, Kind::Checklist | Kind::Appendix) => {
                "header-vendor-checklist".to_string()
            }
            (HeaderField::Product, Kind::Checklist | Kind::Appendix) => {
                "header-product-checklist".to_string()
            }
            _ => format!("header-{}", field.key()),
        };
        self.t(&id)
    }

    /// What is wrong with a header field, naming the field as the form labels it.
    pub fn header_finding(
        &self,
        f: &crate::domain::validation::HeaderFinding,
        kind: crate::domain::catalogue::Kind,
    ) -> String {
        use crate::domain::validation::HeaderProblem;
        let field = s(self.header_label(f.field, kind));
        match f.problem {
            HeaderProblem::Missing => self.ta("finding-header-missing", &[("field", field)]),
            HeaderProblem::NotADate => self.ta("finding-header-date", &[("field", field)]),
            HeaderProblem::FormatCharacters => self.ta(
                "finding-header-format",
                &[("field", field), ("shown", s(shown(f)))],
            ),
        }
    }

    /// [`Self::header_finding`] in a few words, for under the field itself (the full message is
    /// on the △ beside it).
    pub fn header_finding_short(&self, f: &crate::domain::validation::HeaderFinding) -> String {
        use crate::domain::validation::HeaderProblem;
        match f.problem {
            HeaderProblem::Missing => self.t("finding-header-missing-short"),
            HeaderProblem::NotADate => self.t("finding-header-date-short"),
            HeaderProblem::FormatCharacters => {
                self.ta("finding-header-format-short", &[("shown", s(shown(f)))])
            }
        }
    }

    /// A catalogue's title in the UI language: titles written "日本語 / English" give the
    /// part of the language shown (the Japanese one when there is no English part).
    pub fn catalogue_title(&self, c: &Catalogue) -> String {
        let mut parts = c.title.splitn(2, " / ");
        let ja = parts.next().unwrap_or_default();
        match (self.lang(), parts.next()) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en.trim().to_string(),
            _ => ja.trim().to_string(),
        }
    }

    /// A catalogue on one line in the UI language: title, kind, version and question count.
    pub fn catalogue_short(&self, c: &Catalogue) -> String {
        self.ta(
            "catalogue-short",
            &[
                ("title", s(self.catalogue_title(c))),
                ("kind", s(self.kind_name(c.kind))),
                ("version", s(&c.form_version)),
                ("count", FluentValue::from(c.question_count())),
            ],
        )
    }
}
