//! Matching the questions of two catalogues: by id (same catalogue), else by number and
//! reference, else by reference and text similarity. Used to compare statements and to carry
//! answers forward to a newer catalogue.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::catalogue::{Catalogue, Question};
use super::text::fold_width;

/// How two questions were matched.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum MatchKind {
    Id,
    NumberAndRef,
    /// Same guideline section, similar text (Dice coefficient of character bigrams, 0–1).
    Similar {
        score: f32,
    },
}

/// Text reduced to what matters for similarity: width-folded, no spaces or punctuation.
fn letters(s: &str) -> Vec<char> {
    fold_width(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A text prepared for similarity: its letters and its sorted character bigrams.
struct Prepared {
    letters: Vec<char>,
    grams: Vec<(char, char)>,
}

impl Prepared {
    fn new(s: &str) -> Prepared {
        let letters = letters(s);
        let mut grams: Vec<(char, char)> = letters
            .iter()
            .zip(letters.iter().skip(1))
            .map(|(x, y)| (*x, *y))
            .collect();
        grams.sort_unstable();
        Prepared { letters, grams }
    }

    /// Dice coefficient of the bigram multisets, by one merge of the sorted lists.
    fn similarity(&self, other: &Prepared) -> f32 {
        if self.letters == other.letters {
            return 1.0;
        }
        super::edition::dice(&self.grams, &other.grams)
    }
}

/// Dice coefficient of character bigrams (1.0 = same text).
pub fn similarity(a: &str, b: &str) -> f32 {
    Prepared::new(a).similarity(&Prepared::new(b))
}

fn ref_key(q: &Question) -> String {
    q.ref_raw()
        .map(|r| letters(r).into_iter().collect())
        .unwrap_or_default()
}

/// The guideline sections a question cites (`6.5`, `シス14`), for "same section" tests.
fn sections(q: &Question) -> HashSet<String> {
    q.refs
        .iter()
        .flat_map(|g| g.refs.iter())
        .map(|r| match r.section_key() {
            Some(k) => k,
            None => format!("book{}", r.chapter()),
        })
        .collect()
}

/// The smallest similarity accepted for a match by text.
pub const MIN_SIMILARITY: f32 = 0.6;

/// Most questions of the other catalogue a question's text is compared with when the
/// catalogues are large: those of the same guideline sections nearest to its place. Keeps
/// matching near-linear when thousands of questions cite one section.
pub const MAX_TEXT_CANDIDATES: usize = 64;

/// Up to this many pairs (unmatched × unmatched), every pair of the same sections is compared
/// (a few milliseconds); only beyond it does [`MAX_TEXT_CANDIDATES`] apply.
pub const EXHAUSTIVE_PAIRS: usize = 1_000_000;

/// Matches the questions of `b` to those of `a`: `(a id, b id, how)`, in `b`'s order.
///
/// By id (same catalogue), then by number and reference (an index, not a search), then by
/// text within the same guideline sections — each question of `b` compared with at most
/// [`MAX_TEXT_CANDIDATES`] of `a`, best pairs first.
pub fn match_questions(a: &Catalogue, b: &Catalogue) -> Vec<(String, String, MatchKind)> {
    let mut out: Vec<(String, String, MatchKind)> = Vec::new();
    let mut used_a: HashSet<String> = HashSet::new();
    let mut pending: Vec<(usize, &Question)> = Vec::new();
    let same_catalogue = a.id == b.id;
    let mut by_number: HashMap<(String, String), Vec<&Question>> = HashMap::new();
    for qa in a.questions() {
        by_number
            .entry((qa.number_key(), ref_key(qa)))
            .or_default()
            .push(qa);
    }
    for (ib, qb) in b.questions().enumerate() {
        if same_catalogue && let Some(qa) = a.question(&qb.id) {
            used_a.insert(qa.id.clone());
            out.push((qa.id.clone(), qb.id.clone(), MatchKind::Id));
            continue;
        }
        let found = by_number
            .get(&(qb.number_key(), ref_key(qb)))
            .and_then(|qs| qs.iter().find(|qa| !used_a.contains(&qa.id)));
        match found {
            Some(qa) => {
                used_a.insert(qa.id.clone());
                out.push((qa.id.clone(), qb.id.clone(), MatchKind::NumberAndRef));
            }
            None => pending.push((ib, qb)),
        }
    }
    let candidates = text_candidates(a, b.question_count(), &used_a, &pending);
    let mut used_b: HashSet<String> = HashSet::new();
    for (score, ida, idb) in candidates {
        if used_a.contains(&ida) || used_b.contains(&idb) {
            continue;
        }
        used_a.insert(ida.clone());
        used_b.insert(idb.clone());
        out.push((ida, idb, MatchKind::Similar { score }));
    }
    // Back into b's order.
    let order: HashMap<&str, usize> = b
        .questions()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    out.sort_by_key(|(_, idb, _)| order.get(idb.as_str()).copied().unwrap_or(usize::MAX));
    out
}

/// Pairs of (unmatched) questions of the same guideline sections whose texts are similar
/// enough, best first.
fn text_candidates(
    a: &Catalogue,
    b_len: usize,
    used_a: &HashSet<String>,
    pending: &[(usize, &Question)],
) -> Vec<(f32, String, String)> {
    if pending.is_empty() {
        return Vec::new();
    }
    // a's free questions by section ("" for those citing none), in catalogue order.
    let free: Vec<(usize, &Question)> = a
        .questions()
        .enumerate()
        .filter(|(_, q)| !used_a.contains(&q.id))
        .collect();
    let prepared: Vec<Prepared> = free.iter().map(|(_, q)| Prepared::new(&q.text)).collect();
    let mut by_section: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, (_, q)) in free.iter().enumerate() {
        let s = sections(q);
        if s.is_empty() {
            by_section.entry(String::new()).or_default().push(k);
        }
        for key in s {
            by_section.entry(key).or_default().push(k);
        }
    }
    let a_len = a.question_count().max(1);
    let per_question = if pending.len().saturating_mul(free.len()) <= EXHAUSTIVE_PAIRS {
        usize::MAX
    } else {
        MAX_TEXT_CANDIDATES
    };
    let mut candidates: Vec<(f32, String, String)> = Vec::new();
    for (ib, qb) in pending {
        let sb = sections(qb);
        let keys: Vec<String> = if sb.is_empty() {
            vec![String::new()]
        } else {
            sb.into_iter().collect()
        };
        // Where qb would sit in a, for choosing the nearest candidates.
        let place = ib * a_len / b_len.max(1);
        let mut near: Vec<usize> = Vec::new();
        for key in &keys {
            let Some(list) = by_section.get(key) else {
                continue;
            };
            let at = list.partition_point(|k| free.get(*k).is_some_and(|(i, _)| *i < place));
            let from = at.saturating_sub(per_question / 2);
            near.extend(list.iter().skip(from).take(per_question));
        }
        near.sort_unstable_by_key(|k| (free.get(*k).map(|(i, _)| i.abs_diff(place)), *k));
        near.dedup();
        let pb = Prepared::new(&qb.text);
        for k in near.into_iter().take(per_question) {
            let (Some((_, qa)), Some(pa)) = (free.get(k), prepared.get(k)) else {
                continue;
            };
            let score = pa.similarity(&pb);
            if score >= MIN_SIMILARITY {
                candidates.push((score, qa.id.clone(), qb.id.clone()));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;

    #[test]
    fn similarity_basics() {
        assert_eq!(similarity("設置しているか?", "設置しているか？"), 1.0);
        assert!(similarity("責任者を設置しているか", "責任者を置いているか") > 0.6);
        assert!(similarity("責任者を設置しているか", "通信経路を暗号化する") < 0.2);
        assert_eq!(similarity("", ""), 1.0);
    }

    #[test]
    fn matches_by_id_number_and_text() {
        let a = tiny();
        let same = match_questions(&a, &a);
        assert!(same.iter().all(|(x, y, k)| x == y && *k == MatchKind::Id));
        assert_eq!(same.len(), 4);

        // Another catalogue: renumbered, reworded, removed and added questions.
        let mut b = a.clone();
        b.id = "t2".into();
        let qs = &mut b.sections[1].questions;
        qs[1].number = "9".into(); // 3 → 9, same text and ref
        qs[1].id = "new-p".into();
        qs[0].text = "認証の方法は?".into(); // 2: reworded, same number and ref
        qs[0].id = "new-o".into();
        b.sections[0].questions.remove(1); // 1.1 removed
        b.sections[0]
            .questions
            .push(crate::domain::catalogue::Question {
                id: "added".into(),
                number: "1.5".into(),
                text: "まったく新しい設問か?".into(),
                refs: None,
                answer: crate::domain::catalogue::AnswerKind::YesNoNa,
                gate: None,
                note: None,
                scope: Default::default(),
            });
        b.reindex();
        let m = match_questions(&a, &b);
        let find = |idb: &str| m.iter().find(|(_, y, _)| y == idb).cloned();
        assert_eq!(find("g").unwrap().2, MatchKind::NumberAndRef);
        assert_eq!(find("new-o").unwrap().0, "o");
        assert_eq!(find("new-o").unwrap().2, MatchKind::NumberAndRef);
        let (from, _, how) = find("new-p").unwrap();
        assert_eq!(from, "p");
        assert!(matches!(how, MatchKind::Similar { score } if score == 1.0));
        assert!(find("added").is_none());
        assert!(
            !m.iter().any(|(x, _, _)| x == "g1"),
            "removed question unmatched"
        );
    }
}
