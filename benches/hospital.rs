//! The hospital side at scale: 200 statements of 300 questions checked against a profile, and a
//! register folder of 200 statements read (every file parsed, its catalogue resolved, checked
//! against the register's profile, warnings judged). Targets: each ≤ 1 s. And one statement of
//! 20,000 questions citing book chapters against 10,000 rules of every kind (the case
//! `tests/hostile.rs` runs through the CLI, ≤ 2 s there). The inspection dossier of the same
//! folder (read, copies kept, checked) and its PDF: target ≤ 2 s. `cargo bench --bench hospital`;
//! figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::app::hospital::check_opened;
use kaijisho::app::register::read_folder;
use kaijisho::app::tasks::Progress;
use kaijisho::domain::profile::{Profile, Rule, Selector, Weight};
use kaijisho::domain::register::RegisterFile;

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

const STATEMENTS: usize = 200;
/// The day the statements' ages are counted to.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 11, 23);

fn profile() -> Profile {
    let mut p = Profile::default_profile("ベンチマーク");
    p.rules = vec![
        Rule {
            selector: Selector::Chapter(6),
            catalogue: None,
            accept: vec![
                kaijisho::domain::answer::AnswerValue::Yes,
                kaijisho::domain::answer::AnswerValue::No,
            ],
            weight: Weight::Recommended,
            note: String::new(),
            conditional: Default::default(),
        },
        Rule {
            selector: Selector::Number("1.1".into()),
            catalogue: None,
            accept: vec![kaijisho::domain::answer::AnswerValue::Yes],
            weight: Weight::Required,
            note: String::new(),
            conditional: Default::default(),
        },
    ];
    p
}

fn hospital(c: &mut Criterion) {
    let cat = synthetic::catalogue();
    let mut project = synthetic::answered_project(&cat);
    let opened: Vec<_> = (0..STATEMENTS)
        .map(|i| {
            project.header.vendor = format!("事業者{i}");
            (project.clone(), cat.clone())
        })
        .collect();
    let files: Vec<PathBuf> = (0..STATEMENTS)
        .map(|i| PathBuf::from(format!("s{i}.json")))
        .collect();
    let profile = profile();
    let t = Instant::now();
    let report = check_opened(&profile, "p.json".as_ref(), &files, &opened).unwrap();
    println!(
        "check of {STATEMENTS} statements of {} questions: {:.1} ms ({} outside the profile)",
        cat.question_count(),
        t.elapsed().as_secs_f64() * 1000.0,
        report
            .statements
            .iter()
            .filter(|s| !s.check.deviations.is_empty())
            .count()
    );
    c.bench_function("check_200x300", |b| {
        b.iter(|| black_box(check_opened(&profile, "p.json".as_ref(), &files, &opened).unwrap()))
    });

    // A register folder of 200 statement files and a profile.
    let dir = tempfile::tempdir().unwrap();
    for (i, (p, _)) in opened.iter().enumerate() {
        kaijisho::io::save_project(&dir.path().join(format!("s{i:03}.json")), p).unwrap();
    }
    kaijisho::io::hospital::save_profile(&dir.path().join("profile.json"), &profile).unwrap();
    let mut register = RegisterFile::default();
    register.settings.profile = Some("profile.json".into());
    register.settings.edition = Some("6.0".into());
    kaijisho::io::hospital::save_register(dir.path(), &register).unwrap();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let t = Instant::now();
    let view = read_folder(
        dir.path(),
        (&shipped, &Default::default()),
        TODAY,
        &Progress::default(),
    )
    .unwrap();
    println!(
        "register of {} files read: {:.1} ms",
        view.lines.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(
        view.lines.len(),
        STATEMENTS,
        "the profile file is not a statement"
    );
    assert!(view.lines.iter().all(|l| l.read.is_ok()));
    c.bench_function("register_200", |b| {
        b.iter(|| {
            black_box(
                read_folder(
                    dir.path(),
                    (&shipped, &Default::default()),
                    TODAY,
                    &Progress::default(),
                )
                .unwrap(),
            )
        })
    });
    dossier(c, dir.path(), &shipped);
    many_rules(c);
}

/// The inspection dossier of the same folder: every statement read, a copy kept (the first
/// read writes 200 copies), checked, its items found; then written as the PDF. Target ≤ 2 s.
fn dossier(c: &mut Criterion, folder: &std::path::Path, shipped: &[kaijisho::domain::Catalogue]) {
    use kaijisho::app::dossier::{ProfileChoice, dossier_tables, read_dossier};
    let choice = || ProfileChoice::Given(Profile::default_profile("既定"));
    let t = Instant::now();
    let view = read_dossier(
        folder,
        choice(),
        (shipped, &Default::default()),
        TODAY,
        &Progress::default(),
    )
    .unwrap();
    println!(
        "dossier of {} statements read (copies written): {:.1} ms, {} items",
        view.dossier.totals.statements,
        t.elapsed().as_secs_f64() * 1000.0,
        view.dossier.totals.items
    );
    assert_eq!(view.dossier.totals.statements, STATEMENTS);
    c.bench_function("dossier_200x300", |b| {
        b.iter(|| {
            black_box(
                read_dossier(
                    folder,
                    choice(),
                    (shipped, &Default::default()),
                    TODAY,
                    &Progress::default(),
                )
                .unwrap(),
            )
        })
    });
    let l = kaijisho::i18n::Localizer::new(kaijisho::i18n::Lang::Ja);
    let head = kaijisho::io::pdf::RunningHead {
        title: "立入検査パック".into(),
        by: "病院".into(),
        printed: "2026-11-23".into(),
        page: "{page} / {pages}".into(),
    };
    let font = kaijisho::assets::print_font().unwrap();
    let t = Instant::now();
    let tables = dossier_tables(&l, &view, Vec::new());
    let pdf = kaijisho::io::pdf::tables_pdf(&tables, &head, font).unwrap();
    println!(
        "dossier PDF: {:.1} ms, {} KiB",
        t.elapsed().as_secs_f64() * 1000.0,
        pdf.bytes.len() / 1024
    );
    c.bench_function("dossier_pdf_200x300", |b| {
        b.iter(|| {
            let tables = dossier_tables(&l, &view, Vec::new());
            black_box(kaijisho::io::pdf::tables_pdf(&tables, &head, font).unwrap())
        })
    });
}

/// 10,000 rules (by id, number, chapter citation, item citation in the long form, chapter)
/// against 20,000 questions citing システム運用編 chapters: every rule checked to select
/// something, then every question's governing rule found and its answers judged.
fn many_rules(c: &mut Criterion) {
    let cat = synthetic::book_cited(synthetic::catalogue_of(2_000));
    let opened = vec![(synthetic::answered_project(&cat), cat)];
    let files = vec![PathBuf::from("20k.json")];
    let profile = synthetic::many_rules(10_000, 2_000);
    let t = Instant::now();
    let report = check_opened(&profile, "p.json".as_ref(), &files, &opened).unwrap();
    println!(
        "check of {} questions against {} rules: {:.1} ms ({} checked)",
        opened[0].1.question_count(),
        profile.rules.len(),
        t.elapsed().as_secs_f64() * 1000.0,
        report.statements[0].check.checked
    );
    c.bench_function("check_10k_rules_x_20k", |b| {
        b.iter(|| black_box(check_opened(&profile, "p.json".as_ref(), &files, &opened).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = hospital
}
criterion_main!(benches);
