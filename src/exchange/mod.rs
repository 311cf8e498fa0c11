//! Exchange between installations that are never networked: bundles carried on USB sticks,
//! exported here and imported (merged) there, signed by the sender and optionally
//! encrypted with a passphrase. See `bundle` for the file, `merge` for the rules.

pub mod bundle;
pub mod change;
mod check;
mod conflicts;
mod export;
mod import;
mod undo;
pub use crate::store::clock;
pub mod files;
mod glance;
pub mod identity;
mod merge;
pub mod receipt;
pub mod role;
pub mod schema;

pub use conflicts::*;
pub use export::*;
pub use import::*;
pub use merge::MergeCounts;
pub use undo::*;
