//! What every printout says of where it came from: the running head on each page (the report,
//! the hospital and the reviewer from the settings, the print date, "n / N") and, above its
//! tables, the same and one line per statement with its vendor, product, version, edition and
//! fingerprint — so that a printed page can be matched to the files it was made from.

use crate::domain::dossier::Identity;
use crate::i18n::Localizer;
use crate::io::pdf::RunningHead;

/// What every page of a report says: its title, the hospital and the reviewer (as the settings
/// name them), the print date, and the page-number wording.
pub fn running_head(
    l: &Localizer,
    title: String,
    (organisation, reviewer): (&str, &str),
    printed: &jiff::Zoned,
) -> RunningHead {
    let by = match (organisation.trim(), reviewer.trim()) {
        ("", "") => String::new(),
        (o, "") => o.to_string(),
        (o, r) => l.ta(
            "report-by",
            &[
                ("organisation", o.to_string().into()),
                ("reviewer", r.to_string().into()),
            ],
        ),
    };
    RunningHead {
        title,
        by: by.trim().to_string(),
        printed: l.ta(
            "report-printed",
            &[(
                "date",
                printed.strftime("%Y-%m-%d %H:%M").to_string().into(),
            )],
        ),
        page: super::changes::template(l, "report-page", &["page", "pages"]),
    }
}

/// The running head of a report printed where no settings name the hospital (the command
/// line): the title and the time now.
pub fn unsigned_head(l: &Localizer, title: String) -> RunningHead {
    running_head(l, title, ("", ""), &jiff::Zoned::now())
}

/// The lines under a report's title: by whom (when the settings say) and when it was printed.
pub fn head_lines(head: &RunningHead) -> Vec<String> {
    let mut lines = Vec::new();
    if !head.by.is_empty() {
        lines.push(head.by.clone());
    }
    lines.push(head.printed.clone());
    lines
}

/// One statement's line: its number in the report, vendor / product version (file), form,
/// guideline edition and fingerprint.
pub fn statement_line(l: &Localizer, n: usize, file: &str, id: &Identity) -> String {
    l.ta(
        "report-statement-line",
        &[
            ("n", n.into()),
            ("vendor", id.vendor.clone().into()),
            (
                "product",
                format!("{} {}", id.product, id.version)
                    .trim()
                    .to_string()
                    .into(),
            ),
            ("file", file.to_string().into()),
            (
                "form",
                format!("{} {}", id.catalogue, id.form_version)
                    .trim()
                    .to_string()
                    .into(),
            ),
            ("edition", id.edition.clone().into()),
            ("fingerprint", id.fingerprint.clone().into()),
        ],
    )
}
