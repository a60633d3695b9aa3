//! Guideline references: the parenthesised citation at the end of a question, section or option.
//!
//! Forms read (see `docs/FORMATS.md`): `(6.5.C1)`, `(8.3.C2(1)~(9))`, `(6.5.C1(1)~6.5.C1(3))`,
//! `(8.3)`, `(8.)`, `(6.2)`, with half- or full-width parentheses and digits, `~ ～ 〜` as range
//! marks and an optional space before the parenthesis; several references separated by `,` `、`
//! or `・`; and guideline 6.0 / 7.0 citations such as `システム運用編 14章①`,
//! `システム運用編 第14章①`, `シス14章第①条`, `企9章②条` kept as free-form references with the
//! book label and chapter recognised.
//! A trailing parenthesis whose content is not a reference (e.g. `(パスワード等)`) stays text.

use std::fmt;

use super::text::fold_char;

/// A parsed guideline reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuidelineRef {
    /// 第5.x版 style: chapter, section, level (C = 最低限のガイドライン, D = 推奨), item, sub-item,
    /// optionally a range to a second point.
    Numbered {
        start: RefPoint,
        end: Option<RefPoint>,
    },
    /// 第6.0版 / 第7.0版 style, kept free-form: the text as written plus what could be
    /// recognised of it (the book label as written, the chapter, the ①-style item).
    Book {
        text: String,
        book: String,
        chapter: u32,
        item: Option<u32>,
    },
}

/// One point of a 5.x style reference, e.g. `8.3.C2(1)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct RefPoint {
    pub chapter: u32,
    pub section: Option<u32>,
    pub level: Option<char>,
    pub item: Option<u32>,
    pub sub: Option<u32>,
}

impl RefPoint {
    /// The key of the section this point lies in (`"6.5"`), or of the chapter (`"8"`).
    pub fn section_key(&self) -> String {
        match self.section {
            Some(s) => format!("{}.{}", self.chapter, s),
            None => self.chapter.to_string(),
        }
    }
}

impl fmt::Display for RefPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.", self.chapter)?;
        if let Some(s) = self.section {
            write!(f, "{s}")?;
            if let Some(l) = self.level {
                write!(f, ".{l}")?;
                if let Some(i) = self.item {
                    write!(f, "{i}")?;
                }
                if let Some(sub) = self.sub {
                    write!(f, "({sub})")?;
                }
            }
        }
        Ok(())
    }
}

impl GuidelineRef {
    /// The key used to look the reference up in a 5.x guideline index (`"6.5"` or `"8"`).
    pub fn section_key(&self) -> Option<String> {
        match self {
            GuidelineRef::Numbered { start, .. } => Some(start.section_key()),
            GuidelineRef::Book { .. } => None,
        }
    }

    /// The chapter number of the reference (5.x chapter or 6.0 book chapter).
    pub fn chapter(&self) -> u32 {
        match self {
            GuidelineRef::Numbered { start, .. } => start.chapter,
            GuidelineRef::Book { chapter, .. } => *chapter,
        }
    }
}

impl fmt::Display for GuidelineRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuidelineRef::Numbered { start, end } => {
                write!(f, "{start}")?;
                if let Some(end) = end {
                    write!(f, "~{end}")?;
                }
                Ok(())
            }
            GuidelineRef::Book { text, .. } => f.write_str(text),
        }
    }
}

/// The reference as printed (`raw`, including its parentheses) and what was parsed from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RefGroup {
    pub raw: String,
    pub refs: Vec<GuidelineRef>,
}

impl RefGroup {
    /// Parses a reference given on its own, with or without parentheses. A string that does not
    /// parse keeps its raw text and has no structured references.
    pub fn parse(raw: &str) -> RefGroup {
        let raw = raw.trim();
        let chars: Vec<char> = raw.chars().collect();
        let folded: Vec<char> = chars.iter().map(|c| fold_char(*c)).collect();
        let inner: &[char] = if folded.first() == Some(&'(') && matching_open(&folded) == Some(0) {
            folded
                .get(1..folded.len().saturating_sub(1))
                .unwrap_or_default()
        } else {
            &folded
        };
        let content: String = inner.iter().collect();
        RefGroup {
            raw: raw.to_string(),
            refs: parse_ref_list(&content).unwrap_or_default(),
        }
    }
}

/// Splits a trailing guideline reference off a text: `"…設置しているか?(6.3.C1)"` becomes
/// `("…設置しているか?", Some(group))`. A trailing parenthesis that is not a reference stays
/// part of the text and `None` is returned.
pub fn split_trailing_ref(text: &str) -> (String, Option<RefGroup>) {
    let trimmed = text.trim_end();
    let chars: Vec<char> = trimmed.chars().collect();
    let folded: Vec<char> = chars.iter().map(|c| fold_char(*c)).collect();
    if folded.last() != Some(&')') {
        return (text.to_string(), None);
    }
    let Some(open) = matching_open(&folded) else {
        return (text.to_string(), None);
    };
    let content: String = folded
        .get(open + 1..folded.len().saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .collect();
    match parse_ref_list(&content) {
        Some(refs) => {
            let (before, from) = chars.split_at(open.min(chars.len()));
            let body: String = before.iter().collect();
            let raw: String = from.iter().collect();
            (body.trim_end().to_string(), Some(RefGroup { raw, refs }))
        }
        None => (text.to_string(), None),
    }
}

/// Index of the `(` that matches the final `)` of `folded`.
fn matching_open(folded: &[char]) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in folded.iter().enumerate().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Parses the content of a reference parenthesis: one or more references separated by
/// `,` `、` `・` or `;`. Returns `None` unless every part is a reference.
fn parse_ref_list(content: &str) -> Option<Vec<GuidelineRef>> {
    let content = content.trim();
    if content.is_empty() || content.chars().count() > 200 {
        return None;
    }
    let mut refs = Vec::new();
    for part in content.split([',', '、', '・', ';']) {
        let part = part.trim();
        if part.is_empty() {
            return None;
        }
        refs.push(parse_one(part)?);
    }
    Some(refs)
}

fn parse_one(s: &str) -> Option<GuidelineRef> {
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        parse_numbered(s)
    } else {
        parse_book(s)
    }
}

/// A tiny cursor over the characters of one reference.
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }
    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.pos == start || self.pos - start > 4 {
            return None;
        }
        self.chars
            .get(start..self.pos)?
            .iter()
            .collect::<String>()
            .parse()
            .ok()
    }
    fn done(&self) -> bool {
        self.pos >= self.chars.len()
    }
}

fn parse_numbered(s: &str) -> Option<GuidelineRef> {
    let chars: Vec<char> = s.chars().collect();
    let mut cur = Cursor {
        chars: &chars,
        pos: 0,
    };
    let start = parse_point(&mut cur)?;
    cur.skip_spaces();
    let end = if cur.eat('~') {
        cur.skip_spaces();
        Some(parse_end(&mut cur, &start)?)
    } else {
        None
    };
    cur.skip_spaces();
    if !cur.done() {
        return None;
    }
    Some(GuidelineRef::Numbered { start, end })
}

/// `6.` | `6.5` | `6.5.C` | `6.5.C1` | `6.5.C1(3)`
fn parse_point(cur: &mut Cursor<'_>) -> Option<RefPoint> {
    let chapter = cur.number()?;
    if !cur.eat('.') {
        return None;
    }
    let mut point = RefPoint {
        chapter,
        ..RefPoint::default()
    };
    if !cur.peek().is_some_and(|c| c.is_ascii_digit()) {
        return Some(point);
    }
    point.section = Some(cur.number()?);
    if !cur.eat('.') {
        return Some(point);
    }
    let level = cur.peek().filter(|c| matches!(c, 'A'..='D' | 'a'..='d'))?;
    cur.pos += 1;
    point.level = Some(level.to_ascii_uppercase());
    if cur.peek().is_some_and(|c| c.is_ascii_digit()) {
        point.item = Some(cur.number()?);
        if let Some(sub) = parse_sub(cur) {
            point.sub = Some(sub);
        }
    }
    Some(point)
}

/// `(3)`; leaves the cursor untouched when there is none.
fn parse_sub(cur: &mut Cursor<'_>) -> Option<u32> {
    let save = cur.pos;
    if cur.eat('(')
        && let Some(n) = cur.number()
        && cur.eat(')')
    {
        return Some(n);
    }
    cur.pos = save;
    None
}

/// The end of a range: a full point (`6.5.C1(3)`), a level+item (`C3`), a sub-item (`(9)`) or
/// a bare number (the sub-item or item, whichever the start ends with).
fn parse_end(cur: &mut Cursor<'_>, start: &RefPoint) -> Option<RefPoint> {
    let save = cur.pos;
    if let Some(point) = parse_point(cur) {
        return Some(point);
    }
    cur.pos = save;
    let mut end = *start;
    match cur.peek()? {
        '(' => {
            start.item?;
            end.sub = Some(parse_sub(cur)?);
        }
        c if c.is_ascii_alphabetic() => {
            start.section?;
            cur.pos += 1;
            end.level = Some(c.to_ascii_uppercase());
            end.item = Some(cur.number()?);
            end.sub = parse_sub(cur);
        }
        c if c.is_ascii_digit() => {
            let n = cur.number()?;
            if start.sub.is_some() {
                end.sub = Some(n);
            } else if start.item.is_some() {
                end.item = Some(n);
            } else {
                return None;
            }
        }
        _ => return None,
    }
    Some(end)
}

/// Guideline 6.0/7.0 citations: a book label and a chapter, e.g. `システム運用編 14章①`,
/// `システム運用編 第14章①`, `シス14章第①条`, `企9章②条`, `企画管理編 7⑥`. A label ending in 編 may omit 章; a short
/// label (an abbreviation) must have it. The label is kept as written; the guideline index maps
/// it to a book.
fn parse_book(s: &str) -> Option<GuidelineRef> {
    let chars: Vec<char> = s.chars().collect();
    let digit_at = chars.iter().position(|c| c.is_ascii_digit())?;
    let label: String = chars.get(..digit_at)?.iter().collect();
    let label = label.trim();
    // 「システム運用編 第14章②」: the 第 before the chapter belongs to the chapter, not the label.
    let book = match label.strip_suffix('第').map(str::trim_end) {
        Some(before) if !before.is_empty() => before.to_string(),
        _ => label.to_string(),
    };
    let book_chars = book.chars().count();
    if book_chars == 0
        || book_chars > 12
        || !book.chars().all(|c| is_japanese_letter(c) || c == '第')
    {
        return None;
    }
    let mut cur = Cursor {
        chars: &chars,
        pos: digit_at,
    };
    let chapter = cur.number()?;
    let has_chapter_mark = cur.eat('章');
    // Book abbreviations of 第6.0版 (シス8①, 企9②, 経3) may leave out 章.
    let abbreviation = book_chars <= 3 && book != "第";
    if !has_chapter_mark && !book.ends_with('編') && !abbreviation {
        return None;
    }
    // Optional section numbers after the chapter ("14.1") are part of the text only.
    while cur.peek().is_some_and(|c| c == '.' || c.is_ascii_digit()) {
        cur.pos += 1;
    }
    cur.skip_spaces();
    cur.eat('第');
    let item = cur.peek().and_then(circled_number);
    if item.is_some() {
        cur.pos += 1;
        cur.eat('条');
        cur.eat('項');
    }
    cur.skip_spaces();
    if !cur.done() {
        return None;
    }
    Some(GuidelineRef::Book {
        text: s.to_string(),
        book,
        chapter,
        item,
    })
}

fn is_japanese_letter(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' // hiragana, katakana
        | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
        | '\u{3005}' // 々
    )
}

/// ① … ⑳ → 1 … 20.
fn circled_number(c: char) -> Option<u32> {
    match c {
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(chapter: u32, section: Option<u32>, item: Option<u32>, sub: Option<u32>) -> RefPoint {
        RefPoint {
            chapter,
            section,
            level: item.map(|_| 'C'),
            item,
            sub,
        }
    }

    fn single(text: &str) -> GuidelineRef {
        let (_, group) = split_trailing_ref(text);
        let group = group.unwrap_or_else(|| panic!("no reference in {text}"));
        assert_eq!(group.refs.len(), 1, "{text}");
        group.refs[0].clone()
    }

    #[test]
    fn simple_item() {
        let (body, group) =
            split_trailing_ref("扱う情報のリストを医療機関等に提示できるか?(6.2.C1)");
        let group = group.unwrap();
        assert_eq!(body, "扱う情報のリストを医療機関等に提示できるか?");
        assert_eq!(group.raw, "(6.2.C1)");
        assert_eq!(
            group.refs,
            vec![GuidelineRef::Numbered {
                start: point(6, Some(2), Some(1), None),
                end: None
            }]
        );
    }

    #[test]
    fn sub_item_range_short_end() {
        let r = single("選定基準と情報の取扱い要件を満たすか?(8.3.C2(1)~(9))");
        assert_eq!(
            r,
            GuidelineRef::Numbered {
                start: point(8, Some(3), Some(2), Some(1)),
                end: Some(point(8, Some(3), Some(2), Some(9))),
            }
        );
        assert_eq!(r.to_string(), "8.3.C2(1)~8.3.C2(9)");
        assert_eq!(r.section_key().as_deref(), Some("8.3"));
    }

    #[test]
    fn sub_item_range_full_end_with_space_before() {
        let (body, group) =
            split_trailing_ref("パスワード利用回数制限手段は? (6.5.C1(1)~6.5.C1(3))");
        assert_eq!(body, "パスワード利用回数制限手段は?");
        let group = group.unwrap();
        assert_eq!(group.raw, "(6.5.C1(1)~6.5.C1(3))");
        assert_eq!(
            group.refs[0],
            GuidelineRef::Numbered {
                start: point(6, Some(5), Some(1), Some(1)),
                end: Some(point(6, Some(5), Some(1), Some(3))),
            }
        );
    }

    #[test]
    fn section_and_chapter_only() {
        assert_eq!(
            single("診療録及び診療諸記録の外部保存を受託するか?(8.3)"),
            GuidelineRef::Numbered {
                start: point(8, Some(3), None, None),
                end: None
            }
        );
        let chapter = single("診療録及び診療諸記録を外部に保存する際の基準(8.)");
        assert_eq!(
            chapter,
            GuidelineRef::Numbered {
                start: point(8, None, None, None),
                end: None
            }
        );
        assert_eq!(chapter.section_key().as_deref(), Some("8"));
        assert_eq!(
            single("医療機関等における情報セキュリティマネジメントシステム (ISMS) の実践(6.2)")
                .section_key()
                .as_deref(),
            Some("6.2")
        );
    }

    #[test]
    fn full_width_parentheses_digits_and_range_marks() {
        let expected = GuidelineRef::Numbered {
            start: point(8, Some(3), Some(2), Some(1)),
            end: Some(point(8, Some(3), Some(2), Some(9))),
        };
        for text in [
            "満たすか？（８．３．Ｃ２（１）～（９））",
            "満たすか? (8.3.C2(1)〜(9))",
            "満たすか?(8.3.C2(1)～(9))",
            "満たすか?　（8.3.C2(1) ~ (9)）",
        ] {
            let (body, group) = split_trailing_ref(text);
            let group = group.unwrap_or_else(|| panic!("{text}"));
            assert_eq!(group.refs, vec![expected.clone()], "{text}");
            assert!(body.ends_with('か') || body.ends_with('?') || body.ends_with('？'));
            assert!(
                text.ends_with(&group.raw),
                "raw keeps the printed form: {text}"
            );
        }
    }

    #[test]
    fn several_refs_in_one_parenthesis() {
        let (_, group) = split_trailing_ref("認証の機能が有効か?(6.5.C1、6.5.C2)");
        let group = group.unwrap();
        assert_eq!(group.refs.len(), 2);
        assert_eq!(group.refs[1].to_string(), "6.5.C2");
    }

    #[test]
    fn level_letter_ranges_and_recommended_level() {
        let r = single("t(6.5.C1~C3)");
        assert_eq!(r.to_string(), "6.5.C1~6.5.C3");
        let d = single("t(6.11.D2)");
        match d {
            GuidelineRef::Numbered { start, .. } => assert_eq!(start.level, Some('D')),
            GuidelineRef::Book { .. } => panic!("numbered expected"),
        }
    }

    #[test]
    fn guideline_six_citations_are_free_form() {
        let r = single("二要素認証を採用しているか?(システム運用編 14章①)");
        assert_eq!(
            r,
            GuidelineRef::Book {
                text: "システム運用編 14章①".into(),
                book: "システム運用編".into(),
                chapter: 14,
                item: Some(1),
            }
        );
        assert_eq!(r.section_key(), None);
        match single("x(シス14章第①条)") {
            GuidelineRef::Book {
                book,
                chapter,
                item,
                ..
            } => {
                assert_eq!((book.as_str(), chapter, item), ("シス", 14, Some(1)));
            }
            other => panic!("{other:?}"),
        }
        match single("x（企9章②条）") {
            GuidelineRef::Book {
                book,
                chapter,
                item,
                ..
            } => assert_eq!((book.as_str(), chapter, item), ("企", 9, Some(2))),
            other => panic!("{other:?}"),
        }
        for (text, book, chapter, item) in [
            ("提示できるか?(シス8①)", "シス", 8, Some(1)),
            ("x(企9②)", "企", 9, Some(2)),
            ("x（経3）", "経", 3, None),
        ] {
            match single(text) {
                GuidelineRef::Book {
                    book: b,
                    chapter: c,
                    item: i,
                    ..
                } => assert_eq!((b.as_str(), c, i), (book, chapter, item), "{text}"),
                other => panic!("{other:?}"),
            }
        }
        for text in [
            "x(システム運用編 第14章②)",
            "x(システム運用編第14章②)",
            "x（システム運用編　第１４章②）",
        ] {
            match single(text) {
                GuidelineRef::Book {
                    book,
                    chapter,
                    item,
                    ..
                } => assert_eq!(
                    (book.as_str(), chapter, item),
                    ("システム運用編", 14, Some(2)),
                    "{text}"
                ),
                other => panic!("{other:?}"),
            }
        }
        match single("x(企画管理編 7⑥)") {
            GuidelineRef::Book { chapter, item, .. } => assert_eq!((chapter, item), (7, Some(6))),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_that_is_not_a_reference_stays_text() {
        for text in [
            "記憶ID(パスワード等)",
            "その他 (資格者のみ承認業務に限定して利用)",
            "暗号鍵 (ICカード等)",
            "生体認証(顔認証)",
            "条件 (1)",
            "版数 (2023)",
            "括弧だけ()",
            "閉じていない(6.5.C1",
            "余分な閉じ括弧 6.5.C1)",
            "中身が違う(6.5.X1)",
            "途中に文字(6.5.C1 など)",
            "",
            ")",
            "((((",
        ] {
            let (body, group) = split_trailing_ref(text);
            assert_eq!(group, None, "{text}");
            assert_eq!(body, text);
        }
    }

    #[test]
    fn parse_on_its_own() {
        let g = RefGroup::parse("(8.3.C1(1)~(5))");
        assert_eq!(g.refs.len(), 1);
        assert_eq!(g.raw, "(8.3.C1(1)~(5))");
        let g = RefGroup::parse("6.3.C1");
        assert_eq!(g.refs[0].to_string(), "6.3.C1");
        let g = RefGroup::parse("(見出し)");
        assert!(g.refs.is_empty());
        assert_eq!(g.raw, "(見出し)");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "(99999999999.1)",
            "(1.99999999999)",
            "(1.1.C99999(1))",
            "(~)",
            "(1.~)",
            "(1.1.C1~)",
            "(1.1.C1~(x))",
            "(第)",
            "(章1)",
            "(シス章)",
            "(シス99999999章)",
            "（（（６）））",
            "\u{0}(\u{0})",
        ] {
            std::hint::black_box(split_trailing_ref(text));
            std::hint::black_box(RefGroup::parse(text));
        }
    }
}
