//! What the PDF says: the front matter (title, header block, disclaimer, provenance), the
//! summary, the review summary, section and question rows, and the integrity page.

use std::cell::{Cell, RefCell};

use super::font::Measure;
use super::layout::{
    ACCENT, BAND, BLACK, BODY, CONTENT_W, GREY, LIGHT, MARGIN_B, MARGIN_L, MARGIN_R, MARGIN_T,
    MARKS_X, NUM_W, OPTION_INDENT, PAGE_H, PAGE_W, Pages, Rect, Row, SMALL, TEXT_W, TEXT_X, TINY,
    Text, Unit, WARN, centred, text_rows,
};
use super::note::{MAX_PRINTED_REMARK_CHARS, PdfNote};
use crate::domain::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};
use crate::domain::catalogue::{AnswerKind, Catalogue, Question};
use crate::domain::form::{FormText, fill};
use crate::domain::project::{Answer, Project};
use crate::domain::summary::{shown_values, tallies};
use crate::domain::text::{for_display, format_chars, visible};
use crate::domain::validation::{GateState, effective_value, gate_state};

/// `■はい □いいえ □対象外`
pub(super) fn marks(allowed: &[AnswerValue], chosen: AnswerValue) -> String {
    allowed
        .iter()
        .map(|v| {
            let m = if *v == chosen { '■' } else { '□' };
            format!("{m}{}", v.label())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Title, header block, disclaimer, provenance and summary.
pub(super) fn front_matter(m: &Measure, c: &Catalogue, p: &Project, form: &FormText) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut title: Unit = vec![centred(m, form.title_of(c), 14.0, BLACK)];
    // The edition line and the JAHIS/JIRA disclaimer belong to the MDS/SDS form only.
    if c.kind.is_disclosure() {
        title.push(centred(
            m,
            &form.edition_line(&c.guideline_edition),
            SMALL,
            GREY,
        ));
    }
    title.push(Row::gap(8.0));
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
        // A format character that draws nothing is written out (`<U+200B>`) and the value
        // printed in red: a name holding one must not print like another.
        let hidden = !format_chars(value).is_empty();
        let colour = if hidden { WARN } else { BLACK };
        let lines = m.wrap(&visible(value), CONTENT_W - label_w, 10.0);
        for (i, l) in lines.iter().enumerate() {
            let mut row = Row::text(10.0);
            if i == 0 {
                row = row.with(MARGIN_L, 9.0, label, GREY);
            }
            row = row.with(MARGIN_L + label_w, 10.0, l.clone(), colour);
            if i + 1 == lines.len() {
                row.rule = Some((MARGIN_L, PAGE_W - MARGIN_R, LIGHT));
            }
            title.push(row);
        }
    }
    title.push(Row::gap(6.0));
    if c.kind.is_disclosure() {
        title.extend(text_rows(
            m,
            &form.disclaimer,
            MARGIN_L,
            CONTENT_W,
            TINY,
            GREY,
        ));
        title.push(Row::gap(6.0));
    }
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
    units.extend(summary(m, c, p, form));
    units
}

/// The summary: counts of answers (and of gate answers), then the progress of each section as
/// a bar.
fn summary(m: &Measure, c: &Catalogue, p: &Project, form: &FormText) -> Vec<Unit> {
    let mut units = Vec::new();
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
pub(super) fn review_summary(
    m: &Measure,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
) -> Vec<Unit> {
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
    let [unchecked, confirmed, needs_check, action_required] = s.counts.map(|n| n.to_string());
    let line = fill(
        &form.own.review_counts,
        &[
            ("unchecked", &unchecked),
            ("confirmed", &confirmed),
            ("needs_check", &needs_check),
            ("action_required", &action_required),
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
                    bold: false,
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
pub(super) fn body(
    m: &Measure,
    c: &Catalogue,
    p: &Project,
    (form, budget): (&FormText, &PrintBudget),
) -> Vec<Unit> {
    let mut units = Vec::new();
    for s in &c.sections {
        let head: Unit = band_rows(m, &s.full_title());
        let mut first = true;
        for q in &s.questions {
            let mut unit = question_unit(m, c, p, q, (form, budget));
            if first && let Some(top) = unit.first_mut() {
                // A section title never stands alone at the foot of a page.
                let mut joined = head.clone();
                joined.append(top);
                *top = joined;
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

/// How many more characters of remarks the PDF prints, and the remarks it cut.
pub(super) struct PrintBudget {
    left: Cell<usize>,
    pub(super) cut: RefCell<Vec<PdfNote>>,
}

impl PrintBudget {
    pub(super) fn new() -> PrintBudget {
        PrintBudget {
            left: Cell::new(MAX_PRINTED_REMARK_CHARS),
            cut: RefCell::new(Vec::new()),
        }
    }
}

/// The rows of a remark of question `number`: printed whole while the budget lasts, then cut
/// with a line that says how much is left out.
fn remark_rows(
    m: &Measure,
    (form, budget): (&FormText, &PrintBudget),
    number: &str,
    remark: &str,
    (x, width): (f32, f32),
) -> Vec<Row> {
    if remark.trim().is_empty() {
        let text = format!("{}: -", form.labels.remark);
        return text_rows(m, &text, x, width, SMALL, GREY);
    }
    let left = budget.left.get();
    let (shown, omitted) = match remark.char_indices().nth(left) {
        None => (remark, 0),
        Some((at, _)) => (
            remark.get(..at).unwrap_or_default(),
            remark.get(at..).unwrap_or_default().chars().count(),
        ),
    };
    budget.left.set(left.saturating_sub(shown.chars().count()));
    let text = format!("{}: {shown}", form.labels.remark);
    let mut rows = text_rows(m, &text, x, width, SMALL, GREY);
    if omitted > 0 {
        let said = fill(&form.own.remark_cut, &[("omitted", &omitted.to_string())]);
        rows.extend(text_rows(m, &said, x, width, SMALL, GREY));
        budget.cut.borrow_mut().push(PdfNote::RemarkCut {
            number: number.to_string(),
            omitted,
        });
    }
    rows
}

/// The units of one question: the question with its answer (or with its first option), then
/// one unit per further option.
fn question_unit(
    m: &Measure,
    c: &Catalogue,
    p: &Project,
    q: &Question,
    (form, budget): (&FormText, &PrintBudget),
) -> Vec<Unit> {
    let answer = p.answer(&q.id);
    let number = q.number_key();
    let gate = gate_state(c, p, q);
    let mut head: Unit = text_rows(m, &for_display(&q.full_text()), TEXT_X, TEXT_W, BODY, BLACK);
    if let Some(first) = head.first_mut() {
        first.texts.insert(
            0,
            Text {
                x: MARGIN_L,
                size: BODY,
                text: q.number_key(),
                color: BLACK,
                bold: false,
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
                let which = format!("{number} {}", o.label);
                rows.extend(remark_rows(m, (form, budget), &which, remark, (x, w)));
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
            // The condition first: 「備考: 〔条件〕オプション契約時。元の備考」.
            let remark = answer
                .map(|a| form.labels.condition.join(&a.condition, &a.remark))
                .unwrap_or_default();
            head.extend(remark_rows(
                m,
                (form, budget),
                &number,
                &remark,
                (TEXT_X, TEXT_W),
            ));
            if let Some(line) = answer.and_then(|a| dates_line(a, form)) {
                head.extend(text_rows(m, &line, TEXT_X, TEXT_W, SMALL, GREY));
            }
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

/// An answer's 確認日 and 目標日 on one line, when it has either.
fn dates_line(a: &Answer, form: &FormText) -> Option<String> {
    let parts: Vec<String> = [
        (&a.checked_on, &form.own.checked_on),
        (&a.due_on, &form.own.due_on),
    ]
    .into_iter()
    .filter(|(date, _)| !date.trim().is_empty())
    .map(|(date, wording)| fill(wording, &[("date", date.trim())]))
    .collect();
    (!parts.is_empty()).then(|| parts.join("　"))
}

/// The answer marks, on the first row, drawn after the row's text.
fn add_marks(rows: &mut [Row], allowed: &[AnswerValue], chosen: AnswerValue) {
    if let Some(r) = rows.first_mut() {
        r.deferred.push(Text {
            x: MARKS_X,
            size: BODY,
            text: marks(allowed, chosen),
            color: BLACK,
            bold: false,
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

pub(super) fn integrity(m: &Measure, form: &FormText, time: &str, fingerprint: &str) -> Vec<Unit> {
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

/// Every page's header (the statement's name) and footer ("n / N", the start of the
/// fingerprint, the generation time), with a rule under the header.
pub(super) fn running_heads(
    pages: &mut Pages<'_>,
    form: &FormText,
    (running_title, by): (&str, &str),
    fingerprint: &str,
    time: &str,
) {
    let m = pages.m;
    let short_fp: String = fingerprint.chars().take(7 + 16).collect();
    let total = pages.pages.len();
    let by_w = if by.is_empty() {
        0.0
    } else {
        m.width(by, TINY).min(CONTENT_W * 0.6) + 12.0
    };
    let by_line = m
        .wrap(by, CONTENT_W * 0.6, TINY)
        .first()
        .cloned()
        .unwrap_or_default();
    let by_x = PAGE_W - MARGIN_R - m.width(&by_line, TINY);
    let head_line = m
        .wrap(running_title, CONTENT_W - by_w, TINY)
        .first()
        .cloned()
        .unwrap_or_default();
    let footer_y = PAGE_H - MARGIN_B + 28.0;
    let time_w = m.width(time, TINY);
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
            (by_x, MARGIN_T - 20.0, TINY, by_line.clone()),
            ((PAGE_W - page_w) / 2.0, footer_y, SMALL, page_text),
            (MARGIN_L, footer_y, TINY, format!("{short_fp}…")),
            (PAGE_W - MARGIN_R - time_w, footer_y, TINY, time.to_string()),
        ];
        for (x, y, size, text) in texts {
            let t = Text {
                x,
                size,
                text,
                color: GREY,
                bold: false,
            };
            pages.draw_text_on(i, &t, y);
        }
        pages.rule_on(i, MARGIN_L, PAGE_W - MARGIN_R, MARGIN_T - 15.0, LIGHT, 0.5);
    }
}
