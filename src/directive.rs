//! Directives (nhiệm vụ, ý kiến chỉ đạo): what a leader ordered, to which lead unit (chủ trì)
//! and coordinating units (phối hợp), by when; their status flow and their listing.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, named_params, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Entity, Error, Field, Result, Rule};
use crate::record::{Meta, new_id};
use crate::store::Tx;
use crate::store::value::{
    date, enum_name, get_date, get_enum, get_opt_date, get_opt_uuid, get_uuid, ts,
};
pub use crate::timeliness::DirectiveStatus;
use crate::timeliness::{self, Bucket, DeadlineBasis, Facts};
use crate::{meeting, person, unit};

/// Priority of a directive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Thường.
    #[default]
    Normal,
    /// Quan trọng.
    High,
    /// Khẩn.
    Urgent,
}

/// Where a directive came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Source {
    /// A meeting, optionally one of its conclusion items.
    Meeting {
        /// The meeting.
        meeting_id: Uuid,
        /// The conclusion item it was given in.
        conclusion_id: Option<Uuid>,
    },
    /// A document such as `45/TB-STTTT` of a given date.
    Document {
        /// Number and symbol.
        number: String,
        /// Date of issue.
        date: NaiveDate,
    },
}

/// A directive as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// Record id.
    pub id: Uuid,
    /// What must be done.
    pub content: String,
    /// The expected result (sản phẩm đầu ra).
    pub expected_output: Option<String>,
    /// Source meeting.
    pub meeting_id: Option<Uuid>,
    /// Source conclusion item.
    pub conclusion_id: Option<Uuid>,
    /// Source document number (`45/TB-STTTT`).
    pub document_number: Option<String>,
    /// Source document date.
    pub document_date: Option<NaiveDate>,
    /// Date the directive was given.
    pub assigned_on: NaiveDate,
    /// The leader who gave it.
    pub directing_leader_id: Option<Uuid>,
    /// Lead unit (đơn vị chủ trì).
    pub lead_unit_id: Uuid,
    /// Coordinating units (đơn vị phối hợp).
    pub coordinating_unit_ids: Vec<Uuid>,
    /// Deadline first given; `None` = không thời hạn.
    pub original_deadline: Option<NaiveDate>,
    /// Latest approved deadline.
    pub deadline: Option<NaiveDate>,
    /// Priority.
    pub priority: Priority,
    /// Status.
    pub status: DirectiveStatus,
    /// Date the unit reported the work done.
    pub reported_done_on: Option<NaiveDate>,
    /// Completion date, set when the leader confirmed (equal to the reported date).
    pub completed_on: Option<NaiveDate>,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

impl Directive {
    /// The facts the timeliness rules need.
    pub fn facts(&self) -> Facts {
        Facts {
            status: self.status,
            deadline: self.deadline,
            original_deadline: self.original_deadline,
            completed_on: self.completed_on,
        }
    }
}

/// Input to [`create`].
#[derive(Debug, Clone, Deserialize)]
pub struct NewDirective {
    /// What must be done.
    pub content: String,
    /// Expected result.
    pub expected_output: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// Date given; defaults to the meeting's date or the document's date.
    pub assigned_on: Option<NaiveDate>,
    /// The leader who gave it.
    pub directing_leader_id: Option<Uuid>,
    /// Lead unit.
    pub lead_unit_id: Uuid,
    /// Coordinating units.
    pub coordinating_unit_ids: Vec<Uuid>,
    /// Deadline; `None` = không thời hạn.
    pub deadline: Option<NaiveDate>,
    /// Priority.
    pub priority: Priority,
    /// The user confirmed a deadline earlier than the date given.
    pub allow_deadline_before_assigned: bool,
    /// A task of the past brought in from an office's records (done or cancelled): its units
    /// and leader may be ones no longer active, as they were when it was given. Set by the
    /// intake only: never read from the window's or anyone's input.
    #[serde(skip)]
    pub of_record: bool,
}

const COLUMNS: &str = "id, content, expected_output, meeting_id, conclusion_id, document_number,
    document_date, assigned_on, directing_leader_id, lead_unit_id, original_deadline, deadline,
    priority, status, reported_done_on, completed_on, created_at, updated_at, origin";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Directive> {
    Ok(Directive {
        id: get_uuid(row, 0)?,
        content: row.get(1)?,
        expected_output: row.get(2)?,
        meeting_id: get_opt_uuid(row, 3)?,
        conclusion_id: get_opt_uuid(row, 4)?,
        document_number: row.get(5)?,
        document_date: get_opt_date(row, 6)?,
        assigned_on: get_date(row, 7)?,
        directing_leader_id: get_opt_uuid(row, 8)?,
        lead_unit_id: get_uuid(row, 9)?,
        coordinating_unit_ids: Vec::new(),
        original_deadline: get_opt_date(row, 10)?,
        deadline: get_opt_date(row, 11)?,
        priority: get_enum(row, 12)?,
        status: get_enum(row, 13)?,
        reported_done_on: get_opt_date(row, 14)?,
        completed_on: get_opt_date(row, 15)?,
        meta: Meta::from_row(row, 16)?,
    })
}

/// Records a new directive after checking every rule: content and lead unit given, units and
/// leader exist and are active, no unit both lead and coordinating, deadline not before the
/// date given unless confirmed.
pub fn create(tx: &Tx<'_>, new: NewDirective) -> Result<Directive> {
    create_as(tx, new, &[], "")
}

/// Records a new directive as [`create`] does, moved through the status `steps` (each one the
/// status before it allows, as [`change_status`] checks) before it is written: one row
/// written, not written and changed again (a tracker brought in records thousands done or
/// under way). Its history holds the making and the steps, with `note`.
pub fn create_as(
    tx: &Tx<'_>,
    new: NewDirective,
    steps: &[StatusChange],
    note: &str,
) -> Result<Directive> {
    let made = checked(tx, new)?;
    let mut d = made.clone();
    let today = crate::date::local_date(tx.now());
    for change in steps {
        (d.status, d.reported_done_on, d.completed_on) = step(&d, change, today)?;
    }
    tx.prepare_cached(&format!(
        "INSERT INTO directive ({COLUMNS}) VALUES
         (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?16, ?17)"
    ))?
    .execute(params![
        d.id,
        d.content,
        d.expected_output,
        d.meeting_id,
        d.conclusion_id,
        d.document_number,
        d.document_date.map(date),
        date(d.assigned_on),
        d.directing_leader_id,
        d.lead_unit_id,
        d.deadline.map(date),
        enum_name(&d.priority),
        enum_name(&d.status),
        d.reported_done_on.map(date),
        d.completed_on.map(date),
        ts(d.meta.created_at),
        d.meta.origin,
    ])?;
    let mut ins =
        tx.prepare_cached("INSERT INTO directive_unit (directive_id, unit_id) VALUES (?1, ?2)")?;
    for u in &d.coordinating_unit_ids {
        ins.execute([d.id, *u])?;
    }
    // The record as stored: no read back (an import makes thousands).
    tx.audit("directive", d.id, "create", &made)?;
    if !steps.is_empty() {
        audit_status(tx, &made, &d, note)?;
    }
    Ok(d)
}

/// The new directive `new` after checking every rule, as it would be stored (not yet).
fn checked(tx: &Tx<'_>, new: NewDirective) -> Result<Directive> {
    let content = new.content.trim();
    if content.is_empty() {
        return Err(Error::invalid(Field::Content, Rule::Required));
    }
    let lead = new.lead_unit_id;
    if !unit::is_active(tx, lead).map_err(|e| relabel(e, Field::LeadUnit))? && !new.of_record {
        return Err(Error::invalid(Field::LeadUnit, Rule::Inactive));
    }
    let mut coordinating: Vec<unit::Unit> = Vec::with_capacity(new.coordinating_unit_ids.len());
    for id in &new.coordinating_unit_ids {
        if *id == lead {
            return Err(Error::invalid(
                Field::CoordinatingUnits,
                Rule::LeadAlsoCoordinating,
            ));
        }
        if coordinating.iter().any(|u| u.id == *id) {
            continue;
        }
        let u = unit::get(tx, *id).map_err(|e| relabel(e, Field::CoordinatingUnits))?;
        if !u.active && !new.of_record {
            return Err(Error::invalid(Field::CoordinatingUnits, Rule::Inactive));
        }
        coordinating.push(u);
    }
    // In the order `get` reads them back.
    coordinating.sort_by(|a, b| (a.sort_order, &a.name).cmp(&(b.sort_order, &b.name)));
    if let Some(leader) = new.directing_leader_id {
        let p = person::get(tx, leader).map_err(|e| relabel(e, Field::DirectingLeader))?;
        if !p.active && !new.of_record {
            return Err(Error::invalid(Field::DirectingLeader, Rule::Inactive));
        }
    }
    let (meeting_id, conclusion_id, doc_number, doc_date, source_date) = match &new.source {
        Source::Meeting {
            meeting_id,
            conclusion_id,
        } => {
            let held_on = meeting::held_on(tx, *meeting_id)?;
            // The conclusion it is given from is one of that meeting's.
            if let Some(c) = conclusion_id {
                let found: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM conclusion WHERE id = ?1 AND meeting_id = ?2)",
                    params![c, meeting_id],
                    |r| r.get(0),
                )?;
                if !found {
                    return Err(Error::not_found(Entity::Conclusion, *c));
                }
            }
            (Some(*meeting_id), *conclusion_id, None, None, held_on)
        }
        Source::Document { number, date } => {
            let number = number.trim();
            if number.is_empty() {
                return Err(Error::invalid(Field::Source, Rule::Required));
            }
            (None, None, Some(number.to_string()), Some(*date), *date)
        }
    };
    let assigned_on = new.assigned_on.unwrap_or(source_date);
    if let Some(dl) = new.deadline
        && dl < assigned_on
        && !new.allow_deadline_before_assigned
    {
        return Err(Error::invalid(
            Field::Deadline,
            Rule::DeadlineBeforeAssigned,
        ));
    }
    Ok(Directive {
        id: new_id(),
        content: content.to_string(),
        expected_output: new
            .expected_output
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string),
        meeting_id,
        conclusion_id,
        document_number: doc_number,
        document_date: doc_date,
        assigned_on,
        directing_leader_id: new.directing_leader_id,
        lead_unit_id: lead,
        coordinating_unit_ids: coordinating.iter().map(|u| u.id).collect(),
        original_deadline: new.deadline,
        deadline: new.deadline,
        priority: new.priority,
        status: DirectiveStatus::Assigned,
        reported_done_on: None,
        completed_on: None,
        meta: Meta::written(tx),
    })
}

fn relabel(e: Error, field: Field) -> Error {
    match e {
        Error::NotFound { .. } => e,
        Error::Invalid { rule, .. } => Error::Invalid { field, rule },
        other => other,
    }
}

/// One directive by id, with its coordinating units.
pub fn get(conn: &Connection, id: Uuid) -> Result<Directive> {
    let mut d = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM directive WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Directive, id))?;
    let mut stmt = conn.prepare_cached(
        "SELECT du.unit_id FROM directive_unit du JOIN unit u ON u.id = du.unit_id
         WHERE du.directive_id = ?1 ORDER BY u.sort_order, u.name",
    )?;
    d.coordinating_unit_ids = stmt
        .query_map([id], |r| get_uuid(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(d)
}

/// A step in a directive's life.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum StatusChange {
    /// The unit started work.
    Start,
    /// The unit reports the work done on `on` (chờ xác nhận).
    ReportDone {
        /// Date the work was done.
        on: NaiveDate,
    },
    /// The leader confirms; the completion date is the reported date.
    Confirm,
    /// The leader returns it to the unit as not done.
    Return,
    /// Paused (tạm dừng).
    Suspend,
    /// Resumed after a pause.
    Resume,
    /// Cancelled (hủy).
    Cancel,
    /// Done work reopened (thực hiện lại).
    Reopen,
}

/// Applies a status step, refusing steps the current status does not allow.
pub fn change_status(tx: &Tx<'_>, id: Uuid, change: StatusChange, note: &str) -> Result<Directive> {
    change_status_of(tx, get(tx, id)?, std::slice::from_ref(&change), note)
}

/// Applies status steps in turn to `d`, the directive as it stands (not read again), in one
/// write and one entry of its history: a tracker brought in records a directive done
/// (reported, then confirmed) at once. Each step must be one the status before it allows.
pub fn change_status_of(
    tx: &Tx<'_>,
    mut d: Directive,
    steps: &[StatusChange],
    note: &str,
) -> Result<Directive> {
    let old = d.clone();
    let today = crate::date::local_date(tx.now());
    for change in steps {
        (d.status, d.reported_done_on, d.completed_on) = step(&d, change, today)?;
    }
    let written = Meta::written(tx);
    d.meta.updated_at = written.updated_at;
    d.meta.origin = written.origin;
    // Kept prepared: an import changes thousands of states, and this UPDATE's triggers make
    // it the slowest statement to prepare (a quarter of a 20,000-row tracker's import).
    tx.prepare_cached(
        "UPDATE directive SET status = ?2, reported_done_on = ?3, completed_on = ?4,
         updated_at = ?5, origin = ?6 WHERE id = ?1",
    )?
    .execute(params![
        d.id,
        enum_name(&d.status),
        d.reported_done_on.map(date),
        d.completed_on.map(date),
        ts(d.meta.updated_at),
        d.meta.origin,
    ])?;
    audit_status(tx, &old, &d, note)?;
    // The record as stored: no read back (an import changes thousands of states).
    Ok(d)
}

/// The entry of the history of a status moved from `old`'s to `new`'s.
fn audit_status(tx: &Tx<'_>, old: &Directive, new: &Directive, note: &str) -> Result<()> {
    tx.audit(
        "directive",
        new.id,
        "status",
        serde_json::json!({
            "status": [old.status, new.status],
            "reported_done_on": [old.reported_done_on, new.reported_done_on],
            "completed_on": [old.completed_on, new.completed_on],
            "note": note,
        }),
    )
}

/// The status and the dates reported and done that `change` moves `d` to, when its status
/// allows it (`today`: no work is reported done later than today).
fn step(
    d: &Directive,
    change: &StatusChange,
    today: NaiveDate,
) -> Result<(DirectiveStatus, Option<NaiveDate>, Option<NaiveDate>)> {
    use DirectiveStatus as S;
    Ok(match (change, d.status) {
        (StatusChange::Start, S::Assigned) => (S::InProgress, None, None),
        (StatusChange::ReportDone { on }, S::Assigned | S::InProgress) => {
            if *on < d.assigned_on {
                return Err(Error::invalid(Field::Date, Rule::OutOfRange));
            }
            if *on > today {
                return Err(Error::invalid(Field::Date, Rule::InFuture));
            }
            (S::AwaitingConfirmation, Some(*on), None)
        }
        (StatusChange::Confirm, S::AwaitingConfirmation) => {
            (S::Done, d.reported_done_on, d.reported_done_on)
        }
        (StatusChange::Return, S::AwaitingConfirmation) => (S::InProgress, None, None),
        (StatusChange::Suspend, S::Assigned | S::InProgress) => (S::Suspended, None, None),
        (StatusChange::Resume, S::Suspended) => (S::InProgress, None, None),
        (StatusChange::Cancel, s) if s != S::Cancelled && s != S::Done => {
            (S::Cancelled, None, None)
        }
        (StatusChange::Reopen, S::Done) => (S::InProgress, None, None),
        (_, from) => {
            return Err(Error::invalid(
                Field::Status,
                Rule::Transition {
                    from: enum_name(&from),
                    to: enum_name(&target_of(change)),
                },
            ));
        }
    })
}

fn target_of(change: &StatusChange) -> DirectiveStatus {
    use DirectiveStatus as S;
    match change {
        StatusChange::Start
        | StatusChange::Return
        | StatusChange::Resume
        | StatusChange::Reopen => S::InProgress,
        StatusChange::ReportDone { .. } => S::AwaitingConfirmation,
        StatusChange::Confirm => S::Done,
        StatusChange::Suspend => S::Suspended,
        StatusChange::Cancel => S::Cancelled,
    }
}

/// Which units a unit filter looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum UnitRole {
    /// Lead or coordinating.
    #[default]
    Any,
    /// Lead only.
    Lead,
    /// Coordinating only.
    Coordinating,
}

/// A directive listing request.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DirectiveQuery {
    /// Reporting date for buckets, overdue and due-soon.
    pub as_of: NaiveDate,
    /// Deadline judged against.
    pub basis: DeadlineBasis,
    /// Only directives of this unit.
    pub unit: Option<Uuid>,
    /// In which role the unit takes part.
    pub unit_role: UnitRole,
    /// Only open directives past their deadline on `as_of`.
    pub overdue: bool,
    /// Only open directives due within this many days of `as_of`.
    pub due_within: Option<u32>,
    /// Only directives from this meeting.
    pub meeting: Option<Uuid>,
    /// Only the directives a meeting reviews: given at an earlier meeting of its series,
    /// and still open or decided at this meeting.
    #[serde(default)]
    pub carried_into: Option<Uuid>,
    /// Only directives given in this period (inclusive).
    pub from: Option<NaiveDate>,
    /// End of the period (inclusive).
    pub to: Option<NaiveDate>,
    /// At most this many rows (`None` = all).
    pub limit: Option<u32>,
    /// Only directives given by this leader.
    #[serde(default)]
    pub leader: Option<Uuid>,
    /// Only directives in this bucket on `as_of` (cancelled ones are in none).
    #[serde(default)]
    pub bucket: Option<Bucket>,
    /// Only directives with this status.
    #[serde(default)]
    pub status: Option<DirectiveStatus>,
    /// Words of the content, output or document number, typed with or without diacritics.
    #[serde(default)]
    pub text: Option<String>,
    /// Order of the rows.
    #[serde(default)]
    pub sort: DirectiveSort,
    /// Rows skipped before the first returned (a page further down a long list).
    #[serde(default)]
    pub offset: u32,
    /// The total a first page already counted for the same filter: a further page (a long
    /// list scrolled down) is not counted again.
    #[serde(default)]
    pub known_total: Option<u32>,
}

/// How a directive listing is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DirectiveSort {
    /// Newest given first.
    #[default]
    Newest,
    /// Earliest deadline first (the most overdue first); no deadline last.
    Deadline,
    /// By lead unit name, newest first within a unit.
    Unit,
}

impl DirectiveQuery {
    /// All directives, judged on `as_of`.
    pub fn as_of(as_of: NaiveDate) -> Self {
        DirectiveQuery {
            as_of,
            basis: DeadlineBasis::Approved,
            unit: None,
            unit_role: UnitRole::Any,
            overdue: false,
            due_within: None,
            meeting: None,
            carried_into: None,
            from: None,
            to: None,
            limit: None,
            leader: None,
            bucket: None,
            status: None,
            text: None,
            sort: DirectiveSort::Newest,
            offset: 0,
            known_total: None,
        }
    }
}

/// One line of a directive listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DirectiveRow {
    /// Directive id.
    pub id: Uuid,
    /// Content.
    pub content: String,
    /// Lead unit id.
    pub lead_unit_id: Uuid,
    /// Lead unit name.
    pub lead_unit: String,
    /// Coordinating unit names.
    pub coordinating_units: Vec<String>,
    /// Date given.
    pub assigned_on: NaiveDate,
    /// Latest approved deadline.
    pub deadline: Option<NaiveDate>,
    /// Deadline first given.
    pub original_deadline: Option<NaiveDate>,
    /// Status.
    pub status: DirectiveStatus,
    /// Completion date.
    pub completed_on: Option<NaiveDate>,
    /// Bucket on the query's date (`None` when cancelled).
    pub bucket: Option<Bucket>,
    /// Days overdue on the query's date.
    pub days_overdue: Option<i32>,
    /// Source meeting.
    pub meeting_id: Option<Uuid>,
    /// The leader who gave it.
    pub directing_leader: Option<String>,
    /// The conclusion of its meeting it was given from.
    pub conclusion_id: Option<Uuid>,
}

/// A page of a listing with the number of all matching rows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DirectivePage {
    /// Matching directives in all.
    pub total: u32,
    /// The rows returned (at most the limit).
    pub rows: Vec<DirectiveRow>,
}

/// Lists directives. Overdue and due-soon lists are served by the open-by-deadline index:
/// a directive was open on `as_of` if it is still open, or was completed after `as_of`.
pub fn list(conn: &Connection, q: &DirectiveQuery) -> Result<DirectivePage> {
    let (count_sql, sql) = list_sql(q);
    let params = named_params! {
        ":as_of": date(q.as_of),
        ":days": q.due_within.unwrap_or(0),
        ":unit": q.unit,
        ":meeting": q.meeting,
        ":carried": q.carried_into,
        ":from": q.from.map(date),
        ":to": q.to.map(date),
        ":limit": q.limit.map_or(-1, i64::from),
        ":offset": q.offset,
        ":leader": q.leader,
        ":status": q.status.as_ref().map(enum_name),
        ":fts": q.text.as_deref().and_then(|t| crate::store::index::Query::parse(t).fts()),
    };
    let used = |sql: &str| -> Vec<(&str, &dyn rusqlite::ToSql)> {
        params
            .iter()
            .filter(|(name, _)| sql.contains(name))
            .map(|(n, v)| (*n, *v))
            .collect()
    };
    let total: i64 = match q.known_total {
        Some(n) => n.into(),
        None => conn
            .prepare_cached(&count_sql)?
            .query_row(used(&count_sql).as_slice(), |r| r.get(0))?,
    };
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(used(&sql).as_slice(), |r| {
        let coord: Option<String> = r.get(4)?;
        Ok(DirectiveRow {
            id: get_uuid(r, 0)?,
            content: r.get(1)?,
            lead_unit_id: get_uuid(r, 2)?,
            lead_unit: r.get(3)?,
            coordinating_units: coord
                .map(|c| c.split('\u{1f}').map(str::to_string).collect())
                .unwrap_or_default(),
            assigned_on: get_date(r, 5)?,
            deadline: get_opt_date(r, 6)?,
            original_deadline: get_opt_date(r, 7)?,
            status: get_enum(r, 8)?,
            completed_on: get_opt_date(r, 9)?,
            bucket: None,
            days_overdue: None,
            meeting_id: get_opt_uuid(r, 10)?,
            directing_leader: r.get(11)?,
            conclusion_id: get_opt_uuid(r, 12)?,
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let mut row = row?;
        let facts = Facts {
            status: row.status,
            deadline: row.deadline,
            original_deadline: row.original_deadline,
            completed_on: row.completed_on,
        };
        row.bucket = timeliness::bucket(&facts, q.basis, q.as_of);
        row.days_overdue = timeliness::days_overdue(&facts, q.basis, q.as_of);
        out.push(row);
    }
    Ok(DirectivePage {
        total: total as u32,
        rows: out,
    })
}

/// The count and row queries of a listing.
fn list_sql(q: &DirectiveQuery) -> (String, String) {
    let dl = match q.basis {
        DeadlineBasis::Approved => "deadline",
        DeadlineBasis::Original => "original_deadline",
    };
    let mut filters = vec!["d.assigned_on <= :as_of".to_string()];
    let window = if q.overdue {
        Some(format!("{dl} < :as_of"))
    } else {
        q.due_within
            .map(|_| format!("{dl} BETWEEN :as_of AND date(:as_of, '+' || :days || ' days')"))
    };
    let window_sql = window.clone();
    if let Some(w) = window {
        filters.push(format!(
            "d.rowid IN (SELECT rowid FROM directive WHERE completed_on IS NULL AND status <> 'cancelled' AND {w}
                         UNION ALL
                         SELECT rowid FROM directive WHERE completed_on > :as_of AND {w})"
        ));
    }
    match (q.unit.is_some(), q.unit_role) {
        (false, _) => {}
        (true, UnitRole::Lead) => filters.push("d.lead_unit_id = :unit".into()),
        (true, UnitRole::Coordinating) => filters.push(
            "d.id IN (SELECT directive_id FROM directive_unit WHERE unit_id = :unit)".into(),
        ),
        (true, UnitRole::Any) => filters.push(
            "(d.lead_unit_id = :unit OR d.id IN (SELECT directive_id FROM directive_unit WHERE unit_id = :unit))"
                .into(),
        ),
    }
    if q.meeting.is_some() {
        filters.push("d.meeting_id = :meeting".into());
    }
    if q.carried_into.is_some() {
        filters.push(
            "d.meeting_id IN (SELECT p.id FROM meeting p JOIN meeting m ON p.series_id = m.series_id
                              WHERE m.id = :carried AND p.starts_at < m.starts_at)
             AND (d.status NOT IN ('done', 'cancelled')
                  OR d.id IN (SELECT directive_id FROM carry WHERE meeting_id = :carried))"
                .into(),
        );
    }
    if q.from.is_some() {
        filters.push("d.assigned_on >= :from".into());
    }
    if q.to.is_some() {
        filters.push("d.assigned_on <= :to".into());
    }
    if q.leader.is_some() {
        filters.push("d.directing_leader_id = :leader".into());
    }
    if q.status.is_some() {
        filters.push("d.status = :status".into());
    }
    if let Some(b) = q.bucket {
        // The statement of `timeliness::bucket` in SQL (tested against it).
        let done = "(d.completed_on IS NOT NULL AND d.completed_on <= :as_of)";
        filters.push(format!(
            "d.status <> 'cancelled' AND {}",
            match b {
                Bucket::DoneOnTime =>
                    format!("{done} AND (d.{dl} IS NULL OR d.completed_on <= d.{dl})"),
                Bucket::DoneLate =>
                    format!("{done} AND d.{dl} IS NOT NULL AND d.completed_on > d.{dl}"),
                Bucket::OpenWithinDeadline =>
                    format!("NOT {done} AND (d.{dl} IS NULL OR :as_of <= d.{dl})"),
                Bucket::OpenOverdue =>
                    format!("NOT {done} AND d.{dl} IS NOT NULL AND :as_of > d.{dl}"),
            }
        ));
    }
    if q.text.as_deref().is_some_and(|t| !t.trim().is_empty()) {
        // Through the search index: directives whose content, output or number hold the words.
        filters.push(
            "d.id IN (SELECT sd.record_id FROM search_directive JOIN search_doc sd ON sd.rowid = search_directive.rowid
                      WHERE search_directive MATCH :fts AND sd.kind = 'directive')"
                .into(),
        );
    }
    let where_clause = filters.join(" AND ");
    // Ties go to the later written row (the row number, which the indexes hold: a page far
    // down the newest-first list is cut from the index alone).
    let order = match q.sort {
        _ if window_or_overdue(q) => format!("d.{dl}, d.assigned_on, d.rowid"),
        DirectiveSort::Newest => "d.assigned_on DESC, d.rowid DESC".to_string(),
        DirectiveSort::Deadline => {
            format!("d.{dl} IS NULL, d.{dl}, d.assigned_on DESC, d.rowid DESC")
        }
        DirectiveSort::Unit => "u.name, d.assigned_on DESC, d.rowid DESC".to_string(),
    };
    // The overdue and due-soon lists alone (the dashboard's) are counted, ordered and cut to
    // a page from the open-by-deadline index; only the page's rows are read.
    let window_only =
        window_sql.is_some() && filters.len() == 2 && q.basis == DeadlineBasis::Approved;
    let (count_sql, where_clause, order, page) = match &window_sql {
        Some(w) if window_only => {
            let open = format!(
                "completed_on IS NULL AND status <> 'cancelled' AND {w} AND assigned_on <= :as_of"
            );
            let late = format!("completed_on > :as_of AND {w} AND assigned_on <= :as_of");
            (
                format!(
                    "SELECT (SELECT count(*) FROM directive WHERE {open}) + (SELECT count(*) FROM directive WHERE {late})"
                ),
                format!(
                    "d.rowid IN (SELECT rowid FROM (SELECT rowid, deadline, assigned_on FROM directive WHERE {open}
                                                    UNION ALL SELECT rowid, deadline, assigned_on FROM directive WHERE {late})
                                 ORDER BY deadline, assigned_on, rowid LIMIT :limit OFFSET :offset)"
                ),
                "d.deadline, d.assigned_on, d.rowid".to_string(),
                "",
            )
        }
        // Any other list is ordered and cut to a page on row numbers first, so the rows
        // skipped before a page far down are never read whole nor joined.
        _ => {
            let units = if q.sort == DirectiveSort::Unit {
                " JOIN unit u ON u.id = d.lead_unit_id"
            } else {
                ""
            };
            (
                format!("SELECT count(*) FROM directive d WHERE {where_clause}"),
                format!(
                    "d.rowid IN (SELECT d.rowid FROM directive d{units} WHERE {where_clause}
                                 ORDER BY {order} LIMIT :limit OFFSET :offset)"
                ),
                order,
                "",
            )
        }
    };
    let sql = format!(
        "SELECT d.id, d.content, d.lead_unit_id, u.name,
                (SELECT group_concat(cu.name, char(31)) FROM directive_unit du JOIN unit cu ON cu.id = du.unit_id
                  WHERE du.directive_id = d.id),
                d.assigned_on, d.deadline, d.original_deadline, d.status, d.completed_on, d.meeting_id,
                (SELECT full_name FROM person WHERE id = d.directing_leader_id), d.conclusion_id
         FROM directive d JOIN unit u ON u.id = d.lead_unit_id
         WHERE {where_clause} ORDER BY {order}{page}"
    );
    (count_sql, sql)
}

fn window_or_overdue(q: &DirectiveQuery) -> bool {
    q.overdue || q.due_within.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let n = stmt.parameter_count();
        let params: Vec<Option<String>> = vec![Some("2026-01-01".into()); n];
        stmt.query_map(rusqlite::params_from_iter(params), |r| {
            r.get::<_, String>(3)
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect::<Vec<_>>()
        .join("\n")
    }

    #[test]
    fn overdue_and_due_soon_lists_are_served_by_indexes() {
        let store = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        for q in [
            DirectiveQuery {
                overdue: true,
                ..DirectiveQuery::as_of(today)
            },
            DirectiveQuery {
                due_within: Some(7),
                ..DirectiveQuery::as_of(today)
            },
        ] {
            let (count, rows) = list_sql(&q);
            for sql in [count, rows] {
                let p = plan(store.conn(), &sql);
                assert!(p.contains("directive_open_deadline"), "{p}");
                assert!(p.contains("directive_completed"), "{p}");
                assert!(
                    !p.lines()
                        .any(|l| l.starts_with("SCAN d") || l == "SCAN directive"),
                    "{p}"
                );
            }
        }
    }

    #[test]
    fn a_page_far_down_a_period_is_cut_from_the_index() {
        let store = Store::open_in_memory().unwrap();
        let q = DirectiveQuery {
            from: NaiveDate::from_ymd_opt(2025, 1, 1),
            to: NaiveDate::from_ymd_opt(2026, 12, 31),
            limit: Some(50),
            offset: 120_000,
            ..DirectiveQuery::as_of(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
        };
        let p = plan(store.conn(), &list_sql(&q).1);
        // The skipped rows are read from the index alone; only the page's 50 rows are sorted.
        assert!(
            p.contains("SEARCH d USING COVERING INDEX directive_assigned"),
            "{p}"
        );
        assert_eq!(p.matches("TEMP B-TREE").count(), 1, "{p}");
        assert!(
            p.contains("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)"),
            "{p}"
        );
    }
}
