//! A tracker's rows read into directives ([`plan`]: units found in the directory or proposed
//! as new, sources found or proposed, dates and statuses read, rows imported before and rows
//! that cannot be read set aside with why), then written ([`apply`]) through the domain's own
//! functions, each row in a savepoint: the preview runs the same writes and rolls back.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::columns::{self, Column, ColumnAt, Header, MappingFrom, Tick};
use super::issue::{CONTENT_CHARS, Issue};
use super::legacy::Encoding;
use super::sheet::{Book, Cell, Grid};
use super::values::{self, Due, Said, SourceSaid};
use super::{RowAt, RowProblem};
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
    /// The same words given that day to another unit (its name): the lead changed.
    Lead(String),
    /// The same words given to the unit that day, with this deadline (rows of the same
    /// words told apart by their deadlines).
    Due(Option<NaiveDate>),
    /// Nearly the same words (these), given to the unit that day: the words were corrected.
    Words(String),
    /// The same words given to the unit on another day (this one): the day was corrected.
    Given(NaiveDate),
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
    /// Units to add to the directory: name, and the first row naming it.
    pub new_units: Vec<(String, String, u32)>,
    /// Meetings to create.
    pub new_meetings: Vec<NewMeetingPlan>,
    /// Rows that cannot be read, or are read with a caveat.
    pub problems: Vec<RowProblem>,
    /// Rows imported before.
    pub already: u32,
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

/// Words that name a kind of body or place, not one unit: a name made of them alone
/// ("thành phố", "các phòng, đơn vị") stands for no one unit of the directory.
const GENERIC: &[&str] = &[
    "cac", "tat", "ca", "moi", "nhung", "phong", "ban", "nganh", "don", "vi", "co", "quan", "lien",
    "quan", "dia", "phuong", "so", "xa", "huyen", "thi", "tran", "thanh", "pho", "tinh", "truc",
    "thuoc", "chuyen", "mon", "va", "co", "khac", "to", "chuc", "doan", "the", "trung", "tam",
];

/// Whether a name opens with a spreadsheet function's call: a word in capitals, then "("
/// ("SUM(A1)", "HYPERLINK(\"…\")").
fn a_function_call(name: &str) -> bool {
    let name = name.trim_start().trim_start_matches(['=', '+', '-', '@']);
    name.find('(').is_some_and(|open| {
        let f = &name[..open];
        f.len() >= 2
            && f.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
    })
}

/// Family names most Vietnamese carry: a name of two to four words starting with one, and
/// no word that names a body, is a person's ("Nguyễn Văn Bình").
const FAMILY_NAMES: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly", "dinh", "trinh", "doan", "lam", "mai", "truong", "cao", "ha",
];

/// Words that name a body (a name holding one is not a person's).
const BODY_WORDS: &[&str] = &[
    "phong", "so", "ban", "trung", "tam", "ubnd", "cuc", "vien", "cong", "ty", "hoi", "doi", "xa",
    "huyen", "tinh", "phuong", "tra", "kho", "thcs", "thpt", "th", "mn", "mam", "non", "hdnd",
    "dang", "uy",
];

/// Words that say what kind of body a name is (a unit's name holds one; an abbreviation is
/// one word and is looked up as such).
const KIND_WORDS: &[&str] = &[
    "phong", "so", "ban", "trung", "tam", "ubnd", "van", "cuc", "vien", "cong", "ty", "doi", "hoi",
    "tra", "bac", "truong", "dang", "uy", "hdnd", "tt", "ttcntt", "ubmttq", "mat", "tran", "doan",
    "lien", "khu", "nha", "xi", "nghiep", "buu", "dien", "benh",
];

/// Whether the unit `found` is a part of the body `named` names: its words end with the
/// name's, after words of its own that open with a kind of body ("Văn phòng UBND tỉnh" for
/// "UBND tỉnh").
fn part_of_the_named(found: &str, named: &str) -> bool {
    let (f, n) = (crate::text::words(found), crate::text::words(named));
    f.len() > n.len()
        && f.ends_with(&n)
        && KIND_WORDS.contains(&f[0].as_str())
        && KIND_WORDS.contains(&n[0].as_str())
}

/// A person, by their post ("Lãnh đạo Sở", "Giám đốc Sở", "PGĐ Lê Văn C", "Phó Chủ tịch
/// UBND"), a form of address ("Ông …", "Bà …", "Đ/c …") or their name alone ("Nguyễn Văn
/// Bình"), not a unit.
fn is_person(name: &str) -> bool {
    let words = crate::text::words(name);
    let w = |i: usize| words.get(i).map(String::as_str);
    let by_post = matches!(
        (w(0), w(1)),
        (Some("lanh"), Some("dao"))
            | (Some("giam"), Some("doc"))
            | (Some("pho"), Some("giam" | "chu"))
            | (Some("chu"), Some("tich"))
            | (Some("truong"), Some("phong" | "ban"))
            | (Some("dong"), Some("chi"))
            | (Some("d"), Some("c"))
            | (Some("ong" | "ba" | "pgd" | "gd" | "cv"), Some(_))
    );
    // Every word of a name is capitalised: "Đoàn Thanh niên" is a body.
    let capitalised =
        (name.split_whitespace()).all(|x| x.chars().next().is_some_and(char::is_uppercase));
    let named = (2..=4).contains(&words.len())
        && capitalised
        && w(0).is_some_and(|f| FAMILY_NAMES.contains(&f))
        && words[1..].iter().all(|x| !BODY_WORDS.contains(&x.as_str()));
    by_post || named
}

/// Whether a row holds only the words that sign a table off ("Người lập biểu", "KT. GIÁM
/// ĐỐC", "Thủ trưởng đơn vị", "Nơi nhận").
fn signatures(row: &[Cell]) -> bool {
    const SIGN_OFF: &[&str] = &[
        "nguoi lap bieu",
        "nguoi lap",
        "nguoi tong hop",
        "nguoi ky",
        "thu truong don vi",
        "thu truong co quan",
        "giam doc",
        "kt giam doc",
        "tl giam doc",
        "pho giam doc",
        "chanh van phong",
        "lanh dao don vi",
        "noi nhan",
        "ky ghi ro ho ten",
        "ky ten dong dau",
    ];
    let mut texts = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| crate::text::words(&c.text()).join(" "))
        .peekable();
    texts.peek().is_some() && texts.all(|t| SIGN_OFF.contains(&t.as_str()))
}

/// Whether a cell says "the same as above": "nt", "-nt-", "Như trên", a ditto mark.
fn ditto(text: &str) -> bool {
    let t = text.trim();
    matches!(t, "\"" | "〃" | "''" | "”" | "“")
        || matches!(crate::text::words(t).join(" ").as_str(), "nt" | "nhu tren")
}

/// Whether `name` stands for no one unit: a group ("các xã", "UBND các huyện"), words that
/// only say a kind of body or place, a person by their post, or sentences typed in the
/// unit's cell.
pub(super) fn not_a_unit(name: &str) -> bool {
    let words = crate::text::words(name);
    // The same words with their marks, to tell "mọi" (every) from "môi" (môi trường).
    let marked: Vec<String> = exact_words(name).split(' ').map(str::to_string).collect();
    // "Các phòng …", "UBND các huyện", "Tất cả đơn vị": a group, said first or after the
    // kind of body; not a name that holds the word further on ("Ban Quản lý các khu công
    // nghiệp tỉnh", "Sở Tài nguyên và Môi trường").
    const BODY: &[&str] = &[
        "ubnd", "uy", "ban", "nhan", "dan", "so", "phong", "trung", "tam", "co", "quan", "don",
        "vi", "nganh",
    ];
    let group = words.iter().enumerate().any(|(k, w)| {
        let said = match w.as_str() {
            "cac" | "tat" | "nhung" => true,
            "moi" => marked.len() != words.len() || marked[k] != "môi",
            _ => false,
        };
        said && k <= 4 && words[..k].iter().all(|b| BODY.contains(&b.as_str()))
    });
    // "UBND cấp huyện", "Trung tâm Y tế cấp xã": every body of a level.
    let level = words
        .windows(2)
        .any(|p| p[0] == "cap" && matches!(p[1].as_str(), "huyen" | "xa" | "tinh" | "co" | "tren"));
    group
        || level
        || (words.iter().all(|w| GENERIC.contains(&w.as_str()))
            // "Tỉnh đoàn", "Huyện ủy", "Thành đoàn": the Youth Union's or the Party's body.
            && !matches!(
                words.as_slice(),
                [level, body] if ["tinh", "huyen", "thanh", "thi", "xa"].contains(&level.as_str())
                    && ["doan", "uy"].contains(&body.as_str())
            ))
        || is_person(name)
        || sentences(name)
        // A formula typed as text ("=HYPERLINK(…)", "@SUM(A1)", "+SUM(A1)" once its sign is
        // taken for a bullet), a spreadsheet's truth value, markup.
        || name.trim_start().starts_with(['=', '@'])
        || a_function_call(name)
        || matches!(name.trim(), "TRUE" | "FALSE")
        || name.contains(['<', '>'])
        // No words ("1", "-"), or words that name none yet ("Chưa xác định", "Chưa phân công").
        || words.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
        || words.first().is_some_and(|w| w == "chua" || w == "khong")
        || ditto(name)
}

/// Whether a number cell letters an item ("a", "b)", "đ."), not a task of its own.
fn letter_item(number: &str) -> bool {
    let t = number.trim().trim_end_matches([')', '.']);
    let mut chars = t.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_lowercase())
}

/// Whether a row's words are the table's totals ("Tổng cộng", "Tổng số: 12", "Cộng").
fn totals(content: &str) -> bool {
    let w = crate::text::words(content);
    match w.as_slice() {
        [one] => one == "cong" || one == "tong",
        [a, b, ..] => a == "tong" && (b == "cong" || b == "so"),
        [] => false,
    }
}

/// Whether `text` is sentences, not a name: a question or an exclamation, or a full stop
/// between words on either side ("… báo cáo kết quả về Giám đốc Sở. Văn phòng Sở tổng hợp");
/// a name's own stops are of short forms ("UBND TP. Lào Cai", "P. KHTC").
fn sentences(text: &str) -> bool {
    if text.contains(['?', '!']) {
        return true;
    }
    let parts: Vec<&str> = text.split(". ").collect();
    parts.windows(2).any(|w| {
        w[0].split_whitespace().count() >= 3
            && w[1].split_whitespace().count() >= 2
            && !w[0].split_whitespace().last().is_some_and(short_form)
    })
}

/// Whether a word ended by a stop is a short form, not a sentence's last word: capitals
/// ("TP", "H", "UBND") or a place's or body's short form in small letters ("Tp", "TTr").
fn short_form(word: &str) -> bool {
    word.chars().any(char::is_alphabetic)
        && (word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            || matches!(word, "Tp" | "Tx" | "TTr"))
}

/// What [`plan`] reads with.
struct Reading<'c> {
    conn: &'c Connection,
    directory: Directory,
    units: HashMap<String, Found>,
    /// The meetings held, by their title's words: each one's id and day.
    held: HashMap<String, Vec<(Uuid, NaiveDate)>>,
    /// What each unit cell read as.
    picked: HashMap<String, Picked>,
    new_units: Vec<(String, String, u32)>,
    new_unit_index: HashMap<String, usize>,
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
    /// The person each "người giao" cell names: their id, or the candidates when several
    /// (none when no one).
    leaders: HashMap<String, std::result::Result<Uuid, Vec<String>>>,
    /// The office's name, parent agency and place, folded (none when not set): a unit's name
    /// ending with another place is not the directory's unit of that name without it.
    office_places: Vec<String>,
}

impl Reading<'_> {
    /// The office's own notice or minutes a document number is, read once a number.
    fn own_number(&mut self, number: &str) -> Result<Option<(DocKind, u32)>> {
        if let Some(own) = self.own_numbers.get(number) {
            return Ok(*own);
        }
        let own = super::numbers::own_number(self.conn, number)?;
        self.own_numbers.insert(number.to_string(), own);
        Ok(own)
    }

    /// How many of `words` (folded) at their end are the office's own place, after at least
    /// two others ("ubnd tinh lao cai" at an office of Lào Cai: 2); 0 for none.
    fn own_place_at_end(&self, words: &[String]) -> usize {
        (self.office_places.iter())
            .map(|own| own.split(' ').collect::<Vec<_>>())
            .find(|place| {
                words.len() > place.len() + 1
                    && (words[words.len() - place.len()..].iter())
                        .map(String::as_str)
                        .eq(place.iter().copied())
            })
            .map_or(0, |place| place.len())
    }

    /// `words` (folded) without the office's own place at their end ("ubnd tinh").
    fn without_own_place(&self, mut words: Vec<String>) -> Vec<String> {
        words.truncate(words.len() - self.own_place_at_end(&words));
        words
    }

    /// [`values::with_the_head_before`], for a place named alone that is not a unit of the
    /// directory, a person ("…, Nguyễn Văn An") or the office's own place ("…, Lào Cai").
    fn sharing_the_head(&self, before: &str, piece: &str) -> Option<String> {
        let said = crate::text::words(piece).join(" ");
        let office_s =
            (self.office_places.iter()).any(|o| *o == said || o.ends_with(&format!(" {said}")));
        let known = self.directory.named(piece.trim()).is_some();
        if known || office_s || is_person(piece) {
            return None;
        }
        // "Phòng Nội vụ, Kế hoạch - Tài chính": the directory's "Phòng Kế hoạch - Tài chính".
        let kind = ["Phòng", "Sở", "Ban", "Chi cục", "Trung tâm"]
            .into_iter()
            .find(|k| before.trim_start().starts_with(&format!("{k} ")));
        let of_the_kind = kind
            .map(|k| format!("{k} {}", piece.trim()))
            .filter(|n| self.directory.named(n).is_some());
        of_the_kind.or_else(|| values::with_the_head_before(before, piece))
    }

    /// The place a name ends with, folded, when it is not the office's own ("Phòng Nội vụ
    /// huyện Bát Xát" at an office of Sa Pa); none when the office's places are not set.
    fn foreign_place(&self, name: &str) -> Option<String> {
        let place = crate::text::fold(&values::place_of(name)?);
        let own =
            self.office_places.is_empty() || self.office_places.iter().any(|o| o.contains(&place));
        (!own).then_some(place)
    }

    /// The directory's unit a sheet's name names ("Văn phòng Sở", "TTr", "P. KHTC"), by its
    /// full name; none for a name that says no unit ("Sheet1", "Năm 2025").
    fn unit_named_by(&mut self, sheet: &str) -> Result<Option<String>> {
        let mut names = vec![sheet.trim().to_string()];
        names.extend(values::other_forms(sheet.trim()));
        for name in names {
            if name.is_empty() || not_a_unit(&name) {
                continue;
            }
            let id = match self.directory.named(&name).and_then(|u| u.id) {
                Some(id) => Some(id),
                None => match self.find_unit(&name)? {
                    Found::Known(id) => Some(id),
                    _ => None,
                },
            };
            if let Some(id) = id {
                return Ok(Some(unit::get(self.conn, id)?.name));
            }
        }
        Ok(None)
    }

    /// The person a "người giao" cell names (read once a file).
    fn leader(&mut self, cell: &str) -> Result<std::result::Result<Uuid, Vec<String>>> {
        if let Some(found) = self.leaders.get(cell) {
            return Ok(found.clone());
        }
        let found = leader_named(self.conn, cell)?;
        self.leaders.insert(cell.to_string(), found.clone());
        Ok(found)
    }

    fn find_unit(&mut self, name: &str) -> Result<Found> {
        let key = crate::text::words(name).join(" ");
        if let Some(f) = self.units.get(&key) {
            return Ok(f.clone());
        }
        let found = match unit::resolve(self.conn, name, Field::LeadUnit) {
            // "UBND tỉnh" is not "Văn phòng UBND tỉnh": a body the name is the end of, after
            // a kind word of its own, is a part of the body named, not that body.
            Ok(u) if part_of_the_named(&u.name, name) => Found::Unknown,
            Ok(u) => Found::Known(u.id),
            Err(Error::Invalid {
                rule: Rule::Ambiguous { candidates, .. },
                ..
            }) => match self.directory.named(name).and_then(|u| u.id) {
                Some(id) => Found::Known(id),
                None => Found::Ambiguous(candidates),
            },
            Err(Error::NotFound { .. }) => match self.directory.named(name).and_then(|u| u.id) {
                Some(id) => Found::Known(id),
                None => Found::Unknown,
            },
            Err(e) => return Err(e),
        };
        self.units.insert(key, found.clone());
        Ok(found)
    }

    /// The unit of `name`, a new one proposed when unknown; an ambiguous name is an issue.
    /// A name without a word for a kind of body ("Sa Pa", "huyện Bát Xát") is matched only
    /// whole or by code, never taken for the Phòng of that place.
    fn pick(&mut self, name: &str, sheet: &str, row: u32) -> Result<Result<Pick, Vec<String>>> {
        let words = crate::text::words(name);
        let bodied = words.iter().any(|w| KIND_WORDS.contains(&w.as_str()));
        let found = match self.directory.named(name).and_then(|u| u.id) {
            Some(id) => Found::Known(id),
            None if !bodied && words.len() > 1 => Found::Unknown,
            None => self.find_unit(name)?,
        };
        Ok(match found {
            Found::Known(id) => Ok(Pick::Known(id)),
            Found::Ambiguous(c) => Err(c),
            // A name longer than any unit's may be (a note typed in the unit's cell): no
            // unit to propose (told on its row, as a name matching none of several units).
            Found::Unknown if name.chars().count() > unit::NAME_CHARS as usize => Err(Vec::new()),
            Found::Unknown => {
                // The same new unit written another way in the file ("P. An ninh mạng",
                // "Phòng ANM" for "Phòng An ninh mạng") is that unit, proposed once.
                // "UBND tỉnh" and "UBND tỉnh Lào Cai" at an office of Lào Cai: one unit.
                let full = values::spelled_out(name).unwrap_or_else(|| name.to_string());
                let words = self.without_own_place(crate::text::words(&full));
                let key = words.join(" ");
                let next = self.new_units.len();
                let same = self.new_units.iter().position(|(n, _, _)| {
                    let other = values::spelled_out(n).unwrap_or_else(|| n.clone());
                    let other = self.without_own_place(crate::text::words(&other));
                    crate::text::abbreviates(&words, &other)
                        || crate::text::abbreviates(&other, &words)
                });
                let i = match same {
                    Some(i) => *self.new_unit_index.entry(key).or_insert(i),
                    None => *self.new_unit_index.entry(key).or_insert(next),
                };
                if i == next {
                    self.new_units
                        .push((name.trim().to_string(), sheet.to_string(), row));
                }
                Ok(Pick::New(i))
            }
        })
    }

    /// The units a cell names (the same text read once a file: trackers repeat a few unit
    /// cells over thousands of rows).
    fn picks(&mut self, cell: &str, sheet: &str, row: u32) -> Result<Picked> {
        if let Some(p) = self.picked.get(cell) {
            return Ok(p.clone());
        }
        let p = self.read_picks(cell, sheet, row)?;
        self.picked.insert(cell.to_string(), p.clone());
        Ok(p)
    }

    /// The units a cell names: the whole cell first, else its parts.
    fn read_picks(&mut self, cell: &str, sheet: &str, row: u32) -> Result<Picked> {
        // A full-width comma ("，", typed with an East Asian keyboard) is a comma.
        let cell = &cell.replace('，', ",");
        // A mark ("x", "-") or a spreadsheet's error value ("#N/A", "#REF!") names no unit.
        let error_value = cell.trim().starts_with('#') && !cell.contains(' ');
        let marks = crate::text::words(cell)
            .iter()
            .all(|w| w.chars().count() <= 1);
        if cell.trim().is_empty() || error_value || marks {
            return Ok(Ok((Vec::new(), Vec::new())));
        }
        // A name the directory holds whole is that unit, whatever its words ("Ban Quản lý các
        // dự án …"); otherwise a group, a place or a person is no one unit.
        let exact = |r: &Self, name: &str| r.directory.named(name).and_then(|u| u.id);
        if let Some(id) = exact(self, cell) {
            return Ok(Ok((vec![Pick::Known(id)], Vec::new())));
        }
        if !not_a_unit(cell)
            && let Found::Known(id) = self.find_unit(cell)?
        {
            return Ok(Ok((vec![Pick::Known(id)], Vec::new())));
        }
        let (mut out, mut none) = (Vec::new(), Vec::new());
        // Names split at ";" and line breaks first; a part the directory does not hold whole
        // is split again at its commas ("Trung tâm Giám sát, điều hành …; VP" keeps the
        // centre's name, "Văn phòng, Thanh tra Sở" is two units).
        let mut names: std::collections::VecDeque<String> = values::unit_names(cell).into();
        // Names joined back at their commas below, not to be split again.
        let mut whole: HashSet<String> = HashSet::new();
        // The name read before, whose body a place named alone shares.
        let mut before: Option<String> = None;
        while let Some(name) = names.pop_front() {
            // "UBND xã Si Ma Cai; Bản Cầm" (or on the next line): the next place's body.
            let name = match before
                .as_deref()
                .and_then(|b| self.sharing_the_head(b, &name))
            {
                Some(full) => full,
                None => name,
            };
            before = Some(name.clone());
            // "SUM(A1)" (its "+" taken for a bullet): a formula, before its brackets go.
            if a_function_call(&name) {
                none.push(name);
                continue;
            }
            // "UBND các xã: Si Ma Cai, Bản Cầm": each place's body.
            if let Some(each) = values::each_of_a_group(&name, |n| exact(self, n).is_some()) {
                for one in each.into_iter().rev() {
                    names.push_front(one);
                }
                continue;
            }
            // "Nguyễn Văn A (Chủ tịch UBND xã Sơn Hà)": the post in brackets is no note.
            // "Sở Tài chính (tỉnh Yên Bái)": the place is no note.
            let name = match values::place_noted(&name) {
                Some(placed) if exact(self, &name).is_none() => placed,
                _ => name,
            };
            let name = match values::unit_of_post(&name) {
                Some(unit) if exact(self, &name).is_none() && exact(self, &unit).is_some() => unit,
                _ => values::without_notes(&name),
            };
            let name = match exact(self, &name) {
                Some(_) => name,
                None => values::without_role(&name),
            };
            if name.is_empty() {
                continue;
            }
            // "Văn phòng Sở - Thanh tra Sở", "VP/TTr", "Văn phòng Sở + Thanh tra Sở": units the
            // directory holds, each (not one unit's code and name).
            if exact(self, &name).is_none() {
                // Dashes inside a name the directory holds ("Phòng Kế hoạch - Tài chính") are
                // kept: the parts are joined again where that makes such a name.
                let mut parts: Vec<String> = Vec::new();
                // (A hyphen without spaces too, "Văn phòng Sở-Thanh tra Sở", when each side is
                // the directory's.)
                let sides = name.split(['/', '+', '–', '|', '&']).flat_map(|p| {
                    let tight: Vec<&str> = p.split('-').map(str::trim).collect();
                    let each = !p.contains(" - ")
                        && tight.len() > 1
                        && tight.iter().all(|t| exact(self, t).is_some());
                    if each { tight } else { vec![p] }
                });
                for side in sides {
                    let dashed: Vec<&str> = side.split(" - ").map(str::trim).collect();
                    let mut at = 0;
                    while at < dashed.len() {
                        let end = (at + 2..=dashed.len())
                            .rev()
                            .find(|&end| exact(self, &dashed[at..end].join(" - ")).is_some())
                            .unwrap_or(at + 1);
                        parts.push(dashed[at..end].join(" - "));
                        at = end;
                    }
                }
                parts.retain(|p| !p.is_empty());
                let ids: Vec<Option<Uuid>> = parts.iter().map(|p| exact(self, p)).collect();
                let distinct = ids.iter().flatten().collect::<HashSet<_>>().len();
                if parts.len() > 1 && ids.iter().all(Option::is_some) && distinct == parts.len() {
                    for part in parts.into_iter().rev() {
                        names.push_front(part);
                    }
                    continue;
                }
            }
            // "VP - Văn phòng Sở", "TTR - Thanh tra Sở": a code and the name, either the
            // directory's.
            let name = match name.split_once(" - ") {
                Some((code, full)) if exact(self, &name).is_none() => {
                    if exact(self, full.trim()).is_some() {
                        full.trim().to_string()
                    } else if exact(self, code.trim()).is_some() {
                        code.trim().to_string()
                    } else {
                        name
                    }
                }
                _ => name,
            };
            // "P. KH-TC", "TTr Sở", "Phòng TTBC&XB": the short forms of a kind word and of
            // capitals; "Sở Tài chính tỉnh Lào Cai": a unit of the directory, its place added.
            let name = if exact(self, &name).is_some() {
                name
            } else {
                let forms = values::other_forms(&name);
                let spelled = values::spelled_out(&name)
                    .filter(|full| !not_a_unit(full))
                    .map(|full| self.find_unit(&full).map(|f| (full, f)))
                    .transpose()?;
                // "Sở Tài chính Lào Cai": the office's own place written without its kind.
                let words = crate::text::words(&name);
                let own_place = match self.own_place_at_end(&words) {
                    0 => None,
                    n => Some(
                        (name.split_whitespace())
                            .take(words.len() - n)
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                }
                .filter(|rest| exact(self, rest).is_some());
                let forms: Vec<String> = own_place.into_iter().chain(forms).collect();
                // Not the directory's "Phòng Nội vụ" for another place's.
                let foreign = values::unit_of_post(&name)
                    .and_then(|u| self.foreign_place(&u))
                    .or_else(|| self.foreign_place(&name));
                let keeps_place = |n: &String| {
                    foreign
                        .as_ref()
                        .is_none_or(|p| crate::text::fold(n).contains(p.as_str()))
                };
                match (forms.into_iter()).find(|n| exact(self, n).is_some() && keeps_place(n)) {
                    Some(form) => form,
                    None => match spelled {
                        Some((full, Found::Known(_))) => full,
                        _ => name,
                    },
                }
            };
            if name.contains(',') && exact(self, &name).is_none() && !whole.contains(&name) {
                // A run of parts the directory holds whole is one name ("Thanh tra Sở, Phòng
                // Bưu chính, Viễn thông và Công nghệ thông tin").
                let parts: Vec<&str> = name.split(',').collect();
                let mut pieces = Vec::with_capacity(parts.len());
                let mut at = 0;
                while at < parts.len() {
                    let end = (at + 2..=parts.len())
                        .rev()
                        .find(|&end| exact(self, parts[at..end].join(",").trim()).is_some())
                        .unwrap_or(at + 1);
                    pieces.push(parts[at..end].join(","));
                    at = end;
                }
                // A part that opens with no kind of body and names no unit ("Thể thao và Du
                // lịch") goes on the name before it ("Sở Văn hóa, Thể thao và Du lịch").
                let mut merged: Vec<String> = Vec::with_capacity(pieces.len());
                for piece in pieces {
                    // "UBND xã Sơn Hà, Phú Nhuận": the next place's body, named before.
                    let shared =
                        (merged.last()).and_then(|prev| self.sharing_the_head(prev.trim(), &piece));
                    if let Some(full) = shared {
                        merged.push(full);
                        continue;
                    }
                    let lone = |r: &Self, n: &str| {
                        exact(r, n.trim()).is_none()
                            && values::other_forms(n.trim())
                                .iter()
                                .all(|f| exact(r, f).is_none())
                    };
                    match merged.last_mut() {
                        Some(prev)
                            if values::opens_with_a_body(prev)
                                && lone(self, prev)
                                && values::without_role(prev) == prev.trim()
                                && piece.trim().chars().next().is_some_and(char::is_uppercase)
                                && !values::opens_with_a_body(&piece)
                                && !not_a_unit(&piece)
                                && lone(self, &piece) =>
                        {
                            prev.push(',');
                            prev.push_str(&piece);
                        }
                        _ => merged.push(piece),
                    }
                }
                whole.extend(
                    (merged.iter())
                        .filter(|p| p.contains(','))
                        .map(|p| p.trim().to_string()),
                );
                let pieces = merged;
                for part in pieces.iter().rev() {
                    let part = part.trim();
                    if !part.is_empty() {
                        names.push_front(part.to_string());
                    }
                }
                continue;
            }
            // "Phòng CĐS và VP": two units the directory holds, joined ("Trưởng phòng Nội vụ và
            // Trưởng phòng Y tế": their heads).
            if exact(self, &name).is_none() {
                let parts: Vec<String> = name
                    .split(" và ")
                    .map(|p| {
                        let p = p.trim();
                        match values::unit_of_post(p) {
                            Some(u) if exact(self, p).is_none() => u,
                            _ => p.to_string(),
                        }
                    })
                    .collect();
                if parts.len() > 1 && parts.iter().all(|p| exact(self, p).is_some()) {
                    for part in parts.into_iter().rev() {
                        names.push_front(part);
                    }
                    continue;
                }
                // "UBND xã Si Ma Cai và Bản Cầm": the second place shares the first's body.
                if let Some((a, b)) = name.rsplit_once(" và ")
                    && let Some(full) = self.sharing_the_head(a.trim(), b.trim())
                {
                    names.push_front(full);
                    names.push_front(a.trim().to_string());
                    continue;
                }
                // "Phòng Nội vụ và các đơn vị liên quan": a unit and a group (no one unit);
                // "Phòng Nội vụ phối hợp (với) Văn phòng Sở": a unit and the one it works with.
                let unit_first = |r: &Self, a: &str| {
                    exact(r, a).is_some() || (values::opens_with_a_body(a) && !not_a_unit(a))
                };
                let group =
                    |b: &str| not_a_unit(b) && crate::text::words(b).contains(&"cac".into());
                let joined = [" phối hợp với ", " phối hợp "]
                    .iter()
                    .find_map(|j| name.split_once(j))
                    .filter(|(a, b)| unit_first(self, a.trim()) && unit_first(self, b.trim()))
                    .or_else(|| {
                        name.rsplit_once(" và ")
                            .filter(|(a, b)| unit_first(self, a.trim()) && group(b.trim()))
                    });
                if let Some((a, b)) = joined {
                    names.push_front(b.trim().to_string());
                    names.push_front(a.trim().to_string());
                    continue;
                }
            }
            // "Chủ tịch UBND xã Bản Cầm", "Bí thư Đảng ủy xã Sơn Hà": the head's unit, proposed
            // as new when the directory lacks it; a post over a group ("Thủ trưởng các phòng,
            // ban") names no one unit.
            let name = match values::unit_of_post(&name) {
                Some(_) if exact(self, &name).is_some() => name,
                Some(unit) if not_a_unit(&unit) => {
                    none.push(name);
                    continue;
                }
                Some(unit) => unit,
                None => name,
            };
            if let Some(id) = exact(self, &name) {
                if !out.contains(&Pick::Known(id)) {
                    out.push(Pick::Known(id));
                }
                continue;
            }
            if not_a_unit(&name) {
                none.push(name);
                continue;
            }
            match self.pick(&name, sheet, row)? {
                Ok(p) if !out.contains(&p) => out.push(p),
                Ok(_) => {}
                Err(c) => return Ok(Err((name, c))),
            }
        }
        Ok(Ok((out, none)))
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

/// What the ticks under a state's column say of a row (see [`Tick`]).
struct Ticked<'h> {
    /// The column ticked and its state, if one is.
    tick: Option<&'h (usize, Tick)>,
    /// The state, from the tick and the progress's words.
    said: Said,
    /// Words written in the ticked column rather than a mark ("Đã hoàn thành ngày
    /// 22/04/2025 (chậm 2 ngày)", "Đã khảo sát 3/5 xã"), read as a progress's words.
    words: String,
    /// The progress's words say done beside a tick that says not done (told).
    not_done: bool,
}

/// The state a row's ticks say over `said`, what its progress and notes say: a tick says the
/// state (a date in "Đã hoàn thành", when); a report in words beside a tick that says not
/// done keeps its words (the tick says no more than "under way" or "not done").
fn ticked<'h>(ticks: &'h [(usize, Tick)], row: &[Cell], said: Said) -> Ticked<'h> {
    let cell_at = |j: usize| row.get(j).unwrap_or(&Cell::Empty);
    let tick = ticks.iter().find(|(j, _)| !cell_at(*j).is_empty());
    let words = tick
        .map(|(j, _)| cell_at(*j).text())
        .filter(|t| crate::text::words(t).len() >= 2)
        .unwrap_or_default();
    let Some((j, state)) = tick else {
        return Ticked {
            tick,
            said,
            words,
            not_done: false,
        };
    };
    let words_say_done = matches!(said, Said::Done(_) | Said::Reported(_));
    let in_words = (!words.is_empty()).then(|| values::said(&words, ""));
    let said = match (state, said) {
        (Tick::Done | Tick::DoneLate, _) => Said::Done(
            values::date(cell_at(*j))
                .ok()
                .flatten()
                .or_else(|| match in_words {
                    Some(Said::Done(on) | Said::Reported(on)) => on,
                    _ => values::date_in(&words),
                }),
        ),
        (Tick::Under | Tick::Open, s @ Said::InProgress { .. }) => s,
        (Tick::Under, _) => match in_words {
            Some(s @ Said::InProgress { .. }) => s,
            Some(_) => Said::InProgress {
                percent: 0,
                note: Some(words.trim().to_string()),
                on: None,
            },
            None => Said::InProgress {
                percent: 0,
                note: None,
                on: None,
            },
        },
        // "Đang khảo sát", "Đã khảo sát 3/5 xã" under "Chưa hoàn thành": under way, its words
        // kept.
        (Tick::Open, _) => match in_words {
            Some(s @ Said::InProgress { .. }) if values::says_more_than_a_state(&words) => s,
            _ => Said::Open,
        },
    };
    let not_done = words_say_done && !matches!(state, Tick::Done | Tick::DoneLate);
    Ticked {
        tick,
        said,
        words,
        not_done,
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
        let said = title.join(" ");
        people
            .iter()
            .filter(|p| {
                !said.is_empty()
                    && p.title
                        .as_deref()
                        .is_some_and(|t| crate::text::words(t).join(" ").starts_with(&said))
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

/// The directives given to `unit` on `day`: each one's id and content.
fn given(conn: &Connection, unit: Uuid, day: NaiveDate) -> Result<Vec<(Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content FROM directive WHERE lead_unit_id = ?1 AND assigned_on = ?2",
    )?;
    let found = stmt
        .query_map(params![unit, crate::store::value::date(day)], |r| {
            Ok((crate::store::value::get_uuid(r, 0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<(Uuid, String)>>>()?;
    Ok(found)
}

/// A new row that is a directive brought in before, changed in the sheet since (its lead,
/// its deadline, a word corrected), is that directive, told, never a second one; unless
/// another row of the file was found to be it, or the user said the row is a new directive
/// (`as_new`). Rows whose deadline is the held one's are matched first (of rows of the same
/// words, the one whose deadline moved is told).
fn held_as_changed(
    plan: &mut Plan,
    book: &Book,
    found: &HashSet<Uuid>,
    as_new: &[RowAt],
) -> HashSet<Uuid> {
    let mut taken: HashSet<Uuid> = found.clone();
    let mut outcome: Vec<Option<Option<Issue>>> = (0..plan.rows.len()).map(|_| None).collect();
    // A row named without its sheet is of the one sheet read.
    let names = |a: &RowAt, row: &RowPlan| {
        a.row == row.row
            && match &a.sheet {
                Some(s) => *s == book.sheets[row.sheet].name,
                None => plan.sheets.len() == 1,
            }
    };
    let new = |row: &RowPlan| as_new.iter().any(|a| names(a, row));
    // A row named that is no row told so: said, nothing changed.
    for a in as_new {
        let held = plan
            .rows
            .iter()
            .any(|row| names(a, row) && row.held_as.iter().any(|(id, _)| !found.contains(id)));
        if !held {
            plan.problems.push(RowProblem {
                sheet: (a.sheet.clone())
                    .or_else(|| plan.sheets.first().map(|s| s.name.clone()))
                    .unwrap_or_default(),
                row: a.row,
                column: None,
                field: None,
                skipped: false,
                held: false,
                message: match (&a.sheet, plan.sheets.len()) {
                    (None, n) if n > 1 => Issue::AsNewWhichSheet,
                    (Some(name), _) if book.sheets.iter().all(|g| g.name != *name) => {
                        Issue::AsNewNoSheet(name.clone())
                    }
                    _ => Issue::AsNewUnused,
                }
                .words(),
            });
        }
    }
    for same_due_only in [true, false] {
        for (k, row) in plan.rows.iter().enumerate() {
            if outcome[k].is_some() || new(row) {
                continue;
            }
            let due = row.extended().or(row.deadline);
            let Some((id, how)) = row.held_as.iter().find(|(id, how)| {
                !taken.contains(id)
                    && (!same_due_only || matches!(how, HeldAs::Due(d) if *d == due))
            }) else {
                continue;
            };
            taken.insert(*id);
            outcome[k] = Some(match how {
                HeldAs::Due(d) if *d == due => None,
                HeldAs::Due(d) => Some(match due {
                    Some(there) => Issue::DeadlineDiffers(there, *d),
                    None => Issue::HeldAlike(row.content.clone()),
                }),
                HeldAs::Lead(here) => Some(Issue::LeadDiffers(here.clone())),
                HeldAs::Words(here) => Some(Issue::HeldAlike(here.clone())),
                HeldAs::Given(here) => Some(Issue::GivenDiffers(*here)),
            });
        }
    }
    let mut k = 0;
    let mut told = Vec::new();
    plan.rows.retain(|row| {
        let o = outcome[k].take();
        k += 1;
        match o {
            None => true,
            Some(None) => {
                plan.already += 1;
                false
            }
            Some(Some(issue)) => {
                told.push(RowProblem {
                    sheet: book.sheets[row.sheet].name.clone(),
                    row: row.row,
                    column: None,
                    field: None,
                    skipped: true,
                    held: true,
                    message: issue.words(),
                });
                false
            }
        }
    });
    plan.problems.extend(told);
    taken
}

/// A directive an earlier copy of the same tracker brought in that this copy no longer holds
/// (its row deleted, or left out above) is told, and kept. A copy is one in which more than
/// half of the directives brought in from its sheet's origin are found again: another
/// office's tracker of the same layout, or the next year's, is not.
fn no_longer_in(
    conn: &Connection,
    plan: &mut Plan,
    book: &Book,
    found: &HashSet<Uuid>,
) -> Result<()> {
    // One sheet of several asked for: the others may hold what this one does not.
    if book.left > 0 {
        return Ok(());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT i.record_id, d.created_at FROM intake_row i
         JOIN directive d ON d.id = i.record_id WHERE i.origin = ?1 ORDER BY d.created_at",
    )?;
    let mut told = HashSet::new();
    for (s, origin) in plan.origins.iter().enumerate() {
        let Some(origin) = origin else {
            continue;
        };
        let ids = stmt
            .query_map([origin], |r| crate::store::value::get_uuid(r, 0))?
            .collect::<rusqlite::Result<Vec<Uuid>>>()?;
        let missing: Vec<Uuid> = ids
            .iter()
            .filter(|id| !found.contains(id))
            .copied()
            .collect();
        if missing.len() * 2 >= ids.len() {
            continue;
        }
        for id in missing {
            if !told.insert(id) {
                continue;
            }
            let d = directive::get(conn, id)?;
            let lead = crate::unit::get(conn, d.lead_unit_id)?.name;
            plan.problems.push(RowProblem {
                sheet: book.sheets[s].name.clone(),
                row: 0,
                column: None,
                field: None,
                skipped: false,
                held: false,
                message: Issue::NoLongerIn(d.content, lead).words(),
            });
        }
    }
    Ok(())
}

/// The directives held that a new row may be, changed in the sheet since it was brought in:
/// the one of its words given that day to another unit (brought in from a file); those of
/// its words given to `unit` that day, for rows of the same words told apart by their
/// deadlines; the one of nearly its words (brought in from a file).
fn maybe_held(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
    repeated: bool,
) -> Result<Vec<(Uuid, HeldAs)>> {
    let mut out = Vec::new();
    if !repeated && let Some((id, lead)) = brought_in_for_another(conn, content, unit, day)? {
        out.push((id, HeldAs::Lead(lead)));
    }
    let want = exact_words(content);
    if repeated {
        for (id, c) in given(conn, unit, day)? {
            if exact_words(&c) == want {
                out.push((id, HeldAs::Due(directive::get(conn, id)?.deadline)));
            }
        }
    }
    if let Some(d) = nearly_held(conn, content, unit, day)?
        && exact_words(&d.content) != want
        && brought_in(conn, d.id)?
    {
        out.push((d.id, HeldAs::Words(d.content)));
    }
    // The same words given to the unit on another day, brought in from a file: the day
    // given was corrected (or filled in) since.
    let mut other_day = conn.prepare_cached(
        "SELECT id, assigned_on FROM directive WHERE lead_unit_id = ?1 AND content = ?2 \
         AND assigned_on <> ?3",
    )?;
    let moved: Vec<(Uuid, NaiveDate)> = other_day
        .query_map(
            params![unit, content.trim(), crate::store::value::date(day)],
            |r| {
                Ok((
                    crate::store::value::get_uuid(r, 0)?,
                    crate::store::value::get_date(r, 1)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<_>>()?;
    for (id, on) in moved {
        if brought_in(conn, id)? {
            out.push((id, HeldAs::Given(on)));
        }
    }
    Ok(out)
}

/// Whether directive `d` came from the source a row cites: the same document number, a
/// meeting of the same title, or (a row citing none) a tracker's row that cited none.
fn same_source(
    conn: &Connection,
    d: &directive::Directive,
    said: &SourceSaid,
    file_name: &str,
) -> Result<bool> {
    let words = |s: &str| crate::text::words(s).join(" ");
    Ok(match said {
        SourceSaid::Document { number, .. } => d
            .document_number
            .as_deref()
            .is_some_and(|n| words(n) == words(number)),
        SourceSaid::Meeting { title, .. } => match d.meeting_id {
            Some(m) => meeting_key(&meeting::get(conn, m)?.title) == meeting_key(title),
            None => false,
        },
        // A row citing none: a task of a file's row that cited none either (its source is
        // that file's name).
        SourceSaid::None => d.document_number.as_deref().is_some_and(|n| {
            n == file_name
                || [".xlsx", ".xlsm", ".xls", ".ods", ".csv"]
                    .iter()
                    .any(|ext| n.to_lowercase().ends_with(ext))
        }),
    })
}

/// The meeting of the office's own notice or minutes numbered `number` in the year of `day`,
/// when the register holds it (a notice brought in, or made here).
fn notice_meeting(r: &mut Reading<'_>, number: &str, day: NaiveDate) -> Result<Option<Uuid>> {
    use chrono::Datelike;
    let Some((kind, n)) = r.own_number(number)? else {
        return Ok(None);
    };
    Ok(crate::document::register::holder(r.conn, kind, day.year(), n)?.flatten())
}

/// The day of the meeting of the office's own notice or minutes numbered `number`, cited
/// without its date, when the register holds that number in one year only.
fn notice_meeting_day(r: &mut Reading<'_>, number: &str) -> Result<Option<NaiveDate>> {
    let Some((kind, n)) = r.own_number(number)? else {
        return Ok(None);
    };
    let conn = r.conn;
    let mut stmt = conn.prepare_cached(
        "SELECT meeting_id FROM document_number WHERE kind = ?1 AND number = ?2 \
         AND meeting_id IS NOT NULL",
    )?;
    let meetings = stmt
        .query_map(params![kind.code(), n], |r| {
            crate::store::value::get_uuid(r, 0)
        })?
        .collect::<rusqlite::Result<Vec<Uuid>>>()?;
    Ok(match meetings.as_slice() {
        [one] => Some(meeting::get(conn, *one)?.local_date()),
        _ => None,
    })
}

/// The directives of `meeting` given to `unit` that a row of these words is: the same words
/// (by their deadline) or nearly (four words in five, or every word of one in the other).
fn in_the_notice(
    conn: &Connection,
    meeting: Uuid,
    unit: Uuid,
    content: &str,
) -> Result<Vec<(Uuid, HeldAs)>> {
    let want = exact_words(content);
    let mut stmt = conn.prepare_cached(
        "SELECT id, content FROM directive WHERE meeting_id = ?1 AND lead_unit_id = ?2",
    )?;
    let found: Vec<(Uuid, String)> = stmt
        .query_map(params![meeting, unit], |r| {
            Ok((crate::store::value::get_uuid(r, 0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for (id, c) in found {
        let held = exact_words(&c);
        if held == want {
            out.push((id, HeldAs::Due(directive::get(conn, id)?.deadline)));
        } else if nearly(content, &c) >= 0.8 {
            out.push((id, HeldAs::Words(c)));
        }
    }
    Ok(out)
}

/// The directive of `meeting` in these words or nearly given to another unit than `unit`
/// (another copy of its notice names another lead), with its lead's name.
pub(super) fn led_by_another(
    conn: &Connection,
    meeting: Uuid,
    unit: Uuid,
    content: &str,
) -> Result<Option<(Uuid, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.content, u.name FROM directive d JOIN unit u ON u.id = d.lead_unit_id \
         WHERE d.meeting_id = ?1 AND d.lead_unit_id <> ?2",
    )?;
    let found = stmt
        .query_map(params![meeting, unit], |r| {
            Ok((
                crate::store::value::get_uuid(r, 0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(found
        .into_iter()
        .find(|(_, c, _)| nearly(content, c) >= 0.8)
        .map(|(id, _, lead)| (id, lead)))
}

/// An open directive brought in from a file, given to `unit` with this deadline in nearly
/// these words (a notice repeating last week's unfinished task): its id and the day it was
/// given.
pub(super) fn still_open(
    conn: &Connection,
    unit: Uuid,
    content: &str,
    deadline: Option<NaiveDate>,
) -> Result<Option<(Uuid, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, content, assigned_on, meeting_id FROM directive WHERE lead_unit_id = ?1 \
         AND deadline IS ?2 AND completed_on IS NULL AND status NOT IN ('cancelled', 'done')",
    )?;
    let found = stmt
        .query_map(
            params![unit, deadline.map(crate::store::value::date)],
            |r| {
                Ok((
                    crate::store::value::get_uuid(r, 0)?,
                    r.get::<_, String>(1)?,
                    crate::store::value::get_date(r, 2)?,
                    crate::store::value::get_opt_uuid(r, 3)?,
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, c, on, meeting) in found {
        // Brought in from a file: itself (a tracker's row), or its meeting (a notice's).
        let from_a_file = brought_in(conn, id)?
            || meeting.map(|m| brought_in(conn, m)).transpose()? == Some(true);
        if nearly(content, &c) >= 0.8 && from_a_file {
            return Ok(Some((id, on)));
        }
    }
    Ok(None)
}

/// Whether the directive was brought in from a file.
fn brought_in(conn: &Connection, id: Uuid) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM intake_row WHERE record_id = ?1")?
        .exists([id])?)
}

/// The directive of these words given on `day` to another unit than `unit` and brought in
/// from a file before (the row's lead changed in the sheet since), with its lead's name; if
/// one only.
fn brought_in_for_another(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<(Uuid, String)>> {
    let want = exact_words(content);
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.content, u.name FROM directive d JOIN unit u ON u.id = d.lead_unit_id \
         WHERE d.assigned_on = ?1 AND d.lead_unit_id <> ?2",
    )?;
    let alike: Vec<(Uuid, String)> = stmt
        .query_map(params![crate::store::value::date(day), unit], |r| {
            Ok((
                crate::store::value::get_uuid(r, 0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .filter(|row| {
            row.as_ref()
                .map_or(true, |(_, c, _)| exact_words(c) == want)
        })
        .map(|row| row.map(|(id, _, lead)| (id, lead)))
        .collect::<rusqlite::Result<_>>()?;
    let mut found = Vec::new();
    for (id, lead) in alike {
        if brought_in(conn, id)? {
            found.push((id, lead));
        }
    }
    Ok(if found.len() == 1 { found.pop() } else { None })
}

/// Whether two texts say the same words (spacing, case and punctuation aside).
pub(super) fn same_words(a: &str, b: &str) -> bool {
    exact_words(a) == exact_words(b)
}

/// The directive of these words (spacing, case and punctuation aside) given to `unit` on
/// `day`, if any.
pub(super) fn already_held(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<Uuid>> {
    let want = exact_words(content);
    let found = given(conn, unit, day)?;
    Ok(found
        .into_iter()
        .find(|(_, c)| exact_words(c) == want)
        .map(|(id, _)| id))
}

/// The directive given to `unit` on `day` whose words are nearly these (another copy of a
/// notice with a word corrected: four words in five the same; or a part added or taken away:
/// every word of one in the other, four at least), if any.
pub(super) fn nearly_held(
    conn: &Connection,
    content: &str,
    unit: Uuid,
    day: NaiveDate,
) -> Result<Option<directive::Directive>> {
    let numbers = numbers_besides_dates(content);
    let found = given(conn, unit, day)?;
    let best = found
        .into_iter()
        // "Báo cáo tháng 4" is not "Báo cáo tháng 5"; a date moved, or a year added ("quý
        // I" → "quý I năm 2025"), is still the task.
        .filter(|(_, c)| {
            let theirs = numbers_besides_dates(c);
            within(&theirs, &numbers) || within(&numbers, &theirs)
        })
        .map(|(id, c)| (nearly(content, &c), id))
        .filter(|(a, _)| *a >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    best.map(|(_, id)| directive::get(conn, id)).transpose()
}

/// The numbers a text says outside its dates ("tháng 4", "năm 2026"; not "25/4/2025").
fn numbers_besides_dates(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| !w.contains(['/', '-', '.']))
        .map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        .collect()
}

/// Whether every number of `a` is one of `b`'s (each as often).
fn within(a: &[&str], b: &[&str]) -> bool {
    let mut left: Vec<&str> = b.to_vec();
    a.iter().all(|n| match left.iter().position(|m| m == n) {
        Some(i) => {
            left.swap_remove(i);
            true
        }
        None => false,
    })
}

/// How nearly two texts' words say one task: [`alike`], and at least 0.8 when every word of
/// one is in the other, four at least (a part added or taken away).
fn nearly(a: &str, b: &str) -> f64 {
    // Names that differ ("… huyện Bắc Hà", "… huyện Bảo Yên") make two tasks.
    if names_differ(a, b) {
        return 0.0;
    }
    let (wa, wb) = (exact_words(a), exact_words(b));
    let (short, long, long_text) = if wa.len() <= wb.len() {
        (&wa, &wb, b)
    } else {
        (&wb, &wa, a)
    };
    let part = short.split(' ').count() >= 4
        && (long == short
            || (long.starts_with(&format!("{short} "))
                && part_after(long_text, short.split(' ').count())));
    let score = alike(&wa, &wb);
    if part { score.max(0.8) } else { score }
}

/// Whether the words of `text` after its first `n` start a part of their own: after a mark
/// ("…, báo cáo kết quả về Sở", "… (…)") or a word that opens one ("và", "để", "nhằm",
/// "trình"), not words that narrow the task ("Rà soát hồ sơ đất đai …").
fn part_after(text: &str, n: usize) -> bool {
    // Each word's start and end in `text`.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    let (Some(&(_, end)), Some(&(from, to))) =
        (n.checked_sub(1).and_then(|k| spans.get(k)), spans.get(n))
    else {
        return false;
    };
    text[end..from].contains([',', ';', '(', '-', '–', ':'])
        || matches!(
            crate::text::fold(&text[from..to]).as_str(),
            "va" | "de" | "nham" | "trinh"
        )
}

/// Whether two texts name different bodies or places: a word in capitals, not opening its
/// text, in one and not the other.
fn names_differ(a: &str, b: &str) -> bool {
    let names = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .skip(1)
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map(crate::text::fold)
            .collect()
    };
    let (x, y) = (names(a), names(b));
    let all = |t: &str| {
        exact_words(t)
            .split(' ')
            .map(crate::text::fold)
            .collect::<Vec<_>>()
    };
    let (ax, by) = (all(a), all(b));
    x.iter().any(|w| !by.contains(w)) || y.iter().any(|w| !ax.contains(w))
}

/// How alike two texts' words are: twice the words they share over the words of both
/// (1 the same words, 0 none in common).
fn alike(a: &str, b: &str) -> f64 {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for w in a.split(' ') {
        *left.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b.split(' ') {
        if let Some(n) = left.get_mut(w).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    let all = a.split(' ').count() + b.split(' ').count();
    2.0 * shared as f64 / all as f64
}

/// The meeting titled `title` (case, diacritics and spacing aside) held on `date`, if any.
pub(super) fn held(conn: &Connection, title: &str, date: NaiveDate) -> Result<Option<Uuid>> {
    let filter = meeting::MeetingFilter {
        from: Some(date),
        to: Some(date),
        ..Default::default()
    };
    let want = meeting_key(title);
    Ok(meeting::list(conn, &filter)?
        .into_iter()
        .find(|m| meeting_key(&m.title) == want)
        .map(|m| m.id))
}

/// A meeting's title as the same meeting is written in several ways: its words (case and
/// diacritics aside) without "cuộc", "buổi", "họp", "phiên", "năm", "ngày", nor the notice
/// of it ("thông báo", "kết luận"), numbers without their leading zeros. "Họp giao ban
/// tháng 03 năm 2025", "Giao ban tháng 3/2025" and "Kết luận giao ban tháng 3/2025" are one.
fn meeting_key(title: &str) -> String {
    const ASIDE: &[&str] = &[
        "cuoc", "buoi", "hop", "phien", "nam", "ngay", "thong", "bao", "ket", "luan",
    ];
    crate::text::words(title)
        .into_iter()
        .filter(|w| !ASIDE.contains(&w.as_str()))
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_digit()) {
                w.trim_start_matches('0').to_string()
            } else {
                w
            }
        })
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A heading's words without its numbering ("I.", "2)", "A -") and in small letters (a
/// heading in capitals names a unit as its name does).
fn heading_words(text: &str) -> String {
    let t = text.trim();
    let rest = match t.split_once(['.', ')', '-', '–']) {
        Some((mark, rest))
            if !mark.is_empty()
                && mark.len() <= 4
                && mark.trim().chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            rest
        }
        _ => t,
    };
    let rest = rest.trim();
    if rest.chars().any(char::is_lowercase) {
        rest.to_string()
    } else {
        rest.to_lowercase()
    }
}

/// Whether a line of words alone continues the directive above: an item of its list ("- …",
/// "+ …", "• …", "a) …") or a sentence that goes on (a small letter first).
fn continues_above(content: &str) -> bool {
    matches!(content.trim_start().chars().next(), Some(c) if "-–—+•*·…".contains(c) || c.is_lowercase())
}

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
        h.update(crate::text::words(p).join(" ").as_bytes());
        h.update([0x1F]);
    }
    h.finalize().into()
}

/// A row read, as the rows after it are checked against it.
#[derive(Clone)]
struct Seen {
    sheet: String,
    row: u32,
    /// Its key (for a row seen by its unit: the key of the row first seen).
    key: [u8; 32],
}

/// Words as written, marks on their letters kept; case, spacing and punctuation aside.
fn exact_words(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text: String = text.nfc().collect::<String>().to_lowercase();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
        units: HashMap::new(),
        held: HashMap::new(),
        picked: HashMap::new(),
        new_units: Vec::new(),
        new_unit_index: HashMap::new(),
        new_meetings: Vec::new(),
        new_meeting_index: HashMap::new(),
        given_on,
        found_held: HashSet::new(),
        own_numbers: HashMap::new(),
        told_apart: HashSet::new(),
        brought_in_any: conn
            .prepare("SELECT 1 FROM intake_row LIMIT 1")?
            .exists([])?,
        leaders: HashMap::new(),
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
    let mut order: Vec<usize> = (0..book.sheets.len()).collect();
    if book.sheets.iter().all(|g| period_of(&g.name).is_some()) {
        order.sort_by_key(|&s| period_of(&book.sheets[s].name));
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
        read_rows(&mut r, &mut plan, &mut seen, s, g, &header, sheet_unit)?;
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
        return Err(Error::Intake(IntakeProblem::NoTable));
    }
    let mut found = held_as_changed(&mut plan, book, &r.found_held, as_new);
    found.extend(&r.found_held);
    no_longer_in(conn, &mut plan, book, &found)?;
    plan.new_units = r.new_units;
    plan.new_meetings = r.new_meetings;
    Ok(plan)
}

fn read_rows(
    r: &mut Reading<'_>,
    plan: &mut Plan,
    seen: &mut HashMap<[u8; 32], Seen>,
    s: usize,
    g: &Grid,
    h: &Header,
    sheet_unit: Option<String>,
) -> Result<()> {
    let today = crate::date::today();
    // Dates typed month first (a file made on a computer set to US English) are read so,
    // when the sheet's own dates show it; the first row that shows it says so.
    const DATES: [Column; 3] = [Column::AssignedOn, Column::Deadline, Column::CompletedOn];
    let typed = |i: usize, c: Column| match h.fields.get(&c).and_then(|j| g.rows[i].get(*j)) {
        Some(Cell::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    let data = h.last_row + 1..g.rows.len();
    let month_first = values::month_first(
        data.clone()
            .flat_map(|i| DATES.iter().filter_map(move |c| typed(i, *c))),
    );
    if month_first {
        let shows = data.clone().find(|&i| {
            DATES
                .iter()
                .filter_map(|c| typed(i, *c))
                .any(|t| values::month_first([t]))
        });
        if let Some(i) = shows {
            plan.problems
                .push(problem(g, i, None, Issue::MonthFirst, false));
        }
    }
    // The last directive row read: its index, and how many rows were planned and set aside
    // before it (what it gave is told by the counts since), for the lines continuing it.
    let mut last: Option<(u32, usize, usize)> = None;
    // The content of the directive the last row was found to be already (imported before):
    // the lines continuing it that it lacks are told, not dropped.
    let mut held_above: Option<String> = None;
    // The unit and source of the last directive row, for its items on rows of their own.
    let (mut lead_above, mut source_above): (Option<String>, Option<String>) = (None, None);
    let mut given_above: Option<NaiveDate> = None;
    let mut task_row: Option<u32> = None;
    // The words of the task row above, for its lettered items that name only a part.
    let mut task_above = String::new();
    // The unit a section heading names, lead of the rows under it that name none.
    // The unit of the rows that name none: the sheet's, else the last heading's that names one.
    let mut section_lead: Option<String> = sheet_unit.clone();
    // Rows of earlier sheets whose differences a later sheet's row supersedes.
    let mut superseded: Vec<(String, u32)> = Vec::new();
    let set_aside = |p: &Plan| p.problems.iter().filter(|q| q.skipped).count();
    // How many rows of the sheet say the same words for the same unit, source and day (as
    // typed): such rows are told apart by their deadlines.
    let raw_key = |i: usize| {
        [
            Column::Content,
            Column::Lead,
            Column::Source,
            Column::AssignedOn,
        ]
        .map(|c| {
            let cell = h.fields.get(&c).and_then(|j| g.rows[i].get(*j));
            crate::text::words(&cell.map(Cell::text).unwrap_or_default()).join(" ")
        })
        .join("\u{1F}")
    };
    let mut repeats: HashMap<String, u32> = HashMap::new();
    for i in data.clone() {
        *repeats.entry(raw_key(i)).or_default() += 1;
    }
    // Whether some number under progress is a fraction (0.8 shown as 80%): then 1 is 100%.
    let fractions = data.clone().any(|i| {
        matches!(h.fields.get(&Column::Progress).and_then(|j| g.rows[i].get(*j)),
            Some(Cell::Number(n)) if *n > 0.0 && *n < 1.0)
    });
    // The cells of the last directive row, for ditto marks under them (borrowed from the
    // sheet; a row of its own only where a ditto mark was replaced).
    let mut cells_above: Cow<'_, [Cell]> = Cow::Borrowed(&[]);
    let own_words = [Column::Number, Column::Content].map(|c| h.fields.get(&c).copied());
    let marked = |j: usize, c: &Cell| {
        matches!(c, Cell::Text(t) if ditto(t)) && !own_words.contains(&Some(j))
    };
    for i in data {
        // "nt", "Như trên", "〃" in a cell (not the task's words): the cell above.
        let row_cells: Cow<'_, [Cell]> = if g.rows[i].iter().enumerate().any(|(j, c)| marked(j, c))
        {
            Cow::Owned(
                g.rows[i]
                    .iter()
                    .enumerate()
                    .map(|(j, c)| match cells_above.get(j) {
                        Some(above) if marked(j, c) => above.clone(),
                        _ => c.clone(),
                    })
                    .collect(),
            )
        } else {
            Cow::Borrowed(&g.rows[i])
        };
        let row = &*row_cells;
        if row.iter().all(Cell::is_empty) {
            last = None;
            continue;
        }
        if columns::is_numbering_row(row) {
            continue;
        }
        // The signatures under the table ("Người lập biểu", "GIÁM ĐỐC"): the table has
        // ended; what follows is no row of it, told once.
        if signatures(row) {
            plan.problems
                .push(problem(g, i, None, Issue::Signatures, true));
            break;
        }
        // A date cell as typed, or written day first in a month-first sheet.
        // (And the dates inside its progress and notes: "Đã hoàn thành ngày 03/28/2025".)
        let swapped: HashMap<Column, Cell> =
            if month_first {
                DATES
                    .iter()
                    .filter_map(|c| Some((*c, Cell::Text(values::day_first(typed(i, *c)?)?))))
                    .chain([Column::Progress, Column::Notes].iter().filter_map(|c| {
                        Some((*c, Cell::Text(values::days_first_in(typed(i, *c)?))))
                    }))
                    .collect()
            } else {
                HashMap::new()
            };
        let at = |c: Column| {
            swapped.get(&c).unwrap_or_else(|| {
                h.fields
                    .get(&c)
                    .and_then(|j| row.get(*j))
                    .unwrap_or(&Cell::Empty)
            })
        };
        let col = |c: Column| h.fields.get(&c).map(|j| (c, *j));
        // A number under progress is a share done ("80%" typed as 0.8 in a cell formatted
        // as a percentage, or as 80).
        let text = |c: Column| match (c, at(c)) {
            (Column::Progress, Cell::Number(n)) => share_done(*n, fractions).map_or_else(
                || at(c).text(),
                |p| {
                    if p == 0 {
                        String::new()
                    } else {
                        format!("{p}%")
                    }
                },
            ),
            (_, cell) => cell.text(),
        };
        let content = text(Column::Content);
        let lead_text = text(Column::Lead);
        // A section heading ("I. Năm 2024") or a row of only its number is no directive.
        let filled = h
            .fields
            .iter()
            .filter(|(c, _)| **c != Column::Number)
            .filter(|(c, _)| !at(**c).is_empty())
            .count();
        let number = at(Column::Number);
        let numbered = matches!(number, Cell::Number(_))
            || number.text().trim_end_matches('.').parse::<u32>().is_ok();
        // A heading typed in the number's column, often merged across the row ("II. THANH
        // TRA SỞ"), is a heading as it is under the content.
        let number_words = number.text();
        let heading_in_number =
            filled == 0 && number_words.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if filled == 0 && !heading_in_number {
            continue;
        }
        let content = if heading_in_number {
            number_words
        } else {
            content
        };
        // "Tổng cộng", "TỔNG SỐ: 12 nhiệm vụ": the table's totals, no task.
        if lead_text.is_empty() && totals(&content) {
            plan.problems.push(problem(
                g,
                i,
                h.fields
                    .get(&Column::Content)
                    .map(|j| (Column::Content, *j)),
                Issue::Totals,
                true,
            ));
            continue;
        }
        // Only words, no unit nor date: a line continuing the directive above ("- Rà soát
        // …", "a) …"), added to its content; else a section heading ("I. Năm 2024"), told.
        if heading_in_number
            || (filled == 1 && !content.is_empty() && lead_text.is_empty() && !numbered)
        {
            let issue = match last {
                Some((_, planned, _)) if continues_above(&content) && plan.rows.len() > planned => {
                    let above = plan.rows.last_mut().expect("a row was planned");
                    if above.content.chars().count() + content.chars().count() < CONTENT_CHARS {
                        above.content = format!("{}\n{}", above.content, content.trim());
                        continue;
                    }
                    Issue::TooLong
                }
                Some((above, _, skipped)) if continues_above(&content) => {
                    match &held_above {
                        // The row above was imported before: a line its directive holds, or
                        // one added since, told.
                        Some(held) => {
                            if format!(" {} ", exact_words(held))
                                .contains(&format!(" {} ", exact_words(&content)))
                            {
                                continue;
                            }
                            Issue::NotInHeld(above)
                        }
                        // The row above is a later sheet's.
                        None if set_aside(plan) == skipped => continue,
                        None => Issue::ContinuesSetAside(above),
                    }
                }
                // A heading that names a unit ("I. VĂN PHÒNG SỞ"): the lead of the rows under
                // it that name none (a tracker kept unit by unit).
                _ => {
                    let named = heading_words(&content);
                    if let Found::Known(id) = r.find_unit(&named)? {
                        section_lead = Some(named);
                        Issue::HeadingLeads(unit::get(r.conn, id)?.name)
                    } else {
                        section_lead = sheet_unit.clone();
                        Issue::Heading
                    }
                }
            };
            let skipped = !matches!(issue, Issue::HeadingLeads(_));
            let said_in = if heading_in_number {
                Column::Number
            } else {
                Column::Content
            };
            plan.problems.push(problem(
                g,
                i,
                h.fields.get(&said_in).map(|j| (said_in, *j)),
                issue,
                skipped,
            ));
            continue;
        }
        // The task row above (not one of its items), while rows follow it unbroken.
        let parent = last.and(task_row);
        last = Some((g.row_number(i), plan.rows.len(), set_aside(plan)));
        held_above = None;
        // A sub-item of the task above with a deadline or state of its own ("- Lắp đặt thiết
        // bị …" under task 1, no unit, no number): a task of that unit, told.
        let sub_item = lead_text.is_empty()
            && section_lead.is_none()
            && !numbered
            && continues_above(&content)
            && parent.is_some()
            && lead_above.is_some();
        // An item lettered under the task above ("a", "b)"), a unit of its own: a part of
        // that task, given when and by what it was; one that names only its part ("Huyện
        // Bát Xát") says the task's words before.
        let lettered = parent.is_some() && letter_item(&number.text());
        if !sub_item && !lettered {
            task_row = Some(g.row_number(i));
            task_above = content.clone();
        }
        let content = if lettered && crate::text::words(&content).len() <= 4 {
            format!(
                "{}: {}",
                task_above.trim_end_matches(['.', ':', ';']),
                content.trim()
            )
        } else {
            content
        };
        // Told with the row's other notes, once it is to be made (not when held already).
        let lead_from_above = parent.filter(|_| sub_item);
        let content = if lead_from_above.is_some() {
            content
                .trim_start_matches(|c: char| "-–—+•*·".contains(c) || c.is_whitespace())
                .to_string()
        } else {
            content
        };
        let lead_text = match (&section_lead, lead_text.is_empty()) {
            (_, true) if sub_item => lead_above.clone().unwrap_or_default(),
            (Some(unit), true) => unit.clone(),
            _ => lead_text,
        };
        lead_above = Some(lead_text.clone());
        cells_above = row_cells.clone();
        // A formula in error (#REF!) or saved without its value ("=B5+30" written by a
        // program, never calculated): no value to take, and none guessed.
        // A field a directive can do without is left out, told; any other leaves the row out.
        let optional = |c: Column| {
            matches!(
                c,
                Column::Number
                    | Column::Coordinating
                    | Column::Notes
                    | Column::Output
                    | Column::Priority
            )
        };
        let errors: Vec<Column> = (h.fields.keys().copied())
            .filter(|c| matches!(at(*c), Cell::Error))
            .collect();
        if let Some(&c) = errors.iter().find(|c| !optional(**c)) {
            let mut p = problem(g, i, col(c), Issue::Formula, true);
            p.field = p.field.or(Some(c));
            plan.problems.push(p);
            continue;
        }
        for c in errors.into_iter().filter(|c| *c != Column::Number) {
            plan.problems
                .push(problem(g, i, col(c), Issue::FormulaLeftOut, false));
        }
        // The field is named even when the sheet has no column for it ("Ngày giao").
        let mut skip = |issue: Issue, c: Option<Column>| {
            let mut p = problem(g, i, c.and_then(&col), issue, true);
            p.field = p.field.or(c);
            plan.problems.push(p);
        };
        // No words ("3" of a summary's count, "-"): no task.
        if !content.chars().any(char::is_alphabetic) {
            skip(Issue::NoContent, Some(Column::Content));
            continue;
        }
        if content.chars().count() > CONTENT_CHARS {
            skip(Issue::TooLong, Some(Column::Content));
            continue;
        }
        if lead_text.is_empty() {
            skip(Issue::NoLead, Some(Column::Lead));
            continue;
        }
        let date_of = |c: Column| values::date(at(c)).map_err(Issue::BadDate);
        let assigned = match date_of(Column::AssignedOn) {
            Ok(d) => d,
            Err(e) => {
                skip(e, Some(Column::AssignedOn));
                continue;
            }
        };
        let completed = match date_of(Column::CompletedOn) {
            Ok(d) => d,
            Err(e) => {
                skip(e, Some(Column::CompletedOn));
                continue;
            }
        };
        // A day to come under "Ngày hoàn thành" is the day planned, not a completion: the
        // deadline of a row that gives none, told.
        let planned = completed.filter(|d| *d > today);
        let completed = completed.filter(|d| *d <= today);
        let source_text = match text(Column::Source) {
            t if (sub_item || lettered) && t.is_empty() => source_above.clone().unwrap_or(t),
            t => t,
        };
        source_above = Some(source_text.clone());
        let said_source = values::source(&source_text);
        let source_date = match &said_source {
            SourceSaid::Document { date, .. } | SourceSaid::Meeting { date, .. } => *date,
            SourceSaid::None => None,
        };
        // No day given nor stated: the day of the meeting of the office's notice cited without
        // its date ("TB số 45/TB-STTTT"), when one notice of that number is in the register;
        let notice_day = match (&said_source, assigned.or(source_date)) {
            (SourceSaid::Document { number, .. }, None) => notice_meeting_day(r, number)?,
            _ => None,
        };
        // or the day of the one meeting of the title cited, when it is held.
        let meeting_day = || match &said_source {
            SourceSaid::Meeting { title, .. } => match r.held.get(&meeting_key(title)) {
                Some(one) if one.len() == 1 => Some(one[0].1),
                _ => None,
            },
            _ => None,
        };
        // A sub-item is given when its task was, unless its own source says its day.
        let assigned = assigned.or(given_above.filter(|_| {
            (sub_item || lettered) && (source_date.is_none() || text(Column::Source).is_empty())
        }));
        let Some(given_on) = assigned
            .or(source_date)
            .or_else(meeting_day)
            .or(notice_day)
            .or(r.given_on)
        else {
            skip(Issue::NoDate, Some(Column::AssignedOn));
            continue;
        };
        given_above = Some(given_on);
        // A deadline in words no date reads ("khi có yêu cầu", "theo tiến độ dự án") leaves
        // the directive without one, and says so; a date that does not exist is set aside.
        let mut deadline_words = None;
        // An extension said in the deadline's cell ("30/6 (gia hạn đến 30/9)") or a column
        // of its own ("Gia hạn đến").
        let (deadline_cell, mut extensions_said) = values::split_extension(at(Column::Deadline));
        let mut deadline_open = None;
        // "30/6/2025; 31/12/2025": due by the last stage, told.
        let deadline_stages =
            (values::dates_listed(&deadline_cell.text()).len() > 1).then(|| deadline_cell.text());
        // A deadline read from words that say no year ("Tuần sau", "Trước Tết", "30/6"):
        // the day taken, told.
        let mut deadline_guessed = None;
        let deadline = match values::due(&deadline_cell, Some(given_on)) {
            Ok(Due::On(d)) => {
                let words = deadline_cell.text();
                // (Not a serial saved as text, "45930": a date with its year.)
                let serial =
                    words.trim().len() == 5 && words.trim().bytes().all(|b| b.is_ascii_digit());
                if matches!(deadline_cell, Cell::Text(_)) && !values::says_year(&words) && !serial {
                    deadline_guessed = Some((words, d));
                }
                Some(d)
            }
            Ok(Due::Open) => {
                // "Hàng tháng", "Thường xuyên": no one deadline, said so.
                deadline_open = Some(deadline_cell.text()).filter(|w| !w.trim().is_empty());
                None
            }
            // Words beside a date ("Đầu tháng 8/2025", "Tuần 2 tháng 7/2025") leave it
            // without one, told; a date alone that does not exist ("31/02/2025") is a
            // mistake to correct.
            Err(v) if !lone_date(&v) => {
                deadline_words = Some(v);
                None
            }
            Err(v) => {
                skip(Issue::BadDate(v), Some(Column::Deadline));
                continue;
            }
        };
        // A column of its own may say them again ("gia hạn lần 2: 31/7/2025"), or hold only
        // the new date.
        let in_column = values::extensions_in(at(Column::Extended));
        if !in_column.is_empty() {
            extensions_said = in_column;
        }
        // The progress or notes may record one granted too ("Đã được gia hạn đến 30/6/2025
        // theo Văn bản số 45/UBND-VX"); words there that read as no date, ask for one, or
        // say a deadline already read are a note, kept as written.
        let from_cells = extensions_said.len();
        for c in [Column::Progress, Column::Notes] {
            extensions_said.extend(values::split_extension(&Cell::Text(text(c))).1);
        }
        // Each read from the deadline it extends ("gia hạn 2 tháng" is two months after it),
        // in the order of their dates; one that does not read, or is only asked for, leaves
        // the deadline before it, and is told. Without a first deadline, the first
        // extension's is the deadline, told; one not later than the first deadline is no
        // extension, and told.
        let mut deadline = deadline;
        let mut dates: Vec<(NaiveDate, Option<String>, bool)> = Vec::new();
        let (mut extension_unread, mut extension_asked) = (Vec::new(), Vec::new());
        for (k, said) in extensions_said.into_iter().enumerate() {
            let in_words = k >= from_cells;
            if said.asked {
                if !in_words {
                    extension_asked.push(said.words.text());
                }
                continue;
            }
            match values::extension_due(&said.words, deadline.unwrap_or(given_on)) {
                Ok(Due::On(to)) => {
                    // "Gia hạn từ 24/02 đến 16/03" beside a deadline already moved to 16/03:
                    // the first deadline is the one it started from.
                    if let Some(from) = values::extension_from(&said.words)
                        && from < to
                        && deadline == Some(to)
                    {
                        deadline = Some(from);
                    }
                    dates.push((to, said.grounds, in_words))
                }
                Ok(Due::Open) => {}
                Err(v) if !in_words => extension_unread.push(v),
                Err(_) => {}
            }
        }
        dates.sort_by_key(|(to, _, _)| *to);
        let mut extension_only = None;
        let mut extensions: Vec<Extension> = Vec::with_capacity(dates.len());
        let mut extension_not_later = Vec::new();
        for (to, grounds, in_words) in dates {
            match extensions.last().map(|e| e.to).or(deadline) {
                None => {
                    deadline = Some(to);
                    extension_only = Some(to);
                }
                Some(c) if to > c => extensions.push(Extension { to, grounds }),
                Some(c) if !(in_words || to == c) => extension_not_later.push(to),
                Some(_) => {}
            }
        }
        let extended = extensions.last().map(|e| e.to);
        let deadline = deadline.or(planned);
        let lead_not_units;
        let lead = match r.picks(&lead_text, &g.name, g.row_number(i))? {
            Ok((p, none)) if !p.is_empty() => {
                // Read, with a word on what is not kept as a unit.
                lead_not_units = (!none.is_empty()).then(|| none.join("; "));
                p
            }
            Ok((_, none)) if !none.is_empty() => {
                // No unit at all: the cell as written.
                skip(
                    Issue::NotAUnit(lead_text.trim().to_string()),
                    Some(Column::Lead),
                );
                continue;
            }
            Ok(_) => {
                skip(Issue::NoLead, Some(Column::Lead));
                continue;
            }
            Err((_, c)) if c.is_empty() => {
                skip(Issue::UnitNameTooLong, Some(Column::Lead));
                continue;
            }
            Err((name, c)) => {
                skip(Issue::Ambiguous(name, c), Some(Column::Lead));
                continue;
            }
        };
        let not_units;
        let mut coordinating =
            match r.picks(&text(Column::Coordinating), &g.name, g.row_number(i))? {
                Ok((p, none)) => {
                    // Read, with a word on what is not kept as a unit.
                    not_units = (!none.is_empty()).then(|| none.join("; "));
                    p
                }
                Err((_, c)) if c.is_empty() => {
                    skip(Issue::UnitNameTooLong, Some(Column::Coordinating));
                    continue;
                }
                Err((name, c)) => {
                    skip(Issue::Ambiguous(name, c), Some(Column::Coordinating));
                    continue;
                }
            };
        // Several units in the lead's cell: the first leads, the others coordinate, told.
        let roles_said = crate::text::words(&lead_text)
            .join(" ")
            .contains("phoi hop");
        let several_leads = (lead.len() > 1 && !roles_said).then(|| lead_text.clone());
        for p in lead[1..].iter().rev() {
            if !coordinating.contains(p) {
                coordinating.insert(0, *p);
            }
        }
        coordinating.retain(|p| *p != lead[0]);
        // The date given as read, not as typed: the same row saved from another program
        // ("1/3/25" in a CSV, a date cell in a workbook) is the same row.
        let given_key = assigned.map_or_else(|| at(Column::AssignedOn).text(), |d| d.to_string());
        let mut key = row_key([&content, &lead_text, &source_text, &given_key]);
        // The same words more than once on the sheet, each row with its deadline (a report
        // due each month, each month a row, in any order, and one more row each month), or
        // other words that read alike without their marks ("bảo vệ", "báo về"): each row a
        // directive of its own, known by its deadline and its words as written.
        let exact = exact_words(&content);
        let repeated = repeats.get(&raw_key(i)).is_some_and(|n| *n > 1);
        if repeated {
            key = told_apart(&key, deadline, &exact);
        }
        // The same row again: on its own sheet, a copy left out; on a later sheet (a year's
        // sheet carrying over what the year before left unfinished), its newer state, its
        // lead unit written there another way or not ("Phòng CĐS", "Phòng Chuyển đổi số").
        let by_unit = match lead[0] {
            Pick::Known(u) => {
                let k = row_key([&content, &format!("\u{1}{u}"), &source_text, &given_key]);
                Some(if repeated {
                    told_apart(&k, deadline, &exact)
                } else {
                    k
                })
            }
            Pick::New(_) => None,
        };
        let found = seen.get(&key).or_else(|| {
            by_unit
                .and_then(|k| seen.get(&k))
                .filter(|s| s.sheet != g.name)
        });
        let earlier = found.map(|s| (s.sheet.clone(), s.row));
        match (&earlier, found.map(|s| s.key)) {
            (Some((sheet, first)), _) if *sheet == g.name => {
                skip(Issue::Duplicate(sheet.clone(), *first), None);
                continue;
            }
            (Some(_), Some(first_key)) => key = first_key,
            _ => {
                let here = Seen {
                    sheet: g.name.clone(),
                    row: g.row_number(i),
                    key,
                };
                if let Some(k) = by_unit {
                    seen.entry(k).or_insert_with(|| here.clone());
                }
                seen.insert(key, here);
            }
        }
        // A row brought in before, or a directive the office already holds (the same words
        // given to the same unit on the same day: a list exported from Giao Ban, or kept
        // beside it), is not made again; when the sheet says it is done and Giao Ban does
        // not, the row says so (the sheet is not taken over the progress recorded here).
        let held = match imported_as(r.conn, &key)? {
            Some(id) => Some(id),
            // (Given that day as the sheet says it, or as its source's date says; rows of the
            // same words are told apart by their keys alone. The same words given that day by
            // another document, its number says so, are another task.)
            None => match lead[0] {
                Pick::Known(unit) if !repeated => {
                    match already_held(r.conn, &content, unit, given_on)? {
                        Some(id) => {
                            let other_document = match &said_source {
                                SourceSaid::Document { number, .. } => {
                                    let words = |s: &str| crate::text::words(s).join(" ");
                                    directive::get(r.conn, id)?
                                        .document_number
                                        .is_some_and(|n| words(&n) != words(number))
                                }
                                _ => false,
                            };
                            (!other_document).then_some(id)
                        }
                        None => None,
                    }
                }
                _ => None,
            },
        };
        if let Some(id) = held {
            r.found_held.insert(id);
        }
        let mut held_as = match (held, lead[0]) {
            (None, Pick::Known(unit)) if repeated || r.brought_in_any => {
                maybe_held(r.conn, &content, unit, given_on, repeated)?
            }
            _ => Vec::new(),
        };
        // Only a task of the same source (the document or meeting cited; for a row citing
        // none, a row of a tracker that cited none) is this row changed since; and one whose
        // words or day given changed only with the same deadline. Another document's task of
        // like words, or a task given again with another deadline, is a task of its own.
        let due_here = extended.or(deadline);
        let mut kept = Vec::with_capacity(held_as.len());
        for (id, how) in held_as {
            let d = directive::get(r.conn, id)?;
            let same_due = d.deadline == due_here || d.original_deadline == deadline;
            let due_matters = matches!(how, HeldAs::Words(_) | HeldAs::Given(_));
            if same_source(r.conn, &d, &said_source, &plan.file_name)? && (same_due || !due_matters)
            {
                kept.push((id, how));
            }
        }
        held_as = kept;
        // A row citing the office's own notice brought in before ("123/TB-STTTT"): the
        // directives of its meeting given to the unit, in these words or nearly.
        if let (None, Pick::Known(unit), SourceSaid::Document { number, date }) =
            (held, lead[0], &said_source)
            && let Some(meeting) = notice_meeting(r, number, date.unwrap_or(given_on))?
        {
            held_as.splice(0..0, in_the_notice(r.conn, meeting, unit, &content)?);
        }
        // So is a deadline the sheet gives that Giao Ban does not hold (extended in one of
        // them and not the other).
        if let Some(id) = held {
            // The same row on an earlier sheet (a year's sheet carrying over a task the year
            // before left unfinished): this later one holds the newer state, so what the
            // earlier one told apart from Giao Ban is no difference.
            let earlier_told = earlier.as_ref().is_some_and(|e| r.told_apart.contains(e));
            if earlier_told {
                superseded.extend(earlier.clone());
            }
            let here = directive::get(r.conn, id)?;
            let closed = matches!(
                here.status,
                DirectiveStatus::Done
                    | DirectiveStatus::AwaitingConfirmation
                    | DirectiveStatus::Cancelled
            );
            let said_there = values::said_with_completion(
                &text(Column::Progress),
                &text(Column::Notes),
                completed,
            )
            .0;
            // What a tick says there ("Đã hoàn thành" ticked since).
            let said_there = ticked(&h.ticks, row, said_there).said;
            let says_done = matches!(said_there, Said::Done(_) | Said::Reported(_));
            // A note kept in the task's words when brought in (see below).
            let notes_in_words = !matches!(said_there, Said::InProgress { note: Some(_), .. });
            // Stopped or cancelled there, not here; confirmed there, waiting here; under way
            // there, not yet started here.
            let stopped_there = match said_there {
                Said::Suspended => here.status != DirectiveStatus::Suspended,
                Said::Cancelled => here.status != DirectiveStatus::Cancelled,
                Said::Declined => here.status != DirectiveStatus::Assigned,
                _ => false,
            } && !closed;
            let moved_on_there = match said_there {
                Said::Done(_) => here.status == DirectiveStatus::AwaitingConfirmation,
                // (A report beside it is told as progress, below.)
                Said::InProgress { note: None, .. } => here.status == DirectiveStatus::Assigned,
                _ => false,
            };
            // Under way there, done here; or done there on another day.
            // Under way there; done, cancelled or paused here.
            let reopened_there = matches!(said_there, Said::InProgress { .. })
                && matches!(
                    here.status,
                    DirectiveStatus::Done | DirectiveStatus::Cancelled | DirectiveStatus::Suspended
                );
            let done_on_there = match (&said_there, here.completed_on, here.reported_done_on) {
                (Said::Done(Some(there)), Some(on), _)
                | (Said::Reported(Some(there)), None, Some(on))
                    if *there != on =>
                {
                    Some((*there, on))
                }
                _ => None,
            };
            // Coordinating units the sheet names that Giao Ban does not.
            let more_units: Vec<String> = coordinating
                .iter()
                .filter_map(|p| match p {
                    Pick::Known(u)
                        if !here.coordinating_unit_ids.contains(u) && *u != here.lead_unit_id =>
                    {
                        Some(*u)
                    }
                    _ => None,
                })
                .map(|u| unit::get(r.conn, u).map(|u| u.name))
                .collect::<Result<_>>()?;
            let due_there = extended.or(deadline);
            held_above = Some(here.content.clone());
            // Progress the sheet reports that Giao Ban does not hold (a higher share, or
            // words no report here has): told, not taken over the reports recorded here.
            // The progress as held, with other notes beside it: the notes changed.
            let mut notes_beside_changed = false;
            let progress_there = match said_there {
                Said::InProgress { percent, note, .. } if !closed => {
                    let reports = followup::progress_of(r.conn, id)?;
                    let share_here = reports.last().map_or(0, |p| p.percent);
                    // Kept as written, or with the notes beside it (as a row is brought in).
                    let with_notes = exact_words(&format!(
                        "{} {}",
                        text(Column::Progress),
                        text(Column::Notes)
                    ));
                    let note_held = note.as_ref().is_none_or(|n| {
                        reports.iter().any(|p| {
                            let held = exact_words(&p.note);
                            held == exact_words(n) || held == with_notes
                        })
                    });
                    let progress = exact_words(&text(Column::Progress));
                    notes_beside_changed = !note_held
                        && !progress.is_empty()
                        && reports
                            .iter()
                            .any(|p| exact_words(&p.note).starts_with(&progress));
                    (percent > share_here || (!note_held && !notes_beside_changed))
                        .then_some(share_here)
                }
                _ => None,
            };
            // Every difference is told, each on its own.
            let mut differs = false;
            if says_done && !closed {
                skip(Issue::DoneThereNotHere, Some(Column::Progress));
                differs = true;
            }
            if stopped_there || reopened_there || moved_on_there {
                skip(
                    Issue::StateDiffers(text(Column::Progress)),
                    Some(Column::Progress),
                );
                differs = true;
            }
            if let Some((there, on)) = done_on_there {
                skip(Issue::DoneOnDiffers(there, on), Some(Column::Progress));
                differs = true;
            }
            if !more_units.is_empty() {
                skip(
                    Issue::CoordinatingDiffers(more_units.join("; ")),
                    Some(Column::Coordinating),
                );
                differs = true;
            }
            if let (Some(there), false) = (due_there, closed || due_there == here.deadline) {
                skip(
                    Issue::DeadlineDiffers(there, here.deadline),
                    Some(Column::Deadline),
                );
                differs = true;
            }
            // A note written or changed since beside a task not under way (its note is kept
            // in its words when brought in).
            let notes_there = text(Column::Notes);
            let words_held = format!(" {} ", exact_words(&here.content));
            if notes_beside_changed
                || notes_in_words
                    && values::says_more_than_a_state(&notes_there)
                    && !words_held.contains(&format!(" {} ", exact_words(&notes_there)))
            {
                skip(
                    Issue::NotesDiffer(notes_there.trim().to_string()),
                    Some(Column::Notes),
                );
                differs = true;
            }
            if let Some(share_here) = progress_there {
                skip(
                    Issue::ProgressDiffers(text(Column::Progress), share_here),
                    Some(Column::Progress),
                );
                differs = true;
            }
            if !differs && (earlier.is_none() || earlier_told) {
                plan.already += 1;
            }
            if differs {
                r.told_apart.insert((g.name.clone(), g.row_number(i)));
            }
            continue;
        }
        let source = match said_source {
            SourceSaid::Document { number, date } => SourcePlan::Document {
                number,
                date: date.unwrap_or(given_on),
            },
            SourceSaid::Meeting { title, date } => r.meeting(&title, date.unwrap_or(given_on)),
            SourceSaid::None => SourcePlan::Document {
                number: plan.file_name.clone(),
                date: given_on,
            },
        };
        let mut said = values::said(&text(Column::Progress), &text(Column::Notes));
        // What the ticks say (see `ticked`); words that say done beside a tick that says not
        // done are told.
        let ticked_state = ticked(&h.ticks, row, said);
        let (tick, tick_words) = (ticked_state.tick, ticked_state.words);
        said = ticked_state.said;
        let ticked_not_done = ticked_state.not_done;
        // A day in "Ngày hoàn thành" is the completion's when the progress says done or
        // nothing; a progress that says not done keeps its word, the day told.
        let ticked = !h.ticks.is_empty();
        let mut not_done_on = None;
        if let Some(c) = completed {
            let (with_day, contradicted) = if ticked {
                match said {
                    Said::Done(_) | Said::Open => (Said::Done(Some(c)), None),
                    other => (other, Some(c)),
                }
            } else {
                values::said_with_completion(&text(Column::Progress), &text(Column::Notes), Some(c))
            };
            said = with_day;
            not_done_on = contradicted;
        }
        // Reported done, waiting for the leader's word: its day read as a done task's, and
        // brought in waiting for confirmation.
        let awaiting = matches!(said, Said::Reported(_));
        if let Said::Reported(on) = said {
            said = Said::Done(on);
        }
        // Refused or sent back: brought in as given, its words kept and told.
        let declined = said == Said::Declined;
        if declined {
            said = Said::Open;
        }
        // "Hoàn thành ngày 28/3": the day of the year it was given in (or the next). A day
        // written that does not exist ("31/02/2025") is a mistake to correct, not no day.
        let mut done_guessed = None;
        if let Said::Done(None) = said {
            // (Not the day of an extension the words record: "Đã gia hạn đến 30/3/2026".)
            // The notes give the day when they are a day alone or say it done then; not a
            // day they tell of something else ("Đã nhắc nhở ngày 15/5/2025", "Theo KL số
            // 12/TB-STTTT ngày 01/03/2025", "Dự kiến trình 30/6/2025").
            let notes = text(Column::Notes);
            let notes_say_the_day = values::text_date(notes.trim()).is_some()
                || matches!(
                    values::said("", &notes),
                    Said::Done(Some(_)) | Said::Reported(Some(_))
                );
            let words = if notes_say_the_day {
                format!("{} {tick_words} {notes}", text(Column::Progress))
            } else {
                format!("{} {tick_words}", text(Column::Progress))
            };
            let words = values::split_extension(&Cell::Text(words)).0.text();
            let guessed = values::day_month_in(&words, given_on);
            // "Hoàn thành trong tháng 4/2025", "Hoàn thành Quý I/2025": by the period's end
            // (today, when it has not ended).
            let period = values::period_end_in(&words, given_on).map(|d| d.min(today));
            said = Said::Done(values::date_in(&words).or(period).or_else(|| {
                done_guessed = guessed.map(|d| (words.trim().to_string(), d));
                guessed
            }));
            if matches!(said, Said::Done(None)) && values::looks_like_a_day(&words) {
                skip(
                    Issue::BadDate(words.trim().to_string()),
                    Some(Column::Progress),
                );
                continue;
            }
        }
        if let Said::Done(Some(done)) = said
            && done < given_on
        {
            skip(
                Issue::DoneBeforeGiven(done, given_on),
                col(Column::Progress).map(|(c, _)| c),
            );
            continue;
        }
        // Done without its day: on the deadline, or the day after it when the words say late.
        let late = matches!(tick, Some((_, Tick::DoneLate)))
            || values::says_late(&format!(
                "{} {} {tick_words}",
                text(Column::Progress),
                text(Column::Notes)
            ));
        let done_fallback = extended
            .or(deadline)
            .map(|d| {
                if late {
                    d + chrono::Duration::days(1)
                } else {
                    d
                }
            })
            .filter(|d| *d <= today && *d >= given_on)
            .unwrap_or(today);
        // A byte that is no character where it stood ("Văn phòng S�ở"): kept as "�", told.
        if row
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if t.contains('\u{FFFD}')))
        {
            plan.problems
                .push(problem(g, i, None, Issue::Unreadable, false));
        }
        if let Some(words) = deadline_open {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Deadline),
                Issue::DeadlineOpen(words),
                false,
            ));
        }
        // A row hidden in the workbook (filtered out, or hidden by hand) comes in as any
        // other, told: it may have been hidden as no longer kept.
        if g.hidden.binary_search(&(g.row_number(i) - 1)).is_ok() {
            plan.problems
                .push(problem(g, i, None, Issue::HiddenRow, false));
        }
        // So does a row struck through (as offices mark a task withdrawn).
        if g.struck.binary_search(&(g.row_number(i) - 1)).is_ok() {
            plan.problems
                .push(problem(g, i, None, Issue::StruckRow, false));
        }
        if let Some(above) = lead_from_above {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Lead),
                Issue::LeadFromAbove(above),
                false,
            ));
        }
        if let Some(cell) = several_leads {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Lead),
                Issue::SeveralLeads(cell),
                false,
            ));
        }
        // "Sản phẩm": what it is to produce; "Mức độ ưu tiên": its priority, a word not read
        // as one told.
        let output = Some(text(Column::Output).trim().to_string()).filter(|o| !o.is_empty());
        let priority_text = text(Column::Priority);
        let priority = match values::priority(&priority_text) {
            Some(p) => p,
            None => {
                plan.problems.push(problem(
                    g,
                    i,
                    col(Column::Priority),
                    Issue::PriorityUnread(priority_text.trim().to_string()),
                    false,
                ));
                Priority::Normal
            }
        };
        // "Người giao": the leader who gave it, when the office knows them; else told.
        let leader_text = text(Column::Leader);
        let leader = match leader_text.trim() {
            "" => None,
            said => match r.leader(said)? {
                Ok(id) => Some(id),
                Err(candidates) => {
                    plan.problems.push(problem(
                        g,
                        i,
                        col(Column::Leader),
                        Issue::LeaderUnknown(said.to_string(), candidates),
                        false,
                    ));
                    None
                }
            },
        };
        if let Some(day) = planned {
            plan.problems.push(problem(
                g,
                i,
                col(Column::CompletedOn),
                Issue::CompletionToCome(day, matches!(said, Said::Done(_) | Said::Reported(_))),
                false,
            ));
        }
        if let Some(day) = not_done_on {
            plan.problems.push(problem(
                g,
                i,
                col(Column::CompletedOn),
                Issue::CompletedNotDone(day, text(Column::Progress)),
                false,
            ));
        }
        if let Some((words, d)) = done_guessed {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Progress),
                Issue::DoneOnGuessed(words, d),
                false,
            ));
        }
        if let Some((words, d)) = deadline_guessed {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Deadline),
                Issue::DeadlineGuessed(words, d),
                false,
            ));
        }
        if let (Some(words), Some(d)) = (deadline_stages, deadline) {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Deadline),
                Issue::DeadlineStages(words, d),
                false,
            ));
        }
        if let Some(words) = deadline_words {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Deadline),
                Issue::DeadlineInWords(words),
                false,
            ));
        }
        // Brought in as the sheet has it (a record of the past), and told.
        if let Some(d) = deadline.filter(|d| *d < given_on) {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Deadline),
                Issue::DeadlineBeforeGiven(d, given_on),
                false,
            ));
        }
        // What the extensions' words said that was not taken, each told.
        let extension_told = (extension_unread.into_iter().map(Issue::ExtensionUnread))
            .chain(extension_asked.into_iter().map(Issue::ExtensionAsked))
            .chain(extension_only.map(Issue::ExtensionWithoutDeadline))
            .chain(
                extension_not_later
                    .into_iter()
                    .map(Issue::ExtensionNotLater),
            );
        for issue in extension_told {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Extended).or(col(Column::Deadline)),
                issue,
                false,
            ));
        }
        if let Some(names) = lead_not_units {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Lead),
                Issue::NotAUnit(names),
                false,
            ));
        }
        if let Some(names) = not_units {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Coordinating),
                Issue::NotAUnit(names),
                false,
            ));
        }
        if let Said::Done(None) = said {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Progress),
                match awaiting {
                    true => Issue::ReportedWithoutDate(done_fallback),
                    false => Issue::DoneWithoutDate(done_fallback),
                },
                false,
            ));
        }
        // A few words of progress that say no state read: under way, told.
        if matches!(said, Said::InProgress { .. }) && values::state_unread(&text(Column::Progress))
        {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Progress),
                Issue::StateUnread(text(Column::Progress).trim().to_string()),
                false,
            ));
        }
        // Read as done or open above; kept as said.
        let said = match said {
            Said::Done(on) if awaiting => Said::Reported(on),
            Said::Open if declined => Said::Declined,
            said => said,
        };
        // What the progress and notes say, kept whole with the state read from them ("Đã
        // hoàn thành ngày 28/3, đã ban hành Kế hoạch số 50/KH-STTTT"; a note beside a state).
        let words = [
            text(Column::Progress),
            tick_words.clone(),
            text(Column::Notes),
        ]
        .into_iter()
        .map(|w| w.trim().to_string())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
        // A note that says done beside a progress that does not: brought in as the progress
        // column says, told.
        let notes_say_done = matches!(
            values::said("", &text(Column::Notes)),
            Said::Done(_) | Said::Reported(_)
        );
        if ticked_not_done {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Progress),
                Issue::TickSaysNotDone,
                false,
            ));
        }
        if notes_say_done && !matches!(said, Said::Done(_) | Said::Reported(_)) {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Notes),
                Issue::NotesSayDone,
                false,
            ));
        }
        // A note has no report of progress to be kept in but beside words of progress (a
        // report kept with it): else it is kept in the task's words, so that it is seen ("…
        // (Ghi chú: Theo đề nghị của UBND tỉnh)"), whatever the state.
        let notes = if said == Said::Declined {
            plan.problems.push(problem(
                g,
                i,
                col(Column::Progress).or(col(Column::Notes)),
                Issue::Declined(words.clone()),
                false,
            ));
            words.clone()
        } else if said == Said::Open && values::says_more_than_a_state(&text(Column::Progress)) {
            // "Chưa làm được do mưa": why the work is not begun, kept with any note.
            words.clone()
        } else {
            text(Column::Notes)
        };
        // (A note of a date alone is the completion's day of a task done.)
        let kept = match said {
            Said::InProgress { note: Some(_), .. } => false,
            Said::Declined => !notes.trim().is_empty(),
            Said::Done(_) | Said::Reported(_) => values::says_more_than_a_state(&notes),
            _ => {
                values::says_more_than_a_state(&notes) || values::text_date(notes.trim()).is_some()
            }
        };
        let note = format!("(Ghi chú: {})", notes.trim());
        let with = format!("{content} {note}");
        let content = if kept && !content.contains(&note) && with.chars().count() <= CONTENT_CHARS {
            with
        } else {
            content
        };
        if let Some((sheet, first)) = earlier {
            match plan.rows.iter_mut().find(|p| p.key == key) {
                Some(p) => {
                    // The later sheet's state; a later deadline it gives (its own, or an
                    // extension) extends the one the earlier sheet gave.
                    let later = deadline.map(|to| Extension {
                        to,
                        grounds: Some(format!("trang “{}”", g.name)),
                    });
                    // One earlier than it is told, and left out.
                    for e in later.into_iter().chain(extensions) {
                        match p.extended().or(p.deadline) {
                            None => p.deadline = Some(e.to),
                            Some(c) if e.to > c => p.extensions.push(e),
                            // (Not the first deadline, or an extension, said again.)
                            Some(c)
                                if e.to < c
                                    && p.deadline != Some(e.to)
                                    && p.extensions.iter().all(|x| x.to != e.to) =>
                            {
                                plan.problems.push(problem(
                                    g,
                                    i,
                                    col(Column::Deadline),
                                    Issue::ExtensionNotLater(e.to),
                                    false,
                                ))
                            }
                            Some(_) => {}
                        }
                    }
                    (p.said, p.done_fallback) = (said, done_fallback);
                    // Its words of progress and notes too.
                    (p.words, p.content) = (words, content);
                    plan.problems
                        .push(problem(g, i, None, Issue::Newer(sheet, first), false));
                }
                None => {
                    plan.problems
                        .push(problem(g, i, None, Issue::Duplicate(sheet, first), true))
                }
            }
            continue;
        }
        plan.rows.push(RowPlan {
            sheet: s,
            row: g.row_number(i),
            key,
            content,
            lead: lead[0],
            coordinating,
            source,
            source_text,
            assigned_on: assigned,
            deadline,
            extensions,
            said,
            done_fallback,
            words,
            held_as,
            leader,
            output,
            priority,
        });
    }
    plan.problems
        .retain(|p| !(p.skipped && superseded.iter().any(|(s, r)| *s == p.sheet && *r == p.row)));
    Ok(())
}

/// Whether a cell's text was meant as a date (digits joined by `/`, `-` or `.`), so one that
/// does not read is a mistake to correct, not words.
/// The percent done a number under progress says, when it can be one: below 1 a fraction
/// (a cell formatted as a percentage), 1 itself 100% beside such fractions, else a percent.
fn share_done(n: f64, fractions: bool) -> Option<u8> {
    let percent = if (n > 0.0 && n < 1.0) || (n == 1.0 && fractions) {
        n * 100.0
    } else {
        n
    };
    (0.0..=100.0)
        .contains(&percent)
        .then(|| percent.round() as u8)
}

/// Whether a cell holds a date and nothing else ("31/02/2025", "07/15/2025").
fn lone_date(text: &str) -> bool {
    let date = text
        .trim()
        .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ');
    // At most two words before it ("Trước ngày 31/02/2025"); more are a task's words
    // ("Trình dự thảo trước 30/4/2025").
    let before = text.trim()[..text.trim().len() - date.len()]
        .split_whitespace()
        .count();
    if before > 2 {
        return false;
    }
    date.chars()
        .filter(|c| matches!(c, '/' | '-' | '.'))
        .count()
        == 2
        && date
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.'))
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
    let f = format!(" {} ", crate::text::words(title).join(" "));
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
}

/// Writes the plan: new units, new meetings, then each row in a savepoint (a row a rule of
/// the domain refuses is undone alone and told); each row noted as imported; the layouts'
/// mappings kept.
pub fn apply(tx: &Tx<'_>, plan: &Plan, book: &Book) -> Result<Applied> {
    let mut unit_ids = Vec::with_capacity(plan.new_units.len());
    for (name, _, _) in &plan.new_units {
        let u = unit::create(
            tx,
            NewUnit {
                name: name.clone(),
                short_name: None,
                code: None,
                kind: kind_of_name(name),
                parent_id: None,
                sort_order: 1000,
            },
        )?;
        unit_ids.push(u.id);
    }
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
    let unit_of = |p: Pick| match p {
        Pick::Known(id) => id,
        Pick::New(i) => unit_ids[i],
    };
    let mut names: HashMap<Uuid, String> = HashMap::new();
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
    };
    for row in &plan.rows {
        let g = &book.sheets[row.sheet];
        // Brought in since the plan was read (the same file imported at once elsewhere).
        if imported(tx, &row.key)? {
            continue;
        }
        tx.prepare_cached("SAVEPOINT intake_row")?.execute([])?;
        match write_row(tx, plan, row, &g.name, &unit_of, &meeting_ids) {
            Ok(d) => {
                tx.prepare_cached("RELEASE intake_row")?.execute([])?;
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
            Err(e @ (Error::Invalid { .. } | Error::NotFound { .. })) => {
                tx.execute_batch("ROLLBACK TO intake_row; RELEASE intake_row")?;
                out.problems.push(RowProblem {
                    sheet: g.name.clone(),
                    row: row.row,
                    column: None,
                    field: None,
                    skipped: true,
                    held: false,
                    message: Issue::Refused(Box::new(e)).words(),
                });
            }
            Err(e) => return Err(e),
        }
    }
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

fn write_row(
    tx: &Tx<'_>,
    plan: &Plan,
    row: &RowPlan,
    sheet: &str,
    unit_of: &dyn Fn(Pick) -> Uuid,
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
    let mut d = directive::create(
        tx,
        NewDirective {
            content: row.content.clone(),
            expected_output: row.output.clone(),
            source,
            assigned_on: row.assigned_on,
            directing_leader_id: row.leader,
            lead_unit_id: unit_of(row.lead),
            coordinating_unit_ids: row.coordinating.iter().map(|p| unit_of(*p)).collect(),
            deadline: row.deadline,
            priority: row.priority,
            // The tracker says so: an office's record is taken as it was kept.
            allow_deadline_before_assigned: true,
        },
    )?;
    // The state's note names where it comes from, and keeps the tracker's words.
    let from = format!("{} / {} / {}", plan.file_name, sheet, row.row);
    let note = if row.words.is_empty() {
        from.clone()
    } else {
        format!("{from}: {}", row.words)
    };
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
    match &row.said {
        Said::Open | Said::Declined => {}
        Said::InProgress {
            percent,
            note: text,
            on,
        } => match text {
            Some(t) => {
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
                // A progress report moves the directive on: read it as it now stands.
                d = directive::get(tx, d.id)?;
            }
            None => {
                d = directive::change_status(tx, d.id, StatusChange::Start, &note)?;
            }
        },
        Said::Done(on) => {
            let on = on.unwrap_or(row.done_fallback);
            directive::change_status(tx, d.id, StatusChange::ReportDone { on }, &note)?;
            d = directive::change_status(tx, d.id, StatusChange::Confirm, &note)?;
        }
        // Waiting for the leader's word.
        Said::Reported(on) => {
            let on = on.unwrap_or(row.done_fallback);
            d = directive::change_status(tx, d.id, StatusChange::ReportDone { on }, &note)?;
        }
        Said::Suspended => {
            d = directive::change_status(tx, d.id, StatusChange::Suspend, &note)?;
        }
        Said::Cancelled => {
            d = directive::change_status(tx, d.id, StatusChange::Cancel, &note)?;
        }
    }
    remember(tx, &row.key, d.id, plan.origins[row.sheet])?;
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_worded_again_is_told_from_another() {
        let same = |a: &str, b: &str| {
            numbers_besides_dates(a) == numbers_besides_dates(b)
                && alike(&exact_words(a), &exact_words(b)) >= 0.8
        };
        assert!(same(
            "Tổng hợp báo cáo kết quả tháng 4, trình trước ngày 25/4/2025",
            "Tổng hợp báo cáo kết quả tháng 4, gửi trước ngày 25/4/2025"
        ));
        assert!(same(
            "Tham mưu dự toán năm 2026, xong trước 30/6/2025",
            "Tham mưu dự toán năm 2026, xong trước 15/7/2025"
        ));
        assert!(!same(
            "Tổng hợp báo cáo kết quả tháng 4",
            "Tổng hợp báo cáo kết quả tháng 5"
        ));
        let near = |a: &str, b: &str| {
            let (x, y) = (numbers_besides_dates(a), numbers_besides_dates(b));
            (within(&x, &y) || within(&y, &x)) && alike(&exact_words(a), &exact_words(b)) >= 0.8
        };
        assert!(near(
            "Tổng hợp tình hình hoạt động báo chí quý I",
            "Tổng hợp tình hình hoạt động báo chí quý I năm 2025"
        ));
        assert!(!near(
            "Báo cáo kết quả tháng 4 năm 2025",
            "Báo cáo kết quả tháng 5 năm 2025"
        ));
        assert!(!same("Báo cáo chuyển đổi số", "Kiểm tra an toàn thông tin"));
        assert_eq!(
            numbers_besides_dates("Quý 3 (tháng 7-9), năm 2025."),
            ["3", "2025"]
        );
    }

    #[test]
    fn a_deadline_meant_as_a_date() {
        assert!(values::looks_like_a_day("31/02/2026"));
        assert!(values::looks_like_a_day("Trước 30/6/2025 (gia hạn)"));
        assert!(!values::looks_like_a_day("Khi có yêu cầu"));
        assert!(!values::looks_like_a_day("Trong 15 ngày kể từ ngày giao"));
        assert!(!values::looks_like_a_day("Đã tập huấn 12/12 xã"));
    }

    #[test]
    fn people_places_and_groups_are_no_unit() {
        for name in [
            "Nguyễn Văn Bình",
            "Đ/c Nguyễn Văn A",
            "Ông Trần Văn Trường",
            "Bà Hoàng Thị Chi",
            "PGĐ Lê Văn C",
            "Lãnh đạo Sở",
            "các phòng liên quan",
            "thành phố",
        ] {
            assert!(not_a_unit(name), "{name}");
        }
        for name in [
            "Văn phòng Sở",
            "Trường THCS Lê Lợi",
            "Phòng Văn hóa và Thông tin thành phố Lào Cai",
            "Trung tâm Công nghệ thông tin",
            "Đảng ủy phường",
        ] {
            assert!(!not_a_unit(name), "{name}");
        }
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
