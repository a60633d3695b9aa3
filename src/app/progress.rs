//! What a worker reports while it runs (its progress) and the error it may hand back: shared
//! by the background tasks and the work they run (comparison, check, register, export), which
//! the command line runs too.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::i18n::Localize;

/// Progress a worker reports: `done` of `total` steps (0 of 0 when it cannot tell).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// `(done, total)`.
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// An export's error, in any of the layers it can come from.
pub type BoxedError = Box<dyn Localize + Send>;
