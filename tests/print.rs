//! The review sheet and the comparison workbook printed by LibreOffice (headless, when it is
//! installed; skipped with a message when not): the expected page count, landscape pages, and
//! no row shorter than its text — a row too short clips its text, whose glyphs then sit on the
//! next row's, so no two words on a page may overlap.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::{Path, PathBuf};

use std::ffi::OsStr;

mod common {
    pub mod carried;
    pub mod cli;
    pub mod office;
    pub mod tools;
}
use common::cli::{kaijisho_ja as kaijisho, sample};
use common::tools;

/// The workbook printed to PDF by LibreOffice, or `None` when it or poppler (to read the
/// print back) is not installed and the tools are not required (skipped, and said).
fn print_with_libreoffice(xlsx: &Path) -> Option<PathBuf> {
    if !tools::present(&[tools::SOFFICE, tools::PDFTOTEXT]) {
        return None;
    }
    common::office::convert(xlsx, "pdf", "pdf")
}

/// A word on a printed page: page, box (points) and text.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    text: String,
}

/// The text read column by column: words on one line that follow each other closely make a
/// line of a cell; lines that start at the same x are read top to bottom, so the lines of one
/// wrapped cell come together whatever their neighbours hold.
fn column_text(words: &[Word]) -> String {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| {
        (a.page, a.y0, a.x0)
            .partial_cmp(&(b.page, b.y0, b.x0))
            .unwrap()
    });
    // (page, x of the line's first word, y, text)
    let mut lines: Vec<(usize, f64, f64, String)> = Vec::new();
    let mut last: Option<&Word> = None;
    for w in sorted {
        let joins = last.is_some_and(|p| {
            p.page == w.page && (p.y0 - w.y0).abs() < 1.0 && (0.0..4.0).contains(&(w.x0 - p.x1))
        });
        match lines.last_mut() {
            Some(line) if joins => line.3.push_str(&w.text),
            _ => lines.push((w.page, w.x0, w.y0, w.text.clone())),
        }
        last = Some(w);
    }
    lines.sort_by(|a, b| {
        (a.0, (a.1 * 2.0).round() as i64)
            .cmp(&(b.0, (b.1 * 2.0).round() as i64))
            .then(a.2.total_cmp(&b.2))
    });
    lines.into_iter().map(|l| l.3).collect()
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = tag[start..].find('"').unwrap() + start;
    tag[start..end].parse().unwrap()
}

/// Every word of the PDF with its box (`pdftotext -bbox`), and the pages' sizes.
fn words(pdf: &Path) -> (Vec<Word>, Vec<(f64, f64)>) {
    let html = tools::output(
        tools::PDFTOTEXT,
        &[OsStr::new("-bbox"), pdf.as_os_str(), OsStr::new("-")],
    );
    let mut words = Vec::new();
    let mut pages = Vec::new();
    for part in html.split('<').skip(1) {
        if let Some(tag) = part.strip_prefix("page ") {
            pages.push((attr(tag, "width"), attr(tag, "height")));
        } else if let Some(rest) = part.strip_prefix("word ") {
            let (tag, text) = rest.split_once('>').unwrap();
            words.push(Word {
                page: pages.len(),
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                text: text.to_string(),
            });
        }
    }
    (words, pages)
}

/// Pairs of words drawn over each other (a clipped row's hidden lines lie on the next row's).
/// Successive lines of one cell may touch (their boxes include the line gap), so a pair counts
/// when it shares more than 40 % of the lower word's height.
fn overlapping(words: &[Word]) -> Vec<(Word, Word)> {
    let mut found = Vec::new();
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            let across = a.x1.min(b.x1) - a.x0.max(b.x0);
            let down = a.y1.min(b.y1) - a.y0.max(b.y0);
            let height = (a.y1 - a.y0).min(b.y1 - b.y0);
            if a.page == b.page && across > 1.0 && down > 0.4 * height {
                found.push((a.clone(), b.clone()));
            }
        }
    }
    found
}

/// Three statements of the five-question SDS sample: the sample, another vendor with gate 1
/// open, a third with はい written under its closed gate and long remarks.
fn three_statements(dir: &Path) -> Vec<PathBuf> {
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    v["header"]["vendor"] = "株式会社 別の保守事業者".into();
    v["answers"]["q1"]["value"] = "該当".into();
    v["answers"]["q1.1"]["value"] = "はい".into();
    v["answers"]["q1.2"]["value"] = "いいえ".into();
    let open = dir.join("open.json");
    fs::write(&open, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    v["header"]["vendor"] = "三番目の事業者".into();
    v["header"]["version"] = "3.0".into();
    v["answers"]["q1"]["value"] = "非該当".into();
    v["answers"]["q2"]["remark"] =
        "リモート接続は専用線を用い、接続の都度、医療機関の担当者が承認する。\
        接続記録は五年間保存し、求めに応じて提出する。"
            .repeat(3)
            .into();
    let hidden = dir.join("hidden.json");
    fs::write(&hidden, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    vec![sample(), open, hidden]
}

/// Sets every row of the sheet to 14 points, as a writer that fits nothing would.
fn with_short_rows(xlsx: &Path, out: &Path) {
    let mut archive = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(fs::File::create(out).unwrap());
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        if name.starts_with("xl/worksheets/") {
            let text = String::from_utf8(bytes).unwrap();
            let mut fixed = String::new();
            for (k, piece) in text.split(" ht=\"").enumerate() {
                if k == 0 {
                    fixed.push_str(piece);
                } else {
                    let rest = &piece[piece.find('"').unwrap()..];
                    fixed.push_str(" ht=\"14");
                    fixed.push_str(rest);
                }
            }
            bytes = fixed.into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut w, &bytes).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn a_comparison_of_three_statements_prints_on_one_landscape_page_with_whole_rows() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("comparison.xlsx");
    kaijisho()
        .arg("compare")
        .args(three_statements(dir.path()))
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .code(1);
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    // The provenance lines (print date, each statement with its fingerprint) above the table
    // may take the table onto a second page; its headings are repeated there.
    assert!(pages.len() <= 2, "{pages:?}");
    assert!(pages.iter().all(|(w, h)| w > h), "landscape: {pages:?}");
    for page in 1..=pages.len() {
        let on: String = words
            .iter()
            .filter(|w| w.page == page)
            .map(|w| w.text.as_str())
            .collect();
        assert!(on.contains("回答"), "headings on page {page}: {on}");
    }
    let text: String = words.iter().map(|w| w.text.as_str()).collect();
    let columns = column_text(&words);
    assert!(text.contains("sha256:"), "fingerprints: {text}");
    // Vendor and product head the columns; the gate's state is printed.
    for expected in [
        "株式会社別の保守事業者",
        "三番目の事業者",
        "電子カルテシステム",
        "対象外(1が非該当。記入ははい)",
    ] {
        assert!(
            text.contains(expected) || columns.contains(expected),
            "{expected} in {text}\nor, column by column, {columns}"
        );
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );

    // The check can fail: the same workbook with every row 14 points high overlaps.
    let short = dir.path().join("short.xlsx");
    with_short_rows(&xlsx, &short);
    let pdf = print_with_libreoffice(&short).unwrap();
    assert!(!overlapping(&words_of(&pdf)).is_empty());
}

fn words_of(pdf: &Path) -> Vec<Word> {
    words(pdf).0
}

#[test]
fn the_review_sheet_prints_landscape_with_whole_rows_and_the_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.json");
    let mut v: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    v["review"] = serde_json::json!({
        "reviewer": "情報システム課 山田",
        "date": "2026年11月23日",
        "items": {
            "q2": {"status": "要対応", "comment": "接続記録の保存期間と提出方法を契約書に明記すること。".repeat(4)},
            "q3": {"status": "要確認", "comment": "責任者の氏名を確認する。"}
        }
    });
    fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let xlsx = dir.path().join("reviewed.xlsx");
    kaijisho()
        .arg("export")
        .arg(&file)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    let fingerprint = String::from_utf8(
        kaijisho()
            .arg("fingerprint")
            .arg(&file)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    // The statement sheet first (portrait), then the review sheet on one landscape page.
    let review_page = pages.len();
    let last = pages.last().unwrap();
    assert!(last.0 > last.1, "the review sheet is landscape: {pages:?}");
    let on_page: Vec<Word> = words
        .iter()
        .filter(|w| w.page == review_page)
        .cloned()
        .collect();
    let text: String = on_page.iter().map(|w| w.text.as_str()).collect();
    let columns = column_text(&on_page);
    for expected in [
        "レビュー(医療機関による確認)",
        "情報システム課山田",
        "要対応",
        "リモートメンテナンス株式会社(仮称)",
        fingerprint.trim(),
    ] {
        assert!(
            text.contains(expected) || columns.contains(expected),
            "{expected} in {text}\nor, column by column, {columns}"
        );
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );
}

#[test]
fn the_check_report_prints_a_landscape_page_per_sheet_with_whole_rows() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("check.xlsx");
    let profile = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/profiles/default.json");
    kaijisho()
        .arg("check")
        .arg(&profile)
        .args(three_statements(dir.path()))
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .code(1);
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    assert_eq!(pages.len(), 2, "verdicts and details: {pages:?}");
    assert!(pages.iter().all(|(w, h)| w > h), "landscape: {pages:?}");
    let columns = column_text(&words);
    for expected in ["リスク評価が必要", "三番目の事業者", "基準外"] {
        assert!(columns.contains(expected), "{expected} in {columns}");
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );
}

#[test]
fn the_register_prints_on_one_landscape_page_with_whole_rows() {
    use kaijisho::app::documents::ExportFormat;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("received");
    fs::create_dir(&folder).unwrap();
    for (i, f) in three_statements(dir.path()).iter().enumerate() {
        fs::copy(f, folder.join(format!("statement{i}.json"))).unwrap();
    }
    fs::write(folder.join("broken.json"), "{").unwrap();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let progress = kaijisho::app::tasks::Progress::default();
    let view = kaijisho::app::register::read_folder(
        &folder,
        (&shipped, &Default::default()),
        jiff::civil::date(2026, 11, 23),
        &progress,
    )
    .unwrap();
    let l = kaijisho::i18n::Localizer::new(kaijisho::i18n::Lang::Ja);
    let xlsx = dir.path().join("register.xlsx");
    let printed = jiff::civil::date(2026, 11, 23)
        .at(10, 0, 0, 0)
        .in_tz("Asia/Tokyo")
        .unwrap();
    let head = kaijisho::app::provenance::running_head(
        &l,
        l.t("register-title"),
        ("さくら病院", "山田"),
        &printed,
    );
    let prepared = view.prepare(&l, ExportFormat::Xlsx, head);
    assert!(kaijisho::app::compare::write_prepared(&prepared, &xlsx).is_ok());
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    assert_eq!(pages.len(), 1, "{pages:?}");
    assert!(pages[0].0 > pages[0].1, "landscape: {pages:?}");
    let columns = column_text(&words);
    for expected in [
        "受領台帳",
        "broken.json",
        "三番目の事業者",
        "作成から",
        "さくら病院",
        "印刷日時",
        "sha256:",
    ] {
        assert!(columns.contains(expected), "{expected} in {columns}");
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );
}

#[test]
fn the_list_of_changes_prints_landscape_with_headings_on_every_page_and_whole_rows() {
    let dir = tempfile::tempdir().unwrap();
    let carried = common::carried::carried_statement(dir.path(), 40);
    let xlsx = dir.path().join("changes.xlsx");
    kaijisho()
        .arg("changes")
        .arg(&carried)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    assert!(pages.len() >= 2, "{pages:?}");
    assert!(pages.iter().all(|(w, h)| w > h), "landscape: {pages:?}");
    let n = pages.len();
    for page in 1..=n {
        let on: Vec<Word> = words.iter().filter(|w| w.page == page).cloned().collect();
        let text: String = on.iter().map(|w| w.text.as_str()).collect();
        for expected in ["前回の回答", "今回の回答", &format!("{page}/{n}")] {
            assert!(text.contains(expected), "{expected} on page {page}: {text}");
        }
    }
    let columns = column_text(&words);
    for expected in [
        "文言・参照の変更",
        "引き継ぎ先のない設問",
        "前回の参照:8.3.C2(1)~(9)",
        "責任者は来年度に置く予定",
        "追加設問40終わり",
    ] {
        assert!(columns.contains(expected), "{expected} in {columns}");
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );
}

#[test]
fn the_dossier_workbook_prints_landscape_with_whole_rows_and_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("received");
    fs::create_dir(&folder).unwrap();
    for (i, f) in three_statements(dir.path()).iter().enumerate() {
        fs::copy(f, folder.join(format!("statement{i}.json"))).unwrap();
    }
    fs::write(
        folder.join("kaijisho-register.json"),
        r#"{"format": "kaijisho-register", "format_version": 1,
            "entries": {"statement0.json": {"system": "電子カルテ", "received": "2026年4月10日"}}}"#,
    )
    .unwrap();
    let xlsx = dir.path().join("dossier.xlsx");
    kaijisho()
        .args(["dossier", "--organisation", "さくら病院", "--xlsx"])
        .arg(&xlsx)
        .arg(&folder)
        .assert()
        .code(1);
    let Some(pdf) = print_with_libreoffice(&xlsx) else {
        return;
    };
    let (words, pages) = words(&pdf);
    assert!(
        pages.len() >= 3,
        "the cover and a page per system: {pages:?}"
    );
    assert!(pages.iter().all(|(w, h)| w > h), "landscape: {pages:?}");
    let columns = column_text(&words);
    for expected in [
        "立入検査パック",
        "さくら病院",
        "印刷日時",
        "sha256:",
        "電子カルテ",
        "リスク評価",
    ] {
        assert!(columns.contains(expected), "{expected} in {columns}");
    }
    let overlaps = overlapping(&words);
    assert!(
        overlaps.is_empty(),
        "rows shorter than their text: {overlaps:?}"
    );
}
