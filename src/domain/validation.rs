//! Validation of a project against its catalogue, and the gate logic it relies on.

use serde::Serialize;

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, Question};
use super::date::parse_date;
use super::project::{AnswerDate, Header, HeaderField, Project};
use super::text::{format_chars, is_blank, visible};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FindingKind {
    /// Not answered yet: the statement is incomplete.
    Unanswered,
    /// いいえ or 対象外 without a 備考.
    RemarkMissing { value: AnswerValue },
    /// Under a gate answered otherwise (e.g. 非該当): exported as 対象外.
    GatedOff { gate_number: String },
    /// The project answers a question id the catalogue lacks.
    UnknownQuestion,
    /// The project answers an option the question lacks.
    UnknownOption { option: String },
    /// A value the question cannot take (e.g. 該当 on a はい/いいえ question).
    InvalidValue { value: AnswerValue },
    /// Carried forward from an earlier statement; to be re-checked and confirmed.
    Recheck,
    /// Filled from an answer library and not yet confirmed.
    RecheckLibrary,
    /// A 確認日 or 目標日 that reads as no date (和暦 and 西暦 in the usual forms are read).
    DateUnreadable { which: AnswerDate, text: String },
    /// A condition (条件付き回答) on a question left unanswered: a condition of nothing.
    ConditionWithoutAnswer { condition: String },
    /// A condition a workbook's remark cell cannot give back as it is: holding 。 (where the
    /// condition ends in the cell) or a line break, or with blanks around it.
    ConditionNotKept { condition: String },
}

/// One finding: which question (number as printed, normalised), which option, how severe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub question_id: String,
    /// The question number (`"4.1.2"`); for an unknown id, the id itself.
    pub number: String,
    /// The option label, for findings about one option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    #[serde(flatten)]
    pub kind: FindingKind,
}

/// Where a question stands with respect to its gates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateState {
    /// No gate, or every gate above it holds its value, or a gate above it is still unanswered.
    Enabled,
    /// A gate above it (this id) holds another value: the question counts as 対象外.
    Disabled { gate_id: String },
}

/// Follows the chain of gates above `q`. A gate that is unanswered leaves the question enabled
/// (the user is asked to answer both).
pub fn gate_state(catalogue: &Catalogue, project: &Project, q: &Question) -> GateState {
    let mut current = q;
    // The catalogue check guarantees gates point backwards, so the chain ends; the bound guards
    // against an unchecked catalogue all the same.
    for _ in 0..=catalogue.question_count() {
        let Some(gate) = &current.gate else {
            return GateState::Enabled;
        };
        let Some(parent) = catalogue.question(&gate.question) else {
            return GateState::Enabled;
        };
        let held = project.value(&parent.id);
        if held.is_answered() && held != gate.value {
            return GateState::Disabled {
                gate_id: parent.id.clone(),
            };
        }
        current = parent;
    }
    GateState::Enabled
}

/// The value a question shows on the form: its own answer, or 対象外 under a closed gate.
pub fn effective_value(catalogue: &Catalogue, project: &Project, q: &Question) -> AnswerValue {
    match gate_state(catalogue, project, q) {
        GateState::Enabled => project.value(&q.id),
        GateState::Disabled { .. } => AnswerValue::NotApplicable,
    }
}

/// Whether a condition survives a workbook's remark cell, where it is followed by 。 and the
/// remark: no 。 or line break in it, no blanks around it.
pub fn condition_kept(condition: &str) -> bool {
    condition.trim() == condition && !condition.contains(['。', '\n', '\r'])
}

/// Checks a project against its catalogue. Findings come in catalogue order, unknown ids last.
pub fn validate(catalogue: &Catalogue, project: &Project) -> Vec<Finding> {
    let mut findings = Vec::new();
    for q in catalogue.questions() {
        let number = q.number_key();
        let finding = |severity, option: Option<&str>, kind| Finding {
            severity,
            question_id: q.id.clone(),
            number: number.clone(),
            option: option.map(str::to_string),
            kind,
        };
        if let GateState::Disabled { gate_id } = gate_state(catalogue, project, q) {
            let gate_number = catalogue
                .question(&gate_id)
                .map(Question::number_key)
                .unwrap_or(gate_id);
            findings.push(finding(
                Severity::Info,
                None,
                FindingKind::GatedOff { gate_number },
            ));
            continue;
        }
        let answer = project.answer(&q.id);
        let options = q.answer.options();
        if options.is_empty() {
            let value = answer.map(|a| a.value).unwrap_or_default();
            let remark = answer.map(|a| a.remark.as_str()).unwrap_or("");
            check_one(&mut findings, q, value, remark, &finding, None);
        } else {
            for o in options {
                let oa = answer.and_then(|a| a.options.get(&o.id));
                let value = oa.map(|a| a.value).unwrap_or_default();
                let remark = oa.map(|a| a.remark.as_str()).unwrap_or("");
                check_one(&mut findings, q, value, remark, &finding, Some(&o.label));
            }
        }
        if let Some(a) = answer.filter(|a| !a.condition.trim().is_empty() && !a.value.is_answered())
        {
            findings.push(finding(
                Severity::Warning,
                None,
                FindingKind::ConditionWithoutAnswer {
                    condition: a.condition.clone(),
                },
            ));
        }
        if let Some(a) = answer.filter(|a| !condition_kept(&a.condition)) {
            findings.push(finding(
                Severity::Warning,
                None,
                FindingKind::ConditionNotKept {
                    condition: a.condition.clone(),
                },
            ));
        }
        if let Some(a) = answer.filter(|a| a.recheck) {
            let from_library = a
                .carried
                .as_ref()
                .and_then(|c| c.chosen())
                .is_some_and(|c| c.library.is_some());
            let kind = match from_library {
                true => FindingKind::RecheckLibrary,
                false => FindingKind::Recheck,
            };
            findings.push(finding(Severity::Warning, None, kind));
        }
        for which in AnswerDate::ALL {
            let text = answer.map_or("", |a| a.date(which)).trim();
            if !text.is_empty() && parse_date(text).is_none() {
                findings.push(finding(
                    Severity::Warning,
                    None,
                    FindingKind::DateUnreadable {
                        which,
                        text: text.to_string(),
                    },
                ));
            }
        }
        if let Some(a) = answer {
            for key in a.options.keys() {
                if !options.iter().any(|o| &o.id == key) {
                    findings.push(finding(
                        Severity::Error,
                        None,
                        FindingKind::UnknownOption {
                            option: key.clone(),
                        },
                    ));
                }
            }
        }
    }
    for id in project.answers.keys() {
        if catalogue.question(id).is_none() {
            findings.push(Finding {
                severity: Severity::Error,
                question_id: id.clone(),
                number: id.clone(),
                option: None,
                kind: FindingKind::UnknownQuestion,
            });
        }
    }
    findings
}

fn check_one(
    findings: &mut Vec<Finding>,
    q: &Question,
    value: AnswerValue,
    remark: &str,
    finding: &dyn Fn(Severity, Option<&str>, FindingKind) -> Finding,
    option: Option<&str>,
) {
    if !value.is_answered() {
        findings.push(finding(Severity::Error, option, FindingKind::Unanswered));
    } else if !q.answer.allowed().contains(&value) {
        findings.push(finding(
            Severity::Error,
            option,
            FindingKind::InvalidValue { value },
        ));
    } else if matches!(value, AnswerValue::No | AnswerValue::NotApplicable)
        && remark.trim().is_empty()
    {
        findings.push(finding(
            Severity::Warning,
            option,
            FindingKind::RemarkMissing { value },
        ));
    }
}

/// What is wrong with a header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderProblem {
    /// Left empty (作成日, the vendor's and the product's name); a name of only invisible
    /// characters (spaces, zero-width spaces, …) is empty too.
    Missing,
    /// 作成日 that is not a real date (「あした」, 2月30日).
    NotADate,
    /// Holds format characters that draw nothing (zero-width spaces, joiners, bidi controls:
    /// [`super::text::is_format_char`]), so that it can look like another name.
    FormatCharacters,
}

/// A finding about the header block: an error, shown under the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderFinding {
    pub field: HeaderField,
    pub problem: HeaderProblem,
    /// For [`HeaderProblem::FormatCharacters`]: the field with each of them written out
    /// (`生成<U+200B>株式会社`, [`super::text::visible`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shown: Option<String>,
}

/// Checks the header: the vendor's and the product's names are present, 作成日 is a real date
/// as Japanese forms print it (和暦 too, see [`super::date::parse_date`]), and no field holds
/// characters that draw nothing. The text is left as the user typed it.
pub fn check_header(h: &Header) -> Vec<HeaderFinding> {
    let mut out = Vec::new();
    for field in HeaderField::ALL {
        let text = h.get(field);
        let required = matches!(
            field,
            HeaderField::Created | HeaderField::Vendor | HeaderField::Product
        );
        let problem = if required && is_blank(text) {
            Some(HeaderProblem::Missing)
        } else if !format_chars(text).is_empty() {
            Some(HeaderProblem::FormatCharacters)
        } else if field == HeaderField::Created && super::date::parse_date(text.trim()).is_none() {
            Some(HeaderProblem::NotADate)
        } else {
            None
        };
        if let Some(problem) = problem {
            out.push(HeaderFinding {
                field,
                problem,
                shown: (problem == HeaderProblem::FormatCharacters).then(|| visible(text)),
            });
        }
    }
    out
}

/// Counts per severity: (errors, warnings, infos).
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, i), f| match f.severity {
            Severity::Error => (e + 1, w, i),
            Severity::Warning => (e, w + 1, i),
            Severity::Info => (e, w, i + 1),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::{Answer, Header};

    #[test]
    fn a_condition_a_workbook_cannot_give_back_is_a_finding() {
        assert!(condition_kept("オプション契約時"));
        assert!(!condition_kept("オプション契約時。"));
        assert!(!condition_kept("A。B"));
        assert!(!condition_kept(" 次期から"));
        assert!(!condition_kept("一行目\n二行目"));
        let c = crate::domain::catalogue::tests::tiny();
        let mut p = Project::new(&c, crate::domain::project::Header::default(), false);
        p.set_answer(&c, "p", None, AnswerValue::Yes, None).unwrap();
        p.answers.get_mut("p").unwrap().condition = "契約時。".into();
        assert!(
            validate(&c, &p)
                .iter()
                .any(|f| matches!(f.kind, FindingKind::ConditionNotKept { .. }))
        );
    }

    fn answered() -> (Catalogue, Project) {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        p.set_answer(&c, "o", Some("pw"), AnswerValue::Yes, None)
            .unwrap();
        p.set_answer(
            &c,
            "o",
            Some("bio"),
            AnswerValue::No,
            Some("顔認証なし".into()),
        )
        .unwrap();
        p.set_answer(&c, "p", None, AnswerValue::Yes, None).unwrap();
        (c, p)
    }

    #[test]
    fn a_condition_without_an_answer_is_a_finding() {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        p.answers.entry("p".into()).or_default().condition = "オプション契約時".into();
        let found: Vec<_> = validate(&c, &p)
            .into_iter()
            .filter(|f| matches!(f.kind, FindingKind::ConditionWithoutAnswer { .. }))
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].number, "3");
        p.set_answer(&c, "p", None, AnswerValue::Yes, None).unwrap();
        assert!(
            validate(&c, &p)
                .iter()
                .all(|f| !matches!(f.kind, FindingKind::ConditionWithoutAnswer { .. }))
        );
    }

    #[test]
    fn header_names_and_date_are_checked() {
        let mut h = Header {
            created: "あした".into(),
            ..Header::default()
        };
        let problems = |h: &Header| {
            check_header(h)
                .iter()
                .map(|f| (f.field, f.problem))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            problems(&h),
            vec![
                (HeaderField::Created, HeaderProblem::NotADate),
                (HeaderField::Vendor, HeaderProblem::Missing),
                (HeaderField::Product, HeaderProblem::Missing),
            ]
        );
        h.vendor = "株式会社".into();
        h.product = " ".into();
        h.created = "令和8年11月23日".into();
        assert_eq!(
            problems(&h),
            vec![(HeaderField::Product, HeaderProblem::Missing)]
        );
        h.product = "製品".into();
        for ok in ["R8.11.23", "2026年11月23日", "２０２６/１１/２３"] {
            h.created = ok.into();
            assert_eq!(problems(&h), vec![], "{ok}");
        }
        for bad in ["2026年2月30日", "", "令和"] {
            h.created = bad.into();
            assert_eq!(problems(&h).len(), 1, "{bad}");
        }
    }

    #[test]
    fn invisible_characters_in_the_header_are_found_and_shown() {
        let mut h = Header {
            created: "2026年11月23日".into(),
            vendor: "生成\u{200B}株式会社".into(),
            product: "製品\u{202E}txt.exe".into(),
            version: "1.0\u{2060}".into(),
            contact: Some("\u{FEFF}".into()),
        };
        let found = check_header(&h);
        assert_eq!(
            found
                .iter()
                .map(|f| (f.field, f.problem, f.shown.as_deref().unwrap_or("")))
                .collect::<Vec<_>>(),
            vec![
                (
                    HeaderField::Vendor,
                    HeaderProblem::FormatCharacters,
                    "生成<U+200B>株式会社"
                ),
                (
                    HeaderField::Product,
                    HeaderProblem::FormatCharacters,
                    "製品<U+202E>txt.exe"
                ),
                (
                    HeaderField::Version,
                    HeaderProblem::FormatCharacters,
                    "1.0<U+2060>"
                ),
                (
                    HeaderField::Contact,
                    HeaderProblem::FormatCharacters,
                    "<U+FEFF>"
                ),
            ]
        );
        // A name of nothing but invisible characters is empty.
        h.vendor = "\u{200B}\u{3000}\u{200D}".into();
        h.product = "製品".into();
        h.version = "1.0".into();
        h.contact = None;
        let found = check_header(&h);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].field, found[0].problem, found[0].shown.as_deref()),
            (HeaderField::Vendor, HeaderProblem::Missing, None)
        );
        h.created = "2026年11月\u{200B}23日".into();
        assert_eq!(check_header(&h)[0].problem, HeaderProblem::FormatCharacters);
    }

    #[test]
    fn complete_project_has_no_findings() {
        let (c, p) = answered();
        assert_eq!(validate(&c, &p), vec![]);
    }

    #[test]
    fn unanswered_is_an_error_per_question_and_option() {
        let (c, mut p) = answered();
        p.set_answer(&c, "p", None, AnswerValue::Unanswered, None)
            .unwrap();
        p.set_answer(&c, "o", Some("pw"), AnswerValue::Unanswered, None)
            .unwrap();
        let f = validate(&c, &p);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].number, "2");
        assert_eq!(f[0].option.as_deref(), Some("記憶ID(パスワード等)"));
        assert_eq!(f[0].kind, FindingKind::Unanswered);
        assert_eq!(f[0].severity, Severity::Error);
        assert_eq!(f[1].number, "3");
        assert_eq!(counts(&f), (2, 0, 0));
    }

    #[test]
    fn no_or_na_without_remark_is_a_warning() {
        let (c, mut p) = answered();
        p.set_answer(&c, "p", None, AnswerValue::NotApplicable, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::No, None).unwrap();
        let f = validate(&c, &p);
        assert_eq!(
            f.iter()
                .map(|f| (f.number.as_str(), f.severity, f.kind.clone()))
                .collect::<Vec<_>>(),
            vec![
                (
                    "1.1",
                    Severity::Warning,
                    FindingKind::RemarkMissing {
                        value: AnswerValue::No
                    }
                ),
                (
                    "3",
                    Severity::Warning,
                    FindingKind::RemarkMissing {
                        value: AnswerValue::NotApplicable
                    }
                ),
            ]
        );
        p.set_answer(&c, "p", None, AnswerValue::NotApplicable, Some("  ".into()))
            .unwrap();
        assert_eq!(validate(&c, &p).len(), 2, "blank remark counts as missing");
    }

    #[test]
    fn gated_off_questions_are_info_and_count_as_na() {
        let (c, mut p) = answered();
        p.set_answer(&c, "g", None, AnswerValue::DoesNotApply, None)
            .unwrap();
        p.set_answer(&c, "g1", None, AnswerValue::Unanswered, None)
            .unwrap();
        let f = validate(&c, &p);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Info);
        assert_eq!(
            f[0].kind,
            FindingKind::GatedOff {
                gate_number: "1".into()
            }
        );
        let g1 = c.question("g1").unwrap();
        assert_eq!(effective_value(&c, &p, g1), AnswerValue::NotApplicable);
        // Switching the gate back brings the stored answer back.
        p.set_answer(&c, "g1", None, AnswerValue::Yes, None)
            .unwrap();
        assert_eq!(effective_value(&c, &p, g1), AnswerValue::NotApplicable);
        p.set_answer(&c, "g", None, AnswerValue::Applies, None)
            .unwrap();
        assert_eq!(effective_value(&c, &p, g1), AnswerValue::Yes);
        // An unanswered gate leaves the question open.
        p.set_answer(&c, "g", None, AnswerValue::Unanswered, None)
            .unwrap();
        assert_eq!(gate_state(&c, &p, g1), GateState::Enabled);
    }

    #[test]
    fn unknown_ids_options_and_invalid_values_are_errors() {
        let (c, mut p) = answered();
        p.answers.insert("ghost".into(), Answer::default());
        p.answers["o"]
            .options
            .insert("iris".into(), Default::default());
        p.answers["p"].value = AnswerValue::Applies;
        let f = validate(&c, &p);
        let kinds: Vec<_> = f
            .iter()
            .map(|f| (f.number.as_str(), f.kind.clone()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (
                    "2",
                    FindingKind::UnknownOption {
                        option: "iris".into()
                    }
                ),
                (
                    "3",
                    FindingKind::InvalidValue {
                        value: AnswerValue::Applies
                    }
                ),
                ("ghost", FindingKind::UnknownQuestion),
            ]
        );
        assert!(f.iter().all(|f| f.severity == Severity::Error));
    }
}
