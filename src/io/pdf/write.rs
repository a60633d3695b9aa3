//! Writing the laid-out pages: the font parsed, the document saved (the font subset, the
//! streams compressed), and what could not be shown as asked collected as notes.

use printpdf::{ParsedFont, PdfDocument, PdfSaveOptions, PdfWarnMsg};

use super::PdfError;
use super::layout::Pages;
use super::note::{Pdf, PdfNote};

/// The font to embed, parsed (what the parser had to say logged).
pub(super) fn parse_font(font_bytes: &[u8]) -> Result<ParsedFont, PdfError> {
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(font_bytes, 0, &mut warnings);
    for w in &warnings {
        log::info!("PDF font: {:?}: {}", w.severity, w.message);
    }
    parsed.ok_or(PdfError::Font)
}

/// What printpdf said while saving, as notes: logged, and (but for its information-only
/// messages) handed on to be said.
fn writer_notes(warnings: &[PdfWarnMsg]) -> Vec<PdfNote> {
    use printpdf::PdfParseErrorSeverity as Severity;
    let mut notes = Vec::new();
    for w in warnings {
        if w.severity == Severity::Info {
            log::info!("PDF save (page {}): {}", w.page, w.msg);
        } else {
            log::warn!("PDF save: {:?} (page {}): {}", w.severity, w.page, w.msg);
            notes.push(PdfNote::Writer {
                page: w.page,
                detail: w.msg.clone(),
            });
        }
    }
    notes
}

/// Saves the laid-out pages into `doc` (the font subset, the streams compressed): the bytes,
/// with the characters the font could not draw and what printpdf reported.
pub(super) fn save(mut doc: PdfDocument, pages: Pages<'_>) -> Pdf {
    // Each glyph's character for the ToUnicode map (text is drawn as glyph ids).
    if let printpdf::PdfFontHandle::External(id) = pages.font()
        && let Some(font) = doc.resources.fonts.map.get_mut(id)
    {
        for (gid, ch) in pages.m.glyph_chars() {
            font.parsed_font
                .cache_glyph_mapping(gid, ch.encode_utf8(&mut [0; 4]));
        }
    }
    let (pages, mut notes) = pages.into_pdf_pages();
    for n in &notes {
        if let PdfNote::MissingGlyph {
            ch,
            page,
            line,
            count,
        } = n
        {
            log::warn!(
                "PDF: no glyph for {ch:?} (U+{:04X}), {count} time(s), first on page {page}: {line}",
                u32::from(*ch)
            );
        }
    }
    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(&opts, &mut warnings);
    notes.extend(writer_notes(&warnings));
    Pdf { bytes, notes }
}
