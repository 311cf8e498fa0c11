//! An office's existing records brought in: tracker workbooks ("Bảng theo dõi thực hiện
//! nhiệm vụ": .xlsx, .xls, .ods, .csv) and DOCX notices or minutes. The use case for the
//! CLI and the window alike: [`kind`] tells what a file is (a `.gbx` goes to the exchange),
//! [`preview`] shows what would be created and every row that cannot be read, [`commit`]
//! writes it in one transaction. The preview is the commit's own writes, rolled back.
//!
//! Limits come before work ([`kind::limits`]): the file's size, a zip archive's entries and
//! inflated sizes from its central directory, then the rows of its sheets. Bringing the same
//! file in again creates nothing: each row and each document is known by the SHA-256 of its
//! content and source (table `intake_row`).

pub mod columns;
pub mod docx;
mod issue;
pub mod kind;
pub mod legacy;
pub mod numbers;
mod ods;
pub mod sheet;
mod struck;
pub mod tracker;
pub mod values;
mod xls;
mod xlsx;
mod xml;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use columns::{Column, ColumnAt, MappingFrom};
pub use docx::DocumentRead;
pub use kind::FileKind;
pub use tracker::{NewMeetingPlan, SheetRead, TrackerRow};

use crate::document::register::DocKind;
use crate::error::{Error, IntakeProblem, Result};
use crate::proposal::{self, Accepted};
use crate::store::{Store, Tx};
use crate::unit::{self, NewUnit};

/// A sentence in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Words {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

/// A row that cannot be read (left out), or is read with a caveat.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowProblem {
    /// The sheet (the file's name for a document).
    pub sheet: String,
    /// The row as the spreadsheet numbers it (for a document: the proposal's number, or the
    /// paragraph of a line read as no directive; 0 for the document as a whole).
    pub row: u32,
    /// The column: its letters and the field's name (`E (Thời hạn)`).
    pub column: Option<String>,
    /// The field the problem is about (also when the sheet has no column for it).
    pub field: Option<Column>,
    /// The row is left out (otherwise it is imported with this caveat).
    pub skipped: bool,
    /// Left out as a directive brought in before and changed since (its lead, deadline,
    /// words or day given): it may be brought in as a new one instead ([`Options::as_new`]).
    pub held: bool,
    /// Why.
    pub message: Words,
}

/// A tracker's row, by its sheet and its number as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowAt {
    /// The sheet (any sheet when not said).
    pub sheet: Option<String>,
    /// The row.
    pub row: u32,
}

/// A unit the file names that the directory does not hold.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewUnitPlan {
    /// Its name as written.
    pub name: String,
    /// Its short form, written in brackets after its name, kept as its code ("… (TTPVHCC)")
    /// or short name ("… (Ban QLDA)").
    pub short: Option<String>,
    /// The sheet of the first row naming it.
    pub sheet: String,
    /// That row.
    pub row: u32,
}

impl NewUnitPlan {
    /// Its name, with its short form after it in brackets when one was written.
    pub fn shown(&self) -> String {
        match &self.short {
            Some(short) => format!("{} ({short})", self.name),
            None => self.name.clone(),
        }
    }
}

/// How to bring a file in.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Options {
    /// Only this sheet of a workbook (default: every visible sheet).
    pub sheet: Option<String>,
    /// Add the units the directory does not hold (else a commit stops at the first).
    pub create_units: bool,
    /// A tracker's column mapping, corrected by the user (default: the one saved for the
    /// layout, or the one recognised).
    pub mapping: Option<Vec<ColumnAt>>,
    /// A document's directives as the user accepted them (default: every proposal with a
    /// lead unit).
    pub accepted: Option<Vec<Accepted>>,
    /// A tracker: the date given to rows that state none, nor their source's (a sheet
    /// without a "Ngày giao" column). Without it such rows are set aside and told.
    pub given_on: Option<NaiveDate>,
    /// A tracker: rows told as a directive brought in before and changed since that are
    /// new directives instead (a task given again, not the one held).
    #[serde(default)]
    pub as_new: Vec<RowAt>,
}

/// What a file brings in: before a commit, what it would create; after, what it created.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    /// The file's name.
    pub file_name: String,
    /// Its kind.
    pub kind: FileKind,
    /// Written to the database (a commit) or not (a preview).
    pub committed: bool,
    /// A tracker's sheets read.
    pub sheets: Vec<SheetRead>,
    /// Hidden sheets, not read.
    pub hidden_sheets: Vec<String>,
    /// The directives created (or that would be).
    pub directives: Vec<TrackerRow>,
    /// Rows (or the document) imported before, created again never.
    pub already: u32,
    /// Units new to the directory.
    pub new_units: Vec<NewUnitPlan>,
    /// Meetings created from a tracker's source column.
    pub new_meetings: Vec<NewMeetingPlan>,
    /// Rows that cannot be read, or read with a caveat.
    pub problems: Vec<RowProblem>,
    /// A document's facts and proposals.
    pub document: Option<DocumentRead>,
}

/// The number the office's own notice or minutes carries (its symbol the office's): its
/// kind, year, number and whether it is free to take.
fn own_number(
    conn: &rusqlite::Connection,
    doc: &DocumentRead,
    day: NaiveDate,
) -> Result<Option<(DocKind, i32, u32, bool)>> {
    use chrono::Datelike;
    let Some((kind, n)) = doc
        .number
        .as_deref()
        .map(|written| numbers::own_number(conn, written))
        .transpose()?
        .flatten()
    else {
        return Ok(None);
    };
    let year = day.year();
    let free = crate::document::register::holder(conn, kind, year, n)?.is_none();
    Ok(Some((kind, year, n, free)))
}

/// What the file at `path` is, by its content (a `.gbx` is the exchange's:
/// [`crate::exchange::import`]).
pub fn kind(path: &Path) -> Result<FileKind> {
    kind::read(path).map(|(k, _)| k)
}

/// A file read and parsed, not yet looked at against the database: reading it needs no
/// hold on the store, so the window does it before taking the writer.
pub struct Opened {
    kind: FileKind,
    name: String,
    stem: String,
    /// A document's bytes.
    bytes: Vec<u8>,
    /// A tracker's sheets.
    book: Option<sheet::Book>,
}

/// Reads and parses the file at `path` (the sheet `o.sheet` of a tracker).
pub fn open(path: &Path, o: &Options) -> Result<Opened> {
    let (kind, bytes) = kind::read(path)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let book = match kind {
        FileKind::Gbx => {
            return Err(Error::Intake(IntakeProblem::Unsupported {
                is: "gbx".into(),
            }));
        }
        FileKind::Docx => None,
        _ => Some(sheet::read(kind, &bytes, o.sheet.as_deref(), &stem)?),
    };
    Ok(Opened {
        kind,
        name: file_name(path),
        stem,
        bytes: if book.is_some() { Vec::new() } else { bytes },
        book,
    })
}

impl Opened {
    /// What importing the file would create, and every row that cannot be read; nothing is
    /// written.
    pub fn preview(self, store: &mut Store, o: &Options) -> Result<Preview> {
        run(store, self, o, false)
    }

    /// Imports the file in one transaction, as [`commit`] does.
    pub fn commit(self, store: &mut Store, o: &Options) -> Result<Preview> {
        run(store, self, o, true)
    }
}

/// What importing `path` would create, and every row that cannot be read; nothing is written.
pub fn preview(store: &mut Store, path: &Path, o: &Options) -> Result<Preview> {
    open(path, o)?.preview(store, o)
}

/// Imports `path` in one transaction: all of what the preview shows, or nothing. Rows that
/// cannot be read are left out and told; a unit not in the directory stops the import
/// unless `create_units`.
pub fn commit(store: &mut Store, path: &Path, o: &Options) -> Result<Preview> {
    open(path, o)?.commit(store, o)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn run(store: &mut Store, opened: Opened, o: &Options, commit: bool) -> Result<Preview> {
    let Opened {
        kind,
        name,
        stem,
        bytes,
        book,
    } = opened;
    let p = Preview {
        file_name: name.clone(),
        kind,
        committed: commit,
        sheets: Vec::new(),
        hidden_sheets: Vec::new(),
        directives: Vec::new(),
        already: 0,
        new_units: Vec::new(),
        new_meetings: Vec::new(),
        problems: Vec::new(),
        document: None,
    };
    match book {
        None => document(store, &stem, &bytes, o, commit, p),
        Some(book) => {
            let mut p = p;
            if o.given_on
                .is_some_and(|d| !crate::date::YEARS.contains(&chrono::Datelike::year(&d)))
            {
                return Err(Error::invalid(
                    crate::error::Field::AssignedOn,
                    crate::error::Rule::OutOfRange,
                ));
            }
            let plan = store.snapshot(|conn| {
                tracker::plan(
                    conn,
                    &book,
                    o.mapping.as_deref(),
                    o.given_on,
                    &o.as_new,
                    &name,
                )
            })?;
            p.hidden_sheets = book.hidden.clone();
            p.sheets = plan.sheets.clone();
            p.already = plan.already;
            p.new_meetings = plan.new_meetings.clone();
            p.new_units = plan.new_units.clone();
            p.problems = plan.problems.clone();
            // The new units the rows written name: a refused row's are not made.
            // (Each named with the row written that made it.)
            let named = |applied: &tracker::Applied| -> Vec<NewUnitPlan> {
                (applied.new_units.iter())
                    .map(|(i, sheet, row)| NewUnitPlan {
                        sheet: sheet.clone(),
                        row: *row,
                        ..p.new_units[*i].clone()
                    })
                    .collect()
            };
            // A unit not in the directory that a row written names stops the import, unless
            // new units are accepted (one a refused row alone names, as the preview shows,
            // does not): the rows are tried first, before any backup is made.
            if commit && !o.create_units && !p.new_units.is_empty() {
                let tried = store.trial(|tx| tracker::apply(tx, &plan, &book))?;
                refuse_unknown(&named(&tried))?;
            }
            // A file that brings nothing new changes nothing: no backup is made for it.
            let backup = if commit && !plan.is_empty() {
                crate::backup::before_import(store)?
            } else {
                None
            };
            let write = |tx: &Tx<'_>| {
                let applied = tracker::apply(tx, &plan, &book)?;
                if commit && !applied.rows.is_empty() {
                    let units = applied.new_units.len();
                    audit(tx, &name, applied.rows.len(), units, backup.as_deref())?;
                }
                Ok(applied)
            };
            let applied = if commit {
                store.write(write)?
            } else {
                store.trial(write)?
            };
            p.new_units = named(&applied);
            p.directives = applied.rows;
            p.problems.extend(applied.problems);
            // Told in the order of the sheets and their rows (a row refused at its writing
            // among those set aside at their reading).
            let sheet_at = |name: &str| book.sheets.iter().position(|g| g.name == name);
            (p.problems).sort_by_key(|q| (sheet_at(&q.sheet), q.row));
            Ok(p)
        }
    }
}

/// The most text a document brought in may hold (a thousand pages).
const DOCUMENT_TEXT: usize = 2 << 20;

fn refuse_unknown(new_units: &[NewUnitPlan]) -> Result<()> {
    match new_units.first() {
        Some(first) => Err(Error::Intake(IntakeProblem::UnknownUnit {
            sheet: first.sheet.clone(),
            row: first.row,
            name: first.name.clone(),
            count: new_units.len() as u32,
        })),
        None => Ok(()),
    }
}

/// One entry of the audit history for the whole import (each record made has its own).
/// Notes an import that changed something, in the history and in the log that lets the
/// newest import be undone (with the backup made before it, when there is one).
fn audit(
    tx: &Tx<'_>,
    file: &str,
    directives: usize,
    units: usize,
    backup: Option<&Path>,
) -> Result<()> {
    let id = crate::record::new_id();
    tx.audit(
        "intake",
        id,
        "import",
        serde_json::json!({ "file": file, "directives": directives, "new_units": units }),
    )?;
    if let Some(backup) = backup {
        let seq: i64 = tx.query_row("SELECT max(seq) FROM audit", [], |r| r.get(0))?;
        tx.execute(
            "INSERT INTO intake_log (id, file_name, at, backup_path, audit_seq) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![id, file, crate::store::value::ts(tx.now()), backup.to_string_lossy(), seq],
        )?;
    }
    Ok(())
}

/// What a proposal of another copy of a notice says otherwise than the directive held.
fn differs_from_held(prop: &crate::extract::Proposal, here: &crate::directive::Directive) -> Words {
    let shown = |d: Option<NaiveDate>| d.map_or_else(|| "—".to_string(), crate::date::format);
    let (due_vi, due_en) = if prop.deadline == here.deadline {
        (String::new(), String::new())
    } else {
        (
            format!(
                "; thời hạn ở bản này {}, Giao Ban đang ghi {}",
                shown(prop.deadline),
                shown(here.deadline)
            ),
            format!(
                "; due {} in this copy, {} in Giao Ban",
                shown(prop.deadline),
                shown(here.deadline)
            ),
        )
    };
    Words {
        vi: format!(
            "Nhiệm vụ “{}” đã có từ bản trước của văn bản này, với lời “{}”{due_vi}: không tạo lại; hãy sửa trong Giao Ban nếu cần.",
            prop.content, here.content
        ),
        en: format!(
            "The directive “{}” is held from an earlier copy of this document, worded “{}”{due_en}: not made again; correct it in Giao Ban if needed.",
            prop.content, here.content
        ),
    }
}

fn document(
    store: &mut Store,
    stem: &str,
    bytes: &[u8],
    o: &Options,
    commit: bool,
    mut p: Preview,
) -> Result<Preview> {
    let parts = docx::parts(bytes)?;
    // A notice or minutes is a few pages; its text is bounded as the extractor's input is.
    if parts.text.len() > DOCUMENT_TEXT {
        return Err(Error::Intake(IntakeProblem::TooLarge {
            limit_mib: (DOCUMENT_TEXT >> 20) as u32,
        }));
    }
    let doc = docx::read(store.conn(), &parts, stem)?;
    if doc.already {
        // Its directives held: those it gave a unit to (a document of none: the document).
        let given = doc.proposals.iter().filter(|x| {
            x.lead_unit
                .as_ref()
                .is_some_and(|u| u.id.is_some() || !tracker::not_a_unit(&u.name))
        });
        p.already = given.count().max(1) as u32;
        p.document = Some(doc);
        return Ok(p);
    }
    // The same meeting brought in before from another copy of its notice (saved again by
    // another program, a word corrected): its directives held are not made again, and new
    // ones join that meeting.
    let day = doc.date.unwrap_or_else(crate::date::today);
    let held_meeting = tracker::held(store.conn(), &doc.title, day)?;
    // The office's own notice or minutes keeps its number in the register (so the next one
    // made here follows it); a number given to another document is told, not taken.
    let numbered = own_number(store.conn(), &doc, day)?;
    if let Some((kind, year, n, false)) = &numbered {
        p.problems.push(RowProblem {
            sheet: p.file_name.clone(),
            row: 0,
            column: None,
            field: None,
            skipped: false,
            held: false,
            message: Words {
                vi: format!("Số {n:02}/{} năm {year} đã ghi cho văn bản khác: cuộc họp nhập vào không mang số này.", kind.code()),
                en: format!("Number {n:02}/{} of {year} is another document's: the meeting brought in does not take it.", kind.code()),
            },
        });
    }
    // Each proposal's units: the directory's, a new one, or (a group) none.
    let mut new_units: Vec<NewUnitPlan> = Vec::new();
    // Each accepted directive, and the proposal whose new units it takes once made.
    let mut items: Vec<(Accepted, Option<usize>)> = Vec::new();
    match &o.accepted {
        Some(accepted) => items.extend(accepted.iter().map(|a| (a.clone(), None))),
        None => {
            // A proposal set aside, and why.
            let aside = |i: usize, field: Column, message: Words| RowProblem {
                sheet: p.file_name.clone(),
                row: i as u32 + 1,
                column: None,
                field: Some(field),
                skipped: true,
                held: false,
                message,
            };
            let mut set_aside = Vec::new();
            for (i, prop) in doc.proposals.iter().enumerate() {
                let Some(lead) = prop
                    .lead_unit
                    .as_ref()
                    .filter(|u| u.id.is_some() || !tracker::not_a_unit(&u.name))
                else {
                    set_aside.push(aside(
                        i,
                        Column::Lead,
                        Words {
                            vi: format!(
                                "Nhiệm vụ “{}” chưa có đơn vị chủ trì; hãy chọn khi xem lại.",
                                prop.content
                            ),
                            en: format!(
                                "The directive “{}” has no lead unit; choose one when reviewing.",
                                prop.content
                            ),
                        },
                    ));
                    continue;
                };
                // Held (with a word changed, perhaps, or another deadline): not made again,
                // and what differs is told.
                if let (Some(unit), Some(_)) = (lead.id, held_meeting)
                    && let Some(here) =
                        tracker::nearly_held(store.conn(), &prop.content, unit, day)?
                {
                    // Counted once: held as it is, or told as it differs.
                    if tracker::same_words(&here.content, &prop.content)
                        && here.deadline == prop.deadline
                    {
                        p.already += 1;
                        continue;
                    }
                    set_aside.push(aside(i, Column::Content, differs_from_held(prop, &here)));
                    continue;
                }
                // A task an earlier notice gave the unit with this deadline, still open (a weekly
                // notice repeating what is unfinished): told, not made twice.
                if let Some(unit) = lead.id
                    && let Some((_, on)) =
                        tracker::still_open(store.conn(), unit, &prop.content, prop.deadline)?
                {
                    set_aside.push(aside(
                        i,
                        Column::Content,
                        Words {
                            vi: format!(
                                "Nhiệm vụ “{}” đã giao cho “{}” ngày {} với cùng thời hạn và chưa hoàn thành: không tạo nhiệm vụ thứ hai.",
                                prop.content,
                                lead.name,
                                crate::date::format(on)
                            ),
                            en: format!(
                                "The directive “{}” was given to “{}” on {} with the same deadline and is not done: no second directive is made.",
                                prop.content,
                                lead.name,
                                crate::date::format(on)
                            ),
                        },
                    ));
                    continue;
                }
                // Held with another lead unit (this copy names another): told, not made twice.
                if let (Some(unit), Some(meeting)) = (lead.id, held_meeting)
                    && let Some((_, here)) =
                        tracker::led_by_another(store.conn(), meeting, unit, &prop.content)?
                {
                    set_aside.push(aside(
                        i,
                        Column::Lead,
                        Words {
                            vi: format!(
                                "Nhiệm vụ “{}” đã có trong cuộc họp với đơn vị chủ trì “{here}”; bản này ghi “{}”: không tạo nhiệm vụ thứ hai. Nếu đã đổi, hãy sửa trong Giao Ban.",
                                prop.content, lead.name
                            ),
                            en: format!(
                                "The directive “{}” is held in the meeting with the lead unit “{here}”; this copy names “{}”: no second directive is made. If it changed, edit it in Giao Ban.",
                                prop.content, lead.name
                            ),
                        },
                    ));
                    continue;
                }
                // A name several units of the directory answer to ("Phòng Văn hóa và Thông
                // tin", the Phòng of each district) is none of them, nor a new one: told.
                let ambiguous = std::iter::once(lead)
                    .chain(&prop.coordinating_units)
                    .filter(|u| u.id.is_none())
                    .find_map(|u| {
                        match unit::resolve(store.conn(), &u.name, crate::error::Field::LeadUnit) {
                            Err(Error::Invalid {
                                rule: crate::error::Rule::Ambiguous { candidates, .. },
                                ..
                            }) => Some((u.name.clone(), candidates)),
                            _ => None,
                        }
                    });
                if let Some((name, candidates)) = ambiguous {
                    set_aside.push(aside(
                        i,
                        Column::Lead,
                        Words {
                            vi: format!(
                                "Nhiệm vụ “{}”: “{name}” khớp với nhiều đơn vị ({}); hãy chọn khi xem lại.",
                                prop.content,
                                candidates.join("; ")
                            ),
                            en: format!(
                                "The directive “{}”: “{name}” matches several units ({}); choose one when reviewing.",
                                prop.content,
                                candidates.join("; ")
                            ),
                        },
                    ));
                    continue;
                }
                let mut unknown = false;
                for u in std::iter::once(lead).chain(&prop.coordinating_units) {
                    if u.id.is_none() && !tracker::not_a_unit(&u.name) {
                        unknown = true;
                        if !new_units
                            .iter()
                            .any(|n| crate::text::words(&n.name) == crate::text::words(&u.name))
                        {
                            new_units.push(NewUnitPlan {
                                name: u.name.clone(),
                                short: None,
                                sheet: p.file_name.clone(),
                                row: i as u32 + 1,
                            });
                        }
                    }
                }
                items.push((
                    Accepted {
                        content: prop.content.clone(),
                        conclusion_id: None,
                        lead_unit_id: lead.id.unwrap_or_default(),
                        coordinating_unit_ids: prop
                            .coordinating_units
                            .iter()
                            .filter_map(|u| u.id)
                            .collect(),
                        deadline: prop.deadline,
                        allow_deadline_before_meeting: false,
                    },
                    unknown.then_some(i),
                ));
            }
            p.problems.extend(set_aside);
        }
    }
    // Text formatted hidden is not read, and said so.
    for words in &parts.hidden {
        let words: String = words.chars().take(200).collect();
        p.problems.push(RowProblem {
            sheet: p.file_name.clone(),
            row: 0,
            column: None,
            field: None,
            skipped: true,
            held: false,
            message: Words {
                vi: format!("Chữ ẩn trong văn bản (Word không hiện, không in): “{words}”; không đọc. Nếu là nhiệm vụ, hãy bỏ ẩn rồi nhập lại."),
                en: format!("Hidden text in the document (Word neither shows nor prints it): “{words}”; not read. If it is a directive, unhide it and import again."),
            },
        });
    }
    // The conclusion lines that gave no directive are shown, none dropped unseen.
    if o.accepted.is_none() {
        for (paragraph, line) in &doc.set_aside {
            p.problems.push(RowProblem {
                sheet: p.file_name.clone(),
                row: *paragraph,
                column: None,
                field: None,
                skipped: true,
                held: false,
                message: Words {
                    vi: format!("Không phải nhiệm vụ: “{line}”; nếu là nhiệm vụ, hãy nhập tay."),
                    en: format!("Not a directive: “{line}”; enter it by hand if it is one."),
                },
            });
        }
    }
    p.new_units = new_units;
    // The document's own meeting, made with it (on the day it states, else today).
    if held_meeting.is_none() {
        p.new_meetings = vec![NewMeetingPlan {
            title: doc.title.clone(),
            date: day,
        }];
    }
    if commit && !o.create_units {
        refuse_unknown(&p.new_units)?;
    }
    let (proposals, new_names) = (&doc.proposals, &p.new_units);
    let name = p.file_name.clone();
    let backup = if commit {
        crate::backup::before_import(store)?
    } else {
        None
    };
    let write = |tx: &Tx<'_>| -> Result<Vec<TrackerRow>> {
        let mut made = std::collections::HashMap::new();
        for n in new_names {
            let u = unit::create(
                tx,
                NewUnit {
                    name: n.name.clone(),
                    short_name: None,
                    code: None,
                    kind: unit::UnitKind::Other,
                    parent_id: None,
                    sort_order: 1000,
                },
            )?;
            made.insert(crate::text::words(&n.name), u.id);
        }
        let meeting_id = match held_meeting {
            Some(id) => {
                // This copy too is known from now on.
                tracker::remember(tx, &docx::key(&doc.text), id, None)?;
                id
            }
            None => docx::meeting(tx, &doc)?,
        };
        if let (Some((kind, year, n, true)), None) = (&numbered, held_meeting) {
            crate::document::register::correct(tx, *kind, *year, meeting_id, *n)?;
        }
        let mut accepted = Vec::new();
        for (item, with_new) in &items {
            let mut a = item.clone();
            if let Some(prop) = with_new.and_then(|i| proposals.get(i)) {
                if let Some(lead) = &prop.lead_unit
                    && lead.id.is_none()
                {
                    a.lead_unit_id = made[&crate::text::words(&lead.name)];
                }
                for u in &prop.coordinating_units {
                    if u.id.is_none()
                        && let Some(id) = made.get(&crate::text::words(&u.name))
                    {
                        a.coordinating_unit_ids.push(*id);
                    }
                }
            }
            accepted.push(a);
        }
        let directives = proposal::accept(tx, meeting_id, accepted)?;
        if held_meeting.is_none() {
            tracker::close(tx, meeting_id)?;
        }
        if commit {
            audit(
                tx,
                &name,
                directives.len(),
                new_names.len(),
                backup.as_deref(),
            )?;
        }
        let mut rows = Vec::with_capacity(directives.len());
        for (k, d) in directives.into_iter().enumerate() {
            let mut coordinating = Vec::new();
            for c in &d.coordinating_unit_ids {
                coordinating.push(unit::get(tx, *c)?.name);
            }
            rows.push(TrackerRow {
                sheet: name.clone(),
                row: k as u32 + 1,
                lead_unit: unit::get(tx, d.lead_unit_id)?.name,
                lead_unit_new: made.values().any(|id| *id == d.lead_unit_id),
                coordinating_units: coordinating,
                source: doc.title.clone(),
                assigned_on: d.assigned_on,
                deadline: d.deadline,
                extended_from: None,
                status: d.status,
                completed_on: d.completed_on,
                directing_leader: None,
                directive_id: d.id,
                content: d.content,
            });
        }
        Ok(rows)
    };
    p.directives = if commit {
        store.write(write)?
    } else {
        store.trial(write)?
    };
    p.document = Some(doc);
    Ok(p)
}
