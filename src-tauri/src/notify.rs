//! Desktop notifications (Tauri notification plugin): as soon as the database is open, and
//! then once a day while it stays open, the directives of the followed units
//! falling due in 3 days or tomorrow, and those that became overdue today. The choice lives
//! in the `ui.notify` setting (`{"enabled": bool, "units": [id…]}`; no units: all), edited
//! in Cài đặt.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use giaoban::followup::{self, Alerts};
use serde::Deserialize;
use tauri::{AppHandle, Runtime};
use tauri_plugin_notification::NotificationExt;
use uuid::Uuid;

use crate::db::Db;

/// The user's choice, as the settings page stores it.
#[derive(Debug, Deserialize)]
struct Choice {
    enabled: bool,
    #[serde(default)]
    units: Vec<Uuid>,
}

/// The setting's key.
const KEY: &str = "ui.notify";

/// Starts the daily check on a thread of its own.
pub fn start<R: Runtime>(app: AppHandle<R>, db: Arc<Db>) {
    std::thread::spawn(move || {
        let mut told: Option<NaiveDate> = None;
        loop {
            let today = giaoban::date::today();
            // Only once the database is open (never opened here: at start it may be damaged,
            // and the recovery page must be the one to find out).
            if told != Some(today) && db.is_open() {
                told = Some(today);
                if let Some(alerts) = tauri::async_runtime::block_on(due(&db, today)) {
                    let shown = app
                        .notification()
                        .builder()
                        .title("Giao Ban")
                        .body(alerts.message(giaoban::Lang::Vi))
                        .show();
                    if let Err(e) = shown {
                        eprintln!("notification not shown: {e}");
                    }
                }
            }
            // Until the first check, the window may still be opening the database.
            let wait = if told.is_some() { 60 } else { 1 };
            std::thread::sleep(Duration::from_secs(wait));
        }
    });
}

/// The alerts of `today` when notifications are on and there is something to tell.
async fn due(db: &Arc<Db>, today: NaiveDate) -> Option<Alerts> {
    let alerts = db
        .read(move |s| {
            let choice = s
                .setting(KEY)?
                .and_then(|v| serde_json::from_str::<Choice>(&v).ok())
                .unwrap_or(Choice {
                    enabled: true,
                    units: Vec::new(),
                });
            if !choice.enabled {
                return Ok(Alerts::default());
            }
            followup::alerts(s.conn(), today, &choice.units)
        })
        .await
        .ok()?;
    (!alerts.is_empty()).then_some(alerts)
}
