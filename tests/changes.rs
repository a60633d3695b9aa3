//! `kaijisho changes`: what changed since the last submission, for a statement carried forward
//! through the CLI onto a newer edition of the seed (tests/common/carried.rs) — as text, as an
//! A4-landscape PDF (read back with poppler) and as a workbook (read back with calamine, its
//! print setup from the package's XML).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use predicates::prelude::*;

mod common {
    pub mod carried;
    pub mod cli;
    pub mod tools;
}
use common::carried::{REWORDED, carried_statement};
use common::cli::{kaijisho, kaijisho_ja, sample};
use common::tools;

fn fingerprint(file: &Path) -> String {
    let out = kaijisho().arg("fingerprint").arg(file).output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn the_text_lists_each_kind_by_section_then_the_counts() {
    let dir = tempfile::tempdir().unwrap();
    let carried = carried_statement(dir.path(), 0);
    let out = kaijisho().arg("changes").arg(&carried).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} in\n{text}"))
    };
    // Sections in the new checklist's order, dropped questions last under their earlier one.
    let isms = at("■ 医療機関等における情報セキュリティマネジメントシステム");
    let reworded = at("Wording or reference changed");
    let organisation = at("■ 組織的安全管理対策");
    let new = at("New question");
    let answer = at("Answer changed");
    let dropped = at("Question without a counterpart");
    assert!(isms < reworded && reworded < organisation, "{text}");
    assert!(
        organisation < new && new < answer && answer < dropped,
        "{text}"
    );
    // The renumbered question with its earlier number and both answers; いいえ and the remark.
    assert!(lines[answer].contains("3.1 ← 3"), "{}", lines[answer]);
    assert!(
        lines[answer].contains("before: yes (はい)")
            && lines[answer].contains("now: no (いいえ) / Remark: 責任者は来年度に置く予定"),
        "{}",
        lines[answer]
    );
    // The new question's options, as label: value.
    assert!(
        lines[new].contains("ID/パスワード: yes (はい) / クライアント証明書: no (いいえ)"),
        "{}",
        lines[new]
    );
    assert!(lines[new].contains("before: —"), "{}", lines[new]);
    // The reworded question: earlier wording, then the new one.
    assert!(lines[reworded].contains("Before: 扱う情報のリストを医療機関等に提示"));
    assert!(
        lines[dropped].contains("(none) ← 1.2"),
        "{}",
        lines[dropped]
    );
    assert!(lines[dropped].contains("now: —"), "{}", lines[dropped]);
    assert_eq!(
        lines.last().unwrap(),
        &"1 new, 1 reworded or re-referenced, 1 answers changed, 1 without counterpart"
    );
    // Three section titles, four rows, the counts.
    assert_eq!(lines.len(), 3 + 4 + 1, "{text}");
}

#[test]
fn a_statement_not_carried_forward_is_refused_by_name() {
    kaijisho()
        .arg("changes")
        .arg(sample())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sds-remote-service-sample.json"))
        .stderr(predicate::str::contains("not carried forward"));
    kaijisho_ja()
        .arg("changes")
        .arg(sample())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("引き継いで作った開示書ではない"));
}

#[test]
fn an_output_naming_the_statement_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let carried = carried_statement(dir.path(), 0);
    let before = fs::read(&carried).unwrap();
    kaijisho()
        .arg("changes")
        .arg(&carried)
        .arg("--pdf")
        .arg(&carried)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the same file as the input"));
    assert_eq!(fs::read(&carried).unwrap(), before);
}

/// The pages of a PDF as `pdftotext -layout` reads them.
fn pdf_pages(pdf: &Path) -> Vec<String> {
    tools::output(tools::PDFTOTEXT, &["-layout", pdf.to_str().unwrap(), "-"])
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_pdf_is_landscape_with_headings_dates_and_page_numbers_on_every_page() {
    if !tools::present(&[tools::PDFTOTEXT, tools::PDFINFO]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let carried = carried_statement(dir.path(), 40);
    let pdf = dir.path().join("changes.pdf");
    kaijisho_ja()
        .arg("changes")
        .arg(&carried)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success()
        .stdout(predicate::str::contains("changes.pdf"));
    let info = tools::output(tools::PDFINFO, &[pdf.to_str().unwrap()]);
    let size = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap();
    let dims: Vec<f64> = size
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert!(dims[0] > dims[1], "landscape: {size}");
    assert!((dims[0] - 841.89).abs() < 1.0, "A4: {size}");
    // Without spaces: poppler sets them by the gaps it sees.
    let pages: Vec<String> = pdf_pages(&pdf)
        .iter()
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let n = pages.len();
    assert!(n >= 3, "{n} pages");
    let today = jiff::Zoned::now().strftime("%Y-%m-%d").to_string();
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("{}/{n}", i + 1)), "page {i}: {page}");
        assert!(page.contains(&format!("印刷{today}")), "page {i}: {page}");
        for heading in ["区分", "前回の回答", "今回の回答"] {
            assert!(page.contains(heading), "{heading} on page {}", i + 1);
        }
    }
    // Both statements named, with their fingerprints, and the counts, on the first page.
    let first = &pages[0];
    assert!(first.contains(&fingerprint(&carried)), "{first}");
    assert!(first.contains(&fingerprint(&sample())), "{first}");
    assert!(
        first.contains("Ver.4.1") && first.contains("Ver.4.2"),
        "{first}"
    );
    assert!(
        first.contains("新しい設問41件") && first.contains("引き継ぎ先のない設問1件"),
        "{first}"
    );
    let all: String = pages.concat();
    for kind in [
        "新しい設問",
        "文言・参照の変更",
        "回答の変更",
        "引き継ぎ先のない設問",
    ] {
        assert!(
            all.matches(kind).count() >= 2,
            "{kind} as a row, not only a count"
        );
    }
    assert!(all.contains("3.1←3"), "{all}");
    assert!(all.contains(&format!("▶今回:{REWORDED}")), "{all}");
    assert!(all.contains("(なし)←1.2"), "{all}");
    // No row is split between pages: each long question's first and last words on one page.
    for q in 1..=40 {
        let (start, end) = (format!("追加設問{q}始め"), format!("追加設問{q}終わり"));
        let page_of = |s: &str| {
            let on: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, p)| p.contains(s))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(on.len(), 1, "{s} on pages {on:?}");
            on[0]
        };
        assert_eq!(page_of(&start), page_of(&end), "question 5.{q} split");
    }
}

#[test]
fn no_is_drawn_bold_in_the_pdf() {
    if !tools::present(&[tools::PDFTOTEXT]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let carried = carried_statement(dir.path(), 0);
    let pdf = dir.path().join("changes.pdf");
    kaijisho_ja()
        .arg("changes")
        .arg(&carried)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success();
    // Bold is fill-and-stroke text (rendering mode 2): on for いいえ, back to fill after it.
    let raw = inflated_streams(&fs::read(&pdf).unwrap());
    let bold = raw.matches(" 2 Tr").count() + raw.matches("\n2 Tr").count();
    // 3.1's いいえ, the option's いいえ.
    assert_eq!(bold, 2, "bold runs");
}

/// Every Flate stream of a PDF, inflated, joined.
fn inflated_streams(bytes: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let mut out = String::new();
    for object in doc.objects.values() {
        if let lopdf::Object::Stream(s) = object
            && let Ok(content) = s.decompressed_content()
        {
            out.push_str(&String::from_utf8_lossy(&content));
            out.push('\n');
        }
    }
    out
}

#[test]
fn the_workbook_holds_the_header_block_and_the_table_and_prints_landscape() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let carried = carried_statement(dir.path(), 0);
    let xlsx = dir.path().join("changes.xlsx");
    kaijisho_ja()
        .arg("changes")
        .arg(&carried)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    let mut x: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(x.sheet_names(), ["変更一覧"]);
    let range = x.worksheet_range("変更一覧").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    let find = |first: &str| {
        rows.iter()
            .position(|r| r[0] == first)
            .unwrap_or_else(|| panic!("{first} in {rows:?}"))
    };
    assert_eq!(rows[0][0], "前回提出からの変更");
    let fp = &rows[find("指紋 (SHA-256)")];
    assert_eq!(fp[2], fingerprint(&sample()));
    assert_eq!(fp[3], fingerprint(&carried));
    let vendor = &rows[find("事業者")];
    assert_eq!(vendor[2], "リモートメンテナンス株式会社 (仮称)");
    assert!(rows.iter().any(|r| r[0].starts_with("印刷 ")));
    assert!(rows.iter().any(|r| r[0].contains("回答の変更 1 件")));
    let head = find("区分");
    assert_eq!(rows[head][4], "今回の回答");
    // The table below: section rows, then each kind's row.
    let body = &rows[head + 1..];
    let kinds: Vec<&str> = body.iter().map(|r| r[0].as_str()).collect();
    assert!(
        kinds
            .iter()
            .any(|k| k.starts_with("医療機関等における情報セキュリティ"))
    );
    let row = |kind: &str| body.iter().find(|r| r[0] == kind).unwrap();
    let reworded = row("文言・参照の変更");
    assert_eq!(
        reworded[2],
        format!(
            "前回: 扱う情報のリストを医療機関等に提示できるか?\n▶今回: {REWORDED}\n参照: 6.2.C1"
        )
    );
    let answer = row("回答の変更");
    assert_eq!(answer[1], "3.1 ← 3");
    assert_eq!(answer[3].lines().next(), Some("はい"));
    assert_eq!(answer[4], "いいえ\n備考: 責任者は来年度に置く予定");
    let new = row("新しい設問");
    assert_eq!(new[3], "—");
    assert_eq!(new[4], "ID/パスワード: はい\nクライアント証明書: いいえ");
    let dropped = row("引き継ぎ先のない設問");
    assert_eq!(dropped[1], "(なし) ← 1.2");
    // The print setup, from the sheet's XML: A4 landscape, one page wide, headings repeated.
    let mut zip = zip::ZipArchive::new(fs::File::open(&xlsx).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    for setting in [
        "paperSize=\"9\"",
        "orientation=\"landscape\"",
        "fitToHeight=\"0\"",
        "<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>",
    ] {
        assert!(sheet.contains(setting), "{setting} in {sheet}");
    }
    let mut workbook = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/workbook.xml").unwrap(), &mut workbook)
        .unwrap();
    let titles = format!("変更一覧!${}:${}", head + 1, head + 1);
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    assert!(workbook.contains(&titles), "{titles} in {workbook}");
    // いいえ in bold: the answer cell's font, or its part of a rich string.
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("<r><rPr><b/>") && strings.contains("いいえ</t></r>"),
        "{strings}"
    );
}
