//! Hints keyed by guideline reference (data in `assets/hints/hints.json`, in the project's own
//! words). A hint attaches to every question that cites one of its targets — including the
//! questions of catalogues imported from workbooks the project has never seen.

use serde::{Deserialize, Serialize};

use super::guideline::GuidelineIndex;
use super::refs::GuidelineRef;

/// Japanese and English text of one hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub ja: String,
    pub en: String,
}

impl Localized {
    /// The text for a language code (`ja` or anything else → English).
    pub fn get(&self, lang: &str) -> &str {
        if lang.starts_with("ja") {
            &self.ja
        } else {
            &self.en
        }
    }
}

/// What a hint is about: a 5.x chapter, section or item (`key`), a 6.0/7.0 book or book
/// chapter, or — with neither key nor book — every reference of the edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HintTarget {
    pub edition: String,
    /// `"6"`, `"6.5"` or `"6.5.C1"` (5.x).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Book title as in the guideline index (6.0/7.0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub book: Option<String>,
    /// Book chapter; absent = the whole book.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chapter: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    pub id: String,
    pub targets: Vec<HintTarget>,
    pub title: Localized,
    pub text: Localized,
    /// The public facts the hint is written from (not quoted text).
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HintLibrary {
    /// How the hints were written (shown in the app's about box).
    pub note: Localized,
    pub hints: Vec<Hint>,
}

impl HintTarget {
    fn matches(&self, index: &GuidelineIndex, edition: &str, r: &GuidelineRef) -> bool {
        match r {
            GuidelineRef::Numbered { start, .. } => {
                let serving = index.edition(edition).map(|e| e.edition.as_str());
                if self.edition != edition && serving != Some(self.edition.as_str()) {
                    return false;
                }
                let Some(key) = &self.key else {
                    return self.book.is_none();
                };
                let chapter = start.chapter.to_string();
                let section = start.section.map(|s| format!("{chapter}.{s}"));
                let item = match (&section, start.level, start.item) {
                    (Some(s), Some(l), Some(i)) => Some(format!("{s}.{l}{i}")),
                    _ => None,
                };
                *key == chapter || section.as_ref() == Some(key) || item.as_ref() == Some(key)
            }
            GuidelineRef::Book { book, chapter, .. } => {
                let Some((e, b)) = index.book(edition, book) else {
                    return false;
                };
                if e.edition != self.edition || self.key.is_some() {
                    return false;
                }
                let Some(target_book) = &self.book else {
                    return true;
                };
                &b.title == target_book && self.chapter.is_none_or(|c| c == *chapter)
            }
        }
    }
}

impl HintLibrary {
    /// The hints for a question citing `refs` in a catalogue of guideline `edition`, in library
    /// order, each once.
    pub fn hints_for<'a>(
        &'a self,
        index: &GuidelineIndex,
        edition: &str,
        refs: &[GuidelineRef],
    ) -> Vec<&'a Hint> {
        self.hints
            .iter()
            .filter(|h| {
                refs.iter()
                    .any(|r| h.targets.iter().any(|t| t.matches(index, edition, r)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::refs::RefGroup;

    fn fixtures() -> (GuidelineIndex, HintLibrary) {
        let index: GuidelineIndex = serde_json::from_str(
            r#"{"editions":[{"edition":"5.2","title":"5.2","covers":["5.1"]},
              {"edition":"6.0","title":"6.0","books":[{"id":"system","title":"システム運用編",
               "aliases":["シス"],"confidence":"confirmed"}]}]}"#,
        )
        .unwrap();
        let lib: HintLibrary = serde_json::from_str(
            r#"{"note":{"ja":"n","en":"n"},"hints":[
              {"id":"auth","targets":[{"edition":"5.2","key":"6.5"},
                 {"edition":"6.0","book":"システム運用編","chapter":14}],
               "title":{"ja":"認証","en":"Auth"},"text":{"ja":"t","en":"t"},"basis":"b"},
              {"id":"ext","targets":[{"edition":"5.2","key":"8"}],
               "title":{"ja":"外部保存","en":"External"},"text":{"ja":"t","en":"t"},"basis":"b"},
              {"id":"item","targets":[{"edition":"5.2","key":"6.5.C1"}],
               "title":{"ja":"C1","en":"C1"},"text":{"ja":"t","en":"t"},"basis":"b"},
              {"id":"all6","targets":[{"edition":"6.0"}],
               "title":{"ja":"6.0","en":"6.0"},"text":{"ja":"t","en":"t"},"basis":"b"}
            ]}"#,
        )
        .unwrap();
        (index, lib)
    }

    fn ids(lib: &HintLibrary, index: &GuidelineIndex, edition: &str, raw: &str) -> Vec<String> {
        let refs = RefGroup::parse(raw).refs;
        lib.hints_for(index, edition, &refs)
            .iter()
            .map(|h| h.id.clone())
            .collect()
    }

    #[test]
    fn hints_attach_by_chapter_section_item_and_book() {
        let (index, lib) = fixtures();
        assert_eq!(ids(&lib, &index, "5.2", "(6.5.C1)"), ["auth", "item"]);
        assert_eq!(ids(&lib, &index, "5.2", "(6.5.C2)"), ["auth"]);
        assert_eq!(ids(&lib, &index, "5.2", "(8.3.C2(1)~(9))"), ["ext"]);
        assert_eq!(ids(&lib, &index, "5.2", "(8.)"), ["ext"]);
        assert!(ids(&lib, &index, "5.2", "(6.2.C1)").is_empty());
        assert_eq!(
            ids(&lib, &index, "6.0", "(6.5.C1)"),
            ["all6"],
            "5.2 keys do not apply to a 6.0 catalogue"
        );
        assert_eq!(
            ids(&lib, &index, "6.0", "(シス14章第①条)"),
            ["auth", "all6"]
        );
        assert_eq!(ids(&lib, &index, "6.0", "(シス13章)"), ["all6"]);
        assert_eq!(
            ids(&lib, &index, "5.1", "(6.5.C2)"),
            ["auth"],
            "5.2 hints serve the editions 5.2 covers"
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(6.5.C1、8.3)"),
            ["auth", "ext", "item"]
        );
    }
}
