//! Integration tests of the core on real SQLite files: one test binary, one module per area.

mod attachments;
mod backups;
mod directives;
mod documents;
mod editing;
mod exchange;
mod fixture;
mod generator;
mod history;
mod hostile;
mod intake;
mod labels;
mod meetings;
mod proposals;
mod roles;
mod search;
mod statistics;
mod store;
