//! The number register: one sequence per year and document kind, a number given when a
//! document is issued (never on a preview), the same number when the same meeting's document
//! is issued again, correctable by the secretary, never given twice.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, Field, Result, Rule};
use crate::store::Tx;
use crate::store::value::ts;

/// Kinds of documents and their abbreviation in the number ("05/BB-STTTT").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum DocKind {
    /// Biên bản.
    Minutes,
    /// Thông báo (kết luận).
    Notice,
    /// Báo cáo.
    Report,
}

impl DocKind {
    /// The abbreviation: BB, TB, BC.
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Minutes => "BB",
            DocKind::Notice => "TB",
            DocKind::Report => "BC",
        }
    }
}

/// The number already issued for this meeting's document of this kind.
pub fn issued(conn: &Connection, kind: DocKind, meeting: Uuid) -> Result<Option<(i32, u32)>> {
    Ok(conn
        .query_row(
            "SELECT year, number FROM document_number WHERE kind = ?1 AND meeting_id = ?2",
            rusqlite::params![kind.code(), meeting],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The meeting whose document holds `number` of `kind` in `year` (`Some(None)`: a number
/// given to no meeting's document), if it is given.
pub fn holder(
    conn: &Connection,
    kind: DocKind,
    year: i32,
    number: u32,
) -> Result<Option<Option<Uuid>>> {
    Ok(conn
        .prepare_cached(
            "SELECT meeting_id FROM document_number WHERE year = ?1 AND kind = ?2 AND number = ?3",
        )?
        .query_row(rusqlite::params![year, kind.code(), number], |r| r.get(0))
        .optional()?)
}

/// A number given to a meeting's document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct IssuedNumber {
    /// Kind of document.
    pub kind: DocKind,
    /// Year of the sequence.
    pub year: i32,
    /// The number.
    pub number: u32,
}

/// The numbers given to a meeting's documents.
pub fn of_meeting(conn: &Connection, meeting: Uuid) -> Result<Vec<IssuedNumber>> {
    let mut out = Vec::new();
    for kind in [DocKind::Minutes, DocKind::Notice] {
        if let Some((year, number)) = issued(conn, kind, meeting)? {
            out.push(IssuedNumber { kind, year, number });
        }
    }
    Ok(out)
}

/// Issues a number in `year`: the meeting's existing one, or the next free one.
pub fn issue(tx: &Tx<'_>, kind: DocKind, year: i32, meeting: Option<Uuid>) -> Result<u32> {
    if let Some(m) = meeting
        && let Some((_, n)) = issued(tx, kind, m)?
    {
        return Ok(n);
    }
    let next: u32 = tx.query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM document_number WHERE year = ?1 AND kind = ?2",
        rusqlite::params![year, kind.code()],
        |r| r.get(0),
    )?;
    record(tx, kind, year, meeting, next)?;
    Ok(next)
}

/// The year a meeting's document is numbered in: the year it already has a number in, else
/// the meeting's year for its minutes and `today`'s for a notice (issued after it).
pub fn year_for(
    conn: &Connection,
    kind: DocKind,
    meeting: Uuid,
    today: chrono::NaiveDate,
) -> Result<i32> {
    use chrono::Datelike;
    if let Some((year, _)) = issued(conn, kind, meeting)? {
        return Ok(year);
    }
    Ok(match kind {
        DocKind::Minutes => crate::meeting::get(conn, meeting)?.local_date().year(),
        _ => today.year(),
    })
}

/// Gives the meeting's document the number the secretary chose in its year ([`year_for`]).
pub fn correct_for(tx: &Tx<'_>, kind: DocKind, meeting: Uuid, number: u32) -> Result<u32> {
    let year = year_for(tx, kind, meeting, crate::date::local_date(tx.now()))?;
    correct(tx, kind, year, meeting, number)
}

/// Gives the meeting's document the number the secretary chose, refusing one already used.
pub fn correct(tx: &Tx<'_>, kind: DocKind, year: i32, meeting: Uuid, number: u32) -> Result<u32> {
    if number == 0 {
        return Err(Error::invalid(Field::DocumentNumber, Rule::OutOfRange));
    }
    match holder(tx, kind, year, number)? {
        Some(Some(m)) if m == meeting => return Ok(number),
        Some(_) => {
            return Err(Error::invalid(
                Field::DocumentNumber,
                Rule::Duplicate(format!("{number:02}/{}/{year}", kind.code())),
            ));
        }
        None => {}
    }
    tx.execute(
        "DELETE FROM document_number WHERE kind = ?1 AND meeting_id = ?2",
        rusqlite::params![kind.code(), meeting],
    )?;
    record(tx, kind, year, Some(meeting), number)?;
    Ok(number)
}

fn record(tx: &Tx<'_>, kind: DocKind, year: i32, meeting: Option<Uuid>, n: u32) -> Result<()> {
    tx.execute(
        "INSERT INTO document_number (year, kind, number, meeting_id, issued_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        rusqlite::params![year, kind.code(), n, meeting, ts(tx.now())],
    )?;
    tx.audit(
        "document",
        meeting.unwrap_or_default(),
        "issue",
        serde_json::json!({ "number": format!("{n:02}/{}", kind.code()), "year": year }),
    )
}
