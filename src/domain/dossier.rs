//! The inspection dossier (立入検査パック): what a hospital shows at 立入検査 and audits about the
//! statements it collected (安全管理ガイドライン 第7.0版 保守委託機関編 10章). Per system and
//! vendor: the statement received (when, which edition, its fingerprint, the copies of every
//! version received), its verdict against the hospital's acceptance profile, and for every
//! answer outside the profile, every いいえ the hospital accepted and every unanswered item, the
//! hospital's risk note — リスク評価, 対応策, 担当, 期限, 状態. The 年度 (April to March) is the
//! unit of the warnings: a statement written before this 年度, an edition older than the one
//! the register asks for, follow-ups past their 期限 or without a note.
//!
//! The dossier file (`kaijisho-dossier.json`, beside the register) keeps only what the hospital
//! writes — the risk notes; everything else is read from the folder each time.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
use super::catalogue::Catalogue;
use super::date::{Date, parse_date};
use super::profile::{Deviation, Profile, StatementCheck, Verdict, Weight, check_statement};
use super::project::Project;
use super::summary::shown_values;
use super::text::visible;

/// The `format` of a dossier file.
pub const DOSSIER_FORMAT: &str = "kaijisho-dossier";
pub const DOSSIER_FORMAT_VERSION: u32 = 1;
/// The dossier file's name in the register's folder.
pub const DOSSIER_FILE: &str = "kaijisho-dossier.json";
/// The folder (in the register's folder) that keeps a copy of every statement as received.
pub const RECEIVED_FOLDER: &str = "kaijisho-received";
/// The longest text of a risk note's field kept.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// The most risk notes a dossier holds (a hospital of 200 systems with 300 items each).
pub const MAX_NOTES: usize = 100_000;

/// Where a follow-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum RiskStatus {
    #[default]
    #[serde(rename = "未対応")]
    Open,
    #[serde(rename = "対応中")]
    InProgress,
    #[serde(rename = "対応済")]
    Done,
    /// The risk assessed and accepted as it is.
    #[serde(rename = "受容")]
    Accepted,
}

impl RiskStatus {
    pub const ALL: [RiskStatus; 4] = [
        RiskStatus::Open,
        RiskStatus::InProgress,
        RiskStatus::Done,
        RiskStatus::Accepted,
    ];

    /// Whether nothing more is to be done (対応済 or 受容).
    pub fn is_closed(self) -> bool {
        matches!(self, RiskStatus::Done | RiskStatus::Accepted)
    }

    pub fn key(self) -> &'static str {
        match self {
            RiskStatus::Open => "open",
            RiskStatus::InProgress => "in_progress",
            RiskStatus::Done => "done",
            RiskStatus::Accepted => "accepted",
        }
    }
}

/// The hospital's assessment and treatment of one item of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RiskNote {
    /// リスク評価.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessment: String,
    /// 対応策.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub treatment: String,
    /// 担当.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// 期限, as written (西暦 or 和暦).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    #[serde(default)]
    pub status: RiskStatus,
    /// The fingerprint of the statement the note was written for.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fingerprint: String,
}

impl RiskNote {
    /// Whether the hospital has written anything.
    pub fn is_blank(&self) -> bool {
        self.assessment.trim().is_empty()
            && self.treatment.trim().is_empty()
            && self.owner.trim().is_empty()
            && self.due.trim().is_empty()
            && self.status == RiskStatus::Open
    }

    /// Whether its 期限 has passed (`today` after it) while it is still open.
    pub fn overdue(&self, today: Date) -> bool {
        !self.status.is_closed() && parse_date(&self.due).is_some_and(|d| d < today)
    }
}

/// The dossier file: the hospital's risk notes, by statement file name, then question id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DossierFile {
    pub format: String,
    pub format_version: u32,
    #[serde(default)]
    pub notes: IndexMap<String, IndexMap<String, RiskNote>>,
}

impl Default for DossierFile {
    fn default() -> DossierFile {
        DossierFile {
            format: DOSSIER_FORMAT.to_string(),
            format_version: DOSSIER_FORMAT_VERSION,
            notes: IndexMap::new(),
        }
    }
}

impl DossierFile {
    pub fn note(&self, file: &str, question: &str) -> Option<&RiskNote> {
        self.notes.get(file)?.get(question)
    }

    /// How many notes it holds.
    pub fn note_count(&self) -> usize {
        self.notes.values().map(IndexMap::len).sum()
    }
}

/// One copy of a statement file as it was received (kept in [`RECEIVED_FOLDER`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedCopy {
    /// The day it was first seen (`2026-12-07`).
    pub seen: String,
    /// The SHA-256 of the file's bytes (hex, at least the first 12 digits).
    pub sha256: String,
    /// The copy, relative to the register's folder.
    pub copy: String,
}

/// The 年度 a day falls in: April to March, named by the year it starts in.
pub fn fiscal_year(d: Date) -> i32 {
    if d.month >= 4 { d.year } else { d.year - 1 }
}

/// What an item of a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// Answered outside the profile.
    Outside(Weight),
    /// A いいえ the profile accepts: the hospital still assesses and treats the risk.
    AcceptedNo,
    /// Not (fully) answered.
    Unanswered,
}

/// One item that needs the hospital's risk note, with the note there is.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub question_id: String,
    pub number: String,
    pub text: String,
    pub answer: String,
    pub remark: String,
    pub kind: ItemKind,
    pub note: Option<RiskNote>,
    /// The note was written for another version of the statement.
    pub note_for_other_version: bool,
    pub overdue: bool,
}

impl Item {
    /// Whether the hospital has assessed it (a risk assessment written).
    pub fn assessed(&self) -> bool {
        self.note
            .as_ref()
            .is_some_and(|n| !n.assessment.trim().is_empty())
    }
}

/// Why a statement needs attention in this 年度.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Written (作成日) before this 年度 began.
    BeforeYear { created: String, year: i32 },
    /// 作成日 is no date.
    NoDate,
    /// Written against an older guideline edition than the register asks for.
    OlderEdition { edition: String, wanted: String },
    /// Items without a risk assessment.
    Unassessed { count: usize },
    /// Follow-ups past their 期限.
    Overdue { count: usize },
    /// Notes written for another version of the statement.
    OtherVersion { count: usize },
}

/// Who and what a statement is, as printed for an inspector.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    pub vendor: String,
    pub product: String,
    pub version: String,
    pub created: String,
    pub catalogue: String,
    pub form_version: String,
    pub edition: String,
    pub fingerprint: String,
    /// The vendor's signature, as verified when the folder was read.
    pub signature: super::signature::SignatureSummary,
}

impl Identity {
    pub fn of(c: &Catalogue, p: &Project) -> Identity {
        Identity {
            vendor: visible(p.header.vendor.trim()),
            product: visible(p.header.product.trim()),
            version: visible(p.header.version.trim()),
            created: visible(p.header.created.trim()),
            catalogue: c.title.clone(),
            form_version: c.form_version.clone(),
            edition: c.guideline_edition.clone(),
            fingerprint: super::canonical::Statement::new(c, p).fingerprint(),
            signature: super::signature::SignatureSummary::default(),
        }
    }
}

/// One statement of the folder, as the dossier shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub file: String,
    /// 受領日, as the register has it.
    pub received: String,
    pub identity: Identity,
    pub verdict: Verdict,
    pub items: Vec<Item>,
    pub warnings: Vec<Warning>,
    /// Every version received, oldest first.
    pub copies: Vec<ReceivedCopy>,
}

/// The statements of one system.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// As the register names it (empty: no system given).
    pub system: String,
    pub entries: Vec<Entry>,
}

/// The counts on the dossier's cover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub systems: usize,
    pub statements: usize,
    pub within: usize,
    pub outside: usize,
    pub incomplete: usize,
    pub items: usize,
    pub assessed: usize,
    pub overdue: usize,
    pub warned: usize,
}

/// The dossier for one 年度.
#[derive(Debug, Clone, PartialEq)]
pub struct Dossier {
    pub fiscal_year: i32,
    pub today: Date,
    pub profile: String,
    pub sections: Vec<Section>,
    pub totals: Totals,
}

/// One statement read from the folder, with what the register says of it.
pub struct Source<'a> {
    pub file: &'a str,
    pub system: &'a str,
    pub received: &'a str,
    pub catalogue: &'a Catalogue,
    pub project: &'a Project,
    pub copies: Vec<ReceivedCopy>,
    /// Its signature, as verified.
    pub signature: super::signature::SignatureSummary,
}

/// The items of a statement that need a risk note: answers outside the profile, accepted
/// いいえ, unanswered items — in catalogue order.
fn items(check: &StatementCheck, c: &Catalogue, p: &Project) -> Vec<(Deviation, ItemKind)> {
    let mut out: Vec<(Deviation, ItemKind)> = Vec::new();
    let outside: std::collections::HashMap<&str, &Deviation> = check
        .deviations
        .iter()
        .map(|d| (d.question_id.as_str(), d))
        .collect();
    let unanswered: std::collections::HashMap<&str, &Deviation> = check
        .unanswered
        .iter()
        .map(|d| (d.question_id.as_str(), d))
        .collect();
    for q in c.questions() {
        if let Some(d) = outside.get(q.id.as_str()) {
            out.push(((*d).clone(), ItemKind::Outside(d.weight)));
        } else if let Some(d) = unanswered.get(q.id.as_str()) {
            out.push(((*d).clone(), ItemKind::Unanswered));
        } else if shown_values(c, p, q).contains(&AnswerValue::No) {
            let answer = p.answer(&q.id);
            out.push((
                Deviation {
                    question_id: q.id.clone(),
                    number: q.number_key(),
                    text: q.full_text(),
                    answer: AnswerValue::No.label().to_string(),
                    remark: answer.map(|a| a.remark.clone()).unwrap_or_default(),
                    weight: Weight::Required,
                    rule: None,
                    note: String::new(),
                    condition: String::new(),
                },
                ItemKind::AcceptedNo,
            ));
        }
    }
    out
}

/// The warnings about the hospital's notes: items without an assessment, past their 期限, or
/// with a note written for another version of the statement.
fn note_warnings(items: &[Item]) -> Vec<Warning> {
    let count = |f: &dyn Fn(&Item) -> bool| items.iter().filter(|i| f(i)).count();
    let counts = [
        count(&|i| !i.assessed()),
        count(&|i| i.overdue),
        count(&|i| i.note_for_other_version),
    ];
    let mut out = Vec::new();
    for (i, n) in counts.into_iter().enumerate() {
        if n == 0 {
            continue;
        }
        out.push(match i {
            0 => Warning::Unassessed { count: n },
            1 => Warning::Overdue { count: n },
            _ => Warning::OtherVersion { count: n },
        });
    }
    out
}

impl Warning {
    /// Whether it is about the hospital's notes (recounted as they are written).
    fn about_notes(&self) -> bool {
        matches!(
            self,
            Warning::Unassessed { .. } | Warning::Overdue { .. } | Warning::OtherVersion { .. }
        )
    }
}

/// Puts `file`'s notes on an item of the statement with `fingerprint`.
fn with_note(item: &mut Item, note: Option<&RiskNote>, fingerprint: &str, today: Date) {
    item.note = note.cloned();
    item.note_for_other_version =
        note.is_some_and(|n| !n.fingerprint.is_empty() && n.fingerprint != fingerprint);
    item.overdue = note.is_some_and(|n| n.overdue(today));
}

impl Dossier {
    /// Takes the notes of `file` as they are now (after an edit), without checking the
    /// statements again.
    pub fn refresh(&mut self, file: &DossierFile) {
        let today = self.today;
        for e in self.sections.iter_mut().flat_map(|s| &mut s.entries) {
            for item in &mut e.items {
                let note = file.note(&e.file, &item.question_id);
                with_note(item, note, &e.identity.fingerprint, today);
            }
            e.warnings.retain(|w| !w.about_notes());
            e.warnings.extend(note_warnings(&e.items));
        }
        self.totals = totals(&self.sections);
    }

    /// The notes of `file` for no statement or item of the dossier (the statement renamed,
    /// removed, or its answer changed): kept in the file, and listed so they are not lost from
    /// sight. By statement file name and question id.
    pub fn orphans<'f>(&self, file: &'f DossierFile) -> Vec<(&'f str, &'f str)> {
        let mut out = Vec::new();
        for (name, notes) in &file.notes {
            let entry = self.entry(name);
            for question in notes.keys() {
                let listed =
                    entry.is_some_and(|e| e.items.iter().any(|i| i.question_id == *question));
                if !listed {
                    out.push((name.as_str(), question.as_str()));
                }
            }
        }
        out
    }

    /// The entry of a statement file.
    pub fn entry(&self, file: &str) -> Option<&Entry> {
        self.sections
            .iter()
            .flat_map(|s| &s.entries)
            .find(|e| e.file == file)
    }
}

/// One statement's entry: its verdict, items with their notes, and the 年度's warnings.
fn entry(
    s: Source<'_>,
    profile: &Profile,
    file: &DossierFile,
    today: Date,
    wanted: Option<&str>,
) -> Entry {
    let (c, p) = (s.catalogue, s.project);
    let check = check_statement(profile, c, p);
    let mut identity = Identity::of(c, p);
    identity.signature = s.signature.clone();
    let items: Vec<Item> = items(&check, c, p)
        .into_iter()
        .map(|(d, kind)| {
            let mut item = Item {
                question_id: d.question_id,
                number: d.number,
                text: d.text,
                answer: d.answer,
                remark: d.remark,
                kind,
                note: None,
                note_for_other_version: false,
                overdue: false,
            };
            let note = file.note(s.file, &item.question_id);
            with_note(&mut item, note, &identity.fingerprint, today);
            item
        })
        .collect();
    let year = fiscal_year(today);
    let mut warnings = Vec::new();
    match parse_date(&p.header.created) {
        Some(d) if fiscal_year(d) < year => warnings.push(Warning::BeforeYear {
            created: identity.created.clone(),
            year,
        }),
        Some(_) => {}
        None => warnings.push(Warning::NoDate),
    }
    if let Some(wanted) = wanted
        && super::register::older(&c.guideline_edition, wanted)
    {
        warnings.push(Warning::OlderEdition {
            edition: c.guideline_edition.clone(),
            wanted: wanted.to_string(),
        });
    }
    warnings.extend(note_warnings(&items));
    Entry {
        file: s.file.to_string(),
        received: s.received.to_string(),
        identity,
        verdict: check.verdict(),
        items,
        warnings,
        copies: s.copies,
    }
}

/// Builds the dossier of `sources` against `profile` on `today`; `wanted` is the guideline
/// edition the register asks for. Systems by name (those without one last), statements by
/// vendor within a system.
pub fn build(
    sources: Vec<Source<'_>>,
    profile: &Profile,
    file: &DossierFile,
    today: Date,
    wanted: Option<&str>,
) -> Dossier {
    let mut sections: Vec<Section> = Vec::new();
    for s in sources {
        let system = s.system.trim().to_string();
        let e = entry(s, profile, file, today, wanted);
        match sections.iter_mut().find(|x| x.system == system) {
            Some(section) => section.entries.push(e),
            None => sections.push(Section {
                system,
                entries: vec![e],
            }),
        }
    }
    sections
        .sort_by(|a, b| (a.system.is_empty(), &a.system).cmp(&(b.system.is_empty(), &b.system)));
    for s in &mut sections {
        s.entries
            .sort_by(|a, b| (&a.identity.vendor, &a.file).cmp(&(&b.identity.vendor, &b.file)));
    }
    let totals = totals(&sections);
    Dossier {
        fiscal_year: fiscal_year(today),
        today,
        profile: profile.name.clone(),
        sections,
        totals,
    }
}

fn totals(sections: &[Section]) -> Totals {
    let mut t = Totals {
        systems: sections.len(),
        ..Totals::default()
    };
    for e in sections.iter().flat_map(|s| &s.entries) {
        t.statements += 1;
        match e.verdict {
            Verdict::Within => t.within += 1,
            Verdict::Outside { .. } => t.outside += 1,
            Verdict::Incomplete { .. } => t.incomplete += 1,
        }
        t.items += e.items.len();
        t.assessed += e.items.iter().filter(|i| i.assessed()).count();
        t.overdue += e.items.iter().filter(|i| i.overdue).count();
        if !e.warnings.is_empty() {
            t.warned += 1;
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn day(year: i32, month: u32, d: u32) -> Date {
        Date {
            year,
            month,
            day: d,
        }
    }

    #[test]
    fn the_fiscal_year_runs_april_to_march() {
        assert_eq!(fiscal_year(day(2026, 4, 1)), 2026);
        assert_eq!(fiscal_year(day(2027, 3, 31)), 2026);
        assert_eq!(fiscal_year(day(2026, 3, 31)), 2025);
    }

    fn statement(created: &str) -> (Catalogue, Project) {
        let c = tiny();
        let mut p = Project::new(
            &c,
            Header {
                vendor: "A社".into(),
                created: created.into(),
                ..Header::default()
            },
            false,
        );
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        p.set_answer(&c, "p", None, AnswerValue::No, Some("未設置".into()))
            .unwrap();
        (c, p)
    }

    #[test]
    fn items_notes_and_warnings_follow_the_fiscal_year() {
        let (c, p) = statement("2026年3月31日");
        let mut profile = Profile::default_profile("病院");
        let today = day(2026, 12, 7);
        let mut file = DossierFile::default();
        let source = |copies| Source {
            signature: Default::default(),
            file: "a.json",
            system: "電子カルテ",
            received: "2026年4月10日",
            catalogue: &c,
            project: &p,
            copies,
        };
        let d = build(
            vec![source(Vec::new())],
            &profile,
            &file,
            today,
            Some("7.0"),
        );
        assert_eq!(d.fiscal_year, 2026);
        let e = &d.sections[0].entries[0];
        assert!(matches!(e.verdict, Verdict::Outside { .. }));
        // The option question (2) is unanswered; p (3, いいえ) is outside.
        let kinds: Vec<(&str, ItemKind)> = e
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("2", ItemKind::Unanswered),
                ("3", ItemKind::Outside(Weight::Required))
            ]
        );
        assert!(e.warnings.contains(&Warning::BeforeYear {
            created: "2026年3月31日".into(),
            year: 2026
        }));
        assert!(e.warnings.contains(&Warning::OlderEdition {
            edition: c.guideline_edition.clone(),
            wanted: "7.0".into()
        }));
        assert!(e.warnings.contains(&Warning::Unassessed { count: 2 }));
        // A note for p: assessed; past its 期限 while open, overdue.
        let note = RiskNote {
            assessment: "院内ネットワークのみ".into(),
            due: "令和8年11月30日".into(),
            fingerprint: e.identity.fingerprint.clone(),
            ..RiskNote::default()
        };
        file.notes
            .entry("a.json".into())
            .or_default()
            .insert("p".into(), note);
        let d = build(vec![source(Vec::new())], &profile, &file, today, None);
        let e = &d.sections[0].entries[0];
        let p_item = |e: &Entry| {
            e.items
                .iter()
                .find(|i| i.question_id == "p")
                .cloned()
                .unwrap()
        };
        assert!(p_item(e).assessed() && p_item(e).overdue);
        assert!(e.warnings.contains(&Warning::Overdue { count: 1 }));
        assert!(e.warnings.contains(&Warning::Unassessed { count: 1 }));
        assert_eq!(d.totals.overdue, 1);
        assert_eq!(d.totals.assessed, 1);
        // A profile that accepts いいえ for p: still an item (an accepted いいえ).
        profile.set_for_question(
            &c.id,
            c.question("p").unwrap(),
            vec![AnswerValue::Yes, AnswerValue::No],
            Weight::Required,
        );
        let d = build(vec![source(Vec::new())], &profile, &file, today, None);
        assert_eq!(p_item(&d.sections[0].entries[0]).kind, ItemKind::AcceptedNo);
        // Done: no longer overdue — also when only the notes are taken again.
        let mut d = build(vec![source(Vec::new())], &profile, &file, today, None);
        file.notes["a.json"]["p"].status = RiskStatus::Done;
        d.refresh(&file);
        assert!(!p_item(&d.sections[0].entries[0]).overdue);
        assert_eq!(d.totals.overdue, 0);
        assert!(
            !d.sections[0].entries[0]
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::Overdue { .. }))
        );
        assert_eq!(
            d,
            build(vec![source(Vec::new())], &profile, &file, today, None)
        );
        // A note for a statement no longer in the folder, or an item no longer one, is listed.
        assert!(d.orphans(&file).is_empty());
        file.notes
            .entry("gone.json".into())
            .or_default()
            .insert("q9".into(), RiskNote::default());
        file.notes["a.json"].insert("g1".into(), RiskNote::default());
        assert_eq!(d.orphans(&file), [("a.json", "g1"), ("gone.json", "q9")]);
    }

    #[test]
    fn systems_are_sorted_with_the_unnamed_last_and_counted() {
        let (c, p) = statement("2026年5月1日");
        let profile = Profile::default_profile("病院");
        let src = |file, system| Source {
            signature: Default::default(),
            file,
            system,
            received: "",
            catalogue: &c,
            project: &p,
            copies: Vec::new(),
        };
        let d = build(
            vec![
                src("x.json", ""),
                src("b.json", "PACS"),
                src("a.json", "PACS"),
                src("c.json", "検査"),
            ],
            &profile,
            &DossierFile::default(),
            day(2026, 12, 7),
            None,
        );
        let systems: Vec<&str> = d.sections.iter().map(|s| s.system.as_str()).collect();
        assert_eq!(systems, ["PACS", "検査", ""]);
        assert_eq!(d.sections[0].entries[0].file, "a.json");
        assert_eq!(
            (d.totals.systems, d.totals.statements, d.totals.outside),
            (3, 4, 4)
        );
        assert_eq!(d.totals.items, 8);
    }
}
