//! Báo cáo tình hình thực hiện nhiệm vụ (DOCX): the narrative summary of a period (totals,
//! rates, the units with the most overdue directives) and the per-unit annex table in the
//! official columns, with its totals line.

use docx_rs::{
    AlignmentType, BreakType, Docx, Paragraph, Run, Table, TableCell, TableRow, WidthType,
};

use super::format::{self, plain, text};
use super::report::UNIT_COLUMNS;
use crate::office::Office;
use crate::stats::{Counts, UnitTable};
use crate::timeliness::DeadlineBasis;

/// The report for `table`, numbered `number` ("Số: 05/BC-STTTT", or blank for a preview).
pub fn build(
    office: &Office,
    table: &UnitTable,
    number: &str,
    issued_on: chrono::NaiveDate,
) -> Docx {
    let d = crate::date::format;
    let period = match (table.from, table.to) {
        (Some(f), Some(t)) => format!("từ ngày {} đến ngày {}", d(f), d(t)),
        (Some(f), None) => format!("từ ngày {}", d(f)),
        (None, Some(t)) => format!("đến ngày {}", d(t)),
        (None, None) => "từ trước đến nay".to_string(),
    };
    let mut doc = format::document().add_table(format::header(
        office,
        number,
        &format::date_line(&office.place, issued_on),
    ));
    let subject = format!("Tình hình thực hiện nhiệm vụ được giao {period}");
    for p in format::title("BÁO CÁO", &[&subject]) {
        doc = doc.add_paragraph(p);
    }
    let c = &table.totals;
    let done = c.done_on_time + c.done_late;
    let open = c.open_within_deadline + c.open_overdue;
    doc = doc
        .add_paragraph(plain(&format!(
            "Trong kỳ báo cáo ({period}), {} đã giao {} nhiệm vụ cho các đơn vị. Tính đến ngày {}: đã hoàn thành {done} nhiệm vụ ({}), trong đó đúng hạn {}, trễ hạn {}; chưa hoàn thành {open} nhiệm vụ, trong đó trong hạn {}, quá hạn {}.",
            office.name,
            c.total,
            d(table.as_of),
            format::percent(c.completion_rate),
            c.done_on_time,
            c.done_late,
            c.open_within_deadline,
            c.open_overdue,
        )))
        .add_paragraph(plain(&format!(
            "Tỷ lệ hoàn thành đúng hạn trên số nhiệm vụ đã hoàn thành: {}. Thời hạn được tính theo {}.",
            format::percent(c.on_time_rate),
            match table.basis {
                DeadlineBasis::Approved => "thời hạn đã được phê duyệt (kể cả gia hạn)",
                DeadlineBasis::Original => "thời hạn giao ban đầu",
            }
        )));
    let mut worst: Vec<_> = table
        .rows
        .iter()
        .filter(|r| r.counts.open_overdue > 0)
        .collect();
    worst.sort_by(|a, b| {
        b.counts
            .open_overdue
            .cmp(&a.counts.open_overdue)
            .then(a.tt.cmp(&b.tt))
    });
    let named: Vec<String> = worst
        .iter()
        .take(3)
        .map(|r| format!("{} ({} nhiệm vụ)", r.unit, r.counts.open_overdue))
        .collect();
    doc = doc.add_paragraph(plain(&if named.is_empty() {
        "Không có đơn vị nào còn nhiệm vụ quá hạn.".to_string()
    } else {
        format!("Các đơn vị còn nhiều nhiệm vụ quá hạn nhất: {}. Đề nghị các đơn vị tập trung hoàn thành, báo cáo kết quả.", named.join("; "))
    }));
    doc = doc.add_paragraph(plain("Chi tiết theo từng đơn vị tại Phụ lục kèm theo./."));
    doc = doc.add_table(format::closing(
        format::recipients(&[
            "Lãnh đạo Sở".into(),
            "Các phòng, đơn vị".into(),
            "Lưu: VT".into(),
        ]),
        format::signer(&office.signer_heads(), &office.signer_name),
    ));
    doc = doc
        .add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
        .add_paragraph(format::centred(text("PHỤ LỤC", format::BODY).bold()))
        .add_paragraph(format::centred(
            text(
                &format!("Tình hình thực hiện nhiệm vụ theo đơn vị {period}"),
                format::BODY - 2,
            )
            .italic(),
        ))
        .add_paragraph(Paragraph::new())
        .add_table(annex(table));
    doc
}

const SMALL: usize = 22; // 11 pt in the annex table

fn cell(s: &str, width: usize, bold: bool, align: AlignmentType) -> TableCell {
    let run = if bold {
        text(s, SMALL).bold()
    } else {
        text(s, SMALL)
    };
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(Paragraph::new().align(align).add_run(run))
}

fn row(tt: &str, unit: &str, c: &Counts, bold: bool, widths: &[usize]) -> TableRow {
    let numbers = [
        c.total.to_string(),
        c.done_on_time.to_string(),
        c.done_late.to_string(),
        c.open_within_deadline.to_string(),
        c.open_overdue.to_string(),
        format::percent(c.completion_rate),
        format::percent(c.on_time_rate),
    ];
    let mut cells = vec![
        cell(tt, widths[0], bold, AlignmentType::Center),
        cell(unit, widths[1], bold, AlignmentType::Left),
    ];
    cells.extend(
        numbers
            .iter()
            .zip(&widths[2..])
            .map(|(n, w)| cell(n, *w, bold, AlignmentType::Right)),
    );
    TableRow::new(cells).cant_split()
}

/// The annex table, bordered, in the official columns, with its totals line.
fn annex(table: &UnitTable) -> Table {
    let widths = [567, 2750, 800, 850, 850, 900, 900, 900, 900];
    let head = TableRow::new(
        UNIT_COLUMNS
            .iter()
            .zip(widths)
            .map(|(h, w)| cell(h, w, true, AlignmentType::Center))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    rows.extend(
        table
            .rows
            .iter()
            .map(|r| row(&r.tt.to_string(), &r.unit, &r.counts, false, &widths)),
    );
    rows.push(row("", "Tổng cộng", &table.totals, true, &widths));
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
}
