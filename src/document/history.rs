//! The audit history as a CSV file for Excel (Lịch sử thay đổi, "Xuất CSV").

use chrono::Utc;
use rusqlite::Connection;

use crate::audit::{AuditQuery, AuditRow, FieldChange, list};
use crate::error::Result;

/// The entries as CSV for Excel (UTF-8 with BOM): one line per changed field, times on the
/// office clock as `dd/mm/yyyy hh:mm:ss`.
pub fn to_csv(rows: &[AuditRow]) -> String {
    let lines = rows.iter().flat_map(|r| {
        let at =
            r.at.with_timezone(&crate::date::office_offset())
                .format("%d/%m/%Y %H:%M:%S")
                .to_string();
        let head = [
            at,
            r.actor.clone(),
            r.entity.clone(),
            r.title.clone().unwrap_or_default(),
            r.action.clone(),
        ];
        let none = [FieldChange {
            field: String::new(),
            old: None,
            new: None,
        }];
        let changes = if r.changes.is_empty() {
            &none[..]
        } else {
            &r.changes[..]
        };
        changes
            .iter()
            .map(|c| {
                let mut line = head.to_vec();
                line.extend([
                    c.field.clone(),
                    c.old.clone().unwrap_or_default(),
                    c.new.clone().unwrap_or_default(),
                ]);
                line
            })
            .collect::<Vec<_>>()
    });
    format!(
        "\u{feff}Thời điểm,Người thực hiện,Loại bản ghi,Bản ghi,Thao tác,Trường,Giá trị cũ,Giá trị mới\r\n{}",
        super::report::csv_lines(lines)
    )
}

/// Writes the entries matching `q` as CSV into `dir` (`lich-su-thay-doi-<time>.csv`, written
/// whole then renamed); returns the file.
pub fn export(
    conn: &Connection,
    q: &AuditQuery,
    dir: &std::path::Path,
) -> Result<std::path::PathBuf> {
    let csv = to_csv(&list(conn, q)?);
    let stamp = Utc::now()
        .with_timezone(&crate::date::office_offset())
        .format("%Y%m%d-%H%M%S");
    let path = dir.join(format!("lich-su-thay-doi-{stamp}.csv"));
    std::fs::create_dir_all(dir).map_err(crate::Error::io(dir))?;
    super::write_whole(&path, csv.as_bytes())?;
    Ok(path)
}
