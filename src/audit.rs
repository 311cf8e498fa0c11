//! Reading the audit history: who changed what and when. Entries are written by every
//! mutation through [`crate::store::Tx::audit`], in the same transaction as the change.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use uuid::Uuid;

use crate::error::Result;
use crate::store::value::{get_ts, get_uuid};

/// One audit entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Sequence number (order of writing on this database).
    pub seq: i64,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// The user name of who changed it.
    pub actor: String,
    /// The installation it happened on.
    pub installation: Uuid,
    /// Kind of record (`directive`, `meeting`…).
    pub entity: String,
    /// Record id.
    pub entity_id: Uuid,
    /// What happened (`create`, `status`, `extend`…).
    pub action: String,
    /// Changed fields: `{ field: [old, new] }` or details of the action.
    pub changes: serde_json::Value,
}

/// The history of one record, oldest first.
pub fn history(conn: &Connection, entity: &str, id: Uuid) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, at, actor, installation, entity, entity_id, action, changes
         FROM audit WHERE entity = ?1 AND entity_id = ?2 ORDER BY seq",
    )?;
    let rows = stmt.query_map(rusqlite::params![entity, id], |r| {
        let changes: String = r.get(7)?;
        Ok(Entry {
            seq: r.get(0)?,
            at: get_ts(r, 1)?,
            actor: r.get(2)?,
            installation: get_uuid(r, 3)?,
            entity: r.get(4)?,
            entity_id: get_uuid(r, 5)?,
            action: r.get(6)?,
            changes: serde_json::from_str(&changes).unwrap_or(serde_json::Value::String(changes)),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
