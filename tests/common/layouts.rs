//! Workbooks laid out the ways official-style checklists plausibly are (built with
//! rust_xlsxwriter), each with the questions it must give. The wording is written for these
//! tests and does not reproduce any official form.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(dead_code)]

use kaijisho::domain::answer::AnswerValue::{self, *};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// A question as it must be imported.
#[derive(Debug, Clone)]
pub struct Q {
    pub number: String,
    pub text: String,
    pub reference: Option<String>,
    pub answer: AnswerValue,
    pub remark: String,
}

pub fn q(
    number: &str,
    text: &str,
    reference: Option<&str>,
    answer: AnswerValue,
    remark: &str,
) -> Q {
    Q {
        number: number.into(),
        text: text.into(),
        reference: reference.map(Into::into),
        answer,
        remark: remark.into(),
    }
}

/// Writes a row of strings from column 0 (empty strings leave the cell empty).
pub fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(r, c as u16, *v).unwrap();
        }
    }
}

fn save(wb: &mut Workbook) -> Vec<u8> {
    wb.save_to_buffer().unwrap()
}

pub fn answer_word(a: AnswerValue) -> &'static str {
    match a {
        Unanswered => "",
        other => other.label(),
    }
}

/// Question rows `number | text+ref | answer | remark` from `first`.
fn question_rows(ws: &mut Worksheet, first: u32, qs: &[Q], with_ref_in_text: bool) {
    for (i, x) in qs.iter().enumerate() {
        let text = match (&x.reference, with_ref_in_text) {
            (Some(r), true) => format!("{}{r}", x.text),
            _ => x.text.clone(),
        };
        row(
            ws,
            first + i as u32,
            &[&x.number, &text, answer_word(x.answer), &x.remark],
        );
    }
}

// 1. 第6.0版 references at the end of the text.
pub fn gl6_in_text_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "扱う情報のリストを医療機関等に提示できるか?",
            Some("(シス8①)"),
            Yes,
            "",
        ),
        q(
            "2",
            "医療情報システムの管理者を設置しているか?",
            Some("(企9②)"),
            No,
            "2025年度に設置予定",
        ),
        q(
            "3",
            "安全管理の方針を文書にしているか?",
            Some("(経3)"),
            NotApplicable,
            "サービス対象外",
        ),
        q(
            "4",
            "二要素認証を採用しているか?",
            Some("(システム運用編 14章 ①)"),
            Unanswered,
            "",
        ),
    ]
}

pub fn gl6_in_text() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("チェックリスト").unwrap();
    row(
        ws,
        0,
        &["製造業者による医療情報セキュリティ開示書 チェックリスト (MDS/SDS Ver.5.0用)"],
    );
    row(ws, 1, &["製造業者", "株式会社六"]);
    row(ws, 2, &["製品名称", "六号システム"]);
    row(ws, 3, &["バージョン", "1.0"]);
    row(ws, 5, &["No.", "設問", "フラグ", "備考"]);
    row(ws, 6, &["組織的安全管理対策 (企9)"]);
    let qs = gl6_in_text_expected();
    question_rows(ws, 7, &qs, true);
    // A dash in the remark column means no remark.
    ws.write_string(7, 3, "-").unwrap();
    save(&mut wb)
}

// 2. References in a column of their own.
pub fn reference_column_expected() -> Vec<Q> {
    vec![
        q("1", "手順書を整備しているか?", Some("シス14①"), Yes, ""),
        q(
            "2",
            "教育を実施しているか?",
            Some("企9②"),
            No,
            "来年度から実施",
        ),
        q(
            "3",
            "安全管理責任者を置いているか?",
            Some("6.3.C1"),
            NotApplicable,
            "委託先が担う",
        ),
    ]
}

pub fn reference_column() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("設問").unwrap();
    row(ws, 1, &["No.", "設問", "参照", "回答", "備考"]);
    for (i, x) in reference_column_expected().iter().enumerate() {
        row(
            ws,
            2 + i as u32,
            &[
                &x.number,
                &x.text,
                x.reference.as_deref().unwrap(),
                answer_word(x.answer),
                &x.remark,
            ],
        );
    }
    save(&mut wb)
}

// 3. Hyphenated numbering under numbered sections, no headings.
pub fn hyphenated_expected() -> Vec<Q> {
    vec![
        q(
            "1-1",
            "情報セキュリティ方針を定めているか?",
            None,
            Yes,
            "方針書あり",
        ),
        q("1-2", "責任者を置いているか?", None, No, ""),
        q("2-1", "アクセスログを保存しているか?", None, Yes, ""),
        q(
            "14-1",
            "入退室を管理しているか?",
            None,
            NotApplicable,
            "クラウドのみ",
        ),
    ]
}

pub fn hyphenated() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let qs = hyphenated_expected();
    row(ws, 0, &["セキュリティチェックリスト"]);
    row(ws, 1, &["1", "組織的安全管理対策"]);
    question_rows(ws, 2, &qs[0..2], false);
    row(ws, 4, &["2", "技術的安全管理対策"]);
    question_rows(ws, 5, &qs[2..3], false);
    row(ws, 6, &["14", "物理的安全管理対策"]);
    question_rows(ws, 7, &qs[3..4], false);
    save(&mut wb)
}

// 4. The hospital checklist's vendor sheet: (1) restarting under numbered sections,
// statements ending in 。 or nothing, 確認結果 beside a date column.
pub fn bracketed_expected() -> Vec<Q> {
    vec![
        q(
            "1 (1)",
            "医療情報システム等の提供に係る管理責任者を設置している。",
            None,
            Yes,
            "",
        ),
        q(
            "2 (1)",
            "サーバ、端末PC、ネットワーク機器の台帳管理を行っている。",
            None,
            Yes,
            "",
        ),
        q(
            "2 (2)",
            "リモートメンテナンスを利用している機器の有無を確認した。",
            None,
            No,
            "年度内に確認予定",
        ),
        q(
            "2 (3)",
            "製造業者/サービス事業者による医療情報セキュリティ開示書(MDS/SDS)を提出した",
            None,
            Yes,
            "",
        ),
    ]
}

pub fn bracketed() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("事業者確認用").unwrap();
    row(
        ws,
        0,
        &["医療機関におけるサイバーセキュリティ対策チェックリスト (事業者確認用)"],
    );
    row(ws, 1, &["事業者名", "株式会社病院向け"]);
    row(
        ws,
        3,
        &["No.", "チェック項目", "確認結果", "確認日", "備考"],
    );
    let qs = bracketed_expected();
    let printed = ["(1)", "(1)", "(2)", "(3)"];
    let dates = [
        "2024年4月1日",
        "2024年4月1日",
        "2024年4月2日",
        "2024年4月2日",
    ];
    let mut r = 4;
    for (i, x) in qs.iter().enumerate() {
        if i == 0 {
            row(ws, r, &["1", "体制構築"]);
            r += 1;
        }
        if i == 1 {
            row(ws, r, &["2", "医療情報システムの管理・運用"]);
            r += 1;
        }
        row(
            ws,
            r,
            &[
                printed[i],
                &x.text,
                answer_word(x.answer),
                dates[i],
                &x.remark,
            ],
        );
        r += 1;
    }
    save(&mut wb)
}

// 5. Circled numbering under unnumbered sections; texts end in nothing.
pub fn circled_expected() -> Vec<Q> {
    vec![
        q("1 ①", "利用者ごとにIDを発行している", None, Yes, ""),
        q(
            "1 ②",
            "パスワードの有効期限を設定している",
            None,
            No,
            "設定できない",
        ),
        q("2 ①", "操作ログを保存している", None, Yes, "1年保存"),
    ]
}

pub fn circled() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let qs = circled_expected();
    row(ws, 0, &["番号", "確認事項", "回答", "備考"]);
    row(ws, 1, &["アクセス管理"]);
    row(ws, 2, &["①", &qs[0].text, "はい", ""]);
    row(ws, 3, &["②", &qs[1].text, "いいえ", &qs[1].remark]);
    row(ws, 4, &["ログ管理"]);
    row(ws, 5, &["①", &qs[2].text, "はい", &qs[2].remark]);
    save(&mut wb)
}

// 6. Statements ending in 。 with an unlabelled answer column.
pub fn statements_expected() -> Vec<Q> {
    vec![
        q("1.", "委託先の管理手順を定めている。", None, Yes, ""),
        q("2.", "障害時の連絡体制を整えている。", None, No, ""),
        q(
            "3.",
            "バックアップを取得している。",
            None,
            NotApplicable,
            "",
        ),
    ]
}

pub fn statements() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["作成日", "2024年5月1日"]);
    question_rows(ws, 1, &statements_expected(), false);
    save(&mut wb)
}

// 7. The header on a cover sheet.
pub fn cover_sheet_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "最少権限の原則が適用されているか?",
            Some("(6.2.C1)"),
            Yes,
            "",
        ),
        q(
            "2",
            "機密防止の機能が有効か?",
            Some("(6.4.C5)"),
            No,
            "次版で対応",
        ),
    ]
}

pub fn cover_sheet() -> Vec<u8> {
    let mut wb = Workbook::new();
    let cover = wb.add_worksheet().set_name("表紙").unwrap();
    row(cover, 0, &["製造業者による医療情報セキュリティ開示書"]);
    row(cover, 2, &["製造業者", "株式会社表紙"]);
    row(cover, 3, &["製品名称", "表紙システム"]);
    row(cover, 4, &["バージョン", "3.2"]);
    let ws = wb.add_worksheet().set_name("設問").unwrap();
    row(ws, 0, &["No.", "設問", "フラグ", "備考"]);
    question_rows(ws, 1, &cover_sheet_expected(), true);
    save(&mut wb)
}

// 8. The header in 「label：value」 cells.
pub fn label_value_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "保存データを暗号化しているか?",
            Some("(6.5.C4)"),
            Yes,
            "",
        ),
        q(
            "2",
            "ウイルス対策をしているか?",
            Some("(6.5.C5)"),
            Yes,
            "定義ファイルを毎日更新",
        ),
    ]
}

pub fn label_value_cells() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["製造業者による医療情報セキュリティ開示書"]);
    row(ws, 1, &["製造業者名：株式会社コロン"]);
    row(ws, 2, &["製品名称：画像サーバ X"]);
    row(ws, 3, &["バージョン: 2.1"]);
    row(ws, 4, &["作成日：2024年4月1日"]);
    row(ws, 6, &["No.", "設問", "回答", "備考"]);
    question_rows(ws, 7, &label_value_expected(), true);
    save(&mut wb)
}

// 9. A remark column without a heading.
pub fn unlabelled_remark_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "認証にICカードを使えるか?",
            Some("6.5.C1"),
            Yes,
            "ICカード併用",
        ),
        q(
            "2",
            "パスワードの強度を強制できるか?",
            Some("6.5.C2"),
            No,
            "",
        ),
        q(
            "3",
            "生体認証を使えるか?",
            Some("6.5.C3"),
            NotApplicable,
            "該当機能なし",
        ),
    ]
}

pub fn unlabelled_remark() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["No.", "設問", "参照", "回答"]);
    for (i, x) in unlabelled_remark_expected().iter().enumerate() {
        row(
            ws,
            1 + i as u32,
            &[
                &x.number,
                &x.text,
                x.reference.as_deref().unwrap(),
                answer_word(x.answer),
                &x.remark,
            ],
        );
    }
    save(&mut wb)
}

// 10. Two question sheets (MDS and SDS) and a correspondence sheet.
pub fn two_sheets_mds_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "最少権限の原則が適用されているか?",
            Some("(6.2.C1)"),
            Yes,
            "",
        ),
        q("2", "機密防止の機能が有効か?", Some("(6.4.C5)"), Yes, ""),
        q(
            "3",
            "不正な入力を防げるか?",
            Some("(6.5.C4)"),
            No,
            "一部のみ",
        ),
        q(
            "4",
            "アクセス管理の機能が有効か?",
            Some("(6.5.C1)"),
            Yes,
            "",
        ),
    ]
}

pub fn two_sheets_sds_expected() -> Vec<Q> {
    vec![
        q("1", "外部保存を受託するか?", Some("(8.3)"), Unanswered, ""),
        q(
            "2",
            "扱う情報のリストを提示できるか?",
            Some("(6.2.C1)"),
            Yes,
            "",
        ),
        q(
            "3",
            "安全管理責任者を設置しているか?",
            Some("(6.3.C1)"),
            Yes,
            "品質保証部長",
        ),
    ]
}

pub fn two_sheets() -> Vec<u8> {
    let mut wb = Workbook::new();
    let mds = wb.add_worksheet().set_name("MDS").unwrap();
    row(mds, 0, &["製造業者による医療情報セキュリティ開示書"]);
    row(mds, 1, &["No.", "設問", "フラグ", "備考"]);
    question_rows(mds, 2, &two_sheets_mds_expected(), true);
    let sds = wb.add_worksheet().set_name("SDS").unwrap();
    row(sds, 0, &["サービス事業者による医療情報セキュリティ開示書"]);
    row(sds, 1, &["No.", "設問", "フラグ", "備考"]);
    question_rows(sds, 2, &two_sheets_sds_expected(), true);
    let map = wb
        .add_worksheet()
        .set_name("安全管理GL6.0版対応表")
        .unwrap();
    row(map, 0, &["第5.2版", "第6.0版"]);
    row(map, 1, &["6.5.C1", "シス14①"]);
    row(map, 2, &["6.3.C1", "企9②"]);
    save(&mut wb)
}

// 11. A number and a text merged over two rows; a number merged over a text in two rows.
pub fn vertical_merges_expected() -> Vec<Q> {
    vec![
        q(
            "1",
            "外部保存の選定基準を満たすか?",
            Some("(8.3.C1)"),
            Yes,
            "基準書あり",
        ),
        q(
            "2",
            "扱う情報のリストを提示できるか?",
            Some("(6.2.C1)"),
            No,
            "",
        ),
        q(
            "3",
            "運用管理規程を定め、利用者に周知しているか?",
            Some("(6.3.C1)"),
            NotApplicable,
            "",
        ),
    ]
}

pub fn vertical_merges() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let plain = Format::new();
    let qs = vertical_merges_expected();
    row(ws, 0, &["No.", "設問", "回答", "備考"]);
    ws.merge_range(1, 0, 2, 0, "1", &plain).unwrap();
    ws.merge_range(1, 1, 2, 1, "外部保存の選定基準を満たすか?(8.3.C1)", &plain)
        .unwrap();
    // The answer on the lower row, the remark on the upper.
    row(ws, 2, &["", "", "はい"]);
    ws.write_string(1, 3, "基準書あり").unwrap();
    row(
        ws,
        3,
        &["2", "扱う情報のリストを提示できるか?(6.2.C1)", "いいえ"],
    );
    ws.merge_range(4, 0, 5, 0, "3", &plain).unwrap();
    row(ws, 4, &["", "運用管理規程を定め、", "対象外"]);
    row(ws, 5, &["", "利用者に周知しているか?(6.3.C1)"]);
    assert_eq!(qs.len(), 3);
    save(&mut wb)
}

// 12. Numbers stored as numbers: 1.10 shown by its format.
pub fn numbers_as_numbers_expected() -> Vec<Q> {
    vec![
        q("1.1", "方針を定めているか?", None, Yes, ""),
        q("1.2", "体制を定めているか?", None, Yes, ""),
        q("1.10", "手順を見直しているか?", None, No, "年1回"),
        q("2", "監査を受けているか?", None, Yes, ""),
        q("2.1", "監査結果を開示できるか?", None, NotApplicable, ""),
    ]
}

pub fn numbers_as_numbers() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let one = Format::new().set_num_format("0.0");
    let two = Format::new().set_num_format("0.00");
    row(ws, 0, &["No.", "設問", "回答", "備考"]);
    let qs = numbers_as_numbers_expected();
    let values = [
        (1.1, &one),
        (1.2, &one),
        (1.1, &two),
        (2.0, &one),
        (2.1, &one),
    ];
    for (i, (x, (v, f))) in qs.iter().zip(values).enumerate() {
        let r = 1 + i as u32;
        if i == 3 {
            ws.write_number(r, 0, v).unwrap();
        } else {
            ws.write_number_with_format(r, 0, v, f).unwrap();
        }
        row(ws, r, &["", &x.text, answer_word(x.answer), &x.remark]);
    }
    save(&mut wb)
}

// 13. Full-width digits, hyphens and brackets.
pub fn full_width_expected() -> Vec<Q> {
    vec![
        q(
            "１．１",
            "通信を暗号化しているか?",
            Some("（６．５．Ｃ１）"),
            Yes,
            "",
        ),
        q("１．２", "鍵を管理しているか?", None, Yes, "ＨＳＭで管理"),
        q("１－３", "証明書を更新しているか?", None, No, ""),
        q("（４）", "端末を特定できるか?", None, Yes, ""),
    ]
}

pub fn full_width() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["番号", "設問", "回答", "備考"]);
    question_rows(ws, 1, &full_width_expected(), true);
    save(&mut wb)
}

// 14. Bad and ambiguous rows, each reported by row.
pub fn bad_rows_expected() -> Vec<Q> {
    vec![
        q("1", "保守の記録を残しているか?", None, Yes, ""),
        q("2", "保守の手順を定めているか?", None, Unanswered, ""),
        q("3", "保守端末を特定しているか?", None, NotApplicable, ""),
    ]
}

pub fn bad_rows() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["チェックリスト"]);
    row(ws, 1, &["作成日", "2024年1月1日"]);
    row(ws, 2, &["1", "保守の記録を残しているか?", "はい"]);
    row(ws, 3, &["2", "保守の手順を定めているか?", "たぶん"]);
    row(ws, 4, &["1", "保守の窓口を置いているか?", "いいえ"]);
    row(ws, 5, &["7", "担当部署", "いいえ"]);
    row(ws, 6, &["3", "保守端末を特定しているか?", "対象外"]);
    save(&mut wb)
}

// 15. A list shaped like an appendix of check items (No. | 区分 | 確認事項 | 回答 | 根拠): the
// category in a column of its own, repeated on each row, before the question text.
pub fn appendix_list_expected() -> Vec<Q> {
    vec![
        q("1", "保守作業の責任者を定めている", None, Yes, "規程第3条"),
        q("2", "作業者の名簿を提出できる", None, No, "次年度に整備"),
        q(
            "3",
            "リモート接続の記録を残している",
            None,
            NotApplicable,
            "",
        ),
        q("4", "持出し媒体を暗号化している", None, Unanswered, ""),
    ]
}

pub fn appendix_list() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["【別紙】保守に関する確認事項 (試験用の文言)"]);
    row(ws, 1, &["No.", "区分", "確認事項", "回答", "根拠"]);
    let categories = ["体制", "体制", "技術", "技術"];
    for (i, (x, c)) in appendix_list_expected().iter().zip(categories).enumerate() {
        row(
            ws,
            2 + i as u32,
            &[&x.number, c, &x.text, answer_word(x.answer), &x.remark],
        );
    }
    save(&mut wb)
}

// 16. A checklist shaped like the 事業者確認用 ones: categories merged down beside items
// (1)(2)…, 確認結果 as words, 確認日 and 目標日 as real date cells, 備考.
pub fn confirmation_dates_expected() -> Vec<Q> {
    vec![
        q(
            "1 (1)",
            "情報セキュリティの責任者を定めている",
            None,
            Yes,
            "",
        ),
        q(
            "1 (2)",
            "委託先との責任分界を文書にしている",
            None,
            No,
            "契約更新時に追記",
        ),
        q("2 (1)", "利用者ごとに識別し認証している", None, Yes, ""),
        q("2 (2)", "不正な接続を監視している", None, Unanswered, ""),
    ]
}

/// The 確認日 and 目標日 each question of [`confirmation_dates`] shows.
pub fn confirmation_dates_shown() -> Vec<[&'static str; 2]> {
    vec![
        ["2026年4月1日", ""],
        ["2026年4月1日", "2026年9月30日"],
        ["2026年4月2日", ""],
        ["", ""],
    ]
}

pub fn confirmation_dates() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["確認用チェックリスト (試験用の文言)"]);
    row(
        ws,
        1,
        &[
            "分類",
            "No",
            "確認項目",
            "確認結果",
            "確認日",
            "目標日",
            "備考",
        ],
    );
    let date = Format::new().set_num_format("yyyy/m/d");
    let items = ["(1)", "(2)", "(1)", "(2)"];
    let dates = [
        [Some((4, 1)), None],
        [Some((4, 1)), Some((9, 30))],
        [Some((4, 2)), None],
        [None, None],
    ];
    for (i, (x, (item, ds))) in confirmation_dates_expected()
        .iter()
        .zip(items.iter().zip(dates))
        .enumerate()
    {
        let r = 2 + i as u32;
        row(ws, r, &["", item, &x.text, answer_word(x.answer)]);
        for (c, d) in [4u16, 5].into_iter().zip(ds) {
            if let Some((m, day)) = d {
                let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, m, day).unwrap();
                ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
            }
        }
        if !x.remark.is_empty() {
            ws.write_string(r, 6, &x.remark).unwrap();
        }
    }
    let plain = Format::new();
    ws.merge_range(2, 0, 3, 0, "1 体制", &plain).unwrap();
    ws.merge_range(4, 0, 5, 0, "2 技術的対策", &plain).unwrap();
    save(&mut wb)
}

// 17. One list for both forms, each question marked in MDS対象 / SDS対象 columns; the header
// names a 製造業者, so the statement is the MDS one.
pub fn form_columns_expected() -> Vec<Q> {
    vec![
        q("1", "アクセスを記録しているか?", None, Yes, ""),
        q("2", "機器の更新手順を示しているか?", None, No, "別紙で提示"),
        q("4", "不正な入力を検知するか?", None, Unanswered, ""),
    ]
}

pub fn form_columns() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["製造業者名", "株式会社試験"]);
    row(
        ws,
        1,
        &["No.", "設問", "MDS対象", "SDS対象", "回答", "備考"],
    );
    row(
        ws,
        2,
        &["1", "アクセスを記録しているか?", "○", "○", "はい", ""],
    );
    row(
        ws,
        3,
        &[
            "2",
            "機器の更新手順を示しているか?",
            "○",
            "",
            "いいえ",
            "別紙で提示",
        ],
    );
    row(
        ws,
        4,
        &[
            "3",
            "サービスの稼働率を示しているか?",
            "",
            "○",
            "はい",
            "99.9%",
        ],
    );
    row(ws, 5, &["4", "不正な入力を検知するか?", "○", "×", "", ""]);
    save(&mut wb)
}

/// Every layout with its expected questions.
pub fn every_layout() -> Vec<(&'static str, Vec<u8>, Vec<Q>)> {
    vec![
        ("gl6.xlsx", gl6_in_text(), gl6_in_text_expected()),
        (
            "refcol.xlsx",
            reference_column(),
            reference_column_expected(),
        ),
        ("hyphen.xlsx", hyphenated(), hyphenated_expected()),
        ("hospital.xlsx", bracketed(), bracketed_expected()),
        ("circled.xlsx", circled(), circled_expected()),
        ("maru.xlsx", statements(), statements_expected()),
        ("cover.xlsx", cover_sheet(), cover_sheet_expected()),
        ("labels.xlsx", label_value_cells(), label_value_expected()),
        (
            "noremark.xlsx",
            unlabelled_remark(),
            unlabelled_remark_expected(),
        ),
        ("both.xlsx", two_sheets(), two_sheets_mds_expected()),
        ("merged.xlsx", vertical_merges(), vertical_merges_expected()),
        (
            "numbers.xlsx",
            numbers_as_numbers(),
            numbers_as_numbers_expected(),
        ),
        ("fullwidth.xlsx", full_width(), full_width_expected()),
        ("bad.xlsx", bad_rows(), bad_rows_expected()),
        ("appendix.xlsx", appendix_list(), appendix_list_expected()),
        (
            "dates.xlsx",
            confirmation_dates(),
            confirmation_dates_expected(),
        ),
        ("forms.xlsx", form_columns(), form_columns_expected()),
    ]
}
