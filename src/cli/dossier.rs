//! `kaijisho dossier FOLDER [--profile P] [--pdf OUT] [--xlsx OUT]`: the inspection dossier
//! (立入検査パック) of a folder of received statements — per system and vendor the verdict, the
//! 年度's warnings, and every item that needs the hospital's risk note with the note there is;
//! a copy of each statement version received is kept in the folder's `kaijisho-received`.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::output::{emit, written};
use crate::app::compare::{PreparedExport, write_prepared};
use crate::app::dossier::{
    DossierView, ProfileChoice, dossier_tables, head_lines, kind_id, read_dossier, running_head,
    status_id,
};
use crate::domain::profile::Verdict;
use crate::i18n::{Localize, Localizer};
use crate::io::clock;

/// Exit 0 when the folder holds statements, every one within the profile and every item
/// assessed (for the statement as it is) and on time; 1 otherwise (or when a statement of the
/// folder could not be read).
pub(super) fn run(
    l: &Localizer,
    folder: &Path,
    profile: Option<&Path>,
    (pdf, xlsx): (Option<&Path>, Option<&Path>),
    by: (&str, &str),
) -> Result<ExitCode, CliError> {
    let mut inputs: Vec<&Path> = profile.into_iter().collect();
    inputs.push(folder);
    let dossier_file = crate::io::dossier::dossier_path(folder);
    inputs.push(&dossier_file);
    super::check_outputs(&[pdf, xlsx], &inputs)?;
    refuse_in_folder(l, folder, [pdf, xlsx])?;
    let shipped = crate::assets::shipped_catalogues()?;
    let choice = match profile {
        Some(p) => ProfileChoice::File(p.to_path_buf()),
        None => ProfileChoice::Given(crate::assets::default_profile()?),
    };
    let now = clock::now();
    let progress = crate::app::tasks::Progress::default();
    let trust = crate::app::signature::TrustSources::default();
    let view = read_dossier(folder, choice, (&shipped, &trust), now.date(), &progress)?;
    let mut out = summary(l, &view);
    let title = l.ta(
        "dossier-title",
        &[("year", view.dossier.fiscal_year.into())],
    );
    let head = running_head(l, title, by, &now);
    for (path, pdf) in [(pdf, true), (xlsx, false)] {
        let Some(path) = path else { continue };
        let tables = dossier_tables(l, &view, head_lines(l, &view, &head));
        let prepared = if pdf {
            PreparedExport::PdfTables {
                tables,
                head: head.clone(),
            }
        } else {
            PreparedExport::Xlsx(tables)
        };
        let notes = write_prepared(&prepared, path).map_err(|e| CliError::Said(e.localize(l)))?;
        super::output::emit_pdf_notes(l, path, &notes);
        out.push_str(&written(l, path));
    }
    emit(&out)?;
    let t = &view.dossier.totals;
    let other_version = view
        .dossier
        .sections
        .iter()
        .flat_map(|s| &s.entries)
        .flat_map(|e| &e.items)
        .any(|i| i.note_for_other_version);
    // An empty folder is no pass.
    let clear = t.statements > 0
        && t.within == t.statements
        && t.assessed == t.items
        && t.overdue == 0
        && !other_version;
    Ok(if clear && view.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Refuses an output that would be a statement file of the folder (over a vendor's file, or
/// read as a statement next time), however the path is spelled.
fn refuse_in_folder<const N: usize>(
    l: &Localizer,
    folder: &Path,
    outputs: [Option<&Path>; N],
) -> Result<(), CliError> {
    for out in outputs.into_iter().flatten() {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let ext = out
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let inside = parent == folder || crate::io::atomic::is_same_file(&parent, folder);
        if inside && matches!(ext.as_str(), "json" | "xlsx" | "xlsm") {
            return Err(CliError::Said(l.ta(
                "dossier-output-in-folder",
                &[("file", out.display().to_string().into())],
            )));
        }
    }
    Ok(())
}

/// The dossier as text: the totals, then per system each statement with its verdict and
/// warnings, and each item not yet assessed or past its 期限.
fn summary(l: &Localizer, view: &DossierView) -> String {
    let d = &view.dossier;
    let mut out = format!(
        "{}\n{}\n",
        l.ta("dossier-title", &[("year", d.fiscal_year.into())]),
        crate::app::dossier::totals_line(l, d)
    );
    for (file, e) in &view.problems {
        out.push_str(&l.ta(
            "dossier-problem",
            &[("file", file.clone().into()), ("why", e.localize(l).into())],
        ));
        out.push('\n');
    }
    if let Some(line) = crate::app::dossier::orphan_line(l, view) {
        out.push_str(&line);
        out.push('\n');
    }
    for s in &d.sections {
        let system = if s.system.is_empty() {
            l.t("dossier-no-system")
        } else {
            s.system.clone()
        };
        out.push_str(&format!("\n■ {system}\n"));
        for e in &s.entries {
            let id = &e.identity;
            out.push_str(&format!(
                "{} / {} {} ({}): {}\n",
                id.vendor,
                id.product,
                id.version,
                e.file,
                e.verdict.localize(l)
            ));
            for w in &e.warnings {
                out.push_str(&format!("  △ {}\n", w.localize(l)));
            }
            for i in e
                .items
                .iter()
                .filter(|i| !i.assessed() || i.overdue || e.verdict != Verdict::Within)
            {
                let note = i.note.clone().unwrap_or_default();
                let short: String = i.text.chars().take(40).collect();
                out.push_str(&format!(
                    "  [{}] {} {short}: {} | {} {}\n",
                    l.t(kind_id(i.kind)),
                    i.number,
                    i.answer,
                    l.t(status_id(note.status)),
                    note.due
                ));
            }
        }
    }
    out
}
