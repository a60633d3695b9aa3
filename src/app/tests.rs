//! The app driven through commands, without a window.

use std::time::Duration;

use super::*;
use crate::domain::answer::AnswerValue;
use crate::domain::edit::Edit;
use crate::domain::project::{HeaderField, ReviewStatus};
use crate::io;

fn state() -> (AppState, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    s.apply(Command::OpenSample("sds-remote-service-sample".into()), 0.0);
    (s, dir)
}

fn value(s: &AppState, q: &str) -> AnswerValue {
    s.doc.as_ref().unwrap().project.value(q)
}

fn set(q: &str, v: AnswerValue) -> Command {
    Command::Edit(Edit::Value {
        question: q.into(),
        option: None,
        value: v,
    })
}

fn remark(q: &str, text: &str) -> Command {
    Command::Edit(Edit::Remark {
        question: q.into(),
        option: None,
        text: text.into(),
    })
}

#[test]
fn edits_undo_and_redo() {
    let (mut s, _d) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    assert_eq!(value(&s, "q2"), AnswerValue::No);
    assert!(s.doc.as_ref().unwrap().modified());
    s.apply(Command::Undo, 2.0);
    assert_eq!(value(&s, "q2"), AnswerValue::Yes);
    s.apply(Command::Redo, 3.0);
    assert_eq!(value(&s, "q2"), AnswerValue::No);
}

#[test]
fn a_refused_edit_is_said_and_changes_nothing() {
    let (mut s, _d) = state();
    let before = s.doc.as_ref().unwrap().project.clone();
    s.apply(set("q2", AnswerValue::Applies), 1.0);
    assert_eq!(s.doc.as_ref().unwrap().project, before);
    assert!(!s.doc.as_ref().unwrap().can_undo());
    assert!(s.status.as_ref().unwrap().error);
}

#[test]
fn typing_coalesces_into_one_undo_step() {
    let (mut s, _d) = state();
    for (i, t) in ["あ", "あい", "あいう"].iter().enumerate() {
        s.apply(remark("q3", t), 10.0 + i as f64 * 0.3);
    }
    s.apply(
        Command::Edit(Edit::Header {
            field: HeaderField::Version,
            text: "2.0".into(),
        }),
        20.0,
    );
    s.apply(Command::Undo, 21.0);
    assert_eq!(s.doc.as_ref().unwrap().project.header.version, "1.1");
    s.apply(Command::Undo, 22.0);
    let remark = &s.doc.as_ref().unwrap().project.answers["q3"].remark;
    assert!(
        remark.contains("安全管理責任者"),
        "back to the original: {remark}"
    );
}

/// The recovery files in the data folder `dir`.
fn recovery_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("recovery"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect()
}

#[test]
fn save_writes_json_and_clears_modified_and_recovery() {
    let (mut s, dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    assert!(s.autosave(2.0, 3.0).is_some(), "not yet");
    assert_eq!(s.autosave(5.0, 3.0), None);
    assert_eq!(recovery_files(dir.path()).len(), 1);
    let path = dir.path().join("out.json");
    s.apply(Command::SaveAs(path.clone()), 6.0);
    assert!(!s.doc.as_ref().unwrap().modified());
    assert_eq!(recovery_files(dir.path()), Vec::<std::path::PathBuf>::new());
    let p = io::load_project(&path).unwrap();
    assert_eq!(p.value("q2"), AnswerValue::No);
    assert_eq!(s.settings.recent[0], path);
}

#[test]
fn recovery_is_offered_after_a_crash() {
    let (mut s, dir) = state();
    s.apply(remark("q2", "未保存の備考"), 1.0);
    s.autosave(10.0, 3.0);
    drop(s); // the "crash": no save
    let mut again = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(again.recovery.is_some());
    again.apply(Command::RecoverAccept, 0.0);
    assert_eq!(recovery_files(dir.path()).len(), 1, "kept until saved");
    let d = again.doc.as_ref().unwrap();
    assert_eq!(d.project.answers["q2"].remark, "未保存の備考");
    assert!(d.modified());
}

#[test]
fn a_live_windows_work_is_neither_offered_nor_discarded_by_another() {
    let (mut a, dir) = state();
    a.apply(remark("q2", "窓 A の備考"), 1.0);
    a.autosave(10.0, 3.0);
    let a_file = recovery_files(dir.path());
    assert_eq!(a_file.len(), 1);
    // A second window while A lives: nothing to offer.
    let b = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(b.recovery.is_none());
    // A goes away unsaved; C is offered its work and holds it; D, meanwhile, is not.
    drop(a);
    let mut c = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    let found = c.recovery.as_ref().unwrap();
    assert_eq!(found.file, a_file[0]);
    assert!(!found.saved.is_empty(), "when it was written");
    let d = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(d.recovery.is_none(), "offered in one window only");
    // B's own work stays when C discards A's.
    let mut b = b;
    b.apply(Command::OpenSample("sds-remote-service-sample".into()), 0.0);
    b.apply(remark("q2", "窓 B の備考"), 1.0);
    b.autosave(10.0, 3.0);
    assert_eq!(recovery_files(dir.path()).len(), 2);
    c.apply(Command::RecoverDiscard, 0.0);
    let left = recovery_files(dir.path());
    assert_eq!(left.len(), 1);
    assert_ne!(left[0], a_file[0], "B's file is left alone");
}

#[test]
fn work_let_go_is_not_offered_after_a_crash() {
    let (mut s, dir) = state();
    s.apply(remark("q2", "捨てる備考"), 1.0);
    s.autosave(10.0, 3.0);
    assert_eq!(recovery_files(dir.path()).len(), 1);
    // Another statement, not keeping the changes: the recovery file goes with them.
    s.apply(Command::OpenSample("mds-checksheet-sample".into()), 11.0);
    s.apply(Command::Confirm(Choice::Discard), 11.0);
    assert!(s.doc.as_ref().is_some_and(|d| !d.modified()));
    assert_eq!(recovery_files(dir.path()), Vec::<std::path::PathBuf>::new());
    drop(s);
    let again = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(again.recovery.is_none());
}

#[test]
fn an_unreadable_recovery_file_is_kept_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recovery.json");
    std::fs::write(&file, b"{ \"path\": null, \"project\": ").unwrap();
    let s = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(s.recovery.is_none());
    let status = s.status.as_ref().expect("said to the user");
    assert!(
        status.error && status.text.contains("recovery.json"),
        "{status:?}"
    );
    let kept = dir.path().join("recovery.json.unreadable");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        b"{ \"path\": null, \"project\": "
    );
}

#[test]
fn an_unreadable_recovery_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: it cannot be listed (whoever runs the test).
    std::fs::write(dir.path().join("recovery"), b"not a folder").unwrap();
    let s = AppState::new(Settings::default(), Some(dir.path().to_path_buf())).unwrap();
    assert!(s.recovery.is_none());
    let status = s.status.as_ref().expect("said to the user");
    assert!(
        status.error
            && status
                .text
                .contains(&dir.path().join("recovery").display().to_string()),
        "{status:?}"
    );
}

#[test]
fn workbooks_open_through_the_import_preview_in_the_background() {
    let (mut s, dir) = state();
    let x = dir.path().join("s.xlsx");
    let d = s.doc.as_ref().unwrap();
    super::documents::export_xlsx(&x, &d.catalogue, &d.project)
        .map_err(|e| e.localize(&s.loc))
        .unwrap();
    s.apply(Command::Close, 0.0);
    s.apply(Command::Open(x.clone()), 0.0);
    assert!(s.busy(), "reading runs in the background");
    s.wait_for_tasks(Duration::from_secs(30));
    assert!(s.doc.is_none(), "nothing taken before the user confirms");
    let preview = s.import_preview.as_ref().unwrap();
    assert_eq!(preview.result.as_ref().unwrap().report.questions, 5);
    s.apply(Command::AcceptImport, 0.0);
    assert!(s.import_preview.is_none());
    let doc = s.doc.as_ref().unwrap();
    assert!(doc.modified() && doc.path.is_none());
    assert_eq!(doc.project.value("q2"), AnswerValue::Yes);
    // A broken file shows its error in the preview.
    let bad = dir.path().join("bad.xlsx");
    std::fs::write(&bad, b"not a workbook").unwrap();
    s.apply(Command::Import(bad), 0.0);
    s.wait_for_tasks(Duration::from_secs(30));
    assert!(s.import_preview.as_ref().unwrap().result.is_err());
    s.apply(Command::CancelImport, 0.0);
    assert!(s.import_preview.is_none());
}

#[test]
fn exports_run_in_the_background_and_report() {
    let (mut s, dir) = state();
    let pdf = dir.path().join("s.pdf");
    s.apply(Command::ExportPdf(pdf.clone()), 0.0);
    s.wait_for_tasks(Duration::from_secs(60));
    assert!(pdf.exists());
    let st = s.status.clone().unwrap();
    assert!(!st.error && st.text.contains("s.pdf"), "{st:?}");
    let bad = dir.path().join("no-such-folder").join("s.xlsx");
    s.apply(Command::ExportXlsx(bad), 0.0);
    s.wait_for_tasks(Duration::from_secs(60));
    assert!(s.status.as_ref().unwrap().error);
}

#[test]
fn a_pdf_with_a_character_outside_the_font_says_so() {
    let (mut s, dir) = state();
    s.apply(remark("q3", "記入例 🙂"), 0.0);
    let pdf = dir.path().join("emoji.pdf");
    s.apply(Command::ExportPdf(pdf.clone()), 1.0);
    s.wait_for_tasks(Duration::from_secs(60));
    assert!(pdf.exists(), "written all the same");
    let st = s.status.clone().unwrap();
    assert!(
        st.error && st.text.contains("emoji.pdf") && st.text.contains("U+1F642"),
        "{st:?}"
    );
}

#[test]
fn an_export_never_replaces_the_statement_itself() {
    let (mut s, dir) = state();
    let path = dir.path().join("mine.json");
    s.apply(Command::SaveAs(path.clone()), 0.0);
    let saved = std::fs::read(&path).unwrap();
    let spelled_otherwise = dir.path().join(".").join("mine.json");
    s.apply(Command::ExportXlsx(spelled_otherwise), 1.0);
    s.wait_for_tasks(Duration::from_secs(60));
    let st = s.status.clone().unwrap();
    assert!(st.error && st.text.contains("mine.json"), "{st:?}");
    assert_eq!(std::fs::read(&path).unwrap(), saved);
}

#[test]
fn review_edits_are_undoable_and_leave_answers_alone() {
    let (mut s, _d) = state();
    s.apply(Command::ToggleReviewMode, 0.0);
    let before = s.doc.as_ref().unwrap().project.answers.clone();
    s.apply(
        Command::Edit(Edit::ReviewStatus {
            question: "q2".into(),
            status: ReviewStatus::ActionRequired,
        }),
        1.0,
    );
    s.apply(
        Command::Edit(Edit::ReviewComment {
            question: "q2".into(),
            text: "一覧の提出を依頼".into(),
        }),
        2.0,
    );
    s.apply(
        Command::Edit(Edit::Reviewer("病院 情報システム室".into())),
        3.0,
    );
    // The vendor's answers cannot be changed in review mode.
    s.apply(set("q2", AnswerValue::No), 3.5);
    let d = s.doc.as_ref().unwrap();
    assert_eq!(d.project.review.status("q2"), ReviewStatus::ActionRequired);
    assert_eq!(d.project.answers, before);
    s.apply(Command::Undo, 4.0);
    s.apply(Command::Undo, 5.0);
    assert_eq!(s.doc.as_ref().unwrap().project.review.comment("q2"), "");
}

#[test]
fn errors_go_to_the_status_bar() {
    let (mut s, dir) = state();
    s.apply(Command::Open(dir.path().join("missing.json")), 0.0);
    let st = s.status.clone().unwrap();
    assert!(st.error && st.text.contains("missing.json"));
    assert!(s.doc.is_some(), "the open document stays");
}

#[test]
fn save_in_the_confirmation_of_a_new_statement_asks_where_then_carries_on() {
    let (mut s, dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::Close, 2.0);
    assert_eq!(
        s.view.confirm.as_ref().map(|p| &p.command),
        Some(&Command::Close)
    );
    s.apply(Command::Confirm(Choice::Save), 3.0);
    assert_eq!(
        s.view.prompt.as_ref().map(|p| p.purpose),
        Some(Purpose::SaveAs)
    );
    let path = dir.path().join("new.json");
    s.apply(Command::PromptDone(path.clone()), 4.0);
    assert!(s.doc.is_none(), "saved, then closed as asked");
    assert_eq!(
        io::load_project(&path).unwrap().value("q2"),
        AnswerValue::No
    );
}

#[test]
fn quitting_with_changes_asks_and_cancel_keeps_the_window() {
    let (mut s, _dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::Quit, 2.0);
    assert!(!s.view.quit && s.view.confirm.is_some());
    s.apply(Command::Confirm(Choice::Cancel), 3.0);
    assert!(!s.view.quit && s.doc.is_some());
    s.apply(Command::Quit, 4.0);
    s.apply(Command::Confirm(Choice::Discard), 5.0);
    assert!(s.view.quit);
}

#[test]
fn a_failed_save_from_the_confirmation_asks_again_and_never_fires_later() {
    let (mut s, dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::Close, 2.0);
    s.apply(Command::Confirm(Choice::Save), 3.0);
    let bad = dir.path().join("no-such-folder").join("x.json");
    s.apply(Command::PromptDone(bad), 4.0);
    assert!(s.doc.is_some(), "not closed after a failed save");
    assert_eq!(
        s.view.confirm.as_ref().map(|p| &p.command),
        Some(&Command::Close),
        "asked again"
    );
    assert!(s.view.after_save.is_none());
    // Cancel, then a later successful save does not close the statement.
    s.apply(Command::Confirm(Choice::Cancel), 5.0);
    s.apply(Command::SaveAs(dir.path().join("later.json")), 6.0);
    assert!(s.doc.is_some());
}

#[test]
fn another_prompt_drops_a_command_waiting_for_save_as() {
    let (mut s, _dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::Close, 2.0);
    s.apply(Command::Confirm(Choice::Save), 3.0);
    assert!(s.view.after_save.is_some());
    s.apply(Command::Ask(Purpose::Open), 4.0);
    assert!(s.view.after_save.is_none());
}

#[test]
fn an_import_cancelled_while_it_runs_does_not_come_back() {
    let (mut s, dir) = state();
    let x = dir.path().join("s.xlsx");
    let d = s.doc.as_ref().unwrap();
    super::documents::export_xlsx(&x, &d.catalogue, &d.project)
        .map_err(|e| e.localize(&s.loc))
        .unwrap();
    s.apply(Command::Import(x.clone()), 0.0);
    s.apply(Command::CancelImport, 0.1);
    s.wait_for_tasks(Duration::from_secs(30));
    assert!(
        s.import_preview.is_none(),
        "the cancelled import stays cancelled"
    );
    // Two requests: only the latest one's result is shown.
    s.apply(Command::Import(dir.path().join("missing.xlsx")), 1.0);
    s.apply(Command::Import(x), 1.1);
    s.wait_for_tasks(Duration::from_secs(30));
    assert!(s.import_preview.as_ref().unwrap().result.is_ok());
}

#[test]
fn the_task_lost_message_names_the_task() {
    let (s, _d) = state();
    let msg = s.loc.ta(
        "task-lost",
        &[
            ("task", s.loc.t(tasks::TaskKind::Export.name_id()).into()),
            ("file", "x.pdf".into()),
        ],
    );
    assert!(!msg.contains('{') && msg.contains("x.pdf"), "{msg}");
}

#[test]
fn presentation_is_read_only_and_answers_only_its_keys() {
    use super::keys::command_for_key;
    use super::menu::{Key, Shortcut};
    let (mut s, _dir) = state();
    s.apply(Command::OpenSample("sds-remote-service-sample".into()), 0.0);
    s.apply(Command::Select("q2".into()), 0.0);
    s.apply(Command::TogglePresentation, 0.0);
    assert!(s.presenting());
    let key = |s: &AppState, k| command_for_key(s, Shortcut::plain(k), false);
    assert_eq!(key(&s, Key::Num1), None, "no answer keys");
    assert_eq!(
        command_for_key(&s, Shortcut::cmd(Key::Z), false),
        None,
        "no undo"
    );
    assert_eq!(key(&s, Key::PageDown), Some(Command::Next));
    assert_eq!(key(&s, Key::Backspace), Some(Command::Previous));
    assert_eq!(key(&s, Key::Escape), Some(Command::TogglePresentation));
    // An edit from anywhere is refused while presenting.
    s.apply(set("q2", AnswerValue::No), 0.0);
    assert_eq!(value(&s, "q2"), AnswerValue::Yes);
    // Blank, then a step lifts the blank without moving.
    s.apply(Command::PresentationBlank, 0.0);
    s.apply(Command::Next, 0.0);
    assert_eq!(s.view.presentation.map(|p| p.blank), Some(false));
    assert_eq!(s.doc.as_ref().unwrap().selected.as_deref(), Some("q2"));
    s.apply(Command::TogglePresentation, 0.0);
    // (PageDown/PageUp step between questions in the editor too.)
    assert_eq!(
        key(&s, Key::Backspace),
        None,
        "clicker keys only while presenting"
    );
    assert_eq!(key(&s, Key::Space), None);
}

#[test]
fn zoom_steps_through_the_levels_and_stops_at_the_ends() {
    let (mut s, _dir) = state();
    s.apply(Command::ZoomIn, 0.0);
    assert_eq!(s.settings.zoom.0, 110);
    for _ in 0..20 {
        s.apply(Command::ZoomIn, 0.0);
    }
    assert_eq!(s.settings.zoom.0, 200);
    s.apply(Command::ZoomReset, 0.0);
    for _ in 0..20 {
        s.apply(Command::ZoomOut, 0.0);
    }
    assert_eq!(s.settings.zoom.0, 50);
}

/// The sample saved at `dir/name`, opened through the command a menu sends.
fn open_file(s: &mut AppState, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    let p = crate::assets::sample_project("sds-remote-service-sample").unwrap();
    io::save_project(&path, &p).unwrap();
    s.apply(Command::Open(path.clone()), 0.0);
    assert_eq!(s.doc.as_ref().unwrap().path.as_ref(), Some(&path));
    path
}

#[test]
fn redo_goes_to_the_document_last_undone() {
    let (mut s, _dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::ShowProfileEditor, 2.0);
    s.apply(
        Command::ProfileEdit(crate::domain::profile_edit::ProfileEdit::Name(
            "病院".into(),
        )),
        3.0,
    );
    s.apply(Command::SealEdit, 3.5);
    s.apply(Command::Undo, 4.0);
    s.apply(Command::Undo, 5.0);
    assert_eq!(
        value(&s, "q2"),
        AnswerValue::Yes,
        "the statement undone second"
    );
    s.apply(Command::Redo, 6.0);
    assert_eq!(
        value(&s, "q2"),
        AnswerValue::No,
        "redo puts the statement's step back"
    );
    let name = s
        .hospital
        .profile_editor
        .as_ref()
        .unwrap()
        .profile()
        .name
        .clone();
    assert_ne!(name, "病院", "the profile stays undone");
}

#[test]
fn an_approval_for_one_statement_never_lets_another_go() {
    let (mut s, dir) = state();
    let x = dir.path().join("x.xlsx");
    let d = s.doc.as_ref().unwrap();
    super::documents::export_xlsx(&x, &d.catalogue, &d.project)
        .map_err(|e| e.localize(&s.loc))
        .unwrap();
    open_file(&mut s, dir.path(), "a.json");
    s.apply(set("q2", AnswerValue::No), 1.0);
    // 保存しない for the workbook: its preview shows.
    s.apply(Command::Open(x), 2.0);
    s.apply(Command::Confirm(Choice::Discard), 2.0);
    s.wait_for_tasks(Duration::from_secs(30));
    assert!(s.import_preview.is_some());
    // Another statement opened meanwhile (let go too), and edited.
    let b = dir.path().join("b.json");
    io::save_project(&b, &s.doc.as_ref().unwrap().project).unwrap();
    s.apply(Command::Open(b.clone()), 3.0);
    s.apply(Command::Confirm(Choice::Discard), 3.0);
    s.apply(set("q3", AnswerValue::No), 4.0);
    // 取り込む asks about b: the approval was a's.
    s.apply(Command::AcceptImport, 5.0);
    let asked = s.view.confirm.as_ref().map(|p| (p.kind, &p.command));
    assert_eq!(
        asked,
        Some((document::DocKind::Statement, &Command::AcceptImport))
    );
    assert_eq!(s.doc.as_ref().unwrap().path.as_ref(), Some(&b));
}

#[test]
fn a_profile_save_refused_while_quitting_asks_again_and_never_quits_later() {
    let (mut s, dir) = state();
    let own = open_file(&mut s, dir.path(), "mine.json");
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::ShowProfileEditor, 2.0);
    s.apply(
        Command::ProfileEdit(crate::domain::profile_edit::ProfileEdit::Name(
            "病院".into(),
        )),
        3.0,
    );
    s.apply(Command::Quit, 4.0);
    s.apply(Command::Confirm(Choice::Discard), 4.0); // the statement
    s.apply(Command::Confirm(Choice::Save), 5.0); // the profile: where?
    s.apply(Command::PromptDone(own), 6.0); // the statement's own file: refused
    assert!(!s.view.quit);
    assert!(s.view.confirm.is_some(), "asked again");
    s.apply(Command::Confirm(Choice::Cancel), 7.0);
    s.apply(Command::SaveProfile(dir.path().join("p.json")), 8.0);
    assert!(!s.view.quit, "a later save does not carry the quit on");
}

#[test]
fn discarding_lets_go_the_state_asked_about_not_a_later_edit() {
    let (mut s, _dir) = state();
    s.apply(set("q2", AnswerValue::No), 1.0);
    s.apply(Command::Close, 2.0);
    assert!(s.view.confirm.is_some());
    // An edit while the question is up (keys still reach the app).
    s.apply(set("q3", AnswerValue::No), 3.0);
    s.apply(Command::Confirm(Choice::Discard), 4.0);
    assert!(s.doc.is_some(), "the later edit is asked about again");
    assert!(s.view.confirm.is_some());
}

#[test]
fn answers_are_carried_in_the_background_and_never_over_a_statement_edited_meanwhile() {
    let (mut s, _d) = state();
    s.apply(Command::CarryForward("sds-seed-remote-service".into()), 1.0);
    s.wait_for_tasks(Duration::from_secs(30));
    let d = s.doc.as_ref().unwrap();
    assert!(d.project.carried_from.is_some() && d.path.is_none());
    assert!(s.carry_report.is_some());

    let (mut s, _d) = state();
    s.apply(Command::CarryForward("sds-seed-remote-service".into()), 1.0);
    // Edited while the carry runs: the result is not opened over it.
    s.apply(set("q2", AnswerValue::No), 2.0);
    s.wait_for_tasks(Duration::from_secs(30));
    assert_eq!(
        value(&s, "q2"),
        AnswerValue::No,
        "the edited statement stays"
    );
    assert!(s.doc.as_ref().unwrap().project.carried_from.is_none());
    let st = s.status.as_ref().unwrap();
    assert!(
        st.error && st.text == s.loc.t("err-carry-stale"),
        "{}",
        st.text
    );
}
