//! The checks every value from an exchange file passes before it merges, as a local write
//! would: ids of 16 bytes, dates that exist (`YYYY-MM-DD`), times in the stored form, the
//! states and kinds this build knows, numbers in range, texts within their length and not
//! blank where required, hashes of 64 hex digits, file names without a path, clocks of a
//! bounded size. A refusal names the record and the column.

use chrono::NaiveDate;

use super::bundle::{Clock, Val, limits};
use super::clock;
use super::schema::{TABLES, Table};
use crate::error::{BundleProblem, Error, Result};

/// Installations a version vector may name: far more than a province's offices.
pub const MAX_VECTOR: usize = 1_000;
/// Bytes of a name, title, code or other short text (a thousand Vietnamese letters).
const SHORT: usize = 4_000;

/// What a column holds.
#[derive(Debug, Clone, Copy)]
enum Kind {
    /// An id (16 bytes); `true` when required.
    Id(bool),
    /// A record id of a table whose key is one or two ids (16 or 32 bytes).
    RecordId,
    /// A date; `true` when required.
    Date(bool),
    /// A time as stored (`2026-06-30T01:30:00.000Z`); `true` when required.
    Time(bool),
    /// 0 or 1.
    Flag,
    /// An integer in the range.
    Int(i64, i64),
    /// One of these words.
    Word(&'static [&'static str]),
    /// A text: required and not blank, at most this many bytes.
    Name(usize),
    /// A text, perhaps empty; `true` when it may be absent. At most this many bytes.
    Text(bool, usize),
    /// A SHA-256 in lower-case hex.
    Sha256,
    /// A file's name as attached: no folder, no control characters.
    FileName,
    /// A hybrid logical clock.
    Hlc,
    /// The name of an exchanged table.
    Table,
    /// The name of a field group.
    Group,
}

const MEETING_KINDS: &[&str] = &[
    "monthly_briefing",
    "conference",
    "working_session",
    "online_briefing",
    "other",
];

fn kind(t: &Table, col: &str) -> Kind {
    let required_ref = t.refs.iter().any(|r| r.col == col && r.required);
    match (t.name, col) {
        ("conflict", "record_id") => Kind::RecordId,
        ("conflict", "entity") => Kind::Table,
        ("conflict", "grp") => Kind::Group,
        ("conflict", "value") => Kind::Text(false, limits::TEXT),
        ("conflict", "hlc") => Kind::Hlc,
        ("attachment", "owner_id") => Kind::Id(true),
        ("attachment", "owner_kind") => Kind::Word(&["meeting", "directive", "progress"]),
        ("attachment", "sha256") => Kind::Sha256,
        ("attachment", "file_name") => Kind::FileName,
        ("attachment", "size") => Kind::Int(0, limits::ATTACHMENT as i64),
        ("unit", "kind") => Kind::Word(&[
            "department",
            "office",
            "division",
            "center",
            "inspectorate",
            "district",
            "external",
            "other",
        ]),
        ("series" | "meeting", "kind") => Kind::Word(MEETING_KINDS),
        ("meeting", "status") => Kind::Word(&["draft", "in_progress", "closed"]),
        ("directive", "status") => Kind::Word(&[
            "assigned",
            "in_progress",
            "awaiting_confirmation",
            "done",
            "cancelled",
            "suspended",
        ]),
        ("directive", "priority") => Kind::Word(&["normal", "high", "urgent"]),
        ("attendee", "role") => {
            Kind::Word(&["chair", "secretary", "member", "invited", "reporter"])
        }
        ("attendee", "attendance") => {
            Kind::Word(&["present", "excused", "absent", "late", "online"])
        }
        ("carry", "decision") => Kind::Word(&["reported", "continued", "closed"]),
        ("progress", "percent") => Kind::Int(0, 100),
        (_, "position") => Kind::Int(0, 1_000_000),
        (_, "sort_order") => Kind::Int(i64::from(i32::MIN), i64::from(i32::MAX)),
        (_, "active" | "online" | "resolved") => Kind::Flag,
        (_, "id" | "origin") => Kind::Id(true),
        (_, c) if c.ends_with("_id") => Kind::Id(required_ref || t.key.contains(&c)),
        (
            _,
            "assigned_on" | "reported_on" | "previous_deadline" | "new_deadline" | "approved_on",
        ) => Kind::Date(true),
        (
            _,
            "document_date" | "original_deadline" | "deadline" | "reported_done_on"
            | "completed_on",
        ) => Kind::Date(false),
        (_, "starts_at" | "created_at" | "updated_at") => Kind::Time(true),
        (_, "ends_at") => Kind::Time(false),
        (_, "name" | "full_name" | "content") | ("meeting" | "agenda_item", "title") => {
            Kind::Name(if col == "content" {
                limits::TEXT
            } else {
                SHORT
            })
        }
        (_, "minutes" | "note" | "reason") => Kind::Text(col == "note", limits::TEXT),
        (_, "expected_output") => Kind::Text(true, limits::TEXT),
        _ => Kind::Text(true, SHORT),
    }
}

/// Per exchanged table (in [`TABLES`] order), its columns and what each holds, worked out
/// once rather than for every record of a large file.
static KINDS: std::sync::LazyLock<Vec<(Vec<&'static str>, Vec<Kind>)>> =
    std::sync::LazyLock::new(|| {
        TABLES
            .iter()
            .map(|t| {
                let cols = t.columns();
                let kinds = cols.iter().map(|c| kind(t, c)).collect();
                (cols, kinds)
            })
            .collect()
    });

fn fits(kind: Kind, v: &Val) -> bool {
    let text = match v {
        Val::Text(s) => Some(s.as_str()),
        _ => None,
    };
    match (kind, v) {
        (
            Kind::Id(false) | Kind::Date(false) | Kind::Time(false) | Kind::Text(true, _),
            Val::Null,
        ) => true,
        (Kind::Id(_), Val::Blob(b)) => b.len() == 16,
        (Kind::RecordId, Val::Blob(b)) => b.len() == 16 || b.len() == 32,
        (Kind::Date(_), _) => text.is_some_and(is_date),
        (Kind::Time(_), _) => text.is_some_and(is_time),
        (Kind::Flag, Val::Int(i)) => *i == 0 || *i == 1,
        (Kind::Int(lo, hi), Val::Int(i)) => (lo..=hi).contains(i),
        (Kind::Word(words), _) => text.is_some_and(|s| words.contains(&s)),
        (Kind::Name(max), _) => text.is_some_and(|s| !s.trim().is_empty() && s.len() <= max),
        (Kind::Text(_, max), _) => text.is_some_and(|s| s.len() <= max),
        (Kind::Sha256, _) => text.is_some_and(crate::attachment::is_sha256),
        (Kind::FileName, _) => text.is_some_and(|s| {
            !s.trim().is_empty()
                && s.chars().count() <= 255
                && !s.chars().any(|c| c.is_control() || c == '/' || c == '\\')
                && s != "."
                && s != ".."
        }),
        (Kind::Hlc, _) => text.is_some_and(clock::acceptable),
        (Kind::Table, _) => text.is_some_and(|s| TABLES.iter().any(|t| t.name == s)),
        (Kind::Group, _) => {
            text.is_some_and(|s| TABLES.iter().any(|t| t.groups.iter().any(|g| g.name == s)))
        }
        _ => false,
    }
}

/// The number written by `b`, when it is only ASCII digits.
fn number(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |n, c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD`, a day that exists. Read by hand: a whole office's file holds a million
/// of them, and a format parser costed a tenth of the import.
fn is_date(s: &str) -> bool {
    is_day(s.as_bytes())
}

/// [`is_date`] of bytes.
fn is_day(b: &[u8]) -> bool {
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && matches!(
            (number(&b[..4]), number(&b[5..7]), number(&b[8..])),
            (Some(y), Some(m), Some(d)) if NaiveDate::from_ymd_opt(y as i32, m, d).is_some()
        )
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ`, a moment that exists.
fn is_time(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24
        && is_day(&b[..10])
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z'
        && number(&b[20..23]).is_some()
        && matches!(
            (number(&b[11..13]), number(&b[14..16]), number(&b[17..19])),
            (Some(h), Some(m), Some(s)) if h < 24 && m < 60 && s < 60
        )
}

fn refused(t: &Table, k: &[u8], col: &str, v: &Val) -> Error {
    let shown = match v {
        Val::Null => "null".to_string(),
        Val::Int(i) => i.to_string(),
        Val::Real(r) => r.to_string(),
        Val::Text(s) => s.chars().take(60).collect(),
        Val::Blob(b) => format!("{} bytes", b.len()),
    };
    crate::error::BadValue::error(t.name, hex::encode(k), col, shown)
}

/// Checks one record's values (one per column of `t`, in order) as a local write would,
/// and the rules across its columns: a meeting ends after it starts, a directive's deadline
/// is set with its original one, and it is done exactly when it has a completion date.
pub(crate) fn row(t: &Table, k: &[u8], values: &[Val]) -> Result<()> {
    let (cols, kinds) = &KINDS[TABLES
        .iter()
        .position(|x| x.name == t.name)
        .expect("an exchanged table")];
    for ((col, kind), v) in cols.iter().zip(kinds).zip(values) {
        if !fits(*kind, v) {
            return Err(refused(t, k, col, v));
        }
    }
    let at = |col: &str| {
        cols.iter()
            .position(|c| *c == col)
            .map(|i| &values[i])
            .unwrap_or(&Val::Null)
    };
    let text = |col: &str| match at(col) {
        Val::Text(s) => Some(s.as_str()),
        _ => None,
    };
    match t.name {
        "meeting" => {
            if let (Some(start), Some(end)) = (text("starts_at"), text("ends_at"))
                && end <= start
            {
                return Err(refused(t, k, "ends_at", at("ends_at")));
            }
        }
        "directive" => {
            if text("original_deadline").is_some() != text("deadline").is_some() {
                return Err(refused(t, k, "deadline", at("deadline")));
            }
            if (text("status") == Some("done")) != text("completed_on").is_some() {
                return Err(refused(t, k, "completed_on", at("completed_on")));
            }
        }
        "extension" if text("new_deadline") <= text("previous_deadline") => {
            return Err(refused(t, k, "new_deadline", at("new_deadline")));
        }
        _ => {}
    }
    Ok(())
}

/// Checks a record's clocks: acceptable times, installations named by their 32-digit id,
/// and no more than [`MAX_VECTOR`] of them.
pub(crate) fn clocks<'c>(clocks: impl IntoIterator<Item = &'c Clock>) -> Result<()> {
    for c in clocks {
        if c.v.len() > MAX_VECTOR
            || !c
                .v
                .keys()
                .all(|site| site.len() == 32 && site.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            return Err(Error::Bundle(BundleProblem::TooLarge));
        }
        if !clock::acceptable(&c.h) || !c.v.values().all(|h| clock::acceptable(h)) {
            return Err(Error::Bundle(BundleProblem::FutureClock));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{is_date, is_time};

    #[test]
    fn dates_and_times_exist_and_keep_their_stored_form() {
        for ok in ["2026-12-06", "2024-02-29", "0001-01-01"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-011",
            "2026/12/06",
            "+026-12-06",
            "06-12-2026",
            "2026-12-6",
            "",
            "2026-12-0٦",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert!(is_time("2026-06-30T01:30:00.000Z"));
        assert!(is_time("2024-02-29T23:59:59.999Z"));
        for bad in [
            "2026-06-30T24:00:00.000Z",
            "2026-06-30T01:60:00.000Z",
            "2026-06-30T01:30:60.000Z",
            "2026-06-31T01:30:00.000Z",
            "2026-06-30 01:30:00.000Z",
            "2026-06-30T01:30:00.000+",
            "2026-06-30T01:30:00.0a0Z",
            "2026-06-30T01:30:00,000Z",
            "2026-06-3đT01:30:00.00Z",
            "ééééééééééééT01:30:00.000Z",
        ] {
            assert!(!is_time(bad), "{bad}");
        }
    }
}
