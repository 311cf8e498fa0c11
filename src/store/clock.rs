//! Hybrid logical clocks: one per installation, always ahead of every clock it has seen.
//!
//! A clock is written as 48 characters: 12 hex digits of milliseconds since the Unix epoch,
//! 4 hex digits of a counter within the millisecond, and the installation id (32 hex
//! digits). Text order is clock order, and two installations never write the same clock.

use std::collections::BTreeMap;
use std::sync::Mutex;

use uuid::Uuid;

/// The last clock given or seen in this process, as `millis << 16 | counter`.
static LAST: Mutex<u64> = Mutex::new(0);

/// How far ahead of this machine's clock a received clock may be (a day: offices' clocks
/// drift, but not by that much).
pub const MAX_AHEAD_MS: u64 = 24 * 3600 * 1000;

fn now_ms() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or(0)
}

/// A new clock for `site`, later than every clock given or observed before.
pub fn tick(site: Uuid) -> String {
    let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
    *last = (now_ms() << 16).max(*last + 1);
    format(*last, site)
}

/// Moves this process's clock past `clock` (one read from a bundle or the database).
pub fn observe(clock: &str) {
    if let Some(t) = time_part(clock) {
        let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
        *last = (*last).max(t);
    }
}

fn format(t: u64, site: Uuid) -> String {
    format!("{t:016x}{}", site.simple())
}

fn time_part(clock: &str) -> Option<u64> {
    let digits = clock.get(..16)?;
    if clock.len() != 48 || !clock.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u64::from_str_radix(digits, 16).ok()
}

/// Whether `clock` is well formed and not further ahead of this machine's time than
/// [`MAX_AHEAD_MS`].
pub fn acceptable(clock: &str) -> bool {
    time_part(clock).is_some_and(|t| (t >> 16) <= now_ms() + MAX_AHEAD_MS)
}

/// A version vector: for each installation, the newest of its writes a value has seen.
pub type Vector = BTreeMap<String, String>;

/// How two version vectors relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Both have seen the same writes.
    Same,
    /// The first has seen everything the second has, and more.
    After,
    /// The second has seen everything the first has, and more.
    Before,
    /// Each has seen a write the other has not: concurrent edits.
    Concurrent,
}

/// Compares two version vectors.
pub fn compare(a: &Vector, b: &Vector) -> Order {
    let a_ahead = a.iter().any(|(s, h)| b.get(s).is_none_or(|o| h > o));
    let b_ahead = b.iter().any(|(s, h)| a.get(s).is_none_or(|o| h > o));
    match (a_ahead, b_ahead) {
        (false, false) => Order::Same,
        (true, false) => Order::After,
        (false, true) => Order::Before,
        (true, true) => Order::Concurrent,
    }
}

/// The version vector that has seen everything either has.
pub fn join(a: &Vector, b: &Vector) -> Vector {
    let mut out = a.clone();
    for (s, h) in b {
        let e = out.entry(s.clone()).or_default();
        if h > e {
            e.clone_from(h);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_only_go_forward_even_past_an_observed_future() {
        let site = Uuid::now_v7();
        let a = tick(site);
        let b = tick(site);
        assert!(b > a && a.len() == 48);
        let ahead = format((now_ms() + 60_000) << 16, Uuid::nil());
        observe(&ahead);
        assert!(tick(site) > ahead);
        assert!(acceptable(&ahead));
        assert!(!acceptable(&format(
            (now_ms() + 2 * MAX_AHEAD_MS) << 16,
            site
        )));
        assert!(!acceptable("not a clock"));
    }

    #[test]
    fn vectors_compare_by_what_each_has_seen() {
        let v = |p: &[(&str, &str)]| -> Vector {
            p.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let a = v(&[("A", "1")]);
        let ab = v(&[("A", "1"), ("B", "2")]);
        let b = v(&[("B", "2")]);
        assert_eq!(compare(&ab, &a), Order::After);
        assert_eq!(compare(&a, &ab), Order::Before);
        assert_eq!(compare(&a, &b), Order::Concurrent);
        assert_eq!(compare(&a, &a), Order::Same);
        assert_eq!(compare(&Vector::new(), &a), Order::Before);
        assert_eq!(join(&a, &b), ab);
    }
}
