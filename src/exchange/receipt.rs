//! Receipts: after merging a unit's file, the receiving office writes a small signed file
//! saying what it received and merged; the unit checks it against the key it trusts.

use std::path::Path;

use ed25519_dalek::{Signature, Signer, VerifyingKey};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Imported, MergeCounts, identity};
use crate::error::{BundleProblem, Error, Result};
use crate::store::Store;

/// What a receipt says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Receipt {
    /// The bundle received.
    pub bundle_id: Uuid,
    /// Who had sent it.
    pub sender: Uuid,
    /// Who received it.
    pub receiver: Uuid,
    /// The receiver's name.
    pub receiver_name: String,
    /// When it was merged (UTC).
    pub received_at: String,
    /// What the merge did, per kind of record.
    pub tables: std::collections::BTreeMap<String, MergeCounts>,
}

#[derive(Serialize, Deserialize)]
struct Signed {
    receipt: Receipt,
    key: String,
    signature: String,
}

fn bad(p: BundleProblem) -> Error {
    Error::Bundle(p)
}

/// Writes the receipt of an import to `out` (signed by this installation).
pub fn write(store: &Store, imported: &Imported, out: &Path) -> Result<Receipt> {
    let me = identity::identity(store.conn(), store.installation())?;
    let receipt = Receipt {
        bundle_id: imported.bundle_id,
        sender: imported.sender,
        receiver: me.id,
        receiver_name: me.name,
        received_at: crate::store::value::ts(chrono::Utc::now()),
        tables: imported.tables.clone(),
    };
    let key = identity::signing_key(store.conn())?;
    let body = serde_json::to_vec(&receipt).expect("a receipt serialises");
    let signed = Signed {
        receipt: receipt.clone(),
        key: hex::encode(key.verifying_key().as_bytes()),
        signature: hex::encode(key.sign(&body).to_bytes()),
    };
    let text = serde_json::to_vec_pretty(&signed).expect("a receipt serialises");
    crate::attachment::write_atomically(out, &text)?;
    Ok(receipt)
}

/// Reads a receipt and checks that a trusted installation signed it for a bundle made here.
pub fn check(store: &Store, path: &Path) -> Result<Receipt> {
    let meta = std::fs::metadata(path).map_err(Error::io(path))?;
    if meta.len() > 1 << 20 {
        return Err(bad(BundleProblem::TooLarge));
    }
    let bytes = std::fs::read(path).map_err(Error::io(path))?;
    let signed: Signed = serde_json::from_slice(&bytes)
        .map_err(|_| bad(BundleProblem::Malformed("receipt".into())))?;
    let key = hex::decode(&signed.key)
        .ok()
        .and_then(|k| <[u8; 32]>::try_from(k).ok())
        .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        .ok_or(bad(BundleProblem::BadSignature))?;
    let signature = hex::decode(&signed.signature)
        .ok()
        .and_then(|s| <[u8; 64]>::try_from(s).ok())
        .map(|s| Signature::from_bytes(&s))
        .ok_or(bad(BundleProblem::BadSignature))?;
    let body = serde_json::to_vec(&signed.receipt).expect("a receipt serialises");
    key.verify_strict(&body, &signature)
        .map_err(|_| bad(BundleProblem::BadSignature))?;
    let r = signed.receipt;
    match identity::known_key(store.conn(), r.receiver)? {
        Some((k, true)) if k == signed.key => {}
        Some((k, _)) if k != signed.key => {
            return Err(bad(BundleProblem::KeyChanged {
                name: r.receiver_name.clone(),
            }));
        }
        _ => {
            return Err(bad(BundleProblem::UnknownSender {
                name: r.receiver_name.clone(),
                fingerprint: super::bundle::fingerprint(&key),
            }));
        }
    }
    let ours: bool = store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM bundle_log WHERE bundle_id = ?1 AND direction = 'out')",
        [r.bundle_id],
        |row| row.get(0),
    )?;
    if !ours || r.sender != store.installation() {
        return Err(bad(BundleProblem::Malformed("receipt".into())));
    }
    Ok(r)
}
