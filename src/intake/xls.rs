//! What calamine does not say of an .xls sheet: its hidden rows and columns and its rows
//! struck through, read from the BIFF8 records of its workbook stream (fonts, cell formats,
//! sheets, rows, columns and the cells' formats), so that an .xls reads as the same tracker
//! saved as .xlsx does.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The workbook stream of an .xls (its compound file's "Workbook", "Book" in older ones),
/// if the file is one.
pub(super) fn stream(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    let name = if file.exists("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let mut data = Vec::new();
    file.open_stream(name).ok()?.read_to_end(&mut data).ok()?;
    Some(data)
}

/// The records of a BIFF stream, in order: each one's type, its body, and where it starts.
pub(super) fn records(data: &[u8]) -> impl Iterator<Item = (u16, &[u8], usize)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let head = data.get(at..at + 4)?;
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let body = &data[at + 4..(at + 4 + len).min(data.len())];
        let here = at;
        at += 4 + len;
        Some((kind, body, here))
    })
}

/// What an .xls sheet says beyond its cells (rows and columns from 0, in order).
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// Rows hidden.
    pub rows: Vec<u32>,
    /// Columns hidden.
    pub columns: Vec<u32>,
    /// Cells holding a value whose font is struck through (row, column).
    pub struck: Vec<(u32, u32)>,
}

/// A little-endian number of two bytes at `k`, if the body holds it.
fn u16_at(body: &[u8], k: usize) -> Option<u16> {
    body.get(k..k + 2).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

/// A worksheet's name and the stream position of its records, from its BOUNDSHEET8
/// record; none for a chart or macro sheet.
fn sheet(body: &[u8]) -> Option<(usize, String)> {
    let at = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let (worksheet, chars, wide) = (*body.get(5)? == 0, *body.get(6)?, *body.get(7)? & 1 != 0);
    let text = body.get(8..)?;
    let name = if wide {
        let units: Vec<u16> = (text.chunks_exact(2).take(usize::from(chars)))
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        text.iter()
            .take(usize::from(chars))
            .map(|&b| char::from(b))
            .collect()
    };
    worksheet.then_some((at, name))
}

/// Each worksheet's hidden rows and columns and its rows struck through, by the sheet's
/// name. Nothing for a file that is not BIFF8 or cannot be read so: calamine says what is
/// wrong with it.
pub(super) fn marks(bytes: &[u8]) -> HashMap<String, Marks> {
    let mut out: HashMap<String, Marks> = HashMap::new();
    let Some(data) = stream(bytes) else {
        return out;
    };
    // Whether each font, then each cell format (by its font), is struck through.
    let (mut fonts, mut formats) = (Vec::<bool>::new(), Vec::<bool>::new());
    let mut sheets: HashMap<usize, String> = HashMap::new();
    let mut here: Option<String> = None;
    let struck_format = |formats: &[bool], xf: Option<u16>| {
        xf.is_some_and(|x| formats.get(usize::from(x)) == Some(&true))
    };
    for (kind, body, at) in records(&data) {
        match kind {
            // BOF: the globals (BIFF8 only), or a sheet's records.
            0x0809 => {
                if at == 0 && u16_at(body, 0) != Some(0x0600) {
                    return out;
                }
                here = sheets.get(&at).cloned();
            }
            // FONT: its flags say struck through.
            0x0031 => fonts.push(u16_at(body, 2).is_some_and(|g| g & 0x0008 != 0)),
            // XF: by its font (fonts are numbered 0 to 3, then from 5).
            0x00E0 => {
                let font = u16_at(body, 0).map(|f| usize::from(if f >= 4 { f - 1 } else { f }));
                formats.push(font.is_some_and(|f| fonts.get(f) == Some(&true)));
            }
            0x0085 => sheets.extend(sheet(body)),
            _ => {}
        }
        let Some(name) = &here else {
            continue;
        };
        let row = u16_at(body, 0).map(u32::from);
        match kind {
            // ROW: hidden (its height zero).
            0x0208 if u16_at(body, 12).is_some_and(|g| g & 0x0020 != 0) => {
                let m = out.entry(name.clone()).or_default();
                m.rows.extend(row);
            }
            // COLINFO: a range of columns hidden (a sheet is 256 wide).
            0x007D if u16_at(body, 8).is_some_and(|g| g & 0x0001 != 0) => {
                if let (Some(first), Some(last)) = (u16_at(body, 0), u16_at(body, 2)) {
                    let m = out.entry(name.clone()).or_default();
                    m.columns
                        .extend(u32::from(first)..=u32::from(last.min(255)));
                }
            }
            // A cell holding a value (LABELSST, LABEL, NUMBER, RK, FORMULA, BOOLERR), its
            // format at byte 4; MULRK, a format before each value.
            0x00FD | 0x0204 | 0x0203 | 0x027E | 0x0006 | 0x0205
                if struck_format(&formats, u16_at(body, 4)) =>
            {
                let col = u16_at(body, 2).map(u32::from);
                let m = out.entry(name.clone()).or_default();
                m.struck.extend(row.zip(col));
            }
            0x00BD => {
                let values = body.len().saturating_sub(6) / 6;
                let first = u16_at(body, 2).map(u32::from);
                for k in 0..values {
                    if struck_format(&formats, u16_at(body, 4 + 6 * k)) {
                        let at = row.zip(first.map(|c| c + k as u32));
                        out.entry(name.clone()).or_default().struck.extend(at);
                    }
                }
            }
            _ => {}
        }
    }
    for m in out.values_mut() {
        for list in [&mut m.rows, &mut m.columns] {
            list.sort_unstable();
            list.dedup();
        }
        m.struck.sort_unstable();
        m.struck.dedup();
    }
    out
}
