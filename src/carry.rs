//! From one meeting of a series to the next: starting a meeting from its series (the
//! previous meeting's attendees and agenda) and reviewing the open directives given at
//! earlier meetings of the series, each marked reported, continued (tiếp tục thực hiện,
//! counted) or closed.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::directive::{self, DirectiveQuery, DirectiveRow, DirectiveStatus, StatusChange};
use crate::error::{Error, Field, Result, Rule};
use crate::meeting::{self, Meeting, NewMeeting};
use crate::minutes::{self, Attendance, NewItem, Who};
use crate::store::Tx;
use crate::store::value::{enum_name, get_enum, get_uuid, ts};

/// What a meeting decides about a directive carried from the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The unit reported it done (chờ xác nhận): the leader confirms it later.
    Reported,
    /// Tiếp tục thực hiện: the same directive goes on to the next meeting.
    Continued,
    /// Closed as done on the meeting's date (the leader's confirmation).
    Closed,
}

/// A directive under review at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Carried {
    /// The directive, judged on the meeting's date.
    pub directive: DirectiveRow,
    /// How many meetings have continued it so far (this one included).
    pub times_continued: u32,
    /// This meeting's decision, if made.
    pub decision: Option<Decision>,
}

/// The directives a meeting reviews, with their decisions, judged on the meeting's date.
pub fn review(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Carried>> {
    let m = meeting::get(conn, meeting_id)?;
    let query = DirectiveQuery {
        carried_into: Some(meeting_id),
        ..DirectiveQuery::as_of(m.local_date())
    };
    let rows = directive::list(conn, &query)?.rows;
    let mut decided = conn.prepare_cached(
        "SELECT (SELECT decision FROM carry WHERE meeting_id = ?1 AND directive_id = ?2),
                (SELECT count(*) FROM carry WHERE directive_id = ?2 AND decision = 'continued')",
    )?;
    rows.into_iter()
        .map(|directive| {
            let (decision, times_continued) =
                decided.query_row(params![meeting_id, directive.id], |r| {
                    let d: Option<String> = r.get(0)?;
                    Ok((d.map(|_| get_enum(r, 0)).transpose()?, r.get(1)?))
                })?;
            Ok(Carried {
                directive,
                times_continued,
                decision,
            })
        })
        .collect()
}

/// Records a meeting's decision about a carried directive. Closing confirms it done on
/// the meeting's date; a closed directive is reopened from its own page, not here.
pub fn decide(tx: &Tx<'_>, meeting_id: Uuid, directive_id: Uuid, decision: Decision) -> Result<()> {
    let m = meeting::get(tx, meeting_id)?;
    meeting::ensure_open(&m)?;
    let under_review = review(tx, meeting_id)?;
    let Some(item) = under_review.iter().find(|c| c.directive.id == directive_id) else {
        return Err(Error::invalid(Field::Source, Rule::OutOfRange));
    };
    if item.decision == Some(decision) {
        return Ok(());
    }
    if item.decision == Some(Decision::Closed) {
        return Err(Error::invalid(
            Field::Status,
            Rule::Transition {
                from: enum_name(&DirectiveStatus::Done),
                to: enum_name(&decision),
            },
        ));
    }
    let mut awaiting = item.directive.status == DirectiveStatus::AwaitingConfirmation;
    if decision == Decision::Continued && item.decision == Some(Decision::Reported) && awaiting {
        // The report is withdrawn: the work goes on.
        directive::change_status(tx, directive_id, StatusChange::Return, &m.title)?;
        awaiting = false;
    }
    if decision != Decision::Continued && !awaiting {
        let on = m.local_date();
        directive::change_status(tx, directive_id, StatusChange::ReportDone { on }, &m.title)?;
    }
    if decision == Decision::Closed {
        directive::change_status(tx, directive_id, StatusChange::Confirm, &m.title)?;
    }
    tx.prepare_cached(
        "INSERT INTO carry (meeting_id, directive_id, decision, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?4, ?5)
         ON CONFLICT (meeting_id, directive_id) DO UPDATE
         SET decision = excluded.decision, updated_at = excluded.updated_at, origin = excluded.origin",
    )?
    .execute(params![
        meeting_id,
        directive_id,
        enum_name(&decision),
        ts(tx.now()),
        tx.installation()
    ])?;
    tx.audit(
        "directive",
        directive_id,
        "carry",
        serde_json::json!({ "meeting": meeting_id, "decision": [item.decision, decision] }),
    )
}

/// How a new meeting starts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Template {
    /// From a series: its usual chair and place, and the attendees and agenda of its
    /// latest meeting.
    Series {
        /// The series.
        id: Uuid,
    },
    /// A copy of a meeting's header, attendees and agenda, in the same series.
    Copy {
        /// The meeting copied.
        id: Uuid,
    },
    /// Nothing but the kind.
    Blank {
        /// Kind.
        kind: meeting::MeetingKind,
    },
}

/// Starts a meeting (in progress) from a template, with its title and start time. Everyone
/// copied is marked present; the secretary then corrects the attendance.
pub fn start(
    tx: &Tx<'_>,
    template: Template,
    title: &str,
    starts_at: DateTime<Utc>,
) -> Result<Meeting> {
    let source = match template {
        Template::Series { id } => {
            meeting::get_series(tx, id)?;
            latest_of_series(tx, id)?
        }
        Template::Copy { id } => Some(meeting::get(tx, id)?),
        Template::Blank { .. } => None,
    };
    let mut new = NewMeeting::new(title, starts_at);
    match (&template, &source) {
        (_, Some(s)) => {
            new.series_id = s.series_id;
            new.kind = s.kind;
            new.location = s.location.clone();
            new.online = s.online;
            new.chair_id = s.chair_id;
            new.secretary_id = s.secretary_id;
            new.organiser_unit_id = s.organiser_unit_id;
        }
        (Template::Series { id }, None) => {
            let s = meeting::get_series(tx, *id)?;
            new.series_id = Some(s.id);
            new.kind = s.kind;
            new.location = s.location;
            new.chair_id = s.chair_id;
            new.organiser_unit_id = s.organiser_unit_id;
        }
        (Template::Blank { kind }, None) => new.kind = *kind,
        (Template::Copy { .. }, None) => unreachable!("a copy always has its source"),
    }
    let m = meeting::create(tx, new)?;
    if let Some(s) = source {
        let record = minutes::record(tx, s.id, m.local_date())?;
        for a in record.attendees {
            let who = match (a.person_id, a.unit_id, a.guest_name) {
                (Some(id), _, _) => Who::Person { id },
                (None, Some(id), _) => Who::Unit { id },
                (None, None, name) => Who::Guest {
                    name: name.unwrap_or_default(),
                },
            };
            let item = NewItem::Attendee {
                who,
                role: a.role,
                attendance: Attendance::Present,
                note: None,
            };
            minutes::add(tx, m.id, item)?;
        }
        for a in record.agenda {
            let item = NewItem::Agenda {
                title: a.title,
                presenter_id: a.presenter_id,
                unit_id: a.unit_id,
            };
            minutes::add(tx, m.id, item)?;
        }
    }
    meeting::set_status(tx, m.id, meeting::MeetingStatus::InProgress)
}

fn latest_of_series(conn: &Connection, series: Uuid) -> Result<Option<Meeting>> {
    let id: Option<Uuid> = conn
        .prepare_cached(
            "SELECT id FROM meeting WHERE series_id = ?1 ORDER BY starts_at DESC LIMIT 1",
        )?
        .query_row([series], |r| get_uuid(r, 0))
        .optional()?;
    id.map(|id| meeting::get(conn, id)).transpose()
}

/// One meeting's decision about a carried directive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CarryEntry {
    /// The meeting.
    pub meeting_id: Uuid,
    /// Its title.
    pub meeting: String,
    /// Its date.
    pub date: chrono::NaiveDate,
    /// What it decided.
    pub decision: Decision,
}

/// The meetings that reviewed a directive after it was given, oldest first.
pub fn history(conn: &Connection, directive_id: Uuid) -> Result<Vec<CarryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.id, c.decision FROM carry c JOIN meeting m ON m.id = c.meeting_id
         WHERE c.directive_id = ?1 ORDER BY m.starts_at",
    )?;
    let rows: Vec<(Uuid, Decision)> = stmt
        .query_map([directive_id], |r| Ok((get_uuid(r, 0)?, get_enum(r, 1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, decision)| {
            let m = meeting::get(conn, id)?;
            Ok(CarryEntry {
                meeting_id: id,
                date: m.local_date(),
                meeting: m.title,
                decision,
            })
        })
        .collect()
}
