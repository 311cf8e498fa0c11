//! A tracker's sheets as grids of cells: workbooks through calamine (formulas by their
//! cached value, one without a value an error, dates as dates), CSV through `csv` (UTF-8 with or without its BOM, UTF-16 LE
//! with its BOM, else Windows-1252). Hidden sheets are left out and named. Text typed in
//! TCVN3 or VNI is converted column by column ([`super::legacy`]).

use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible};
use chrono::NaiveDate;

use super::kind::{FileKind, limits};
use super::legacy::{self, Encoding, Evidence};
use super::struck::Parted;
use crate::error::{Error, IntakeProblem, Result};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number (an Excel serial date stays a number until its column says it is a date).
    Number(f64),
    /// A cell formatted as a date.
    Date(NaiveDate),
    /// A formula's error (`#REF!`…), or a formula saved without its value.
    Error,
}

impl Cell {
    /// The cell as text: numbers without a needless `.0`, dates as dd/mm/yyyy.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty | Cell::Error => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => crate::date::format(*d),
        }
    }

    /// Whether the cell holds nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.is_empty(),
            _ => false,
        }
    }
}

/// One sheet.
#[derive(Debug, Clone)]
pub struct Grid {
    /// The sheet's name.
    pub name: String,
    /// Its rows, from the spreadsheet's row `first_row` (0-based) and column `first_col`.
    pub rows: Vec<Vec<Cell>>,
    /// Spreadsheet row of `rows[0]` (0-based).
    pub first_row: u32,
    /// Spreadsheet column of each row's first cell (0-based).
    pub first_col: u32,
    /// The legacy encoding most of its text was converted from, if any.
    pub encoding: Encoding,
    /// Its hidden rows (spreadsheet rows from 0), as an .xlsx, .xls or .ods says them.
    pub hidden: Vec<u32>,
    /// Its hidden columns (spreadsheet columns from 0), as an .xlsx, .xls or .ods says them.
    pub hidden_columns: Vec<u32>,
    /// Its cells holding a value struck through whole (spreadsheet row and column from 0, in
    /// order), as an .xlsx, .xls or .ods says them.
    pub struck: Vec<(u32, u32)>,
    /// The words struck through inside its cells (spreadsheet row and column from 0), left
    /// out of the cell's text, as an .xlsx, .xls or .ods says them.
    pub struck_words: Vec<(u32, u32, String)>,
}

impl Grid {
    /// A grid of texts (an empty text is an empty cell), from its first row and column: a
    /// DOCX table read as a tracker's.
    pub fn of_texts<S: AsRef<str>, R: AsRef<[S]>>(name: &str, rows: &[R]) -> Grid {
        let cell = |t: &S| match t.as_ref() {
            "" => Cell::Empty,
            t => Cell::Text(t.to_string()),
        };
        Grid {
            name: name.to_string(),
            rows: rows
                .iter()
                .map(|r| r.as_ref().iter().map(cell).collect())
                .collect(),
            first_row: 0,
            first_col: 0,
            encoding: Encoding::Unicode,
            hidden: Vec::new(),
            hidden_columns: Vec::new(),
            struck: Vec::new(),
            struck_words: Vec::new(),
        }
    }

    /// Leaves the words crossed out inside cells (a unit or a deadline, another written
    /// beside it) out of their text, noting them.
    fn leave_out_struck_words(&mut self, words: Vec<((u32, u32), Parted)>) {
        for ((row, col), Parted { kept, struck, .. }) in words {
            let at = (
                row.checked_sub(self.first_row),
                col.checked_sub(self.first_col),
            );
            let (Some(i), Some(j)) = at else { continue };
            let cell = self
                .rows
                .get_mut(i as usize)
                .and_then(|r| r.get_mut(j as usize));
            if let Some(cell @ Cell::Text(_)) = cell {
                *cell = Cell::Text(kept.trim().to_string());
                self.struck_words
                    .push((row, col, struck.trim().to_string()));
            }
        }
    }

    /// The text of the cell at spreadsheet row and column `at` (from 0), if it holds one.
    fn text_at(&self, (row, col): (u32, u32)) -> Option<&str> {
        let (i, j) = (
            row.checked_sub(self.first_row)?,
            col.checked_sub(self.first_col)?,
        );
        match self.rows.get(i as usize)?.get(j as usize)? {
            Cell::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The spreadsheet's number for row `i` of the grid (1-based, as Excel shows it).
    pub fn row_number(&self, i: usize) -> u32 {
        self.first_row + i as u32 + 1
    }

    /// Whether column `j` of the grid is hidden.
    pub fn column_hidden(&self, j: usize) -> bool {
        self.hidden_columns.contains(&(self.first_col + j as u32))
    }

    /// The spreadsheet's letters for column `j` of the grid (`A`, `AB`).
    pub fn column_letters(&self, j: usize) -> String {
        let mut n = self.first_col as usize + j + 1;
        let mut out = Vec::new();
        while n > 0 {
            let r = (n - 1) % 26;
            out.push(b'A' + r as u8);
            n = (n - 1) / 26;
        }
        out.reverse();
        String::from_utf8(out).expect("ASCII letters")
    }
}

/// The sheets of a workbook that are read, and those left out.
#[derive(Debug, Clone)]
pub struct Book {
    /// Visible sheets (or the one asked for).
    pub sheets: Vec<Grid>,
    /// Hidden sheets, not read.
    pub hidden: Vec<String>,
    /// A workbook's sheets, known by their names (not a CSV file's one, named after the file).
    pub named: bool,
    /// Visible sheets not read (another was asked for).
    pub left: usize,
}

fn damaged(kind: FileKind) -> Error {
    Error::Intake(IntakeProblem::Damaged {
        kind: kind.name().into(),
    })
}

/// Reads the tracker `bytes` of `kind`; `only` picks one sheet by name; `name` names a CSV's
/// one sheet.
pub fn read(kind: FileKind, bytes: &[u8], only: Option<&str>, name: &str) -> Result<Book> {
    let mut book = match kind {
        FileKind::Csv => Book {
            sheets: vec![csv_grid(bytes, name)?],
            hidden: Vec::new(),
            named: false,
            left: 0,
        },
        FileKind::Xlsx => {
            let mut book = workbook(
                calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes))
                    .map_err(|_| damaged(kind))?,
                kind,
                only,
                xlsx_cells,
            )?;
            let mut marks = super::xlsx::marks(bytes);
            for g in &mut book.sheets {
                let m = marks.remove(&g.name).unwrap_or_default();
                (g.hidden, g.hidden_columns, g.struck) = (m.rows, m.columns, m.struck);
                g.leave_out_struck_words(m.struck_words);
            }
            book
        }
        FileKind::Xls if !xls_within_spread(bytes) => {
            return Err(Error::Intake(IntakeProblem::Inflates));
        }
        // calamine's .xls reader can panic on a malformed record: that is a damaged file.
        FileKind::Xls => {
            let mut book = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                workbook(
                    calamine::open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes))
                        .map_err(|_| damaged(kind))?,
                    kind,
                    only,
                    xls_cells,
                )
            }))
            .map_err(|_| damaged(kind))??;
            let mut marks = super::xls::marks(bytes);
            for g in &mut book.sheets {
                let m = marks.remove(&g.name).unwrap_or_default();
                (g.hidden, g.hidden_columns, g.struck) = (m.rows, m.columns, m.struck);
                // (A cell whose words are all struck, its spaces aside, is struck whole.)
                let mut words = Vec::new();
                for (at, spans) in m.struck_spans {
                    match g.text_at(at).map(|t| Parted::of_spans(t, &spans)) {
                        Some(p) if p.all_struck() => g.struck.push(at),
                        Some(p) if p.any_struck() => words.push((at, p)),
                        _ => {}
                    }
                }
                g.struck.sort_unstable();
                g.leave_out_struck_words(words);
            }
            book
        }
        FileKind::Ods if !super::ods::within_spread(bytes) => {
            return Err(Error::Intake(IntakeProblem::Inflates));
        }
        FileKind::Ods => {
            let mut layout = super::ods::layout(bytes);
            let mut book = workbook(
                calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(bytes))
                    .map_err(|_| damaged(kind))?,
                kind,
                only,
                |wb, name, kind| {
                    let (mut rows, first_row, first_col) = whole_range(wb, name, kind)?;
                    let here = layout.get(name).map_or(&[][..], |l| l.merged.as_slice());
                    carry_down(&mut rows, first_row, first_col, here);
                    Ok((rows, first_row, first_col))
                },
            )?;
            for g in &mut book.sheets {
                let l = layout.remove(&g.name).unwrap_or_default();
                (g.hidden, g.hidden_columns, g.struck) =
                    (l.hidden_rows, l.hidden_columns, l.struck_cells);
                g.leave_out_struck_words(l.struck_words);
            }
            book
        }
        FileKind::Gbx | FileKind::Docx => return Err(damaged(kind)),
    };
    if let (Some(want), FileKind::Csv) = (only, kind)
        && book.sheets.iter().all(|s| s.name != want)
    {
        return Err(Error::Intake(IntakeProblem::NoSuchSheet {
            name: want.into(),
            hidden: false,
            sheets: book.sheets.iter().map(|s| s.name.clone()).collect(),
        }));
    }
    for g in &mut book.sheets {
        convert_legacy(g);
        // No escape or direction override from a file reaches the database or a screen;
        // a cell of only such marks is empty.
        // Letters and their marks composed (a file may hold them apart: "e" + U+0302 +
        // U+0301), as typed text is stored. A spreadsheet's error shown as text (an .ods
        // or a CSV saved from one: "#DIV/0!") is the error it shows.
        for cell in g.rows.iter_mut().flatten() {
            if let Cell::Text(t) = cell {
                // (Letters typed full-width, "Ｓở", as the letters they are.)
                let half: String = (t.chars())
                    .map(|c| match c {
                        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                        '\u{3000}' => ' ',
                        c => c,
                    })
                    .collect();
                let clean = crate::text::composed(crate::text::without_controls(&half));
                let trimmed = clean.trim();
                *cell = if trimmed.is_empty() {
                    Cell::Empty
                } else if SHOWN_ERRORS.contains(&trimmed) {
                    Cell::Error
                } else if trimmed.len() == clean.len() {
                    Cell::Text(clean)
                } else {
                    Cell::Text(trimmed.to_string())
                };
            }
        }
    }
    Ok(book)
}

/// The errors a spreadsheet shows in a cell whose formula fails.
const SHOWN_ERRORS: &[&str] = &[
    "#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "Err:502", "Err:504",
    "Err:508", "Err:522",
];

/// Whether a row counts against the row limit: it holds more than a number alone (a
/// template's STT column numbered by formula far below its last record is not its rows).
fn holds_a_record(row: &[Cell]) -> bool {
    let mut held = row.iter().filter(|c| !c.is_empty());
    match (held.next(), held.next()) {
        (None, _) => false,
        (Some(only), None) => !numeral(only),
        _ => true,
    }
}

/// A number, or text of digits ("12", "12."): what a row's STT cell holds.
fn numeral(cell: &Cell) -> bool {
    match cell {
        Cell::Number(_) => true,
        Cell::Text(t) => {
            let t = t.trim_end_matches('.');
            !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
        }
        _ => false,
    }
}

fn too_many() -> Error {
    Error::Intake(IntakeProblem::TooManyRows {
        limit: limits::ROWS as u32,
    })
}

/// The room above a table (its title block and header) not counted as its rows.
const ABOVE_TABLE: usize = 50;

/// The columns a tracker's table is read from; cells further right (a stray mark in column
/// XFD) are left out.
const COLUMNS: u32 = 64;

/// A sheet's cells: its rows from the first one holding a cell, and where they start.
type Cells = (Vec<Vec<Cell>>, u32, u32);

/// A sheet of a workbook as calamine builds it whole (an .xls or .ods, whose size their
/// format bounds).
fn whole_range<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    wb: &mut R,
    name: &str,
    kind: FileKind,
) -> Result<Cells> {
    let range = wb.worksheet_range(name).map_err(|_| damaged(kind))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .map(|r| trimmed(r.iter().take(COLUMNS as usize).map(cell).collect()))
        .collect();
    Ok((rows, first_row, first_col))
}

/// An .xls sheet whole, its cells merged down a column held in each row they cover (as
/// [`carry_down`] does for an .xlsx).
fn xls_cells(wb: &mut calamine::Xls<Cursor<&[u8]>>, name: &str, kind: FileKind) -> Result<Cells> {
    let (mut rows, first_row, first_col) = whole_range(wb, name, kind)?;
    let merged = wb
        .merge_cells_by_sheet_name(name)
        .map_err(|_| damaged(kind))?;
    carry_down(&mut rows, first_row, first_col, &merged);
    Ok((rows, first_row, first_col))
}

/// A row without its trailing empty cells (a sheet whose last column is far away keeps no
/// empty cells for it).
fn trimmed(mut row: Vec<Cell>) -> Vec<Cell> {
    while row.last() == Some(&Cell::Empty) {
        row.pop();
    }
    row.shrink_to_fit();
    row
}

/// The most a cell holds in Excel (characters; counted here in bytes, which is stricter
/// only for text four times longer than any directive).
const CELL_TEXT: usize = 4 * 32_767;

/// Whether an .xls stays within [`limits::SPREAD`] cells, each sheet counted as the rectangle its
/// cells span (what calamine, which reads every sheet at once, will build): a scan of the
/// cell records of its workbook stream.
fn xls_within_spread(bytes: &[u8]) -> bool {
    // One that cannot be read: calamine says what is wrong with it.
    let Some(data) = super::xls::stream(bytes) else {
        return true;
    };
    let (mut total, mut sheet): (u64, Option<(u32, u32, u32, u32)>) = (0, None);
    let mut continues = 0u32;
    let (mut sst, mut in_sst, mut lengths, mut text): (
        Vec<&[u8]>,
        bool,
        Vec<super::xls::SharedString>,
        u64,
    ) = (Vec::new(), false, Vec::new(), 0);
    let area = |s: Option<(u32, u32, u32, u32)>| {
        s.map_or(0, |(r0, r1, c0, c1)| {
            u64::from(r1 - r0 + 1) * u64::from(c1 - c0 + 1)
        })
    };
    for (kind, body, _) in super::xls::records(&data) {
        // A cell: NUMBER, LABELSST, RK, BLANK, LABEL, BOOLERR, FORMULA, MULRK, MULBLANK.
        let cell = matches!(
            kind,
            0x0203 | 0x00FD | 0x027E | 0x0201 | 0x0204 | 0x0205 | 0x0006 | 0x00BD | 0x00BE
        );
        // CONTINUE records: a real file holds a few; calamine handles each in a way that
        // grows with their number squared.
        if kind == 0x003C {
            continues += 1;
            if continues > 10_000 {
                return false;
            }
        }
        // The shared strings (SST and the CONTINUE records right after it): their lengths,
        // for the cells that point at them.
        if kind == 0x00FC {
            sst = vec![body];
            in_sst = true;
        } else if kind == 0x003C && in_sst {
            sst.push(body);
        } else if in_sst {
            in_sst = false;
            lengths = super::xls::sst_lengths(&sst);
        }
        // LABELSST: calamine copies its string into the cell.
        if kind == 0x00FD && body.len() >= 10 {
            let isst = u32::from_le_bytes([body[6], body[7], body[8], body[9]]) as usize;
            text = text.saturating_add(u64::from(lengths.get(isst).map_or(0, |l| l.0)));
            if text > limits::TEXT {
                return false;
            }
        }
        if kind == 0x0809 {
            total = total.saturating_add(area(sheet.take()));
        } else if kind == 0x0200 && body.len() >= 10 {
            // DIMENSIONS: what calamine reserves before it reads a cell (rows as 32 bits in
            // BIFF8, 16 in BIFF5).
            let u16_at = |k: usize| u64::from(u16::from_le_bytes([body[k], body[k + 1]]));
            let u32_at = |k: usize| {
                u64::from(u32::from_le_bytes([
                    body[k],
                    body[k + 1],
                    body[k + 2],
                    body[k + 3],
                ]))
            };
            let (rows, cols) = if body.len() >= 14 {
                (
                    u32_at(4).saturating_sub(u32_at(0)),
                    u16_at(10).saturating_sub(u16_at(8)),
                )
            } else {
                (
                    u16_at(2).saturating_sub(u16_at(0)),
                    u16_at(6).saturating_sub(u16_at(4)),
                )
            };
            if total.saturating_add(rows.saturating_mul(cols)) > limits::SPREAD {
                return false;
            }
        } else if cell && body.len() >= 4 {
            let row = u32::from(u16::from_le_bytes([body[0], body[1]]));
            let first = u32::from(u16::from_le_bytes([body[2], body[3]]));
            let last = if matches!(kind, 0x00BD | 0x00BE) && body.len() >= 6 {
                u32::from(u16::from_le_bytes([
                    body[body.len() - 2],
                    body[body.len() - 1],
                ]))
            } else {
                first
            };
            sheet = Some(match sheet {
                None => (row, row, first, last.max(first)),
                Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(first), c1.max(last)),
            });
        }
        if total.saturating_add(area(sheet)) > limits::SPREAD {
            return false;
        }
    }
    true
}

/// A sheet of an .xlsx read cell by cell, so a cell placed far away (row 1,048,576, column
/// XFD) costs nothing: rows past the limit are refused before any grid is made, columns
/// past [`COLUMNS`] left out.
fn xlsx_cells(wb: &mut calamine::Xlsx<Cursor<&[u8]>>, name: &str, kind: FileKind) -> Result<Cells> {
    let mut reader = wb.worksheet_cells_reader(name).map_err(|_| damaged(kind))?;
    let mut found: Vec<((u32, u32), Cell)> = Vec::new();
    let mut text = 0u64;
    let mut held = 0usize;
    let (mut row_cells, mut row_counted) = (0usize, false);
    let mut read = 0u64;
    while let Some(c) = reader
        .next_cell_with_formula_metadata()
        .map_err(|_| damaged(kind))?
    {
        // Every cell costs reading, kept or not: a row of millions is refused.
        read += 1;
        if read > limits::SPREAD {
            return Err(Error::Intake(IntakeProblem::Inflates));
        }
        let (row, col) = c.pos;
        // A cell holds at most 32,767 characters in Excel: one longer was not made by it, and
        // one shared string copied into every cell must not fill the memory.
        let len = match &c.value {
            calamine::DataRef::String(s) => s.len(),
            calamine::DataRef::SharedString(s) => s.len(),
            _ => 0,
        };
        if len > CELL_TEXT {
            return Err(damaged(kind));
        }
        text += len as u64;
        if text > limits::TEXT {
            return Err(Error::Intake(IntakeProblem::Inflates));
        }
        // A formula saved without its value (a program wrote it, nothing calculated it) is
        // told as an error, not read as an empty cell.
        let value = match cell(&Data::from(c.value.clone())) {
            Cell::Empty if c.formula.is_some() => Cell::Error,
            v => v,
        };
        if col >= COLUMNS || value == Cell::Empty {
            continue;
        }
        // Rows holding a record, counted as they come (a row is counted once it holds more
        // than its number): a sheet past the limit stops here.
        if found.last().is_none_or(|((r, _), _)| *r != row) {
            (row_cells, row_counted) = (0, false);
        }
        row_cells += 1;
        if !row_counted && (row_cells > 1 || !numeral(&value)) {
            row_counted = true;
            held += 1;
            if held > limits::ROWS + ABOVE_TABLE {
                return Err(too_many());
            }
        }
        found.push(((row, col), value));
    }
    let first_row = found.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
    let first_col = found.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let last_row = found.iter().map(|((r, _), _)| *r).max().unwrap_or(0);
    // Rows as long as their last mark: a row that holds nothing costs nothing.
    let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); (last_row + 1 - first_row) as usize];
    for ((r, c), v) in found {
        let row = &mut rows[(r - first_row) as usize];
        let j = (c - first_col) as usize;
        if row.len() <= j {
            row.resize(j + 1, Cell::Empty);
        }
        row[j] = v;
    }
    drop(reader);
    let merged = wb
        .merge_cells_by_sheet_name(name)
        .map_err(|_| damaged(kind))?;
    carry_down(&mut rows, first_row, first_col, &merged);
    Ok((rows, first_row, first_col))
}

/// Cells merged down one column ("Văn bản giao" over three rows) hold their value in each
/// row, as the sheet shows it; merges across columns (a title, a parent header) are left.
fn carry_down(
    rows: &mut [Vec<Cell>],
    first_row: u32,
    first_col: u32,
    merged: &[calamine::Dimensions],
) {
    for m in merged {
        let ((top, col), (bottom, last_col)) = (m.start, m.end);
        if col != last_col || bottom <= top || top < first_row || col < first_col {
            continue;
        }
        let (top, j) = ((top - first_row) as usize, (col - first_col) as usize);
        let Some(value) = rows
            .get(top)
            .and_then(|r| r.get(j))
            .filter(|c| !c.is_empty())
            .cloned()
        else {
            continue;
        };
        let bottom = ((bottom - first_row) as usize).min(rows.len().saturating_sub(1));
        for row in &mut rows[top + 1..=bottom] {
            if row.len() <= j {
                row.resize(j + 1, Cell::Empty);
            }
            if row[j].is_empty() {
                row[j] = value.clone();
            }
        }
    }
}

fn workbook<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(
    mut wb: R,
    kind: FileKind,
    only: Option<&str>,
    cells: impl Fn(&mut R, &str, FileKind) -> Result<Cells>,
) -> Result<Book> {
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    // A sheet asked for by name, case, marks and spacing aside ("nam 2024" is "Năm 2024");
    // a hidden one is named as such, not read.
    let same = |a: &str, b: &str| crate::text::words(a) == crate::text::words(b);
    let only = match only {
        Some(want) => match meta.iter().find(|(n, _)| same(n, want)) {
            Some((n, true)) => Some(n.clone()),
            Some((_, false)) => {
                return Err(Error::Intake(IntakeProblem::NoSuchSheet {
                    name: want.into(),
                    hidden: true,
                    sheets: Vec::new(),
                }));
            }
            None => {
                return Err(Error::Intake(IntakeProblem::NoSuchSheet {
                    name: want.into(),
                    hidden: false,
                    sheets: meta
                        .iter()
                        .filter(|(_, visible)| *visible)
                        .map(|(n, _)| n.clone())
                        .collect(),
                }));
            }
        },
        None => None,
    };
    let only = only.as_deref();
    let mut book = Book {
        sheets: Vec::new(),
        hidden: meta
            .iter()
            .filter(|(_, v)| !v)
            .map(|(n, _)| n.clone())
            .collect(),
        named: true,
        left: 0,
    };
    let mut rows = 0;
    for (name, visible) in &meta {
        if !visible {
            continue;
        }
        if only.is_some_and(|w| w != name) {
            book.left += 1;
            continue;
        }
        let (grid, first_row, first_col) = cells(&mut wb, name, kind)?;
        // The room above a table is forgiven once for the whole workbook, not per sheet;
        // rows that hold nothing are not counted.
        rows += grid.iter().filter(|r| holds_a_record(r)).count();
        if rows > limits::ROWS + ABOVE_TABLE {
            return Err(too_many());
        }
        book.sheets.push(Grid {
            name: name.clone(),
            rows: grid,
            first_row,
            first_col,
            encoding: Encoding::Unicode,
            hidden: Vec::new(),
            hidden_columns: Vec::new(),
            struck: Vec::new(),
            struck_words: Vec::new(),
        });
    }
    Ok(book)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.trim().to_string()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "x".into() } else { String::new() }),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or(Cell::Error, Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Error,
    }
}

/// A text file's text (a CSV file, a meeting's text given to `giaoban extract`): UTF-16 LE
/// or UTF-8 (their BOMs dropped), else Windows-1252 or Windows-1258.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        // Mostly UTF-8 with a stray byte (a dash pasted from another program): UTF-8, the
        // byte shown as "�" where it was, not the whole file read as Windows-1252.
        Err(_) if mostly_utf8(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => {
            // Text of one byte a letter: TCVN3 or VNI read through Windows-1252 (converted
            // later, by column), else Vietnamese Windows' own code page, Windows-1258 (tones
            // as combining marks, composed here).
            let latin = legacy::from_cp1252(bytes);
            let (text, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
            use unicode_normalization::UnicodeNormalization;
            let vietnamese: String = text.nfc().collect();
            let legacy_reading = match legacy::detect(latin.lines()) {
                Some(e) if e != legacy::Encoding::Unicode => legacy::convert(&latin, e),
                _ => latin.clone(),
            };
            if common_words(&vietnamese) > common_words(&legacy_reading) {
                vietnamese
            } else {
                latin
            }
        }
    }
}

/// How many of `text`'s words are among the commonest of a tracker in Vietnamese: the
/// reading of unknown bytes that makes the most of them is the one meant.
fn common_words(text: &str) -> usize {
    const COMMON: &[&str] = &[
        "nội", "dung", "đơn", "vị", "và", "các", "của", "thực", "hiện", "nhiệm", "vụ", "tháng",
        "năm", "ngày", "phòng", "chủ", "trì", "thời", "hạn", "giao", "kế", "hoạch", "báo", "cáo",
        "số", "sở", "công", "tác", "hoàn", "thành", "phối", "hợp", "văn", "bản",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| COMMON.contains(&w.to_lowercase().as_str()))
        .count()
}

/// Whether `bytes` hold many more UTF-8 letters of two bytes or more than bytes that are
/// not UTF-8 (Windows-1252 text almost never forms such letters by chance).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut letters, mut stray) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        letters += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        stray += chunk.invalid().len();
    }
    letters >= 4 * stray.max(1)
}

/// The separator: of `,` `;` and tab outside quotes, the one a line of the first thirty holds
/// most of (the header's, whatever title lines stand above it).
fn delimiter(text: &str) -> u8 {
    // The header may sit under a title line with no separator, or one with a comma: each
    // candidate is judged by the line where it is most frequent among the first ones.
    let mut best = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    for line in text.lines().take(30) {
        let mut quoted = false;
        let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
        for c in line.bytes() {
            if c == b'"' {
                quoted = !quoted;
            } else if !quoted && let Some(k) = counts.iter_mut().find(|(d, _)| *d == c) {
                k.1 += 1;
            }
        }
        for (b, c) in best.iter_mut().zip(counts) {
            b.1 = b.1.max(c.1);
        }
    }
    best.iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

fn csv_grid(bytes: &[u8], name: &str) -> Result<Grid> {
    let text = decode(bytes);
    let delimiter = delimiter(&text);
    // A quote opened and never closed would take every row after it into one cell.
    if let Some(row) = quote_left_open(&text, delimiter) {
        return Err(Error::Intake(IntakeProblem::QuoteNotClosed { row }));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut held = 0usize;
    let mut record = csv::StringRecord::new();
    loop {
        // Blank lines are rows too, as a spreadsheet opens the file (the rows told keep
        // their numbers, and a blank line parts a task from the lines after it).
        let resumes_at = reader.position().line();
        if !reader
            .read_record(&mut record)
            .map_err(|_| damaged(FileKind::Csv))?
        {
            break;
        }
        // The lines read beyond the record's own (its line, and those inside its quotes).
        let own = 1 + record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        let blank = (reader.position().line() - resumes_at).saturating_sub(own);
        if blank > limits::ROWS as u64 {
            return Err(too_many());
        }
        rows.extend((0..blank).map(|_| Vec::new()));
        // A cell holding lines that read as rows of their own ("2;Việc hai;VP;…": a number,
        // then a cell for each column): a quote opened in it and closed rows later. Not a
        // line of a cell's own text that holds commas ("- Rà soát, đánh giá, tổng hợp").
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(3);
        let row_like = |l: &str| {
            let cells: Vec<&str> = l.split(delimiter as char).collect();
            let numbered = cells[0].trim().trim_end_matches('.').parse::<u32>().is_ok();
            numbered && cells.len() >= width
        };
        let runs_on = record.iter().any(|f| f.lines().skip(1).any(row_like));
        if runs_on {
            return Err(Error::Intake(IntakeProblem::QuoteNotClosed {
                row: rows.len() as u32 + 1,
            }));
        }
        rows.push(trimmed(
            record
                .iter()
                .take(COLUMNS as usize)
                .map(|s| {
                    let s = s.trim();
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_string())
                    }
                })
                .collect(),
        ));
        if rows.last().is_some_and(|r| holds_a_record(r)) {
            held += 1;
            if held > limits::ROWS + ABOVE_TABLE {
                return Err(too_many());
            }
        }
    }
    Ok(Grid {
        name: name.to_string(),
        rows,
        first_row: 0,
        first_col: 0,
        encoding: Encoding::Unicode,
        hidden: Vec::new(),
        hidden_columns: Vec::new(),
        struck: Vec::new(),
        struck_words: Vec::new(),
    })
}

/// The row where a quote that opens a cell is left open to the end of the file, if one is
/// (a quote inside a cell, `màn hình 27"`, is a character of it, as a spreadsheet reads it).
fn quote_left_open(text: &str, delimiter: u8) -> Option<u32> {
    let (mut inside, mut opened, mut line, mut at_start) = (false, 0u32, 1u32, true);
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if inside {
            match b {
                b'"' if bytes.peek() == Some(&b'"') => {
                    bytes.next();
                }
                b'"' => inside = false,
                b'\n' => line += 1,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' if at_start => {
                inside = true;
                opened = line;
            }
            b'\n' => {
                line += 1;
                at_start = true;
                continue;
            }
            b' ' | b'\r' if at_start => continue,
            _ => {}
        }
        at_start = b == delimiter;
    }
    inside.then_some(opened)
}

/// Converts the text of each column typed in a legacy encoding, decided over the whole
/// column; a column whose text says nothing either way follows the sheet as a whole.
fn convert_legacy(g: &mut Grid) {
    let width = g.rows.iter().map(Vec::len).max().unwrap_or(0);
    // What each text cell shows, read once.
    let shown: Vec<Vec<Option<Evidence>>> = g
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Cell::Text(t) => Some(Evidence::of(t)),
                    _ => None,
                })
                .collect()
        })
        .collect();
    // What the texts of column `j` (all columns for `None`) show of how the sheet was typed.
    // A title and a header typed in Unicode over rows typed in TCVN3 (a template filled in an
    // old font) say nothing of the rows: when no more than three rows hold letters only
    // Unicode has, those rows are left out.
    let pooled = |j: Option<usize>| -> Evidence {
        let rows: Vec<Evidence> = shown
            .iter()
            .filter_map(|r| match j {
                Some(j) => r.get(j).copied().flatten(),
                None => r.iter().flatten().copied().reduce(|a, b| a + b),
            })
            .collect();
        let few = rows.iter().filter(|e| e.unicode()).count() <= 3;
        rows.into_iter().filter(|e| !(few && e.unicode())).sum()
    };
    let sheet = pooled(None).decide().unwrap_or_default();
    // Each column's own reading, and what it is read in (the sheet's, when it says nothing).
    let own: Vec<Option<Encoding>> = (0..width).map(|j| pooled(Some(j)).decide()).collect();
    let columns: Vec<Encoding> = own.iter().map(|e| e.unwrap_or(sheet)).collect();
    let mut converted = [0usize; 3];
    for (row, shown) in g.rows.iter_mut().zip(&shown) {
        let together: Evidence = shown.iter().flatten().copied().sum();
        // A row typed in Unicode (a header over rows typed in TCVN3: "Ghi chú" is not
        // "Ghi chỳ") keeps the cells that show no legacy font by themselves.
        let unicode_row = together.unicode();
        // A row whose cells show a legacy font taken together was typed in it.
        let row_font = if unicode_row { None } else { together.own() };
        for (j, (cell, e)) in row.iter_mut().zip(shown).enumerate() {
            let (Cell::Text(t), Some(e)) = (cell, e) else {
                continue;
            };
            if e.unicode() {
                continue;
            }
            // A cell that shows its font by itself is read in it (rows pasted from an old
            // file into a sheet typed in Unicode); the others follow their column.
            let enc = match e.own() {
                Some(e) => e,
                // In a row typed in Unicode, a cell of a column typed in a legacy font that
                // shows a sign of it (a unit's short name, "Thanh tra Së") is in it too.
                None if unicode_row => match own[j] {
                    Some(enc) if e.shows(enc) => enc,
                    // A cell pasted alone from an old file, shown by its words.
                    _ => match legacy::lone_font(t, e) {
                        Some(enc) => enc,
                        None => continue,
                    },
                },
                None => row_font.unwrap_or(columns[j]),
            };
            if enc != Encoding::Unicode {
                // (A foreign name that only looks so is left as typed: "Zoë", "Peña".)
                let read = legacy::convert(t, enc);
                // (A text it leaves as it was says nothing of the sheet's encoding.)
                if read != *t && legacy::reads_as_vietnamese(t, &read) {
                    converted[enc as usize] += 1;
                    *t = read;
                }
            }
        }
    }
    g.encoding = if converted[Encoding::Tcvn3 as usize] >= converted[Encoding::Vni as usize] {
        if converted[Encoding::Tcvn3 as usize] > 0 {
            Encoding::Tcvn3
        } else {
            Encoding::Unicode
        }
    } else {
        Encoding::Vni
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_never_closed_is_told() {
        let text = "STT,Nội dung,Chủ trì\n1,\"Rà soát,VP\n2,Báo cáo,VP\n";
        assert!(csv_grid(text.as_bytes(), "S").is_err());
        let fine = "STT,Nội dung,Chủ trì\n1,\"Rà soát, báo cáo\",VP\n";
        assert_eq!(csv_grid(fine.as_bytes(), "S").unwrap().rows.len(), 2);
        // Closed rows later: the rows between read as one cell.
        let late = "STT,Nội dung,Chủ trì\n1,\"Rà soát,VP\n2,Báo cáo,VP\n3,Kiểm tra\",VP\n";
        assert!(csv_grid(late.as_bytes(), "S").is_err());
        // A cell of several lines, commas in them, as a spreadsheet saves it.
        let lines = "STT,Nội dung,Chủ trì\n1,\"Triển khai Kế hoạch số 12/KH-STTTT:\n- Rà soát, đánh giá, tổng hợp, báo cáo kết quả\",\"Phòng Nội vụ\nVăn phòng Sở, Thanh tra Sở, UBND xã Bản Cầm\"\n";
        let g = csv_grid(lines.as_bytes(), "S").unwrap();
        assert_eq!(g.rows.len(), 2);
        assert!(matches!(&g.rows[1][2], Cell::Text(t) if t.ends_with("UBND xã Bản Cầm")));
    }

    #[test]
    fn the_separator_is_the_header_s_under_any_title() {
        let titled = "BẢNG THEO DÕI NHIỆM VỤ\nSTT;Nội dung;Chủ trì;Ngày giao\n1;a;b;c\n";
        assert_eq!(delimiter(titled), b';');
        let comma_title = "Theo dõi, đôn đốc nhiệm vụ\nSTT;Nội dung;Chủ trì\n";
        assert_eq!(delimiter(comma_title), b';');
        assert_eq!(delimiter("STT\tNội dung\tChủ trì\n"), b'\t');
        assert_eq!(delimiter("STT,Nội dung,Chủ trì\n"), b',');
    }

    #[test]
    fn csv_in_every_text_encoding_offices_save() {
        let text = "STT;Nội dung;Chủ trì\n1;\"Rà soát, báo cáo\";Văn phòng\n";
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        for bytes in [text.as_bytes().to_vec(), bom, utf16] {
            let g = csv_grid(&bytes, "CSV").unwrap();
            assert_eq!(g.rows[0][1], Cell::Text("Nội dung".into()));
            assert_eq!(g.rows[1][1], Cell::Text("Rà soát, báo cáo".into()));
        }
    }

    #[test]
    fn a_tcvn3_column_is_converted_whole() {
        let mut g = Grid {
            name: "2024".into(),
            rows: vec![
                vec![Cell::Text("STT".into()), Cell::Text("Néi dung".into())],
                vec![Cell::Number(1.0), Cell::Text("B¸o c¸o kÕt qu¶".into())],
                vec![Cell::Number(2.0), Cell::Text("Phßng KÕ ho¹ch".into())],
            ],
            first_row: 0,
            first_col: 0,
            encoding: Encoding::Unicode,
            hidden: Vec::new(),
            hidden_columns: Vec::new(),
            struck: Vec::new(),
            struck_words: Vec::new(),
        };
        convert_legacy(&mut g);
        assert_eq!(g.rows[1][1], Cell::Text("Báo cáo kết quả".into()));
        assert_eq!(g.rows[0][0], Cell::Text("STT".into()));
        assert_eq!(g.encoding, Encoding::Tcvn3);
        assert_eq!(g.column_letters(27), "AB");
        // A sheet in Unicode whose foreign words only look like a legacy font is Unicode.
        let mut g = Grid::of_texts(
            "Theo dõi",
            &[
                ["STT", "Nội dung nhiệm vụ", "Văn bản giao", "Ghi chú"],
                [
                    "1",
                    "Prepare the Noël market with Zoë's team",
                    "TB 30/TB-STTTT",
                    "Zoë",
                ],
                [
                    "2",
                    "Crème brûlée façade à la carte",
                    "TB 30/TB-STTTT",
                    "Noël",
                ],
                [
                    "3",
                    "Naïve Bayes pilot for déjà vu reports",
                    "Báo Lào Cai",
                    "In progress",
                ],
            ],
        );
        convert_legacy(&mut g);
        assert_eq!(g.encoding, Encoding::Unicode);
        assert_eq!(
            g.rows[2][1],
            Cell::Text("Crème brûlée façade à la carte".into())
        );
    }
}
