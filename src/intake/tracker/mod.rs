//! A tracker's rows read into directives ([`plan`]: units found in the directory or proposed
//! as new, sources found or proposed, dates and statuses read, rows imported before and rows
//! that cannot be read set aside with why), then written ([`apply`]) through the domain's own
//! functions, a row a rule refuses undone alone: the preview runs the same writes and rolls
//! back.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::columns::{self, Column, ColumnAt, Header, MappingFrom, Tick};
use super::issue::{CONTENT_CHARS, DayTaken, Issue, Was};
use super::legacy::Encoding;
use super::sheet::{Book, Cell, Grid};
use super::values::{self, Due, Said, SourceSaid};
use super::{NewUnitPlan, RowAt, RowProblem};
use crate::directive::{self, DirectiveStatus, NewDirective, Priority, Source, StatusChange};
use crate::document::register::DocKind;
use crate::error::{Error, Field, IntakeProblem, Result, Rule};
use crate::extract::Directory;
use crate::followup::{self, NewExtension, NewProgress};
use crate::lang::Lang;
use crate::meeting::{self, MeetingKind, MeetingStatus, NewMeeting};
use crate::person;
use crate::store::Tx;
use crate::store::value::ts;
use crate::unit::{self, NewUnit, UnitKind};

mod held;
mod names;
mod rows;

pub(super) use held::{held, led_by_another, nearly_held, same_words, still_open};
use held::{held_as_changed, meeting_key, no_longer_in};
pub(super) use names::not_a_unit;
use rows::read_rows;

/// One sheet as read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SheetRead {
    /// The sheet's name.
    pub name: String,
    /// The header's last row (as the spreadsheet numbers it); 0 when no header was found.
    pub header_row: u32,
    /// Which column holds each field.
    pub mapping: Vec<ColumnAt>,
    /// Where the mapping came from.
    pub mapping_from: MappingFrom,
    /// The encoding its text was converted from.
    pub encoding: Encoding,
    /// Data rows read (directives, imported before, or not readable).
    pub rows: u32,
    /// The headers of the columns nothing is taken from ("Sản phẩm đầu ra", "Mức độ ưu
    /// tiên"): shown, so that none is left out unseen.
    pub unused: Vec<String>,
}

/// A directive a tracker row gives (what a preview shows, and what a commit made).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrackerRow {
    /// The sheet.
    pub sheet: String,
    /// The row (as the spreadsheet numbers it).
    pub row: u32,
    /// What must be done.
    pub content: String,
    /// Lead unit's name.
    pub lead_unit: String,
    /// The lead unit is new to the directory.
    pub lead_unit_new: bool,
    /// Coordinating units' names.
    pub coordinating_units: Vec<String>,
    /// The source: a document number or a meeting's title.
    pub source: String,
    /// Date given.
    pub assigned_on: NaiveDate,
    /// Deadline; `None` = không thời hạn.
    pub deadline: Option<NaiveDate>,
    /// The deadline before an extension the row records (gia hạn), when it records one.
    pub extended_from: Option<NaiveDate>,
    /// Status once imported.
    pub status: DirectiveStatus,
    /// Completion date, when done.
    pub completed_on: Option<NaiveDate>,
    /// The leader who gave it, when the sheet names one the office knows.
    pub directing_leader: Option<String>,
    /// The directive (its id is only kept after a commit).
    pub directive_id: Uuid,
}

/// A meeting a tracker's source column names and the directory does not hold yet.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewMeetingPlan {
    /// Title as written.
    pub title: String,
    /// Its date.
    pub date: NaiveDate,
}

/// How a directive held may be a row the sheet changed since it was brought in.
#[derive(Debug, Clone)]
enum HeldAs {
    /// The same words given that day to another unit (its name): the lead changed; or nearly
    /// the same (these): the words edited too; or the same given on another day (this one):
    /// the day corrected too.
    Lead(String, Option<String>, Option<NaiveDate>),
    /// The same words given to the unit that day, with this deadline (rows of the same
    /// words told apart by their deadlines).
    Due(Option<NaiveDate>),
    /// Nearly the same words (these), given to the unit that day: the words were corrected.
    Words(String),
    /// The same words given to the unit on another day (this one): the day was corrected.
    Given(NaiveDate),
    /// The same words, day and deadline under another source (this one, empty for none): the
    /// source was filled in or corrected.
    Source(String),
    /// The same words with several keys changed at once (these, as they were).
    Changed(Vec<Was>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pick {
    Known(Uuid),
    New(usize),
}

#[derive(Debug, Clone)]
enum SourcePlan {
    Document { number: String, date: NaiveDate },
    Meeting(Uuid),
    NewMeeting(usize),
}

/// A later deadline a row says was granted.
#[derive(Debug, Clone)]
struct Extension {
    /// The new deadline.
    to: NaiveDate,
    /// What granted it ("theo Văn bản số 45/UBND-VX"), as written.
    grounds: Option<String>,
}

#[derive(Debug, Clone)]
struct RowPlan {
    sheet: usize,
    row: u32,
    key: [u8; 32],
    content: String,
    lead: Pick,
    coordinating: Vec<Pick>,
    /// The coordinating units written in the lead's cell after the one that leads.
    listed_with_lead: Vec<Pick>,
    source: SourcePlan,
    source_text: String,
    assigned_on: Option<NaiveDate>,
    deadline: Option<NaiveDate>,
    /// The later deadlines the row says were granted (gia hạn), in order.
    extensions: Vec<Extension>,
    said: Said,
    /// Completion date when the text says done without one (its caveat already told).
    done_fallback: NaiveDate,
    /// The progress and notes cells as written, kept with the state they gave.
    words: String,
    /// The directives held that this new row may be, changed in the sheet since it was
    /// brought in: it is the first that no other row of the file is.
    held_as: Vec<(Uuid, HeldAs)>,
    /// The leader who gave it (người giao), as the office knows them.
    leader: Option<Uuid>,
    /// What it is to produce (sản phẩm).
    output: Option<String>,
    /// Its priority.
    priority: Priority,
}

impl RowPlan {
    /// The last deadline granted, when the row records an extension.
    fn extended(&self) -> Option<NaiveDate> {
        self.extensions.last().map(|e| e.to)
    }
}

/// What a tracker would bring in.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The sheets read.
    pub sheets: Vec<SheetRead>,
    rows: Vec<RowPlan>,
    /// Units to add to the directory, each with the first row naming it.
    pub new_units: Vec<NewUnitPlan>,
    /// Meetings to create.
    pub new_meetings: Vec<NewMeetingPlan>,
    /// Rows that cannot be read, or are read with a caveat.
    pub problems: Vec<RowProblem>,
    /// Rows imported before.
    pub already: u32,
    /// The rows (sheet, row) that are a directive held already, as imported before.
    held_rows: HashSet<(String, u32)>,
    /// Layouts and the mapping used for each, kept at commit.
    layouts: Vec<(String, Vec<ColumnAt>)>,
    /// The file's name, the source of rows that name none.
    file_name: String,
    /// Where each sheet's rows come from (by the book's sheets), kept with each row brought
    /// in: its layout, and its name in a book of several sheets.
    origins: Vec<Option<i64>>,
}

impl Plan {
    /// Whether it brings nothing in (every row imported before, or left out).
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// How a unit's name was found.
#[derive(Debug, Clone)]
enum Found {
    Known(Uuid),
    Unknown,
    Ambiguous(Vec<String>),
}

/// A cell's units and the names in it that are no one unit ("các phòng", "thị xã", "Lãnh đạo
/// Sở"), or the name that matched several units and their names.
type Picked = std::result::Result<(Vec<Pick>, Vec<String>), (String, Vec<String>)>;

/// What [`plan`] reads with.
struct Reading<'c> {
    conn: &'c Connection,
    directory: Directory,
    /// The units no longer active, by the ways their names are written.
    retired_directory: Directory,
    /// The units and people no longer active, by their ids (read once a file).
    no_longer_active: HashSet<Uuid>,
    /// The units no longer active, by their folded names and codes.
    retired: Vec<(String, Option<String>)>,
    units: HashMap<String, Found>,
    /// The places the directory's units are of ("bat xat" of "Phòng … huyện Bát Xát"),
    /// folded, read once when first needed.
    places: Option<HashSet<String>>,
    /// The meetings held, by their title's words: each one's id and day.
    held: HashMap<String, Vec<(Uuid, NaiveDate)>>,
    /// What each unit cell read as.
    picked: HashMap<String, Picked>,
    new_units: Vec<NewUnitPlan>,
    new_unit_index: HashMap<String, usize>,
    /// The new units written with each short form (folded).
    new_unit_shorts: HashMap<String, Vec<usize>>,
    new_meetings: Vec<NewMeetingPlan>,
    new_meeting_index: HashMap<String, usize>,
    /// The date given to rows that state none (the user's choice).
    given_on: Option<NaiveDate>,
    /// The directives held that rows of the file were found to be.
    found_held: HashSet<Uuid>,
    /// What each document number cited is of the office's own (see `Reading::own_number`).
    own_numbers: HashMap<String, Option<(DocKind, u32)>>,
    /// The rows (sheet, row) told apart from the directive held.
    told_apart: HashSet<(String, u32)>,
    /// Whether any directive was brought in from a file before (else none is looked for as
    /// a row changed since).
    brought_in_any: bool,
    /// The directives brought in from a file, with the origin of their sheet, by their
    /// words (spacing, case and punctuation aside), read once when first needed.
    brought_words: Option<HashMap<String, Vec<Brought>>>,
    /// The directives given on each day looked at: id, lead unit, content and lead's name.
    given_on_days: HashMap<NaiveDate, Vec<(Uuid, Uuid, String, String)>>,
    /// The person each "người giao" cell names: their id, or the candidates when several
    /// (none when no one).
    leaders: HashMap<String, std::result::Result<Uuid, Vec<String>>>,
    /// The people a unit cell names, read as their units (by the cell): "Đ/c Lò Thu Nam →
    /// Văn phòng Sở", told on each row of that cell.
    by_person: HashMap<String, Vec<String>>,
    /// The rows planned (their places in the plan), by their lead unit and their source's
    /// key (see [`values::source_key`]): where an earlier sheet's row of the same task,
    /// written another way, is looked for.
    by_unit_source: HashMap<(Uuid, String), Vec<usize>>,
    /// The rows planned (their places in the plan, their sheets' names) by their words (see
    /// [`exact_words`]): a later sheet's row of those words, source and day naming another
    /// lead is told.
    by_words: HashMap<String, Vec<(usize, String)>>,
    /// The short forms written after a new unit's name that a unit of the directory holds
    /// ("… huyện Si Ma Cai (TTYT)"): told once each, where first written.
    shorts_taken: Vec<RowProblem>,
    /// The office's name, parent agency and place, folded (none when not set): a unit's name
    /// ending with another place is not the directory's unit of that name without it.
    office_places: Vec<String>,
}

/// A directive brought in from a file, as a later row is matched to it: its id, lead unit,
/// day given, and its sheet's origin (none for a document's, or one brought in before
/// origins were kept).
#[derive(Debug, Clone, Copy)]
struct Brought {
    id: Uuid,
    lead: Uuid,
    given: NaiveDate,
    origin: Option<i64>,
}

impl Reading<'_> {
    /// The directives given on `day` (id, lead unit, content, lead's name): read once a day.
    fn given_on_day(&mut self, day: NaiveDate) -> Result<&[(Uuid, Uuid, String, String)]> {
        if !self.given_on_days.contains_key(&day) {
            let mut stmt = self.conn.prepare_cached(
                "SELECT d.id, d.lead_unit_id, d.content, u.name FROM directive d \
                 JOIN unit u ON u.id = d.lead_unit_id WHERE d.assigned_on = ?1",
            )?;
            let found = stmt
                .query_map([crate::store::value::date(day)], |r| {
                    Ok((
                        crate::store::value::get_uuid(r, 0)?,
                        crate::store::value::get_uuid(r, 1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // (A bounded memory: the days read are forgotten past 100,000 directives.)
            let held: usize = self.given_on_days.values().map(Vec::len).sum();
            if held + found.len() > 100_000 {
                self.given_on_days.clear();
            }
            self.given_on_days.insert(day, found);
        }
        Ok(&self.given_on_days[&day])
    }

    /// The directives brought in from a file, by their words (spacing, case and punctuation
    /// aside): read once, when first needed.
    fn brought_words(&mut self) -> Result<&HashMap<String, Vec<Brought>>> {
        if self.brought_words.is_none() {
            let mut stmt = self.conn.prepare(
                "SELECT d.id, d.content, d.lead_unit_id, d.assigned_on, i.origin \
                 FROM directive d JOIN intake_row i ON i.record_id = d.id",
            )?;
            let mut by: HashMap<String, Vec<Brought>> = HashMap::new();
            for row in stmt.query_map([], |r| {
                let brought = Brought {
                    id: crate::store::value::get_uuid(r, 0)?,
                    lead: crate::store::value::get_uuid(r, 2)?,
                    given: crate::store::value::get_date(r, 3)?,
                    origin: r.get(4)?,
                };
                Ok((r.get::<_, String>(1)?, brought))
            })? {
                let (content, brought) = row?;
                let of = by.entry(exact_words(&content)).or_default();
                if of
                    .iter()
                    .all(|b| (b.id, b.origin) != (brought.id, brought.origin))
                {
                    of.push(brought);
                }
            }
            self.brought_words = Some(by);
        }
        Ok(self.brought_words.as_ref().expect("read above"))
    }
    /// The office's own notice or minutes a document number is, read once a number.
    fn own_number(&mut self, number: &str) -> Result<Option<(DocKind, u32)>> {
        if let Some(own) = self.own_numbers.get(number) {
            return Ok(*own);
        }
        let own = super::numbers::own_number(self.conn, number)?;
        self.own_numbers.insert(number.to_string(), own);
        Ok(own)
    }

    /// The meeting a source names: one made for an earlier row, else one of that title
    /// held that day or up to a month before (read once a file), else a new one.
    fn meeting(&mut self, title: &str, date: NaiveDate) -> SourcePlan {
        let words = meeting_key(title);
        let key = format!("{words} {date}");
        if let Some(&i) = self.new_meeting_index.get(&key) {
            return SourcePlan::NewMeeting(i);
        }
        // Held that day; else given a few days after the meeting it came from (the day its
        // notice went out): the meeting of that title held last before, within a month.
        let held = self.held.get(&words).map_or(&[][..], Vec::as_slice);
        let found = held.iter().find(|(_, on)| *on == date).or_else(|| {
            held.iter()
                .filter(|(_, on)| *on <= date && (date - *on).num_days() <= 31)
                .max_by_key(|(_, on)| *on)
        });
        if let Some((id, _)) = found {
            return SourcePlan::Meeting(*id);
        }
        let next = self.new_meetings.len();
        let i = *self.new_meeting_index.entry(key).or_insert(next);
        if i == next {
            self.new_meetings.push(NewMeetingPlan {
                title: title.trim().to_string(),
                date,
            });
        }
        SourcePlan::NewMeeting(i)
    }
}

/// The person a "người giao" cell names: "Giám đốc Hà Văn Thắng", "Đ/c Thắng - GĐ" by their
/// name without the titles; "Giám đốc", a title alone, by the title the office gives them.
/// The candidates when several match (none when no one does).
fn leader_named(conn: &Connection, cell: &str) -> Result<std::result::Result<Uuid, Vec<String>>> {
    let words = crate::text::words(cell);
    let mut name: Vec<&str> = Vec::new();
    let mut title: Vec<&str> = Vec::new();
    let mut k = 0;
    while k < words.len() {
        match crate::extract::lexicon::TITLES
            .iter()
            .chain(TITLE_WORDS)
            .find(|seq| words[k..].iter().take(seq.len()).eq(seq.iter()))
        {
            Some(seq) => {
                title.extend(seq.iter());
                k += seq.len();
            }
            None => {
                name.push(&words[k]);
                k += 1;
            }
        }
    }
    let people = person::list(conn, None, true)?;
    let found: Vec<&person::Person> = if name.is_empty() {
        // "GĐ Sở", "PGĐ", "PCT": the posts' short forms spelled out; "Đ/c", "Ông", "Bà" are
        // forms of address, no post.
        let said = (title.iter())
            .filter_map(|w| match *w {
                "gd" => Some("giam doc"),
                "pgd" => Some("pho giam doc"),
                "ct" => Some("chu tich"),
                "pct" => Some("pho chu tich"),
                "d" | "c" | "dc" | "ong" | "ba" => None,
                other => Some(other),
            })
            .collect::<Vec<_>>()
            .join(" ");
        people
            .iter()
            .filter(|p| {
                !said.is_empty()
                    && p.title
                        .as_deref()
                        .is_some_and(|t| crate::text::plain(t).starts_with(&said))
            })
            .collect()
    } else {
        let said = name.join(" ");
        people
            .iter()
            .filter(|p| crate::text::matches_words(&p.full_name, &said))
            .collect()
    };
    Ok(match found.as_slice() {
        [one] => Ok(one.id),
        many => Err(many.iter().map(|p| p.full_name.clone()).collect()),
    })
}

/// The people a "người giao" cell lists, at its commas, semicolons, lines and " và "; the
/// cell alone when it lists none.
pub(super) fn people_listed(cell: &str) -> Vec<&str> {
    cell.split([',', ';', '\n'])
        .flat_map(|p| p.split(" và "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The short titles and words before a name in a "người giao" cell, folded, besides the
/// titles the extractor knows (`extract::lexicon::TITLES`).
const TITLE_WORDS: &[&[&str]] = &[
    &["lanh", "dao"],
    &["d", "c"],
    &["dc"],
    &["pgd"],
    &["gd"],
    &["pct"],
    &["ct"],
    &["ong"],
    &["ba"],
    &["so"],
];

fn problem(
    g: &Grid,
    i: usize,
    column: Option<(Column, usize)>,
    issue: Issue,
    skipped: bool,
) -> RowProblem {
    RowProblem {
        sheet: g.name.clone(),
        row: g.row_number(i),
        column: column.map(|(f, j)| {
            format!(
                "{} ({})",
                g.column_letters(j),
                crate::labels::of("tracker_column", &f, Lang::Vi)
            )
        }),
        field: column.map(|(f, _)| f),
        skipped,
        held: false,
        message: issue.words(),
    }
}

/// Where a sheet's rows come from, as kept with each: its layout's key and, for a workbook's
/// sheet, its name (a CSV file's is named after the file, which copies rename); hashed to 64
/// bits (a small index, one entry a row).
fn origin_of(layout: &str, sheet: Option<&str>) -> i64 {
    let mut h = Sha256::new();
    h.update(b"tracker-origin\0");
    h.update(layout.as_bytes());
    if let Some(name) = sheet {
        h.update([0x1F]);
        h.update(name.as_bytes());
    }
    let digest: [u8; 32] = h.finalize().into();
    i64::from_le_bytes(digest[..8].try_into().expect("8 bytes"))
}

/// The row's key: SHA-256 of its content, lead unit, source and date given, as written.
fn row_key(parts: [&str; 4]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"tracker-row\0");
    for p in parts {
        h.update(crate::text::plain(p).as_bytes());
        h.update([0x1F]);
    }
    h.finalize().into()
}

/// A row read, as the rows after it are checked against it.
#[derive(Clone)]
struct Seen {
    sheet: String,
    row: u32,
    /// Its words of progress and its coordinating units, as written.
    progress: String,
    coordinating: String,
    /// Its key (for a row seen by its unit: the key of the row first seen).
    key: [u8; 32],
}

/// Words as written, marks on their letters kept; case, spacing and punctuation aside.
fn exact_words(text: &str) -> String {
    crate::text::joined_words(&crate::text::composed(text.to_string()).to_lowercase())
}

/// The key of a row whose words the sheet says more than once: its plain key with its
/// deadline and its words as written (marks kept, unlike the plain key's).
fn told_apart(key: &[u8; 32], deadline: Option<NaiveDate>, exact: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"tracker-row-apart\0");
    h.update(key);
    h.update(format!("{deadline:?}").as_bytes());
    h.update([0x1F]);
    h.update(exact.as_bytes());
    h.finalize().into()
}

/// Whether a row was imported before.
pub(super) fn imported(conn: &Connection, key: &[u8; 32]) -> Result<bool> {
    Ok(imported_as(conn, key)?.is_some())
}

/// The record a row or document brought in before was made into.
fn imported_as(conn: &Connection, key: &[u8; 32]) -> Result<Option<Uuid>> {
    Ok(conn
        .prepare_cached("SELECT record_id FROM intake_row WHERE key = ?1")?
        .query_row([&key[..]], |r| crate::store::value::get_uuid(r, 0))
        .optional()?)
}

/// The mapping saved for a layout.
fn saved_mapping(conn: &Connection, key: &str) -> Result<Option<Vec<ColumnAt>>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM intake_layout WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

/// Reads every sheet's rows into a plan; `given` is a mapping for sheets of its layout (or
/// for the one sheet read); `given_on` the date given to rows that state none; `as_new` the
/// rows that are new directives though like one held. A sheet without a recognisable header
/// is left out when another has one; none is [`IntakeProblem::NoTable`].
pub fn plan(
    conn: &Connection,
    book: &Book,
    given: Option<&[ColumnAt]>,
    given_on: Option<NaiveDate>,
    as_new: &[RowAt],
    file_name: &str,
) -> Result<Plan> {
    let units = unit::list(conn, true)?;
    let mut r = Reading {
        conn,
        directory: Directory::from_units(&units),
        retired_directory: Directory::of_retired(&units),
        no_longer_active: (units.iter().filter(|u| !u.active).map(|u| u.id))
            .chain(
                (person::list(conn, None, true)?.into_iter())
                    .filter(|p| !p.active)
                    .map(|p| p.id),
            )
            .collect(),
        retired: (units.iter().filter(|u| !u.active))
            .map(|u| {
                let code = u.code.as_deref().map(crate::text::plain);
                (crate::text::plain(&u.name), code)
            })
            .collect(),
        units: HashMap::new(),
        places: None,
        held: HashMap::new(),
        picked: HashMap::new(),
        new_units: Vec::new(),
        new_unit_index: HashMap::new(),
        new_unit_shorts: HashMap::new(),
        new_meetings: Vec::new(),
        new_meeting_index: HashMap::new(),
        given_on,
        found_held: HashSet::new(),
        own_numbers: HashMap::new(),
        told_apart: HashSet::new(),
        brought_in_any: conn
            .prepare("SELECT 1 FROM intake_row LIMIT 1")?
            .exists([])?,
        brought_words: None,
        given_on_days: HashMap::new(),
        leaders: HashMap::new(),
        by_person: HashMap::new(),
        shorts_taken: Vec::new(),
        by_unit_source: HashMap::new(),
        by_words: HashMap::new(),
        office_places: crate::office::load(conn)?
            .map(|o| [o.name, o.parent_agency, o.place])
            .into_iter()
            .flatten()
            .filter(|p| !p.trim().is_empty())
            .map(|p| crate::text::fold(&p))
            .collect(),
    };
    let mut stmt = conn.prepare("SELECT id, title, starts_at FROM meeting")?;
    for row in stmt.query_map([], |row| {
        Ok((
            crate::store::value::get_uuid(row, 0)?,
            row.get::<_, String>(1)?,
            crate::store::value::get_ts(row, 2)?,
        ))
    })? {
        let (id, title, at) = row?;
        r.held
            .entry(meeting_key(&title))
            .or_default()
            .push((id, crate::date::local_date(at)));
    }
    let mut plan = Plan {
        sheets: Vec::new(),
        rows: Vec::new(),
        new_units: Vec::new(),
        new_meetings: Vec::new(),
        problems: Vec::new(),
        already: 0,
        held_rows: HashSet::new(),
        layouts: Vec::new(),
        file_name: file_name.to_string(),
        origins: vec![None; book.sheets.len()],
    };
    let mut seen: HashMap<[u8; 32], Seen> = HashMap::new();
    // Sheets named after their years ("Năm 2025", "2026") are read oldest first, whatever
    // their order in the book, so that a task carried over takes its latest year's row.
    // Sheets of years or months ("Năm 2024", "Tháng 4", "T3-2025", "12/2024") are read in
    // their order in time, whatever their tabs' order: the latest says where a task stands.
    let period_of = |name: &str| {
        let words = crate::text::words(name);
        let numbers: Vec<i32> = words.iter().filter_map(|w| w.parse().ok()).collect();
        let years: Vec<i32> = (numbers.iter().copied())
            .filter(|y| (1990..=2100).contains(y))
            .collect();
        let month = (words.iter().enumerate())
            .find_map(|(k, w)| {
                let n: Option<u32> = match w.strip_prefix('t') {
                    Some(rest) if !rest.is_empty() => rest.parse().ok(),
                    _ if k >= 1 && words[k - 1] == "thang" => w.parse().ok(),
                    _ => None,
                };
                n.filter(|m| (1..=12).contains(m))
            })
            .or_else(|| {
                // "12/2024": a month beside a year.
                (years.len() == 1 && numbers.len() == 2)
                    .then(|| {
                        numbers
                            .iter()
                            .find(|n| (1..=12).contains(*n))
                            .map(|m| *m as u32)
                    })
                    .flatten()
            });
        match (years.len(), month) {
            (0, Some(m)) => Some((0, m)),
            (1, m) => Some((years[0], m.unwrap_or(0))),
            _ => None,
        }
    };
    // (Among them: a sheet of another kind, "Danh mục", "Tổng hợp", keeps its place.)
    let mut order: Vec<usize> = (0..book.sheets.len()).collect();
    let periods: Vec<usize> = (0..book.sheets.len())
        .filter(|&s| period_of(&book.sheets[s].name).is_some())
        .collect();
    let mut in_time = periods.clone();
    in_time.sort_by_key(|&s| period_of(&book.sheets[s].name));
    for (slot, s) in periods.into_iter().zip(in_time) {
        order[slot] = s;
    }
    for s in order {
        let g = &book.sheets[s];
        // A header not recognised is the first row when the user names the columns, or
        // named them for a file of this layout before (the mapping kept for it).
        let first_row_named = |h: &columns::Header| {
            given.is_some() || matches!(saved_mapping(conn, &h.layout_key()), Ok(Some(_)))
        };
        // A sheet without a lead unit's column, named after a unit of the directory (a
        // workbook kept a sheet per unit: "Văn phòng Sở", "TTr", "P. KHTC"): that unit's.
        let mut sheet_unit = None;
        let found = match columns::find(g) {
            Some(h) => Some(h),
            None if given.is_none() => match columns::find_without_lead(g) {
                Some(h) => {
                    sheet_unit = r.unit_named_by(&g.name)?;
                    sheet_unit.is_some().then_some(h)
                }
                None => None,
            },
            None => None,
        };
        let Some(found) = found.or_else(|| columns::first_row(g).filter(first_row_named)) else {
            // A sheet of words where no tracker's header was found is told, never dropped
            // unsaid (a sheet of tasks without a lead unit's column named after no unit).
            let words = (g.rows.iter().flatten())
                .any(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty()));
            if words {
                let issue = Issue::SheetNotRead(
                    sheet_unit.is_none() && columns::find_without_lead(g).is_some(),
                );
                plan.problems.push(RowProblem {
                    sheet: g.name.clone(),
                    row: 0,
                    column: None,
                    field: None,
                    skipped: true,
                    held: false,
                    message: issue.words(),
                });
            }
            continue;
        };
        let key = found.layout_key();
        let (header, from) = match given {
            Some(m) => (
                found
                    .with_mapping(g, m)
                    .ok_or(Error::Intake(IntakeProblem::BadMapping))?,
                MappingFrom::Given,
            ),
            None => match saved_mapping(conn, &key)?.and_then(|m| found.with_mapping(g, &m)) {
                Some(h) => (h, MappingFrom::Saved),
                None => (found, MappingFrom::Recognised),
            },
        };
        let mapping = header.mapping(g);
        plan.origins[s] = Some(origin_of(&key, book.named.then_some(&g.name)));
        plan.layouts.push((
            key,
            mapping
                .iter()
                .map(|m| ColumnAt {
                    header: String::new(),
                    ..m.clone()
                })
                .collect(),
        ));
        // The rows this sheet brings in, sets aside, or finds imported before (a skipped row
        // of an earlier sheet may be dropped while this one is read: counted by sheet).
        let counted = |p: &Plan| {
            p.rows.iter().filter(|r| r.sheet == s).count()
                + (p.problems.iter())
                    .filter(|q| q.skipped && q.sheet == g.name)
                    .count()
                + p.already as usize
        };
        let before = counted(&plan);
        if let Some(unit) = &sheet_unit {
            plan.problems.push(problem(
                g,
                header.last_row,
                None,
                Issue::SheetUnit(unit.clone()),
                false,
            ));
        }
        // A sheet without a leader's column, kept for one leader (a workbook kept a sheet per
        // leader): the rows naming no one were given by that leader, told.
        let sheet_leader = match header.fields.contains_key(&Column::Leader) {
            true => None,
            false => match r.leader_named_by(g, header.last_row)? {
                Ok(one) => one,
                Err(names) => {
                    let issue = Issue::SheetLeaders(names);
                    plan.problems
                        .push(problem(g, header.last_row, None, issue, false));
                    None
                }
            },
        };
        if let Some(id) = sheet_leader {
            let name = person::get(conn, id)?.full_name;
            plan.problems.push(problem(
                g,
                header.last_row,
                None,
                Issue::SheetLeader(name),
                false,
            ));
        }
        let by_sheet = SheetGiven {
            unit: sheet_unit,
            leader: sheet_leader,
        };
        read_rows(&mut r, &mut plan, &mut seen, s, g, &header, by_sheet)?;
        let rows = counted(&plan).saturating_sub(before);
        let used = |j: usize| {
            header.fields.values().any(|&k| k == j) || header.ticks.iter().any(|(k, _)| *k == j)
        };
        let unused = (header.texts.iter().enumerate())
            .filter(|(j, text)| !text.trim().is_empty() && !used(*j))
            .map(|(j, text)| match g.column_hidden(j) {
                true => format!("{} (cột ẩn {})", text.trim(), g.column_letters(j)),
                false => text.trim().to_string(),
            })
            .collect();
        plan.sheets.push(SheetRead {
            name: g.name.clone(),
            header_row: g.row_number(header.last_row),
            mapping,
            mapping_from: from,
            encoding: g.encoding,
            rows: rows as u32,
            unused,
        });
    }
    if plan.sheets.is_empty() {
        // "N?i dung nhi?m v?": letters lost as "?" between letters, said so.
        let lost = (book.sheets.iter())
            .flat_map(|g| g.rows.iter().take(20).flatten())
            .filter_map(|c| match c {
                Cell::Text(t) => Some(t),
                _ => None,
            })
            .map(|t| {
                let b = t.as_bytes();
                (1..b.len().saturating_sub(1))
                    .filter(|&k| b[k] == b'?' && b[k - 1].is_ascii_alphabetic() && b[k + 1] != b' ')
                    .count()
            })
            .sum::<usize>();
        return Err(Error::Intake(if lost >= 3 {
            IntakeProblem::LettersLost
        } else {
            IntakeProblem::NoTable
        }));
    }
    plan.problems.append(&mut r.shorts_taken);
    let mut found = held_as_changed(&mut plan, book, &r.found_held, as_new);
    found.extend(&r.found_held);
    no_longer_in(conn, &mut plan, book, &found)?;
    plan.new_units = r.new_units;
    plan.new_meetings = r.new_meetings;
    Ok(plan)
}

/// A new unit's kind, by the first words of its name.
fn kind_of_name(name: &str) -> UnitKind {
    let w = crate::text::words(name);
    let first: Vec<&str> = w.iter().map(String::as_str).take(2).collect();
    match first.as_slice() {
        ["van", "phong", ..] => UnitKind::Office,
        ["phong", ..] => UnitKind::Division,
        ["trung", "tam"] | ["tt", ..] => UnitKind::Center,
        ["thanh", "tra"] => UnitKind::Inspectorate,
        ["ubnd", ..] | ["huyen", ..] | ["thi", "xa"] => UnitKind::District,
        ["so", ..] => UnitKind::External,
        _ => UnitKind::Other,
    }
}

/// A meeting's kind, by its title.
fn meeting_kind(title: &str) -> MeetingKind {
    let f = format!(" {} ", crate::text::plain(title));
    if f.contains(" giao ban ") && f.contains(" truc tuyen ") {
        MeetingKind::OnlineBriefing
    } else if f.contains(" giao ban ") {
        MeetingKind::MonthlyBriefing
    } else if f.contains(" hoi nghi ") {
        MeetingKind::Conference
    } else if f.contains(" lam viec ") {
        MeetingKind::WorkingSession
    } else {
        MeetingKind::Other
    }
}

/// A meeting of a past day, at 08:00 office time.
pub(super) fn morning_of(d: NaiveDate) -> chrono::DateTime<chrono::Utc> {
    crate::date::start_of_day(d) + chrono::Duration::hours(8)
}

/// Creates a meeting (closed: it was held) for a document or a source column.
pub(super) fn past_meeting(
    tx: &Tx<'_>,
    title: &str,
    date: NaiveDate,
    chair: Option<Uuid>,
) -> Result<Uuid> {
    let mut m = NewMeeting::new(title, morning_of(date));
    m.kind = meeting_kind(title);
    m.chair_id = chair;
    let id = meeting::create(tx, m)?.id;
    Ok(id)
}

/// Closes a meeting made by an import.
pub(super) fn close(tx: &Tx<'_>, id: Uuid) -> Result<()> {
    crate::minutes::set_status(tx, id, MeetingStatus::Closed).map(|_| ())
}

/// Notes a record made from an import under `key`.
pub(super) fn remember(
    tx: &Tx<'_>,
    key: &[u8; 32],
    record: Uuid,
    origin: Option<i64>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO intake_row (key, record_id, imported_at, origin) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![&key[..], record, ts(tx.now()), origin])?;
    Ok(())
}

/// What [`apply`] made.
pub struct Applied {
    /// The directives made, in row order.
    pub rows: Vec<TrackerRow>,
    /// Rows refused by a rule of the domain.
    pub problems: Vec<RowProblem>,
    /// The plan's new units made (by their place in it): those the rows written name, each
    /// with the sheet and row of the first written that names it.
    pub new_units: Vec<(usize, String, u32)>,
}

/// Writes the plan: new meetings, then each row with the new units it names (a row a rule
/// of the domain refuses is undone alone, its units with it, and told); each row noted as
/// imported; the layouts' mappings kept.
pub fn apply(tx: &Tx<'_>, plan: &Plan, book: &Book) -> Result<Applied> {
    let mut meeting_ids = Vec::with_capacity(plan.new_meetings.len());
    for m in &plan.new_meetings {
        // Made since the plan was read (the same file imported at once elsewhere).
        let id = match held(tx, &m.title, m.date)? {
            Some(id) => id,
            None => {
                let id = past_meeting(tx, &m.title, m.date, None)?;
                close(tx, id)?;
                id
            }
        };
        meeting_ids.push(id);
    }
    let mut units = NewUnits {
        names: &plan.new_units,
        ids: vec![None; plan.new_units.len()],
    };
    let mut names: HashMap<Uuid, String> = HashMap::new();
    // The rows are written with no savepoint each: at a savepoint FTS5 writes out the terms it
    // holds and SQLite journals the pages it changes, a fifth of the preview's time. The first
    // row a rule refuses undoes them all; they are written again, each row from that one on in
    // a savepoint of its own, so that a refused row is undone alone.
    tx.execute_batch("SAVEPOINT intake_rows")?;
    let mut guarded = None;
    let mut out = loop {
        match write_rows(
            tx,
            plan,
            book,
            &mut units,
            &meeting_ids,
            &mut names,
            guarded,
        )? {
            Written::All(out) => break out,
            Written::RefusedAt(first) => {
                tx.execute_batch("ROLLBACK TO intake_rows")?;
                units.ids.fill(None);
                guarded = Some(first);
            }
        }
    };
    out.new_units = (units.ids.iter().enumerate())
        .filter_map(|(i, made)| {
            made.as_ref()
                .map(|(_, sheet, row)| (i, sheet.clone(), *row))
        })
        .collect();
    tx.execute_batch("RELEASE intake_rows")?;
    // A layout's mapping is kept for its next file once it brought directives in.
    for (key, mapping) in plan.layouts.iter().filter(|_| !out.rows.is_empty()) {
        tx.execute(
            "INSERT INTO intake_layout (key, mapping, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at
             WHERE mapping <> excluded.mapping",
            params![key, serde_json::to_string(mapping).expect("a mapping serialises"), ts(tx.now())],
        )?;
    }
    Ok(out)
}

/// The units a plan proposes, each made when a row that names it is written: a row refused
/// makes none.
struct NewUnits<'p> {
    names: &'p [NewUnitPlan],
    /// Each made, with the sheet and row it was made for.
    ids: Vec<Option<(Uuid, String, u32)>>,
}

impl NewUnits<'_> {
    /// The unit a pick names, made for the row `at` if it is new and not made yet.
    fn id(&mut self, tx: &Tx<'_>, p: Pick, at: (&str, u32)) -> Result<Uuid> {
        let i = match p {
            Pick::Known(id) => return Ok(id),
            Pick::New(i) => i,
        };
        if let Some((id, _, _)) = self.ids[i] {
            return Ok(id);
        }
        let NewUnitPlan { name, short, .. } = &self.names[i];
        let id = unit::create(
            tx,
            NewUnit {
                name: name.clone(),
                // ("TTPVHCC" a code; "Ban QLDA" a short name.)
                short_name: short.clone().filter(|s| s.contains(' ')),
                code: short.clone().filter(|s| !s.contains(' ')),
                kind: kind_of_name(name),
                parent_id: None,
                sort_order: 1000,
            },
        )?
        .id;
        self.ids[i] = Some((id, at.0.to_string(), at.1));
        Ok(id)
    }
}

/// The tracker's field a refusal of the domain is about.
fn refused_field(e: &Error) -> Option<Column> {
    use crate::error::Field;
    match e {
        Error::Invalid { field, .. } => match field {
            Field::Content => Some(Column::Content),
            Field::LeadUnit => Some(Column::Lead),
            Field::CoordinatingUnits => Some(Column::Coordinating),
            Field::DirectingLeader => Some(Column::Leader),
            Field::Deadline => Some(Column::Deadline),
            Field::AssignedOn => Some(Column::AssignedOn),
            Field::Date | Field::Status | Field::Percent => Some(Column::Progress),
            _ => None,
        },
        _ => None,
    }
}

/// The units or person no longer active that a row refused at `field` names.
fn inactive_names(tx: &Tx<'_>, row: &RowPlan, field: Option<Column>) -> Result<Option<String>> {
    let mut names = Vec::new();
    match field {
        Some(Column::Lead | Column::Coordinating) => {
            let named = std::iter::once(&row.lead).chain(&row.coordinating);
            for p in named {
                if let Pick::Known(id) = p {
                    let u = unit::get(tx, *id)?;
                    if !u.active {
                        names.push(u.name);
                    }
                }
            }
        }
        Some(Column::Leader) => {
            if let Some(id) = row.leader {
                names.push(person::get(tx, id)?.full_name);
            }
        }
        _ => {}
    }
    Ok((!names.is_empty()).then(|| names.join("; ")))
}

/// The column of `sheet` (among those read) that holds field `f`, named as the preview shows it ("E (Thời
/// hạn)"), if the sheet has one.
fn column_named(sheets: &[SheetRead], sheet: &str, f: Column) -> Option<String> {
    let read = sheets.iter().find(|s| s.name == sheet)?;
    let at = read.mapping.iter().find(|c| c.field == f)?;
    let label = crate::labels::of("tracker_column", &f, crate::Lang::Vi);
    Some(format!("{} ({label})", at.column))
}

/// Whether the coordinating units of a row no longer active were all written in the lead's
/// cell ("VP - TTTHDL" under "Chủ trì").
fn inactive_in_lead_cell(tx: &Tx<'_>, row: &RowPlan) -> Result<bool> {
    let mut any = false;
    for p in &row.coordinating {
        if let Pick::Known(id) = p
            && !unit::get(tx, *id)?.active
        {
            if !row.listed_with_lead.contains(p) {
                return Ok(false);
            }
            any = true;
        }
    }
    Ok(any)
}

/// What a sheet gives the rows that say none: the unit it is named after (no lead's
/// column), the leader it is kept for (no leader's column).
struct SheetGiven {
    unit: Option<String>,
    leader: Option<Uuid>,
}

/// Rows written, or the first a rule refused when no savepoint guarded it.
enum Written {
    All(Applied),
    RefusedAt(usize),
}

/// Writes the plan's rows, each from the `guarded` one on in a savepoint (a refused row
/// undone alone and told); a refused row before it stops the writing.
fn write_rows(
    tx: &Tx<'_>,
    plan: &Plan,
    book: &Book,
    units: &mut NewUnits<'_>,
    meeting_ids: &[Uuid],
    names: &mut HashMap<Uuid, String>,
    guarded: Option<usize>,
) -> Result<Written> {
    let mut name_of = |id: Uuid| -> Result<String> {
        if let Some(n) = names.get(&id) {
            return Ok(n.clone());
        }
        let n = unit::get(tx, id)?.name;
        names.insert(id, n.clone());
        Ok(n)
    };
    let mut out = Applied {
        rows: Vec::with_capacity(plan.rows.len()),
        problems: Vec::new(),
        new_units: Vec::new(),
    };
    for (i, row) in plan.rows.iter().enumerate() {
        let g = &book.sheets[row.sheet];
        // Brought in since the plan was read (the same file imported at once elsewhere).
        if imported(tx, &row.key)? {
            continue;
        }
        let guard = guarded.is_some_and(|from| i >= from);
        let units_before = guard.then(|| units.ids.clone());
        if guard {
            tx.prepare_cached("SAVEPOINT intake_row")?.execute([])?;
        }
        match write_row(tx, plan, row, &g.name, units, meeting_ids) {
            Ok(d) => {
                if guard {
                    tx.prepare_cached("RELEASE intake_row")?.execute([])?;
                }
                let mut coordinating = Vec::with_capacity(d.coordinating_unit_ids.len());
                for c in &d.coordinating_unit_ids {
                    coordinating.push(name_of(*c)?);
                }
                out.rows.push(TrackerRow {
                    sheet: g.name.clone(),
                    row: row.row,
                    content: d.content,
                    lead_unit: name_of(d.lead_unit_id)?,
                    lead_unit_new: matches!(row.lead, Pick::New(_)),
                    coordinating_units: coordinating,
                    source: row.source_text.clone(),
                    assigned_on: d.assigned_on,
                    deadline: d.deadline,
                    extended_from: row.extended().and(row.deadline),
                    status: d.status,
                    completed_on: d.completed_on,
                    directing_leader: d
                        .directing_leader_id
                        .map(|p| person::get(tx, p).map(|p| p.full_name))
                        .transpose()?,
                    directive_id: d.id,
                });
            }
            Err(Error::Invalid { .. } | Error::NotFound { .. }) if !guard => {
                return Ok(Written::RefusedAt(i));
            }
            Err(e @ (Error::Invalid { .. } | Error::NotFound { .. })) => {
                tx.execute_batch("ROLLBACK TO intake_row; RELEASE intake_row")?;
                // The units it made are undone with it.
                if let Some(before) = units_before {
                    units.ids = before;
                }
                // Told at the column of the field refused, where the sheet has one (the
                // lead's, for a unit written there after the one that leads).
                let field = match refused_field(&e) {
                    Some(Column::Coordinating) if inactive_in_lead_cell(tx, row)? => {
                        Some(Column::Lead)
                    }
                    field => field,
                };
                let column = field.and_then(|f| column_named(&plan.sheets, &g.name, f));
                out.problems.push(RowProblem {
                    sheet: g.name.clone(),
                    row: row.row,
                    column,
                    field,
                    skipped: true,
                    held: false,
                    message: Issue::Refused(Box::new(e), inactive_names(tx, row, field)?).words(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Written::All(out))
}

/// The status steps from "given" to the state a tracker says, but for work under way told in
/// words (a progress report, which starts it) and the states a task keeps as given.
fn steps_to(said: &Said, done_fallback: NaiveDate) -> Vec<StatusChange> {
    match said {
        Said::Open | Said::Declined | Said::InProgress { note: Some(_), .. } => Vec::new(),
        Said::InProgress { note: None, .. } => vec![StatusChange::Start],
        // Done as the office recorded it: reported and confirmed.
        Said::Done(on) => vec![
            StatusChange::ReportDone {
                on: on.unwrap_or(done_fallback),
            },
            StatusChange::Confirm,
        ],
        // Waiting for the leader's word.
        Said::Reported(on) => vec![StatusChange::ReportDone {
            on: on.unwrap_or(done_fallback),
        }],
        Said::Suspended => vec![StatusChange::Suspend],
        Said::Cancelled => vec![StatusChange::Cancel],
    }
}

fn write_row(
    tx: &Tx<'_>,
    plan: &Plan,
    row: &RowPlan,
    sheet: &str,
    units: &mut NewUnits<'_>,
    meetings: &[Uuid],
) -> Result<directive::Directive> {
    let source = match &row.source {
        SourcePlan::Document { number, date } => Source::Document {
            number: number.clone(),
            date: *date,
        },
        SourcePlan::Meeting(id) => Source::Meeting {
            meeting_id: *id,
            conclusion_id: None,
        },
        SourcePlan::NewMeeting(i) => Source::Meeting {
            meeting_id: meetings[*i],
            conclusion_id: None,
        },
    };
    // The state's note names where it comes from, and keeps the tracker's words.
    let from = format!("{} / {} / {}", plan.file_name, sheet, row.row);
    let note = if row.words.is_empty() {
        from.clone()
    } else {
        format!("{from}: {}", row.words)
    };
    // The steps to the state the tracker says, taken as the directive is made when no
    // extension comes between (a deadline is extended while the task is open).
    let steps = steps_to(&row.said, row.done_fallback);
    let at_once = row.extensions.is_empty();
    let mut d = directive::create_as(
        tx,
        NewDirective {
            content: row.content.clone(),
            expected_output: row.output.clone(),
            source,
            assigned_on: row.assigned_on,
            directing_leader_id: row.leader,
            lead_unit_id: units.id(tx, row.lead, (sheet, row.row))?,
            coordinating_unit_ids: (row.coordinating.iter())
                .map(|p| units.id(tx, *p, (sheet, row.row)))
                .collect::<Result<_>>()?,
            deadline: row.deadline,
            priority: row.priority,
            // The tracker says so: an office's record is taken as it was kept.
            allow_deadline_before_assigned: true,
            // A task closed is a record of the past: its units and leader as they were.
            of_record: row.said.closed(),
        },
        if at_once { &steps } else { &[] },
        &note,
    )?;
    let today = crate::date::local_date(tx.now());
    // The extensions the tracker records, in order, each granted by the deadline it moved
    // (or today, for one still to come), before the state it reached.
    for e in &row.extensions {
        let reason = format!("Gia hạn ghi trong bảng theo dõi ({from})");
        followup::extend_deadline(
            tx,
            d.id,
            NewExtension {
                new_deadline: e.to,
                reason: match &e.grounds {
                    Some(g) => format!("{reason}: {g}"),
                    None => reason,
                },
                approver_id: None,
                approved_on: d.deadline.filter(|d| *d <= today).unwrap_or(today),
            },
        )?;
        d = directive::get(tx, d.id)?;
    }
    if !at_once && !steps.is_empty() {
        d = directive::change_status_of(tx, d, &steps, &note)?;
    }
    // Work under way with its words: a progress report, which moves the directive on.
    if let Said::InProgress {
        percent,
        note: Some(t),
        on,
    } = &row.said
    {
        let on = on
            .filter(|o| *o >= d.assigned_on && *o <= today)
            .unwrap_or(today);
        followup::add_progress(
            tx,
            d.id,
            NewProgress {
                reported_on: on,
                reporter_id: None,
                percent: *percent,
                // The progress as written, and the notes beside it.
                note: if row.words.contains(t.as_str()) {
                    row.words.clone()
                } else {
                    t.clone()
                },
            },
        )?;
        // Read as it now stands.
        d = directive::get(tx, d.id)?;
    }
    remember(tx, &row.key, d.id, plan.origins[row.sheet])?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_meant_as_a_date() {
        assert!(values::looks_like_a_day("31/02/2026"));
        assert!(values::looks_like_a_day("Trước 30/6/2025 (gia hạn)"));
        assert!(!values::looks_like_a_day("Khi có yêu cầu"));
        assert!(!values::looks_like_a_day("Trong 15 ngày kể từ ngày giao"));
        assert!(!values::looks_like_a_day("Đã tập huấn 12/12 xã"));
    }

    #[test]
    fn new_units_and_meetings_by_their_names() {
        assert_eq!(
            kind_of_name("Phòng Văn hóa và Thông tin"),
            UnitKind::Division
        );
        assert_eq!(kind_of_name("Văn phòng Sở"), UnitKind::Office);
        assert_eq!(kind_of_name("UBND huyện Bát Xát"), UnitKind::District);
        assert_eq!(
            meeting_kind("Giao ban tháng 3/2025"),
            MeetingKind::MonthlyBriefing
        );
        assert_eq!(
            meeting_kind("Hội nghị triển khai nhiệm vụ năm 2025"),
            MeetingKind::Conference
        );
        assert_ne!(row_key(["a", "b", "c", "d"]), row_key(["a", "b", "c", "e"]));
        assert_eq!(
            row_key(["Rà soát", "b", "c", "d"]),
            row_key(["rà  soát", "b", "c", "d"])
        );
    }
}
