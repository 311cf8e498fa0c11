//! An office's existing records brought in from real files made here: tracker workbooks in
//! the layouts offices keep (a title block over a two-row merged header with Excel serial
//! dates; a sheet a year with a hidden one; columns in another order without diacritics), a
//! CSV with a BOM, sheets typed in TCVN3 and VNI, DOCX notices written with docx-rs and by
//! LibreOffice; round trips, re-imports that create nothing, and bad files that change
//! nothing.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use giaoban::directive::{self, DirectiveQuery, DirectiveStatus};
use giaoban::error::{Error, IntakeProblem};
use giaoban::followup;
use giaoban::intake::{self, FileKind, MappingFrom, Options};
use giaoban::person::{self, NewPerson};
use giaoban::unit::{self, NewUnit, UnitKind};
use giaoban::{Lang, OpenMode, Store};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// What a preview says of its rows, in Vietnamese.
fn told(p: &intake::Preview) -> Vec<&str> {
    p.problems.iter().map(|q| q.message.vi.as_str()).collect()
}

/// The rows set aside whose message holds these words, in order.
fn set_aside_saying(p: &intake::Preview, words: &str) -> Vec<u32> {
    (p.problems.iter())
        .filter(|q| q.skipped && q.message.vi.contains(words))
        .map(|q| q.row)
        .collect()
}

/// The rows and columns of the messages that hold these words, in order.
fn told_at<'p>(p: &'p intake::Preview, words: &str) -> Vec<(u32, &'p str)> {
    (p.problems.iter())
        .filter(|q| q.message.vi.contains(words))
        .map(|q| (q.row, q.column.as_deref().unwrap_or_default()))
        .collect()
}

/// Whether one of the messages `said` holds these words.
fn tells(said: &[&str], words: &str) -> bool {
    said.iter().any(|m| m.contains(words))
}

/// Excel's serial number of a date.
fn serial(date: NaiveDate) -> f64 {
    (date - d(1899, 12, 30)).num_days() as f64
}

/// An office with the units trackers name by their short names.
struct Office {
    dir: TempDir,
    store: Store,
}

impl Office {
    fn new() -> Office {
        let dir = TempDir::new().unwrap();
        let mut store = Store::open(&dir.path().join("office.sqlite3"), OpenMode::Create).unwrap();
        store.set_actor("vanthu");
        store
            .write(|tx| {
                for (name, short, code, kind) in [
                    ("Văn phòng Sở", None, Some("VP"), UnitKind::Office),
                    (
                        "Phòng Kế hoạch - Tài chính",
                        Some("Phòng KHTC"),
                        Some("KHTC"),
                        UnitKind::Division,
                    ),
                    (
                        "Trung tâm Công nghệ thông tin và Truyền thông",
                        None,
                        Some("TTCNTT"),
                        UnitKind::Center,
                    ),
                    ("Thanh tra Sở", None, None, UnitKind::Inspectorate),
                    ("Phòng Chuyển đổi số", None, Some("CDS"), UnitKind::Division),
                ] {
                    unit::create(
                        tx,
                        NewUnit {
                            name: name.into(),
                            short_name: short.map(Into::into),
                            code: code.map(Into::into),
                            kind,
                            parent_id: None,
                            sort_order: 0,
                        },
                    )?;
                }
                person::create(
                    tx,
                    NewPerson {
                        full_name: "Hà Văn Thắng".into(),
                        title: Some("Giám đốc Sở".into()),
                        unit_id: None,
                    },
                )?;
                Ok(())
            })
            .unwrap();
        Office { dir, store }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Marks the unit of this name no longer active.
    fn retire(&mut self, name: &str) {
        let id = (unit::list(self.store.conn(), false).unwrap().into_iter())
            .find(|u| u.name == name)
            .unwrap()
            .id;
        self.store
            .write(|tx| unit::set_active(tx, id, false))
            .unwrap();
    }

    /// Adds a person of the office with this post (no unit).
    fn add_person(&mut self, name: &str, title: &str) {
        self.store
            .write(|tx| {
                person::create(
                    tx,
                    NewPerson {
                        full_name: name.into(),
                        title: Some(title.into()),
                        unit_id: None,
                    },
                )
                .map(|_| ())
            })
            .unwrap();
    }

    /// Adds units of these names to the directory (bodies outside the office).
    fn add_units(&mut self, names: &[&str]) {
        self.store
            .write(|tx| {
                for name in names {
                    unit::create(
                        tx,
                        NewUnit {
                            name: (*name).into(),
                            short_name: None,
                            code: None,
                            kind: UnitKind::External,
                            parent_id: None,
                            sort_order: 9,
                        },
                    )?;
                }
                Ok(())
            })
            .unwrap();
    }

    /// Gives the office its details, its symbol "STTTT" among them.
    fn set_details(&mut self) {
        use giaoban::office::{self, Office as Details};
        self.store
            .write(|tx| {
                office::save(
                    tx,
                    &Details {
                        name: "Sở Thông tin và Truyền thông".into(),
                        parent_agency: "UBND tỉnh Lào Cai".into(),
                        symbol: "STTTT".into(),
                        place: "Lào Cai".into(),
                        signer_authority: "TL.".into(),
                        signer_over: "Giám đốc".into(),
                        signer_title: "Chánh Văn phòng".into(),
                        signer_name: "Nguyễn Thị Hạnh".into(),
                    },
                )
            })
            .unwrap();
    }

    /// `file` saved by LibreOffice in the format `to` ("ods"), none when LibreOffice is not
    /// installed (said).
    fn converted(&self, file: &Path, to: &str) -> Option<PathBuf> {
        let there = std::process::Command::new("soffice")
            .arg("--version")
            .output()
            .is_ok();
        if !there {
            eprintln!("skipped the .{to}: LibreOffice (soffice) is not installed");
            return None;
        }
        let out = self.path(to);
        let profile = format!("file://{}", self.path("lo-profile").display());
        let run = std::process::Command::new("soffice")
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(&out)
            .arg(file)
            .output()
            .unwrap();
        let made = out.join(file.with_extension(to).file_name().unwrap());
        assert!(made.exists(), "{}", String::from_utf8_lossy(&run.stderr));
        Some(made)
    }

    /// A hash of every table's rows: what "the database is unchanged" means.
    fn content_hash(&self) -> [u8; 32] {
        let conn = self.store.conn();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut h = Sha256::new();
        for t in tables {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("\u{1F}"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            h.update(t.as_bytes());
            for r in rows {
                h.update(r.as_bytes());
            }
        }
        h.finalize().into()
    }

    fn directives(&self) -> Vec<directive::DirectiveRow> {
        let mut q = DirectiveQuery::as_of(d(2026, 1, 1));
        q.limit = Some(1000);
        directive::list(self.store.conn(), &q).unwrap().rows
    }

    fn unit_name(&self, id: uuid::Uuid) -> String {
        unit::get(self.store.conn(), id).unwrap().name
    }
}

/// Layout 1: a title block, a header of two rows with merged cells ("Đơn vị" over "Chủ trì"
/// and "Phối hợp"), a row numbering the columns, dates as Excel serial numbers, a date cell,
/// and a deadline computed by a formula.
fn title_block_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Theo dõi 2025").unwrap();
    let bold = Format::new().set_bold();
    ws.merge_range(
        0,
        0,
        0,
        8,
        "BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ NĂM 2025",
        &bold,
    )
    .unwrap();
    ws.merge_range(1, 0, 1, 8, "(Kèm theo Báo cáo số 12/BC-VP)", &Format::new())
        .unwrap();
    for (col, text) in [
        (0, "STT"),
        (1, "Nội dung nhiệm vụ"),
        (2, "Văn bản giao"),
        (3, "Ngày giao"),
        (6, "Thời hạn hoàn thành"),
        (7, "Kết quả thực hiện"),
        (8, "Ghi chú"),
    ] {
        ws.merge_range(3, col, 4, col, text, &bold).unwrap();
    }
    ws.merge_range(3, 4, 3, 5, "Đơn vị", &bold).unwrap();
    ws.write_string_with_format(4, 4, "Chủ trì", &bold).unwrap();
    ws.write_string_with_format(4, 5, "Phối hợp", &bold)
        .unwrap();
    for c in 0..9u16 {
        ws.write_string(5, c, format!("({})", c + 1)).unwrap();
    }
    let date_cell = Format::new().set_num_format("dd/mm/yyyy");
    // Row 7: a document source, done on a stated date.
    ws.write_number(6, 0, 1).unwrap();
    ws.write_string(6, 1, "Hoàn thiện hồ sơ chuyển đổi số của Sở")
        .unwrap();
    ws.write_string(6, 2, "Thông báo số 15/TB-STTTT ngày 10/3/2025")
        .unwrap();
    ws.write_number(6, 3, serial(d(2025, 3, 10))).unwrap();
    ws.write_string(6, 4, "Phòng KHTC").unwrap();
    ws.write_string(6, 5, "Văn phòng, Thanh tra Sở").unwrap();
    ws.write_number(6, 6, serial(d(2025, 6, 30))).unwrap();
    ws.write_string(6, 7, "Đã hoàn thành ngày 28/03/2025")
        .unwrap();
    // Row 8: a meeting source, under way, deadline typed as text, unit by its code.
    ws.write_number(7, 0, 2).unwrap();
    ws.write_string(7, 1, "Rà soát danh mục dịch vụ công trực tuyến")
        .unwrap();
    // One meeting over the four rows of its tasks, merged down.
    ws.merge_range(7, 2, 10, 2, "Giao ban tháng 3/2025", &Format::new())
        .unwrap();
    ws.write_datetime_with_format(
        7,
        3,
        ExcelDateTime::from_ymd(2025, 3, 5).unwrap(),
        &date_cell,
    )
    .unwrap();
    ws.write_string(7, 4, "CDS").unwrap();
    ws.write_string(7, 6, "31/12/2025").unwrap();
    ws.write_string(7, 7, "Đang thực hiện").unwrap();
    // Row 9: deadline by a formula (its cached value read), unit by an abbreviation.
    ws.write_number(8, 0, 3).unwrap();
    ws.write_string(8, 1, "Nâng cấp hệ thống hội nghị truyền hình")
        .unwrap();
    ws.write_number(8, 3, serial(d(2025, 3, 5))).unwrap();
    ws.write_string(8, 4, "Trung tâm CNTT&TT").unwrap();
    ws.write_formula(
        8,
        6,
        Formula::new("=DATE(2025,9,30)").set_result(serial(d(2025, 9, 30)).to_string()),
    )
    .unwrap();
    // Row 10: a unit not in the directory.
    ws.write_number(9, 0, 4).unwrap();
    ws.write_string(9, 1, "Hỗ trợ truyền thanh cơ sở").unwrap();
    ws.write_number(9, 3, serial(d(2025, 3, 5))).unwrap();
    ws.write_string(9, 4, "Phòng Văn hóa và Thông tin huyện Bát Xát")
        .unwrap();
    ws.write_number(9, 6, serial(d(2025, 12, 31))).unwrap();
    ws.write_string(9, 8, "80%").unwrap();
    // Row 11: a deadline no one can read.
    ws.write_number(10, 0, 5).unwrap();
    ws.write_string(10, 1, "Tổng kết công tác thi đua").unwrap();
    ws.write_number(10, 3, serial(d(2025, 3, 5))).unwrap();
    ws.write_string(10, 4, "VP").unwrap();
    ws.write_string(10, 6, "31/02/2025").unwrap();
    wb.save(path).unwrap();
}

#[test]
fn a_title_block_and_a_two_row_merged_header_round_trip() {
    let mut o = Office::new();
    let file = o.path("theo-doi-2025.xlsx");
    title_block_workbook(&file);
    let before = o.content_hash();

    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(p.kind, FileKind::Xlsx);
    assert!(!p.committed);
    assert_eq!(p.sheets.len(), 1);
    assert_eq!(p.sheets[0].header_row, 5);
    assert_eq!(p.sheets[0].mapping_from, MappingFrom::Recognised);
    assert_eq!(p.directives.len(), 4, "{:#?}", p.problems);
    assert_eq!(p.new_units.len(), 1);
    assert_eq!(
        p.new_units[0].name,
        "Phòng Văn hóa và Thông tin huyện Bát Xát"
    );
    assert_eq!(p.new_meetings.len(), 1);
    assert_eq!(p.new_meetings[0].title, "Giao ban tháng 3/2025");
    let bad: Vec<_> = p.problems.iter().filter(|q| q.skipped).collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0].row, bad[0].column.as_deref()),
        (11, Some("G (Thời hạn)"))
    );
    assert!(bad[0].message.vi.contains("31/02/2025") && bad[0].message.en.contains("31/02/2025"));
    assert_eq!(o.content_hash(), before, "a preview writes nothing");

    // An unknown unit stops the import, naming the row; nothing is written.
    let e = intake::commit(&mut o.store, &file, &Options::default()).unwrap_err();
    assert!(matches!(
        &e,
        Error::Intake(IntakeProblem::UnknownUnit { row: 10, .. })
    ));
    assert!(e.message(Lang::Vi).contains("dòng 10"));
    assert_eq!(o.content_hash(), before);

    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let done = intake::commit(&mut o.store, &file, &create).unwrap();
    assert!(done.committed);
    assert_eq!(done.directives.len(), 4);
    let list = o.directives();
    assert_eq!(list.len(), 4);
    let by = |content: &str| {
        let row = list.iter().find(|r| r.content == content).unwrap();
        directive::get(o.store.conn(), row.id).unwrap()
    };
    let first = by("Hoàn thiện hồ sơ chuyển đổi số của Sở");
    assert_eq!(
        o.unit_name(first.lead_unit_id),
        "Phòng Kế hoạch - Tài chính"
    );
    let mut coordinating: Vec<String> = first
        .coordinating_unit_ids
        .iter()
        .map(|u| o.unit_name(*u))
        .collect();
    coordinating.sort();
    assert_eq!(coordinating, ["Thanh tra Sở", "Văn phòng Sở"]);
    assert_eq!(first.document_number.as_deref(), Some("15/TB-STTTT"));
    assert_eq!(first.document_date, Some(d(2025, 3, 10)));
    assert_eq!(first.assigned_on, d(2025, 3, 10));
    assert_eq!(first.deadline, Some(d(2025, 6, 30)));
    assert_eq!(first.status, DirectiveStatus::Done);
    assert_eq!(first.completed_on, Some(d(2025, 3, 28)));

    let second = by("Rà soát danh mục dịch vụ công trực tuyến");
    assert_eq!(o.unit_name(second.lead_unit_id), "Phòng Chuyển đổi số");
    assert_eq!(second.deadline, Some(d(2025, 12, 31)));
    assert_eq!(second.status, DirectiveStatus::InProgress);
    assert_eq!(second.assigned_on, d(2025, 3, 5));
    let m = giaoban::meeting::get(o.store.conn(), second.meeting_id.unwrap()).unwrap();
    assert_eq!(m.title, "Giao ban tháng 3/2025");

    let third = by("Nâng cấp hệ thống hội nghị truyền hình");
    assert_eq!(
        o.unit_name(third.lead_unit_id),
        "Trung tâm Công nghệ thông tin và Truyền thông"
    );
    assert_eq!(
        third.deadline,
        Some(d(2025, 9, 30)),
        "a formula by its cached value"
    );
    assert_eq!(third.status, DirectiveStatus::Assigned);
    assert_eq!(
        third.meeting_id, second.meeting_id,
        "one meeting for the same title"
    );

    let fourth = by("Hỗ trợ truyền thanh cơ sở");
    assert_eq!(
        o.unit_name(fourth.lead_unit_id),
        "Phòng Văn hóa và Thông tin huyện Bát Xát"
    );
    assert_eq!(fourth.status, DirectiveStatus::InProgress);
    let progress = giaoban::followup::progress_of(o.store.conn(), fourth.id).unwrap();
    assert_eq!(progress[0].percent, 80);

    // Audited like a local write.
    let history = giaoban::audit::history(o.store.conn(), "directive", first.id).unwrap();
    assert!(
        history
            .iter()
            .any(|e| e.action == "create" && e.actor == "vanthu")
    );

    // Again: nothing new, nothing written, and the layout's mapping is the saved one.
    let after = o.content_hash();
    let again = intake::commit(&mut o.store, &file, &create).unwrap();
    assert_eq!(again.directives.len(), 0);
    assert_eq!(again.already, 4);
    assert_eq!(again.sheets[0].mapping_from, MappingFrom::Saved);
    assert_eq!(o.directives().len(), 4);
    assert_eq!(o.content_hash(), after);
}

/// Layout 2: a sheet a year, and an old one hidden.
fn yearly_workbook(path: &Path) {
    let mut wb = Workbook::new();
    for (name, year, hidden) in [
        ("2024", 2024, false),
        ("2025", 2025, false),
        ("Cũ", 2023, true),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung",
                "Chủ trì",
                "Phối hợp",
                "Ngày giao",
                "Thời hạn",
                "Tiến độ",
            ],
        )
        .unwrap();
        for k in 0..3u32 {
            let r = k + 1;
            ws.write_number(r, 0, f64::from(r)).unwrap();
            ws.write_string(r, 1, format!("Nhiệm vụ số {r} của năm {year}"))
                .unwrap();
            ws.write_string(r, 2, ["VP", "Phòng KHTC", "Thanh tra Sở"][k as usize])
                .unwrap();
            ws.write_string(r, 3, if k == 0 { "CDS" } else { "" })
                .unwrap();
            ws.write_string(r, 4, format!("15/01/{year}")).unwrap();
            ws.write_string(r, 5, format!("30/6/{}", year % 100))
                .unwrap();
            ws.write_string(r, 6, if k == 2 { "Hoàn thành" } else { "" })
                .unwrap();
        }
        if hidden {
            ws.set_hidden(true);
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn a_sheet_a_year_every_visible_one_or_the_one_asked() {
    let mut o = Office::new();
    let file = o.path("nhiem-vu.xlsx");
    yearly_workbook(&file);
    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let names: Vec<&str> = p.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["2024", "2025"]);
    assert_eq!(p.hidden_sheets, ["Cũ"]);
    assert!(p.sheets.iter().all(|s| s.rows == 3), "{:#?}", p.sheets);
    assert_eq!(p.directives.len(), 6);
    // "Hoàn thành" without a date: done, with a caveat naming the date recorded.
    let caveats: Vec<_> = p.problems.iter().filter(|q| !q.skipped).collect();
    assert_eq!(caveats.len(), 2, "{:#?}", p.problems);
    assert!(caveats[0].message.en.contains("no completion date"));

    let one = Options {
        sheet: Some("2025".into()),
        ..Options::default()
    };
    let done = intake::commit(&mut o.store, &file, &one).unwrap();
    assert_eq!(done.directives.len(), 3);
    let rows = o.directives();
    assert!(rows.iter().all(|r| r.content.ends_with("2025")));
    let first = rows
        .iter()
        .find(|r| r.content.starts_with("Nhiệm vụ số 1"))
        .unwrap();
    assert_eq!(first.lead_unit, "Văn phòng Sở");
    assert_eq!(first.coordinating_units, ["Phòng Chuyển đổi số"]);
    assert_eq!(first.deadline, Some(d(2025, 6, 30)));
    assert_eq!(first.assigned_on, d(2025, 1, 15));
    let third = rows
        .iter()
        .find(|r| r.content.starts_with("Nhiệm vụ số 3"))
        .unwrap();
    assert_eq!(third.status, DirectiveStatus::Done);
    assert_eq!(third.completed_on, Some(d(2025, 6, 30)));

    let before = o.content_hash();
    let hidden = Options {
        sheet: Some("Cũ".into()),
        ..Options::default()
    };
    let e = intake::preview(&mut o.store, &file, &hidden).unwrap_err();
    // The name is matched case and marks aside.
    let lower = Options {
        sheet: Some("cu".into()),
        ..Options::default()
    };
    assert!(matches!(
        intake::preview(&mut o.store, &file, &lower),
        Err(Error::Intake(IntakeProblem::NoSuchSheet {
            hidden: true,
            ..
        }))
    ));
    assert!(matches!(
        e,
        Error::Intake(IntakeProblem::NoSuchSheet { hidden: true, .. })
    ));
    assert!(e.message(Lang::Vi).contains("đang bị ẩn"));
    // A sheet not there: the ones there are named, to choose from.
    let none = Options {
        sheet: Some("2019".into()),
        ..Options::default()
    };
    let e = intake::preview(&mut o.store, &file, &none).unwrap_err();
    assert!(
        e.message(Lang::Vi).contains("các trang có: “"),
        "{}",
        e.message(Lang::Vi)
    );
    assert_eq!(o.content_hash(), before);
}

/// Layout 3 rows: columns in another order, headers without diacritics.
const NO_DIACRITICS: [[&str; 6]; 3] = [
    [
        "Don vi thuc hien",
        "Han hoan thanh",
        "Noi dung cong viec",
        "Ket qua",
        "Co quan phoi hop",
        "Can cu",
    ],
    [
        "TT CNTT&TT",
        "15/08/2025",
        "Triển khai chữ ký số cho cán bộ",
        "đang triển khai",
        "VP; KHTC",
        "Kế hoạch 20/KH-STTTT ngày 02/4/2025",
    ],
    [
        "Phòng Chuyển đổi số",
        "",
        "Cập nhật cổng thông tin điện tử",
        "Chưa thực hiện",
        "",
        "Kế hoạch 20/KH-STTTT ngày 02/4/2025",
    ],
];

fn check_no_diacritics_import(o: &Office, made: &intake::Preview) {
    assert_eq!(made.directives.len(), 2, "{:#?}", made.problems);
    let rows = o.directives();
    let sign = rows
        .iter()
        .find(|r| r.content.contains("chữ ký số"))
        .unwrap();
    assert_eq!(
        sign.lead_unit,
        "Trung tâm Công nghệ thông tin và Truyền thông"
    );
    let mut c = sign.coordinating_units.clone();
    c.sort();
    assert_eq!(c, ["Phòng Kế hoạch - Tài chính", "Văn phòng Sở"]);
    assert_eq!(sign.deadline, Some(d(2025, 8, 15)));
    assert_eq!(sign.status, DirectiveStatus::InProgress);
    let portal = rows
        .iter()
        .find(|r| r.content.contains("cổng thông tin"))
        .unwrap();
    assert_eq!(portal.deadline, None);
    assert_eq!(portal.status, DirectiveStatus::Assigned);
    let full = directive::get(o.store.conn(), portal.id).unwrap();
    assert_eq!(full.document_number.as_deref(), Some("20/KH-STTTT"));
    assert_eq!(full.assigned_on, d(2025, 4, 2));
}

#[test]
fn columns_in_another_order_without_diacritics() {
    let mut o = Office::new();
    let file = o.path("khong-dau.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in NO_DIACRITICS.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            if !t.is_empty() {
                ws.write_string(r as u32, c as u16, *t).unwrap();
            }
        }
    }
    wb.save(&file).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    check_no_diacritics_import(&o, &made);
}

#[test]
fn a_csv_with_a_bom_and_semicolons() {
    let mut o = Office::new();
    let file = o.path("theo-doi.csv");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    for row in NO_DIACRITICS {
        let cells: Vec<String> = row.iter().map(|c| format!("\"{c}\"")).collect();
        bytes.extend(cells.join(";").as_bytes());
        bytes.extend(b"\r\n");
    }
    std::fs::write(&file, bytes).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(made.kind, FileKind::Csv);
    check_no_diacritics_import(&o, &made);
}

/// A sheet typed in a legacy encoding: its text as the legacy font's bytes read in
/// Windows-1252.
fn legacy_workbook(path: &Path, rows: &[[&str; 5]]) {
    let rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    text_workbook(path, &rows);
}

/// A workbook of one sheet holding `rows` of text, from A1.
fn text_workbook(path: &Path, rows: &[&[&str]]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, t) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *t).unwrap();
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn sheets_typed_in_tcvn3_and_vni_come_in_as_unicode() {
    let mut o = Office::new();
    let tcvn3 = o.path("tcvn3.xlsx");
    legacy_workbook(
        &tcvn3,
        &[
            [
                "STT",
                "Néi dung nhiÖm vô",
                "§¬n vÞ chñ tr×",
                "Ngµy giao",
                "Thêi h¹n",
            ],
            [
                "1",
                "B¸o c¸o kÕt qu¶ thùc hiÖn nhiÖm vô quý I",
                "Phßng KÕ ho¹ch - Tµi chÝnh",
                "02/01/2025",
                "31/03/2025",
            ],
            [
                "2",
                "KiÓm tra c«ng t¸c v¨n th\u{AD}, l\u{AD}u tr÷",
                "V¨n phßng Së",
                "02/01/2025",
                "30/06/2025",
            ],
        ],
    );
    let vni = o.path("vni.xlsx");
    legacy_workbook(
        &vni,
        &[
            [
                "STT",
                "Noäi dung nhieäm vuï",
                "Ñôn vò chuû trì",
                "Ngaøy giao",
                "Thôøi haïn",
            ],
            [
                "1",
                "Toå chöùc hoäi nghò chuyeån ñoåi soá",
                "Phoøng Chuyeån ñoåi soá",
                "03/02/2025",
                "15/09/2025",
            ],
            [
                "2",
                "Thanh tra vieäc thöïc hieän quy cheá",
                "Thanh tra Sôû",
                "03/02/2025",
                "30/10/2025",
            ],
        ],
    );
    // A template's header typed in Unicode over rows typed in TCVN3: each cell read as
    // typed (the header was converted as TCVN3 too).
    let mixed = o.path("lan.xlsx");
    legacy_workbook(
        &mixed,
        &[
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Thời hạn",
            ],
            [
                "1",
                "Tæng hîp b¸o c¸o th¸ng",
                "V¨n phßng Së",
                "02/01/2025",
                "31/01/2025",
            ],
            [
                "2",
                "KiÓm tra ph\u{AD}¬ng ¸n phßng ch¸y",
                "Thanh tra Së",
                "02/01/2025",
                "28/02/2025",
            ],
        ],
    );
    for (file, enc) in [(&tcvn3, "tcvn3"), (&vni, "vni"), (&mixed, "tcvn3")] {
        let p = intake::preview(&mut o.store, file, &Options::default()).unwrap();
        assert_eq!(
            p.directives.len(),
            2,
            "{}: {:?}",
            file.display(),
            p.problems
        );
        assert_eq!(serde_json::to_value(p.sheets[0].encoding).unwrap(), enc);
        intake::commit(&mut o.store, file, &Options::default()).unwrap();
    }
    let rows = o.directives();
    let content: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.content.as_str(), r.lead_unit.as_str()))
        .collect();
    for want in [
        (
            "Báo cáo kết quả thực hiện nhiệm vụ quý I",
            "Phòng Kế hoạch - Tài chính",
        ),
        ("Kiểm tra công tác văn thư, lưu trữ", "Văn phòng Sở"),
        ("Tổ chức hội nghị chuyển đổi số", "Phòng Chuyển đổi số"),
        ("Thanh tra việc thực hiện quy chế", "Thanh tra Sở"),
        ("Tổng hợp báo cáo tháng", "Văn phòng Sở"),
        ("Kiểm tra phương án phòng cháy", "Thanh tra Sở"),
    ] {
        assert!(content.contains(&want), "{want:?} in {content:?}");
    }
}

const NOTICE: [&str; 6] = [
    "THÔNG BÁO",
    "Kết luận của Giám đốc Sở Hà Văn Thắng tại cuộc họp giao ban tháng 4/2025",
    "Ngày 07/4/2025, tại trụ sở Sở Thông tin và Truyền thông, đồng chí Hà Văn Thắng, Giám đốc Sở chủ trì cuộc họp giao ban tháng 4/2025.",
    "Thành phần: đồng chí Trần Thị Bình, Chánh Văn phòng; đồng chí Lê Văn Cường.",
    "Sau khi nghe báo cáo và ý kiến của các đơn vị, Giám đốc Sở kết luận như sau:",
    "Thời gian tới, các phòng, đơn vị tập trung thực hiện các nhiệm vụ sau:",
];

const TASKS: [&str; 3] = [
    "Phòng Kế hoạch - Tài chính chủ trì tham mưu dự toán ngân sách năm 2026, hoàn thành trước ngày 30/6/2025.",
    "Văn phòng Sở tổng hợp báo cáo kết quả tháng 4, trình trước ngày 25/4/2025.",
    // No directive: shown in the preview, never dropped unseen.
    "Nhất trí với đề xuất của Văn phòng Sở về lịch công tác tháng 5.",
];

fn check_notice(o: &mut Office, file: &Path) {
    let before = o.content_hash();
    let p = intake::preview(&mut o.store, file, &Options::default()).unwrap();
    assert_eq!(p.kind, FileKind::Docx);
    let doc = p.document.as_ref().unwrap();
    assert_eq!(doc.title, "cuộc họp giao ban tháng 4/2025");
    assert_eq!(doc.date, Some(d(2025, 4, 7)));
    assert!(
        doc.attendees.iter().any(|a| a == "Trần Thị Bình"),
        "{:?}",
        doc.attendees
    );
    assert!(doc.proposals.len() >= 2, "{:#?}", doc.proposals);
    let aside: Vec<&str> = p.problems.iter().map(|x| x.message.vi.as_str()).collect();
    assert!(
        aside.contains(&"Không phải nhiệm vụ: “Nhất trí với đề xuất của Văn phòng Sở về lịch công tác tháng 5.”; nếu là nhiệm vụ, hãy nhập tay."),
        "{aside:#?}"
    );
    assert_eq!(o.content_hash(), before);

    let made = intake::commit(&mut o.store, file, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 2, "{:#?}", made);
    let rows = o.directives();
    let budget = rows
        .iter()
        .find(|r| r.content.contains("dự toán ngân sách"))
        .unwrap();
    assert_eq!(budget.lead_unit, "Phòng Kế hoạch - Tài chính");
    assert_eq!(budget.deadline, Some(d(2025, 6, 30)));
    assert_eq!(budget.assigned_on, d(2025, 4, 7));
    let m = giaoban::meeting::get(o.store.conn(), budget.meeting_id.unwrap()).unwrap();
    assert_eq!(m.status, giaoban::meeting::MeetingStatus::Closed);
    assert!(m.minutes.contains("Giám đốc Sở kết luận như sau"));
    let people = giaoban::minutes::record(o.store.conn(), m.id, d(2026, 1, 1)).unwrap();
    assert!(people.attendees.iter().any(|a| a.name == "Hà Văn Thắng"));

    let after = o.content_hash();
    let again = intake::commit(&mut o.store, file, &Options::default()).unwrap();
    // Its two directives, held.
    assert_eq!((again.already, again.directives.len()), (2, 0));
    assert_eq!(o.content_hash(), after);
}

/// `text` as a TCVN3 (.VnTime) font draws it: each letter as the Windows-1252 character
/// whose TCVN3 reading it is (found by reading every such character), others as they are.
fn in_tcvn3(text: &str) -> String {
    use giaoban::intake::legacy::{self, Encoding};
    let drawn: Vec<(String, char)> = (0xA1u8..=0xFF)
        .map(|b| {
            let c = legacy::from_cp1252(&[b]);
            (
                legacy::convert(&c, Encoding::Tcvn3),
                c.chars().next().unwrap(),
            )
        })
        .collect();
    text.chars()
        .map(|ch| {
            drawn
                .iter()
                .find(|(u, _)| u.chars().eq([ch]))
                .map_or(ch, |(_, c)| *c)
        })
        .collect()
}

/// A sheet typed in Unicode but for its units' column, pasted from an old file in TCVN3: a
/// unit's short name with a single sign of the font ("Thanh tra Së") is read in it too.
#[test]
fn a_units_column_in_tcvn3_beside_unicode_columns() {
    let mut o = Office::new();
    let file = o.path("cot.xlsx");
    let units = [
        "Văn phòng Sở",
        "Phòng Kế hoạch - Tài chính",
        "Thanh tra Sở",
        "Văn phòng Sở",
        "Phòng Chuyển đổi số",
    ];
    let mut rows: Vec<Vec<String>> = vec![vec![
        "STT".into(),
        "Nội dung nhiệm vụ".into(),
        "Đơn vị chủ trì".into(),
        "Ngày giao".into(),
    ]];
    for (i, u) in units.iter().enumerate() {
        rows.push(vec![
            (i + 1).to_string(),
            format!("Triển khai nhiệm vụ số {}", i + 1),
            in_tcvn3(u),
            "05/01/2025".into(),
        ]);
    }
    assert_eq!(in_tcvn3("Thanh tra Sở"), "Thanh tra Së");
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    text_workbook(&file, &rows);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(leads, units, "{:?} {:?}", told(&seen), seen.new_units);
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    // Its content, typed in Unicode, is left as it is.
    assert_eq!(seen.directives[2].content, "Triển khai nhiệm vụ số 3");
}

/// One cell pasted from an old file into a sheet typed in Unicode, its only sign of the font
/// a letter ("Thanh tra Së"), reads in the font: its words are none of Vietnamese as typed.
#[test]
fn a_lone_cell_pasted_in_tcvn3_reads_in_it() {
    let mut o = Office::new();
    let file = o.path("dan.xlsx");
    let pasted = in_tcvn3("Thanh tra Sở");
    let rows: [&[&str]; 4] = [
        &["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"],
        &[
            "1",
            "Rà soát quy chế làm việc",
            "Văn phòng Sở",
            "05/01/2025",
        ],
        &["2", "Kiểm tra thu phí", &pasted, "05/01/2025"],
        &[
            "3",
            "Hỗ trợ chuyển đổi số",
            "Phòng Chuyển đổi số",
            "05/01/2025",
        ],
    ];
    text_workbook(&file, &rows);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        ["Văn phòng Sở", "Thanh tra Sở", "Phòng Chuyển đổi số"],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
}

/// Foreign names in a sheet typed in Unicode ("Zoë", "Peña", "Björn Ångström") hold letters a
/// legacy font draws Vietnamese with: they are left as typed.
#[test]
fn foreign_names_in_a_unicode_sheet_are_left_as_typed() {
    let mut o = Office::new();
    let file = o.path("ten.xlsx");
    let tasks = [
        "Meeting with Zoë Dupont",
        "Call José Peña about the portal",
        "Visit of Björn Ångström",
        "Noël reception for the delegation",
    ];
    let mut rows: Vec<Vec<&str>> = vec![vec![
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
    ]];
    let numbers = ["1", "2", "3", "4"];
    for (n, t) in numbers.iter().zip(tasks) {
        rows.push(vec![n, t, "Văn phòng Sở", "05/01/2025"]);
    }
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    text_workbook(&file, &rows);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let contents: Vec<&str> = seen.directives.iter().map(|r| r.content.as_str()).collect();
    assert_eq!(contents, tasks, "{:?}", told(&seen));
}

/// A notice typed in TCVN3 fonts, as older ones are, reads as the same notice in Unicode.
#[test]
fn a_notice_typed_in_tcvn3_reads_as_unicode() {
    use docx_rs::{Docx, Paragraph, Run};
    let mut o = Office::new();
    let file = o.path("thong-bao-cu.docx");
    let mut doc = Docx::new();
    for line in NOTICE.iter().skip(1).chain(TASKS.iter()) {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(in_tcvn3(line))));
    }
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let raw = std::fs::read(&file).unwrap();
    let text = intake::docx::text(&raw).unwrap();
    assert!(
        text.contains("Phòng Kế hoạch - Tài chính chủ trì tham mưu dự toán ngân sách năm 2026"),
        "{text}"
    );
    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let doc = p.document.as_ref().unwrap();
    assert_eq!(doc.date, Some(d(2025, 4, 7)));
    assert!(doc.proposals.len() >= 2, "{:#?}", doc.proposals);
    assert_eq!(p.new_meetings.len(), 1, "the notice's meeting is told");
}

#[test]
fn a_notice_written_with_docx_rs_becomes_a_meeting_and_its_directives() {
    use docx_rs::{
        AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
        NumberingId, Paragraph, Run, Start, Table, TableCell, TableRow,
    };
    let mut o = Office::new();
    let file = o.path("thong-bao-ket-luan.docx");
    let mut doc = Docx::new()
        .add_abstract_numbering(AbstractNumbering::new(2).add_level(Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        )))
        .add_numbering(Numbering::new(2, 2));
    for line in NOTICE {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    for task in TASKS {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(task))
                .numbering(NumberingId::new(2), IndentLevel::new(0)),
        );
    }
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    doc = doc.add_table(Table::new(vec![TableRow::new(vec![
        cell("Nơi nhận:"),
        cell("GIÁM ĐỐC"),
    ])]));
    let f = std::fs::File::create(&file).unwrap();
    doc.build().pack(f).unwrap();
    let text = intake::docx::text(&std::fs::read(&file).unwrap()).unwrap();
    assert!(text.contains("1. Phòng Kế hoạch"), "{text}");
    assert!(text.contains("Nơi nhận: | GIÁM ĐỐC"));
    check_notice(&mut o, &file);
}

#[test]
fn a_notice_libreoffice_made_from_text_reads_alike() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let mut o = Office::new();
    let txt = o.path("thong-bao.txt");
    let lines: Vec<String> = NOTICE
        .iter()
        .map(|l| l.to_string())
        .chain(
            TASKS
                .iter()
                .enumerate()
                .map(|(k, t)| format!("{}. {t}", k + 1)),
        )
        .collect();
    std::fs::write(&txt, lines.join("\n")).unwrap();
    let profile = format!("file://{}", o.path("lo-profile").display());
    let status = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(o.dir.path())
        .arg(&txt)
        .output()
        .unwrap();
    let file = o.path("thong-bao.docx");
    assert!(file.exists(), "{}", String::from_utf8_lossy(&status.stderr));
    check_notice(&mut o, &file);
}

/// A zip archive with these entries (deflated).
fn zip_of(path: &Path, entries: &[(&str, &[u8])]) {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        z.start_file(*name, opts).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap();
}

/// Fails unless each of `files` is refused as a file that would spread out.
fn refused_as_spreading(o: &mut Office, files: &[&Path]) {
    for file in files {
        let e = intake::preview(&mut o.store, file, &Options::default()).unwrap_err();
        assert!(
            e.message(Lang::Vi).contains("giải nén lớn bất thường"),
            "{}: {}",
            file.display(),
            e.message(Lang::Vi)
        );
    }
}

/// An OpenDocument spreadsheet of `content` (its content.xml).
fn ods_of(path: &Path, content: &str) {
    zip_of(
        path,
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
        ],
    );
}

#[test]
fn bad_files_are_refused_with_a_message_and_change_nothing() {
    let mut o = Office::new();
    let good = o.path("good.xlsx");
    title_block_workbook(&good);
    let bytes = std::fs::read(&good).unwrap();
    let before = o.content_hash();
    // The file itself, once the journal is written into it.
    o.store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    let db_before = std::fs::read(o.path("office.sqlite3")).unwrap();

    // Damaged: cut short.
    let cut = o.path("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    // A PNG named .xlsx.
    let png = o.path("anh.xlsx");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    // A password-protected workbook: a compound file holding the encrypted package.
    let locked = o.path("mat-khau.xlsx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(1024, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        ole.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        ole.resize(ole.len() + 64, 0);
    }
    std::fs::write(&locked, &ole).unwrap();
    // A zip bomb: a workbook whose sheet inflates a thousandfold.
    let bomb = o.path("bom.xlsx");
    let zeros = vec![b' '; 24 << 20];
    zip_of(
        &bomb,
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/worksheets/sheet1.xml", &zeros),
        ],
    );
    // 100,000 rows.
    let big = o.path("lon.csv");
    let mut text = String::from("STT,Nội dung,Chủ trì,Ngày giao\n");
    for k in 1..=100_000 {
        text.push_str(&format!("{k},Nhiệm vụ {k},VP,01/02/2025\n"));
    }
    std::fs::write(&big, text).unwrap();
    // A document under a workbook's name.
    let docx_named_xlsx = o.path("van-ban.xlsx");
    zip_of(&docx_named_xlsx, &[("word/document.xml", b"<w:document/>")]);

    for (file, want) in [
        (&cut, "bị hỏng"),
        (&png, "nội dung là tệp ảnh"),
        (&locked, "mật khẩu"),
        (&bomb, "giải nén lớn bất thường"),
        (&big, "Bảng có hơn 50000 dòng, vượt giới hạn"),
        (&docx_named_xlsx, "nội dung là văn bản Word (.docx)"),
    ] {
        for commit in [false, true] {
            let o2 = Options {
                create_units: true,
                ..Options::default()
            };
            let e = if commit {
                intake::commit(&mut o.store, file, &o2)
            } else {
                intake::preview(&mut o.store, file, &o2)
            }
            .unwrap_err();
            let vi = e.message(Lang::Vi);
            assert!(vi.contains(want), "{}: {vi}", file.display());
            assert!(vi.ends_with("Dữ liệu không bị thay đổi."));
            assert!(e.message(Lang::En).ends_with("No data was changed."));
            assert!(matches!(e, Error::Intake(_)));
        }
    }
    assert_eq!(o.content_hash(), before);
    let db = o.path("office.sqlite3");
    drop(o.store);
    assert!(std::fs::read(db).unwrap() == db_before, "the file changed");
}

#[test]
fn the_same_tracker_saved_by_libreoffice_as_ods_and_xls_reads_alike() {
    if std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let o = Office::new();
    let xlsx = o.path("theo-doi.xlsx");
    title_block_workbook(&xlsx);
    let profile = format!("file://{}", o.path("lo-profile").display());
    for (ext, filter, kind) in [
        ("ods", "ods", FileKind::Ods),
        ("xls", "xls:MS Excel 97", FileKind::Xls),
    ] {
        let out = o.dir.path().join(ext);
        let run = std::process::Command::new("soffice")
            .arg(format!("-env:UserInstallation={profile}"))
            .args(["--headless", "--convert-to", filter, "--outdir"])
            .arg(&out)
            .arg(&xlsx)
            .output()
            .unwrap();
        let file = out.join(format!("theo-doi.{ext}"));
        assert!(file.exists(), "{}", String::from_utf8_lossy(&run.stderr));
        let mut fresh = Office::new();
        let create = Options {
            create_units: true,
            ..Options::default()
        };
        let made = intake::commit(&mut fresh.store, &file, &create).unwrap();
        assert_eq!(made.kind, kind);
        assert_eq!(made.directives.len(), 4, "{ext}: {:#?}", made.problems);
        let rows = fresh.directives();
        let first = rows
            .iter()
            .find(|r| r.content == "Hoàn thiện hồ sơ chuyển đổi số của Sở")
            .unwrap();
        assert_eq!(first.status, DirectiveStatus::Done, "{ext}");
        assert_eq!(first.completed_on, Some(d(2025, 3, 28)));
        assert_eq!(first.deadline, Some(d(2025, 6, 30)));
        let third = rows
            .iter()
            .find(|r| r.content.starts_with("Nâng cấp"))
            .unwrap();
        assert_eq!(
            third.deadline,
            Some(d(2025, 9, 30)),
            "{ext}: the formula's value"
        );
        // The meeting merged down over its rows is the source of each.
        let meetings: std::collections::BTreeSet<_> = rows
            .iter()
            .filter(|r| r.content != first.content)
            .map(|r| r.meeting_id)
            .collect();
        assert_eq!(meetings.len(), 1, "{ext}: {meetings:?}");
        assert!(meetings.iter().all(Option::is_some), "{ext}");
    }
}

/// What a secretary's file holds by accident is read as they mean it: a stray mark far
/// away on the sheet (column XFD, row 1,048,576) costs nothing; one byte that is not UTF-8
/// does not turn a UTF-8 file into Windows-1252; a group ("các đơn vị"), a place ("thành
/// phố") or a person ("Lãnh đạo Sở") is never taken for one unit; a document nested
/// hundreds deep is refused before it is read.
#[test]
fn stray_marks_groups_and_deep_nesting_are_read_as_meant() {
    let mut o = Office::new();
    o.store
        .write(|tx| {
            unit::create(
                tx,
                NewUnit {
                    name: "Phòng Văn hóa và Thông tin thành phố Lào Cai".into(),
                    short_name: None,
                    code: None,
                    kind: UnitKind::District,
                    parent_id: None,
                    sort_order: 9,
                },
            )
        })
        .unwrap();
    // A workbook with one directive and a mark in the last cell of the sheet.
    let far = o.path("xa.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"],
    )
    .unwrap();
    for (c, v) in [
        "1",
        "Rà soát thủ tục hành chính",
        "Văn phòng Sở",
        "05/01/2025",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(1, c as u16, *v).unwrap();
    }
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    wb.save(&far).unwrap();
    let seen = intake::preview(&mut o.store, &far, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1);

    // UTF-8 with one Windows byte (an en dash pasted from Word) in a note.
    let stray = o.path("le.csv");
    let mut bytes = "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Ghi chú\n\
        1,Tổng hợp báo cáo quý,Văn phòng Sở,thành phố,05/01/2025,xem DASH ghi chú\n\
        2,Tuyên truyền chuyển đổi số,Các đơn vị,,05/01/2025,\n\
        3,Chuẩn bị nội dung họp,Lãnh đạo Sở,,05/01/2025,\n"
        .as_bytes()
        .to_vec();
    // The one byte that is not UTF-8 where the note says DASH.
    let at = bytes.windows(4).position(|w| w == b"DASH").unwrap();
    bytes.splice(at..at + 4, [0x96]);
    std::fs::write(&stray, &bytes).unwrap();
    let seen = intake::preview(&mut o.store, &stray, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    let row = &seen.directives[0];
    // The note beside it, with its stray byte shown, is kept in its words.
    assert_eq!(
        row.content,
        "Tổng hợp báo cáo quý (Ghi chú: xem \u{FFFD} ghi chú)"
    );
    assert_eq!(row.lead_unit, "Văn phòng Sở");
    assert!(row.coordinating_units.is_empty(), "{row:?}");
    let says = told(&seen);
    assert!(
        says.iter()
            .any(|m| m.contains("“thành phố” không phải một đơn vị")),
        "{says:?}"
    );
    assert!(
        says.iter().any(|m| m.contains("“Các đơn vị” không phải")),
        "{says:?}"
    );
    assert!(
        says.iter().any(|m| m.contains("“Lãnh đạo Sở” không phải")),
        "{says:?}"
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);

    // A document whose body nests tables inside tables 300 deep.
    let deep = o.path("long.docx");
    let body = format!(
        "<w:document><w:body>{}{}</w:body></w:document>",
        "<w:tbl><w:tr><w:tc>".repeat(300),
        "</w:tc></w:tr></w:tbl>".repeat(300)
    );
    zip_of(
        &deep,
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", body.as_bytes()),
        ],
    );
    let e = intake::preview(&mut o.store, &deep, &Options::default()).unwrap_err();
    assert!(
        e.message(Lang::Vi).contains("bị hỏng"),
        "{}",
        e.message(Lang::Vi)
    );
}

/// A "Kết quả thực hiện" head split into "Đã hoàn thành | Đang thực hiện | Chưa thực hiện"
/// with a tick in one of them: the tick says the status (and a date in the first, when).
#[test]
fn ticks_under_states_say_the_status() {
    let mut o = Office::new();
    let file = o.path("tick.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Kết quả thực hiện;;\n\
         ;;;;Đã hoàn thành;Đang thực hiện;Chưa thực hiện\n\
         1;Triển khai chữ ký số;Văn phòng Sở;05/01/2025;20/03/2025;;\n\
         2;Rà soát thủ tục;Văn phòng Sở;05/01/2025;;x;\n\
         3;Đào tạo kỹ năng số;Văn phòng Sở;05/01/2025;;;x\n\
         4;Khảo sát hạ tầng;Văn phòng Sở;05/01/2025;Đã hoàn thành ngày 22/04/2025 (chậm 2 ngày);;\n\
         5;Khảo sát điểm phục vụ;Văn phòng Sở;05/01/2025;;Đã khảo sát 3/5 xã, đang tổng hợp;\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let states: Vec<(DirectiveStatus, Option<NaiveDate>)> = seen
        .directives
        .iter()
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        states,
        [
            (DirectiveStatus::Done, Some(d(2025, 3, 20))),
            (DirectiveStatus::InProgress, None),
            (DirectiveStatus::Assigned, None),
            // Words in a state's column: read as a progress's.
            (DirectiveStatus::Done, Some(d(2025, 4, 22))),
            (DirectiveStatus::InProgress, None),
        ],
        "{:?}",
        seen.problems
    );
    assert!(seen.problems.is_empty(), "{:?}", seen.problems);
    // The words are kept as the progress reported.
    let done = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let id = done.directives[4].directive_id;
    let progress = giaoban::followup::progress_of(o.store.conn(), id).unwrap();
    assert!(
        progress
            .iter()
            .any(|p| p.note.contains("Đã khảo sát 3/5 xã")),
        "{progress:?}"
    );
}

/// Words that say late beside a day done in time are told, the day taken; denied ("không
/// chậm trễ"), they say nothing late.
#[test]
fn late_said_of_a_day_in_time_is_told() {
    let mut o = Office::new();
    let file = o.path("muon.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Thời hạn;Tiến độ\n\
         1;Việc một;VP;02/03/2024;30/09/2024;Hoàn thành muộn ngày 15/9/2024\n\
         2;Việc hai;VP;02/03/2024;30/09/2024;Hoàn thành ngày 15/10/2024, chậm\n\
         3;Việc ba;VP;02/03/2024;30/09/2024;Hoàn thành; không chậm trễ\n\
         4;Việc bốn;VP;02/03/2024;30/09/2024;Hoàn thành đúng hạn ngày 5/10/2024\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let done: Vec<Option<NaiveDate>> = seen.directives.iter().map(|r| r.completed_on).collect();
    assert_eq!(
        done,
        [
            Some(d(2024, 9, 15)),
            Some(d(2024, 10, 15)),
            Some(d(2024, 9, 30)),
            Some(d(2024, 10, 5))
        ],
        "{:?}",
        told(&seen)
    );
    let notes: Vec<(u32, &str)> = (seen.problems.iter())
        .map(|q| (q.row, q.message.vi.as_str()))
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(
        notes[0].0 == 2
            && notes[0]
                .1
                .contains("ghi hoàn thành chậm, nhưng ngày hoàn thành 15/09/2024"),
        "{notes:?}"
    );
    // (Done without its day: on the deadline, nothing said of late.)
    assert!(
        notes[1].0 == 4 && !notes[1].1.contains("tiến độ ghi chậm"),
        "{notes:?}"
    );
    assert!(
        notes[2].0 == 5
            && notes[2]
                .1
                .contains("ghi hoàn thành đúng hạn, nhưng ngày hoàn thành 05/10/2024"),
        "{notes:?}"
    );
}

/// The same row twice on one sheet, its lead unit written by its code the second time, is
/// a copy left out; a row of the same words for the same unit due another day is a task of
/// its own. A soft hyphen inside a unit's name is no part of it.
#[test]
fn a_copy_with_its_unit_written_another_way_is_left_out() {
    let mut o = Office::new();
    let file = o.path("trung.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Văn bản giao\n\
         1,Rà soát quy chế làm việc,Văn phòng Sở,05/01/2025,30/06/2025,15/TB-STTTT\n\
         2,Báo cáo tháng,Văn phòng Sở,05/01/2025,31/01/2025,15/TB-STTTT\n\
         3,Rà soát quy chế làm việc,VP,05/01/2025,30/06/2025,15/TB-STTTT\n\
         4,Báo cáo tháng,VP,05/01/2025,28/02/2025,15/TB-STTTT\n\
         5,Kiểm tra thu phí,Văn phòng S\u{ad}ở,05/01/2025,30/06/2025,15/TB-STTTT\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(u32, &str, &str)> = made
        .directives
        .iter()
        .map(|r| (r.row, r.content.as_str(), r.lead_unit.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "Rà soát quy chế làm việc", "Văn phòng Sở"),
            (3, "Báo cáo tháng", "Văn phòng Sở"),
            (5, "Báo cáo tháng", "Văn phòng Sở"),
            (6, "Kiểm tra thu phí", "Văn phòng Sở"),
        ],
        "{:?}",
        told(&made)
    );
    assert!(made.new_units.is_empty(), "{:?}", made.new_units);
    let copies = set_aside_saying(&made, "Trùng với dòng 2");
    assert_eq!(copies, [4], "{:?}", told(&made));
}

/// A day given still to come (the year mistyped) is brought in and told: such a directive is
/// in no list or figure until that day.
#[test]
fn a_day_given_still_to_come_is_told() {
    let mut o = Office::new();
    let file = o.path("sau.csv");
    let later = giaoban::date::today() + chrono::Duration::days(400);
    let later_text = giaoban::date::format(later);
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
             1,Rà soát quy chế làm việc,Văn phòng Sở,05/01/2025\n\
             2,Kiểm tra thu phí,Văn phòng Sở,{later_text}\n"
        ),
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 2, "{:?}", told(&made));
    assert_eq!(made.directives[1].assigned_on, later);
    let later_told: Vec<(u32, bool)> = made
        .problems
        .iter()
        .filter(|q| {
            q.message
                .vi
                .contains(&format!("Ngày giao {later_text} ở sau ngày hôm nay"))
        })
        .map(|q| (q.row, q.skipped))
        .collect();
    assert_eq!(later_told, [(3, false)], "{:?}", told(&made));
}

/// A completion day still to come beside a progress that says done is set aside (it is no
/// task done today, on time); under a task not done, it is the day planned.
#[test]
fn a_completion_day_to_come_beside_done_is_set_aside() {
    let mut o = Office::new();
    let file = o.path("ht.csv");
    let later = giaoban::date::format(giaoban::date::today() + chrono::Duration::days(30));
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Kết quả thực hiện,Ngày hoàn thành\n\
             1,Rà soát quy chế làm việc,Văn phòng Sở,05/01/2025,Đã hoàn thành,{later}\n\
             2,Kiểm tra thu phí,Văn phòng Sở,05/01/2025,Đang thực hiện,{later}\n"
        ),
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(u32, DirectiveStatus)> =
        made.directives.iter().map(|r| (r.row, r.status)).collect();
    assert_eq!(
        rows,
        [(3, DirectiveStatus::InProgress)],
        "{:?}",
        told(&made)
    );
    let set_aside = set_aside_saying(&made, &format!("Ngày hoàn thành {later} chưa đến"));
    assert_eq!(set_aside, [2], "{:?}", told(&made));
}

/// Another body whose words only look like a unit's ("Thanh tra tỉnh" like "Thanh tra Sở") or
/// whose initials are a unit's code ("Công đoàn Sở", "Cục Dân số" for CDS) is proposed as a
/// new unit, not given to that unit, at an office whose place is set or not; a unit's own
/// short forms and code still find it, and so do its first words ("Văn phòng").
#[test]
fn bodies_that_only_look_like_a_unit_are_new_units() {
    for placed in [false, true] {
        bodies_that_only_look_like_a_unit(placed);
    }
}

fn bodies_that_only_look_like_a_unit(placed: bool) {
    let mut o = Office::new();
    if placed {
        o.set_details();
    }
    let file = o.path("giong.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         4,Thanh tra liên ngành,Thanh tra tỉnh,05/01/2025\n\
         5,Rà soát quy chế,VP,05/01/2025\n\
         6,Lập dự toán,P. KHTC,05/01/2025\n\
         7,Kiểm tra thu phí,Thanh tra,05/01/2025\n\
         8,Nâng cấp máy chủ,TTCNTT,05/01/2025\n\
         9,Hội thao công đoàn,Công đoàn Sở,05/01/2025\n\
         10,Số liệu dân số,Cục Dân số,05/01/2025\n\
         11,Chi đoàn ra quân,Chi đoàn Sở,05/01/2025\n\
         12,Chuyển đổi số cấp xã,CDS,05/01/2025\n\
         13,Nền tảng số,P. Chuyển đổi số,05/01/2025\n\
         14,Tổng hợp báo cáo,Văn phòng,05/01/2025\n",
    )
    .unwrap();
    let o2 = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &o2).unwrap();
    let leads: Vec<(&str, bool)> = (seen.directives.iter())
        .map(|r| (r.lead_unit.as_str(), r.lead_unit_new))
        .collect();
    assert_eq!(
        leads,
        [
            ("Thanh tra tỉnh", true),
            ("Văn phòng Sở", false),
            ("Phòng Kế hoạch - Tài chính", false),
            ("Thanh tra Sở", false),
            ("Trung tâm Công nghệ thông tin và Truyền thông", false),
            ("Công đoàn Sở", true),
            ("Cục Dân số", true),
            ("Chi đoàn Sở", true),
            ("Phòng Chuyển đổi số", false),
            ("Phòng Chuyển đổi số", false),
            ("Văn phòng Sở", false),
        ],
        "{placed}: {:?}",
        told(&seen)
    );
}

/// Rows a rule of the domain refuses at their writing (a lead unit no longer active) are
/// undone alone and told, wherever they stand: the rows around them come in, with their
/// states, in the preview as in the import.
#[test]
fn rows_a_rule_refuses_are_undone_alone() {
    let mut o = Office::new();
    o.retire("Thanh tra Sở");
    let file = o.path("ngung.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn,Kết quả thực hiện\n\
         1,Triển khai chữ ký số,Văn phòng Sở,,05/01/2025,30/06/2025,Đã hoàn thành ngày 20/03/2025\n\
         2,Thanh tra thu phí,Thanh tra Sở,,05/01/2025,30/06/2025,\n\
         3,Kiểm tra quảng cáo,Thanh tra Sở,,05/01/2025,30/06/2025,Đang thực hiện\n\
         4,Rà soát thủ tục,Phòng KHTC,,05/01/2025,30/06/2025,Đang thực hiện\n\
         5,Thanh tra báo chí,Thanh tra Sở,,05/01/2025,30/06/2025,\n\
         6,Hỗ trợ đồng bào,Phòng Dân tộc,Thanh tra Sở,05/01/2025,30/06/2025,\n\
         7,Quản lý dự án,Văn phòng Sở,\"Ban Quản lý dự án CNTT, Thanh tra Sở\",05/01/2025,30/06/2025,\n",
    )
    .unwrap();
    // A unit no directive written names is not made (nor proposed once the rows are tried).
    let units_before = unit::list(o.store.conn(), true).unwrap().len();
    let create_units = Options {
        create_units: true,
        ..Options::default()
    };
    let rows = |p: &intake::Preview| -> Vec<(u32, String, DirectiveStatus)> {
        p.directives
            .iter()
            .map(|r| (r.row, r.content.clone(), r.status))
            .collect()
    };
    let seen = intake::preview(&mut o.store, &file, &create_units).unwrap();
    assert!(o.directives().is_empty());
    // Not asked to make new units: the one a refused row alone names stops nothing.
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    for p in [&seen, &made] {
        assert!(p.new_units.is_empty(), "{:?}", p.new_units);
        assert_eq!(
            rows(p),
            [
                (2, "Triển khai chữ ký số".to_string(), DirectiveStatus::Done),
                (
                    5,
                    "Rà soát thủ tục".to_string(),
                    DirectiveStatus::InProgress
                ),
            ],
            "{:?}",
            p.problems
        );
        let refused = set_aside_saying(p, "ngừng");
        // (A unit no longer active after another's name and a comma is a unit of its own,
        // not part of a new one: the row is refused.)
        assert_eq!(refused, [3, 4, 6, 7, 8], "{:?}", told(p));
        // Each at the column of the unit refused.
        let columns: Vec<&str> = (p.problems.iter())
            .filter(|q| q.skipped)
            .map(|q| q.column.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(columns[0], "C (Đơn vị chủ trì)", "{:?}", p.problems);
        assert_eq!(columns[3], "D (Đơn vị phối hợp)", "{:?}", p.problems);
    }
    assert_eq!(o.directives().len(), 2);
    assert_eq!(
        unit::list(o.store.conn(), true).unwrap().len(),
        units_before
    );
    let again = intake::commit(&mut o.store, &file, &create_units).unwrap();
    assert!(again.directives.is_empty());
    assert_eq!(o.directives().len(), 2);
}

/// A name joined by " và ", "/", a dash, "&", "+" or a bracket to a unit no longer active
/// (written by its name or a short form) is two units, the row refused: never one new unit
/// of the joined words (which later rows would then be given to), nor the unit dropped; a
/// new unit's own "và" is kept, and so is a role in brackets.
#[test]
fn a_unit_no_longer_active_is_not_joined_into_a_new_one() {
    let mut o = Office::new();
    o.retire("Thanh tra Sở");
    let file = o.path("noi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Giám sát an ninh mạng,Trung tâm An ninh mạng và Thanh tra Sở,,05/01/2025\n\
         2,Phổ biến pháp luật,Sở Tư pháp,Viettel Lào Cai/Thanh tra,05/01/2025\n\
         3,Tổ chức giải chạy,Sở Văn hóa và Thể thao,,05/01/2025\n\
         4,Kiểm tra hồ sơ,Thanh tra Sở - Văn phòng Sở,,05/01/2025\n\
         5,Kiểm tra thu phí,Văn phòng Sở,Phòng KHTC – Thanh tra Sở,05/01/2025\n\
         6,Kiểm tra quảng cáo,Văn phòng Sở,Sở Tư pháp & Thanh tra Sở,05/01/2025\n\
         7,Kiểm tra báo chí,Văn phòng Sở + Thanh tra,,05/01/2025\n\
         8,Kiểm tra viễn thông,Văn phòng Sở (Thanh tra Sở),,05/01/2025\n\
         9,Kiểm tra bưu chính,Văn phòng Sở (chủ trì),,05/01/2025\n\
         10,Tích hợp dữ liệu,TT Tích hợp DL,,05/01/2025\n\
         11,Chia sẻ dữ liệu,Trung tâm THDL,,05/01/2025\n\
         12,Nâng cấp mạng,Phòng KHTC,Văn phòng Sở và Trung tâm Công nghệ thông tin và Truyền thông,05/01/2025\n\
         13,Khám sức khỏe,Phòng KHTC,Sở Y tế - Văn phòng Sở,05/01/2025\n\
         14,Quyết toán,Phòng Kế hoạch - Tài chính - Thanh tra Sở,,05/01/2025\n\
         15,Kiểm kê,Phòng KHTC,Văn phòng Sở (phối hợp: Trung tâm Công nghệ thông tin và Truyền thông),05/01/2025\n\
         16,Thanh lý,Phòng KHTC,Văn phòng Sở (VP),05/01/2025\n\
         17,Khám bệnh,Phòng KHTC,Văn phòng Sở (Sở Y tế),05/01/2025\n\
         18,Giải ngân,Phòng KHTC,Ban Quản lý dự án (Ban QLDA),05/01/2025\n\
         19,Sao lưu dữ liệu,Trung tâm Dữ liệu,,05/01/2025\n",
    )
    .unwrap();
    o.add_units(&["Trung tâm Tích hợp dữ liệu (đã sáp nhập)"]);
    o.retire("Trung tâm Tích hợp dữ liệu (đã sáp nhập)");
    let create_units = Options {
        create_units: true,
        ..Options::default()
    };
    let made = intake::commit(&mut o.store, &file, &create_units).unwrap();
    let rows: Vec<u32> = made.directives.iter().map(|r| r.row).collect();
    // (Row 20: "Trung tâm Dữ liệu" is another body than the Trung tâm Tích hợp dữ liệu.)
    assert_eq!(
        rows,
        [4, 10, 13, 14, 16, 17, 18, 19, 20],
        "{:?}",
        told(&made)
    );
    // (Each side of a longer list read again: two "và", a new unit and a known one.)
    let coordinating: Vec<Vec<String>> = (made.directives.iter())
        .skip(2)
        .map(|r| {
            let mut c = r.coordinating_units.clone();
            c.sort();
            c
        })
        .collect();
    assert_eq!(
        coordinating,
        [
            vec![
                "Trung tâm Công nghệ thông tin và Truyền thông".to_string(),
                "Văn phòng Sở".to_string()
            ],
            vec!["Sở Y tế".to_string(), "Văn phòng Sở".to_string()],
            // (A unit in brackets beside another is a unit; the same one's code is a note.)
            vec![
                "Trung tâm Công nghệ thông tin và Truyền thông".to_string(),
                "Văn phòng Sở".to_string()
            ],
            vec!["Văn phòng Sở".to_string()],
            // (A body of its own in brackets, a new unit; the name's short form, none.)
            vec!["Sở Y tế".to_string(), "Văn phòng Sở".to_string()],
            vec!["Ban Quản lý dự án".to_string()],
            Vec::new(),
        ]
    );
    assert_eq!(
        set_aside_saying(&made, "Thanh tra Sở"),
        [2, 3, 5, 6, 7, 8, 9, 15],
        "{:?}",
        told(&made)
    );
    assert_eq!(
        set_aside_saying(&made, "Trung tâm Tích hợp dữ liệu (đã sáp nhập)"),
        [11, 12],
        "{:?}",
        told(&made)
    );
    let units: Vec<String> = made.new_units.iter().map(|u| u.name.clone()).collect();
    assert_eq!(
        units,
        [
            "Sở Văn hóa và Thể thao",
            "Sở Y tế",
            "Ban Quản lý dự án",
            "Trung tâm Dữ liệu"
        ]
    );
}

/// A short form that more than one unit fits is told as such, not given to one of them:
/// "P.VHTT" or "Phòng VH-TT" for the Phòng of each district, "TT" for Thanh tra, a Trung tâm
/// or Thông tin; one that says its place finds it, and "Phòng VHTT huyện A - B" is the
/// Phòng of both places.
#[test]
fn a_short_form_several_units_fit_is_told() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Văn hóa và Thông tin huyện Bát Xát",
        "Phòng Văn hóa và Thông tin huyện Bảo Yên",
    ]);
    let file = o.path("tat.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Tuyên truyền bầu cử,P.VHTT,,05/01/2025\n\
         2,Tuyên truyền phòng chống dịch,Phòng VH-TT,,05/01/2025\n\
         3,Kiểm tra hồ sơ,TT,,05/01/2025\n\
         4,Tổ chức hội thi,Phòng VHTT huyện Bát Xát,,05/01/2025\n\
         5,Hỗ trợ truyền thanh,Văn phòng Sở,Phòng VHTT huyện Bát Xát - Bảo Yên,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(u32, &str, Vec<String>)> = (seen.directives.iter())
        .map(|r| (r.row, r.lead_unit.as_str(), r.coordinating_units.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (5, "Phòng Văn hóa và Thông tin huyện Bát Xát", vec![]),
            (
                6,
                "Văn phòng Sở",
                vec![
                    "Phòng Văn hóa và Thông tin huyện Bát Xát".to_string(),
                    "Phòng Văn hóa và Thông tin huyện Bảo Yên".to_string()
                ]
            ),
        ],
        "{:?}",
        told(&seen)
    );
    assert_eq!(
        set_aside_saying(&seen, "khớp với nhiều đơn vị"),
        [2, 3, 4],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
}

/// A row brought in before whose unit now reads otherwise (a unit made since fits its words
/// too) is the directive held, not set aside nor told gone from the file.
#[test]
fn a_row_brought_in_stays_held_when_a_new_unit_fits_it_too() {
    let mut o = Office::new();
    o.add_units(&["Phòng Văn hóa và Thông tin huyện Bát Xát"]);
    let file = o.path("vhtt.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         1,Tuyên truyền bầu cử,Phòng VHTT,05/01/2025\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        made.directives[0].lead_unit,
        "Phòng Văn hóa và Thông tin huyện Bát Xát",
        "{:?}",
        told(&made)
    );
    o.add_units(&["Phòng Văn hóa và Thông tin huyện Bảo Yên"]);
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 1));
    assert!(again.problems.is_empty(), "{:?}", told(&again));
}

/// A CSV whose letters with marks were lost as "?" (saved in a character set without them)
/// is refused saying so, the data unchanged.
#[test]
fn a_csv_whose_letters_were_lost_says_so() {
    let mut o = Office::new();
    let file = o.path("mat-dau.csv");
    std::fs::write(
        &file,
        "STT,N?i dung nhi?m v?,Ng?y giao,??n v? ch? tr?,Th?i h?n\n\
         1,R? so?t quy ch?,05/01/2025,V?n ph?ng S?,30/06/2025\n",
    )
    .unwrap();
    let before = o.content_hash();
    let e = intake::commit(&mut o.store, &file, &Options::default()).unwrap_err();
    assert!(
        matches!(e, Error::Intake(IntakeProblem::LettersLost)),
        "{e:?}"
    );
    assert!(
        e.message(Lang::Vi)
            .contains("chữ có dấu trong tệp đã thành “?”")
    );
    assert_eq!(o.content_hash(), before);
}

/// A unit's name written with "và" where the directory writes a dash, "&" or "+", or the
/// other way round, is that unit, not a new one.
#[test]
fn a_name_written_with_and_for_its_sign_is_the_unit() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Hạ tầng + An toàn thông tin",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Văn hóa và Thể thao",
        "Sở Du lịch",
    ]);
    let file = o.path("va.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         1,Lập dự toán,Phòng Kế hoạch và Tài chính,05/01/2025\n\
         2,Bảo đảm an toàn,Phòng Hạ tầng và An toàn thông tin,05/01/2025\n\
         3,Rà soát hạ tầng,Phòng Hạ tầng & An toàn thông tin,05/01/2025\n\
         4,Lễ hội,\"Sở Văn hóa, Thể thao và Du lịch, Phòng KHTC\",05/01/2025\n\
         5,Cấp điện,Phòng Điện + Nước,05/01/2025\n\
         6,Cấp nước,Phòng Điện và Nước,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        [
            "Phòng Kế hoạch - Tài chính",
            "Phòng Hạ tầng + An toàn thông tin",
            "Phòng Hạ tầng + An toàn thông tin",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Phòng Điện + Nước",
            "Phòng Điện + Nước"
        ],
        "{:?}",
        told(&seen)
    );
    // (A unit's own name with a comma and "và", in a list, is never parted into others'.)
    assert_eq!(
        seen.directives[3].coordinating_units,
        ["Phòng Kế hoạch - Tài chính"]
    );
    // (A new unit written with "+" and with "và": one new unit.)
    let units: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(units, ["Phòng Điện + Nước"], "{:?}", told(&seen));
}

/// A row set aside at its reading (done before it was given) or refused at its writing (a
/// unit no longer active) does not make its copy below a copy of it: the copy, its lead
/// written the same or another way, comes in. Refusals name the unit, and all are told in
/// the order of the rows.
#[test]
fn the_copy_of_a_row_set_aside_comes_in() {
    let mut o = Office::new();
    o.retire("Thanh tra Sở");
    let file = o.path("ban-sao.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn,Kết quả thực hiện\n\
         1,Triển khai chữ ký số,Văn phòng Sở,Thanh tra Sở,05/01/2025,30/06/2025,\n\
         2,Triển khai chữ ký số,VP,,05/01/2025,30/06/2025,\n\
         3,Rà soát thủ tục,Phòng KHTC,,05/01/2025,30/06/2025,Đã hoàn thành ngày 02/01/2025\n\
         4,Rà soát thủ tục,Phòng KHTC,,05/01/2025,30/06/2025,Đang thực hiện\n\
         5,Lập dự toán,Phòng KHTC,,05/01/2025,30/06/2025,Đang thực hiện\n\
         6,Lập dự toán,P. KHTC,,05/01/2025,30/06/2025,Đang thực hiện\n\
         7,Lập dự toán,Phòng KHTC,,05/01/2025,30/06/2025,Đã hoàn thành ngày 01/03/2025\n\
         8,Lập dự toán,KHTC,Văn phòng Sở,05/01/2025,30/06/2025,Đang thực hiện\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    for p in [&seen, &made] {
        let rows: Vec<u32> = p.directives.iter().map(|r| r.row).collect();
        assert_eq!(rows, [3, 5, 6], "{:?}", told(p));
        let set_aside: Vec<u32> = (p.problems.iter())
            .filter(|q| q.skipped)
            .map(|q| q.row)
            .collect();
        // (A true copy, the same in each field, is still left out; one whose progress
        // differs too, told.)
        assert_eq!(set_aside, [2, 4, 7, 8, 9], "{:?}", told(p));
        let differs = set_aside_saying(
            p,
            "ghi khác: Tiến độ / kết quả “Đã hoàn thành ngày 01/03/2025”",
        );
        assert_eq!(differs, [8], "{:?}", told(p));
        let differs = set_aside_saying(p, "ghi khác: Đơn vị phối hợp “Văn phòng Sở”");
        assert_eq!(differs, [9], "{:?}", told(p));
        let refused = set_aside_saying(p, "ngừng hoạt động");
        assert_eq!(refused, [2], "{:?}", told(p));
        assert!(tells(&told(p), "mới: Thanh tra Sở."), "{:?}", told(p));
    }
    assert_eq!(o.directives().len(), 3);
    // Again: the rows set aside are set aside as they were, not matched to their copies'
    // directives; nothing new.
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty(), "{:?}", told(&again));
    assert_eq!(again.already, 3, "{:?}", told(&again));
    let set_aside: Vec<u32> = (again.problems.iter())
        .filter(|q| q.skipped)
        .map(|q| q.row)
        .collect();
    assert_eq!(set_aside, [2, 4, 7, 8, 9], "{:?}", told(&again));
    assert_eq!(
        set_aside_saying(&again, "ngừng hoạt động"),
        [2],
        "{:?}",
        told(&again)
    );
}

/// States named in a header of one row, no "Kết quả thực hiện" over them: ticks too; words
/// under "Chưa hoàn thành" that report work are under way.
#[test]
fn ticks_under_a_header_of_one_row() {
    let mut o = Office::new();
    let file = o.path("tick1.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Đã hoàn thành,Chưa hoàn thành,Ghi chú\n\
         1,Triển khai chữ ký số,Văn phòng Sở,05/01/2025,30/06/2025,x,,\n\
         2,Rà soát thủ tục,Văn phòng Sở,05/01/2025,30/06/2025,Đã hoàn thành ngày 22/04/2025,,\n\
         3,Đào tạo kỹ năng số,Văn phòng Sở,05/01/2025,30/06/2025,,x,\n\
         4,Khảo sát điểm phục vụ,Văn phòng Sở,05/01/2025,30/06/2025,,Đã khảo sát 3/5 xã,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let states: Vec<(DirectiveStatus, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        states,
        [
            (DirectiveStatus::Done, Some(d(2025, 6, 30))),
            (DirectiveStatus::Done, Some(d(2025, 4, 22))),
            (DirectiveStatus::Assigned, None),
            (DirectiveStatus::InProgress, None),
        ],
        "{:?}",
        told(&seen)
    );
}

/// A row ticked "Đang thực hiện" when brought in and "Đã hoàn thành" since: told as changed
/// on a second import, not counted as already brought in.
#[test]
fn a_tick_moved_since_the_first_import_is_told() {
    let mut o = Office::new();
    let file = o.path("tick2.csv");
    let sheet = |under: &str, done: &str| {
        format!(
            "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Kết quả thực hiện;\n\
             ;;;;Đã hoàn thành;Đang thực hiện\n\
             1;Rà soát thủ tục;Văn phòng Sở;05/01/2025;{done};{under}\n"
        )
    };
    std::fs::write(&file, sheet("x", "")).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    std::fs::write(&file, sheet("", "20/03/2025")).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.already, 0, "{:?}", seen.problems);
    assert!(!seen.problems.is_empty());
}

/// Progress in words as offices write it: "Đang thực hiện, đã ban hành …" is under way, a
/// count of items ("12/12 xã") is no day, a share with a decimal comma is its whole part, and a
/// day the notes tell of something else is not the completion's.
#[test]
fn progress_words_that_look_like_done_or_like_days() {
    let mut o = Office::new();
    let file = o.path("tiendo.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ghi chú\n\
         1,Ban hành kế hoạch,VP,05/01/2025,30/06/2025,\"Đang thực hiện, đã ban hành Kế hoạch số 45/KH-STTTT ngày 5/4/2025\",\n\
         2,Tập huấn chuyển đổi số,VP,05/01/2025,30/06/2025,Đã tập huấn 12/12 xã,\n\
         3,Giải ngân vốn,VP,05/01/2025,30/06/2025,\"Giải ngân 45,5%\",\n\
         4,Rà soát hồ sơ,VP,05/01/2025,30/04/2025,Đã hoàn thành,Đã nhắc nhở ngày 15/5/2025\n\
         5,Kiểm tra thiết bị,VP,05/01/2025,30/04/2025,Đã hoàn thành,20/03/2025\n\
         6,Kiểm tra mạng,VP,05/01/2025,30/04/2025,Hoàn thành trong tháng 4/2025,\n\
         7,Kiểm tra máy chủ,VP,05/01/2025,30/04/2025,Hoàn thành Quý I/2025,\n",
    )
    .unwrap();
    let seen = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let states: Vec<(DirectiveStatus, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        states,
        [
            (DirectiveStatus::InProgress, None),
            (DirectiveStatus::Done, Some(d(2025, 6, 30))),
            (DirectiveStatus::InProgress, None),
            (DirectiveStatus::Done, Some(d(2025, 4, 30))),
            (DirectiveStatus::Done, Some(d(2025, 3, 20))),
            // By the period's end.
            (DirectiveStatus::Done, Some(d(2025, 4, 30))),
            (DirectiveStatus::Done, Some(d(2025, 3, 31))),
        ],
        "{:?}",
        told(&seen)
    );
    let share =
        giaoban::followup::progress_of(o.store.conn(), seen.directives[2].directive_id).unwrap();
    assert_eq!(share.last().map(|p| p.percent), Some(45));
}

/// Short headers ("ND", "Đv chủ trì", "Hạn HT"), a completion day without its year, and a
/// completion before the day given (told, the row left out).
#[test]
fn short_headers_and_completion_days_as_offices_write_them() {
    let mut o = Office::new();
    let file = o.path("ngan.csv");
    std::fs::write(
        &file,
        "TT,ND,Đv chủ trì,Ngày giao,Hạn HT,Kết quả TH\n\
         1,Rà soát thủ tục,VP,05/01/2025,31/03/2025,Hoàn thành ngày 28/3\n\
         2,Đào tạo kỹ năng số,VP,01/03/2025,30/06/2025,Đã hoàn thành ngày 28/02/2025\n\
         3,Cung cấp số liệu,VP,01/03/2025,Khi có yêu cầu,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", seen.problems);
    // A deadline in words: in, without one, and said.
    assert_eq!(seen.directives[1].deadline, None);
    assert!(seen.problems.iter().any(|p| {
        !p.skipped
            && p.message
                .vi
                .contains("“Khi có yêu cầu” không phải một ngày")
    }));
    let row = &seen.directives[0];
    assert_eq!(row.deadline, Some(d(2025, 3, 31)));
    assert_eq!(
        (row.status, row.completed_on),
        (DirectiveStatus::Done, Some(d(2025, 3, 28)))
    );
    // The year of "28/3" is the one it was given in, told.
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("“Hoàn thành ngày 28/3” không ghi năm: được hiểu là 28/03/2025")),
        "{:?}",
        told(&seen)
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("Ngày hoàn thành 28/02/2025 trước ngày giao 01/03/2025")),
        "{:?}",
        told(&seen)
    );
}

/// A completion day before the day given is told at the column it is written in: its own
/// column, or the words of progress.
#[test]
fn a_completion_before_the_day_given_is_told_where_it_is_written() {
    let mut o = Office::new();
    let file = o.path("truoc.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Tiến độ,Ngày hoàn thành\n\
         1,Rà soát thủ tục,VP,01/03/2025,,28/02/2025\n\
         2,Đào tạo kỹ năng số,VP,01/03/2025,Đã hoàn thành ngày 27/02/2025,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let at: Vec<(u32, &str)> = (seen.problems.iter())
        .filter(|q| q.skipped)
        .map(|q| (q.row, q.column.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(
        at,
        [(2, "F (Ngày hoàn thành)"), (3, "E (Tiến độ / kết quả)")],
        "{:?}",
        told(&seen)
    );
}

/// Dates typed month first, as a computer set to US English writes them, are read so when
/// the sheet shows it (a second number past 12, none first), and the preview says so; a
/// sheet with one date that only reads day first keeps every date day first.
#[test]
fn dates_typed_month_first_are_read_so_when_the_sheet_shows_it() {
    let mut o = Office::new();
    let us = o.path("us.csv");
    std::fs::write(
        &us,
        "STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn,Tiến độ\n\
         1,Rà soát thủ tục,01/05/2026,VP,03/25/2026,Đã hoàn thành ngày 03/20/2026\n\
         2,Đào tạo kỹ năng số,02/13/2026,VP,04/10/2026,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &us, &Options::default()).unwrap();
    let read: Vec<_> = seen
        .directives
        .iter()
        .map(|r| (r.assigned_on, r.deadline))
        .collect();
    assert_eq!(
        read,
        [
            (d(2026, 1, 5), Some(d(2026, 3, 25))),
            (d(2026, 2, 13), Some(d(2026, 4, 10)))
        ]
    );
    let said: Vec<_> = seen
        .problems
        .iter()
        .map(|p| (p.row, p.skipped, p.message.vi.as_str()))
        .collect();
    // The day inside the progress is read month first too.
    assert_eq!(
        (seen.directives[0].status, seen.directives[0].completed_on),
        (DirectiveStatus::Done, Some(d(2026, 3, 20)))
    );
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!((said[0].0, said[0].1), (2, false));
    assert!(said[0].2.contains("tháng/ngày/năm"), "{said:?}");

    // One date typed month first among dates that read either way is a date typed wrong,
    // told on its row; the others stay day first.
    let odd = o.path("le.csv");
    let mut rows = String::from("STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn\n");
    for i in 1..=8 {
        rows.push_str(&format!("{i},Việc số {i},04/01/2026,VP,10/04/2026\n"));
    }
    rows.push_str("9,Việc dán từ thư,04/01/2026,VP,12/25/2026\n");
    std::fs::write(&odd, rows).unwrap();
    let seen = intake::preview(&mut o.store, &odd, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 8, "{:?}", seen.problems);
    assert_eq!(seen.directives[0].assigned_on, d(2026, 1, 4));
    assert_eq!(seen.directives[0].deadline, Some(d(2026, 4, 10)));
    assert!(
        seen.problems
            .iter()
            .all(|p| !p.message.vi.contains("tháng/ngày/năm")),
        "{:?}",
        seen.problems
    );
    assert!(
        seen.problems.iter().any(|p| p.row == 10),
        "{:?}",
        seen.problems
    );

    let ours = o.path("vn.csv");
    std::fs::write(
        &ours,
        "STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn\n\
         1,Rà soát thủ tục,01/05/2026,VP,25/06/2026\n\
         2,Đào tạo kỹ năng số,02/03/2026,VP,04/10/2026\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &ours, &Options::default()).unwrap();
    assert_eq!(seen.directives[1].assigned_on, d(2026, 3, 2));
    assert_eq!(seen.directives[1].deadline, Some(d(2026, 10, 4)));
    assert!(seen.problems.is_empty(), "{:?}", seen.problems);
}

/// Two-digit years of the last century, years no office writes, a deadline before the day
/// given, and a cell far too long for a directive are told on their rows; a pipe is no file
/// to wait on.
#[test]
fn odd_years_long_cells_and_pipes_are_told() {
    let mut o = Office::new();
    let file = o.path("nam.csv");
    let long = "rà soát ".repeat(2_000);
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn\n\
             1,Việc cũ,1/2/99,VP,1/1/99\n\
             2,Việc lạ,1/2/1900,VP,\n\
             3,{long},05/01/2026,VP,\n"
        ),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert_eq!(seen.directives[0].assigned_on, d(1999, 2, 1));
    let said: Vec<(u32, &str)> = seen
        .problems
        .iter()
        .map(|p| (p.row, p.message.vi.as_str()))
        .collect();
    assert!(
        said.iter()
            .any(|(r, m)| *r == 3 && m.contains("“1/2/1900”")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(r, m)| *r == 4 && m.contains("dài quá 10000 ký tự")),
        "{said:?}"
    );
    // Given before 2000 (a year of two digits): told.
    assert!(
        said.iter()
            .any(|(r, m)| *r == 2 && m.contains("Ngày giao 01/02/1999 trước năm 2000")),
        "{said:?}"
    );
    // Due before it was given: brought in as the sheet has it, and told.
    assert_eq!(seen.directives[0].deadline, Some(d(1999, 1, 1)));
    assert!(
        said.iter()
            .any(|(r, m)| *r == 2 && m.contains("Thời hạn 01/01/1999 trước ngày giao 01/02/1999")),
        "{said:?}"
    );
    // A stray byte in a file otherwise UTF-8 is shown where it was, and told.
    let stray = o.path("byte.csv");
    std::fs::write(
        &stray,
        b"STT,N\xe1\xbb\x99i dung nhi\xe1\xbb\x87m v\xe1\xbb\xa5,Ng\xc3\xa0y giao,\xc4\x90\xc6\xa1n v\xe1\xbb\x8b ch\xe1\xbb\xa7 tr\xc3\xac\n1,Vi\xe1\xbb\x87c m\x97t,05/01/2026,VP\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &stray, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert!(
        seen.problems
            .iter()
            .any(|p| p.row == 2 && p.message.vi.contains("không đọc được")),
        "{:?}",
        seen.problems
    );
    #[cfg(unix)]
    {
        let pipe = o.path("ong.csv");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if made.is_ok_and(|s| s.success()) {
            let refused = intake::preview(&mut o.store, &pipe, &Options::default());
            assert!(refused.is_err());
        }
    }
}

/// A cell that says each unit's role ("Văn phòng Sở chủ trì, phối hợp Thanh tra Sở") names
/// the lead and the coordinating units, not units called so.
#[test]
fn roles_written_in_the_units_cell() {
    let mut o = Office::new();
    let file = o.path("vai-tro.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị thực hiện\n\
         1;Rà soát quy chế làm việc;05/01/2026;Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    let row = &seen.directives[0];
    assert_eq!(row.lead_unit, "Văn phòng Sở");
    assert_eq!(row.coordinating_units, ["Thanh tra Sở"]);

    // The body named is not a part of it: "UBND tỉnh" is not "Văn phòng UBND tỉnh".
    o.add_units(&["Văn phòng UBND tỉnh"]);
    let above = o.path("tinh.csv");
    std::fs::write(
        &above,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n1;Báo cáo kết quả chuyển đổi số;05/01/2026;UBND tỉnh\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &above, &Options::default()).unwrap();
    let new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(new, ["UBND tỉnh"], "{:?}", seen.directives);

    // One new unit written three ways in the file is one unit.
    let ways = o.path("ba-cach.csv");
    std::fs::write(
        &ways,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Rà soát hệ thống giám sát;05/01/2026;Phòng An ninh mạng\n\
         2;Diễn tập ứng cứu sự cố;05/01/2026;P. An ninh mạng\n\
         3;Báo cáo sự cố quý I;05/01/2026;Phòng ANM\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &ways, &Options::default()).unwrap();
    let new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(new, ["Phòng An ninh mạng"]);
    assert!(
        seen.directives
            .iter()
            .all(|r| r.lead_unit == "Phòng An ninh mạng"),
        "{:?}",
        seen.directives
    );

    // A new unit keeps the short form written in brackets after it as its code, where it
    // was written second, and a later file naming it so finds it.
    // The short form written alone before the name it stands for is that unit too; one
    // that two new units were written with is neither's alone: told, no unit made of it.
    let short = o.path("viet-tat.csv");
    std::fs::write(
        &short,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Rà soát quy trình một cửa;05/01/2026;TTPVHCC\n\
         2;Báo cáo tiếp nhận hồ sơ;05/01/2026;Trung tâm Phục vụ hành chính công (TTPVHCC)\n\
         3;Lập dự án kè suối;05/01/2026;Ban Quản lý dự án đầu tư xây dựng (Ban QLDA)\n\
         4;Quyết toán công trình;05/01/2026;Ban QLDA\n\
         5;Tiêm chủng mở rộng;05/01/2026;Trung tâm Y tế huyện Bát Xát (TTYT)\n\
         6;Tiêm chủng mở rộng;05/01/2026;Trung tâm Y tế huyện Sa Pa (TTYT)\n\
         7;Phòng chống sốt xuất huyết;05/01/2026;TTYT\n\
         8;Tổ chức lễ hội;05/01/2026;Văn phòng Sở, Trung tâm Văn hóa tỉnh (TT Văn hóa)\n\
         9;Trưng bày ảnh;05/01/2026;TT Văn hóa\n\
         10;Thu hút đầu tư;05/01/2026;Ban Quản lý các khu công nghiệp (BQL-KCN), Văn phòng Sở\n\
         11;Rà soát quy hoạch;05/01/2026;BQL-KCN\n\
         12;Quyết toán ngân sách;05/01/2026;Kho bạc Nhà nước\n\
         13;Đối chiếu số liệu;05/01/2026;Kho bạc Nhà nước tỉnh\n\
         14;Kiểm soát chi;05/01/2026;KBNN tỉnh\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::commit(&mut o.store, &short, &create).unwrap();
    let mut new: Vec<(&str, Option<&str>)> = (seen.new_units.iter())
        .map(|u| (u.name.as_str(), u.short.as_deref()))
        .collect();
    new.sort();
    assert_eq!(
        new,
        [
            ("Ban Quản lý các khu công nghiệp", Some("BQL-KCN")),
            ("Ban Quản lý dự án đầu tư xây dựng", Some("Ban QLDA")),
            ("Kho bạc Nhà nước", None),
            ("Trung tâm Phục vụ hành chính công", Some("TTPVHCC")),
            ("Trung tâm Văn hóa tỉnh", Some("TT Văn hóa")),
            ("Trung tâm Y tế huyện Bát Xát", None),
            ("Trung tâm Y tế huyện Sa Pa", None),
        ]
    );
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads[..4],
        [
            "Trung tâm Phục vụ hành chính công",
            "Trung tâm Phục vụ hành chính công",
            "Ban Quản lý dự án đầu tư xây dựng",
            "Ban Quản lý dự án đầu tư xây dựng",
        ]
    );
    assert_eq!(
        told_at(&seen, "khớp với nhiều đơn vị"),
        [(8, "D (Đơn vị chủ trì)")],
        "{:?}",
        told(&seen)
    );
    // A later file naming them so finds them.
    let later = o.path("sau.csv");
    std::fs::write(
        &later,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Tổng hợp phản ánh;05/02/2026;TTPVHCC\n\
         2;Nghiệm thu công trình;05/02/2026;Ban QLDA\n\
         3;Duy tu tuyến đường;05/02/2026;Ban Quản lý dự án giao thông (Ban QLDA)\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &later, &Options::default()).unwrap();
    let new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(new, ["Ban Quản lý dự án giao thông"]);
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        [
            "Trung tâm Phục vụ hành chính công",
            "Ban Quản lý dự án đầu tư xây dựng",
            "Ban Quản lý dự án giao thông"
        ]
    );
    // (Its own short form, though another unit holds it: not that unit beside it.)
    assert!(
        seen.directives[2].coordinating_units.is_empty(),
        "{:?}",
        seen.directives[2]
    );
}

/// A short form written after a new unit's name that a unit of the directory holds is not
/// taken by the new unit: told once, where first written; the rows writing it alone are the
/// directory's unit's, as before.
#[test]
fn a_short_form_the_directory_holds_is_told_not_taken() {
    let mut o = Office::new();
    o.store
        .write(|tx| {
            unit::create(
                tx,
                NewUnit {
                    name: "Trung tâm Y tế huyện Bát Xát".into(),
                    short_name: None,
                    code: Some("TTYT".into()),
                    kind: UnitKind::External,
                    parent_id: None,
                    sort_order: 9,
                },
            )
            .map(|_| ())
        })
        .unwrap();
    let file = o.path("viet-tat-trung.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Tiêm chủng mở rộng;05/01/2026;Trung tâm Y tế huyện Si Ma Cai (TTYT)\n\
         2;Phòng chống dịch;05/01/2026;Trung tâm Y tế huyện Si Ma Cai (TTYT)\n\
         3;Khám sức khỏe học đường;05/01/2026;TTYT\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &create).unwrap();
    let new: Vec<(&str, Option<&str>)> = (seen.new_units.iter())
        .map(|u| (u.name.as_str(), u.short.as_deref()))
        .collect();
    assert_eq!(
        new,
        [("Trung tâm Y tế huyện Si Ma Cai", None)],
        "{:?}",
        seen
    );
    let leads: Vec<&str> = (seen.directives.iter())
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        [
            "Trung tâm Y tế huyện Si Ma Cai",
            "Trung tâm Y tế huyện Si Ma Cai",
            "Trung tâm Y tế huyện Bát Xát"
        ]
    );
    assert_eq!(
        told_at(&seen, "Tên viết tắt “TTYT”"),
        [(2, "")],
        "{:?}",
        told(&seen)
    );
}

/// A place of a level above the one before it, after a comma ("…, tỉnh Lào Cai", "UBND xã A
/// Mú Sung, huyện Bát Xát"), names where that body is: no unit of its own; the directory's
/// unit is found without it.
#[test]
fn a_place_after_a_comma_is_where_the_body_is() {
    let mut o = Office::new();
    o.add_units(&["Phòng Văn hóa và Thông tin huyện Bát Xát", "Sở Tài chính"]);
    let file = o.path("dia-danh.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì;Đơn vị phối hợp\n\
         1;Kiểm kê di tích;05/01/2026;Phòng Văn hóa và Thông tin huyện Bát Xát, tỉnh Lào Cai;Sở Tài chính, tỉnh Lào Cai\n\
         2;Tuyên truyền bầu cử;05/01/2026;UBND xã A Mú Sung, huyện Bát Xát;\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &create).unwrap();
    let got: Vec<(&str, Vec<&str>)> = (seen.directives.iter())
        .map(|r| {
            (
                r.lead_unit.as_str(),
                r.coordinating_units.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Phòng Văn hóa và Thông tin huyện Bát Xát",
                vec!["Sở Tài chính"]
            ),
            ("UBND xã A Mú Sung huyện Bát Xát", vec![])
        ],
        "{:?}",
        told(&seen)
    );
    let new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(new, ["UBND xã A Mú Sung huyện Bát Xát"]);
}

/// Unit cells that differ only by their marks ("Bảo", "Báo") are each read as written: the
/// candidates told for one are not the other's.
#[test]
fn unit_words_differing_by_their_marks_are_read_apart() {
    let mut o = Office::new();
    o.add_units(&[
        "Báo Lào Cai",
        "Phòng Văn hóa và Thông tin huyện Bảo Thắng",
        "Phòng Văn hóa và Thông tin huyện Bảo Yên",
    ]);
    let file = o.path("dau.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Kiểm kê di tích;05/01/2026;Bảo\n\
         2;Đưa tin hội nghị;05/01/2026;Báo\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let said: Vec<&str> = (seen.problems.iter())
        .filter(|q| q.skipped)
        .map(|q| q.message.vi.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("Bảo Thắng") && !said[0].contains("Báo Lào Cai"),
        "{said:?}"
    );
    // "Báo" leaves out words of the one unit written so ("Báo Lào Cai"): a new unit to
    // confirm, not the Phòng of Bảo Thắng.
    let leads: Vec<(u32, &str, bool)> = (seen.directives.iter())
        .map(|r| (r.row, r.lead_unit.as_str(), r.lead_unit_new))
        .collect();
    assert_eq!(leads, [(3, "Báo", true)]);
}

/// Names that only look like a unit's are never a new unit unsaid: a zero-width space between
/// words is a space, letters typed full-width are those letters, and a name holding letters
/// of another alphabet (a Cyrillic "а" in "Công аn tỉnh") is set aside, told.
#[test]
fn names_that_only_look_like_a_units_are_never_new_units() {
    let mut o = Office::new();
    o.add_units(&["Sở Tài chính", "Công an tỉnh"]);
    let file = o.path("giong.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Lập dự toán;05/01/2026;Sở Tài\u{200b}chính\n\
         2;Quyết toán;05/01/2026;\u{ff33}ở Tài chính\n\
         3;Tuần tra;05/01/2026;Công \u{430}n tỉnh\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &create).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(leads, ["Sở Tài chính", "Sở Tài chính"], "{:?}", told(&seen));
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    assert_eq!(
        set_aside_saying(&seen, "bảng chữ cái khác"),
        [4],
        "{:?}",
        told(&seen)
    );
}

/// A new unit written another way in the same file, its place's level left out ("Trung tâm
/// Y tế Si Ma Cai"), its kind ("VHTT Si Ma Cai" for "Phòng VHTT …") or the place above it
/// added, is that unit; bodies of two levels of one place ("UBND huyện Si Ma Cai", "UBND xã
/// Si Ma Cai") are two.
#[test]
fn a_new_unit_written_without_its_level_or_kind_is_one_unit() {
    let mut o = Office::new();
    let file = o.path("don-vi-moi.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Tiêm chủng;05/01/2026;Trung tâm Y tế huyện Si Ma Cai\n\
         2;Phòng dịch;05/01/2026;Trung tâm Y tế Si Ma Cai\n\
         3;Kiểm kê di tích;05/01/2026;Phòng Văn hóa và Thông tin huyện Si Ma Cai\n\
         4;Tuyên truyền;05/01/2026;Phòng VHTT Si Ma Cai\n\
         5;Lễ hội;05/01/2026;VHTT Si Ma Cai\n\
         6;Bầu cử;05/01/2026;UBND huyện Si Ma Cai\n\
         7;Dân số;05/01/2026;UBND xã Si Ma Cai\n\
         8;Tiêm chủng;05/01/2026;UBND xã Bản Mế\n\
         9;Phòng dịch;05/01/2026;UBND xã Bản Mế, huyện Si Ma Cai\n\
         12;Tiêm phòng;05/01/2026;UBND thị trấn Si Ma Cai\n\
         10;Kiểm tra;05/01/2026;Phòng Văn hóa huyện Bắc Hà\n\
         11;Kiểm kê;05/01/2026;Phòng Văn hóa huyện Bác Hà\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &create).unwrap();
    let new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        new,
        [
            "Trung tâm Y tế huyện Si Ma Cai",
            "Phòng Văn hóa và Thông tin huyện Si Ma Cai",
            // (Bodies of two levels of one place are two; the place above added is one.)
            "UBND huyện Si Ma Cai",
            "UBND xã Si Ma Cai",
            "UBND xã Bản Mế",
            "UBND thị trấn Si Ma Cai",
            // (Words written with other marks are other words.)
            "Phòng Văn hóa huyện Bắc Hà",
            "Phòng Văn hóa huyện Bác Hà",
        ],
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.directives.len(), 12);
}

/// A task done or cancelled is a record of the past: it comes in with the unit and the leader
/// it was given by, though they are no longer active (a unit merged, a leader retired); a
/// task still open naming them is refused, as no new task can be given to them.
#[test]
fn a_closed_task_of_a_unit_or_leader_no_longer_active_comes_in() {
    let mut o = Office::new();
    o.retire("Thanh tra Sở");
    o.store
        .write(|tx| {
            let p = person::create(
                tx,
                NewPerson {
                    full_name: "Đỗ Thu Hùng".into(),
                    title: Some("Phó Giám đốc Sở".into()),
                    unit_id: None,
                },
            )?;
            person::set_active(tx, p.id, false)
        })
        .unwrap();
    let file = o.path("luu-tru.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì;Thời hạn;Tiến độ;Người giao\n\
         1;Thanh tra công tác văn thư;05/03/2024;Thanh tra Sở;30/09/2024;Đã hoàn thành ngày 20/09/2024;Đỗ Thu Hùng\n\
         2;Kiểm tra hồ sơ lưu trữ;05/03/2024;Văn phòng Sở;30/09/2024;Đã hủy;Đỗ Thu Hùng\n\
         3;Thanh tra chuyên đề;05/03/2024;Thanh tra Sở;31/12/2026;Đang thực hiện;\n\
         4;Rà soát quy chế;05/03/2024;Văn phòng Sở;31/12/2026;Đang thực hiện;Đỗ Thu Hùng\n\
         5;Thanh tra đột xuất;05/03/2024;Thanh tra Sở;30/09/2024;Hoàn thành?;\n\
         6;Thanh tra hành chính;05/03/2024;Thanh tra Sở;30/09/2024;Đã hủy nhưng giao lại;\n",
    )
    .unwrap();
    let done = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(u32, &str, Option<&str>)> = (done.directives.iter())
        .map(|r| (r.row, r.lead_unit.as_str(), r.directing_leader.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "Thanh tra Sở", Some("Đỗ Thu Hùng")),
            (3, "Văn phòng Sở", Some("Đỗ Thu Hùng")),
            // (An open task of a leader no longer active: without them, told.)
            (5, "Văn phòng Sở", None)
        ],
        "{:?}",
        told(&done)
    );
    assert_eq!(
        told_at(&done, "Lãnh đạo “Đỗ Thu Hùng” đã ngừng hoạt động"),
        [(5, "G (Người giao (lãnh đạo chỉ đạo))")],
        "{:?}",
        told(&done)
    );
    // (A close in doubt or taken back is no close: those rows are refused too.)
    assert_eq!(
        set_aside_saying(&done, "ngừng hoạt động"),
        [4, 6, 7],
        "{:?}",
        told(&done)
    );
    // Brought in again: nothing new.
    let again = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty(), "{:?}", again.directives);
    // A later copy writes the two closed tasks open again: each row is the task held,
    // told at its state and not reopened; none is said to be gone from the file.
    let reopened = std::fs::read_to_string(&file)
        .unwrap()
        .replace("Đã hoàn thành ngày 20/09/2024", "Đang thực hiện")
        .replace("Đã hủy", "Chưa hoàn thành");
    std::fs::write(&file, reopened).unwrap();
    let later = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert!(later.directives.is_empty(), "{:?}", later.directives);
    assert_eq!(
        set_aside_saying(&later, "đã nhập trước đây"),
        [2, 3],
        "{:?}",
        told(&later)
    );
    assert!(
        !told(&later)
            .iter()
            .any(|t| t.contains("không còn trong tệp")),
        "{:?}",
        told(&later)
    );
    let mut states: Vec<(String, DirectiveStatus)> = (o.directives().into_iter())
        .map(|d| (d.content, d.status))
        .collect();
    states.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        states,
        [
            ("Kiểm tra hồ sơ lưu trữ".into(), DirectiveStatus::Cancelled),
            ("Rà soát quy chế".into(), DirectiveStatus::InProgress),
            ("Thanh tra công tác văn thư".into(), DirectiveStatus::Done)
        ],
        "{:?}",
        told(&later)
    );
}

/// A place named alone ("Bát Xát", the place of the directory's Phòng of that district), a
/// kind of body alone ("UBND") or words of several units' names ("Tài chính") is no one
/// unit: the row is set aside, told, not given to that Phòng or to the Văn phòng UBND tỉnh,
/// nor proposed as a new unit.
#[test]
fn a_place_or_a_kind_alone_is_no_unit() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Văn hóa và Thông tin huyện Bát Xát",
        "Văn phòng UBND tỉnh",
        "Sở Tài chính",
    ]);
    let file = o.path("dia-ban.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì\n\
         1;Kiểm tra di tích;05/01/2026;Bát Xát\n\
         2;Tổng hợp báo cáo;05/01/2026;UBND\n\
         3;Tuyên truyền bầu cử;05/01/2026;Phòng VHTT huyện Bát Xát\n\
         4;Lập dự toán;05/01/2026;Tài chính\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        ["Phòng Văn hóa và Thông tin huyện Bát Xát"],
        "{:?}",
        told(&seen)
    );
    assert_eq!(
        set_aside_saying(&seen, "không phải một đơn vị"),
        [2, 3],
        "{:?}",
        told(&seen)
    );
    // The words of several units' names ("Sở Tài chính", "Phòng Kế hoạch - Tài chính").
    assert_eq!(
        set_aside_saying(&seen, "khớp với nhiều đơn vị"),
        [5],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
}

/// A workbook of one task given on `given` to VP, a sheet for each (name, deadline,
/// progress) in turn.
fn one_task_a_sheet(file: &Path, given: &str, sheets: &[(&str, &str, &str)]) {
    one_task_book(given, sheets).save(file).unwrap();
}

/// The workbook [`one_task_a_sheet`] writes, to add to.
fn one_task_book(given: &str, sheets: &[(&str, &str, &str)]) -> Workbook {
    let mut wb = Workbook::new();
    for (name, deadline, progress) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Ngày giao",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Tiến độ",
            ],
        )
        .unwrap();
        ws.write_row(
            1,
            0,
            ["1", "Số hóa hồ sơ lưu trữ", given, "VP", deadline, progress],
        )
        .unwrap();
    }
    wb
}

/// The one task of `file` comes in done on 20/04/2025, as the later month's sheet says.
fn comes_in_done_on_20_april(o: &mut Office, file: &Path) {
    let seen = intake::preview(&mut o.store, file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    let row = &seen.directives[0];
    assert_eq!(
        (row.status, row.completed_on),
        (DirectiveStatus::Done, Some(d(2025, 4, 20))),
        "{:?}",
        told(&seen)
    );
}

/// Monthly sheets with the newest tab first ("Tháng 4" before "Tháng 3"): read in their
/// months' order, the task comes in as the later month gives it.
#[test]
fn monthly_sheets_are_read_in_their_months_order() {
    let mut o = Office::new();
    let file = o.path("theo-doi-thang.xlsx");
    one_task_a_sheet(
        &file,
        "05/03/2025",
        &[
            ("Tháng 4", "30/04/2025", "Đã hoàn thành ngày 20/04/2025"),
            ("Tháng 3", "30/04/2025", "Đang thực hiện"),
        ],
    );
    comes_in_done_on_20_april(&mut o, &file);
}

/// The months' sheets are read in their order also beside a sheet of another kind (a list
/// of units' codes), which keeps its place.
#[test]
fn monthly_sheets_beside_a_list_of_units_are_read_in_their_months_order() {
    let mut o = Office::new();
    let file = o.path("theo-doi-thang-danh-muc.xlsx");
    // Newest month first, a sheet of the units' codes after the months'.
    let mut wb = one_task_book(
        "05/03/2025",
        &[
            ("Tháng 4", "30/04/2025", "Đã hoàn thành ngày 20/04/2025"),
            ("Tháng 3", "30/04/2025", "Đang thực hiện"),
        ],
    );
    let ws = wb.add_worksheet().set_name("Danh mục").unwrap();
    ws.write_row(0, 0, ["Mã", "Tên đơn vị"]).unwrap();
    ws.write_row(1, 0, ["VP", "Văn phòng Sở"]).unwrap();
    wb.save(&file).unwrap();
    comes_in_done_on_20_april(&mut o, &file);
}

/// A task a year's sheet carries over to the next year's sheet comes in once, in the state
/// the later sheet gives it.
#[test]
fn a_task_carried_to_the_next_years_sheet_takes_its_newer_state() {
    let mut o = Office::new();
    let file = o.path("theo-doi-2-nam.xlsx");
    one_task_a_sheet(
        &file,
        "05/03/2024",
        &[
            (
                "2024",
                "31/12/2024",
                "Chưa hoàn thành, chuyển sang năm 2025",
            ),
            ("2025", "30/06/2025", "Đã hoàn thành ngày 10/06/2025"),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    let row = &seen.directives[0];
    assert_eq!(row.deadline, Some(d(2025, 6, 30)));
    assert_eq!(
        (row.status, row.completed_on),
        (DirectiveStatus::Done, Some(d(2025, 6, 10)))
    );
    assert!(
        seen.problems.iter().any(|p| !p.skipped
            && p.sheet == "2025"
            && p.message.vi.contains("dòng 2 của trang “2024”")),
        "{:?}",
        seen.problems
    );
    // Again: the earlier year's row is not told as a difference from the newer state.
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(again.directives.len(), 0);
    assert_eq!(again.already, 1);
    assert!(
        again.problems.iter().all(|p| !p.skipped),
        "{:?}",
        told(&again)
    );
}

/// A meeting named in the "văn bản giao" column is the meeting of that title the office
/// holds: its day when the row gives none, and the same meeting when the row's day is a few
/// days after it (the day its notice went out).
#[test]
fn a_meeting_named_as_the_source_is_the_one_held() {
    use chrono::TimeZone;
    use giaoban::meeting::{self, MeetingKind};
    let mut o = Office::new();
    o.store
        .write(|tx| {
            meeting::create(
                tx,
                crate::fixture::plain_meeting(
                    MeetingKind::Conference,
                    "Hội nghị triển khai nhiệm vụ năm 2026",
                    chrono::Utc.with_ymd_and_hms(2026, 1, 10, 1, 0, 0).unwrap(),
                ),
            )
        })
        .unwrap();
    let file = o.path("hoi-nghi.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì\n\
         1;Rà soát quy chế làm việc;Hội nghị triển khai nhiệm vụ năm 2026;;VP\n\
         2;Tổng hợp báo cáo tuần;hoi nghi trien khai nhiem vu nam 2026;12/01/2026;VP\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", seen.problems);
    assert_eq!(seen.directives[0].assigned_on, d(2026, 1, 10));
    assert_eq!(seen.directives[1].assigned_on, d(2026, 1, 12));
    assert!(seen.new_meetings.is_empty(), "{:?}", seen.new_meetings);
}

/// Small files that would spread out to gigabytes are refused before they are read: an .ods
/// whose rows and cells repeat 49,000 × 1,024 times, a DOCX body of 400,000 empty paragraphs,
/// an .xls with one cell far away on each of its sheets; a CSV row of 50,000 columns is read
/// in its first 64.
#[test]
fn files_that_would_spread_out_are_refused_before_they_are_read() {
    let mut o = Office::new();
    let ods = o.path("lap.ods");
    let content = "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"S\">\
        <table:table-row table:number-rows-repeated=\"49000\"><table:table-cell table:number-columns-repeated=\"1024\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>\
        </table:table></office:spreadsheet></office:body></office:document-content>";
    ods_of(&ods, content);
    let body = format!(
        "<w:document><w:body>{}</w:body></w:document>",
        "<w:p/>".repeat(400_000)
    );
    let docx = o.path("rong.docx");
    zip_of(
        &docx,
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("word/document.xml", body.as_bytes()),
        ],
    );
    refused_as_spreading(&mut o, &[&ods, &docx]);
    let wide = o.path("rong.csv");
    let mut text = String::from("STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao");
    text.push_str(&",".repeat(50_000));
    text.push_str("\n1,Rà soát thủ tục,Văn phòng Sở,05/01/2025\n");
    std::fs::write(&wide, text).unwrap();
    let seen = intake::preview(&mut o.store, &wide, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1);
    // An .xls (made by LibreOffice when installed) with a mark at row 60,000, column IV.
    let Ok(_) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        eprintln!("skipped the .xls: LibreOffice is not installed");
        return;
    };
    let dir = o.path("xls");
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("xa.csv");
    let mut rows = String::from("STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n");
    rows.push_str(&"\n".repeat(60_000));
    rows.push_str(&",".repeat(255));
    rows.push_str("x\n");
    std::fs::write(&csv, rows).unwrap();
    let converted = std::process::Command::new("soffice")
        .env_remove("LD_PRELOAD")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/lo", dir.display()),
        ])
        .args(["--convert-to", "xls", "--outdir"])
        .arg(&dir)
        .arg(&csv)
        .output()
        .unwrap();
    assert!(converted.status.success());
    refused_as_spreading(&mut o, &[&dir.join("xa.xls")]);
}

/// A unit whose real name holds "các" is found when written in full; a person written by
/// name is no unit; a group beside a unit leaves the unit.
#[test]
fn real_names_with_group_words_and_people() {
    let mut o = Office::new();
    o.store
        .write(|tx| {
            unit::create(
                tx,
                NewUnit {
                    name: "Ban Quản lý các dự án đầu tư xây dựng tỉnh".into(),
                    short_name: None,
                    code: Some("BQLDA".into()),
                    kind: UnitKind::External,
                    parent_id: None,
                    sort_order: 9,
                },
            )
        })
        .unwrap();
    let file = o.path("ten.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Hoàn thiện hồ sơ dự án,Ban Quản lý các dự án đầu tư xây dựng tỉnh,\"VP, các phòng liên quan\",05/01/2025\n\
         2,Chuẩn bị báo cáo,Nguyễn Văn Bình,,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    let row = &seen.directives[0];
    assert_eq!(row.lead_unit, "Ban Quản lý các dự án đầu tư xây dựng tỉnh");
    assert_eq!(row.coordinating_units, ["Văn phòng Sở"]);
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    let said = told(&seen);
    assert!(tells(&said, "“Nguyễn Văn Bình” không phải"), "{said:?}");
    assert!(tells(&said, "“các phòng liên quan” không phải"), "{said:?}");
}

/// A district's units as trackers write them: the level before the place's name left out
/// ("Phòng VHTT Bắc Hà" for "Phòng Văn hóa và Thông tin huyện Bắc Hà"), not proposed as new
/// units; a place at two levels named without its level is neither unit.
#[test]
fn local_units_named_without_their_level_are_the_directory_s() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Văn hóa và Thông tin huyện Bắc Hà",
        "UBND huyện Si Ma Cai",
        "UBND xã Si Ma Cai",
    ]);
    let file = o.path("huyen.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Tuyên truyền chuyển đổi số,Phòng VHTT Bắc Hà,UBND xã Si Ma Cai,05/01/2025\n\
         2,Rà soát điểm phục vụ,UBND Si Ma Cai,,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let first = &seen.directives[0];
    assert_eq!(first.lead_unit, "Phòng Văn hóa và Thông tin huyện Bắc Hà");
    assert_eq!(first.coordinating_units, ["UBND xã Si Ma Cai"]);
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert!(!proposed.contains(&"Phòng VHTT Bắc Hà"), "{proposed:?}");
    // "UBND Si Ma Cai" may be either: not taken for one of them.
    let second = seen
        .directives
        .iter()
        .find(|r| r.content.starts_with("Rà soát"));
    assert!(
        second.is_none_or(
            |r| !r.lead_unit.starts_with("UBND huyện") && !r.lead_unit.starts_with("UBND xã")
        ),
        "{second:?}"
    );
}

/// A task given to a unit's head is the unit's: "Chủ tịch UBND xã Si Ma Cai" leads as "UBND
/// xã Si Ma Cai", "Trưởng phòng Văn hóa và Thông tin huyện Bắc Hà" as the phòng.
#[test]
fn a_head_s_post_in_the_lead_cell_is_the_head_s_unit() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Văn hóa và Thông tin huyện Bắc Hà",
        "UBND xã Si Ma Cai",
    ]);
    let file = o.path("truong.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Giải phóng mặt bằng tuyến đường,Chủ tịch UBND xã Si Ma Cai,,05/01/2025\n\
         2,Tuyên truyền chuyển đổi số,Trưởng phòng Văn hóa và Thông tin huyện Bắc Hà,Chủ tịch UBND xã Si Ma Cai,05/01/2025\n\
         3,Rà soát đất công,Đ/c Nguyễn Văn An - Chủ tịch UBND xã Si Ma Cai,,05/01/2025\n\
         4,Kiểm tra hồ sơ,Nguyễn Văn An (Chủ tịch UBND xã Si Ma Cai),,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        [
            "UBND xã Si Ma Cai",
            "Phòng Văn hóa và Thông tin huyện Bắc Hà",
            "UBND xã Si Ma Cai",
            "UBND xã Si Ma Cai"
        ],
        "{:?}",
        seen.problems
    );
    assert_eq!(seen.directives[1].coordinating_units, ["UBND xã Si Ma Cai"]);
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    // A head of a unit the directory lacks: the unit is proposed, not the post; a head of a
    // group is no unit.
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Giải phóng mặt bằng,Chủ tịch UBND xã Bản Cầm,,05/01/2025\n\
         2,Củng cố chi bộ,Bí thư Đảng ủy xã Si Ma Cai,,05/01/2025\n\
         3,Rà soát hồ sơ,Thủ trưởng các phòng ban,,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        proposed,
        ["UBND xã Bản Cầm", "Đảng ủy xã Si Ma Cai"],
        "{:?}",
        seen.problems
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("“Thủ trưởng các phòng ban” không phải")),
        "{:?}",
        told(&seen)
    );
}

/// Unit cells written as offices write lists: numbered ("1. … 2. …"), the body named once
/// for several places ("UBND xã Si Ma Cai, Bản Cầm"), a head as "TP X" (Trưởng phòng).
#[test]
fn lists_of_units_as_offices_write_them() {
    let mut o = Office::new();
    o.add_units(&[
        "UBND xã Si Ma Cai",
        "UBND xã Bản Cầm",
        "Phòng Nội vụ",
        "Phòng Kế hoạch - Tài chính",
    ]);
    let file = o.path("lists.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Giải phóng mặt bằng,UBND xã Si Ma Cai,\"1. Phòng Nội vụ 2. UBND xã Bản Cầm\",05/01/2025\n\
         2,Rà soát đất công,TP Nội vụ,\"UBND xã Si Ma Cai, Bản Cầm\",05/01/2025\n\
         3,Kiểm tra hồ sơ,UBND xã Bản Cầm,\"UBND xã Si Ma Cai, xã Nậm Mòn\",05/01/2025\n\
         4,Rà soát hộ nghèo,\"UBND các xã: Si Ma Cai, Bản Cầm\",,05/01/2025\n\
         5,Ra quân tình nguyện,Đoàn Thanh niên,,05/01/2025\n\
         6,Kiểm tra công vụ,Phòng Nội vụ - UBND xã Bản Cầm,UBND xã Si Ma Cai/Phòng Nội vụ,05/01/2025\n\
         7,Rà soát biên chế,Phòng Nội vụ và các đơn vị liên quan,,05/01/2025\n\
         8,Rà soát hồ sơ,Phòng Nội vụ phối hợp UBND xã Bản Cầm,,05/01/2025\n\
         9,Lập quy hoạch,Phòng Nội vụ,\"UBND xã Bản Cầm, TP Lào Cai\",05/01/2025\n\
         10,Báo cáo tháng,Phòng Nội vụ,x,05/01/2025\n\
         11,Ra quân mùa hè,Tỉnh đoàn,,05/01/2025\n\
         12,Rà soát vị trí việc làm,TP.Nội vụ,,05/01/2025\n\
         13,Rà soát đề án,Phó TP Nội vụ,,05/01/2025\n\
         14,Kiểm tra trường học,UBND xã Si Ma Cai; Nậm Mòn.,,05/01/2025\n\
         15,Kiểm tra trạm y tế,UBND xã Si Ma Cai và Bản Cầm,,05/01/2025\n\
         16,Lập dự toán,Phòng Nội vụ - Phòng Kế hoạch - Tài chính,,05/01/2025\n\
         17,Tổng hợp số liệu,Phòng Nội vụ,+SUM(A1),05/01/2025\n\
         18,Lập kế hoạch,\"Phòng Nội vụ, Kế hoạch - Tài chính\",,05/01/2025\n\
         19,Rà soát tài sản,Phòng Nội vụ,#N/A,05/01/2025\n\
         20,Rà soát hợp đồng,Phòng Nội vụ-UBND xã Bản Cầm,,05/01/2025\n\
         21,Rà soát đất đai,\"Phòng Nội vụ，UBND xã Bản Cầm\",,05/01/2025\n\
         22,Rà soát kinh phí,\"Phòng: Nội vụ, Kế hoạch - Tài chính\",,05/01/2025\n\
         23,Kiểm tra nhà văn hóa,\"Xã Si Ma Cai, Bản Cầm\",,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(&str, Vec<&str>)> = (seen.directives.iter())
        .map(|r| {
            let c = r.coordinating_units.iter().map(String::as_str).collect();
            (r.lead_unit.as_str(), c)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("UBND xã Si Ma Cai", vec!["Phòng Nội vụ", "UBND xã Bản Cầm"]),
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm", "UBND xã Si Ma Cai"]),
            (
                "UBND xã Bản Cầm",
                vec!["UBND xã Si Ma Cai", "UBND xã Nậm Mòn"]
            ),
            ("UBND xã Si Ma Cai", vec!["UBND xã Bản Cầm"]),
            // "Đoàn" begins names of people too; a body's name is not all capitalised.
            ("Đoàn Thanh niên", vec![]),
            // Units of the directory joined by a dash or a slash: each.
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm", "UBND xã Si Ma Cai"]),
            // A unit and a group; a unit and the one it works with.
            ("Phòng Nội vụ", vec![]),
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm"]),
            // A city after a commune; a mark.
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm", "TP Lào Cai"]),
            ("Phòng Nội vụ", vec![]),
            // The Youth Union's body; a head of a Phòng and the deputy, as typed.
            ("Tỉnh đoàn", vec![]),
            ("Phòng Nội vụ", vec![]),
            ("Phòng Nội vụ", vec![]),
            // Places after a semicolon or "và", a full stop; dashes in a unit's name and
            // between units; a formula.
            ("UBND xã Si Ma Cai", vec!["UBND xã Nậm Mòn"]),
            ("UBND xã Si Ma Cai", vec!["UBND xã Bản Cầm"]),
            ("Phòng Nội vụ", vec!["Phòng Kế hoạch - Tài chính"]),
            ("Phòng Nội vụ", vec![]),
            ("Phòng Nội vụ", vec!["Phòng Kế hoạch - Tài chính"]),
            // An error value where coordinating units go: brought in without them, told.
            ("Phòng Nội vụ", vec![]),
            // A hyphen without spaces, a full-width comma.
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm"]),
            ("Phòng Nội vụ", vec!["UBND xã Bản Cầm"]),
            // A kind of body before a colon; places after a place named without its body.
            ("Phòng Nội vụ", vec!["Phòng Kế hoạch - Tài chính"]),
            ("UBND xã Si Ma Cai", vec!["UBND xã Bản Cầm"]),
        ],
        "{:?}",
        seen.problems
    );
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        proposed,
        [
            "UBND xã Nậm Mòn",
            "Đoàn Thanh niên",
            "TP Lào Cai",
            "Tỉnh đoàn"
        ]
    );
    // A firm, a person, the office's own province, where the commune lies: no communes.
    o.set_details();
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Phủ sóng di động,UBND xã Si Ma Cai,\"UBND xã Bản Cầm, Viettel Lào Cai\",05/01/2025\n\
         2,Rà soát hộ nghèo,UBND xã Si Ma Cai,\"UBND xã Bản Cầm, Lào Cai\",05/01/2025\n\
         3,Kiểm tra hồ sơ,UBND xã Si Ma Cai,\"UBND xã Bản Cầm, huyện Bảo Thắng\",05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        proposed
            .iter()
            .all(|u| !u.starts_with("UBND xã") && !u.starts_with("UBND huyện")),
        "{proposed:?}"
    );
    assert!(proposed.contains(&"Viettel Lào Cai"), "{proposed:?}");
    // "TP" before a name the directory lacks as a Phòng is no head: a city, proposed whole.
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n1,Giải phóng mặt bằng,UBND TP Lào Cai,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(proposed, ["UBND TP Lào Cai"], "{:?}", seen.problems);
}

/// A row brought in with its notes kept in its words ("… (Ghi chú: …)"), its lead written
/// another way in the next copy of the sheet ("VP" for "Văn phòng Sở"): the task held, not a
/// second one.
#[test]
fn a_row_with_notes_and_its_lead_written_otherwise_is_the_task_held() {
    let mut o = Office::new();
    let file = o.path("ghi-chu.csv");
    let sheet = |lead: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn,Tiến độ,Ghi chú\n\
             1,Rà soát danh mục dịch vụ công,15/02/2025,{lead},30/06/2025,Đang thực hiện,Lưu ý chất lượng\n"
        )
    };
    std::fs::write(&file, sheet("Văn phòng Sở")).unwrap();
    let first = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(first.directives.len(), 1, "{:?}", told(&first));
    assert!(
        first.directives[0]
            .content
            .contains("(Ghi chú: Lưu ý chất lượng)")
    );
    std::fs::write(&file, sheet("VP")).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty(), "{:?}", again.directives);
    assert_eq!(again.already, 1, "{:?}", told(&again));
}

/// The unit marked to lead in a cell of several leads, wherever it is named; units' groups
/// across places are no unit.
#[test]
fn the_unit_marked_to_lead_leads_and_groups_of_places_are_no_unit() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở", "Thanh tra Sở"]);
    let file = o.path("vai-tro.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         1,Kiểm tra công vụ,\"Phối hợp: Văn phòng Sở; Chủ trì: Thanh tra Sở\",05/01/2025\n\
         2,Kiểm tra hồ sơ,\"Thanh tra Sở, Văn phòng Sở (chủ trì)\",05/01/2025\n\
         3,Tuyên truyền,\"Phòng VH&TT các huyện, thị xã, thành phố\",05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(&str, Vec<&str>)> = (seen.directives.iter())
        .map(|r| {
            let c = r.coordinating_units.iter().map(String::as_str).collect();
            (r.lead_unit.as_str(), c)
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Thanh tra Sở", vec!["Văn phòng Sở"]),
            ("Văn phòng Sở", vec!["Thanh tra Sở"]),
        ],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    assert!(
        seen.problems.iter().any(|p| p.row == 4 && p.skipped),
        "{:?}",
        told(&seen)
    );
    // Roles said: nothing told of several leads.
    assert!(
        !told(&seen).iter().any(|m| m.contains("ghi nhiều đơn vị")),
        "{:?}",
        told(&seen)
    );
}

/// Units written as the third attack wrote them: a short form glued to its name in a list
/// ("P.KHTC; TTr"), a deputy's post ("Phó Chánh Văn phòng"), where a commune lies in
/// brackets, a department beside another province's of the same name; deadlines moved with
/// an arrow or followed by a note in brackets; a day done still to come.
#[test]
fn units_deadlines_and_days_written_as_the_third_attack_wrote_them() {
    let mut o = Office::new();
    o.set_details();
    o.add_units(&[
        "Văn phòng Sở",
        "Thanh tra Sở",
        "Phòng Kế hoạch - Tài chính",
        "Sở Nội vụ",
        "Sở Nội vụ tỉnh Yên Bái",
        "UBND xã Bản Cầm",
        "Trung tâm Công nghệ thông tin và Truyền thông",
    ]);
    let file = o.path("ba.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn,Tiến độ\n\
         1,Việc một,Văn phòng Sở,\"P.KHTC; Thanh tra Sở\",01/04/2025,30/04/2025,\n\
         2,Việc hai,Phó Chánh Văn phòng,,01/04/2025,30/04/2025,\n\
         3,Việc ba,UBND xã Bản Cầm (huyện Bát Xát),,01/04/2025,30/04/2025,\n\
         4,Việc bốn,Sở Nội vụ,,01/04/2025,30/04/2025,\n\
         5,Việc năm,Văn phòng Sở,,01/04/2025,15/5/2025 -> 30/6/2025,\n\
         6,Việc sáu,Văn phòng Sở,,01/04/2025,Trước 31/12/2025 (theo KH 12),\n\
         7,Việc bảy,Văn phòng Sở,,01/04/2025,30/04/2025,Đã hoàn thành ngày 28/3/2099\n\
         8,Việc tám,Văn phòng Sở,,01/04/2025,15/5/2025 -> 30/6/2025 -> 31/7/2025,\n\
         9,Việc chín,Phòng Kế hoạch - Tài chính,Trung tâm CNTT&TT / Thanh tra Sở,01/04/2025,30/04/2025,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    type Read<'a> = (&'a str, Vec<&'a str>, Option<NaiveDate>, Option<NaiveDate>);
    let rows: Vec<Read> = (seen.directives.iter())
        .map(|r| {
            let c = r.coordinating_units.iter().map(String::as_str).collect();
            (r.lead_unit.as_str(), c, r.deadline, r.extended_from)
        })
        .collect();
    let due = Some(d(2025, 4, 30));
    assert_eq!(
        rows,
        [
            (
                "Văn phòng Sở",
                vec!["Phòng Kế hoạch - Tài chính", "Thanh tra Sở"],
                due,
                None
            ),
            ("Văn phòng Sở", vec![], due, None),
            ("UBND xã Bản Cầm", vec![], due, None),
            ("Sở Nội vụ", vec![], due, None),
            (
                "Văn phòng Sở",
                vec![],
                Some(d(2025, 6, 30)),
                Some(d(2025, 5, 15))
            ),
            ("Văn phòng Sở", vec![], Some(d(2025, 12, 31)), None),
            // A deadline moved twice; "&" inside a short name is no joint.
            (
                "Văn phòng Sở",
                vec![],
                Some(d(2025, 7, 31)),
                Some(d(2025, 5, 15))
            ),
            (
                "Phòng Kế hoạch - Tài chính",
                vec![
                    "Thanh tra Sở",
                    "Trung tâm Công nghệ thông tin và Truyền thông"
                ],
                due,
                None
            ),
        ],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    assert!(
        seen.problems
            .iter()
            .any(|p| p.row == 8 && p.skipped && p.message.vi.contains("sau ngày hôm nay")),
        "{:?}",
        told(&seen)
    );
}

/// Two days done (the completion column's and the progress's) and notes too long to keep
/// with the task's words: brought in, each told.
#[test]
fn two_days_done_and_notes_too_long_are_told() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở"]);
    let file = o.path("hai-ngay.csv");
    let long = "Ghi chú dài ".to_string() + &"x".repeat(11_000);
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ngày hoàn thành,Ghi chú\n\
             1,Việc một,Văn phòng Sở,01/04/2025,30/06/2025,Đã hoàn thành ngày 10/6/2025,20/06/2025,\n\
             2,Việc hai,Văn phòng Sở,01/04/2025,30/06/2025,Đang thực hiện,,{long}\n"
        ),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", told(&seen));
    assert_eq!(seen.directives[0].completed_on, Some(d(2025, 6, 20)));
    let said = told(&seen);
    assert!(
        tells(
            &said,
            "Cột ngày hoàn thành ghi 20/06/2025, tiến độ ghi hoàn thành ngày 10/06/2025"
        ),
        "{said:?}"
    );
    assert!(tells(&said, "quá dài để giữ"), "{said:?}");
}

/// A tick tracker brought in again, changed since: a done day moved, a tick moved back to
/// "Chưa thực hiện" or to "Đang thực hiện": each told, with the state ticked in its words.
#[test]
fn a_tick_tracker_changed_since_is_told() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở"]);
    let file = o.path("danh-dau.xlsx");
    let write = |rows: [(&str, &str, usize); 3]| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Thời hạn",
                "Ngày hoàn thành",
                "Đã hoàn thành",
                "Đang thực hiện",
                "Chưa thực hiện",
            ],
        )
        .unwrap();
        for (k, (task, done_on, ticked)) in rows.into_iter().enumerate() {
            let r = k as u32 + 1;
            ws.write_row(
                r,
                0,
                [
                    &r.to_string(),
                    task,
                    "Văn phòng Sở",
                    "01/04/2025",
                    "30/06/2025",
                    done_on,
                ],
            )
            .unwrap();
            ws.write(r, 6 + ticked as u16, "x").unwrap();
        }
        wb.save(&file).unwrap();
    };
    write([
        ("Việc một", "25/06/2025", 0),
        ("Việc hai", "20/06/2025", 0),
        ("Việc ba", "20/06/2025", 0),
    ]);
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    write([
        ("Việc một", "20/06/2025", 0),
        ("Việc hai", "", 2),
        ("Việc ba", "", 1),
    ]);
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty(), "{:?}", again.directives);
    let said = told(&again);
    assert!(
        tells(
            &said,
            "hoàn thành ngày 20/06/2025, Giao Ban ghi ngày 25/06/2025"
        ),
        "{said:?}"
    );
    assert!(tells(&said, "bảng ghi “Chưa thực hiện”"), "{said:?}");
    assert!(tells(&said, "bảng ghi “Đang thực hiện”"), "{said:?}");
}

/// A person of the office named where units go is read as their unit, told (one no longer
/// active said so); one the office does not know is no unit.
#[test]
fn a_person_named_as_the_lead_is_read_as_their_unit() {
    let mut o = Office::new();
    o.store
        .write(|tx| {
            let unit = unit::resolve(tx, "VP", giaoban::error::Field::LeadUnit)?.id;
            person::create(
                tx,
                NewPerson {
                    full_name: "Lò Thu Nam".into(),
                    title: Some("Chánh Văn phòng".into()),
                    unit_id: Some(unit),
                },
            )?;
            let gone = person::create(
                tx,
                NewPerson {
                    full_name: "Vàng Seo Páo".into(),
                    title: Some("Phó Chánh Văn phòng".into()),
                    unit_id: Some(unit),
                },
            )?;
            person::set_active(tx, gone.id, false)?;
            Ok(())
        })
        .unwrap();
    let file = o.path("nguoi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Đơn vị phối hợp\n\
         1,Sắp xếp kho lưu trữ,Đ/c Lò Thu Nam,05/01/2025,\n\
         2,Rà soát hồ sơ,Đ/c Trần Văn Không,05/01/2025,\n\
         3,Kiểm tra kho,Thanh tra Sở,05/01/2025,Đ/c Lò Thu Nam\n\
         4,Dọn kho,Đ/c Vàng Seo Páo,05/01/2025,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = seen
        .directives
        .iter()
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        ["Văn phòng Sở", "Thanh tra Sở", "Văn phòng Sở"],
        "{:?}",
        told(&seen)
    );
    assert!(
        tells(
            &told(&seen),
            "Đ/c Vàng Seo Páo (người đã ngừng hoạt động) → Văn phòng Sở"
        ),
        "{:?}",
        told(&seen)
    );
    let said = told(&seen);
    assert!(tells(&said, "Đ/c Lò Thu Nam → Văn phòng Sở"), "{said:?}");
    // Each told at the column of its cell.
    let at = told_at(&seen, "Đ/c Lò Thu Nam →");
    assert_eq!(
        at,
        [(2, "C (Đơn vị chủ trì)"), (4, "E (Đơn vị phối hợp)")],
        "{said:?}"
    );
    assert!(
        seen.problems.iter().any(|p| p.row == 3 && p.skipped),
        "{said:?}"
    );
}

/// "Hoàn thành" and "Quá hạn" both ticked: done late, on the day after the deadline when no
/// day is given.
#[test]
fn done_and_overdue_both_ticked_is_done_late() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở"]);
    let file = o.path("hai-dau.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Ngày giao",
            "Thời hạn",
            "Hoàn thành",
            "Đang thực hiện",
            "Quá hạn",
        ],
    )
    .unwrap();
    ws.write_row(
        1,
        0,
        [
            "1",
            "Việc một",
            "Văn phòng Sở",
            "01/04/2025",
            "15/10/2025",
            "x",
            "",
            "x",
        ],
    )
    .unwrap();
    ws.write_row(
        2,
        0,
        [
            "2",
            "Việc hai",
            "Văn phòng Sở",
            "01/04/2025",
            "15/10/2025",
            "x",
            "",
            "",
        ],
    )
    .unwrap();
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let done: Vec<Option<NaiveDate>> = seen.directives.iter().map(|r| r.completed_on).collect();
    assert_eq!(
        done,
        [Some(d(2025, 10, 16)), Some(d(2025, 10, 15))],
        "{:?}",
        told(&seen)
    );
}

/// A task still open on one month's sheet, given again on the next month's with a new day
/// and deadline, is one task carried over (its later deadline an extension); one done is given
/// anew each month.
#[test]
fn a_task_carried_to_the_next_months_sheet_is_one_task() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở"]);
    let file = o.path("chuyen-thang.xlsx");
    let mut wb = Workbook::new();
    for (name, given, due, carried, recurring) in [
        (
            "T10",
            "10/10/2025",
            "30/10/2025",
            "Đang thực hiện",
            "Đã hoàn thành ngày 24/10/2025",
        ),
        (
            "T11",
            "04/11/2025",
            "30/11/2025",
            "Đã hoàn thành ngày 25/11/2025",
            "Đang thực hiện",
        ),
    ] {
        let ws = wb.add_worksheet().set_name(name).unwrap();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Thời hạn",
                "Tiến độ",
            ],
        )
        .unwrap();
        ws.write_row(
            1,
            0,
            [
                "1",
                "Xây dựng kế hoạch tuyên truyền",
                "Văn phòng Sở",
                given,
                due,
                carried,
            ],
        )
        .unwrap();
        ws.write_row(
            2,
            0,
            [
                "2",
                "Báo cáo định kỳ hằng tháng",
                "Văn phòng Sở",
                given,
                due,
                recurring,
            ],
        )
        .unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let rows: Vec<(&str, DirectiveStatus, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|r| (r.content.as_str(), r.status, r.deadline))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Xây dựng kế hoạch tuyên truyền",
                DirectiveStatus::Done,
                Some(d(2025, 11, 30))
            ),
            (
                "Báo cáo định kỳ hằng tháng",
                DirectiveStatus::Done,
                Some(d(2025, 10, 30))
            ),
            (
                "Báo cáo định kỳ hằng tháng",
                DirectiveStatus::InProgress,
                Some(d(2025, 11, 30))
            ),
        ],
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.directives[0].extended_from, Some(d(2025, 10, 30)));
}

/// Notes that say the task was cancelled beside a progress that says it is under way: brought
/// in as the progress says, told.
#[test]
fn notes_that_say_cancelled_beside_work_under_way_are_told() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở"]);
    let file = o.path("huy.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ghi chú\n\
         1,Việc một,Văn phòng Sở,01/04/2025,30/06/2025,Đang thực hiện,Đã hủy theo Thông báo 80/TB-STTTT\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives[0].status, DirectiveStatus::InProgress);
    let said = told(&seen);
    assert!(
        tells(&said, "Ghi chú ghi “Đã hủy theo Thông báo 80/TB-STTTT”"),
        "{said:?}"
    );
}

/// Coordinating units changed in the sheet since a row was brought in, either way, and a
/// deadline cleared: each told on its row, nothing changed.
#[test]
fn coordinating_units_added_or_dropped_since_are_told() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng Sở", "Thanh tra Sở", "Phòng Kế hoạch - Tài chính"]);
    let file = o.path("phoi-hop.csv");
    let sheet = |first: &str, second: &str, due: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn\n\
             1,Rà soát quy chế,Văn phòng Sở,{first},05/01/2025,30/06/2025\n\
             2,Kiểm tra công vụ,Văn phòng Sở,{second},05/01/2025,{due}\n"
        )
    };
    std::fs::write(
        &file,
        sheet(
            "\"Thanh tra Sở, Phòng Kế hoạch - Tài chính\"",
            "",
            "30/06/2025",
        ),
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    // (And the second's deadline cleared.)
    std::fs::write(&file, sheet("Thanh tra Sở", "Thanh tra Sở", "")).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty());
    let said = told(&again);
    assert!(
        tells(
            &said,
            "không còn ghi đơn vị phối hợp “Phòng Kế hoạch - Tài chính”"
        ),
        "{said:?}"
    );
    assert!(
        tells(
            &said,
            "thời hạn 30/06/2025; ô thời hạn trong bảng nay để trống"
        ),
        "{said:?}"
    );
    assert!(
        tells(&said, "ghi thêm đơn vị phối hợp “Thanh tra Sở”"),
        "{said:?}"
    );
}

/// A unit's name that ends with a place: the directory's unit of that name when the place is
/// the office's own, a new unit when it is another's.
#[test]
fn a_unit_of_another_place_is_not_the_office_s_own() {
    let mut o = Office::new();
    o.set_details();
    o.add_units(&["Sở Tài chính", "Phòng Nội vụ", "Văn phòng Sở"]);
    let file = o.path("places.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         1,Thẩm định dự toán,Sở Tài chính tỉnh Lào Cai,05/01/2025\n\
         2,Đối chiếu số liệu,Sở Tài chính tỉnh Yên Bái,05/01/2025\n\
         3,Rà soát biên chế,Trưởng phòng Nội vụ huyện Bát Xát,05/01/2025\n\
         4,Rà soát hồ sơ,Phòng Nội vụ,05/01/2025\n\
         5,Đối chiếu chứng từ,Sở Tài chính (tỉnh Yên Bái),05/01/2025\n\
         6,Thẩm tra quyết toán,Sở Tài chính - tỉnh Lào Cai,05/01/2025\n\
         7,Thẩm định giá,Sở Tài chính Lào Cai,05/01/2025\n\
         8,Sắp xếp kho lưu trữ,Chánh Văn phòng,05/01/2025\n\
         9,Rà soát quy chế,Chánh VP Sở,05/01/2025\n\
         10,Báo cáo tỉnh,UBND tỉnh Lào Cai,05/01/2025\n\
         11,Báo cáo tỉnh lần hai,UBND tỉnh,05/01/2025\n\
         12,Đối chiếu công nợ,Sở Tài chính (Yên Bái),05/01/2025\n\
         13,Đối chiếu tạm ứng,Sở Tài chính (Lào Cai),05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<&str> = (seen.directives.iter())
        .map(|r| r.lead_unit.as_str())
        .collect();
    assert_eq!(
        leads,
        [
            "Sở Tài chính",
            "Sở Tài chính tỉnh Yên Bái",
            "Phòng Nội vụ huyện Bát Xát",
            "Phòng Nội vụ",
            "Sở Tài chính tỉnh Yên Bái",
            "Sở Tài chính",
            "Sở Tài chính",
            "Văn phòng Sở",
            "Văn phòng Sở",
            "UBND tỉnh Lào Cai",
            "UBND tỉnh Lào Cai",
            // Another province noted without its kind: not the office's own Sở, but that
            // province's, written with its level above.
            "Sở Tài chính tỉnh Yên Bái",
            "Sở Tài chính",
        ],
        "{:?}",
        seen.problems
    );
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        proposed,
        [
            "Sở Tài chính tỉnh Yên Bái",
            "Phòng Nội vụ huyện Bát Xát",
            "UBND tỉnh Lào Cai",
        ]
    );
}

/// The same rows saved by another program, dates typed otherwise ("1/3/25" in a CSV, a date
/// cell in a workbook), are the rows already imported.
#[test]
fn the_same_rows_from_another_program_are_not_imported_twice() {
    let mut o = Office::new();
    let csv = o.path("a.csv");
    std::fs::write(
        &csv,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n1,Rà soát thủ tục,VP,1/3/25\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &csv, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 1);
    let xlsx = o.path("a.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"],
    )
    .unwrap();
    ws.write_number(1, 0, 1).unwrap();
    ws.write_string(1, 1, "Rà soát thủ tục").unwrap();
    ws.write_string(1, 2, "VP").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_datetime_with_format(1, 3, ExcelDateTime::from_ymd(2025, 3, 1).unwrap(), &date)
        .unwrap();
    wb.save(&xlsx).unwrap();
    let again = intake::preview(&mut o.store, &xlsx, &Options::default()).unwrap();
    assert_eq!(
        (again.directives.len(), again.already),
        (0, 1),
        "{:?}",
        again.problems
    );
}

/// The third attack round's small files that would spread out, refused before calamine or
/// docx-rs builds them: an .ods whose value cells are written `<… />` with spaces around
/// `=`, an .xlsx whose every cell points at one shared string of a megabyte, a DOCX whose
/// header part (not its body) holds 400,000 elements.
#[test]
fn spread_hidden_in_other_forms_is_refused_too() {
    let mut o = Office::new();
    let ods = o.path("lap2.ods");
    let content = "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"S\">\
        <table:table-row table:number-rows-repeated = \"90000\"><table:table-cell table:number-columns-repeated = \"1024\" office:value-type=\"string\" office:string-value=\"x\"/></table:table-row>\
        </table:table></office:spreadsheet></office:body></office:document-content>";
    ods_of(&ods, content);
    let docx = o.path("dau-trang.docx");
    let header = format!("<w:hdr>{}</w:hdr>", "<w:p/>".repeat(400_000));
    zip_of(
        &docx,
        &[
            ("[Content_Types].xml", b"<Types/>"),
            (
                "word/document.xml",
                b"<w:document><w:body><w:p/></w:body></w:document>",
            ),
            ("word/header1.xml", header.as_bytes()),
        ],
    );
    refused_as_spreading(&mut o, &[&ods, &docx]);
    // Built by hand: Excel (and rust_xlsxwriter) would not write a cell this long.
    let xlsx = o.path("chuoi.xlsx");
    let strings = format!(
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\"><si><t>Nội dung nhiệm vụ</t></si><si><t>{}</t></si></sst>",
        "x".repeat(1 << 20)
    );
    let rows: String = (2..=200)
        .map(|r| format!("<row r=\"{r}\"><c r=\"A{r}\" t=\"s\"><v>1</v></c></row>"))
        .collect();
    let sheet = format!(
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>{rows}</sheetData></worksheet>"
    );
    zip_of(
        &xlsx,
        &[
            ("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>"),
            ("xl/workbook.xml", b"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", b"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
            ("xl/sharedStrings.xml", strings.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ],
    );
    let e = intake::preview(&mut o.store, &xlsx, &Options::default()).unwrap_err();
    assert!(matches!(e, Error::Intake(_)), "{e:?}");
}

/// Text an .ods keeps in its cells' attributes, or writes as character references, counts
/// toward what it would spread to (the fourth attack round's files took 6 GB).
#[test]
fn ods_text_in_attributes_and_references_counts() {
    let mut o = Office::new();
    let big = "x".repeat(1 << 20);
    let refs = "&#x1EC7;".repeat(120_000);
    for (name, cell) in [
        (
            "thuoc-tinh.ods",
            format!(
                "<table:table-cell table:number-columns-repeated=\"3000\" office:value-type=\"string\" office:string-value=\"{big}\"/>"
            ),
        ),
        (
            "tham-chieu.ods",
            format!(
                "<table:table-cell table:number-columns-repeated=\"100\" office:value-type=\"string\"><text:p>{refs}</text:p></table:table-cell>"
            ),
        ),
    ] {
        let file = o.path(name);
        let content = format!(
            "<office:document-content><office:body><office:spreadsheet><table:table table:name=\"S\">\
             <table:table-row table:number-rows-repeated=\"100\">{cell}</table:table-row>\
             </table:table></office:spreadsheet></office:body></office:document-content>"
        );
        ods_of(&file, &content);
        refused_as_spreading(&mut o, &[&file]);
    }
}

/// A title right above a one-row header is no part of it (its "NHIỆM VỤ" once took column A,
/// the row numbers, for the content); escapes and direction overrides in cells never reach
/// the database; a cell of only such marks is empty.
#[test]
fn a_title_over_the_header_and_control_characters_in_cells() {
    let mut o = Office::new();
    let file = o.path("tieu-de.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "BẢNG THEO DÕI NHIỆM VỤ DO LÃNH ĐẠO SỞ GIAO NĂM 2025")
        .unwrap();
    ws.write_row(
        1,
        0,
        ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"],
    )
    .unwrap();
    ws.write_number(2, 0, 1).unwrap();
    ws.write_string(2, 1, "Rà soát\u{1b}[31m quy chế\u{202e} làm việc")
        .unwrap();
    ws.write_string(2, 2, "Văn phòng Sở").unwrap();
    ws.write_string(2, 3, "05/01/2025").unwrap();
    ws.write_number(3, 0, 2).unwrap();
    ws.write_string(3, 1, "\u{200b}\u{202e}").unwrap();
    ws.write_string(3, 2, "Văn phòng Sở").unwrap();
    ws.write_string(3, 3, "05/01/2025").unwrap();
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let contents: Vec<&str> = seen.directives.iter().map(|r| r.content.as_str()).collect();
    assert_eq!(
        contents,
        ["Rà soát [31m quy chế làm việc"],
        "{:?}",
        seen.problems
    );
}

/// A source and a date merged down over the rows they stand for hold for each of them, and
/// "Phối hợp" under a parent "Đơn vị thực hiện" is the coordinating units, not a second lead.
#[test]
fn cells_merged_down_and_children_under_a_parent_header() {
    let mut o = Office::new();
    let file = o.path("gop-o.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    for (c, h) in ["STT", "Nội dung nhiệm vụ", "Văn bản giao", "Ngày giao"]
        .iter()
        .enumerate()
    {
        ws.merge_range(0, c as u16, 1, c as u16, h, &bold).unwrap();
    }
    ws.merge_range(0, 4, 0, 5, "Đơn vị thực hiện", &bold)
        .unwrap();
    ws.write_string(1, 4, "Chủ trì").unwrap();
    ws.write_string(1, 5, "Phối hợp").unwrap();
    ws.merge_range(2, 2, 3, 2, "TB 12/TB-STTTT", &Format::new())
        .unwrap();
    ws.merge_range(2, 3, 3, 3, "05/01/2025", &Format::new())
        .unwrap();
    for (r, (n, content, lead)) in [
        (1, "Rà soát quy chế làm việc", "Văn phòng Sở"),
        (2, "Kiểm tra bản quyền phần mềm", "Thanh tra Sở"),
    ]
    .iter()
    .enumerate()
    {
        ws.write_number(2 + r as u32, 0, *n as f64).unwrap();
        ws.write_string(2 + r as u32, 1, *content).unwrap();
        ws.write_string(2 + r as u32, 4, *lead).unwrap();
        ws.write_string(2 + r as u32, 5, "Phòng KHTC").unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", seen.problems);
    for r in &seen.directives {
        assert_eq!(r.assigned_on, d(2025, 1, 5), "{r:?}");
        assert_eq!(
            r.coordinating_units,
            ["Phòng Kế hoạch - Tài chính"],
            "{r:?}"
        );
        assert!(r.source.contains("12/TB-STTTT"), "{r:?}");
    }
}

/// The office's own directive list, exported by Giao Ban as CSV or XLSX, comes back as
/// directives it already holds: nothing is created, no unit is proposed (a centre's name
/// with a comma stays one name), statuses are read from its "Trạng thái" column.
#[test]
fn the_office_s_own_exported_list_creates_nothing() {
    use giaoban::app::documents::{Target, directive_list};
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("o.sqlite3"), OpenMode::Create).unwrap();
    crate::fixture::sample(&mut store, 12, 4, 7);
    let total = {
        let mut q = DirectiveQuery::as_of(d(2026, 1, 1));
        q.limit = Some(1);
        directive::list(store.conn(), &q).unwrap().total
    };
    assert!(total > 20);
    for name in ["list.csv", "list.xlsx"] {
        let out = dir.path().join(name);
        let query = DirectiveQuery::as_of(d(2026, 1, 1));
        directive_list(
            store.conn(),
            query,
            name.ends_with("csv"),
            &Target::File(out.clone()),
        )
        .unwrap();
        let seen = intake::preview(&mut store, &out, &Options::default()).unwrap();
        assert!(
            seen.directives.is_empty(),
            "{name}: {:#?}",
            &seen.directives[..1]
        );
        assert!(seen.new_units.is_empty(), "{name}: {:?}", seen.new_units);
        assert_eq!(
            seen.already as u64, total as u64,
            "{name}: {:?}",
            seen.problems
        );
    }
}

/// A notice whose tasks are in a table (its annex: STT, nội dung, đơn vị chủ trì, phối hợp,
/// thời hạn) gives one directive a row, with its units and deadline; the table's title, in
/// capitals ("… GIAO BAN THÁNG 4/2025"), gives none.
#[test]
fn a_notice_with_its_tasks_in_a_table() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let mut o = Office::new();
    let file = o.path("phu-luc.docx");
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let row = |cells: [&str; 5]| TableRow::new(cells.iter().map(|c| cell(c)).collect());
    let doc = Docx::new()
        .add_paragraph(Paragraph::new().add_run(
            Run::new().add_text("DANH MỤC NHIỆM VỤ GIAO TẠI CUỘC HỌP GIAO BAN THÁNG 4/2025"),
        ))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("(Kèm theo Thông báo số 60/TB-STTTT ngày 25/4/2025)")),
        )
        .add_table(Table::new(vec![
            row([
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
            ]),
            row([
                "1",
                "Tổ chức hội nghị trực tuyến với các huyện",
                "Văn phòng Sở",
                "Phòng KHTC",
                "15/5/2025",
            ]),
            row([
                "2",
                "Rà soát danh mục dịch vụ công trực tuyến",
                "Phòng Chuyển đổi số",
                "",
                "30/6/2025",
            ]),
        ]));
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(String, String, Option<NaiveDate>)> = seen
        .directives
        .iter()
        .map(|r| (r.content.clone(), r.lead_unit.clone(), r.deadline))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Tổ chức hội nghị trực tuyến với các huyện".to_string(),
                "Văn phòng Sở".to_string(),
                Some(d(2025, 5, 15))
            ),
            (
                "Rà soát danh mục dịch vụ công trực tuyến".to_string(),
                "Phòng Chuyển đổi số".to_string(),
                Some(d(2025, 6, 30))
            ),
        ],
        "{:?}",
        seen.problems
    );
    assert_eq!(
        seen.directives[0].coordinating_units,
        ["Phòng Kế hoạch - Tài chính"]
    );
}

/// A tracker brought in is the newest import, undone as an exchange file's is: the backup made
/// before it comes back; a file that brings nothing new makes no backup and no import to undo.
#[test]
fn a_tracker_import_is_undone_like_an_exchange_file_s() {
    let mut o = Office::new();
    let file = o.path("huy.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n1,Rà soát quy chế làm việc,VP,05/01/2025\n",
    )
    .unwrap();
    assert!(
        giaoban::exchange::last_import(o.store.conn())
            .unwrap()
            .is_none()
    );
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let last = giaoban::exchange::last_import(o.store.conn())
        .unwrap()
        .unwrap();
    assert_eq!(last.sender_name, "huy.csv");
    assert!(!last.written_after);
    // The same file again brings nothing: still the same import to undo.
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let again = giaoban::exchange::last_import(o.store.conn())
        .unwrap()
        .unwrap();
    assert_eq!(again.bundle_id, last.bundle_id);
    let db = o.path("office.sqlite3");
    drop(std::mem::replace(
        &mut o.store,
        Store::open_in_memory().unwrap(),
    ));
    giaoban::exchange::undo_last_import(&db).unwrap();
    o.store = Store::open(&db, OpenMode::Existing).unwrap();
    assert_eq!(o.directives().len(), 0);
}

/// A CSV saved by Excel on a Vietnamese Windows (Windows-1258: tones as combining marks) is
/// read as the words it holds.
#[test]
fn a_csv_in_windows_1258_reads_as_unicode() {
    let mut o = Office::new();
    let file = o.path("cp1258.csv");
    std::fs::write(
        &file,
        b"STT,N\xf4\xf2i dung nhi\xea\xf2m vu\xf2,Nga\xccy giao,\xd0\xf5n vi\xf2 chu\xd2 tri\xcc,Th\xf5\xcci ha\xf2n\n\
          1,Tham m\xfdu k\xea\xec hoa\xf2ch chuy\xea\xd2n \xf0\xf4\xd2i s\xf4\xec,15/01/2025,Pho\xccng KHTC,30/6/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert_eq!(
        seen.directives[0].content,
        "Tham mưu kế hoạch chuyển đổi số"
    );
    assert_eq!(seen.directives[0].lead_unit, "Phòng Kế hoạch - Tài chính");
}

/// A header no rule recognises is read when the user names the columns; "Đơn vị" alone is
/// the lead unit's.
#[test]
fn columns_named_by_the_user_where_no_header_is_recognised() {
    use giaoban::intake::columns::{Column, ColumnAt};
    let mut o = Office::new();
    let file = o.path("la.csv");
    std::fs::write(
        &file,
        "Việc cần làm,Ai làm,Giao ngày\nRà soát quy chế làm việc,VP,05/01/2025\n",
    )
    .unwrap();
    assert!(intake::preview(&mut o.store, &file, &Options::default()).is_err());
    let at = |field, column: &str| ColumnAt {
        field,
        column: column.into(),
        header: String::new(),
    };
    let named = Options {
        mapping: Some(vec![
            at(Column::Content, "A"),
            at(Column::Lead, "B"),
            at(Column::AssignedOn, "C"),
        ]),
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &named).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert_eq!(seen.directives[0].lead_unit, "Văn phòng Sở");
    // Imported once so, the mapping is kept: the next file of the layout needs no naming.
    intake::commit(&mut o.store, &file, &named).unwrap();
    let next = o.path("la-2.csv");
    std::fs::write(
        &next,
        "Việc cần làm,Ai làm,Giao ngày
Tổng hợp báo cáo tuần,VP,12/01/2025
",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &next, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert_eq!(seen.directives[0].content, "Tổng hợp báo cáo tuần");
    let plain = o.path("don-vi.csv");
    std::fs::write(
        &plain,
        "Nội dung,Đơn vị,Ngày giao\nKiểm tra công tác văn thư,VP,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &plain, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
}

/// A row brought in before whose sheet now says it is done, while Giao Ban does not, is named
/// (not imported again, and the sheet is not taken over the progress recorded here).
#[test]
fn a_row_done_in_the_sheet_but_not_here_is_named() {
    let mut o = Office::new();
    let file = o.path("theo-doi.csv");
    let sheet = |progress: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Tiến độ\n1,Rà soát quy chế làm việc,VP,05/01/2025,{progress}\n"
        )
    };
    std::fs::write(&file, sheet("Đang thực hiện")).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    std::fs::write(&file, sheet("Đã hoàn thành ngày 10/4/2025")).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty());
    let said = told(&seen);
    assert!(tells(&said, "đã có trong Giao Ban"), "{said:?}");
}

/// A template whose STT column is numbered by formula far below its last record (60,000
/// rows, past the limit of 50,000) reads its records: a row holding only its number is not a
/// row of the table. The same template with text in those rows is refused as too long.
#[test]
fn a_template_numbered_far_below_its_records_is_read() {
    let mut o = Office::new();
    let header = ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"];
    let make = |path: &Path, filler: Option<&str>| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_row(0, 0, header).unwrap();
        ws.write_row(
            1,
            1,
            ["Rà soát thủ tục hành chính", "Văn phòng Sở", "05/01/2025"],
        )
        .unwrap();
        ws.write_row(
            2,
            1,
            [
                "Báo cáo chuyển đổi số quý I",
                "Phòng Chuyển đổi số",
                "05/01/2025",
            ],
        )
        .unwrap();
        for r in 1..=60_000u32 {
            ws.write_formula(r, 0, Formula::new("=ROW()-1").set_result(format!("{}", r)))
                .unwrap();
            if let (Some(text), true) = (filler, r > 2) {
                ws.write_string(r, 1, text).unwrap();
            }
        }
        wb.save(path).unwrap();
    };
    let numbered = o.path("mau-stt.xlsx");
    make(&numbered, None);
    let seen = intake::preview(&mut o.store, &numbered, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", seen.problems);
    assert!(seen.problems.is_empty(), "{:?}", seen.problems);
    let filled = o.path("mau-day.xlsx");
    make(&filled, Some("x"));
    let e = intake::preview(&mut o.store, &filled, &Options::default()).unwrap_err();
    let vi = e.message(Lang::Vi);
    assert!(vi.contains("hơn 50000 dòng"), "{vi}");
}

/// A formula saved without its value (a program wrote the workbook, nothing calculated it)
/// and a formula in error are told on their row, which is left out; the other rows come in.
#[test]
fn formulas_without_a_value_or_in_error_are_told() {
    let mut o = Office::new();
    let made = o.path("tinh.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_row(
        0,
        0,
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Ngày giao",
            "Thời hạn",
        ],
    )
    .unwrap();
    for (r, content) in [
        (1u32, "Rà soát thủ tục"),
        (2, "Báo cáo quý I"),
        (3, "Kiểm tra an toàn"),
    ] {
        ws.write_number(r, 0, f64::from(r)).unwrap();
        ws.write_row(r, 1, [content, "Văn phòng Sở", "05/01/2025"])
            .unwrap();
    }
    ws.write_string(1, 4, "31/03/2025").unwrap();
    // Row 3: a value the program never calculated (a marker removed below); row 4: #REF!.
    ws.write_formula(2, 4, Formula::new("=D3+30").set_result("424242"))
        .unwrap();
    ws.write_formula(3, 4, Formula::new("=#REF!+30").set_result("#REF!"))
        .unwrap();
    wb.save(&made).unwrap();
    // The same package with the first formula's value taken out.
    let file = o.path("chua-tinh.xlsx");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&made).unwrap()).unwrap();
    let mut entries = Vec::new();
    for k in 0..zip.len() {
        let mut f = zip.by_index(k).unwrap();
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut f, &mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes).to_string();
        if text.contains("424242") {
            bytes = text.replace("<v>424242</v>", "").into_bytes();
        }
        entries.push((f.name().to_string(), bytes));
    }
    let refs: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zip_of(&file, &refs);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    let told: Vec<_> = seen
        .problems
        .iter()
        .map(|p| (p.row, p.message.vi.contains("chưa được tính")))
        .collect();
    assert_eq!(told, [(3, true), (4, true)], "{:?}", seen.problems);
}

/// The progress and notes cells are kept with the state they give (in the history of the
/// change, or in the progress report), and a note that says done beside a progress that does
/// not is told.
#[test]
fn progress_and_notes_are_kept_and_a_contrary_note_is_told() {
    let mut o = Office::new();
    let file = o.path("ghi-chu.xlsx");
    text_workbook(
        &file,
        &[
            &[
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Tiến độ",
                "Ghi chú",
                "Kinh phí",
            ],
            &[
                "1",
                "Xây dựng kế hoạch chuyển đổi số",
                "Văn phòng Sở",
                "05/01/2025",
                "Đã hoàn thành ngày 28/03/2025, đã ban hành Kế hoạch số 50/KH-STTTT",
                "Báo cáo số 45/BC-TTCNTT",
            ],
            &[
                "2",
                "Kiểm tra bản quyền phần mềm",
                "Thanh tra Sở",
                "05/01/2025",
                "Đang thực hiện",
                "Đã hoàn thành ngày 29/4/2025",
            ],
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let told: Vec<_> = seen
        .problems
        .iter()
        .map(|p| {
            (
                p.row,
                p.skipped,
                p.message.vi.contains("Ghi chú nói đã hoàn thành"),
            )
        })
        .collect();
    assert_eq!(told, [(3, false, true)], "{:?}", seen.problems);
    // A column nothing is taken from is named in the preview.
    assert_eq!(seen.sheets[0].unused, ["Kinh phí"]);
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let kept = |words: &str| -> i64 {
        o.store
            .conn()
            .query_row(
                "SELECT count(*) FROM audit WHERE changes LIKE '%' || ?1 || '%'",
                [words],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert!(kept("50/KH-STTTT") > 0);
    assert!(kept("45/BC-TTCNTT") > 0);
}

/// An extension the tracker records, in a column of its own ("Gia hạn đến") or in the
/// deadline's cell ("31/03/2025 (gia hạn đến 30/04/2025)"), comes in as an extension: the
/// directive is due on the later day, its first deadline kept in its history. One not later
/// than the deadline is told and left out.
#[test]
fn extensions_the_tracker_records_come_in_as_extensions() {
    let mut o = Office::new();
    let file = o.path("gia-han.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Gia hạn đến,Tiến độ\n\
         1,Rà soát quy chế làm việc,Văn phòng Sở,05/01/2025,31/03/2025,30/06/2025,Đã hoàn thành ngày 15/5/2025\n\
         2,Báo cáo chuyển đổi số quý I,Văn phòng Sở,05/01/2025,31/03/2025 (gia hạn đến 30/04/2025),,Đang thực hiện\n\
         3,Kiểm tra bản quyền phần mềm,Văn phòng Sở,05/01/2025,31/03/2025,01/03/2025,\n\
         4,Tổng hợp số liệu thống kê,Văn phòng Sở,05/01/2025,31/03/2025,gia hạn lần 2: 31/07/2025,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<_> = seen
        .directives
        .iter()
        .map(|r| (r.row, r.deadline, r.extended_from))
        .collect();
    let first = Some(d(2025, 3, 31));
    assert_eq!(
        got,
        [
            (2, Some(d(2025, 6, 30)), first),
            (3, Some(d(2025, 4, 30)), first),
            (4, first, None),
            (5, Some(d(2025, 7, 31)), first),
        ],
        "{:?}",
        seen.problems
    );
    let told: Vec<_> = seen
        .problems
        .iter()
        .map(|p| (p.row, p.message.vi.as_str()))
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0].0, 4);
    assert!(told[0].1.contains("không sau thời hạn"), "{told:?}");
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let done = &made.directives[0];
    assert_eq!(done.status, DirectiveStatus::Done);
    let extensions = followup::extensions_of(o.store.conn(), done.directive_id).unwrap();
    assert_eq!(extensions.len(), 1);
    assert_eq!(extensions[0].previous_deadline, d(2025, 3, 31));
    assert_eq!(extensions[0].new_deadline, d(2025, 6, 30));
    assert!(
        extensions[0].reason.contains("gia-han.csv"),
        "{:?}",
        extensions[0]
    );
}

/// Several extensions in one cell come in one after another, each with the grounds it
/// cites; an extension recorded in the notes ("Đã được gia hạn đến … theo Văn bản …") is
/// one too, while a request there ("Đề xuất gia hạn …") stays a note.
#[test]
fn every_extension_listed_and_one_in_the_notes_come_in_with_their_grounds() {
    let mut o = Office::new();
    let file = o.path("gia-han-nhieu-lan.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ghi chú\n\
         1,Triển khai nền tảng số,Văn phòng Sở,05/01/2025,\"30/04/2025; gia hạn lần 1 đến 30/06/2025 theo VB số 12/UBND-VX; gia hạn lần 2 đến 30/09/2025\",Đang thực hiện,\n\
         2,Tổng hợp báo cáo quý I,Văn phòng Sở,05/01/2025,30/04/2025,Đang thực hiện,Đã được gia hạn đến 30/06/2025 theo Văn bản số 123/UBND-VX\n\
         3,Rà soát hệ thống thông tin,Văn phòng Sở,05/01/2025,30/04/2025,Đang thực hiện,Đề xuất gia hạn đến 30/07/2025\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert!(made.problems.is_empty(), "{:?}", made.problems);
    let due: Vec<_> = made
        .directives
        .iter()
        .map(|r| (r.deadline, r.extended_from))
        .collect();
    let first = Some(d(2025, 4, 30));
    assert_eq!(
        due,
        [
            (Some(d(2025, 9, 30)), first),
            (Some(d(2025, 6, 30)), first),
            (first, None)
        ]
    );
    let history = |k: usize| {
        followup::extensions_of(o.store.conn(), made.directives[k].directive_id)
            .unwrap()
            .into_iter()
            .map(|e| (e.previous_deadline, e.new_deadline, e.reason))
            .collect::<Vec<_>>()
    };
    let listed = history(0);
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert_eq!(
        (listed[0].0, listed[0].1, listed[1].0, listed[1].1),
        (
            d(2025, 4, 30),
            d(2025, 6, 30),
            d(2025, 6, 30),
            d(2025, 9, 30)
        ),
        "{listed:?}"
    );
    let grounds = |e: &(NaiveDate, NaiveDate, String)| e.2.ends_with("12/UBND-VX");
    assert!(grounds(&listed[0]) && !grounds(&listed[1]), "{listed:?}");
    let noted = history(1);
    assert_eq!(noted.len(), 1, "{noted:?}");
    assert!(
        noted[0].2.ends_with("theo Văn bản số 123/UBND-VX"),
        "{noted:?}"
    );
    // Nothing new, and nothing told, the second time.
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 3));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
}

/// Extensions as offices write them: "GH" for "gia hạn", "tới" for "đến", the last of
/// several ("2 lần, lần cuối đến …"), listed out of order, in the column and the notes both,
/// one per date listed in the column; a request in the column told as one; "Không" in the
/// column none; one with no first deadline is the deadline, told.
#[test]
fn extensions_written_as_offices_write_them() {
    let mut o = Office::new();
    let file = o.path("gia-han-cach-ghi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Gia hạn,Tiến độ,Ghi chú\n\
         1,Việc một,Văn phòng Sở,05/01/2025,30/04/2025; GH đến 30/06/2025,,,\n\
         2,Việc hai,Văn phòng Sở,05/01/2025,30/04/2025,,Đang thực hiện,Đã được gia hạn tới 30/06/2025\n\
         3,Việc ba,Văn phòng Sở,05/01/2025,30/04/2025,,\"Đã được gia hạn 2 lần, lần cuối đến 30/09/2025\",\n\
         4,Việc bốn,Văn phòng Sở,05/01/2025,30/04/2025; gia hạn lần 2 đến 30/9/2025; gia hạn lần 1 đến 30/6/2025,,,\n\
         5,Việc năm,Văn phòng Sở,05/01/2025,30/04/2025,30/06/2025,,Đã được gia hạn đến 30/07/2025 theo VB 5/UBND\n\
         6,Việc sáu,Văn phòng Sở,05/01/2025,30/04/2025,lần 1: 30/06/2025; lần 2: 30/09/2025,,\n\
         7,Việc bảy,Văn phòng Sở,05/01/2025,30/04/2025,30/06/2025 (đề xuất),,\n\
         8,Việc tám,Văn phòng Sở,05/01/2025,30/04/2025,Không,,\n\
         9,Việc chín,Văn phòng Sở,05/01/2025,Gia hạn đến 30/06/2025,,,\n\
         10,Việc mười,Văn phòng Sở,05/01/2025,30/04/2025,30/06/2025 theo Văn bản số 123/UBND-VX ngày 05/5/2025,,\n\
         11,Việc mười một,Văn phòng Sở,05/01/2025,30/04/2025 (Gia hạn đến 30/6/2025 (Công văn 88/UBND-TH ngày 02/5/2025)),,,\n\
         12,Việc mười hai,Văn phòng Sở,05/01/2025,30/04/2025,\"Gia hạn đến 30/6/2025, đã hoàn thành ngày 20/6/2025\",,\n\
         13,Việc mười ba,Văn phòng Sở,05/01/2025,Điều chỉnh từ 30/4/2025 sang 30/6/2025,,,\n\
         14,Việc mười bốn,Văn phòng Sở,05/01/2025,30/4/2025 (lùi 30/6/2025),,,\n\
         15,Việc mười lăm,Văn phòng Sở,05/01/2025,30/6/2025 (hạn cũ 30/4/2025),,,\n\
         16,Việc mười sáu,Văn phòng Sở,05/01/2025,30/4/2025 (ĐC 30/6/2025),,,\n\
         17,Việc mười bảy,Văn phòng Sở,05/01/2025,Ngày giao 5/1/2025,,,\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let history = |k: usize| {
        followup::extensions_of(o.store.conn(), made.directives[k].directive_id)
            .unwrap()
            .into_iter()
            .map(|e| e.new_deadline)
            .collect::<Vec<_>>()
    };
    let (jun, jul, sep) = (d(2025, 6, 30), d(2025, 7, 30), d(2025, 9, 30));
    let want: [&[NaiveDate]; 17] = [
        &[jun],
        &[jun],
        &[sep],
        &[jun, sep],
        &[jun, jul],
        &[jun, sep],
        &[],
        &[],
        &[],
        &[jun],
        &[jun],
        &[jun],
        &[jun],
        &[jun],
        &[jun],
        &[jun],
        &[],
    ];
    for (k, w) in want.iter().enumerate() {
        assert_eq!(history(k), *w, "row {}: {:?}", k + 2, told(&made));
    }
    assert_eq!(made.directives[8].deadline, Some(jun));
    // The extensions of the deadline's own cell start from its first date.
    for k in 12..16 {
        assert_eq!(made.directives[k].deadline, Some(jun), "row {}", k + 2);
    }
    // The day given alone in the deadline's cell: no deadline, told; the row comes in.
    assert_eq!(made.directives[16].deadline, None);
    let on_row = |row: u32| -> Vec<&str> {
        made.problems
            .iter()
            .filter(|p| p.row == row)
            .map(|p| p.message.vi.as_str())
            .collect()
    };
    assert!(
        on_row(8)[0].contains("“30/06/2025 (đề xuất)” mới là đề nghị"),
        "{:?}",
        on_row(8)
    );
    assert!(on_row(9).is_empty(), "{:?}", on_row(9));
    assert!(
        on_row(10)[0].contains("Không ghi thời hạn ban đầu"),
        "{:?}",
        on_row(10)
    );
    assert!(
        on_row(18)[0].contains("“Ngày giao 5/1/2025” không phải một ngày"),
        "{:?}",
        on_row(18)
    );
    assert_eq!(made.problems.len(), 3, "{:?}", told(&made));
}

/// A task on two year sheets comes in once with the later year's state and notes, whatever
/// the sheets' order in the book (the latest year first here, as offices often keep it), and
/// a later deadline the later year gives (its own, or an extension) extends the first one.
/// The same file again is quiet; next year's file alone names nothing "no longer in it".
#[test]
fn a_later_year_sheet_extends_the_deadline_of_the_earlier() {
    let mut o = Office::new();
    let file = o.path("hai-nam.xlsx");
    let header = [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Thời hạn",
        "Gia hạn",
        "Tiến độ",
        "Ghi chú",
    ];
    let task = |n: &str, content: &str, due: &str, ext: &str, progress: &str, note: &str| {
        [n, content, "VP", "05/01/2025", due, ext, progress, note].map(String::from)
    };
    let y2025 = [
        task(
            "1",
            "Xây dựng kho dữ liệu dùng chung",
            "31/12/2025",
            "",
            "Đang thực hiện",
            "Chờ kinh phí",
        ),
        task(
            "2",
            "Số hóa hồ sơ lưu trữ",
            "31/12/2025",
            "",
            "Đang thực hiện",
            "",
        ),
        task(
            "3",
            "Rà soát quy chế văn thư",
            "30/06/2025",
            "",
            "Đã hoàn thành ngày 20/06/2025",
            "",
        ),
    ];
    let y2026 = [
        task(
            "1",
            "Xây dựng kho dữ liệu dùng chung",
            "30/06/2026",
            "",
            "Đang thực hiện, đạt 70%",
            "Vướng mặt bằng",
        ),
        task(
            "2",
            "Số hóa hồ sơ lưu trữ",
            "31/12/2025",
            "30/06/2026",
            "Đã hoàn thành ngày 15/05/2026",
            "",
        ),
    ];
    let write = |path: &Path, sheets: &[(&str, &[[String; 8]])]| {
        let mut wb = Workbook::new();
        for (name, rows) in sheets {
            let ws = wb.add_worksheet().set_name(*name).unwrap();
            ws.write_row(0, 0, header).unwrap();
            for (r, row) in rows.iter().enumerate() {
                ws.write_row(r as u32 + 1, 0, row.iter().map(String::as_str))
                    .unwrap();
            }
        }
        wb.save(path).unwrap();
    };
    write(&file, &[("Năm 2026", &y2026), ("Năm 2025", &y2025)]);
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 3, "{:?}", told(&made));
    let by = |start: &str| {
        made.directives
            .iter()
            .find(|r| r.content.starts_with(start))
            .unwrap_or_else(|| panic!("{start}: {:?}", made.directives))
    };
    for start in ["Xây dựng kho", "Số hóa"] {
        let r = by(start);
        assert_eq!(
            (r.deadline, r.extended_from),
            (Some(d(2026, 6, 30)), Some(d(2025, 12, 31))),
            "{}",
            r.content
        );
    }
    let done = by("Số hóa");
    assert_eq!(done.status, DirectiveStatus::Done);
    assert_eq!(done.completed_on, Some(d(2026, 5, 15)));
    let store = by("Xây dựng kho");
    assert_eq!(store.status, DirectiveStatus::InProgress);
    let reports = followup::progress_of(o.store.conn(), store.directive_id).unwrap();
    assert_eq!(
        reports.last().map(|p| p.note.as_str()),
        Some("Đang thực hiện, đạt 70% — Vướng mặt bằng")
    );
    // The same file again: nothing made, nothing "no longer in it".
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(again.directives.len(), 0, "{:?}", told(&again));
    assert!(
        again.problems.iter().all(|p| p.row != 0),
        "{:?}",
        told(&again)
    );
    // Next year's tracker alone, carrying over two of last year's three tasks.
    let next = o.path("nam-2026.xlsx");
    write(&next, &[("Năm 2026", &y2026)]);
    let seen = intake::preview(&mut o.store, &next, &Options::default()).unwrap();
    assert!(
        seen.problems.iter().all(|p| p.row != 0),
        "{:?}",
        told(&seen)
    );
    // One sheet of the book asked for: the other holds what it does not.
    let one = Options {
        sheet: Some("Năm 2026".into()),
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &one).unwrap();
    assert!(
        seen.problems.iter().all(|p| p.row != 0),
        "{:?}",
        told(&seen)
    );
}

/// A two-row header whose deadline's parent ("Thời hạn hoàn thành") stands over the first
/// deadline ("Theo văn bản", "Ban đầu", …) and the extension ("Gia hạn"): each child is read
/// as that, not as the source its words might name. A task carried into the next year's
/// sheet with its lead written another way is one directive; a unit whose name holds a comma
/// is read whole beside another.
#[test]
fn a_deadline_over_two_columns_a_lead_written_two_ways_and_a_name_with_a_comma() {
    for first in ["Theo văn bản", "Ban đầu", "Theo kế hoạch", "Lần đầu"] {
        let mut o = Office::new();
        o.add_units(&["Phòng Bưu chính, Viễn thông và Công nghệ thông tin"]);
        let file = o.path("hai-dong.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet().set_name("Năm 2025").unwrap();
        let bold = Format::new().set_bold();
        for (col, text) in [
            (0, "STT"),
            (1, "Nội dung nhiệm vụ"),
            (2, "Văn bản giao"),
            (3, "Ngày giao"),
            (4, "Đơn vị chủ trì"),
            (5, "Đơn vị phối hợp"),
        ] {
            ws.merge_range(0, col, 1, col, text, &bold).unwrap();
        }
        ws.merge_range(0, 6, 0, 7, "Thời hạn hoàn thành", &bold)
            .unwrap();
        ws.write_string(1, 6, first).unwrap();
        ws.write_string(1, 7, "Gia hạn").unwrap();
        let rows = [
            [
                "1",
                "Rà soát quy chế làm việc",
                "TB 12/TB-STTTT",
                "05/01/2025",
                "Văn phòng Sở",
                "Phòng Bưu chính, Viễn thông và Công nghệ thông tin, Thanh tra Sở",
                "31/03/2025",
                "",
            ],
            [
                "2",
                "Số hóa hồ sơ lưu trữ",
                "TB 12/TB-STTTT",
                "05/01/2025",
                "Phòng CĐS",
                "",
                "30/06/2025",
                "30/09/2025",
            ],
        ];
        for (r, row) in rows.iter().enumerate() {
            ws.write_row(r as u32 + 2, 0, *row).unwrap();
        }
        let ws = wb.add_worksheet().set_name("Năm 2026").unwrap();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Văn bản giao",
                "Ngày giao",
                "Đơn vị chủ trì",
                "Đơn vị phối hợp",
                "Thời hạn",
                "Tiến độ",
            ],
        )
        .unwrap();
        ws.write_row(
            1,
            0,
            [
                "1",
                "Số hóa hồ sơ lưu trữ",
                "TB 12/TB-STTTT",
                "05/01/2025",
                "Phòng Chuyển đổi số",
                "",
                "30/09/2025",
                "Đang thực hiện",
            ],
        )
        .unwrap();
        wb.save(&file).unwrap();
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        let got: Vec<_> = seen
            .directives
            .iter()
            .map(|r| {
                let mut units = r.coordinating_units.clone();
                units.sort();
                (r.deadline, r.extended_from, units)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    Some(d(2025, 3, 31)),
                    None,
                    vec![
                        "Phòng Bưu chính, Viễn thông và Công nghệ thông tin".to_string(),
                        "Thanh tra Sở".to_string()
                    ]
                ),
                (Some(d(2025, 9, 30)), Some(d(2025, 6, 30)), vec![]),
            ],
            "{first}: {:?}",
            told(&seen)
        );
        assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
        assert_eq!(seen.directives[1].status, DirectiveStatus::InProgress);
    }
}

/// A result told by ticks under four states ("Hoàn thành đúng hạn | Hoàn thành quá hạn |
/// Chưa hoàn thành trong hạn | Chưa hoàn thành quá hạn") beside a column of words of
/// progress: each tick says its state, the words are kept; "Thời gian hoàn thành" beside
/// "Thời hạn" is the day done; a lettered item citing its own document is given on that
/// document's day, not its task's.
#[test]
fn ticks_of_four_states_a_day_done_column_and_lettered_items_with_their_own_source() {
    let mut o = Office::new();
    let file = o.path("dau-tich.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    for (col, text) in [
        (0, "STT"),
        (1, "Nội dung nhiệm vụ"),
        (2, "Văn bản giao"),
        (3, "Đơn vị chủ trì"),
        (4, "Thời hạn"),
        (5, "Thời gian hoàn thành"),
        (10, "Tình hình thực hiện"),
    ] {
        ws.merge_range(0, col, 1, col, text, &bold).unwrap();
    }
    ws.merge_range(0, 6, 0, 9, "Kết quả thực hiện", &bold)
        .unwrap();
    for (col, text) in [
        (6, "Hoàn thành đúng hạn"),
        (7, "Hoàn thành quá hạn"),
        (8, "Chưa hoàn thành trong hạn"),
        (9, "Chưa hoàn thành quá hạn"),
    ] {
        ws.write_string_with_format(1, col, text, &bold).unwrap();
    }
    let rows: [[&str; 11]; 5] = [
        [
            "1",
            "Rà soát quy chế làm việc",
            "TB 12/TB-STTTT ngày 10/01/2025",
            "VP",
            "28/02/2025",
            "20/02/2025",
            "x",
            "",
            "",
            "",
            "",
        ],
        [
            "2",
            "Số hóa hồ sơ lưu trữ",
            "TB 12/TB-STTTT ngày 10/01/2025",
            "VP",
            "28/02/2025",
            "",
            "",
            "x",
            "",
            "",
            "",
        ],
        [
            "3",
            "Nâng cấp cổng thông tin",
            "TB 12/TB-STTTT ngày 10/01/2025",
            "VP",
            "28/02/2025",
            "",
            "",
            "",
            "x",
            "",
            "Đang lắp đặt thiết bị, đạt 60%",
        ],
        [
            "a)",
            "Lắp đặt máy chủ tại trung tâm dữ liệu tỉnh",
            "TB 20/TB-STTTT ngày 06/02/2025",
            "TTCNTT",
            "30/04/2025",
            "",
            "",
            "",
            "x",
            "",
            "",
        ],
        [
            "4",
            "Kiểm tra an toàn thông tin",
            "TB 12/TB-STTTT ngày 10/01/2025",
            "VP",
            "28/02/2025",
            "",
            "",
            "",
            "",
            "x",
            "Đã hoàn thành ngày 20/02/2025",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32 + 2, 0, *row).unwrap();
    }
    wb.save(&file).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<_> = made
        .directives
        .iter()
        .map(|r| (r.status, r.completed_on, r.assigned_on))
        .collect();
    let given = d(2025, 1, 10);
    assert_eq!(
        got,
        [
            (DirectiveStatus::Done, Some(d(2025, 2, 20)), given),
            (DirectiveStatus::Done, Some(d(2025, 3, 1)), given),
            (DirectiveStatus::InProgress, None, given),
            (DirectiveStatus::InProgress, None, d(2025, 2, 6)),
            (DirectiveStatus::Assigned, None, given),
        ],
        "{:?}",
        told(&made)
    );
    let reports = followup::progress_of(o.store.conn(), made.directives[2].directive_id).unwrap();
    assert_eq!(reports.last().map(|p| p.percent), Some(60));
    let on_row = |row: u32| -> Vec<&str> {
        made.problems
            .iter()
            .filter(|p| p.row == row)
            .map(|p| p.message.vi.as_str())
            .collect()
    };
    assert!(
        on_row(7)
            .iter()
            .any(|m| m.contains("dấu đánh ở cột chưa hoàn thành")),
        "{:?}",
        told(&made)
    );
}

/// A header of three rows: "Kết quả thực hiện" over "Đã hoàn thành | Chưa hoàn thành",
/// each over "Đúng hạn | Quá hạn" (or "Trong hạn"), then a row numbering the columns: each
/// tick under the third row says its state, and the words of progress beside are kept.
#[test]
fn ticks_under_a_header_of_three_rows() {
    let mut o = Office::new();
    let file = o.path("ba-dong.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    for (col, text) in [
        (0, "STT"),
        (1, "Nội dung công việc"),
        (2, "Cơ quan/đơn vị chủ trì"),
        (3, "Thời hạn"),
        (8, "Tình hình thực hiện"),
    ] {
        ws.merge_range(0, col, 2, col, text, &bold).unwrap();
    }
    ws.merge_range(0, 4, 0, 7, "Kết quả thực hiện", &bold)
        .unwrap();
    ws.merge_range(1, 4, 1, 5, "Đã hoàn thành", &bold).unwrap();
    ws.merge_range(1, 6, 1, 7, "Chưa hoàn thành", &bold)
        .unwrap();
    for (col, text) in [
        (4, "Đúng hạn"),
        (5, "Quá hạn"),
        (6, "Trong hạn"),
        (7, "Quá hạn"),
    ] {
        ws.write_string_with_format(2, col, text, &bold).unwrap();
    }
    for c in 0..9u16 {
        ws.write_number(3, c, f64::from(c + 1)).unwrap();
    }
    let rows: [[&str; 9]; 4] = [
        [
            "1",
            "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng",
            "VP",
            "17/03/2025",
            "x",
            "",
            "",
            "",
            "Đã báo cáo UBND tỉnh",
        ],
        [
            "2",
            "Xây dựng quy chế quản lý văn bản",
            "VP",
            "08/03/2025",
            "",
            "x",
            "",
            "",
            "",
        ],
        [
            "3",
            "Nâng cấp hệ thống hội nghị truyền hình",
            "VP",
            "30/06/2025",
            "",
            "",
            "x",
            "",
            "Đang thực hiện, đạt 60%",
        ],
        [
            "4",
            "Rà soát thủ tục hành chính",
            "VP",
            "28/02/2025",
            "",
            "",
            "",
            "x",
            "",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32 + 4, 0, *row).unwrap();
    }
    wb.save(&file).unwrap();
    let with_date = Options {
        given_on: Some(d(2025, 1, 6)),
        ..Options::default()
    };
    let made = intake::commit(&mut o.store, &file, &with_date).unwrap();
    let got: Vec<_> = made
        .directives
        .iter()
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        got,
        [
            (DirectiveStatus::Done, Some(d(2025, 3, 17))),
            (DirectiveStatus::Done, Some(d(2025, 3, 9))),
            (DirectiveStatus::InProgress, None),
            (DirectiveStatus::Assigned, None),
        ],
        "{:?}",
        told(&made)
    );
    assert_eq!(made.sheets[0].header_row, 3);
    let reports = followup::progress_of(o.store.conn(), made.directives[2].directive_id).unwrap();
    assert_eq!(reports.last().map(|p| p.percent), Some(60));
}

/// A list exported from an e-office system: a task's code beside its name ("Mã nhiệm vụ",
/// "Tên nhiệm vụ"), the document's day as "Ngày VB giao", ISO dates with their time, states
/// "Đã xử lý" / "Chờ xử lý"; a done task whose notes record only its extension is done on
/// no day written: the deadline as extended, told.
#[test]
fn an_e_office_export_reads_its_codes_times_and_states() {
    let mut o = Office::new();
    let file = o.path("xuat-tu-he-thong.csv");
    std::fs::write(
        &file,
        "\u{feff}STT,Mã nhiệm vụ,Ngày VB giao,Tên nhiệm vụ,Đơn vị xử lý chính,Hạn xử lý,Trạng thái,Ngày hoàn thành,Ghi chú\n\
         1,NV.2026.1000,2026-02-02,Báo cáo tình hình Đề án 06,VP,12/02/2026 17:00,Đã xử lý,2026-02-11 10:15:33,\n\
         2,NV.2026.1001,2026-02-02,Góp ý dự thảo quy chế,CDS,2026-02-20,Chờ xử lý,,\n\
         3,NV.2026.1002,2026-02-02,Rà soát thủ tục hành chính,VP,2026-02-20,Đã hoàn thành,,Đã gia hạn đến ngày 30/3/2026\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<_> = made
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.assigned_on, r.status, r.completed_on))
        .collect();
    let given = d(2026, 2, 2);
    assert_eq!(
        got[0],
        (
            "Báo cáo tình hình Đề án 06",
            given,
            DirectiveStatus::Done,
            Some(d(2026, 2, 11))
        ),
        "{:?}",
        told(&made)
    );
    assert_eq!(
        got[1],
        (
            "Góp ý dự thảo quy chế",
            given,
            DirectiveStatus::Assigned,
            None
        )
    );
    // Done on no day written: the deadline as extended, told.
    assert_eq!(got[2].2, DirectiveStatus::Done);
    assert_eq!(made.directives[2].extended_from, Some(d(2026, 2, 20)));
    assert!(
        made.problems.iter().any(|p| p.row == 4
            && p.message.vi.contains("không ghi ngày hoàn thành")
            && p.message
                .vi
                .contains("thời hạn của nhiệm vụ, nên được tính là đúng hạn")),
        "{:?}",
        told(&made)
    );
}

/// A sheet per unit (no lead column) whose task cites "Ý kiến chỉ đạo của Giám đốc …" beside
/// "Các phòng, đơn vị liên quan": that row is a task, not the header. Other bodies' names
/// come in whole ("Sở Tài nguyên và Môi trường", "Ban Quản lý các khu công nghiệp tỉnh",
/// "Sở Văn hóa, Thể thao và Du lịch"), "UBND cấp huyện" is a group; a note "gia hạn từ X
/// đến Y" beside a deadline already moved to Y keeps X as the first deadline.
#[test]
fn a_record_row_is_no_header_and_other_bodies_names_come_in_whole() {
    let mut o = Office::new();
    let file = o.path("theo-phong.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("Thanh tra Sở").unwrap();
    ws.write_row(
        0,
        0,
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Nguồn giao",
            "Ngày giao",
            "Hạn hoàn thành",
            "Đơn vị phối hợp",
            "Kết quả thực hiện",
        ],
    )
    .unwrap();
    ws.write_row(
        1,
        0,
        [
            "1",
            "Báo cáo kết quả Đề án 06",
            "Giao ban tuần ngày 4/5/2026",
            "04/05/2026",
            "14/05/2026",
            "Văn phòng Sở",
            "Đang thực hiện",
        ],
    )
    .unwrap();
    ws.write_number(2, 0, 2.0).unwrap();
    ws.write_row(
        2,
        1,
        [
            "Rà soát bưu chính công ích",
            "Ý kiến chỉ đạo của Giám đốc tại VB số 255/STTTT-VP",
            "15/10/2026",
            "29/11/2026",
            "Các phòng, đơn vị liên quan",
            "Đang thực hiện",
        ],
    )
    .unwrap();
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.sheets[0].header_row, 1, "{:?}", told(&seen));
    assert_eq!(seen.directives.len(), 2, "{:?}", told(&seen));
    assert!(
        seen.directives
            .iter()
            .all(|r| r.lead_unit == "Thanh tra Sở")
    );

    let other = o.path("ubnd-tinh-giao.csv");
    std::fs::write(
        &other,
        "STT,Nội dung nhiệm vụ,Cơ quan chủ trì,Cơ quan phối hợp,Ngày giao,Thời hạn,Ghi chú\n\
         1,Rà soát quy hoạch khu công nghiệp,Ban Quản lý các khu công nghiệp tỉnh,\"Các sở, ngành, UBND cấp huyện\",05/01/2026,30/06/2026,\n\
         2,Kiểm kê đất đai,Sở Tài nguyên và Môi trường,,05/01/2026,30/06/2026,\n\
         3,Tổ chức lễ hội văn hóa,\"Sở Văn hóa, Thể thao và Du lịch\",,05/01/2026,16/03/2026,Gia hạn từ 24/02/2026 đến 16/03/2026\n",
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &other, &create).unwrap();
    let mut new: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    new.sort();
    assert_eq!(
        new,
        [
            "Ban Quản lý các khu công nghiệp tỉnh",
            "Sở Tài nguyên và Môi trường",
            "Sở Văn hóa, Thể thao và Du lịch"
        ],
        "{:?}",
        told(&seen)
    );
    assert!(seen.directives[0].coordinating_units.is_empty());
    let due: Vec<_> = seen
        .directives
        .iter()
        .map(|r| (r.deadline, r.extended_from))
        .collect();
    assert_eq!(
        due[2],
        (Some(d(2026, 3, 16)), Some(d(2026, 2, 24))),
        "{:?}",
        told(&seen)
    );
}

/// The same tracker again, changed since: a state moved on (confirmed, started) is told; a
/// note beside a done task (kept in its words) changed is told; a row deleted is told, its
/// directive kept; a row named to come in as new that is no row told so is said.
#[test]
fn changes_since_the_import_are_told_and_a_deleted_row_named() {
    let mut o = Office::new();
    let file = o.path("theo-doi.csv");
    let sheet = |rows: &[&str]| {
        let mut t = String::from(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ghi chú\n",
        );
        for r in rows {
            t.push_str(r);
            t.push('\n');
        }
        t
    };
    let first = [
        "1,Việc một,VP,05/01/2025,30/04/2025,Chờ xác nhận hoàn thành,",
        "2,Việc hai,VP,05/01/2025,30/04/2025,,",
        "3,Việc ba,VP,05/01/2025,30/04/2025,Đã hoàn thành ngày 20/04/2025,Đã ban hành KH 50/KH-STTTT",
        "4,Việc bốn,VP,05/01/2025,30/04/2025,,",
        "5,Việc năm,VP,05/01/2025,30/04/2025,,",
    ];
    std::fs::write(&file, sheet(&first)).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert!(
        made.directives[2]
            .content
            .ends_with("(Ghi chú: Đã ban hành KH 50/KH-STTTT)")
    );
    let later = [
        "1,Việc một,VP,05/01/2025,30/04/2025,Đã hoàn thành ngày 25/04/2025,",
        "2,Việc hai,VP,05/01/2025,30/04/2025,Đang thực hiện,",
        "3,Việc ba,VP,05/01/2025,30/04/2025,Đã hoàn thành ngày 20/04/2025,Đã ban hành KH 51/KH-STTTT",
        "4,Việc bốn,VP,05/01/2025,30/04/2025,,",
    ];
    std::fs::write(&file, sheet(&later)).unwrap();
    let as_new = Options {
        as_new: vec![intake::RowAt {
            sheet: None,
            row: 5,
        }],
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &as_new).unwrap();
    assert!(seen.directives.is_empty());
    let on_row = |row: u32| -> Vec<&str> {
        seen.problems
            .iter()
            .filter(|p| p.row == row)
            .map(|p| p.message.vi.as_str())
            .collect()
    };
    assert!(
        on_row(2)[0].contains("bảng ghi “Đã hoàn thành ngày 25/04/2025”"),
        "{:?}",
        on_row(2)
    );
    assert!(
        on_row(3)[0].contains("bảng ghi “Đang thực hiện”"),
        "{:?}",
        on_row(3)
    );
    assert!(
        on_row(4)[0].contains("“Đã ban hành KH 51/KH-STTTT”"),
        "{:?}",
        on_row(4)
    );
    assert!(
        on_row(5)[0].contains("chính nhiệm vụ đã nhập trước đây"),
        "{:?}",
        on_row(5)
    );
    let gone = on_row(0);
    assert!(
        gone.len() == 1
            && gone[0].contains("“Việc năm” (Văn phòng Sở)")
            && gone[0].contains("không còn trong tệp"),
        "{gone:?}"
    );
    assert_eq!(seen.problems.len(), 5, "{:?}", told(&seen));
}

/// A task reported done and waiting for the leader's word comes in waiting for it (not
/// done, not under way); one the unit refused or sent back comes in as given, its words kept
/// and told; a draft waiting for approval is work under way.
#[test]
fn awaiting_confirmation_and_refused_tasks_keep_their_state() {
    let mut o = Office::new();
    let file = o.path("trang-thai-cho.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tình trạng,Ngày hoàn thành\n\
         1,Xây dựng kế hoạch chuyển đổi số,Văn phòng Sở,05/01/2025,31/03/2025,Chờ xác nhận hoàn thành,28/03/2025\n\
         2,Tham mưu văn bản hướng dẫn báo chí,Văn phòng Sở,05/01/2025,31/03/2025,Từ chối do không thuộc chức năng,\n\
         3,Ban hành quy chế phối hợp,Văn phòng Sở,05/01/2025,31/03/2025,\"Đã trình dự thảo, chờ duyệt\",\n",
    )
    .unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let states: Vec<_> = made
        .directives
        .iter()
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        states,
        [
            (DirectiveStatus::AwaitingConfirmation, None),
            (DirectiveStatus::Assigned, None),
            (DirectiveStatus::InProgress, None),
        ],
        "{:?}",
        made.problems
    );
    let reported = directive::get(o.store.conn(), made.directives[0].directive_id).unwrap();
    assert_eq!(reported.reported_done_on, Some(d(2025, 3, 28)));
    assert!(
        made.directives[1]
            .content
            .contains("Từ chối do không thuộc chức năng")
    );
    assert_eq!(made.problems.len(), 1, "{:?}", made.problems);
    assert_eq!(made.problems[0].row, 3);
    assert!(made.problems[0].message.vi.contains("từ chối hoặc trả lại"));
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        (again.directives.len(), again.already),
        (0, 3),
        "{:?}",
        again.problems
    );
}

/// A row told as a directive brought in before, its lead changed since, is a new directive
/// when the user says so (the sheet and row named, or the row of any sheet), and only then;
/// the same file again then creates nothing.
#[test]
fn a_row_like_one_held_comes_in_as_new_when_said() {
    let mut o = Office::new();
    let first = o.path("van-phong.csv");
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n\
         1,Rà soát quy chế tiếp công dân của Sở,Văn phòng Sở,05/01/2025,31/03/2025\n",
    )
    .unwrap();
    intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    let other = o.path("thanh-tra.csv");
    std::fs::write(
        &other,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n\
         1,Rà soát quy chế tiếp công dân của Sở,Thanh tra Sở,05/01/2025,30/09/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &other, &Options::default()).unwrap();
    assert!(seen.directives.is_empty());
    assert!(
        seen.problems.len() == 1 && seen.problems[0].held && seen.problems[0].skipped,
        "{:?}",
        seen.problems
    );
    // Another row named changes nothing.
    let wrong = Options {
        as_new: vec![intake::RowAt {
            sheet: Some("thanh-tra".into()),
            row: 3,
        }],
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &other, &wrong).unwrap();
    assert!(seen.directives.is_empty());
    assert!(
        (seen.problems.iter())
            .any(|q| q.row == 3 && q.message.vi.contains("không phải dòng nhiệm vụ của trang")),
        "{:?}",
        told(&seen)
    );
    // The directive brought in before, named: the same one, not made again.
    let same = Options {
        as_new: vec![intake::RowAt {
            sheet: None,
            row: 2,
        }],
        ..Options::default()
    };
    let again = intake::preview(&mut o.store, &first, &same).unwrap();
    assert!(again.directives.is_empty());
    assert!(
        (again.problems.iter())
            .any(|q| q.row == 2 && q.message.vi.contains("chính nhiệm vụ đã nhập trước đây")),
        "{:?}",
        told(&again)
    );
    for sheet in [Some("thanh-tra".to_string()), None] {
        let said = Options {
            as_new: vec![intake::RowAt { sheet, row: 2 }],
            ..Options::default()
        };
        let seen = intake::preview(&mut o.store, &other, &said).unwrap();
        assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
        assert!(seen.problems.is_empty(), "{:?}", seen.problems);
    }
    let said = Options {
        as_new: vec![intake::RowAt {
            sheet: None,
            row: 2,
        }],
        ..Options::default()
    };
    let made = intake::commit(&mut o.store, &other, &said).unwrap();
    assert_eq!(made.directives[0].lead_unit, "Thanh tra Sở");
    let leads: Vec<String> = o
        .directives()
        .iter()
        .filter(|d| d.content.starts_with("Rà soát quy chế tiếp công dân"))
        .map(|d| d.lead_unit.clone())
        .collect();
    assert_eq!(leads.len(), 2, "{leads:?}");
    let again = intake::preview(&mut o.store, &other, &Options::default()).unwrap();
    assert_eq!(
        (again.directives.len(), again.already),
        (0, 1),
        "{:?}",
        again.problems
    );
    assert!(again.problems.is_empty(), "{:?}", again.problems);
}

/// A note written or changed in the sheet since its task was brought in is told on its row,
/// the directive not changed; a date that reads only month first, in a sheet typed day
/// first, is set aside with the day it may be.
#[test]
fn a_note_changed_since_is_told_and_a_month_first_date_suggested() {
    let mut o = Office::new();
    let file = o.path("ghi-chu.csv");
    let sheet = |note: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Ghi chú\n\
             1,Rà soát thủ tục hành chính,Văn phòng Sở,06/01/2025,30/04/2025,{note}\n\
             2,Tổng hợp báo cáo tháng,Văn phòng Sở,07/01/2025,05/30/2025,\n"
        )
    };
    std::fs::write(&file, sheet("Theo KH 123/KH-STTTT")).unwrap();
    let made = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 1);
    let told = told(&made);
    assert!(
        told.len() == 1 && told[0].contains("nếu là ngày 30/05/2025"),
        "{told:?}"
    );
    let held = made.directives[0].content.clone();
    std::fs::write(&file, sheet("Theo KH 456/KH-STTTT")).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty());
    let on_row: Vec<_> = seen
        .problems
        .iter()
        .filter(|p| p.row == 2)
        .map(|p| p.message.vi.as_str())
        .collect();
    assert!(
        on_row.len() == 1 && on_row[0].contains("“Theo KH 456/KH-STTTT”"),
        "{on_row:?}"
    );
    assert_eq!(o.directives()[0].content, held);
}

/// A tracker without a "Ngày giao" column: its rows are set aside and told, until one date
/// given is chosen for the rows that state none; a row that states its own keeps it, and a
/// date out of range is refused.
#[test]
fn one_date_given_for_rows_that_state_none() {
    let mut o = Office::new();
    let file = o.path("khong-ngay-giao.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Văn bản giao,Thời hạn\n\
         1,Rà soát quy chế làm việc,Văn phòng Sở,,30/06/2025\n\
         2,Báo cáo chuyển đổi số quý I,Văn phòng Sở,Công văn số 12/STTTT-VP ngày 10/02/2025,31/03/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", seen.problems);
    assert!(
        seen.problems[0].skipped && seen.problems[0].message.vi.contains("ngày giao chung"),
        "{:?}",
        seen.problems
    );
    let with_date = Options {
        given_on: Some(d(2025, 1, 6)),
        ..Options::default()
    };
    let made = intake::commit(&mut o.store, &file, &with_date).unwrap();
    let given: Vec<_> = made.directives.iter().map(|r| r.assigned_on).collect();
    assert_eq!(
        given,
        [d(2025, 1, 6), d(2025, 2, 10)],
        "{:?}",
        made.problems
    );
    assert!(made.problems.is_empty(), "{:?}", made.problems);
    let far = Options {
        given_on: Some(d(9999, 1, 1)),
        ..Options::default()
    };
    let e = intake::preview(&mut o.store, &file, &far).unwrap_err();
    assert!(
        e.message(Lang::Vi).contains("giới hạn"),
        "{}",
        e.message(Lang::Vi)
    );
}

/// The same tracker again, after its deadline was extended in the sheet but not in Giao
/// Ban: nothing is made or changed, and the row says so.
#[test]
fn a_deadline_the_sheet_changed_since_the_import_is_told() {
    let mut o = Office::new();
    let file = o.path("theo-doi-han.csv");
    let sheet = |due: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
             1,Rà soát quy chế làm việc,Văn phòng Sở,05/01/2025,{due},Đang thực hiện\n"
        )
    };
    std::fs::write(&file, sheet("31/03/2025")).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.already, again.problems.len()), (1, 0));
    std::fs::write(&file, sheet("31/03/2025 (gia hạn đến 30/06/2025)")).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty());
    let said = told(&seen);
    assert!(
        said.iter()
            .any(|m| m.contains("thời hạn 31/03/2025") && m.contains("30/06/2025")),
        "{said:?}"
    );
}

/// One meeting written three ways in a tracker's source column is one meeting.
#[test]
fn one_meeting_written_several_ways_is_one() {
    let mut o = Office::new();
    let file = o.path("cuoc-hop.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Cuộc họp giao,Ngày giao\n\
         1,Rà soát quy chế làm việc,Văn phòng Sở,Giao ban tháng 3/2025,05/03/2025\n\
         2,Báo cáo chuyển đổi số quý I,Văn phòng Sở,Họp giao ban tháng 03 năm 2025,05/03/2025\n\
         3,Kiểm tra bản quyền phần mềm,Văn phòng Sở,Cuộc họp giao ban Tháng 3/2025,05/03/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 3, "{:?}", seen.problems);
    assert_eq!(seen.new_meetings.len(), 1, "{:?}", seen.new_meetings);
}

/// What the sheet says around an extension: a period from the deadline, a request that is
/// no approval, a column of reasons, and the completion day beside "Hoàn thành".
#[test]
fn extensions_asked_counted_or_explained_and_days_completed() {
    let mut o = Office::new();
    let file = o.path("gia-han-2.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Lý do gia hạn,Ngày hoàn thành,Tiến độ\n\
         1,Rà soát quy chế làm việc,Văn phòng Sở,05/05/2025,30/06/2025 (gia hạn 2 tháng),Chờ ý kiến Sở Tài chính,,\n\
         2,Báo cáo chuyển đổi số quý II,Văn phòng Sở,05/05/2025,\"30/06/2025, xin gia hạn đến 30/09/2025\",,,\n\
         3,Kiểm tra bản quyền phần mềm,Văn phòng Sở,05/05/2025,30/06/2025,,15/07/2025,Hoàn thành\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<_> = seen
        .directives
        .iter()
        .map(|r| (r.deadline, r.extended_from, r.completed_on))
        .collect();
    let june = Some(d(2025, 6, 30));
    assert_eq!(
        got,
        [
            (Some(d(2025, 8, 30)), june, None),
            (june, None, None),
            (june, None, Some(d(2025, 7, 15))),
        ],
        "{:?}",
        seen.problems
    );
    // The request is told, and the reasons' column is named unused.
    assert!(
        told(&seen).iter().any(|m| m.contains("xin gia hạn")),
        "{:?}",
        told(&seen)
    );
    assert!(seen.sheets[0].unused.iter().any(|c| c == "Lý do gia hạn"));
}

/// A unit name or a meeting title of thousands of characters in a sheet is refused with
/// the rule, and nothing is written.
#[test]
fn names_and_titles_over_their_limit_are_refused() {
    let mut o = Office::new();
    let file = o.path("dai.csv");
    let long = "Phòng ".to_string() + &"Xử lý ".repeat(60);
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n1,Rà soát quy chế làm việc,{long},05/01/2025\n"
        ),
    )
    .unwrap();
    let before = o.content_hash();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let said = match intake::commit(&mut o.store, &file, &create) {
        Err(e) => e.message(Lang::Vi),
        Ok(p) => told(&p).join(" "),
    };
    assert!(said.contains("200 ký tự"), "{said}");
    assert_eq!(o.content_hash(), before);
}

/// Lines of a task's list written in rows of their own, under the row that names its unit
/// and deadline, are part of that directive; a section heading is told, not lost; and a line
/// continuing a row that cannot be read is set aside with it.
#[test]
fn lines_continuing_a_task_and_headings_are_never_lost() {
    let mut o = Office::new();
    let file = o.path("tiep.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Ngày giao,Đơn vị chủ trì,Thời hạn\n\
         ,I. LĨNH VỰC CHUYỂN ĐỔI SỐ,,,\n\
         1,Triển khai các nội dung sau:,05/01/2025,CDS,30/06/2025\n\
         ,- Rà soát hạ tầng dữ liệu các xã;,,,\n\
         ,+ báo cáo kết quả về Sở.,,,\n\
         2,Xây dựng kế hoạch kiểm tra,05/01/2025,,30/06/2025\n\
         ,- trong đó có các doanh nghiệp viễn thông,,,\n\
         \n\
         ,- Dòng rời sau một dòng trống,,,\n\
         3,\"Tổng hợp báo cáo quý,\n(hai dòng trong một ô)\",05/01/2025,VP,\n\
         ,,,,\n\
         ,- Dòng rời sau một dòng chỉ có dấu phẩy,,,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let contents: Vec<&str> = seen.directives.iter().map(|r| r.content.as_str()).collect();
    assert_eq!(
        contents,
        [
            "Triển khai các nội dung sau:\n- Rà soát hạ tầng dữ liệu các xã;\n+ báo cáo kết quả về Sở.",
            "Tổng hợp báo cáo quý,\n(hai dòng trong một ô)"
        ]
    );
    let said: Vec<(u32, bool, &str)> = seen
        .problems
        .iter()
        .map(|p| (p.row, p.skipped, p.message.vi.as_str()))
        .collect();
    assert!(
        said.iter()
            .any(|(r, s, m)| *r == 2 && *s && m.contains("tiêu đề mục")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(r, s, m)| *r == 6 && *s && m.contains("đơn vị chủ trì")),
        "{said:?}"
    );
    assert!(
        said.iter()
            .any(|(r, s, m)| *r == 7 && *s && m.contains("dòng 6")),
        "{said:?}"
    );
    // Blank lines keep their row numbers, as a spreadsheet shows the file.
    assert!(said.iter().any(|(r, s, _)| *r == 9 && *s), "{said:?}");
    assert!(said.iter().any(|(r, s, _)| *r == 12 && *s), "{said:?}");
    // Every row with words is a directive, part of one, or told.
    let rows_told: std::collections::BTreeSet<u32> = said.iter().map(|(r, _, _)| *r).collect();
    assert_eq!(rows_told, [2, 6, 7, 9, 12].into());
    assert_eq!(seen.directives[1].row, 10);
    // Brought in whole, and a second import creates nothing.
    let done = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(done.directives.len(), 2);
    let list = o.directives();
    assert!(
        list.iter()
            .any(|r| r.content.ends_with("+ báo cáo kết quả về Sở.")),
        "{:?}",
        list.iter().map(|r| &r.content).collect::<Vec<_>>()
    );
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty());
}

/// Cells as offices fill them: a share done typed as a percentage-formatted number, a
/// deadline as a range, a period, recurring words or words beside a date, the completion's
/// day in the notes beside "Đã hoàn thành", "HT" with its day, and a day planned in a
/// progress note (not the report's).
#[test]
fn shares_ranges_periods_and_days_in_notes_read_as_written() {
    let mut o = Office::new();
    let file = o.path("o.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let percent = Format::new().set_num_format("0%");
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Thời hạn",
        "Tỷ lệ hoàn thành",
        "Ghi chú",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // content, deadline, share (None: none), what is said of it, notes
    let rows: [(&str, &str, Option<f64>, &str, &str); 14] = [
        ("Việc một", "15/07/2025 - 30/07/2025", Some(0.8), "", ""),
        ("Việc hai", "6 tháng đầu năm 2025", Some(1.0), "", ""),
        ("Việc ba", "Hàng tháng", Some(0.0), "", ""),
        ("Việc bốn", "Đầu tháng 8/2025", None, "", ""),
        ("Việc năm", "31/02/2025", None, "", ""),
        (
            "Việc sáu",
            "30/6/2025",
            None,
            "Đã hoàn thành",
            "hoàn thành ngày 20/5/2025",
        ),
        ("Việc bảy", "30/6/2025", None, "HT 20/02/2025", ""),
        (
            "Việc tám",
            "30/6/2025",
            None,
            "Chưa hoàn thành, dự kiến hoàn thành ngày 30/3/2025",
            "",
        ),
        ("Việc chín", "30/6/2025", None, "Hoàn thành", "20/05/2025"),
        ("Việc mười", "Thường xuyên", None, "", ""),
        ("Việc mười một", "15/07 - 30/07/2025", None, "", ""),
        ("Việc mười hai", "Tháng 7, 8/2025", None, "", ""),
        ("Việc mười ba", "Năm 2025-2026", None, "", ""),
        ("Việc mười bốn", "30/6/2025; 31/12/2025", None, "", ""),
    ];
    for (r, (content, due, share, progress, notes)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_number(r, 0, r as f64).unwrap();
        ws.write_string(r, 1, *content).unwrap();
        ws.write_string(r, 2, "VP").unwrap();
        ws.write_string(r, 3, "02/01/2025").unwrap();
        ws.write_string(r, 4, *due).unwrap();
        // A share under "Tỷ lệ hoàn thành", or words in its place.
        match share {
            Some(s) => ws.write_number_with_format(r, 5, *s, &percent).unwrap(),
            None => ws.write_string(r, 5, *progress).unwrap(),
        };
        ws.write_string(r, 6, *notes).unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let row = |content: &str| {
        seen.directives
            .iter()
            .find(|r| r.content == content)
            .unwrap_or_else(|| panic!("{content}: {:?}", told(&seen)))
    };
    let said = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| (p.skipped, p.message.vi.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(row("Việc một").deadline, Some(d(2025, 7, 30)));
    assert_eq!(row("Việc một").status, DirectiveStatus::InProgress);
    let progress = followup::progress_of(o.store.conn(), row("Việc một").directive_id).unwrap();
    assert_eq!(progress[0].percent, 80);
    assert_eq!(row("Việc hai").deadline, Some(d(2025, 6, 30)));
    assert_eq!(row("Việc hai").status, DirectiveStatus::Done);
    assert_eq!(row("Việc ba").deadline, None);
    assert_eq!(row("Việc ba").status, DirectiveStatus::Assigned);
    assert!(
        said(4)
            .iter()
            .any(|(s, m)| !s && m.contains("“Hàng tháng”")),
        "{:?}",
        said(4)
    );
    assert!(
        said(11)
            .iter()
            .any(|(s, m)| !s && m.contains("“Thường xuyên”")),
        "{:?}",
        said(11)
    );
    // Words beside a date: in without a deadline, told; a date that does not exist: set aside.
    assert_eq!(row("Việc bốn").deadline, None);
    assert!(
        said(5)
            .iter()
            .any(|(s, m)| !s && m.contains("Đầu tháng 8/2025")),
        "{:?}",
        said(5)
    );
    assert!(seen.directives.iter().all(|r| r.content != "Việc năm"));
    assert!(
        said(6).iter().any(|(s, m)| *s && m.contains("31/02/2025")),
        "{:?}",
        said(6)
    );
    assert_eq!(row("Việc sáu").completed_on, Some(d(2025, 5, 20)));
    assert_eq!(row("Việc bảy").completed_on, Some(d(2025, 2, 20)));
    assert_eq!(row("Việc chín").completed_on, Some(d(2025, 5, 20)));
    // A day planned is no day of the report.
    let eight = row("Việc tám");
    assert_eq!(eight.status, DirectiveStatus::InProgress);
    let progress = followup::progress_of(o.store.conn(), eight.directive_id).unwrap();
    assert_ne!(progress[0].reported_on, d(2025, 3, 30));
    // A range whose first day has no year, months listed, years spanned: due by their end.
    assert_eq!(row("Việc mười một").deadline, Some(d(2025, 7, 30)));
    assert_eq!(row("Việc mười hai").deadline, Some(d(2025, 8, 31)));
    assert_eq!(row("Việc mười ba").deadline, Some(d(2026, 12, 31)));
    // Dates of stages: due by the last, told.
    assert_eq!(row("Việc mười bốn").deadline, Some(d(2025, 12, 31)));
    assert!(
        said(15)
            .iter()
            .any(|(s, m)| !s && m.contains("“30/6/2025; 31/12/2025”") && m.contains("31/12/2025;")),
        "{:?}",
        said(15)
    );
}

/// A report due each month in a row a month, and words that read alike only without their
/// marks, are directives of their own; the same directives written otherwise in a later
/// file (the unit by its name, not its code; the meeting as its notice) are not made again.
#[test]
fn rows_alike_are_kept_apart_and_the_same_written_otherwise_is_not_made_twice() {
    let mut o = Office::new();
    let first = o.path("mot.csv");
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Văn bản giao\n\
         1,Báo cáo tình hình thực hiện nhiệm vụ,VP,02/01/2025,31/01/2025,\n\
         2,Báo cáo tình hình thực hiện nhiệm vụ,VP,02/01/2025,28/02/2025,\n\
         3,Báo cáo tình hình thực hiện nhiệm vụ,VP,02/01/2025,28/02/2025,\n\
         4,Kiểm tra việc bảo vệ bí mật,VP,02/01/2025,30/04/2025,\n\
         5,Kiểm tra việc báo về bí mật,VP,02/01/2025,30/04/2025,\n\
         6,Xây dựng quy chế làm việc,VP,,31/03/2025,Giao ban ngày 05/02/2025\n",
    )
    .unwrap();
    let done = intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    let due: Vec<_> = done
        .directives
        .iter()
        .map(|r| (r.row, r.deadline))
        .collect();
    assert_eq!(
        due,
        [
            (2, Some(d(2025, 1, 31))),
            (3, Some(d(2025, 2, 28))),
            (5, Some(d(2025, 4, 30))),
            (6, Some(d(2025, 4, 30))),
            (7, Some(d(2025, 3, 31)))
        ],
        "{:?}",
        told(&done)
    );
    // The very same row twice is one directive, told.
    assert!(
        done.problems
            .iter()
            .any(|p| p.row == 4 && p.skipped && p.message.vi.contains("dòng 3"))
    );
    let again = intake::preview(&mut o.store, &first, &Options::default()).unwrap();
    assert!(again.directives.is_empty());
    assert_eq!(again.already, 5);
    // Written otherwise: the unit by its name, the meeting as the notice names it.
    let second = o.path("hai.csv");
    std::fs::write(
        &second,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn,Văn bản giao\n\
         1,Xây dựng quy chế làm việc.,Văn phòng Sở,31/03/2025,Kết luận giao ban ngày 5/2/2025\n",
    )
    .unwrap();
    let other = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert!(other.directives.is_empty(), "{:?}", other.directives);
    assert!(other.new_meetings.is_empty());
    assert_eq!(other.already, 1);
}

/// A quote opened in a CSV cell and closed rows later would run those rows into one cell:
/// refused with the row where it opens, as is an empty file, and nothing changes.
#[test]
fn a_quote_closed_rows_later_and_an_empty_file_are_told() {
    let mut o = Office::new();
    let before = o.content_hash();
    let file = o.path("ngoac.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao\r\n\
         1;Việc một;VP;10/01/2025\r\n\
         2;\"Việc hai;VP;10/01/2025\r\n\
         3;Việc ba;VP;10/01/2025\r\n\
         4;Việc bốn\";VP;10/01/2025\r\n",
    )
    .unwrap();
    let e = intake::preview(&mut o.store, &file, &Options::default()).unwrap_err();
    assert!(
        matches!(e, Error::Intake(IntakeProblem::QuoteNotClosed { row: 3 })),
        "{e:?}"
    );
    assert!(e.message(Lang::Vi).contains("dòng 3"));
    // A quote inside a cell, closed in it, over two lines, is fine.
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao\n1;\"Việc một,\nhai dòng\";VP;10/01/2025\n",
    )
    .unwrap();
    assert_eq!(
        intake::preview(&mut o.store, &file, &Options::default())
            .unwrap()
            .directives
            .len(),
        1
    );
    let empty = o.path("rong.csv");
    // Nothing, a BOM alone (Excel's "CSV UTF-8" of an empty sheet), blank lines after it.
    for bytes in [
        &b""[..],
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF\r\n\r\n",
        b"\xFF\xFE",
    ] {
        std::fs::write(&empty, bytes).unwrap();
        let e = intake::commit(&mut o.store, &empty, &Options::default()).unwrap_err();
        assert!(
            matches!(e, Error::Intake(IntakeProblem::Empty)),
            "{bytes:?}: {e:?}"
        );
    }
    assert_eq!(o.content_hash(), before);
}

/// A tracker kept unit by unit: a section heading that names a unit ("I. VĂN PHÒNG SỞ") is
/// the lead of the rows under it that name none, told; a heading that names none ends it.
#[test]
fn a_heading_naming_a_unit_leads_the_rows_under_it() {
    let mut o = Office::new();
    let file = o.path("theo-don-vi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n\
         I,VĂN PHÒNG SỞ,,,\n\
         1,Tổng hợp báo cáo tháng,,10/01/2025,31/01/2025\n\
         2,Rà soát quy chế,,10/01/2025,31/03/2025\n\
         II,THANH TRA SỞ,,,\n\
         3,Kiểm tra bưu chính,,10/01/2025,30/06/2025\n\
         4,Kiểm tra viễn thông,KHTC,10/01/2025,30/06/2025\n\
         III,NHIỆM VỤ CHUNG,,,\n\
         5,Tiếp tục thực hiện,,10/01/2025,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leads: Vec<(&str, &str)> = seen
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.lead_unit.as_str()))
        .collect();
    assert_eq!(
        leads,
        [
            ("Tổng hợp báo cáo tháng", "Văn phòng Sở"),
            ("Rà soát quy chế", "Văn phòng Sở"),
            ("Kiểm tra bưu chính", "Thanh tra Sở"),
            ("Kiểm tra viễn thông", "Phòng Kế hoạch - Tài chính"),
        ]
    );
    let said = |n: u32| {
        seen.problems
            .iter()
            .find(|p| p.row == n)
            .map(|p| (p.skipped, p.message.vi.as_str()))
    };
    assert!(
        matches!(said(2), Some((false, m)) if m.contains("“Văn phòng Sở”")),
        "{:?}",
        said(2)
    );
    assert!(
        matches!(said(8), Some((true, m)) if m.contains("tiêu đề mục")),
        "{:?}",
        said(8)
    );
    assert!(
        matches!(said(9), Some((true, m)) if m.contains("đơn vị chủ trì")),
        "{:?}",
        said(9)
    );
}

/// A note typed in the unit's cell, longer than any unit's name, sets its row aside with why;
/// the preview of the other rows goes on, and a commit brings them in.
#[test]
fn a_unit_cell_longer_than_any_name_is_told_on_its_row() {
    let mut o = Office::new();
    let file = o.path("dai.csv");
    let long = "Phòng phụ trách ".repeat(20);
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
             1,Việc một,VP,10/01/2025\n\
             2,Việc hai,{long},10/01/2025\n"
        ),
    )
    .unwrap();
    let create = Options {
        create_units: true,
        ..Options::default()
    };
    let done = intake::commit(&mut o.store, &file, &create).unwrap();
    assert_eq!(done.directives.len(), 1);
    assert!(done.new_units.is_empty());
    assert!(
        done.problems
            .iter()
            .any(|p| p.row == 3 && p.skipped && p.message.vi.contains("dài quá 200 ký tự")),
        "{:?}",
        told(&done)
    );
}

/// A notice of paragraphs, written with docx-rs.
fn plain_notice(path: &Path, lines: &[&str]) {
    use docx_rs::{Docx, Paragraph, Run};
    let mut doc = Docx::new();
    for line in lines {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*line)));
    }
    doc.build()
        .pack(std::fs::File::create(path).unwrap())
        .unwrap();
}

/// Another copy of a notice brought in before (a word corrected, a task added) is the same
/// meeting: its directives held are not made again, only the new one joins that meeting.
#[test]
fn another_copy_of_a_notice_adds_only_what_is_new() {
    let mut o = Office::new();
    let first = o.path("tb.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.extend(&TASKS[..2]);
    plain_notice(&first, &lines);
    let made = intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 2, "{:?}", told(&made));
    let second = o.path("tb-sua.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines[3] = "Thành phần: đồng chí Trần Thị Bình, Chánh Văn phòng Sở; đồng chí Lê Văn Cường.";
    lines.extend(&TASKS[..2]);
    lines.push("Thanh tra Sở kiểm tra việc cấp phép bưu chính, báo cáo trước ngày 30/5/2025.");
    plain_notice(&second, &lines);
    let seen = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert_eq!(seen.already, 2);
    assert!(seen.new_meetings.is_empty());
    let added = intake::commit(&mut o.store, &second, &Options::default()).unwrap();
    assert_eq!(added.directives.len(), 1, "{:?}", added.directives);
    assert_eq!(added.directives[0].lead_unit, "Thanh tra Sở");
    let rows = o.directives();
    assert_eq!(rows.len(), 3);
    let meetings: std::collections::BTreeSet<_> = rows.iter().map(|r| r.meeting_id).collect();
    assert_eq!(meetings.len(), 1, "one meeting");
    // And this copy again: nothing.
    let again = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert!(again.directives.is_empty());
    // A third copy, a word changed inside a task and its deadline moved: held, not made
    // again, and what differs told.
    let third = o.path("tb-sua-2.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.push("Phòng Kế hoạch - Tài chính chủ trì tham mưu dự toán ngân sách năm 2026, hoàn thành trước ngày 15/7/2025.");
    lines.push("Văn phòng Sở tổng hợp báo cáo kết quả tháng 4, gửi trước ngày 25/4/2025.");
    plain_notice(&third, &lines);
    let seen = intake::preview(&mut o.store, &third, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    // Each counted once: told as it differs, not also as held.
    assert_eq!(
        (
            seen.already,
            seen.problems.iter().filter(|p| p.skipped).count()
        ),
        (0, 2),
        "{:?}",
        told(&seen)
    );
    let says = told(&seen);
    assert!(
        says.iter()
            .any(|m| m.contains("thời hạn ở bản này 15/07/2025, Giao Ban đang ghi 30/06/2025")),
        "{says:?}"
    );
    assert!(
        says.iter()
            .any(|m| m.contains("gửi trước") || m.contains("“Văn phòng Sở tổng hợp")),
        "{says:?}"
    );
}

/// A notice whose tasks are a table (Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời
/// hạn) gives each row's cells as they are: the content without the unit's name, the units
/// whole (one the directory lacks, to confirm), the deadline as its cell says.
#[test]
fn a_table_of_tasks_in_a_notice_is_read_cell_by_cell() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let mut o = Office::new();
    let file = o.path("tb-bang.docx");
    let mut doc = Docx::new();
    for line in NOTICE {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let row = |cells: [&str; 5]| TableRow::new(cells.iter().map(|c| cell(c)).collect());
    doc = doc.add_table(Table::new(vec![
        row([
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Đơn vị phối hợp",
            "Thời hạn",
        ]),
        row([
            "1",
            "Tham mưu dự toán ngân sách năm 2026",
            "Phòng Kế hoạch - Tài chính",
            "Văn phòng Sở",
            "30/6/2025",
        ]),
        row([
            "2",
            "Hướng dẫn chuyển đổi số cấp xã",
            "Phòng Văn hóa và Thông tin huyện Bát Xát",
            "",
            "Tháng 7, 8/2025",
        ]),
        row([
            "3",
            "Kiểm tra cấp phép bưu chính",
            "Thanh tra Sở",
            "Phòng Chuyển đổi số",
            "Quý III/2025",
        ]),
    ]));
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let props = &p.document.as_ref().unwrap().proposals;
    let find = |content: &str| {
        props
            .iter()
            .find(|x| x.content == content)
            .unwrap_or_else(|| panic!("{content}: {props:#?}"))
    };
    let one = find("Tham mưu dự toán ngân sách năm 2026");
    assert_eq!(
        one.lead_unit.as_ref().unwrap().name,
        "Phòng Kế hoạch - Tài chính"
    );
    assert_eq!(one.coordinating_units.len(), 1);
    assert_eq!(one.coordinating_units[0].name, "Văn phòng Sở");
    assert_eq!(one.deadline, Some(d(2025, 6, 30)));
    let two = find("Hướng dẫn chuyển đổi số cấp xã");
    assert_eq!(
        two.lead_unit.as_ref().unwrap().name,
        "Phòng Văn hóa và Thông tin huyện Bát Xát"
    );
    assert_eq!(two.deadline, Some(d(2025, 8, 31)));
    let three = find("Kiểm tra cấp phép bưu chính");
    assert_eq!(three.lead_unit.as_ref().unwrap().name, "Thanh tra Sở");
    assert_eq!(three.deadline, Some(d(2025, 9, 30)));
    // Each row once: the table's sentences in the text give no proposals of their own.
    assert_eq!(props.len(), 3, "{props:#?}");
    assert_eq!(
        p.new_units
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>(),
        ["Phòng Văn hóa và Thông tin huyện Bát Xát"]
    );
}

/// What a second look at the fixes found: a report due each month keeps each month's row
/// when the sheet grows by one, in any order; a heading typed in the number's column leads
/// the rows under it; shares typed as fractions beside a percent; a quote inside a cell.
#[test]
fn a_growing_sheet_headings_in_the_number_column_shares_and_inch_marks() {
    let mut o = Office::new();
    let row = |m: &str| format!("Báo cáo tháng,VP,05/01/2025,{m}\n");
    let head = "Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n";
    let jan_mar = format!(
        "{head}{}{}{}",
        row("31/01/2025"),
        row("28/02/2025"),
        row("31/03/2025")
    );
    let file = o.path("thang.csv");
    std::fs::write(&file, &jan_mar).unwrap();
    assert_eq!(
        intake::commit(&mut o.store, &file, &Options::default())
            .unwrap()
            .directives
            .len(),
        3
    );
    // A month more, the months in another order.
    let grown = format!(
        "{head}{}{}{}{}",
        row("31/03/2025"),
        row("30/04/2025"),
        row("31/01/2025"),
        row("28/02/2025")
    );
    std::fs::write(&file, grown).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        (seen.directives.len(), seen.already),
        (1, 3),
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.directives[0].deadline, Some(d(2025, 4, 30)));
    assert!(seen.problems.is_empty(), "{:?}", told(&seen));

    let file = o.path("khac.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let percent = Format::new().set_num_format("0%");
    for (c, h) in [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Tiến độ",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 1, 4, "II. THANH TRA SỞ", &Format::new())
        .unwrap();
    for (r, (content, share)) in [("Việc một", 0.8), ("Việc hai", 80.0), ("Việc ba", 1.0)]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 2;
        ws.write_string(r, 1, *content).unwrap();
        ws.write_string(r, 3, "05/01/2025").unwrap();
        ws.write_number_with_format(r, 4, *share, &percent).unwrap();
    }
    ws.write_string(5, 1, "Mua màn hình 27\" cho phòng họp")
        .unwrap();
    ws.write_string(5, 2, "VP").unwrap();
    ws.write_string(5, 3, "05/01/2025").unwrap();
    wb.save(&file).unwrap();
    let done = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, &str, DirectiveStatus)> = done
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.lead_unit.as_str(), r.status))
        .collect();
    assert_eq!(
        got,
        [
            ("Việc một", "Thanh tra Sở", DirectiveStatus::InProgress),
            ("Việc hai", "Thanh tra Sở", DirectiveStatus::InProgress),
            ("Việc ba", "Thanh tra Sở", DirectiveStatus::Done),
            (
                "Mua màn hình 27\" cho phòng họp",
                "Văn phòng Sở",
                DirectiveStatus::Assigned
            ),
        ],
        "{:?}",
        told(&done)
    );
    for r in &done.directives[..2] {
        assert_eq!(
            followup::progress_of(o.store.conn(), r.directive_id).unwrap()[0].percent,
            80
        );
    }
    // The same text as a CSV: the inch mark is a character of its cell.
    let csv = o.path("inch.csv");
    std::fs::write(&csv, "Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao\nMua màn hình 32\" cho hội trường;VP;05/01/2025\n").unwrap();
    let seen = intake::preview(&mut o.store, &csv, &Options::default()).unwrap();
    assert_eq!(
        seen.directives[0].content,
        "Mua màn hình 32\" cho hội trường"
    );
}

/// "Đã hoàn thành 1 phần" is under way, not done; a deadline's cell of a task's words and a
/// date brings the row in without a deadline, told, rather than setting it aside.
#[test]
fn part_done_and_a_deadline_among_words() {
    let mut o = Office::new();
    let file = o.path("mot-phan.csv");
    std::fs::write(
        &file,
        "Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Thời hạn;Tiến độ\n\
         Việc một;VP;05/01/2025;30/06/2025;Đã hoàn thành 1 phần ngày 20/02/2025\n\
         Việc hai;VP;05/01/2025;Trình dự thảo trước 30/4/2025;\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", told(&seen));
    assert_eq!(seen.directives[0].status, DirectiveStatus::InProgress);
    assert!(
        seen.problems.iter().any(|p| p.row == 3 && !p.skipped),
        "{:?}",
        told(&seen)
    );
}

/// A unit's cell is read as a name, not searched: the centre by its kind words and initials
/// is the centre; a name with words repeated is no unit held, but a new one to confirm; a
/// sentence typed in the cell is no unit at all, told, and the unit named beside it leads.
#[test]
fn unit_cells_are_read_as_names_not_searched() {
    let mut o = Office::new();
    let file = o.path("donvi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao\n\
         1,Nâng cấp cổng thông tin,Trung tâm CNTT,05/01/2025\n\
         2,Lập dự toán năm 2026,Phòng Kế hoạch - Tài chính Kế hoạch Kế hoạch,05/01/2025\n\
         3,Rà soát quy chế,\"Văn phòng Sở; báo cáo kết quả về Giám đốc Sở. Văn phòng Sở tổng hợp chung\",05/01/2025\n\
         4,Kiểm tra an toàn thông tin,\"Báo cáo kết quả về Giám đốc Sở. Văn phòng Sở tổng hợp chung\",05/01/2025\n\
         5,Tiếp nhận hồ sơ,UBND TP. Lào Cai,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let row = |content: &str| seen.directives.iter().find(|r| r.content == content);
    assert_eq!(
        row("Nâng cấp cổng thông tin").map(|r| r.lead_unit.as_str()),
        Some("Trung tâm Công nghệ thông tin và Truyền thông"),
        "{:?}",
        told(&seen)
    );
    let names: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert!(
        names.contains(&"Phòng Kế hoạch - Tài chính Kế hoạch Kế hoạch"),
        "{names:?}"
    );
    assert!(
        row("Lập dự toán năm 2026").is_none_or(|r| r.lead_unit != "Phòng Kế hoạch - Tài chính"),
        "{:?}",
        row("Lập dự toán năm 2026")
    );
    // No sentence proposed as a unit; the unit beside it leads, and the sentence is told.
    assert!(
        names
            .iter()
            .all(|n| !n.contains("báo cáo") && !n.contains("Báo cáo")),
        "{names:?}"
    );
    assert_eq!(
        row("Rà soát quy chế").map(|r| r.lead_unit.as_str()),
        Some("Văn phòng Sở")
    );
    let on_row = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| (p.skipped, p.message.vi.clone()))
            .collect::<Vec<_>>()
    };
    assert!(
        on_row(4)
            .iter()
            .any(|(s, m)| !s && m.contains("báo cáo kết quả về Giám đốc Sở")),
        "{:?}",
        on_row(4)
    );
    assert!(row("Kiểm tra an toàn thông tin").is_none());
    assert!(on_row(5).iter().any(|(s, _)| *s), "{:?}", on_row(5));
    // A name's own stop is no sentence's: proposed as the unit it names.
    assert!(names.contains(&"UBND TP. Lào Cai"), "{names:?}");
}

/// The sheet imported before, grown since: a sub-item added under a task and progress
/// reported further. The held directives are not made again, and what the sheet says that
/// they lack is told on its row, not dropped.
#[test]
fn a_grown_sheet_tells_what_the_held_directives_lack() {
    let mut o = Office::new();
    let first = o.path("v1.csv");
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Xây dựng kế hoạch chuyển đổi số,VP,05/01/2025,30/06/2025,Đang thực hiện 50%\n\
         ,- Khảo sát hiện trạng,,,,\n\
         2,Rà soát quy chế làm việc,VP,05/01/2025,31/03/2025,Đang thực hiện\n\
         3,Tổng hợp báo cáo quý,VP,05/01/2025,31/03/2025,Đang thực hiện 20%\n",
    )
    .unwrap();
    let seen = intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 3, "{:?}", told(&seen));
    // The same file again: nothing new, nothing told.
    let again = intake::preview(&mut o.store, &first, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 3));
    assert!(again.problems.is_empty(), "{:?}", told(&again));
    let grown = o.path("v2.csv");
    std::fs::write(
        &grown,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Xây dựng kế hoạch chuyển đổi số,VP,05/01/2025,30/06/2025,Đang thực hiện 80%\n\
         ,- Khảo sát hiện trạng,,,,\n\
         ,- Lập dự toán kinh phí,,,,\n\
         2,Rà soát quy chế làm việc,VP,05/01/2025,31/03/2025,Đang thực hiện - đã trình dự thảo\n\
         3,Tổng hợp báo cáo quý,VP,05/01/2025,31/03/2025,Đang thực hiện 20%\n",
    )
    .unwrap();
    let before = o.content_hash();
    let seen = intake::preview(&mut o.store, &grown, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    assert_eq!(seen.already, 1, "{:?}", told(&seen));
    let on_row = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| p.message.vi.as_str())
            .collect::<Vec<_>>()
    };
    assert!(
        on_row(2)
            .iter()
            .any(|m| m.contains("“Đang thực hiện 80%”") && m.contains("50%")),
        "{:?}",
        told(&seen)
    );
    assert!(
        on_row(4).iter().any(|m| m.contains("dòng 2")),
        "{:?}",
        told(&seen)
    );
    assert!(on_row(3).is_empty(), "{:?}", on_row(3));
    assert!(
        on_row(5).iter().any(|m| m.contains("đã trình dự thảo")),
        "{:?}",
        told(&seen)
    );
    assert!(on_row(6).is_empty(), "{:?}", on_row(6));
    assert_eq!(o.content_hash(), before);
}

/// What a second attack found in trackers: the words that hand a task over or say a unit's
/// role beside its name, ditto marks, cells that name no unit, a count for a task, a year no
/// date has, notes that say a part done; and a re-import telling every change of a row.
#[test]
fn unit_cells_as_secretaries_type_them_and_every_change_told() {
    let mut o = Office::new();
    let file = o.path("nhap.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Việc một,\"Giao Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở\",05/01/2025,30/06/2025,\n\
         2,Việc hai,nt,05/01/2025,30/06/2025,\n\
         3,Việc ba,Văn phòng Sở thực hiện,05/01/2025,30/06/2025,\n\
         4,Việc bốn,Đề nghị VP,05/01/2025,30/06/2025,Chưa hoàn thành (đã hoàn thành 3/5 nội dung)\n\
         5,Việc năm,1,05/01/2025,30/06/2025,\n\
         6,Việc sáu,Chưa xác định,05/01/2025,30/06/2025,\n\
         7,3,VP,05/01/2025,30/06/2025,\n\
         8,Việc tám,VP,05/01/2025,31/12/20255,\n\
         9,Việc chín,Phòng KHTC tham mưu,05/01/2025,30/06/2025,Đã hoàn thành dự thảo\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    let row = |c: &str| {
        seen.directives
            .iter()
            .find(|r| r.content == c)
            .unwrap_or_else(|| panic!("{c}: {:?}", told(&seen)))
    };
    assert_eq!(row("Việc một").lead_unit, "Văn phòng Sở");
    assert_eq!(row("Việc một").coordinating_units, ["Thanh tra Sở"]);
    assert_eq!(row("Việc hai").lead_unit, "Văn phòng Sở");
    assert_eq!(row("Việc ba").lead_unit, "Văn phòng Sở");
    assert_eq!(row("Việc bốn").lead_unit, "Văn phòng Sở");
    assert_eq!(row("Việc bốn").status, DirectiveStatus::InProgress);
    assert_eq!(row("Việc chín").lead_unit, "Phòng Kế hoạch - Tài chính");
    assert_eq!(row("Việc chín").status, DirectiveStatus::InProgress);
    let set_aside = |n: u32| seen.problems.iter().any(|p| p.row == n && p.skipped);
    for (n, content) in [(6, "Việc năm"), (7, "Việc sáu"), (8, "3"), (9, "Việc tám")] {
        assert!(set_aside(n), "row {n}: {:?}", told(&seen));
        assert!(seen.directives.iter().all(|r| r.content != content));
    }

    // Brought in, then the sheet changes a row's deadline and says it done, and stops another.
    let first = o.path("v1.csv");
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Rà soát quy chế,VP,05/01/2025,30/06/2025,\n\
         2,Khảo sát hiện trạng,VP,05/01/2025,30/06/2025,\n",
    )
    .unwrap();
    intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Rà soát quy chế,VP,05/01/2025,15/07/2025,Đã hoàn thành ngày 10/07/2025\n\
         2,Khảo sát hiện trạng,VP,05/01/2025,30/06/2025,Dừng thực hiện\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &first, &Options::default()).unwrap();
    assert!(seen.directives.is_empty());
    let on_row = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| p.message.vi.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(on_row(2).len(), 2, "{:?}", on_row(2));
    assert!(
        on_row(2).iter().any(|m| m.contains("15/07/2025")),
        "{:?}",
        on_row(2)
    );
    assert!(
        on_row(3).iter().any(|m| m.contains("“Dừng thực hiện”")),
        "{:?}",
        on_row(3)
    );
}

/// A notice's table of tasks as Word makes them: a lead cell merged down over two rows, a
/// blank one, units with their roles in brackets, the centre by its initials, and a date that
/// does not exist. No row is left out unseen.
#[test]
fn a_word_table_of_tasks_with_merged_and_blank_cells() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};
    let mut o = Office::new();
    let file = o.path("tb-gop.docx");
    let mut doc = Docx::new();
    for line in NOTICE {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(line)));
    }
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let row = |cells: Vec<TableCell>| TableRow::new(cells);
    doc = doc.add_table(Table::new(vec![
        row(vec![
            cell("Nội dung"),
            cell("Đơn vị chủ trì"),
            cell("Thời hạn"),
        ]),
        row(vec![
            cell("Rà soát thủ tục hành chính"),
            cell("Văn phòng Sở").vertical_merge(VMergeType::Restart),
            cell("30/6/2025"),
        ]),
        row(vec![
            cell("Đào tạo kỹ năng an toàn thông tin"),
            TableCell::new()
                .add_paragraph(Paragraph::new())
                .vertical_merge(VMergeType::Continue),
            cell("30/9/2025"),
        ]),
        row(vec![cell("Tổng hợp số liệu"), cell(""), cell("31/7/2025")]),
        row(vec![
            cell("Kiểm tra cấp phép"),
            cell("Văn phòng Sở (chủ trì), Thanh tra Sở (phối hợp)"),
            cell("31/02/2025"),
        ]),
        row(vec![
            cell("Nâng cấp cổng thông tin"),
            cell("Trung tâm CNTT"),
            cell(""),
        ]),
    ]));
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let props = &p.document.as_ref().unwrap().proposals;
    let find = |content: &str| {
        props
            .iter()
            .find(|x| x.content.starts_with(content))
            .unwrap_or_else(|| panic!("{content}: {props:#?}"))
    };
    let lead = |content: &str| find(content).lead_unit.as_ref().map(|u| u.name.clone());
    assert_eq!(lead("Đào tạo kỹ năng").as_deref(), Some("Văn phòng Sở"));
    assert_eq!(find("Đào tạo kỹ năng").deadline, Some(d(2025, 9, 30)));
    assert_eq!(lead("Tổng hợp số liệu"), None);
    assert!(
        told(&p).iter().any(|m| m.contains("Tổng hợp số liệu")),
        "{:?}",
        told(&p)
    );
    let check = find("Kiểm tra cấp phép");
    assert_eq!(check.lead_unit.as_ref().unwrap().name, "Văn phòng Sở");
    assert_eq!(check.coordinating_units[0].name, "Thanh tra Sở");
    assert_eq!(check.deadline, None);
    assert!(check.content.contains("31/02/2025"), "{}", check.content);
    assert_eq!(
        lead("Nâng cấp cổng").as_deref(),
        Some("Trung tâm Công nghệ thông tin và Truyền thông")
    );
    assert!(p.new_units.is_empty(), "{:?}", p.new_units);
}

/// A Word file that is no meeting's (a letter, a page of notes) is refused, not made a
/// meeting named after the file.
#[test]
fn a_document_that_is_no_meeting_is_refused() {
    let mut o = Office::new();
    let file = o.path("ghi-chu.docx");
    let before = o.content_hash();
    for lines in [
        &["Hôm nay trời đẹp.", "Mai đi chợ mua rau."][..],
        &["Chúng tôi đi chơi công viên ngày 14/5/2025 với Văn phòng Sở."],
        &[
            "DANH SÁCH CÁN BỘ",
            "1. Nguyễn Văn A - Văn phòng Sở",
            "2. Trần Thị B - Thanh tra Sở",
        ],
        &[
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "BÁO CÁO",
            "Kết quả thực hiện nhiệm vụ năm 2025",
            "1. Phòng Chuyển đổi số tham mưu kế hoạch năm 2026, trình trước 31/01/2026.",
            "Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2025./.",
        ],
    ] {
        plain_notice(&file, lines);
        let e = intake::commit(&mut o.store, &file, &Options::default()).unwrap_err();
        assert!(
            matches!(e, Error::Intake(IntakeProblem::NoMeeting)),
            "{lines:?}: {e:?}"
        );
        assert!(e.message(Lang::Vi).contains("không nói về một cuộc họp"));
    }
    assert_eq!(o.content_hash(), before);
}

/// Items of a task on rows of their own, each with its deadline or state but no unit, number
/// or date: tasks of the unit above, given when it was, told; words alone still join it.
#[test]
fn sub_items_with_deadlines_of_their_own_are_tasks_of_the_unit_above() {
    let mut o = Office::new();
    let file = o.path("con.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ,Ghi chú\n\
         1,Triển khai Wi-Fi công cộng,TTCNTT,05/01/2025,31/12/2025,,Theo Kế hoạch 12/KH-STTTT\n\
         ,- Khảo sát điểm lắp đặt,,,,,\n\
         ,- Lắp đặt thiết bị tại 50 xã,,,30/06/2025,Đang thực hiện,\n\
         ,- Tập huấn quản trị,,,30/09/2025,,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        seen.directives.len(),
        3,
        "{:?} {:?}",
        seen.directives,
        told(&seen)
    );
    let parent = &seen.directives[0];
    assert!(
        parent.content.contains("Khảo sát điểm lắp đặt"),
        "{}",
        parent.content
    );
    // A note that says no state leaves the task as given, its words kept.
    assert_eq!(parent.status, DirectiveStatus::Assigned);
    assert!(
        parent
            .content
            .contains("(Ghi chú: Theo Kế hoạch 12/KH-STTTT)"),
        "{}",
        parent.content
    );
    let item = &seen.directives[1];
    assert_eq!(item.content, "Lắp đặt thiết bị tại 50 xã");
    assert_eq!(
        item.lead_unit,
        "Trung tâm Công nghệ thông tin và Truyền thông"
    );
    assert_eq!(item.assigned_on, d(2025, 1, 5));
    assert_eq!(item.deadline, Some(d(2025, 6, 30)));
    assert_eq!(item.status, DirectiveStatus::InProgress);
    assert_eq!(seen.directives[2].deadline, Some(d(2025, 9, 30)));
    let told_rows: Vec<u32> = seen
        .problems
        .iter()
        .filter(|p| !p.skipped && p.message.vi.contains("dòng 2"))
        .map(|p| p.row)
        .collect();
    assert_eq!(told_rows, [4, 5], "{:?}", told(&seen));
}

/// What a tracker says that a reader must check is told: several units in the lead's cell,
/// a deadline that says no year; a spreadsheet's error shown as text is an error; letters
/// typed with their marks apart are stored composed.
#[test]
fn guesses_are_told_errors_shown_as_text_are_errors_and_marks_are_composed() {
    let mut o = Office::new();
    let file = o.path("doan.csv");
    // "Rà soát" with its marks apart (NFD), as some programs write it.
    let apart = "Ra\u{300} soa\u{301}t quy chê\u{301}";
    std::fs::write(
        &file,
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Ghi chú\n\
             1,{apart},\"Văn phòng Sở, Thanh tra Sở\",05/01/2025,Tuần sau,\n\
             2,Tổng hợp số liệu,VP,05/01/2025,30/6,\n\
             3,Kiểm tra hồ sơ,VP,05/01/2025,30/06/2025,#DIV/0!\n"
        ),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let on_row = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| (p.skipped, p.message.vi.clone()))
            .collect::<Vec<_>>()
    };
    let first = &seen.directives[0];
    assert_eq!(first.content, "Rà soát quy chế");
    assert_eq!(first.lead_unit, "Văn phòng Sở");
    assert_eq!(first.coordinating_units, ["Thanh tra Sở"]);
    assert_eq!(first.deadline, Some(d(2025, 1, 10)));
    assert!(
        on_row(2)
            .iter()
            .any(|(s, m)| !s && m.contains("nhiều đơn vị")),
        "{:?}",
        on_row(2)
    );
    assert!(
        on_row(2)
            .iter()
            .any(|(s, m)| !s && m.contains("“Tuần sau”") && m.contains("10/01/2025")),
        "{:?}",
        on_row(2)
    );
    assert!(
        on_row(3).iter().any(|(s, m)| !s && m.contains("“30/6”")),
        "{:?}",
        on_row(3)
    );
    // An error value in the notes: the task comes in without them, told.
    assert!(
        on_row(4).iter().any(|(s, m)| !s && m.contains("#N/A")),
        "{:?}",
        on_row(4)
    );
    assert_eq!(seen.directives.len(), 3);
}

/// The same file again, with items of a task on rows of their own: nothing made, nothing told.
#[test]
fn sub_items_brought_in_before_are_not_told_again() {
    let mut o = Office::new();
    let file = o.path("con-lai.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n\
         1,Triển khai Wi-Fi công cộng,TTCNTT,05/01/2025,31/12/2025\n\
         ,- Lắp đặt thiết bị tại 50 xã,,,30/06/2025\n\
         2,Kiểm tra hồ sơ,VP,05/01/2025,30/06/1925\n",
    )
    .unwrap();
    let first = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(first.directives.len(), 2, "{:?}", told(&first));
    // A year no tracker means sets its row aside.
    assert!(
        first.problems.iter().any(|p| p.row == 4 && p.skipped),
        "{:?}",
        told(&first)
    );
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 2));
    assert!(
        again.problems.iter().all(|p| p.row == 4),
        "{:?}",
        told(&again)
    );
}

/// Ditto marks under any cell but the task's words take the cell above: the coordinating
/// units, the deadline, the day given.
#[test]
fn ditto_marks_under_any_cell_take_the_cell_above() {
    let mut o = Office::new();
    let file = o.path("nt.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn\n\
         1,Việc một,VP,Thanh tra Sở,05/01/2025,30/06/2025\n\
         2,Việc hai,nt,nt,Như trên,-nt-\n\
         3,Việc ba,KHTC,\"\"\"\",\"\"\"\",\"\"\"\"\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 3, "{:?}", told(&seen));
    for r in &seen.directives[1..] {
        assert_eq!(r.coordinating_units, ["Thanh tra Sở"], "{r:?}");
        assert_eq!(r.assigned_on, d(2025, 1, 5), "{r:?}");
        assert_eq!(r.deadline, Some(d(2025, 6, 30)), "{r:?}");
    }
    assert_eq!(seen.directives[1].lead_unit, "Văn phòng Sở");
    assert_eq!(seen.directives[2].lead_unit, "Phòng Kế hoạch - Tài chính");
}

/// A held row the sheet now says otherwise of: done on another day, not done after all, with
/// another coordinating unit. Each is told on its row; nothing is made again.
#[test]
fn a_held_row_said_otherwise_is_told_each_way() {
    let mut o = Office::new();
    let file = o.path("doi.csv");
    let head = "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao,Thời hạn,Tiến độ\n";
    std::fs::write(
        &file,
        format!(
            "{head}1,Việc một,VP,,05/01/2025,30/06/2025,Đã hoàn thành ngày 20/02/2025\n\
             2,Việc hai,VP,,05/01/2025,30/06/2025,Đã hoàn thành ngày 20/02/2025\n\
             3,Việc ba,VP,,05/01/2025,30/06/2025,\n"
        ),
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    std::fs::write(
        &file,
        format!(
            "{head}1,Việc một,VP,,05/01/2025,30/06/2025,Đã hoàn thành ngày 25/02/2025\n\
             2,Việc hai,VP,,05/01/2025,30/06/2025,Chưa hoàn thành\n\
             3,Việc ba,VP,Thanh tra Sở,05/01/2025,30/06/2025,\n"
        ),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    let on_row = |n: u32| {
        seen.problems
            .iter()
            .filter(|p| p.row == n)
            .map(|p| p.message.vi.as_str())
            .collect::<Vec<_>>()
    };
    assert!(
        on_row(2)
            .iter()
            .any(|m| m.contains("25/02/2025") && m.contains("20/02/2025")),
        "{:?}",
        on_row(2)
    );
    assert!(
        on_row(3).iter().any(|m| m.contains("“Chưa hoàn thành”")),
        "{:?}",
        on_row(3)
    );
    assert!(
        on_row(4).iter().any(|m| m.contains("“Thanh tra Sở”")),
        "{:?}",
        on_row(4)
    );
}

/// A row hidden in the workbook (filtered out, or hidden by hand), or struck through (its
/// task's words), comes in, told; one cell struck alone is left out (its value crossed out),
/// told at its column. The same in .xlsx, .ods and .xls.
#[test]
fn hidden_rows_are_told() {
    let mut o = Office::new();
    let file = o.path("an.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in [
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Ngày giao",
            "Tiến độ",
        ],
        ["1", "Việc một", "VP", "05/01/2025", ""],
        ["2", "Việc hai (đã bỏ)", "VP", "05/01/2025", ""],
        ["3", "Việc ba", "VP", "05/01/2025", ""],
        ["4", "Việc bốn", "VP", "05/01/2025", ""],
        ["5", "Việc năm", "VP", "05/01/2025", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    ws.set_row_hidden(2).unwrap();
    // Row 4 struck through, as offices mark a task withdrawn.
    let struck = Format::new().set_font_strikethrough();
    ws.write_string_with_format(3, 1, "Việc ba", &struck)
        .unwrap();
    // Row 5: its state crossed out; row 6: its lead, no other written.
    ws.write_string_with_format(4, 4, "Đã hoàn thành ngày 10/01/2025", &struck)
        .unwrap();
    ws.write_string_with_format(5, 2, "VP", &struck).unwrap();
    wb.save(&file).unwrap();
    let check = |o: &mut Office, file: &Path| {
        let seen = intake::preview(&mut o.store, file, &Options::default()).unwrap();
        let states: Vec<DirectiveStatus> = seen.directives.iter().map(|r| r.status).collect();
        assert_eq!(
            states,
            [DirectiveStatus::Assigned; 4],
            "{file:?}: {:?}",
            told(&seen)
        );
        let crossed = told_at(&seen, "(“Đã hoàn thành ngày 10/01/2025”)");
        assert_eq!(
            crossed,
            [(5, "E (Tiến độ / kết quả)")],
            "{file:?}: {:?}",
            told(&seen)
        );
        let lead_struck = set_aside_saying(&seen, "Đơn vị chủ trì “VP” bị gạch ngang");
        assert_eq!(lead_struck, [6], "{file:?}: {:?}", told(&seen));
        let on = |words: &str| -> Vec<u32> {
            seen.problems
                .iter()
                .filter(|p| !p.skipped && p.message.vi.contains(words))
                .map(|p| p.row)
                .collect()
        };
        assert_eq!(on("đang ẩn"), [3], "{file:?}: {:?}", told(&seen));
        assert_eq!(on("Dòng bị gạch ngang"), [4], "{file:?}: {:?}", told(&seen));
    };
    check(&mut o, &file);
    // The same sheet saved by LibreOffice as .ods or .xls reads alike.
    for to in ["ods", "xls"] {
        if let Some(other) = o.converted(&file, to) {
            check(&mut o, &other);
        }
    }
}

/// Words struck through inside a cell (a unit crossed out and another written beside it, an
/// old deadline, read as the first one extended, an old state) are not read as the cell's;
/// each is told at its column. The
/// same sheet saved as .ods or .xls reads alike.
#[test]
fn words_struck_inside_a_cell_are_not_read() {
    // Where the struck words are told: the lead, the deadline, the progress.
    const STRUCK_AT: [(u32, &str); 2] = [(2, "C (Đơn vị chủ trì)"), (4, "F (Tiến độ / kết quả)")];
    // Where a deadline struck is told as the first one, extended.
    const FIRST_AT: [(u32, &str); 2] = [(3, "E (Thời hạn)"), (5, "E (Thời hạn)")];
    let mut o = Office::new();
    let file = o.path("gach.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let header = [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Thời hạn",
        "Tiến độ",
    ];
    ws.write_row(0, 0, header).unwrap();
    for (r, row) in [
        [
            "1",
            "Rà soát quy chế",
            "",
            "05/01/2025",
            "30/06/2025",
            "Đang thực hiện",
        ],
        [
            "2",
            "Lập dự toán",
            "KHTC",
            "05/01/2025",
            "",
            "Đang thực hiện",
        ],
        [
            "3",
            "Nâng cấp máy chủ",
            "VP",
            "05/01/2025",
            "30/06/2025",
            "",
        ],
        [
            "4",
            "Số hóa hồ sơ lưu trữ",
            "VP",
            "05/01/2025",
            "",
            "Đang thực hiện",
        ],
    ]
    .iter()
    .enumerate()
    {
        ws.write_row(r as u32 + 1, 0, *row).unwrap();
    }
    let struck = Format::new().set_font_strikethrough();
    let plain = Format::new();
    ws.write_rich_string(
        1,
        2,
        &[(&struck, "Thanh tra Sở"), (&plain, " Văn phòng Sở")],
    )
    .unwrap();
    ws.write_rich_string(2, 4, &[(&struck, "30/06/2025"), (&plain, " 30/09/2025")])
        .unwrap();
    ws.write_rich_string(
        3,
        5,
        &[
            (&struck, "Đang thực hiện"),
            (&plain, " Đã hoàn thành ngày 20/05/2025"),
        ],
    )
    .unwrap();
    ws.write_rich_string(
        4,
        4,
        &[(&struck, "30/06/2025"), (&plain, " gia hạn 31/12/2025")],
    )
    .unwrap();
    wb.save(&file).unwrap();
    let check = |o: &mut Office, file: &Path| {
        let seen = intake::preview(&mut o.store, file, &Options::default()).unwrap();
        let got: Vec<(&str, Option<NaiveDate>, DirectiveStatus, Option<NaiveDate>)> = (seen
            .directives)
            .iter()
            .map(|r| (r.lead_unit.as_str(), r.deadline, r.status, r.completed_on))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Văn phòng Sở",
                    Some(d(2025, 6, 30)),
                    DirectiveStatus::InProgress,
                    None
                ),
                (
                    "Phòng Kế hoạch - Tài chính",
                    Some(d(2025, 9, 30)),
                    DirectiveStatus::InProgress,
                    None
                ),
                (
                    "Văn phòng Sở",
                    Some(d(2025, 6, 30)),
                    DirectiveStatus::Done,
                    Some(d(2025, 5, 20))
                ),
                (
                    "Văn phòng Sở",
                    Some(d(2025, 12, 31)),
                    DirectiveStatus::InProgress,
                    None
                ),
            ],
            "{:?}",
            told(&seen)
        );
        // (The deadline crossed out is the first, extended to the one left, and said so.)
        assert_eq!(seen.directives[1].extended_from, Some(d(2025, 6, 30)));
        assert_eq!(seen.directives[3].extended_from, Some(d(2025, 6, 30)));
        assert_eq!(
            told_at(&seen, "gạch ngang (“"),
            STRUCK_AT,
            "{:?}",
            told(&seen)
        );
        assert_eq!(
            told_at(&seen, "bị gạch ngang: nhập là thời hạn ban đầu 30/06/2025"),
            FIRST_AT,
            "{:?}",
            told(&seen)
        );
        assert!(
            !tells(&told(&seen), "Không ghi thời hạn ban đầu"),
            "{:?}",
            told(&seen)
        );
    };
    check(&mut o, &file);
    for kind in ["ods", "xls"] {
        if let Some(saved) = o.converted(&file, kind) {
            check(&mut o, &saved);
        }
    }
}

/// Minutes are dated by when they met ("Thời gian: …, ngày 19/01/2026"), not by the day
/// they are signed, so the notice of that meeting finds it.
#[test]
fn minutes_are_dated_by_when_they_met() {
    let mut o = Office::new();
    let file = o.path("bien-ban.docx");
    plain_notice(
        &file,
        &[
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            "Lào Cai, ngày 20 tháng 01 năm 2026",
            "BIÊN BẢN",
            "Cuộc họp giao ban tháng 01/2026",
            "1. Thời gian: 08 giờ 00, ngày 19/01/2026.",
            "2. Địa điểm: Phòng họp tầng 3.",
            "Kết luận: Văn phòng Sở tổng hợp báo cáo tháng 01, trình trước ngày 25/01/2026.",
            "Biên bản được lập xong vào lúc 11 giờ 00 cùng ngày./.",
        ],
    );
    let p = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let doc = p.document.as_ref().unwrap();
    assert_eq!(doc.date, Some(d(2026, 1, 19)));
    assert!(
        doc.proposals
            .iter()
            .all(|x| !x.content.contains("Biên bản được lập")),
        "{:#?}",
        doc.proposals
    );
}

/// A row brought in with a share done and a note beside it, brought in again unchanged:
/// nothing told; an extension column headed "Đã gia hạn" is read.
#[test]
fn a_share_and_a_note_again_tell_nothing_and_an_extension_column_is_read() {
    let mut o = Office::new();
    let file = o.path("gh.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Đã gia hạn,Tiến độ,Ghi chú\n\
         1,Xây dựng kế hoạch CĐS 2026,VP,02/01/2025,30/06/2025,30/09/2025,Đang thực hiện 30%,Đề nghị gia hạn\n",
    )
    .unwrap();
    let first = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        first.directives[0].deadline,
        Some(d(2025, 9, 30)),
        "{:?}",
        first.directives
    );
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 1));
    assert!(again.problems.is_empty(), "{:?}", told(&again));
}

/// The signatures under a table ("Người lập biểu", "GIÁM ĐỐC", the names) end it: told once,
/// no row of theirs set aside as a task without a unit.
#[test]
fn the_signatures_under_a_table_end_it() {
    let mut o = Office::new();
    let file = o.path("ky.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n\
         1,Rà soát quy chế,VP,05/01/2025,30/06/2025\n\
         2,Tổng hợp báo cáo,VP,05/01/2025,\"Quý I, II/2025\"\n\
         ,,,,\n\
         ,Người lập biểu,,GIÁM ĐỐC,\n\
         ,Nguyễn Văn A,,Hà Văn Thắng,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", told(&seen));
    assert_eq!(seen.directives[1].deadline, Some(d(2025, 6, 30)));
    assert_eq!(seen.problems.len(), 1, "{:?}", told(&seen));
    // Told once, as left out (the rows from there are not read).
    assert!(
        seen.problems[0].skipped && seen.problems[0].row == 5,
        "{:?}",
        seen.problems
    );
}

/// Unit cells as trackers write them: capitals joined by "&" ("Phòng TTBC&XB"), a place's
/// short form with its stop ("Phòng VHTT TP. Lào Cai", not taken for two sentences), a unit
/// with its province added ("Sở Tài chính tỉnh Lào Cai"); a place not in the directory is
/// still no unit of it.
#[test]
fn unit_names_with_joined_capitals_places_and_their_short_forms() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Thông tin - Báo chí - Xuất bản",
        "Phòng Văn hóa và Thông tin thành phố Lào Cai",
        "Phòng Văn hóa và Thông tin thị xã Sa Pa",
        "Sở Tài chính",
        "Công an tỉnh",
    ]);
    let file = o.path("ten.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Nhiệm vụ một,Phòng TTBC&XB,Trung tâm CNTT&TT,05/01/2025\n\
         2,Nhiệm vụ hai,Phòng VHTT TP. Lào Cai,Phòng VHTT Tx. Sa Pa,05/01/2025\n\
         3,Nhiệm vụ ba,Sở Tài chính tỉnh Lào Cai,Công an tỉnh Lào Cai,05/01/2025\n\
         4,Nhiệm vụ bốn,Phòng VHTT TP. Lai Châu,,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let row = |words: &str| {
        seen.directives
            .iter()
            .find(|r| r.content == words)
            .unwrap_or_else(|| panic!("{words}: {:?}", told(&seen)))
    };
    assert_eq!(
        row("Nhiệm vụ một").lead_unit,
        "Phòng Thông tin - Báo chí - Xuất bản"
    );
    assert_eq!(
        row("Nhiệm vụ một").coordinating_units,
        ["Trung tâm Công nghệ thông tin và Truyền thông"]
    );
    assert_eq!(
        row("Nhiệm vụ hai").lead_unit,
        "Phòng Văn hóa và Thông tin thành phố Lào Cai"
    );
    assert_eq!(
        row("Nhiệm vụ hai").coordinating_units,
        ["Phòng Văn hóa và Thông tin thị xã Sa Pa"]
    );
    assert_eq!(row("Nhiệm vụ ba").lead_unit, "Sở Tài chính");
    assert_eq!(row("Nhiệm vụ ba").coordinating_units, ["Công an tỉnh"]);
    // Another city's: a new unit, not the one of Lào Cai.
    assert_eq!(row("Nhiệm vụ bốn").lead_unit, "Phòng VHTT TP. Lai Châu");
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(proposed, ["Phòng VHTT TP. Lai Châu"], "{:?}", told(&seen));
}

/// A row brought in before whose lead unit the sheet changed since is that directive, told,
/// never a second one; the same words given to another unit on a row of their own, beside
/// the first, are a directive of their own.
#[test]
fn a_lead_unit_changed_in_the_sheet_makes_no_second_directive() {
    let mut o = Office::new();
    let file = o.path("theo-doi-chu-tri.csv");
    let sheet = |rows: &[&str]| {
        let mut s = String::from("STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n");
        for (i, lead) in rows.iter().enumerate() {
            s.push_str(&format!(
                "{},Rà soát quy chế làm việc,{lead},05/01/2025,31/03/2025\n",
                i + 1
            ));
        }
        s
    };
    std::fs::write(&file, sheet(&["Văn phòng Sở"])).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(o.directives().len(), 1);
    let before = o.content_hash();
    // The lead changed in the sheet.
    std::fs::write(&file, sheet(&["Thanh tra Sở"])).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    let said = told(&seen);
    assert!(
        said.iter()
            .any(|m| m.contains("“Văn phòng Sở”") && m.contains("không tạo nhiệm vụ thứ hai")),
        "{said:?}"
    );
    assert!(seen.problems.iter().all(|p| p.skipped && p.row == 2));
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(o.content_hash(), before);
    // The first row kept, the same words given to another unit beside it: a second task.
    std::fs::write(&file, sheet(&["Văn phòng Sở", "Thanh tra Sở"])).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", told(&seen));
    assert_eq!(seen.directives[0].lead_unit, "Thanh tra Sở");
    assert_eq!(seen.already, 1);
    // Given in the other order, alike.
    std::fs::write(&file, sheet(&["Thanh tra Sở", "Văn phòng Sở"])).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", told(&seen));
    assert_eq!(seen.directives[0].lead_unit, "Thanh tra Sở");
}

/// A column "Gia hạn" of dates is the extension; one of shares done ("% hoàn thành") the
/// progress: 100% done, 0% not started, a share between under way.
#[test]
fn an_extension_column_and_a_column_of_shares_done() {
    let mut o = Office::new();
    let file = o.path("phan-tram.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Gia hạn,% hoàn thành\n\
         1,Nhiệm vụ một,VP,01/10/2025,31/10/2025,30/11/2025,100%\n\
         2,Nhiệm vụ hai,VP,01/10/2025,31/10/2025,,50%\n\
         3,Nhiệm vụ ba,VP,01/10/2025,31/10/2025,,0%\n",
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let rows = o.directives();
    let row = |w: &str| rows.iter().find(|r| r.content == w).unwrap();
    assert_eq!(row("Nhiệm vụ một").status, DirectiveStatus::Done);
    assert_eq!(row("Nhiệm vụ một").deadline, Some(d(2025, 11, 30)));
    assert_eq!(row("Nhiệm vụ một").original_deadline, Some(d(2025, 10, 31)));
    assert_eq!(row("Nhiệm vụ hai").status, DirectiveStatus::InProgress);
    assert_eq!(row("Nhiệm vụ ba").status, DirectiveStatus::Assigned);
}

/// A totals row under the table ("Tổng cộng", "TỔNG SỐ: 2 nhiệm vụ") is told as the totals,
/// not as a task without a unit nor as a heading; a task that starts "Tổng kết" is a task.
#[test]
fn a_totals_row_is_told_as_such() {
    let mut o = Office::new();
    let file = o.path("tong.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Tổng kết công tác năm,VP,01/10/2025,31/10/2025,Đang thực hiện\n\
         ,Tổng cộng,,,,1\n\
         ,TỔNG SỐ: 1 nhiệm vụ,,,,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1);
    assert_eq!(seen.directives[0].content, "Tổng kết công tác năm");
    let said = told(&seen);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said.iter().all(|m| m.starts_with("Dòng tổng cộng")),
        "{said:?}"
    );
}

/// A workbook kept a sheet per unit, its sheets named after the units ("Văn phòng Sở",
/// "TTr Sở", "P. KHTC") and without a lead unit's column: each sheet's rows are its unit's,
/// told once a sheet, also under a heading; a sheet named after no unit is not read as one.
#[test]
fn a_sheet_per_unit_without_a_lead_column() {
    let mut o = Office::new();
    let file = o.path("theo-don-vi.xlsx");
    let mut wb = Workbook::new();
    for (name, rows) in [
        (
            "Văn phòng Sở",
            &[
                "Rà soát quy chế làm việc",
                "I. Quý II",
                "Tổng hợp báo cáo quý II",
            ][..],
        ),
        ("TTr Sở", &["Kiểm tra bản quyền phần mềm"][..]),
        ("P. KHTC", &["Lập dự toán năm 2026"][..]),
        ("Ghi chú", &["Bảng này cập nhật hằng tuần"][..]),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        ws.write_string(
            0,
            0,
            format!("BẢNG THEO DÕI NHIỆM VỤ - {}", name.to_uppercase()),
        )
        .unwrap();
        ws.write_row(2, 0, ["STT", "Nội dung nhiệm vụ", "Ngày giao", "Thời hạn"])
            .unwrap();
        let mut n = 0;
        for (k, words) in rows.iter().enumerate() {
            let r = 3 + k as u32;
            ws.write_string(r, 1, *words).unwrap();
            if !words.starts_with("I.") {
                n += 1;
                ws.write_number(r, 0, f64::from(n)).unwrap();
                ws.write_string(r, 2, "05/01/2025").unwrap();
                ws.write_string(r, 3, "30/06/2025").unwrap();
            }
        }
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, &str)> = seen
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.lead_unit.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Rà soát quy chế làm việc", "Văn phòng Sở"),
            ("Tổng hợp báo cáo quý II", "Văn phòng Sở"),
            ("Kiểm tra bản quyền phần mềm", "Thanh tra Sở"),
            ("Lập dự toán năm 2026", "Phòng Kế hoạch - Tài chính"),
        ],
        "{:?}",
        told(&seen)
    );
    let named: Vec<&str> = told(&seen)
        .into_iter()
        .filter(|m| m.starts_with("Trang không có cột đơn vị chủ trì"))
        .collect();
    assert_eq!(named.len(), 3, "{:?}", told(&seen));
    assert!(seen.sheets.iter().all(|s| s.name != "Ghi chú"));
    // The sheet not read is told, not dropped unsaid; it counts as no row.
    let unread: Vec<(&str, u32, bool)> = (seen.problems.iter())
        .filter(|q| q.message.vi.starts_with("Trang không được đọc"))
        .map(|q| (q.sheet.as_str(), q.row, q.skipped))
        .collect();
    assert_eq!(unread, [("Ghi chú", 0, true)], "{:?}", told(&seen));
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("tên trang không phải tên một đơn vị")),
        "{:?}",
        told(&seen)
    );
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!((again.directives.len(), again.already), (0, 4));
}

/// A "Người giao" column names the leader who gave each task: by name with or without the
/// title ("Giám đốc Hà Văn Thắng", "Đ/c Thắng - GĐ"), or by the title alone ("Giám đốc",
/// "GĐ Sở"); one the office does not know is told, the task brought in without a leader;
/// of several people of the office, the first, told.
#[test]
fn the_leader_who_gave_each_task() {
    let mut o = Office::new();
    o.add_person("Trần Thị Mai", "Phó Giám đốc Sở");
    let file = o.path("nguoi-giao.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Người giao\n\
         1,Nhiệm vụ một,VP,01/10/2025,31/10/2025,Giám đốc Hà Văn Thắng\n\
         2,Nhiệm vụ hai,VP,01/10/2025,31/10/2025,Đ/c Thắng - GĐ\n\
         3,Nhiệm vụ ba,VP,01/10/2025,31/10/2025,Giám đốc\n\
         4,Nhiệm vụ bốn,VP,01/10/2025,31/10/2025,PGĐ Lê Văn Bình\n\
         5,Nhiệm vụ năm,VP,01/10/2025,31/10/2025,\n\
         6,Nhiệm vụ sáu,VP,01/10/2025,31/10/2025,GĐ Sở\n\
         7,Nhiệm vụ bảy,VP,01/10/2025,31/10/2025,\"Hà Văn Thắng, Trần Thị Mai\"\n",
    )
    .unwrap();
    let seen = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let leaders: Vec<Option<&str>> = seen
        .directives
        .iter()
        .map(|r| r.directing_leader.as_deref())
        .collect();
    let thang = Some("Hà Văn Thắng");
    assert_eq!(
        leaders,
        [thang, thang, thang, None, None, thang, thang],
        "{:?}",
        told(&seen)
    );
    let said = told(&seen);
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].contains("“PGĐ Lê Văn Bình”"), "{said:?}");
    assert!(
        said[1].contains("ghi nhiều người (“Hà Văn Thắng, Trần Thị Mai”)"),
        "{said:?}"
    );
    let held: Vec<Option<String>> = o
        .directives()
        .into_iter()
        .map(|r| r.directing_leader)
        .collect();
    assert_eq!(held.iter().filter(|l| l.as_deref() == thang).count(), 5);
}

/// A tracker kept a sheet per leader (no "Người giao" column): each sheet's rows were given
/// by the leader its name ("Phó Giám đốc Trần Thị Mai") or its title ("… DO ĐỒNG CHÍ HÀ VĂN THẮNG -
/// GIÁM ĐỐC SỞ GIAO") names, told once a sheet; a sheet that names no one, a specialist, an
/// addressee, or two leaders gives no leader.
#[test]
fn a_sheet_kept_per_leader_gives_its_rows_that_leader() {
    let mut o = Office::new();
    o.store
        .write(|tx| {
            person::create(
                tx,
                NewPerson {
                    full_name: "Trần Thị Mai".into(),
                    title: Some("Phó Giám đốc Sở".into()),
                    unit_id: None,
                },
            )?;
            person::create(
                tx,
                NewPerson {
                    full_name: "Lê Minh Bình".into(),
                    title: Some("Chuyên viên".into()),
                    unit_id: None,
                },
            )
            .map(|_| ())
        })
        .unwrap();
    let file = o.path("theo-lanh-dao.xlsx");
    let mut wb = Workbook::new();
    let mut n = 0;
    for (sheet, title) in [
        ("Phó Giám đốc Trần Thị Mai", "BẢNG THEO DÕI NHIỆM VỤ"),
        (
            "Giám đốc",
            "NHIỆM VỤ DO ĐỒNG CHÍ HÀ VĂN THẮNG - GIÁM ĐỐC SỞ GIAO",
        ),
        ("Năm 2025", "BẢNG THEO DÕI NHIỆM VỤ NĂM 2025"),
        // (A specialist's sheet of what they follow; a letter's addressee.)
        ("Lê Minh Bình", "CHUYÊN VIÊN THEO DÕI: LÊ MINH BÌNH"),
        ("Báo cáo", "Kính gửi: Đồng chí Hà Văn Thắng, Giám đốc Sở"),
        // (The sheet's name and its title naming two leaders: neither, told.)
        ("PGĐ Trần Thị Mai", "NHIỆM VỤ DO ĐỒNG CHÍ HÀ VĂN THẮNG GIAO"),
        // (The giver named in brackets after "giao".)
        (
            "Lãnh đạo Sở",
            "NHIỆM VỤ DO GIÁM ĐỐC SỞ GIAO (ĐỒNG CHÍ HÀ VĂN THẮNG)",
        ),
        // (A copy of a sheet, its name as Excel makes it; two leaders in the brackets.)
        ("PGĐ Trần Thị Mai (2)", "BẢNG THEO DÕI NHIỆM VỤ"),
        // (What is sent or submitted to a leader is no leader's sheet.)
        ("BC gửi Hà Văn Thắng", "BÁO CÁO TIẾN ĐỘ"),
        ("Trình GĐ Hà Văn Thắng", "TỜ TRÌNH"),
        (
            "Hai lãnh đạo",
            "NHIỆM VỤ DO LÃNH ĐẠO SỞ GIAO (ĐỒNG CHÍ TRẦN THỊ MAI, ĐỒNG CHÍ HÀ VĂN THẮNG)",
        ),
        // (One invited or assisted, or who carries the tasks out, gives none.)
        ("Mời đ.c Trần Thị Mai", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("Giúp việc đ.c Hà Văn Thắng", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("Đ.c Trần Thị Mai thực hiện", "BẢNG THEO DÕI NHIỆM VỤ"),
        // (A leader named by a post and given name only.)
        ("PGĐ Mai", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("Đ.c Thắng", "BẢNG THEO DÕI NHIỆM VỤ"),
        // (One gone with, reported to, or who attends; two by their given names.)
        ("Cùng đ.c Trần Thị Mai", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("Báo cáo PGĐ Mai", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("Đ.c Hà Văn Thắng dự", "BẢNG THEO DÕI NHIỆM VỤ"),
        ("PGĐ Mai-Thắng", "BẢNG THEO DÕI NHIỆM VỤ"),
    ] {
        n += 1;
        let ws = wb.add_worksheet().set_name(sheet).unwrap();
        ws.write_string(0, 0, title).unwrap();
        ws.write_row(
            2,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Thời hạn",
            ],
        )
        .unwrap();
        ws.write_row(
            3,
            0,
            [
                "1",
                &format!("Rà soát hồ sơ đợt {n}"),
                "VP",
                "01/10/2025",
                "31/10/2025",
            ],
        )
        .unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leaders: Vec<Option<&str>> = (seen.directives.iter())
        .map(|r| r.directing_leader.as_deref())
        .collect();
    assert_eq!(
        leaders,
        [
            Some("Trần Thị Mai"),
            Some("Hà Văn Thắng"),
            None,
            None,
            None,
            None,
            Some("Hà Văn Thắng"),
            Some("Trần Thị Mai"),
            None,
            None,
            None,
            None,
            None,
            None,
            Some("Trần Thị Mai"),
            Some("Hà Văn Thắng"),
            None,
            None,
            None,
            None,
        ],
        "{:?}",
        told(&seen)
    );
    assert_eq!(
        told_at(&seen, "Trang là của lãnh đạo"),
        [(3, ""), (3, ""), (3, ""), (3, ""), (3, ""), (3, "")],
        "{:?}",
        told(&seen)
    );
    let two = told_at(
        &seen,
        "ghi các lãnh đạo khác nhau (Trần Thị Mai, Hà Văn Thắng)",
    );
    assert_eq!(two, [(3, ""), (3, ""), (3, "")], "{:?}", told(&seen));
}

/// A copy that fills in, rewords or corrects the source of rows brought in before (their
/// words, lead, day given and deadline the same) holds them, told, never a second directive
/// each.
#[test]
fn a_source_filled_in_or_corrected_since_holds_the_rows() {
    let mut o = Office::new();
    let file = o.path("nguon.csv");
    let rows = |source: &str| {
        format!(
            "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì;Thời hạn\n\
             1;Xây dựng quy chế phối hợp với Công an tỉnh;{source};02/03/2026;VP;31/12/2026\n\
             2;Cập nhật tin bài trên Cổng thông tin tỉnh;{source};02/03/2026;VP;30/06/2026\n"
        )
    };
    std::fs::write(&file, rows("")).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    for (source, said) in [("77/TB-STTTT", "khi chưa ghi văn bản giao"), ("", "")] {
        std::fs::write(&file, rows(source)).unwrap();
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert!(seen.directives.is_empty(), "{source}: {:?}", told(&seen));
        if !said.is_empty() {
            assert_eq!(told_at(&seen, said).len(), 2, "{:?}", told(&seen));
        }
    }
    // Brought in with the source written: corrected or reworded since.
    let mut p = Office::new();
    std::fs::write(&file, rows("77/TB-STTTT")).unwrap();
    intake::commit(&mut p.store, &file, &Options::default()).unwrap();
    for source in ["78/TB-STTTT", "Giám đốc Sở giao"] {
        std::fs::write(&file, rows(source)).unwrap();
        let seen = intake::preview(&mut p.store, &file, &Options::default()).unwrap();
        assert!(seen.directives.is_empty(), "{source}: {:?}", told(&seen));
        let held = told_at(&seen, "với văn bản giao “77/TB-STTTT”; tệp nay ghi khác");
        assert_eq!(held.len(), 2, "{source}: {:?}", told(&seen));
    }
    // The user says one is another task: it comes in.
    let one_new = Options {
        as_new: vec![intake::RowAt {
            sheet: None,
            row: 2,
        }],
        ..Options::default()
    };
    let seen = intake::preview(&mut p.store, &file, &one_new).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", told(&seen));
}

/// A stage done is the task under way, unless the task is that stage ("Xây dựng dự thảo …":
/// "Đã hoàn thành dự thảo" is done); the last stage done, or every one, is the task done.
#[test]
fn a_stage_done_is_the_task_done_only_when_the_task_is_that_stage() {
    let mut o = Office::new();
    let file = o.path("giai-doan.csv");
    std::fs::write(
        &file,
        "STT;Nội dung nhiệm vụ;Đơn vị chủ trì;Ngày giao;Thời hạn;Tiến độ\n\
         1;Xây dựng dự thảo Quy chế làm việc;VP;02/03/2024;30/09/2024;Đã hoàn thành dự thảo ngày 15/8/2024\n\
         2;Xây dựng Quy chế làm việc;VP;02/03/2024;30/09/2024;Đã hoàn thành dự thảo ngày 15/8/2024\n\
         3;Triển khai giai đoạn 1 Dự án Đô thị thông minh;CDS;02/03/2024;30/09/2024;Đã hoàn thành giai đoạn 1\n\
         4;Triển khai Dự án Đô thị thông minh;CDS;02/03/2024;30/09/2024;Đã hoàn thành giai đoạn 1\n\
         5;Triển khai Dự án Đô thị thông minh;VP;02/03/2024;30/09/2024;Ngày 20/9/2024 đã hoàn thành giai đoạn 2 (giai đoạn cuối)\n\
         6;Rà soát thủ tục hành chính;VP;02/03/2024;30/09/2024;Về cơ bản đã hoàn thành\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(u32, DirectiveStatus, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|d| (d.row, d.status, d.completed_on))
        .collect();
    let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d);
    let deadline = day(9, 30);
    assert_eq!(
        got,
        [
            (2, DirectiveStatus::Done, day(8, 15)),
            (3, DirectiveStatus::InProgress, None),
            (4, DirectiveStatus::Done, deadline),
            (5, DirectiveStatus::InProgress, None),
            (6, DirectiveStatus::Done, day(9, 20)),
            (7, DirectiveStatus::InProgress, None),
        ],
        "{:?}",
        told(&seen)
    );
}

/// A later copy of a sheet correcting several keys of its rows at once (the source with the
/// day given, the deadline, the lead or a word) holds them, told with the old keys; the same
/// words given anew (another month's deadline, a day months later) or listed on another
/// sheet (next week's) are tasks of their own.
#[test]
fn several_keys_corrected_at_once_hold_the_rows() {
    let mut o = Office::new();
    let file = o.path("theo-doi.xlsx");
    let (a, b) = (
        "Rà soát quy chế làm việc của Sở",
        "Cập nhật tin bài trên Cổng thông tin tỉnh",
    );
    let write = |sheet: &str, rows: &[[&str; 7]]| {
        let rows: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
        sheets_workbook(&file, &[(sheet, SHEET_HEAD, &rows)]);
    };
    let first = [
        ["1", a, "77/TB-STTTT", "VP", "02/03/2026", "31/12/2026", ""],
        ["2", b, "77/TB-STTTT", "VP", "02/03/2026", "30/06/2026", ""],
    ];
    write("Theo dõi", &first);
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let copies: [(&str, [&str; 7], &str); 7] = [
        (
            "source and day",
            ["1", a, "78/TB-STTTT", "VP", "03/03/2026", "31/12/2026", ""],
            "với văn bản giao “77/TB-STTTT”, ngày giao 02/03/2026; tệp nay ghi khác",
        ),
        (
            "source and deadline",
            ["1", a, "78/TB-STTTT", "VP", "02/03/2026", "31/01/2027", ""],
            "với văn bản giao “77/TB-STTTT”, thời hạn 31/12/2026; tệp nay ghi khác",
        ),
        (
            "no source, another lead",
            ["1", a, "", "CDS", "02/03/2026", "31/12/2026", ""],
            "với đơn vị chủ trì “Văn phòng Sở”, văn bản giao “77/TB-STTTT”; tệp nay ghi khác",
        ),
        (
            "source, lead and day",
            [
                "1",
                a,
                "Thông báo 78/TB-STTTT",
                "CDS",
                "16/03/2026",
                "31/12/2026",
                "",
            ],
            "“Văn phòng Sở”, văn bản giao “77/TB-STTTT”, ngày giao 02/03/2026;",
        ),
        (
            "source and a word",
            [
                "1",
                "Rà soát, sửa đổi quy chế làm việc của Sở",
                "78/TB-STTTT",
                "VP",
                "02/03/2026",
                "31/12/2026",
                "",
            ],
            "văn bản giao “77/TB-STTTT”, lời “Rà soát quy chế làm việc của Sở”;",
        ),
        (
            "source, day and a word",
            [
                "1",
                "Rà soát, sửa đổi quy chế làm việc của Sở",
                "78/TB-STTTT",
                "VP",
                "03/03/2026",
                "31/12/2026",
                "",
            ],
            "“77/TB-STTTT”, ngày giao 02/03/2026, lời “Rà soát quy chế làm việc của Sở”;",
        ),
        (
            "source, day and deadline",
            ["1", a, "78/TB-STTTT", "VP", "03/03/2026", "31/01/2027", ""],
            "“77/TB-STTTT”, ngày giao 02/03/2026, thời hạn 31/12/2026;",
        ),
    ];
    for (what, row, said) in copies {
        write("Theo dõi", &[row, first[1]]);
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert!(seen.directives.is_empty(), "{what}: {:?}", told(&seen));
        assert_eq!(told_at(&seen, said).len(), 1, "{what}: {:?}", told(&seen));
    }
    // Given to a unit not yet in the directory: the task held, no unit made.
    let moved = [
        "1",
        a,
        "77/TB-STTTT",
        "Phòng Quản lý dữ liệu số",
        "02/03/2026",
        "31/12/2026",
        "",
    ];
    write("Theo dõi", &[moved, first[1]]);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", told(&seen));
    assert_eq!(
        told_at(&seen, "với đơn vị chủ trì “Văn phòng Sở”; tệp nay").len(),
        1,
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    let units = unit::list(o.store.conn(), true).unwrap().len();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(unit::list(o.store.conn(), true).unwrap().len(), units);
    // Given anew: new.
    let anew: [(&str, [&str; 7]); 4] = [
        (
            "next week, another deadline",
            ["1", a, "80/TB-STTTT", "VP", "09/03/2026", "31/01/2027", ""],
        ),
        (
            "next month",
            ["1", a, "95/TB-STTTT", "VP", "06/04/2026", "31/05/2026", ""],
        ),
        (
            "months later",
            ["1", a, "120/TB-STTTT", "VP", "01/07/2026", "31/12/2026", ""],
        ),
        (
            "another unit and day",
            ["1", a, "85/TB-STTTT", "CDS", "16/03/2026", "31/01/2027", ""],
        ),
    ];
    for (what, row) in anew {
        write("Theo dõi", &[row, first[1]]);
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert_eq!(seen.directives.len(), 1, "{what}: {:?}", told(&seen));
    }
    // Next week's sheet repeating the task from its own notice: a task of its own.
    write(
        "Tuần 12",
        &[["1", a, "85/TB-STTTT", "VP", "16/03/2026", "31/12/2026", ""]],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 1, "{:?}", told(&seen));
}

/// A copy whose row names another lead and writes the task otherwise both is the task held,
/// told with its old lead and words; while the first row is still there, a like task of
/// another unit is a task of its own.
#[test]
fn a_row_with_its_lead_and_words_changed_is_the_task_held() {
    let mut o = Office::new();
    let file = o.path("doi-don-vi.csv");
    let head = "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì;Thời hạn\n";
    let row = |n: u32, words: &str, lead: &str| {
        format!("{n};{words};45/TB-STTTT;02/03/2026;{lead};31/12/2026\n")
    };
    let first = "Xây dựng quy chế phối hợp với Công an tỉnh";
    std::fs::write(&file, format!("{head}{}", row(1, first, "VP"))).unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let edited = "Xây dựng quy chế phối hợp với Công an tỉnh - Đã xong dự thảo";
    std::fs::write(&file, format!("{head}{}", row(1, edited, "CDS"))).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", told(&seen));
    let held: Vec<&str> = (seen.problems.iter())
        .filter(|q| q.held)
        .map(|q| q.message.vi.as_str())
        .collect();
    assert_eq!(held.len(), 1, "{:?}", told(&seen));
    assert!(
        held[0].contains(
            "đơn vị chủ trì “Văn phòng Sở”, lời “Xây dựng quy chế phối hợp với Công an tỉnh”"
        ),
        "{held:?}"
    );
    // The lead and the day given corrected, the words the same: held, told with both.
    std::fs::write(
        &file,
        format!("{head}{}", row(1, first, "CDS")).replace("02/03/2026", "03/03/2026"),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", told(&seen));
    let held = told_at(
        &seen,
        "với đơn vị chủ trì “Văn phòng Sở”, ngày giao 02/03/2026; tệp nay ghi khác",
    );
    assert_eq!(held.len(), 1, "{:?}", told(&seen));
    // The first row kept: the other unit's like task is new.
    let other = "Xây dựng quy chế phối hợp với Công an tỉnh về an ninh mạng";
    std::fs::write(
        &file,
        format!("{head}{}{}", row(1, first, "VP"), row(2, other, "CDS")),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let new: Vec<&str> = (seen.directives.iter())
        .map(|d| d.content.as_str())
        .collect();
    assert_eq!(new, [other], "{:?}", told(&seen));
}

/// A copy of a tracker whose tasks' words were edited since it was brought in (a part added,
/// a frame before, a short form spelled out), their unit, source, day and deadline the same:
/// each row is the task held, told as changed, never a second directive unsaid; nor is the
/// task said to be gone from the file. The user may still bring one in as new.
#[test]
fn an_edited_copy_makes_no_second_directive_unsaid() {
    let mut o = Office::new();
    let file = o.path("sua-loi.csv");
    let rows = |a: &str, b: &str, c: &str| {
        format!(
            "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì;Thời hạn\n\
             1;{a};45/TB-STTTT;02/03/2026;VP;31/12/2026\n\
             2;{b};45/TB-STTTT;02/03/2026;VP;31/12/2026\n\
             3;{c};45/TB-STTTT;02/03/2026;VP;31/12/2026\n"
        )
    };
    std::fs::write(
        &file,
        rows(
            "Xây dựng quy chế phối hợp với Công an tỉnh",
            "Cập nhật tin bài trên Cổng TTĐT tỉnh",
            "Thực hiện Kế hoạch số 12/KH-UBND về cải cách hành chính",
        ),
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    std::fs::write(
        &file,
        rows(
            "Xây dựng quy chế phối hợp với Công an tỉnh - Đã xong dự thảo",
            "Đ/c Thắng chỉ đạo: Cập nhật tin bài trên Cổng TTĐT tỉnh",
            "Thực hiện KH 12/KH-UBND về cải cách hành chính",
        ),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", told(&seen));
    let held: Vec<u32> = (seen.problems.iter())
        .filter(|q| q.held)
        .map(|q| q.row)
        .collect();
    assert_eq!(held, [2, 3, 4], "{:?}", told(&seen));
    assert!(
        !told(&seen)
            .iter()
            .any(|m| m.contains("không còn trong tệp")),
        "{:?}",
        told(&seen)
    );
    let one_new = Options {
        as_new: vec![intake::RowAt {
            sheet: None,
            row: 4,
        }],
        ..Options::default()
    };
    let seen = intake::preview(&mut o.store, &file, &one_new).unwrap();
    let made: Vec<u32> = seen.directives.iter().map(|r| r.row).collect();
    assert_eq!(made, [4], "{:?}", told(&seen));
    // Words edited and, besides, the deadline moved or the day given corrected: still the
    // tasks held, told.
    for (from, to) in [("31/12/2026", "31/03/2027"), ("02/03/2026", "03/03/2026")] {
        let edited = rows(
            "Xây dựng quy chế phối hợp với Công an tỉnh - Đã xong dự thảo",
            "Đ/c Thắng chỉ đạo: Cập nhật tin bài trên Cổng TTĐT tỉnh",
            "Thực hiện KH 12/KH-UBND về cải cách hành chính",
        )
        .replace(from, to);
        std::fs::write(&file, edited).unwrap();
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert!(seen.directives.is_empty(), "{to}: {:?}", told(&seen));
        let held = (seen.problems.iter()).filter(|q| q.held).count();
        assert_eq!(held, 3, "{to}: {:?}", told(&seen));
    }
    // The source's number written another way ("TB45/TB-STTTT", "TB 045", "Thông báo số
    // 45"): the same rows.
    for source in ["TB45/TB-STTTT", "TB 045", "Thông báo số 45"] {
        let again = rows(
            "Xây dựng quy chế phối hợp với Công an tỉnh",
            "Cập nhật tin bài trên Cổng TTĐT tỉnh",
            "Thực hiện Kế hoạch số 12/KH-UBND về cải cách hành chính",
        )
        .replace("45/TB-STTTT", source);
        std::fs::write(&file, again).unwrap();
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert!(seen.directives.is_empty(), "{source}: {:?}", told(&seen));
        assert_eq!(seen.already, 3, "{source}: {:?}", told(&seen));
    }
}

/// Across a workbook's sheets, a task written another way is one task, but a word changed
/// ("tăng" for "giảm") makes another: both come in.
#[test]
fn a_word_changed_on_a_later_sheet_is_another_task() {
    let mut o = Office::new();
    let file = o.path("hai-trang.xlsx");
    let mut wb = Workbook::new();
    for (sheet, task) in [
        (
            "Tổng hợp",
            "Xây dựng phương án tăng biên chế cho các phòng chuyên môn",
        ),
        (
            "Văn phòng",
            "Xây dựng phương án giảm biên chế cho các phòng chuyên môn",
        ),
    ] {
        let ws = wb.add_worksheet().set_name(sheet).unwrap();
        ws.write_row(
            0,
            0,
            ["STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Ngày giao"],
        )
        .unwrap();
        ws.write_row(1, 0, ["1", task, "VP", "01/10/2025"]).unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 2, "{:?}", told(&seen));
}

/// A sheet: its name, its header on the first row and its rows below.
type SheetOf<'a> = (&'a str, &'a [&'a str], &'a [&'a [&'a str]]);

/// A workbook of these sheets.
fn sheets_workbook(path: &Path, sheets: &[SheetOf<'_>]) {
    let mut wb = Workbook::new();
    for (name, head, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        ws.write_row(0, 0, head.iter().copied()).unwrap();
        for (i, row) in rows.iter().enumerate() {
            ws.write_row(i as u32 + 1, 0, row.iter().copied()).unwrap();
        }
    }
    wb.save(path).unwrap();
}

/// The columns of the workbooks of one task on several sheets.
const SHEET_HEAD: &[&str] = &[
    "STT",
    "Nội dung nhiệm vụ",
    "Văn bản giao",
    "Đơn vị chủ trì",
    "Ngày giao",
    "Thời hạn",
    "Tiến độ",
];

/// A unit's sheet listing as its own a task the summary gives another unit (the same words,
/// source and day): two directives, told; a task the summary gives that unit too is joined,
/// quietly.
#[test]
fn a_task_of_another_lead_on_a_later_sheet_is_told() {
    let mut o = Office::new();
    let file = o.path("tong-hop-don-vi.xlsx");
    let (a, b) = ("Rà soát quy chế làm việc", "Báo cáo kết quả tháng 5/2026");
    let row = |n, words, lead| [n, words, "77/TB-STTTT", lead, "02/03/2026", "", ""];
    sheets_workbook(
        &file,
        &[
            (
                "Tổng hợp",
                SHEET_HEAD,
                &[&row("1", a, "VP"), &row("2", b, "CDS")],
            ),
            (
                "Phòng CĐS",
                SHEET_HEAD,
                &[&row("1", a, "CDS"), &row("2", b, "CDS")],
            ),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 3, "{:?}", told(&seen));
    let said = told_at(
        &seen,
        "Dòng 2 của trang “Tổng hợp” ghi cùng nội dung, nguồn và ngày giao",
    );
    assert_eq!(said.len(), 1, "{:?}", told(&seen));
}

/// A unit's sheet without a source holds the summary's tasks in the same words: one task
/// each, in the unit sheet's state; one citing another document is told.
#[test]
fn a_unit_sheet_citing_no_source_is_the_summary_s_task() {
    let mut o = Office::new();
    let file = o.path("tong-hop-khong-nguon.xlsx");
    let (a, b) = ("Rà soát quy chế làm việc", "Cập nhật danh mục dịch vụ công");
    let row = |n, words, source, state| [n, words, source, "VP", "02/03/2026", "", state];
    let done = "Đã hoàn thành ngày 10/06/2026";
    sheets_workbook(
        &file,
        &[
            (
                "Tổng hợp",
                SHEET_HEAD,
                &[
                    &row("1", a, "77/TB-STTTT", "Đang thực hiện"),
                    &row("2", b, "77/TB-STTTT", "Đang thực hiện"),
                ],
            ),
            (
                "Văn phòng",
                SHEET_HEAD,
                &[&row("1", a, "", done), &row("2", b, "78/TB-STTTT", "")],
            ),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, DirectiveStatus)> = (seen.directives.iter())
        .map(|r| (r.content.as_str(), r.status))
        .collect();
    assert_eq!(
        got,
        [
            (a, DirectiveStatus::Done),
            (b, DirectiveStatus::InProgress),
            (b, DirectiveStatus::Assigned),
        ],
        "{:?}",
        told(&seen)
    );
    let said = told_at(
        &seen,
        "nhưng văn bản giao “77/TB-STTTT”: nhập thành hai nhiệm vụ",
    );
    assert_eq!(said.len(), 1, "{:?}", told(&seen));
}

/// A task the summary lists twice (given by two notices) and a unit's sheet citing none:
/// the unit's row is the summary's row of its day and deadline.
#[test]
fn a_task_given_twice_is_told_apart_by_its_day_and_deadline() {
    let mut o = Office::new();
    let file = o.path("hai-lan-giao.xlsx");
    let words = "Báo cáo tình hình an toàn thông tin";
    let done = "Đã hoàn thành ngày 20/04/2026";
    sheets_workbook(
        &file,
        &[
            (
                "Tổng hợp",
                SHEET_HEAD,
                &[
                    &[
                        "1",
                        words,
                        "77/TB-STTTT",
                        "VP",
                        "02/03/2026",
                        "31/03/2026",
                        "",
                    ],
                    &[
                        "2",
                        words,
                        "80/TB-STTTT",
                        "VP",
                        "09/03/2026",
                        "30/04/2026",
                        "",
                    ],
                ],
            ),
            (
                "Văn phòng",
                SHEET_HEAD,
                &[&["1", words, "", "VP", "09/03/2026", "30/04/2026", done]],
            ),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(Option<NaiveDate>, DirectiveStatus)> = (seen.directives.iter())
        .map(|r| (r.deadline, r.status))
        .collect();
    assert_eq!(
        got,
        [
            (Some(d(2026, 3, 31)), DirectiveStatus::Assigned),
            (Some(d(2026, 4, 30)), DirectiveStatus::Done),
        ],
        "{:?}",
        told(&seen)
    );
}

/// A task done on a day on one sheet and written not done on a later one (a summary behind
/// the unit's sheet) comes in done, told.
#[test]
fn done_on_one_sheet_is_not_undone_by_another() {
    let mut o = Office::new();
    let file = o.path("phong-tong-hop.xlsx");
    let row = |state| {
        [
            "1",
            "Rà soát quy chế làm việc",
            "",
            "VP",
            "02/03/2026",
            "30/06/2026",
            state,
        ]
    };
    sheets_workbook(
        &file,
        &[
            (
                "Phòng",
                SHEET_HEAD,
                &[&row("Đã hoàn thành ngày 10/06/2026")],
            ),
            ("Tổng hợp", SHEET_HEAD, &[&row("Đang thực hiện")]),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(DirectiveStatus, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        got,
        [(DirectiveStatus::Done, Some(d(2026, 6, 10)))],
        "{:?}",
        told(&seen)
    );
    let said = told_at(
        &seen,
        "ghi đã hoàn thành ngày 10/06/2026, dòng này ghi chưa",
    );
    assert_eq!(said.len(), 1, "{:?}", told(&seen));
}

/// A later sheet writing a task in the same words with its source written otherwise ("TB 77"
/// for "77/TB-STTTT") is that task, not another of like words ("tháng 4" for "tháng 5").
#[test]
fn the_same_words_on_a_later_sheet_are_that_task_whatever_its_source_spelling() {
    let mut o = Office::new();
    let file = o.path("tong-hop-phong.xlsx");
    let (april, may) = (
        "Báo cáo kết quả thực hiện tháng 4/2026",
        "Báo cáo kết quả thực hiện tháng 5/2026",
    );
    let row = |n, words, source, due| [n, words, source, "VP", "02/03/2026", due, ""];
    sheets_workbook(
        &file,
        &[
            (
                "Tổng hợp",
                SHEET_HEAD,
                &[
                    &row("1", april, "77/TB-STTTT", "30/04/2026"),
                    &row("2", may, "77/TB-STTTT", "31/05/2026"),
                ],
            ),
            (
                "Văn phòng",
                SHEET_HEAD,
                &[&row("1", may, "TB 77", "31/05/2026")],
            ),
        ],
    );
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, Option<NaiveDate>)> = (seen.directives.iter())
        .map(|r| (r.content.as_str(), r.deadline))
        .collect();
    assert_eq!(
        got,
        [(april, Some(d(2026, 4, 30))), (may, Some(d(2026, 5, 31)))],
        "{:?}",
        told(&seen)
    );
}

/// A progress line kept in the task's cell and rewritten in a later copy ("…⏎Tiến độ: đang
/// xây dựng dự thảo" → "…⏎Tiến độ: đã trình UBND tỉnh", "[Đang thực hiện]" → "[Đã xong]") is
/// the task held, told, never a second directive.
#[test]
fn a_progress_line_rewritten_in_the_tasks_cell_makes_no_second_task() {
    let mut o = Office::new();
    let file = o.path("tien-do-trong-o.csv");
    let rows = |a: &str, b: &str| {
        format!(
            "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì;Thời hạn\n\
             1;\"Xây dựng quy chế phối hợp với Công an tỉnh\n{a}\";45/TB-STTTT;02/03/2026;VP;31/12/2026\n\
             2;Cập nhật tin bài trên Cổng thông tin tỉnh {b};45/TB-STTTT;02/03/2026;VP;31/12/2026\n"
        )
    };
    std::fs::write(
        &file,
        rows("Tiến độ: đang xây dựng dự thảo", "[Đang thực hiện]"),
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    std::fs::write(&file, rows("Tiến độ: đã trình UBND tỉnh", "[Đã xong]")).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", told(&seen));
    let held = (seen.problems.iter()).filter(|q| q.held).count();
    assert_eq!(held, 2, "{:?}", told(&seen));
}

/// A summary sheet read first ("Tổng hợp", no leader's column) and the leader's own sheet
/// holding the same rows: each task comes in once, given by the leader its own sheet names,
/// also where that sheet writes it another way ("KH" for "Kế hoạch", a part added).
#[test]
fn a_summary_sheet_first_keeps_the_leader_of_the_sheet_after() {
    let mut o = Office::new();
    o.add_person("Trần Thị Mai", "Phó Giám đốc Sở");
    let file = o.path("tong-hop.xlsx");
    let mut wb = Workbook::new();
    for sheet in ["Tổng hợp", "PGĐ Trần Thị Mai"] {
        let ws = wb.add_worksheet().set_name(sheet).unwrap();
        ws.write_row(
            0,
            0,
            [
                "STT",
                "Nội dung nhiệm vụ",
                "Đơn vị chủ trì",
                "Ngày giao",
                "Thời hạn",
            ],
        )
        .unwrap();
        ws.write_row(
            1,
            0,
            ["1", "Rà soát quy chế", "VP", "01/10/2025", "31/10/2025"],
        )
        .unwrap();
        // (The leader's sheet writes the task another way: a short form, a part added.)
        let (second, state) = match sheet {
            "Tổng hợp" => (
                "Thực hiện Kế hoạch số 12/KH-UBND về cải cách hành chính",
                "",
            ),
            _ => (
                "Thực hiện KH 12/KH-UBND về cải cách hành chính - Đã xong",
                "Đã hoàn thành ngày 20/10/2025",
            ),
        };
        ws.write_row(2, 0, ["2", second, "VP", "01/10/2025", "31/10/2025"])
            .unwrap();
        ws.write_string(0, 5, "Tiến độ").unwrap();
        ws.write_string(2, 5, state).unwrap();
    }
    wb.save(&file).unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let leaders: Vec<Option<&str>> = (seen.directives.iter())
        .map(|r| r.directing_leader.as_deref())
        .collect();
    assert_eq!(
        leaders,
        [Some("Trần Thị Mai"), Some("Trần Thị Mai")],
        "{:?}",
        told(&seen)
    );
    // The task written another way on the leader's sheet is the summary's, in its state;
    // the summary's words quoted.
    assert_eq!(seen.directives[1].status, DirectiveStatus::Done);
    let same = told_at(
        &seen,
        "ghi ở đó là “Thực hiện Kế hoạch số 12/KH-UBND về cải cách hành chính”",
    );
    assert_eq!(same, [(3, "")], "{:?}", told(&seen));
}

/// The first task under the header is never read as the header's second row, whatever its
/// note under a column without a header says ("Gia hạn đến 30/4/2025" names a field): every
/// row is a task.
#[test]
fn the_first_task_is_never_taken_for_a_header_row() {
    let mut o = Office::new();
    for (h, note) in [
        ("", "Gia hạn đến 30/4/2025"),
        ("Kiến nghị", "Đề nghị gia hạn đến 30/4/2025"),
        ("Phản hồi", "Ngày hoàn thành dự kiến 15/4"),
    ] {
        let file = o.path("nuot-dong.xlsx");
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.write_string(0, 0, "BẢNG THEO DÕI NHIỆM VỤ NĂM 2025")
            .unwrap();
        ws.write_row(
            2,
            0,
            [
                "STT",
                "Nội dung công việc",
                "Ngày giao",
                "Đơn vị chủ trì",
                "Thời hạn",
                "Tình hình thực hiện",
                h,
            ],
        )
        .unwrap();
        for k in 0..3u32 {
            let r = 3 + k;
            ws.write_number(r, 0, f64::from(k + 1)).unwrap();
            ws.write_string(r, 1, format!("Nhiệm vụ số {}", k + 1))
                .unwrap();
            ws.write_string(r, 2, "05/01/2025").unwrap();
            ws.write_string(r, 3, "Văn phòng Sở").unwrap();
            ws.write_string(r, 4, "31/03/2025").unwrap();
            ws.write_string(r, 5, "Đang thực hiện").unwrap();
            if k == 0 {
                ws.write_string(r, 6, note).unwrap();
            }
        }
        wb.save(&file).unwrap();
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        assert_eq!(seen.sheets[0].header_row, 3, "{h}");
        assert_eq!(seen.directives.len(), 3, "{h}: {:?}", told(&seen));
    }
}

/// Rows pasted from an old file typed in TCVN3 into a sheet typed in Unicode are read in
/// TCVN3, each row by itself; a header typed in Unicode over rows typed in TCVN3 keeps its
/// words ("Ghi chú" is not "Ghi chỳ") and its notes column.
#[test]
fn rows_of_both_fonts_in_one_sheet_and_a_unicode_header_over_tcvn3() {
    let mut o = Office::new();
    let header: &[&str] = &[
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Ngày giao",
        "Tiến độ",
        "Ghi chú",
    ];
    let old = |s: &str| in_tcvn3(s);
    let rows: Vec<Vec<String>> = vec![
        header.iter().map(|s| s.to_string()).collect(),
        [
            "1",
            "Tổng hợp báo cáo quý I",
            "Văn phòng Sở",
            "05/01/2025",
            "Đang thực hiện",
            "Đúng hạn",
        ]
        .map(String::from)
        .to_vec(),
        vec![
            "2".into(),
            old("Tham mưu văn bản hướng dẫn an toàn thông tin"),
            old("Thanh tra Sở"),
            "05/01/2025".into(),
            old("Chưa thực hiện"),
            old("Chờ ý kiến"),
        ],
    ];
    for (name, rows) in [
        ("tron.xlsx", rows.clone()),
        ("cu.xlsx", {
            let mut r = rows.clone();
            r[1] = vec![
                "1".into(),
                old("Tổng hợp báo cáo quý I"),
                old("Văn phòng Sở"),
                "05/01/2025".into(),
                old("Đang thực hiện"),
                old("Đúng hạn"),
            ];
            r
        }),
    ] {
        let file = o.path(name);
        let rows: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
        text_workbook(&file, &rows);
        let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
        let got: Vec<(&str, &str, DirectiveStatus)> = seen
            .directives
            .iter()
            .map(|r| (r.content.as_str(), r.lead_unit.as_str(), r.status))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Tổng hợp báo cáo quý I",
                    "Văn phòng Sở",
                    DirectiveStatus::InProgress
                ),
                (
                    "Tham mưu văn bản hướng dẫn an toàn thông tin (Ghi chú: Chờ ý kiến)",
                    "Thanh tra Sở",
                    DirectiveStatus::Assigned
                ),
            ],
            "{name}: {:?}",
            told(&seen)
        );
        assert!(seen.new_units.is_empty(), "{name}");
        assert!(
            seen.sheets[0].unused.is_empty(),
            "{name}: {:?}",
            seen.sheets[0].unused
        );
    }
}

/// A sheet edited between two imports: a word corrected in a task, a second row of the same
/// words (a second phase, its own deadline), one of two such rows moved to another deadline.
/// Each held task is recognised and what changed is told; only the new row is created.
#[test]
fn a_corrected_task_and_rows_of_the_same_words_are_not_made_twice() {
    let mut o = Office::new();
    let file = o.path("sua.csv");
    let sheet = |rows: &[(&str, &str)]| {
        let mut s = String::from("STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n");
        for (k, (words, due)) in rows.iter().enumerate() {
            s.push_str(&format!(
                "{},{words},Văn phòng Sở,10/03/2025,{due}\n",
                k + 1
            ));
        }
        s
    };
    std::fs::write(
        &file,
        sheet(&[
            (
                "Tham mưu văn bản hướng dẫn bảo đảm an toàn thông tn",
                "30/04/2025",
            ),
            ("Tổ chức tập huấn", "30/04/2025"),
        ]),
    )
    .unwrap();
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let before = o.content_hash();
    std::fs::write(
        &file,
        sheet(&[
            (
                "Tham mưu văn bản hướng dẫn bảo đảm an toàn thông tin",
                "30/04/2025",
            ),
            ("Tổ chức tập huấn", "30/04/2025"),
            ("Tổ chức tập huấn", "30/05/2025"),
        ]),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let made: Vec<(&str, Option<NaiveDate>)> = seen
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.deadline))
        .collect();
    assert_eq!(
        made,
        [("Tổ chức tập huấn", Some(d(2025, 5, 30)))],
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.already, 1);
    let said = told(&seen);
    // (The second "Tổ chức tập huấn", another deadline: a task of its own, told.)
    assert!(
        said.len() == 2
            && said[0].contains("“Tham mưu văn bản hướng dẫn bảo đảm an toàn thông tn”")
            && said[1].contains("Cùng nội dung, đơn vị chủ trì, nguồn và ngày giao với dòng 3"),
        "{said:?}"
    );
    intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    assert_ne!(o.content_hash(), before);
    assert_eq!(o.directives().len(), 3);
    // The second phase moved a month on: told, not made a fourth.
    std::fs::write(
        &file,
        sheet(&[
            (
                "Tham mưu văn bản hướng dẫn bảo đảm an toàn thông tin",
                "30/04/2025",
            ),
            ("Tổ chức tập huấn", "30/06/2025"),
            ("Tổ chức tập huấn", "30/04/2025"),
        ]),
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    let said = told(&seen);
    assert!(
        said.iter()
            .any(|m| m.contains("thời hạn 30/05/2025") && m.contains("30/06/2025")),
        "{said:?}"
    );
}

/// Items lettered under a task ("a", "b"), each with a unit of its own and no source nor
/// date: parts of that task, given when and by what it was; one that names only its part
/// ("Huyện Bát Xát") says the task's words before it.
#[test]
fn lettered_items_are_parts_of_the_task_above() {
    let mut o = Office::new();
    let file = o.path("muc-con.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Văn bản giao,Đơn vị chủ trì,Thời hạn,Kết quả\n\
         5,Đôn đốc các huyện triển khai chữ ký số,Giao ban Sở ngày 06/01/2025,Phòng KHTC,30/6/2025,Đang triển khai\n\
         a,Huyện Bát Xát,,VP,30/6/2025,\n\
         b,Rà soát chứng thư số của các xã,,Thanh tra Sở,30/6/2025,Đã xong 15/5/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, &str, NaiveDate, &str)> = seen
        .directives
        .iter()
        .map(|r| {
            (
                r.content.as_str(),
                r.lead_unit.as_str(),
                r.assigned_on,
                r.source.as_str(),
            )
        })
        .collect();
    let day = d(2025, 1, 6);
    let src = "Giao ban Sở ngày 06/01/2025";
    assert_eq!(
        got,
        [
            (
                "Đôn đốc các huyện triển khai chữ ký số",
                "Phòng Kế hoạch - Tài chính",
                day,
                src
            ),
            (
                "Đôn đốc các huyện triển khai chữ ký số: Huyện Bát Xát",
                "Văn phòng Sở",
                day,
                src
            ),
            ("Rà soát chứng thư số của các xã", "Thanh tra Sở", day, src),
        ],
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.directives[2].completed_on, Some(d(2025, 5, 15)));
}

/// Text formatted hidden in Word (neither shown nor printed) is no task, and is told; text
/// in a link is read as the words around it.
#[test]
fn hidden_text_in_a_notice_is_told_not_read() {
    use docx_rs::{Docx, Hyperlink, HyperlinkType, Paragraph, Run};
    let mut o = Office::new();
    let file = o.path("an.docx");
    let mut doc = Docx::new();
    for line in NOTICE.iter().chain(&TASKS[..1]) {
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(*line)));
    }
    doc = doc
        .add_paragraph(Paragraph::new().add_run(
            Run::new()
                .add_text("Thanh tra Sở kiểm tra việc cấp phép bưu chính, báo cáo trước ngày 30/5/2025.")
                .vanish(),
        ))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Phòng Chuyển đổi số cập nhật "))
                .add_hyperlink(
                    Hyperlink::new("https://dichvucong.gov.vn", HyperlinkType::External)
                        .add_run(Run::new().add_text("Cổng dịch vụ công")),
                )
                .add_run(Run::new().add_text(", hoàn thành trước ngày 30/6/2025.")),
        );
    doc.build()
        .pack(std::fs::File::create(&file).unwrap())
        .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(
        seen.directives
            .iter()
            .all(|r| r.lead_unit != "Thanh tra Sở"),
        "{:?}",
        seen.directives
    );
    assert!(
        seen.directives
            .iter()
            .any(|r| r.content.contains("Cổng dịch vụ công")),
        "{:?}",
        seen.directives
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.starts_with("Chữ ẩn") && m.contains("cấp phép bưu chính")),
        "{:?}",
        told(&seen)
    );
}

/// One new unit written two ways in a file ("Phòng VH&TT huyện Si Ma Cai", "Phòng Văn hoá và
/// Thông tin huyện Si Ma Cai") is proposed once, by its whole name; a unit with its level
/// word after it ("Sở Tài chính tỉnh") is the directory's.
#[test]
fn a_new_unit_written_two_ways_is_proposed_once() {
    let mut o = Office::new();
    o.add_units(&["Sở Tài chính"]);
    let file = o.path("don-vi-moi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Ngày giao\n\
         1,Nhiệm vụ một,Phòng VH&TT huyện Si Ma Cai,Sở Tài chính tỉnh,05/01/2025\n\
         2,Nhiệm vụ hai,Phòng Văn hoá và Thông tin huyện Si Ma Cai,,05/01/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let proposed: Vec<&str> = seen.new_units.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        proposed,
        ["Phòng Văn hoá và Thông tin huyện Si Ma Cai"],
        "{:?}",
        told(&seen)
    );
    assert_eq!(seen.directives[0].coordinating_units, ["Sở Tài chính"]);
}

/// A hidden column and a visible one of the same header ("Thời hạn" kept hidden with the
/// old deadlines): the visible one is read, the hidden one named unused as hidden; a hidden
/// row comes in, told. The same sheet saved by LibreOffice as .ods reads alike.
#[test]
fn a_visible_column_is_read_before_a_hidden_one_of_the_same_name() {
    let mut o = Office::new();
    let file = o.path("cot-an.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let rows: [[&str; 6]; 3] = [
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Ngày giao",
            "Thời hạn",
            "Thời hạn",
        ],
        [
            "1",
            "Rà soát quy chế",
            "VP",
            "05/01/2025",
            "31/01/2025",
            "28/02/2025",
        ],
        [
            "2",
            "Việc đã bỏ",
            "VP",
            "05/01/2025",
            "31/01/2025",
            "31/03/2025",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        ws.write_row(r as u32, 0, *row).unwrap();
    }
    ws.set_column_hidden(4).unwrap();
    ws.set_row_hidden(2).unwrap();
    wb.save(&file).unwrap();
    let check = |o: &mut Office, file: &Path| {
        let seen = intake::preview(&mut o.store, file, &Options::default()).unwrap();
        let due: Vec<_> = seen.directives.iter().map(|r| r.deadline).collect();
        assert_eq!(
            due,
            [Some(d(2025, 2, 28)), Some(d(2025, 3, 31))],
            "{file:?}: {:?}",
            told(&seen)
        );
        assert_eq!(seen.sheets[0].unused, ["Thời hạn (cột ẩn E)"], "{file:?}");
        let hidden: Vec<u32> = seen
            .problems
            .iter()
            .filter(|p| !p.skipped && p.message.vi.contains("đang ẩn"))
            .map(|p| p.row)
            .collect();
        assert_eq!(hidden, [3], "{file:?}: {:?}", told(&seen));
    };
    check(&mut o, &file);
    if let Some(ods) = o.converted(&file, "ods") {
        check(&mut o, &ods);
    }
}

/// The office's own notice keeps its number in the register ("Số: 45/TB-STTTT"), so the next
/// one made here follows it; another body's number is not the office's; a number given to
/// another notice is told and not taken.
#[test]
fn an_own_notice_keeps_its_number_in_the_register() {
    use giaoban::document::register::{self, DocKind};
    let mut o = Office::new();
    o.set_details();
    let dir = o.path("");
    let notice = |file: &str, number: &str, month: &str| {
        let path = dir.join(file);
        let meeting = format!(
            "Ngày 07/{month}/2025, tại trụ sở Sở Thông tin và Truyền thông, đồng chí Hà Văn Thắng, Giám đốc Sở chủ trì cuộc họp giao ban tháng {month}/2025."
        );
        let title = format!("Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng {month}/2025");
        let mut lines: Vec<&str> = vec![
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
            number,
            "THÔNG BÁO",
            &title,
            &meeting,
        ];
        lines.extend(&NOTICE[4..]);
        lines.extend(&TASKS[..1]);
        plain_notice(&path, &lines);
        path
    };
    let first = notice("tb45.docx", "Số: 45/TB-STTTT", "4");
    let made = intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    assert_eq!(
        made.document.as_ref().unwrap().number.as_deref(),
        Some("45/TB-STTTT")
    );
    let meeting = o.directives()[0].meeting_id.unwrap();
    let numbers = register::of_meeting(o.store.conn(), meeting).unwrap();
    assert_eq!(
        numbers
            .iter()
            .map(|n| (n.kind, n.year, n.number))
            .collect::<Vec<_>>(),
        [(DocKind::Notice, 2025, 45)]
    );
    // The same number on another notice: told, not taken.
    let second = notice("tb45b.docx", "Số: 45/TB-STTTT", "5");
    let seen = intake::commit(&mut o.store, &second, &Options::default()).unwrap();
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("Số 45/TB năm 2025 đã ghi cho văn bản khác")),
        "{:?}",
        told(&seen)
    );
    // Another body's notice: its number is not the office's.
    let third = notice("tb12.docx", "Số: 12/TB-VPUBND", "6");
    intake::commit(&mut o.store, &third, &Options::default()).unwrap();
    assert_eq!(
        register::holder(o.store.conn(), DocKind::Notice, 2025, 12).unwrap(),
        None
    );
}

/// A "Sản phẩm" column is each task's expected output and a "Mức độ ưu tiên" column its
/// priority ("Khẩn" urgent, "Cao" high, none normal); a priority not read is told.
#[test]
fn the_output_and_priority_columns_are_read() {
    let mut o = Office::new();
    let file = o.path("san-pham.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn,Sản phẩm,Mức độ ưu tiên\n\
         1,Nhiệm vụ một,VP,01/10/2025,31/10/2025,Báo cáo trình UBND tỉnh,Khẩn\n\
         2,Nhiệm vụ hai,VP,01/10/2025,31/10/2025,,Cao\n\
         3,Nhiệm vụ ba,VP,01/10/2025,31/10/2025,,\n\
         4,Nhiệm vụ bốn,VP,01/10/2025,31/10/2025,,Loại A\n",
    )
    .unwrap();
    let seen = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(Option<String>, giaoban::directive::Priority)> = seen
        .directives
        .iter()
        .map(|r| {
            let d = directive::get(o.store.conn(), r.directive_id).unwrap();
            (d.expected_output, d.priority)
        })
        .collect();
    use giaoban::directive::Priority::*;
    assert_eq!(
        got,
        [
            (Some("Báo cáo trình UBND tỉnh".to_string()), Urgent),
            (None, High),
            (None, Normal),
            (None, Normal)
        ]
    );
    let said = told(&seen);
    assert!(said.len() == 1 && said[0].contains("“Loại A”"), "{said:?}");
}

/// A notice's task given to a name several units answer to, to a kind of body alone ("Trung
/// tâm"), or to none (a numbered conclusion after one given to a unit) is set aside to choose
/// the unit, never given to the first unit that matches nor to the one before it.
#[test]
fn a_notice_s_tasks_without_one_unit_are_set_aside_to_choose() {
    let mut o = Office::new();
    o.add_units(&[
        "Phòng Văn hóa và Thông tin huyện Bắc Hà",
        "Phòng Văn hóa và Thông tin huyện Bảo Yên",
    ]);
    let file = o.path("tb-mo-ho.docx");
    let mut lines: Vec<&str> = NOTICE[..5].to_vec();
    lines.extend([
        "1. Giao Phòng Văn hóa và Thông tin chủ trì rà soát các điểm truy cập, xong trước 30/10/2025.",
        "2. Giao Trung tâm chủ trì nâng cấp hệ thống hội nghị truyền hình.",
        "3. Giao Phòng Kế hoạch - Tài chính tổng hợp dự toán ngân sách năm 2026.",
        "4. Tăng cường công tác tuyên truyền về an toàn thông tin.",
    ]);
    plain_notice(&file, &lines);
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let made: Vec<(&str, &str)> = seen
        .directives
        .iter()
        .map(|r| (r.content.as_str(), r.lead_unit.as_str()))
        .collect();
    assert_eq!(
        made,
        [(
            "Tổng hợp dự toán ngân sách năm 2026",
            "Phòng Kế hoạch - Tài chính"
        )],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    let said = told(&seen);
    assert!(tells(&said, "khớp với nhiều đơn vị"), "{said:?}");
    assert_eq!(
        said.iter()
            .filter(|m| m.contains("chưa có đơn vị chủ trì"))
            .count(),
        2,
        "{said:?}"
    );
}

/// A day under "Ngày hoàn thành" beside a progress that says the task is not done keeps the
/// progress's word and is told; a progress in e-office words ("Đã xử lý") with a day is done,
/// and imported again tells nothing; a task cancelled here and under way in the sheet is told.
#[test]
fn a_completion_day_and_the_progress_beside_it() {
    let mut o = Office::new();
    let file = o.path("ngay-ht.csv");
    let sheet = |third: &str| {
        format!(
            "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Ngày hoàn thành,Tiến độ\n\
             1,Nhiệm vụ một,VP,01/09/2025,20/10/2025,Chưa thực hiện\n\
             2,Nhiệm vụ hai,VP,01/09/2025,15/10/2025,Đã xử lý\n\
             3,Nhiệm vụ ba,VP,01/09/2025,,{third}\n\
             4,Nhiệm vụ bốn,VP,01/09/2025,,Không thực hiện\n\
             5,Nhiệm vụ năm,VP,01/09/2025,,Đúng hạn\n"
        )
    };
    std::fs::write(&file, sheet("Không thực hiện nữa")).unwrap();
    let seen = intake::commit(&mut o.store, &file, &Options::default()).unwrap();
    let states: Vec<(DirectiveStatus, Option<NaiveDate>)> = seen
        .directives
        .iter()
        .map(|r| (r.status, r.completed_on))
        .collect();
    assert_eq!(
        states,
        [
            (DirectiveStatus::Assigned, None),
            (DirectiveStatus::Done, Some(d(2025, 10, 15))),
            (DirectiveStatus::Cancelled, None),
            // Not carried out: not done (overdue once past its deadline), not hidden as
            // cancelled; told.
            (DirectiveStatus::Assigned, None),
            // How it stands against its deadline only: not done, told.
            (DirectiveStatus::Assigned, None),
        ],
        "{:?}",
        told(&seen)
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("Tiến độ ghi “Không thực hiện”: nhập là chưa hoàn thành")),
        "{:?}",
        told(&seen)
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("Tiến độ chỉ ghi “Đúng hạn”, không ghi đã hoàn thành")),
        "{:?}",
        told(&seen)
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("Ngày hoàn thành 20/10/2025 nhưng tiến độ ghi “Chưa thực hiện”")),
        "{:?}",
        told(&seen)
    );
    // Again, the third now under way in the sheet: that alone is told.
    std::fs::write(&file, sheet("Đang thực hiện")).unwrap();
    let again = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(again.directives.is_empty());
    let skipped: Vec<u32> = again
        .problems
        .iter()
        .filter(|p| p.skipped)
        .map(|p| p.row)
        .collect();
    assert_eq!(skipped, [4], "{:?}", told(&again));
}

/// A sheet edited between two imports: the day given filled in where the first import took a
/// day chosen for all, words added to a task ("…, báo cáo kết quả về Sở"). The tasks held are
/// recognised and the change told; nothing is made twice.
#[test]
fn a_day_given_filled_in_and_words_added_make_nothing_twice() {
    let mut o = Office::new();
    let file = o.path("bo-sung.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn\n\
         1,Hướng dẫn các xã triển khai nền tảng số,VP,30/09/2025\n\
         2,Rà soát quy chế làm việc của cơ quan,VP,30/09/2025\n",
    )
    .unwrap();
    let given = Options {
        given_on: Some(d(2025, 8, 1)),
        ..Options::default()
    };
    intake::commit(&mut o.store, &file, &given).unwrap();
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn,Ngày giao\n\
         1,\"Hướng dẫn các xã triển khai nền tảng số, báo cáo kết quả về Sở\",VP,30/09/2025,01/08/2025\n\
         2,Rà soát quy chế làm việc của cơ quan,VP,30/09/2025,08/09/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    let said = told(&seen);
    assert!(
        tells(&said, "“Hướng dẫn các xã triển khai nền tảng số”"),
        "{said:?}"
    );
    assert!(tells(&said, "ngày giao 01/08/2025"), "{said:?}");
}

/// Columns offices head otherwise: "Thời gian thực hiện" is the deadline of a sheet with no
/// column of one, "Lãnh đạo phụ trách" the directing leader of a sheet that names no giver; a
/// deadline saved as a serial in text ("45930") is a date with its year.
#[test]
fn a_time_to_do_it_in_and_the_leader_in_charge() {
    let mut o = Office::new();
    let file = o.path("thoi-gian.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời gian thực hiện,Lãnh đạo phụ trách\n\
         1,Nhiệm vụ một,VP,01/09/2025,45930,Giám đốc Hà Văn Thắng\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(
        seen.directives[0].deadline,
        Some(d(2025, 9, 30)),
        "{:?}",
        told(&seen)
    );
    assert_eq!(
        seen.directives[0].directing_leader.as_deref(),
        Some("Hà Văn Thắng")
    );
    assert!(told(&seen).is_empty(), "{:?}", told(&seen));
}

/// A tracker whose rows cite the office's own notice brought in before ("Thông báo số
/// 45/TB-STTTT ngày 10/4/2025", dated after the meeting) is matched to that notice's
/// directives: held ones are not made again, one written otherwise is told.
#[test]
fn a_tracker_citing_a_notice_brought_in_makes_nothing_twice() {
    let mut o = Office::new();
    o.set_details();
    let notice = o.path("tb45.docx");
    let mut lines: Vec<&str> = vec!["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 45/TB-STTTT"];
    lines.extend(NOTICE);
    lines.extend(&TASKS[..2]);
    plain_notice(&notice, &lines);
    let made = intake::commit(&mut o.store, &notice, &Options::default()).unwrap();
    assert_eq!(made.directives.len(), 2, "{:?}", told(&made));
    let file = o.path("theo-doi.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Văn bản giao,Đơn vị chủ trì,Thời hạn\n\
         1,Tham mưu dự toán ngân sách năm 2026,Thông báo số 45/TB-STTTT ngày 10/4/2025,Phòng KHTC,30/06/2025\n\
         2,Tổng hợp báo cáo kết quả tháng 4,Thông báo số 45/TB-STTTT ngày 10/4/2025,VP,25/04/2025\n\
         3,Kiểm tra an toàn thông tin,Thông báo số 45/TB-STTTT ngày 10/4/2025,Thanh tra Sở,30/06/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let new: Vec<&str> = seen.directives.iter().map(|r| r.content.as_str()).collect();
    assert_eq!(new, ["Kiểm tra an toàn thông tin"], "{:?}", told(&seen));
    assert_eq!(seen.already, 1, "{:?}", told(&seen));
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("với lời “Tổng hợp báo cáo kết quả tháng 4, trình trước")),
        "{:?}",
        told(&seen)
    );
}

/// Another copy of a notice whose task has a part added ("…, báo cáo kết quả về Sở") is the
/// same meeting's task: told, not made again.
#[test]
fn another_copy_of_a_notice_with_a_part_added_makes_nothing_twice() {
    let mut o = Office::new();
    let first = o.path("tb-1.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.push("Phòng Chuyển đổi số hướng dẫn các xã triển khai nền tảng số dùng chung.");
    plain_notice(&first, &lines);
    intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    let second = o.path("tb-2.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.push(
        "Phòng Chuyển đổi số hướng dẫn các xã triển khai nền tảng số dùng chung, báo cáo kết quả về Sở.",
    );
    plain_notice(&second, &lines);
    let seen = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    assert!(!told(&seen).is_empty());
}

/// Another copy of a notice naming another lead unit for a task held is told, the task not
/// made twice.
#[test]
fn another_copy_of_a_notice_with_another_lead_makes_nothing_twice() {
    let mut o = Office::new();
    let first = o.path("tb-a.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.extend(&TASKS[..1]);
    plain_notice(&first, &lines);
    intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    let second = o.path("tb-b.docx");
    let mut lines: Vec<&str> = NOTICE.to_vec();
    lines.push("Văn phòng Sở chủ trì tham mưu dự toán ngân sách năm 2026, hoàn thành trước ngày 30/6/2025.");
    plain_notice(&second, &lines);
    let seen = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert!(seen.directives.is_empty(), "{:?}", seen.directives);
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("đơn vị chủ trì “Phòng Kế hoạch - Tài chính”")),
        "{:?}",
        told(&seen)
    );
}

/// A weekly notice repeating a task an earlier one gave the unit, with the same deadline and
/// still open, is told and not made twice; one with another deadline is a task of its own.
#[test]
fn a_task_a_later_notice_repeats_is_not_made_twice() {
    let mut o = Office::new();
    let week = |file: &str, day: &str, due: &str| {
        let meeting = format!(
            "Ngày {day}, tại trụ sở Sở Thông tin và Truyền thông, đồng chí Hà Văn Thắng, Giám đốc Sở chủ trì cuộc họp giao ban tuần."
        );
        let task = format!(
            "Phòng Chuyển đổi số hoàn thiện dự thảo kế hoạch chuyển đổi số năm 2026, hoàn thành trước ngày {due}."
        );
        let lines: Vec<&str> = vec![
            "THÔNG BÁO",
            "Kết luận của Giám đốc Sở tại cuộc họp giao ban tuần",
            &meeting,
            "Giám đốc Sở kết luận như sau:",
            &task,
        ];
        plain_notice(file.as_ref(), &lines);
    };
    let (a, b, c) = (
        o.path("tuan-37.docx"),
        o.path("tuan-38.docx"),
        o.path("tuan-39.docx"),
    );
    week(a.to_str().unwrap(), "08/9/2025", "30/9/2025");
    week(b.to_str().unwrap(), "15/9/2025", "30/9/2025");
    week(c.to_str().unwrap(), "22/9/2025", "15/10/2025");
    intake::commit(&mut o.store, &a, &Options::default()).unwrap();
    let second = intake::preview(&mut o.store, &b, &Options::default()).unwrap();
    assert!(second.directives.is_empty(), "{:?}", second.directives);
    assert!(
        told(&second)
            .iter()
            .any(|m| m.contains("ngày 08/09/2025 với cùng thời hạn")),
        "{:?}",
        told(&second)
    );
    let third = intake::preview(&mut o.store, &c, &Options::default()).unwrap();
    assert_eq!(third.directives.len(), 1, "{:?}", told(&third));
}

/// A second file's tasks that only look like those held are tasks of their own: another
/// place named ("… huyện Bảo Yên" after "… huyện Bắc Hà"), a narrower task ("Rà soát hồ sơ đất
/// đai của các xã" after "Rà soát hồ sơ"), the same words from another document, a task given
/// again with another deadline.
#[test]
fn tasks_that_only_look_like_those_held_are_made() {
    let mut o = Office::new();
    let first = o.path("dot-1.csv");
    std::fs::write(
        &first,
        "STT,Nội dung nhiệm vụ,Văn bản giao,Đơn vị chủ trì,Ngày giao,Thời hạn,Tình trạng\n\
         1,Kiểm tra an toàn thông tin tại UBND huyện Bắc Hà,TB 45/TB-STTTT,Thanh tra Sở,05/03/2026,30/04/2026,Hoàn thành\n\
         2,Rà soát hồ sơ,TB 45/TB-STTTT,Thanh tra Sở,05/03/2026,30/06/2026,\n\
         3,Báo cáo kết quả thực hiện Đề án 06,TB 45/TB-STTTT,CDS,05/03/2026,30/04/2026,\n\
         4,Báo cáo tình hình thực hiện nhiệm vụ tháng,TB 45/TB-STTTT,VP,05/03/2026,25/03/2026,Hoàn thành\n",
    )
    .unwrap();
    intake::commit(&mut o.store, &first, &Options::default()).unwrap();
    let second = o.path("dot-2.csv");
    std::fs::write(
        &second,
        "STT,Nội dung nhiệm vụ,Văn bản giao,Đơn vị chủ trì,Ngày giao,Thời hạn,Tình trạng\n\
         1,Kiểm tra an toàn thông tin tại UBND huyện Bảo Yên,TB 45/TB-STTTT,Thanh tra Sở,05/03/2026,30/04/2026,Đang thực hiện\n\
         2,Rà soát hồ sơ đất đai của các xã,TB 45/TB-STTTT,Thanh tra Sở,05/03/2026,30/06/2026,\n\
         3,Báo cáo kết quả thực hiện Đề án 06,CV 312/UBND-KT,CDS,05/03/2026,15/03/2026,\n\
         4,Báo cáo tình hình thực hiện nhiệm vụ tháng,TB 45/TB-STTTT,VP,06/05/2026,25/05/2026,\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &second, &Options::default()).unwrap();
    assert_eq!(seen.directives.len(), 4, "{:?}", told(&seen));
    assert!(
        seen.problems.iter().all(|p| !p.skipped),
        "{:?}",
        told(&seen)
    );
}

/// Unit cells written as a code and the name ("VP - Văn phòng Sở") are the directory's unit,
/// never a new one; e-office states read: "Thu hồi" cancelled, "Chưa đến hạn" not started,
/// "Đã ban hành" done.
#[test]
fn a_code_and_name_in_one_cell_and_e_office_states() {
    let mut o = Office::new();
    let file = o.path("ma-ten.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Tình trạng\n\
         1,Nhiệm vụ một,VP - Văn phòng Sở,01/09/2025,Thu hồi\n\
         2,Nhiệm vụ hai,KHTC - Phòng Kế hoạch - Tài chính,01/09/2025,Chưa đến hạn\n\
         3,Nhiệm vụ ba,Phòng Kế hoạch - Tài chính,01/09/2025,Đã ban hành\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(&str, DirectiveStatus)> = seen
        .directives
        .iter()
        .map(|r| (r.lead_unit.as_str(), r.status))
        .collect();
    assert_eq!(
        got,
        [
            ("Văn phòng Sở", DirectiveStatus::Cancelled),
            ("Phòng Kế hoạch - Tài chính", DirectiveStatus::Assigned),
            ("Phòng Kế hoạch - Tài chính", DirectiveStatus::Done),
        ],
        "{:?}",
        told(&seen)
    );
    assert!(seen.new_units.is_empty());
}

/// A day still to come under "Ngày hoàn thành" (a tracker whose only date column is the day
/// planned) is the deadline of a row that gives none, told, and the task is not done; a day
/// gone by is the completion.
#[test]
fn a_completion_day_still_to_come_is_the_day_planned() {
    let mut o = Office::new();
    let file = o.path("du-kien.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Ngày hoàn thành\n\
         1,Nhiệm vụ một,VP,01/09/2025,31/12/2099\n\
         2,Nhiệm vụ hai,VP,01/09/2025,15/10/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    let got: Vec<(Option<NaiveDate>, DirectiveStatus, Option<NaiveDate>)> = seen
        .directives
        .iter()
        .map(|r| (r.deadline, r.status, r.completed_on))
        .collect();
    assert_eq!(
        got,
        [
            (Some(d(2099, 12, 31)), DirectiveStatus::Assigned, None),
            (None, DirectiveStatus::Done, Some(d(2025, 10, 15))),
        ],
        "{:?}",
        told(&seen)
    );
    assert!(
        told(&seen)
            .iter()
            .any(|m| m.contains("31/12/2099 chưa đến"))
    );
}

/// A tracker citing the office's own notice without its date ("TB số 45/TB-STTTT") is given
/// on the day of that notice's meeting, and its tasks are matched to the notice's.
#[test]
fn a_notice_cited_without_its_date_gives_its_meeting_s_day() {
    let mut o = Office::new();
    o.set_details();
    let notice = o.path("tb45.docx");
    let mut lines: Vec<&str> = vec!["SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: 45/TB-STTTT"];
    lines.extend(NOTICE);
    lines.extend(&TASKS[..1]);
    plain_notice(&notice, &lines);
    intake::commit(&mut o.store, &notice, &Options::default()).unwrap();
    let file = o.path("khong-ngay.csv");
    std::fs::write(
        &file,
        "STT,Nội dung nhiệm vụ,Văn bản giao,Đơn vị chủ trì,Thời hạn\n\
         1,Tham mưu dự toán ngân sách năm 2026,TB số 45/TB-STTTT,Phòng KHTC,30/06/2025\n\
         2,Kiểm tra an toàn thông tin,TB số 45/TB-STTTT,Thanh tra Sở,30/06/2025\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert_eq!(seen.already, 1, "{:?}", told(&seen));
    assert_eq!(seen.directives.len(), 1, "{:?}", told(&seen));
    assert_eq!(seen.directives[0].assigned_on, d(2025, 4, 7));
}

/// "VP HĐND-UBND huyện" is the directory's "Văn phòng HĐND và UBND huyện" ("và" written as a
/// dash), not a new unit nor the "VP" of the Sở; a state that says the work is not begun with
/// its reason comes in not started, its words kept; "Chưa thực hiện xong" is under way.
#[test]
fn a_joint_office_written_with_a_dash_and_work_not_begun_for_a_reason() {
    let mut o = Office::new();
    o.add_units(&["Văn phòng HĐND và UBND huyện"]);
    let file = o.path("huyen.csv");
    std::fs::write(
        &file,
        "TT,Nội dung,Đơn vị chủ trì,Ngày giao,Thời hạn,Tiến độ\n\
         1,Rà soát hồ sơ đất đai,VP HĐND-UBND huyện,05/01/2025,31/03/2025,Chưa làm được do mưa\n\
         2,Tổng hợp báo cáo quý,VP HĐND-UBND huyện,05/01/2025,31/03/2025,Chưa thực hiện xong\n",
    )
    .unwrap();
    let seen = intake::preview(&mut o.store, &file, &Options::default()).unwrap();
    assert!(seen.new_units.is_empty(), "{:?}", seen.new_units);
    assert_eq!(seen.directives.len(), 2, "{:?}", seen.problems);
    assert!(
        seen.directives
            .iter()
            .all(|r| r.lead_unit == "Văn phòng HĐND và UBND huyện" && !r.lead_unit_new)
    );
    let [begun, under] = &seen.directives[..] else {
        unreachable!()
    };
    assert_eq!(begun.status, DirectiveStatus::Assigned);
    assert!(
        begun.content.contains("Chưa làm được do mưa"),
        "{}",
        begun.content
    );
    assert_eq!(under.status, DirectiveStatus::InProgress);
}
