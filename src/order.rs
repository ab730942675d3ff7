//! Stable sorting, with the sorting algorithm compiled once.
//!
//! The standard library's sorts are instantiated anew for every element type and comparison, a few
//! kilobytes each; a dozen of them were a tenth of the WebAssembly module. Here short slices are
//! sorted by insertion (a few instructions per type) and longer ones by sorting their indices with
//! one instance of the standard stable sort, then moving the elements into place.

use std::cmp::Ordering;

/// Up to this length a slice is sorted by insertion.
const INSERTION: usize = 16;

/// Sorts `v` stably by the key of each element.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in its own order.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by `cmp`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() <= INSERTION {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `(key, value)` entries by key (stably) and merges the entries of each key into the first
/// with `add`: what a map with `entry().or_default()` gives, as a sorted list.
pub(crate) fn sum_by_key<K: Ord, V, E>(
    mut entries: Vec<(K, V)>,
    mut add: impl FnMut(&mut V, V) -> Result<(), E>,
) -> Result<Vec<(K, V)>, E> {
    sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    let mut out: Vec<(K, V)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        match out.last_mut() {
            Some((last, sum)) if *last == key => add(sum, value)?,
            _ => out.push((key, value)),
        }
    }
    Ok(out)
}

/// The value of `key` in a list sorted by key.
pub(crate) fn lookup<'a, K: Ord, V>(sorted: &'a [(K, V)], key: &K) -> Option<&'a V> {
    sorted.binary_search_by(|e| e.0.cmp(key)).ok().and_then(|i| sorted.get(i)).map(|e| &e.1)
}

/// The one instance of the standard library's stable sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Moves the element at `order[i]` to `i`, following the permutation's cycles with swaps.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for i in 0..order.len() {
        let mut j = i;
        loop {
            let k = order[j];
            order[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, for short and long slices with
        /// many equal keys (stability shows in the second field).
        #[test]
        fn prop_sort_is_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..100)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut reference = v.clone();
            reference.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &reference);
            let mut whole = v.clone();
            sort(&mut whole);
            reference.sort();
            prop_assert_eq!(whole, reference);
        }

        /// `sum_by_key` and `lookup` give what a map with `entry().or_default()` gives.
        #[test]
        fn prop_sum_by_key_is_a_map(v in proptest::collection::vec((0u8..20, -1000i64..1000), 0..100)) {
            let Ok(sums) = sum_by_key(v.clone(), |sum, x| {
                *sum += x;
                Ok::<(), std::convert::Infallible>(())
            });
            let mut map = std::collections::BTreeMap::new();
            for (k, x) in &v {
                *map.entry(*k).or_insert(0i64) += x;
            }
            prop_assert_eq!(&sums, &map.clone().into_iter().collect::<Vec<_>>());
            for k in 0u8..21 {
                prop_assert_eq!(lookup(&sums, &k), map.get(&k));
            }
        }
    }
}
