//! The wall clock, read in one place: the time printed on a PDF and the date a new statement
//! is created on.

/// The time printed on the PDF and in its metadata.
pub fn now() -> jiff::Zoned {
    jiff::Zoned::now()
}

/// Today as printed in the form's header: `2026年11月22日` (local time zone).
pub fn today_japanese() -> String {
    let d = now().date();
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
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
