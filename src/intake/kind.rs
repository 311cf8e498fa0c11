//! What a file is, told by its content (magic bytes, the entries of a zip archive), the name
//! only confirming it; and the limits a file passes before anything in it is inflated or
//! parsed: its size, and for a zip archive its entry count, their inflated sizes and each
//! entry's ratio, all read from the central directory.

use std::io::{Cursor, Read};
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, IntakeProblem, Result};

/// The limits of a file brought in.
pub mod limits {
    /// Largest file read (a tracker of 50,000 rows is a few MB).
    pub const FILE: u64 = 64 << 20;
    /// Most entries a zip archive (xlsx, ods, docx) may declare.
    pub const ENTRIES: usize = 10_000;
    /// Most bytes all the entries of an archive may inflate to.
    pub const INFLATED: u64 = 512 << 20;
    /// Most a workbook's shared-string table may inflate to (a 50,000-row tracker's is some
    /// tens of MB).
    pub const SHARED_STRINGS: u64 = 64 << 20;
    /// Most an entry may inflate per stored byte, beyond [`RATIO_FLOOR`]: worksheets compress
    /// 5–20 times, a zip bomb a thousand.
    pub const RATIO: u64 = 200;
    /// An entry up to this size is never refused for its ratio.
    pub const RATIO_FLOOR: u64 = 1 << 20;
    /// Most data rows an import reads (of all its sheets).
    pub const ROWS: usize = 50_000;
    /// Cells a workbook may spread out to (its repeated rows and columns counted out) before
    /// it is read: an .ods of 2 KB can say "49,000 rows of 1,024 cells".
    pub const SPREAD: u64 = 5_000_000;
    /// Characters a workbook's cells may hold in all (a real tracker holds a few million).
    pub const TEXT: u64 = 100_000_000;
}

/// A file Giao Ban brings in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A Giao Ban exchange file (`exchange::import` takes it).
    Gbx,
    /// Excel 2007 and later.
    Xlsx,
    /// Excel 97–2003.
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// Comma-, semicolon- or tab-separated text.
    Csv,
    /// A Word document (a notice or minutes).
    Docx,
}

impl FileKind {
    /// Its `file_kind` label's value.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Gbx => "gbx",
            FileKind::Xlsx => "xlsx",
            FileKind::Xls => "xls",
            FileKind::Ods => "ods",
            FileKind::Csv => "csv",
            FileKind::Docx => "docx",
        }
    }

    /// Whether it is a tracker (a workbook or CSV).
    pub fn is_tracker(self) -> bool {
        matches!(
            self,
            FileKind::Xlsx | FileKind::Xls | FileKind::Ods | FileKind::Csv
        )
    }
}

/// What the content is, readable or not (the `file_kind` label's value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Ours(FileKind),
    Other(&'static str),
}

/// The kind the name says, for the kinds Giao Ban reads (`.xlsm` is a workbook too).
fn named(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "gbx" => FileKind::Gbx,
        "xlsx" | "xlsm" => FileKind::Xlsx,
        "xls" => FileKind::Xls,
        "ods" => FileKind::Ods,
        "csv" => FileKind::Csv,
        "docx" => FileKind::Docx,
        _ => return None,
    })
}

fn refused(p: IntakeProblem) -> Error {
    Error::Intake(p)
}

/// Reads the file at `path` whole after checking its size (a `.gbx` is left to the exchange,
/// which has limits of its own, and not read here).
pub fn read(path: &Path) -> Result<(FileKind, Vec<u8>)> {
    let name = named(path);
    if name == Some(FileKind::Gbx) {
        return Ok((FileKind::Gbx, Vec::new()));
    }
    // Only a file is read: a pipe or a device would be waited on for ever.
    let meta = std::fs::metadata(path).map_err(Error::io(path))?;
    if !meta.is_file() {
        return Err(refused(IntakeProblem::Unsupported {
            is: "unknown".into(),
        }));
    }
    let f = std::fs::File::open(path).map_err(Error::io(path))?;
    let len = f.metadata().map_err(Error::io(path))?.len();
    let mut head = Vec::new();
    f.take(limits::FILE + 1)
        .read_to_end(&mut head)
        .map_err(Error::io(path))?;
    if len > limits::FILE || head.len() as u64 > limits::FILE {
        // An exchange file under another name keeps its own, larger limit.
        if head.starts_with(b"age-encryption.org/v1") {
            return Ok((FileKind::Gbx, Vec::new()));
        }
        return Err(refused(IntakeProblem::TooLarge {
            limit_mib: (limits::FILE >> 20) as u32,
        }));
    }
    // An empty file (a copy that never finished, a CSV saved with nothing but its BOM):
    // said so, not "of an unknown kind" or "no table".
    let text = [&b"\xEF\xBB\xBF"[..], b"\xFF\xFE", b"\xFE\xFF"]
        .iter()
        .find_map(|bom| head.strip_prefix(*bom))
        .unwrap_or(&head);
    if text.iter().all(|b| b.is_ascii_whitespace() || *b == 0) {
        return Err(refused(IntakeProblem::Empty));
    }
    let kind = of_bytes(&head, name)?;
    Ok((kind, head))
}

/// The kind of `bytes`, whose name says `named`: a workbook under another workbook's name
/// ("an .xlsx saved as .xls") is read as what it is; any other content under a name of
/// another kind (a document or an image named .xlsx, an HTML page saved as ".xls") is
/// refused naming both.
pub fn of_bytes(bytes: &[u8], named: Option<FileKind>) -> Result<FileKind> {
    let content = content(bytes, named)?;
    match (content, named) {
        (Content::Ours(k), None) => Ok(k),
        (Content::Ours(k), Some(n)) if k == n => Ok(k),
        // A bundle, whatever its name, goes to the exchange as before.
        (Content::Ours(FileKind::Gbx), _) => Ok(FileKind::Gbx),
        (Content::Ours(k), Some(n)) if workbook(k) && workbook(n) => Ok(k),
        (Content::Ours(k), Some(n)) => Err(refused(IntakeProblem::Misnamed {
            named: n.name().into(),
            is: k.name().into(),
        })),
        (Content::Other(is), Some(n)) => Err(refused(IntakeProblem::Misnamed {
            named: n.name().into(),
            is: is.into(),
        })),
        (Content::Other(is), None) => Err(refused(IntakeProblem::Unsupported { is: is.into() })),
    }
}

/// Whether a kind is a workbook (.xlsx, .xls, .ods), not text.
fn workbook(k: FileKind) -> bool {
    matches!(k, FileKind::Xlsx | FileKind::Xls | FileKind::Ods)
}

/// OLE2 compound file (Excel 97–2003, Word 97–2003, an encrypted Office 2007 file).
const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn content(bytes: &[u8], named: Option<FileKind>) -> Result<Content> {
    if bytes.starts_with(b"age-encryption.org/v1") {
        return Ok(Content::Ours(FileKind::Gbx));
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return zip_content(bytes, named);
    }
    if bytes.starts_with(OLE2) {
        return ole2_content(bytes);
    }
    if bytes.starts_with(b"%PDF") {
        return Ok(Content::Other("pdf"));
    }
    let images: [&[u8]; 5] = [b"\x89PNG", b"\xFF\xD8\xFF", b"GIF8", b"BM", b"II*\0"];
    if images.iter().any(|m| bytes.starts_with(m)) {
        return Ok(Content::Other("image"));
    }
    if web_page(bytes) {
        return Ok(Content::Other("html"));
    }
    Ok(if is_text(bytes) {
        Content::Ours(FileKind::Csv)
    } else {
        Content::Other("unknown")
    })
}

/// A web page, as the "Excel" files many online systems give are (an HTML table under an
/// .xls name), or Excel 2003's XML spreadsheet: its first mark-up, after a BOM and blanks.
fn web_page(bytes: &[u8]) -> bool {
    let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head: Vec<u8> = start.iter().take(16).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<table",
        b"<?xml",
        b"<meta",
        b"<head",
    ]
    .iter()
    .any(|m| head.starts_with(m))
}

/// Text: UTF-16 LE with its BOM, or bytes without NUL and with few control characters
/// (UTF-8, or a legacy 8-bit encoding).
fn is_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return bytes.len().is_multiple_of(2);
    }
    let sample = &bytes[..bytes.len().min(64 << 10)];
    let controls = sample
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    !sample.is_empty() && !sample.contains(&0) && controls * 100 <= sample.len()
}

/// Names a compound file's directory holds, written UTF-16 LE: its streams.
fn has_stream(bytes: &[u8], name: &str) -> bool {
    let wide: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(wide.len()).any(|w| w == wide)
}

fn ole2_content(bytes: &[u8]) -> Result<Content> {
    if has_stream(bytes, "EncryptedPackage") || has_stream(bytes, "EncryptionInfo") {
        return Err(refused(IntakeProblem::Encrypted));
    }
    // A Word document first: its text may hold "Book" where a workbook names its stream.
    if has_stream(bytes, "WordDocument") {
        return Ok(Content::Other("doc"));
    }
    if has_stream(bytes, "Workbook") || has_stream(bytes, "Book") {
        return Ok(Content::Ours(FileKind::Xls));
    }
    Ok(Content::Other("unknown"))
}

/// One entry of an archive's central directory.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub name: String,
    pub stored: u64,
    pub inflated: u64,
}

/// The entries the central directory declares (nothing inflated).
fn entries(bytes: &[u8], kind: &'static str) -> Result<Vec<Entry>> {
    let damaged = || {
        refused(IntakeProblem::Damaged {
            kind: kind.to_string(),
        })
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    if zip.len() > limits::ENTRIES {
        return Err(refused(IntakeProblem::Inflates));
    }
    (0..zip.len())
        .map(|i| {
            let e = zip.by_index_raw(i).map_err(|_| damaged())?;
            Ok(Entry {
                name: e.name().to_string(),
                stored: e.compressed_size(),
                inflated: e.size(),
            })
        })
        .collect()
}

/// Refuses an archive whose entries would inflate beyond the limits (a workbook's shared
/// strings, read whole by calamine, at most [`limits::SHARED_STRINGS`]).
pub(super) fn check_inflation(entries: &[Entry]) -> Result<()> {
    let mut total: u64 = 0;
    for e in entries {
        if e.name == "xl/sharedStrings.xml" && e.inflated > limits::SHARED_STRINGS {
            return Err(refused(IntakeProblem::Inflates));
        }
        let ratio_ok = e.inflated <= limits::RATIO_FLOOR
            || e.inflated <= e.stored.saturating_mul(limits::RATIO);
        total = total.saturating_add(e.inflated);
        if !ratio_ok || total > limits::INFLATED {
            return Err(refused(IntakeProblem::Inflates));
        }
    }
    Ok(())
}

/// Refuses an archive an entry of which inflates past the size its headers declare (the
/// deflate stream is not stopped there by the zip reader): each is inflated once, counted,
/// and cut at one byte past what it declares, before any reader trusts those sizes.
fn check_true_sizes(bytes: &[u8], entries: &[Entry]) -> Result<()> {
    use std::io::Read;
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| refused(IntakeProblem::Inflates))?;
    for (i, e) in entries.iter().enumerate() {
        let Ok(entry) = zip.by_index(i) else {
            return Err(refused(IntakeProblem::Inflates));
        };
        let read = std::io::copy(&mut entry.take(e.inflated + 1), &mut std::io::sink());
        if read.map_or(true, |n| n > e.inflated) {
            return Err(refused(IntakeProblem::Inflates));
        }
    }
    Ok(())
}

fn zip_content(bytes: &[u8], named: Option<FileKind>) -> Result<Content> {
    let kind = match named {
        Some(k) if k != FileKind::Csv => k.name(),
        _ => "zip",
    };
    let list = entries(bytes, kind)?;
    let has = |n: &str| list.iter().any(|e| e.name == n);
    // An exchange file is checked by the exchange, with its own limits.
    if has("manifest.json") && has("records.jsonl") {
        return Ok(Content::Ours(FileKind::Gbx));
    }
    check_inflation(&list)?;
    check_true_sizes(bytes, &list)?;
    Ok(if has("xl/workbook.xml") {
        Content::Ours(FileKind::Xlsx)
    } else if has("word/document.xml") {
        Content::Ours(FileKind::Docx)
    } else if has("content.xml") && odf_mimetype(bytes, "spreadsheet") {
        Content::Ours(FileKind::Ods)
    } else if has("content.xml") && odf_mimetype(bytes, "text") {
        Content::Other("odt")
    } else {
        Content::Other("zip")
    })
}

/// Whether the archive's `mimetype` entry (stored first, uncompressed, by the standard) names
/// an OpenDocument file of `kind` ("spreadsheet", "text").
fn odf_mimetype(bytes: &[u8], kind: &str) -> bool {
    let want = format!("application/vnd.oasis.opendocument.{kind}");
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let Ok(entry) = zip.by_name("mimetype") else {
        return false;
    };
    let mut text = Vec::new();
    entry.take(128).read_to_end(&mut text).is_ok() && text.trim_ascii() == want.as_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn entry(inflated: u64, stored: u64) -> Entry {
        Entry {
            name: "xl/worksheets/sheet1.xml".into(),
            stored,
            inflated,
        }
    }

    #[test]
    fn inflation_is_bounded_per_entry_and_in_all() {
        assert!(check_inflation(&[entry(20 << 20, 2 << 20)]).is_ok());
        assert!(check_inflation(&[entry(900 << 10, 1)]).is_ok());
        assert!(matches!(
            check_inflation(&[entry(300 << 20, 1 << 20)]),
            Err(Error::Intake(IntakeProblem::Inflates))
        ));
        let many: Vec<Entry> = (0..6).map(|_| entry(100 << 20, 10 << 20)).collect();
        assert!(check_inflation(&many).is_err());
    }

    #[test]
    fn magic_bytes_tell_the_kind_and_a_wrong_name_is_said() {
        assert_eq!(
            of_bytes(b"STT,Noi dung\n1,a\n", None).unwrap(),
            FileKind::Csv
        );
        assert_eq!(
            of_bytes(b"\xFF\xFES\0T\0", Some(FileKind::Csv)).unwrap(),
            FileKind::Csv
        );
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        match of_bytes(png, Some(FileKind::Xlsx)) {
            Err(Error::Intake(IntakeProblem::Misnamed { named, is })) => {
                assert_eq!((named.as_str(), is.as_str()), ("xlsx", "image"))
            }
            other => panic!("{other:?}"),
        }
        // A workbook under another workbook's name is read as what it is; text under one is
        // not taken for a CSV.
        let xlsx = zip_of(&[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
        ]);
        assert_eq!(
            of_bytes(&xlsx, Some(FileKind::Xls)).unwrap(),
            FileKind::Xlsx
        );
        assert!(matches!(
            of_bytes(b"<html><table></table></html>", Some(FileKind::Xls)),
            Err(Error::Intake(IntakeProblem::Misnamed { .. }))
        ));
        assert!(matches!(
            of_bytes(b"%PDF-1.7", None),
            Err(Error::Intake(IntakeProblem::Unsupported { .. }))
        ));
        let mut encrypted = OLE2.to_vec();
        encrypted.extend(vec![0; 512]);
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert!(matches!(
            of_bytes(&encrypted, Some(FileKind::Xlsx)),
            Err(Error::Intake(IntakeProblem::Encrypted))
        ));
        assert!(matches!(
            of_bytes(b"PK\x03\x04garbage", Some(FileKind::Xlsx)),
            Err(Error::Intake(IntakeProblem::Damaged { .. }))
        ));
        // An OpenDocument text is named as one, not as a ZIP archive.
        let odt = zip_of(&[
            ("mimetype", b"application/vnd.oasis.opendocument.text"),
            ("content.xml", b"<office:document-content/>"),
        ]);
        match of_bytes(&odt, None) {
            Err(Error::Intake(IntakeProblem::Unsupported { is })) => assert_eq!(is, "odt"),
            other => panic!("{other:?}"),
        }
    }
}
