//! kaijisho (開示書): the library behind the desktop app and the CLI for Japan's medical-IT
//! security disclosure statements (MDS/SDS).
//!
//! - [`domain`]: pure model and rules (no I/O).
//! - [`io`]: project and catalogue files (atomic saves, migration, clear errors).
//! - [`assets`]: the data shipped inside the binary (catalogues, guideline index, hints, sample).
//! - [`i18n`]: Fluent messages, Japanese first.
//! - [`cli`]: the command line, on the same code paths as the GUI.
//! - [`app`]: the desktop app's state and commands, without a GUI toolkit (the CLI uses its
//!   comparison, hospital, exercise, task, log and export parts too).
//! - `ui` (feature `gui`, on by default): the window (eframe/egui), one file per panel. Without
//!   the feature the crate is the library and a headless CLI.

pub mod app;
pub mod assets;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod io;
#[cfg(feature = "gui")]
pub mod ui;

/// Version and build information, as `kaijisho --version` and the About window show it:
/// `0.1.0 (commit 0123456789, 2026-11-22; x86_64-pc-windows-gnu; release)`.
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("KAIJISHO_BUILD_COMMIT"),
    ", ",
    env!("KAIJISHO_BUILD_DATE"),
    "; ",
    env!("KAIJISHO_BUILD_TARGET"),
    "; ",
    env!("KAIJISHO_BUILD_PROFILE"),
    ")"
);
