//! The commands the UI (or a test, or a key) sends. Everything that changes the app goes
//! through [`crate::app::AppState::apply`].

use std::path::PathBuf;

use super::documents::ExportFormat;
use crate::domain::edit::Edit;
use crate::domain::project::Header;
use crate::i18n::Lang;
use crate::io::xlsx::Mapping;

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ExportPdf,
    ExportXlsx,
    Import,
    /// Where to write the exercise copy of the open statement.
    ExerciseCopy,
    /// Where to write the 答え合わせ as PDF / as a workbook.
    ExercisePdf,
    ExerciseXlsx,
    /// A file for a window's list (comparison, check, 答え合わせ), when there is no native
    /// file dialog to pick several.
    AddFile(FileList),
    /// A catalogue file of one's own for a new statement (the start screen).
    Catalogue,
    /// Where to write the comparison as a workbook / as PDF.
    ExportComparisonXlsx,
    ExportComparisonPdf,
    /// The acceptance profile of a check.
    CheckProfile,
    /// Where to write the check report.
    ExportCheckXlsx,
    ExportCheckPdf,
    /// The folder of received statements.
    RegisterFolder,
    /// A statement received from a vendor, opened for review (read-only).
    OpenForReview,
    /// The register folder of the inspection dossier; where to write it as PDF / workbook.
    DossierFolder,
    ExportDossierPdf,
    ExportDossierXlsx,
    /// A profile to edit / where to save the edited one.
    OpenProfile,
    SaveProfile,
    /// Where to write the register.
    ExportRegisterXlsx,
    ExportRegisterPdf,
    /// The workbook a statement was imported from, when the app does not know where it is.
    LocateOriginal,
    /// Where to write the filled copy of that workbook.
    ExportInto,
    /// The new checklist of a carry-forward: a catalogue file or an official workbook.
    CarryCatalogue,
    /// Where to write 「前回からの変更点」 as PDF / as a workbook.
    ExportChangesPdf,
    ExportChangesXlsx,
    /// An answer library to open / where to save the open one.
    OpenLibrary,
    SaveLibrary,
    /// The PKCS#12 file (certificate and private key) to sign with.
    SignCertificate,
    /// Where to write the timestamp request (`.tsq`) for the statement's signature.
    TimestampRequest,
    /// The folder of certificates trusted for signatures.
    TrustFolder,
    /// The timestamp authority's reply (`.tsr`) to take into it.
    TimestampReply,
}

impl Purpose {
    /// The command to run with the chosen path.
    pub fn command(self, path: PathBuf) -> Command {
        match self {
            Purpose::Open => Command::Open(path),
            Purpose::OpenForReview => Command::OpenForReview(path),
            Purpose::DossierFolder => Command::OpenDossier(path),
            Purpose::ExportDossierPdf => Command::ExportDossier(path, ExportFormat::Pdf),
            Purpose::ExportDossierXlsx => Command::ExportDossier(path, ExportFormat::Xlsx),
            Purpose::Import => Command::Import(path),
            Purpose::SaveAs => Command::SaveAs(path),
            Purpose::ExportPdf => Command::ExportPdf(path),
            Purpose::ExportXlsx => Command::ExportXlsx(path),
            Purpose::ExerciseCopy => Command::MakeExercise(path),
            Purpose::ExercisePdf => Command::ExportExercise(path, ExportFormat::Pdf),
            Purpose::ExerciseXlsx => Command::ExportExercise(path, ExportFormat::Xlsx),
            Purpose::AddFile(list) => Command::AddFiles(list, vec![path]),
            Purpose::Catalogue => Command::LoadCatalogue(path),
            Purpose::ExportComparisonXlsx => Command::ExportComparisonXlsx(path),
            Purpose::ExportComparisonPdf => Command::ExportComparisonPdf(path),
            Purpose::CheckProfile => Command::SetCheckProfile(path),
            Purpose::ExportCheckXlsx => Command::ExportCheck(path, ExportFormat::Xlsx),
            Purpose::ExportCheckPdf => Command::ExportCheck(path, ExportFormat::Pdf),
            Purpose::RegisterFolder => Command::OpenRegister(path),
            Purpose::OpenProfile => Command::OpenProfile(path),
            Purpose::SaveProfile => Command::SaveProfile(path),
            Purpose::ExportRegisterXlsx => Command::ExportRegister(path, ExportFormat::Xlsx),
            Purpose::ExportRegisterPdf => Command::ExportRegister(path, ExportFormat::Pdf),
            Purpose::LocateOriginal => Command::LocatedOriginal(path),
            Purpose::ExportInto => Command::ExportInto(path),
            Purpose::CarryCatalogue => Command::CarryFromFile(path),
            Purpose::ExportChangesPdf => Command::ExportChanges(path, ExportFormat::Pdf),
            Purpose::ExportChangesXlsx => Command::ExportChanges(path, ExportFormat::Xlsx),
            Purpose::OpenLibrary => Command::Library(LibraryCommand::Open(path)),
            Purpose::SaveLibrary => Command::Library(LibraryCommand::SaveAs(path)),
            Purpose::SignCertificate => Command::Signature(SignatureCommand::Certificate(path)),
            Purpose::TimestampRequest => {
                Command::Signature(SignatureCommand::WriteTimestampRequest(path))
            }
            Purpose::TrustFolder => Command::SetTrustFolder(Some(path)),
            Purpose::TimestampReply => {
                Command::Signature(SignatureCommand::TakeTimestampReply(path))
            }
        }
    }

    /// The message id of the prompt's title (the menu entry that opens it).
    pub fn title_id(self) -> &'static str {
        match self {
            Purpose::Open => "menu-open",
            Purpose::OpenForReview => "menu-open-review",
            Purpose::DossierFolder => "menu-dossier",
            Purpose::ExportDossierPdf => "compare-export-pdf",
            Purpose::ExportDossierXlsx => "compare-export-xlsx",
            Purpose::Import => "menu-import",
            Purpose::SaveAs => "menu-save-as",
            Purpose::ExportPdf => "menu-export-pdf",
            Purpose::ExportXlsx => "menu-export-xlsx",
            Purpose::ExerciseCopy => "menu-exercise-new",
            Purpose::ExercisePdf => "exercise-pdf",
            Purpose::ExerciseXlsx => "exercise-xlsx",
            Purpose::AddFile(_) => "dialog-add-file",
            Purpose::Catalogue => "start-choose-catalogue",
            Purpose::ExportComparisonXlsx => "compare-export-xlsx",
            Purpose::ExportComparisonPdf => "compare-export-pdf",
            Purpose::CheckProfile => "check-choose-profile",
            Purpose::ExportCheckXlsx | Purpose::ExportRegisterXlsx => "compare-export-xlsx",
            Purpose::ExportCheckPdf | Purpose::ExportRegisterPdf => "compare-export-pdf",
            Purpose::RegisterFolder => "menu-register",
            Purpose::OpenProfile => "profile-open",
            Purpose::SaveProfile => "profile-save",
            Purpose::LocateOriginal => "export-into-locate",
            Purpose::ExportInto => "menu-export-into",
            Purpose::CarryCatalogue => "carry-from-file",
            Purpose::ExportChangesPdf => "changes-window-export-pdf",
            Purpose::ExportChangesXlsx => "changes-window-export-xlsx",
            Purpose::OpenLibrary => "menu-library-open",
            Purpose::SaveLibrary => "menu-library-save-as",
            Purpose::SignCertificate => "sig-gui-certificate",
            Purpose::TimestampRequest => "menu-timestamp-request",
            Purpose::TrustFolder => "organisation-trust-folder",
            Purpose::TimestampReply => "menu-timestamp-reply",
        }
    }

    /// The message id of a line under the title saying which file the prompt wants, where
    /// the title alone does not.
    pub fn about_id(self) -> Option<&'static str> {
        match self {
            Purpose::ExerciseCopy => Some("prompt-about-exercise-copy"),
            Purpose::AddFile(FileList::Exercise) => Some("prompt-about-exercise-file"),
            Purpose::AddFile(FileList::Compare) => Some("prompt-about-compare-file"),
            Purpose::AddFile(FileList::Check) => Some("prompt-about-check-file"),
            Purpose::CheckProfile => Some("prompt-about-profile"),
            Purpose::Catalogue => Some("prompt-about-catalogue"),
            Purpose::LocateOriginal => Some("prompt-about-original"),
            Purpose::ExportInto => Some("prompt-about-export-into"),
            Purpose::RegisterFolder => Some("prompt-about-register"),
            Purpose::CarryCatalogue => Some("prompt-about-carry-catalogue"),
            Purpose::OpenForReview => Some("prompt-about-open-review"),
            Purpose::DossierFolder => Some("prompt-about-dossier"),
            Purpose::AddFile(FileList::Library) => Some("prompt-about-library-add"),
            Purpose::AddFile(FileList::LibraryCheck) => Some("prompt-about-library-check"),
            Purpose::OpenLibrary => Some("prompt-about-library"),
            Purpose::SignCertificate => Some("prompt-about-certificate"),
            Purpose::TimestampRequest => Some("prompt-about-timestamp-request"),
            Purpose::TrustFolder => Some("prompt-about-trust-folder"),
            Purpose::TimestampReply => Some("prompt-about-timestamp-reply"),
            _ => None,
        }
    }
}

/// A window's list of files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileList {
    Compare,
    Check,
    Exercise,
    /// The statements whose answers go into the answer library (read at once, then offered).
    Library,
    /// The statements of the library's consistency check.
    LibraryCheck,
}

/// The answer to "save the unsaved changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Save,
    Discard,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // Documents.
    NewProject {
        catalogue: String,
        header: Header,
    },
    /// The start screen's "create": a new project from its form.
    NewFromForm,
    Open(PathBuf),
    /// Open a statement received from a vendor for review: its file is never written, the
    /// review is kept in a review file (opening a review file opens its statement).
    OpenForReview(PathBuf),
    /// 「事業者として編集する」: asks first; `true` once confirmed (the received statement becomes
    /// editable and saving writes its file), `false` from the dialog's キャンセル.
    EditAsVendor(Option<bool>),
    OpenSample(String),
    /// ファイル → 立入検査パック…: the dossier of the register folder open (or of the open
    /// statement's folder), else asks for the folder.
    ShowDossier,
    /// Reads a register folder's dossier (in the background).
    OpenDossier(PathBuf),
    CloseDossier,
    /// Changes a risk note (checked first; undoable).
    DossierEdit(crate::domain::dossier_edit::DossierEdit),
    SaveDossier,
    ExportDossier(PathBuf, ExportFormat),
    /// Read a catalogue file of one's own and choose it for a new statement.
    LoadCatalogue(PathBuf),
    Save,
    /// Save, or ask where when the statement has no file yet.
    SaveOrAsk,
    SaveAs(PathBuf),
    /// Back to the start screen.
    Close,
    ExportPdf(PathBuf),
    ExportXlsx(PathBuf),
    /// Fill a copy of the workbook the statement came from: asks where that workbook is when
    /// the app does not know, then where to write the copy.
    StartExportInto,
    /// The workbook the statement came from is here.
    LocatedOriginal(PathBuf),
    /// Write the filled copy here.
    ExportInto(PathBuf),
    /// The answer to "read the changed workbook again?".
    ReimportOffer(bool),
    /// The answer to "replace the cells the import could not read?".
    ReplaceOffer(bool),
    /// The answer to "replace the existing file?".
    ReplaceExisting(bool),
    /// The answer to "export with errors?", and whether to ask again for this statement.
    ExportWarning {
        accept: bool,
        quiet: bool,
    },
    /// Read a workbook and show the import preview.
    Import(PathBuf),
    /// Read it again with a corrected mapping.
    PreviewImport(PathBuf, Box<Mapping>),
    /// A change made in the mapping wizard (read again at once).
    MapImport(super::import_wizard::MapChange),
    /// The wizard's range of rows starts at this row (0-based), or none is being chosen.
    ImportRangeFrom(Option<u32>),
    /// Show this row (0-based) in the wizard's grid.
    ImportShowRow(u32),
    AcceptImport,
    CancelImport,
    /// Change the statement (checked against the catalogue first).
    Edit(Edit),
    /// End the current typing step (a text field lost focus).
    SealEdit,
    Undo,
    Redo,
    Select(String),
    /// ↑/↓ on an option question: the option row that 1/2/3 answer moves by this many rows.
    OptionRow(isize),
    ShowShortcuts,
    CloseShortcuts,
    Next,
    Previous,
    /// Compare the statements in these files.
    Compare(Vec<PathBuf>),
    /// Start a new project on this catalogue from the open statement.
    CarryForward(String),
    /// Start a new project from the open statement on the checklist in this file (a catalogue
    /// file, or a workbook read through the import preview first).
    CarryFromFile(PathBuf),
    /// Confirm the current question's carried answer and go to the next one to re-check.
    ConfirmCarriedNext,
    /// Confirm every carried answer of one reason (its [`crate::domain::edition::Reason::key`]).
    ConfirmReason(String),
    ShowCarryReport,
    /// 「前回からの変更点」: the list of what changed since the earlier statement.
    ShowChanges,
    CloseChanges,
    /// Write 「前回からの変更点」 to this file.
    ExportChanges(PathBuf, ExportFormat),
    RecoverAccept,
    RecoverDiscard,
    // The window and its dialogs.
    SetLang(Option<Lang>),
    SetDark(bool),
    /// Ask for a path (the path prompt).
    Ask(Purpose),
    /// The path prompt's OK: run what it was for with this path.
    PromptDone(PathBuf),
    CancelPrompt,
    /// Show this folder in the path prompt's file browser (`None`: open the browser where the
    /// typed path or the last-used folder is).
    Browse(Option<PathBuf>),
    /// 参照… found no native file dialog: use the in-app browser from now on.
    NativeDialogMissing,
    /// A click on a file of the in-app browser: alone, with Ctrl (`toggle`: add or take away)
    /// or with Shift (`range`: from the file clicked last). Several only for a window's list.
    BrowserClick {
        name: String,
        toggle: bool,
        range: bool,
    },
    /// 「すべて選択」 in the in-app browser (a window's list): every file of the folder.
    BrowserSelectAll,
    /// The answer to "export instead?" after a Save As to a workbook or PDF.
    ExportOffer(bool),
    /// The answer to "save the unsaved changes?".
    Confirm(Choice),
    ToggleValidation,
    ToggleReviewMode,
    /// 表示 → 一覧: every answer in one table instead of the question, or back.
    ToggleGrid,
    /// A row of the grid clicked: back to the question view on that question.
    OpenFromGrid(String),
    ShowCompare,
    CloseCompare,
    ShowCarry,
    CancelCarry,
    CloseCarryReport,
    ShowAbout,
    CloseAbout,
    /// ファイル → 病院名と確認者…: the hospital and the reviewer every report prints.
    ShowOrganisation,
    CloseOrganisation,
    /// The hospital's name as typed (kept in the settings).
    SetOrganisation(String),
    /// The reviewer's name as typed (kept in the settings).
    SetReviewer(String),
    /// The folder of certificates trusted for signatures (`None`: none).
    SetTrustFolder(Option<PathBuf>),
    /// Trust the operating system's certificate store for signatures too.
    SetSystemTrust(bool),
    /// ヘルプ → はじめに.
    ShowGuide,
    CloseGuide,
    /// The file changed on disk: replace it with this window's statement anyway.
    OverwriteOnDisk,
    /// The file changed on disk: compare it with this window's statement.
    CompareWithDisk,
    /// The file changed on disk: leave it and keep editing.
    KeepDiskVersion,
    /// The file changed on disk: read it again, dropping this window's changes (a profile or
    /// the register).
    ReloadFromDisk,
    // Training.
    /// F5: presentation mode on or off (Esc also leaves).
    TogglePresentation,
    /// B in presentation mode: blank the screen, or show it again.
    PresentationBlank,
    /// Home / End in presentation mode: the first (`false`) or last (`true`) slide.
    PresentationEnd(bool),
    /// 答え合わせ → 間違いの多い設問を提示: presentation mode over the questions the class
    /// missed most, each with how the class answered.
    PresentMissed,
    /// G in presentation mode: the guideline section and hints, large.
    PresentationGuide,
    /// Hide the vendor header in presentation mode (anonymised examples).
    ToggleHideVendor,
    /// 表示 → ガイドラインとヒント: show or hide the guide panel.
    ToggleGuide,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    /// Write an exercise copy of the open statement (answers removed) to this file.
    MakeExercise(PathBuf),
    /// ファイル → 答え合わせ…: the window where the participants' files are gathered.
    ShowExercise,
    /// Check the class: the open statement and these files (the model and the participants'
    /// copies).
    CheckExercise(Vec<PathBuf>),
    ExportExercise(PathBuf, ExportFormat),
    CloseExercise,
    /// Files for a window's list (picked, typed or dropped).
    AddFiles(FileList, Vec<PathBuf>),
    /// 外す: a file out of a window's list.
    RemoveFile(FileList, PathBuf),
    /// 「受領台帳から選ぶ」: the register folder's statements, to tick and add to this list.
    PickFromRegister(FileList),
    /// Tick or untick a statement of the register pick.
    RegisterPickTick(usize, bool),
    /// Tick every statement of the register pick (or, when all are, none).
    RegisterPickAll,
    /// The register pick's 追加 (`true`: the ticked ones go into the list) or キャンセル.
    RegisterPickDone(bool),
    /// Files dropped on the window: into the list of the window that takes files, else the
    /// first is opened.
    FilesDropped(Vec<PathBuf>),
    /// Write the comparison (the rows the window's filters keep) to this workbook / PDF.
    ExportComparisonXlsx(PathBuf),
    ExportComparisonPdf(PathBuf),
    /// ファイル → 受入基準で確認…: the check window.
    ShowCheck,
    CloseCheck,
    SetCheckProfile(PathBuf),
    /// Check the window's statements against its profile (in the background).
    RunCheck,
    ExportCheck(PathBuf, ExportFormat),
    /// Open a statement at one question (from a check or register line).
    OpenAt(PathBuf, String),
    /// ファイル → 受領台帳…: the register of the open statement's folder (asks for a folder
    /// when no statement with a file is open).
    ShowRegister,
    /// Read this folder as the register (another folder, or the same read again).
    OpenRegister(PathBuf),
    SaveRegister,
    CloseRegister,
    ExportRegister(PathBuf, ExportFormat),
    /// ファイル → 受入基準を編集…: the profile editor (with the shipped default).
    ShowProfileEditor,
    CloseProfileEditor,
    OpenProfile(PathBuf),
    SaveProfile(PathBuf),
    /// Change the edited acceptance profile (checked first; undoable).
    ProfileEdit(crate::domain::profile_edit::ProfileEdit),
    /// Change the register's settings or a statement's fields (checked first; undoable).
    RegisterEdit(crate::domain::register_edit::RegisterEdit),
    /// Check statements with the edited (saved) profile.
    CheckWithProfile,
    /// Change the answer library (checked first; undoable).
    LibraryEdit(crate::domain::library::LibraryEdit),
    /// The answer library's other commands (回答集 menu, window and dialogs).
    Library(LibraryCommand),
    /// Signing the open statement and its signature's details (ファイル → 署名して書き出す…).
    Signature(SignatureCommand),
    /// The window's close button: asks first when there are unsaved changes.
    Quit,
}

/// Signing the open statement, and the details of its signature.
#[derive(Debug, Clone, PartialEq)]
pub enum SignatureCommand {
    /// ファイル → 署名して書き出す…: the dialog.
    Show,
    Close,
    /// The dialog's 「選ぶ…」: ask for the certificate file.
    PickCertificate,
    Certificate(PathBuf),
    /// The dialog's 「署名」: sign with the chosen certificate and the typed password.
    Sign,
    /// The badge clicked: the signature's details; closed.
    ShowDetails,
    CloseDetails,
    /// ファイル → タイムスタンプ要求を書き出す…: the request for the signature, written here.
    WriteTimestampRequest(PathBuf),
    /// ファイル → タイムスタンプ応答を取り込む…: the reply taken into the signature.
    TakeTimestampReply(PathBuf),
}

/// The answer library's commands besides its edits (回答集).
#[derive(Debug, Clone, PartialEq)]
pub enum LibraryCommand {
    /// 回答集 → 新しい回答集.
    New,
    Open(PathBuf),
    /// Save the library to its file, or ask where when it has none.
    Save,
    SaveAs(PathBuf),
    Close,
    /// Choose an entry in the library window (by id), or none.
    Select(Option<String>),
    /// 「開示書から回答集に追加…」: the dialog, with the open statement's answers offered.
    ShowAdd,
    /// Offer the open statement's answers in that dialog.
    AddOpen,
    /// Tick or untick an offered answer; all (or none).
    AddTick(usize, bool),
    AddAll,
    /// The dialog's 追加 (`true`: the ticked answers go into the library) or キャンセル.
    AddDone(bool),
    /// 「回答集から記入…」: the dialog.
    ShowFill,
    CloseFill,
    /// Fill the open statement from the library (one undo step).
    Fill {
        max_age_months: u32,
        overwrite: bool,
    },
    /// 「整合性チェック…」: the window (the open statement among its files).
    ShowCheck,
    CloseCheck,
    /// Check the window's statements (and the open library's file, when `true`).
    RunCheck(bool),
    /// Open a statement of the check at one question (to edit it).
    OpenPlace(PathBuf, String),
}
