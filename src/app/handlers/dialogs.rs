//! "Save the unsaved changes?": which documents a command would close or replace, asking about
//! each modified one in turn (保存 / 保存しない / キャンセル), and carrying the command on once every
//! one is saved or let go. The approval to let a document go travels with the waiting command,
//! for the revision the document was at: the modified mark is never cleared early, and a
//! document edited after the approval is asked about again.

use crate::app::command::{Choice, Command, LibraryCommand};
use crate::app::document::{Approval, DocKind, Document, Pending};
use crate::app::state::AppState;

/// The documents a library command would close or replace.
fn library_losses(c: &LibraryCommand) -> &'static [DocKind] {
    match c {
        LibraryCommand::New | LibraryCommand::Open(_) | LibraryCommand::Close => {
            &[DocKind::Library]
        }
        LibraryCommand::OpenPlace(..) => &[DocKind::Statement],
        LibraryCommand::Save
        | LibraryCommand::SaveAs(_)
        | LibraryCommand::Select(_)
        | LibraryCommand::ShowAdd
        | LibraryCommand::AddOpen
        | LibraryCommand::AddTick(..)
        | LibraryCommand::AddAll
        | LibraryCommand::AddDone(_)
        | LibraryCommand::ShowFill
        | LibraryCommand::CloseFill
        | LibraryCommand::Fill { .. }
        | LibraryCommand::ShowCheck
        | LibraryCommand::CloseCheck
        | LibraryCommand::RunCheck(_) => &[],
    }
}

impl AppState {
    /// The documents a command would close or replace. Every command is named: a new one does
    /// not compile until it says what it loses.
    pub fn losses(&self, cmd: &Command) -> &'static [DocKind] {
        match cmd {
            Command::Quit => &DocKind::ALL,
            Command::NewProject { .. }
            | Command::NewFromForm
            | Command::Open(_)
            | Command::OpenForReview(_)
            | Command::OpenAt(..)
            | Command::OpenSample(_)
            | Command::Close
            | Command::AcceptImport
            | Command::CarryForward(_)
            | Command::CarryFromFile(_)
            | Command::RecoverAccept
            // The exercise copy is written, then opened in the window.
            | Command::MakeExercise(_) => &[DocKind::Statement],
            Command::Library(c) => library_losses(c),
            Command::OpenProfile(_) | Command::CloseProfileEditor => &[DocKind::Profile],
            Command::OpenRegister(_) | Command::CloseRegister => &[DocKind::Register],
            Command::OpenDossier(_) | Command::CloseDossier => &[DocKind::Dossier],
            Command::LoadCatalogue(..)
            | Command::Save
            | Command::SaveOrAsk
            | Command::SaveAs(..)
            | Command::ExportPdf(..)
            | Command::ExportXlsx(..)
            | Command::StartExportInto
            | Command::LocatedOriginal(..)
            | Command::ExportInto(..)
            | Command::ReimportOffer(..)
            | Command::ReplaceOffer(..)
            | Command::ReplaceExisting(..)
            | Command::ExportWarning { .. }
            | Command::Import(..)
            | Command::PreviewImport(..)
            | Command::MapImport(..)
            | Command::ImportRangeFrom(..)
            | Command::ImportShowRow(..)
            | Command::CancelImport
            | Command::Edit(..)
            // Signing saves the statement with its changes: nothing is lost.
            | Command::Signature(_)
            | Command::SealEdit
            | Command::Undo
            | Command::Redo
            | Command::Select(..)
            | Command::OptionRow(..)
            | Command::ShowShortcuts
            | Command::CloseShortcuts
            | Command::Next
            | Command::Previous
            | Command::Compare(..)
            | Command::RecoverDiscard
            | Command::SetLang(..)
            | Command::SetDark(..)
            | Command::Ask(..)
            | Command::PromptDone(..)
            | Command::CancelPrompt
            | Command::Browse(..)
            | Command::NativeDialogMissing
            | Command::BrowserClick { .. }
            | Command::BrowserSelectAll
            | Command::ExportOffer(..)
            | Command::Confirm(..)
            | Command::ToggleValidation
            | Command::ToggleReviewMode
            // Confirmed in its own dialog; the statement stays open, its changes kept.
            | Command::EditAsVendor(_)
            | Command::ToggleGrid
            | Command::OpenFromGrid(..)
            | Command::ShowCompare
            | Command::CloseCompare
            | Command::ShowCarry
            | Command::CancelCarry
            | Command::CloseCarryReport
            | Command::ShowCarryReport
            | Command::ConfirmCarriedNext
            | Command::ConfirmReason(_)
            | Command::ShowChanges
            | Command::CloseChanges
            | Command::ExportChanges(..)
            | Command::ShowAbout
            | Command::CloseAbout
            | Command::ShowOrganisation
            | Command::CloseOrganisation
            | Command::SetOrganisation(_)
            | Command::SetReviewer(_)
            | Command::SetTrustFolder(_)
            | Command::SetSystemTrust(_)
            | Command::ShowGuide
            | Command::CloseGuide
            | Command::OverwriteOnDisk
            | Command::CompareWithDisk
            | Command::KeepDiskVersion
            | Command::ReloadFromDisk
            | Command::TogglePresentation
            | Command::PresentationBlank
            | Command::PresentationEnd(..)
            | Command::PresentMissed
            | Command::PresentationGuide
            | Command::ToggleHideVendor
            | Command::ToggleGuide
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ZoomReset
            | Command::ShowExercise
            | Command::CheckExercise(..)
            | Command::ExportExercise(..)
            | Command::CloseExercise
            | Command::AddFiles(..)
            | Command::RemoveFile(..)
            | Command::PickFromRegister(..)
            | Command::RegisterPickTick(..)
            | Command::RegisterPickAll
            | Command::RegisterPickDone(..)
            | Command::ShowRegister
            | Command::FilesDropped(..)
            | Command::ExportComparisonXlsx(..)
            | Command::ExportComparisonPdf(..)
            | Command::ShowCheck
            | Command::CloseCheck
            | Command::SetCheckProfile(..)
            | Command::RunCheck
            | Command::ExportCheck(..)
            | Command::SaveRegister
            | Command::ShowDossier
            | Command::SaveDossier
            | Command::DossierEdit(..)
            | Command::ExportDossier(..)
            | Command::ExportRegister(..)
            | Command::ShowProfileEditor
            | Command::SaveProfile(..)
            | Command::ProfileEdit(..)
            | Command::RegisterEdit(..)
            | Command::CheckWithProfile
            | Command::LibraryEdit(..) => &[],
        }
    }

    /// The open document of this kind.
    pub fn document(&self, kind: DocKind) -> Option<&dyn Document> {
        match kind {
            DocKind::Statement => self.doc.as_ref().map(|d| d as &dyn Document),
            DocKind::Profile => self
                .hospital
                .profile_editor
                .as_ref()
                .map(|d| d as &dyn Document),
            DocKind::Register => self.hospital.register.as_ref().map(|d| d as &dyn Document),
            DocKind::Dossier => self.hospital.dossier.as_ref().map(|d| d as &dyn Document),
            DocKind::Library => self.library.view.as_ref().map(|d| d as &dyn Document),
        }
    }

    pub(crate) fn document_mut(&mut self, kind: DocKind) -> Option<&mut dyn Document> {
        match kind {
            DocKind::Statement => self.doc.as_mut().map(|d| d as &mut dyn Document),
            DocKind::Profile => self
                .hospital
                .profile_editor
                .as_mut()
                .map(|d| d as &mut dyn Document),
            DocKind::Register => self
                .hospital
                .register
                .as_mut()
                .map(|d| d as &mut dyn Document),
            DocKind::Dossier => self
                .hospital
                .dossier
                .as_mut()
                .map(|d| d as &mut dyn Document),
            DocKind::Library => self.library.view.as_mut().map(|d| d as &mut dyn Document),
        }
    }

    /// Whether any open document has unsaved changes.
    pub fn any_modified(&self) -> bool {
        DocKind::ALL
            .iter()
            .any(|k| self.document(*k).is_some_and(|d| d.modified()))
    }

    /// Carries out `cmd` once every modified document it would lose is approved: asks about
    /// the first that is not.
    pub(crate) fn apply_approved(&mut self, cmd: Command, approved: Vec<Approval>, now: f64) {
        // Reading a workbook only shows its preview: the approval waits for 「取り込む」.
        let mut approved = approved;
        if cmd == Command::AcceptImport {
            approved.extend(std::mem::take(&mut self.view.import_approval));
        }
        let ask = self.losses(&cmd).iter().find_map(|k| {
            self.document(*k)
                .filter(|d| d.modified() && !approved.contains(&(*k, d.revision())))
                .map(|d| (*k, d.revision()))
        });
        if let Some((kind, revision)) = ask {
            self.view.confirm = Some(Pending {
                command: cmd,
                kind,
                revision,
                approved,
            });
            return;
        }
        if let Command::Open(path) | Command::OpenForReview(path) = &cmd
            && crate::io::is_workbook(path)
        {
            self.view.import_approval = approved;
        }
        self.run(cmd, now);
    }

    pub(crate) fn confirm(&mut self, choice: Choice, now: f64) {
        let Some(mut pending) = self.view.confirm.take() else {
            return;
        };
        match choice {
            Choice::Save => {
                let kind = pending.kind;
                // Carried on once saved; a failed save asks again, a file changed on disk
                // asks "overwrite?" first, a document without a file asks where first.
                self.view.after_save = Some(pending);
                self.save_document(kind, None, false, now);
            }
            Choice::Discard => {
                pending.approved.push((pending.kind, pending.revision));
                self.apply_approved(pending.command, pending.approved, now);
            }
            Choice::Cancel => {}
        }
    }
}
