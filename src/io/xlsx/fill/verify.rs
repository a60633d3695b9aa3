//! The filled copy read back before it is handed out: the same reader as the import, with the
//! same mapping, must find the same questions and every answer, remark and header value the
//! fill meant to leave there. A difference — two readers of the package disagreeing about a
//! sheet, a cell or a row — is an error, never a success.

use std::collections::BTreeMap;
use std::path::Path;

use super::plan::Expected;
use super::value_of;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::HeaderField;
use crate::domain::source::Mapping;
use crate::io::xlsx::XlsxError;
use crate::io::xlsx::import::{Vocabulary, import_workbook};

/// Reads `filled` back and compares it with what the fill meant to write.
pub(super) fn read_back(
    original: &Path,
    filled: &[u8],
    (c, mapping): (&Catalogue, &Mapping),
    (answers, header): (&Expected, &BTreeMap<HeaderField, String>),
    vocab: &Vocabulary,
) -> Result<(), XlsxError> {
    let differs = |what: String, expected: String, found: String| XlsxError::NotVerified {
        path: original.to_path_buf(),
        what,
        expected,
        found,
    };
    let back = import_workbook(original, filled.to_vec(), Some(mapping), vocab)?;
    if back.catalogue.content_hash() != c.content_hash() {
        return Err(differs(
            "questions".into(),
            c.question_count().to_string(),
            back.catalogue.question_count().to_string(),
        ));
    }
    for ((question, option), (value, remark)) in answers {
        let (v, r) = value_of(&back.project, question, option.as_deref());
        let what = || {
            let q = c.question(question);
            let number = q.map_or_else(|| question.clone(), |q| q.number.clone());
            let label = option.as_ref().map(|o| {
                q.and_then(|q| q.answer.options().iter().find(|x| &x.id == o))
                    .map_or_else(|| o.clone(), |x| x.label.clone())
            });
            match label {
                Some(l) => format!("{number} {l}"),
                None => number,
            }
        };
        if v != *value {
            log::error!("fill: read back {}: {value:?} written, {v:?} read", what());
            return Err(differs(what(), value.label().into(), v.label().into()));
        }
        if r != *remark {
            log::error!("fill: read back {}: remark {remark:?} written, {r:?} read", what());
            return Err(differs(what(), remark.clone(), r));
        }
    }
    for (field, value) in header {
        let found = back.project.header.get(*field);
        if found != value {
            log::error!("fill: read back {}: {value:?} written, {found:?} read", field.key());
            return Err(differs(field.key().into(), value.clone(), found.into()));
        }
    }
    Ok(())
}
