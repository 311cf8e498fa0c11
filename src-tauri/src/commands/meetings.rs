//! Meetings.

use chrono::{DateTime, Utc};
use giaoban::carry::{self, Carried, Decision, Template};
use giaoban::deadline::Deadline;
use giaoban::draft::{self, Draft};
use giaoban::meeting::{self, Meeting, MeetingFilter, MeetingHeader, MeetingStatus, Series};
use giaoban::minutes::{self, ItemEdit, MeetingRecord, NewItem};
use giaoban::proposal::{self, Accepted, Proposed};
use giaoban::record::Page;
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// A page of the meetings matching the filter, newest first, and how many match.
#[tauri::command]
#[specta::specta]
pub async fn list_meetings(
    db: DbState<'_>,
    filter: MeetingFilter,
) -> Result<Page<Meeting>, IpcError> {
    db.read(move |s| meeting::page(s.conn(), &filter)).await
}

/// One meeting with everything recorded in it.
#[tauri::command]
#[specta::specta]
pub async fn get_meeting(db: DbState<'_>, id: Uuid) -> Result<MeetingRecord, IpcError> {
    db.read(move |s| minutes::record(s.conn(), id, giaoban::date::today()))
        .await
}

/// Directives proposed from a meeting's conclusions, or from `text` when given.
#[tauri::command]
#[specta::specta]
pub async fn propose_directives(
    db: DbState<'_>,
    meeting_id: Uuid,
    text: Option<String>,
) -> Result<Vec<Proposed>, IpcError> {
    db.read(move |s| proposal::propose(s.conn(), meeting_id, text.as_deref()))
        .await
}

/// Creates the accepted directives together; returns the meeting as it now stands.
#[tauri::command]
#[specta::specta]
pub async fn accept_directives(
    db: DbState<'_>,
    meeting_id: Uuid,
    items: Vec<Accepted>,
) -> Result<MeetingRecord, IpcError> {
    db.write(move |tx| {
        proposal::accept(tx, meeting_id, items)?;
        minutes::record(tx, meeting_id, giaoban::date::today())
    })
    .await
}

/// A deadline phrase (`30/6`, `quý III`, `cuối năm`, `trong 5 ngày làm việc`) read against
/// the meeting's date and the office's working days; `None` when it is not understood.
#[tauri::command]
#[specta::specta]
pub async fn read_deadline(
    db: DbState<'_>,
    meeting_id: Uuid,
    phrase: String,
) -> Result<Option<Deadline>, IpcError> {
    db.read(move |s| proposal::read_deadline(s.conn(), meeting_id, &phrase))
        .await
}

/// The series a new meeting can start from.
#[tauri::command]
#[specta::specta]
pub async fn list_series(db: DbState<'_>) -> Result<Vec<Series>, IpcError> {
    db.read(move |s| meeting::list_series(s.conn())).await
}

/// Starts a meeting from a series, a copy of another meeting, or blank; it opens in
/// progress with the attendees and agenda copied.
#[tauri::command]
#[specta::specta]
pub async fn start_meeting(
    db: DbState<'_>,
    template: Template,
    title: String,
    starts_at: DateTime<Utc>,
) -> Result<MeetingRecord, IpcError> {
    db.write(move |tx| {
        let m = carry::start(tx, template, &title, starts_at)?;
        minutes::record(tx, m.id, giaoban::date::today())
    })
    .await
}

/// The meeting the editor showed when the app stopped, reopened after a crash.
#[tauri::command]
#[specta::specta]
pub async fn resume_meeting(db: DbState<'_>) -> Result<Option<Uuid>, IpcError> {
    db.read(move |s| Ok(meeting::resume(s.conn())?.map(|m| m.id)))
        .await
}

/// Notes the meeting open in the editor (`None` when the editor is left).
#[tauri::command]
#[specta::specta]
pub async fn remember_meeting(db: DbState<'_>, id: Option<Uuid>) -> Result<(), IpcError> {
    db.write(move |tx| meeting::remember_open(tx, id)).await
}

/// Saves the Biên bản header fields.
#[tauri::command]
#[specta::specta]
pub async fn update_meeting(
    db: DbState<'_>,
    id: Uuid,
    header: MeetingHeader,
) -> Result<Meeting, IpcError> {
    db.write(move |tx| meeting::update(tx, id, header)).await
}

/// Saves the minutes body as typed.
#[tauri::command]
#[specta::specta]
pub async fn save_minutes(db: DbState<'_>, id: Uuid, minutes: String) -> Result<(), IpcError> {
    db.write(move |tx| meeting::set_minutes(tx, id, &minutes))
        .await
}

/// Appends an attendee, agenda item, opinion or conclusion; returns its id.
#[tauri::command]
#[specta::specta]
pub async fn add_item(db: DbState<'_>, meeting_id: Uuid, item: NewItem) -> Result<Uuid, IpcError> {
    db.write(move |tx| minutes::add(tx, meeting_id, item)).await
}

/// Changes or removes an item of the record.
#[tauri::command]
#[specta::specta]
pub async fn edit_item(db: DbState<'_>, meeting_id: Uuid, edit: ItemEdit) -> Result<(), IpcError> {
    db.write(move |tx| minutes::edit(tx, meeting_id, edit))
        .await
}

/// Stores the lines typed in the editor's boxes and not yet added.
#[tauri::command]
#[specta::specta]
pub async fn save_draft(db: DbState<'_>, meeting_id: Uuid, draft: Draft) -> Result<(), IpcError> {
    db.write(move |tx| draft::save(tx, meeting_id, &draft))
        .await
}

/// Moves the meeting along (start, end, reopen); returns it as it now stands. Ending it
/// takes in the lines still typed in the editor's boxes.
#[tauri::command]
#[specta::specta]
pub async fn set_meeting_status(
    db: DbState<'_>,
    id: Uuid,
    status: MeetingStatus,
) -> Result<MeetingRecord, IpcError> {
    db.write(move |tx| {
        minutes::set_status(tx, id, status)?;
        minutes::record(tx, id, giaoban::date::today())
    })
    .await
}

/// The open directives of earlier meetings of the series, with this meeting's decisions.
#[tauri::command]
#[specta::specta]
pub async fn carried_directives(
    db: DbState<'_>,
    meeting_id: Uuid,
) -> Result<Vec<Carried>, IpcError> {
    db.read(move |s| carry::review(s.conn(), meeting_id)).await
}

/// Marks a carried directive reported, continued or closed at this meeting.
#[tauri::command]
#[specta::specta]
pub async fn decide_carried(
    db: DbState<'_>,
    meeting_id: Uuid,
    directive_id: Uuid,
    decision: Decision,
) -> Result<Vec<Carried>, IpcError> {
    db.write(move |tx| {
        carry::decide(tx, meeting_id, directive_id, decision)?;
        carry::review(tx, meeting_id)
    })
    .await
}
