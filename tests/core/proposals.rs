//! "Tách nhiệm vụ từ kết luận": proposals read from a meeting's stored conclusions, linked
//! back to them, and the accepted ones created all together or not at all.

use giaoban::error::{Error, Field, Rule};
use giaoban::minutes::{self, NewItem};
use giaoban::proposal::{self, Accepted};

use crate::fixture::{d, office};

#[test]
fn conclusions_become_linked_directives() {
    let mut o = office();
    let id = o.meeting;
    let conclusions = [
        "Cơ bản thống nhất với báo cáo của Văn phòng Sở.",
        "Giao Phòng TTBCXB chủ trì, phối hợp với Văn phòng Sở tổ chức họp báo quý III, xong trước 15/7.",
        "Phòng Chuyển đổi số rà soát hạ tầng mạng; hoàn thành trong tháng 8.",
    ];
    let ids: Vec<_> = o
        .store
        .write(|tx| {
            conclusions
                .iter()
                .map(|c| {
                    minutes::add(
                        tx,
                        id,
                        NewItem::Conclusion {
                            content: (*c).into(),
                        },
                    )
                })
                .collect()
        })
        .unwrap();
    let all = proposal::propose(o.store.conn(), id, None).unwrap();
    // No conclusion vanishes: the first gives no directive and is shown as not one.
    assert_eq!(all.len(), 3, "{all:#?}");
    assert!(all[0].not_a_task);
    assert_eq!(all[0].conclusion_id, Some(ids[0]));
    assert_eq!(all[0].proposal.content, conclusions[0]);
    let proposed: Vec<_> = all.into_iter().filter(|p| !p.not_a_task).collect();
    assert_eq!(proposed.len(), 2, "{proposed:#?}");
    assert_eq!(proposed[0].conclusion_id, Some(ids[1]));
    assert_eq!(
        proposed[0].proposal.lead_unit.as_ref().unwrap().id,
        Some(o.ttbc)
    );
    assert_eq!(proposed[0].proposal.coordinating_units[0].id, Some(o.vp));
    assert_eq!(proposed[0].proposal.deadline, Some(d("2026-07-15")));
    assert_eq!(proposed[1].conclusion_id, Some(ids[2]));
    assert_eq!(
        proposed[1].proposal.lead_unit.as_ref().unwrap().id,
        Some(o.cds)
    );
    assert_eq!(proposed[1].proposal.deadline, Some(d("2026-08-31")));

    let pasted = proposal::propose(
        o.store.conn(),
        id,
        Some("Kết luận: giao Văn phòng Sở rà soát quy chế trong quý IV."),
    )
    .unwrap();
    assert_eq!(pasted.len(), 1);
    assert_eq!(pasted[0].conclusion_id, None);
    assert_eq!(pasted[0].proposal.deadline, Some(d("2026-12-31")));

    let accepted: Vec<Accepted> = proposed
        .iter()
        .map(|p| Accepted {
            content: p.proposal.content.clone(),
            conclusion_id: p.conclusion_id,
            lead_unit_id: p.proposal.lead_unit.as_ref().unwrap().id.unwrap(),
            coordinating_unit_ids: p
                .proposal
                .coordinating_units
                .iter()
                .filter_map(|u| u.id)
                .collect(),
            deadline: p.proposal.deadline,
            allow_deadline_before_meeting: false,
        })
        .collect();

    // One bad row (deadline before the meeting, not confirmed) refuses them all.
    let mut bad = accepted.clone();
    bad[1].deadline = Some(d("2026-05-01"));
    let r = o.store.write(|tx| proposal::accept(tx, id, bad));
    assert!(
        matches!(
            r,
            Err(Error::Invalid {
                field: Field::Deadline,
                rule: Rule::DeadlineBeforeAssigned
            })
        ),
        "{r:?}"
    );
    assert!(
        minutes::record(o.store.conn(), id, d("2026-06-10"))
            .unwrap()
            .directives
            .is_empty()
    );

    let made = o
        .store
        .write(|tx| proposal::accept(tx, id, accepted))
        .unwrap();
    assert_eq!(made.len(), 2);
    assert_eq!(made[0].conclusion_id, Some(ids[1]));
    assert_eq!(
        made[0].directing_leader_id,
        Some(o.director),
        "the chair gave it"
    );
    assert_eq!(made[0].coordinating_unit_ids, vec![o.vp]);
    let record = minutes::record(o.store.conn(), id, d("2026-06-10")).unwrap();
    assert_eq!(record.directives.len(), 2);
}

/// The generator writes each meeting's conclusions from the directives it gives; reading the
/// conclusions back must give those directives, with their units and first deadlines.
#[test]
fn the_sample_meetings_conclusions_give_back_their_directives() {
    use giaoban::demo::{self, DemoOptions};
    use giaoban::directive;
    use giaoban::meeting::{self, MeetingFilter};
    use giaoban::{OpenMode, Store};

    let dir = tempfile::TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite3"), OpenMode::Create).unwrap();
    let opts = DemoOptions {
        meetings: 60,
        directives_per_meeting: 6,
        seed: 7,
        anchor: d("2026-06-15"),
    };
    demo::generate(&mut store, &opts).unwrap();
    let conn = store.conn();
    let meetings = meeting::list(
        conn,
        &MeetingFilter {
            limit: Some(10_000),
            ..Default::default()
        },
    )
    .unwrap();
    let (mut given, mut found, mut exact) = (0, 0, 0);
    for m in &meetings {
        let record = minutes::record(conn, m.id, d("2026-06-15")).unwrap();
        let proposed = proposal::propose(conn, m.id, None).unwrap();
        for row in &record.directives {
            given += 1;
            let stored = directive::get(conn, row.id).unwrap();
            let said = stored.content.trim_end_matches('.');
            let Some(p) = proposed.iter().find(|p| p.proposal.content == said) else {
                eprintln!("not found: {said:?}");
                continue;
            };
            found += 1;
            let mut coordinating: Vec<_> = p
                .proposal
                .coordinating_units
                .iter()
                .filter_map(|u| u.id)
                .collect();
            coordinating.sort();
            let mut expected = stored.coordinating_unit_ids.clone();
            expected.sort();
            if p.proposal.lead_unit.as_ref().and_then(|u| u.id) == Some(stored.lead_unit_id)
                && coordinating == expected
                && p.proposal.deadline == stored.original_deadline
                && p.conclusion_id == stored.conclusion_id
            {
                exact += 1;
            } else {
                eprintln!("differs: {said:?}: {p:?} vs {stored:?}");
            }
        }
    }
    assert!(given > 300, "{given}");
    assert_eq!(found, given, "every directive is found by its content");
    assert_eq!(exact, given, "units, deadline and conclusion all agree");
}

/// "Trong N ngày làm việc" counts on the office's calendar: weekends, public holidays and the
/// days off the office announced in Cài đặt; bad days off are refused and change nothing.
#[test]
fn working_days_skip_the_days_off_the_office_announced() {
    use giaoban::deadline::Deadline;
    use giaoban::office;
    let mut o = office();
    let id = o.meeting; // Tuesday 02/06/2026
    let pasted = "Kết luận: giao Văn phòng Sở hoàn thiện báo cáo trong 3 ngày làm việc.";
    let due = |o: &crate::fixture::Office| {
        let p = proposal::propose(o.store.conn(), id, Some(pasted)).unwrap();
        let typed = proposal::read_deadline(o.store.conn(), id, "trong 3 ngày làm việc").unwrap();
        (p[0].proposal.deadline, typed)
    };
    assert_eq!(
        due(&o),
        (Some(d("2026-06-05")), Some(Deadline::On(d("2026-06-05"))))
    );
    let kept = o
        .store
        .write(|tx| {
            office::set_days_off(tx, vec![d("2026-06-04"), d("2026-06-04"), d("2026-05-01")])
        })
        .unwrap();
    assert_eq!(kept, [d("2026-05-01"), d("2026-06-04")]);
    // Wednesday 3, (Thursday 4 off), Friday 5, Monday 8.
    assert_eq!(
        due(&o),
        (Some(d("2026-06-08")), Some(Deadline::On(d("2026-06-08"))))
    );

    for bad in [
        vec![d("1999-12-31")],
        (0..401)
            .map(|n| d("2027-01-01") + chrono::Duration::days(n))
            .collect(),
    ] {
        let err = o
            .store
            .write(|tx| office::set_days_off(tx, bad.clone()))
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Invalid {
                    field: Field::DaysOff,
                    rule: Rule::OutOfRange
                }
            ),
            "{err:?}"
        );
        assert_eq!(office::days_off(o.store.conn()).unwrap(), kept);
    }
}
