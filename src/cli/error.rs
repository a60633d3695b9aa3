//! The CLI's failures, said in the user's language.

use std::path::PathBuf;

use fluent_bundle::FluentValue;

use crate::assets::AssetError;
use crate::domain::project::EditError;
use crate::i18n::{Localize, Localizer};
use crate::io::FileError;
use crate::io::pdf::PdfError;

/// A CLI failure, said in the user's language. Exit code 2.
#[derive(Debug)]
pub(super) enum CliError {
    File(FileError),
    Asset(AssetError),
    Edit(EditError),
    Pdf(PdfError),
    UnknownCatalogue {
        id: String,
        available: Vec<String>,
    },
    UnknownNumber {
        file: PathBuf,
        number: String,
        catalogue: String,
    },
    InvalidValue(String),
    OutputExists(PathBuf),
    /// A statement asked what changed that was not carried forward from an earlier one.
    NotCarried(PathBuf),
    /// A text argument that is not UTF-8 (the bad bytes shown as �).
    NotUtf8 {
        arg: String,
        value: String,
    },
    /// An output names one of the command's input files (or another output).
    OutputIsInput {
        output: PathBuf,
        input: PathBuf,
    },
    /// Already said in the user's language.
    Said(String),
    /// Writing the result to stdout failed (other than by a closed pipe).
    Stdout(std::io::Error),
    /// The result could not be written as JSON (`--format json`).
    Json(serde_json::Error),
}

impl From<FileError> for CliError {
    fn from(e: FileError) -> Self {
        CliError::File(e)
    }
}
impl From<AssetError> for CliError {
    fn from(e: AssetError) -> Self {
        CliError::Asset(e)
    }
}
impl From<PdfError> for CliError {
    fn from(e: PdfError) -> Self {
        CliError::Pdf(e)
    }
}
impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::Json(e)
    }
}
impl From<EditError> for CliError {
    fn from(e: EditError) -> Self {
        CliError::Edit(e)
    }
}

impl Localize for CliError {
    fn localize(&self, l: &Localizer) -> String {
        let s = |v: &dyn ToString| FluentValue::from(v.to_string());
        match self {
            CliError::File(e) => e.localize(l),
            CliError::Asset(e) => e.localize(l),
            CliError::Edit(e) => e.localize(l),
            CliError::Pdf(e) => e.localize(l),
            CliError::UnknownCatalogue { id, available } => l.ta(
                "err-unknown-catalogue",
                &[("id", s(id)), ("available", s(&available.join(", ")))],
            ),
            CliError::UnknownNumber {
                file,
                number,
                catalogue,
            } => l.ta(
                "err-unknown-number",
                &[
                    ("file", s(&file.display())),
                    ("number", s(number)),
                    ("catalogue", s(catalogue)),
                ],
            ),
            CliError::InvalidValue(v) => l.ta("err-invalid-value", &[("value", s(v))]),
            CliError::OutputExists(p) => l.ta("err-output-exists", &[("file", s(&p.display()))]),
            CliError::NotCarried(p) => l.ta("err-not-carried", &[("file", s(&p.display()))]),
            CliError::NotUtf8 { arg, value } => {
                l.ta("err-arg-not-utf8", &[("arg", s(arg)), ("value", s(value))])
            }
            CliError::OutputIsInput { output, input } => l.ta(
                "err-output-is-input",
                &[
                    ("file", s(&output.display())),
                    ("input", s(&input.display())),
                ],
            ),
            CliError::Stdout(e) => l.ta("err-stdout", &[("detail", s(e))]),
            CliError::Json(e) => l.ta("err-json-out", &[("detail", s(e))]),
            CliError::Said(text) => text.clone(),
        }
    }
}
