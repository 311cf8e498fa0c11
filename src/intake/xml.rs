//! What the readers of a spreadsheet's own XML share (`ods.rs`, `xlsx.rs`): an entry of its
//! zip, an element's attribute, its events read one after another, and the character a
//! reference stands for.

use std::io::{Cursor, Read};
use std::ops::ControlFlow;

use quick_xml::events::{BytesRef, BytesStart, Event};

/// The entry `name` of the zip `bytes`, if it is one and holds it.
pub(super) fn entry(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let mut e = zip.by_name(name).ok()?;
    let mut xml = Vec::new();
    e.read_to_end(&mut xml).ok()?;
    Some(xml)
}

/// An element's attribute `name`, by its whole name (`table:name`) or its local one (`id`
/// for `r:id`), its entities unescaped.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .map(|a| {
            quick_xml::escape::unescape(a.value.as_ref())
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

/// The character a reference stands for (`&amp;`, `&#x1EC7;`); none for one unknown.
pub(super) fn referenced(r: &BytesRef) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
            .unwrap_or_default()
            .to_string(),
    }
}

/// `f` on each event of `xml` in turn, until the end, an error, or `f` stops; whether `f`
/// let it run to the end.
pub(super) fn each_event(xml: &[u8], mut f: impl FnMut(&Event) -> ControlFlow<()>) -> bool {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return true,
            Ok(event) => {
                if f(&event).is_break() {
                    return false;
                }
            }
        }
        buf.clear();
    }
}
