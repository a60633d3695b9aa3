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
    /// The last exercise check (「答え合わせ」), shown until closed.
    pub exercise: Option<super::exercise::ExerciseView>,
    /// The last check against an acceptance profile, shown in its window.
    pub check_report: Option<super::hospital::CheckReport>,
    /// The register of received statements, when open.
    pub register: Option<super::register::RegisterView>,
    pub view: View,
    pub tasks: Tasks,
    /// Where the app and the window read the date and time (fixed in tests).
    pub clock: Clock,
    /// The latest import and comparison asked for: an older request's result is dropped.
    pub(super) import_generation: u64,
    pub(super) compare_generation: u64,
    pub(super) check_generation: u64,
    pub(super) register_generation: u64,
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
            exercise: None,
            check_report: None,
            register: None,
            tasks: Tasks::default(),
            clock,
            import_generation: 0,
            compare_generation: 0,
            check_generation: 0,
            register_generation: 0,
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
        let dirty = self.doc.as_ref().is_some_and(|d| d.dirty);
        if cmd.replaces_document() && dirty {
            self.view.confirm = Some(cmd);
            return;
        }
        self.run(cmd, now);
    }

    /// Carries out a command without asking: routes it to its handler.
    pub(super) fn run(&mut self, cmd: Command, now: f64) {
        match cmd {
            Command::NewProject { catalogue, header } => self.new_project(&catalogue, header),
            Command::NewFromForm => {
                let form = self.view.new_form.clone();
                self.new_project(&form.catalogue, form.header);
            }
            Command::Open(path) => self.open(path),
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
            Command::Import(path) => self.import(path, None),
            Command::PreviewImport(path, mapping) => self.preview_import(path, mapping),
            Command::MapImport(change) => self.map_import(&change),
            Command::AcceptImport => self.accept_import(),
            Command::CancelImport => {
                self.import_preview = None;
                self.import_generation += 1;
            }
            Command::Edit(edit) => self.edit(edit, now),
            Command::SealEdit => self.with_doc(|d| d.seal()),
            Command::Undo => self.undo_redo(true, now),
            Command::Redo => self.undo_redo(false, now),
            Command::Select(q) => self.with_doc(|d| d.select(q)),
            Command::OptionRow(delta) => self.move_option_row(delta),
            Command::Next => self.step(1),
            Command::Previous => self.step(-1),
            Command::Compare(files) => self.compare(files),
            Command::CarryForward(catalogue) => self.carry_forward(&catalogue, now),
            Command::RecoverAccept => self.recover_accept(),
            Command::RecoverDiscard => self.recover_discard(),
            Command::SetLang(lang) => {
                self.settings.lang = lang;
                self.loc = Localizer::new(lang.unwrap_or_else(Lang::detect));
            }
            Command::SetDark(dark) => self.settings.dark = dark,
            Command::Ask(purpose) => self.ask(purpose),
            Command::PromptDone(path) => self.prompt_done(path, now),
            Command::CancelPrompt => self.cancel_prompt(),
            Command::Browse(folder) => self.browse(folder),
            Command::NativeDialogMissing => self.native_dialog_missing(),
            Command::ExportOffer(accept) => self.export_offer_done(accept),
            Command::Confirm(choice) => self.confirm(choice, now),
            Command::ToggleValidation => self.view.show_validation ^= true,
            Command::ToggleReviewMode => self.view.review_mode ^= true,
            Command::ToggleGrid => {
                self.view.grid = match self.view.grid.take() {
                    Some(_) => None,
                    None => self.doc.as_ref().map(|_| super::grid::GridForm::default()),
                }
            }
            Command::OpenFromGrid(q) => {
                self.view.grid = None;
                self.with_doc(|d| d.selected = Some(q));
            }
            Command::ShowCompare => self.show_compare(),
            Command::CloseCompare => self.view.compare = None,
            Command::ExportComparisonXlsx(path) => {
                self.export_comparison(path, super::documents::ExportFormat::Xlsx)
            }
            Command::ExportComparisonPdf(path) => {
                self.export_comparison(path, super::documents::ExportFormat::Pdf)
            }
            Command::ShowCarry => {
                let current = self.doc.as_ref().map(|d| d.catalogue.id.clone());
                self.view.carry_to =
                    current.or_else(|| self.catalogues.first().map(|c| c.id.clone()));
            }
            Command::CancelCarry => self.view.carry_to = None,
            Command::CloseCarryReport => self.carry_report = None,
            Command::ShowAbout => self.view.show_about = true,
            Command::ShowShortcuts => self.view.show_shortcuts = true,
            Command::CloseShortcuts => self.view.show_shortcuts = false,
            Command::CloseAbout => self.view.show_about = false,
            Command::OverwriteOnDisk => self.overwrite_on_disk(now),
            Command::CompareWithDisk => self.compare_with_disk(),
            Command::KeepDiskVersion => self.keep_disk_version(),
            Command::Quit => self.view.quit = true,
            other => self.run_training(other, now),
        }
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

    /// Whether background work is running.
    pub fn busy(&self) -> bool {
        self.tasks.is_busy()
    }
}
