//! Writing the laid-out pages: the font parsed, the document saved (the font subset, the
//! streams compressed), and what could not be shown as asked collected as notes.

use printpdf::{ParsedFont, PdfDocument, PdfSaveOptions, PdfWarnMsg};

use super::PdfError;
use super::layout::Pages;
use super::note::{Pdf, PdfNote};

/// The font PDFs are printed in, parsed: parse it once and print every PDF of the process with
/// it. Parsing IPAexGothic takes milliseconds, and the glyphs a PDF uses are decoded into a
/// cache that every PDF printed with this font shares (its copies share the bytes and the
/// cache).
pub struct PrintFont {
    parsed: ParsedFont,
}

impl PrintFont {
    /// Parses a TrueType font (what the parser had to say logged).
    pub fn parse(font_bytes: &[u8]) -> Result<PrintFont, PdfError> {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(font_bytes, 0, &mut warnings);
        for w in &warnings {
            log::info!("PDF font: {:?}: {}", w.severity, w.message);
        }
        parsed
            .map(|parsed| PrintFont { parsed })
            .ok_or(PdfError::Font)
    }

    /// A copy for one document (cheap: the bytes and the glyph cache are shared).
    pub(super) fn copy(&self) -> ParsedFont {
        self.parsed.clone()
    }
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
    // printpdf's own saving compresses every stream at zlib's best level, a third of an
    // export's time; the document is taken from it uncompressed and compressed here at a
    // level that costs a fraction of that for a file a few per cent larger.
    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lo = doc
        .with_pages(pages)
        .to_lopdf_document(&opts, &mut warnings);
    notes.extend(writer_notes(&warnings));
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    if let Err(e) = lo.save_to(&mut bytes) {
        log::warn!("PDF save: {e}");
        notes.push(PdfNote::Writer {
            page: 0,
            detail: e.to_string(),
        });
    }
    Pdf { bytes, notes }
}

/// The zlib level of the PDF's streams: fast, and within a few per cent of the best.
const DEFLATE_LEVEL: u32 = 3;

/// Compresses every stream that may be compressed and has no filter yet, keeping the original
/// where compressing does not pay (as lopdf's own `compress` does).
fn compress_streams(doc: &mut lopdf::Document) {
    use std::io::Write;
    for object in doc.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(stream.content.len() / 2),
            flate2::Compression::new(DEFLATE_LEVEL),
        );
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish());
        match compressed {
            Ok(c) if c.len() + 19 < stream.content.len() => {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(c);
            }
            Ok(_) => {}
            Err(e) => log::warn!("PDF: a stream left uncompressed: {e}"),
        }
    }
}
