//! Trao đổi dữ liệu: exchange files made here and imported from other installations, the
//! installations met and trusted, and the conflicts waiting for a choice.

use std::path::PathBuf;

use giaoban::app::exchange::Overview;
use giaoban::exchange::files;
use giaoban::exchange::identity::{self, Identity};
use giaoban::exchange::role::Grant;
use giaoban::exchange::{self, ExportOptions, Exported, ImportOptions, Imported, Scope};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::Emitter;
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// What to export.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportScope {
    /// Everything.
    All,
    /// Meetings held between two days (yyyy-mm-dd).
    Meetings {
        /// First day.
        from: chrono::NaiveDate,
        /// Last day.
        to: chrono::NaiveDate,
    },
    /// A unit's directives with their progress.
    Unit {
        /// The unit.
        unit: Uuid,
    },
}

/// An export as the page asks for it.
#[derive(Debug, Clone, Deserialize, Type)]
pub struct ExportRequest {
    /// What to select.
    pub scope: ExportScope,
    /// For this installation: only what changed since the last file made for it.
    pub for_peer: Option<Uuid>,
    /// Encrypt with this passphrase.
    pub passphrase: Option<String>,
}

/// How far an export is, sent as the event `export-progress` (typed by hand in `api.ts`).
#[derive(Debug, Clone, Serialize)]
pub struct ExportProgress {
    /// Records written.
    pub done: u32,
    /// Records to write.
    pub total: u32,
}

fn secret(p: Option<String>) -> Option<age::secrecy::SecretString> {
    p.filter(|p| !p.is_empty())
        .map(age::secrecy::SecretString::from)
}

/// The page's data.
#[tauri::command]
#[specta::specta]
pub async fn exchange_overview(db: DbState<'_>) -> Result<Overview, IpcError> {
    let mut folders = vec![db.exports_dir()];
    folders.extend(files::removable_roots());
    db.read(move |s| giaoban::app::exchange::overview(s, &folders))
        .await
}

/// Renames this installation.
#[tauri::command]
#[specta::specta]
pub async fn rename_installation(db: DbState<'_>, name: String) -> Result<Identity, IpcError> {
    db.write(move |tx| identity::rename(tx, &name)).await?;
    db.read(|s| identity::identity(s.conn(), s.installation()))
        .await
}

/// Writes an exchange file to the Downloads folder (on a USB stick when `folder` names one).
#[tauri::command]
#[specta::specta]
pub async fn export_bundle(
    app: tauri::AppHandle,
    db: DbState<'_>,
    request: ExportRequest,
    folder: Option<String>,
) -> Result<Exported, IpcError> {
    let dir = folder
        .filter(|f| !f.trim().is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| db.exports_dir());
    // The file is written from a read (the editor's autosave never waits for it), then
    // noted in one short write.
    let written = db
        .read(move |s| {
            let out = giaoban::app::exchange::bundle_path(
                s.conn(),
                s.installation(),
                &giaoban::app::documents::Target::Folder(dir),
            )?;
            let o = ExportOptions {
                scope: Some(match request.scope {
                    ExportScope::All => Scope::All,
                    ExportScope::Meetings { from, to } => Scope::Meetings { from, to },
                    ExportScope::Unit { unit } => Scope::Unit(unit),
                }),
                for_peer: request.for_peer,
                since: None,
                passphrase: secret(request.passphrase),
            };
            exchange::write_bundle(s, &out, &o, &mut |done, total| {
                let p = ExportProgress {
                    done: u32::try_from(done).unwrap_or(u32::MAX),
                    total: u32::try_from(total).unwrap_or(u32::MAX),
                };
                let _ = app.emit("export-progress", p);
            })
        })
        .await?;
    db.write(move |tx| exchange::record_export(tx, written))
        .await
}

/// Imports an exchange file, or only says what it would change (`dry_run`).
#[tauri::command]
#[specta::specta]
pub async fn import_bundle(
    db: DbState<'_>,
    path: String,
    passphrase: Option<String>,
    dry_run: bool,
    trust: Option<Grant>,
) -> Result<Imported, IpcError> {
    db.run(giaoban::store::OpenMode::Existing, move |s| {
        let o = ImportOptions {
            passphrase: secret(passphrase),
            dry_run,
            trust,
        };
        exchange::import(s, std::path::Path::new(&path), &o)
    })
    .await
}

/// Undoes the last import (restores the backup made just before it).
#[tauri::command]
#[specta::specta]
pub async fn undo_last_import(db: DbState<'_>) -> Result<giaoban::backup::Restored, IpcError> {
    db.undo_import().await
}

/// Trusts an installation with a role (`grant`), or stops trusting it (`None`).
#[tauri::command]
#[specta::specta]
pub async fn set_peer_trust(
    db: DbState<'_>,
    peer: Uuid,
    grant: Option<Grant>,
) -> Result<(), IpcError> {
    db.write(move |tx| identity::set_trusted(tx, peer, grant.as_ref()))
        .await
}

/// Settles a conflict: keep the record's text, or take the version kept aside.
#[tauri::command]
#[specta::specta]
pub async fn resolve_conflict(db: DbState<'_>, id: Uuid, take_other: bool) -> Result<(), IpcError> {
    db.run(giaoban::store::OpenMode::Existing, move |s| {
        exchange::resolve(s, id, take_other)
    })
    .await
}
