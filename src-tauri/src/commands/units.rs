//! Organisation units.

use giaoban::unit::{self, NewUnit, Unit};
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// Units in report order.
#[tauri::command]
#[specta::specta]
pub async fn list_units(db: DbState<'_>, include_inactive: bool) -> Result<Vec<Unit>, IpcError> {
    db.read(move |s| unit::list(s.conn(), include_inactive))
        .await
}

/// Adds a unit.
#[tauri::command]
#[specta::specta]
pub async fn create_unit(db: DbState<'_>, unit: NewUnit) -> Result<Unit, IpcError> {
    db.write(move |tx| unit::create(tx, unit)).await
}

/// Edits a unit.
#[tauri::command]
#[specta::specta]
pub async fn update_unit(db: DbState<'_>, id: Uuid, unit: NewUnit) -> Result<Unit, IpcError> {
    db.write(move |tx| unit::update(tx, id, unit)).await
}

/// Activates or deactivates a unit.
#[tauri::command]
#[specta::specta]
pub async fn set_unit_active(db: DbState<'_>, id: Uuid, active: bool) -> Result<Unit, IpcError> {
    db.write(move |tx| {
        unit::set_active(tx, id, active)?;
        unit::get(tx, id)
    })
    .await
}
