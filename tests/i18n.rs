//! Every Fluent message id the code uses exists in Japanese and in English.
//!
//! Every Rust file under `src/` (the CLI, the app, the UI, i18n itself, domain and io alike)
//! is parsed with `syn`, so strings in comments, raw strings and macros are seen as Rust sees
//! them. Two kinds of string literal are checked:
//!
//! - whatever is passed as the id to the localizer (`t`, `ta`, `has`), whatever it looks like:
//!   `l.t(if x { "a" } else { "b" })` checks both; `l.t(&format!("value-{}", k))` checks that
//!   some message fits `value-*`;
//! - every other literal that looks like a message id (lowercase words joined by `-`): the
//!   menu table, `*_id` tables, `match` arms that pick an id. Such a literal is a message, or it
//!   is listed in [`NOT_MESSAGES`] with the reason (and the list holds nothing that is gone).
//!
//! Not checked: code under `#[cfg(test)]`/`#[test]`, attributes (doc comments, serde and clap
//! names), literals in patterns (words being matched, not shown), and the ids of the GUI
//! toolkit's widgets ([`WIDGET_ID_CALLS`]). A self-test feeds the scanner typos of each kind.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use syn::visit::Visit;

/// The localizer's methods whose first argument is a message id.
const LOCALIZER_METHODS: [&str; 3] = ["t", "ta", "has"];

/// Calls whose first argument names a widget, texture or stored value of the GUI toolkit,
/// never a message (the last segments of a path, or a method name).
const WIDGET_ID_CALLS: [&str; 8] = [
    "Id::new",
    "Id::unique",
    "Grid::new",
    "id_salt",
    "id_source",
    "push_id",
    "make_persistent_id",
    "load_texture",
];

/// Literals in `src/` that look like message ids but are not messages, with the reason.
const NOT_MESSAGES: &[(&str, &str)] = &[
    ("kaijisho-catalogue", "file format tag"),
    ("kaijisho-profile", "file format tag"),
    ("kaijisho-register", "file format tag"),
    ("kaijisho-review", "file format tag"),
    ("kaijisho-dossier", "file format tag"),
    ("kaijisho-library", "file format tag"),
    (
        "kaijisho-received",
        "folder name of the copies of received statements",
    ),
    ("kaijisho-statement", "file format tag"),
    ("kaijisho-workbook", "workbook marker"),
    (
        "kaijisho-signature",
        "marker of the signature's hidden sheet, and the PDF signature field's name",
    ),
    ("kaijisho-export", "workbook marker"),
    ("kaijisho-export-moved", "workbook marker"),
    ("kaijisho-settings", "key of the stored settings"),
    ("sds-remote-service-sample", "shipped sample's name"),
    ("mds-checksheet-sample", "shipped sample's name"),
    ("import-{}-{}", "id of an imported catalogue"),
];

/// A string literal found in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    file: String,
    line: usize,
    text: String,
    /// Passed as the id to the localizer (else found elsewhere in the code).
    id_argument: bool,
}

/// Walks one file's syntax tree.
struct Scan<'a> {
    file: &'a str,
    found: Vec<Found>,
    /// Inside the id argument of a localizer call.
    id_argument: usize,
    /// Inside the first argument of a widget-id call.
    widget_id: usize,
    /// `#[cfg(test)] mod name;` declarations: files that hold only tests.
    test_modules: Vec<String>,
}

fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("test")
            || a.path().is_ident("cfg")
                && a.meta
                    .require_list()
                    .is_ok_and(|l| l.tokens.to_string() == "test")
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item;
    match item {
        Item::Fn(i) => &i.attrs,
        Item::Mod(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Const(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::Macro(i) => &i.attrs,
        _ => &[],
    }
}

fn path_ends_with(path: &syn::Path, call: &str) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::").ends_with(call)
}

impl<'a> Scan<'a> {
    fn new(file: &'a str) -> Self {
        Scan {
            file,
            found: Vec::new(),
            id_argument: 0,
            widget_id: 0,
            test_modules: Vec::new(),
        }
    }

    fn record(&mut self, text: String, line: usize) {
        if self.widget_id > 0 && self.id_argument == 0 {
            return;
        }
        self.found.push(Found {
            file: self.file.to_string(),
            line,
            text,
            id_argument: self.id_argument > 0,
        });
    }
}

impl<'ast> Visit<'ast> for Scan<'_> {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if test_only(item_attrs(item)) {
            if let syn::Item::Mod(m) = item
                && m.content.is_none()
            {
                self.test_modules.push(m.ident.to_string());
            }
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        if !test_only(&f.attrs) {
            syn::visit::visit_impl_item_fn(self, f);
        }
    }

    /// Doc comments, serde and clap names: not messages.
    fn visit_attribute(&mut self, _: &'ast syn::Attribute) {}

    /// Words being matched (`"does-not-apply" => …`), not shown.
    fn visit_pat(&mut self, _: &'ast syn::Pat) {}

    fn visit_lit_str(&mut self, lit: &'ast syn::LitStr) {
        self.record(lit.value(), lit.span().start().line);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        self.visit_expr(&call.receiver);
        let method = call.method.to_string();
        let widget = WIDGET_ID_CALLS.contains(&method.as_str());
        let localizer = LOCALIZER_METHODS.contains(&method.as_str());
        for (i, arg) in call.args.iter().enumerate() {
            let (id, widget) = (localizer && i == 0, widget && i == 0);
            self.id_argument += usize::from(id);
            self.widget_id += usize::from(widget);
            self.visit_expr(arg);
            self.id_argument -= usize::from(id);
            self.widget_id -= usize::from(widget);
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        let widget = match &*call.func {
            syn::Expr::Path(p) => WIDGET_ID_CALLS.iter().any(|w| path_ends_with(&p.path, w)),
            _ => false,
        };
        self.visit_expr(&call.func);
        for (i, arg) in call.args.iter().enumerate() {
            let widget = widget && i == 0;
            self.widget_id += usize::from(widget);
            self.visit_expr(arg);
            self.widget_id -= usize::from(widget);
        }
    }

    /// A macro's arguments as expressions where they are (`format!`, `vec!`, `assert!` …);
    /// else its string literals, one by one.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        use syn::punctuated::Punctuated;
        let parsed = mac.parse_body_with(Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated);
        match parsed {
            Ok(args) => {
                for arg in &args {
                    self.visit_expr(arg);
                }
            }
            Err(_) => self.literals_in(mac.tokens.clone()),
        }
    }
}

impl Scan<'_> {
    fn literals_in(&mut self, tokens: proc_macro2::TokenStream) {
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Group(g) => self.literals_in(g.stream()),
                proc_macro2::TokenTree::Literal(l) => {
                    let line = l.span().start().line;
                    let stream = proc_macro2::TokenStream::from(proc_macro2::TokenTree::Literal(l));
                    if let Ok(lit) = syn::parse2::<syn::LitStr>(stream) {
                        self.record(lit.value(), line);
                    }
                }
                _ => {}
            }
        }
    }
}

/// The string literals of one file, and its `#[cfg(test)] mod name;` declarations.
fn scan(file: &str, src: &str) -> (Vec<Found>, Vec<String>) {
    let tree = syn::parse_file(src).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut s = Scan::new(file);
    s.visit_file(&tree);
    (s.found, s.test_modules)
}

/// Lowercase words joined by `-` (with `{…}` holes for formatted ids).
fn looks_like_id(s: &str) -> bool {
    s.contains('-')
        && s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '{' | '}')
        })
}

/// Whether `id` fits `template`, each `{…}` standing for one or more characters.
fn fits(template: &str, id: &str) -> bool {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        parts.push(&rest[..open]);
        rest = rest[open..].split_once('}').map_or("", |(_, after)| after);
    }
    parts.push(rest);
    let (first, tail) = parts.split_first().unwrap();
    let Some(mut left) = id.strip_prefix(first) else {
        return false;
    };
    for (i, part) in tail.iter().enumerate() {
        let last = i + 1 == tail.len();
        if last {
            return left.len() > part.len() && left.ends_with(part);
        }
        // The hole takes at least one character.
        match left.get(1..).and_then(|l| l.find(part)) {
            Some(at) => left = &left[1 + at + part.len()..],
            None => return false,
        }
    }
    true
}

fn defined(ids: &BTreeSet<String>, text: &str) -> bool {
    if text.contains('{') {
        ids.iter().any(|id| fits(text, id))
    } else {
        ids.contains(text)
    }
}

/// The literals found that should be messages but are missing in a language.
fn problems(found: &[Found], langs: &[(&str, &BTreeSet<String>)]) -> Vec<String> {
    let mut out = Vec::new();
    for f in found {
        let listed = NOT_MESSAGES.iter().any(|(t, _)| *t == f.text);
        if !f.id_argument && (!looks_like_id(&f.text) || listed) {
            continue;
        }
        for (lang, ids) in langs {
            if !defined(ids, &f.text) {
                let how = if f.id_argument {
                    "passed to the localizer"
                } else {
                    "looks like a message id (if it is not one, add it to NOT_MESSAGES in tests/i18n.rs with the reason)"
                };
                out.push(format!(
                    "{}:{}: \"{}\" is no message in locales/{lang} ({how})",
                    f.file, f.line, f.text
                ));
            }
        }
    }
    out
}

/// Entries of [`NOT_MESSAGES`] that are no longer in the code (the list must not hide a
/// future id).
fn stale_exemptions(found: &[Found]) -> Vec<String> {
    NOT_MESSAGES
        .iter()
        .filter(|(t, _)| !found.iter().any(|f| !f.id_argument && f.text == *t))
        .map(|(t, _)| format!("NOT_MESSAGES lists \"{t}\", no longer in src/: remove it"))
        .collect()
}

/// The ids of the messages of one language, read with Fluent's own parser.
fn message_ids(lang: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    let mut ids = BTreeSet::new();
    let mut twice = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && !ids.insert(m.id.name.to_string())
            {
                twice.push(format!("{}: {}", path.display(), m.id.name));
            }
        }
    }
    // One id, one message: a second definition silently replaces the first.
    assert!(
        twice.is_empty(),
        "message ids defined twice ({lang}): {twice:?}"
    );
    ids
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every literal of every file under `src/`, except the files of `#[cfg(test)] mod x;`.
fn literals_in_src() -> Vec<Found> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut test_files = BTreeSet::new();
    for path in &files {
        let rel = path.strip_prefix(root).unwrap().display().to_string();
        let (lits, tests) = scan(&rel, &std::fs::read_to_string(path).unwrap());
        // `a/mod.rs` and `a.rs` declare modules in `a/`.
        let dir = match path.file_stem().and_then(|s| s.to_str()) {
            Some("mod" | "lib" | "main") => path.parent().unwrap().to_path_buf(),
            _ => path.with_extension(""),
        };
        for t in tests {
            test_files.insert(dir.join(format!("{t}.rs")));
            test_files.insert(dir.join(t).join("mod.rs"));
        }
        found.extend(lits.into_iter().map(|l| (path.clone(), l)));
    }
    found
        .into_iter()
        .filter(|(p, _)| !test_files.contains(p))
        .map(|(_, l)| l)
        .collect()
}

#[test]
fn every_message_id_used_in_code_exists_in_both_languages() {
    let ja = message_ids("ja");
    let en = message_ids("en");
    assert!(ja.len() > 100 && en.len() > 100);
    let found = literals_in_src();
    let files: BTreeSet<&str> = found.iter().map(|f| f.file.as_str()).collect();
    for dir in ["src/i18n/", "src/cli/", "src/app/", "src/ui/", "src/io/"] {
        assert!(files.iter().any(|f| f.starts_with(dir)), "{dir} is scanned");
    }
    assert!(files.contains("src/i18n.rs"), "src/i18n.rs is scanned");
    let calls = found.iter().filter(|f| f.id_argument).count();
    assert!(calls > 300, "the localizer's calls were found ({calls})");
    let mut missing = problems(&found, &[("ja", &ja), ("en", &en)]);
    missing.extend(stale_exemptions(&found));
    assert!(
        missing.is_empty(),
        "message ids without a message:\n{}",
        missing.join("\n")
    );
}

/// The check can fail: typos of each kind the code could hold are reported, and only they.
#[test]
fn the_check_finds_typos_of_every_kind() {
    let src = r####"
        const MENU: [&str; 2] = ["menu-open", "mneu-save"];
        fn label(l: &Localizer, dark: bool) -> String {
            l.t("menu-open");
            l.t("menuopen");
            l.ta(if dark { "menu-open" } else { "menu-opne" }, &[("x", "menu-arg".into())]);
            l.t(&format!("value-{}", 1));
            l.t(&format!("vlaue-{}", 1));
            ui.label(format!("{} {}", l.t(r#"raw-typo"#), 2));
            let id = match dark { true => "menu-open", false => "menu-sabe" };
            egui::Id::new("a-widget-id");
            ui.push_id("another-widget", |ui| {});
            match word { "does-not-apply" => 1, _ => 2 };
            // l.t("a-commented-typo");
            "kaijisho-catalogue"
        }
        /// Says "a-doc-typo".
        #[derive(serde::Deserialize)]
        enum E { #[serde(rename = "an-attribute")] A }
        #[cfg(test)]
        mod tests { fn f(l: &Localizer) { l.t("no-such-message"); } }
    "####;
    let (found, _) = scan("<self-test>", src);
    let ids: BTreeSet<String> = ["menu-open", "value-yes"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let reported: Vec<String> = problems(&found, &[("ja", &ids)])
        .iter()
        .map(|p| p.split('"').nth(1).unwrap().to_string())
        .collect();
    assert_eq!(
        reported,
        [
            "mneu-save",
            "menuopen",
            "menu-opne",
            "menu-arg",
            "vlaue-{}",
            "raw-typo",
            "menu-sabe"
        ],
        "{found:#?}"
    );
}

#[test]
fn templates_fit_ids() {
    assert!(fits("value-{}", "value-yes"));
    assert!(!fits("value-{}", "value-"));
    assert!(!fits("value-{}", "values-yes"));
    assert!(fits("cli-{name}-{id}", "cli-export-pdf"));
    assert!(!fits("cli-{name}-{id}", "cli-export"));
    assert!(fits("import-method-{}", "import-method-own"));
}
