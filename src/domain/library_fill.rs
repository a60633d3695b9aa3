//! Filling a statement from an answer library: each question is matched with the library's
//! entries by the matching that carries a statement to the next edition (the same reference
//! and number, the correspondence between editions, the same or similar text; a reference
//! alone is only offered), and the best entry's answer is proposed — marked 要確認 with the
//! entry it came from, like a carried-forward answer, until the user confirms it.

use std::collections::HashSet;

use super::carried::{Carried, CarryCandidate, Earlier, EarlierAnswer, LibraryOrigin};
use super::carry::{apply_earlier, fits};
use super::catalogue::Section;
use super::catalogue::{Catalogue, Kind, Provenance, ProvenanceKind, Question};
use super::date::{Date, parse_date};
use super::edit::Edit;
use super::edition::{Found, find_candidates};
use super::library::{Entry, Library};
use super::project::{Answer, Project};
use super::refs::RefGroup;
use super::source::Correspondence;

/// What a fill is given besides the library and the statement.
#[derive(Debug, Clone, Default)]
pub struct FillOptions {
    /// The library's name as shown (its file name when it has none).
    pub library: String,
    /// The statement's product: entries scoped to other products are left out.
    pub product: String,
    /// Today, for the age of entries.
    pub today: Option<Date>,
    /// Entries last verified longer ago than this (in months) are flagged stale; 0: never.
    pub max_age_months: u32,
    /// Replace answers already given (else only unanswered questions are filled).
    pub overwrite: bool,
}

/// What a fill proposes: one edit putting every proposed answer, and the counts.
#[derive(Debug, Clone, PartialEq)]
pub struct FillPlan {
    /// Sets every proposed answer (one undo step); `None` when nothing was found.
    pub edit: Option<Edit>,
    /// Questions given an entry's answer.
    pub filled: Vec<String>,
    /// Questions only offered entries (a reference alone, or an answer that does not fit).
    pub offered: Vec<String>,
    /// Filled questions whose entry is older than the chosen age.
    pub stale: Vec<String>,
    /// Questions left alone because they are answered already.
    pub kept: usize,
    /// Questions no entry matched.
    pub unmatched: usize,
}

/// The pseudo-question id of an entry's `k`-th text.
fn pseudo_id(entry: &str, k: usize) -> String {
    format!("{entry}#{k}")
}

fn entry_of(pseudo: &str) -> &str {
    pseudo.rsplit_once('#').map_or(pseudo, |(e, _)| e)
}

/// The library as a checklist: one question per text of each entry that applies, citing the
/// entry's references and numbered as in the statement it came from.
pub fn as_catalogue(lib: &Library, product: &str) -> Catalogue {
    // An entry scoped to this product speaks for it: the unscoped entries about the same
    // references step aside.
    let own: HashSet<&[String]> = lib
        .entries
        .iter()
        .filter(|e| !e.scope.is_empty() && !e.refs.is_empty() && e.applies_to(product))
        .map(|e| e.refs.as_slice())
        .collect();
    let questions = lib
        .entries
        .iter()
        .filter(|e| e.applies_to(product))
        .filter(|e| !e.scope.is_empty() || !own.contains(e.refs.as_slice()))
        .flat_map(|e| {
            let refs =
                (!e.refs.is_empty()).then(|| RefGroup::parse(&format!("({})", e.refs.join(","))));
            let texts: Vec<&str> = match e.texts.is_empty() {
                true => vec![""],
                false => e.texts.iter().map(String::as_str).collect(),
            };
            texts
                .into_iter()
                .enumerate()
                .map(move |(k, text)| Question {
                    id: pseudo_id(&e.id, k),
                    number: e
                        .sources
                        .get(k)
                        .or(e.sources.first())
                        .map(|s| s.number.clone())
                        .unwrap_or_default(),
                    text: text.to_string(),
                    refs: refs.clone(),
                    answer: e.kind(),
                    gate: None,
                    note: None,
                    scope: Default::default(),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    Catalogue::new(
        super::library::LIBRARY_FORMAT.into(),
        lib.name.clone(),
        Kind::Checklist,
        String::new(),
        String::new(),
        Provenance {
            kind: ProvenanceKind::ProjectAuthored,
            source: "library".into(),
            file_name: None,
            file_sha256: None,
            note: None,
        },
        vec![Section {
            title: lib.name.clone(),
            refs: None,
            questions,
        }],
    )
}

/// Whether an entry verified on `verified_on` is older than `max_age_months` on `today`
/// (an entry never verified, or with no date that reads, is).
pub fn is_stale(verified_on: &str, today: Option<Date>, max_age_months: u32) -> bool {
    if max_age_months == 0 {
        return false;
    }
    let Some(today) = today else {
        return false;
    };
    match parse_date(verified_on) {
        Some(d) => d.months_until(today) > i32::try_from(max_age_months).unwrap_or(i32::MAX),
        None => true,
    }
}

/// An entry as the earlier question a proposed answer continues.
fn earlier_of(e: &Entry, q: &Question, k: usize) -> Earlier {
    Earlier {
        id: e.id.clone(),
        number: q.number.clone(),
        text: e.texts.get(k).cloned().unwrap_or_default(),
        reference: e.refs.join("・"),
        section: String::new(),
        options: e.options.keys().map(|l| (l.clone(), l.clone())).collect(),
        answer: EarlierAnswer {
            value: e.value,
            remark: e.remark.clone(),
            condition: e.condition.clone(),
            options: e.options.clone(),
        },
    }
}

fn origin_of(e: &Entry, opt: &FillOptions) -> LibraryOrigin {
    LibraryOrigin {
        library: opt.library.clone(),
        entry: e.id.clone(),
        verified_on: e.verified_on.clone(),
        stale: is_stale(&e.verified_on, opt.today, opt.max_age_months),
        from: e
            .sources
            .iter()
            .map(|s| {
                let name = format!("{} {}", s.product, s.version);
                match s.number.is_empty() {
                    true => name.trim().to_string(),
                    false => format!("{} ({})", name.trim(), s.number),
                }
            })
            .collect(),
    }
}

/// Whether a question holds anything the user wrote: a value, an option's, a remark, a
/// condition or a date.
fn has_answer(a: Option<&Answer>) -> bool {
    a.is_some_and(|a| {
        a.value.is_answered()
            || !a.remark.trim().is_empty()
            || !a.condition.trim().is_empty()
            || !a.checked_on.trim().is_empty()
            || !a.due_on.trim().is_empty()
            || a.options
                .values()
                .any(|o| o.value.is_answered() || !o.remark.trim().is_empty())
    })
}

/// A question's candidates from the library, one per entry (the best of its texts), and the
/// one to fill (the matching's choice, when its answer fits the question).
fn candidates_of(
    lib: &Library,
    pseudo: &Catalogue,
    q: &Question,
    f: &Found,
    opt: &FillOptions,
) -> (Vec<CarryCandidate>, Option<usize>) {
    let mut kept: Vec<&str> = Vec::new();
    let mut candidates: Vec<CarryCandidate> = Vec::new();
    let mut chosen = None;
    for (i, cand) in f.candidates.iter().enumerate() {
        let id = entry_of(&cand.old);
        let (Some(e), Some(pq)) = (lib.entry(id), pseudo.question(&cand.old)) else {
            continue;
        };
        let at = match kept.iter().position(|k| *k == id) {
            Some(at) => at,
            None => {
                let k = cand
                    .old
                    .rsplit_once('#')
                    .and_then(|(_, k)| k.parse().ok())
                    .unwrap_or(0);
                kept.push(id);
                candidates.push(CarryCandidate {
                    reason: cand.reason.clone(),
                    similarity: (cand.similarity * 100.0).round().clamp(0.0, 100.0) as u8,
                    earlier: earlier_of(e, pq, k),
                    library: Some(origin_of(e, opt)),
                });
                candidates.len() - 1
            }
        };
        if f.chosen == Some(i) && candidates.get(at).is_some_and(|c| fits(q, &c.earlier)) {
            chosen = Some(at);
        }
    }
    (candidates, chosen)
}

/// Proposes an answer from the library for every question of the statement it can match.
/// What the user wrote is kept: without `overwrite` only questions holding nothing are filled;
/// with it, a question is changed only where an entry's answer fits (an entry only offered
/// leaves an answered question alone), and its dates stay.
pub fn plan(
    lib: &Library,
    c: &Catalogue,
    p: &Project,
    rows: &[Correspondence],
    opt: &FillOptions,
) -> FillPlan {
    let pseudo = as_catalogue(lib, &opt.product);
    let found = find_candidates(&pseudo, c, rows);
    let mut out = FillPlan {
        edit: None,
        filled: Vec::new(),
        offered: Vec::new(),
        stale: Vec::new(),
        kept: 0,
        unmatched: 0,
    };
    let mut answers = Vec::new();
    for f in &found {
        let Some(q) = c.question(&f.new) else {
            continue;
        };
        if f.candidates.is_empty() {
            out.unmatched += 1;
            continue;
        }
        let before = p.answer(&q.id);
        let written = has_answer(before);
        if !opt.overwrite && written {
            out.kept += 1;
            continue;
        }
        let (candidates, chosen) = candidates_of(lib, &pseudo, q, f, opt);
        if chosen.is_none() && written {
            out.kept += 1;
            continue;
        }
        let mut answer = before.cloned().unwrap_or_else(|| Answer {
            options: q
                .answer
                .options()
                .iter()
                .map(|o| (o.id.clone(), Default::default()))
                .collect(),
            ..Answer::default()
        });
        if let Some(k) = chosen.and_then(|i| candidates.get(i)) {
            apply_earlier(q, &k.earlier, &mut answer);
            answer.recheck = true;
            if answer.due_on.trim().is_empty()
                && let Some(e) = k.library.as_ref().and_then(|o| lib.entry(&o.entry))
            {
                answer.due_on.clone_from(&e.target_on);
            }
            out.filled.push(q.id.clone());
            if k.library.as_ref().is_some_and(|l| l.stale) {
                out.stale.push(q.id.clone());
            }
        } else {
            out.offered.push(q.id.clone());
        }
        // A carried-forward answer keeps the earlier statement's candidates (「前回からの変更点」
        // compares with them); the library's come after.
        let earlier: Vec<CarryCandidate> = answer
            .carried
            .as_ref()
            .map(|cr| {
                cr.candidates
                    .iter()
                    .filter(|k| k.library.is_none())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let offset = earlier.len();
        let mut all = earlier;
        all.extend(candidates);
        answer.carried = Some(Box::new(Carried {
            candidates: all,
            chosen: chosen.map(|i| i + offset),
        }));
        answers.push((q.id.clone(), answer));
    }
    out.edit = (!answers.is_empty()).then_some(Edit::Fill { answers });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::history::{Editable, History};
    use crate::domain::library::{LibraryEdit, StatementInfo, entries_from};
    use crate::domain::project::Header;

    fn library_of(p: &Project, c: &Catalogue) -> Library {
        let mut lib = Library::default();
        let info = StatementInfo::of("a.json", c, p);
        lib.apply_edit(
            &(),
            &LibraryEdit::Add(entries_from(c, p, &info, None, "2025-01-10")),
        )
        .unwrap();
        lib
    }

    #[test]
    fn a_statement_is_filled_marked_to_recheck_with_its_source() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::Yes, Some("設置済".into()))
            .unwrap();
        old.set_answer(&c, "o", Some("pw"), AnswerValue::No, None)
            .unwrap();
        old.answers.get_mut("p").unwrap().condition = "オプション契約時".into();
        let lib = library_of(&old, &c);
        let mut new = Project::new(&c, Header::default(), false);
        let opt = FillOptions {
            library: "回答集".into(),
            today: parse_date("2026-12-07"),
            max_age_months: 12,
            ..FillOptions::default()
        };
        let plan = plan(&lib, &c, &new, &[], &opt);
        assert_eq!(plan.filled, vec!["o".to_string(), "p".to_string()]);
        assert_eq!(plan.stale.len(), 2, "verified two years ago");
        let mut h = History::<Project>::new();
        h.apply(&mut new, &c, plan.edit.clone().unwrap(), 0.0)
            .unwrap();
        let p = &new.answers["p"];
        assert_eq!(p.value, AnswerValue::Yes);
        assert_eq!(p.remark, "設置済");
        assert_eq!(p.condition, "オプション契約時");
        assert!(p.recheck);
        let origin = p
            .carried
            .as_ref()
            .unwrap()
            .chosen()
            .unwrap()
            .library
            .clone();
        assert_eq!(origin.unwrap().library, "回答集");
        assert_eq!(new.answers["o"].options["pw"].value, AnswerValue::No);
        // One undo step takes every proposal back.
        h.undo(&mut new);
        assert_eq!(new.answers["p"].value, AnswerValue::Unanswered);
        // Answered questions are kept unless asked to overwrite.
        new.set_answer(&c, "p", None, AnswerValue::No, None)
            .unwrap();
        let again = super::plan(&lib, &c, &new, &[], &opt);
        assert_eq!(again.filled, vec!["o".to_string()]);
        assert_eq!(again.kept, 1);
    }

    #[test]
    fn what_the_user_wrote_is_kept() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::Yes, Some("設置済".into()))
            .unwrap();
        let lib = library_of(&old, &c);
        // A question holding only a condition and a 目標日 is not filled over.
        let mut new = Project::new(&c, Header::default(), false);
        let a = new.answers.get_mut("p").unwrap();
        a.condition = "オプション契約時".into();
        a.due_on = "2027-03-31".into();
        let plan = plan(&lib, &c, &new, &[], &FillOptions::default());
        assert!(plan.filled.is_empty(), "{plan:?}");
        assert_eq!(plan.kept, 1);
        // Overwriting keeps the dates and replaces only the answer.
        let opt = FillOptions {
            overwrite: true,
            ..FillOptions::default()
        };
        let plan = super::plan(&lib, &c, &new, &[], &opt);
        new.apply(&c, plan.edit.as_ref().unwrap()).unwrap();
        let p = &new.answers["p"];
        assert_eq!((p.value, p.remark.as_str()), (AnswerValue::Yes, "設置済"));
        assert_eq!(p.due_on, "2027-03-31");
        assert_eq!(p.condition, "", "the entry's answer has no condition");
    }

    #[test]
    fn entries_scoped_to_other_products_are_left_out() {
        let c = tiny();
        let mut old = Project::new(&c, Header::default(), false);
        old.set_answer(&c, "p", None, AnswerValue::Yes, None)
            .unwrap();
        let mut lib = library_of(&old, &c);
        lib.entries[0].scope = vec!["製品A".into()];
        let new = Project::new(&c, Header::default(), false);
        let opt = |product: &str| FillOptions {
            product: product.into(),
            ..FillOptions::default()
        };
        assert!(plan(&lib, &c, &new, &[], &opt("製品B")).filled.is_empty());
        assert_eq!(plan(&lib, &c, &new, &[], &opt("製品A")).filled, vec!["p"]);
        assert!(!is_stale("2026-01-01", parse_date("2026-12-07"), 12));
        assert!(is_stale("", parse_date("2026-12-07"), 12));
        assert!(!is_stale("", parse_date("2026-12-07"), 0));
        // An entry of product A's own speaks for it over an unscoped one about the same fact.
        let mut other = lib.entries[0].clone();
        other.id = "e9".into();
        other.scope.clear();
        other.value = AnswerValue::No;
        lib.entries.push(other);
        let filled = plan(&lib, &c, &new, &[], &opt("製品A"));
        let Some(Edit::Fill { answers }) = &filled.edit else {
            panic!("{filled:?}");
        };
        assert_eq!(answers[0].1.value, AnswerValue::Yes);
        let filled = plan(&lib, &c, &new, &[], &opt("製品B"));
        let Some(Edit::Fill { answers }) = &filled.edit else {
            panic!("{filled:?}");
        };
        assert_eq!(answers[0].1.value, AnswerValue::No);
    }
}
