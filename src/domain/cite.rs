//! Citations compared as parsed: what a profile rule's `ref` selects. The selector and every
//! question's citation are read with the catalogue's own parser ([`super::refs`]) and compared
//! part by part — book, chapter and item for 第6.0版 / 第7.0版 citations; chapter, section,
//! level, item and sub-item for 5.x references — never as text: `シス1` does not select
//! `シス10`, and `シス14` selects `システム運用編 第14章②`.
//!
//! A selector is one [`Cite`]; a question is covered by the [`Cite`]s of [`Cite::covering`]
//! (each reference and everything above it). A selector selects a question when it is one of
//! them, so a profile can index its rules by key and look each question's keys up.

use super::refs::{GuidelineRef, RefGroup, RefPoint};
use super::text::{fold_width, is_blank};

/// The books of 第6.0版 and 第7.0版 and the other labels citations use for them (those of the
/// shipped guideline index; a test of `assets` keeps the two alike).
pub const BOOKS: [(&str, &[&str]); 5] = [
    ("概説編", &["概説", "概"]),
    ("経営管理編", &["経営管理", "経営", "経"]),
    ("企画管理編", &["企画管理", "企画", "企"]),
    ("システム運用編", &["システム運用", "シス"]),
    ("保守委託機関編", &["保守委託機関", "保守委託", "保"]),
];

/// The book a citation label names, by its full title (`シス` → `システム運用編`); a label no
/// book answers to stands for itself (width-folded, without spaces).
pub fn book_title(label: &str) -> String {
    let label = squeezed(label);
    BOOKS
        .iter()
        .find(|(title, aliases)| *title == label || aliases.contains(&label.as_str()))
        .map_or(label, |(title, _)| (*title).to_string())
}

/// What a rule's `ref` selects, and what covers a question's citation: one key, compared whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cite {
    /// A 5.x reference and everything under it (`6.5` covers `6.5.C1` and `6.5.C1(2)`).
    Point(RefPoint),
    /// A 5.x range, exactly (`6.5.C1(1)~(3)`).
    Range(RefPoint, RefPoint),
    /// A book, a chapter of it (and every item of the chapter) or one item (`シス`, `シス14`,
    /// `シス14②`); the book by its full title.
    Book {
        book: String,
        chapter: Option<u32>,
        item: Option<u32>,
    },
    /// A citation the parser does not read, by its whole text (width-folded, without spaces and
    /// outer parentheses).
    Text(String),
}

impl Cite {
    /// What a rule's `ref` selects (`6.5`, `6`, `6.5.C1(1)~(3)`, `シス14`, `システム運用編
    /// 第14章②`, a book alone); `None` for a blank one, which selects nothing.
    pub fn selector(s: &str) -> Option<Cite> {
        if is_blank(s) {
            return None;
        }
        let folded = fold_width(s.trim());
        // A bare number is a 5.x chapter (`6` = `6.`).
        if folded.len() <= 4 && folded.chars().all(|c| c.is_ascii_digit()) {
            let chapter = folded.parse().ok()?;
            return Some(Cite::Point(RefPoint {
                chapter,
                ..RefPoint::default()
            }));
        }
        let group = RefGroup::parse(&folded);
        Some(match group.refs.as_slice() {
            [one] => Cite::exactly(one),
            [] if is_book_label(&folded) => Cite::Book {
                book: book_title(&folded),
                chapter: None,
                item: None,
            },
            _ => Cite::Text(text_key(&folded)),
        })
    }

    /// The key naming exactly this reference.
    fn exactly(r: &GuidelineRef) -> Cite {
        match r {
            GuidelineRef::Numbered { start, end: None } => Cite::Point(*start),
            GuidelineRef::Numbered {
                start,
                end: Some(end),
            } => Cite::Range(*start, *end),
            GuidelineRef::Book {
                book,
                chapter,
                item,
                ..
            } => Cite::Book {
                book: book_title(book),
                chapter: Some(*chapter),
                item: *item,
            },
        }
    }

    /// Every key that selects a question citing `group`: each reference and everything above
    /// it (`6.5.C1(2)`: `6.`, `6.5`, `6.5.C`, `6.5.C1`, `6.5.C1(2)`; `シス14②`: the book,
    /// chapter 14 of it, item ② of that), a range also as itself; a citation the parser does
    /// not read, as its text.
    pub fn covering(group: &RefGroup) -> Vec<Cite> {
        if group.refs.is_empty() {
            let key = text_key(&group.raw);
            return if key.is_empty() {
                Vec::new()
            } else {
                vec![Cite::Text(key)]
            };
        }
        let mut out = Vec::new();
        for r in &group.refs {
            match r {
                GuidelineRef::Numbered { start, end } => {
                    let depth = Cite::Point(*start).depth();
                    out.extend((1..=depth).map(|d| Cite::Point(truncated(start, d))));
                    if let Some(end) = end {
                        out.push(Cite::Range(*start, *end));
                    }
                }
                GuidelineRef::Book {
                    book,
                    chapter,
                    item,
                    ..
                } => {
                    let book = book_title(book);
                    out.push(Cite::Book {
                        book: book.clone(),
                        chapter: None,
                        item: None,
                    });
                    if item.is_some() {
                        out.push(Cite::Book {
                            book: book.clone(),
                            chapter: Some(*chapter),
                            item: *item,
                        });
                    }
                    out.push(Cite::Book {
                        book,
                        chapter: Some(*chapter),
                        item: None,
                    });
                }
            }
        }
        out
    }

    /// How deep the key reaches (a longer reference is more specific): 1 for a chapter or a
    /// book, one more for each part below it; a range one more than its start.
    pub fn depth(&self) -> usize {
        match self {
            Cite::Point(p) => {
                1 + [
                    p.section.is_some(),
                    p.level.is_some(),
                    p.item.is_some(),
                    p.sub.is_some(),
                ]
                .iter()
                .filter(|b| **b)
                .count()
            }
            Cite::Range(start, _) => Cite::Point(*start).depth() + 1,
            Cite::Book { chapter, item, .. } => {
                1 + usize::from(chapter.is_some()) + usize::from(item.is_some())
            }
            Cite::Text(_) => 1,
        }
    }
}

/// `p` down to `depth` parts (1: the chapter; 2: the section; …).
fn truncated(p: &RefPoint, depth: usize) -> RefPoint {
    RefPoint {
        chapter: p.chapter,
        section: p.section.filter(|_| depth > 1),
        level: p.level.filter(|_| depth > 2),
        item: p.item.filter(|_| depth > 3),
        sub: p.sub.filter(|_| depth > 4),
    }
}

/// Width-folded, without whitespace.
fn squeezed(s: &str) -> String {
    fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The text a citation the parser does not read is compared by: squeezed, without one pair of
/// outer parentheses.
fn text_key(s: &str) -> String {
    let s = squeezed(s);
    match s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => inner.to_string(),
        None => s,
    }
}

/// A book named alone: a label some book answers to, or one ending in 編.
fn is_book_label(s: &str) -> bool {
    let label = squeezed(s);
    BOOKS
        .iter()
        .any(|(title, aliases)| *title == label || aliases.contains(&label.as_str()))
        || (label.ends_with('編') && label.chars().all(|c| !c.is_ascii()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covers(selector: &str, cited: &str) -> bool {
        let want = Cite::selector(selector).unwrap();
        Cite::covering(&RefGroup::parse(cited)).contains(&want)
    }

    #[test]
    fn book_chapters_compare_as_numbers_in_any_form() {
        for cited in [
            "シス14②",
            "システム運用編 14章②",
            "システム運用編 第14章②",
            "（シス１４章第②条）",
        ] {
            assert!(covers("シス14", cited), "{cited}");
            assert!(covers("システム運用編 第14章", cited), "{cited}");
            assert!(covers("シス14②", cited), "{cited}");
            assert!(covers("シス", cited), "{cited}");
            assert!(!covers("シス14①", cited), "{cited}");
            assert!(!covers("シス1", cited), "{cited}");
            assert!(!covers("シス140", cited), "{cited}");
            assert!(!covers("企14", cited), "{cited}");
        }
        assert!(!covers("シス14", "シス140"));
        assert!(!covers("企1", "企12"));
        assert!(covers("企1", "企画管理編 1⑥"));
        // An item selector does not select the whole chapter's citation.
        assert!(!covers("シス14②", "シス14"));
        // An unknown book label stands for itself.
        assert!(covers("未知編 3", "未知編 3章①"));
        assert!(!covers("未知編 3", "シス3"));
    }

    #[test]
    fn numbered_references_cover_what_lies_under_them() {
        assert!(covers("6.5", "6.5.C1"));
        assert!(covers("6", "6.5.C1(2)"));
        assert!(covers("6.", "6.5"));
        assert!(covers("6.5.C1", "6.5.C1(1)~(3)"));
        assert!(covers("6.5.C1(1)~(3)", "6.5.C1(1)~6.5.C1(3)"));
        assert!(covers("６．５．Ｃ１", "6.5.C1"));
        assert!(covers("(6.5)", "6.5.C1"));
        assert!(!covers("6.5.C1", "6.5.C10"));
        assert!(!covers("6.5", "6.50"));
        assert!(!covers("6.5", "16.5"));
        assert!(!covers("6.5.C1(2)", "6.5.C1(1)~(3)"));
        assert!(!covers("6.5.C1", "6.5.D1"));
    }

    #[test]
    fn unread_citations_compare_by_their_whole_text() {
        assert!(covers("付録A", "(付録 A)"));
        assert!(!covers("付録", "(付録A)"));
        assert_eq!(Cite::selector(" \u{3000}"), None);
        assert_eq!(Cite::selector("\u{200B}"), None);
        assert!(Cite::covering(&RefGroup::parse("()")).is_empty());
    }

    #[test]
    fn deeper_keys_are_more_specific() {
        let depth = |s: &str| Cite::selector(s).unwrap().depth();
        assert!(depth("6") < depth("6.5"));
        assert!(depth("6.5") < depth("6.5.C1"));
        assert!(depth("6.5.C1(1)") < depth("6.5.C1(1)~(3)"));
        assert!(depth("シス") < depth("シス14"));
        assert!(depth("シス14") < depth("システム運用編 14章②"));
    }
}
