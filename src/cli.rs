//! The command line. Every command runs on the same library calls the GUI uses; help texts and
//! messages come from the Fluent files, in the user's language.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::assets::{self, AssetError};
use crate::domain::answer::AnswerValue;
use crate::domain::canonical::Statement;
use crate::domain::catalogue::Catalogue;
use crate::domain::matching::MatchKind;
use crate::domain::project::{EditError, Header, Project};
use crate::domain::validation::{Finding, Severity, counts, validate};
use crate::i18n::{Lang, Localize, Localizer};
use crate::io::FileError;
use crate::io::clock::{self, today_japanese};
use crate::io::json;
use crate::io::pdf::PdfError;
use crate::io::xlsx::ComparisonHeadings;

#[derive(Debug, Parser)]
#[command(name = "kaijisho", version = crate::VERSION, about)]
struct Cli {
    /// Display language (ja / en).
    #[arg(long, global = true, value_parser = ["ja", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the shipped catalogues.
    Catalogues,
    /// Create a new project.
    New {
        #[arg(long)]
        catalogue: String,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long)]
        created: Option<String>,
        #[arg(long, default_value = "")]
        vendor: String,
        #[arg(long, default_value = "")]
        product: String,
        #[arg(long = "product-version", default_value = "")]
        product_version: String,
        #[arg(long)]
        contact: Option<String>,
        #[arg(long)]
        force: bool,
    },
    /// Answer a question.
    Answer {
        project: PathBuf,
        number: String,
        value: String,
        /// Labels are often copied with their leading dash (`-記憶ID(パスワード等)`).
        #[arg(long, allow_hyphen_values = true)]
        option: Option<String>,
        /// A remark may start with a dash (a list item) or any other character.
        #[arg(long, allow_hyphen_values = true)]
        remark: Option<String>,
    },
    /// Validate a project.
    Validate {
        project: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Print the canonical statement.
    Dump { project: PathBuf },
    /// Export a statement as a printable PDF and/or the official workbook.
    #[command(group(clap::ArgGroup::new("target").required(true).multiple(true).args(["pdf", "xlsx"])))]
    Export {
        project: PathBuf,
        #[arg(long)]
        pdf: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
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
    },
    /// Start a new project from an earlier statement, on the same or a newer catalogue.
    Carry {
        old: PathBuf,
        #[arg(long)]
        catalogue: String,
        #[arg(short = 'o', long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
    },
}

/// A CLI failure, said in the user's language. Exit code 2.
#[derive(Debug)]
enum CliError {
    File(FileError),
    Asset(AssetError),
    Edit(EditError),
    Pdf(PdfError),
    UnknownCatalogue {
        id: String,
        available: Vec<String>,
    },
    UnknownNumber {
        file: PathBuf,
        number: String,
        catalogue: String,
    },
    InvalidValue(String),
    OutputExists(PathBuf),
}

impl From<FileError> for CliError {
    fn from(e: FileError) -> Self {
        CliError::File(e)
    }
}
impl From<AssetError> for CliError {
    fn from(e: AssetError) -> Self {
        CliError::Asset(e)
    }
}
impl From<PdfError> for CliError {
    fn from(e: PdfError) -> Self {
        CliError::Pdf(e)
    }
}
impl From<EditError> for CliError {
    fn from(e: EditError) -> Self {
        CliError::Edit(e)
    }
}

impl Localize for CliError {
    fn localize(&self, l: &Localizer) -> String {
        let s = |v: &dyn ToString| FluentValue::from(v.to_string());
        match self {
            CliError::File(e) => e.localize(l),
            CliError::Asset(e) => e.localize(l),
            CliError::Edit(e) => e.localize(l),
            CliError::Pdf(e) => e.localize(l),
            CliError::UnknownCatalogue { id, available } => l.ta(
                "err-unknown-catalogue",
                &[("id", s(id)), ("available", s(&available.join(", ")))],
            ),
            CliError::UnknownNumber {
                file,
                number,
                catalogue,
            } => l.ta(
                "err-unknown-number",
                &[
                    ("file", s(&file.display())),
                    ("number", s(number)),
                    ("catalogue", s(catalogue)),
                ],
            ),
            CliError::InvalidValue(v) => l.ta("err-invalid-value", &[("value", s(v))]),
            CliError::OutputExists(p) => l.ta("err-output-exists", &[("file", s(&p.display()))]),
        }
    }
}

/// Finds `--lang X` / `--lang=X` before clap runs, so that help is already localised.
fn lang_from_args(args: &[String]) -> Option<Lang> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--lang" {
            return it.next().and_then(|v| Lang::from_code(v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::from_code(v);
        }
    }
    None
}

/// Replaces the built-in help texts with Fluent messages `cli-<command>[-<arg>]`.
fn localized_command(l: &Localizer) -> clap::Command {
    let mut cmd = Cli::command().about(l.t("cli-about"));
    cmd = cmd.mut_arg("lang", |a| a.help(l.t("cli-lang")));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |mut sub| {
            let about = format!("cli-{name}");
            if l.has(&about) {
                sub = sub.about(l.t(&about));
            }
            let args: Vec<String> = sub
                .get_arguments()
                .map(|a| a.get_id().to_string())
                .collect();
            for arg in args {
                let id = format!("cli-{name}-{arg}");
                if l.has(&id) {
                    sub = sub.mut_arg(&arg, |a| a.help(l.t(&id)));
                }
            }
            sub
        });
    }
    cmd
}

/// Output is written in one go; a closed pipe (`kaijisho dump x | head`) is not an error.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn emit_err(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "kaijisho: {text}");
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    run(&args)
}

/// Runs the CLI on explicit arguments (used by `main` and by tests).
pub fn run(args: &[String]) -> ExitCode {
    let lang = lang_from_args(args).unwrap_or_else(Lang::detect);
    let l = Localizer::new(lang);
    let matches = match localized_command(&l).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    let lang_flag = cli.lang.as_deref().and_then(Lang::from_code);
    let command = match cli.command {
        None => return gui(crate::app::StartOptions::default(), lang_flag, &l),
        Some(Command::Open {
            file,
            print_first_frame,
            exit_after,
        }) => {
            let opts = crate::app::StartOptions {
                open: file,
                print_first_frame,
                exit_after_ms: exit_after,
                ..Default::default()
            };
            return gui(opts, lang_flag, &l);
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

/// Starts the desktop app.
fn gui(mut opts: crate::app::StartOptions, lang: Option<Lang>, l: &Localizer) -> ExitCode {
    opts.lang = lang;
    match crate::app::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            emit_err(&l.ta("err-gui", &[("detail", e.to_string().into())]));
            ExitCode::from(2)
        }
    }
}

fn execute(command: Command, l: &Localizer) -> Result<ExitCode, CliError> {
    match command {
        Command::Open { .. } => Ok(ExitCode::SUCCESS),
        Command::Compare { files, xlsx } => compare(l, &files, xlsx.as_deref()),
        Command::Carry {
            old,
            catalogue,
            output,
            force,
        } => carry(l, &old, &catalogue, &output, force),
        Command::Catalogues => catalogues(l),
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
                created: created.unwrap_or_else(today_japanese),
                vendor,
                product,
                version: product_version,
                contact,
            };
            new_project(l, &catalogue, &output, header, force)
        }
        Command::Answer {
            project,
            number,
            value,
            option,
            remark,
        } => answer(l, &project, &number, &value, option.as_deref(), remark),
        Command::Validate { project, format } => validate_cmd(l, &project, format),
        Command::Dump { project } => {
            let (p, c) = open(&project)?;
            emit(&Statement::new(&c, &p).to_canonical_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Fingerprint { file } => {
            let (p, c) = open(&file)?;
            emit(&format!("{}\n", Statement::new(&c, &p).fingerprint()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { project, pdf, xlsx } => {
            let (p, c) = open(&project)?;
            let form = assets::form()?;
            if let Some(out) = &xlsx {
                crate::io::xlsx::export_xlsx(out, &c, &p, &form)?;
                emit(&written(l, out));
            }
            if let Some(out) = &pdf {
                let font = assets::japanese_font()?;
                crate::io::pdf::export_pdf(out, &c, &p, &form, font, &clock::now())?;
                emit(&written(l, out));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            input,
            output,
            catalogue_out,
            mapping,
            force,
            format,
        } => import(
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

/// Opens a project JSON or a workbook.
fn open(path: &Path) -> Result<(Project, Catalogue), CliError> {
    let shipped = assets::shipped_catalogues()?;
    Ok(crate::io::open_statement(path, &shipped)?)
}

fn written(l: &Localizer, path: &Path) -> String {
    format!(
        "{}\n",
        l.ta("written", &[("file", path.display().to_string().into())])
    )
}

fn refuse_overwrite(path: Option<&Path>, force: bool) -> Result<(), CliError> {
    match path {
        Some(p) if p.exists() && !force => Err(CliError::OutputExists(p.to_path_buf())),
        _ => Ok(()),
    }
}

fn import(
    l: &Localizer,
    input: &Path,
    output: Option<&Path>,
    catalogue_out: Option<&Path>,
    mapping: Option<&Path>,
    force: bool,
    format: Format,
) -> Result<ExitCode, CliError> {
    refuse_overwrite(output, force)?;
    refuse_overwrite(catalogue_out, force)?;
    let mapping = match mapping {
        Some(m) => Some(crate::io::xlsx::load_mapping(m)?),
        None => None,
    };
    let imported = crate::io::xlsx::import_file(input, mapping.as_ref())?;
    let r = &imported.report;
    let mut out = String::new();
    match format {
        Format::Json => {
            out = serde_json::to_string_pretty(r).unwrap_or_default();
            out.push('\n');
        }
        Format::Text => {
            out.push_str(&l.ta(
                "import-summary",
                &[
                    ("file", input.display().to_string().into()),
                    ("sheet", r.sheet.clone().into()),
                    ("sections", r.sections.into()),
                    ("questions", r.questions.into()),
                    ("options", r.options.into()),
                    ("answers", r.answers.into()),
                ],
            ));
            out.push('\n');
            out.push_str(&l.t(&format!("import-method-{}", r.method)));
            out.push('\n');
            for s in &r.skipped {
                out.push_str(&l.ta(
                    "import-skipped",
                    &[
                        ("row", s.row.into()),
                        ("reason", s.reason.localize(l).into()),
                    ],
                ));
                out.push('\n');
            }
            for n in &r.notes {
                out.push_str(&n.localize(l));
                out.push('\n');
            }
            if !r.filled {
                out.push_str(&l.t("import-blank"));
                out.push('\n');
            }
            if r.uncertain {
                out.push_str(&l.t("import-uncertain"));
                out.push('\n');
                out.push_str(&serde_json::to_string_pretty(&r.mapping).unwrap_or_default());
                out.push('\n');
            }
        }
    }
    if let Some(path) = output {
        json::save_project(path, &imported.project)?;
        out.push_str(&written(l, path));
    }
    if let Some(path) = catalogue_out {
        json::save_catalogue(path, &imported.catalogue)?;
        out.push_str(&written(l, path));
    }
    if output.is_none() && catalogue_out.is_none() {
        out.push_str(&l.t("import-nothing-written"));
        out.push('\n');
    }
    emit(&out);
    Ok(ExitCode::SUCCESS)
}

fn catalogues(l: &Localizer) -> Result<ExitCode, CliError> {
    let mut out = l.t("catalogues-columns");
    out.push('\n');
    for c in assets::shipped_catalogues()? {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            c.id,
            c.kind,
            c.form_version,
            c.guideline_edition,
            l.t(&format!("provenance-{}", c.provenance.kind.key())),
            c.question_count()
        ));
    }
    emit(&out);
    Ok(ExitCode::SUCCESS)
}

fn file_label(p: &Path) -> String {
    p.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
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

fn compare(l: &Localizer, files: &[PathBuf], xlsx: Option<&Path>) -> Result<ExitCode, CliError> {
    use crate::domain::compare::{Side, compare as run_compare};
    let opened: Vec<(Project, Catalogue)> =
        files.iter().map(|f| open(f)).collect::<Result<_, _>>()?;
    let sides: Vec<Side<'_>> = opened
        .iter()
        .map(|(p, c)| Side {
            catalogue: c,
            project: p,
        })
        .collect();
    let cmp = run_compare(&sides);
    let labels: Vec<String> = files.iter().map(|f| file_label(f)).collect();
    let mut out = String::new();
    for row in cmp.differences() {
        let short: String = row.text.chars().take(40).collect();
        out.push_str(&format!("{} {short}\n", row.number));
        for (label, cell) in labels.iter().zip(&row.cells) {
            match cell {
                Some(c) => {
                    let how = c.matched.map(|m| m.localize(l)).unwrap_or_default();
                    let remark = if c.remark.is_empty() {
                        "-".to_string()
                    } else {
                        c.remark.replace('\n', " ")
                    };
                    out.push_str(&format!("  {label}: {} | {remark}", c.answer));
                    if !how.is_empty() {
                        out.push_str(&format!(" ({how})"));
                    }
                    out.push('\n');
                }
                None => out.push_str(&format!("  {label}: {}\n", l.t("compare-missing"))),
            }
        }
    }
    let n = cmp.differences().count();
    out.push_str(&l.ta(
        "compare-summary",
        &[("differences", n.into()), ("rows", cmp.rows.len().into())],
    ));
    out.push('\n');
    if let Some(path) = xlsx {
        let matched = |m: MatchKind| m.localize(l);
        let bytes =
            crate::io::xlsx::comparison_xlsx(&labels, &cmp, &comparison_headings(l), &matched)
                .map_err(FileError::from)?;
        crate::io::atomic::atomic_write(path, |w| w.write_all(&bytes)).map_err(FileError::from)?;
        out.push_str(&written(l, path));
    }
    emit(&out);
    Ok(if n == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The words of the comparison workbook, in the user's language.
fn comparison_headings(l: &Localizer) -> ComparisonHeadings {
    ComparisonHeadings {
        sheet: l.t("compare-sheet"),
        number: l.t("compare-number"),
        question: l.t("compare-question"),
        reference: l.t("compare-ref"),
        answer: l.t("compare-answer"),
        remark: l.t("compare-remark"),
        matched: l.t("compare-match"),
        missing: l.t("compare-missing"),
    }
}

fn carry(
    l: &Localizer,
    old: &Path,
    catalogue: &str,
    output: &Path,
    force: bool,
) -> Result<ExitCode, CliError> {
    use crate::domain::carry::carry as run_carry;
    refuse_overwrite(Some(output), force)?;
    let (old_p, old_c) = open(old)?;
    let (new_c, embed) = catalogue_arg(catalogue)?;
    let header = Header {
        created: today_japanese(),
        ..old_p.header.clone()
    };
    let (project, report) = run_carry(&old_c, &old_p, &new_c, header, embed);
    json::save_project(output, &project)?;
    let mut out = String::new();
    for item in &report.items {
        out.push_str(&item.localize(l));
        out.push('\n');
    }
    out.push_str(&report.localize(l));
    out.push('\n');
    out.push_str(&written(l, output));
    emit(&out);
    Ok(ExitCode::SUCCESS)
}

fn new_project(
    l: &Localizer,
    catalogue: &str,
    output: &Path,
    header: Header,
    force: bool,
) -> Result<ExitCode, CliError> {
    let (cat, embed) = catalogue_arg(catalogue)?;
    if output.exists() && !force {
        return Err(CliError::OutputExists(output.to_path_buf()));
    }
    let project = Project::new(&cat, header, embed);
    json::save_project(output, &project)?;
    emit(&format!(
        "{}\n",
        l.ta(
            "new-done",
            &[
                ("file", output.display().to_string().into()),
                ("catalogue", cat.id.clone().into()),
                ("count", cat.question_count().into()),
            ],
        )
    ));
    Ok(ExitCode::SUCCESS)
}

fn answer(
    l: &Localizer,
    path: &Path,
    number: &str,
    value: &str,
    option: Option<&str>,
    remark: Option<String>,
) -> Result<ExitCode, CliError> {
    let shipped = assets::shipped_catalogues()?;
    let (mut project, catalogue) = json::open_project(path, &shipped)?;
    let value = AnswerValue::parse(value).ok_or_else(|| CliError::InvalidValue(value.into()))?;
    let q = catalogue
        .find_by_number(number)
        .ok_or_else(|| CliError::UnknownNumber {
            file: path.to_path_buf(),
            number: number.to_string(),
            catalogue: catalogue.id.clone(),
        })?;
    project.set_answer(&catalogue, &q.id, option, value, remark)?;
    json::save_project(path, &project)?;
    let question = match option.and_then(|o| q.find_option(o)) {
        Some(o) => format!("{} {}", q.number_key(), o.label),
        None => q.number_key(),
    };
    emit(&format!(
        "{}\n",
        l.ta(
            "answer-done",
            &[
                ("file", path.display().to_string().into()),
                ("question", question.into()),
                ("value", value.label().into()),
            ],
        )
    ));
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    message: String,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    findings: Vec<JsonFinding<'a>>,
}

fn validate_cmd(l: &Localizer, path: &Path, format: Format) -> Result<ExitCode, CliError> {
    let (project, catalogue) = open(path)?;
    let findings = validate(&catalogue, &project);
    let (errors, warnings, infos) = counts(&findings);
    let file = path.display().to_string();
    let text = match format {
        Format::Json => {
            let report = JsonReport {
                file,
                errors,
                warnings,
                infos,
                findings: findings
                    .iter()
                    .map(|f| JsonFinding {
                        finding: f,
                        message: f.localize(l),
                    })
                    .collect(),
            };
            let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
            s.push('\n');
            s
        }
        Format::Text => {
            let mut s = String::new();
            for f in &findings {
                s.push_str(&format!(
                    "{}\t{}\t{}\n",
                    l.severity(f.severity),
                    f.number,
                    f.localize(l)
                ));
            }
            s.push_str(&l.ta(
                "validate-summary",
                &[
                    ("file", file.into()),
                    ("errors", errors.into()),
                    ("warnings", warnings.into()),
                    ("infos", infos.into()),
                ],
            ));
            s.push('\n');
            if project.illustrative {
                s.push_str(&l.t("validate-illustrative"));
                s.push('\n');
            }
            s
        }
    };
    emit(&text);
    let has_errors = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_flag_is_found_before_parsing() {
        let args = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
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

    #[test]
    fn every_command_and_argument_has_localised_help() {
        for lang in Lang::ALL {
            let l = Localizer::new(lang);
            let cmd = Cli::command();
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                assert!(l.has(&format!("cli-{name}")), "{lang:?} cli-{name}");
                for a in sub.get_arguments() {
                    let id = a.get_id().as_str();
                    // Hidden measurement aids (scripts/perf.sh) need no translation.
                    if id == "lang" || id == "help" || a.is_hide_set() {
                        continue;
                    }
                    assert!(
                        l.has(&format!("cli-{name}-{id}")),
                        "{lang:?} cli-{name}-{id}"
                    );
                }
            }
        }
    }
}
