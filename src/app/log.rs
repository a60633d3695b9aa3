//! The log: every error the app meets (and what it did about it) goes to `kaijisho.log` in the
//! app's data folder, named in the About window. A small sink for the `log` crate: one line per
//! record with the local time, kept under [`MAX_LOG_BYTES`] by moving the old file to
//! `kaijisho.log.1` at start-up.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The log file starts over (the old one kept as `.1`) once it is larger than this.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// The log file's name in the data folder.
pub const LOG_FILE: &str = "kaijisho.log";

struct FileLog {
    path: PathBuf,
    file: Mutex<File>,
}

static INSTALLED: OnceLock<PathBuf> = OnceLock::new();

impl log::Log for FileLog {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Info
    }

    fn log(&self, record: &log::Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let line = format_line(record);
        // A log that cannot be written has nowhere left to report to but stderr.
        let written = match self.file.lock() {
            Ok(mut f) => f.write_all(line.as_bytes()),
            Err(poisoned) => poisoned.into_inner().write_all(line.as_bytes()),
        };
        if let Err(e) = written {
            eprintln!("kaijisho: {}: {e}", self.path.display());
        }
    }

    fn flush(&self) {
        if let Ok(mut f) = self.file.lock()
            && let Err(e) = f.flush()
        {
            eprintln!("kaijisho: {}: {e}", self.path.display());
        }
    }
}

fn format_line(record: &log::Record<'_>) -> String {
    let time = jiff::Zoned::now().strftime("%Y-%m-%d %H:%M:%S%.3f %:z");
    // One record, one line: newlines inside a message are escaped.
    let msg = record.args().to_string().replace('\n', "\\n");
    format!("{time} {:<5} {}: {msg}\n", record.level(), record.target())
}

/// Opens (creating) the log in `dir`, moving an oversized one aside first.
fn open(dir: &Path) -> std::io::Result<(PathBuf, File)> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(LOG_FILE);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        std::fs::rename(&path, dir.join(format!("{LOG_FILE}.1")))?;
    }
    let file = crate::io::atomic::open_append(&path)?;
    Ok((path, file))
}

/// Sends the `log` records of this process to the log file in `dir`. Once per process; a
/// second call keeps the first log. Returns the log file's path.
pub fn init(dir: &Path) -> std::io::Result<PathBuf> {
    if let Some(p) = INSTALLED.get() {
        return Ok(p.clone());
    }
    let (path, file) = open(dir)?;
    let logger = FileLog {
        path: path.clone(),
        file: Mutex::new(file),
    };
    if log::set_boxed_logger(Box::new(logger)).is_ok() {
        log::set_max_level(log::LevelFilter::Info);
        if INSTALLED.set(path.clone()).is_err() {
            eprintln!("kaijisho: the log was started twice");
        }
        log::info!("kaijisho {} started", crate::VERSION);
    }
    Ok(path)
}

/// The log file in use, if the log was started.
pub fn path() -> Option<&'static Path> {
    INSTALLED.get().map(PathBuf::as_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_one_line_each_and_a_large_log_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join(LOG_FILE);
        std::fs::write(&big, vec![b'x'; (MAX_LOG_BYTES + 1) as usize]).unwrap();
        let (path, file) = open(dir.path()).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "started over");
        assert!(dir.path().join("kaijisho.log.1").exists(), "old log kept");
        let sink = FileLog {
            path: path.clone(),
            file: Mutex::new(file),
        };
        log::Log::log(
            &sink,
            &log::Record::builder()
                .args(format_args!("保存できません\n二行目"))
                .level(log::Level::Error)
                .target("kaijisho::app")
                .build(),
        );
        log::Log::log(
            &sink,
            &log::Record::builder()
                .args(format_args!("too chatty"))
                .level(log::Level::Debug)
                .build(),
        );
        log::Log::flush(&sink);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(text.contains("ERROR kaijisho::app: 保存できません\\n二行目"));
    }
}
