//! Signed statements' words: key and signature errors, and what a verification found, line by
//! line (the command line prints the lines; the window shows them in the signature's details).

use super::{Localize, Localizer, path, s, said};
use crate::domain::catalogue::Catalogue;
use crate::io::signature::error::SignatureError;
use crate::io::signature::verify::{ContentState, Trust, Unreadable, Verification};

impl Localize for SignatureError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            SignatureError::Read(e) => e.localize(l),
            SignatureError::WrongPassword { path: p } => {
                l.ta("sig-err-password", &[("file", path(p))])
            }
            SignatureError::NotPkcs12 { path: p, detail } => l.ta(
                "sig-err-not-pkcs12",
                &[("file", path(p)), ("detail", said(detail))],
            ),
            SignatureError::NoKey { path: p } => l.ta("sig-err-no-key", &[("file", path(p))]),
            SignatureError::UnsupportedKey { path: p, detail } => l.ta(
                "sig-err-unsupported-key",
                &[("file", path(p)), ("detail", said(detail))],
            ),
            SignatureError::CertificateNotValid {
                path: p,
                not_before,
                not_after,
            } => l.ta(
                "sig-err-cert-not-valid",
                &[
                    ("file", path(p)),
                    ("from", s(time_text(*not_before))),
                    ("until", s(time_text(*not_after))),
                ],
            ),
            SignatureError::Sign { detail } => l.ta("sig-err-sign", &[("detail", said(detail))]),
            SignatureError::NotSignature { path: p, detail } => l.ta(
                "sig-err-not-signature",
                &[("file", path(p)), ("detail", said(detail))],
            ),
            SignatureError::NotCertificate { path: p, detail } => l.ta(
                "sig-err-not-certificate",
                &[("file", path(p)), ("detail", said(detail))],
            ),
            SignatureError::TooManyCertificates { path: p, limit } => l.ta(
                "sig-err-too-many-certificates",
                &[("file", path(p)), ("limit", s(limit))],
            ),
            SignatureError::TimestampReply { path: p, detail } => l.ta(
                "sig-err-timestamp-reply",
                &[("file", path(p)), ("detail", said(detail))],
            ),
            SignatureError::TimestampRefused {
                path: p,
                status,
                text,
            } => l.ta(
                "sig-err-timestamp-refused",
                &[
                    ("file", path(p)),
                    ("status", s(status)),
                    ("text", said(text)),
                ],
            ),
            SignatureError::TimestampNotForSignature { path: p } => {
                l.ta("sig-err-timestamp-other", &[("file", path(p))])
            }
            SignatureError::PdfNoRoom {
                path: p,
                room,
                needed,
            } => l.ta(
                "sig-err-pdf-no-room",
                &[("file", path(p)), ("room", s(room)), ("needed", s(needed))],
            ),
            SignatureError::TimestampUnsound { path: p, problem } => l.ta(
                "sig-err-timestamp-unsound",
                &[("file", path(p)), ("problem", s(problem_text(l, *problem)))],
            ),
            SignatureError::PdfChangedAfterSigning { path: p } => {
                l.ta("sig-err-pdf-changed", &[("file", path(p))])
            }
            SignatureError::ChangedSinceSigning { path: p } => {
                l.ta("sig-err-changed-since-signing", &[("file", path(p))])
            }
            SignatureError::NothingToTimestamp { path: p } => {
                l.ta("sig-err-nothing-to-timestamp", &[("file", path(p))])
            }
        }
    }
}

impl Localize for Unreadable {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            Unreadable::Der(detail) => l.ta("sig-unreadable-der", &[("detail", said(detail))]),
            Unreadable::NotSignedData => l.t("sig-unreadable-not-signed-data"),
            Unreadable::NoSigner => l.t("sig-unreadable-no-signer"),
            Unreadable::NoCertificate => l.t("sig-unreadable-no-certificate"),
            Unreadable::TooManyCertificates => l.ta(
                "sig-unreadable-too-many-certificates",
                &[("limit", s(crate::io::signature::verify::MAX_CERTIFICATES))],
            ),
            Unreadable::NotTimestamp => l.t("sig-unreadable-not-timestamp"),
        }
    }
}

impl Localize for crate::domain::signature::SignatureSummary {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::signature::SignatureSummary as S;
        match self {
            S::Unsigned => l.t("sig-summary-unsigned"),
            S::Valid {
                signer,
                confirmed: true,
            } => l.ta("sig-summary-valid-confirmed", &[("signer", s(signer))]),
            S::Valid { signer, .. } => l.ta("sig-summary-valid", &[("signer", s(signer))]),
            S::Changed { signer } => l.ta("sig-summary-changed", &[("signer", s(signer))]),
            S::Untrusted { signer } => l.ta("sig-summary-untrusted", &[("signer", s(signer))]),
            S::Invalid { signer } => l.ta("sig-summary-invalid", &[("signer", s(signer))]),
            S::Unreadable => l.t("sig-summary-unreadable"),
        }
    }
}

/// Why a timestamp token is not sound, in words.
pub fn problem_text(
    l: &Localizer,
    problem: crate::io::signature::timestamp::TimestampProblem,
) -> String {
    use crate::io::signature::timestamp::TimestampProblem as P;
    l.t(match problem {
        P::Signature => "sig-problem-signature",
        P::OtherSignature => "sig-problem-other-signature",
        P::NotTsa => "sig-problem-not-tsa",
        P::TsaNotValid => "sig-problem-tsa-not-valid",
        P::InFuture => "sig-problem-in-future",
    })
}

/// A moment as the user reads it: local date and time with the zone (`2026-12-07 22:35 JST`).
pub fn time_text(secs: u64) -> String {
    let Ok(secs) = i64::try_from(secs) else {
        return secs.to_string();
    };
    match jiff::Timestamp::from_second(secs) {
        Ok(t) => t
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
        Err(_) => secs.to_string(),
    }
}

/// The one-line verdict of a verification (the badge's words).
pub fn verdict(l: &Localizer, v: &Verification) -> String {
    if !v.is_valid() {
        if v.content != ContentState::Intact && v.signature_ok == Some(true) {
            return l.t("sig-verdict-changed");
        }
        if v.trust == Trust::NotAnchored
            && v.signature_ok == Some(true)
            && v.usage_ok
            && v.valid_in_time()
        {
            return l.t("sig-verdict-untrusted");
        }
        return l.t("sig-verdict-invalid");
    }
    if v.identity_unconfirmed() {
        l.t("sig-verdict-valid-unconfirmed")
    } else {
        l.t("sig-verdict-valid")
    }
}

/// Whether the certificate was valid when it signed, and is now.
fn certificate_time_line(l: &Localizer, v: &Verification) -> String {
    let who = &v.signer;
    if v.valid_at_signing == Some(false) {
        return l.t("sig-line-cert-invalid-at-signing");
    }
    if let Some(t) = v.trusted_time() {
        let time = [("time", s(time_text(t)))];
        return if !(who.not_before <= t && t <= who.not_after) {
            l.ta("sig-line-cert-invalid-at-timestamp", &time)
        } else if v.valid_now {
            l.ta("sig-line-cert-valid-at-timestamp", &time)
        } else {
            l.ta("sig-line-cert-expired-timestamped", &time)
        };
    }
    // A sound timestamp whose authority is not confirmed (an unsound one is said on its line).
    let stamped = matches!(&v.timestamp, Some(Ok(t)) if t.problem.is_none());
    match (v.valid_at_signing, v.valid_now) {
        (_, false) if v.checked_at < who.not_before => l.t("sig-line-cert-not-yet-valid"),
        (_, false) if stamped => l.t("sig-line-cert-expired-timestamp-unconfirmed"),
        (Some(_), false) => l.t("sig-line-cert-expired-now"),
        (None, false) => l.t("sig-line-cert-expired"),
        (Some(_), true) => l.t("sig-line-cert-valid"),
        (None, true) => l.t("sig-line-cert-valid-now"),
    }
}

/// What the signature's timestamp says, and whether it holds.
fn timestamp_line(
    l: &Localizer,
    ts: &Result<crate::io::signature::timestamp::Timestamp, Unreadable>,
) -> String {
    use crate::io::signature::timestamp::TimestampProblem as P;
    let ts = match ts {
        Ok(ts) => ts,
        Err(e) => {
            return l.ta(
                "sig-line-timestamp-unreadable",
                &[("detail", s(e.localize(l)))],
            );
        }
    };
    let tsa = ts.tsa.name();
    let args = [("time", s(time_text(ts.at))), ("tsa", s(&tsa))];
    let id = match (ts.problem, &ts.trust) {
        (Some(P::Signature), _) => "sig-line-timestamp-bad-signature",
        (Some(P::OtherSignature), _) => "sig-line-timestamp-other-signature",
        (Some(P::NotTsa), _) => "sig-line-timestamp-not-tsa",
        (Some(P::TsaNotValid), _) => "sig-line-timestamp-tsa-not-valid",
        (Some(P::InFuture), _) => "sig-line-timestamp-in-future",
        (None, Trust::Anchored(_)) => "sig-line-timestamp-anchored",
        (None, Trust::NotAnchored) => "sig-line-timestamp-not-anchored",
        (None, Trust::NotChecked) => "sig-line-timestamp",
    };
    l.ta(id, &args)
}

/// What a signature was over, for the words about a change.
#[derive(Debug, Clone, Copy)]
pub enum Signed<'a> {
    /// A statement: the manifest names the questions by their numbers in this catalogue.
    Statement(&'a Catalogue),
    /// A PDF: its bytes, not its questions.
    Pdf,
    /// A hospital's review of a statement.
    Review,
}

/// Every line of a verification: verdict, signer, certificate, time, trust, content.
pub fn describe(l: &Localizer, signed: Signed<'_>, v: &Verification) -> Vec<String> {
    let c = match signed {
        Signed::Statement(c) => Some(c),
        Signed::Pdf | Signed::Review => None,
    };
    let mut lines = vec![verdict(l, v)];
    let who = &v.signer;
    let name = who.name();
    lines.push(l.ta(
        "sig-line-signer",
        &[("name", s(&name)), ("organization", s(&who.organization))],
    ));
    if who.self_signed && !matches!(v.trust, Trust::Anchored(_)) {
        lines.push(l.t("sig-line-self-signed"));
    }
    lines.push(l.ta(
        "sig-line-certificate",
        &[
            ("subject", s(&who.subject)),
            ("issuer", s(&who.issuer)),
            ("from", s(time_text(who.not_before))),
            ("until", s(time_text(who.not_after))),
            ("fingerprint", s(&who.fingerprint)),
        ],
    ));
    match v.signed_at {
        Some(t) => lines.push(l.ta("sig-line-signed-at", &[("time", s(time_text(t)))])),
        None => lines.push(l.t("sig-line-no-time")),
    }
    lines.push(match v.signature_ok {
        Some(true) => l.t("sig-line-signature-ok"),
        Some(false) => l.t("sig-line-signature-bad"),
        None => l.t("sig-line-signature-unsupported"),
    });
    lines.push(certificate_time_line(l, v));
    if !v.usage_ok {
        lines.push(l.t("sig-line-cert-usage"));
    }
    if let Some(ts) = &v.timestamp {
        lines.push(timestamp_line(l, ts));
    }
    lines.push(match &v.trust {
        Trust::NotChecked => l.t("sig-line-trust-not-checked"),
        Trust::Anchored(anchor) => l.ta("sig-line-trust-anchored", &[("anchor", s(anchor))]),
        Trust::NotAnchored => l.t("sig-line-trust-not-anchored"),
    });
    match &v.content {
        ContentState::Intact => lines.push(l.t("sig-line-content-intact")),
        // A PDF changed: its bytes, not its questions; a review: its statuses and comments.
        ContentState::ChangedUnnamed if matches!(signed, Signed::Pdf) => {
            lines.push(l.t("sig-line-content-changed-pdf"));
        }
        ContentState::ChangedUnnamed if matches!(signed, Signed::Review) => {
            lines.push(l.t("sig-line-content-changed-review"));
        }
        ContentState::ChangedUnnamed => lines.push(l.t("sig-line-content-changed-unnamed")),
        ContentState::Changed(diff) => {
            if diff.catalogue {
                lines.push(l.t("sig-line-content-catalogue"));
            }
            if diff.header {
                lines.push(l.t("sig-line-content-header"));
            }
            let list = |ids: &[String]| match c {
                Some(c) => crate::domain::signature::numbers_text(c, ids),
                None => ids.join(", "),
            };
            if !diff.changed.is_empty() {
                lines.push(l.ta(
                    "sig-line-content-changed",
                    &[
                        (
                            "count",
                            fluent_bundle::FluentValue::from(diff.changed.len()),
                        ),
                        ("questions", s(list(&diff.changed))),
                    ],
                ));
            }
            if !diff.added.is_empty() {
                lines.push(l.ta(
                    "sig-line-content-added",
                    &[
                        ("count", fluent_bundle::FluentValue::from(diff.added.len())),
                        ("questions", s(list(&diff.added))),
                    ],
                ));
            }
            if !diff.removed.is_empty() {
                lines.push(l.ta(
                    "sig-line-content-removed",
                    &[
                        (
                            "count",
                            fluent_bundle::FluentValue::from(diff.removed.len()),
                        ),
                        ("questions", s(list(&diff.removed))),
                    ],
                ));
            }
        }
    }
    lines
}
