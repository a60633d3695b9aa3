//! Who prints the reports: the hospital and the reviewer kept in the settings (ファイル →
//! 病院名と確認者…), and the running head every report carries.

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::provenance::running_head;
use crate::app::state::AppState;
use crate::io::pdf::RunningHead;

impl AppState {
    /// ファイル → 病院名と確認者…: shows or closes the window; a name typed is kept in the
    /// settings (saved with them).
    pub(crate) fn organisation(&mut self, cmd: Command) {
        match cmd {
            Command::ShowOrganisation => {
                self.view.show_organisation = true;
                // Read the trusted certificates again: files may have been added since.
                self.signing.anchors = None;
                self.signing.trust_problems = self.settings.trust_sources().folder_problems();
            }
            Command::CloseOrganisation => self.view.show_organisation = false,
            Command::SetOrganisation(name) => self.settings.organisation = name,
            Command::SetReviewer(name) => self.settings.reviewer = name,
            Command::SetTrustFolder(folder) => {
                if let Some(f) = &folder {
                    self.settings.last_folder = Some(f.clone());
                }
                self.settings.trust_folder = folder;
                self.trust_changed();
            }
            Command::SetSystemTrust(on) => {
                self.settings.system_trust = on;
                self.trust_changed();
            }
            _ => {}
        }
    }

    /// The trusted certificates changed: the register and the dossier shown are read again
    /// (unless they hold unsaved changes, which a new reading would drop) so their signature
    /// states follow.
    fn trust_changed(&mut self) {
        self.signing.trust_problems = self.settings.trust_sources().folder_problems();
        if self
            .hospital
            .register
            .as_ref()
            .is_some_and(|r| r.modified())
        {
            let msg = self.loc.t("sig-gui-register-not-reread");
            self.say(msg);
        }
        if let Some(folder) = self
            .hospital
            .register
            .as_ref()
            .filter(|r| !r.modified())
            .map(|r| r.folder.clone())
        {
            self.open_register(folder);
        }
        if let Some(folder) = self
            .hospital
            .dossier
            .as_ref()
            .filter(|d| !d.modified())
            .map(|d| d.folder.clone())
        {
            self.open_dossier(folder);
        }
    }

    /// The running head of a report printed now: `title`, the hospital and the reviewer from
    /// the settings.
    pub(crate) fn report_head(&self, title: String) -> RunningHead {
        running_head(
            &self.loc,
            title,
            (&self.settings.organisation, &self.settings.reviewer),
            &self.clock.now(),
        )
    }
}
