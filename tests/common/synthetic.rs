//! A generated statement for benchmarks and stress tests: a project-authored catalogue of 300
//! questions (30 sections of 10; each section opens with a gate, every fifth question lists
//! options) and a fully answered project with long Japanese remarks. Generated text is marked
//! as such and never resembles official wording.

// Test helpers: panicking on a broken fixture is what a test wants.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(dead_code)]

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::{
    AnswerKind, Catalogue, Gate, Kind, Provenance, ProvenanceKind, QOption, Question, Scope,
    Section,
};
use kaijisho::domain::profile::{Profile, Rule, Selector, Weight};
use kaijisho::domain::refs::RefGroup;
use kaijisho::domain::{Header, Project};

pub const SECTIONS: usize = 30;
pub const PER_SECTION: usize = 10;

/// The generated catalogue (300 questions).
pub fn catalogue() -> Catalogue {
    catalogue_of(SECTIONS)
}

/// A generated catalogue of `sections` × 10 questions (`generated-<n>`).
pub fn catalogue_of(sections: usize) -> Catalogue {
    let count = sections * PER_SECTION;
    let sections = (1..=sections)
        .map(|s| {
            let questions = (1..=PER_SECTION)
                .map(|i| {
                    let id = format!("g{s}-{i}");
                    let answer = if i == 1 {
                        AnswerKind::Gate
                    } else if i % 5 == 0 {
                        AnswerKind::Options(
                            ["記憶ID", "生体認証", "暗号鍵", "ICカード"]
                                .iter()
                                .enumerate()
                                .map(|(k, l)| QOption {
                                    id: format!("o{k}"),
                                    label: format!("{l}(生成)"),
                                })
                                .collect(),
                        )
                    } else {
                        AnswerKind::YesNoNa
                    };
                    Question {
                        id: id.clone(),
                        number: format!("{s}.{i}"),
                        text: format!(
                            "【生成された試験用の設問 {s}-{i}】保守作業で利用する端末と利用者の\
                             認証、記録の保存および点検の手順を文書で定めているか?"
                        ),
                        refs: Some(RefGroup::parse(&format!("({}.{}.C{})", 6, s % 9 + 1, i))),
                        answer,
                        gate: (i > 1).then(|| Gate {
                            question: format!("g{s}-1"),
                            value: AnswerValue::Applies,
                        }),
                        note: (i % 3 == 0)
                            .then(|| "生成された注記: 該当する場合のみ回答する。".to_string()),
                        scope: Scope::Both,
                    }
                })
                .collect();
            Section {
                title: format!("生成された節 {s}"),
                refs: Some(RefGroup::parse(&format!("(6.{})", s % 9 + 1))),
                questions,
            }
        })
        .collect();
    Catalogue::new(
        format!("generated-{count}"),
        format!("生成された {count} 問のカタログ(試験用)"),
        Kind::Sds,
        "5.0".into(),
        "6.0".into(),
        Provenance {
            kind: ProvenanceKind::ProjectAuthored,
            source: "tests/common/synthetic.rs (generated for benchmarks and tests)".into(),
            file_name: None,
            file_sha256: None,
            note: None,
        },
        sections,
    )
}

/// A long Japanese remark (about 200 characters).
pub fn remark(n: usize) -> String {
    format!(
        "【生成】保守要員のアカウントは個人単位で発行し、退職・異動時は当日中に無効化する。\
         リモート接続は事前申請と承認を要し、接続記録は一年間保存して月次で点検する。\
         端末には最新の修正プログラムを適用し、マルウェア対策ソフトの定義ファイルを毎日更新する。\
         (通番 {n})"
    )
}

/// The generated catalogue's project, every question (and option) answered with a remark.
pub fn answered_project(c: &Catalogue) -> Project {
    let header = Header {
        created: "2026年11月22日".into(),
        vendor: "生成株式会社(試験用)".into(),
        product: "生成された保守サービス".into(),
        version: "1.0".into(),
        ..Header::default()
    };
    let mut p = Project::new(c, header, true);
    let values = [
        AnswerValue::Yes,
        AnswerValue::No,
        AnswerValue::NotApplicable,
    ];
    let mut n = 0;
    for q in c.questions() {
        n += 1;
        match &q.answer {
            AnswerKind::Gate => p
                .set_answer(c, &q.id, None, AnswerValue::Applies, Some(remark(n)))
                .unwrap(),
            AnswerKind::Options(opts) => {
                for (k, o) in opts.iter().enumerate() {
                    p.set_answer(c, &q.id, Some(&o.id), values[k % 3], Some(remark(n)))
                        .unwrap();
                }
            }
            AnswerKind::YesNoNa => p
                .set_answer(c, &q.id, None, values[n % 3], Some(remark(n)))
                .unwrap(),
        }
    }
    p
}

/// The next edition of a generated catalogue, as a comparison or carry-forward meets it: another
/// id, every question renumbered (so nothing matches by number) and its text reworded a little,
/// so every question goes through matching by text.
pub fn next_edition(c: &Catalogue) -> Catalogue {
    let mut next = c.clone();
    next.id = format!("{}-next", c.id);
    for s in &mut next.sections {
        for q in &mut s.questions {
            q.id = format!("n-{}", q.id);
            q.number = format!("{}.{}", q.number, 1);
            q.text = format!(
                "{}(改訂)",
                q.text.replace("文書で定めているか", "定めているか")
            );
            if let Some(g) = &mut q.gate {
                g.question = format!("n-{}", g.question);
            }
        }
    }
    next.reindex();
    next
}

/// The circled number ① … ⑳ (`n` from 1).
pub fn circled(n: usize) -> char {
    char::from_u32(0x2460 + n as u32 - 1).unwrap()
}

/// `c` with every question citing a システム運用編 chapter (its section's place) and item (its
/// place in the section): the short form `(シス7③)` in odd sections, the long form
/// `(システム運用編 第8章③)` in even ones.
pub fn book_cited(mut c: Catalogue) -> Catalogue {
    for (s, section) in c.sections.iter_mut().enumerate() {
        let s = s + 1;
        for (i, q) in section.questions.iter_mut().enumerate() {
            let item = circled(i + 1);
            let cited = if s % 2 == 0 {
                format!("(システム運用編 第{s}章{item})")
            } else {
                format!("(シス{s}{item})")
            };
            q.refs = Some(RefGroup::parse(&cited));
        }
    }
    c.id = format!("{}-book-cited", c.id);
    c.reindex();
    c
}

/// A profile of `n` rules for a [`book_cited`] catalogue of `sections` sections, each selecting
/// some of its questions, of every kind in turn: by id, by number, by chapter (`シス7`), by item
/// in the long form (`システム運用編 7章④`) and by chapter number. Every answer is accepted
/// (推奨); the default is はい or 対象外 (必須).
pub fn many_rules(n: usize, sections: usize) -> Profile {
    let mut p = Profile::default_profile("生成された病院(試験用)");
    p.rules = (0..n)
        .map(|k| {
            let s = k % sections + 1;
            let selector = match k / sections % 5 {
                0 => Selector::Id(format!("g{s}-2")),
                1 => Selector::Number(format!("{s}. 3.")),
                2 => Selector::Ref(format!("シス{s}")),
                3 => Selector::Ref(format!("システム運用編 {s}章{}", circled(4))),
                _ => Selector::Chapter(s as u32),
            };
            Rule {
                selector,
                catalogue: None,
                accept: vec![
                    AnswerValue::Yes,
                    AnswerValue::No,
                    AnswerValue::NotApplicable,
                ],
                weight: Weight::Recommended,
                note: String::new(),
                conditional: Default::default(),
            }
        })
        .collect();
    p
}

/// A class's exercise copies of `model`, as participants fill them in: participant `i` is named
/// 「受講者{i}」 (every seventh leaves the name empty), answers most questions as the model,
/// leaves some open, answers some otherwise (はい where the model says いいえ among them) and
/// leaves some remarks empty.
pub fn class(c: &Catalogue, model: &Project, n: usize) -> Vec<Project> {
    let blank = kaijisho::domain::exercise::exercise_copy(c, model);
    (0..n)
        .map(|i| {
            let mut e = blank.clone();
            if i % 7 != 6 {
                e.exercise.as_mut().unwrap().participant = format!("受講者{i}");
            }
            for (k, q) in c.questions().enumerate() {
                if (i + k) % 11 == 0 {
                    continue;
                }
                let Some(mut a) = model.answers.get(&q.id).cloned() else {
                    continue;
                };
                if (i * 3 + k) % 9 == 0 && q.answer == AnswerKind::YesNoNa {
                    a.value = match a.value {
                        AnswerValue::No => AnswerValue::Yes,
                        _ => AnswerValue::No,
                    };
                }
                if (i + k) % 4 == 0 {
                    a.remark.clear();
                }
                e.answers.insert(q.id.clone(), a);
            }
            e
        })
        .collect()
}
