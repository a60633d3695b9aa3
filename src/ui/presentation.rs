//! Presentation mode: the whole screen for one question — its text, answer and 備考 large,
//! scaling with the window, in high contrast; the guideline section and hints beside it on G;
//! a blank screen on B. Nothing here can be edited: no input widgets, and the keys are
//! presentation mode's own (`crate::app::keys`).

use eframe::egui::{self, Color32, RichText};

use crate::app::Doc;
use crate::app::view::{ClassSlide, Presentation};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{AnswerKind, Question};
use crate::domain::guideline::GuidelineIndex;
use crate::domain::hints::HintLibrary;
use crate::domain::text::visible;
use crate::domain::validation::{GateState, gate_state};
use crate::i18n::Localizer;

/// Sizes and colours of one frame, scaled to the window.
struct Look {
    /// The scale: 1.0 at 1280×800 points (a projector's 1024×768 gets 0.8, 1920×1080 1.35).
    s: f32,
    fg: Color32,
    /// Secondary text: still high contrast.
    dim: Color32,
    bg: Color32,
    dark: bool,
}

impl Look {
    fn new(size: egui::Vec2, dark: bool) -> Look {
        let s = (size.x / 1280.0).min(size.y / 800.0).clamp(0.35, 4.0);
        if dark {
            Look {
                s,
                fg: Color32::WHITE,
                dim: Color32::from_gray(0xdd),
                bg: Color32::from_gray(0x10),
                dark,
            }
        } else {
            Look {
                s,
                fg: Color32::BLACK,
                dim: Color32::from_gray(0x30),
                bg: Color32::WHITE,
                dark,
            }
        }
    }

    fn text(&self, text: impl Into<String>, size: f32) -> RichText {
        RichText::new(text).size(size * self.s).color(self.fg)
    }

    fn weak(&self, text: impl Into<String>, size: f32) -> RichText {
        RichText::new(text).size(size * self.s).color(self.dim)
    }

    /// An answer's colour, dark enough on white and light enough on black to read from afar.
    fn value(&self, v: AnswerValue) -> Color32 {
        match v {
            AnswerValue::NotApplicable | AnswerValue::DoesNotApply => self.fg,
            _ => crate::ui::value_color(v, self.dark),
        }
    }
}

// Type sizes at scale 1.0 (1280×800); at 1920×1080 they are 1.35 times these, in pixels.
const META: f32 = 20.0;
const QUESTION: f32 = 42.0;
const ANSWER: f32 = 40.0;
const REMARK: f32 = 30.0;
const GUIDE: f32 = 26.0;
const KEYS: f32 = 15.0;

/// The presentation: the guide on the right when shown, the question in the middle.
pub fn presentation_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    guide: (&GuidelineIndex, &HintLibrary),
    (p, slides): (Presentation, &[ClassSlide]),
    hide_vendor: bool,
    dark: bool,
) {
    // Presenting is read-only: no text field keeps the keyboard.
    ui.ctx().memory_mut(|m| m.stop_text_input());
    let size = ui.ctx().content_rect().size();
    // The guide column keeps the base size (it scrolls); the question fills its side.
    let base = Look::new(size, dark);
    let mut look = Look::new(size, dark);
    // The slide's own fit (kept per slide, screen size and guide): text as large as fits.
    let fit_key = egui::Id::unique("present_fit").with((
        &doc.selected,
        p.guide,
        p.class,
        size.x as i32,
        size.y as i32,
    ));
    let fit = ui
        .ctx()
        .data(|d| d.get_temp::<Fit>(fit_key))
        .unwrap_or_default();
    look.s *= fit.scale;
    let margin = (32.0 * look.s) as i8;
    let frame = |fill: Color32| {
        egui::Frame::new()
            .fill(fill)
            .inner_margin(egui::Margin::same(margin))
    };
    if p.blank {
        egui::CentralPanel::default()
            .frame(frame(Color32::BLACK))
            .show(ui, |_| {});
        return;
    }
    let Some(q) = doc.selected_question() else {
        return;
    };
    if p.guide {
        egui::Panel::right("present_guide")
            .exact_size(size.x * 0.4)
            .resizable(false)
            .frame(frame(look.bg))
            .show(ui, |ui| guide_column(ui, doc, q, l, guide, &base));
    }
    egui::CentralPanel::default()
        .frame(frame(look.bg))
        .show(ui, |ui| {
            let shown = egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    // Nothing widens the slide beyond its side of the screen.
                    ui.set_max_width(ui.available_width());
                    let slides = if p.class { slides } else { &[] };
                    let (position, total) = position(doc, q, slides);
                    top_line(ui, doc, (position, total, p.class), l, hide_vendor, &look);
                    question_block(ui, doc, q, l, &look);
                    if let Some(s) = slides.iter().find(|s| s.question == q.id) {
                        class_line(ui, l, s, &look);
                    }
                    ui.add_space(24.0 * look.s);
                    if position == total {
                        // The end of the deck: said, so the presenter does not press on.
                        ui.label(look.text(l.t("presentation-last"), META).strong());
                    }
                    ui.label(look.weak(l.t("presentation-keys"), KEYS));
                });
            let next = fit.next(shown.content_size.y, shown.inner_rect.height());
            if next != fit {
                ui.ctx().data_mut(|d| d.insert_temp(fit_key, next));
                ui.ctx().request_repaint();
            }
        });
}

/// How much larger (or smaller) than its base size a slide is drawn so that it fills the
/// screen: found over a few frames, since wrapped text does not grow in proportion.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fit {
    scale: f32,
    /// Adjustments made; a slide stops adjusting after [`Fit::MAX_STEPS`].
    steps: u8,
}

impl Default for Fit {
    fn default() -> Fit {
        Fit {
            scale: 1.0,
            steps: 0,
        }
    }
}

impl Fit {
    /// Few, so a slide settles within a few frames (and a test's frame budget).
    const MAX_STEPS: u8 = 3;
    /// Never smaller than this (a long slide scrolls instead) nor larger than this.
    const MIN: f32 = 0.7;
    const MAX: f32 = 1.8;
    /// The share of the height a fitted slide fills, at least.
    const FULL: f32 = 0.8;

    /// The fit after a frame whose content was `content` high in `room`.
    fn next(self, content: f32, room: f32) -> Fit {
        if self.steps >= Self::MAX_STEPS || content <= 0.0 || room <= 0.0 {
            return self;
        }
        let filled = content / room;
        if (Self::FULL..=1.0).contains(&filled)
            || (filled < Self::FULL && self.scale >= Self::MAX)
            || (filled > 1.0 && self.scale <= Self::MIN)
        {
            return self;
        }
        // Wrapped text grows about with the square of the scale: aim for the middle of the
        // band, by the square root.
        let factor = ((Self::FULL + 1.0) / 2.0 / filled).sqrt();
        Fit {
            scale: (self.scale * factor).clamp(Self::MIN, Self::MAX),
            steps: self.steps + 1,
        }
    }
}

/// Where `q` stands among the slides (1-based) and how many there are: every question, or the
/// class's most missed ones.
fn position(doc: &Doc, q: &Question, slides: &[ClassSlide]) -> (usize, usize) {
    if slides.is_empty() {
        let at = doc.catalogue.questions().position(|x| x.id == q.id);
        (at.map_or(0, |i| i + 1), doc.catalogue.question_count())
    } else {
        let at = slides.iter().position(|s| s.question == q.id);
        (at.map_or(0, |i| i + 1), slides.len())
    }
}

/// How the class answered the question on the slide, large.
fn class_line(ui: &mut egui::Ui, l: &Localizer, s: &ClassSlide, look: &Look) {
    ui.add_space(16.0 * look.s);
    let text = l.ta(
        "presentation-class",
        &[
            ("spread", s.spread.clone().into()),
            ("missed", s.missed.into()),
            ("of", s.of.into()),
        ],
    );
    ui.add(egui::Label::new(look.text(text, REMARK).strong()).wrap());
}

/// The section title, "3 / 12" (of the class's most missed) and (unless hidden) the vendor,
/// small.
fn top_line(
    ui: &mut egui::Ui,
    doc: &Doc,
    (position, total, class): (usize, usize, bool),
    l: &Localizer,
    hide_vendor: bool,
    look: &Look,
) {
    let Some(q) = doc.selected_question() else {
        return;
    };
    // Wrapped: a long section title must not widen the slide past the screen.
    ui.horizontal_wrapped(|ui| {
        let counter = l.ta(
            if class {
                "presentation-position-class"
            } else {
                "presentation-position"
            },
            &[("n", position.into()), ("total", total.into())],
        );
        ui.label(look.weak(counter, META));
        if let Some(s) = doc.catalogue.section_of(&q.id) {
            ui.label(look.weak(
                format!("  {}", crate::domain::text::for_display(&s.full_title())),
                META,
            ));
        }
    });
    if !hide_vendor {
        let h = &doc.project.header;
        let vendor = format!(
            "{}　{} {}",
            visible(&h.vendor),
            visible(&h.product),
            visible(&h.version)
        );
        ui.label(look.weak(vendor.trim().to_string(), META));
    }
    ui.add_space(16.0 * look.s);
}

/// Number and text, the answer (each option's), the 備考 and the 記入上の注意.
fn question_block(ui: &mut egui::Ui, doc: &Doc, q: &Question, l: &Localizer, look: &Look) {
    let number = q.number_key();
    ui.add(
        egui::Label::new(
            look.text(
                format!("{number}  {}", crate::domain::text::for_display(&q.text)),
                QUESTION,
            )
            .strong(),
        )
        .wrap(),
    );
    if let Some(r) = q.ref_raw() {
        // 〜 as the form means it, not a raised ˜.
        ui.label(look.weak(crate::domain::text::for_display(r), META));
    }
    ui.add_space(20.0 * look.s);
    if let GateState::Disabled { gate_id } = gate_state(&doc.catalogue, &doc.project, q) {
        let gate = doc
            .catalogue
            .question(&gate_id)
            .map(Question::number_key)
            .unwrap_or(gate_id);
        ui.label(look.weak(l.ta("question-gated-off", &[("gate", gate.into())]), REMARK));
    }
    let values = crate::domain::summary::shown_values(&doc.catalogue, &doc.project, q);
    let answer = doc.project.answer(&q.id);
    match &q.answer {
        AnswerKind::Options(options) => {
            for (o, v) in options.iter().zip(values) {
                ui.horizontal_wrapped(|ui| {
                    ui.label(look.text(format!("－ {}", o.label), REMARK));
                    ui.label(
                        RichText::new(l.answer(v))
                            .size(REMARK * look.s)
                            .color(look.value(v))
                            .strong(),
                    );
                });
                let remark = answer
                    .and_then(|a| a.options.get(&o.id))
                    .map(|a| a.remark.trim())
                    .unwrap_or("");
                if !remark.is_empty() {
                    ui.add(egui::Label::new(look.weak(remark, REMARK * 0.85)).wrap());
                }
            }
        }
        _ => {
            let v = values.first().copied().unwrap_or_default();
            ui.horizontal(|ui| {
                ui.label(look.weak(l.t("presentation-answer"), REMARK));
                ui.label(
                    RichText::new(l.answer(v))
                        .size(ANSWER * look.s)
                        .color(look.value(v))
                        .strong(),
                );
            });
            let remark = answer.map(|a| a.remark.trim()).unwrap_or("");
            if !remark.is_empty() {
                ui.add_space(12.0 * look.s);
                ui.label(look.weak(l.t("question-remark"), META));
                ui.add(egui::Label::new(look.text(remark, REMARK)).wrap());
            }
        }
    }
    if let Some(note) = &q.note {
        ui.add_space(16.0 * look.s);
        ui.label(look.weak(l.t("question-note"), META));
        ui.add(egui::Label::new(look.text(note, GUIDE)).wrap());
    }
}

/// The guideline sections the references resolve to, and their hints, large.
fn guide_column(
    ui: &mut egui::Ui,
    doc: &Doc,
    q: &Question,
    l: &Localizer,
    (index, hints): (&GuidelineIndex, &HintLibrary),
    look: &Look,
) {
    egui::ScrollArea::vertical()
        .id_salt("present_guide_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(look.text(l.t("guide-title"), REMARK).strong());
            let refs = q.refs.as_ref().map(|g| g.refs.clone()).unwrap_or_default();
            if refs.is_empty() {
                ui.label(look.weak(l.t("guide-no-ref"), GUIDE));
            }
            let edition = &doc.catalogue.guideline_edition;
            for r in &refs {
                let line = match index.resolve(edition, r) {
                    Some(res) => format!("{} — {}", res.location, res.title),
                    None => {
                        let r = crate::domain::text::for_display(&r.to_string());
                        l.ta("guide-unresolved", &[("ref", r.into())])
                    }
                };
                ui.add(egui::Label::new(look.text(line, GUIDE)).wrap());
            }
            ui.add_space(16.0 * look.s);
            ui.label(look.text(l.t("guide-hints"), REMARK).strong());
            let found = hints.hints_for(index, edition, &refs);
            let (closest, fallback) = found.closest();
            if closest.is_empty() && found.edition.is_empty() {
                ui.label(look.weak(l.t("guide-no-hints"), GUIDE));
            }
            if fallback {
                ui.label(look.weak(l.t("guide-hints-section"), GUIDE));
            }
            let lang = l.lang().code();
            for h in closest.iter().chain(&found.edition) {
                ui.add_space(8.0 * look.s);
                ui.add(egui::Label::new(look.text(h.title.get(lang), GUIDE).strong()).wrap());
                ui.add(egui::Label::new(look.weak(h.text.get(lang), GUIDE * 0.9)).wrap());
            }
        });
}
