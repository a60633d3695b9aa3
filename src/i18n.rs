//! User-facing text: Fluent messages from `locales/<lang>/*.ftl`, Japanese first, English as
//! the fallback; and the localisation of every error and finding (the library's errors stay
//! plain data; their words live here, at the edge).

mod catalogue;
mod detail;
mod export;
mod hospital;
mod import;
mod library;
pub mod signature;
pub use library::place_text;
mod workbook;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::assets::{AssetError, locale_sources};
use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::CatalogueIssue;
use crate::domain::project::AnswerDate;
use crate::domain::project::{EditError, ResolveError};
use crate::domain::validation::{Finding, FindingKind, Severity};
use crate::io::atomic::SaveError;
use crate::io::lock::LockError;
use crate::io::read::ReadError;
use crate::io::{FileError, FileKind};

/// The languages the app speaks.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "ja")]
    Ja,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// `ja`, `ja-JP`, `ja_JP.UTF-8` → Japanese; `en…` → English.
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        if c.starts_with("ja") {
            Some(Lang::Ja)
        } else if c.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// `KAIJISHO_LANG` if set, else the OS locale: Japanese when it is Japanese, English
    /// otherwise.
    pub fn detect() -> Lang {
        if let Some(l) = std::env::var("KAIJISHO_LANG")
            .ok()
            .and_then(|v| Lang::from_code(&v))
        {
            return l;
        }
        match sys_locale::get_locale() {
            Some(l) if Lang::from_code(&l) == Some(Lang::Ja) => Lang::Ja,
            _ => Lang::En,
        }
    }
}

/// Looks up messages in one language, falling back to English, then to the message id.
pub struct Localizer {
    lang: Lang,
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .finish()
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = match lang {
        Lang::Ja => unic_langid::langid!("ja-JP"),
        Lang::En => unic_langid::langid!("en-US"),
    };
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/2069) show up as junk in terminals and in egui.
    b.set_use_isolating(false);
    for src in locale_sources(lang.code()) {
        // A syntax error in one message leaves the others usable; the test suite checks that
        // every file parses cleanly.
        let res = match FluentResource::try_new(src.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                log::error!("locales/{}: {errors:?}", lang.code());
                r
            }
        };
        b.add_resource_overriding(res);
    }
    b
}

impl Localizer {
    pub fn new(lang: Lang) -> Localizer {
        let mut bundles = vec![bundle(lang)];
        if lang != Lang::En {
            bundles.push(bundle(Lang::En));
        }
        Localizer { lang, bundles }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message with arguments.
    pub fn ta(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa))
    }

    /// Whether a message exists in this language or the fallback.
    pub fn has(&self, id: &str) -> bool {
        self.bundles.iter().any(|b| b.has_message(id))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for b in &self.bundles {
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = b.format_pattern(pattern, args, &mut errors).into_owned();
                if !errors.is_empty() {
                    log::warn!("message {id}: {errors:?}");
                }
                return text;
            }
        }
        log::warn!("message {id} is missing in every language");
        id.to_string()
    }

    /// The word for an answer value in the UI (the form's own word in Japanese).
    pub fn value(&self, v: AnswerValue) -> String {
        self.t(&format!("value-{}", v.key()))
    }

    /// An answer word as the UI shows it: the form's word, glossed in English (「はい (Yes)」).
    pub fn answer(&self, v: AnswerValue) -> String {
        self.t(&format!("answer-word-{}", v.key()))
    }

    /// An answer as the navigator's narrow status column shows it (「はい」, "Yes").
    pub fn answer_tag(&self, v: AnswerValue) -> String {
        self.t(&format!("answer-tag-{}", v.key()))
    }

    /// A review status as the UI shows it (「要対応 (action required)」 in English).
    pub fn review_status(&self, st: crate::domain::project::ReviewStatus) -> String {
        self.t(&format!("review-status-{}", st.key()))
    }

    pub fn severity(&self, s: Severity) -> String {
        self.t(&format!("severity-{}", s.key()))
    }
}

fn s(v: impl ToString) -> FluentValue<'static> {
    FluentValue::from(v.to_string())
}

/// A library's own words about a problem (the zip reader's, the operating system's), without
/// the Rust type paths some of them print: `Unexpected end of zip::format::blocks::Zip32CDEBlock`
/// becomes `Unexpected end of Zip32 CDE block`.
pub(crate) fn said(v: impl ToString) -> FluentValue<'static> {
    FluentValue::from(detail::plain_detail(&v.to_string()))
}

fn path(p: &std::path::Path) -> FluentValue<'static> {
    s(p.display())
}

/// The most items of a list an error message names before "and N more".
const MAX_LISTED: usize = 10;

/// The first few problems, and how many more: a broken file of 100,000 questions must not
/// become a message of megabytes.
fn listed<T: Localize>(l: &Localizer, issues: &[T]) -> String {
    let mut list: Vec<String> = issues
        .iter()
        .take(MAX_LISTED)
        .map(|i| i.localize(l))
        .collect();
    if issues.len() > MAX_LISTED {
        list.push(l.ta("and-more", &[("count", s(issues.len() - MAX_LISTED))]));
    }
    list.join(" / ")
}

/// Anything that can be said to the user in their language.
pub trait Localize {
    fn localize(&self, l: &Localizer) -> String;
}

impl Localize for ReadError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            ReadError::Io { path: p, source } if source.kind() == std::io::ErrorKind::NotFound => {
                l.ta("err-not-found", &[("file", path(p))])
            }
            ReadError::Io { path: p, source } => {
                l.ta("err-read", &[("file", path(p)), ("detail", said(source))])
            }
            ReadError::IsFolder { path: p } => l.ta("err-is-folder", &[("file", path(p))]),
            ReadError::NotAFile { path: p } => l.ta("err-not-a-file", &[("file", path(p))]),
            ReadError::TooLarge {
                path: p,
                size,
                limit,
            } => l.ta(
                "err-too-large",
                &[("file", path(p)), ("size", s(size)), ("limit", s(limit))],
            ),
        }
    }
}

impl Localize for SaveError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            SaveError::NoFolder { path: p } => l.ta("err-save-no-folder", &[("file", path(p))]),
            SaveError::Write { path: p, source } => l.ta(
                "err-save-write",
                &[("file", path(p)), ("detail", said(source))],
            ),
            SaveError::Backup { path: p, source } => l.ta(
                "err-save-backup",
                &[("file", path(p)), ("detail", said(source))],
            ),
            SaveError::IsFolder { path: p } => l.ta("err-is-folder", &[("file", path(p))]),
            SaveError::NotAFile { path: p } => l.ta("err-save-not-a-file", &[("file", path(p))]),
            SaveError::LinkLoop { path: p } => l.ta("err-save-link-loop", &[("file", path(p))]),
            SaveError::ChangedOnDisk { path: p } => {
                l.ta("err-save-changed-on-disk", &[("file", path(p))])
            }
            SaveError::TooLarge { path: p, limit } => l.ta(
                "err-save-too-large",
                &[("file", path(p)), ("limit", s(limit))],
            ),
            SaveError::Received { path: p } => l.ta("err-save-received", &[("file", path(p))]),
            SaveError::Lock(LockError::Busy { path: p }) => {
                l.ta("err-save-busy", &[("file", path(p))])
            }
            SaveError::Lock(LockError::Io { path: p, source }) => l.ta(
                "err-save-lock",
                &[("file", path(p)), ("detail", said(source))],
            ),
            SaveError::Lock(LockError::NotAFile { path: p }) => {
                l.ta("err-save-lock-not-a-file", &[("file", path(p))])
            }
        }
    }
}

fn kind_word(l: &Localizer, k: FileKind) -> String {
    l.t(match k {
        FileKind::Project => "kind-project",
        FileKind::Catalogue => "kind-catalogue",
        FileKind::Foreign => "kind-foreign",
        FileKind::Profile => "kind-profile",
        FileKind::Register => "kind-register",
        FileKind::Review => "kind-review",
        FileKind::Dossier => "kind-dossier",
        FileKind::Library => "kind-library",
    })
}

impl Localize for FileError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            FileError::Read(e) => e.localize(l),
            FileError::Save(e) => e.localize(l),
            FileError::NotUtf8 { path: p } => l.ta("err-not-utf8", &[("file", path(p))]),
            FileError::BadSchemaVersion { path: p, found } => l.ta(
                "err-bad-schema-version",
                &[("file", path(p)), ("found", s(found))],
            ),
            FileError::Syntax {
                path: p,
                line,
                column,
                detail,
            } => l.ta(
                "err-syntax",
                &[
                    ("file", path(p)),
                    ("line", s(line)),
                    ("column", s(column)),
                    ("detail", said(detail)),
                ],
            ),
            FileError::Data {
                path: p,
                line,
                column,
                field,
                detail,
            } => l.ta(
                "err-data",
                &[
                    ("file", path(p)),
                    ("line", s(line)),
                    ("column", s(column)),
                    ("field", s(field)),
                    ("detail", said(detail)),
                ],
            ),
            FileError::WrongKind {
                path: p,
                expected,
                found,
            } => l.ta(
                "err-wrong-kind",
                &[
                    ("file", path(p)),
                    ("expected", s(kind_word(l, *expected))),
                    ("found", s(kind_word(l, *found))),
                ],
            ),
            FileError::TooNew {
                path: p,
                version,
                supported,
            } => l.ta(
                "err-too-new",
                &[
                    ("file", path(p)),
                    ("version", s(version)),
                    ("supported", s(supported)),
                ],
            ),
            FileError::Catalogue { path: p, issues } => l.ta(
                "err-catalogue",
                &[("file", path(p)), ("issues", s(listed(l, issues)))],
            ),
            FileError::Resolve { path: p, source } => {
                format!("{}: {}", p.display(), source.localize(l))
            }
            FileError::Workbook(e) => e.localize(l),
            FileError::Profile { path: p, issues } => hospital::profile_error(l, p, issues),
            FileError::Library { path: p, issue } => l.ta(
                "err-library",
                &[("file", path(p)), ("issue", s(issue.localize(l)))],
            ),
            FileError::TooManyFiles { path: p, limit } => l.ta(
                "err-too-many-files",
                &[("folder", path(p)), ("limit", s(limit))],
            ),
        }
    }
}

impl Localize for ResolveError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            ResolveError::NotFound { id } => l.ta("err-resolve-not-found", &[("id", s(id))]),
            ResolveError::Mismatch {
                id,
                expected,
                found,
            } => l.ta(
                "err-resolve-mismatch",
                &[
                    ("id", s(id)),
                    ("expected", s(expected)),
                    ("found", s(found)),
                ],
            ),
        }
    }
}

impl Localize for crate::domain::exercise::ExerciseError {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::exercise::ExerciseError as E;
        match self {
            E::NotAnExercise => l.t("err-exercise-not-exercise"),
            E::OtherCatalogue { model, exercise } => l.ta(
                "err-exercise-other-catalogue",
                &[("model", s(model)), ("exercise", s(exercise))],
            ),
        }
    }
}

impl Localize for CatalogueIssue {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            CatalogueIssue::NoQuestions => l.t("cat-no-questions"),
            CatalogueIssue::EmptyId => l.t("cat-empty-id"),
            CatalogueIssue::DuplicateId { id } => l.ta("cat-duplicate-id", &[("id", s(id))]),
            CatalogueIssue::BadNumber { id, number } => {
                l.ta("cat-bad-number", &[("id", s(id)), ("number", s(number))])
            }
            CatalogueIssue::DuplicateNumber {
                number,
                first,
                second,
            } => l.ta(
                "cat-duplicate-number",
                &[
                    ("number", s(number)),
                    ("first", s(first)),
                    ("second", s(second)),
                ],
            ),
            CatalogueIssue::EmptyText { id } => l.ta("cat-empty-text", &[("id", s(id))]),
            CatalogueIssue::NoOptions { id } => l.ta("cat-no-options", &[("id", s(id))]),
            CatalogueIssue::DuplicateOption { id, option } => l.ta(
                "cat-duplicate-option",
                &[("id", s(id)), ("option", s(option))],
            ),
            CatalogueIssue::GateUnknown { id, gate } => {
                l.ta("cat-gate-unknown", &[("id", s(id)), ("gate", s(gate))])
            }
            CatalogueIssue::GateNotBefore { id, gate } => {
                l.ta("cat-gate-not-before", &[("id", s(id)), ("gate", s(gate))])
            }
            CatalogueIssue::GateTooDeep { id, depth } => l.ta(
                "cat-gate-too-deep",
                &[
                    ("id", s(id)),
                    ("depth", s(depth)),
                    ("limit", s(crate::domain::catalogue::MAX_GATE_DEPTH)),
                ],
            ),
            CatalogueIssue::TooManyQuestions { count } => l.ta(
                "cat-too-many-questions",
                &[
                    ("count", s(count)),
                    ("limit", s(crate::domain::catalogue::MAX_QUESTIONS)),
                ],
            ),
            CatalogueIssue::GateValue { id, gate, value } => l.ta(
                "cat-gate-value",
                &[
                    ("id", s(id)),
                    ("gate", s(gate)),
                    ("value", s(l.value(*value))),
                ],
            ),
        }
    }
}

impl Localize for EditError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            EditError::UnknownQuestion(id) => l.ta("finding-unknown_question", &[("id", s(id))]),
            EditError::ValueNotAllowed { number, value } => l.ta(
                "err-value-not-allowed",
                &[("number", s(number)), ("value", s(l.value(*value)))],
            ),
            EditError::OptionRequired { number } => {
                l.ta("err-option-required", &[("number", s(number))])
            }
            EditError::NotAnOptionQuestion { number } => {
                l.ta("err-not-option", &[("number", s(number))])
            }
            EditError::UnknownOption { number, option } => l.ta(
                "err-unknown-option",
                &[("number", s(number)), ("option", s(option))],
            ),
            EditError::NotAnExercise => l.t("err-participant-not-exercise"),
            EditError::NoSuchCandidate { number } => {
                l.ta("err-no-such-candidate", &[("number", s(number))])
            }
            EditError::NoCondition { number } => l.ta("err-no-condition", &[("number", s(number))]),
        }
    }
}

impl Localize for crate::io::pdf::PdfError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            crate::io::pdf::PdfError::Font => l.t("err-font"),
            crate::io::pdf::PdfError::Save(e) => e.localize(l),
        }
    }
}

impl Localize for crate::domain::matching::MatchKind {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::matching::MatchKind;
        match self {
            MatchKind::Id => l.t("match-id"),
            MatchKind::NumberAndRef => l.t("match-number"),
            MatchKind::Similar { score } => l.ta(
                "match-similar",
                &[("score", s(format!("{:.0}", score * 100.0)))],
            ),
        }
    }
}

impl Localizer {
    /// The name of a kind of reason ([`crate::domain::edition::Reason::key`]), without its
    /// details: what 「…をすべて確認」 names.
    pub fn reason_kind(&self, key: &str) -> String {
        self.t(match key {
            "same_id" => "carry-kind-same-id",
            "correspondence" => "carry-kind-correspondence",
            "number_and_ref" => "carry-kind-number-and-ref",
            "same_text" => "carry-kind-same-text",
            "similar" => "carry-kind-similar",
            _ => "carry-kind-ref-only",
        })
    }
}

impl Localize for crate::domain::edition::Reason {
    /// Why an earlier question was taken: 同じ設問, 対応表 シス14① ← 6.5.C1, 文言が変わった 87 %…
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::edition::Reason;
        match self {
            Reason::SameId => l.t("carry-reason-same-id"),
            Reason::Correspondence { old_ref, new_ref } => l.ta(
                "carry-reason-correspondence",
                &[("old", s(old_ref)), ("new", s(new_ref))],
            ),
            Reason::NumberAndRef => l.t("carry-reason-number-and-ref"),
            Reason::SameText => l.t("carry-reason-same-text"),
            Reason::Similar { percent } => l.ta(
                "carry-reason-similar",
                &[("percent", FluentValue::from(*percent))],
            ),
            Reason::RefOnly => l.t("carry-reason-ref-only"),
        }
    }
}

impl Localize for crate::domain::carry::CarryItem {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::carry::CarryItem;
        match self {
            CarryItem::Carried {
                number,
                old_number,
                reason,
                changed,
                moved_ref,
                ..
            } => l.ta(
                match (changed, moved_ref) {
                    (true, _) => "carry-changed",
                    (false, true) => "carry-moved-ref",
                    (false, false) => "carry-moved",
                },
                &[
                    ("number", s(number)),
                    ("old", s(old_number)),
                    ("how", s(reason.localize(l))),
                ],
            ),
            CarryItem::Offered { number, candidates } => l.ta(
                "carry-offered",
                &[
                    ("number", s(number)),
                    ("count", FluentValue::from(*candidates)),
                ],
            ),
            CarryItem::Unmatched { number } => l.ta("carry-unmatched", &[("number", s(number))]),
            CarryItem::Dropped { old_number, text } => l.ta(
                "carry-dropped",
                &[
                    ("old", s(old_number)),
                    ("text", s(crate::domain::text::for_display(text))),
                ],
            ),
        }
    }
}

impl Localize for crate::domain::carry::CarryReport {
    /// The summary line: counts of carried, changed, offered, new and dropped questions.
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::carry::CarryItem;
        let n = |f: &dyn Fn(&CarryItem) -> bool| FluentValue::from(self.count(f));
        l.ta(
            "carry-summary",
            &[
                (
                    "moved",
                    n(&|i| matches!(i, CarryItem::Carried { changed: false, .. })),
                ),
                (
                    "changed",
                    n(&|i| matches!(i, CarryItem::Carried { changed: true, .. })),
                ),
                ("offered", n(&|i| matches!(i, CarryItem::Offered { .. }))),
                (
                    "unmatched",
                    n(&|i| matches!(i, CarryItem::Unmatched { .. })),
                ),
                ("dropped", n(&|i| matches!(i, CarryItem::Dropped { .. }))),
            ],
        )
    }
}

impl Localize for AssetError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            AssetError::Missing { file } | AssetError::Invalid { file, .. } => l.ta(
                "err-asset",
                &[("file", s(file)), ("detail", said(self.to_string()))],
            ),
            AssetError::File(e) => e.localize(l),
        }
    }
}

/// The message id naming an answer's date (確認日 / 目標日).
pub fn answer_date_id(which: AnswerDate) -> &'static str {
    match which {
        AnswerDate::Checked => "answer-date-checked",
        AnswerDate::Due => "answer-date-due",
    }
}

impl Localize for Finding {
    /// The message alone (severity and number are shown beside it).
    fn localize(&self, l: &Localizer) -> String {
        let msg = match &self.kind {
            FindingKind::Unanswered => l.t("finding-unanswered"),
            FindingKind::RemarkMissing { value } => {
                l.ta("finding-remark_missing", &[("value", s(l.value(*value)))])
            }
            FindingKind::GatedOff { gate_number } => {
                l.ta("finding-gated_off", &[("gate", s(gate_number))])
            }
            FindingKind::UnknownQuestion => {
                l.ta("finding-unknown_question", &[("id", s(&self.question_id))])
            }
            FindingKind::UnknownOption { option } => {
                l.ta("finding-unknown_option", &[("option", s(option))])
            }
            FindingKind::InvalidValue { value } => {
                l.ta("finding-invalid_value", &[("value", s(l.value(*value)))])
            }
            FindingKind::Recheck => l.t("finding-recheck"),
            FindingKind::RecheckLibrary => l.t("finding-recheck-library"),
            FindingKind::DateUnreadable { which, text } => l.ta(
                "finding-date_unreadable",
                &[("date", s(l.t(answer_date_id(*which)))), ("text", s(text))],
            ),
            FindingKind::ConditionWithoutAnswer { condition } => l.ta(
                "finding-condition_without_answer",
                &[("condition", s(condition))],
            ),
            FindingKind::ConditionNotKept { condition } => {
                l.ta("finding-condition_not_kept", &[("condition", s(condition))])
            }
        };
        match &self.option {
            Some(o) => format!("{}: {msg}", l.ta("finding-option", &[("option", s(o))])),
            None => msg,
        }
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    /// Both languages define the same ids (that every id used in code exists is checked by
    /// tests/i18n.rs).
    #[test]
    fn japanese_and_english_define_the_same_messages() {
        let ids = |lang: &str| -> std::collections::BTreeSet<String> {
            locale_sources(lang)
                .iter()
                .flat_map(|src| {
                    let res = FluentResource::try_new(src.to_string())
                        .unwrap_or_else(|(_, e)| panic!("{lang}: {e:?}"));
                    res.entries()
                        .filter_map(|e| match e {
                            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let ja = ids("ja");
        let en = ids("en");
        assert_eq!(
            ja.symmetric_difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new()
        );
        assert!(ja.len() > 20);
    }

    #[test]
    fn japanese_first_english_fallback() {
        let ja = Localizer::new(Lang::Ja);
        let en = Localizer::new(Lang::En);
        assert_eq!(ja.value(AnswerValue::Yes), "はい");
        assert_eq!(ja.severity(Severity::Error), "エラー");
        assert_eq!(en.severity(Severity::Error), "error");
        assert_eq!(ja.t("no-such-message"), "no-such-message");
        let msg = ja.ta("err-not-found", &[("file", s("a.json"))]);
        assert!(msg.contains("a.json") && !msg.contains('\u{2068}'), "{msg}");
    }

    #[test]
    fn lang_codes() {
        assert_eq!(Lang::from_code("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_code("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
