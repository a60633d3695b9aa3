//! The wall clock, read in one place: the time printed on a PDF and the date a new statement
//! is created on. The app reads it through its [`Clock`], which tests fix to one moment, so
//! what they check does not depend on the day they run.

/// The time printed on the PDF and in its metadata.
pub fn now() -> jiff::Zoned {
    jiff::Zoned::now()
}

/// Today as printed in the form's header: `2026年11月22日` (local time zone).
pub fn today_japanese() -> String {
    japanese(now().date())
}

/// A date as printed in the form's header: `2026年11月22日`.
pub fn japanese(d: jiff::civil::Date) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The clock the app reads the date and time from: the system's, or one fixed moment.
#[derive(Debug, Clone, Default)]
pub struct Clock {
    fixed: Option<jiff::Zoned>,
}

impl Clock {
    /// The system's clock.
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    /// A clock that always says `at`.
    pub fn fixed(at: jiff::Zoned) -> Clock {
        Clock { fixed: Some(at) }
    }

    pub fn now(&self) -> jiff::Zoned {
        self.fixed.clone().unwrap_or_else(now)
    }

    pub fn today(&self) -> jiff::civil::Date {
        self.now().date()
    }

    /// Today as printed in the form's header: `2026年11月22日`.
    pub fn today_japanese(&self) -> String {
        japanese(self.today())
    }
}

/// A moment in local time as the app shows it: `2026-11-23 16:20`.
pub fn local_time(t: std::time::SystemTime) -> String {
    match jiff::Timestamp::try_from(t) {
        Ok(ts) => ts
            .to_zoned(jiff::tz::TimeZone::system())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => String::new(),
    }
}
