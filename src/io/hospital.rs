//! The hospital's files: acceptance profiles (`kaijisho-profile`) and the register of a folder
//! of received statements (`kaijisho-register.json` beside them). Read with the same limits and
//! error positions as projects; written atomically.

use std::path::{Path, PathBuf};

use super::error::{FileError, FileKind};
use super::json::{save_json_value, typed};
use super::probe::{probe, text_bytes};
use super::read::read_limited;
use crate::domain::catalogue::Catalogue;
use crate::domain::profile::Profile;
use crate::domain::project::Project;
use crate::domain::register::{MAX_REGISTER_FILES, REGISTER_FILE, RegisterFile};
use crate::domain::review::{REVIEW_SUFFIX, ReviewFile};

/// Largest profile or register file read.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The file's text (checked to be of the `expected` kind) and the SHA-256 of its bytes.
pub(in crate::io) fn read_kind_digest(
    path: &Path,
    expected: FileKind,
) -> Result<(Vec<u8>, [u8; 32]), FileError> {
    let bytes = read_limited(path, MAX_BYTES)?;
    let sum = digest(&bytes);
    let text = text_bytes(path, &bytes)?;
    let found = probe(path, text)?.kind.unwrap_or(FileKind::Foreign);
    if found != expected {
        return Err(FileError::WrongKind {
            path: path.to_path_buf(),
            expected,
            found,
        });
    }
    Ok((text.to_vec(), sum))
}

/// Reads an acceptance profile and checks it (format, rules, accepted answers).
pub fn load_profile(path: &Path) -> Result<Profile, FileError> {
    load_profile_digest(path).map(|(p, _)| p)
}

/// [`load_profile`], with the digest of the bytes read.
pub fn load_profile_digest(path: &Path) -> Result<(Profile, [u8; 32]), FileError> {
    let (bytes, sum) = read_kind_digest(path, FileKind::Profile)?;
    let profile: Profile = typed(path, &bytes)?;
    let issues = profile.check();
    if issues.is_empty() {
        Ok((profile, sum))
    } else {
        Err(FileError::Profile {
            path: path.to_path_buf(),
            issues,
        })
    }
}

/// Writes a profile atomically (the previous file kept as `.bak`).
pub fn save_profile(path: &Path, profile: &Profile) -> Result<(), FileError> {
    save_json_value(path, profile, MAX_BYTES)
}

/// The SHA-256 of bytes read or written, to notice another program's changes before a save.
fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).into()
}

/// Writes a profile atomically, refusing when the file changed on disk since it was read
/// (`expected`). Returns the digest of what was written.
pub fn save_profile_checked(
    path: &Path,
    profile: &Profile,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    super::json::save_json_checked(path, profile, expected, MAX_BYTES)
}

/// [`load_register`], with the digest of the file read (`None` when there was none).
pub fn load_register_digest(folder: &Path) -> Result<(RegisterFile, Option<[u8; 32]>), FileError> {
    let path = folder.join(REGISTER_FILE);
    if !path.exists() {
        return Ok((RegisterFile::default(), None));
    }
    let (bytes, sum) = read_kind_digest(&path, FileKind::Register)?;
    Ok((typed(&path, &bytes)?, Some(sum)))
}

/// Writes a register file (`kaijisho-register.json` in its folder) atomically, refusing when it changed on disk since it
/// was read (`expected`). Returns the digest of what was written.
pub fn save_register_checked(
    path: &Path,
    register: &RegisterFile,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    super::json::save_json_checked(path, register, expected, MAX_BYTES)
}

/// The register file of `folder`: read when present, empty when not.
pub fn load_register(folder: &Path) -> Result<RegisterFile, FileError> {
    load_register_digest(folder).map(|(r, _)| r)
}

/// Writes the register file of `folder` atomically.
pub fn save_register(folder: &Path, register: &RegisterFile) -> Result<(), FileError> {
    save_json_value(&folder.join(REGISTER_FILE), register, MAX_BYTES)
}

/// Whether `path` names a review file (`….review.json`).
pub fn is_review_file(path: &Path) -> bool {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .is_some_and(|n| n.ends_with(REVIEW_SUFFIX) && n.len() > REVIEW_SUFFIX.len())
}

/// The review file kept beside a received statement: its name plus `.review.json`.
pub fn review_path(statement: &Path) -> PathBuf {
    let mut name = statement
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(REVIEW_SUFFIX);
    statement.with_file_name(name)
}

/// Whether `folder` is a register folder (it holds a register file).
pub fn is_register_folder(folder: &Path) -> bool {
    folder.join(REGISTER_FILE).is_file()
}

/// Reads a review file, with the digest of its bytes.
pub fn load_review_digest(path: &Path) -> Result<(ReviewFile, [u8; 32]), FileError> {
    let (bytes, sum) = read_kind_digest(path, FileKind::Review)?;
    Ok((typed(path, &bytes)?, sum))
}

/// The statement a review file names: its file name is looked for in the review file's folder,
/// a full path taken as it is.
pub fn reviewed_statement(review_file: &Path, review: &ReviewFile) -> PathBuf {
    let named = Path::new(review.statement.file.trim());
    if named.is_absolute() {
        named.to_path_buf()
    } else {
        review_file.parent().unwrap_or(Path::new(".")).join(named)
    }
}

/// How a review file names its statement: by file name when they share a folder, else by
/// full path.
pub fn statement_name_for(review_file: &Path, statement: &Path) -> String {
    let same_folder = match (review_file.parent(), statement.parent()) {
        (Some(a), Some(b)) => a == b || super::target::is_same_file(a, b),
        _ => false,
    };
    match statement.file_name() {
        Some(name) if same_folder => name.to_string_lossy().into_owned(),
        _ => std::path::absolute(statement)
            .unwrap_or_else(|_| statement.to_path_buf())
            .display()
            .to_string(),
    }
}

/// Writes a review file atomically, refusing when it changed on disk since it was read
/// (`expected`). Returns the digest of what was written.
pub fn save_review_checked(
    path: &Path,
    review: &ReviewFile,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    super::json::save_json_checked(path, review, expected, MAX_BYTES)
}

/// The statements of a folder: every `.json` and `.xlsx` file in it (not in sub-folders), by
/// name, leaving out the register file, review files, backups, lock files and hidden files. At most
/// [`MAX_REGISTER_FILES`]; more is an error naming the folder.
pub fn statement_files(folder: &Path) -> Result<Vec<PathBuf>, FileError> {
    let io_error = |source| {
        FileError::Read(super::read::ReadError::Io {
            path: folder.to_path_buf(),
            source,
        })
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io_error)? {
        let entry = entry.map_err(io_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ext = Path::new(&name)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.starts_with('.')
            || name == REGISTER_FILE
            || name == crate::domain::dossier::DOSSIER_FILE
            || is_review_file(Path::new(&name))
            || !matches!(ext.as_str(), "json" | "xlsx" | "xlsm")
            || entry.file_type().is_ok_and(|t| t.is_dir())
        {
            continue;
        }
        if files.len() >= MAX_REGISTER_FILES {
            return Err(FileError::TooManyFiles {
                path: folder.to_path_buf(),
                limit: MAX_REGISTER_FILES,
            });
        }
        files.push(entry.path());
    }
    files.sort();
    Ok(files)
}

/// Opens one statement of a register folder.
pub fn open_for_register(
    path: &Path,
    shipped: &[Catalogue],
    vocab: &super::xlsx::Vocabulary,
) -> Result<(Project, Catalogue), FileError> {
    super::open_statement(path, shipped, vocab)
}
