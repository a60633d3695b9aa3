//! The fuzz targets' bodies (tests/fuzz/fuzz_targets/*.rs call these), shared with
//! tests/fuzz_corpus.rs, which runs the seed corpus and every past finding through them in the
//! ordinary test suite. Each must return normally on any input: errors are fine, panics are not.

// Test helpers: panicking on a broken fixture is what a test wants.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;

/// Project and catalogue JSON loaders.
pub fn project_json(data: &[u8]) {
    let path = Path::new("fuzz.json");
    if let Ok(p) = kaijisho::io::json::project_from_bytes(path, data) {
        // A loaded project must serialise again, read back the same, and bind or refuse its
        // catalogue with a reason.
        let bytes = kaijisho::io::json::to_pretty_json(&p).expect("a loaded project serialises");
        let again = kaijisho::io::json::project_from_bytes(path, &bytes)
            .expect("a saved project reads back");
        assert_eq!(again, p, "a project survives a save");
        let cats = kaijisho::assets::shipped_catalogues().expect("shipped catalogues");
        if let Err(e) = p.catalogue.resolve(&cats) {
            assert!(!e.to_string().is_empty());
        }
    }
    if let Ok(c) = kaijisho::io::json::catalogue_from_bytes(path, data) {
        assert!(c.check().is_empty(), "a loaded catalogue is well formed");
    }
}

/// Marks an input whose rest is text parts to be packed into a well-formed xlsx zip.
pub const PARTS_MODE: u8 = b'P';
/// Starts each part in parts mode: `\n@@ <part name>\n<content>`.
pub const PART_SEP: &str = "\n@@ ";

/// The workbook importer: raw bytes, or (first byte [`PARTS_MODE`]) parts packed into a zip.
pub fn workbook(data: &[u8]) {
    let bytes = match data.split_first() {
        Some((&PARTS_MODE, rest)) => match pack_parts(rest) {
            Some(b) => b,
            None => return,
        },
        _ => data.to_vec(),
    };
    if let Ok(imported) = kaijisho::io::xlsx::import::import_workbook(
        Path::new("fuzz.xlsx"),
        bytes,
        None,
        kaijisho::assets::import_vocabulary(),
    ) {
        // Whatever was read must be a well-formed catalogue with a project that validates and
        // serialises.
        assert!(
            imported.catalogue.check().is_empty(),
            "imported catalogue well formed"
        );
        let findings =
            kaijisho::domain::validation::validate(&imported.catalogue, &imported.project);
        assert!(
            findings
                .iter()
                .all(|f| !f.question_id.is_empty() || f.number.is_empty())
        );
        kaijisho::io::json::to_pretty_json(&imported.project)
            .expect("an imported project serialises");
        // Anything kaijisho reads, it writes in its own layout (or says why not), and that
        // workbook reads back exactly, its row map checked row by row.
        let form = kaijisho::assets::form().expect("form wording");
        if let Ok(ours) =
            kaijisho::io::xlsx::statement_xlsx(&imported.catalogue, &imported.project, &form)
        {
            let back = kaijisho::io::xlsx::import::import_workbook(
                Path::new("fuzz.xlsx"),
                ours,
                None,
                kaijisho::assets::import_vocabulary(),
            )
            .expect("our own export reads back");
            assert_eq!(back.report.method, "kaijisho-export", "{:?}", back.report);
            assert_eq!(
                back.project.answers, imported.project.answers,
                "answers survive"
            );
            assert_eq!(
                back.project.header, imported.project.header,
                "header survives"
            );
        }
    }
}

/// Packs `\n@@ name\ncontent` parts into a stored (uncompressed) zip.
pub fn pack_parts(rest: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(rest).ok()?;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for part in text.split(PART_SEP).skip(1) {
        let (name, content) = part.split_once('\n').unwrap_or((part, ""));
        if zip.start_file(name.trim(), opts).is_err() {
            continue;
        }
        zip.write_all(content.as_bytes()).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

/// Unpacks a workbook into the parts format (for seeding the corpus).
pub fn unpack_parts(xlsx: &[u8]) -> Vec<u8> {
    let mut out = vec![PARTS_MODE];
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut content = String::new();
        if std::io::Read::read_to_string(&mut f, &mut content).is_err() {
            continue;
        }
        out.extend_from_slice(PART_SEP.as_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(b'\n');
        out.extend_from_slice(content.as_bytes());
    }
    out
}

/// The guideline-reference parser and the trailing-reference splitter.
pub fn refs(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let g = kaijisho::domain::refs::RefGroup::parse(&text);
    assert!(!g.raw.is_empty() || text.trim().is_empty());
    let (rest, r) = kaijisho::domain::refs::split_trailing_ref(&text);
    if let Some(r) = r {
        // The split keeps every character: text + reference is the input, trimmed.
        assert!(rest.len() + r.raw.len() <= text.len(), "{text:?}");
    }
}
