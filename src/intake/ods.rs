//! What calamine does not do for an OpenDocument sheet, from its `content.xml` read as
//! events: how far its repeated rows and cells would spread before calamine builds them, its
//! cells merged down a column ("Văn bản giao" over three rows), its hidden rows and columns,
//! and its rows struck through, so that an .ods reads as the same tracker saved as .xlsx
//! does.

use std::collections::HashMap;
use std::ops::ControlFlow;

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};

use super::kind::limits::{SPREAD, TEXT};
use super::struck::Parted;
use super::xml::{attr, each_event, entry, referenced};

/// The sheet's `content.xml`, if the file is a zip that holds one.
fn content(bytes: &[u8]) -> Option<Vec<u8>> {
    entry(bytes, "content.xml")
}

/// An element's count attribute `name` (a repeat or a span); 1 when not written.
fn number<N: std::str::FromStr + From<u8>>(e: &BytesStart, name: &str) -> N {
    attr(e, name)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(N::from(1))
}

/// What an OpenDocument sheet says of its layout beyond its cells.
#[derive(Debug, Default)]
pub(super) struct Layout {
    /// Its cells merged over more than one row.
    pub merged: Vec<Dimensions>,
    /// Its hidden rows (filtered out, or hidden by hand) that hold a cell, in order.
    pub hidden_rows: Vec<u32>,
    /// Its hidden columns, in order.
    pub hidden_columns: Vec<u32>,
    /// Its cells holding a value struck through (row, column), in order.
    pub struck_cells: Vec<(u32, u32)>,
    /// Its cells written partly struck through (spans of a struck text style): (row,
    /// column), their words parted.
    pub struck_words: Vec<((u32, u32), Parted)>,
}

/// The text of the cell being read, by whether its spans are struck through.
#[derive(Default)]
struct CellText {
    /// The cell's place, while it is read.
    at: Option<(u32, u32)>,
    words: Parted,
    /// For each span open, whether it is struck through; paragraphs read.
    spans: Vec<bool>,
    paragraphs: u32,
    /// Inside a note on the cell (a comment), not its text.
    in_note: bool,
}

impl CellText {
    fn push(&mut self, text: &str) {
        if self.in_note {
            return;
        }
        self.words.push(text, self.spans.iter().any(|s| *s));
    }
}

/// The widest a sheet may be (LibreOffice's limit): a hidden column beyond it is none.
const COLUMNS: u32 = 16_384;

/// Each sheet's layout, by the sheet's name (rows and columns from 0, as calamine counts
/// them). Nothing for a file that cannot be read: calamine says what is wrong with it.
pub(super) fn layout(bytes: &[u8]) -> HashMap<String, Layout> {
    let mut out: HashMap<String, Layout> = HashMap::new();
    let Some(xml) = content(bytes) else {
        return out;
    };
    let mut sheet = String::new();
    // The row being read, its repeat, whether it is hidden and holds a cell; the next
    // cell's column; the next column declared.
    let (mut row, mut repeat, mut col) = (0u32, 1u32, 0u32);
    let (mut hidden, mut held, mut declared) = (false, false, 0u32);
    // The cell styles struck through (by name), the style being read; whether the row holds a
    // value in a cell of one.
    let (mut struck_styles, mut style) = (Vec::<String>::new(), None::<String>);
    let mut struck: Vec<u32> = Vec::new();
    // The text styles struck through, the style being read is one; the cell's text.
    let (mut struck_text, mut text_style) = (Vec::<String>::new(), false);
    let mut cell = CellText::default();
    let collapsed = |e: &BytesStart| {
        attr(e, "table:visibility").is_some_and(|v| matches!(v.as_str(), "collapse" | "filter"))
    };
    each_event(&xml, |event| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "style:style" => {
                    let family = attr(e, "style:family");
                    text_style = family.as_deref() == Some("text");
                    style = matches!(family.as_deref(), Some("table-cell" | "text"))
                        .then(|| attr(e, "style:name"))
                        .flatten();
                }
                "style:text-properties" => {
                    // (LibreOffice may write the line's type alone.)
                    let through = [
                        "style:text-line-through-style",
                        "style:text-line-through-type",
                    ]
                    .iter()
                    .any(|a| attr(e, a).is_some_and(|v| v != "none"));
                    if let Some(name) = style.as_ref().filter(|_| through) {
                        match text_style {
                            true => struck_text.push(name.clone()),
                            false => struck_styles.push(name.clone()),
                        }
                    }
                }
                // The words of the cell being read, by their spans.
                "text:span" if cell.at.is_some() => {
                    let on = attr(e, "text:style-name").is_some_and(|s| struck_text.contains(&s));
                    if matches!(event, Event::Start(_)) {
                        cell.spans.push(on);
                    }
                }
                "text:p" if cell.at.is_some() => {
                    if cell.paragraphs > 0 {
                        cell.push("\n");
                    }
                    cell.paragraphs += 1;
                }
                "text:s" if cell.at.is_some() => {
                    let n: usize = number(e, "text:c");
                    cell.push(&" ".repeat(n.min(1_000)));
                }
                "office:annotation" if matches!(event, Event::Start(_)) => cell.in_note = true,
                "text:line-break" if cell.at.is_some() => cell.push("\n"),
                "text:tab" if cell.at.is_some() => cell.push("\t"),
                "table:table" => {
                    sheet = attr(e, "table:name").unwrap_or_default();
                    (row, declared) = (0, 0);
                }
                "table:table-column" => {
                    let n: u32 = number(e, "table:number-columns-repeated");
                    let to = declared.saturating_add(n).min(COLUMNS);
                    if collapsed(e) {
                        out.entry(sheet.clone())
                            .or_default()
                            .hidden_columns
                            .extend(declared..to);
                    }
                    declared = to;
                }
                "table:table-row" => {
                    (repeat, col) = (number(e, "table:number-rows-repeated"), 0);
                    (hidden, held) = (collapsed(e), false);
                    struck.clear();
                    if matches!(event, Event::Empty(_)) {
                        row = row.saturating_add(repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    held |= matches!(event, Event::Start(_));
                    if matches!(event, Event::Start(_)) && !struck_text.is_empty() {
                        cell = CellText {
                            at: Some((row, col)),
                            ..CellText::default()
                        };
                    }
                    if matches!(event, Event::Start(_))
                        && attr(e, "table:style-name").is_some_and(|s| struck_styles.contains(&s))
                    {
                        struck.push(col);
                    }
                    let spans: u32 = number(e, "table:number-rows-spanned");
                    if spans > 1 && e.name().as_ref() == "table:table-cell" {
                        let wide: u32 = number(e, "table:number-columns-spanned");
                        out.entry(sheet.clone())
                            .or_default()
                            .merged
                            .push(Dimensions {
                                start: (row, col),
                                end: (row.saturating_add(spans - 1), col.saturating_add(wide - 1)),
                            });
                    }
                    col = col.saturating_add(number(e, "table:number-columns-repeated"));
                }
                _ => {}
            },
            Event::Text(t) if cell.at.is_some() => cell.push(&t.xml10_content()),
            Event::GeneralRef(r) if cell.at.is_some() => cell.push(&referenced(r)),
            Event::End(e) if e.name().as_ref() == "office:annotation" => cell.in_note = false,
            Event::End(e) if e.name().as_ref() == "text:span" && cell.at.is_some() => {
                cell.spans.pop();
            }
            Event::End(e) if e.name().as_ref() == "table:table-cell" => {
                // Words struck inside it: kept apart, or the cell struck whole.
                let mut read = std::mem::take(&mut cell);
                read.words = read.words.finished();
                if let Some(at) = read.at.filter(|_| read.words.any_struck()) {
                    let l = out.entry(sheet.clone()).or_default();
                    if read.words.all_struck() {
                        l.struck_cells.push(at);
                    } else {
                        l.struck_words.push((at, read.words));
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                // A hidden row that holds a cell (repeated rows that hold one are bounded by
                // `within_spread`, read first).
                if hidden && held {
                    out.entry(sheet.clone())
                        .or_default()
                        .hidden_rows
                        .extend(row..row.saturating_add(repeat));
                }
                if !struck.is_empty() {
                    let cells = (row..row.saturating_add(repeat))
                        .flat_map(|r| struck.iter().map(move |c| (r, *c)));
                    out.entry(sheet.clone())
                        .or_default()
                        .struck_cells
                        .extend(cells);
                }
                row = row.saturating_add(repeat);
            }
            _ => {}
        }
        ControlFlow::Continue(())
    });
    for l in out.values_mut() {
        l.struck_cells.sort_unstable();
        l.struck_cells.dedup();
    }
    out
}

/// Whether an .ods stays within [`SPREAD`] cells, and [`TEXT`] characters, once its
/// repeats are counted out as calamine builds a sheet: the rectangle from its first to its
/// last row holding a value, as wide as its widest; read as XML events (attributes as a
/// parser reads them, cells that hold a value written `<… />` too, `text:s` runs of spaces).
pub(super) fn within_spread(bytes: &[u8]) -> bool {
    // One that cannot be read: calamine says what is wrong with it.
    let Some(xml) = content(bytes) else {
        return true;
    };
    let holds_value = |e: &BytesStart| {
        e.attributes().flatten().any(|a| {
            matches!(
                a.key.as_ref(),
                "office:value"
                    | "office:string-value"
                    | "office:date-value"
                    | "office:time-value"
                    | "office:boolean-value"
                    | "table:formula"
            )
        })
    };
    let (mut area, mut text) = (0u64, 0u64);
    // Per sheet: the next row's index, the first and last rows holding a value, the widest.
    let (mut row, mut first, mut last, mut widest) = (0u64, None::<u64>, 0u64, 0u64);
    // Per row: its repeat, the next cell's column, whether it holds a value, its width.
    let (mut repeat, mut col, mut held, mut width) = (1u64, 0u64, false, 0u64);
    let mut cell_repeat = 1u64;
    let sheet_area = |first: Option<u64>, last: u64, widest: u64| {
        first.map_or(0, |f| (last - f + 1).saturating_mul(widest))
    };
    each_event(&xml, |event| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    area = area.saturating_add(sheet_area(first, last, widest));
                    (row, first, last, widest) = (0, None, 0, 0);
                }
                "table:table-row" => {
                    (repeat, col, held, width) =
                        (number(e, "table:number-rows-repeated"), 0, false, 0);
                    if matches!(event, Event::Empty(_)) {
                        row = row.saturating_add(repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    cell_repeat = number(e, "table:number-columns-repeated");
                    // A value written in the cell's attributes is text calamine keeps too.
                    let said: u64 = e
                        .attributes()
                        .flatten()
                        .filter(|a| a.key.as_ref().starts_with("office:"))
                        .map(|a| a.value.len() as u64)
                        .sum();
                    text = text
                        .saturating_add(said.saturating_mul(cell_repeat).saturating_mul(repeat));
                    col = col.saturating_add(cell_repeat);
                    if matches!(event, Event::Start(_)) || holds_value(e) {
                        held = true;
                        width = col;
                    }
                }
                "text:s" => {
                    let spaces: u64 = number(e, "text:c");
                    text = text
                        .saturating_add(spaces.saturating_mul(cell_repeat).saturating_mul(repeat));
                }
                _ => {}
            },
            // A character written as a reference (`&#x1EC7;`) is text as well.
            Event::GeneralRef(_) => {
                text = text.saturating_add(cell_repeat.saturating_mul(repeat).saturating_mul(4));
            }
            Event::Text(t) => {
                text = text.saturating_add(
                    (t.len() as u64)
                        .saturating_mul(cell_repeat)
                        .saturating_mul(repeat),
                );
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if held {
                    first.get_or_insert(row);
                    last = row.saturating_add(repeat - 1);
                    widest = widest.max(width);
                }
                row = row.saturating_add(repeat);
            }
            _ => {}
        }
        if area.saturating_add(sheet_area(first, last, widest)) > SPREAD || text > TEXT {
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    })
}
