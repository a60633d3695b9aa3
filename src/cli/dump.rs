//! `kaijisho dump` and `kaijisho fingerprint`: the canonical statement, and its SHA-256
//! fingerprint.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::open;
use super::output::{emit, emit_raw};
use crate::domain::canonical::Statement;
use crate::i18n::Localizer;

/// Prints the canonical statement (JSON).
pub(super) fn canonical(l: &Localizer, path: &Path) -> Result<ExitCode, CliError> {
    let (p, c) = open(l, path)?;
    // Byte for byte what the fingerprint hashes (JSON already escapes C0 controls), so not
    // through `emit`'s escaping.
    emit_raw(&Statement::new(&c, &p).to_canonical_json())?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the fingerprint of the canonical statement.
pub(super) fn fingerprint(l: &Localizer, path: &Path) -> Result<ExitCode, CliError> {
    let (p, c) = open(l, path)?;
    emit(&format!("{}\n", Statement::new(&c, &p).fingerprint()))?;
    Ok(ExitCode::SUCCESS)
}
