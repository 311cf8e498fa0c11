//! Follow-up of a directive: progress updates (tiến độ) and deadline extensions (gia hạn).

use chrono::NaiveDate;
use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::directive::{self, DirectiveStatus, StatusChange};
use crate::error::{Error, Field, Result, Rule};
use crate::person;
use crate::record::{Meta, new_id};
use crate::store::Tx;
use crate::store::value::{date, get_date, get_opt_uuid, get_uuid, ts};

/// One progress update reported by a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Progress {
    /// Record id.
    pub id: Uuid,
    /// The directive.
    pub directive_id: Uuid,
    /// Date of the report.
    pub reported_on: NaiveDate,
    /// Who reported.
    pub reporter_id: Option<Uuid>,
    /// Percent done, 0–100.
    pub percent: u8,
    /// What was done.
    pub note: String,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Input to [`add_progress`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewProgress {
    /// Date of the report.
    pub reported_on: NaiveDate,
    /// Who reported.
    pub reporter_id: Option<Uuid>,
    /// Percent done, 0–100.
    pub percent: u8,
    /// What was done.
    pub note: String,
}

/// A file sent with a progress report (a scanned report, a draft).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewFile {
    /// Its name.
    pub name: String,
    /// Its bytes.
    pub content: Vec<u8>,
}

/// Records a progress report with the files sent with it (stored under `dir`, the
/// database's attachments folder), in one transaction: the window's "Ghi tiến độ" and
/// `giaoban directives progress`.
pub fn report_progress(
    tx: &Tx<'_>,
    dir: &std::path::Path,
    directive_id: Uuid,
    new: NewProgress,
    files: &[NewFile],
) -> Result<Progress> {
    let p = add_progress(tx, directive_id, new)?;
    for f in files {
        crate::attachment::attach(
            tx,
            dir,
            crate::attachment::OwnerKind::Progress,
            p.id,
            &f.name,
            &f.content,
        )?;
    }
    Ok(p)
}

/// A percent as typed ("80", "80 %", "80%"): a whole number from 0 to 100, the rule the
/// window checks as it is typed; anything else ("+80", "80%%", "8.5") says why.
pub fn percent(typed: &str) -> Result<u8> {
    let text = typed.trim();
    if text.is_empty() {
        return Err(Error::invalid(Field::Percent, Rule::Required));
    }
    let digits = text.strip_suffix('%').map_or(text, str::trim_end);
    match digits.parse::<u8>() {
        Ok(n) if n <= 100 && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(n)
        }
        _ => Err(Error::invalid(
            Field::Percent,
            Rule::BadNumber(text.to_string()),
        )),
    }
}

/// Records a progress update (dated between the day given and today, and not empty: some
/// percent or a note); an assigned directive moves to in progress.
pub fn add_progress(tx: &Tx<'_>, directive_id: Uuid, new: NewProgress) -> Result<Progress> {
    let d = directive::get(tx, directive_id)?;
    if new.percent > 100 {
        return Err(Error::invalid(Field::Percent, Rule::OutOfRange));
    }
    // A report says something: some progress, or what was done.
    if new.percent == 0 && new.note.trim().is_empty() {
        return Err(Error::invalid(Field::Content, Rule::Required));
    }
    if new.reported_on < d.assigned_on {
        return Err(Error::invalid(Field::Date, Rule::OutOfRange));
    }
    if new.reported_on > crate::date::local_date(tx.now()) {
        return Err(Error::invalid(Field::Date, Rule::InFuture));
    }
    if matches!(d.status, DirectiveStatus::Cancelled | DirectiveStatus::Done) {
        return Err(Error::invalid(
            Field::Status,
            Rule::Transition {
                from: crate::store::value::enum_name(&d.status),
                to: "in_progress".into(),
            },
        ));
    }
    if let Some(p) = new.reporter_id {
        person::get(tx, p)?;
    }
    let id = new_id();
    tx.prepare_cached(
        "INSERT INTO progress (id, directive_id, reported_on, reporter_id, percent, note, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
    )?
    .execute(params![
        id,
        directive_id,
        date(new.reported_on),
        new.reporter_id,
        new.percent,
        new.note.trim(),
        ts(tx.now()),
        tx.installation(),
    ])?;
    tx.audit(
        "directive",
        directive_id,
        "progress",
        serde_json::json!({ "progress_id": id, "percent": new.percent, "note": new.note.trim(), "reported_on": new.reported_on }),
    )?;
    if d.status == DirectiveStatus::Assigned {
        directive::change_status(tx, directive_id, StatusChange::Start, "")?;
    }
    progress_of(tx, directive_id)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Directive, id))
}

/// Progress updates of a directive, oldest first.
pub fn progress_of(conn: &Connection, directive_id: Uuid) -> Result<Vec<Progress>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, directive_id, reported_on, reporter_id, percent, note, created_at, updated_at, origin
         FROM progress WHERE directive_id = ?1 ORDER BY reported_on, created_at",
    )?;
    let rows = stmt.query_map([directive_id], |r: &Row<'_>| {
        Ok(Progress {
            id: get_uuid(r, 0)?,
            directive_id: get_uuid(r, 1)?,
            reported_on: get_date(r, 2)?,
            reporter_id: get_opt_uuid(r, 3)?,
            percent: r.get(4)?,
            note: r.get(5)?,
            meta: Meta::from_row(r, 6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A progress report as the follow-up screen shows it: who reported it, and its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProgressEntry {
    /// The report.
    #[serde(flatten)]
    pub progress: Progress,
    /// The reporter's name.
    pub reporter: Option<String>,
    /// Files attached to it.
    pub files: Vec<FileRef>,
}

/// An attached file, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileRef {
    /// Attachment id.
    pub id: Uuid,
    /// File name.
    pub file_name: String,
    /// Size in KiB, rounded up.
    pub kib: u32,
}

fn entries(conn: &Connection, directive_id: Uuid) -> Result<Vec<ProgressEntry>> {
    progress_of(conn, directive_id)?
        .into_iter()
        .map(|p| {
            let reporter = p
                .reporter_id
                .map(|r| person::get(conn, r).map(|r| r.full_name))
                .transpose()?;
            let files =
                crate::attachment::list(conn, crate::attachment::OwnerKind::Progress, p.id)?
                    .into_iter()
                    .map(|a| FileRef {
                        id: a.id,
                        file_name: a.file_name,
                        kib: a.size.div_ceil(1024).min(u64::from(u32::MAX)) as u32,
                    })
                    .collect();
            Ok(ProgressEntry {
                progress: p,
                reporter,
                files,
            })
        })
        .collect()
}

/// One approved deadline extension. The original deadline stays on the directive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Extension {
    /// Record id.
    pub id: Uuid,
    /// The directive.
    pub directive_id: Uuid,
    /// Deadline before this extension.
    pub previous_deadline: NaiveDate,
    /// The new approved deadline.
    pub new_deadline: NaiveDate,
    /// Why.
    pub reason: String,
    /// The leader who approved.
    pub approver_id: Option<Uuid>,
    /// Date of approval.
    pub approved_on: NaiveDate,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Input to [`extend_deadline`].
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewExtension {
    /// The new deadline; must be later than the current one.
    pub new_deadline: NaiveDate,
    /// Why.
    pub reason: String,
    /// The approving leader.
    pub approver_id: Option<Uuid>,
    /// Date of approval.
    pub approved_on: NaiveDate,
}

/// Approves a later deadline (gia hạn). A directive with no deadline, or already done or
/// cancelled, cannot be extended.
pub fn extend_deadline(tx: &Tx<'_>, directive_id: Uuid, new: NewExtension) -> Result<Extension> {
    let d = directive::get(tx, directive_id)?;
    let Some(current) = d.deadline else {
        return Err(Error::invalid(Field::Deadline, Rule::Required));
    };
    if matches!(d.status, DirectiveStatus::Cancelled | DirectiveStatus::Done) {
        return Err(Error::invalid(
            Field::Status,
            Rule::Transition {
                from: crate::store::value::enum_name(&d.status),
                to: "extended".into(),
            },
        ));
    }
    if new.new_deadline <= current {
        return Err(Error::invalid(Field::Deadline, Rule::NotLater));
    }
    if new.reason.trim().is_empty() {
        return Err(Error::invalid(Field::Reason, Rule::Required));
    }
    if let Some(p) = new.approver_id {
        person::get(tx, p)?;
    }
    let id = new_id();
    let now = ts(tx.now());
    tx.prepare_cached(
        "INSERT INTO extension (id, directive_id, previous_deadline, new_deadline, reason, approver_id, approved_on, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
    )?
    .execute(params![
        id,
        directive_id,
        date(current),
        date(new.new_deadline),
        new.reason.trim(),
        new.approver_id,
        date(new.approved_on),
        now,
        tx.installation(),
    ])?;
    tx.execute(
        "UPDATE directive SET deadline = ?2, updated_at = ?3, origin = ?4 WHERE id = ?1",
        params![directive_id, date(new.new_deadline), now, tx.installation()],
    )?;
    tx.audit(
        "directive",
        directive_id,
        "extend",
        serde_json::json!({ "deadline": [current, new.new_deadline], "reason": new.reason.trim() }),
    )?;
    extensions_of(tx, directive_id)?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Directive, id))
}

/// A unit's request for a later deadline, as it arrived from the unit's machine.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExtensionRequest {
    /// Request id.
    pub id: Uuid,
    /// The directive.
    pub directive_id: Uuid,
    /// The deadline when it was asked.
    pub previous_deadline: NaiveDate,
    /// The deadline asked for.
    pub new_deadline: NaiveDate,
    /// Why.
    pub reason: String,
    /// The day the unit asked.
    pub requested_on: NaiveDate,
    /// The machine that sent it (its name as known here).
    pub from: String,
}

/// The requests for more time waiting for a decision: of one directive, or all.
pub fn requests_of(conn: &Connection, directive_id: Option<Uuid>) -> Result<Vec<ExtensionRequest>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.directive_id, r.previous_deadline, r.new_deadline, r.reason, r.requested_on,
                coalesce(p.name, '')
         FROM extension_request r LEFT JOIN peer p ON p.id = r.peer_id
         WHERE r.state = 'pending' AND (?1 IS NULL OR r.directive_id = ?1)
         ORDER BY r.requested_on, r.id",
    )?;
    let rows = stmt.query_map([directive_id], |r| {
        Ok(ExtensionRequest {
            id: get_uuid(r, 0)?,
            directive_id: get_uuid(r, 1)?,
            previous_deadline: get_date(r, 2)?,
            new_deadline: get_date(r, 3)?,
            reason: r.get(4)?,
            requested_on: get_date(r, 5)?,
            from: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Decides a unit's request: approved, it becomes an extension approved by `approver` on
/// `on` (every rule of [`extend_deadline`] holds); refused, it is closed. Either way it
/// leaves the list of requests.
pub fn decide_request(
    tx: &Tx<'_>,
    id: Uuid,
    approve: bool,
    approver_id: Option<Uuid>,
    on: NaiveDate,
) -> Result<()> {
    let request = requests_of(tx, None)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Directive, id))?;
    if approve {
        extend_deadline(
            tx,
            request.directive_id,
            NewExtension {
                new_deadline: request.new_deadline,
                reason: request.reason.clone(),
                approver_id,
                approved_on: on,
            },
        )?;
    }
    let state = if approve { "approved" } else { "refused" };
    tx.execute(
        "UPDATE extension_request SET state = ?2, decided_at = ?3 WHERE id = ?1",
        params![id, state, ts(tx.now())],
    )?;
    tx.audit(
        "directive",
        request.directive_id,
        if approve { "approve_request" } else { "refuse_request" },
        serde_json::json!({ "deadline": [request.previous_deadline, request.new_deadline], "reason": request.reason }),
    )
}

/// Extensions of a directive, oldest first.
pub fn extensions_of(conn: &Connection, directive_id: Uuid) -> Result<Vec<Extension>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, directive_id, previous_deadline, new_deadline, reason, approver_id, approved_on, created_at, updated_at, origin
         FROM extension WHERE directive_id = ?1 ORDER BY new_deadline",
    )?;
    let rows = stmt.query_map([directive_id], |r| {
        Ok(Extension {
            id: get_uuid(r, 0)?,
            directive_id: get_uuid(r, 1)?,
            previous_deadline: get_date(r, 2)?,
            new_deadline: get_date(r, 3)?,
            reason: r.get(4)?,
            approver_id: get_opt_uuid(r, 5)?,
            approved_on: get_date(r, 6)?,
            meta: Meta::from_row(r, 7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One directive as the follow-up screen shows it: where it came from, who leads and
/// coordinates, its deadlines and timeliness on a date, its progress reports, extensions and
/// the history of its status.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DirectiveDetail {
    /// Record id.
    pub id: Uuid,
    /// What must be done.
    pub content: String,
    /// Status.
    pub status: DirectiveStatus,
    /// Timeliness on `as_of` (none when cancelled).
    pub bucket: Option<crate::timeliness::Bucket>,
    /// Days past the deadline when open and overdue.
    pub days_overdue: Option<i32>,
    /// Lead unit's name.
    pub lead_unit: String,
    /// Coordinating units' names.
    pub coordinating_units: Vec<String>,
    /// The source: the meeting's title, or the document's number and date.
    pub source: String,
    /// The meeting it was given in.
    pub meeting_id: Option<Uuid>,
    /// The leader who gave it.
    pub directing_leader: Option<String>,
    /// Date given.
    pub assigned_on: NaiveDate,
    /// Latest approved deadline.
    pub deadline: Option<NaiveDate>,
    /// The deadline first given.
    pub original_deadline: Option<NaiveDate>,
    /// Date the unit reported it done.
    pub reported_done_on: Option<NaiveDate>,
    /// Date of completion (the reported date), once confirmed.
    pub completed_on: Option<NaiveDate>,
    /// Progress reports with their reporters and files, oldest first.
    pub progress: Vec<ProgressEntry>,
    /// Approved extensions, oldest first.
    pub extensions: Vec<Extension>,
    /// Units' requests for more time waiting for a decision, oldest first.
    pub requests: Vec<ExtensionRequest>,
    /// The later meetings that reviewed it (carry-forward), oldest first.
    pub carried: Vec<crate::carry::CarryEntry>,
    /// Its audit history, newest first.
    pub history: Vec<crate::audit::AuditRow>,
}

/// The directive `id` as of `as_of`, judged against its approved deadline.
pub fn detail(conn: &Connection, id: Uuid, as_of: NaiveDate) -> Result<DirectiveDetail> {
    use crate::timeliness::{self, DeadlineBasis};
    let d = directive::get(conn, id)?;
    let facts = d.facts();
    let mut coordinating_units = Vec::new();
    for u in &d.coordinating_unit_ids {
        coordinating_units.push(crate::unit::get(conn, *u)?.name);
    }
    let source = match (d.meeting_id, &d.document_number, d.document_date) {
        (Some(m), _, _) => crate::meeting::get(conn, m)?.title,
        (None, Some(n), Some(day)) => format!("{n} ngày {}", crate::date::format(day)),
        (None, Some(n), None) => n.clone(),
        (None, None, _) => String::new(),
    };
    Ok(DirectiveDetail {
        id,
        content: d.content.clone(),
        status: d.status,
        bucket: timeliness::bucket(&facts, DeadlineBasis::Approved, as_of),
        days_overdue: timeliness::days_overdue(&facts, DeadlineBasis::Approved, as_of),
        lead_unit: crate::unit::get(conn, d.lead_unit_id)?.name,
        coordinating_units,
        source,
        meeting_id: d.meeting_id,
        directing_leader: d
            .directing_leader_id
            .map(|p| crate::person::get(conn, p).map(|p| p.full_name))
            .transpose()?,
        assigned_on: d.assigned_on,
        deadline: d.deadline,
        original_deadline: d.original_deadline,
        reported_done_on: d.reported_done_on,
        completed_on: d.completed_on,
        progress: entries(conn, id)?,
        extensions: extensions_of(conn, id)?,
        requests: requests_of(conn, Some(id))?,
        carried: crate::carry::history(conn, id)?,
        history: crate::audit::list(
            conn,
            &crate::audit::AuditQuery {
                entity: Some("directive".into()),
                entity_id: Some(id),
                ..Default::default()
            },
        )?,
    })
}

/// What a desktop notification tells the user on a day: open directives falling due in
/// three days, due tomorrow, and those that became overdue today (deadline yesterday).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Alerts {
    /// Due in three days.
    pub due_in_3_days: u32,
    /// Due tomorrow.
    pub due_tomorrow: u32,
    /// Overdue since today.
    pub newly_overdue: u32,
}

impl Alerts {
    /// Nothing to tell.
    pub fn is_empty(&self) -> bool {
        *self == Alerts::default()
    }

    /// The notification's sentence.
    pub fn message(&self, lang: crate::Lang) -> String {
        let vi = lang == crate::Lang::Vi;
        let mut parts = Vec::new();
        if self.newly_overdue > 0 {
            parts.push(if vi {
                format!("{} nhiệm vụ vừa quá hạn", self.newly_overdue)
            } else {
                format!("{} directives became overdue", self.newly_overdue)
            });
        }
        if self.due_tomorrow > 0 {
            parts.push(if vi {
                format!("{} nhiệm vụ đến hạn ngày mai", self.due_tomorrow)
            } else {
                format!("{} due tomorrow", self.due_tomorrow)
            });
        }
        if self.due_in_3_days > 0 {
            parts.push(if vi {
                format!("{} nhiệm vụ đến hạn sau 3 ngày", self.due_in_3_days)
            } else {
                format!("{} due in 3 days", self.due_in_3_days)
            });
        }
        parts.join("; ")
    }
}

/// The alerts of `as_of` for directives of `units` (lead or coordinating; all units when
/// empty), judged against the approved deadline.
pub fn alerts(conn: &Connection, as_of: NaiveDate, units: &[Uuid]) -> Result<Alerts> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM directive d
         WHERE d.completed_on IS NULL AND d.status <> 'cancelled' AND d.deadline = ?1
           AND (?2 = '[]'
                OR d.lead_unit_id IN (SELECT unhex(replace(value, '-', '')) FROM json_each(?2))
                OR d.id IN (SELECT directive_id FROM directive_unit
                            WHERE unit_id IN (SELECT unhex(replace(value, '-', '')) FROM json_each(?2))))",
    )?;
    let followed = serde_json::to_string(units).unwrap_or_else(|_| "[]".into());
    let mut on = |day: NaiveDate| -> Result<u32> {
        Ok(stmt.query_row(params![date(day), followed], |r| r.get(0))?)
    };
    Ok(Alerts {
        due_in_3_days: on(as_of + chrono::Duration::days(3))?,
        due_tomorrow: on(as_of + chrono::Duration::days(1))?,
        newly_overdue: on(as_of - chrono::Duration::days(1))?,
    })
}
