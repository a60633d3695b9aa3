//! Signing in the window, through the File menu: ファイル → 署名して書き出す…, the certificate
//! chosen in the path prompt, the password typed (a wrong one said in the dialog); the
//! statement saved with its signature and the `.p7s` beside it; reopened, the badge says
//! valid; an answer changed, the badge says changed, and its details name the question.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use eframe::egui;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use kaijisho::app::Settings;
use kaijisho::i18n::Lang;

mod common {
    pub mod gui;
    pub mod tsa;
}
use common::gui::{H, answer_path, menu, select, settle, shows};

fn harness(dir: &Path) -> H {
    let settings = Settings {
        lang: Some(Lang::Ja),
        last_folder: Some(dir.to_path_buf()),
        ..Settings::default()
    };
    common::gui::harness_without_native_dialog(dir, settings, egui::Vec2::new(1280.0, 860.0))
}

/// The tests' fixed day at `hour` UTC, Unix seconds.
fn today_at(hour: i8) -> u64 {
    common::gui::TODAY
        .at(hour, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
        .as_second() as u64
}

/// A self-signed trial key, valid around the GUI tests' fixed day, as a PKCS#12 file.
fn key_file(path: &Path, password: &str) {
    key_file_for(path, password, 365);
}

/// [`key_file`] valid for `days`.
fn key_file_for(path: &Path, password: &str, days: u32) {
    let start = today_at(0) - 86_400;
    let key =
        kaijisho::io::signature::key::generate("山田 太郎", "株式会社サンプル医療", start, days)
            .unwrap();
    let p12 = kaijisho::io::signature::key::to_pkcs12(&key, password).unwrap();
    std::fs::write(path, p12).unwrap();
}

/// The sample statement signed at the tests' fixed day by a trial key valid `days` (made
/// here), saved as `開示書.json` in `d`: its file, the key and the catalogue.
fn signed_sample(
    d: &Path,
    days: u32,
) -> (
    std::path::PathBuf,
    kaijisho::io::signature::key::SigningKey,
    kaijisho::domain::catalogue::Catalogue,
) {
    let key_path = d.join("k.p12");
    key_file_for(&key_path, "pw", days);
    let key = kaijisho::io::signature::key::load_pkcs12(&key_path, "pw").unwrap();
    let catalogues = kaijisho::assets::shipped_catalogues().unwrap();
    let mut p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
    let c = catalogues
        .iter()
        .find(|c| c.id == p.catalogue.id)
        .unwrap()
        .clone();
    let signed_at = today_at(9);
    p.signature = Some(
        kaijisho::app::signature::sign(&c, &p, &key, signed_at)
            .unwrap()
            .0,
    );
    let file = d.join("開示書.json");
    kaijisho::io::save_project(&file, &p).unwrap();
    (file, key, c)
}

/// Types into the dialog's password field.
fn password(h: &mut H, text: &str) {
    let field = h.get_by_role_and_label(Role::PasswordInput, "パスワード");
    field.focus();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "パスワード")
        .type_text(text);
    h.run();
}

#[test]
fn a_statement_signed_from_the_file_menu_shows_its_badge_and_then_its_change() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = d.join("開示書.json");
    let p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let key = d.join("署名用.p12");
    key_file(&key, "正しい-pw");

    let mut h = harness(d);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    assert!(!shows(&h, "署名:"), "an unsigned statement has no badge");

    menu(&mut h, "ファイル", "署名して書き出す…");
    assert!(shows(&h, "開示書に署名"));
    h.get_by_label("選ぶ…").click();
    settle(&mut h);
    answer_path(&mut h, &key);
    assert!(shows(&h, "署名用.p12"), "the chosen file is shown");
    // A wrong password: said in the dialog, nothing signed.
    password(&mut h, "違う");
    // Enter in the field does not sign (it may confirm an IME's conversion).
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(!d.join("開示書.p7s").exists());
    h.get_by_label("署名").click();
    settle(&mut h);
    assert!(
        shows(&h, "パスワードが違います"),
        "the error is in the dialog"
    );
    assert!(!d.join("開示書.p7s").exists());
    password(&mut h, "正しい-pw");
    h.get_by_label_contains("署名付きの PDF も書き出す").click();
    h.run();
    h.get_by_label("署名").click();
    settle(&mut h);
    // The PDF beside it, written in the background, with its PAdES signature.
    let pdf = std::fs::read(d.join("開示書.pdf")).unwrap();
    let sig = kaijisho::io::signature::pades::read_pdf_signature(&pdf)
        .unwrap()
        .expect("the PDF is signed");
    assert!(sig.whole_file);
    let v = kaijisho::app::signature::verify_pdf(&pdf, Default::default(), sig.time.unwrap())
        .unwrap()
        .unwrap();
    assert!(v.is_valid(), "{v:?}");
    assert!(!shows(&h, "開示書に署名"), "the dialog closed");
    assert!(shows(&h, "開示書.pdf"), "the status names the PDF written");
    assert!(
        d.join("開示書.p7s").is_file(),
        "the detached signature beside it"
    );
    let saved =
        kaijisho::io::json::open_project(&file, &kaijisho::assets::shipped_catalogues().unwrap())
            .unwrap()
            .0;
    assert!(saved.signature.is_some(), "saved with its signature");
    assert!(shows(
        &h,
        "署名: 署名は正しく、内容は署名時のままです (署名者の身元は未確認)"
    ));

    // Closed and opened again: the badge is there.
    menu(&mut h, "ファイル", "新規作成");
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    assert!(shows(
        &h,
        "署名は正しく、内容は署名時のままです (署名者の身元は未確認)"
    ));

    // An answer changed: the badge says so, and its details name the question.
    select(&mut h, "4.1.2");
    h.key_press(egui::Key::Num2);
    h.run();
    assert!(
        shows(&h, "署名後に内容が変更されています"),
        "the badge follows the edit"
    );
    h.get_by_label_contains("署名後に内容が変更されています")
        .click();
    settle(&mut h);
    assert!(shows(&h, "署名の詳細"));
    assert!(shows(&h, "1 問の回答が署名時と違います (設問 4.1.2)"));
    // Undone: valid again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(shows(&h, "内容: 署名したときのままです"));
}

/// The register's 署名 column: a signed statement (valid, identity confirmed by the
/// certificate kept in the folder's 証明書), one changed since, one unsigned.
#[test]
fn the_register_shows_each_statements_signature() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let folder = d.join("受領");
    std::fs::create_dir_all(folder.join("証明書")).unwrap();
    let key_path = d.join("k.p12");
    key_file(&key_path, "pw");
    let key = kaijisho::io::signature::key::load_pkcs12(&key_path, "pw").unwrap();
    std::fs::write(
        folder.join("証明書").join("vendor.der"),
        der::Encode::to_der(&key.cert).unwrap(),
    )
    .unwrap();
    let catalogues = kaijisho::assets::shipped_catalogues().unwrap();
    let now = today_at(10);
    for (name, change) in [("signed.json", false), ("changed.json", true)] {
        let mut p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
        let c = catalogues
            .iter()
            .find(|c| c.id == p.catalogue.id)
            .unwrap()
            .clone();
        let (stored, _) = kaijisho::app::signature::sign(&c, &p, &key, now).unwrap();
        p.signature = Some(stored);
        if change {
            p.header.version = "2.1".into();
        }
        kaijisho::io::save_project(&folder.join(name), &p).unwrap();
    }
    let p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&folder.join("unsigned.json"), &p).unwrap();

    let mut h = harness(d);
    menu(&mut h, "ファイル", "受領台帳…");
    common::gui::retype(
        &mut h,
        Role::TextInput,
        "フォルダのパス",
        &folder.display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(shows(&h, "(3 ファイル)"), "the three statements");
    assert!(shows(&h, "有効 (山田 太郎、身元確認済み)"));
    assert!(shows(&h, "署名後に変更あり (山田 太郎)"));
    assert!(shows(&h, "署名なし"));
    // Opened for review, the statement's badge uses the folder's certificates too.
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &folder.join("signed.json"));
    assert!(
        shows(&h, "署名: 署名は有効です"),
        "confirmed by the folder's 証明書"
    );
}

/// ファイル → タイムスタンプ要求を書き出す… writes the request beside the signed statement;
/// a timestamp authority (openssl) answers it; ファイル → タイムスタンプ応答を取り込む… takes the
/// reply into the signature, saves the statement and its `.p7s`, and the details show it.
#[test]
fn a_signed_statement_takes_a_timestamp_through_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::tsa::certificates(d, "pw", 30);
    // Valid from the tests' fixed day for ten years: the TSA stamps the real time.
    let (file, _, c) = signed_sample(d, 3650);
    let catalogues = kaijisho::assets::shipped_catalogues().unwrap();

    // The timestamp authority stamps the real time: the window's clock is an hour past it.
    let settings = Settings {
        lang: Some(Lang::Ja),
        last_folder: Some(d.to_path_buf()),
        ..Settings::default()
    };
    let clock = kaijisho::io::clock::Clock::fixed(
        jiff::Zoned::now()
            .checked_add(jiff::SignedDuration::from_hours(1))
            .unwrap(),
    );
    let mut h = common::gui::harness_at(d, settings, egui::Vec2::new(1280.0, 860.0), clock);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    menu(&mut h, "ファイル", "タイムスタンプ要求を書き出す…");
    assert!(
        shows(&h, "時刻認証局に送ってください"),
        "the prompt says what the file is for"
    );
    // The suggested name: the statement's, beside it.
    common::gui::retype(
        &mut h,
        Role::TextInput,
        "ファイルのパス",
        &d.join("開示書").display().to_string(),
    );
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(
        d.join("開示書.tsq").is_file(),
        "the extension is added to a bare name"
    );
    assert!(shows(&h, "タイムスタンプ要求を書き出しました"));
    common::tsa::tsa_reply(d, "開示書.tsq", "応答.tsr", false);

    // With an unsaved change, the reply is not taken (saving it would save the change too).
    select(&mut h, "4.1.2");
    h.key_press(egui::Key::Num2);
    h.run();
    menu(&mut h, "ファイル", "タイムスタンプ応答を取り込む…");
    answer_path(&mut h, &d.join("応答.tsr"));
    assert!(shows(
        &h,
        "タイムスタンプを取り込む前に開示書を保存してください"
    ));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    menu(&mut h, "ファイル", "タイムスタンプ応答を取り込む…");
    answer_path(&mut h, &d.join("応答.tsr"));
    assert!(shows(&h, "タイムスタンプを付けて保存しました"), "said");
    let (saved, _) = kaijisho::io::json::open_project(&file, &catalogues).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 3600;
    let outcome =
        kaijisho::app::signature::verify_statement(&c, &saved, None, Default::default(), now);
    let kaijisho::app::signature::Outcome::Checked(v) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(
        matches!(&v.timestamp, Some(Ok(t)) if t.problem.is_none()),
        "saved with the timestamp: {:?}",
        v.timestamp
    );
    let p7s = std::fs::read(d.join("開示書.p7s")).unwrap();
    let from_p7s =
        kaijisho::app::signature::verify_statement(&c, &saved, Some(&p7s), Default::default(), now);
    assert!(from_p7s.is_valid(), "the .p7s beside it: {from_p7s:?}");
    assert!(!h.state().state.doc.as_ref().unwrap().modified(), "saved");
    h.get_by_label_contains("署名は正しく").click();
    settle(&mut h);
    assert!(
        shows(&h, "タイムスタンプ: "),
        "the details show the timestamp"
    );
    // A reply that is no reply: said, and the statement stays as it was.
    let before = std::fs::read(&file).unwrap();
    menu(&mut h, "ファイル", "タイムスタンプ応答を取り込む…");
    answer_path(&mut h, &d.join("tsa.cnf"));
    assert!(shows(&h, "タイムスタンプの応答 (RFC 3161) ではありません"));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// A received statement, opened for review: ファイル → 署名して書き出す… signs the hospital's
/// review (saved first), never the vendor's statement; the `.p7s` goes beside the review file.
#[test]
fn a_reviewer_signs_the_review_of_a_received_statement_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = d.join("受領.json");
    let p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
    kaijisho::io::save_project(&file, &p).unwrap();
    let before = std::fs::read(&file).unwrap();
    let key = d.join("確認者.p12");
    key_file(&key, "pw");

    let mut h = harness(d);
    menu(&mut h, "ファイル", "確認用に開く…");
    answer_path(&mut h, &file);
    menu(&mut h, "ファイル", "署名して書き出す…");
    assert!(
        shows(&h, "レビューに署名"),
        "the dialog says what is signed"
    );
    assert!(
        !shows(&h, "署名付きの PDF も書き出す"),
        "a review has no PDF to sign"
    );
    h.get_by_label("選ぶ…").click();
    settle(&mut h);
    answer_path(&mut h, &key);
    password(&mut h, "pw");
    h.get_by_label("署名").click();
    settle(&mut h);
    assert!(!shows(&h, "レビューに署名"), "the dialog closed");
    let review = d.join("受領.json.review.json");
    let p7s = d.join("受領.json.review.p7s");
    assert!(shows(&h, "受領.json.review.p7s"), "the status names it");
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "the vendor's statement is not touched"
    );
    assert!(!d.join("受領.p7s").exists());
    let (read, _) = kaijisho::io::hospital::load_review_digest(&review).unwrap();
    let der = std::fs::read(&p7s).unwrap();
    let now = today_at(12);
    let outcome = kaijisho::app::signature::verify_review(&read, &der, Default::default(), now);
    assert!(outcome.is_valid(), "{outcome:?}");
}

/// ファイル → 病院名と確認者… → 信頼する証明書のフォルダー: the badge then checks the signer
/// against it — confirmed by the vendor's certificate, not by another; removed, unconfirmed.
#[test]
fn the_badge_checks_the_signer_against_the_trusted_folder_chosen_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (file, key, _) = signed_sample(d, 365);
    let now = today_at(9);
    let trusted = d.join("信頼");
    let other = d.join("別");
    for (folder, cert) in [
        (&trusted, key.cert.clone()),
        (
            &other,
            kaijisho::io::signature::key::generate("別人", "", now - 86_400, 30)
                .unwrap()
                .cert,
        ),
    ] {
        std::fs::create_dir(folder).unwrap();
        std::fs::write(folder.join("c.der"), der::Encode::to_der(&cert).unwrap()).unwrap();
    }

    // A file there that is no certificate: said, and the others still count.
    std::fs::write(
        trusted.join("壊れた.pem"),
        "-----BEGIN CERTIFICATE-----\nxx\n",
    )
    .unwrap();
    let mut h = harness(d);
    menu(&mut h, "ファイル", "開く…");
    answer_path(&mut h, &file);
    assert!(shows(&h, "(署名者の身元は未確認)"));
    let choose = |h: &mut H, folder: &Path| {
        h.get_by_label("選ぶ…").click();
        settle(h);
        common::gui::retype(
            h,
            Role::TextInput,
            "フォルダのパス",
            &folder.display().to_string(),
        );
        h.get_by_label("OK").click();
        settle(h);
    };
    menu(&mut h, "ファイル", "病院名と確認者…");
    assert!(shows(&h, "信頼する証明書のフォルダー"));
    choose(&mut h, &trusted);
    assert_eq!(
        h.state().state.settings.trust_folder.as_deref(),
        Some(trusted.as_path())
    );
    assert!(shows(&h, "署名: 署名は有効です"), "confirmed by the folder");
    assert!(
        shows(&h, "読めないファイルがあります") && shows(&h, "壊れた.pem"),
        "the file that does not read is named"
    );
    choose(&mut h, &other);
    assert!(
        shows(&h, "署名者を確認できません"),
        "another certificate does not confirm it"
    );
    h.get_by_label("外す").click();
    settle(&mut h);
    assert!(
        shows(&h, "(署名者の身元は未確認)"),
        "no folder: unconfirmed"
    );
    assert!(!h.state().state.settings.system_trust);
    h.get_by_label("OS の証明書ストアの証明書も信頼する")
        .click();
    settle(&mut h);
    assert!(
        h.state().state.settings.system_trust,
        "the checkbox sets it"
    );
}
