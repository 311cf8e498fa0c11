//! Undo of the last import (an exchange file, or a tracker or notice brought in): the backup
//! made before it restored, while nothing was written after it.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use crate::backup;
use crate::error::{Error, Result};
use crate::store::Store;

/// The last import, if it can still be undone (nothing was written after it): of an exchange
/// file, or of a tracker or notice brought in.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LastImport {
    /// The bundle, or the record of the file brought in.
    pub bundle_id: Uuid,
    /// Who sent it; for a tracker or notice, the file's name.
    pub sender_name: String,
    /// When it was imported (UTC).
    pub at: String,
    /// The backup made just before it.
    pub backup: PathBuf,
    /// Whether something was written after it (undoing would lose that too; exports do not
    /// count).
    pub written_after: bool,
}

/// The newest import and whether undoing it would lose later work.
pub fn last_import(conn: &Connection) -> Result<Option<LastImport>> {
    let last = conn
        .query_row(
            "SELECT id, name, at, backup_path, seq < (SELECT seq FROM audit WHERE NOT (entity = 'bundle' AND action = 'export') ORDER BY seq DESC LIMIT 1)
             FROM (SELECT b.bundle_id AS id, coalesce(p.name, '') AS name, b.at AS at, b.backup_path AS backup_path, b.audit_seq AS seq
                   FROM bundle_log b LEFT JOIN peer p ON p.id = b.peer_id
                   WHERE b.direction = 'in' AND b.backup_path IS NOT NULL
                   UNION ALL
                   SELECT id, file_name, at, backup_path, audit_seq FROM intake_log)
             ORDER BY seq DESC LIMIT 1",
            [],
            |r| {
                Ok(LastImport {
                    bundle_id: r.get(0)?,
                    sender_name: r.get(1)?,
                    at: r.get(2)?,
                    backup: PathBuf::from(r.get::<_, String>(3)?),
                    written_after: r.get(4)?,
                })
            },
        )
        .optional()?;
    Ok(last)
}

/// Undoes the last import by restoring the backup made just before it (itself preceded by a
/// backup of the current state). Refused when something was written after the import.
/// Returns the import undone (its file or sender, its time, the backup restored) and what
/// the restore did.
pub fn undo_last_import(db: &Path) -> Result<(LastImport, backup::Restored)> {
    let last = {
        let store = Store::open(db, crate::store::OpenMode::Existing)?;
        last_import(store.conn())?
    };
    let last = last.ok_or(Error::CannotUndoImport {
        written_after: false,
    })?;
    if last.written_after {
        return Err(Error::CannotUndoImport {
            written_after: true,
        });
    }
    let restored = backup::restore(db, &last.backup, &backup::folder(db))?;
    Ok((last, restored))
}
