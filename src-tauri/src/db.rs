//! The shell's handle on the database: opened while the window is being made, or on first
//! use (checked, and moved aside when damaged), shared by commands, and used off the async runtime so the window never waits
//! on SQLite. It also keeps the backups going: one at start and one after every
//! [`BACKUP_EVERY`] of editing, each made in the background on a connection of its own.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use giaoban::app::as_machine_user;
use giaoban::backup::{self, Backup, Reason, Restored};
use giaoban::store::{OpenMode, Store, Tx};

use crate::error::IpcError;

/// Read-only connections kept for reads beside the writer.
const READERS: usize = 3;

/// Editing time between two automatic backups.
pub const BACKUP_EVERY: Duration = Duration::from_secs(10 * 60);

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
    /// Set once `store` is open (checked and migrated): reads may then use `readers`.
    opened: AtomicBool,
    /// Read-only connections, so a read never waits for a write (an export, an import) and
    /// the editor's autosave never waits for a read (a report).
    readers: Mutex<Vec<Store>>,
    /// Moved whenever the file is replaced or closed: a reader of an older file is dropped.
    file_generation: AtomicU64,
    /// Held while a backup or a restore runs, so they never overlap.
    backing_up: Mutex<()>,
    /// When the last automatic backup started, and how the last one ended.
    last_backup: Mutex<(Option<Instant>, Option<IpcError>)>,
    /// Why opening it at start failed (a damaged file moved aside…): told to the first call.
    failed_at_start: Mutex<Option<IpcError>>,
    /// Told after every call that may have changed the data, so the window's pages refresh.
    on_change: OnceLock<Box<dyn Fn() + Send + Sync>>,
}

impl Db {
    /// A handle on the database at `path`; nothing is opened yet.
    pub fn new(path: PathBuf) -> Self {
        Db {
            path,
            store: Mutex::new(None),
            opened: AtomicBool::new(false),
            readers: Mutex::new(Vec::new()),
            file_generation: AtomicU64::new(0),
            backing_up: Mutex::new(()),
            last_backup: Mutex::new((None, None)),
            failed_at_start: Mutex::new(None),
            on_change: OnceLock::new(),
        }
    }

    /// Sets what to do after every call that may have changed the data (once).
    pub fn on_change(&self, f: impl Fn() + Send + Sync + 'static) {
        let _ = self.on_change.set(Box::new(f));
    }

    fn changed(&self) {
        if let Some(f) = self.on_change.get() {
            f();
        }
    }

    /// Opens an existing database on a thread of its own while the window is being made, so
    /// the window's first call finds it open. A failure waits for that call, which reports
    /// it as if it had opened the file itself; a missing file is left to it too.
    pub fn open_early(self: &Arc<Self>) {
        let db = Arc::clone(self);
        std::thread::spawn(move || {
            let mut guard = db.store.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_some() || !db.path.exists() {
                return;
            }
            match backup::open_checked(&db.path) {
                Ok(store) => {
                    *guard = Some(as_machine_user(store));
                    db.opened.store(true, Ordering::Release);
                    db.backup_in_background(Reason::Start);
                }
                Err(e) => {
                    *db.failed_at_start.lock().unwrap_or_else(|p| p.into_inner()) = Some(e.into());
                }
            }
        });
    }

    /// Closes the database as the app ends, and notes the clean close so the next start
    /// need not check the whole file.
    pub fn close(&self) {
        self.forget_readers();
        let mut guard = self.store.lock().unwrap_or_else(|p| p.into_inner());
        if guard.take().is_some() {
            let _ = backup::mark_closed(&self.path);
        }
    }

    /// Whether the database has been opened (by the window's first call).
    pub fn is_open(&self) -> bool {
        self.store
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
    }

    /// The database file.
    pub fn file(&self) -> &PathBuf {
        &self.path
    }

    /// Where exported files go: the Downloads folder, or beside the database without one.
    pub fn exports_dir(&self) -> PathBuf {
        dirs::download_dir()
            .or_else(|| self.path.parent().map(PathBuf::from))
            .unwrap_or_default()
    }

    /// Runs `f`, which may change the data, on the store on a blocking thread. The database
    /// is opened on first use; with [`OpenMode::Existing`] a missing file is `NoDatabase`
    /// (first launch).
    pub async fn run<T, F>(self: &Arc<Self>, mode: OpenMode, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> giaoban::Result<T> + Send + 'static,
    {
        let out = self.on_store(mode, f).await?;
        self.changed();
        Ok(out)
    }

    /// Runs `f` on the store on a blocking thread, opening the database on first use.
    async fn on_store<T, F>(self: &Arc<Self>, mode: OpenMode, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> giaoban::Result<T> + Send + 'static,
    {
        let db = Arc::clone(self);
        tauri::async_runtime::spawn_blocking(move || {
            let mut guard = db.store.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_none() {
                if let Some(e) = db
                    .failed_at_start
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .take()
                {
                    return Err(e);
                }
                *guard = Some(as_machine_user(match mode {
                    OpenMode::Existing => backup::open_checked(&db.path)?,
                    OpenMode::Create => Store::open(&db.path, mode)?,
                }));
                db.opened.store(true, Ordering::Release);
                db.backup_in_background(Reason::Start);
            }
            let store = guard.as_mut().expect("opened above");
            f(store).map_err(IpcError::from)
        })
        .await
        .map_err(|e| IpcError::internal(e.to_string()))?
    }

    /// Reads from an existing database, on a read-only connection of its own once the
    /// database is open: a read never waits for a write, nor a write for a read.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> giaoban::Result<T> + Send + 'static,
    {
        if !self.opened.load(Ordering::Acquire) {
            return self.on_store(OpenMode::Existing, move |s| f(s)).await;
        }
        let db = Arc::clone(self);
        blocking(move || {
            let generation = db.file_generation.load(Ordering::Acquire);
            let pooled = db.readers.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let reader = match pooled {
                Some(r) => r,
                None => Store::open_reader(&db.path)?,
            };
            let out = f(&reader).map_err(IpcError::from);
            let mut pool = db.readers.lock().unwrap_or_else(|p| p.into_inner());
            if pool.len() < READERS && db.file_generation.load(Ordering::Acquire) == generation {
                pool.push(reader);
            }
            out
        })
        .await
    }

    /// Drops the read-only connections (before the file is replaced or closed); those still
    /// reading are dropped when they finish.
    fn forget_readers(&self) {
        self.opened.store(false, Ordering::Release);
        self.file_generation.fetch_add(1, Ordering::AcqRel);
        self.readers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Writes one transaction to an existing database; after [`BACKUP_EVERY`] of editing, a
    /// backup follows in the background.
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Tx<'_>) -> giaoban::Result<T> + Send + 'static,
    {
        let out = self.run(OpenMode::Existing, move |s| s.write(f)).await?;
        let due = {
            let last = self.last_backup.lock().unwrap_or_else(|p| p.into_inner());
            last.0.is_none_or(|at| at.elapsed() >= BACKUP_EVERY)
        };
        if due {
            self.backup_in_background(Reason::Periodic);
        }
        Ok(out)
    }

    /// Starts a backup on a thread of its own unless one is running.
    fn backup_in_background(self: &Arc<Self>, reason: Reason) {
        let db = Arc::clone(self);
        std::thread::spawn(move || {
            let Ok(_running) = db.backing_up.try_lock() else {
                return;
            };
            let started = Instant::now();
            let outcome = backup::make(&db.path, &backup::folder(&db.path), reason);
            let mut last = db.last_backup.lock().unwrap_or_else(|p| p.into_inner());
            *last = (Some(started), outcome.err().map(IpcError::from));
        });
    }

    /// Makes a backup now and waits for it.
    pub async fn backup_now(self: &Arc<Self>) -> Result<Backup, IpcError> {
        let db = Arc::clone(self);
        blocking(move || {
            let _running = db.backing_up.lock().unwrap_or_else(|p| p.into_inner());
            let made = backup::make(&db.path, &backup::folder(&db.path), Reason::Manual)
                .map_err(IpcError::from);
            let mut last = db.last_backup.lock().unwrap_or_else(|p| p.into_inner());
            *last = (Some(Instant::now()), made.as_ref().err().cloned());
            made
        })
        .await
    }

    /// How the last automatic backup ended, when it failed.
    pub fn last_backup_error(&self) -> Option<IpcError> {
        let last = self.last_backup.lock().unwrap_or_else(|p| p.into_inner());
        last.1.clone()
    }

    /// Replaces the database with the backup `from`: the store is closed first, and opened
    /// again by the next command.
    pub async fn restore(self: &Arc<Self>, from: PathBuf) -> Result<Restored, IpcError> {
        self.replace(move |db| backup::restore(db, &from, &backup::folder(db)))
            .await
    }

    /// Undoes the last import by restoring the backup made just before it.
    pub async fn undo_import(self: &Arc<Self>) -> Result<Restored, IpcError> {
        self.replace(|db| giaoban::exchange::undo_last_import(db).map(|(_, r)| r))
            .await
    }

    /// Runs `f` on the database file with the store closed (it is opened again by the next
    /// command) and no backup running.
    async fn replace(
        self: &Arc<Self>,
        f: impl FnOnce(&std::path::Path) -> giaoban::Result<Restored> + Send + 'static,
    ) -> Result<Restored, IpcError> {
        let db = Arc::clone(self);
        let out = blocking(move || {
            let _running = db.backing_up.lock().unwrap_or_else(|p| p.into_inner());
            let mut guard = db.store.lock().unwrap_or_else(|p| p.into_inner());
            *guard = None;
            db.forget_readers();
            f(&db.path).map_err(IpcError::from)
        })
        .await?;
        self.changed();
        Ok(out)
    }
}

/// Runs `f` on the blocking pool.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_read_answers_while_a_long_write_holds_the_writer() {
        let dir = tempfile::tempdir().unwrap();
        let db = Arc::new(Db::new(dir.path().join("office.sqlite3")));
        tauri::async_runtime::block_on(db.run(OpenMode::Create, |_| Ok(()))).unwrap();
        let (started, has_started) = mpsc::channel::<()>();
        let (release, released) = mpsc::channel::<()>();
        let writer = {
            let db = Arc::clone(&db);
            tauri::async_runtime::spawn(async move {
                db.write(move |tx| {
                    tx.set_setting("ui.test", "held")?;
                    started.send(()).unwrap();
                    // The write holds the writer until the read below has answered; a read
                    // that waited for it would leave it here until the time runs out.
                    released
                        .recv_timeout(Duration::from_secs(20))
                        .map_err(|_| giaoban::Error::Migration("the read never answered".into()))
                })
                .await
            })
        };
        has_started.recv_timeout(Duration::from_secs(20)).unwrap();
        let seen = tauri::async_runtime::block_on(db.read(|s| s.setting("ui.test"))).unwrap();
        assert_eq!(
            seen, None,
            "the read sees what is committed, not the write under way"
        );
        release.send(()).unwrap();
        tauri::async_runtime::block_on(writer).unwrap().unwrap();
        let seen = tauri::async_runtime::block_on(db.read(|s| s.setting("ui.test"))).unwrap();
        assert_eq!(
            seen.as_deref(),
            Some("held"),
            "and the write once committed"
        );
    }
}
