//! A tracker's header: found under its title block, read over one row or two (a two-row
//! header's merged parent cell joined to each child: "Đơn vị" over "Chủ trì" and "Phối hợp"),
//! its columns recognised by their Vietnamese names with or without diacritics, in any order.
//! A layout is known by its folded header (`layout_key`): the mapping used for it is kept in
//! the database and used again for the next file of the same layout.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::sheet::{Cell, Grid};
use crate::text::fold;

/// What a tracker's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// STT (the row's number).
    Number,
    /// Nội dung nhiệm vụ.
    Content,
    /// Văn bản / cuộc họp giao (the source).
    Source,
    /// Ngày giao.
    AssignedOn,
    /// Đơn vị chủ trì.
    Lead,
    /// Đơn vị phối hợp.
    Coordinating,
    /// Thời hạn.
    Deadline,
    /// Gia hạn đến (a later deadline approved).
    Extended,
    /// Tiến độ / kết quả thực hiện.
    Progress,
    /// Ngày hoàn thành.
    CompletedOn,
    /// Ghi chú.
    Notes,
    /// Người giao: the leader who gave the task.
    Leader,
    /// Sản phẩm: what the task is to produce.
    Output,
    /// Mức độ ưu tiên.
    Priority,
}

/// The names offices give each column, folded (longest phrase wins, so "thời hạn hoàn
/// thành" is a deadline and "ngày hoàn thành" the completion).
const NAMES: &[(Column, &str)] = &[
    (Column::Number, "stt"),
    (Column::Number, "tt"),
    (Column::Number, "so tt"),
    (Column::Number, "so thu tu"),
    // A task's code in an e-office system ("Mã nhiệm vụ": NV.2026.1000), not its words.
    (Column::Number, "ma nhiem vu"),
    (Column::Number, "ma cong viec"),
    (Column::Number, "ma so"),
    (Column::Content, "noi dung"),
    (Column::Content, "noi dung nhiem vu"),
    (Column::Content, "nhiem vu"),
    (Column::Content, "ten nhiem vu"),
    (Column::Content, "noi dung cong viec"),
    (Column::Content, "y kien chi dao"),
    (Column::Content, "noi dung chi dao"),
    (Column::Content, "trich yeu"),
    (Column::Content, "trich yeu noi dung"),
    (Column::Content, "trich yeu noi dung chi dao"),
    (Column::Content, "viec giao"),
    (Column::Content, "ten cong viec"),
    (Column::Source, "van ban giao"),
    (Column::Source, "cuoc hop giao"),
    (Column::Source, "van ban cuoc hop giao"),
    (Column::Source, "nguon"),
    (Column::Source, "nguon giao"),
    (Column::Source, "can cu"),
    (Column::Source, "van ban"),
    (Column::Source, "so ky hieu van ban"),
    (Column::AssignedOn, "ngay giao"),
    (Column::AssignedOn, "ngay ban hanh"),
    (Column::AssignedOn, "ngay van ban"),
    (Column::AssignedOn, "ngay thang van ban"),
    (Column::AssignedOn, "ngay vb"),
    (Column::AssignedOn, "ngay vb giao"),
    (Column::AssignedOn, "ngay van ban giao"),
    (Column::AssignedOn, "ngay giao ban"),
    // "Ngày" under "Văn bản giao", beside "Số, ký hiệu" (a header of two rows).
    (Column::AssignedOn, "van ban giao ngay"),
    (Column::AssignedOn, "van ban ngay"),
    (Column::Lead, "chu tri"),
    (Column::Lead, "don vi chu tri"),
    (Column::Lead, "co quan chu tri"),
    (Column::Lead, "don vi thuc hien"),
    (Column::Lead, "don vi"),
    (Column::Lead, "don vi duoc giao"),
    (Column::Lead, "co quan thuc hien"),
    (Column::Coordinating, "phoi hop"),
    (Column::Coordinating, "don vi phoi hop"),
    (Column::Coordinating, "co quan phoi hop"),
    (Column::Deadline, "thoi han"),
    (Column::Deadline, "han hoan thanh"),
    (Column::Deadline, "thoi han hoan thanh"),
    (Column::Deadline, "thoi gian hoan thanh"),
    (Column::Deadline, "han xu ly"),
    (Column::Extended, "gia han den"),
    (Column::Extended, "gia han toi"),
    (Column::Extended, "thoi han sau gia han"),
    (Column::Extended, "thoi han gia han"),
    (Column::Extended, "han gia han"),
    (Column::Extended, "thoi han moi"),
    (Column::Extended, "han moi"),
    (Column::Extended, "thoi han dieu chinh"),
    (Column::Extended, "dieu chinh thoi han"),
    (Column::Extended, "da gia han"),
    (Column::Progress, "tien do"),
    (Column::Progress, "ket qua"),
    (Column::Progress, "ket qua thuc hien"),
    (Column::Progress, "tinh hinh thuc hien"),
    (Column::Progress, "tien do thuc hien"),
    (Column::Progress, "trang thai"),
    (Column::Progress, "tinh trang"),
    (Column::Progress, "danh gia"),
    (Column::CompletedOn, "ngay hoan thanh"),
    (Column::Notes, "ghi chu"),
    (Column::Leader, "nguoi giao"),
    (Column::Leader, "lanh dao giao"),
    (Column::Leader, "lanh dao chi dao"),
    (Column::Leader, "nguoi chi dao"),
    (Column::Leader, "ld chi dao"),
    (Column::Output, "san pham"),
    (Column::Output, "san pham dau ra"),
    (Column::Output, "ket qua dau ra"),
    (Column::Priority, "muc do uu tien"),
    (Column::Priority, "uu tien"),
    (Column::Priority, "do khan"),
    (Column::Priority, "muc do khan"),
    // The short forms offices write in narrow columns.
    (Column::Content, "nd"),
    (Column::Content, "noi dung cv"),
    (Column::Lead, "dv chu tri"),
    (Column::Lead, "dvct"),
    (Column::Coordinating, "dv phoi hop"),
    (Column::Coordinating, "dvph"),
    (Column::Deadline, "han ht"),
    (Column::Deadline, "thoi han ht"),
    (Column::Deadline, "tg hoan thanh"),
    (Column::Progress, "ket qua th"),
    (Column::Progress, "tinh hinh th"),
    (Column::Progress, "tien do th"),
    (Column::Deadline, "tien do hoan thanh"),
    (Column::Deadline, "thoi gian tien do hoan thanh"),
    (Column::Deadline, "thoi gian hoan thanh du kien"),
    (Column::CompletedOn, "ngay ht"),
    (Column::CompletedOn, "ngay hoan thanh thuc te"),
    (Column::Coordinating, "don vi tham gia"),
    (Column::Coordinating, "co quan tham gia"),
];

/// A field and the spreadsheet column (letters) that holds it: one line of a mapping, as the
/// preview shows it and as a user corrects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnAt {
    /// The field.
    pub field: Column,
    /// The column's letters (`C`).
    pub column: String,
    /// The column's header as written (empty in a mapping given by a user).
    #[serde(default)]
    pub header: String,
}

/// Where a sheet's mapping came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MappingFrom {
    /// Recognised from the header's words.
    Recognised,
    /// The one saved for this layout by an earlier import.
    Saved,
    /// Given with this import.
    Given,
}

/// A state a column of ticks stands for, under a "Kết quả thực hiện" head split into "Đã
/// hoàn thành | Đang thực hiện | Chưa thực hiện": a mark in it says the directive's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// Đã hoàn thành (a date in it is the completion's).
    Done,
    /// Hoàn thành quá hạn (after the deadline).
    DoneLate,
    /// Đang thực hiện.
    Under,
    /// Chưa thực hiện.
    Open,
}

/// The state a sub-header names, when it names only a state.
fn tick_of(text: &str) -> Option<Tick> {
    let w = words(text);
    let w = w.strip_prefix("da ").unwrap_or(&w);
    match w {
        "hoan thanh"
        | "ht"
        | "xong"
        | "hoan thanh dung han"
        | "hoan thanh trong han"
        | "ht dung han"
        | "ht trong han" => Some(Tick::Done),
        "hoan thanh qua han" | "hoan thanh tre han" | "hoan thanh cham" | "hoan thanh sau han"
        | "ht qua han" | "ht tre han" => Some(Tick::DoneLate),
        "dang thuc hien"
        | "dang trien khai"
        | "dang th"
        | "dang lam"
        | "dang thuc hien trong han"
        | "dang thuc hien qua han"
        | "chua hoan thanh trong han"
        | "chua ht trong han"
        | "trong han" => Some(Tick::Under),
        "chua thuc hien"
        | "chua hoan thanh"
        | "chua trien khai"
        | "chua th"
        | "chua ht"
        | "chua hoan thanh qua han"
        | "chua ht qua han"
        | "qua han" => Some(Tick::Open),
        _ => None,
    }
}

/// A sheet's header.
#[derive(Debug, Clone)]
pub struct Header {
    /// Grid index of the header's last row; data starts below it.
    pub last_row: usize,
    /// Each column's header text (a two-row header's parent and child joined).
    pub texts: Vec<String>,
    /// The column of each recognised field.
    pub fields: BTreeMap<Column, usize>,
    /// Columns of ticks and the state each stands for (none, or two and more).
    pub ticks: Vec<(usize, Tick)>,
}

impl Header {
    /// The layout's key: its folded header texts, `|`-separated.
    pub fn layout_key(&self) -> String {
        let mut texts: Vec<String> = self.texts.iter().map(|t| words(t)).collect();
        while texts.last().is_some_and(String::is_empty) {
            texts.pop();
        }
        texts.join("|")
    }

    /// The mapping as the preview shows it.
    pub fn mapping(&self, grid: &Grid) -> Vec<ColumnAt> {
        self.fields
            .iter()
            .map(|(f, j)| ColumnAt {
                field: *f,
                column: grid.column_letters(*j),
                header: self.texts.get(*j).cloned().unwrap_or_default(),
            })
            .collect()
    }

    /// Applies a mapping (given or saved): `None` when it names a column the grid does not
    /// have or lacks the content or the lead unit.
    pub fn with_mapping(&self, grid: &Grid, mapping: &[ColumnAt]) -> Option<Header> {
        let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
        // What is given replaces what was recognised, field by field; a column holds one field.
        let mut fields = self.fields.clone();
        for m in mapping {
            let j = (0..width).find(|j| grid.column_letters(*j).eq_ignore_ascii_case(&m.column))?;
            fields.retain(|_, c| *c != j);
            fields.insert(m.field, j);
        }
        let h = Header {
            fields,
            ..self.clone()
        };
        h.usable().then_some(h)
    }

    fn usable(&self) -> bool {
        self.fields.contains_key(&Column::Content) && self.fields.contains_key(&Column::Lead)
    }
}

/// Folded words of a header, single-spaced (`"Đơn vị\nchủ trì"` → `"don vi chu tri"`).
fn words(text: &str) -> String {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The field a header's text names: the longest known name found in it as whole words.
fn field_of(text: &str) -> Option<Column> {
    // "Hạn", "Deadline" alone (not "Quá hạn", "Gia hạn").
    if matches!(words(text).as_str(), "han" | "deadline") {
        return Some(Column::Deadline);
    }
    let w = format!(" {} ", words(text));
    NAMES
        .iter()
        .filter(|(_, name)| crate::text::holds_phrase(&w, name))
        .max_by_key(|(_, name)| name.len())
        .map(|(c, _)| *c)
}

/// Names that give a field only to a sheet with no column of a name above: a share done
/// ("Tỷ lệ hoàn thành", "% hoàn thành") is the progress of a sheet that says no other, a
/// time to do it in ("Thời gian thực hiện", "Dự kiến hoàn thành") its deadline, the leader in
/// charge ("Lãnh đạo phụ trách") its directing leader, and a column headed "Gia hạn" alone its
/// extension.
const SECOND_NAMES: &[(Column, &str)] = &[
    (Column::Progress, "ty le hoan thanh"),
    (Column::Progress, "ty le"),
    (Column::Progress, "phan tram hoan thanh"),
    // The time a task is to be done in, when no column says its deadline.
    (Column::Deadline, "thoi gian thuc hien"),
    (Column::Deadline, "du kien hoan thanh"),
    (Column::Deadline, "thoi diem hoan thanh"),
    (Column::Deadline, "han thuc hien"),
    // The leader in charge, when none says who gave it.
    (Column::Leader, "lanh dao phu trach"),
];

/// Each field's first column among `texts`, a visible one before a hidden one (`hidden`).
fn recognise(texts: &[String], hidden: &dyn Fn(usize) -> bool) -> BTreeMap<Column, usize> {
    let mut fields = BTreeMap::new();
    let visible_first: Vec<(usize, &String)> = texts
        .iter()
        .enumerate()
        .filter(|(j, _)| !hidden(*j))
        .chain(texts.iter().enumerate().filter(|(j, _)| hidden(*j)))
        .collect();
    for (j, t) in visible_first {
        if let Some(f) = field_of(t) {
            fields.entry(f).or_insert(j);
        }
    }
    for (j, t) in texts.iter().enumerate() {
        let w = format!(" {} ", words(t));
        let second = SECOND_NAMES
            .iter()
            .find(|(_, name)| crate::text::holds_phrase(&w, name))
            .map(|(f, _)| *f)
            // "% hoàn thành", "% HT": a share done.
            .or_else(|| {
                (t.contains('%') && matches!(w.trim(), "hoan thanh" | "ht" | "da hoan thanh"))
                    .then_some(Column::Progress)
            })
            // "Gia hạn" alone ("Lý do gia hạn", "Số lần gia hạn" are not the new deadline).
            .or_else(|| (w.trim() == "gia han").then_some(Column::Extended));
        if let (Some(f), None) = (second, field_of(t)) {
            fields.entry(f).or_insert(j);
        }
    }
    // "Thời gian hoàn thành" beside a "Thời hạn" column: the day it was done.
    if !fields.contains_key(&Column::CompletedOn)
        && let Some(&d) = fields.get(&Column::Deadline)
        && words(&texts[d]).starts_with("thoi han")
        && let Some(j) = (0..texts.len())
            .find(|&j| j != d && words(&texts[j]) == "thoi gian hoan thanh" && !hidden(j))
    {
        fields.insert(Column::CompletedOn, j);
    }
    fields
}

/// Whether a row holds what data rows hold and headers never do: a number, a date, or a long
/// text.
fn holds_data(row: &[Cell]) -> bool {
    row.iter().any(|c| match c {
        Cell::Number(_) | Cell::Date(_) => true,
        Cell::Text(t) => {
            let chars: Vec<char> = t.chars().collect();
            let dated = chars.windows(3).any(|w| {
                w[0].is_ascii_digit() && matches!(w[1], '/' | '-' | '.') && w[2].is_ascii_digit()
            });
            dated || chars.len() > 60 || chars.iter().all(char::is_ascii_digit)
        }
        Cell::Empty | Cell::Error => false,
    })
}

/// Whether a row holds a number or a date, as records do and headers never.
fn numbered(row: &[Cell]) -> bool {
    row.iter().any(|c| match c {
        Cell::Number(_) | Cell::Date(_) => true,
        Cell::Text(t) => !t.trim().is_empty() && t.trim().bytes().all(|b| b.is_ascii_digit()),
        Cell::Empty | Cell::Error => false,
    })
}

fn row_texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

/// A parent row joined to the child row below it: a child under a parent merged across
/// several columns takes that parent's text. Gives each column's parent and joined text.
fn joined(parent: &[String], child: &[String]) -> Vec<(String, String)> {
    let width = parent.len().max(child.len());
    let mut out = Vec::with_capacity(width);
    let mut group: Option<&str> = None;
    for j in 0..width {
        let p = parent.get(j).map_or("", String::as_str);
        let c = child.get(j).map_or("", String::as_str);
        if !p.is_empty() {
            group = (!c.is_empty()).then_some(p);
        }
        let p = if p.is_empty() { group.unwrap_or("") } else { p };
        // A cell merged down both rows holds its header in each: said once.
        let c = if c == p { "" } else { c };
        out.push((p.to_string(), format!("{p} {c}").trim().to_string()));
    }
    out
}

/// Rows searched for a header below the title block.
const SEARCHED: usize = 30;

/// The header of a sheet: the first row (within the first 30) naming the content and the
/// lead unit, alone or joined to the row below when that names more fields.
pub fn find(grid: &Grid) -> Option<Header> {
    find_with(grid, Header::usable)
}

/// A header without a lead unit's column, for a sheet that names its unit (a workbook kept a
/// sheet per unit): the directive's words and a date or the progress.
pub fn find_without_lead(grid: &Grid) -> Option<Header> {
    find_with(grid, |h| {
        h.fields.contains_key(&Column::Content)
            && [Column::AssignedOn, Column::Deadline, Column::Progress]
                .iter()
                .any(|c| h.fields.contains_key(c))
    })
}

fn find_with(grid: &Grid, usable: impl Fn(&Header) -> bool) -> Option<Header> {
    for i in 0..grid.rows.len().min(SEARCHED) {
        let top = row_texts(&grid.rows[i]);
        // A row with a number or a date in it is a record, whatever its words name ("Ý kiến
        // chỉ đạo của Giám đốc …", "Các phòng, đơn vị liên quan").
        if top.iter().all(|t| t.trim().is_empty()) || numbered(&grid.rows[i]) {
            continue;
        }
        let hidden = |j: usize| grid.column_hidden(j);
        let one = recognise(&top, &hidden);
        // A row holding data (the first task: its number, dates, a note that names a field,
        // "Gia hạn đến 30/4") is never the header's second row.
        let child = grid
            .rows
            .get(i + 1)
            .filter(|r| !holds_data(r))
            .map(|r| row_texts(r))
            .unwrap_or_default();
        // A third row under the second's groups ("Đã hoàn thành" over "Đúng hạn | Quá hạn"):
        // joined to it when that names columns of ticks the second alone does not.
        let ticks_in = |texts: &[String]| texts.iter().filter(|t| tick_of(t).is_some()).count();
        let deeper = grid
            .rows
            .get(i + 2)
            .filter(|r| !holds_data(r) && !child.is_empty())
            .map(|r| {
                joined(&child, &row_texts(r))
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect::<Vec<_>>()
            });
        let (child, below) = match deeper {
            Some(d) if ticks_in(&d) >= 2 && ticks_in(&d) > ticks_in(&child) => (d, 2),
            _ => (child, 1),
        };
        // A parent row holds several headers; a title over the table ("BẢNG THEO DÕI NHIỆM
        // VỤ …", one cell) is none, though its words name a field.
        let parent = top.iter().filter(|t| !t.trim().is_empty()).count() >= 2;
        let two = (parent && i + 1 < grid.rows.len()).then(|| joined(&top, &child));
        // Sub-headers that only name states ("Đã hoàn thành", "Đang thực hiện"…): ticks.
        let ticks: Vec<(usize, Tick)> = child
            .iter()
            .enumerate()
            .filter_map(|(j, t)| tick_of(t).map(|k| (j, k)))
            .collect();
        let ticks = if ticks.len() >= 2 { ticks } else { Vec::new() };
        // Under a parent ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"), a child that names
        // a field is that field, whatever its parent names; but under a deadline's parent
        // ("Thời hạn hoàn thành" over "Theo văn bản | Gia hạn") each child is a deadline:
        // the extension's ("Gia hạn", "Điều chỉnh", "Mới") or the first.
        let both = two
            .as_deref()
            .map(|joined| {
                let own: Vec<String> = joined
                    .iter()
                    .enumerate()
                    .map(|(j, (p, t))| {
                        // A column of ticks names no field.
                        if ticks.iter().any(|(k, _)| *k == j) {
                            return String::new();
                        }
                        let c = child.get(j).map_or("", String::as_str);
                        // (A cell merged down both rows is no child: it repeats its header.)
                        if !p.is_empty()
                            && !c.trim().is_empty()
                            && c != p
                            && field_of(p) == Some(Column::Deadline)
                        {
                            let w = format!(" {} ", words(c));
                            let extended = [" gia han ", " dieu chinh ", " moi ", " sau "]
                                .iter()
                                .any(|x| w.contains(x));
                            return if extended { "gia han den" } else { "thoi han" }.to_string();
                        }
                        match child.get(j).filter(|c| field_of(c).is_some()) {
                            Some(c) => c.clone(),
                            None => t.clone(),
                        }
                    })
                    .collect();
                recognise(&own, &hidden)
            })
            .unwrap_or_default();
        // Headers merged down over both rows repeat in the second: it is part of the header
        // ("Thời hạn" over "(ngày/tháng/năm)" beside "STT", "Nội dung" merged down).
        let carried = child
            .iter()
            .zip(&top)
            .filter(|(c, t)| !c.trim().is_empty() && c == t)
            .count()
            >= 2;
        let header = if both.len() > one.len()
            || !ticks.is_empty()
            || (carried && both.len() >= one.len())
        {
            let mut fields = both;
            // The head over the ticks is no column of progress notes.
            fields.retain(|_, j| ticks.iter().all(|(t, _)| t != j));
            Header {
                last_row: i + below,
                texts: two
                    .map(|t| t.into_iter().map(|(_, text)| text).collect())
                    .unwrap_or_default(),
                fields,
                ticks,
            }
        } else {
            // A header of one row may name the states too ("… | Đã hoàn thành | Đang thực
            // hiện | Ghi chú", no "Kết quả thực hiện" over them): two and more are ticks.
            let ticks: Vec<(usize, Tick)> = (top.iter().enumerate())
                .filter_map(|(j, t)| tick_of(t).map(|k| (j, k)))
                .collect();
            let ticks = if ticks.len() >= 2 { ticks } else { Vec::new() };
            let mut fields = one;
            fields.retain(|_, j| ticks.iter().all(|(t, _)| t != j));
            Header {
                last_row: i,
                texts: top,
                fields,
                ticks,
            }
        };
        if usable(&header) {
            return Some(header);
        }
    }
    None
}

/// The first row holding something, taken as the header when no header is recognised and
/// the user names the columns ("Nội dung" and "Đơn vị" are read only when mapped).
pub fn first_row(grid: &Grid) -> Option<Header> {
    let i = grid
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_empty()))?;
    Some(Header {
        last_row: i,
        texts: row_texts(&grid.rows[i]),
        fields: BTreeMap::new(),
        ticks: Vec::new(),
    })
}

/// Whether a row below the header only numbers the columns (`(1) (2) (3)` or `1 2 3`).
pub fn is_numbering_row(row: &[Cell]) -> bool {
    let cells: Vec<String> = row
        .iter()
        .filter(|c| !c.is_empty())
        .map(|c| c.text().trim_matches(['(', ')']).to_string())
        .collect();
    cells.len() >= 3
        && cells
            .iter()
            .enumerate()
            .all(|(k, t)| t.parse::<usize>().is_ok_and(|n| n == k + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid::of_texts("S", rows)
    }

    #[test]
    fn a_two_row_header_under_a_title_block() {
        let g = grid(&[
            &["BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ NĂM 2025", "", "", "", ""],
            &["", "", "", "", ""],
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị",
                "",
                "Thời hạn hoàn thành",
            ],
            &["", "", "Chủ trì", "Phối hợp", ""],
            &["(1)", "(2)", "(3)", "(4)", "(5)"],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.last_row, 3);
        assert_eq!(h.fields[&Column::Lead], 2);
        assert_eq!(h.fields[&Column::Coordinating], 3);
        assert_eq!(h.fields[&Column::Deadline], 4);
        assert_eq!(h.fields[&Column::Number], 0);
        assert!(is_numbering_row(&g.rows[4]));
        assert_eq!(
            h.layout_key(),
            "stt|noi dung nhiem vu|don vi chu tri|don vi phoi hop|thoi han hoan thanh"
        );
    }

    #[test]
    fn the_day_under_the_source_document_is_the_day_given() {
        for day in ["Ngày", "Ngày, tháng", "Ngày ban hành"] {
            let g = grid(&[
                &[
                    "STT",
                    "Nội dung nhiệm vụ",
                    "Văn bản giao",
                    "",
                    "Đơn vị chủ trì",
                ],
                &["", "", "Số, ký hiệu", day, ""],
                &["1", "Tham mưu kế hoạch", "12/TB-STTTT", "05/01/2025", "VP"],
            ]);
            let h = find(&g).unwrap();
            assert_eq!(h.fields[&Column::Source], 2, "{day}");
            assert_eq!(h.fields[&Column::AssignedOn], 3, "{day}");
        }
    }

    #[test]
    fn children_under_a_parent_that_names_a_field_keep_their_own() {
        let g = grid(&[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị thực hiện",
                "",
                "Thời hạn",
            ],
            &["", "", "Chủ trì", "Phối hợp", ""],
            &[
                "1",
                "Tham mưu kế hoạch",
                "Văn phòng Sở",
                "Thanh tra Sở",
                "31/3/2025",
            ],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.fields[&Column::Lead], 2);
        assert_eq!(h.fields[&Column::Coordinating], 3);
    }

    #[test]
    fn a_title_right_above_a_one_row_header_is_no_part_of_it() {
        let g = grid(&[
            &[
                "BẢNG THEO DÕI NHIỆM VỤ DO LÃNH ĐẠO SỞ GIAO NĂM 2025",
                "",
                "",
                "",
            ],
            &["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"],
            &["1", "Tham mưu kế hoạch", "Văn phòng Sở", "31/3/2025"],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.last_row, 1);
        assert_eq!(h.fields[&Column::Number], 0);
        assert_eq!(h.fields[&Column::Content], 1);
        assert_eq!(h.fields[&Column::Lead], 2);
    }

    #[test]
    fn headers_offices_also_write() {
        let g = grid(&[&[
            "STT",
            "Nội dung",
            "Đơn vị chủ trì",
            "Đơn vị tham gia",
            "Hạn",
            "Ngày HT",
            "Quá hạn",
        ]]);
        let h = find(&g).unwrap();
        assert_eq!(h.fields[&Column::Coordinating], 3);
        assert_eq!(h.fields[&Column::Deadline], 4);
        assert_eq!(h.fields[&Column::CompletedOn], 5);
        let g = grid(&[&[
            "STT",
            "Nội dung",
            "Chủ trì",
            "Tiến độ hoàn thành",
            "Kết quả",
        ]]);
        let h = find(&g).unwrap();
        assert_eq!(h.fields[&Column::Deadline], 3);
        assert_eq!(h.fields[&Column::Progress], 4);
    }

    #[test]
    fn columns_in_another_order_without_diacritics() {
        let g = grid(&[&[
            "Don vi thuc hien",
            "Han hoan thanh",
            "Noi dung",
            "Ket qua thuc hien",
            "Ngay hoan thanh",
            "Ghi chu",
            "Co quan phoi hop",
        ]]);
        let h = find(&g).unwrap();
        let at = |c| h.fields[&c];
        assert_eq!(
            [
                at(Column::Lead),
                at(Column::Deadline),
                at(Column::Content),
                at(Column::Progress),
                at(Column::CompletedOn),
                at(Column::Notes),
                at(Column::Coordinating)
            ],
            [0, 1, 2, 3, 4, 5, 6]
        );
        let given = [
            ColumnAt {
                field: Column::Content,
                column: "c".into(),
                header: String::new(),
            },
            ColumnAt {
                field: Column::Lead,
                column: "G".into(),
                header: String::new(),
            },
        ];
        let h2 = h.with_mapping(&g, &given).unwrap();
        assert_eq!(h2.fields[&Column::Lead], 6);
        // One field given: the others stay as recognised.
        let h3 = h.with_mapping(&g, &given[1..]).unwrap();
        assert_eq!(h3.fields[&Column::Lead], 6);
        assert_eq!(h3.fields[&Column::Content], h.fields[&Column::Content]);
        // A column holds one field: the content put where the lead was leaves no lead.
        let over = [ColumnAt {
            field: Column::Content,
            column: g.column_letters(h.fields[&Column::Lead]),
            header: String::new(),
        }];
        assert!(h.with_mapping(&g, &over).is_none());
    }
}
