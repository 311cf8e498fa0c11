//! What calamine does not say of an .xls sheet: its hidden rows and columns and its rows
//! struck through, read from the BIFF8 records of its workbook stream (fonts, cell formats,
//! sheets, rows, columns and the cells' formats), so that an .xls reads as the same tracker
//! saved as .xlsx does.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::ops::Range;

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
    /// Cells of rich text with words struck through among others (row, column), and the
    /// characters struck (UTF-16 units, as BIFF8 counts them, from the text's start).
    pub struck_spans: Vec<((u32, u32), Spans)>,
}

/// The characters of a text struck through (UTF-16 units from its start).
pub(super) type Spans = Vec<Range<usize>>;

/// The characters of a rich text of `len` characters whose font is struck through, by its
/// runs (each from a character on, in a font) and the cell format's font before the first
/// run (`base`): none when nothing is, every one when all is.
fn struck_spans(
    len: usize,
    runs: &[Run],
    base: bool,
    struck: impl Fn(u16) -> bool,
) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let first = runs.first().map_or(len, |r| usize::from(r.0).min(len));
    let segments =
        std::iter::once((0, first, base)).chain(runs.iter().enumerate().map(|(k, r)| {
            let end = runs.get(k + 1).map_or(len, |n| usize::from(n.0));
            (usize::from(r.0).min(len), end.min(len), struck(r.1))
        }));
    for (start, end, is_struck) in segments {
        if !is_struck || start >= end {
            continue;
        }
        match spans.last_mut() {
            Some(last) if last.end == start => last.end = end,
            _ => spans.push(start..end),
        }
    }
    spans
}

/// Whether font `f` (by its place among the FONT records) is struck through.
fn fonts_struck(fonts: &[bool], f: usize) -> bool {
    fonts.get(f) == Some(&true)
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
    // The shared strings (the SST record and its CONTINUE records): their runs' fonts.
    let (mut sst, mut in_sst, mut strings): (Vec<&[u8]>, bool, Vec<SharedString>) =
        (Vec::new(), false, Vec::new());
    let struck_format = |formats: &[bool], xf: Option<u16>| {
        xf.is_some_and(|x| formats.get(usize::from(x)) == Some(&true))
    };
    for (kind, body, at) in records(&data) {
        if kind == 0x00FC {
            (sst, in_sst) = (vec![body], true);
        } else if kind == 0x003C && in_sst {
            sst.push(body);
        } else if in_sst {
            in_sst = false;
            strings = sst_lengths(&sst);
        }
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
                formats.push(font.is_some_and(|f| fonts_struck(&fonts, f)));
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
            // A rich text: struck whole when every character is, else its struck words are
            // left out of the rest.
            0x00FD
                if let Some((len, runs)) = body.get(6..10).and_then(|i| {
                    let isst = u32::from_le_bytes([i[0], i[1], i[2], i[3]]) as usize;
                    strings.get(isst).filter(|(_, r)| !r.is_empty())
                }) =>
            {
                let font = |f: u16| usize::from(if f >= 4 { f - 1 } else { f });
                let base = struck_format(&formats, u16_at(body, 4));
                let len = *len as usize;
                let spans = struck_spans(len, runs, base, |f| fonts_struck(&fonts, font(f)));
                let at = row.zip(u16_at(body, 2).map(u32::from));
                let m = out.entry(name.clone()).or_default();
                match (spans.as_slice(), at) {
                    ([], _) | (_, None) => {}
                    ([whole], Some(at)) if whole.start == 0 && whole.end >= len => {
                        m.struck.push(at)
                    }
                    (_, Some(at)) => m.struck_spans.push((at, spans)),
                }
            }
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

/// A run of a rich text: the character it starts at and its font.
pub(super) type Run = (u16, u16);

/// A shared string's length in characters and its runs (none when plain).
pub(super) type SharedString = (u32, Vec<Run>);

/// The length in characters of each string of an .xls's shared-string table, and its runs
/// when it is rich text (its SST record
/// and the CONTINUE records after it), walked as BIFF8 lays them out: a string's characters
/// may go on in the next record, which then starts with a new flags byte.
pub(super) fn sst_lengths(parts: &[&[u8]]) -> Vec<SharedString> {
    struct At<'p> {
        parts: &'p [&'p [u8]],
        part: usize,
        pos: usize,
    }
    impl At<'_> {
        /// The next `n` bytes as a little-endian number, read across records.
        fn number(&mut self, n: usize) -> Option<u32> {
            let mut v = 0u32;
            for k in 0..n {
                while self.pos >= self.parts.get(self.part)?.len() {
                    self.part += 1;
                    self.pos = 0;
                }
                v |= u32::from(self.parts[self.part][self.pos]) << (8 * k);
                self.pos += 1;
            }
            Some(v)
        }

        /// Passes `n` bytes, across records; false past the last.
        fn skip(&mut self, mut n: usize) -> bool {
            while n > 0 {
                let Some(part) = self.parts.get(self.part) else {
                    return false;
                };
                let here = part.len().saturating_sub(self.pos).min(n);
                self.pos += here;
                n -= here;
                if n > 0 {
                    self.part += 1;
                    self.pos = 0;
                }
            }
            true
        }
    }
    let mut at = At {
        parts,
        part: 0,
        pos: 8,
    };
    let mut out = Vec::new();
    while let (Some(cch), Some(flags)) = (at.number(2), at.number(1)) {
        let runs = if flags & 8 != 0 {
            at.number(2).unwrap_or(0)
        } else {
            0
        };
        let ext = if flags & 4 != 0 {
            at.number(4).unwrap_or(0)
        } else {
            0
        };
        let at_out = out.len();
        out.push((cch, Vec::new()));
        let (mut left, mut wide) = (cch as usize, flags & 1 != 0);
        while left > 0 {
            let Some(part) = parts.get(at.part) else {
                return out;
            };
            let width = if wide { 2 } else { 1 };
            let here = (part.len().saturating_sub(at.pos) / width).min(left);
            if here == 0 {
                // The characters go on in the next record, after its own flags byte.
                at.part += 1;
                let Some(next) = parts.get(at.part) else {
                    return out;
                };
                wide = next.first().is_some_and(|f| f & 1 != 0);
                at.pos = 1;
                continue;
            }
            at.pos += here * width;
            left -= here;
        }
        // Each run: the character it starts at, and its font.
        for _ in 0..runs.min(1_000) {
            match (at.number(2), at.number(2)) {
                (Some(from), Some(font)) => out[at_out].1.push((from as u16, font as u16)),
                _ => return out,
            }
        }
        if !at.skip(4 * runs.saturating_sub(1_000) as usize + ext as usize) {
            return out;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_strings_are_measured_across_records() {
        let first: Vec<u8> = [
            &[9, 0, 0, 0, 3, 0, 0, 0][..],
            &[3, 0, 0],
            b"abc",
            &[5, 0, 0],
            b"ab",
        ]
        .concat();
        let second: Vec<u8> = [&[0][..], b"cde", &[1, 0, 1, b'x', 0]].concat();
        assert_eq!(
            sst_lengths(&[&first, &second]),
            [(3, vec![]), (5, vec![]), (1, vec![])]
        );
    }
}
