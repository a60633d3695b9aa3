//! What the CLI prints: results on stdout, failures on stderr.

use std::io::{ErrorKind, Write};
use std::path::Path;

use super::error::CliError;
use crate::i18n::Localizer;

/// Output is written in one go. A closed pipe (`kaijisho dump x | head`) is not an error: the
/// reader has what it wanted. Any other failure to write (a full disk, a vanished terminal) is,
/// so that a result is never lost without a word.
pub(super) fn emit(text: &str) -> Result<(), CliError> {
    emit_raw(&printable(text))
}

/// Output exactly as given: for `dump`, whose bytes are the statement's canonical form.
pub(super) fn emit_raw(text: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    stdout_result(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// Text safe for a terminal: control characters other than line breaks and tabs (an escape
/// sequence hidden in a workbook's cell or sheet name) are shown as `\uXXXX` — which is also
/// how JSON writes them, so `--format json` and `dump` stay valid JSON.
pub(super) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
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
    if writeln!(err, "kaijisho: {}", printable(text)).is_err() {
        // Standard error is the last place to say anything; the log keeps the message.
        log::error!("could not write to standard error: {text}");
    }
}

/// What a written PDF could not show as asked, a line each on stderr after the file's name
/// (the file is written; the exit code stays that of the command).
pub(super) fn emit_pdf_notes(l: &Localizer, path: &Path, notes: &[crate::io::pdf::PdfNote]) {
    use crate::i18n::Localize;
    for n in notes {
        emit_err(&format!("{}: {}", path.display(), n.localize(l)));
    }
}

/// "Wrote <file>", as a line.
pub(super) fn written(l: &Localizer, path: &Path) -> String {
    format!(
        "{}\n",
        l.ta("written", &[("file", path.display().to_string().into())])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(printable("設問\n\tはい"), "設問\n\tはい");
        assert_eq!(
            printable("シート\u{1b}[2J\u{9b}31m\r名"),
            "シート\\u001b[2J\\u009b31m\\u000d名"
        );
        // JSON stays JSON.
        let json = serde_json::to_string(&"\u{9b}x").unwrap();
        let shown = printable(&json);
        assert_eq!(serde_json::from_str::<String>(&shown).unwrap(), "\u{9b}x");
    }
}
