//! Small text helpers shared by the parsers and the checks: width folding, number
//! normalisation, and the format characters that draw nothing (found, escaped, blank).
//!
//! Official workbooks mix half- and full-width forms (`（６．５．Ｃ１）`, `４．１`), ideographic
//! spaces and several tilde-like range marks. Every parser folds its input with [`fold_char`] first,
//! one character for one character, so positions in the folded text map back to the original.

/// Folds one character: full-width ASCII to ASCII, the ideographic space to a space, and the
/// range marks `～` (U+FF5E) and `〜` (U+301C) to `~`. Everything else is returned unchanged
/// (circled numbers such as `①` stay, because guideline 6.0 citations use them).
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{301C}' | '\u{FF5E}' => '~',
        '\u{FF01}'..='\u{FF5D}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Text as shown and printed: the ASCII `~` of a range (`6.5.C1(1)~(3)`, as references are
/// stored) becomes the full-width `～` of the printed form, which Japanese fonts draw on the
/// middle line rather than raised. Display only: the data keeps what the form printed.
pub fn for_display(s: &str) -> String {
    s.replace('~', "\u{FF5E}")
}

/// Folds a whole string with [`fold_char`].
pub fn fold_width(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The value of a Roman numeral character `Ⅰ`–`Ⅻ` (or `ⅰ`–`ⅻ`).
pub fn roman_value(c: char) -> Option<u32> {
    match c {
        '\u{2160}'..='\u{216B}' => Some(c as u32 - 0x2160 + 1),
        '\u{2170}'..='\u{217B}' => Some(c as u32 - 0x2170 + 1),
        _ => None,
    }
}

/// The place of a katakana in the order items are lettered with (ア = 1 … ノ = 25).
pub fn kana_value(c: char) -> Option<u32> {
    const ORDER: &str = "アイウエオカキクケコサシスセソタチツテトナニヌネノ";
    ORDER.chars().position(|k| k == c).map(|p| p as u32 + 1)
}

/// The value of a circled number `①`–`⑳`.
pub fn circled_value(c: char) -> Option<u32> {
    match c {
        '\u{2460}'..='\u{2473}' => Some(c as u32 - 0x2460 + 1),
        _ => None,
    }
}

/// Normalises a printed question number: `"4. 1. 2."`, `"４．１．２"`, `" 1. 1"` and `"4.1.2"` all
/// become `"4.1.2"`; hyphens, parentheses and circled numbers separate parts too (`"14-1"` →
/// `"14.1"`, `"(1)"` → `"1"`, `"2 (3)"` → `"2.3"`, `"2①"` → `"2.1"`). Returns `None` when the
/// text is not such a number.
pub fn normalize_number(s: &str) -> Option<String> {
    let mut folded = String::new();
    let chars: Vec<char> = fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for (i, &c) in chars.iter().enumerate() {
        // A katakana counts (ア = 1, イ = 2 …) only standing alone: (ア), ア., Ⅱ-ア.
        let alone = |at: usize| {
            let kana = |j: Option<&char>| j.is_some_and(|k| kana_value(*k).is_some());
            !kana(at.checked_sub(1).and_then(|p| chars.get(p))) && !kana(chars.get(at + 1))
        };
        let value = circled_value(c)
            .or_else(|| roman_value(c))
            .or_else(|| kana_value(c).filter(|_| alone(i)));
        match (c, value) {
            (_, Some(n)) => folded.push_str(&format!(".{n}.")),
            ('-' | '(', _) => folded.push('.'),
            (')', _) => folded.push('.'),
            // 第1章第2節 → 1.2
            ('第', _) => {}
            ('章' | '節' | '条' | '項' | '編', _) => folded.push('.'),
            _ => folded.push(c),
        }
    }
    let mut parts = Vec::new();
    for part in folded.split('.') {
        if part.is_empty() {
            continue;
        }
        if !part.chars().all(|c| c.is_ascii_digit()) || part.len() > 4 {
            return None;
        }
        // "01" and "1" are the same number.
        let trimmed = part.trim_start_matches('0');
        parts.push(if trimmed.is_empty() { "0" } else { trimmed });
    }
    if parts.is_empty() || parts.len() > 8 {
        return None;
    }
    Some(parts.join("."))
}

/// Compares two labels the way a user means them: width-folded, without surrounding spaces and
/// without a leading list dash (`-記憶ID` and `記憶ID` are the same option).
pub fn same_label(a: &str, b: &str) -> bool {
    label_key(a) == label_key(b)
}

/// The key [`same_label`] compares.
pub fn label_key(s: &str) -> String {
    let folded = fold_width(s);
    let trimmed = folded
        .trim()
        .trim_start_matches(['-', '・', '‐', '−'])
        .trim();
    trimmed.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The format characters: Unicode general category Cf (Unicode 16.0), as ranges. They draw
/// nothing — zero-width space and joiners, word joiner, byte order mark, soft hyphen, the bidi
/// controls that reorder what follows them — so a name holding them can look like another.
/// (The test below checks the table against the `unicode-general-category` crate.)
const FORMAT_CHARS: [(char, char); 21] = [
    ('\u{00AD}', '\u{00AD}'),   // soft hyphen
    ('\u{0600}', '\u{0605}'),   // Arabic number signs
    ('\u{061C}', '\u{061C}'),   // Arabic letter mark
    ('\u{06DD}', '\u{06DD}'),   // Arabic end of ayah
    ('\u{070F}', '\u{070F}'),   // Syriac abbreviation mark
    ('\u{0890}', '\u{0891}'),   // Arabic pound and piastre marks above
    ('\u{08E2}', '\u{08E2}'),   // Arabic disputed end of ayah
    ('\u{180E}', '\u{180E}'),   // Mongolian vowel separator
    ('\u{200B}', '\u{200F}'),   // zero-width space, ZWNJ, ZWJ, LRM, RLM
    ('\u{202A}', '\u{202E}'),   // bidi embeddings and overrides
    ('\u{2060}', '\u{2064}'),   // word joiner, invisible operators
    ('\u{2066}', '\u{206F}'),   // bidi isolates, deprecated format characters
    ('\u{FEFF}', '\u{FEFF}'),   // zero-width no-break space (byte order mark)
    ('\u{FFF9}', '\u{FFFB}'),   // interlinear annotation
    ('\u{110BD}', '\u{110BD}'), // Kaithi number sign
    ('\u{110CD}', '\u{110CD}'), // Kaithi number sign above
    ('\u{13430}', '\u{1343F}'), // Egyptian hieroglyph format controls
    ('\u{1BCA0}', '\u{1BCA3}'), // shorthand format controls
    ('\u{1D173}', '\u{1D17A}'), // musical symbol beams, ties, slurs, phrases
    ('\u{E0001}', '\u{E0001}'), // language tag
    ('\u{E0020}', '\u{E007F}'), // tag characters
];

/// Whether `c` is a format character (general category Cf): it draws nothing.
pub fn is_format_char(c: char) -> bool {
    FORMAT_CHARS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The format characters of `s` with their positions (counted in characters from 0).
pub fn format_chars(s: &str) -> Vec<(usize, char)> {
    s.chars()
        .enumerate()
        .filter(|(_, c)| is_format_char(*c))
        .collect()
}

/// `s` with every format character written out as `<U+200B>`, so that a name holding one
/// cannot look like another: what the CLI prints and the window and the PDF show.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_format_char(c) {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `s` holds nothing visible: only whitespace and format characters (a name of only
/// zero-width spaces is as empty as a blank one).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_format_char(c))
}

/// A piece of a two-text comparison: in both, only in the earlier text, or only in the later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffPart {
    Same,
    Removed,
    Added,
}

/// Longest texts [`char_diff`] compares character by character (the table it builds grows
/// with the product of the lengths); longer ones are shown as wholly replaced.
pub const MAX_DIFF_CHARS: usize = 2_000;

/// The character-level differences of two texts (longest common subsequence), as runs:
/// what stayed, what went from `old`, what came into `new`. Shows a reworded question's old and
/// new wording with the changes marked.
pub fn char_diff(old: &str, new: &str) -> Vec<(DiffPart, String)> {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let mut out: Vec<(DiffPart, String)> = Vec::new();
    let mut push = |part: DiffPart, c: char| match out.last_mut() {
        Some((p, run)) if *p == part => run.push(c),
        _ => out.push((part, c.to_string())),
    };
    if a.len() > MAX_DIFF_CHARS || b.len() > MAX_DIFF_CHARS {
        a.iter().for_each(|c| push(DiffPart::Removed, *c));
        b.iter().for_each(|c| push(DiffPart::Added, *c));
        return out;
    }
    // lcs[i][j]: the common subsequence length of a[i..] and b[j..], row by row.
    let w = b.len() + 1;
    let mut lcs = vec![0u32; (a.len() + 1) * w];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let v = if a.get(i) == b.get(j) {
                lcs.get((i + 1) * w + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = lcs.get((i + 1) * w + j).copied().unwrap_or(0);
                let right = lcs.get(i * w + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lcs.get_mut(i * w + j) {
                *cell = v;
            }
        }
    }
    let at = |i: usize, j: usize| lcs.get(i * w + j).copied().unwrap_or(0);
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                push(DiffPart::Same, *x);
                i += 1;
                j += 1;
            }
            (Some(x), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                push(DiffPart::Removed, *x);
                i += 1;
            }
            (_, Some(y)) => {
                push(DiffPart::Added, *y);
                j += 1;
            }
            (Some(x), None) => {
                push(DiffPart::Removed, *x);
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_diff_marks_what_changed() {
        let d = char_diff("責任者を設置しているか", "責任者を置いているか");
        let joined = |keep: DiffPart| -> String {
            d.iter()
                .filter(|(p, _)| *p == DiffPart::Same || *p == keep)
                .map(|(_, s)| s.as_str())
                .collect()
        };
        assert_eq!(joined(DiffPart::Removed), "責任者を設置しているか");
        assert_eq!(joined(DiffPart::Added), "責任者を置いているか");
        assert!(d.contains(&(DiffPart::Removed, "設".into())));
        assert_eq!(
            char_diff("同じ", "同じ"),
            vec![(DiffPart::Same, "同じ".into())]
        );
        let long = "あ".repeat(MAX_DIFF_CHARS + 1);
        assert_eq!(char_diff(&long, "い").len(), 2, "too long: replaced whole");
    }

    #[test]
    fn format_characters_are_the_unicode_cf_category() {
        use unicode_general_category::{GeneralCategory, get_general_category};
        for cp in 0..=0x10FFFF_u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(
                is_format_char(c),
                get_general_category(c) == GeneralCategory::Format,
                "U+{cp:04X}"
            );
        }
    }

    #[test]
    fn format_characters_are_found_escaped_and_count_as_blank() {
        let name = "生成\u{200B}株式会社\u{202E}";
        assert_eq!(format_chars(name), [(2, '\u{200B}'), (7, '\u{202E}')]);
        assert_eq!(visible(name), "生成<U+200B>株式会社<U+202E>");
        assert_eq!(visible("\u{E0041}"), "<U+E0041>");
        assert_eq!(visible("株式会社"), "株式会社");
        for c in [
            '\u{00AD}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{2066}', '\u{200E}',
        ] {
            assert!(is_format_char(c), "{c:?}");
        }
        for c in ['a', ' ', '\u{3000}', 'あ', '①', '\u{2065}'] {
            assert!(!is_format_char(c), "{c:?}");
        }
        assert!(is_blank("\u{200B}\u{3000} \u{FEFF}"));
        assert!(is_blank(""));
        assert!(!is_blank("\u{200B}a"));
    }

    #[test]
    fn folds_full_width_forms() {
        assert_eq!(fold_width("（６．５．Ｃ１）"), "(6.5.C1)");
        assert_eq!(fold_width("(1)～(9)"), "(1)~(9)");
        assert_eq!(fold_width("(1)〜(9)"), "(1)~(9)");
        assert_eq!(fold_width("14章①"), "14章①");
        assert_eq!(fold_width("a\u{3000}b"), "a b");
    }

    #[test]
    fn normalises_numbers_as_printed() {
        for printed in ["4. 1. 2.", "4.1.2", "４．１．２", " 4. 1. 2 ", "4.1.2."] {
            assert_eq!(
                normalize_number(printed).as_deref(),
                Some("4.1.2"),
                "{printed}"
            );
        }
        assert_eq!(normalize_number("1. 1").as_deref(), Some("1.1"));
        assert_eq!(normalize_number("1").as_deref(), Some("1"));
        assert_eq!(normalize_number("１").as_deref(), Some("1"));
        assert_eq!(normalize_number("01.02").as_deref(), Some("1.2"));
        assert_eq!(normalize_number("").as_deref(), None);
        assert_eq!(normalize_number("備考").as_deref(), None);
        assert_eq!(normalize_number("4.a").as_deref(), None);
        assert_eq!(normalize_number("14-1").as_deref(), Some("14.1"));
        assert_eq!(normalize_number("(1)").as_deref(), Some("1"));
        assert_eq!(normalize_number("（１２）").as_deref(), Some("12"));
        assert_eq!(normalize_number("2 (3)").as_deref(), Some("2.3"));
        assert_eq!(normalize_number("①").as_deref(), Some("1"));
        assert_eq!(normalize_number("3 ⑫").as_deref(), Some("3.12"));
        assert_eq!(normalize_number("(a)").as_deref(), None);
        assert_eq!(normalize_number("-").as_deref(), None);
        // Roman numerals, lettered items and chapters, as official lists number them.
        assert_eq!(normalize_number("Ⅱ").as_deref(), Some("2"));
        assert_eq!(normalize_number("Ⅱ-1").as_deref(), Some("2.1"));
        assert_eq!(normalize_number("ⅲ.2").as_deref(), Some("3.2"));
        assert_eq!(normalize_number("(ア)").as_deref(), Some("1"));
        assert_eq!(normalize_number("（イ）").as_deref(), Some("2"));
        assert_eq!(normalize_number("ウ.").as_deref(), Some("3"));
        assert_eq!(normalize_number("Ⅱ-1 (イ)").as_deref(), Some("2.1.2"));
        assert_eq!(normalize_number("第1章").as_deref(), Some("1"));
        assert_eq!(normalize_number("第2章第3節").as_deref(), Some("2.3"));
        assert_eq!(normalize_number("1-1-2").as_deref(), Some("1.1.2"));
        // A word of katakana is no number.
        assert_eq!(normalize_number("アイ").as_deref(), None);
        assert_eq!(normalize_number("(アクセス)").as_deref(), None);
        assert_eq!(normalize_number("第章").as_deref(), None);
    }

    #[test]
    fn labels_compare_without_dash_and_width() {
        assert!(same_label(
            "-記憶ID(パスワード等)",
            "記憶ID（パスワード等）"
        ));
        assert!(same_label(" -暗号鍵 (ICカード等)", "暗号鍵(ICカード等)"));
        assert!(!same_label("暗号鍵", "生体認証"));
    }

    #[test]
    fn ranges_are_shown_with_the_full_width_tilde() {
        assert_eq!(for_display("6.5.C1(1)~(3)"), "6.5.C1(1)\u{FF5E}(3)");
        assert_eq!(fold_width(&for_display("a~b")), "a~b");
    }
}
