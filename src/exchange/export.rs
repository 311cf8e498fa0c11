//! Export: the records of a scope (everything, meetings of a period, a unit's directives),
//! or what changed since the last file made for a machine, written as a signed bundle.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use age::secrecy::SecretString;
use chrono::{NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use super::bundle::{self, Clock, Contents, Manifest, Record, Val};
use super::schema::TABLES;
use super::{identity, merge};
use crate::error::{Error, Result};
use crate::store::clock;
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
