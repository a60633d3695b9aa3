//! `kaijisho answer`: one answer (and remark) set in a project file.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::output::emit;
use crate::assets;
use crate::domain::answer::AnswerValue;
use crate::domain::edit::Edit;
use crate::domain::project::AnswerDate;
use crate::i18n::Localizer;
use crate::io::json;
use crate::io::lock::FileLock;

/// Sets one answer (of a question or of one of its options) and saves the project.
pub(super) fn run(
    l: &Localizer,
    path: &Path,
    number: &str,
    value: &str,
    option: Option<&str>,
    (remark, condition, dates): (Option<String>, Option<String>, [Option<String>; 2]),
) -> Result<ExitCode, CliError> {
    let shipped = assets::shipped_catalogues()?;
    // Held from reading to writing: a second `answer` on the same file waits for this one, so
    // neither loses the other's answer.
    let lock = FileLock::acquire(path).map_err(crate::io::FileError::from)?;
    let (mut project, catalogue) = json::open_project(path, &shipped)?;
    let value = AnswerValue::parse(value).ok_or_else(|| CliError::InvalidValue(value.into()))?;
    let q = catalogue
        .find_by_number(number)
        .ok_or_else(|| CliError::UnknownNumber {
            file: path.to_path_buf(),
            number: number.to_string(),
            catalogue: catalogue.id.clone(),
        })?;
    // The dates are a question's own (確認日, 目標日): a question answered per option has no
    // place for them in its workbook, so they are refused rather than kept unwritten.
    if !q.answer.options().is_empty() && dates.iter().any(Option::is_some) {
        return Err(CliError::Said(l.ta(
            "answer-dates-options",
            &[("question", q.number_key().into())],
        )));
    }
    // The dates are the question's (確認日, 目標日), checked before anything changes.
    let date_edits: Vec<Edit> = AnswerDate::ALL
        .into_iter()
        .zip(dates)
        .filter_map(|(which, text)| {
            Some(Edit::AnswerDate {
                question: q.id.clone(),
                which,
                text: text?,
            })
        })
        .collect();
    // The condition (a plain question's only), checked with the dates before anything changes.
    let mut edits = date_edits;
    if let Some(text) = condition {
        edits.push(Edit::Condition {
            question: q.id.clone(),
            text,
        });
    }
    for e in &edits {
        e.check(&catalogue)?;
    }
    project.set_answer(&catalogue, &q.id, option, value, remark)?;
    project.apply_all(&catalogue, &edits)?;
    json::save_project_locked(&lock, &project)?;
    drop(lock);
    let question = match option.and_then(|o| q.find_option(o)) {
        Some(o) => format!("{} {}", q.number_key(), o.label),
        None => q.number_key(),
    };
    emit(&format!(
        "{}\n",
        l.ta(
            "answer-done",
            &[
                ("file", path.display().to_string().into()),
                ("question", question.into()),
                ("value", value.label().into()),
            ],
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}
