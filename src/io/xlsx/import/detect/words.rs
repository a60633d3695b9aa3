//! The shapes of cells detection recognises: question numbers in their printed styles and
//! question texts. The words (answer words, marks, labels, headings) are data: see
//! [`super::super::vocabulary`].

use crate::domain::refs::split_trailing_ref;
use crate::domain::text::{circled_value, fold_char, fold_width, normalize_number};

/// How a question number is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberStyle {
    /// `1`, `1.`, `1.1`, `4. 1. 2.`
    Dotted,
    /// `1-1`, `14-1`
    Hyphen,
    /// `(1)`, `（１）`
    Bracket,
    /// `①`
    Circled,
}

impl NumberStyle {
    /// Numbering that restarts within sections ((1) under every section).
    pub(super) fn is_relative(self) -> bool {
        matches!(self, NumberStyle::Bracket | NumberStyle::Circled)
    }
}

/// A question number: as printed, normalised (`4.1.2`), and its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Number {
    pub printed: String,
    pub key: String,
    pub style: NumberStyle,
}

/// A cell that is a question number in one of the styles read.
pub(super) fn parse_number(s: &str) -> Option<Number> {
    let printed = s.trim();
    if printed.is_empty() || printed.chars().count() > 16 {
        return None;
    }
    let folded: String = fold_width(printed)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let style = if folded.chars().any(|c| circled_value(c).is_some()) {
        NumberStyle::Circled
    } else if folded.starts_with('(') && folded.ends_with(')') {
        NumberStyle::Bracket
    } else if folded.contains('-') {
        if folded.starts_with('-') || folded.ends_with('-') {
            return None;
        }
        NumberStyle::Hyphen
    } else if folded.contains(['(', ')']) {
        return None;
    } else {
        NumberStyle::Dotted
    };
    let key = normalize_number(printed)?;
    Some(Number {
        printed: printed.to_string(),
        key,
        style,
    })
}

/// A number in a column the user named: read as a number in one of the styles when it is
/// one, else kept as shown (Ⅱ-1, (ア), 第1章).
pub(super) fn given_number(s: &str) -> Option<Number> {
    let printed = s.trim();
    if printed.is_empty() || printed.chars().count() > 32 {
        return None;
    }
    parse_number(printed).or_else(|| {
        Some(Number {
            printed: printed.to_string(),
            key: crate::domain::catalogue::shown_number(printed)?,
            style: NumberStyle::Dotted,
        })
    })
}

/// Holds kana or kanji.
pub(super) fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// Words of a sentence: Japanese, or at least two words of Latin letters (an English
/// checklist's question), not a lone code or number.
pub(super) fn has_words(s: &str) -> bool {
    has_japanese(s)
        || s.split_whitespace()
            .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
            .count()
            >= 2
}

/// Japanese text that ends with a guideline reference, a question mark, か or 。.
pub(super) fn looks_like_question(text: &str) -> bool {
    let (body, refs) = split_trailing_ref(text);
    let b = fold_width(body.trim());
    (has_japanese(&b)
        && (refs.is_some() || b.ends_with('か') || b.ends_with('。') || b.ends_with('?')))
        || (has_words(&b) && b.ends_with('?'))
}

/// A number followed by text in one cell: `4. 1. 2. パスワード…`, `(1) 手順を…`, `① …`,
/// `14-1 …`. The number must end in a dot, a bracket, a circled digit or a space.
fn split_number_prefix(text: &str) -> Option<(Number, String)> {
    let mut end = 0;
    for (i, c) in text.chars().enumerate() {
        let f = fold_char(c);
        if f.is_ascii_digit()
            || matches!(f, '.' | ' ' | '-' | '(' | ')')
            || circled_value(c).is_some()
            || crate::domain::text::roman_value(c).is_some()
        {
            end = i + 1;
        } else {
            break;
        }
    }
    if end == 0 {
        return None;
    }
    let head: String = text.chars().take(end).collect();
    let rest: String = text.chars().skip(end).collect();
    let rest = rest.trim();
    let last = head.trim_end().chars().last().map(fold_char)?;
    let separated = head.trim_end().len() < head.len()
        || matches!(last, '.' | ')')
        || circled_value(last).is_some();
    if rest.is_empty() || !separated {
        return None;
    }
    Some((parse_number(&head)?, rest.to_string()))
}

/// A question row's number and text, with the columns of each.
#[derive(Debug, Clone)]
pub(super) struct QuestionCells {
    pub number: Number,
    pub number_col: u16,
    pub text: String,
    pub text_col: u16,
}

/// The number and text of a numbered row: a number cell and the next cell, or a number and
/// text in one cell. Only the first or second cell may hold the number. Whether the text is a
/// question or a section title is decided later.
pub(super) fn numbered_cells(cells: &[(u16, &str)]) -> Option<QuestionCells> {
    for (i, (col, v)) in cells.iter().enumerate().take(2) {
        if let Some(number) = parse_number(v) {
            let (tcol, text) = cells.get(i + 1)?;
            return has_words(text).then(|| QuestionCells {
                number,
                number_col: *col,
                text: text.to_string(),
                text_col: *tcol,
            });
        }
        if let Some((number, rest)) = split_number_prefix(v) {
            return has_words(&rest).then_some(QuestionCells {
                number,
                number_col: *col,
                text: rest,
                text_col: *col,
            });
        }
    }
    None
}

/// The number and text of a row that is a question by its shape alone (the text ends in a
/// question mark, か, 。 or a reference).
pub(super) fn question_cells(cells: &[(u16, &str)]) -> Option<QuestionCells> {
    numbered_cells(cells).filter(|q| looks_like_question(&q.text))
}

/// The first 30 characters of a text, for a report.
pub(super) fn short(s: &str) -> String {
    let t: String = s.chars().take(30).collect();
    if s.chars().count() > 30 {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(cells: &[(u16, &str)]) -> (String, String, String) {
        let q = question_cells(cells).unwrap();
        (q.number.printed, q.number.key, q.text)
    }

    #[test]
    fn recognises_question_cells() {
        let (printed, key, _) = q(&[
            (0, "4. 1. 2."),
            (1, "セキュリティデバイスを用いるか? (6.5.C2)"),
        ]);
        assert_eq!((printed.as_str(), key.as_str()), ("4. 1. 2.", "4.1.2"));
        assert_eq!(q(&[(2, "４．１"), (3, "認証方法は?(6.5.C1)")]).1, "4.1");
        let (printed, key, _) = q(&[(0, "1. 1 保存場所が…満たすか?(8.3.C1(1)~(5))")]);
        assert_eq!((printed.as_str(), key.as_str()), ("1. 1", "1.1"));
        assert!(question_cells(&[(0, "作成日"), (1, "2023年10月4日")]).is_none());
        assert!(question_cells(&[(0, "1"), (1, "はい")]).is_none());
        assert_eq!(q(&[(0, "14-1"), (1, "手順を定めている。")]).1, "14.1");
        assert_eq!(q(&[(0, "(2) 手順を定めている。")]).1, "2");
        assert_eq!(q(&[(0, "③手順を提示できるか?(シス8①)")]).1, "3");
        assert_eq!(
            parse_number("（１）").map(|n| n.style),
            Some(NumberStyle::Bracket)
        );
        assert_eq!(parse_number("1.10").map(|n| n.key), Some("1.10".into()));
        assert!(parse_number("2023年").is_none());
        assert!(numbered_cells(&[(0, "2023年度")]).is_none());
    }
}
