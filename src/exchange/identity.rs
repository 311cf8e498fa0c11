//! This installation's exchange identity (its Ed25519 signing key, made on first start) and
//! the other installations it has met, with the user's trust in each.

use chrono::Utc;
use ed25519_dalek::VerifyingKey;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use uuid::Uuid;

use super::bundle::fingerprint;
use super::role::{Grant, Role};
use crate::error::{Entity, Error, Result};
use crate::store::Tx;
pub(crate) use crate::store::signing::signing_key;
use crate::store::value::ts;

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
    /// What it may change here.
    pub role: Role,
    /// For a unit: the units it stands for (ids) and their names.
    pub units: Vec<(Uuid, String)>,
    /// When it was first met (UTC).
    pub first_seen: String,
    /// Whether something was already sent to it (later bundles for it carry only changes).
    pub sent_before: bool,
}

/// The installations met so far, by name.
pub fn peers(conn: &Connection) -> Result<Vec<Peer>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, public_key, trusted, first_seen, sent_until IS NOT NULL, role
         FROM peer ORDER BY name, id",
    )?;
    let mut units = conn.prepare(
        "SELECT u.id, u.name FROM peer_unit p JOIN unit u ON u.id = p.unit_id
         WHERE p.peer_id = ?1 ORDER BY u.name",
    )?;
    let rows = stmt.query_map([], |r| {
        let key: String = r.get(2)?;
        let role: String = r.get(6)?;
        Ok(Peer {
            id: r.get(0)?,
            name: r.get(1)?,
            fingerprint: public_key(&key)
                .map(|k| fingerprint(&k))
                .unwrap_or_default(),
            trusted: r.get(3)?,
            first_seen: r.get(4)?,
            sent_before: r.get(5)?,
            role: Role::parse(&role).unwrap_or(Role::Unit),
            units: Vec::new(),
        })
    })?;
    let mut all = rows.collect::<rusqlite::Result<Vec<Peer>>>()?;
    for p in &mut all {
        p.units = units
            .query_map([p.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(all)
}

fn public_key(hex_key: &str) -> Option<VerifyingKey> {
    let bytes = <[u8; 32]>::try_from(hex::decode(hex_key).ok()?).ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Finds a peer by its id, its key's fingerprint (spaces and case ignored), or its name
/// typed without accents when no other peer bears it: names are for display, and a name
/// two peers share is refused.
pub fn find(conn: &Connection, query: &str) -> Result<Peer> {
    let all = peers(conn)?;
    let q = query.trim();
    let compact = |s: &str| {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    if let Some(p) = all.iter().find(|p| {
        p.id.to_string() == q
            || p.id.simple().to_string() == q
            || (!compact(q).is_empty() && compact(&p.fingerprint) == compact(q))
    }) {
        return Ok(p.clone());
    }
    let folded = crate::text::fold(q);
    let named: Vec<&Peer> = all
        .iter()
        .filter(|p| crate::text::fold(&p.name) == folded)
        .collect();
    match named.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::not_found(Entity::Peer, query)),
        many => Err(Error::invalid(
            crate::error::Field::Peer,
            crate::error::Rule::Ambiguous {
                query: q.to_string(),
                candidates: many
                    .iter()
                    .map(|p| format!("{} ({})", p.name, p.fingerprint))
                    .collect(),
            },
        )),
    }
}

/// Trusts a peer with `grant` (its role, and for a unit its units), or stops trusting it
/// (`None`).
pub fn set_trusted(tx: &Tx<'_>, peer: Uuid, grant: Option<&Grant>) -> Result<()> {
    if let Some(g) = grant {
        g.checked(tx)?;
    }
    let n = tx.execute(
        "UPDATE peer SET trusted = ?1, role = coalesce(?2, role) WHERE id = ?3",
        (grant.is_some(), grant.map(|g| g.role.as_str()), peer),
    )?;
    if n == 0 {
        return Err(Error::not_found(Entity::Peer, peer));
    }
    if let Some(g) = grant {
        grant_units(tx, peer, g)?;
    }
    tx.audit(
        "peer",
        peer,
        if grant.is_some() { "trust" } else { "distrust" },
        match grant {
            Some(g) => {
                serde_json::json!({ "role": [null, g.role.as_str()], "units": [null, g.units] })
            }
            None => serde_json::json!({}),
        },
    )
}

/// Binds a trusted peer to the units of its grant (none unless a unit).
fn grant_units(tx: &Tx<'_>, peer: Uuid, g: &Grant) -> Result<()> {
    tx.execute("DELETE FROM peer_unit WHERE peer_id = ?1", [peer])?;
    for u in &g.units {
        tx.execute(
            "INSERT OR IGNORE INTO peer_unit (peer_id, unit_id) VALUES (?1, ?2)",
            (peer, u),
        )?;
    }
    Ok(())
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

/// Records a sender met in a bundle (its current name), trusted now with `grant` or not.
pub(crate) fn meet(
    tx: &Tx<'_>,
    id: Uuid,
    name: &str,
    key: &VerifyingKey,
    grant: Option<&Grant>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO peer (id, name, public_key, trusted, first_seen, role) VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 'unit'))
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, trusted = max(trusted, excluded.trusted),
             role = coalesce(?6, role)",
        (
            id,
            name,
            hex::encode(key.as_bytes()),
            grant.is_some(),
            ts(Utc::now()),
            grant.map(|g| g.role.as_str()),
        ),
    )?;
    if let Some(g) = grant {
        grant_units(tx, id, g)?;
    }
    Ok(())
}
