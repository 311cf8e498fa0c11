//! The audit history as listed and exported: filters, titles, old and new values, CSV.

use giaoban::audit::{self, AuditQuery};
use giaoban::directive::{self, StatusChange};
use giaoban::unit::{self, NewUnit, UnitKind};

use crate::fixture::{d, office};

#[test]
fn the_history_lists_who_changed_what_with_old_and_new_values() {
    let mut o = office();
    let dir = o
        .add(o.new_directive(o.ttbc, Some(d("2026-06-30"))))
        .unwrap();
    let vp = o.vp;
    o.store.set_actor("truongphong");
    o.store
        .write(|tx| {
            directive::change_status(tx, dir.id, StatusChange::Start, "Đã giao chuyên viên")?;
            unit::update(
                tx,
                vp,
                NewUnit {
                    name: "Văn phòng Sở \"mới\"".into(),
                    short_name: None,
                    code: Some("VP".into()),
                    kind: UnitKind::Office,
                    parent_id: None,
                    sort_order: 0,
                },
            )
        })
        .unwrap();
    let conn = o.store.conn();
    let all = audit::list(conn, &AuditQuery::default()).unwrap();
    assert!(all.windows(2).all(|w| w[0].seq > w[1].seq), "newest first");
    let renamed = all
        .iter()
        .find(|r| r.entity == "unit" && r.action == "update")
        .unwrap();
    assert_eq!(renamed.actor, "truongphong");
    assert_eq!(renamed.title.as_deref(), Some("Văn phòng Sở \"mới\""));
    let name = renamed.changes.iter().find(|c| c.field == "name").unwrap();
    assert_eq!(name.old.as_deref(), Some("Văn phòng Sở"));
    assert_eq!(name.new.as_deref(), Some("Văn phòng Sở \"mới\""));

    let of_directive = audit::list(
        conn,
        &AuditQuery {
            entity: Some("directive".into()),
            entity_id: Some(dir.id),
            ..Default::default()
        },
    )
    .unwrap();
    let actions: Vec<_> = of_directive.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["status", "create"]);
    assert!(
        of_directive
            .iter()
            .all(|r| r.title.as_deref() == Some(dir.content.as_str()))
    );

    let by_actor = AuditQuery {
        actor: Some("truongphong".into()),
        ..Default::default()
    };
    assert_eq!(audit::list(conn, &by_actor).unwrap().len(), 2);
    let long_ago = AuditQuery {
        to: Some(d("2020-01-01")),
        ..Default::default()
    };
    assert!(audit::list(conn, &long_ago).unwrap().is_empty());
    let today = giaoban::date::today();
    let since_today = AuditQuery {
        from: Some(today),
        to: Some(today),
        ..Default::default()
    };
    assert_eq!(audit::list(conn, &since_today).unwrap().len(), all.len());

    let csv = giaoban::document::history::to_csv(&all);
    assert!(csv.starts_with("\u{feff}Thời điểm,Người thực hiện"));
    assert!(
        csv.contains("\"Văn phòng Sở \"\"mới\"\"\""),
        "quotes doubled: {csv}"
    );
    let lines = csv.lines().count();
    let fields: usize = all.iter().map(|r| r.changes.len().max(1)).sum();
    assert_eq!(lines, 1 + fields, "one line per changed field");
}

#[test]
fn the_person_who_uses_this_machine_is_kept_and_must_be_active() {
    let mut o = office();
    let director = o.director;
    let c = o.store.conn();
    assert_eq!(giaoban::person::machine_user(c).unwrap(), None);
    let p = o
        .store
        .write(|tx| giaoban::person::set_machine_user(tx, director))
        .unwrap();
    assert_eq!(p.full_name, "Hà Văn Thắng");
    let kept = giaoban::person::machine_user(o.store.conn()).unwrap();
    assert_eq!(kept.map(|p| p.id), Some(director));
    o.store
        .write(|tx| giaoban::person::set_active(tx, director, false))
        .unwrap();
    let r = o
        .store
        .write(|tx| giaoban::person::set_machine_user(tx, director));
    assert!(
        matches!(
            r,
            Err(giaoban::Error::Invalid {
                rule: giaoban::error::Rule::Inactive,
                ..
            })
        ),
        "{r:?}"
    );
}

#[test]
fn the_history_is_read_a_page_at_a_time_with_the_count_of_all() {
    let mut o = office();
    o.store
        .write(|tx| {
            for i in 0..7 {
                unit::create(
                    tx,
                    NewUnit {
                        name: format!("Tổ công tác số {i}"),
                        short_name: None,
                        code: None,
                        kind: UnitKind::Division,
                        parent_id: None,
                        sort_order: 0,
                    },
                )?;
            }
            Ok(())
        })
        .unwrap();
    let conn = o.store.conn();
    let units = |limit, offset| AuditQuery {
        entity: Some("unit".into()),
        limit,
        offset,
        ..Default::default()
    };
    let all = audit::list(conn, &units(None, None)).unwrap();
    assert!(all.len() >= 7, "every unit made is in the history");
    let mut read = Vec::new();
    let mut offset = 0;
    while offset < all.len() as u32 {
        let page = audit::page(conn, &units(Some(3), Some(offset))).unwrap();
        assert_eq!(page.total as usize, all.len());
        assert!(!page.rows.is_empty(), "a page before the end has rows");
        offset += page.rows.len() as u32;
        read.extend(page.rows);
    }
    assert_eq!(
        read, all,
        "the pages, one after another, are the whole history, newest first"
    );
}

/// A directive made with two coordinating units lists both as given, not as a change from
/// the one to the other.
#[test]
fn two_coordinating_units_at_creation_are_no_change() {
    let mut o = office();
    let mut new = o.new_directive(o.ttbc, Some(d("2026-06-30")));
    new.coordinating_unit_ids = vec![o.vp, o.cds];
    let dir = o.add(new).unwrap();
    let q = AuditQuery {
        entity: Some("directive".into()),
        entity_id: Some(dir.id),
        ..Default::default()
    };
    let made = audit::list(o.store.conn(), &q).unwrap();
    let created = made.iter().find(|r| r.action == "create").unwrap();
    let units = created
        .changes
        .iter()
        .find(|c| c.field == "coordinating_unit_ids")
        .unwrap();
    assert_eq!(units.old, None, "{units:?}");
    let given = units.new.as_deref().unwrap();
    assert!(
        given.contains(&o.vp.to_string()) && given.contains(&o.cds.to_string()),
        "{given}"
    );
}
