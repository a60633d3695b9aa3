//! Arbitrary statement edits for the property tests: a catalogue with a gate, a gated
//! question, an option question and a plain one, and edits of every kind about it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::path::Path;

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::Catalogue;
use kaijisho::domain::edit::Edit;
use kaijisho::domain::project::{HeaderField, ReviewStatus};
use kaijisho::domain::{Header, Project};
use kaijisho::io::json::catalogue_from_bytes;
use proptest::prelude::*;

/// Text as users type it: Japanese, full-width forms, newlines, emoji, formula-like starts.
pub fn arb_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("はい".to_string()),
            Just("（６．５．Ｃ１）".to_string()),
            Just("\n".to_string()),
            Just("🙂".to_string()),
            Just("=SUM(A1)".to_string()),
            Just("\"".to_string()),
            "[a-zA-Z0-9 ]{0,5}",
            "\\PC{0,3}",
        ],
        0..6,
    )
    .prop_map(|v| v.concat())
}

/// A catalogue with a gate, a gated question, an option question and a plain one.
pub fn gated_catalogue() -> Catalogue {
    let json = r#"{
      "format": "kaijisho-catalogue", "format_version": 1,
      "id": "review-property", "title": "テスト", "kind": "SDS", "form_version": "4.1",
      "guideline_edition": "5.2",
      "provenance": {"type": "project_authored", "source": "test"},
      "sections": [
        {"title": "外部保存(8.)", "questions": [
          {"id": "g", "number": "1", "text": "外部保存を受託するか?(8.3)", "answer": "gate"},
          {"id": "g1", "number": "1. 1", "text": "満たすか?(8.3.C1(1)~(5))",
           "gate": {"question": "g", "value": "該当"}}
        ]},
        {"title": "技術的安全対策", "ref": "(6.5)", "questions": [
          {"id": "o", "number": "2", "text": "認証方法は?(6.5.C1)",
           "options": [{"id": "pw", "label": "記憶ID(パスワード等)"},
                       {"id": "bio", "label": "生体認証(顔認証)"}]},
          {"id": "p", "number": "3", "text": "設置しているか?", "ref": "(6.3.C1)"}
        ]}
      ]
    }"#;
    catalogue_from_bytes(Path::new("review-property.json"), json.as_bytes()).unwrap()
}

/// Any edit of any kind, vendor or review, mostly about the catalogue's questions and options
/// (an unknown question or option now and then, which must be refused).
pub fn arb_edit() -> impl Strategy<Value = Edit> {
    let question = prop_oneof![
        4 => prop::sample::select(vec!["g", "g1", "o", "p"]).prop_map(str::to_string),
        1 => Just("zz".to_string()),
    ];
    let option = prop_oneof![
        2 => Just(None),
        3 => prop::sample::select(vec!["pw", "bio"]).prop_map(|o| Some(o.to_string())),
        1 => Just(Some("nope".to_string())),
    ];
    let value = prop::sample::select(AnswerValue::ALL.to_vec());
    prop_oneof![
        (question.clone(), option.clone(), value).prop_map(|(question, option, value)| {
            Edit::Value {
                question,
                option,
                value,
            }
        }),
        (question.clone(), option, arb_text()).prop_map(|(question, option, text)| Edit::Remark {
            question,
            option,
            text
        }),
        (prop::sample::select(HeaderField::ALL.to_vec()), arb_text())
            .prop_map(|(field, text)| Edit::Header { field, text }),
        question
            .clone()
            .prop_map(|question| Edit::ConfirmCarried { question }),
        (
            question.clone(),
            prop::sample::select(ReviewStatus::ALL.to_vec())
        )
            .prop_map(|(question, status)| Edit::ReviewStatus { question, status }),
        (question, arb_text()).prop_map(|(question, text)| Edit::ReviewComment { question, text }),
        arb_text().prop_map(Edit::Reviewer),
        arb_text().prop_map(Edit::ReviewDate),
    ]
}

/// Everything the vendor wrote: the project without its review layer.
pub fn vendor_part(p: &Project) -> Project {
    Project {
        review: Default::default(),
        ..p.clone()
    }
}

/// A statement on [`gated_catalogue`] with answers carried forward (marked for re-checking),
/// so confirming one is a change.
pub fn carried_statement(c: &Catalogue) -> Project {
    let mut p = Project::new(
        c,
        Header {
            vendor: "株式会社○○".into(),
            ..Header::default()
        },
        true,
    );
    for a in p.answers.values_mut() {
        a.recheck = true;
    }
    p
}
