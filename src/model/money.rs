//! Money and exact decimal inputs.
//!
//! * [`Amount`] is what comes in: an exact decimal number of DKK that may carry more than two
//!   decimals (a daily rate of `1094.375`), at most [`MAX_AMOUNT`] in magnitude.
//! * [`Money`] is what goes out: an amount of DKK with exactly two decimals (øre), held as a
//!   [`rust_decimal::Decimal`] of scale 2 and written as a string (`"1234.50"`).
//! * [`Weight`] is a non-negative decimal used in allocation keys (a percentage, hours, a count).
//!
//! All three travel as strings in JSON. Whole numbers may also be written as bare integers (`5000`);
//! a bare number with decimals is accepted for weights (read by its shortest decimal form, `33.33`)
//! but refused for money, where only the exact text is good enough.

use std::fmt;

use rust_decimal::Decimal;

use crate::i18n::{Lang, Message};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest magnitude of any amount, in DKK: 1,000,000,000,000.00.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;
/// The largest magnitude of any amount, in øre.
pub const MAX_ORE: i64 = MAX_AMOUNT * 100;
/// The largest weight or percentage a key may use.
pub const MAX_WEIGHT: i64 = 1_000_000_000_000;
/// The most decimals a weight may carry.
pub const MAX_WEIGHT_DECIMALS: u32 = 10;

/// Why a value is not an acceptable amount or weight.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberError {
    /// The text is not a decimal number.
    NotANumber(String),
    /// The magnitude exceeds [`MAX_AMOUNT`].
    TooLarge(String),
    /// A weight is negative.
    Negative(String),
    /// A weight exceeds [`MAX_WEIGHT`] or has too many decimals.
    WeightRange(String),
    /// Arithmetic on amounts left the representable range.
    Overflow(&'static str),
}

impl From<&NumberError> for Message {
    fn from(e: &NumberError) -> Message {
        match e {
            NumberError::NotANumber(text) => Message::NotANumber { text: text.clone() },
            NumberError::TooLarge(text) => Message::AmountTooLarge { text: text.clone() },
            NumberError::Negative(text) => Message::WeightNegative { text: text.clone() },
            NumberError::WeightRange(text) => Message::WeightRange { text: text.clone() },
            NumberError::Overflow(what) => Message::ArithmeticOverflow { what: (*what).into() },
        }
    }
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Message::from(self).text(Lang::En))
    }
}

impl std::error::Error for NumberError {}

/// The error of a value's own check, as the text of a serde error that carries its [`Message`].
fn serde_error<E: serde::de::Error>(e: NumberError) -> E {
    E::custom(Message::from(&e).to_serde())
}

fn parse_decimal(text: &str) -> Result<Decimal, NumberError> {
    let t = text.trim();
    let shown = || text.chars().take(60).collect::<String>();
    let ok = !t.is_empty()
        && t.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+')
        && t.bytes().filter(|&c| c == b'.').count() <= 1;
    if !ok {
        return Err(NumberError::NotANumber(shown()));
    }
    let digits = t.trim_start_matches(['-', '+']).trim_start_matches('0');
    if digits.split('.').next().map_or(0, str::len) > 13 {
        return Err(NumberError::TooLarge(shown()));
    }
    // `from_str_exact` refuses to round away digits it cannot hold: 40-digit decimals are errors.
    Decimal::from_str_exact(t).map_err(|_| NumberError::NotANumber(shown()))
}

/// A sum of øre that may exceed the range of [`Money`] (a batch total), as DKK text with two
/// decimals.
pub fn ore_text(ore: i128) -> String {
    let sign = if ore < 0 { "-" } else { "" };
    let a = ore.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

/// An exact amount of DKK as given in an input, at most [`MAX_AMOUNT`] in magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(Decimal);

impl Amount {
    /// Parse a decimal text such as `"1094.375"` or `"-500"`.
    pub fn parse(text: &str) -> Result<Amount, NumberError> {
        Amount::new(parse_decimal(text)?)
    }

    /// Check a decimal against the amount limits.
    pub fn new(value: Decimal) -> Result<Amount, NumberError> {
        if value.abs() > Decimal::from(MAX_AMOUNT) {
            return Err(NumberError::TooLarge(value.to_string()));
        }
        Ok(Amount(value))
    }

    /// The exact value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// The amount in øre as an exact fraction `num / den` (`den` a power of ten, at least 1).
    pub(crate) fn ore_ratio(self) -> (i128, i128) {
        let m = self.0.mantissa();
        let s = self.0.scale();
        if s <= 2 {
            (m * 10i128.pow(2 - s), 1)
        } else {
            (m, 10i128.pow(s - 2))
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// An amount of DKK with exactly two decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero kroner.
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Money from a whole number of øre.
    pub fn from_ore(ore: i64) -> Money {
        Money(Decimal::from_i128_with_scale(i128::from(ore), 2))
    }

    /// The amount in øre.
    pub fn ore(self) -> i64 {
        // Scale is always 2 and magnitudes stay within i64 (checked on every addition).
        i64::try_from(self.0.mantissa()).unwrap_or(i64::MAX)
    }

    /// The amount as a decimal with two places.
    pub fn to_decimal(self) -> Decimal {
        self.0
    }

    /// Round an exact decimal to øre, half away from zero (the one rounding rule of the library).
    pub fn round(value: Decimal) -> Money {
        let mut d = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        d.rescale(2);
        Money(d)
    }

    /// Sum, or `None` on overflow of the øre range of `i64`.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.ore().checked_add(other.ore()).map(Money::from_ore)
    }
}

impl Amount {
    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Weight {
    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Money {
    /// The amount as text (`-1234.50`) written into `buf` without the formatting machinery (a hot
    /// path: every share of every line); `None` if the scale is not 2.
    pub(crate) fn ore_digits(self, buf: &mut [u8; 48]) -> Option<&str> {
        if self.0.scale() != 2 {
            return None;
        }
        // The øre fit in 64 bits (checked on every construction): 64-bit digits, no 128-bit division
        // (a library call per digit in WebAssembly).
        let m = i64::try_from(self.0.mantissa()).ok()?;
        let mut a = m.unsigned_abs();
        let mut i = buf.len();
        let mut put = |b: u8, i: &mut usize| {
            *i -= 1;
            buf[*i] = b;
        };
        // Hundredths, tenths, the point, the units (always written), then the higher digits.
        for k in 0..3 {
            if k == 2 {
                put(b'.', &mut i);
            }
            put(b'0' + (a % 10) as u8, &mut i);
            a /= 10;
        }
        while a > 0 {
            put(b'0' + (a % 10) as u8, &mut i);
            a /= 10;
        }
        if m < 0 {
            put(b'-', &mut i);
        }
        std::str::from_utf8(&buf[i..]).ok()
    }

    fn serialize_text<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 48];
        match self.ore_digits(&mut buf) {
            Some(text) => s.serialize_str(text),
            None => s.collect_str(self),
        }
    }
}

impl std::ops::Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Always scale 2 (see the constructors): write the øre directly, without the general
        // decimal formatter.
        if self.0.scale() != 2 {
            return fmt::Display::fmt(&self.0, f);
        }
        let m = self.0.mantissa();
        let (sign, a) = (if m < 0 { "-" } else { "" }, m.unsigned_abs());
        match f.width() {
            None => write!(f, "{sign}{}.{:02}", a / 100, a % 100),
            Some(_) => f.pad(&format!("{sign}{}.{:02}", a / 100, a % 100)),
        }
    }
}

impl std::str::FromStr for Money {
    type Err = NumberError;
    fn from_str(s: &str) -> Result<Money, NumberError> {
        Amount::parse(s).map(|a| Money::round(a.value()))
    }
}

/// A non-negative weight or percentage, at most [`MAX_WEIGHT`] with at most
/// [`MAX_WEIGHT_DECIMALS`] decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Weight(Decimal);

impl Weight {
    /// Parse a decimal text such as `"33.5"`.
    pub fn parse(text: &str) -> Result<Weight, NumberError> {
        Weight::new(parse_decimal(text)?)
    }

    /// Check a decimal against the weight limits.
    pub fn new(value: Decimal) -> Result<Weight, NumberError> {
        let v = value.normalize();
        if v.is_sign_negative() && !v.is_zero() {
            return Err(NumberError::Negative(v.to_string()));
        }
        if v > Decimal::from(MAX_WEIGHT) || v.scale() > MAX_WEIGHT_DECIMALS {
            return Err(NumberError::WeightRange(v.to_string()));
        }
        Ok(Weight(v.abs()))
    }

    /// A whole-number weight.
    pub fn from_int(v: u32) -> Weight {
        Weight(Decimal::from(v))
    }

    /// The exact value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// Whether the weight is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The weight scaled to an integer count of `10^-scale` units (exact; `scale` at least
    /// the weight's own, at most [`MAX_WEIGHT_DECIMALS`]).
    pub(crate) fn scaled(self, scale: u32) -> u128 {
        let m = self.0.mantissa().unsigned_abs();
        m * 10u128.pow(scale.saturating_sub(self.0.scale()))
    }

    /// The sum of two weights given to one department (key entries that resolve to the same
    /// department are added, SEMANTICS.md section 8). The sum may pass [`MAX_WEIGHT`]: it is bounded
    /// by the number of entries a key may have times [`MAX_WEIGHT`], far inside the decimal's range;
    /// `None` only if the decimal itself would overflow.
    pub(crate) fn merged(self, other: Weight) -> Option<Weight> {
        self.0.checked_add(other.0).map(|v| Weight(v.normalize()))
    }

    /// Decimals of the weight.
    pub(crate) fn scale(self) -> u32 {
        self.0.scale()
    }
}

impl fmt::Display for Weight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Round `num / den` to the nearest integer, halves away from zero. `den` must be positive.
pub(crate) fn round_div(num: i128, den: i128) -> i128 {
    // Most amounts fit in 64 bits, where division is one instruction (128-bit division is a call
    // into the runtime, a slow one in WebAssembly).
    if let (Ok(n), Ok(d)) = (i64::try_from(num), i64::try_from(den)) {
        if d > 0 {
            let (q, r) = (n / d, n.unsigned_abs() % d.unsigned_abs());
            // 2r >= d, without overflow (r < d).
            let up = r >= d.unsigned_abs() - r;
            return i128::from(q) + if up { i128::from(n.signum()) } else { 0 };
        }
    }
    round_div_wide(num, den)
}

/// [`round_div`] in 128 bits.
fn round_div_wide(num: i128, den: i128) -> i128 {
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den {
        q + num.signum()
    } else {
        q
    }
}

/// An exact amount `num / den` øre, kept as a fraction and written only when shown: as DKK with up
/// to ten decimals, truncated, a trailing `…` marking a value that was cut (`"7083.3333333333…"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    num: i128,
    den: i128,
}

impl Exact {
    /// `num / den` øre; `den` must be positive (a non-positive one is taken as 1).
    pub(crate) fn new(num: i128, den: i128) -> Exact {
        Exact { num, den: den.max(1) }
    }
}

impl fmt::Display for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Work in units of 10^-10 DKK = 10^-8 øre.
        let scaled = self.num.unsigned_abs() * 100_000_000;
        let d = self.den.unsigned_abs();
        let q = scaled / d;
        let cut = scaled % d != 0;
        let int = q / 10_000_000_000;
        let mut frac = q % 10_000_000_000;
        if self.num < 0 && (q != 0 || cut) {
            f.write_str("-")?;
        }
        // At least two decimals, at most ten, without trailing zeros beyond the second.
        let mut digits = 10;
        while digits > 2 && frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        write!(f, "{int}.{frac:0digits$}")?;
        if cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

impl Exact {
    /// The value in DKK for machines: a decimal when it has at most ten decimals (`1094.375`), else
    /// the reduced fraction (`22000/31`), never cut. The text form ([`fmt::Display`]) cuts at ten
    /// decimals and marks the cut with "…".
    pub fn machine(&self) -> String {
        let mut num = self.num;
        let mut den = self.den.max(1).saturating_mul(100);
        let g = gcd(num.unsigned_abs(), den.unsigned_abs());
        if g > 1 {
            num /= g as i128;
            den /= g as i128;
        }
        let mut rest = den;
        for p in [2, 5] {
            while rest % p == 0 {
                rest /= p;
            }
        }
        let decimal = rest == 1 && 10_000_000_000i128 % den == 0;
        if decimal {
            self.to_string()
        } else {
            format!("{num}/{den}")
        }
    }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.machine())
    }
}

macro_rules! string_serde {
    ($t:ty, $what:literal, $parse:expr, $allow_float:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.serialize_text(s)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $t;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$t, E> {
                        $parse(v).map_err(serde_error)
                    }
                    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<$t, E> {
                        $parse(&v.to_string()).map_err(serde_error)
                    }
                    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<$t, E> {
                        $parse(&v.to_string()).map_err(serde_error)
                    }
                    // A bare decimal number arrives as a binary float; its shortest decimal form is
                    // what the author wrote for any number of up to 15 significant digits.
                    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<$t, E> {
                        if $allow_float && v.is_finite() {
                            $parse(&format!("{v}")).map_err(serde_error)
                        } else {
                            Err(E::custom(Message::BareDecimal { text: v.to_string() }.to_serde()))
                        }
                    }
                }
                d.deserialize_any(V)
            }
        }
    };
}

// The `expecting` names are catalogue entries (`expected-amount`, `expected-weight`).
string_serde!(Amount, "amount", Amount::parse, false);
string_serde!(Money, "amount", <Money as std::str::FromStr>::from_str, false);
string_serde!(Weight, "weight", Weight::parse, true);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_serializes_as_its_display_text() {
        for ore in [0i64, 5, -5, 99, 100, -100, 123_456, -1, i64::from(i32::MAX), -MAX_ORE, MAX_ORE] {
            let m = Money::from_ore(ore);
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{m}\""), "{ore}");
            assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
        }
        assert_eq!(Money::from_ore(-5).to_string(), "-0.05");
        assert_eq!(format!("{:>8}", Money::from_ore(1234)), "   12.34");
    }

    #[test]
    fn exact_writes_up_to_ten_decimals() {
        assert_eq!(Exact::new(100, 3).to_string(), "0.3333333333…");
        assert_eq!(Exact::new(-500, 1).to_string(), "-5.00");
        assert_eq!(Exact::new(5, 10).to_string(), "0.005");
        assert_eq!(Exact::new(0, 7).to_string(), "0.00");
    }

    #[test]
    fn exact_for_machines_is_never_cut() {
        // 100/3 øre = 1/3 DKK; 2200000/31 øre = 22000/31 DKK; decimals up to ten places stay decimals.
        assert_eq!(Exact::new(100, 3).machine(), "1/3");
        assert_eq!(Exact::new(2_200_000, 31).machine(), "22000/31");
        assert_eq!(Exact::new(-2_200_000, 31).machine(), "-22000/31");
        assert_eq!(Exact::new(1_094_375, 10).machine(), "1094.375");
        assert_eq!(Exact::new(1, 100_000_000).machine(), "0.0000000001");
        assert_eq!(Exact::new(1, 1_000_000_000).machine(), "1/100000000000");
        assert_eq!(Exact::new(-500, 1).machine(), "-5.00");
    }

    #[test]
    fn parses_amounts_exactly() {
        assert_eq!(Amount::parse("1094.375").unwrap().ore_ratio(), (1_094_375, 10));
        assert_eq!(Amount::parse("-5").unwrap().ore_ratio(), (-500, 1));
        assert!(matches!(Amount::parse("1.000.00"), Err(NumberError::NotANumber(_))));
        assert!(matches!(Amount::parse("abc"), Err(NumberError::NotANumber(_))));
        assert!(matches!(Amount::parse("1e5"), Err(NumberError::NotANumber(_))));
        assert!(matches!(Amount::parse("1000000000000.01"), Err(NumberError::TooLarge(_))));
        assert!(Amount::parse("1000000000000.00").is_ok());
        assert!(matches!(Amount::parse("1.0000000000000000000000000000000000000001"), Err(NumberError::NotANumber(_))));
        assert!(matches!(Amount::parse("99999999999999999999999999999999999999999"), Err(NumberError::TooLarge(_))));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round_div(5, 2), 3);
        assert_eq!(round_div(-5, 2), -3);
        assert_eq!(round_div(4, 3), 1);
        assert_eq!(round_div(-4, 3), -1);
        // The 64-bit path rounds as the 128-bit one, halves and extremes included.
        let nums = [0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, i64::MAX, i64::MIN, i64::MAX - 1, i64::MIN + 1];
        let dens = [1, 2, 3, 4, 7, 10, 12, i64::MAX, i64::MAX - 1, 1 << 62, (1 << 62) + 1];
        for n in nums {
            for d in dens {
                let (n, d) = (i128::from(n), i128::from(d));
                assert_eq!(round_div(n, d), round_div_wide(n, d), "{n} / {d}");
            }
        }
        assert_eq!(Money::round("2.005".parse().unwrap()).to_string(), "2.01");
        assert_eq!(Money::round("-2.005".parse().unwrap()).to_string(), "-2.01");
        assert_eq!(Money::from_ore(5).to_string(), "0.05");
    }

    #[test]
    fn renders_ratios() {
        assert_eq!(Exact::new(100, 3).to_string(), "0.3333333333…");
        assert_eq!(Exact::new(-150, 1).to_string(), "-1.50");
        assert_eq!(Exact::new(1, 8).to_string(), "0.00125");
    }

    #[test]
    fn weights_are_bounded() {
        assert!(matches!(Weight::parse("-1"), Err(NumberError::Negative(_))));
        assert!(matches!(Weight::parse("0.00000000001"), Err(NumberError::WeightRange(_))));
        assert_eq!(Weight::parse("60.50").unwrap().scaled(3), 60_500);
    }
}
