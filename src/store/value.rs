//! How values are written in SQLite: UUIDs as 16-byte blobs, dates as `YYYY-MM-DD` text,
//! instants as fixed-width UTC text.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSqlError, Type};
use uuid::Uuid;

/// An instant as stored: `2026-06-30T01:30:00.000Z` (fixed width, so text order is time order).
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A date as stored: `2026-06-30` (written by its numbers: chrono's formatter is the slow
/// part of a statistic's thousands of dates).
pub(crate) fn date(d: NaiveDate) -> String {
    use chrono::Datelike;
    match d.year() {
        0..=9999 => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        _ => d.format("%Y-%m-%d").to_string(),
    }
}

/// A stored date read back: `YYYY-MM-DD` by its digits (chrono's parser was a third of the
/// overview's reading of rows), any other text by chrono, which says what is wrong.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, chrono::ParseError> {
    let b = s.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        let number = |from: usize, to: usize| {
            b[from..to].iter().try_fold(0u32, |n, c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        if let (Some(y), Some(m), Some(d)) = (number(0, 4), number(5, 7), number(8, 10))
            && let Some(day) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return Ok(day);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
}

fn conv_err(idx: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e))
}

/// Reads a UUID column (stored as a 16-byte blob).
pub(crate) fn get_uuid(row: &Row<'_>, idx: usize) -> rusqlite::Result<Uuid> {
    row.get(idx)
}

/// Reads a nullable UUID column.
pub(crate) fn get_opt_uuid(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<Uuid>> {
    row.get(idx)
}

/// Reads a date column.
pub(crate) fn get_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    get_opt_date(row, idx)?.ok_or(rusqlite::Error::InvalidColumnType(
        idx,
        String::new(),
        Type::Null,
    ))
}

/// Reads a nullable date column.
pub(crate) fn get_opt_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s = row
        .get_ref(idx)?
        .as_str_or_null()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, Box::new(e)))?;
    s.map(|s| parse_date(s).map_err(|e| conv_err(idx, e)))
        .transpose()
}

/// Reads an instant column.
pub(crate) fn get_ts(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let s: String = row.get(idx)?;
    DateTime::parse_from_rfc3339(&s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| conv_err(idx, e))
}

/// Reads a nullable instant column.
pub(crate) fn get_opt_ts(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| {
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| conv_err(idx, e))
    })
    .transpose()
}

/// Reads an enum stored as its snake_case name.
pub(crate) fn get_enum<T: serde::de::DeserializeOwned>(
    row: &Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    serde_json::from_value(serde_json::Value::String(s)).map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            Box::new(FromSqlError::InvalidType),
        )
    })
}

/// The snake_case name an enum is stored under.
pub(crate) fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => unreachable!("stored enums serialise as strings"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_and_written_by_their_numbers_as_chrono_would() {
        for text in ["2026-06-30", "2024-02-29", "0001-01-01", "9999-12-31"] {
            let d = parse_date(text).unwrap();
            assert_eq!(d, NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap());
            assert_eq!(date(d), text);
        }
        for odd in [
            "2025-02-29",
            "2026-13-01",
            "2026-6-30",
            "20260630",
            "2026-06-3x",
            "",
            "+2026-06-30",
        ] {
            assert_eq!(
                parse_date(odd).ok(),
                NaiveDate::parse_from_str(odd, "%Y-%m-%d").ok(),
                "{odd}"
            );
        }
        assert!(parse_date("2025-02-29").is_err());
        let far = NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        assert_eq!(date(far), far.format("%Y-%m-%d").to_string());
    }
}
