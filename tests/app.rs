//! The app layer without a window: review mode through the command path (whatever edits,
//! undos and redos arrive while reviewing, from keys, clicks or a stale widget, the vendor's
//! statement stays as it was when review mode began, and the review edits take effect as the
//! domain applies them), and the menu table's shortcuts.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kaijisho::app::menu::{ANSWER_KEYS, Key, Shortcut, entries};
use kaijisho::app::{AppState, Command, Settings};
use kaijisho::domain::Project;
use kaijisho::domain::edit::Edit;
use kaijisho::i18n::Lang;
use kaijisho::io::clock::Clock;
use proptest::prelude::*;

mod common {
    pub mod edits;
}
use common::edits::{arb_edit, carried_statement, gated_catalogue, vendor_part};

/// What arrives at the app while reviewing.
#[derive(Debug, Clone)]
enum Step {
    Edit(Edit),
    Undo,
    Redo,
    Seal,
}

fn arb_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => arb_edit().prop_map(Step::Edit),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
        1 => Just(Step::Seal),
    ]
}

fn project(s: &AppState) -> &Project {
    &s.doc.as_ref().expect("a statement is open").project
}

/// The app with the carried-forward statement on the gated catalogue opened from a file,
/// `before` applied as the vendor's edits (so the undo history holds vendor steps), then
/// review mode switched on through the command the menu sends.
fn reviewing(dir: &std::path::Path, before: &[Edit]) -> AppState {
    let file = dir.join("statement.json");
    kaijisho::io::save_project(&file, &carried_statement(&gated_catalogue())).unwrap();
    let settings = Settings {
        lang: Some(Lang::Ja),
        ..Settings::default()
    };
    let mut s = AppState::new(settings, Some(dir.to_path_buf())).unwrap();
    s.apply(Command::Open(file), 0.0);
    for (i, e) in before.iter().enumerate() {
        s.apply(Command::Edit(e.clone()), i as f64);
        s.apply(Command::SealEdit, i as f64);
    }
    s.apply(Command::ToggleReviewMode, 100.0);
    assert!(s.view.review_mode);
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn review_mode_never_changes_the_vendors_part(
        before in prop::collection::vec(arb_edit(), 0..8),
        steps in prop::collection::vec(arb_step(), 1..30),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let c = gated_catalogue();
        let mut s = reviewing(dir.path(), &before);
        let vendor = vendor_part(project(&s));
        // The domain's account of the review edits, until an undo or redo (whose effect is the
        // history's, tested elsewhere).
        let mut model = Some(project(&s).clone());
        for (i, step) in steps.iter().enumerate() {
            let now = 200.0 + i as f64;
            match step {
                Step::Edit(e) => {
                    s.apply(Command::Edit(e.clone()), now);
                    // Whatever is refused is said: a vendor edit by review mode, any other
                    // by the domain's check.
                    let refused = e.is_vendor_data() || e.check(&c).is_err();
                    prop_assert!(
                        !refused || s.status.as_ref().is_some_and(|st| st.error),
                        "{:?} was refused without a word",
                        e
                    );
                    if let Some(m) = &mut model
                        && !refused
                    {
                        prop_assert!(m.apply(&c, e).is_ok());
                    }
                }
                Step::Undo => {
                    s.apply(Command::Undo, now);
                    model = None;
                }
                Step::Redo => {
                    s.apply(Command::Redo, now);
                    model = None;
                }
                Step::Seal => s.apply(Command::SealEdit, now),
            }
            prop_assert_eq!(
                &vendor_part(project(&s)),
                &vendor,
                "in review mode, {:?} changed the vendor's statement",
                step
            );
            if let Some(m) = &model {
                prop_assert_eq!(&project(&s).review, &m.review, "after {:?}", step);
            }
        }
    }
}

/// The property's premise: outside review mode the same path does change the vendor's part,
/// so the property above is about the guard and not about an app that ignores edits.
#[test]
fn outside_review_mode_vendor_edits_go_through() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = reviewing(dir.path(), &[]);
    s.apply(Command::ToggleReviewMode, 101.0);
    assert!(!s.view.review_mode);
    let vendor = vendor_part(project(&s));
    s.apply(
        Command::Edit(Edit::ConfirmCarried {
            question: "p".into(),
        }),
        102.0,
    );
    assert_ne!(vendor_part(project(&s)), vendor);
}

/// Pairs of entries that share a shortcut, named by their message ids.
fn clashes(bound: &[(&str, Shortcut)]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (a, sa)) in bound.iter().enumerate() {
        for (b, sb) in &bound[i + 1..] {
            if sa == sb {
                out.push(format!("{a} and {b} share {sa:?}"));
            }
        }
    }
    out
}

/// No two menu entries share a shortcut (the first in the table would take the key and the
/// other's shortcut, shown beside it in the menu, would do something else), and none takes
/// a key that answers the question.
#[test]
fn no_two_menu_entries_share_a_shortcut() {
    let mut bound: Vec<(&str, Shortcut)> = entries()
        .iter()
        .filter_map(|e| Some((e.id, e.shortcut?)))
        .collect();
    assert!(
        bound.len() >= 10,
        "the shortcuts were found: {}",
        bound.len()
    );
    bound.extend(ANSWER_KEYS.map(|k| ("an answer key", Shortcut::plain(k))));
    let found = clashes(&bound);
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The check can fail.
    let save = Shortcut::cmd(Key::S);
    assert_eq!(
        clashes(&[("menu-save", save), ("menu-save-as", save)]),
        [format!("menu-save and menu-save-as share {save:?}")]
    );
}

/// The app reads the date from its clock, not the machine's: a new statement is dated by it.
#[test]
fn the_app_dates_by_its_clock() {
    let dir = tempfile::tempdir().unwrap();
    let at = jiff::civil::date(2031, 2, 3)
        .at(9, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap();
    let mut s = AppState::with_clock(
        Settings::default(),
        Some(dir.path().to_path_buf()),
        Clock::fixed(at),
    )
    .unwrap();
    s.apply(Command::NewFromForm, 0.0);
    assert_eq!(project(&s).header.created, "2031年2月3日");
}
