//! The mapping wizard's changes: the user picks the sheet, gives a column a role, sets the
//! first or last row read, or names a header value cell, on the grid of the sheet; each change
//! goes into the preview's mapping and the workbook is read again at once. A preview changed
//! this way is remembered for its layout when it is taken (see `AppState::import`).

use crate::app::import_wizard::*;
use crate::app::state::AppState;
use crate::io::xlsx::Mapping;

impl AppState {
    /// A change in the wizard: into the preview's mapping, and read again.
    pub(crate) fn map_import(&mut self, change: &MapChange) {
        let Some(p) = &mut self.import_preview else {
            return;
        };
        let mapping = changed(p.mapping.clone(), change);
        let path = p.path.clone();
        p.mapping = mapping.clone();
        self.preview_import(path, mapping);
    }

    /// The wizard's range of rows starts here (or is dropped): nothing is read again.
    pub(crate) fn import_range_from(&mut self, row: Option<u32>) {
        if let Some(p) = &mut self.import_preview {
            p.range_from = row;
        }
    }

    /// The wizard's grid is to show `row` (0-based): asked again, it scrolls there again.
    pub(crate) fn import_show_row(&mut self, row: u32) {
        if let Some(p) = &mut self.import_preview {
            let asked = p.show_row.map_or(1, |(_, n)| n + 1);
            p.show_row = Some((row, asked));
        }
    }

    /// Reads the workbook again with the user's mapping (the wizard or the mapping fields).
    pub(crate) fn preview_import(&mut self, path: std::path::PathBuf, mapping: Mapping) {
        if let Some(p) = &mut self.import_preview {
            p.edited = true;
        }
        self.import(path, Some(mapping));
    }
}
