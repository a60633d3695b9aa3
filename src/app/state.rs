//! The whole application state, without any GUI, and the one entry point that changes it:
//! [`AppState::apply`]. The handlers live beside this file, one per concern (documents,
//! editing, comparison, the window's dialogs); tests drive the app through `apply` without a
//! window.

use std::path::{Path, PathBuf};

use crate::assets;
use crate::domain::carry::CarryReport;
use crate::domain::catalogue::Catalogue;
use crate::domain::guideline::GuidelineIndex;
use crate::domain::hints::HintLibrary;
use crate::i18n::{Lang, Localizer};
use crate::io::clock::Clock;
use crate::io::xlsx::{Imported, Mapping};

use super::command::Command;
use super::doc::Doc;
use super::document::DocKind;
use super::documents::ExportFormat;
use super::recovery::{Found, Own};
use super::settings::Settings;
use super::tasks::Tasks;
use super::view::{NewForm, View};

/// A message for the status bar. It goes at the next edit, or after [`STATUS_SECS`]
/// ([`ERROR_STATUS_SECS`] for an error), so it never speaks of a state that has passed.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
    /// When the window first showed it (set by [`AppState::expire_status`]).
    pub since: Option<f64>,
}

/// Seconds a message stays in the status bar.
pub const STATUS_SECS: f64 = 8.0;
/// Seconds an error stays (longer: it may need reading twice).
pub const ERROR_STATUS_SECS: f64 = 20.0;

/// The import preview: the workbook, the mapping used and what came of it.
pub struct ImportPreview {
    pub path: PathBuf,
    /// The mapping to show and edit: the detected one, or the user's last.
    pub mapping: Mapping,
    /// The import, or the error (already in the user's language).
    pub result: Result<Box<Imported>, String>,
    /// The layout signature of the workbook as first detected (without a mapping).
    pub signature: Option<String>,
    /// The user changed the mapping in the wizard: accepting remembers it for the layout.
    pub edited: bool,
    /// The mapping came from a layout confirmed before.
    pub remembered: bool,
    /// The first row (0-based) of a range of rows being given a role in the wizard.
    pub range_from: Option<u32>,
    /// The row (0-based) the wizard's grid is to show, and how many times one was asked for
    /// (the grid scrolls once per ask).
    pub show_row: Option<(u32, u64)>,
}

pub struct AppState {
    pub settings: Settings,
    pub loc: Localizer,
    pub doc: Option<Doc>,
    pub catalogues: Vec<Catalogue>,
    pub index: GuidelineIndex,
    pub hints: HintLibrary,
    pub status: Option<Status>,
    /// Unsaved work a window that is gone left, found at start-up.
    pub recovery: Option<Found>,
    /// This window's own recovery file and its lock.
    pub(super) own_recovery: Own,
    pub data_dir: Option<PathBuf>,
    /// A workbook read but not yet taken: what was recognised, for the user to check.
    pub import_preview: Option<ImportPreview>,
    /// The last comparison: the statements' labels and the table.
    pub comparison: Option<super::compare::ComparisonView>,
    /// The report of the last carry-forward.
    pub carry_report: Option<CarryReport>,
    /// A workbook chosen as the new checklist of a carry-forward, being read for the import
    /// preview: accepting the preview carries the open statement onto it.
    pub carry_pending: Option<std::path::PathBuf>,
    /// The statement revision the shown carry report was made at.
    pub carry_report_at: u64,
    /// 「前回からの変更点」 is shown: the list, for the statement's revision it was made at.
    pub show_changes: bool,
    pub changes: Option<(u64, crate::domain::changes::Changes)>,
    /// The last exercise check (「答え合わせ」), shown until closed.
    pub exercise: Option<super::exercise_class::ExerciseView>,
    /// The hospital side's windows: the check, the register and the profile editor.
    pub hospital: super::hospital::Hospital,
    /// The answer library (回答集) and its dialogs.
    pub library: super::library_view::LibraryState,
    /// Signing the open statement, and its signature's badge.
    pub signing: super::signing::Signing,
    pub view: View,
    pub tasks: Tasks,
    /// Where the app and the window read the date and time (fixed in tests).
    pub clock: Clock,
    /// The documents in the order they were last edited or undone (the last is where Ctrl+Z
    /// goes).
    pub(super) recent_edits: Vec<super::document::DocKind>,
    /// The latest import and comparison asked for: an older request's result is dropped.
    pub(super) import_generation: u64,
    pub(super) compare_generation: u64,
}

impl AppState {
    pub fn new(
        settings: Settings,
        data_dir: Option<PathBuf>,
    ) -> Result<AppState, assets::AssetError> {
        AppState::with_clock(settings, data_dir, Clock::system())
    }

    /// The app reading the date and time from `clock`.
    pub fn with_clock(
        settings: Settings,
        data_dir: Option<PathBuf>,
        clock: Clock,
    ) -> Result<AppState, assets::AssetError> {
        let lang = settings.lang.unwrap_or_else(Lang::detect);
        let catalogues = assets::shipped_catalogues()?;
        let mut state = AppState {
            settings,
            loc: Localizer::new(lang),
            doc: None,
            view: View {
                new_form: NewForm {
                    catalogue: catalogues.first().map(|c| c.id.clone()).unwrap_or_default(),
                    header: crate::domain::project::Header {
                        created: clock.today_japanese(),
                        ..Default::default()
                    },
                },
                ..View::default()
            },
            catalogues,
            index: assets::guideline_index()?,
            hints: assets::hints()?,
            status: None,
            recovery: None,
            own_recovery: Own::default(),
            data_dir,
            import_preview: None,
            comparison: None,
            carry_report: None,
            carry_pending: None,
            carry_report_at: 0,
            show_changes: false,
            changes: None,
            exercise: None,
            hospital: super::hospital::Hospital::default(),
            library: super::library_view::LibraryState::default(),
            signing: super::signing::Signing::default(),
            tasks: Tasks::default(),
            clock,
            recent_edits: Vec::new(),
            import_generation: 0,
            compare_generation: 0,
        };
        state.load_recovery();
        Ok(state)
    }

    pub(super) fn say(&mut self, text: String) {
        log::info!("{text}");
        self.status = Some(Status {
            text,
            error: false,
            since: None,
        });
    }

    pub(super) fn fail(&mut self, text: String) {
        log::error!("{text}");
        self.status = Some(Status {
            text,
            error: true,
            since: None,
        });
    }

    /// Shows an error from outside the app layer (the window's own setup) and logs it.
    pub fn report_error(&mut self, e: &dyn crate::i18n::Localize) {
        let msg = e.localize(&self.loc);
        self.fail(msg);
    }

    pub(super) fn say_file(&mut self, id: &str, path: &Path) {
        let msg = self
            .loc
            .ta(id, &[("file", path.display().to_string().into())]);
        self.say(msg);
    }

    /// Carries out a command, asking first when it would throw away unsaved changes.
    /// `now` is the time in seconds (for undo coalescing and autosave).
    pub fn apply(&mut self, cmd: Command, now: f64) {
        self.apply_approved(cmd, Vec::new(), now);
    }

    /// Carries out a command without asking: routes it to its handler. One `match` over every
    /// command, without a catch-all: a new command does not compile until it has a handler.
    pub(super) fn run(&mut self, cmd: Command, now: f64) {
        match cmd {
            // Documents: new, open, save, close, import, export.
            Command::NewProject { catalogue, header } => self.new_project(&catalogue, header),
            Command::NewFromForm => self.new_from_form(),
            Command::Open(path) => self.open(path),
            Command::OpenForReview(path) => self.open_received(path),
            Command::ShowDossier => self.show_dossier(),
            Command::OpenDossier(folder) => self.open_dossier(folder),
            Command::CloseDossier => self.hospital.dossier = None,
            Command::DossierEdit(edit) => self.dossier_edit(edit, now),
            Command::SaveDossier => self.save_document(DocKind::Dossier, None, false, now),
            Command::ExportDossier(path, format) => self.export_dossier(path, format),
            Command::EditAsVendor(confirmed) => self.edit_as_vendor(confirmed),
            Command::OpenSample(name) => self.open_sample(&name),
            Command::LoadCatalogue(path) => self.load_own_catalogue(path),
            Command::Save => self.save(now),
            Command::SaveOrAsk => self.save_or_ask(now),
            Command::SaveAs(path) => self.save_to(path, now),
            Command::Close => self.close(),
            Command::ExportPdf(path) => self.export(path, ExportFormat::Pdf),
            Command::ExportXlsx(path) => self.export(path, ExportFormat::Xlsx),
            Command::StartExportInto => self.start_export_into(),
            Command::LocatedOriginal(path) => self.located_original(path),
            Command::ExportInto(path) => self.export_into(path),
            Command::ReimportOffer(accept) => self.reimport_offer_done(accept),
            Command::ReplaceOffer(accept) => self.replace_offer_done(accept),
            Command::ReplaceExisting(accept) => self.replace_existing_done(accept, now),
            Command::ExportWarning { accept, quiet } => {
                self.export_warning_done(accept, quiet, now);
            }
            Command::Import(path) => self.import_chosen(path),
            Command::PreviewImport(path, mapping) => self.preview_import(path, *mapping),
            Command::MapImport(change) => self.map_import(&change),
            Command::ImportRangeFrom(row) => self.import_range_from(row),
            Command::ImportShowRow(row) => self.import_show_row(row),
            Command::AcceptImport => self.accept_import(now),
            Command::CancelImport => self.cancel_import(),
            Command::CarryForward(catalogue) => self.carry_forward(&catalogue, now),
            Command::CarryFromFile(path) => self.carry_from_file(path, now),
            Command::ConfirmCarriedNext => self.confirm_carried_and_next(now),
            Command::ConfirmReason(key) => self.confirm_reason(&key, now),
            Command::ShowCarryReport => self.show_carry_report(),
            Command::ShowChanges => self.show_changes = true,
            Command::CloseChanges => self.show_changes = false,
            Command::ExportChanges(path, format) => self.export_changes(path, format),
            Command::RecoverAccept => self.recover_accept(),
            Command::RecoverDiscard => self.recover_discard(),
            Command::Confirm(choice) => self.confirm(choice, now),
            Command::OverwriteOnDisk => self.overwrite_on_disk(now),
            Command::CompareWithDisk => self.compare_with_disk(),
            Command::KeepDiskVersion => self.keep_disk_version(),
            Command::ReloadFromDisk => self.reload_from_disk(),
            Command::Quit => self.quit(),
            // Editing the statement and moving through it.
            Command::Edit(edit) => self.edit(edit, now),
            Command::SealEdit => self.seal_edits(),
            Command::Undo => self.undo_redo(true, now),
            Command::Redo => self.undo_redo(false, now),
            Command::Select(q) => self.with_doc(|d| d.select(q)),
            Command::OptionRow(delta) => self.move_option_row(delta),
            Command::Next => self.step(1),
            Command::Previous => self.step(-1),
            // The window, its prompts and dialogs.
            Command::SetLang(lang) => self.set_lang(lang),
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::Ask(purpose) => self.ask(purpose),
            Command::PromptDone(path) => self.prompt_done(path, now),
            Command::CancelPrompt => self.cancel_prompt(),
            Command::Browse(folder) => self.browse(folder),
            Command::NativeDialogMissing => self.native_dialog_missing(),
            Command::BrowserClick {
                name,
                toggle,
                range,
            } => self.browser_click(&name, toggle, range),
            Command::BrowserSelectAll => self.browser_select_all(),
            Command::ExportOffer(accept) => self.export_offer_done(accept),
            Command::ToggleValidation => self.view.show_validation ^= true,
            Command::ToggleReviewMode => self.toggle_review_mode(),
            Command::ToggleGrid => self.toggle_grid(),
            Command::OpenFromGrid(q) => self.open_from_grid(q),
            Command::ShowAbout => self.view.show_about = true,
            Command::CloseAbout => self.view.show_about = false,
            Command::ShowOrganisation | Command::CloseOrganisation => self.organisation(cmd),
            Command::SetOrganisation(_) | Command::SetReviewer(_) => self.organisation(cmd),
            Command::SetTrustFolder(_) | Command::SetSystemTrust(_) => self.organisation(cmd),
            Command::ShowGuide => self.view.show_guide = true,
            Command::CloseGuide => self.view.show_guide = false,
            Command::ShowShortcuts => self.view.show_shortcuts = true,
            Command::CloseShortcuts => self.view.show_shortcuts = false,
            // Comparing and carrying forward.
            Command::Compare(files) => self.compare(files),
            Command::ShowCompare => self.show_compare(),
            Command::CloseCompare => self.view.compare = None,
            Command::ExportComparisonXlsx(path) => self.export_comparison(path, ExportFormat::Xlsx),
            Command::ExportComparisonPdf(path) => self.export_comparison(path, ExportFormat::Pdf),
            Command::ShowCarry => self.show_carry(),
            Command::CancelCarry => self.view.carry_to = None,
            Command::CloseCarryReport => self.carry_report = None,
            Command::TogglePresentation => self.toggle_presentation(),
            Command::PresentationBlank => self.presentation_blank(),
            Command::PresentationEnd(last) => self.presentation_end(last),
            Command::PresentMissed => self.present_missed(),
            Command::PresentationGuide => self.presentation_guide(),
            Command::ToggleHideVendor => self.settings.hide_vendor ^= true,
            Command::ToggleGuide => self.settings.guide = Some(!self.guide_shown()),
            Command::ZoomIn => self.settings.zoom = self.settings.zoom.step(true),
            Command::ZoomOut => self.settings.zoom = self.settings.zoom.step(false),
            Command::ZoomReset => self.settings.zoom = super::settings::Zoom::default(),
            Command::MakeExercise(path) => self.make_exercise(path, now),
            Command::ShowExercise => self.show_exercise(),
            Command::CheckExercise(files) => self.check_exercise(files),
            Command::ExportExercise(path, format) => self.export_exercise(path, format),
            Command::CloseExercise => self.close_exercise(),
            Command::AddFiles(list, files) => self.add_files(list, files),
            Command::RemoveFile(list, file) => self.remove_file(list, &file),
            Command::FilesDropped(files) => self.files_dropped(files, now),
            Command::PickFromRegister(list) => self.pick_from_register(list),
            Command::RegisterPickTick(i, on) => self.register_pick_tick(i, on),
            Command::RegisterPickAll => self.register_pick_all(),
            Command::RegisterPickDone(add) => self.register_pick_done(add),
            // The hospital side: the check, the register, the profile editor.
            Command::ShowCheck => self.show_check(),
            Command::CloseCheck => self.close_check(),
            Command::SetCheckProfile(path) => self.set_check_profile(path),
            Command::RunCheck => self.run_check(),
            Command::ExportCheck(path, format) => self.export_check(path, format),
            Command::OpenAt(path, question) => self.open_at(path, question),
            Command::ShowRegister => self.show_register(),
            Command::OpenRegister(folder) => self.open_register(folder),
            Command::SaveRegister => self.save_register(now),
            Command::RegisterEdit(edit) => self.register_edit(edit, now),
            Command::CloseRegister => self.hospital.register = None,
            Command::ExportRegister(path, format) => self.export_register(path, format),
            Command::ShowProfileEditor => self.show_profile_editor(),
            Command::CloseProfileEditor => self.hospital.profile_editor = None,
            Command::OpenProfile(path) => self.open_profile(path),
            Command::SaveProfile(path) => self.save_profile(path, now),
            Command::ProfileEdit(edit) => self.profile_edit(edit, now),
            Command::CheckWithProfile => self.check_with_profile(),
            Command::LibraryEdit(edit) => self.library_edit(edit, now),
            Command::Library(c) => self.library_command(c, now),
            Command::Signature(c) => self.signature_command(c, now),
        }
        // Whatever changed the check's profile or statements: its verdicts are made again.
        self.refresh_check();
    }

    fn new_from_form(&mut self) {
        let form = self.view.new_form.clone();
        self.new_project(&form.catalogue, form.header);
    }

    fn cancel_import(&mut self) {
        self.import_preview = None;
        self.carry_pending = None;
        self.view.import_approval.clear();
        self.import_generation += 1;
    }

    /// Every modified document was saved or let go (see `apply_approved`): the window may close.
    fn quit(&mut self) {
        self.close();
        self.view.quit = true;
    }

    fn set_lang(&mut self, lang: Option<Lang>) {
        self.settings.lang = lang;
        self.loc = Localizer::new(lang.unwrap_or_else(Lang::detect));
    }

    fn toggle_grid(&mut self) {
        self.view.grid = match self.view.grid.take() {
            Some(_) => None,
            None => self.doc.as_ref().map(|_| super::grid::GridForm::default()),
        }
    }

    fn open_from_grid(&mut self, q: String) {
        self.view.grid = None;
        self.with_doc(|d| d.selected = Some(q));
    }

    /// Takes the status message away once it has been shown long enough. Returns the seconds
    /// until it goes, while one is shown.
    pub fn expire_status(&mut self, now: f64) -> Option<f64> {
        let st = self.status.as_mut()?;
        let since = *st.since.get_or_insert(now);
        let keep = if st.error {
            ERROR_STATUS_SECS
        } else {
            STATUS_SECS
        };
        let left = keep - (now - since);
        if left <= 0.0 {
            self.status = None;
            return None;
        }
        Some(left)
    }

    /// Runs `f` on the open document, if there is one.
    pub(super) fn with_doc(&mut self, f: impl FnOnce(&mut Doc)) {
        if let Some(d) = &mut self.doc {
            f(d);
        }
    }

    /// Whether the guide panel (guideline section and hints) is shown: as chosen in 表示, else
    /// where the window is wide enough.
    pub fn guide_shown(&self) -> bool {
        self.settings.guide.unwrap_or(!self.view.narrow)
    }

    /// Whether background work is running.
    pub fn busy(&self) -> bool {
        self.tasks.is_busy()
    }
}
