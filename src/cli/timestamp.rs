//! `kaijisho timestamp`: a trusted timestamp (RFC 3161) on a signature, in two steps and
//! without the network. `--request OUT.tsq` writes the request for a signed statement, its
//! `.p7s` or a signed PDF; the user sends it to a timestamp authority (e.g.
//! `curl --data-binary @OUT.tsq -H 'Content-Type: application/timestamp-query' URL > REPLY.tsr`);
//! `--reply REPLY.tsr` takes the authority's reply into the signature: the statement's (and its
//! `.p7s` beside it), the `.p7s`'s, or the PDF's — written into the PDF signature's space in
//! place, so that what the signature covers does not change.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use super::sign::sig_err;
use crate::app::signature as sig;
use crate::domain::edit::Edit;
use crate::i18n::Localizer;
use crate::io::signature::error::SignatureError;
use crate::io::signature::verify::MAX_SIGNATURE_BYTES;

/// What a file given to `timestamp` is.
enum Kind {
    Pdf,
    Detached,
    Statement,
}

fn kind(file: &Path) -> Kind {
    if crate::io::read::head(file, 5).is_some_and(|h| h == b"%PDF-") {
        Kind::Pdf
    } else if file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("p7s"))
    {
        Kind::Detached
    } else {
        Kind::Statement
    }
}

fn read(l: &Localizer, path: &Path, limit: u64) -> Result<Vec<u8>, CliError> {
    crate::io::read::read_limited(path, limit).map_err(|e| sig_err(l, &SignatureError::Read(e)))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    crate::io::atomic::atomic_write(path, |w| w.write_all(bytes))
        .map_err(crate::io::FileError::from)?;
    Ok(())
}

/// Writes the file whose lock is held (read, changed, written back under one lock).
fn write_back(lock: &crate::io::lock::FileLock, bytes: &[u8]) -> Result<(), CliError> {
    crate::io::atomic::atomic_write_locked(lock, |w| w.write_all(bytes))
        .map_err(crate::io::FileError::from)?;
    Ok(())
}

/// `timestamp FILE --request OUT` or `timestamp FILE --reply REPLY`.
pub(super) fn run(
    l: &Localizer,
    file: &Path,
    (request, reply): (Option<&Path>, Option<&Path>),
) -> Result<ExitCode, CliError> {
    match (request, reply) {
        (Some(out), _) => write_request(l, file, out),
        (None, Some(reply)) => take_reply(l, file, reply),
        (None, None) => Ok(ExitCode::from(2)),
    }
}

/// The signature a file carries, as bytes.
fn signature_of(l: &Localizer, file: &Path) -> Result<Vec<u8>, CliError> {
    match kind(file) {
        Kind::Pdf => {
            let pdf = read(l, file, crate::io::signature::pades::MAX_PDF_BYTES)?;
            Ok(sig::last_pdf_signature(&pdf, file)
                .map_err(|e| sig_err(l, &e))?
                .cms)
        }
        Kind::Detached => read(l, file, MAX_SIGNATURE_BYTES),
        Kind::Statement => {
            let shipped = crate::assets::shipped_catalogues()?;
            let (project, catalogue) = crate::io::json::open_project(file, &shipped)?;
            sig::current_signature(&catalogue, &project, file).map_err(|e| sig_err(l, &e))
        }
    }
}

fn write_request(l: &Localizer, file: &Path, out: &Path) -> Result<ExitCode, CliError> {
    super::check_outputs(&[Some(out)], &[file])?;
    let signature = signature_of(l, file)?;
    let request = sig::timestamp_request(&signature, file).map_err(|e| sig_err(l, &e))?;
    write(out, &request)?;
    emit(&format!(
        "{}{}\n",
        written(l, out),
        l.ta(
            "sig-timestamp-request-written",
            &[("file", file.display().to_string().into())]
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn take_reply(l: &Localizer, file: &Path, reply_path: &Path) -> Result<ExitCode, CliError> {
    let reply = read(l, reply_path, MAX_SIGNATURE_BYTES)?;
    let lock = crate::io::lock::FileLock::acquire(file).map_err(crate::io::FileError::from)?;
    let mut report = String::new();
    let now = sig::now_secs();
    match kind(file) {
        Kind::Pdf => {
            let pdf = read(l, file, crate::io::signature::pades::MAX_PDF_BYTES)?;
            let out = sig::timestamped_pdf(&pdf, file, (&reply, reply_path), now)
                .map_err(|e| sig_err(l, &e))?;
            write_back(&lock, &out)?;
            report.push_str(&written(l, file));
        }
        Kind::Detached => {
            let der = read(l, file, MAX_SIGNATURE_BYTES)?;
            let out =
                crate::io::signature::timestamp::attach((&der, file), (&reply, reply_path), now)
                    .map_err(|e| sig_err(l, &e))?;
            write_back(&lock, &out)?;
            report.push_str(&written(l, file));
        }
        Kind::Statement => {
            let shipped = crate::assets::shipped_catalogues()?;
            let (mut project, catalogue) = crate::io::json::open_project(file, &shipped)?;
            let (stored, der) =
                sig::timestamped((&catalogue, &project), file, (&reply, reply_path), now)
                    .map_err(|e| sig_err(l, &e))?;
            project.apply(&catalogue, &Edit::Signature(Some(stored)))?;
            crate::io::json::save_project_locked(&lock, &project)?;
            let p7s = sig::p7s_path(file);
            write(&p7s, &der)?;
            report.push_str(&written(l, file));
            report.push_str(&written(l, &p7s));
        }
    }
    drop(lock);
    report.push_str(&l.ta(
        "sig-timestamp-added",
        &[("file", file.display().to_string().into())],
    ));
    report.push('\n');
    emit(&report)?;
    Ok(ExitCode::SUCCESS)
}
