//! The navigator: sections and questions with status marks, progress, filters and search.

use eframe::egui;
use egui::collapsing_header::CollapsingState;

use crate::app::view::Filters;
use crate::app::{Command, Doc};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Question;
use crate::domain::summary::{shown_values, tallies};
use crate::domain::text::for_display;
use crate::domain::validation::Severity;
use crate::i18n::Localizer;

/// The status of a question as the navigator shows it: its short tag, the value that colours
/// it, and — for a single answer — the form's own word (glossed in English) for the hover.
pub fn status_of(doc: &Doc, q: &Question, l: &Localizer) -> (String, AnswerValue, Option<String>) {
    let values = shown_values(&doc.catalogue, &doc.project, q);
    if let [only] = values.as_slice() {
        return (l.answer_tag(*only), *only, Some(l.answer(*only)));
    }
    let done = values.iter().filter(|v| v.is_answered()).count();
    let v = if done == values.len() {
        AnswerValue::Yes
    } else {
        AnswerValue::Unanswered
    };
    (format!("{done}/{}", values.len()), v, None)
}

/// The width of the status column ("[未回答]", "[0/5]", "[Yes]" …): the widest tag of the UI's
/// language (kept short, so the number and title have the room), so every row starts its title
/// at the same place.
fn status_width(ui: &egui::Ui, l: &Localizer) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    AnswerValue::ALL
        .iter()
        .map(|v| {
            ui.painter()
                .layout_no_wrap(
                    format!("[{}]", l.answer_tag(*v)),
                    font.clone(),
                    egui::Color32::WHITE,
                )
                .size()
                .x
        })
        .fold(58.0_f32, f32::max)
        + 4.0
}
/// The width of the finding mark's column (△ or nothing).
const MARK_WIDTH: f32 = 14.0;

/// A section's header: its answered/total count, then its title cut to the panel's width
/// (the full title on hover). Returns whether the title was clicked.
fn section_header(ui: &mut egui::Ui, title: &str, counts: &str) -> bool {
    ui.label(egui::RichText::new(counts).strong());
    let right = ui.clip_rect().right().min(ui.max_rect().right());
    let height = ui.spacing().interact_size.y;
    let room = egui::vec2((right - ui.cursor().left() - 4.0).max(40.0), height);
    let layout = egui::Layout::left_to_right(egui::Align::Center);
    ui.allocate_ui_with_layout(room, layout, |ui| {
        let text = egui::RichText::new(title).strong();
        ui.add(egui::Button::new(text).frame(false).truncate())
    })
    .inner
    .on_hover_text(title)
    .clicked()
}

/// Whether the selection changed since the navigator was last drawn (then its row is scrolled
/// into view).
fn selection_changed(ui: &egui::Ui, doc: &Doc) -> bool {
    let id = egui::Id::unique("nav-last-selected");
    let now = doc.selected.clone();
    let before = ui.data(|d| d.get_temp::<Option<String>>(id));
    ui.data_mut(|d| d.insert_temp(id, now.clone()));
    before != Some(now)
}

/// One question's row: status in a fixed-width column, the finding mark, the review status,
/// and the number and text cut to the panel's width with "…" (the full text on hover).
#[allow(clippy::too_many_arguments)]
fn question_row(
    ui: &mut egui::Ui,
    l: &Localizer,
    status_w: f32,
    doc: &Doc,
    q: &Question,
    review_mode: bool,
    follow: bool,
    cmds: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    let (mark, v, word) = status_of(doc, q, l);
    let selected = doc.selected.as_deref() == Some(q.id.as_str());
    ui.horizontal(|ui| {
        let height = ui.spacing().interact_size.y;
        let color = crate::ui::value_color(v, dark);
        let left = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(egui::vec2(status_w, height), left, |ui| {
            ui.set_min_width(status_w);
            let tag = ui.colored_label(color, format!("[{mark}]"));
            // The form's own word (with its gloss in English) on hover.
            if let Some(word) = word {
                tag.on_hover_text(word);
            }
        });
        ui.allocate_ui_with_layout(egui::vec2(MARK_WIDTH, height), left, |ui| {
            ui.set_min_width(MARK_WIDTH);
            if crate::app::view::has_warning(doc, q) {
                // What is wrong, on hover.
                let why = crate::ui::findings::summary(l, &doc.findings, &q.id);
                crate::ui::findings::mark(ui, Severity::Warning, &why);
            } else {
                ui.label("");
            }
        });
        if review_mode {
            // The reviewer's own status, beside the vendor's answer.
            let st = doc.project.review.status(&q.id);
            ui.label(egui::RichText::new(format!("〔{}〕", l.review_status(st))).small());
        }
        let full = format!("{} {}", q.number_key(), for_display(&q.text));
        // The rest of the visible row (the list's clip edge): the text is cut there.
        let right = ui.clip_rect().right().min(ui.max_rect().right());
        let room = egui::vec2((right - ui.cursor().left() - 4.0).max(40.0), height);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        let resp = ui
            .allocate_ui_with_layout(room, layout, |ui| {
                ui.add(egui::Button::selectable(selected, full.as_str()).truncate())
            })
            .inner
            .on_hover_text(full.as_str());
        if selected && follow {
            resp.scroll_to_me(Some(egui::Align::Center));
        }
        if resp.clicked() {
            cmds.push(Command::Select(q.id.clone()));
        }
    });
}

pub fn navigator_ui(
    ui: &mut egui::Ui,
    doc: &Doc,
    l: &Localizer,
    filters: &mut Filters,
    review_mode: bool,
    (max_width, narrow): (f32, bool),
    cmds: &mut Vec<Command>,
) {
    // A narrow window (the guide below the question) and a wide one each remember their own
    // navigator width: one chosen at 1024×768 does not stick at 1280×800.
    let id = if narrow {
        "navigator_narrow"
    } else {
        "navigator"
    };
    egui::Panel::left(id)
        .resizable(true)
        .default_size(330.0_f32.min(max_width))
        .min_size(240.0_f32.min(max_width))
        .max_size(max_width)
        .show(ui, |ui| {
            let (all, per) = tallies(&doc.catalogue, &doc.project);
            let frac = if all.total() == 0 {
                0.0
            } else {
                all.answered() as f32 / all.total() as f32
            };
            // At 0 % the bar is empty (no stray dot of fill).
            // Says what it counts, as the status bar does: questions, or items with options.
            let rows = crate::domain::summary::unit_counts(&doc.catalogue).1;
            let id = if rows == 0 {
                "nav-progress"
            } else {
                "nav-progress-items"
            };
            let mut bar = egui::ProgressBar::new(frac).text(l.ta(
                id,
                &[
                    ("answered", all.answered().into()),
                    ("total", all.total().into()),
                ],
            ));
            if all.answered() == 0 {
                bar = bar.fill(egui::Color32::TRANSPARENT);
            }
            ui.add(bar);
            ui.horizontal_wrapped(|ui| {
                ui.checkbox(&mut filters.unanswered, l.t("nav-filter-unanswered"));
                ui.checkbox(&mut filters.no, l.t("nav-filter-no"));
                ui.checkbox(&mut filters.findings, l.t("nav-filter-findings"));
            });
            if review_mode {
                ui.horizontal_wrapped(|ui| {
                    ui.label(l.t("review-filter"));
                    ui.radio_value(&mut filters.review, None, l.t("review-all"));
                    for st in crate::domain::project::ReviewStatus::ALL {
                        ui.radio_value(&mut filters.review, Some(st), l.review_status(st));
                    }
                });
            }
            let label = ui.label(l.t("nav-search"));
            ui.add(
                egui::TextEdit::singleline(&mut filters.search)
                    .hint_text(l.t("nav-search-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
            ui.separator();
            let follow = selection_changed(ui, doc);
            let status_w = status_width(ui, l);
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for (n, (s, t)) in doc.catalogue.sections.iter().zip(per).enumerate() {
                        let shown: Vec<&Question> = s
                            .questions
                            .iter()
                            .filter(|q| filters.shows(doc, q))
                            .collect();
                        if shown.is_empty() {
                            continue;
                        }
                        let title = if s.title.is_empty() {
                            "—".to_string()
                        } else {
                            for_display(&s.full_title())
                        };
                        let counts = l.ta(
                            "nav-section-counts",
                            &[
                                ("answered", t.answered().into()),
                                ("total", t.total().into()),
                            ],
                        );
                        // A section holding a question just chosen opens.
                        let holds_selected = shown
                            .iter()
                            .any(|q| doc.selected.as_deref() == Some(q.id.as_str()));
                        let id = egui::Id::unique(("nav-section", n));
                        let mut state = CollapsingState::load_with_default_open(ui.ctx(), id, true);
                        if follow && holds_selected {
                            state.set_open(true);
                        }
                        let (_, header, _) = state
                            .show_header(ui, |ui| section_header(ui, &title, &counts))
                            .body(|ui| {
                                for q in shown {
                                    question_row(
                                        ui,
                                        l,
                                        status_w,
                                        doc,
                                        q,
                                        review_mode,
                                        follow,
                                        cmds,
                                    );
                                }
                            });
                        // The title folds and unfolds too, not only the arrow.
                        if header.inner
                            && let Some(mut st) = CollapsingState::load(ui.ctx(), id)
                        {
                            st.toggle(ui);
                            st.store(ui.ctx());
                        }
                    }
                });
        });
}
