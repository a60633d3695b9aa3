//! kaijisho (開示書): the library behind the desktop app and the CLI for Japan's medical-IT
//! security disclosure statements (MDS/SDS).
//!
//! - [`domain`]: pure model and rules (no I/O).
//! - [`io`]: project and catalogue files (atomic saves, migration, clear errors).
//! - [`assets`]: the data shipped inside the binary (catalogues, guideline index, hints, sample).
//! - [`i18n`]: Fluent messages, Japanese first.
//! - [`cli`]: the command line, on the same code paths as the GUI.
//! - [`app`], [`ui`]: the desktop app (eframe/egui): state and commands, and one file per panel.

pub mod app;
pub mod assets;
pub mod cli;
pub mod domain;
pub mod i18n;
pub mod io;
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
