//! Settings kept between runs (in the app's storage, never in projects), and where the app
//! keeps its own files (recovery file, log).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// How many recent files the start screen lists.
pub const RECENT_FILES: usize = 10;
/// How many statements opened for review are remembered as received.
pub const RECEIVED_FILES: usize = 500;

/// How many confirmed workbook layouts are remembered.
pub const REMEMBERED_LAYOUTS: usize = 30;

/// A workbook layout the user confirmed in the mapping wizard: the next workbook whose sheet
/// and headings give the same signature is read with the same mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RememberedLayout {
    pub signature: String,
    pub mapping: crate::io::xlsx::Mapping,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// `None`: follow the OS.
    pub lang: Option<Lang>,
    pub recent: Vec<PathBuf>,
    pub dark: bool,
    /// The zoom level in percent (表示 → 拡大 / 縮小 / 100%).
    pub zoom: Zoom,
    /// Presentation mode hides the vendor header (anonymised examples).
    pub hide_vendor: bool,
    /// 表示 → ガイドラインとヒント: shown or hidden as chosen; `None` follows the window (shown
    /// beside the question where it is wide enough).
    pub guide: Option<bool>,
    /// The folder a file was last opened from, saved to or written to: path prompts start here.
    pub last_folder: Option<PathBuf>,
    /// Workbook layouts the user confirmed, the latest first.
    pub layouts: Vec<RememberedLayout>,
    /// The hospital (or company) printed on reports (ファイル → 病院名と確認者…).
    pub organisation: String,
    /// Statements opened for review (received from vendors): opened again, from the recent
    /// files or by 開く, they open for review again. The latest first, at most
    /// [`RECEIVED_FILES`].
    pub received: Vec<PathBuf>,
    /// Who prints the reports (確認者).
    pub reviewer: String,
    /// A folder of certificates trusted for signatures (its `.pem`, `.crt`, `.cer`, `.der`).
    pub trust_folder: Option<PathBuf>,
    /// Trust the operating system's certificate store for signatures too.
    pub system_trust: bool,
}

impl Settings {
    /// Where signatures' trust anchors come from, as chosen.
    pub fn trust_sources(&self) -> crate::app::signature::TrustSources {
        crate::app::signature::TrustSources {
            folder: self.trust_folder.clone(),
            system: self.system_trust,
        }
    }
}

/// A zoom level in percent, one of [`Zoom::LEVELS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Zoom(pub u32);

impl Default for Zoom {
    fn default() -> Self {
        Zoom(100)
    }
}

impl Zoom {
    /// The levels 拡大 and 縮小 step through.
    pub const LEVELS: [u32; 11] = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200];

    /// The next level up (`up`) or down; stays at the ends.
    pub fn step(self, up: bool) -> Zoom {
        let next = if up {
            Zoom::LEVELS.iter().find(|l| **l > self.0)
        } else {
            Zoom::LEVELS.iter().rev().find(|l| **l < self.0)
        };
        Zoom(next.copied().unwrap_or(self.0))
    }

    /// The zoom factor (1.0 at 100%).
    pub fn factor(self) -> f32 {
        self.0.clamp(25, 400) as f32 / 100.0
    }
}

impl Settings {
    /// A file opened or saved: first among the recent files, and its folder the last used.
    /// Remembers a statement opened for review (see [`Settings::received`]).
    pub fn remember_received(&mut self, path: &Path) {
        self.received.retain(|p| p != path);
        self.received.insert(0, path.to_path_buf());
        self.received.truncate(RECEIVED_FILES);
    }

    pub fn remember(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(RECENT_FILES);
        self.used_folder_of(&path);
    }

    /// Settings as read from storage, held to the counts the app keeps (a hand-edited or old
    /// storage file may hold more).
    pub fn bounded(mut self) -> Settings {
        self.recent.truncate(RECENT_FILES);
        self.received.truncate(RECEIVED_FILES);
        self.layouts.truncate(REMEMBERED_LAYOUTS);
        self
    }

    /// Remembers a confirmed layout (replacing one of the same signature).
    pub fn remember_layout(&mut self, signature: &str, mapping: &crate::io::xlsx::Mapping) {
        self.layouts.retain(|l| l.signature != signature);
        self.layouts.insert(
            0,
            RememberedLayout {
                signature: signature.to_string(),
                mapping: mapping.clone(),
            },
        );
        self.layouts.truncate(REMEMBERED_LAYOUTS);
    }

    /// A file written (an export): its folder is the last used.
    pub fn used_folder_of(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            self.last_folder = Some(parent.to_path_buf());
        }
    }
}

/// The app's data folder (recovery file, log): `KAIJISHO_DATA_DIR` when set, else the OS's
/// per-user data folder.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("KAIJISHO_DATA_DIR") {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("jp", "kaijisho", "kaijisho").map(|d| d.data_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_storage_are_held_to_the_counts_kept() {
        let layout = RememberedLayout {
            signature: "S|No.".into(),
            mapping: crate::io::xlsx::Mapping::default(),
        };
        let s = Settings {
            recent: vec![PathBuf::from("a.json"); RECENT_FILES + 5],
            layouts: vec![layout; REMEMBERED_LAYOUTS + 5],
            ..Settings::default()
        }
        .bounded();
        assert_eq!(
            (s.recent.len(), s.layouts.len()),
            (RECENT_FILES, REMEMBERED_LAYOUTS)
        );
    }
}
