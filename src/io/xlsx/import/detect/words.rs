//! The words, marks and shapes of cells that detection recognises: answer words and marks,
//! question numbers and texts, option rows, header labels.

use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Kind;
use crate::domain::project::HeaderField;
use crate::domain::refs::split_trailing_ref;
use crate::domain::text::{fold_width, normalize_number};

const MARK_ON: &[char] = &['○', '●', '◯', '◎', '✓', '✔', '■', '☑', '◉', '✅'];
const MARK_OFF: &[char] = &['□', '☐'];
pub(super) const ANSWER_WORDS: [&str; 5] = ["はい", "いいえ", "対象外", "該当", "非該当"];

/// The answer a cell's word gives (はい, いいえ, 対象外, 該当, 非該当, with or without a mark).
pub(super) fn answer_word(s: &str) -> Option<AnswerValue> {
    let t = fold_width(s.trim());
    let t = t
        .trim_matches(|c: char| MARK_ON.contains(&c) || MARK_OFF.contains(&c) || c.is_whitespace());
    if ANSWER_WORDS.contains(&t) {
        AnswerValue::parse(t)
    } else {
        None
    }
}

/// A cell that marks its column as chosen: ○ ● ✓ ■ …, 1, x, TRUE.
pub(super) fn is_mark(s: &str) -> bool {
    let t = fold_width(s.trim());
    if t.chars().any(|c| MARK_ON.contains(&c)) {
        return true;
    }
    matches!(
        t.as_str(),
        "1" | "x" | "X" | "×" | "TRUE" | "true" | "v" | "V"
    )
}

/// Holds kana or kanji.
fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// Japanese text that ends with a guideline reference, a question mark or か.
fn looks_like_question(text: &str) -> bool {
    let (body, refs) = split_trailing_ref(text);
    let b = fold_width(body.trim());
    has_japanese(&b)
        && (refs.is_some() || b.ends_with('?') || b.ends_with('か') || b.ends_with("か。"))
}

/// A number followed by text in one cell: `4. 1. 2. パスワード…`.
fn split_number_prefix(text: &str) -> Option<(String, String)> {
    let folded: Vec<char> = text.chars().map(crate::domain::text::fold_char).collect();
    let mut end = 0;
    for (i, c) in folded.iter().enumerate() {
        if c.is_ascii_digit() || *c == '.' || *c == ' ' {
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
    let n = normalize_number(&head)?;
    let rest = rest.trim();
    (!rest.is_empty() && head.trim_end().len() < head.len() || head.trim_end().ends_with('.'))
        .then(|| (n, rest.to_string()))
        .filter(|(_, r)| !r.is_empty())
}

/// The number and text of a question row, with the column of the text.
pub(super) fn question_cells(cells: &[(u16, &str)]) -> Option<(String, String, u16, String)> {
    for (i, (col, v)) in cells.iter().enumerate() {
        if let Some(n) = normalize_number(v).filter(|_| v.chars().count() <= 16) {
            let (tcol, text) = cells.get(i + 1)?;
            if looks_like_question(text) {
                return Some((v.trim().to_string(), text.to_string(), *tcol, n));
            }
            return None;
        }
        if let Some((n, rest)) = split_number_prefix(v) {
            if looks_like_question(&rest) {
                let printed: String = v
                    .chars()
                    .take(v.chars().count() - rest.chars().count())
                    .collect();
                return Some((printed.trim().to_string(), rest, *col, n));
            }
            return None;
        }
        // Only a leading cell (or an empty-looking one) may precede the number.
        if i >= 1 {
            return None;
        }
    }
    None
}

/// The label of an option row: a leading dash (or ・ ー) and text.
pub(super) fn option_label(cells: &[(u16, &str)]) -> Option<(u16, String)> {
    let (col, v) = cells.first()?;
    let t = v.trim_start();
    let first = t.chars().next()?;
    if matches!(first, '-' | '－' | '‐' | '−' | '・' | 'ー') && t.chars().count() > 1 {
        let label: String = t.chars().skip(1).collect();
        return Some((*col, label.trim().to_string()));
    }
    None
}

/// The header field a label names, and the kind of form the label belongs to.
pub(super) fn header_field(label: &str) -> Option<(HeaderField, Option<Kind>)> {
    let l: String = fold_width(label)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ':' && *c != '：')
        .collect();
    Some(match l.as_str() {
        "作成日" | "作成年月日" | "記入日" => (HeaderField::Created, None),
        "製造業者" | "製造業者名" => (HeaderField::Vendor, Some(Kind::Mds)),
        "サービス事業者" | "サービス事業者名" => {
            (HeaderField::Vendor, Some(Kind::Sds))
        }
        "製品名称" | "製品名" => (HeaderField::Product, Some(Kind::Mds)),
        "サービス名称" | "サービス名" => (HeaderField::Product, Some(Kind::Sds)),
        "バージョン" | "版数" | "バージョン(型式)" => (HeaderField::Version, None),
        "問合せ先" | "問い合わせ先" | "問合せ窓口" => (HeaderField::Contact, None),
        _ => return None,
    })
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

    #[test]
    fn recognises_question_cells() {
        let q = question_cells(&[
            (0, "4. 1. 2."),
            (1, "セキュリティデバイスを用いるか? (6.5.C2)"),
        ])
        .unwrap();
        assert_eq!((q.0.as_str(), q.3.as_str()), ("4. 1. 2.", "4.1.2"));
        let q = question_cells(&[(2, "４．１"), (3, "認証方法は?(6.5.C1)")]).unwrap();
        assert_eq!(q.3, "4.1");
        let q = question_cells(&[(0, "1. 1 保存場所が…満たすか?(8.3.C1(1)~(5))")]).unwrap();
        assert_eq!((q.0.as_str(), q.3.as_str()), ("1. 1", "1.1"));
        assert!(question_cells(&[(0, "作成日"), (1, "2023年10月4日")]).is_none());
        assert!(question_cells(&[(0, "1"), (1, "はい")]).is_none());
    }

    #[test]
    fn marks_and_words() {
        assert!(is_mark("○"));
        assert!(is_mark("■はい"));
        assert!(is_mark("1"));
        assert!(!is_mark("□はい"));
        assert!(!is_mark(""));
        assert_eq!(answer_word("■対象外"), Some(AnswerValue::NotApplicable));
        assert_eq!(answer_word(" 非該当 "), Some(AnswerValue::DoesNotApply));
        assert_eq!(answer_word("備考"), None);
    }
}
