//! The rules of docs/ARCHITECTURE.md that the compiler cannot hold, checked on the syntax tree
//! of every file under `src` (parsed with `syn`, so grouped and nested `use` trees, paths inside
//! expressions, types and macro arguments, and the real extent of every function are seen):
//!
//! - **Layer order** `domain ← io ← assets ← i18n ← app ← ui ← cli ← lib/main`: a module refers
//!   only to the modules below it. Every path counts — `use crate::{ui::x}`, `use
//!   super::super::app::X`, `crate::ui::run(..)` in an expression, a path inside `format!(..)`.
//! - **Forbidden words** per layer ([`FORBIDDEN`]): the domain touches no GUI, files or clock;
//!   io, assets and i18n no GUI; the app layer no GUI toolkit. A word without `::` matches any
//!   identifier that contains it; `a::b` matches those segments in a row of a path (`use
//!   std::{fs}` is the path `std::fs`); a leading `::` asks for a segment before, a trailing `::`
//!   for one after, a trailing `()` for the last segment (`::now()`: `Zoned::now`).
//! - **Size**: no function longer than [`MAX_FN_LINES`] (free functions, methods in `impl` and
//!   `trait` blocks, functions inside modules and inside other functions, whatever their
//!   visibility — `pub(in crate::x) fn` too), no file longer than [`MAX_FILE_LINES`] lines
//!   outside its `#[cfg(test)]` items.
//! - **No file circles** in the top-level modules of [`NO_FILE_CIRCLES`]: the files of such a
//!   module, with an edge from a file to each other file of the module it refers to, form no
//!   cycle. A path is resolved the way the compiler does, well enough for this source:
//!   `crate::`, `self::` and `super::` from the module the path is written in (inline modules
//!   included), a first segment that names a child module or an item brought in by a `use` of
//!   that module (followed to what it imports), and glob imports one level deep. A resolved path
//!   points at the file that defines its item; a path that ends at a module points at the file
//!   of that module (its `mod.rs` or `x.rs`, or the file holding it inline).
//!
//!   **Re-exports** (`pub use`, and private `use` a child reaches with `super::`) are followed:
//!   a path through a re-export points at the file that *defines* the item, not at the file
//!   that re-exports it. The `use` item itself is an edge of the file that holds it, to the
//!   file it names (a `mod.rs` cannot compile without what it re-exports). So a `mod.rs` that
//!   re-exports its children must not also define what they use — such items belong in a leaf
//!   module beside them; a `mod.rs` that only declares and re-exports is never in a circle.
//!
//! Code under `#[cfg(test)]` (items and the files of test modules) is not checked. A failure
//! names the file and the line; a circle names its files and the reference behind each edge.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{Spacing, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::visit::{self, Visit};

const LAYERS: [&str; 7] = ["domain", "io", "assets", "i18n", "app", "ui", "cli"];
const MAX_FN_LINES: usize = 150;
const MAX_FILE_LINES: usize = 700;

/// The top-level modules whose files must not refer to each other in a circle.
const NO_FILE_CIRCLES: &[&str] = &["domain", "io", "app"];

/// Words a layer must not contain, with the reason (see the module comment for the patterns).
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

// ---------------------------------------------------------------------------------------------
// What one file says

/// A path as written (a leading `::` is an empty first segment), where it is written.
#[derive(Debug, Clone)]
struct Ref {
    segs: Vec<String>,
    /// The module the path is written in.
    scope: Vec<String>,
    line: usize,
}

/// The names a module defines and brings in.
#[derive(Debug, Default)]
struct ModuleFacts {
    /// The file that holds the module (its own file, or the file with the inline `mod`).
    file: usize,
    items: BTreeSet<String>,
    children: BTreeSet<String>,
    /// `use` leaves: the name in this module → the path as written.
    imports: BTreeMap<String, Vec<String>>,
    globs: Vec<Vec<String>>,
}

#[derive(Debug, Default)]
struct FileFacts {
    path: String,
    top: String,
    lines: usize,
    /// Line ranges (1-based, inclusive) of `#[cfg(test)]` items.
    test_spans: Vec<(usize, usize)>,
    /// Module paths declared under `#[cfg(test)]`.
    test_modules: Vec<Vec<String>>,
    refs: Vec<Ref>,
    idents: Vec<(String, usize)>,
    /// (name, first line, last line) of every function outside tests.
    fns: Vec<(String, usize, usize)>,
    modules: Vec<(Vec<String>, ModuleFacts)>,
    parse_error: Option<(usize, String)>,
}

fn line_of(span: proc_macro2::Span) -> usize {
    span.start().line
}

/// Whether attributes hold `#[cfg(test)]` (or a `cfg(all(test, ..))`), not negated.
fn is_test(attrs: &[syn::Attribute]) -> bool {
    fn words(tokens: TokenStream, out: &mut Vec<String>) {
        for t in tokens {
            match t {
                TokenTree::Group(g) => words(g.stream(), out),
                TokenTree::Ident(i) => out.push(i.to_string()),
                _ => {}
            }
        }
    }
    attrs.iter().any(|a| {
        a.path().is_ident("cfg")
            && a.meta.require_list().is_ok_and(|l| {
                let mut w = Vec::new();
                words(l.tokens.clone(), &mut w);
                w.iter().any(|t| t == "test") && !w.iter().any(|t| t == "not")
            })
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item as I;
    match item {
        I::Const(i) => &i.attrs,
        I::Enum(i) => &i.attrs,
        I::ExternCrate(i) => &i.attrs,
        I::Fn(i) => &i.attrs,
        I::ForeignMod(i) => &i.attrs,
        I::Impl(i) => &i.attrs,
        I::Macro(i) => &i.attrs,
        I::Mod(i) => &i.attrs,
        I::Static(i) => &i.attrs,
        I::Struct(i) => &i.attrs,
        I::Trait(i) => &i.attrs,
        I::TraitAlias(i) => &i.attrs,
        I::Type(i) => &i.attrs,
        I::Union(i) => &i.attrs,
        I::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// The name an item defines in its module's namespace.
fn item_name(item: &syn::Item) -> Option<String> {
    use syn::Item as I;
    let ident = match item {
        I::Const(i) => &i.ident,
        I::Enum(i) => &i.ident,
        I::Fn(i) => &i.sig.ident,
        I::Macro(i) => i.ident.as_ref()?,
        I::Mod(i) => &i.ident,
        I::Static(i) => &i.ident,
        I::Struct(i) => &i.ident,
        I::Trait(i) => &i.ident,
        I::TraitAlias(i) => &i.ident,
        I::Type(i) => &i.ident,
        I::Union(i) => &i.ident,
        _ => return None,
    };
    Some(ident.to_string())
}

/// The leaves of a `use` tree: (path, the name it binds — `None` for a glob).
fn use_leaves(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_leaves(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                out.push((prefix.clone(), prefix.last().cloned()));
            } else {
                let mut path = prefix.clone();
                path.push(name.clone());
                out.push((path, Some(name)));
            }
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            if r.ident != "self" {
                path.push(r.ident.to_string());
            }
            out.push((path, Some(r.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix.clone(), None)),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_leaves(t, prefix, out);
            }
        }
    }
}

struct Collector<'a> {
    facts: &'a mut FileFacts,
    file: usize,
    scope: Vec<String>,
}

impl Collector<'_> {
    fn module(&mut self) -> &mut ModuleFacts {
        let file = self.file;
        let scope = self.scope.clone();
        let modules = &mut self.facts.modules;
        let at = match modules.iter().position(|(p, _)| *p == scope) {
            Some(at) => at,
            None => {
                modules.push((
                    scope,
                    ModuleFacts {
                        file,
                        ..Default::default()
                    },
                ));
                modules.len() - 1
            }
        };
        &mut modules[at].1
    }

    fn test_item(&mut self, attrs: &[syn::Attribute], span: proc_macro2::Span) {
        let start = attrs
            .iter()
            .map(|a| line_of(a.pound_token.span))
            .min()
            .unwrap_or_else(|| line_of(span))
            .min(line_of(span));
        self.facts.test_spans.push((start, span.end().line));
    }

    fn function(&mut self, name: &syn::Ident, start: proc_macro2::Span, block: &syn::Block) {
        let end = block.brace_token.span.close().end().line;
        self.facts.fns.push((name.to_string(), line_of(start), end));
    }

    fn path(&mut self, segs: Vec<String>, line: usize) {
        let scope = self.scope.clone();
        self.facts.refs.push(Ref { segs, scope, line });
    }

    /// Paths and identifiers inside a macro's tokens (`format!("{}", crate::ui::x())`).
    fn tokens(&mut self, tokens: TokenStream) {
        let toks: Vec<TokenTree> = tokens.into_iter().collect();
        let colons = |i: usize| {
            matches!((toks.get(i), toks.get(i + 1)),
                (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                    if a.as_char() == ':' && a.spacing() == Spacing::Joint && b.as_char() == ':')
        };
        let mut i = 0;
        while i < toks.len() {
            match &toks[i] {
                TokenTree::Group(g) => {
                    self.tokens(g.stream());
                    i += 1;
                }
                TokenTree::Ident(id) => {
                    let line = line_of(id.span());
                    let dollar =
                        i > 0 && matches!(&toks[i - 1], TokenTree::Punct(p) if p.as_char() == '$');
                    let leading = i >= 2 && colons(i - 2);
                    let mut segs = if leading {
                        vec![String::new()]
                    } else {
                        Vec::new()
                    };
                    segs.push(id.to_string());
                    self.facts.idents.push((id.to_string(), line));
                    let mut j = i + 1;
                    while colons(j) {
                        let Some(TokenTree::Ident(next)) = toks.get(j + 2) else {
                            break;
                        };
                        self.facts
                            .idents
                            .push((next.to_string(), line_of(next.span())));
                        segs.push(next.to_string());
                        j += 3;
                    }
                    if !dollar {
                        self.path(segs, line);
                    }
                    i = j;
                }
                _ => i += 1,
            }
        }
    }
}

impl<'ast> Visit<'ast> for Collector<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if is_test(item_attrs(item)) {
            self.test_item(item_attrs(item), item.span());
            if let syn::Item::Mod(m) = item {
                let mut path = self.scope.clone();
                path.push(m.ident.to_string());
                self.facts.test_modules.push(path);
            }
            return;
        }
        if let Some(name) = item_name(item) {
            self.module().items.insert(name);
        }
        visit::visit_item(self, item);
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let name = m.ident.to_string();
        self.module().children.insert(name.clone());
        if let Some((_, items)) = &m.content {
            self.scope.push(name);
            self.module();
            for item in items {
                self.visit_item(item);
            }
            self.scope.pop();
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut leaves = Vec::new();
        let mut prefix = Vec::new();
        if u.leading_colon.is_some() {
            prefix.push(String::new());
        }
        use_leaves(&u.tree, &mut prefix, &mut leaves);
        let line = line_of(u.use_token.span);
        for (path, name) in leaves {
            self.path(path.clone(), line);
            match name {
                Some(n) if n != "_" => {
                    self.module().imports.insert(n, path);
                }
                Some(_) => {}
                None => self.module().globs.push(path),
            }
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let mut segs: Vec<String> = Vec::new();
        if p.leading_colon.is_some() {
            segs.push(String::new());
        }
        segs.extend(p.segments.iter().map(|s| s.ident.to_string()));
        self.path(segs, line_of(p.span()));
        visit::visit_path(self, p);
    }

    /// `pub(super)`, `pub(in crate::io)`: a restriction names an ancestor, it uses nothing.
    fn visit_visibility(&mut self, _: &'ast syn::Visibility) {}

    fn visit_ident(&mut self, i: &'ast proc_macro2::Ident) {
        self.facts.idents.push((i.to_string(), line_of(i.span())));
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        self.visit_path(&m.path);
        self.tokens(m.tokens.clone());
    }

    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        let start = match &f.vis {
            syn::Visibility::Inherited => f.sig.span(),
            v => v.span(),
        };
        self.function(&f.sig.ident, start, &f.block);
        visit::visit_item_fn(self, f);
    }

    fn visit_impl_item(&mut self, i: &'ast syn::ImplItem) {
        let attrs = match i {
            syn::ImplItem::Const(c) => &c.attrs,
            syn::ImplItem::Fn(f) => &f.attrs,
            syn::ImplItem::Type(t) => &t.attrs,
            syn::ImplItem::Macro(m) => &m.attrs,
            _ => return visit::visit_impl_item(self, i),
        };
        if is_test(attrs) {
            self.test_item(attrs, i.span());
            return;
        }
        visit::visit_impl_item(self, i);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        let start = match &f.vis {
            syn::Visibility::Inherited => f.sig.span(),
            v => v.span(),
        };
        self.function(&f.sig.ident, start, &f.block);
        visit::visit_impl_item_fn(self, f);
    }

    fn visit_trait_item(&mut self, i: &'ast syn::TraitItem) {
        if let syn::TraitItem::Fn(f) = i
            && is_test(&f.attrs)
        {
            self.test_item(&f.attrs, i.span());
            return;
        }
        visit::visit_trait_item(self, i);
    }

    fn visit_trait_item_fn(&mut self, f: &'ast syn::TraitItemFn) {
        if let Some(block) = &f.default {
            self.function(&f.sig.ident, f.sig.span(), block);
        }
        visit::visit_trait_item_fn(self, f);
    }
}

fn collect(index: usize, path: &str, text: &str) -> FileFacts {
    let mut facts = FileFacts {
        path: path.to_string(),
        top: top_module(path),
        lines: text.lines().count(),
        ..Default::default()
    };
    let scope = if path == "src/main.rs" {
        Vec::new()
    } else {
        module_path(path)
    };
    match syn::parse_file(text) {
        Ok(file) => {
            let mut c = Collector {
                facts: &mut facts,
                file: index,
                scope,
            };
            c.module();
            c.visit_file(&file);
        }
        Err(e) => facts.parse_error = Some((line_of(e.span()), e.to_string())),
    }
    facts
}

// ---------------------------------------------------------------------------------------------
// The crate: modules and the resolution of paths

struct Crate {
    files: Vec<FileFacts>,
    modules: BTreeMap<Vec<String>, ModuleFacts>,
    /// Files of modules declared under `#[cfg(test)]`.
    test_files: BTreeSet<usize>,
}

impl Crate {
    fn new(files: &[(String, String)]) -> Crate {
        let mut facts: Vec<FileFacts> = files
            .iter()
            .enumerate()
            .map(|(i, (p, t))| collect(i, p, t))
            .collect();
        let mut modules = BTreeMap::new();
        let mut test_modules = Vec::new();
        for f in &mut facts {
            test_modules.append(&mut f.test_modules);
            // The binary is its own crate: none of its paths lead into the library's modules.
            if f.path == "src/main.rs" {
                f.modules.clear();
                continue;
            }
            for (p, m) in std::mem::take(&mut f.modules) {
                modules.insert(p, m);
            }
        }
        let test_files = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| {
                let here = module_path(&f.path);
                f.path != "src/main.rs" && test_modules.iter().any(|t| here.starts_with(t))
            })
            .map(|(i, _)| i)
            .collect();
        Crate {
            files: facts,
            modules,
            test_files,
        }
    }

    /// The absolute module path (below the crate root) of a path written in `scope`, or `None`
    /// for a path outside the crate (another crate, the prelude, a local name, a generic).
    /// With `follow`, a first segment brought in by a `use` is replaced by what it imports.
    fn absolute(&self, scope: &[String], segs: &[String], follow: bool) -> Option<Vec<String>> {
        self.resolve(scope, segs, follow, 0)
    }

    fn resolve(
        &self,
        scope: &[String],
        segs: &[String],
        follow: bool,
        depth: usize,
    ) -> Option<Vec<String>> {
        let (first, rest) = segs.split_first()?;
        if depth > 8 {
            return None;
        }
        match first.as_str() {
            "" | "Self" | "$crate" => None,
            "crate" => Some(rest.to_vec()),
            "self" | "super" => {
                let mut base = scope.to_vec();
                let mut rest = if first == "self" { rest } else { segs };
                while let Some((s, r)) = rest.split_first()
                    && s == "super"
                {
                    base.pop()?;
                    rest = r;
                }
                Some([base, rest.to_vec()].concat())
            }
            name => {
                let m = self.modules.get(scope)?;
                if m.children.contains(name) {
                    return Some([scope.to_vec(), segs.to_vec()].concat());
                }
                if !follow {
                    return None;
                }
                if let Some(target) = m.imports.get(name) {
                    let full = [target.clone(), rest.to_vec()].concat();
                    return self.resolve(scope, &full, follow, depth + 1);
                }
                for g in &m.globs {
                    let Some(base) = self.resolve(scope, g, follow, depth + 1) else {
                        continue;
                    };
                    if self.modules.get(&base).is_some_and(|gm| gm.defines(name)) {
                        return Some([base, segs.to_vec()].concat());
                    }
                }
                None
            }
        }
    }

    /// The file that defines what an absolute path names (through re-exports).
    fn target(&self, abs: &[String], depth: usize) -> Option<usize> {
        if depth > 8 {
            return None;
        }
        let k = (0..=abs.len())
            .rev()
            .find(|k| self.modules.contains_key(&abs[..*k]))?;
        let m = &self.modules[&abs[..k]];
        let Some(name) = abs.get(k) else {
            return Some(m.file);
        };
        if m.items.contains(name) {
            return Some(m.file);
        }
        if let Some(import) = m.imports.get(name) {
            let full = [import.clone(), abs[k + 1..].to_vec()].concat();
            if let Some(t) = self.absolute(&abs[..k], &full, true) {
                return self.target(&t, depth + 1).or(Some(m.file));
            }
        }
        for g in &m.globs {
            if let Some(base) = self.absolute(&abs[..k], g, true)
                && self.modules.get(&base).is_some_and(|gm| gm.defines(name))
            {
                return self.target(&[base, abs[k..].to_vec()].concat(), depth + 1);
            }
        }
        Some(m.file)
    }
}

impl ModuleFacts {
    fn defines(&self, name: &str) -> bool {
        self.items.contains(name) || self.children.contains(name) || self.imports.contains_key(name)
    }
}

// ---------------------------------------------------------------------------------------------
// The checks

/// Whether a path matches a pattern of [`FORBIDDEN`].
fn matches_word(pattern: &str, segs: &[String]) -> bool {
    let after = pattern.starts_with("::");
    let call = pattern.ends_with("()");
    let body = pattern.trim_start_matches("::").trim_end_matches("()");
    let before = body.ends_with("::");
    let words: Vec<&str> = body.trim_end_matches("::").split("::").collect();
    if words.len() == 1 && !after && !call && !before {
        return segs.iter().any(|s| s.contains(words[0]));
    }
    let segs: Vec<&str> = segs
        .iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    (0..segs.len()).any(|i| {
        segs.get(i..i + words.len()) == Some(&words[..])
            && (!after || i > 0)
            && (!before || i + words.len() < segs.len())
            && (!call || i + words.len() == segs.len())
    })
}

/// Checks a source tree given as (path below the crate, text) pairs, with the file circles of
/// the top-level modules `no_circles`.
fn check_with(files: &[(String, String)], no_circles: &[&str]) -> Vec<Violation> {
    let krate = Crate::new(files);
    let mut v = Vec::new();
    for (i, f) in krate.files.iter().enumerate() {
        if krate.test_files.contains(&i) {
            continue;
        }
        let at = |line: usize, what: String| Violation {
            file: f.path.clone(),
            line,
            what,
        };
        if let Some((line, e)) = &f.parse_error {
            v.push(at(*line, format!("does not parse: {e}")));
            continue;
        }
        let mut seen = BTreeSet::new();
        for r in &f.refs {
            let Some(abs) = krate.absolute(&r.scope, &r.segs, false) else {
                continue;
            };
            let Some(used) = abs.first() else { continue };
            if LAYERS.contains(&used.as_str())
                && rank(used) > rank(&f.top)
                && seen.insert((r.line, used.clone()))
            {
                v.push(at(
                    r.line,
                    format!("`{}` uses `{used}`, a layer above it", f.top),
                ));
            }
        }
        let idents = f.idents.iter().map(|(s, l)| (std::slice::from_ref(s), *l));
        let paths = f.refs.iter().map(|r| (&r.segs[..], r.line));
        let mut seen = BTreeSet::new();
        for (segs, line) in paths.chain(idents) {
            for (layer, word, why) in FORBIDDEN {
                if f.top == *layer && matches_word(word, segs) && seen.insert((line, *word)) {
                    v.push(at(line, format!("`{word}`: {why}")));
                }
            }
        }
        let mut test_lines = BTreeSet::new();
        for (a, b) in &f.test_spans {
            test_lines.extend(*a..=*b);
        }
        let counted = f.lines - test_lines.len();
        if counted > MAX_FILE_LINES {
            v.push(at(
                1,
                format!("{counted} lines outside tests (at most {MAX_FILE_LINES})"),
            ));
        }
        for (name, start, end) in &f.fns {
            let len = end - start + 1;
            if len > MAX_FN_LINES {
                v.push(at(
                    *start,
                    format!("fn {name} has {len} lines (at most {MAX_FN_LINES})"),
                ));
            }
        }
    }
    v.extend(file_circles(&krate, no_circles));
    v
}

fn check(files: &[(String, String)]) -> Vec<Violation> {
    check_with(files, NO_FILE_CIRCLES)
}

/// The edges between the files of the top-level module `top`: file → file → (line, path).
fn file_edges(krate: &Crate, top: &str) -> BTreeMap<usize, BTreeMap<usize, (usize, String)>> {
    let mut edges: BTreeMap<usize, BTreeMap<usize, (usize, String)>> = BTreeMap::new();
    for (i, f) in krate.files.iter().enumerate() {
        if f.top != top || krate.test_files.contains(&i) || f.path == "src/main.rs" {
            continue;
        }
        edges.entry(i).or_default();
        for r in &f.refs {
            let Some(abs) = krate.absolute(&r.scope, &r.segs, true) else {
                continue;
            };
            if abs.first().map(String::as_str) != Some(top) {
                continue;
            }
            let Some(to) = krate.target(&abs, 0) else {
                continue;
            };
            if to != i && krate.files[to].top == top && !krate.test_files.contains(&to) {
                edges
                    .entry(i)
                    .or_default()
                    .entry(to)
                    .or_insert((r.line, r.segs.join("::")));
            }
        }
    }
    edges
}

/// A violation for each circle of files in the top-level modules `tops`.
fn file_circles(krate: &Crate, tops: &[&str]) -> Vec<Violation> {
    let mut v = Vec::new();
    for top in tops {
        let edges = file_edges(krate, top);
        for component in strongly_connected(&edges) {
            let name = |i: usize| krate.files[i].path.clone();
            let first = component[0];
            let cycle = shortest_cycle(&edges, first, &component);
            let mut text = format!(
                "{} files of `{top}` refer to each other in a circle: {}\n  for example:",
                component.len(),
                component
                    .iter()
                    .map(|i| name(*i))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for pair in cycle.windows(2) {
                let (line, path) = &edges[&pair[0]][&pair[1]];
                text.push_str(&format!(
                    "\n    {}:{line}: {path} → {}",
                    name(pair[0]),
                    name(pair[1])
                ));
            }
            text.push_str("\n  every edge inside the circle:");
            for from in &component {
                for (to, (line, path)) in &edges[from] {
                    if component.contains(to) {
                        text.push_str(&format!(
                            "\n    {}:{line}: {path} → {}",
                            name(*from),
                            name(*to)
                        ));
                    }
                }
            }
            v.push(Violation {
                file: name(first),
                line: 1,
                what: text,
            });
        }
    }
    v
}

/// The strongly connected components with more than one node (Tarjan), each sorted.
fn strongly_connected(
    edges: &BTreeMap<usize, BTreeMap<usize, (usize, String)>>,
) -> Vec<Vec<usize>> {
    struct Tarjan<'a> {
        edges: &'a BTreeMap<usize, BTreeMap<usize, (usize, String)>>,
        index: BTreeMap<usize, usize>,
        low: BTreeMap<usize, usize>,
        stack: Vec<usize>,
        on_stack: BTreeSet<usize>,
        out: Vec<Vec<usize>>,
    }
    impl Tarjan<'_> {
        fn visit(&mut self, n: usize) {
            let i = self.index.len();
            self.index.insert(n, i);
            self.low.insert(n, i);
            self.stack.push(n);
            self.on_stack.insert(n);
            let next: Vec<usize> = self
                .edges
                .get(&n)
                .map(|e| e.keys().copied().collect())
                .unwrap_or_default();
            for m in next {
                if !self.index.contains_key(&m) {
                    self.visit(m);
                    let low = self.low[&n].min(self.low[&m]);
                    self.low.insert(n, low);
                } else if self.on_stack.contains(&m) {
                    let low = self.low[&n].min(self.index[&m]);
                    self.low.insert(n, low);
                }
            }
            if self.low[&n] == self.index[&n] {
                let mut component = Vec::new();
                while let Some(m) = self.stack.pop() {
                    self.on_stack.remove(&m);
                    component.push(m);
                    if m == n {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort_unstable();
                    self.out.push(component);
                }
            }
        }
    }
    let mut t = Tarjan {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for n in edges.keys() {
        if !t.index.contains_key(n) {
            t.visit(*n);
        }
    }
    t.out.sort();
    t.out
}

/// The shortest cycle through `start` inside `component`: start, …, start.
fn shortest_cycle(
    edges: &BTreeMap<usize, BTreeMap<usize, (usize, String)>>,
    start: usize,
    component: &[usize],
) -> Vec<usize> {
    let mut came_from: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        for m in edges.get(&n).into_iter().flat_map(|e| e.keys()) {
            if !component.contains(m) {
                continue;
            }
            if *m == start {
                let mut path = vec![n];
                let mut at = n;
                while let Some(p) = came_from.get(&at) {
                    path.push(*p);
                    at = *p;
                }
                if path.last() != Some(&start) {
                    path.push(start);
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if *m != start && !came_from.contains_key(m) {
                came_from.insert(*m, n);
                queue.push_back(*m);
            }
        }
    }
    vec![start, start]
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

fn report(v: &[Violation]) -> String {
    v.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_source_keeps_the_layer_order_the_size_limits_and_no_file_circles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    read_tree(&root.join("src"), root, &mut files);
    assert!(files.len() > 40, "the source was read");
    let v = check(&files);
    assert!(v.is_empty(), "{}", report(&v));
}

// ---------------------------------------------------------------------------------------------
// The checker's own tests, on sources in memory

fn src(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files
        .iter()
        .map(|(p, t)| (p.to_string(), t.to_string()))
        .collect()
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
    assert!(check(&src(&[("src/domain/a.rs", ok)])).is_empty());
    let sup = check(&src(&[("src/io/json.rs", "use super::super::app::X;\n")]));
    assert_eq!(sup.len(), 1, "{sup:?}");
    let clock = check(&src(&[(
        "src/domain/a.rs",
        "fn f() { let t = jiff::Zoned::now(); }\n",
    )]));
    assert_eq!(clock.len(), 1, "{clock:?}");
    assert!(clock[0].what.starts_with("`::now()`"), "{clock:?}");
    // A method of that name is no clock.
    let method = check(&src(&[("src/domain/a.rs", "fn f(x: X) { x.now(); }\n")]));
    assert!(method.is_empty(), "{method:?}");
}

/// The blind spots of the line scanner this checker replaced, each caught.
#[test]
fn the_checker_sees_grouped_and_nested_paths() {
    let one = |path: &str, text: &str| check(&src(&[(path, text)]));
    let v = one("src/domain/a.rs", "use crate::{ui::x};\n");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].what, "`domain` uses `ui`, a layer above it");
    let v = one("src/io/a.rs", "use crate::{domain::d, app::{a, b}};\n");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].what, "`io` uses `app`, a layer above it");
    let v = one("src/domain/a.rs", "use std::{fs};\n");
    assert_eq!(v.len(), 1, "{v:?}");
    assert_eq!(v[0].what, "`std::fs`: the domain reads and writes no files");
    let v = one("src/domain/a.rs", "use std::{io, fs::{self, read}};\n");
    assert_eq!(v.len(), 1, "one line, one word: {v:?}");
    let v = one(
        "src/domain/a.rs",
        "fn f() -> Vec<u8> { std::fs::read(\"x\").unwrap_or_default() }\n",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    let v = one("src/domain/a.rs", "fn f() {\n    crate::ui::run(1);\n}\n");
    assert_eq!((v.len(), v[0].line), (1, 2), "{v:?}");
    let v = one(
        "src/domain/a.rs",
        "fn f() -> String {\n    format!(\"{}\", crate::app::x())\n}\n",
    );
    assert_eq!((v.len(), v[0].line), (1, 2), "in a macro: {v:?}");
    let v = one("src/domain/a.rs", "fn f(x: crate::ui::X) {}\n");
    assert_eq!(v.len(), 1, "in a type: {v:?}");
    let v = one("src/domain/x/a.rs", "use super::super::super::ui::X;\n");
    assert_eq!(v.len(), 1, "{v:?}");
    let v = one(
        "src/domain/a.rs",
        "mod inner {\n    use self::super::super::super::ui::X;\n}\n",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    let v = one(
        "src/domain/a.rs",
        "fn f() { let w = egui::Window::new(\"x\"); }\n",
    );
    assert_eq!(v.len(), 1, "{v:?}");
    let v = one(
        "src/app/a.rs",
        "use eframe::egui;\nfn f() { rfd::FileDialog::new(); }\n",
    );
    assert_eq!(v.len(), 3, "{v:?}");
    // `rfd` alone (a name) is not the crate's path.
    assert!(one("src/app/a.rs", "fn rfd() {}\n").is_empty());
    // The root module may name its children without `crate::`.
    assert!(one("src/lib.rs", "pub mod ui;\npub use ui::run;\n").is_empty());
}

#[test]
fn the_checker_finds_long_functions_and_files() {
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES);
    let long = format!("pub fn long() {{\n{body}}}\n");
    let v = check(&src(&[("src/io/a.rs", &long)]));
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].what.starts_with("fn long has"));
    let short = format!("fn short() {{\n{}}}\n", "    let x = 1;\n".repeat(10));
    assert!(check(&src(&[("src/io/a.rs", &short)])).is_empty());
    let big = short.repeat(60);
    let v = check(&src(&[("src/io/a.rs", &big)]));
    assert_eq!(v.len(), 1, "{v:?}");
    // Lines inside a test module are not counted.
    let indented: String = short
        .repeat(60)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect();
    let with_tests = format!("{short}#[cfg(test)]\nmod tests {{\n{indented}}}\n");
    assert!(check(&src(&[("src/io/a.rs", &with_tests)])).is_empty());
    let all = format!("{short}#[cfg(all(test, unix))]\nmod tests {{\n{indented}}}\n");
    assert!(check(&src(&[("src/io/a.rs", &all)])).is_empty());
    // Nor the file of a test module.
    let files = src(&[
        ("src/io/mod.rs", "#[cfg(test)]\nmod tests;\n"),
        ("src/io/tests.rs", &big),
    ]);
    assert!(check(&files).is_empty());
    // The limit itself is allowed.
    let body = "    let x = 1;\n".repeat(MAX_FN_LINES - 2);
    let just = format!("fn just() {{\n{body}}}\n");
    assert!(check(&src(&[("src/io/a.rs", &just)])).is_empty());
}

/// Every kind of function is measured from its first line to its closing brace.
#[test]
fn the_checker_measures_every_kind_of_function() {
    let body = "        let x = 1;\n".repeat(MAX_FN_LINES);
    let cases = [
        format!("pub(in crate::io) fn f() {{\n{body}}}\n"),
        format!("pub(in crate::io)\nfn f() {{\n{body}}}\n"),
        format!("impl X {{\n    pub(crate) fn f(&self) {{\n{body}    }}\n}}\n"),
        format!("trait T {{\n    fn f(&self) {{\n{body}    }}\n}}\n"),
        format!("mod inner {{\n    pub(super) fn f() {{\n{body}    }}\n}}\n"),
        format!("fn outer() {{\n    fn f() {{\n{body}    }}\n}}\n"),
        format!("const fn f(\n    a: u8,\n) -> u8\nwhere\n    u8: Copy,\n{{\n{body}    a\n}}\n"),
    ];
    for case in cases {
        let v = check(&src(&[("src/io/a.rs", &case)]));
        assert!(
            v.iter().any(|v| v.what.starts_with("fn f has")),
            "not caught:\n{case}"
        );
    }
}

/// Three files of `io` that refer to each other in a circle (one edge through a re-export),
/// and the same three without the circle.
#[test]
fn the_checker_finds_a_circle_of_files() {
    let circle = src(&[
        (
            "src/io/mod.rs",
            "pub mod a;\npub mod b;\npub mod c;\npub use c::C;\n",
        ),
        ("src/io/a.rs", "use crate::io::b::B;\npub struct A(B);\n"),
        ("src/io/b.rs", "pub struct B(super::C);\n"),
        (
            "src/io/c.rs",
            "pub struct C;\nimpl C {\n    fn f() -> crate::io::a::A { todo!() }\n}\n",
        ),
    ]);
    let v = check_with(&circle, &["io"]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(
        v[0].what.starts_with(
            "3 files of `io` refer to each other in a circle: src/io/a.rs, src/io/b.rs, src/io/c.rs"
        ),
        "{}",
        v[0]
    );
    assert!(
        v[0].what
            .contains("src/io/c.rs:3: crate::io::a::A → src/io/a.rs"),
        "{}",
        v[0]
    );
    // Not checked in a module that is not listed.
    assert!(check_with(&circle, &["domain"]).is_empty());
    // c no longer refers to a; the re-export of C in mod.rs makes no circle of its own.
    let mut fixed = circle;
    fixed[3].1 = "pub struct C;\n".into();
    assert!(
        check_with(&fixed, &["io"]).is_empty(),
        "{}",
        report(&check_with(&fixed, &["io"]))
    );
    // A grouped `use` through an imported module name is followed too.
    fixed[3].1 = "use crate::io::{a};\npub struct C;\nfn f(_: a::A) {}\n".into();
    assert_eq!(check_with(&fixed, &["io"]).len(), 1);
    // A mod.rs that defines what a child uses and re-exports that child is a circle.
    let knot = src(&[
        (
            "src/io/mod.rs",
            "pub mod error;\npub mod x;\npub use x::X;\npub struct Knot;\n",
        ),
        ("src/io/x.rs", "pub struct X(super::Knot);\n"),
    ]);
    let v = check_with(&knot, &["io"]);
    assert_eq!(v.len(), 1, "{v:?}");
    assert!(v[0].what.contains("src/io/mod.rs, src/io/x.rs"), "{}", v[0]);
    // Test code makes no edges.
    let tested = src(&[
        (
            "src/io/mod.rs",
            "pub mod x;\npub struct Knot;\n#[cfg(test)]\nmod tests {\n    use super::x::X;\n}\n",
        ),
        ("src/io/x.rs", "pub struct X(super::Knot);\n"),
    ]);
    assert!(check_with(&tested, &["io"]).is_empty());
}
