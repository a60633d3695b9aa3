//! A reviewer's own signature over a hospital's review (`kaijisho sign REVIEW.review.json`,
//! `kaijisho verify REVIEW.review.json`): kept apart from the vendor's signature, which covers
//! the statement and never the review. The signature is the detached `<review>.p7s` beside the
//! review file, over the review's canonical form (the statement's fingerprint, the reviewer,
//! the date, each question's status and comment).

use std::path::Path;
use std::process::ExitCode;

use super::args::Format;
use super::error::CliError;
use super::output::{emit, printable};
use super::sign::{json_of, password, sig_err, signed_report};
use crate::app::signature::{self as sig, Outcome};
use crate::i18n::signature::{Signed, describe};
use crate::i18n::{Localize, Localizer};
use crate::io::signature::error::SignatureError;
use crate::io::signature::verify::{MAX_SIGNATURE_BYTES, Trusted};

/// Signs a review file: writes `<review>.p7s` beside it (the review file is not changed).
/// `export`: a PDF or workbook asked for, which a review has none of.
pub(super) fn sign(
    l: &Localizer,
    review_path: &Path,
    cert: &Path,
    export: Option<&Path>,
) -> Result<ExitCode, CliError> {
    if export.is_some() {
        return Err(CliError::Said(l.t("sig-review-no-export")));
    }
    let p7s = sig::p7s_path(review_path);
    super::check_outputs(&[Some(&p7s)], &[review_path, cert])?;
    let (review, _) = crate::io::hospital::load_review_digest(review_path)?;
    let pass = password(l, cert, false)?;
    let key = crate::io::signature::key::load_pkcs12(cert, &pass).map_err(|e| sig_err(l, &e))?;
    let now = sig::now_secs();
    sig::check_valid(cert, &key, now).map_err(|e| sig_err(l, &e))?;
    let der = sig::sign_review(&review, &key, now).map_err(|e| sig_err(l, &e))?;
    crate::io::atomic::atomic_write(&p7s, |w| w.write_all(&der))
        .map_err(crate::io::FileError::from)?;
    emit(&signed_report(
        l,
        "sig-review-signed",
        review_path,
        &key,
        &p7s,
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// Verifies a reviewer's signature: `signature`, else the `.p7s` beside the review file.
pub(super) fn verify(
    l: &Localizer,
    review_path: &Path,
    signature: Option<&Path>,
    (anchors, format): (Option<&[x509_cert::Certificate]>, Format),
    now: u64,
) -> Result<ExitCode, CliError> {
    let (review, _) = crate::io::hospital::load_review_digest(review_path)?;
    let beside = sig::p7s_path(review_path);
    let named = signature.unwrap_or(&beside);
    let outcome = if signature.is_none() && !beside.is_file() {
        Outcome::Unsigned
    } else {
        let der = crate::io::read::read_limited(named, MAX_SIGNATURE_BYTES)
            .map_err(|e| sig_err(l, &SignatureError::Read(e)))?;
        sig::verify_review(&review, &der, Trusted::all(anchors), now)
    };
    let code = match &outcome {
        Outcome::Checked(v) if v.is_valid() => ExitCode::SUCCESS,
        Outcome::Checked(_) | Outcome::Unsigned => ExitCode::from(1),
        Outcome::Unreadable(_) => ExitCode::from(2),
    };
    let text = match (&outcome, format) {
        (_, Format::Json) => format!(
            "{}\n",
            serde_json::to_string_pretty(&json_of(None, &outcome))?
        ),
        (Outcome::Unsigned, Format::Text) => format!(
            "{}\n",
            l.ta(
                "sig-review-unsigned",
                &[("file", review_path.display().to_string().into())]
            )
        ),
        (Outcome::Unreadable(e), Format::Text) => {
            format!("{}: {}\n", named.display(), e.localize(l))
        }
        (Outcome::Checked(v), Format::Text) => describe(l, Signed::Review, v)
            .iter()
            .map(|line| format!("{}\n", printable(line)))
            .collect(),
    };
    emit(&text)?;
    Ok(code)
}
