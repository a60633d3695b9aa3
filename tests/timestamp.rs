//! Trusted timestamps (RFC 3161) on signatures, with a timestamp authority the test runs itself
//! (`openssl ts -reply`): the request kaijisho writes is one a TSA answers; the reply taken
//! into a statement's signature, its `.p7s` and a signed PDF keeps the signature valid after
//! the signer's certificate expired; a reply for another signature, a refusal and a TSA that
//! chains to no trusted certificate are each said.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common {
    pub mod cli;
    pub mod tools;
    pub mod tsa;
}
use common::cli::kaijisho_ja;
use common::tsa::{openssl, tsa_reply, tsa_reply_with};

const PASSWORD: &str = "秘密-pass";
const DAY: u64 = 86_400;

fn statement(dir: &Path) -> PathBuf {
    let p = kaijisho::assets::sample_project("mds-checksheet-sample").unwrap();
    let path = dir.join("statement.json");
    kaijisho::io::save_project(&path, &p).unwrap();
    path
}

fn run(args: &[&OsStr], code: i32) -> String {
    let out = kaijisho_ja()
        .env("KAIJISHO_CERT_PASSWORD", PASSWORD)
        .args(args)
        .assert()
        .code(code);
    let o = out.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn now_year() -> String {
    jiff::Timestamp::now().strftime("%Y").to_string()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Requests a timestamp for `file` (statement, `.p7s` or PDF) and takes the TSA's reply in.
fn timestamp(dir: &Path, file: &Path, token: bool) -> String {
    timestamp_by(dir, "tsa.cnf", file, token)
}

/// [`timestamp`] by the TSA configured in `config`.
fn timestamp_by(dir: &Path, config: &str, file: &Path, token: bool) -> String {
    let tsq = dir.join("request.tsq");
    let said = run(
        &[
            "timestamp".as_ref(),
            file.as_os_str(),
            "--request".as_ref(),
            tsq.as_os_str(),
        ],
        0,
    );
    assert!(said.contains("時刻認証局に送り"), "{said}");
    tsa_reply_with(dir, config, "request.tsq", "reply.tsr", token);
    let reply = dir.join("reply.tsr");
    run(
        &[
            "timestamp".as_ref(),
            file.as_os_str(),
            "--reply".as_ref(),
            reply.as_os_str(),
        ],
        0,
    )
}

#[test]
fn a_timestamped_statement_stays_valid_after_its_certificate_expires() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::tsa::certificates(d, PASSWORD, 30);
    let st = statement(d);
    let cert = d.join("vendor.p12");
    run(
        &[
            "sign".as_ref(),
            st.as_os_str(),
            "--cert".as_ref(),
            cert.as_os_str(),
        ],
        0,
    );
    let ca = d.join("ca.pem");
    let trust: [&OsStr; 2] = ["--trust".as_ref(), ca.as_os_str()];
    let later = (now() + 60 * DAY).to_string();
    let at_later: [&OsStr; 2] = ["--now".as_ref(), later.as_ref()];
    let verify = |extra: &[&OsStr], code: i32| {
        let mut args: Vec<&OsStr> = vec!["verify".as_ref(), st.as_os_str()];
        args.extend_from_slice(extra);
        run(&args, code)
    };
    // Before: two months on, the vendor's certificate has expired and nothing proves when it
    // signed.
    let out = verify(&[&trust[..], &at_later[..]].concat(), 1);
    assert!(out.contains("現在は期限切れです"), "{out}");

    let said = timestamp(d, &st, false);
    assert!(said.contains("タイムスタンプを付けました"), "{said}");
    // Now: valid today, and still valid after the certificate expired — the timestamp's time
    // stands in for the signer's claim.
    let out = verify(&trust, 0);
    assert!(
        out.contains("署名は有効です\n")
            && out.contains("タイムスタンプ: ")
            && out.contains("tsa-cert。信頼する証明書につながります"),
        "{out}"
    );
    // Two months on, the vendor's certificate and the intermediate CA that issued it have
    // expired: the chain is checked at the timestamp's time.
    let out = verify(&[&trust[..], &at_later[..]].concat(), 0);
    assert!(
        out.contains("現在は期限切れですが、タイムスタンプの時刻"),
        "{out}"
    );
    // Checked on a machine whose clock is a day behind: a time ahead of it is not used.
    let earlier = (now() - DAY).to_string();
    let out = verify(
        &[&trust[..], &["--now".as_ref(), earlier.as_ref()][..]].concat(),
        1,
    );
    assert!(out.contains("このコンピューターの時計より先"), "{out}");
    // Without trusted certificates the timestamp authority is anyone: its time does not stand
    // in for the expired certificate.
    let out = verify(&at_later, 1);
    assert!(
        out.contains("時刻認証局を信頼する証明書で確認できないため"),
        "{out}"
    );
    let json = verify(
        &[
            &trust[..],
            &at_later[..],
            &["--format".as_ref(), "json".as_ref()],
        ]
        .concat(),
        0,
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["timestamp"]["state"], "trusted", "{json}");
    assert_eq!(v["valid_now"], false);
    assert_eq!(v["valid_in_time"], true);
    // The .p7s beside the statement carries the same timestamp.
    let p7s = d.join("statement.p7s");
    let out = verify(
        &[
            &["--signature".as_ref(), p7s.as_os_str()][..],
            &trust[..],
            &at_later[..],
        ]
        .concat(),
        0,
    );
    assert!(out.contains("タイムスタンプ: "), "{out}");
    // A TSA that chains to none of the trusted certificates: its time is not used.
    let other = d.join("other.pem");
    let out = verify(
        &[&["--trust".as_ref(), other.as_os_str()][..], &at_later[..]].concat(),
        1,
    );
    assert!(out.contains("時刻として使いません"), "{out}");
    // One answer changed after the timestamp: the content check is unaffected by it.
    run(
        &[
            "answer".as_ref(),
            st.as_os_str(),
            "4.1.2".as_ref(),
            "いいえ".as_ref(),
        ],
        0,
    );
    let out = verify(&trust, 1);
    assert!(out.contains("4.1.2"), "{out}");
    // ... and a signature the content no longer matches takes no timestamp.
    let again = d.join("again.tsq");
    let out = run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--request".as_ref(),
            again.as_os_str(),
        ],
        2,
    );
    assert!(out.contains("署名した後に開示書が変更されている"), "{out}");
    assert!(!again.exists());

    // A certificate for TLS servers only, from the same CA: not one to sign documents with.
    let server = d.join("server.json");
    std::fs::copy(d.join("statement.json.bak"), &server).unwrap();
    let cert = d.join("server.p12");
    run(
        &[
            "sign".as_ref(),
            server.as_os_str(),
            "--cert".as_ref(),
            cert.as_os_str(),
        ],
        0,
    );
    let out = run(
        &[&["verify".as_ref(), server.as_os_str()][..], &trust[..]].concat(),
        1,
    );
    assert!(
        out.contains("用途 (拡張鍵用途) が文書への署名ではありません"),
        "{out}"
    );
}

#[test]
fn a_reply_for_another_signature_or_a_refusal_is_said_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::tsa::certificates(d, PASSWORD, 30);
    let st = statement(d);
    let cert = d.join("vendor.p12");
    let sign = || {
        run(
            &[
                "sign".as_ref(),
                st.as_os_str(),
                "--cert".as_ref(),
                cert.as_os_str(),
            ],
            0,
        )
    };
    sign();
    let tsq = d.join("request.tsq");
    run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--request".as_ref(),
            tsq.as_os_str(),
        ],
        0,
    );
    tsa_reply(d, "request.tsq", "old.tsr", false);
    // Changed and signed again (a new signature value): the old reply is for the other
    // signature.
    run(
        &[
            "answer".as_ref(),
            st.as_os_str(),
            "4.1.2".as_ref(),
            "いいえ".as_ref(),
        ],
        0,
    );
    sign();
    let before = std::fs::read(&st).unwrap();
    let old = d.join("old.tsr");
    let out = run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--reply".as_ref(),
            old.as_os_str(),
        ],
        2,
    );
    assert!(
        out.contains("old.tsr") && out.contains("別の署名に対するもの"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&st).unwrap(),
        before,
        "the statement is unchanged"
    );
    // A request the TSA refuses (a digest it does not accept): its status is said.
    openssl(d, "ts -query -data tsa.cnf -sha1 -cert -out sha1.tsq");
    tsa_reply(d, "sha1.tsq", "refused.tsr", false);
    let refused = d.join("refused.tsr");
    let out = run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--reply".as_ref(),
            refused.as_os_str(),
        ],
        2,
    );
    assert!(
        out.contains("時刻認証局が要求を断りました (状態 2)"),
        "{out}"
    );
    // A reply altered on the way (its time changed): the TSA's signature no longer holds.
    run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--request".as_ref(),
            tsq.as_os_str(),
        ],
        0,
    );
    tsa_reply(d, "request.tsq", "new.tsr", false);
    let mut bytes = std::fs::read(d.join("new.tsr")).unwrap();
    let year = now_year();
    let at = bytes
        .windows(4)
        .rposition(|w| w == year.as_bytes())
        .expect("the reply states the year");
    bytes[at + 3] ^= 0x01;
    let altered = d.join("altered.tsr");
    std::fs::write(&altered, &bytes).unwrap();
    let out = run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--reply".as_ref(),
            altered.as_os_str(),
        ],
        2,
    );
    assert!(out.contains("時刻認証局の署名を検証できません"), "{out}");
    // Not a reply at all.
    let out = run(
        &[
            "timestamp".as_ref(),
            st.as_os_str(),
            "--reply".as_ref(),
            d.join("tsa.cnf").as_os_str(),
        ],
        2,
    );
    assert!(
        out.contains("タイムスタンプの応答 (RFC 3161) ではありません"),
        "{out}"
    );
    assert_eq!(
        std::fs::read(&st).unwrap(),
        before,
        "the statement is unchanged"
    );
    // An unsigned statement has nothing to timestamp.
    let unsigned = d.join("unsigned.json");
    kaijisho::io::save_project(
        &unsigned,
        &kaijisho::assets::sample_project("mds-checksheet-sample").unwrap(),
    )
    .unwrap();
    let out = run(
        &[
            "timestamp".as_ref(),
            unsigned.as_os_str(),
            "--request".as_ref(),
            d.join("x.tsq").as_os_str(),
        ],
        2,
    );
    assert!(
        out.contains("タイムスタンプを付ける署名がありません"),
        "{out}"
    );
}

#[test]
fn a_signed_pdf_and_a_detached_signature_take_a_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    common::tsa::certificates(d, PASSWORD, 30);
    let st = statement(d);
    let cert = d.join("vendor.p12");
    let pdf = d.join("signed.pdf");
    run(
        &[
            "sign".as_ref(),
            st.as_os_str(),
            "--cert".as_ref(),
            cert.as_os_str(),
            "--pdf".as_ref(),
            pdf.as_os_str(),
        ],
        0,
    );
    let size = std::fs::metadata(&pdf).unwrap().len();
    // The bare token (as some tools save it) is taken as well as a whole reply.
    timestamp(d, &pdf, true);
    assert_eq!(
        std::fs::metadata(&pdf).unwrap().len(),
        size,
        "written into the signature's space in place"
    );
    let ca = d.join("ca.pem");
    let later = (now() + 60 * DAY).to_string();
    let out = run(
        &[
            "verify".as_ref(),
            pdf.as_os_str(),
            "--trust".as_ref(),
            ca.as_os_str(),
            "--now".as_ref(),
            later.as_ref(),
        ],
        0,
    );
    assert!(
        out.contains("署名は有効です\n") && out.contains("タイムスタンプの時刻"),
        "{out}"
    );
    if common::tools::present(&[common::tools::PDFSIG]) {
        let o = Command::new("pdfsig").arg(&pdf).output().unwrap();
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains("Signature is Valid"), "{text}");
        assert!(text.contains("Total document signed"), "{text}");
    }
    // Appended to after signing: the signature is not the PDF's last word, and its space is
    // not written into.
    let mut appended = std::fs::read(&pdf).unwrap();
    appended.extend_from_slice(b"% later\n");
    let later_pdf = d.join("appended.pdf");
    std::fs::write(&later_pdf, &appended).unwrap();
    let reply = d.join("reply.tsr");
    let out = run(
        &[
            "timestamp".as_ref(),
            later_pdf.as_os_str(),
            "--reply".as_ref(),
            reply.as_os_str(),
        ],
        2,
    );
    assert!(out.contains("署名した後に PDF が変更されている"), "{out}");
    // A detached signature on its own, stamped by a TSA writing the older ESS v1 (SHA-1).
    let p7s = d.join("statement.p7s");
    let copy = d.join("copy.p7s");
    std::fs::copy(&p7s, &copy).unwrap();
    timestamp_by(d, "tsa-v1.cnf", &copy, false);
    let out = run(
        &[
            "verify".as_ref(),
            st.as_os_str(),
            "--signature".as_ref(),
            copy.as_os_str(),
            "--trust".as_ref(),
            ca.as_os_str(),
            "--now".as_ref(),
            later.as_ref(),
        ],
        0,
    );
    assert!(out.contains("タイムスタンプの時刻"), "{out}");
    // openssl still reads the timestamped .p7s as a valid signature over the canonical bytes.
    let canonical = d.join("canonical.json");
    let dumped = kaijisho_ja().arg("canonical").arg(&st).assert().success();
    std::fs::write(&canonical, &dumped.get_output().stdout).unwrap();
    openssl(
        d,
        "cms -verify -binary -inform DER -in copy.p7s -content canonical.json -CAfile ca.pem \
         -purpose any -out /dev/null",
    );
}
