//! `kaijisho sign`, `kaijisho verify` and `kaijisho keygen`: the vendor's content signature
//! over the canonical statement, stored in the statement and written beside it as `.p7s`;
//! its verification from whatever arrived (JSON, our workbook, the filled official workbook
//! with the `.p7s` beside it); and a self-signed key for trials.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{Command, Format};
use super::error::CliError;
use super::open;
use super::output::{emit, printable, written};
use crate::app::signature::{self as sig, Outcome};
use crate::domain::edit::Edit;
use crate::i18n::signature::{Signed, describe, time_text};
use crate::i18n::{Localize, Localizer};
use crate::io::signature::error::SignatureError;
use crate::io::signature::key::{self, SigningKey};
use crate::io::signature::verify::{ContentState, MAX_SIGNATURE_BYTES, Trust, Trusted};

/// The longest a trial key may be valid, in days (a hundred years).
const MAX_KEY_DAYS: u32 = 36_500;

/// The environment variable a script gives the certificate's password in.
pub const PASSWORD_VAR: &str = "KAIJISHO_CERT_PASSWORD";

pub(super) fn sig_err(l: &Localizer, e: &SignatureError) -> CliError {
    CliError::Said(e.localize(l))
}

/// The password: from `KAIJISHO_CERT_PASSWORD`, else asked at the terminal without echo
/// (`confirm`: asked twice, for a new key).
pub(super) fn password(l: &Localizer, file: &Path, confirm: bool) -> Result<String, CliError> {
    if let Some(p) = std::env::var_os(PASSWORD_VAR) {
        // The password itself is never shown, not even its bytes.
        return p.into_string().map_err(|_not_utf8| {
            CliError::Said(l.ta("sig-password-not-utf8", &[("var", PASSWORD_VAR.into())]))
        });
    }
    let no_terminal = |e: std::io::Error| {
        CliError::Said(l.ta(
            "sig-password-no-terminal",
            &[
                ("var", PASSWORD_VAR.into()),
                ("detail", e.to_string().into()),
            ],
        ))
    };
    let prompt = l.ta(
        "sig-password-prompt",
        &[("file", file.display().to_string().into())],
    );
    let first = rpassword::prompt_password(format!("{prompt} ")).map_err(no_terminal)?;
    if confirm {
        let again = rpassword::prompt_password(format!("{} ", l.t("sig-password-again")))
            .map_err(no_terminal)?;
        if again != first {
            return Err(CliError::Said(l.t("sig-password-mismatch")));
        }
    }
    Ok(first)
}

/// `sign`, `verify` and `keygen` (other commands: nothing to do here).
pub(super) fn run(l: &Localizer, command: Command) -> Result<ExitCode, CliError> {
    match command {
        Command::Sign {
            statement,
            cert,
            pdf,
            xlsx,
            into,
        } => sign(
            l,
            &statement,
            &cert,
            (pdf.as_deref(), xlsx.as_deref(), into.as_deref()),
        ),
        Command::Verify {
            file,
            signature,
            trust,
            system_trust,
            format,
            now,
        } => verify(
            l,
            &file,
            signature.as_deref(),
            (&trust, system_trust),
            format,
            now,
        ),
        Command::Keygen {
            output,
            name,
            organization,
            days,
            force,
        } => {
            let org = organization
                .map(|o| super::text("--organization", o))
                .transpose()?;
            let name = super::text("--name", name)?;
            if !(1..=MAX_KEY_DAYS).contains(&days) {
                return Err(CliError::Said(
                    l.ta("sig-keygen-days-range", &[("max", MAX_KEY_DAYS.into())]),
                ));
            }
            let who = (name.as_str(), org.as_deref().unwrap_or_default());
            keygen(l, &output, who, days, force)
        }
        Command::Timestamp {
            file,
            request,
            reply,
        } => super::timestamp::run(l, &file, (request.as_deref(), reply.as_deref())),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Signs a statement (a project file): stores the signature in it and writes `<name>.p7s`;
/// then, when asked, the signed statement's workbook and PDF.
pub(super) fn sign(
    l: &Localizer,
    statement: &Path,
    cert: &Path,
    (pdf, xlsx, into): (Option<&Path>, Option<&Path>, Option<&Path>),
) -> Result<ExitCode, CliError> {
    if crate::io::hospital::is_review_file(statement) {
        return super::review_signature::sign(l, statement, cert, pdf.or(xlsx));
    }
    let p7s = sig::p7s_path(statement);
    super::check_outputs(&[Some(&p7s), xlsx, pdf], &[statement, cert])?;
    let shipped = crate::assets::shipped_catalogues()?;
    let lock = crate::io::lock::FileLock::acquire(statement).map_err(crate::io::FileError::from)?;
    let (mut project, catalogue) = crate::io::json::open_project(statement, &shipped)?;
    let pass = password(l, cert, false)?;
    let key: SigningKey = key::load_pkcs12(cert, &pass).map_err(|e| sig_err(l, &e))?;
    let now = sig::now_secs();
    sig::check_valid(cert, &key, now).map_err(|e| sig_err(l, &e))?;
    // The review is not part of what is signed: signing a reviewed statement is allowed, and
    // the signature covers only the vendor's content (the canonical statement).
    let (stored, der) = sig::sign(&catalogue, &project, &key, now).map_err(|e| sig_err(l, &e))?;
    project.apply(&catalogue, &Edit::Signature(Some(stored)))?;
    crate::io::json::save_project_locked(&lock, &project)?;
    drop(lock);
    crate::io::atomic::atomic_write(&p7s, |w| w.write_all(&der))
        .map_err(crate::io::FileError::from)?;
    emit(&signed_report(l, "sig-signed", statement, &key, &p7s))?;
    if let Some(out) = pdf {
        // The PDF carries its own (PAdES) signature by the same certificate.
        let form = crate::assets::form()?;
        let font = crate::assets::print_font()?;
        let generated = crate::io::clock::now();
        let signed = sig::signed_pdf(
            &catalogue,
            &project,
            &key,
            (&form, font),
            &generated,
            &l.t("sig-pdf-reason"),
        )
        .map_err(|e| match e {
            sig::SignError::Pdf(e) => CliError::Pdf(e),
            sig::SignError::Signature(e) => sig_err(l, &e),
        })?;
        crate::io::atomic::atomic_write(out, |w| w.write_all(&signed.bytes))
            .map_err(crate::io::FileError::from)?;
        super::output::emit_pdf_notes(l, out, &signed.notes);
        emit(&written(l, out))?;
    }
    if xlsx.is_some() {
        let consent = crate::io::xlsx::Consent::default();
        return super::export::run(l, statement, (None, xlsx), into.map(|i| (i, consent)));
    }
    Ok(ExitCode::SUCCESS)
}

/// The certificates of `--trust`: a file that does not read is an error; in a folder, it is
/// said and the folder's other certificates still count.
fn trusted_certificates(
    l: &Localizer,
    trust: &[PathBuf],
) -> Result<Vec<x509_cert::Certificate>, CliError> {
    use crate::io::signature::trust::{MAX_CERTS, load_folder, read_certificates};
    let mut certs = Vec::new();
    for p in trust {
        if p.is_dir() {
            let (read, problems) = load_folder(p);
            for e in &problems {
                super::output::emit_err(&l.ta(
                    "organisation-trust-problem",
                    &[("problem", e.localize(l).into())],
                ));
            }
            certs.extend(read);
        } else {
            certs.extend(read_certificates(p).map_err(|e| sig_err(l, &e))?);
        }
        if certs.len() > MAX_CERTS {
            let e = SignatureError::TooManyCertificates {
                path: p.clone(),
                limit: MAX_CERTS,
            };
            return Err(sig_err(l, &e));
        }
    }
    Ok(certs)
}

/// What signing `file` says (message `id`): who signed, a self-signed key said as such, and
/// the `.p7s` written.
pub(super) fn signed_report(
    l: &Localizer,
    id: &str,
    file: &Path,
    key: &SigningKey,
    p7s: &Path,
) -> String {
    let info = crate::io::signature::cert::info(&key.cert);
    let mut report = l.ta(
        id,
        &[
            ("file", file.display().to_string().into()),
            ("name", info.common_name.clone().into()),
            ("organization", info.organization.clone().into()),
        ],
    );
    report.push('\n');
    if info.self_signed {
        report.push_str(&format!("{}\n", l.t("sig-line-self-signed")));
    }
    report.push_str(&written(l, p7s));
    report
}

/// Verifies a signed PDF (its PAdES signature): exit 0 valid, 1 invalid or unsigned.
fn verify_pdf(
    l: &Localizer,
    file: &Path,
    bytes: &[u8],
    (anchors, format): (Option<&[x509_cert::Certificate]>, Format),
    now: u64,
) -> Result<ExitCode, CliError> {
    if format == Format::Json {
        let outcome =
            match sig::verify_pdf(bytes, Trusted::all(anchors), now).map_err(|e| sig_err(l, &e))? {
                None => Outcome::Unsigned,
                Some(v) => Outcome::Checked(Box::new(v)),
            };
        emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&json_of(None, &outcome))?
        ))?;
        return Ok(if outcome.is_valid() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    match sig::verify_pdf(bytes, Trusted::all(anchors), now).map_err(|e| sig_err(l, &e))? {
        None => {
            let said = l.ta(
                "sig-unsigned",
                &[("file", file.display().to_string().into())],
            );
            emit(&format!("{said}\n"))?;
            Ok(ExitCode::from(1))
        }
        Some(v) => {
            let text: String = describe(l, Signed::Pdf, &v)
                .iter()
                .map(|line| format!("{}\n", printable(line)))
                .collect();
            emit(&text)?;
            Ok(if v.is_valid() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// Verifies a statement: exit 0 valid, 1 invalid or changed (or no signature), 2 unreadable.
pub(super) fn verify(
    l: &Localizer,
    file: &Path,
    signature: Option<&Path>,
    (trust, system_trust): (&[PathBuf], bool),
    format: Format,
    now: Option<u64>,
) -> Result<ExitCode, CliError> {
    let anchors = if trust.is_empty() && !system_trust {
        None
    } else {
        let mut certs = trusted_certificates(l, trust)?;
        if system_trust {
            certs.extend(crate::io::signature::trust::system_anchors());
        }
        Some(certs)
    };
    let now = now.unwrap_or_else(sig::now_secs);
    if crate::io::read::head(file, 5).is_some_and(|h| h == b"%PDF-") {
        if signature.is_some() {
            // A PDF carries its own signature; a .p7s is over a statement's canonical form.
            return Err(CliError::Said(l.t("sig-pdf-no-detached")));
        }
        let bytes = crate::io::read::read_limited(file, crate::io::signature::pades::MAX_PDF_BYTES)
            .map_err(|e| sig_err(l, &SignatureError::Read(e)))?;
        return verify_pdf(l, file, &bytes, (anchors.as_deref(), format), now);
    }
    if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("p7s"))
    {
        // The signature itself: what it is over is the statement beside it.
        return Err(CliError::Said(l.ta(
            "sig-verify-p7s",
            &[("file", file.display().to_string().into())],
        )));
    }
    if crate::io::hospital::is_review_file(file) {
        return super::review_signature::verify(
            l,
            file,
            signature,
            (anchors.as_deref(), format),
            now,
        );
    }
    let (project, catalogue) = open(l, file)?;
    let detached = match signature {
        Some(p) => Some(
            crate::io::read::read_limited(p, MAX_SIGNATURE_BYTES)
                .map_err(|e| sig_err(l, &SignatureError::Read(e)))?,
        ),
        None => None,
    };
    let outcome = sig::verify_statement(
        &catalogue,
        &project,
        detached.as_deref(),
        Trusted::all(anchors.as_deref()),
        now,
    );
    let named = signature.unwrap_or(file);
    let code = match &outcome {
        Outcome::Checked(v) if v.is_valid() => ExitCode::SUCCESS,
        Outcome::Checked(_) | Outcome::Unsigned => ExitCode::from(1),
        Outcome::Unreadable(_) => ExitCode::from(2),
    };
    match format {
        Format::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&json_of(Some(&catalogue), &outcome))?
        ))?,
        Format::Text => {
            let text = match &outcome {
                Outcome::Unsigned => {
                    format!(
                        "{}\n",
                        l.ta(
                            "sig-unsigned",
                            &[("file", file.display().to_string().into())]
                        )
                    )
                }
                Outcome::Unreadable(e) => format!("{}: {}\n", named.display(), e.localize(l)),
                Outcome::Checked(v) => describe(l, Signed::Statement(&catalogue), v)
                    .iter()
                    .map(|line| format!("{}\n", printable(line)))
                    .collect(),
            };
            emit(&text)?;
        }
    }
    Ok(code)
}

/// The verification as JSON (for scripts): the same facts as the text, numbers for ids.
pub(super) fn json_of(
    c: Option<&crate::domain::catalogue::Catalogue>,
    outcome: &Outcome,
) -> serde_json::Value {
    use crate::domain::signature::numbers_text;
    let v = match outcome {
        Outcome::Unsigned => return serde_json::json!({ "state": "unsigned", "valid": false }),
        Outcome::Unreadable(e) => {
            return serde_json::json!({ "state": "unreadable", "valid": false, "detail": e.to_string() });
        }
        Outcome::Checked(v) => v,
    };
    let list = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| match c {
                Some(c) => numbers_text(c, std::slice::from_ref(id)),
                None => id.clone(),
            })
            .collect()
    };
    let content = match &v.content {
        ContentState::Intact => serde_json::json!({ "state": "intact" }),
        ContentState::ChangedUnnamed => serde_json::json!({ "state": "changed" }),
        ContentState::Changed(d) => serde_json::json!({
            "state": "changed",
            "catalogue": d.catalogue,
            "header": d.header,
            "changed": list(&d.changed),
            "added": list(&d.added),
            "removed": list(&d.removed),
        }),
    };
    let trust = trust_json(&v.trust);
    let s = &v.signer;
    serde_json::json!({
        "state": "checked",
        "valid": v.is_valid(),
        "signature_ok": v.signature_ok,
        "signer": {
            "subject": s.subject, "common_name": s.common_name, "organization": s.organization,
            "issuer": s.issuer, "serial": s.serial, "self_signed": s.self_signed,
            "not_before": time_text(s.not_before), "not_after": time_text(s.not_after),
            "fingerprint": s.fingerprint,
        },
        "signed_at": v.signed_at.map(time_text),
        "valid_at_signing": v.valid_at_signing,
        "valid_now": v.valid_now,
        "valid_in_time": v.valid_in_time(),
        "trust": trust,
        "content": content,
        "timestamp": v.timestamp.as_ref().map(timestamp_json),
    })
}

fn trust_json(t: &Trust) -> serde_json::Value {
    match t {
        Trust::NotChecked => serde_json::json!({ "state": "not_checked" }),
        Trust::Anchored(a) => serde_json::json!({ "state": "anchored", "anchor": a }),
        Trust::NotAnchored => serde_json::json!({ "state": "not_anchored" }),
    }
}

fn timestamp_json(
    t: &Result<
        crate::io::signature::timestamp::Timestamp,
        crate::io::signature::verify::Unreadable,
    >,
) -> serde_json::Value {
    use crate::io::signature::timestamp::TimestampProblem as P;
    let ts = match t {
        Ok(ts) => ts,
        Err(e) => return serde_json::json!({ "state": "unreadable", "detail": e.to_string() }),
    };
    let problem = ts.problem.map(|p| match p {
        P::Signature => "signature",
        P::OtherSignature => "other_signature",
        P::NotTsa => "not_tsa",
        P::TsaNotValid => "tsa_not_valid",
        P::InFuture => "in_future",
    });
    let trust = trust_json(&ts.trust);
    serde_json::json!({
        "state": if ts.is_trusted() { "trusted" } else { "not_used" },
        "time": time_text(ts.at),
        "tsa": ts.tsa.subject,
        "problem": problem,
        "trust": trust,
    })
}

/// Makes a self-signed key and certificate for trials, written as a PKCS#12 file.
pub(super) fn keygen(
    l: &Localizer,
    output: &Path,
    (name, organization): (&str, &str),
    days: u32,
    force: bool,
) -> Result<ExitCode, CliError> {
    super::check_outputs(&[Some(output)], &[])?;
    if output.exists() && !force {
        return Err(CliError::OutputExists(output.to_path_buf()));
    }
    let pass = password(l, output, true)?;
    let key =
        key::generate(name, organization, sig::now_secs(), days).map_err(|e| sig_err(l, &e))?;
    let bytes = key::to_pkcs12(&key, &pass).map_err(|e| sig_err(l, &e))?;
    crate::io::atomic::atomic_write_private(output, |w| w.write_all(&bytes))
        .map_err(crate::io::FileError::from)?;
    let info = crate::io::signature::cert::info(&key.cert);
    emit(&format!(
        "{}{}\n{}\n",
        written(l, output),
        l.ta(
            "sig-keygen-done",
            &[
                ("subject", info.subject.into()),
                ("until", time_text(info.not_after).into()),
                ("fingerprint", info.fingerprint.into()),
            ]
        ),
        l.t("sig-line-self-signed")
    ))?;
    Ok(ExitCode::SUCCESS)
}
