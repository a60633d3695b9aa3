//! The dossier's files in a register folder: the dossier file (`kaijisho-dossier.json`, the
//! hospital's risk notes) and the copies of every statement as received
//! (`kaijisho-received/<file name>/<day>_<sha256 prefix>.<ext>`): a statement replaced by a newer
//! one keeps its copy, so the dossier can show what was received when. Copies are only ever
//! added, never changed or removed.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::error::{FileError, FileKind};
use super::read::{ReadError, read_limited};
use crate::domain::catalogue::hex;
use crate::domain::dossier::{DOSSIER_FILE, DossierFile, RECEIVED_FOLDER, ReceivedCopy};

/// Largest dossier file read.
const MAX_BYTES: u64 = 64 * 1024 * 1024;
/// Largest statement file copied (the larger of a project's and a workbook's limits).
const MAX_STATEMENT_BYTES: u64 = 64 * 1024 * 1024;
/// The most copies listed per statement (one per version received).
pub const MAX_COPIES: usize = 1_000;
/// Hex digits of the SHA-256 in a copy's name.
const HASH_DIGITS: usize = 16;

/// The dossier file of a register folder.
pub fn dossier_path(folder: &Path) -> PathBuf {
    folder.join(DOSSIER_FILE)
}

/// The dossier file of `folder` (empty when there is none), with the digest of what was read.
pub fn load_dossier_digest(folder: &Path) -> Result<(DossierFile, Option<[u8; 32]>), FileError> {
    let path = dossier_path(folder);
    if !path.exists() {
        return Ok((DossierFile::default(), None));
    }
    let bytes = read_limited(&path, MAX_BYTES)?;
    let sum: [u8; 32] = Sha256::digest(&bytes).into();
    let text = super::probe::text_bytes(&path, &bytes)?;
    let found = super::probe::probe(&path, text)?
        .kind
        .unwrap_or(FileKind::Foreign);
    if found != FileKind::Dossier {
        return Err(FileError::WrongKind {
            path,
            expected: FileKind::Dossier,
            found,
        });
    }
    Ok((super::json::typed(&path, text)?, Some(sum)))
}

/// Writes a dossier file atomically, refusing when it changed on disk since it was read
/// (`expected`). Returns the digest of what was written.
pub fn save_dossier_checked(
    path: &Path,
    dossier: &DossierFile,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    super::json::save_json_checked(path, dossier, expected, MAX_BYTES)
}

/// Keeps a copy of `statement` (a file of the register folder `folder`) unless one of the same
/// bytes is kept already, and lists every copy kept of it, oldest first. `today` names a new
/// copy (`2026-12-07`).
pub fn keep_copy(
    folder: &Path,
    statement: &Path,
    today: &str,
) -> Result<Vec<ReceivedCopy>, FileError> {
    let name = statement
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = read_limited(statement, MAX_STATEMENT_BYTES)?;
    let sha = hex(&Sha256::digest(&bytes));
    let prefix = sha.get(..HASH_DIGITS).unwrap_or(&sha).to_string();
    let dir = folder.join(RECEIVED_FOLDER).join(&name);
    let mut copies = copies_in(folder, &name)?;
    if !copies.iter().any(|c| c.sha256 == prefix) {
        std::fs::create_dir_all(&dir).map_err(|source| {
            FileError::Read(ReadError::Io {
                path: dir.clone(),
                source,
            })
        })?;
        let ext = statement
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        let copy_name = format!("{today}_{prefix}.{ext}");
        let copy = dir.join(&copy_name);
        super::atomic::atomic_write_within(&copy, &bytes, MAX_STATEMENT_BYTES)?;
        copies.push(ReceivedCopy {
            seen: today.to_string(),
            sha256: prefix,
            copy: format!("{RECEIVED_FOLDER}/{name}/{copy_name}"),
        });
        copies.sort_by(|a, b| a.copy.cmp(&b.copy));
    }
    Ok(copies)
}

/// The copies kept of the statement `name` of `folder`, oldest first (none when there are none).
pub fn copies_in(folder: &Path, name: &str) -> Result<Vec<ReceivedCopy>, FileError> {
    let dir = folder.join(RECEIVED_FOLDER).join(name);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(FileError::Read(ReadError::Io { path: dir, source })),
    };
    let mut copies = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| {
            FileError::Read(ReadError::Io {
                path: dir.clone(),
                source,
            })
        })?;
        let file = entry.file_name().to_string_lossy().into_owned();
        // `<day>_<hash>.<ext>`; anything else in the folder is not ours and is left alone.
        let stem = file.split('.').next().unwrap_or_default();
        let Some((seen, sha)) = stem.split_once('_') else {
            continue;
        };
        if seen.len() != 10 || sha.len() != HASH_DIGITS {
            continue;
        }
        if copies.len() >= MAX_COPIES {
            return Err(FileError::TooManyFiles {
                path: dir,
                limit: MAX_COPIES,
            });
        }
        copies.push(ReceivedCopy {
            seen: seen.to_string(),
            sha256: sha.to_string(),
            copy: format!("{RECEIVED_FOLDER}/{name}/{file}"),
        });
    }
    copies.sort_by(|a, b| a.copy.cmp(&b.copy));
    Ok(copies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_kept_once_per_version_received() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path().join("A社.json");
        std::fs::write(&s, b"{\"v\": 1}").unwrap();
        let first = keep_copy(dir.path(), &s, "2026-04-10").unwrap();
        assert_eq!(first.len(), 1);
        assert!(
            first[0]
                .copy
                .starts_with("kaijisho-received/A社.json/2026-04-10_")
        );
        assert_eq!(
            std::fs::read(dir.path().join(&first[0].copy)).unwrap(),
            b"{\"v\": 1}"
        );
        // The same bytes again: no new copy. A newer version: a second, the first kept.
        assert_eq!(keep_copy(dir.path(), &s, "2026-05-01").unwrap(), first);
        std::fs::write(&s, b"{\"v\": 2}").unwrap();
        let both = keep_copy(dir.path(), &s, "2026-12-07").unwrap();
        assert_eq!(both.len(), 2);
        assert_eq!(both[0], first[0]);
        assert_eq!(both[1].seen, "2026-12-07");
        // What is not a copy's name is left out.
        std::fs::write(dir.path().join("kaijisho-received/A社.json/メモ.txt"), b"x").unwrap();
        assert_eq!(copies_in(dir.path(), "A社.json").unwrap().len(), 2);
    }

    #[test]
    fn a_dossier_file_is_read_back_and_a_foreign_file_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load_dossier_digest(dir.path()).unwrap(),
            (DossierFile::default(), None)
        );
        let mut d = DossierFile::default();
        d.notes.entry("a.json".into()).or_default().insert(
            "q1".into(),
            crate::domain::dossier::RiskNote {
                assessment: "評価".into(),
                ..Default::default()
            },
        );
        let sum = save_dossier_checked(&dossier_path(dir.path()), &d, None).unwrap();
        assert_eq!(load_dossier_digest(dir.path()).unwrap(), (d, Some(sum)));
        std::fs::write(dossier_path(dir.path()), "{\"format\": \"other\"}").unwrap();
        assert!(matches!(
            load_dossier_digest(dir.path()),
            Err(FileError::WrongKind { .. })
        ));
    }
}
