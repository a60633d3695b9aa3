//! The mapping wizard's changes: the user picks the sheet, gives a column a role, sets the
//! first or last row read, or names a header value cell, on the grid of the sheet; each change
//! goes into the preview's mapping and the workbook is read again at once. A preview changed
//! this way is remembered for its layout when it is taken (see `AppState::import`).

use crate::domain::catalogue::Kind;
use crate::domain::project::{AnswerDate, HeaderField};
use crate::domain::source::{MAX_ROW_RANGES, RowKindGiven, RowRole};
use crate::io::xlsx::{Mapping, col_name};

/// What a column holds, as the user says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    /// Answer words (はい/いいえ/対象外, 該当/非該当).
    Answer,
    /// The mark of one answer: 0 はい, 1 いいえ, 2 対象外.
    Mark(usize),
    Remark,
    Reference,
    /// The question numbers.
    Number,
    /// The question texts.
    Text,
    /// Each answer's 確認日 or 目標日.
    Date(AnswerDate),
    /// None of these (the column is taken out of every role).
    Nothing,
}

impl ColumnRole {
    pub const ALL: [ColumnRole; 11] = [
        ColumnRole::Number,
        ColumnRole::Text,
        ColumnRole::Answer,
        ColumnRole::Mark(0),
        ColumnRole::Mark(1),
        ColumnRole::Mark(2),
        ColumnRole::Remark,
        ColumnRole::Reference,
        ColumnRole::Date(AnswerDate::Checked),
        ColumnRole::Date(AnswerDate::Due),
        ColumnRole::Nothing,
    ];

    /// The message id of the menu entry that sets it.
    pub fn message_id(self) -> &'static str {
        match self {
            ColumnRole::Answer => "wizard-role-answer",
            ColumnRole::Mark(0) => "wizard-role-yes",
            ColumnRole::Mark(1) => "wizard-role-no",
            ColumnRole::Mark(_) => "wizard-role-na",
            ColumnRole::Remark => "wizard-role-remark",
            ColumnRole::Reference => "wizard-role-reference",
            ColumnRole::Number => "wizard-role-number",
            ColumnRole::Text => "wizard-role-text",
            ColumnRole::Date(AnswerDate::Checked) => "wizard-role-checked-on",
            ColumnRole::Date(AnswerDate::Due) => "wizard-role-due-on",
            ColumnRole::Nothing => "wizard-role-nothing",
        }
    }
}

/// One change to the mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapChange {
    Sheet(String),
    Column(u16, ColumnRole),
    /// The first / last row read (0-based).
    FirstRow(u32),
    LastRow(u32),
    /// A header field's value is in this cell (0-based) of the shown sheet.
    HeaderCell(HeaderField, u32, u16),
    /// The workbook is read as this form (MDS or SDS).
    Form(Kind),
    /// Rows `first..=last` (0-based) are of this kind.
    Rows {
        first: u32,
        last: u32,
        role: RowKindGiven,
    },
}

/// The message id of the menu entry that gives rows a kind.
pub fn row_kind_message_id(role: RowKindGiven) -> &'static str {
    match role {
        RowKindGiven::Section => "wizard-rows-section",
        RowKindGiven::Question => "wizard-rows-question",
        RowKindGiven::Option => "wizard-rows-option",
        RowKindGiven::Skip => "wizard-rows-skip",
    }
}

/// The mapping with one change made.
pub fn changed(mut m: Mapping, change: &MapChange) -> Mapping {
    match change {
        MapChange::Sheet(sheet) => {
            // Another sheet has its own columns and rows: detected afresh.
            return Mapping {
                sheet: Some(sheet.clone()),
                ..Mapping::default()
            };
        }
        MapChange::Column(col, role) => set_column(&mut m, *col, *role),
        MapChange::Form(kind) => m.form = Some(*kind),
        MapChange::FirstRow(r) => {
            m.first_row = Some(r + 1);
            m.last_row = m.last_row.filter(|l| *l > *r);
        }
        MapChange::LastRow(r) => {
            m.last_row = Some(r + 1);
            m.first_row = m.first_row.filter(|f| *f <= r + 1);
        }
        MapChange::Rows { first, last, role } => {
            let (first, last) = (first.min(last) + 1, first.max(last) + 1);
            m.rows.retain(|r| !(r.first >= first && r.last <= last));
            if m.rows.len() >= MAX_ROW_RANGES {
                m.rows.remove(0);
            }
            m.rows.push(RowRole {
                first,
                last,
                role: *role,
            });
        }
        MapChange::HeaderCell(field, r, c) => {
            let cell = format!("{}{}", col_name(*c), r + 1);
            m.header.retain(|_, v| *v != cell);
            m.header.insert(field.key().to_string(), cell);
        }
    }
    m
}

/// Gives `col` a role; it leaves every other role it had.
fn set_column(m: &mut Mapping, col: u16, role: ColumnRole) {
    let name = col_name(col);
    let is = |c: &Option<String>| c.as_deref() == Some(name.as_str());
    if is(&m.flag_column) {
        m.flag_column = None;
    }
    if is(&m.remark_column) {
        m.remark_column = None;
    }
    if is(&m.reference_column) {
        m.reference_column = None;
    }
    if is(&m.number_column) {
        m.number_column = None;
    }
    if is(&m.text_column) {
        m.text_column = None;
    }
    if is(&m.date_column) {
        m.date_column = None;
    }
    if is(&m.due_date_column) {
        m.due_date_column = None;
    }
    // Marks come as a whole set: a column leaving it takes the set with it.
    let in_marks = m.mark_columns.as_ref().is_some_and(|ms| ms.contains(&name));
    if in_marks && !matches!(role, ColumnRole::Mark(_)) {
        m.mark_columns = None;
    }
    match role {
        ColumnRole::Answer => {
            m.flag_column = Some(name);
            m.mark_columns = None;
        }
        ColumnRole::Mark(i) => {
            // The usual layout has はい・いいえ・対象外 side by side: the others follow (to
            // the right when there is no room on the left).
            let mut marks = m.mark_columns.clone().unwrap_or_else(|| {
                [0u16, 1, 2].map(|k| {
                    let at = i32::from(col) + i32::from(k) - i as i32;
                    let at = if at < 0 {
                        i32::from(col) + 3 + i32::from(k)
                    } else {
                        at
                    };
                    col_name(u16::try_from(at).unwrap_or(col))
                })
            });
            // A column is one answer's marks only: one already holding it takes this slot's.
            if let Some(j) = marks.iter().position(|c| *c == name).filter(|j| *j != i)
                && let Some(old) = marks.get(i).cloned()
                && let Some(slot) = marks.get_mut(j)
            {
                *slot = old;
            }
            if let Some(slot) = marks.get_mut(i) {
                *slot = name;
            }
            m.mark_columns = Some(marks);
            m.flag_column = None;
        }
        ColumnRole::Remark => m.remark_column = Some(name),
        ColumnRole::Reference => m.reference_column = Some(name),
        ColumnRole::Number => m.number_column = Some(name),
        ColumnRole::Text => m.text_column = Some(name),
        ColumnRole::Date(AnswerDate::Checked) => m.date_column = Some(name),
        ColumnRole::Date(AnswerDate::Due) => m.due_date_column = Some(name),
        ColumnRole::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Mapping {
        Mapping {
            sheet: Some("S".into()),
            flag_column: Some("C".into()),
            remark_column: Some("D".into()),
            first_row: Some(3),
            last_row: Some(40),
            ..Mapping::default()
        }
    }

    #[test]
    fn a_column_takes_one_role_and_leaves_the_others() {
        let x = changed(m(), &MapChange::Column(3, ColumnRole::Answer));
        assert_eq!(x.flag_column.as_deref(), Some("D"));
        assert_eq!(x.remark_column, None);
        let x = changed(m(), &MapChange::Column(2, ColumnRole::Nothing));
        assert_eq!(x.flag_column, None);
        assert_eq!(x.remark_column.as_deref(), Some("D"));
    }

    #[test]
    fn a_mark_column_brings_its_neighbours_and_drops_the_answer_column() {
        let x = changed(m(), &MapChange::Column(4, ColumnRole::Mark(0)));
        assert_eq!(
            x.mark_columns,
            Some(["E".to_string(), "F".to_string(), "G".to_string()])
        );
        assert_eq!(x.flag_column, None);
        let y = changed(x, &MapChange::Column(8, ColumnRole::Mark(2)));
        assert_eq!(
            y.mark_columns,
            Some(["E".to_string(), "F".to_string(), "I".to_string()])
        );
        // A column already holding another answer's marks swaps with it.
        let w = changed(y.clone(), &MapChange::Column(5, ColumnRole::Mark(0)));
        assert_eq!(
            w.mark_columns,
            Some(["F".to_string(), "E".to_string(), "I".to_string()])
        );
        // No room on the left: the others go to the right, all distinct.
        let v = changed(
            Mapping::default(),
            &MapChange::Column(0, ColumnRole::Mark(2)),
        );
        assert_eq!(
            v.mark_columns,
            Some(["D".to_string(), "E".to_string(), "A".to_string()])
        );
        let z = changed(y, &MapChange::Column(5, ColumnRole::Remark));
        assert_eq!(z.mark_columns, None);
        assert_eq!(z.remark_column.as_deref(), Some("F"));
    }

    #[test]
    fn rows_stay_in_order_and_another_sheet_starts_afresh() {
        let x = changed(m(), &MapChange::FirstRow(49));
        assert_eq!((x.first_row, x.last_row), (Some(50), None));
        let x = changed(m(), &MapChange::LastRow(1));
        assert_eq!((x.first_row, x.last_row), (None, Some(2)));
        let x = changed(m(), &MapChange::Sheet("T".into()));
        assert_eq!(
            x,
            Mapping {
                sheet: Some("T".into()),
                ..Mapping::default()
            }
        );
        let x = changed(
            m(),
            &MapChange::Rows {
                first: 5,
                last: 2,
                role: RowKindGiven::Section,
            },
        );
        assert_eq!(x.row_role(3), Some(RowKindGiven::Section));
        assert_eq!(x.row_role(6), Some(RowKindGiven::Section));
        assert_eq!(x.row_role(7), None);
        // A later range inside replaces what it covers; one row within a range wins over it.
        let y = changed(
            x.clone(),
            &MapChange::Rows {
                first: 3,
                last: 3,
                role: RowKindGiven::Skip,
            },
        );
        assert_eq!(y.row_role(4), Some(RowKindGiven::Skip));
        assert_eq!(y.row_role(5), Some(RowKindGiven::Section));
        let z = changed(
            y,
            &MapChange::Rows {
                first: 0,
                last: 9,
                role: RowKindGiven::Question,
            },
        );
        assert_eq!(z.rows.len(), 1);
        let c = changed(m(), &MapChange::Column(0, ColumnRole::Number));
        assert_eq!(c.number_column.as_deref(), Some("A"));
        assert_eq!(
            changed(c, &MapChange::Column(0, ColumnRole::Text)).number_column,
            None
        );
        let x = changed(m(), &MapChange::HeaderCell(HeaderField::Vendor, 1, 1));
        assert_eq!(x.header.get("vendor").map(String::as_str), Some("B2"));
    }
}
