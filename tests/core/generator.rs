//! The sample-data generator: deterministic, realistic, and within the rules.

use chrono::NaiveDate;
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

#[test]
fn meetings_are_held_on_working_days_up_to_the_anchor() {
    let mut store = Store::open_in_memory().unwrap();
    // 15/11/2026 is a Sunday: the last meeting is on Friday 13/11.
    let anchor = NaiveDate::from_ymd_opt(2026, 11, 15).unwrap();
    demo::generate(
        &mut store,
        &DemoOptions {
            meetings: 30,
            directives_per_meeting: 1,
            seed: 3,
            anchor,
        },
    )
    .unwrap();
    let days: Vec<NaiveDate> = giaoban::meeting::list(store.conn(), &Default::default())
        .unwrap()
        .iter()
        .map(|m| m.local_date())
        .collect();
    use chrono::Datelike;
    assert!(
        days.iter().all(|d| d.weekday().number_from_monday() <= 5),
        "{days:?}"
    );
    assert_eq!(days[0], NaiveDate::from_ymd_opt(2026, 11, 13).unwrap());
}
