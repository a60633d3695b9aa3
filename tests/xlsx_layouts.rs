//! Import of workbooks laid out the ways official-style checklists plausibly are, built here
//! with rust_xlsxwriter: guideline 6.0 references in the text and in their own column,
//! hyphenated, bracketed and circled numbering restarting per section, statements ending in 。
//! or nothing, the header on a cover sheet and in 「label：value」 cells, an unlabelled remark
//! column, two question sheets, vertical merges, numbers stored as numbers, full-width digits.
//! Each must give every question with its number, reference, answer and remark; each bad or
//! ambiguous row a report line naming it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common {
    pub mod layouts;
}

use std::path::Path;

use common::layouts::*;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::project::HeaderField;
use kaijisho::io::xlsx::{Imported, Mapping, Note, Skip, import_workbook};

fn import(name: &str, bytes: Vec<u8>) -> Imported {
    import_workbook(
        Path::new(name),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every question as expected, in order: number as shown, text, reference, answer, remark.
fn check(imp: &Imported, expected: &[Q]) {
    let questions: Vec<_> = imp.catalogue.questions().collect();
    let got: Vec<String> = questions
        .iter()
        .map(|q| format!("{} {}", q.number, q.text))
        .collect();
    assert_eq!(
        questions.len(),
        expected.len(),
        "{got:#?}\n{:#?}",
        imp.report
    );
    for (q, e) in questions.iter().zip(expected) {
        assert_eq!(q.number, e.number, "{got:#?}");
        assert_eq!(q.text, e.text, "{}", e.number);
        assert_eq!(q.ref_raw(), e.reference.as_deref(), "{}", e.number);
        let a = &imp.project.answers[&q.id];
        assert_eq!(
            (a.value, a.remark.as_str()),
            (e.answer, e.remark.as_str()),
            "{}",
            e.number
        );
    }
}

fn section_titles(imp: &Imported) -> Vec<&str> {
    imp.catalogue
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect()
}

fn skipped_rows(imp: &Imported) -> Vec<u32> {
    let mut rows: Vec<u32> = imp.report.skipped.iter().map(|s| s.row).collect();
    rows.sort_unstable();
    rows
}

#[test]
fn guideline_six_references_in_the_text() {
    let imp = import("gl6.xlsx", gl6_in_text());
    check(&imp, &gl6_in_text_expected());
    assert_eq!(imp.catalogue.guideline_edition, "6.0");
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
}

#[test]
fn guideline_references_in_their_own_column() {
    let imp = import("refcol.xlsx", reference_column());
    check(&imp, &reference_column_expected());
    assert_eq!(imp.report.mapping.reference_column.as_deref(), Some("C"));
}

#[test]
fn hyphenated_numbering_under_numbered_sections() {
    let imp = import("hyphen.xlsx", hyphenated());
    check(&imp, &hyphenated_expected());
    let titles: Vec<_> = imp
        .catalogue
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "1 組織的安全管理対策",
            "2 技術的安全管理対策",
            "14 物理的安全管理対策"
        ]
    );
}

#[test]
fn bracketed_numbering_restarting_per_section_with_statements_and_dates() {
    let imp = import("hospital.xlsx", bracketed());
    check(&imp, &bracketed_expected());
    assert_eq!(imp.report.mapping.flag_column.as_deref(), Some("C"));
    assert_eq!(imp.report.mapping.remark_column.as_deref(), Some("E"));
}

#[test]
fn circled_numbering_under_unnumbered_sections_without_endings() {
    let imp = import("circled.xlsx", circled());
    check(&imp, &circled_expected());
    assert_eq!(imp.catalogue.sections.len(), 2);
}

#[test]
fn statements_ending_in_maru_without_headings() {
    let imp = import("maru.xlsx", statements());
    check(&imp, &statements_expected());
}

#[test]
fn header_on_a_cover_sheet() {
    let imp = import("cover.xlsx", cover_sheet());
    check(&imp, &cover_sheet_expected());
    let h = &imp.project.header;
    assert_eq!(h.get(HeaderField::Vendor), "株式会社表紙");
    assert_eq!(h.get(HeaderField::Product), "表紙システム");
    assert_eq!(h.get(HeaderField::Version), "3.2");
    assert_eq!(imp.report.mapping.header["vendor"], "表紙!B3");
}

#[test]
fn header_in_label_value_cells() {
    let imp = import("labels.xlsx", label_value_cells());
    check(&imp, &label_value_expected());
    let h = &imp.project.header;
    assert_eq!(h.get(HeaderField::Created), "2024年4月1日");
    assert_eq!(h.get(HeaderField::Vendor), "株式会社コロン");
    assert_eq!(h.get(HeaderField::Product), "画像サーバ X");
    assert_eq!(h.get(HeaderField::Version), "2.1");
    assert_eq!(imp.report.mapping.header["product"], "A3");
}

#[test]
fn remark_column_without_a_label() {
    let imp = import("noremark.xlsx", unlabelled_remark());
    check(&imp, &unlabelled_remark_expected());
    assert_eq!(imp.report.mapping.remark_column.as_deref(), Some("E"));
}

#[test]
fn two_question_sheets_the_larger_read_the_other_named() {
    let bytes = two_sheets();
    let imp = import("both.xlsx", bytes.clone());
    assert_eq!(imp.report.sheet, "MDS");
    check(&imp, &two_sheets_mds_expected());
    let counts: Vec<_> = imp
        .report
        .sheets
        .iter()
        .map(|s| (s.sheet.as_str(), s.questions))
        .collect();
    assert_eq!(counts, [("MDS", 4), ("SDS", 3)]);
    assert!(imp.report.notes.contains(&Note::OtherQuestionSheets {
        sheet: "MDS".into(),
        others: "SDS (3)".into()
    }));
    // The correspondence sheet is read as reference data.
    assert_eq!(imp.report.correspondence.len(), 2);
    assert_eq!(imp.report.correspondence[0].old, "6.5.C1");
    assert_eq!(imp.report.correspondence[0].new, "シス14①");
    // The other sheet by a mapping.
    let mapping = Mapping {
        sheet: Some("SDS".into()),
        ..Mapping::default()
    };
    let sds = import_workbook(
        Path::new("both.xlsx"),
        bytes,
        Some(&mapping),
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    check(&sds, &two_sheets_sds_expected());
}

#[test]
fn numbers_and_texts_merged_over_two_rows() {
    let imp = import("merged.xlsx", vertical_merges());
    check(&imp, &vertical_merges_expected());
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
}

#[test]
fn numbers_stored_as_numbers_keep_their_shown_decimals() {
    let imp = import("numbers.xlsx", numbers_as_numbers());
    check(&imp, &numbers_as_numbers_expected());
}

#[test]
fn full_width_digits_and_brackets() {
    let imp = import("fullwidth.xlsx", full_width());
    check(&imp, &full_width_expected());
}

#[test]
fn bad_and_ambiguous_rows_are_reported_by_row() {
    let imp = import("bad.xlsx", bad_rows());
    check(&imp, &bad_rows_expected());
    let reasons: Vec<(u32, &Skip)> = imp
        .report
        .skipped
        .iter()
        .map(|s| (s.row, &s.reason))
        .collect();
    assert!(
        reasons.contains(&(
            4,
            &Skip::UnreadAnswer {
                cell: "C4".into(),
                text: "たぶん".into()
            }
        )),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&(
            5,
            &Skip::DuplicateNumber {
                number: "1".into(),
                first_row: 3
            }
        )),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(
            |(r, s)| *r == 6 && matches!(s, Skip::NotAQuestion { number, .. } if number == "7")
        ),
        "{reasons:?}"
    );
    assert_eq!(skipped_rows(&imp), [4, 5, 6]);
}

/// Every layout above, as one table: each imports with as many answers as it holds.
#[test]
fn every_layout_imports() {
    let all: Vec<(&str, Vec<u8>, Vec<Q>)> = every_layout();
    assert!(all.len() >= 12);
    for (name, bytes, expected) in all {
        let imp = import(name, bytes);
        check(&imp, &expected);
        let answered = expected
            .iter()
            .filter(|q| q.answer != AnswerValue::Unanswered)
            .count();
        assert_eq!(imp.report.answers, answered, "{name}");
        assert!(imp.project.source.is_some(), "{name}");
    }
}

/// A list shaped like a 【別紙】 (No. | 区分 | 確認事項 | 回答 | 根拠) with numbers detection does
/// not read (Ⅱ-1, (ア)), a section row and a note: nothing is read as a question on its own;
/// the mapping names the number and text columns and gives rows their roles.
#[test]
fn the_mapping_names_number_and_text_columns_and_gives_rows_roles() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["No", "区分", "確認事項", "回答", "根拠"],
        ["Ⅱ", "技術的対策", "", "", ""],
        [
            "Ⅱ-1",
            "識別",
            "利用者を一意に識別している",
            "はい",
            "規程12条",
        ],
        ["Ⅱ-2", "記録", "操作の記録を保存している", "いいえ", ""],
        [
            "(ア)",
            "記録",
            "記録を定期に確かめている",
            "対象外",
            "運用なし",
        ],
        ["", "注", "この欄は記入しないでください", "", ""],
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
    let bytes = wb.save_to_buffer().unwrap();
    let vocab = kaijisho::assets::import_vocabulary();
    let detected = import_workbook(Path::new("besshi.xlsx"), bytes.clone(), None, vocab);
    assert!(
        detected.as_ref().map_or(true, |i| i.report.questions < 3),
        "detection alone does not read this shape: {:?}",
        detected.map(|i| i.report)
    );
    let mapping: Mapping = serde_json::from_str(
        r#"{"number_column": "A", "text_column": "C", "flag_column": "D", "remark_column": "E",
            "rows": [{"first": 2, "last": 2, "role": "section"}, {"first": 6, "last": 6, "role": "skip"}]}"#,
    )
    .unwrap();
    let imp = import_workbook(Path::new("besshi.xlsx"), bytes, Some(&mapping), vocab).unwrap();
    let numbers: Vec<&str> = imp
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["Ⅱ-1", "Ⅱ-2", "(ア)"], "{:?}", imp.report);
    assert_eq!(imp.catalogue.sections[0].title, "Ⅱ 技術的対策");
    let q = |n: &str| imp.catalogue.find_by_number(n).unwrap().id.clone();
    assert_eq!(imp.project.value(&q("Ⅱ-1")), AnswerValue::Yes);
    assert_eq!(imp.project.answers[&q("(ア)")].remark, "運用なし");
    assert_eq!(
        imp.catalogue.find_by_number("Ⅱ-2").unwrap().text,
        "操作の記録を保存している"
    );
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    // What was given is kept in the mapping the statement records (for filling it again).
    assert_eq!(imp.report.mapping.rows, mapping.rows);
    assert_eq!(imp.report.mapping.number_column.as_deref(), Some("A"));
}

/// An English translation of a checklist: Yes / N/A / Applicable in the answer column,
/// Question / Remarks headings, Vendor and Service name labels, questions in English.
#[test]
fn an_english_checklist_is_read_through_the_vocabulary() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["Security checklist (test)", "", "", ""],
        ["Vendor", "Example Co.", "", ""],
        ["Service name", "Remote maintenance", "", ""],
        ["No.", "Question", "Answer", "Remarks"],
        [
            "1",
            "Does the service connect from outside?",
            "Applicable",
            "",
        ],
        [
            "1.1",
            "Are the connecting terminals fixed?",
            "YES",
            "two terminals",
        ],
        ["2", "Are operation logs kept?", "N/A", "no operation"],
        [
            "3",
            "Are users identified one by one?",
            "No",
            "next release",
        ],
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
    let imp = import("english.xlsx", wb.save_to_buffer().unwrap());
    let numbers: Vec<&str> = imp
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["1", "1.1", "2", "3"], "{:?}", imp.report);
    let q = |n: &str| imp.catalogue.find_by_number(n).unwrap().id.clone();
    assert_eq!(imp.project.value(&q("1")), AnswerValue::Applies);
    assert_eq!(imp.project.value(&q("1.1")), AnswerValue::Yes);
    assert_eq!(imp.project.value(&q("2")), AnswerValue::NotApplicable);
    assert_eq!(imp.project.value(&q("3")), AnswerValue::No);
    assert_eq!(imp.project.answers[&q("3")].remark, "next release");
    assert_eq!(imp.project.header.get(HeaderField::Vendor), "Example Co.");
    assert_eq!(
        imp.project.header.get(HeaderField::Product),
        "Remote maintenance"
    );
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
}

/// A checklist shaped like the 事業者確認用 ones: categories merged down beside their items
/// (1)(2)…, 確認結果 and 確認日 columns. Each item is its own question under its category.
#[test]
fn items_beside_categories_merged_down_are_questions_of_their_own() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["確認事項 (試験用)", "", "", "", ""],
        ["分類", "No", "確認事項", "確認結果", "確認日"],
        ["", "(1)", "責任者を定めている", "はい", ""],
        ["", "(2)", "規程を定めている", "いいえ", ""],
        ["", "(1)", "利用者を識別している", "はい", ""],
        ["", "(2)", "操作を記録している", "", ""],
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
    let plain = rust_xlsxwriter::Format::new();
    ws.merge_range(2, 0, 3, 0, "1 体制", &plain).unwrap();
    ws.merge_range(4, 0, 5, 0, "2 技術", &plain).unwrap();
    let imp = import("jigyosha.xlsx", wb.save_to_buffer().unwrap());
    let titles = section_titles(&imp);
    assert_eq!(titles, vec!["1 体制", "2 技術"], "{:?}", imp.report);
    let numbers: Vec<&str> = imp
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["1 (1)", "1 (2)", "2 (1)", "2 (2)"]);
    let values: Vec<AnswerValue> = imp
        .catalogue
        .questions()
        .map(|q| imp.project.value(&q.id))
        .collect();
    use AnswerValue::*;
    assert_eq!(values, vec![Yes, No, Yes, Unanswered]);
    assert_eq!(
        imp.catalogue.find_by_number("1 (2)").unwrap().text,
        "規程を定めている"
    );
}

/// Numbering official lists use besides digits: Roman numerals for chapters (Ⅰ, Ⅱ-1) and
/// katakana for items restarting under each section ((ア)(イ)), read by detection alone and
/// kept as shown.
#[test]
fn roman_chapters_and_katakana_items_are_read_as_shown() {
    let book = |rows: &[[&str; 3]]| {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, cells) in rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, *v).unwrap();
                }
            }
        }
        wb.save_to_buffer().unwrap()
    };
    let roman = import(
        "roman.xlsx",
        book(&[
            ["Ⅰ", "組織的な対策", ""],
            ["Ⅰ-1", "責任者を定めているか?", "はい"],
            ["Ⅱ", "技術的な対策", ""],
            ["Ⅱ-1", "利用者を識別しているか?", "いいえ"],
            ["Ⅱ-2", "操作を記録しているか?", "対象外"],
        ]),
    );
    let numbers: Vec<&str> = roman
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["Ⅰ-1", "Ⅱ-1", "Ⅱ-2"], "{:?}", roman.report);
    let titles: Vec<&str> = roman
        .catalogue
        .sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, vec!["Ⅰ 組織的な対策", "Ⅱ 技術的な対策"]);
    let q = roman.catalogue.find_by_number("Ⅱ-1").unwrap();
    assert_eq!(roman.project.value(&q.id), AnswerValue::No);

    let kana = import(
        "kana.xlsx",
        book(&[
            ["1", "体制", ""],
            ["(ア)", "責任者を定めているか?", "はい"],
            ["(イ)", "規程を定めているか?", ""],
            ["2", "技術", ""],
            ["(ア)", "利用者を識別しているか?", "いいえ"],
        ]),
    );
    let numbers: Vec<&str> = kana
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(
        numbers,
        vec!["1 (ア)", "1 (イ)", "2 (ア)"],
        "{:?}",
        kana.report
    );
    assert!(kana.report.skipped.is_empty(), "{:?}", kana.report.skipped);
}

/// A mapping's row ranges are counted before any row looks its role up among them.
#[test]
fn a_mapping_with_too_many_row_ranges_is_refused_naming_it() {
    let ranges: Vec<String> = (1..=1_001)
        .map(|r| format!(r#"{{"first": {r}, "last": {r}, "role": "skip"}}"#))
        .collect();
    let mapping: Mapping =
        serde_json::from_str(&format!(r#"{{"rows": [{}]}}"#, ranges.join(","))).unwrap();
    let vocab = kaijisho::assets::import_vocabulary();
    let e = import_workbook(Path::new("big.xlsx"), bad_rows(), Some(&mapping), vocab).unwrap_err();
    assert!(
        matches!(&e, kaijisho::io::xlsx::XlsxError::BadMapping { detail, .. } if detail.contains("1001 ranges")),
        "{e:?}"
    );
}

/// A list shaped like an appendix of check items: the headings name the number and text
/// columns, so the category between them is no question text; each new category opens a
/// section.
#[test]
fn an_appendix_list_reads_its_text_column_and_categories() {
    let imp = import("appendix.xlsx", appendix_list());
    check(&imp, &appendix_list_expected());
    let titles = section_titles(&imp);
    assert_eq!(titles, vec!["体制", "技術"]);
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
    // Its title names a list of check items: a catalogue of that kind, not an MDS.
    assert_eq!(
        imp.catalogue.kind,
        kaijisho::domain::catalogue::Kind::Appendix
    );
}

/// 確認日 and 目標日 columns (real date cells) are read with each answer, under categories
/// merged down beside the items.
#[test]
fn confirmation_and_target_dates_are_read_with_each_answer() {
    let imp = import("dates.xlsx", confirmation_dates());
    check(&imp, &confirmation_dates_expected());
    let titles = section_titles(&imp);
    assert_eq!(titles, vec!["1 体制", "2 技術的対策"]);
    assert_eq!(
        imp.catalogue.kind,
        kaijisho::domain::catalogue::Kind::Checklist,
        "its title names a confirmation checklist"
    );
    let dates: Vec<[String; 2]> = imp
        .catalogue
        .questions()
        .map(|q| {
            let a = &imp.project.answers[&q.id];
            [a.checked_on.clone(), a.due_on.clone()]
        })
        .collect();
    let shown: Vec<[String; 2]> = confirmation_dates_shown()
        .into_iter()
        .map(|d| d.map(str::to_string))
        .collect();
    assert_eq!(dates, shown);
    let m = &imp.report.mapping;
    assert_eq!(
        (
            m.date_column.as_deref(),
            m.due_date_column.as_deref(),
            m.remark_column.as_deref()
        ),
        (Some("E"), Some("F"), Some("G"))
    );
    assert!(imp.report.skipped.is_empty(), "{:?}", imp.report.skipped);
}

/// A list for both forms marks each question's form: the MDS statement (a 製造業者 header)
/// holds the questions marked MDS or both, each with its scope; the SDS-only question is said
/// with its row. Read as SDS (the mapping's form), the other way round.
#[test]
fn form_columns_keep_the_questions_of_the_statements_form() {
    use kaijisho::domain::catalogue::{Kind, Scope};
    let imp = import("forms.xlsx", form_columns());
    check(&imp, &form_columns_expected());
    assert_eq!(imp.catalogue.kind, Kind::Mds);
    let scopes: Vec<Scope> = imp.catalogue.questions().map(|q| q.scope).collect();
    assert_eq!(scopes, vec![Scope::Both, Scope::Mds, Scope::Mds]);
    assert!(
        imp.report.notes.iter().any(|n| matches!(n,
            Note::OtherForm { count: 1, numbers, .. } if numbers == "3 (5)")),
        "{:?}",
        imp.report.notes
    );
    // The wizard's grid shows its row as read, not as a question.
    let view = imp.view.as_ref().unwrap();
    assert_eq!(view.rows[4], kaijisho::io::xlsx::import::RowKind::Plain);
    assert_eq!(view.rows[3], kaijisho::io::xlsx::import::RowKind::Question);
    let mapping = Mapping {
        form: Some(Kind::Sds),
        ..Mapping::default()
    };
    let sds = import_workbook(
        Path::new("forms.xlsx"),
        form_columns(),
        Some(&mapping),
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert_eq!(sds.catalogue.kind, Kind::Sds);
    let numbers: Vec<&str> = sds
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["1", "3"]);
    let q3 = sds.catalogue.find_by_number("3").unwrap();
    assert_eq!(sds.project.answers[&q3.id].remark, "99.9%");
}

/// In a list for both forms, a gate (該当/非該当) only for the other form leaves with its form
/// and the questions under it stay, no longer gated; an option question marked for the other
/// form only leaves too.
#[test]
fn form_columns_leave_out_gates_and_option_questions_of_the_other_form() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        ["製造業者名", "株式会社試験", "", "", "", ""],
        ["No.", "設問", "MDS対象", "SDS対象", "回答", "備考"],
        ["1", "外部保存を受託するか?", "", "○", "非該当", ""],
        ["1.1", "保存場所を示しているか?", "", "", "対象外", ""],
        ["2", "認証方法は?", "", "○", "", ""],
        ["", "-記憶ID", "", "", "はい", ""],
        ["", "-生体認証", "", "", "いいえ", ""],
        ["3", "記録を残しているか?", "○", "○", "はい", ""],
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
    let imp = import("gates.xlsx", wb.save_to_buffer().unwrap());
    let numbers: Vec<&str> = imp
        .catalogue
        .questions()
        .map(|q| q.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["1.1", "3"], "{:?}", imp.report);
    assert!(imp.catalogue.questions().all(|q| q.gate.is_none()));
}

/// A "No." heading over a category's number merged down beside its items: each item is still a
/// question of its own (the merged number is the category's). A heading that only contains 区分
/// (対応区分) names no category column, and a dash in a date cell is no date.
#[test]
fn a_merged_category_number_under_the_no_heading_keeps_its_items_apart() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (r, cells) in [
        [
            "No.",
            "分類",
            "",
            "確認事項",
            "確認結果",
            "対応区分",
            "確認日",
        ],
        ["", "", "(1)", "責任者を定めている", "はい", "A", "－"],
        ["", "", "(2)", "規程を定めている", "いいえ", "B", "2026/4/1"],
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
    let plain = rust_xlsxwriter::Format::new();
    ws.merge_range(1, 0, 2, 0, "1", &plain).unwrap();
    ws.merge_range(1, 1, 2, 1, "体制", &plain).unwrap();
    let imp = import("merged-no.xlsx", wb.save_to_buffer().unwrap());
    let texts: Vec<&str> = imp.catalogue.questions().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        vec!["責任者を定めている", "規程を定めている"],
        "{:?}",
        imp.report
    );
    let values: Vec<AnswerValue> = imp
        .catalogue
        .questions()
        .map(|q| imp.project.value(&q.id))
        .collect();
    assert_eq!(values, vec![AnswerValue::Yes, AnswerValue::No]);
    assert_eq!(section_titles(&imp), vec!["1 体制"]);
    let dates: Vec<&str> = imp
        .catalogue
        .questions()
        .map(|q| imp.project.answers[&q.id].checked_on.as_str())
        .collect();
    assert_eq!(dates, vec!["", "2026/4/1"]);
    assert_eq!(
        imp.report.mapping.form,
        Some(kaijisho::domain::catalogue::Kind::Mds),
        "the form read is recorded"
    );
}
