//! Speed of the file paths on the generated 300-question statement (tests/common/synthetic.rs):
//! JSON load and save, validation, xlsx and PDF export, and import of an exported workbook.
//! `cargo bench --bench core`; figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::domain::validation::validate;
use kaijisho::io::json::{project_from_bytes, save_project, to_pretty_json};
use kaijisho::io::pdf::statement_pdf;
use kaijisho::io::xlsx::export::statement_xlsx;
use kaijisho::io::xlsx::import::import_workbook;

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

fn core(c: &mut Criterion) {
    let cat = synthetic::catalogue();
    let project = synthetic::answered_project(&cat);
    let form = kaijisho::assets::form().unwrap();
    let font = kaijisho::assets::print_font().unwrap();
    let when = jiff::Zoned::now();
    let json = to_pretty_json(&project).unwrap();
    let xlsx = statement_xlsx(&cat, &project, &form).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("statement.json");
    println!(
        "statement: {} questions, JSON {} bytes, xlsx {} bytes",
        cat.questions().count(),
        json.len(),
        xlsx.len()
    );

    let mut g = c.benchmark_group("300q");
    g.bench_function("json_load", |b| {
        b.iter(|| project_from_bytes(Path::new("statement.json"), black_box(&json)).unwrap())
    });
    g.bench_function("json_serialize", |b| {
        b.iter(|| to_pretty_json(black_box(&project)).unwrap())
    });
    g.bench_function("json_save_atomic_fsync", |b| {
        b.iter(|| save_project(&file, black_box(&project)).unwrap())
    });
    g.bench_function("validate", |b| {
        b.iter(|| validate(black_box(&cat), black_box(&project)))
    });
    g.bench_function("export_xlsx", |b| {
        b.iter(|| statement_xlsx(black_box(&cat), black_box(&project), &form).unwrap())
    });
    g.bench_function("export_pdf", |b| {
        b.iter(|| statement_pdf(black_box(&cat), black_box(&project), &form, font, &when).unwrap())
    });
    g.bench_function("export_xlsx_and_pdf", |b| {
        b.iter(|| {
            let x = statement_xlsx(&cat, &project, &form).unwrap();
            let p = statement_pdf(&cat, &project, &form, font, &when).unwrap();
            (x, p)
        })
    });
    g.bench_function("import_xlsx", |b| {
        b.iter(|| {
            import_workbook(
                Path::new("statement.xlsx"),
                black_box(xlsx.clone()),
                None,
                kaijisho::assets::import_vocabulary(),
            )
            .unwrap()
        })
    });
    g.finish();
    class(c, &cat, &project);
}

/// A seminar's 答え合わせ: 30 participants' copies of the 300-question statement read from
/// files and checked against the model (target ≤ 1 s), and the class PDF worded and laid out.
fn class(c: &mut Criterion, cat: &kaijisho::domain::Catalogue, model: &kaijisho::domain::Project) {
    use kaijisho::app::exercise_class::{Given, ModelChoice, class_report_lines, run_class};
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<std::path::PathBuf> = synthetic::class(cat, model, 30)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let f = dir.path().join(format!("p{i:02}.json"));
            save_project(&f, p).unwrap();
            f
        })
        .collect();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let check = || {
        let given = Given {
            opened: (model.clone(), cat.clone()),
            file: None,
        };
        run_class(
            ModelChoice::Given(given),
            &files,
            &shipped,
            &kaijisho::app::tasks::Progress::default(),
            "-",
        )
        .unwrap()
    };
    let run = check();
    assert_eq!(run.class.participants.len(), 30);
    let l = kaijisho::i18n::Localizer::new(kaijisho::i18n::Lang::Ja);
    let font = kaijisho::assets::print_font().unwrap();
    let lines = class_report_lines(&l, &run, "2026年12月7日");
    let pdf = kaijisho::io::pdf::report_pdf("答え合わせ", &lines, font).unwrap();
    println!(
        "class of 30: {} report lines, PDF {} bytes",
        lines.len(),
        pdf.bytes.len()
    );
    let mut g = c.benchmark_group("class_30x300");
    g.sample_size(10);
    g.bench_function("read_and_check", |b| b.iter(|| black_box(check())));
    g.bench_function("report_pdf", |b| {
        b.iter(|| {
            let lines = class_report_lines(&l, &run, "2026年12月7日");
            kaijisho::io::pdf::report_pdf("答え合わせ", &lines, font).unwrap()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = core
}
criterion_main!(benches);
