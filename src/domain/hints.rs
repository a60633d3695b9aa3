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

/// How closely a hint's target fits a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// The reference's own item, section or chapter (the most precise part it names), or the
    /// book chapter it cites.
    Own,
    /// A broader part that holds it: its section or chapter, or the whole book.
    Section,
    /// Every reference of the edition.
    Edition,
}

/// The hints for a question, by how closely they fit its references.
#[derive(Debug, Default, PartialEq)]
pub struct Matched<'a> {
    /// For the question's own reference.
    pub own: Vec<&'a Hint>,
    /// For the section (or chapter, or book) around it, not already in `own`.
    pub section: Vec<&'a Hint>,
    /// For every question of the edition.
    pub edition: Vec<&'a Hint>,
}

impl Matched<'_> {
    /// The hints to show for the question itself: its own, else (`true`) the section's as a
    /// fallback.
    pub fn closest(&self) -> (&[&Hint], bool) {
        if self.own.is_empty() {
            (&self.section, !self.section.is_empty())
        } else {
            (&self.own, false)
        }
    }
}

impl HintTarget {
    /// How this target fits `r` in a catalogue of guideline `edition`, if at all.
    fn fit(&self, index: &GuidelineIndex, edition: &str, r: &GuidelineRef) -> Option<Fit> {
        match r {
            GuidelineRef::Numbered { start, .. } => {
                let serving = index.edition(edition).map(|e| e.edition.as_str());
                if self.edition != edition && serving != Some(self.edition.as_str()) {
                    return None;
                }
                let Some(key) = &self.key else {
                    return self.book.is_none().then_some(Fit::Edition);
                };
                let chapter = start.chapter.to_string();
                let section = start.section.map(|s| format!("{chapter}.{s}"));
                let item = match (&section, start.level, start.item) {
                    (Some(s), Some(l), Some(i)) => Some(format!("{s}.{l}{i}")),
                    _ => None,
                };
                // The most precise part the reference names is its own.
                let own = item.as_ref().or(section.as_ref()).unwrap_or(&chapter);
                if key == own {
                    Some(Fit::Own)
                } else if *key == chapter || section.as_ref() == Some(key) {
                    Some(Fit::Section)
                } else {
                    None
                }
            }
            GuidelineRef::Book { book, chapter, .. } => {
                let (e, b) = index.book(edition, book)?;
                if e.edition != self.edition || self.key.is_some() {
                    return None;
                }
                let Some(target_book) = &self.book else {
                    return Some(Fit::Edition);
                };
                if &b.title != target_book {
                    return None;
                }
                match self.chapter {
                    None => Some(Fit::Section),
                    Some(c) if c == *chapter => Some(Fit::Own),
                    Some(_) => None,
                }
            }
        }
    }
}

impl HintLibrary {
    /// The hints for a question citing `refs` in a catalogue of guideline `edition`, in library
    /// order, each once, in the closest group it fits.
    pub fn hints_for<'a>(
        &'a self,
        index: &GuidelineIndex,
        edition: &str,
        refs: &[GuidelineRef],
    ) -> Matched<'a> {
        let mut m = Matched::default();
        for h in &self.hints {
            let best = refs
                .iter()
                .flat_map(|r| h.targets.iter().filter_map(|t| t.fit(index, edition, r)))
                .min();
            match best {
                Some(Fit::Own) => m.own.push(h),
                Some(Fit::Section) => m.section.push(h),
                Some(Fit::Edition) => m.edition.push(h),
                None => {}
            }
        }
        m
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

    /// The ids of the hints for `raw`: own, section, edition.
    fn ids(
        lib: &HintLibrary,
        index: &GuidelineIndex,
        edition: &str,
        raw: &str,
    ) -> [Vec<String>; 3] {
        let refs = RefGroup::parse(raw).refs;
        let m = lib.hints_for(index, edition, &refs);
        let names = |v: &[&Hint]| v.iter().map(|h| h.id.clone()).collect::<Vec<_>>();
        [names(&m.own), names(&m.section), names(&m.edition)]
    }

    fn v(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn hints_fit_the_questions_own_reference_first() {
        let (index, lib) = fixtures();
        assert_eq!(
            ids(&lib, &index, "5.2", "(6.5.C1)"),
            [v(&["item"]), v(&["auth"]), v(&[])],
            "6.5.C1's own hint; the section's around it"
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(6.5.C2)"),
            [v(&[]), v(&["auth"]), v(&[])]
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(8.3.C2(1)~(9))"),
            [v(&[]), v(&["ext"]), v(&[])]
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(8.)"),
            [v(&["ext"]), v(&[]), v(&[])]
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(6.2.C1)"),
            [v(&[]), v(&[]), v(&[])]
        );
        assert_eq!(
            ids(&lib, &index, "6.0", "(6.5.C1)"),
            [v(&[]), v(&[]), v(&["all6"])],
            "5.2 keys do not apply to a 6.0 catalogue"
        );
        assert_eq!(
            ids(&lib, &index, "6.0", "(シス14章第①条)"),
            [v(&["auth"]), v(&[]), v(&["all6"])]
        );
        assert_eq!(
            ids(&lib, &index, "6.0", "(シス13章)"),
            [v(&[]), v(&[]), v(&["all6"])]
        );
        assert_eq!(
            ids(&lib, &index, "5.1", "(6.5.C2)"),
            [v(&[]), v(&["auth"]), v(&[])],
            "5.2 hints serve the editions 5.2 covers"
        );
        assert_eq!(
            ids(&lib, &index, "5.2", "(6.5.C1、8.3)"),
            [v(&["item"]), v(&["auth", "ext"]), v(&[])],
            "each hint once, in the closest group"
        );
    }
}
