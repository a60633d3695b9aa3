//! Catalogues named in the UI language: the title's part in that language, and one line with
//! kind, version and question count.

use fluent_bundle::FluentValue;

use super::{Lang, Localizer, s};
use crate::domain::catalogue::Catalogue;

impl Localizer {
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
                ("kind", s(c.kind)),
                ("version", s(&c.form_version)),
                ("count", FluentValue::from(c.question_count())),
            ],
        )
    }
}
