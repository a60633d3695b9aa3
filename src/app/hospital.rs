//! The hospital side: statements checked against an acceptance profile (in the background, for
//! the window and `kaijisho check`), and the check report as a workbook or PDF.

use std::path::{Path, PathBuf};

use crate::domain::catalogue::Catalogue;
use crate::domain::dossier::Identity;
use crate::domain::profile::{Deviation, Profile, StatementCheck, Verdict, check_statement};
use crate::i18n::{Localize, Localizer};
use crate::io::pdf::RunningHead;
use crate::io::xlsx::{PrintTable, TableRow};
use crate::io::{self, FileError};

use super::compare::{Column, PreparedExport, columns, file_label};
use super::documents::ExportFormat;
use super::progress::Progress;
use super::provenance;
use super::view::{CheckForm, ProfileEditor};

/// The hospital side's windows: the check against an acceptance profile (its form and its
/// report), the register of received statements and the profile editor.
#[derive(Default)]
pub struct Hospital {
    /// The check window's inputs, when it is open.
    pub check: Option<CheckForm>,
    /// The last check, shown in its window.
    pub check_report: Option<CheckReport>,
    /// The inputs of the latest check asked for, and of the report (or error) it gave: the
    /// verdicts shown are current only while these are the window's.
    pub(crate) check_asked: Option<CheckInputs>,
    pub(crate) check_shown: Option<CheckInputs>,
    /// The profile file as the editor had last read or saved it when the check was asked for:
    /// a save since checks again.
    pub(crate) check_profile_saved: Option<[u8; 32]>,
    /// Why the latest check gave no verdicts (in the user's language).
    pub check_error: Option<String>,
    /// The register of received statements, when open.
    pub register: Option<super::register::RegisterView>,
    /// The acceptance-profile editor, when open.
    pub profile_editor: Option<ProfileEditor>,
    /// The inspection dossier, when open.
    pub dossier: Option<super::dossier::DossierView>,
    pub(crate) dossier_generation: u64,
    /// The latest check and register read asked for: an older request's result is dropped.
    pub(crate) check_generation: u64,
    pub(crate) register_generation: u64,
}

/// What a check is made of: the profile file (none: the shipped default) and the statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckInputs {
    pub profile: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// One statement checked.
#[derive(Debug, Clone)]
pub struct CheckedStatement {
    pub path: PathBuf,
    /// Vendor / product / version, and the file name.
    pub column: Column,
    /// Vendor, product, version, edition and fingerprint, as the report prints them.
    pub identity: Identity,
    pub check: StatementCheck,
}

/// A profile's check of several statements.
#[derive(Debug, Clone)]
pub struct CheckReport {
    pub profile: String,
    pub profile_file: String,
    /// The SHA-256 of the profile file as read (`None`: the shipped default).
    pub profile_digest: Option<[u8; 32]>,
    pub statements: Vec<CheckedStatement>,
}

impl CheckReport {
    /// Whether every statement is within the profile.
    pub fn all_within(&self) -> bool {
        self.statements
            .iter()
            .all(|s| s.check.verdict() == Verdict::Within)
    }
}

/// Reads the profile and the statements (JSON or workbooks) and checks each. A rule that
/// selects no question of any statement is an error naming the profile (a mistyped number
/// would otherwise pass silently).
pub fn check_files(
    profile_path: &Path,
    files: &[PathBuf],
    shipped: &[Catalogue],
    progress: &Progress,
) -> Result<CheckReport, FileError> {
    progress.set_total(files.len() + 1);
    let (profile, digest) = io::hospital::load_profile_digest(profile_path)?;
    progress.step();
    let mut opened = Vec::new();
    for f in files {
        opened.push(io::open_statement(
            f,
            shipped,
            crate::assets::import_vocabulary(),
        )?);
        progress.step();
    }
    let mut report = check_opened(&profile, profile_path, files, &opened)?;
    report.profile_digest = Some(digest);
    Ok(report)
}

/// [`check_files`] on statements already read.
pub fn check_opened(
    profile: &Profile,
    profile_path: &Path,
    files: &[PathBuf],
    opened: &[(crate::domain::project::Project, Catalogue)],
) -> Result<CheckReport, FileError> {
    let catalogues: Vec<&Catalogue> = opened.iter().map(|(_, c)| c).collect();
    let issues = profile.unmatched(&catalogues);
    if !issues.is_empty() {
        return Err(FileError::Profile {
            path: profile_path.to_path_buf(),
            issues,
        });
    }
    let headers: Vec<_> = opened
        .iter()
        .zip(files)
        .map(|((p, _), f)| (&p.header, file_label(f)))
        .collect();
    let statements = columns(&headers)
        .into_iter()
        .zip(opened.iter().zip(files))
        .map(|(column, ((p, c), f))| CheckedStatement {
            path: f.clone(),
            column,
            identity: Identity::of(c, p),
            check: check_statement(profile, c, p),
        })
        .collect();
    Ok(CheckReport {
        profile: profile.name.clone(),
        profile_file: file_label(profile_path),
        profile_digest: None,
        statements,
    })
}

/// What the report says above its tables: the profile and the counts.
fn head_lines(l: &Localizer, r: &CheckReport) -> Vec<String> {
    let within = r
        .statements
        .iter()
        .filter(|s| s.check.verdict() == Verdict::Within)
        .count();
    let risk = r
        .statements
        .iter()
        .filter(|s| s.check.needs_risk_assessment())
        .count();
    vec![
        l.ta(
            "check-profile-line",
            &[
                ("name", r.profile.clone().into()),
                ("file", r.profile_file.clone().into()),
            ],
        ),
        l.ta(
            "check-counts",
            &[
                ("statements", r.statements.len().into()),
                ("within", within.into()),
                ("risk", risk.into()),
            ],
        ),
    ]
}

/// The risk-assessment cell: said only where it is needed.
pub fn risk_text(l: &Localizer, check: &StatementCheck) -> String {
    if check.needs_risk_assessment() {
        l.t("check-risk-needed")
    } else {
        String::new()
    }
}

/// A deviation's answer as the check shows it: a conditional answer the rule refuses says so,
/// quoting its condition.
pub fn deviation_answer(l: &Localizer, d: &Deviation) -> String {
    if d.condition.is_empty() {
        d.answer.clone()
    } else {
        l.ta(
            "check-conditional",
            &[
                ("answer", d.answer.clone().into()),
                ("condition", d.condition.clone().into()),
            ],
        )
    }
}

fn deviation_cells(l: &Localizer, who: &str, kind: &str, d: &Deviation) -> Vec<String> {
    let rule = match d.rule {
        Some(n) => l.ta("check-rule", &[("rule", n.into())]),
        None => l.t("check-rule-default"),
    };
    let note = if d.note.is_empty() {
        rule
    } else {
        format!("{rule}: {}", d.note)
    };
    vec![
        who.to_string(),
        kind.to_string(),
        d.number.clone(),
        d.text.clone(),
        deviation_answer(l, d),
        d.remark.clone(),
        d.weight.localize(l),
        note,
    ]
}

/// The report as two printable sheets: one line per statement, then every answer outside the
/// profile (and every unanswered item) with its remark.
fn check_tables(l: &Localizer, r: &CheckReport, head: &RunningHead) -> Vec<PrintTable> {
    let words = |ids: &[(&str, f64)]| -> Vec<(String, f64)> {
        ids.iter().map(|(id, w)| (l.t(id), *w)).collect()
    };
    let mut lines = provenance::head_lines(head);
    lines.extend(head_lines(l, r));
    let mut summary_lines = lines.clone();
    summary_lines.extend(
        r.statements
            .iter()
            .enumerate()
            .map(|(i, s)| provenance::statement_line(l, i + 1, &s.column.file, &s.identity)),
    );
    let summary = PrintTable {
        sheet: l.t("check-sheet-verdicts"),
        title: l.t("check-title"),
        lines: summary_lines,
        spans: Vec::new(),
        columns: words(&[
            ("check-col-statement", 44.0),
            ("check-col-file", 24.0),
            ("check-col-verdict", 30.0),
            ("check-col-risk", 16.0),
            ("check-col-unanswered", 10.0),
        ]),
        rows: r
            .statements
            .iter()
            .map(|s| TableRow {
                cells: vec![
                    s.column.title.clone(),
                    s.column.file.clone(),
                    s.check.verdict().localize(l),
                    risk_text(l, &s.check),
                    s.check.unanswered.len().to_string(),
                ],
                marked: s.check.verdict() != Verdict::Within,
            })
            .collect(),
        landscape: true,
    };
    let (outside, unanswered) = (l.t("check-kind-outside"), l.t("check-kind-unanswered"));
    let details = PrintTable {
        sheet: l.t("check-sheet-details"),
        title: l.t("check-details-title"),
        lines,
        spans: Vec::new(),
        columns: words(&[
            ("check-col-statement", 26.0),
            ("check-col-kind", 9.0),
            ("compare-number", 6.0),
            ("compare-question", 40.0),
            ("compare-answer", 14.0),
            ("compare-remark", 30.0),
            ("check-col-weight", 8.0),
            ("check-col-rule", 18.0),
        ]),
        rows: r
            .statements
            .iter()
            .flat_map(|s| {
                let who = s.column.title.as_str();
                let (outside, unanswered) = (&outside, &unanswered);
                let out = s.check.deviations.iter().map(move |d| TableRow {
                    cells: deviation_cells(l, who, outside, d),
                    marked: true,
                });
                let open = s.check.unanswered.iter().map(move |d| TableRow {
                    cells: deviation_cells(l, who, unanswered, d),
                    marked: false,
                });
                out.chain(open).collect::<Vec<_>>()
            })
            .collect(),
        landscape: true,
    };
    vec![summary, details]
}

/// Words the check report for a workbook or a PDF, with no hospital named (the command line).
pub fn prepare_check(l: &Localizer, r: &CheckReport, format: ExportFormat) -> PreparedExport {
    prepare_check_headed(
        l,
        r,
        format,
        provenance::unsigned_head(l, l.t("check-title")),
    )
}

/// Words the check report for a workbook or a PDF (landscape tables, `head` on every page).
pub fn prepare_check_headed(
    l: &Localizer,
    r: &CheckReport,
    format: ExportFormat,
    head: RunningHead,
) -> PreparedExport {
    let tables = check_tables(l, r, &head);
    match format {
        ExportFormat::Xlsx => PreparedExport::Xlsx(tables),
        ExportFormat::Pdf => PreparedExport::PdfTables { tables, head },
    }
}
