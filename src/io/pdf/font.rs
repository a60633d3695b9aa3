//! The bundled font's metrics: glyph ids and advance widths, looked up once per character.

use std::cell::RefCell;
use std::collections::HashMap;

use printpdf::{Codepoint, ParsedFont};

use crate::io::wrap::wrap;

/// Glyph ids and widths of characters in the bundled font (widths per point of font size); a
/// character the font has no glyph for has no id (it would print as `.notdef`, an empty box).
///
/// Looked up once per distinct character: the font's cmap lookup is slow for a CJK font (a
/// linear search over thousands of segments), and printpdf would otherwise repeat it for every
/// character of every text run, twice (collecting used glyphs, then encoding) — that was 78 %
/// of a 300-question export. Text is therefore handed to printpdf as glyph ids.
pub(super) struct Measure {
    font: ParsedFont,
    upem: f32,
    cache: RefCell<HashMap<char, (Option<u16>, f32)>>,
}

impl Measure {
    pub(super) fn new(font: ParsedFont) -> Measure {
        let upem = f32::from(font.font_metrics.units_per_em.max(1));
        Measure {
            font,
            upem,
            cache: Default::default(),
        }
    }

    fn glyph(&self, c: char) -> (Option<u16>, f32) {
        if let Some(g) = self.cache.borrow().get(&c) {
            return *g;
        }
        // Glyph 0 is `.notdef` itself: a font may map a character it cannot draw to it.
        let gid = self.font.lookup_glyph_index(c as u32).filter(|g| *g != 0);
        let w = f32::from(self.font.get_horizontal_advance(gid.unwrap_or(0))) / self.upem;
        self.cache.borrow_mut().insert(c, (gid, w));
        (gid, w)
    }

    /// The characters of `s` the font cannot draw, in order (repeats included).
    pub(super) fn missing(&self, s: &str) -> Vec<char> {
        s.chars().filter(|c| self.glyph(*c).0.is_none()).collect()
    }

    fn char_width(&self, c: char) -> f32 {
        self.glyph(c).1
    }

    /// The text as glyph ids. The character of each glyph goes into the PDF's ToUnicode map
    /// (so that the text can be searched and copied) once per glyph, through
    /// [`Measure::glyph_chars`] — not as a string per character drawn, which took more memory
    /// than everything else for a long remark.
    pub(super) fn glyph_ids(&self, s: &str) -> Vec<Codepoint> {
        s.chars()
            .map(|c| Codepoint::new(self.glyph(c).0.unwrap_or(0), 0.0))
            .collect()
    }

    /// The character of every glyph looked up, for the ToUnicode map: where two characters
    /// share a glyph, the smaller (the same every time).
    pub(super) fn glyph_chars(&self) -> std::collections::BTreeMap<u16, char> {
        let mut out = std::collections::BTreeMap::new();
        for (c, (gid, _)) in self.cache.borrow().iter() {
            if let Some(gid) = gid {
                out.entry(*gid)
                    .and_modify(|have: &mut char| *have = (*have).min(*c))
                    .or_insert(*c);
            }
        }
        out
    }

    pub(super) fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.char_width(c)).sum::<f32>() * size
    }

    pub(super) fn wrap(&self, s: &str, width: f32, size: f32) -> Vec<String> {
        wrap(s, width, &|c| self.char_width(c) * size)
    }
}
