//! The guideline edition and the form version a workbook names in its titles or file name.

use crate::domain::text::fold_width;

/// The guideline edition (`5.2`) a title names; without one, 6.0 when the references name
/// the guideline's books, else 5.2.
pub(super) fn detect_edition(texts: &[&str], refs_have_books: bool) -> String {
    for t in texts {
        let f = fold_width(t);
        if let Some(i) = f.find("ガイドライン第") {
            let rest = &f[i + "ガイドライン第".len()..];
            let num: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            if rest[num.len()..].starts_with('版') && !num.is_empty() {
                return if num.contains('.') {
                    num
                } else {
                    format!("{num}.0")
                };
            }
        }
    }
    if refs_have_books {
        "6.0".into()
    } else {
        "5.2".into()
    }
}

/// The form version (`4.1`) a title or file name gives after a `Ver`/`v`, else `unknown`.
pub(super) fn detect_form_version(texts: &[&str]) -> String {
    for t in texts {
        let f = fold_width(t);
        let lower = f.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        for (i, _) in lower.match_indices('v') {
            // "Ver.5.0", "ver 4.1", "v4_1": a v not inside a word, then digits.
            let after_letter = i
                .checked_sub(1)
                .and_then(|j| bytes.get(j))
                .is_some_and(|b| b.is_ascii_alphabetic());
            if after_letter {
                continue;
            }
            let rest = lower[i + 1..].strip_prefix("er").unwrap_or(&lower[i + 1..]);
            let rest = rest.trim_start_matches(['.', ' ']);
            let v: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
                .collect::<String>()
                .replace(['-', '_'], ".");
            let v = v.trim_end_matches('.').to_string();
            if v.chars().next().is_some_and(|c| c.is_ascii_digit()) && v.len() <= 8 {
                return v;
            }
        }
    }
    "unknown".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_versions() {
        assert_eq!(
            detect_edition(
                &["(医療情報システムの安全管理に関するガイドライン第5.2版対応)"],
                false
            ),
            "5.2"
        );
        assert_eq!(detect_edition(&["ガイドライン第5版対応"], false), "5.0");
        assert_eq!(detect_edition(&["x"], true), "6.0");
        assert_eq!(detect_form_version(&["MDS-Ver4-1_Checklist.xlsx"]), "4.1");
        assert_eq!(
            detect_form_version(&["チェックリスト(MDS/SDS Ver.5.0用)"]),
            "5.0"
        );
        assert_eq!(detect_form_version(&["none"]), "unknown");
        assert_eq!(detect_form_version(&["RSS_202306_06_SDS_v4_1.xlsx"]), "4.1");
        assert_eq!(detect_form_version(&["Service.xlsx"]), "unknown");
    }
}
