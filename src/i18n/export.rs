//! The exports' words: what a written PDF could not show as asked.

use super::{Localize, Localizer, s};

/// The longest piece of a line quoted in a note (the rest shown as …).
const QUOTED_CHARS: usize = 40;

impl Localize for crate::io::pdf::PdfNote {
    fn localize(&self, l: &Localizer) -> String {
        use crate::io::pdf::PdfNote as N;
        match self {
            N::MissingGlyph {
                ch,
                page,
                line,
                count,
            } => {
                // A control character is shown as its escape, never sent to the screen.
                let shown = if ch.is_control() {
                    ch.escape_debug().to_string()
                } else {
                    ch.to_string()
                };
                let mut quoted: String = line.chars().take(QUOTED_CHARS).collect();
                if line.chars().nth(QUOTED_CHARS).is_some() {
                    quoted.push('…');
                }
                l.ta(
                    "pdf-missing-glyph",
                    &[
                        ("char", s(shown)),
                        ("code", s(format!("{:04X}", u32::from(*ch)))),
                        ("page", s(page)),
                        ("line", s(quoted)),
                        ("count", s(count)),
                    ],
                )
            }
            N::RemarkCut { number, omitted } => l.ta(
                "pdf-remark-cut",
                &[("number", s(number)), ("omitted", s(omitted))],
            ),
            N::Writer { detail, .. } => {
                l.ta("pdf-writer-problem", &[("detail", super::said(detail))])
            }
        }
    }
}
