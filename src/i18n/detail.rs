//! Other programs' words about a problem, made fit for a person: no Rust type paths.

/// The text of [`super::said`]: every `a::b::Name` reduced to its last part, written as words.
pub(crate) fn plain_detail(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.rsplit_once("::") {
            Some((_, last)) => out.push_str(&type_words(last)),
            None => out.push_str(word),
        }
    }
    out
}

/// `Zip32CDEBlock` → `Zip32 CDE block`: capitals start words, runs of capitals stay together.
fn type_words(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        let next = chars.get(i + 1);
        let starts = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts {
            out.push(' ');
        }
        let lower_word = c.is_uppercase()
            && next.is_some_and(|n| n.is_lowercase())
            && (starts || prev.is_some())
            && i > 0;
        if lower_word {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn library_details_lose_their_type_paths() {
        assert_eq!(
            super::plain_detail("Unexpected end of zip::format::blocks::Zip32CDEBlock"),
            "Unexpected end of Zip32 CDE block"
        );
        assert_eq!(
            super::plain_detail("Unexpected end of zip::format::blocks::ZipCentralEntryBlock"),
            "Unexpected end of Zip central entry block"
        );
        assert_eq!(
            super::plain_detail("Could not find EOCD"),
            "Could not find EOCD"
        );
    }
}
