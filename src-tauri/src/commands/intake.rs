//! An office's existing records brought in: tracker workbooks, CSV files and DOCX notices,
//! told apart by their content (an exchange file goes to `import_bundle`).

use giaoban::intake::{self, FileKind, Options, Preview};
use giaoban::store::OpenMode;

use super::DbState;
use crate::error::IpcError;

/// What the file at `path` is, by its content.
#[tauri::command]
#[specta::specta]
pub async fn file_kind(path: String) -> Result<FileKind, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        intake::kind(std::path::Path::new(&path)).map_err(IpcError::from)
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?
}

/// What importing the file would create, and every row it cannot read; nothing is kept.
/// The file is read and parsed before the store is taken, so the editor's saves wait only
/// for the look at the database.
#[tauri::command]
#[specta::specta]
pub async fn preview_records(
    db: DbState<'_>,
    path: String,
    options: Options,
) -> Result<Preview, IpcError> {
    let opened = open(path, options.clone()).await?;
    db.run(OpenMode::Existing, move |s| opened.preview(s, &options))
        .await
}

/// Imports the file in one transaction, after a backup.
#[tauri::command]
#[specta::specta]
pub async fn import_records(
    db: DbState<'_>,
    path: String,
    options: Options,
) -> Result<Preview, IpcError> {
    let opened = open(path, options.clone()).await?;
    db.run(OpenMode::Existing, move |s| opened.commit(s, &options))
        .await
}

/// Reads and parses the file, holding nothing.
async fn open(path: String, options: Options) -> Result<intake::Opened, IpcError> {
    tauri::async_runtime::spawn_blocking(move || {
        intake::open(std::path::Path::new(&path), &options).map_err(IpcError::from)
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?
}
