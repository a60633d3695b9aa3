//! The app layer without a window: review mode through the command path (whatever edits,
//! undos and redos arrive while reviewing, from keys, clicks or a stale widget, the vendor's
//! statement stays as it was when review mode began, and the review edits take effect as the
//! domain applies them), the menu table's shortcuts, and the check window's verdicts following
//! its profile and the shared list of chosen statements.

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

/// The check window's verdicts are current only while they come from its profile and its
/// statements as they are: a file added or taken away, or another profile, checks again at
/// once, and until that is done the earlier verdicts are not current. The list is the one the
/// comparison shows. The profile saved again in the editor checks again, once; a change by
/// another program to the file the editor has open does not start a check after every command.
#[test]
fn the_checks_verdicts_follow_its_profile_and_the_shared_list() {
    use kaijisho::app::command::FileList;
    use kaijisho::domain::answer::AnswerValue;
    use kaijisho::domain::profile_edit::ProfileEdit;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
    let mut p = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    kaijisho::io::save_project(&a, &p).unwrap();
    p.answers.get_mut("q2").unwrap().value = AnswerValue::No;
    kaijisho::io::save_project(&b, &p).unwrap();
    let profile = dir.path().join("病院.json");
    let mut pr = kaijisho::assets::default_profile().unwrap();
    pr.name = "病院".into();
    kaijisho::io::hospital::save_profile(&profile, &pr).unwrap();
    let mut s = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    let wait = |s: &mut AppState| s.wait_for_tasks(Duration::from_secs(60));
    s.apply(Command::ShowCheck, 0.0);
    s.apply(
        Command::AddFiles(FileList::Check, vec![a.clone(), b.clone()]),
        0.0,
    );
    assert!(!s.check_is_current(), "being checked");
    wait(&mut s);
    assert!(s.check_is_current());
    assert_eq!(
        s.hospital.check_report.as_ref().unwrap().statements.len(),
        2
    );
    // Another profile: the earlier verdicts stay until the new ones come, never as current.
    s.apply(Command::SetCheckProfile(profile.clone()), 0.0);
    assert!(!s.check_is_current());
    wait(&mut s);
    assert!(s.check_is_current());
    assert_eq!(s.hospital.check_report.as_ref().unwrap().profile, "病院");
    // The comparison shows the same list; what it takes away, the check loses too.
    s.apply(Command::ShowCompare, 0.0);
    assert_eq!(s.view.chosen, [a.clone(), b.clone()]);
    s.apply(Command::RemoveFile(FileList::Compare, b.clone()), 0.0);
    assert!(!s.check_is_current());
    wait(&mut s);
    assert_eq!(
        s.hospital.check_report.as_ref().unwrap().statements.len(),
        1
    );
    // A closed window takes no files.
    s.apply(Command::CloseCompare, 0.0);
    s.apply(Command::AddFiles(FileList::Compare, vec![b.clone()]), 0.0);
    assert_eq!(s.view.chosen, [a]);
    // The profile open in the editor: another program's change does not check again and
    // again; the editor's save does, once.
    s.apply(Command::ShowProfileEditor, 0.0);
    s.apply(Command::OpenProfile(profile.clone()), 0.0);
    pr.name = "病院 (他のプログラムで変更)".into();
    kaijisho::io::hospital::save_profile(&profile, &pr).unwrap();
    s.apply(Command::SealEdit, 0.0);
    wait(&mut s);
    s.apply(Command::SealEdit, 0.0);
    assert!(!s.busy(), "no check for a file the editor did not save");
    s.apply(
        Command::ProfileEdit(ProfileEdit::Name("病院 (改訂)".into())),
        1.0,
    );
    s.apply(Command::SaveProfile(profile.clone()), 2.0);
    if s.view.disk_conflict.is_some() {
        s.apply(Command::OverwriteOnDisk, 3.0);
    }
    assert!(s.busy(), "the saved profile is checked again");
    wait(&mut s);
    s.apply(Command::SealEdit, 4.0);
    assert!(!s.busy());
    assert_eq!(
        s.hospital.check_report.as_ref().unwrap().profile,
        "病院 (改訂)"
    );
    s.apply(Command::CloseCheck, 0.0);
    assert!(s.hospital.check_report.is_none());
}
