//! The search index's upkeep: what is indexed (as the triggers of `0002_search.sql` index it),
//! the whole index rebuilt from the records, and the index of a bulk load built beside it
//! ([`build`]). Queries are the search module's (`crate::search`).

pub(crate) mod build;
mod query;

pub use query::{Query, Term};

use rusqlite::Connection;

use crate::error::Result;

/// The FTS5 tables, one per result group, in the order of the search's groups.
pub(crate) const INDEX_TABLES: [&str; 4] = [
    "search_meeting",
    "search_directive",
    "search_unit",
    "search_person",
];

/// Rebuilds the whole index from the records (`giaoban reindex`).
pub fn reindex(tx: &super::Tx<'_>) -> Result<u32> {
    // Terms are buffered up to 512 MB while the whole index is written, 64 MB otherwise:
    // fewer segments to merge (the 1M sample's index in 25 s instead of 31 s).
    set_buffer(tx, WHOLE_INDEX_BUFFER)?;
    tx.execute_batch(
        "DELETE FROM search_meeting; DELETE FROM search_directive; DELETE FROM search_unit;
         DELETE FROM search_person; DELETE FROM search_doc;",
    )?;
    // Each kind's documents take the numbers after the previous kind's, offset by the
    // record's own row number: no lookup to pair a document with its record.
    let mut base: i64 = 0;
    for (kind, index, text) in INDEXED {
        tx.execute(
            &format!("INSERT INTO search_doc (rowid, kind, record_id) SELECT ?1 + rowid, '{kind}', id FROM {kind}"),
            [base],
        )?;
        tx.execute(
            &format!("INSERT INTO {index} (rowid, text) SELECT ?1 + t.rowid, gb_fold({text}) FROM {kind} t"),
            [base],
        )?;
        let last: Option<i64> =
            tx.query_row(&format!("SELECT max(rowid) FROM {kind}"), [], |r| r.get(0))?;
        base += last.unwrap_or(0);
    }
    set_buffer(tx, 64 << 20)?;
    let n: u32 = tx.query_row("SELECT count(*) FROM search_doc", [], |r| r.get(0))?;
    tx.audit(
        "database",
        tx.installation(),
        "reindex",
        serde_json::json!({ "documents": n }),
    )?;
    Ok(n)
}

/// What FTS5 buffers of terms before writing a segment while a whole index is written.
const WHOLE_INDEX_BUFFER: u32 = 512 << 20;

/// Sets how many bytes of terms each index buffers before writing a segment.
fn set_buffer(conn: &Connection, bytes: u32) -> Result<()> {
    for table in INDEX_TABLES {
        conn.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?1)"),
            [bytes],
        )?;
    }
    Ok(())
}

/// What is indexed, as the triggers of `0002_search.sql` index it: each kind of record (its
/// table), its index and its searchable text (columns of `t`).
const INDEXED: [(&str, &str, &str); 7] = [
    (
        "unit",
        "search_unit",
        "t.name || ' ' || coalesce(t.short_name, '') || ' ' || coalesce(t.code, '') || ' ' || gb_initials(t.name)",
    ),
    (
        "person",
        "search_person",
        "t.full_name || ' ' || coalesce(t.title, '')",
    ),
    (
        "meeting",
        "search_meeting",
        "t.title || ' ' || coalesce(t.location, '') || ' ' || t.minutes",
    ),
    (
        "opinion",
        "search_meeting",
        "coalesce(t.speaker_name, '') || ' ' || t.content",
    ),
    ("conclusion", "search_meeting", "t.content"),
    (
        "directive",
        "search_directive",
        "t.content || ' ' || coalesce(t.expected_output, '') || ' ' || coalesce(t.document_number, '')",
    ),
    ("progress", "search_directive", "t.note"),
];
