//! USB exchange: bundles exported from one real database file and imported into another.

use std::collections::BTreeMap;
use std::path::Path;

use giaoban::exchange::{self, ExportOptions, ImportOptions, Scope};
use giaoban::meeting;
use giaoban::minutes::{self, ItemEdit, NewItem};
use giaoban::{OpenMode, Store};
use tempfile::TempDir;

use crate::fixture::{Office, d, office};

fn show(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => "∅".into(),
        V::Integer(i) => i.to_string(),
        V::Real(r) => r.to_string(),
        V::Text(t) => String::from_utf8_lossy(t).into_owned(),
        V::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
    }
}

/// Every row of every table that is exchanged, as text, keyed by table: the columns a file
/// carries (not the local arrival stamp).
pub fn digest(store: &Store) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for (t, cols) in exchange::schema::TABLES
        .iter()
        .map(|t| (t.name, t.columns().join(", ")))
        .chain([("directive_unit", "*".to_string())])
    {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT {cols} FROM {t} ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| show(r.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        out.insert(t.to_string(), rows);
    }
    out
}

/// The whole database, every table (audit and settings included), as text.
pub fn everything(store: &Store) -> Vec<String> {
    let tables: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_%' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = store
            .conn()
            .prepare(&format!("SELECT * FROM \"{t}\""))
            .unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{t}: {}",
                    (0..n)
                        .map(|i| show(r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|")
                ))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.extend(rows);
    }
    out
}

pub fn fresh(dir: &Path, name: &str) -> Store {
    Store::open(&dir.join(format!("{name}.sqlite3")), OpenMode::Create).unwrap()
}

pub fn send(from: &mut Store, to: &mut Store, dir: &Path) -> exchange::Imported {
    let file = dir.join(format!("{}.gbx", uuid::Uuid::now_v7()));
    exchange::export(from, &file, &ExportOptions::default(), &mut |_, _| {}).unwrap();
    let trust = ImportOptions {
        trust: Some(giaoban::exchange::role::Grant::office()),
        ..Default::default()
    };
    exchange::import(to, &file, &trust).unwrap()
}

/// An office with one directive, led by its press unit and due 30/06/2026.
fn office_with_a_directive() -> (Office, uuid::Uuid) {
    let mut a = office();
    let lead = a.ttbc;
    let id = a
        .add(a.new_directive(lead, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    (a, id)
}

fn minutes_of(store: &Store, id: uuid::Uuid) -> String {
    store
        .conn()
        .query_row("SELECT minutes FROM meeting WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_whole_office_arrives_once_and_again_changes_nothing() {
    let mut a = office();
    let lead = a.ttbc;
    a.add(a.new_directive(lead, Some(d("2026-06-30")))).unwrap();
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    let file = tmp.path().join("a.gbx");
    let out = exchange::export(
        &mut a.store,
        &file,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    assert_eq!(out.counts["unit"], 4);
    assert_eq!(out.counts["directive"], 1);

    // An unknown sender is refused until trusted, and nothing is written meanwhile.
    let before = everything(&b);
    let err = exchange::import(&mut b, &file, &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(
            err,
            giaoban::Error::Bundle(giaoban::error::BundleProblem::UnknownSender { .. })
        ),
        "{err:?}"
    );
    assert!(
        err.message(giaoban::Lang::Vi)
            .contains("chưa có trong danh sách tin cậy")
    );
    assert_eq!(everything(&b), before);

    // The preview says what would happen and changes nothing.
    let trust = ImportOptions {
        trust: Some(giaoban::exchange::role::Grant::office()),
        ..Default::default()
    };
    let preview = exchange::import(
        &mut b,
        &file,
        &ImportOptions {
            dry_run: true,
            ..trust.clone()
        },
    )
    .unwrap();
    assert_eq!(preview.tables["unit"].new, 4);
    assert_eq!(everything(&b), before);

    let done = exchange::import(&mut b, &file, &trust).unwrap();
    assert_eq!(done.tables["directive"].new, 1);
    assert!(done.backup.as_ref().is_some_and(|p| p.is_file()));
    assert_eq!(digest(&b), digest(&a.store));
    assert!(b.check().unwrap().ok);

    let after = digest(&b);
    let again = exchange::import(&mut b, &file, &trust).unwrap();
    assert!(again.already);
    assert_eq!(digest(&b), after);
    // A new bundle with the same content changes nothing either.
    let second = send(&mut a.store, &mut b, tmp.path());
    assert!(
        second
            .tables
            .values()
            .all(|c| c.new == 0 && c.updated == 0 && c.deleted == 0)
    );
    assert_eq!(digest(&b), after);
}

#[test]
fn a_directive_from_a_conclusion_removed_here_arrives_without_it() {
    let mut a = office();
    let tmp = TempDir::new().unwrap();
    let m = a.meeting;
    let conclusion = a
        .store
        .write(|tx| {
            minutes::add(
                tx,
                m,
                NewItem::Conclusion {
                    content: "Giao Phòng TTBCXB rà soát quy chế phát ngôn".into(),
                },
            )
        })
        .unwrap();
    let mut b = fresh(tmp.path(), "b");
    send(&mut a.store, &mut b, tmp.path());
    // Meanwhile, A removes the conclusion and B gives a directive from it.
    a.store
        .write(|tx| {
            minutes::edit(
                tx,
                m,
                ItemEdit::Remove {
                    list: giaoban::minutes::ItemList::Conclusion,
                    id: conclusion,
                },
            )
        })
        .unwrap();
    let mut new = a.new_directive(a.ttbc, Some(d("2026-06-30")));
    new.source = giaoban::directive::Source::Meeting {
        meeting_id: m,
        conclusion_id: Some(conclusion),
    };
    let id = b
        .write(|tx| giaoban::directive::create(tx, new))
        .unwrap()
        .id;
    let got = send(&mut b, &mut a.store, tmp.path());
    assert_eq!(got.tables["directive"].new, 1);
    let (meeting, from): (Option<uuid::Uuid>, Option<uuid::Uuid>) = a
        .store
        .conn()
        .query_row(
            "SELECT meeting_id, conclusion_id FROM directive WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (meeting, from),
        (Some(m), None),
        "the directive arrives; its conclusion, removed here, is cleared"
    );
    send(&mut a.store, &mut b, tmp.path());
    assert_eq!(digest(&a.store), digest(&b), "both end alike");
}

#[test]
fn concurrent_edits_of_the_minutes_keep_both_versions() {
    let mut a = office();
    let meeting_id = a.meeting;
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    send(&mut a.store, &mut b, tmp.path());

    a.store
        .write(|tx| meeting::set_minutes(tx, meeting_id, "Bản của văn phòng"))
        .unwrap();
    b.write(|tx| meeting::set_minutes(tx, meeting_id, "Bản của lãnh đạo"))
        .unwrap();
    // A non-text field edited on one side only is simply taken.
    let opinion = b
        .write(|tx| {
            minutes::add(
                tx,
                meeting_id,
                NewItem::Opinion {
                    speaker_id: None,
                    speaker_name: Some("Ông Nguyễn Văn A".into()),
                    unit_id: None,
                    content: "Đề nghị bổ sung kinh phí".into(),
                },
            )
        })
        .unwrap();

    let into_b = send(&mut a.store, &mut b, tmp.path());
    let into_a = send(&mut b, &mut a.store, tmp.path());
    assert_eq!(into_b.tables["meeting"].conflicts, 1);
    // b already settled it: a takes b's choice and the conflict version as a record.
    assert_eq!(into_a.tables["conflict"].new, 1);
    assert_eq!(into_a.tables["opinion"].new, 1);
    assert_eq!(digest(&a.store), digest(&b));
    let kept = minutes_of(&b, meeting_id);
    let conflicts = exchange::conflicts(b.conn()).unwrap();
    assert_eq!(conflicts.len(), 1);
    let mut both = [kept.clone(), conflicts[0].other.clone()];
    both.sort();
    assert_eq!(
        both,
        [
            "Bản của lãnh đạo".to_string(),
            "Bản của văn phòng".to_string()
        ]
    );
    assert_eq!(conflicts[0].current, kept);

    // Choosing the other version is a new edit that wins everywhere.
    exchange::resolve(&mut b, conflicts[0].id, true).unwrap();
    send(&mut b, &mut a.store, tmp.path());
    assert_eq!(minutes_of(&a.store, meeting_id), conflicts[0].other);
    assert!(exchange::conflicts(a.store.conn()).unwrap().is_empty());
    assert_eq!(digest(&a.store), digest(&b));

    // A deletion travels as a tombstone; an edit made without seeing it is kept aside.
    b.write(|tx| {
        minutes::edit(
            tx,
            meeting_id,
            ItemEdit::Remove {
                list: minutes::ItemList::Opinion,
                id: opinion,
            },
        )
    })
    .unwrap();
    a.store
        .write(|tx| {
            minutes::edit(
                tx,
                meeting_id,
                ItemEdit::Opinion {
                    id: opinion,
                    speaker_id: None,
                    speaker_name: Some("Ông Nguyễn Văn A".into()),
                    content: "Đề nghị bổ sung kinh phí năm 2027".into(),
                },
            )
        })
        .unwrap();
    send(&mut b, &mut a.store, tmp.path());
    send(&mut a.store, &mut b, tmp.path());
    assert_eq!(digest(&a.store), digest(&b));
    assert_eq!(a.count("opinion"), 0);
    let kept: Vec<String> = exchange::conflicts(b.conn())
        .unwrap()
        .into_iter()
        .map(|c| c.other)
        .collect();
    assert_eq!(kept, ["Đề nghị bổ sung kinh phí năm 2027"]);
}

#[test]
fn a_completed_directive_is_not_reopened_by_an_edit_that_had_not_seen_it() {
    use giaoban::directive::{self, DirectiveStatus, StatusChange};
    let (mut a, id) = office_with_a_directive();
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    send(&mut a.store, &mut b, tmp.path());
    // The unit (b) reports done; the leader (a) confirms it.
    b.write(|tx| {
        directive::change_status(
            tx,
            id,
            StatusChange::ReportDone {
                on: d("2026-06-20"),
            },
            "",
        )
    })
    .unwrap();
    send(&mut b, &mut a.store, tmp.path());
    a.store
        .write(|tx| directive::change_status(tx, id, StatusChange::Confirm, ""))
        .unwrap();
    // Meanwhile, the unit withdrew its report (an older view: it had not seen the confirmation).
    b.write(|tx| directive::change_status(tx, id, StatusChange::Return, ""))
        .unwrap();
    send(&mut b, &mut a.store, tmp.path());
    send(&mut a.store, &mut b, tmp.path());
    for s in [&a.store, &b] {
        let got = directive::get(s.conn(), id).unwrap();
        assert_eq!(got.status, DirectiveStatus::Done);
        assert_eq!(got.completed_on, Some(d("2026-06-20")));
    }
    assert_eq!(digest(&a.store), digest(&b));
}

#[test]
fn a_unit_sends_back_only_its_directives_since_the_last_exchange() {
    use giaoban::followup::{self, NewProgress};
    let mut a = office();
    let (ttbc, cds) = (a.ttbc, a.cds);
    let mine = a
        .add(a.new_directive(ttbc, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    let theirs = a
        .add(a.new_directive(cds, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    let tmp = TempDir::new().unwrap();
    let mut unit = fresh(tmp.path(), "ttbc");
    send(&mut a.store, &mut unit, tmp.path());
    let leader = a.store.installation();
    for id in [mine, theirs] {
        unit.write(|tx| {
            followup::add_progress(
                tx,
                id,
                NewProgress {
                    reported_on: d("2026-06-10"),
                    reporter_id: None,
                    percent: 50,
                    note: "Đang thực hiện".into(),
                },
            )
        })
        .unwrap();
    }
    let file = tmp.path().join("response.gbx");
    let opts = ExportOptions {
        scope: Some(Scope::Unit(ttbc)),
        for_peer: Some(leader),
        ..Default::default()
    };
    let out = exchange::export(&mut unit, &file, &opts, &mut |_, _| {}).unwrap();
    assert_eq!(out.counts.get("progress"), Some(&1), "{:?}", out.counts);
    let got = exchange::import(
        &mut a.store,
        &file,
        &ImportOptions {
            trust: Some(giaoban::exchange::role::Grant::office()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(got.tables["progress"].new, 1);
    assert_eq!(
        followup::progress_of(a.store.conn(), mine).unwrap().len(),
        1
    );
    assert!(
        followup::progress_of(a.store.conn(), theirs)
            .unwrap()
            .is_empty()
    );
    // The leader's receipt: the unit checks it against the leader's trusted key.
    let receipt = tmp.path().join("receipt.json");
    exchange::receipt::write(&a.store, &got, &receipt).unwrap();
    let r = exchange::receipt::check(&unit, &receipt).unwrap();
    assert_eq!((r.bundle_id, r.tables["progress"].new), (got.bundle_id, 1));
    // A receipt altered on the way is refused.
    let text = std::fs::read_to_string(&receipt)
        .unwrap()
        .replacen("\"new\": 1", "\"new\": 2", 1);
    std::fs::write(&receipt, text).unwrap();
    let err = exchange::receipt::check(&unit, &receipt).unwrap_err();
    assert!(
        matches!(
            err,
            giaoban::Error::Bundle(giaoban::error::BundleProblem::BadSignature)
        ),
        "{err:?}"
    );
    // Nothing new since: the next packet for the leader is empty.
    let again =
        exchange::export(&mut unit, &tmp.path().join("r2.gbx"), &opts, &mut |_, _| {}).unwrap();
    assert!(!again.counts.contains_key("progress"), "{:?}", again.counts);
}

#[test]
fn what_arrived_from_one_office_is_passed_on_to_the_next() {
    // A's directive is older than B's last packet for C; B received it afterwards, so the
    // next packet for C carries it all the same.
    let (mut a, id) = office_with_a_directive();
    let tmp = TempDir::new().unwrap();
    let (mut b, mut c) = (fresh(tmp.path(), "b"), fresh(tmp.path(), "c"));
    send(&mut c, &mut b, tmp.path());
    let for_c = ExportOptions {
        for_peer: Some(c.installation()),
        ..Default::default()
    };
    let trust = ImportOptions {
        trust: Some(giaoban::exchange::role::Grant::office()),
        ..Default::default()
    };
    let relay = |b: &mut Store, c: &mut Store, name: &str| {
        let file = tmp.path().join(name);
        exchange::export(b, &file, &for_c, &mut |_, _| {}).unwrap();
        exchange::import(c, &file, &trust).unwrap()
    };
    relay(&mut b, &mut c, "b1.gbx");
    send(&mut a.store, &mut b, tmp.path());
    let got = relay(&mut b, &mut c, "b2.gbx");
    assert_eq!(got.tables["directive"].new, 1, "{:?}", got.tables);
    let held: i64 = c
        .conn()
        .query_row("SELECT count(*) FROM directive WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(held, 1);
    assert_eq!(digest(&c), digest(&b));
}

mod replicas {
    //! Three installations edit the same meetings and directives and exchange bundles in
    //! random orders and repetitions; in the end they hold the same data and no conflict
    //! version is lost.

    use std::collections::BTreeSet;

    use giaoban::Store;
    use giaoban::directive::{self, StatusChange};
    use giaoban::exchange::{self, ExportOptions, ImportOptions};
    use giaoban::followup::{self, NewProgress};
    use giaoban::meeting;
    use giaoban::minutes::{self, ItemEdit, ItemList, NewItem};
    use proptest::prelude::*;
    use tempfile::TempDir;
    use uuid::Uuid;

    use super::{digest, fresh, send};
    use crate::fixture::{d, office};

    #[derive(Debug, Clone)]
    enum Op {
        Minutes(usize, u8),
        AddOpinion(usize, u8),
        EditOpinion(usize, usize, u8),
        RemoveOpinion(usize, usize),
        Progress(usize, usize, u8),
        Status(usize, usize, u8),
        Send { from: usize, to: usize, whole: bool },
    }

    fn op() -> impl Strategy<Value = Op> {
        let r = 0..3usize;
        prop_oneof![
            (r.clone(), any::<u8>()).prop_map(|(r, t)| Op::Minutes(r, t)),
            (r.clone(), any::<u8>()).prop_map(|(r, t)| Op::AddOpinion(r, t)),
            (r.clone(), 0..4usize, any::<u8>()).prop_map(|(r, i, t)| Op::EditOpinion(r, i, t)),
            (r.clone(), 0..4usize).prop_map(|(r, i)| Op::RemoveOpinion(r, i)),
            (r.clone(), 0..2usize, 0..=100u8).prop_map(|(r, i, p)| Op::Progress(r, i, p)),
            (r.clone(), 0..2usize, 0..5u8).prop_map(|(r, i, s)| Op::Status(r, i, s)),
            (r.clone(), r, any::<bool>()).prop_map(|(from, to, whole)| Op::Send {
                from,
                to,
                whole
            }),
        ]
    }

    struct World {
        _home: TempDir,
        tmp: TempDir,
        stores: Vec<Store>,
        meeting: Uuid,
        directives: Vec<Uuid>,
        conflicts_seen: BTreeSet<Uuid>,
    }

    impl World {
        fn new() -> Self {
            let mut o = office();
            let (ttbc, cds, meeting) = (o.ttbc, o.cds, o.meeting);
            let directives = vec![
                o.add(o.new_directive(ttbc, Some(d("2026-06-30"))))
                    .unwrap()
                    .id,
                o.add(o.new_directive(cds, None)).unwrap().id,
            ];
            let tmp = TempDir::new().unwrap();
            let crate::fixture::Office {
                _dir: home, store, ..
            } = o;
            let mut stores = vec![store];
            stores.push(fresh(tmp.path(), "r1"));
            stores.push(fresh(tmp.path(), "r2"));
            let mut w = World {
                _home: home,
                tmp,
                stores,
                meeting,
                directives,
                conflicts_seen: BTreeSet::new(),
            };
            for (a, b) in [(0, 1), (0, 2), (1, 0), (2, 0), (1, 2), (2, 1)] {
                w.send(a, b, true);
            }
            w
        }

        fn pair(&mut self, a: usize, b: usize) -> (&mut Store, &mut Store) {
            assert_ne!(a, b);
            if a < b {
                let (x, y) = self.stores.split_at_mut(b);
                (&mut x[a], &mut y[0])
            } else {
                let (x, y) = self.stores.split_at_mut(a);
                (&mut y[0], &mut x[b])
            }
        }

        fn send(&mut self, a: usize, b: usize, whole: bool) {
            if a == b {
                return;
            }
            let dir = self.tmp.path().to_path_buf();
            let to_id = self.stores[b].installation();
            let (from, to) = self.pair(a, b);
            if whole {
                send(from, to, &dir);
            } else {
                let file = dir.join(format!("{}.gbx", Uuid::now_v7()));
                let o = ExportOptions {
                    for_peer: Some(to_id),
                    ..Default::default()
                };
                exchange::export(from, &file, &o, &mut |_, _| {}).unwrap();
                let got = exchange::import(
                    to,
                    &file,
                    &ImportOptions {
                        trust: Some(giaoban::exchange::role::Grant::office()),
                        ..Default::default()
                    },
                )
                .unwrap();
                // Importing the same file again changes nothing.
                let before = digest(to);
                let again = exchange::import(to, &file, &ImportOptions::default()).unwrap();
                assert!(again.already && !got.already);
                assert_eq!(digest(to), before);
            }
            for s in &self.stores {
                for c in exchange::conflicts(s.conn()).unwrap() {
                    self.conflicts_seen.insert(c.id);
                }
            }
        }

        fn opinions(&self, r: usize) -> Vec<Uuid> {
            let mut stmt = self.stores[r]
                .conn()
                .prepare("SELECT id FROM opinion WHERE meeting_id = ?1 ORDER BY position, id")
                .unwrap();
            stmt.query_map([self.meeting], |r| r.get(0))
                .unwrap()
                .map(|r| r.unwrap())
                .collect()
        }

        fn apply(&mut self, op: &Op) {
            let m = self.meeting;
            let text = |t: u8| format!("Ý kiến số {t}: đề nghị các phòng phối hợp thực hiện");
            // Edits a user could not make (a step the status does not allow) are skipped.
            let _ = match *op {
                Op::Minutes(r, t) => self.stores[r].write(|tx| {
                    meeting::set_minutes(tx, m, &format!("Biên bản, bản {t} của máy {r}"))
                }),
                Op::AddOpinion(r, t) => self.stores[r]
                    .write(|tx| {
                        minutes::add(
                            tx,
                            m,
                            NewItem::Opinion {
                                speaker_id: None,
                                speaker_name: Some(format!("Đại biểu {t}")),
                                unit_id: None,
                                content: text(t),
                            },
                        )
                    })
                    .map(|_| ()),
                Op::EditOpinion(r, i, t) => match self.opinions(r).get(i).copied() {
                    Some(id) => self.stores[r].write(|tx| {
                        minutes::edit(
                            tx,
                            m,
                            ItemEdit::Opinion {
                                id,
                                speaker_id: None,
                                speaker_name: Some("Đại biểu".into()),
                                content: format!("{} (sửa ở máy {r})", text(t)),
                            },
                        )
                    }),
                    None => Ok(()),
                },
                Op::RemoveOpinion(r, i) => match self.opinions(r).get(i).copied() {
                    Some(id) => self.stores[r].write(|tx| {
                        minutes::edit(
                            tx,
                            m,
                            ItemEdit::Remove {
                                list: ItemList::Opinion,
                                id,
                            },
                        )
                    }),
                    None => Ok(()),
                },
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
                                    note: format!("Đạt {p}%"),
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
                        _ => StatusChange::Reopen,
                    };
                    self.stores[r]
                        .write(|tx| directive::change_status(tx, id, change, ""))
                        .map(|_| ())
                }
                Op::Send { from, to, whole } => {
                    self.send(from, to, whole);
                    Ok(())
                }
            };
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

        #[test]
        fn three_installations_end_alike_whatever_the_order(ops in prop::collection::vec(op(), 1..30)) {
            let mut w = World::new();
            for op in &ops {
                w.apply(op);
            }
            // Everyone sends to everyone, twice, changes only.
            for _ in 0..2 {
                for a in 0..3 {
                    for b in 0..3 {
                        w.send(a, b, false);
                    }
                }
            }
            let first = digest(&w.stores[0]);
            for s in &w.stores[1..] {
                prop_assert_eq!(&digest(s), &first);
            }
            let kept: BTreeSet<Uuid> = exchange::conflicts(w.stores[0].conn()).unwrap().into_iter().map(|c| c.id).collect();
            prop_assert!(w.conflicts_seen.is_subset(&kept), "a conflict version was lost");
            for s in &w.stores {
                prop_assert!(s.check().unwrap().ok);
            }
            // A whole bundle now changes nothing anywhere.
            let dir = w.tmp.path().to_path_buf();
            let (a, b) = w.pair(2, 0);
            let again = send(a, b, &dir);
            prop_assert!(again.tables.values().all(|c| c.new == 0 && c.updated == 0 && c.deleted == 0 && c.conflicts == 0), "{:?}", again.tables);
        }
    }
}

#[test]
fn attached_files_travel_by_their_hash() {
    use giaoban::attachment::{self, OwnerKind};
    let mut a = office();
    let lead = a.ttbc;
    let id = a.add(a.new_directive(lead, None)).unwrap().id;
    let dir_a = a.store.attachments_dir().unwrap();
    let content = "Báo cáo tiến độ tháng 6\n".repeat(100);
    a.store
        .write(|tx| {
            attachment::attach(
                tx,
                &dir_a,
                OwnerKind::Directive,
                id,
                "bao-cao.txt",
                content.as_bytes(),
            )
        })
        .unwrap();
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    let got = send(&mut a.store, &mut b, tmp.path());
    assert_eq!(got.tables["attachment"].new, 1);
    let listed = attachment::list(b.conn(), OwnerKind::Directive, id).unwrap();
    assert_eq!(listed.len(), 1);
    let read = attachment::read(&b.attachments_dir().unwrap(), &listed[0]).unwrap();
    assert_eq!(read, content.as_bytes());
}

#[test]
fn a_large_bundle_is_looked_up_in_two_halves_alike() {
    let tmp = TempDir::new().unwrap();
    let mut a = fresh(tmp.path(), "a");
    let opts = giaoban::demo::DemoOptions {
        meetings: 450,
        directives_per_meeting: 10,
        seed: 3,
        anchor: d("2026-11-20"),
    };
    giaoban::demo::generate(&mut a, &opts).unwrap();
    let mut b = fresh(tmp.path(), "b");
    let first = send(&mut a, &mut b, tmp.path());
    let records: u32 = first.tables.values().map(|c| c.new).sum();
    assert!(
        records >= 20_000,
        "{records} records: too few for two halves"
    );

    // One edit near the start of the next bundle (a meeting) and one near its end (a
    // progress note): each half of the lookup must see its own. The 450 meetings are looked
    // up one by one; the thousands of progress notes are compared with one read of their
    // table.
    a.write(|tx| {
        tx.execute(
            "UPDATE meeting SET minutes = minutes || ' Bổ sung.' WHERE id = (SELECT min(id) FROM meeting)",
            [],
        )?;
        tx.execute(
            "UPDATE progress SET note = 'Đã hoàn thành.' WHERE id = (SELECT max(id) FROM progress)",
            [],
        )?;
        Ok(())
    })
    .unwrap();
    let second = send(&mut a, &mut b, tmp.path());
    let changed: Vec<(&str, u32)> = second
        .tables
        .iter()
        .filter(|(_, c)| c.new + c.updated + c.deleted + c.conflicts > 0)
        .map(|(t, c)| (t.as_str(), c.updated))
        .collect();
    assert_eq!(changed, [("meeting", 1), ("progress", 1)]);
    assert_eq!(
        second.tables.values().map(|c| c.unchanged).sum::<u32>(),
        records - 2
    );
    assert_eq!(digest(&b), digest(&a));
}

/// Two offices that each made a unit coded "VP" still exchange: the other office's units
/// arrive without the codes held here, each code kept aside as a conflict that says why;
/// taking it back is refused while the code is in use, naming it.
#[test]
fn units_with_the_same_code_in_two_offices_still_exchange() {
    let (mut a, _) = office_with_a_directive();
    let (mut b, _) = office_with_a_directive();
    let tmp = TempDir::new().unwrap();
    let got = send(&mut a.store, &mut b.store, tmp.path());
    assert_eq!(got.tables["unit"].new, 4);
    assert_eq!(got.tables["unit"].conflicts, 4);
    assert_eq!(got.tables["directive"].new, 1);
    let codes = |s: &Store| -> Vec<Option<String>> {
        s.conn()
            .prepare("SELECT code FROM unit ORDER BY code")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    };
    let held = codes(&b.store);
    assert_eq!(held.iter().filter(|c| c.is_none()).count(), 4, "{held:?}");
    let kept = exchange::conflicts(b.store.conn()).unwrap();
    let vp = kept
        .iter()
        .find(|c| c.entity == "unit" && c.other == "VP")
        .expect("the code is kept aside");
    let err = exchange::resolve(&mut b.store, vp.id, true).unwrap_err();
    assert!(
        err.message(giaoban::Lang::Vi).contains("VP"),
        "{}",
        err.message(giaoban::Lang::Vi)
    );
    // Back the other way too; and again changes nothing.
    let back = send(&mut b.store, &mut a.store, tmp.path());
    assert_eq!(back.tables["unit"].new, 4);
    let again = send(&mut a.store, &mut b.store, tmp.path());
    assert_eq!(again.tables["unit"].conflicts, 0);
    assert_eq!(again.tables["unit"].new, 0);
}

/// A progress report deleted on one side while its note is edited on the other: the
/// deletion holds, and the edited note is kept as a conflict on both, named alike.
#[test]
fn a_progress_note_edited_where_the_report_was_deleted_is_kept() {
    let (mut a, directive) = office_with_a_directive();
    let progress = a
        .store
        .write(|tx| {
            giaoban::followup::add_progress(
                tx,
                directive,
                giaoban::followup::NewProgress {
                    reported_on: d("2026-06-10"),
                    reporter_id: None,
                    percent: 40,
                    note: "Đã lập dự thảo".into(),
                },
            )
        })
        .unwrap()
        .id;
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    send(&mut a.store, &mut b, tmp.path());
    a.store
        .conn()
        .execute("DELETE FROM progress WHERE id = ?1", [progress])
        .unwrap();
    b.conn()
        .execute(
            "UPDATE progress SET note = 'Đã lập dự thảo, gửi xin ý kiến các phòng' WHERE id = ?1",
            [progress],
        )
        .unwrap();
    let into_b = send(&mut a.store, &mut b, tmp.path());
    let into_a = send(&mut b, &mut a.store, tmp.path());
    assert_eq!(into_b.tables["progress"].deleted, 1);
    assert_eq!(into_b.tables["progress"].conflicts, 1);
    assert_eq!(into_a.tables["conflict"].new, 1);
    assert_eq!(digest(&a.store), digest(&b));
    let kept = exchange::conflicts(a.store.conn()).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].other, "Đã lập dự thảo, gửi xin ý kiến các phòng");
}

/// A change of coordinating units only is previewed by their names, before and after.
#[test]
fn a_change_of_coordinating_units_is_previewed_by_name() {
    let (mut a, id) = office_with_a_directive();
    let cds = a.cds;
    let tmp = TempDir::new().unwrap();
    let mut b = fresh(tmp.path(), "b");
    send(&mut a.store, &mut b, tmp.path());
    // As another machine's merge writes it: the units and their group's clock.
    b.conn()
        .execute(
            "INSERT INTO directive_unit (directive_id, unit_id) VALUES (?1, ?2)",
            (id, cds),
        )
        .unwrap();
    b.conn()
        .execute(
            "INSERT INTO field_clock (entity, record_id, grp, hlc, vv, seen)
             SELECT 'directive', ?1, 'units', h, json_object(gb_site(), h), h FROM (SELECT gb_hlc() AS h)",
            [id],
        )
        .unwrap();
    let file = tmp.path().join("units.gbx");
    exchange::export(&mut b, &file, &ExportOptions::default(), &mut |_, _| {}).unwrap();
    let preview = exchange::import(
        &mut a.store,
        &file,
        &ImportOptions {
            dry_run: true,
            trust: Some(giaoban::exchange::role::Grant::office()),
            ..Default::default()
        },
    )
    .unwrap();
    let c = preview
        .changes
        .iter()
        .find(|c| c.id == id && c.field == "units")
        .expect("the units change is listed");
    assert_ne!(c.before, c.after, "{c:?}");
    assert!(c.after.contains("Phòng Chuyển đổi số"), "{c:?}");
}
