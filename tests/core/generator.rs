//! The sample-data generator: deterministic, realistic, and within the rules.

use chrono::{Datelike, NaiveDate};
use giaoban::calendar::WorkCalendar;
use giaoban::demo::{self, DemoOptions};
use giaoban::error::Error;
use giaoban::stats;
use giaoban::timeliness::DeadlineBasis;
use giaoban::{OpenMode, Store};
use tempfile::TempDir;

fn opts(seed: u64) -> DemoOptions {
    DemoOptions {
        meetings: 40,
        directives_per_meeting: 6,
        seed,
        anchor: NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
    }
}

fn fingerprint(store: &Store) -> Vec<String> {
    let mut stmt = store
        .conn()
        .prepare(
            "SELECT hex(id) || content || hex(lead_unit_id) || coalesce(deadline, '') || status || coalesce(completed_on, '')
             || (SELECT coalesce(group_concat(hex(unit_id)), '') FROM directive_unit WHERE directive_id = directive.id)
             FROM directive ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn the_same_seed_gives_the_same_data() {
    let dir = TempDir::new().unwrap();
    let mut a = Store::open(&dir.path().join("a.sqlite3"), OpenMode::Create).unwrap();
    let mut b = Store::open(&dir.path().join("b.sqlite3"), OpenMode::Create).unwrap();
    let mut c = Store::open(&dir.path().join("c.sqlite3"), OpenMode::Create).unwrap();
    let sa = demo::generate(&mut a, &opts(7)).unwrap();
    let sb = demo::generate(&mut b, &opts(7)).unwrap();
    demo::generate(&mut c, &opts(8)).unwrap();
    assert_eq!(sa, sb);
    assert_eq!(sa.meetings, 40);
    assert_eq!(sa.directives, 240);
    assert_eq!(fingerprint(&a), fingerprint(&b));
    assert_ne!(fingerprint(&a), fingerprint(&c));
    assert!(a.check().unwrap().ok);
    let journal: String = a
        .conn()
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(journal, "wal", "the bulk load restores the WAL");
}

#[test]
fn sample_data_looks_like_a_real_office() {
    let mut store = Store::open_in_memory().unwrap();
    let o = DemoOptions {
        meetings: 120,
        directives_per_meeting: 8,
        ..opts(1)
    };
    let s = demo::generate(&mut store, &o).unwrap();
    assert!(s.progress > 0 && s.extensions > 0 && s.opinions > 0 && s.attendees > 0);
    let t = stats::by_unit(store.conn(), None, None, o.anchor, DeadlineBasis::Approved).unwrap();
    let c = t.totals;
    assert_eq!(
        c.total,
        c.done_on_time + c.done_late + c.open_within_deadline + c.open_overdue
    );
    let share = |n: u32| n as f64 / c.total as f64;
    assert!(
        (0.02..0.15).contains(&share(c.open_overdue)),
        "overdue share {c:?}"
    );
    assert!(
        share(c.done_late) > 0.05 && share(c.done_on_time) > 0.5,
        "{c:?}"
    );
    let cancelled: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM directive WHERE status = 'cancelled'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        c.total + cancelled as u32,
        s.directives,
        "only cancelled directives are left out"
    );
    let minutes: i64 = store
        .conn()
        .query_row("SELECT min(length(minutes)) FROM meeting", [], |r| r.get(0))
        .unwrap();
    assert!(minutes > 500, "minutes have body text");
    let names: Vec<String> = store
        .conn()
        .prepare("SELECT full_name FROM person")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(names.iter().all(|n| n.split(' ').count() == 3));
}

#[test]
fn sample_data_goes_only_into_an_empty_database() {
    let mut store = Store::open_in_memory().unwrap();
    demo::generate(&mut store, &opts(1)).unwrap();
    let before: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM directive", [], |r| r.get(0))
        .unwrap();
    assert!(matches!(
        demo::generate(&mut store, &opts(2)),
        Err(Error::NotEmpty)
    ));
    let after: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM directive", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after);
}

/// Sample data at `anchor`: every meeting's local date and title, newest first.
fn sample_meetings(anchor: NaiveDate, meetings: usize) -> Vec<(NaiveDate, String)> {
    let mut store = Store::open_in_memory().unwrap();
    demo::generate(
        &mut store,
        &DemoOptions {
            meetings,
            directives_per_meeting: 1,
            seed: 3,
            anchor,
        },
    )
    .unwrap();
    giaoban::meeting::list(store.conn(), &Default::default())
        .unwrap()
        .iter()
        .map(|m| (m.local_date(), m.title.clone()))
        .collect()
}

#[test]
fn meetings_are_held_on_working_days_up_to_the_anchor() {
    let calendar = WorkCalendar::default();
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // A Sunday, New Year's Day, the last day of Tết Bính Ngọ, a day after 30/4 and 1/5, and
    // Giỗ Tổ's compensatory Monday: the last meeting is on the working day before each.
    for (anchor, last) in [
        (d(2026, 11, 15), d(2026, 11, 13)),
        (d(2027, 1, 1), d(2026, 12, 31)),
        (d(2026, 2, 20), d(2026, 2, 13)),
        (d(2026, 5, 2), d(2026, 4, 29)),
        (d(2026, 4, 27), d(2026, 4, 24)),
    ] {
        let days = sample_meetings(anchor, 300);
        assert_eq!(days[0].0, last, "anchor {anchor}");
        for (day, title) in &days {
            assert!(
                calendar.is_working_day(*day),
                "“{title}” on {day} ({:?})",
                calendar.day_off(*day)
            );
        }
    }
}

#[test]
fn weekly_meetings_are_numbered_in_their_iso_week_year() {
    // 31/12/2026 is in ISO week 53 of 2026; 04/01/2027 opens week 1 of 2027.
    let days = sample_meetings(NaiveDate::from_ymd_opt(2027, 1, 8).unwrap(), 400);
    let weekly: Vec<_> = days
        .iter()
        .filter(|(_, t)| t.starts_with("Giao ban lãnh đạo Sở tuần"))
        .collect();
    assert!(weekly.len() > 100);
    for (day, title) in weekly {
        let week = day.iso_week();
        assert_eq!(
            *title,
            format!("Giao ban lãnh đạo Sở tuần {}/{}", week.week(), week.year())
        );
    }
    assert!(days.iter().any(|(d, _)| d.iso_week().year() != d.year()));
}
