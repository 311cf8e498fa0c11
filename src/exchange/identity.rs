//! This installation's exchange identity (its Ed25519 signing key, made on first start) and
//! the other installations it has met, with the user's trust in each.

use chrono::Utc;
use ed25519_dalek::{SigningKey, VerifyingKey};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use super::bundle::fingerprint;
use crate::error::{Entity, Error, Result};
use crate::store::Tx;
use crate::store::value::ts;

const SECRET: &str = "exchange.signing_key";

/// Makes the signing key if this installation has none. The secret is stored in the
/// database's settings, never in the audit history.
pub(crate) fn ensure(conn: &Connection) -> Result<()> {
    let has: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM setting WHERE key = ?1)",
        [SECRET],
        |r| r.get(0),
    )?;
    if !has {
        let key = SigningKey::generate(&mut rand_core::OsRng);
        conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)",
            [SECRET, &hex::encode(key.to_bytes())],
        )?;
    }
    Ok(())
}

/// This installation's signing key.
pub(crate) fn signing_key(conn: &Connection) -> Result<SigningKey> {
    let hex_key: String =
        conn.query_row("SELECT value FROM setting WHERE key = ?1", [SECRET], |r| {
            r.get(0)
        })?;
    let bytes = hex::decode(hex_key)
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .ok_or_else(|| Error::Migration("the signing key is damaged".into()))?;
    Ok(SigningKey::from_bytes(&bytes))
}

/// Who this installation is, as others see it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Identity {
    /// Installation id.
    pub id: Uuid,
    /// Display name ("Văn phòng Sở TTTT Lào Cai").
    pub name: String,
    /// Fingerprint of the public key, to read out to a peer.
    pub fingerprint: String,
}

/// This installation's identity.
pub fn identity(conn: &Connection, installation: Uuid) -> Result<Identity> {
    let name: String = conn.query_row(
        "SELECT name FROM installation WHERE id = ?1",
        [installation],
        |r| r.get(0),
    )?;
    Ok(Identity {
        id: installation,
        name,
        fingerprint: fingerprint(&signing_key(conn)?.verifying_key()),
    })
}

/// Renames this installation (the name others see on its bundles).
pub fn rename(tx: &Tx<'_>, name: &str) -> Result<()> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            crate::error::Field::Name,
            crate::error::Rule::Required,
        ));
    }
    let old: String = tx.query_row(
        "SELECT name FROM installation WHERE id = ?1",
        [tx.installation()],
        |r| r.get(0),
    )?;
    tx.execute(
        "UPDATE installation SET name = ?1 WHERE id = ?2",
        (name, tx.installation()),
    )?;
    tx.audit(
        "installation",
        tx.installation(),
        "rename",
        serde_json::json!({ "name": [old, name] }),
    )
}

/// Another installation met through a bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Peer {
    /// Installation id.
    pub id: Uuid,
    /// Display name from its last bundle.
    pub name: String,
    /// Fingerprint of its key.
    pub fingerprint: String,
    /// Whether its bundles are imported.
    pub trusted: bool,
    /// When it was first met (UTC).
    pub first_seen: String,
    /// Whether something was already sent to it (later bundles for it carry only changes).
    pub sent_before: bool,
}

/// The installations met so far, by name.
pub fn peers(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, public_key, trusted, first_seen, sent_until IS NOT NULL
         FROM peer ORDER BY name, id",
    )?;
    let rows = stmt.query_map([], |r| {
        let key: String = r.get(2)?;
        Ok(Peer {
            id: r.get(0)?,
            name: r.get(1)?,
            fingerprint: public_key(&key)
                .map(|k| fingerprint(&k))
                .unwrap_or_default(),
            trusted: r.get(3)?,
            first_seen: r.get(4)?,
            sent_before: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn public_key(hex_key: &str) -> Option<VerifyingKey> {
    let bytes = <[u8; 32]>::try_from(hex::decode(hex_key).ok()?).ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Finds a peer by id, by the start of its id, or by its name typed without accents.
pub fn find(conn: &Connection, query: &str) -> Result<Peer> {
    let all = peers(conn)?;
    let q = crate::text::fold(query.trim());
    all.iter()
        .find(|p| p.id.to_string() == query.trim() || p.id.simple().to_string() == query.trim())
        .or_else(|| all.iter().find(|p| crate::text::fold(&p.name) == q))
        .cloned()
        .ok_or_else(|| Error::not_found(Entity::Peer, query))
}

/// Trusts (or stops trusting) a peer.
pub fn set_trusted(tx: &Tx<'_>, peer: Uuid, trusted: bool) -> Result<()> {
    let n = tx.execute(
        "UPDATE peer SET trusted = ?1 WHERE id = ?2",
        (trusted, peer),
    )?;
    if n == 0 {
        return Err(Error::not_found(Entity::Peer, peer));
    }
    tx.audit(
        "peer",
        peer,
        if trusted { "trust" } else { "distrust" },
        serde_json::json!({}),
    )
}

/// What this installation knows of a sender: `None` when never met.
pub(crate) fn known_key(conn: &Connection, id: Uuid) -> Result<Option<(String, bool)>> {
    Ok(conn
        .query_row(
            "SELECT public_key, trusted FROM peer WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Records a sender met in a bundle (its current name), trusted or not.
pub(crate) fn meet(
    tx: &Tx<'_>,
    id: Uuid,
    name: &str,
    key: &VerifyingKey,
    trusted: bool,
) -> Result<()> {
    tx.execute(
        "INSERT INTO peer (id, name, public_key, trusted, first_seen) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, trusted = max(trusted, excluded.trusted)",
        (id, name, hex::encode(key.as_bytes()), trusted, ts(Utc::now())),
    )?;
    Ok(())
}
