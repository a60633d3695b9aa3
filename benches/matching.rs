//! Compare and carry-forward of two 3,000-question catalogues whose questions match only by
//! text (every one renumbered and reworded): the worst case of the matching. Target: ≤ 1 s and
//! ≤ 200 MB. `cargo bench --bench matching`; prints the process's peak memory at the end.
//! Figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::domain::carry::{CarryInput, carry};
use kaijisho::domain::compare::{Side, compare};
use kaijisho::domain::project::Header;

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

fn matching(c: &mut Criterion) {
    let old_c = synthetic::catalogue_of(300);
    let new_c = synthetic::next_edition(&old_c);
    let old_p = synthetic::answered_project(&old_c);
    let new_p = synthetic::answered_project(&new_c);
    let sides = [
        Side {
            catalogue: &old_c,
            project: &old_p,
        },
        Side {
            catalogue: &new_c,
            project: &new_p,
        },
    ];
    let table = compare(&sides);
    let matched = table
        .rows
        .iter()
        .filter(|r| r.cells.iter().all(Option::is_some))
        .count();
    println!(
        "{} and {} questions: {} rows, {matched} matched on both sides",
        old_c.question_count(),
        new_c.question_count(),
        table.rows.len()
    );
    let mut g = c.benchmark_group("3000q");
    g.sample_size(10);
    g.bench_function("compare", |b| b.iter(|| compare(black_box(&sides))));
    g.bench_function("carry", |b| {
        b.iter(|| {
            carry(CarryInput {
                old_c: &old_c,
                old_p: black_box(&old_p),
                new_c: &new_c,
                new_source: None,
                header: Header::default(),
                embed: false,
            })
        })
    });
    g.finish();
    // The yearly case: a 300-question statement into a reworded 300-question checklist.
    // Target ≤ 100 ms.
    let small_c = synthetic::catalogue_of(300 / synthetic::PER_SECTION);
    let small_next = synthetic::next_edition(&small_c);
    let small_p = synthetic::answered_project(&small_c);
    let mut g = c.benchmark_group("300q");
    g.bench_function("carry", |b| {
        b.iter(|| {
            carry(CarryInput {
                old_c: &small_c,
                old_p: black_box(&small_p),
                new_c: &small_next,
                new_source: None,
                header: Header::default(),
                embed: false,
            })
        })
    });
    g.finish();
    if let Ok(status) = std::fs::read_to_string("/proc/self/status")
        && let Some(hwm) = status.lines().find(|l| l.starts_with("VmHWM"))
    {
        println!("peak memory of the whole benchmark process: {hwm}");
    }
}

criterion_group!(benches, matching);
criterion_main!(benches);
