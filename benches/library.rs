//! The answer library at scale: a 300-question statement filled from a library of 3,000
//! entries (target ≤ 100 ms), 50 statements of 300 questions checked against each other and a
//! library (target ≤ 1 s), and a library of 3,000 entries built from ten statements.
//! `cargo bench --bench library`; figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::Catalogue;
use kaijisho::domain::history::Editable;
use kaijisho::domain::library::{Library, LibraryEdit, StatementInfo, entries_from};
use kaijisho::domain::library_check::{CheckInput, Checked, check};
use kaijisho::domain::library_fill::{FillOptions, plan};
use kaijisho::domain::project::{Header, Project};

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

/// Ten products' statements of 300 questions each, every product's catalogue its own (another
/// id and reworded texts), so the library holds 3,000 distinct entries.
fn statements() -> Vec<(Catalogue, Project)> {
    let mut c = synthetic::catalogue();
    (0..10)
        .map(|k| {
            c = synthetic::next_edition(&c);
            for (i, q) in c
                .sections
                .iter_mut()
                .flat_map(|s| &mut s.questions)
                .enumerate()
            {
                q.text = format!("{}(製品群{k}の設問{i})", q.text);
                q.refs = Some(kaijisho::domain::refs::RefGroup::parse(&format!(
                    "({}.{}.C{})",
                    k + 1,
                    i / 10 + 1,
                    i % 10 + 1
                )));
            }
            c.reindex();
            let mut p = synthetic::answered_project(&c);
            p.header.product = format!("製品{k}");
            (c.clone(), p)
        })
        .collect()
}

fn library_of(statements: &[(Catalogue, Project)]) -> Library {
    let mut lib = Library::default();
    for (c, p) in statements {
        let info = StatementInfo::of("s.json", c, p);
        lib.apply_edit(
            &(),
            &LibraryEdit::Add(entries_from(c, p, &info, None, "2026-01-01")),
        )
        .unwrap();
    }
    lib
}

fn library(c: &mut Criterion) {
    let statements = statements();
    let lib = library_of(&statements);
    println!("library: {} entries", lib.entries.len());
    let (target_c, _) = &statements[4];
    let empty = Project::new(target_c, Header::default(), true);
    let opt = FillOptions {
        library: "bench".into(),
        max_age_months: 12,
        today: kaijisho::domain::date::parse_date("2026-12-07"),
        ..FillOptions::default()
    };
    let filled = plan(&lib, target_c, &empty, &[], &opt);
    println!(
        "fill: {} filled, {} offered, {} unmatched",
        filled.filled.len(),
        filled.offered.len(),
        filled.unmatched
    );
    // Fifty statements: five of each product, one answer in ten turned around.
    let fifty: Vec<(Catalogue, Project)> = (0..50)
        .map(|n| {
            let (c, mut p) = statements[n % 10].clone();
            p.header.product = format!("製品{}-{}", n % 10, n / 10);
            for (i, a) in p.answers.values_mut().enumerate() {
                if (i + n / 10) % 10 == 0 && a.value == AnswerValue::Yes {
                    a.value = AnswerValue::No;
                }
            }
            (c, p)
        })
        .collect();
    let checked: Vec<Checked> = fifty
        .iter()
        .map(|(c, p)| Checked {
            file: "s.json".into(),
            catalogue: c,
            project: p,
        })
        .collect();
    let words = kaijisho::assets::library_words().unwrap();
    let alone = CheckInput {
        library: None,
        words: &words,
        today: opt.today,
    };
    println!("check: {} findings", check(&checked, &alone).findings.len());
    let mut g = c.benchmark_group("library");
    g.sample_size(10);
    g.bench_function("fill_300_from_3000", |b| {
        b.iter(|| plan(black_box(&lib), target_c, &empty, &[], &opt))
    });
    g.bench_function("check_50x300", |b| {
        b.iter(|| check(black_box(&checked), &alone))
    });
    let with_library = CheckInput {
        library: Some((&lib, "lib.json".into())),
        words: &words,
        today: opt.today,
    };
    g.bench_function("check_50x300_library_3000", |b| {
        b.iter(|| check(black_box(&checked), &with_library))
    });
    g.bench_function("build_3000", |b| {
        b.iter(|| library_of(black_box(&statements)))
    });
    g.finish();
}

criterion_group!(benches, library);
criterion_main!(benches);
