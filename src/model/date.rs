//! Calendar dates (proleptic Gregorian, no time of day, no time zone).
//!
//! The calculator only ever needs whole days: a service starts on a day and ends on a day (inclusive),
//! a month has 28 to 31 days, a child turns a year older on a birthday. [`Date`] is a small, exact
//! civil-date type that parses and prints ISO 8601 (`2024-01-31`) and rejects impossible dates such as
//! `2025-02-30` with an error that says why.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest year accepted in any input.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted in any input.
pub const MAX_YEAR: i32 = 2200;

/// A calendar day, `YYYY-MM-DD`, between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: i16,
    month: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    #[error("'{0}' is not a date: write it as YYYY-MM-DD, e.g. 2024-01-31")]
    Format(String),
    /// The year is outside the accepted range.
    #[error("'{text}' is not a date: the year must be between {MIN_YEAR} and {MAX_YEAR}")]
    Year {
        /// The text as given.
        text: String,
    },
    /// The month is not 1 to 12.
    #[error("'{0}' is not a date: the month must be 01 to 12")]
    Month(String),
    /// The day does not exist in that month.
    #[error("'{text}' is not a date: {year}-{month:02} has {days} days")]
    Day {
        /// The text as given.
        text: String,
        /// Year of the text.
        year: i32,
        /// Month of the text.
        month: u32,
        /// Days in that month.
        days: u32,
    },
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (`month` is 1 to 12; anything else gives 0).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date from its parts, or an error naming what is wrong.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        Self::checked(year, month, day, &text)
    }

    fn checked(year: i32, month: u32, day: u32, text: &str) -> Result<Date, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::Year { text: text.into() });
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(text.into()));
        }
        let days = days_in_month(year, month);
        if day == 0 || day > days {
            return Err(DateError::Day { text: text.into(), year, month, days });
        }
        // The ranges above make these conversions lossless.
        Ok(Date { year: year as i16, month: month as u8, day: day as u8 })
    }

    /// Parse `YYYY-MM-DD` (exactly that form: four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let mut v = 0u32;
            for &c in b.get(r)? {
                if !c.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + u32::from(c - b'0');
            }
            Some(v)
        };
        let shown: String = text.chars().take(40).collect();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format(shown));
        }
        match (digits(0..4), digits(5..7), digits(8..10)) {
            (Some(y), Some(m), Some(d)) => Self::checked(y as i32, m, d, text),
            _ => Err(DateError::Format(shown)),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }
    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }
    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }
    /// The calendar month this day lies in.
    pub fn month_of(self) -> Month {
        Month { year: self.year, month: self.month }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn to_days(self) -> i32 {
        let (y, m, d) = (self.year(), self.month() as i32, self.day() as i32);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies within the accepted years.
    pub fn from_days(days: i32) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i32::from(m <= 2);
        Date::new(y, m as u32, d as u32).ok()
    }

    /// The next day, if within the accepted years.
    pub fn succ(self) -> Option<Date> {
        if u32::from(self.day) < days_in_month(self.year(), self.month()) {
            return Some(Date { day: self.day + 1, ..self });
        }
        self.month_of().succ().map(Month::first_day)
    }

    /// The previous day, if within the accepted years.
    pub fn pred(self) -> Option<Date> {
        if self.day > 1 {
            return Some(Date { day: self.day - 1, ..self });
        }
        self.month_of().pred().map(Month::last_day)
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i32 {
        other.to_days() - self.to_days()
    }

    /// The day on which someone born on `self` turns `years` old. Someone born on 29 February
    /// turns a year older on 1 March in years that are not leap years.
    pub fn anniversary(self, years: i32) -> Option<Date> {
        let y = self.year().checked_add(years)?;
        if self.month == 2 && self.day == 29 && !is_leap_year(y) {
            return Date::new(y, 3, 1).ok();
        }
        Date::new(y, self.month(), self.day()).ok()
    }

    /// Age in completed years on `on` of someone born on `self` (negative before birth).
    pub fn age_on(self, on: Date) -> i32 {
        if on < self {
            return -1;
        }
        let mut age = on.year() - self.year();
        match self.anniversary(age) {
            Some(b) if b > on => age -= 1,
            None => age -= 1,
            _ => {}
        }
        age
    }
}

impl Month {
    /// A month from year and month number.
    pub fn new(year: i32, month: u32) -> Option<Month> {
        Date::new(year, month, 1).ok().map(Date::month_of)
    }
    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }
    /// The month number, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }
    /// Number of days in this month.
    pub fn days(self) -> u32 {
        days_in_month(self.year(), self.month())
    }
    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date { year: self.year, month: self.month, day: 1 }
    }
    /// The last day of the month.
    pub fn last_day(self) -> Date {
        Date { year: self.year, month: self.month, day: self.days() as u8 }
    }
    /// The month after this one.
    pub fn succ(self) -> Option<Month> {
        if self.month == 12 {
            Month::new(self.year() + 1, 1)
        } else {
            Some(Month { month: self.month + 1, ..self })
        }
    }
    /// The month before this one.
    pub fn pred(self) -> Option<Month> {
        if self.month == 1 {
            Month::new(self.year() - 1, 12)
        } else {
            Some(Month { month: self.month - 1, ..self })
        }
    }
    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        (other.year() - self.year()) * 12 + other.month() as i32 - self.month() as i32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl std::str::FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        Date::parse(s)
    }
}

/// Write `n` as `width` decimal digits (zero-padded) into `out`.
fn digits(out: &mut [u8], mut n: u32) {
    for b in out.iter_mut().rev() {
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

impl Date {
    /// `YYYY-MM-DD` without the formatting machinery (every line has dates).
    pub(crate) fn iso(&self) -> [u8; 10] {
        // Years are 1900..=2200 (see `Date::new`), so four digits always suffice.
        let mut b = *b"0000-00-00";
        digits(&mut b[0..4], u32::from(self.year.unsigned_abs()));
        digits(&mut b[5..7], u32::from(self.month));
        digits(&mut b[8..10], u32::from(self.day));
        b
    }
}

impl Month {
    /// `YYYY-MM` without the formatting machinery.
    pub(crate) fn iso(&self) -> [u8; 7] {
        let mut b = *b"0000-00";
        digits(&mut b[0..4], u32::from(self.year.unsigned_abs()));
        digits(&mut b[5..7], u32::from(self.month));
        b
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.iso()).unwrap_or_default())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(std::str::from_utf8(&self.iso()).unwrap_or_default())
    }
}

impl Month {
    /// Parse `YYYY-MM`.
    pub fn parse(text: &str) -> Result<Month, DateError> {
        match text.len() {
            7 => Date::parse(&format!("{text}-01"))
                .map(Date::month_of)
                .map_err(|_| DateError::Format(text.chars().take(40).collect())),
            _ => Err(DateError::Format(text.chars().take(40).collect())),
        }
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let text = String::deserialize(d)?;
        Month::parse(&text).map_err(|_| {
            serde::de::Error::custom(format!("'{text}' is not a month: write it as YYYY-MM, e.g. 2024-06"))
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written as \"YYYY-MM-DD\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let d = Date::parse("2024-02-29").unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert!(matches!(Date::parse("2025-02-30"), Err(DateError::Day { days: 28, .. })));
        assert!(matches!(Date::parse("2025-13-01"), Err(DateError::Month(_))));
        assert!(matches!(Date::parse("2025-1-01"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("１２３４-01-01"), Err(DateError::Format(_))));
    }

    #[test]
    fn day_numbers_round_trip() {
        let mut d = Date::new(1999, 12, 25).unwrap();
        let mut n = d.to_days();
        for _ in 0..2000 {
            assert_eq!(Date::from_days(n), Some(d));
            d = d.succ().unwrap();
            n += 1;
            assert_eq!(d.to_days(), n);
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
    }

    #[test]
    fn ages_and_leap_birthdays() {
        let born = Date::new(2020, 2, 29).unwrap();
        assert_eq!(born.anniversary(1), Date::new(2021, 3, 1).ok());
        assert_eq!(born.age_on(Date::new(2021, 2, 28).unwrap()), 0);
        assert_eq!(born.age_on(Date::new(2021, 3, 1).unwrap()), 1);
        assert_eq!(born.age_on(Date::new(2024, 2, 29).unwrap()), 4);
        assert_eq!(born.age_on(Date::new(2019, 1, 1).unwrap()), -1);
    }
}
