//! Giao Ban core: the domain of meeting minutes and directive tracking for Vietnamese
//! government offices, its SQLite store, and the rules of official reporting.
//! No UI, no IPC: the CLI and the desktop shell are thin layers over this crate.
#![warn(missing_docs)]

pub mod app;
pub mod attachment;
pub mod audit;
pub mod backup;
#[cfg(feature = "bench")]
pub mod bench;
pub mod calendar;
pub mod carry;
pub mod date;
pub mod deadline;
#[cfg(feature = "demo")]
pub mod demo;
pub mod directive;
pub mod document;
pub mod draft;
pub mod error;
pub mod exchange;
pub mod extract;
pub mod followup;
pub mod intake;
pub mod labels;
pub mod lang;
pub mod meeting;
pub mod minutes;
pub mod office;
pub mod person;
pub mod proposal;
pub mod record;
pub mod search;
pub mod stats;
pub mod store;
pub mod text;
pub mod timeliness;
pub mod token;
pub mod unit;

pub use error::{Error, Result};
pub use lang::Lang;
pub use store::{OpenMode, Store};
