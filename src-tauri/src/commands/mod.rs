//! One file per domain; each command is an adapter of a few lines over one core call.

pub mod backups;
pub mod dashboard;
pub mod directives;
pub mod documents;
pub mod exchange;
pub mod history;
pub mod intake;
pub mod meetings;
pub mod people;
pub mod search;
pub mod setup;
pub mod units;

use std::sync::Arc;

use crate::db::Db;

/// The shared database handle as commands receive it.
pub type DbState<'a> = tauri::State<'a, Arc<Db>>;
