//! The first, cheap pass over a JSON file before it is read as a project or catalogue: its
//! text encoding (a UTF-8 byte order mark is passed over, UTF-16 named), its syntax, duplicate
//! keys at any depth (JSON parsers keep the last silently; a hand-edited file with two `q1`
//! answers must not lose one without a word), and what kind of document it is — all without
//! building a tree of the whole document, so memory stays proportional to one key set.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::error::{FileError, FileKind, strip_position, syntax_error};
use crate::domain::catalogue::CATALOGUE_FORMAT;

/// The scalar visits of a visitor that only walks the document: each returns `$value`.
macro_rules! forward_scalars {
    ($value:expr) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

/// What the first pass found at the top of the document.
#[derive(Debug, Default)]
pub(crate) struct Probe {
    pub kind: Option<FileKind>,
    pub schema_version: Option<u64>,
    /// A `schema_version` that is not a whole number, as found (`1.0`, `"1"`, `-1`, `null`).
    pub bad_schema: Option<String>,
}

/// The bytes to parse: without a UTF-8 byte order mark, refusing UTF-16 and UTF-32 with a
/// message that says so.
pub(crate) fn text_bytes<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a [u8], FileError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Ok(rest);
    }
    // With a byte order mark, or JSON's first character (an ASCII one) beside a zero byte.
    let json_start = |b: Option<&u8>| b.is_some_and(|b| b"{[\" \t\r\n".contains(b));
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (json_start(bytes.first()) && bytes.get(1) == Some(&0))
        || (bytes.first() == Some(&0) && json_start(bytes.get(1)));
    if utf16 {
        return Err(FileError::NotUtf8 {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// Runs the first pass: syntax errors and duplicate keys come back with their position and the
/// path of the object that holds them.
pub(crate) fn probe(path: &Path, bytes: &[u8]) -> Result<Probe, FileError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let top: Top = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            syntax_error(path, &inner)
        } else {
            FileError::Data {
                path: path.to_path_buf(),
                line: inner.line(),
                column: inner.column(),
                field,
                detail: strip_position(&inner.to_string()),
            }
        }
    })?;
    de.end().map_err(|e| syntax_error(path, &e))?;
    Ok(top.0)
}

/// The top level: an object is looked into; anything else is foreign.
struct Top(Probe);

impl<'de> Deserialize<'de> for Top {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Top, D::Error> {
        d.deserialize_any(TopVisitor)
    }
}

struct TopVisitor;

impl<'de> Visitor<'de> for TopVisitor {
    type Value = Top;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top, A::Error> {
        let mut seen = HashSet::new();
        let (mut format, mut answers, mut legacy_id) = (None, false, false);
        let mut schema: Option<Scalar> = None;
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(de::Error::custom(format!("duplicate key \"{key}\"")));
            }
            match key.as_str() {
                "format" => format = map.next_value::<Scalar>()?.text,
                "schema_version" => schema = Some(map.next_value::<Scalar>()?),
                "answers" => {
                    answers = true;
                    map.next_value::<NoDuplicates>()?;
                }
                "catalogue_id" => {
                    legacy_id = true;
                    map.next_value::<NoDuplicates>()?;
                }
                _ => {
                    map.next_value::<NoDuplicates>()?;
                }
            }
        }
        let kind = if format.as_deref() == Some(CATALOGUE_FORMAT) {
            FileKind::Catalogue
        } else if format.as_deref() == Some(crate::domain::profile::PROFILE_FORMAT) {
            FileKind::Profile
        } else if format.as_deref() == Some(crate::domain::register::REGISTER_FORMAT) {
            FileKind::Register
        } else if format.as_deref() == Some(crate::domain::review::REVIEW_FORMAT) {
            FileKind::Review
        } else if format.as_deref() == Some(crate::domain::dossier::DOSSIER_FORMAT) {
            FileKind::Dossier
        } else if format.as_deref() == Some(crate::domain::library::LIBRARY_FORMAT) {
            FileKind::Library
        } else if answers && (schema.is_some() || legacy_id) {
            FileKind::Project
        } else {
            FileKind::Foreign
        };
        let bad_schema = schema
            .as_ref()
            .filter(|s| s.number.is_none())
            .map(|s| s.shown.clone());
        Ok(Top(Probe {
            kind: Some(kind),
            schema_version: schema.and_then(|s| s.number),
            bad_schema,
        }))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Top, A::Error> {
        NoDupVisitor.visit_seq(seq)?;
        Ok(Top(Probe {
            kind: Some(FileKind::Foreign),
            ..Probe::default()
        }))
    }

    forward_scalars!(Top(Probe {
        kind: Some(FileKind::Foreign),
        ..Probe::default()
    }));
}

/// A value whose text or number matters at the top (`format`, `schema_version`), and how it is
/// shown in a message; any nested structure is still checked for duplicates.
struct Scalar {
    text: Option<String>,
    number: Option<u64>,
    shown: String,
}

impl Scalar {
    fn shown(shown: impl Into<String>) -> Scalar {
        Scalar {
            text: None,
            number: None,
            shown: shown.into(),
        }
    }
}

/// The longest value quoted in a message.
const SHOWN_CHARS: usize = 40;

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        let mut shown: String = v.chars().take(SHOWN_CHARS).collect();
        if shown.len() < v.len() {
            shown.push('…');
        }
        Ok(Scalar {
            text: Some(v.to_string()),
            number: None,
            shown: format!("\"{shown}\""),
        })
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar {
            text: None,
            number: Some(v),
            shown: v.to_string(),
        })
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::shown(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::shown(format!("{v:?}")))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
        Ok(Scalar::shown(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::shown("null"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        NoDupVisitor.visit_map(map)?;
        Ok(Scalar::shown("object"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
        NoDupVisitor.visit_seq(seq)?;
        Ok(Scalar::shown("array"))
    }
}

/// Any JSON value, refusing an object that has a key twice.
struct NoDuplicates;

impl<'de> Deserialize<'de> for NoDuplicates {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<NoDuplicates, D::Error> {
        d.deserialize_any(NoDupVisitor)
    }
}

struct NoDupVisitor;

impl<'de> Visitor<'de> for NoDupVisitor {
    type Value = NoDuplicates;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NoDuplicates, A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!("duplicate key \"{key}\"")));
            }
            map.next_value::<NoDuplicates>()?;
            seen.insert(key);
        }
        Ok(NoDuplicates)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<NoDuplicates, A::Error> {
        while seq.next_element::<NoDuplicates>()?.is_some() {}
        Ok(NoDuplicates)
    }

    forward_scalars!(NoDuplicates);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Probe, FileError> {
        probe(Path::new("t.json"), s.as_bytes())
    }

    #[test]
    fn kinds_and_versions() {
        let c = p(r#"{"format": "kaijisho-catalogue", "questions": []}"#).unwrap();
        assert_eq!(c.kind, Some(FileKind::Catalogue));
        let pr = p(r#"{"schema_version": 1, "answers": {}}"#).unwrap();
        assert_eq!(
            (pr.kind, pr.schema_version),
            (Some(FileKind::Project), Some(1))
        );
        assert_eq!(p("[1, 2]").unwrap().kind, Some(FileKind::Foreign));
        assert_eq!(p(r#""text""#).unwrap().kind, Some(FileKind::Foreign));
    }

    #[test]
    fn duplicate_keys_are_errors_with_their_place() {
        let err = p(r#"{"schema_version": 1, "answers": {"q1": {"value": "はい"}, "q1": {}}}"#)
            .unwrap_err();
        match err {
            FileError::Data { field, detail, .. } => {
                assert_eq!(field, "answers");
                assert!(detail.contains("duplicate key"), "{detail}");
            }
            e => panic!("{e}"),
        }
        let err = p(r#"{"answers": {}, "answers": {}}"#).unwrap_err();
        assert!(
            err.to_string().contains("duplicate key \"answers\""),
            "{err}"
        );
    }

    #[test]
    fn byte_order_marks_and_utf16() {
        let path = Path::new("t.json");
        assert_eq!(text_bytes(path, b"\xEF\xBB\xBF{}").unwrap(), b"{}");
        assert!(matches!(
            text_bytes(path, b"\xFF\xFE{\0}\0"),
            Err(FileError::NotUtf8 { .. })
        ));
        assert!(matches!(
            text_bytes(path, b"{\0\"\0"),
            Err(FileError::NotUtf8 { .. })
        ));
        assert_eq!(text_bytes(path, b"{}").unwrap(), b"{}");
    }

    #[test]
    fn syntax_errors_keep_their_position() {
        match p("{\n  \"a\": ,\n}").unwrap_err() {
            FileError::Syntax { line, .. } => assert_eq!(line, 2),
            e => panic!("{e}"),
        }
        assert!(matches!(p("{} x"), Err(FileError::Syntax { .. })));
    }
}
