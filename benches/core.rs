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
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = core
}
criterion_main!(benches);
