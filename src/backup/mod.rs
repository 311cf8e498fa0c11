//! Backups and recovery. A backup is a consistent copy of the live database made by SQLite
//! (`VACUUM INTO`, never a file copy), checked with `integrity_check` before it is given its
//! final name, plus the attachment files it refers to. Backups are rotated: the newest
//! [`KEEP_LAST`], and the newest of each of the last [`KEEP_DAYS`] days. Restoring first backs
//! up (or, when damaged, moves aside) the current database. At start, a database that fails
//! `quick_check` is moved aside, never opened for writing.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDateTime, SubsecRound, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{self, OpenMode, Store};

mod mirror;

/// Backups always kept, newest first.
pub const KEEP_LAST: usize = 10;
/// Days for which the newest backup of the day is kept.
pub const KEEP_DAYS: i64 = 30;

const PREFIX: &str = "giaoban-";
const SUFFIX: &str = ".sqlite3";
const STAMP: &str = "%Y%m%d-%H%M%S%.3f";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Reason {
    /// The app started.
    Start,
    /// Minutes of editing passed since the last one.
    Periodic,
    /// The user asked.
    Manual,
    /// Before an import merged another office's data.
    BeforeImport,
    /// Before a restore replaced the database.
    BeforeRestore,
}

impl Reason {
    fn tag(self) -> &'static str {
        match self {
            Reason::Start => "start",
            Reason::Periodic => "periodic",
            Reason::Manual => "manual",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        [
            Reason::Start,
            Reason::Periodic,
            Reason::Manual,
            Reason::BeforeImport,
            Reason::BeforeRestore,
        ]
        .into_iter()
        .find(|r| r.tag() == tag)
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Backup {
    /// The file.
    pub path: PathBuf,
    /// When it was made, office time.
    pub made_at: NaiveDateTime,
    /// Why.
    pub reason: Reason,
    /// Size in KiB (fits databases up to 4 TiB, and crosses to the UI as a plain number).
    pub size_kb: u32,
}

/// The backup folder of the database at `db`: the one chosen with [`set_folder`], else a
/// folder beside the database (`giaoban.backups`). The choice is kept in a small file beside
/// the database, so it is known even when the database is damaged.
pub fn folder(db: &Path) -> PathBuf {
    fs::read_to_string(choice_file(db))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map_or_else(|| default_folder(db), PathBuf::from)
}

/// Chooses the backup folder of the database at `db` (e.g. on a second disk); `None` goes
/// back to the folder beside the database. The folder is created and must be writable.
pub fn set_folder(db: &Path, dir: Option<&Path>) -> Result<()> {
    let file = choice_file(db);
    match dir {
        None => match fs::remove_file(&file) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(&file)(e)),
            _ => Ok(()),
        },
        Some(dir) => {
            fs::create_dir_all(dir).map_err(Error::io(dir))?;
            let probe = dir.join(".giaoban-write-test");
            fs::write(&probe, b"ok").map_err(Error::io(dir))?;
            let _ = fs::remove_file(&probe);
            let part = file.with_extension("part");
            fs::write(&part, dir.to_string_lossy().as_bytes()).map_err(Error::io(&part))?;
            fs::rename(&part, &file).map_err(Error::io(&file))
        }
    }
}

fn choice_file(db: &Path) -> PathBuf {
    side_file(db, ".backup-folder")
}

/// The folder beside `db` used when no backup folder is chosen.
pub fn default_folder(db: &Path) -> PathBuf {
    let stem = db.file_stem().unwrap_or_default().to_string_lossy();
    db.with_file_name(format!("{stem}.backups"))
}

/// Backs up the database at `db` into `dir` through a connection of its own (a read
/// transaction: the app keeps writing meanwhile), verifies the copy, copies new attachment
/// files, and rotates the folder. A failure (full disk, removed stick) leaves no file that
/// looks like a backup. At a start, and after minutes of editing, a database whose data is
/// that of the newest backup (same installation, generation and schema) is not copied
/// again: that backup is returned.
pub fn make(db: &Path, dir: &Path, reason: Reason) -> Result<Backup> {
    if !db.is_file() {
        return Err(Error::NoDatabase {
            path: db.to_path_buf(),
        });
    }
    fs::create_dir_all(dir).map_err(Error::io(dir))?;
    let mut now = Utc::now()
        .with_timezone(&crate::date::office_offset())
        .naive_local()
        .trunc_subsecs(3);
    if matches!(reason, Reason::Start | Reason::Periodic) {
        let point = mirror::update(db, dir, reason, now)?;
        copy_missing(&store::attachments_dir(db), &dir.join("attachments"))?;
        rotate(dir)?;
        return Ok(point);
    }
    // Two backups in the same millisecond (or a clock set back), even by two programs at
    // once, never share a name: each claims its unfinished file by creating it, and the later
    // one takes the next free millisecond, so no backup is ever overwritten.
    let (path, part) = loop {
        let name = format!("{PREFIX}{}-{}{SUFFIX}", now.format(STAMP), reason.tag());
        let path = dir.join(&name);
        let part = dir.join(format!("{name}.part"));
        if !path.exists() {
            match fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&part)
            {
                Ok(_) => break (path, part),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io(&part)(e)),
            }
        }
        now += Duration::milliseconds(1);
    };
    let written = Connection::open(db)
        .and_then(|c| {
            c.busy_timeout(std::time::Duration::from_secs(10))?;
            c.execute("VACUUM INTO ?1", [part.to_string_lossy()])
        })
        .map_err(Error::from)
        .and_then(|_| verify(&part))
        .and_then(|_| sync_file(&part));
    if let Err(e) = written {
        let _ = fs::remove_file(&part);
        return Err(e);
    }
    fs::rename(&part, &path).map_err(Error::io(&path))?;
    sync_dir(dir);
    copy_missing(&store::attachments_dir(db), &dir.join("attachments"))?;
    rotate(dir)?;
    let size_kb = kib(fs::metadata(&path).map_err(Error::io(&path))?.len());
    Ok(Backup {
        path,
        made_at: now,
        reason,
        size_kb,
    })
}

/// The backup made before an import changes anything (none for a database in memory).
pub fn before_import(store: &Store) -> Result<Option<PathBuf>> {
    store
        .path()
        .map(|db| Ok(make(db, &folder(db), Reason::BeforeImport)?.path))
        .transpose()
}

/// Checks that `file` is a sound Giao Ban database this build can open.
pub fn verify(file: &Path) -> Result<()> {
    let bad = || Error::Corrupt {
        path: file.to_path_buf(),
    };
    if !file.is_file() {
        return Err(Error::NoDatabase {
            path: file.to_path_buf(),
        });
    }
    let conn =
        Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| bad())?;
    let ours: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| bad())?;
    if ours != store::APPLICATION_ID {
        return Err(bad());
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > store::LATEST_VERSION {
        return Err(Error::NewerSchema {
            found: version,
            supported: store::LATEST_VERSION,
        });
    }
    let result: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(|_| bad())?;
    if result == "ok" { Ok(()) } else { Err(bad()) }
}

fn kib(bytes: u64) -> u32 {
    u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX)
}

fn sync_file(path: &Path) -> Result<()> {
    fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(Error::io(path))
}

/// Makes a rename in `dir` durable (where the platform allows syncing a folder).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Copies into `to` the files of `from` it does not have yet (attachments are named by their
/// content hash, so a file of the same name holds the same bytes).
fn copy_missing(from: &Path, to: &Path) -> Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    for entry in walk(from)? {
        let rel = entry.strip_prefix(from).expect("walked under from");
        let target = to.join(rel);
        if target.exists() {
            continue;
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(Error::io(parent))?;
        }
        let part = target.with_extension("part");
        fs::copy(&entry, &part).map_err(Error::io(&part))?;
        sync_file(&part)?;
        fs::rename(&part, &target).map_err(Error::io(&target))?;
    }
    Ok(())
}

fn walk(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(Error::io(dir))? {
        let path = entry.map_err(Error::io(dir))?.path();
        if path.is_dir() {
            out.extend(walk(&path)?);
        } else {
            out.push(path);
        }
    }
    Ok(out)
}

/// The backups in `dir`, newest first: whole copies, the mirror's newest point and the
/// points its undo files bring back. Unfinished copies and other files are ignored.
pub fn list(dir: &Path) -> Result<Vec<Backup>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out: Vec<Backup> = mirror::newest(dir).into_iter().collect();
    for entry in fs::read_dir(dir).map_err(Error::io(dir))? {
        let entry = entry.map_err(Error::io(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(middle) = name.strip_prefix(PREFIX).and_then(|n| {
            n.strip_suffix(SUFFIX)
                .or_else(|| n.strip_suffix(mirror::UNDO))
        }) else {
            continue;
        };
        // "20261122-093015.123-before-import": the stamp is the first 19 characters.
        let (stamp, tag) = middle.split_at(middle.len().min(19));
        let (Ok(made_at), Some(reason)) = (
            NaiveDateTime::parse_from_str(stamp, STAMP),
            tag.strip_prefix('-').and_then(Reason::from_tag),
        ) else {
            continue;
        };
        let size_kb = kib(entry.metadata().map_err(Error::io(dir))?.len());
        out.push(Backup {
            path: entry.path(),
            made_at,
            reason,
            size_kb,
        });
    }
    out.sort_by_key(|b| std::cmp::Reverse(b.made_at));
    Ok(out)
}

/// Deletes the whole copies that are neither among the newest [`KEEP_LAST`] nor the newest
/// of one of the last [`KEEP_DAYS`] days, and the mirror's undo files older than
/// [`KEEP_DAYS`] days (the oldest first, so every point kept can still be brought back).
pub fn rotate(dir: &Path) -> Result<()> {
    let all = list(dir)?;
    let Some(newest) = all.first().map(|b| b.made_at.date()) else {
        return Ok(());
    };
    let mut days_kept = std::collections::HashSet::new();
    let (points, copies): (Vec<Backup>, Vec<Backup>) =
        all.into_iter().partition(|b| mirror::is_point(&b.path));
    for (i, b) in copies.iter().enumerate() {
        let day = b.made_at.date();
        let recent_day = newest - day < Duration::days(KEEP_DAYS);
        let first_of_day = days_kept.insert(day);
        if i >= KEEP_LAST && !(recent_day && first_of_day) {
            fs::remove_file(&b.path).map_err(Error::io(&b.path))?;
        }
    }
    for b in points.iter().rev() {
        let old = newest - b.made_at.date() >= Duration::days(KEEP_DAYS);
        if old && b.path.to_string_lossy().ends_with(mirror::UNDO) {
            fs::remove_file(&b.path).map_err(Error::io(&b.path))?;
        }
    }
    Ok(())
}

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Restored {
    /// The backup of the state before the restore (none when that state was damaged).
    pub safety_backup: Option<Backup>,
    /// Where a damaged database was moved instead.
    pub moved_aside: Option<PathBuf>,
    /// The backup came from another machine, and this machine kept its own identity (its
    /// installation id, signing key, name and trusted peers).
    pub identity_kept: bool,
}

/// Whose identity a restore leaves on this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Identity {
    /// This machine's own (the default): a backup of another machine brings its records,
    /// never its installation id, signing key or trusted peers.
    #[default]
    KeepThisMachine,
    /// The backup's: this machine replaces the one the backup came from (a new PC for the
    /// same office); that machine must not exchange again, or two would sign as one.
    TakeFromBackup,
}

/// What makes a machine itself in its database: the settings, rows and tables below.
struct MachineIdentity {
    settings: Vec<(String, String)>,
    installation: Vec<rusqlite::types::Value>,
    tables: Vec<(&'static str, Vec<Vec<rusqlite::types::Value>>)>,
}

/// The settings and tables of a machine's identity.
const IDENTITY_SETTINGS: &[&str] = &["installation_id", crate::store::signing::SECRET];
const IDENTITY_TABLES: &[&str] = &["peer", "peer_unit"];

fn rows_of(conn: &rusqlite::Connection, sql: &str) -> Result<Vec<Vec<rusqlite::types::Value>>> {
    let mut stmt = conn.prepare(sql)?;
    let n = stmt.column_count();
    let rows = stmt.query_map([], |r| (0..n).map(|i| r.get(i)).collect())?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl MachineIdentity {
    fn read(conn: &rusqlite::Connection) -> Result<MachineIdentity> {
        let mut settings = Vec::new();
        for key in IDENTITY_SETTINGS {
            let v: Option<String> = conn
                .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(v) = v {
                settings.push((key.to_string(), v));
            }
        }
        let id = settings
            .first()
            .and_then(|(_, v)| uuid::Uuid::parse_str(v).ok())
            .unwrap_or_default();
        let installation = conn
            .prepare("SELECT * FROM installation WHERE id = ?1")?
            .query_map([id], |r| {
                (0..r.as_ref().column_count())
                    .map(|i| r.get(i))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })?
            .next()
            .transpose()?
            .unwrap_or_default();
        let tables = IDENTITY_TABLES
            .iter()
            .map(|t| Ok((*t, rows_of(conn, &format!("SELECT * FROM {t}"))?)))
            .collect::<Result<_>>()?;
        Ok(MachineIdentity {
            settings,
            installation,
            tables,
        })
    }

    fn id(&self) -> Option<&str> {
        self.settings.first().map(|(_, v)| v.as_str())
    }

    /// Puts this identity into the database `db` in one transaction.
    fn write(&self, db: &Path) -> Result<()> {
        let mut conn = rusqlite::Connection::open(db)?;
        let tx = conn.transaction()?;
        for (k, v) in &self.settings {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (k, v),
            )?;
        }
        if !self.installation.is_empty() {
            let marks = vec!["?"; self.installation.len()].join(", ");
            tx.execute(
                &format!("INSERT OR REPLACE INTO installation VALUES ({marks})"),
                rusqlite::params_from_iter(&self.installation),
            )?;
        }
        for (t, _) in self.tables.iter().rev() {
            tx.execute(&format!("DELETE FROM {t}"), [])?;
        }
        for (t, rows) in &self.tables {
            for row in rows {
                let marks = vec!["?"; row.len()].join(", ");
                tx.execute(
                    &format!("INSERT INTO {t} VALUES ({marks})"),
                    rusqlite::params_from_iter(row),
                )?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Replaces the database at `db` with the backup `from`, after checking it, keeping this
/// machine's identity (see [`restore_as`]).
pub fn restore(db: &Path, from: &Path, dir: &Path) -> Result<Restored> {
    restore_as(db, from, dir, Identity::KeepThisMachine)
}

/// Replaces the database at `db` with the backup `from`, after checking it. The current
/// database is first backed up into `dir`, or moved aside when it cannot be opened. A
/// backup of another machine keeps this machine's identity unless `identity` says to take
/// the backup's. No connection to `db` may be open.
pub fn restore_as(db: &Path, from: &Path, dir: &Path, identity: Identity) -> Result<Restored> {
    if mirror::is_point(from) {
        // A point of the mirror: made whole beside it first, then restored like any copy.
        let folder = from.parent().unwrap_or(dir);
        let whole = mirror::materialize(folder, from)?;
        let restored = restore_as(db, &whole, dir, identity);
        let _ = fs::remove_file(&whole);
        return restored;
    }
    verify(from)?;
    // Copied first: the safety backup's rotation may remove `from` when it is an old
    // backup of the same folder.
    let part = db.with_extension("restoring");
    fs::copy(from, &part).map_err(Error::io(&part))?;
    sync_file(&part)?;
    let mut restored = Restored {
        safety_backup: None,
        moved_aside: None,
        identity_kept: false,
    };
    let mut mine = None;
    if db.exists() {
        let kept = match Store::open(db, OpenMode::Existing) {
            Ok(current) => make(db, dir, Reason::BeforeRestore).and_then(|made| {
                restored.safety_backup = Some(made);
                if identity == Identity::KeepThisMachine {
                    mine = Some(MachineIdentity::read(current.conn())?);
                }
                Ok(current
                    .conn()
                    .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?)
            }),
            Err(Error::Corrupt { .. }) => move_aside(db).map(|aside| {
                restored.moved_aside = Some(aside);
            }),
            Err(e) => Err(e),
        };
        if let Err(e) = kept {
            let _ = fs::remove_file(&part);
            return Err(e);
        }
    }
    for side in ["-wal", "-shm"] {
        let f = side_file(db, side);
        if f.exists() {
            fs::remove_file(&f).map_err(Error::io(&f))?;
        }
    }
    fs::rename(&part, db).map_err(Error::io(db))?;
    if let Some(parent) = db.parent() {
        sync_dir(parent);
    }
    let theirs = MachineIdentity::read(Store::open(db, OpenMode::Existing)?.conn())?;
    if let Some(mine) = mine.filter(|m| m.id() != theirs.id()) {
        mine.write(db)?;
        restored.identity_kept = true;
    }
    copy_missing(&dir.join("attachments"), &store::attachments_dir(db))?;
    Ok(restored)
}

fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// Renames a damaged database (and its WAL) to `<name>.damaged-<time>`; returns the new path.
pub fn move_aside(db: &Path) -> Result<PathBuf> {
    let stamp = Utc::now()
        .with_timezone(&crate::date::office_offset())
        .format("%Y%m%d-%H%M%S");
    let mut aside = db.as_os_str().to_owned();
    aside.push(format!(".damaged-{stamp}"));
    let aside = PathBuf::from(aside);
    fs::rename(db, &aside).map_err(Error::io(db))?;
    for side in ["-wal", "-shm"] {
        let f = side_file(db, side);
        if f.exists() {
            fs::rename(&f, side_file(&aside, side)).map_err(Error::io(&f))?;
        }
    }
    Ok(aside)
}

/// Opens the database at start: a file that is damaged, or fails `quick_check`, is moved
/// aside and reported as [`Error::Damaged`] (with where it went), never opened by the app.
/// `quick_check` reads the whole file (40 s for a 3.7 GB database), so it is skipped when the
/// file is exactly as the app left it at a clean close ([`mark_closed`]): same size and
/// modification time, no write-ahead log. A crash or a power cut leaves no such stamp.
pub fn open_checked(db: &Path) -> Result<Store> {
    if !db.exists() {
        return Err(Error::NoDatabase {
            path: db.to_path_buf(),
        });
    }
    let stamp = side_file(db, CLOSED);
    let as_left = fs::read_to_string(&stamp).is_ok_and(|s| Some(s) == file_state(db))
        && !side_file(db, "-wal").exists();
    // Open from now on: should the app stop without closing, the next start checks.
    let _ = fs::remove_file(&stamp);
    // Read-write, so SQLite can replay a WAL left by a crash (a read-only connection
    // cannot, and would take a sound database for a damaged one); nothing of ours is written.
    let sound = as_left
        || Connection::open(db)
            .and_then(|c| c.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)))
            .is_ok_and(|r| r == "ok");
    match sound.then(|| Store::open(db, OpenMode::Existing)) {
        Some(Err(Error::Corrupt { .. })) | None => Err(Error::Damaged {
            path: db.to_path_buf(),
            moved_to: move_aside(db)?,
        }),
        Some(opened) => opened,
    }
}

/// The stamp a clean close leaves beside the database.
const CLOSED: &str = ".closed";

/// The database file's size and modification time, as text.
fn file_state(db: &Path) -> Option<String> {
    let meta = fs::metadata(db).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!("{} {}", meta.len(), modified.as_nanos()))
}

/// Notes that the app closed the database cleanly (call it once every connection is
/// closed): the next [`open_checked`] need not read the whole file while it stays as it is.
pub fn mark_closed(db: &Path) -> Result<()> {
    let Some(state) = file_state(db) else {
        return Ok(());
    };
    let stamp = side_file(db, CLOSED);
    fs::write(&stamp, state).map_err(Error::io(&stamp))
}
