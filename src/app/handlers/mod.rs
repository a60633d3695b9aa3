//! What the commands do: every `impl AppState` block beside the one in `state.rs`, a file per
//! concern. Nothing outside imports these files (the commands reach them through
//! [`crate::app::AppState::apply`]), and the model modules of `crate::app` never import them,
//! so `src/app` has no circle of files.

mod browser;
mod carry;
mod compare;
mod dialogs;
mod documents;
mod dossier;
mod editing;
mod exercise;
mod export_into;
mod files;
mod hospital;
mod import_wizard;
mod library;
mod library_check;
mod lists;
mod organisation;
mod presentation;
mod received;
mod recovery;
mod register;
mod signature;
mod start;
