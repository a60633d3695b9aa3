//! Project and catalogue JSON files: reading with clear errors, migration by `schema_version`,
//! and atomic saving.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::atomic::{SaveError, atomic_write, atomic_write_checked, atomic_write_locked};
use super::error::{FileError, FileKind, strip_position, syntax_error};
use super::lock::FileLock;
use super::probe::{probe, text_bytes};
use super::read::read_limited;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{Project, SCHEMA_VERSION};

/// Largest project or catalogue file read (a 300-question statement is well under 1 MiB).
pub const MAX_JSON_BYTES: u64 = 64 * 1024 * 1024;

/// Parses bytes into a JSON value, with the position of any syntax error.
pub(in crate::io) fn parse_value(path: &Path, bytes: &[u8]) -> Result<Value, FileError> {
    serde_json::from_slice(bytes).map_err(|e| syntax_error(path, &e))
}

/// Deserialises with the field path and position of the first mismatch.
pub(in crate::io) fn typed<T: DeserializeOwned>(path: &Path, bytes: &[u8]) -> Result<T, FileError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        FileError::Data {
            path: path.to_path_buf(),
            line: inner.line(),
            column: inner.column(),
            field,
            detail: strip_position(&inner.to_string()),
        }
    })
}

/// Reads a project from bytes (`path` only names it in errors). Older schemas are migrated.
pub fn project_from_bytes(path: &Path, bytes: &[u8]) -> Result<Project, FileError> {
    let bytes = text_bytes(path, bytes)?;
    // A first pass that builds no tree: syntax, duplicate keys, kind and version.
    let probed = probe(path, bytes)?;
    match probed.kind.unwrap_or(FileKind::Foreign) {
        FileKind::Project => {}
        found => {
            return Err(FileError::WrongKind {
                path: path.to_path_buf(),
                expected: FileKind::Project,
                found,
            });
        }
    }
    if let Some(found) = probed.bad_schema {
        return Err(FileError::BadSchemaVersion {
            path: path.to_path_buf(),
            found,
        });
    }
    let version = probed.schema_version.unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(FileError::TooNew {
            path: path.to_path_buf(),
            version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == u64::from(SCHEMA_VERSION) {
        return typed(path, bytes);
    }
    let value = parse_value(path, bytes)?;
    let migrated = migrate(value, version);
    // Re-serialising keeps the typed error path; positions then refer to the migrated form.
    let text = serde_json::to_vec(&migrated).map_err(|e| syntax_error(path, &e))?;
    typed(path, &text)
}

/// Brings an older project document up to [`SCHEMA_VERSION`], one step at a time.
pub fn migrate(mut value: Value, from: u64) -> Value {
    if from == 0 {
        value = migrate_v0(value);
    }
    value
}

/// Version 0 (pre-release drafts, no `schema_version`): flat `catalogue_id` /
/// `catalogue_version` / `catalogue_hash`, answers as plain strings, remarks in a separate
/// `remarks` map, option answers in `option_answers` (`{question: {option: value}}`).
fn migrate_v0(value: Value) -> Value {
    let Value::Object(mut old) = value else {
        return value;
    };
    let take_str = |o: &mut Map<String, Value>, k: &str| match o.remove(k) {
        Some(Value::String(s)) => s,
        _ => String::new(),
    };
    let id = take_str(&mut old, "catalogue_id");
    let version = take_str(&mut old, "catalogue_version");
    let hash = take_str(&mut old, "catalogue_hash");
    let remarks = match old.remove("remarks") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let option_answers = match old.remove("option_answers") {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    let mut answers = Map::new();
    if let Some(Value::Object(a)) = old.remove("answers") {
        for (qid, v) in a {
            let mut entry = Map::new();
            entry.insert("value".into(), v);
            if let Some(r) = remarks.get(&qid) {
                entry.insert("remark".into(), r.clone());
            }
            if let Some(Value::Object(opts)) = option_answers.get(&qid) {
                let opts: Map<String, Value> = opts
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::json!({ "value": v })))
                    .collect();
                entry.insert("options".into(), Value::Object(opts));
            }
            answers.insert(qid, Value::Object(entry));
        }
    }
    let mut new = Map::new();
    new.insert("schema_version".into(), Value::from(1));
    for (k, v) in old {
        new.insert(k, v);
    }
    new.insert(
        "catalogue".into(),
        serde_json::json!({ "id": id, "version": version, "hash": hash }),
    );
    new.insert("answers".into(), Value::Object(answers));
    Value::Object(new)
}

/// Reads a catalogue from bytes and checks its structure.
pub fn catalogue_from_bytes(path: &Path, bytes: &[u8]) -> Result<Catalogue, FileError> {
    let bytes = text_bytes(path, bytes)?;
    match probe(path, bytes)?.kind.unwrap_or(FileKind::Foreign) {
        FileKind::Catalogue => {}
        found => {
            return Err(FileError::WrongKind {
                path: path.to_path_buf(),
                expected: FileKind::Catalogue,
                found,
            });
        }
    }
    let c: Catalogue = typed(path, bytes)?;
    let issues = c.check();
    if issues.is_empty() {
        Ok(c)
    } else {
        Err(FileError::Catalogue {
            path: path.to_path_buf(),
            issues,
        })
    }
}

pub fn load_project(path: &Path) -> Result<Project, FileError> {
    let bytes = read_limited(path, MAX_JSON_BYTES)?;
    project_from_bytes(path, &bytes)
}

pub fn load_catalogue(path: &Path) -> Result<Catalogue, FileError> {
    let bytes = read_limited(path, MAX_JSON_BYTES)?;
    catalogue_from_bytes(path, &bytes)
}

/// Reads a project and finds its catalogue (embedded, or among `shipped`), checking the hash.
pub fn open_project(path: &Path, shipped: &[Catalogue]) -> Result<(Project, Catalogue), FileError> {
    open_project_digest(path, shipped).map(|(p, c, _)| (p, c))
}

/// [`open_project`], with the SHA-256 of the bytes read: what a later save compares the file
/// on disk with, to notice that another program changed it ([`save_project_checked`]).
pub fn open_project_digest(
    path: &Path,
    shipped: &[Catalogue],
) -> Result<(Project, Catalogue, [u8; 32]), FileError> {
    use sha2::{Digest, Sha256};
    let bytes = read_limited(path, MAX_JSON_BYTES)?;
    let project = project_from_bytes(path, &bytes)?;
    let catalogue = resolve(path, &project, shipped)?;
    Ok((project, catalogue, Sha256::digest(&bytes).into()))
}

/// [`crate::domain::project::CatalogueBinding::resolve`] with the file named in the error.
pub fn resolve(
    path: &Path,
    project: &Project,
    shipped: &[Catalogue],
) -> Result<Catalogue, FileError> {
    let catalogue = project
        .catalogue
        .resolve(shipped)
        .map_err(|source| FileError::Resolve {
            path: path.to_path_buf(),
            source,
        })?;
    let issues = catalogue.check();
    if issues.is_empty() {
        Ok(catalogue)
    } else {
        Err(FileError::Catalogue {
            path: path.to_path_buf(),
            issues,
        })
    }
}

/// Pretty JSON with a final newline: the on-disk form of projects and catalogues.
pub fn to_pretty_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// A buffer that refuses to grow past `limit` bytes: what is written is never more than what
/// kaijisho reads back, and a refused file never takes more memory than the limit.
struct Capped {
    bytes: Vec<u8>,
    limit: u64,
    over: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.bytes.len() + buf.len()) as u64 > self.limit {
            self.over = true;
            return Err(std::io::Error::other("over the limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// [`to_pretty_json`] for the file `path`, refused with [`SaveError::TooLarge`] when it would
/// be larger than `limit` (the size its reader accepts) — before anything is written.
pub fn file_json<T: Serialize>(path: &Path, value: &T, limit: u64) -> Result<Vec<u8>, FileError> {
    let mut out = Capped {
        bytes: Vec::new(),
        limit,
        over: false,
    };
    let written = serde_json::to_writer_pretty(&mut out, value)
        .and_then(|()| std::io::Write::write_all(&mut out, b"\n").map_err(serde_json::Error::io));
    match written {
        Ok(()) => Ok(out.bytes),
        Err(_) if out.over => Err(FileError::Save(SaveError::TooLarge {
            path: path.to_path_buf(),
            limit,
        })),
        Err(e) => Err(FileError::Save(SaveError::Write {
            path: path.to_path_buf(),
            source: std::io::Error::other(e),
        })),
    }
}

/// Writes any of kaijisho's JSON files atomically, pretty, with a final newline; refused when
/// larger than `limit`, the size its reader accepts.
pub(in crate::io) fn save_json_value<T: Serialize>(
    path: &Path,
    value: &T,
    limit: u64,
) -> Result<(), FileError> {
    let bytes = file_json(path, value, limit)?;
    atomic_write(path, |w| w.write_all(&bytes))?;
    Ok(())
}

/// Saves a project atomically, keeping the previous file as `.bak`.
pub fn save_project(path: &Path, project: &Project) -> Result<(), FileError> {
    save_json_value(path, project, MAX_JSON_BYTES)
}

/// Saves a project whose file the caller has locked since reading it (a read-modify-write).
pub fn save_project_locked(lock: &FileLock, project: &Project) -> Result<(), FileError> {
    let bytes = file_json(lock.target(), project, MAX_JSON_BYTES)?;
    atomic_write_locked(lock, |w| w.write_all(&bytes))?;
    Ok(())
}

/// Saves a project, but only when the file on disk still has the digest `expected` (when
/// given): another window, program or sync client may have changed it since it was read, and
/// then [`crate::io::SaveError::ChangedOnDisk`] is returned and nothing is written. Returns the
/// digest of the file as now written.
pub fn save_project_checked(
    path: &Path,
    project: &Project,
    expected: Option<[u8; 32]>,
) -> Result<[u8; 32], FileError> {
    save_json_checked(path, project, expected, MAX_JSON_BYTES)
}

/// Writes any of kaijisho's JSON files (at most `limit`), only when the file on disk is still
/// what was read (`expected`; `None`: whatever is there). Returns the digest of what was written.
pub(in crate::io) fn save_json_checked<T: Serialize>(
    path: &Path,
    value: &T,
    expected: Option<[u8; 32]>,
    limit: u64,
) -> Result<[u8; 32], FileError> {
    let bytes = file_json(path, value, limit)?;
    Ok(atomic_write_checked(path, expected, &bytes)?)
}

/// Saves a catalogue atomically, keeping the previous file as `.bak`.
pub fn save_catalogue(path: &Path, catalogue: &Catalogue) -> Result<(), FileError> {
    save_json_value(path, catalogue, MAX_JSON_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::answer::AnswerValue;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn p() -> &'static Path {
        Path::new("x.json")
    }

    #[test]
    fn project_round_trip_is_identical() {
        let c = tiny();
        let mut project = Project::new(
            &c,
            Header {
                created: "2023年10月4日".into(),
                vendor: "ベンダー".into(),
                product: "製品".into(),
                version: "1.1".into(),
                contact: Some("窓口".into()),
            },
            true,
        );
        project
            .set_answer(
                &c,
                "o",
                Some("pw"),
                AnswerValue::Yes,
                Some("改行\nあり 🙂".into()),
            )
            .unwrap();
        project.review.items.insert("p".into(), Default::default());
        let bytes = to_pretty_json(&project).unwrap();
        let back = project_from_bytes(p(), &bytes).unwrap();
        assert_eq!(back, project);
        assert_eq!(to_pretty_json(&back).unwrap(), bytes, "stable bytes");
        assert_eq!(resolve(p(), &back, &[]).unwrap(), c);
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = project_from_bytes(p(), b"{\n  \"answers\": {,\n}").unwrap_err();
        match err {
            FileError::Syntax { line, column, .. } => assert_eq!((line, column), (2, 15)),
            other => panic!("{other:?}"),
        }
        let err = project_from_bytes(p(), b"{\"answers\": {").unwrap_err();
        assert!(matches!(err, FileError::Syntax { .. }), "{err:?}");
        let err = project_from_bytes(p(), b"\xff").unwrap_err();
        assert!(matches!(err, FileError::Syntax { .. }), "{err:?}");
        let err = project_from_bytes(p(), b"\xff\xfe{\0}\0").unwrap_err();
        assert!(matches!(err, FileError::NotUtf8 { .. }), "{err:?}");
    }

    #[test]
    fn data_errors_name_the_field() {
        let c = tiny();
        let project = Project::new(&c, Header::default(), false);
        let text = String::from_utf8(to_pretty_json(&project).unwrap()).unwrap();
        let bad = text.replacen("\"未回答\"", "\"たぶん\"", 1);
        match project_from_bytes(p(), bad.as_bytes()).unwrap_err() {
            FileError::Data {
                field,
                line,
                detail,
                ..
            } => {
                assert_eq!(field, "answers.g.value");
                assert!(line > 1);
                assert!(detail.contains("たぶん"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn foreign_and_catalogue_files_are_named_as_such() {
        let err = project_from_bytes(p(), b"[1,2,3]").unwrap_err();
        assert!(matches!(
            err,
            FileError::WrongKind {
                found: FileKind::Foreign,
                ..
            }
        ));
        let cat = to_pretty_json(&tiny()).unwrap();
        let err = project_from_bytes(p(), &cat).unwrap_err();
        assert!(matches!(
            err,
            FileError::WrongKind {
                found: FileKind::Catalogue,
                ..
            }
        ));
        assert_eq!(catalogue_from_bytes(p(), &cat).unwrap(), tiny());
        let err = catalogue_from_bytes(p(), b"{\"answers\":{},\"schema_version\":1}").unwrap_err();
        assert!(matches!(
            err,
            FileError::WrongKind {
                found: FileKind::Project,
                ..
            }
        ));
    }

    #[test]
    fn newer_schema_is_refused() {
        let err =
            project_from_bytes(p(), b"{\"schema_version\": 99, \"answers\": {}}").unwrap_err();
        assert!(
            matches!(err, FileError::TooNew { version: 99, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(project_from_bytes(p(), deep.as_bytes()).is_err());
    }

    #[test]
    fn version_zero_files_are_migrated() {
        let c = tiny();
        let v0 = serde_json::json!({
            "catalogue_id": "t",
            "catalogue_version": "4.1",
            "catalogue_hash": c.content_hash(),
            "header": {"created": "2023年10月4日", "vendor": "v", "product": "p", "version": "1"},
            "answers": {"g": "該当", "g1": "はい", "o": "未回答", "p": "いいえ"},
            "remarks": {"p": "理由"},
            "option_answers": {"o": {"pw": "はい", "bio": "対象外"}}
        });
        let project = project_from_bytes(p(), v0.to_string().as_bytes()).unwrap();
        assert_eq!(project.schema_version, SCHEMA_VERSION);
        assert_eq!(project.catalogue.id, "t");
        assert_eq!(project.value("g"), AnswerValue::Applies);
        assert_eq!(project.answers["p"].remark, "理由");
        assert_eq!(
            project.answers["o"].options["bio"].value,
            AnswerValue::NotApplicable
        );
        assert_eq!(resolve(p(), &project, std::slice::from_ref(&c)).unwrap(), c);
    }

    #[test]
    fn saves_atomically_with_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let c = tiny();
        let mut project = Project::new(&c, Header::default(), false);
        save_project(&path, &project).unwrap();
        project
            .set_answer(&c, "p", None, AnswerValue::Yes, None)
            .unwrap();
        save_project(&path, &project).unwrap();
        assert_eq!(load_project(&path).unwrap(), project);
        let bak = load_project(&crate::io::atomic::backup_path(&path)).unwrap();
        assert_eq!(bak.value("p"), AnswerValue::Unanswered);
    }
}
