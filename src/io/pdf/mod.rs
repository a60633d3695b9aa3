//! The printable PDF of a statement (printpdf, with the bundled IPAexGothic embedded as a
//! subset).
//!
//! Subsetting note: printpdf 0.12 only subsets fonts when its `text_layout` feature is on —
//! without it `subset_font` is compiled as a stub that returns the whole font file, so
//! `PdfSaveOptions { subset_fonts: true }` silently embeds all 6 MB of IPAexGothic. This crate
//! enables `text_layout` (and not the default `html` feature) in Cargo.toml.
//!
//! Layout: A4 portrait; title, header block and disclaimer as on the form; a summary; then
//! section rows and question rows (number, text with its reference, ■/□ answer marks, 備考),
//! option rows; a question is never separated from its (first) answer row. Every page carries a
//! header with the statement's name and a footer with "n / N" and the fingerprint; the last page
//! holds the generation time and the full SHA-256 fingerprint of the canonical statement.

mod content;
mod font;
mod layout;
mod report;

use std::path::Path;

use printpdf::{ParsedFont, PdfDocument, PdfFontHandle, PdfSaveOptions};

use super::atomic::atomic_write;
pub use super::error::PdfError;
use crate::domain::canonical::Statement;
use crate::domain::catalogue::Catalogue;
use crate::domain::form::FormText;
use crate::domain::project::Project;
pub use report::{ReportLine, Style, report_pdf};

use content::{body, front_matter, integrity, review_summary, running_heads};
use font::Measure;
use layout::Pages;

fn pdf_date(t: &jiff::Zoned) -> printpdf::date::DateTime {
    use printpdf::date::{Date, DateTime, Offset, Time};
    let secs = t.offset().seconds();
    DateTime::new_in_offset(
        Date {
            year: i32::from(t.year()),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        Offset {
            hours: (secs / 3600) as i8,
            minutes: ((secs.abs() % 3600) / 60) as i8,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Builds the PDF of a statement.
pub fn statement_pdf(
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    font_bytes: &[u8],
    generated: &jiff::Zoned,
) -> Result<Vec<u8>, PdfError> {
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(font_bytes, 0, &mut warnings);
    for w in &warnings {
        log::warn!("PDF font: {:?}: {}", w.severity, w.message);
    }
    let font = parsed.ok_or(PdfError::Font)?;
    let title = form.title(c.kind).to_string();
    let mut doc = PdfDocument::new(&title);
    let font_id = doc.add_font(&font);
    let m = Measure::new(font);
    let handle = PdfFontHandle::External(font_id);
    let mut pages = Pages::new(handle, &m);
    let fingerprint = Statement::new(c, p).fingerprint();
    let time = generated.strftime("%Y-%m-%d %H:%M:%S %:z").to_string();

    for unit in front_matter(&m, c, p, form) {
        pages.place(&unit);
    }
    if !p.review.is_empty() {
        for unit in review_summary(&m, c, p, form) {
            pages.place(&unit);
        }
    }
    for unit in body(&m, c, p, form) {
        pages.place(&unit);
    }
    for unit in integrity(&m, form, &time, &fingerprint) {
        pages.place(&unit);
    }
    let running_title = format!(
        "{}　{} {}",
        title,
        p.header.product.trim(),
        p.header.version.trim()
    );
    running_heads(&mut pages, form, &running_title, &fingerprint, &time);

    let out = pages.into_pdf_pages();
    set_metadata(&mut doc, c, p, form, &title, fingerprint, generated);

    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    let bytes = doc.with_pages(out).save(&opts, &mut save_warnings);
    for w in &save_warnings {
        log::warn!("PDF save: {:?} (page {}): {}", w.severity, w.page, w.msg);
    }
    Ok(bytes)
}

/// The document information: title, author (the vendor), subject and keywords carrying the
/// catalogue and the fingerprint, and the generation time.
fn set_metadata(
    doc: &mut PdfDocument,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    title: &str,
    fingerprint: String,
    generated: &jiff::Zoned,
) {
    let info = &mut doc.metadata.info;
    info.document_title = format!("{title} — {} {}", p.header.product, p.header.version);
    info.author = p.header.vendor.clone();
    info.subject = format!(
        "{} {} ({} Ver.{}) {}",
        c.kind,
        form.edition_line(&c.guideline_edition),
        c.id,
        c.form_version,
        fingerprint
    );
    info.keywords = vec!["MDS/SDS".into(), c.kind.to_string(), fingerprint.clone()];
    info.creator = format!("kaijisho {}", env!("CARGO_PKG_VERSION"));
    info.producer = format!("kaijisho {} (printpdf)", env!("CARGO_PKG_VERSION"));
    info.identifier = fingerprint;
    info.creation_date = pdf_date(generated);
    info.modification_date = pdf_date(generated);
    info.metadata_date = pdf_date(generated);
}

/// Writes the PDF of a statement to `path` atomically (keeping a `.bak` of a previous file).
/// `form` is the printed wording and `font` the TrueType font to embed (the caller takes both
/// from the shipped assets); `generated` is the time printed on it.
pub fn export_pdf(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    font: &[u8],
    generated: &jiff::Zoned,
) -> Result<(), PdfError> {
    let bytes = statement_pdf(c, p, form, font, generated)?;
    atomic_write(path, |w| w.write_all(&bytes))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::content::marks;
    use crate::domain::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};

    #[test]
    fn marks_show_the_chosen_value() {
        assert_eq!(marks(&YES_NO_NA, AnswerValue::No), "□はい ■いいえ □対象外");
        assert_eq!(
            marks(&GATE_VALUES, AnswerValue::Unanswered),
            "□該当 □非該当"
        );
    }
}
