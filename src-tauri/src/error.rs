//! Errors as they cross to the UI: a typed kind the UI can switch on, plus the core's
//! sentence in both languages so every error reads the same in the CLI and the window.

use giaoban::Lang;
use giaoban::error::{BundleProblem, Entity, Error, Field, Rule};
use serde::Serialize;
use specta::Type;

/// What went wrong, for the UI to act on.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "type", content = "data")]
pub enum ErrorKind {
    /// A record is missing.
    NotFound {
        /// Kind of record.
        entity: Entity,
        /// What was looked up.
        id: String,
    },
    /// An input broke a rule; `field` names it.
    Invalid {
        /// The field at fault.
        field: Field,
        /// The rule it broke.
        rule: Rule,
    },
    /// No database yet: the UI shows the first-launch choices.
    NoDatabase,
    /// The database file is damaged or not ours.
    Corrupt,
    /// The database was damaged and moved aside at start: offer the backups.
    Damaged,
    /// LibreOffice is needed for a PDF and is not installed.
    NoLibreOffice,
    /// A document needs office details that are not set: open the settings.
    OfficeIncomplete {
        /// What is missing.
        missing: Vec<giaoban::office::OfficeField>,
    },
    /// The database comes from a newer Giao Ban.
    NewerSchema,
    /// Sample data needs an empty database.
    NotEmpty,
    /// Another program holds the database.
    Busy,
    /// The disk is full.
    DiskFull,
    /// The database file could not be read or written (removed stick, failing disk).
    DiskIo,
    /// The database cannot be written.
    ReadOnly,
    /// An exchange file was refused (an unknown sender: offer to trust it).
    Bundle {
        /// Why.
        problem: BundleProblem,
    },
    /// The last import cannot be undone.
    CannotUndoImport,
    /// Anything else.
    Internal,
}

/// An error returned by every command.
#[derive(Debug, Clone, Serialize, Type)]
pub struct IpcError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// The sentence to show, in Vietnamese.
    pub message_vi: String,
    /// The sentence to show, in English.
    pub message_en: String,
}

impl IpcError {
    /// An unexpected failure of the shell itself.
    pub fn internal(detail: String) -> Self {
        IpcError {
            kind: ErrorKind::Internal,
            message_vi: format!("Lỗi nội bộ của ứng dụng: {detail}"),
            message_en: format!("Internal application error: {detail}"),
        }
    }
}

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        let kind = match &e {
            Error::NotFound { entity, id } => ErrorKind::NotFound {
                entity: *entity,
                id: id.clone(),
            },
            Error::Invalid { field, rule } => ErrorKind::Invalid {
                field: *field,
                rule: rule.clone(),
            },
            Error::NoDatabase { .. } => ErrorKind::NoDatabase,
            Error::Corrupt { .. } => ErrorKind::Corrupt,
            Error::Damaged { .. } => ErrorKind::Damaged,
            Error::NoLibreOffice => ErrorKind::NoLibreOffice,
            Error::OfficeIncomplete { missing } => ErrorKind::OfficeIncomplete {
                missing: missing.clone(),
            },
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::NotEmpty => ErrorKind::NotEmpty,
            Error::Busy => ErrorKind::Busy,
            Error::DiskFull => ErrorKind::DiskFull,
            Error::DiskIo => ErrorKind::DiskIo,
            Error::ReadOnly => ErrorKind::ReadOnly,
            Error::Bundle(problem) => ErrorKind::Bundle {
                problem: problem.clone(),
            },
            Error::CannotUndoImport { .. } => ErrorKind::CannotUndoImport,
            _ => ErrorKind::Internal,
        };
        IpcError {
            kind,
            message_vi: e.message(Lang::Vi),
            message_en: e.message(Lang::En),
        }
    }
}
