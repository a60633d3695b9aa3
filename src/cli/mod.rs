//! The command line. Every command runs on the same library calls the GUI uses; help texts and
//! messages come from the Fluent files, in the user's language.

mod answer;
mod args;
mod carry;
mod catalogues;
mod changes;
mod check;
mod compare;
mod dossier;
mod dump;
mod error;
mod exercise;
mod export;
mod help;
mod import;
mod library;
mod new;
mod output;
mod review_signature;
mod sign;
mod timestamp;
mod validate;

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::FromArgMatches;

use crate::assets;
use crate::domain::catalogue::Catalogue;
use crate::domain::project::{Header, Project};
use crate::i18n::{Lang, Localize, Localizer};
use crate::io::clock::today_japanese;
use crate::io::{FileError, json};
use args::{Cli, Command};
use error::CliError;
use help::localized_command;
use output::{emit_err, stdout_result};

/// Finds `--lang X` / `--lang=X` before clap runs, so that help is already localised.
fn lang_from_args(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_str());
    while let Some(a) = it.next() {
        if a == Some("--lang") {
            return it.next().flatten().and_then(Lang::from_code);
        }
        if let Some(v) = a.and_then(|a| a.strip_prefix("--lang=")) {
            return Lang::from_code(v);
        }
    }
    None
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    // The log goes to the app's data folder; without one, errors still reach the user.
    if let Some(dir) = crate::app::data_dir()
        && let Err(e) = crate::app::log::init(&dir)
    {
        eprintln!(
            "kaijisho: {}: {e}",
            dir.join(crate::app::log::LOG_FILE).display()
        );
    }
    // A panic goes to the log too (a Windows program started from Explorer has no stderr
    // anyone reads), then to stderr as before.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log::error!("{info}");
        default_hook(info);
    }));
    // As the system gives them: a file name need not be UTF-8.
    let args: Vec<OsString> = std::env::args_os().collect();
    run(&args)
}

/// Runs the CLI on explicit arguments (used by `main` and by tests).
pub fn run(args: &[OsString]) -> ExitCode {
    let lang = lang_from_args(args).unwrap_or_else(Lang::detect);
    let l = Localizer::new(lang);
    let matches = match localized_command(&l).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return clap_exit(&e, &l),
    };
    if let Some((help::HELP, sub)) = matches.subcommand() {
        let path: Vec<String> = sub
            .get_many::<String>("command")
            .map(|v| v.cloned().collect())
            .unwrap_or_default();
        return match help::help_for(&l, &path) {
            Ok(text) => match output::emit(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    emit_err(&e.localize(&l));
                    ExitCode::from(2)
                }
            },
            Err(msg) => {
                emit_err(&msg);
                ExitCode::from(2)
            }
        };
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return clap_exit(&e, &l),
    };
    let lang_flag = cli.lang.as_deref().and_then(Lang::from_code);
    let command = match cli.command {
        None => return gui(Window::default(), lang_flag, &l),
        Some(Command::Open {
            file,
            print_first_frame,
            exit_after,
        }) => {
            let window = Window {
                open: file,
                print_first_frame,
                exit_after_ms: exit_after,
            };
            return gui(window, lang_flag, &l);
        }
        Some(c) => c,
    };
    match execute(command, &l) {
        Ok(code) => code,
        Err(e) => {
            emit_err(&e.localize(&l));
            ExitCode::from(2)
        }
    }
}

/// A text argument as UTF-8, or an error naming the argument (file names may be any bytes;
/// a remark read from a Shift_JIS file is not text this program can store).
fn text(arg: &str, value: OsString) -> Result<String, CliError> {
    value.into_string().map_err(|v| CliError::NotUtf8 {
        arg: arg.to_string(),
        value: v.to_string_lossy().into_owned(),
    })
}

/// Prints what clap has to say: help or the version on stdout (exit 0, or 2 when stdout
/// cannot be written), a usage error on stderr (exit 2).
fn clap_exit(e: &clap::Error, l: &Localizer) -> ExitCode {
    if e.use_stderr()
        && let Some(text) = help::usage_error(e, l)
    {
        emit_err(text.trim_end());
        return ExitCode::from(2);
    }
    let printed = e.print();
    if e.use_stderr() {
        // A usage error on stderr; were stderr unwritable too, there is nowhere left to say so.
        return ExitCode::from(2);
    }
    match stdout_result(printed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            emit_err(&err.localize(l));
            ExitCode::from(2)
        }
    }
}

/// What the command line asks of the window: the statement to open, and the measurement aids.
#[derive(Debug, Default)]
#[cfg_attr(
    not(feature = "gui"),
    expect(dead_code, reason = "a build without the window reads none of it")
)]
struct Window {
    open: Option<std::path::PathBuf>,
    print_first_frame: bool,
    exit_after_ms: Option<u64>,
}

/// Starts the desktop app.
#[cfg(feature = "gui")]
fn gui(window: Window, lang: Option<Lang>, l: &Localizer) -> ExitCode {
    let opts = crate::ui::StartOptions {
        open: window.open,
        print_first_frame: window.print_first_frame,
        exit_after_ms: window.exit_after_ms,
        lang,
        ..Default::default()
    };
    match crate::ui::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = l.ta("err-gui", &[("detail", e.to_string().into())]);
            emit_err(&msg);
            // Logged, and shown where there is no console to read stderr on.
            crate::ui::report_start_failure(&msg);
            ExitCode::from(2)
        }
    }
}

/// A build without the `gui` feature has no window: says so and fails.
#[cfg(not(feature = "gui"))]
fn gui(_window: Window, _lang: Option<Lang>, l: &Localizer) -> ExitCode {
    emit_err(&l.t("err-no-gui"));
    ExitCode::from(2)
}

/// Runs a command that does not open the desktop app.
fn execute(command: Command, l: &Localizer) -> Result<ExitCode, CliError> {
    match command {
        Command::Open { .. } => Ok(ExitCode::SUCCESS),
        Command::Compare { files, xlsx, pdf } => {
            compare::run(l, &files, xlsx.as_deref(), pdf.as_deref())
        }
        Command::Check {
            profile,
            files,
            xlsx,
            pdf,
        } => check::run(l, &profile, &files, xlsx.as_deref(), pdf.as_deref()),
        Command::Dossier {
            folder,
            profile,
            pdf,
            xlsx,
            organisation,
            reviewer,
        } => dossier::run(
            l,
            &folder,
            profile.as_deref(),
            (pdf.as_deref(), xlsx.as_deref()),
            (
                organisation.as_deref().unwrap_or_default(),
                reviewer.as_deref().unwrap_or_default(),
            ),
        ),
        Command::Changes {
            statement,
            pdf,
            xlsx,
        } => changes::run(l, &statement, (pdf.as_deref(), xlsx.as_deref())),
        Command::Carry {
            old,
            catalogue,
            output,
            force,
        } => carry::run(l, &old, &text("--catalogue", catalogue)?, &output, force),
        Command::Catalogues => catalogues::run(l),
        Command::Library { action } => library::run(l, action),
        Command::Exercise { action } => exercise::run(l, action),
        Command::New {
            catalogue,
            output,
            created,
            vendor,
            product,
            product_version,
            contact,
            force,
        } => {
            let header = Header {
                created: match created {
                    Some(c) => text("--created", c)?,
                    None => today_japanese(),
                },
                vendor: text("--vendor", vendor)?,
                product: text("--product", product)?,
                version: text("--product-version", product_version)?,
                contact: contact.map(|c| text("--contact", c)).transpose()?,
            };
            new::run(l, &text("--catalogue", catalogue)?, &output, header, force)
        }
        Command::Answer {
            project,
            number,
            value,
            option,
            remark,
            condition,
            checked_on,
            due_on,
        } => {
            // Each option's text, named by its flag when it is not UTF-8.
            let g = |arg, v: Option<OsString>| v.map(|v| text(arg, v)).transpose();
            let (option, remark) = (g("--option", option)?, g("--remark", remark)?);
            let condition = g("--condition", condition)?;
            let dates = [g("--checked-on", checked_on)?, g("--due-on", due_on)?];
            answer::run(
                l,
                &project,
                &text("NUMBER", number)?,
                &text("VALUE", value)?,
                option.as_deref(),
                (remark, condition, dates),
            )
        }
        Command::Validate { project, format } => validate::run(l, &project, format),
        Command::Dump { project } => dump::canonical(l, &project),
        Command::Fingerprint { file } => dump::fingerprint(l, &file),
        c @ (Command::Sign { .. }
        | Command::Verify { .. }
        | Command::Keygen { .. }
        | Command::Timestamp { .. }) => sign::run(l, c),
        Command::Export {
            project,
            pdf,
            xlsx,
            into,
            replace_unread,
            write_protected,
        } => export::run(
            l,
            &project,
            (pdf.as_deref(), xlsx.as_deref()),
            into.as_deref().map(|i| {
                let consent = crate::io::xlsx::Consent {
                    replace_unread,
                    write_protected,
                };
                (i, consent)
            }),
        ),
        Command::Import {
            input,
            output,
            catalogue_out,
            mapping,
            force,
            format,
        } => import::run(
            l,
            &input,
            output.as_deref(),
            catalogue_out.as_deref(),
            mapping.as_deref(),
            force,
            format,
        ),
    }
}

/// Opens a project JSON or a workbook. What a workbook's import passed over (a row it could not
/// read, a row map that names an unknown question) is said on standard error, by file and row.
fn open(l: &Localizer, path: &Path) -> Result<(Project, Catalogue), CliError> {
    let shipped = assets::shipped_catalogues()?;
    let (project, catalogue, report) =
        crate::io::open_statement_reported(path, &shipped, assets::import_vocabulary())?;
    if let Some(r) = report {
        let mut said = String::new();
        for line in import::passed_over(l, &r) {
            said.push_str(&format!("{}: {line}\n", path.display()));
        }
        if !said.is_empty() {
            eprint!("{said}");
        }
    }
    Ok((project, catalogue))
}

/// Refuses, before any work, outputs that would destroy an input or each other, and outputs
/// that are not files (a folder, a device, a FIFO, a terminal).
fn check_outputs(outputs: &[Option<&Path>], inputs: &[&Path]) -> Result<(), CliError> {
    let outputs: Vec<&Path> = outputs.iter().flatten().copied().collect();
    for (i, out) in outputs.iter().enumerate() {
        crate::io::atomic::resolve_target(out).map_err(FileError::from)?;
        let earlier = outputs.iter().take(i).copied();
        if let Some(input) = inputs
            .iter()
            .copied()
            .chain(earlier)
            .find(|input| input == out || crate::io::atomic::is_same_file(input, out))
        {
            return Err(CliError::OutputIsInput {
                output: out.to_path_buf(),
                input: input.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// Refuses to replace an existing file unless `--force` was given.
fn refuse_overwrite(path: Option<&Path>, force: bool) -> Result<(), CliError> {
    match path {
        Some(p) if p.exists() && !force => Err(CliError::OutputExists(p.to_path_buf())),
        _ => Ok(()),
    }
}

/// The catalogue named on the command line: a shipped id (not embedded in the project) or a
/// catalogue JSON file (embedded, so the project opens anywhere).
fn catalogue_arg(catalogue: &str) -> Result<(Catalogue, bool), CliError> {
    let shipped = assets::shipped_catalogues()?;
    match shipped.iter().find(|c| c.id == catalogue) {
        Some(c) => Ok((c.clone(), false)),
        None if Path::new(catalogue).is_file() => {
            Ok((json::load_catalogue(Path::new(catalogue))?, true))
        }
        None => Err(CliError::UnknownCatalogue {
            id: catalogue.to_string(),
            available: shipped.iter().map(|c| c.id.clone()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_flag_is_found_before_parsing() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_from_args(&args(&["k", "--lang", "en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_from_args(&args(&["k", "dump", "--lang=ja"])),
            Some(Lang::Ja)
        );
        assert_eq!(lang_from_args(&args(&["k", "dump"])), None);
    }
}
