//! Exchange between installations that are never networked: bundles carried on USB sticks,
//! exported here and imported (merged) there, signed by the sender and optionally
//! encrypted with a passphrase. See `bundle` for the file, `merge` for the rules.

pub mod bundle;
pub mod change;
mod check;
pub use crate::store::clock;
pub mod files;
mod glance;
pub mod identity;
mod merge;
pub mod receipt;
pub mod role;
pub mod schema;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params_from_iter};
use serde::Serialize;
use uuid::Uuid;

pub use merge::MergeCounts;

use self::bundle::{Clock, Contents, Manifest, Record, Val};
use self::schema::TABLES;
use crate::backup;
use crate::error::{BundleProblem, Error, Result};
use crate::store::value::ts;
use crate::store::{Store, Tx};

/// Which records an export carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// The whole database.
    All,
    /// Meetings that started in a period (inclusive), with their items and directives.
    Meetings {
        /// First day.
        from: NaiveDate,
        /// Last day.
        to: NaiveDate,
    },
    /// Directives a unit leads or coordinates, with their progress: what a unit sends
    /// back to the leader's office (a response packet).
    Unit(Uuid),
}

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// What to select (default: everything).
    pub scope: Option<Scope>,
    /// Made for this peer: only what changed since the last bundle made for it.
    pub for_peer: Option<Uuid>,
    /// Only what changed since this day (office time).
    pub since: Option<NaiveDate>,
    /// Encrypt with this passphrase.
    pub passphrase: Option<SecretString>,
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Exported {
    /// The file.
    pub path: PathBuf,
    /// The bundle's id.
    pub bundle_id: Uuid,
    /// Records per table (deletions included).
    pub counts: BTreeMap<String, u32>,
    /// Attached files carried.
    pub files: u32,
    /// Attached files that could not be carried (missing from this computer, or altered
    /// since they were attached), by the names they were attached under.
    pub missing_files: Vec<String>,
    /// Size of the file, KB.
    pub size_kb: u32,
}

fn scope_words(o: &ExportOptions) -> String {
    let mut words = match &o.scope {
        None | Some(Scope::All) => "all".to_string(),
        Some(Scope::Meetings { from, to }) => format!("meetings {from}..{to}"),
        Some(Scope::Unit(u)) => format!("unit {u}"),
    };
    if let Some(d) = o.since {
        words += &format!(", changed since {d}");
    }
    if let Some(p) = o.for_peer {
        words += &format!(", for {p}");
    }
    words
}

/// Exports a bundle to `out`. `progress(done, total)` is called as records are written.
pub fn export(
    store: &mut Store,
    out: &Path,
    o: &ExportOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Exported> {
    let written = write_bundle(store, out, o, progress)?;
    store.write(|tx| record_export(tx, written))
}

/// An exchange file written and not yet noted in the database ([`record_export`]).
#[derive(Debug)]
pub struct BundleWritten {
    exported: Exported,
    for_peer: Option<Uuid>,
    /// The clock the file carries changes up to, for the peer's next "changes since".
    mark: String,
}

/// Writes the exchange file from a read of the database (a read-only connection will do:
/// the window's export never makes the editor's autosave wait). [`record_export`] then notes
/// it in one short write.
pub fn write_bundle(
    store: &Store,
    out: &Path,
    o: &ExportOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<BundleWritten> {
    let site = store.installation();
    let mark = clock::tick(site);
    let conn = store.conn();
    let since = watermark(conn, o)?;
    let read = conn.unchecked_transaction()?;
    select(
        &read,
        o.scope.as_ref().unwrap_or(&Scope::All),
        since.as_ref(),
    )?;
    let (records, files, missing_files, counts) = collect(
        &read,
        store.attachments_dir().as_deref(),
        since.as_ref(),
        o,
        progress,
    )?;
    drop(read);
    let me = identity::identity(conn, site)?;
    let bundle_id = Uuid::now_v7();
    let manifest = Manifest {
        format: bundle::FORMAT,
        bundle_id,
        sender: site,
        sender_name: me.name,
        recipient: o.for_peer,
        created_at: ts(Utc::now()),
        scope: scope_words(o),
        counts: counts
            .iter()
            .map(|(k, v)| (k.clone(), u64::from(*v)))
            .collect(),
        entries: BTreeMap::new(),
    };
    let key = identity::signing_key(conn)?;
    let n_files = files.len() as u32;
    let bytes = bundle::write(
        out,
        Contents {
            manifest,
            records,
            files,
            key: &key,
            passphrase: o.passphrase.as_ref(),
        },
    )?;
    Ok(BundleWritten {
        exported: Exported {
            path: out.to_path_buf(),
            bundle_id,
            counts,
            files: n_files,
            missing_files,
            size_kb: u32::try_from(bytes.div_ceil(1024)).unwrap_or(u32::MAX),
        },
        for_peer: o.for_peer,
        mark,
    })
}

/// Notes an exchange file written by [`write_bundle`]: the log of bundles, how far the
/// peer it was made for has been sent, and the audit.
pub fn record_export(tx: &Tx<'_>, w: BundleWritten) -> Result<Exported> {
    let e = w.exported;
    tx.execute(
        "INSERT INTO bundle_log (bundle_id, direction, peer_id, at, counts) VALUES (?1, 'out', ?2, ?3, ?4)",
        (e.bundle_id, w.for_peer, ts(tx.now()), serde_json::to_string(&e.counts).expect("counts serialise")),
    )?;
    if let Some(p) = w.for_peer {
        tx.execute(
            "UPDATE peer SET sent_until = ?1 WHERE id = ?2",
            (&w.mark, p),
        )?;
    }
    tx.audit(
        "bundle",
        e.bundle_id,
        "export",
        serde_json::json!({ "file": e.path, "counts": e.counts }),
    )?;
    Ok(e)
}

/// "Changed since": a local clock and the same instant as a timestamp (records made here
/// carry no clock, only their creation time).
struct Since {
    clock: String,
    time: String,
}

fn watermark(conn: &Connection, o: &ExportOptions) -> Result<Option<Since>> {
    let mut clocks = Vec::new();
    if let Some(p) = o.for_peer {
        let sent: Option<Option<String>> = conn
            .query_row("SELECT sent_until FROM peer WHERE id = ?1", [p], |r| {
                r.get(0)
            })
            .optional()?;
        match sent {
            None => return Err(Error::not_found(crate::error::Entity::Peer, p)),
            Some(Some(c)) => clocks.push(c),
            Some(None) => {}
        }
    }
    if let Some(d) = o.since {
        let start = crate::date::start_of_day(d);
        let ms = u64::try_from(start.timestamp_millis()).unwrap_or(0);
        clocks.push(format!("{:016x}{}", ms << 16, Uuid::nil().simple()));
    }
    // Both given: the later one.
    Ok(clocks.into_iter().max().map(|clock| {
        let ms = u64::from_str_radix(&clock[..12], 16).unwrap_or(0);
        let time = chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default();
        Since {
            time: ts(time),
            clock,
        }
    }))
}

/// Fills the temporary table `gb_sel(t, k)` with the records to send.
fn select(conn: &Connection, scope: &Scope, since: Option<&Since>) -> Result<()> {
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.gb_sel;
         CREATE TEMP TABLE gb_sel (t TEXT NOT NULL, k BLOB NOT NULL, PRIMARY KEY (t, k)) WITHOUT ROWID;",
    )?;
    let add = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<usize> {
        Ok(conn.execute(&format!("INSERT OR IGNORE INTO gb_sel (t, k) {sql}"), p)?)
    };
    match scope {
        Scope::All => {
            for t in TABLES {
                add(
                    &format!("SELECT '{}', {} FROM {}", t.name, t.key_sql(), t.name),
                    &[],
                )?;
            }
        }
        Scope::Meetings { from, to } => {
            let (a, b) = (
                ts(crate::date::start_of_day(*from)),
                ts(crate::date::start_of_day(to.succ_opt().unwrap_or(*to))),
            );
            add(
                "SELECT 'meeting', id FROM meeting WHERE starts_at >= ?1 AND starts_at < ?2",
                &[&a, &b],
            )?;
            for child in ["attendee", "agenda_item", "opinion", "conclusion"] {
                add(
                    &format!(
                        "SELECT '{child}', c.id FROM {child} c JOIN gb_sel s ON s.t = 'meeting' AND s.k = c.meeting_id"
                    ),
                    &[],
                )?;
            }
            add(
                "SELECT 'directive', d.id FROM directive d JOIN gb_sel s ON s.t = 'meeting' AND s.k = d.meeting_id",
                &[],
            )?;
            add(
                "SELECT 'carry', c.meeting_id || c.directive_id FROM carry c JOIN gb_sel s ON s.t = 'meeting' AND s.k = c.meeting_id",
                &[],
            )?;
        }
        Scope::Unit(u) => {
            add(
                "SELECT 'directive', id FROM directive WHERE lead_unit_id = ?1
                 UNION SELECT 'directive', directive_id FROM directive_unit WHERE unit_id = ?1",
                &[u],
            )?;
        }
    }
    if !matches!(scope, Scope::All) {
        for child in ["progress", "extension"] {
            add(
                &format!(
                    "SELECT '{child}', c.id FROM {child} c JOIN gb_sel s ON s.t = 'directive' AND s.k = c.directive_id"
                ),
                &[],
            )?;
        }
    }
    if let Some(s) = since {
        // Keep only what was made here, arrived or changed since (field_clock also holds the
        // arrival marks of group '*' that imports wrote before schema version 7).
        conn.execute_batch(
            "DROP TABLE IF EXISTS temp.gb_new;
             CREATE TEMP TABLE gb_new (t TEXT NOT NULL, k BLOB NOT NULL, PRIMARY KEY (t, k)) WITHOUT ROWID;",
        )?;
        for t in TABLES {
            conn.execute(
                &format!("INSERT OR IGNORE INTO gb_new SELECT '{0}', {1} FROM {0} WHERE created_at >= ?1 OR arrived >= ?2", t.name, t.key_sql()),
                [&s.time, &s.clock],
            )?;
        }
        conn.execute(
            "INSERT OR IGNORE INTO gb_new SELECT entity, record_id FROM field_clock WHERE seen >= ?1",
            [&s.clock],
        )?;
        conn.execute_batch(
            "DELETE FROM gb_sel WHERE NOT EXISTS (SELECT 1 FROM gb_new n WHERE n.t = gb_sel.t AND n.k = gb_sel.k);
             DROP TABLE temp.gb_new;",
        )?;
    }
    if matches!(scope, Scope::All) && since.is_none() {
        // Every record of every table is already in: nothing more to follow.
        return Ok(());
    }
    // Files of what is sent, conflict versions of what is sent, then every record that
    // what is sent refers to, so the receiver never meets a reference it cannot resolve.
    add(
        "SELECT 'attachment', a.id FROM attachment a JOIN gb_sel s ON s.t = a.owner_kind AND s.k = a.owner_id",
        &[],
    )?;
    add(
        "SELECT 'conflict', c.id FROM conflict c JOIN gb_sel s ON s.t = c.entity AND s.k = c.record_id",
        &[],
    )?;
    loop {
        let mut added = 0;
        for t in TABLES {
            for r in t.refs {
                added += add(
                    &format!(
                        "SELECT '{to}', x.{col} FROM {tn} x JOIN gb_sel s ON s.t = '{tn}' AND s.k = ({key})
                         WHERE x.{col} IS NOT NULL",
                        to = r.to,
                        col = r.col,
                        tn = t.name,
                        key = t.key_sql().split(" || ").map(|c| format!("x.{c}")).collect::<Vec<_>>().join(" || "),
                    ),
                    &[],
                )?;
            }
        }
        added += add(
            "SELECT 'unit', du.unit_id FROM directive_unit du JOIN gb_sel s ON s.t = 'directive' AND s.k = du.directive_id",
            &[],
        )?;
        if added == 0 {
            return Ok(());
        }
    }
}

/// The records as JSON lines, the attached files carried (by SHA-256), the names of those
/// that could not be (missing or altered here), and the records per table.
type Collected = (
    Vec<u8>,
    Vec<(String, Vec<u8>)>,
    Vec<String>,
    BTreeMap<String, u32>,
);

/// Reads the selected records (and the deletions to send) as JSON lines.
fn collect(
    conn: &Connection,
    files_dir: Option<&Path>,
    since: Option<&Since>,
    o: &ExportOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Collected> {
    let total: i64 = conn.query_row("SELECT count(*) FROM gb_sel", [], |r| r.get(0))?;
    let total = total as u64;
    let mut out = Vec::new();
    let mut counts = BTreeMap::new();
    let mut shas = BTreeMap::new();
    let mut done = 0u64;
    for t in TABLES {
        let cols = t.columns();
        let key = t
            .key_sql()
            .split(" || ")
            .map(|c| format!("x.{c}"))
            .collect::<Vec<_>>()
            .join(" || ");
        let mut clocks: BTreeMap<Vec<u8>, BTreeMap<String, Clock>> = BTreeMap::new();
        let mut stmt = conn.prepare(
            "SELECT f.record_id, f.grp, f.hlc, f.vv FROM field_clock f
             JOIN gb_sel s ON s.t = f.entity AND s.k = f.record_id WHERE f.entity = ?1 AND f.grp <> '*'",
        )?;
        let rows = stmt.query_map([t.name], |r| {
            Ok((
                r.get::<_, Vec<u8>>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (k, g, h, v) = row?;
            let v = serde_json::from_str(&v).unwrap_or_default();
            clocks.entry(k).or_default().insert(g, Clock { h, v });
        }
        let sql = format!(
            "SELECT {key}, {} FROM {} x JOIN gb_sel s ON s.t = '{}' AND s.k = {key} ORDER BY {key}",
            cols.iter()
                .map(|c| format!("x.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
            t.name,
            t.name,
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        let mut n = 0u32;
        while let Some(r) = rows.next()? {
            let k: Vec<u8> = r.get(0)?;
            let row = (0..cols.len())
                .map(|i| r.get_ref(i + 1).map(merge::from_sql))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if t.name == "attachment" {
                let text = |col: &str| match cols.iter().position(|c| *c == col).map(|i| &row[i]) {
                    Some(Val::Text(v)) => v.to_string(),
                    _ => String::new(),
                };
                shas.entry(text("sha256"))
                    .or_insert_with(|| text("file_name"));
            }
            let units = (t.name == "directive")
                .then(|| merge::coordinating(conn, &k))
                .transpose()?;
            let rec = Record {
                t: t.name.into(),
                k: hex::encode(&k),
                row: Some(row),
                units,
                clocks: clocks.remove(&k).unwrap_or_default(),
                del: None,
            };
            serde_json::to_writer(&mut out, &rec).expect("records serialise");
            out.push(b'\n');
            n += 1;
            done += 1;
            if done.is_multiple_of(10_000) {
                progress(done, total);
            }
        }
        // Deletions: all of them for a whole export, those since the mark otherwise.
        let stones: Vec<(Vec<u8>, String)> = match (since, &o.scope) {
            (Some(s), _) => query_pairs(
                conn,
                "SELECT record_id, hlc FROM tombstone WHERE entity = ?1 AND seen >= ?2",
                &[&t.name, &s.clock],
            )?,
            (None, None | Some(Scope::All)) => query_pairs(
                conn,
                "SELECT record_id, hlc FROM tombstone WHERE entity = ?1",
                &[&t.name],
            )?,
            (None, _) => Vec::new(),
        };
        for (k, h) in stones {
            let rec = Record {
                t: t.name.into(),
                k: hex::encode(&k),
                row: None,
                units: None,
                clocks: BTreeMap::new(),
                del: Some(h),
            };
            serde_json::to_writer(&mut out, &rec).expect("records serialise");
            out.push(b'\n');
            n += 1;
        }
        if n > 0 {
            counts.insert(t.name.to_string(), n);
        }
    }
    progress(total, total);
    // Each file is read and checked against its hash; one missing or altered here is left
    // out and named, never fatal to the export.
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for (sha, name) in shas {
        match files_dir.map(|dir| crate::attachment::read_blob(dir, &sha)) {
            Some(Ok(content)) => files.push((sha, content)),
            _ => missing.push(name),
        }
    }
    Ok((out, files, missing, counts))
}

fn query_pairs(
    conn: &Connection,
    sql: &str,
    p: &[&dyn rusqlite::ToSql],
) -> Result<Vec<(Vec<u8>, String)>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(p, |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

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
                let h = newest_clock(rec)?;
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

/// The newest clock a record carries; an error when one is too far in the future.
fn newest_clock(r: &Record) -> Result<&str> {
    let mut newest = "";
    for h in r
        .clocks
        .values()
        .map(|c| c.h.as_str())
        .chain(r.del.as_deref())
    {
        if !clock::acceptable(h) {
            return Err(Error::Bundle(BundleProblem::FutureClock));
        }
        newest = newest.max(h);
    }
    Ok(newest)
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
                [crate::Lang::Vi, crate::Lang::En].map(|l| schema::label(t, l).to_string())
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

/// The last import, if it can still be undone (nothing was written after it).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LastImport {
    /// The bundle.
    pub bundle_id: Uuid,
    /// Who sent it.
    pub sender_name: String,
    /// When it was imported (UTC).
    pub at: String,
    /// The backup made just before it.
    pub backup: PathBuf,
    /// Whether something was written after it (undoing would lose that too; exports do not
    /// count).
    pub written_after: bool,
}

/// The newest import and whether undoing it would lose later work.
pub fn last_import(conn: &Connection) -> Result<Option<LastImport>> {
    let last = conn
        .query_row(
            "SELECT b.bundle_id, coalesce(p.name, ''), b.at, b.backup_path, b.audit_seq < (SELECT seq FROM audit WHERE NOT (entity = 'bundle' AND action = 'export') ORDER BY seq DESC LIMIT 1)
             FROM bundle_log b LEFT JOIN peer p ON p.id = b.peer_id
             WHERE b.direction = 'in' AND b.backup_path IS NOT NULL ORDER BY b.at DESC LIMIT 1",
            [],
            |r| {
                Ok(LastImport {
                    bundle_id: r.get(0)?,
                    sender_name: r.get(1)?,
                    at: r.get(2)?,
                    backup: PathBuf::from(r.get::<_, String>(3)?),
                    written_after: r.get(4)?,
                })
            },
        )
        .optional()?;
    Ok(last)
}

/// Undoes the last import by restoring the backup made just before it (itself preceded by a
/// backup of the current state). Refused when something was written after the import.
/// Returns the backup restored and what the restore did.
pub fn undo_last_import(db: &Path) -> Result<(PathBuf, backup::Restored)> {
    let last = {
        let store = Store::open(db, crate::store::OpenMode::Existing)?;
        last_import(store.conn())?
    };
    let last = last.ok_or(Error::CannotUndoImport {
        written_after: false,
    })?;
    if last.written_after {
        return Err(Error::CannotUndoImport {
            written_after: true,
        });
    }
    let restored = backup::restore(db, &last.backup, &backup::folder(db))?;
    Ok((last.backup, restored))
}

/// A text kept from a concurrent edit, waiting for the user's choice.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conflict {
    /// Conflict id.
    pub id: Uuid,
    /// Kind of record (`meeting`, `directive`, `opinion`…).
    pub entity: String,
    /// The record.
    pub record_id: Uuid,
    /// Which text (`minutes`, `content`…).
    pub field: String,
    /// The version kept aside.
    pub other: String,
    /// The version in the record now (empty when the record was deleted).
    pub current: String,
    /// When the version kept aside was written (UTC).
    pub written_at: String,
}

/// Conflicts not yet resolved, newest first.
pub fn conflicts(conn: &Connection) -> Result<Vec<Conflict>> {
    let mut stmt = conn.prepare(
        "SELECT id, entity, record_id, grp, value, hlc FROM conflict WHERE resolved = 0 ORDER BY hlc DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, Uuid>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Vec<u8>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, entity, k, grp, value, hlc) = row?;
        let Some(t) = schema::table(&entity) else {
            continue;
        };
        let Some(g) = t.group(&grp) else { continue };
        let col = g.cols[0];
        let other: BTreeMap<String, Val> = serde_json::from_str(&value).unwrap_or_default();
        let current: Option<Option<String>> = conn
            .query_row(
                &format!("SELECT {col} FROM {} WHERE {}", t.name, merge::key_where(t)),
                params_from_iter(merge::key_parts(t, &k)?),
                |r| r.get(0),
            )
            .optional()?;
        let ms = u64::from_str_radix(hlc.get(..12).unwrap_or("0"), 16).unwrap_or(0);
        out.push(Conflict {
            id,
            entity,
            record_id: Uuid::from_slice(&k[..16]).unwrap_or_default(),
            field: grp,
            other: match other.get(col) {
                Some(Val::Text(s)) => s.to_string(),
                _ => String::new(),
            },
            current: current.flatten().unwrap_or_default(),
            written_at: ts(chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()),
        });
    }
    Ok(out)
}

/// Resolves a conflict: `take_other` puts the kept version back into the record (a new
/// edit here, which then travels to the others); otherwise the record's text stays.
pub fn resolve(store: &mut Store, id: Uuid, take_other: bool) -> Result<()> {
    let all = conflicts(store.conn())?;
    let c = all
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| Error::not_found(crate::error::Entity::Conflict, id))?;
    store.write(|tx| {
        if take_other {
            let t = schema::table(&c.entity).expect("listed conflicts are of exchanged tables");
            let col = t.group(&c.field).expect("listed conflicts name a group").cols[0];
            if t.name == "unit" && col == "code" {
                let held: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM unit WHERE code = ?1 COLLATE NOCASE AND id IS NOT ?2)",
                    rusqlite::params![c.other, c.record_id],
                    |r| r.get(0),
                )?;
                if held {
                    return Err(Error::invalid(
                        crate::error::Field::Code,
                        crate::error::Rule::Duplicate(c.other.clone()),
                    ));
                }
            }
            let n = tx.execute(
                &format!("UPDATE {} SET {col} = ?1, updated_at = ?2, origin = ?3 WHERE id = ?4", t.name),
                rusqlite::params![c.other, ts(tx.now()), tx.installation(), c.record_id],
            )?;
            if n == 0 {
                return Err(Error::not_found(crate::error::Entity::Conflict, c.record_id));
            }
        }
        tx.execute("UPDATE conflict SET resolved = 1, updated_at = ?1, origin = ?2 WHERE id = ?3", rusqlite::params![ts(tx.now()), tx.installation(), id])?;
        tx.audit(&c.entity, c.record_id, "resolve_conflict", serde_json::json!({ c.field.clone(): [c.current, if take_other { &c.other } else { &c.current }] }))
    })
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
