//! A window's list of files (comparison, check, 答え合わせ): the files chosen, each with 外す;
//! 参照… picks several at once in the native dialog (our own browser, one at a time, where
//! there is none); a path field whose 追加 takes a file or a whole folder. Files dropped on the
//! window land here too (`Command::FilesDropped`).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::app::command::FileList;
use crate::app::{Command, Purpose};
use crate::i18n::Localizer;

/// As in the path prompt: a native dialog that comes back empty sooner than this was never
/// shown.
const NATIVE_MISSING_WITHIN: Duration = Duration::from_millis(700);

/// The list, then a line with the path field, 追加, 参照… and what `extra` adds (the window's
/// run button). `what` is the list, the message id of the field's label, and whether the
/// native dialog is missing.
pub fn file_list_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    files: &mut Vec<PathBuf>,
    input: &mut String,
    (list, label_id, native_missing): (FileList, &str, bool),
    cmds: &mut Vec<Command>,
    extra: impl FnOnce(&mut egui::Ui, &[PathBuf], &mut Vec<Command>),
) {
    egui::ScrollArea::vertical()
        .id_salt(("file_list", label_id))
        .max_height(160.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for f in files.clone() {
                ui.horizontal(|ui| {
                    if ui.small_button(l.t("compare-remove")).clicked() {
                        files.retain(|x| *x != f);
                    }
                    ui.label(f.display().to_string());
                });
            }
        });
    ui.horizontal(|ui| {
        let label = ui.label(l.t(label_id));
        ui.add(egui::TextEdit::singleline(input).desired_width(320.0))
            .labelled_by(label.id);
        if ui.button(l.t("compare-add")).clicked() && !input.trim().is_empty() {
            cmds.push(Command::AddFiles(list, vec![PathBuf::from(input.trim())]));
            input.clear();
        }
        if ui.button(l.t("dialog-browse")).clicked() {
            browse(list, native_missing, cmds);
        }
        extra(ui, files, cmds);
    });
}

/// 参照…: several files in the native dialog; our own browser where there is none.
fn browse(list: FileList, native_missing: bool, cmds: &mut Vec<Command>) {
    let ask = Command::Ask(Purpose::AddFile(list));
    if native_missing {
        cmds.push(ask);
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
