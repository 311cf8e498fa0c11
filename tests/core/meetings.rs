//! Meetings: times, status flow, locked minutes, and the full record.

use chrono::{TimeZone, Utc};
use giaoban::error::{Error, Field, Rule};
use giaoban::meeting::{self, MeetingFilter, MeetingKind, MeetingStatus, NewMeeting};
use giaoban::minutes::{self, Attendance, AttendeeRole, NewItem, Who};
use giaoban::{audit, directive};

use crate::fixture::{attendee, d, office, plain_meeting};

#[test]
fn a_meeting_must_end_after_it_starts() {
    let mut o = office();
    let before = o.count("meeting");
    let r = o.store.write(|tx| {
        meeting::create(
            tx,
            NewMeeting {
                series_id: None,
                kind: MeetingKind::WorkingSession,
                title: "Làm việc với UBND tỉnh".into(),
                number: None,
                starts_at: Utc.with_ymd_and_hms(2026, 6, 3, 2, 0, 0).unwrap(),
                ends_at: Some(Utc.with_ymd_and_hms(2026, 6, 3, 1, 0, 0).unwrap()),
                location: None,
                online: false,
                chair_id: None,
                secretary_id: None,
                organiser_unit_id: None,
            },
        )
    });
    assert!(
        matches!(
            r,
            Err(Error::Invalid {
                field: Field::EndsAt,
                rule: Rule::EndNotAfterStart
            })
        ),
        "{r:?}"
    );
    assert_eq!(o.count("meeting"), before);
}

#[test]
fn closed_minutes_are_locked_and_reopening_keeps_the_closed_version() {
    let mut o = office();
    let id = o.meeting;
    o.store
        .write(|tx| {
            meeting::set_status(tx, id, MeetingStatus::InProgress)?;
            meeting::set_minutes(tx, id, "Bản ghi lúc kết thúc")?;
            meeting::set_status(tx, id, MeetingStatus::Closed)
        })
        .unwrap();
    let r = o
        .store
        .write(|tx| meeting::set_minutes(tx, id, "sửa sau khi kết thúc"));
    assert!(
        matches!(
            r,
            Err(Error::Invalid {
                field: Field::Status,
                ..
            })
        ),
        "{r:?}"
    );
    let r = o.store.write(|tx| {
        minutes::add(
            tx,
            id,
            NewItem::Conclusion {
                content: "Thêm".into(),
            },
        )
    });
    assert!(r.is_err());
    let r = o
        .store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::Draft));
    assert!(matches!(
        r,
        Err(Error::Invalid {
            rule: Rule::Transition { .. },
            ..
        })
    ));

    o.store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::InProgress))
        .unwrap();
    o.store
        .write(|tx| meeting::set_minutes(tx, id, "Bản sửa"))
        .unwrap();
    let history = audit::history(o.store.conn(), "meeting", id).unwrap();
    let reopen = history
        .iter()
        .find(|e| e.changes.get("closed_minutes").is_some())
        .expect("the closed version is kept");
    assert_eq!(reopen.changes["closed_minutes"], "Bản ghi lúc kết thúc");
}

#[test]
fn the_meeting_record_holds_everything_in_order() {
    let mut o = office();
    let (id, director, vp) = (o.meeting, o.director, o.vp);
    let conclusion = o
        .store
        .write(|tx| {
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Person { id: director },
                    AttendeeRole::Chair,
                    Attendance::Present,
                    None,
                ),
            )?;
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Unit { id: vp },
                    AttendeeRole::Member,
                    Attendance::Excused,
                    Some("Đi công tác"),
                ),
            )?;
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Guest {
                        name: "Đại diện Báo Lào Cai".into(),
                    },
                    AttendeeRole::Invited,
                    Attendance::Online,
                    None,
                ),
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Agenda {
                    title: "Báo cáo kết quả tháng 5".into(),
                    presenter_id: None,
                    unit_id: Some(vp),
                },
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Opinion {
                    speaker_id: Some(director),
                    speaker_name: None,
                    unit_id: None,
                    content: "Đề nghị đẩy nhanh tiến độ".into(),
                },
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Conclusion {
                    content: "Thứ nhất".into(),
                },
            )?;
            minutes::add(
                tx,
                id,
                NewItem::Conclusion {
                    content: "Thứ hai".into(),
                },
            )
        })
        .unwrap();
    let mut new = o.new_directive(o.ttbc, Some(d("2026-06-30")));
    new.source = directive::Source::Meeting {
        meeting_id: id,
        conclusion_id: Some(conclusion),
    };
    o.add(new).unwrap();
    let r = minutes::record(o.store.conn(), id, d("2026-06-10")).unwrap();
    assert_eq!(r.chair.as_deref(), Some("Hà Văn Thắng"));
    let names: Vec<&str> = r.attendees.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["Hà Văn Thắng", "Văn phòng Sở", "Đại diện Báo Lào Cai"]
    );
    assert_eq!(
        r.conclusions.iter().map(|c| c.position).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(r.opinions.len(), 1);
    assert_eq!(r.agenda.len(), 1);
    assert_eq!(r.directives.len(), 1);
    let blank = o.store.write(|tx| {
        minutes::add(
            tx,
            id,
            NewItem::Opinion {
                speaker_id: None,
                speaker_name: None,
                unit_id: None,
                content: "  ".into(),
            },
        )
    });
    assert!(matches!(
        blank,
        Err(Error::Invalid {
            field: Field::Content,
            rule: Rule::Required
        })
    ));
}

#[test]
fn meetings_are_found_by_a_prefix_of_their_id() {
    let o = office();
    let text = o.meeting.to_string();
    assert_eq!(
        meeting::resolve(o.store.conn(), &text[..13]).unwrap().id,
        o.meeting
    );
    assert_eq!(
        meeting::resolve(o.store.conn(), &text.to_uppercase())
            .unwrap()
            .id,
        o.meeting
    );
    assert!(meeting::resolve(o.store.conn(), "zz").is_err());
    let on = |from: &str, to: Option<&str>| MeetingFilter {
        from: Some(d(from)),
        to: to.map(d),
        ..MeetingFilter::default()
    };
    let listed = meeting::list(o.store.conn(), &on("2026-06-02", Some("2026-06-02"))).unwrap();
    assert_eq!(listed.len(), 1, "07:30 local on 02/06 is on 02/06");
    assert!(
        meeting::list(o.store.conn(), &on("2026-06-03", None))
            .unwrap()
            .is_empty()
    );
}

#[test]
fn meetings_are_found_by_title_typed_without_diacritics() {
    let o = office();
    let find = |text: &str, kind: Option<MeetingKind>| {
        meeting::list(
            o.store.conn(),
            &MeetingFilter {
                text: Some(text.into()),
                kind,
                ..MeetingFilter::default()
            },
        )
        .unwrap()
        .len()
    };
    assert_eq!(find("giao ban thang 6", None), 1);
    assert_eq!(find("GIAO BẢN", None), 1);
    assert_eq!(find("giao ban", Some(MeetingKind::MonthlyBriefing)), 1);
    assert_eq!(find("giao ban", Some(MeetingKind::Conference)), 0);
    assert_eq!(find("hoi nghi", None), 0);
}

#[test]
fn meetings_are_read_a_page_at_a_time_with_the_count_of_all() {
    let mut o = office();
    o.store
        .write(|tx| {
            for day in 1..=9 {
                meeting::create(
                    tx,
                    plain_meeting(
                        MeetingKind::WorkingSession,
                        &format!("Làm việc với Sở Tài chính lần {day}"),
                        Utc.with_ymd_and_hms(2026, 7, day, 2, 0, 0).unwrap(),
                    ),
                )?;
            }
            Ok(())
        })
        .unwrap();
    let conn = o.store.conn();
    let words = |limit, offset| MeetingFilter {
        text: Some("lam viec so tai chinh".into()),
        limit: Some(limit),
        offset: Some(offset),
        ..MeetingFilter::default()
    };
    let all = meeting::list(
        conn,
        &MeetingFilter {
            limit: None,
            offset: None,
            ..words(0, 0)
        },
    )
    .unwrap();
    assert_eq!(all.len(), 9);
    let mut read = Vec::new();
    for offset in [0, 4, 8] {
        let page = meeting::page(conn, &words(4, offset)).unwrap();
        assert_eq!(page.total, 9, "the count of all, whatever the page");
        read.extend(page.rows);
    }
    assert_eq!(
        read, all,
        "the pages, one after another, are the whole list, newest first"
    );
    assert!(meeting::page(conn, &words(4, 12)).unwrap().rows.is_empty());
}
