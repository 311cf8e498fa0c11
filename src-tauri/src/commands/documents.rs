//! Official documents written to the Downloads folder: a meeting's minutes or conclusion
//! notice (DOCX), the per-unit report (XLSX), the directive list (XLSX or CSV).

use chrono::NaiveDate;
use std::path::PathBuf;

use giaoban::app::documents::{self, Period, Target};
use giaoban::directive::DirectiveQuery;
use giaoban::document::register::{self, IssuedNumber};
use giaoban::document::{DocKind, Draft, Numbering, Written};
use giaoban::error::Entity;
use giaoban::timeliness::DeadlineBasis;
use uuid::Uuid;

use super::DbState;
use crate::error::IpcError;

/// Writes the minutes or the conclusion notice of a meeting; `preview` gives no number;
/// `pdf` also converts it with LibreOffice and returns the PDF for printing.
#[tauri::command]
#[specta::specta]
pub async fn export_meeting_document(
    db: DbState<'_>,
    meeting_id: Uuid,
    kind: DocKind,
    preview: bool,
    pdf: bool,
) -> Result<Written, IpcError> {
    let target = Target::Folder(db.exports_dir());
    let numbering = if preview {
        Numbering::Preview
    } else {
        Numbering::Issue
    };
    let draft = db
        .read(move |s| documents::meeting_draft(s.conn(), kind, meeting_id, numbering, &target))
        .await?;
    let written = issue(&db, draft).await?;
    printable(written, pdf).await
}

/// Numbers a document in a short write (none for a preview), then builds and writes its
/// file holding nothing: the editor's saves go on meanwhile.
async fn issue(db: &DbState<'_>, draft: Draft) -> Result<Written, IpcError> {
    let (draft, number) = if draft.numbered() {
        db.write(move |tx| {
            let number = draft.number(tx)?;
            Ok((draft, number))
        })
        .await?
    } else {
        (draft, None)
    };
    tauri::async_runtime::spawn_blocking(move || draft.write(number).map_err(IpcError::from))
        .await
        .map_err(|e| IpcError::internal(e.to_string()))?
}

/// The document as a PDF for printing when `pdf` asks for it, made by LibreOffice with no
/// hold on the database: the editor's saves go on meanwhile.
async fn printable(written: Written, pdf: bool) -> Result<Written, IpcError> {
    if !pdf {
        return Ok(written);
    }
    tauri::async_runtime::spawn_blocking(move || written.printable(true).map_err(IpcError::from))
        .await
        .map_err(|e| IpcError::internal(e.to_string()))?
}

/// The numbers given to a meeting's documents.
#[tauri::command]
#[specta::specta]
pub async fn meeting_document_numbers(
    db: DbState<'_>,
    meeting_id: Uuid,
) -> Result<Vec<IssuedNumber>, IpcError> {
    db.read(move |s| register::of_meeting(s.conn(), meeting_id))
        .await
}

/// Gives a meeting's document the number the secretary chose (refused when taken).
#[tauri::command]
#[specta::specta]
pub async fn correct_document_number(
    db: DbState<'_>,
    meeting_id: Uuid,
    kind: DocKind,
    number: u32,
) -> Result<Vec<IssuedNumber>, IpcError> {
    db.write(move |tx| {
        register::correct_for(tx, kind, meeting_id, number)?;
        register::of_meeting(tx, meeting_id)
    })
    .await
}

/// Writes the report on directives of a period: DOCX (summary and annex, numbered), or the
/// per-unit annex alone as XLSX with formulas.
#[tauri::command]
#[specta::specta]
pub async fn export_unit_report(
    db: DbState<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    as_of: NaiveDate,
    basis: DeadlineBasis,
    docx: bool,
    pdf: bool,
) -> Result<Written, IpcError> {
    let target = Target::Folder(db.exports_dir());
    let period = Period {
        from,
        to,
        as_of,
        basis,
    };
    if !docx {
        // The annex alone gives no number: a read, beside the editor's writes.
        return db
            .read(move |s| documents::unit_annex(s.conn(), period, &target))
            .await;
    }
    let draft = db
        .read(move |s| documents::unit_report_draft(s.conn(), period, false, &target))
        .await?;
    let written = issue(&db, draft).await?;
    printable(written, pdf).await
}

/// Writes the directives matching `query` (all of them, not one page) as XLSX, or CSV.
#[tauri::command]
#[specta::specta]
pub async fn export_directive_list(
    db: DbState<'_>,
    query: DirectiveQuery,
    csv: bool,
) -> Result<Written, IpcError> {
    let target = Target::Folder(db.exports_dir());
    db.read(move |s| documents::directive_list(s.conn(), query, csv, &target))
        .await
}

/// The bytes of a PDF this app wrote to the exports folder, for the print preview. Any
/// other path is refused.
#[tauri::command]
#[specta::specta]
pub async fn read_printable(db: DbState<'_>, path: PathBuf) -> Result<Vec<u8>, IpcError> {
    let dir = db.exports_dir();
    let ours = path.parent() == Some(dir.as_path())
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !ours {
        return Err(giaoban::Error::not_found(Entity::Attachment, path.display()).into());
    }
    tauri::async_runtime::spawn_blocking(move || {
        std::fs::read(&path).map_err(|e| IpcError::from(giaoban::Error::io(&path)(e)))
    })
    .await
    .map_err(|e| IpcError::internal(e.to_string()))?
}
