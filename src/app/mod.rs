//! The application layer: state, commands and their handling, without any GUI toolkit. The
//! window (`crate::ui`) draws from [`AppState`] and sends [`Command`]s; tests drive the app the
//! same way without a window.
//!
//! - [`state`]: [`AppState`] and [`AppState::apply`], the one entry point.
//! - [`doc`]: an open statement and its undo history (typed domain edits).
//! - [`command`], [`menu`], [`keys`]: what can be asked, the menu table, what keys do.
//! - [`documents`], [`editing`], [`compare`], [`dialogs`], [`recovery`], [`files`],
//!   [`browser`], [`start`]: the handlers.
//! - [`tasks`]: import, export and compare off the UI thread.
//! - [`settings`], [`view`], [`log`]: saved settings, window state, the log file.

pub mod browser;
pub mod command;
pub mod compare;
pub mod dialogs;
pub mod doc;
pub mod documents;
pub mod editing;
pub mod exercise;
pub mod export_into;
pub mod files;
pub mod grid;
pub mod hospital;
pub mod import_wizard;
pub mod keys;
pub mod log;
pub mod menu;
pub mod presentation;
pub mod recovery;
pub mod register;
pub mod settings;
pub mod start;
pub mod state;
pub mod tasks;
pub mod view;

pub use command::{Choice, Command, Purpose};
pub use doc::Doc;
pub use settings::{Settings, data_dir};
pub use state::{AppState, ImportPreview, Status};
pub use view::View;

/// Seconds an edit waits before it is written to the recovery file.
pub const AUTOSAVE_DELAY: f64 = 3.0;

#[cfg(test)]
mod tests;
