//! Merging a bundle's records into this database, field group by field group.
//!
//! For each group the version vectors decide: the side that has seen everything the other
//! has wins; for concurrent edits the later clock wins (a completed directive stays
//! completed), and the losing text is kept as a conflict version. Deletions win over the
//! record and keep any text edited after them as a conflict version. Every decision depends
//! only on the data, so installations that exchange in any order end alike.

use std::collections::BTreeMap;

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{OptionalExtension, params_from_iter};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::bundle::{Clock, Record, Row, Val};
use super::clock::{self, Order, Vector};
use super::glance::Glance;
use super::schema::{Group, Merge, TABLES, Table, table};
use crate::error::{BundleProblem, Error, Result};
use crate::store::Tx;

/// What a merge did to one table's records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MergeCounts {
    /// Records this database did not have.
    pub new: u32,
    /// Records of which at least one field group was taken.
    pub updated: u32,
    /// Records that changed nothing here.
    pub unchanged: u32,
    /// Concurrent text edits kept as conflict versions.
    pub conflicts: u32,
    /// Records deleted here.
    pub deleted: u32,
}

fn malformed(what: &str) -> Error {
    Error::Bundle(BundleProblem::Malformed(what.into()))
}

pub(crate) fn to_sql(v: &Val) -> Result<Value> {
    Ok(match v {
        Val::Null => Value::Null,
        Val::Int(i) => Value::Integer(*i),
        Val::Real(r) => Value::Real(*r),
        Val::Text(s) => Value::Text(s.to_string()),
        Val::Blob(b) => Value::Blob(b.to_vec()),
    })
}

/// `v` bound as a statement parameter, text borrowed rather than copied.
fn bind(v: &Val) -> Result<ToSqlOutput<'_>> {
    Ok(match v {
        Val::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        Val::Blob(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        other => ToSqlOutput::Owned(to_sql(other)?),
    })
}

pub(crate) fn from_sql(v: ValueRef<'_>) -> Val {
    match v {
        ValueRef::Null => Val::Null,
        ValueRef::Integer(i) => Val::Int(i),
        ValueRef::Real(r) => Val::Real(r),
        ValueRef::Text(t) => Val::Text(compact_str::CompactString::from_utf8_lossy(t)),
        ValueRef::Blob(b) => Val::Blob(b.into()),
    }
}

/// The WHERE clause that finds one record by its key.
pub(crate) fn key_where(t: &Table) -> String {
    t.key
        .iter()
        .map(|c| format!("{c} = ?"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A record id split into its key columns' blobs.
pub(crate) fn key_parts(t: &Table, k: &[u8]) -> Result<Vec<Value>> {
    if k.len() != 16 * t.key.len() {
        return Err(malformed("id"));
    }
    Ok(k.chunks(16).map(|c| Value::Blob(c.to_vec())).collect())
}

/// A bundle record's values by column name; `None` when they do not fit the table.
fn named(t: &Table, values: &[Val]) -> Option<Row> {
    let cols = columns(t);
    (cols.len() == values.len()).then(|| cols.iter().copied().zip(values.iter().cloned()).collect())
}

/// [`Table::columns`] of every exchanged table, made once.
static COLUMNS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
    std::sync::LazyLock::new(|| TABLES.iter().map(Table::columns).collect());

/// The columns of `t` (of [`TABLES`]), in the order a bundle carries its values.
fn columns(t: &Table) -> &'static [&'static str] {
    &COLUMNS[table_index(t)]
}

/// Where column `col` is among the columns of `t`.
fn column_at(t: &Table, col: &str) -> usize {
    columns(t)
        .iter()
        .position(|c| *c == col)
        .expect("a column of the table")
}

struct Local {
    row: Option<Row>,
    units: Vec<String>,
    clocks: BTreeMap<String, Clock>,
    tombstone: Option<String>,
}

/// Per exchanged table, the statement [`held`] asks: the row's stamps and its clocks.
static HELD_SQL: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TABLES
        .iter()
        .map(|t| {
            format!(
                "SELECT updated_at, origin, (SELECT group_concat(grp || '=' || hlc || vv, ';') FROM
                    (SELECT grp, hlc, vv FROM field_clock WHERE entity = '{}' AND record_id = {} AND grp <> '*' ORDER BY grp))
                 FROM {} WHERE {}",
                t.name,
                t.key_sql(),
                t.name,
                key_where(t)
            )
        })
        .collect()
});

/// Where `t` stands in [`TABLES`] (and in the statements made per table).
fn table_index(t: &Table) -> usize {
    TABLES
        .iter()
        .position(|x| x.name == t.name)
        .expect("an exchanged table")
}

/// Per exchanged table, the statement that inserts a record with its arrival stamp.
static INSERT_SQL: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TABLES
        .iter()
        .map(|t| {
            let cols = t.columns();
            format!(
                "INSERT INTO {} ({}, arrived, made_by) VALUES ({}?, ?)",
                t.name,
                cols.join(", "),
                "?, ".repeat(cols.len())
            )
        })
        .collect()
});

/// What this database holds of a bundle's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Held {
    /// The record with the same clocks and stamps (so the same values: a clock names one
    /// write), or the same deletion: merging it would change nothing.
    Same,
    /// No such record (it may have been deleted here).
    Absent,
    /// Something else: the merge decides.
    Other,
}

/// A record's stamps as read with its whole table: the update time (fixed-width text), the
/// writing installation, and its groups' clocks as text (`grp=hlc[vector];…`, by group, when
/// it has any); `None` when a row does not have that form (the merge then decides).
pub(crate) type Stamps = Option<([u8; 24], u128, Option<Box<str>>)>;

/// The [`Stamps`] of every record of a table keyed by one id, by that id.
pub(crate) type TableStamps = rustc_hash::FxHashMap<u128, Stamps>;

/// A 16-byte id as a number.
fn id_number(bytes: &[u8]) -> Option<u128> {
    Some(u128::from_be_bytes(bytes.try_into().ok()?))
}

/// The stamps of every record of `t` (a table keyed by one id): read once when a bundle
/// carries most of the table, instead of one lookup per record.
pub(crate) fn stamps_of_table(conn: &rusqlite::Connection, t: &Table) -> Result<TableStamps> {
    let mut out = TableStamps::default();
    let mut rows = conn.prepare(&format!("SELECT id, updated_at, origin FROM {}", t.name))?;
    let mut rows = rows.query([])?;
    while let Some(r) = rows.next()? {
        let Some(id) = r.get_ref(0)?.as_blob().ok().and_then(id_number) else {
            continue;
        };
        let updated = r
            .get_ref(1)?
            .as_str()
            .ok()
            .and_then(|u| u.as_bytes().try_into().ok());
        let origin = r.get_ref(2)?.as_blob().ok().and_then(id_number);
        out.insert(id, updated.zip(origin).map(|(u, o)| (u, o, None)));
    }
    let mut clocks = conn.prepare(
        "SELECT record_id, group_concat(grp || '=' || hlc || vv, ';' ORDER BY grp) FROM field_clock
         WHERE entity = ?1 AND grp <> '*' GROUP BY record_id",
    )?;
    let mut clocks = clocks.query([t.name])?;
    while let Some(r) = clocks.next()? {
        let id = r.get_ref(0)?.as_blob().ok().and_then(id_number);
        if let Some(Some(s)) = id.and_then(|id| out.get_mut(&id)) {
            s.2 = Some(r.get::<_, String>(1)?.into_boxed_str());
        }
    }
    Ok(out)
}

/// What this database holds of `rec`: from `scanned` (the stamps of its whole table) when
/// given, else in one indexed lookup, so a bundle already merged is read through quickly and
/// new records go straight to the merge.
pub(crate) fn held(
    conn: &rusqlite::Connection,
    rec: &Glance<'_>,
    scanned: Option<&TableStamps>,
) -> Result<Held> {
    let Some(t) = table(rec.t) else {
        return Ok(Held::Other);
    };
    let Ok(k) = hex::decode(rec.k) else {
        return Ok(Held::Other);
    };
    if let Some(del) = rec.del {
        let same = tombstone_of(conn, t.name, &k)?.as_deref() == Some(del);
        return Ok(if same { Held::Same } else { Held::Other });
    }
    let Ok(parts) = key_parts(t, &k) else {
        return Ok(Held::Other);
    };
    let Some((their_updated, their_origin)) = rec.stamps else {
        return Ok(Held::Other);
    };
    let same_clocks = |c: Option<&str>| c.unwrap_or("") == rec.clocks;
    let same = if let Some(stamps) = scanned {
        let Some(local) = id_number(&k).and_then(|id| stamps.get(&id)) else {
            return Ok(Held::Absent);
        };
        local.as_ref().is_some_and(|(updated, origin, clocks)| {
            updated == their_updated.as_bytes()
                && *origin == their_origin
                && same_clocks(clocks.as_deref())
        })
    } else {
        let sql = &HELD_SQL[table_index(t)];
        let local = conn
            .prepare_cached(sql)?
            .query_row(params_from_iter(parts), |r| {
                Ok(r.get_ref(0)?.as_str().ok() == Some(their_updated)
                    && r.get_ref(1)?.as_blob().ok().and_then(id_number) == Some(their_origin)
                    && same_clocks(r.get_ref(2)?.as_str_or_null()?))
            })
            .optional()?;
        let Some(same) = local else {
            return Ok(Held::Absent);
        };
        same
    };
    Ok(if same { Held::Same } else { Held::Other })
}

/// What a merge keeps between records: this installation's clock for `seen`, and which
/// kinds of record have deletions here (most have none: no lookup needed).
pub(crate) struct Ctx {
    tick: std::rc::Rc<str>,
    deleted_kinds: std::collections::HashSet<String>,
    /// What the sender may change.
    permit: super::role::Permit,
    /// The changes made to records held here.
    pub(crate) changes: super::change::Changes,
}

impl Ctx {
    /// A merge at local clock `tick` of what `permit` lets the sender change; every record
    /// it changes is written to the audit when `audit`.
    pub(crate) fn new(
        conn: &rusqlite::Connection,
        tick: String,
        permit: super::role::Permit,
        audit: bool,
    ) -> Result<Ctx> {
        let mut stmt = conn.prepare("SELECT DISTINCT entity FROM tombstone")?;
        let kinds = stmt.query_map([], |r| r.get(0))?;
        Ok(Ctx {
            tick: tick.into(),
            deleted_kinds: kinds.collect::<rusqlite::Result<_>>()?,
            changes: super::change::Changes::new(permit.sender().1, permit.sender().0, audit),
            permit,
        })
    }

    /// Whether records of `entity` were ever deleted here.
    fn has_deletions(&self, entity: &str) -> bool {
        self.deleted_kinds.contains(entity)
    }

    fn tombstone(
        &self,
        conn: &rusqlite::Connection,
        entity: &str,
        k: &[u8],
    ) -> Result<Option<String>> {
        if self.has_deletions(entity) {
            tombstone_of(conn, entity, k)
        } else {
            Ok(None)
        }
    }
}

/// A record's table and id (its key blobs joined), checked with its clocks.
fn identified(rec: &Record) -> Result<(&'static Table, Vec<u8>)> {
    let t = table(&rec.t).ok_or_else(|| malformed("table"))?;
    let k = hex::decode(&rec.k).map_err(|_| malformed("id"))?;
    key_parts(t, &k)?;
    if let Some(g) = rec.clocks.keys().find(|g| t.group(g).is_none()) {
        return Err(malformed(g));
    }
    super::check::clocks(rec.clocks.values())?;
    Ok((t, k))
}

/// A record's values (one per column of `t`, its key `k` first) and, for a directive, its
/// coordinating units, sorted.
fn values_of<'r>(t: &Table, rec: &'r Record, k: &[u8]) -> Result<(&'r [Val], Vec<String>)> {
    let values = rec
        .row
        .as_deref()
        .filter(|v| v.len() == columns(t).len())
        .ok_or_else(|| malformed(t.name))?;
    // The key columns come first: their bytes joined are the record's id.
    let mut rest = k;
    for v in &values[..t.key.len()] {
        match v {
            Val::Blob(b) if rest.starts_with(b) => rest = &rest[b.len()..],
            _ => return Err(malformed("id")),
        }
    }
    if !rest.is_empty() {
        return Err(malformed("id"));
    }
    super::check::row(t, k, values)?;
    let units = if t.name == "directive" {
        let mut u = rec.units.clone().unwrap_or_default();
        if u.len() > 1_000 || !u.iter().all(|id| id.len() == 32 && hex::decode(id).is_ok()) {
            return Err(malformed("unit"));
        }
        u.sort();
        u
    } else {
        Vec::new()
    };
    Ok((values, units))
}

/// Records one statement inserts at once in [`insert_new`].
const ROWS_AT_ONCE: usize = 32;

/// Per exchanged table, the statement that inserts [`ROWS_AT_ONCE`] records with their
/// arrival stamp.
static INSERT_MANY_SQL: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    TABLES
        .iter()
        .map(|t| {
            let row = format!("({}?, ?)", "?, ".repeat(t.columns().len()));
            format!(
                "INSERT INTO {} ({}, arrived, made_by) VALUES {}",
                t.name,
                t.columns().join(", "),
                vec![row; ROWS_AT_ONCE].join(", ")
            )
        })
        .collect()
});

/// The statement that adds one coordinating unit to a directive.
const UNIT_SQL: &str = "INSERT INTO directive_unit (directive_id, unit_id) VALUES (?1, ?2)";

/// The statement that adds [`ROWS_AT_ONCE`] coordinating units.
static UNITS_MANY_SQL: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "INSERT INTO directive_unit (directive_id, unit_id) VALUES {}",
        vec!["(?, ?)"; ROWS_AT_ONCE].join(", ")
    )
});

/// Whether [`insert_new`] may take records of `t`: this database has no deletions (none
/// of its records, nor any they refer to, can be deleted here) and `t` is not the conflict
/// versions (a bundle may make one that an earlier record of it made).
pub(crate) fn insertable_new(cx: &Ctx, t: &str) -> bool {
    cx.deleted_kinds.is_empty() && t != "conflict" && cx.permit.is_office()
}

/// Merges `recs`, records of one table that this database does not hold and that are not
/// deletions, as [`apply`] does (see [`insertable_new`]), [`ROWS_AT_ONCE`] by one statement.
pub(crate) fn insert_new(
    tx: &Tx<'_>,
    recs: &[Record],
    cx: &Ctx,
    counts: &mut MergeCounts,
) -> Result<()> {
    let Some(first) = recs.first() else {
        return Ok(());
    };
    let tick = &*cx.tick;
    let mut arriving = Vec::with_capacity(recs.len());
    for rec in recs {
        let (t, k) = identified(rec)?;
        if t.name != first.t || rec.del.is_some() || !insertable_new(cx, t.name) {
            return Err(malformed(t.name));
        }
        let (values, units) = values_of(t, rec, &k)?;
        arriving.push((t, k, values, units));
    }
    let t = arriving[0].0;
    let width = columns(t).len() + 2;
    let mut new_units: Vec<(&[u8], Vec<u8>)> = Vec::new();
    for chunk in arriving.chunks(ROWS_AT_ONCE) {
        if chunk.len() < ROWS_AT_ONCE {
            for (_, _, values, units) in chunk {
                insert(tx, t, values, units, tick, None)?;
            }
            continue;
        }
        let mut stmt = tx.prepare_cached(&INSERT_MANY_SQL[table_index(t)])?;
        for (i, (_, _, values, _)) in chunk.iter().enumerate() {
            for (j, v) in values.iter().enumerate() {
                stmt.raw_bind_parameter(i * width + j + 1, bind(v)?)?;
            }
            stmt.raw_bind_parameter(i * width + width - 1, tick)?;
            // From another machine of this office: this office's.
            stmt.raw_bind_parameter(i * width + width, rusqlite::types::Null)?;
        }
        stmt.raw_execute()?;
        if t.name == "directive" {
            for (_, k, _, units) in chunk {
                for u in units {
                    let u = hex::decode(u).map_err(|_| malformed("unit"))?;
                    new_units.push((k.as_slice(), u));
                }
            }
        }
    }
    // Coordinating units once their directives are in (a trigger compares them with the
    // lead unit), as many at once too.
    let mut pairs = new_units.chunks_exact(ROWS_AT_ONCE);
    for chunk in pairs.by_ref() {
        let mut stmt = tx.prepare_cached(&UNITS_MANY_SQL)?;
        for (i, (directive, unit)) in chunk.iter().enumerate() {
            stmt.raw_bind_parameter(2 * i + 1, directive)?;
            stmt.raw_bind_parameter(2 * i + 2, unit)?;
        }
        stmt.raw_execute()?;
    }
    for (directive, unit) in pairs.remainder() {
        tx.prepare_cached(UNIT_SQL)?.execute((directive, unit))?;
    }
    for ((t, k, _, _), rec) in arriving.iter().zip(recs) {
        for (g, c) in &rec.clocks {
            write_clock(tx, t, k, g, &c.h, &c.v, tick)?;
        }
    }
    counts.new += recs.len() as u32;
    Ok(())
}

/// Merges one record.
pub(crate) fn apply(
    tx: &Tx<'_>,
    rec: &Record,
    held: Held,
    cx: &mut Ctx,
    counts: &mut MergeCounts,
) -> Result<()> {
    let tick = std::rc::Rc::clone(&cx.tick);
    let tick = &*tick;
    let (t, k) = identified(rec)?;
    cx.permit.clocks(t, &k, rec.clocks.values())?;
    // Another role's clocks speak only of its own writes (see `Permit::own_clocks`).
    let clocks = cx.permit.own_clocks(&rec.clocks);
    let clocks = &*clocks;
    // Conflict versions may have been made by this very merge (from a record earlier in the
    // bundle): those are looked up again.
    let local = if held == Held::Absent && t.name != "conflict" {
        Local {
            row: None,
            units: Vec::new(),
            clocks: BTreeMap::new(),
            tombstone: cx.tombstone(tx, t.name, &k)?,
        }
    } else {
        load(tx, t, &k)?
    };
    if let Some(del) = &rec.del {
        if !clock::acceptable(del) {
            return Err(Error::Bundle(BundleProblem::FutureClock));
        }
        return delete(tx, t, &k, del, local, cx, counts);
    }
    let (values, units) = values_of(t, rec, &k)?;
    // What the sender's role makes of its values (a unit's "done" is its report).
    let converted = (!cx.permit.is_office()).then(|| {
        let mut row = named(t, values).expect("as many values as columns");
        cx.permit.as_reported(t, &mut row);
        t.columns()
            .iter()
            .map(|c| row[c].clone())
            .collect::<Vec<Val>>()
    });
    let values = converted.as_deref().unwrap_or(values);
    // A unit whose code another unit holds here arrives without it (or keeps the code it
    // had here), the code kept aside as a conflict: two offices that each made a "VP"
    // still exchange.
    let unclashed = code_clash(tx, t, &k, values, local.row.as_ref())?;
    if unclashed.is_some() {
        let row = named(t, values).expect("as many values as columns");
        let code = t.group("code").expect("a unit has a code");
        let h = clocks.get("code").map_or(tick, |c| c.h.as_str());
        counts.conflicts += keep_conflict(tx, t, &k, code, &row, h, tick)?;
    }
    let values = unclashed.as_deref().unwrap_or(values);
    let as_row = || named(t, values).expect("as many values as columns");
    if let Some(stone) = &local.tombstone {
        // Deleted here: it stays deleted; text edited after the deletion is kept (from
        // another machine of this office: another role's text is not this office's to keep).
        for g in t
            .groups
            .iter()
            .filter(|g| g.merge == Merge::Text && cx.permit.is_office())
        {
            if let Some(c) = clocks.get(g.name).filter(|c| c.h > *stone) {
                counts.conflicts += keep_conflict(tx, t, &k, g, &as_row(), &c.h, tick)?;
            }
        }
        counts.unchanged += 1;
        return Ok(());
    }
    let Some(mine) = &local.row else {
        if cx.permit.request(tx, t, &k, &as_row())? {
            // A unit's extension: a request for the leader, not an extension.
            counts.new += u32::from(tx.changes() > 0);
            counts.unchanged += u32::from(tx.changes() == 0);
            return Ok(());
        }
        cx.permit.insert(tx, t, &k, &as_row())?;
        // A reference to a record deleted here: an optional one is cleared, and a record
        // that cannot be without its parent goes with it (its text kept as a conflict).
        // The values are bound as they are, by position, unless one is cleared.
        let mut values = std::borrow::Cow::Borrowed(values);
        for r in t.refs.iter().filter(|r| cx.has_deletions(r.to)) {
            let at = column_at(t, r.col);
            let Val::Blob(target) = &values[at] else {
                continue;
            };
            let Some(stone) = cx.tombstone(tx, r.to, target)? else {
                continue;
            };
            if !r.required {
                values.to_mut()[at] = Val::Null;
                continue;
            }
            let row = named(t, &values).expect("as many values as columns");
            for g in t.groups.iter().filter(|g| g.merge == Merge::Text) {
                let h = rec
                    .clocks
                    .get(g.name)
                    .map_or(stone.as_str(), |c| c.h.as_str());
                counts.conflicts += keep_conflict(tx, t, &k, g, &row, h, tick)?;
            }
            return delete(tx, t, &k, &stone, load(tx, t, &k)?, cx, counts);
        }
        insert(tx, t, &values, &units, tick, cx.permit.maker_of_new())?;
        cx.changes.created(tx, t, &k)?;
        for (g, c) in clocks {
            write_clock(tx, t, &k, g, &c.h, &c.v, tick)?;
        }
        counts.new += 1;
        return Ok(());
    };
    let row = &as_row();
    let mut taken: Vec<&Group> = Vec::new();
    for g in t.groups {
        let theirs = clocks.get(g.name);
        let ours = local.clocks.get(g.name);
        let (take, clock) = match (ours, theirs) {
            (_, None) => (false, None),
            (None, Some(c)) => (true, Some(c.clone())),
            (Some(o), Some(c)) => {
                let joined = clock::join(&o.v, &c.v);
                let take = match clock::compare(&c.v, &o.v) {
                    Order::Same => false,
                    Order::After => true,
                    Order::Before => false,
                    Order::Concurrent => {
                        let done =
                            |r: &Row| matches!(r.get("status"), Some(Val::Text(s)) if s == "done");
                        let take = if g.merge == Merge::Status && done(row) != done(mine) {
                            done(row)
                        } else {
                            c.h > o.h
                        };
                        if g.merge == Merge::Text && !same(g, row, mine) {
                            let (loser, h) = if take { (mine, &o.h) } else { (row, &c.h) };
                            counts.conflicts += keep_conflict(tx, t, &k, g, loser, h, tick)?;
                        }
                        take
                    }
                };
                let h = if take { &c.h } else { &o.h };
                let changed = joined != o.v || take;
                (
                    take,
                    changed.then(|| Clock {
                        h: h.clone(),
                        v: joined,
                    }),
                )
            }
        };
        let take = take
            && !(same(g, row, mine) && (g.name != "units" || units == local.units))
            && cx.permit.take(tx, t, &k, g, mine, row)?;
        if take {
            taken.push(g);
        }
        // Another role's clocks count only with a value they bring (checked above).
        let took = taken.last().is_some_and(|x| std::ptr::eq(*x, g));
        if let Some(c) = clock.filter(|_| cx.permit.is_office() || took) {
            write_clock(tx, t, &k, g.name, &c.h, &c.v, tick)?;
        }
    }
    // The row's stamps follow its latest write, whichever side's values won; another
    // role's stamps, only with a value taken.
    let newer = stamps(row) > stamps(mine) && (cx.permit.is_office() || !taken.is_empty());
    if taken.is_empty() && !newer {
        counts.unchanged += 1;
        return Ok(());
    }
    if !taken.is_empty() {
        cx.changes
            .updated(tx, t, &k, &taken, mine, row, (&local.units, &units))?;
    }
    // Stamped as arrived: passed on in the next files of changes.
    update(tx, t, &k, &taken, newer, row, &units, tick)?;
    // The update's triggers stamped the taken groups with a local clock: put back theirs.
    for g in &taken {
        let c = &clocks[g.name];
        let v = match local.clocks.get(g.name) {
            Some(o) => clock::join(&o.v, &c.v),
            None => c.v.clone(),
        };
        write_clock(tx, t, &k, g.name, &c.h, &v, tick)?;
    }
    if taken.is_empty() {
        counts.unchanged += 1;
    } else {
        counts.updated += 1;
    }
    Ok(())
}

/// For a unit whose code another unit holds here: its values with the code it has here
/// (`mine`) or none.
fn code_clash(
    tx: &Tx<'_>,
    t: &Table,
    k: &[u8],
    values: &[Val],
    mine: Option<&Row>,
) -> Result<Option<Vec<Val>>> {
    if t.name != "unit" {
        return Ok(None);
    }
    let at = column_at(t, "code");
    let Val::Text(code) = &values[at] else {
        return Ok(None);
    };
    let taken: bool = tx
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM unit WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2)",
        )?
        .query_row(rusqlite::params![code.as_str(), k], |r| r.get(0))?;
    if !taken {
        return Ok(None);
    }
    let mut v = values.to_vec();
    v[at] = mine
        .and_then(|m| m.get("code"))
        .cloned()
        .unwrap_or(Val::Null);
    Ok(Some(v))
}

fn same(g: &Group, a: &Row, b: &Row) -> bool {
    g.cols.iter().all(|c| a.get(*c) == b.get(*c))
}

fn load(tx: &Tx<'_>, t: &Table, k: &[u8]) -> Result<Local> {
    let cols = t.columns();
    let sql = format!(
        "SELECT {} FROM {} WHERE {}",
        cols.join(", "),
        t.name,
        key_where(t)
    );
    let row = tx
        .prepare_cached(&sql)?
        .query_row(params_from_iter(key_parts(t, k)?), |r| {
            Ok(cols
                .iter()
                .enumerate()
                .map(|(i, c)| Ok((*c, from_sql(r.get_ref(i)?))))
                .collect::<rusqlite::Result<Row>>())
        })
        .optional()?
        .transpose()?;
    let units = if t.name == "directive" && row.is_some() {
        coordinating(tx, k)?
    } else {
        Vec::new()
    };
    let mut clocks = BTreeMap::new();
    let mut stmt = tx.prepare_cached(
        "SELECT grp, hlc, vv FROM field_clock WHERE entity = ?1 AND record_id = ?2 AND grp <> '*'",
    )?;
    let rows = stmt.query_map(rusqlite::params![t.name, k], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (g, h, v) = row?;
        let v: Vector = serde_json::from_str(&v).unwrap_or_default();
        clocks.insert(g, Clock { h, v });
    }
    let tombstone = tombstone_of(tx, t.name, k)?;
    Ok(Local {
        row,
        units,
        clocks,
        tombstone,
    })
}

fn tombstone_of(tx: &rusqlite::Connection, entity: &str, k: &[u8]) -> Result<Option<String>> {
    Ok(tx
        .prepare_cached("SELECT hlc FROM tombstone WHERE entity = ?1 AND record_id = ?2")?
        .query_row(rusqlite::params![entity, k], |r| r.get(0))
        .optional()?)
}

/// A directive's coordinating units, hex, sorted.
pub(crate) fn coordinating(tx: &rusqlite::Connection, directive: &[u8]) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(
        "SELECT unit_id FROM directive_unit WHERE directive_id = ?1 ORDER BY unit_id",
    )?;
    let ids = stmt.query_map([directive], |r| r.get::<_, Vec<u8>>(0))?;
    Ok(ids
        .map(|r| r.map(hex::encode))
        .collect::<rusqlite::Result<_>>()?)
}

fn write_clock(
    tx: &Tx<'_>,
    t: &Table,
    k: &[u8],
    grp: &str,
    h: &str,
    v: &Vector,
    tick: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (entity, record_id, grp) DO UPDATE SET hlc = excluded.hlc, vv = excluded.vv, seen = excluded.seen",
    )?
    .execute(rusqlite::params![
        t.name,
        k,
        grp,
        h,
        serde_json::to_string(v).expect("a vector serialises"),
        tick
    ])?;
    Ok(())
}

/// Inserts a record from its values in the order of [`Table::columns`].
fn insert(
    tx: &Tx<'_>,
    t: &Table,
    values: &[Val],
    units: &[String],
    tick: &str,
    made_by: Option<uuid::Uuid>,
) -> Result<()> {
    let mut bound = values.iter().map(bind).collect::<Result<Vec<_>>>()?;
    bound.push(ToSqlOutput::Borrowed(ValueRef::Text(tick.as_bytes())));
    bound.push(match made_by {
        Some(u) => ToSqlOutput::from(u),
        None => ToSqlOutput::Owned(Value::Null),
    });
    tx.prepare_cached(&INSERT_SQL[table_index(t)])?
        .execute(params_from_iter(bound))?;
    if t.name == "directive" {
        add_units(tx, &values[column_at(t, "id")], units)?;
    }
    Ok(())
}

/// Adds a directive's coordinating units (a new one, or one whose units were just removed).
fn add_units(tx: &Tx<'_>, id: &Val, units: &[String]) -> Result<()> {
    let id = bind(id)?;
    let mut stmt = tx.prepare_cached(UNIT_SQL)?;
    for u in units {
        let u = hex::decode(u).map_err(|_| malformed("unit"))?;
        stmt.execute(rusqlite::params![id, u])?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn update(
    tx: &Tx<'_>,
    t: &Table,
    k: &[u8],
    taken: &[&Group],
    newer: bool,
    row: &Row,
    units: &[String],
    tick: &str,
) -> Result<()> {
    let mut cols: Vec<&str> = taken.iter().flat_map(|g| g.cols.iter().copied()).collect();
    if newer {
        cols.extend(["updated_at", "origin"]);
    }
    let sets: String = cols.iter().map(|c| format!("{c} = ?, ")).collect();
    let sql = format!(
        "UPDATE {} SET {sets}arrived = ? WHERE {}",
        t.name,
        key_where(t)
    );
    let mut values = cols
        .iter()
        .map(|c| to_sql(&row[*c]))
        .collect::<Result<Vec<_>>>()?;
    values.push(Value::Text(tick.to_owned()));
    values.extend(key_parts(t, k)?);
    if t.name == "directive" && taken.iter().any(|g| g.name == "units") {
        // Coordinating units go first, so the lead unit is never also one of them.
        tx.prepare_cached("DELETE FROM directive_unit WHERE directive_id = ?1")?
            .execute([k])?;
        tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
        return add_units(tx, &row["id"], units);
    }
    tx.prepare_cached(&sql)?.execute(params_from_iter(values))?;
    Ok(())
}

/// A row's stamps in the order that decides which write is the latest: the time, then the
/// writing installation (a blob id), so two writes in the same millisecond still order alike
/// everywhere.
fn stamps(row: &Row) -> (&str, &[u8]) {
    let origin: &[u8] = match row.get("origin") {
        Some(Val::Blob(b)) => b,
        Some(Val::Text(s)) => s.as_bytes(),
        _ => &[],
    };
    (text_of(row, "updated_at"), origin)
}

fn text_of<'a>(row: &'a Row, col: &str) -> &'a str {
    match row.get(col) {
        Some(Val::Text(s)) => s,
        _ => "",
    }
}

fn delete(
    tx: &Tx<'_>,
    t: &Table,
    k: &[u8],
    del: &str,
    local: Local,
    cx: &mut Ctx,
    counts: &mut MergeCounts,
) -> Result<()> {
    cx.permit.delete(tx, t, k, local.row.is_some())?;
    if local.row.is_none() && !cx.permit.is_office() {
        // Another role's deletion of what is not here is kept nowhere: it would otherwise
        // keep the record out when another machine of this office brings it.
        counts.unchanged += 1;
        return Ok(());
    }
    cx.deleted_kinds.insert(t.name.to_string());
    let tick = std::rc::Rc::clone(&cx.tick);
    let tick = &*tick;
    let newer = local.tombstone.as_deref().is_none_or(|h| del > h);
    if newer {
        tx.prepare_cached(
            "INSERT INTO tombstone (entity, record_id, hlc, seen) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (entity, record_id) DO UPDATE SET hlc = excluded.hlc, seen = excluded.seen",
        )?
        .execute(rusqlite::params![t.name, k, del, tick])?;
    }
    let Some(row) = local.row else {
        counts.unchanged += 1;
        return Ok(());
    };
    cx.changes.deleted(tx, t, k, &row)?;
    for g in t.groups.iter().filter(|g| g.merge == Merge::Text) {
        if let Some(c) = local.clocks.get(g.name).filter(|c| c.h.as_str() > del) {
            counts.conflicts += keep_conflict(tx, t, k, g, &row, &c.h, tick)?;
        }
    }
    // Records that may be without this one let go of it; the others go with it.
    for other in super::schema::TABLES {
        for r in other.refs.iter().filter(|r| r.to == t.name && !r.required) {
            tx.prepare_cached(&format!(
                "UPDATE {} SET {} = NULL WHERE {} = ?1",
                other.name, r.col, r.col
            ))?
            .execute([k])?;
        }
    }
    tx.prepare_cached(&format!("DELETE FROM {} WHERE {}", t.name, key_where(t)))?
        .execute(params_from_iter(key_parts(t, k)?))?;
    counts.deleted += 1;
    Ok(())
}

/// Keeps `row`'s text of group `g` (written at clock `h`) as a conflict version; its id is
/// derived from the record, group and clock, so it is made once wherever it is met.
fn keep_conflict(
    tx: &Tx<'_>,
    t: &Table,
    k: &[u8],
    g: &Group,
    row: &Row,
    h: &str,
    tick: &str,
) -> Result<u32> {
    let mut hash = Sha256::new();
    for part in [t.name.as_bytes(), k, g.name.as_bytes(), h.as_bytes()] {
        hash.update((part.len() as u32).to_be_bytes());
        hash.update(part);
    }
    let id = &hash.finalize()[..16];
    let value: BTreeMap<&str, &Val> = g.cols.iter().map(|c| (*c, &row[*c])).collect();
    let origin = h.get(16..).unwrap_or_default();
    // Stamped with the time of the losing write's clock, not of any row: every
    // installation that meets the conflict, in whatever order, stamps it alike.
    let ms = h
        .get(..12)
        .and_then(|d| i64::from_str_radix(d, 16).ok())
        .unwrap_or(0);
    let at =
        crate::store::value::ts(chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default());
    let at = at.as_str();
    let n = tx
        .prepare_cached(
            "INSERT INTO conflict (id, entity, record_id, grp, value, hlc, resolved, created_at, updated_at, origin, arrived)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING",
        )?
        .execute(rusqlite::params![
            id,
            t.name,
            k,
            g.name,
            serde_json::to_string(&value).expect("values serialise"),
            h,
            at,
            uuid::Uuid::parse_str(origin).map(|u| u.as_bytes().to_vec()).unwrap_or_default(),
            tick,
        ])?;
    Ok(n as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(at: &str, origin: &str) -> Row {
        [
            ("updated_at", Val::Text(at.into())),
            ("origin", Val::Blob(hex::decode(origin).unwrap().into())),
        ]
        .into_iter()
        .collect()
    }

    /// Two writes in the same millisecond: the installation id decides, the same way on
    /// both sides (it once compared the ids as empty text, and each side kept its own).
    #[test]
    fn stamps_order_writes_of_the_same_millisecond_by_installation() {
        let a = row(
            "2026-11-22T08:59:23.227Z",
            "01a2027b468670749977eba2284c9702",
        );
        let b = row(
            "2026-11-22T08:59:23.227Z",
            "01a2027b46967791bc2e6c1c83b8effd",
        );
        assert!(stamps(&b) > stamps(&a));
        assert!(stamps(&a) < stamps(&b));
        let later = row("2026-11-22T08:59:23.228Z", "00");
        assert!(stamps(&later) > stamps(&b));
    }
}
