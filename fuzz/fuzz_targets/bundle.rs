//! Any bytes given to the exchange-file reader: it returns a typed refusal or a checked
//! bundle, and never panics, hangs or allocates without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = giaoban::exchange::bundle::read_bytes(data.to_vec(), None);
});
