//! Where exchange files are looked for: the folders the user names (Downloads) and the roots
//! of removable drives (USB sticks), one level deep.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::bundle::EXTENSION;

/// An exchange file found on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleFile {
    /// Full path.
    pub path: PathBuf,
    /// Size, KB.
    pub size_kb: u32,
    /// Last modified (UTC, RFC 3339).
    pub modified: String,
}

/// Roots of the drives a USB stick appears under: `/media/<user>/*`, `/run/media/<user>/*`
/// on Linux, `/Volumes/*` on macOS, `D:\` … `Z:\` on Windows.
pub fn removable_roots() -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if cfg!(windows) {
        for letter in b'D'..=b'Z' {
            let root = PathBuf::from(format!("{}:\\", letter as char));
            if root.is_dir() {
                roots.push(root);
            }
        }
        return roots;
    }
    let user = std::env::var("USER").unwrap_or_default();
    for base in [
        PathBuf::from("/media").join(&user),
        PathBuf::from("/run/media").join(&user),
        PathBuf::from("/Volumes"),
    ] {
        roots.extend(subdirs(&base));
    }
    roots
}

fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect()
}

/// Exchange files in `folders` and in their subfolders, newest first.
pub fn find(folders: &[PathBuf]) -> Vec<BundleFile> {
    let mut found = Vec::new();
    for folder in folders {
        for dir in std::iter::once(folder.clone()).chain(subdirs(folder)) {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let path = e.path();
                let Ok(meta) = e.metadata() else { continue };
                if meta.is_file() && path.extension().is_some_and(|x| x == EXTENSION) {
                    let modified = meta
                        .modified()
                        .map(|t| crate::store::value::ts(chrono::DateTime::<chrono::Utc>::from(t)))
                        .unwrap_or_default();
                    found.push(BundleFile {
                        path,
                        size_kb: u32::try_from(meta.len().div_ceil(1024)).unwrap_or(u32::MAX),
                        modified,
                    });
                }
            }
        }
    }
    found.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    found.dedup_by(|a, b| a.path == b.path);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bundles_in_a_folder_and_one_level_below_only() {
        let dir = tempfile::TempDir::new().unwrap();
        let sub = dir.path().join("USB").join("deep");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(dir.path().join("a.gbx"), b"x").unwrap();
        std::fs::write(dir.path().join("USB").join("b.gbx"), b"x").unwrap();
        std::fs::write(sub.join("c.gbx"), b"x").unwrap();
        std::fs::write(dir.path().join("note.txt"), b"x").unwrap();
        let names: Vec<String> = find(&[dir.path().to_path_buf()])
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(sorted, ["a.gbx", "b.gbx"]);
    }
}
