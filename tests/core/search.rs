//! Diacritic-insensitive search over real databases: folding rules, the index kept in step
//! with every write, hostile queries, and the index built for databases made before it.

use giaoban::directive::{self, NewDirective, Priority, Source};
use giaoban::search::{self, Group};
use giaoban::text::fold;
use giaoban::unit::{self, NewUnit, UnitKind};
use giaoban::{OpenMode, Store};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use crate::fixture::{d, office};

/// Every Vietnamese vowel with every tone, upper and lower case, precomposed.
fn vowels() -> Vec<String> {
    let bases = [
        "a", "a\u{306}", "a\u{302}", "e", "e\u{302}", "i", "o", "o\u{302}", "o\u{31b}", "u",
        "u\u{31b}", "y",
    ];
    let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
    let mut out = Vec::new();
    for b in bases {
        for t in tones {
            let lower: String = format!("{b}{t}").nfc().collect();
            out.push(lower.to_uppercase());
            out.push(lower);
        }
    }
    out
}

#[test]
fn every_vowel_and_tone_folds_to_its_plain_letter() {
    for v in vowels() {
        let f = fold(&v);
        assert_eq!(f.chars().count(), 1, "{v} → {f}");
        assert!("aeiouy".contains(&f), "{v} → {f}");
        let nfd: String = v.nfd().collect();
        assert_eq!(fold(&nfd), f, "NFD input folds the same");
    }
    assert_eq!(fold("Đảng ủy ĐOÀN"), "dang uy doan");
}

fn vietnamese_text() -> impl Strategy<Value = String> {
    let letters: Vec<String> = vowels()
        .into_iter()
        .chain(
            [
                "đ", "Đ", "b", "c", "g", "h", "k", "l", "m", "n", "ng", "nh", "ph", "qu", "t",
                "th", "tr", "x",
            ]
            .map(String::from),
        )
        .collect();
    let word =
        proptest::collection::vec(proptest::sample::select(letters), 1..6).prop_map(|p| p.concat());
    let sep = proptest::sample::select(vec![" ", " - ", ", ", "-", " (", ") "]);
    (proptest::collection::vec((word, sep), 1..6), any::<bool>()).prop_map(|(parts, nfd)| {
        let s: String = parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect();
        if nfd { s.nfd().collect() } else { s }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn folding_is_idempotent(s in vietnamese_text()) {
        prop_assert_eq!(fold(&fold(&s)), fold(&s));
    }

    #[test]
    fn a_record_is_found_by_its_folded_text(name in vietnamese_text()) {
        prop_assume!(name.chars().any(char::is_alphanumeric));
        let mut store = Store::open_in_memory().unwrap();
        let id = store.write(|tx| unit::create(tx, NewUnit {
            name: name.clone(), short_name: None, code: None, kind: UnitKind::Division, parent_id: None, sort_order: 0,
        })).unwrap().id;
        for query in [fold(&name), name.clone(), name.to_uppercase()] {
            let r = search::search(store.conn(), &query, 10).unwrap();
            prop_assert!(r.hits.iter().any(|h| h.id == id), "{:?} not found by {:?}", name, query);
        }
    }
}

#[test]
fn units_are_found_by_words_and_abbreviations() {
    let o = office();
    let find = |q: &str| {
        search::search(o.store.conn(), q, 10)
            .unwrap()
            .hits
            .into_iter()
            .filter(|h| h.group == Group::Units)
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(find("thong tin bao chi"), vec![o.ttbc]);
    assert_eq!(
        find("Thông tin-Báo chí"),
        vec![o.ttbc],
        "hyphen without spaces"
    );
    assert_eq!(find("ttbc"), vec![o.ttbc]);
    assert_eq!(find("vp"), vec![o.vp]);
    assert_eq!(
        find("ttbcx"),
        vec![o.ttbc],
        "a long last word is also read as the start of a longer one"
    );
    assert_eq!(find("chuyen doi"), vec![o.cds]);
    let r = search::search(o.store.conn(), "bao chi", 10).unwrap();
    let unit = r.hits.iter().find(|h| h.id == o.ttbc).unwrap();
    let shown = search::bracketed(&unit.snippet);
    assert_eq!(
        shown, "Phòng Thông tin - [Báo] [chí] - Xuất bản (TTBCXB)",
        "original text, matches marked"
    );
}

#[test]
fn the_index_follows_every_write_in_the_same_transaction() {
    let mut o = office();
    let hits = |store: &Store, q: &str| search::search(store.conn(), q, 10).unwrap().hits;
    let new = NewDirective {
        content: "Tổ chức Hội thi tìm hiểu pháp luật về an toàn thông tin".into(),
        expected_output: Some("Kế hoạch tổ chức hội thi".into()),
        source: Source::Meeting {
            meeting_id: o.meeting,
            conclusion_id: None,
        },
        assigned_on: None,
        directing_leader_id: None,
        lead_unit_id: o.ttbc,
        coordinating_unit_ids: vec![],
        deadline: Some(d("2026-09-30")),
        priority: Priority::Normal,
        allow_deadline_before_assigned: false,
        of_record: false,
    };
    let id = o
        .store
        .write(|tx| {
            let dir = directive::create(tx, new)?;
            // Inside the same transaction the new text is already searchable.
            assert_eq!(search::search(tx, "hoi thi phap luat", 10)?.hits.len(), 1);
            Ok(dir.id)
        })
        .unwrap();
    let found = hits(&o.store, "hoi thi phap");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].group, found[0].id), (Group::Directives, id));

    let ttbc = o.ttbc;
    o.store
        .write(|tx| {
            unit::update(
                tx,
                ttbc,
                NewUnit {
                    name: "Phòng Báo chí - Xuất bản".into(),
                    short_name: None,
                    code: Some("BCXB".into()),
                    kind: UnitKind::Division,
                    parent_id: None,
                    sort_order: 0,
                },
            )
        })
        .unwrap();
    assert!(
        hits(&o.store, "thong tin bao").iter().all(|h| h.id != ttbc),
        "the old name is gone"
    );
    assert!(hits(&o.store, "bao chi xuat").iter().any(|h| h.id == ttbc));

    // A failed write leaves the index as it was.
    let before = hits(&o.store, "an toan thong tin").len();
    let _ = o.store.write(|tx| -> giaoban::Result<()> {
        tx.execute(
            "UPDATE directive SET content = 'khác hẳn' WHERE id = ?1",
            [id],
        )?;
        Err(giaoban::Error::NotEmpty)
    });
    assert_eq!(hits(&o.store, "an toan thong tin").len(), before);

    let n = o.store.write(search::reindex).unwrap();
    assert!(n >= 6);
    assert_eq!(
        hits(&o.store, "an toan thong tin").len(),
        before,
        "reindex gives the same answers"
    );
}

#[test]
fn any_typed_text_is_searched_as_text() {
    let o = office();
    let long = "giao bản ".repeat(250);
    for q in [
        "\"",
        "\"\"",
        "'",
        "*",
        "-",
        ":",
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "NEAR",
        "NEAR(a b, 2)",
        "a OR b",
        "thong*",
        "-giao",
        "col:val",
        "^start",
        "{x}",
        "[y]",
        "\\",
        "\u{0}",
        "   ",
        "",
        "!!!",
        "“Thông tin”",
        &long,
    ] {
        let r = search::search(o.store.conn(), q, 10);
        assert!(r.is_ok(), "query {q:?} failed: {r:?}");
    }
    assert!(
        search::search(o.store.conn(), "\"phong thong tin\"", 10)
            .unwrap()
            .hits
            .iter()
            .any(|h| h.id == o.ttbc),
        "a quoted phrase"
    );
    assert!(
        search::search(o.store.conn(), "\"thong phong\"", 10)
            .unwrap()
            .hits
            .iter()
            .all(|h| h.id != o.ttbc),
        "words out of order are no phrase"
    );
}

#[test]
fn a_database_made_before_search_existed_is_indexed_when_opened() {
    let Some(fixture) = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/schema-v1.sqlite3")
        .canonicalize()
        .ok()
    else {
        panic!("fixture missing");
    };
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("old.sqlite3");
    std::fs::copy(&fixture, &path).unwrap();
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        giaoban::store::LATEST_VERSION
    );
    let r = search::search(store.conn(), "giao ban thang", 50).unwrap();
    assert!(
        r.hits.iter().any(|h| h.group == Group::Meetings),
        "meetings of the old file are found"
    );
    let units = search::search(store.conn(), "ttbcxb", 5).unwrap();
    assert_eq!(units.hits.len(), 1);
    assert!(store.check().unwrap().ok);
}

#[test]
fn a_record_titled_with_the_words_comes_first() {
    let mut o = office();
    let id = o.meeting;
    o.store
        .write(|tx| {
            for _ in 0..3 {
                giaoban::minutes::add(tx, id, giaoban::minutes::NewItem::Conclusion { content: "Chuẩn bị tốt nội dung giao ban tháng tới; giao ban tháng phải đúng giờ.".into() })?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(
        meeting_group_kinds(&o, "giao ban thang"),
        ["meeting", "conclusion", "conclusion", "conclusion"]
    );
}

#[test]
fn matches_in_a_meeting_group_come_newest_meeting_first() {
    let mut o = office();
    let older = o.meeting;
    o.store
        .write(|tx| {
            let m = giaoban::meeting::get(tx, older)?;
            let newer = giaoban::meeting::create(
                tx,
                giaoban::meeting::NewMeeting::new(
                    "Họp tháng sau",
                    m.starts_at + chrono::Duration::days(30),
                ),
            )?;
            // The newer meeting's opinion is written first, the older meeting's conclusion
            // after it: the index holds them in the other order.
            let opinion = giaoban::minutes::NewItem::Opinion {
                speaker_id: None,
                speaker_name: None,
                unit_id: None,
                content: "Đề nghị số hóa hồ sơ lưu trữ.".into(),
            };
            giaoban::minutes::add(tx, newer.id, opinion)?;
            giaoban::minutes::add(
                tx,
                older,
                giaoban::minutes::NewItem::Conclusion {
                    content: "Hoàn thành số hóa hồ sơ lưu trữ trong quý.".into(),
                },
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        meeting_group_kinds(&o, "ho so luu tru"),
        ["opinion", "conclusion"]
    );
}

#[test]
fn a_unit_named_by_the_query_comes_before_meetings_that_mention_it_and_hits_open_their_record() {
    let mut o = office();
    let (id, ttbc) = (o.meeting, o.ttbc);
    let mut new = o.new_directive(ttbc, Some(d("2026-06-30")));
    new.content = "Tổng hợp thông tin báo chí phản ánh trong tháng".into();
    let given = o
        .store
        .write(|tx| {
            giaoban::meeting::set_minutes(
                tx,
                id,
                "**Phòng Thông tin - Báo chí** báo cáo công tác *thông tin báo chí* tháng 5.",
            )?;
            directive::create(tx, new)
        })
        .unwrap();
    let r = search::search(o.store.conn(), "thong tin bao chi", 10).unwrap();
    let first = &r.hits[0];
    assert_eq!(
        (first.group, first.open),
        (Group::Units, search::Target::Unit(ttbc)),
        "{:?}",
        r.hits
            .iter()
            .map(|h| (h.group, &h.title))
            .collect::<Vec<_>>()
    );
    // A name that starts with the words comes before one that only holds them, however new.
    o.store
        .write(|tx| {
            unit::create(
                tx,
                named_unit(
                    "Phòng Văn hóa và Thông tin huyện Bảo Thắng",
                    UnitKind::District,
                ),
            )
        })
        .unwrap();
    let r2 = search::search(o.store.conn(), "van phong", 10).unwrap();
    assert_eq!(
        r2.hits[0].open,
        search::Target::Unit(o.vp),
        "{:?}",
        r2.hits.iter().map(|h| &h.title).collect::<Vec<_>>()
    );
    // Abbreviations without the kind word and without "và" (the picker's rule too).
    let tt = o
        .store
        .write(|tx| {
            unit::create(
                tx,
                named_unit(
                    "Trung tâm Công nghệ thông tin và Truyền thông",
                    UnitKind::Center,
                ),
            )
        })
        .unwrap();
    let r3 = search::search(o.store.conn(), "cntt", 10).unwrap();
    assert_eq!(r3.hits[0].open, search::Target::Unit(tt.id));
    let minutes = r.hits.iter().find(|h| h.kind == "meeting").unwrap();
    let text = search::bracketed(&minutes.snippet);
    assert!(
        !text.contains('*'),
        "snippets show text, not markup: {text}"
    );
    assert!(text.contains("[Thông] [tin] - [Báo] [chí]"), "{text}");
    // A directive given in a meeting opens the directive itself.
    let hit = r.hits.iter().find(|h| h.kind == "directive").unwrap();
    assert_eq!(hit.open, search::Target::Directive(given.id));
}

/// The kinds of record found for `query` in the meetings group, in the order shown.
fn meeting_group_kinds(o: &crate::fixture::Office, query: &str) -> Vec<String> {
    search::search(o.store.conn(), query, 10)
        .unwrap()
        .hits
        .into_iter()
        .filter(|h| h.group == Group::Meetings)
        .map(|h| h.kind)
        .collect()
}

/// Each index's terms with how many documents hold them and how many times.
type Terms = Vec<(String, String, i64, i64)>;
/// The records indexed: kind and id.
type Docs = Vec<(String, Vec<u8>)>;

/// Every term of every index and which records are indexed: the index's content, whatever
/// its documents are numbered.
fn index_content(store: &Store) -> (Terms, Docs) {
    let conn = store.conn();
    let mut terms = Vec::new();
    for index in [
        "search_meeting",
        "search_directive",
        "search_unit",
        "search_person",
    ] {
        conn.execute_batch(&format!(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_{index} USING fts5vocab(main, {index}, 'row')"
        ))
        .unwrap();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT term, doc, cnt FROM temp.vocab_{index} ORDER BY term"
            ))
            .unwrap();
        terms.extend(
            stmt.query_map([], |r| {
                Ok((index.to_string(), r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
            .map(Result::unwrap),
        );
    }
    let mut stmt = conn
        .prepare("SELECT kind, record_id FROM search_doc ORDER BY kind, record_id")
        .unwrap();
    let docs = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (terms, docs)
}

/// A unit with only a name.
fn named_unit(name: &str, kind: UnitKind) -> NewUnit {
    NewUnit {
        name: name.into(),
        short_name: None,
        code: None,
        kind,
        parent_id: None,
        sort_order: 0,
    }
}

/// The records a query finds, best first.
fn found_ids(store: &Store, query: &str) -> Vec<uuid::Uuid> {
    search::search(store.conn(), query, 5)
        .unwrap()
        .hits
        .iter()
        .map(|h| h.id)
        .collect()
}

fn scratch_of(path: &std::path::Path) -> std::path::PathBuf {
    path.with_file_name("giaoban.sqlite3.search-build")
}

#[test]
fn a_bulk_load_builds_the_same_index_on_a_second_thread() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("giaoban.sqlite3");
    let mut store = Store::open(&path, OpenMode::Create).unwrap();
    crate::fixture::sample(&mut store, 30, 6, 11);
    assert!(
        !scratch_of(&path).exists(),
        "the scratch database is removed"
    );
    let built = index_content(&store);
    assert!(built.1.len() > 400, "{} documents", built.1.len());
    let n = store.write(search::reindex).unwrap();
    assert_eq!(n as usize, built.1.len());
    assert_eq!(
        index_content(&store),
        built,
        "the index built beside the load holds what one rebuilt from the records holds"
    );
}

/// An import into an empty database inserts a file's records table by table: the index
/// built beside it (documents written 32 by one statement) is the one rebuilt from the records.
#[test]
fn an_import_into_an_empty_database_builds_the_same_index() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut from = Store::open(&dir.path().join("from.sqlite3"), OpenMode::Create).unwrap();
    crate::fixture::sample(&mut from, 30, 6, 11);
    let mut store = Store::open(&dir.path().join("to.sqlite3"), OpenMode::Create).unwrap();
    let imported = crate::exchange::send(&mut from, &mut store, dir.path());
    assert!(imported.tables["directive"].new >= 100);
    let built = index_content(&store);
    assert_eq!(built.1.len(), index_content(&from).1.len());
    store.write(search::reindex).unwrap();
    assert_eq!(
        index_content(&store),
        built,
        "the index built beside the import holds what one rebuilt from the records holds"
    );
}

#[test]
fn a_store_searches_and_writes_the_index_a_bulk_load_built() {
    let dir = tempfile::TempDir::new().unwrap();
    let mut store = Store::open(&dir.path().join("giaoban.sqlite3"), OpenMode::Create).unwrap();

    // The index is read before the load: what this connection read of it must not stay.
    assert!(
        search::search(store.conn(), "giao ban", 5)
            .unwrap()
            .hits
            .is_empty()
    );
    crate::fixture::sample(&mut store, 10, 3, 5);
    assert!(
        !search::search(store.conn(), "giao ban", 5)
            .unwrap()
            .hits
            .is_empty()
    );
    let id = store
        .write(|tx| {
            unit::create(
                tx,
                named_unit("Trung tâm Khảo thí Quỳnh Xuyên", UnitKind::Center),
            )
        })
        .unwrap()
        .id;
    assert_eq!(found_ids(&store, "khao thi quynh"), vec![id]);
    assert!(
        !search::search(store.conn(), "giao ban", 5)
            .unwrap()
            .hits
            .is_empty(),
        "a write after the load keeps what the load indexed"
    );
    assert!(store.check().unwrap().ok);
}

#[test]
fn a_failed_bulk_load_leaves_the_index_and_no_scratch_file() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("giaoban.sqlite3");
    let mut store = Store::open(&path, OpenMode::Create).unwrap();
    let failed: giaoban::Result<()> = store.bulk_write(|tx| {
        unit::create(tx, named_unit("Phòng Bị hủy", UnitKind::Division))?;
        Err(giaoban::Error::DiskFull)
    });
    assert!(matches!(failed, Err(giaoban::Error::DiskFull)));
    assert!(!scratch_of(&path).exists());
    let units: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(units, 0, "nothing of the failed load stays");
    assert!(
        search::search(store.conn(), "bi huy", 5)
            .unwrap()
            .hits
            .is_empty()
    );
    let id = store
        .write(|tx| unit::create(tx, named_unit("Phòng Bị hủy", UnitKind::Division)))
        .unwrap()
        .id;
    assert_eq!(found_ids(&store, "bi huy"), vec![id]);
    assert!(store.check().unwrap().ok);
}

#[test]
fn a_scratch_index_left_by_a_crash_is_removed_at_the_next_start() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("giaoban.sqlite3");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    std::fs::write(scratch_of(&path), vec![0u8; 4096]).unwrap();
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    assert!(!scratch_of(&path).exists());
    assert!(store.check().unwrap().ok);
}
