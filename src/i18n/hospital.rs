//! The hospital side's words: profile problems, verdicts, register warnings.

use std::path::Path;

use super::{Localize, Localizer, listed, path, s};
use crate::domain::profile::{ProfileIssue, Verdict, Weight};
use crate::domain::register::Warning;

/// A profile that cannot be used: the file and the first few problems.
pub(super) fn profile_error(l: &Localizer, file: &Path, issues: &[ProfileIssue]) -> String {
    l.ta(
        "err-profile",
        &[("file", path(file)), ("issues", s(listed(l, issues)))],
    )
}

impl Localize for ProfileIssue {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            ProfileIssue::WrongFormat { found } => {
                l.ta("profile-wrong-format", &[("found", s(found))])
            }
            ProfileIssue::TooNew { found, supported } => l.ta(
                "profile-too-new",
                &[("found", s(found)), ("supported", s(supported))],
            ),
            ProfileIssue::TooManyRules { count, max } => l.ta(
                "profile-too-many-rules",
                &[("count", s(count)), ("max", s(max))],
            ),
            ProfileIssue::NothingAccepted { rule } => {
                l.ta("profile-nothing-accepted", &[("rule", s(rule))])
            }
            ProfileIssue::UnansweredAccepted { rule } => {
                l.ta("profile-unanswered-accepted", &[("rule", s(rule))])
            }
            ProfileIssue::EmptySelector { rule, key } => l.ta(
                "profile-empty-selector",
                &[("rule", s(rule)), ("key", s(key))],
            ),
            ProfileIssue::MatchesNothing { rule, selector } => l.ta(
                "profile-matches-nothing",
                &[("rule", s(rule)), ("selector", s(selector))],
            ),
        }
    }
}

impl Localize for Verdict {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            Verdict::Within => l.t("verdict-within"),
            Verdict::Outside {
                required,
                recommended,
            } => l.ta(
                "verdict-outside",
                &[("required", s(required)), ("recommended", s(recommended))],
            ),
            Verdict::Incomplete { unanswered } => {
                l.ta("verdict-incomplete", &[("unanswered", s(unanswered))])
            }
        }
    }
}

impl Localize for Weight {
    fn localize(&self, l: &Localizer) -> String {
        l.t(&format!("weight-{}", self.key()))
    }
}

impl Localize for Warning {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            Warning::Old { months } => l.ta("register-old", &[("months", s(months))]),
            Warning::NoDate => l.t("register-no-date"),
            Warning::OlderEdition { edition, wanted } => l.ta(
                "register-older-edition",
                &[("edition", s(edition)), ("wanted", s(wanted))],
            ),
        }
    }
}

impl Localize for crate::domain::profile_edit::ProfileEditError {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::profile_edit::ProfileEditError as E;
        match self {
            E::NameTooLong { max } => l.ta("profile-edit-name-too-long", &[("max", s(max))]),
            E::NothingAccepted => l.t("profile-edit-nothing-accepted"),
            E::UnansweredAccepted => l.t("profile-edit-unanswered-accepted"),
            E::UnknownQuestion(id) => l.ta("finding-unknown_question", &[("id", s(id))]),
            E::NothingCites(r) => l.ta("profile-edit-nothing-cites", &[("reference", s(r))]),
            E::TooManyRules { max } => l.ta("profile-edit-too-many-rules", &[("max", s(max))]),
            E::NoRule(number) => l.ta("profile-edit-no-rule", &[("number", s(number))]),
        }
    }
}

impl Localize for crate::domain::register_edit::RegisterEditError {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::register_edit::RegisterEditError as E;
        match self {
            E::AgeTooLarge { max } => l.ta("register-edit-age-too-large", &[("max", s(max))]),
            E::TooLong { max } => l.ta("register-edit-too-long", &[("max", s(max))]),
            E::ProfileNotInFolder(name) => {
                l.ta("register-edit-profile-not-in-folder", &[("name", s(name))])
            }
            E::NoFile => l.t("register-edit-no-file"),
            E::TooManyEntries { max } => l.ta("register-edit-too-many-entries", &[("max", s(max))]),
        }
    }
}

impl Localize for crate::domain::dossier_edit::DossierEditError {
    fn localize(&self, l: &Localizer) -> String {
        use crate::domain::dossier_edit::DossierEditError as E;
        match self {
            E::TooLong { max } => l.ta("register-edit-too-long", &[("max", s(max))]),
            E::NoItem => l.t("dossier-edit-no-item"),
            E::TooManyNotes { max } => l.ta("dossier-edit-too-many-notes", &[("max", s(max))]),
        }
    }
}
