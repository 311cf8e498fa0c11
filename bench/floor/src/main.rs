//! A minimal Tauri window: one static page that calls `ready` once it is drawn; with
//! `GIAOBAN_STARTUP_MARK` set, `ready` prints the time since the process started.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// The page is drawn.
#[tauri::command]
fn ready() {
    if std::env::var_os("GIAOBAN_STARTUP_MARK").is_some() {
        let ms = STARTED.get().map_or(0, |t| t.elapsed().as_millis());
        eprintln!("giaoban-ready {ms}");
    }
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("the window opens");
}
