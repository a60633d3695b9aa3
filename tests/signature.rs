//! Signed statements end to end, with certificates the test makes itself (openssl): sign →
//! verify from the JSON, from our workbook, from our workbook after LibreOffice re-saved it (a
//! file-disarm gateway rebuilds Office files the same way) and from a filled official
//! workbook with the `.p7s` beside it; an answer changed → invalid, naming the question; a
//! wrong trust anchor → identity not verified but content intact; an expired certificate →
//! said; `openssl cms -verify` accepts the detached signature over `kaijisho canonical`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::*;

mod common {
    pub mod cli;
    pub mod layouts;
    pub mod office;
    pub mod tools;
    pub mod tsa;
}
use common::cli::kaijisho_ja;
use common::tsa::openssl_args as openssl;

const PASSWORD: &str = "秘密-pass";

/// A CA, a vendor certificate it issued (RSA, with a Japanese name) in `vendor.p12`, an ECDSA
/// P-256 self-signed one in `ec.p12`, and an unrelated CA `other.pem`.
fn certificates(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "3650",
            "-subj",
            "/CN=Test Root CA/O=Test Trust",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "vendor.key",
            "-out",
            "vendor.csr",
            "-utf8",
            "-subj",
            "/CN=山田 太郎/O=株式会社サンプル医療",
        ],
    );
    std::fs::write(
        dir.join("ext.cnf"),
        "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "vendor.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "vendor.pem",
            "-days",
            "365",
            "-extfile",
            "ext.cnf",
        ],
    );
    let pass = format!("pass:{PASSWORD}");
    openssl(
        dir,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            "vendor.key",
            "-in",
            "vendor.pem",
            "-certfile",
            "ca.pem",
            "-out",
            "vendor.p12",
            "-passout",
            &pass,
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "ec.key",
            "-out",
            "ec.pem",
            "-days",
            "30",
            "-subj",
            "/CN=EC Signer",
        ],
    );
    openssl(
        dir,
        &[
            "pkcs12", "-export", "-inkey", "ec.key", "-in", "ec.pem", "-out", "ec.p12", "-passout",
            &pass,
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "other.key",
            "-out",
            "other.pem",
            "-days",
            "3650",
            "-subj",
            "/CN=Other CA",
        ],
    );
}

/// The sample MDS statement saved in `dir`.
fn statement(dir: &Path) -> PathBuf {
    let p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
    let path = dir.join("statement.json");
    kaijisho::io::save_project(&path, &p).unwrap();
    path
}

fn sign(dir: &Path, statement: &Path, cert: &str, extra: &[&str]) -> String {
    let out = kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", PASSWORD)
        .arg("sign")
        .arg(statement)
        .arg("--cert")
        .arg(dir.join(cert))
        .args(extra)
        .assert()
        .code(0);
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn verify(file: &Path, extra: &[&std::ffi::OsStr], code: i32) -> String {
    let out = kaijisho_ja()
        .arg("verify")
        .arg(file)
        .args(extra)
        .assert()
        .code(code);
    let o = out.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn sign_and_verify_from_json_with_trust_anchors_and_a_changed_answer() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    let said = sign(d, &st, "vendor.p12", &[]);
    assert!(
        said.contains("山田 太郎") && said.contains("statement.p7s"),
        "{said}"
    );
    assert!(d.join("statement.p7s").is_file());
    // The .p7s alone is no statement: the user is told what to give.
    let out = verify(&d.join("statement.p7s"), &[], 2);
    assert!(
        out.contains("署名ファイルです") && out.contains("--signature"),
        "{out}"
    );

    let out = verify(&st, &[], 0);
    assert!(
        out.contains("署名は正しく、内容は署名時のままです (署名者の身元は未確認)"),
        "{out}"
    );
    assert!(
        out.contains("株式会社サンプル医療") && out.contains("内容: 署名したときのままです"),
        "{out}"
    );
    let ca = d.join("ca.pem");
    let out = verify(&st, &["--trust".as_ref(), ca.as_os_str()], 0);
    assert!(
        out.contains("署名は有効です\n") && out.contains("Test Root CA"),
        "{out}"
    );
    // A folder of trusted certificates works the same; a file there that does not read is
    // said, and the others still count.
    let folder = d.join("trusted");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&ca, folder.join("ca.crt")).unwrap();
    std::fs::write(folder.join("壊れた.pem"), b"junk").unwrap();
    let out = verify(&st, &["--trust".as_ref(), folder.as_os_str()], 0);
    assert!(out.contains("壊れた.pem"), "{out}");
    // A PEM as openssl writes it, with bag attributes in another encoding before the block.
    let mut bagged = b"Bag Attributes\n    friendlyName: \x8e\x52\x93\x63\n".to_vec();
    bagged.extend(std::fs::read(&ca).unwrap());
    let bagged_path = d.join("bagged.pem");
    std::fs::write(&bagged_path, bagged).unwrap();
    verify(&st, &["--trust".as_ref(), bagged_path.as_os_str()], 0);
    // Another CA: the identity is not verified, the content is intact — said as such.
    let other = d.join("other.pem");
    let out = verify(&st, &["--trust".as_ref(), other.as_os_str()], 1);
    assert!(
        out.contains("どれにもつながりません") && out.contains("署名したときのまま"),
        "{out}"
    );

    // One answer changed: invalid, naming the question.
    kaijisho_ja()
        .arg("answer")
        .arg(&st)
        .args(["4.1.2", "いいえ", "--remark", "後から変更"])
        .assert()
        .success();
    let out = verify(&st, &[], 1);
    assert!(out.contains("署名後に内容が変更されています"), "{out}");
    assert!(
        out.contains("1 問の回答が署名時と違います (設問 4.1.2)"),
        "{out}"
    );
    let json = kaijisho_ja()
        .args(["verify", "--format", "json"])
        .arg(&st)
        .assert()
        .code(1);
    let v: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert_eq!(v["content"]["changed"], serde_json::json!(["4.1.2"]));
}

#[test]
fn openssl_accepts_the_detached_signature_over_the_canonical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    // `kaijisho canonical` into a file, then `openssl cms -verify` of the .p7s over it.
    let openssl_verifies = |ca: &str| {
        let canonical = kaijisho_ja().arg("canonical").arg(&st).assert().code(0);
        std::fs::write(d.join("canonical.json"), &canonical.get_output().stdout).unwrap();
        Command::new("openssl")
            .current_dir(d)
            .args([
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                "statement.p7s",
            ])
            .args([
                "-content",
                "canonical.json",
                "-CAfile",
                ca,
                "-purpose",
                "any",
            ])
            .args(["-out", "/dev/null"])
            .output()
            .expect("openssl runs")
            .status
            .success()
    };
    for cert in ["vendor.p12", "ec.p12"] {
        sign(d, &st, cert, &[]);
        let ca = if cert == "ec.p12" { "ec.pem" } else { "ca.pem" };
        assert!(
            openssl_verifies(ca),
            "{cert}: openssl cms -verify accepts it"
        );
        verify(&st, &[], 0);
    }
    // The canonical bytes changed by one answer: openssl refuses too.
    kaijisho_ja()
        .arg("answer")
        .arg(&st)
        .args(["4.1.2", "いいえ"])
        .assert()
        .success();
    assert!(!openssl_verifies("ec.pem"));
}

#[test]
fn our_workbook_verifies_before_and_after_a_gateway_rebuilds_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    let xlsx = d.join("signed.xlsx");
    sign(d, &st, "vendor.p12", &["--xlsx", xlsx.to_str().unwrap()]);
    let out = verify(&xlsx, &[], 0);
    assert!(
        out.contains("署名は正しく、内容は署名時のままです (署名者の身元は未確認)"),
        "{out}"
    );
    // The detached signature checks the workbook's answers too.
    let p7s = d.join("statement.p7s");
    verify(&xlsx, &["--signature".as_ref(), p7s.as_os_str()], 0);
    // LibreOffice re-saves the workbook (as a disarm gateway rebuilds it).
    let Some(rebuilt) = common::office::convert(&xlsx, "xlsx", "xlsx") else {
        return;
    };
    let out = verify(&rebuilt, &[], 0);
    assert!(out.contains("内容: 署名したときのままです"), "{out}");
    verify(&rebuilt, &["--signature".as_ref(), p7s.as_os_str()], 0);
}

#[test]
fn keys_that_do_not_open_and_signatures_that_do_not_read_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", "違う")
        .arg("sign")
        .arg(&st)
        .arg("--cert")
        .arg(d.join("vendor.p12"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("vendor.p12")
                .and(predicate::str::contains("パスワードが違います")),
        );
    // Nothing was signed.
    assert!(!d.join("statement.p7s").exists());
    verify(&st, &[], 1);
    let junk = d.join("junk.p7s");
    std::fs::write(&junk, b"not a signature").unwrap();
    let out = verify(&st, &["--signature".as_ref(), junk.as_os_str()], 2);
    assert!(
        out.contains("junk.p7s") && out.contains("署名を読めません"),
        "{out}"
    );
}

#[test]
fn a_self_signed_trial_key_signs_and_is_shown_as_unconfirmed_and_expiry_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = statement(d);
    let key = d.join("trial.p12");
    kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", PASSWORD)
        .arg("keygen")
        .arg(&key)
        .args([
            "--name",
            "試用 花子",
            "--organization",
            "株式会社試用",
            "--days",
            "30",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("自己署名 — 身元は未確認"));
    // A validity of no days (or of centuries) is refused before anything is made.
    kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", PASSWORD)
        .arg("keygen")
        .arg(d.join("zero.p12"))
        .args(["--name", "x", "--days", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--days は 1 から 36500 までの日数",
        ));
    assert!(!d.join("zero.p12").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a private key is readable by its owner only");
    }
    let said = sign(d, &st, "trial.p12", &[]);
    assert!(said.contains("自己署名 — 身元は未確認"), "{said}");
    let out = verify(&st, &[], 0);
    assert!(
        out.contains("身元は未確認") && out.contains("試用 花子"),
        "{out}"
    );
    // A year on, the certificate has expired: signed in time as the signer states, but
    // without a trusted timestamp that proves nothing — not valid, and said why.
    let later = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        + 365 * 86_400)
        .to_string();
    let out = verify(&st, &["--now".as_ref(), later.as_ref()], 1);
    assert!(out.contains("現在は期限切れです"), "{out}");
}

#[test]
fn the_signed_pdf_carries_a_pades_signature_that_pdfsig_and_verify_accept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    let pdf = d.join("signed.pdf");
    sign(d, &st, "vendor.p12", &["--pdf", pdf.to_str().unwrap()]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.windows(20).any(|w| w == b"ETSI.CAdES.detached/"),
        "a PAdES signature dictionary"
    );
    let out = verify(&pdf, &[], 0);
    assert!(
        out.contains("署名は正しく、内容は署名時のままです (署名者の身元は未確認)")
            && out.contains("山田 太郎"),
        "{out}"
    );
    let ca = d.join("ca.pem");
    let out = verify(&pdf, &["--trust".as_ref(), ca.as_os_str()], 0);
    assert!(out.contains("Test Root CA"), "{out}");
    // A PDF carries its own signature: a .p7s given with it is refused, not ignored.
    let p7s = d.join("statement.p7s");
    let out = verify(&pdf, &["--signature".as_ref(), p7s.as_os_str()], 2);
    assert!(out.contains("--signature は使えません"), "{out}");
    if common::tools::present(&[common::tools::PDFSIG]) {
        let o = Command::new("pdfsig").arg(&pdf).output().unwrap();
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("Signature is Valid"), "{text}");
        assert!(
            text.contains("山田 太郎") || text.contains("Signer Certificate Common Name"),
            "{text}"
        );
        assert!(
            text.contains("ETSI.CAdES.detached") || text.contains("PAdES"),
            "{text}"
        );
        assert!(text.contains("Total document signed"), "{text}");
    }
    // One byte of the printed statement changed: not valid any more.
    let mut changed = bytes.clone();
    let i = changed.windows(6).position(|w| w == b"/Pages").unwrap();
    changed[i + 1] = b'Q';
    let tampered = d.join("tampered.pdf");
    std::fs::write(&tampered, &changed).unwrap();
    let out = verify(&tampered, &[], 1);
    assert!(
        out.contains("内容: 署名した後に PDF が変更されています"),
        "{out}"
    );
}

#[test]
fn a_filled_official_workbook_verifies_with_its_hidden_sheet_and_with_the_p7s_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let original = d.join("公式チェックリスト.xlsx");
    std::fs::write(&original, common::layouts::reference_column()).unwrap();
    let st = d.join("statement.json");
    kaijisho_ja()
        .arg("import")
        .arg(&original)
        .arg("-o")
        .arg(&st)
        .assert()
        .success();
    kaijisho_ja()
        .arg("answer")
        .arg(&st)
        .args(["2", "いいえ", "--remark", "来期に対応"])
        .assert()
        .success();
    // Signed, and the official workbook filled in the same step.
    let filled = d.join("記入済み.xlsx");
    sign(
        d,
        &st,
        "vendor.p12",
        &[
            "--xlsx",
            filled.to_str().unwrap(),
            "--into",
            original.to_str().unwrap(),
        ],
    );
    let p7s = d.join("statement.p7s");
    // The hospital receives the filled workbook under another name.
    let received = d.join("A社_開示書.xlsx");
    std::fs::copy(&filled, &received).unwrap();
    let out = verify(&received, &["--signature".as_ref(), p7s.as_os_str()], 0);
    assert!(out.contains("内容: 署名したときのままです"), "{out}");
    let out = verify(&received, &[], 0);
    assert!(
        out.contains("署名は正しく、内容は署名時のままです (署名者の身元は未確認)"),
        "the hidden sheet carries it: {out}"
    );
    // A gateway rebuilds it: still verifies.
    if let Some(rebuilt) = common::office::convert(&received, "xlsx", "xlsx") {
        verify(&rebuilt, &["--signature".as_ref(), p7s.as_os_str()], 0);
        verify(&rebuilt, &[], 0);
    }
}

/// Every cell of every sheet of a workbook, as text.
fn all_cells(path: &Path) -> Vec<String> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        out.extend(range.cells().map(|(_, _, v)| v.to_string()));
    }
    out
}

#[test]
fn the_dossier_says_each_statements_signature_with_the_folders_trusted_certificates() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let folder = d.join("受領");
    std::fs::create_dir_all(folder.join("証明書")).unwrap();
    std::fs::copy(d.join("ca.pem"), folder.join("証明書").join("ca.pem")).unwrap();
    // A file there that is no certificate: named on the cover, and the others still count.
    std::fs::write(
        folder.join("証明書").join("壊れた.crt"),
        b"not a certificate",
    )
    .unwrap();
    let st = statement(d);
    sign(d, &st, "vendor.p12", &[]);
    std::fs::copy(&st, folder.join("signed.json")).unwrap();
    // A workbook without its signature, the .p7s beside it.
    let xlsx = folder.join("beside.xlsx");
    kaijisho_ja()
        .arg("export")
        .arg(&st)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    let mut p: serde_json::Value = serde_json::from_slice(&std::fs::read(&st).unwrap()).unwrap();
    p.as_object_mut().unwrap().remove("signature");
    let unsigned = d.join("unsigned.json");
    std::fs::write(&unsigned, serde_json::to_vec(&p).unwrap()).unwrap();
    kaijisho_ja()
        .arg("export")
        .arg(&unsigned)
        .arg("--xlsx")
        .arg(&xlsx)
        .assert()
        .success();
    std::fs::copy(d.join("statement.p7s"), folder.join("beside.p7s")).unwrap();
    let out = d.join("dossier.xlsx");
    kaijisho_ja()
        .arg("dossier")
        .arg(&folder)
        .arg("--xlsx")
        .arg(&out)
        .assert()
        .code(predicate::in_iter([0, 1]));
    let cells = all_cells(&out).join("\n");
    assert_eq!(
        cells
            .matches("署名: 有効 (山田 太郎、身元確認済み)")
            .count(),
        2,
        "both, the workbook through its .p7s: {cells}"
    );
    assert!(
        cells.contains("信頼する証明書として読めないファイルがあります")
            && cells.contains("壊れた.crt"),
        "{cells}"
    );
}

/// A certificate issued by the vendor's own (end-entity, not a CA) certificate does not chain
/// to the CA that trusts the vendor: anyone holding an ordinary certificate could otherwise
/// issue one naming another company.
#[test]
fn a_certificate_issued_by_an_end_entity_is_not_trusted_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    openssl(
        d,
        &[
            "req",
            "-new",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "evil.key",
            "-out",
            "evil.csr",
            "-utf8",
            "-subj",
            "/CN=偽の署名者/O=別の医療機器株式会社",
        ],
    );
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            "evil.csr",
            "-CA",
            "vendor.pem",
            "-CAkey",
            "vendor.key",
            "-CAcreateserial",
            "-out",
            "evil.pem",
            "-days",
            "30",
        ],
    );
    std::fs::write(
        d.join("chain.pem"),
        [
            std::fs::read(d.join("vendor.pem")).unwrap(),
            std::fs::read(d.join("ca.pem")).unwrap(),
        ]
        .concat(),
    )
    .unwrap();
    let pass = format!("pass:{PASSWORD}");
    openssl(
        d,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            "evil.key",
            "-in",
            "evil.pem",
            "-certfile",
            "chain.pem",
            "-out",
            "evil.p12",
            "-passout",
            &pass,
        ],
    );
    let st = statement(d);
    sign(d, &st, "evil.p12", &[]);
    let ca = d.join("ca.pem");
    let out = verify(&st, &["--trust".as_ref(), ca.as_os_str()], 1);
    assert!(out.contains("どれにもつながりません"), "{out}");
}

/// A reviewer signs the hospital's review, apart from the vendor's signature: the `.p7s` beside
/// the review file verifies; a comment changed afterwards is said; moving the statement's file
/// (the review names it by another path) does not matter.
#[test]
fn a_reviewer_signs_the_review_apart_from_the_statement() {
    use kaijisho::domain::project::ReviewStatus;
    use kaijisho::domain::review::ReviewFile;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    let catalogues = kaijisho::assets::shipped_catalogues().unwrap();
    let (mut p, c) = kaijisho::io::open_project(&st, &catalogues).unwrap();
    p.review.reviewer = Some("病院 花子".into());
    p.review.set(
        "q1",
        Some(ReviewStatus::NeedsCheck),
        Some("運用を確認".into()),
    );
    p.review.set("q2", Some(ReviewStatus::Confirmed), None);
    let review_path = d.join("statement.json.review.json");
    let file = ReviewFile::of(&c, &p, "statement.json".into());
    kaijisho::io::hospital::save_review_checked(&review_path, &file, None).unwrap();

    let out = verify(&review_path, &[], 1);
    assert!(out.contains("レビューに署名がありません"), "{out}");
    let said = sign(d, &review_path, "vendor.p12", &[]);
    assert!(
        said.contains("レビュー") && said.contains("事業者の開示書には署名していません"),
        "{said}"
    );
    let p7s = d.join("statement.json.review.p7s");
    assert!(p7s.is_file());
    assert!(
        !d.join("statement.p7s").exists(),
        "the vendor's statement is not signed"
    );
    let ca = d.join("ca.pem");
    let out = verify(&review_path, &["--trust".as_ref(), ca.as_os_str()], 0);
    assert!(
        out.contains("署名は有効です\n") && out.contains("山田 太郎"),
        "{out}"
    );
    // The same review naming its statement by a full path, its items in another order.
    let mut moved = file.clone();
    moved.statement.file = d.join("statement.json").display().to_string();
    moved.review.items.reverse();
    std::fs::write(&review_path, serde_json::to_vec_pretty(&moved).unwrap()).unwrap();
    verify(&review_path, &[], 0);
    // A comment changed after signing: said.
    let mut changed = moved.clone();
    changed.review.items.get_mut("q1").unwrap().comment = "問題なし".into();
    std::fs::write(&review_path, serde_json::to_vec_pretty(&changed).unwrap()).unwrap();
    let out = verify(&review_path, &[], 1);
    assert!(
        out.contains("署名した後にレビュー (確認状況・コメント・確認者・日付) が変更されています"),
        "{out}"
    );
    // A review has no PDF or workbook to sign.
    kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", PASSWORD)
        .arg("sign")
        .arg(&review_path)
        .arg("--cert")
        .arg(d.join("vendor.p12"))
        .arg("--pdf")
        .arg(d.join("x.pdf"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--pdf と --xlsx は使えません"));
}

/// `verify --system-trust`: the operating system's store as trust anchors (here the CA bundle
/// named by `SSL_CERT_FILE`, as on Linux; the Windows store is read the same way by
/// rustls-native-certs).
#[test]
fn the_system_certificate_store_confirms_a_signer_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    certificates(d);
    let st = statement(d);
    sign(d, &st, "vendor.p12", &[]);
    let run = |bundle: &str, code: i32| {
        let out = kaijisho_ja()
            .env("SSL_CERT_FILE", d.join(bundle))
            .env_remove("SSL_CERT_DIR")
            .arg("verify")
            .arg(&st)
            .arg("--system-trust")
            .assert()
            .code(code);
        String::from_utf8_lossy(&out.get_output().stdout).into_owned()
    };
    let out = run("ca.pem", 0);
    assert!(
        out.contains("署名は有効です\n") && out.contains("Test Root CA"),
        "{out}"
    );
    let out = run("other.pem", 1);
    assert!(out.contains("署名者を確認できません"), "{out}");
}
