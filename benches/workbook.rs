//! Someone else's workbook at the size of a full checklist: 300 questions in 30 sections, laid
//! out as official-style forms plausibly are (title, header labels, a heading row, numbers
//! `n-m`, a 参照 column with 第6.0版 references, はい/いいえ/対象外 answer words, remarks). Read
//! by detection (`import_detected_300q`) and filled again with every answer changed
//! (`fill_300q`). Targets: each ≤ 50 ms. `cargo bench --bench workbook`; figures in
//! docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::edit::Edit;
use kaijisho::io::xlsx::{fill_workbook, import_workbook};

const SECTIONS: usize = 30;
const PER_SECTION: usize = 10;

/// The workbook: the benches' own wording, not official text.
fn workbook() -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    ws.write(
        0,
        0,
        "製造業者による医療情報セキュリティ開示書 チェックリスト (Ver.5.0用)",
    )
    .unwrap();
    ws.write(1, 0, "製造業者名").unwrap();
    ws.write(1, 1, "株式会社ベンチ").unwrap();
    ws.write(2, 0, "製品名称").unwrap();
    ws.write(2, 1, "ベンチ画像サーバ").unwrap();
    ws.write_row(4, 0, ["No.", "チェック項目", "参照", "回答", "備考"])
        .unwrap();
    let words = ["はい", "いいえ", "対象外"];
    let mut r = 5;
    for s in 1..=SECTIONS {
        ws.write(r, 0, s.to_string()).unwrap();
        ws.write(r, 1, format!("第{s}節の管理策")).unwrap();
        r += 1;
        for q in 1..=PER_SECTION {
            ws.write(r, 0, format!("{s}-{q}")).unwrap();
            ws.write(
                r,
                1,
                format!("第{s}節の{q}番目の管理策について、手順を文書化し、担当者を定めて運用しているか?"),
            )
            .unwrap();
            ws.write(
                r,
                2,
                format!("シス{}{}", s % 20 + 1, ['①', '②', '③'][q % 3]),
            )
            .unwrap();
            ws.write(r, 3, words[(s + q) % 3]).unwrap();
            if q % 2 == 0 {
                ws.write(
                    r,
                    4,
                    format!("第{s}節{q}: 年次の点検で確認済み。記録は保守報告書に添付。"),
                )
                .unwrap();
            }
            r += 1;
        }
    }
    wb.save_to_buffer().unwrap()
}

fn benches(c: &mut Criterion) {
    let bytes = workbook();
    let vocab = kaijisho::assets::import_vocabulary();
    let path = Path::new("checklist.xlsx");
    let imported = import_workbook(path, bytes.clone(), None, vocab).unwrap();
    assert_eq!(imported.report.questions, SECTIONS * PER_SECTION);
    let mut project = imported.project.clone();
    let edits: Vec<Edit> = imported
        .catalogue
        .questions()
        .enumerate()
        .flat_map(|(i, q)| {
            [
                Edit::Value {
                    question: q.id.clone(),
                    option: None,
                    value: [AnswerValue::Yes, AnswerValue::NotApplicable][i % 2],
                },
                Edit::Remark {
                    question: q.id.clone(),
                    option: None,
                    text: format!("確認しました ({i})"),
                },
            ]
        })
        .collect();
    project.apply_all(&imported.catalogue, &edits).unwrap();

    let mut g = c.benchmark_group("workbook");
    g.sample_size(30);
    g.bench_function("import_detected_300q", |b| {
        b.iter(|| import_workbook(path, black_box(bytes.clone()), None, vocab).unwrap())
    });
    g.bench_function("fill_300q", |b| {
        b.iter(|| {
            fill_workbook(
                path,
                black_box(bytes.clone()),
                &imported.catalogue,
                &project,
                vocab,
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(group, benches);
criterion_main!(group);
