//! What a trusted installation may change here: a unit's machine (compromised or buggy: it
//! signs whatever it likes with its own key) can only report on the directives given to its
//! units; a superior only changes what it made; the same office changes everything.

use std::path::{Path, PathBuf};

use giaoban::directive::{self, NewDirective, Priority, Source, StatusChange};
use giaoban::error::BundleProblem as P;
use giaoban::exchange::role::{Grant, Role};
use giaoban::exchange::{self, ExportOptions, ImportOptions, identity};
use giaoban::followup::{self, NewProgress};
use giaoban::{Error, Lang, Store};
use tempfile::TempDir;
use uuid::Uuid;

use crate::exchange::{everything, fresh};
use crate::fixture::{Office, d, office};

/// The Sở with two directives (one for the press unit, one for the digital unit), the file
/// it sent to the press unit's machine, and where to keep files.
struct Bench {
    so: Office,
    press: Uuid,
    digital: Uuid,
    sent: PathBuf,
    tmp: TempDir,
}

fn setup() -> Bench {
    let mut so = office();
    let (ttbc, cds) = (so.ttbc, so.cds);
    let press = so
        .add(so.new_directive(ttbc, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    let digital = so
        .add(so.new_directive(cds, Some(d("2026-07-31"))))
        .unwrap()
        .id;
    let tmp = TempDir::new().unwrap();
    let sent = tmp.path().join("so.gbx");
    exchange::export(
        &mut so.store,
        &sent,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    Bench {
        so,
        press,
        digital,
        sent,
        tmp,
    }
}

fn trust(role: Role, units: Vec<Uuid>) -> ImportOptions {
    ImportOptions {
        trust: Some(Grant { role, units }),
        ..Default::default()
    }
}

impl Bench {
    /// A new machine of the press unit holding what the Sở sent (the Sở as its superior).
    fn unit_machine(&self, name: &str) -> Store {
        let mut m = fresh(self.tmp.path(), name);
        exchange::import(&mut m, &self.sent, &trust(Role::Superior, vec![])).unwrap();
        m
    }

    /// What `m` sends back: everything it holds.
    fn sent_back(&self, m: &mut Store, name: &str) -> PathBuf {
        let f = self.tmp.path().join(format!("{name}.gbx"));
        exchange::export(m, &f, &ExportOptions::default(), &mut |_, _| {}).unwrap();
        f
    }

    /// The press unit's trust.
    fn as_press_unit(&self) -> ImportOptions {
        trust(Role::Unit, vec![self.so.ttbc])
    }

    /// Imports `file` into the Sở, expects an out-of-role refusal of `change` on a record
    /// of `table`, and checks that nothing at all changed.
    fn refused(&mut self, file: &Path, opts: &ImportOptions, table: &str, change: &str) {
        let before = everything(&self.so.store);
        let err = exchange::import(&mut self.so.store, file, opts)
            .map(|done| panic!("{}: accepted {done:?}", file.display()))
            .unwrap_err();
        match &err {
            Error::Bundle(P::OutOfRole(o)) if o.table == table && o.change == change => {}
            other => panic!("{}: unexpected {other:?}", file.display()),
        }
        let vi = err.message(Lang::Vi);
        assert!(vi.contains("không được"), "{vi}");
        assert!(vi.ends_with("Dữ liệu không bị thay đổi."), "{vi}");
        assert_eq!(everything(&self.so.store), before, "{}", file.display());
    }
}

/// A directive given by a document to `lead`.
fn given_by_document(lead: Uuid) -> NewDirective {
    NewDirective {
        content: "Triển khai Kế hoạch số 45/KH-UBND về chuyển đổi số".into(),
        expected_output: None,
        source: Source::Document {
            number: "45/KH-UBND".into(),
            date: d("2026-06-05"),
        },
        assigned_on: Some(d("2026-06-05")),
        directing_leader_id: None,
        lead_unit_id: lead,
        coordinating_unit_ids: vec![],
        deadline: Some(d("2026-09-30")),
        priority: Priority::Normal,
        allow_deadline_before_assigned: false,
        of_record: false,
    }
}

/// A progress report made on `m` (the report, or the refusal of the write).
fn report(
    m: &mut Store,
    directive: Uuid,
    on: &str,
    percent: u8,
    note: &str,
) -> giaoban::Result<giaoban::followup::Progress> {
    m.write(|tx| {
        followup::add_progress(
            tx,
            directive,
            NewProgress {
                reported_on: d(on),
                reporter_id: None,
                percent,
                note: note.into(),
            },
        )
    })
}

fn sql(m: &Store, statement: &str, id: Uuid) {
    m.conn().execute(statement, [id]).unwrap();
}

/// Each change the issue saw a unit's re-signed file make is refused, naming the record
/// and what it would change; the Sở's database stays exactly as it was.
#[test]
fn a_unit_cannot_change_what_is_not_its_report() {
    let mut b = setup();
    let (press, digital, meeting) = (b.press, b.digital, b.so.meeting);
    let (vp, cds) = (b.so.vp, b.so.cds);
    type Edit = Box<dyn Fn(&mut Store)>;
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "content",
            Box::new(move |m| {
                sql(
                    m,
                    "UPDATE directive SET content = 'Nội dung khác' WHERE id = ?1",
                    press,
                )
            }),
            "directive",
            "content",
        ),
        (
            "deadline",
            Box::new(move |m| {
                sql(
                    m,
                    "UPDATE directive SET deadline = '2027-12-31', original_deadline = '2027-12-31' WHERE id = ?1",
                    press,
                )
            }),
            "directive",
            "deadline",
        ),
        (
            "lead",
            Box::new(move |m| {
                m.conn()
                    .execute(
                        "UPDATE directive SET lead_unit_id = ?1 WHERE id = ?2",
                        (vp, press),
                    )
                    .unwrap();
            }),
            "directive",
            "units",
        ),
        (
            "minutes",
            Box::new(move |m| {
                sql(
                    m,
                    "UPDATE meeting SET minutes = 'Biên bản khác' WHERE id = ?1",
                    meeting,
                )
            }),
            "meeting",
            "minutes",
        ),
        (
            "unit-name",
            Box::new(move |m| {
                sql(
                    m,
                    "UPDATE unit SET name = 'Phòng bị đổi tên' WHERE id = ?1",
                    cds,
                )
            }),
            "unit",
            "name",
        ),
        (
            "other-units-directive",
            Box::new(move |m| {
                m.write(|tx| directive::change_status(tx, digital, StatusChange::Cancel, ""))
                    .unwrap();
            }),
            "directive",
            "status",
        ),
        (
            "cancel-own",
            Box::new(move |m| {
                m.write(|tx| directive::change_status(tx, press, StatusChange::Cancel, ""))
                    .unwrap();
            }),
            "directive",
            "status",
        ),
        (
            "progress-on-another",
            Box::new(move |m| {
                // Written as it is stored, so that the other directive's state stays as sent.
                m.conn()
                    .execute(
                        "INSERT INTO progress (id, directive_id, reported_on, percent, note, created_at, updated_at, origin)
                         VALUES (?1, ?2, '2026-06-10', 50, 'Báo cáo thay', '2026-06-10T01:00:00.000Z', '2026-06-10T01:00:00.000Z', ?3)",
                        (Uuid::now_v7(), digital, m.installation()),
                    )
                    .unwrap();
            }),
            "progress",
            "new",
        ),
        (
            "new-directive",
            Box::new(move |m| {
                m.write(|tx| directive::create(tx, given_by_document(cds)))
                    .unwrap();
            }),
            "directive",
            "new",
        ),
        (
            "delete-meeting",
            Box::new(move |m| {
                m.conn().execute_batch("PRAGMA foreign_keys = OFF").unwrap();
                sql(m, "DELETE FROM meeting WHERE id = ?1", meeting);
            }),
            "meeting",
            "deleted",
        ),
    ];
    let director = b.so.director;
    let mut cases = cases;
    cases.push((
        "reporter-not-its-own",
        Box::new(move |m| {
            m.write(|tx| {
                followup::add_progress(
                    tx,
                    press,
                    NewProgress {
                        reported_on: d("2026-06-10"),
                        reporter_id: Some(director),
                        percent: 50,
                        note: "Báo cáo nhân danh Giám đốc Sở".into(),
                    },
                )
            })
            .unwrap();
        }),
        "progress",
        "new",
    ));
    for (name, edit, table, change) in cases {
        let mut m = b.unit_machine(name);
        edit(&mut m);
        let f = b.sent_back(&mut m, name);
        let opts = b.as_press_unit();
        b.refused(&f, &opts, table, change);
    }
}

/// What a unit may do arrives: its progress report, and its "done" as awaiting the
/// leader's confirmation (never done), the day it reported kept. Its trust is remembered
/// with its role and unit.
#[test]
fn a_units_report_and_done_arrive_awaiting_confirmation() {
    let mut b = setup();
    let press = b.press;
    let mut m = b.unit_machine("press");
    report(
        &mut m,
        press,
        "2026-06-20",
        100,
        "Đã hoàn thành tuyên truyền",
    )
    .unwrap();
    // A hostile build marks it done outright, with a completion date.
    sql(
        &m,
        "UPDATE directive SET status = 'done', completed_on = '2026-06-21' WHERE id = ?1",
        press,
    );
    let f = b.sent_back(&mut m, "press");
    let opts = b.as_press_unit();
    // The preview says which decision changes, before and after.
    let preview = exchange::import(
        &mut b.so.store,
        &f,
        &ImportOptions {
            dry_run: true,
            ..opts.clone()
        },
    )
    .unwrap();
    let status = preview
        .changes
        .iter()
        .find(|c| c.id == press && c.field == "status")
        .expect("the status change is listed");
    assert_eq!(status.before, "assigned");
    assert!(
        status.after.starts_with("awaiting_confirmation"),
        "{status:?}"
    );
    assert_eq!(status.field_words[0], "trạng thái");
    let done = exchange::import(&mut b.so.store, &f, &opts).unwrap();
    assert_eq!(done.tables["progress"].new, 1);
    // The audit says who changed it: the sending office, field by field.
    let (actor, changes): (String, String) = b
        .so
        .store
        .conn()
        .query_row(
            "SELECT actor, changes FROM audit WHERE entity = 'directive' AND entity_id = ?1 AND action = 'import_update'",
            [press],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(actor, done.sender_name);
    assert!(changes.contains("awaiting_confirmation"), "{changes}");
    let (status, reported, completed): (String, Option<String>, Option<String>) =
        b.so.store
            .conn()
            .query_row(
                "SELECT status, reported_done_on, completed_on FROM directive WHERE id = ?1",
                [press],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
    assert_eq!(status, "awaiting_confirmation");
    assert_eq!(reported.as_deref(), Some("2026-06-21"));
    assert_eq!(completed, None);
    let peers = identity::peers(b.so.store.conn()).unwrap();
    let p = peers.iter().find(|p| p.id == done.sender).unwrap();
    assert!(p.trusted);
    assert_eq!(p.role, Role::Unit);
    assert_eq!(
        p.units.iter().map(|u| u.0).collect::<Vec<_>>(),
        vec![b.so.ttbc]
    );
    // The leader confirms here; the same file again changes nothing.
    b.so.store
        .write(|tx| directive::change_status(tx, press, StatusChange::Confirm, ""))
        .unwrap();
    let again = exchange::import(&mut b.so.store, &f, &ImportOptions::default()).unwrap();
    assert!(again.already);
}

/// A superior sends its own directives and changes them later; it never changes this
/// office's records.
#[test]
fn a_superior_changes_only_what_it_made() {
    let mut b = setup();
    let press = b.press;
    let ttbc = b.so.ttbc;
    // The superior (the provincial committee) holds the Sở's records and gives one of its own.
    let mut sup = fresh(b.tmp.path(), "ubnd");
    exchange::import(&mut sup, &b.sent, &trust(Role::Superior, vec![])).unwrap();
    let own = sup
        .write(|tx| directive::create(tx, given_by_document(ttbc)))
        .unwrap()
        .id;
    let f = b.sent_back(&mut sup, "ubnd-1");
    let as_superior = trust(Role::Superior, vec![]);
    let got = exchange::import(&mut b.so.store, &f, &as_superior).unwrap();
    assert_eq!(got.tables["directive"].new, 1);
    // Later it changes its own directive: accepted (the peer is trusted now).
    sql(
        &sup,
        "UPDATE directive SET content = 'Nội dung đã sửa' WHERE id = ?1",
        own,
    );
    let f = b.sent_back(&mut sup, "ubnd-2");
    let got = exchange::import(&mut b.so.store, &f, &ImportOptions::default()).unwrap();
    assert_eq!(got.tables["directive"].updated, 1);
    // The Sở's own directive: refused.
    sql(
        &sup,
        "UPDATE directive SET content = 'Sửa của Sở' WHERE id = ?1",
        press,
    );
    let f = b.sent_back(&mut sup, "ubnd-3");
    b.refused(&f, &ImportOptions::default(), "directive", "content");
}

/// Stamps and clocks sent alone move nothing: a unit that sends another unit's directive
/// unchanged but stamped later, written by someone else, with clocks of its own making,
/// leaves the row and its clocks as they were (a genuine edit of the Sở's other machine is
/// then still taken).
#[test]
fn stamps_and_clocks_alone_change_nothing() {
    let mut b = setup();
    let digital = b.digital;
    let mut m = b.unit_machine("stamps");
    let forged = Uuid::now_v7();
    m.conn()
        .execute(
            "UPDATE directive SET updated_at = '2026-11-30T00:00:00.000Z', origin = ?1 WHERE id = ?2",
            (forged, digital),
        )
        .unwrap();
    let site = m.installation().simple().to_string();
    m.conn()
        .execute(
            "INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
             VALUES ('directive', ?1, 'deadline', ?2, json_object(?3, ?2), ?2)",
            rusqlite::params![digital, format!("{:016x}{site}", 1u64 << 60 >> 20), site],
        )
        .unwrap();
    let f = b.sent_back(&mut m, "stamps");
    let row = |s: &Store| -> (String, Vec<u8>, i64) {
        s.conn()
            .query_row(
                "SELECT updated_at, origin, (SELECT count(*) FROM field_clock WHERE entity = 'directive' AND record_id = ?1)
                 FROM directive WHERE id = ?1",
                [digital],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
    };
    let before = row(&b.so.store);
    let opts = b.as_press_unit();
    exchange::import(&mut b.so.store, &f, &opts).unwrap();
    assert_eq!(row(&b.so.store), before);
}

/// A unit's clocks name at most a few dozen installations: its own report, edited, with
/// a clock naming a hundred made-up ones is refused before it can swell the database.
#[test]
fn a_units_clocks_cannot_swell_the_database() {
    let mut b = setup();
    let press = b.press;
    let mut m = b.unit_machine("swell");
    let report = report(&mut m, press, "2026-06-20", 40, "Đang làm")
        .unwrap()
        .id;
    sql(&m, "UPDATE progress SET percent = 50 WHERE id = ?1", report);
    let vector: serde_json::Map<String, serde_json::Value> = (0..100u128)
        .map(|i| {
            let site = format!("{i:032x}");
            (site.clone(), format!("{:016x}{site}", 1u64 << 56).into())
        })
        .collect();
    m.conn()
        .execute(
            "UPDATE field_clock SET vv = ?1 WHERE entity = 'progress' AND record_id = ?2",
            rusqlite::params![serde_json::Value::Object(vector).to_string(), report],
        )
        .unwrap();
    let f = b.sent_back(&mut m, "swell");
    let before = everything(&b.so.store);
    let opts = b.as_press_unit();
    let err = exchange::import(&mut b.so.store, &f, &opts).unwrap_err();
    assert!(
        matches!(&err, Error::Bundle(P::BadValue(v)) if v.table == "progress" && v.column == "clock"),
        "{err:?}"
    );
    assert_eq!(everything(&b.so.store), before);
}

/// A superior changes only what it made itself: not a unit's report (made outside this
/// office, but not by it), and it deletes nothing that this office's records refer to.
#[test]
fn a_superior_touches_neither_a_units_report_nor_what_the_office_refers_to() {
    let mut b = setup();
    let press = b.press;
    // The unit reports; the Sở takes it.
    let mut m = b.unit_machine("press");
    let report = report(&mut m, press, "2026-06-20", 100, "Xong").unwrap().id;
    let f = b.sent_back(&mut m, "press");
    let opts = b.as_press_unit();
    exchange::import(&mut b.so.store, &f, &opts).unwrap();
    // The superior holds everything the Sở has, and a person of its own.
    let mut sup = fresh(b.tmp.path(), "ubnd");
    let all = b.tmp.path().join("so-2.gbx");
    exchange::export(
        &mut b.so.store,
        &all,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    exchange::import(&mut sup, &all, &trust(Role::Superior, vec![])).unwrap();
    let chair = sup
        .write(|tx| {
            giaoban::person::create(
                tx,
                giaoban::person::NewPerson {
                    full_name: "Nguyễn Văn Chủ".into(),
                    title: Some("Phó Chủ tịch UBND tỉnh".into()),
                    unit_id: None,
                },
            )
        })
        .unwrap()
        .id;
    let f = b.sent_back(&mut sup, "ubnd-1");
    exchange::import(&mut b.so.store, &f, &trust(Role::Superior, vec![])).unwrap();
    // The Sở names that person as the leader of one of its directives.
    b.so.store
        .conn()
        .execute(
            "UPDATE directive SET directing_leader_id = ?1 WHERE id = ?2",
            (chair, press),
        )
        .unwrap();
    let mut changed = fresh(b.tmp.path(), "ubnd-edit");
    exchange::import(
        &mut changed,
        &b.sent_back(&mut sup, "ubnd-copy"),
        &trust(Role::Superior, vec![]),
    )
    .unwrap();
    sql(
        &sup,
        "UPDATE progress SET percent = 5 WHERE id = ?1",
        report,
    );
    let f = b.sent_back(&mut sup, "ubnd-2");
    b.refused(&f, &ImportOptions::default(), "progress", "row");
    sql(
        &sup,
        "UPDATE progress SET percent = 100 WHERE id = ?1",
        report,
    );
    sup.conn()
        .execute_batch("PRAGMA foreign_keys = OFF")
        .unwrap();
    sql(&sup, "DELETE FROM person WHERE id = ?1", chair);
    let f = b.sent_back(&mut sup, "ubnd-3");
    b.refused(&f, &ImportOptions::default(), "person", "deleted");
}

/// What another machine of this office passes on counts as this office's there, whoever
/// wrote it last; and another role's deletion of what a machine does not hold is kept
/// nowhere (it would keep the record out when the office brings it).
#[test]
fn relayed_records_are_the_offices_and_foreign_deletions_of_unheld_records_are_not_kept() {
    let mut b = setup();
    let press = b.press;
    let mut m = b.unit_machine("press");
    m.write(|tx| directive::change_status(tx, press, StatusChange::Start, ""))
        .unwrap();
    let f = b.sent_back(&mut m, "press");
    let opts = b.as_press_unit();
    exchange::import(&mut b.so.store, &f, &opts).unwrap();
    let mut second = fresh(b.tmp.path(), "so-2");
    let all = b.tmp.path().join("so-all.gbx");
    exchange::export(
        &mut b.so.store,
        &all,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    exchange::import(&mut second, &all, &trust(Role::Office, vec![])).unwrap();
    let made_by: Option<Vec<u8>> = second
        .conn()
        .query_row(
            "SELECT made_by FROM directive WHERE id = ?1",
            [press],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        made_by, None,
        "the unit wrote it last, yet it is this office's"
    );
    // A superior made a directive and deleted it before the Sở ever held it.
    let mut sup = fresh(b.tmp.path(), "ubnd");
    exchange::import(&mut sup, &b.sent, &trust(Role::Superior, vec![])).unwrap();
    let gone = sup
        .write(|tx| directive::create(tx, given_by_document(b.so.ttbc)))
        .unwrap()
        .id;
    sup.conn()
        .execute_batch("PRAGMA foreign_keys = OFF")
        .unwrap();
    sql(&sup, "DELETE FROM directive WHERE id = ?1", gone);
    let f = b.sent_back(&mut sup, "ubnd");
    exchange::import(&mut b.so.store, &f, &trust(Role::Superior, vec![])).unwrap();
    let kept: i64 =
        b.so.store
            .conn()
            .query_row(
                "SELECT count(*) FROM tombstone WHERE record_id = ?1",
                [gone],
                |r| r.get(0),
            )
            .unwrap();
    assert_eq!(kept, 0);
}

/// A unit that extends its own deadline sends a request: at the Sở the deadline stays
/// until the leader approves it, and approved it is an extension like one made here.
#[test]
fn a_units_extension_waits_for_the_leader() {
    let mut b = setup();
    let press = b.press;
    let mut m = b.unit_machine("press");
    m.write(|tx| {
        followup::extend_deadline(
            tx,
            press,
            followup::NewExtension {
                new_deadline: d("2026-08-31"),
                reason: "Chờ ý kiến các sở, ngành".into(),
                approver_id: None,
                approved_on: d("2026-06-25"),
            },
        )
    })
    .unwrap();
    let f = b.sent_back(&mut m, "press");
    let opts = b.as_press_unit();
    let got = exchange::import(&mut b.so.store, &f, &opts).unwrap();
    assert_eq!(got.tables["extension"].new, 1);
    let deadline = |s: &Store| -> String {
        s.conn()
            .query_row(
                "SELECT deadline FROM directive WHERE id = ?1",
                [press],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(
        deadline(&b.so.store),
        "2026-06-30",
        "not before the leader approves"
    );
    assert!(
        followup::extensions_of(b.so.store.conn(), press)
            .unwrap()
            .is_empty()
    );
    let asked = followup::requests_of(b.so.store.conn(), Some(press)).unwrap();
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].new_deadline, d("2026-08-31"));
    assert_eq!(asked[0].reason, "Chờ ý kiến các sở, ngành");
    let director = b.so.director;
    b.so.store
        .write(|tx| {
            followup::decide_request(tx, asked[0].id, true, Some(director), d("2026-06-26"))
        })
        .unwrap();
    assert_eq!(deadline(&b.so.store), "2026-08-31");
    let granted = followup::extensions_of(b.so.store.conn(), press).unwrap();
    assert_eq!(granted.len(), 1);
    assert_eq!(granted[0].approver_id, Some(director));
    assert!(
        followup::requests_of(b.so.store.conn(), None)
            .unwrap()
            .is_empty()
    );
    // Its later files still carry the deadline it asked for: they go through. A request
    // that could not be approved (not later than the deadline here) is refused.
    report(&mut m, press, "2026-06-27", 70, "Đã lấy ý kiến").unwrap();
    let later = b.sent_back(&mut m, "press-later");
    let got = exchange::import(&mut b.so.store, &later, &ImportOptions::default()).unwrap();
    assert_eq!(got.tables["progress"].new, 1);
    let mut stale = b.unit_machine("stale");
    stale
        .write(|tx| {
            followup::extend_deadline(
                tx,
                press,
                followup::NewExtension {
                    new_deadline: d("2026-07-15"),
                    reason: "Xin thêm thời gian".into(),
                    approver_id: None,
                    approved_on: d("2026-06-25"),
                },
            )
        })
        .unwrap();
    let f = b.sent_back(&mut stale, "stale");
    let before = everything(&b.so.store);
    let err = exchange::import(&mut b.so.store, &f, &opts).unwrap_err();
    assert!(
        matches!(&err, Error::Bundle(P::BadValue(v)) if v.table == "extension"),
        "{err:?}"
    );
    assert_eq!(everything(&b.so.store), before);
}

/// Peers are named for display: a command finds one by id or fingerprint, and a name two
/// peers share is refused rather than guessed.
#[test]
fn a_name_two_peers_share_is_refused() {
    let b = setup();
    let mut so = b.so;
    for name in ["a", "b"] {
        let mut m = fresh(b.tmp.path(), name);
        m.write(|tx| identity::rename(tx, "Phòng Văn hóa")).unwrap();
        let f = b.tmp.path().join(format!("{name}.gbx"));
        exchange::export(&mut m, &f, &ExportOptions::default(), &mut |_, _| {}).unwrap();
        exchange::import(&mut so.store, &f, &trust(Role::Superior, vec![])).unwrap();
    }
    let peers = identity::peers(so.store.conn()).unwrap();
    assert_eq!(peers.len(), 2);
    let err = identity::find(so.store.conn(), "phong van hoa").unwrap_err();
    assert!(
        err.message(Lang::Vi).contains("khớp với nhiều"),
        "{}",
        err.message(Lang::Vi)
    );
    for p in &peers {
        assert_eq!(
            identity::find(so.store.conn(), &p.fingerprint).unwrap().id,
            p.id
        );
        assert_eq!(
            identity::find(so.store.conn(), &p.id.to_string())
                .unwrap()
                .id,
            p.id
        );
    }
}

mod property {
    //! Two machines of the Sở and the machine of its press unit edit and exchange in random
    //! orders: the Sở's machines end alike, and nothing the unit may not change is ever
    //! changed at the Sở (its files with such a change are refused whole, changing nothing).

    use giaoban::directive::{self, StatusChange};
    use giaoban::exchange::role::{Grant, Role};
    use giaoban::exchange::{self, ExportOptions, ImportOptions};
    use giaoban::followup::{self, NewProgress};
    use giaoban::{Error, Store, meeting};
    use proptest::prelude::*;
    use tempfile::TempDir;
    use uuid::Uuid;

    use crate::exchange::{digest, fresh};
    use crate::fixture::{d, office};

    /// Machines: 0 and 2 the Sở, 1 the press unit.
    const UNIT: usize = 1;

    #[derive(Debug, Clone)]
    enum Op {
        Minutes(usize, u8),
        Progress(usize, usize, u8),
        Status(usize, usize, u8),
        Send(usize, usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..3usize, any::<u8>()).prop_map(|(r, t)| Op::Minutes(r, t)),
            (0..3usize, 0..2usize, 0..=100u8).prop_map(|(r, i, p)| Op::Progress(r, i, p)),
            (0..3usize, 0..2usize, 0..5u8).prop_map(|(r, i, s)| Op::Status(r, i, s)),
            (0..3usize, 0..3usize).prop_map(|(a, b)| Op::Send(a, b)),
        ]
    }

    struct World {
        _home: TempDir,
        tmp: TempDir,
        stores: Vec<Store>,
        meeting: Uuid,
        /// The press unit's directive, then the digital unit's.
        directives: [Uuid; 2],
        press: Uuid,
    }

    impl World {
        fn new() -> World {
            let mut o = office();
            let (ttbc, cds, meeting) = (o.ttbc, o.cds, o.meeting);
            let directives = [
                o.add(o.new_directive(ttbc, Some(d("2026-06-30"))))
                    .unwrap()
                    .id,
                o.add(o.new_directive(cds, None)).unwrap().id,
            ];
            let tmp = TempDir::new().unwrap();
            let crate::fixture::Office { _dir, store, .. } = o;
            let mut w = World {
                _home: _dir,
                stores: vec![store, fresh(tmp.path(), "unit"), fresh(tmp.path(), "so2")],
                tmp,
                meeting,
                directives,
                press: ttbc,
            };
            w.send(0, 2);
            w.send(0, UNIT);
            w.send(2, 0);
            w
        }

        /// How `to` trusts `from`.
        fn grant(&self, from: usize, to: usize) -> Grant {
            match (from, to) {
                (UNIT, _) => Grant {
                    role: Role::Unit,
                    units: vec![self.press],
                },
                (_, UNIT) => Grant {
                    role: Role::Superior,
                    units: vec![],
                },
                _ => Grant::office(),
            }
        }

        fn send(&mut self, a: usize, b: usize) {
            if a == b {
                return;
            }
            let file = self.tmp.path().join(format!("{}.gbx", Uuid::now_v7()));
            exchange::export(
                &mut self.stores[a],
                &file,
                &ExportOptions::default(),
                &mut |_, _| {},
            )
            .unwrap();
            let grant = self.grant(a, b);
            let before = digest(&self.stores[b]);
            let to = &mut self.stores[b];
            match exchange::import(
                to,
                &file,
                &ImportOptions {
                    trust: Some(grant),
                    ..Default::default()
                },
            ) {
                Ok(_) => {}
                Err(Error::Bundle(giaoban::error::BundleProblem::OutOfRole(o))) => {
                    assert_eq!(a, UNIT, "only the unit is ever out of its role: {o:?}");
                    assert_eq!(digest(to), before, "a refused file changed nothing");
                }
                Err(e) => panic!("{e:?}"),
            }
        }

        fn apply(&mut self, op: &Op) {
            let m = self.meeting;
            // Steps the state does not allow are skipped, as a user could not make them.
            let _ = match *op {
                Op::Minutes(r, t) => self.stores[r]
                    .write(|tx| meeting::set_minutes(tx, m, &format!("Biên bản {t} của máy {r}"))),
                Op::Progress(r, i, p) => {
                    let id = self.directives[i];
                    self.stores[r]
                        .write(|tx| {
                            followup::add_progress(
                                tx,
                                id,
                                NewProgress {
                                    reported_on: d("2026-06-10"),
                                    reporter_id: None,
                                    percent: p,
                                    note: format!("Đạt {p}% (máy {r})"),
                                },
                            )
                        })
                        .map(|_| ())
                }
                Op::Status(r, i, s) => {
                    let id = self.directives[i];
                    let change = match s {
                        0 => StatusChange::Start,
                        1 => StatusChange::ReportDone {
                            on: d("2026-06-20"),
                        },
                        2 => StatusChange::Confirm,
                        3 => StatusChange::Return,
                        _ => StatusChange::Cancel,
                    };
                    self.stores[r]
                        .write(|tx| directive::change_status(tx, id, change, ""))
                        .map(|_| ())
                }
                Op::Send(a, b) => {
                    self.send(a, b);
                    Ok(())
                }
            };
        }

        /// Field groups of a record whose value at machine `r` the unit wrote.
        fn written_by_unit(&self, r: usize, entity: &str, id: Uuid) -> Vec<String> {
            let site = self.stores[UNIT].installation().simple().to_string();
            let mut stmt = self.stores[r]
                .conn()
                .prepare("SELECT grp FROM field_clock WHERE entity = ?1 AND record_id = ?2 AND substr(hlc, 17) = ?3")
                .unwrap();
            stmt.query_map(rusqlite::params![entity, id, site], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn the_offices_machines_converge_and_the_unit_stays_in_its_role(ops in prop::collection::vec(op(), 1..25)) {
            let mut w = World::new();
            for op in &ops {
                w.apply(op);
            }
            for _ in 0..2 {
                w.send(0, 2);
                w.send(2, 0);
            }
            prop_assert_eq!(digest(&w.stores[0]), digest(&w.stores[2]));
            for r in [0, 2] {
                prop_assert!(w.written_by_unit(r, "meeting", w.meeting).is_empty());
                prop_assert!(w.written_by_unit(r, "directive", w.directives[1]).is_empty());
                for g in w.written_by_unit(r, "directive", w.directives[0]) {
                    prop_assert_eq!(g.as_str(), "status");
                }
                let (status, completed): (String, Option<String>) = w.stores[r]
                    .conn()
                    .query_row("SELECT status, completed_on FROM directive WHERE id = ?1", [w.directives[0]], |x| Ok((x.get(0)?, x.get(1)?)))
                    .unwrap();
                if !w.written_by_unit(r, "directive", w.directives[0]).is_empty() {
                    prop_assert!(status == "in_progress" || status == "awaiting_confirmation", "{} {:?}", status, completed);
                }
                prop_assert!(w.stores[r].check().unwrap().ok);
            }
        }
    }
}
