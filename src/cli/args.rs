//! The command line's shape (clap derive): the global options, the commands and their
//! arguments. Help texts are replaced by localised ones in [`super::help`].

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

// Text arguments are taken as the system gives them (`OsString`) and turned into UTF-8 by
// `super::text`, which names the argument when that fails; file names stay `PathBuf`.
// The command line: an optional command (none opens the desktop app) and the language. (Plain
// comments here: a doc comment would become clap's help text.)
#[derive(Debug, Parser)]
#[command(name = "kaijisho", version = crate::VERSION, about)]
pub(super) struct Cli {
    /// Display language (ja / en).
    #[arg(long, global = true, value_parser = ["ja", "en"])]
    pub(super) lang: Option<String>,
    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

// How `validate` and `import` print their report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum Format {
    Text,
    Json,
}

// The commands.
#[derive(Debug, Subcommand)]
pub(super) enum Command {
    /// List the shipped catalogues.
    Catalogues,
    /// Create a new project.
    New {
        #[arg(long)]
        catalogue: OsString,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long)]
        created: Option<OsString>,
        #[arg(long, default_value = "")]
        vendor: OsString,
        #[arg(long, default_value = "")]
        product: OsString,
        #[arg(long = "product-version", default_value = "")]
        product_version: OsString,
        #[arg(long)]
        contact: Option<OsString>,
        #[arg(long)]
        force: bool,
    },
    /// Answer a question.
    Answer {
        project: PathBuf,
        number: OsString,
        value: OsString,
        /// Labels are often copied with their leading dash (`-記憶ID(パスワード等)`).
        #[arg(long, allow_hyphen_values = true)]
        option: Option<OsString>,
        /// A remark may start with a dash (a list item) or any other character.
        #[arg(long, allow_hyphen_values = true)]
        remark: Option<OsString>,
        /// The answer's condition (条件付き回答: 「オプション契約時」; empty clears it).
        #[arg(long, allow_hyphen_values = true)]
        condition: Option<OsString>,
        /// 確認日 (empty clears it).
        #[arg(long)]
        checked_on: Option<OsString>,
        /// 目標日 (empty clears it).
        #[arg(long)]
        due_on: Option<OsString>,
    },
    /// Validate a project.
    Validate {
        project: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the canonical statement (`canonical`: the exact bytes a signature covers).
    #[command(visible_alias = "canonical")]
    Dump { project: PathBuf },
    /// Sign a statement with the certificate and key of a PKCS#12 file: the signature is
    /// stored in the statement and written beside it as `<name>.p7s`.
    Sign {
        statement: PathBuf,
        #[arg(long, value_name = "FILE.p12")]
        cert: PathBuf,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long, requires = "xlsx", value_name = "ORIGINAL.xlsx")]
        into: Option<PathBuf>,
    },
    /// Verify a statement's signature (exit 0 valid, 1 invalid or changed, 2 unreadable).
    Verify {
        file: PathBuf,
        #[arg(long, value_name = "FILE.p7s")]
        signature: Option<PathBuf>,
        #[arg(long, num_args = 1.., value_name = "CERTS")]
        trust: Vec<PathBuf>,
        #[arg(long)]
        system_trust: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Test aid: the time now, Unix seconds.
        #[arg(long, hide = true)]
        now: Option<u64>,
    },
    /// Timestamp a signature (RFC 3161), offline: write the request for a timestamp
    /// authority, then take its reply into the signature (statement, `.p7s` or signed PDF).
    #[command(group(clap::ArgGroup::new("step").required(true).args(["request", "reply"])))]
    Timestamp {
        file: PathBuf,
        #[arg(long, value_name = "OUT.tsq")]
        request: Option<PathBuf>,
        #[arg(long, value_name = "REPLY.tsr")]
        reply: Option<PathBuf>,
    },
    /// Make a self-signed key and certificate for trials (a PKCS#12 file).
    Keygen {
        output: PathBuf,
        #[arg(long)]
        name: OsString,
        #[arg(long)]
        organization: Option<OsString>,
        #[arg(long, default_value_t = crate::app::signature::SELF_SIGNED_DAYS)]
        days: u32,
        #[arg(long)]
        force: bool,
    },
    /// Export a statement as a printable PDF and/or the official workbook.
    #[command(group(clap::ArgGroup::new("target").required(true).multiple(true).args(["pdf", "xlsx"])))]
    Export {
        project: PathBuf,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Fill a copy of the workbook the statement was imported from (written to --xlsx)
        /// instead of kaijisho's own layout.
        #[arg(long, requires = "xlsx", value_name = "ORIGINAL.xlsx")]
        into: Option<PathBuf>,
        /// Agree that answer cells the import could not read are replaced by the answers given
        /// since (each one is listed).
        #[arg(long, requires = "into")]
        replace_unread: bool,
        /// Agree that cells a protected sheet keeps locked are written (each one is listed).
        #[arg(long, requires = "into")]
        write_protected: bool,
    },
    /// Read a workbook into a project (and catalogue).
    Import {
        input: PathBuf,
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        #[arg(long)]
        catalogue_out: Option<PathBuf>,
        #[arg(long)]
        mapping: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the SHA-256 fingerprint of a statement's canonical content.
    Fingerprint { file: PathBuf },
    /// Open the desktop app, with a statement when one is named.
    Open {
        file: Option<PathBuf>,
        /// Measurement aid (scripts/perf): print the wall-clock time when the first frame has
        /// been shown, as `first-frame-epoch-ns <n>`.
        #[arg(long, hide = true)]
        print_first_frame: bool,
        /// Measurement aid (scripts/perf): close the window after this many milliseconds.
        #[arg(long, hide = true, value_name = "MS")]
        exit_after: Option<u64>,
    },
    /// Compare two or more statements (exit 0 when they agree, 1 when they differ).
    Compare {
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Check statements against a hospital's acceptance profile (exit 0 when every statement is
    /// within it, 1 when any is not).
    Check {
        profile: PathBuf,
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// The inspection dossier (立入検査パック) of a folder of received statements.
    Dossier {
        folder: PathBuf,
        /// The acceptance profile (default: the register's, else the shipped one).
        #[arg(long)]
        profile: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// The hospital printed on the dossier.
        #[arg(long)]
        organisation: Option<String>,
        /// Who prints it.
        #[arg(long)]
        reviewer: Option<String>,
    },
    /// Training: exercise copies and their check against the model.
    Exercise {
        #[command(subcommand)]
        action: ExerciseAction,
    },
    /// List what changed since the last submission in a statement carried forward from an
    /// earlier one; written as a PDF and/or workbook on request.
    Changes {
        statement: PathBuf,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
    },
    /// The answer library: build it from statements, fill a statement from it, check
    /// statements against each other and it.
    Library {
        #[command(subcommand)]
        action: LibraryAction,
    },
    /// Start a new project from an earlier statement, on the same or a newer catalogue.
    Carry {
        old: PathBuf,
        #[arg(long)]
        catalogue: OsString,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
}

// `kaijisho library …`.
#[derive(Debug, Subcommand)]
pub(super) enum LibraryAction {
    /// Add the answers of statements to a library (created when missing).
    Add {
        library: PathBuf,
        #[arg(required = true)]
        statements: Vec<PathBuf>,
        #[arg(long)]
        name: Option<OsString>,
    },
    /// Fill a statement from a library.
    Fill {
        statement: PathBuf,
        #[arg(long)]
        library: PathBuf,
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        #[arg(long = "max-age", default_value_t = crate::app::library::DEFAULT_MAX_AGE_MONTHS)]
        max_age: u32,
        #[arg(long)]
        overwrite: bool,
        #[arg(long)]
        today: Option<OsString>,
        #[arg(long)]
        force: bool,
    },
    /// Check statements against each other and a library.
    Check {
        #[arg(required = true)]
        statements: Vec<PathBuf>,
        #[arg(long)]
        library: Option<PathBuf>,
        #[arg(long)]
        today: Option<OsString>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

// `kaijisho exercise …`.
#[derive(Debug, Subcommand)]
pub(super) enum ExerciseAction {
    /// Write an exercise copy of a model statement (answers removed).
    New {
        model: PathBuf,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Check participants' exercise copies against the model (a class at once).
    Check {
        model: PathBuf,
        #[arg(required = true)]
        answered: Vec<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// The score (per cent) every participant must reach; exit code 1 when one does not.
        #[arg(long, value_parser = clap::value_parser!(u8).range(0..=100))]
        pass: Option<u8>,
    },
}
