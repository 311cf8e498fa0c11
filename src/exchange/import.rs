//! Import: a bundle's seal, sender and role checked, previewed, then merged in one
//! transaction after a backup; a large file into an empty database in bulk.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use super::bundle::{self, Manifest, Record, Val};
use super::merge::MergeCounts;
use super::schema::TABLES;
use super::{change, glance, identity, merge, role, schema};
use crate::backup;
use crate::error::{BundleProblem, Error, Result};
use crate::store::Store;
use crate::store::clock;
use crate::store::value::ts;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The passphrase of an encrypted bundle.
    pub passphrase: Option<SecretString>,
    /// Only say what would change.
    pub dry_run: bool,
    /// Trust the sender with this role (the user compared the fingerprint).
    pub trust: Option<role::Grant>,
}

/// What an import did (or, for a dry run, would do).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Imported {
    /// The bundle's id.
    pub bundle_id: Uuid,
    /// The sending installation and its name.
    pub sender: Uuid,
    /// Its display name.
    pub sender_name: String,
    /// Its key's fingerprint.
    pub fingerprint: String,
    /// What the sender selected, in words.
    pub scope: String,
    /// When it was made (UTC).
    pub created_at: String,
    /// The bundle had been imported before: nothing changed.
    pub already: bool,
    /// Nothing was written (a preview).
    pub dry_run: bool,
    /// Per table: new, updated, unchanged, conflicts, deleted.
    pub tables: BTreeMap<String, MergeCounts>,
    /// Field by field, what changes in records held here (at most [`change::LISTED`]).
    pub changes: Vec<change::Change>,
    /// Changes beyond those listed.
    pub changes_left_out: u32,
    /// The backup made just before.
    pub backup: Option<PathBuf>,
}

/// The sender's fingerprint, once its key is found to be the one trusted here (or the
/// user trusts it now): a bundle from this installation, from a known sender signing with
/// another key, or from one not trusted is refused. `name` is the sender's name in the
/// file (none yet for an encrypted file, whose sender is checked before decrypting).
fn trusted_sender(
    store: &Store,
    sender: Uuid,
    key: &ed25519_dalek::VerifyingKey,
    name: Option<&str>,
    trust: bool,
) -> Result<String> {
    let fingerprint = bundle::fingerprint(key);
    if sender == store.installation() {
        return Err(Error::Bundle(BundleProblem::OwnBundle));
    }
    // A sender's name is shown and kept: a line of ordinary text.
    if let Some(n) = name.filter(|n| {
        n.trim().is_empty() || n.chars().count() > 200 || n.chars().any(char::is_control)
    }) {
        return Err(crate::error::BadValue::error(
            "manifest",
            sender.simple().to_string(),
            "sender_name",
            n.chars().filter(|c| !c.is_control()).take(40).collect(),
        ));
    }
    let known = identity::known_key(store.conn(), sender)?;
    let name = || match (name, known.is_some()) {
        (Some(n), _) => n.to_string(),
        (None, true) => identity::peers(store.conn())
            .ok()
            .and_then(|all| all.into_iter().find(|p| p.id == sender).map(|p| p.name))
            .unwrap_or_default(),
        (None, false) => String::new(),
    };
    match &known {
        Some((k, _)) if *k != hex::encode(key.as_bytes()) => {
            Err(Error::Bundle(BundleProblem::KeyChanged { name: name() }))
        }
        Some((_, true)) => Ok(fingerprint),
        _ if trust => Ok(fingerprint),
        _ => Err(Error::Bundle(BundleProblem::UnknownSender {
            name: name(),
            fingerprint,
        })),
    }
}

/// Imports (merges) the bundle at `path` in one transaction after a backup, or nothing at
/// all. The file's seal, entries and manifest are checked first; its records before any is
/// merged, or, into a database without records, while they are merged (see
/// [`bundle::Sealed::stream`]).
pub fn import(store: &mut Store, path: &Path, o: &ImportOptions) -> Result<Imported> {
    let trust = o.trust.is_some();
    // An encrypted file's sender is checked before anything is decrypted.
    let mut sealed = bundle::open_checked(path, o.passphrase.as_ref(), &|sender, key| {
        trusted_sender(store, sender, key, None, trust).map(|_| ())
    })?;
    let fingerprint = trusted_sender(
        store,
        sealed.manifest.sender,
        &sealed.key,
        Some(&sealed.manifest.sender_name),
        trust,
    )?;
    if let Some(g) = &o.trust {
        g.checked(store.conn())?;
    }
    let (sender, sender_name, here) = (
        sealed.manifest.sender,
        sealed.manifest.sender_name.clone(),
        store.installation(),
    );
    let permit =
        |conn: &Connection| role::Permit::load(conn, sender, &sender_name, here, o.trust.as_ref());
    // Nothing but the manifest was inflated before the sender was found trusted.
    sealed.load_files()?;
    let m = &sealed.manifest;
    let mut report = Imported {
        bundle_id: m.bundle_id,
        sender: m.sender,
        sender_name: m.sender_name.clone(),
        fingerprint,
        scope: m.scope.clone(),
        created_at: m.created_at.clone(),
        already: false,
        dry_run: o.dry_run,
        tables: BTreeMap::new(),
        changes: Vec::new(),
        changes_left_out: 0,
        backup: None,
    };
    let rows_here = approximate_rows(store.conn())?;
    // Only another machine of this office may fill an empty database in bulk: every other
    // sender's records are each checked against its role.
    if rows_here == 0 && !o.dry_run && permit(store.conn())?.is_office() {
        if already_imported(store.conn(), m.bundle_id)? {
            report.already = true;
            return Ok(report);
        }
        // A dangling reference is refused by the commit itself; the import then runs again,
        // looking for it, to name what is missing (a broken file only).
        return match import_into_empty(store, path, o, &sealed, report.clone(), false) {
            Err(e) if e.is_dangling_reference() => {
                import_into_empty(store, path, o, &sealed, report, true)
            }
            done => done,
        };
    }
    // Every line is read lightly; those this database does not hold as they are, whole.
    let scanning = Scanning::start(store, &sealed.manifest, rows_here)?;
    let bytes = sealed.inflate()?;
    let read = glance::read(&sealed, &bytes)?;
    clock::observe(&read.newest);
    if already_imported(store.conn(), sealed.manifest.bundle_id)? {
        report.already = true;
        return Ok(report);
    }
    let mut skipped: BTreeMap<String, u32> = BTreeMap::new();
    let mut lines = Vec::new();
    let mut helds = Vec::new();
    for (g, held) in read
        .glances
        .iter()
        .zip(scanning.held_all(store, &read.glances, rows_here)?)
    {
        match held {
            merge::Held::Same => match skipped.get_mut(g.t) {
                Some(n) => *n += 1,
                None => {
                    skipped.insert(g.t.to_string(), 1);
                }
            },
            held => {
                lines.push(g.line.clone());
                helds.push(held);
            }
        }
    }
    let mut records: Vec<(usize, Record, merge::Held)> = glance::read_whole(&bytes, &lines)?
        .into_iter()
        .zip(lines.iter().zip(helds))
        .map(|(r, (line, held))| (line.start, r, held))
        .chain(
            read.whole
                .into_iter()
                .map(|(at, r)| (at, r, merge::Held::Other)),
        )
        .collect();
    records.sort_by_key(|(at, _, _)| *at);
    let todo: Vec<(&Record, merge::Held)> = records.iter().map(|(_, r, h)| (r, *h)).collect();
    // The later deadlines the file's extensions ask for (a unit's are requests).
    let requested = requested_deadlines(todo.iter().map(|(r, _)| *r));
    if !o.dry_run && !todo.is_empty() {
        report.backup = backup::before_import(store)?;
    }
    let m = &sealed.manifest;
    let files_dir = store.attachments_dir();
    let site = store.installation();
    let arrival = Arrival {
        manifest: m,
        key: &sealed.key,
        files: &sealed.files,
        path,
        trust: o.trust.as_ref(),
        backup: report.backup.as_deref(),
        files_dir: files_dir.as_deref(),
    };
    let merge_all = |tx: &crate::store::Tx<'_>| -> Result<Merged> {
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let mut cx = merge::Ctx::new(
            tx,
            clock::tick(site),
            permit(tx)?.with_requests(requested.clone()),
            true,
        )?;
        let mut tables: BTreeMap<String, MergeCounts> = skipped
            .iter()
            .map(|(t, n)| {
                (
                    t.clone(),
                    MergeCounts {
                        unchanged: *n,
                        ..MergeCounts::default()
                    },
                )
            })
            .collect();
        // Rows parents first, then deletions children first.
        let mut rows: Vec<_> = todo
            .iter()
            .copied()
            .filter(|(r, _)| r.del.is_none())
            .collect();
        rows.sort_by_key(|(r, _)| table_order(r));
        let mut dels: Vec<_> = todo
            .iter()
            .copied()
            .filter(|(r, _)| r.del.is_some())
            .collect();
        dels.sort_by_key(|(r, _)| std::cmp::Reverse(table_order(r)));
        for (rec, held) in rows.into_iter().chain(dels) {
            merge_one(tx, rec, held, &mut cx, &mut tables)?;
        }
        arrival.conclude(tx, !todo.is_empty(), &tables)?;
        Ok(Merged {
            tables,
            changes: cx.changes.listed,
            left_out: cx.changes.left_out,
        })
    };
    // A bundle as large as a quarter of this database is merged as a bulk load: the search
    // index is rebuilt once at the end instead of row by row.
    let bulk = todo.len() as u64 * 4 > rows_here;
    let merged = if o.dry_run {
        store.trial(merge_all)
    } else if bulk {
        store.bulk_write(merge_all)
    } else {
        store.write(merge_all)
    };
    let merged = kept_or_undone(merged, report.backup.as_deref())?;
    report.tables = merged.tables;
    report.changes = merged.changes;
    report.changes_left_out = merged.left_out;
    drop(todo);
    free_later((records, bytes));
    Ok(report)
}

/// Import into a database that holds no records yet (a new installation receiving a whole
/// office): every record is new, so none is looked up, and the records are merged batch by
/// batch while the rest of the file is still being read. References are left to the commit
/// to check unless `name_missing` (a second run, after the commit refused one).
fn import_into_empty(
    store: &mut Store,
    path: &Path,
    o: &ImportOptions,
    sealed: &bundle::Sealed,
    mut report: Imported,
    name_missing: bool,
) -> Result<Imported> {
    if sealed.manifest.counts.values().any(|n| *n > 0) {
        report.backup = backup::before_import(store)?;
    }
    let files_dir = store.attachments_dir();
    let site = store.installation();
    let arrival = Arrival {
        manifest: &sealed.manifest,
        key: &sealed.key,
        files: &sealed.files,
        path,
        trust: o.trust.as_ref(),
        backup: report.backup.as_deref(),
        files_dir: files_dir.as_deref(),
    };
    let merged = store.bulk_write(|tx| {
        tx.pragma_update(None, "defer_foreign_keys", "ON")?;
        let mut cx = merge::Ctx::new(
            tx,
            clock::tick(site),
            role::Permit::load(
                tx,
                sealed.manifest.sender,
                &sealed.manifest.sender_name,
                site,
                o.trust.as_ref(),
            )?,
            // A new database: the import's one entry says what arrived.
            false,
        )?;
        let mut tables: BTreeMap<String, MergeCounts> = BTreeMap::new();
        let mut newest = String::new();
        // References are checked at the end (deferred), so rows merge in the file's order;
        // deletions (tombstones only, here) wait for every row, children first.
        let mut dels: Vec<Record> = Vec::new();
        let mut any = false;
        sealed.stream(|batch| {
            for rec in batch {
                let h = bundle::newest_clock(rec)?;
                if *h > *newest {
                    newest = h.to_string();
                }
                any = true;
            }
            // Runs of new records of one table go in together, the rest one by one.
            let mut rest = batch;
            while let Some(rec) = rest.first() {
                let run = rest
                    .iter()
                    .take_while(|r| r.t == rec.t && r.del.is_none())
                    .count();
                if run > 1 && merge::insertable_new(&cx, &rec.t) {
                    let c = tables.entry(rec.t.to_string()).or_default();
                    merge::insert_new(tx, &rest[..run], &cx, c)
                        .map_err(|e| refused_as_malformed(e, &rec.t))?;
                    rest = &rest[run..];
                    continue;
                }
                if rec.del.is_some() {
                    dels.push(rec.clone());
                } else {
                    merge_one(tx, rec, merge::Held::Absent, &mut cx, &mut tables)?;
                }
                rest = &rest[1..];
            }
            Ok(())
        })?;
        dels.sort_by_key(|r| std::cmp::Reverse(table_order(r)));
        for rec in &dels {
            merge_one(tx, rec, merge::Held::Absent, &mut cx, &mut tables)?;
        }
        clock::observe(&newest);
        arrival.conclude(tx, any && name_missing, &tables)?;
        Ok(tables)
    });
    report.tables = kept_or_undone(merged, report.backup.as_deref())?;
    Ok(report)
}

/// The (directive id, new deadline) of every extension among `records`.
fn requested_deadlines<'r>(
    records: impl Iterator<Item = &'r Record>,
) -> std::collections::HashSet<(Vec<u8>, String)> {
    let t = schema::table("extension").expect("extensions are exchanged");
    let cols = t.columns();
    let at = |c: &str| {
        cols.iter()
            .position(|x| *x == c)
            .expect("an extension column")
    };
    let (directive, deadline) = (at("directive_id"), at("new_deadline"));
    records
        .filter(|r| r.t == "extension")
        .filter_map(|r| {
            let row = r.row.as_ref()?;
            match (row.get(directive), row.get(deadline)) {
                (Some(Val::Blob(d)), Some(Val::Text(n))) => Some((d.to_vec(), n.to_string())),
                _ => None,
            }
        })
        .collect()
}

/// Whether the bundle `id` was imported here before.
fn already_imported(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM bundle_log WHERE bundle_id = ?1 AND direction = 'in')",
        [id],
        |r| r.get(0),
    )?)
}

/// Where a record's table stands in [`TABLES`] (parents before children).
fn table_order(r: &Record) -> usize {
    TABLES
        .iter()
        .position(|t| t.name == r.t)
        .unwrap_or(usize::MAX)
}

/// Merges one record, counting it under its table.
fn merge_one(
    tx: &crate::store::Tx<'_>,
    rec: &Record,
    held: merge::Held,
    cx: &mut merge::Ctx,
    tables: &mut BTreeMap<String, MergeCounts>,
) -> Result<()> {
    let c = match tables.get_mut(rec.t.as_str()) {
        Some(c) => c,
        None => tables.entry(rec.t.to_string()).or_default(),
    };
    merge::apply(tx, rec, held, cx, c).map_err(|e| refused_as_malformed(e, &rec.t))
}

/// A record of table `t` the database refused is a malformed one.
fn refused_as_malformed(e: Error, t: &str) -> Error {
    match e {
        Error::Storage(_) => Error::Bundle(BundleProblem::Malformed(t.to_string())),
        other => other,
    }
}

/// What an import merged, or its error; the backup of a database an import left unchanged
/// is not kept.
fn kept_or_undone<T>(merged: Result<T>, backup: Option<&Path>) -> Result<T> {
    if merged.is_err()
        && let Some(b) = backup
    {
        let _ = std::fs::remove_file(b);
    }
    merged
}

/// What a merge did: its counts per table and the changes it made to records held here.
struct Merged {
    tables: BTreeMap<String, MergeCounts>,
    changes: Vec<change::Change>,
    left_out: u32,
}

/// What an import records besides the records themselves, and its last checks.
struct Arrival<'a> {
    manifest: &'a Manifest,
    key: &'a ed25519_dalek::VerifyingKey,
    files: &'a BTreeMap<String, Vec<u8>>,
    path: &'a Path,
    trust: Option<&'a role::Grant>,
    backup: Option<&'a Path>,
    files_dir: Option<&'a Path>,
}

impl Arrival<'_> {
    /// In the import's transaction, after its records: when `check_references`, every
    /// reference is looked up over the whole database (a merge may also have deleted a
    /// parent) and the first kind of record missing is named (otherwise the commit still
    /// refuses a dangling one, unnamed: the references are deferred foreign keys); the
    /// attached files are stored, the sender is met, and the bundle is written in the
    /// history and the bundle log (importing it again changes nothing).
    fn conclude(
        &self,
        tx: &crate::store::Tx<'_>,
        check_references: bool,
        tables: &BTreeMap<String, MergeCounts>,
    ) -> Result<()> {
        let m = self.manifest;
        let broken: Option<(String, String)> = if check_references {
            tx.query_row(
                "SELECT \"table\", parent FROM pragma_foreign_key_check LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
        } else {
            None
        };
        if let Some((table, refers_to)) = broken {
            let words = |t: &str| {
                [crate::Lang::Vi, crate::Lang::En]
                    .map(|l| crate::labels::label("record_table", t, l).to_string())
            };
            return Err(Error::Bundle(BundleProblem::MissingReference(Box::new(
                crate::error::MissingReference {
                    words: [words(&table), words(&refers_to)],
                    table,
                    refers_to,
                },
            ))));
        }
        unit_cycle(tx)?;
        if let Some(dir) = self.files_dir {
            for (sha, content) in self.files {
                let dest = crate::attachment::blob_path(dir, sha)
                    .ok_or_else(|| Error::Bundle(BundleProblem::UnsafeEntry(sha.clone())))?;
                if !dest.exists() {
                    crate::attachment::write_atomically(&dest, content)?;
                }
            }
        }
        identity::meet(tx, m.sender, &m.sender_name, self.key, self.trust)?;
        tx.audit(
            "bundle",
            m.bundle_id,
            "import",
            serde_json::json!({ "sender": m.sender_name, "file": self.path, "counts": tables }),
        )?;
        let seq: i64 = tx.query_row("SELECT max(seq) FROM audit", [], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO bundle_log (bundle_id, direction, peer_id, at, counts, backup_path, audit_seq)
             VALUES (?1, 'in', ?2, ?3, ?4, ?5, ?6)",
            (
                m.bundle_id,
                m.sender,
                ts(tx.now()),
                serde_json::to_string(tables).expect("counts serialise"),
                self.backup.map(|p| p.to_string_lossy().into_owned()),
                seq,
            ),
        )?;
        Ok(())
    }
}

/// The stamps of the tables a bundle carries in bulk ([`scan_bulk_tables`]), read on a
/// thread of its own through a read-only connection (handed back for the lookups) while the
/// file is read; through the store's own connection, later, for a database in memory.
struct Scanning {
    thread: Option<std::thread::JoinHandle<Result<(Scans, Connection)>>>,
}

impl Drop for Scanning {
    /// An import that stops early (a refused file, one imported before) still waits for the
    /// scan, so that nothing reads the database after the import returned.
    fn drop(&mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Stamps by table name.
type Scans = HashMap<String, merge::TableStamps>;

impl Scanning {
    /// Starts reading, for a database of about `rows_here` records, the tables of which the
    /// manifest declares many records.
    fn start(store: &Store, manifest: &Manifest, rows_here: u64) -> Result<Scanning> {
        let thread = match store.path() {
            Some(db) if rows_here > 0 => {
                let conn = Connection::open_with_flags(
                    db,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                        | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                let counts = manifest.counts.clone();
                let carried = move |t: &str| counts.get(t).copied().unwrap_or(0);
                Some(std::thread::spawn(move || {
                    conn.pragma_update(None, "mmap_size", LOOKUP_MMAP)?;
                    let scans = scan_bulk_tables(&conn, carried)?;
                    Ok((scans, conn))
                }))
            }
            _ => None,
        };
        Ok(Scanning { thread })
    }

    /// What this database holds of each record. An empty database holds none of them; a
    /// table the bundle carries in bulk is read whole once; a large bundle is looked up in
    /// two halves at once, the second through the scanning thread's connection, both reading
    /// the file mapped in memory (each in one read transaction, not a lock per lookup).
    fn held_all(
        mut self,
        store: &Store,
        records: &[glance::Glance<'_>],
        rows_here: u64,
    ) -> Result<Vec<merge::Held>> {
        let (scans, second) = match self.thread.take() {
            Some(t) => {
                let (scans, conn) = t.join().expect("a scanning thread does not panic")?;
                (scans, Some(conn))
            }
            None if rows_here > 0 => {
                let mut carried: HashMap<&str, u64> = HashMap::new();
                for r in records {
                    *carried.entry(r.t).or_default() += 1;
                }
                let carried = |t: &str| carried.get(t).copied().unwrap_or(0);
                (scan_bulk_tables(store.conn(), carried)?, None)
            }
            None => (HashMap::new(), None),
        };
        let scanned = &scans;
        let held = match second {
            Some(second) if records.len() >= 20_000 => {
                let (first_half, second_half) = records.split_at(records.len() / 2);
                let (mut held, rest) = std::thread::scope(|s| {
                    let other = s.spawn(move || look_up(&second, second_half, rows_here, scanned));
                    let mine = look_up(store.conn(), first_half, rows_here, scanned);
                    (mine, other.join().expect("a lookup thread does not panic"))
                });
                if let Ok(h) = &mut held {
                    h.extend(rest?);
                }
                held
            }
            _ => look_up(store.conn(), records, rows_here, scanned),
        };
        free_later(scans);
        store.conn().pragma_update(None, "mmap_size", 0)?;
        held
    }
}

/// Frees a large value on a thread of its own: freeing half a million parsed records takes
/// longer (0.3–0.5 s) than anyone should wait for it.
fn free_later<T: Send + 'static>(v: T) {
    // Should no thread start, the value is freed here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(v));
}

/// Bytes of the database mapped in memory while a large bundle is looked up (page reads
/// without a copy into SQLite's cache: about a third faster).
const LOOKUP_MMAP: i64 = 2 << 30;

/// The stamps of each table keyed by one id of which the bundle carries (`carried`) at least
/// 1,000 records and a quarter of the rows here, by table name: one read of the table
/// instead of a lookup per record.
fn scan_bulk_tables(conn: &Connection, carried: impl Fn(&str) -> u64) -> Result<Scans> {
    let mut out = HashMap::new();
    let _read = conn.unchecked_transaction()?;
    for t in TABLES.iter().filter(|t| t.key == ["id"]) {
        let n = carried(t.name);
        if n < 1_000 {
            continue;
        }
        let here: i64 = conn.query_row(&format!("SELECT count(*) FROM {}", t.name), [], |r| {
            r.get(0)
        })?;
        if n * 4 >= here.max(0) as u64 {
            out.insert(t.name.to_string(), merge::stamps_of_table(conn, t)?);
        }
    }
    Ok(out)
}

/// [`Scanning::held_all`] for `part`, through `conn`.
fn look_up(
    conn: &Connection,
    part: &[glance::Glance<'_>],
    rows_here: u64,
    scans: &Scans,
) -> Result<Vec<merge::Held>> {
    if part.len() >= 10_000 {
        conn.pragma_update(None, "mmap_size", LOOKUP_MMAP)?;
    }
    let _read = conn.unchecked_transaction()?;
    part.iter()
        .map(|rec| {
            if rows_here == 0 && rec.del.is_none() {
                Ok(merge::Held::Absent)
            } else {
                merge::held(conn, rec, scans.get(rec.t))
            }
        })
        .collect()
}

/// About how many records the database holds (the highest row number of each table).
fn approximate_rows(conn: &Connection) -> Result<u64> {
    let mut n = 0u64;
    for t in TABLES.iter().filter(|t| t.key == ["id"]) {
        let max: Option<i64> =
            conn.query_row(&format!("SELECT max(rowid) FROM {}", t.name), [], |r| {
                r.get(0)
            })?;
        n += max.unwrap_or(0).max(0) as u64;
    }
    Ok(n)
}

/// Refuses a merge after which a unit would be its own ancestor (as a local edit is).
fn unit_cycle(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare("SELECT id, parent_id FROM unit WHERE parent_id IS NOT NULL")?;
    let parents: HashMap<Vec<u8>, Vec<u8>> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for start in parents.keys() {
        let mut at = start;
        for _ in 0..=parents.len() {
            match parents.get(at) {
                Some(up) if up == start => {
                    return Err(crate::error::BadValue::error(
                        "unit",
                        hex::encode(start),
                        "parent_id",
                        hex::encode(up),
                    ));
                }
                Some(up) => at = up,
                None => break,
            }
        }
    }
    Ok(())
}
