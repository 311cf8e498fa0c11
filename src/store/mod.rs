//! The one place that opens a Giao Ban database: file checks, pragmas, migrations,
//! the installation identity, and transactions that carry who is writing.

pub mod clock;
pub(crate) mod index;
mod migrations;
pub(crate) mod signing;
mod tally;
pub(crate) mod value;

use std::io::Read;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::functions::FunctionFlags;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, Result};

pub use migrations::LATEST_VERSION;

/// `PRAGMA application_id` of Giao Ban databases ("GBAN").
pub const APPLICATION_ID: i64 = 0x4742_414E;

/// Application identifier; the desktop app keeps its data in `<data dir>/<IDENTIFIER>/`.
pub const IDENTIFIER: &str = "vn.giaoban.app";

/// The database the desktop app uses: `giaoban.sqlite3` in the platform's app-data folder
/// (`~/.local/share/vn.giaoban.app/` on Linux, `%APPDATA%\vn.giaoban.app\` on Windows).
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(IDENTIFIER)
        .join("giaoban.sqlite3")
}

/// Whether [`Store::open`] may create a missing database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file (and its folder) when missing.
    Create,
    /// Fail with [`Error::NoDatabase`] when missing.
    Existing,
}

/// An open Giao Ban database.
pub struct Store {
    conn: Connection,
    /// Whether triggers keep the search index in step (off only during a bulk load).
    indexing: Arc<AtomicBool>,
    path: Option<PathBuf>,
    installation: Uuid,
    actor: String,
}

/// What `giaoban check` reports.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Database file.
    pub path: Option<PathBuf>,
    /// Schema version in the file (`PRAGMA user_version`).
    pub schema_version: i64,
    /// Latest schema version this build knows.
    pub supported_version: i64,
    /// `true` when SQLite's integrity check and the foreign-key check found nothing.
    pub ok: bool,
    /// Problems found (empty when `ok`).
    pub problems: Vec<String>,
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not a SQLite database,
    /// or is damaged, gives [`Error::Corrupt`] and is left untouched; one made by a newer
    /// Giao Ban gives [`Error::NewerSchema`].
    pub fn open(path: &Path, mode: OpenMode) -> Result<Self> {
        let exists = path.exists();
        if exists {
            check_header(path)?;
        } else if mode == OpenMode::Existing {
            return Err(Error::NoDatabase {
                path: path.to_path_buf(),
            });
        } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| corrupt_or(e, path))?;
        let store = Self::prepare(conn, Some(path.to_path_buf())).map_err(|e| match e {
            Error::Storage(inner) => corrupt_or(inner, path),
            other => other,
        })?;
        index::build::remove_left_over(path);
        Ok(store)
    }

    /// Opens a read-only connection to the database at `path`, which another [`Store`] has
    /// already opened (checked and migrated): for reads beside the writer, so neither waits
    /// for the other (WAL). Any write on it fails.
    pub fn open_reader(path: &Path) -> Result<Self> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| corrupt_or(e, path))?;
        conn.busy_timeout(Duration::from_secs(5))?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        let indexing = Arc::new(AtomicBool::new(true));
        register_functions(&conn, &indexing)?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version != LATEST_VERSION {
            return Err(Error::NewerSchema {
                found: version,
                supported: LATEST_VERSION,
            });
        }
        let installation: String = conn.query_row(
            "SELECT value FROM setting WHERE key = 'installation_id'",
            [],
            |r| r.get(0),
        )?;
        Ok(Store {
            conn,
            indexing,
            path: Some(path.to_path_buf()),
            installation: Uuid::parse_str(&installation).map_err(|_| Error::Corrupt {
                path: path.to_path_buf(),
            })?,
            actor: default_actor(),
        })
    }

    /// Opens a fresh in-memory database (tests and previews).
    pub fn open_in_memory() -> Result<Self> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        conn.busy_timeout(Duration::from_secs(5))?;
        // WAL: readers never block the writer (the editor's autosave).
        // synchronous=FULL: each commit is on disk before it returns, so a power cut
        // right after an autosave loses nothing (NORMAL could lose the last commits).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -65_536)?;
        let indexing = Arc::new(AtomicBool::new(true));
        register_functions(&conn, &indexing)?;

        let app_id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if app_id != APPLICATION_ID && (tables > 0 || version > 0) {
            return Err(Error::Corrupt {
                path: path.unwrap_or_default(),
            });
        }
        if version > LATEST_VERSION {
            return Err(Error::NewerSchema {
                found: version,
                supported: LATEST_VERSION,
            });
        }
        migrations::apply(&mut conn)?;
        if app_id != APPLICATION_ID {
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        let installation = ensure_installation(&conn)?;
        register_clock(&conn, installation)?;
        signing::ensure(&conn)?;
        Ok(Store {
            conn,
            indexing,
            path,
            installation,
            actor: default_actor(),
        })
    }

    /// This installation's id, written as `origin` on every record it changes.
    pub fn installation(&self) -> Uuid {
        self.installation
    }

    /// Sets the user name written in the audit history.
    pub fn set_actor(&mut self, actor: impl Into<String>) {
        self.actor = actor.into();
    }

    /// The database file, `None` in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Read access. Reads see the last committed state.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f`'s reads on one snapshot, in a read transaction: they see the same data, and
    /// the file is locked once for all of them, not once a statement.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        // Nothing is written: the transaction ends unchanged when dropped.
        f(&tx)
    }

    /// Runs `f` in one immediate transaction: all of it is saved, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.write_as(TransactionBehavior::Immediate, f)
    }

    fn write_as<T>(
        &mut self,
        behavior: TransactionBehavior,
        f: impl FnOnce(&Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.begin(behavior)?;
        let before = tx.total_changes();
        let out = f(&tx)?;
        if tx.total_changes() != before {
            // What changed the data gives it a new generation, never used before (a restored
            // backup's data goes on from its own): a backup of this generation already made
            // need not be made again (backup::make).
            tx.prepare_cached(
                "INSERT INTO setting (key, value) VALUES ('generation', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )?
            .execute([Uuid::now_v7().simple().to_string()])?;
        }
        tx.tx.commit()?;
        Ok(out)
    }

    /// A write transaction stamped with who writes and now.
    fn begin(&mut self, behavior: TransactionBehavior) -> Result<Tx<'_>> {
        Ok(Tx {
            tx: self.conn.transaction_with_behavior(behavior)?,
            installation: self.installation,
            actor: &self.actor,
            now: Utc::now(),
        })
    }

    /// Runs a bulk load (sample data, imports of a whole database) in one transaction with a
    /// rollback journal instead of the WAL, so each page is written once rather than to the
    /// WAL and again at checkpoint. The search triggers pause meanwhile (FTS5 would flush its
    /// buffer at every row's statement): an empty index is built on another thread while
    /// the rows are written ([`index::build`]), any other is rebuilt in one pass
    /// before commit. The secondary indexes of tables still empty are dropped and made again
    /// at the end. A crash leaves the database as it was before. The page cache stays at its
    /// usual 64 MB: a larger one was slower here, as its memory is new to the process (a
    /// 100,000-directive import 4.9 → 4.7 s, 200,000 sample directives 9.3 → 8.6 s, 1M
    /// 53.7 → 50.3 s against 256 MB).
    pub fn bulk_write<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        let loaded = self.load_in_bulk(f);
        let restored = self.conn.pragma_update(None, "journal_mode", "WAL");
        let (out, copied_index) = loaded?;
        restored?;
        if copied_index {
            // FTS5 keeps what it last read of an index per connection. The load's schema
            // changes make it read the index again today, but nothing promises that: the
            // copied index is read through a new connection.
            self.reopen()?;
        }
        Ok(out)
    }

    /// [`Store::bulk_write`] once in a rollback journal; also whether the search index was
    /// built beside the load and copied in.
    fn load_in_bulk<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<(T, bool)> {
        let mut builder = match &self.path {
            Some(db) => index::build::Builder::start(&self.conn, db)?,
            None => None,
        };
        // An immediate transaction would also lock the scratch database the builder writes.
        let behavior = match builder {
            Some(_) => TransactionBehavior::Deferred,
            None => TransactionBehavior::Immediate,
        };
        self.indexing.store(false, Ordering::Relaxed);
        let out = self.write_as(behavior, |tx| {
            let deferred = defer_indexes(tx)?;
            if let Some(b) = &builder {
                b.collect(tx)?;
            }
            let out = f(tx)?;
            if let Some(b) = &builder {
                b.stop(tx)?;
            }
            for sql in &deferred {
                tx.execute_batch(sql)?;
            }
            match &mut builder {
                Some(b) => b.finish(tx)?,
                None => {
                    index::reindex(tx)?;
                }
            }
            tally::rebuild(tx)?;
            Ok(out)
        });
        self.indexing.store(true, Ordering::Relaxed);
        let copied_index = builder.is_some();
        if let Some(b) = builder {
            match (&out, b.close(&self.conn)) {
                (Ok(_), Err(e)) => return Err(e),
                // The worker's own failure (a full disk, say) says more than the statement
                // that found it stopped.
                (Err(Error::Storage(_)), Err(e)) => return Err(e),
                _ => {}
            }
        }
        Ok((out?, copied_index))
    }

    /// Replaces the connection with a new one to the same file.
    fn reopen(&mut self) -> Result<()> {
        let path = self.path.clone().expect("only a database file is reopened");
        let fresh = Self::prepare(Connection::open(&path)?, Some(path))?;
        self.conn = fresh.conn;
        self.indexing = fresh.indexing;
        Ok(())
    }

    /// Runs `f` in a transaction that is always rolled back: what a change would do, without
    /// doing it (an import's preview). The search triggers pause meanwhile: nothing of it stays.
    pub fn trial<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.indexing.store(false, Ordering::Relaxed);
        let out = self.rolled_back(f);
        self.indexing.store(true, Ordering::Relaxed);
        out
    }

    fn rolled_back<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self.begin(TransactionBehavior::Immediate)?;
        let out = f(&tx);
        tx.tx.rollback()?;
        out
    }

    /// The generation of the data of this database (empty for one never written: a new one
    /// is given by each transaction that changes a row), with its installation and schema
    /// version: two files with the same three hold the same data.
    pub fn generation(conn: &Connection) -> Result<(String, String, i64)> {
        let setting = |key: &str| -> Result<String> {
            Ok(conn
                .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?
                .unwrap_or_default())
        };
        let schema: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok((setting("installation_id")?, setting("generation")?, schema))
    }

    /// Schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Runs SQLite's full integrity check (which also checks the FTS5 search index) and the
    /// foreign-key check.
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let line = row?;
            if line != "ok" {
                problems.push(line);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                r.get::<_, String>(2)?
            ))
        })? {
            problems.push(row?);
        }
        Ok(CheckReport {
            path: self.path.clone(),
            schema_version: self.schema_version()?,
            supported_version: LATEST_VERSION,
            ok: problems.is_empty(),
            problems,
        })
    }

    /// Folder beside the database where attachment files are kept.
    pub fn attachments_dir(&self) -> Option<PathBuf> {
        self.path.as_deref().map(attachments_dir)
    }

    /// A setting stored in the database (office name, document symbol…).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }
}

/// A write transaction that knows who writes and when.
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
    installation: Uuid,
    actor: &'c str,
    now: DateTime<Utc>,
}

impl Deref for Tx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        &self.tx
    }
}

impl Tx<'_> {
    /// The transaction's timestamp, used for `created_at`/`updated_at`.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The writing installation.
    pub fn installation(&self) -> Uuid {
        self.installation
    }

    /// Appends one entry to the audit history.
    pub fn audit(
        &self,
        entity: &str,
        id: Uuid,
        action: &str,
        changes: impl Serialize,
    ) -> Result<()> {
        self.audit_as(self.actor, self.installation, entity, id, action, changes)
    }

    /// Appends one entry to the audit history made by `actor` of `installation` (another
    /// office, whose change an import brings).
    pub fn audit_as(
        &self,
        actor: &str,
        installation: Uuid,
        entity: &str,
        id: Uuid,
        action: &str,
        changes: impl Serialize,
    ) -> Result<()> {
        // Written straight to text: no tree of values built first.
        let changes = serde_json::to_string(&changes).unwrap_or_else(|_| "null".into());
        self.prepare_cached(
            "INSERT INTO audit (at, actor, installation, entity, entity_id, action, changes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(rusqlite::params![
            value::ts(self.now),
            actor,
            installation,
            entity,
            id,
            action,
            changes,
        ])?;
        Ok(())
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        let old: Option<String> = self
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        self.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        self.audit(
            "setting",
            self.installation,
            "update",
            serde_json::json!({ key: [old, value] }),
        )
    }
}

/// The SQL functions our schema and queries use; every connection registers them before
/// anything else runs (search triggers call them on each write).
pub(crate) fn register_functions(
    conn: &Connection,
    indexing: &Arc<AtomicBool>,
) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    // gb_indexing(): whether the search triggers run (see Store::bulk_write).
    let flag = Arc::clone(indexing);
    conn.create_scalar_function("gb_indexing", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(flag.load(Ordering::Relaxed))
    })?;
    // gb_match(text, query): every word of the query starts a word of the text.
    conn.create_scalar_function("gb_match", 2, flags, |ctx| {
        let text: String = ctx.get(0)?;
        let query: String = ctx.get(1)?;
        Ok(crate::text::matches_words(&text, &query))
    })?;
    // gb_fold(text): lower case, no diacritics, đ → d (what the search index holds).
    conn.create_scalar_function("gb_fold", 1, flags, |ctx| {
        let text: Option<String> = ctx.get(0)?;
        Ok(crate::text::fold(text.as_deref().unwrap_or_default()))
    })?;
    // gb_initials(name): the abbreviations a unit is typed by (`ttbcxb` for "Phòng Thông tin - Báo chí - Xuất bản").
    conn.create_scalar_function("gb_initials", 1, flags, |ctx| {
        let name: String = ctx.get(0)?;
        Ok(crate::text::abbreviations(&name))
    })
}

/// `gb_hlc()` (a new clock of this installation) and `gb_site()` (its id as the clocks
/// write it), which the exchange triggers call on every change; and the clock moved past
/// every clock the database holds.
fn register_clock(conn: &Connection, installation: Uuid) -> Result<()> {
    let newest: Option<String> = conn.query_row(
        "SELECT max(m) FROM (SELECT max(seen) AS m FROM field_clock UNION ALL SELECT max(seen) FROM tombstone)",
        [],
        |r| r.get(0),
    )?;
    clock::observe(newest.as_deref().unwrap_or_default());
    conn.create_scalar_function("gb_hlc", 0, FunctionFlags::SQLITE_UTF8, move |_| {
        Ok(clock::tick(installation))
    })?;
    let site = installation.simple().to_string();
    conn.create_scalar_function(
        "gb_site",
        0,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        move |_| Ok(site.clone()),
    )?;
    Ok(())
}

/// The folder beside the database file `db` where its attachment files are kept.
pub fn attachments_dir(db: &Path) -> PathBuf {
    let stem = db.file_stem().unwrap_or_default().to_string_lossy();
    db.with_file_name(format!("{stem}.attachments"))
}

fn check_header(path: &Path) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    if len == 0 {
        return Ok(());
    }
    let mut header = [0u8; 16];
    if len < 16 || file.read_exact(&mut header).is_err() || &header != b"SQLite format 3\0" {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

fn corrupt_or(e: rusqlite::Error, path: &Path) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            path: path.to_path_buf(),
        },
        _ => Error::from(e),
    }
}

fn ensure_installation(conn: &Connection) -> Result<Uuid> {
    let existing: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = 'installation_id'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
        return Uuid::parse_str(&id).map_err(|_| Error::Corrupt {
            path: PathBuf::new(),
        });
    }
    let id = Uuid::now_v7();
    let name = std::env::var("HOSTNAME").unwrap_or_else(|_| "Giao Ban".to_string());
    conn.execute(
        "INSERT INTO installation (id, name, created_at) VALUES (?1, ?2, ?3)",
        (id, name, value::ts(Utc::now())),
    )?;
    conn.execute(
        "INSERT INTO setting (key, value) VALUES ('installation_id', ?1)",
        [id.to_string()],
    )?;
    Ok(id)
}

fn default_actor() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// Drops the non-unique secondary indexes of tables that hold no rows yet and returns the
/// statements that make them again: one sort at the end costs less than a random insert
/// into each index per row.
fn defer_indexes(tx: &Tx<'_>) -> Result<Vec<String>> {
    let indexes: Vec<(String, String, String)> = tx
        .prepare(
            "SELECT name, tbl_name, sql FROM sqlite_schema
              WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut deferred = Vec::new();
    for (name, table, sql) in indexes {
        let empty: bool = tx.query_row(
            &format!("SELECT NOT EXISTS (SELECT 1 FROM \"{table}\")"),
            [],
            |r| r.get(0),
        )?;
        if empty {
            tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
            deferred.push(sql);
        }
    }
    Ok(deferred)
}
