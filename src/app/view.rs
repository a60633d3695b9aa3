//! What the window shows besides the document: open dialogs, panels, filters and the text
//! typed into prompts. Changed by commands, read by the panels; never saved.

use std::path::PathBuf;

use crate::domain::compare::RowFilter;
use crate::domain::project::{Header, ReviewStatus};

use super::command::{Command, Purpose};

/// The path prompt: what it is for and the path typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// The in-app file browser, when open (no native file dialog).
    pub browser: Option<super::browser::FileBrowser>,
}

/// The new-project form on the start screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewForm {
    pub catalogue: String,
    pub header: Header,
}

/// The navigator's filters and search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub unanswered: bool,
    pub no: bool,
    pub findings: bool,
    pub search: String,
    pub review: Option<ReviewStatus>,
}

/// The comparison window's inputs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareForm {
    pub files: Vec<PathBuf>,
    pub input: String,
    pub filter: RowFilter,
}

/// The check window's inputs: the profile (none: the shipped default) and the statements.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckForm {
    pub profile: Option<PathBuf>,
    pub files: Vec<PathBuf>,
    pub input: String,
    /// The statement whose items are listed (index into the report).
    pub selected: usize,
}

/// The acceptance-profile editor: the profile, where it is saved, the catalogue whose
/// questions are listed, the search and the citation for bulk marking.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileEditor {
    pub path: Option<PathBuf>,
    pub profile: crate::domain::profile::Profile,
    pub catalogue: String,
    pub search: String,
    pub citing: String,
    pub dirty: bool,
}

/// Presentation mode: one question at a time, large, read-only, full screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presentation {
    /// B: the screen is blanked.
    pub blank: bool,
    /// G: the guideline section and hints are shown beside the question.
    pub guide: bool,
}

#[derive(Debug, Default)]
pub struct View {
    pub filters: Filters,
    pub prompt: Option<PathPrompt>,
    /// A command waiting for "save the unsaved changes?".
    pub confirm: Option<Command>,
    /// A command to carry out once the statement has been saved (after 「保存」 in the
    /// confirmation, for a statement that first needs a file name).
    pub after_save: Option<Command>,
    pub new_form: NewForm,
    pub show_validation: bool,
    /// Review mode: the vendor's answers are read-only; reviewer status and comments are edited.
    pub review_mode: bool,
    /// The comparison window, when open.
    pub compare: Option<CompareForm>,
    /// The carry-forward dialog: the catalogue to carry to.
    pub carry_to: Option<String>,
    /// ヘルプ → kaijisho について.
    pub show_about: bool,
    /// A save found its file changed on disk by another program: overwrite, compare or cancel.
    pub disk_conflict: Option<PathBuf>,
    /// The acceptance-profile editor, when open.
    pub profile_editor: Option<ProfileEditor>,
    /// The check against an acceptance profile, when its window is open.
    pub check: Option<CheckForm>,
    /// The answer grid (表示 → 一覧), when shown instead of the question.
    pub grid: Option<super::grid::GridForm>,
    /// Presentation mode, when on.
    pub presentation: Option<Presentation>,
    /// A Save As named a workbook or PDF: export there instead? (the file and the format)
    pub export_offer: Option<(PathBuf, super::documents::ExportFormat)>,
    /// "Read the changed workbook again?" after an export into it was refused.
    pub reimport_offer: Option<PathBuf>,
    /// The option row of an option question that 1/2/3 answer: the question and the row.
    pub option_row: Option<(String, usize)>,
    /// ヘルプ → キー操作一覧.
    pub show_shortcuts: bool,
    /// No native file dialog answered: 参照… opens the in-app browser.
    pub native_dialog_missing: bool,
    /// The window may close now.
    pub quit: bool,
}
