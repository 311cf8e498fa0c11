//! This installation's signing key (Ed25519), made when its database is first opened: the
//! exchange signs its files with it (`exchange::identity`). The secret is kept in the
//! database's settings, never in the audit history.

use ed25519_dalek::SigningKey;
use rusqlite::Connection;

use crate::error::{Error, Result};

/// The setting that holds the secret.
pub(crate) const SECRET: &str = "exchange.signing_key";

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
