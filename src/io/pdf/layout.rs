//! The layout engine: rows of text and shading, units kept together on a page, and the
//! pagination that places them on A4 pages (portrait, or landscape for wide tables, with rows
//! repeated at the top of every further page) as printpdf operations.

use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rgb,
    TextItem, TextMatrix, TextRenderingMode, WindingOrder,
};

use super::font::Measure;
use super::note::PdfNote;

// A4 portrait, in points; the columns of a question row; type sizes; colours.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
pub(super) const MARGIN_L: f32 = 42.5;
pub(super) const MARGIN_R: f32 = 42.5;
pub(super) const MARGIN_T: f32 = 56.0;
pub(super) const MARGIN_B: f32 = 56.0;
pub(super) const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;

pub(super) const NUM_W: f32 = 40.0;
pub(super) const MARKS_W: f32 = 128.0;
pub(super) const TEXT_X: f32 = MARGIN_L + NUM_W;
pub(super) const TEXT_W: f32 = CONTENT_W - NUM_W - MARKS_W - 6.0;
pub(super) const MARKS_X: f32 = PAGE_W - MARGIN_R - MARKS_W;
pub(super) const OPTION_INDENT: f32 = 10.0;

pub(super) const BODY: f32 = 9.0;
pub(super) const SMALL: f32 = 8.0;
pub(super) const TINY: f32 = 7.0;
pub(super) const LINE: f32 = 1.5;

pub(super) const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
pub(super) const GREY: (f32, f32, f32) = (0.35, 0.35, 0.35);
pub(super) const LIGHT: (f32, f32, f32) = (0.8, 0.8, 0.8);
pub(super) const BAND: (f32, f32, f32) = (0.9, 0.92, 0.95);
pub(super) const ACCENT: (f32, f32, f32) = (0.16, 0.38, 0.62);
/// A header value holding characters that draw nothing (written out as `<U+200B>`).
pub(super) const WARN: (f32, f32, f32) = (0.72, 0.11, 0.11);

/// One piece of text at a horizontal position.
#[derive(Debug, Clone)]
pub(super) struct Text {
    pub(super) x: f32,
    pub(super) size: f32,
    pub(super) text: String,
    pub(super) color: (f32, f32, f32),
    /// Drawn bold (filled and stroked in its colour): what must stand out without colour.
    pub(super) bold: bool,
}

/// A filled rectangle relative to a row: x, offset from the row top, width, height.
#[derive(Debug, Clone)]
pub(super) struct Rect {
    pub(super) x: f32,
    pub(super) dy: f32,
    pub(super) w: f32,
    pub(super) h: f32,
    pub(super) color: (f32, f32, f32),
}

/// One visual line across the page.
#[derive(Debug, Clone, Default)]
pub(super) struct Row {
    pub(super) height: f32,
    pub(super) texts: Vec<Text>,
    /// Drawn after every row of the unit, so the text layer reads number → text → answer.
    pub(super) deferred: Vec<Text>,
    pub(super) rects: Vec<Rect>,
    /// A thin rule under the row.
    pub(super) rule: Option<(f32, f32, (f32, f32, f32))>,
}

impl Row {
    pub(super) fn text(size: f32) -> Row {
        Row {
            height: size * LINE,
            ..Row::default()
        }
    }
    pub(super) fn gap(h: f32) -> Row {
        Row {
            height: h,
            ..Row::default()
        }
    }
    pub(super) fn with(
        mut self,
        x: f32,
        size: f32,
        text: impl Into<String>,
        color: (f32, f32, f32),
    ) -> Row {
        self.texts.push(Text {
            x,
            size,
            text: text.into(),
            color,
            bold: false,
        });
        self
    }
}

/// The size of the pages and the space kept free at their top and bottom (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Paper {
    pub(super) w: f32,
    pub(super) h: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

/// A4 portrait, the statement's and the reports' paper.
pub(super) const PORTRAIT: Paper = Paper {
    w: PAGE_W,
    h: PAGE_H,
    top: MARGIN_T,
    bottom: MARGIN_B,
};

/// Rows that stay on one page when they fit on one.
pub(super) type Unit = Vec<Row>;

/// What a page's operations have set so far: a text section is open, the type size, the fill
/// colour — so that consecutive texts share one text section and nothing is set twice (each
/// operation costs printpdf time to write, and the file bytes).
#[derive(Debug, Clone, Copy, Default)]
struct PageState {
    in_text: bool,
    size: Option<f32>,
    fill: Option<(f32, f32, f32)>,
}

/// The pages laid out so far (printpdf operations per page) and the position on the last.
pub(super) struct Pages<'m> {
    pub(super) pages: Vec<Vec<Op>>,
    state: Vec<PageState>,
    y: f32,
    pub(super) paper: Paper,
    /// Rows placed at the top of every page begun after they were set (a table's headings).
    repeat: Unit,
    font: PdfFontHandle,
    pub(super) m: &'m Measure,
    /// Characters drawn that the font has no glyph for (one note per character).
    missing: Vec<PdfNote>,
}

fn rgb((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

fn pt(page_h: f32, x: f32, y_from_top: f32) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(page_h - y_from_top),
        },
        bezier: false,
    }
}

impl<'m> Pages<'m> {
    /// The laid-out pages as A4 pages of the document, and the characters drawn that the
    /// font cannot show.
    pub(super) fn into_pdf_pages(mut self) -> (Vec<printpdf::PdfPage>, Vec<PdfNote>) {
        for page in 0..self.pages.len() {
            self.end_text(page);
        }
        let Paper { w, h, .. } = self.paper;
        let pages = self
            .pages
            .into_iter()
            .map(|ops| {
                printpdf::PdfPage::new(
                    printpdf::Mm::from(printpdf::Pt(w)),
                    printpdf::Mm::from(printpdf::Pt(h)),
                    ops,
                )
            })
            .collect();
        (pages, self.missing)
    }

    pub(super) fn new(font: PdfFontHandle, m: &'m Measure) -> Pages<'m> {
        Pages::on(PORTRAIT, font, m)
    }

    /// Pages of the given paper.
    pub(super) fn on(paper: Paper, font: PdfFontHandle, m: &'m Measure) -> Pages<'m> {
        Pages {
            pages: vec![Vec::new()],
            state: vec![PageState::default()],
            y: paper.top,
            paper,
            repeat: Vec::new(),
            font,
            m,
            missing: Vec::new(),
        }
    }

    /// Rows to place at the top of every page begun from now on (not on this one).
    pub(super) fn repeat_on_each_page(&mut self, rows: Unit) {
        self.repeat = rows;
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.state.push(PageState::default());
        self.y = self.paper.top;
        let repeat = std::mem::take(&mut self.repeat);
        for row in &repeat {
            self.place_row(row);
        }
        self.repeat = repeat;
    }

    /// Whether nothing but the repeated rows is on this page yet.
    fn at_top(&self) -> bool {
        let repeated: f32 = self.repeat.iter().map(|r| r.height).sum();
        self.y <= self.paper.top + repeated
    }

    /// Goes on on a new page, unless nothing is on this one yet.
    pub(super) fn break_page(&mut self) {
        if !self.at_top() {
            self.new_page();
        }
    }

    /// The font every text is drawn in.
    pub(super) fn font(&self) -> &PdfFontHandle {
        &self.font
    }

    fn room(&self) -> f32 {
        self.paper.h - self.paper.bottom - self.y
    }

    fn draw_text(&mut self, t: &Text, baseline_from_top: f32) {
        let page = self.pages.len().saturating_sub(1);
        self.draw_text_on(page, t, baseline_from_top);
    }

    /// Notes each character of `text` (drawn on `page`, 0-based) that the font cannot draw.
    fn note_missing(&mut self, page: usize, text: &str) {
        for ch in self.m.missing(text) {
            let known = self.missing.iter_mut().find_map(|n| match n {
                PdfNote::MissingGlyph { ch: c, count, .. } if *c == ch => Some(count),
                _ => None,
            });
            match known {
                Some(count) => *count += 1,
                None => self.missing.push(PdfNote::MissingGlyph {
                    ch,
                    page: page + 1,
                    line: text.to_string(),
                    count: 1,
                }),
            }
        }
    }

    /// Closes the text section open on `page` (before anything that is not text).
    fn end_text(&mut self, page: usize) {
        if let (Some(state), Some(ops)) = (self.state.get_mut(page), self.pages.get_mut(page))
            && state.in_text
        {
            ops.push(Op::EndTextSection);
            state.in_text = false;
        }
    }

    /// Sets the fill colour of `page` unless it is already set.
    fn set_fill(&mut self, page: usize, color: (f32, f32, f32)) {
        if let (Some(state), Some(ops)) = (self.state.get_mut(page), self.pages.get_mut(page))
            && state.fill != Some(color)
        {
            ops.push(Op::SetFillColor { col: rgb(color) });
            state.fill = Some(color);
        }
    }

    pub(super) fn draw_text_on(&mut self, page: usize, t: &Text, baseline_from_top: f32) {
        self.note_missing(page, &t.text);
        let glyphs = self.m.glyph_ids(&t.text);
        let font = self.font.clone();
        let (Some(state), Some(ops)) = (self.state.get_mut(page), self.pages.get_mut(page)) else {
            return;
        };
        if !state.in_text {
            ops.push(Op::StartTextSection);
            state.in_text = true;
        }
        if state.size != Some(t.size) {
            ops.push(Op::SetFont {
                font,
                size: Pt(t.size),
            });
            state.size = Some(t.size);
        }
        self.set_fill(page, t.color);
        let page_h = self.paper.h;
        let Some(ops) = self.pages.get_mut(page) else {
            return;
        };
        if t.bold {
            ops.extend([
                Op::SetOutlineColor { col: rgb(t.color) },
                Op::SetOutlineThickness {
                    pt: Pt(t.size * 0.045),
                },
                Op::SetTextRenderingMode {
                    mode: TextRenderingMode::FillStroke,
                },
            ]);
        }
        ops.extend([
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(t.x), Pt(page_h - baseline_from_top)),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(glyphs)],
            },
        ]);
        if t.bold {
            ops.push(Op::SetTextRenderingMode {
                mode: TextRenderingMode::Fill,
            });
        }
    }

    fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, color: (f32, f32, f32)) {
        let page_h = self.paper.h;
        let ring = PolygonRing {
            points: vec![
                pt(page_h, x, top),
                pt(page_h, x + w, top),
                pt(page_h, x + w, top + h),
                pt(page_h, x, top + h),
            ],
        };
        let page = self.pages.len().saturating_sub(1);
        self.end_text(page);
        self.set_fill(page, color);
        let Some(ops) = self.pages.get_mut(page) else {
            return;
        };
        ops.extend([Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![ring],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        }]);
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, color: (f32, f32, f32), thickness: f32) {
        let page = self.pages.len().saturating_sub(1);
        self.rule_on(page, x1, x2, y, color, thickness);
    }

    pub(super) fn rule_on(
        &mut self,
        page: usize,
        x1: f32,
        x2: f32,
        y: f32,
        color: (f32, f32, f32),
        thickness: f32,
    ) {
        self.end_text(page);
        let page_h = self.paper.h;
        let Some(ops) = self.pages.get_mut(page) else {
            return;
        };
        ops.extend([
            Op::SetOutlineColor { col: rgb(color) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![pt(page_h, x1, y), pt(page_h, x2, y)],
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
    pub(super) fn place(&mut self, unit: &Unit) {
        let height: f32 = unit.iter().map(|r| r.height).sum();
        let repeated: f32 = self.repeat.iter().map(|r| r.height).sum();
        let page_room = self.paper.h - self.paper.top - self.paper.bottom - repeated;
        if height > self.room() && height <= page_room && !self.at_top() {
            self.new_page();
        }
        let mut placed: Vec<(usize, f32)> = Vec::new();
        for row in unit {
            if row.height > self.room() && !self.at_top() {
                self.new_page();
            }
            let top = self.place_row(row);
            placed.push((self.pages.len().saturating_sub(1), top));
        }
        for (row, (page, top)) in unit.iter().zip(placed) {
            let baseline = top + row.height * 0.72;
            for t in &row.deferred {
                self.draw_text_on(page, t, baseline);
            }
        }
    }
}

/// Rows of wrapped text at `x` within `width`.
pub(super) fn text_rows(
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

pub(super) fn centred(m: &Measure, text: &str, size: f32, color: (f32, f32, f32)) -> Row {
    let w = m.width(text, size).min(CONTENT_W);
    Row::text(size).with(MARGIN_L + (CONTENT_W - w) / 2.0, size, text, color)
}
