//! What a meeting's record holds besides its header: attendees and their attendance,
//! agenda items, opinions of the participants, and the chair's numbered conclusions.

use rusqlite::{Connection, OptionalExtension, ToSql, params};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::directive::{DirectiveQuery, DirectiveRow};
use crate::draft::{self, Draft, Slot};
use crate::error::{Entity, Error, Field, Result, Rule};
use crate::meeting::{self, Meeting, MeetingStatus};
use crate::record::new_id;
use crate::store::Tx;
use crate::store::value::{enum_name, get_enum, get_opt_uuid, get_uuid, ts};

/// Role of an attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AttendeeRole {
    /// Chủ trì / chủ tọa.
    Chair,
    /// Thư ký.
    Secretary,
    /// Thành viên.
    Member,
    /// Khách mời.
    Invited,
    /// Báo cáo viên (presents a report).
    Reporter,
}

/// Attendance of an attendee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    /// Có mặt.
    Present,
    /// Vắng có lý do.
    Excused,
    /// Vắng.
    Absent,
    /// Đến muộn.
    Late,
    /// Dự trực tuyến.
    Online,
}

/// Who an attendee is: a person, a unit as a whole, or a named guest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Who {
    /// A person in the directory.
    Person {
        /// Person id.
        id: Uuid,
    },
    /// A unit (represented by someone).
    Unit {
        /// Unit id.
        id: Uuid,
    },
    /// A guest not in the directory.
    Guest {
        /// Name and title as written.
        name: String,
    },
}

/// One line of the attendance list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Attendee {
    /// Record id.
    pub id: Uuid,
    /// Position in the list.
    pub position: i32,
    /// Person id.
    pub person_id: Option<Uuid>,
    /// Unit id.
    pub unit_id: Option<Uuid>,
    /// Guest name.
    pub guest_name: Option<String>,
    /// Display name (person, unit or guest).
    pub name: String,
    /// Role.
    pub role: AttendeeRole,
    /// Attendance.
    pub attendance: Attendance,
    /// Note (reason for absence, online site…).
    pub note: Option<String>,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgendaItem {
    /// Record id.
    pub id: Uuid,
    /// Position.
    pub position: i32,
    /// Title.
    pub title: String,
    /// Presenter.
    pub presenter_id: Option<Uuid>,
    /// Presenting unit.
    pub unit_id: Option<Uuid>,
}

/// An opinion voiced in the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Opinion {
    /// Record id.
    pub id: Uuid,
    /// Position.
    pub position: i32,
    /// Speaker from the directory.
    pub speaker_id: Option<Uuid>,
    /// Speaker as written when not in the directory.
    pub speaker_name: Option<String>,
    /// Who spoke, as the minutes name them: the directory's name, else as written.
    pub speaker: Option<String>,
    /// Speaker's unit.
    pub unit_id: Option<Uuid>,
    /// What was said.
    pub content: String,
}

/// One numbered conclusion item of the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conclusion {
    /// Record id.
    pub id: Uuid,
    /// The meeting.
    pub meeting_id: Uuid,
    /// Position (1-based number).
    pub position: i32,
    /// Text.
    pub content: String,
}

/// Kinds of item appended to a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum NewItem {
    /// An attendee.
    Attendee {
        /// Who.
        who: Who,
        /// Role.
        role: AttendeeRole,
        /// Attendance.
        attendance: Attendance,
        /// Note.
        note: Option<String>,
    },
    /// An agenda item.
    Agenda {
        /// Title.
        title: String,
        /// Presenter.
        presenter_id: Option<Uuid>,
        /// Unit.
        unit_id: Option<Uuid>,
    },
    /// An opinion.
    Opinion {
        /// Speaker in the directory.
        speaker_id: Option<Uuid>,
        /// Speaker as written.
        speaker_name: Option<String>,
        /// Unit.
        unit_id: Option<Uuid>,
        /// Content.
        content: String,
    },
    /// A conclusion item.
    Conclusion {
        /// Content.
        content: String,
    },
}

/// Appends an item at the end of its list; refused on a closed meeting. Returns its id.
pub fn add(tx: &Tx<'_>, meeting_id: Uuid, item: NewItem) -> Result<Uuid> {
    let m = meeting::get(tx, meeting_id)?;
    meeting::ensure_open(&m)?;
    let id = new_id();
    let mid = meeting_id;
    let now = ts(tx.now());
    let origin = tx.installation();
    let next = |table: &str| -> Result<i64> {
        Ok(tx.query_row(
            &format!("SELECT coalesce(max(position), 0) + 1 FROM {table} WHERE meeting_id = ?1"),
            [&mid],
            |r| r.get(0),
        )?)
    };
    let (entity, details) = match &item {
        NewItem::Attendee {
            who,
            role,
            attendance,
            note,
        } => {
            let (person, unit, guest) = match who {
                Who::Person { id } => {
                    must_attend(&m, *id, *attendance)?;
                    (Some(crate::person::get(tx, *id)?.id), None, None)
                }
                Who::Unit { id } => (None, Some(crate::unit::get(tx, *id)?.id), None),
                Who::Guest { name } if !name.trim().is_empty() => (None, None, Some(name.trim())),
                Who::Guest { .. } => return Err(Error::invalid(Field::Name, Rule::Required)),
            };
            tx.prepare_cached(
                "INSERT INTO attendee (id, meeting_id, position, person_id, unit_id, guest_name, role, attendance, note, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
            )?
            .execute(params![
                id, mid, next("attendee")?, person,
                unit, guest, enum_name(role), enum_name(attendance),
                note, now, origin
            ])?;
            (
                "attendee",
                serde_json::json!({ "who": who, "role": role, "attendance": attendance }),
            )
        }
        NewItem::Agenda {
            title,
            presenter_id,
            unit_id,
        } => {
            require(title)?;
            tx.prepare_cached(
                "INSERT INTO agenda_item (id, meeting_id, position, title, presenter_id, unit_id, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
            )?
            .execute(params![
                id, mid, next("agenda_item")?, title.trim(),
                presenter_id, unit_id, now, origin
            ])?;
            ("agenda_item", serde_json::json!({ "title": title.trim() }))
        }
        NewItem::Opinion {
            speaker_id,
            speaker_name,
            unit_id,
            content,
        } => {
            require(content)?;
            tx.prepare_cached(
                "INSERT INTO opinion (id, meeting_id, position, speaker_id, speaker_name, unit_id, content, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
            )?
            .execute(params![
                id, mid, next("opinion")?, speaker_id,
                speaker_name, unit_id, content.trim(), now, origin
            ])?;
            ("opinion", serde_json::json!({ "content": content.trim() }))
        }
        NewItem::Conclusion { content } => {
            require(content)?;
            tx.prepare_cached(
                "INSERT INTO conclusion (id, meeting_id, position, content, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
            )?
            .execute(params![id, mid, next("conclusion")?, content.trim(), now, origin])?;
            (
                "conclusion",
                serde_json::json!({ "content": content.trim() }),
            )
        }
    };
    let slot = match &item {
        NewItem::Attendee { .. } => Slot::Attendee,
        NewItem::Agenda { .. } => Slot::Agenda,
        NewItem::Opinion { .. } => Slot::Opinion,
        NewItem::Conclusion { .. } => Slot::Conclusion,
    };
    draft::added(tx, meeting_id, slot)?;
    tx.audit(
        "meeting",
        meeting_id,
        &format!("add_{entity}"),
        serde_json::json!({ "id": id, "item": details }),
    )?;
    Ok(id)
}

/// A change to an item already in a meeting's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemEdit {
    /// An attendee's attendance and note (e.g. the reason for an excuse).
    Attendance {
        /// Attendee id.
        id: Uuid,
        /// Attendance.
        attendance: Attendance,
        /// Note.
        note: Option<String>,
    },
    /// An agenda item's title.
    Agenda {
        /// Agenda item id.
        id: Uuid,
        /// Title.
        title: String,
    },
    /// An opinion's speaker and content.
    Opinion {
        /// Opinion id.
        id: Uuid,
        /// Speaker in the directory.
        speaker_id: Option<Uuid>,
        /// Speaker as written.
        speaker_name: Option<String>,
        /// Content.
        content: String,
    },
    /// A conclusion item's content.
    Conclusion {
        /// Conclusion id.
        id: Uuid,
        /// Content.
        content: String,
    },
    /// Removes an item; a conclusion with directives given from it stays.
    Remove {
        /// Which list.
        list: ItemList,
        /// Item id.
        id: Uuid,
    },
}

/// The lists of a meeting's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ItemList {
    /// Attendees.
    Attendee,
    /// Agenda.
    Agenda,
    /// Opinions.
    Opinion,
    /// Conclusions.
    Conclusion,
}

impl ItemList {
    fn table(self) -> &'static str {
        match self {
            ItemList::Attendee => "attendee",
            ItemList::Agenda => "agenda_item",
            ItemList::Opinion => "opinion",
            ItemList::Conclusion => "conclusion",
        }
    }

    /// The column the history quotes when an item changes.
    fn text_column(self) -> &'static str {
        match self {
            ItemList::Attendee => "attendance || coalesce(': ' || note, '')",
            ItemList::Agenda => "title",
            ItemList::Opinion | ItemList::Conclusion => "content",
        }
    }
}

/// Applies one edit to an item of an open meeting's record; the audit keeps old and new.
pub fn edit(tx: &Tx<'_>, meeting_id: Uuid, edit: ItemEdit) -> Result<()> {
    let m = meeting::get(tx, meeting_id)?;
    meeting::ensure_open(&m)?;
    let (list, id, set, values): (ItemList, Uuid, &str, Vec<Box<dyn ToSql>>) = match &edit {
        ItemEdit::Attendance {
            id,
            attendance,
            note,
        } => {
            let person: Option<Option<Uuid>> = tx
                .query_row(
                    "SELECT person_id FROM attendee WHERE id = ?1 AND meeting_id = ?2",
                    params![id, meeting_id],
                    |r| get_opt_uuid(r, 0),
                )
                .optional()?;
            if let Some(Some(p)) = person {
                must_attend(&m, p, *attendance)?;
            }
            (
                ItemList::Attendee,
                *id,
                "attendance = ?3, note = ?4",
                vec![
                    Box::new(enum_name(attendance)),
                    Box::new(trimmed(note.as_deref())),
                ],
            )
        }
        ItemEdit::Agenda { id, title } => {
            require(title)?;
            (
                ItemList::Agenda,
                *id,
                "title = ?3",
                vec![Box::new(title.trim().to_string())],
            )
        }
        ItemEdit::Opinion {
            id,
            speaker_id,
            speaker_name,
            content,
        } => {
            require(content)?;
            if let Some(p) = speaker_id {
                crate::person::get(tx, *p)?;
            }
            (
                ItemList::Opinion,
                *id,
                "speaker_id = ?3, speaker_name = ?4, content = ?5",
                vec![
                    Box::new(*speaker_id),
                    Box::new(trimmed(speaker_name.as_deref())),
                    Box::new(content.trim().to_string()),
                ],
            )
        }
        ItemEdit::Conclusion { id, content } => {
            require(content)?;
            (
                ItemList::Conclusion,
                *id,
                "content = ?3",
                vec![Box::new(content.trim().to_string())],
            )
        }
        ItemEdit::Remove { list, id } => (*list, *id, "", vec![]),
    };
    let table = list.table();
    let before: Option<Option<String>> = tx
        .query_row(
            &format!(
                "SELECT {} FROM {table} WHERE id = ?1 AND meeting_id = ?2",
                list.text_column()
            ),
            params![id, meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(before) = before else {
        return Err(Error::not_found(Entity::Meeting, id));
    };
    let before = serde_json::json!({ "id": id, "before": before });
    if set.is_empty() {
        if list == ItemList::Conclusion {
            let used: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM directive WHERE conclusion_id = ?1)",
                [id],
                |r| r.get(0),
            )?;
            if used {
                return Err(Error::invalid(Field::Content, Rule::InUse));
            }
        }
        tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        return tx.audit("meeting", meeting_id, &format!("remove_{table}"), before);
    }
    let mut args: Vec<Box<dyn ToSql>> = vec![Box::new(id), Box::new(ts(tx.now()))];
    args.extend(values);
    let n = args.len();
    args.push(Box::new(tx.installation()));
    tx.execute(
        &format!(
            "UPDATE {table} SET {set}, updated_at = ?2, origin = ?{} WHERE id = ?1",
            n + 1
        ),
        rusqlite::params_from_iter(args.iter()),
    )?;
    tx.audit(
        "meeting",
        meeting_id,
        &format!("edit_{table}"),
        serde_json::json!({ "before": before, "after": edit }),
    )
}

/// Refuses to mark the meeting's chair or secretary absent: the header names who replaced
/// them first.
fn must_attend(m: &Meeting, person: Uuid, attendance: Attendance) -> Result<()> {
    if !matches!(attendance, Attendance::Absent | Attendance::Excused) {
        return Ok(());
    }
    if m.chair_id == Some(person) {
        return Err(Error::invalid(Field::Attendance, Rule::ChairAbsent));
    }
    if m.secretary_id == Some(person) {
        return Err(Error::invalid(Field::Attendance, Rule::SecretaryAbsent));
    }
    Ok(())
}

/// Moves a meeting along its statuses ([`meeting::set_status`]); closing it first takes in
/// the lines still typed in the editor's boxes ([`draft`]), so the locked minutes hold
/// everything the secretary typed.
pub fn set_status(tx: &Tx<'_>, id: Uuid, to: MeetingStatus) -> Result<Meeting> {
    if to == MeetingStatus::Closed && meeting::get(tx, id)?.status != MeetingStatus::Closed {
        take_in(tx, id, draft::take(tx, id)?)?;
    }
    meeting::set_status(tx, id, to)
}

/// Adds a draft's lines to the meeting: an attendee typed without a choice is the person of
/// that exact name (diacritics, case and spacing aside) when exactly one is in the
/// directory, otherwise a guest as typed.
fn take_in(tx: &Tx<'_>, id: Uuid, d: Draft) -> Result<()> {
    let attendee = d.attendee.trim();
    if !attendee.is_empty() {
        let key = |t: &str| crate::text::plain(t);
        let typed = key(attendee);
        let same: Vec<Uuid> = crate::person::list(tx, None, false)?
            .into_iter()
            .filter(|p| key(&p.full_name) == typed)
            .map(|p| p.id)
            .collect();
        let who = match same.as_slice() {
            [one] => Who::Person { id: *one },
            _ => Who::Guest {
                name: attendee.to_string(),
            },
        };
        let item = NewItem::Attendee {
            who,
            role: AttendeeRole::Member,
            attendance: Attendance::Present,
            note: None,
        };
        add(tx, id, item)?;
    }
    if !d.agenda.trim().is_empty() {
        let item = NewItem::Agenda {
            title: d.agenda,
            presenter_id: None,
            unit_id: None,
        };
        add(tx, id, item)?;
    }
    if !d.opinion.trim().is_empty() {
        let speaker_name = (d.speaker_id.is_none() && !d.speaker_name.trim().is_empty())
            .then(|| d.speaker_name.trim().to_string());
        let item = NewItem::Opinion {
            speaker_id: d.speaker_id,
            speaker_name,
            unit_id: None,
            content: d.opinion,
        };
        add(tx, id, item)?;
    }
    if !d.conclusion.trim().is_empty() {
        add(
            tx,
            id,
            NewItem::Conclusion {
                content: d.conclusion,
            },
        )?;
    }
    Ok(())
}

fn trimmed(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn require(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::invalid(Field::Content, Rule::Required));
    }
    Ok(())
}

/// One conclusion item by id.
pub fn get_conclusion(conn: &Connection, id: Uuid) -> Result<Conclusion> {
    conn.prepare_cached("SELECT id, meeting_id, position, content FROM conclusion WHERE id = ?1")?
        .query_row([id], |r| {
            Ok(Conclusion {
                id: get_uuid(r, 0)?,
                meeting_id: get_uuid(r, 1)?,
                position: r.get(2)?,
                content: r.get(3)?,
            })
        })
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::Conclusion, id))
}

/// A meeting with everything recorded in it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MeetingRecord {
    /// Header.
    #[serde(flatten)]
    pub meeting: Meeting,
    /// Chair's name.
    pub chair: Option<String>,
    /// Secretary's name.
    pub secretary: Option<String>,
    /// Attendance list.
    pub attendees: Vec<Attendee>,
    /// Agenda.
    pub agenda: Vec<AgendaItem>,
    /// Opinions.
    pub opinions: Vec<Opinion>,
    /// Conclusions.
    pub conclusions: Vec<Conclusion>,
    /// Directives given in the meeting, judged today.
    pub directives: Vec<DirectiveRow>,
    /// Lines typed in the editor and not yet added.
    pub draft: Draft,
}

/// A meeting's conclusions in order.
pub fn conclusions(conn: &Connection, meeting_id: Uuid) -> Result<Vec<Conclusion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, meeting_id, position, content FROM conclusion WHERE meeting_id = ?1 ORDER BY position",
    )?;
    let rows = stmt
        .query_map([&meeting_id], |r| {
            Ok(Conclusion {
                id: get_uuid(r, 0)?,
                meeting_id: get_uuid(r, 1)?,
                position: r.get(2)?,
                content: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Loads a meeting with its attendees, agenda, opinions, conclusions and directives.
pub fn record(conn: &Connection, id: Uuid, as_of: chrono::NaiveDate) -> Result<MeetingRecord> {
    let meeting = meeting::get(conn, id)?;
    let mid = id;
    let name_of = |p: Option<Uuid>| -> Result<Option<String>> {
        p.map(|p| crate::person::get(conn, p).map(|p| p.full_name))
            .transpose()
    };
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.position, a.person_id, a.unit_id, a.guest_name,
                coalesce(p.full_name, u.name, a.guest_name), a.role, a.attendance, a.note
         FROM attendee a LEFT JOIN person p ON p.id = a.person_id LEFT JOIN unit u ON u.id = a.unit_id
         WHERE a.meeting_id = ?1 ORDER BY a.position",
    )?;
    let attendees = stmt
        .query_map([&mid], |r| {
            Ok(Attendee {
                id: get_uuid(r, 0)?,
                position: r.get(1)?,
                person_id: get_opt_uuid(r, 2)?,
                unit_id: get_opt_uuid(r, 3)?,
                guest_name: r.get(4)?,
                name: r.get(5)?,
                role: get_enum(r, 6)?,
                attendance: get_enum(r, 7)?,
                note: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, title, presenter_id, unit_id FROM agenda_item WHERE meeting_id = ?1 ORDER BY position",
    )?;
    let agenda = stmt
        .query_map([&mid], |r| {
            Ok(AgendaItem {
                id: get_uuid(r, 0)?,
                position: r.get(1)?,
                title: r.get(2)?,
                presenter_id: get_opt_uuid(r, 3)?,
                unit_id: get_opt_uuid(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.position, o.speaker_id, o.speaker_name, o.unit_id, o.content, coalesce(p.full_name, o.speaker_name)
         FROM opinion o LEFT JOIN person p ON p.id = o.speaker_id WHERE o.meeting_id = ?1 ORDER BY o.position",
    )?;
    let opinions = stmt
        .query_map([&mid], |r| {
            Ok(Opinion {
                id: get_uuid(r, 0)?,
                position: r.get(1)?,
                speaker_id: get_opt_uuid(r, 2)?,
                speaker_name: r.get(3)?,
                unit_id: get_opt_uuid(r, 4)?,
                content: r.get(5)?,
                speaker: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let conclusions = conclusions(conn, mid)?;
    let directives = crate::directive::list(
        conn,
        &DirectiveQuery {
            meeting: Some(id),
            carried_into: None,
            ..DirectiveQuery::as_of(as_of.max(meeting.local_date()))
        },
    )?
    .rows;
    Ok(MeetingRecord {
        chair: name_of(meeting.chair_id)?,
        secretary: name_of(meeting.secretary_id)?,
        meeting,
        attendees,
        agenda,
        opinions,
        conclusions,
        directives,
        draft: draft::get(conn, id)?,
    })
}
