//! Meetings.

use giaoban::deadline::{self, Deadline};
use giaoban::meeting::{self, Meeting, MeetingFilter};
use giaoban::minutes::{self, MeetingRecord};
use giaoban::proposal::{self, Accepted, Proposed};
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// Meetings matching the filter, newest first.
#[tauri::command]
#[specta::specta]
pub async fn list_meetings(
    db: DbState<'_>,
    filter: MeetingFilter,
) -> Result<Vec<Meeting>, IpcError> {
    db.read(move |s| meeting::list(s.conn(), &filter)).await
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

/// A deadline phrase (`30/6`, `quý III`, `cuối năm`) read relative to the meeting's date;
/// `None` when it is not understood.
#[tauri::command]
#[specta::specta]
pub async fn read_deadline(
    db: DbState<'_>,
    meeting_id: Uuid,
    phrase: String,
) -> Result<Option<Deadline>, IpcError> {
    db.read(move |s| {
        let day = meeting::get(s.conn(), meeting_id)?.local_date();
        Ok(deadline::parse(&phrase, day))
    })
    .await
}
