//! The leader's overview.

use chrono::NaiveDate;
use giaoban::stats::{self, PeriodStats, UnitTable};
use giaoban::timeliness::DeadlineBasis;

use super::DbState;
use crate::error::IpcError;

/// The per-unit table for directives given in `[from, to]`, judged on `as_of` (default today).
#[tauri::command]
#[specta::specta]
pub async fn unit_stats(
    db: DbState<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: Option<NaiveDate>,
    basis: DeadlineBasis,
) -> Result<UnitTable, IpcError> {
    let as_of = as_of.unwrap_or_else(giaoban::date::today);
    db.read(move |s| stats::by_unit(s.conn(), from, to, as_of, basis))
        .await
}

/// What Tổng quan shows of a period: the per-unit table for directives given in `[from, to]`
/// and the trend of the last `months` months, judged on `as_of`.
#[tauri::command]
#[specta::specta]
pub async fn overview_stats(
    db: DbState<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    months: u32,
    as_of: NaiveDate,
    basis: DeadlineBasis,
) -> Result<PeriodStats, IpcError> {
    db.read(move |s| stats::overview(s.conn(), from, to, months.min(60), as_of, basis))
        .await
}
