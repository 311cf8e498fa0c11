//! A small office directory on a real database file in a temporary folder.

use chrono::{NaiveDate, TimeZone, Utc};
use giaoban::directive::{self, Directive, NewDirective, Priority, Source};
use giaoban::meeting::{self, MeetingKind, NewMeeting};
use giaoban::minutes::{Attendance, AttendeeRole, NewItem, Who};
use giaoban::person::{self, NewPerson};
use giaoban::unit::{self, NewUnit, UnitKind};
use giaoban::{OpenMode, Store};
use tempfile::TempDir;
use uuid::Uuid;

/// A database with a Sở and three of its units, a director, and one meeting on 02/06/2026.
pub struct Office {
    /// Keeps the temporary folder alive as long as the office.
    pub _dir: TempDir,
    pub store: Store,
    pub vp: Uuid,
    pub ttbc: Uuid,
    pub cds: Uuid,
    pub director: Uuid,
    pub meeting: Uuid,
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Fills `store` with the generator's sample office as of 30/06/2026.
pub fn sample(store: &mut Store, meetings: usize, directives_per_meeting: usize, seed: u64) {
    let opts = giaoban::demo::DemoOptions {
        meetings,
        directives_per_meeting,
        seed,
        anchor: d("2026-06-30"),
    };
    giaoban::demo::generate(store, &opts).unwrap();
}

pub fn office() -> Office {
    let dir = TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("office.sqlite3"), OpenMode::Create).unwrap();
    store.set_actor("thuky");
    let (vp, ttbc, cds, director, meeting) = store
        .write(|tx| {
            let mk = |name: &str, code: &str, kind, parent| {
                unit::create(
                    tx,
                    NewUnit {
                        name: name.into(),
                        short_name: None,
                        code: Some(code.into()),
                        kind,
                        parent_id: parent,
                        sort_order: 0,
                    },
                )
                .map(|u| u.id)
            };
            let so = mk(
                "Sở Thông tin và Truyền thông",
                "STTTT",
                UnitKind::Department,
                None,
            )?;
            let vp = mk("Văn phòng Sở", "VP", UnitKind::Office, Some(so))?;
            let ttbc = mk(
                "Phòng Thông tin - Báo chí - Xuất bản",
                "TTBCXB",
                UnitKind::Division,
                Some(so),
            )?;
            let cds = mk("Phòng Chuyển đổi số", "CDS", UnitKind::Division, Some(so))?;
            let director = person::create(
                tx,
                NewPerson {
                    full_name: "Hà Văn Thắng".into(),
                    title: Some("Giám đốc Sở".into()),
                    unit_id: Some(so),
                },
            )?
            .id;
            let meeting = meeting::create(
                tx,
                NewMeeting {
                    series_id: None,
                    kind: MeetingKind::MonthlyBriefing,
                    title: "Giao ban tháng 6/2026".into(),
                    number: Some("06".into()),
                    // 07:30 on 02/06/2026 in Vietnam.
                    starts_at: Utc.with_ymd_and_hms(2026, 6, 2, 0, 30, 0).unwrap(),
                    ends_at: Some(Utc.with_ymd_and_hms(2026, 6, 2, 3, 0, 0).unwrap()),
                    location: Some("Phòng họp tầng 3".into()),
                    online: false,
                    chair_id: Some(director),
                    secretary_id: None,
                    organiser_unit_id: Some(vp),
                },
            )?
            .id;
            Ok((vp, ttbc, cds, director, meeting))
        })
        .unwrap();
    Office {
        _dir: dir,
        store,
        vp,
        ttbc,
        cds,
        director,
        meeting,
    }
}

impl Office {
    /// A valid directive from the meeting, led by `lead`.
    pub fn new_directive(&self, lead: Uuid, deadline: Option<NaiveDate>) -> NewDirective {
        NewDirective {
            content: "Xây dựng kế hoạch chuyển đổi số năm 2026".into(),
            expected_output: Some("Kế hoạch trình UBND tỉnh".into()),
            source: Source::Meeting {
                meeting_id: self.meeting,
                conclusion_id: None,
            },
            assigned_on: None,
            directing_leader_id: Some(self.director),
            lead_unit_id: lead,
            coordinating_unit_ids: vec![],
            deadline,
            priority: Priority::Normal,
            allow_deadline_before_assigned: false,
            of_record: false,
        }
    }

    pub fn add(&mut self, new: NewDirective) -> giaoban::Result<Directive> {
        self.store.write(|tx| directive::create(tx, new))
    }

    /// Counts rows of a table, to show a refused write changed nothing.
    pub fn count(&self, table: &str) -> i64 {
        self.store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }
}

/// A meeting of `kind` titled `title` starting at `starts_at` (UTC), nothing else said.
pub fn plain_meeting(
    kind: MeetingKind,
    title: &str,
    starts_at: chrono::DateTime<Utc>,
) -> NewMeeting {
    NewMeeting {
        kind,
        ..NewMeeting::new(title, starts_at)
    }
}

/// An attendee to add to a meeting's record.
pub fn attendee(
    who: Who,
    role: AttendeeRole,
    attendance: Attendance,
    note: Option<&str>,
) -> NewItem {
    NewItem::Attendee {
        who,
        role,
        attendance,
        note: note.map(str::to_string),
    }
}
