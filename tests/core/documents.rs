//! Official documents read back: the DOCX layout of Nghị định 30/2020 (A4, margins, Times New
//! Roman, sizes, justification, indent, page numbers from page 2), Vietnamese text intact, the
//! number register, refusals that leave no file, LibreOffice conversion, and XLSX formulas
//! that recalculate. Rendered pages go to `target/documents/` (not committed) to look at.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use giaoban::document::{self, DocKind, Numbering, register};
use giaoban::error::{Error, Field, Rule};
use giaoban::meeting;
use giaoban::minutes::{self, Attendance, AttendeeRole, NewItem, Who};
use giaoban::office::{self, Office, OfficeField};
use giaoban::stats;
use giaoban::timeliness::DeadlineBasis;

use crate::fixture::{Office as Fixture, attendee, d, office as fixture};

fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn set_up(o: &mut Fixture) {
    let id = o.meeting;
    let (director, vp) = (o.director, o.vp);
    o.store
        .write(|tx| {
            office::save(
                tx,
                &Office {
                    name: "Sở Thông tin và Truyền thông".into(),
                    parent_agency: "UBND tỉnh Lào Cai".into(),
                    symbol: "STTTT".into(),
                    place: "Lào Cai".into(),
                    signer_authority: "TL.".into(),
                    signer_over: "Giám đốc".into(),
                    signer_title: "Chánh Văn phòng".into(),
                    signer_name: "Nguyễn Thị Hạnh".into(),
                },
            )?;
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Person { id: director },
                    AttendeeRole::Chair,
                    Attendance::Present,
                    None,
                ),
            )?;
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Unit { id: vp },
                    AttendeeRole::Member,
                    Attendance::Excused,
                    Some("đi công tác"),
                ),
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Opinion {
                    speaker_id: Some(director),
                    speaker_name: None,
                    unit_id: None,
                    content: "Đề nghị đẩy nhanh tiến độ chuyển đổi số.".into(),
                },
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Conclusion {
                    content: "Giao Phòng Thông tin - Báo chí - Xuất bản tổ chức họp báo quý III."
                        .into(),
                },
            )
        })
        .unwrap();
    let mut new = o.new_directive(o.ttbc, Some(d("2026-09-30")));
    new.coordinating_unit_ids = vec![o.vp];
    o.add(new).unwrap();
}

/// The per-unit table of all time, judged on 31/12/2026.
fn all_time(o: &Fixture) -> stats::UnitTable {
    stats::by_unit(
        o.store.conn(),
        None,
        None,
        d("2026-12-31"),
        DeadlineBasis::Approved,
    )
    .unwrap()
}

fn out(o: &Fixture, name: &str) -> PathBuf {
    o.store.path().unwrap().with_file_name(name)
}

#[test]
fn the_minutes_follow_the_decree_layout_and_keep_the_vietnamese_text() {
    let mut o = fixture();
    set_up(&mut o);
    let file = out(&o, "bien-ban.docx");
    let w = document::meeting_document(
        &mut o.store,
        DocKind::Minutes,
        o.meeting,
        Numbering::Issue,
        &file,
    )
    .unwrap();
    assert_eq!(w.number.as_deref(), Some("01/BB-STTTT"));
    let xml = part(&file, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    for m in [
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="850""#,
    ] {
        assert!(xml.contains(m), "margin {m}");
    }
    assert!(xml.contains(r#"w:ascii="Times New Roman""#));
    assert!(
        xml.contains(r#"<w:jc w:val="both" />"#) || xml.contains(r#"<w:jc w:val="both"/>"#),
        "justified body"
    );
    assert!(
        xml.contains(r#"w:firstLine="567""#),
        "1 cm first-line indent"
    );
    assert!(xml.contains(r#"w:after="120""#), "6 pt after paragraphs");
    assert!(
        xml.contains(r#"<w:sz w:val="28" />"#) || xml.contains(r#"<w:sz w:val="28"/>"#),
        "14 pt body"
    );
    assert!(xml.contains(r#"<w:titlePg"#), "no number on page 1");
    let header = part(&file, "word/header1.xml");
    assert!(header.contains("PAGE"), "page number field in the header");
    for text in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "UBND TỈNH LÀO CAI",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Số: 01/BB-STTTT",
        "Lào Cai, ngày 02 tháng 6 năm 2026",
        "BIÊN BẢN",
        "Giao ban tháng 6/2026",
        "07 giờ 30",
        "Văn phòng Sở (đi công tác)",
        "Hà Văn Thắng: Đề nghị đẩy nhanh tiến độ chuyển đổi số.",
        "Cuộc họp kết thúc vào 10 giờ 00 cùng ngày",
        "THƯ KÝ",
        "CHỦ TỌA",
    ] {
        assert!(xml.contains(text), "missing “{text}”");
    }
    convert_and_look(&file, "bien-ban", 1);
}

#[test]
fn the_notice_lists_conclusions_with_their_directives_and_the_signer() {
    let mut o = fixture();
    set_up(&mut o);
    let file = out(&o, "thong-bao.docx");
    let w = document::meeting_document(
        &mut o.store,
        DocKind::Notice,
        o.meeting,
        Numbering::Issue,
        &file,
    )
    .unwrap();
    assert!(w.number.as_deref().is_some_and(|n| n.starts_with("01/TB-")));
    let xml = part(&file, "word/document.xml");
    for text in [
        "THÔNG BÁO",
        "Kết luận của Giám đốc Sở Hà Văn Thắng tại giao ban tháng 6/2026",
        "kết luận như sau:",
        "đơn vị chủ trì: Phòng Thông tin - Báo chí - Xuất bản; phối hợp: Văn phòng Sở; thời hạn: 30/09/2026.",
        "TL. GIÁM ĐỐC",
        "CHÁNH VĂN PHÒNG",
        "Nguyễn Thị Hạnh",
        "Nơi nhận:",
    ] {
        assert!(xml.contains(text), "missing “{text}”");
    }
    convert_and_look(&file, "thong-bao", 1);
}

#[test]
fn a_document_read_on_a_reader_takes_its_number_in_a_short_write_and_is_built_after() {
    let mut o = fixture();
    set_up(&mut o);
    let m = o.meeting;
    let file = out(&o, "tb.docx");
    // As the window does: read on a read-only connection while the writer stays free.
    let reader = giaoban::Store::open_reader(o.store.path().unwrap()).unwrap();
    let draft = document::meeting_draft(reader.conn(), DocKind::Notice, m, Numbering::Issue, &file)
        .unwrap();
    assert!(draft.numbered());
    let number = o.store.write(|tx| draft.number(tx)).unwrap();
    assert_eq!(number, Some(1));
    assert!(!file.exists(), "nothing written until the draft is");
    let written = draft.write(number).unwrap();
    assert_eq!(written.number.as_deref(), Some("01/TB-STTTT"));
    assert!(part(&file, "word/document.xml").contains("01/TB-STTTT"));
    // The one-store path gives the meeting the same number: issued once.
    let again =
        document::meeting_document(&mut o.store, DocKind::Notice, m, Numbering::Issue, &file)
            .unwrap();
    assert_eq!(again.number, written.number);
    // A report is numbered the same way, in its own series (BC).
    let table = all_time(&o);
    // A folder that does not exist takes no number: the next report is still the first.
    let nowhere = out(&o, "khong-co/bc.docx");
    let lost = document::unit_report_draft(o.store.conn(), table.clone(), false, &nowhere).unwrap();
    assert!(matches!(
        o.store.write(|tx| lost.number(tx)),
        Err(Error::Io { .. })
    ));
    let report =
        document::unit_report_draft(o.store.conn(), table, false, &out(&o, "bc.docx")).unwrap();
    assert_eq!(o.store.write(|tx| report.number(tx)).unwrap(), Some(1));
}

#[test]
fn numbers_are_issued_once_per_meeting_never_twice_and_not_on_previews() {
    let mut o = fixture();
    set_up(&mut o);
    let m = o.meeting;
    let file = out(&o, "bb.docx");
    let preview =
        document::meeting_document(&mut o.store, DocKind::Minutes, m, Numbering::Preview, &file)
            .unwrap();
    assert_eq!(preview.number, None);
    assert!(part(&file, "word/document.xml").contains("/BB-STTTT"));
    assert_eq!(
        register::issued(o.store.conn(), DocKind::Minutes, m).unwrap(),
        None,
        "a preview takes no number"
    );
    let issue = |o: &mut Fixture| {
        document::meeting_document(&mut o.store, DocKind::Minutes, m, Numbering::Issue, &file)
            .unwrap()
            .number
    };
    assert_eq!(issue(&mut o).as_deref(), Some("01/BB-STTTT"));
    assert_eq!(
        issue(&mut o).as_deref(),
        Some("01/BB-STTTT"),
        "the same meeting keeps its number"
    );
    let other = o
        .store
        .write(|tx| register::issue(tx, DocKind::Minutes, 2026, None))
        .unwrap();
    assert_eq!(other, 2);
    let corrected = document::meeting_document(
        &mut o.store,
        DocKind::Minutes,
        m,
        Numbering::Number(5),
        &file,
    )
    .unwrap();
    assert_eq!(corrected.number.as_deref(), Some("05/BB-STTTT"));
    let taken = o
        .store
        .write(|tx| register::correct(tx, DocKind::Minutes, 2026, m, 2));
    assert!(
        matches!(
            taken,
            Err(Error::Invalid {
                field: Field::DocumentNumber,
                rule: Rule::Duplicate(_)
            })
        ),
        "{taken:?}"
    );
    assert_eq!(
        register::issued(o.store.conn(), DocKind::Minutes, m).unwrap(),
        Some((2026, 5))
    );
    let next_year = o
        .store
        .write(|tx| register::issue(tx, DocKind::Minutes, 2027, None))
        .unwrap();
    assert_eq!(next_year, 1, "each year starts again at 01");
    // The window's correction and the CLI's use one year: the one the number was issued in
    // (the meeting's for minutes), whatever today is.
    let today = d("2027-01-15");
    assert_eq!(
        register::year_for(o.store.conn(), DocKind::Minutes, m, today).unwrap(),
        2026
    );
    assert_eq!(
        register::year_for(o.store.conn(), DocKind::Notice, m, today).unwrap(),
        2027
    );
    let moved = o
        .store
        .write(|tx| register::correct_for(tx, DocKind::Minutes, m, 7))
        .unwrap();
    assert_eq!(moved, 7);
    assert_eq!(
        register::issued(o.store.conn(), DocKind::Minutes, m).unwrap(),
        Some((2026, 7))
    );
}

#[test]
fn missing_settings_or_an_unwritable_path_leave_no_file() {
    let mut o = fixture();
    let file = out(&o, "bb.docx");
    let r = document::meeting_document(
        &mut o.store,
        DocKind::Notice,
        o.meeting,
        Numbering::Issue,
        &file,
    );
    match r {
        Err(Error::OfficeIncomplete { missing }) => {
            assert!(missing.contains(&OfficeField::Name) && missing.contains(&OfficeField::Place));
            assert!(
                missing.contains(&OfficeField::SignerTitle),
                "a notice needs its signer"
            );
            let msg = Error::OfficeIncomplete { missing }.message(giaoban::Lang::Vi);
            assert!(msg.contains("địa danh") && msg.contains("Cài đặt"), "{msg}");
        }
        other => panic!("expected OfficeIncomplete, got {other:?}"),
    }
    assert!(!file.exists());
    set_up(&mut o);
    let nowhere = o
        .store
        .path()
        .unwrap()
        .with_file_name("no-such-folder")
        .join("bb.docx");
    let r = document::meeting_document(
        &mut o.store,
        DocKind::Minutes,
        o.meeting,
        Numbering::Preview,
        &nowhere,
    );
    assert!(matches!(r, Err(Error::Io { .. })), "{r:?}");
    assert!(!nowhere.exists() && !nowhere.with_extension("docx.part").exists());
}

#[test]
fn a_meeting_without_attendees_or_conclusions_still_gives_a_document() {
    let mut o = fixture();
    set_up(&mut o);
    let id = o.store.write(|tx| {
        let m = giaoban::meeting::get(tx, o.meeting)?;
        giaoban::meeting::create(
            tx,
            giaoban::meeting::NewMeeting {
                kind: m.kind,
                online: true,
                ..giaoban::meeting::NewMeeting::new("Họp đột xuất", m.starts_at)
            },
        )
    });
    let id = id.unwrap().id;
    let file = out(&o, "empty.docx");
    document::meeting_document(
        &mut o.store,
        DocKind::Minutes,
        id,
        Numbering::Preview,
        &file,
    )
    .unwrap();
    let xml = part(&file, "word/document.xml");
    assert!(
        xml.contains("Họp đột xuất")
            && !xml.contains("Ý kiến phát biểu")
            && !xml.contains("Kết luận của chủ trì")
    );
    convert_and_look(&file, "hop-dot-xuat", 1);
}

/// Converts with LibreOffice (when installed, as the test set-up does) and keeps the first
/// page as PNG in target/documents/; checks the text survives and the pages are counted.
/// Converts with LibreOffice; checks the page count, the page numbers and the Vietnamese
/// text; keeps the first pages as PNG under target/documents to look at.
fn convert_and_look(docx: &Path, name: &str, expected_pages: u32) {
    let pdf = match document::to_pdf(docx) {
        Err(Error::NoLibreOffice) => {
            eprintln!("skipped: LibreOffice (soffice) is not installed");
            return;
        }
        converted => converted.unwrap(),
    };
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let pages: u32 = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|p| p.trim().parse().ok())
        .unwrap();
    assert_eq!(pages, expected_pages, "{name}: pages");
    if pages >= 2 {
        // Page numbers: none on page 1, centred at the top from page 2.
        let second = String::from_utf8(
            Command::new("pdftotext")
                .args(["-f", "2", "-l", "2", "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        assert_eq!(
            second.split_whitespace().next(),
            Some("2"),
            "{name}: page 2 is numbered at its top"
        );
    }
    let text = String::from_utf8(
        Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        "{name}: Vietnamese text in the PDF"
    );
    let keep = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/documents");
    fs::create_dir_all(&keep).unwrap();
    let _ = Command::new("pdftoppm")
        .args(["-r", "60", "-png", "-f", "1", "-l", "2"])
        .arg(&pdf)
        .arg(keep.join(name))
        .status();
}

#[test]
fn the_report_summarises_the_period_and_annexes_the_unit_table() {
    let mut o = fixture();
    set_up(&mut o);
    let table = stats::by_unit(
        o.store.conn(),
        Some(d("2026-01-01")),
        Some(d("2026-12-31")),
        d("2026-12-31"),
        DeadlineBasis::Approved,
    )
    .unwrap();
    let file = out(&o, "bao-cao.docx");
    let w = document::unit_report(&mut o.store, &table, false, &file).unwrap();
    assert_eq!(w.number.as_deref(), Some("01/BC-STTTT"));
    let xml = part(&file, "word/document.xml");
    let c = &table.totals;
    for text in [
        "BÁO CÁO".to_string(),
        "Tình hình thực hiện nhiệm vụ được giao từ ngày 01/01/2026 đến ngày 31/12/2026".to_string(),
        format!("đã giao {} nhiệm vụ cho các đơn vị", c.total),
        format!(
            "chưa hoàn thành {} nhiệm vụ",
            c.open_within_deadline + c.open_overdue
        ),
        "PHỤ LỤC".to_string(),
        "Chưa HT quá hạn".to_string(),
        "Tổng cộng".to_string(),
    ] {
        assert!(xml.contains(&text), "missing “{text}”");
    }
    let preview = document::unit_report(&mut o.store, &table, true, &file).unwrap();
    assert_eq!(preview.number, None);
    convert_and_look(&file, "bao-cao", 2);
}

#[test]
fn the_unit_report_formulas_recalculate_to_the_statistics() {
    let mut o = fixture();
    set_up(&mut o);
    let table = all_time(&o);
    let file = out(&o, "phu-luc.xlsx");
    document::report::units_xlsx(&table, "Sở Thông tin và Truyền thông", &file).unwrap();
    let sheet = part(&file, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<f>SUM(D5:G5)</f>") && sheet.contains("<f>IF(C5=0,0,(D5+E5)/C5)</f>"));
    if Command::new("soffice").arg("--version").output().is_err() {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    // Change one count in the file, then let LibreOffice recalculate every formula: the
    // totals must follow, which only working formulas do.
    let row = table.rows.iter().position(|r| r.counts.total > 0).unwrap();
    let x = 5 + row;
    let before = table.rows[row].counts.open_within_deadline;
    let edited = edit_cell(&file, &format!("F{x}"), before + 4);
    let csv = recalculated_csv(&edited);
    let lines: Vec<Vec<String>> = csv
        .lines()
        .map(|l| {
            l.split(',')
                .map(|c| c.trim_matches('"').to_string())
                .collect()
        })
        .collect();
    let unit_line = &lines[x - 1];
    assert_eq!(
        unit_line[2],
        (table.rows[row].counts.total + 4).to_string(),
        "Tổng số = SUM of the buckets"
    );
    let totals = lines
        .iter()
        .find(|l| l.get(1).is_some_and(|c| c == "Tổng cộng"))
        .unwrap();
    assert_eq!(totals[2], (table.totals.total + 4).to_string());
    assert_eq!(
        totals[5],
        (table.totals.open_within_deadline + 4).to_string()
    );
}

/// A copy of the XLSX with cell `cell` of the sheet set to `value`.
fn edit_cell(file: &Path, cell: &str, value: u32) -> PathBuf {
    let edited = file.with_file_name("edited.xlsx");
    let mut zip = zip::ZipArchive::new(fs::File::open(file).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(fs::File::create(&edited).unwrap());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let xml = String::from_utf8(bytes).unwrap();
            let start = xml.find(&format!(r#"<c r="{cell}""#)).unwrap();
            let v = start + xml[start..].find("<v>").unwrap() + 3;
            let end = v + xml[v..].find("</v>").unwrap();
            bytes = format!("{}{value}{}", &xml[..v], &xml[end..]).into_bytes();
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    edited
}

/// The sheet as CSV after LibreOffice recalculated it (a profile set to always recalculate
/// OOXML files on load).
fn recalculated_csv(xlsx: &Path) -> String {
    let dir = xlsx.parent().unwrap().join("lo-recalc");
    let user = dir.join("user");
    fs::create_dir_all(&user).unwrap();
    fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let ok = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.display()))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
        ])
        .arg(xlsx.parent().unwrap())
        .arg(xlsx)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    fs::read_to_string(xlsx.with_extension("csv")).unwrap()
}

#[test]
fn the_minutes_body_typed_in_the_editor_keeps_its_bold_and_lists_without_marks() {
    let mut o = fixture();
    set_up(&mut o);
    let id = o.meeting;
    o.store
        .write(|tx| {
            meeting::set_minutes(
                tx,
                id,
                "### Phần báo cáo\n\nĐồng chí **Giám đốc** chủ trì.\n\n- Văn phòng báo cáo\n- Thanh tra báo cáo",
            )
        })
        .unwrap();
    let file = out(&o, "bien-ban-md.docx");
    document::meeting_document(
        &mut o.store,
        DocKind::Minutes,
        id,
        Numbering::Preview,
        &file,
    )
    .unwrap();
    let xml = part(&file, "word/document.xml");
    assert!(
        !xml.contains("**") && !xml.contains("###"),
        "no Markdown marks in the document"
    );
    let at = xml
        .find(">Giám đốc</w:t>")
        .expect("the bold words are a run of their own");
    let run = &xml[xml[..at].rfind("<w:r>").unwrap()..at];
    assert!(run.contains("<w:b"), "bold kept: {run}");
    assert!(
        xml.contains(">- </w:t>") && xml.contains("Thanh tra báo cáo"),
        "list items with a dash"
    );
    assert!(xml.contains("Phần báo cáo"));
}

/// A notice Giao Ban wrote, brought back in (another office's copy, or this one's): its tasks
/// are read from their named parts, not split at each ";", the closing formula is no task,
/// and the meeting it came from holds its directive already.
#[test]
fn a_notice_giao_ban_wrote_comes_back_in_as_what_it_holds() {
    let mut o = fixture();
    set_up(&mut o);
    let file = out(&o, "thong-bao-ve.docx");
    document::meeting_document(
        &mut o.store,
        DocKind::Notice,
        o.meeting,
        Numbering::Issue,
        &file,
    )
    .unwrap();
    let p = giaoban::intake::preview(&mut o.store, &file, &giaoban::intake::Options::default())
        .unwrap();
    let doc = p.document.as_ref().unwrap();
    assert!(!doc.proposals.is_empty());
    for prop in &doc.proposals {
        assert!(
            !prop.content.contains("chủ trì:") && !prop.content.contains("thông báo để"),
            "{prop:#?}"
        );
        assert!(
            prop.lead_unit.as_ref().is_some_and(|u| u.id.is_some()),
            "{prop:#?}"
        );
    }
    assert!(
        doc.proposals
            .iter()
            .any(|x| x.deadline == Some(d("2026-09-30"))
                && x.lead_unit.as_ref().unwrap().name == "Phòng Thông tin - Báo chí - Xuất bản"
                && x.coordinating_units
                    .iter()
                    .any(|u| u.name == "Văn phòng Sở")),
        "{:#?}",
        doc.proposals
    );
    // Another office's database (the same units, not this meeting): each task once, from
    // its line with its parts named, not again from the conclusion that states it.
    let mut other = fixture();
    let elsewhere = giaoban::intake::preview(
        &mut other.store,
        &file,
        &giaoban::intake::Options::default(),
    )
    .unwrap();
    let theirs = &elsewhere.document.as_ref().unwrap().proposals;
    let mut contents: Vec<String> = theirs
        .iter()
        .map(|x| giaoban::text::words(&x.content).join(" "))
        .collect();
    contents.sort();
    contents.dedup();
    assert_eq!(contents.len(), theirs.len(), "{theirs:#?}");
    assert_eq!(theirs.len(), doc.proposals.len(), "{theirs:#?}");
    // The directive held is not made again; the conclusion that gave none here ("Giao Phòng
    // … tổ chức họp báo quý III.") is offered, as the office receiving the notice reads it.
    assert_eq!(p.already, 1, "{:?}", p.problems);
    assert!(
        p.directives
            .iter()
            .all(|r| r.content == "Tổ chức họp báo quý III"),
        "{:?}",
        p.directives
    );
}
