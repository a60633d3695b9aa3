//! Who prints the reports: the hospital and the reviewer kept in the settings (ファイル →
//! 病院名と確認者…), and the running head every report carries.

use crate::app::command::Command;
use crate::app::provenance::running_head;
use crate::app::state::AppState;
use crate::io::pdf::RunningHead;

impl AppState {
    /// ファイル → 病院名と確認者…: shows or closes the window; a name typed is kept in the
    /// settings (saved with them).
    pub(crate) fn organisation(&mut self, cmd: Command) {
        match cmd {
            Command::ShowOrganisation => self.view.show_organisation = true,
            Command::CloseOrganisation => self.view.show_organisation = false,
            Command::SetOrganisation(name) => self.settings.organisation = name,
            Command::SetReviewer(name) => self.settings.reviewer = name,
            Command::SetTrustFolder(folder) => {
                if let Some(f) = &folder {
                    self.settings.last_folder = Some(f.clone());
                }
                self.settings.trust_folder = folder;
            }
            Command::SetSystemTrust(on) => self.settings.system_trust = on,
            _ => {}
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
