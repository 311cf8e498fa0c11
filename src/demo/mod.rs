//! Realistic Vietnamese sample data at any scale: a Sở with its phòng, trung tâm and
//! districts, leaders and staff, meeting series over years, minutes, opinions,
//! conclusions, and directives with deadlines, progress, extensions and a realistic share
//! overdue. Deterministic for a seed and an anchor date ("today" of the data).
//!
//! Rows are written straight through prepared statements in one transaction (one audit
//! entry records the run), so a million directives take seconds, not minutes. Every row
//! satisfies the same rules [`crate::directive::create`] checks.

mod vocab;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use rusqlite::params;
use serde::Serialize;
use uuid::Uuid;

use crate::calendar::WorkCalendar;
use crate::date::office_offset;
use crate::error::{Error, Result};
use crate::store::value::{date, enum_name, ts};
use crate::store::{Store, Tx};
use crate::unit::UnitKind;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoOptions {
    /// Number of meetings.
    pub meetings: usize,
    /// Directives given in each meeting.
    pub directives_per_meeting: usize,
    /// Random seed; the same seed and anchor give the same data.
    pub seed: u64,
    /// The data's "today": the last meeting is held on it and statuses are as of it.
    pub anchor: NaiveDate,
}

/// Meetings in the usual sample ("Bắt đầu với dữ liệu mẫu", `giaoban demo`).
pub const MEETINGS: usize = 200;
/// Directives given in each meeting of the usual sample.
pub const DIRECTIVES_PER_MEETING: usize = 8;

impl DemoOptions {
    /// The usual sample, as of `anchor`: the same in the window and the CLI.
    pub fn usual(anchor: NaiveDate) -> DemoOptions {
        DemoOptions {
            meetings: MEETINGS,
            directives_per_meeting: DIRECTIVES_PER_MEETING,
            seed: 1,
            anchor,
        }
    }
}

/// How many records were made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DemoSummary {
    /// Units.
    pub units: u32,
    /// People.
    pub people: u32,
    /// Meetings.
    pub meetings: u32,
    /// Attendance lines.
    pub attendees: u32,
    /// Opinions.
    pub opinions: u32,
    /// Conclusion items.
    pub conclusions: u32,
    /// Directives.
    pub directives: u32,
    /// Progress updates.
    pub progress: u32,
    /// Deadline extensions.
    pub extensions: u32,
}

/// Fills an empty database with sample data. Refuses a database that already has units.
pub fn generate(store: &mut Store, opts: &DemoOptions) -> Result<DemoSummary> {
    store.bulk_write(|tx| {
        let units: i64 = tx.query_row("SELECT count(*) FROM unit", [], |r| r.get(0))?;
        if units > 0 {
            return Err(Error::NotEmpty);
        }
        let mut g = Gen::new(tx, opts);
        g.directory()?;
        g.meetings()?;
        crate::office::save(tx, &vocab::office())?;
        tx.audit(
            "database",
            tx.installation(),
            "demo",
            serde_json::json!({ "seed": opts.seed, "anchor": opts.anchor, "counts": g.summary }),
        )?;
        Ok(g.summary)
    })
}

/// One directive drawn by the generator, before it is written.
struct Planned {
    id: Uuid,
    lead: usize,
    coords: Vec<usize>,
    leader: usize,
    content: String,
    output: Option<&'static str>,
    original: Option<NaiveDate>,
    extended: Option<NaiveDate>,
    status: &'static str,
    reported: Option<NaiveDate>,
    completed: Option<NaiveDate>,
    priority: &'static str,
    sentence: String,
}

struct Person {
    id: Uuid,
    name: String,
    title: String,
}

struct Unit {
    id: Uuid,
    name: String,
    internal: bool,
    district: bool,
    head: Option<usize>,
}

struct Gen<'t, 'c> {
    tx: &'t Tx<'c>,
    opts: DemoOptions,
    rng: fastrand::Rng,
    origin: Uuid,
    units: Vec<Unit>,
    people: Vec<Person>,
    director: usize,
    deputies: Vec<usize>,
    secretaries: Vec<usize>,
    series: [Uuid; 5],
    summary: DemoSummary,
}

/// Minutes since the Unix epoch at which the generator's clock starts for a date.
fn at(d: NaiveDate, hour: u32, minute: u32) -> chrono::DateTime<Utc> {
    let t = NaiveTime::from_hms_opt(hour, minute, 0).expect("valid time");
    office_offset()
        .from_local_datetime(&d.and_time(t))
        .single()
        .expect("UTC+7 has no gaps")
        .with_timezone(&Utc)
}

impl<'t, 'c> Gen<'t, 'c> {
    fn new(tx: &'t Tx<'c>, opts: &DemoOptions) -> Self {
        Gen {
            tx,
            opts: opts.clone(),
            rng: fastrand::Rng::with_seed(opts.seed),
            origin: tx.installation(),
            units: Vec::new(),
            people: Vec::new(),
            director: 0,
            deputies: Vec::new(),
            secretaries: Vec::new(),
            series: [Uuid::nil(); 5],
            summary: DemoSummary::default(),
        }
    }

    /// A UUID v7 stamped with `t`, random bits from the seeded generator.
    fn id(&mut self, t: chrono::DateTime<Utc>) -> Uuid {
        let mut bytes = [0u8; 10];
        self.rng.fill(&mut bytes);
        uuid::Builder::from_unix_timestamp_millis(t.timestamp_millis().max(0) as u64, &bytes)
            .into_uuid()
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.rng.usize(..xs.len())]
    }

    fn name(&mut self) -> String {
        let f = *self.pick(vocab::FAMILY);
        let m = *self.pick(vocab::MIDDLE);
        let g = *self.pick(vocab::GIVEN);
        format!("{f} {m} {g}")
    }

    fn directory(&mut self) -> Result<()> {
        let start = at(self.opts.anchor - Duration::days(3650 + 30), 8, 0);
        let now = ts(start);
        let mut ins_unit = self.tx.prepare_cached(
            "INSERT INTO unit (id, name, short_name, code, kind, parent_id, active, sort_order, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
        )?;
        let mut parent: Option<Uuid> = None;
        for (i, (name, short, code, kind, internal)) in vocab::UNITS.iter().enumerate() {
            let id = self.id(start);
            ins_unit.execute(params![
                id,
                name,
                short,
                code,
                enum_name(kind),
                parent,
                true,
                i as i64 * 10,
                now,
                self.origin
            ])?;
            if *kind == UnitKind::Department {
                parent = Some(id);
            }
            self.units.push(Unit {
                id,
                name: name.to_string(),
                internal: *internal,
                district: *kind == UnitKind::District,
                head: None,
            });
        }
        let (merged, code, kind) = vocab::MERGED_UNIT;
        let id = self.id(start);
        ins_unit.execute(params![
            id,
            merged,
            merged,
            code,
            enum_name(&kind),
            parent,
            false,
            999,
            now,
            self.origin
        ])?;
        self.summary.units = self.units.len() as u32 + 1;

        let mut ins_person = self.tx.prepare_cached(
            "INSERT INTO person (id, full_name, title, unit_id, active, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
        )?;
        let mut add = |g: &mut Self, unit: usize, title: String, active: bool| -> Result<usize> {
            let id = g.id(start);
            let name = g.name();
            ins_person.execute(params![
                id,
                name,
                title,
                g.units[unit].id,
                active,
                now,
                g.origin
            ])?;
            g.people.push(Person { id, name, title });
            Ok(g.people.len() - 1)
        };
        self.director = add(self, 0, "Giám đốc Sở".into(), true)?;
        for _ in 0..3 {
            let p = add(self, 0, "Phó Giám đốc Sở".into(), true)?;
            self.deputies.push(p);
        }
        add(self, 0, "Phó Giám đốc Sở (đã nghỉ hưu)".into(), false)?;
        for u in 1..self.units.len() {
            if !self.units[u].internal && !self.units[u].district {
                continue;
            }
            let head_title = match u {
                1 => "Chánh Văn phòng".to_string(),
                2 => "Chánh Thanh tra".to_string(),
                _ if self.units[u].district => format!("Trưởng {}", self.units[u].name),
                _ => format!("Trưởng {}", lower_first(&self.units[u].name)),
            };
            let head = add(self, u, head_title, true)?;
            self.units[u].head = Some(head);
            if self.units[u].internal {
                add(self, u, "Phó Trưởng phòng".into(), true)?;
                let staff = add(self, u, "Chuyên viên".into(), true)?;
                if u == 1 {
                    self.secretaries.push(staff);
                    let s2 = add(self, u, "Chuyên viên".into(), true)?;
                    self.secretaries.push(s2);
                }
            }
        }
        self.summary.people = self.people.len() as u32;

        let chair = self.people[self.director].id;
        let names = [
            (
                "Giao ban tháng Sở Thông tin và Truyền thông",
                "monthly_briefing",
            ),
            (
                "Giao ban trực tuyến với các huyện, thị xã, thành phố",
                "online_briefing",
            ),
            ("Hội nghị triển khai nhiệm vụ năm", "conference"),
            ("Làm việc với lãnh đạo UBND tỉnh", "working_session"),
            ("Giao ban lãnh đạo Sở hằng tuần", "other"),
        ];
        for (i, (name, kind)) in names.iter().enumerate() {
            let id = self.id(start);
            self.tx.execute(
                "INSERT INTO series (id, name, kind, organiser_unit_id, chair_id, location, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
                params![id, name, kind, self.units[1].id, chair, vocab::ROOM, now, self.origin],
            )?;
            self.series[i] = id;
        }
        Ok(())
    }

    fn meetings(&mut self) -> Result<()> {
        let n = self.opts.meetings;
        if n == 0 {
            return Ok(());
        }
        let span = (n as i64 * 3).clamp(365, 3650);
        let first = self.opts.anchor - Duration::days(span);
        let mut numbers = std::collections::HashMap::new();
        let calendar = WorkCalendar::default();
        let last = calendar.working_day_on_or_before(self.opts.anchor);
        for i in 0..n {
            let day = working_day_by(
                &calendar,
                first + Duration::days((i as i64 + 1) * span / n as i64),
                last,
            );
            let kind = match i % 50 {
                7 => 2,
                _ => match i % 10 {
                    0 => 0,
                    5 => 1,
                    3 => 3,
                    _ => 4,
                },
            };
            let number = numbers.entry((kind, day.year())).or_insert(0u32);
            *number += 1;
            let number = *number;
            self.meeting(day, kind, number)?;
        }
        Ok(())
    }

    fn meeting(&mut self, day: NaiveDate, kind: usize, number: u32) -> Result<()> {
        let (y, m) = (day.year(), day.month());
        let title = match kind {
            0 => format!("Giao ban tháng {m}/{y}"),
            1 => format!("Giao ban trực tuyến với các huyện, thị xã, thành phố tháng {m}/{y}"),
            2 => format!("Hội nghị triển khai nhiệm vụ năm {y}"),
            3 => "Làm việc với đồng chí Phó Chủ tịch UBND tỉnh".to_string(),
            _ => {
                let week = day.iso_week();
                format!("Giao ban lãnh đạo Sở tuần {}/{}", week.week(), week.year())
            }
        };
        let kind_name = [
            "monthly_briefing",
            "online_briefing",
            "conference",
            "working_session",
            "other",
        ][kind];
        let afternoon = self.rng.u8(..4) == 0;
        let start = if afternoon {
            at(day, 14, 0)
        } else {
            at(day, 7, 30)
        };
        let end = start + Duration::minutes(90 + self.rng.i64(0..120));
        let chair = if kind == 4 && self.rng.bool() {
            *self.pick(&self.deputies.clone())
        } else {
            self.director
        };
        let secretary = *self.pick(&self.secretaries.clone());
        let status = if day < self.opts.anchor {
            "closed"
        } else {
            "in_progress"
        };
        let id = self.id(start);
        let mid = id;
        let created = ts(start - Duration::days(2));
        let updated = ts(end);
        let minutes = self.minutes_text(start, chair);
        self.tx
            .prepare_cached(
                "INSERT INTO meeting (id, series_id, kind, title, number, starts_at, ends_at, location, online, chair_id,
                 secretary_id, organiser_unit_id, status, minutes, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?
            .execute(params![
                mid, self.series[kind], kind_name, title, format!("{number:02}"), ts(start), ts(end),
                vocab::ROOM, kind == 1, self.people[chair].id, self.people[secretary].id,
                self.units[1].id, status, minutes, created, updated, self.origin
            ])?;
        self.summary.meetings += 1;
        self.attendees(mid, start, chair, secretary, kind == 1, &updated)?;
        self.opinions(mid, start, &updated)?;
        self.agenda(mid, start, day, &updated)?;
        self.directives(mid, day, start, chair, &updated)?;
        Ok(())
    }

    fn minutes_text(&mut self, start: chrono::DateTime<Utc>, chair: usize) -> String {
        let local = start.with_timezone(&office_offset());
        let day = local.date_naive();
        let mut s = format!(
            "Thời gian bắt đầu: {} giờ {:02} phút, ngày {}.\nChủ trì: đồng chí {}, {}.\n",
            local.hour(),
            local.minute(),
            crate::date::format(day),
            self.people[chair].name,
            self.people[chair].title
        );
        let reports = 4 + self.rng.usize(..6);
        for _ in 0..reports {
            let u = 1 + self.rng.usize(..9);
            let action: &str = self.pick::<&str>(vocab::ACTIONS);
            let action = lower_first(action);
            let object = self.object(day);
            let object2 = self.object(day);
            s.push_str(&format!(
                "{} báo cáo: trong kỳ đã {action} {object}; các nhiệm vụ trọng tâm kỳ tới gồm {object2}, \
                 đồng thời đề xuất lãnh đạo Sở chỉ đạo tháo gỡ các vướng mắc phát sinh.\n",
                self.units[u].name
            ));
        }
        s
    }

    fn object(&mut self, day: NaiveDate) -> String {
        let q = ["I", "II", "III", "IV"][(day.month0() / 3) as usize];
        self.pick(vocab::OBJECTS)
            .replace("{year}", &day.year().to_string())
            .replace("{q}", q)
    }

    fn attendees(
        &mut self,
        mid: Uuid,
        start: chrono::DateTime<Utc>,
        chair: usize,
        secretary: usize,
        online: bool,
        stamp: &str,
    ) -> Result<()> {
        let mut lines: Vec<(Option<usize>, Option<usize>, &str)> = vec![
            (Some(chair), None, "chair"),
            (Some(secretary), None, "secretary"),
        ];
        for p in std::iter::once(self.director).chain(self.deputies.clone()) {
            if p != chair {
                lines.push((Some(p), None, "member"));
            }
        }
        for u in 1..self.units.len() {
            match (self.units[u].head, self.units[u].district) {
                (Some(h), false) => lines.push((Some(h), None, "member")),
                (_, true) if online => lines.push((None, Some(u), "member")),
                _ => {}
            }
        }
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO attendee (id, meeting_id, position, person_id, unit_id, guest_name, role, attendance, note, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8, ?9, ?9, ?10)",
        )?;
        for (pos, (person, unit, role)) in lines.into_iter().enumerate() {
            let r = self.rng.u8(..100);
            let (attendance, note) = match (unit, r) {
                (Some(_), _) => ("online", Some("Điểm cầu huyện")),
                (None, 0..=6) if role == "member" => ("excused", Some("Đi công tác")),
                (None, 7..=8) if role == "member" => ("absent", None),
                (None, 9..=12) if role == "member" => ("late", Some("Đến muộn 15 phút")),
                _ => ("present", None),
            };
            let id = self.id(start);
            stmt.execute(params![
                id,
                mid,
                pos as i64 + 1,
                person.map(|p| self.people[p].id),
                unit.map(|u| self.units[u].id),
                role,
                attendance,
                note,
                stamp,
                self.origin
            ])?;
            self.summary.attendees += 1;
        }
        Ok(())
    }

    fn opinions(&mut self, mid: Uuid, start: chrono::DateTime<Utc>, stamp: &str) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO opinion (id, meeting_id, position, speaker_id, speaker_name, unit_id, content, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, ?7, ?7, ?8)",
        )?;
        for pos in 0..3 + self.rng.usize(..7) {
            let u = 1 + self.rng.usize(..9);
            let Some(head) = self.units[u].head else {
                continue;
            };
            let topic = *self.pick(vocab::OPINION_TOPICS);
            let content = format!(
                "Đồng chí {}, {} {topic}.",
                self.people[head].name, self.people[head].title
            );
            let id = self.id(start);
            stmt.execute(params![
                id,
                mid,
                pos as i64 + 1,
                self.people[head].id,
                self.units[u].id,
                content,
                stamp,
                self.origin
            ])?;
            self.summary.opinions += 1;
        }
        Ok(())
    }

    fn agenda(
        &mut self,
        mid: Uuid,
        start: chrono::DateTime<Utc>,
        day: NaiveDate,
        stamp: &str,
    ) -> Result<()> {
        let items = [
            format!(
                "Các đơn vị báo cáo kết quả thực hiện nhiệm vụ tháng {}, phương hướng nhiệm vụ tháng tới",
                day.month()
            ),
            "Thảo luận, đóng góp ý kiến".to_string(),
            "Lãnh đạo Sở phát biểu kết luận".to_string(),
        ];
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO agenda_item (id, meeting_id, position, title, presenter_id, unit_id, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, NULL, NULL, ?5, ?5, ?6)",
        )?;
        for (pos, title) in items.iter().enumerate() {
            let id = self.id(start);
            stmt.execute(params![id, mid, pos as i64 + 1, title, stamp, self.origin])?;
        }
        Ok(())
    }

    fn directives(
        &mut self,
        mid: Uuid,
        day: NaiveDate,
        start: chrono::DateTime<Utc>,
        chair: usize,
        stamp: &str,
    ) -> Result<()> {
        let n = self.opts.directives_per_meeting;
        let mut done = 0;
        let mut position = 1;
        while done < n {
            let group = (1 + self.rng.usize(..3)).min(n - done);
            let cid = self.id(start);
            // The conclusion's text is composed from its directives: plan them, write the
            // conclusion (they refer to it), then write them.
            let plans: Vec<Planned> = (0..group).map(|_| self.plan(day, start, chair)).collect();
            let text: Vec<&str> = plans.iter().map(|p| p.sentence.as_str()).collect();
            self.tx
                .prepare_cached(
                    "INSERT INTO conclusion (id, meeting_id, position, content, created_at, updated_at, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
                )?
                .execute(params![cid, mid, position, text.join(" "), stamp, self.origin])?;
            for p in &plans {
                self.write_directive(p, mid, cid, day, start)?;
            }
            self.summary.conclusions += 1;
            position += 1;
            done += group;
        }
        Ok(())
    }

    /// Draws everything about one directive, and the sentence of the conclusion giving it.
    fn plan(&mut self, day: NaiveDate, start: chrono::DateTime<Utc>, chair: usize) -> Planned {
        let lead = self.lead_unit();
        let coords = self.coordinating(lead);
        let leader = if self.rng.u8(..10) < 7 {
            chair
        } else {
            *self.pick(&self.deputies.clone())
        };
        let action = *self.pick(vocab::ACTIONS);
        let object = self.object(day);
        let qualifier = *self.pick(vocab::QUALIFIERS);
        let content = format!("{action} {object}{qualifier}.");
        let output = (self.rng.u8(..10) < 6).then(|| *self.pick(vocab::OUTPUTS));
        let original = self.deadline(day);
        let extended = original
            .filter(|_| self.rng.u8(..100) < 6)
            .map(|d| d + Duration::days(15 + self.rng.i64(0..45)));
        let (status, reported, completed) = self.outcome(day, extended.or(original));
        let priority = match self.rng.u8(..20) {
            0 => "urgent",
            1..=3 => "high",
            _ => "normal",
        };
        let coord_text = if coords.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = coords
                .iter()
                .map(|c| self.units[*c].name.as_str())
                .collect();
            format!(", phối hợp với {}", names.join(", "))
        };
        let dl_text = original.map_or_else(
            || " Thực hiện thường xuyên.".to_string(),
            |d| {
                format!(
                    " Thời hạn hoàn thành: trước ngày {}.",
                    crate::date::format(d)
                )
            },
        );
        let sentence = format!(
            "Giao {} chủ trì{coord_text}: {}{dl_text}",
            self.units[lead].name,
            lower_first(&content)
        );
        Planned {
            id: self.id(start),
            lead,
            coords,
            leader,
            content,
            output,
            original,
            extended,
            status,
            reported,
            completed,
            priority,
            sentence,
        }
    }

    /// Writes a planned directive with its coordination, extension and progress.
    fn write_directive(
        &mut self,
        p: &Planned,
        mid: Uuid,
        cid: Uuid,
        day: NaiveDate,
        start: chrono::DateTime<Utc>,
    ) -> Result<()> {
        let anchor = self.opts.anchor;
        let deadline = p.extended.or(p.original);
        let updated = p
            .completed
            .or(p.reported)
            .map_or_else(|| ts(start), |d| ts(at(d, 16, 0)));
        self.tx
            .prepare_cached(
                "INSERT INTO directive (id, content, expected_output, meeting_id, conclusion_id, document_number, document_date,
                 assigned_on, directing_leader_id, lead_unit_id, original_deadline, deadline, priority, status,
                 reported_done_on, completed_on, created_at, updated_at, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, NULL, NULL, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            )?
            .execute(params![
                p.id, p.content, p.output, mid, cid, date(day), self.people[p.leader].id,
                self.units[p.lead].id, p.original.map(date), deadline.map(date), p.priority, p.status,
                p.reported.map(date), p.completed.map(date), ts(start), updated, self.origin
            ])?;
        self.summary.directives += 1;
        let mut stmt = self
            .tx
            .prepare_cached("INSERT INTO directive_unit (directive_id, unit_id) VALUES (?1, ?2)")?;
        for c in &p.coords {
            stmt.execute([&p.id, &self.units[*c].id])?;
        }
        if let (Some(orig), Some(new)) = (p.original, p.extended) {
            let approved = (orig - Duration::days(3)).max(day).min(anchor);
            let eid = self.id(at(approved, 10, 0));
            self.tx
                .prepare_cached(
                    "INSERT INTO extension (id, directive_id, previous_deadline, new_deadline, reason, approver_id, approved_on, created_at, updated_at, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
                )?
                .execute(params![
                    eid, p.id, date(orig), date(new),
                    "Đơn vị đề nghị gia hạn do cần thêm thời gian lấy ý kiến các cơ quan liên quan",
                    self.people[p.leader].id, date(approved), ts(at(approved, 10, 0)), self.origin
                ])?;
            self.summary.extensions += 1;
        }
        self.progress(p.id, p.lead, day, p.status, p.reported.or(p.completed))
    }

    fn lead_unit(&mut self) -> usize {
        loop {
            let u = 1 + self.rng.usize(..self.units.len() - 1);
            let unit = &self.units[u];
            let wanted = if self.rng.u8(..100) < 85 {
                unit.internal
            } else {
                unit.district
            };
            if wanted {
                return u;
            }
        }
    }

    fn coordinating(&mut self, lead: usize) -> Vec<usize> {
        let k = [0, 0, 1, 1, 1, 2, 2, 3][self.rng.usize(..8)];
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k {
            let u = 1 + self.rng.usize(..self.units.len() - 1);
            if u != lead && !out.contains(&u) {
                out.push(u);
            }
        }
        out
    }

    fn deadline(&mut self, day: NaiveDate) -> Option<NaiveDate> {
        let end_of_month = |d: NaiveDate, months: u32| {
            let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("first of month");
            first
                .checked_add_months(chrono::Months::new(months + 1))
                .expect("in range")
                - Duration::days(1)
        };
        match self.rng.u8(..100) {
            0..=7 => None,
            8..=22 => Some(day + Duration::days(7)),
            23..=37 => Some(day + Duration::days(15)),
            38..=55 => Some(end_of_month(day, 0).max(day + Duration::days(5))),
            56..=70 => Some(end_of_month(day, 1)),
            71..=80 => {
                let q_end_month = (day.month0() / 3) * 3 + 2;
                Some(end_of_month(day, q_end_month - day.month0()).max(day + Duration::days(10)))
            }
            81..=90 => Some(day + Duration::days(60 + self.rng.i64(0..31))),
            _ => Some(
                NaiveDate::from_ymd_opt(day.year(), 12, 31)
                    .expect("31/12")
                    .max(day + Duration::days(30)),
            ),
        }
    }

    /// Status, reported date and completion date as of the anchor.
    fn outcome(
        &mut self,
        day: NaiveDate,
        deadline: Option<NaiveDate>,
    ) -> (&'static str, Option<NaiveDate>, Option<NaiveDate>) {
        let anchor = self.opts.anchor;
        let r = self.rng.u8(..100);
        if r < 2 {
            return ("cancelled", None, None);
        }
        let finish = if r < 8 {
            None // stuck: never finished
        } else {
            let window = deadline.map_or(150, |d| (d - day).num_days().max(1));
            Some(if self.rng.u8(..100) < 82 {
                day + Duration::days(1 + self.rng.i64(0..window))
            } else {
                deadline.unwrap_or(day + Duration::days(window))
                    + Duration::days(1 + self.rng.i64(0..45))
            })
        };
        match finish {
            Some(f) if f <= anchor => ("done", Some(f), Some(f)),
            _ => {
                let started = (anchor - day).num_days() > 3;
                match self.rng.u8(..100) {
                    0..=6
                        if started && deadline.is_none_or(|d| d >= anchor - Duration::days(10)) =>
                    {
                        let back = self.rng.i64(0..5).min((anchor - day).num_days());
                        (
                            "awaiting_confirmation",
                            Some(anchor - Duration::days(back)),
                            None,
                        )
                    }
                    7..=9 if started => ("suspended", None, None),
                    10..=29 => ("assigned", None, None),
                    _ if started => ("in_progress", None, None),
                    _ => ("assigned", None, None),
                }
            }
        }
    }

    fn progress(
        &mut self,
        did: Uuid,
        lead: usize,
        day: NaiveDate,
        status: &str,
        finished: Option<NaiveDate>,
    ) -> Result<()> {
        if matches!(status, "assigned" | "cancelled") {
            return Ok(());
        }
        let last = finished.unwrap_or(self.opts.anchor).max(day);
        let reporter = self.units[lead].head.map(|h| self.people[h].id);
        let n = 1 + self.rng.usize(..2);
        let span = (last - day).num_days().max(0);
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO progress (id, directive_id, reported_on, reporter_id, percent, note, created_at, updated_at, origin)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        )?;
        for k in 1..=n {
            let on = if k == n {
                last
            } else {
                day + Duration::days(span * k as i64 / (n as i64 + 1))
            };
            let complete = k == n && finished.is_some();
            let percent = if complete {
                100
            } else {
                (30 * k as i64 + self.rng.i64(0..30)).min(90)
            };
            let note = if complete {
                "Đã hoàn thành, gửi báo cáo kết quả về Văn phòng Sở."
            } else {
                "Đang triển khai theo kế hoạch, đã xây dựng dự thảo và lấy ý kiến các đơn vị."
            };
            let id = self.id(at(on, 16, 0));
            stmt.execute(params![
                id,
                did,
                date(on),
                reporter,
                percent,
                note,
                ts(at(on, 16, 0)),
                self.origin
            ])?;
            self.summary.progress += 1;
        }
        Ok(())
    }
}

/// The meeting day for a planned date: the nearest working day of Vietnam's calendar (a
/// Saturday or a day before a holiday moves back, a Sunday or a holiday's last day forward),
/// and nothing later than `last`, the last working day on or before the anchor.
fn working_day_by(calendar: &WorkCalendar, day: NaiveDate, last: NaiveDate) -> NaiveDate {
    let back = calendar.working_day_on_or_before(day);
    let forward = calendar.add_working_days(day, 0);
    let day = if (forward - day) < (day - back) {
        forward
    } else {
        back
    };
    day.min(last)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}
