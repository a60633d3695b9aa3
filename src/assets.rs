//! The data shipped inside the binary: catalogues, the guideline index, hints and sample
//! projects (all under `assets/`), embedded at build time so the app is one file that works
//! offline. Nothing here is Rust data: adding a catalogue is adding a JSON file.

use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::domain::catalogue::Catalogue;
use crate::domain::form::FormText;
use crate::domain::guideline::GuidelineIndex;
use crate::domain::hints::HintLibrary;
use crate::domain::project::Project;
use crate::io::FileError;
use crate::io::json::{catalogue_from_bytes, project_from_bytes};

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// A shipped data file that does not parse (caught by the test suite before a release).
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error("assets/{file}: missing")]
    Missing { file: String },
    #[error("assets/{file}: {detail}")]
    Invalid { file: String, detail: String },
    #[error(transparent)]
    File(#[from] Box<FileError>),
}

fn file(path: &str) -> Result<&'static [u8], AssetError> {
    ASSETS
        .get_file(path)
        .map(|f| f.contents())
        .ok_or_else(|| AssetError::Missing {
            file: path.to_string(),
        })
}

fn json_files(folder: &str) -> Vec<&'static include_dir::File<'static>> {
    let mut files: Vec<_> = ASSETS
        .get_dir(folder)
        .map(|d| {
            d.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort_by_key(|f| f.path());
    files
}

fn parse<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, AssetError> {
    serde_json::from_slice(file(path)?).map_err(|e| AssetError::Invalid {
        file: path.to_string(),
        detail: e.to_string(),
    })
}

/// The catalogues shipped with the app, sorted by file name.
pub fn shipped_catalogues() -> Result<Vec<Catalogue>, AssetError> {
    json_files("catalogues")
        .into_iter()
        .map(|f| {
            let name = Path::new("assets").join(f.path());
            catalogue_from_bytes(&name, f.contents()).map_err(|e| AssetError::from(Box::new(e)))
        })
        .collect()
}

/// 安全管理ガイドライン chapters, sections and books.
pub fn guideline_index() -> Result<GuidelineIndex, AssetError> {
    parse("guideline/index.json")
}

/// Hints keyed by guideline reference.
pub fn hints() -> Result<HintLibrary, AssetError> {
    parse("hints/hints.json")
}

/// The printed wording of the form.
pub fn form() -> Result<FormText, AssetError> {
    form_from_bytes(file(FORM_FILE)?)
}

const FORM_FILE: &str = "form/form.json";

/// The printed wording from the bytes of a `form.json`: a key missing (or unknown) and a text
/// left empty are errors naming the key, never an empty place on the printed form.
pub fn form_from_bytes(bytes: &[u8]) -> Result<FormText, AssetError> {
    let invalid = |detail: String| AssetError::Invalid {
        file: FORM_FILE.to_string(),
        detail,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| invalid(e.to_string()))?;
    if let Some(key) = first_empty_text(&value, "") {
        return Err(invalid(format!("{key}: empty text")));
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let at = e.path().to_string();
        invalid(format!("{at}: {}", e.into_inner()))
    })
}

/// The path (`own.review_columns[2]`) of the first empty string in a JSON value.
fn first_empty_text(value: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match value {
        Value::String(s) if s.trim().is_empty() => Some(at.to_string()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_empty_text(v, &format!("{at}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let path = if at.is_empty() {
                k.clone()
            } else {
                format!("{at}.{k}")
            };
            first_empty_text(v, &path)
        }),
        _ => None,
    }
}

/// The words the workbook import recognises (labels, answer words, marks, headings), parsed
/// once. The file ships inside the binary and a test parses it, so it cannot fail in a
/// release; should it, the error is logged and an empty vocabulary (which recognises only
/// kaijisho's own exports) is used.
pub fn import_vocabulary() -> &'static crate::io::xlsx::Vocabulary {
    static VOCABULARY: std::sync::OnceLock<crate::io::xlsx::Vocabulary> =
        std::sync::OnceLock::new();
    VOCABULARY.get_or_init(|| {
        import_vocabulary_checked().unwrap_or_else(|e: AssetError| {
            log::error!("{e}");
            crate::io::xlsx::Vocabulary::default()
        })
    })
}

/// The import vocabulary, with its error (for the test that checks the shipped file).
/// The condition prefix it writes back (〔条件〕) is the form's printed one.
pub fn import_vocabulary_checked() -> Result<crate::io::xlsx::Vocabulary, AssetError> {
    let mut v: crate::io::xlsx::Vocabulary = parse("import/vocabulary.json")?;
    v.printed_condition = Some(form()?.labels.condition);
    Ok(v)
}

/// The words the answer library's check looks for in a remark (over-claims, plans).
pub fn library_words() -> Result<crate::domain::library_check::Words, AssetError> {
    parse("library/words.json")
}

/// The acceptance profile that ships: every question はい or 対象外, 必須.
pub fn default_profile() -> Result<crate::domain::profile::Profile, AssetError> {
    parse("profiles/default.json")
}

/// The bundled Japanese font (IPAexGothic, IPA Font License v1.0; licence text beside it).
pub fn japanese_font() -> Result<&'static [u8], AssetError> {
    file("fonts/ipaexg.ttf")
}

/// The bundled font parsed for printing PDFs: once per process, shared by every PDF.
pub fn print_font() -> Result<&'static crate::io::pdf::PrintFont, AssetError> {
    static FONT: std::sync::OnceLock<Result<crate::io::pdf::PrintFont, String>> =
        std::sync::OnceLock::new();
    let path = "fonts/ipaexg.ttf";
    let parsed = FONT.get_or_init(|| {
        let bytes = file(path).map_err(|e| e.to_string())?;
        crate::io::pdf::PrintFont::parse(bytes).map_err(|e| e.to_string())
    });
    parsed.as_ref().map_err(|detail| AssetError::Invalid {
        file: path.to_string(),
        detail: detail.clone(),
    })
}

/// The licence of the bundled font (IPA Font License Agreement v1.0), shown in the About window.
pub fn font_licence() -> Result<&'static str, AssetError> {
    let path = "fonts/IPA_Font_License_Agreement_v1.0.txt";
    std::str::from_utf8(file(path)?).map_err(|e| AssetError::Invalid {
        file: path.to_string(),
        detail: e.to_string(),
    })
}

/// The app icon (256 px PNG, from `assets/icons/kaijisho.svg`).
pub fn app_icon_png() -> Result<&'static [u8], AssetError> {
    file("icons/kaijisho-256.png")
}

/// The names of the sample projects (file stems under `assets/samples/`).
pub fn sample_names() -> Vec<String> {
    json_files("samples")
        .into_iter()
        .filter_map(|f| Some(f.path().file_stem()?.to_string_lossy().into_owned()))
        .collect()
}

/// A sample project by name (see [`sample_names`]).
pub fn sample_project(name: &str) -> Result<Project, AssetError> {
    let path = format!("samples/{name}.json");
    let bytes = file(&path)?;
    project_from_bytes(&Path::new("assets").join(&path), bytes)
        .map_err(|e| AssetError::from(Box::new(e)))
}

/// The Fluent sources of a language (`locales/<lang>/*.ftl`), embedded at build time.
pub fn locale_sources(lang: &str) -> Vec<&'static str> {
    static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/locales");
    let mut files: Vec<_> = LOCALES
        .get_dir(lang)
        .map(|d| {
            d.files()
                .filter(|f| f.path().extension().is_some_and(|e| e == "ftl"))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    files.sort_by_key(|f| f.path());
    files
        .into_iter()
        .filter_map(|f| f.contents_utf8())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::{Severity, validate};

    /// The condition prefix the form prints (〔条件〕…。) is one the import recognises, so a
    /// conditional answer written to a workbook reads back as itself.
    #[test]
    fn the_printed_condition_reads_back() {
        let v = import_vocabulary_checked().unwrap();
        let words = v.condition_words();
        assert_eq!(words, form().unwrap().labels.condition);
        assert!(!words.prefix.is_empty() && !words.end.is_empty());
        assert!(
            v.conditions
                .reads_back(&words, "オプション契約時", "元の備考")
        );
        assert!(v.conditions.reads_back(&words, "次期バージョンから", ""));
    }

    /// The shipped form.json with `edit` applied to its JSON.
    fn form_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Result<FormText, AssetError> {
        let mut v: serde_json::Value = serde_json::from_slice(file(FORM_FILE).unwrap()).unwrap();
        edit(&mut v);
        form_from_bytes(&serde_json::to_vec(&v).unwrap())
    }

    fn detail(e: AssetError) -> String {
        match e {
            AssetError::Invalid { file, detail } => {
                assert_eq!(file, FORM_FILE);
                detail
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn form_wording_missing_or_empty_is_an_error_naming_the_key() {
        assert!(form_edited(|_| {}).is_ok());
        let missing = form_edited(|v| {
            v["own"]["provenance"]
                .as_object_mut()
                .unwrap()
                .remove("seed_excerpt");
        });
        let d = detail(missing.unwrap_err());
        assert!(
            d.contains("own.provenance") && d.contains("seed_excerpt"),
            "{d}"
        );
        let heading = form_edited(|v| {
            v["workbook"]["columns"]
                .as_object_mut()
                .unwrap()
                .remove("remark");
        });
        let d = detail(heading.unwrap_err());
        assert!(
            d.contains("workbook.columns") && d.contains("remark"),
            "{d}"
        );
        let font = form_edited(|v| v["workbook"]["font"] = "".into());
        assert_eq!(detail(font.unwrap_err()), "workbook.font: empty text");
        let short = form_edited(|v| {
            v["own"]["review_columns"].as_array_mut().unwrap().pop();
        });
        let d = detail(short.unwrap_err());
        assert!(d.contains("own.review_columns"), "{d}");
        let unknown = form_edited(|v| v["own"]["extra"] = "x".into());
        assert!(detail(unknown.unwrap_err()).contains("extra"));
    }

    #[test]
    fn the_books_profiles_match_by_are_the_guideline_indexs() {
        use crate::domain::cite::{BOOKS, book_title};
        let index = guideline_index().unwrap();
        let books: Vec<_> = index.editions.iter().flat_map(|e| &e.books).collect();
        assert_eq!(books.len(), BOOKS.len());
        for b in books {
            for label in std::iter::once(&b.title).chain(&b.aliases) {
                assert_eq!(book_title(label), b.title, "{label}");
            }
            let (_, aliases) = BOOKS.iter().find(|(t, _)| *t == b.title).unwrap();
            assert_eq!(aliases.len(), b.aliases.len(), "{}", b.title);
        }
    }

    #[test]
    fn every_shipped_asset_parses() {
        let cats = shipped_catalogues().unwrap();
        assert!(cats.len() >= 2);
        guideline_index().unwrap();
        hints().unwrap();
        form().unwrap();
        let words = library_words().unwrap();
        assert!(words.over_claim.iter().any(|w| w == "予定"));
        assert!(words.plan.iter().any(|w| w == "planned"));
        assert!(japanese_font().unwrap().len() > 1_000_000);
        assert!(file("fonts/IPA_Font_License_Agreement_v1.0.txt").is_ok());
        assert!(!sample_names().is_empty());
        for name in sample_names() {
            let p = sample_project(&name).unwrap();
            let c = p.catalogue.resolve(&cats).unwrap();
            assert!(
                validate(&c, &p)
                    .iter()
                    .all(|f| f.severity != Severity::Error),
                "{name}"
            );
            // Samples are examples: marked so, every remark written says 記入例.
            assert!(p.illustrative, "{name}");
            let remarks = p.answers.values().flat_map(|a| {
                std::iter::once(&a.remark).chain(a.options.values().map(|o| &o.remark))
            });
            for r in remarks.filter(|r| !r.is_empty()) {
                assert!(r.contains("記入例"), "{name}: {r}");
            }
        }
        // The MDS sample answers option questions on the shipped MDS excerpt.
        let mds = sample_project("mds-checksheet-sample").unwrap();
        assert_eq!(mds.catalogue.id, "mds-seed-checksheet");
        assert!(mds.answers.values().any(|a| !a.options.is_empty()));
        assert!(!locale_sources("ja").is_empty());
        assert!(!locale_sources("en").is_empty());
    }
}
