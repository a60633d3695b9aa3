//! The recovery file: unsaved work written to the app's data folder a few seconds after each
//! edit, offered again after a crash. A recovery file that cannot be read is moved aside and
//! reported — never dropped silently.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::domain::project::Project;
use crate::i18n::Localize;
use crate::io;

use super::doc::Doc;
use super::state::AppState;

/// Largest recovery file read (the same bound as a project file).
const MAX_RECOVERY_BYTES: u64 = io::json::MAX_JSON_BYTES;

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    pub path: Option<PathBuf>,
    pub project: Project,
}

impl AppState {
    fn recovery_file(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("recovery.json"))
    }

    /// Reads the recovery file left by a previous run, if any.
    pub(super) fn load_recovery(&mut self) {
        let Some(file) = self.recovery_file() else {
            return;
        };
        if !file.exists() {
            return;
        }
        let read = io::atomic::read_limited(&file, MAX_RECOVERY_BYTES)
            .map_err(|e| e.to_string())
            .and_then(|b| serde_json::from_slice::<Recovery>(&b).map_err(|e| e.to_string()));
        match read {
            Ok(r) => self.recovery = Some(r),
            Err(detail) => {
                // Keep the bytes for the user (and us) to look at; tell them.
                let aside = file.with_extension("json.unreadable");
                let kept = std::fs::rename(&file, &aside).is_ok();
                log::error!(
                    "recovery file {} unreadable ({detail}); moved aside: {kept}",
                    file.display()
                );
                let msg = self.loc.ta(
                    "recovery-unreadable",
                    &[
                        ("file", file.display().to_string().into()),
                        ("detail", detail.into()),
                        ("kept", aside.display().to_string().into()),
                    ],
                );
                self.fail(msg);
            }
        }
    }

    /// Writes the recovery file when an edit has waited `delay` seconds. Returns the seconds
    /// until the next write is due, if one is pending.
    pub fn autosave(&mut self, now: f64, delay: f64) -> Option<f64> {
        let since = self.doc.as_ref()?.pending_autosave?;
        if now - since < delay {
            return Some(delay - (now - since));
        }
        let file = self.recovery_file();
        let doc = self.doc.as_mut()?;
        doc.pending_autosave = None;
        let rec = Recovery {
            path: doc.path.clone(),
            project: doc.project.clone(),
        };
        let file = file?;
        if let Some(parent) = file.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            log::error!("cannot create {}: {e}", parent.display());
        }
        let result = io::atomic_write(&file, |w| {
            let bytes = io::json::to_pretty_json(&rec).map_err(std::io::Error::other)?;
            w.write_all(&bytes)
        });
        if let Err(e) = result {
            let msg = e.localize(&self.loc);
            self.fail(msg);
        }
        None
    }

    pub(super) fn clear_recovery(&mut self) {
        let Some(f) = self.recovery_file() else {
            return;
        };
        for file in [io::backup_path(&f), f] {
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => log::warn!("cannot remove {}: {e}", file.display()),
            }
        }
    }

    pub(super) fn recover_accept(&mut self) {
        let Some(rec) = self.recovery.take() else {
            return;
        };
        match rec.project.catalogue.resolve(&self.catalogues) {
            Ok(c) => {
                let mut doc = Doc::new(rec.project, c, rec.path);
                doc.dirty = true;
                self.doc = Some(doc);
                let msg = self.loc.t("status-recovered");
                self.say(msg);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    pub(super) fn recover_discard(&mut self) {
        self.recovery = None;
        self.clear_recovery();
    }
}
