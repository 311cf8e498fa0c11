//! The rules a directive must obey, each violation a typed error naming the field,
//! and the database unchanged after a refusal.

use giaoban::audit;
use giaoban::directive::{
    self, DirectiveQuery, DirectiveSort, DirectiveStatus, Source, StatusChange,
};
use giaoban::error::{Entity, Error, Field, Rule};
use giaoban::followup::{self, NewExtension, NewProgress};
use giaoban::timeliness::{self, Bucket, DeadlineBasis};
use giaoban::{person, unit};
use uuid::Uuid;

use crate::fixture::{d, office};

fn assert_invalid(r: giaoban::Result<impl std::fmt::Debug>, field: Field, rule: Rule) {
    match r {
        Err(Error::Invalid { field: f, rule: ru }) => {
            assert_eq!((f, ru), (field, rule));
        }
        other => panic!("expected Invalid {{ {field:?}, {rule:?} }}, got {other:?}"),
    }
}

#[test]
fn a_valid_directive_is_stored_with_its_units_and_audited() {
    let mut o = office();
    let mut new = o.new_directive(o.ttbc, Some(d("2026-06-30")));
    new.coordinating_unit_ids = vec![o.vp, o.cds, o.vp];
    let dir = o.add(new).unwrap();
    // What it returns is what is stored (it is not read back): units in report order,
    // stamps to the millisecond.
    assert_eq!(dir, directive::get(o.store.conn(), dir.id).unwrap());
    assert_eq!(
        dir.assigned_on,
        d("2026-06-02"),
        "given on the meeting's local date"
    );
    assert_eq!(dir.coordinating_unit_ids.len(), 2, "duplicates are merged");
    assert_eq!(dir.status, DirectiveStatus::Assigned);
    assert_eq!(dir.original_deadline, dir.deadline);
    assert_eq!(dir.meta.origin, o.store.installation());
    let history = audit::history(o.store.conn(), "directive", dir.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].action, "create");
    assert_eq!(history[0].actor, "thuky");
}

#[test]
fn lead_unit_must_exist() {
    let mut o = office();
    let r = o.add(o.new_directive(Uuid::now_v7(), None));
    assert!(
        matches!(
            r,
            Err(Error::NotFound {
                entity: Entity::Unit,
                ..
            })
        ),
        "{r:?}"
    );
    assert_eq!(o.count("directive"), 0);
}

#[test]
fn lead_unit_is_required_when_resolved_from_text() {
    let o = office();
    assert_invalid(
        unit::resolve(o.store.conn(), "  ", Field::LeadUnit),
        Field::LeadUnit,
        Rule::Required,
    );
}

#[test]
fn a_unit_cannot_lead_and_coordinate_the_same_directive() {
    let mut o = office();
    let mut new = o.new_directive(o.ttbc, None);
    new.coordinating_unit_ids = vec![o.vp, o.ttbc];
    assert_invalid(
        o.add(new),
        Field::CoordinatingUnits,
        Rule::LeadAlsoCoordinating,
    );
    assert_eq!(o.count("directive"), 0);
    assert_eq!(o.count("directive_unit"), 0);
}

#[test]
fn the_database_itself_refuses_a_lead_unit_as_coordinating() {
    let mut o = office();
    let dir = o.add(o.new_directive(o.ttbc, None)).unwrap();
    let e = o
        .store
        .conn()
        .execute(
            "INSERT INTO directive_unit (directive_id, unit_id) VALUES (?1, ?2)",
            (dir.id, o.ttbc),
        )
        .unwrap_err();
    assert!(e.to_string().contains("lead unit"), "{e}");
}

#[test]
fn inactive_units_and_leaders_receive_no_new_directives() {
    let mut o = office();
    let (cds, director) = (o.cds, o.director);
    o.store
        .write(|tx| unit::set_active(tx, cds, false))
        .unwrap();
    assert_invalid(
        o.add(o.new_directive(o.cds, None)),
        Field::LeadUnit,
        Rule::Inactive,
    );
    let mut new = o.new_directive(o.ttbc, None);
    new.coordinating_unit_ids = vec![o.cds];
    assert_invalid(o.add(new), Field::CoordinatingUnits, Rule::Inactive);
    o.store
        .write(|tx| person::set_active(tx, director, false))
        .unwrap();
    assert_invalid(
        o.add(o.new_directive(o.ttbc, None)),
        Field::DirectingLeader,
        Rule::Inactive,
    );
    assert_eq!(o.count("directive"), 0);
}

#[test]
fn a_deadline_before_the_meeting_must_be_confirmed() {
    let mut o = office();
    assert_invalid(
        o.add(o.new_directive(o.ttbc, Some(d("2026-05-31")))),
        Field::Deadline,
        Rule::DeadlineBeforeAssigned,
    );
    let mut new = o.new_directive(o.ttbc, Some(d("2026-05-31")));
    new.allow_deadline_before_assigned = true;
    assert_eq!(o.add(new).unwrap().deadline, Some(d("2026-05-31")));
}

#[test]
fn content_and_document_source_are_required() {
    let mut o = office();
    let mut new = o.new_directive(o.ttbc, None);
    new.content = "   ".into();
    assert_invalid(o.add(new), Field::Content, Rule::Required);
    let mut new = o.new_directive(o.ttbc, None);
    new.source = Source::Document {
        number: " ".into(),
        date: d("2026-06-01"),
    };
    assert_invalid(o.add(new), Field::Source, Rule::Required);
    let mut new = o.new_directive(o.ttbc, Some(d("2026-07-15")));
    new.source = Source::Document {
        number: "45/TB-STTTT".into(),
        date: d("2026-06-10"),
    };
    let dir = o.add(new).unwrap();
    assert_eq!(dir.assigned_on, d("2026-06-10"));
    assert_eq!(dir.document_number.as_deref(), Some("45/TB-STTTT"));
}

#[test]
fn completion_is_reported_by_the_unit_and_confirmed_by_the_leader() {
    let mut o = office();
    let id = o
        .add(o.new_directive(o.ttbc, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    let p = o
        .store
        .write(|tx| {
            followup::add_progress(
                tx,
                id,
                NewProgress {
                    reported_on: d("2026-06-15"),
                    reporter_id: None,
                    percent: 60,
                    note: "Đã có dự thảo".into(),
                },
            )
        })
        .unwrap();
    assert_eq!(p.percent, 60);
    let dir = directive::get(o.store.conn(), id).unwrap();
    assert_eq!(
        dir.status,
        DirectiveStatus::InProgress,
        "a progress report starts the work"
    );

    let dir = o
        .store
        .write(|tx| {
            directive::change_status(
                tx,
                id,
                StatusChange::ReportDone {
                    on: d("2026-07-02"),
                },
                "",
            )
        })
        .unwrap();
    assert_eq!(dir.status, DirectiveStatus::AwaitingConfirmation);
    assert_eq!(dir.completed_on, None);
    let as_of = d("2026-07-05");
    assert_eq!(
        timeliness::bucket(&dir.facts(), DeadlineBasis::Approved, as_of),
        Some(Bucket::OpenOverdue)
    );

    let dir = o
        .store
        .write(|tx| directive::change_status(tx, id, StatusChange::Confirm, "Đạt yêu cầu"))
        .unwrap();
    assert_eq!(dir.status, DirectiveStatus::Done);
    assert_eq!(dir, directive::get(o.store.conn(), id).unwrap());
    assert_eq!(
        dir.completed_on,
        Some(d("2026-07-02")),
        "completion date is the reported date"
    );
    assert_eq!(
        timeliness::bucket(&dir.facts(), DeadlineBasis::Approved, as_of),
        Some(Bucket::DoneLate)
    );

    assert_invalid(
        o.store
            .write(|tx| directive::change_status(tx, id, StatusChange::Confirm, "")),
        Field::Status,
        Rule::Transition {
            from: "done".into(),
            to: "done".into(),
        },
    );
    let actions: Vec<String> = audit::history(o.store.conn(), "directive", id)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(
        actions,
        ["create", "progress", "status", "status", "status"]
    );
}

/// A directive recorded as it already stands (a tracker brought in): made and moved to done
/// in one write, the same record and history as made and then moved, and a step its status
/// does not allow refused with nothing written.
#[test]
fn a_directive_made_done_at_once_is_the_one_made_then_moved() {
    let mut o = office();
    let done = [
        StatusChange::ReportDone {
            on: d("2026-06-20"),
        },
        StatusChange::Confirm,
    ];
    let new = o.new_directive(o.ttbc, Some(d("2026-06-30")));
    let dir = o
        .store
        .write(|tx| directive::create_as(tx, new, &done, "Bảng theo dõi / 2025 / 7"))
        .unwrap();
    assert_eq!(dir, directive::get(o.store.conn(), dir.id).unwrap());
    assert_eq!(dir.status, DirectiveStatus::Done);
    assert_eq!(dir.completed_on, Some(d("2026-06-20")));
    assert_eq!(dir.reported_done_on, Some(d("2026-06-20")));
    let history = audit::history(o.store.conn(), "directive", dir.id).unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "status"]);
    assert_eq!(history[0].changes["status"], "assigned");
    assert_eq!(history[1].changes["status"][1], "done");
    assert_eq!(history[1].changes["note"], "Bảng theo dõi / 2025 / 7");
    // Counted done on time, as one made and then moved would be.
    let table = giaoban::stats::by_unit(
        o.store.conn(),
        None,
        None,
        d("2026-07-31"),
        DeadlineBasis::Approved,
    )
    .unwrap();
    assert_eq!(table.totals.done_on_time, 1);

    // Done before it was given: refused, nothing written.
    let before = o.count("directive");
    let new = o.new_directive(o.ttbc, None);
    assert_invalid(
        o.store.write(|tx| {
            directive::create_as(
                tx,
                new.clone(),
                &[StatusChange::ReportDone {
                    on: d("2026-01-01"),
                }],
                "",
            )
        }),
        Field::Date,
        Rule::OutOfRange,
    );
    // A step the status before it does not allow.
    assert!(matches!(
        o.store
            .write(|tx| directive::create_as(tx, new, &[StatusChange::Confirm], "")),
        Err(Error::Invalid {
            field: Field::Status,
            ..
        })
    ));
    assert_eq!(o.count("directive"), before);
}

#[test]
fn a_returned_report_goes_back_to_the_unit() {
    let mut o = office();
    let id = o
        .add(o.new_directive(o.ttbc, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    o.store
        .write(|tx| {
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
    let dir = o
        .store
        .write(|tx| directive::change_status(tx, id, StatusChange::Return, "Chưa đạt"))
        .unwrap();
    assert_eq!(dir.status, DirectiveStatus::InProgress);
    assert_eq!(dir.reported_done_on, None);
}

#[test]
fn an_extension_keeps_the_original_deadline() {
    let mut o = office();
    let id = o
        .add(o.new_directive(o.ttbc, Some(d("2026-06-30"))))
        .unwrap()
        .id;
    let director = o.director;
    let ext = o
        .store
        .write(|tx| {
            followup::extend_deadline(
                tx,
                id,
                NewExtension {
                    new_deadline: d("2026-07-31"),
                    reason: "Chờ ý kiến Sở Tài chính".into(),
                    approver_id: Some(director),
                    approved_on: d("2026-06-28"),
                },
            )
        })
        .unwrap();
    assert_eq!(ext.previous_deadline, d("2026-06-30"));
    let dir = directive::get(o.store.conn(), id).unwrap();
    assert_eq!(
        (dir.original_deadline, dir.deadline),
        (Some(d("2026-06-30")), Some(d("2026-07-31")))
    );
    let as_of = d("2026-07-10");
    assert_eq!(
        timeliness::bucket(&dir.facts(), DeadlineBasis::Approved, as_of),
        Some(Bucket::OpenWithinDeadline)
    );
    assert_eq!(
        timeliness::bucket(&dir.facts(), DeadlineBasis::Original, as_of),
        Some(Bucket::OpenOverdue)
    );

    let earlier = NewExtension {
        new_deadline: d("2026-07-15"),
        reason: "x".into(),
        approver_id: None,
        approved_on: d("2026-07-01"),
    };
    assert_invalid(
        o.store
            .write(|tx| followup::extend_deadline(tx, id, earlier)),
        Field::Deadline,
        Rule::NotLater,
    );
    let no_reason = NewExtension {
        new_deadline: d("2026-08-15"),
        reason: " ".into(),
        approver_id: None,
        approved_on: d("2026-07-01"),
    };
    assert_invalid(
        o.store
            .write(|tx| followup::extend_deadline(tx, id, no_reason)),
        Field::Reason,
        Rule::Required,
    );
    assert_eq!(
        followup::extensions_of(o.store.conn(), id).unwrap().len(),
        1
    );
}

#[test]
fn progress_percent_is_bounded() {
    let mut o = office();
    let id = o.add(o.new_directive(o.ttbc, None)).unwrap().id;
    let r = o.store.write(|tx| {
        followup::add_progress(
            tx,
            id,
            NewProgress {
                reported_on: d("2026-06-10"),
                reporter_id: None,
                percent: 101,
                note: String::new(),
            },
        )
    });
    assert_invalid(r, Field::Percent, Rule::OutOfRange);
    assert_eq!(o.count("progress"), 0);
    // Nothing said: 0 % and no note is no report.
    let r = o.store.write(|tx| {
        followup::add_progress(
            tx,
            id,
            NewProgress {
                reported_on: d("2026-06-10"),
                reporter_id: None,
                percent: 0,
                note: "  ".into(),
            },
        )
    });
    assert_invalid(r, Field::Content, Rule::Required);
    assert_eq!(o.count("progress"), 0);
}

#[test]
fn units_are_found_by_code_name_without_diacritics_or_initials() {
    let o = office();
    let c = o.store.conn();
    let find = |q: &str| unit::resolve(c, q, Field::LeadUnit).map(|u| u.id);
    assert_eq!(find("TTBCXB").unwrap(), o.ttbc);
    assert_eq!(find("ttbc").unwrap(), o.ttbc);
    assert_eq!(find("thong tin bao chi").unwrap(), o.ttbc);
    assert_eq!(find("vp").unwrap(), o.vp);
    assert_eq!(find("Văn phòng Sở").unwrap(), o.vp);
    assert_eq!(find(&o.cds.to_string()).unwrap(), o.cds);
    assert!(matches!(
        find("phong"),
        Err(Error::Invalid {
            rule: Rule::Ambiguous { .. },
            ..
        })
    ));
    assert!(matches!(
        find("khong ton tai"),
        Err(Error::NotFound {
            entity: Entity::Unit,
            ..
        })
    ));
    assert_eq!(
        person::resolve(c, "thang", Field::DirectingLeader)
            .unwrap()
            .id,
        o.director
    );
}

/// Of the units a word matches folded, those with the word as written (marks and all) are
/// the candidates named, when two or more have it: "Báo" is not "huyện Bảo Thắng".
#[test]
fn an_ambiguous_unit_names_the_candidates_written_so() {
    let mut o = office();
    o.store
        .write(|tx| {
            for name in [
                "Báo Lào Cai",
                "Phòng Văn hóa và Thông tin huyện Bảo Thắng",
                "Phòng Văn hóa và Thông tin huyện Bảo Yên",
            ] {
                unit::create(
                    tx,
                    unit::NewUnit {
                        name: name.into(),
                        short_name: None,
                        code: None,
                        kind: unit::UnitKind::External,
                        parent_id: None,
                        sort_order: 9,
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    let candidates = |q: &str| match unit::resolve(o.store.conn(), q, Field::LeadUnit) {
        Err(Error::Invalid {
            rule: Rule::Ambiguous { candidates, .. },
            ..
        }) => candidates,
        other => panic!("{q}: {other:?}"),
    };
    let mut said = candidates("Báo");
    said.sort();
    assert_eq!(
        said,
        ["Báo Lào Cai", "Phòng Thông tin - Báo chí - Xuất bản"]
    );
    // Written without marks, all that fit.
    assert_eq!(candidates("bao").len(), 4);
}

#[test]
fn unit_codes_are_unique_whatever_the_case() {
    let mut o = office();
    let r = o.store.write(|tx| {
        unit::create(
            tx,
            unit::NewUnit {
                name: "Phòng khác".into(),
                short_name: None,
                code: Some("vp".into()),
                kind: unit::UnitKind::Division,
                parent_id: None,
                sort_order: 0,
            },
        )
    });
    assert_invalid(r, Field::Code, Rule::Duplicate("vp".into()));
}

#[test]
fn units_are_edited_without_cycles_or_duplicate_codes() {
    let mut o = office();
    let (vp, cds) = (o.vp, o.cds);
    let edit = |name: &str, code: &str, parent| unit::NewUnit {
        name: name.into(),
        short_name: None,
        code: Some(code.into()),
        kind: unit::UnitKind::Division,
        parent_id: parent,
        sort_order: 5,
    };
    let u = o
        .store
        .write(|tx| {
            unit::update(
                tx,
                cds,
                edit("Phòng Chuyển đổi số và CNTT", "CDS", Some(vp)),
            )
        })
        .unwrap();
    assert_eq!(
        (u.name.as_str(), u.parent_id),
        ("Phòng Chuyển đổi số và CNTT", Some(vp))
    );
    assert_invalid(
        o.store
            .write(|tx| unit::update(tx, cds, edit("X", "vp", None))),
        Field::Code,
        Rule::Duplicate("vp".into()),
    );
    assert_invalid(
        o.store
            .write(|tx| unit::update(tx, vp, edit("Văn phòng Sở", "VP", Some(cds)))),
        Field::Parent,
        Rule::Cycle,
    );
    assert_invalid(
        o.store
            .write(|tx| unit::update(tx, cds, edit(" ", "CDS", None))),
        Field::Name,
        Rule::Required,
    );
    let last = audit::history(o.store.conn(), "unit", cds)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.changes["name"][0], "Phòng Chuyển đổi số");
    assert!(
        last.changes.get("code").is_none(),
        "unchanged fields are not listed"
    );
}

#[test]
fn the_detail_shows_source_units_timeliness_and_history() {
    let mut o = office();
    let mut new = o.new_directive(o.ttbc, Some(d("2026-06-10")));
    new.coordinating_unit_ids = vec![o.vp];
    let dir = o.add(new).unwrap();
    let id = dir.id;
    let late = followup::detail(o.store.conn(), id, d("2026-06-20")).unwrap();
    assert_eq!(late.source, "Giao ban tháng 6/2026");
    assert_eq!(late.lead_unit, "Phòng Thông tin - Báo chí - Xuất bản");
    assert_eq!(late.coordinating_units, ["Văn phòng Sở"]);
    assert_eq!(late.directing_leader.as_deref(), Some("Hà Văn Thắng"));
    assert_eq!(late.bucket, Some(Bucket::OpenOverdue));
    assert_eq!(late.days_overdue, Some(10));
    o.store
        .write(|tx| {
            followup::extend_deadline(
                tx,
                id,
                NewExtension {
                    new_deadline: d("2026-06-30"),
                    reason: "Chờ số liệu".into(),
                    approver_id: None,
                    approved_on: d("2026-06-09"),
                },
            )?;
            followup::add_progress(
                tx,
                id,
                NewProgress {
                    reported_on: d("2026-06-15"),
                    reporter_id: None,
                    percent: 50,
                    note: "Đang dự thảo".into(),
                },
            )?;
            directive::change_status(
                tx,
                id,
                StatusChange::ReportDone {
                    on: d("2026-06-25"),
                },
                "",
            )?;
            directive::change_status(tx, id, StatusChange::Confirm, "Đạt")
        })
        .unwrap();
    let done = followup::detail(o.store.conn(), id, d("2026-07-01")).unwrap();
    assert_eq!(
        done.bucket,
        Some(Bucket::DoneOnTime),
        "judged by the approved deadline"
    );
    assert_eq!(
        done.completed_on,
        Some(d("2026-06-25")),
        "the reported date"
    );
    assert_eq!(
        (done.deadline, done.original_deadline),
        (Some(d("2026-06-30")), Some(d("2026-06-10")))
    );
    assert_eq!(done.progress.len(), 1);
    assert_eq!(done.extensions.len(), 1);
    let actions: Vec<_> = done.history.iter().map(|h| h.action.as_str()).collect();
    assert!(
        actions.starts_with(&["status", "status"]) && actions.contains(&"create"),
        "{actions:?}"
    );
}

#[test]
fn progress_and_completion_cannot_be_dated_after_today() {
    let mut o = office();
    let id = o.add(o.new_directive(o.ttbc, None)).unwrap().id;
    let tomorrow = giaoban::date::today().succ_opt().unwrap();
    let r = o.store.write(|tx| {
        followup::add_progress(
            tx,
            id,
            NewProgress {
                reported_on: tomorrow,
                reporter_id: None,
                percent: 10,
                note: String::new(),
            },
        )
    });
    assert!(
        matches!(
            r,
            Err(Error::Invalid {
                field: Field::Date,
                rule: Rule::InFuture
            })
        ),
        "{r:?}"
    );
    let r = o.store.write(|tx| {
        directive::change_status(tx, id, StatusChange::ReportDone { on: tomorrow }, "")
    });
    assert!(
        matches!(
            r,
            Err(Error::Invalid {
                field: Field::Date,
                rule: Rule::InFuture
            })
        ),
        "{r:?}"
    );
    let msg = Error::invalid(Field::Date, Rule::InFuture).message(giaoban::Lang::Vi);
    assert!(msg.contains("không được sau ngày hôm nay"), "{msg}");
    let after = directive::get(o.store.conn(), id).unwrap();
    assert_eq!(after.status, DirectiveStatus::Assigned, "nothing changed");
    assert!(
        followup::progress_of(o.store.conn(), id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_list_filters_by_leader_status_and_words_and_pages_in_order() {
    let mut o = office();
    let mut ids = Vec::new();
    for (i, (content, leader)) in [
        ("Xây dựng kế hoạch chuyển đổi số năm 2026", true),
        ("Rà soát thủ tục hành chính", false),
        ("Tuyên truyền chuyển đổi số trên báo chí", true),
    ]
    .into_iter()
    .enumerate()
    {
        let mut new = o.new_directive(o.vp, Some(d(&format!("2026-07-0{}", 3 - i))));
        new.content = content.into();
        new.directing_leader_id = leader.then_some(o.director);
        ids.push(o.add(new).unwrap().id);
    }
    o.store
        .write(|tx| directive::change_status(tx, ids[1], StatusChange::Start, ""))
        .unwrap();
    let conn = o.store.conn();
    let q = |f: &dyn Fn(&mut DirectiveQuery)| {
        let mut q = DirectiveQuery::as_of(d("2026-06-15"));
        f(&mut q);
        let page = directive::list(conn, &q).unwrap();
        (
            page.total,
            page.rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        )
    };
    let (n, found) = q(&|q| q.text = Some("chuyen doi so".into()));
    assert_eq!(n, 2);
    assert!(found.contains(&ids[0]) && found.contains(&ids[2]));
    assert_eq!(q(&|q| q.leader = Some(o.director)).0, 2);
    assert_eq!(
        q(&|q| q.status = Some(DirectiveStatus::InProgress)).1,
        [ids[1]]
    );
    // By deadline: 01/07, 02/07, 03/07; a page of one after skipping one.
    assert_eq!(
        q(&|q| q.sort = DirectiveSort::Deadline).1,
        [ids[2], ids[1], ids[0]]
    );
    let (total, page) = q(&|q| {
        q.sort = DirectiveSort::Deadline;
        q.offset = 1;
        q.limit = Some(1);
    });
    assert_eq!((total, page), (3, vec![ids[1]]));
    // A further page of a long list passes the first page's count on: the same rows, and
    // that count is not taken again (a stale one stays as given).
    let (total, page) = q(&|q| {
        q.sort = DirectiveSort::Deadline;
        q.offset = 1;
        q.limit = Some(1);
        q.known_total = Some(7);
    });
    assert_eq!((total, page), (7, vec![ids[1]]));
}

#[test]
fn alerts_count_what_falls_due_and_what_became_overdue_for_the_followed_units() {
    let mut o = office();
    let today = d("2026-06-10");
    for (lead, deadline) in [
        (o.vp, "2026-06-13"),
        (o.ttbc, "2026-06-13"),
        (o.vp, "2026-06-11"),
        (o.vp, "2026-06-09"),
        (o.vp, "2026-06-08"),
    ] {
        o.add(o.new_directive(lead, Some(d(deadline)))).unwrap();
    }
    let all = followup::alerts(o.store.conn(), today, &[]).unwrap();
    assert_eq!(
        (all.due_in_3_days, all.due_tomorrow, all.newly_overdue),
        (2, 1, 1)
    );
    let vp = followup::alerts(o.store.conn(), today, &[o.vp]).unwrap();
    assert_eq!(
        (vp.due_in_3_days, vp.due_tomorrow, vp.newly_overdue),
        (1, 1, 1)
    );
    assert_eq!(
        vp.message(giaoban::Lang::Vi),
        "1 nhiệm vụ vừa quá hạn; 1 nhiệm vụ đến hạn ngày mai; 1 nhiệm vụ đến hạn sau 3 ngày"
    );
    assert!(
        followup::alerts(o.store.conn(), today, &[o.cds])
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_progress_report_shows_its_reporter_and_files() {
    let mut o = office();
    let dir = o.store.attachments_dir().unwrap();
    let id = o
        .add(o.new_directive(o.vp, Some(d("2026-07-30"))))
        .unwrap()
        .id;
    let director = o.director;
    o.store
        .write(|tx| {
            let p = followup::add_progress(
                tx,
                id,
                NewProgress {
                    reported_on: d("2026-06-10"),
                    reporter_id: Some(director),
                    percent: 40,
                    note: "Đã có dự thảo".into(),
                },
            )?;
            giaoban::attachment::attach(
                tx,
                &dir,
                giaoban::attachment::OwnerKind::Progress,
                p.id,
                "du-thao.docx",
                &[7u8; 3000],
            )
        })
        .unwrap();
    let detail = followup::detail(o.store.conn(), id, d("2026-06-11")).unwrap();
    let entry = &detail.progress[0];
    assert_eq!(entry.reporter.as_deref(), Some("Hà Văn Thắng"));
    assert_eq!(entry.files.len(), 1);
    assert_eq!(
        (entry.files[0].file_name.as_str(), entry.files[0].kib),
        ("du-thao.docx", 3)
    );
    let a = giaoban::attachment::get(o.store.conn(), entry.files[0].id).unwrap();
    assert_eq!(
        giaoban::attachment::read(&dir, &a).unwrap(),
        vec![7u8; 3000]
    );
}

#[test]
fn the_overdue_list_pages_in_deadline_order_from_the_index() {
    let mut o = office();
    let mut ids = Vec::new();
    for day in [
        "2026-06-20",
        "2026-06-05",
        "2026-06-25",
        "2026-06-10",
        "2026-06-15",
    ] {
        let mut new = o.new_directive(o.vp, Some(d(day)));
        new.allow_deadline_before_assigned = true;
        ids.push((day, o.add(new).unwrap().id));
    }
    ids.sort();
    let q = |offset, limit| DirectiveQuery {
        overdue: true,
        offset,
        limit: Some(limit),
        ..DirectiveQuery::as_of(d("2026-07-01"))
    };
    let page = |offset, limit| {
        let p = directive::list(o.store.conn(), &q(offset, limit)).unwrap();
        (p.total, p.rows.iter().map(|r| r.id).collect::<Vec<_>>())
    };
    assert_eq!(page(0, 2), (5, vec![ids[0].1, ids[1].1]));
    assert_eq!(page(2, 2), (5, vec![ids[2].1, ids[3].1]));
    assert_eq!(page(4, 2), (5, vec![ids[4].1]));
}

#[test]
fn a_long_list_read_page_by_page_holds_every_row_once_newest_first() {
    let mut o = office();
    let mut ids = Vec::new();
    for _ in 0..7 {
        let new = o.new_directive(o.vp, None);
        ids.push(o.add(new).unwrap().id);
    }
    let q = |offset, limit| DirectiveQuery {
        offset,
        limit,
        ..DirectiveQuery::as_of(d("2026-07-01"))
    };
    let ids_of = |q: DirectiveQuery| -> Vec<_> {
        directive::list(o.store.conn(), &q)
            .unwrap()
            .rows
            .iter()
            .map(|r| r.id)
            .collect()
    };
    let whole = ids_of(q(0, None));
    let paged: Vec<_> = [0, 3, 6]
        .into_iter()
        .flat_map(|at| ids_of(q(at, Some(3))))
        .collect();
    assert_eq!(paged, whole);
    // Given the same day: the last written first.
    let mut newest_first = ids.clone();
    newest_first.reverse();
    assert_eq!(whole, newest_first);
}
