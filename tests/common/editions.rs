//! Two consecutive editions of a vendor's checklist, as workbooks written here with
//! rust_xlsxwriter: an answered "Ver.4.1" on guideline 第5.2版 (references such as `(6.5.C1)`
//! at the end of each text, and a 安全管理GL6.0版対応表 sheet), and a blank "Ver.5.0" on
//! 第6.0版 (`(シス14①)`, `(企画管理編 第9章②)`): renumbered, with texts kept word for word,
//! texts reworded, texts rewritten that only a row of the correspondence sheet joins, new
//! questions, and earlier questions dropped. [`NEW`] is the ground truth: for each new
//! question, the earlier one whose answer it should take and why (or none).
//!
//! The wording is written for these tests and does not reproduce any official form.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(dead_code)]

use kaijisho::domain::answer::AnswerValue::{self, *};
use rust_xlsxwriter::{Workbook, Worksheet};

/// A question of the earlier edition, answered.
pub struct OldQ {
    pub number: &'static str,
    pub text: &'static str,
    /// As printed after the text, parentheses included (none: a question citing nothing).
    pub reference: Option<&'static str>,
    pub answer: AnswerValue,
    pub remark: &'static str,
}

/// What a question of the new edition should be matched with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expect {
    /// The earlier question of this number, whose text is the same word for word: carried by
    /// the same text or a stronger reason.
    Same(&'static str),
    /// The earlier question of this number, reworded: carried by similar text.
    Reworded(&'static str),
    /// One of these earlier questions, joined by a correspondence row whose 第5.2版 side is
    /// that question's reference and whose 第6.0版 side is `new_ref` (as written); when
    /// several, rows join many earlier questions to this one.
    Row {
        olds: &'static [&'static str],
        new_ref: &'static str,
    },
    /// A question the earlier edition did not have: nothing carried.
    New,
}

/// A question of the new edition and its ground truth.
pub struct NewQ {
    pub number: &'static str,
    pub text: &'static str,
    pub reference: Option<&'static str>,
    pub expect: Expect,
}

/// Section titles of each edition, by the number their questions start with.
pub const OLD_SECTIONS: [(&str, &str); 7] = [
    ("1", "基本情報"),
    ("2", "組織的安全管理対策"),
    ("3", "認証とアクセス制御"),
    ("4", "ウイルス対策"),
    ("5", "データの保護と通信"),
    ("6", "障害時の対応"),
    ("7", "電子保存"),
];

pub const NEW_SECTIONS: [(&str, &str); 7] = [
    ("1", "基本情報"),
    ("2", "組織的な対策(企画管理編)"),
    ("3", "認証とアクセス制御(システム運用編)"),
    ("4", "不正ソフトウェア対策"),
    ("5", "データの保護と通信"),
    ("6", "非常時の対応"),
    ("7", "電子保存"),
];

const fn o(
    number: &'static str,
    text: &'static str,
    reference: Option<&'static str>,
    answer: AnswerValue,
    remark: &'static str,
) -> OldQ {
    OldQ {
        number,
        text,
        reference,
        answer,
        remark,
    }
}

/// The earlier edition ("Ver.4.1", guideline 第5.2版), answered.
pub const OLD: [OldQ; 35] = [
    o("1.1", "本製品は医療情報を保存するか?", None, Yes, ""),
    o(
        "1.2",
        "本製品はネットワークに接続して使用するか?",
        None,
        Yes,
        "院内LANに接続",
    ),
    o(
        "1.3",
        "保守作業をリモートで行うか?",
        None,
        Yes,
        "VPN経由で実施",
    ),
    o(
        "2.1",
        "情報セキュリティの責任者を設置しているか?",
        Some("(6.3.C1)"),
        Yes,
        "品質保証部長が兼任",
    ),
    o(
        "2.2",
        "情報セキュリティ方針を文書化しているか?",
        Some("(6.3.C2)"),
        Yes,
        "",
    ),
    o(
        "2.3",
        "従業者に対して情報セキュリティ教育を実施しているか?",
        Some("(6.6.C1)"),
        Yes,
        "入社時と年1回",
    ),
    o(
        "2.4",
        "従業者と守秘義務の契約を結んでいるか?",
        Some("(6.6.C2)"),
        Yes,
        "就業規則で規定",
    ),
    o(
        "2.5",
        "委託先の安全管理を監督しているか?",
        Some("(6.6.C3)"),
        No,
        "再委託なし",
    ),
    o(
        "3.1",
        "利用者ごとに固有のIDを発行できるか?",
        Some("(6.5.C1)"),
        Yes,
        "",
    ),
    o(
        "3.2",
        "パスワードの最小文字数を設定できるか?",
        Some("(6.5.C2)"),
        Yes,
        "8文字以上",
    ),
    o(
        "3.3",
        "パスワードの有効期限を設定できるか?",
        Some("(6.5.C3)"),
        No,
        "次期バージョンで対応予定",
    ),
    o(
        "3.4",
        "一定回数の認証失敗でアカウントをロックできるか?",
        Some("(6.5.C4)"),
        Yes,
        "5回で30分ロック",
    ),
    o(
        "3.5",
        "ICカードや生体認証による二要素認証に対応しているか?",
        Some("(6.5.C5)"),
        No,
        "ICカード認証はオプション",
    ),
    o(
        "3.6",
        "利用者の権限に応じてアクセスを制御できるか?",
        Some("(6.5.C6)"),
        Yes,
        "",
    ),
    o(
        "3.7",
        "アクセスログを記録しているか?",
        Some("(6.5.C7)"),
        Yes,
        "5年間保存",
    ),
    o(
        "3.8",
        "アクセスログの改ざんを防止しているか?",
        Some("(6.5.C8)"),
        No,
        "",
    ),
    o(
        "3.9",
        "時刻を正確な時刻源に同期しているか?",
        Some("(6.5.C9)"),
        Yes,
        "NTPで同期",
    ),
    o(
        "4.1",
        "ウイルス対策ソフトを導入しているか?",
        Some("(6.5.C10)"),
        Yes,
        "",
    ),
    o(
        "4.2",
        "パターンファイルを定期的に更新しているか?",
        Some("(6.5.C11)"),
        Yes,
        "毎日自動更新",
    ),
    o(
        "4.3",
        "セキュリティパッチを適用する手順があるか?",
        Some("(6.5.C12)"),
        Yes,
        "月次で適用",
    ),
    o(
        "4.4",
        "USBメモリなどの外部記録媒体の利用を制限できるか?",
        Some("(6.5.C13)"),
        NotApplicable,
        "USBポートなし",
    ),
    o(
        "5.1",
        "保存データを暗号化できるか?",
        Some("(6.7.C1)"),
        Yes,
        "AES-256",
    ),
    o(
        "5.2",
        "バックアップを取得しているか?",
        Some("(6.9.C1)"),
        Yes,
        "日次",
    ),
    o(
        "5.3",
        "バックアップデータを別の場所に保管しているか?",
        Some("(6.9.C2)"),
        No,
        "同一建屋内",
    ),
    o(
        "5.4",
        "外部ネットワークとの通信を暗号化しているか?",
        Some("(6.11.C1)"),
        Yes,
        "TLS1.2以上",
    ),
    o(
        "5.5",
        "リモート保守の接続にVPNを使用しているか?",
        Some("(6.11.C2)"),
        Yes,
        "IPsec-VPN",
    ),
    o(
        "5.6",
        "リモート保守の作業ログを記録しているか?",
        Some("(6.11.C3)"),
        Yes,
        "",
    ),
    o(
        "6.1",
        "障害時の連絡体制を定めているか?",
        Some("(6.10.C1)"),
        Yes,
        "24時間受付",
    ),
    o(
        "6.2",
        "障害時の代替手段を医療機関に提示しているか?",
        Some("(6.10.C2)"),
        No,
        "",
    ),
    o(
        "6.3",
        "システムの停止を伴う保守の予定を事前に通知しているか?",
        Some("(6.10.C3)"),
        Yes,
        "1か月前に通知",
    ),
    o(
        "7.1",
        "電子署名に対応しているか?",
        Some("(6.12.C1)"),
        NotApplicable,
        "",
    ),
    o(
        "7.2",
        "タイムスタンプを付与できるか?",
        Some("(6.12.C2)"),
        NotApplicable,
        "電子署名を扱わない",
    ),
    o(
        "7.3",
        "保存義務のある文書の真正性を確保しているか?",
        Some("(7.1.C1)"),
        Yes,
        "",
    ),
    o(
        "7.4",
        "見読性を確保するための手順があるか?",
        Some("(7.2.C1)"),
        Yes,
        "操作手順書に記載",
    ),
    o(
        "7.5",
        "保存性を確保するための手順があるか?",
        Some("(7.3.C1)"),
        No,
        "媒体の劣化対策は未整備",
    ),
];

/// The correspondence sheet's rows (第5.2版, 第6.0版): one to one, one to many (one cell
/// citing two), many to one (two rows), a book written in full on one side and abbreviated
/// on the other, a row whose 第6.0版 side no new question cites, and a row neither edition
/// cites.
pub const ROWS: [(&str, &str); 9] = [
    ("6.3.C1", "企9②"),
    ("6.6.C1", "企10①、企10②"),
    ("6.6.C3", "企画管理編 第11章①"),
    ("6.5.C1", "シス14①"),
    ("6.5.C2", "シス14③"),
    ("6.5.C3", "シス14③"),
    ("6.11.C2", "シス13②"),
    ("6.12.C2", "シス18③"),
    ("8.1.C1", "企12①"),
];

const fn n(
    number: &'static str,
    text: &'static str,
    reference: Option<&'static str>,
    expect: Expect,
) -> NewQ {
    NewQ {
        number,
        text,
        reference,
        expect,
    }
}

use Expect::{New, Reworded, Row, Same};

/// The new edition ("Ver.5.0", guideline 第6.0版) and what each question should continue.
pub const NEW: [NewQ; 37] = [
    n("1.1", "本製品は医療情報を保存するか?", None, Same("1.1")),
    // Inserted before the earlier 1.2, which moves to 1.3 (neither cites a reference).
    n(
        "1.2",
        "本製品はクラウドサービスを利用して提供するか?",
        None,
        New,
    ),
    n(
        "1.3",
        "本製品はネットワークに接続して使用するか?",
        None,
        Same("1.2"),
    ),
    n("1.4", "保守作業をリモートで行うか?", None, Same("1.3")),
    n(
        "2.1",
        "医療情報システム安全管理責任者を選任し、その役割を文書で定めているか?",
        Some("(企画管理編 第9章②)"),
        Row {
            olds: &["2.1"],
            new_ref: "企9②",
        },
    ),
    n(
        "2.2",
        "情報セキュリティ方針を文書化しているか?",
        Some("(企画管理編 第3章①)"),
        Same("2.2"),
    ),
    n(
        "2.3",
        "新たに従事する者に対して、採用時に情報セキュリティ教育を行っているか?",
        Some("(企10①)"),
        Row {
            olds: &["2.3"],
            new_ref: "企10①、企10②",
        },
    ),
    n(
        "2.4",
        "全ての従業者を対象に、年1回以上の定期的な研修を実施しているか?",
        Some("(企10②)"),
        Row {
            olds: &["2.3"],
            new_ref: "企10①、企10②",
        },
    ),
    n(
        "2.5",
        "従業者との間で守秘義務に関する契約を締結しているか?",
        Some("(企10③)"),
        Reworded("2.4"),
    ),
    n(
        "2.6",
        "保守を再委託する場合、再委託先の安全管理措置を確認しているか?",
        Some("(企11①)"),
        Row {
            olds: &["2.5"],
            new_ref: "企画管理編 第11章①",
        },
    ),
    n(
        "2.7",
        "サイバー攻撃を受けた場合の報告先と手順を定めているか?",
        Some("(企12②)"),
        New,
    ),
    n(
        "3.1",
        "利用者ごとに固有のIDを発行できるか?",
        Some("(シス14①)"),
        Row {
            olds: &["3.1"],
            new_ref: "シス14①",
        },
    ),
    n(
        "3.2",
        "パスワードの文字数や有効期限などの条件を設定できるか?",
        Some("(シス14③)"),
        Row {
            olds: &["3.2", "3.3"],
            new_ref: "シス14③",
        },
    ),
    n(
        "3.3",
        "一定回数認証に失敗したアカウントをロックできるか?",
        Some("(シス14④)"),
        Reworded("3.4"),
    ),
    n(
        "3.4",
        "二要素認証に対応しているか?",
        Some("(システム運用編 第14章⑤)"),
        Reworded("3.5"),
    ),
    n(
        "3.5",
        "利用者の権限に応じてアクセスを制御できるか?",
        Some("(シス14⑥)"),
        Same("3.6"),
    ),
    n(
        "3.6",
        "アクセスログを記録しているか?",
        Some("(シス15①)"),
        Same("3.7"),
    ),
    n(
        "3.7",
        "アクセスログへの改ざんを防止する措置を講じているか?",
        Some("(シス15②)"),
        Reworded("3.8"),
    ),
    n(
        "3.8",
        "システムの時刻を信頼できる時刻源と同期しているか?",
        Some("(シス15③)"),
        Reworded("3.9"),
    ),
    n(
        "3.9",
        "離席時に画面をロックする機能があるか?",
        Some("(シス14⑦)"),
        New,
    ),
    n(
        "4.1",
        "ウイルス対策ソフトを導入しているか?",
        Some("(シス16①)"),
        Same("4.1"),
    ),
    n(
        "4.2",
        "パターンファイルを定期的に更新しているか?",
        Some("(シス16②)"),
        Same("4.2"),
    ),
    n(
        "4.3",
        "セキュリティパッチを適用するための手順を定めているか?",
        Some("(シス16③)"),
        Reworded("4.3"),
    ),
    n(
        "4.4",
        "外部記録媒体(USBメモリなど)の利用を制限できるか?",
        Some("(シス16④)"),
        Reworded("4.4"),
    ),
    n(
        "4.5",
        "ソフトウェアの脆弱性情報を収集し、医療機関に提供しているか?",
        Some("(シス16⑤)"),
        New,
    ),
    n(
        "5.1",
        "保存データを暗号化できるか?",
        Some("(シス12①)"),
        Same("5.1"),
    ),
    n(
        "5.2",
        "バックアップを取得しているか?",
        Some("(シス17①)"),
        Same("5.2"),
    ),
    n(
        "5.3",
        "バックアップデータを別の場所に保管しているか?",
        Some("(シス17②)"),
        Same("5.3"),
    ),
    n(
        "5.4",
        "バックアップを改ざんできない形で保管しているか?",
        Some("(シス17③)"),
        New,
    ),
    n(
        "5.5",
        "外部ネットワークとの通信を暗号化しているか?",
        Some("(シス13①)"),
        Same("5.4"),
    ),
    n(
        "5.6",
        "リモート保守の接続には、VPNなどの安全な経路を使用しているか?",
        Some("(シス13②)"),
        Row {
            olds: &["5.5"],
            new_ref: "シス13②",
        },
    ),
    n(
        "5.7",
        "リモート保守の作業ログを記録しているか?",
        Some("(シス13③)"),
        Same("5.6"),
    ),
    n(
        "6.1",
        "障害発生時の連絡体制を定めているか?",
        Some("(企13①)"),
        Reworded("6.1"),
    ),
    n(
        "6.2",
        "非常時に医療機関が利用できる代替手段を提示しているか?",
        Some("(企13②)"),
        Reworded("6.2"),
    ),
    n(
        "6.3",
        "事業継続計画(BCP)を策定しているか?",
        Some("(企13③)"),
        New,
    ),
    n(
        "7.1",
        "電子署名に対応しているか?",
        Some("(シス18①)"),
        Same("7.1"),
    ),
    n(
        "7.2",
        "保存義務のある文書の真正性を確保しているか?",
        Some("(シス18②)"),
        Same("7.3"),
    ),
];

/// Earlier questions no new question continues (besides the one of a many-to-one row not
/// chosen): their answers must be kept as unplaced.
pub const DROPPED: [&str; 4] = ["6.3", "7.2", "7.4", "7.5"];

pub fn old_q(number: &str) -> &'static OldQ {
    OLD.iter()
        .find(|q| q.number == number)
        .unwrap_or_else(|| panic!("no earlier {number}"))
}

pub fn new_q(number: &str) -> &'static NewQ {
    NEW.iter()
        .find(|q| q.number == number)
        .unwrap_or_else(|| panic!("no new {number}"))
}

/// Where the correspondence sheet goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableIn {
    Old,
    New,
    Neither,
}

pub const OLD_TITLE: &str = "製造業者による医療情報セキュリティ開示書 チェックリスト (MDS Ver.4.1用) 医療情報システムの安全管理に関するガイドライン第5.2版対応";
pub const NEW_TITLE: &str = "製造業者による医療情報セキュリティ開示書 チェックリスト (MDS Ver.5.0用) 医療情報システムの安全管理に関するガイドライン第6.0版対応";
pub const VENDOR: &str = "株式会社カルテ工房";
pub const PRODUCT: &str = "カルテ工房 電子カルテ";

/// The first row of questions (0-based): the answer column is C, the remark column D.
pub const FIRST_ROW: u32 = 6;

fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, v) in cells.iter().enumerate() {
        if !v.is_empty() {
            ws.write_string(r, c as u16, *v).unwrap();
        }
    }
}

fn word(a: AnswerValue) -> &'static str {
    match a {
        Unanswered => "",
        other => other.label(),
    }
}

/// One checklist sheet: title, header, the column headings, then each section's heading row
/// (number and title) and its question rows (number, text and reference, answer, remark).
/// Returns the row (0-based) of each question, by number.
fn checklist(
    ws: &mut Worksheet,
    title: &str,
    header: [&str; 3],
    sections: &[(&str, &str)],
    questions: &[(&str, String, &str, &str)],
) -> Vec<(String, u32)> {
    row(ws, 0, &[title]);
    row(ws, 1, &["製造業者", header[0]]);
    row(ws, 2, &["製品名称", header[1]]);
    row(ws, 3, &["バージョン", header[2]]);
    row(ws, 5, &["No.", "設問", "回答", "備考"]);
    ws.set_column_width(1, 70).unwrap();
    let mut r = FIRST_ROW;
    let mut rows = Vec::new();
    for (s, title) in sections {
        row(ws, r, &[s, title]);
        r += 1;
        let prefix = format!("{s}.");
        for (number, text, answer, remark) in questions.iter().filter(|q| q.0.starts_with(&prefix))
        {
            row(ws, r, &[number, text, answer, remark]);
            rows.push((number.to_string(), r));
            r += 1;
        }
    }
    rows
}

fn printed(text: &str, reference: Option<&str>) -> String {
    match reference {
        Some(r) => format!("{text} {r}"),
        None => text.to_string(),
    }
}

fn table(wb: &mut Workbook) {
    let ws = wb
        .add_worksheet()
        .set_name("安全管理GL6.0版対応表")
        .unwrap();
    row(
        ws,
        0,
        &["医療情報システムの安全管理に関するガイドライン 第5.2版と第6.0版の対応"],
    );
    row(ws, 2, &["第5.2版", "第6.0版", "備考"]);
    for (i, (old, new)) in ROWS.iter().enumerate() {
        row(ws, 3 + i as u32, &[old, new]);
    }
}

/// The earlier edition's workbook, answered.
pub fn old_workbook(table_in: TableIn) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("チェックリスト").unwrap();
    let qs: Vec<(&str, String, &str, &str)> = OLD
        .iter()
        .map(|q| {
            (
                q.number,
                printed(q.text, q.reference),
                word(q.answer),
                q.remark,
            )
        })
        .collect();
    checklist(ws, OLD_TITLE, [VENDOR, PRODUCT, "3.2"], &OLD_SECTIONS, &qs);
    if table_in == TableIn::Old {
        table(&mut wb);
    }
    wb.save_to_buffer().unwrap()
}

/// The new edition's workbook as published: no answers, no header values.
pub fn new_workbook(table_in: TableIn) -> Vec<u8> {
    new_workbook_rows(table_in).0
}

/// The new edition's workbook and the row (0-based) of each question.
pub fn new_workbook_rows(table_in: TableIn) -> (Vec<u8>, Vec<(String, u32)>) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("チェックリスト").unwrap();
    let qs: Vec<(&str, String, &str, &str)> = NEW
        .iter()
        .map(|q| (q.number, printed(q.text, q.reference), "", ""))
        .collect();
    let rows = checklist(ws, NEW_TITLE, ["", "", ""], &NEW_SECTIONS, &qs);
    if table_in == TableIn::New {
        table(&mut wb);
    }
    (wb.save_to_buffer().unwrap(), rows)
}
