//! The third phase of detection: each row of the chosen sheet classified as a section, a
//! question or an option; rows before the first question give the title texts, rows after it
//! that are none of these are reported as skipped.
//!
//! A numbered row is a question when its text reads as one (か? / 。 / a reference at the
//! end) or when column headings name the number and text columns; a numbered row whose
//! numbering continues below it (`1` above `1-1`, `2` above `(1)`) is a section. Numbering that
//! restarts within sections (`(1)` under every section) is made unique by the section's number.
//! A number or text merged over several rows takes those rows with it.

use std::collections::HashSet;

use super::super::vocabulary::Vocabulary;
use super::super::{Skip, Skipped};
use super::headings::HeadingRoles;
use super::sheet::Layout;
use super::words::{
    Number, QuestionCells, given_number, has_japanese, has_words, looks_like_question,
    numbered_cells, parse_number, short,
};
use crate::domain::refs::split_trailing_ref;
use crate::domain::source::{Mapping, RowKindGiven};
use crate::domain::text::normalize_number;

/// What a row of the chosen sheet holds.
#[derive(Debug, Clone)]
pub(super) enum Line {
    Section { title: String },
    Question(QuestionRow),
    Option { label: String },
}

/// A question row.
#[derive(Debug, Clone)]
pub(super) struct QuestionRow {
    /// The number as shown (`4. 1. 2.`; `2 (1)` for numbering that restarts per section) and
    /// normalised (`4.1.2`).
    pub printed: String,
    pub number: String,
    pub text: String,
    /// The columns of the number and the question text.
    pub number_col: u16,
    pub text_col: u16,
    /// The last row of the question (below its own when its number or text is merged down).
    pub last_row: u32,
}

/// The classified rows.
pub(super) struct Rows {
    /// Sections, questions and options with their rows (0-based), in sheet order.
    pub lines: Vec<(u32, Line)>,
    pub first_question_row: Option<u32>,
    /// The text of each row before the first question (titles, header rows).
    pub title_texts: Vec<String>,
    pub skipped: Vec<Skipped>,
}

/// A numbered row before it is known to be a question or a section.
struct Numbered {
    row: u32,
    number: Number,
    text: String,
    number_col: u16,
    text_col: u16,
    last_row: u32,
    question_like: bool,
    /// Its text is merged across the row's answer cells (nothing right of it): a title.
    title_across: bool,
    /// The user said it is a question.
    given: bool,
}

/// What the user's mapping says about rows: the number and text columns, and the rows given
/// a role.
pub(super) struct Given<'m> {
    pub number_col: Option<u16>,
    pub text_col: Option<u16>,
    pub mapping: &'m Mapping,
}

/// What the first pass found on a row.
enum Found {
    Numbered(Numbered),
    Option(String),
    Section(String),
    /// A lone Japanese cell: a section title when it stands among questions.
    Lone(String),
    /// A header label row (製造業者名：…): the header phase reads it; its value (a product
    /// named "V0") is not a title and must not change the form's version or title.
    Label(String),
    Other(String),
    /// The user said this row is a section (its title) or an option (its label).
    GivenSection(String),
    GivenOption(String),
}

/// Classifies the rows of the layout.
pub(super) fn classify(
    layout: &Layout,
    vocab: &Vocabulary,
    headings: &HeadingRoles,
    given: &Given<'_>,
) -> Rows {
    let found = first_pass(layout, vocab, headings, given);
    let sections = section_rows(&found);
    let relative_restarts = restarts(&found, &sections);
    let mut rows = Rows {
        lines: Vec::new(),
        first_question_row: None,
        title_texts: Vec::new(),
        skipped: Vec::new(),
    };
    let mut section_number: Option<String> = None;
    let mut section_count = 0usize;
    let first_numbered = found
        .iter()
        .position(|(_, f)| matches!(f, Found::Numbered(_)));
    for (i, (r, f)) in found.into_iter().enumerate() {
        let started = rows.first_question_row.is_some() || !rows.lines.is_empty();
        match f {
            Found::Numbered(n) if sections.contains(&n.row) => {
                section_count += 1;
                section_number = Some(n.number.printed.clone());
                rows.lines.push((
                    r,
                    Line::Section {
                        title: format!("{} {}", n.number.printed, n.text),
                    },
                ));
            }
            Found::Numbered(n) if n.given || n.question_like || headings.names_questions() => {
                rows.first_question_row.get_or_insert(r);
                let printed = if n.number.style.is_relative() && relative_restarts {
                    let prefix = section_number
                        .clone()
                        .unwrap_or_else(|| section_count.to_string());
                    format!(
                        "{} {}",
                        prefix.trim_end_matches(['.', ' ']),
                        n.number.printed
                    )
                } else {
                    n.number.printed.clone()
                };
                rows.lines.push((
                    r,
                    Line::Question(QuestionRow {
                        number: normalize_number(&printed).unwrap_or(n.number.key),
                        printed,
                        text: n.text,
                        number_col: n.number_col,
                        text_col: n.text_col,
                        last_row: n.last_row,
                    }),
                ));
            }
            Found::Option(label) if started => {
                if matches!(
                    rows.lines.last(),
                    Some((_, Line::Question(_) | Line::Option { .. }))
                ) {
                    rows.lines.push((r, Line::Option { label }));
                } else {
                    rows.skipped.push(Skipped {
                        row: r + 1,
                        reason: Skip::OptionWithoutQuestion,
                    });
                }
            }
            Found::GivenSection(title) => {
                section_count += 1;
                section_number = None;
                rows.lines.push((r, Line::Section { title }));
            }
            Found::GivenOption(label) => rows.lines.push((r, Line::Option { label })),
            Found::Section(title) => {
                section_count += 1;
                section_number = None;
                rows.lines.push((r, Line::Section { title }));
            }
            // A lone title just before the first numbered row, or among questions.
            Found::Lone(title) if started || first_numbered == Some(i + 1) => {
                section_count += 1;
                section_number = None;
                rows.lines.push((r, Line::Section { title }));
            }
            Found::Numbered(n) if rows.first_question_row.is_some() => {
                rows.skipped.push(Skipped {
                    row: r + 1,
                    reason: Skip::NotAQuestion {
                        number: n.number.printed,
                        text: short(&n.text),
                    },
                });
            }
            Found::Numbered(n) => not_a_row(&mut rows, r, &n.text),
            Found::Label(text) if started => not_a_row(&mut rows, r, &text),
            Found::Label(_) => {}
            Found::Option(text) | Found::Lone(text) | Found::Other(text) => {
                not_a_row(&mut rows, r, &text)
            }
        }
    }
    rows
}

/// A row that is none of the kinds: a title before the first question, reported after it.
fn not_a_row(rows: &mut Rows, r: u32, text: &str) {
    if rows.first_question_row.is_none() {
        rows.title_texts.push(text.to_string());
    } else {
        rows.skipped.push(Skipped {
            row: r + 1,
            reason: Skip::NotARow { text: short(text) },
        });
    }
}

/// The first pass: what each non-empty row holds on its own.
fn first_pass(
    layout: &Layout,
    vocab: &Vocabulary,
    headings: &HeadingRoles,
    given: &Given<'_>,
) -> Vec<(u32, Found)> {
    let grid = &layout.grid;
    let mut found = Vec::new();
    // The category the last item stood under (a category column the headings name).
    let mut category_open: Option<String> = None;
    let mut r = layout.first_row;
    while r <= layout.last_row {
        let row = r;
        r += 1;
        if headings.row == Some(row) {
            continue;
        }
        let cells = grid.cells(row);
        let Some(&(_, first_text)) = cells.first() else {
            continue;
        };
        let joined = || cells.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" ");
        let role = given.mapping.row_role(row + 1);
        match role {
            Some(RowKindGiven::Skip) => continue,
            Some(RowKindGiven::Section) => {
                found.push((row, Found::GivenSection(joined())));
                continue;
            }
            Some(RowKindGiven::Option) => {
                let label = vocab.option_label(&cells).map_or_else(&joined, |(_, l)| l);
                found.push((row, Found::GivenOption(label)));
                continue;
            }
            Some(RowKindGiven::Question) | None => {}
        }
        let by_columns = given_cells(grid, row, given);
        let given_question = role == Some(RowKindGiven::Question) || by_columns.is_some();
        // A header label first (製造業者名 | 0 ぁ): its value is never a numbered row.
        let label_first =
            vocab.header_field(first_text).is_some() || vocab.label_and_value(first_text).is_some();
        if label_first && role.is_none() && by_columns.is_none() {
            found.push((
                row,
                Found::Label(cells.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" ")),
            ));
            continue;
        }
        let numbered = row_question(
            (grid, row, &cells),
            (headings, vocab),
            (by_columns, role),
            &mut category_open,
            &mut found,
        );
        if let Some(q) = numbered {
            // A number or text merged down takes the rows below with it.
            let last_row = grid
                .merged_down(row, q.number_col)
                .max(grid.merged_down(row, q.text_col))
                .min(layout.last_row);
            let mut text = q.text.clone();
            for below in row + 1..=last_row {
                let more = grid.get(below, q.text_col).trim();
                if !more.is_empty() && q.text_col != q.number_col {
                    text.push_str(more);
                }
            }
            r = last_row + 1;
            let title_across = grid.merge_at(row, q.text_col).is_some_and(|m| {
                let answer_cols: Vec<u16> = headings
                    .answer
                    .into_iter()
                    .chain(headings.marks.into_iter().flatten())
                    .collect();
                m.last_col > m.first_col
                    && cells.iter().all(|(c, _)| *c <= m.last_col)
                    && answer_cols
                        .iter()
                        .all(|c| (m.first_col..=m.last_col).contains(c))
            });
            found.push((
                row,
                Found::Numbered(Numbered {
                    row,
                    title_across,
                    given: given_question,
                    question_like: looks_like_question(&text),
                    number: q.number,
                    text,
                    number_col: q.number_col,
                    text_col: q.text_col,
                    last_row,
                }),
            ));
            continue;
        }
        if let Some((_, label)) = vocab.option_label(&cells) {
            found.push((row, Found::Option(label)));
            continue;
        }
        let is_label_row = cells
            .iter()
            .any(|(_, v)| vocab.header_field(v).is_some() || vocab.label_and_value(v).is_some());
        let has_answer_word = cells.iter().any(|(_, v)| vocab.answer_word(v).is_some());
        if !is_label_row
            && !has_answer_word
            && let (body, Some(refs)) = split_trailing_ref(first_text)
            && !body.trim().is_empty()
            && !refs.refs.is_empty()
        {
            found.push((row, Found::Section(first_text.to_string())));
            continue;
        }
        let lone = cells.len() == 1
            && !is_label_row
            && !has_answer_word
            && has_japanese(first_text)
            && first_text.chars().count() <= 60
            && !first_text.starts_with(['※', '注', '*', '＊'])
            && vocab.heading_role(first_text).is_none()
            && !vocab.is_title(first_text);
        found.push((
            row,
            if lone {
                Found::Lone(first_text.to_string())
            } else if is_label_row {
                Found::Label(joined())
            } else {
                Found::Other(joined())
            },
        ));
    }
    found
}

/// The number and text of a row's question — in the columns the mapping names, those the
/// headings name (No. | 区分 | 確認事項 | 回答), an item beside a category merged down, or
/// the row's first cells — with the section a new category opens pushed before it.
fn row_question(
    (grid, row, cells): (&super::super::grid::Grid, u32, &[(u16, &str)]),
    (headings, vocab): (&HeadingRoles, &Vocabulary),
    (by_columns, role): (Option<QuestionCells>, Option<RowKindGiven>),
    category_open: &mut Option<String>,
    found: &mut Vec<(u32, Found)>,
) -> Option<QuestionCells> {
    let by_headings = by_columns
        .is_none()
        .then(|| heading_cells(grid, row, headings))
        .flatten();
    // A category column the headings name: a new value (merged down over its items, or
    // repeated on each row) opens a section on this row.
    if by_headings.is_some()
        && let Some(title) = category_cell(grid, row, headings)
        && vocab.answer_word(title).is_none()
        && !vocab.is_mark(title)
        && category_open.as_deref() != Some(title)
    {
        *category_open = Some(title.to_string());
        found.push((row, Found::Section(title.to_string())));
    }
    // A category merged down beside its items ((1)(2)… in their own column): the category
    // opens a section on this row, the item is the question.
    let category = (by_columns.is_none() && by_headings.is_none())
        .then(|| category_and_item(grid, row, cells))
        .flatten();
    if let Some((title, _)) = &category {
        found.push((row, Found::Section(title.clone())));
    }
    by_columns
        .or(by_headings)
        .or_else(|| category.map(|(_, item)| item))
        .or_else(|| numbered_cells(cells).filter(|q| vocab.header_field(&q.text).is_none()))
        .or_else(|| {
            (role == Some(RowKindGiven::Question))
                .then(|| any_cells(cells))
                .flatten()
        })
}

/// A category merged down over several rows (its number and title in the leading cells) with
/// an item of its own numbering right of it on this row (`1 体制` | `(1)` | text): the
/// category's title and the item.
fn category_and_item(
    grid: &super::super::grid::Grid,
    row: u32,
    cells: &[(u16, &str)],
) -> Option<(String, QuestionCells)> {
    let lead = cells
        .iter()
        .take_while(|(c, _)| grid.merged_down(row, *c) > row)
        .count();
    if lead == 0 {
        return None;
    }
    let (head, rest) = (cells.get(..lead)?, cells.get(lead..)?);
    let item = numbered_cells(rest).filter(|q| grid.merged_down(row, q.number_col) == row)?;
    let title = head.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" ");
    Some((title, item))
}

/// A row's number and text in the columns the headings name, when they name both (and not
/// one column for both): a number as shown and a text with words.
fn heading_cells(
    grid: &super::super::grid::Grid,
    row: u32,
    headings: &HeadingRoles,
) -> Option<QuestionCells> {
    let (nc, tc) = (headings.number?, headings.text?);
    let text = grid.get(row, tc).trim();
    // A number merged further down than the text is a category's (1 体制 beside its items
    // (1)(2)…), not this row's question's.
    if nc == tc || !has_words(text) || grid.merged_down(row, nc) > grid.merged_down(row, tc) {
        return None;
    }
    Some(QuestionCells {
        number: parse_number(grid.get(row, nc))?,
        number_col: nc,
        text: text.to_string(),
        text_col: tc,
    })
}

/// The category of a row in the column the headings name (not the number or text column).
fn category_cell<'g>(
    grid: &'g super::super::grid::Grid,
    row: u32,
    headings: &HeadingRoles,
) -> Option<&'g str> {
    let c = headings.category?;
    if Some(c) == headings.number || Some(c) == headings.text {
        return None;
    }
    Some(grid.get(row, c).trim()).filter(|t| !t.is_empty())
}

/// A row's number and text in the columns the user named (both cells filled).
fn given_cells(
    grid: &super::super::grid::Grid,
    row: u32,
    given: &Given<'_>,
) -> Option<QuestionCells> {
    let (nc, tc) = (given.number_col?, given.text_col?);
    let text = grid.get(row, tc).trim();
    if text.is_empty() {
        return None;
    }
    Some(QuestionCells {
        number: given_number(grid.get(row, nc))?,
        number_col: nc,
        text: text.to_string(),
        text_col: tc,
    })
}

/// A row the user said is a question, whatever its shape: its first cell is the number, the
/// next its text (a lone cell is both).
fn any_cells(cells: &[(u16, &str)]) -> Option<QuestionCells> {
    let (nc, first) = cells.first()?;
    let (tc, text) = cells.get(1).copied().unwrap_or((*nc, first));
    Some(QuestionCells {
        number: given_number(first)?,
        number_col: *nc,
        text: text.to_string(),
        text_col: tc,
    })
}

/// Numbered rows that are sections: a title merged across the answer cells with numbering
/// below continuing its own; or text that is not a question, and the numbering below
/// them continues theirs (`1` above `1-1` or `1.1`), or restarts in another style (`2` above
/// `(1)`). Without headings naming the columns, a numbered row that reads as no question and
/// opens no numbering stays unclassified.
fn section_rows(found: &[(u32, Found)]) -> HashSet<u32> {
    let numbered: Vec<&Numbered> = found
        .iter()
        .filter_map(|(_, f)| match f {
            Found::Numbered(n) => Some(n),
            _ => None,
        })
        .collect();
    let mut sections = HashSet::new();
    for (i, n) in numbered.iter().enumerate() {
        let Some(next) = numbered.get(i + 1) else {
            continue;
        };
        if n.given {
            continue;
        }
        // A numbered title merged across the answer cells, numbering continuing below it
        // (1 → 1.1): a section, even when it cites a chapter as questions do.
        if n.title_across && next.number.key.starts_with(&format!("{}.", n.number.key)) {
            sections.insert(n.row);
            continue;
        }
        if n.question_like {
            continue;
        }
        let child = next.number.key.starts_with(&format!("{}.", n.number.key))
            && next.number.style != n.number.style
            || next.number.style.is_relative() && !n.number.style.is_relative();
        let dotted_child =
            next.number.key.starts_with(&format!("{}.", n.number.key)) && next.question_like;
        if child || dotted_child {
            sections.insert(n.row);
        }
    }
    sections
}

/// Whether numbering in a relative style ((1), ①) restarts: the same number appears twice.
fn restarts(found: &[(u32, Found)], sections: &HashSet<u32>) -> bool {
    let mut seen = HashSet::new();
    found.iter().any(|(_, f)| match f {
        Found::Numbered(n) if n.number.style.is_relative() && !sections.contains(&n.row) => {
            !seen.insert(n.number.key.clone())
        }
        _ => false,
    })
}
