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
use super::text::fold_width;

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

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Whole months from `self` to `later` (negative when `later` is earlier).
    pub fn months_until(self, later: Date) -> i32 {
        let mut months = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        if later.day < self.day {
            months -= 1;
        }
        months
    }

    /// The days of `month` in `year` (0 for a month that does not exist).
    pub fn days_in_month(year: i32, month: u32) -> u32 {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// The day of the week, 0 = Sunday … 6 = Saturday (Sakamoto's method).
    pub fn weekday(self) -> u32 {
        const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
        let y = if self.month < 3 {
            self.year - 1
        } else {
            self.year
        };
        let t = T
            .get(self.month.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(0);
        (y + y / 4 - y / 100 + y / 400 + t + self.day as i32).rem_euclid(7) as u32
    }

    /// The date written the way `like` was: 和暦 (`令和8年11月23日`, `R8.11.23`) when `like`
    /// is written so and the date falls in 令和, else `2026年11月23日`.
    pub fn written_like(self, like: &str) -> String {
        let folded = fold_width(like.trim());
        let reiwa = self.year - 2018;
        if reiwa >= 1 && folded.starts_with("令和") {
            let y = if reiwa == 1 {
                "元".to_string()
            } else {
                reiwa.to_string()
            };
            format!("令和{y}年{}月{}日", self.month, self.day)
        } else if reiwa >= 1 && folded.starts_with('R') {
            format!("R{reiwa}.{}.{}", self.month, self.day)
        } else {
            format!("{}年{}月{}日", self.year, self.month, self.day)
        }
    }
}

/// The first year of each Japanese era kaijisho reads (令和, 平成).
const ERAS: [(&str, i32); 4] = [("令和", 2018), ("平成", 1988), ("R", 2018), ("H", 1988)];

/// Reads a date as Japanese forms print it: `2023年10月4日`, `2023/10/4`, `2023-10-04`,
/// `2023.10.4`, 和暦 `令和5年10月4日` / `R5.10.4` (元年 = 1), full-width digits too. `None` when the
/// text is not a real date.
pub fn parse_date(text: &str) -> Option<Date> {
    let folded: String = fold_width(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (offset, rest) = ERAS
        .iter()
        .find_map(|(era, start)| folded.strip_prefix(era).map(|r| (Some(*start), r)))
        .unwrap_or((None, folded.as_str()));
    let rest = rest.replacen("元", "1", 1);
    let parts: Vec<&str> = rest
        .split(['年', '月', '日', '/', '-', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<i32> {
        (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = match offset {
        Some(start) => start + number(y).filter(|n| *n >= 1)?,
        None => number(y).filter(|n| *n >= 1900)?,
    };
    let (month, day) = (number(m)? as u32, number(d)? as u32);
    let days = Date::days_in_month(year, month);
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
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

/// A statement read from the folder.
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
}

/// Compares editions as numbers (`5.2` < `6.0` < `7.0`); text that is not a number compares as
/// equal (no warning).
fn older(edition: &str, wanted: &str) -> bool {
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
        vendor: p.header.vendor.clone(),
        product: p.header.product.clone(),
        version: p.header.version.clone(),
        created: p.header.created.clone(),
        catalogue: c.title.clone(),
        form_version: c.form_version.clone(),
        edition: c.guideline_edition.clone(),
        answered: all.answered(),
        total: all.total(),
        verdict: check.map(StatementCheck::verdict),
        review,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    #[test]
    fn weekdays_and_dates_written_like_the_user_wrote() {
        // 2026-11-23 is a Monday; 2000-02-29 a Tuesday; 2019-05-01 (令和元年) a Wednesday.
        assert_eq!(d(2026, 11, 23).weekday(), 1);
        assert_eq!(d(2000, 2, 29).weekday(), 2);
        assert_eq!(d(2019, 5, 1).weekday(), 3);
        assert_eq!(Date::days_in_month(2024, 2), 29);
        assert_eq!(Date::days_in_month(2100, 2), 28);
        assert_eq!(
            d(2026, 11, 15).written_like("令和8年11月23日"),
            "令和8年11月15日"
        );
        assert_eq!(d(2019, 5, 1).written_like("令和"), "令和元年5月1日");
        assert_eq!(d(2026, 11, 15).written_like("Ｒ8.11.23"), "R8.11.15");
        assert_eq!(d(2026, 11, 15).written_like("2026/11/23"), "2026年11月15日");
        assert_eq!(d(2026, 11, 15).written_like(""), "2026年11月15日");
        for like in ["令和8年11月23日", "R8.11.23", "x"] {
            let w = d(2026, 1, 9).written_like(like);
            assert_eq!(parse_date(&w), Some(d(2026, 1, 9)), "{w}");
        }
    }

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn dates_as_japanese_forms_print_them() {
        assert_eq!(parse_date("2023年10月4日"), Some(d(2023, 10, 4)));
        assert_eq!(parse_date("２０２３／１０／０４"), Some(d(2023, 10, 4)));
        assert_eq!(parse_date("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(parse_date("令和5年10月4日"), Some(d(2023, 10, 4)));
        assert_eq!(parse_date("令和元年5月1日"), Some(d(2019, 5, 1)));
        assert_eq!(parse_date("平成31年4月30日"), Some(d(2019, 4, 30)));
        assert_eq!(parse_date("R5.10.4"), Some(d(2023, 10, 4)));
        for bad in [
            "あした",
            "2023年13月1日",
            "2023-02-29",
            "10月4日",
            "",
            "99999/1/1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(d(2023, 10, 4).months_until(d(2025, 10, 4)), 24);
        assert_eq!(d(2023, 10, 4).months_until(d(2025, 10, 3)), 23);
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
