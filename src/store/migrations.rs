//! Versioned schema migrations, tracked in `PRAGMA user_version`.

use std::sync::LazyLock;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{Error, Result};

/// The migrations, oldest first. Never edit a released one: add a new file.
static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("sql/0001_initial.sql")),
        M::up(include_str!("sql/0002_search.sql")),
        M::up(include_str!("sql/0003_documents.sql")),
        M::up(include_str!("sql/0004_carry.sql")),
        M::up(include_str!("sql/0005_open_deadline.sql")),
        M::up(include_str!("sql/0006_exchange.sql")),
        M::up(include_str!("sql/0007_arrival.sql")),
        M::up(include_str!("sql/0008_peer_role.sql")),
        M::up(include_str!("sql/0009_meeting_draft.sql")),
        M::up(include_str!("sql/0010_unit_abbreviations.sql")),
        M::up(include_str!("sql/0011_directive_tally.sql")),
        M::up(include_str!("sql/0012_intake.sql")),
        M::up(include_str!("sql/0013_intake_log.sql")),
        M::up(include_str!("sql/0014_intake_origin.sql")),
        M::up(include_str!("sql/0015_intake_record.sql")),
    ])
});

/// Schema version a fully migrated database has.
pub const LATEST_VERSION: i64 = 15;

/// Brings the database to [`LATEST_VERSION`] in one transaction.
pub(super) fn apply(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn).map_err(|e| match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => Error::from(err),
        other => Error::Migration(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_migrations_apply_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().unwrap();
        crate::store::register_functions(&conn, &Default::default()).unwrap();
        apply(&mut conn).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
        // What `Migrations::validate` checks, on a connection that has our SQL functions.
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
    }
}
