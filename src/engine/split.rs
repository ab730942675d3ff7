//! Splitting one amount across departments by largest remainder (SEMANTICS.md section 2).
//!
//! 1. Each exact share is `A * w_i / sum(w)`; every department first gets its share truncated
//!    toward zero to øre.
//! 2. The øre left over are handed out one at a time to the largest fractional remainders; ties go
//!    to the department whose id sorts first (byte order).
//! 3. A department with weight 0 never receives anything.
//! 4. A negative amount is split as the negation of the split of its magnitude.
//! 5. The shares always sum to the amount.
//!
//! The arithmetic is on integers (øre times scaled weights, in `u128`), so it is exact and fast.

use crate::model::money::{Money, Weight, MAX_ORE, MAX_WEIGHT_DECIMALS};

/// Why an amount cannot be split.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// No departments were given.
    #[error("no departments to split between")]
    NoDepartments,
    /// Every weight is zero.
    #[error("all weights are zero: at least one department must have a positive weight")]
    AllZero,
    /// The same department was listed twice.
    #[error("department '{0}' is listed twice")]
    Duplicate(String),
    /// The amount exceeds the accepted range.
    #[error("amount {0} is out of range (at most 1000000000000.00 in magnitude)")]
    AmountRange(Money),
    /// A product left the range of exact integer arithmetic.
    #[error("arithmetic overflow: the weights are too large or too precise to split exactly")]
    Overflow,
}

/// One department's part of a split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The department id as given.
    pub department: String,
    /// The weight as given.
    pub weight: Weight,
    /// The rounded share.
    pub amount: Money,
    /// The exact, unrounded share in DKK (up to ten decimals; `…` marks a cut value).
    pub exact: String,
    /// Whether this department received one of the leftover øre.
    pub leftover: bool,
}

/// Split `amount` across departments in proportion to their weights.
///
/// The order of `parts` does not matter: the result lists departments sorted by id.
///
/// ```
/// use fordeling::{split, Money, Weight};
/// let parts = [("b", Weight::from_int(1)), ("a", Weight::from_int(1)), ("c", Weight::from_int(1))];
/// let shares = split(Money::from_ore(100), &parts).unwrap();
/// let got: Vec<_> = shares.iter().map(|s| (s.department.as_str(), s.amount.to_string())).collect();
/// // 1.00 / 3 = 0.333…: each gets 0.33, the leftover øre goes to the first id, "a".
/// assert_eq!(got, [("a", "0.34".to_string()), ("b", "0.33".into()), ("c", "0.33".into())]);
/// ```
pub fn split(amount: Money, parts: &[(&str, Weight)]) -> Result<Vec<Share>, SplitError> {
    let mut sorted: Vec<(&str, Weight)> = parts.to_vec();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    if let Some(w) = sorted.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(SplitError::Duplicate(w[0].0.to_string()));
    }
    let weights: Vec<Weight> = sorted.iter().map(|p| p.1).collect();
    let scaled = scale_weights(&weights)?;
    let mut out = vec![0i64; sorted.len()];
    let mut leftover = vec![false; sorted.len()];
    split_ore(amount.ore(), &scaled, &mut out, &mut leftover)?;
    // `split_ore` checked that the total fits.
    let total = scaled.iter().try_fold(0u128, |acc, &w| acc.checked_add(w)).ok_or(SplitError::Overflow)?;
    sorted
        .iter()
        .enumerate()
        .map(|(i, (d, w))| {
            Ok(Share {
                department: (*d).to_string(),
                weight: *w,
                amount: Money::from_ore(out[i]),
                exact: exact_share(amount.ore(), scaled[i], total).ok_or(SplitError::Overflow)?.to_string(),
                leftover: leftover[i],
            })
        })
        .collect()
}

/// Weights as integers of one common scale (the most decimals among them).
pub(crate) fn scale_weights(weights: &[Weight]) -> Result<Vec<u128>, SplitError> {
    let scale = common_scale(weights.iter().copied());
    Ok(weights.iter().map(|w| w.scaled(scale)).collect())
}

/// The scale weights are split at: the most decimals among them.
pub(crate) fn common_scale(weights: impl Iterator<Item = Weight>) -> u32 {
    weights.map(|w| w.scale()).max().unwrap_or(0).min(MAX_WEIGHT_DECIMALS)
}

/// The exact share `amount * w / total` in DKK, or `None` when the product leaves 128-bit
/// arithmetic (weights merged from many entries can be that large).
pub(crate) fn exact_share(amount_ore: i64, w: u128, total: u128) -> Option<crate::model::money::Exact> {
    let num = i128::from(amount_ore).checked_mul(i128::try_from(w).ok()?)?;
    let den = i128::try_from(total).ok().filter(|&t| t > 0)?;
    Some(crate::model::money::Exact::new(num, den))
}

/// The allocation-free core of [`split`]: split `amount` øre by integer `weights` (listed in
/// department-id order, so that ties go to the lower index) into `out`, marking in `leftover` who
/// received a leftover øre. `out` and `leftover` must be as long as `weights` (extra entries are
/// left alone; shorter slices are refused with [`SplitError::NoDepartments`]).
///
/// ```
/// let mut out = [0i64; 3];
/// let mut leftover = [false; 3];
/// fordeling::engine::split::split_ore(100, &[1, 1, 1], &mut out, &mut leftover).unwrap();
/// assert_eq!(out, [34, 33, 33]);
/// assert_eq!(leftover, [true, false, false]);
/// ```
pub fn split_ore(amount: i64, weights: &[u128], out: &mut [i64], leftover: &mut [bool]) -> Result<(), SplitError> {
    if weights.is_empty() || out.len() < weights.len() || leftover.len() < weights.len() {
        return Err(SplitError::NoDepartments);
    }
    if amount.unsigned_abs() > MAX_ORE.unsigned_abs() {
        return Err(SplitError::AmountRange(Money::from_ore(amount)));
    }
    let total = weights.iter().try_fold(0u128, |acc, &w| acc.checked_add(w)).ok_or(SplitError::Overflow)?;
    if total == 0 {
        return Err(SplitError::AllZero);
    }
    let a = u128::from(amount.unsigned_abs());
    let sign = if amount < 0 { -1 } else { 1 };
    let mut given: u128 = 0;
    // Remainders, kept for at most 16 departments on the stack.
    let mut small = [0u128; 16];
    let mut big = Vec::new();
    let rem: &mut [u128] = if weights.len() <= small.len() {
        &mut small[..weights.len()]
    } else {
        big.resize(weights.len(), 0);
        &mut big
    };
    // When amount × total weight fits in 64 bits (the usual case), every product does: 64-bit
    // arithmetic is much faster than 128-bit where the machine has no 128-bit division
    // (WebAssembly).
    // a <= MAX_ORE fits in 64 bits.
    let narrow = u64::try_from(total).ok().filter(|&t| (a as u64).checked_mul(t).is_some());
    for (i, &w) in weights.iter().enumerate() {
        let (q, r) = match narrow {
            Some(t) => {
                // w <= total, so a × w <= a × total fits.
                let p = (a as u64) * (w as u64);
                (u128::from(p / t), u128::from(p % t))
            }
            None => {
                let p = a.checked_mul(w).ok_or(SplitError::Overflow)?;
                (p / total, p % total)
            }
        };
        rem[i] = r;
        given += q;
        // q <= a <= MAX_ORE, so it fits.
        out[i] = q as i64;
        leftover[i] = false;
    }
    let mut left = a - given;
    // Hand out the leftover øre: largest remainder first, ties to the lower index (= smaller id).
    // `left` is below the number of non-zero remainders, so a zero weight is never chosen.
    if weights.len() > 16 {
        // Many departments: the `left` largest remainders in one selection, O(n) (the loop below
        // would take O(n × left), quadratic in the departments).
        let mut order: Vec<usize> = (0..weights.len()).filter(|&i| rem[i] != 0).collect();
        let take = usize::try_from(left).unwrap_or(usize::MAX).min(order.len());
        let by_remainder = |x: &usize, y: &usize| rem[*y].cmp(&rem[*x]).then(x.cmp(y));
        if take > 0 && take < order.len() {
            order.select_nth_unstable_by(take - 1, by_remainder);
        }
        for &i in &order[..take] {
            out[i] += 1;
            leftover[i] = true;
        }
        left = 0;
    }
    while left > 0 {
        let mut best: Option<usize> = None;
        for i in 0..weights.len() {
            if leftover[i] || rem[i] == 0 {
                continue;
            }
            if best.is_none_or(|b| rem[i] > rem[b]) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        out[b] += 1;
        leftover[b] = true;
        left -= 1;
    }
    if sign < 0 {
        out.iter_mut().for_each(|v| *v = -*v);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(amount: i64, w: &[u128]) -> (Vec<i64>, Vec<bool>) {
        let mut out = vec![0; w.len()];
        let mut lo = vec![false; w.len()];
        split_ore(amount, w, &mut out, &mut lo).unwrap();
        (out, lo)
    }

    #[test]
    fn largest_remainder_and_ties() {
        assert_eq!(run(100, &[1, 1, 1]).0, [34, 33, 33]);
        assert_eq!(run(-100, &[1, 1, 1]).0, [-34, -33, -33]);
        assert_eq!(run(101, &[1, 1, 1]).0, [34, 34, 33]);
        assert_eq!(run(10, &[0, 3, 0]).0, [0, 10, 0]);
        assert_eq!(run(1, &[2, 1, 0]).0, [1, 0, 0]);
        // 0.67 / 0.33 of 1 øre: the larger remainder wins even though it is listed second.
        assert_eq!(run(1, &[1, 2]).0, [0, 1]);
    }

    #[test]
    fn errors() {
        let mut o = [0; 2];
        let mut l = [false; 2];
        assert_eq!(split_ore(1, &[0, 0], &mut o, &mut l), Err(SplitError::AllZero));
        assert_eq!(split_ore(1, &[], &mut [], &mut []), Err(SplitError::NoDepartments));
        assert!(split(Money::from_ore(1), &[("a", Weight::from_int(1)), ("a", Weight::from_int(2))]).is_err());
    }
}
