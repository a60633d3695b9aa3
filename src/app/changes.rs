//! "What changed since the last submission" in the user's language: the words its PDF and
//! workbook are printed in ([`changes_wording`]), for the CLI and the window alike.

use crate::domain::answer::AnswerValue;
use crate::i18n::Localizer;
use crate::io::changes::{ChangesWording, KindWords, ValueWords};

/// A template of the printed list: the message with each argument left as its own `{name}`
/// blank, filled by the io layer ([`crate::domain::form::fill`]).
/// The message `id` with its placeables left as `{name}` blanks (filled in by the PDF writer).
pub(crate) fn template(l: &Localizer, id: &str, names: &[&str]) -> String {
    let blanks: Vec<(&str, fluent_bundle::FluentValue<'_>)> = names
        .iter()
        .map(|n| (*n, format!("{{{n}}}").into()))
        .collect();
    l.ta(id, &blanks)
}

/// The words of the list of changes (PDF and workbook), in `l`'s language.
pub fn changes_wording(l: &Localizer) -> ChangesWording {
    let t = |id: &str| l.t(id);
    ChangesWording {
        title: t("changes-title"),
        sheet: t("changes-sheet"),
        col_kind: t("changes-col-kind"),
        col_number: t("changes-col-number"),
        col_question: t("changes-col-question"),
        col_before: t("changes-col-before"),
        col_after: t("changes-col-after"),
        kinds: KindWords {
            new: t("changes-kind-new"),
            reworded: t("changes-kind-reworded"),
            answer: t("changes-kind-answer"),
            dropped: t("changes-kind-dropped"),
        },
        values: ValueWords {
            unanswered: l.value(AnswerValue::Unanswered),
            yes: l.value(AnswerValue::Yes),
            no: l.value(AnswerValue::No),
            na: l.value(AnswerValue::NotApplicable),
            applies: l.value(AnswerValue::Applies),
            does_not_apply: l.value(AnswerValue::DoesNotApply),
        },
        before: t("changes-before"),
        after: t("changes-after"),
        vendor: t("changes-vendor"),
        product: t("changes-product"),
        version: t("changes-version"),
        created: t("changes-created"),
        checklist: t("changes-checklist"),
        fingerprint: t("changes-fingerprint"),
        checklist_value: template(l, "changes-checklist-value", &["title", "version"]),
        counts: t("changes-counts"),
        count_item: template(l, "changes-count-item", &["kind", "count"]),
        printed: template(l, "changes-printed", &["date"]),
        page: template(l, "changes-page", &["page", "pages"]),
        number_moved: template(l, "changes-number-moved", &["number", "old"]),
        number_dropped: template(l, "changes-number-dropped", &["old"]),
        text_before: template(l, "changes-text-before", &["text"]),
        text_after: template(l, "changes-text-after", &["text"]),
        reference: template(l, "changes-reference", &["reference"]),
        reference_moved: template(l, "changes-reference-moved", &["reference", "old"]),
        reference_before: template(l, "changes-reference-before", &["old"]),
        remark: template(l, "changes-remark", &["remark"]),
        condition: template(l, "changes-condition", &["condition"]),
        option: template(l, "changes-option", &["option", "value"]),
        none: t("changes-none"),
        nothing: t("changes-nothing"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn templates_keep_their_blanks_in_both_languages() {
        for lang in [Lang::Ja, Lang::En] {
            let w = changes_wording(&Localizer::new(lang));
            assert!(
                w.page.contains("{page}") && w.page.contains("{pages}"),
                "{}",
                w.page
            );
            assert!(w.printed.contains("{date}"), "{}", w.printed);
            assert!(w.number_moved.contains("{number}") && w.number_moved.contains("{old}"));
            assert!(w.option.contains("{option}") && w.option.contains("{value}"));
            assert!(!w.kinds.dropped.is_empty() && !w.col_after.is_empty());
        }
    }
}
