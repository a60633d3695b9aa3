//! 「整合性チェック」: the statements to check (参照…, typed, dropped), whether the open library is
//! compared too, 確認する, and each finding with both its places; a click on a statement's place
//! opens it at that question, on a library's entry chooses it in the library window.

use eframe::egui;

use crate::app::Command;
use crate::app::command::FileList;
use crate::app::command::LibraryCommand;
use crate::app::library_view::CheckForm;
use crate::domain::library_check::Place;
use crate::i18n::{Localize, Localizer, place_text};

use super::file_list::{ListOf, file_list_ui};

/// What the window needs besides its form.
pub struct CheckContext {
    /// The open library has a file to compare with.
    pub library_file: bool,
    /// The check's progress (done, total) while it runs.
    pub checking: Option<(usize, usize)>,
    pub native_missing: bool,
}

pub fn library_check_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut CheckForm>,
    cx: &CheckContext,
    cmds: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    let mut open = true;
    egui::Window::new(l.t("library-check-title"))
        .id(egui::Id::unique("library_check_window"))
        // Below the menu bar, which stays in reach.
        .default_pos(ui.ctx().content_rect().min + egui::vec2(24.0, 56.0))
        .open(&mut open)
        .default_size([900.0, 560.0])
        .show(ui.ctx(), |ui| {
            let of = ListOf {
                list: FileList::LibraryCheck,
                label_id: "library-check-path",
                native_missing: cx.native_missing,
                register: None,
            };
            let files = form.files.clone();
            file_list_ui(ui, l, &files, &mut form.input, &of, cmds, |_, _, _| {});
            ui.horizontal(|ui| {
                let mut with = form.with_library && cx.library_file;
                let check = egui::Checkbox::new(&mut with, l.t("library-check-with-library"));
                if ui.add_enabled(cx.library_file, check).changed() {
                    form.with_library = with;
                }
                let run = egui::Button::new(l.t("library-check-run"));
                let ready = !form.files.is_empty() && cx.checking.is_none();
                if ui.add_enabled(ready, run).clicked() {
                    cmds.push(Command::Library(LibraryCommand::RunCheck(with)));
                }
                if let Some((done, total)) = cx.checking {
                    ui.spinner();
                    ui.label(format!(
                        "{} ({done} / {total})",
                        l.t("library-check-running")
                    ));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("library_check_findings")
                .auto_shrink([false, false])
                .show(ui, |ui| findings_ui(ui, l, form, cmds));
        });
    if !open {
        cmds.push(Command::Library(LibraryCommand::CloseCheck));
    }
}

/// The findings, each with a link to each place it names.
fn findings_ui(ui: &mut egui::Ui, l: &Localizer, form: &CheckForm, cmds: &mut Vec<Command>) {
    let warn = ui.visuals().warn_fg_color;
    let outcome = match &form.outcome {
        None => return,
        Some(Err(why)) => {
            ui.colored_label(
                ui.visuals().error_fg_color,
                l.ta("library-check-error", &[("why", why.clone().into())]),
            );
            return;
        }
        Some(Ok(o)) => o,
    };
    let findings = &outcome.report.findings;
    let files = outcome.read.len();
    if findings.is_empty() {
        ui.label(l.ta("library-check-none", &[("files", files.into())]));
    } else {
        ui.strong(l.ta(
            "library-check-count",
            &[("count", findings.len().into()), ("files", files.into())],
        ));
    }
    for u in &outcome.unread {
        ui.colored_label(
            warn,
            l.ta(
                "library-check-unread",
                &[("why", u.error.localize(l).into())],
            ),
        );
    }
    for (i, f) in findings.iter().enumerate() {
        ui.add_space(4.0);
        ui.push_id(("library_finding", i), |ui| {
            ui.add(egui::Label::new(format!("▲ {}", f.localize(l))).wrap());
            ui.horizontal_wrapped(|ui| {
                for p in std::iter::once(f.place()).chain(f.other()) {
                    place_link(ui, l, p, cmds);
                }
            });
        });
    }
    if outcome.report.more > 0 {
        ui.weak(l.ta(
            "library-check-more",
            &[("count", outcome.report.more.into())],
        ));
    }
}

/// A place as a link: a statement's opens it at the question; a library entry is chosen in
/// the library window.
fn place_link(ui: &mut egui::Ui, l: &Localizer, p: &Place, cmds: &mut Vec<Command>) {
    let text = l.ta("library-check-go", &[("place", place_text(l, p).into())]);
    if ui.link(text).clicked() {
        if p.question.is_empty() {
            cmds.push(Command::Library(LibraryCommand::Select(Some(
                p.number.clone(),
            ))));
        } else {
            cmds.push(Command::Library(LibraryCommand::OpenPlace(
                std::path::PathBuf::from(&p.file),
                p.question.clone(),
            )));
        }
    }
}
