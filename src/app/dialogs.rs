//! "Save the unsaved changes?": what 保存 / 保存しない / キャンセル do, wherever the question
//! came from (new, open, close, the window's close button).

use super::command::{Choice, Command, Purpose};
use super::state::AppState;

impl AppState {
    pub(super) fn confirm(&mut self, choice: Choice, now: f64) {
        let Some(pending) = self.view.confirm.take() else {
            return;
        };
        match choice {
            Choice::Save => {
                let has_path = self.doc.as_ref().is_some_and(|d| d.path.is_some());
                // Carried on once saved; a failed save asks again, a file changed on disk
                // asks "overwrite?" first.
                self.view.after_save = Some(pending);
                if has_path {
                    self.save(now);
                } else {
                    // A new statement needs a file first.
                    self.ask(Purpose::SaveAs);
                }
            }
            // The changes stay marked unsaved until something replaces the document (an open
            // that fails leaves them as they were). A workbook goes through the import
            // preview first: its 「取り込む」 must not ask again.
            Choice::Discard => {
                let via_preview = match &pending {
                    Command::Open(p) => crate::io::is_workbook(p),
                    _ => false,
                };
                if via_preview && let Some(d) = &mut self.doc {
                    d.dirty = false;
                }
                if pending == Command::Quit {
                    self.close();
                }
                self.run(pending, now);
            }
            Choice::Cancel => {}
        }
    }
}
