//! Use cases: what one command of the CLI or the window does, in one call both front ends
//! make, with its defaults (file names, the folder a document goes to, the person who uses
//! this machine). The floor above the services; the CLI and the shell stand on it.

pub mod documents;
pub mod exchange;

use crate::store::Store;

/// The store writing as the person who uses this machine (Cài đặt), when one is chosen: the
/// history names them for changes made in the window and from the command line alike.
pub fn as_machine_user(mut store: Store) -> Store {
    if let Ok(Some(p)) = crate::person::machine_user(store.conn()) {
        store.set_actor(p.full_name);
    }
    store
}
