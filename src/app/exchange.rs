//! The exchange file a user writes: where it goes, and its usual name when only a folder is
//! given ("giaoban-<this machine's name>-<time>.gbx"); what the Trao đổi dữ liệu page shows.

use std::path::PathBuf;

use rusqlite::Connection;
use serde::Serialize;
use uuid::Uuid;

use super::documents::Target;
use crate::error::Result;
use crate::exchange::files::{self, BundleFile};
use crate::exchange::identity::{Identity, Peer};
use crate::exchange::{self, Conflict, LastImport, bundle, identity};
use crate::store::Store;

/// What the exchange page shows at once.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Overview {
    /// This installation.
    pub me: Identity,
    /// Installations met.
    pub peers: Vec<Peer>,
    /// The last import, when it can be undone.
    pub last_import: Option<LastImport>,
    /// Conflicts waiting for a choice.
    pub conflicts: Vec<Conflict>,
    /// Exchange files in `folders` (the Downloads folder, USB sticks).
    pub files: Vec<BundleFile>,
}

/// This installation, the installations met, the last import, the conflicts waiting, and
/// the exchange files found in `folders`.
pub fn overview(store: &Store, folders: &[PathBuf]) -> Result<Overview> {
    let conn = store.conn();
    Ok(Overview {
        me: identity::identity(conn, store.installation())?,
        peers: identity::peers(conn)?,
        last_import: exchange::last_import(conn)?,
        conflicts: exchange::conflicts(conn)?,
        files: files::find(folders),
    })
}

/// Where this installation's exchange file goes for `target`.
pub fn bundle_path(conn: &Connection, installation: Uuid, target: &Target) -> Result<PathBuf> {
    Ok(match target {
        Target::File(p) => p.clone(),
        Target::Folder(dir) => {
            let me = identity::identity(conn, installation)?;
            let stamp = chrono::Utc::now()
                .with_timezone(&crate::date::office_offset())
                .format("%Y%m%d-%H%M%S");
            let name: String = crate::text::fold(&me.name)
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            dir.join(format!("giaoban-{name}-{stamp}.{}", bundle::EXTENSION))
        }
    })
}
