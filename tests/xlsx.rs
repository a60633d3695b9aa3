//! Excel: exact round trips of our exports, import of official-style workbooks built here with
//! the variations real files show, and bad input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::io::Write;
use std::path::Path;

use kaijisho::assets;
use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::{AnswerKind, Catalogue};
use kaijisho::domain::{Header, Project};
use kaijisho::io::FileError;
use kaijisho::io::xlsx::{Mapping, XlsxError, import_workbook, statement_xlsx};
use predicates::prelude::*;
use proptest::prelude::*;
use rust_xlsxwriter::{Format, Workbook};

mod common {
    pub mod cli;
}
use common::cli::{kaijisho, sample};

fn shipped(id: &str) -> Catalogue {
    assets::shipped_catalogues()
        .unwrap()
        .into_iter()
        .find(|c| c.id == id)
        .unwrap()
}

fn round_trip(c: &Catalogue, p: &Project) -> Project {
    let form = assets::form().unwrap();
    let bytes = statement_xlsx(c, p, &form).unwrap();
    let imported = import_workbook(
        Path::new("t.xlsx"),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert_eq!(&imported.catalogue, c);
    assert_eq!(imported.report.method, "kaijisho-export");
    imported.project
}

fn arb_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("はい".to_string()),
            Just("（６．５．Ｃ１）全角".to_string()),
            Just("\n".to_string()),
            Just("🙂".to_string()),
            Just("=SUM(A1:A3)".to_string()),
            Just("+81-3".to_string()),
            Just("-項目".to_string()),
            Just("@user".to_string()),
            Just("  ".to_string()),
            Just("\"'<&>".to_string()),
            "[a-zA-Z0-9 ]{0,6}",
            "\\PC{0,4}",
        ],
        0..5,
    )
    .prop_map(|v| v.concat())
}

fn values_for(kind: &AnswerKind) -> Vec<AnswerValue> {
    let mut v = vec![AnswerValue::Unanswered];
    v.extend_from_slice(kind.allowed());
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn json_xlsx_json_is_identical(choices in prop::collection::vec(0usize..4, 20),
                                   remarks in prop::collection::vec(arb_text(), 20),
                                   vendor in arb_text(), product in arb_text(),
                                   mds in any::<bool>(), contact in any::<bool>()) {
        let c = shipped(if mds { "mds-seed-checksheet" } else { "sds-seed-remote-service" });
        let mut p = Project::new(&c, Header {
            created: "2026年11月22日".into(),
            vendor,
            product,
            version: "1.0".into(),
            contact: contact.then(|| "窓口\n内線 123".to_string()),
        }, false);
        let mut k = 0;
        for q in c.questions() {
            let values = values_for(&q.answer);
            if q.answer.options().is_empty() {
                let v = values[choices[k % 20] % values.len()];
                p.set_answer(&c, &q.id, None, v, Some(remarks[k % 20].clone())).unwrap();
                k += 1;
            } else {
                for o in q.answer.options() {
                    let v = values[choices[k % 20] % values.len()];
                    p.set_answer(&c, &q.id, Some(&o.id), v, Some(remarks[k % 20].clone())).unwrap();
                    k += 1;
                }
            }
        }
        p.review.items.insert(c.questions().next().unwrap().id.clone(), Default::default());
        let back = round_trip(&c, &p);
        prop_assert_eq!(back, p);
    }
}

#[test]
fn dump_and_fingerprint_of_json_and_xlsx_are_identical() {
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("s.xlsx");
    kaijisho()
        .arg("export")
        .arg(sample())
        .arg("--xlsx")
        .arg(&x)
        .assert()
        .success();
    let a = kaijisho().arg("dump").arg(sample()).assert().success();
    let b = kaijisho().arg("dump").arg(&x).assert().success();
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
    let a = kaijisho()
        .arg("fingerprint")
        .arg(sample())
        .assert()
        .success();
    let b = kaijisho().arg("fingerprint").arg(&x).assert().success();
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
    kaijisho().arg("validate").arg(&x).assert().success();

    // import writes the same project back.
    let json = dir.path().join("back.json");
    let cat = dir.path().join("cat.json");
    kaijisho()
        .arg("import")
        .arg(&x)
        .arg("-o")
        .arg(&json)
        .arg("--catalogue-out")
        .arg(&cat)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 questions"))
        .stdout(predicate::str::contains("Read exactly"));
    let original: serde_json::Value = serde_json::from_slice(&fs::read(sample()).unwrap()).unwrap();
    let back: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(original, back);
    kaijisho()
        .arg("import")
        .arg(&x)
        .arg("-o")
        .arg(&json)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn exported_workbook_layout() {
    use calamine::{Data, Reader, Xlsx};
    let c = shipped("mds-seed-checksheet");
    let mut p = Project::new(&c, Header::default(), false);
    p.set_answer(&c, "q1", None, AnswerValue::No, Some("=1+1".into()))
        .unwrap();
    p.set_answer(&c, "q4.1", Some("biometric"), AnswerValue::Yes, None)
        .unwrap();
    let form = assets::form().unwrap();
    let bytes = statement_xlsx(&c, &p, &form).unwrap();
    let mut x: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = x.sheet_names();
    assert_eq!(names, ["開示書", "kaijisho"]);
    let meta = x.sheets_metadata().to_vec();
    assert_eq!(meta[1].visible, calamine::SheetVisible::Hidden);
    let range = x.worksheet_range("開示書").unwrap();
    let text = |r: u32, col: u32| match range.get_value((r, col)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    assert!(text(0, 0).starts_with("製造業者による医療情報セキュリティ開示書"));
    assert_eq!(text(1, 0), "作成日");
    assert_eq!(text(2, 0), "製造業者");
    assert_eq!(text(3, 0), "製品名称");
    // Find question 1's row: display marks, remark kept as text (not a formula).
    let row = (0..40).find(|r| text(*r, 0) == "1.").unwrap();
    assert_eq!(text(row, 2), "□はい");
    assert_eq!(text(row, 3), "■いいえ");
    assert_eq!(text(row, 7), "いいえ");
    assert_eq!(text(row, 8), "=1+1");
    let formulas = x.worksheet_formula("開示書").unwrap();
    let f = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    assert!(f(row, 8).is_empty(), "the remark input is not a formula");
    assert!(
        f(row, 3).contains("H"),
        "display follows the input: {}",
        f(row, 3)
    );
    // Option rows carry their own flags.
    let bio = (0..60)
        .find(|r| text(*r, 1) == "-生体認証(顔認証)")
        .unwrap();
    assert_eq!(text(bio, 7), "はい");
    assert_eq!(text(bio, 2), "■はい");
}

#[test]
fn a_cell_over_excels_limit_names_the_question() {
    let c = shipped("sds-seed-remote-service");
    let mut p = Project::new(&c, Header::default(), false);
    p.set_answer(&c, "q2", None, AnswerValue::Yes, Some("あ".repeat(32_768)))
        .unwrap();
    let form = assets::form().unwrap();
    match statement_xlsx(&c, &p, &form) {
        Err(XlsxError::CellTooLong { number, chars, .. }) => {
            assert_eq!((number.as_str(), chars), ("2", 32_768));
        }
        other => panic!("{other:?}"),
    }
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("p.json");
    kaijisho::io::json::save_project(&json, &p).unwrap();
    kaijisho()
        .args(["--lang", "ja", "export"])
        .arg(&json)
        .arg("--xlsx")
        .arg(dir.path().join("x.xlsx"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("設問 2"))
        .stderr(predicate::str::contains("32,767"));
    assert!(!dir.path().join("x.xlsx").exists());
}

// ---------------------------------------------------------------------------------------------
// Official-style workbooks, built the way the seed documents show them.

struct Sheet<'a> {
    ws: &'a mut rust_xlsxwriter::Worksheet,
}

impl Sheet<'_> {
    fn s(&mut self, r: u32, c: u16, v: &str) -> &mut Self {
        self.ws.write_string(r, c, v).unwrap();
        self
    }
    fn n(&mut self, r: u32, c: u16, v: f64) -> &mut Self {
        self.ws.write_number(r, c, v).unwrap();
        self
    }
}

/// The SDS remote-service sample: header labels, disclaimer, section rows, a 該当/非該当 gate,
/// はい/いいえ/対象外 labels on each row, "備考 -", and an input area (フラグ欄, 備考欄) on the right.
fn sds_like(filled: bool) -> Vec<u8> {
    sds_like_with(filled, None)
}

/// [`sds_like`], with one more cell (0-based row, column, text) when given.
fn sds_like_with(filled: bool, extra: Option<(u32, u16, &str)>) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("SDS").unwrap();
    let mut s = Sheet { ws };
    s.s(0, 0, "サービス事業者による医療情報セキュリティ開示書 (医療情報システムの安全管理に関するガイドライン第5.2版対応)");
    s.s(1, 0, "作成日")
        .s(1, 1, if filled { "2023年10月4日" } else { "" });
    s.s(2, 0, "サービス事業者").s(
        2,
        1,
        if filled {
            "リモートメンテナンス株式会社 (仮称)"
        } else {
            ""
        },
    );
    s.s(3, 0, "サービス名称").s(
        3,
        1,
        if filled {
            "電子カルテシステムリモート保守サービス"
        } else {
            ""
        },
    );
    s.s(4, 0, "バージョン");
    if filled {
        s.n(4, 1, 1.1);
    }
    s.s(5, 0, "※本書式を作成したJAHIS/JIRAは、製品設計・設置・保守等の認証・試験・検査等を行っていません。");
    s.s(6, 8, "フラグ欄").s(6, 9, "備考欄");
    let rows: [(&str, &str, bool, &str, &str); 5] = [
        (
            "1",
            "診療録及び診療諸記録の外部保存を受託するか?(8.3)",
            true,
            "非該当",
            "受託しない",
        ),
        (
            "1. 1",
            "保存場所が「病院、診療所、医療法人等が適切に管理する場所」の場合、安全管理ガイドラインで示された選定基準と情報の取扱い要件を満たすか?(8.3.C1(1)~(5))",
            false,
            "対象外",
            "",
        ),
        (
            "1. 2",
            "保存場所が「医療機関等が外部の事業者との契約に基づいて確保した安全な場所」の場合、安全管理ガイドラインで示された選定基準と情報の取扱い要件を満たすか?(8.3.C2(1)~(9))",
            false,
            "対象外",
            "",
        ),
        (
            "2",
            "扱う情報のリストを医療機関等に提示できるか?(6.2.C1)",
            false,
            "はい",
            "都度接続 (IP-VPN)\n平日営業時間内",
        ),
        (
            "3",
            "医療情報システムを運用する際に、医療情報システム安全管理責任者を設置しているか?(6.3.C1)",
            false,
            "はい",
            "-",
        ),
    ];
    let sections = [
        (8, "診療録及び診療諸記録を外部に保存する際の基準(8.)"),
        (
            12,
            "医療機関等における情報セキュリティマネジメントシステム (ISMS) の実践(6.2)",
        ),
        (14, "組織的安全管理対策 (体制、運用管理規程) (6.3)"),
    ];
    for (r, t) in sections {
        s.s(r, 0, t);
    }
    let positions = [9u32, 10, 11, 13, 15];
    for ((num, text, gate, flag, remark), r) in rows.iter().zip(positions) {
        s.s(r, 0, num).s(r, 1, text);
        if *gate {
            s.s(r, 2, "該当").s(r, 3, "非該当");
        } else {
            s.s(r, 2, "はい").s(r, 3, "いいえ").s(r, 4, "対象外");
        }
        s.s(r, 5, "備考").s(r, 6, "-");
        if filled {
            s.s(r, 8, flag);
            if !remark.is_empty() {
                s.s(r, 9, remark);
            }
        }
    }
    if let Some((r, c, text)) = extra {
        s.s(r, c, text);
    }
    wb.save_to_buffer().unwrap()
}

#[test]
fn cells_right_of_the_last_column_read_are_a_line_of_the_report() {
    let read = |bytes| {
        import_workbook(
            Path::new("wide.xlsx"),
            bytes,
            None,
            kaijisho::assets::import_vocabulary(),
        )
        .unwrap()
        .report
        .notes
    };
    assert!(read(sds_like(true)).is_empty());
    let notes = read(sds_like_with(true, Some((10, 300, "ここにも備考"))));
    assert_eq!(
        notes,
        [kaijisho::io::xlsx::Note::CellsBeyondLastColumn {
            sheet: "SDS".into(),
            cells: 1,
            first: "KO11".into(),
            last: "GS".into(),
        }]
    );
}

#[test]
fn imports_an_sds_style_workbook_with_flags() {
    let imp = import_workbook(
        Path::new("RSS_SDS_v4_1.xlsx"),
        sds_like(true),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let c = &imp.catalogue;
    let p = &imp.project;
    assert_eq!(c.kind, kaijisho::domain::Kind::Sds);
    assert_eq!(c.guideline_edition, "5.2");
    assert_eq!(c.form_version, "4.1");
    assert_eq!(
        c.provenance.kind,
        kaijisho::domain::catalogue::ProvenanceKind::OfficialWorkbookImport
    );
    assert_eq!(c.provenance.file_name.as_deref(), Some("RSS_SDS_v4_1.xlsx"));
    assert!(
        c.provenance
            .file_sha256
            .as_deref()
            .unwrap()
            .starts_with("sha256:")
    );
    let numbers: Vec<String> = c.questions().map(|q| q.number_key()).collect();
    assert_eq!(numbers, ["1", "1.1", "1.2", "2", "3"]);
    let titles: Vec<&str> = c.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "診療録及び診療諸記録を外部に保存する際の基準",
            "医療機関等における情報セキュリティマネジメントシステム (ISMS) の実践",
            "組織的安全管理対策 (体制、運用管理規程)"
        ]
    );
    let q1 = c.find_by_number("1").unwrap();
    assert_eq!(q1.answer, AnswerKind::Gate);
    let q11 = c.find_by_number("1.1").unwrap();
    assert_eq!(q11.ref_raw(), Some("(8.3.C1(1)~(5))"));
    assert_eq!(q11.gate.as_ref().unwrap().question, q1.id);
    assert_eq!(p.header.vendor, "リモートメンテナンス株式会社 (仮称)");
    assert_eq!(p.header.version, "1.1", "a number cell reads as printed");
    assert_eq!(p.value(&q1.id), AnswerValue::DoesNotApply);
    assert_eq!(p.answers[&q1.id].remark, "受託しない");
    let q2 = c.find_by_number("2").unwrap();
    assert_eq!(p.value(&q2.id), AnswerValue::Yes);
    assert_eq!(
        p.answers[&q2.id].remark,
        "都度接続 (IP-VPN)\n平日営業時間内"
    );
    let q3 = c.find_by_number("3").unwrap();
    assert_eq!(p.answers[&q3.id].remark, "", "a dash is an empty remark");
    assert!(imp.report.filled);
    assert_eq!(imp.report.answers, 5);
    assert_eq!(imp.report.mapping.flag_column.as_deref(), Some("I"));
    assert_eq!(imp.report.mapping.remark_column.as_deref(), Some("J"));
    let findings = kaijisho::domain::validate(c, p);
    assert!(
        findings
            .iter()
            .all(|f| f.severity != kaijisho::domain::Severity::Error)
    );
}

#[test]
fn a_blank_workbook_yields_a_catalogue() {
    let imp = import_workbook(
        Path::new("blank.xlsx"),
        sds_like(false),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert!(!imp.report.filled);
    assert_eq!(imp.catalogue.question_count(), 5);
    assert!(imp.project.answers.values().all(|a| !a.value.is_answered()));
    // The same questions give the same catalogue id, filled or blank.
    let filled = import_workbook(
        Path::new("filled.xlsx"),
        sds_like(true),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert_eq!(imp.catalogue.id, filled.catalogue.id);
}

/// The MDS check sheet with the variations of real files: columns shifted right, an extra sheet
/// first, merged text cells, "4. 1. 2." numbering and full-width digits, numbers stored as
/// numbers, blank rows, ○ marks under はい/いいえ/対象外 headings, and option rows.
fn mds_like() -> Vec<u8> {
    let mut wb = Workbook::new();
    let extra = wb.add_worksheet();
    extra.set_name("6.0対応表").unwrap();
    extra
        .write_string(0, 0, "安全管理ガイドライン第6.0版との対応表")
        .unwrap();
    extra.write_string(1, 0, "6.5.C1").unwrap();
    extra.write_string(1, 1, "システム運用編 14章").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    let merge = Format::new().set_text_wrap();
    let o = 1u16; // everything one column to the right
    ws.write_string(
        0,
        o,
        "チェックリスト (医療情報システムの安全管理に関するガイドライン第5版対応)",
    )
    .unwrap();
    ws.write_string(2, o, "作成日：").unwrap();
    ws.write_string(2, o + 2, "2026年11月22日").unwrap();
    ws.write_string(3, o, "製造業者").unwrap();
    ws.write_string(3, o + 2, "サンプル医療機器株式会社")
        .unwrap();
    ws.write_string(4, o, "製品名称").unwrap();
    ws.write_string(4, o + 2, "画像ビューア").unwrap();
    ws.write_string(5, o, "バージョン").unwrap();
    ws.write_number(5, o + 2, 2.0).unwrap();
    for (c, h) in [
        (o + 3, "はい"),
        (o + 4, "いいえ"),
        (o + 5, "対象外"),
        (o + 6, "備考"),
    ] {
        ws.write_string(7, c, h).unwrap();
    }
    let next = std::cell::Cell::new(8u32);
    let row = |ws: &mut rust_xlsxwriter::Worksheet,
               number: Option<&str>,
               num_value: Option<f64>,
               text: &str,
               mark: Option<u16>,
               remark: &str| {
        let r = next.get();
        if let Some(n) = number {
            ws.write_string(r, o, n).unwrap();
        }
        if let Some(v) = num_value {
            ws.write_number(r, o, v).unwrap();
        }
        ws.merge_range(r, o + 1, r, o + 2, text, &merge).unwrap();
        if let Some(m) = mark {
            ws.write_string(r, o + 3 + m, "○").unwrap();
        }
        if !remark.is_empty() {
            ws.write_string(r, o + 6, remark).unwrap();
        }
        next.set(r + 1);
    };
    row(
        ws,
        None,
        None,
        "医療情報システムにおける情報セキュリティシステムの実装 (6.2)",
        None,
        "",
    );
    row(
        ws,
        None,
        Some(1.0),
        "最少権限の原則が適用されているか? (6.2.C1)",
        Some(0),
        "ロール単位",
    );
    row(ws, None, None, "物理的資産対策 (6.4)", None, "");
    row(
        ws,
        Some("２."),
        None,
        "機密防止の機能が有効か? (6.4.C5)",
        Some(1),
        "フィルタは医療機関で用意",
    );
    next.set(next.get() + 1); // a blank row
    row(ws, None, None, "技術的資産対策 (6.5)", None, "");
    row(
        ws,
        Some("3."),
        None,
        "悪意のある不正な入力防止の機能が有効か? (6.5.C4)",
        Some(0),
        "",
    );
    row(
        ws,
        Some("4."),
        None,
        "アクセス管理の機能が有効か? (6.5.C1)",
        Some(0),
        "",
    );
    row(
        ws,
        Some("4. 1."),
        None,
        "アクセス管理の認証方法は? (6.5.C1)",
        None,
        "",
    );
    row(
        ws,
        None,
        None,
        "-記憶ID(パスワード等)",
        Some(0),
        "8文字以上",
    );
    row(ws, None, None, "-生体認証(顔認証)", Some(1), "");
    row(
        ws,
        None,
        None,
        "-暗号鍵 (ICカード等)",
        Some(2),
        "使用しない",
    );
    row(
        ws,
        Some("4. 1. 1."),
        None,
        "パスワード利用回数制限手段は? (6.5.C1(1)~6.5.C1(3))",
        Some(0),
        "",
    );
    row(
        ws,
        Some("４．１．２．"),
        None,
        "セキュリティデバイスを用いる場合に接続等で本人の識別情報が利用できない状態が維持されるか? (6.5.C2)",
        Some(2),
        "デバイスなし",
    );
    row(
        ws,
        Some("4. 2."),
        None,
        "利用権限、機密性の情報区分ごとのアクセス管理機能が有効か? (6.5.C6)",
        Some(0),
        "",
    );
    wb.save_to_buffer().unwrap()
}

/// A check sheet where question 2 (with options) appears twice, the second time with options
/// of its own.
fn duplicate_with_options() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("チェックリスト").unwrap();
    let mut s = Sheet { ws };
    s.s(
        0,
        0,
        "チェックリスト (医療情報システムの安全管理に関するガイドライン第5版対応)",
    );
    s.s(2, 0, "製造業者").s(2, 1, "サンプル医療機器株式会社");
    s.s(3, 0, "製品名称").s(3, 1, "画像ビューア");
    s.s(5, 2, "はい")
        .s(5, 3, "いいえ")
        .s(5, 4, "対象外")
        .s(5, 5, "備考");
    s.s(6, 1, "技術的資産対策 (6.5)");
    s.s(7, 0, "1.")
        .s(7, 1, "アクセス管理の機能が有効か? (6.5.C1)")
        .s(7, 2, "○");
    s.s(8, 0, "2.")
        .s(8, 1, "アクセス管理の認証方法は? (6.5.C1)");
    s.s(9, 1, "-記憶ID(パスワード等)").s(9, 2, "○");
    s.s(10, 1, "-生体認証(顔認証)").s(10, 3, "○");
    s.s(11, 0, "2.").s(11, 1, "認証に使う機器は? (6.5.C2)");
    s.s(12, 1, "-ICカード").s(12, 2, "○").s(12, 5, "職員証");
    s.s(13, 0, "3.")
        .s(13, 1, "パスワードの有効期限を設定できるか? (6.5.C3)")
        .s(13, 2, "○");
    wb.save_to_buffer().unwrap()
}

#[test]
fn options_of_a_skipped_question_are_lines_of_the_report_not_added_above() {
    use kaijisho::io::xlsx::{Skip, Skipped};
    let imp = import_workbook(
        Path::new("dup.xlsx"),
        duplicate_with_options(),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let q2 = imp.catalogue.find_by_number("2").unwrap();
    let labels: Vec<&str> = q2
        .answer
        .options()
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(labels, ["記憶ID(パスワード等)", "生体認証(顔認証)"]);
    let numbers: Vec<String> = imp.catalogue.questions().map(|q| q.number_key()).collect();
    assert_eq!(numbers, ["1", "2", "3"]);
    assert!(
        imp.report.skipped.contains(&Skipped {
            row: 13,
            reason: Skip::OptionOfSkippedQuestion {
                number: "2.".into()
            },
        }),
        "{:?}",
        imp.report.skipped
    );
    assert!(
        imp.report
            .skipped
            .iter()
            .any(|s| s.row == 12 && matches!(s.reason, Skip::DuplicateNumber { .. })),
        "{:?}",
        imp.report.skipped
    );
}

#[test]
fn imports_an_mds_style_workbook_with_marks_and_variations() {
    let imp = import_workbook(
        Path::new("checklist.xlsx"),
        mds_like(),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let c = &imp.catalogue;
    let p = &imp.project;
    assert_eq!(
        imp.report.sheet, "チェックリスト",
        "the extra sheet is passed over"
    );
    assert_eq!(c.kind, kaijisho::domain::Kind::Mds);
    assert_eq!(c.guideline_edition, "5.0");
    let numbers: Vec<String> = c.questions().map(|q| q.number_key()).collect();
    assert_eq!(
        numbers,
        ["1", "2", "3", "4", "4.1", "4.1.1", "4.1.2", "4.2"]
    );
    assert_eq!(c.sections.len(), 3);
    assert_eq!(c.sections[2].title, "技術的資産対策");
    let q41 = c.find_by_number("4.1").unwrap();
    let labels: Vec<&str> = q41
        .answer
        .options()
        .iter()
        .map(|o| o.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "記憶ID(パスワード等)",
            "生体認証(顔認証)",
            "暗号鍵 (ICカード等)"
        ]
    );
    let a41 = &p.answers[&q41.id];
    let opt = |i: usize| &a41.options[&q41.answer.options()[i].id];
    assert_eq!(
        (opt(0).value, opt(0).remark.as_str()),
        (AnswerValue::Yes, "8文字以上")
    );
    assert_eq!(opt(1).value, AnswerValue::No);
    assert_eq!(
        (opt(2).value, opt(2).remark.as_str()),
        (AnswerValue::NotApplicable, "使用しない")
    );
    let q411 = c.find_by_number("4.1.1").unwrap();
    assert_eq!(q411.ref_raw(), Some("(6.5.C1(1)~6.5.C1(3))"));
    assert_eq!(q411.number, "4. 1. 1.");
    let q412 = c.find_by_number("4.1.2").unwrap();
    assert_eq!(p.value(&q412.id), AnswerValue::NotApplicable);
    assert_eq!(p.answers[&q412.id].remark, "デバイスなし");
    let q1 = c.find_by_number("1").unwrap();
    assert_eq!(
        (p.value(&q1.id), p.answers[&q1.id].remark.as_str()),
        (AnswerValue::Yes, "ロール単位")
    );
    assert_eq!(p.value(&c.find_by_number("2").unwrap().id), AnswerValue::No);
    assert_eq!(p.header.vendor, "サンプル医療機器株式会社");
    assert_eq!(p.header.version, "2");
    assert_eq!(
        imp.report.mapping.mark_columns,
        Some(["E".to_string(), "F".to_string(), "G".to_string()])
    );
    assert!(imp.report.mapping.flag_column.is_none());
}

#[test]
fn a_mapping_corrects_detection() {
    // Flags in an unlabelled column holding the same word on every row look like printed
    // labels; the user's mapping names the column.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1").unwrap();
    ws.write_string(0, 0, "1").unwrap();
    ws.write_string(0, 1, "扱う情報のリストを提示できるか?(6.2.C1)")
        .unwrap();
    ws.write_string(0, 2, "いいえ").unwrap();
    ws.write_string(0, 3, "はい").unwrap();
    ws.write_string(0, 4, "対象外").unwrap();
    ws.write_string(0, 6, "提示しない").unwrap();
    ws.write_string(1, 0, "2").unwrap();
    ws.write_string(1, 1, "責任者を設置しているか?(6.3.C1)")
        .unwrap();
    ws.write_string(1, 2, "いいえ").unwrap();
    ws.write_string(1, 3, "はい").unwrap();
    ws.write_string(1, 4, "対象外").unwrap();
    let bytes = wb.save_to_buffer().unwrap();
    let detected = import_workbook(
        Path::new("odd.xlsx"),
        bytes.clone(),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert!(detected.report.uncertain);
    let mapping: Mapping =
        serde_json::from_str(r#"{"sheet": "Sheet1", "flag_column": "C", "remark_column": "G"}"#)
            .unwrap();
    let imp = import_workbook(
        Path::new("odd.xlsx"),
        bytes,
        Some(&mapping),
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let c = &imp.catalogue;
    assert_eq!(
        imp.project.value(&c.find_by_number("1").unwrap().id),
        AnswerValue::No
    );
    assert_eq!(
        imp.project.answers[&c.find_by_number("1").unwrap().id].remark,
        "提示しない"
    );
    // The CLI takes the same mapping as a file.
    let dir = tempfile::tempdir().unwrap();
    let x = dir.path().join("odd.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "1").unwrap();
    ws.write_string(0, 1, "扱う情報のリストを提示できるか?(6.2.C1)")
        .unwrap();
    ws.write_string(0, 2, "はい").unwrap();
    wb.save(&x).unwrap();
    let m = dir.path().join("m.json");
    fs::write(&m, r#"{"flag_column": "C", "sheet": "Sheet1"}"#).unwrap();
    let out = dir.path().join("p.json");
    kaijisho()
        .arg("import")
        .arg(&x)
        .arg("--mapping")
        .arg(&m)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("1 answers"));
    fs::write(&m, r#"{"flag_column": "C9"}"#).unwrap();
    kaijisho()
        .arg("import")
        .arg(&x)
        .arg("--mapping")
        .arg(&m)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mapping is not valid"));
    fs::write(&m, r#"{"sheet": "ない"}"#).unwrap();
    kaijisho()
        .arg("import")
        .arg(&x)
        .arg("--mapping")
        .arg(&m)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("names sheet \"ない\""));
}

// ---------------------------------------------------------------------------------------------
// Bad input.

fn import_bytes(bytes: Vec<u8>) -> XlsxError {
    import_workbook(
        Path::new("bad.xlsx"),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap_err()
}

/// A small valid zip whose directory claims a 4 GB part (a zip bomb's signature).
fn zip_bomb() -> Vec<u8> {
    let mut bytes = sds_like(false);
    // Patch the uncompressed size of every central-directory entry (PK\x01\x02, offset 24).
    let sig = [0x50, 0x4b, 0x01, 0x02];
    let mut i = 0;
    while i + 28 < bytes.len() {
        if bytes[i..i + 4] == sig {
            bytes[i + 24..i + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        }
        i += 1;
    }
    bytes
}

#[test]
fn bad_input_gives_clear_errors() {
    assert!(matches!(
        import_bytes(b"name,value\n".to_vec()),
        XlsxError::NotXlsx { .. }
    ));
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    assert!(matches!(import_bytes(cfb), XlsxError::Encrypted { .. }));
    let mut truncated = sds_like(true);
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(
        import_bytes(truncated),
        XlsxError::CutShort { .. }
    ));
    assert!(matches!(
        import_bytes(zip_bomb()),
        XlsxError::TooLarge { .. }
    ));
    // A zip that is not a workbook.
    let mut z = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut z));
        w.start_file(
            "hello.txt",
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Stored),
        )
        .unwrap();
        w.write_all(b"hi").unwrap();
        w.finish().unwrap();
    }
    assert!(matches!(import_bytes(z), XlsxError::NotXlsx { .. }));
    // No questions anywhere.
    let mut wb = Workbook::new();
    wb.add_worksheet().write_string(0, 0, "hello").unwrap();
    assert!(matches!(
        import_bytes(wb.save_to_buffer().unwrap()),
        XlsxError::NoQuestions { .. }
    ));
    // Too many rows.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(25_000, 0, "x").unwrap();
    assert!(matches!(
        import_bytes(wb.save_to_buffer().unwrap()),
        XlsxError::TooLarge { .. }
    ));
}

#[test]
fn bad_files_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("text.xlsx", b"hello".to_vec(), "not an Excel workbook"),
        (
            "locked.xlsx",
            {
                let mut v = vec![0xD0, 0xCF, 0x11, 0xE0];
                v.resize(512, 0);
                v
            },
            "password-protected",
        ),
        ("bomb.xlsx", zip_bomb(), "too large to read safely"),
        // A download that stopped inside the archive's end record.
        (
            "cut.xlsx",
            {
                let mut v = crafted_export(&TRUE_COUNTS);
                v.truncate(v.len() - 12);
                v
            },
            "the file ends early",
        ),
    ];
    for (name, bytes, message) in cases {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        for cmd in ["dump", "validate", "fingerprint"] {
            kaijisho()
                .arg(cmd)
                .arg(&path)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(message))
                .stderr(predicate::str::contains(name))
                .stderr(predicate::str::contains("panicked").not());
        }
        kaijisho()
            .arg("import")
            .arg(&path)
            .arg("-o")
            .arg(dir.path().join("out.json"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
        assert!(!dir.path().join("out.json").exists());
    }
    // Over the size limit: refused before reading.
    let big = dir.path().join("big.xlsx");
    fs::File::create(&big)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    kaijisho()
        .args(["--lang", "ja", "dump"])
        .arg(&big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ファイルが大きすぎます"));
    let err: Result<_, FileError> =
        kaijisho::io::xlsx::import_file(&big, None, kaijisho::assets::import_vocabulary());
    assert!(err.is_err());
}

#[test]
fn a_lone_far_away_cell_is_refused_without_expanding_the_sheet() {
    // Two cells, A1 and XFD1048576: the bounding box would be 17 billion cells.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "MDS").unwrap();
    ws.write(1_048_575, 16_383, "x").unwrap();
    let e = import_bytes(wb.save_to_buffer().unwrap());
    assert!(matches!(e, XlsxError::TooLarge { .. }), "{e}");
    // Far to the right only (within the row limit): the cells beyond column 200 are ignored.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write(0, 0, "MDS").unwrap();
    ws.write(5, 16_383, "x").unwrap();
    let e = import_bytes(wb.save_to_buffer().unwrap());
    assert!(!matches!(e, XlsxError::TooLarge { .. }), "{e}");
}

/// A zip whose directory claims `claimed` bytes for every part while one part unpacks to
/// megabytes (a zip bomb that lies about its sizes).
fn lying_zip() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let deflate = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("xl/workbook.xml", deflate).unwrap();
    z.write_all(b"<workbook/>").unwrap();
    z.start_file("xl/sharedStrings.xml", deflate).unwrap();
    let row = b"<si><t>a</t></si>".repeat(1000);
    for _ in 0..1000 {
        z.write_all(&row).unwrap();
    }
    let mut bytes = z.finish().unwrap().into_inner();
    // Patch the uncompressed size in the local headers (PK\x03\x04, offset 22) and the central
    // directory (PK\x01\x02, offset 24) to 100 bytes.
    for (sig, off) in [
        ([0x50u8, 0x4b, 0x03, 0x04], 22),
        ([0x50, 0x4b, 0x01, 0x02], 24),
    ] {
        let mut i = 0;
        while i + off + 4 < bytes.len() {
            if bytes[i..i + 4] == sig {
                bytes[i + off..i + off + 4].copy_from_slice(&100u32.to_le_bytes());
            }
            i += 1;
        }
    }
    bytes
}

#[test]
fn a_zip_that_lies_about_its_sizes_is_refused() {
    let e = import_bytes(lying_zip());
    assert!(
        matches!(e, XlsxError::TooLarge { .. } | XlsxError::Malformed { .. }),
        "{e}"
    );
    assert!(e.to_string().contains("bad.xlsx"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Crafted hidden sheets: counts and row numbers that point past the sheet.

/// The counts and the row-map entry of a crafted export (`None`: the true count).
struct Crafted {
    project_chunks: Option<&'static str>,
    catalogue_chunks: Option<&'static str>,
    map_rows: Option<&'static str>,
    /// The visible-sheet row (0-based) the map gives for the question.
    question_row: &'static str,
    /// The kind of row the map gives it, and the question id (`None`: the true one).
    role: &'static str,
    question_id: Option<&'static str>,
}

const TRUE_COUNTS: Crafted = Crafted {
    project_chunks: None,
    catalogue_chunks: None,
    map_rows: None,
    question_row: "5",
    role: "question",
    question_id: None,
};

/// A workbook laid out like an export: a visible sheet with はい in the flag cell of one
/// question, and a hidden sheet with the marker, the project and the catalogue as chunked JSON,
/// and a row map of that one question; the counts as given.
fn crafted_export(crafted: &Crafted) -> Vec<u8> {
    use kaijisho::io::xlsx::{CHUNK, COL_FLAG, HIDDEN_SHEET, MAIN_SHEET, MARKER};
    let c = shipped("sds-seed-remote-service");
    let p = Project::new(&c, Header::default(), false);
    let q = c
        .questions()
        .find(|q| q.answer == AnswerKind::YesNoNa)
        .unwrap();
    let mut wb = Workbook::new();
    let main = wb.add_worksheet();
    main.set_name(MAIN_SHEET).unwrap();
    main.write_string(0, 0, "開示書").unwrap();
    main.write_string(5, 0, &q.number).unwrap();
    main.write_string(5, COL_FLAG, "はい").unwrap();
    let hidden = wb.add_worksheet();
    hidden.set_name(HIDDEN_SHEET).unwrap();
    hidden.set_hidden(true);
    let mut r = 0u32;
    let mut put = |cells: &[&str]| {
        for (i, v) in cells.iter().enumerate() {
            hidden.write_string(r, i as u16, *v).unwrap();
        }
        r += 1;
    };
    put(&[MARKER, "1"]);
    put(&["catalogue_id", &c.id]);
    put(&["catalogue_version", &c.form_version]);
    put(&["catalogue_hash", &c.content_hash()]);
    let docs = [
        (
            "project",
            kaijisho::io::json::to_pretty_json(&p),
            crafted.project_chunks,
        ),
        (
            "catalogue",
            kaijisho::io::json::to_pretty_json(&c),
            crafted.catalogue_chunks,
        ),
    ];
    for (name, json, count) in docs {
        let chars: Vec<char> = String::from_utf8(json.unwrap()).unwrap().chars().collect();
        let chunks: Vec<String> = chars.chunks(CHUNK).map(|c| c.iter().collect()).collect();
        let true_count = chunks.len().to_string();
        put(&[name, count.unwrap_or(&true_count)]);
        for chunk in &chunks {
            put(&["", chunk]);
        }
    }
    put(&["rows", crafted.map_rows.unwrap_or("1")]);
    put(&[
        "",
        crafted.question_row,
        crafted.role,
        crafted.question_id.unwrap_or(&q.id),
    ]);
    wb.save_to_buffer().unwrap()
}

/// Imports a crafted workbook: an error about the kaijisho sheet naming the file, at once.
fn crafted_error(crafted: &Crafted) -> XlsxError {
    let bytes = crafted_export(crafted);
    let start = std::time::Instant::now();
    let e = import_workbook(
        Path::new("crafted.xlsx"),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap_err();
    let took = start.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "took {took:?}");
    assert!(matches!(e, XlsxError::Hidden { .. }), "{e}");
    assert!(e.to_string().contains("crafted.xlsx"), "{e}");
    e
}

/// Imports a crafted workbook that reads: its report, and the value of the crafted question.
fn crafted_import(crafted: &Crafted) -> (kaijisho::io::xlsx::ImportReport, AnswerValue) {
    let imported = import_workbook(
        Path::new("crafted.xlsx"),
        crafted_export(crafted),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let q = imported
        .catalogue
        .questions()
        .find(|q| q.answer == AnswerKind::YesNoNa)
        .unwrap();
    let value = imported.project.value(&q.id);
    (imported.report, value)
}

#[test]
fn rows_of_our_own_export_that_cannot_be_read_are_lines_of_the_report() {
    use kaijisho::io::xlsx::{Note, Skip, Skipped};
    let (report, value) = crafted_import(&TRUE_COUNTS);
    assert_eq!(value, AnswerValue::Yes, "the flag cell applied");
    assert!(
        report.skipped.is_empty() && report.notes.is_empty(),
        "{report:?}"
    );
    // The row map's entry names no row: a note naming the entry; the answer as exported.
    let (report, value) = crafted_import(&Crafted {
        question_row: "fünf",
        ..TRUE_COUNTS
    });
    assert_eq!(value, AnswerValue::Unanswered);
    let entry = report
        .notes
        .iter()
        .find_map(|n| match n {
            Note::RowMapEntryUnreadable { entry, found } => Some((*entry, found.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{report:?}"));
    assert_eq!(entry.1, "fünf");
    assert!(
        entry.0 > 5,
        "a row of the hidden sheet, after the documents: {entry:?}"
    );
    // The count of the row map is no number: nothing typed was read, and the report says so.
    let (report, value) = crafted_import(&Crafted {
        map_rows: Some("eins"),
        ..TRUE_COUNTS
    });
    assert_eq!(value, AnswerValue::Unanswered);
    assert!(
        report.notes.contains(&Note::RowMapUnreadable {
            found: "eins".into()
        }),
        "{report:?}"
    );
    // A kind of row this version does not know: the row and what its cells hold are named.
    let (report, value) = crafted_import(&Crafted {
        role: "chart",
        ..TRUE_COUNTS
    });
    assert_eq!(value, AnswerValue::Unanswered);
    assert_eq!(
        report.skipped,
        [Skipped {
            row: 6,
            reason: Skip::UnknownRowKind {
                role: "chart".into(),
                flag: "はい".into(),
                remark: String::new(),
            },
        }]
    );
    // A question the catalogue lacks: the same.
    let (report, _) = crafted_import(&Crafted {
        question_id: Some("no-such-question"),
        ..TRUE_COUNTS
    });
    assert_eq!(
        report.skipped,
        [Skipped {
            row: 6,
            reason: Skip::UnknownQuestion {
                question: "no-such-question".into(),
                flag: "はい".into(),
                remark: String::new(),
            },
        }]
    );
    // Each is a line the user reads, in both languages.
    for lang in [kaijisho::i18n::Lang::Ja, kaijisho::i18n::Lang::En] {
        let l = kaijisho::i18n::Localizer::new(lang);
        let line = kaijisho::i18n::Localize::localize(&report.skipped[0].reason, &l);
        assert!(
            line.contains("no-such-question") && line.contains("はい"),
            "{line}"
        );
    }
}

/// Commands that read a workbook as a statement (not `import`) say what its import passed over,
/// by file and row — a tampered row map is never dropped without a word.
#[test]
fn commands_reading_a_workbook_say_which_rows_were_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tampered.xlsx");
    fs::write(
        &path,
        crafted_export(&Crafted {
            question_id: Some("no-such-question"),
            ..TRUE_COUNTS
        }),
    )
    .unwrap();
    for cmd in ["validate", "fingerprint", "dump"] {
        kaijisho()
            .args(["--lang", "en", cmd])
            .arg(&path)
            .assert()
            .stderr(predicate::str::contains("tampered.xlsx: row 6"))
            .stderr(predicate::str::contains("no-such-question"));
    }
}

#[test]
fn counts_in_the_hidden_sheet_past_its_end_are_refused_at_once() {
    // With the true counts the crafted workbook imports exactly, the flag cell applied.
    let ok = import_workbook(
        Path::new("crafted.xlsx"),
        crafted_export(&TRUE_COUNTS),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    assert_eq!(ok.report.method, "kaijisho-export");
    assert_eq!((ok.report.questions, ok.report.answers), (1, 1));
    // Counts of 4·10⁹ rows (a loop of billions of empty rows) and u32::MAX (an overflow).
    for count in ["4000000000", "4294967295"] {
        for crafted in [
            Crafted {
                project_chunks: Some(count),
                ..TRUE_COUNTS
            },
            Crafted {
                catalogue_chunks: Some(count),
                ..TRUE_COUNTS
            },
            Crafted {
                map_rows: Some(count),
                ..TRUE_COUNTS
            },
        ] {
            let e = crafted_error(&crafted);
            assert!(e.to_string().contains(count), "{e}");
        }
    }
    // A row-map count beyond u32, and one a row past the end of the sheet.
    for count in ["99999999999", "2"] {
        let e = crafted_error(&Crafted {
            map_rows: Some(count),
            ..TRUE_COUNTS
        });
        assert!(e.to_string().contains("row map"), "{e}");
    }
    // A row-map entry naming a row past the row limit.
    let e = crafted_error(&Crafted {
        question_row: "4294967295",
        ..TRUE_COUNTS
    });
    assert!(e.to_string().contains("4294967296"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Conditional answers (条件付き回答): the condition heads the remark cell.

#[test]
fn a_condition_heading_a_remark_is_read_apart_in_every_bracket_form() {
    for cell in [
        "〔条件〕オプション契約時。都度接続",
        "【条件】オプション契約時。都度接続",
        "[条件]オプション契約時。都度接続",
        "［条件］オプション契約時。都度接続",
        "（条件）オプション契約時。都度接続",
        "条件：オプション契約時。都度接続",
        "条件:オプション契約時。都度接続",
    ] {
        let imp = import_workbook(
            Path::new("RSS_SDS_v4_1.xlsx"),
            sds_like_with(true, Some((13, 9, cell))),
            None,
            kaijisho::assets::import_vocabulary(),
        )
        .unwrap();
        let q = imp.catalogue.find_by_number("2").unwrap();
        let a = imp.project.answer(&q.id).unwrap();
        assert_eq!(a.value, AnswerValue::Yes, "{cell}");
        assert_eq!(a.condition, "オプション契約時", "{cell}");
        assert_eq!(a.remark, "都度接続", "{cell}");
    }
    // Without a remark after it, and a remark that merely mentions a condition.
    let imp = import_workbook(
        Path::new("RSS_SDS_v4_1.xlsx"),
        sds_like_with(true, Some((13, 9, "【条件】次期バージョンから"))),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let q = imp.catalogue.find_by_number("2").unwrap();
    let a = imp.project.answer(&q.id).unwrap();
    assert_eq!(
        (a.condition.as_str(), a.remark.as_str()),
        ("次期バージョンから", "")
    );
    let imp = import_workbook(
        Path::new("RSS_SDS_v4_1.xlsx"),
        sds_like_with(true, Some((13, 9, "条件付きで対応。詳細は別紙"))),
        None,
        kaijisho::assets::import_vocabulary(),
    )
    .unwrap();
    let a = imp.project.answer(&q.id).unwrap();
    assert_eq!(a.condition, "");
    assert_eq!(a.remark, "条件付きで対応。詳細は別紙");
}

#[test]
fn a_condition_goes_to_the_workbook_and_back_exactly() {
    use kaijisho::domain::edit::Edit;
    let c = shipped("sds-seed-remote-service");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    let plain: Vec<String> = c
        .questions()
        .filter(|q| matches!(q.answer, AnswerKind::YesNoNa))
        .map(|q| q.id.clone())
        .take(2)
        .collect();
    // One with a remark after its condition, one with the condition alone.
    for (id, (condition, remark)) in plain.iter().zip([
        ("オプション契約時", "元の備考。二文目"),
        ("次期バージョンから", ""),
    ]) {
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
        p.apply_all(&c, &edits).unwrap();
    }
    let form = assets::form().unwrap();
    let bytes = statement_xlsx(&c, &p, &form).unwrap();
    // The remark cell as the reader of the workbook sees it.
    let all: Vec<String> = {
        use calamine::Reader;
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let name = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&name).unwrap();
        range.cells().map(|(_, _, v)| v.to_string()).collect()
    };
    assert!(
        all.iter()
            .any(|v| v == "〔条件〕オプション契約時。元の備考。二文目")
    );
    assert!(all.iter().any(|v| v == "〔条件〕次期バージョンから"));
    let back = round_trip(&c, &p);
    assert_eq!(back.answers[&plain[0]].condition, "オプション契約時");
    assert_eq!(back.answers[&plain[0]].remark, "元の備考。二文目");
    assert_eq!(back.answers[&plain[1]].condition, "次期バージョンから");
    assert_eq!(back.answers[&plain[1]].remark, "");
    assert_eq!(back.answers, p.answers);
}

/// The workbook's XML parts with `from` replaced by `to` (a remark typed over in Excel).
fn retyped(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::Read;
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name.ends_with(".xml") {
            data = String::from_utf8(data)
                .unwrap()
                .replace(from, to)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A condition typed into the remark cell of kaijisho's own workbook, in another bracket form,
/// is read apart on import; one taken out of the cell is gone.
#[test]
fn a_condition_typed_into_our_own_workbook_is_read_apart() {
    use kaijisho::domain::edit::Edit;
    let c = shipped("sds-seed-remote-service");
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    let q = c
        .questions()
        .find(|q| matches!(q.answer, AnswerKind::YesNoNa))
        .unwrap()
        .id
        .clone();
    let edits = [
        Edit::Value {
            question: q.clone(),
            option: None,
            value: AnswerValue::Yes,
        },
        Edit::Condition {
            question: q.clone(),
            text: "オプション契約時".into(),
        },
        Edit::Remark {
            question: q.clone(),
            option: None,
            text: "元の備考".into(),
        },
    ];
    p.apply_all(&c, &edits).unwrap();
    let form = assets::form().unwrap();
    let bytes = statement_xlsx(&c, &p, &form).unwrap();
    let read = |bytes: Vec<u8>| {
        let imp = import_workbook(
            Path::new("t.xlsx"),
            bytes,
            None,
            kaijisho::assets::import_vocabulary(),
        )
        .unwrap();
        assert_eq!(imp.report.method, "kaijisho-export");
        let a = imp.project.answers[&q].clone();
        (a.condition, a.remark)
    };
    let typed = retyped(
        &bytes,
        "〔条件〕オプション契約時。元の備考",
        "【条件】次期バージョンから。別の備考",
    );
    assert_eq!(
        read(typed),
        ("次期バージョンから".to_string(), "別の備考".to_string())
    );
    let plain = retyped(&bytes, "〔条件〕オプション契約時。元の備考", "備考だけ");
    assert_eq!(read(plain), (String::new(), "備考だけ".to_string()));
}
