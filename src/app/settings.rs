//! Settings kept between runs (in the app's storage, never in projects), and where the app
//! keeps its own files (recovery file, log).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// How many recent files the start screen lists.
pub const RECENT_FILES: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Settings {
    /// `None`: follow the OS.
    pub lang: Option<Lang>,
    pub recent: Vec<PathBuf>,
    pub dark: bool,
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_FILES);
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
