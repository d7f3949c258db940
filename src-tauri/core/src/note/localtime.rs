//! Danish local time (Europe/Copenhagen) for the note's text, without a time-zone database.
//!
//! Denmark follows the EU rule since 1996: CET (UTC+1), and CEST (UTC+2) from the last Sunday
//! of March 01:00 UTC to the last Sunday of October 01:00 UTC. Writing that rule here costs
//! fifteen lines; chrono-tz would add the whole IANA database to the binary for one zone. The
//! signed JSON keeps UTC; only the printed text uses local time, so a future change of the
//! rule changes how new notes are printed, never what a signed note says.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc, Weekday};

use crate::domain::Lang;

/// The last Sunday of `month` in `year`, 01:00 UTC.
fn last_sunday_0100_utc(year: i32, month: u32) -> DateTime<Utc> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid date");
    let mut day = first_of_next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).expect("valid time"))
}

/// The UTC offset in force in Copenhagen at `t`.
pub fn copenhagen_offset(t: DateTime<Utc>) -> FixedOffset {
    let year = t.year();
    let summer = t >= last_sunday_0100_utc(year, 3) && t < last_sunday_0100_utc(year, 10);
    FixedOffset::east_opt(if summer { 2 * 3600 } else { 3600 }).expect("valid offset")
}

/// `t` in Copenhagen local time.
pub fn copenhagen(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&copenhagen_offset(t))
}

/// "05.11.2026 kl. 11.00" (Danish) or "05.11.2026 at 11:00" (English), Copenhagen time.
pub fn format_local(t: DateTime<Utc>, lang: Lang) -> String {
    let local = copenhagen(t);
    match lang {
        Lang::Da => local.format("%d.%m.%Y kl. %H.%M").to_string(),
        Lang::En => local.format("%d.%m.%Y at %H:%M").to_string(),
    }
}

/// The Copenhagen calendar day of a note timestamp, "05.11.2026" in both languages; `None`
/// if it does not parse.
pub fn format_stamp_date(stamp: &str) -> Option<String> {
    let t = DateTime::parse_from_rfc3339(stamp).ok()?;
    Some(
        copenhagen(t.with_timezone(&Utc))
            .format("%d.%m.%Y")
            .to_string(),
    )
}

/// Parses a note timestamp (RFC 3339) and formats it; the raw text if it does not parse.
pub fn format_stamp(stamp: &str, lang: Lang) -> String {
    match DateTime::parse_from_rfc3339(stamp) {
        Ok(t) => format_local(t.with_timezone(&Utc), lang),
        Err(_) => stamp.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }

    #[test]
    fn winter_and_summer_time_follow_the_eu_rule() {
        assert_eq!(
            format_local(utc(2026, 11, 28, 13, 5), Lang::Da),
            "28.11.2026 kl. 14.05"
        );
        assert_eq!(
            format_local(utc(2026, 7, 1, 8, 30), Lang::En),
            "01.07.2026 at 10:30"
        );
        // 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
        assert_eq!(
            copenhagen_offset(utc(2026, 3, 29, 0, 59)).local_minus_utc(),
            3600
        );
        assert_eq!(
            copenhagen_offset(utc(2026, 3, 29, 1, 0)).local_minus_utc(),
            7200
        );
        assert_eq!(
            copenhagen_offset(utc(2026, 10, 25, 0, 59)).local_minus_utc(),
            7200
        );
        assert_eq!(
            copenhagen_offset(utc(2026, 10, 25, 1, 0)).local_minus_utc(),
            3600
        );
        assert_eq!(
            format_stamp("2026-11-05T10:00:00.000Z", Lang::Da),
            "05.11.2026 kl. 11.00"
        );
    }
}
