//! Long work off the UI thread: import, export and compare run on a worker thread each, and the
//! window polls them every frame (see `AppState::poll_tasks`). The UI shows each running task
//! with its progress; nothing here blocks a frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::io::FileError;
use crate::io::xlsx::{Imported, Mapping};

/// What a task does (for the progress line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskKind {
    Import,
    Export,
    Compare,
    /// Statements checked against an acceptance profile.
    Check,
    /// A folder of received statements read for the register.
    Register,
    /// A statement carried forward onto another checklist.
    Carry,
    /// A register folder read for the inspection dossier.
    Dossier,
    /// Statements read for the answer library.
    LibraryRead,
    /// The answer library's consistency check.
    LibraryCheck,
}

impl TaskKind {
    /// The message id of the task's name (no arguments).
    pub fn name_id(self) -> &'static str {
        match self {
            TaskKind::Import => "task-name-import",
            TaskKind::Export => "task-name-export",
            TaskKind::Compare => "task-name-compare",
            TaskKind::Check => "task-name-check",
            TaskKind::Register => "task-name-register",
            TaskKind::Dossier => "task-name-dossier",
            TaskKind::Carry => "task-name-carry",
            TaskKind::LibraryRead => "task-name-library-read",
            TaskKind::LibraryCheck => "task-name-library-check",
        }
    }

    /// The message id of the progress line.
    pub fn message_id(self) -> &'static str {
        match self {
            TaskKind::Import => "task-import",
            TaskKind::Export => "task-export",
            TaskKind::Compare => "task-compare",
            TaskKind::Check => "task-check",
            TaskKind::Register => "task-register",
            TaskKind::Dossier => "task-dossier",
            TaskKind::Carry => "task-carry",
            TaskKind::LibraryRead => "task-library-read",
            TaskKind::LibraryCheck => "task-library-check",
        }
    }
}

pub use super::progress::{BoxedError, Progress};

/// What a finished task hands back.
pub enum Outcome {
    Imported {
        /// Which request this answers; an older one's result is dropped.
        generation: u64,
        path: PathBuf,
        mapping: Option<Box<Mapping>>,
        result: Result<Box<Imported>, FileError>,
        /// The layout signature of the first detection (without a mapping).
        signature: Option<String>,
        /// The mapping of a remembered layout was used.
        remembered: bool,
    },
    Exported {
        path: PathBuf,
        /// What a PDF could not show as asked (nothing for a workbook).
        result: Result<Vec<crate::io::pdf::PdfNote>, BoxedError>,
    },
    /// A copy of the statement's own workbook filled: what had no cell in it.
    ExportedInto {
        path: PathBuf,
        /// The original, for the offer to read it again when it changed.
        original: PathBuf,
        /// What the user had agreed to when it was asked for.
        consent: crate::io::xlsx::Consent,
        result: Result<crate::io::xlsx::FillReport, FileError>,
    },
    Compared {
        generation: u64,
        result: Result<super::compare::ComparisonView, FileError>,
    },
    /// A class's files read and checked (答え合わせ).
    ClassChecked {
        generation: u64,
        result: Result<Box<super::exercise_class::ClassRun>, super::exercise_class::ClassError>,
    },
    Checked {
        generation: u64,
        result: Result<super::hospital::CheckReport, FileError>,
    },
    RegisterRead {
        generation: u64,
        result: Result<Box<super::register::RegisterView>, FileError>,
    },
    /// A statement carried forward: the new statement, to open unless the one it was carried
    /// from has changed since (`revision`).
    Carried {
        revision: u64,
        /// When it was asked for (the autosave of the new statement counts from it).
        asked: f64,
        result: Box<super::compare::Carried>,
    },
    DossierRead {
        generation: u64,
        result: Result<Box<super::dossier::DossierView>, crate::io::FileError>,
    },
    /// Statements read for 「開示書から回答集に追加」: each file's entries, or why it could not
    /// be read.
    LibraryRead {
        generation: u64,
        read: Vec<(
            PathBuf,
            Result<Vec<crate::domain::library::Entry>, FileError>,
        )>,
    },
    /// The answer library's consistency check.
    LibraryChecked {
        generation: u64,
        result: Result<Box<super::library::CheckOutcome>, FileError>,
    },
    /// A received workbook read to open for review.
    OpenedReceived {
        generation: u64,
        read: Box<super::doc::ReceivedRead>,
    },
    /// The worker stopped without an answer (it panicked): said to the user, never silent.
    Lost { kind: TaskKind, file: PathBuf },
}

/// A running task.
pub struct Task {
    pub kind: TaskKind,
    /// The file it works on (the first, for a comparison).
    pub file: PathBuf,
    pub progress: Arc<Progress>,
    rx: Receiver<Outcome>,
}

#[derive(Default)]
pub struct Tasks {
    running: Vec<Task>,
}

impl Tasks {
    /// Runs `work` on a new thread.
    pub fn spawn(
        &mut self,
        kind: TaskKind,
        file: PathBuf,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) {
        let (tx, rx) = mpsc::channel();
        let progress = Arc::new(Progress::default());
        let p = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name(format!("kaijisho-{kind:?}"))
            .spawn(move || {
                let outcome = work(&p);
                // The receiver is gone only when the app has quit; nothing is left to tell.
                if tx.send(outcome).is_err() {
                    log::info!("a {kind:?} task finished after the app stopped listening");
                }
            });
        if let Err(e) = spawned {
            log::error!("could not start a {kind:?} task: {e}");
        }
        self.running.push(Task {
            kind,
            file,
            progress,
            rx,
        });
    }

    pub fn is_busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Whether a task of this kind is running.
    pub fn is_running(&self, kind: TaskKind) -> bool {
        self.running.iter().any(|t| t.kind == kind)
    }

    pub fn running(&self) -> &[Task] {
        &self.running
    }

    /// The outcomes of the tasks that have finished since the last call.
    pub fn finished(&mut self) -> Vec<Outcome> {
        let mut out = Vec::new();
        self.running.retain(|t| match t.rx.try_recv() {
            Ok(o) => {
                out.push(o);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                out.push(Outcome::Lost {
                    kind: t.kind,
                    file: t.file.clone(),
                });
                false
            }
        });
        out
    }

    /// Waits (up to `timeout`) for every running task; for tests and the command line.
    pub fn wait(&mut self, timeout: Duration) -> Vec<Outcome> {
        let end = Instant::now() + timeout;
        let mut out = Vec::new();
        while self.is_busy() && Instant::now() < end {
            out.extend(self.finished());
            if self.is_busy() {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        out
    }
}
