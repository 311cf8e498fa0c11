//! Backups and restore. None of these needs the database to open, so they also serve the
//! recovery screen shown when it was damaged.

use std::path::PathBuf;

use giaoban::backup::{self, Backup, Restored};
use serde::Serialize;
use specta::Type;

use super::DbState;
use crate::error::IpcError;

/// The backup folder, the backups in it, and whether the last automatic one failed.
#[derive(Debug, Clone, Serialize, Type)]
pub struct BackupStatus {
    /// Where backups are written.
    pub folder: String,
    /// Whether that is the folder beside the database (none was chosen).
    pub default_folder: bool,
    /// Backups, newest first.
    pub backups: Vec<Backup>,
    /// Why the last automatic backup failed, if it did.
    pub last_error: Option<IpcError>,
}

fn status(db: &crate::db::Db) -> Result<BackupStatus, IpcError> {
    let folder = backup::folder(db.file());
    Ok(BackupStatus {
        default_folder: folder == backup::default_folder(db.file()),
        backups: backup::list(&folder)?,
        folder: folder.display().to_string(),
        last_error: db.last_backup_error(),
    })
}

/// The backups and their folder.
#[tauri::command]
#[specta::specta]
pub async fn backup_status(db: DbState<'_>) -> Result<BackupStatus, IpcError> {
    status(&db)
}

/// Makes a verified backup now.
#[tauri::command]
#[specta::specta]
pub async fn backup_now(db: DbState<'_>) -> Result<Backup, IpcError> {
    db.backup_now().await
}

/// Replaces the database with a backup; the current state is backed up first.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(db: DbState<'_>, path: String) -> Result<Restored, IpcError> {
    db.restore(PathBuf::from(path)).await
}

/// Chooses the backup folder (`None`: the folder beside the database).
#[tauri::command]
#[specta::specta]
pub async fn set_backup_folder(
    db: DbState<'_>,
    folder: Option<String>,
) -> Result<BackupStatus, IpcError> {
    let chosen = folder
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .map(PathBuf::from);
    backup::set_folder(db.file(), chosen.as_deref())?;
    status(&db)
}
