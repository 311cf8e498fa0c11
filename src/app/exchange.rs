//! The exchange file a user writes: where it goes, and its usual name when only a folder is
//! given ("giaoban-<this machine's name>-<time>.gbx").

use std::path::PathBuf;

use rusqlite::Connection;
use uuid::Uuid;

use super::documents::Target;
use crate::error::Result;
use crate::exchange::{bundle, identity};

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
