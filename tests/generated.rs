//! The generated 300-question statement (tests/common/synthetic.rs) as a file, for the
//! measurement scripts: `KAIJISHO_GENERATED_OUT=g.json cargo test --test generated -- --ignored`.
//! The ordinary run checks that the statement is what the benchmarks claim.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common {
    pub mod synthetic;
}
use common::synthetic;

use kaijisho::domain::validation::{Severity, validate};

#[test]
fn the_generated_statement_is_complete_and_valid() {
    let c = synthetic::catalogue();
    assert_eq!(c.questions().count(), 300);
    assert!(c.check().is_empty(), "{:?}", c.check());
    let p = synthetic::answered_project(&c);
    assert_eq!(p.answers.len(), 300);
    let errors = validate(&c, &p)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(errors, 0);
    assert!(p.answers.values().all(|a| {
        a.remark.chars().count() > 100 || a.options.values().all(|o| o.remark.chars().count() > 100)
    }));
}

#[test]
#[ignore = "writes the generated statement for scripts/perf.sh"]
fn write_generated_statement() {
    let out = std::env::var("KAIJISHO_GENERATED_OUT").expect("KAIJISHO_GENERATED_OUT");
    let c = synthetic::catalogue();
    kaijisho::io::save_project(std::path::Path::new(&out), &synthetic::answered_project(&c))
        .unwrap();
}
