//! The shell's handle on the database: opened on first use, shared by commands, and used
//! off the async runtime so the window never waits on SQLite.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use giaoban::store::{OpenMode, Store, Tx};

use crate::error::IpcError;

/// Where the database lives: `GIAOBAN_DB` when set (tests, advanced users), else the
/// app-data folder shared with the CLI.
pub fn path() -> PathBuf {
    std::env::var_os("GIAOBAN_DB")
        .map(PathBuf::from)
        .unwrap_or_else(giaoban::store::default_path)
}

/// The database file and, once opened, its store.
pub struct Db {
    path: PathBuf,
    store: Mutex<Option<Store>>,
}

impl Db {
    /// A handle on the database at `path`; nothing is opened yet.
    pub fn new(path: PathBuf) -> Self {
        Db {
            path,
            store: Mutex::new(None),
        }
    }

    /// The database file.
    pub fn file(&self) -> &PathBuf {
        &self.path
    }

    /// Runs `f` on the store on a blocking thread. The database is opened on first use;
    /// with [`OpenMode::Existing`] a missing file is `NoDatabase` (first launch).
    pub async fn run<T, F>(self: &Arc<Self>, mode: OpenMode, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> giaoban::Result<T> + Send + 'static,
    {
        let db = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = db.store.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_none() {
                *guard = Some(Store::open(&db.path, mode)?);
            }
            let store = guard.as_mut().expect("opened above");
            f(store).map_err(IpcError::from)
        })
        .await
        .map_err(|e| IpcError::internal(e.to_string()))?
    }

    /// Reads from an existing database.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> giaoban::Result<T> + Send + 'static,
    {
        self.run(OpenMode::Existing, move |s| f(s)).await
    }

    /// Writes one transaction to an existing database.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Tx<'_>) -> giaoban::Result<T> + Send + 'static,
    {
        self.run(OpenMode::Existing, move |s| s.write(f)).await
    }
}
