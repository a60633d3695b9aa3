//! `kaijisho validate`: the findings on a statement, as text or JSON (exit 1 on errors).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::args::Format;
use super::error::CliError;
use super::open;
use super::output::emit;
use crate::domain::validation::{Finding, HeaderFinding, Severity, check_header, counts, validate};
use crate::i18n::{Localize, Localizer};

/// A finding in `--format json`, with its message in the user's language.
#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    message: String,
}

/// A header finding in `--format json` (an error), with its message.
#[derive(Serialize)]
struct JsonHeaderFinding<'a> {
    #[serde(flatten)]
    finding: &'a HeaderFinding,
    message: String,
}

/// The `--format json` report: the file, the counts per severity (header findings are errors)
/// and the findings.
#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    header: Vec<JsonHeaderFinding<'a>>,
    findings: Vec<JsonFinding<'a>>,
}

/// Prints the findings and a summary; exit 1 when there is an error.
pub(super) fn run(l: &Localizer, path: &Path, format: Format) -> Result<ExitCode, CliError> {
    let (project, catalogue) = open(l, path)?;
    let findings = validate(&catalogue, &project);
    // The header first: vendor and product named, 作成日 a date.
    let header = check_header(&project.header);
    let (errors, warnings, infos) = counts(&findings);
    let errors = errors + header.len();
    let file = path.display().to_string();
    let text = match format {
        Format::Json => {
            let report = JsonReport {
                file,
                errors,
                warnings,
                infos,
                header: header
                    .iter()
                    .map(|f| JsonHeaderFinding {
                        finding: f,
                        message: l.header_finding(f, catalogue.kind),
                    })
                    .collect(),
                findings: findings
                    .iter()
                    .map(|f| JsonFinding {
                        finding: f,
                        message: f.localize(l),
                    })
                    .collect(),
            };
            let mut s = serde_json::to_string_pretty(&report)?;
            s.push('\n');
            s
        }
        Format::Text => {
            let mut s = String::new();
            for f in &header {
                s.push_str(&format!(
                    "{}\t{}\t{}\n",
                    l.severity(Severity::Error),
                    l.header_label(f.field, catalogue.kind),
                    l.header_finding(f, catalogue.kind)
                ));
            }
            for f in &findings {
                s.push_str(&format!(
                    "{}\t{}\t{}\n",
                    l.severity(f.severity),
                    f.number,
                    f.localize(l)
                ));
            }
            s.push_str(&l.ta(
                "validate-summary",
                &[
                    ("file", file.into()),
                    ("errors", errors.into()),
                    ("warnings", warnings.into()),
                    ("infos", infos.into()),
                ],
            ));
            s.push('\n');
            if project.illustrative {
                s.push_str(&l.t("validate-illustrative"));
                s.push('\n');
            }
            s
        }
    };
    emit(&text)?;
    let has_errors = !header.is_empty() || findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
