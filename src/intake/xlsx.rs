//! What calamine does not say of an .xlsx sheet: its hidden rows (filtered out, or hidden by
//! hand) and columns, read from the sheet's XML as events, so that each row brought in is
//! told and a visible column is read before a hidden one of the same name.

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

/// Each sheet's hidden rows and hidden columns (from 0, as calamine counts them, in order),
/// by the sheet's name. Nothing for a file that cannot be read so: calamine says what is
/// wrong with it.
pub(super) fn hidden(bytes: &[u8]) -> HashMap<String, (Vec<u32>, Vec<u32>)> {
    let mut out = HashMap::new();
    let (Some(book), Some(rels)) = (
        entry(bytes, "xl/workbook.xml"),
        entry(bytes, "xl/_rels/workbook.xml.rels"),
    ) else {
        return out;
    };
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
        let mut hidden: Vec<u32> = elements(&xml, "row", &["r", "hidden"])
            .into_iter()
            .filter(|a| matches!(a[1].as_deref(), Some("1" | "true")))
            .filter_map(|a| a[0].as_deref()?.parse::<u32>().ok()?.checked_sub(1))
            .collect();
        hidden.sort_unstable();
        // `<col min="6" max="7" hidden="1"/>`: columns 6 and 7, from 1. A range is bounded
        // by the sheet's width (16,384 columns).
        let mut columns: Vec<u32> = elements(&xml, "col", &["min", "max", "hidden"])
            .into_iter()
            .filter(|a| matches!(a[2].as_deref(), Some("1" | "true")))
            .filter_map(|a| {
                let min = a[0].as_deref()?.parse::<u32>().ok()?;
                let max = a[1].as_deref()?.parse::<u32>().ok()?.min(16_384);
                Some((min.max(1)..=max).map(|c| c - 1))
            })
            .flatten()
            .collect();
        columns.sort_unstable();
        columns.dedup();
        if !hidden.is_empty() || !columns.is_empty() {
            out.insert(name.clone(), (hidden, columns));
        }
    }
    out
}
