//! Consistency checks over an organisation's statements and its answer library:
//! contradictions (the same fact answered はい in one statement and いいえ in another, unless
//! the library scopes it per product), answers that contradict the library, over-claims (a
//! はい whose remark says 予定 / 検討中 / 未対応 / 一部 …, or a はい without the condition the
//! library gives it) and plans whose date has passed (a はい relying on 「…までに対応予定」
//! after the date).

use std::collections::{HashMap, HashSet};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, Question};
use super::cite::Cite;
use super::date::{Date, parse_date};
use super::edition::{NUMBER_SIMILARITY, find_candidates, normalized_text, similarity};
use super::library::{Entry, Library, question_refs};
use super::library_fill::as_catalogue;
use super::project::{Answer, Project};
use super::refs::GuidelineRef;
use super::source::Correspondence;
use super::text::fold_width;
use super::validation::{GateState, effective_value, gate_state};

/// The fewest letters a question text needs to name a fact by itself: a short text
/// (「満たすか?」, 「実施しているか?」) says nothing without its reference.
pub const MIN_FACT_TEXT: usize = 12;

/// The most findings one check reports (the rest are counted).
pub const MAX_FINDINGS: usize = 10_000;

/// The words that make a remark an over-claim beside a はい, and those that say it relies on
/// a plan (from `assets/library/words.toml`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// What the file says of itself.
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub over_claim: Vec<String>,
    #[serde(default)]
    pub plan: Vec<String>,
}

/// One statement checked.
pub struct Checked<'a> {
    /// The file as the user named it.
    pub file: String,
    pub catalogue: &'a Catalogue,
    pub project: &'a Project,
}

/// A question of a statement, or an entry of the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub file: String,
    /// The question's id (empty for a library entry).
    pub question: String,
    /// The question's number, or the entry's id.
    pub number: String,
    pub product: String,
    pub version: String,
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LibraryFinding {
    /// The same fact answered differently in two statements.
    Contradiction {
        a: Place,
        a_value: AnswerValue,
        b: Place,
        b_value: AnswerValue,
    },
    /// A statement answers a fact otherwise than the library.
    AgainstLibrary {
        at: Place,
        value: AnswerValue,
        entry: Place,
        entry_value: AnswerValue,
    },
    /// A はい whose remark says it is not (yet, or not wholly) so.
    OverClaim { at: Place, word: String },
    /// A はい without the condition the library gives the fact.
    MissingCondition {
        at: Place,
        entry: Place,
        condition: String,
    },
    /// Two entries of the library answer the same fact oppositely for the same products.
    LibraryConflict { a: Place, b: Place },
    /// A はい relying on a plan whose date has passed.
    PlanOverdue {
        at: Place,
        date: String,
        entry: Option<Place>,
    },
}

impl LibraryFinding {
    /// The kind, as a stable key (`contradiction`, `over_claim`, …).
    pub fn key(&self) -> &'static str {
        match self {
            LibraryFinding::Contradiction { .. } => "contradiction",
            LibraryFinding::AgainstLibrary { .. } => "against_library",
            LibraryFinding::OverClaim { .. } => "over_claim",
            LibraryFinding::MissingCondition { .. } => "missing_condition",
            LibraryFinding::PlanOverdue { .. } => "plan_overdue",
            LibraryFinding::LibraryConflict { .. } => "library_conflict",
        }
    }

    /// The statement's place the finding is about first.
    pub fn place(&self) -> &Place {
        match self {
            LibraryFinding::Contradiction { a, .. } | LibraryFinding::LibraryConflict { a, .. } => {
                a
            }
            LibraryFinding::AgainstLibrary { at, .. }
            | LibraryFinding::OverClaim { at, .. }
            | LibraryFinding::MissingCondition { at, .. }
            | LibraryFinding::PlanOverdue { at, .. } => at,
        }
    }

    /// The other place it names, if any.
    pub fn other(&self) -> Option<&Place> {
        match self {
            LibraryFinding::Contradiction { b, .. } | LibraryFinding::LibraryConflict { b, .. } => {
                Some(b)
            }
            LibraryFinding::AgainstLibrary { entry, .. }
            | LibraryFinding::MissingCondition { entry, .. } => Some(entry),
            LibraryFinding::PlanOverdue { entry, .. } => entry.as_ref(),
            LibraryFinding::OverClaim { .. } => None,
        }
    }
}

/// The findings, and how many more there were than [`MAX_FINDINGS`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LibraryReport {
    pub findings: Vec<LibraryFinding>,
    pub more: usize,
}

impl LibraryReport {
    fn push(&mut self, f: LibraryFinding) {
        if self.findings.len() < MAX_FINDINGS {
            self.findings.push(f);
        } else {
            self.more = self.more.saturating_add(1);
        }
    }
}

fn place_of(s: &Checked, q: &Question) -> Place {
    Place {
        file: s.file.clone(),
        question: q.id.clone(),
        number: q.number_key(),
        product: s.project.header.product.clone(),
        version: s.project.header.version.clone(),
    }
}

fn entry_place(library_file: &str, e: &Entry) -> Place {
    Place {
        file: library_file.to_string(),
        question: String::new(),
        number: e.id.clone(),
        product: e.scope.join("、"),
        version: String::new(),
    }
}

/// A word of `words` the text holds (width and case folded).
fn word_in(text: &str, words: &[String]) -> Option<String> {
    let folded = fold_width(text).to_lowercase();
    words
        .iter()
        .find(|w| {
            let w = fold_width(w.trim()).to_lowercase();
            !w.is_empty() && folded.contains(&w)
        })
        .cloned()
}

/// The specific references a question cites (a C item, a book chapter's item): those that
/// name one requirement, so two questions citing one are about the same fact.
fn fact_cites(refs: &[String]) -> Vec<Cite> {
    refs.iter()
        .flat_map(|r| super::refs::RefGroup::parse(&format!("({r})")).refs)
        .filter(|r| match r {
            GuidelineRef::Numbered { start, .. } => start.item.is_some(),
            GuidelineRef::Book { item, .. } => item.is_some(),
        })
        .filter_map(|r| Cite::selector(&r.to_string()))
        .collect()
}

/// How a fact is known across forms: a specific reference, or the text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FactKey {
    Cite(Cite),
    Text(String),
}

fn fact_keys(refs: &[String], texts: &[String]) -> Vec<FactKey> {
    let mut keys: Vec<FactKey> = fact_cites(refs).into_iter().map(FactKey::Cite).collect();
    keys.extend(
        texts
            .iter()
            .map(|t| normalized_text(t))
            .filter(|t| t.chars().count() >= MIN_FACT_TEXT)
            .map(FactKey::Text),
    );
    keys
}

/// Only はい and いいえ contradict each other (対象外 depends on the product).
fn opposed(a: AnswerValue, b: AnswerValue) -> bool {
    matches!(
        (a, b),
        (AnswerValue::Yes, AnswerValue::No) | (AnswerValue::No, AnswerValue::Yes)
    )
}

struct Said<'a> {
    statement: usize,
    s: &'a Checked<'a>,
    q: &'a Question,
    value: AnswerValue,
    text: String,
    cites: Vec<Cite>,
}

/// The library's entries scoped to named products, by the facts they answer.
type Scoped<'l> = HashMap<FactKey, Vec<&'l Entry>>;

/// Whether the library scopes the fact to one of the two statements' products: then they may
/// answer it differently.
fn scoped_apart(scoped: &Scoped, key: &FactKey, a: &Said, b: &Said) -> bool {
    scoped.get(key).is_some_and(|entries| {
        entries.iter().any(|e| {
            e.applies_to(&a.s.project.header.product) || e.applies_to(&b.s.project.header.product)
        })
    })
}

/// Whether two questions of the same text cite no different requirement (a text shared by
/// questions under different items, 「上記の対策を実施しているか」, is no one fact).
fn same_requirement(a: &Said, b: &Said) -> bool {
    a.cites.is_empty() || b.cites.is_empty() || a.cites.iter().any(|c| b.cites.contains(c))
}

/// The same fact answered はい in one statement and いいえ in another.
fn contradictions(statements: &[Checked], scoped: &Scoped, out: &mut LibraryReport) {
    let mut by_key: IndexMap<FactKey, Vec<Said>> = IndexMap::new();
    for (i, s) in statements.iter().enumerate() {
        for q in s.catalogue.questions() {
            // What the form shows: 対象外 under a gate that switches the question off.
            let value = effective_value(s.catalogue, s.project, q);
            if !matches!(value, AnswerValue::Yes | AnswerValue::No) {
                continue;
            }
            let refs = question_refs(q);
            let cites = fact_cites(&refs);
            for key in fact_keys(&refs, std::slice::from_ref(&q.text)) {
                by_key.entry(key).or_default().push(Said {
                    statement: i,
                    s,
                    q,
                    value,
                    text: normalized_text(&q.text),
                    cites: cites.clone(),
                });
            }
        }
    }
    let mut seen = HashSet::new();
    for (key, said) in &by_key {
        let yes = said.iter().filter(|s| s.value == AnswerValue::Yes);
        for a in yes {
            for b in said.iter().filter(|b| b.statement != a.statement) {
                if !opposed(a.value, b.value) {
                    continue;
                }
                let alike = match key {
                    FactKey::Text(_) => same_requirement(a, b),
                    FactKey::Cite(_) => similarity(&a.text, &b.text) >= NUMBER_SIMILARITY,
                };
                if !alike
                    || scoped_apart(scoped, key, a, b)
                    || !seen.insert((a.statement, &a.q.id, b.statement, &b.q.id))
                {
                    continue;
                }
                out.push(LibraryFinding::Contradiction {
                    a: place_of(a.s, a.q),
                    a_value: a.value,
                    b: place_of(b.s, b.q),
                    b_value: b.value,
                });
            }
        }
    }
}

/// The library's entry matched to each question of a statement (the entry's answer would be
/// the one proposed when filling), by question id.
type Matches<'l> = HashMap<String, &'l Entry>;

/// Matches each statement with the library once per checklist and set of entries that apply
/// (statements of one checklist and product share the work).
struct Matcher<'l> {
    lib: &'l Library,
    by_id: HashMap<&'l str, &'l Entry>,
    done: HashMap<(String, Vec<bool>, Vec<Correspondence>), Matches<'l>>,
}

impl<'l> Matcher<'l> {
    fn new(lib: &'l Library) -> Matcher<'l> {
        Matcher {
            lib,
            by_id: lib.entries.iter().map(|e| (e.id.as_str(), e)).collect(),
            done: HashMap::new(),
        }
    }

    fn matched(&mut self, s: &Checked, rows: Vec<Correspondence>) -> Matches<'l> {
        let product = &s.project.header.product;
        let applies: Vec<bool> = self
            .lib
            .entries
            .iter()
            .map(|e| e.applies_to(product))
            .collect();
        let key = (s.catalogue.content_hash(), applies, rows);
        if let Some(m) = self.done.get(&key) {
            return m.clone();
        }
        let pseudo = as_catalogue(self.lib, product);
        let m: Matches<'l> = find_candidates(&pseudo, s.catalogue, &key.2)
            .into_iter()
            .filter_map(|f| {
                let c = f.chosen()?;
                let id = c.old.rsplit_once('#').map_or(c.old.as_str(), |(e, _)| e);
                Some((f.new.clone(), *self.by_id.get(id)?))
            })
            .collect();
        self.done.insert(key, m.clone());
        m
    }
}

fn past(date: &str, today: Option<Date>) -> bool {
    match (parse_date(date), today) {
        (Some(d), Some(t)) => d < t,
        _ => false,
    }
}

/// Over-claims and overdue plans of one answer.
fn claims(
    at: &Place,
    a: &Answer,
    entry: Option<(&Entry, Place)>,
    words: &Words,
    today: Option<Date>,
    out: &mut LibraryReport,
) {
    if a.value != AnswerValue::Yes {
        return;
    }
    let said = format!("{}\n{}", a.condition, a.remark);
    if let Some(word) = word_in(&a.remark, &words.over_claim) {
        out.push(LibraryFinding::OverClaim {
            at: at.clone(),
            word,
        });
    }
    if let Some((e, place)) = &entry
        && e.value == AnswerValue::Yes
        && !e.condition.trim().is_empty()
        && a.condition.trim().is_empty()
    {
        out.push(LibraryFinding::MissingCondition {
            at: at.clone(),
            entry: place.clone(),
            condition: e.condition.clone(),
        });
    }
    // Relies on a plan: by its own words. Its own 目標日 is the plan's date when it has one
    // that reads; else the library's target date for the fact.
    if word_in(&said, &words.plan).is_none() {
        return;
    }
    let own_date = parse_date(&a.due_on).is_some();
    if own_date && past(&a.due_on, today) {
        out.push(LibraryFinding::PlanOverdue {
            at: at.clone(),
            date: a.due_on.clone(),
            entry: None,
        });
    } else if !own_date
        && let Some((e, place)) = entry
        && past(&e.target_on, today)
    {
        out.push(LibraryFinding::PlanOverdue {
            at: at.clone(),
            date: e.target_on.clone(),
            entry: Some(place),
        });
    }
}

/// Whether two entries' products overlap (an empty scope is every product).
fn overlap(a: &Entry, b: &Entry) -> bool {
    a.scope.is_empty()
        || b.scope.is_empty()
        || a.scope
            .iter()
            .any(|p| super::library::in_scope(&b.scope, p))
}

/// Entries about the same references answering はい and いいえ for the same products.
fn conflicts(lib: &Library, file: &str, out: &mut LibraryReport) {
    let mut by_refs: IndexMap<&[String], Vec<&Entry>> = IndexMap::new();
    for e in lib.entries.iter().filter(|e| !e.refs.is_empty()) {
        by_refs.entry(e.refs.as_slice()).or_default().push(e);
    }
    for entries in by_refs.values() {
        for (i, a) in entries.iter().enumerate() {
            for b in entries.iter().skip(i + 1) {
                if opposed(a.value, b.value) && overlap(a, b) {
                    out.push(LibraryFinding::LibraryConflict {
                        a: entry_place(file, a),
                        b: entry_place(file, b),
                    });
                }
            }
        }
    }
}

/// What a check is given besides the statements.
pub struct CheckInput<'a> {
    pub library: Option<(&'a Library, String)>,
    pub words: &'a Words,
    pub today: Option<Date>,
}

/// Checks statements against each other and against the library.
pub fn check(statements: &[Checked], input: &CheckInput) -> LibraryReport {
    let mut out = LibraryReport::default();
    let mut scoped: Scoped = HashMap::new();
    for e in input
        .library
        .iter()
        .flat_map(|(lib, _)| lib.entries.iter())
        .filter(|e| !e.scope.is_empty())
    {
        for key in fact_keys(&e.refs, &e.texts) {
            scoped.entry(key).or_default().push(e);
        }
    }
    if let Some((lib, file)) = &input.library {
        conflicts(lib, file, &mut out);
    }
    contradictions(statements, &scoped, &mut out);
    let mut matcher = input.library.as_ref().map(|(lib, _)| Matcher::new(lib));
    for s in statements {
        let rows: Vec<Correspondence> = s
            .project
            .source
            .iter()
            .flat_map(|w| w.correspondence.iter().cloned())
            .collect();
        let entries = match &mut matcher {
            Some(m) => m.matched(s, rows),
            None => HashMap::new(),
        };
        let lib_file = input.library.as_ref().map(|(_, f)| f.as_str());
        for q in s.catalogue.questions() {
            let Some(a) = s.project.answer(&q.id) else {
                continue;
            };
            if gate_state(s.catalogue, s.project, q) != GateState::Enabled {
                continue;
            }
            let at = place_of(s, q);
            let entry = entries
                .get(&q.id)
                .map(|e| (*e, entry_place(lib_file.unwrap_or_default(), e)));
            if let Some((e, place)) = &entry
                && a.value.is_answered()
                && e.value.is_answered()
                && a.value != e.value
                && e.options.is_empty()
            {
                out.push(LibraryFinding::AgainstLibrary {
                    at: at.clone(),
                    value: a.value,
                    entry: place.clone(),
                    entry_value: e.value,
                });
            }
            claims(&at, a, entry, input.words, input.today, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::history::Editable;
    use crate::domain::library::{LibraryEdit, StatementInfo, entries_from};
    use crate::domain::project::Header;

    fn words() -> Words {
        Words {
            over_claim: vec!["予定".into(), "一部".into(), "planned".into()],
            plan: vec!["予定".into()],
            ..Words::default()
        }
    }

    fn statement(product: &str, value: AnswerValue, remark: &str) -> (Catalogue, Project) {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.header.product = product.into();
        p.set_answer(&c, "p", None, value, Some(remark.into()))
            .unwrap();
        (c, p)
    }

    #[test]
    fn the_same_fact_answered_yes_and_no_is_a_contradiction_unless_scoped() {
        let (ca, pa) = statement("A", AnswerValue::Yes, "");
        let (cb, pb) = statement("B", AnswerValue::No, "");
        let list = [
            Checked {
                file: "a.json".into(),
                catalogue: &ca,
                project: &pa,
            },
            Checked {
                file: "b.json".into(),
                catalogue: &cb,
                project: &pb,
            },
        ];
        let w = words();
        let input = CheckInput {
            library: None,
            words: &w,
            today: None,
        };
        let report = check(&list, &input);
        assert_eq!(report.findings.len(), 1, "{report:?}");
        let LibraryFinding::Contradiction { a, b, .. } = &report.findings[0] else {
            panic!("{report:?}");
        };
        assert_eq!((a.file.as_str(), b.file.as_str()), ("a.json", "b.json"));
        assert_eq!(a.number, "3");
        // Scoped per product in the library: no contradiction.
        let mut lib = Library::default();
        let info = StatementInfo::of("a.json", &ca, &pa);
        lib.apply_edit(
            &(),
            &LibraryEdit::Add(entries_from(&ca, &pa, &info, None, "")),
        )
        .unwrap();
        lib.entries[0].scope = vec!["A".into()];
        let input = CheckInput {
            library: Some((&lib, "lib.json".into())),
            ..input
        };
        let report = check(&list, &input);
        assert!(
            !report
                .findings
                .iter()
                .any(|f| matches!(f, LibraryFinding::Contradiction { .. })),
            "{report:?}"
        );
        // Two entries of the library saying はい and いいえ for the same product conflict.
        let mut both = lib.clone();
        let mut no = lib.entries[0].clone();
        no.id = "e9".into();
        no.value = AnswerValue::No;
        no.scope.clear();
        both.entries.push(no);
        let input = CheckInput {
            library: Some((&both, "lib.json".into())),
            ..input
        };
        let report = check(&list, &input);
        assert_eq!(report.findings[0].key(), "library_conflict", "{report:?}");
    }

    #[test]
    fn over_claims_missing_conditions_and_overdue_plans_are_found() {
        let (c, mut p) = statement("A", AnswerValue::Yes, "次期更改までに対応予定");
        p.answers.get_mut("p").unwrap().due_on = "2026-03-31".into();
        let (lc, mut lp) = statement("A", AnswerValue::Yes, "");
        lp.answers.get_mut("p").unwrap().condition = "オプション契約時".into();
        let mut lib = Library::default();
        let info = StatementInfo::of("old.json", &lc, &lp);
        lib.apply_edit(
            &(),
            &LibraryEdit::Add(entries_from(&lc, &lp, &info, None, "")),
        )
        .unwrap();
        let w = words();
        let list = [Checked {
            file: "a.json".into(),
            catalogue: &c,
            project: &p,
        }];
        let input = CheckInput {
            library: Some((&lib, "lib.json".into())),
            words: &w,
            today: parse_date("2026-12-07"),
        };
        let report = check(&list, &input);
        let keys: Vec<&str> = report.findings.iter().map(|f| f.key()).collect();
        assert_eq!(
            keys,
            vec!["over_claim", "missing_condition", "plan_overdue"],
            "{report:?}"
        );
        assert_eq!(report.findings[1].other().unwrap().file, "lib.json");
        // A plan rescheduled to a later 目標日 is not overdue by the library's older date.
        let mut later = p.clone();
        later.answers.get_mut("p").unwrap().due_on = "2027-06-30".into();
        let mut lib2 = lib.clone();
        lib2.entries[0].target_on = "2026-01-31".into();
        lib2.entries[0].condition.clear();
        let list2 = [Checked {
            file: "a.json".into(),
            catalogue: &c,
            project: &later,
        }];
        let input2 = CheckInput {
            library: Some((&lib2, "lib.json".into())),
            words: &w,
            today: parse_date("2026-12-07"),
        };
        let keys: Vec<&str> = check(&list2, &input2)
            .findings
            .iter()
            .map(|f| f.key())
            .collect();
        assert_eq!(keys, vec!["over_claim"]);
        // A plain はい agreeing with the library is no finding.
        let (c2, mut p2) = statement("A", AnswerValue::Yes, "実施済");
        p2.answers.get_mut("p").unwrap().condition = "オプション契約時".into();
        let list = [Checked {
            file: "b.json".into(),
            catalogue: &c2,
            project: &p2,
        }];
        assert!(check(&list, &input).findings.is_empty());
        // いいえ against the library's はい is named.
        let (c3, p3) = statement("A", AnswerValue::No, "");
        let list = [Checked {
            file: "c.json".into(),
            catalogue: &c3,
            project: &p3,
        }];
        let report = check(&list, &input);
        assert_eq!(report.findings[0].key(), "against_library", "{report:?}");
    }
}
