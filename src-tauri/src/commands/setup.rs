//! First launch and the office's details.

use giaoban::demo::{self, DemoOptions, DemoSummary};
use giaoban::store::OpenMode;
use serde::{Deserialize, Serialize};
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
}

/// The office's details printed on documents.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct Office {
    /// Office name, e.g. "Sở Thông tin và Truyền thông tỉnh Lào Cai".
    pub name: String,
    /// Parent agency (cơ quan chủ quản).
    pub parent_agency: String,
    /// Document symbol, e.g. STTTT.
    pub symbol: String,
}

fn office_of(store: &giaoban::Store) -> giaoban::Result<Option<Office>> {
    let name = store.setting("office_name")?;
    Ok(name.map(|name| Office {
        name,
        parent_agency: store
            .setting("parent_agency")
            .ok()
            .flatten()
            .unwrap_or_default(),
        symbol: store
            .setting("document_symbol")
            .ok()
            .flatten()
            .unwrap_or_default(),
    }))
}

/// Whether there is a database yet, and the office's details.
#[tauri::command]
#[specta::specta]
pub async fn app_status(db: DbState<'_>) -> Result<AppStatus, IpcError> {
    let path = db.file().display().to_string();
    match db.read(office_of).await {
        Ok(office) => Ok(AppStatus {
            has_database: true,
            path,
            office,
        }),
        Err(IpcError {
            kind: ErrorKind::NoDatabase,
            ..
        }) => Ok(AppStatus {
            has_database: false,
            path,
            office: None,
        }),
        Err(e) => Err(e),
    }
}

/// "Bắt đầu với dữ liệu mẫu": creates the database with sample data.
#[tauri::command]
#[specta::specta]
pub async fn start_with_sample(db: DbState<'_>) -> Result<DemoSummary, IpcError> {
    let opts = DemoOptions {
        meetings: 150,
        directives_per_meeting: 8,
        seed: 1,
        anchor: giaoban::date::today(),
    };
    db.run(OpenMode::Create, move |store| demo::generate(store, &opts))
        .await
}

/// Creates an empty database for the office, or changes its details.
#[tauri::command]
#[specta::specta]
pub async fn set_up_office(db: DbState<'_>, office: Office) -> Result<Office, IpcError> {
    db.run(OpenMode::Create, move |store| {
        store.write(|tx| {
            if office.name.trim().is_empty() {
                return Err(giaoban::Error::invalid(
                    giaoban::error::Field::Name,
                    giaoban::error::Rule::Required,
                ));
            }
            tx.set_setting("office_name", office.name.trim())?;
            tx.set_setting("parent_agency", office.parent_agency.trim())?;
            tx.set_setting("document_symbol", office.symbol.trim())
        })?;
        office_of(store).map(|o| o.expect("just written"))
    })
    .await
}
