//! Backups made by SQLite and verified, rotation, restore round trip, and a damaged database
//! at start moved aside, never opened.

use std::fs;
use std::path::{Path, PathBuf};

use giaoban::attachment::{self, OwnerKind};
use giaoban::backup::{self, Reason};
use giaoban::error::Error;
use giaoban::{OpenMode, Store, unit};

use crate::fixture::office;

/// Overwrites a few bytes in the middle of a database file: the header of the page that
/// holds the `unit` table, as a torn write or a failing disk would.
fn damage(db: &Path) -> Vec<u8> {
    let (root, page): (i64, i64) = {
        let c = rusqlite::Connection::open(db).unwrap();
        let root = c
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'unit'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (
            root,
            c.pragma_query_value(None, "page_size", |r| r.get(0))
                .unwrap(),
        )
    };
    let mut bytes = fs::read(db).unwrap();
    let at = ((root - 1) * page) as usize;
    bytes[at..at + 8].copy_from_slice(&[0xFF, 0x00, 0x13, 0x37, 0xFF, 0xFF, 0x00, 0x07]);
    fs::write(db, &bytes).unwrap();
    bytes
}

fn unit_names(db: &Path) -> Vec<String> {
    let store = Store::open(db, OpenMode::Existing).unwrap();
    unit::list(store.conn(), true)
        .unwrap()
        .into_iter()
        .map(|u| u.name)
        .collect()
}

#[test]
fn a_backup_restores_the_data_it_was_made_from() {
    let mut o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let before = unit_names(&db);
    let meeting = o.meeting;
    let scan = b"%PDF-1.4 bien ban da ky".to_vec();
    let files = o.store.attachments_dir().unwrap();
    let attached = o
        .store
        .write(|tx| {
            attachment::attach(
                tx,
                &files,
                OwnerKind::Meeting,
                meeting,
                "bien-ban.pdf",
                &scan,
            )
        })
        .unwrap();
    let b = backup::make(o.store.path().unwrap(), &dir, Reason::Manual).unwrap();
    assert!(b.size_kb > 0 && b.path.exists());
    assert_eq!(backup::list(&dir).unwrap(), vec![b.clone()]);
    backup::verify(&b.path).unwrap();

    // Change the data, then restore: the change is gone, and kept in the safety backup.
    // An attachment lost with the disk comes back from the backup folder.
    let vp = o.vp;
    o.store.write(|tx| unit::set_active(tx, vp, false)).unwrap();
    drop(o.store);
    fs::remove_dir_all(&files).unwrap();
    let restored = backup::restore(&db, &b.path, &dir).unwrap();
    let safety = restored
        .safety_backup
        .expect("the state before the restore is kept");
    assert_eq!(safety.reason, Reason::BeforeRestore);
    assert_eq!(unit_names(&db), before);
    let store = Store::open(&db, OpenMode::Existing).unwrap();
    assert!(
        unit::get(store.conn(), vp).unwrap().active,
        "restored as it was"
    );
    assert!(store.check().unwrap().ok);
    assert_eq!(attachment::read(&files, &attached).unwrap(), scan);
    drop(store);
    let back = Store::open(&safety.path, OpenMode::Existing).unwrap();
    assert!(
        !unit::get(back.conn(), vp).unwrap().active,
        "the safety copy has the change"
    );
    drop(o._dir);
}

#[test]
fn a_damaged_or_foreign_file_is_never_restored() {
    let o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let b = backup::make(o.store.path().unwrap(), &dir, Reason::Manual).unwrap();
    let broken = dir.join("broken.sqlite3");
    fs::copy(&b.path, &broken).unwrap();
    damage(&broken);
    let text = dir.join("notes.sqlite3");
    fs::write(&text, "không phải cơ sở dữ liệu").unwrap();
    for bad in [&broken, &text] {
        let r = backup::restore(&db, bad, &dir);
        assert!(matches!(r, Err(Error::Corrupt { .. })), "{bad:?}: {r:?}");
    }
    assert_eq!(
        backup::list(&dir).unwrap().len(),
        1,
        "no safety backup for a refused restore"
    );
    assert!(o.store.check().unwrap().ok);
}

#[test]
fn rotation_keeps_the_newest_and_one_a_day() {
    let o = office();
    let dir = o.store.path().unwrap().with_file_name("rot");
    fs::create_dir_all(&dir).unwrap();
    let real = backup::make(o.store.path().unwrap(), &dir, Reason::Manual).unwrap();
    // 40 days × 3 backups a day, written under the names the folder uses.
    let day0 = real.made_at.date();
    for back in 1..=40 {
        for hour in [8, 12, 16] {
            let at = (day0 - chrono::Duration::days(back))
                .and_hms_opt(hour, 0, 0)
                .unwrap();
            let name = format!(
                "giaoban-{}-periodic.sqlite3",
                at.format("%Y%m%d-%H%M%S%.3f")
            );
            fs::copy(&real.path, dir.join(name)).unwrap();
        }
    }
    fs::write(dir.join("giaoban-unfinished.sqlite3.part"), b"x").unwrap();
    backup::rotate(&dir).unwrap();
    let kept = backup::list(&dir).unwrap();
    // The newest 10, then one a day for the rest of the 30 days.
    assert_eq!(kept[0], real);
    let days: std::collections::BTreeSet<_> = kept.iter().map(|b| b.made_at.date()).collect();
    assert!(
        kept.len() >= 10 + 26 && kept.len() <= 10 + 30,
        "{}",
        kept.len()
    );
    assert!(
        days.iter().all(|d| day0 - *d < chrono::Duration::days(30)),
        "{days:?}"
    );
    assert!(
        dir.join("giaoban-unfinished.sqlite3.part").exists(),
        "other files are left alone"
    );
}

#[test]
fn the_oldest_backup_kept_is_restored_though_its_safety_backup_rotates_it_away() {
    let o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let before = unit_names(&db);
    drop(o.store);
    // Ten backups of one day: the next one pushes the oldest out of the rotation.
    let made: Vec<_> = (0..10)
        .map(|_| backup::make(&db, &dir, Reason::Manual).unwrap())
        .collect();
    let names: std::collections::HashSet<_> = made.iter().map(|b| b.path.clone()).collect();
    assert_eq!(names.len(), 10, "every backup has a name of its own");
    let mut store = Store::open(&db, OpenMode::Existing).unwrap();
    store
        .write(|tx| {
            unit::create(
                tx,
                unit::NewUnit {
                    name: "Phòng Pháp chế".into(),
                    short_name: None,
                    code: None,
                    kind: unit::UnitKind::Division,
                    parent_id: None,
                    sort_order: 0,
                },
            )
        })
        .unwrap();
    drop(store);
    let oldest = &made[0].path;
    let restored = backup::restore(&db, oldest, &dir).unwrap();
    assert!(restored.safety_backup.is_some());
    assert_eq!(unit_names(&db), before);
    assert!(!db.with_extension("restoring").exists());
    drop(o._dir);
}

#[test]
fn a_damaged_database_is_moved_aside_at_start() {
    let o = office();
    let db = o.store.path().unwrap().to_path_buf();
    drop(o.store);
    let original = fs::read(&db).unwrap();
    let bytes = damage(&db);
    match backup::open_checked(&db) {
        Err(Error::Damaged { moved_to, .. }) => {
            assert!(!db.exists(), "the damaged file is not left in place");
            assert_eq!(fs::read(&moved_to).unwrap(), bytes, "moved, not changed");
            let msg = Error::Damaged {
                path: db.clone(),
                moved_to,
            }
            .message(giaoban::Lang::Vi);
            assert!(msg.contains("bị hỏng") && msg.contains("sao lưu"), "{msg}");
        }
        other => panic!("expected Damaged, got {:?}", other.err()),
    }
    // A sound database opens.
    fs::write(&db, &original).unwrap();
    assert!(backup::open_checked(&db).is_ok());
    drop(o._dir);
}

/// Damages the file the way [`damage`] does, then gives it back the modification time `at`.
fn damage_unseen(db: &Path, at: std::time::SystemTime) {
    damage(db);
    fs::File::options()
        .write(true)
        .open(db)
        .unwrap()
        .set_modified(at)
        .unwrap();
}

/// An office's database closed by the app (stamped): its folder, file and time of closing.
fn closed_cleanly() -> (tempfile::TempDir, PathBuf, std::time::SystemTime) {
    let o = office();
    let db = o.store.path().unwrap().to_path_buf();
    drop(o.store);
    backup::mark_closed(&db).unwrap();
    let closed_at = fs::metadata(&db).unwrap().modified().unwrap();
    (o._dir, db, closed_at)
}

#[test]
fn a_database_closed_cleanly_is_not_read_whole_at_the_next_start() {
    let (_dir, db, closed_at) = closed_cleanly();
    // Damage that keeps the size and the modification time is not seen: the start trusts
    // the clean close and does not read the whole file (what the stamp is for).
    damage_unseen(&db, closed_at);
    drop(backup::open_checked(&db).expect("opened without the whole-file check"));
    // The stamp serves once: the next start (as after a crash) checks the whole file.
    assert!(matches!(
        backup::open_checked(&db),
        Err(Error::Damaged { .. })
    ));
}

#[test]
fn a_database_changed_after_its_clean_close_is_checked_whole() {
    let (_dir, db, closed_at) = closed_cleanly();
    damage_unseen(&db, closed_at + std::time::Duration::from_secs(1));
    assert!(matches!(
        backup::open_checked(&db),
        Err(Error::Damaged { .. })
    ));
}

#[test]
fn a_damaged_search_index_fails_the_check() {
    let o = office();
    assert!(o.store.check().unwrap().ok);
    o.store
        .conn()
        .execute(
            "UPDATE search_unit_data SET block = zeroblob(length(block)) WHERE id > 10",
            [],
        )
        .unwrap();
    let report = o.store.check().unwrap();
    assert!(!report.ok);
    assert!(
        report.problems.iter().any(|p| p.contains("search_unit")),
        "{:?}",
        report.problems
    );
}

/// Restoring another machine's backup brings its records, never its identity: this machine
/// keeps its installation id, signing key, name and trusted peers, so the two still sign as
/// two. Asked for explicitly, the backup's identity is taken (a replacement PC).
#[test]
fn a_backup_of_another_machine_keeps_this_machines_identity() {
    use giaoban::exchange::identity;
    let tmp = tempfile::TempDir::new().unwrap();
    let here = tmp.path().join("here.sqlite3");
    let there = tmp.path().join("there.sqlite3");
    let who = |db: &std::path::Path| {
        let s = Store::open(db, OpenMode::Existing).unwrap();
        let me = identity::identity(s.conn(), s.installation()).unwrap();
        let peers: Vec<_> = identity::peers(s.conn())
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect();
        (me.id, me.fingerprint, me.name, peers)
    };
    {
        let mut h = Store::open(&here, OpenMode::Create).unwrap();
        h.write(|tx| identity::rename(tx, "Máy văn thư")).unwrap();
        let mut t = Store::open(&there, OpenMode::Create).unwrap();
        t.write(|tx| identity::rename(tx, "Máy lãnh đạo")).unwrap();
        // There knows here as a trusted peer, and holds a record.
        let f = tmp.path().join("h.gbx");
        giaoban::exchange::export(&mut h, &f, &Default::default(), &mut |_, _| {}).unwrap();
        let trust = giaoban::exchange::ImportOptions {
            trust: Some(giaoban::exchange::role::Grant::office()),
            ..Default::default()
        };
        giaoban::exchange::import(&mut t, &f, &trust).unwrap();
        t.write(|tx| {
            giaoban::unit::create(
                tx,
                giaoban::unit::NewUnit {
                    name: "Phòng Chuyển đổi số".into(),
                    short_name: None,
                    code: Some("CDS".into()),
                    kind: giaoban::unit::UnitKind::Division,
                    parent_id: None,
                    sort_order: 0,
                },
            )
        })
        .unwrap();
    }
    let before = who(&here);
    let theirs = who(&there);
    let dir = tmp.path().join("backups");
    let b = backup::make(&there, &dir, backup::Reason::Manual).unwrap();
    let r = backup::restore(&here, &b.path, &dir).unwrap();
    assert!(r.identity_kept);
    assert_eq!(
        who(&here),
        before,
        "this machine is still itself, with its own peers"
    );
    let s = Store::open(&here, OpenMode::Existing).unwrap();
    let n: i64 = s
        .conn()
        .query_row("SELECT count(*) FROM unit WHERE code = 'CDS'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(n, 1, "the records came");
    drop(s);
    // A replacement PC takes the backup's identity when asked.
    let r = backup::restore_as(&here, &b.path, &dir, backup::Identity::TakeFromBackup).unwrap();
    assert!(!r.identity_kept);
    assert_eq!(who(&here), theirs);
}

/// A start, or minutes of editing, on data the mirror already holds writes nothing; a
/// change writes the pages it touched and an undo file of the pages they replaced, not the
/// whole file; a backup the user asks for is a whole copy; a transaction that changed
/// nothing changes nothing.
#[test]
fn unchanged_data_is_not_backed_up_again_and_a_change_writes_what_changed() {
    let mut o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let first = backup::make(&db, &dir, Reason::Start).unwrap();
    assert!(first.path.ends_with("giaoban.mirror"), "{first:?}");
    let written = |p: &Path| fs::metadata(p).unwrap().modified().unwrap();
    let at = written(&first.path);
    for reason in [Reason::Start, Reason::Periodic] {
        assert_eq!(backup::make(&db, &dir, reason).unwrap(), first);
    }
    // A transaction that writes nothing leaves the data as backed up.
    o.store
        .write(|tx| unit::list(tx, true).map(|_| ()))
        .unwrap();
    assert_eq!(backup::make(&db, &dir, Reason::Start).unwrap(), first);
    assert_eq!(written(&first.path), at, "nothing written");
    assert_eq!(backup::list(&dir).unwrap().len(), 1);
    // A typed line of the editor's draft is data like any other.
    let meeting = o.meeting;
    o.store
        .write(|tx| {
            giaoban::draft::save(
                tx,
                meeting,
                &giaoban::draft::Draft {
                    agenda: "Báo cáo tiến độ chuyển đổi số".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let next = backup::make(&db, &dir, Reason::Periodic).unwrap();
    assert!(next.made_at > first.made_at);
    let all = backup::list(&dir).unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    let undo = &all[1];
    assert!(undo.path.to_string_lossy().ends_with(".undo") && undo.made_at == first.made_at);
    let (undo_size, whole) = (
        fs::metadata(&undo.path).unwrap().len(),
        fs::metadata(&next.path).unwrap().len(),
    );
    assert!(
        undo_size * 5 < whole,
        "the undo holds the pages changed: {undo_size} of {whole}"
    );
    assert_eq!(backup::make(&db, &dir, Reason::Periodic).unwrap(), next);
    // Asked for, a backup is a whole copy, made whatever the data.
    let manual = backup::make(&db, &dir, Reason::Manual).unwrap();
    assert!(manual.path.to_string_lossy().ends_with(".sqlite3"));
    assert_eq!(backup::list(&dir).unwrap().len(), 3);
}

/// Each point of the mirror is restored as it was: the newest (the mirror) and older ones
/// (the mirror with its undo files applied, newest first).
#[test]
fn every_point_of_the_mirror_restores_its_data() {
    let mut o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let add = |o: &mut crate::fixture::Office, name: &str| {
        o.store
            .write(|tx| {
                unit::create(
                    tx,
                    unit::NewUnit {
                        name: name.into(),
                        short_name: None,
                        code: None,
                        kind: unit::UnitKind::Division,
                        parent_id: None,
                        sort_order: 9,
                    },
                )
            })
            .unwrap();
    };
    let mut seen = Vec::new();
    backup::make(&db, &dir, Reason::Start).unwrap();
    seen.push(unit_names(&db));
    for name in [
        "Phòng Pháp chế",
        "Phòng Tổ chức cán bộ",
        "Trung tâm Dữ liệu",
    ] {
        add(&mut o, name);
        backup::make(&db, &dir, Reason::Periodic).unwrap();
        seen.push(unit_names(&db));
    }
    drop(o.store);
    let points = backup::list(&dir).unwrap();
    assert_eq!(points.len(), 4);
    // Newest first: the mirror, then each undo file.
    for (point, want) in points.iter().zip(seen.iter().rev()) {
        backup::restore(&db, &point.path, &dir).unwrap();
        assert_eq!(&unit_names(&db), want, "{point:?}");
        assert!(
            Store::open(&db, OpenMode::Existing)
                .unwrap()
                .check()
                .unwrap()
                .ok
        );
    }
}

/// An update cut short by a crash (its undo part written, the mirror half changed, the
/// hashes not yet) is rolled back at the next backup, which then brings the mirror to the
/// data: nothing of the torn state is ever restored.
#[test]
fn a_mirror_torn_by_a_crash_is_rolled_back() {
    use std::io::{Seek, SeekFrom, Write};
    let o = office();
    let db = o.store.path().unwrap().to_path_buf();
    let dir = db.with_file_name("backups");
    let first = backup::make(&db, &dir, Reason::Start).unwrap();
    let mirror = first.path.clone();
    let bytes = fs::read(&mirror).unwrap();
    let page = 4096;
    // The crash: page 2's old bytes saved in the part, then page 2 overwritten.
    let mut part = format!(
        "GBUNDO1 {page} {} 20991231-235959.000 giaoban-20000101-000000.000-start.undo\n",
        bytes.len() / page
    )
    .into_bytes();
    part.extend_from_slice(&2u32.to_le_bytes());
    part.extend_from_slice(&bytes[page..2 * page]);
    fs::write(dir.join("giaoban.mirror.undo.part"), part).unwrap();
    let mut f = fs::OpenOptions::new().write(true).open(&mirror).unwrap();
    f.seek(SeekFrom::Start(page as u64)).unwrap();
    f.write_all(&vec![0xAB; page]).unwrap();
    drop(f);
    // The next backup rolls it back; the data had not changed, so nothing else is written.
    let again = backup::make(&db, &dir, Reason::Periodic).unwrap();
    assert_eq!(again, first);
    assert_eq!(fs::read(&mirror).unwrap(), bytes);
    assert!(!dir.join("giaoban.mirror.undo.part").exists());
    assert_eq!(
        backup::list(&dir).unwrap().len(),
        1,
        "no point named from the torn update"
    );
    drop(o.store);
    let before = unit_names(&db);
    backup::restore(&db, &mirror, &dir).unwrap();
    assert_eq!(unit_names(&db), before);
}
