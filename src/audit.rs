//! Reading the audit history: who changed what and when, with old and new values; listed
//! with filters and exported as CSV. Entries are written by every mutation through
//! [`crate::store::Tx::audit`], in the same transaction as the change.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::Result;
use crate::record::Page;
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

/// Which entries to list: every filter is optional; newest first.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditQuery {
    /// Kind of record: `meeting`, `directive`, `unit`, `person`… (meeting also covers its
    /// attendees, agenda, opinions and conclusions).
    pub entity: Option<String>,
    /// One record.
    pub entity_id: Option<Uuid>,
    /// Who made the change (exact user name).
    pub actor: Option<String>,
    /// First day (office time).
    pub from: Option<NaiveDate>,
    /// Last day (office time).
    pub to: Option<NaiveDate>,
    /// At most this many entries (all when not given).
    pub limit: Option<u32>,
    /// Skipping this many first.
    #[serde(default)]
    pub offset: Option<u32>,
}

/// One changed field: its old and new values as text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldChange {
    /// Field name.
    pub field: String,
    /// Value before (none for a new record or a detail of the action).
    pub old: Option<String>,
    /// Value after.
    pub new: Option<String>,
}

/// An entry as listed: what was changed, on which record (by its title), by whom, when.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditRow {
    /// Sequence number.
    pub seq: u32,
    /// When (UTC).
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// Kind of record.
    pub entity: String,
    /// Record id.
    pub entity_id: Uuid,
    /// The record's title, name or content, when it still exists.
    pub title: Option<String>,
    /// What happened.
    pub action: String,
    /// The fields changed.
    pub changes: Vec<FieldChange>,
}

fn text_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// Bookkeeping fields every record carries: not shown as changes.
const BOOKKEEPING: &[&str] = &["id", "origin", "created_at", "updated_at"];

/// `{field: [old, new]}` as a list; other shapes (details of an action, and every field of
/// a record created: two coordinating units are no change from one to the other) as new
/// values. Bookkeeping fields and fields without a value are left out.
fn field_changes(action: &str, changes: &serde_json::Value) -> Vec<FieldChange> {
    let created = action == "create";
    let Some(map) = changes.as_object() else {
        return Vec::new();
    };
    map.iter()
        .filter(|(field, _)| !BOOKKEEPING.contains(&field.as_str()))
        .map(|(field, v)| match v.as_array().map(Vec::as_slice) {
            Some([old, new]) if !created => FieldChange {
                field: field.clone(),
                old: text_of(old),
                new: text_of(new),
            },
            _ => FieldChange {
                field: field.clone(),
                old: None,
                new: text_of(v),
            },
        })
        .filter(|c| c.old.is_some() || c.new.as_deref().is_some_and(|n| !n.is_empty()))
        .collect()
}

/// Which entries match ?1–?5 (entity, record, actor, from, to).
const MATCHING: &str = "FROM audit a
     WHERE (?1 IS NULL OR a.entity = ?1)
       AND (?2 IS NULL OR a.entity_id = ?2)
       AND (?3 IS NULL OR a.actor = ?3)
       AND (?4 IS NULL OR a.at >= ?4)
       AND (?5 IS NULL OR a.at < ?5)";

/// The first and the day after the last day of `q`, as stored.
fn days(q: &AuditQuery) -> (Option<String>, Option<String>) {
    let day_start = |d: NaiveDate| crate::store::value::ts(crate::date::start_of_day(d));
    (
        q.from.map(day_start),
        q.to.and_then(|d| d.succ_opt()).map(day_start),
    )
}

/// A page of the entries matching `q`, newest first, and how many match in all.
pub fn page(conn: &Connection, q: &AuditQuery) -> Result<Page<AuditRow>> {
    let (from, to) = days(q);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {MATCHING}"))?
        .query_row(
            rusqlite::params![q.entity, q.entity_id, q.actor, from, to],
            |r| r.get(0),
        )?;
    Ok(Page {
        total,
        rows: list(conn, q)?,
    })
}

/// The audit entries matching `q`, newest first, each with its record's title.
pub fn list(conn: &Connection, q: &AuditQuery) -> Result<Vec<AuditRow>> {
    let (from, to) = days(q);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT a.seq, a.at, a.actor, a.entity, a.entity_id, a.action, a.changes,
                CASE a.entity
                    WHEN 'meeting' THEN (SELECT title FROM meeting WHERE id = a.entity_id)
                    WHEN 'directive' THEN (SELECT content FROM directive WHERE id = a.entity_id)
                    WHEN 'unit' THEN (SELECT name FROM unit WHERE id = a.entity_id)
                    WHEN 'person' THEN (SELECT full_name FROM person WHERE id = a.entity_id)
                END
         {MATCHING}
         ORDER BY a.seq DESC
         LIMIT ?6 OFFSET ?7"
    ))?;
    let rows = stmt.query_map(
        rusqlite::params![
            q.entity,
            q.entity_id,
            q.actor,
            from,
            to,
            q.limit.map_or(-1, i64::from),
            q.offset.unwrap_or(0),
        ],
        |r| {
            let changes: String = r.get(6)?;
            let changes = serde_json::from_str(&changes).unwrap_or(serde_json::Value::Null);
            Ok(AuditRow {
                seq: r.get(0)?,
                at: get_ts(r, 1)?,
                actor: r.get(2)?,
                entity: r.get(3)?,
                entity_id: get_uuid(r, 4)?,
                action: r.get(5)?,
                changes: field_changes(&r.get::<_, String>(5)?, &changes),
                title: r.get(7)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A value of the change history as a user reads it: an enum value in words (the group
/// its record and field give: a meeting's or a directive's status, a unit's or a meeting's
/// kind…), a date dd/mm/yyyy, an id left out (the record's title says which).
pub fn value_words(entity: &str, field: &str, value: &str, lang: crate::lang::Lang) -> String {
    let group = match field {
        "status" if entity == "meeting" => Some("meeting_status"),
        "status" => Some("directive_status"),
        "kind" if entity == "unit" => Some("unit_kind"),
        "kind" => Some("meeting_kind"),
        "attendance" | "role" | "bucket" | "priority" => Some(field),
        _ => None,
    };
    if let Some(g) = group {
        return crate::labels::label(g, value, lang).to_string();
    }
    if uuid::Uuid::parse_str(value).is_ok() {
        return String::new();
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return crate::date::format(d);
    }
    value.to_string()
}
