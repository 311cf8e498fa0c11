//! The SQL behind the per-unit table and the overdue / due-soon lists agrees with the
//! timeliness rules, for random directives and random reporting dates.

use chrono::{Duration, NaiveDate};
use giaoban::Store;
use giaoban::directive::{
    self, DirectiveQuery, NewDirective, Priority, Source, StatusChange, UnitRole,
};
use giaoban::followup::{self, NewExtension};
use giaoban::stats::{self, Counts};
use giaoban::timeliness::{self, Bucket, DeadlineBasis};
use giaoban::unit::{self, NewUnit, UnitKind};

use crate::fixture::d;
use proptest::prelude::*;

/// One random directive: days after 01/01/2026 it was given, deadline offset (None = no
/// deadline), what happened to it, and an extension.
#[derive(Debug, Clone)]
struct Case {
    unit: usize,
    given: i64,
    deadline: Option<i64>,
    fate: Fate,
    extension: Option<i64>,
}

#[derive(Debug, Clone)]
enum Fate {
    Open,
    Reported(i64),
    Done(i64),
    Cancelled,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0usize..3,
        0i64..200,
        proptest::option::weighted(0.9, 0i64..60),
        prop_oneof![
            Just(Fate::Open),
            (0i64..90).prop_map(Fate::Reported),
            (0i64..90).prop_map(Fate::Done),
            Just(Fate::Cancelled)
        ],
        proptest::option::weighted(0.2, 1i64..40),
    )
        .prop_map(|(unit, given, deadline, fate, extension)| Case {
            unit,
            given,
            deadline,
            fate,
            extension,
        })
}

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

fn build(cases: &[Case]) -> (Store, Vec<uuid::Uuid>) {
    let mut store = Store::open_in_memory().unwrap();
    let units = store
        .write(|tx| {
            (0..3)
                .map(|i| {
                    unit::create(
                        tx,
                        NewUnit {
                            name: format!("Phòng {i}"),
                            short_name: None,
                            code: None,
                            kind: UnitKind::Division,
                            parent_id: None,
                            sort_order: i,
                        },
                    )
                    .map(|u| u.id)
                })
                .collect::<giaoban::Result<Vec<_>>>()
        })
        .unwrap();
    store
        .write(|tx| {
            for c in cases {
                let given = base() + Duration::days(c.given);
                let d = directive::create(
                    tx,
                    NewDirective {
                        content: "Nhiệm vụ".into(),
                        expected_output: None,
                        source: Source::Document {
                            number: "1/TB-STTTT".into(),
                            date: given,
                        },
                        assigned_on: None,
                        directing_leader_id: None,
                        lead_unit_id: units[c.unit],
                        coordinating_unit_ids: vec![units[(c.unit + 1) % 3]],
                        deadline: c.deadline.map(|x| given + Duration::days(x)),
                        priority: Priority::Normal,
                        allow_deadline_before_assigned: false,
                        of_record: false,
                    },
                )?;
                if let (Some(dl), Some(ext)) = (d.deadline, c.extension) {
                    followup::extend_deadline(
                        tx,
                        d.id,
                        NewExtension {
                            new_deadline: dl + Duration::days(ext),
                            reason: "Gia hạn".into(),
                            approver_id: None,
                            approved_on: given,
                        },
                    )?;
                }
                match c.fate {
                    Fate::Open => {}
                    Fate::Reported(x) => {
                        directive::change_status(
                            tx,
                            d.id,
                            StatusChange::ReportDone {
                                on: given + Duration::days(x),
                            },
                            "",
                        )?;
                    }
                    Fate::Done(x) => {
                        directive::change_status(
                            tx,
                            d.id,
                            StatusChange::ReportDone {
                                on: given + Duration::days(x),
                            },
                            "",
                        )?;
                        directive::change_status(tx, d.id, StatusChange::Confirm, "")?;
                    }
                    Fate::Cancelled => {
                        directive::change_status(tx, d.id, StatusChange::Cancel, "")?;
                    }
                }
            }
            Ok(())
        })
        .unwrap();
    (store, units)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn sql_counts_match_the_rules(
        cases in proptest::collection::vec(case(), 0..40),
        as_of_day in 0i64..320,
        from_day in proptest::option::of(0i64..150),
        to_day in proptest::option::of(0i64..330),
        original in any::<bool>(),
    ) {
        let (store, units) = build(&cases);
        let conn = store.conn();
        let as_of = base() + Duration::days(as_of_day);
        let from = from_day.map(|x| base() + Duration::days(x));
        let basis = if original { DeadlineBasis::Original } else { DeadlineBasis::Approved };
        let to = to_day.map(|x| base() + Duration::days(x));
        let table = stats::by_unit(conn, from, to, as_of, basis).unwrap();
        // The overview reads both at once, the trend from the table's tally when it can.
        let both = stats::overview(conn, from, to, 12, as_of, basis).unwrap();
        prop_assert_eq!(&both.table.rows, &table.rows);
        prop_assert_eq!(both.table.totals, table.totals);
        prop_assert_eq!(&both.months, &stats::monthly(conn, 12, as_of, basis).unwrap());

        let all = directive::list(conn, &DirectiveQuery::as_of(as_of)).unwrap();
        let mut want = [Counts::default(); 3];
        let mut total = Counts::default();
        let (mut overdue, mut due7) = (0u32, 0u32);
        for row in &all.rows {
            let d = directive::get(conn, row.id).unwrap();
            let in_period = from.is_none_or(|f| d.assigned_on >= f)
                && to.is_none_or(|t| d.assigned_on <= t)
                && d.assigned_on <= as_of;
            let facts = d.facts();
            if let (Some(b), true) = (timeliness::bucket(&facts, basis, as_of), in_period) {
                let u = units.iter().position(|u| *u == d.lead_unit_id).unwrap();
                want[u].add(b);
                total.add(b);
            }
            if timeliness::days_overdue(&facts, basis, as_of).is_some() { overdue += 1; }
            if timeliness::due_within(&facts, basis, as_of, 7) { due7 += 1; }
        }
        for (i, u) in units.iter().enumerate() {
            let row = table.rows.iter().find(|r| r.unit_id == *u).unwrap();
            prop_assert_eq!(row.counts, want[i]);
            let c = row.counts;
            prop_assert_eq!(c.total, c.done_on_time + c.done_late + c.open_within_deadline + c.open_overdue);
            // Clicking a count opens the list of exactly those directives.
            for (bucket, count) in [
                (Bucket::DoneOnTime, c.done_on_time),
                (Bucket::DoneLate, c.done_late),
                (Bucket::OpenWithinDeadline, c.open_within_deadline),
                (Bucket::OpenOverdue, c.open_overdue),
            ] {
                let q = DirectiveQuery {
                    unit: Some(*u),
                    unit_role: UnitRole::Lead,
                    bucket: Some(bucket),
                    from,
                    to,
                    basis,
                    ..DirectiveQuery::as_of(as_of)
                };
                let page = directive::list(conn, &q).unwrap();
                prop_assert_eq!(page.total, count, "{:?} of unit {}", bucket, i);
                prop_assert!(page.rows.iter().all(|r| r.bucket == Some(bucket)));
            }
        }
        prop_assert_eq!(table.totals, total);
        // The monthly trend: each month's counts are the list of the directives given then.
        for m in stats::monthly(conn, 12, as_of, basis).unwrap() {
            for (bucket, count) in [
                (Bucket::DoneOnTime, m.counts.done_on_time),
                (Bucket::OpenOverdue, m.counts.open_overdue),
                (Bucket::OpenWithinDeadline, m.counts.open_within_deadline),
            ] {
                let q = DirectiveQuery { bucket: Some(bucket), from: Some(m.from), to: Some(m.to), basis, ..DirectiveQuery::as_of(as_of) };
                prop_assert_eq!(directive::list(conn, &q).unwrap().total, count, "{:?} in {}", bucket, m.from);
            }
        }

        let q = DirectiveQuery { overdue: true, basis, ..DirectiveQuery::as_of(as_of) };
        let page = directive::list(conn, &q).unwrap();
        prop_assert_eq!(page.total, overdue);
        prop_assert!(page.rows.iter().all(|r| r.days_overdue.is_some_and(|n| n >= 1)));
        let q = DirectiveQuery { due_within: Some(7), basis, ..DirectiveQuery::as_of(as_of) };
        prop_assert_eq!(directive::list(conn, &q).unwrap().total, due7);
    }
}

#[test]
fn unit_filters_see_lead_and_coordinating_roles() {
    let cases: Vec<Case> = (0..6)
        .map(|i| Case {
            unit: i % 3,
            given: i as i64,
            deadline: Some(10),
            fate: Fate::Open,
            extension: None,
        })
        .collect();
    let (store, units) = build(&cases);
    let as_of = base() + Duration::days(30);
    let count = |role| {
        directive::list(
            store.conn(),
            &DirectiveQuery {
                unit: Some(units[0]),
                unit_role: role,
                ..DirectiveQuery::as_of(as_of)
            },
        )
        .unwrap()
        .total
    };
    assert_eq!(count(UnitRole::Lead), 2);
    assert_eq!(
        count(UnitRole::Coordinating),
        2,
        "unit 0 coordinates unit 2's directives"
    );
    assert_eq!(count(UnitRole::Any), 4);
    let limited = directive::list(
        store.conn(),
        &DirectiveQuery {
            limit: Some(1),
            ..DirectiveQuery::as_of(as_of)
        },
    )
    .unwrap();
    assert_eq!((limited.total, limited.rows.len()), (6, 1));
}

/// The tally the triggers keep (directive_tally) is what counting every directive afresh
/// gives: after the generator's bulk load, which rebuilds it, and after each kind of change.
#[test]
fn the_tally_is_what_a_recount_gives() {
    use giaoban::OpenMode;
    let dir = tempfile::TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite3"), OpenMode::Create).unwrap();
    crate::fixture::sample(&mut store, 120, 6, 7);
    let recount = "SELECT lead_unit_id, substr(assigned_on, 1, 7), coalesce(substr(completed_on, 1, 7), ''),
                          iif(completed_on IS NULL, coalesce(substr(deadline, 1, 7), ''), ''),
                          iif(completed_on IS NULL, coalesce(substr(original_deadline, 1, 7), ''), ''),
                          completed_on IS NOT NULL AND (deadline IS NULL OR completed_on <= deadline),
                          completed_on IS NOT NULL AND (original_deadline IS NULL OR completed_on <= original_deadline),
                          count(*)
                   FROM directive WHERE status <> 'cancelled' GROUP BY 1, 2, 3, 4, 5, 6, 7";
    let kept = "SELECT * FROM directive_tally";
    let differing = |store: &Store| -> i64 {
        store
            .conn()
            .query_row(
                &format!("SELECT (SELECT count(*) FROM ({recount} EXCEPT {kept})) + (SELECT count(*) FROM ({kept} EXCEPT {recount}))"),
                [],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(differing(&store), 0, "after the bulk load");
    let with_status = |store: &Store, status: &str| -> Vec<uuid::Uuid> {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM directive WHERE status = ?1 ORDER BY id LIMIT 3")
            .unwrap();
        stmt.query_map([status], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let done = with_status(&store, "done");
    let waiting = with_status(&store, "awaiting_confirmation");
    let open = with_status(&store, "in_progress");
    assert!(done.len() == 3 && open.len() == 3);
    store
        .write(|tx| {
            directive::change_status(tx, done[0], StatusChange::Reopen, "Làm lại")?;
            if let Some(w) = waiting.first() {
                directive::change_status(tx, *w, StatusChange::Confirm, "")?;
            }
            directive::change_status(tx, open[0], StatusChange::Cancel, "")?;
            let dl = directive::get(tx, open[1])?.deadline.unwrap_or(base());
            followup::extend_deadline(
                tx,
                open[1],
                NewExtension {
                    new_deadline: dl + Duration::days(45),
                    reason: "Gia hạn".into(),
                    approver_id: None,
                    approved_on: base(),
                },
            )?;
            directive::change_status(
                tx,
                open[2],
                StatusChange::ReportDone {
                    on: d("2026-06-29"),
                },
                "",
            )?;
            directive::change_status(tx, open[2], StatusChange::Confirm, "")?;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        differing(&store),
        0,
        "after reopening, confirming, cancelling, extending"
    );
}
