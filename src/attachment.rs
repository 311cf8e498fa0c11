//! Attachments stored content-addressed (by SHA-256) in a folder beside the database:
//! the same file attached twice is stored once, and a file's name is its checksum.

use std::io::Write;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Entity, Error, Field, Result, Rule};
use crate::record::{Meta, new_id};
use crate::store::Tx;
use crate::store::value::{enum_name, get_enum, get_uuid, ts};

/// What an attachment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    /// A meeting (report files, slides).
    Meeting,
    /// A directive (source document).
    Directive,
    /// A progress update (evidence).
    Progress,
}

/// An attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attachment {
    /// Record id.
    pub id: Uuid,
    /// SHA-256 of the content, lower-case hex.
    pub sha256: String,
    /// The file's name as the user gave it.
    pub file_name: String,
    /// Size in bytes.
    pub size: u64,
    /// Owner kind.
    pub owner_kind: OwnerKind,
    /// Owner id.
    pub owner_id: Uuid,
    /// Stamps.
    #[serde(flatten)]
    pub meta: Meta,
}

/// Whether `s` is a SHA-256 as we write it: exactly 64 lower-case hex digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Where the content with `sha256` is kept under `dir`: `dir/ab/abcdef…`; `None` for
/// anything but 64 lower-case hex digits (a path, a letter of another script): no path is
/// ever built from a value that came from a file.
pub fn blob_path(dir: &Path, sha256: &str) -> Option<PathBuf> {
    is_sha256(sha256).then(|| dir.join(&sha256[..2]).join(sha256))
}

/// Stores `content` under `dir` (once per distinct content) and records it as attached to
/// the owner. The file is written to a temporary name, synced and renamed, so a crash never
/// leaves a partial blob under its final name.
pub fn attach(
    tx: &Tx<'_>,
    dir: &Path,
    owner_kind: OwnerKind,
    owner_id: Uuid,
    file_name: &str,
    content: &[u8],
) -> Result<Attachment> {
    let name = file_name.trim();
    if name.is_empty() {
        return Err(Error::invalid(Field::Name, Rule::Required));
    }
    let table = enum_name(&owner_kind);
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [owner_id],
        |r| r.get(0),
    )?;
    if !exists {
        let entity = match owner_kind {
            OwnerKind::Meeting => Entity::Meeting,
            OwnerKind::Directive | OwnerKind::Progress => Entity::Directive,
        };
        return Err(Error::not_found(entity, owner_id));
    }
    let sha = format!("{:x}", Sha256::digest(content));
    let path = blob_path(dir, &sha).expect("a digest is hex");
    if !path.exists() {
        write_atomically(&path, content)?;
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO attachment (id, sha256, file_name, size, owner_kind, owner_id, created_at, updated_at, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)",
        params![
            id,
            sha,
            name,
            content.len() as i64,
            table,
            owner_id,
            ts(tx.now()),
            tx.installation(),
        ],
    )?;
    tx.audit(
        &table,
        owner_id,
        "attach",
        serde_json::json!({ "attachment": id, "file_name": name, "sha256": sha }),
    )?;
    list(tx, owner_kind, owner_id)?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or_else(|| Error::not_found(Entity::Attachment, id))
}

pub(crate) fn write_atomically(path: &Path, content: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().expect("blob paths have a folder");
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = path.with_extension("partial");
    let mut f = std::fs::File::create(&tmp).map_err(io)?;
    f.write_all(content).map_err(io)?;
    f.sync_all().map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// Attachments of one owner, in the order added.
pub fn list(conn: &Connection, owner_kind: OwnerKind, owner_id: Uuid) -> Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sha256, file_name, size, owner_kind, owner_id, created_at, updated_at, origin
         FROM attachment WHERE owner_kind = ?1 AND owner_id = ?2 ORDER BY id",
    )?;
    let rows = stmt.query_map(params![enum_name(&owner_kind), owner_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One attachment by id.
pub fn get(conn: &Connection, id: Uuid) -> Result<Attachment> {
    conn.prepare_cached(
        "SELECT id, sha256, file_name, size, owner_kind, owner_id, created_at, updated_at, origin
         FROM attachment WHERE id = ?1",
    )?
    .query_row([id], from_row)
    .optional()?
    .ok_or_else(|| Error::not_found(Entity::Attachment, id))
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: get_uuid(r, 0)?,
        sha256: r.get(1)?,
        file_name: r.get(2)?,
        size: r.get::<_, i64>(3)? as u64,
        owner_kind: get_enum(r, 4)?,
        owner_id: get_uuid(r, 5)?,
        meta: Meta::from_row(r, 6)?,
    })
}

/// Reads an attachment's content, checking it still matches its checksum.
pub fn read(dir: &Path, a: &Attachment) -> Result<Vec<u8>> {
    read_blob(dir, &a.sha256)
}

/// Reads the content with `sha256` under `dir`, checking it still matches.
pub fn read_blob(dir: &Path, sha256: &str) -> Result<Vec<u8>> {
    let path =
        blob_path(dir, sha256).ok_or_else(|| Error::not_found(Entity::Attachment, sha256))?;
    let bytes = std::fs::read(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    if format!("{:x}", Sha256::digest(&bytes)) != sha256 {
        return Err(Error::Corrupt { path });
    }
    Ok(bytes)
}
