//! The secretary's editor in the core: header changes, item edits, sparing history for
//! typed minutes, and the carry-forward of directives from one meeting to the next.

use chrono::{TimeZone, Utc};
use giaoban::audit;
use giaoban::carry::{self, Decision, Template};
use giaoban::directive::{self, DirectiveStatus, Source};
use giaoban::error::{Error, Field, Rule};
use giaoban::meeting::{self, MeetingHeader, MeetingKind, MeetingStatus, NewSeries};
use giaoban::minutes::{self, Attendance, AttendeeRole, ItemEdit, ItemList, NewItem, Who};
use uuid::Uuid;

use crate::fixture::{Office, attendee, d, office};

fn header(o: &Office) -> MeetingHeader {
    let m = meeting::get(o.store.conn(), o.meeting).unwrap();
    MeetingHeader {
        title: m.title,
        number: m.number,
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        location: m.location,
        online: m.online,
        chair_id: m.chair_id,
        secretary_id: m.secretary_id,
    }
}

#[test]
fn an_end_before_the_start_is_refused_by_name_and_changes_nothing() {
    let mut o = office();
    let before = meeting::get(o.store.conn(), o.meeting).unwrap();
    let mut h = header(&o);
    h.title = "Giao ban tháng 6/2026 (sửa)".into();
    h.ends_at = Some(h.starts_at - chrono::Duration::minutes(30));
    let r = o.store.write(|tx| meeting::update(tx, o.meeting, h));
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
    assert!(
        r.unwrap_err()
            .message(giaoban::lang::Lang::Vi)
            .contains("Thời gian kết thúc")
    );
    assert_eq!(meeting::get(o.store.conn(), o.meeting).unwrap(), before);
}

#[test]
fn a_header_change_is_saved_and_the_history_names_only_what_changed() {
    let mut o = office();
    let mut h = header(&o);
    h.location = Some("  Hội trường UBND tỉnh ".into());
    h.online = true;
    let m = o
        .store
        .write(|tx| meeting::update(tx, o.meeting, h))
        .unwrap();
    assert_eq!(m.location.as_deref(), Some("Hội trường UBND tỉnh"));
    assert!(m.online);
    let last = audit::history(o.store.conn(), "meeting", o.meeting)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(last.action, "update");
    let keys: Vec<&String> = last.changes.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["location", "online"]);
}

#[test]
fn items_are_edited_and_removed_but_a_conclusion_with_directives_stays() {
    let mut o = office();
    let (id, director) = (o.meeting, o.director);
    let (att, agenda, opinion, used, free) = o
        .store
        .write(|tx| {
            let att = minutes::add(
                tx,
                id,
                attendee(
                    Who::Person { id: director },
                    AttendeeRole::Chair,
                    Attendance::Present,
                    None,
                ),
            )?;
            let agenda = minutes::add(
                tx,
                id,
                NewItem::Agenda {
                    title: "Báo cáo tháng".into(),
                    presenter_id: None,
                    unit_id: None,
                },
            )?;
            let opinion = minutes::add(
                tx,
                id,
                NewItem::Opinion {
                    speaker_id: None,
                    speaker_name: Some("Đại biểu".into()),
                    unit_id: None,
                    content: "Ý kiến".into(),
                },
            )?;
            let used = minutes::add(
                tx,
                id,
                NewItem::Conclusion {
                    content: "Giao Văn phòng tổng hợp".into(),
                },
            )?;
            let free = minutes::add(
                tx,
                id,
                NewItem::Conclusion {
                    content: "Gõ nhầm".into(),
                },
            )?;
            Ok((att, agenda, opinion, used, free))
        })
        .unwrap();
    let mut new = o.new_directive(o.vp, Some(d("2026-06-30")));
    new.source = Source::Meeting {
        meeting_id: id,
        conclusion_id: Some(used),
    };
    o.add(new).unwrap();

    o.store
        .write(|tx| {
            minutes::edit(
                tx,
                id,
                ItemEdit::Attendance {
                    id: att,
                    attendance: Attendance::Late,
                    note: Some(" đến 8h00 ".into()),
                },
            )?;
            minutes::edit(
                tx,
                id,
                ItemEdit::Agenda {
                    id: agenda,
                    title: "Báo cáo kết quả tháng 5".into(),
                },
            )?;
            minutes::edit(
                tx,
                id,
                ItemEdit::Opinion {
                    id: opinion,
                    speaker_id: Some(director),
                    speaker_name: None,
                    content: "Đề nghị bổ sung số liệu".into(),
                },
            )?;
            minutes::edit(
                tx,
                id,
                ItemEdit::Remove {
                    list: ItemList::Conclusion,
                    id: free,
                },
            )
        })
        .unwrap();
    let r = minutes::record(o.store.conn(), id, d("2026-06-02")).unwrap();
    assert_eq!(
        (r.attendees[0].attendance, r.attendees[0].note.as_deref()),
        (Attendance::Late, Some("đến 8h00"))
    );
    assert_eq!(r.agenda[0].title, "Báo cáo kết quả tháng 5");
    assert_eq!(
        (r.opinions[0].speaker_id, r.opinions[0].content.as_str()),
        (Some(director), "Đề nghị bổ sung số liệu")
    );
    assert_eq!(r.conclusions.len(), 1);

    let before = o.count("conclusion");
    let refused = o.store.write(|tx| {
        minutes::edit(
            tx,
            id,
            ItemEdit::Remove {
                list: ItemList::Conclusion,
                id: used,
            },
        )
    });
    assert!(
        matches!(
            refused,
            Err(Error::Invalid {
                rule: Rule::InUse,
                ..
            })
        ),
        "{refused:?}"
    );
    assert_eq!(o.count("conclusion"), before);
    let empty = o.store.write(|tx| {
        minutes::edit(
            tx,
            id,
            ItemEdit::Conclusion {
                id: used,
                content: "  ".into(),
            },
        )
    });
    assert!(matches!(
        empty,
        Err(Error::Invalid {
            field: Field::Content,
            rule: Rule::Required
        })
    ));
    let missing = o.store.write(|tx| {
        minutes::edit(
            tx,
            id,
            ItemEdit::Agenda {
                id: Uuid::nil(),
                title: "x".into(),
            },
        )
    });
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
}

#[test]
fn typing_saves_note_a_burst_once_and_closing_keeps_the_whole_text() {
    let mut o = office();
    let id = o.meeting;
    let before = audit::history(o.store.conn(), "meeting", id).unwrap().len();
    let mut text = String::new();
    for word in [
        "Đồng chí ",
        "Giám đốc ",
        "kết luận: ",
        "tiếp tục ",
        "đẩy mạnh ",
        "chuyển đổi số.",
    ] {
        text.push_str(word);
        o.store
            .write(|tx| meeting::set_minutes(tx, id, &text))
            .unwrap();
    }
    let history = audit::history(o.store.conn(), "meeting", id).unwrap();
    let typed: Vec<_> = history[before..]
        .iter()
        .filter(|e| e.action == "minutes")
        .collect();
    assert_eq!(typed.len(), 1, "one history line for a burst of typing");
    assert_eq!(meeting::get(o.store.conn(), id).unwrap().minutes, text);

    o.store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::Closed))
        .unwrap();
    let closed = audit::history(o.store.conn(), "meeting", id)
        .unwrap()
        .pop()
        .unwrap();
    assert_eq!(closed.changes["closed_minutes"], text.as_str());
    let h = header(&o);
    let locked = o.store.write(|tx| meeting::update(tx, id, h));
    assert!(
        matches!(
            locked,
            Err(Error::Invalid {
                rule: Rule::Locked,
                ..
            })
        ),
        "{locked:?}"
    );
    assert!(
        locked
            .unwrap_err()
            .message(giaoban::lang::Lang::Vi)
            .contains("mở lại")
    );
}

/// A series with its June meeting (the fixture's), attendees, agenda and three directives.
fn june_series(o: &mut Office) -> (Uuid, [Uuid; 3]) {
    let (id, director, vp) = (o.meeting, o.director, o.vp);
    let series = o
        .store
        .write(|tx| {
            let s = meeting::create_series(
                tx,
                NewSeries {
                    name: "Giao ban tháng Sở".into(),
                    kind: MeetingKind::MonthlyBriefing,
                    organiser_unit_id: Some(vp),
                    chair_id: Some(director),
                    location: Some("Phòng họp tầng 3".into()),
                },
            )?;
            tx.execute(
                "UPDATE meeting SET series_id = ?1 WHERE id = ?2",
                rusqlite::params![s.id, id],
            )?;
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
                NewItem::Agenda {
                    title: "Báo cáo kết quả công tác tháng".into(),
                    presenter_id: None,
                    unit_id: Some(vp),
                },
            )?;
            Ok(s.id)
        })
        .unwrap();
    let mut ids = [Uuid::nil(); 3];
    for (i, lead) in [o.vp, o.ttbc, o.cds].into_iter().enumerate() {
        ids[i] = o
            .add(o.new_directive(lead, Some(d("2026-06-30"))))
            .unwrap()
            .id;
    }
    (series, ids)
}

#[test]
fn the_next_meeting_starts_from_its_series_and_reviews_what_is_open() {
    let mut o = office();
    let (series, [a, b, c]) = june_series(&mut o);
    let july_start = Utc.with_ymd_and_hms(2026, 7, 1, 0, 30, 0).unwrap();
    let july = o
        .store
        .write(|tx| {
            carry::start(
                tx,
                Template::Series { id: series },
                "Giao ban tháng 7/2026",
                july_start,
            )
        })
        .unwrap();
    assert_eq!(
        (july.status, july.series_id, july.chair_id),
        (MeetingStatus::InProgress, Some(series), Some(o.director))
    );
    assert_eq!(july.location.as_deref(), Some("Phòng họp tầng 3"));
    let r = minutes::record(o.store.conn(), july.id, d("2026-07-01")).unwrap();
    assert_eq!(r.attendees.len(), 2);
    assert!(
        r.attendees
            .iter()
            .all(|a| a.attendance == Attendance::Present && a.note.is_none())
    );
    assert_eq!(r.agenda[0].title, "Báo cáo kết quả công tác tháng");

    let review = carry::review(o.store.conn(), july.id).unwrap();
    let mut listed: Vec<Uuid> = review.iter().map(|c| c.directive.id).collect();
    listed.sort();
    let mut expected = vec![a, b, c];
    expected.sort();
    assert_eq!(listed, expected);
    assert!(
        review
            .iter()
            .all(|c| c.decision.is_none() && c.times_continued == 0)
    );

    o.store
        .write(|tx| {
            carry::decide(tx, july.id, a, Decision::Continued)?;
            carry::decide(tx, july.id, b, Decision::Closed)?;
            carry::decide(tx, july.id, c, Decision::Reported)
        })
        .unwrap();
    let get = |o: &Office, id| directive::get(o.store.conn(), id).unwrap();
    assert_eq!(get(&o, a).status, DirectiveStatus::Assigned);
    assert_eq!(
        (get(&o, b).status, get(&o, b).completed_on),
        (DirectiveStatus::Done, Some(d("2026-07-01")))
    );
    assert_eq!(
        (get(&o, c).status, get(&o, c).reported_done_on),
        (DirectiveStatus::AwaitingConfirmation, Some(d("2026-07-01")))
    );
    // The closed one stays on July's review with its decision; a closed one is not reopened here.
    let review = carry::review(o.store.conn(), july.id).unwrap();
    assert_eq!(review.len(), 3);
    let refused = o
        .store
        .write(|tx| carry::decide(tx, july.id, b, Decision::Continued));
    assert!(
        matches!(
            refused,
            Err(Error::Invalid {
                rule: Rule::Transition { .. },
                ..
            })
        ),
        "{refused:?}"
    );

    // August copies July; it reviews what is still open, and counts the continuation.
    let august = o
        .store
        .write(|tx| {
            carry::start(
                tx,
                Template::Copy { id: july.id },
                "Giao ban tháng 8/2026",
                july_start + chrono::Duration::days(31),
            )
        })
        .unwrap();
    let review = carry::review(o.store.conn(), august.id).unwrap();
    let open: Vec<(Uuid, u32)> = review
        .iter()
        .map(|c| (c.directive.id, c.times_continued))
        .collect();
    assert!(open.contains(&(a, 1)), "{open:?}");
    assert!(
        open.contains(&(c, 0)),
        "awaiting confirmation is still open: {open:?}"
    );
    assert!(
        !open.iter().any(|(id, _)| *id == b),
        "closed is not carried"
    );
    o.store
        .write(|tx| carry::decide(tx, august.id, a, Decision::Continued))
        .unwrap();
    let a_row = carry::review(o.store.conn(), august.id)
        .unwrap()
        .into_iter()
        .find(|c| c.directive.id == a)
        .unwrap();
    assert_eq!(
        (a_row.times_continued, a_row.decision),
        (2, Some(Decision::Continued))
    );
    // The directive's page shows the meetings that carried it.
    let seen: Vec<(String, Decision)> =
        giaoban::followup::detail(o.store.conn(), a, d("2026-08-01"))
            .unwrap()
            .carried
            .into_iter()
            .map(|c| (c.meeting, c.decision))
            .collect();
    assert_eq!(
        seen,
        [
            ("Giao ban tháng 7/2026".to_string(), Decision::Continued),
            ("Giao ban tháng 8/2026".to_string(), Decision::Continued)
        ]
    );

    // A directive of another meeting cannot be decided here.
    let other = o
        .store
        .write(|tx| carry::decide(tx, july.id, Uuid::nil(), Decision::Closed));
    assert!(other.is_err());
}

#[test]
fn a_blank_meeting_has_nothing_to_review() {
    let mut o = office();
    let start = Utc.with_ymd_and_hms(2026, 7, 10, 1, 0, 0).unwrap();
    let m = o
        .store
        .write(|tx| {
            carry::start(
                tx,
                Template::Blank {
                    kind: MeetingKind::WorkingSession,
                },
                "Làm việc với Sở Tài chính",
                start,
            )
        })
        .unwrap();
    assert_eq!((m.kind, m.series_id), (MeetingKind::WorkingSession, None));
    assert!(carry::review(o.store.conn(), m.id).unwrap().is_empty());
}

#[test]
fn the_meeting_open_in_the_editor_is_reopened_while_under_way() {
    let mut o = office();
    let id = o.meeting;
    assert!(meeting::resume(o.store.conn()).unwrap().is_none());
    o.store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::InProgress))
        .unwrap();
    let audit_before = o.count("audit");
    o.store
        .write(|tx| meeting::remember_open(tx, Some(id)))
        .unwrap();
    assert_eq!(o.count("audit"), audit_before, "not a change of data");
    assert_eq!(
        meeting::resume(o.store.conn()).unwrap().map(|m| m.id),
        Some(id)
    );
    o.store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::Closed))
        .unwrap();
    assert!(
        meeting::resume(o.store.conn()).unwrap().is_none(),
        "a closed meeting is not reopened"
    );
    o.store
        .write(|tx| meeting::set_status(tx, id, MeetingStatus::InProgress))
        .unwrap();
    o.store
        .write(|tx| meeting::remember_open(tx, None))
        .unwrap();
    assert!(
        meeting::resume(o.store.conn()).unwrap().is_none(),
        "the editor was left"
    );
}

#[test]
fn lines_typed_for_the_next_item_are_kept_and_taken_in_when_the_meeting_ends() {
    let mut o = office();
    let id = o.meeting;
    let typed = giaoban::draft::Draft {
        attendee: "  hoàng kim KHÁNH ".into(),
        agenda: "Báo cáo kết quả tháng 5".into(),
        speaker_id: None,
        speaker_name: "Kim Anh".into(),
        opinion: "Đề nghị bổ sung kinh phí".into(),
        conclusion: "Giao Văn phòng Sở tổng hợp".into(),
    };
    // A person of that exact name, and one whose name only contains the guest's words.
    for name in ["Hoàng Kim Khánh", "Hoàng Kim Anh Thư"] {
        o.store
            .write(|tx| {
                giaoban::person::create(
                    tx,
                    giaoban::person::NewPerson {
                        full_name: name.into(),
                        title: None,
                        unit_id: None,
                    },
                )
            })
            .unwrap();
    }
    o.store
        .write(|tx| giaoban::draft::save(tx, id, &typed))
        .unwrap();
    let today = d("2026-06-02");
    let r = minutes::record(o.store.conn(), id, today).unwrap();
    assert_eq!(r.draft, typed, "the draft comes back with the record");

    // Adding the agenda item empties its box in the same transaction, and only that box.
    o.store
        .write(|tx| {
            minutes::add(
                tx,
                id,
                NewItem::Agenda {
                    title: "Báo cáo kết quả tháng 5".into(),
                    presenter_id: None,
                    unit_id: None,
                },
            )
        })
        .unwrap();
    let left = minutes::record(o.store.conn(), id, today).unwrap().draft;
    assert_eq!(left.agenda, "");
    assert_eq!(left.conclusion, typed.conclusion);

    let closed = o
        .store
        .write(|tx| minutes::set_status(tx, id, MeetingStatus::Closed))
        .unwrap();
    assert_eq!(closed.status, MeetingStatus::Closed);
    let r = minutes::record(o.store.conn(), id, today).unwrap();
    assert_eq!(r.draft, giaoban::draft::Draft::default());
    assert_eq!(
        r.agenda.len(),
        1,
        "the agenda line added before is not doubled"
    );
    assert_eq!(
        r.conclusions.last().unwrap().content,
        "Giao Văn phòng Sở tổng hợp"
    );
    let said = r.opinions.last().unwrap();
    assert_eq!(said.content, "Đề nghị bổ sung kinh phí");
    assert_eq!(
        said.speaker.as_deref(),
        Some("Kim Anh"),
        "a typed speaker stays a guest"
    );
    assert_eq!(said.speaker_id, None);
    let came = r.attendees.last().unwrap();
    assert_eq!(
        came.name, "Hoàng Kim Khánh",
        "an exact name is the directory's person"
    );
    assert!(came.person_id.is_some());

    // A closed meeting keeps no draft.
    let refused = o.store.write(|tx| giaoban::draft::save(tx, id, &typed));
    assert!(
        matches!(
            refused,
            Err(Error::Invalid {
                rule: Rule::Locked,
                ..
            })
        ),
        "{refused:?}"
    );
}

#[test]
fn an_attendee_typed_like_a_name_but_not_it_stays_a_guest() {
    let mut o = office();
    let id = o.meeting;
    o.store
        .write(|tx| {
            giaoban::person::create(
                tx,
                giaoban::person::NewPerson {
                    full_name: "Hoàng Kim Khánh".into(),
                    title: None,
                    unit_id: None,
                },
            )
        })
        .unwrap();
    let typed = giaoban::draft::Draft {
        attendee: "Kim Anh".into(),
        ..Default::default()
    };
    o.store
        .write(|tx| giaoban::draft::save(tx, id, &typed))
        .unwrap();
    o.store
        .write(|tx| minutes::set_status(tx, id, MeetingStatus::Closed))
        .unwrap();
    let r = minutes::record(o.store.conn(), id, d("2026-06-02")).unwrap();
    let came = r.attendees.last().unwrap();
    assert_eq!((came.name.as_str(), came.person_id), ("Kim Anh", None));
}

/// Whether `r` is the refusal of an absent chair or secretary, `rule`.
fn absent_refused<T>(r: &giaoban::Result<T>, rule: Rule) -> bool {
    matches!(r, Err(Error::Invalid { field: Field::Attendance, rule: got }) if *got == rule)
}

#[test]
fn the_chair_and_the_secretary_cannot_be_marked_absent() {
    let mut o = office();
    let (id, chair) = (o.meeting, o.director);
    let clerk = o
        .store
        .write(|tx| {
            giaoban::person::create(
                tx,
                giaoban::person::NewPerson {
                    full_name: "Lê Thị Thu".into(),
                    title: Some("Chuyên viên".into()),
                    unit_id: Some(o.vp),
                },
            )
        })
        .unwrap()
        .id;
    // The chair cannot come in absent, nor be marked absent once in.
    let r = o.store.write(|tx| {
        minutes::add(
            tx,
            id,
            attendee(
                Who::Person { id: chair },
                AttendeeRole::Chair,
                Attendance::Excused,
                Some("Đi công tác"),
            ),
        )
    });
    assert!(absent_refused(&r, Rule::ChairAbsent), "{r:?}");
    let seat = o
        .store
        .write(|tx| {
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Person { id: chair },
                    AttendeeRole::Chair,
                    Attendance::Present,
                    None,
                ),
            )
        })
        .unwrap();
    let r = o.store.write(|tx| {
        minutes::edit(
            tx,
            id,
            ItemEdit::Attendance {
                id: seat,
                attendance: Attendance::Absent,
                note: None,
            },
        )
    });
    assert!(absent_refused(&r, Rule::ChairAbsent), "{r:?}");
    assert!(
        r.unwrap_err()
            .message(giaoban::lang::Lang::Vi)
            .contains("chọn người đó ở mục Chủ trì")
    );
    // Late and online are present.
    o.store
        .write(|tx| {
            minutes::edit(
                tx,
                id,
                ItemEdit::Attendance {
                    id: seat,
                    attendance: Attendance::Online,
                    note: Some("Điểm cầu huyện".into()),
                },
            )
        })
        .unwrap();

    // Someone marked absent cannot be named secretary; once named, cannot be marked absent.
    let clerk_seat = o
        .store
        .write(|tx| {
            minutes::add(
                tx,
                id,
                attendee(
                    Who::Person { id: clerk },
                    AttendeeRole::Member,
                    Attendance::Absent,
                    None,
                ),
            )
        })
        .unwrap();
    let mut h = header(&o);
    h.secretary_id = Some(clerk);
    let r = o.store.write(|tx| meeting::update(tx, id, h.clone()));
    assert!(absent_refused(&r, Rule::SecretaryAbsent), "{r:?}");
    assert_eq!(meeting::get(o.store.conn(), id).unwrap().secretary_id, None);
    o.store
        .write(|tx| {
            minutes::edit(
                tx,
                id,
                ItemEdit::Attendance {
                    id: clerk_seat,
                    attendance: Attendance::Present,
                    note: None,
                },
            )
        })
        .unwrap();
    o.store.write(|tx| meeting::update(tx, id, h)).unwrap();
    let r = o.store.write(|tx| {
        minutes::edit(
            tx,
            id,
            ItemEdit::Attendance {
                id: clerk_seat,
                attendance: Attendance::Excused,
                note: None,
            },
        )
    });
    assert!(absent_refused(&r, Rule::SecretaryAbsent), "{r:?}");
}
