//! Directives.

use giaoban::app::documents::{self, Target};
use giaoban::directive::{self, DirectivePage, DirectiveQuery, StatusChange};
use giaoban::document::Written;
use giaoban::followup::{self, DirectiveDetail, NewExtension, NewFile, NewProgress};
use giaoban::store::attachments_dir;
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// Directives matching the query.
#[tauri::command]
#[specta::specta]
pub async fn list_directives(
    db: DbState<'_>,
    query: DirectiveQuery,
) -> Result<DirectivePage, IpcError> {
    db.read(move |s| directive::list(s.conn(), &query)).await
}

/// One directive with its progress, extensions and history, judged today.
#[tauri::command]
#[specta::specta]
pub async fn get_directive(db: DbState<'_>, id: Uuid) -> Result<DirectiveDetail, IpcError> {
    db.read(move |s| followup::detail(s.conn(), id, giaoban::date::today()))
        .await
}

/// Records a unit's progress report.
#[tauri::command]
#[specta::specta]
pub async fn add_progress(
    db: DbState<'_>,
    id: Uuid,
    progress: NewProgress,
    files: Vec<NewFile>,
) -> Result<DirectiveDetail, IpcError> {
    let dir = attachments_dir(db.file());
    db.write(move |tx| {
        followup::report_progress(tx, &dir, id, progress, &files)?;
        followup::detail(tx, id, giaoban::date::today())
    })
    .await
}

/// Copies an attached file to the exports folder (Downloads), checked against its checksum.
#[tauri::command]
#[specta::specta]
pub async fn save_attachment(db: DbState<'_>, id: Uuid) -> Result<Written, IpcError> {
    let dir = attachments_dir(db.file());
    let target = Target::Folder(db.exports_dir());
    db.read(move |s| documents::attachment_copy(s.conn(), &dir, id, &target))
        .await
}

/// Moves a directive on: start, report done, confirm, return, suspend, resume, cancel, reopen.
#[tauri::command]
#[specta::specta]
pub async fn change_directive_status(
    db: DbState<'_>,
    id: Uuid,
    change: StatusChange,
    note: String,
) -> Result<DirectiveDetail, IpcError> {
    db.write(move |tx| {
        directive::change_status(tx, id, change, &note)?;
        followup::detail(tx, id, giaoban::date::today())
    })
    .await
}

/// Decides a unit's request for more time: approved (an extension approved today), or
/// refused.
#[tauri::command]
#[specta::specta]
pub async fn decide_extension_request(
    db: DbState<'_>,
    id: Uuid,
    request: Uuid,
    approve: bool,
) -> Result<DirectiveDetail, IpcError> {
    db.write(move |tx| {
        followup::decide_request(tx, request, approve, None, giaoban::date::today())?;
        followup::detail(tx, id, giaoban::date::today())
    })
    .await
}

/// Approves a later deadline (gia hạn).
#[tauri::command]
#[specta::specta]
pub async fn extend_deadline(
    db: DbState<'_>,
    id: Uuid,
    extension: NewExtension,
) -> Result<DirectiveDetail, IpcError> {
    db.write(move |tx| {
        followup::extend_deadline(tx, id, extension)?;
        followup::detail(tx, id, giaoban::date::today())
    })
    .await
}
