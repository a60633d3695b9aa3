//! The application layer: state, commands and their handling, without any GUI toolkit. The
//! window (`crate::ui`) draws from [`AppState`] and sends [`Command`]s; tests drive the app the
//! same way without a window.
//!
//! - [`state`]: [`AppState`] and [`AppState::apply`], the one entry point, and the one `match`
//!   over every command.
//! - [`command`], [`menu`], [`keys`]: what can be asked, the menu table, what keys do.
//! - [`document`]: what the three documents share (the `Document` trait, asking before one
//!   goes); [`doc`]: the statement and its undo history; the profile editor is in [`view`],
//!   the register in [`register`].
//! - [`view`], [`grid`], [`browser`], [`files`], [`lists`]: window state, the answer grid, the
//!   in-app file browser, where a typed path lands, the register pick for the shared list of
//!   chosen statements.
//! - [`hospital`], [`register`], [`compare`], [`exercise`], [`import_wizard`], [`recovery`],
//!   [`documents`]: the model of each feature and the work the command line shares.
//! - [`library`], [`library_view`]: the answer library's shared work (entries from statements,
//!   the fill plan, the consistency check) and the library as a document with its dialogs.
//! - [`tasks`], [`progress`]: import, export, compare, check and register reads off the UI
//!   thread.
//! - [`settings`], [`log`]: saved settings, the log file.
//! - `handlers` (private): what each command does, the `impl AppState` blocks; nothing imports
//!   them, so the modules above form no circle.

pub mod browser;
pub mod changes;
pub mod command;
pub mod compare;
pub mod doc;
pub mod document;
pub mod documents;
pub mod dossier;
pub mod exercise;
pub mod exercise_class;
pub mod files;
pub mod grid;
mod handlers;
pub mod hospital;
pub mod import_wizard;
pub mod keys;
pub mod library;
pub mod library_view;
pub mod lists;
pub mod log;
pub mod menu;
pub mod progress;
pub mod provenance;
pub mod recovery;
pub mod register;
pub mod settings;
pub mod signature;
pub mod signing;
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
