//! Recovery files: unsaved work written to the app's data folder a few seconds after each
//! edit, offered again after a crash. Each window writes its own file
//! (`recovery/<process>-<start>.json`) and holds a lock on it while it lives, so a second
//! window never offers — nor discards — the work of one still open. A recovery file that
//! cannot be read is moved aside and reported, never dropped silently.

use crate::app::doc::Doc;
use crate::app::recovery::*;
use crate::app::state::AppState;
use crate::i18n::Localize;
use crate::io;
use crate::io::lock::FileLock;
use std::path::{Path, PathBuf};
use std::time::Duration;

impl AppState {
    /// This window's recovery file: chosen once, from the process and the time it started.
    fn own_recovery_file(&mut self) -> Option<PathBuf> {
        if self.own_recovery.file.is_none() {
            let data = self.data_dir.as_ref()?;
            let started = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis());
            let name = format!("{}-{started}.json", std::process::id());
            self.own_recovery.file = Some(folder(data).join(name));
        }
        self.own_recovery.file.clone()
    }

    /// Looks for work a window that is gone left unsaved. A file whose window still runs is
    /// locked and passed over; the first one free is offered (and held while it is).
    pub(crate) fn load_recovery(&mut self) {
        let Some(data) = self.data_dir.clone() else {
            return;
        };
        let (files, error) = candidates(&data);
        if let Some(e) = error {
            let dir = folder(&data);
            log::error!("recovery folder {}: {e}", dir.display());
            let msg = self.loc.ta(
                "recovery-folder-unreadable",
                &[
                    ("folder", dir.display().to_string().into()),
                    ("detail", e.to_string().into()),
                ],
            );
            self.fail(msg);
        }
        for file in files {
            let lock = match FileLock::acquire_within(&file, Duration::ZERO) {
                Ok(lock) => Some(lock),
                // Another window's, alive: its work is its own.
                Err(io::SaveError::Lock(io::lock::LockError::Busy { .. })) => continue,
                // No lock to be had here (a read-only folder): offer it all the same.
                Err(e) => {
                    log::warn!("recovery file {}: {e}", file.display());
                    None
                }
            };
            let read = io::read::read_limited(&file, MAX_RECOVERY_BYTES)
                .map_err(|e| e.to_string())
                .and_then(|b| serde_json::from_slice::<Recovery>(&b).map_err(|e| e.to_string()));
            match read {
                Ok(recovery) => {
                    let saved = std::fs::metadata(&file)
                        .and_then(|m| m.modified())
                        .map(io::clock::local_time)
                        .unwrap_or_default();
                    self.recovery = Some(Found {
                        recovery,
                        file,
                        saved,
                        lock,
                    });
                    return;
                }
                Err(detail) => self.set_aside(&file, detail),
            }
        }
    }

    /// Moves an unreadable recovery file aside, for the user (and us) to look at, and says so.
    fn set_aside(&mut self, file: &Path, detail: String) {
        let aside = file.with_extension("json.unreadable");
        // Where the file is now: moved aside, or — when it cannot be moved — where it was.
        let kept = match std::fs::rename(file, &aside) {
            Ok(()) => {
                log::error!(
                    "recovery file {} unreadable ({detail}); moved aside to {}",
                    file.display(),
                    aside.display()
                );
                aside
            }
            Err(e) => {
                log::error!(
                    "recovery file {} unreadable ({detail}); could not be moved aside: {e}",
                    file.display()
                );
                file.to_path_buf()
            }
        };
        let msg = self.loc.ta(
            "recovery-unreadable",
            &[
                ("file", file.display().to_string().into()),
                ("detail", detail.into()),
                ("kept", kept.display().to_string().into()),
            ],
        );
        self.fail(msg);
    }

    /// Writes the recovery file when an edit has waited `delay` seconds. Returns the seconds
    /// until the next write is due, if one is pending.
    pub fn autosave(&mut self, now: f64, delay: f64) -> Option<f64> {
        let since = self.doc.as_ref()?.pending_autosave?;
        if now - since < delay {
            return Some(delay - (now - since));
        }
        let file = self.own_recovery_file();
        let doc = self.doc.as_mut()?;
        doc.pending_autosave = None;
        let rec = Recovery {
            path: doc.path.clone(),
            review: doc.received.as_ref().map(|r| r.review_path.clone()),
            project: doc.project.clone(),
        };
        let file = file?;
        if let Some(parent) = file.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            log::error!("cannot create {}: {e}", parent.display());
        }
        // Held from the first write until the window closes: the file is this window's.
        if self.own_recovery.lock.is_none() {
            match FileLock::acquire_within(&file, Duration::ZERO) {
                Ok(lock) => self.own_recovery.lock = Some(lock),
                Err(e) => log::warn!("recovery file {}: {e}", file.display()),
            }
        }
        // No larger than it is read back: a recovery file is of no use otherwise.
        let bytes = match io::json::file_json(&file, &rec, MAX_RECOVERY_BYTES) {
            Ok(bytes) => bytes,
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
                return None;
            }
        };
        let write = |w: &mut dyn std::io::Write| w.write_all(&bytes);
        let result = match &self.own_recovery.lock {
            Some(lock) => io::atomic::atomic_write_locked(lock, write),
            None => io::atomic_write(&file, write),
        };
        if let Err(e) = result {
            let msg = e.localize(&self.loc);
            self.fail(msg);
        }
        None
    }

    /// Removes this window's recovery file (the work is saved or deliberately dropped).
    pub(crate) fn clear_recovery(&mut self) {
        if let Some(f) = self.own_recovery.file.clone() {
            remove_with_backup(&f);
        }
    }

    pub(crate) fn recover_accept(&mut self) {
        let Some(found) = self.recovery.take() else {
            return;
        };
        let rec = found.recovery;
        match rec.project.catalogue.resolve(&self.catalogues) {
            Ok(c) => {
                let doc = Doc::new(rec.project, c, rec.path);
                // A review: the statement stays as received, the review what was recovered.
                let doc = match rec.review {
                    Some(review) => {
                        self.view.review_mode = true;
                        doc.received(review, None)
                    }
                    None => doc,
                };
                self.doc = Some(doc.unsaved());
                // The found file becomes this window's: written on, then removed on save.
                if let Some(old) = self.own_recovery.file.take() {
                    remove_with_backup(&old);
                }
                self.own_recovery = Own {
                    file: Some(found.file),
                    lock: found.lock,
                };
                let msg = self.loc.t("status-recovered");
                self.say(msg);
            }
            Err(e) => {
                let msg = e.localize(&self.loc);
                self.fail(msg);
            }
        }
    }

    /// Discards the offered work: its file only, never another window's.
    pub(crate) fn recover_discard(&mut self) {
        if let Some(found) = self.recovery.take() {
            remove_with_backup(&found.file);
            drop(found.lock);
        }
    }
}
