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
#[tauri::command]
#[specta::specta]
pub async fn preview_records(
    db: DbState<'_>,
    path: String,
    options: Options,
) -> Result<Preview, IpcError> {
    db.run(OpenMode::Existing, move |s| {
        intake::preview(s, std::path::Path::new(&path), &options)
    })
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
    db.run(OpenMode::Existing, move |s| {
        intake::commit(s, std::path::Path::new(&path), &options)
    })
    .await
}
