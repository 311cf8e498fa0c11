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
    }
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
    m.write(|tx| {
        followup::add_progress(
            tx,
            press,
            NewProgress {
                reported_on: d("2026-06-20"),
                reporter_id: None,
                percent: 100,
                note: "Đã hoàn thành tuyên truyền".into(),
            },
        )
    })
    .unwrap();
    // A hostile build marks it done outright, with a completion date.
    sql(
        &m,
        "UPDATE directive SET status = 'done', completed_on = '2026-06-21' WHERE id = ?1",
        press,
    );
    let f = b.sent_back(&mut m, "press");
    let opts = b.as_press_unit();
    let done = exchange::import(&mut b.so.store, &f, &opts).unwrap();
    assert_eq!(done.tables["progress"].new, 1);
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
