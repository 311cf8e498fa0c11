//! Meetings.

use giaoban::meeting::{self, Meeting, MeetingFilter};
use giaoban::minutes::{self, MeetingRecord};
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
