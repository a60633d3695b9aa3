//! `kaijisho dump` and `kaijisho fingerprint`: the canonical statement, and its SHA-256
//! fingerprint.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::open;
use super::output::emit;
use crate::domain::canonical::Statement;

/// Prints the canonical statement (JSON).
pub(super) fn canonical(path: &Path) -> Result<ExitCode, CliError> {
    let (p, c) = open(path)?;
    emit(&Statement::new(&c, &p).to_canonical_json())?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the fingerprint of the canonical statement.
pub(super) fn fingerprint(path: &Path) -> Result<ExitCode, CliError> {
    let (p, c) = open(path)?;
    emit(&format!("{}\n", Statement::new(&c, &p).fingerprint()))?;
    Ok(ExitCode::SUCCESS)
}
