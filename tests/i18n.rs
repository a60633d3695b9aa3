//! Every Fluent message id the code uses exists in Japanese and in English. The ids are found
//! as string literals in `src/` that look like message ids and start like one; an id built with
//! `format!("provenance-{}", …)` must at least match some message.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::Path;

fn message_ids(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut ids = BTreeSet::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.starts_with(['#', ' ', '.', '-'])
                && !id.is_empty()
            {
                ids.insert(id.trim().to_string());
            }
        }
    }
    ids
}

/// String literals of a Rust source (good enough for this code: no raw strings with quotes).
fn literals(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        // Widget ids of the GUI toolkit are not messages.
        if ["Id::unique", "Grid::new", "id_salt"]
            .iter()
            .any(|w| code.contains(w))
        {
            continue;
        }
        let mut parts = code.split('"');
        parts.next();
        while let Some(lit) = parts.next() {
            out.push((n + 1, lit.to_string()));
            parts.next();
        }
    }
    out
}

fn looks_like_id(s: &str) -> bool {
    s.contains('-')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || c == '_'
                || c == '{'
                || c == '}'
        })
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_message_id_used_in_code_exists_in_both_languages() {
    let ja = message_ids("ja");
    let en = message_ids("en");
    assert!(ja.len() > 100 && en.len() > 100);
    let prefixes: BTreeSet<&str> = ja.iter().filter_map(|i| i.split('-').next()).collect();
    let mut files = Vec::new();
    // The domain and io layers hold no words (they take them as parameters).
    for layer in ["app", "ui", "cli", "cli.rs", "i18n.rs", "assets.rs"] {
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer);
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else if p.exists() {
            files.push(p);
        }
    }
    let mut missing = Vec::new();
    let mut checked = 0;
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for (line, lit) in literals(&src) {
            if !looks_like_id(&lit) || !prefixes.contains(lit.split('-').next().unwrap_or("")) {
                continue;
            }
            checked += 1;
            let found = |ids: &BTreeSet<String>| match lit.split_once('{') {
                Some((stem, _)) => ids.iter().any(|i| i.starts_with(stem)),
                None => ids.contains(&lit),
            };
            for (lang, ids) in [("ja", &ja), ("en", &en)] {
                if !found(ids) {
                    missing.push(format!("{}:{line}: {lit} ({lang})", f.display()));
                }
            }
        }
    }
    assert!(checked > 150, "the ids in code were found ({checked})");
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}
