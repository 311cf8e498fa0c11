//! The presentation rules of Nghị định 30/2020/NĐ-CP as DOCX building blocks: A4 with its
//! margins, Times New Roman, the agency and Quốc hiệu header, the number and date lines,
//! justified body paragraphs with a first-line indent, signature blocks, "Nơi nhận", and page
//! numbers centred at the top from page 2.

use chrono::{Datelike, NaiveDate};
use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts,
    SpecialIndentType, Table, TableCell, TableRow, WidthType,
};

use crate::office::Office;

/// A4 in twips (1/20 pt).
pub const A4: (u32, u32) = (11_906, 16_838);
/// Margins in twips: top and bottom 20 mm, left 30 mm, right 15 mm.
pub const MARGINS: PageMargin = PageMargin {
    top: 1_134,
    bottom: 1_134,
    left: 1_701,
    right: 850,
    header: 567,
    footer: 567,
    gutter: 0,
};
/// The typeface the decree prescribes.
pub const FONT: &str = "Times New Roman";
/// Body text, in half-points: 14 pt.
pub const BODY: usize = 28;
/// Quốc hiệu and agency lines: 12 pt (the decree allows 12–13; 12 keeps the Quốc hiệu on
/// one line in its column).
pub const HEADING: usize = 24;
/// First-line indent of body paragraphs: 1 cm.
pub const INDENT: i32 = 567;
/// Space after each body paragraph: 6 pt.
pub const AFTER: u32 = 120;
/// Line spacing: 1.15 lines (in 240ths of a line).
pub const LINE: i32 = 276;

/// Text width between the margins, twips.
const WIDTH: usize = (A4.0 as i32 - MARGINS.left - MARGINS.right) as usize;

/// A new A4 document with the decree's margins, font, size, and page numbers from page 2.
pub fn document() -> Docx {
    let number = Paragraph::new()
        .align(AlignmentType::Center)
        .add_page_num(PageNum::new())
        .size(BODY);
    Docx::new()
        .page_size(A4.0, A4.1)
        .page_margin(MARGINS)
        .default_fonts(font())
        .default_size(BODY)
        .header(Header::new().add_paragraph(number))
        .first_header(Header::new())
}

fn font() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// A run of text in the decree's font at `size` half-points.
pub fn text(s: &str, size: usize) -> Run {
    Run::new().add_text(s).size(size).fonts(font())
}

/// A centred paragraph of one run, tight spacing (header and signature lines).
pub fn centred(run: Run) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(
            LineSpacing::new()
                .line(240)
                .line_rule(LineSpacingType::Auto)
                .after(0),
        )
        .add_run(run)
}

/// A body paragraph: justified, 1 cm first-line indent, 6 pt after, 1.15 lines.
pub fn body(runs: Vec<Run>) -> Paragraph {
    runs.into_iter().fold(
        Paragraph::new()
            .align(AlignmentType::Both)
            .indent(None, Some(SpecialIndentType::FirstLine(INDENT)), None, None)
            .line_spacing(
                LineSpacing::new()
                    .line(LINE)
                    .line_rule(LineSpacingType::Auto)
                    .after(AFTER),
            ),
        |p, r| p.add_run(r),
    )
}

/// A body paragraph of plain text.
pub fn plain(s: &str) -> Paragraph {
    body(vec![text(s, BODY)])
}

/// A body paragraph with a bold lead-in: "**Thời gian:** 07 giờ 30…".
pub fn labelled(label: &str, s: &str) -> Paragraph {
    body(vec![text(label, BODY).bold(), text(s, BODY)])
}

/// A short horizontal rule under a heading line, `share` of the column wide (the decree's
/// line under the agency name and under the Tiêu ngữ).
pub fn rule(column: usize, share: f32) -> Paragraph {
    let side = ((column as f32) * (1.0 - share) / 2.0) as i32;
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .line(120)
                .line_rule(LineSpacingType::Exact)
                .after(60),
        );
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6),
        ),
    );
    p
}

/// "Lào Cai, ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 get a leading zero.
pub fn date_line(place: &str, d: NaiveDate) -> String {
    format!("{place}, {}", spelled_date(d))
}

/// "ngày 05 tháng 02 năm 2026": days below 10 and months 1 and 2 get a leading zero.
pub fn spelled_date(d: NaiveDate) -> String {
    let month = if d.month() <= 2 {
        format!("{:02}", d.month())
    } else {
        d.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", d.day(), d.year())
}

/// A rate as Vietnamese documents write it, always to one decimal like the annex's
/// spreadsheet cells (`0.0%`), so the two never disagree: "85,1%", "80,0%".
pub fn percent(x: f64) -> String {
    format!("{x:.1}%").replace('.', ",")
}

/// A document's number: "05/BB-STTTT" (zero-padded below 10).
pub fn number(n: u32, kind: &str, symbol: &str) -> String {
    format!("{n:02}/{kind}-{symbol}")
}

/// "Số: 05/BB-STTTT", or "Số:      /BB-STTTT" before a number is issued.
pub fn number_line(n: Option<u32>, kind: &str, symbol: &str) -> String {
    match n {
        Some(n) => format!("Số: {}", number(n, kind, symbol)),
        None => format!("Số:       /{kind}-{symbol}"),
    }
}

fn borderless(cells: Vec<TableCell>, widths: &[usize]) -> Table {
    Table::without_borders(vec![TableRow::new(cells).cant_split()])
        .set_grid(widths.to_vec())
        .width(WIDTH, WidthType::Dxa)
}

fn column(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new().width(width, WidthType::Dxa), |c, p| {
            c.add_paragraph(p)
        })
}

/// The header: the parent agency and the issuing agency (with the number line) on the left,
/// the Quốc hiệu and Tiêu ngữ (with the date line) on the right.
pub fn header(office: &Office, number: &str, date: &str) -> Table {
    let left_w = WIDTH * 38 / 100;
    let right_w = WIDTH - left_w;
    let left = vec![
        centred(text(&office.parent_agency.to_uppercase(), HEADING)),
        centred(text(&office.name.to_uppercase(), HEADING).bold()),
        rule(left_w, 0.35),
        centred(text(number, BODY - 2)),
    ];
    let right = vec![
        centred(text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HEADING).bold()),
        centred(text("Độc lập - Tự do - Hạnh phúc", BODY).bold()),
        rule(right_w, 0.55),
        centred(text(date, BODY).italic()),
    ];
    borderless(
        vec![column(left, left_w), column(right, right_w)],
        &[left_w, right_w],
    )
}

/// The document type and its subject (trích yếu), centred and bold, with a rule under.
pub fn title(kind: &str, subject: &[&str]) -> Vec<Paragraph> {
    let mut out = vec![Paragraph::new(), centred(text(kind, BODY).bold())];
    out.extend(subject.iter().map(|s| centred(text(s, BODY).bold())));
    out.push(rule(WIDTH, 0.25));
    out
}

/// A signer block: heading lines (bold capitals), room to sign, the name (bold).
pub fn signer(heads: &[String], name: &str) -> Vec<Paragraph> {
    let mut ps: Vec<Paragraph> = heads
        .iter()
        .filter(|h| !h.trim().is_empty())
        .map(|h| centred(text(&h.to_uppercase(), BODY).bold()))
        .collect();
    ps.extend((0..4).map(|_| Paragraph::new()));
    ps.push(centred(text(name, BODY).bold()));
    ps
}

/// The closing row: `left` (a second signer, or "Nơi nhận") and `right` (the signer), kept
/// together on one page.
pub fn closing(left: Vec<Paragraph>, right: Vec<Paragraph>) -> Table {
    let w = WIDTH / 2;
    Table::without_borders(vec![
        TableRow::new(vec![column(left, w), column(right, WIDTH - w)]).cant_split(),
    ])
    .set_grid(vec![w, WIDTH - w])
    .width(WIDTH, WidthType::Dxa)
}

/// "Nơi nhận:" and its lines (11 pt, the last one ending in a full stop).
pub fn recipients(lines: &[String]) -> Vec<Paragraph> {
    let small = |s: &str| {
        Paragraph::new()
            .line_spacing(
                LineSpacing::new()
                    .line(240)
                    .line_rule(LineSpacingType::Auto)
                    .after(0),
            )
            .add_run(text(s, 22))
    };
    let mut out = vec![Paragraph::new().add_run(text("Nơi nhận:", 24).bold().italic())];
    let n = lines.len();
    out.extend(lines.iter().enumerate().map(|(i, l)| {
        let end = if i + 1 == n { "." } else { ";" };
        small(&format!("- {l}{end}"))
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_and_number_lines() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(
            date_line("Lào Cai", d(2013, 7, 12)),
            "Lào Cai, ngày 12 tháng 7 năm 2013"
        );
        assert_eq!(
            date_line("Lào Cai", d(2026, 2, 5)),
            "Lào Cai, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            date_line("Hà Nội", d(2026, 11, 1)),
            "Hà Nội, ngày 01 tháng 11 năm 2026"
        );
        assert_eq!(number_line(Some(5), "BB", "STTTT"), "Số: 05/BB-STTTT");
        assert_eq!(percent(85.14), "85,1%");
        assert_eq!(percent(100.0), "100,0%");
        assert_eq!(percent(80.0), "80,0%");
        assert_eq!(percent(0.0), "0,0%");
        assert_eq!(number_line(Some(123), "TB", "STTTT"), "Số: 123/TB-STTTT");
        assert!(number_line(None, "BB", "STTTT").ends_with("/BB-STTTT"));
    }
}
