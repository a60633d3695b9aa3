//! Calendar dates as Japanese forms print them (西暦 and 和暦), for the 作成日 of a statement
//! and the dates of the register.

use super::text::fold_width;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

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
}
