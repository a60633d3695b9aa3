//! Matching the questions of one edition's checklist with the next one's, for carrying a
//! statement forward: every new question gets the earlier questions it may continue, each with
//! the reason it was found, best first, and the one whose answer is carried (if any).
//!
//! Reasons, strongest first: the same question id (the same catalogue); the correspondence
//! sheet of either workbook (第5.2版 ↔ 第6.0版 references, in both directions, many-to-many);
//! the same number and reference; the same text once normalised (width, spaces,
//! punctuation, `?`/`？` and a trailing reference ignored); similar text (Dice coefficient of
//! the sets of character bigrams — those most texts share left out — at least
//! [`DISTINCTIVE_SIMILARITY`], or [`MIN_SIMILARITY`] for small checklists); and, as a weak candidate, the
//! same reference alone. A pair of identical texts is preferred whatever its reason.
//!
//! Strong reasons (all but similar text and reference alone) may join one earlier question to
//! several new ones and the other way round. Similar text pairs one to one, best pairs first
//! (a new question left over may still take an earlier one already taken when the two are at
//! least [`SPLIT_SIMILARITY`] alike: a question split in two); a reference alone is only
//! offered, never carried. "The same number and reference" needs a reference: two questions
//! of one number citing nothing are as often different questions (one inserted before the
//! other) as the same one.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::catalogue::{Catalogue, Question};
use super::cite::Cite;
use super::refs::{RefGroup, split_trailing_ref};
use super::source::Correspondence;
use super::text::fold_width;

/// Why an earlier question was taken as the counterpart of a new one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Reason {
    /// The same question (same catalogue, same id).
    SameId,
    /// A row of a correspondence sheet joins their references.
    Correspondence { old_ref: String, new_ref: String },
    /// The same number and reference.
    NumberAndRef,
    /// The same text once normalised.
    SameText,
    /// Similar text: how alike, in percent.
    Similar { percent: u8 },
    /// Only the reference is the same.
    RefOnly,
}

impl Reason {
    /// Strongest first.
    pub fn rank(&self) -> u8 {
        match self {
            Reason::SameId => 0,
            Reason::Correspondence { .. } => 1,
            Reason::NumberAndRef => 2,
            Reason::SameText => 3,
            Reason::Similar { .. } => 4,
            Reason::RefOnly => 5,
        }
    }

    /// Whether the reason is strong enough to carry an answer to several questions.
    pub fn is_strong(&self) -> bool {
        self.rank() <= 3
    }

    /// The reason's kind, without its details (`same_id`, `correspondence`, …): what "confirm
    /// every item of this reason" groups by.
    pub fn key(&self) -> &'static str {
        match self {
            Reason::SameId => "same_id",
            Reason::Correspondence { .. } => "correspondence",
            Reason::NumberAndRef => "number_and_ref",
            Reason::SameText => "same_text",
            Reason::Similar { .. } => "similar",
            Reason::RefOnly => "ref_only",
        }
    }
}

/// The smallest similarity (Dice coefficient of character-bigram sets) for a pair by text,
/// between checklists too small to leave common bigrams out (fewer than [`COMMON_MIN_TEXTS`]
/// texts together).
pub const MIN_SIMILARITY: f32 = 0.6;

/// The smallest similarity for a pair by text once the bigrams most texts share are left out
/// ([`COMMON_SHARE`]). Measured on the edition fixtures (`tests/edition.rs`, 35 and 37
/// questions): reworded pairs of one requirement score 0.35–0.93, six of nine at 0.59 or more;
/// the best pair of different questions 0.48. With every bigram kept, the same pairs score
/// 0.49–0.94 and different questions up to 0.61 (the "…しているか" ending alone).
pub const DISTINCTIVE_SIMILARITY: f32 = 0.5;

/// A new question left without a pair may share an earlier question already carried to
/// another when the two texts are at least this alike (one question split in two).
pub const SPLIT_SIMILARITY: f32 = 0.8;

/// The least similarity for "the same number and reference" to carry an answer by itself;
/// below it the pair is only offered.
pub const NUMBER_SIMILARITY: f32 = 0.3;

/// Most candidates kept for one new question.
pub const MAX_CANDIDATES: usize = 6;

/// An earlier question a new one may continue.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The earlier question's id.
    pub old: String,
    pub reason: Reason,
    /// How alike the two texts are (1.0 = the same once normalised).
    pub similarity: f32,
}

/// The candidates of one new question, best first, and the one carried (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub new: String,
    pub candidates: Vec<Candidate>,
    pub chosen: Option<usize>,
}

impl Found {
    pub fn chosen(&self) -> Option<&Candidate> {
        self.chosen.and_then(|i| self.candidates.get(i))
    }
}

/// The text of a question as compared: its letters, width-folded, without spaces,
/// punctuation or a trailing reference.
pub fn normalized_text(text: &str) -> String {
    letters(&split_trailing_ref(text).0)
}

/// A text's letters and digits, width-folded (a reference as compared).
pub fn letters(text: &str) -> String {
    fold_width(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The references a question cites, as compared (book labels and widths unified).
fn exact_cites(q: &Question) -> Vec<Cite> {
    q.refs.as_ref().map(cites_of).unwrap_or_default()
}

fn cites_of(g: &RefGroup) -> Vec<Cite> {
    if g.refs.is_empty() {
        return Cite::covering(g);
    }
    g.refs
        .iter()
        .filter_map(|r| Cite::selector(&r.to_string()))
        .collect()
}

/// Texts as sets of character bigrams, each bigram numbered by how rare it is (rarest first)
/// across both catalogues, so that similar pairs can be found by their rarest bigrams
/// (prefix filtering) instead of by comparing every pair.
struct GramSets {
    old: Vec<Vec<u32>>,
    new: Vec<Vec<u32>>,
    /// The smallest similarity for a pair: [`DISTINCTIVE_SIMILARITY`] when common bigrams
    /// were left out, else [`MIN_SIMILARITY`].
    threshold: f32,
}

impl GramSets {
    fn new(old: &[String], new: &[String]) -> GramSets {
        let grams = |s: &String| -> Vec<(char, char)> {
            let mut g: Vec<(char, char)> = s.chars().zip(s.chars().skip(1)).collect();
            g.sort_unstable();
            g.dedup();
            g
        };
        let old_g: Vec<Vec<(char, char)>> = old.iter().map(grams).collect();
        let new_g: Vec<Vec<(char, char)>> = new.iter().map(grams).collect();
        let mut df: HashMap<(char, char), u32> = HashMap::new();
        for g in old_g.iter().chain(&new_g).flatten() {
            *df.entry(*g).or_default() += 1;
        }
        // Bigrams most texts share (the "…しているか" every question ends with) say nothing
        // about which question is which: in a checklist of some size they are left out.
        let texts = old.len() + new.len();
        let common = if texts >= COMMON_MIN_TEXTS {
            (texts as f32 * COMMON_SHARE).ceil() as u32
        } else {
            u32::MAX
        };
        let mut order: Vec<((char, char), u32)> =
            df.into_iter().filter(|(_, n)| *n < common).collect();
        order.sort_unstable_by_key(|(g, n)| (*n, *g));
        let rank: HashMap<(char, char), u32> = order
            .iter()
            .enumerate()
            .map(|(i, (g, _))| (*g, i as u32))
            .collect();
        let ranked = |sets: Vec<Vec<(char, char)>>| -> Vec<Vec<u32>> {
            sets.into_iter()
                .map(|s| {
                    let mut r: Vec<u32> = s.iter().filter_map(|g| rank.get(g).copied()).collect();
                    r.sort_unstable();
                    r
                })
                .collect()
        };
        GramSets {
            old: ranked(old_g),
            new: ranked(new_g),
            threshold: if common == u32::MAX {
                MIN_SIMILARITY
            } else {
                DISTINCTIVE_SIMILARITY
            },
        }
    }
}

/// A bigram found in at least this share of all the texts of both checklists is left out of
/// the comparison (see [`GramSets`]).
pub const COMMON_SHARE: f32 = 0.25;

/// Checklists with fewer texts than this (both together) keep every bigram: too few to tell
/// what is common.
pub const COMMON_MIN_TEXTS: usize = 40;

/// How alike each new text is to each earlier one, as matching scores them within these two
/// checklists (`[new][old]`): for measuring [`MIN_SIMILARITY`] on real pairs.
pub fn similarities(old: &[&str], new: &[&str]) -> Vec<Vec<f32>> {
    let norm = |v: &[&str]| -> Vec<String> { v.iter().map(|t| normalized_text(t)).collect() };
    let sets = GramSets::new(&norm(old), &norm(new));
    sets.new
        .iter()
        .map(|n| sets.old.iter().map(|o| dice(o, n)).collect())
        .collect()
}

/// Dice coefficient of two sorted lists (sets, or multisets counted with their repeats), by
/// one merge: 0 when both are empty.
pub(super) fn dice<T: Ord>(a: &[T], b: &[T]) -> f32 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / total as f32
}

/// How alike two question texts are, as matching scores them: the Dice coefficient of the
/// character-bigram sets of their [`normalized_text`]s (what [`MIN_SIMILARITY`] is measured
/// against).
pub fn similarity(a: &str, b: &str) -> f32 {
    let sets = GramSets::new(&[normalized_text(a)], &[normalized_text(b)]);
    match (sets.old.first(), sets.new.first()) {
        (Some(x), Some(y)) => dice(x, y),
        _ => 0.0,
    }
}

/// How many of a set's rarest bigrams must be looked up so that no partner of Dice ≥ `t` is
/// missed: a partner shares at least `t·|x| / (2 − t)` bigrams with it.
fn prefix_len(len: usize, t: f32) -> usize {
    let overlap = (t * len as f32 / (2.0 - t)).ceil() as usize;
    (len + 1).saturating_sub(overlap.max(1)).min(len)
}

/// Most earlier texts one new text is compared with: those sharing its rarest bigrams first.
/// Keeps matching near-linear when thousands of texts are nearly alike (generated or hostile
/// catalogues); real checklists stay far below it.
pub const MAX_COMPARED: usize = 256;

/// For each new text, up to [`MAX_CANDIDATES`] earlier texts at least the threshold alike:
/// (old index, similarity), best first.
fn similar_pairs(sets: &GramSets) -> Vec<Vec<(usize, f32)>> {
    let t = sets.threshold;
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, s) in sets.old.iter().enumerate() {
        for g in s.iter().take(prefix_len(s.len(), t)) {
            postings.entry(*g).or_default().push(i);
        }
    }
    let mut seen: Vec<usize> = vec![usize::MAX; sets.old.len()];
    let mut out = Vec::with_capacity(sets.new.len());
    for (j, s) in sets.new.iter().enumerate() {
        let mut found: Vec<(usize, f32)> = Vec::new();
        let mut compared = 0usize;
        'grams: for g in s.iter().take(prefix_len(s.len(), t)) {
            for &i in postings.get(g).map(Vec::as_slice).unwrap_or_default() {
                let Some(mark) = seen.get_mut(i) else {
                    continue;
                };
                if *mark == j {
                    continue;
                }
                *mark = j;
                if compared >= MAX_COMPARED {
                    break 'grams;
                }
                compared += 1;
                let Some(o) = sets.old.get(i) else { continue };
                let score = dice(o, s);
                if score >= t {
                    found.push((i, score));
                }
            }
        }
        found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        found.truncate(MAX_CANDIDATES);
        out.push(found);
    }
    out
}

/// Everything looked up while matching.
struct Tables<'a> {
    old: Vec<&'a Question>,
    new: Vec<&'a Question>,
    old_text: Vec<String>,
    new_text: Vec<String>,
    sets: GramSets,
    /// Old questions by each item-level citation covering theirs ([`item_cites`]).
    old_by_item: HashMap<Cite, Vec<usize>>,
    /// Old questions by each citation they make.
    old_by_cite: HashMap<Cite, Vec<usize>>,
    old_by_number: HashMap<(String, String), Vec<usize>>,
    old_by_text: HashMap<String, Vec<usize>>,
    /// Correspondence rows (each once): (old side, new side) item citations with the rows'
    /// texts, and the rows by the citations of each side.
    rows: Vec<(Vec<Cite>, Vec<Cite>, &'a Correspondence)>,
    rows_by_old: HashMap<Cite, Vec<usize>>,
    rows_by_new: HashMap<Cite, Vec<usize>>,
}

fn ref_key(q: &Question) -> String {
    q.ref_raw().map(letters).unwrap_or_default()
}

impl<'a> Tables<'a> {
    fn new(old: &'a Catalogue, new: &'a Catalogue, rows: &'a [Correspondence]) -> Tables<'a> {
        let old_q: Vec<&Question> = old.questions().collect();
        let new_q: Vec<&Question> = new.questions().collect();
        let old_text: Vec<String> = old_q.iter().map(|q| normalized_text(&q.text)).collect();
        let new_text: Vec<String> = new_q.iter().map(|q| normalized_text(&q.text)).collect();
        let sets = GramSets::new(&old_text, &new_text);
        let mut t = Tables {
            old: old_q,
            new: new_q,
            old_text,
            new_text,
            sets,
            old_by_item: HashMap::new(),
            old_by_cite: HashMap::new(),
            old_by_number: HashMap::new(),
            old_by_text: HashMap::new(),
            rows: Vec::new(),
            rows_by_old: HashMap::new(),
            rows_by_new: HashMap::new(),
        };
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        for r in rows {
            if !seen.insert((r.old.as_str(), r.new.as_str())) {
                continue;
            }
            let side = |s: &str| -> Vec<Cite> {
                cites_of(&RefGroup::parse(s))
                    .into_iter()
                    .filter(is_item)
                    .collect()
            };
            let (o, n) = (side(&r.old), side(&r.new));
            if o.is_empty() || n.is_empty() {
                continue;
            }
            let k = t.rows.len();
            for c in &o {
                t.rows_by_old.entry(c.clone()).or_default().push(k);
            }
            for c in &n {
                t.rows_by_new.entry(c.clone()).or_default().push(k);
            }
            t.rows.push((o, n, r));
        }
        for (i, q) in t.old.iter().enumerate() {
            if let Some(g) = &q.refs {
                for c in item_cites(g) {
                    t.old_by_item.entry(c).or_default().push(i);
                }
            }
            for c in exact_cites(q) {
                t.old_by_cite.entry(c).or_default().push(i);
            }
            t.old_by_number
                .entry((q.number_key(), ref_key(q)))
                .or_default()
                .push(i);
        }
        for (i, text) in t.old_text.iter().enumerate() {
            if !text.is_empty() {
                t.old_by_text.entry(text.clone()).or_default().push(i);
            }
        }
        t
    }

    /// Old questions a correspondence row joins to new question `j`, with the row's texts
    /// (old side, new side) as the reason. Rows join item by item (`6.5.C1` ↔ `シス14①`):
    /// a row of whole sections or chapters would join every question under them. At most
    /// [`MAX_FANOUT`] rows per citation and earlier questions per row side, nearest first.
    fn by_correspondence(&self, j: usize) -> Vec<(usize, Reason)> {
        let Some(g) = self.new.get(j).and_then(|q| q.refs.as_ref()) else {
            return Vec::new();
        };
        let place = self.place(j);
        let mut out = Vec::new();
        for c in item_cites(g) {
            // A row read either way round: the other workbook may be the older one.
            for (rows, backwards) in [
                (self.rows_by_new.get(&c), false),
                (self.rows_by_old.get(&c), true),
            ] {
                for &r in rows
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .take(MAX_CANDIDATES)
                {
                    let Some((old_side, new_side, row)) = self.rows.get(r) else {
                        continue;
                    };
                    let (theirs, old_ref, new_ref) = if backwards {
                        (new_side, &row.new, &row.old)
                    } else {
                        (old_side, &row.old, &row.new)
                    };
                    for d in theirs {
                        let olds = self
                            .old_by_item
                            .get(d)
                            .map(Vec::as_slice)
                            .unwrap_or_default();
                        for &i in near(olds, place, MAX_FANOUT) {
                            out.push((
                                i,
                                Reason::Correspondence {
                                    old_ref: old_ref.clone(),
                                    new_ref: new_ref.clone(),
                                },
                            ));
                        }
                    }
                }
            }
        }
        out
    }

    /// Where new question `j` would sit among the earlier ones.
    fn place(&self, j: usize) -> usize {
        j * self.old.len().max(1) / self.new.len().max(1)
    }
}

/// Most earlier questions taken for one reason and one new question (rows of a correspondence
/// sheet, identical texts, questions of one reference), nearest its place first: bounds the work
/// when a hostile file has thousands of identical questions or rows.
pub const MAX_FANOUT: usize = 4 * MAX_CANDIDATES;

/// Up to `k` entries of a sorted list of earlier questions, those nearest `place`.
fn near(list: &[usize], place: usize, k: usize) -> &[usize] {
    if list.len() <= k {
        return list;
    }
    let at = list.partition_point(|i| *i < place);
    let from = at.saturating_sub(k / 2).min(list.len() - k);
    list.get(from..from + k).unwrap_or_default()
}

/// The citations of a group at item level (`6.5.C1`, `6.5.C1(2)`, `シス14①`, a range, a
/// citation not parsed), including the items above a sub-item: what correspondence rows join.
fn item_cites(g: &RefGroup) -> Vec<Cite> {
    Cite::covering(g).into_iter().filter(is_item).collect()
}

/// Whether a citation names an item (or a range, or is not parsed), not a whole section,
/// chapter or book.
fn is_item(c: &Cite) -> bool {
    match c {
        Cite::Point(p) => p.item.is_some(),
        Cite::Book { item, .. } => item.is_some(),
        Cite::Range(..) | Cite::Text(_) => true,
    }
}

/// Matches the questions of `new` with those of `old`, one [`Found`] per new question in
/// `new`'s order. `rows`: the correspondence sheets of both workbooks.
pub fn find_candidates(old: &Catalogue, new: &Catalogue, rows: &[Correspondence]) -> Vec<Found> {
    let t = Tables::new(old, new, rows);
    let same_catalogue = old.id == new.id;
    let old_index: HashMap<&str, usize> = t
        .old
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let similar = similar_pairs(&t.sets);
    let mut all: Vec<Vec<(usize, Reason)>> = Vec::with_capacity(t.new.len());
    for (j, qb) in t.new.iter().enumerate() {
        let mut found: Vec<(usize, Reason)> = Vec::new();
        if same_catalogue && let Some(i) = old_index.get(qb.id.as_str()) {
            found.push((*i, Reason::SameId));
        }
        found.extend(t.by_correspondence(j));
        let place = t.place(j);
        let key = (qb.number_key(), ref_key(qb));
        if !key.1.is_empty() {
            let olds = t
                .old_by_number
                .get(&key)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for &i in near(olds, place, MAX_FANOUT) {
                found.push((i, Reason::NumberAndRef));
            }
        }
        if let Some(text) = t.new_text.get(j).filter(|s| !s.is_empty()) {
            let olds = t
                .old_by_text
                .get(text)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for &i in near(olds, place, MAX_FANOUT) {
                found.push((i, Reason::SameText));
            }
        }
        for (i, s) in similar.get(j).map(Vec::as_slice).unwrap_or_default() {
            found.push((*i, similar_reason(*s)));
        }
        if found.is_empty() {
            for c in exact_cites(qb) {
                let olds = t.old_by_cite.get(&c).map(Vec::as_slice).unwrap_or_default();
                for &i in near(olds, place, MAX_FANOUT) {
                    found.push((i, Reason::RefOnly));
                }
            }
        }
        all.push(found);
    }
    let mut out: Vec<Found> = all
        .into_iter()
        .enumerate()
        .map(|(j, found)| ranked(&t, j, found))
        .collect();
    choose(&mut out);
    out
}

fn similar_reason(s: f32) -> Reason {
    Reason::Similar {
        percent: (s * 100.0).round().clamp(0.0, 100.0) as u8,
    }
}

/// One candidate per old question (its strongest reason), best first, at most
/// [`MAX_CANDIDATES`].
fn ranked(t: &Tables, j: usize, found: Vec<(usize, Reason)>) -> Found {
    let mut best: HashMap<usize, Reason> = HashMap::new();
    for (i, r) in found {
        match best.get(&i) {
            Some(b) if b.rank() <= r.rank() => {}
            _ => {
                best.insert(i, r);
            }
        }
    }
    let empty = Vec::new();
    let new_set = t.sets.new.get(j).unwrap_or(&empty);
    let new_text = t.new_text.get(j).map(String::as_str).unwrap_or_default();
    let place = |i: usize| i.abs_diff(j * t.old.len().max(1) / t.new.len().max(1));
    let mut list: Vec<(usize, Reason, f32, bool)> = best
        .into_iter()
        .map(|(i, r)| {
            let same = t.old_text.get(i).is_some_and(|s| s == new_text);
            let s = if same {
                1.0
            } else {
                t.sets.old.get(i).map_or(0.0, |o| dice(o, new_set))
            };
            (i, r, s, same)
        })
        .collect();
    list.sort_by(|a, b| {
        b.3.cmp(&a.3)
            .then(a.1.rank().cmp(&b.1.rank()))
            .then(b.2.total_cmp(&a.2))
            .then(place(a.0).cmp(&place(b.0)))
    });
    list.truncate(MAX_CANDIDATES);
    Found {
        new: t.new.get(j).map(|q| q.id.clone()).unwrap_or_default(),
        candidates: list
            .into_iter()
            .filter_map(|(i, reason, similarity, _)| {
                Some(Candidate {
                    old: t.old.get(i)?.id.clone(),
                    reason,
                    similarity,
                })
            })
            .collect(),
        chosen: None,
    }
}

/// Picks the candidate carried for each new question (see the module's documentation).
fn choose(out: &mut [Found]) {
    let mut taken: HashSet<String> = HashSet::new();
    // Strong reasons first, many-to-many; the same number and reference only with some of the
    // wording in common (a question inserted before it shifts the numbers of one section).
    for f in out.iter_mut() {
        if f.candidates.first().is_some_and(|c| {
            c.reason.is_strong()
                && (c.reason != Reason::NumberAndRef || c.similarity >= NUMBER_SIMILARITY)
        }) {
            f.chosen = Some(0);
            taken.extend(f.candidates.first().map(|c| c.old.clone()));
        }
    }
    // Similar text: best pairs first, one to one.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (j, f) in out.iter().enumerate() {
        if f.chosen.is_some() {
            continue;
        }
        for (k, c) in f.candidates.iter().enumerate() {
            if matches!(c.reason, Reason::Similar { .. }) {
                pairs.push((c.similarity, j, k));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, j, k) in &pairs {
        let Some(f) = out.get_mut(*j) else { continue };
        let Some(c) = f.candidates.get(*k) else {
            continue;
        };
        if f.chosen.is_some() || taken.contains(&c.old) {
            continue;
        }
        taken.insert(c.old.clone());
        f.chosen = Some(*k);
    }
    // A question split in two: the left-over half takes the one already taken.
    for f in out.iter_mut() {
        if f.chosen.is_none()
            && let Some(c) = f.candidates.first()
            && matches!(c.reason, Reason::Similar { .. })
            && c.similarity >= SPLIT_SIMILARITY
        {
            f.chosen = Some(0);
        }
    }
    // The same reference alone is only offered: two questions citing one requirement are
    // as often different questions as the same one.
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::source::Correspondence;

    #[test]
    fn prefix_is_long_enough_and_never_longer_than_the_set() {
        assert_eq!(prefix_len(0, 0.6), 0);
        assert_eq!(prefix_len(1, 0.6), 1);
        // 10 bigrams: a partner shares at least ceil(4.29) = 5, so 6 must be looked up.
        assert_eq!(prefix_len(10, 0.6), 6);
    }

    #[test]
    fn normalised_text_ignores_width_spaces_marks_and_reference() {
        assert_eq!(
            normalized_text("責任者を 設置しているか？（6.5.C1）"),
            normalized_text("責任者を設置しているか?")
        );
        assert_ne!(
            normalized_text("責任者を設置しているか"),
            normalized_text("責任者を置いているか")
        );
    }

    /// A question of `n` numbered `number`, citing `reference`.
    fn q(id: &str, number: &str, text: &str, reference: &str) -> Question {
        Question {
            id: id.into(),
            number: number.into(),
            text: text.into(),
            refs: Some(RefGroup::parse(reference)),
            answer: crate::domain::catalogue::AnswerKind::YesNoNa,
            gate: None,
            note: None,
            scope: Default::default(),
        }
    }

    fn catalogue(id: &str, questions: Vec<Question>) -> Catalogue {
        let mut c = crate::domain::catalogue::tests::tiny();
        c.id = id.into();
        c.sections.truncate(1);
        if let Some(s) = c.sections.first_mut() {
            s.questions = questions;
        }
        c.reindex();
        c
    }

    #[test]
    fn rows_join_items_not_sections_and_same_number_needs_some_wording_in_common() {
        let old = catalogue(
            "a",
            vec![
                q(
                    "o1",
                    "1",
                    "盗難防止のワイヤーロックを備えているか?",
                    "(6.4.C1)",
                ),
                q(
                    "o2",
                    "2",
                    "パスワードの最小文字数を設定できるか?",
                    "(6.5.C1)",
                ),
            ],
        );
        let new = catalogue(
            "b",
            vec![
                q("n1", "1", "入退室を記録しているか?", "(シス9②)"),
                q("n2", "2", "多要素認証に対応しているか?", "(6.5.C1)"),
            ],
        );
        let rows = [Correspondence {
            old: "6.4".into(),
            new: "シス9".into(),
        }];
        let found = find_candidates(&old, &new, &rows);
        assert!(found.iter().all(|f| f.chosen.is_none()), "{found:?}");
        assert!(
            found.first().is_some_and(|f| f.candidates.is_empty()),
            "a section row joins nothing"
        );
        // An item row does join.
        let rows = [Correspondence {
            old: "6.4.C1".into(),
            new: "シス9②".into(),
        }];
        let found = find_candidates(&old, &new, &rows);
        assert_eq!(
            found
                .first()
                .and_then(|f| f.chosen())
                .map(|c| c.old.as_str()),
            Some("o1")
        );
    }

    #[test]
    fn thousands_of_identical_questions_and_rows_stay_bounded() {
        let many = |id: &str, reference: &str| -> Vec<Question> {
            (0..3000)
                .map(|i| {
                    q(
                        &format!("{id}{i}"),
                        &format!("{i}"),
                        "同じ設問か?",
                        reference,
                    )
                })
                .collect()
        };
        let old = catalogue("a", many("o", "(6.5.C1)"));
        let new = catalogue("b", many("n", "(シス14①)"));
        let rows: Vec<Correspondence> = (0..500)
            .map(|i| Correspondence {
                old: "6.5.C1".into(),
                new: if i % 2 == 0 {
                    "シス14①".into()
                } else {
                    format!("シス14①、シス{i}①")
                },
            })
            .collect();
        let found = find_candidates(&old, &new, &rows);
        assert_eq!(found.len(), 3000);
        assert!(found.iter().all(|f| f.candidates.len() <= MAX_CANDIDATES));
        assert!(found.iter().all(|f| f.chosen.is_some()));
    }
}
