//! Records past the seal: the input is the records part of an exchange file, sealed with a
//! test key and a manifest that counts its lines, as a trusted peer's altered build could
//! write it. It is imported (a preview, then for real) into a database that already holds a
//! small office: every value, reference and merge rule must answer with a typed refusal or
//! a merge, never a panic, and a refused file must leave the database as it was.
#![no_main]

use std::collections::BTreeMap;

use giaoban::exchange::bundle::{self, Contents, Manifest};
use giaoban::exchange::role::Grant;
use giaoban::exchange::{self, ImportOptions};
use libfuzzer_sys::fuzz_target;

/// Counts the lines per table the way a sender's manifest would.
fn counts(records: &[u8]) -> BTreeMap<String, u64> {
    let mut counts = BTreeMap::new();
    for line in records.split(|b| *b == b'\n') {
        let t = serde_json::from_slice::<serde_json::Value>(line)
            .ok()
            .and_then(|v| v.get("t").and_then(|t| t.as_str()).map(str::to_string));
        if let Some(t) = t {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    counts
}

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::TempDir::new().unwrap();
    let file = dir.path().join("fuzz.gbx");
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let manifest = Manifest {
        format: bundle::FORMAT,
        bundle_id: uuid::Uuid::now_v7(),
        sender: uuid::Uuid::from_u128(0x0193_0000_0000_7000_8000_0000_0000_0001),
        sender_name: "Máy thử".into(),
        recipient: None,
        created_at: "2026-06-30T01:00:00.000Z".into(),
        scope: "all".into(),
        counts: counts(data),
        entries: BTreeMap::new(),
    };
    bundle::write(
        &file,
        Contents {
            manifest,
            records: data.to_vec(),
            files: Vec::new(),
            key: &key,
            passphrase: None,
        },
    )
    .unwrap();
    let mut store = giaoban::Store::open(&dir.path().join("office.sqlite3"), giaoban::OpenMode::Create).unwrap();
    giaoban::demo::generate(
        &mut store,
        &giaoban::demo::DemoOptions {
            meetings: 2,
            directives_per_meeting: 2,
            seed: 1,
            anchor: chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        },
    )
    .unwrap();
    for dry_run in [true, false] {
        let _ = exchange::import(
            &mut store,
            &file,
            &ImportOptions {
                dry_run,
                trust: Some(Grant::office()),
                ..Default::default()
            },
        );
    }
});
