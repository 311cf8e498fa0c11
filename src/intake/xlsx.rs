//! What calamine does not say of an .xlsx sheet: its hidden rows (filtered out, or hidden by
//! hand) and columns, and its rows struck through (a task withdrawn, as offices mark it),
//! read from the sheet's XML and its styles as events, so that each row brought in is told
//! and a visible column is read before a hidden one of the same name.

use std::collections::HashMap;
use std::ops::ControlFlow;

use quick_xml::events::Event;

use super::xml::{attr, each_event, entry};

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
    /// Rows with a value struck through.
    pub struck: Vec<u32>,
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

/// The rows of a sheet's XML holding a value in a cell of a struck style.
fn struck_rows(xml: &[u8], struck: &[bool]) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let (mut row, mut in_struck_cell) = (0u32, false);
    each_event(xml, |event| {
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "row" => {
                    if let Some(r) = attr(e, "r").and_then(|r| r.parse::<u32>().ok()) {
                        row = r.saturating_sub(1);
                    }
                }
                "c" => {
                    let style: Option<usize> = attr(e, "s").and_then(|s| s.parse().ok());
                    in_struck_cell = matches!(event, Event::Start(_))
                        && style.is_some_and(|s| struck.get(s) == Some(&true));
                }
                "v" | "is" if in_struck_cell && out.last() != Some(&row) => out.push(row),
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "c" => in_struck_cell = false,
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
        let struck = if struck.contains(&true) {
            struck_rows(&xml, &struck)
        } else {
            Vec::new()
        };
        if !hidden.is_empty() || !columns.is_empty() || !struck.is_empty() {
            out.insert(
                name.clone(),
                Marks {
                    rows: hidden,
                    columns,
                    struck,
                },
            );
        }
    }
    out
}
