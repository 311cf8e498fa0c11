//! The per-unit report table as XLSX (Phụ lục, with formulas for totals and rates) and the
//! directive list as XLSX and as CSV (UTF-8 with BOM, so Excel shows Vietnamese).

use std::path::Path;

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook, XlsxError};

use super::write_whole;
use crate::Lang;
use crate::directive::DirectiveRow;
use crate::error::{Error, Result};
use crate::stats::UnitTable;

fn xlsx_error(path: &Path) -> impl FnOnce(XlsxError) -> Error + '_ {
    move |e| Error::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Column headings of the per-unit table, as offices report it.
pub const UNIT_COLUMNS: [&str; 9] = [
    "TT",
    "Đơn vị",
    "Tổng số",
    "HT đúng hạn",
    "HT trễ hạn",
    "Chưa HT trong hạn",
    "Chưa HT quá hạn",
    "Tỷ lệ HT",
    "Tỷ lệ đúng hạn",
];

/// Writes the per-unit table to `out` (XLSX): counts as numbers; "Tổng số", the totals line
/// and both rates as formulas, so the sheet stays right when a number is corrected.
pub fn units_xlsx(table: &UnitTable, office: &str, out: &Path) -> Result<()> {
    let err = xlsx_error(out);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let title = Format::new()
        .set_bold()
        .set_font_size(13)
        .set_font_name("Times New Roman");
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap()
        .set_font_name("Times New Roman");
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_font_name("Times New Roman");
    let pct = cell.clone().set_num_format("0.0%");
    let bold = cell.clone().set_bold();
    let bold_pct = pct.clone().set_bold();
    let period = match (table.from, table.to) {
        (Some(f), Some(t)) => format!(
            "từ {} đến {}",
            crate::date::format(f),
            crate::date::format(t)
        ),
        (Some(f), None) => format!("từ {}", crate::date::format(f)),
        (None, Some(t)) => format!("đến {}", crate::date::format(t)),
        (None, None) => "toàn bộ".to_string(),
    };
    let mut run = || -> std::result::Result<(), XlsxError> {
        sheet.set_name("Phụ lục")?;
        sheet.write_with_format(
            0,
            0,
            format!(
                "PHỤ LỤC: TÌNH HÌNH THỰC HIỆN NHIỆM VỤ - {}",
                office.to_uppercase()
            ),
            &title,
        )?;
        sheet.write_with_format(
            1,
            0,
            format!(
                "Nhiệm vụ giao {period}; số liệu tính đến ngày {}",
                crate::date::format(table.as_of)
            ),
            &Format::new().set_italic().set_font_name("Times New Roman"),
        )?;
        for (c, h) in UNIT_COLUMNS.iter().enumerate() {
            sheet.write_with_format(3, c as u16, *h, &head)?;
        }
        sheet.set_column_width(0, 5)?;
        sheet.set_column_width(1, 42)?;
        for c in 2..9 {
            sheet.set_column_width(c, 12)?;
        }
        let first = 5; // 1-based spreadsheet row of the first unit
        // Each formula carries its result, so a sheet shows the numbers before recalculating.
        let f = |text: String, result: f64| Formula::new(text).set_result(result.to_string());
        let rates = |c: &crate::stats::Counts| {
            let done = f64::from(c.done_on_time + c.done_late);
            let all = f64::from(c.total);
            (
                if all == 0.0 { 0.0 } else { done / all },
                if done == 0.0 {
                    0.0
                } else {
                    f64::from(c.done_on_time) / done
                },
            )
        };
        for (i, r) in table.rows.iter().enumerate() {
            let row = 4 + i as u32;
            let x = row + 1; // spreadsheet row number
            let c = &r.counts;
            sheet.write_with_format(row, 0, r.tt, &cell)?;
            sheet.write_with_format(row, 1, r.unit.as_str(), &cell)?;
            sheet.write_formula_with_format(
                row,
                2,
                f(format!("=SUM(D{x}:G{x})"), f64::from(c.total)),
                &cell,
            )?;
            for (k, v) in [
                c.done_on_time,
                c.done_late,
                c.open_within_deadline,
                c.open_overdue,
            ]
            .into_iter()
            .enumerate()
            {
                sheet.write_with_format(row, 3 + k as u16, v, &cell)?;
            }
            let (done, on_time) = rates(c);
            sheet.write_formula_with_format(
                row,
                7,
                f(format!("=IF(C{x}=0,0,(D{x}+E{x})/C{x})"), done),
                &pct,
            )?;
            sheet.write_formula_with_format(
                row,
                8,
                f(format!("=IF(D{x}+E{x}=0,0,D{x}/(D{x}+E{x}))"), on_time),
                &pct,
            )?;
        }
        let total = 4 + table.rows.len() as u32;
        let t = total + 1;
        let last = t - 1;
        let c = &table.totals;
        sheet.write_with_format(total, 0, "", &bold)?;
        sheet.write_with_format(total, 1, "Tổng cộng", &bold)?;
        for (k, (col, v)) in [
            ("C", c.total),
            ("D", c.done_on_time),
            ("E", c.done_late),
            ("F", c.open_within_deadline),
            ("G", c.open_overdue),
        ]
        .into_iter()
        .enumerate()
        {
            sheet.write_formula_with_format(
                total,
                2 + k as u16,
                f(format!("=SUM({col}{first}:{col}{last})"), f64::from(v)),
                &bold,
            )?;
        }
        let (done, on_time) = rates(c);
        sheet.write_formula_with_format(
            total,
            7,
            f(format!("=IF(C{t}=0,0,(D{t}+E{t})/C{t})"), done),
            &bold_pct,
        )?;
        sheet.write_formula_with_format(
            total,
            8,
            f(format!("=IF(D{t}+E{t}=0,0,D{t}/(D{t}+E{t}))"), on_time),
            &bold_pct,
        )?;
        Ok(())
    };
    run().map_err(err)?;
    let bytes = book.save_to_buffer().map_err(xlsx_error(out))?;
    write_whole(out, &bytes)
}

/// Column headings of the directive list.
pub const DIRECTIVE_COLUMNS: [&str; 9] = [
    "TT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Ngày giao",
    "Thời hạn",
    "Trạng thái",
    "Đánh giá",
    "Số ngày quá hạn",
];

fn cells(i: usize, r: &DirectiveRow) -> [String; 9] {
    [
        (i + 1).to_string(),
        r.content.clone(),
        r.lead_unit.clone(),
        r.coordinating_units.join("; "),
        crate::date::format(r.assigned_on),
        r.deadline
            .map(crate::date::format)
            .unwrap_or_else(|| "Không thời hạn".into()),
        r.status.label(Lang::Vi).to_string(),
        r.bucket.map_or("", |b| b.label(Lang::Vi)).to_string(),
        r.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
    ]
}

/// CSV lines for Excel: every cell quoted (quotes doubled), none read as a formula
/// ([`inert`]), CRLF line ends.
pub fn csv_lines<R: AsRef<[String]>>(rows: impl IntoIterator<Item = R>) -> String {
    let quote = |s: &String| format!("\"{}{}\"", inert(s), s.replace('"', "\"\""));
    rows.into_iter()
        .map(|r| r.as_ref().iter().map(quote).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// What keeps a cell from being read as a formula by Excel or LibreOffice: text that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a directive typed or imported as
/// `=HYPERLINK(…)`) gets a leading apostrophe; other text nothing.
fn inert(cell: &str) -> &'static str {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => "'",
        _ => "",
    }
}

/// The directive list as CSV for Excel: UTF-8 with BOM, so Vietnamese shows right.
pub fn directives_csv(rows: &[DirectiveRow]) -> String {
    let header = [DIRECTIVE_COLUMNS.map(String::from)];
    let body = rows.iter().enumerate().map(|(i, r)| cells(i, r));
    format!("\u{feff}{}{}", csv_lines(header), csv_lines(body))
}

/// Writes the directive list to `out`: XLSX, or CSV when the name ends in `.csv`.
pub fn directives_file(rows: &[DirectiveRow], out: &Path) -> Result<()> {
    let csv = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if csv {
        return write_whole(out, directives_csv(rows).as_bytes());
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let mut run = || -> std::result::Result<(), XlsxError> {
        sheet.set_name("Nhiệm vụ")?;
        for (c, h) in DIRECTIVE_COLUMNS.iter().enumerate() {
            sheet.write_with_format(0, c as u16, *h, &head)?;
        }
        for (c, w) in [5.0, 60.0, 30.0, 30.0, 12.0, 14.0, 18.0, 24.0, 10.0]
            .into_iter()
            .enumerate()
        {
            sheet.set_column_width(c as u16, w)?;
        }
        for (i, r) in rows.iter().enumerate() {
            let row = 1 + i as u32;
            for (c, v) in cells(i, r).iter().enumerate() {
                let number = (c == 0 || c == 8) && !v.is_empty();
                if number {
                    sheet.write_with_format(
                        row,
                        c as u16,
                        v.parse::<f64>().unwrap_or_default(),
                        &cell,
                    )?;
                } else {
                    sheet.write_with_format(row, c as u16, v.as_str(), &cell)?;
                }
            }
        }
        sheet.autofilter(0, 0, rows.len() as u32, 8)?;
        sheet.set_freeze_panes(1, 0)?;
        Ok(())
    };
    run().map_err(xlsx_error(out))?;
    let bytes = book.save_to_buffer().map_err(xlsx_error(out))?;
    write_whole(out, &bytes)
}

#[cfg(test)]
mod csv_tests {
    #[test]
    fn no_cell_is_read_as_a_formula() {
        let rows = [[
            "=HYPERLINK(\"http://x\")".to_string(),
            "+cmd|' /C calc'!A0".into(),
            "-2+3".into(),
            "@SUM(A1)".into(),
            "Rà soát \"TTHC\"".into(),
        ]];
        assert_eq!(
            super::csv_lines(rows),
            "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+cmd|' /C calc'!A0\",\"'-2+3\",\"'@SUM(A1)\",\"Rà soát \"\"TTHC\"\"\"\r\n"
        );
    }
}
