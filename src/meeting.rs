//! Meetings (cuộc họp) and their recurring series (giao ban tháng…): header fields and
//! the draft → in progress → closed status flow. What is said in a meeting lives in
//! [`crate::minutes`].

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Entity, Error, Field, Result, Rule};
use crate::record::{Meta, Page, new_id};
use crate::store::Tx;
use crate::store::value::{enum_name, get_enum, get_opt_ts, get_opt_uuid, get_ts, get_uuid, ts};
use crate::{person, unit};

/// Kind of meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Giao ban tháng (monthly briefing).
    MonthlyBriefing,
    /// Hội nghị (conference, e.g. the annual task conference).
    Conference,
    /// Buổi làm việc (working session).
    WorkingSession,
    /// Giao ban trực tuyến (online briefing with districts).
    OnlineBriefing,
    /// Other.
    Other,
}

/// Where a meeting's record stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// Being prepared.
    Draft,
    /// Under way; minutes being typed.
    InProgress,
    /// Ended; minutes locked.
    Closed,
}

/// A meeting's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Meeting {
    /// Record id.
    pub id: Uuid,
    /// Series it belongs to.
    pub series_id: Option<Uuid>,
    /// Kind.
    pub kind: MeetingKind,
    /// Title, e.g. "Giao ban tháng 6/2026".
    pub title: String,
    /// Number within the series or year.
    pub number: Option<String>,
    /// Start (UTC).
    pub starts_at: DateTime<Utc>,
    /// End (UTC).
    pub ends_at: Option<DateTime<Utc>>,
    /// Place.
    pub location: Option<String>,
    /// Held online (several sites).
    pub online: bool,
    /// Chair (chủ trì).
    pub chair_id: Option<Uuid>,
    /// Secretary (thư ký).
    pub secretary_id: Option<Uuid>,
    /// Organising unit.
    pub organiser_unit_id: Option<Uuid>,
    /// Status.
    pub status: MeetingStatus,
    /// Minutes body (biên bản).
    pub minutes: String,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

impl Meeting {
    /// The meeting's date on the office clock; deadlines are read relative to it.
    pub fn local_date(&self) -> NaiveDate {
        crate::date::local_date(self.starts_at)
    }
}

/// Input to [`create`].
#[derive(Debug, Clone, Deserialize)]
pub struct NewMeeting {
    /// Series.
    pub series_id: Option<Uuid>,
    /// Kind.
    pub kind: MeetingKind,
    /// Title.
    pub title: String,
    /// Number.
    pub number: Option<String>,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: Option<DateTime<Utc>>,
    /// Place.
    pub location: Option<String>,
    /// Online.
    pub online: bool,
    /// Chair.
    pub chair_id: Option<Uuid>,
    /// Secretary.
    pub secretary_id: Option<Uuid>,
    /// Organising unit.
    pub organiser_unit_id: Option<Uuid>,
}

impl NewMeeting {
    /// A meeting with only a title and a start: kind "other", no series, place, people or
    /// end yet.
    pub fn new(title: impl Into<String>, starts_at: DateTime<Utc>) -> NewMeeting {
        NewMeeting {
            series_id: None,
            kind: MeetingKind::Other,
            title: title.into(),
            number: None,
            starts_at,
            ends_at: None,
            location: None,
            online: false,
            chair_id: None,
            secretary_id: None,
            organiser_unit_id: None,
        }
    }
}

const COLUMNS: &str = "id, series_id, kind, title, number, starts_at, ends_at, location, online,
    chair_id, secretary_id, organiser_unit_id, status, minutes, created_at, updated_at, origin";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: get_uuid(row, 0)?,
        series_id: get_opt_uuid(row, 1)?,
        kind: get_enum(row, 2)?,
        title: row.get(3)?,
        number: row.get(4)?,
        starts_at: get_ts(row, 5)?,
        ends_at: get_opt_ts(row, 6)?,
        location: row.get(7)?,
        online: row.get(8)?,
        chair_id: get_opt_uuid(row, 9)?,
        secretary_id: get_opt_uuid(row, 10)?,
        organiser_unit_id: get_opt_uuid(row, 11)?,
        status: get_enum(row, 12)?,
        minutes: row.get(13)?,
        meta: Meta::from_row(row, 14)?,
    })
}

/// Creates a meeting in draft.
pub fn create(tx: &Tx<'_>, new: NewMeeting) -> Result<Meeting> {
    let title = new.title.trim();
    check_header(
        tx,
        title,
        new.starts_at,
        new.ends_at,
        [new.chair_id, new.secretary_id],
    )?;
    if let Some(u) = new.organiser_unit_id {
        unit::get(tx, u)?;
    }
    if let Some(s) = new.series_id {
        get_series(tx, s)?;
    }
    let id = new_id();
    tx.prepare_cached(&format!(
        "INSERT INTO meeting ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'draft', '', ?13, ?13, ?14)"
    ))?
    .execute(params![
        id,
        new.series_id,
        enum_name(&new.kind),
        title,
        new.number,
        ts(new.starts_at),
        new.ends_at.map(ts),
        new.location,
        new.online,
        new.chair_id,
        new.secretary_id,
        new.organiser_unit_id,
        ts(tx.now()),
        tx.installation(),
    ])?;
    let m = get(tx, id)?;
    tx.audit(
        "meeting",
        id,
        "create",
        serde_json::to_value(&m).unwrap_or_default(),
    )?;
    Ok(m)
}

/// The longest title a meeting may have.
pub const TITLE_CHARS: u32 = 500;

/// Refuses an empty title or one over [`TITLE_CHARS`], an end not after the start, and people
/// not in the directory.
fn check_header(
    conn: &Connection,
    title: &str,
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    people: [Option<Uuid>; 2],
) -> Result<()> {
    if title.is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    if title.chars().count() > TITLE_CHARS as usize {
        return Err(Error::invalid(Field::Name, Rule::TooManyChars(TITLE_CHARS)));
    }
    if ends_at.is_some_and(|end| end <= starts_at) {
        return Err(Error::invalid(Field::EndsAt, Rule::EndNotAfterStart));
    }
    for p in people.into_iter().flatten() {
        person::get(conn, p)?;
    }
    Ok(())
}

/// The header fields a secretary fills in the Biên bản (Mẫu 1.9).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingHeader {
    /// Title.
    pub title: String,
    /// Number.
    pub number: Option<String>,
    /// Start.
    pub starts_at: DateTime<Utc>,
    /// End.
    pub ends_at: Option<DateTime<Utc>>,
    /// Place.
    pub location: Option<String>,
    /// Online.
    pub online: bool,
    /// Chair.
    pub chair_id: Option<Uuid>,
    /// Secretary.
    pub secretary_id: Option<Uuid>,
}

/// Replaces a meeting's header; refused once closed. The audit keeps the changed fields.
pub fn update(tx: &Tx<'_>, id: Uuid, h: MeetingHeader) -> Result<Meeting> {
    let old = get(tx, id)?;
    ensure_open(&old)?;
    let title = h.title.trim();
    check_header(
        tx,
        title,
        h.starts_at,
        h.ends_at,
        [h.chair_id, h.secretary_id],
    )?;
    // The chair and the secretary are present: someone marked absent cannot be named.
    let absent = |p: Option<Uuid>| -> Result<bool> {
        let Some(p) = p else { return Ok(false) };
        Ok(tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM attendee WHERE meeting_id = ?1 AND person_id = ?2
                            AND attendance IN ('absent', 'excused'))",
            params![id, p],
            |r| r.get(0),
        )?)
    };
    if absent(h.chair_id)? {
        return Err(Error::invalid(Field::Attendance, Rule::ChairAbsent));
    }
    if absent(h.secretary_id)? {
        return Err(Error::invalid(Field::Attendance, Rule::SecretaryAbsent));
    }
    let blank = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let (number, location) = (blank(&h.number), blank(&h.location));
    tx.execute(
        "UPDATE meeting SET title = ?2, number = ?3, starts_at = ?4, ends_at = ?5, location = ?6,
         online = ?7, chair_id = ?8, secretary_id = ?9, updated_at = ?10, origin = ?11 WHERE id = ?1",
        params![
            id,
            title,
            number,
            ts(h.starts_at),
            h.ends_at.map(ts),
            location,
            h.online,
            h.chair_id,
            h.secretary_id,
            ts(tx.now()),
            tx.installation(),
        ],
    )?;
    let new = get(tx, id)?;
    let mut changes = serde_json::Map::new();
    let before = serde_json::to_value(&old).unwrap_or_default();
    let after = serde_json::to_value(&new).unwrap_or_default();
    for key in [
        "title",
        "number",
        "starts_at",
        "ends_at",
        "location",
        "online",
        "chair_id",
        "secretary_id",
    ] {
        if before[key] != after[key] {
            changes.insert(key.into(), serde_json::json!([before[key], after[key]]));
        }
    }
    if !changes.is_empty() {
        tx.audit("meeting", id, "update", changes)?;
    }
    Ok(new)
}

/// One meeting by id.
pub fn get(conn: &Connection, id: Uuid) -> Result<Meeting> {
    conn.prepare_cached(&format!("SELECT {COLUMNS} FROM meeting WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Meeting, id))
}

/// The office-clock date a meeting is held on, without reading the rest of it (its minutes
/// may be a whole document long).
pub fn held_on(conn: &Connection, id: Uuid) -> Result<NaiveDate> {
    conn.prepare_cached("SELECT starts_at FROM meeting WHERE id = ?1")?
        .query_row([id], |r| get_ts(r, 0))
        .optional()?
        .map(crate::date::local_date)
        .ok_or_else(|| Error::not_found(Entity::Meeting, id))
}

/// Finds a meeting by its id or a unique leading part of it (at least 4 characters).
pub fn resolve(conn: &Connection, text: &str) -> Result<Meeting> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(id) = Uuid::parse_str(&t) {
        return get(conn, id);
    }
    let hex: String = t.chars().filter(|c| *c != '-').collect();
    if hex.len() < 4 || hex.len() > 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(Error::not_found(Entity::Meeting, text));
    }
    // The ids starting with the prefix lie between prefix+000… and prefix+fff….
    let bound = |fill: char| {
        let full: String = hex
            .chars()
            .chain(std::iter::repeat(fill))
            .take(32)
            .collect();
        Uuid::parse_str(&full).expect("32 hex digits")
    };
    let mut stmt =
        conn.prepare_cached("SELECT id FROM meeting WHERE id BETWEEN ?1 AND ?2 LIMIT 2")?;
    let ids: Vec<Uuid> = stmt
        .query_map([bound('0'), bound('f')], |r| get_uuid(r, 0))?
        .collect::<rusqlite::Result<_>>()?;
    match ids.as_slice() {
        [one] => get(conn, *one),
        [] => Err(Error::not_found(Entity::Meeting, text)),
        _ => Err(Error::invalid(
            Field::Name,
            Rule::Ambiguous {
                query: text.to_string(),
                candidates: ids.iter().map(Uuid::to_string).collect(),
            },
        )),
    }
}

/// Which meetings to list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingFilter {
    /// Held on or after this local date.
    pub from: Option<NaiveDate>,
    /// Held on or before this local date.
    pub to: Option<NaiveDate>,
    /// Only this kind.
    pub kind: Option<MeetingKind>,
    /// Words the title must contain, typed with or without diacritics.
    pub text: Option<String>,
    /// At most this many (newest first).
    pub limit: Option<u32>,
    /// Skipping this many first.
    #[serde(default)]
    pub offset: Option<u32>,
}

/// Which meetings match ?1–?4 (from, to, kind, words).
const MATCHING: &str = "FROM meeting
     WHERE (?1 IS NULL OR starts_at >= ?1) AND (?2 IS NULL OR starts_at < ?2)
       AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR gb_match(title, ?4))";

/// The filter's values for [`MATCHING`].
fn matching(f: &MeetingFilter) -> [Option<String>; 4] {
    // Local dates are UTC+7: a local day D spans [D-1 17:00Z, D 17:00Z).
    let bound = |d: NaiveDate| {
        let local = d.and_hms_opt(0, 0, 0).expect("midnight exists");
        ts(DateTime::<Utc>::from_naive_utc_and_offset(local, Utc) - chrono::Duration::hours(7))
    };
    let text = f.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    [
        f.from.map(bound),
        f.to.map(|d| bound(d + chrono::Duration::days(1))),
        f.kind.as_ref().map(enum_name),
        text.map(str::to_owned),
    ]
}

/// Meetings matching the filter, newest first.
pub fn list(conn: &Connection, f: &MeetingFilter) -> Result<Vec<Meeting>> {
    let [from, to, kind, text] = matching(f);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {MATCHING} ORDER BY starts_at DESC LIMIT ?5 OFFSET ?6"
    ))?;
    let rows = stmt.query_map(
        params![
            from,
            to,
            kind,
            text,
            f.limit.map_or(-1, i64::from),
            f.offset.unwrap_or(0)
        ],
        from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A page of the meetings matching the filter, newest first, and how many match in all.
pub fn page(conn: &Connection, f: &MeetingFilter) -> Result<Page<Meeting>> {
    let [from, to, kind, text] = matching(f);
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {MATCHING}"))?
        .query_row(params![from, to, kind, text], |r| r.get(0))?;
    Ok(Page {
        total,
        rows: list(conn, f)?,
    })
}

/// Moves a meeting along draft → in progress → closed; a closed meeting can be reopened
/// (back to in progress) and the audit history keeps the closed version.
pub fn set_status(tx: &Tx<'_>, id: Uuid, to: MeetingStatus) -> Result<Meeting> {
    use MeetingStatus as S;
    let old = get(tx, id)?;
    let allowed = matches!(
        (old.status, to),
        (S::Draft, S::InProgress)
            | (S::Draft | S::InProgress, S::Closed)
            | (S::Closed, S::InProgress)
    );
    if !allowed {
        return Err(Error::invalid(
            Field::Status,
            Rule::Transition {
                from: enum_name(&old.status),
                to: enum_name(&to),
            },
        ));
    }
    tx.execute(
        "UPDATE meeting SET status = ?2, updated_at = ?3, origin = ?4 WHERE id = ?1",
        params![id, enum_name(&to), ts(tx.now()), tx.installation()],
    )?;
    let snapshot = if to == S::Closed {
        serde_json::json!({ "status": [old.status, to], "closed_minutes": old.minutes })
    } else {
        serde_json::json!({ "status": [old.status, to] })
    };
    tx.audit("meeting", id, "status", snapshot)?;
    get(tx, id)
}

/// Replaces the minutes body; refused once the meeting is closed.
pub fn set_minutes(tx: &Tx<'_>, id: Uuid, minutes: &str) -> Result<()> {
    let old = get(tx, id)?;
    ensure_open(&old)?;
    if old.minutes == minutes {
        return Ok(());
    }
    tx.execute(
        "UPDATE meeting SET minutes = ?2, updated_at = ?3, origin = ?4 WHERE id = ?1",
        params![id, minutes, ts(tx.now()), tx.installation()],
    )?;
    // Typing saves every second: the history notes a burst of typing once (its length),
    // and keeps whole texts only where they matter, at closing and reopening.
    let last: Option<(Uuid, String, String)> = tx
        .query_row(
            "SELECT entity_id, action, at FROM audit ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((get_uuid(r, 0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let recent = last.is_some_and(|(entity, action, at)| {
        entity == id
            && action == "minutes"
            && DateTime::parse_from_rfc3339(&at)
                .is_ok_and(|at| tx.now() - at.with_timezone(&Utc) < chrono::Duration::minutes(5))
    });
    if recent {
        return Ok(());
    }
    let chars = |t: &str| t.chars().count();
    tx.audit(
        "meeting",
        id,
        "minutes",
        serde_json::json!({ "minutes_chars": [chars(&old.minutes), chars(minutes)] }),
    )
}

/// Fails when the meeting is closed (its minutes are locked).
pub(crate) fn ensure_open(m: &Meeting) -> Result<()> {
    if m.status == MeetingStatus::Closed {
        return Err(Error::invalid(Field::Status, Rule::Locked));
    }
    Ok(())
}

/// A recurring series of meetings with its usual chair and place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Series {
    /// Record id.
    pub id: Uuid,
    /// Name, e.g. "Giao ban tháng Sở".
    pub name: String,
    /// Kind of its meetings.
    pub kind: MeetingKind,
    /// Organising unit.
    pub organiser_unit_id: Option<Uuid>,
    /// Usual chair.
    pub chair_id: Option<Uuid>,
    /// Usual place.
    pub location: Option<String>,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Input to [`create_series`].
#[derive(Debug, Clone, Deserialize)]
pub struct NewSeries {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: MeetingKind,
    /// Organising unit.
    pub organiser_unit_id: Option<Uuid>,
    /// Usual chair.
    pub chair_id: Option<Uuid>,
    /// Usual place.
    pub location: Option<String>,
}

/// Creates a series.
pub fn create_series(tx: &Tx<'_>, new: NewSeries) -> Result<Series> {
    if new.name.trim().is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO series (id, name, kind, organiser_unit_id, chair_id, location, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![
            id,
            new.name.trim(),
            enum_name(&new.kind),
            new.organiser_unit_id,
            new.chair_id,
            new.location,
            ts(tx.now()),
            tx.installation(),
        ],
    )?;
    let s = get_series(tx, id)?;
    tx.audit(
        "series",
        id,
        "create",
        serde_json::to_value(&s).unwrap_or_default(),
    )?;
    Ok(s)
}

const SERIES_COLUMNS: &str =
    "id, name, kind, organiser_unit_id, chair_id, location, created_at, updated_at, origin";

fn series_from_row(r: &Row<'_>) -> rusqlite::Result<Series> {
    Ok(Series {
        id: get_uuid(r, 0)?,
        name: r.get(1)?,
        kind: get_enum(r, 2)?,
        organiser_unit_id: get_opt_uuid(r, 3)?,
        chair_id: get_opt_uuid(r, 4)?,
        location: r.get(5)?,
        meta: Meta::from_row(r, 6)?,
    })
}

/// One series by id.
pub fn get_series(conn: &Connection, id: Uuid) -> Result<Series> {
    conn.query_row(
        &format!("SELECT {SERIES_COLUMNS} FROM series WHERE id = ?1"),
        [id],
        series_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(Entity::Series, id))
}

/// All series by name.
pub fn list_series(conn: &Connection) -> Result<Vec<Series>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SERIES_COLUMNS} FROM series ORDER BY name COLLATE NOCASE"
    ))?;
    let rows = stmt.query_map([], series_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Setting that holds the meeting open in the editor on this machine.
const EDITING: &str = "editor.meeting";

/// Notes which meeting the editor shows (`None` when it is left), so that a restart after a
/// crash or a power cut reopens it. Machine-local state, not a change of data: not audited.
pub fn remember_open(tx: &Tx<'_>, id: Option<Uuid>) -> Result<()> {
    match id {
        Some(id) => tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![EDITING, id.to_string()],
        )?,
        None => tx.execute("DELETE FROM setting WHERE key = ?1", [EDITING])?,
    };
    Ok(())
}

/// The meeting the editor showed when the app stopped, if it is still under way.
pub fn resume(conn: &Connection) -> Result<Option<Meeting>> {
    let id: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [EDITING], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(id) = id.and_then(|t| Uuid::parse_str(&t).ok()) else {
        return Ok(None);
    };
    match get(conn, id) {
        Ok(m) if m.status == MeetingStatus::InProgress => Ok(Some(m)),
        Ok(_) | Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}
