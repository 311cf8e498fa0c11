//! Per-unit performance for a period and a reporting date: the official four buckets,
//! completion and on-time rates. Counts by lead unit (đơn vị chủ trì), as official
//! reports do. The SQL states the rules of [`crate::timeliness`] and is tested against them.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, named_params};
use serde::Serialize;
use uuid::Uuid;

use crate::error::Result;
use crate::store::value::date;
use crate::timeliness::{Bucket, DeadlineBasis};
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
/// judged on `as_of`. One range of the covering index `directive_lead_period` per unit.
pub fn by_unit(
    conn: &Connection,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<UnitTable> {
    let units = unit::list(conn, true)?;
    let mut stmt = conn.prepare_cached(BY_UNIT_SQL)?;
    let from_text = from.map_or_else(|| "0000-01-01".to_string(), date);
    let to_text = to.map_or_else(|| "9999-12-31".to_string(), date);
    let mut counts: HashMap<Uuid, Counts> = HashMap::new();
    for u in &units {
        let mut c = stmt.query_row(
            named_params! {
                ":unit": u.id,
                ":from": from_text,
                ":to": to_text,
                ":as_of": date(as_of),
                ":original": basis == DeadlineBasis::Original,
            },
            |r| {
                Ok(Counts {
                    total: r.get(0)?,
                    done_on_time: r.get(1)?,
                    done_late: r.get(2)?,
                    open_within_deadline: r.get(3)?,
                    open_overdue: r.get(4)?,
                    ..Counts::default()
                })
            },
        )?;
        c.rates();
        counts.insert(u.id, c);
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
/// that month and where they stand on `as_of` (the same rules and filters as [`by_unit`], so
/// a month's count is the list of the directives given in it).
pub fn monthly(
    conn: &Connection,
    months: u32,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<Vec<Month>> {
    use chrono::{Datelike, Months};
    let this = as_of.with_day(1).expect("day 1 exists");
    let first = this - Months::new(months.saturating_sub(1));
    // Unit by unit, as `by_unit` does: each is one range of the covering index.
    let mut stmt = conn.prepare_cached(MONTHLY_SQL)?;
    let mut by_month: HashMap<String, Counts> = HashMap::new();
    for u in unit::list(conn, true)? {
        let rows = stmt.query_map(
            named_params! {
                ":unit": u.id,
                ":from": date(first),
                ":as_of": date(as_of),
                ":original": basis == DeadlineBasis::Original,
            },
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Counts {
                        total: r.get(1)?,
                        done_on_time: r.get(2)?,
                        done_late: r.get(3)?,
                        open_within_deadline: r.get(4)?,
                        open_overdue: r.get(5)?,
                        ..Counts::default()
                    },
                ))
            },
        )?;
        for row in rows {
            let (month, c) = row?;
            by_month.entry(month).or_default().merge(&c);
        }
    }
    Ok((0..months)
        .map(|i| {
            let from = first + Months::new(i);
            let to = (from + Months::new(1))
                .pred_opt()
                .expect("a day before")
                .min(as_of);
            let key = from.format("%Y-%m").to_string();
            Month {
                from,
                to,
                counts: by_month.remove(&key).unwrap_or_default(),
            }
        })
        .collect())
}

const MONTHLY_SQL: &str = "
    SELECT substr(assigned_on, 1, 7), count(*),
           coalesce(sum(done AND (dl IS NULL OR completed_on <= dl)), 0),
           coalesce(sum(done AND dl IS NOT NULL AND completed_on > dl), 0),
           coalesce(sum(NOT done AND (dl IS NULL OR :as_of <= dl)), 0),
           coalesce(sum(NOT done AND dl IS NOT NULL AND :as_of > dl), 0)
    FROM (SELECT assigned_on, completed_on,
                 CASE WHEN :original THEN original_deadline ELSE deadline END AS dl,
                 coalesce(completed_on <= :as_of, 0) AS done
          FROM directive INDEXED BY directive_lead_period
          WHERE lead_unit_id = :unit AND assigned_on BETWEEN :from AND :as_of AND status <> 'cancelled')
    GROUP BY 1";

const BY_UNIT_SQL: &str = "
    SELECT count(*),
           coalesce(sum(done AND (dl IS NULL OR completed_on <= dl)), 0),
           coalesce(sum(done AND dl IS NOT NULL AND completed_on > dl), 0),
           coalesce(sum(NOT done AND (dl IS NULL OR :as_of <= dl)), 0),
           coalesce(sum(NOT done AND dl IS NOT NULL AND :as_of > dl), 0)
    FROM (SELECT completed_on,
                 CASE WHEN :original THEN original_deadline ELSE deadline END AS dl,
                 coalesce(completed_on <= :as_of, 0) AS done
          FROM directive INDEXED BY directive_lead_period
          WHERE lead_unit_id = :unit AND assigned_on BETWEEN :from AND :to
            AND assigned_on <= :as_of AND status <> 'cancelled')";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn per_unit_buckets_come_from_the_covering_index() {
        let store = Store::open_in_memory().unwrap();
        let mut stmt = store
            .conn()
            .prepare(&format!("EXPLAIN QUERY PLAN {BY_UNIT_SQL}"))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(named_params! { ":unit": uuid::Uuid::nil(), ":from": "2026-01-01", ":to": "2026-12-31", ":as_of": "2026-12-31", ":original": false }, |r| r.get(3))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let plan = plan.join("\n");
        assert!(
            plan.contains("SEARCH directive USING COVERING INDEX directive_lead_period (lead_unit_id=? AND assigned_on>? AND assigned_on<?)"),
            "{plan}"
        );
    }
}
