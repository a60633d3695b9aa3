//! "What changed since the last submission" ([`Changes`]) as a printed table, shared by its PDF
//! (`io::pdf::changes_pdf`) and its workbook (`io::xlsx::changes_xlsx`): the words it is
//! printed in (from the caller, already in the user's language) and what each cell of a row
//! says, paragraph by paragraph, with how each paragraph looks.

use crate::domain::answer::AnswerValue;
use crate::domain::changes::{ChangeKind, ChangeRow, Changes, Named, Shown};
use crate::domain::form::fill;

/// The words of an answer value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueWords {
    pub unanswered: String,
    pub yes: String,
    pub no: String,
    pub na: String,
    pub applies: String,
    pub does_not_apply: String,
}

impl ValueWords {
    pub fn get(&self, v: AnswerValue) -> &str {
        match v {
            AnswerValue::Unanswered => &self.unanswered,
            AnswerValue::Yes => &self.yes,
            AnswerValue::No => &self.no,
            AnswerValue::NotApplicable => &self.na,
            AnswerValue::Applies => &self.applies,
            AnswerValue::DoesNotApply => &self.does_not_apply,
        }
    }
}

/// The words of a kind of change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindWords {
    pub new: String,
    pub reworded: String,
    pub answer: String,
    pub dropped: String,
}

impl KindWords {
    pub fn get(&self, k: ChangeKind) -> &str {
        match k {
            ChangeKind::New => &self.new,
            ChangeKind::Reworded => &self.reworded,
            ChangeKind::Answer => &self.answer,
            ChangeKind::Dropped => &self.dropped,
        }
    }
}

/// Everything the list of changes prints in words, in the user's language. Templates name
/// their blanks in braces (`{page}`), filled with [`fill`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangesWording {
    /// The title (the PDF's first page, the workbook's first row).
    pub title: String,
    /// The workbook's sheet name.
    pub sheet: String,
    /// Column headings: kind, number (now ← earlier), question, earlier answer, answer now.
    pub col_kind: String,
    pub col_number: String,
    pub col_question: String,
    pub col_before: String,
    pub col_after: String,
    pub kinds: KindWords,
    pub values: ValueWords,
    /// The header block's column headings: the earlier statement, this one.
    pub before: String,
    pub after: String,
    /// The header block's row labels.
    pub vendor: String,
    pub product: String,
    pub version: String,
    pub created: String,
    pub checklist: String,
    pub fingerprint: String,
    /// A checklist's title and version: `{title}`, `{version}`.
    pub checklist_value: String,
    /// Above the counts.
    pub counts: String,
    /// One kind's count: `{kind}`, `{count}`.
    pub count_item: String,
    /// The print date on every page: `{date}`.
    pub printed: String,
    /// Page numbers: `{page}`, `{pages}`.
    pub page: String,
    /// A number that changed: `{number}`, `{old}`.
    pub number_moved: String,
    /// The number of a question dropped: `{old}`.
    pub number_dropped: String,
    /// A reworded question's earlier wording: `{text}`.
    pub text_before: String,
    /// Its new wording, marked: `{text}`.
    pub text_after: String,
    /// The guideline reference: `{reference}`.
    pub reference: String,
    /// A reference that changed, the earlier one beside it: `{reference}`, `{old}`.
    pub reference_moved: String,
    /// The reference of a dropped question: `{old}`.
    pub reference_before: String,
    /// A remark: `{remark}`.
    pub remark: String,
    /// An answer's condition: `条件: {condition}`.
    pub condition: String,
    /// An option's answer: `{option}`, `{value}`.
    pub option: String,
    /// An answer cell with no answer (a new question's earlier one, a dropped one's now).
    pub none: String,
    /// Said when nothing changed.
    pub nothing: String,
}

/// How a paragraph of a cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Secondary: an earlier wording, a remark, an empty answer.
    Quiet,
    /// The new wording of a reworded question.
    Marked,
    /// An answer of いいえ: bold, not only coloured.
    Strong,
}

/// One paragraph of a cell (it wraps).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub tone: Tone,
}

fn para(text: impl Into<String>, tone: Tone) -> Para {
    Para {
        text: text.into(),
        tone,
    }
}

/// The column headings, in order.
pub fn column_headings(w: &ChangesWording) -> [&str; 5] {
    [
        &w.col_kind,
        &w.col_number,
        &w.col_question,
        &w.col_before,
        &w.col_after,
    ]
}

/// The number cell: the number now, with the earlier one when it differs.
pub fn number_text(row: &ChangeRow, w: &ChangesWording) -> String {
    let (now, old) = (row.number.trim(), row.old_number.trim());
    if now.is_empty() {
        fill(&w.number_dropped, &[("old", old)])
    } else if old.is_empty() || old == now {
        now.to_string()
    } else {
        fill(&w.number_moved, &[("number", now), ("old", old)])
    }
}

/// The question cell: the wording (a reworded question's earlier wording above its new one,
/// marked) and the reference (the earlier one beside it when it changed).
pub fn question_paras(row: &ChangeRow, w: &ChangesWording) -> Vec<Para> {
    let mut out = Vec::new();
    if row.kind == ChangeKind::Reworded {
        out.push(para(
            fill(&w.text_before, &[("text", &row.old_text)]),
            Tone::Quiet,
        ));
        out.push(para(
            fill(&w.text_after, &[("text", &row.text)]),
            Tone::Marked,
        ));
    } else {
        out.push(para(row.text.clone(), Tone::Plain));
    }
    let (now, old) = (bare(&row.reference), bare(&row.old_reference));
    let reference = if now.is_empty() && old.is_empty() {
        None
    } else if now.is_empty() {
        Some(fill(&w.reference_before, &[("old", old)]))
    } else if old.is_empty() || old == now {
        Some(fill(&w.reference, &[("reference", now)]))
    } else {
        Some(fill(
            &w.reference_moved,
            &[("reference", now), ("old", old)],
        ))
    };
    out.extend(reference.map(|r| para(r, Tone::Quiet)));
    out
}

/// A reference without the brackets it is written in on the form (「(6.2.C1)」 → 「6.2.C1」,
/// 「(8.3.C2(1)~(9))」 → 「8.3.C2(1)~(9)」); one whose brackets are not a pair around all of
/// it (「(1)~(5)」) as it is.
fn bare(reference: &str) -> &str {
    let r = reference.trim();
    let balanced = |inner: &str| {
        let mut depth = 0i32;
        inner.chars().all(|c| {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                _ => {}
            }
            depth >= 0
        }) && depth == 0
    };
    [('(', ')'), ('（', '）')]
        .into_iter()
        .find_map(|(open, close)| r.strip_prefix(open)?.strip_suffix(close))
        .filter(|inner| balanced(inner))
        .map(str::trim)
        .unwrap_or(r)
}

fn value_tone(v: AnswerValue) -> Tone {
    match v {
        AnswerValue::No => Tone::Strong,
        AnswerValue::Unanswered => Tone::Quiet,
        _ => Tone::Plain,
    }
}

/// An answer cell: the value (or each option's, as `label: value` lines) and the remark.
pub fn answer_paras(shown: Option<&Shown>, w: &ChangesWording) -> Vec<Para> {
    let Some(s) = shown else {
        return vec![para(w.none.clone(), Tone::Quiet)];
    };
    let mut out = Vec::new();
    if s.options.is_empty() || s.value.is_answered() {
        out.push(para(w.values.get(s.value), value_tone(s.value)));
    }
    if !s.condition.is_empty() {
        out.push(para(
            fill(&w.condition, &[("condition", s.condition.as_str())]),
            Tone::Plain,
        ));
    }
    for o in &s.options {
        let line = fill(
            &w.option,
            &[("option", &o.label), ("value", w.values.get(o.value))],
        );
        out.push(para(line, value_tone(o.value)));
        if !o.remark.is_empty() {
            out.push(para(
                fill(&w.remark, &[("remark", o.remark.as_str())]),
                Tone::Quiet,
            ));
        }
    }
    if !s.remark.trim().is_empty() {
        out.push(para(
            fill(&w.remark, &[("remark", s.remark.trim())]),
            Tone::Quiet,
        ));
    }
    out
}

/// The five cells of a row, in column order.
pub fn row_cells(row: &ChangeRow, w: &ChangesWording) -> [Vec<Para>; 5] {
    [
        vec![para(w.kinds.get(row.kind), Tone::Plain)],
        vec![para(number_text(row, w), Tone::Plain)],
        question_paras(row, w),
        answer_paras(row.before.as_ref(), w),
        answer_paras(row.after.as_ref(), w),
    ]
}

/// Where a row starts a section: its title when it differs from the previous row's.
pub fn section_starts(changes: &Changes) -> Vec<Option<&str>> {
    let mut last: Option<&str> = None;
    changes
        .rows
        .iter()
        .map(|r| {
            let here = r.section.as_str();
            let starts = last != Some(here);
            last = Some(here);
            starts.then_some(here)
        })
        .collect()
}

/// The header block: a label, then what the earlier statement and this one say.
pub fn header_block(c: &Changes, w: &ChangesWording) -> Vec<(String, String, String)> {
    let field =
        |label: &str, f: &dyn Fn(&Named) -> String| (label.to_string(), f(&c.before), f(&c.after));
    vec![
        field(&w.vendor, &|n| n.header.vendor.clone()),
        field(&w.product, &|n| n.header.product.clone()),
        field(&w.version, &|n| n.header.version.clone()),
        field(&w.created, &|n| n.header.created.clone()),
        field(&w.checklist, &|n| {
            fill(
                &w.checklist_value,
                &[
                    ("title", &n.catalogue_title),
                    ("version", &n.catalogue_version),
                ],
            )
        }),
        field(&w.fingerprint, &|n| n.fingerprint.clone()),
    ]
}

/// The counts per kind, on one line.
pub fn counts_line(c: &Changes, w: &ChangesWording) -> String {
    let items: Vec<String> = [
        ChangeKind::New,
        ChangeKind::Reworded,
        ChangeKind::Answer,
        ChangeKind::Dropped,
    ]
    .into_iter()
    .map(|k| {
        fill(
            &w.count_item,
            &[("kind", w.kinds.get(k)), ("count", &c.count(k).to_string())],
        )
    })
    .collect();
    format!("{}　{}", w.counts, items.join("　"))
}

/// The print date as printed on every page.
pub fn printed_line(w: &ChangesWording, printed: &jiff::Zoned) -> String {
    let date = printed.strftime("%Y-%m-%d %H:%M").to_string();
    fill(&w.printed, &[("date", &date)])
}

#[cfg(test)]
mod tests {
    use super::bare;

    #[test]
    fn a_reference_loses_only_the_brackets_around_all_of_it() {
        assert_eq!(bare(" (6.2.C1) "), "6.2.C1");
        assert_eq!(bare("（6.2.C1）"), "6.2.C1");
        assert_eq!(bare("(8.3.C2(1)~(9))"), "8.3.C2(1)~(9)");
        assert_eq!(bare("(1)~(5)"), "(1)~(5)");
        assert_eq!(bare("6.5.C1"), "6.5.C1");
        assert_eq!(bare(""), "");
    }
}
