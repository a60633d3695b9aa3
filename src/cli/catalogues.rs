//! `kaijisho catalogues`: the shipped catalogues, one per line.

use std::process::ExitCode;

use super::error::CliError;
use super::output::emit;
use crate::assets;
use crate::i18n::Localizer;

/// Lists the shipped catalogues: id, kind, form version, guideline edition, provenance,
/// question count.
pub(super) fn run(l: &Localizer) -> Result<ExitCode, CliError> {
    let mut out = l.t("catalogues-columns");
    out.push('\n');
    for c in assets::shipped_catalogues()? {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            c.id,
            c.kind,
            c.form_version,
            c.guideline_edition,
            l.t(&format!("provenance-{}", c.provenance.kind.key())),
            c.question_count()
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
