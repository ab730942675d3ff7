//! Calendar dates (proleptic Gregorian, no time of day, no time zone).
//!
//! The calculator only ever needs whole days: a service starts on a day and ends on a day (inclusive),
//! a month has 28 to 31 days, a child turns a year older on a birthday. [`Date`] is a thin wrapper
//! around [`jiff::civil::Date`] (the calendar: leap years, month lengths, next and previous day) that
//! parses and prints ISO 8601 (`2024-01-31`), keeps to the years [`MIN_YEAR`] to [`MAX_YEAR`], and
//! rejects impossible dates such as `2025-02-30` with an error that says why. jiff is used without
//! its time zone database (`default-features = false`, `std` only), so it builds for WebAssembly too.
//!
//! Day numbers ([`Date::to_days`], [`Date::from_days`]) go through jiff as well
//! ([`jiff::civil::Date::duration_since`] and [`jiff::civil::Date::checked_add`]); the split's hot
//! path steps with [`Date::succ`] and [`Month::succ`] and asks for ages. Measured with
//! `cargo test --release --lib day_number_speed -- --ignored --nocapture` (2026-12-01, busy 2-core
//! VM): `to_days` 7 to 23 ns through jiff against 10 to 19 ns for the former formula (the same, within
//! the noise), `from_days` 6 to 16 ns, `succ` 3 ns, `age_on` 4.7 ns (it was 276 ns while birthdays
//! were built through [`Date::new`], which writes the text of a possible error: ages now build dates
//! without it). A test checks every day from 1900 to 2200 against the former calendar.
//! `cargo bench --bench split -- case/`, the former calendar (A) and jiff (B) alternating four
//! times at load average 7.8 (the spread is the machine's): `compute_24_months/30` A 1.30-1.63 ms,
//! B 1.33-1.87 ms; `compute_24_months/8` A 327-517 µs, B 397-447 µs; `example_case_12_months`
//! A 145-233 µs, B 162-216 µs: no difference that the noise lets show.

use std::fmt;

use crate::i18n::{Lang, Message};
use jiff::civil::Date as Civil;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest year accepted in any input.
pub const MIN_YEAR: i32 = 1900;
/// Latest year accepted in any input.
pub const MAX_YEAR: i32 = 2200;

/// Day 0 of [`Date::to_days`].
const EPOCH: Civil = jiff::civil::date(1970, 1, 1);
/// Seconds in a civil day (jiff's civil days have no leap seconds).
const DAY_SECONDS: i64 = 86_400;

/// A calendar day, `YYYY-MM-DD`, between [`MIN_YEAR`] and [`MAX_YEAR`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(Civil);

/// A calendar month, `YYYY-MM` (held as its first day).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(Civil);

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not of the form `YYYY-MM-DD`.
    Format(String),
    /// The year is outside the accepted range.
    Year {
        /// The text as given.
        text: String,
    },
    /// The month is not 1 to 12.
    Month(String),
    /// The day does not exist in that month.
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

impl From<&DateError> for Message {
    fn from(e: &DateError) -> Message {
        match e {
            DateError::Format(text) => Message::NotADate { text: text.clone() },
            DateError::Year { text } => {
                Message::DateYear { text: text.clone(), min: MIN_YEAR.to_string(), max: MAX_YEAR.to_string() }
            }
            DateError::Month(text) => Message::DateMonth { text: text.clone() },
            DateError::Day { text, year, month, days } => {
                Message::DateDay { text: text.clone(), month: format!("{year}-{month:02}"), days: days.to_string() }
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Message::from(self).text(Lang::En))
    }
}

impl std::error::Error for DateError {}

/// The first day of a month in jiff's calendar, if jiff has that year and the month is 1 to 12.
fn first_of(year: i32, month: u32) -> Option<Civil> {
    let (y, m) = (i16::try_from(year).ok()?, i8::try_from(month).ok()?);
    Civil::new(y, m, 1).ok()
}

/// Whether `year` is a leap year in the Gregorian calendar (jiff's years -9999 to 9999; `false`
/// outside them).
pub fn is_leap_year(year: i32) -> bool {
    first_of(year, 1).is_some_and(|d| d.in_leap_year())
}

/// Number of days in a month (`month` is 1 to 12; anything else, or a year jiff does not have,
/// gives 0).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    first_of(year, month).map_or(0, |d| d.days_in_month().unsigned_abs().into())
}

/// A date within the accepted years, without the text of an error (on the hot path: ages).
fn ymd(year: i32, month: i8, day: i8) -> Option<Date> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return None;
    }
    Civil::new(year as i16, month, day).ok().map(Date)
}

/// Whether jiff's date lies within the accepted years.
fn accepted(d: Civil) -> Option<Date> {
    (MIN_YEAR..=MAX_YEAR).contains(&i32::from(d.year())).then_some(Date(d))
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
        let Some(first) = first_of(year, month) else {
            return Err(DateError::Month(text.into()));
        };
        let days = first.days_in_month().unsigned_abs();
        match u8::try_from(day).ok().filter(|d| (1..=days).contains(d)) {
            // The ranges make the conversion lossless; jiff checks the day once more.
            Some(d) => first.with().day(d as i8).build().map(Date).map_err(|_| DateError::Format(text.into())),
            None => Err(DateError::Day { text: text.into(), year, month, days: days.into() }),
        }
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
        i32::from(self.0.year())
    }
    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.0.month().unsigned_abs())
    }
    /// The day of the month, 1 to 31.
    pub fn day(self) -> u32 {
        u32::from(self.0.day().unsigned_abs())
    }
    /// The calendar month this day lies in.
    pub fn month_of(self) -> Month {
        Month(self.0.first_of_month())
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i32 {
        // Within the accepted years the count is at most about 84,000 days.
        (self.0.duration_since(EPOCH).as_secs() / DAY_SECONDS) as i32
    }

    /// The date `days` after 1970-01-01, if it lies within the accepted years.
    pub fn from_days(days: i32) -> Option<Date> {
        let d = jiff::SignedDuration::from_secs(i64::from(days) * DAY_SECONDS);
        EPOCH.checked_add(d).ok().and_then(accepted)
    }

    /// The next day, if within the accepted years.
    pub fn succ(self) -> Option<Date> {
        self.0.tomorrow().ok().and_then(accepted)
    }

    /// The previous day, if within the accepted years.
    pub fn pred(self) -> Option<Date> {
        self.0.yesterday().ok().and_then(accepted)
    }

    /// Number of days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i32 {
        (self.0.duration_until(other.0).as_secs() / DAY_SECONDS) as i32
    }

    /// The day on which someone born on `self` turns `years` old. Someone born on 29 February
    /// turns a year older on 1 March in years that are not leap years (jiff would give 28 February).
    pub fn anniversary(self, years: i32) -> Option<Date> {
        let y = self.year().checked_add(years)?;
        let (m, d) = (self.0.month(), self.0.day());
        ymd(y, m, d).or_else(|| if (m, d) == (2, 29) { ymd(y, 3, 1) } else { None })
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
        ymd(year, i8::try_from(month).ok()?, 1).map(|d| Month(d.0))
    }
    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }
    /// The month number, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.0.month().unsigned_abs())
    }
    /// Number of days in this month.
    pub fn days(self) -> u32 {
        u32::from(self.0.days_in_month().unsigned_abs())
    }
    /// The first day of the month.
    pub fn first_day(self) -> Date {
        Date(self.0)
    }
    /// The last day of the month.
    pub fn last_day(self) -> Date {
        Date(self.0.last_of_month())
    }
    /// The month after this one.
    pub fn succ(self) -> Option<Month> {
        let (y, m) = (self.year(), self.0.month());
        if m == 12 { ymd(y + 1, 1, 1) } else { ymd(y, m + 1, 1) }.map(|d| Month(d.0))
    }
    /// The month before this one.
    pub fn pred(self) -> Option<Month> {
        let (y, m) = (self.year(), self.0.month());
        if m == 1 { ymd(y - 1, 12, 1) } else { ymd(y, m - 1, 1) }.map(|d| Month(d.0))
    }
    /// Months from `self` to `other` (positive when `other` is later).
    pub fn months_until(self, other: Month) -> i32 {
        (other.year() - self.year()) * 12 + other.month() as i32 - self.month() as i32
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Date")
            .field("year", &self.year())
            .field("month", &self.month())
            .field("day", &self.day())
            .finish()
    }
}

impl fmt::Debug for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Month").field("year", &self.year()).field("month", &self.month()).finish()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
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
        digits(&mut b[0..4], self.year().unsigned_abs());
        digits(&mut b[5..7], self.month());
        digits(&mut b[8..10], self.day());
        b
    }
}

impl Month {
    /// `YYYY-MM` without the formatting machinery.
    pub(crate) fn iso(&self) -> [u8; 7] {
        let mut b = *b"0000-00";
        digits(&mut b[0..4], self.year().unsigned_abs());
        digits(&mut b[5..7], self.month());
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
            serde::de::Error::custom(Message::NotAMonth { text: text.chars().take(40).collect() }.to_serde())
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("date")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse(v).map_err(|e| E::custom(Message::from(&e).to_serde()))
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

    /// The hand-written calendar that jiff replaced (Howard Hinnant's `days_from_civil`), as a
    /// reference: every day of the accepted years has the same day number, month length and
    /// leap-year flag, and the next day of each is the next number.
    #[test]
    fn jiff_agrees_with_the_former_calendar_on_every_day() {
        fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
            let y = if m <= 2 { y - 1 } else { y };
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
            era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        }
        let leap = |y: i32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let mut d = Date::new(MIN_YEAR, 1, 1).unwrap();
        let mut n = 0;
        loop {
            let expected = days_from_civil(d.year(), d.month() as i32, d.day() as i32);
            assert_eq!(d.to_days(), expected, "{d}");
            assert_eq!(Date::from_days(expected), Some(d));
            assert_eq!(is_leap_year(d.year()), leap(d.year()));
            let len = [31, if leap(d.year()) { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            assert_eq!(d.month_of().days(), len[d.month() as usize - 1]);
            assert_eq!(days_in_month(d.year(), d.month()), len[d.month() as usize - 1]);
            n += 1;
            match d.succ() {
                Some(next) => {
                    assert_eq!(next.pred(), Some(d));
                    assert_eq!(d.days_until(next), 1);
                    d = next;
                }
                None => break,
            }
        }
        assert_eq!(d, Date::new(MAX_YEAR, 12, 31).unwrap());
        assert_eq!(n, days_from_civil(2201, 1, 1) - days_from_civil(1900, 1, 1));
        assert_eq!(Date::from_days(days_from_civil(1899, 12, 31)), None);
        assert_eq!(Month::new(MAX_YEAR, 12).unwrap().succ(), None);
        assert_eq!(Month::new(MIN_YEAR, 1).unwrap().pred(), None);
        assert_eq!(days_in_month(2024, 13), 0);
        assert_eq!(std::mem::size_of::<Date>(), 4);
    }

    /// Not a test: the cost of day numbers through jiff against the former formulas
    /// (`cargo test --release --lib day_number_speed -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn day_number_speed() {
        fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
            let y = if m <= 2 { y - 1 } else { y };
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
            era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        }
        let days: Vec<Date> = (0..100_000).filter_map(|i| Date::from_days(-25_000 + i)).collect();
        let time = |name: &str, f: &dyn Fn() -> i64| {
            let start = std::time::Instant::now();
            let mut sum = 0i64;
            for _ in 0..20 {
                sum = sum.wrapping_add(std::hint::black_box(f()));
            }
            let ns = start.elapsed().as_nanos() as f64 / (20.0 * days.len() as f64);
            eprintln!("{name}: {ns:.2} ns per date ({sum})");
        };
        time("to_days (jiff)", &|| days.iter().map(|d| i64::from(d.to_days())).sum());
        time("to_days (formula)", &|| {
            days.iter().map(|d| i64::from(days_from_civil(d.year(), d.month() as i32, d.day() as i32))).sum()
        });
        time("from_days (jiff)", &|| (0..days.len() as i32).filter_map(Date::from_days).count() as i64);
        time("succ (jiff)", &|| days.iter().filter_map(|d| d.succ()).count() as i64);
        time("age_on (jiff)", &|| days.iter().map(|d| i64::from(days[0].age_on(*d))).sum());
    }

    #[test]
    fn error_messages_stay() {
        assert_eq!(
            Date::parse("2025-02-30").unwrap_err().to_string(),
            "'2025-02-30' is not a date: 2025-02 has 28 days"
        );
        assert_eq!(
            Date::parse("2201-01-01").unwrap_err().to_string(),
            "'2201-01-01' is not a date: the year must be between 1900 and 2200"
        );
        assert_eq!(
            Date::parse("2024-00-01").unwrap_err().to_string(),
            "'2024-00-01' is not a date: the month must be 01 to 12"
        );
        assert_eq!(format!("{:?}", Date::new(2024, 1, 31).unwrap()), "Date { year: 2024, month: 1, day: 31 }");
        assert_eq!(Month::parse("2024-06").unwrap().to_string(), "2024-06");
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
