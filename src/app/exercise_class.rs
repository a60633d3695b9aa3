//! A seminar's 答え合わせ: many participants' files read and checked against one model
//! ([`crate::domain::exercise_class`]), off the UI thread, and its report — a PDF and a workbook
//! with the class table, the participants' scores and each participant's own sheet.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::app::compare::file_label;
use crate::app::exercise::{Opened, score_line};
use crate::app::progress::Progress;
use crate::domain::catalogue::Catalogue;
use crate::domain::compare::Side;
use crate::domain::exercise::{ExerciseCheck, ExerciseError, Verdict};
use crate::domain::exercise_class::{
    ClassCheck, ClassQuestion, MAX_PARTICIPANTS, Submission, check_class,
};
use crate::i18n::{Localize, Localizer};
use crate::io::FileError;
use crate::io::pdf::{ReportLine, Style};
use crate::io::xlsx::{PrintTable, TableRow, unique_sheet_name};

/// A statement already open in the window, with its file (none while unsaved).
pub struct Given {
    pub opened: Opened,
    pub file: Option<PathBuf>,
}

/// Which statement is the model.
pub enum ModelChoice {
    /// This one (the window's statement, or the command line's MODEL).
    Given(Given),
    /// The window's statement is a participant's copy: the model is the one file of the list
    /// that is not an exercise copy.
    AmongFiles(Given),
}

/// Why one file of the class was not checked.
#[derive(Debug)]
pub enum Refusal {
    Unreadable(FileError),
    NotChecked(ExerciseError),
}

/// Why the class could not be checked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClassError {
    /// The window's statement is a copy and no file of the list is a model.
    NoModel,
    /// Several files of the list could be the model.
    SeveralModels(Vec<PathBuf>),
    TooMany(usize),
}

impl Localize for ClassError {
    fn localize(&self, l: &Localizer) -> String {
        match self {
            ClassError::NoModel => l.t("exercise-no-model"),
            ClassError::SeveralModels(files) => {
                let names: Vec<String> = files.iter().map(|f| file_label(f)).collect();
                l.ta(
                    "exercise-several-models",
                    &[("files", names.join("、").into())],
                )
            }
            ClassError::TooMany(n) => l.ta(
                "exercise-too-many",
                &[("count", (*n).into()), ("max", MAX_PARTICIPANTS.into())],
            ),
        }
    }
}

/// A checked class: the result, each participant's file, the files not checked and why.
#[derive(Debug)]
pub struct ClassRun {
    pub class: ClassCheck,
    /// Per participant (same order): the file, `None` for the window's unsaved copy.
    pub files: Vec<Option<PathBuf>>,
    pub refused: Vec<(Option<PathBuf>, Refusal)>,
    /// The product named in the model's header (the report's title).
    pub product: String,
    pub model_file: Option<PathBuf>,
    /// The model first, then each participant's copy checked: the file's label and the
    /// statement's vendor, product, version, edition and fingerprint, as printed.
    pub identities: Vec<(String, crate::domain::dossier::Identity)>,
}

impl ClassRun {
    /// Each file not checked, with why, in the user's language.
    pub fn refusals(&self, l: &Localizer, unnamed: &str) -> Vec<String> {
        self.refused
            .iter()
            .map(|(f, why)| {
                let file = f.as_deref().map_or(unnamed.to_string(), file_label);
                let reason = match why {
                    // A file error names its file already.
                    Refusal::Unreadable(e) => return e.localize(l),
                    Refusal::NotChecked(ExerciseError::NotAnExercise) => {
                        return l.ta("exercise-not-copy", &[("file", file.into())]);
                    }
                    Refusal::NotChecked(e) => e.localize(l),
                };
                l.ta(
                    "exercise-refused",
                    &[("file", file.into()), ("reason", reason.into())],
                )
            })
            .collect()
    }
}

/// The name a participant is shown by: the name typed into the copy, else the file's name,
/// else `unnamed` (the window's unsaved copy).
fn label_of(g: &Given, unnamed: &str) -> String {
    let typed = g
        .opened
        .0
        .exercise
        .as_ref()
        .map(|e| e.participant.trim().to_string())
        .unwrap_or_default();
    if !typed.is_empty() {
        return typed;
    }
    g.file.as_deref().map_or(unnamed.to_string(), file_label)
}

/// Labels made unique: a name given twice gets its file's name after it.
fn unique_labels(copies: &[Given], unnamed: &str) -> Vec<String> {
    let labels: Vec<String> = copies.iter().map(|g| label_of(g, unnamed)).collect();
    labels
        .iter()
        .zip(copies)
        .map(|(label, g)| {
            let twice = labels.iter().filter(|l| *l == label).count() > 1;
            match (&g.file, twice) {
                (Some(f), true) if file_label(f) != *label => {
                    format!("{label} ({})", file_label(f))
                }
                _ => label.clone(),
            }
        })
        .collect()
}

fn side(g: &Given) -> Side<'_> {
    Side {
        catalogue: &g.opened.1,
        project: &g.opened.0,
    }
}

/// The 答え合わせ shown in the window: the class's result and the day it was checked.
pub struct ExerciseView {
    pub run: ClassRun,
    /// As printed on its report (`2026年12月7日`).
    pub date: String,
}

/// Reads `files` (each once, in order) and checks the class. Files that cannot be read or
/// checked are listed in [`ClassRun::refused`]; the others are checked.
pub fn run_class(
    choice: ModelChoice,
    files: &[PathBuf],
    shipped: &[Catalogue],
    progress: &Progress,
    unnamed: &str,
) -> Result<ClassRun, ClassError> {
    if files.len() > MAX_PARTICIPANTS {
        return Err(ClassError::TooMany(files.len()));
    }
    progress.set_total(files.len() + 1);
    let mut seen = HashSet::new();
    let mut read = Vec::new();
    let mut refused = Vec::new();
    for f in files {
        if !seen.insert(f.clone()) {
            progress.step();
            continue;
        }
        match crate::io::open_statement(f, shipped, crate::assets::import_vocabulary()) {
            Ok(opened) => read.push(Given {
                opened,
                file: Some(f.clone()),
            }),
            Err(e) => refused.push((Some(f.clone()), Refusal::Unreadable(e))),
        }
        progress.step();
    }
    let (model, copies) = match choice {
        ModelChoice::Given(m) => (m, read),
        ModelChoice::AmongFiles(mine) => {
            let (mut models, others): (Vec<Given>, Vec<Given>) = read
                .into_iter()
                .partition(|g| g.opened.0.exercise.is_none());
            if models.len() > 1 {
                return Err(ClassError::SeveralModels(
                    models.iter().filter_map(|g| g.file.clone()).collect(),
                ));
            }
            let model = models.pop().ok_or(ClassError::NoModel)?;
            let mut copies = vec![mine];
            copies.extend(others);
            (model, copies)
        }
    };
    let labels = unique_labels(&copies, unnamed);
    let subs: Vec<Submission<'_>> = copies
        .iter()
        .zip(&labels)
        .map(|(g, label)| Submission {
            label,
            side: side(g),
        })
        .collect();
    let (class, not_checked) = check_class(side(&model), &subs);
    let dropped: HashSet<usize> = not_checked.iter().map(|(i, _)| *i).collect();
    let files = copies
        .iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, g)| g.file.clone())
        .collect();
    for (i, e) in not_checked {
        let file = copies.get(i).and_then(|g| g.file.clone());
        refused.push((file, Refusal::NotChecked(e)));
    }
    progress.step();
    let identity = |g: &Given| {
        let label = g.file.as_deref().map_or(unnamed.to_string(), file_label);
        let (p, c) = &g.opened;
        (label, crate::domain::dossier::Identity::of(c, p))
    };
    let identities = std::iter::once(identity(&model))
        .chain(
            copies
                .iter()
                .enumerate()
                .filter(|(i, _)| !dropped.contains(i))
                .map(|(_, g)| identity(g)),
        )
        .collect();
    Ok(ClassRun {
        class,
        files,
        refused,
        product: model.opened.0.header.product.clone(),
        model_file: model.file,
        identities,
    })
}

/// How a participant is shown: their name, or 「参加者 3」 when names are hidden (projector).
pub fn shown_name(l: &Localizer, class: &ClassCheck, who: usize, anonymous: bool) -> String {
    match class.participants.get(who) {
        Some(p) if !anonymous => p.label.clone(),
        _ => l.ta("exercise-anonymous", &[("n", (who + 1).into())]),
    }
}

fn names(l: &Localizer, class: &ClassCheck, who: &[usize], anonymous: bool) -> String {
    who.iter()
        .map(|w| shown_name(l, class, *w, anonymous))
        .collect::<Vec<_>>()
        .join("、")
}

/// The answers given and how many gave each: 「はい 12 · いいえ 3」.
pub fn spread(q: &ClassQuestion) -> String {
    q.answers
        .iter()
        .map(|(a, who)| format!("{a} {}", who.len()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The lists of one question (who differs, left it, followed a wrong gate, left a 「いいえ」
/// without 備考, claimed more than the model), each as a line; empty lists are left out.
pub fn question_findings(
    l: &Localizer,
    class: &ClassCheck,
    q: &ClassQuestion,
    anonymous: bool,
) -> Vec<String> {
    [
        ("exercise-class-different", &q.different),
        ("exercise-class-unanswered", &q.unanswered),
        ("exercise-class-follows-gate", &q.follows_gate),
        ("exercise-class-no-remark", &q.no_without_remark),
        ("exercise-class-over-claim", &q.over_claims),
    ]
    .into_iter()
    .filter(|(_, who)| !who.is_empty())
    .map(|(id, who)| l.ta(id, &[("names", names(l, class, who, anonymous).into())]))
    .collect()
}

/// The line under the report's title: date, how many, the model's file.
pub fn heading_line(l: &Localizer, run: &ClassRun, date: &str) -> String {
    let model = run
        .model_file
        .as_deref()
        .map_or_else(|| l.t("exercise-model-unsaved"), file_label);
    l.ta(
        "exercise-class-date",
        &[
            ("date", date.to_string().into()),
            ("count", run.class.participants.len().into()),
            ("model", model.into()),
        ],
    )
}

/// The class report as lines (PDF): the heading line, the participants' scores, every question
/// with the class's answers, then each participant's own check.
pub fn class_report_lines(l: &Localizer, run: &ClassRun, date: &str) -> Vec<ReportLine> {
    let class = &run.class;
    let mut lines = vec![ReportLine::new(
        Style::Body,
        heading_line(l, run, date),
        true,
    )];
    lines.extend(
        run.refusals(l, &l.t("exercise-unnamed"))
            .into_iter()
            .map(|r| ReportLine::new(Style::Body, r, true)),
    );
    lines.push(ReportLine::new(
        Style::Heading,
        l.t("exercise-class-participants"),
        true,
    ));
    for p in &class.participants {
        lines.push(ReportLine::new(
            Style::Body,
            format!("{} — {}", p.label, score_line(l, &p.check.total())),
            false,
        ));
    }
    if class.any_follows_gate() {
        lines.push(ReportLine::new(
            Style::Detail,
            l.t("exercise-gate-note"),
            false,
        ));
    }
    lines.push(ReportLine::new(
        Style::Heading,
        l.t("exercise-class-questions"),
        true,
    ));
    for q in &class.questions {
        lines.push(ReportLine::new(
            Style::Body,
            format!("{} {}", q.number, q.text),
            true,
        ));
        lines.push(ReportLine::new(
            Style::Detail,
            l.ta(
                "exercise-class-answers",
                &[
                    ("model", q.model.answer.clone().into()),
                    ("spread", spread(q).into()),
                ],
            ),
            false,
        ));
        for f in question_findings(l, class, q, false) {
            lines.push(ReportLine::new(Style::Detail, f, false));
        }
    }
    for p in &class.participants {
        lines.push(ReportLine::new(
            Style::PageHeading,
            l.ta(
                "exercise-participant-sheet",
                &[("name", p.label.clone().into())],
            ),
            true,
        ));
        lines.extend(crate::app::exercise::report_lines(l, &p.check));
    }
    lines
}

fn verdict_text(l: &Localizer, q: &crate::domain::exercise::Checked) -> String {
    let v = l.t(&format!("exercise-{}", q.verdict.key()));
    match (&q.gate, q.verdict) {
        (Some(g), Verdict::FollowsGate) => format!("{v} ({g})"),
        _ => v,
    }
}

/// One participant's own sheet: every question, their answer beside the model's.
fn participant_table(
    l: &Localizer,
    name: &str,
    check: &ExerciseCheck,
    taken: &mut HashSet<String>,
) -> PrintTable {
    let columns = [
        ("compare-number", 8.0),
        ("compare-question", 40.0),
        ("exercise-verdict", 12.0),
        ("exercise-yours-heading", 18.0),
        ("exercise-yours-remark", 24.0),
        ("exercise-model-heading", 18.0),
        ("exercise-model-remark", 24.0),
    ];
    PrintTable {
        sheet: unique_sheet_name(name, taken),
        title: l.ta(
            "exercise-participant-sheet",
            &[("name", name.to_string().into())],
        ),
        lines: vec![score_line(l, &check.total())],
        spans: Vec::new(),
        columns: columns.iter().map(|(id, w)| (l.t(id), *w)).collect(),
        rows: check
            .questions
            .iter()
            .map(|q| TableRow {
                cells: vec![
                    q.number.clone(),
                    q.text.clone(),
                    verdict_text(l, q),
                    q.participant.answer.clone(),
                    q.participant.remark.clone(),
                    q.model.answer.clone(),
                    q.model.remark.clone(),
                ],
                marked: matches!(q.verdict, Verdict::Different | Verdict::Unanswered),
            })
            .collect(),
        landscape: true,
    }
}

/// The class workbook: the class table, the participants' scores, then a sheet per participant.
pub fn class_tables(l: &Localizer, run: &ClassRun, date: &str) -> Vec<PrintTable> {
    let class = &run.class;
    let mut taken = HashSet::new();
    let head = heading_line(l, run, date);
    let mut lines = vec![head.clone()];
    lines.extend(run.refusals(l, &l.t("exercise-unnamed")));
    let question_columns = [
        ("compare-number", 8.0),
        ("compare-question", 40.0),
        ("exercise-model-heading", 14.0),
        ("exercise-class-spread", 22.0),
        ("exercise-class-findings", 46.0),
    ];
    let questions = PrintTable {
        sheet: unique_sheet_name(&l.t("exercise-class-sheet"), &mut taken),
        title: l.ta(
            "exercise-class-title",
            &[("product", run.product.clone().into())],
        ),
        lines,
        spans: Vec::new(),
        columns: question_columns
            .iter()
            .map(|(id, w)| (l.t(id), *w))
            .collect(),
        rows: class
            .questions
            .iter()
            .map(|q| TableRow {
                cells: vec![
                    q.number.clone(),
                    q.text.clone(),
                    q.model.answer.clone(),
                    spread(q),
                    question_findings(l, class, q, false).join("\n"),
                ],
                marked: q.missed() > 0,
            })
            .collect(),
        landscape: true,
    };
    let score_columns = [
        ("exercise-participant", 24.0),
        ("exercise-file", 30.0),
        ("exercise-same", 8.0),
        ("exercise-different", 8.0),
        ("exercise-unanswered", 8.0),
        ("exercise-by_gate", 10.0),
        ("exercise-percent", 8.0),
    ];
    let unnamed = l.t("exercise-unnamed");
    let scores = PrintTable {
        sheet: unique_sheet_name(&l.t("exercise-class-participants"), &mut taken),
        title: l.t("exercise-class-participants"),
        lines: vec![head],
        spans: Vec::new(),
        columns: score_columns.iter().map(|(id, w)| (l.t(id), *w)).collect(),
        rows: class
            .participants
            .iter()
            .zip(&run.files)
            .map(|(p, f)| {
                let t = p.check.total();
                TableRow {
                    cells: vec![
                        p.label.clone(),
                        f.as_deref().map_or(unnamed.clone(), file_label),
                        t.same.to_string(),
                        t.different.to_string(),
                        t.unanswered.to_string(),
                        t.follows_gate.to_string(),
                        t.percent().to_string(),
                    ],
                    marked: false,
                }
            })
            .collect(),
        landscape: false,
    };
    let mut tables = vec![questions, scores];
    for p in &class.participants {
        tables.push(participant_table(l, &p.label, &p.check, &mut taken));
    }
    tables
}

/// The file a participant's result came from, as shown (the window's unsaved copy: `unnamed`).
pub fn file_of(run: &ClassRun, who: usize, unnamed: &str) -> String {
    run.files
        .get(who)
        .and_then(|f| f.as_deref())
        .map_or(unnamed.to_string(), |f: &Path| f.display().to_string())
}
