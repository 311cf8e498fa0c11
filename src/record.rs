//! What every stored record carries besides its own fields, so that records can later
//! be exchanged and merged between installations.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::Serialize;
use uuid::Uuid;

use crate::error::Result;
use crate::store::Tx;
use crate::store::value::{get_ts, get_uuid, ts};

/// One page of a listing and how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Page<T> {
    /// Matching records in all.
    pub total: u32,
    /// The records of this page.
    pub rows: Vec<T>,
}

/// Creation and last-change stamps of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Meta {
    /// When the record was created (UTC).
    pub created_at: DateTime<Utc>,
    /// When the record was last changed (UTC).
    pub updated_at: DateTime<Utc>,
    /// The installation that last wrote the record.
    pub origin: Uuid,
}

impl Meta {
    /// The stamps a write in `tx` gives a new record, as stored (to the millisecond).
    pub(crate) fn written(tx: &Tx<'_>) -> Self {
        use chrono::SubsecRound;
        let now = tx.now().trunc_subsecs(3);
        Meta {
            created_at: now,
            updated_at: now,
            origin: tx.installation(),
        }
    }

    /// Reads the three meta columns starting at `idx` (`created_at, updated_at, origin`).
    pub(crate) fn from_row(row: &Row<'_>, idx: usize) -> rusqlite::Result<Self> {
        Ok(Meta {
            created_at: get_ts(row, idx)?,
            updated_at: get_ts(row, idx + 1)?,
            origin: get_uuid(row, idx + 2)?,
        })
    }
}

/// A new record id: UUID v7, so ids sort by creation time and inserts stay local in indexes.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// Sets the `active` flag of a unit or person (`table`), stamping and auditing the change;
/// nothing is written when the flag already has that value.
pub(crate) fn set_active(
    tx: &Tx<'_>,
    table: &'static str,
    id: Uuid,
    was: bool,
    active: bool,
) -> Result<()> {
    if was == active {
        return Ok(());
    }
    tx.execute(
        &format!("UPDATE {table} SET active = ?2, updated_at = ?3, origin = ?4 WHERE id = ?1"),
        rusqlite::params![id, active, ts(tx.now()), tx.installation()],
    )?;
    tx.audit(
        table,
        id,
        "update",
        serde_json::json!({ "active": [was, active] }),
    )
}

/// The fields that differ between two versions of a record, as `{ field: [old, new] }`
/// for the audit history (stamps left out).
pub(crate) fn changes<T: serde::Serialize>(old: &T, new: &T) -> serde_json::Value {
    let (Ok(serde_json::Value::Object(old)), Ok(serde_json::Value::Object(new))) =
        (serde_json::to_value(old), serde_json::to_value(new))
    else {
        return serde_json::Value::Null;
    };
    let skip = ["created_at", "updated_at", "origin"];
    new.into_iter()
        .filter(|(k, v)| !skip.contains(&k.as_str()) && old.get(k) != Some(v))
        .map(|(k, v)| {
            let was = old.get(&k).cloned().unwrap_or_default();
            (k, serde_json::json!([was, v]))
        })
        .collect()
}
