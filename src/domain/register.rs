//! The register of received statements: what a hospital keeps beside the MDS/SDS it collected
//! from each vendor (the system a statement covers, when it arrived, a note), the rules for
//! warnings (statements older than an age, written against an older guideline edition), and one
//! row per statement as the register shows and exports it. The files are read elsewhere; this
//! module only judges.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::profile::{StatementCheck, Verdict};
use super::project::{Project, ReviewStatus};
use super::summary::tallies;
use super::text::{fold_width, visible};

pub use super::date::{Date, parse_date};

/// The `format` of a register file.
pub const REGISTER_FORMAT: &str = "kaijisho-register";
pub const REGISTER_FORMAT_VERSION: u32 = 1;
/// The register file's name in its folder.
pub const REGISTER_FILE: &str = "kaijisho-register.json";
/// The most files a register folder is read for (a hospital has 50–200 systems).
pub const MAX_REGISTER_FILES: usize = 5_000;

/// The hospital's own fields for one statement, kept by file name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The system the statement covers (電子カルテ, PACS …).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub system: String,
    /// When the statement was received, as written (`2026年4月1日`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub received: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// When the register warns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A statement whose 作成日 is older than this many months is flagged (0: never).
    #[serde(default = "default_age")]
    pub max_age_months: u32,
    /// The guideline edition statements should be written against (`6.0`); older ones are
    /// flagged. None: no check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// The acceptance profile the verdicts come from: a file in the register's folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

fn default_age() -> u32 {
    24
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            max_age_months: default_age(),
            edition: None,
            profile: None,
        }
    }
}

/// The register file of a folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterFile {
    pub format: String,
    pub format_version: u32,
    #[serde(default)]
    pub settings: Settings,
    /// File name (in the folder) → the hospital's fields.
    #[serde(default)]
    pub entries: IndexMap<String, Entry>,
}

impl Default for RegisterFile {
    fn default() -> RegisterFile {
        RegisterFile {
            format: REGISTER_FORMAT.to_string(),
            format_version: REGISTER_FORMAT_VERSION,
            settings: Settings::default(),
            entries: IndexMap::new(),
        }
    }
}

/// Why a row is flagged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// 作成日 older than the register's age.
    Old { months: i32 },
    /// 作成日 that is not a date.
    NoDate,
    /// Written against an older guideline edition than the register's.
    OlderEdition { edition: String, wanted: String },
}

/// A statement read from the folder; its header as shown (format characters written out).
#[derive(Debug, Clone, PartialEq)]
pub struct StatementRow {
    pub vendor: String,
    pub product: String,
    pub version: String,
    pub created: String,
    pub catalogue: String,
    pub form_version: String,
    pub edition: String,
    /// Answered / total answer items.
    pub answered: usize,
    pub total: usize,
    /// The profile check's verdict, when a profile was given.
    pub verdict: Option<Verdict>,
    /// Review counts (未確認, 確認済, 要確認, 要対応) when the file holds a review.
    pub review: Option<[usize; 4]>,
    pub warnings: Vec<Warning>,
    /// The statement's fingerprint (`sha256:…`), as its PDF prints it.
    pub fingerprint: String,
}

/// Compares editions as numbers (`5.2` < `6.0` < `7.0`); text that is not a number compares as
/// equal (no warning).
pub(super) fn older(edition: &str, wanted: &str) -> bool {
    let num = |s: &str| -> Option<(u32, u32)> {
        let f = fold_width(s);
        let mut it = f.trim().split('.');
        let major = it.next()?.parse().ok()?;
        let minor = it.next().map(|m| m.parse().ok()).unwrap_or(Some(0))?;
        Some((major, minor))
    };
    matches!((num(edition), num(wanted)), (Some(a), Some(b)) if a < b)
}

/// The row of a statement read from the folder: header, catalogue, completeness, verdict,
/// review, warnings judged against `today`.
pub fn statement_row(
    c: &Catalogue,
    p: &Project,
    check: Option<&StatementCheck>,
    settings: &Settings,
    today: Date,
) -> StatementRow {
    let (all, _) = tallies(c, p);
    let mut warnings = Vec::new();
    match parse_date(&p.header.created) {
        Some(d) => {
            let months = d.months_until(today);
            if settings.max_age_months > 0 && months >= settings.max_age_months as i32 {
                warnings.push(Warning::Old { months });
            }
        }
        None => warnings.push(Warning::NoDate),
    }
    if let Some(wanted) = &settings.edition
        && older(&c.guideline_edition, wanted)
    {
        warnings.push(Warning::OlderEdition {
            edition: c.guideline_edition.clone(),
            wanted: wanted.clone(),
        });
    }
    let review = (!p.review.is_empty()).then(|| {
        let mut counts = [0; 4];
        for q in c.questions() {
            let st = p.review.status(&q.id);
            if let Some(i) = ReviewStatus::ALL.iter().position(|s| *s == st)
                && let Some(n) = counts.get_mut(i)
            {
                *n += 1;
            }
        }
        counts
    });
    StatementRow {
        // As shown: a format character that draws nothing written out (`<U+200B>`).
        vendor: visible(&p.header.vendor),
        product: visible(&p.header.product),
        version: visible(&p.header.version),
        created: visible(&p.header.created),
        catalogue: c.title.clone(),
        form_version: c.form_version.clone(),
        edition: c.guideline_edition.clone(),
        answered: all.answered(),
        total: all.total(),
        verdict: check.map(StatementCheck::verdict),
        review,
        warnings,
        fingerprint: super::canonical::Statement::new(c, p).fingerprint(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn rows_warn_of_old_statements_and_older_editions() {
        let c = tiny();
        let header = Header {
            created: "2023年10月4日".into(),
            vendor: "A社".into(),
            ..Header::default()
        };
        let p = Project::new(&c, header, false);
        let settings = Settings {
            max_age_months: 24,
            edition: Some("6.0".into()),
            profile: None,
        };
        let row = statement_row(&c, &p, None, &settings, d(2026, 11, 23));
        assert_eq!(
            row.warnings,
            [
                Warning::Old { months: 37 },
                Warning::OlderEdition {
                    edition: "5.2".into(),
                    wanted: "6.0".into()
                }
            ]
        );
        assert_eq!((row.answered, row.total), (0, 5));
        assert_eq!(row.review, None);
        // Young enough, edition not asked: no warning.
        let row = statement_row(&c, &p, None, &Settings::default(), d(2024, 1, 1));
        assert!(row.warnings.is_empty(), "{:?}", row.warnings);
        assert!(older("5.2", "6.0") && !older("6.0", "6.0") && !older("第6版", "6.0"));
    }
}
