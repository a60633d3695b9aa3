//! Speed of signed statements on the generated 300-question statement
//! (tests/common/synthetic.rs): signing (canonical statement, manifest, CMS) and verifying,
//! with an RSA-2048 key (what most company certificates hold) and an ECDSA P-256 one; the PDF's
//! PAdES signature over an exported PDF. The target: sign and verify ≤ 50 ms each.
//! `cargo bench --bench signature`; figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kaijisho::app::signature::{sign, verify_statement};
use kaijisho::io::signature::key::{SigningKey, generate, load_pkcs12};
use kaijisho::io::signature::pades::{PdfSignatureInfo, sign_pdf};

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

/// An RSA-2048 key and self-signed certificate made by openssl, read from its PKCS#12 file
/// (None when openssl is not installed).
fn rsa_key(dir: &std::path::Path) -> Option<SigningKey> {
    let ok = std::process::Command::new("openssl")
        .current_dir(dir)
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "k.pem",
            "-out",
            "c.pem",
            "-days",
            "30",
            "-subj",
            "/CN=Bench/O=Bench",
        ])
        .output()
        .ok()?
        .status
        .success()
        && std::process::Command::new("openssl")
            .current_dir(dir)
            .args([
                "pkcs12", "-export", "-inkey", "k.pem", "-in", "c.pem", "-out", "k.p12",
                "-passout", "pass:pw",
            ])
            .output()
            .ok()?
            .status
            .success();
    ok.then(|| load_pkcs12(&dir.join("k.p12"), "pw").unwrap())
}

fn signature(c: &mut Criterion) {
    let cat = synthetic::catalogue();
    let project = synthetic::answered_project(&cat);
    let dir = tempfile::tempdir().unwrap();
    let start = kaijisho::app::signature::now_secs();
    let mut keys = vec![("p256", generate("Bench", "Bench", start - 60, 30).unwrap())];
    if let Some(k) = rsa_key(dir.path()) {
        keys.push(("rsa2048", k));
    }
    // After the certificates were made (openssl's starts now): within every one's validity.
    let now = kaijisho::app::signature::now_secs() + 1;
    let mut g = c.benchmark_group("signature_300q");
    for (name, key) in &keys {
        let (stored, _) = sign(&cat, &project, key, now).unwrap();
        let mut signed = project.clone();
        signed.signature = Some(stored);
        g.bench_function(format!("sign_{name}"), |b| {
            b.iter(|| sign(black_box(&cat), black_box(&project), key, now).unwrap())
        });
        g.bench_function(format!("verify_{name}"), |b| {
            b.iter(|| {
                let o = verify_statement(
                    black_box(&cat),
                    black_box(&signed),
                    None,
                    Default::default(),
                    now,
                );
                assert!(o.is_valid());
            })
        });
    }
    let form = kaijisho::assets::form().unwrap();
    let font = kaijisho::assets::print_font().unwrap();
    let pdf = kaijisho::io::pdf::statement_pdf(&cat, &project, &form, font, &jiff::Zoned::now())
        .unwrap()
        .bytes;
    let (_, key) = &keys[keys.len() - 1];
    let info = PdfSignatureInfo {
        name: "Bench",
        reason: "bench",
        time: now,
    };
    g.bench_function("pades_sign_pdf", |b| {
        b.iter(|| sign_pdf(black_box(&pdf), key, &info).unwrap())
    });
    g.finish();
}

criterion_group!(benches, signature);
criterion_main!(benches);
