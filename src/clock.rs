//! Dates and times as the saved file spells them (`2026-11-27`, `2026-11-27T14:03:11Z`),
//! without a date-time dependency: civil dates from Unix days (Howard Hinnant's method).

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment, as seconds since the Unix epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn now() -> Self {
        let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(elapsed) => i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        };
        Timestamp(seconds)
    }

    /// `2026-11-27`
    pub fn date(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        format!("{year:04}-{month:02}-{day:02}")
    }

    /// `2026-11-27T14:03:11Z`
    pub fn timestamp(self) -> String {
        let seconds = self.0.rem_euclid(86_400);
        format!(
            "{}T{:02}:{:02}:{:02}Z",
            self.date(),
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = year - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Exactly two ASCII digits.
fn two_digits(text: &str) -> Option<u32> {
    if text.len() == 2 { digits(text) } else { None }
}

/// Days since the epoch of a `YYYY-MM-DD` date, if it is a real date.
fn parse_days(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (year, month, day) = (i64::from(digits(year)?), digits(month)?, digits(day)?);
    if !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    // A day past the month's end would roll into the next month.
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

/// A `YYYY-MM-DD` date in canonical form, or `None` when it is not a real date.
pub fn parse_date(text: &str) -> Option<String> {
    parse_days(text.trim()).map(|days| Timestamp(days * 86_400).date())
}

/// An RFC 3339 date-time (`Z` or `±HH:MM`, optional fraction) as a UTC timestamp.
pub fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', 't', ' '])?;
    let days = parse_days(date)?;
    let (clock, offset_seconds) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let sign_at = time.rfind(['+', '-'])?;
        let (clock, offset) = time.split_at(sign_at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let (hours, minutes) = offset[1..].split_once(':')?;
        // RFC 3339's offset is HH:MM, at most 23:59: a longer one is not a timestamp
        // (and multiplied out it could overflow).
        let (hours, minutes) = (two_digits(hours)?, two_digits(minutes)?);
        if hours > 23 || minutes > 59 {
            return None;
        }
        (clock, sign * i64::from(hours * 3600 + minutes * 60))
    };
    let clock = clock.split('.').next()?;
    let mut parts = clock.split(':');
    let (hour, minute, second) = (
        digits(parts.next()?)?,
        digits(parts.next()?)?,
        digits(parts.next()?)?,
    );
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let seconds = days * 86_400 + i64::from(hour * 3600 + minute * 60 + second.min(59));
    Some(Timestamp(seconds - offset_seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(Timestamp(0).timestamp(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(1_795_788_191).timestamp(), "2026-11-27T14:03:11Z");
        assert_eq!(Timestamp(951_782_400).date(), "2000-02-29");
    }

    #[test]
    fn parses_dates_and_refuses_impossible_ones() {
        assert_eq!(parse_date("2026-11-27").as_deref(), Some("2026-11-27"));
        assert_eq!(parse_date("2024-02-29").as_deref(), Some("2024-02-29"));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "26-11-27",
            "2026-1-27",
            "today",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_with_offsets_become_utc() {
        let utc = parse_timestamp("2026-11-27T14:03:11Z").unwrap();
        assert_eq!(utc.timestamp(), "2026-11-27T14:03:11Z");
        let offset = parse_timestamp("2026-11-27T15:03:11.250+01:00").unwrap();
        assert_eq!(offset, utc);
        assert_eq!(parse_timestamp("2026-11-27 14:03:11z"), Some(utc));
        assert_eq!(parse_timestamp("2026-11-27"), None);
        assert_eq!(parse_timestamp("2026-11-27T25:00:00Z"), None);
    }

    #[test]
    fn offsets_out_of_range_are_refused_not_overflowed() {
        for bad in [
            "2026-11-27T14:03:11+4294967295:00",
            "2026-11-27T14:03:11-99999:00",
            "2026-11-27T14:03:11+00:4294967295",
            "2026-11-27T14:03:11+24:00",
            "2026-11-27T14:03:11+01:60",
            "2026-11-27T14:03:11+1:00",
            "2026-11-27T14:03:11+01",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
        let east = parse_timestamp("2026-11-27T14:03:11+23:59").unwrap();
        assert_eq!(east.timestamp(), "2026-11-26T14:04:11Z");
        let west = parse_timestamp("0001-01-01T00:00:00-23:59").unwrap();
        assert_eq!(west.timestamp(), "0001-01-01T23:59:00Z");
    }

    #[test]
    fn the_extremes_of_an_instant_format_without_overflow() {
        for instant in [Timestamp(i64::MAX), Timestamp(i64::MIN), Timestamp(0)] {
            let text = instant.timestamp();
            assert!(text.ends_with('Z'), "{text}");
        }
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
