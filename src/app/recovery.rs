//! Recovery files: unsaved work written to the app's data folder a few seconds after each
//! edit, offered again after a crash. Each window writes its own file
//! (`recovery/<process>-<start>.json`) and holds a lock on it while it lives, so a second
//! window never offers — nor discards — the work of one still open. A recovery file that
//! cannot be read is moved aside and reported, and a recovery folder that cannot be read is
//! reported: never dropped silently.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::project::Project;
use crate::io;
use crate::io::lock::FileLock;

/// Largest recovery file read (the same bound as a project file).
pub(crate) const MAX_RECOVERY_BYTES: u64 = io::json::MAX_JSON_BYTES;

/// What a recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub path: Option<PathBuf>,
    /// A received statement's review file: recovered as a review, its statement never written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<PathBuf>,
    pub project: Project,
}

/// Unsaved work found at start-up, with the file it was found in and when that was written.
#[derive(Debug)]
pub struct Found {
    pub recovery: Recovery,
    /// The recovery file (held locked while it is offered).
    pub file: PathBuf,
    /// When it was last written, in local time (`2026-11-23 16:20`).
    pub saved: String,
    pub(crate) lock: Option<FileLock>,
}

/// This window's own recovery file and the lock it holds on it.
#[derive(Debug, Default)]
pub struct Own {
    pub(crate) file: Option<PathBuf>,
    pub(crate) lock: Option<FileLock>,
}

/// The folder of recovery files in the data folder.
pub(crate) fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// The files of the recovery folder (none when there is no folder yet); an error when it
/// cannot be listed.
fn listed(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    match std::fs::read_dir(dir) {
        Ok(entries) => entries.map(|e| e.map(|e| e.path())).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Recovery files a window may have left: the per-window ones, newest first, and the single
/// file of earlier versions. A folder that cannot be listed is an error (the legacy file is
/// still looked for).
pub(crate) fn candidates(data_dir: &Path) -> (Vec<PathBuf>, Option<std::io::Error>) {
    let (files, error) = match listed(&folder(data_dir)) {
        Ok(files) => (files, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = files
        .into_iter()
        .filter(|p| {
            p.extension().is_some_and(|x| x == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .map(|p| {
            let t = std::fs::metadata(&p)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (t, p)
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut out: Vec<PathBuf> = found.into_iter().map(|(_, p)| p).collect();
    let legacy = data_dir.join("recovery.json");
    if legacy.exists() {
        out.push(legacy);
    }
    (out, error)
}

/// Removes a recovery file and its `.bak`.
pub(crate) fn remove_with_backup(f: &Path) {
    for file in [io::backup_path(f), f.to_path_buf()] {
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => log::warn!("cannot remove {}: {e}", file.display()),
        }
    }
}
