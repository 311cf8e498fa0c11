//! The timeliness rules of Vietnamese directive reporting (QĐ 42/2014/QĐ-TTg practice):
//! for a reporting date, each directive that is not cancelled falls in exactly one of four
//! buckets. This module is the single statement of the rules; the SQL in [`crate::stats`]
//! is tested against it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a directive stands (its status is the first fact of timeliness).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DirectiveStatus {
    /// Đã giao, chưa thực hiện.
    Assigned,
    /// Đang thực hiện.
    InProgress,
    /// Chờ xác nhận: the unit reported it done; the leader has not confirmed yet.
    AwaitingConfirmation,
    /// Đã hoàn thành (confirmed).
    Done,
    /// Hủy: left out of every report.
    Cancelled,
    /// Tạm dừng.
    Suspended,
}

impl DirectiveStatus {
    /// The status as offices write it, in `lang` (the one label table, [`crate::labels`]).
    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::labels::of("directive_status", &self, lang)
    }
}

/// The four official buckets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// Hoàn thành đúng hạn: done on or before the deadline (or with no deadline).
    DoneOnTime,
    /// Hoàn thành trễ hạn: done after the deadline.
    DoneLate,
    /// Chưa hoàn thành trong hạn: not done, deadline not passed (or none).
    OpenWithinDeadline,
    /// Chưa hoàn thành quá hạn: not done, deadline passed.
    OpenOverdue,
}

impl Bucket {
    /// The bucket's short name in the official report columns, in `lang` (the one label
    /// table, [`crate::labels`]).
    pub fn label(self, lang: crate::Lang) -> &'static str {
        crate::labels::of("bucket_column", &self, lang)
    }
}

/// Which deadline timeliness is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DeadlineBasis {
    /// The latest approved deadline (after extensions): the usual report.
    #[default]
    Approved,
    /// The deadline first given: the strict report.
    Original,
}

/// What the rules need to know of a directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    /// Current status.
    pub status: DirectiveStatus,
    /// Latest approved deadline; `None` = không thời hạn.
    pub deadline: Option<NaiveDate>,
    /// Deadline first given.
    pub original_deadline: Option<NaiveDate>,
    /// Date the work was done (set once the leader confirmed it).
    pub completed_on: Option<NaiveDate>,
}

impl Facts {
    fn deadline(&self, basis: DeadlineBasis) -> Option<NaiveDate> {
        match basis {
            DeadlineBasis::Approved => self.deadline,
            DeadlineBasis::Original => self.original_deadline,
        }
    }

    /// Whether the directive counted as done on `as_of`: confirmed, with a completion
    /// date on or before it. A directive awaiting confirmation is not yet done.
    pub fn done_by(&self, as_of: NaiveDate) -> Option<NaiveDate> {
        self.completed_on.filter(|c| *c <= as_of)
    }
}

/// The bucket of a directive on `as_of`; `None` for cancelled directives, which reports leave out.
/// A directive is overdue from the day after its deadline; one with no deadline is never late.
pub fn bucket(f: &Facts, basis: DeadlineBasis, as_of: NaiveDate) -> Option<Bucket> {
    if f.status == DirectiveStatus::Cancelled {
        return None;
    }
    let deadline = f.deadline(basis);
    Some(match (f.done_by(as_of), deadline) {
        (Some(done), Some(dl)) if done > dl => Bucket::DoneLate,
        (Some(_), _) => Bucket::DoneOnTime,
        (None, Some(dl)) if as_of > dl => Bucket::OpenOverdue,
        (None, _) => Bucket::OpenWithinDeadline,
    })
}

/// Days past the deadline on `as_of` for an open, overdue directive (1 on the day after).
pub fn days_overdue(f: &Facts, basis: DeadlineBasis, as_of: NaiveDate) -> Option<i32> {
    match bucket(f, basis, as_of)? {
        Bucket::OpenOverdue => f.deadline(basis).map(|dl| (as_of - dl).num_days() as i32),
        _ => None,
    }
}

/// "Sắp đến hạn": open, and the deadline falls within the next `days` days (today included).
pub fn due_within(f: &Facts, basis: DeadlineBasis, as_of: NaiveDate, days: u32) -> bool {
    bucket(f, basis, as_of) == Some(Bucket::OpenWithinDeadline)
        && f.deadline(basis)
            .is_some_and(|dl| (dl - as_of).num_days() <= i64::from(days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts(status: DirectiveStatus, dl: Option<&str>, done: Option<&str>) -> Facts {
        Facts {
            status,
            deadline: dl.map(d),
            original_deadline: dl.map(d),
            completed_on: done.map(d),
        }
    }

    use DirectiveStatus as S;

    #[test]
    fn overdue_starts_the_day_after_the_deadline() {
        let f = facts(S::InProgress, Some("2026-06-30"), None);
        let b = |day| bucket(&f, DeadlineBasis::Approved, d(day));
        assert_eq!(b("2026-06-30"), Some(Bucket::OpenWithinDeadline));
        assert_eq!(b("2026-07-01"), Some(Bucket::OpenOverdue));
        assert_eq!(
            days_overdue(&f, DeadlineBasis::Approved, d("2026-07-01")),
            Some(1)
        );
    }

    #[test]
    fn done_on_the_deadline_is_on_time() {
        let on_time = facts(S::Done, Some("2026-06-30"), Some("2026-06-30"));
        let late = facts(S::Done, Some("2026-06-30"), Some("2026-07-01"));
        let as_of = d("2026-12-31");
        assert_eq!(
            bucket(&on_time, DeadlineBasis::Approved, as_of),
            Some(Bucket::DoneOnTime)
        );
        assert_eq!(
            bucket(&late, DeadlineBasis::Approved, as_of),
            Some(Bucket::DoneLate)
        );
    }

    #[test]
    fn extension_judged_by_approved_deadline_unless_strict() {
        let f = Facts {
            status: S::Done,
            deadline: Some(d("2026-07-31")),
            original_deadline: Some(d("2026-06-30")),
            completed_on: Some(d("2026-07-15")),
        };
        let as_of = d("2026-08-01");
        assert_eq!(
            bucket(&f, DeadlineBasis::Approved, as_of),
            Some(Bucket::DoneOnTime)
        );
        assert_eq!(
            bucket(&f, DeadlineBasis::Original, as_of),
            Some(Bucket::DoneLate)
        );
    }

    #[test]
    fn no_deadline_is_never_late_and_cancelled_is_left_out() {
        let f = facts(S::Assigned, None, None);
        assert_eq!(
            bucket(&f, DeadlineBasis::Approved, d("2099-01-01")),
            Some(Bucket::OpenWithinDeadline)
        );
        assert!(!due_within(&f, DeadlineBasis::Approved, d("2026-01-01"), 7));
        let c = facts(S::Cancelled, Some("2026-01-01"), None);
        assert_eq!(bucket(&c, DeadlineBasis::Approved, d("2026-06-01")), None);
    }

    #[test]
    fn awaiting_confirmation_is_not_done() {
        let f = facts(S::AwaitingConfirmation, Some("2026-06-30"), None);
        assert_eq!(
            bucket(&f, DeadlineBasis::Approved, d("2026-07-02")),
            Some(Bucket::OpenOverdue)
        );
    }

    #[test]
    fn due_soon_windows() {
        let f = facts(S::InProgress, Some("2026-06-30"), None);
        let due = |day, n| due_within(&f, DeadlineBasis::Approved, d(day), n);
        assert!(due("2026-06-23", 7));
        assert!(!due("2026-06-22", 7));
        assert!(due("2026-06-29", 1));
        assert!(due("2026-06-30", 1));
        assert!(!due("2026-06-28", 1));
        assert!(!due("2026-07-01", 7), "overdue is not due soon");
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0i64..2000).prop_map(|n| d("2022-01-01") + chrono::Duration::days(n))
    }

    fn any_status() -> impl Strategy<Value = DirectiveStatus> {
        prop_oneof![
            Just(S::Assigned),
            Just(S::InProgress),
            Just(S::AwaitingConfirmation),
            Just(S::Done),
            Just(S::Cancelled),
            Just(S::Suspended),
        ]
    }

    prop_compose! {
        fn any_facts()(status in any_status(), dl in proptest::option::of(any_date()),
                       ext in 0i64..90, done in any_date()) -> Facts {
            Facts {
                status,
                original_deadline: dl,
                deadline: dl.map(|x| x + chrono::Duration::days(ext)),
                completed_on: (status == S::Done).then_some(done),
            }
        }
    }

    proptest! {
        #[test]
        fn every_live_directive_is_in_exactly_the_bucket_its_dates_say(f in any_facts(), as_of in any_date()) {
            for basis in [DeadlineBasis::Approved, DeadlineBasis::Original] {
                let b = bucket(&f, basis, as_of);
                if f.status == S::Cancelled {
                    prop_assert_eq!(b, None);
                    continue;
                }
                let b = b.unwrap();
                let dl = f.deadline(basis);
                let done = f.completed_on.filter(|c| *c <= as_of);
                match b {
                    Bucket::DoneOnTime => prop_assert!(done.is_some() && dl.is_none_or(|x| done.unwrap() <= x)),
                    Bucket::DoneLate => prop_assert!(done.is_some() && dl.is_some_and(|x| done.unwrap() > x)),
                    Bucket::OpenWithinDeadline => prop_assert!(done.is_none() && dl.is_none_or(|x| as_of <= x)),
                    Bucket::OpenOverdue => prop_assert!(done.is_none() && dl.is_some_and(|x| as_of > x)),
                }
                prop_assert_eq!(days_overdue(&f, basis, as_of).is_some(), b == Bucket::OpenOverdue);
            }
        }

        #[test]
        fn time_only_moves_directives_forward(f in any_facts(), a in any_date(), step in 0i64..400) {
            // Later reporting dates never turn overdue into within-deadline, nor late into on-time.
            let b1 = bucket(&f, DeadlineBasis::Approved, a);
            let b2 = bucket(&f, DeadlineBasis::Approved, a + chrono::Duration::days(step));
            if b1 == Some(Bucket::OpenOverdue) {
                prop_assert!(matches!(b2, Some(Bucket::OpenOverdue | Bucket::DoneLate)));
            }
            if b1 == Some(Bucket::DoneLate) { prop_assert_eq!(b2, b1); }
            if b1 == Some(Bucket::DoneOnTime) { prop_assert_eq!(b2, b1); }
        }

        #[test]
        fn approved_basis_is_never_harsher_than_original(f in any_facts(), as_of in any_date()) {
            // Extensions only move deadlines later, so the strict report can only be worse.
            let rank = |b: Option<Bucket>| match b {
                Some(Bucket::DoneOnTime | Bucket::OpenWithinDeadline) => 0,
                Some(Bucket::DoneLate | Bucket::OpenOverdue) => 1,
                None => 0,
            };
            prop_assert!(rank(bucket(&f, DeadlineBasis::Approved, as_of)) <= rank(bucket(&f, DeadlineBasis::Original, as_of)));
        }

        #[test]
        fn due_soon_windows_nest(f in any_facts(), as_of in any_date()) {
            let w = |n| due_within(&f, DeadlineBasis::Approved, as_of, n);
            prop_assert!(!w(1) || w(3));
            prop_assert!(!w(3) || w(7));
        }
    }
}
