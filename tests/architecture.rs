//! The layer order of docs/ARCHITECTURE.md, checked on the source: each top-level module uses
//! only the modules below it (domain ← io ← assets ← i18n ← app ← ui ← cli ← lib/main); the
//! domain touches no GUI, files or clock; the app layer no GUI toolkit; no function is longer
//! than 150 lines and no file longer than 700 lines outside its tests. A failure names the file
//! and the line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

const LAYERS: [&str; 7] = ["domain", "io", "assets", "i18n", "app", "ui", "cli"];
const MAX_FN_LINES: usize = 150;
const MAX_FILE_LINES: usize = 700;

/// Words a layer must not contain, with the reason.
const FORBIDDEN: &[(&str, &str, &str)] = &[
    ("domain", "egui", "the domain has no GUI"),
    ("domain", "eframe", "the domain has no GUI"),
    ("domain", "std::fs", "the domain reads and writes no files"),
    ("domain", "File::", "the domain reads and writes no files"),
    ("domain", "::now()", "the domain has no clock"),
    ("domain", "SystemTime", "the domain has no clock"),
    ("io", "egui", "io has no GUI"),
    ("assets", "egui", "assets have no GUI"),
    ("i18n", "egui", "i18n has no GUI"),
    ("app", "egui", "the app layer has no GUI toolkit"),
    ("app", "eframe", "the app layer has no GUI toolkit"),
    ("app", "rfd::", "the app layer has no GUI toolkit"),
];

#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    what: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.what)
    }
}

fn rank(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| *l == module)
        .unwrap_or(LAYERS.len())
}

/// The top-level module a file belongs to (`src/io/xlsx/mod.rs` → `io`; `src/lib.rs` → `lib`).
fn top_module(path: &str) -> String {
    let rel = path.trim_start_matches("src/");
    let first = rel.split('/').next().unwrap_or(rel);
    first.trim_end_matches(".rs").to_string()
}

/// The file's module path below the crate root (`src/io/xlsx/mod.rs` → [io, xlsx]).
fn module_path(path: &str) -> Vec<String> {
    let rel = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts
        .last()
        .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
    {
        parts.pop();
    }
    parts
}

/// The code of a line without its comment and string literals (good enough for this source).
fn code_of(line: &str, in_block_comment: &mut bool) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    let mut in_str = false;
    while let Some(c) = chars.next() {
        if *in_block_comment {
            if c == '*' && chars.peek() == Some(&'/') {
                chars.next();
                *in_block_comment = false;
            }
            continue;
        }
        if in_str {
            if c == '\\' {
                chars.next();
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '/' if chars.peek() == Some(&'/') => break,
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                *in_block_comment = true;
            }
            _ => out.push(c),
        }
    }
    out
}

/// The top-level modules a line of code refers to, from `crate::x` and `super::` paths.
fn referenced(code: &str, here: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        found.push(name);
    }
    for (i, _) in code.match_indices("super::") {
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &code[i..];
        let mut depth = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            depth += 1;
            rest = r;
        }
        // `super` from a module at depth d reaches depth d-1 (inline test modules aside).
        if depth >= here.len() {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(name);
        }
    }
    found
}

/// Line ranges (0-based, inclusive) of `#[cfg(test)]` items.
fn test_blocks(lines: &[&str]) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            let indent = lines[i].len() - lines[i].trim_start().len();
            let start = i;
            let mut j = i + 1;
            if lines.get(j).is_some_and(|l| l.trim_end().ends_with(';')) {
                blocks.push((start, j));
                i = j + 1;
                continue;
            }
            while j < lines.len() {
                let l = lines[j];
                if l.trim() == "}" && l.len() - l.trim_start().len() == indent {
                    break;
                }
                j += 1;
            }
            blocks.push((start, j));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    blocks
}

/// Functions longer than the limit: (line, name, length).
fn long_functions(lines: &[&str], skip: &[(usize, usize)]) -> Vec<(usize, String, usize)> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if skip.iter().any(|(a, b)| (*a..=*b).contains(&i)) {
            continue;
        }
        let t = line.trim_start();
        let Some(pos) = t.find("fn ") else { continue };
        let head = &t[..pos];
        let is_fn = head.split_whitespace().all(|w| {
            [
                "pub",
                "pub(crate)",
                "pub(super)",
                "const",
                "async",
                "unsafe",
                "extern",
            ]
            .contains(&w)
                || w.starts_with("pub(")
        });
        if !is_fn {
            continue;
        }
        let name: String = t[pos + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let indent = line.len() - t.len();
        // The closing brace of the body sits at the `fn`'s indentation.
        let mut end = None;
        for (j, l) in lines.iter().enumerate().skip(i) {
            let lt = l.trim_start();
            if j > i && l.len() - lt.len() <= indent && !lt.is_empty() {
                if lt.starts_with('}') {
                    end = Some(j);
                    break;
                }
                // The rest of a signature that spans several lines.
                if lt.starts_with(')') || lt.starts_with("where") || lt.starts_with('{') {
                    continue;
                }
                break;
            }
            if j == i && (t.ends_with(';') || t.ends_with('}')) {
                break;
            }
        }
        if let Some(end) = end {
            let len = end - i + 1;
            if len > MAX_FN_LINES {
                out.push((i + 1, name, len));
            }
        }
    }
    out
}

/// Checks a source tree given as (path below the crate, text) pairs.
fn check(files: &[(String, String)]) -> Vec<Violation> {
    let mut v = Vec::new();
    for (path, text) in files {
        let top = top_module(path);
        let here = module_path(path);
        let lines: Vec<&str> = text.lines().collect();
        let tests = test_blocks(&lines);
        let in_tests = |i: usize| tests.iter().any(|(a, b)| (*a..=*b).contains(&i));
        let is_test_file = path.ends_with("/tests.rs");
        let mut block = false;
        for (i, line) in lines.iter().enumerate() {
            let code = code_of(line, &mut block);
            if in_tests(i) || is_test_file {
                continue;
            }
            for used in referenced(&code, &here) {
                if LAYERS.contains(&used.as_str()) && rank(&used) > rank(&top) {
                    v.push(Violation {
                        file: path.clone(),
                        line: i + 1,
                        what: format!("`{top}` uses `{used}`, a layer above it"),
                    });
                }
            }
            for (layer, word, why) in FORBIDDEN {
                if top == *layer && code.contains(word) {
                    v.push(Violation {
                        file: path.clone(),
                        line: i + 1,
                        what: format!("`{word}`: {why}"),
                    });
                }
            }
        }
        if is_test_file {
            continue;
        }
        let counted = lines.len() - tests.iter().map(|(a, b)| b - a + 1).sum::<usize>();
        if counted > MAX_FILE_LINES {
            v.push(Violation {
                file: path.clone(),
                line: 1,
                what: format!("{counted} lines outside tests (at most {MAX_FILE_LINES})"),
            });
        }
        for (line, name, len) in long_functions(&lines, &tests) {
            v.push(Violation {
                file: path.clone(),
                line,
                what: format!("fn {name} has {len} lines (at most {MAX_FN_LINES})"),
            });
        }
    }
    v
}

fn read_tree(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            read_tree(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read_to_string(&p).unwrap()));
        }
    }
}

#[test]
fn the_source_keeps_the_layer_order_and_the_size_limits() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    read_tree(&root.join("src"), root, &mut files);
    assert!(files.len() > 40, "the source was read");
    let v = check(&files);
    assert!(
        v.is_empty(),
        "{}",
        v.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checker_finds_a_layer_used_from_below() {
    let tree = |domain_line: &str| {
        vec![
            (
                "src/domain/answer.rs".to_string(),
                format!("//! Answers.\n\nuse std::fmt;\n{domain_line}\n\npub fn f() {{}}\n"),
            ),
            (
                "src/ui/mod.rs".to_string(),
                "use crate::domain::answer::f;\nuse crate::app::AppState;\n".to_string(),
            ),
        ]
    };
    assert_eq!(check(&tree("")), Vec::new(), "ui may use app and domain");
    let v = check(&tree("use crate::ui::theme;"));
    assert_eq!(
        v,
        vec![Violation {
            file: "src/domain/answer.rs".into(),
            line: 4,
            what: "`domain` uses `ui`, a layer above it".into(),
        }]
    );
    // Comments, strings and test modules do not count; `super::` reaching the root does.
    let ok = "// use crate::ui::x;\nconst S: &str = \"crate::ui\";\n#[cfg(test)]\nmod tests {\n    use crate::ui::x;\n}\n";
    assert!(check(&[("src/domain/a.rs".into(), ok.into())]).is_empty());
    let sup = check(&[(
        "src/io/json.rs".into(),
        "use super::super::app::X;\n".into(),
    )]);
    assert_eq!(sup.len(), 1, "{sup:?}");
    let clock = check(&[(
        "src/domain/a.rs".into(),
        "let t = jiff::Zoned::now();\n".into(),
    )]);
    assert_eq!(clock.len(), 1);
}

#[test]
fn the_checker_finds_long_functions_and_files() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES);
    let long = format!("pub fn long() {{\n{body}}}\n");
    let v = check(&[("src/io/a.rs".into(), long)]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].what.starts_with("fn long has"));
    let short = format!("fn short() {{\n{}}}\n", "    let x = 1;\n".repeat(10));
    assert!(check(&[("src/io/a.rs".into(), short.clone())]).is_empty());
    let big = short.repeat(60);
    let v = check(&[("src/io/a.rs".into(), big)]);
    assert_eq!(v.len(), 1, "{v:?}");
    // Lines inside a test module are not counted.
    let indented: String = short
        .repeat(60)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect();
    let with_tests = format!("{short}#[cfg(test)]\nmod tests {{\n{indented}}}\n");
    assert!(check(&[("src/io/a.rs".into(), with_tests)]).is_empty());
}
