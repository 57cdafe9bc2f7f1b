//! Calendar dates and business days, for the enablement tracker's "expected completion".
//!
//! Adobe gives enablement "up to five business days". The tracker counts them from the day the
//! ticket was sent, skipping Saturdays and Sundays (public holidays differ by country and are not
//! counted). Dates are proleptic Gregorian, years 1 to 9999, with no time zone: the page passes the
//! user's local date.

use std::fmt;

/// How many business days enablement can take.
pub const ENABLEMENT_BUSINESS_DAYS: u32 = 5;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// 1 to 9999.
    pub year: u16,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the length of the month.
    pub day: u8,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// 0 for Monday to 6 for Sunday.
    fn index(self) -> i64 {
        self as i64
    }
}

/// True for leap years of the Gregorian calendar.
pub fn is_leap_year(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month (0 for a month outside 1 to 12).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The first date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The last date, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// A date, when it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        ((1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly: four-digit year, two-digit month and day, a date that exists.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u16::from(c - b'0'))
            })
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before it), after Howard Hinnant's `days_from_civil`.
    fn to_days(self) -> i64 {
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12; // March = 0
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, after Howard Hinnant's `civil_from_days`; `None`
    /// outside years 1 to 9999.
    fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            u16::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.to_days() + 3).rem_euclid(7) as usize]
    }

    /// The date `n` days later (earlier for negative `n`); `None` past the calendar's ends.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.to_days().checked_add(n)?)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The date `n` business days (Monday to Friday) after `date`. From a weekend, the first business
/// day is the Monday after it. `n = 0` gives `date` itself. `None` past 9999-12-31.
pub fn add_business_days(date: Date, n: u32) -> Option<Date> {
    if n == 0 {
        return Some(date);
    }
    let days = date.to_days();
    let mut wd = date.weekday().index();
    // Counting from a Saturday or Sunday is counting from the Friday before it.
    let start = if wd >= 5 {
        let back = wd - 4;
        wd = 4;
        days - back
    } else {
        days
    };
    let n = i64::from(n);
    let mut offset = n / 5 * 7;
    let rest = n % 5;
    offset += if wd + rest >= 5 { rest + 2 } else { rest };
    Date::from_days(start + offset)
}

/// The latest date enablement should be complete when the ticket was sent on `sent`.
pub fn expected_completion(sent: Date) -> Option<Date> {
    add_business_days(sent, ENABLEMENT_BUSINESS_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// The obvious day-by-day count, to check the arithmetic against.
    fn slow(date: Date, n: u32) -> Date {
        let mut cur = date;
        let mut left = n;
        while left > 0 {
            // A day later is later: with day arithmetic broken this fails, where it could loop.
            let next = cur.add_days(1).unwrap();
            assert!(next > cur, "{next} follows {cur}");
            cur = next;
            if !cur.weekday().is_weekend() {
                left -= 1;
            }
        }
        cur
    }

    #[test]
    fn parse_and_format_round_trip() {
        for s in [
            "2025-01-01",
            "2024-02-29",
            "0001-01-01",
            "9999-12-31",
            "2025-12-31",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
    }

    #[test]
    fn parse_refuses_what_is_not_a_date() {
        for s in [
            "",
            "2025-1-01",
            "2025-01-1",
            "25-01-01",
            "2025/01/01",
            "2025-00-10",
            "2025-13-01",
            "2025-01-00",
            "2025-01-32",
            "2025-02-29",
            "1900-02-29",
            "0000-01-01",
            "2025-04-31",
            "+025-01-01",
            "2025-01-01T00:00",
            " 2025-01-01",
            "２０２５-01-01",
        ] {
            assert_eq!(Date::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2025));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2000-01-01").weekday(), Weekday::Saturday);
        assert_eq!(d("2024-02-29").weekday(), Weekday::Thursday);
        assert_eq!(d("2025-09-15").weekday(), Weekday::Monday);
        assert_eq!(d("0001-01-01").weekday(), Weekday::Monday);
        assert_eq!(d("9999-12-31").weekday(), Weekday::Friday);
    }

    #[test]
    fn days_round_trip_over_the_whole_calendar() {
        let first = Date::MIN.to_days();
        let last = Date::MAX.to_days();
        let mut prev = Date::from_days(first).unwrap();
        assert_eq!(prev, Date::MIN);
        for n in first + 1..=last {
            let cur = Date::from_days(n).unwrap();
            assert!(cur > prev);
            assert_eq!(cur.to_days(), n);
            prev = cur;
        }
        assert_eq!(prev, Date::MAX);
        assert_eq!(Date::from_days(first - 1), None);
        assert_eq!(Date::from_days(last + 1), None);
    }

    #[test]
    fn five_business_days() {
        // Monday to next Monday; Friday to next Friday.
        assert_eq!(expected_completion(d("2025-09-15")), Some(d("2025-09-22")));
        assert_eq!(expected_completion(d("2025-09-19")), Some(d("2025-09-26")));
        // Weekends count from the Monday after.
        assert_eq!(expected_completion(d("2025-09-20")), Some(d("2025-09-26")));
        assert_eq!(expected_completion(d("2025-09-21")), Some(d("2025-09-26")));
        // Month end, year end, leap day.
        assert_eq!(expected_completion(d("2025-01-29")), Some(d("2025-02-05")));
        assert_eq!(expected_completion(d("2025-12-29")), Some(d("2026-01-05")));
        assert_eq!(expected_completion(d("2025-12-27")), Some(d("2026-01-02")));
        assert_eq!(expected_completion(d("2024-02-26")), Some(d("2024-03-04")));
        assert_eq!(expected_completion(d("2024-02-29")), Some(d("2024-03-07")));
    }

    #[test]
    fn small_counts() {
        assert_eq!(add_business_days(d("2025-09-19"), 1), Some(d("2025-09-22")));
        assert_eq!(add_business_days(d("2025-09-20"), 1), Some(d("2025-09-22")));
        assert_eq!(add_business_days(d("2025-09-21"), 1), Some(d("2025-09-22")));
        assert_eq!(add_business_days(d("2025-09-18"), 1), Some(d("2025-09-19")));
        assert_eq!(add_business_days(d("2025-09-20"), 0), Some(d("2025-09-20")));
    }

    #[test]
    fn arithmetic_matches_counting_day_by_day() {
        let mut date = d("2023-12-20");
        for _ in 0..500 {
            for n in 0..25 {
                assert_eq!(
                    add_business_days(date, n),
                    Some(slow(date, n)),
                    "{date} + {n}"
                );
            }
            date = date.add_days(1).unwrap();
        }
    }

    #[test]
    fn the_end_of_the_calendar_is_not_passed() {
        assert_eq!(add_business_days(d("9999-12-30"), 1), Some(d("9999-12-31")));
        assert_eq!(add_business_days(d("9999-12-31"), 1), None);
        assert_eq!(add_business_days(d("2025-01-01"), u32::MAX), None);
    }
}
