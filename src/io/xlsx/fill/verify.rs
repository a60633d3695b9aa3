//! The filled copy read back before it is handed out: the same reader as the import, with the
//! same mapping, must find the same questions and every answer, remark and header value the
//! fill meant to leave there. A difference — two readers of the package disagreeing about a
//! sheet, a cell or a row — is an error, never a success.

use std::collections::BTreeMap;
use std::path::Path;

use super::outcome::dates_of;
use super::outcome::{number_and_option, value_of};
use super::plan::{Expected, ExpectedDates};
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
    (answers, dates, header): (&Expected, &ExpectedDates, &BTreeMap<HeaderField, String>),
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
        let (v, r) = value_of(
            &back.project,
            (question, option.as_deref()),
            &vocab.condition_words(),
        );
        let what = || match number_and_option(c, question, option.as_deref()) {
            (number, Some(l)) => format!("{number} {l}"),
            (number, None) => number,
        };
        if v != *value {
            log::error!("fill: read back {}: {value:?} written, {v:?} read", what());
            return Err(differs(what(), value.label().into(), v.label().into()));
        }
        if r != *remark {
            log::error!(
                "fill: read back {}: remark {remark:?} written, {r:?} read",
                what()
            );
            return Err(differs(what(), remark.clone(), r));
        }
    }
    for (question, expected) in dates {
        let found = dates_of(&back.project, question);
        for (e, f) in expected.iter().zip(&found) {
            if e != f {
                let (number, _) = number_and_option(c, question, None);
                log::error!("fill: read back {number}: date {e:?} written, {f:?} read");
                return Err(differs(number, e.clone(), f.clone()));
            }
        }
    }
    for (field, value) in header {
        let found = back.project.header.get(*field);
        if found != value {
            log::error!(
                "fill: read back {}: {value:?} written, {found:?} read",
                field.key()
            );
            return Err(differs(field.key().into(), value.clone(), found.into()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;

    fn vocab() -> Vocabulary {
        serde_json::from_str(include_str!("../../../../assets/import/vocabulary.json")).unwrap()
    }

    #[test]
    fn a_copy_that_reads_back_otherwise_is_an_error_naming_the_question() {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        for (r, cells) in [
            ["No.", "設問", "回答", "備考"],
            ["1", "利用者を識別しているか?", "はい", "全端末で"],
            ["2", "記録を残しているか?", "いいえ", ""],
        ]
        .iter()
        .enumerate()
        {
            ws.write_row(r as u32, 0, *cells).unwrap();
        }
        let bytes = wb.save_to_buffer().unwrap();
        let v = vocab();
        let path = Path::new("v.xlsx");
        let imp = import_workbook(path, bytes.clone(), None, &v).unwrap();
        let mapping = imp.project.source.as_ref().unwrap().mapping.clone();
        let q1 = imp.catalogue.find_by_number("1").unwrap().id.clone();
        let mut expected = Expected::new();
        expected.insert((q1.clone(), None), (AnswerValue::Yes, "全端末で".into()));
        let header = BTreeMap::new();
        let c = &imp.catalogue;
        assert!(
            read_back(
                path,
                &bytes,
                (c, &mapping),
                (&expected, &ExpectedDates::new(), &header),
                &v
            )
            .is_ok()
        );
        expected.insert((q1.clone(), None), (AnswerValue::No, "全端末で".into()));
        let e = read_back(
            path,
            &bytes,
            (c, &mapping),
            (&expected, &ExpectedDates::new(), &header),
            &v,
        )
        .unwrap_err();
        assert!(
            matches!(&e, XlsxError::NotVerified { what, expected, found, .. }
                if what == "1" && expected == "いいえ" && found == "はい"),
            "{e:?}"
        );
        expected.insert((q1, None), (AnswerValue::Yes, "別の備考".into()));
        let e = read_back(
            path,
            &bytes,
            (c, &mapping),
            (&expected, &ExpectedDates::new(), &header),
            &v,
        )
        .unwrap_err();
        assert!(
            matches!(&e, XlsxError::NotVerified { found, .. } if found == "全端末で"),
            "{e:?}"
        );
    }
}
