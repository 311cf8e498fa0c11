//! `import` of a tracker workbook, CSV or DOCX (an exchange file goes to `exchange::import`):
//! the preview or the commit of `giaoban::intake`, printed as tables or JSON.

use std::path::Path;

use giaoban::error::{Error, IntakeProblem, Result};
use giaoban::intake::{self, Column, ColumnAt, Options, Preview};
use giaoban::store::Store;
use giaoban::{Lang, date, labels};

use crate::render::{Out, clip, table};

/// Rows of the directive table printed (the JSON holds them all).
const SHOWN: usize = 200;

/// How `import` was asked, for a tracker or a document.
pub struct IntakeArgs<'a> {
    /// Only show what would be created.
    pub dry_run: bool,
    /// Only this sheet.
    pub sheet: Option<String>,
    /// Add units the directory does not hold.
    pub create_units: bool,
    /// The date given to rows that state none.
    pub given_on: Option<chrono::NaiveDate>,
    /// Columns given as `field=letters` (`content=C`).
    pub columns: &'a [String],
    /// Rows that are new directives, as `[SHEET:]ROW`, though like one held.
    pub as_new: &'a [String],
    /// Print JSON.
    pub json: bool,
}

/// `field=letters` pairs as a mapping.
fn mapping(columns: &[String]) -> Result<Option<Vec<ColumnAt>>> {
    if columns.is_empty() {
        return Ok(None);
    }
    columns
        .iter()
        .map(|c| {
            let bad = || Error::Intake(IntakeProblem::BadColumn { given: c.clone() });
            let (field, letters) = c.split_once('=').ok_or_else(bad)?;
            let field: Column =
                serde_json::from_value(serde_json::Value::String(field.trim().to_string()))
                    .map_err(|_| bad())?;
            let letters = letters.trim();
            if letters.is_empty() || !letters.chars().all(|l| l.is_ascii_alphabetic()) {
                return Err(bad());
            }
            Ok(ColumnAt {
                field,
                column: letters.to_ascii_uppercase(),
                header: String::new(),
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// `[SHEET:]ROW` as a row (of any sheet when none is said).
fn rows_at(given: &[String]) -> Result<Vec<intake::RowAt>> {
    given
        .iter()
        .map(|g| {
            let (sheet, row) = match g.rsplit_once(':') {
                Some((s, r)) => (Some(s.trim().to_string()), r),
                None => (None, g.as_str()),
            };
            match row.trim().parse::<u32>() {
                Ok(row) if row > 0 => Ok(intake::RowAt { sheet, row }),
                _ => Err(Error::Intake(IntakeProblem::BadRow { given: g.clone() })),
            }
        })
        .collect()
}

/// `import FILE` of a tracker or a document.
pub fn import(store: &mut Store, out: Out, file: &Path, a: IntakeArgs<'_>) -> Result<()> {
    let o = Options {
        sheet: a.sheet,
        create_units: a.create_units,
        mapping: mapping(a.columns)?,
        accepted: None,
        given_on: a.given_on,
        as_new: rows_at(a.as_new)?,
    };
    let p = if a.dry_run {
        intake::preview(store, file, &o)?
    } else {
        intake::commit(store, file, &o)?
    };
    if a.json {
        return crate::render::json(&p);
    }
    print(out, &p, a.create_units);
    Ok(())
}

/// The preview or what was done; a preview says when the import itself would stop on the
/// units new to the directory.
fn print(out: Out, p: &Preview, create_units: bool) {
    let lang = out.lang;
    println!(
        "{} {}: {}",
        out.t("Tệp", "File"),
        p.file_name,
        labels::label("file_kind", p.kind.name(), lang)
    );
    if !p.sheets.is_empty() {
        let mut t = table(&[
            out.t("Trang", "Sheet"),
            out.t("Dòng tiêu đề", "Header row"),
            out.t("Bảng mã", "Encoding"),
            out.t("Cách ghép cột", "Column mapping"),
            out.t("Số dòng", "Rows"),
        ]);
        for s in &p.sheets {
            let from = match s.mapping_from {
                intake::MappingFrom::Recognised => out.t("nhận dạng", "recognised"),
                intake::MappingFrom::Saved => out.t("đã lưu", "saved"),
                intake::MappingFrom::Given => out.t("do người dùng", "given"),
            };
            let cols: Vec<String> = s
                .mapping
                .iter()
                .map(|m| {
                    format!(
                        "{} {}",
                        m.column,
                        labels::of("tracker_column", &m.field, lang)
                    )
                })
                .collect();
            t.add_row(vec![
                s.name.clone(),
                s.header_row.to_string(),
                labels::of("encoding", &s.encoding, lang).to_string(),
                format!("{} ({from})", cols.join(", ")),
                s.rows.to_string(),
            ]);
        }
        println!("{t}");
        for s in p.sheets.iter().filter(|s| !s.unused.is_empty()) {
            println!(
                "{} “{}”: {}",
                out.t("Cột không nhập, trang", "Columns not brought in, sheet"),
                s.name,
                s.unused.join("; ")
            );
        }
    }
    if !p.hidden_sheets.is_empty() {
        println!(
            "{}: {}",
            out.t("Trang ẩn, không đọc", "Hidden sheets, not read"),
            p.hidden_sheets.join(", ")
        );
    }
    if let Some(d) = &p.document {
        println!(
            "{}: {} — {}: {} — {}: {}",
            out.t("Cuộc họp", "Meeting"),
            d.title,
            out.t("ngày", "date"),
            d.date.map(date::format).unwrap_or_else(|| "—".into()),
            out.t("chủ trì", "chair"),
            d.chair.clone().unwrap_or_else(|| "—".into())
        );
    }
    if !p.directives.is_empty() {
        let mut t = table(&[
            out.t("Trang", "Sheet"),
            out.t("Dòng", "Row"),
            out.t("Nội dung", "Content"),
            out.t("Chủ trì", "Lead"),
            out.t("Thời hạn", "Deadline"),
            out.t("Trạng thái", "Status"),
        ]);
        for r in p.directives.iter().take(SHOWN) {
            let lead = if r.lead_unit_new {
                format!("{} ({})", r.lead_unit, out.t("mới", "new"))
            } else {
                r.lead_unit.clone()
            };
            t.add_row(vec![
                r.sheet.clone(),
                r.row.to_string(),
                clip(&r.content, 60),
                lead,
                match (r.deadline, r.extended_from) {
                    (Some(d), Some(from)) => format!(
                        "{} ({} {})",
                        date::format(d),
                        out.t("gia hạn từ", "extended from"),
                        date::format(from)
                    ),
                    (d, _) => d.map(date::format).unwrap_or_else(|| "—".into()),
                },
                labels::of("directive_status", &r.status, lang).to_string(),
            ]);
        }
        println!("{t}");
        if p.directives.len() > SHOWN {
            println!(
                "{} {}",
                p.directives.len() - SHOWN,
                out.t(
                    "nhiệm vụ khác không liệt kê (xem --json).",
                    "more directives not listed (see --json)."
                )
            );
        }
    }
    if !p.new_units.is_empty() {
        let names: Vec<String> = p.new_units.iter().map(|u| u.shown()).collect();
        println!(
            "{}: {}",
            out.t(
                "Đơn vị chưa có trong danh mục",
                "Units not in the directory"
            ),
            names.join("; ")
        );
    }
    if !p.new_meetings.is_empty() {
        let names: Vec<String> = p
            .new_meetings
            .iter()
            .map(|m| format!("{} ({})", m.title, date::format(m.date)))
            .collect();
        println!(
            "{}: {}",
            out.t("Cuộc họp mới", "New meetings"),
            names.join("; ")
        );
    }
    if !p.problems.is_empty() {
        let mut t = table(&[
            out.t("Trang", "Sheet"),
            out.t("Dòng", "Row"),
            out.t("Cột", "Column"),
            out.t("Xử lý", "Outcome"),
            out.t("Lý do", "Why"),
        ]);
        // (A caveat on a row that another problem leaves out is a note only.)
        let left_out: std::collections::HashSet<(&str, u32)> = (p.problems.iter())
            .filter(|q| q.skipped)
            .map(|q| (q.sheet.as_str(), q.row))
            .collect();
        for q in &p.problems {
            t.add_row(vec![
                q.sheet.clone(),
                // Row 0: the document as a whole (its number, its hidden text).
                if q.row == 0 {
                    String::new()
                } else {
                    q.row.to_string()
                },
                q.column.clone().unwrap_or_default(),
                if q.skipped {
                    out.t("bỏ qua", "left out")
                } else if left_out.contains(&(q.sheet.as_str(), q.row)) {
                    out.t("lưu ý", "note")
                } else {
                    out.t("nhập, lưu ý", "imported, note")
                }
                .to_string(),
                if lang == Lang::Vi {
                    q.message.vi.clone()
                } else {
                    q.message.en.clone()
                },
            ]);
        }
        println!("{t}");
        // Each row held, once (at most ten named; the rest counted).
        let mut held: Vec<String> = (p.problems.iter())
            .filter(|q| q.held)
            .map(|q| format!("--as-new \"{}:{}\"", q.sheet, q.row))
            .collect();
        held.dedup();
        if !held.is_empty() {
            let more = held.len().saturating_sub(10);
            held.truncate(10);
            if more > 0 {
                held.push(
                    out.t(
                        &format!("(và {more} dòng nữa)"),
                        &format!("(and {more} more rows)"),
                    )
                    .to_string(),
                );
            }
            println!(
                "{} {}",
                out.t(
                    "Nếu một dòng bỏ qua vì giống nhiệm vụ đã nhập thực ra là nhiệm vụ mới, hãy nhập lại với (mỗi dòng một lần)",
                    "If a row left out as like a directive brought in before is in fact a new one, import again with (once per row)"
                ),
                held.join(" ")
            );
        }
    }
    // Rows, not problems: a row left out may be told more than once (a sheet not read is
    // told on its own, not counted as a row).
    let skipped = p
        .problems
        .iter()
        .filter(|q| q.skipped && q.row > 0)
        .map(|q| (q.sheet.as_str(), q.row))
        .collect::<std::collections::HashSet<_>>()
        .len();
    let (made, would) = (out.t("Đã tạo", "Created"), out.t("Sẽ tạo", "Would create"));
    println!(
        "{} {} {}, {} {}, {} {}; {} {}; {} {}.",
        if p.committed { made } else { would },
        p.directives.len(),
        out.t("nhiệm vụ", "directives"),
        p.new_units.len(),
        out.t("đơn vị mới", "new units"),
        p.new_meetings.len(),
        out.t("cuộc họp mới", "new meetings"),
        p.already,
        out.t("đã nhập trước đây", "imported before"),
        skipped,
        out.t("dòng bỏ qua", "rows left out"),
    );
    if !p.committed {
        if !p.new_units.is_empty() && !create_units {
            let n = p.new_units.len();
            println!(
                "{}",
                if out.lang == Lang::Vi {
                    format!(
                        "Lệnh nhập sẽ dừng: {n} đơn vị chưa có trong danh mục. Thêm --create-units để tạo các đơn vị này, hoặc sửa tên trong tệp."
                    )
                } else {
                    format!(
                        "The import would stop: {n} units are not in the directory. Add --create-units to create them, or correct the names in the file."
                    )
                }
            );
        }
        println!(
            "{}",
            out.t(
                "Xem trước: chưa ghi gì vào cơ sở dữ liệu.",
                "Preview: nothing was written."
            )
        );
    }
}
