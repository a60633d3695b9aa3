//! The second phase of detection: column headings above the first question (No. / 設問 /
//! 参照 / 回答 / はい・いいえ・対象外 / 備考 / 確認日 …) and the roles they give their columns.

use super::super::vocabulary::{Role, Vocabulary};
use super::sheet::Layout;
use super::words::numbered_cells;
use crate::domain::catalogue::Kind;

/// Heading rows are looked for among this many rows at most.
const HEADING_SEARCH_ROWS: u32 = 200;

/// The columns the headings name (0-based); later heading rows win.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct HeadingRoles {
    /// The last row holding headings.
    pub row: Option<u32>,
    pub number: Option<u16>,
    pub text: Option<u16>,
    pub reference: Option<u16>,
    pub answer: Option<u16>,
    /// The rightmost 備考 heading (the input column when there are two).
    pub remark: Option<u16>,
    pub date: Option<u16>,
    /// The target date column (目標日).
    pub due_date: Option<u16>,
    /// The category column (分類, 区分) beside the items.
    pub category: Option<u16>,
    /// The columns marking each form's questions (MDS対象, SDS対象).
    pub form_mds: Option<u16>,
    pub form_sds: Option<u16>,
    /// はい, いいえ, 対象外 headings in one row.
    pub marks: Option<[u16; 3]>,
}

impl HeadingRoles {
    /// Headings say which columns hold the number and the text: numbered rows are questions
    /// whatever their text ends with.
    pub(super) fn names_questions(&self) -> bool {
        self.number.is_some() || self.text.is_some()
    }
}

/// Finds the heading rows before the first numbered row.
pub(super) fn find_headings(layout: &Layout, vocab: &Vocabulary) -> HeadingRoles {
    let grid = &layout.grid;
    let mut found = HeadingRoles::default();
    let end = layout
        .last_row
        .min(layout.first_row.saturating_add(HEADING_SEARCH_ROWS));
    for r in layout.first_row..=end {
        let cells = grid.cells(r);
        // A header row (事業者名 | 0 ぁ) is no heading, and its value no first question.
        let first = cells.first().map_or("", |(_, v)| *v);
        if vocab.header_field(first).is_some() || vocab.label_and_value(first).is_some() {
            continue;
        }
        if numbered_cells(&cells).is_some() {
            break;
        }
        let roles: Vec<(u16, Role)> = cells
            .iter()
            .filter_map(|(c, v)| vocab.heading_role(v).map(|role| (*c, role)))
            .collect();
        let col = |role: Role| roles.iter().find(|(_, r)| *r == role).map(|(c, _)| *c);
        if let (Some(y), Some(n), Some(na)) =
            (col(Role::Yes), col(Role::No), col(Role::NotApplicable))
        {
            found.marks = Some([y, n, na]);
            found.row = Some(r);
        }
        let named = roles
            .iter()
            .filter(|(_, role)| !matches!(role, Role::Yes | Role::No | Role::NotApplicable))
            .count();
        if named == 0 || (named < 2 && cells.len() > 2) {
            continue;
        }
        found.row = Some(r);
        for (c, role) in &roles {
            let slot = match role {
                Role::Number => &mut found.number,
                Role::Text => &mut found.text,
                Role::Reference => &mut found.reference,
                Role::Answer => &mut found.answer,
                Role::Date => &mut found.date,
                Role::DueDate => &mut found.due_date,
                Role::Category => &mut found.category,
                Role::Form(Kind::Mds) => &mut found.form_mds,
                Role::Form(Kind::Sds) => &mut found.form_sds,
                Role::Form(Kind::Checklist | Kind::Appendix) => continue,
                Role::Remark => {
                    found.remark = Some(found.remark.filter(|old| *old > *c).unwrap_or(*c));
                    continue;
                }
                Role::Yes | Role::No | Role::NotApplicable => continue,
            };
            *slot = Some(*c);
        }
    }
    // A 回答 heading over the はい・いいえ・対象外 columns (merged above them) names the marks,
    // not a column of answer words.
    if let (Some(a), Some(m)) = (found.answer, found.marks) {
        let (lo, hi) = (m.iter().min().copied(), m.iter().max().copied());
        if lo.zip(hi).is_some_and(|(lo, hi)| (lo..=hi).contains(&a)) {
            found.answer = None;
        }
    }
    found
}
