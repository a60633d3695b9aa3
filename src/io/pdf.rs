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

use std::collections::HashMap;
use std::path::Path;

use printpdf::{
    Codepoint, Color, Line, LinePoint, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rgb, TextItem, TextMatrix,
    WindingOrder,
};

use super::atomic::{SaveError, atomic_write};
use super::wrap::wrap;
use crate::assets::{self, AssetError};
use crate::domain::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};
use crate::domain::canonical::Statement;
use crate::domain::catalogue::{AnswerKind, Catalogue, Question};
use crate::domain::form::{FormText, fill};
use crate::domain::project::Project;
use crate::domain::summary::{shown_values, tallies};
use crate::domain::validation::{GateState, effective_value, gate_state};

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font cannot be read")]
    Font,
    #[error(transparent)]
    Asset(#[from] AssetError),
    #[error(transparent)]
    Save(#[from] SaveError),
}

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_L: f32 = 42.5;
const MARGIN_R: f32 = 42.5;
const MARGIN_T: f32 = 56.0;
const MARGIN_B: f32 = 56.0;
const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;

const NUM_W: f32 = 40.0;
const MARKS_W: f32 = 128.0;
const TEXT_X: f32 = MARGIN_L + NUM_W;
const TEXT_W: f32 = CONTENT_W - NUM_W - MARKS_W - 6.0;
const MARKS_X: f32 = PAGE_W - MARGIN_R - MARKS_W;
const OPTION_INDENT: f32 = 10.0;

const BODY: f32 = 9.0;
const SMALL: f32 = 8.0;
const TINY: f32 = 7.0;
const LINE: f32 = 1.5;

const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
const GREY: (f32, f32, f32) = (0.35, 0.35, 0.35);
const LIGHT: (f32, f32, f32) = (0.8, 0.8, 0.8);
const BAND: (f32, f32, f32) = (0.9, 0.92, 0.95);
const ACCENT: (f32, f32, f32) = (0.16, 0.38, 0.62);

/// Glyph ids and widths of characters in the bundled font (widths per point of font size).
///
/// Looked up once per distinct character: the font's cmap lookup is slow for a CJK font (a
/// linear search over thousands of segments), and printpdf would otherwise repeat it for every
/// character of every text run, twice (collecting used glyphs, then encoding) — that was 78 %
/// of a 300-question export. Text is therefore handed to printpdf as glyph ids.
struct Measure {
    font: ParsedFont,
    upem: f32,
    cache: std::cell::RefCell<HashMap<char, (u16, f32)>>,
}

impl Measure {
    fn new(font: ParsedFont) -> Measure {
        let upem = f32::from(font.font_metrics.units_per_em.max(1));
        Measure {
            font,
            upem,
            cache: Default::default(),
        }
    }

    fn glyph(&self, c: char) -> (u16, f32) {
        if let Some(g) = self.cache.borrow().get(&c) {
            return *g;
        }
        let gid = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        let w = f32::from(self.font.get_horizontal_advance(gid)) / self.upem;
        self.cache.borrow_mut().insert(c, (gid, w));
        (gid, w)
    }

    fn char_width(&self, c: char) -> f32 {
        self.glyph(c).1
    }

    /// The text as glyph ids, each carrying its character for the PDF's ToUnicode map (so
    /// that the text can be searched and copied).
    fn glyph_ids(&self, s: &str) -> Vec<Codepoint> {
        s.chars()
            .map(|c| Codepoint {
                gid: self.glyph(c).0,
                offset: 0.0,
                cid: Some(c.to_string()),
            })
            .collect()
    }

    fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.char_width(c)).sum::<f32>() * size
    }

    fn wrap(&self, s: &str, width: f32, size: f32) -> Vec<String> {
        wrap(s, width, &|c| self.char_width(c) * size)
    }
}

/// One piece of text at a horizontal position.
#[derive(Debug, Clone)]
struct Text {
    x: f32,
    size: f32,
    text: String,
    color: (f32, f32, f32),
}

/// A filled rectangle relative to a row: x, offset from the row top, width, height.
#[derive(Debug, Clone)]
struct Rect {
    x: f32,
    dy: f32,
    w: f32,
    h: f32,
    color: (f32, f32, f32),
}

/// One visual line across the page.
#[derive(Debug, Clone, Default)]
struct Row {
    height: f32,
    texts: Vec<Text>,
    /// Drawn after every row of the unit, so the text layer reads number → text → answer.
    deferred: Vec<Text>,
    rects: Vec<Rect>,
    /// A thin rule under the row.
    rule: Option<(f32, f32, (f32, f32, f32))>,
}

impl Row {
    fn text(size: f32) -> Row {
        Row {
            height: size * LINE,
            ..Row::default()
        }
    }
    fn gap(h: f32) -> Row {
        Row {
            height: h,
            ..Row::default()
        }
    }
    fn with(mut self, x: f32, size: f32, text: impl Into<String>, color: (f32, f32, f32)) -> Row {
        self.texts.push(Text {
            x,
            size,
            text: text.into(),
            color,
        });
        self
    }
}

/// Rows that stay on one page when they fit on one.
type Unit = Vec<Row>;

struct Pages<'m> {
    pages: Vec<Vec<Op>>,
    y: f32,
    font: PdfFontHandle,
    m: &'m Measure,
}

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn pt(x: f32, y_from_top: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_H - y_from_top),
        },
        bezier: false,
    }
}

impl<'m> Pages<'m> {
    fn new(font: PdfFontHandle, m: &'m Measure) -> Pages<'m> {
        Pages {
            pages: vec![Vec::new()],
            y: MARGIN_T,
            font,
            m,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN_T;
    }

    fn room(&self) -> f32 {
        PAGE_H - MARGIN_B - self.y
    }

    fn draw_text(&mut self, t: &Text, baseline_from_top: f32) {
        let page = self.pages.len().saturating_sub(1);
        self.draw_text_on(page, t, baseline_from_top);
    }

    fn draw_text_on(&mut self, page: usize, t: &Text, baseline_from_top: f32) {
        let font = self.font.clone();
        let glyphs = self.m.glyph_ids(&t.text);
        let Some(ops) = self.pages.get_mut(page) else {
            return;
        };
        ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font,
                size: Pt(t.size),
            },
            Op::SetFillColor { col: rgb(t.color) },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(t.x), Pt(PAGE_H - baseline_from_top)),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            },
            Op::EndTextSection,
        ]);
    }

    fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: (f32, f32, f32)) {
        let ring = PolygonRing {
            points: vec![
                pt(x, top),
                pt(x + w, top),
                pt(x + w, top + h),
                pt(x, top + h),
            ],
        };
        self.ops().extend([
            Op::SetFillColor { col: rgb(color) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, color: (f32, f32, f32), thickness: f32) {
        let page = self.pages.len().saturating_sub(1);
        self.rule_on(page, x1, x2, y, color, thickness);
    }

    fn rule_on(
        &mut self,
        page: usize,
        x1: f32,
        x2: f32,
        y: f32,
        color: (f32, f32, f32),
        thickness: f32,
    ) {
        let Some(ops) = self.pages.get_mut(page) else {
            return;
        };
        ops.extend([
            Op::SetOutlineColor { col: rgb(color) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![pt(x1, y), pt(x2, y)],
                    is_closed: false,
                },
            },
        ]);
    }

    /// Places a row at the current position (no page-break check). Returns its top.
    fn place_row(&mut self, row: &Row) -> f32 {
        let top = self.y;
        for r in &row.rects {
            self.fill_rect(r.x, top + r.dy, r.w, r.h, r.color);
        }
        let baseline = top + row.height * 0.72;
        for t in &row.texts {
            self.draw_text(t, baseline);
        }
        if let Some((x1, x2, color)) = row.rule {
            self.rule(x1, x2, top + row.height, color, 0.4);
        }
        self.y += row.height;
        top
    }

    /// Places a unit, on a new page when it does not fit here but fits on a fresh page; a unit
    /// taller than a page flows across pages row by row.
    fn place(&mut self, unit: &Unit) {
        let height: f32 = unit.iter().map(|r| r.height).sum();
        let page_room = PAGE_H - MARGIN_T - MARGIN_B;
        if height > self.room() && height <= page_room && self.y > MARGIN_T {
            self.new_page();
        }
        let mut placed: Vec<(usize, f32)> = Vec::new();
        for row in unit {
            if row.height > self.room() && self.y > MARGIN_T {
                self.new_page();
            }
            let top = self.place_row(row);
            placed.push((self.pages.len() - 1, top));
        }
        for (row, (page, top)) in unit.iter().zip(placed) {
            let baseline = top + row.height * 0.72;
            for t in &row.deferred {
                self.draw_text_on(page, t, baseline);
            }
        }
    }
}

/// `■はい □いいえ □対象外`
fn marks(allowed: &[AnswerValue], chosen: AnswerValue) -> String {
    allowed
        .iter()
        .map(|v| {
            let m = if *v == chosen { '■' } else { '□' };
            format!("{m}{}", v.label())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rows of wrapped text at `x` within `width`.
fn text_rows(
    m: &Measure,
    text: &str,
    x: f32,
    width: f32,
    size: f32,
    color: (f32, f32, f32),
) -> Vec<Row> {
    m.wrap(text, width, size)
        .into_iter()
        .map(|l| Row::text(size).with(x, size, l, color))
        .collect()
}

fn centred(m: &Measure, text: &str, size: f32, color: (f32, f32, f32)) -> Row {
    let w = m.width(text, size).min(CONTENT_W);
    Row::text(size).with(MARGIN_L + (CONTENT_W - w) / 2.0, size, text, color)
}

/// The time printed on the PDF and in its metadata.
pub fn now() -> jiff::Zoned {
    jiff::Zoned::now()
}

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
    let font = ParsedFont::from_bytes(font_bytes, 0, &mut warnings).ok_or(PdfError::Font)?;
    let title = form.title(c.kind).to_string();
    let mut doc = PdfDocument::new(&title);
    let font_id = doc.add_font(&font);
    let m = Measure::new(font);
    let handle = PdfFontHandle::External(font_id);
    let mut pages = Pages::new(handle, &m);
    let statement = Statement::new(c, p);
    let fingerprint = statement.fingerprint();
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
    let short_fp: String = fingerprint.chars().take(7 + 16).collect();
    let total = pages.pages.len();
    let head_line = m
        .wrap(&running_title, CONTENT_W, TINY)
        .first()
        .cloned()
        .unwrap_or_default();
    let footer_y = PAGE_H - MARGIN_B + 28.0;
    let time_w = m.width(&time, TINY);
    for i in 0..total {
        let page_text = fill(
            &form.own.page,
            &[
                ("page", &(i + 1).to_string()),
                ("pages", &total.to_string()),
            ],
        );
        let page_w = m.width(&page_text, SMALL);
        let texts = [
            (MARGIN_L, MARGIN_T - 20.0, TINY, head_line.clone()),
            ((PAGE_W - page_w) / 2.0, footer_y, SMALL, page_text),
            (MARGIN_L, footer_y, TINY, format!("{short_fp}…")),
            (PAGE_W - MARGIN_R - time_w, footer_y, TINY, time.clone()),
        ];
        for (x, y, size, text) in texts {
            let t = Text {
                x,
                size,
                text,
                color: GREY,
            };
            pages.draw_text_on(i, &t, y);
        }
        pages.rule_on(i, MARGIN_L, PAGE_W - MARGIN_R, MARGIN_T - 15.0, LIGHT, 0.5);
    }
    let out: Vec<PdfPage> = pages
        .pages
        .into_iter()
        .map(|ops| {
            PdfPage::new(
                printpdf::Mm::from(Pt(PAGE_W)),
                printpdf::Mm::from(Pt(PAGE_H)),
                ops,
            )
        })
        .collect();

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

    let opts = PdfSaveOptions {
        subset_fonts: true,
        optimize: true,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    Ok(doc.with_pages(out).save(&opts, &mut save_warnings))
}

/// Title, header block, disclaimer, provenance and summary.
fn front_matter(m: &Measure, c: &Catalogue, p: &Project, form: &FormText) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut title: Unit = vec![
        centred(m, form.title(c.kind), 14.0, BLACK),
        centred(m, &form.edition_line(&c.guideline_edition), SMALL, GREY),
        Row::gap(8.0),
    ];
    let label_w = 80.0;
    let fields: Vec<(&str, &str)> = [
        (form.labels.created.as_str(), p.header.created.as_str()),
        (form.labels.vendor.get(c.kind), p.header.vendor.as_str()),
        (form.labels.product.get(c.kind), p.header.product.as_str()),
        (form.labels.version.as_str(), p.header.version.as_str()),
    ]
    .into_iter()
    .chain(
        p.header
            .contact
            .as_deref()
            .map(|v| (form.labels.contact.as_str(), v)),
    )
    .collect();
    for (label, value) in fields {
        let lines = m.wrap(value, CONTENT_W - label_w, 10.0);
        for (i, l) in lines.iter().enumerate() {
            let mut row = Row::text(10.0);
            if i == 0 {
                row = row.with(MARGIN_L, 9.0, label, GREY);
            }
            row = row.with(MARGIN_L + label_w, 10.0, l.clone(), BLACK);
            if i + 1 == lines.len() {
                row.rule = Some((MARGIN_L, PAGE_W - MARGIN_R, LIGHT));
            }
            title.push(row);
        }
    }
    title.push(Row::gap(6.0));
    title.extend(text_rows(
        m,
        &form.disclaimer,
        MARGIN_L,
        CONTENT_W,
        TINY,
        GREY,
    ));
    title.push(Row::gap(6.0));
    units.push(title);

    let mut notes: Unit = Vec::new();
    if p.illustrative {
        notes.extend(text_rows(
            m,
            &form.own.illustrative,
            MARGIN_L,
            CONTENT_W,
            SMALL,
            ACCENT,
        ));
    }
    let source = fill(
        &form.own.catalogue,
        &[(
            "title",
            &format!("{} — {}", c.title, form.provenance(c.provenance.kind)),
        )],
    );
    notes.extend(text_rows(m, &source, MARGIN_L, CONTENT_W, TINY, GREY));
    notes.push(Row::gap(8.0));
    units.push(notes);

    let (all, per) = tallies(c, p);
    let mut summary: Unit = band_rows(m, &form.own.summary_title);
    let counts = fill(
        &form.own.summary_counts,
        &[
            ("yes", &all.yes.to_string()),
            ("no", &all.no.to_string()),
            ("na", &all.na.to_string()),
            ("unanswered", &all.unanswered.to_string()),
        ],
    );
    summary.push(Row::text(BODY).with(MARGIN_L + 4.0, BODY, counts, BLACK));
    if all.applies + all.does_not_apply > 0 {
        let gates = fill(
            &form.own.summary_gates,
            &[
                ("applies", &all.applies.to_string()),
                ("does_not_apply", &all.does_not_apply.to_string()),
            ],
        );
        summary.push(Row::text(BODY).with(MARGIN_L + 4.0, BODY, gates, BLACK));
    }
    summary.push(Row::gap(4.0));
    summary.push(Row::text(SMALL).with(MARGIN_L + 4.0, SMALL, &form.own.progress_title, GREY));
    units.push(summary);
    let bar_w = 90.0;
    let count_w = 70.0;
    for (s, t) in c.sections.iter().zip(per) {
        let title_w = CONTENT_W - bar_w - count_w - 12.0;
        let lines = m.wrap(&s.full_title(), title_w, SMALL);
        let mut unit: Unit = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let mut row = Row::text(SMALL).with(MARGIN_L + 4.0, SMALL, l.clone(), BLACK);
            if i == 0 {
                let x = PAGE_W - MARGIN_R - bar_w;
                let frac = if t.total() == 0 {
                    0.0
                } else {
                    t.answered() as f32 / t.total() as f32
                };
                row.rects.push(Rect {
                    x,
                    dy: 3.0,
                    w: bar_w,
                    h: 6.0,
                    color: BAND,
                });
                row.rects.push(Rect {
                    x,
                    dy: 3.0,
                    w: bar_w * frac,
                    h: 6.0,
                    color: ACCENT,
                });
                let label = fill(
                    &form.own.progress_row,
                    &[
                        ("answered", &t.answered().to_string()),
                        ("total", &t.total().to_string()),
                    ],
                );
                row = row.with(x - count_w - 4.0, SMALL, label, GREY);
            }
            unit.push(row);
        }
        units.push(unit);
    }
    units.push(vec![Row::gap(10.0)]);
    units
}

/// A title on a shaded band, one row per wrapped line.
fn band_rows(m: &Measure, title: &str) -> Vec<Row> {
    m.wrap(title, CONTENT_W - 8.0, 10.0)
        .into_iter()
        .map(|line| {
            let mut row = Row::text(10.0).with(MARGIN_L + 4.0, 10.0, line, BLACK);
            row.height = 10.0 * 1.7;
            row.rects.push(Rect {
                x: MARGIN_L,
                dy: 0.0,
                w: CONTENT_W,
                h: row.height,
                color: BAND,
            });
            row
        })
        .collect()
}

/// The review summary: reviewer, counts per status, and every いいえ / 要対応 with its comment.
fn review_summary(m: &Measure, c: &Catalogue, p: &Project, form: &FormText) -> Vec<Unit> {
    let s = crate::domain::review::summary(c, p);
    let mut unit: Unit = band_rows(m, &form.own.review_title);
    let by = fill(
        &form.own.review_by,
        &[
            ("reviewer", p.review.reviewer.as_deref().unwrap_or("-")),
            ("date", p.review.date.as_deref().unwrap_or("-")),
        ],
    );
    unit.push(Row::text(BODY).with(MARGIN_L + 4.0, BODY, by, BLACK));
    let counts: Vec<String> = s.counts.iter().map(|n| n.to_string()).collect();
    let line = fill(
        &form.own.review_counts,
        &[
            ("unchecked", &counts[0]),
            ("confirmed", &counts[1]),
            ("needs_check", &counts[2]),
            ("action_required", &counts[3]),
        ],
    );
    unit.push(Row::text(BODY).with(MARGIN_L + 4.0, BODY, line, BLACK));
    unit.push(Row::text(SMALL).with(MARGIN_L + 4.0, SMALL, &form.own.review_attention, GREY));
    let mut units = vec![unit];
    for a in &s.attention {
        let text = format!(
            "{}　{}　[{}]　{}",
            a.answer,
            a.text,
            a.status.label(),
            if a.comment.is_empty() {
                "-"
            } else {
                &a.comment
            }
        );
        let mut rows = text_rows(m, &text, TEXT_X, CONTENT_W - NUM_W, SMALL, BLACK);
        if let Some(r) = rows.first_mut() {
            r.texts.insert(
                0,
                Text {
                    x: MARGIN_L + 4.0,
                    size: SMALL,
                    text: a.number.clone(),
                    color: BLACK,
                },
            );
        }
        units.push(rows);
    }
    units.push(vec![Row::gap(10.0)]);
    units
}

/// The reviewer's status and comment under a question (review reports only).
fn review_rows(m: &Measure, p: &Project, q: &Question, form: &FormText) -> Vec<Row> {
    if p.review.is_empty() {
        return Vec::new();
    }
    let line = fill(
        &form.own.review_line,
        &[
            ("status", p.review.status(&q.id).label()),
            ("comment", p.review.comment(&q.id)),
        ],
    );
    text_rows(m, &line, TEXT_X, TEXT_W, SMALL, ACCENT)
}

/// Section rows and question rows.
fn body(m: &Measure, c: &Catalogue, p: &Project, form: &FormText) -> Vec<Unit> {
    let mut units = Vec::new();
    for s in &c.sections {
        let head: Unit = band_rows(m, &s.full_title());
        let mut first = true;
        for q in &s.questions {
            let mut unit = question_unit(m, c, p, q, form);
            if first {
                // A section title never stands alone at the foot of a page.
                let mut joined = head.clone();
                joined.append(&mut unit[0]);
                unit[0] = joined;
                first = false;
            }
            units.extend(unit);
        }
        if first {
            units.push(head);
        }
    }
    units
}

fn remark_rows(m: &Measure, form: &FormText, remark: &str, x: f32, width: f32) -> Vec<Row> {
    let shown = if remark.trim().is_empty() {
        "-"
    } else {
        remark
    };
    let text = format!("{}: {shown}", form.labels.remark);
    text_rows(m, &text, x, width, SMALL, GREY)
}

/// The units of one question: the question with its answer (or with its first option), then
/// one unit per further option.
fn question_unit(
    m: &Measure,
    c: &Catalogue,
    p: &Project,
    q: &Question,
    form: &FormText,
) -> Vec<Unit> {
    let answer = p.answer(&q.id);
    let gate = gate_state(c, p, q);
    let mut head: Unit = text_rows(m, &q.full_text(), TEXT_X, TEXT_W, BODY, BLACK);
    if let Some(first) = head.first_mut() {
        first.texts.insert(
            0,
            Text {
                x: MARGIN_L,
                size: BODY,
                text: q.number_key(),
                color: BLACK,
            },
        );
    }
    let gated_note = match &gate {
        GateState::Disabled { gate_id } => {
            let number = c
                .question(gate_id)
                .map(Question::number_key)
                .unwrap_or_else(|| gate_id.clone());
            Some(fill(&form.own.gated_off, &[("gate", &number)]))
        }
        GateState::Enabled => None,
    };
    let allowed: &[AnswerValue] = match q.answer {
        AnswerKind::Gate => &GATE_VALUES,
        _ => &YES_NO_NA,
    };
    let mut units = Vec::new();
    match &q.answer {
        AnswerKind::Options(options) => {
            let values = shown_values(c, p, q);
            if let Some(note) = &gated_note {
                head.extend(text_rows(m, note, TEXT_X, TEXT_W, SMALL, GREY));
            }
            for (i, (o, v)) in options.iter().zip(values).enumerate() {
                let x = TEXT_X + OPTION_INDENT;
                let w = TEXT_W - OPTION_INDENT;
                let mut rows = text_rows(m, &format!("－ {}", o.label), x, w, BODY, BLACK);
                add_marks(&mut rows, allowed, v);
                let remark = answer
                    .and_then(|a| a.options.get(&o.id))
                    .map(|a| a.remark.as_str())
                    .unwrap_or("");
                rows.extend(remark_rows(m, form, remark, x, w));
                if i + 1 == options.len() {
                    finish(&mut rows);
                }
                if i == 0 {
                    head.extend(rows);
                    units.push(std::mem::take(&mut head));
                } else {
                    units.push(rows);
                }
            }
            if !head.is_empty() {
                finish(&mut head);
                units.push(head);
            }
            let review = review_rows(m, p, q, form);
            if !review.is_empty() {
                units.push(review);
            }
        }
        _ => {
            add_marks(&mut head, allowed, effective_value(c, p, q));
            let remark = answer.map(|a| a.remark.as_str()).unwrap_or("");
            head.extend(remark_rows(m, form, remark, TEXT_X, TEXT_W));
            if let Some(note) = &gated_note {
                head.extend(text_rows(m, note, TEXT_X, TEXT_W, SMALL, GREY));
            }
            head.extend(review_rows(m, p, q, form));
            finish(&mut head);
            units.push(head);
        }
    }
    units
}

/// The answer marks, on the first row, drawn after the row's text.
fn add_marks(rows: &mut [Row], allowed: &[AnswerValue], chosen: AnswerValue) {
    if let Some(r) = rows.first_mut() {
        r.deferred.push(Text {
            x: MARKS_X,
            size: BODY,
            text: marks(allowed, chosen),
            color: BLACK,
        });
    }
}

/// Space and a rule after the last row of a question.
fn finish(rows: &mut Unit) {
    let mut end = Row::gap(5.0);
    end.rule = Some((MARGIN_L, PAGE_W - MARGIN_R, LIGHT));
    rows.push(end);
    rows.push(Row::gap(4.0));
}

fn integrity(m: &Measure, form: &FormText, time: &str, fingerprint: &str) -> Vec<Unit> {
    let mut unit: Unit = vec![Row::gap(10.0)];
    unit.extend(band_rows(m, &form.own.integrity_title));
    unit.extend(text_rows(
        m,
        &fill(&form.own.generated, &[("time", time)]),
        MARGIN_L + 4.0,
        CONTENT_W - 8.0,
        SMALL,
        BLACK,
    ));
    unit.extend(text_rows(
        m,
        &fill(&form.own.fingerprint, &[("fingerprint", fingerprint)]),
        MARGIN_L + 4.0,
        CONTENT_W - 8.0,
        SMALL,
        BLACK,
    ));
    unit.extend(text_rows(
        m,
        &form.own.fingerprint_help,
        MARGIN_L + 4.0,
        CONTENT_W - 8.0,
        TINY,
        GREY,
    ));
    vec![unit]
}

/// Writes the PDF of a statement to `path` atomically (keeping a `.bak` of a previous file).
pub fn export_pdf(
    path: &Path,
    c: &Catalogue,
    p: &Project,
    generated: &jiff::Zoned,
) -> Result<(), PdfError> {
    let form = assets::form()?;
    let font = assets::japanese_font()?;
    let bytes = statement_pdf(c, p, &form, font, generated)?;
    atomic_write(path, |w| w.write_all(&bytes))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_show_the_chosen_value() {
        assert_eq!(marks(&YES_NO_NA, AnswerValue::No), "□はい ■いいえ □対象外");
        assert_eq!(
            marks(&GATE_VALUES, AnswerValue::Unanswered),
            "□該当 □非該当"
        );
    }
}
