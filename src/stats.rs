//! Per-unit performance for a period and a reporting date: the official four buckets,
//! completion and on-time rates. Counts by lead unit (đơn vị chủ trì), as official
//! reports do. Whole months are read from the directive tally (store/tally.rs), the rest row
//! by row; each row is judged by [`crate::timeliness`], and the totals are tested against it.

use std::collections::HashMap;

use chrono::{Datelike, Duration, Months, NaiveDate};
use rusqlite::{Connection, named_params};
use serde::Serialize;
use uuid::Uuid;

use crate::error::Result;
use crate::store::value::{date, get_opt_date};
use crate::timeliness::{Bucket, DeadlineBasis, DirectiveStatus, Facts};
use crate::unit::{self, UnitKind};

/// Bucket counts and rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    /// Directives counted (cancelled ones excluded).
    pub total: u32,
    /// Hoàn thành đúng hạn.
    pub done_on_time: u32,
    /// Hoàn thành trễ hạn.
    pub done_late: u32,
    /// Chưa hoàn thành trong hạn.
    pub open_within_deadline: u32,
    /// Chưa hoàn thành quá hạn.
    pub open_overdue: u32,
    /// (done on time + done late) / total, in percent, one decimal; 0 when total is 0.
    pub completion_rate: f64,
    /// done on time / (done on time + done late), in percent, one decimal; 0 when none done.
    pub on_time_rate: f64,
}

impl Counts {
    /// Adds one directive in `bucket`.
    pub fn add(&mut self, bucket: Bucket) {
        self.total += 1;
        match bucket {
            Bucket::DoneOnTime => self.done_on_time += 1,
            Bucket::DoneLate => self.done_late += 1,
            Bucket::OpenWithinDeadline => self.open_within_deadline += 1,
            Bucket::OpenOverdue => self.open_overdue += 1,
        }
        self.rates();
    }

    fn merge(&mut self, o: &Counts) {
        self.total += o.total;
        self.done_on_time += o.done_on_time;
        self.done_late += o.done_late;
        self.open_within_deadline += o.open_within_deadline;
        self.open_overdue += o.open_overdue;
        self.rates();
    }

    fn rates(&mut self) {
        let pct = |n: u32, d: u32| {
            if d == 0 {
                0.0
            } else {
                (n as f64 * 1000.0 / d as f64).round() / 10.0
            }
        };
        let done = self.done_on_time + self.done_late;
        self.completion_rate = pct(done, self.total);
        self.on_time_rate = pct(self.done_on_time, done);
    }
}

/// One row of the per-unit table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitRow {
    /// Row number (TT).
    pub tt: u32,
    /// Unit id.
    pub unit_id: Uuid,
    /// Unit name.
    pub unit: String,
    /// Counts.
    #[serde(flatten)]
    pub counts: Counts,
}

/// The per-unit table with its totals line.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitTable {
    /// Reporting date.
    pub as_of: NaiveDate,
    /// Period start (directives given on or after).
    pub from: Option<NaiveDate>,
    /// Period end (directives given on or before).
    pub to: Option<NaiveDate>,
    /// Deadline judged against.
    pub basis: DeadlineBasis,
    /// One row per unit that has directives, plus the active phòng, trung tâm and districts without any.
    pub rows: Vec<UnitRow>,
    /// Sum of all rows.
    pub totals: Counts,
}

/// Builds the per-unit table for directives given in `[from, to]` (and by `as_of`),
/// judged on `as_of`: the tally's months (see [`tallied`]), the days at either end row by row.
pub fn by_unit(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<UnitTable> {
    let tally = tallied(
        conn,
        from.unwrap_or(EARLIEST),
        to.unwrap_or(LATEST),
        as_of,
        basis,
    )?;
    table_of(conn, &tally, from, to, as_of, basis)
}

/// The per-unit table of a tally: every unit with directives, and the active units that
/// normally receive them.
fn table_of(
    conn: &Connection,
    tally: &HashMap<UnitMonth, Counts>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<UnitTable> {
    let units = unit::list(conn, true)?;
    let mut counts: HashMap<Uuid, Counts> = HashMap::new();
    for ((unit, _month), c) in tally {
        counts.entry(*unit).or_default().merge(c);
    }
    let mut table = UnitTable {
        as_of,
        from,
        to,
        basis,
        rows: Vec::new(),
        totals: Counts::default(),
    };
    for u in units {
        let c = counts.remove(&u.id).unwrap_or_default();
        // Units with directives always have a row; of the others, only the active units
        // that normally receive directives (not the Sở itself, not outside bodies).
        let usual = !matches!(u.kind, UnitKind::Department | UnitKind::External);
        if c.total == 0 && !(u.active && usual) {
            continue;
        }
        table.totals.merge(&c);
        table.rows.push(UnitRow {
            tt: table.rows.len() as u32 + 1,
            unit_id: u.id,
            unit: u.name,
            counts: c,
        });
    }
    Ok(table)
}

/// The directives given in one calendar month, judged on the reporting date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Month {
    /// First day of the month.
    pub from: NaiveDate,
    /// Last day of the month (or the reporting date, for its month).
    pub to: NaiveDate,
    /// Their buckets.
    pub counts: Counts,
}

/// The monthly trend: for each of the `months` months up to `as_of`, the directives given
/// that month and where they stand on `as_of` (read as [`by_unit`] reads them, so a month's
/// count is the list of the directives given in it).
pub fn monthly(
    conn: &Connection,
    months: u32,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<Vec<Month>> {
    let first = trend_start(as_of, months);
    Ok(trend_of(
        &tallied(conn, first, as_of, as_of, basis)?,
        first,
        months,
        as_of,
    ))
}

/// What the overview shows of a period: its per-unit table and the monthly trend.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PeriodStats {
    /// As [`by_unit`] gives it.
    pub table: UnitTable,
    /// As [`monthly`] gives it.
    pub months: Vec<Month>,
}

/// [`by_unit`] and [`monthly`] together. When the period holds the trend's months (this
/// year, all time), the trend is taken from the table's own tally, read once.
pub fn overview(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    months: u32,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<PeriodStats> {
    let (lo, hi) = (from.unwrap_or(EARLIEST), to.unwrap_or(LATEST));
    let first = trend_start(as_of, months);
    let tally = tallied(conn, lo, hi, as_of, basis)?;
    let months_of = if lo <= first && hi >= as_of {
        trend_of(&tally, first, months, as_of)
    } else {
        monthly(conn, months, as_of, basis)?
    };
    Ok(PeriodStats {
        table: table_of(conn, &tally, from, to, as_of, basis)?,
        months: months_of,
    })
}

/// The first day of the first of `months` months up to `as_of`.
fn trend_start(as_of: NaiveDate, months: u32) -> NaiveDate {
    month_start(as_of) - Months::new(months.saturating_sub(1))
}

/// The `months` months from `first` of a tally that holds them whole (up to `as_of`).
fn trend_of(
    tally: &HashMap<UnitMonth, Counts>,
    first: NaiveDate,
    months: u32,
    as_of: NaiveDate,
) -> Vec<Month> {
    let mut by_month: HashMap<u32, Counts> = HashMap::new();
    for ((_unit, month), c) in tally {
        by_month.entry(*month).or_default().merge(c);
    }
    (0..months)
        .map(|i| {
            let from = first + Months::new(i);
            let to = (from + Months::new(1))
                .pred_opt()
                .expect("a day before")
                .min(as_of);
            let key = from.year() as u32 * 100 + from.month();
            Month {
                from,
                to,
                counts: by_month.remove(&key).unwrap_or_default(),
            }
        })
        .collect()
}

/// The earliest and latest days a period can name (an open end).
const EARLIEST: NaiveDate = NaiveDate::from_ymd_opt(1, 1, 1).expect("1/1/1");
const LATEST: NaiveDate = NaiveDate::from_ymd_opt(9999, 12, 31).expect("31/12/9999");

/// A lead unit and a month given (`YYYY-MM` as the number `YYYYMM`: no string to make and
/// hash for each of a tally's thousands of rows).
type UnitMonth = (Uuid, u32);

/// The number of a `YYYY-MM…` text's month (`YYYYMM`); 0 for a text that is none.
fn month_number(text: &str) -> u32 {
    let b = text.as_bytes();
    let digits = |from: usize, to: usize| {
        b.get(from..to)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    match (digits(0, 4), b.get(4), digits(5, 7)) {
        (Some(y), Some(b'-'), Some(m)) => y * 100 + m,
        _ => 0,
    }
}

/// The directives given in `[from, to]` and by `as_of`, judged on `as_of`, per lead unit and
/// month given. Months wholly inside the period come from `directive_tally` (a few rows per
/// unit and month), corrected row by row for what the reporting month decides: directives
/// done in it or later, and open ones due in it. The days of the months cut by the period's
/// ends are read row by row. Every row read is judged by [`crate::timeliness::bucket`].
fn tallied(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<HashMap<UnitMonth, Counts>> {
    let mut out: HashMap<UnitMonth, Counts> = HashMap::new();
    let to = to.min(as_of);
    if from > to {
        return Ok(out);
    }
    let whole_from = if from.day() == 1 {
        from
    } else {
        month_start(from) + Months::new(1)
    };
    let whole_to = if (to + Duration::days(1)).day() == 1 {
        to
    } else {
        month_start(to) - Duration::days(1)
    };
    if whole_from > whole_to {
        judge_rows(
            conn,
            &mut out,
            ROWS_GIVEN,
            &[date(from), date(to)],
            as_of,
            basis,
            |_| true,
        )?;
        return Ok(out);
    }
    if from < whole_from {
        let ends = [date(from), date(whole_from - Duration::days(1))];
        judge_rows(conn, &mut out, ROWS_GIVEN, &ends, as_of, basis, |_| true)?;
    }
    if whole_to < to {
        let ends = [date(whole_to + Duration::days(1)), date(to)];
        judge_rows(conn, &mut out, ROWS_GIVEN, &ends, as_of, basis, |_| true)?;
    }
    // The whole months: the tally, with what it cannot know yet.
    let (month_of, first, last) = (
        |d: NaiveDate| d.format("%Y-%m").to_string(),
        date(whole_from),
        date(whole_to),
    );
    let reporting = month_of(as_of);
    let mut stmt = conn.prepare_cached(&by_basis(basis).tally)?;
    let rows = stmt.query_map(
        named_params! { ":from": month_of(whole_from), ":to": month_of(whole_to), ":month": reporting },
        |r| {
            Ok((
                (
                    r.get::<_, Uuid>(0)?,
                    month_number(r.get_ref(1)?.as_str().unwrap_or_default()),
                ),
                [r.get::<_, u32>(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
            ))
        },
    )?;
    for row in rows {
        let (key, [total, on_time, late, overdue]) = row?;
        let c = out.entry(key).or_default();
        c.total += total;
        c.done_on_time += on_time;
        c.done_late += late;
        c.open_overdue += overdue;
        // The rest is open within its deadline, unless a correction below says otherwise.
        c.open_within_deadline += total - on_time - late - overdue;
    }
    let start = date(month_start(as_of));
    let end = date(month_start(as_of) + Months::new(1) - Duration::days(1));
    // Done in the reporting month or later: done by `as_of` or still open on it.
    correct(
        conn,
        &mut out,
        DONE_SINCE,
        &[start.clone(), first.clone(), last.clone()],
        as_of,
        basis,
    )?;
    // Open, due in the reporting month: overdue from the day after the deadline.
    let due_in = by_basis(basis).open_due.as_str();
    correct(
        conn,
        &mut out,
        due_in,
        &[start, end, first, last],
        as_of,
        basis,
    )?;
    for c in out.values_mut() {
        c.rates();
    }
    Ok(out)
}

/// Moves the directives `sql` reads out of "open within deadline", where the tally counted
/// them, into the bucket they are in on `as_of`.
fn correct(
    conn: &Connection,
    out: &mut HashMap<UnitMonth, Counts>,
    sql: &str,
    args: &[String],
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<()> {
    let mut moved: HashMap<UnitMonth, Counts> = HashMap::new();
    judge_rows(conn, &mut moved, sql, args, as_of, basis, |b| {
        b != Bucket::OpenWithinDeadline
    })?;
    for (key, m) in moved {
        let c = out.entry(key).or_default();
        c.done_on_time += m.done_on_time;
        c.done_late += m.done_late;
        c.open_overdue += m.open_overdue;
        c.open_within_deadline -= m.total;
    }
    Ok(())
}

/// Adds each directive `sql` reads (lead unit, date given, deadlines, date done) to the
/// bucket it is in on `as_of`, when `keep` takes that bucket.
fn judge_rows(
    conn: &Connection,
    out: &mut HashMap<UnitMonth, Counts>,
    sql: &str,
    args: &[String],
    as_of: NaiveDate,
    basis: DeadlineBasis,
    keep: impl Fn(Bucket) -> bool,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    while let Some(r) = rows.next()? {
        let facts = Facts {
            // Only directives that are not cancelled are read.
            status: DirectiveStatus::Assigned,
            deadline: get_opt_date(r, 2)?,
            original_deadline: get_opt_date(r, 3)?,
            completed_on: get_opt_date(r, 4)?,
        };
        if let Some(b) = crate::timeliness::bucket(&facts, basis, as_of).filter(|b| keep(*b)) {
            let given = r.get_ref(1)?.as_str().unwrap_or_default();
            let key = (r.get(0)?, month_number(given));
            out.entry(key).or_default().add(b);
        }
    }
    Ok(())
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists")
}

/// The directives given between two days.
const ROWS_GIVEN: &str = "
    SELECT lead_unit_id, assigned_on, deadline, original_deadline, completed_on
    FROM directive INDEXED BY directive_assigned
    WHERE assigned_on BETWEEN ?1 AND ?2 AND status <> 'cancelled'";

/// Done on or after the reporting month's first day (?1), given between ?2 and ?3.
const DONE_SINCE: &str = "
    SELECT lead_unit_id, assigned_on, deadline, original_deadline, completed_on
    FROM directive INDEXED BY directive_completed
    WHERE completed_on >= ?1 AND completed_on IS NOT NULL
      AND assigned_on BETWEEN ?2 AND ?3 AND status <> 'cancelled'";

/// The statements that read by one deadline or the other, the approved or the original: the
/// same words but for their columns.
struct ByBasis {
    /// Open, the deadline in the reporting month (?1 to ?2), given between ?3 and ?4.
    open_due: String,
    /// Per unit and month given (:from to :to): all, done before the reporting :month on
    /// time and late, and open with a deadline before it (overdue whatever the day).
    tally: String,
}

static BY_BASIS: std::sync::LazyLock<[ByBasis; 2]> = std::sync::LazyLock::new(|| {
    let by = |deadline: &str, index: &str, on_time: &str, month: &str| {
        ByBasis {
        open_due: format!(
            "SELECT lead_unit_id, assigned_on, deadline, original_deadline, completed_on
             FROM directive INDEXED BY {index}
             WHERE completed_on IS NULL AND status <> 'cancelled'
               AND {deadline} BETWEEN ?1 AND ?2 AND assigned_on BETWEEN ?3 AND ?4"
        ),
        tally: format!(
            "SELECT unit_id, assigned_month, sum(n),
                    sum(iif(completed_month <> '' AND completed_month < :month AND {on_time}, n, 0)),
                    sum(iif(completed_month <> '' AND completed_month < :month AND NOT {on_time}, n, 0)),
                    sum(iif(completed_month = '' AND {month} <> '' AND {month} < :month, n, 0))
             FROM directive_tally WHERE assigned_month BETWEEN :from AND :to
             GROUP BY unit_id, assigned_month"
        ),
    }
    };
    [
        by(
            "deadline",
            "directive_open_deadline",
            "on_time",
            "deadline_month",
        ),
        by(
            "original_deadline",
            "directive_open_original",
            "on_time_original",
            "original_month",
        ),
    ]
});

/// The statements of `basis`.
fn by_basis(basis: DeadlineBasis) -> &'static ByBasis {
    &BY_BASIS[usize::from(basis == DeadlineBasis::Original)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn row_reads_use_their_indexes() {
        let store = Store::open_in_memory().unwrap();
        for (sql, args, index) in [
            (ROWS_GIVEN, 2, "directive_assigned"),
            (DONE_SINCE, 3, "directive_completed"),
            (
                by_basis(DeadlineBasis::Approved).open_due.as_str(),
                4,
                "directive_open_deadline",
            ),
            (
                by_basis(DeadlineBasis::Original).open_due.as_str(),
                4,
                "directive_open_original",
            ),
        ] {
            let mut stmt = store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let values = vec!["2026-01-01"; args];
            let plan: Vec<String> = stmt
                .query_map(rusqlite::params_from_iter(values), |r| r.get(3))
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            let plan = plan.join("\n");
            assert!(
                plan.contains(&format!("USING INDEX {index} (")),
                "{sql}: {plan}"
            );
        }
    }
}
