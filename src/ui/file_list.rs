//! A window's list of files (comparison, check, 答え合わせ): the files chosen, each with 外す;
//! 参照… picks several at once in the native dialog (our own browser, with Ctrl/Shift-click,
//! where there is none); a path field whose 追加 takes a file or a whole folder; for the
//! statements of the comparison and the check (one list, shared), 「受領台帳から選ぶ」. Files
//! dropped on the window land here too (`Command::FilesDropped`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::app::command::FileList;
use crate::app::lists::RegisterPick;
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

/// As in the path prompt: a native dialog that comes back empty sooner than this was never
/// shown.
const NATIVE_MISSING_WITHIN: Duration = Duration::from_millis(700);

/// What a window's list is and offers.
pub struct ListOf<'a> {
    pub list: FileList,
    /// The message id of the path field's label.
    pub label_id: &'a str,
    /// No native file dialog: 参照… opens the in-app browser.
    pub native_missing: bool,
    /// 「受領台帳から選ぶ」 is offered (the shared list of statements), with the register
    /// folder when there is one.
    pub register: Option<Option<&'a Path>>,
}

/// The list, then a line with the path field, 追加, 参照…, 受領台帳から選ぶ and what `extra`
/// adds (the window's run button). The list is the app's: 外す and 追加 send commands.
pub fn file_list_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    files: &[PathBuf],
    input: &mut String,
    of: &ListOf<'_>,
    cmds: &mut Vec<Command>,
    extra: impl FnOnce(&mut egui::Ui, &[PathBuf], &mut Vec<Command>),
) {
    let list = of.list;
    if of.register.is_some() {
        ui.label(l.ta("lists-chosen", &[("count", files.len().into())]));
    }
    // Only the rows in sight are laid out: a register's worth of files stays quick.
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt(("file_list", of.label_id))
        .max_height(160.0)
        .auto_shrink([false, true])
        .show_rows(ui, row_h, files.len(), |ui, rows| {
            for f in files.get(rows).unwrap_or_default() {
                ui.horizontal(|ui| {
                    if ui.small_button(l.t("compare-remove")).clicked() {
                        cmds.push(Command::RemoveFile(list, f.clone()));
                    }
                    ui.label(f.display().to_string());
                });
            }
        });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(l.t(of.label_id));
        ui.add(egui::TextEdit::singleline(input).desired_width(320.0))
            .labelled_by(label.id);
        if ui.button(l.t("compare-add")).clicked() && !input.trim().is_empty() {
            cmds.push(Command::AddFiles(list, vec![PathBuf::from(input.trim())]));
            input.clear();
        }
        if ui.button(l.t("dialog-browse")).clicked() {
            browse(list, of.native_missing, cmds);
        }
        if let Some(folder) = of.register {
            let b = egui::Button::new(l.t("lists-from-register"));
            let resp = ui
                .add_enabled(folder.is_some(), b)
                .on_disabled_hover_text(l.t("lists-no-register"));
            let resp = match folder {
                Some(f) => resp.on_hover_text(f.display().to_string()),
                None => resp,
            };
            if resp.clicked() {
                cmds.push(Command::PickFromRegister(list));
            }
        }
        extra(ui, files, cmds);
    });
}

/// 参照…: several files in the native dialog; our own browser (several with Ctrl/Shift-click)
/// where there is none.
fn browse(list: FileList, native_missing: bool, cmds: &mut Vec<Command>) {
    let ask = Command::Ask(Purpose::AddFile(list));
    if native_missing {
        // The prompt with the browser open in it.
        cmds.push(ask);
        cmds.push(Command::Browse(None));
        return;
    }
    let asked = Instant::now();
    let picked = rfd::FileDialog::new()
        .add_filter("kaijisho", Purpose::AddFile(list).extensions())
        .pick_files();
    match picked {
        Some(files) => cmds.push(Command::AddFiles(list, files)),
        None if asked.elapsed() < NATIVE_MISSING_WITHIN => {
            // The prompt first: the browser opens inside it.
            cmds.push(ask);
            cmds.push(Command::NativeDialogMissing);
        }
        None => {}
    }
}

/// 「受領台帳から選ぶ」: the register folder's statements with a tick box each (those already
/// in the list shown, not offered), すべて選択, 追加 and キャンセル.
pub fn register_pick_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    pick: Option<&RegisterPick>,
    cmds: &mut Vec<Command>,
) {
    let Some(pick) = pick else { return };
    egui::Modal::new(egui::Id::unique("register_pick")).show(ui.ctx(), |ui| {
        ui.heading(l.t("lists-from-register-title"));
        ui.label(l.ta(
            "register-folder-line",
            &[
                ("folder", pick.folder.display().to_string().into()),
                ("count", pick.entries.len().into()),
            ],
        ));
        egui::ScrollArea::vertical()
            .id_salt("register_pick_list")
            .max_height(360.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if pick.entries.is_empty() {
                    ui.weak(l.t("browser-empty"));
                }
                for (i, e) in pick.entries.iter().enumerate() {
                    let mut text = match &e.about {
                        Some(about) => format!("{} — {about}", e.file),
                        None => e.file.clone(),
                    };
                    if e.added {
                        text = l.ta("lists-already", &[("file", text.into())]);
                    }
                    let mut on = e.ticked || e.added;
                    let resp = ui.add_enabled(!e.added, egui::Checkbox::new(&mut on, text));
                    if resp.changed() {
                        cmds.push(Command::RegisterPickTick(i, on));
                    }
                }
            });
        let ticked = pick.entries.iter().filter(|e| e.ticked && !e.added).count();
        ui.horizontal(|ui| {
            if ui.button(l.t("browser-select-all")).clicked() {
                cmds.push(Command::RegisterPickAll);
            }
            let add = egui::Button::new(l.ta("lists-add-ticked", &[("count", ticked.into())]));
            if ui.add_enabled(ticked > 0, add).clicked() {
                cmds.push(Command::RegisterPickDone(true));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                cmds.push(Command::RegisterPickDone(false));
            }
        });
    });
}
