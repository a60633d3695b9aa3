//! A plain report as PDF: a title and lines of text in a few styles, wrapped and paginated with
//! the statement PDF's layout engine (used for the exercise check handed to participants). The
//! words come in as parameters.

use printpdf::{PdfDocument, PdfFontHandle};

use super::PdfError;
use super::font::Measure;
use super::layout::{
    ACCENT, BLACK, BODY, CONTENT_W, GREY, LIGHT, MARGIN_L, PAGE_W, PORTRAIT, Pages, Row, SMALL,
    Unit, centred, text_rows,
};
use super::note::Pdf;
use super::table::{RunningHead, running_heads};
use super::write::{PrintFont, save};

/// How a line of the report looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A section heading, with a rule under it.
    Heading,
    /// A heading that starts a new page (one participant's sheet, to hand out).
    PageHeading,
    /// Ordinary text.
    Body,
    /// Smaller grey text (details under a line).
    Detail,
}

/// One line (or paragraph: it wraps) of a report; lines in one group stay on one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub style: Style,
    pub text: String,
    /// Starts a group kept together on one page.
    pub group_start: bool,
}

impl ReportLine {
    pub fn new(style: Style, text: impl Into<String>, group_start: bool) -> ReportLine {
        ReportLine {
            style,
            text: text.into(),
            group_start,
        }
    }
}

fn rows(m: &Measure, line: &ReportLine) -> Vec<Row> {
    match line.style {
        Style::Heading | Style::PageHeading => {
            let mut r = vec![Row::gap(6.0)];
            r.extend(text_rows(m, &line.text, MARGIN_L, CONTENT_W, 11.0, ACCENT));
            if let Some(last) = r.last_mut() {
                last.rule = Some((MARGIN_L, PAGE_W - MARGIN_L, LIGHT));
            }
            r.push(Row::gap(3.0));
            r
        }
        Style::Body => text_rows(m, &line.text, MARGIN_L, CONTENT_W, BODY, BLACK),
        Style::Detail => text_rows(
            m,
            &line.text,
            MARGIN_L + 14.0,
            CONTENT_W - 14.0,
            SMALL,
            GREY,
        ),
    }
}

/// Builds the PDF: the title centred on the first page, then the lines. Like the statement's,
/// it comes with what it could not show as asked ([`super::PdfNote`]).
pub fn report_pdf(title: &str, lines: &[ReportLine], font: &PrintFont) -> Result<Pdf, PdfError> {
    report_pdf_headed(title, lines, None, font)
}

/// [`report_pdf`] with `head` (what, by whom, the print date, "n / N") on every page.
pub fn report_pdf_headed(
    title: &str,
    lines: &[ReportLine],
    head: Option<&RunningHead>,
    font: &PrintFont,
) -> Result<Pdf, PdfError> {
    let font = font.copy();
    let mut doc = PdfDocument::new(title);
    let font_id = doc.add_font(&font);
    let m = Measure::new(font);
    let mut pages = Pages::new(PdfFontHandle::External(font_id), &m);
    pages.place(&vec![centred(&m, title, 14.0, BLACK), Row::gap(8.0)]);
    let mut unit: Unit = Vec::new();
    for line in lines {
        if line.group_start && !unit.is_empty() {
            pages.place(&std::mem::take(&mut unit));
        }
        if line.style == Style::PageHeading {
            pages.place(&std::mem::take(&mut unit));
            pages.break_page();
        }
        unit.extend(rows(&m, line));
    }
    pages.place(&unit);
    if let Some(head) = head {
        running_heads(&mut pages, PORTRAIT, head);
    }
    doc.metadata.info.document_title = title.to_string();
    doc.metadata.info.creator = format!("kaijisho {}", env!("CARGO_PKG_VERSION"));
    Ok(save(doc, pages))
}
