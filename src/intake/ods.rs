//! What calamine does not read of an OpenDocument sheet: the cells merged down a column
//! ("Văn bản giao" over three rows), from its `content.xml`, so that an .ods reads as the
//! same tracker saved as .xlsx or .xls does.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use calamine::Dimensions;
use quick_xml::events::{BytesStart, Event};

/// Each sheet's cells merged over more than one row, by the sheet's name (rows and columns
/// from 0, as calamine counts them). Nothing for a file that cannot be read: calamine says
/// what is wrong with it.
pub(super) fn merged_down(bytes: &[u8]) -> HashMap<String, Vec<Dimensions>> {
    let mut out: HashMap<String, Vec<Dimensions>> = HashMap::new();
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return out;
    };
    let Ok(mut entry) = zip.by_name("content.xml") else {
        return out;
    };
    let mut xml = Vec::new();
    if entry.read_to_end(&mut xml).is_err() {
        return out;
    }
    let attr = |e: &BytesStart, name: &str| {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            .map(|a| a.value.to_string())
    };
    let number = |e: &BytesStart, name: &str| -> u32 {
        attr(e, name)
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(1)
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut sheet = String::new();
    // The row being read and its repeat; the next cell's column.
    let (mut row, mut repeat, mut col) = (0u32, 1u32, 0u32);
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    sheet = attr(e, "table:name").unwrap_or_default();
                    row = 0;
                }
                "table:table-row" => {
                    (repeat, col) = (number(e, "table:number-rows-repeated"), 0);
                    if matches!(event, Event::Empty(_)) {
                        row = row.saturating_add(repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let spans = number(e, "table:number-rows-spanned");
                    if spans > 1 && e.name().as_ref() == "table:table-cell" {
                        let wide = number(e, "table:number-columns-spanned");
                        out.entry(sheet.clone()).or_default().push(Dimensions {
                            start: (row, col),
                            end: (row.saturating_add(spans - 1), col.saturating_add(wide - 1)),
                        });
                    }
                    col = col.saturating_add(number(e, "table:number-columns-repeated"));
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                row = row.saturating_add(repeat);
            }
            _ => {}
        }
        buf.clear();
    }
    out
}
