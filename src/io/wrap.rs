//! Line breaking for Japanese and mixed text (used by the PDF export): break between any two
//! Japanese characters, between Latin words at spaces, never start a line with closing
//! punctuation or small kana (行頭禁則) and never end one with an opening bracket (行末禁則).
//! A character that may not start a line takes the last character of the previous line with it
//! (追い出し), so lines stay within the width.

/// Characters that may not start a line.
const NO_START: &str = "、。，．,.)）」』】〕〉》］]｝}〟’”・：；:;!?！？ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻‐゠–〜～…‥％%";
/// Characters that may not end a line.
const NO_END: &str = "(（「『【〔〈《［[｛{〝‘“";

fn no_start(c: char) -> bool {
    NO_START.contains(c)
}

fn no_end(c: char) -> bool {
    NO_END.contains(c)
}

/// Japanese, Chinese and full-width characters: a line may break before or after each one.
fn breaks_freely(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}'
        | '\u{25A0}'..='\u{25FF}')
}

/// A piece of a paragraph that is never broken (a Latin word) or a place to break (one
/// Japanese character, one space): a slice of the paragraph, never a copy.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    width: f32,
    space: bool,
}

/// The tokens of a paragraph, one at a time: the whole paragraph is never held as tokens, so
/// wrapping a remark of millions of characters takes memory for one line, not per character.
struct Tokens<'a, 'w> {
    rest: &'a str,
    width_of: &'w dyn Fn(char) -> f32,
}

impl<'a> Iterator for Tokens<'a, '_> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let c = self.rest.chars().next()?;
        let alone = |c: char| c.is_whitespace() || breaks_freely(c) || no_start(c) || no_end(c);
        let (len, width) = if alone(c) {
            (c.len_utf8(), (self.width_of)(c))
        } else {
            let mut len = 0;
            let mut width = 0.0;
            for c in self.rest.chars().take_while(|c| !alone(*c)) {
                len += c.len_utf8();
                width += (self.width_of)(c);
            }
            (len, width)
        };
        let (text, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(Token {
            text,
            width,
            space: c.is_whitespace(),
        })
    }
}

fn first_char(t: &Token) -> Option<char> {
    t.text.chars().next()
}

fn single_char(t: &Token) -> Option<char> {
    let mut it = t.text.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

/// Wraps `text` into lines no wider than `max_width` (in the unit of `width_of`). Explicit
/// newlines are kept; a word wider than a line is broken between its characters.
pub fn wrap(text: &str, max_width: f32, width_of: &dyn Fn(char) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let paragraph = paragraph.strip_suffix('\r').unwrap_or(paragraph);
        wrap_paragraph(paragraph, max_width, width_of, &mut lines);
    }
    lines
}

fn wrap_paragraph(
    paragraph: &str,
    max_width: f32,
    width_of: &dyn Fn(char) -> f32,
    lines: &mut Vec<String>,
) {
    let mut line: Vec<Token> = Vec::new();
    let mut width = 0.0f32;
    let emit = |line: &mut Vec<Token>, lines: &mut Vec<String>| {
        while line.last().is_some_and(|t| t.space) {
            line.pop();
        }
        lines.push(line.iter().map(|t| t.text).collect());
        line.clear();
    };
    if paragraph.is_empty() {
        lines.push(String::new());
        return;
    }
    let mut tokens = Tokens {
        rest: paragraph,
        width_of,
    };
    // Tokens put back to be read again (the last one put back comes first).
    let mut put_back: Vec<Token> = Vec::new();
    while let Some(t) = put_back.pop().or_else(|| tokens.next()) {
        if line.is_empty() && t.space && !lines.is_empty() {
            continue;
        }
        if width + t.width <= max_width || line.is_empty() && t.width <= max_width {
            width += t.width;
            line.push(t);
            continue;
        }
        if t.space {
            emit(&mut line, lines);
            width = 0.0;
            continue;
        }
        if line.is_empty() {
            // A word wider than the whole line: broken between characters in one pass (linear
            // in its length, however long); its last piece starts the next line.
            let mut head_start = 0;
            let mut head_width = 0.0;
            for (at, c) in t.text.char_indices() {
                let w = width_of(c);
                if at > head_start && head_width + w > max_width {
                    lines.push(t.text.get(head_start..at).unwrap_or_default().to_string());
                    head_start = at;
                    head_width = 0.0;
                }
                head_width += w;
            }
            width = head_width;
            line.push(Token {
                text: t.text.get(head_start..).unwrap_or_default(),
                width: head_width,
                space: false,
            });
            continue;
        }
        // Overflow. Keep closing punctuation off the start of the next line by taking the
        // previous character along (追い出し); keep opening brackets off the end of this one.
        let mut carry: Vec<Token> = Vec::new();
        if first_char(&t).is_some_and(no_start)
            && line.len() >= 2
            && let Some(last) = line.pop()
        {
            carry.push(last);
        }
        while line.len() >= 2 && line.last().and_then(single_char).is_some_and(no_end) {
            if let Some(last) = line.pop() {
                carry.insert(0, last);
            }
        }
        emit(&mut line, lines);
        width = 0.0;
        for c in carry {
            width += c.width;
            line.push(c);
        }
        put_back.push(t);
        // If the carried characters alone fill the line, let the next one hang rather than
        // loop forever.
        if width > max_width
            && let Some(next) = put_back.pop().or_else(|| tokens.next())
        {
            width += next.width;
            line.push(next);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        emit(&mut line, lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Non-ASCII characters are 1.0 wide, ASCII 0.5.
    fn w(c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }

    fn width(s: &str) -> f32 {
        s.chars().map(w).sum()
    }

    #[test]
    fn breaks_japanese_anywhere_within_width() {
        let lines = wrap(
            "医療情報システムを運用する際に責任者を設置しているか",
            10.0,
            &w,
        );
        assert_eq!(
            lines.concat(),
            "医療情報システムを運用する際に責任者を設置しているか"
        );
        assert!(lines.iter().all(|l| width(l) <= 10.0), "{lines:?}");
        assert_eq!(lines[0].chars().count(), 10);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // Position the 、 and 。 exactly at line starts in a naive break.
        let text = "あいうえおかきくけこ、さしすせそたちつてと。なにぬねのはひふへほ」まみむめも";
        let lines = wrap(text, 10.0, &w);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            let first = l.chars().next().unwrap();
            assert!(!NO_START.contains(first), "{lines:?}");
            assert!(width(l) <= 10.0, "{lines:?}");
        }
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        let text = "あいうえおかきくけ「こさしすせ」";
        let lines = wrap(text, 10.0, &w);
        assert_eq!(lines.concat(), text);
        for l in &lines {
            let last = l.chars().last().unwrap();
            assert!(!NO_END.contains(last), "{lines:?}");
        }
    }

    #[test]
    fn latin_words_break_at_spaces_and_long_words_split() {
        let lines = wrap("ID and password login over IP-VPN", 6.0, &w);
        assert_eq!(lines, ["ID and", "password", "login over", "IP-VPN"]);
        let lines = wrap("abcdefghijklmnopqrstuvwxyz", 5.0, &w);
        assert_eq!(lines, ["abcdefghij", "klmnopqrst", "uvwxyz"]);
    }

    #[test]
    fn mixed_text_and_newlines() {
        let lines = wrap("定期保守 (IP-VPN)\n\n平日営業時間内", 40.0, &w);
        assert_eq!(lines, ["定期保守 (IP-VPN)", "", "平日営業時間内"]);
        assert_eq!(wrap("", 10.0, &w), [""]);
    }

    #[test]
    fn pathological_input_terminates() {
        let text = "、、、、、、、、、、、、「「「「「「「「「「「「";
        let lines = wrap(text, 3.0, &w);
        assert_eq!(lines.concat(), text);
        let lines = wrap("あ", 0.1, &w);
        assert_eq!(lines, ["あ"]);
    }

    /// One unbroken megabyte-long word: every line full and nothing lost (its time is in the
    /// crafted-inputs table, tests/hostile.rs).
    #[test]
    fn a_megabyte_long_word_breaks_in_one_pass() {
        let word = "A".repeat(1_000_000);
        let text = format!("前 {word} 後");
        let lines = wrap(&text, 40.0, &w);
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        assert!(lines.iter().all(|l| width(l) <= 40.0), "within the width");
        assert_eq!(lines.len(), 1_000_000 / 80 + 2);
    }
}
