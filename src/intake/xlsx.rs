//! What calamine does not say of an .xlsx sheet: its hidden rows (filtered out, or hidden by
//! hand) and columns, its rows struck through (a task withdrawn, as offices mark it), and
//! the words struck through inside a cell (a unit or a deadline crossed out, another written
//! beside it), read from the sheet's XML, its shared strings and its styles as events, so
//! that each row brought in is told, a visible column is read before a hidden one of the
//! same name, and words crossed out are not read as the cell's.

use std::collections::HashMap;
use std::ops::ControlFlow;

use quick_xml::events::Event;

use super::struck::Parted;
use super::xml::{attr, each_event, entry, referenced};

/// Each element `tag` of `xml` (its local name), as its attributes `names`.
fn elements(xml: &[u8], tag: &str, names: &[&str]) -> Vec<Vec<Option<String>>> {
    let mut out = Vec::new();
    each_event(xml, |event| {
        if let Event::Start(e) | Event::Empty(e) = event
            && e.local_name().as_ref() == tag
        {
            out.push(names.iter().map(|n| attr(e, n)).collect());
        }
        ControlFlow::Continue(())
    });
    out
}

/// What a sheet's XML says beyond its cells (rows and columns from 0, as calamine counts
/// them, in order).
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// Rows hidden.
    pub rows: Vec<u32>,
    /// Columns hidden.
    pub columns: Vec<u32>,
    /// Cells holding a value struck through whole (row, column).
    pub struck: Vec<(u32, u32)>,
    /// Cells written partly struck through: (row, column), their words parted.
    pub struck_words: Vec<((u32, u32), Parted)>,
}

/// Reads rich-text runs as events: `<r><rPr><strike/></rPr><t>…</t></r>` (phonetic runs,
/// `<rPh>`, left out).
#[derive(Default)]
struct RunReader {
    runs: Parted,
    in_run: bool,
    run_struck: bool,
    in_text: bool,
    in_phonetic: bool,
}

impl RunReader {
    /// Takes one event inside a rich text.
    fn event(&mut self, event: &Event) {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "r" => (self.in_run, self.run_struck) = (true, false),
                "rPh" => self.in_phonetic = true,
                "strike" if self.in_run => {
                    self.run_struck = !matches!(attr(e, "val").as_deref(), Some("0" | "false"));
                }
                "t" => self.in_text = matches!(event, Event::Start(_)),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "r" => self.in_run = false,
                "rPh" => self.in_phonetic = false,
                "t" => self.in_text = false,
                _ => {}
            },
            Event::Text(t) if self.in_text && !self.in_phonetic => {
                self.push(&t.xml10_content());
            }
            // `&amp;`, `&#x1EC7;`: a character written as a reference.
            Event::GeneralRef(r) if self.in_text && !self.in_phonetic => {
                self.push(&referenced(r));
            }
            _ => {}
        }
    }

    /// Adds text to the run being read.
    fn push(&mut self, text: &str) {
        self.runs.push(text, self.in_run && self.run_struck);
    }

    /// The runs read, if some of their words are struck through; the reader emptied.
    fn take(&mut self) -> Option<Parted> {
        let runs = std::mem::take(self).runs.finished();
        runs.any_struck().then_some(runs)
    }
}

/// The shared strings (by index) written partly or wholly struck through.
fn struck_strings(xml: &[u8]) -> HashMap<usize, Parted> {
    let mut out = HashMap::new();
    let (mut index, mut reader, mut in_item) = (0usize, RunReader::default(), false);
    each_event(xml, |event| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == "si" => in_item = true,
            Event::End(e) if e.local_name().as_ref() == "si" => {
                if let Some(runs) = reader.take() {
                    out.insert(index, runs);
                }
                (index, in_item) = (index + 1, false);
            }
            Event::Empty(e) if e.local_name().as_ref() == "si" => index += 1,
            _ if in_item => reader.event(event),
            _ => {}
        }
        ControlFlow::Continue(())
    });
    out
}

/// A cell's reference ("C12") as (row, column) from 0.
fn cell_at(reference: &str) -> Option<(u32, u32)> {
    let digits = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, number) = reference.split_at(digits);
    let col = letters.bytes().try_fold(0u32, |n, b| {
        b.is_ascii_uppercase()
            .then(|| n.saturating_mul(26).saturating_add(u32::from(b - b'A') + 1))
    })?;
    let row: u32 = number.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// The cells of a sheet's XML whose text is written partly or wholly struck through, by
/// the shared strings struck (`shared`) or their own rich text.
fn struck_cells(xml: &[u8], shared: &HashMap<usize, Parted>) -> Vec<((u32, u32), Parted)> {
    let mut out = Vec::new();
    // The cell being read, whether it is a shared string, its value read; its own rich text.
    let (mut at, mut is_shared, mut in_value) = (None, false, false);
    let (mut reader, mut in_inline) = (RunReader::default(), false);
    each_event(xml, |event| {
        match event {
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                at = attr(e, "r").and_then(|r| cell_at(&r));
                is_shared = attr(e, "t").as_deref() == Some("s");
            }
            Event::Start(e) if e.local_name().as_ref() == "v" => in_value = is_shared,
            Event::End(e) if e.local_name().as_ref() == "v" => in_value = false,
            Event::Text(t) if in_value => {
                let index = t.xml10_content().trim().parse::<usize>().ok();
                if let (Some(at), Some(runs)) = (at, index.and_then(|i| shared.get(&i))) {
                    out.push((at, runs.clone()));
                }
            }
            Event::Start(e) if e.local_name().as_ref() == "is" => in_inline = true,
            Event::End(e) if e.local_name().as_ref() == "is" => {
                in_inline = false;
                if let (Some(at), Some(runs)) = (at, reader.take()) {
                    out.push((at, runs));
                }
            }
            _ if in_inline => reader.event(event),
            _ => {}
        }
        ControlFlow::Continue(())
    });
    out
}

/// The cell styles (`cellXfs`, by index) whose font is struck through.
fn struck_styles(styles: &[u8]) -> Vec<bool> {
    let (mut fonts, mut struck_fonts) = (false, Vec::new());
    let (mut xfs, mut styles_struck) = (false, Vec::new());
    each_event(styles, |event| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "fonts" => fonts = true,
                "font" if fonts => struck_fonts.push(false),
                "strike" if fonts => {
                    let on = !matches!(attr(e, "val").as_deref(), Some("0" | "false"));
                    if let Some(last) = struck_fonts.last_mut() {
                        *last = on;
                    }
                }
                "cellXfs" => xfs = true,
                "xf" if xfs => {
                    let font: Option<usize> = attr(e, "fontId").and_then(|f| f.parse().ok());
                    styles_struck.push(font.is_some_and(|f| struck_fonts.get(f) == Some(&true)));
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "fonts" => fonts = false,
                "cellXfs" => xfs = false,
                _ => {}
            },
            _ => {}
        }
        ControlFlow::Continue(())
    });
    styles_struck
}

/// The cells of a sheet's XML holding a value in a struck style (row, column).
fn struck_cells_styled(xml: &[u8], struck: &[bool]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    let mut in_struck_cell = None;
    each_event(xml, |event| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "c" => {
                    let style: Option<usize> = attr(e, "s").and_then(|s| s.parse().ok());
                    let styled = matches!(event, Event::Start(_))
                        && style.is_some_and(|s| struck.get(s) == Some(&true));
                    in_struck_cell = attr(e, "r").and_then(|r| cell_at(&r)).filter(|_| styled);
                }
                "v" | "is" => {
                    if let Some(at) = in_struck_cell.take() {
                        out.push(at);
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "c" => in_struck_cell = None,
            _ => {}
        }
        ControlFlow::Continue(())
    });
    out
}

/// The rows and the columns a sheet's XML hides, in order; a sheet that says "hidden"
/// nowhere (most) is not read through.
fn hidden_in(xml: &[u8]) -> (Vec<u32>, Vec<u32>) {
    let (mut rows, mut columns) = (Vec::new(), Vec::new());
    if !xml.windows(6).any(|w| w == b"hidden") {
        return (rows, columns);
    }
    let number = |e: &quick_xml::events::BytesStart<'_>, name: &str| {
        attr(e, name).and_then(|v| v.parse::<u32>().ok())
    };
    each_event(xml, |event| {
        if let Event::Start(e) | Event::Empty(e) = event
            && matches!(e.local_name().as_ref(), "row" | "col")
            && matches!(attr(e, "hidden").as_deref(), Some("1" | "true"))
        {
            match e.local_name().as_ref() {
                "row" => rows.extend(number(e, "r").and_then(|r| r.checked_sub(1))),
                // `<col min="6" max="7" hidden="1"/>`: columns 6 and 7, from 1. A range is
                // bounded by the sheet's width (16,384 columns).
                "col" => {
                    if let (Some(min), Some(max)) = (number(e, "min"), number(e, "max")) {
                        columns.extend((min.max(1)..=max.min(16_384)).map(|c| c - 1));
                    }
                }
                _ => {}
            }
        }
        ControlFlow::Continue(())
    });
    rows.sort_unstable();
    columns.sort_unstable();
    columns.dedup();
    (rows, columns)
}

/// Each sheet's hidden rows and columns and its rows struck through, by the sheet's name.
/// Nothing for a file that cannot be read so: calamine says what is wrong with it.
pub(super) fn marks(bytes: &[u8]) -> HashMap<String, Marks> {
    let mut out = HashMap::new();
    let (Some(book), Some(rels)) = (
        entry(bytes, "xl/workbook.xml"),
        entry(bytes, "xl/_rels/workbook.xml.rels"),
    ) else {
        return out;
    };
    let struck = entry(bytes, "xl/styles.xml").map_or_else(Vec::new, |s| struck_styles(&s));
    // (Most files strike nothing: their strings are not read through.)
    let shared = entry(bytes, "xl/sharedStrings.xml")
        .filter(|x| x.windows(6).any(|w| w == b"strike"))
        .map_or_else(HashMap::new, |x| struck_strings(&x));
    let targets: HashMap<String, String> = elements(&rels, "Relationship", &["Id", "Target"])
        .into_iter()
        .filter_map(|a| Some((a[0].clone()?, a[1].clone()?)))
        .collect();
    for a in elements(&book, "sheet", &["name", "id"]) {
        let (Some(name), Some(id)) = (&a[0], &a[1]) else {
            continue;
        };
        let Some(target) = targets.get(id) else {
            continue;
        };
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = entry(bytes, &path) else {
            continue;
        };
        let (hidden, columns) = hidden_in(&xml);
        let mut struck = if struck.contains(&true) {
            struck_cells_styled(&xml, &struck)
        } else {
            Vec::new()
        };
        let cells = if !shared.is_empty() || xml.windows(6).any(|w| w == b"strike") {
            struck_cells(&xml, &shared)
        } else {
            Vec::new()
        };
        // A cell struck through whole, by its runs, as by its style; one struck in part keeps
        // its other words.
        let mut struck_words = Vec::new();
        for ((row, col), runs) in cells {
            if runs.all_struck() {
                struck.push((row, col));
            } else {
                struck_words.push(((row, col), runs));
            }
        }
        struck.sort_unstable();
        struck.dedup();
        if !hidden.is_empty()
            || !columns.is_empty()
            || !struck.is_empty()
            || !struck_words.is_empty()
        {
            out.insert(
                name.clone(),
                Marks {
                    rows: hidden,
                    columns,
                    struck,
                    struck_words,
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_struck_in_part_keep_their_other_words() {
        let xml = r#"<sst><si><t>Văn phòng Sở</t></si><si><r><rPr><strike/></rPr><t>TT&amp;TT</t></r><r><t xml:space="preserve"> Thanh tra S&#x1EDF;</t></r><rPh><t>x</t></rPh></si><si><r><rPr><strike val="0"/></rPr><t>VP</t></r></si></sst>"#.as_bytes();
        let found = struck_strings(xml);
        assert_eq!(found.len(), 1);
        let runs = &found[&1];
        assert_eq!(
            (runs.kept.as_str(), runs.struck.as_str()),
            ("Thanh tra Sở", "TT&TT")
        );
        assert_eq!(cell_at("C12"), Some((11, 2)));
        assert_eq!(cell_at("AA1"), Some((0, 26)));
        assert_eq!(cell_at("12"), None);
    }
}
