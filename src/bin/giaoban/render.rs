//! How the CLI prints: aligned tables with Vietnamese headings, or JSON.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};
use giaoban::audit::AuditRow;
use giaoban::backup::{Backup, Reason, Restored};
use giaoban::demo::DemoSummary;
use giaoban::directive::{Directive, DirectivePage, DirectiveStatus};
use giaoban::extract::Extraction;
use giaoban::meeting::{Meeting, MeetingStatus};
use giaoban::minutes::{Attendance, AttendeeRole, MeetingRecord};
use giaoban::person::Person;
use giaoban::search::{Group, Results, Target, bracketed};
use giaoban::stats::{Counts, UnitTable};
use giaoban::store::CheckReport;
use giaoban::timeliness::Bucket;
use giaoban::unit::{Unit, UnitKind};
use giaoban::{Lang, Result, date, unit};
use serde::Serialize;

/// Output settings.
#[derive(Debug, Clone, Copy)]
pub struct Out {
    /// Language of headings.
    pub lang: Lang,
    /// Print JSON instead of a table.
    pub json: bool,
}

impl Out {
    /// The same settings, JSON when `json`.
    pub fn with(self, json: bool) -> Self {
        Out { json, ..self }
    }

    /// The Vietnamese or English text, by the chosen language.
    pub fn t<'a>(&self, vi: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::Vi { vi } else { en }
    }
}

fn print_json<T: Serialize + ?Sized>(v: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(v).expect("records serialise")
    );
}

/// Prints `v` as JSON.
pub fn json<T: Serialize + ?Sized>(v: &T) -> Result<()> {
    print_json(v);
    Ok(())
}

/// A table with these headings.
pub fn table(headers: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_header(headers.to_vec());
    t
}

fn right(t: &mut Table, cols: std::ops::Range<usize>) {
    for c in cols {
        if let Some(col) = t.column_mut(c) {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
}

fn day(d: Option<NaiveDate>, out: Out) -> String {
    d.map_or_else(
        || out.t("không thời hạn", "no deadline").to_string(),
        date::format,
    )
}

/// `s` cut to `n` characters, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

/// The first 18 characters of an id: time and 12 random bits, enough to tell rows apart
/// and to type back (`meeting show` takes any unique beginning).
fn short_id(id: uuid::Uuid) -> String {
    id.to_string()[..18].to_string()
}

/// `init`.
pub fn initialised(lang: Lang, path: &Path) {
    match lang {
        Lang::Vi => println!("Đã khởi tạo cơ sở dữ liệu: {}", path.display()),
        Lang::En => println!("Database ready: {}", path.display()),
    }
}

/// `demo --if-empty` on a database that has data.
pub fn kept(lang: Lang, path: &Path) {
    match lang {
        Lang::Vi => println!(
            "Cơ sở dữ liệu {} đã có dữ liệu; giữ nguyên.",
            path.display()
        ),
        Lang::En => println!("{} already holds data; left as it is.", path.display()),
    }
}

/// `check`.
pub fn check(out: Out, r: &CheckReport) {
    if out.json {
        return print_json(r);
    }
    println!("{}: {}", out.t("Lược đồ", "Schema"), r.schema_version);
    if r.ok {
        println!("{}", out.t("Toàn vẹn dữ liệu: tốt", "Integrity: ok"));
    } else {
        for p in &r.problems {
            println!("{}: {p}", out.t("Lỗi toàn vẹn", "Integrity problem"));
        }
    }
}

/// `demo`.
pub fn demo(out: Out, s: &DemoSummary, took: Duration, path: &Path) {
    println!(
        "{} {} ({:.1} s): {} {}, {} {}, {} {}, {} {}, {} {}, {} {}",
        out.t("Đã tạo dữ liệu mẫu trong", "Sample data written to"),
        path.display(),
        took.as_secs_f64(),
        s.units,
        out.t("đơn vị", "units"),
        s.people,
        out.t("cán bộ", "people"),
        s.meetings,
        out.t("cuộc họp", "meetings"),
        s.directives,
        out.t("nhiệm vụ", "directives"),
        s.progress,
        out.t("báo cáo tiến độ", "progress updates"),
        s.extensions,
        out.t("lần gia hạn", "extensions"),
    );
}

fn kind_label(k: UnitKind, out: Out) -> &'static str {
    giaoban::labels::of("unit_kind", &k, out.lang)
}

/// `units list`.
pub fn units(out: Out, units: &[Unit]) {
    if out.json {
        return print_json(units);
    }
    let mut t = table(&[
        "TT",
        out.t("Mã", "Code"),
        out.t("Tên đơn vị", "Unit"),
        out.t("Loại", "Kind"),
        out.t("Hoạt động", "Active"),
    ]);
    for (i, u) in units.iter().enumerate() {
        t.add_row(vec![
            (i + 1).to_string(),
            u.code.clone().unwrap_or_default(),
            u.name.clone(),
            kind_label(u.kind, out).to_string(),
            if u.active {
                out.t("có", "yes")
            } else {
                out.t("ngừng", "no")
            }
            .to_string(),
        ]);
    }
    println!("{t}");
}

/// `people list`.
pub fn people(out: Out, conn: &rusqlite::Connection, people: &[Person]) -> Result<()> {
    if out.json {
        print_json(people);
        return Ok(());
    }
    let mut t = table(&[
        "TT",
        out.t("Họ và tên", "Name"),
        out.t("Chức vụ", "Title"),
        out.t("Đơn vị", "Unit"),
    ]);
    for (i, p) in people.iter().enumerate() {
        let unit = p
            .unit_id
            .map(|u| unit::get(conn, u).map(|u| u.name))
            .transpose()?;
        t.add_row(vec![
            (i + 1).to_string(),
            p.full_name.clone(),
            p.title.clone().unwrap_or_default(),
            unit.unwrap_or_default(),
        ]);
    }
    println!("{t}");
    Ok(())
}

fn meeting_status(s: MeetingStatus, out: Out) -> &'static str {
    giaoban::labels::of("meeting_status", &s, out.lang)
}

/// `meetings list`.
pub fn meetings(out: Out, meetings: &[Meeting]) {
    if out.json {
        return print_json(meetings);
    }
    let mut t = table(&[
        "ID",
        out.t("Ngày", "Date"),
        out.t("Cuộc họp", "Meeting"),
        out.t("Trạng thái", "Status"),
    ]);
    for m in meetings {
        t.add_row(vec![
            short_id(m.id),
            date::format(m.local_date()),
            clip(&m.title, 70),
            meeting_status(m.status, out).to_string(),
        ]);
    }
    println!("{t}");
}

fn role(r: AttendeeRole, out: Out) -> &'static str {
    giaoban::labels::of("role", &r, out.lang)
}

fn attendance(a: Attendance, out: Out) -> &'static str {
    giaoban::labels::of("attendance", &a, out.lang)
}

/// `meeting show`.
pub fn meeting(out: Out, r: &MeetingRecord) {
    if out.json {
        return print_json(r);
    }
    let m = &r.meeting;
    let local = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&date::office_offset())
            .format("%H:%M %d/%m/%Y")
            .to_string()
    };
    println!("{}", m.title.to_uppercase());
    println!("ID: {}", m.id);
    println!("{}: {}", out.t("Thời gian", "Time"), local(m.starts_at));
    if let Some(end) = m.ends_at {
        println!("{}: {}", out.t("Kết thúc", "Ended"), local(end));
    }
    println!(
        "{}: {}",
        out.t("Địa điểm", "Place"),
        m.location.clone().unwrap_or_default()
    );
    println!(
        "{}: {}",
        out.t("Chủ trì", "Chair"),
        r.chair.clone().unwrap_or_default()
    );
    println!(
        "{}: {}",
        out.t("Thư ký", "Secretary"),
        r.secretary.clone().unwrap_or_default()
    );
    println!(
        "{}: {}",
        out.t("Trạng thái", "Status"),
        meeting_status(m.status, out)
    );
    println!(
        "\n{} ({})",
        out.t("THÀNH PHẦN", "ATTENDEES"),
        r.attendees.len()
    );
    for a in &r.attendees {
        let note = a
            .note
            .as_deref()
            .map(|n| format!(" — {n}"))
            .unwrap_or_default();
        println!(
            "  {}. {} [{}; {}]{note}",
            a.position,
            a.name,
            role(a.role, out),
            attendance(a.attendance, out)
        );
    }
    println!("\n{}", out.t("CHƯƠNG TRÌNH", "AGENDA"));
    for a in &r.agenda {
        println!("  {}. {}", a.position, a.title);
    }
    println!("\n{}", out.t("DIỄN BIẾN", "MINUTES"));
    for line in m.minutes.lines() {
        println!("  {line}");
    }
    println!("\n{} ({})", out.t("Ý KIẾN", "OPINIONS"), r.opinions.len());
    for o in &r.opinions {
        match &o.speaker {
            Some(who) => println!("  {}. {who}: {}", o.position, o.content),
            None => println!("  {}. {}", o.position, o.content),
        }
    }
    println!("\n{}", out.t("KẾT LUẬN", "CONCLUSIONS"));
    for c in &r.conclusions {
        println!("  {}. {}", c.position, c.content);
    }
    let d = &r.draft;
    let pending = [
        (out.t("Thành phần", "Attendee"), &d.attendee),
        (out.t("Chương trình", "Agenda"), &d.agenda),
        (out.t("Ý kiến", "Opinion"), &d.opinion),
        (out.t("Kết luận", "Conclusion"), &d.conclusion),
    ];
    if pending.iter().any(|(_, t)| !t.trim().is_empty()) {
        println!(
            "\n{}",
            out.t(
                "ĐANG GÕ, CHƯA THÊM (sẽ được đưa vào khi kết thúc cuộc họp)",
                "TYPED, NOT YET ADDED (taken in when the meeting ends)"
            )
        );
        for (what, text) in pending.iter().filter(|(_, t)| !t.trim().is_empty()) {
            println!("  {what}: {}", text.trim());
        }
    }
    println!(
        "\n{} ({})",
        out.t("NHIỆM VỤ", "DIRECTIVES"),
        r.directives.len()
    );
    for d in &r.directives {
        println!(
            "  - {} [{}; {}: {}]",
            d.content,
            d.lead_unit,
            out.t("hạn", "due"),
            day(d.deadline, out)
        );
    }
}

fn status(s: DirectiveStatus, out: Out) -> &'static str {
    s.label(out.lang)
}

fn bucket(b: Option<Bucket>, out: Out) -> &'static str {
    b.map_or("—", |b| b.label(out.lang))
}

/// `directives list`.
pub fn directives(out: Out, page: &DirectivePage, as_of: NaiveDate) {
    if out.json {
        return print_json(page);
    }
    let mut t = table(&[
        "ID",
        out.t("Nội dung", "Content"),
        out.t("Chủ trì", "Lead unit"),
        out.t("Hạn", "Deadline"),
        out.t("Trạng thái", "Status"),
        out.t("Đánh giá", "Timeliness"),
        out.t("Quá hạn (ngày)", "Days overdue"),
    ]);
    for d in &page.rows {
        t.add_row(vec![
            short_id(d.id),
            clip(&d.content, 60),
            clip(&d.lead_unit, 32),
            day(d.deadline, out),
            status(d.status, out).to_string(),
            bucket(d.bucket, out).to_string(),
            d.days_overdue.map(|n| n.to_string()).unwrap_or_default(),
        ]);
    }
    right(&mut t, 6..7);
    println!("{t}");
    println!(
        "{} {}/{} {} ({} {})",
        out.t("Hiển thị", "Showing"),
        page.rows.len(),
        page.total,
        out.t("nhiệm vụ", "directives"),
        out.t("tính đến ngày", "as of"),
        date::format(as_of)
    );
}

/// `directives add`.
pub fn directive_added(out: Out, d: &Directive) {
    if out.json {
        return print_json(d);
    }
    println!(
        "{} {} ({}: {})",
        out.t("Đã ghi nhiệm vụ", "Directive recorded:"),
        d.id,
        out.t("hạn", "due"),
        day(d.deadline, out)
    );
}

fn count_cells(c: &Counts) -> Vec<String> {
    vec![
        c.total.to_string(),
        c.done_on_time.to_string(),
        c.done_late.to_string(),
        c.open_within_deadline.to_string(),
        c.open_overdue.to_string(),
        format!("{:.1}%", c.completion_rate),
        format!("{:.1}%", c.on_time_rate),
    ]
}

/// `stats units`.
pub fn unit_stats(out: Out, s: &UnitTable) {
    if out.json {
        return print_json(s);
    }
    let mut t = table(&[
        "TT",
        out.t("Đơn vị", "Unit"),
        out.t("Tổng số", "Total"),
        Bucket::DoneOnTime.label(out.lang),
        Bucket::DoneLate.label(out.lang),
        Bucket::OpenWithinDeadline.label(out.lang),
        Bucket::OpenOverdue.label(out.lang),
        out.t("Tỷ lệ HT", "Completion"),
        out.t("Tỷ lệ đúng hạn", "On time"),
    ]);
    for r in &s.rows {
        let mut row = vec![r.tt.to_string(), clip(&r.unit, 48)];
        row.extend(count_cells(&r.counts));
        t.add_row(row);
    }
    let mut total = vec![String::new(), out.t("Tổng cộng", "Total").to_string()];
    total.extend(count_cells(&s.totals));
    t.add_row(total);
    right(&mut t, 2..9);
    let period = match (s.from, s.to) {
        (None, None) => out.t("toàn bộ", "all time").to_string(),
        (f, t) => format!(
            "{} – {}",
            f.map(date::format).unwrap_or_else(|| "…".into()),
            t.map(date::format).unwrap_or_else(|| "…".into())
        ),
    };
    println!(
        "{}: {period}; {}: {}",
        out.t("Kỳ giao", "Period"),
        out.t("tính đến ngày", "as of"),
        date::format(s.as_of)
    );
    println!("{t}");
}

fn group_label(g: Group, out: Out) -> &'static str {
    match g {
        Group::Meetings => out.t("CUỘC HỌP", "MEETINGS"),
        Group::Directives => out.t("NHIỆM VỤ", "DIRECTIVES"),
        Group::Units => out.t("ĐƠN VỊ", "UNITS"),
        Group::People => out.t("CÁN BỘ", "PEOPLE"),
    }
}

/// `search`: results by group, matches in [brackets].
pub fn search(out: Out, r: &Results) {
    if out.json {
        return print_json(r);
    }
    if r.hits.is_empty() {
        println!("{}", out.t("Không tìm thấy kết quả nào.", "Nothing found."));
        return;
    }
    let mut group = None;
    for h in &r.hits {
        if group != Some(h.group) {
            println!("\n{}", group_label(h.group, out));
            group = Some(h.group);
        }
        let snippet = bracketed(&h.snippet);
        let id = match h.open {
            Target::Meeting(id) | Target::Directive(id) | Target::Unit(id) | Target::Person(id) => {
                id
            }
        };
        println!(
            "- {} ({})\n  {}",
            clip(&h.title, 90),
            short_id(id),
            snippet.replace('\n', " ")
        );
    }
}

/// `reindex`.
pub fn reindexed(lang: Lang, n: u32) {
    match lang {
        Lang::Vi => println!("Đã lập lại chỉ mục tìm kiếm: {n} bản ghi."),
        Lang::En => println!("Search index rebuilt: {n} records."),
    }
}

/// `extract`: the proposed directives as a table, or as the JSON of the extraction contract
/// (units by name: `lead_unit` a string or null, `coordinating_units` strings).
pub fn extraction(out: Out, x: &Extraction) {
    if out.json {
        let directives: Vec<_> = x
            .directives
            .iter()
            .map(|p| {
                serde_json::json!({
                    "content": p.content,
                    "lead_unit": p.lead_unit.as_ref().map(|u| &u.name),
                    "coordinating_units": p.coordinating_units.iter().map(|u| &u.name).collect::<Vec<_>>(),
                    "deadline": p.deadline,
                })
            })
            .collect();
        let set_aside: Vec<&str> = x.set_aside.iter().map(|l| l.content.as_str()).collect();
        return print_json(&serde_json::json!({
            "meeting": x.meeting,
            "directives": directives,
            "set_aside": set_aside,
        }));
    }
    let unknown = out.t("(chưa rõ)", "(unknown)");
    println!(
        "{}: {}   {}: {}",
        out.t("Chủ trì cuộc họp", "Chair"),
        x.meeting.chair.as_deref().unwrap_or(unknown),
        out.t("Ngày họp", "Meeting date"),
        x.meeting
            .date
            .map_or_else(|| unknown.to_string(), date::format)
    );
    let set_aside = || {
        for line in &x.set_aside {
            println!(
                "{}: {}",
                out.t("Không phải nhiệm vụ", "Not a directive"),
                clip(&line.content, 110)
            );
        }
    };
    if x.directives.is_empty() {
        println!(
            "{}",
            out.t("Không tìm thấy nhiệm vụ nào.", "No directives found.")
        );
        set_aside();
        return;
    }
    let mut t = table(&[
        out.t("TT", "No."),
        out.t("Nội dung", "Content"),
        out.t("Chủ trì", "Lead"),
        out.t("Phối hợp", "Coordinating"),
        out.t("Thời hạn", "Deadline"),
    ]);
    for (i, p) in x.directives.iter().enumerate() {
        let names: Vec<&str> = p
            .coordinating_units
            .iter()
            .map(|u| u.name.as_str())
            .collect();
        t.add_row(vec![
            (i + 1).to_string(),
            clip(&p.content, 90),
            p.lead_unit
                .as_ref()
                .map_or(unknown, |u| u.name.as_str())
                .to_string(),
            names.join("; "),
            p.deadline.map_or_else(|| "—".to_string(), date::format),
        ]);
    }
    println!("{t}");
    set_aside();
}

fn reason_label(r: Reason, out: Out) -> &'static str {
    giaoban::labels::of("backup_reason", &r, out.lang)
}

/// `backup`: the backup just made.
pub fn backed_up(out: Out, b: &Backup) {
    if out.json {
        return print_json(b);
    }
    println!(
        "{}: {} ({} KB)",
        out.t("Đã sao lưu và kiểm tra", "Backed up and verified"),
        b.path.display(),
        b.size_kb
    );
}

/// `backup --list`.
pub fn backups(out: Out, list: &[Backup]) {
    if out.json {
        return print_json(list);
    }
    if list.is_empty() {
        println!("{}", out.t("Chưa có bản sao lưu nào.", "No backups yet."));
        return;
    }
    let mut t = table(&[
        out.t("Thời điểm", "Made at"),
        out.t("Lý do", "Reason"),
        out.t("Dung lượng (KB)", "Size (KB)"),
        out.t("Tệp", "File"),
    ]);
    for b in list {
        t.add_row(vec![
            b.made_at.format("%H:%M:%S %d/%m/%Y").to_string(),
            reason_label(b.reason, out).to_string(),
            b.size_kb.to_string(),
            b.path.display().to_string(),
        ]);
    }
    right(&mut t, 2..3);
    println!("{t}");
}

/// The import an undo takes back: its file or sender and when it came in (office time).
pub fn undone(out: Out, last: &giaoban::exchange::LastImport) {
    if out.json {
        return;
    }
    let at = chrono::DateTime::parse_from_rfc3339(&last.at)
        .map(|t| {
            t.with_timezone(&giaoban::date::office_offset())
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| last.at.clone());
    println!(
        "{} “{}” ({at})",
        out.t("Đã hoàn tác lần nhập", "Undone: the import of"),
        last.sender_name
    );
}

/// `restore`.
pub fn restored(out: Out, r: &Restored, from: &Path) {
    if out.json {
        return print_json(r);
    }
    println!(
        "{}: {}",
        out.t("Đã khôi phục từ", "Restored from"),
        from.display()
    );
    if let Some(b) = &r.safety_backup {
        println!(
            "{}: {}",
            out.t(
                "Dữ liệu trước khi khôi phục được giữ tại",
                "The data before the restore is kept in"
            ),
            b.path.display()
        );
    }
    if let Some(p) = &r.moved_aside {
        println!(
            "{}: {}",
            out.t(
                "Cơ sở dữ liệu hỏng đã được chuyển sang",
                "The damaged database was moved to"
            ),
            p.display()
        );
    }
    if r.identity_kept {
        println!(
            "{}",
            out.t(
                "Bản sao lưu là của máy khác: máy này giữ nguyên định danh, khóa ký và danh sách máy tin cậy của mình.",
                "The backup came from another machine: this machine kept its own identity, signing key and trusted machines."
            )
        );
    }
}

/// `audit`: one row per change, fields as `field: old → new`.
pub fn audit(out: Out, rows: &[AuditRow]) {
    if out.json {
        return print_json(rows);
    }
    if rows.is_empty() {
        println!(
            "{}",
            out.t("Không có thay đổi nào phù hợp.", "No matching changes.")
        );
        return;
    }
    let mut t = table(&[
        out.t("Thời điểm", "When"),
        out.t("Người thực hiện", "Who"),
        out.t("Bản ghi", "Record"),
        out.t("Thao tác", "Action"),
        out.t("Thay đổi", "Changes"),
    ]);
    for r in rows {
        let changes: Vec<String> = r
            .changes
            .iter()
            .map(|c| {
                let field = giaoban::labels::label("audit_field", &c.field, out.lang);
                let words = |v: &str| giaoban::audit::value_words(&r.entity, &c.field, v, out.lang);
                let new = words(c.new.as_deref().unwrap_or(""));
                match &c.old {
                    Some(old) => format!("{field}: {} → {}", clip(&words(old), 30), clip(&new, 30)),
                    None => format!("{field}: {}", clip(&new, 40)),
                }
            })
            .collect();
        t.add_row(vec![
            r.at.with_timezone(&date::office_offset())
                .format("%H:%M %d/%m/%Y")
                .to_string(),
            r.actor.clone(),
            format!(
                "{} {}",
                giaoban::labels::label("audit_entity", &r.entity, out.lang),
                clip(r.title.as_deref().unwrap_or(""), 40)
            ),
            giaoban::labels::label("audit_action", &r.action, out.lang).to_string(),
            changes.join("\n"),
        ]);
    }
    println!("{t}");
}

/// `export …`, `report …`: the file written and its number.
pub fn written(out: Out, w: &giaoban::document::Written) {
    match &w.number {
        Some(n) => println!(
            "{} {n}: {}",
            out.t("Đã xuất văn bản số", "Wrote document"),
            w.path.display()
        ),
        None => println!("{}: {}", out.t("Đã xuất", "Wrote"), w.path.display()),
    }
}
