//! The search index of a bulk load into an empty index (sample data, a whole database
//! imported into a new one), built on a thread of its own while the rows are written.
//!
//! Temporary triggers hand each indexed row's text to a worker, which folds it and writes
//! the index into a scratch database beside the real one (FTS5 keeps an index in plain
//! tables). Before the load commits, those tables are copied in by `INSERT … SELECT`. The
//! copied index is read only by a connection opened afterwards, as FTS5 caches what it last
//! read of an index per connection ([`crate::store::Store::bulk_write`] reopens it).

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;

use super::{INDEX_TABLES, INDEXED};
use crate::error::{Error, Result};
use crate::store::Tx;
use crate::text::fold;

/// The scratch database's name in the connection that loads.
const SCHEMA: &str = "search_build";
/// Documents handed to the worker at a time.
const BATCH: usize = 2048;

/// What happened to an indexed row.
#[derive(Clone, Copy)]
enum Op {
    Insert,
    Update,
    Delete,
}

/// One row for the index: where its id and text (`None`: deleted) are in its batch.
struct Doc {
    op: Op,
    kind: usize,
    id: Range<usize>,
    text: Option<Range<usize>>,
}

/// Documents handed over together, their ids in one buffer and their texts in another
/// (three allocations per batch rather than two per document; the texts are checked UTF-8
/// once, when they are collected).
#[derive(Default)]
struct Batch {
    docs: Vec<Doc>,
    ids: Vec<u8>,
    texts: String,
}

impl Batch {
    /// Appends id `b`; where it is.
    fn push_id(&mut self, b: &[u8]) -> Range<usize> {
        let start = self.ids.len();
        self.ids.extend_from_slice(b);
        start..self.ids.len()
    }

    /// Appends text `t`; where it is.
    fn push_text(&mut self, t: &str) -> Range<usize> {
        let start = self.texts.len();
        self.texts.push_str(t);
        start..self.texts.len()
    }
}

/// A search index being built beside a bulk load.
pub(crate) struct Builder {
    scratch: PathBuf,
    queue: Arc<Mutex<Queue>>,
    worker: Option<JoinHandle<Result<()>>>,
}

/// Documents not yet handed over, and the way to the worker (`None` once finished).
struct Queue {
    batch: Batch,
    to_worker: Option<SyncSender<Batch>>,
}

impl Queue {
    /// Hands the documents gathered so far to the worker; false when it has stopped.
    fn hand_over(&mut self) -> bool {
        let batch = std::mem::take(&mut self.batch);
        self.to_worker
            .as_ref()
            .is_some_and(|tx| batch.docs.is_empty() || tx.send(batch).is_ok())
    }
}

impl Builder {
    /// Starts building beside `conn`'s database at `db` when its search index is empty
    /// (otherwise `None`: the index is rebuilt in the load's transaction). Call outside any
    /// transaction: the scratch database is attached to `conn`.
    pub(crate) fn start(conn: &Connection, db: &Path) -> Result<Option<Builder>> {
        let empty: bool =
            conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM search_doc)", [], |r| {
                r.get(0)
            })?;
        if !empty {
            return Ok(None);
        }
        let scratch = scratch_path(db);
        remove(&scratch)?;
        let started = scratch_index(conn, &scratch).and_then(|side| {
            conn.execute(
                &format!("ATTACH DATABASE ?1 AS {SCHEMA}"),
                [scratch.to_string_lossy()],
            )?;
            let (to_worker, from_loader) = sync_channel::<Batch>(4);
            match std::thread::Builder::new()
                .name("search index".into())
                .spawn(move || index(side, from_loader))
            {
                Ok(worker) => Ok((worker, to_worker)),
                Err(source) => {
                    conn.execute_batch(&format!("DETACH DATABASE {SCHEMA}"))?;
                    Err(Error::Io {
                        path: scratch.clone(),
                        source,
                    })
                }
            }
        });
        let (worker, to_worker) = match started {
            Ok(started) => started,
            Err(e) => {
                remove(&scratch)?;
                return Err(e);
            }
        };
        Ok(Some(Builder {
            scratch,
            queue: Arc::new(Mutex::new(Queue {
                batch: Batch::default(),
                to_worker: Some(to_worker),
            })),
            worker: Some(worker),
        }))
    }

    /// Inside the load's transaction, before its rows: every insert, update and delete of
    /// an indexed row is handed to the worker until [`Builder::stop`].
    pub(crate) fn collect(&self, conn: &Connection) -> Result<()> {
        let queue = Arc::clone(&self.queue);
        conn.create_scalar_function("gb_collect", 4, FunctionFlags::SQLITE_UTF8, move |ctx| {
            let op = match ctx.get::<i64>(0)? {
                0 => Op::Insert,
                1 => Op::Update,
                _ => Op::Delete,
            };
            let kind = ctx.get::<i64>(1)? as usize;
            let mut q = queue.lock().expect("the queue is never poisoned");
            let id = q.batch.push_id(ctx.get_raw(2).as_blob()?);
            let text = match ctx.get_raw(3) {
                ValueRef::Null => None,
                v => Some(q.batch.push_text(v.as_str()?)),
            };
            q.batch.docs.push(Doc { op, kind, id, text });
            if q.batch.docs.len() >= BATCH && !q.hand_over() {
                return Err(rusqlite::Error::UserFunctionError(
                    "the search index stopped".into(),
                ));
            }
            Ok(0)
        })?;
        for (k, (kind, _, text)) in INDEXED.iter().enumerate() {
            let new = on_row(text, "NEW");
            conn.execute_batch(&format!(
                "CREATE TEMP TRIGGER {kind}_collect_insert AFTER INSERT ON main.{kind} BEGIN
                     SELECT gb_collect(0, {k}, NEW.id, {new}); END;
                 CREATE TEMP TRIGGER {kind}_collect_update AFTER UPDATE ON main.{kind} BEGIN
                     SELECT gb_collect(1, {k}, NEW.id, {new}); END;
                 CREATE TEMP TRIGGER {kind}_collect_delete AFTER DELETE ON main.{kind} BEGIN
                     SELECT gb_collect(2, {k}, OLD.id, NULL); END;"
            ))?;
        }
        Ok(())
    }

    /// Inside the load's transaction, right after its rows: stops collecting; the worker
    /// writes out what it holds meanwhile.
    pub(crate) fn stop(&self, conn: &Connection) -> Result<()> {
        for (kind, _, _) in INDEXED {
            conn.execute_batch(&format!(
                "DROP TRIGGER temp.{kind}_collect_insert; DROP TRIGGER temp.{kind}_collect_update;
                 DROP TRIGGER temp.{kind}_collect_delete;"
            ))?;
        }
        conn.remove_function("gb_collect", 4)?;
        let mut q = self.queue.lock().expect("the queue is never poisoned");
        q.hand_over();
        q.to_worker = None;
        Ok(())
    }

    /// Inside the load's transaction, last: waits for the worker and copies the index it
    /// built into the real index's tables. Should another process have filled the index
    /// between [`Builder::start`] and this load's first write, the whole index is rebuilt
    /// instead.
    pub(crate) fn finish(&mut self, tx: &Tx<'_>) -> Result<()> {
        self.join()?;
        let still_empty: bool = tx.query_row(
            "SELECT NOT EXISTS (SELECT 1 FROM main.search_doc)",
            [],
            |r| r.get(0),
        )?;
        if !still_empty {
            super::reindex(tx)?;
            return Ok(());
        }
        let mut sql = String::new();
        for table in INDEX_TABLES {
            for part in ["data", "idx", "docsize"] {
                sql += &format!(
                    "DELETE FROM main.{table}_{part};
                     INSERT INTO main.{table}_{part} SELECT * FROM {SCHEMA}.{table}_{part};"
                );
            }
        }
        sql += &format!("INSERT INTO main.search_doc SELECT * FROM {SCHEMA}.search_doc;");
        tx.execute_batch(&sql)?;
        Ok(())
    }

    /// After the load's transaction ended (either way): lets go of the scratch database.
    /// The worker's error comes first: it is the cause when collecting failed.
    pub(crate) fn close(mut self, conn: &Connection) -> Result<()> {
        let joined = self.join();
        let detached = conn
            .execute_batch(&format!("DETACH DATABASE {SCHEMA}"))
            .map_err(Error::from);
        let removed = remove(&self.scratch);
        joined.and(detached).and(removed)
    }

    /// Waits for the worker (once; it ends when collecting stopped).
    fn join(&mut self) -> Result<()> {
        let Some(worker) = self.worker.take() else {
            return Ok(());
        };
        self.queue
            .lock()
            .expect("the queue is never poisoned")
            .to_worker = None;
        worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

/// The scratch database at `path`, holding empty copies of the tables of `conn`'s index.
fn scratch_index(conn: &Connection, path: &Path) -> Result<Connection> {
    let side = Connection::open(path)?;
    side.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    side.pragma_update(None, "cache_size", -131_072)?;
    let names: Vec<String> = INDEX_TABLES
        .iter()
        .chain(&["search_doc"])
        .map(|t| format!("'{t}'"))
        .collect();
    let mut stmt = conn.prepare(&format!(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name IN ({})",
        names.join(", ")
    ))?;
    for sql in stmt.query_map([], |r| r.get::<_, String>(0))? {
        side.execute_batch(&sql?)?;
    }
    super::set_buffer(&side, super::WHOLE_INDEX_BUFFER)?;
    Ok(side)
}

/// The worker: folds each document's text and writes it to the scratch index, in one
/// transaction.
fn index(side: Connection, batches: Receiver<Batch>) -> Result<()> {
    let tx = side.unchecked_transaction()?;
    let mut add_doc = tx.prepare("INSERT INTO search_doc (kind, record_id) VALUES (?1, ?2)")?;
    let mut find_doc =
        tx.prepare("SELECT rowid FROM search_doc WHERE kind = ?1 AND record_id = ?2")?;
    let mut drop_doc = tx.prepare("DELETE FROM search_doc WHERE rowid = ?1")?;
    // One statement per kind of record, prepared once: this runs for every document. One row
    // per statement: a statement of several rows opens a savepoint, at which FTS5 writes out
    // the terms it holds (tried: the index then took half as long again).
    let mut adds = INDEXED
        .iter()
        .map(|(_, table, _)| {
            tx.prepare(&format!(
                "INSERT INTO {table} (rowid, text) VALUES (?1, ?2)"
            ))
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut drops = INDEXED
        .iter()
        .map(|(_, table, _)| tx.prepare(&format!("DELETE FROM {table} WHERE rowid = ?1")))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for batch in batches {
        for doc in &batch.docs {
            let (kind, _, _) = INDEXED[doc.kind];
            let id = &batch.ids[doc.id.clone()];
            let row = match doc.op {
                Op::Insert => {
                    add_doc.execute((kind, id))?;
                    tx.last_insert_rowid()
                }
                Op::Update | Op::Delete => {
                    let row: i64 = find_doc.query_row((kind, id), |r| r.get(0))?;
                    drops[doc.kind].execute([row])?;
                    row
                }
            };
            if let Op::Delete = doc.op {
                drop_doc.execute([row])?;
                continue;
            }
            // A NULL text (a NULL column in the expression) is indexed as empty, as `reindex`
            // indexes it.
            let text = doc
                .text
                .clone()
                .map_or(String::new(), |r| fold(&batch.texts[r]));
            adds[doc.kind].execute((row, text))?;
        }
    }
    drop((add_doc, find_doc, drop_doc, adds, drops));
    tx.commit()?;
    Ok(())
}

/// A text of [`INDEXED`] (columns of `t`) as the text of the trigger row `row`.
fn on_row(text: &str, row: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts_word = !prev.is_some_and(|p| p.is_alphanumeric() || p == '_');
        if c == 't' && starts_word && text[i + 1..].starts_with('.') {
            out.push_str(row);
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// The scratch database of loads into the database at `db`: `<db>.search-build`.
fn scratch_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".search-build");
    db.with_file_name(name)
}

/// Removes the scratch database a load into `db` left when the process ended during it
/// (a crash, a power cut). Where another process is loading into `db` right now, its files
/// stay usable (Linux keeps a removed file for whoever has it open; Windows refuses).
pub(crate) fn remove_left_over(db: &Path) {
    let _ = std::fs::remove_file(scratch_path(db));
}

/// Removes a scratch file left by an earlier load (or this one).
fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::Io {
            path: path.to_path_buf(),
            source: e,
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_read_from_the_trigger_row() {
        assert_eq!(
            on_row(
                "coalesce(t.speaker_name, '') || ' ' || t.content || gb_initials(t.name)",
                "NEW"
            ),
            "coalesce(NEW.speaker_name, '') || ' ' || NEW.content || gb_initials(NEW.name)"
        );
        assert_eq!(on_row("at.x || t.y", "NEW"), "at.x || NEW.y");
    }
}
