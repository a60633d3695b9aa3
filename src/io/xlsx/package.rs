//! One reading of the package (Open Packaging Conventions) for the import's checks and the
//! fill alike: the workbook part is the one `_rels/.rels` names, each sheet's part the one its
//! relationship names — found exactly as the cell reader (calamine) finds them, so the sheet
//! kaijisho reads is the sheet it writes. What two readers could take two ways is refused: two
//! workbook parts, a relationship id listed twice, a `<sheet>` with more than one id
//! attribute, two sheets of one name or one part, a target that climbs (`..`) or hides its
//! path (`./`, `\`).

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// Most sheets in a workbook read (checklists have a handful).
pub const MAX_SHEETS: usize = 255;
/// Largest relationships or workbook part read.
pub const MAX_PACKAGE_XML: u64 = 4 * 1024 * 1024;
/// Most relationships read from one part.
const MAX_RELATIONSHIPS: usize = 10_000;

/// Why a package cannot be read one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// No workbook part: not a spreadsheet.
    NoWorkbook,
    /// A part over [`MAX_PACKAGE_XML`], or more than [`MAX_SHEETS`] sheets.
    TooLarge(String),
    /// What is wrong, naming the part.
    Malformed(String),
}

/// A sheet of the workbook: its name and its part (as [`part_key`] writes names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetPart {
    pub name: String,
    pub part: String,
}

/// The package as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package {
    /// The workbook part's name as it is in the archive (`xl/workbook.xml`).
    pub workbook: String,
    /// The sheets, in the workbook's order.
    pub sheets: Vec<SheetPart>,
    /// `<workbookProtection lockStructure="1">`.
    pub structure_locked: bool,
    /// The styles part (its key), when the workbook has one.
    pub styles: Option<String>,
}

impl Package {
    /// The part of the sheet named `name`.
    pub fn part_of(&self, name: &str) -> Option<&str> {
        self.sheets
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.part.as_str())
    }
}

/// A part's name as the cell reader matches it: `/` for `\`, any case.
pub fn part_key(name: &str) -> String {
    name.replace('\\', "/")
        .trim_start_matches('/')
        .to_ascii_lowercase()
}

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// One part, by its key, unpacked within [`MAX_PACKAGE_XML`]: its name in the archive and
/// its bytes.
pub fn read_part(zip: &mut Zip<'_>, key: &str) -> Result<Option<(String, Vec<u8>)>, PackageError> {
    let mut found = None;
    for n in zip.file_names() {
        let n = n.map_err(|e| PackageError::Malformed(e.to_string()))?;
        if part_key(&n) == key {
            found = Some(n.into_owned());
            break;
        }
    }
    let Some(name) = found else {
        return Ok(None);
    };
    let f = zip
        .by_name(&name)
        .map_err(|e| PackageError::Malformed(format!("{name}: {e}")))?;
    let mut buf = Vec::new();
    f.take(MAX_PACKAGE_XML + 1)
        .read_to_end(&mut buf)
        .map_err(|e| PackageError::Malformed(format!("{name}: {e}")))?;
    if buf.len() as u64 > MAX_PACKAGE_XML {
        return Err(PackageError::TooLarge(format!(
            "{name}: more than {MAX_PACKAGE_XML} bytes"
        )));
    }
    Ok(Some((name, buf)))
}

/// The value of an unprefixed attribute, entities resolved.
fn attr(e: &BytesStart<'_>, key: &str, part: &str) -> Result<Option<String>, PackageError> {
    for a in e.attributes() {
        let a = a.map_err(|err| PackageError::Malformed(format!("{part}: {err}")))?;
        if a.key.as_ref() == key {
            let v = crate::io::xlsx::fill::workbook_xml::unescape(&a.value)
                .map_err(|err| PackageError::Malformed(format!("{part}: {err}")))?;
            return Ok(Some(v));
        }
    }
    Ok(None)
}

/// An id or target as written: one holding an escaped character (`&amp;`) is refused, since
/// the cell reader matches ids and targets as written, without resolving it.
fn plain_attr(e: &BytesStart<'_>, key: &str, part: &str) -> Result<Option<String>, PackageError> {
    let v = attr(e, key, part)?;
    if v.as_deref()
        .is_some_and(|v| v.contains(['&', '<', '>', '"', '\'']))
    {
        return Err(PackageError::Malformed(format!(
            "{part}: the {key} {v:?} holds an escaped character"
        )));
    }
    Ok(v)
}

/// A relationship: its id, type and target.
struct Relationship {
    id: String,
    kind: String,
    target: String,
}

/// The relationships of a part; an id listed twice is refused.
fn relationships(xml: &[u8], part: &str) -> Result<Vec<Relationship>, PackageError> {
    let bad = |e: &dyn std::fmt::Display| PackageError::Malformed(format!("{part}: {e}"));
    let mut reader = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let id = plain_attr(&e, "Id", part)?.unwrap_or_default();
                if !ids.insert(id.clone()) {
                    return Err(bad(&format!("the relationship id {id:?} is listed twice")));
                }
                if out.len() >= MAX_RELATIONSHIPS {
                    return Err(PackageError::TooLarge(format!(
                        "{part}: more than {MAX_RELATIONSHIPS} relationships"
                    )));
                }
                out.push(Relationship {
                    id,
                    kind: attr(&e, "Type", part)?.unwrap_or_default(),
                    target: plain_attr(&e, "Target", part)?.unwrap_or_default(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A target whose path readers could resolve differently: refused.
fn plain_target(target: &str, part: &str) -> Result<(), PackageError> {
    let hidden = target.contains('\\')
        || target
            .split('/')
            .any(|s| s == "." || s == ".." || (s.is_empty() && !target.starts_with('/')));
    if hidden || target.is_empty() {
        return Err(PackageError::Malformed(format!(
            "{part}: the target {target:?} is not a plain path inside the package"
        )));
    }
    Ok(())
}

/// Reads the package's structure: the workbook part, its sheets and their parts.
pub fn read_package(zip: &mut Zip<'_>) -> Result<Package, PackageError> {
    const ROOT: &str = "_rels/.rels";
    let (root_name, root) = read_part(zip, ROOT)?.ok_or(PackageError::NoWorkbook)?;
    let documents: Vec<String> = relationships(&root, &root_name)?
        .into_iter()
        .filter(|r| r.kind.ends_with("/relationships/officeDocument"))
        .map(|r| r.target)
        .collect();
    let target = match documents.as_slice() {
        [] => return Err(PackageError::NoWorkbook),
        [one] => one.clone(),
        _ => {
            return Err(PackageError::Malformed(format!(
                "{root_name}: {} workbook parts are named",
                documents.len()
            )));
        }
    };
    plain_target(&target, &root_name)?;
    let target = target.trim_start_matches('/');
    let (dir, name) = target
        .rsplit_once('/')
        .map_or(("", target), |(d, n)| (d, n));
    let dir = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let (workbook, xml) = read_part(zip, &part_key(target))?.ok_or(PackageError::NoWorkbook)?;
    let rels_key = part_key(&format!("{dir}_rels/{name}.rels"));
    let (rels_name, rels) = read_part(zip, &rels_key)?.ok_or_else(|| {
        PackageError::Malformed(format!(
            "{workbook}: its relationships ({rels_key}) are missing"
        ))
    })?;
    let listed = relationships(&rels, &rels_name)?;
    let styles = listed
        .iter()
        .find(|r| r.kind.ends_with("/relationships/styles"))
        .filter(|r| plain_target(&r.target, &rels_name).is_ok())
        .map(|r| match r.target.strip_prefix('/') {
            Some(abs) => part_key(abs),
            None => part_key(&format!("{dir}{}", r.target)),
        });
    let by_id: HashMap<String, String> = listed.into_iter().map(|r| (r.id, r.target)).collect();
    let (sheets, structure_locked) = sheets(&xml, &workbook)?;
    let mut parts = HashSet::new();
    let mut out = Vec::new();
    for (sheet, id) in sheets {
        let t = by_id.get(&id).ok_or_else(|| {
            PackageError::Malformed(format!(
                "{workbook}: sheet {sheet:?} names the relationship {id:?}, which {rels_name} lacks"
            ))
        })?;
        plain_target(t, &rels_name)?;
        let part = match t.strip_prefix('/') {
            Some(abs) => part_key(abs),
            None => part_key(&format!("{dir}{t}")),
        };
        if !parts.insert(part.clone()) {
            return Err(PackageError::Malformed(format!(
                "{workbook}: two sheets are the same part ({part})"
            )));
        }
        out.push(SheetPart { name: sheet, part });
    }
    Ok(Package {
        workbook,
        sheets: out,
        structure_locked,
        styles,
    })
}

/// The `<sheet>` entries of the workbook part (name, relationship id) and whether its
/// structure is locked. More than one id-like attribute, or two sheets of one name, is refused.
fn sheets(xml: &[u8], part: &str) -> Result<(Vec<(String, String)>, bool), PackageError> {
    let bad = |e: &dyn std::fmt::Display| PackageError::Malformed(format!("{part}: {e}"));
    let mut reader = Reader::from_reader(xml);
    let mut out: Vec<(String, String)> = Vec::new();
    let mut names = HashSet::new();
    let mut locked = false;
    loop {
        match reader.read_event().map_err(|e| bad(&e))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sheet" => {
                let name = attr(&e, "name", part)?.unwrap_or_default();
                let mut ids = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|err| bad(&err))?;
                    if a.key.local_name().as_ref() == "id" {
                        let id = crate::io::xlsx::fill::workbook_xml::unescape(&a.value)
                            .map_err(|err| bad(&err))?;
                        if id.contains(['&', '<', '>', '"', '\'']) {
                            return Err(bad(&format!(
                                "the sheet id {id:?} holds an escaped character"
                            )));
                        }
                        ids.push(id);
                    }
                }
                let id = match ids.as_slice() {
                    [one] => one.clone(),
                    _ => {
                        return Err(bad(&format!(
                            "sheet {name:?} has {} id attributes; readers would disagree on its part",
                            ids.len()
                        )));
                    }
                };
                if !names.insert(name.to_lowercase()) {
                    return Err(bad(&format!("two sheets are named {name:?}")));
                }
                if out.len() >= MAX_SHEETS {
                    return Err(PackageError::TooLarge(format!(
                        "more than {MAX_SHEETS} sheets"
                    )));
                }
                out.push((name, id));
            }
            Event::Start(e) | Event::Empty(e)
                if e.local_name().as_ref() == "workbookProtection" =>
            {
                locked |= attr(&e, "lockStructure", part)?
                    .is_some_and(|v| matches!(v.as_str(), "1" | "true"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok((out, locked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const DOC: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    const WS: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

    fn package(parts: &[(&str, String)]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in parts {
            z.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            z.write_all(content.as_bytes()).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    fn rels(list: &[(&str, &str, &str)]) -> String {
        let items: String = list
            .iter()
            .map(|(id, kind, target)| {
                format!("<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>")
            })
            .collect();
        format!("<Relationships>{items}</Relationships>")
    }

    fn read(parts: &[(&str, String)]) -> Result<Package, PackageError> {
        let bytes = package(parts);
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        read_package(&mut zip)
    }

    fn book(sheets: &str) -> String {
        format!("<workbook xmlns:r=\"r\"><sheets>{sheets}</sheets></workbook>")
    }

    #[test]
    fn the_workbook_part_is_the_one_the_root_relationships_name() {
        let p = read(&[
            ("_rels/.rels", rels(&[("rId1", DOC, "book/main.xml")])),
            (
                "book/main.xml",
                book("<sheet name=\"回答\" r:id=\"rId7\"/><sheet name=\"表紙\" x:id=\"rId8\"/>"),
            ),
            (
                "book/_rels/main.xml.rels",
                rels(&[
                    ("rId7", WS, "sheets/s1.xml"),
                    ("rId8", WS, "/Book/Sheets/S2.xml"),
                ]),
            ),
            ("book/sheets/s1.xml", String::new()),
            (
                "xl/workbook.xml",
                book("<sheet name=\"偽物\" r:id=\"rId1\"/>"),
            ),
        ])
        .unwrap();
        assert_eq!(p.workbook, "book/main.xml");
        assert_eq!(p.part_of("回答"), Some("book/sheets/s1.xml"));
        assert_eq!(p.part_of("表紙"), Some("book/sheets/s2.xml"));
        assert_eq!(p.part_of("偽物"), None);
    }

    #[test]
    fn what_readers_could_take_two_ways_is_refused() {
        let root = || ("_rels/.rels", rels(&[("rId1", DOC, "xl/workbook.xml")]));
        let wb_rels = |list: &[(&str, &str, &str)]| ("xl/_rels/workbook.xml.rels", rels(list));
        let cases: Vec<(Vec<(&str, String)>, &str)> = vec![
            (
                vec![
                    root(),
                    (
                        "xl/workbook.xml",
                        book("<sheet name=\"A\" r:id=\"rId1\" id=\"rId2\"/>"),
                    ),
                    wb_rels(&[("rId1", WS, "a.xml"), ("rId2", WS, "b.xml")]),
                ],
                "2 id attributes",
            ),
            (
                vec![
                    root(),
                    ("xl/workbook.xml", book("<sheet name=\"A\" r:id=\"rId1\"/>")),
                    wb_rels(&[("rId1", WS, "a.xml"), ("rId1", WS, "b.xml")]),
                ],
                "listed twice",
            ),
            (
                vec![
                    root(),
                    (
                        "xl/workbook.xml",
                        book("<sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"a\" r:id=\"rId2\"/>"),
                    ),
                    wb_rels(&[("rId1", WS, "a.xml"), ("rId2", WS, "b.xml")]),
                ],
                "two sheets are named",
            ),
            (
                vec![
                    root(),
                    (
                        "xl/workbook.xml",
                        book("<sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" r:id=\"rId2\"/>"),
                    ),
                    wb_rels(&[("rId1", WS, "a.xml"), ("rId2", WS, "A.xml")]),
                ],
                "same part",
            ),
            (
                vec![
                    root(),
                    ("xl/workbook.xml", book("<sheet name=\"A\" r:id=\"rId1\"/>")),
                    wb_rels(&[("rId1", WS, "../evil.xml")]),
                ],
                "not a plain path",
            ),
            (
                vec![
                    (
                        "_rels/.rels",
                        rels(&[
                            ("rId1", DOC, "xl/workbook.xml"),
                            ("rId2", DOC, "xl/other.xml"),
                        ]),
                    ),
                    ("xl/workbook.xml", book("")),
                ],
                "2 workbook parts",
            ),
        ];
        for (parts, said) in cases {
            let e = read(&parts).unwrap_err();
            assert!(
                matches!(&e, PackageError::Malformed(d) if d.contains(said)),
                "{said}: {e:?}"
            );
        }
        assert_eq!(
            read(&[("xl/workbook.xml", book(""))]),
            Err(PackageError::NoWorkbook)
        );
        // An attribute that cannot be read is an error naming the part, never read past (an
        // unquoted lockStructure would count as unlocked).
        for (wb, r) in [
            (
                "<workbook><workbookProtection lockStructure=1/></workbook>".to_string(),
                rels(&[]),
            ),
            (
                book("<sheet name=\"A&bogus;\" r:id=\"rId1\"/>"),
                rels(&[("rId1", WS, "a.xml")]),
            ),
            (
                book("<sheet name=\"A\" r:id=\"rId1\"/>"),
                "<Relationships><Relationship Id=\"rId1\" Target=a.xml/></Relationships>"
                    .to_string(),
            ),
        ] {
            let e = read(&[
                root(),
                ("xl/workbook.xml", wb),
                ("xl/_rels/workbook.xml.rels", r),
            ])
            .unwrap_err();
            assert!(
                matches!(&e, PackageError::Malformed(d) if d.starts_with("xl/")),
                "{e:?}"
            );
        }
        let locked = read(&[
            root(),
            (
                "xl/workbook.xml",
                "<workbook><workbookProtection lockStructure=\"1\"/><sheets/></workbook>".into(),
            ),
            ("xl/_rels/workbook.xml.rels", rels(&[])),
        ])
        .unwrap();
        assert!(locked.structure_locked);
        let many: String = (0..300)
            .map(|i| format!("<sheet name=\"S{i}\" r:id=\"rId{i}\"/>"))
            .collect();
        let e = read(&[root(), ("xl/workbook.xml", book(&many)), wb_rels(&[])]).unwrap_err();
        assert!(matches!(e, PackageError::TooLarge(_)), "{e:?}");
    }
}
