//! Acceptance profiles: what a hospital accepts as answers (安全管理ガイドライン 第7.0版
//! 保守委託機関編: prefer vendors answering the 別紙 items はい or 対象外; a いいえ to a required item
//! obliges the hospital to assess the risk itself), and the check of statements against one.
//!
//! A profile holds rules matched to questions by id, number, guideline reference or chapter, and
//! an optional default for every other question. The item list itself is the hospital's (or
//! MHLW's) text: kaijisho ships only a default profile, "every question: はい or 対象外".

use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, Question};
use super::project::Project;
use super::summary::shown_values;
use super::text::fold_width;
use super::validation::{GateState, gate_state};

/// The `format` of a profile file.
pub const PROFILE_FORMAT: &str = "kaijisho-profile";
pub const PROFILE_FORMAT_VERSION: u32 = 1;
/// The most rules a profile may hold (a full MDS + SDS is a few hundred questions).
pub const MAX_RULES: usize = 10_000;

/// How much a rule weighs: a 必須 item answered outside the profile needs the hospital's own
/// risk assessment; a 推奨 one is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Weight {
    #[default]
    #[serde(rename = "必須", alias = "required")]
    Required,
    #[serde(rename = "推奨", alias = "recommended")]
    Recommended,
}

impl Weight {
    pub fn label(self) -> &'static str {
        match self {
            Weight::Required => "必須",
            Weight::Recommended => "推奨",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Weight::Required => "required",
            Weight::Recommended => "recommended",
        }
    }
}

/// Which questions a rule is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Selector {
    /// The question's id in its catalogue.
    Id(String),
    /// The printed number, in any spelling (`4. 1.` = `4.1`).
    Number(String),
    /// Questions citing this guideline reference or anything under it (`6.5` covers `6.5.C1`,
    /// `6.5.C1(1)~(3)`); also matches 第6.0版 citations by their text (`シス14①`).
    Ref(String),
    /// Questions citing this chapter (5.x chapter or 6.0 book chapter: `14` for 「14章」).
    Chapter(u32),
}

/// One rule: the questions it selects, the answers accepted for them, its weight and a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(rename = "match")]
    pub selector: Selector,
    /// Only for statements on this catalogue (its id); every catalogue when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    pub accept: Vec<AnswerValue>,
    #[serde(default)]
    pub weight: Weight,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The answers accepted for every question no rule selects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultRule {
    pub accept: Vec<AnswerValue>,
    #[serde(default)]
    pub weight: Weight,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub format: String,
    pub format_version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<DefaultRule>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

/// A problem in a profile, found before any statement is checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileIssue {
    #[error("not a kaijisho profile (format {found:?})")]
    WrongFormat { found: String },
    #[error("profile format version {found} is newer than this kaijisho reads ({supported})")]
    TooNew { found: u32, supported: u32 },
    #[error("{count} rules (at most {max})")]
    TooManyRules { count: usize, max: usize },
    #[error("rule {rule}: no answer is accepted")]
    NothingAccepted { rule: usize },
    #[error("rule {rule}: 未回答 cannot be an accepted answer")]
    UnansweredAccepted { rule: usize },
    #[error("rule {rule} ({selector}) matches no question of the statements checked")]
    MatchesNothing { rule: usize, selector: String },
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Selector::Id(id) => write!(f, "id {id}"),
            Selector::Number(n) => write!(f, "number {n}"),
            Selector::Ref(r) => write!(f, "ref {r}"),
            Selector::Chapter(c) => write!(f, "chapter {c}"),
        }
    }
}

impl Profile {
    /// The profile that ships: every question answered はい or 対象外 (該当/非該当 for gates),
    /// 必須.
    pub fn default_profile(name: &str) -> Profile {
        Profile {
            format: PROFILE_FORMAT.to_string(),
            format_version: PROFILE_FORMAT_VERSION,
            name: name.to_string(),
            default: Some(DefaultRule {
                accept: vec![AnswerValue::Yes, AnswerValue::NotApplicable],
                weight: Weight::Required,
            }),
            rules: Vec::new(),
        }
    }

    /// Checks the profile on its own (format, sizes, accepted answers).
    pub fn check(&self) -> Vec<ProfileIssue> {
        let mut issues = Vec::new();
        if self.format != PROFILE_FORMAT {
            issues.push(ProfileIssue::WrongFormat {
                found: self.format.clone(),
            });
        }
        if self.format_version > PROFILE_FORMAT_VERSION {
            issues.push(ProfileIssue::TooNew {
                found: self.format_version,
                supported: PROFILE_FORMAT_VERSION,
            });
        }
        if self.rules.len() > MAX_RULES {
            issues.push(ProfileIssue::TooManyRules {
                count: self.rules.len(),
                max: MAX_RULES,
            });
            return issues;
        }
        for (i, r) in self.rules.iter().enumerate() {
            if r.accept.is_empty() {
                issues.push(ProfileIssue::NothingAccepted { rule: i + 1 });
            }
            if r.accept.contains(&AnswerValue::Unanswered) {
                issues.push(ProfileIssue::UnansweredAccepted { rule: i + 1 });
            }
        }
        issues
    }

    /// Rules that select no question of any of these catalogues (a typo, or a rule for another
    /// catalogue than those checked).
    pub fn unmatched(&self, catalogues: &[&Catalogue]) -> Vec<ProfileIssue> {
        self.rules
            .iter()
            .enumerate()
            // A rule for a catalogue none of the statements is on is not a mistake.
            .filter(|(_, r)| {
                r.catalogue
                    .as_ref()
                    .is_none_or(|id| catalogues.iter().any(|c| c.id == *id))
            })
            .filter(|(_, r)| {
                !catalogues.iter().any(|c| {
                    r.catalogue.as_ref().is_none_or(|id| *id == c.id)
                        && c.questions().any(|q| specificity(&r.selector, q).is_some())
                })
            })
            .map(|(i, r)| ProfileIssue::MatchesNothing {
                rule: i + 1,
                selector: r.selector.to_string(),
            })
            .collect()
    }

    /// The rule that governs `q` on catalogue `catalogue_id`: the most specific selecting it (id,
    /// then number, then the longest reference, then chapter; the first of equals), else the
    /// default.
    pub fn rule_for(&self, catalogue_id: &str, q: &Question) -> Option<Governing<'_>> {
        let best = self
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.catalogue.as_deref().is_none_or(|id| id == catalogue_id))
            .filter_map(|(i, r)| specificity(&r.selector, q).map(|s| (s, i, r)))
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        match best {
            Some((_, i, r)) => Some(Governing {
                rule: Some(i + 1),
                accept: &r.accept,
                weight: r.weight,
                note: &r.note,
            }),
            None => self.default.as_ref().map(|d| Governing {
                rule: None,
                accept: &d.accept,
                weight: d.weight,
                note: "",
            }),
        }
    }
}

/// Editing a profile question by question (the app's profile editor).
impl Profile {
    /// Sets what `q` (on catalogue `catalogue`) accepts and how much it weighs: the rule made
    /// for this question by its number is updated, or one is added.
    pub fn set_for_question(
        &mut self,
        catalogue: &str,
        q: &Question,
        accept: Vec<AnswerValue>,
        weight: Weight,
    ) {
        let number = q.number_key();
        let own = self.rules.iter_mut().find(|r| {
            r.catalogue.as_deref() == Some(catalogue)
                && matches!(&r.selector, Selector::Number(n) if super::text::normalize_number(n).as_deref() == Some(number.as_str()))
        });
        match own {
            Some(r) => {
                r.accept = accept;
                r.weight = weight;
            }
            None => self.rules.push(Rule {
                selector: Selector::Number(number),
                catalogue: Some(catalogue.to_string()),
                accept,
                weight,
                note: String::new(),
            }),
        }
    }

    /// Gives every question of `c` citing `reference` (a section such as `6.5`, a 6.0 citation
    /// such as `シス14`, or a chapter written `14章`) the weight `weight`, keeping what each
    /// accepts. Returns how many questions it touched.
    pub fn mark_citing(&mut self, c: &Catalogue, reference: &str, weight: Weight) -> usize {
        let r = fold_width(reference.trim());
        let selector = match r.strip_suffix('章').map(|n| n.trim().parse::<u32>()) {
            Some(Ok(ch)) => Selector::Chapter(ch),
            _ => Selector::Ref(r),
        };
        let hits: Vec<&Question> = c
            .questions()
            .filter(|q| specificity(&selector, q).is_some())
            .collect();
        for q in &hits {
            let accept = self
                .rule_for(&c.id, q)
                .map(|g| g.accept.to_vec())
                .unwrap_or_else(|| vec![AnswerValue::Yes, AnswerValue::NotApplicable]);
            self.set_for_question(&c.id, q, accept, weight);
        }
        hits.len()
    }
}

/// The rule that applies to a question (`rule` is its 1-based number; `None` for the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Governing<'a> {
    pub rule: Option<usize>,
    pub accept: &'a [AnswerValue],
    pub weight: Weight,
    pub note: &'a str,
}

impl Governing<'_> {
    /// Whether a value is accepted; a gate question's own 該当/非該当 is always accepted (what it
    /// switches is judged on the questions under it).
    fn accepts(&self, v: AnswerValue) -> bool {
        matches!(v, AnswerValue::Applies | AnswerValue::DoesNotApply) || self.accept.contains(&v)
    }
}

/// How specifically a selector picks a question (higher wins), or `None` when it does not.
fn specificity(sel: &Selector, q: &Question) -> Option<(u8, usize)> {
    match sel {
        Selector::Id(id) => (*id == q.id).then_some((4, 0)),
        Selector::Number(n) => {
            let key = super::text::normalize_number(n).unwrap_or_else(|| n.trim().into());
            (key == q.number_key()).then_some((3, 0))
        }
        Selector::Ref(r) => {
            let want = fold_width(r.trim()).replace(' ', "");
            let refs = q.refs.as_ref()?;
            let cited = refs
                .refs
                .iter()
                .map(|g| fold_width(&g.to_string()).replace(' ', ""))
                .chain(std::iter::once(fold_width(&refs.raw).replace(' ', "")));
            let hit = cited.into_iter().any(|c| {
                c == want
                    || c.strip_prefix(want.as_str())
                        .is_some_and(|rest| rest.starts_with(['.', '(', '~', ')']))
                    || (!want.is_empty()
                        && !want.starts_with(|ch: char| ch.is_ascii_digit())
                        && c.contains(&want))
            });
            hit.then_some((2, want.chars().count()))
        }
        Selector::Chapter(ch) => q
            .refs
            .as_ref()?
            .refs
            .iter()
            .any(|g| g.chapter() == *ch)
            .then_some((1, 0)),
    }
}

/// One question outside the profile (or unanswered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    pub question_id: String,
    pub number: String,
    pub text: String,
    /// The answers given that the profile does not accept (`はい` or `記憶ID=いいえ`).
    pub answer: String,
    pub remark: String,
    pub weight: Weight,
    /// The governing rule's number (`None`: the default) and note.
    pub rule: Option<usize>,
    pub note: String,
}

/// The check of one statement against a profile.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StatementCheck {
    /// Answered outside the profile.
    pub deviations: Vec<Deviation>,
    /// Questions the profile governs that are not (fully) answered.
    pub unanswered: Vec<Deviation>,
    /// Questions the profile governs (not switched off by a gate).
    pub checked: usize,
}

/// The one-line verdict on a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Every governed question answered and accepted.
    Within,
    /// Some answers outside the profile; `required` of them on 必須 items (the hospital must
    /// assess the risk itself), `recommended` on 推奨 ones.
    Outside { required: usize, recommended: usize },
    /// Nothing outside the profile, but `unanswered` governed questions have no answer.
    Incomplete { unanswered: usize },
}

impl StatementCheck {
    pub fn verdict(&self) -> Verdict {
        let required = self
            .deviations
            .iter()
            .filter(|d| d.weight == Weight::Required)
            .count();
        let recommended = self.deviations.len() - required;
        if !self.deviations.is_empty() {
            Verdict::Outside {
                required,
                recommended,
            }
        } else if !self.unanswered.is_empty() {
            Verdict::Incomplete {
                unanswered: self.unanswered.len(),
            }
        } else {
            Verdict::Within
        }
    }

    /// A 必須 item answered outside the profile: the hospital must assess the risk itself.
    pub fn needs_risk_assessment(&self) -> bool {
        self.deviations.iter().any(|d| d.weight == Weight::Required)
    }
}

/// Checks one statement against a profile. Questions a gate switches off are not checked (their
/// 対象外 comes from the gate, which is judged itself).
pub fn check_statement(profile: &Profile, c: &Catalogue, p: &Project) -> StatementCheck {
    let mut out = StatementCheck::default();
    for q in c.questions() {
        let Some(rule) = profile.rule_for(&c.id, q) else {
            continue;
        };
        if matches!(gate_state(c, p, q), GateState::Disabled { .. }) {
            continue;
        }
        out.checked += 1;
        let values = shown_values(c, p, q);
        let options = q.answer.options();
        let label = |i: usize, v: AnswerValue| match options.get(i) {
            Some(o) => format!("{}={}", o.label, v.label()),
            None => v.label().to_string(),
        };
        let outside: Vec<String> = values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_answered() && !rule.accepts(**v))
            .map(|(i, v)| label(i, *v))
            .collect();
        let missing: Vec<String> = values
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_answered())
            .map(|(i, v)| label(i, *v))
            .collect();
        let answer = p.answer(&q.id);
        let deviation = |shown: Vec<String>| Deviation {
            question_id: q.id.clone(),
            number: q.number_key(),
            text: q.full_text(),
            answer: shown.join(" / "),
            remark: answer.map(|a| a.remark.clone()).unwrap_or_default(),
            weight: rule.weight,
            rule: rule.rule,
            note: rule.note.to_string(),
        };
        if !outside.is_empty() {
            out.deviations.push(deviation(outside));
        } else if !missing.is_empty() {
            out.unanswered.push(deviation(missing));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::project::Header;

    fn answered(values: &[(&str, AnswerValue)]) -> (Catalogue, Project) {
        let c = tiny();
        let mut p = Project::new(&c, Header::default(), false);
        for (q, v) in values {
            p.set_answer(&c, q, None, *v, None).unwrap();
        }
        (c, p)
    }

    fn rule(selector: Selector, accept: &[AnswerValue], weight: Weight) -> Rule {
        Rule {
            selector,
            catalogue: None,
            accept: accept.to_vec(),
            weight,
            note: String::new(),
        }
    }

    #[test]
    fn just_inside_and_just_outside() {
        use AnswerValue::*;
        let profile = Profile::default_profile("既定");
        let (c, mut p) = answered(&[("g", Applies), ("g1", Yes), ("p", NotApplicable)]);
        p.set_answer(&c, "o", Some("pw"), Yes, None).unwrap();
        p.set_answer(&c, "o", Some("bio"), NotApplicable, None)
            .unwrap();
        let inside = check_statement(&profile, &c, &p);
        assert_eq!(inside.verdict(), Verdict::Within);
        assert_eq!(inside.checked, 4);
        // One option answered いいえ: outside, on a 必須 item.
        p.set_answer(&c, "o", Some("bio"), No, Some("顔認証は未対応".into()))
            .unwrap();
        let outside = check_statement(&profile, &c, &p);
        assert_eq!(
            outside.verdict(),
            Verdict::Outside {
                required: 1,
                recommended: 0
            }
        );
        assert!(outside.needs_risk_assessment());
        assert_eq!(outside.deviations[0].answer, "生体認証(顔認証)=いいえ");
    }

    #[test]
    fn a_question_under_a_closed_gate_is_not_a_deviation() {
        use AnswerValue::*;
        let profile = Profile::default_profile("既定");
        let (c, mut p) = answered(&[("g", Applies), ("g1", No), ("p", Yes)]);
        p.set_answer(&c, "o", Some("pw"), Yes, None).unwrap();
        p.set_answer(&c, "o", Some("bio"), Yes, None).unwrap();
        assert_eq!(check_statement(&profile, &c, &p).deviations.len(), 1);
        // The gate closes: 1.1's いいえ stays in the file but is not judged.
        p.set_answer(&c, "g", None, DoesNotApply, None).unwrap();
        let check = check_statement(&profile, &c, &p);
        assert_eq!(check.verdict(), Verdict::Within, "{check:?}");
    }

    #[test]
    fn rules_match_by_id_number_reference_and_chapter_most_specific_first() {
        use AnswerValue::*;
        let (c, p) = answered(&[("g", Applies), ("g1", No), ("p", No)]);
        let q = |id: &str| c.question(id).unwrap();
        let mut profile = Profile::default_profile("病院");
        profile.rules = vec![
            rule(Selector::Chapter(6), &[Yes], Weight::Recommended),
            rule(
                Selector::Number("1. 1.".into()),
                &[Yes, No],
                Weight::Required,
            ),
            rule(Selector::Id("p".into()), &[No], Weight::Recommended),
        ];
        // Question p: by id (rule 3) over anything else.
        assert_eq!(profile.rule_for(&c.id, q("p")).unwrap().rule, Some(3));
        // 1.1 by its number, in another spelling.
        assert_eq!(profile.rule_for(&c.id, q("g1")).unwrap().rule, Some(2));
        let check = check_statement(&profile, &c, &p);
        assert!(check.deviations.is_empty(), "{check:?}");
        // By reference: the tiny catalogue's questions cite 6.x sections.
        let cited = q("p").refs.as_ref().unwrap().refs[0].to_string();
        let section: String = cited.split('.').take(2).collect::<Vec<_>>().join(".");
        profile.rules = vec![rule(
            Selector::Ref(section.clone()),
            &[Yes],
            Weight::Required,
        )];
        assert!(
            profile.rule_for(&c.id, q("p")).unwrap().rule == Some(1),
            "{section}"
        );
        // A rule for another catalogue is ignored; one that selects nothing is reported.
        profile.rules[0].catalogue = Some("other".into());
        assert_eq!(profile.rule_for(&c.id, q("p")).unwrap().rule, None);
        assert!(profile.unmatched(&[&c]).is_empty(), "not a mistake");
        profile.rules = vec![rule(
            Selector::Number("9.9".into()),
            &[Yes],
            Weight::Required,
        )];
        assert!(matches!(
            profile.unmatched(&[&c])[0],
            ProfileIssue::MatchesNothing { rule: 1, .. }
        ));
    }

    #[test]
    fn unanswered_items_make_a_statement_incomplete_not_outside() {
        use AnswerValue::*;
        let profile = Profile::default_profile("既定");
        let (c, p) = answered(&[("g", Applies), ("g1", Yes)]);
        let check = check_statement(&profile, &c, &p);
        assert_eq!(check.verdict(), Verdict::Incomplete { unanswered: 2 });
    }

    #[test]
    fn editing_question_by_question_and_by_citation() {
        use AnswerValue::*;
        let c = tiny();
        let mut profile = Profile::default_profile("病院");
        let q = c.question("p").unwrap();
        profile.set_for_question(&c.id, q, vec![Yes], Weight::Recommended);
        profile.set_for_question(&c.id, q, vec![Yes, No], Weight::Recommended);
        assert_eq!(profile.rules.len(), 1, "one rule per question");
        let g = profile.rule_for(&c.id, q).unwrap();
        assert_eq!((g.accept, g.weight), (&[Yes, No][..], Weight::Recommended));
        // Every question citing chapter 8 (1, 1.1) becomes 推奨, keeping what it accepts.
        assert_eq!(profile.mark_citing(&c, "8章", Weight::Recommended), 2);
        let g1 = profile.rule_for(&c.id, c.question("g1").unwrap()).unwrap();
        assert_eq!(
            (g1.accept, g1.weight),
            (&[Yes, NotApplicable][..], Weight::Recommended)
        );
        assert_eq!(profile.mark_citing(&c, "6.3", Weight::Required), 1);
        assert_eq!(profile.rule_for(&c.id, q).unwrap().weight, Weight::Required);
        assert_eq!(profile.mark_citing(&c, "9.9", Weight::Required), 0);
    }

    #[test]
    fn bad_profiles_are_told() {
        let mut profile = Profile::default_profile("x");
        profile.rules = vec![rule(Selector::Id("p".into()), &[], Weight::Required)];
        profile.rules.push(rule(
            Selector::Id("p".into()),
            &[AnswerValue::Unanswered],
            Weight::Required,
        ));
        profile.format = "other".into();
        let issues = profile.check();
        assert_eq!(issues.len(), 3, "{issues:?}");
    }
}
