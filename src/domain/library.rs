//! The answer library (回答集): an organisation's reviewed answers, kept apart from any one
//! statement so that every product's MDS/SDS and every other form a hospital asks for is filled
//! from the same facts. An [`Entry`] is one fact: the guideline references and the question
//! texts it answers, the answer (value, 備考, an optional condition), where it applies (every
//! product, or named ones), who owns it, when it was last verified, an optional target date for
//! a plan, and the statements it came from.
//!
//! Built from statements ([`entries_from`], [`LibraryEdit::Add`]), edited with undo like every
//! other document ([`LibraryEdit`]), used to fill a statement (`library_fill`) and to check
//! statements against each other and against it (`library_check`). The file format is in
//! `docs/FORMATS.md`.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::answer::{AnswerValue, OptionAnswer};
use super::catalogue::{AnswerKind, Catalogue, Question};
use super::edition::normalized_text;
use super::history::Editable;
use super::project::Project;
use super::text::fold_width;

pub const LIBRARY_FORMAT: &str = "kaijisho-library";
pub const LIBRARY_SCHEMA: u32 = 1;
/// The most entries a library holds.
pub const MAX_ENTRIES: usize = 20_000;
/// The longest text kept in one field of an entry (a spreadsheet cell holds 32,767).
pub const MAX_FIELD_CHARS: usize = 32_767;
/// The most references, texts, products or sources one entry lists.
pub const MAX_LIST: usize = 200;

/// The library file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub format: String,
    pub schema_version: u32,
    /// What the library is called (the organisation, a product line).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default)]
    pub entries: Vec<Entry>,
}

impl Default for Library {
    fn default() -> Self {
        Library {
            format: LIBRARY_FORMAT.to_string(),
            schema_version: LIBRARY_SCHEMA,
            name: String::new(),
            entries: Vec::new(),
        }
    }
}

/// One fact of the library and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Unique in the library (`e1`, `e2`, …); never reused.
    pub id: String,
    /// The guideline references the fact answers, as printed (`6.5.C1`, `シス14②`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// The question texts it has answered, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub texts: Vec<String>,
    #[serde(default)]
    pub value: AnswerValue,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remark: String,
    /// The condition the answer holds under (条件付き回答); empty: unconditional. A はい
    /// to this fact without a condition contradicts it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    /// Option label → answer, for a fact answered per option.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, OptionAnswer>,
    /// The products or services it applies to; empty: every one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it was last verified (YYYY-MM-DD as written).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verified_on: String,
    /// The date by which a planned measure is to be in place (e.g. guideline 7.0's 2FA by the
    /// next renewal); a はい relying on the plan after it is a finding.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_on: String,
    /// The statements it came from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<EntrySource>,
}

/// A statement's question an entry was taken from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntrySource {
    /// The statement's file name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub product: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// The checklist's title and version.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catalogue: String,
    /// The question's number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number: String,
}

/// Whether a product name is one of `scope` (width, case and spaces ignored).
pub fn in_scope(scope: &[String], product: &str) -> bool {
    let key = |s: &str| -> String {
        fold_width(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    scope.is_empty() || {
        let p = key(product);
        !p.is_empty() && scope.iter().any(|s| key(s) == p)
    }
}

impl Entry {
    /// Whether the entry applies to `product`.
    pub fn applies_to(&self, product: &str) -> bool {
        in_scope(&self.scope, product)
    }

    /// The kind of question the entry answers.
    pub fn kind(&self) -> AnswerKind {
        if !self.options.is_empty() {
            AnswerKind::Options(
                self.options
                    .keys()
                    .map(|l| super::catalogue::QOption {
                        id: l.clone(),
                        label: l.clone(),
                    })
                    .collect(),
            )
        } else if matches!(self.value, AnswerValue::Applies | AnswerValue::DoesNotApply) {
            AnswerKind::Gate
        } else {
            AnswerKind::YesNoNa
        }
    }

    /// Whether the entry says the same as another: value, remark, condition and options.
    pub fn same_answer(&self, other: &Entry) -> bool {
        self.value == other.value
            && self.remark.trim() == other.remark.trim()
            && self.condition.trim() == other.condition.trim()
            && self.options == other.options
    }

    /// The entry's references and texts, for a short description (`6.5.C1 …text`).
    pub fn title(&self) -> String {
        let text = self.texts.first().map(String::as_str).unwrap_or_default();
        match self.refs.is_empty() {
            true => text.to_string(),
            false => format!("{} {}", self.refs.join("・"), text),
        }
    }
}

/// Where a statement an entry is taken from is: its file name and header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatementInfo {
    pub file: String,
    pub product: String,
    pub version: String,
    pub catalogue: String,
}

impl StatementInfo {
    pub fn of(file: &str, c: &Catalogue, p: &Project) -> StatementInfo {
        StatementInfo {
            file: file.to_string(),
            product: p.header.product.clone(),
            version: p.header.version.clone(),
            catalogue: format!("{} {}", c.title, c.form_version).trim().to_string(),
        }
    }
}

/// The references a question cites, each as printed without its parentheses.
pub fn question_refs(q: &Question) -> Vec<String> {
    match &q.refs {
        Some(g) if !g.refs.is_empty() => g.refs.iter().map(|r| r.to_string()).collect(),
        Some(g) => {
            let raw = g.raw.trim().trim_start_matches(['(', '（']);
            let raw = raw.trim_end_matches([')', '）']).trim();
            if raw.is_empty() {
                Vec::new()
            } else {
                vec![raw.to_string()]
            }
        }
        None => Vec::new(),
    }
}

/// Whether a question's answer says anything worth keeping.
fn answered(q: &Question, p: &Project) -> bool {
    p.answer(&q.id).is_some_and(|a| match &q.answer {
        AnswerKind::Options(_) => a.options.values().any(|o| o.value.is_answered()),
        _ => a.value.is_answered(),
    })
}

/// An entry for each answered question of a statement (those in `only`, when given), in the
/// catalogue's order. Ids are left empty (the library numbers them when they are added);
/// `verified_on` is the day they are taken (the user chose them).
pub fn entries_from(
    c: &Catalogue,
    p: &Project,
    info: &StatementInfo,
    only: Option<&[String]>,
    today: &str,
) -> Vec<Entry> {
    c.questions()
        .filter(|q| only.is_none_or(|ids| ids.contains(&q.id)))
        .filter(|q| answered(q, p))
        .filter_map(|q| {
            let a = p.answer(&q.id)?;
            let options = q
                .answer
                .options()
                .iter()
                .filter_map(|o| Some((o.label.clone(), a.options.get(&o.id)?.clone())))
                .collect();
            Some(Entry {
                id: String::new(),
                refs: question_refs(q),
                texts: vec![q.text.clone()],
                value: a.value,
                remark: a.remark.clone(),
                condition: a.condition.clone(),
                options,
                scope: Vec::new(),
                owner: String::new(),
                verified_on: today.to_string(),
                target_on: a.due_on.clone(),
                sources: vec![EntrySource {
                    file: info.file.clone(),
                    product: info.product.clone(),
                    version: info.version.clone(),
                    catalogue: info.catalogue.clone(),
                    number: q.number_key(),
                }],
            })
        })
        .collect()
}

impl Library {
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The next free id (`e<n>`, one more than the largest in use).
    fn next_id(&self) -> u64 {
        self.entries
            .iter()
            .filter_map(|e| e.id.strip_prefix('e')?.parse::<u64>().ok())
            .max()
            .map_or(1, |n| n.saturating_add(1))
    }

    /// Adds entries: one that says the same as an entry already there about the same fact
    /// (the same references and a similar text, or without references the same text) with the
    /// same scope joins it (its texts and sources added); the others are numbered and appended.
    /// Entries are looked up by their references, so adding is linear in the entries.
    fn add(&mut self, new: &[Entry]) {
        let mut next = self.next_id();
        let mut by_key: HashMap<FactIndex, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            for k in index_keys(e) {
                by_key.entry(k).or_default().push(i);
            }
        }
        for n in new {
            let texts: Vec<String> = n.texts.iter().map(|t| normalized_text(t)).collect();
            let found = index_keys(n)
                .iter()
                .flat_map(|k| by_key.get(k).into_iter().flatten())
                .copied()
                .find(|&i| {
                    self.entries.get(i).is_some_and(|e| {
                        e.same_answer(n)
                            && e.scope == n.scope
                            && (n.refs.is_empty()
                                || e.texts.iter().any(|t| {
                                    let t = normalized_text(t);
                                    texts.iter().any(|x| {
                                        *x == t || super::edition::similarity(&t, x) >= 0.5
                                    })
                                }))
                    })
                });
            match found.and_then(|i| self.entries.get_mut(i)) {
                Some(e) => {
                    for t in &n.texts {
                        if !e.texts.contains(t) && e.texts.len() < MAX_LIST {
                            e.texts.push(t.clone());
                        }
                    }
                    for s in &n.sources {
                        if !e.sources.contains(s) && e.sources.len() < MAX_LIST {
                            e.sources.push(s.clone());
                        }
                    }
                    if n.verified_on > e.verified_on {
                        e.verified_on.clone_from(&n.verified_on);
                    }
                }
                None => {
                    let mut e = n.clone();
                    e.id = format!("e{next}");
                    next = next.saturating_add(1);
                    let at = self.entries.len();
                    for k in index_keys(&e) {
                        by_key.entry(k).or_default().push(at);
                    }
                    self.entries.push(e);
                }
            }
        }
    }
}

/// How [`Library::add`] finds an entry about the same fact: its references, or (without any)
/// each of its texts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FactIndex {
    Refs(Vec<String>),
    Text(String),
}

fn index_keys(e: &Entry) -> Vec<FactIndex> {
    if e.refs.is_empty() {
        e.texts
            .iter()
            .map(|t| FactIndex::Text(normalized_text(t)))
            .collect()
    } else {
        vec![FactIndex::Refs(e.refs.clone())]
    }
}

/// One field of an entry edited as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryField {
    Remark,
    Condition,
    Owner,
    VerifiedOn,
    TargetOn,
    /// The products, separated by `、` `,` or new lines.
    Scope,
    /// The references, separated by `、` `,` or new lines.
    Refs,
}

impl EntryField {
    pub const ALL: [EntryField; 7] = [
        EntryField::Refs,
        EntryField::Remark,
        EntryField::Condition,
        EntryField::Scope,
        EntryField::Owner,
        EntryField::VerifiedOn,
        EntryField::TargetOn,
    ];

    pub fn key(self) -> &'static str {
        match self {
            EntryField::Remark => "remark",
            EntryField::Condition => "condition",
            EntryField::Owner => "owner",
            EntryField::VerifiedOn => "verified_on",
            EntryField::TargetOn => "target_on",
            EntryField::Scope => "scope",
            EntryField::Refs => "refs",
        }
    }

    /// Whether the field is a list written as text.
    pub fn is_list(self) -> bool {
        matches!(self, EntryField::Scope | EntryField::Refs)
    }
}

/// A list field as text: its items joined by `、`.
pub fn list_text(items: &[String]) -> String {
    items.join("、")
}

/// A list typed as text: items separated by `、` `,` `，` or new lines, trimmed, blanks left out.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split(['、', ',', '，', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Entry {
    /// A text field as shown for editing.
    pub fn field(&self, f: EntryField) -> String {
        match f {
            EntryField::Remark => self.remark.clone(),
            EntryField::Condition => self.condition.clone(),
            EntryField::Owner => self.owner.clone(),
            EntryField::VerifiedOn => self.verified_on.clone(),
            EntryField::TargetOn => self.target_on.clone(),
            EntryField::Scope => list_text(&self.scope),
            EntryField::Refs => list_text(&self.refs),
        }
    }

    fn set_field(&mut self, f: EntryField, text: &str) {
        let s = text.to_string();
        match f {
            EntryField::Remark => self.remark = s,
            EntryField::Condition => self.condition = s,
            EntryField::Owner => self.owner = s,
            EntryField::VerifiedOn => self.verified_on = s,
            EntryField::TargetOn => self.target_on = s,
            EntryField::Scope => self.scope = parse_list(text),
            EntryField::Refs => self.refs = parse_list(text),
        }
    }
}

/// One change to a library.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryEdit {
    /// The library's name.
    Name(String),
    /// Entries taken from statements (an entry saying the same about the same fact joins it).
    Add(Vec<Entry>),
    /// Removes an entry.
    Remove(String),
    /// An entry's answer value.
    Value { entry: String, value: AnswerValue },
    /// One text field of an entry.
    Field {
        entry: String,
        field: EntryField,
        text: String,
    },
}

/// What a library edit replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryPrior {
    Name(String),
    Entries(Vec<Entry>),
    Entry { at: usize, entry: Box<Entry> },
}

/// Why a library edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryEditError {
    #[error("no entry {0}")]
    NoEntry(String),
    #[error("at most {max} characters")]
    TooLong { max: usize },
    #[error("at most {max} items")]
    TooManyItems { max: usize },
    #[error("at most {max} entries")]
    TooManyEntries { max: usize },
    #[error("an entry answered per option takes no value of its own")]
    PerOption,
    #[error("a condition belongs to a はい/いいえ/対象外 answer")]
    NoCondition,
}

fn check_text(text: &str) -> Result<(), LibraryEditError> {
    if text.chars().count() > MAX_FIELD_CHARS {
        return Err(LibraryEditError::TooLong {
            max: MAX_FIELD_CHARS,
        });
    }
    Ok(())
}

impl Library {
    fn position(&self, id: &str) -> Result<usize, LibraryEditError> {
        self.entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| LibraryEditError::NoEntry(id.to_string()))
    }

    fn found(&self, id: &str) -> Result<&Entry, LibraryEditError> {
        self.entry(id)
            .ok_or_else(|| LibraryEditError::NoEntry(id.to_string()))
    }

    fn found_mut(&mut self, id: &str) -> Result<&mut Entry, LibraryEditError> {
        self.entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| LibraryEditError::NoEntry(id.to_string()))
    }

    /// Checks an edit without changing anything.
    fn check(&self, edit: &LibraryEdit) -> Result<(), LibraryEditError> {
        match edit {
            LibraryEdit::Name(text) => check_text(text),
            LibraryEdit::Add(new) => {
                if self.entries.len().saturating_add(new.len()) > MAX_ENTRIES {
                    return Err(LibraryEditError::TooManyEntries { max: MAX_ENTRIES });
                }
                new.iter().try_for_each(check_entry)
            }
            LibraryEdit::Remove(id) => self.position(id).map(|_| ()),
            LibraryEdit::Value { entry, .. } => {
                let e = self.found(entry)?;
                match e.options.is_empty() {
                    true => Ok(()),
                    false => Err(LibraryEditError::PerOption),
                }
            }
            LibraryEdit::Field { entry, field, text } => {
                let e = self.found(entry)?;
                check_text(text)?;
                if field.is_list() && parse_list(text).len() > MAX_LIST {
                    return Err(LibraryEditError::TooManyItems { max: MAX_LIST });
                }
                if *field == EntryField::Condition
                    && !text.is_empty()
                    && !matches!(e.kind(), AnswerKind::YesNoNa)
                {
                    return Err(LibraryEditError::NoCondition);
                }
                Ok(())
            }
        }
    }
}

/// An entry read from elsewhere: its fields within the limits.
pub(super) fn check_entry(e: &Entry) -> Result<(), LibraryEditError> {
    for f in [
        &e.remark,
        &e.condition,
        &e.owner,
        &e.verified_on,
        &e.target_on,
    ] {
        check_text(f)?;
    }
    for list in [e.refs.len(), e.texts.len(), e.scope.len(), e.sources.len()] {
        if list > MAX_LIST {
            return Err(LibraryEditError::TooManyItems { max: MAX_LIST });
        }
    }
    e.texts.iter().try_for_each(|t| check_text(t))
}

impl Editable for Library {
    type Edit = LibraryEdit;
    type Prior = LibraryPrior;
    type Error = LibraryEditError;
    type Context = ();

    fn apply_edit(
        &mut self,
        _: &(),
        edit: &LibraryEdit,
    ) -> Result<Option<LibraryPrior>, LibraryEditError> {
        self.check(edit)?;
        let prior = self.snapshot(edit);
        match edit {
            LibraryEdit::Name(text) => self.name.clone_from(text),
            LibraryEdit::Add(new) => self.add(new),
            LibraryEdit::Remove(id) => {
                let at = self.position(id)?;
                self.entries.remove(at);
            }
            LibraryEdit::Value { entry, value } => {
                let e = self.found_mut(entry)?;
                e.value = *value;
                if !matches!(e.kind(), AnswerKind::YesNoNa) {
                    e.condition.clear();
                }
            }
            LibraryEdit::Field { entry, field, text } => {
                self.found_mut(entry)?.set_field(*field, text);
            }
        }
        Ok((self.snapshot(edit) != prior).then_some(prior))
    }

    fn snapshot(&self, edit: &LibraryEdit) -> LibraryPrior {
        match edit {
            LibraryEdit::Name(_) => LibraryPrior::Name(self.name.clone()),
            LibraryEdit::Add(_) | LibraryEdit::Remove(_) => {
                LibraryPrior::Entries(self.entries.clone())
            }
            LibraryEdit::Value { entry, .. } | LibraryEdit::Field { entry, .. } => {
                match self
                    .entries
                    .iter()
                    .enumerate()
                    .find(|(_, e)| e.id == *entry)
                {
                    Some((at, e)) => LibraryPrior::Entry {
                        at,
                        entry: Box::new(e.clone()),
                    },
                    None => LibraryPrior::Entries(self.entries.clone()),
                }
            }
        }
    }

    fn restore(&mut self, prior: LibraryPrior) {
        match prior {
            LibraryPrior::Name(n) => self.name = n,
            LibraryPrior::Entries(list) => self.entries = list,
            LibraryPrior::Entry { at, entry } => {
                if let Some(e) = self.entries.get_mut(at) {
                    *e = *entry;
                }
            }
        }
    }

    fn same_typing(earlier: &LibraryEdit, later: &LibraryEdit) -> bool {
        match (earlier, later) {
            (LibraryEdit::Name(_), LibraryEdit::Name(_)) => true,
            (
                LibraryEdit::Field {
                    entry: a, field: x, ..
                },
                LibraryEdit::Field {
                    entry: b, field: y, ..
                },
            ) => a == b && x == y,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::history::History;
    use crate::domain::project::Header;

    fn statement(product: &str) -> (Catalogue, Project, StatementInfo) {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.header.product = product.into();
        p.set_answer(&c, "p", None, AnswerValue::Yes, Some("暗号化".into()))
            .unwrap();
        let info = StatementInfo::of("a.json", &c, &p);
        (c, p, info)
    }

    #[test]
    fn entries_are_taken_joined_when_alike_and_undone() {
        let (c, p, info) = statement("製品A");
        let taken = entries_from(&c, &p, &info, None, "2026-12-01");
        assert!(!taken.is_empty());
        assert!(taken.iter().all(|e| e.sources[0].product == "製品A"));
        let mut lib = Library::default();
        let mut h = History::<Library>::new();
        h.apply(&mut lib, &(), LibraryEdit::Add(taken.clone()), 0.0)
            .unwrap();
        let n = lib.entries.len();
        assert_eq!(lib.entries[0].id, "e1");
        // The same answers from another product join the entries already there.
        let (c2, p2, info2) = statement("製品B");
        let again = entries_from(&c2, &p2, &info2, None, "2026-12-02");
        h.apply(&mut lib, &(), LibraryEdit::Add(again), 1.0)
            .unwrap();
        assert_eq!(lib.entries.len(), n);
        assert_eq!(lib.entries[0].sources.len(), 2);
        assert_eq!(lib.entries[0].verified_on, "2026-12-02");
        h.undo(&mut lib);
        assert_eq!(lib.entries[0].sources.len(), 1);
        h.undo(&mut lib);
        assert!(lib.entries.is_empty());
        assert!(!h.modified());
    }

    #[test]
    fn edits_are_checked_before_they_change_anything() {
        let (c, p, info) = statement("製品A");
        let mut lib = Library::default();
        let mut h = History::<Library>::new();
        h.apply(
            &mut lib,
            &(),
            LibraryEdit::Add(entries_from(&c, &p, &info, None, "2026-12-01")),
            0.0,
        )
        .unwrap();
        let before = lib.clone();
        let long = "x".repeat(MAX_FIELD_CHARS + 1);
        let field = |f, t: &str| LibraryEdit::Field {
            entry: "e1".into(),
            field: f,
            text: t.into(),
        };
        assert!(
            h.apply(&mut lib, &(), field(EntryField::Remark, &long), 1.0)
                .is_err()
        );
        assert!(
            h.apply(&mut lib, &(), LibraryEdit::Remove("e99".into()), 1.0)
                .is_err()
        );
        assert_eq!(lib, before);
        h.apply(
            &mut lib,
            &(),
            field(EntryField::Scope, "製品A、 製品B ,"),
            2.0,
        )
        .unwrap();
        assert_eq!(lib.entries[0].scope, vec!["製品A", "製品B"]);
        assert!(lib.entries[0].applies_to("製品Ｂ"));
        assert!(!lib.entries[0].applies_to("製品C"));
        // Typing into one field is one undo step.
        h.apply(&mut lib, &(), field(EntryField::Condition, "オ"), 3.0)
            .unwrap();
        h.apply(
            &mut lib,
            &(),
            field(EntryField::Condition, "オプション"),
            3.1,
        )
        .unwrap();
        h.undo(&mut lib);
        assert_eq!(lib.entries[0].condition, "");
        assert_eq!(lib.entries[0].scope, vec!["製品A", "製品B"]);
    }
}
