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
//!
//! Nothing is printed differently without a word: every PDF (the statement, and the reports of
//! [`report_pdf`]) comes back with its [`PdfNote`]s — each character the embedded font has no
//! glyph for (it would print as an empty box), and each problem printpdf reported while
//! writing — for the caller to say; they are logged here too.

mod changes;
mod content;
mod font;
mod layout;
mod note;
mod report;
mod table;
mod write;

use std::path::Path;

use printpdf::{PdfDocument, PdfFontHandle};

use super::atomic::atomic_write;
pub use super::error::PdfError;
use crate::domain::canonical::Statement;
use crate::domain::catalogue::Catalogue;
use crate::domain::form::FormText;
use crate::domain::project::Project;
use crate::domain::text::visible;
pub use changes::{changes_pdf, export_changes_pdf};
pub use note::{MAX_PRINTED_REMARK_CHARS, Pdf, PdfNote};
pub use report::{ReportLine, Style, report_pdf, report_pdf_headed};
pub use table::{RunningHead, export_tables_pdf, tables_pdf};
pub use write::PrintFont;
use write::save;

use content::{PrintBudget, body, front_matter, integrity, review_summary, running_heads};
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
    font: &PrintFont,
    generated: &jiff::Zoned,
) -> Result<Pdf, PdfError> {
    statement_pdf_by(c, p, form, font, generated, "")
}

/// [`statement_pdf`] with `by` at the right of every page's head (the app's words: who printed
/// it and when — the hospital and the reviewer when a review is printed).
pub fn statement_pdf_by(
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    font: &PrintFont,
    generated: &jiff::Zoned,
    by: &str,
) -> Result<Pdf, PdfError> {
    let font = font.copy();
    let title = form.title_of(c).to_string();
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
    let budget = PrintBudget::new();
    for unit in body(&m, c, p, (form, &budget)) {
        pages.place(&unit);
    }
    for unit in integrity(&m, form, &time, &fingerprint) {
        pages.place(&unit);
    }
    let running_title = format!(
        "{}　{} {}",
        title,
        visible(p.header.product.trim()),
        visible(p.header.version.trim())
    );
    running_heads(&mut pages, form, (&running_title, by), &fingerprint, &time);

    set_metadata(&mut doc, c, p, form, &title, fingerprint, generated);
    let mut pdf = save(doc, pages);
    pdf.notes.extend(budget.cut.into_inner());
    Ok(pdf)
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
    info.document_title = format!(
        "{title} — {} {}",
        visible(&p.header.product),
        visible(&p.header.version)
    );
    info.author = visible(&p.header.vendor);
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
/// from the shipped assets); `generated` is the time printed on it. Returns what the PDF could
/// not show as asked, for the caller to say.
pub fn export_pdf(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    font: &PrintFont,
    generated: &jiff::Zoned,
) -> Result<Vec<PdfNote>, PdfError> {
    export_pdf_by(path, c, p, (form, font), generated, "")
}

/// [`export_pdf`] with `by` at the right of every page's head (see [`statement_pdf_by`]).
pub fn export_pdf_by(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    (form, font): (&FormText, &PrintFont),
    generated: &jiff::Zoned,
    by: &str,
) -> Result<Vec<PdfNote>, PdfError> {
    let pdf = statement_pdf_by(c, p, form, font, generated, by)?;
    atomic_write(path, |w| w.write_all(&pdf.bytes))?;
    Ok(pdf.notes)
}

#[cfg(test)]
mod tests {
    use super::content::marks;
    use super::*;
    use crate::domain::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};

    fn font_bytes() -> PrintFont {
        PrintFont::parse(
            &std::fs::read(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/assets/fonts/ipaexg.ttf"
            ))
            .unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn a_character_the_font_lacks_is_a_note_naming_it_and_where() {
        let lines = [
            ReportLine::new(Style::Body, "はい", true),
            ReportLine::new(Style::Body, "確認済み 🙂 です", true),
            ReportLine::new(Style::Detail, "もう一度 🙂", false),
        ];
        let pdf = report_pdf("答え合わせ", &lines, &font_bytes()).unwrap();
        assert!(pdf.bytes.starts_with(b"%PDF"));
        assert_eq!(
            pdf.notes,
            [PdfNote::MissingGlyph {
                ch: '🙂',
                page: 1,
                line: "確認済み 🙂 です".into(),
                count: 2,
            }]
        );
        let plain = report_pdf("答え合わせ", &lines[..1], &font_bytes()).unwrap();
        assert_eq!(plain.notes, []);
    }

    #[test]
    fn what_printpdf_reports_while_saving_is_a_note() {
        let font = font_bytes().copy();
        let mut doc = PdfDocument::new("t");
        let id = doc.add_font(&font);
        let m = Measure::new(font);
        let mut pages = Pages::new(PdfFontHandle::External(id), &m);
        // Text outside a text section: printpdf writes it, and says most viewers will not show it.
        pages.pages[0].push(printpdf::Op::ShowText {
            items: vec![printpdf::TextItem::GlyphIds(m.glyph_ids("あ"))],
        });
        let pdf = save(doc, pages);
        assert!(
            pdf.notes.iter().any(
                |n| matches!(n, PdfNote::Writer { detail, .. } if detail.contains("text section"))
            ),
            "{:?}",
            pdf.notes
        );
    }

    #[test]
    fn a_header_value_with_invisible_characters_is_written_out_in_red() {
        let c = crate::domain::catalogue::tests::tiny();
        let mut p = Project::new(&c, crate::domain::project::Header::default(), false);
        p.header.vendor = "見本\u{200B}株式会社".into();
        p.header.product = "見本製品".into();
        let form = crate::assets::form().unwrap();
        let m = Measure::new(font_bytes().copy());
        let texts: Vec<_> = content::front_matter(&m, &c, &p, &form)
            .into_iter()
            .flatten()
            .flat_map(|row| row.texts)
            .collect();
        let vendor = texts
            .iter()
            .find(|t| t.text.contains("見本"))
            .expect("the vendor is printed");
        assert_eq!(vendor.text, "見本<U+200B>株式会社");
        assert_eq!(vendor.color, layout::WARN);
        let product = texts.iter().find(|t| t.text == "見本製品").unwrap();
        assert_eq!(product.color, layout::BLACK);
    }

    #[test]
    fn marks_show_the_chosen_value() {
        assert_eq!(marks(&YES_NO_NA, AnswerValue::No), "□はい ■いいえ □対象外");
        assert_eq!(
            marks(&GATE_VALUES, AnswerValue::Unanswered),
            "□該当 □非該当"
        );
    }
}
