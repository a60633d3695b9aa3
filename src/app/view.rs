//! What the window shows besides the document: open dialogs, panels, filters and the text
//! typed into prompts. Changed by commands, read by the panels; never saved.

use std::path::{Path, PathBuf};

use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::{Catalogue, Question};
use crate::domain::compare::RowFilter;
use crate::domain::history::History;
use crate::domain::profile::Profile;
use crate::domain::profile_edit::{ProfileEdit, ProfileEditError};
use crate::domain::project::{Header, ReviewStatus};
use crate::domain::summary::shown_values;
use crate::domain::text::fold_width;
use crate::domain::validation::Severity;
use crate::io::FileError;
use crate::io::folder::FolderEntry;

use super::command::Purpose;
use super::doc::Doc;
use super::document::{Approval, DocKind, Document, Pending};

/// The path prompt: what it is for and the path typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// The in-app file browser, when open (no native file dialog).
    pub browser: Option<FileBrowser>,
}

/// What the browser shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileBrowser {
    pub folder: PathBuf,
    /// Sub-folders, then matching files, each sorted by name.
    pub entries: Vec<FolderEntry>,
    /// The file name (typed, clicked or suggested).
    pub name: String,
    /// Why the folder could not be listed (in the user's language).
    pub error: Option<String>,
    /// Several files may be chosen (for a window's list): Ctrl-click, Shift-click, 「すべて
    /// 選択」.
    pub multi: bool,
    /// The files chosen, by name, in the order of `entries` (the name alone in a prompt for
    /// one file).
    pub selected: Vec<String>,
    /// The file a Shift-click selects from (the last one clicked).
    pub anchor: Option<String>,
}

impl PathPrompt {
    /// The file name in the browser changed: the path becomes that name in its folder, and
    /// the file of that name (if the folder shows one) is the one chosen.
    pub fn set_browser_name(&mut self, name: String) {
        if let Some(b) = &mut self.browser {
            self.text = b.folder.join(&name).display().to_string();
            let listed = b.entries.iter().any(|e| !e.is_dir && e.name == name);
            b.selected = if listed {
                vec![name.clone()]
            } else {
                Vec::new()
            };
            b.anchor = listed.then(|| name.clone());
            b.name = name;
        }
    }
}

impl PathPrompt {
    /// A new prompt with its text.
    pub fn new(purpose: Purpose, text: String) -> PathPrompt {
        PathPrompt {
            purpose,
            text,
            browser: None,
        }
    }
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

/// Whether a question has a finding worse than a note.
pub fn has_warning(doc: &Doc, q: &Question) -> bool {
    doc.findings
        .iter()
        .any(|f| f.question_id == q.id && f.severity != Severity::Info)
}

impl Filters {
    /// Whether a question passes the filters and the search: it is listed in the navigator,
    /// and PageDown/PageUp step to it.
    pub fn shows(&self, doc: &Doc, q: &Question) -> bool {
        let values = shown_values(&doc.catalogue, &doc.project, q);
        if self.unanswered && values.iter().all(|v| v.is_answered()) {
            return false;
        }
        if self.no && !values.contains(&AnswerValue::No) {
            return false;
        }
        if self.findings && !has_warning(doc, q) {
            return false;
        }
        if let Some(st) = self.review
            && doc.project.review.status(&q.id) != st
        {
            return false;
        }
        let needle = fold_width(self.search.trim()).to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let answer = doc.project.answer(&q.id);
        let mut hay = vec![q.number_key(), q.full_text()];
        if let Some(a) = answer {
            hay.push(a.remark.clone());
            hay.extend(a.options.values().map(|o| o.remark.clone()));
        }
        hay.extend(q.answer.options().iter().map(|o| o.label.clone()));
        hay.iter()
            .any(|h| fold_width(h).to_lowercase().contains(&needle))
    }
}

/// The comparison window's inputs (its statements are the shared [`View::chosen`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareForm {
    pub input: String,
    pub filter: RowFilter,
}

/// The 答え合わせ window's inputs and how it shows the class.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExerciseForm {
    /// The participants' files (and, when the window's statement is a copy, the model's).
    pub files: Vec<PathBuf>,
    pub input: String,
    pub tab: ClassTab,
    /// Participants shown as 「参加者 1」, 「参加者 2」 … (for the projector).
    pub anonymous: bool,
    pub sort: ClassSort,
}

/// What the 答え合わせ window shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClassTab {
    /// Per question: how the class answered.
    #[default]
    Questions,
    /// Per participant: the score.
    Participants,
    /// One participant's own check (index into the participants).
    Participant(usize),
}

/// The order of the class table's questions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClassSort {
    #[default]
    Number,
    /// Most participants missed first.
    Missed,
    /// Most 「いいえ」 without 備考 first.
    NoRemark,
    /// Most claims beyond the model first.
    OverClaims,
}

/// The check window's inputs: the profile (none: the shipped default); its statements are the
/// shared [`View::chosen`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CheckForm {
    pub profile: Option<PathBuf>,
    pub input: String,
    /// The statement whose items are listed (index into the report).
    pub selected: usize,
}

/// The acceptance-profile editor: the profile (a document: changed only by typed edits through
/// commands, with its undo history), where it is saved, the catalogue whose questions are
/// listed, the search and the citation for bulk marking.
#[derive(Debug, Clone)]
pub struct ProfileEditor {
    pub path: Option<PathBuf>,
    profile: Profile,
    history: History<Profile>,
    /// The SHA-256 of `path` as read or written (another program's changes are not overwritten
    /// unasked).
    pub on_disk: Option<[u8; 32]>,
    pub catalogue: String,
    pub search: String,
    pub citing: String,
}

impl ProfileEditor {
    /// An editor on `profile` (read from `path`, or the shipped default when `None`).
    pub fn new(profile: Profile, path: Option<PathBuf>, catalogue: String) -> ProfileEditor {
        ProfileEditor {
            path,
            profile,
            history: History::new(),
            on_disk: None,
            catalogue,
            search: String::new(),
            citing: String::new(),
        }
    }

    /// The profile as edited.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Checks and applies an edit (against the editor's catalogue), recorded for undo.
    pub fn edit(
        &mut self,
        catalogue: &Catalogue,
        edit: ProfileEdit,
        now: f64,
    ) -> Result<bool, ProfileEditError> {
        self.history.apply(&mut self.profile, catalogue, edit, now)
    }
}

impl Document for ProfileEditor {
    super::document::history_methods!(history);
    fn kind(&self) -> DocKind {
        DocKind::Profile
    }

    fn path(&self) -> Option<PathBuf> {
        self.path.clone()
    }

    fn save(&mut self, path: &Path, overwrite: bool) -> Result<(), FileError> {
        let expected = self
            .on_disk
            .filter(|_| !overwrite && self.path.as_deref() == Some(path));
        let digest = crate::io::hospital::save_profile_checked(path, &self.profile, expected)?;
        self.on_disk = Some(digest);
        self.path = Some(path.to_path_buf());
        self.history.mark_saved();
        Ok(())
    }

    fn reload(&mut self) -> Result<(), FileError> {
        let Some(path) = &self.path else {
            return Ok(());
        };
        let (profile, digest) = crate::io::hospital::load_profile_digest(path)?;
        self.profile = profile;
        self.on_disk = Some(digest);
        self.history = History::new();
        Ok(())
    }

    fn take_step(&mut self, undo: bool, _now: f64) -> bool {
        self.history.step(&mut self.profile, undo).is_some()
    }
}

/// Presentation mode: one question at a time, large, read-only, full screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Presentation {
    /// B: the screen is blanked.
    pub blank: bool,
    /// G: the guideline section and hints are shown beside the question.
    pub guide: bool,
    /// The slides are the class's most missed questions ([`View::class_slides`]), not every
    /// question.
    pub class: bool,
}

/// One slide of the class's most missed questions: the question and how the class answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassSlide {
    pub question: String,
    /// 「はい 12 · いいえ 3」.
    pub spread: String,
    /// How many missed it, of how many.
    pub missed: usize,
    pub of: usize,
}

/// What the carry dialog has chosen as the new checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarryTarget {
    /// A catalogue the app has (shipped, loaded, or the statement's own), by id.
    Catalogue(String),
    /// A workbook imported lately: read again, through the preview.
    Workbook(std::path::PathBuf),
}

#[derive(Debug, Default)]
pub struct View {
    pub filters: Filters,
    pub prompt: Option<PathPrompt>,
    /// A command waiting for "save the unsaved changes?" about one document.
    pub confirm: Option<Pending>,
    /// A command to carry out once a document has been saved (after 「保存」 in the
    /// confirmation; a document without a file first asks where).
    pub after_save: Option<Pending>,
    /// Documents let go for the workbook being read: 「取り込む」 replaces the statement without
    /// asking again while it is at the approved revision.
    pub import_approval: Vec<Approval>,
    pub new_form: NewForm,
    pub show_validation: bool,
    /// Review mode: the vendor's answers are read-only; reviewer status and comments are edited.
    pub review_mode: bool,
    /// 「事業者として編集する」 asked about: the received statement would become editable.
    pub confirm_vendor_edit: bool,
    /// The comparison window, when open.
    pub compare: Option<CompareForm>,
    /// The statements chosen for the hospital's windows: one list, shared by the comparison
    /// and the check (added to in either, shown in both). Changed only through commands.
    pub chosen: Vec<PathBuf>,
    /// 「受領台帳から選ぶ」: the register folder's statements, to tick and add.
    pub register_pick: Option<super::lists::RegisterPick>,
    /// The 答え合わせ window, when open.
    pub exercise: Option<ExerciseForm>,
    /// The carry-forward dialog: the catalogue to carry to.
    pub carry_to: Option<CarryTarget>,
    /// ヘルプ → kaijisho について.
    pub show_about: bool,
    /// ファイル → 病院名と確認者….
    pub show_organisation: bool,
    /// ヘルプ → はじめに: the getting-started guide.
    pub show_guide: bool,
    /// A save found its file changed on disk by another program: overwrite, compare or cancel.
    pub disk_conflict: Option<(DocKind, PathBuf)>,
    /// The answer grid (表示 → 一覧), when shown instead of the question.
    pub grid: Option<super::grid::GridForm>,
    /// Presentation mode, when on.
    pub presentation: Option<Presentation>,
    /// The window is too narrow for the guide beside the question (set by the window each
    /// frame): unless chosen in 表示, it is left out; when chosen, it goes below.
    pub narrow: bool,
    /// The slides of presentation mode over the class's most missed questions.
    pub class_slides: Vec<ClassSlide>,
    /// A Save As named a workbook or PDF: export there instead? (the file and the format)
    pub export_offer: Option<(PathBuf, super::documents::ExportFormat)>,
    /// "Read the changed workbook again?" after an export into it was refused.
    pub reimport_offer: Option<PathBuf>,
    /// "Export with errors?": what for, the file, and how many errors the statement has.
    pub export_warning: Option<(super::command::Purpose, PathBuf, usize)>,
    /// "Replace the existing file?" after a prompt named a file that exists: what for, and
    /// the file.
    pub replace_existing: Option<(super::command::Purpose, PathBuf)>,
    /// "Replace the cells the import could not read?" before an export into the original.
    pub replace_offer: Option<ReplaceOffer>,
    /// The option row of an option question that 1/2/3 answer: the question and the row.
    pub option_row: Option<(String, usize)>,
    /// ヘルプ → キー操作一覧.
    pub show_shortcuts: bool,
    /// No native file dialog answered: 参照… opens the in-app browser.
    pub native_dialog_missing: bool,
    /// The window may close now.
    pub quit: bool,
}

/// An export into the original that needs the user's consent: where it was to be written,
/// what it asks, each cell (with what it holds and will hold, in words), and what accepting
/// grants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceOffer {
    pub out: PathBuf,
    pub kind: OfferKind,
    pub cells: Vec<String>,
    pub granted: crate::io::xlsx::Consent,
}

/// What an export into the original asks before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferKind {
    /// Replace answer cells the import could not read.
    Unread,
    /// Write cells their protected sheet keeps locked.
    Protected,
}
