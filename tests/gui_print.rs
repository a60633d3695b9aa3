//! Printouts an inspector accepts, through the menus and buttons: the comparison, the check and
//! the register, as PDF and workbook, carry the print date, the hospital and the reviewer from
//! the settings (set in ファイル → 病院名と確認者…), page n / N on every page and each
//! statement's fingerprint; the comparison and the register print landscape.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
    pub mod tools;
}
use common::gui::{H, answer_path, menu, retype, settle, shows};
use common::tools;

const HOSPITAL: &str = "さくら病院";
const REVIEWER: &str = "情報システム課 山田";

fn harness(dir: &Path, named: bool) -> H {
    let mut settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    if named {
        settings.organisation = HOSPITAL.into();
        settings.reviewer = REVIEWER.into();
    }
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1400.0, 900.0))
}

/// Two statements in `dir`: A社 within, B社 answering question 2 いいえ.
fn statements(dir: &Path) -> [PathBuf; 2] {
    let a = dir.join("a.json");
    let b = dir.join("b.json");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    p.header.vendor = "A社".into();
    kaijisho::io::save_project(&a, &p).unwrap();
    p.header.vendor = "B社".into();
    p.answers.get_mut("q2").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&b, &p).unwrap();
    [a, b]
}

/// Adds `files` through the window's path box (labelled `label`) and 追加.
fn add_files(h: &mut H, label: &str, files: &[PathBuf]) {
    for f in files {
        retype(h, Role::TextInput, label, &f.display().to_string());
        h.get_by_label("追加").click();
        settle(h);
    }
}

/// Clicks the open window's export button (`Excel に書き出す…` or `PDF に書き出す…`) and
/// answers the prompt with `path`.
fn export(h: &mut H, button: &str, path: &Path) {
    h.get_by_label(button).click();
    settle(h);
    answer_path(h, path);
    settle(h);
    assert!(path.exists(), "{} is written", path.display());
}

/// The PDF's text, pages and whether it is landscape; `None` without poppler (skipped).
fn pdf_facts(pdf: &Path) -> Option<(String, usize, bool)> {
    if !tools::present(&[tools::PDFTOTEXT, tools::PDFINFO]) {
        return None;
    }
    let text = tools::output(
        tools::PDFTOTEXT,
        &["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()],
    );
    let info = tools::output(tools::PDFINFO, &[pdf.as_os_str()]);
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_else(|| panic!("{name} in {info}"))
            .to_string()
    };
    let pages: usize = field("Pages:").parse().unwrap();
    // 「841.89 x 595.28 pts (A4)」
    let size = field("Page size:");
    let mut wh = size
        .split_whitespace()
        .filter_map(|w| w.parse::<f64>().ok());
    let (w, h) = (wh.next().unwrap(), wh.next().unwrap());
    Some((text, pages, w > h))
}

/// What every printout shows: the date, the hospital and the reviewer, a fingerprint per
/// statement, and "n / N" on every page.
fn assert_provenance(pdf: &Path, statements: usize, landscape: bool) {
    let Some((text, pages, wide)) = pdf_facts(pdf) else {
        return;
    };
    for needle in [HOSPITAL, REVIEWER, "印刷日時: 2026-11-23", "A社", "B社"] {
        assert!(
            text.contains(needle),
            "{needle} in {}:\n{text}",
            pdf.display()
        );
    }
    assert!(
        text.matches("sha256:").count() >= statements,
        "a fingerprint per statement in {}:\n{text}",
        pdf.display()
    );
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for n in 1..=pages {
        let page = format!("{n}/{pages}");
        assert!(
            compact.contains(&page),
            "{page} in {}:\n{text}",
            pdf.display()
        );
    }
    if landscape {
        assert!(wide, "{} prints landscape", pdf.display());
    }
}

/// Every cell of every sheet of a workbook, as text.
fn workbook_cells(xlsx: &Path) -> Vec<String> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(xlsx).unwrap();
    let mut cells = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        cells.extend(range.cells().map(|(_, _, v)| v.to_string()));
    }
    cells
}

/// The workbook carries the same provenance lines as the PDF.
fn assert_workbook_provenance(xlsx: &Path) {
    let cells = workbook_cells(xlsx);
    let all = cells.join("\n");
    for needle in [HOSPITAL, REVIEWER, "印刷日時: 2026-11-23", "sha256:"] {
        assert!(
            all.contains(needle),
            "{needle} in {}:\n{all}",
            xlsx.display()
        );
    }
}

#[test]
fn the_hospital_and_reviewer_are_set_in_their_window_and_printed_on_the_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(dir.path());
    let mut h = harness(dir.path(), false);
    menu(&mut h, "ファイル", "病院名と確認者…");
    assert!(shows(&h, "病院名と確認者"));
    retype(&mut h, Role::TextInput, "病院名", HOSPITAL);
    retype(&mut h, Role::TextInput, "確認者", REVIEWER);
    settle(&mut h);
    let s = &h.state().state.settings;
    assert_eq!(
        (s.organisation.as_str(), s.reviewer.as_str()),
        (HOSPITAL, REVIEWER)
    );
    h.get_by_label("閉じる").click();
    settle(&mut h);
    assert!(!h.state().state.view.show_organisation);
    // The comparison, every row (not only the differences).
    menu(&mut h, "ファイル", "開示書を比較…");
    add_files(&mut h, "比べるファイルのパス", &files);
    h.get_by_label("比較する").click();
    settle(&mut h);
    h.get_by_label("違いのみ").click();
    settle(&mut h);
    let pdf = dir.path().join("比較.pdf");
    export(&mut h, "PDF に書き出す…", &pdf);
    assert_provenance(&pdf, 2, true);
    if let Some((text, pages, _)) = pdf_facts(&pdf) {
        // The statements head their columns on every page.
        assert!(text.matches("A社 /").count() >= pages, "{text}");
        assert!(text.contains("いいえ"), "{text}");
    }
    let xlsx = dir.path().join("比較.xlsx");
    export(&mut h, "Excel に書き出す…", &xlsx);
    assert_workbook_provenance(&xlsx);
}

#[test]
fn the_check_report_prints_its_provenance_as_tables() {
    let dir = tempfile::tempdir().unwrap();
    let files = statements(dir.path());
    let mut h = harness(dir.path(), true);
    menu(&mut h, "ファイル", "受入基準で確認…");
    add_files(&mut h, "確認する開示書のパス", &files);
    h.get_by_label("確認する").click();
    settle(&mut h);
    assert!(shows(&h, "受入基準内"));
    let pdf = dir.path().join("確認.pdf");
    export(&mut h, "PDF に書き出す…", &pdf);
    assert_provenance(&pdf, 2, true);
    if let Some((text, _, _)) = pdf_facts(&pdf) {
        assert!(text.contains("リスク評価が必要"), "{text}");
    }
    let xlsx = dir.path().join("確認.xlsx");
    export(&mut h, "Excel に書き出す…", &xlsx);
    assert_workbook_provenance(&xlsx);
}

#[test]
fn the_register_prints_landscape_with_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    statements(dir.path());
    let mut h = harness(dir.path(), true);
    menu(&mut h, "ファイル", "受領台帳…");
    retype(
        &mut h,
        Role::TextInput,
        "フォルダのパス",
        &dir.path().display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(shows(&h, "B社"));
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("台帳.pdf");
    export(&mut h, "PDF に書き出す…", &pdf);
    assert_provenance(&pdf, 2, true);
    let xlsx = out.path().join("台帳.xlsx");
    export(&mut h, "Excel に書き出す…", &xlsx);
    assert_workbook_provenance(&xlsx);
    let cells = workbook_cells(&xlsx);
    assert!(
        cells.iter().filter(|c| c.starts_with("sha256:")).count() >= 2,
        "a fingerprint column: {cells:?}"
    );
}

#[test]
fn a_statement_printed_in_review_names_the_hospital_and_the_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let [_, b] = statements(dir.path());
    let mut h = harness(dir.path(), true);
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &b);
    assert!(h.state().state.view.review_mode);
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("確認済.pdf");
    menu(&mut h, "ファイル", "PDF に書き出す…");
    answer_path(&mut h, &pdf);
    settle(&mut h);
    assert!(pdf.exists());
    let Some((text, pages, _)) = pdf_facts(&pdf) else {
        return;
    };
    let fingerprint = {
        let (p, c) = kaijisho::io::open_statement(
            &b,
            &kaijisho::assets::shipped_catalogues().unwrap(),
            kaijisho::assets::import_vocabulary(),
        )
        .unwrap();
        kaijisho::domain::canonical::Statement::new(&c, &p).fingerprint()
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(compact.contains(&fingerprint), "{fingerprint} in:\n{text}");
    for n in 1..=pages {
        assert!(
            compact.contains(&format!("{n}/{pages}")),
            "{n}/{pages}:\n{text}"
        );
    }
    // On every page: the hospital, the reviewer and the print date.
    let count = |needle: &str| compact.matches(needle).count();
    for needle in ["さくら病院", "印刷日時:2026-11-23"] {
        assert!(count(needle) >= pages, "{needle} on every page:\n{text}");
    }
}

#[test]
fn the_exercise_check_prints_the_running_heads_and_fingerprints() {
    let dir = tempfile::tempdir().unwrap();
    let [model, _] = statements(dir.path());
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let (p, c) =
        kaijisho::io::open_statement(&model, &shipped, kaijisho::assets::import_vocabulary())
            .unwrap();
    let mut copy = kaijisho::domain::exercise::exercise_copy(&c, &p);
    copy.answers.get_mut("q2").unwrap().value = AnswerValue::No;
    let copy_path = dir.path().join("exercise.json");
    kaijisho::io::save_project(&copy_path, &copy).unwrap();
    let mut h = harness(dir.path(), true);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &copy_path);
    menu(&mut h, "ファイル", "答え合わせ…");
    retype(
        &mut h,
        Role::TextInput,
        "模範解答と参加者のファイル (またはフォルダ):",
        &model.display().to_string(),
    );
    h.get_by_label("追加").click();
    h.run();
    h.get_by_label("答え合わせする").click();
    settle(&mut h);
    let pdf = dir.path().join("答え合わせ.pdf");
    export(&mut h, "PDF に書き出す…", &pdf);
    let Some((text, pages, _)) = pdf_facts(&pdf) else {
        return;
    };
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for n in 1..=pages {
        assert!(
            compact.contains(&format!("{n}/{pages}")),
            "{n}/{pages}:\n{text}"
        );
    }
    // The model and the copy, each with its fingerprint.
    assert!(text.matches("sha256:").count() >= 2, "{text}");
    for needle in [
        "さくら病院",
        "確認者:情報システム課山田",
        "印刷日時:2026-11-23",
    ] {
        assert!(
            compact.matches(needle).count() >= pages,
            "{needle} on every page:\n{text}"
        );
    }
}
