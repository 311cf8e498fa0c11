//! Conflicts: a text edited on two machines, both versions kept until the user chooses.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::Serialize;
use uuid::Uuid;

use super::bundle::Val;
use super::{merge, schema};
use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::value::ts;

/// A text kept from a concurrent edit, waiting for the user's choice.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conflict {
    /// Conflict id.
    pub id: Uuid,
    /// Kind of record (`meeting`, `directive`, `opinion`…).
    pub entity: String,
    /// The record.
    pub record_id: Uuid,
    /// Which text (`minutes`, `content`…).
    pub field: String,
    /// The version kept aside.
    pub other: String,
    /// The version in the record now (empty when the record was deleted).
    pub current: String,
    /// When the version kept aside was written (UTC).
    pub written_at: String,
}

/// Conflicts not yet resolved, newest first.
pub fn conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
    let mut stmt = conn.prepare(
        "SELECT id, entity, record_id, grp, value, hlc FROM conflict WHERE resolved = 0 ORDER BY hlc DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Uuid>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, entity, k, grp, value, hlc) = row?;
        let Some(t) = schema::table(&entity) else {
            continue;
        };
        let Some(g) = t.group(&grp) else { continue };
        let col = g.cols[0];
        let other: BTreeMap<String, Val> = serde_json::from_str(&value).unwrap_or_default();
        let current: Option<Option<String>> = conn
            .query_row(
                &format!("SELECT {col} FROM {} WHERE {}", t.name, merge::key_where(t)),
                params_from_iter(merge::key_parts(t, &k)?),
                |r| r.get(0),
            )
            .optional()?;
        let ms = u64::from_str_radix(hlc.get(..12).unwrap_or("0"), 16).unwrap_or(0);
        out.push(Conflict {
            id,
            entity,
            record_id: Uuid::from_slice(&k[..16]).unwrap_or_default(),
            field: grp,
            other: match other.get(col) {
                Some(Val::Text(s)) => s.to_string(),
                _ => String::new(),
            },
            current: current.flatten().unwrap_or_default(),
            written_at: ts(chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()),
        });
    }
    Ok(out)
}

/// Resolves a conflict: `take_other` puts the kept version back into the record (a new
/// edit here, which then travels to the others); otherwise the record's text stays.
pub fn resolve(store: &mut Store, id: Uuid, take_other: bool) -> Result<()> {
    let all = conflicts(store.conn())?;
    let c = all
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Conflict, id))?;
    store.write(|tx| {
        if take_other {
            let t = schema::table(&c.entity).expect("listed conflicts are of exchanged tables");
            let col = t.group(&c.field).expect("listed conflicts name a group").cols[0];
            if t.name == "unit" && col == "code" {
                let held: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM unit WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2)",
                    rusqlite::params![c.other, c.record_id],
                    |r| r.get(0),
                )?;
                if held {
                    return Err(Error::invalid(
                        crate::error::Field::Code,
                        crate::error::Rule::Duplicate(c.other.clone()),
                    ));
                }
            }
            let n = tx.execute(
                &format!("UPDATE {} SET {col} = ?1, updated_at = ?2, origin = ?3 WHERE id = ?4", t.name),
                rusqlite::params![c.other, ts(tx.now()), tx.installation(), c.record_id],
            )?;
            if n == 0 {
                return Err(Error::not_found(crate::error::Entity::Conflict, c.record_id));
            }
        }
        tx.execute("UPDATE conflict SET resolved = 1, updated_at = ?1, origin = ?2 WHERE id = ?3", rusqlite::params![ts(tx.now()), tx.installation(), id])?;
        tx.audit(&c.entity, c.record_id, "resolve_conflict", serde_json::json!({ c.field.clone(): [c.current, if take_other { &c.other } else { &c.current }] }))
    })
}
