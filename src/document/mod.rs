//! Official documents (Nghị định 30/2020/NĐ-CP): the minutes (Biên bản, Mẫu 1.9) and the
//! conclusion notice (Thông báo kết luận, Mẫu 1.4) of a meeting as DOCX; the report on
//! directives as DOCX and its per-unit annex as XLSX with formulas; the directive list as XLSX and CSV. Numbers come from the register
//! when a document is issued; files are written whole, then renamed into place.

pub mod format;
pub mod history;
mod markdown;
mod minutes;
mod notice;
pub mod register;
pub mod report;
mod unit_report;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::minutes::MeetingRecord;
use crate::office::{self, Office};
use crate::store::{Store, Tx};
use crate::{directive, person, unit};
pub use register::DocKind;

/// How the document is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// A preview: "Số:      /BB-…", nothing registered.
    Preview,
    /// Issued: the meeting's number of this kind, or the next one of the year.
    Issue,
    /// Issued with the number the secretary chose (refused when taken).
    Number(u32),
}

/// A document written.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Written {
    /// The file.
    pub path: PathBuf,
    /// Its number, e.g. "05/BB-STTTT" (none for a preview or a report without one).
    pub number: Option<String>,
}

impl Written {
    /// This document as a PDF for printing, when `pdf` asks for it; the number stays.
    pub fn printable(self, pdf: bool) -> Result<Written> {
        if !pdf {
            return Ok(self);
        }
        Ok(Written {
            path: to_pdf(&self.path)?,
            number: self.number,
        })
    }
}

/// What a meeting document is made from.
pub(crate) struct Sheet {
    pub office: Office,
    pub record: MeetingRecord,
    pub number: Option<u32>,
    pub issued_on: NaiveDate,
    chair_title: Option<String>,
}

impl Sheet {
    fn number_line(&self, kind: &str) -> String {
        format::number_line(self.number, kind, &self.office.symbol)
    }

    /// "Giám đốc Sở Hà Văn Thắng", or just the name when the chair has no title.
    fn chair_with_title(&self) -> Option<String> {
        let name = self.record.chair.as_ref()?;
        Some(match &self.chair_title {
            Some(t) if !t.trim().is_empty() => format!("{} {name}", t.trim()),
            _ => name.clone(),
        })
    }
}

/// "07 giờ 30" on the office clock.
fn clock(at: DateTime<Utc>) -> String {
    let t = at.with_timezone(&crate::date::office_offset());
    format!("{:02} giờ {:02}", t.hour(), t.minute())
}

/// A document read and ready to be numbered and written. The three steps let the window
/// read on a reader, take the number in a short write, and build the file holding nothing,
/// so the editor's saves never wait behind a document.
pub struct Draft {
    kind: DocKind,
    numbering: Numbering,
    /// The meeting a minutes or notice belongs to.
    meeting: Option<Uuid>,
    /// The year whose register gives the number.
    year: i32,
    out: PathBuf,
    body: Body,
}

enum Body {
    Meeting {
        sheet: Box<Sheet>,
        directives: Vec<(directive::Directive, String, Vec<String>)>,
    },
    Report {
        office: Box<Office>,
        table: crate::stats::UnitTable,
        today: NaiveDate,
    },
}

impl Draft {
    /// Whether the document takes a number (not a preview).
    pub fn numbered(&self) -> bool {
        self.numbering != Numbering::Preview
    }

    /// Takes the document's number in `tx` (none for a preview), once its file is known to
    /// be writable: a folder that does not exist or cannot be written takes no number.
    pub fn number(&self, tx: &Tx<'_>) -> Result<Option<u32>> {
        if self.numbered() {
            writable(&self.out)?;
        }
        Ok(match self.numbering {
            Numbering::Preview => None,
            Numbering::Issue => Some(register::issue(tx, self.kind, self.year, self.meeting)?),
            Numbering::Number(n) => {
                // Only a meeting's document is given a chosen number.
                let Some(meeting) = self.meeting else {
                    return Err(Error::invalid(
                        crate::error::Field::DocumentNumber,
                        crate::error::Rule::BadNumber(n.to_string()),
                    ));
                };
                Some(register::correct_for(tx, self.kind, meeting, n)?)
            }
        })
    }

    /// Builds the document with `number` and writes it whole to its file.
    pub fn write(self, number: Option<u32>) -> Result<Written> {
        let code = self.kind.code();
        let (docx, symbol) = match self.body {
            Body::Meeting {
                mut sheet,
                directives,
            } => {
                sheet.number = number;
                let docx = match self.kind {
                    DocKind::Minutes => minutes::build(&sheet),
                    _ => notice::build(&sheet, &directives),
                };
                (docx, sheet.office.symbol)
            }
            Body::Report {
                office,
                table,
                today,
            } => {
                let line = format::number_line(number, code, &office.symbol);
                (
                    unit_report::build(&office, &table, &line, today),
                    office.symbol,
                )
            }
        };
        pack(docx, &self.out)?;
        Ok(Written {
            path: self.out,
            number: number.map(|n| format::number(n, code, &symbol)),
        })
    }

    /// The three steps on one store: read, number, write.
    pub fn issue(self, store: &mut Store) -> Result<Written> {
        let number = match self.numbered() {
            true => store.write(|tx| self.number(tx))?,
            false => None,
        };
        self.write(number)
    }
}

/// Reads what the minutes or the conclusion notice of `meeting` is made from, to be written
/// to `out` (DOCX) numbered as `numbering` says.
pub fn meeting_draft(
    conn: &rusqlite::Connection,
    kind: DocKind,
    meeting: Uuid,
    numbering: Numbering,
    out: &Path,
) -> Result<Draft> {
    let office = office::load(conn)?.unwrap_or_default();
    office.ready(kind == DocKind::Notice)?;
    let today = crate::date::today();
    let record = crate::minutes::record(conn, meeting, today)?;
    let chair_title = match record.meeting.chair_id {
        Some(id) => person::get(conn, id)?.title,
        None => None,
    };
    let mut directives = Vec::new();
    for row in &record.directives {
        let d = directive::get(conn, row.id)?;
        let mut coordinating = Vec::new();
        for id in &d.coordinating_unit_ids {
            coordinating.push(unit::get(conn, *id)?.name);
        }
        directives.push((d, row.lead_unit.clone(), coordinating));
    }
    let year = register::year_for(conn, kind, meeting, today)?;
    Ok(Draft {
        kind,
        numbering,
        meeting: Some(meeting),
        year,
        out: out.to_path_buf(),
        body: Body::Meeting {
            sheet: Box::new(Sheet {
                office,
                record,
                number: None,
                issued_on: today,
                chair_title,
            }),
            directives,
        },
    })
}

/// Writes the minutes or the conclusion notice of `meeting` to `out` (DOCX).
pub fn meeting_document(
    store: &mut Store,
    kind: DocKind,
    meeting: Uuid,
    numbering: Numbering,
    out: &Path,
) -> Result<Written> {
    meeting_draft(store.conn(), kind, meeting, numbering, out)?.issue(store)
}

/// Reads what the report on directives for `table` is made from (DOCX: narrative summary
/// and the per-unit annex), numbered `…/BC-<symbol>` unless a preview.
pub fn unit_report_draft(
    conn: &rusqlite::Connection,
    table: crate::stats::UnitTable,
    preview: bool,
    out: &Path,
) -> Result<Draft> {
    let office = office::load(conn)?.unwrap_or_default();
    office.ready(true)?;
    let today = crate::date::today();
    Ok(Draft {
        kind: DocKind::Report,
        numbering: if preview {
            Numbering::Preview
        } else {
            Numbering::Issue
        },
        meeting: None,
        year: today.year(),
        out: out.to_path_buf(),
        body: Body::Report {
            office: Box::new(office),
            table,
            today,
        },
    })
}

/// Writes the report on directives for `table` (DOCX: narrative summary and the per-unit
/// annex), numbered `…/BC-<symbol>` unless a preview.
pub fn unit_report(
    store: &mut Store,
    table: &crate::stats::UnitTable,
    preview: bool,
    out: &Path,
) -> Result<Written> {
    unit_report_draft(store.conn(), table.clone(), preview, out)?.issue(store)
}

fn pack(docx: docx_rs::Docx, out: &Path) -> Result<()> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(|e| Error::Io {
        path: out.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    write_whole(out, &bytes.into_inner())
}

/// Converts a DOCX (or XLSX) file to PDF beside it with LibreOffice, for printing; returns
/// the PDF. Each conversion runs headless with a profile of its own (removed afterwards), so
/// an open LibreOffice window or a second conversion at the same time is not disturbed.
pub fn to_pdf(file: &Path) -> Result<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let profile = std::env::temp_dir().join(format!("giaoban-libreoffice-{}", Uuid::now_v7()));
    let converted = convert(file, dir, &profile);
    let _ = std::fs::remove_dir_all(&profile);
    converted
}

fn convert(file: &Path, dir: &Path, profile: &Path) -> Result<PathBuf> {
    let io = Error::io(file);
    let mut tried = None;
    for program in soffice_candidates() {
        let run = std::process::Command::new(&program)
            .arg(format!(
                "-env:UserInstallation=file:///{}",
                profile
                    .display()
                    .to_string()
                    .trim_start_matches('/')
                    .replace('\\', "/")
            ))
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(dir)
            .arg(file)
            .output();
        match run {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io(e)),
            Ok(out) => {
                tried = Some(out);
                break;
            }
        }
    }
    let out = tried.ok_or(Error::NoLibreOffice)?;
    let pdf = file.with_extension("pdf");
    if !out.status.success() || !pdf.is_file() {
        let detail = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(io(std::io::Error::other(detail)));
    }
    Ok(pdf)
}

/// Where LibreOffice may be: on the PATH, or its usual Windows folders.
fn soffice_candidates() -> Vec<PathBuf> {
    let mut out = vec![PathBuf::from("soffice")];
    for base in ["ProgramFiles", "ProgramFiles(x86)"] {
        if let Some(dir) = std::env::var_os(base) {
            out.push(
                PathBuf::from(dir)
                    .join("LibreOffice")
                    .join("program")
                    .join("soffice.exe"),
            );
        }
    }
    out
}

/// Writes the per-unit annex of `table` alone to `out` as XLSX with formulas, headed with the
/// office's name: a read, no number given.
pub fn unit_annex(
    conn: &rusqlite::Connection,
    table: &crate::stats::UnitTable,
    out: &Path,
) -> Result<Written> {
    let office = office::load(conn)?.unwrap_or_default();
    report::units_xlsx(table, &office.name, out)?;
    Ok(Written {
        path: out.to_path_buf(),
        number: None,
    })
}

/// `<path>.part`, where a file is written before it is renamed into place.
fn part_of(path: &Path) -> PathBuf {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    PathBuf::from(part)
}

/// Whether a file can be written at `path` (its `.part` is made, then removed).
fn writable(path: &Path) -> Result<()> {
    let part = part_of(path);
    std::fs::File::create(&part).map_err(Error::io(path))?;
    let _ = std::fs::remove_file(&part);
    Ok(())
}

/// Writes `bytes` to `path` through `<path>.part`, synced then renamed: a full disk or a
/// pulled USB stick never leaves a file that looks complete.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let part = part_of(path);
    let written = std::fs::File::create(&part)
        .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
        .map_err(Error::io(path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(e);
    }
    std::fs::rename(&part, path).map_err(Error::io(path))
}
