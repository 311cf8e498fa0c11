//! Directives.

use giaoban::directive::{self, DirectivePage, DirectiveQuery};

use super::DbState;
use crate::error::IpcError;

/// Directives matching the query.
#[tauri::command]
#[specta::specta]
pub async fn list_directives(
    db: DbState<'_>,
    query: DirectiveQuery,
) -> Result<DirectivePage, IpcError> {
    db.read(move |s| directive::list(s.conn(), &query)).await
}
