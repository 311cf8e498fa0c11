//! People.

use giaoban::person::{self, NewPerson, Person};
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// People, optionally of one unit.
#[tauri::command]
#[specta::specta]
pub async fn list_people(
    db: DbState<'_>,
    unit_id: Option<Uuid>,
    include_inactive: bool,
) -> Result<Vec<Person>, IpcError> {
    db.read(move |s| person::list(s.conn(), unit_id, include_inactive))
        .await
}

/// Adds a person.
#[tauri::command]
#[specta::specta]
pub async fn create_person(db: DbState<'_>, person: NewPerson) -> Result<Person, IpcError> {
    db.write(move |tx| person::create(tx, person)).await
}

/// Edits a person.
#[tauri::command]
#[specta::specta]
pub async fn update_person(
    db: DbState<'_>,
    id: Uuid,
    person: NewPerson,
) -> Result<Person, IpcError> {
    db.write(move |tx| person::update(tx, id, person)).await
}

/// Activates or deactivates a person.
#[tauri::command]
#[specta::specta]
pub async fn set_person_active(
    db: DbState<'_>,
    id: Uuid,
    active: bool,
) -> Result<Person, IpcError> {
    db.write(move |tx| {
        person::set_active(tx, id, active)?;
        person::get(tx, id)
    })
    .await
}
