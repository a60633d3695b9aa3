//! The guideline index (data in `assets/guideline/index.json`): chapters and sections of
//! 安全管理ガイドライン 第5.2版, books and chapters of 第6.0版 / 第7.0版, each with the confidence of
//! the research it comes from. A parsed reference resolves to its title here.

use serde::{Deserialize, Serialize};

use super::refs::GuidelineRef;
use super::text::fold_width;

/// How sure the project is of a title (carried over from the research notes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Read in a public source.
    Confirmed,
    /// Stated by a third party citing the primary source.
    Secondary,
    /// Reconstructed; to be checked against the guideline.
    Inferred,
}

impl Confidence {
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Secondary => "secondary",
            Confidence::Inferred => "inferred",
        }
    }
}

/// A chapter or section of a numbered edition (5.x): key `"6"` or `"6.5"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexEntry {
    pub key: String,
    pub title: String,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A chapter of a book (6.0 / 7.0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookChapter {
    pub number: u32,
    pub title: String,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Book {
    /// Stable id, e.g. `system`.
    pub id: String,
    /// Full title, e.g. `システム運用編`.
    pub title: String,
    /// Other spellings used in citations (`シス`, `システム運用`).
    #[serde(default)]
    pub aliases: Vec<String>,
    pub confidence: Confidence,
    #[serde(default)]
    pub chapters: Vec<BookChapter>,
}

impl Book {
    fn answers_to(&self, label: &str) -> bool {
        let label = fold_width(label.trim());
        self.title == label || self.aliases.contains(&label)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// `"5.2"`, `"6.0"`, `"7.0"`.
    pub edition: String,
    pub title: String,
    #[serde(default)]
    pub published: Option<String>,
    /// Earlier editions with the same numbering whose references resolve here (5.2 serves
    /// 5.0 and 5.1 catalogues; the titles shown are this edition's).
    #[serde(default)]
    pub covers: Vec<String>,
    #[serde(default)]
    pub entries: Vec<IndexEntry>,
    #[serde(default)]
    pub books: Vec<Book>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineIndex {
    #[serde(default)]
    pub note: Option<String>,
    pub editions: Vec<Edition>,
}

/// What a reference resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// The edition the title comes from.
    pub edition: String,
    pub edition_title: String,
    /// `"6.5"`, `"8"`, or `"システム運用編 14章"`.
    pub location: String,
    pub title: String,
    pub confidence: Confidence,
    /// For a section: the chapter's title, when known.
    pub chapter_title: Option<String>,
}

impl GuidelineIndex {
    /// The edition whose titles serve references of `edition`: the edition itself, or one that
    /// covers it.
    pub fn edition(&self, edition: &str) -> Option<&Edition> {
        self.editions
            .iter()
            .find(|e| e.edition == edition)
            .or_else(|| {
                self.editions
                    .iter()
                    .find(|e| e.covers.iter().any(|c| c == edition))
            })
    }

    /// The book a citation label names (`シス` → システム運用編), searching `edition` first and
    /// then the other editions, newest first.
    pub fn book(&self, edition: &str, label: &str) -> Option<(&Edition, &Book)> {
        let preferred = self.edition(edition).into_iter();
        let others = self.editions.iter().rev().filter(|e| e.edition != edition);
        preferred
            .chain(others)
            .find_map(|e| e.books.iter().find(|b| b.answers_to(label)).map(|b| (e, b)))
    }

    /// Resolves a reference cited by a catalogue of guideline `edition`: a section falls back to
    /// its chapter; a book citation to the book itself.
    pub fn resolve(&self, edition: &str, r: &GuidelineRef) -> Option<Resolved> {
        match r {
            GuidelineRef::Numbered { start, .. } => {
                let e = self.edition(edition)?;
                let chapter_key = start.chapter.to_string();
                let chapter = e.entries.iter().find(|x| x.key == chapter_key);
                let section_key = start.section_key();
                let entry = e
                    .entries
                    .iter()
                    .find(|x| x.key == section_key)
                    .or(chapter)?;
                Some(Resolved {
                    edition: e.edition.clone(),
                    edition_title: e.title.clone(),
                    location: entry.key.clone(),
                    title: entry.title.clone(),
                    confidence: entry.confidence,
                    chapter_title: chapter
                        .filter(|c| c.key != entry.key)
                        .map(|c| c.title.clone()),
                })
            }
            GuidelineRef::Book { book, chapter, .. } => {
                let (e, b) = self.book(edition, book)?;
                let ch = b.chapters.iter().find(|c| c.number == *chapter);
                Some(match ch {
                    Some(ch) => Resolved {
                        edition: e.edition.clone(),
                        edition_title: e.title.clone(),
                        location: format!("{} {}章", b.title, ch.number),
                        title: ch.title.clone(),
                        confidence: ch.confidence,
                        chapter_title: Some(b.title.clone()),
                    },
                    None => Resolved {
                        edition: e.edition.clone(),
                        edition_title: e.title.clone(),
                        location: format!("{} {}章", b.title, chapter),
                        title: b.title.clone(),
                        confidence: b.confidence,
                        chapter_title: None,
                    },
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::refs::RefGroup;

    fn index() -> GuidelineIndex {
        serde_json::from_str(
            r#"{"editions":[
              {"edition":"5.2","title":"第5.2版","covers":["5.0"],"entries":[
                {"key":"6","title":"医療情報システムの基本的な安全管理","confidence":"confirmed"},
                {"key":"6.5","title":"技術的安全対策","confidence":"inferred"},
                {"key":"8","title":"診療録及び診療諸記録を外部に保存する際の基準","confidence":"confirmed"}]},
              {"edition":"6.0","title":"第6.0版","books":[
                {"id":"system","title":"システム運用編","aliases":["シス"],"confidence":"confirmed",
                 "chapters":[{"number":14,"title":"認証・認可に関する安全管理措置","confidence":"confirmed"}]}]}
            ]}"#,
        )
        .unwrap()
    }

    fn first(raw: &str) -> GuidelineRef {
        RefGroup::parse(raw).refs[0].clone()
    }

    #[test]
    fn resolves_sections_chapters_and_books() {
        let i = index();
        let r = i.resolve("5.2", &first("(6.5.C1)")).unwrap();
        assert_eq!(
            (r.location.as_str(), r.title.as_str()),
            ("6.5", "技術的安全対策")
        );
        assert_eq!(r.confidence, Confidence::Inferred);
        assert_eq!(
            r.chapter_title.as_deref(),
            Some("医療情報システムの基本的な安全管理")
        );
        let r = i.resolve("5.2", &first("(8.3.C2(1)~(9))")).unwrap();
        assert_eq!(r.location, "8", "unknown section falls back to its chapter");
        assert_eq!(r.chapter_title, None);
        let r = i.resolve("5.2", &first("(シス14章第①条)")).unwrap();
        assert_eq!(r.title, "認証・認可に関する安全管理措置");
        assert_eq!(r.edition, "6.0");
        let r = i.resolve("6.0", &first("(システム運用編 99章)")).unwrap();
        assert_eq!(r.title, "システム運用編");
        assert!(i.resolve("5.2", &first("(9.1)")).is_none());
        assert!(i.resolve("9.9", &first("(6.5)")).is_none());
        let r = i.resolve("5.0", &first("(6.5.C4)")).unwrap();
        assert_eq!(
            (r.edition.as_str(), r.title.as_str()),
            ("5.2", "技術的安全対策")
        );
    }
}
