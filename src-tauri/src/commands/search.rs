//! Search.

use giaoban::search::{self, Results};

use super::DbState;
use crate::error::IpcError;

/// Everything matching the typed words, with or without diacritics, grouped.
#[tauri::command]
#[specta::specta]
pub async fn search(db: DbState<'_>, query: String, per_group: u32) -> Result<Results, IpcError> {
    db.read(move |s| search::search(s.conn(), &query, per_group))
        .await
}
