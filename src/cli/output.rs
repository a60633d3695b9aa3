//! What the CLI prints: results on stdout, failures on stderr.

use std::io::Write;
use std::path::Path;

use crate::i18n::Localizer;

/// Output is written in one go; a closed pipe (`kaijisho dump x | head`) is not an error.
pub(super) fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// A failure on stderr, after the program's name.
pub(super) fn emit_err(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "kaijisho: {text}");
}

/// "Wrote <file>", as a line.
pub(super) fn written(l: &Localizer, path: &Path) -> String {
    format!(
        "{}\n",
        l.ta("written", &[("file", path.display().to_string().into())])
    )
}
