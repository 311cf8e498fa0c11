//! The bundle file (`.gbx`): a zip holding a manifest, the records as JSON lines and
//! attachments by content hash, sealed by the sender: the archive's comment holds the
//! sender's public key and an Ed25519 signature over every byte before it. The whole file
//! may be encrypted with an age passphrase. Reading checks, in this order: the file size;
//! the decryption (its scrypt work factor no more than export writes); the seal; the
//! archive's entry names, and their sizes against their limits and against what their
//! stored size may inflate to; the manifest (counts summed without overflow). Only then,
//! once the importer has found the sender trusted, is anything else inflated: every
//! attachment, checked against its size and SHA-256; the records as they are parsed, their
//! size, SHA-256 and counts checked then, all before any is merged or, into a database
//! without records, before the merge commits.

use std::collections::{BTreeMap, HashSet};
use std::io::{Cursor, Read, Seek, Write};
use std::path::Path;

use age::secrecy::SecretString;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use compact_str::CompactString;

use super::clock::Vector;
use crate::error::{BundleProblem, Error, Result};
use crate::store::clock;

/// The bundle format this build writes and reads.
pub const FORMAT: u32 = 1;
/// The file extension of bundles.
pub const EXTENSION: &str = "gbx";

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";
/// The seal: `GBX1`, the public key (32 bytes), the signature (64 bytes).
const SEAL_MAGIC: &[u8] = b"GBX1";
const SEAL: usize = 4 + 32 + 64;
/// The outer seal after an encrypted archive: `GBXE`, the sender's installation id (16
/// bytes), its public key (32), and the signature (64) of the ciphertext followed by the id:
/// checked, with the sender's trust, before any decryption.
const OUTER_MAGIC: &[u8] = b"GBXE";
const OUTER: usize = 4 + 16 + 32 + 64;
/// The zip's end-of-central-directory record, without its comment.
const EOCD: usize = 22;
const MANIFEST: &str = "manifest.json";
const RECORDS: &str = "records.jsonl";
const ATTACHMENTS: &str = "attachments/";

/// Resource limits a bundle must keep.
pub mod limits {
    /// Size of the file (or of its decrypted content).
    pub const FILE: u64 = 2 << 30;
    /// Size of the manifest.
    pub const MANIFEST: u64 = 4 << 20;
    /// Uncompressed size of the records.
    pub const RECORDS: u64 = 4 << 30;
    /// One attachment.
    pub const ATTACHMENT: u64 = 256 << 20;
    /// All attachments together.
    pub const ATTACHMENTS: u64 = 1 << 30;
    /// Number of records.
    pub const RECORD_COUNT: u64 = 20_000_000;
    /// One record's line of JSON.
    pub const LINE: usize = 16 << 20;
    /// One text value.
    pub const TEXT: usize = 4 << 20;
    /// The scrypt work factor of an encrypted file: 2^18 (256 MiB, under a second). Export
    /// writes exactly this; a file asking for more is refused before any work.
    pub const SCRYPT_LOG_N: u8 = 18;
    /// How many times its stored size an entry may inflate to: records deflate about 8:1;
    /// a file that claims more is refused before anything is inflated.
    pub const INFLATE_RATIO: u64 = 64;
    /// Any entry may inflate to this, whatever its stored size.
    pub const INFLATE_FLOOR: u64 = 1 << 20;
}

/// The signed description of a bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// Bundle format version.
    pub format: u32,
    /// Unique id of this bundle.
    pub bundle_id: Uuid,
    /// The sending installation.
    pub sender: Uuid,
    /// Its display name.
    pub sender_name: String,
    /// The installation it was made for, if any.
    pub recipient: Option<Uuid>,
    /// When it was made (UTC, RFC 3339).
    pub created_at: String,
    /// What was selected, in words.
    pub scope: String,
    /// Records per table.
    pub counts: BTreeMap<String, u64>,
    /// Every other entry of the archive: its size and SHA-256.
    pub entries: BTreeMap<String, EntryHash>,
}

/// Size and SHA-256 (hex) of one archive entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryHash {
    /// Bytes.
    pub size: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
}

/// A column value as carried in a bundle: JSON null, a number, a string, or `{"x": hex}`
/// for a blob.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// A real number.
    Real(f64),
    /// Text (short texts such as times and states held inline, without an allocation).
    Text(CompactString),
    /// A blob (ids): its bytes, decoded from hex when the file is read (written as
    /// `{"x": hex}`); an id of 16 bytes is held inline.
    Blob(Id),
}

/// A record's values by column name.
pub(crate) type Row = BTreeMap<&'static str, Val>;

/// A blob's bytes: inline up to the 16 bytes of an id.
pub type Id = smallvec::SmallVec<[u8; 16]>;

impl Serialize for Val {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Val::Null => s.serialize_unit(),
            Val::Int(i) => s.serialize_i64(*i),
            Val::Real(r) => s.serialize_f64(*r),
            Val::Text(t) => s.serialize_str(t),
            Val::Blob(b) => {
                use serde::ser::SerializeMap;
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("x", &hex::encode(b))?;
                m.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Val {
    // By hand: serde's untagged enums try each variant and format an error message for each
    // miss, which made reading a bundle several times slower.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Val;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("null, a number, a string or {\"x\": hex}")
            }
            fn visit_unit<E>(self) -> std::result::Result<Val, E> {
                Ok(Val::Null)
            }
            fn visit_none<E>(self) -> std::result::Result<Val, E> {
                Ok(Val::Null)
            }
            fn visit_i64<E>(self, v: i64) -> std::result::Result<Val, E> {
                Ok(Val::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Val, E> {
                i64::try_from(v)
                    .map(Val::Int)
                    .map_err(|_| E::custom("integer too large"))
            }
            fn visit_f64<E>(self, v: f64) -> std::result::Result<Val, E> {
                Ok(Val::Real(v))
            }
            fn visit_str<E>(self, v: &str) -> std::result::Result<Val, E> {
                Ok(Val::Text(v.into()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut m: A,
            ) -> std::result::Result<Val, A::Error> {
                let mut x = None;
                while let Some(k) = m.next_key::<std::borrow::Cow<'_, str>>()? {
                    if k != "x" || x.is_some() {
                        return Err(serde::de::Error::custom("a blob is {\"x\": hex}"));
                    }
                    let hex = m.next_value::<std::borrow::Cow<'_, str>>()?;
                    // Decoded on the stack when it fits (an id always does).
                    let mut buf = [0u8; 64];
                    let decoded = match buf.get_mut(..hex.len() / 2) {
                        Some(bytes) if hex.len() % 2 == 0 => {
                            hex::decode_to_slice(&*hex, bytes).map(|_| Id::from_slice(bytes))
                        }
                        _ => hex::decode(&*hex).map(Id::from_vec),
                    };
                    x = Some(
                        decoded.map_err(|_| serde::de::Error::custom("a blob is {\"x\": hex}"))?,
                    );
                }
                x.map(Val::Blob)
                    .ok_or_else(|| serde::de::Error::custom("a blob is {\"x\": hex}"))
            }
        }
        d.deserialize_any(V)
    }
}

/// The clock of one field group: the write that gave its value and what that write had seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// Hybrid logical clock of the write.
    pub h: String,
    /// Version vector.
    pub v: Vector,
}

/// One record of a bundle: its current values with their clocks, or its deletion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Table (its name held inline).
    pub t: CompactString,
    /// Record id (hex of the key blobs).
    pub k: String,
    /// Column values in the order of [`super::schema::Table::columns`] (absent for a deletion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<Vec<Val>>,
    /// Coordinating units of a directive (hex ids).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<Vec<String>>,
    /// Clocks of the groups edited after creation.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub clocks: BTreeMap<String, Clock>,
    /// Clock of the deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub del: Option<String>,
}

/// What a bundle holds once it has been checked.
#[derive(Debug)]
pub struct Opened {
    /// The manifest.
    pub manifest: Manifest,
    /// The sender's public key.
    pub key: VerifyingKey,
    /// The records.
    pub records: Vec<Record>,
    /// Attachment contents by SHA-256.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// A bundle whose seal, entry names, sizes (against their limits and what they may inflate
/// to) and manifest are checked. Its attachments are inflated and checked by
/// [`Sealed::load_files`] once the sender is trusted; its records, still JSON lines, by
/// [`Sealed::parse`] all at once or [`Sealed::stream`] in batches while they are merged.
#[derive(Debug)]
pub struct Sealed {
    /// The manifest.
    pub manifest: Manifest,
    /// The sender's public key.
    pub key: VerifyingKey,
    /// The archive, its records entry still deflated: it is inflated as it is read.
    archive: Vec<u8>,
    /// Attachment contents by SHA-256.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// The fingerprint a person compares over the phone: SHA-256 of the key, first 16 bytes,
/// in groups of four hex digits.
pub fn fingerprint(key: &VerifyingKey) -> String {
    let hash = Sha256::digest(key.as_bytes());
    hash[..16]
        .chunks(2)
        .map(hex::encode)
        .collect::<Vec<_>>()
        .join(" ")
}

fn bad(p: BundleProblem) -> Error {
    Error::Bundle(p)
}

pub(super) fn sha_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// What goes into a bundle.
pub struct Contents<'a> {
    /// The manifest (its `entries` are filled in here).
    pub manifest: Manifest,
    /// The records, one JSON object a line.
    pub records: Vec<u8>,
    /// Attachments: SHA-256 and content.
    pub files: Vec<(String, Vec<u8>)>,
    /// The sender's key.
    pub key: &'a SigningKey,
    /// Encrypt with this passphrase.
    pub passphrase: Option<&'a SecretString>,
}

/// Writes a bundle to `out`: to `out.part` first, synced, read back and checked whole, and
/// only then renamed, so a file with the final name is always complete.
pub fn write(out: &Path, c: Contents<'_>) -> Result<u64> {
    let Contents {
        mut manifest,
        records,
        files,
        key,
        passphrase,
    } = c;
    manifest.entries.insert(
        RECORDS.into(),
        EntryHash {
            size: records.len() as u64,
            sha256: sha_hex(&records),
        },
    );
    for (sha, content) in &files {
        manifest.entries.insert(
            format!("{ATTACHMENTS}{sha}"),
            EntryHash {
                size: content.len() as u64,
                sha256: sha.clone(),
            },
        );
    }
    let manifest_json = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .large_file(true);
    // The fastest level: records compress about 8:1 even so, and a bundle is written faster.
    let deflated = stored
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    let zip_err = |e: zip::result::ZipError| Error::Io {
        path: out.to_path_buf(),
        source: std::io::Error::other(e),
    };
    zip.start_file(MANIFEST, deflated).map_err(zip_err)?;
    zip.write_all(&manifest_json).map_err(Error::io(out))?;
    zip.start_file(RECORDS, deflated).map_err(zip_err)?;
    zip.write_all(&records).map_err(Error::io(out))?;
    for (sha, content) in &files {
        zip.start_file(format!("{ATTACHMENTS}{sha}"), stored)
            .map_err(zip_err)?;
        zip.write_all(content).map_err(Error::io(out))?;
    }
    zip.set_raw_comment(vec![0u8; SEAL].into_boxed_slice())
        .map_err(zip_err)?;
    let mut bytes = zip.finish().map_err(zip_err)?.into_inner();
    seal(&mut bytes, key);
    if let Some(pass) = passphrase {
        bytes = encrypt(&bytes, pass).map_err(Error::io(out))?;
        seal_outside(&mut bytes, manifest.sender, key);
    }
    let part = out.with_extension(format!("{EXTENSION}.part"));
    let written = (|| {
        let mut f = std::fs::File::create(&part).map_err(Error::io(&part))?;
        f.write_all(&bytes).map_err(Error::io(&part))?;
        f.sync_all().map_err(Error::io(&part))?;
        drop(f);
        // Read back: the file must hold exactly the archive built (and sealed) above.
        let back = std::fs::read(&part).map_err(Error::io(&part))?;
        if back != bytes {
            return Err(Error::Io {
                path: part.clone(),
                source: std::io::Error::other("the file read back differs from what was written"),
            });
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&part);
        return Err(e);
    }
    std::fs::rename(&part, out).map_err(Error::io(out))?;
    if let Some(dir) = out.parent().and_then(|d| std::fs::File::open(d).ok()) {
        let _ = dir.sync_all();
    }
    Ok(bytes.len() as u64)
}

/// Signs an archive whose last [`SEAL`] bytes (its comment) are reserved for the seal.
pub fn seal(archive: &mut [u8], key: &SigningKey) {
    let body = archive.len() - SEAL;
    let signature = key.sign(&archive[..body]);
    let tail = &mut archive[body..];
    tail[..4].copy_from_slice(SEAL_MAGIC);
    tail[4..36].copy_from_slice(key.verifying_key().as_bytes());
    tail[36..].copy_from_slice(&signature.to_bytes());
}

/// Appends the outer seal of an encrypted archive made by installation `sender`.
fn seal_outside(ciphertext: &mut Vec<u8>, sender: Uuid, key: &SigningKey) {
    let mut signed = ciphertext.clone();
    signed.extend_from_slice(sender.as_bytes());
    let signature = key.sign(&signed);
    ciphertext.extend_from_slice(OUTER_MAGIC);
    ciphertext.extend_from_slice(sender.as_bytes());
    ciphertext.extend_from_slice(key.verifying_key().as_bytes());
    ciphertext.extend_from_slice(&signature.to_bytes());
}

/// Checks the outer seal of an encrypted file; returns the ciphertext, the sender and its
/// key.
fn unseal_outside(bytes: &[u8]) -> Result<(&[u8], Uuid, VerifyingKey)> {
    let n = bytes.len();
    if n < OUTER || &bytes[n - OUTER..n - OUTER + 4] != OUTER_MAGIC {
        return Err(bad(BundleProblem::Missing("signature".into())));
    }
    let tail = &bytes[n - OUTER + 4..];
    let sender = Uuid::from_slice(&tail[..16]).map_err(|_| bad(BundleProblem::Damaged))?;
    let key = <[u8; 32]>::try_from(&tail[16..48])
        .ok()
        .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        .ok_or(bad(BundleProblem::BadSignature))?;
    let signature = ed25519_dalek::Signature::from_slice(&tail[48..])
        .map_err(|_| bad(BundleProblem::BadSignature))?;
    let ciphertext = &bytes[..n - OUTER];
    let mut signed = ciphertext.to_vec();
    signed.extend_from_slice(sender.as_bytes());
    key.verify_strict(&signed, &signature)
        .map_err(|_| bad(BundleProblem::BadSignature))?;
    Ok((ciphertext, sender, key))
}

/// Checks the seal; returns the key that made it and the number of entries the archive's
/// directory declares (the zip reader keeps one entry per name, so duplicates show as fewer).
fn unseal(archive: &[u8]) -> Result<(VerifyingKey, usize)> {
    let n = archive.len();
    let is_eocd = |at: usize| archive.get(at..at + 4) == Some(b"PK\x05\x06".as_slice());
    let sealed = n >= SEAL + EOCD
        && is_eocd(n - SEAL - EOCD)
        && archive[n - SEAL - 2..n - SEAL] == (SEAL as u16).to_le_bytes()
        && archive[n - SEAL..n - SEAL + 4] == *SEAL_MAGIC;
    if !sealed {
        // A whole archive without the seal is unsigned; anything else is damaged.
        return Err(bad(if n >= EOCD && is_eocd(n - EOCD) {
            BundleProblem::Missing("signature".into())
        } else {
            BundleProblem::Damaged
        }));
    }
    let tail = &archive[n - SEAL..];
    let key = <[u8; 32]>::try_from(&tail[4..36])
        .ok()
        .and_then(|k| VerifyingKey::from_bytes(&k).ok())
        .ok_or(bad(BundleProblem::BadSignature))?;
    let signature = Signature::from_bytes(&<[u8; 64]>::try_from(&tail[36..]).expect("64 bytes"));
    key.verify_strict(&archive[..n - SEAL], &signature)
        .map_err(|_| bad(BundleProblem::BadSignature))?;
    let at = n - SEAL - EOCD + 10;
    let entries = u16::from_le_bytes([archive[at], archive[at + 1]]);
    if entries == u16::MAX {
        return Err(bad(BundleProblem::TooLarge));
    }
    Ok((key, usize::from(entries)))
}

fn encrypt(plain: &[u8], pass: &SecretString) -> std::io::Result<Vec<u8>> {
    let mut recipient = age::scrypt::Recipient::new(pass.clone());
    recipient.set_work_factor(limits::SCRYPT_LOG_N);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .map_err(std::io::Error::other)?;
    let mut out = Vec::with_capacity(plain.len() + 256);
    let mut w = encryptor.wrap_output(&mut out)?;
    w.write_all(plain)?;
    w.finish()?;
    Ok(out)
}

/// Reads and checks the bundle at `path` (see the module's description).
pub fn read(path: &Path, passphrase: Option<&SecretString>) -> Result<Opened> {
    let mut sealed = open(path, passphrase)?;
    sealed.load_files()?;
    sealed.parse()
}

/// Reads and checks the bundle at `path` but for its records (see [`Sealed`]).
pub fn open(path: &Path, passphrase: Option<&SecretString>) -> Result<Sealed> {
    open_checked(path, passphrase, &|_, _| Ok(()))
}

/// As [`open`]; an encrypted file's outer seal is checked and its sender passed to
/// `before_decrypting` (which refuses a sender not trusted) before anything is decrypted.
pub fn open_checked(
    path: &Path,
    passphrase: Option<&SecretString>,
    before_decrypting: &dyn Fn(Uuid, &VerifyingKey) -> Result<()>,
) -> Result<Sealed> {
    let f = std::fs::File::open(path).map_err(Error::io(path))?;
    let len = f.metadata().map_err(Error::io(path))?.len();
    if len > limits::FILE {
        return Err(bad(BundleProblem::TooLarge));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    f.take(limits::FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(Error::io(path))?;
    open_bytes(bytes, passphrase, before_decrypting)
}

/// Whether the file at `path` is encrypted (it then needs a passphrase).
pub fn is_encrypted(path: &Path) -> Result<bool> {
    let mut head = [0u8; AGE_MAGIC.len()];
    let mut f = std::fs::File::open(path).map_err(Error::io(path))?;
    let n = f.read(&mut head).map_err(Error::io(path))?;
    Ok(n == head.len() && head == AGE_MAGIC)
}

/// Reads and checks a bundle held in memory (what [`read`] does after reading the file; the
/// fuzz target's entry point).
pub fn read_bytes(bytes: Vec<u8>, passphrase: Option<&SecretString>) -> Result<Opened> {
    let mut sealed = open_bytes(bytes, passphrase, &|_, _| Ok(()))?;
    sealed.load_files()?;
    sealed.parse()
}

fn open_bytes(
    bytes: Vec<u8>,
    passphrase: Option<&SecretString>,
    before_decrypting: &dyn Fn(Uuid, &VerifyingKey) -> Result<()>,
) -> Result<Sealed> {
    let mut outer = None;
    let bytes = if bytes.starts_with(AGE_MAGIC) {
        let (ciphertext, sender, key) = unseal_outside(&bytes)?;
        before_decrypting(sender, &key)?;
        let pass = passphrase.ok_or(bad(BundleProblem::NeedsPassphrase))?;
        outer = Some((sender, key));
        decrypt(ciphertext, pass)?
    } else {
        bytes
    };
    let (key, entries) = unseal(&bytes)?;
    let sealed = open_zip(bytes, key, entries)?;
    // Inside, the same sender with the same key.
    if let Some((sender, key)) = outer
        && (sealed.key != key || sealed.manifest.sender != sender)
    {
        return Err(bad(BundleProblem::BadSignature));
    }
    Ok(sealed)
}

fn decrypt(bytes: &[u8], pass: &SecretString) -> Result<Vec<u8>> {
    let decryptor = age::Decryptor::new_buffered(bytes).map_err(|_| bad(BundleProblem::Damaged))?;
    if !decryptor.is_scrypt() {
        return Err(bad(BundleProblem::Damaged));
    }
    let mut identity = age::scrypt::Identity::new(pass.clone());
    identity.set_max_work_factor(limits::SCRYPT_LOG_N);
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::ExcessiveWork { .. } => bad(BundleProblem::TooLarge),
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys => bad(BundleProblem::WrongPassphrase),
            _ => bad(BundleProblem::Damaged),
        })?;
    let mut out = Vec::new();
    (&mut reader)
        .take(limits::FILE + 1)
        .read_to_end(&mut out)
        .map_err(|_| bad(BundleProblem::Damaged))?;
    if out.len() as u64 > limits::FILE {
        return Err(bad(BundleProblem::TooLarge));
    }
    Ok(out)
}

/// The kind of an entry, judged by its name alone.
fn entry_limit(name: &str) -> Option<u64> {
    match name {
        MANIFEST => Some(limits::MANIFEST),
        RECORDS => Some(limits::RECORDS),
        _ => {
            let sha = name.strip_prefix(ATTACHMENTS)?;
            (sha.len() == 64 && sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
                .then_some(limits::ATTACHMENT)
        }
    }
}

fn read_entry<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    limit: u64,
) -> Result<Vec<u8>> {
    let entry = zip
        .by_name(name)
        .map_err(|_| bad(BundleProblem::Missing(name.into())))?;
    // Sized by what the archive declares (at most the limit) and zeroed by the allocator,
    // so the buffer is not regrown and cleared again and again while inflating.
    let mut out = vec![0u8; entry.size().min(limit) as usize];
    let mut reader = entry.take(limit + 1);
    let mut filled = 0;
    while filled < out.len() {
        match reader.read(&mut out[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(bad(BundleProblem::Damaged)),
        }
    }
    out.truncate(filled);
    // Whatever the declared size left out (and the end, where the checksum is checked).
    reader
        .read_to_end(&mut out)
        .map_err(|_| bad(BundleProblem::Damaged))?;
    if out.len() as u64 > limit {
        return Err(bad(BundleProblem::TooLarge));
    }
    Ok(out)
}

fn open_zip(archive: Vec<u8>, key: VerifyingKey, declared: usize) -> Result<Sealed> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(&archive[..])).map_err(|_| bad(BundleProblem::Damaged))?;
    if zip.len() != declared {
        return Err(bad(BundleProblem::DuplicateEntry));
    }
    // Names first: every entry must be one we expect, once, a plain file within its limit.
    let mut names = HashSet::new();
    let mut caps = BTreeMap::new();
    let mut attachments_total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|_| bad(BundleProblem::Damaged))?;
        let name = entry.name().to_string();
        let limit =
            entry_limit(&name).ok_or_else(|| bad(BundleProblem::UnsafeEntry(name.clone())))?;
        if entry.is_dir() || entry.is_symlink() {
            return Err(bad(BundleProblem::UnsafeEntry(name)));
        }
        // What it may inflate to: its limit, and a bounded multiple of what it takes here.
        let cap = limit.min(
            entry
                .compressed_size()
                .saturating_mul(limits::INFLATE_RATIO)
                .max(limits::INFLATE_FLOOR),
        );
        if entry.size() > cap {
            return Err(bad(BundleProblem::TooLarge));
        }
        caps.insert(name.clone(), cap);
        if name.starts_with(ATTACHMENTS) {
            attachments_total += entry.size();
        }
        if !names.insert(name.clone()) {
            return Err(bad(BundleProblem::DuplicateEntry));
        }
    }
    if attachments_total > limits::ATTACHMENTS {
        return Err(bad(BundleProblem::TooLarge));
    }
    // The manifest, then every entry against it.
    let manifest_bytes = read_entry(&mut zip, MANIFEST, limits::MANIFEST)?;
    let version: serde_json::Value = serde_json::from_slice(&manifest_bytes)
        .map_err(|_| bad(BundleProblem::Malformed("manifest".into())))?;
    if version
        .get("format")
        .and_then(|v| v.as_u64())
        .is_some_and(|v| v > u64::from(FORMAT))
    {
        return Err(bad(BundleProblem::NewerFormat));
    }
    let manifest: Manifest = serde_json::from_value(version)
        .map_err(|_| bad(BundleProblem::Malformed("manifest".into())))?;
    if manifest.format != FORMAT {
        return Err(bad(BundleProblem::Malformed("format".into())));
    }
    let listed: HashSet<String> = manifest
        .entries
        .keys()
        .cloned()
        .chain([MANIFEST.to_string()])
        .collect();
    if listed != names {
        return Err(bad(BundleProblem::Malformed("entries".into())));
    }
    let total = manifest
        .counts
        .values()
        .try_fold(0u64, |sum, n| sum.checked_add(*n));
    if total.is_none_or(|n| n > limits::RECORD_COUNT) {
        return Err(bad(BundleProblem::TooLarge));
    }
    // The sizes the manifest declares are what is inflated: within the same bounds.
    if manifest
        .entries
        .iter()
        .any(|(name, want)| caps.get(name).is_none_or(|cap| want.size > *cap))
    {
        return Err(bad(BundleProblem::TooLarge));
    }
    // The attachments are read once the sender is trusted, the records as they are parsed.
    drop(zip);
    Ok(Sealed {
        manifest,
        key,
        archive,
        files: BTreeMap::new(),
    })
}

impl Sealed {
    /// Inflates the attached files and checks each against its size and SHA-256 in the
    /// manifest. Called once the sender is trusted: until then nothing is inflated but the
    /// manifest.
    pub fn load_files(&mut self) -> Result<()> {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.archive[..]))
            .map_err(|_| bad(BundleProblem::Damaged))?;
        let mut files = BTreeMap::new();
        for (name, want) in &self.manifest.entries {
            let Some(sha) = name.strip_prefix(ATTACHMENTS) else {
                continue;
            };
            let limit = entry_limit(name).unwrap_or(0).min(want.size);
            let content = read_entry(&mut zip, name, limit)?;
            if content.len() as u64 != want.size || sha_hex(&content) != want.sha256 {
                return Err(bad(BundleProblem::HashMismatch(name.clone())));
            }
            files.insert(sha.to_string(), content);
        }
        self.files = files;
        Ok(())
    }

    /// Reads every record. The records' hash is computed while they are parsed (into
    /// memory only); a mismatch is what is reported, whatever the parse found.
    pub fn parse(self) -> Result<Opened> {
        let bytes = self.inflate()?;
        let (sha, records) = std::thread::scope(|s| {
            let sha = s.spawn(|| sha_hex(&bytes));
            let records = parse_records(&bytes, &self.manifest);
            (sha.join().expect("hashing does not panic"), records)
        });
        self.check_hash(&sha)?;
        Ok(Opened {
            records: records?,
            manifest: self.manifest,
            key: self.key,
            files: self.files,
        })
    }

    /// The records entry inflated whole, of the size the manifest declares (its hash is
    /// for the caller to check, see [`Sealed::check_hash`]).
    pub fn inflate(&self) -> Result<Vec<u8>> {
        let bytes = self.with_records(|r| {
            // Sized by what the manifest declares and zeroed by the allocator, so the buffer
            // is not regrown and cleared again and again while inflating; anything beyond is
            // read too, to be seen.
            let mut all = vec![0u8; self.records_size() as usize];
            let n = read_fully(r, &mut all)?;
            all.truncate(n);
            r.read_to_end(&mut all)
                .map_err(|_| bad(BundleProblem::Damaged))?;
            Ok(all)
        })?;
        self.check_size(bytes.len() as u64)?;
        Ok(bytes)
    }

    /// Hands the records to `merge` in batches, in the file's order, inflated and read on
    /// another thread meanwhile; the records' size, hash and counts are checked at the end.
    /// A failure of the hash, then of the reading, is told before one of `merge` (which
    /// then saw only part of the records: its work is to be undone).
    pub fn stream(&self, mut merge: impl FnMut(&[Record]) -> Result<()>) -> Result<()> {
        const BATCH_BYTES: usize = 1 << 20;
        let manifest = &self.manifest;
        let (read, merged) = std::thread::scope(|s| {
            let (to_merge, batches) = std::sync::mpsc::sync_channel::<Vec<Record>>(2);
            // Merged batches go back to be freed where they were made: freeing on another
            // thread contends with that thread's allocations.
            let (to_free, merged_batches) = std::sync::mpsc::channel::<Vec<Record>>();
            let reader = s.spawn(move || {
                self.with_records(|r| {
                    let mut hash = Sha256::new();
                    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
                    let (mut size, mut lines) = (0u64, 0usize);
                    // Whole lines of `buf` are parsed; a line cut at its end waits there.
                    let mut buf: Vec<u8> = Vec::with_capacity(2 * BATCH_BYTES);
                    loop {
                        let kept = buf.len();
                        buf.resize(kept + BATCH_BYTES, 0);
                        let n = read_fully(r, &mut buf[kept..])?;
                        buf.truncate(kept + n);
                        hash.update(&buf[kept..]);
                        size += n as u64;
                        if size > self.records_size() {
                            return Err(bad(BundleProblem::HashMismatch(RECORDS.into())));
                        }
                        let end = if n == 0 {
                            buf.len()
                        } else {
                            match buf.iter().rposition(|b| *b == b'\n') {
                                Some(at) => at + 1,
                                None if buf.len() > limits::LINE => {
                                    return Err(bad(BundleProblem::TooLarge));
                                }
                                None => continue,
                            }
                        };
                        merged_batches.try_iter().for_each(drop);
                        let (records, part_counts, n_lines) =
                            parse_lines(&buf[..end], || lines, manifest)?;
                        lines += n_lines;
                        buf.drain(..end);
                        add_counts(&mut counts, part_counts);
                        if counts
                            .iter()
                            .any(|(t, n)| *n > manifest.counts.get(t).copied().unwrap_or(0))
                        {
                            return Err(malformed_counts());
                        }
                        if to_merge.send(records).is_err() {
                            // The merge stopped: its error is the one told.
                            return Ok(None);
                        }
                        if n == 0 {
                            return Ok(Some((size, hex::encode(hash.finalize()), counts)));
                        }
                    }
                })
            });
            let mut merged = Ok(());
            for batch in batches {
                merged = merge(&batch);
                let _ = to_free.send(batch);
                if merged.is_err() {
                    break;
                }
            }
            (
                reader.join().expect("a reading thread does not panic"),
                merged,
            )
        });
        if let Some((size, sha, counts)) = read? {
            self.check_size(size)?;
            self.check_hash(&sha)?;
            check_counts(&counts, manifest)?;
        }
        merged
    }

    /// Runs `f` with a reader of the records entry, inflating it (at most its limit and a
    /// byte, so that a larger one is seen).
    fn with_records<T>(&self, f: impl FnOnce(&mut dyn Read) -> Result<T>) -> Result<T> {
        let mut zip = zip::ZipArchive::new(Cursor::new(&self.archive[..]))
            .map_err(|_| bad(BundleProblem::Damaged))?;
        let entry = zip
            .by_name(RECORDS)
            .map_err(|_| bad(BundleProblem::Missing(RECORDS.into())))?;
        f(&mut entry.take(self.records_size() + 1))
    }

    /// The records' size the manifest declares, within the limit.
    fn records_size(&self) -> u64 {
        self.manifest
            .entries
            .get(RECORDS)
            .map_or(0, |e| e.size)
            .min(limits::RECORDS)
    }

    fn check_size(&self, size: u64) -> Result<()> {
        let declared = self.manifest.entries.get(RECORDS).map_or(0, |e| e.size);
        if declared > limits::RECORDS {
            return Err(bad(BundleProblem::TooLarge));
        }
        if size != declared {
            return Err(bad(BundleProblem::HashMismatch(RECORDS.into())));
        }
        Ok(())
    }

    /// Whether `sha` is the hash the manifest declares for the records.
    pub(super) fn check_hash(&self, sha: &str) -> Result<()> {
        if self
            .manifest
            .entries
            .get(RECORDS)
            .is_some_and(|want| want.sha256 != sha)
        {
            return Err(bad(BundleProblem::HashMismatch(RECORDS.into())));
        }
        Ok(())
    }
}

/// Reads until `buf` is full or the input ends; how much was read. A damaged entry (its
/// deflate stream or checksum) is a damaged file.
fn read_fully(r: &mut dyn Read, buf: &mut [u8]) -> Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match r.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(bad(BundleProblem::Damaged)),
        }
    }
    Ok(filled)
}

/// The records entry `bytes` cut into as many parts as there are cores (at most 4), each
/// starting a line.
pub(super) fn parts_at_lines(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let parts = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut starts = vec![0];
    for k in 1..parts {
        let from = (bytes.len() * k / parts).max(*starts.last().expect("a start"));
        match bytes[from..].iter().position(|b| *b == b'\n') {
            Some(at) => starts.push(from + at + 1),
            None => break,
        }
    }
    starts.push(bytes.len());
    starts.windows(2).map(|w| w[0]..w[1]).collect()
}

fn parse_records(bytes: &[u8], manifest: &Manifest) -> Result<Vec<Record>> {
    let chunks: Vec<Result<Part>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts_at_lines(bytes)
            .into_iter()
            .map(|part| {
                s.spawn(move || {
                    let from = part.start;
                    let earlier = || bytes[..from].iter().filter(|b| **b == b'\n').count();
                    parse_lines(&bytes[part], earlier, manifest)
                        .map(|(records, counts, _)| (records, counts))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a parsing thread does not panic"))
            .collect()
    });
    let mut records = Vec::with_capacity(
        chunks
            .iter()
            .map(|c| c.as_ref().map_or(0, |(part, _)| part.len()))
            .sum(),
    );
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    for chunk in chunks {
        let (part, part_counts) = chunk?;
        records.extend(part);
        add_counts(&mut counts, part_counts);
    }
    check_counts(&counts, manifest)?;
    Ok(records)
}

/// Adds the counts of one part to `counts`.
pub(super) fn add_counts(counts: &mut BTreeMap<String, u64>, part: BTreeMap<String, u64>) {
    for (t, n) in part {
        *counts.entry(t).or_default() += n;
    }
}

/// The records read, per table, are those the manifest declares.
pub(super) fn check_counts(counts: &BTreeMap<String, u64>, manifest: &Manifest) -> Result<()> {
    if *counts
        != manifest
            .counts
            .iter()
            .filter(|(_, n)| **n > 0)
            .map(|(k, v)| (k.clone(), *v))
            .collect::<BTreeMap<_, _>>()
    {
        return Err(malformed_counts());
    }
    Ok(())
}

/// Records of a table beyond what the manifest declares, or fewer.
pub(super) fn malformed_counts() -> Error {
    bad(BundleProblem::Malformed("counts".into()))
}

/// The records read from one part of the records entry, and how many of each table.
type Part = (Vec<Record>, BTreeMap<String, u64>);

/// Reads the record lines of `part`, a part of the records entry that starts a line;
/// `earlier` tells how many lines come before it (for a message). No part may hold more of
/// a table than the manifest declares for the whole. Also how many lines it holds.
fn parse_lines(
    part: &[u8],
    earlier: impl Fn() -> usize,
    manifest: &Manifest,
) -> Result<(Vec<Record>, BTreeMap<String, u64>, usize)> {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let lines = part.iter().filter(|b| **b == b'\n').count();
    let mut records = Vec::with_capacity(lines + 1);
    for (n, line) in part.split(|b| *b == b'\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let malformed = || {
            bad(BundleProblem::Malformed(format!(
                "record {}",
                earlier() + n + 1
            )))
        };
        let r = parse_line(line, || earlier() + n + 1)?;
        let c = match counts.get_mut(r.t.as_str()) {
            Some(c) => c,
            None => counts.entry(r.t.to_string()).or_default(),
        };
        *c += 1;
        if *c > manifest.counts.get(r.t.as_str()).copied().unwrap_or(0) {
            return Err(malformed());
        }
        records.push(r);
    }
    Ok((records, counts, lines))
}

/// One record line, number `number` (for a message), read whole and checked against the
/// limits.
pub(super) fn parse_line(line: &[u8], number: impl Fn() -> usize) -> Result<Record> {
    if line.len() > limits::LINE {
        return Err(bad(BundleProblem::TooLarge));
    }
    let r: Record = serde_json::from_slice(line)
        .map_err(|_| bad(BundleProblem::Malformed(format!("record {}", number()))))?;
    let fits = |v: &Val| match v {
        Val::Text(s) => s.len() <= limits::TEXT,
        Val::Blob(b) => b.len() <= 64,
        _ => true,
    };
    if !r.row.as_ref().is_none_or(|row| row.iter().all(fits)) {
        return Err(bad(BundleProblem::TooLarge));
    }
    Ok(r)
}

/// The newest clock a record carries; an error when one is too far in the future.
pub(crate) fn newest_clock(r: &Record) -> Result<&str> {
    let mut newest = "";
    for h in r
        .clocks
        .values()
        .map(|c| c.h.as_str())
        .chain(r.del.as_deref())
    {
        if !clock::acceptable(h) {
            return Err(Error::Bundle(BundleProblem::FutureClock));
        }
        newest = newest.max(h);
    }
    Ok(newest)
}
