//! A list that marks which form each question belongs to (MDS対象 | SDS対象 columns): each
//! question gets its scope, and the statement keeps only the questions of its own form. The
//! others are said in the report (with their rows) and their cells are never written.

use std::collections::HashMap;

use super::super::grid::Grid;
use super::super::report::{ImportReport, Note};
use super::super::vocabulary::Vocabulary;
use super::build::Built;
use super::headings::HeadingRoles;
use crate::domain::catalogue::{Kind, Scope};

/// What a form column's cell says: marked (○, ●, 対象, 該当, Yes…), or not (empty, ×, -,
/// 対象外, 非該当).
fn marked(cell: &str, vocab: &Vocabulary) -> bool {
    let c = cell.trim();
    if c.is_empty() || matches!(c, "×" | "✕" | "✗" | "x" | "X") || vocab.is_blank_remark(c) {
        return false;
    }
    match vocab.answer_word(c) {
        Some(a) => !matches!(
            a,
            crate::domain::answer::AnswerValue::No
                | crate::domain::answer::AnswerValue::NotApplicable
                | crate::domain::answer::AnswerValue::DoesNotApply
        ),
        None => vocab.is_mark(c) || c == "対象",
    }
}

/// The scope of a question on `row`: the forms its columns mark (none or both: both).
fn scope_of(grid: &Grid, row: u32, h: &HeadingRoles, vocab: &Vocabulary) -> Scope {
    let on = |col: Option<u16>| col.is_some_and(|c| marked(grid.get(row, c), vocab));
    match (on(h.form_mds), on(h.form_sds)) {
        (true, false) => Scope::Mds,
        (false, true) => Scope::Sds,
        _ => Scope::Both,
    }
}

/// Gives each question its scope from the form columns, and keeps only those of `kind` (with
/// their answers); the others are noted with their rows, which are returned (0-based).
pub(super) fn keep_form(
    built: &mut Built,
    grid: &Grid,
    (h, vocab): (&HeadingRoles, &Vocabulary),
    kind: Kind,
    report: &mut ImportReport,
) -> Vec<u32> {
    if h.form_mds.is_none() && h.form_sds.is_none() {
        return Vec::new();
    }
    let rows: HashMap<String, u32> = built.question_rows.clone();
    let mut left: Vec<(String, u32)> = Vec::new();
    for section in &mut built.sections {
        for q in &mut section.questions {
            if let Some(row) = rows.get(&q.id) {
                q.scope = scope_of(grid, *row, h, vocab);
            }
        }
        section.questions.retain(|q| {
            // A checklist of another kind keeps every question (with its scope).
            let ours = match q.scope {
                Scope::Both => true,
                Scope::Mds => kind != Kind::Sds,
                Scope::Sds => kind != Kind::Mds,
            };
            if !ours {
                left.push((q.number.clone(), rows.get(&q.id).copied().unwrap_or(0)));
            }
            ours
        });
    }
    if left.is_empty() {
        return Vec::new();
    }
    let kept: std::collections::HashSet<String> = built
        .sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .map(|q| q.id.clone())
        .collect();
    built.answers.retain(|a| kept.contains(a.question.as_str()));
    // A gate left out with its form: the questions under it are no longer gated by it.
    for q in built
        .sections
        .iter_mut()
        .flat_map(|s| s.questions.iter_mut())
    {
        if q.gate
            .as_ref()
            .is_some_and(|g| !kept.contains(g.question.as_str()))
        {
            q.gate = None;
        }
    }
    let other = if kind == Kind::Mds {
        Kind::Sds
    } else {
        Kind::Mds
    };
    report.notes.push(Note::OtherForm {
        form: kind,
        other,
        numbers: left
            .iter()
            .map(|(n, r)| format!("{n} ({})", u64::from(*r) + 1))
            .collect::<Vec<_>>()
            .join(", "),
        count: left.len(),
    });
    left.into_iter().map(|(_, r)| r).collect()
}
