//! First launch and the office's details.

use chrono::NaiveDate;
use giaoban::demo::{self, DemoOptions, DemoSummary};
use giaoban::office::{self, Office};
use giaoban::person::{self, Person};
use giaoban::store::OpenMode;
use serde::Serialize;
use specta::Type;

use super::DbState;
use crate::error::{ErrorKind, IpcError};

/// What the window needs to know at start.
#[derive(Debug, Clone, Serialize, Type)]
pub struct AppStatus {
    /// Whether a database exists (otherwise the first-launch screen is shown).
    pub has_database: bool,
    /// The database file.
    pub path: String,
    /// The office's details, when set.
    pub office: Option<Office>,
    /// The person who uses this machine, once chosen (the history names them).
    pub user: Option<Person>,
}

/// Whether there is a database yet, and the office's details.
#[tauri::command]
#[specta::specta]
pub async fn app_status(db: DbState<'_>) -> Result<AppStatus, IpcError> {
    let path = db.file().display().to_string();
    match db
        .read(|s| Ok((office::load(s.conn())?, person::machine_user(s.conn())?)))
        .await
    {
        Ok((office, user)) => Ok(AppStatus {
            has_database: true,
            path,
            office,
            user,
        }),
        Err(IpcError {
            kind: ErrorKind::NoDatabase,
            ..
        }) => Ok(AppStatus {
            has_database: false,
            path,
            office: None,
            user: None,
        }),
        Err(e) => Err(e),
    }
}

/// Records who uses this machine; the history names that person from now on.
#[tauri::command]
#[specta::specta]
pub async fn set_machine_user(db: DbState<'_>, person_id: uuid::Uuid) -> Result<Person, IpcError> {
    db.run(OpenMode::Existing, move |store| {
        let p = store.write(|tx| person::set_machine_user(tx, person_id))?;
        store.set_actor(p.full_name.clone());
        Ok(p)
    })
    .await
}

/// "Bắt đầu với dữ liệu mẫu": creates the database with sample data.
#[tauri::command]
#[specta::specta]
pub async fn start_with_sample(db: DbState<'_>) -> Result<DemoSummary, IpcError> {
    let opts = DemoOptions::usual(giaoban::date::today());
    db.run(OpenMode::Create, move |store| demo::generate(store, &opts))
        .await
}

/// Creates an empty database for the office, or changes its details.
#[tauri::command]
#[specta::specta]
pub async fn set_up_office(db: DbState<'_>, office: Office) -> Result<Office, IpcError> {
    db.run(OpenMode::Create, move |store| {
        store.write(|tx| office::save(tx, &office))
    })
    .await
}

/// The days off the office announced (besides weekends and public holidays), in order.
#[tauri::command]
#[specta::specta]
pub async fn days_off(db: DbState<'_>) -> Result<Vec<NaiveDate>, IpcError> {
    db.read(|s| office::days_off(s.conn())).await
}

/// Sets the office's announced days off, which "N ngày làm việc" deadlines skip; returns
/// them as kept (each once, in order).
#[tauri::command]
#[specta::specta]
pub async fn set_days_off(
    db: DbState<'_>,
    days: Vec<NaiveDate>,
) -> Result<Vec<NaiveDate>, IpcError> {
    db.write(move |tx| office::set_days_off(tx, days)).await
}

/// A preference of the window kept in the database (keys start with `ui.`, such as the
/// directive list's saved views).
#[tauri::command]
#[specta::specta]
pub async fn ui_setting(db: DbState<'_>, key: String) -> Result<Option<String>, IpcError> {
    let key = ui_key(key)?;
    db.read(move |s| s.setting(&key)).await
}

/// Stores a preference of the window (keys start with `ui.`).
#[tauri::command]
#[specta::specta]
pub async fn set_ui_setting(db: DbState<'_>, key: String, value: String) -> Result<(), IpcError> {
    let key = ui_key(key)?;
    db.write(move |tx| tx.set_setting(&key, &value)).await
}

fn ui_key(key: String) -> Result<String, IpcError> {
    if key.starts_with("ui.") && key.len() <= 64 {
        Ok(key)
    } else {
        Err(giaoban::Error::invalid(
            giaoban::error::Field::Name,
            giaoban::error::Rule::OutOfRange,
        )
        .into())
    }
}

/// When the process started (set first thing in `main`).
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// The overview has been drawn with data. With `GIAOBAN_STARTUP_MARK` set, prints the time
/// since the process started, once (`scripts/bench-startup.mjs` reads it).
#[tauri::command]
#[specta::specta]
pub fn startup_mark() {
    static PRINTED: std::sync::Once = std::sync::Once::new();
    if std::env::var_os("GIAOBAN_STARTUP_MARK").is_some() {
        PRINTED.call_once(|| {
            let ms = STARTED.get().map_or(0, |t| t.elapsed().as_millis());
            eprintln!("giaoban-ready {ms}");
        });
    }
}

/// The words for every enum value in both languages (the window's dictionaries take them
/// at start): the one table of the core.
#[tauri::command]
#[specta::specta]
pub fn labels() -> Result<Vec<giaoban::labels::Label>, IpcError> {
    Ok(giaoban::labels::LABELS.to_vec())
}
