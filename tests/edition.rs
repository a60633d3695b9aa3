//! Carrying a statement from one edition of a vendor checklist to the next, through the CLI
//! with the workbooks themselves (`tests/common/editions.rs`): an answered Ver.4.1 on
//! guideline 第5.2版 with a correspondence sheet, and a blank Ver.5.0 on 第6.0版. Every new
//! question must continue the earlier one the ground truth names, for the reason it names;
//! brand-new questions take nothing; dropped questions keep their answers in the record; the
//! carried statement fills the new workbook.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

mod common {
    pub mod cli;
    pub mod editions;
}

use common::cli::{kaijisho, kaijisho_ja, read_json};
use common::editions::*;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::carried::CarryCandidate;
use kaijisho::domain::edition::{DISTINCTIVE_SIMILARITY, Reason, similarities, similarity};
use kaijisho::domain::{Catalogue, Project};
use kaijisho::io::xlsx::{Imported, Note, import_workbook};

fn import(name: &str, bytes: Vec<u8>) -> Imported {
    import_workbook(
        Path::new(name),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn unparen(r: &str) -> &str {
    r.trim_start_matches('(').trim_end_matches(')')
}

#[test]
fn both_editions_are_imported_as_written() {
    for table_in in [TableIn::Old, TableIn::New] {
        let old = import("old.xlsx", old_workbook(table_in));
        let new = import("new.xlsx", new_workbook(table_in));
        for (imp, expected, sections) in [
            (
                &old,
                OLD.iter()
                    .map(|q| (q.number, q.text, q.reference, q.answer, q.remark))
                    .collect::<Vec<_>>(),
                &OLD_SECTIONS,
            ),
            (
                &new,
                NEW.iter()
                    .map(|q| (q.number, q.text, q.reference, AnswerValue::Unanswered, ""))
                    .collect(),
                &NEW_SECTIONS,
            ),
        ] {
            let got: Vec<_> = imp.catalogue.questions().collect();
            assert_eq!(got.len(), expected.len(), "{:#?}", imp.report);
            for (q, (number, text, reference, answer, remark)) in got.iter().zip(&expected) {
                assert_eq!(q.number, *number);
                assert_eq!(q.text, *text, "{number}");
                assert_eq!(q.ref_raw(), *reference, "{number}");
                let a = &imp.project.answers[&q.id];
                assert_eq!((a.value, a.remark.as_str()), (*answer, *remark), "{number}");
            }
            let titles: Vec<&str> = imp
                .catalogue
                .sections
                .iter()
                .map(|s| s.title.as_str())
                .collect();
            // A section's title keeps its number.
            let want: Vec<String> = sections
                .iter()
                .map(|s| format!("{} {}", s.0, s.1))
                .collect();
            assert_eq!(titles, want);
        }
        assert_eq!(old.project.header.vendor, VENDOR);
        assert_eq!(old.catalogue.form_version, "4.1");
        assert_eq!(new.catalogue.form_version, "5.0");
        // The correspondence sheet is read, row for row, from the workbook that has it.
        let (with, without) = match table_in {
            TableIn::Old => (&old, &new),
            _ => (&new, &old),
        };
        let pairs: Vec<(&str, &str)> = with
            .report
            .correspondence
            .iter()
            .map(|p| (p.old.as_str(), p.new.as_str()))
            .collect();
        assert_eq!(pairs, ROWS);
        assert!(
            with.report
                .notes
                .iter()
                .any(|n| matches!(n, Note::Correspondence { rows: 9, .. }))
        );
        assert!(without.report.correspondence.is_empty());
    }
}

/// The two workbooks written into `dir`, and `carry old.xlsx --catalogue new.xlsx` run on
/// them: the carried statement, its JSON as written and the CLI's lines.
struct Carry {
    dir: tempfile::TempDir,
    old: PathBuf,
    new: PathBuf,
    out: PathBuf,
    project: Project,
    json: serde_json::Value,
    stdout: String,
}

fn carry_in(table_in: TableIn, lang: &str) -> Carry {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("ver4.1.xlsx");
    let new = dir.path().join("ver5.0.xlsx");
    fs::write(&old, old_workbook(table_in)).unwrap();
    fs::write(&new, new_workbook(table_in)).unwrap();
    let out = dir.path().join("carried.json");
    let mut cmd = if lang == "ja" {
        kaijisho_ja()
    } else {
        kaijisho()
    };
    let assert = cmd
        .arg("carry")
        .arg(&old)
        .arg("--catalogue")
        .arg(&new)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let json = read_json(&out);
    let project: Project = serde_json::from_value(json.clone()).unwrap();
    Carry {
        dir,
        old,
        new,
        out,
        project,
        json,
        stdout,
    }
}

fn carry(table_in: TableIn) -> Carry {
    carry_in(table_in, "en")
}

impl Carry {
    fn catalogue(&self) -> &Catalogue {
        self.project.catalogue.embedded.as_ref().unwrap()
    }

    /// The id of the new question numbered `number`.
    fn id(&self, number: &str) -> String {
        self.catalogue()
            .questions()
            .find(|q| q.number == number)
            .unwrap_or_else(|| panic!("no question {number}"))
            .id
            .clone()
    }

    /// The candidate carried to the new question `number`, if any.
    fn chosen(&self, number: &str) -> Option<&CarryCandidate> {
        self.project.answers[&self.id(number)]
            .carried
            .as_ref()
            .and_then(|c| c.chosen())
    }

    fn candidates(&self, number: &str) -> &[CarryCandidate] {
        self.project.answers[&self.id(number)]
            .carried
            .as_ref()
            .map(|c| c.candidates.as_slice())
            .unwrap_or_default()
    }

    /// The earlier numbers carried, by new number.
    fn pairs(&self) -> BTreeMap<&'static str, Option<String>> {
        NEW.iter()
            .map(|q| {
                (
                    q.number,
                    self.chosen(q.number).map(|c| c.earlier.number.clone()),
                )
            })
            .collect()
    }

    fn unplaced(&self) -> BTreeSet<&str> {
        self.project
            .carried_from
            .as_ref()
            .unwrap()
            .unplaced
            .iter()
            .map(|e| e.number.as_str())
            .collect()
    }
}

/// Where the matching parts from the ground truth, measured (see
/// [`similarity_of_true_reworded_pairs_and_of_the_best_wrong_pair`]): the new question and the
/// earlier one it takes instead of its own (none: left unanswered as if it were new). Kept
/// exact, so that a change of the matching for better or worse shows here.
const KNOWN_WRONG: [(&str, Option<&str>); 3] = [
    // Reworded pairs below DISTINCTIVE_SIMILARITY (0.46, 0.35, 0.49): nothing carried, shown
    // as new.
    ("2.5", None),
    ("3.8", None),
    ("6.2", None),
];

/// How alike new question `new` and earlier question `old` are, as matching scores them within
/// the two fixture checklists.
fn scored(new: &str, old: &str) -> f32 {
    let olds: Vec<&str> = OLD.iter().map(|o| o.text).collect();
    let news: Vec<&str> = NEW.iter().map(|q| q.text).collect();
    let j = NEW.iter().position(|q| q.number == new).unwrap();
    let i = OLD.iter().position(|o| o.number == old).unwrap();
    similarities(&olds, &news)[j][i]
}

/// What `carry` must have done with each new question, by the ground truth: the new questions
/// where it did otherwise, and what they took.
fn deviations(c: &Carry) -> Vec<(&'static str, Option<String>)> {
    let mut wrong = Vec::new();
    for q in &NEW {
        let chosen = c.chosen(q.number);
        let got = chosen.map(|k| (k.earlier.number.as_str(), &k.reason));
        let answer = &c.project.answers[&c.id(q.number)];
        let ok = match (q.expect, got) {
            (Expect::Same(o), Some((n, r))) => n == o && r.is_strong(),
            (Expect::Reworded(o), Some((n, Reason::Similar { percent }))) => {
                n == o && f32::from(*percent) >= DISTINCTIVE_SIMILARITY * 100.0 - 0.5
            }
            (
                Expect::Row { olds, new_ref },
                Some((
                    n,
                    Reason::Correspondence {
                        old_ref,
                        new_ref: r,
                    },
                )),
            ) => {
                olds.contains(&n)
                    && r == new_ref
                    && Some(old_ref.as_str()) == old_q(n).reference.map(unparen)
                    // Every earlier question of the rows is offered.
                    && olds.iter().all(|o| {
                        c.candidates(q.number).iter().any(|k| {
                            k.earlier.number == *o
                                && matches!(k.reason, Reason::Correspondence { .. })
                        })
                    })
            }
            (Expect::New, None) => true,
            _ => false,
        };
        if !ok {
            eprintln!(
                "{} {}: expected {:?}, got {:?}",
                q.number,
                q.text,
                q.expect,
                chosen.map(|k| (&k.earlier.number, &k.reason, k.similarity, &k.earlier.text))
            );
            wrong.push((q.number, chosen.map(|k| k.earlier.number.clone())));
        }
        // Whatever was chosen, its answer is the earlier one, with its remark, to be checked
        // again; nothing chosen, nothing answered.
        match chosen {
            Some(k) => {
                let o = old_q(&k.earlier.number);
                assert_eq!(
                    (answer.value, answer.remark.as_str(), answer.recheck),
                    (o.answer, o.remark, true),
                    "{}",
                    q.number
                );
            }
            None => assert_eq!(
                (answer.value, answer.remark.as_str(), answer.recheck),
                (AnswerValue::Unanswered, "", false),
                "{}",
                q.number
            ),
        }
    }
    wrong
}

fn check_ground_truth(c: &Carry) {
    let known: Vec<(&str, Option<String>)> = KNOWN_WRONG
        .iter()
        .map(|(n, o)| (*n, o.map(String::from)))
        .collect();
    assert_eq!(deviations(c), known);
}

/// The earlier questions that must be left without a home: the dropped ones, of a
/// many-to-one row those not chosen, and the counterparts of the reworded questions missed
/// ([`KNOWN_WRONG`]).
fn check_unplaced(c: &Carry) {
    let mut expected: BTreeSet<&str> = DROPPED.into_iter().collect();
    for (number, _) in KNOWN_WRONG.iter().filter(|k| k.1.is_none()) {
        if let Expect::Reworded(o) = new_q(number).expect {
            expected.insert(o);
        }
    }
    for q in &NEW {
        if let Expect::Row { olds, .. } = q.expect
            && olds.len() > 1
        {
            let chosen = c.chosen(q.number).unwrap().earlier.number.clone();
            expected.extend(olds.iter().filter(|o| **o != chosen));
        }
    }
    assert_eq!(c.unplaced(), expected);
    // Each kept with its answer and remark.
    for e in &c.project.carried_from.as_ref().unwrap().unplaced {
        let o = old_q(&e.number);
        assert_eq!(e.text, o.text);
        assert_eq!(
            (e.answer.value, e.answer.remark.as_str()),
            (o.answer, o.remark)
        );
        assert_eq!(Some(e.reference.as_str()), o.reference);
    }
}

#[test]
fn carry_with_the_old_workbooks_table_follows_the_ground_truth() {
    let c = carry(TableIn::Old);
    check_ground_truth(&c);
    check_unplaced(&c);
    let origin = c.project.carried_from.as_ref().unwrap();
    assert_eq!(origin.catalogue_version, "4.1");
    assert_eq!(origin.header.vendor, VENDOR);
    assert_eq!(c.project.header.vendor, VENDOR);
    // The JSON as written: reasons by name, the correspondence row's references.
    let id = c.id("2.4");
    let rec = &c.json["answers"][&id]["carried"];
    assert_eq!(rec["chosen"], 0);
    assert_eq!(rec["candidates"][0]["reason"]["by"], "correspondence");
    assert_eq!(rec["candidates"][0]["reason"]["old_ref"], "6.6.C1");
    assert_eq!(rec["candidates"][0]["reason"]["new_ref"], "企10①、企10②");
    assert_eq!(rec["candidates"][0]["earlier"]["number"], "2.3");
    assert_eq!(
        rec["candidates"][0]["earlier"]["answer"]["remark"],
        "入社時と年1回"
    );
    let id = c.id("3.3");
    assert_eq!(
        c.json["answers"][&id]["carried"]["candidates"][0]["reason"]["by"],
        "similar"
    );
    // The statement remembers the new workbook, to be filled.
    assert_eq!(c.json["source"]["file_name"], "ver5.0.xlsx");
    assert!(
        c.json["source"]["sha256"]
            .as_str()
            .unwrap()
            .starts_with("sha256:")
    );
    // The summary: carried with the same wording, the 15 identical and the one row joining
    // identical texts (most under a new reference); changed wording, 6 reworded and 6 joined by
    // the table; new, 6 new and the 3 reworded missed; without counterpart, the 4 dropped, the
    // one of the many-to-one row not chosen and the counterparts of the 3 reworded missed.
    let summary = "16 carried, 12 changed, 0 with candidates, 9 new, 8 without counterpart";
    assert!(c.stdout.contains(summary), "{summary}\n{}", c.stdout);
}

#[test]
fn carry_with_the_new_workbooks_table_follows_the_same_ground_truth() {
    let c = carry(TableIn::New);
    check_ground_truth(&c);
    check_unplaced(&c);
    // Both ways give the same pairs.
    assert_eq!(c.pairs(), carry(TableIn::Old).pairs());
}

#[test]
fn without_a_table_the_rewritten_questions_take_nothing() {
    let c = carry(TableIn::Neither);
    let mut rewritten = 0;
    for q in &NEW {
        let chosen = c.chosen(q.number).map(|k| k.earlier.number.as_str());
        match q.expect {
            // The rows were all that joined these: their texts are less alike than the
            // threshold.
            Expect::Row { olds, .. }
                if olds
                    .iter()
                    .all(|o| scored(q.number, o) < DISTINCTIVE_SIMILARITY) =>
            {
                rewritten += 1;
                assert_eq!(chosen, None, "{}", q.number);
            }
            // Whatever else is carried is the question's own counterpart.
            Expect::Same(o) | Expect::Reworded(o) => {
                assert!(chosen.is_none_or(|n| n == o), "{}: {chosen:?}", q.number);
            }
            Expect::Row { olds, .. } => {
                assert!(
                    chosen.is_none_or(|n| olds.contains(&n)),
                    "{}: {chosen:?}",
                    q.number
                );
            }
            Expect::New => {
                let known = KNOWN_WRONG.iter().find(|k| k.0 == q.number).map(|k| k.1);
                assert_eq!(chosen, known.flatten(), "{}", q.number);
            }
        }
    }
    // 2.1, 2.4 and 2.6.
    assert_eq!(rewritten, 3);
    // Identical texts are still carried, by their text.
    assert_eq!(
        c.chosen("3.1")
            .map(|k| (k.earlier.number.as_str(), &k.reason)),
        Some(("3.1", &Reason::SameText))
    );
}

/// Reads the answer and remark cells of the filled copy.
fn cells(path: &Path) -> calamine::Range<calamine::Data> {
    use calamine::{Reader, Xlsx};
    let mut x: Xlsx<_> = calamine::open_workbook(path).unwrap();
    x.worksheet_range("チェックリスト").unwrap()
}

fn text_at(range: &calamine::Range<calamine::Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[test]
fn the_carried_statement_fills_the_new_workbook() {
    let c = carry(TableIn::Old);
    let filled = c.dir.path().join("filled.xlsx");
    kaijisho()
        .arg("export")
        .arg(&c.out)
        .arg("--xlsx")
        .arg(&filled)
        .arg("--into")
        .arg(&c.new)
        .assert()
        .success();
    let (_, rows) = new_workbook_rows(TableIn::Old);
    let range = cells(&filled);
    assert_eq!(text_at(&range, 1, 1), VENDOR);
    assert_eq!(text_at(&range, 2, 1), PRODUCT);
    let mut wrong = Vec::new();
    for (number, r) in rows {
        let want = match c.chosen(&number) {
            Some(k) => {
                let o = old_q(&k.earlier.number);
                (o.answer.label().to_string(), o.remark.to_string())
            }
            None => (String::new(), String::new()),
        };
        let got = (text_at(&range, r, 2), text_at(&range, r, 3));
        if got != want {
            wrong.push(format!("{number}: {got:?}, expected {want:?}"));
        }
        // The question text is the new workbook's, untouched.
        assert_eq!(
            text_at(&range, r, 1).split(" (").next().unwrap(),
            new_q(&number).text
        );
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Something was filled: the 28 answers carried (the test cannot pass on an empty copy).
    let answered = (FIRST_ROW..FIRST_ROW + 50)
        .filter(|r| !text_at(&range, *r, 2).is_empty())
        .count();
    assert_eq!(answered, 28);
    // The old workbook is not the one the statement fills.
    kaijisho()
        .arg("export")
        .arg(&c.out)
        .arg("--xlsx")
        .arg(c.dir.path().join("wrong.xlsx"))
        .arg("--into")
        .arg(&c.old)
        .assert()
        .failure();
}

/// The similarity of each reworded pair (the true one) and, for every new question, the best
/// earlier question that is not its counterpart: what [`DISTINCTIVE_SIMILARITY`] must separate.
/// Printed (`--nocapture`) for the record; the assertions pin the measured facts.
#[test]
fn similarity_of_true_reworded_pairs_and_of_the_best_wrong_pair() {
    // Scored as matching scores them: within the two checklists, whose shared bigrams are
    // left out.
    let olds: Vec<&str> = OLD.iter().map(|o| o.text).collect();
    let news: Vec<&str> = NEW.iter().map(|q| q.text).collect();
    let m = similarities(&olds, &news);
    let sim = |new: &str, old: &str| -> f32 {
        let j = NEW.iter().position(|q| q.number == new).unwrap();
        let i = OLD.iter().position(|o| o.number == old).unwrap();
        m[j][i]
    };
    let counterpart = |q: &NewQ| -> Vec<&'static str> {
        match q.expect {
            Expect::Same(o) | Expect::Reworded(o) => vec![o],
            Expect::Row { olds, .. } => olds.to_vec(),
            Expect::New => Vec::new(),
        }
    };
    let mut lines = Vec::new();
    let mut true_pairs = Vec::new();
    let mut best_wrong: Option<(f32, &str, &str)> = None;
    for q in &NEW {
        let mine = counterpart(q);
        let (score, o) = OLD
            .iter()
            .filter(|o| !mine.contains(&o.number))
            .map(|o| (sim(q.number, o.number), o.number))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .unwrap();
        if best_wrong.is_none_or(|b| score > b.0) {
            best_wrong = Some((score, q.number, o));
        }
        let truth: Vec<String> = mine
            .iter()
            .map(|o| format!("{o} {:.2}", sim(q.number, o)))
            .collect();
        if let Expect::Reworded(o) = q.expect {
            true_pairs.push((sim(q.number, o), q.number, o));
        }
        lines.push(format!(
            "{:<4} {:<9} true: {:<16} best wrong: {o} {score:.2}",
            q.number,
            match q.expect {
                Expect::Same(_) => "same",
                Expect::Reworded(_) => "reworded",
                Expect::Row { .. } => "row",
                Expect::New => "new",
            },
            truth.join(", "),
        ));
    }
    true_pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (low, high) = (true_pairs[0], true_pairs[true_pairs.len() - 1]);
    let wrong = best_wrong.unwrap();
    println!("{}", lines.join("\n"));
    println!(
        "reworded pairs: {:.3} ({} ← {}) to {:.3} ({} ← {}); best wrong pair: {:.3} ({} ← {}); threshold {DISTINCTIVE_SIMILARITY}",
        low.0, low.1, low.2, high.0, high.1, high.2, wrong.0, wrong.1, wrong.2
    );
    // The measured facts: three reworded pairs fall below the threshold (shown as new, their
    // earlier answers kept), and no pair of different questions reaches it once the bigrams
    // most texts share (the "…しているか" ending) are left out; the ranges still overlap.
    let mut below: Vec<&str> = true_pairs
        .iter()
        .filter(|p| p.0 < DISTINCTIVE_SIMILARITY)
        .map(|p| p.1)
        .collect();
    below.sort_unstable();
    assert_eq!(below, ["2.5", "3.8", "6.2"]);
    let mut above: Vec<(&str, &str)> = Vec::new();
    for q in &NEW {
        let mine = counterpart(q);
        for o in OLD.iter().filter(|o| !mine.contains(&o.number)) {
            if sim(q.number, o.number) >= DISTINCTIVE_SIMILARITY {
                above.push((q.number, o.number));
            }
        }
    }
    assert_eq!(above, []);
    assert!(low.0 < wrong.0, "the ranges overlap");
    // Identical texts score 1 whatever their punctuation and reference.
    assert_eq!(
        similarity(
            "保存データを暗号化できるか? (6.7.C1)",
            "保存データを暗号化できるか？"
        ),
        1.0
    );
}

#[test]
fn the_lines_read_in_japanese() {
    let c = carry_in(TableIn::Old, "ja");
    println!("{}", c.stdout);
    let lines: Vec<&str> = c.stdout.lines().collect();
    // One line per new question and per dropped one, then the summary and the file written.
    assert_eq!(
        lines.len(),
        NEW.len() + c.unplaced().len() + 2,
        "{}",
        c.stdout
    );
    for l in [
        "引き継ぎ: 1.1 ← 1.1 (同じ文言)",
        "新しい設問 (未回答): 2.7",
        "引き継ぎ (参照が変わりました): 2.2 ← 2.2 (同じ文言)",
        "引き継ぎ先のない設問 (回答は引き継ぎの記録に残しています): 7.4 見読性を確保するための手順があるか?",
    ] {
        assert!(lines.contains(&l), "{l}\n{}", c.stdout);
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("設問の文言が変わったため要確認: 2.4 ← 2.3 (対応表")),
        "{}",
        c.stdout
    );
    for english in [
        "carried:",
        "changed",
        "new question",
        "reworded",
        "correspondence",
    ] {
        assert!(
            !c.stdout.contains(english),
            "{english} in the Japanese lines"
        );
    }
}

/// Every candidate offered that is not the question's counterpart by the ground truth, with
/// its reason: kept exact, as [`KNOWN_WRONG`] is.
#[test]
fn wrong_candidates_offered_are_only_the_known_ones() {
    let c = carry(TableIn::Old);
    let mut offered = Vec::new();
    for q in &NEW {
        let mine: Vec<&str> = match q.expect {
            Expect::Same(o) | Expect::Reworded(o) => vec![o],
            Expect::Row { olds, .. } => olds.to_vec(),
            Expect::New => Vec::new(),
        };
        for k in c.candidates(q.number) {
            if !mine.contains(&k.earlier.number.as_str()) {
                offered.push((
                    q.number,
                    k.earlier.number.clone(),
                    k.reason.key(),
                    k.similarity,
                ));
            }
        }
    }
    let offered: Vec<(&str, &str, &str, u8)> = offered
        .iter()
        .map(|(n, o, r, s)| (*n, o.as_str(), *r, *s))
        .collect();
    // 二要素認証に対応しているか? and 電子署名に対応しているか? shared only their ending, and
    // were offered for one another while every bigram counted; with the common ones left out,
    // no candidate of another question is offered.
    assert_eq!(offered, []);
}
