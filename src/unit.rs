//! Organisation units (đơn vị): the Sở, its phòng and trung tâm, districts, outside bodies.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Entity, Error, Field, Result, Rule};
use crate::record::{Meta, new_id};
use crate::store::Tx;
use crate::store::value::{enum_name, get_enum, get_opt_uuid, get_uuid, ts};
use crate::text::{abbreviations, fold, kind_and_initials, matches_words_once};

/// What kind of body a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Sở (the department itself).
    Department,
    /// Văn phòng (the department's office).
    Office,
    /// Phòng (a division).
    Division,
    /// Trung tâm (a centre).
    Center,
    /// Thanh tra (inspectorate).
    Inspectorate,
    /// Huyện / thành phố (a district or its office).
    District,
    /// A body outside the department.
    External,
    /// Anything else.
    Other,
}

/// An organisation unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unit {
    /// Record id.
    pub id: Uuid,
    /// Full name, e.g. "Phòng Thông tin - Báo chí - Xuất bản".
    pub name: String,
    /// Short name used in tables, e.g. "Phòng TTBCXB".
    pub short_name: Option<String>,
    /// Abbreviation, unique, e.g. "TTBC".
    pub code: Option<String>,
    /// Kind of body.
    pub kind: UnitKind,
    /// Parent unit.
    pub parent_id: Option<Uuid>,
    /// Whether the unit can receive new directives.
    pub active: bool,
    /// Position in lists and reports.
    pub sort_order: i32,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Input to [`create`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewUnit {
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: Option<String>,
    /// Abbreviation.
    pub code: Option<String>,
    /// Kind of body.
    pub kind: UnitKind,
    /// Parent unit.
    pub parent_id: Option<Uuid>,
    /// Position in lists.
    pub sort_order: i32,
}

const COLUMNS: &str = "id, name, short_name, code, kind, parent_id, active, sort_order, created_at, updated_at, origin";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: get_uuid(row, 0)?,
        name: row.get(1)?,
        short_name: row.get(2)?,
        code: row.get(3)?,
        kind: get_enum(row, 4)?,
        parent_id: get_opt_uuid(row, 5)?,
        active: row.get(6)?,
        sort_order: row.get(7)?,
        meta: Meta::from_row(row, 8)?,
    })
}

/// The longest name a unit may have (the longest real ones run some 80 characters).
pub const NAME_CHARS: u32 = 200;

/// The trimmed name (required) and code (unique among units other than `this`).
fn checked_name_and_code<'n>(
    tx: &Tx<'_>,
    new: &'n NewUnit,
    this: Option<Uuid>,
) -> Result<(&'n str, Option<&'n str>)> {
    let name = new.name.trim();
    if name.is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    if name.chars().count() > NAME_CHARS as usize {
        return Err(Error::invalid(Field::Name, Rule::TooManyChars(NAME_CHARS)));
    }
    let code = new.code.as_deref().map(str::trim).filter(|c| !c.is_empty());
    if let Some(code) = code {
        let taken: Option<Uuid> = tx
            .query_row(
                "SELECT id FROM unit WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2",
                params![code, this],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(Error::invalid(
                Field::Code,
                Rule::Duplicate(code.to_string()),
            ));
        }
    }
    Ok((name, code))
}

/// Adds a unit.
pub fn create(tx: &Tx<'_>, new: NewUnit) -> Result<Unit> {
    let (name, code) = checked_name_and_code(tx, &new, None)?;
    if let Some(parent) = new.parent_id {
        get(tx, parent)?;
    }
    let id = new_id();
    let now = ts(tx.now());
    tx.execute(
        "INSERT INTO unit (id, name, short_name, code, kind, parent_id, active, sort_order, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?8, ?9)",
        params![
            id,
            name,
            new.short_name,
            code,
            enum_name(&new.kind),
            new.parent_id,
            new.sort_order,
            now,
            tx.installation(),
        ],
    )?;
    let unit = get(tx, id)?;
    tx.audit(
        "unit",
        id,
        "create",
        serde_json::to_value(&unit).unwrap_or_default(),
    )?;
    Ok(unit)
}

/// Changes a unit's name, codes, kind, parent or position. Refuses a blank name, a code
/// used by another unit, and a parent that is the unit itself or one of its descendants.
pub fn update(tx: &Tx<'_>, id: Uuid, new: NewUnit) -> Result<Unit> {
    let old = get(tx, id)?;
    let (name, code) = checked_name_and_code(tx, &new, Some(id))?;
    let mut ancestor = new.parent_id;
    while let Some(a) = ancestor {
        if a == id {
            return Err(Error::invalid(Field::Parent, Rule::Cycle));
        }
        ancestor = get(tx, a)?.parent_id;
    }
    let short = new
        .short_name
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    tx.execute(
        "UPDATE unit SET name = ?2, short_name = ?3, code = ?4, kind = ?5, parent_id = ?6, sort_order = ?7,
         updated_at = ?8, origin = ?9 WHERE id = ?1",
        params![id, name, short, code, enum_name(&new.kind), new.parent_id, new.sort_order, ts(tx.now()), tx.installation()],
    )?;
    let unit = get(tx, id)?;
    tx.audit("unit", id, "update", crate::record::changes(&old, &unit))?;
    Ok(unit)
}

/// Marks a unit active or inactive (an inactive unit keeps its history but gets no new directives).
pub fn set_active(tx: &Tx<'_>, id: Uuid, active: bool) -> Result<()> {
    let old = get(tx, id)?;
    crate::record::set_active(tx, "unit", id, old.active, active)
}

/// One unit by id.
pub fn get(conn: &Connection, id: Uuid) -> Result<Unit> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM unit WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Unit, id))
}

/// Whether the unit is active (a lighter read than [`get`], for each directive made).
pub fn is_active(conn: &Connection, id: Uuid) -> Result<bool> {
    conn.prepare_cached("SELECT active FROM unit WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Unit, id))
}

/// All units in report order; inactive ones only when asked.
pub fn list(conn: &Connection, include_inactive: bool) -> Result<Vec<Unit>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM unit WHERE active = 1 OR ?1 ORDER BY sort_order, name"
    ))?;
    let rows = stmt.query_map([include_inactive], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Finds the one unit a user means: by id, code (`TTBC`), name or short name typed with or
/// without diacritics, part of the name (each word once), initials (`ttbc` → "Phòng Thông
/// tin - Báo chí - Xuất bản", `vp` → "Văn phòng Sở"), or its kind words and initials
/// ("Trung tâm CNTT"). Several equally good matches are an error listing them;
/// `field` is the input named in errors.
pub fn resolve(conn: &Connection, query: &str, field: Field) -> Result<Unit> {
    let q = query.trim();
    if q.is_empty() {
        return Err(Error::invalid(field, Rule::Required));
    }
    if let Ok(id) = Uuid::parse_str(q) {
        return get(conn, id);
    }
    let units = list(conn, true)?;
    let fq = fold(q);
    let tiers: [&dyn Fn(&Unit) -> bool; 5] = [
        &|u| u.code.as_deref().is_some_and(|c| fold(c) == fq),
        &|u| fold(&u.name) == fq || u.short_name.as_deref().is_some_and(|s| fold(s) == fq),
        &|u| {
            matches_words_once(&u.name, q)
                || u.short_name
                    .as_deref()
                    .is_some_and(|s| matches_words_once(s, q))
        },
        &|u| {
            !fq.contains(' ')
                && abbreviations(&u.name)
                    .split(' ')
                    .any(|a| a.starts_with(&fq))
        },
        &|u| kind_and_initials(&u.name, q),
    ];
    for matches in tiers {
        let found: Vec<&Unit> = units.iter().filter(|u| matches(u)).collect();
        match found.as_slice() {
            [] => continue,
            [one] => return Ok((*one).clone()),
            many => {
                // ("Báo" is not "Bảo Thắng": of several, those with the words as written,
                // marks and all, when any has them.)
                let marked = |s: &str| -> Vec<String> {
                    crate::text::composed(s.to_lowercase())
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect()
                };
                let said = marked(q);
                let as_written: Vec<&&Unit> = (many.iter())
                    .filter(|u| {
                        let name = marked(&u.name);
                        said.iter().all(|w| name.contains(w))
                    })
                    .collect();
                let candidates = match as_written.as_slice() {
                    // (One alone has them: that one, "Báo" the Báo Lào Cai.)
                    [one] => return Ok((**one).clone()),
                    [] => many.iter().map(|u| u.name.clone()).collect(),
                    _ => as_written.iter().map(|u| u.name.clone()).collect(),
                };
                return Err(Error::invalid(
                    field,
                    Rule::Ambiguous {
                        query: q.to_string(),
                        candidates,
                    },
                ));
            }
        }
    }
    Err(Error::not_found(Entity::Unit, q))
}
