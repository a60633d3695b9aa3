//! Filling never destroys a cell (issue 27): a cell whose value did not change keeps its bytes
//! and its own words; an answer cell the import could not read (「はい（一部対応）」, an odd
//! mark, two marks) stays as it was unless the question is answered here, and then it is
//! listed and replaced only with consent; a changed answer is written in the workbook's own
//! mark; a cell hidden under a merged range is never written. Every layout here is written for
//! these tests.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

mod common {
    pub mod cli;
    pub mod layouts;
    pub mod office;
    pub mod tools;
}

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::edit::Edit;
use kaijisho::domain::project::Project;
use kaijisho::io::FileError;
use kaijisho::io::xlsx::Consent;
use kaijisho::io::xlsx::import::{Grid, Vocabulary, read_workbook};
use kaijisho::io::xlsx::{
    Imported, Replaced, Skip, Unwritten, XlsxError, export_into, fill_workbook, import_workbook,
};
use rust_xlsxwriter::Workbook;

fn vocab() -> &'static Vocabulary {
    kaijisho::assets::import_vocabulary()
}

fn import(name: &str, bytes: &[u8]) -> Imported {
    import_workbook(Path::new(name), bytes.to_vec(), None, vocab())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn sheet(rows: &[&[&str]], merges: &[(u32, u16, u32, u16, &str)]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    for (r0, c0, r1, c1, text) in merges {
        ws.merge_range(*r0, *c0, *r1, *c1, text, &rust_xlsxwriter::Format::new())
            .unwrap();
    }
    wb.save_to_buffer().unwrap()
}

/// Every part of an archive, uncompressed.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut plain = Vec::new();
            f.read_to_end(&mut plain).unwrap();
            (f.name().unwrap().to_string(), plain)
        })
        .collect()
}

fn grid(name: &str, bytes: &[u8]) -> Grid {
    let mut book = read_workbook(Path::new(name), bytes.to_vec()).unwrap();
    let first = book.sheets[0].0.clone();
    book.grid(&first).unwrap()
}

fn id(imp: &Imported, number: &str) -> String {
    imp.catalogue.find_by_number(number).unwrap().id.clone()
}

fn answered(imp: &Imported, edits: &[(&str, AnswerValue)]) -> Project {
    let mut p = imp.project.clone();
    let edits: Vec<Edit> = edits
        .iter()
        .map(|(n, v)| Edit::Value {
            question: id(imp, n),
            option: None,
            value: *v,
        })
        .collect();
    p.apply_all(&imp.catalogue, &edits).unwrap();
    p
}

/// A flag column a vendor typed into: free text, an English word, a dash for no remark.
fn typed_flags() -> Vec<u8> {
    sheet(
        &[
            &["チェックリスト(試験用)"],
            &["製造業者名", "株式会社試験"],
            &["No.", "設問", "回答", "備考"],
            &[
                "1",
                "利用者を識別しているか?",
                "はい（一部対応）",
                "次期版で全面対応",
            ],
            &["2", "記録を残しているか?", "Yes", ""],
            &["3", "保守を記録しているか?", "いいえ", "-"],
            &["4", "端末を特定しているか?", "", ""],
        ],
        &[],
    )
}

#[test]
fn an_unread_answer_is_reported_with_its_cell_and_kept_when_nothing_changed() {
    let bytes = typed_flags();
    let imp = import("typed.xlsx", &bytes);
    assert_eq!(imp.project.value(&id(&imp, "1")), AnswerValue::Unanswered);
    assert_eq!(imp.project.value(&id(&imp, "2")), AnswerValue::Yes);
    assert!(
        imp.report.skipped.iter().any(|s| s.row == 4
            && s.reason
                == Skip::UnreadAnswer {
                    cell: "C4".into(),
                    text: "はい（一部対応）".into()
                }),
        "{:?}",
        imp.report.skipped
    );
    // Nothing changed: every part but workbook.xml (set to recalculate) is as it was.
    let filled = fill_workbook(
        Path::new("typed.xlsx"),
        bytes.clone(),
        &imp.catalogue,
        &imp.project,
        vocab(),
    )
    .unwrap();
    assert!(filled.replaced.is_empty() && filled.unwritten.is_empty());
    let (before, after) = (parts(&bytes), parts(&filled.bytes));
    for (name, content) in &before {
        if name != "xl/workbook.xml" {
            assert_eq!(after.get(name), Some(content), "{name} changed");
        }
    }
}

#[test]
fn changed_answers_are_written_and_the_unread_and_unchanged_cells_are_not() {
    let bytes = typed_flags();
    let imp = import("typed.xlsx", &bytes);
    let p = answered(
        &imp,
        &[("3", AnswerValue::Yes), ("4", AnswerValue::NotApplicable)],
    );
    let filled =
        fill_workbook(Path::new("typed.xlsx"), bytes, &imp.catalogue, &p, vocab()).unwrap();
    assert!(filled.replaced.is_empty(), "{:?}", filled.replaced);
    let g = grid("typed.xlsx", &filled.bytes);
    assert_eq!(
        g.get(3, 2),
        "はい（一部対応）",
        "unread and unanswered: kept"
    );
    assert_eq!(g.get(3, 3), "次期版で全面対応");
    assert_eq!(g.get(4, 2), "Yes", "unchanged: the workbook's own word");
    assert_eq!(g.get(5, 2), "はい");
    assert_eq!(g.get(5, 3), "-", "the dash for no remark stays");
    assert_eq!(g.get(6, 2), "対象外");
}

#[test]
fn answering_an_unread_question_lists_the_cell_and_needs_consent() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("typed.xlsx");
    std::fs::write(&original, typed_flags()).unwrap();
    let imp = import("typed.xlsx", &typed_flags());
    let p = answered(&imp, &[("1", AnswerValue::No)]);
    let out = dir.path().join("filled.xlsx");
    let e = export_into(
        &out,
        &original,
        (&imp.catalogue, &p),
        vocab(),
        Consent::default(),
    )
    .unwrap_err();
    let FileError::Workbook(XlsxError::WouldReplace { cells, .. }) = &e else {
        panic!("{e:?}");
    };
    assert_eq!(
        cells,
        &vec![Replaced {
            cell: "C4".into(),
            number: "1".into(),
            option: None,
            old: "はい（一部対応）".into(),
            new: "いいえ".into(),
        }]
    );
    assert!(!out.exists(), "nothing is written before the user agrees");
    let l = kaijisho::i18n::Localizer::new(kaijisho::i18n::Lang::Ja);
    let said = kaijisho::i18n::Localize::localize(&e, &l);
    assert!(
        said.contains("C4")
            && said.contains("はい（一部対応）")
            && said.contains("--replace-unread"),
        "{said}"
    );

    let report = export_into(
        &out,
        &original,
        (&imp.catalogue, &p),
        vocab(),
        Consent {
            replace_unread: true,
            ..Consent::default()
        },
    )
    .unwrap();
    assert_eq!(report.replaced.len(), 1);
    let back = import("filled.xlsx", &std::fs::read(&out).unwrap());
    assert_eq!(back.project.value(&id(&back, "1")), AnswerValue::No);
    assert_eq!(
        grid("filled.xlsx", &std::fs::read(&out).unwrap()).get(3, 3),
        "次期版で全面対応"
    );
}

/// Mark columns under はい/いいえ/対象外 headings with the workbook's own ◯, text that is no
/// mark, and two marks on one row.
fn odd_marks() -> Vec<u8> {
    sheet(
        &[
            &["チェックリスト(試験用)"],
            &["No.", "設問", "はい", "いいえ", "対象外", "備考"],
            &["1", "利用者を識別しているか?", "◯", "", "", ""],
            &["2", "記録を残しているか?", "一部", "", "", "運用で補う"],
            &["3", "保守を記録しているか?", "◯", "◯", "", ""],
            &["4", "端末を特定しているか?", "", "", "", ""],
            &["5", "媒体を管理しているか?", "", "◯", "", ""],
        ],
        &[],
    )
}

#[test]
fn marks_keep_the_workbooks_own_mark_and_odd_rows_are_kept_until_answered() {
    let bytes = odd_marks();
    let imp = import("marks.xlsx", &bytes);
    assert_eq!(imp.project.value(&id(&imp, "1")), AnswerValue::Yes);
    assert_eq!(imp.project.value(&id(&imp, "2")), AnswerValue::Unanswered);
    assert_eq!(imp.project.value(&id(&imp, "3")), AnswerValue::Unanswered);
    let rows: Vec<(u32, &Skip)> = imp
        .report
        .skipped
        .iter()
        .map(|s| (s.row, &s.reason))
        .collect();
    assert!(
        rows.contains(&(
            4,
            &Skip::UnreadAnswer {
                cell: "C4".into(),
                text: "一部".into()
            }
        )),
        "{rows:?}"
    );
    assert!(rows.contains(&(5, &Skip::SeveralMarks)), "{rows:?}");

    // Question 4 answered いいえ: the workbook's ◯, not the shipped ○; rows 2 and 3 untouched.
    let p = answered(&imp, &[("4", AnswerValue::No), ("5", AnswerValue::Yes)]);
    let filled = fill_workbook(
        Path::new("marks.xlsx"),
        bytes.clone(),
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    assert!(filled.replaced.is_empty(), "{:?}", filled.replaced);
    let g = grid("marks.xlsx", &filled.bytes);
    assert_eq!((g.get(5, 2), g.get(5, 3), g.get(5, 4)), ("", "◯", ""));
    assert_eq!((g.get(6, 2), g.get(6, 3)), ("◯", ""), "5: moved to はい");
    assert_eq!(g.get(3, 2), "一部");
    assert_eq!((g.get(4, 2), g.get(4, 3)), ("◯", "◯"));

    // Answering the odd rows replaces their cells, each listed.
    let p = answered(&imp, &[("2", AnswerValue::No), ("3", AnswerValue::Yes)]);
    let filled =
        fill_workbook(Path::new("marks.xlsx"), bytes, &imp.catalogue, &p, vocab()).unwrap();
    let listed: Vec<(&str, &str, &str)> = filled
        .replaced
        .iter()
        .map(|r| (r.cell.as_str(), r.old.as_str(), r.new.as_str()))
        .collect();
    assert_eq!(listed, vec![("C4", "一部", ""), ("D5", "◯", "")]);
    let g = grid("marks.xlsx", &filled.bytes);
    assert_eq!((g.get(3, 2), g.get(3, 3)), ("", "◯"));
    assert_eq!(g.get(3, 5), "運用で補う");
    assert_eq!((g.get(4, 2), g.get(4, 3)), ("◯", ""));
}

#[test]
fn a_cell_hidden_under_a_merged_range_is_never_written() {
    // One remark box for questions 2 and 3 (D5:D6): question 3's remark cell is hidden.
    let bytes = sheet(
        &[
            &["チェックリスト(試験用)"],
            &["No.", "設問", "回答", "備考"],
            &["1", "利用者を識別しているか?", "はい", ""],
            &["2", "記録を残しているか?", "はい", ""],
            &["3", "保守を記録しているか?", "いいえ", ""],
        ],
        &[(3, 3, 4, 3, "2と3に共通の備考")],
    );
    let imp = import("merged.xlsx", &bytes);
    let (q2, q3) = (id(&imp, "2"), id(&imp, "3"));
    assert_eq!(imp.project.answers[&q2].remark, "2と3に共通の備考");
    assert_eq!(
        imp.project.answers[&q3].remark, "",
        "read once, at the range's first cell"
    );
    let targets = imp.targets.as_ref().unwrap();
    let t3 = targets.answers.iter().find(|t| t.question == q3).unwrap();
    assert_eq!(t3.remark, None, "question 3 has no visible remark cell");

    let mut p = imp.project.clone();
    p.apply_all(
        &imp.catalogue,
        &[
            Edit::Remark {
                question: q3.clone(),
                option: None,
                text: "見えない所".into(),
            },
            Edit::Remark {
                question: id(&imp, "1"),
                option: None,
                text: "見える所".into(),
            },
        ],
    )
    .unwrap();
    let filled = fill_workbook(
        Path::new("merged.xlsx"),
        bytes.clone(),
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    assert_eq!(
        filled.unwritten,
        vec![Unwritten::Remark {
            number: "3".into(),
            option: None
        }]
    );
    let g = grid("merged.xlsx", &filled.bytes);
    assert_eq!(g.get(2, 3), "見える所");
    assert_eq!(g.get(4, 3), "", "nothing written under the merged range");
    assert_eq!(g.get(3, 3), "2と3に共通の備考");
    let xml = String::from_utf8(parts(&filled.bytes)["xl/worksheets/sheet1.xml"].clone()).unwrap();
    assert!(!xml.contains("見えない所"), "{xml}");
}

#[test]
fn the_cli_names_the_cells_and_replaces_them_only_when_told() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("typed.xlsx");
    std::fs::write(&original, typed_flags()).unwrap();
    let statement = dir.path().join("statement.json");
    let run = |args: &[&std::ffi::OsStr]| common::cli::kaijisho_ja().args(args).assert();
    run(&[
        "import".as_ref(),
        original.as_ref(),
        "-o".as_ref(),
        statement.as_ref(),
    ])
    .success();
    run(&[
        "answer".as_ref(),
        statement.as_ref(),
        "1".as_ref(),
        "いいえ".as_ref(),
    ])
    .success();
    let out = dir.path().join("filled.xlsx");
    let export = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "export".as_ref(),
            statement.as_ref(),
            "--xlsx".as_ref(),
            out.as_ref(),
            "--into".as_ref(),
            original.as_ref(),
        ];
        args.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
        run(&args)
    };
    let refused = export(&[]).failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(
        err.contains("C4") && err.contains("はい（一部対応）") && err.contains("--replace-unread"),
        "{err}"
    );
    assert!(!out.exists());
    let done = export(&["--replace-unread"]).success();
    let said = String::from_utf8_lossy(&done.get_output().stdout).into_owned();
    assert!(
        said.contains("C4 (設問 1) の「はい（一部対応）」を「いいえ」に置き換えます"),
        "{said}"
    );
    let back = import("filled.xlsx", &std::fs::read(&out).unwrap());
    assert_eq!(back.project.value(&id(&back, "1")), AnswerValue::No);
}

/// A checklist whose 表示 column shows the answer by a formula (■/□ before each word, and the
/// remark in brackets) and whose 集計 sheet counts by a formula kaijisho does not evaluate.
fn display_formulas() -> Vec<u8> {
    use rust_xlsxwriter::Formula;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("回答").unwrap();
    ws.set_column_width(1, 30).unwrap();
    ws.set_column_width(3, 36).unwrap();
    for (r, cells) in [
        ["No.", "設問", "回答", "表示", "備考"],
        ["1", "利用者を識別しているか?", "はい", "", ""],
        ["2", "記録を残しているか?", "いいえ", "", "来期"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    for (r, shown) in [(1u32, "■はい □いいえ"), (2, "□はい ■いいえ（来期）")]
    {
        let n = r + 1;
        let f = format!(
            "=IF(C{n}=\"はい\",\"■はい □いいえ\",\"□はい ■いいえ\")&IF(E{n}=\"\",\"\",\"（\"&E{n}&\"）\")"
        );
        ws.write_formula(r, 3, Formula::new(f).set_result(shown))
            .unwrap();
    }
    let summary = wb.add_worksheet().set_name("集計").unwrap();
    summary
        .write_formula(
            0,
            0,
            Formula::new("=COUNTIF(回答!C2:C3,\"はい\")").set_result("1"),
        )
        .unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn display_formulas_show_the_new_values_without_recalculating() {
    let bytes = display_formulas();
    let imp = import("display.xlsx", &bytes);
    assert_eq!(imp.report.questions, 2, "{:?}", imp.report);
    let mut p = answered(&imp, &[("1", AnswerValue::No), ("2", AnswerValue::Yes)]);
    p.apply(
        &imp.catalogue,
        &Edit::Remark {
            question: id(&imp, "1"),
            option: None,
            text: "一部".into(),
        },
    )
    .unwrap();
    let filled = fill_workbook(
        Path::new("display.xlsx"),
        bytes,
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    let g = grid("display.xlsx", &filled.bytes);
    assert_eq!(g.get(1, 3), "□はい ■いいえ（一部）");
    assert_eq!(g.get(2, 3), "■はい □いいえ（来期）");
    // The count on 集計 is not evaluated: named, and left to the recalculation.
    assert_eq!(
        filled.unwritten,
        vec![Unwritten::Formula {
            sheet: "集計".into(),
            cell: "A1".into()
        }]
    );
    let xml = String::from_utf8(parts(&filled.bytes)["xl/worksheets/sheet1.xml"].clone()).unwrap();
    assert!(
        xml.contains("<f>IF(C2=\"はい\""),
        "the formula is kept as written: {xml}"
    );

    // LibreOffice with its default settings (it does not recalculate on opening) prints the
    // new marks.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("display-filled.xlsx");
    std::fs::write(&file, &filled.bytes).unwrap();
    let Some(pdf) = common::office::convert(&file, "pdf", "pdf") else {
        return;
    };
    if !common::tools::present(&[common::tools::PDFTOTEXT]) {
        return;
    }
    let text = common::tools::output(common::tools::PDFTOTEXT, &[pdf.as_os_str(), "-".as_ref()]);
    assert!(text.contains("□はい ■いいえ（一部）"), "{text}");
    assert!(text.contains("■はい □いいえ（来期）"), "{text}");
}

/// The archive with its parts renamed and rewritten by `f(name, text)` (`None` drops a part),
/// and `extra` parts added.
fn repackaged(
    bytes: &[u8],
    f: impl Fn(&str, String) -> Option<(String, String)>,
    extra: &[(&str, &str)],
) -> Vec<u8> {
    use std::io::Write;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, content) in parts(bytes) {
        let text = String::from_utf8(content).unwrap();
        if let Some((name, text)) = f(&name, text) {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(text.as_bytes()).unwrap();
        }
    }
    for (name, text) in extra {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(text.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn the_workbook_part_is_found_through_the_package_relationships_for_reading_and_filling() {
    // The workbook lives in xl/book.xml (as _rels/.rels says); xl/workbook.xml is a decoy
    // naming another sheet.
    let moved = repackaged(
        &typed_flags(),
        |name, text| match name {
            "xl/workbook.xml" => Some(("xl/book.xml".into(), text)),
            "xl/_rels/workbook.xml.rels" => Some(("xl/_rels/book.xml.rels".into(), text)),
            "_rels/.rels" => Some((name.into(), text.replace("xl/workbook.xml", "xl/book.xml"))),
            "[Content_Types].xml" => Some((
                name.into(),
                text.replace("/xl/workbook.xml", "/xl/book.xml"),
            )),
            _ => Some((name.into(), text)),
        },
        &[(
            "xl/workbook.xml",
            "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId9\"/></sheets></workbook>",
        )],
    );
    let imp = import("moved.xlsx", &moved);
    let p = answered(&imp, &[("3", AnswerValue::Yes)]);
    let filled =
        fill_workbook(Path::new("moved.xlsx"), moved, &imp.catalogue, &p, vocab()).unwrap();
    let back = import("moved-filled.xlsx", &filled.bytes);
    assert_eq!(back.project.value(&id(&back, "3")), AnswerValue::Yes);
    let after = parts(&filled.bytes);
    assert!(
        String::from_utf8_lossy(&after["xl/book.xml"]).contains("fullCalcOnLoad=\"1\""),
        "the workbook part the package names is the one set to recalculate"
    );
    assert!(!String::from_utf8_lossy(&after["xl/workbook.xml"]).contains("fullCalcOnLoad"));

    // A sheet with two id attributes: refused when read, naming the part.
    let two_ids = repackaged(
        &typed_flags(),
        |name, text| {
            let text = if name == "xl/workbook.xml" {
                text.replace("r:id=\"rId1\"", "r:id=\"rId1\" id=\"rId2\"")
            } else {
                text
            };
            Some((name.into(), text))
        },
        &[],
    );
    let e = import_workbook(Path::new("two.xlsx"), two_ids, None, vocab()).unwrap_err();
    assert!(
        matches!(&e, XlsxError::Malformed { detail, .. } if detail.contains("2 id attributes")),
        "{e:?}"
    );
}

#[test]
fn a_workbook_saved_again_with_the_same_cells_still_fills_and_a_changed_one_does_not() {
    let bytes = typed_flags();
    let imp = import("typed.xlsx", &bytes);
    let p = answered(&imp, &[("3", AnswerValue::Yes)]);
    // Saved again: the same cells in other bytes (here: a part added, as a save can do).
    let resaved = repackaged(
        &bytes,
        |n, t| Some((n.into(), t)),
        &[("docProps/custom.xml", "<Properties/>")],
    );
    assert_ne!(resaved, bytes);
    let filled = fill_workbook(
        Path::new("typed.xlsx"),
        resaved,
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    let back = import("filled.xlsx", &filled.bytes);
    assert_eq!(back.project.value(&id(&back, "3")), AnswerValue::Yes);
    // A cell it reads changed: refused, naming the recorded file.
    let changed = repackaged(
        &bytes,
        |n, t| Some((n.into(), t.replace("次期版で全面対応", "今期で対応"))),
        &[],
    );
    let e = fill_workbook(
        Path::new("typed.xlsx"),
        changed,
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap_err();
    assert!(matches!(e, XlsxError::SourceChanged { .. }), "{e:?}");
}

#[test]
fn the_copy_keeps_the_originals_extension() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("typed.xlsm");
    std::fs::write(&original, typed_flags()).unwrap();
    let imp = import("typed.xlsm", &typed_flags());
    let out = dir.path().join("filled.xlsx");
    let e = export_into(
        &out,
        &original,
        (&imp.catalogue, &imp.project),
        vocab(),
        Consent::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&e, FileError::Workbook(XlsxError::OtherExtension { extension, .. }) if extension == "xlsm"),
        "{e:?}"
    );
    assert!(!out.exists());
    let out = dir.path().join("filled.XLSM");
    export_into(
        &out,
        &original,
        (&imp.catalogue, &imp.project),
        vocab(),
        Consent::default(),
    )
    .unwrap();
    assert!(out.exists());
}

#[test]
fn a_choice_inside_one_cell_is_read_and_filled_with_its_own_boxes() {
    let bytes = sheet(
        &[
            &["チェックリスト(試験用)"],
            &["No.", "設問", "回答", "備考"],
            &[
                "1",
                "利用者を識別しているか?",
                "■はい　□いいえ　□対象外",
                "",
            ],
            &["2", "記録を残しているか?", "□はい　□いいえ　□対象外", ""],
            &["3", "外部と接続するか?", "○該当　○非該当", ""],
            &[
                "3.1",
                "接続先を限っているか?",
                "□はい　□いいえ　□対象外",
                "",
            ],
        ],
        &[],
    );
    let imp = import("choice.xlsx", &bytes);
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    assert_eq!(imp.project.value(&id(&imp, "1")), AnswerValue::Yes);
    assert_eq!(imp.project.value(&id(&imp, "2")), AnswerValue::Unanswered);
    let gate = imp.catalogue.find_by_number("3").unwrap();
    assert_eq!(gate.answer, kaijisho::domain::catalogue::AnswerKind::Gate);
    let p = answered(
        &imp,
        &[
            ("2", AnswerValue::No),
            ("3", AnswerValue::Applies),
            ("3.1", AnswerValue::NotApplicable),
        ],
    );
    let filled =
        fill_workbook(Path::new("choice.xlsx"), bytes, &imp.catalogue, &p, vocab()).unwrap();
    assert!(
        filled.unwritten.is_empty() && filled.replaced.is_empty(),
        "{filled:?}"
    );
    let g = grid("choice.xlsx", &filled.bytes);
    assert_eq!(g.get(2, 2), "■はい　□いいえ　□対象外");
    assert_eq!(g.get(3, 2), "□はい　■いいえ　□対象外");
    assert_eq!(g.get(4, 2), "●該当　○非該当");
    assert_eq!(g.get(5, 2), "□はい　□いいえ　■対象外");
}

#[test]
fn a_numbered_title_merged_across_with_numbered_rows_below_is_a_section() {
    // 「1.」 titles merged over the answer and remark cells, citing a chapter as questions do.
    let bytes = sheet(
        &[
            &["チェックリスト(試験用)"],
            &["No.", "設問", "回答", "備考"],
            &["1.", "", "", ""],
            &["1.1", "責任者を定めているか?(シス3①)", "はい", ""],
            &["1.2", "規程を定めているか?(シス3②)", "", ""],
            &["2.", "", "", ""],
            &["2.1", "利用者を識別しているか?(シス14①)", "いいえ", "来期"],
        ],
        &[
            (2, 1, 2, 3, "組織的な管理の体制(シス3)"),
            (5, 1, 5, 3, "利用者の識別と認証(シス14)"),
        ],
    );
    let imp = import("sections.xlsx", &bytes);
    assert_eq!(
        (imp.report.sections, imp.report.questions),
        (2, 3),
        "{:?}",
        imp.report
    );
    let titles: Vec<&str> = imp
        .catalogue
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        titles,
        vec!["1. 組織的な管理の体制", "2. 利用者の識別と認証"]
    );
    assert!(imp.catalogue.find_by_number("1").is_none());
    // Every question answered: nothing is written into a section row.
    let p = answered(
        &imp,
        &[
            ("1.1", AnswerValue::No),
            ("1.2", AnswerValue::Yes),
            ("2.1", AnswerValue::Yes),
        ],
    );
    let filled = fill_workbook(
        Path::new("sections.xlsx"),
        bytes,
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    let g = grid("sections.xlsx", &filled.bytes);
    for r in [2, 5] {
        assert_eq!((g.get(r, 2), g.get(r, 3)), ("", ""), "row {}", r + 1);
    }
    assert_eq!(g.get(4, 2), "はい");
}

#[test]
fn locked_cells_of_a_protected_sheet_are_written_only_with_consent() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let open = rust_xlsxwriter::Format::new().set_unlocked();
    for (r, cells) in [
        ["No.", "設問", "回答", "備考"],
        ["1", "利用者を識別しているか?", "", ""],
        ["2", "記録を残しているか?", "", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if r > 0 && c == 2 {
                // The answer column is open for input; everything else stays locked.
                ws.write_string_with_format(r, c, *v, &open).unwrap();
            } else if !v.is_empty() {
                ws.write_string(r, c, *v).unwrap();
            }
        }
    }
    ws.protect();
    let bytes = wb.save_to_buffer().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("protected.xlsx");
    std::fs::write(&original, &bytes).unwrap();
    let imp = import("protected.xlsx", &bytes);
    let out = dir.path().join("filled.xlsx");

    // Answers go into the open cells: no question asked.
    let p = answered(&imp, &[("1", AnswerValue::Yes)]);
    let report = export_into(
        &out,
        &original,
        (&imp.catalogue, &p),
        vocab(),
        Consent::default(),
    )
    .unwrap();
    assert!(report.locked.is_empty());

    // A remark goes into a locked cell: named, and written only when agreed.
    let mut p = p;
    p.apply(
        &imp.catalogue,
        &Edit::Remark {
            question: id(&imp, "2"),
            option: None,
            text: "来期".into(),
        },
    )
    .unwrap();
    std::fs::remove_file(&out).unwrap();
    let e = export_into(
        &out,
        &original,
        (&imp.catalogue, &p),
        vocab(),
        Consent::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&e, FileError::Workbook(XlsxError::ProtectedCells { cells, .. }) if cells == &vec!["Sheet1!D3".to_string()]),
        "{e:?}"
    );
    assert!(!out.exists());
    let agreed = Consent {
        write_protected: true,
        ..Consent::default()
    };
    let report = export_into(&out, &original, (&imp.catalogue, &p), vocab(), agreed).unwrap();
    assert_eq!(report.locked, vec!["Sheet1!D3".to_string()]);
    let back = import("filled.xlsx", &std::fs::read(&out).unwrap());
    assert_eq!(back.project.answers[&id(&back, "2")].remark, "来期");
}

#[test]
fn a_merged_answer_heading_over_the_mark_columns_names_the_marks() {
    let bytes = sheet(
        &[
            &["チェックリスト(試験用)"],
            &["No.", "設問", "", "", "", "備考"],
            &["", "", "はい", "いいえ", "対象外", ""],
            &["1", "利用者を識別しているか?", "〇", "", "", ""],
            &["2", "記録を残しているか?", "", "〇", "", "来期"],
        ],
        &[(1, 2, 1, 4, "回答")],
    );
    let imp = import("merged-heading.xlsx", &bytes);
    let t = imp.targets.as_ref().unwrap();
    assert_eq!(
        (t.flag, t.marks),
        (None, Some([2, 3, 4])),
        "{:?}",
        imp.report
    );
    assert_eq!(imp.project.value(&id(&imp, "1")), AnswerValue::Yes);
    assert_eq!(imp.project.value(&id(&imp, "2")), AnswerValue::No);
    let p = answered(&imp, &[("1", AnswerValue::NotApplicable)]);
    let filled = fill_workbook(Path::new("m.xlsx"), bytes, &imp.catalogue, &p, vocab()).unwrap();
    let g = grid("m.xlsx", &filled.bytes);
    assert_eq!(
        (g.get(3, 2), g.get(3, 3), g.get(3, 4)),
        ("", "", "〇"),
        "the workbook's own 〇"
    );
}

/// Every layout of the layout tests and of this file: filled without a change, every part but
/// workbook.xml (set to recalculate) is byte-identical; filled with every answer changed, every
/// cell of every sheet but those answers' own cells shows what it showed.
#[test]
fn over_every_layout_nothing_but_the_changed_answers_changes() {
    let mut layouts: Vec<(String, Vec<u8>)> = common::layouts::every_layout()
        .into_iter()
        .map(|(n, b, _)| (n.to_string(), b))
        .collect();
    layouts.extend([
        ("typed.xlsx".to_string(), typed_flags()),
        ("marks.xlsx".to_string(), odd_marks()),
        ("display.xlsx".to_string(), display_formulas()),
    ]);
    for (name, bytes) in layouts {
        let imp = import(&name, &bytes);
        let path = Path::new(&name);
        let same = fill_workbook(path, bytes.clone(), &imp.catalogue, &imp.project, vocab())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let (before, after) = (parts(&bytes), parts(&same.bytes));
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>()
        );
        for (part, content) in &before {
            if part != "xl/workbook.xml" {
                assert!(after.get(part) == Some(content), "{name}: {part} changed");
            }
        }

        // Every question answered otherwise than it was.
        let mut p = imp.project.clone();
        let mut changed_rows = std::collections::BTreeSet::new();
        let targets = imp.targets.clone().unwrap();
        for t in targets.answers.iter().filter(|t| t.option.is_none()) {
            let q = imp.catalogue.question(&t.question).unwrap();
            let was = imp.project.value(&t.question);
            let Some(value) = q
                .answer
                .allowed()
                .iter()
                .copied()
                .find(|v| *v != was && v.is_answered())
            else {
                continue;
            };
            p.apply(
                &imp.catalogue,
                &Edit::Value {
                    question: t.question.clone(),
                    option: None,
                    value,
                },
            )
            .unwrap();
            changed_rows.insert(t.row);
        }
        let filled = fill_workbook(path, bytes.clone(), &imp.catalogue, &p, vocab())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let answer_cols: Vec<u16> = targets
            .flag
            .into_iter()
            .chain(targets.marks.into_iter().flatten())
            .collect();
        let mut old = read_workbook(path, bytes).unwrap();
        let mut new = read_workbook(path, filled.bytes).unwrap();
        for (sheet, _) in old.sheets.clone() {
            let (a, b) = (old.grid(&sheet).unwrap(), new.grid(&sheet).unwrap());
            for r in 0..a.height().max(b.height()) {
                for c in 0..a.width().max(b.width()) {
                    let own = sheet == targets.sheet
                        && changed_rows.contains(&r)
                        && answer_cols.contains(&c);
                    // A display formula reading a changed answer shows its new value.
                    let formula_of_answer = name == "display.xlsx" && c == 3;
                    if !own && !formula_of_answer {
                        assert_eq!(
                            a.get(r, c),
                            b.get(r, c),
                            "{name}: {sheet} row {} col {c}",
                            r + 1
                        );
                    }
                }
            }
        }
    }
}

/// A 確認日 and 目標日 changed in the app are written into their cells; a date left alone
/// keeps its cell byte for byte (still a real date); an untouched date reads back the same.
#[test]
fn changed_dates_are_written_and_unchanged_date_cells_are_kept() {
    use kaijisho::domain::project::AnswerDate;
    let bytes = common::layouts::confirmation_dates();
    let imp = import("dates.xlsx", &bytes);
    let mut p = answered(&imp, &[("1 (2)", AnswerValue::Yes)]);
    let edits = [
        Edit::AnswerDate {
            question: id(&imp, "1 (2)"),
            which: AnswerDate::Checked,
            text: "2026年10月1日".into(),
        },
        Edit::AnswerDate {
            question: id(&imp, "1 (2)"),
            which: AnswerDate::Due,
            text: String::new(),
        },
        Edit::AnswerDate {
            question: id(&imp, "2 (2)"),
            which: AnswerDate::Due,
            text: "2027/3/31".into(),
        },
    ];
    p.apply_all(&imp.catalogue, &edits).unwrap();
    let filled = fill_workbook(
        Path::new("dates.xlsx"),
        bytes.clone(),
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap();
    assert!(filled.unwritten.is_empty(), "{:?}", filled.unwritten);
    let g = grid("dates.xlsx", &filled.bytes);
    assert_eq!(
        (g.get(3, 3), g.get(3, 4), g.get(3, 5)),
        ("はい", "2026年10月1日", "")
    );
    assert_eq!(g.get(5, 5), "2027/3/31");
    assert_eq!(
        g.get(2, 4),
        "2026年4月1日",
        "an unchanged date still reads as a date"
    );
    // The unchanged date cell keeps its XML: a number with its date style.
    let cell = |bytes: &[u8], r: &str| {
        let xml = String::from_utf8(parts(bytes)["xl/worksheets/sheet1.xml"].clone()).unwrap();
        let at = xml.find(&format!("<c r=\"{r}\"")).unwrap();
        let end = at + xml[at..].find("</c>").unwrap();
        xml[at..end].to_string()
    };
    assert_eq!(cell(&filled.bytes, "E3"), cell(&bytes, "E3"));
    assert!(
        !cell(&bytes, "E3").contains("t=\""),
        "a real date: a number cell"
    );
    let back = import("dates.xlsx", &filled.bytes);
    let a = &back.project.answers[&id(&back, "1 (2)")];
    assert_eq!(
        (a.checked_on.as_str(), a.due_on.as_str()),
        ("2026年10月1日", "")
    );

    // LibreOffice with its default settings prints the written dates.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dates-filled.xlsx");
    std::fs::write(&file, &filled.bytes).unwrap();
    let Some(pdf) = common::office::convert(&file, "pdf", "pdf") else {
        return;
    };
    if !common::tools::present(&[common::tools::PDFTOTEXT]) {
        return;
    }
    let text = common::tools::output(common::tools::PDFTOTEXT, &[pdf.as_os_str(), "-".as_ref()]);
    assert!(text.contains("2026年10月1日"), "{text}");
    assert!(text.contains("2027/3/31"), "{text}");
}

/// Over every layout, a remark written into each question's remark cell is printed by
/// LibreOffice with its default settings (no recalculation): the cells a fill writes are
/// cells a person sees.
#[test]
fn over_every_layout_the_written_remarks_print_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let mut printed = 0;
    for (n, (name, bytes, _)) in common::layouts::every_layout().into_iter().enumerate() {
        let imp = import(name, &bytes);
        let targets = imp.targets.clone().unwrap();
        let g = grid(name, &bytes);
        let mut p = imp.project.clone();
        let mut markers = Vec::new();
        for (i, t) in targets.answers.iter().enumerate() {
            let Some((r, c)) = t.remark.filter(|(r, c)| g.covered_by(*r, *c).is_none()) else {
                continue;
            };
            if t.option.is_some() {
                continue;
            }
            let marker = format!("P{n}-{i}");
            p.apply(
                &imp.catalogue,
                &Edit::Remark {
                    question: t.question.clone(),
                    option: None,
                    text: marker.clone(),
                },
            )
            .unwrap();
            markers.push((marker, r, c));
        }
        if markers.is_empty() {
            continue;
        }
        let filled = fill_workbook(Path::new(name), bytes, &imp.catalogue, &p, vocab())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let file = dir.path().join(format!("filled-{n}.xlsx"));
        std::fs::write(&file, &filled.bytes).unwrap();
        let Some(pdf) = common::office::convert(&file, "pdf", "pdf") else {
            return;
        };
        if !common::tools::present(&[common::tools::PDFTOTEXT]) {
            return;
        }
        let text =
            common::tools::output(common::tools::PDFTOTEXT, &[pdf.as_os_str(), "-".as_ref()]);
        for (marker, r, c) in &markers {
            assert!(
                text.contains(marker.as_str()),
                "{name}: the remark written at row {} col {c} is not printed:\n{text}",
                r + 1
            );
            printed += 1;
        }
    }
    eprintln!("{printed} written remarks printed");
    assert!(
        printed >= 40,
        "every layout but those without a remark column"
    );
}

/// A statement imported before dates were read (its recorded mapping names no date column, its
/// answers hold none) does not clear the workbook's dates when filled.
#[test]
fn a_statement_from_before_dates_were_read_keeps_the_workbooks_dates() {
    let bytes = common::layouts::confirmation_dates();
    let imp = import("dates.xlsx", &bytes);
    let mut old = answered(&imp, &[("1 (1)", AnswerValue::No)]);
    for a in old.answers.values_mut() {
        a.checked_on.clear();
        a.due_on.clear();
    }
    let source = old.source.as_mut().unwrap();
    source.mapping.date_column = None;
    source.mapping.due_date_column = None;
    let filled = fill_workbook(
        Path::new("dates.xlsx"),
        bytes.clone(),
        &imp.catalogue,
        &old,
        vocab(),
    )
    .unwrap();
    let g = grid("dates.xlsx", &filled.bytes);
    assert_eq!(g.get(2, 3), "いいえ", "the answer is written");
    assert_eq!(
        (g.get(2, 4), g.get(3, 5)),
        ("2026年4月1日", "2026年9月30日")
    );
}
