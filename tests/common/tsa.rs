//! A timestamp authority for the tests, run by openssl (`openssl ts -reply`), and the
//! certificates around it: a root CA, a vendor certificate it issued and the TSA's.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

/// Runs openssl in `dir` with `args` split at spaces (none of them holds one).
pub fn openssl(dir: &Path, args: &str) {
    openssl_args(dir, &args.split(' ').collect::<Vec<_>>());
}

/// Runs openssl in `dir` with `args` as they are; it must succeed.
pub fn openssl_args(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs (package openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

const TSA_CONFIG: &str = "\
[ tsa ]
default_tsa = tsa1
[ tsa1 ]
serial = ./tsaserial
crypto_device = builtin
signer_cert = ./tsa.pem
certs = ./ca.pem
signer_key = ./tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
";

/// A root CA; an intermediate CA it certified for `vendor_days` + 10 (`sub.pem`); a vendor
/// certificate the intermediate issued for `vendor_days` (`vendor.p12`, with its chain); a
/// certificate for TLS servers only, issued the same way (`server.p12`); a timestamp authority
/// the root certified for ten years (`tsa.pem`, extended key usage timeStamping); an unrelated
/// CA (`other.pem`); the TSA's configuration (`tsa.cnf`, ESS v2 with SHA-256) and one writing
/// the older ESS v1 with SHA-1 (`tsa-v1.cnf`).
pub fn certificates(dir: &Path, password: &str, vendor_days: u32) {
    let ec = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes";
    openssl(
        dir,
        &format!(
            "req -x509 {ec} -keyout ca.key -out ca.pem -days 3650 -subj /CN=Test-Root-CA \
             -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign"
        ),
    );
    openssl(
        dir,
        &format!("req -x509 {ec} -keyout other.key -out other.pem -days 3650 -subj /CN=Other-CA"),
    );
    let sub_days = vendor_days + 10;
    for (name, ext, days, ca) in [
        (
            "sub",
            "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign",
            sub_days,
            "ca",
        ),
        ("vendor", "keyUsage=digitalSignature", vendor_days, "sub"),
        (
            "server",
            "keyUsage=digitalSignature\nextendedKeyUsage=serverAuth",
            vendor_days,
            "sub",
        ),
        (
            "tsa",
            "keyUsage=digitalSignature\nextendedKeyUsage=critical,timeStamping",
            3650,
            "ca",
        ),
    ] {
        std::fs::write(dir.join(format!("{name}.ext")), ext).unwrap();
        openssl(
            dir,
            &format!("req -new {ec} -keyout {name}.key -out {name}.csr -subj /CN={name}-cert"),
        );
        openssl(
            dir,
            &format!(
                "x509 -req -in {name}.csr -CA {ca}.pem -CAkey {ca}.key -CAcreateserial \
                 -out {name}.pem -days {days} -extfile {name}.ext"
            ),
        );
    }
    for name in ["vendor", "server"] {
        openssl(
            dir,
            &format!(
                "pkcs12 -export -inkey {name}.key -in {name}.pem -certfile sub.pem \
                 -out {name}.p12 -passout pass:{password}"
            ),
        );
    }
    std::fs::write(dir.join("tsa.cnf"), TSA_CONFIG).unwrap();
    std::fs::write(
        dir.join("tsa-v1.cnf"),
        TSA_CONFIG.replace("ess_cert_id_alg = sha256", "ess_cert_id_alg = sha1"),
    )
    .unwrap();
    std::fs::write(dir.join("tsaserial"), "01\n").unwrap();
}

/// The timestamp authority answers `query` with `reply` (`token`: the bare token).
pub fn tsa_reply(dir: &Path, query: &str, reply: &str, token: bool) {
    tsa_reply_with(dir, "tsa.cnf", query, reply, token);
}

/// [`tsa_reply`] by the TSA configured in `config`.
pub fn tsa_reply_with(dir: &Path, config: &str, query: &str, reply: &str, token: bool) {
    let mut args = format!("ts -reply -config {config} -queryfile {query} -out {reply}");
    if token {
        args.push_str(" -token_out");
    }
    openssl(dir, &args);
}
