//! Hostile and broken exchange files: each is refused with a clear message and the
//! database stays exactly as it was.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use giaoban::Lang;
use giaoban::error::BundleProblem as P;
use giaoban::exchange::{self, ExportOptions, ImportOptions};
use giaoban::{Error, Store};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

use crate::exchange::{digest, everything, fresh};
use crate::fixture::{d, office};

/// A valid bundle from a small office, a database that imported it (and so knows its
/// sender), and one that holds nothing yet.
struct Bench {
    tmp: TempDir,
    good: PathBuf,
    key: SigningKey,
    to: Store,
    empty: Store,
}

/// The key an installation signs its bundles with.
fn signing_key(store: &Store) -> SigningKey {
    let hex_key: String = store
        .conn()
        .query_row(
            "SELECT value FROM setting WHERE key = 'exchange.signing_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    SigningKey::from_bytes(&hex::decode(hex_key).unwrap().try_into().unwrap())
}

fn setup() -> Bench {
    let mut a = office();
    let lead = a.ttbc;
    a.add(a.new_directive(lead, Some(d("2026-06-30")))).unwrap();
    let tmp = TempDir::new().unwrap();
    let good = tmp.path().join("good.gbx");
    exchange::export(
        &mut a.store,
        &good,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let key = signing_key(&a.store);
    let mut to = fresh(tmp.path(), "to");
    // The receiver already imported a good bundle from this sender (and so knows its key).
    exchange::import(&mut to, &good, &TRUST).unwrap();
    let empty = fresh(tmp.path(), "empty");
    Bench {
        tmp,
        good,
        key,
        to,
        empty,
    }
}

/// The entries of a zip, in order.
fn unpack(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut v = Vec::new();
            e.read_to_end(&mut v).unwrap();
            (e.name().to_string(), v)
        })
        .collect()
}

fn pack(path: &Path, entries: &[(String, Vec<u8>)], key: Option<&SigningKey>) {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for (name, content) in entries {
        zip.start_file(name.as_str(), opts).unwrap();
        zip.write_all(content).unwrap();
    }
    std::fs::write(path, seal(zip, key)).unwrap();
}

/// Finishes an archive with the seal of `key`, or with none.
fn seal(mut zip: zip::ZipWriter<std::io::Cursor<Vec<u8>>>, key: Option<&SigningKey>) -> Vec<u8> {
    if key.is_some() {
        zip.set_raw_comment(vec![0u8; 100].into_boxed_slice())
            .unwrap();
    }
    let mut bytes = zip.finish().unwrap().into_inner();
    if let Some(k) = key {
        exchange::bundle::seal(&mut bytes, k);
    }
    bytes
}

fn get<'a>(entries: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
    &mut entries.iter_mut().find(|(n, _)| n == name).unwrap().1
}

/// Rewrites the manifest's hashes for the entries as they are now, under a new bundle id.
fn reseal(entries: &mut [(String, Vec<u8>)], edit: impl FnOnce(&mut serde_json::Value)) {
    let mut m: serde_json::Value = serde_json::from_slice(get(entries, "manifest.json")).unwrap();
    for (name, content) in entries.iter() {
        if let Some(e) = m["entries"].get_mut(name) {
            e["size"] = content.len().into();
            e["sha256"] = hex::encode(Sha256::digest(content)).into();
        }
    }
    m["bundle_id"] = uuid::Uuid::now_v7().to_string().into();
    edit(&mut m);
    *get(entries, "manifest.json") = serde_json::to_vec(&m).unwrap();
}

impl Bench {
    fn file(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Imports `file`, expects the refusal `want`, and checks that nothing changed.
    fn refused(&mut self, file: &Path, opts: &ImportOptions, want: impl Fn(&P) -> bool) {
        let before = everything(&self.to);
        let files_before = count_files(self.tmp.path());
        let err = exchange::import(&mut self.to, file, opts)
            .map(|done| panic!("{}: accepted {done:?}", file.display()))
            .unwrap_err();
        match &err {
            Error::Bundle(p) if want(p) => {}
            other => panic!("{}: unexpected {other:?}", file.display()),
        }
        let vi = err.message(Lang::Vi);
        assert!(vi.ends_with("Dữ liệu không bị thay đổi."), "{vi}");
        assert!(!err.message(Lang::En).is_empty());
        assert_eq!(everything(&self.to), before, "{}", file.display());
        assert_eq!(
            count_files(self.tmp.path()),
            files_before,
            "a file was written"
        );
    }

    /// As [`Bench::refused`], and the same by a database that holds nothing yet (which
    /// merges a file while it reads it: the refusal may come after part of it was merged).
    fn refused_also_when_empty(&mut self, file: &Path, want: impl Fn(&P) -> bool) {
        self.refused(file, &TRUST, &want);
        std::mem::swap(&mut self.to, &mut self.empty);
        self.refused(file, &TRUST, &want);
        std::mem::swap(&mut self.to, &mut self.empty);
    }

    /// The good bundle's entries, edited, packed and sealed with the sender's real key: what
    /// a trusted sender's buggy or hostile software could write (the worst case).
    fn forged(&self, name: &str, edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> PathBuf {
        self.forged_with(name, Some(&self.key), edit)
    }

    fn forged_with(
        &self,
        name: &str,
        key: Option<&SigningKey>,
        edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>),
    ) -> PathBuf {
        let mut entries = unpack(&self.good);
        edit(&mut entries);
        let path = self.file(name);
        pack(&path, &entries, key);
        path
    }
}

fn count_files(dir: &Path) -> usize {
    walk(dir).len()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_none_or(|x| x != "gbx")
            && !p.to_string_lossy().ends_with("-wal")
            && !p.to_string_lossy().ends_with("-shm")
        {
            out.push(p);
        }
    }
    out
}

const TRUST: ImportOptions = ImportOptions {
    passphrase: None,
    dry_run: false,
    trust: Some(giaoban::exchange::role::Grant::office()),
};

#[test]
fn broken_files_are_refused_and_change_nothing() {
    let mut b = setup();
    let bytes = std::fs::read(&b.good).unwrap();

    // Cut short, as when a USB stick is pulled out.
    for cut in [0, 10, bytes.len() / 3, bytes.len() - 30] {
        let f = b.file(&format!("cut{cut}.gbx"));
        std::fs::write(&f, &bytes[..cut]).unwrap();
        b.refused(&f, &TRUST, |p| matches!(p, P::Damaged));
    }
    // A flipped byte anywhere is caught, by the archive, the signature or a hash.
    for i in (0..bytes.len()).step_by(bytes.len() / 40 + 1) {
        let mut flipped = bytes.clone();
        flipped[i] ^= 0x20;
        let f = b.file(&format!("flip{i}.gbx"));
        std::fs::write(&f, &flipped).unwrap();
        b.refused(&f, &TRUST, |_| true);
    }
    // Not a bundle at all.
    let f = b.file("text.gbx");
    std::fs::write(&f, "Biên bản họp giao ban").unwrap();
    b.refused(&f, &TRUST, |p| matches!(p, P::Damaged));
}

#[test]
fn forged_or_unsafe_content_is_refused_and_changes_nothing() {
    let mut b = setup();
    let other = SigningKey::from_bytes(&[7u8; 32]);

    // Records changed on the way: the seal no longer matches.
    let edit = |e: &mut Vec<(String, Vec<u8>)>| {
        let r = get(e, "records.jsonl");
        let text = String::from_utf8(r.clone())
            .unwrap()
            .replace("2026-06-30", "2027-06-30");
        *r = text.into_bytes();
    };
    let mut bytes = std::fs::read(b.forged("resealed.gbx", edit)).unwrap();
    let good = std::fs::read(&b.good).unwrap();
    let n = bytes.len();
    bytes[n - 100..].copy_from_slice(&good[good.len() - 100..]);
    let f = b.file("edited.gbx");
    std::fs::write(&f, &bytes).unwrap();
    b.refused(&f, &TRUST, |p| matches!(p, P::BadSignature));

    let f = b.forged_with("unsigned.gbx", None, |_| {});
    b.refused(
        &f,
        &TRUST,
        |p| matches!(p, P::Missing(n) if n == "signature"),
    );

    // Signed by the sender, but records changed before sealing without the manifest knowing.
    let f = b.forged("hash.gbx", edit);
    b.refused_also_when_empty(
        &f,
        |p| matches!(p, P::HashMismatch(n) if n == "records.jsonl"),
    );

    // Another key under a known sender's id.
    let f = b.forged_with("otherkey.gbx", Some(&other), |e| reseal(e, |_| {}));
    b.refused(&f, &TRUST, |p| matches!(p, P::KeyChanged { .. }));

    let f = b.forged("newer.gbx", |e| reseal(e, |m| m["format"] = 2.into()));
    b.refused_also_when_empty(&f, |p| matches!(p, P::NewerFormat));

    let f = b.forged("manifest.gbx", |e| {
        reseal(e, |m| m["counts"] = "many".into())
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::Malformed(_)));

    let f = b.forged("absurd.gbx", |e| {
        reseal(e, |m| {
            m["counts"]["directive"] = 1_000_000_000_000u64.into()
        })
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::TooLarge));

    let f = b.forged("counts.gbx", |e| {
        reseal(e, |m| m["counts"]["directive"] = 2.into())
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::Malformed(_)));

    let f = b.forged("record.gbx", |e| {
        get(e, "records.jsonl").extend_from_slice(b"{\"t\":\"directive\",\"k\":\n");
        reseal(e, |_| {});
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::Malformed(_)));

    let f = b.forged("table.gbx", |e| {
        get(e, "records.jsonl").extend_from_slice(b"{\"t\":\"setting\",\"k\":\"00\",\"row\":{}}\n");
        reseal(e, |m| m["counts"]["setting"] = 1.into());
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::Malformed(_)));

    // A clock two days ahead.
    let f = b.forged("future.gbx", |e| {
        let ahead = (chrono::Utc::now().timestamp_millis() as u64 + 2 * 86_400_000) << 16;
        let clock = format!("{ahead:016x}{}", "ab".repeat(16));
        let r = get(e, "records.jsonl");
        let text = String::from_utf8(r.clone()).unwrap();
        let first_directive = text
            .lines()
            .position(|l| l.contains("\"t\":\"directive\""))
            .unwrap();
        let lines: Vec<String> = text
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == first_directive {
                    l.replacen(
                        "\"row\":",
                        &format!(
                            "\"clocks\":{{\"content\":{{\"h\":\"{clock}\",\"v\":{{}}}}}},\"row\":"
                        ),
                        1,
                    )
                } else {
                    l.to_string()
                }
            })
            .collect();
        *r = (lines.join("\n") + "\n").into_bytes();
        reseal(e, |_| {});
    });
    b.refused_also_when_empty(&f, |p| matches!(p, P::FutureClock));

    // A new directive whose lead unit is in neither the bundle nor the database.
    let f = b.forged("dangling.gbx", |e| {
        let r = get(e, "records.jsonl");
        let text = String::from_utf8(r.clone()).unwrap();
        let lines: Vec<String> = text
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                if v["t"] == "directive" {
                    let cols = exchange::schema::table("directive").unwrap().columns();
                    let at = |c: &str| cols.iter().position(|x| *x == c).unwrap();
                    let id = hex::encode(uuid::Uuid::now_v7().as_bytes());
                    v["k"] = id.clone().into();
                    v["row"][at("id")] = serde_json::json!({ "x": id });
                    v["row"][at("lead_unit_id")] =
                        serde_json::json!({ "x": hex::encode(uuid::Uuid::now_v7().as_bytes()) });
                }
                v.to_string()
            })
            .collect();
        *r = (lines.join("\n") + "\n").into_bytes();
        reseal(e, |_| {});
    });
    b.refused_also_when_empty(
        &f,
        |p| matches!(p, P::MissingReference(m) if m.table == "directive" && m.refers_to == "unit"),
    );
}

#[test]
fn archive_tricks_are_refused_and_nothing_is_extracted() {
    let mut b = setup();
    for name in [
        "../evil.txt",
        "/etc/passwd",
        "attachments/../../x",
        "C:\\Windows\\x",
        "records.jsonl/",
        "Attachments/AB",
    ] {
        let f = b.forged(&format!("name{}.gbx", name.len()), |e| {
            e.push((name.to_string(), b"x".to_vec()))
        });
        b.refused(&f, &TRUST, |p| matches!(p, P::UnsafeEntry(_)));
    }
    // A link.
    let f = b.file("link.gbx");
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for (name, content) in unpack(&b.good) {
            zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(&content).unwrap();
        }
        zip.add_symlink(
            format!("attachments/{}", "a".repeat(64)),
            "/etc/passwd",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::fs::write(&f, seal(zip, Some(&b.key))).unwrap();
    }
    b.refused(&f, &TRUST, |p| matches!(p, P::UnsafeEntry(_)));

    // The same entry twice: written under a look-alike name, then renamed in the bytes.
    let f = b.forged("dup.gbx", |e| {
        let records = get(e, "records.jsonl").clone();
        e.push(("records.jsonX".into(), records));
    });
    let mut bytes = std::fs::read(&f).unwrap();
    let mut i = 0;
    while let Some(p) = bytes[i..].windows(13).position(|w| w == b"records.jsonX") {
        bytes[i + p + 12] = b'l';
        i += p + 13;
    }
    exchange::bundle::seal(&mut bytes, &b.key);
    std::fs::write(&f, &bytes).unwrap();
    b.refused(&f, &TRUST, |p| matches!(p, P::DuplicateEntry));

    // An attachment whose content does not match its name and hash.
    let f = b.forged("attach.gbx", |e| {
        let sha = "0".repeat(64);
        e.push((
            format!("attachments/{sha}"),
            b"not what the hash says".to_vec(),
        ));
        reseal(e, |m| {
            m["entries"][format!("attachments/{sha}")] =
                serde_json::json!({ "size": 22, "sha256": sha });
        });
    });
    b.refused(&f, &TRUST, |p| matches!(p, P::HashMismatch(_)));

    // A zip bomb: 256 MiB of zeros in a few hundred kilobytes.
    let f = b.forged("bomb.gbx", |e| {
        e.push((
            format!("attachments/{}", "b".repeat(64)),
            vec![0u8; (256 << 20) + 1],
        ));
    });
    assert!(std::fs::metadata(&f).unwrap().len() < 2 << 20);
    b.refused(&f, &TRUST, |p| matches!(p, P::TooLarge));
}

#[test]
fn passphrases_unknown_senders_and_own_files() {
    let mut a = office();
    let tmp = TempDir::new().unwrap();
    let secret = age::secrecy::SecretString::from("mật khẩu USB 2026".to_string());
    let f = tmp.path().join("enc.gbx");
    let opts = ExportOptions {
        passphrase: Some(secret.clone()),
        ..Default::default()
    };
    exchange::export(&mut a.store, &f, &opts, &mut |_, _| {}).unwrap();
    assert!(exchange::bundle::is_encrypted(&f).unwrap());
    let raw = std::fs::read(&f).unwrap();
    assert!(
        !raw.windows(6).any(|w| w == b"VP\",\"k"),
        "the records are not readable in the file"
    );

    let mut b = fresh(tmp.path(), "b");
    let before = everything(&b);
    // The sender is checked before anything is decrypted: from a machine not trusted, even
    // a wrong passphrase is not tried; a changed byte of the ciphertext breaks the seal.
    let o = ImportOptions {
        passphrase: Some("sai".to_string().into()),
        ..Default::default()
    };
    let err = exchange::import(&mut b, &f, &o).unwrap_err();
    assert!(
        matches!(&err, Error::Bundle(P::UnknownSender { name, .. }) if name.is_empty()),
        "{err:?}"
    );
    assert!(err.message(Lang::Vi).contains("mã hóa"));
    let mut bent = raw.clone();
    bent[200] ^= 1;
    let bent_file = tmp.path().join("bent.gbx");
    std::fs::write(&bent_file, &bent).unwrap();
    let err = exchange::import(&mut b, &bent_file, &o).unwrap_err();
    assert!(matches!(&err, Error::Bundle(P::BadSignature)), "{err:?}");
    // Without its outer seal an encrypted file is unsigned.
    let cut = tmp.path().join("cut.gbx");
    std::fs::write(&cut, &raw[..raw.len() - 116]).unwrap();
    let err = exchange::import(&mut b, &cut, &o).unwrap_err();
    assert!(matches!(&err, Error::Bundle(P::Missing(_))), "{err:?}");
    assert_eq!(everything(&b), before);
    for (pass, want) in [
        (None, P::NeedsPassphrase),
        (Some("sai"), P::WrongPassphrase),
    ] {
        let o = ImportOptions {
            passphrase: pass.map(|p: &str| p.to_string().into()),
            trust: Some(giaoban::exchange::role::Grant::office()),
            ..Default::default()
        };
        let err = exchange::import(&mut b, &f, &o).unwrap_err();
        assert!(matches!(&err, Error::Bundle(p) if *p == want), "{err:?}");
        assert_eq!(everything(&b), before);
    }
    let o = ImportOptions {
        passphrase: Some(secret),
        trust: Some(giaoban::exchange::role::Grant::office()),
        ..Default::default()
    };
    let got = exchange::import(&mut b, &f, &o).unwrap();
    assert_eq!(got.tables["unit"].new, 4);

    // A bundle is not imported where it was made.
    let plain = tmp.path().join("plain.gbx");
    exchange::export(
        &mut a.store,
        &plain,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let err = exchange::import(&mut a.store, &plain, &TRUST).unwrap_err();
    assert!(matches!(err, Error::Bundle(P::OwnBundle)));
}

#[test]
fn a_file_refused_after_part_of_it_was_merged_leaves_a_new_database_empty() {
    let tmp = TempDir::new().unwrap();
    let mut a = fresh(tmp.path(), "a");
    crate::fixture::sample(&mut a, 120, 8, 9);
    let good = tmp.path().join("a.gbx");
    exchange::export(&mut a, &good, &ExportOptions::default(), &mut |_, _| {}).unwrap();
    let mut b = Bench {
        key: signing_key(&a),
        to: fresh(tmp.path(), "to"),
        empty: fresh(tmp.path(), "empty"),
        good,
        tmp,
    };
    let records = unpack(&b.good)
        .into_iter()
        .find(|(n, _)| n == "records.jsonl")
        .unwrap()
        .1;
    assert!(
        records.len() > 2 << 20,
        "several batches are merged before the last line is read ({} bytes)",
        records.len()
    );
    let f = b.forged("last-line.gbx", |e| {
        let r = get(e, "records.jsonl");
        let cut = r[..r.len() - 1].iter().rposition(|c| *c == b'\n').unwrap() + 1;
        r.truncate(cut);
        r.extend_from_slice(b"{\"t\":\"progress\",\"k\":\n");
        reseal(e, |_| {});
    });
    b.refused(&f, &TRUST, |p| matches!(p, P::Malformed(_)));
    let f = b.forged("one-more.gbx", |e| {
        reseal(e, |m| {
            let n = m["counts"]["progress"].as_u64().unwrap();
            m["counts"]["progress"] = (n + 1).into();
        })
    });
    b.refused(&f, &TRUST, |p| matches!(p, P::Malformed(_)));
    // New records go in 32 by one statement: one a local write refuses (a directive without
    // content) among them refuses the file, naming the record and the field.
    let f = b.forged("refused-row.gbx", |e| {
        let r = get(e, "records.jsonl");
        let content = exchange::schema::table("directive")
            .unwrap()
            .columns()
            .iter()
            .position(|c| *c == "content")
            .unwrap();
        let mut directives = 0;
        let lines: Vec<String> = String::from_utf8(r.clone())
            .unwrap()
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                if v["t"] == "directive" {
                    directives += 1;
                    if directives == 40 {
                        v["row"][content] = " ".into();
                    }
                }
                v.to_string()
            })
            .collect();
        *r = (lines.join("\n") + "\n").into_bytes();
        reseal(e, |_| {});
    });
    b.refused(
        &f,
        &TRUST,
        |p| matches!(p, P::BadValue(v) if v.table == "directive" && v.column == "content"),
    );
    // The records are inflated as they are read: an entry longer than its manifest says is
    // refused once the excess is read, one shorter at its end.
    let f = b.forged("longer.gbx", |e| {
        let r = get(e, "records.jsonl");
        let first = r[..=r.iter().position(|c| *c == b'\n').unwrap()].to_vec();
        r.extend_from_slice(&first);
    });
    b.refused(
        &f,
        &TRUST,
        |p| matches!(p, P::HashMismatch(n) if n == "records.jsonl"),
    );
    let f = b.forged("shorter.gbx", |e| {
        let r = get(e, "records.jsonl");
        let cut = r[..r.len() - 1].iter().rposition(|c| *c == b'\n').unwrap() + 1;
        r.truncate(cut);
    });
    b.refused(
        &f,
        &TRUST,
        |p| matches!(p, P::HashMismatch(n) if n == "records.jsonl"),
    );
    // The file itself is fine, and every record arrives as sent, lines cut by the reading's
    // parts included.
    exchange::import(&mut b.to, &b.good, &TRUST).unwrap();
    assert_eq!(digest(&b.to), digest(&a));
}

/// A record line written as this program writes it: its table, id and row first.
fn in_our_order(v: &serde_json::Value) -> String {
    let mut line = format!("{{\"t\":{},\"k\":{}", v["t"], v["k"]);
    for key in ["row", "units", "clocks", "del"] {
        if let Some(x) = v.get(key) {
            line += &format!(",\"{key}\":{x}");
        }
    }
    line + "}"
}

/// Rewrites every record line of a bundle's entries through `edit` (its value, its line
/// number among those of its table) and reseals the manifest.
fn rewrite_lines(
    entries: &mut [(String, Vec<u8>)],
    mut edit: impl FnMut(&str, serde_json::Value, usize) -> String,
) {
    let r = get(entries, "records.jsonl");
    let mut seen: std::collections::HashMap<String, usize> = Default::default();
    let lines: Vec<String> = String::from_utf8(r.clone())
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let n = seen
                .entry(v["t"].as_str().unwrap().to_string())
                .or_default();
            *n += 1;
            edit(l, v, *n)
        })
        .collect();
    *r = (lines.join("\n") + "\n").into_bytes();
    reseal(entries, |_| {});
}

/// A record this database already holds as it is is read only as far as its stamps and
/// clocks, but each of its values is still checked: one out of shape refuses the file
/// instead of being passed over.
#[test]
fn a_record_held_here_with_a_value_out_of_shape_is_refused() {
    let mut b = setup();
    let cols = exchange::schema::table("directive").unwrap().columns();
    let at = |c: &str| cols.iter().position(|x| *x == c).unwrap();
    let too_long = "a".repeat((4 << 20) + 1);
    // A file's name, the column edited, its value, the refusal expected.
    type Case = (&'static str, usize, serde_json::Value, fn(&P) -> bool);
    let cases: [Case; 6] = [
        ("bool.gbx", at("content"), true.into(), |p| {
            matches!(p, P::Malformed(_))
        }),
        ("array.gbx", at("content"), serde_json::json!([1]), |p| {
            matches!(p, P::Malformed(_))
        }),
        (
            "hex.gbx",
            at("lead_unit_id"),
            serde_json::json!({ "x": "zz" }),
            |p| matches!(p, P::Malformed(_)),
        ),
        (
            "blob.gbx",
            at("lead_unit_id"),
            serde_json::json!({ "x": "00", "y": 1 }),
            |p| matches!(p, P::Malformed(_)),
        ),
        ("integer.gbx", at("priority"), u64::MAX.into(), |p| {
            matches!(p, P::Malformed(_))
        }),
        ("long.gbx", at("content"), too_long.into(), |p| {
            matches!(p, P::TooLarge)
        }),
    ];
    for (name, col, value, want) in cases {
        let f = b.forged(name, |e| {
            rewrite_lines(e, |line, mut v, _| {
                // Written as this program writes it: the other lines stay byte for byte.
                assert_eq!(in_our_order(&v), line);
                if v["t"] == "directive" {
                    v["row"][col] = value.clone();
                }
                in_our_order(&v)
            })
        });
        b.refused(&f, &TRUST, want);
    }
}

/// A file whose lines are written otherwise than this program writes them (fields in
/// alphabetical order: the row before its table) is read whole, line by line, and merges exactly as the file written here.
#[test]
fn a_file_written_in_another_order_merges_like_one_written_here() {
    let mut a = office();
    let lead = a.ttbc;
    a.add(a.new_directive(lead, Some(d("2026-06-30")))).unwrap();
    let tmp = TempDir::new().unwrap();
    let first = tmp.path().join("first.gbx");
    exchange::export(
        &mut a.store,
        &first,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let (mut here, mut there) = (fresh(tmp.path(), "here"), fresh(tmp.path(), "there"));
    exchange::import(&mut here, &first, &TRUST).unwrap();
    exchange::import(&mut there, &first, &TRUST).unwrap();
    a.store
        .write(|tx| {
            tx.execute("UPDATE meeting SET minutes = minutes || ' Bổ sung.'", [])?;
            Ok(())
        })
        .unwrap();
    a.add(a.new_directive(lead, None)).unwrap();
    let b = Bench {
        key: signing_key(&a.store),
        to: fresh(tmp.path(), "to"),
        empty: fresh(tmp.path(), "empty"),
        good: tmp.path().join("second.gbx"),
        tmp,
    };
    exchange::export(
        &mut a.store,
        &b.good,
        &ExportOptions::default(),
        &mut |_, _| {},
    )
    .unwrap();
    let reordered = b.forged("reordered.gbx", |e| {
        rewrite_lines(e, |_, v, _| {
            let fields: Vec<String> = v
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, x)| format!("{}:{x}", serde_json::Value::from(k.as_str())))
                .collect();
            let line = format!("{{{}}}", fields.join(","));
            let first_field = &line[..4];
            assert_ne!(first_field, "{\"t\"", "{line}");
            line
        })
    });
    let ours = exchange::import(&mut here, &b.good, &TRUST).unwrap();
    let theirs = exchange::import(&mut there, &reordered, &TRUST).unwrap();
    assert_eq!(ours.tables, theirs.tables);
    assert_eq!(ours.tables["meeting"].updated, 1);
    assert_eq!(ours.tables["directive"].new, 1);
    assert_eq!(digest(&here), digest(&a.store));
    assert_eq!(digest(&there), digest(&a.store));
}

/// The first record line of table `t` with column `col` set to `value` and stamped as
/// written later (so that a database holding it reads it whole), the rest as it was.
fn with_value(
    b: &Bench,
    name: &str,
    t: &'static str,
    col: &'static str,
    value: serde_json::Value,
) -> PathBuf {
    let cols = exchange::schema::table(t).unwrap().columns();
    let at = |c: &str| cols.iter().position(|x| *x == c).unwrap();
    b.forged(name, |e| {
        rewrite_lines(e, |_, mut v, n| {
            if v["t"] == t && n == 1 {
                v["row"][at("updated_at")] = "2026-12-01T01:00:00.000Z".into();
                v["row"][at(col)] = value.clone();
            }
            in_our_order(&v)
        })
    })
}

/// A line for a record the good bundle does not hold, counted in its manifest.
fn with_line(b: &Bench, name: &str, t: &str, line: serde_json::Value) -> PathBuf {
    b.forged(name, |e| {
        let r = get(e, "records.jsonl");
        r.extend_from_slice(in_our_order(&line).as_bytes());
        r.push(b'\n');
        reseal(e, |m| {
            let n = m["counts"][t].as_u64().unwrap_or(0);
            m["counts"][t] = (n + 1).into();
        });
    })
}

/// Values a local write refuses are refused from a file too, by a database that holds the
/// records and by one that holds nothing, naming the record and the field; nothing changes.
#[test]
fn values_a_local_write_refuses_are_refused_from_a_file_naming_record_and_field() {
    let mut b = setup();
    let cases: [(&str, &str, serde_json::Value); 10] = [
        ("meeting", "starts_at", "garbage".into()),
        ("directive", "deadline", "banana".into()),
        ("directive", "deadline", "0000-00-00".into()),
        ("directive", "deadline", "2026-02-30".into()),
        ("directive", "deadline", 20260630.into()),
        ("directive", "status", "finished".into()),
        ("directive", "assigned_on", serde_json::Value::Null),
        ("unit", "kind", "planet".into()),
        ("unit", "parent_id", serde_json::json!({ "x": "01" })),
        ("person", "updated_at", "yesterday".into()),
    ];
    for (i, (t, col, value)) in cases.into_iter().enumerate() {
        let f = with_value(&b, &format!("value-{i}.gbx"), t, col, value);
        b.refused_also_when_empty(
            &f,
            |p| matches!(p, P::BadValue(v) if v.table == t && v.column == col),
        );
    }
}

/// An attachment row's hash is 64 lower-case hex digits and nothing else: a path, or a
/// letter of another script, is refused, and nothing is read from or written to the disk.
#[test]
fn an_attachment_hash_is_never_a_path() {
    let mut b = setup();
    let opened = exchange::bundle::read(&b.good, None).unwrap();
    let directive = opened.records.iter().find(|r| r.t == "directive").unwrap();
    let origin = serde_json::to_value(directive.row.as_ref().unwrap().last().unwrap()).unwrap();
    let id = uuid::Uuid::now_v7().simple().to_string();
    let attachment = |sha: &str| {
        serde_json::json!({
            "t": "attachment",
            "k": id,
            "row": [{ "x": id }, sha, "bien-ban.pdf", 10, "directive", { "x": directive.k },
                "2026-06-01T01:00:00.000Z", "2026-06-01T01:00:00.000Z", origin],
        })
    };
    let path = format!("{:/<54}sqlite3", "/etc/");
    assert_eq!(path.len(), 61);
    for (i, sha) in [
        format!("{path}abc"),
        format!("é{}", "a".repeat(62)),
        "A".repeat(64),
        "..".repeat(32),
    ]
    .iter()
    .enumerate()
    {
        let f = with_line(&b, &format!("sha-{i}.gbx"), "attachment", attachment(sha));
        b.refused_also_when_empty(
            &f,
            |p| matches!(p, P::BadValue(v) if v.table == "attachment" && v.column == "sha256"),
        );
    }
}

/// A unit that would become its own ancestor is refused, as a local edit is.
#[test]
fn a_unit_parent_cycle_is_refused() {
    let mut b = setup();
    let opened = exchange::bundle::read(&b.good, None).unwrap();
    let units: Vec<&str> = opened
        .records
        .iter()
        .filter(|r| r.t == "unit")
        .map(|r| r.k.as_str())
        .take(2)
        .collect();
    let at = exchange::schema::table("unit")
        .unwrap()
        .columns()
        .iter()
        .position(|c| *c == "parent_id")
        .unwrap();
    let (first, second) = (units[0].to_string(), units[1].to_string());
    let f = b.forged("cycle.gbx", |e| {
        rewrite_lines(e, |_, mut v, _| {
            if v["t"] == "unit" && v["k"] == first.as_str() {
                v["row"][at] = serde_json::json!({ "x": second });
            } else if v["t"] == "unit" && v["k"] == second.as_str() {
                v["row"][at] = serde_json::json!({ "x": first });
            }
            in_our_order(&v)
        })
    });
    std::mem::swap(&mut b.to, &mut b.empty);
    b.refused(
        &f,
        &TRUST,
        |p| matches!(p, P::BadValue(v) if v.table == "unit" && v.column == "parent_id"),
    );
}

/// A version vector naming more installations than any province has, or one that is not
/// an installation id, is refused before it is stored or passed on.
#[test]
fn clock_vectors_are_bounded() {
    let mut b = setup();
    let opened = exchange::bundle::read(&b.good, None).unwrap();
    let site = opened.manifest.sender.simple().to_string();
    let h = format!(
        "{:016x}{site}",
        (chrono::Utc::now().timestamp_millis() as u64) << 16
    );
    let huge: serde_json::Map<String, serde_json::Value> = (0..1_001)
        .map(|i| (format!("{i:032x}"), h.clone().into()))
        .collect();
    for (name, vector) in [
        ("vector-huge.gbx", serde_json::Value::Object(huge)),
        ("vector-key.gbx", serde_json::json!({ "\"]')": h })),
    ] {
        let f = b.forged(name, |e| {
            rewrite_lines(e, |_, mut v, n| {
                if v["t"] == "directive" && n == 1 {
                    v["clocks"] = serde_json::json!({ "content": { "h": h, "v": vector } });
                }
                in_our_order(&v)
            })
        });
        b.refused_also_when_empty(&f, |p| matches!(p, P::TooLarge));
    }
}

/// Before the sender is found trusted, nothing but the manifest is inflated: an unknown
/// sender's file whose attachment does not match its hash is refused as not trusted; an
/// entry that claims to inflate far beyond its stored size, or counts that add past 2^64,
/// are refused from anyone, before any work.
#[test]
fn nothing_heavy_happens_before_trust() {
    let mut b = setup();
    let stranger = SigningKey::from_bytes(&[7u8; 32]);
    let no_trust = ImportOptions::default();
    let f = b.forged_with("stranger-attachment.gbx", Some(&stranger), |e| {
        let content = b"%PDF-1.4 ban scan".to_vec();
        let sha = hex::encode(Sha256::digest(&content));
        e.push((format!("attachments/{sha}"), b"altered".to_vec()));
        reseal(e, |m| {
            m["sender"] = uuid::Uuid::now_v7().to_string().into();
            m["entries"][format!("attachments/{sha}")] =
                serde_json::json!({ "size": content.len(), "sha256": sha });
        });
    });
    b.refused(&f, &no_trust, |p| matches!(p, P::UnknownSender { .. }));
    let f = b.forged_with("overflow.gbx", Some(&stranger), |e| {
        reseal(e, |m| {
            m["counts"]["unit"] = u64::MAX.into();
            m["counts"]["person"] = 2.into();
        });
    });
    b.refused(&f, &no_trust, |p| matches!(p, P::TooLarge));
    let f = b.forged_with("bomb.gbx", Some(&stranger), |e| {
        let zeros = vec![0u8; 64 << 20];
        let sha = hex::encode(Sha256::digest(&zeros));
        e.push((format!("attachments/{sha}"), zeros));
        reseal(e, |_| {});
    });
    b.refused(&f, &no_trust, |p| matches!(p, P::TooLarge));
}

/// A sender's name is one line of ordinary text: escapes, line breaks or a name too long to
/// show are refused before the name is kept or shown.
#[test]
fn a_senders_name_is_plain_text() {
    let mut b = setup();
    for (i, name) in ["Sở\u{1b}[31m đỏ", "Dòng 1\nDòng 2", &"A".repeat(300)]
        .into_iter()
        .enumerate()
    {
        let name = name.to_string();
        let f = b.forged(&format!("name-{i}.gbx"), move |e| {
            reseal(e, |m| m["sender_name"] = name.clone().into())
        });
        b.refused(
            &f,
            &TRUST,
            |p| matches!(p, P::BadValue(v) if v.column == "sender_name"),
        );
    }
}
