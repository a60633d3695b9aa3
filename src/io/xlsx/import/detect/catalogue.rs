//! The last phase of detection: the catalogue (kind, guideline edition, form version, id and
//! provenance) around the built sections, and the project with the answers read.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::super::grid::Book;
use super::super::vocabulary::Vocabulary;
use super::super::{ImportReport, Note, Skip, Skipped};
use super::build::PendingAnswer;
use super::version::{detect_edition, detect_form_version};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{
    AnswerKind, Catalogue, Kind, Provenance, ProvenanceKind, Question, Section, hex,
};
use crate::domain::edit::Edit;
use crate::domain::project::{AnswerDate, Header, Project};
use crate::domain::refs::GuidelineRef;
use crate::domain::text::fold_width;
use crate::io::xlsx::XlsxError;

/// Hex digits of the content hash in a detected catalogue's id.
const CONTENT_ID_LEN: usize = 12;

/// The catalogue of the detected sections, checked.
pub(super) fn make_catalogue(
    book: &Book,
    sheet: &str,
    title_texts: &[String],
    kind: Kind,
    vocab: &Vocabulary,
    sections: Vec<Section>,
) -> Result<Catalogue, XlsxError> {
    let path = &book.path;
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title_refs: Vec<&str> = title_texts
        .iter()
        .map(String::as_str)
        .chain([sheet, file_name.as_str()])
        .collect();
    let has_books = sections
        .iter()
        .flat_map(|s| s.questions.iter())
        .filter_map(|q| q.refs.as_ref())
        .any(|g| {
            g.refs
                .iter()
                .any(|r| matches!(r, GuidelineRef::Book { .. }))
        });
    let edition = detect_edition(&title_refs, has_books);
    let form_version = detect_form_version(&title_refs);
    let content_id = content_id(&sections);
    let file_sha = hex(&Sha256::digest(&book.bytes));
    let title = title_texts
        .iter()
        .find(|t| vocab.is_title(t))
        .cloned()
        .unwrap_or_else(|| file_name.clone());
    let catalogue = Catalogue::new(
        format!("import-{}-{}", kind.key().to_ascii_lowercase(), content_id),
        title,
        kind,
        form_version,
        edition,
        Provenance {
            kind: ProvenanceKind::OfficialWorkbookImport,
            source: format!("{file_name} (sheet {sheet})"),
            file_name: Some(file_name),
            file_sha256: Some(format!("sha256:{file_sha}")),
            note: None,
        },
        sections,
    );
    check(path, catalogue)
}

/// SDS when a label or title says so or the file name contains SDS; else MDS.
/// The form the workbook is of: the mapping's, else SDS when a header label, a title or the
/// file name says so, else MDS.
pub(super) fn detect_kind(
    given: Option<Kind>,
    title_texts: &[String],
    kind_votes: &[Kind],
    vocab: &Vocabulary,
    path: &Path,
) -> Kind {
    let file_name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(kind) = given {
        return kind;
    }
    // A title naming a confirmation checklist or a list of check items, unless a header label
    // names the MDS/SDS's vendor.
    if kind_votes.is_empty()
        && let Some(kind) = title_texts
            .iter()
            .chain([&file_name])
            .find_map(|t| vocab.other_kind_title(t))
    {
        return kind;
    }
    if kind_votes.contains(&Kind::Sds)
        || title_texts.iter().any(|t| vocab.is_sds_title(t))
        || fold_width(&file_name).to_ascii_uppercase().contains("SDS")
    {
        Kind::Sds
    } else {
        Kind::Mds
    }
}

/// A short hash of the questions' numbers and texts: the same questions give the same id,
/// filled or blank.
fn content_id(sections: &[Section]) -> String {
    let mut content = Sha256::new();
    for q in sections.iter().flat_map(|s| s.questions.iter()) {
        content.update(q.number_key().as_bytes());
        content.update(q.full_text().as_bytes());
        content.update([0]);
    }
    hex(&content.finalize())
        .chars()
        .take(CONTENT_ID_LEN)
        .collect()
}

/// The catalogue, or its problems as a malformed-file error.
fn check(path: &Path, catalogue: Catalogue) -> Result<Catalogue, XlsxError> {
    let issues = catalogue.check();
    if !issues.is_empty() {
        return Err(XlsxError::Malformed {
            path: path.to_path_buf(),
            detail: issues
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        });
    }
    Ok(catalogue)
}

/// The project with the header and the answers read; answers a question cannot take are
/// noted in the report and left unanswered (with their remark).
pub(super) fn make_project(
    catalogue: &Catalogue,
    header: Header,
    answers: Vec<PendingAnswer>,
    vocab: &Vocabulary,
    report: &mut ImportReport,
) -> Project {
    let mut project = Project::new(catalogue, header, true);
    for PendingAnswer {
        question,
        option,
        value,
        remark,
        row,
        dates,
        ..
    } in answers
    {
        // The dates of a question's own row (an option row's dates have no place).
        if option.is_none() {
            for (which, (text, _)) in AnswerDate::ALL.into_iter().zip(dates) {
                if text.is_empty() {
                    continue;
                }
                let edit = Edit::AnswerDate {
                    question: question.clone(),
                    which,
                    text: text.clone(),
                };
                if let Err(error) = project.apply(catalogue, &edit) {
                    log::warn!(
                        "{}: question {question}: {which:?} {text}: {error}",
                        report.file
                    );
                    report.skipped.push(Skipped {
                        row: row + 1,
                        reason: Skip::NotTaken { text, error },
                    });
                }
            }
        }
        let number = catalogue
            .question(&question)
            .map(Question::number_key)
            .unwrap_or_default();
        // A plain question's remark may begin with its condition (〔条件〕…。): read apart.
        let plain = option.is_none()
            && catalogue
                .question(&question)
                .is_some_and(|q| matches!(q.answer, AnswerKind::YesNoNa));
        let (condition, remark) = match vocab.split_condition(&remark).filter(|_| plain) {
            Some((condition, rest)) => (condition, rest),
            None => (String::new(), remark),
        };
        if !condition.is_empty() {
            let edit = Edit::Condition {
                question: question.clone(),
                text: condition.clone(),
            };
            if let Err(error) = project.apply(catalogue, &edit) {
                log::warn!("{}: question {question}: condition: {error}", report.file);
                report.skipped.push(Skipped {
                    row: row + 1,
                    reason: Skip::NotTaken {
                        text: condition,
                        error,
                    },
                });
            }
        }
        if project
            .set_answer(
                catalogue,
                &question,
                option.as_deref(),
                value,
                Some(remark.clone()),
            )
            .is_err()
        {
            report.notes.push(Note::AnswerRejected { number, value });
            if let Err(error) = project.set_answer(
                catalogue,
                &question,
                option.as_deref(),
                AnswerValue::Unanswered,
                Some(remark.clone()),
            ) {
                log::warn!(
                    "{}: question {question}: the remark could not be kept either: {error}",
                    report.file
                );
                report.skipped.push(Skipped {
                    row: row + 1,
                    reason: Skip::NotTaken {
                        text: remark,
                        error,
                    },
                });
            }
        }
    }
    project
}
