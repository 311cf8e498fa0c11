//! What a trusted installation may change here: its role, set when it is trusted, and the
//! check every change of an incoming file passes before it is written.
//!
//! - **Office** (another machine of this office): everything.
//! - **Unit** (a phòng, trung tâm or district, bound to units of the directory): on the
//!   directives its units lead or coordinate, its own progress reports and their files,
//!   and the directive's state up to "chờ xác nhận" (a "done" arrives as awaiting the
//!   leader's confirmation), and new people of its own (named as reporters). Nothing else.
//! - **Superior** (a superior or other agency): new records (none added to a record of
//!   this office), and changes or deletions of records made on its side (by neither this
//!   office nor one of its units); a deletion that would clear or delete a reference from
//!   a record it did not make is refused.
//!
//! A record's maker is the `made_by` column (the origin it had when it first arrived;
//! NULL when made here). Only changes that take a value are stamped and clocked: a
//! sender of another role cannot move a record's stamps or clocks by sending them
//! alone. The first change out of role refuses the whole file: the merge's transaction
//! is rolled back and nothing is written.

use std::collections::HashSet;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::bundle::Val;
use super::schema::{Group, Table};
use crate::error::{BundleProblem, Error, OutOfRole, Result};

/// What a trusted installation is to this office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Another machine of this office: may change everything.
    Office,
    /// A unit reporting on the directives given to it.
    Unit,
    /// A superior or other agency: its own directives and meetings only.
    Superior,
}

impl Role {
    /// The stored word.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Office => "office",
            Role::Unit => "unit",
            Role::Superior => "superior",
        }
    }

    /// The role in words.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (Role::Office, crate::Lang::Vi) => "cùng cơ quan",
            (Role::Unit, crate::Lang::Vi) => "đơn vị",
            (Role::Superior, crate::Lang::Vi) => "cấp trên / cơ quan khác",
            (Role::Office, crate::Lang::En) => "same office",
            (Role::Unit, crate::Lang::En) => "unit",
            (Role::Superior, crate::Lang::En) => "superior or other agency",
        }
    }

    /// The role stored as `s`.
    pub fn parse(s: &str) -> Option<Role> {
        [Role::Office, Role::Unit, Role::Superior]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// A role with, for a unit, the units of the directory it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// The units (a unit role needs at least one; other roles none).
    pub units: Vec<Uuid>,
}

impl Grant {
    /// The whole office's trust.
    pub const fn office() -> Grant {
        Grant {
            role: Role::Office,
            units: Vec::new(),
        }
    }

    /// Refuses a unit role without units, and units given to another role.
    pub(crate) fn checked(&self, conn: &Connection) -> Result<()> {
        use crate::error::{Field, Rule};
        match self.role {
            Role::Unit if self.units.is_empty() => {
                Err(Error::invalid(Field::LeadUnit, Rule::Required))
            }
            Role::Unit => {
                for u in &self.units {
                    let held: bool = conn.query_row(
                        "SELECT EXISTS (SELECT 1 FROM unit WHERE id = ?1)",
                        [u],
                        |r| r.get(0),
                    )?;
                    if !held {
                        return Err(Error::not_found(crate::error::Entity::Unit, u));
                    }
                }
                Ok(())
            }
            _ if !self.units.is_empty() => Err(Error::invalid(Field::LeadUnit, Rule::OutOfRange)),
            _ => Ok(()),
        }
    }
}

/// Installations a clock of another role's record may name: its own few machines and the
/// ones it heard from, never the thousand a value check allows an office's machine.
const MAX_VECTOR: usize = 64;

/// A directive's states a unit may report.
const UNIT_STATES: &[&str] = &["in_progress", "awaiting_confirmation"];

/// The check of one import: the sender, its role, and this office's installations.
pub(crate) struct Permit {
    role: Role,
    sender: Uuid,
    sender_name: String,
    /// This installation and the peers trusted as the same office.
    office: HashSet<Uuid>,
    /// For a unit: the units it stands for.
    units: HashSet<Uuid>,
    /// The peers trusted as units of this office (their reports are theirs).
    unit_peers: HashSet<Uuid>,
    /// The later deadlines the file asks for: (directive id, new deadline) of its extensions.
    requested: HashSet<(Vec<u8>, String)>,
}

impl Permit {
    /// The permit of `sender`, trusted here with its stored grant, or with `grant` now.
    pub(crate) fn load(
        conn: &Connection,
        sender: Uuid,
        sender_name: &str,
        here: Uuid,
        grant: Option<&Grant>,
    ) -> Result<Permit> {
        let (role, units) = match grant {
            Some(g) => (g.role, g.units.iter().copied().collect()),
            None => {
                let role: Option<String> = conn
                    .query_row("SELECT role FROM peer WHERE id = ?1", [sender], |r| {
                        r.get(0)
                    })
                    .optional()?;
                let role = role.as_deref().and_then(Role::parse).unwrap_or(Role::Unit);
                let mut stmt = conn.prepare("SELECT unit_id FROM peer_unit WHERE peer_id = ?1")?;
                let units = stmt
                    .query_map([sender], |r| r.get::<_, Uuid>(0))?
                    .collect::<rusqlite::Result<HashSet<_>>>()?;
                (role, units)
            }
        };
        let mut stmt = conn.prepare("SELECT id FROM peer WHERE role = 'office' AND trusted = 1")?;
        let mut office = stmt
            .query_map([], |r| r.get::<_, Uuid>(0))?
            .collect::<rusqlite::Result<HashSet<_>>>()?;
        office.insert(here);
        let mut stmt = conn.prepare("SELECT id FROM peer WHERE role = 'unit' AND trusted = 1")?;
        let unit_peers = stmt
            .query_map([], |r| r.get::<_, Uuid>(0))?
            .collect::<rusqlite::Result<HashSet<_>>>()?;
        if role == Role::Office {
            office.insert(sender);
        } else {
            office.remove(&sender);
        }
        Ok(Permit {
            role,
            sender,
            sender_name: sender_name.to_string(),
            office,
            units,
            unit_peers,
            requested: HashSet::new(),
        })
    }

    /// The sender's id and display name.
    pub(crate) fn sender(&self) -> (Uuid, &str) {
        (self.sender, &self.sender_name)
    }

    /// The extensions a file carries (directive id, new deadline): a unit's deadline change
    /// that one of them asks for is a request.
    pub(crate) fn with_requests(mut self, requested: HashSet<(Vec<u8>, String)>) -> Permit {
        self.requested = requested;
        self
    }

    /// Who made a new record the sender brings, as kept in `made_by`: the sender itself, or
    /// for another machine of this office, this office (`None`: what it passes on from
    /// elsewhere cannot be told from what it made, so none of it is another side's).
    pub(crate) fn maker_of_new(&self) -> Option<Uuid> {
        (!self.is_office()).then_some(self.sender)
    }

    /// Whether the sender may change everything (no record needs a look).
    pub(crate) fn is_office(&self) -> bool {
        self.role == Role::Office
    }

    fn refuse(&self, t: &Table, k: &[u8], change: &str) -> Error {
        Error::Bundle(BundleProblem::OutOfRole(Box::new(OutOfRole {
            sender: self.sender_name.clone(),
            role: self.role.as_str().to_string(),
            role_words: [crate::Lang::Vi, crate::Lang::En].map(|l| self.role.label(l).to_string()),
            table: t.name.to_string(),
            table_words: [crate::Lang::Vi, crate::Lang::En]
                .map(|l| crate::labels::label("record_table", t.name, l).to_string()),
            id: hex::encode(k),
            change: change.to_string(),
            change_words: [crate::Lang::Vi, crate::Lang::En]
                .map(|l| crate::labels::label("change_field", change, l).to_string()),
        })))
    }

    /// Whether `v` (an installation id) is this office.
    fn of_office(&self, v: Option<&Val>) -> bool {
        match v {
            Some(Val::Blob(b)) => Uuid::from_slice(b).is_ok_and(|u| self.office.contains(&u)),
            _ => false,
        }
    }

    fn is_sender(&self, v: Option<&Val>) -> bool {
        matches!(v, Some(Val::Blob(b)) if **b == *self.sender.as_bytes())
    }

    /// Who made the record `k` of `t` here: `None` when made here (or before makers were
    /// kept), `Some(None)` when it is not held.
    fn maker(conn: &Connection, t: &Table, k: &[u8]) -> Result<Option<Option<Uuid>>> {
        Ok(conn
            .prepare_cached(&format!(
                "SELECT made_by FROM {} WHERE {} = ?1",
                t.name,
                t.key_sql()
            ))?
            .query_row([k], |r| r.get::<_, Option<Uuid>>(0))
            .optional()?
            .map_or(Some(None), |m| m.map(Some)))
    }

    /// Whether the record `k` of `t`, held here, is the sender's to change. A unit owns only
    /// the reports and files it made: what made a directive or a meeting never matters to
    /// it. A superior owns what was made on its side: neither by this office nor by one of
    /// this office's units (a superior's several machines make one side).
    fn owned(&self, conn: &Connection, t: &Table, k: &[u8]) -> Result<bool> {
        let Some(Some(m)) = Self::maker(conn, t, k)? else {
            return Ok(false);
        };
        Ok(match self.role {
            Role::Office => true,
            Role::Unit => matches!(t.name, "progress" | "attachment") && m == self.sender,
            Role::Superior => {
                m == self.sender || !(self.office.contains(&m) || self.unit_peers.contains(&m))
            }
        })
    }

    /// Whether no record of this office that the new record `row` of `t` links to is held
    /// here (its meeting, conclusion, directive, unit, parent, people, an attachment's
    /// owner; a directive's lead unit aside): a superior adds nothing to this office's
    /// records.
    fn outside_office(
        &self,
        conn: &Connection,
        t: &Table,
        row: &super::bundle::Row,
    ) -> Result<bool> {
        let mut parents: Vec<(&'static Table, Vec<u8>)> = Vec::new();
        // Every link but a directive's lead unit (a superior gives directives to this
        // office's units).
        for r in t.refs.iter().filter(|r| r.col != "lead_unit_id") {
            if let (Some(Val::Blob(b)), Some(to)) = (row.get(r.col), super::schema::table(r.to)) {
                parents.push((to, b.to_vec()));
            }
        }
        if t.name == "attachment"
            && let (Some(Val::Text(kind)), Some(Val::Blob(b))) =
                (row.get("owner_kind"), row.get("owner_id"))
            && let Some(to) = super::schema::table(kind)
        {
            parents.push((to, b.to_vec()));
        }
        for (to, k) in parents {
            match Self::maker(conn, to, &k)? {
                Some(None) => {}
                Some(Some(m)) if !self.office.contains(&m) => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Whether a record this office did not make by the sender refers to the record `k` of
    /// `t` (its deletion would clear or delete that reference).
    fn referred_by_others(&self, conn: &Connection, t: &Table, k: &[u8]) -> Result<bool> {
        for other in super::schema::TABLES {
            for r in other.refs.iter().filter(|r| r.to == t.name) {
                let sql = format!(
                    "SELECT EXISTS (SELECT 1 FROM {} WHERE {} = ?1 AND made_by IS NOT ?2)",
                    other.name, r.col
                );
                let held: bool = conn
                    .prepare_cached(&sql)?
                    .query_row(rusqlite::params![k, self.sender], |r| r.get(0))?;
                if held {
                    return Ok(true);
                }
            }
        }
        let files: bool = conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM attachment WHERE owner_kind = ?1 AND owner_id = ?2 AND made_by IS NOT ?3)",
            )?
            .query_row(rusqlite::params![t.name, k, self.sender], |r| r.get(0))?;
        Ok(files)
    }

    /// Whether the directive `d` is given to (led or coordinated by) one of the sender's units.
    fn given_to_sender(&self, conn: &Connection, d: &[u8]) -> Result<bool> {
        let mut stmt = conn.prepare_cached(
            "SELECT lead_unit_id FROM directive WHERE id = ?1
             UNION ALL SELECT unit_id FROM directive_unit WHERE directive_id = ?1",
        )?;
        let units = stmt.query_map([d], |r| r.get::<_, Uuid>(0))?;
        for u in units {
            if self.units.contains(&u?) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether a unit's progress report or file `row` hangs on what the unit may report on.
    fn unit_reports_on(
        &self,
        conn: &Connection,
        t: &Table,
        row: &super::bundle::Row,
    ) -> Result<bool> {
        let blob = |c: &str| match row.get(c) {
            Some(Val::Blob(b)) => Some(b.to_vec()),
            _ => None,
        };
        Ok(match t.name {
            "progress" => {
                let on_its_directive = match blob("directive_id") {
                    Some(d) => self.given_to_sender(conn, &d)?,
                    None => false,
                };
                // Its reporter is one of its own people: of its units, or made by it.
                let reporter_its_own = match blob("reporter_id") {
                    None => true,
                    Some(p) => {
                        let unit: Option<Option<Uuid>> = conn
                            .prepare_cached("SELECT unit_id FROM person WHERE id = ?1")?
                            .query_row([&p], |r| r.get(0))
                            .optional()?;
                        let person = super::schema::table("person").expect("person");
                        matches!(unit, Some(Some(u)) if self.units.contains(&u))
                            || matches!(Self::maker(conn, person, &p)?, Some(Some(m)) if m == self.sender)
                    }
                };
                on_its_directive && reporter_its_own
            }
            "attachment" => {
                let owner = blob("owner_id");
                match (row.get("owner_kind"), owner) {
                    (Some(Val::Text(kind)), Some(o)) if kind == "directive" => {
                        self.given_to_sender(conn, &o)?
                    }
                    (Some(Val::Text(kind)), Some(o)) if kind == "progress" => {
                        let progress = super::schema::table("progress").expect("progress");
                        let d: Option<Vec<u8>> = conn
                            .prepare_cached("SELECT directive_id FROM progress WHERE id = ?1")?
                            .query_row([&o], |r| r.get(0))
                            .optional()?;
                        self.owned(conn, progress, &o)?
                            && match d {
                                Some(d) => self.given_to_sender(conn, &d)?,
                                None => false,
                            }
                    }
                    _ => false,
                }
            }
            _ => false,
        })
    }

    /// A new record `row` of `t` may be added.
    pub(crate) fn insert(
        &self,
        conn: &Connection,
        t: &Table,
        k: &[u8],
        row: &super::bundle::Row,
    ) -> Result<()> {
        let ok = match self.role {
            Role::Office => true,
            Role::Unit => {
                self.is_sender(row.get("origin"))
                    && match t.name {
                        "progress" | "attachment" => self.unit_reports_on(conn, t, row)?,
                        // Its own staff, named as reporters: in its units or none.
                        "person" => match row.get("unit_id") {
                            Some(Val::Blob(b)) => {
                                Uuid::from_slice(b).is_ok_and(|u| self.units.contains(&u))
                            }
                            _ => true,
                        },
                        "conflict" => self.conflict_of_own(conn, row)?,
                        _ => false,
                    }
            }
            // A conflict version may hold this office's own text (the side that lost):
            // only the record it is about must be the superior's.
            Role::Superior if t.name == "conflict" => self.conflict_of_own(conn, row)?,
            Role::Superior => {
                !self.of_office(row.get("origin")) && self.outside_office(conn, t, row)?
            }
        };
        if ok {
            Ok(())
        } else {
            Err(self.refuse(t, k, "new"))
        }
    }

    /// A conflict version may come only about a record the sender owns.
    fn conflict_of_own(&self, conn: &Connection, row: &super::bundle::Row) -> Result<bool> {
        let (Some(Val::Text(entity)), Some(Val::Blob(record))) =
            (row.get("entity"), row.get("record_id"))
        else {
            return Ok(false);
        };
        let text_group = |t: &Table| match row.get("grp") {
            Some(Val::Text(g)) => t
                .group(g)
                .is_some_and(|g| g.merge == super::schema::Merge::Text),
            _ => false,
        };
        match super::schema::table(entity) {
            Some(t) if t.name != "conflict" && text_group(t) => self.owned(conn, t, record),
            _ => Ok(false),
        }
    }

    /// Whether the group `g` of the held record `k` of `t` takes the value in `row`: `true`
    /// when the sender may change it, `false` when the change is a unit's request for a
    /// later deadline (the file carries it as an extension; it waits for the leader), an
    /// error otherwise.
    pub(crate) fn take(
        &self,
        conn: &Connection,
        t: &Table,
        k: &[u8],
        g: &Group,
        mine: &super::bundle::Row,
        row: &super::bundle::Row,
    ) -> Result<bool> {
        if self.role == Role::Unit
            && t.name == "directive"
            && g.name == "deadline"
            && let Some(Val::Text(to)) = row.get("deadline")
            && (self.requested.contains(&(k.to_vec(), to.to_string()))
                || Self::asked_before(conn, k, to)?)
            && self.given_to_sender(conn, k)?
        {
            return Ok(false);
        }
        let ok = match self.role {
            Role::Office => true,
            Role::Superior => self.owned(conn, t, k)?,
            Role::Unit => match t.name {
                "progress" | "attachment" => {
                    self.owned(conn, t, k)? && self.unit_reports_on(conn, t, row)?
                }
                "directive" if g.name == "status" => {
                    let state = |r: &super::bundle::Row| match r.get("status") {
                        Some(Val::Text(s)) => s.to_string(),
                        _ => String::new(),
                    };
                    let from = state(mine);
                    let to = state(row);
                    (from == "assigned" || UNIT_STATES.contains(&from.as_str()))
                        && UNIT_STATES.contains(&to.as_str())
                        && self.given_to_sender(conn, k)?
                }
                _ => false,
            },
        };
        if ok {
            Ok(true)
        } else {
            Err(self.refuse(t, k, g.name))
        }
    }

    /// Whether the deadline `to` of directive `k` was asked for in an earlier file (the
    /// request pending or decided): the unit's later files still carry it.
    fn asked_before(conn: &Connection, k: &[u8], to: &str) -> Result<bool> {
        Ok(conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM extension_request WHERE directive_id = ?1 AND new_deadline = ?2)",
            )?
            .query_row(rusqlite::params![k, to], |r| r.get(0))?)
    }

    /// A unit's extension of a directive given to it, as a request waiting for the leader:
    /// kept (once) instead of the extension. `false` when `row` is not one.
    pub(crate) fn request(
        &self,
        conn: &Connection,
        t: &Table,
        k: &[u8],
        row: &super::bundle::Row,
    ) -> Result<bool> {
        if self.role != Role::Unit || t.name != "extension" || !self.is_sender(row.get("origin")) {
            return Ok(false);
        }
        let Some(Val::Blob(d)) = row.get("directive_id") else {
            return Ok(false);
        };
        if !self.given_to_sender(conn, d)? {
            return Ok(false);
        }
        let text = |c: &str| match row.get(c) {
            Some(Val::Text(s)) => s.to_string(),
            _ => String::new(),
        };
        let known: bool = conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM extension_request WHERE id = ?1)")?
            .query_row([k], |r| r.get(0))?;
        if known {
            return Ok(true);
        }
        // A request the leader could approve: for an open directive, a deadline later than
        // the one here, a reason of one paragraph. The deadline it replaces is the one here.
        let (deadline, status): (Option<String>, String) = conn
            .prepare_cached("SELECT deadline, status FROM directive WHERE id = ?1")?
            .query_row([&d[..]], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let reason = text("reason");
        let approvable = deadline
            .as_deref()
            .is_some_and(|now| text("new_deadline").as_str() > now)
            && !matches!(status.as_str(), "done" | "cancelled")
            && !reason.trim().is_empty()
            && reason.chars().count() <= 2_000
            && !reason.chars().any(|c| c.is_control() && c != '\n');
        if !approvable {
            return Err(crate::error::BadValue::error(
                t.name,
                hex::encode(k),
                "new_deadline",
                text("new_deadline"),
            ));
        }
        conn.prepare_cached(
            "INSERT OR IGNORE INTO extension_request (id, directive_id, peer_id, previous_deadline, new_deadline, reason, requested_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![
            k,
            &d[..],
            self.sender,
            deadline,
            text("new_deadline"),
            reason.trim(),
            text("approved_on"),
        ])?;
        Ok(true)
    }

    /// The record `k` of `t` may be deleted (`held`: it is here).
    pub(crate) fn delete(&self, conn: &Connection, t: &Table, k: &[u8], held: bool) -> Result<()> {
        let ok = match self.role {
            Role::Office => true,
            _ if held => self.owned(conn, t, k)? && !self.referred_by_others(conn, t, k)?,
            // A deletion of what is not here only keeps it from coming later: a unit may
            // only have deleted its own reports.
            Role::Unit => matches!(t.name, "progress" | "attachment"),
            Role::Superior => true,
        };
        if ok {
            Ok(())
        } else {
            Err(self.refuse(t, k, "deleted"))
        }
    }

    /// Refuses clocks naming more installations than another role's writes ever see (the
    /// same office: the general limit of the value checks).
    pub(crate) fn clocks<'c>(
        &self,
        t: &Table,
        k: &[u8],
        clocks: impl IntoIterator<Item = &'c super::bundle::Clock>,
    ) -> Result<()> {
        if self.is_office() {
            return Ok(());
        }
        for c in clocks {
            if c.v.len() > MAX_VECTOR {
                return Err(crate::error::BadValue::error(
                    t.name,
                    hex::encode(k),
                    "clock",
                    format!("{} installations", c.v.len()),
                ));
            }
        }
        Ok(())
    }

    /// The clocks of a record from the sender as this office takes them: from another
    /// machine of this office as they are; from another role, each only as the write it
    /// names (its version vector reduced to that write's installation), so that claims to
    /// have seen other machines' writes can never make a later write of this office look
    /// older.
    pub(crate) fn own_clocks<'c>(
        &self,
        clocks: &'c std::collections::BTreeMap<String, super::bundle::Clock>,
    ) -> std::borrow::Cow<'c, std::collections::BTreeMap<String, super::bundle::Clock>> {
        if self.is_office() || clocks.is_empty() {
            return std::borrow::Cow::Borrowed(clocks);
        }
        std::borrow::Cow::Owned(
            clocks
                .iter()
                .map(|(g, c)| {
                    let site = c.h.get(16..).unwrap_or_default().to_string();
                    let v = [(site, c.h.clone())].into_iter().collect();
                    (g.clone(), super::bundle::Clock { h: c.h.clone(), v })
                })
                .collect(),
        )
    }

    /// A unit's "done" is its report: the directive arrives awaiting the leader's
    /// confirmation, the day it reported kept.
    pub(crate) fn as_reported(&self, t: &Table, row: &mut super::bundle::Row) {
        if self.role != Role::Unit || t.name != "directive" {
            return;
        }
        if matches!(row.get("status"), Some(Val::Text(s)) if s == "done") {
            let day = match (row.get("reported_done_on"), row.get("completed_on")) {
                (Some(v @ Val::Text(_)), _) | (_, Some(v @ Val::Text(_))) => v.clone(),
                _ => Val::Null,
            };
            row.insert("status", Val::Text("awaiting_confirmation".into()));
            row.insert("reported_done_on", day);
            row.insert("completed_on", Val::Null);
        }
    }
}
