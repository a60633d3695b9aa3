//! The start screen's choices beyond the form: a catalogue file of one's own.

use std::path::PathBuf;

use crate::i18n::Localize;

use crate::app::state::AppState;

impl AppState {
    /// Reads a catalogue file and chooses it for the new statement (replacing a catalogue of
    /// the same id in the list).
    pub(crate) fn load_own_catalogue(&mut self, path: PathBuf) {
        match crate::io::load_catalogue(&path) {
            Ok(c) => {
                self.settings.used_folder_of(&path);
                let msg = self.loc.ta(
                    "start-catalogue-loaded",
                    &[
                        ("title", self.loc.catalogue_title(&c).into()),
                        ("file", path.display().to_string().into()),
                    ],
                );
                self.view.new_form.catalogue = c.id.clone();
                match self.catalogues.iter_mut().find(|x| x.id == c.id) {
                    Some(same) => *same = c,
                    None => self.catalogues.push(c),
                }
                self.say(msg);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }
}
