//! What the CLI prints: results on stdout, failures on stderr.

use std::io::{ErrorKind, Write};
use std::path::Path;

use super::error::CliError;
use crate::i18n::Localizer;

/// Output is written in one go. A closed pipe (`kaijisho dump x | head`) is not an error: the
/// reader has what it wanted. Any other failure to write (a full disk, a vanished terminal) is,
/// so that a result is never lost without a word.
pub(super) fn emit(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The outcome of writing to stdout: a closed pipe is benign, anything else a [`CliError`].
pub(super) fn stdout_result(result: std::io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(CliError::Stdout(e)),
        _ => Ok(()),
    }
}

/// A failure on stderr, after the program's name.
pub(super) fn emit_err(text: &str) {
    let mut err = std::io::stderr().lock();
    if writeln!(err, "kaijisho: {text}").is_err() {
        // Standard error is the last place to say anything; the log keeps the message.
        log::error!("could not write to standard error: {text}");
    }
}

/// "Wrote <file>", as a line.
pub(super) fn written(l: &Localizer, path: &Path) -> String {
    format!(
        "{}\n",
        l.ta("written", &[("file", path.display().to_string().into())])
    )
}
