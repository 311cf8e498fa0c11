//! What calamine does not say of an .xlsx sheet: its hidden rows (filtered out, or hidden by
//! hand), read from the sheet's XML as events, so that each one brought in is told.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};

/// The entry `name` of the archive, if there.
fn entry(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut e = zip.by_name(name).ok()?;
    let mut xml = Vec::new();
    e.read_to_end(&mut xml).ok()?;
    Some(xml)
}

/// An element's attribute `name` (its local name: `r:id` is `id`), unescaped.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            quick_xml::escape::unescape(a.value.as_ref())
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Each element `tag` of `xml` (its local name), as its attributes `names`.
fn elements(xml: &[u8], tag: &str, names: &[&str]) -> Vec<Vec<Option<String>>> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == tag => {
                out.push(names.iter().map(|n| attr(&e, n)).collect());
            }
            Ok(_) => {}
        }
        buf.clear();
    }
    out
}

/// Each sheet's hidden rows (from 0, as calamine counts them, in order), by the sheet's name. Nothing
/// for a file that cannot be read so: calamine says what is wrong with it.
pub(super) fn hidden_rows(bytes: &[u8]) -> HashMap<String, Vec<u32>> {
    let mut out = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let (Some(book), Some(rels)) = (
        entry(&mut zip, "xl/workbook.xml"),
        entry(&mut zip, "xl/_rels/workbook.xml.rels"),
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
        let Some(xml) = entry(&mut zip, &path) else {
            continue;
        };
        let mut hidden: Vec<u32> = elements(&xml, "row", &["r", "hidden"])
            .into_iter()
            .filter(|a| matches!(a[1].as_deref(), Some("1" | "true")))
            .filter_map(|a| a[0].as_deref()?.parse::<u32>().ok()?.checked_sub(1))
            .collect();
        hidden.sort_unstable();
        if !hidden.is_empty() {
            out.insert(name.clone(), hidden);
        }
    }
    out
}
