//! The catalogue: the questions of one form (MDS or SDS, one form version), as data.
//!
//! A catalogue is never Rust code: the shipped ones are JSON files under `assets/catalogues/`,
//! trainers write their own, and the Excel importer produces them from the official workbook.
//! The JSON format is described in `docs/FORMATS.md`.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};
pub use super::catalogue_issue::{CatalogueIssue, MAX_GATE_DEPTH, MAX_QUESTIONS};
use super::refs::{RefGroup, split_trailing_ref};
use super::text::{normalize_number, same_label};

/// The `format` marker of a catalogue file.
pub const CATALOGUE_FORMAT: &str = "kaijisho-catalogue";
/// The catalogue file format version this build writes and reads.
pub const CATALOGUE_FORMAT_VERSION: u32 = 1;

/// The form: MDS (製造業者, a product) or SDS (サービス事業者, a service) — the disclosure
/// statements — or one of the other checklists a vendor fills for a hospital, imported from
/// the user's workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    #[serde(rename = "MDS")]
    Mds,
    #[serde(rename = "SDS")]
    Sds,
    /// A checklist the vendor confirms item by item for a hospital (the 事業者確認用 shape:
    /// 確認結果, 確認日, 目標日).
    #[serde(rename = "checklist")]
    Checklist,
    /// A list of check items like guideline 7.0's 【別紙】 (No. | 区分 | 確認事項 | 回答 | 根拠).
    #[serde(rename = "appendix")]
    Appendix,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Mds, Kind::Sds, Kind::Checklist, Kind::Appendix];

    pub fn key(self) -> &'static str {
        match self {
            Kind::Mds => "MDS",
            Kind::Sds => "SDS",
            Kind::Checklist => "checklist",
            Kind::Appendix => "appendix",
        }
    }

    /// An MDS or SDS: the JAHIS/JIRA disclosure statement (its title, edition line and
    /// disclaimer are printed).
    pub fn is_disclosure(self) -> bool {
        matches!(self, Kind::Mds | Kind::Sds)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Which statements a question is asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Scope {
    #[serde(rename = "MDS")]
    Mds,
    #[serde(rename = "SDS")]
    Sds,
    #[default]
    #[serde(rename = "both")]
    Both,
}

/// Where the catalogue's text comes from — shown to the user so that nothing invented passes
/// for official text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// Read from an official workbook the user has.
    OfficialWorkbookImport,
    /// Transcribed from an excerpt shown in a public seed document.
    SeedExcerpt,
    /// Written by this project or by a trainer: not official text.
    ProjectAuthored,
}

impl ProvenanceKind {
    pub fn key(self) -> &'static str {
        match self {
            ProvenanceKind::OfficialWorkbookImport => "official_workbook_import",
            ProvenanceKind::SeedExcerpt => "seed_excerpt",
            ProvenanceKind::ProjectAuthored => "project_authored",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    #[serde(rename = "type")]
    pub kind: ProvenanceKind,
    /// Human-readable description of the source.
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One option of an option-list question (e.g. 記憶ID(パスワード等) under 4.1 認証方法).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QOption {
    pub id: String,
    pub label: String,
}

/// How a question is answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerKind {
    /// はい / いいえ / 対象外.
    YesNoNa,
    /// 該当 / 非該当; switches the questions gated on it.
    Gate,
    /// Each option answered はい / いいえ / 対象外 on its own.
    Options(Vec<QOption>),
}

impl AnswerKind {
    /// The values (besides 未回答) a question of this kind, or one of its options, takes.
    pub fn allowed(&self) -> &'static [AnswerValue] {
        match self {
            AnswerKind::YesNoNa | AnswerKind::Options(_) => &YES_NO_NA,
            AnswerKind::Gate => &GATE_VALUES,
        }
    }

    pub fn options(&self) -> &[QOption] {
        match self {
            AnswerKind::Options(o) => o,
            _ => &[],
        }
    }
}

/// A question is enabled only while the gate question holds `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    pub question: String,
    pub value: AnswerValue,
}

/// One question row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "QuestionRepr", into = "QuestionRepr")]
pub struct Question {
    /// Stable id, independent of the printed number.
    pub id: String,
    /// The number as printed (`"4. 1. 2."` or `"4.1.2"`).
    pub number: String,
    /// The question text without its trailing guideline reference.
    pub text: String,
    /// The guideline reference as printed plus its parsed form.
    pub refs: Option<RefGroup>,
    pub answer: AnswerKind,
    pub gate: Option<Gate>,
    /// 記入上の注意.
    pub note: Option<String>,
    pub scope: Scope,
}

impl Question {
    /// The printed number normalised (`"4.1.2"`); the number as shown (without spaces) when it
    /// is not a dotted number (Ⅱ-1, (ア), 第1章).
    pub fn number_key(&self) -> String {
        normalize_number(&self.number)
            .or_else(|| shown_number(&self.number))
            .unwrap_or_else(|| self.number.trim().to_string())
    }

    /// The raw reference as printed, if any.
    pub fn ref_raw(&self) -> Option<&str> {
        self.refs.as_ref().map(|r| r.raw.as_str())
    }

    /// The text with its reference, as printed on the form.
    pub fn full_text(&self) -> String {
        join_ref(&self.text, self.ref_raw())
    }

    /// Finds an option by id, by label (width-folded, leading dash ignored) or by 1-based index.
    pub fn find_option(&self, key: &str) -> Option<&QOption> {
        let options = self.answer.options();
        options
            .iter()
            .find(|o| o.id == key)
            .or_else(|| options.iter().find(|o| same_label(&o.label, key)))
            .or_else(|| {
                let n: usize = key.trim().parse().ok()?;
                options.get(n.checked_sub(1)?)
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
enum AnswerKindTag {
    #[default]
    YesNoNa,
    Gate,
    Options,
}

/// The file form of a question: `ref` may be omitted when the text ends in its reference.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionRepr {
    id: String,
    number: String,
    text: String,
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(default)]
    answer: AnswerKindTag,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    options: Vec<QOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    gate: Option<Gate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "is_both")]
    scope: Scope,
}

fn is_both(s: &Scope) -> bool {
    *s == Scope::Both
}

/// Splits `text` and its reference: an explicit `ref` wins; otherwise a trailing reference is
/// taken off the text.
fn text_and_refs(text: String, reference: Option<String>) -> (String, Option<RefGroup>) {
    match reference {
        Some(r) if !r.trim().is_empty() => (text.trim().to_string(), Some(RefGroup::parse(&r))),
        _ => {
            let (body, group) = split_trailing_ref(&text);
            (body.trim().to_string(), group)
        }
    }
}

impl From<QuestionRepr> for Question {
    fn from(r: QuestionRepr) -> Self {
        let (text, refs) = text_and_refs(r.text, r.reference);
        // An options list makes an option question even when `answer` was left out; an
        // `answer: "options"` with an empty list is kept as such and reported by `check`.
        let answer = match (r.answer, r.options.is_empty()) {
            (AnswerKindTag::Gate, _) => AnswerKind::Gate,
            (AnswerKindTag::Options, _) | (AnswerKindTag::YesNoNa, false) => {
                AnswerKind::Options(r.options)
            }
            (AnswerKindTag::YesNoNa, true) => AnswerKind::YesNoNa,
        };
        Question {
            id: r.id,
            number: r.number,
            text,
            refs,
            answer,
            gate: r.gate,
            note: r.note,
            scope: r.scope,
        }
    }
}

impl From<Question> for QuestionRepr {
    fn from(q: Question) -> Self {
        let (answer, options) = match q.answer {
            AnswerKind::YesNoNa => (AnswerKindTag::YesNoNa, Vec::new()),
            AnswerKind::Gate => (AnswerKindTag::Gate, Vec::new()),
            AnswerKind::Options(o) => (AnswerKindTag::Options, o),
        };
        QuestionRepr {
            id: q.id,
            number: q.number,
            text: q.text,
            reference: q.refs.map(|r| r.raw),
            answer,
            options,
            gate: q.gate,
            note: q.note,
            scope: q.scope,
        }
    }
}

/// A section row (e.g. 技術的安全対策 (6.5)) and the questions under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "SectionRepr", into = "SectionRepr")]
pub struct Section {
    pub title: String,
    pub refs: Option<RefGroup>,
    pub questions: Vec<Question>,
}

impl Section {
    pub fn full_title(&self) -> String {
        join_ref(&self.title, self.refs.as_ref().map(|r| r.raw.as_str()))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionRepr {
    title: String,
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(default)]
    questions: Vec<Question>,
}

impl From<SectionRepr> for Section {
    fn from(r: SectionRepr) -> Self {
        let (title, refs) = text_and_refs(r.title, r.reference);
        Section {
            title,
            refs,
            questions: r.questions,
        }
    }
}

impl From<Section> for SectionRepr {
    fn from(s: Section) -> Self {
        SectionRepr {
            title: s.title,
            reference: s.refs.map(|r| r.raw),
            questions: s.questions,
        }
    }
}

/// A whole catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "CatalogueRepr", into = "CatalogueRepr")]
pub struct Catalogue {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    /// Form version, e.g. `"4.1"`, `"5.0"`.
    pub form_version: String,
    /// Guideline edition the references cite, e.g. `"5.2"`, `"6.0"`, `"7.0"`.
    pub guideline_edition: String,
    pub provenance: Provenance,
    pub sections: Vec<Section>,
    /// Question id → (section index, question index). Derived; rebuilt on every change.
    index: HashMap<String, (usize, usize)>,
}

impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.title == other.title
            && self.kind == other.kind
            && self.form_version == other.form_version
            && self.guideline_edition == other.guideline_edition
            && self.provenance == other.provenance
            && self.sections == other.sections
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueRepr {
    format: String,
    format_version: u32,
    id: String,
    title: String,
    kind: Kind,
    form_version: String,
    guideline_edition: String,
    provenance: Provenance,
    sections: Vec<Section>,
}

impl From<CatalogueRepr> for Catalogue {
    fn from(r: CatalogueRepr) -> Self {
        Catalogue::new(
            r.id,
            r.title,
            r.kind,
            r.form_version,
            r.guideline_edition,
            r.provenance,
            r.sections,
        )
    }
}

impl From<Catalogue> for CatalogueRepr {
    fn from(c: Catalogue) -> Self {
        CatalogueRepr {
            format: CATALOGUE_FORMAT.to_string(),
            format_version: CATALOGUE_FORMAT_VERSION,
            id: c.id,
            title: c.title,
            kind: c.kind,
            form_version: c.form_version,
            guideline_edition: c.guideline_edition,
            provenance: c.provenance,
            sections: c.sections,
        }
    }
}

/// What the content hash covers: everything that changes what a statement means, not the title
/// or the provenance.
#[derive(Serialize)]
struct HashView<'a> {
    id: &'a str,
    kind: Kind,
    form_version: &'a str,
    guideline_edition: &'a str,
    sections: &'a [Section],
}

impl Catalogue {
    pub fn new(
        id: String,
        title: String,
        kind: Kind,
        form_version: String,
        guideline_edition: String,
        provenance: Provenance,
        sections: Vec<Section>,
    ) -> Catalogue {
        let mut c = Catalogue {
            id,
            title,
            kind,
            form_version,
            guideline_edition,
            provenance,
            sections,
            index: HashMap::new(),
        };
        c.reindex();
        c
    }

    /// Rebuilds the id index; call after changing `sections` directly.
    pub fn reindex(&mut self) {
        self.index.clear();
        for (si, s) in self.sections.iter().enumerate() {
            for (qi, q) in s.questions.iter().enumerate() {
                self.index.entry(q.id.clone()).or_insert((si, qi));
            }
        }
    }

    /// Every question in catalogue order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        let (s, q) = *self.index.get(id)?;
        self.sections.get(s)?.questions.get(q)
    }

    /// The section a question belongs to.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        let (s, _) = *self.index.get(id)?;
        self.sections.get(s)
    }

    /// Finds a question by its printed number in any spelling (`"4. 1. 2."`, `"４．１．２"`).
    pub fn find_by_number(&self, number: &str) -> Option<&Question> {
        let key = normalize_number(number).unwrap_or_else(|| number.trim().to_string());
        self.questions().find(|q| q.number_key() == key)
    }

    /// SHA-256 over the content that gives a statement its meaning (see [`HashView`]),
    /// written as `sha256:<hex>`.
    pub fn content_hash(&self) -> String {
        let view = HashView {
            id: &self.id,
            kind: self.kind,
            form_version: &self.form_version,
            guideline_edition: &self.guideline_edition,
            sections: &self.sections,
        };
        // Serialising plain data to a Vec cannot fail; an empty hash input would still give a
        // hash that matches no real catalogue.
        let bytes = serde_json::to_vec(&view).unwrap_or_default();
        format!("sha256:{}", hex(&Sha256::digest(&bytes)))
    }

    /// Checks the structure: ids and numbers unique, options present, gates pointing back to an
    /// earlier question with a value it can take.
    pub fn check(&self) -> Vec<CatalogueIssue> {
        let mut issues = Vec::new();
        if self.id.trim().is_empty() {
            issues.push(CatalogueIssue::EmptyId);
        }
        let count = self.question_count();
        if count == 0 {
            issues.push(CatalogueIssue::NoQuestions);
        }
        if count > MAX_QUESTIONS {
            return vec![CatalogueIssue::TooManyQuestions { count }];
        }
        let mut seen_ids: HashMap<&str, usize> = HashMap::new();
        let mut seen_numbers: HashMap<String, &str> = HashMap::new();
        // Every question's place, looked up (not searched) for each gate: linear in the size.
        let mut positions: HashMap<&str, usize> = HashMap::new();
        for (pos, q) in self.questions().enumerate() {
            positions.entry(q.id.as_str()).or_insert(pos);
        }
        // How many gates stand above each question (computed in order: gates point backwards).
        let mut depth: HashMap<&str, usize> = HashMap::new();
        for (pos, q) in self.questions().enumerate() {
            if seen_ids.insert(q.id.as_str(), pos).is_some() || q.id.trim().is_empty() {
                issues.push(CatalogueIssue::DuplicateId { id: q.id.clone() });
            }
            match normalize_number(&q.number).or_else(|| shown_number(&q.number)) {
                None => issues.push(CatalogueIssue::BadNumber {
                    id: q.id.clone(),
                    number: q.number.clone(),
                }),
                Some(n) => {
                    if let Some(first) = seen_numbers.insert(n.clone(), &q.id) {
                        issues.push(CatalogueIssue::DuplicateNumber {
                            number: n,
                            first: first.to_string(),
                            second: q.id.clone(),
                        });
                    }
                }
            }
            if q.text.trim().is_empty() {
                issues.push(CatalogueIssue::EmptyText { id: q.id.clone() });
            }
            if let AnswerKind::Options(options) = &q.answer {
                if options.is_empty() {
                    issues.push(CatalogueIssue::NoOptions { id: q.id.clone() });
                }
                let mut ids = std::collections::HashSet::new();
                for o in options {
                    if !ids.insert(o.id.as_str()) || o.id.trim().is_empty() {
                        issues.push(CatalogueIssue::DuplicateOption {
                            id: q.id.clone(),
                            option: o.id.clone(),
                        });
                    }
                }
            }
            if let Some(gate) = &q.gate {
                let above = depth.get(gate.question.as_str()).map_or(1, |d| d + 1);
                depth.insert(q.id.as_str(), above);
                if above == MAX_GATE_DEPTH + 1 {
                    issues.push(CatalogueIssue::GateTooDeep {
                        id: q.id.clone(),
                        depth: above,
                    });
                }
                match positions.get(gate.question.as_str()).copied() {
                    None => issues.push(CatalogueIssue::GateUnknown {
                        id: q.id.clone(),
                        gate: gate.question.clone(),
                    }),
                    Some(gpos) if gpos >= pos => issues.push(CatalogueIssue::GateNotBefore {
                        id: q.id.clone(),
                        gate: gate.question.clone(),
                    }),
                    Some(_) => {
                        let allowed = self
                            .question(&gate.question)
                            .map(|g| g.answer.allowed().contains(&gate.value))
                            .unwrap_or(false);
                        if !allowed {
                            issues.push(CatalogueIssue::GateValue {
                                id: q.id.clone(),
                                gate: gate.question.clone(),
                                value: gate.value,
                            });
                        }
                    }
                }
            }
        }
        issues
    }
}

/// A text followed by its reference; a space keeps two parentheses apart
/// (`…(体制、運用管理規程) (6.3)`).
fn join_ref(text: &str, reference: Option<&str>) -> String {
    match reference {
        Some(r) if text.ends_with([')', '）']) => format!("{text} {r}"),
        Some(r) => format!("{text}{r}"),
        None => text.to_string(),
    }
}

/// Lower-case hex of a byte string.
pub fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            s.extend(char::from_digit(u32::from(nibble), 16));
        }
    }
    s
}

/// A number kept as shown (Ⅱ-1, (ア), 第1章), as the key it is told apart by: without spaces;
/// `None` when blank, longer than 32 characters or holding a control character.
pub fn shown_number(s: &str) -> Option<String> {
    let key: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let fine = !key.is_empty() && key.chars().count() <= 32 && !key.chars().any(char::is_control);
    fine.then_some(key)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn tiny() -> Catalogue {
        let json = r#"{
          "format": "kaijisho-catalogue", "format_version": 1,
          "id": "t", "title": "テスト", "kind": "SDS", "form_version": "4.1",
          "guideline_edition": "5.2",
          "provenance": {"type": "project_authored", "source": "test"},
          "sections": [
            {"title": "外部保存(8.)", "questions": [
              {"id": "g", "number": "1", "text": "外部保存を受託するか?(8.3)", "answer": "gate"},
              {"id": "g1", "number": "1. 1", "text": "満たすか?(8.3.C1(1)~(5))",
               "gate": {"question": "g", "value": "該当"}}
            ]},
            {"title": "技術的安全対策", "ref": "(6.5)", "questions": [
              {"id": "o", "number": "2", "text": "認証方法は?(6.5.C1)",
               "options": [{"id": "pw", "label": "記憶ID(パスワード等)"},
                           {"id": "bio", "label": "生体認証(顔認証)"}]},
              {"id": "p", "number": "3", "text": "設置しているか?", "ref": "(6.3.C1)",
               "note": "記入上の注意"}
            ]}
          ]
        }"#;
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn reads_refs_from_text_or_field() {
        let c = tiny();
        assert!(c.check().is_empty(), "{:?}", c.check());
        let g1 = c.question("g1").unwrap();
        assert_eq!(g1.text, "満たすか?");
        assert_eq!(g1.ref_raw(), Some("(8.3.C1(1)~(5))"));
        assert_eq!(g1.number_key(), "1.1");
        assert_eq!(c.sections[0].title, "外部保存");
        assert_eq!(c.sections[1].refs.as_ref().unwrap().raw, "(6.5)");
        assert!(
            matches!(c.question("o").unwrap().answer, AnswerKind::Options(ref o) if o.len() == 2)
        );
        assert_eq!(c.find_by_number("１．１").unwrap().id, "g1");
        assert_eq!(c.find_by_number("1. 1.").unwrap().id, "g1");
    }

    #[test]
    fn round_trips_and_hash_is_stable() {
        let c = tiny();
        let json = serde_json::to_string_pretty(&c).unwrap();
        let back: Catalogue = serde_json::from_str(&json).unwrap();
        assert_eq!(back, c);
        assert_eq!(back.content_hash(), c.content_hash());
        assert!(c.content_hash().starts_with("sha256:"));
        let mut changed = c.clone();
        changed.sections[1].questions[1].text.push('。');
        assert_ne!(changed.content_hash(), c.content_hash());
        let mut retitled = c.clone();
        retitled.title = "別名".into();
        assert_eq!(retitled.content_hash(), c.content_hash());
    }

    #[test]
    fn finds_options_by_id_label_or_index() {
        let c = tiny();
        let q = c.question("o").unwrap();
        assert_eq!(q.find_option("bio").unwrap().id, "bio");
        assert_eq!(q.find_option("-記憶ID（パスワード等）").unwrap().id, "pw");
        assert_eq!(q.find_option("2").unwrap().id, "bio");
        assert!(q.find_option("3").is_none());
        assert!(q.find_option("0").is_none());
    }

    #[test]
    fn check_reports_structural_problems() {
        let mut c = tiny();
        c.sections[1].questions[1].number = "1.1".into();
        c.sections[1].questions[0].answer = AnswerKind::Options(vec![]);
        c.sections[0].questions[1].gate = Some(Gate {
            question: "g".into(),
            value: AnswerValue::Yes,
        });
        c.sections[0].questions[0].gate = Some(Gate {
            question: "p".into(),
            value: AnswerValue::Yes,
        });
        c.reindex();
        let issues = c.check();
        assert!(issues.contains(&CatalogueIssue::DuplicateNumber {
            number: "1.1".into(),
            first: "g1".into(),
            second: "p".into()
        }));
        assert!(issues.contains(&CatalogueIssue::NoOptions { id: "o".into() }));
        assert!(issues.contains(&CatalogueIssue::GateValue {
            id: "g1".into(),
            gate: "g".into(),
            value: AnswerValue::Yes
        }));
        assert!(issues.contains(&CatalogueIssue::GateNotBefore {
            id: "g".into(),
            gate: "p".into()
        }));
    }

    #[test]
    fn rejects_unknown_fields() {
        let err = serde_json::from_str::<Catalogue>(
            r#"{"format":"kaijisho-catalogue","format_version":1,"id":"x","title":"x",
            "kind":"MDS","form_version":"1","guideline_edition":"5.2",
            "provenance":{"type":"project_authored","source":"s"},
            "sections":[{"title":"s","questions":[{"id":"a","number":"1","text":"t","colour":"red"}]}]}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
