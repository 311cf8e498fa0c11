//! Writing a document the user asked for, with the usual file name when only a folder is
//! given: a meeting's minutes or notice, the report on directives of a period, the
//! directive list, a copy of an attached file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::directive::{self, DirectiveQuery};
use crate::document::{self, DocKind, Draft, Numbering, Written};
use crate::error::Result;
use crate::store::Store;
use crate::timeliness::DeadlineBasis;
use crate::{attachment, meeting, stats};

/// Where a document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// This file.
    File(PathBuf),
    /// This folder, under the document's usual name.
    Folder(PathBuf),
}

impl Target {
    /// What a user named: an existing folder takes the usual name; nothing named is the
    /// current folder; anything else is the file.
    pub fn given(path: Option<PathBuf>) -> Target {
        match path {
            None => Target::Folder(PathBuf::from(".")),
            Some(p) if p.is_dir() => Target::Folder(p),
            Some(p) => Target::File(p),
        }
    }

    fn path(&self, usual: impl FnOnce() -> String) -> PathBuf {
        match self {
            Target::File(p) => p.clone(),
            Target::Folder(dir) => dir.join(usual()),
        }
    }
}

/// Writes a meeting's minutes or conclusion notice, numbered as `numbering` says.
pub fn meeting_document(
    store: &mut Store,
    kind: DocKind,
    meeting_id: Uuid,
    numbering: Numbering,
    target: &Target,
) -> Result<Written> {
    meeting_draft(store.conn(), kind, meeting_id, numbering, target)?.issue(store)
}

/// Reads what a meeting's minutes or conclusion notice is made from ([`Draft`]: then
/// numbered in a short write, and written holding nothing).
pub fn meeting_draft(
    conn: &rusqlite::Connection,
    kind: DocKind,
    meeting_id: Uuid,
    numbering: Numbering,
    target: &Target,
) -> Result<Draft> {
    let title = meeting::get(conn, meeting_id)?.title;
    let preview = numbering == Numbering::Preview;
    let out = target.path(|| meeting_file_name(kind, &title, preview));
    document::meeting_draft(conn, kind, meeting_id, numbering, &out)
}

/// The period and reporting day of a report on directives.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    /// First day of the period (`None`: from the start).
    pub from: Option<NaiveDate>,
    /// Last day (`None`: up to now).
    pub to: Option<NaiveDate>,
    /// The day the directives are judged on.
    pub as_of: NaiveDate,
    /// The deadline each is judged against.
    pub basis: DeadlineBasis,
}

/// Writes the report on directives of a period: DOCX (summary and annex, numbered unless a
/// `preview`), or the per-unit annex alone as XLSX with formulas. A file named by the user
/// is DOCX when its name ends in `.docx`; in a folder, `docx` chooses.
pub fn unit_report(
    store: &mut Store,
    period: Period,
    docx: bool,
    preview: bool,
    target: &Target,
) -> Result<Written> {
    let out = target.path(|| report_file_name(period.from, period.to, docx));
    let is_docx = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return unit_annex(store.conn(), period, &Target::File(out));
    }
    unit_report_draft(store.conn(), period, preview, &Target::File(out))?.issue(store)
}

/// Reads what the DOCX report on directives of a period is made from ([`Draft`]: then
/// numbered in a short write unless a `preview`, and written holding nothing).
pub fn unit_report_draft(
    conn: &rusqlite::Connection,
    period: Period,
    preview: bool,
    target: &Target,
) -> Result<Draft> {
    let table = stats::by_unit(conn, period.from, period.to, period.as_of, period.basis)?;
    let out = target.path(|| report_file_name(period.from, period.to, true));
    document::unit_report_draft(conn, table, preview, &out)
}

/// Writes the per-unit annex of a period alone as XLSX with formulas: a read, so the window
/// runs it beside the editor's writes.
pub fn unit_annex(conn: &rusqlite::Connection, period: Period, target: &Target) -> Result<Written> {
    let table = stats::by_unit(conn, period.from, period.to, period.as_of, period.basis)?;
    let out = target.path(|| report_file_name(period.from, period.to, false));
    document::unit_annex(conn, &table, &out)
}

/// Writes every directive matching `query` (not one page) as XLSX, or CSV: a file named by
/// the user is CSV when its name ends in `.csv`; in a folder, `csv` chooses.
pub fn directive_list(
    conn: &rusqlite::Connection,
    query: DirectiveQuery,
    csv: bool,
    target: &Target,
) -> Result<Written> {
    let all = DirectiveQuery {
        limit: None,
        ..query
    };
    let rows = directive::list(conn, &all)?.rows;
    let out = target.path(|| {
        let stamp = crate::date::format(crate::date::today());
        file_name(
            "Danh sách nhiệm vụ",
            &stamp,
            if csv { "csv" } else { "xlsx" },
        )
    });
    document::report::directives_file(&rows, &out)?;
    Ok(Written {
        path: out,
        number: None,
    })
}

/// Copies an attached file out of the store (checked against its checksum), named as it
/// was attached when only a folder is given: "Tệp đính kèm - báo cáo.pdf".
pub fn attachment_copy(
    conn: &rusqlite::Connection,
    attachments: &Path,
    id: Uuid,
    target: &Target,
) -> Result<Written> {
    let a = attachment::get(conn, id)?;
    let bytes = attachment::read(attachments, &a)?;
    let out = target.path(|| {
        let (stem, ext) = a
            .file_name
            .rsplit_once('.')
            .unwrap_or((a.file_name.as_str(), ""));
        file_name("Tệp đính kèm", stem, ext)
            .trim_end_matches('.')
            .to_string()
    });
    document::write_whole(&out, &bytes)?;
    Ok(Written {
        path: out,
        number: None,
    })
}

/// The file name a meeting's document is given in a folder: "Biên bản - <title>.docx" or
/// "Thông báo kết luận - <title> (xem trước).docx".
pub fn meeting_file_name(kind: DocKind, title: &str, preview: bool) -> String {
    let name = match kind {
        DocKind::Minutes => "Biên bản",
        _ => "Thông báo kết luận",
    };
    let suffix = if preview { " (xem trước)" } else { "" };
    file_name(name, &format!("{title}{suffix}"), "docx")
}

/// The file name of the report on directives of a period (`docx`: the report, else the
/// annex as XLSX): "Báo cáo tình hình thực hiện nhiệm vụ - 01-01-2026 đến 31-12-2026.docx".
pub fn report_file_name(from: Option<NaiveDate>, to: Option<NaiveDate>, docx: bool) -> String {
    let period = format!(
        "{} đến {}",
        from.map_or("đầu".into(), crate::date::format),
        to.map_or("nay".into(), crate::date::format)
    );
    if docx {
        file_name("Báo cáo tình hình thực hiện nhiệm vụ", &period, "docx")
    } else {
        file_name("Phụ lục tình hình thực hiện nhiệm vụ", &period, "xlsx")
    }
}

/// A file name for a document: "Biên bản - Giao ban tháng 6-2026.docx", with the characters
/// Windows forbids in names replaced.
pub fn file_name(kind: &str, subject: &str, extension: &str) -> String {
    let clean: String = subject
        .chars()
        .map(|c| {
            if "\\/:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{kind} - {}.{extension}", clean.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_windows_and_a_folder_takes_the_usual_name() {
        assert_eq!(
            file_name("Biên bản", "Giao ban tháng 6/2026: \"số 2\"", "docx"),
            "Biên bản - Giao ban tháng 6-2026- -số 2-.docx"
        );
        let t = Target::Folder(PathBuf::from("/x"));
        assert_eq!(
            t.path(|| meeting_file_name(DocKind::Notice, "Họp", true)),
            PathBuf::from("/x/Thông báo kết luận - Họp (xem trước).docx")
        );
        let f = Target::File(PathBuf::from("/y/a.docx"));
        assert_eq!(f.path(|| unreachable!()), PathBuf::from("/y/a.docx"));
        assert_eq!(Target::given(None), Target::Folder(PathBuf::from(".")));
    }
}
