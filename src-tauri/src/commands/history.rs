//! The audit history page.

use giaoban::audit::{self, AuditQuery, AuditRow};
use giaoban::record::Page;

use super::DbState;
use crate::error::IpcError;

/// A page of the changes matching the filters, newest first, and how many match.
#[tauri::command]
#[specta::specta]
pub async fn audit_history(db: DbState<'_>, query: AuditQuery) -> Result<Page<AuditRow>, IpcError> {
    db.read(move |s| audit::page(s.conn(), &query)).await
}

/// Writes the changes matching the filters as CSV into the Downloads folder (or beside the
/// database when there is none); returns the file's path.
#[tauri::command]
#[specta::specta]
pub async fn export_audit(db: DbState<'_>, query: AuditQuery) -> Result<String, IpcError> {
    let beside_db = db
        .file()
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let dir = dirs::download_dir().unwrap_or(beside_db);
    db.read(move |s| {
        giaoban::document::history::export(s.conn(), &query, &dir).map(|p| p.display().to_string())
    })
    .await
}
