//! Opening databases: pragmas, migrations, refusal of damaged, foreign and newer files.

use giaoban::store::{APPLICATION_ID, LATEST_VERSION};
use giaoban::{Error, OpenMode, Store};
use tempfile::TempDir;

#[test]
fn a_new_database_is_migrated_durable_and_identified() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("sub/folder/giaoban.sqlite3");
    let store = Store::open(&path, OpenMode::Create).unwrap();
    let c = store.conn();
    let get = |p: &str| -> String {
        c.pragma_query_value(None, p, |r| r.get::<_, rusqlite::types::Value>(0))
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert!(get("journal_mode").contains("wal"));
    assert_eq!(get("synchronous"), "Integer(2)", "synchronous=FULL");
    assert_eq!(get("foreign_keys"), "Integer(1)");
    assert_eq!(get("application_id"), format!("Integer({APPLICATION_ID})"));
    let id = store.installation();
    drop(store);
    let again = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(
        again.installation(),
        id,
        "the installation keeps its identity"
    );
    assert!(again.check().unwrap().ok);
}

#[test]
fn fts5_is_compiled_in() {
    let store = Store::open_in_memory().unwrap();
    store
        .conn()
        .execute_batch("CREATE VIRTUAL TABLE temp.t USING fts5(x)")
        .unwrap();
}

#[test]
fn a_missing_database_is_not_created_unless_asked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("none.sqlite3");
    assert!(matches!(
        Store::open(&path, OpenMode::Existing),
        Err(Error::NoDatabase { .. })
    ));
    assert!(!path.exists());
}

#[test]
fn a_text_file_is_corrupt_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("notes.txt");
    let text = "Biên bản họp giao ban — không phải cơ sở dữ liệu\n".repeat(200);
    std::fs::write(&path, &text).unwrap();
    assert!(matches!(
        Store::open(&path, OpenMode::Existing),
        Err(Error::Corrupt { .. })
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn a_damaged_database_is_corrupt_not_a_panic() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("broken.sqlite3");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&path, &bytes).unwrap();
    assert!(matches!(
        Store::open(&path, OpenMode::Existing),
        Err(Error::Corrupt { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn another_programs_database_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("other.sqlite3");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch(
        "CREATE TABLE invoices (id INTEGER PRIMARY KEY); INSERT INTO invoices VALUES (1);",
    )
    .unwrap();
    drop(c);
    assert!(matches!(
        Store::open(&path, OpenMode::Existing),
        Err(Error::Corrupt { .. })
    ));
    let c = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = c
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1, "nothing was added to the other program's file");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("newer.sqlite3");
    drop(Store::open(&path, OpenMode::Create).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", LATEST_VERSION + 5)
        .unwrap();
    drop(c);
    match Store::open(&path, OpenMode::Existing) {
        Err(Error::NewerSchema { found, supported }) => {
            assert_eq!(found, LATEST_VERSION + 5);
            assert_eq!(supported, LATEST_VERSION);
        }
        Err(other) => panic!("wrong error: {other:?}"),
        Ok(_) => panic!("a newer schema must be refused"),
    }
}

#[test]
fn an_empty_file_becomes_a_database() {
    // A zero-length file is what some tools leave when asked to "create" a database.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("empty.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path, OpenMode::Existing).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let mut store = Store::open_in_memory().unwrap();
    let before: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    let r: giaoban::Result<()> = store.write(|tx| {
        tx.set_setting("office_name", "Sở A")?;
        Err(Error::invalid(
            giaoban::error::Field::Name,
            giaoban::error::Rule::Required,
        ))
    });
    assert!(r.is_err());
    assert_eq!(store.setting("office_name").unwrap(), None);
    let after: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn the_audit_history_cannot_be_rewritten() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(|tx| tx.set_setting("office_name", "Sở A"))
        .unwrap();
    let e = store.conn().execute("DELETE FROM audit", []).unwrap_err();
    assert!(e.to_string().contains("append-only"));
    let e = store
        .conn()
        .execute("UPDATE audit SET actor = 'x'", [])
        .unwrap_err();
    assert!(e.to_string().contains("append-only"));
}
