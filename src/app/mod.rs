//! Use cases: what one command of the CLI or the window does, in one call both front ends
//! make, with its defaults (file names, the folder a document goes to, the person who uses
//! this machine). The floor above the services; the CLI and the shell stand on it.

pub mod documents;
pub mod exchange;
