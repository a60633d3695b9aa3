//! The documented formats are the real ones, and the parsers hold up on arbitrary input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::refs::{RefGroup, split_trailing_ref};
use kaijisho::domain::text::normalize_number;
use kaijisho::domain::{Header, Project};
use kaijisho::io::json::{catalogue_from_bytes, project_from_bytes, to_pretty_json};
use proptest::prelude::*;

mod common {
    pub mod edits;
}
use common::edits::{arb_edit, arb_text, carried_statement, gated_catalogue, vendor_part};

/// The JSON code blocks of docs/FORMATS.md, in order.
fn doc_blocks() -> Vec<String> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FORMATS.md"))
            .unwrap();
    text.split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_documented_catalogue_example_loads() {
    let block = &doc_blocks()[0];
    let c = catalogue_from_bytes(Path::new("FORMATS.md"), block.as_bytes()).unwrap();
    assert_eq!(c.question_count(), 3);
    let q = c.find_by_number("4.1").unwrap();
    assert_eq!(q.ref_raw(), Some("(6.5.C1)"));
    assert_eq!(q.answer.options().len(), 2);
    assert_eq!(c.sections[0].refs.as_ref().unwrap().raw, "(8.)");
    assert!(c.question("q1.1").unwrap().gate.is_some());
}

proptest! {
    #[test]
    fn reference_parsers_never_panic(s in "\\PC{0,40}") {
        let (body, group) = split_trailing_ref(&s);
        if let Some(g) = group {
            prop_assert!(!g.refs.is_empty());
            prop_assert!(s.trim_end().ends_with(&g.raw));
            prop_assert!(body.len() <= s.len());
        } else {
            prop_assert_eq!(body, s.clone());
        }
        std::hint::black_box(RefGroup::parse(&s));
        std::hint::black_box(normalize_number(&s));
    }

    #[test]
    fn structured_references_round_trip(ch in 1u32..20, sec in 1u32..20, item in 1u32..20,
                                        sub in 1u32..9, end in 1u32..9, wide in any::<bool>()) {
        let printed = format!("({ch}.{sec}.C{item}({sub})~({end}))");
        let printed = if wide {
            printed.chars().map(|c| match c {
                '0'..='9' | '(' | ')' | '.' | 'C' | '~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                c => c,
            }).collect()
        } else { printed };
        let (body, group) = split_trailing_ref(&format!("満たすか?{printed}"));
        prop_assert_eq!(body, "満たすか?");
        let g = group.unwrap();
        prop_assert_eq!(g.refs[0].to_string(), format!("{ch}.{sec}.C{item}({sub})~{ch}.{sec}.C{item}({end})"));
    }

    #[test]
    fn project_json_round_trip(values in prop::collection::vec(0usize..6, 5),
                               remarks in prop::collection::vec(arb_text(), 5),
                               vendor in arb_text()) {
        let sample = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
        let cats = kaijisho::assets::shipped_catalogues().unwrap();
        let c = sample.catalogue.resolve(&cats).unwrap();
        let mut p = Project::new(&c, Header { vendor, ..Header::default() }, false);
        for (i, id) in ["q1", "q1.1", "q1.2", "q2", "q3"].iter().enumerate() {
            let a = p.answers.get_mut(*id).unwrap();
            a.value = AnswerValue::ALL[values[i]];
            a.remark = remarks[i].clone();
        }
        let bytes = to_pretty_json(&p).unwrap();
        let back = project_from_bytes(Path::new("p.json"), &bytes).unwrap();
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(to_pretty_json(&back).unwrap(), bytes);
    }

    #[test]
    fn project_loader_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        // Any bytes: an error is fine, a panic is not.
        std::hint::black_box(project_from_bytes(Path::new("x.json"), &bytes).is_ok());
        std::hint::black_box(catalogue_from_bytes(Path::new("x.json"), &bytes).is_ok());
    }
}

#[test]
fn the_documented_mapping_example_parses() {
    let block = doc_blocks()
        .into_iter()
        .find(|b| b.contains("flag_column"))
        .unwrap();
    let m: kaijisho::io::xlsx::Mapping = serde_json::from_str(&block).unwrap();
    assert_eq!(m.flag_column.as_deref(), Some("I"));
    assert_eq!(m.header["vendor"], "C4");
}

proptest! {
    /// Whatever edits arrive, in any order: a review edit never changes what the vendor wrote,
    /// a vendor edit never changes the review, and an edit that changed something changed its
    /// own side (so neither half holds by construction). A refused edit changes nothing.
    #[test]
    fn review_edits_never_change_vendor_answers(
        edits in prop::collection::vec(arb_edit(), 1..40),
    ) {
        let c = gated_catalogue();
        let mut p = carried_statement(&c);
        for edit in &edits {
            let before = p.clone();
            let statement = kaijisho::domain::Statement::new(&c, &p);
            match p.apply(&c, edit) {
                Err(_) => prop_assert_eq!(&p, &before, "a refused {:?} changed something", edit),
                Ok(changed) => {
                    if edit.is_vendor_data() {
                        prop_assert_eq!(&p.review, &before.review,
                            "vendor {:?} changed the review", edit);
                    } else {
                        prop_assert_eq!(vendor_part(&p), vendor_part(&before),
                            "review {:?} changed the vendor's part", edit);
                        prop_assert_eq!(kaijisho::domain::Statement::new(&c, &p), statement);
                    }
                    match (changed, edit.is_vendor_data()) {
                        (None, _) => prop_assert_eq!(&p, &before),
                        (Some(_), true) => prop_assert_ne!(vendor_part(&p), vendor_part(&before)),
                        (Some(_), false) => prop_assert_ne!(&p.review, &before.review),
                    }
                }
            }
        }
        // And the review survives a save/load round trip.
        let bytes = to_pretty_json(&p).unwrap();
        let back = project_from_bytes(Path::new("r.json"), &bytes).unwrap();
        prop_assert_eq!(back, p);
    }
}

#[test]
fn the_documented_profile_and_register_examples_load() {
    let dir = tempfile::tempdir().unwrap();
    let block = |needle: &str| {
        doc_blocks()
            .into_iter()
            .find(|b| b.contains(needle))
            .unwrap()
    };
    let profile = dir.path().join("profile.json");
    std::fs::write(&profile, block("\"kaijisho-profile\"")).unwrap();
    let p = kaijisho::io::hospital::load_profile(&profile).unwrap();
    assert_eq!(p.rules.len(), 4);
    std::fs::write(
        dir.path().join("kaijisho-register.json"),
        block("\"kaijisho-register\""),
    )
    .unwrap();
    let r = kaijisho::io::hospital::load_register(dir.path()).unwrap();
    assert_eq!(r.settings.edition.as_deref(), Some("6.0"));
    assert_eq!(r.entries.len(), 1);
    // The shipped default profile is a valid profile file too.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/profiles/default.json");
    assert!(kaijisho::io::hospital::load_profile(&shipped).is_ok());
}
