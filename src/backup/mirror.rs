//! The backups made at start and after minutes of editing, written in proportion to what
//! changed: a page-for-page copy of the database (`giaoban.mirror`) kept with a hash of each
//! page (`giaoban.mirror.sums`). An update reads a snapshot's pages (`sqlite_dbpage`, one
//! read transaction), and writes only the pages whose hash changed, after saving the pages
//! it replaces in an undo file (`giaoban-<stamp>-<reason>.undo`) that brings the copy back
//! to the point before. The newest point is the mirror; an older one is the mirror with the
//! undo files from the newest down to it applied. The new hashes are the commit: an update
//! interrupted before them is rolled back from its undo file at the next one.

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use super::{Backup, Reason, STAMP, kib, sync_dir, sync_file};
use crate::error::{Error, Result};
use crate::store::Store;

const MIRROR: &str = "giaoban.mirror";
const SUMS: &str = "giaoban.mirror.sums";
const UNDO_PART: &str = "giaoban.mirror.undo.part";
/// An undo file's name ends so.
pub(super) const UNDO: &str = ".undo";
const HASH: usize = 16;

type Hash = [u8; HASH];

fn hash(page: &[u8]) -> Hash {
    let full = Sha256::digest(page);
    let mut h = [0; HASH];
    h.copy_from_slice(&full[..HASH]);
    h
}

/// What the mirror holds: its point in time, the data's generation, and each page's hash.
struct Sums {
    page_size: u32,
    made_at: NaiveDateTime,
    reason: Reason,
    generation: (String, String, i64),
    pages: Vec<Hash>,
}

impl Sums {
    fn read(dir: &Path) -> Option<Sums> {
        let file = File::open(dir.join(SUMS)).ok()?;
        let mut r = BufReader::new(file);
        let mut head = String::new();
        r.read_line(&mut head).ok()?;
        let f: Vec<&str> = head.trim_end().split(' ').collect();
        let [
            "GBSUMS1",
            size,
            count,
            stamp,
            tag,
            installation,
            generation,
            schema,
        ] = f[..]
        else {
            return None;
        };
        let count: usize = count.parse().ok()?;
        let mut pages = vec![[0u8; HASH]; count];
        for p in &mut pages {
            r.read_exact(p).ok()?;
        }
        Some(Sums {
            page_size: size.parse().ok()?,
            made_at: NaiveDateTime::parse_from_str(stamp, STAMP).ok()?,
            reason: Reason::from_tag(tag)?,
            generation: (
                installation.to_string(),
                generation.to_string(),
                schema.parse().ok()?,
            ),
            pages,
        })
    }

    /// Written whole, synced, then renamed into place: the commit of an update.
    fn write(&self, dir: &Path) -> Result<()> {
        let part = dir.join(format!("{SUMS}.part"));
        let mut w = BufWriter::new(File::create(&part).map_err(Error::io(&part))?);
        let (installation, generation, schema) = &self.generation;
        let head = format!(
            "GBSUMS1 {} {} {} {} {installation} {generation} {schema}\n",
            self.page_size,
            self.pages.len(),
            self.made_at.format(STAMP),
            self.reason.tag(),
        );
        w.write_all(head.as_bytes()).map_err(Error::io(&part))?;
        for p in &self.pages {
            w.write_all(p).map_err(Error::io(&part))?;
        }
        w.into_inner()
            .map_err(|e| Error::io(&part)(e.into_error()))?
            .sync_all()
            .map_err(Error::io(&part))?;
        let sums = dir.join(SUMS);
        fs::rename(&part, &sums).map_err(Error::io(&sums))?;
        sync_dir(dir);
        Ok(())
    }

    fn point(&self, dir: &Path) -> Backup {
        let path = dir.join(MIRROR);
        let size_kb = fs::metadata(&path).map_or(0, |m| kib(m.len()));
        Backup {
            path,
            made_at: self.made_at,
            reason: self.reason,
            size_kb,
        }
    }
}

/// The mirror as the newest backup point of `dir`, when there is one.
pub(super) fn newest(dir: &Path) -> Option<Backup> {
    let sums = Sums::read(dir)?;
    dir.join(MIRROR).is_file().then(|| sums.point(dir))
}

/// Whether `file` is a point of a mirror (the mirror itself or an undo file).
pub(super) fn is_point(file: &Path) -> bool {
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
    name.is_some_and(|n| n == MIRROR || n.ends_with(UNDO))
}

/// Brings the mirror in `dir` to the data of the database at `db` now, as a backup point
/// made at `now` for `reason`; nothing is written when the data has not changed since the
/// mirror's point (that point is returned).
pub(super) fn update(db: &Path, dir: &Path, reason: Reason, now: NaiveDateTime) -> Result<Backup> {
    recover(dir)?;
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // One read transaction: the generation and every page are of the same snapshot.
    conn.execute_batch("BEGIN")?;
    let generation = Store::generation(&conn)?;
    let page_size: u32 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
    let old = Sums::read(dir).filter(|s| s.page_size == page_size && dir.join(MIRROR).is_file());
    if let Some(old) = &old
        && old.generation == generation
        && !generation.0.is_empty()
        && !generation.1.is_empty()
    {
        return Ok(old.point(dir));
    }
    let mut sums = Sums {
        page_size,
        made_at: now,
        reason,
        generation,
        pages: Vec::new(),
    };
    let mut stmt = conn.prepare("SELECT pgno, data FROM sqlite_dbpage ORDER BY pgno")?;
    let mut rows = stmt.query([])?;
    match old {
        None => {
            // The first point: every page, into a file that takes its name once whole.
            let part = dir.join(format!("{MIRROR}.part"));
            let mut w = BufWriter::new(File::create(&part).map_err(Error::io(&part))?);
            while let Some(r) = rows.next()? {
                let data = page_of(r.get_ref(1)?, db)?;
                sums.pages.push(hash(data));
                w.write_all(data).map_err(Error::io(&part))?;
            }
            let file = w
                .into_inner()
                .map_err(|e| Error::io(&part)(e.into_error()))?;
            file.sync_all().map_err(Error::io(&part))?;
            drop(file);
            check_pages(&part, &sums, 1..=sums.pages.len() as u32)?;
            let mirror = dir.join(MIRROR);
            fs::rename(&part, &mirror).map_err(Error::io(&mirror))?;
            sums.write(dir)?;
        }
        Some(old) => {
            let mut changed: Vec<(u32, Vec<u8>)> = Vec::new();
            while let Some(r) = rows.next()? {
                let pgno: u32 = r.get(0)?;
                let data = page_of(r.get_ref(1)?, db)?;
                let h = hash(data);
                if old.pages.get(pgno as usize - 1) != Some(&h) {
                    changed.push((pgno, data.to_vec()));
                }
                sums.pages.push(h);
            }
            if changed.is_empty() && sums.pages.len() == old.pages.len() {
                // The same pages (a database written before generations were kept).
                return Ok(old.point(dir));
            }
            write_changes(dir, &old, &sums, &changed)?;
        }
    }
    drop(rows);
    drop(stmt);
    conn.execute_batch("COMMIT")?;
    Ok(sums.point(dir))
}

/// A page as `sqlite_dbpage` gives it.
fn page_of<'a>(v: rusqlite::types::ValueRef<'a>, db: &Path) -> Result<&'a [u8]> {
    match v {
        rusqlite::types::ValueRef::Blob(b) => Ok(b),
        _ => Err(Error::Corrupt {
            path: db.to_path_buf(),
        }),
    }
}

/// Saves what the mirror holds of the `changed` pages in the undo part, writes them, checks
/// them, commits the new hashes, and names the undo file after the point it restores.
fn write_changes(dir: &Path, old: &Sums, new: &Sums, changed: &[(u32, Vec<u8>)]) -> Result<()> {
    let size = u64::from(new.page_size);
    let mirror_path = dir.join(MIRROR);
    let part = dir.join(UNDO_PART);
    let mut mirror = OpenOptions::new()
        .read(true)
        .write(true)
        .open(&mirror_path)
        .map_err(Error::io(&mirror_path))?;
    {
        let mut w = BufWriter::new(File::create(&part).map_err(Error::io(&part))?);
        let head = format!(
            "GBUNDO1 {} {} {} {}\n",
            old.page_size,
            old.pages.len(),
            new.made_at.format(STAMP),
            undo_name(old),
        );
        w.write_all(head.as_bytes()).map_err(Error::io(&part))?;
        let mut page = vec![0u8; size as usize];
        for (pgno, _) in changed
            .iter()
            .filter(|(p, _)| (*p as usize) <= old.pages.len())
        {
            mirror
                .seek(SeekFrom::Start(u64::from(pgno - 1) * size))
                .and_then(|_| mirror.read_exact(&mut page))
                .map_err(Error::io(&mirror_path))?;
            w.write_all(&pgno.to_le_bytes()).map_err(Error::io(&part))?;
            w.write_all(&page).map_err(Error::io(&part))?;
        }
        w.into_inner()
            .map_err(|e| Error::io(&part)(e.into_error()))?
            .sync_all()
            .map_err(Error::io(&part))?;
    }
    sync_dir(dir);
    for (pgno, data) in changed {
        mirror
            .seek(SeekFrom::Start(u64::from(pgno - 1) * size))
            .and_then(|_| mirror.write_all(data))
            .map_err(Error::io(&mirror_path))?;
    }
    mirror
        .set_len(new.pages.len() as u64 * size)
        .and_then(|_| mirror.sync_all())
        .map_err(Error::io(&mirror_path))?;
    drop(mirror);
    check_pages(&mirror_path, new, changed.iter().map(|(p, _)| *p))?;
    new.write(dir)?;
    let name = dir.join(undo_name(old));
    fs::rename(&part, &name).map_err(Error::io(&name))?;
    sync_dir(dir);
    Ok(())
}

/// The name of the undo file that brings the mirror back to the point `old`.
fn undo_name(old: &Sums) -> String {
    format!(
        "{}{}-{}{UNDO}",
        super::PREFIX,
        old.made_at.format(STAMP),
        old.reason.tag()
    )
}

/// Reads back the pages `pgnos` of `file` and compares them with `sums`.
fn check_pages(file: &Path, sums: &Sums, pgnos: impl IntoIterator<Item = u32>) -> Result<()> {
    let size = u64::from(sums.page_size);
    let mut f = File::open(file).map_err(Error::io(file))?;
    let mut page = vec![0u8; size as usize];
    for pgno in pgnos {
        f.seek(SeekFrom::Start(u64::from(pgno - 1) * size))
            .and_then(|_| f.read_exact(&mut page))
            .map_err(Error::io(file))?;
        if Some(&hash(&page)) != sums.pages.get(pgno as usize - 1) {
            return Err(Error::Corrupt {
                path: file.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Applies the undo file `undo` to the page-for-page copy `file`: its pages as they were,
/// and its length.
fn apply_undo(file: &Path, undo: &Path) -> Result<()> {
    let mut r = BufReader::new(File::open(undo).map_err(Error::io(undo))?);
    let mut head = String::new();
    r.read_line(&mut head).map_err(Error::io(undo))?;
    let f: Vec<&str> = head.trim_end().split(' ').collect();
    let bad = || Error::Corrupt {
        path: undo.to_path_buf(),
    };
    let ["GBUNDO1", size, count, _, _] = f[..] else {
        return Err(bad());
    };
    let size: u64 = size.parse().map_err(|_| bad())?;
    let count: u64 = count.parse().map_err(|_| bad())?;
    let mut out = OpenOptions::new()
        .write(true)
        .open(file)
        .map_err(Error::io(file))?;
    let mut pgno = [0u8; 4];
    let mut page = vec![0u8; size as usize];
    // A record cut short by a crash was never written to the mirror: it is left out.
    while r.read_exact(&mut pgno).is_ok() && r.read_exact(&mut page).is_ok() {
        let at = u64::from(u32::from_le_bytes(pgno).saturating_sub(1)) * size;
        out.seek(SeekFrom::Start(at))
            .and_then(|_| out.write_all(&page))
            .map_err(Error::io(file))?;
    }
    out.set_len(count * size)
        .and_then(|_| out.sync_all())
        .map_err(Error::io(file))
}

/// After a crash: an undo part whose update was committed (the hashes name its point) is
/// given its name; one whose update was not is applied, bringing the mirror back.
fn recover(dir: &Path) -> Result<()> {
    let part = dir.join(UNDO_PART);
    if !part.exists() {
        return Ok(());
    }
    let mut head = String::new();
    BufReader::new(File::open(&part).map_err(Error::io(&part))?)
        .read_line(&mut head)
        .map_err(Error::io(&part))?;
    let f: Vec<&str> = head.trim_end().split(' ').collect();
    let (new_stamp, name) = match f[..] {
        ["GBUNDO1", _, _, stamp, name] => (stamp, name),
        // Its head cut short: nothing of the update reached the mirror.
        _ => {
            fs::remove_file(&part).map_err(Error::io(&part))?;
            return Ok(());
        }
    };
    let committed =
        Sums::read(dir).is_some_and(|s| s.made_at.format(STAMP).to_string() == new_stamp);
    if committed {
        let named = dir.join(name);
        fs::rename(&part, &named).map_err(Error::io(&named))?;
    } else {
        apply_undo(&dir.join(MIRROR), &part)?;
        fs::remove_file(&part).map_err(Error::io(&part))?;
    }
    sync_dir(dir);
    Ok(())
}

/// A copy of the point `point` (the mirror or one of its undo files) as a database file
/// beside it, for a restore: the mirror with every undo file from the newest down to
/// `point` applied.
pub(super) fn materialize(dir: &Path, point: &Path) -> Result<PathBuf> {
    let out = dir.join("giaoban.point.part");
    let mirror = dir.join(MIRROR);
    fs::copy(&mirror, &out).map_err(Error::io(&out))?;
    if point != mirror {
        let mut undos: Vec<Backup> = super::list(dir)?
            .into_iter()
            .filter(|b| b.path.to_string_lossy().ends_with(UNDO))
            .collect();
        // Newest first, down to the point asked for.
        undos.sort_by_key(|b| std::cmp::Reverse(b.made_at));
        let Some(at) = undos.iter().position(|b| b.path == point) else {
            let _ = fs::remove_file(&out);
            return Err(Error::NoDatabase {
                path: point.to_path_buf(),
            });
        };
        for b in &undos[..=at] {
            if let Err(e) = apply_undo(&out, &b.path) {
                let _ = fs::remove_file(&out);
                return Err(e);
            }
        }
    }
    // Bytes 18 and 19 of the header: a file of its own, not waiting for a write-ahead log.
    let plain = OpenOptions::new().write(true).open(&out).and_then(|mut f| {
        f.seek(SeekFrom::Start(18))
            .and_then(|_| f.write_all(&[1, 1]))
    });
    if let Err(e) = plain {
        let _ = fs::remove_file(&out);
        return Err(Error::io(&out)(e));
    }
    sync_file(&out)?;
    Ok(out)
}
