//! Giao Ban desktop application: window, plugins and the typed commands over the core.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod bindings;
mod commands;
mod db;
mod error;
mod notify;
mod platform;

use std::sync::Arc;

use tauri::{Emitter, Manager};

fn main() {
    commands::setup::STARTED.get_or_init(std::time::Instant::now);
    platform::prepare_webview();
    let specta = bindings::builder();
    let db = Arc::new(db::Db::new(db::path()));
    tauri::Builder::default()
        // A second launch focuses the running window instead of opening another.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_notification::init())
        .setup({
            let db = Arc::clone(&db);
            move |app| {
                // After the single-instance check (a second launch ends before this).
                db.open_early();
                // Every page of the window shows the data as it now is (`ui/src/lib/changes`).
                let handle = app.handle().clone();
                db.on_change(move || {
                    let _ = handle.emit("data-changed", ());
                });
                notify::start(app.handle().clone(), db);
                Ok(())
            }
        })
        .manage(Arc::clone(&db))
        .invoke_handler(specta.invoke_handler())
        .build(tauri::generate_context!())
        .expect("Giao Ban could not start its window")
        .run(move |_, event| {
            if let tauri::RunEvent::Exit = event {
                db.close();
            }
        });
}
