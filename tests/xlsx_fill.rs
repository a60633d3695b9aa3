//! Filling the user's own workbook (`export --into`): for statements imported from workbooks of
//! every layout the layout tests know, random answers, remarks and header values written into
//! a copy of the workbook read back as the same statement, every archive part but the changed
//! sheets and workbook.xml stays byte-identical, and in a changed sheet only the target cells
//! change. The refusals (changed workbook, formula in a target cell, protected structure, a
//! statement from nowhere), the CLI path, and a round trip through LibreOffice.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common {
    pub mod cli;
    pub mod layouts;
    pub mod office;
    pub mod tools;
}
use common::cli::kaijisho_ja as kaijisho;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::Path;

use common::layouts::*;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::{AnswerKind, Catalogue};
use kaijisho::domain::edit::Edit;
use kaijisho::domain::project::{HeaderField, Project};
use kaijisho::io::xlsx::Consent;
use kaijisho::io::xlsx::import::read_workbook;
use kaijisho::io::xlsx::{Imported, Unwritten, XlsxError, fill_workbook, import_workbook};
use proptest::prelude::*;

fn vocab() -> &'static kaijisho::io::xlsx::import::Vocabulary {
    kaijisho::assets::import_vocabulary()
}

fn import(name: &str, bytes: &[u8]) -> Imported {
    import_workbook(Path::new(name), bytes.to_vec(), None, vocab())
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every part of an archive: name → (raw compressed bytes, CRC, uncompressed bytes).
fn parts(bytes: &[u8]) -> BTreeMap<String, (Vec<u8>, u32, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let (name, crc, raw) = {
            let mut f = zip.by_index_raw(i).unwrap();
            let mut raw = Vec::new();
            f.read_to_end(&mut raw).unwrap();
            (f.name().unwrap().to_string(), f.crc32(), raw)
        };
        let mut plain = Vec::new();
        zip.by_index(i).unwrap().read_to_end(&mut plain).unwrap();
        out.insert(name, (raw, crc, plain));
    }
    out
}

/// A sheet's XML without its cells: columns, merges, validations, conditional formats, print
/// settings and everything else a fill must leave as it was.
fn without_cells(xml: &[u8]) -> String {
    let s = String::from_utf8_lossy(xml);
    match (s.find("<sheetData"), s.find("</sheetData>")) {
        (Some(a), Some(b)) => format!("{}{}", &s[..a], &s[b..]),
        _ => s.into_owned(),
    }
}

/// One random choice per answer slot (question or option) and per header field.
#[derive(Debug, Clone)]
struct Fill {
    values: Vec<(usize, String)>,
    header: Vec<String>,
}

fn remark() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        1 => Just("=SUM(A1:A3)".to_string()),
        1 => Just("<b>&amp; \"引用\" 'x'".to_string()),
        1 => Just("一行目\n二行目".to_string()),
        1 => Just("Excel の _x0041_ はそのまま".to_string()),
        3 => "[ぁ-んァ-ヶ一-龠a-z0-9<>&=~～・、。]{1,24}".prop_map(|s| format!("メモ{s}")),
    ]
}

fn fill() -> impl Strategy<Value = Fill> {
    (
        prop::collection::vec((0usize..4, remark()), 1..40),
        prop::collection::vec("[ぁ-んァ-ヶ一-龠A-Za-z0-9 ]{0,16}", 5),
    )
        .prop_map(|(values, header)| Fill { values, header })
}

/// The edits that give every answer slot of the imported statement a value and remark from
/// `f` (cycled), and every header field the workbook has a cell for a value.
fn edits(imp: &Imported, f: &Fill) -> Vec<Edit> {
    let c: &Catalogue = &imp.catalogue;
    let targets = imp.targets.as_ref().unwrap();
    let mut edits = Vec::new();
    let mut slots = f.values.iter().cycle();
    for q in c.questions() {
        let allowed = q.answer.allowed();
        let mut slot = |option: Option<String>, edits: &mut Vec<Edit>| {
            let (v, r) = slots.next().unwrap();
            let value = allowed.get(*v).copied().unwrap_or(AnswerValue::Unanswered);
            edits.push(Edit::Value {
                question: q.id.clone(),
                option: option.clone(),
                value,
            });
            edits.push(Edit::Remark {
                question: q.id.clone(),
                option,
                text: r.clone(),
            });
        };
        match &q.answer {
            AnswerKind::Options(options) => {
                for o in options {
                    slot(Some(o.id.clone()), &mut edits);
                }
            }
            _ => slot(None, &mut edits),
        }
    }
    for (field, text) in HeaderField::ALL.into_iter().zip(&f.header) {
        if targets.header.contains_key(field.key()) {
            let text = if field == HeaderField::Created && !text.is_empty() {
                "2026年11月23日".to_string()
            } else {
                text.trim().to_string()
            };
            edits.push(Edit::Header { field, text });
        }
    }
    edits
}

/// What a statement holds that a workbook carries: answers, remarks, header.
fn carried(p: &Project) -> String {
    let mut answers: Vec<String> = p
        .answers
        .iter()
        .filter(|(_, a)| {
            a.value != AnswerValue::Unanswered
                || !a.remark.is_empty()
                || a.options
                    .values()
                    .any(|o| o.value != AnswerValue::Unanswered || !o.remark.is_empty())
        })
        .map(|(id, a)| {
            let options: Vec<String> = a
                .options
                .iter()
                .filter(|(_, o)| o.value != AnswerValue::Unanswered || !o.remark.is_empty())
                .map(|(o, oa)| format!("{o}={:?}/{}", oa.value, oa.remark))
                .collect();
            format!("{id}={:?}/{} {options:?}", a.value, a.remark)
        })
        .collect();
    answers.sort();
    let header: Vec<String> = HeaderField::ALL
        .into_iter()
        .map(|f| format!("{}={}", f.key(), p.header.get(f)))
        .collect();
    format!("{answers:#?}\n{header:?}")
}

/// Fills `original` (imported as `imp`) with `f`; checks the round trip and the untouched
/// parts and cells; returns the filled workbook.
fn fill_and_check(name: &str, original: &[u8], f: &Fill) -> Vec<u8> {
    let imp = import(name, original);
    let mut project = imp.project.clone();
    project
        .apply_all(&imp.catalogue, &edits(&imp, f))
        .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    let filled = fill_workbook(
        Path::new(name),
        original.to_vec(),
        &imp.catalogue,
        &project,
        vocab(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));

    // A remark with no cell to go to is said, and is what the workbook cannot carry.
    let targets = imp.targets.as_ref().unwrap();
    let mut expected = project.clone();
    let mut without_cell = 0;
    for t in targets.answers.iter().filter(|t| t.remark.is_none()) {
        let had = expected
            .apply(
                &imp.catalogue,
                &Edit::Remark {
                    question: t.question.clone(),
                    option: t.option.clone(),
                    text: String::new(),
                },
            )
            .unwrap();
        without_cell += usize::from(had.is_some());
    }
    let unwritten_remarks = filled
        .unwritten
        .iter()
        .filter(|u| matches!(u, Unwritten::Remark { .. }))
        .count();
    assert_eq!(
        unwritten_remarks, without_cell,
        "{name}: {:?}",
        filled.unwritten
    );
    // The only formula named as showing an old value is styled.xlsx's COUNTA over the answers
    // (a range, not evaluated).
    let formulas: Vec<&Unwritten> = filled
        .unwritten
        .iter()
        .filter(|u| matches!(u, Unwritten::Formula { .. }))
        .collect();
    assert!(
        formulas
            .iter()
            .all(|u| matches!(u, Unwritten::Formula { cell, .. } if cell == "A8")),
        "{name}: {formulas:?}"
    );
    assert_eq!(
        filled.unwritten.len(),
        unwritten_remarks + formulas.len(),
        "{name}: {:?}",
        filled.unwritten
    );
    let filled = filled.bytes;

    // Read back by detection, as the hospital's copy would be.
    let back = import(name, &filled);
    assert_eq!(
        back.catalogue.content_hash(),
        imp.catalogue.content_hash(),
        "{name}: the questions changed"
    );
    assert_eq!(carried(&back.project), carried(&expected), "{name}");

    // Every part but the sheets written to and workbook.xml is byte-identical.
    let (old, new) = (parts(original), parts(&filled));
    assert_eq!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>(),
        "{name}"
    );
    for (part, (raw, crc, plain)) in &old {
        let (raw2, crc2, plain2) = &new[part];
        if part == "xl/workbook.xml" {
            assert!(
                String::from_utf8_lossy(plain2).contains("fullCalcOnLoad=\"1\""),
                "{name}: no recalculation on open"
            );
        } else if part.starts_with("xl/worksheets/sheet") && plain != plain2 {
            assert_eq!(
                without_cells(plain),
                without_cells(plain2),
                "{name}: {part} changed outside its cells"
            );
        } else {
            assert_eq!((raw, crc), (raw2, crc2), "{name}: {part} changed");
        }
    }

    // In every sheet only the target cells changed.
    let mut allowed: BTreeSet<(String, u32, u16)> = BTreeSet::new();
    for t in &targets.answers {
        if let Some(c) = targets.flag {
            allowed.insert((targets.sheet.clone(), t.row, c));
        }
        for c in targets.marks.iter().flatten() {
            allowed.insert((targets.sheet.clone(), t.row, *c));
        }
        if let Some((r, c)) = t.remark {
            allowed.insert((targets.sheet.clone(), r, c));
        }
    }
    for cell in targets.header.values() {
        let (sheet, r, c) = kaijisho::io::xlsx::sheet_cell(cell).unwrap();
        allowed.insert((sheet.unwrap_or(&targets.sheet).to_string(), r, c));
    }
    let mut a = read_workbook(Path::new(name), original.to_vec()).unwrap();
    let mut b = read_workbook(Path::new(name), filled.clone()).unwrap();
    for (sheet, _) in a.sheets.clone() {
        let (ga, gb) = (a.grid(&sheet).unwrap(), b.grid(&sheet).unwrap());
        for r in 0..ga.height().max(gb.height()) {
            for c in 0..ga.width().max(gb.width()) {
                if !allowed.contains(&(sheet.clone(), r, c)) {
                    assert_eq!(ga.get(r, c), gb.get(r, c), "{name}: {sheet} ({r},{c})");
                }
            }
        }
    }
    filled
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random statements on every layout: exported into the workbook, imported back.
    #[test]
    fn export_into_then_import_gives_the_same_statement(layout in 0usize..14, f in fill()) {
        let all = every_layout();
        let (name, bytes, _) = &all[layout % all.len()];
        fill_and_check(name, bytes, &f);
    }
}

/// Every layout, once with every slot answered and remarked, once emptied again.
#[test]
fn every_layout_fills_and_empties() {
    let full = Fill {
        values: vec![
            (0, "メモ一".into()),
            (1, "メモ<二>&".into()),
            (2, "=1+1".into()),
        ],
        header: vec![
            "2026年11月23日".into(),
            "株式会社例".into(),
            "例システム".into(),
            "1.0".into(),
            "窓口".into(),
        ],
    };
    let empty = Fill {
        values: vec![(3, String::new())],
        header: vec![String::new(); 5],
    };
    for (name, bytes, _) in every_layout() {
        let filled = fill_and_check(name, &bytes, &full);
        fill_and_check(name, &filled, &empty);
    }
}

/// A workbook with styles on the answer cells, a list validation, a conditional format, a
/// merged title, print settings and a formula outside the targets.
fn styled_workbook(formula_in_remark: bool) -> Vec<u8> {
    use rust_xlsxwriter::*;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    let boxed = Format::new()
        .set_border(FormatBorder::Thin)
        .set_background_color("FFF2CC");
    ws.merge_range(
        0,
        0,
        0,
        4,
        "医療情報セキュリティ開示書 チェックリスト",
        &Format::new(),
    )
    .unwrap();
    ws.write(1, 0, "製造業者名").unwrap();
    ws.write_with_format(1, 1, "", &boxed).unwrap();
    ws.write_row(2, 0, ["No.", "設問", "回答", "備考"]).unwrap();
    let qs = [
        "記録を残しているか?",
        "手順を定めているか?",
        "窓口を置いているか?",
    ];
    for (i, q) in qs.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write(r, 0, format!("{}", i + 1)).unwrap();
        ws.write(r, 1, *q).unwrap();
        ws.write_with_format(r, 2, if i == 0 { "はい" } else { "" }, &boxed)
            .unwrap();
        if formula_in_remark && i == 1 {
            ws.write_formula(r, 3, "=C4&\"済\"").unwrap();
        } else {
            ws.write_with_format(r, 3, "", &boxed).unwrap();
        }
    }
    ws.write_formula(7, 0, "=COUNTA(C4:C6)").unwrap();
    let v = DataValidation::new()
        .allow_list_strings(&["はい", "いいえ", "対象外"])
        .unwrap();
    ws.add_data_validation(3, 2, 5, 2, &v).unwrap();
    let cf = ConditionalFormatCell::new()
        .set_rule(ConditionalFormatCellRule::EqualTo("\"いいえ\""))
        .set_format(Format::new().set_font_color("9C0006"));
    ws.add_conditional_format(3, 2, 5, 2, &cf).unwrap();
    ws.set_landscape();
    ws.set_print_area(0, 0, 7, 4).unwrap();
    ws.set_column_width(1, 40).unwrap();
    wb.save_to_buffer().unwrap()
}

/// The `s="…"` style of a cell in a sheet's XML.
fn style_of(xml: &str, cell: &str) -> Option<String> {
    let at = xml.find(&format!("r=\"{cell}\""))?;
    let start = xml[..at].rfind("<c ")?;
    let end = start + xml[start..].find('>')?;
    let tag = &xml[start..end];
    let s = tag.find(" s=\"")? + 4;
    Some(tag[s..s + tag[s..].find('"')?].to_string())
}

#[test]
fn styles_validations_conditional_formats_and_print_settings_are_kept() {
    let original = styled_workbook(false);
    let f = Fill {
        values: vec![(1, "メモ".into()), (2, String::new()), (0, "了解".into())],
        header: vec![
            String::new(),
            "株式会社例".into(),
            String::new(),
            String::new(),
            String::new(),
        ],
    };
    let filled = fill_and_check("styled.xlsx", &original, &f);
    let sheet =
        |b: &[u8]| String::from_utf8(parts(b)["xl/worksheets/sheet1.xml"].2.clone()).unwrap();
    let (old, new) = (sheet(&original), sheet(&filled));
    for part in [
        "<dataValidations",
        "<conditionalFormatting",
        "<mergeCells",
        "<pageSetup",
        "<cols>",
    ] {
        assert!(new.contains(part), "{part} lost");
    }
    for cell in ["C4", "C5", "D4", "D6", "B2"] {
        assert!(
            style_of(&old, cell).is_some(),
            "{cell} has no style to keep"
        );
        assert_eq!(style_of(&old, cell), style_of(&new, cell), "{cell}");
    }
    assert!(
        new.contains("<f>COUNTA(C4:C6)</f>"),
        "the formula outside the targets is kept"
    );
    let back = import("styled.xlsx", &filled);
    assert_eq!(back.project.header.get(HeaderField::Vendor), "株式会社例");
}

#[test]
fn refusals_name_the_problem() {
    // A formula in a target cell.
    let original = styled_workbook(true);
    let imp = import("formula.xlsx", &original);
    let mut p = imp.project.clone();
    let q2 = imp.catalogue.questions().nth(1).unwrap().id.clone();
    p.apply_all(
        &imp.catalogue,
        &[Edit::Remark {
            question: q2,
            option: None,
            text: "上書き".into(),
        }],
    )
    .unwrap();
    let e = fill_workbook(
        Path::new("formula.xlsx"),
        original.clone(),
        &imp.catalogue,
        &p,
        vocab(),
    )
    .unwrap_err();
    assert!(
        matches!(&e, XlsxError::FormulaCell { cell, .. } if cell == "D5"),
        "{e:?}"
    );

    // A workbook that changed since the import.
    let other = styled_workbook(false);
    let e = fill_workbook(Path::new("other.xlsx"), other, &imp.catalogue, &p, vocab()).unwrap_err();
    assert!(matches!(e, XlsxError::SourceChanged { .. }), "{e:?}");

    // A statement that did not come from a workbook.
    let mut nowhere = p.clone();
    nowhere.source = None;
    let e = fill_workbook(
        Path::new("formula.xlsx"),
        original.clone(),
        &imp.catalogue,
        &nowhere,
        vocab(),
    )
    .unwrap_err();
    assert!(matches!(e, XlsxError::NotFromWorkbook), "{e:?}");

    // Never written over the original, whoever asks (the app or the CLI).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formula.xlsx");
    std::fs::write(&file, &original).unwrap();
    let e = kaijisho::io::xlsx::export_into(
        &file,
        &file,
        (&imp.catalogue, &p),
        vocab(),
        Consent::default(),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            kaijisho::io::FileError::Workbook(XlsxError::OverOriginal { .. })
        ),
        "{e:?}"
    );
    assert_eq!(std::fs::read(&file).unwrap(), original);

    // A workbook whose structure is password-protected.
    let locked = with_part_replaced(&styled_workbook(false), "xl/workbook.xml", |xml| {
        xml.replacen(
            "<bookViews>",
            "<workbookProtection workbookPassword=\"CC3D\" lockStructure=\"1\"/><bookViews>",
            1,
        )
    });
    let imp = import("locked.xlsx", &locked);
    let e = fill_workbook(
        Path::new("locked.xlsx"),
        locked,
        &imp.catalogue,
        &imp.project,
        vocab(),
    )
    .unwrap_err();
    assert!(matches!(e, XlsxError::StructureProtected { .. }), "{e:?}");
}

#[test]
fn an_attribute_that_cannot_be_read_refuses_the_workbook_naming_the_part() {
    // Unquoted: read past, the locked structure would have counted as unlocked.
    let odd = with_part_replaced(&styled_workbook(false), "xl/workbook.xml", |xml| {
        xml.replacen(
            "<bookViews>",
            "<workbookProtection lockStructure=1/><bookViews>",
            1,
        )
    });
    // The package is read one way for the import and the fill alike: refused at the import.
    let e = import_workbook(Path::new("odd.xlsx"), odd, None, vocab()).unwrap_err();
    assert!(
        matches!(&e, XlsxError::Malformed { detail, .. } if detail.contains("xl/workbook.xml")),
        "{e:?}"
    );
}

/// The archive with one part's text changed by `f` (the others copied).
fn with_part_replaced(bytes: &[u8], part: &str, f: impl Fn(&str) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == part {
            let text = f(&String::from_utf8(content).unwrap());
            assert!(text.contains("lockStructure"), "the part was not changed");
            content = text.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The CLI path: import, answer, export --into; the result read back; the original untouched;
/// a changed original refused with a message naming it.
#[test]
fn cli_exports_into_the_imported_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("公式チェックリスト.xlsx");
    let bytes = styled_workbook(false);
    std::fs::write(&original, &bytes).unwrap();
    let statement = dir.path().join("statement.json");
    kaijisho()
        .arg("import")
        .arg(&original)
        .arg("-o")
        .arg(&statement)
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&statement)
        .args(["2", "いいえ", "--remark", "来期に対応"])
        .assert()
        .success();
    let out = dir.path().join("記入済み.xlsx");
    kaijisho()
        .arg("export")
        .arg(&statement)
        .arg("--xlsx")
        .arg(&out)
        .arg("--into")
        .arg(&original)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&original).unwrap(),
        bytes,
        "the original is not changed"
    );
    let back = import("記入済み.xlsx", &std::fs::read(&out).unwrap());
    let q2 = back.catalogue.questions().nth(1).unwrap().id.clone();
    assert_eq!(back.project.answers[&q2].value, AnswerValue::No);
    assert_eq!(back.project.answers[&q2].remark, "来期に対応");

    // The original changed since: refused, naming the file; nothing written.
    std::fs::write(&original, styled_workbook(true)).unwrap();
    let again = dir.path().join("again.xlsx");
    let out = kaijisho()
        .arg("export")
        .arg(&statement)
        .arg("--xlsx")
        .arg(&again)
        .arg("--into")
        .arg(&original)
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("公式チェックリスト.xlsx") && err.contains("kaijisho carry"),
        "{err}"
    );
    assert!(!again.exists());

    // --into over itself is refused before anything is written.
    kaijisho()
        .arg("export")
        .arg(&statement)
        .arg("--xlsx")
        .arg(&original)
        .arg("--into")
        .arg(&original)
        .assert()
        .failure();
}

/// A filled workbook saved again by LibreOffice (shared strings, its own styles and XML) reads
/// back with the same answers.
#[test]
fn a_filled_workbook_saved_by_libreoffice_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let f = Fill {
        values: vec![
            (0, "メモ一".into()),
            (1, String::new()),
            (2, "メモ<三>".into()),
        ],
        header: vec![
            "2026年11月23日".into(),
            "株式会社例".into(),
            "例".into(),
            "2".into(),
            "窓口".into(),
        ],
    };
    for (name, bytes, _) in every_layout().into_iter().take(4) {
        let filled = fill_and_check(name, &bytes, &f);
        let path = dir.path().join(name);
        std::fs::write(&path, &filled).unwrap();
        let Some(converted) = common::office::convert(&path, "xlsx:Calc MS Excel 2007 XML", "xlsx")
        else {
            return;
        };
        let direct = import(name, &filled);
        let through = import(name, &std::fs::read(&converted).unwrap());
        assert_eq!(
            carried(&through.project),
            carried(&direct.project),
            "{name}"
        );
    }
}

/// はい・いいえ・対象外 columns printed with boxes: the chosen box is ticked, the others stay
/// boxes, and the copy reads back with the answers.
#[test]
fn printed_boxes_are_ticked_and_kept() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(0, 0, ["No.", "設問", "はい", "いいえ", "対象外", "備考"])
        .unwrap();
    for r in 1..=3u32 {
        ws.write_row(
            r,
            0,
            [
                &r.to_string(),
                &format!("管理策{r}を定めているか?"),
                "□",
                "□",
                "□",
            ],
        )
        .unwrap();
    }
    let original = wb.save_to_buffer().unwrap();
    let f = Fill {
        values: vec![(0, String::new()), (1, String::new()), (3, String::new())],
        header: vec![String::new(); 5],
    };
    let filled = fill_and_check("boxes.xlsx", &original, &f);
    let mut book = read_workbook(Path::new("boxes.xlsx"), filled).unwrap();
    let g = book.grid("Sheet1").unwrap();
    let row = |r: u32| (2..5).map(|c| g.get(r, c).to_string()).collect::<Vec<_>>();
    assert_eq!(row(1), ["■", "□", "□"]);
    assert_eq!(row(2), ["□", "■", "□"]);
    assert_eq!(row(3), ["□", "□", "□"], "unanswered keeps its boxes");
}

/// A conditional answer (条件付き回答) filled into the user's workbook: the condition heads the
/// remark cell in the form's words (〔条件〕…。), and the copy reads back as the same condition
/// and remark.
#[test]
fn a_condition_is_filled_at_the_head_of_the_remark_and_reads_back_exactly() {
    let original = gl6_in_text();
    let imp = import("cond.xlsx", &original);
    let targets = imp.targets.as_ref().unwrap();
    let plain: Vec<String> = targets
        .answers
        .iter()
        .filter(|t| t.option.is_none() && t.remark.is_some())
        .map(|t| t.question.clone())
        .filter(|id| {
            matches!(
                imp.catalogue.question(id).unwrap().answer,
                AnswerKind::YesNoNa
            )
        })
        .take(2)
        .collect();
    assert_eq!(plain.len(), 2, "two plain questions with a remark cell");
    let mut project = imp.project.clone();
    for (id, (condition, remark)) in plain
        .iter()
        .zip([("オプション契約時", "元の備考"), ("次期バージョンから", "")])
    {
        let edits = [
            Edit::Value {
                question: id.clone(),
                option: None,
                value: AnswerValue::Yes,
            },
            Edit::Condition {
                question: id.clone(),
                text: condition.into(),
            },
            Edit::Remark {
                question: id.clone(),
                option: None,
                text: remark.into(),
            },
        ];
        project.apply_all(&imp.catalogue, &edits).unwrap();
    }
    let filled = fill_workbook(
        Path::new("cond.xlsx"),
        original.clone(),
        &imp.catalogue,
        &project,
        vocab(),
    )
    .unwrap();
    let back = import("cond.xlsx", &filled.bytes);
    for id in &plain {
        let (a, b) = (&project.answers[id], &back.project.answers[id]);
        assert_eq!((&b.condition, &b.remark), (&a.condition, &a.remark), "{id}");
    }
    // The cells as written.
    let mut book = read_workbook(Path::new("cond.xlsx"), filled.bytes.clone()).unwrap();
    let name = book.sheets[0].0.clone();
    let grid = book.grid(&name).unwrap();
    let cell = |id: &String| {
        let t = targets.answers.iter().find(|t| &t.question == id).unwrap();
        let (r, c) = t.remark.unwrap();
        grid.get(r, c).to_string()
    };
    assert_eq!(cell(&plain[0]), "〔条件〕オプション契約時。元の備考");
    assert_eq!(cell(&plain[1]), "〔条件〕次期バージョンから");
}
