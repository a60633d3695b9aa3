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

/// Dice coefficient of character bigrams (1.0 = same text).
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (letters(a), letters(b));
    if a == b {
        return 1.0;
    }
    let grams = |v: &[char]| -> HashMap<(char, char), usize> {
        let mut m = HashMap::new();
        for (x, y) in v.iter().zip(v.iter().skip(1)) {
            *m.entry((*x, *y)).or_insert(0) += 1;
        }
        m
    };
    let (ga, gb) = (grams(&a), grams(&b));
    let total: usize = ga.values().sum::<usize>() + gb.values().sum::<usize>();
    if total == 0 {
        return 0.0;
    }
    let common: usize = ga
        .iter()
        .map(|(k, n)| (*n).min(gb.get(k).copied().unwrap_or(0)))
        .sum();
    2.0 * common as f32 / total as f32
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

/// Matches the questions of `b` to those of `a`: `(a id, b id, how)`, in `b`'s order.
pub fn match_questions(a: &Catalogue, b: &Catalogue) -> Vec<(String, String, MatchKind)> {
    let mut out: Vec<(String, String, MatchKind)> = Vec::new();
    let mut used_a: HashSet<String> = HashSet::new();
    let mut pending: Vec<&Question> = Vec::new();
    let same_catalogue = a.id == b.id;
    for qb in b.questions() {
        if same_catalogue && let Some(qa) = a.question(&qb.id) {
            used_a.insert(qa.id.clone());
            out.push((qa.id.clone(), qb.id.clone(), MatchKind::Id));
            continue;
        }
        let by_number = a.questions().find(|qa| {
            !used_a.contains(&qa.id)
                && qa.number_key() == qb.number_key()
                && ref_key(qa) == ref_key(qb)
        });
        match by_number {
            Some(qa) => {
                used_a.insert(qa.id.clone());
                out.push((qa.id.clone(), qb.id.clone(), MatchKind::NumberAndRef));
            }
            None => pending.push(qb),
        }
    }
    // Text similarity within the same guideline sections, best pairs first.
    let mut candidates: Vec<(f32, String, String)> = Vec::new();
    for qb in &pending {
        let sb = sections(qb);
        for qa in a.questions().filter(|qa| !used_a.contains(&qa.id)) {
            let sa = sections(qa);
            if !(sa.is_empty() && sb.is_empty()) && sa.is_disjoint(&sb) {
                continue;
            }
            let score = similarity(&qa.text, &qb.text);
            if score >= MIN_SIMILARITY {
                candidates.push((score, qa.id.clone(), qb.id.clone()));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0));
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
