//! File I/O beside the pure domain: JSON projects and catalogues with atomic saves.
//! (Excel and PDF join here.)

pub mod atomic;
pub mod json;
pub mod pdf;
pub mod wrap;

pub use atomic::{ReadError, SaveError, atomic_write, backup_path};
pub use json::{FileError, FileKind, load_catalogue, load_project, open_project, save_project};
