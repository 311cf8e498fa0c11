//! People (cán bộ): leaders who chair and direct, secretaries, unit staff who report.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Entity, Error, Field, Result, Rule};
use crate::record::{Meta, new_id};
use crate::store::Tx;
use crate::store::value::{get_opt_uuid, get_uuid, ts};
use crate::text::{fold, matches_words};
use crate::unit;

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Person {
    /// Record id.
    pub id: Uuid,
    /// Full name, e.g. "Nguyễn Văn An".
    pub full_name: String,
    /// Title (chức vụ), e.g. "Phó Giám đốc Sở".
    pub title: Option<String>,
    /// The unit the person works in.
    pub unit_id: Option<Uuid>,
    /// Whether the person can chair, direct or be given new work.
    pub active: bool,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Input to [`create`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewPerson {
    /// Full name.
    pub full_name: String,
    /// Title (chức vụ).
    pub title: Option<String>,
    /// Unit.
    pub unit_id: Option<Uuid>,
}

const COLUMNS: &str = "id, full_name, title, unit_id, active, created_at, updated_at, origin";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: get_uuid(row, 0)?,
        full_name: row.get(1)?,
        title: row.get(2)?,
        unit_id: get_opt_uuid(row, 3)?,
        active: row.get(4)?,
        meta: Meta::from_row(row, 5)?,
    })
}

/// Adds a person.
pub fn create(tx: &Tx<'_>, new: NewPerson) -> Result<Person> {
    let name = new.full_name.trim();
    if name.is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    if let Some(u) = new.unit_id {
        unit::get(tx, u)?;
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO person (id, full_name, title, unit_id, active, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, ?5, ?6)",
        params![
            id,
            name,
            new.title,
            new.unit_id,
            ts(tx.now()),
            tx.installation(),
        ],
    )?;
    let person = get(tx, id)?;
    tx.audit(
        "person",
        id,
        "create",
        serde_json::to_value(&person).unwrap_or_default(),
    )?;
    Ok(person)
}

/// Changes a person's name, title or unit.
pub fn update(tx: &Tx<'_>, id: Uuid, new: NewPerson) -> Result<Person> {
    let old = get(tx, id)?;
    let name = new.full_name.trim();
    if name.is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    if let Some(u) = new.unit_id {
        unit::get(tx, u)?;
    }
    let title = new
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    tx.execute(
        "UPDATE person SET full_name = ?2, title = ?3, unit_id = ?4, updated_at = ?5, origin = ?6 WHERE id = ?1",
        params![id, name, title, new.unit_id, ts(tx.now()), tx.installation()],
    )?;
    let person = get(tx, id)?;
    tx.audit(
        "person",
        id,
        "update",
        crate::record::changes(&old, &person),
    )?;
    Ok(person)
}

/// Marks a person active or inactive.
pub fn set_active(tx: &Tx<'_>, id: Uuid, active: bool) -> Result<()> {
    let old = get(tx, id)?;
    crate::record::set_active(tx, "person", id, old.active, active)
}

/// One person by id.
pub fn get(conn: &Connection, id: Uuid) -> Result<Person> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM person WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Person, id))
}

/// People, optionally of one unit; inactive ones only when asked.
pub fn list(
    conn: &Connection,
    unit_id: Option<Uuid>,
    include_inactive: bool,
) -> Result<Vec<Person>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM person
         WHERE (active = 1 OR ?1) AND (?2 IS NULL OR unit_id = ?2)
         ORDER BY full_name"
    ))?;
    let rows = stmt.query_map(params![include_inactive, unit_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The setting naming the person who uses this machine (machine-local, never exchanged).
const MACHINE_USER: &str = "machine.user";

/// The person who uses this machine, as chosen once in the window; `None` until chosen
/// (or when that person is no longer in the directory).
pub fn machine_user(conn: &Connection) -> Result<Option<Person>> {
    let id: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [MACHINE_USER],
            |r| r.get(0),
        )
        .optional()?;
    match id.and_then(|id| id.parse::<Uuid>().ok()) {
        Some(id) => match get(conn, id) {
            Ok(p) => Ok(Some(p)),
            Err(Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        },
        None => Ok(None),
    }
}

/// Records who uses this machine: an active person of the directory, named from then on in
/// the history of every change made here.
pub fn set_machine_user(tx: &Tx<'_>, id: Uuid) -> Result<Person> {
    let p = get(tx, id)?;
    if !p.active {
        return Err(Error::invalid(Field::Name, Rule::Inactive));
    }
    tx.set_setting(MACHINE_USER, &id.to_string())?;
    Ok(p)
}

/// Finds the one person a user means, by id or by (part of) the name typed with or
/// without diacritics: `thang` finds "Hà Văn Thắng".
pub fn resolve(conn: &Connection, query: &str, field: Field) -> Result<Person> {
    let q = query.trim();
    if q.is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    if let Ok(id) = Uuid::parse_str(q) {
        return get(conn, id);
    }
    let fq = fold(q);
    let people = list(conn, None, true)?;
    let exact: Vec<&Person> = people.iter().filter(|p| fold(&p.full_name) == fq).collect();
    let found = if exact.is_empty() {
        people
            .iter()
            .filter(|p| matches_words(&p.full_name, q))
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [] => Err(Error::not_found(Entity::Person, q)),
        [one] => Ok((*one).clone()),
        many => Err(Error::invalid(
            field,
            Rule::Ambiguous {
                query: q.to_string(),
                candidates: many.iter().map(|p| p.full_name.clone()).collect(),
            },
        )),
    }
}
