//! Acceptance profiles: what a hospital accepts as answers (安全管理ガイドライン 第7.0版
//! 保守委託機関編: prefer vendors answering the 別紙 items はい or 対象外; a いいえ to a required item
//! obliges the hospital to assess the risk itself), and the check of statements against one.
//!
//! A profile holds rules matched to questions by id, number, guideline reference or chapter, and
//! an optional default for every other question. The item list itself is the hospital's (or
//! MHLW's) text: kaijisho ships only a default profile, "every question: はい or 対象外".

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::answer::AnswerValue;
use super::catalogue::{Catalogue, Question};
use super::cite::Cite;
use super::project::Project;
use super::summary::shown_values;
use super::text::{fold_width, is_blank, normalize_number};
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

/// Whether a rule takes a conditional answer (条件付き回答: 「はい」 under 「オプション契約時」) as
/// meeting it. Absent from a profile: accepted, so profiles written before mean the same.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Conditional {
    #[default]
    Accept,
    Refuse,
}

impl Conditional {
    pub fn is_accept(&self) -> bool {
        *self == Conditional::Accept
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
    /// `6.5.C1(1)~(3)`; `シス14` covers `シス14②` and `システム運用編 第14章③`, not `シス140`),
    /// compared as parsed ([`super::cite`]).
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
    #[serde(default, skip_serializing_if = "Conditional::is_accept")]
    pub conditional: Conditional,
}

/// The answers accepted for every question no rule selects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefaultRule {
    pub accept: Vec<AnswerValue>,
    #[serde(default)]
    pub weight: Weight,
    #[serde(default, skip_serializing_if = "Conditional::is_accept")]
    pub conditional: Conditional,
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
    /// A blank `id`, `number` or `ref` (`key`): it would select nothing, or everything.
    #[error("rule {rule}: the {key} to match is empty")]
    EmptySelector { rule: usize, key: &'static str },
    #[error("rule {rule} ({selector}) matches no question of the statements checked")]
    MatchesNothing { rule: usize, selector: String },
}

impl Selector {
    /// The selector's key in the profile file (`id`, `number`, `ref`, `chapter`).
    pub fn key(&self) -> &'static str {
        match self {
            Selector::Id(_) => "id",
            Selector::Number(_) => "number",
            Selector::Ref(_) => "ref",
            Selector::Chapter(_) => "chapter",
        }
    }

    /// Whether the selector names nothing (a blank id, number or reference).
    fn is_blank(&self) -> bool {
        match self {
            Selector::Id(s) | Selector::Number(s) | Selector::Ref(s) => is_blank(s),
            Selector::Chapter(_) => false,
        }
    }
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
                conditional: Conditional::Accept,
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
            if r.selector.is_blank() {
                issues.push(ProfileIssue::EmptySelector {
                    rule: i + 1,
                    key: r.selector.key(),
                });
            }
        }
        issues
    }

    /// Rules that select no question of any of these catalogues (a typo, or a rule for another
    /// catalogue than those checked).
    pub fn unmatched(&self, catalogues: &[&Catalogue]) -> Vec<ProfileIssue> {
        let index = self.index();
        let mut selects = vec![false; self.rules.len()];
        for c in catalogues {
            for q in c.questions() {
                for (_, i) in index.selecting(&c.id, q) {
                    if let Some(s) = selects.get_mut(i) {
                        *s = true;
                    }
                }
            }
        }
        self.rules
            .iter()
            .enumerate()
            // A rule for a catalogue none of the statements is on is not a mistake.
            .filter(|(_, r)| {
                r.catalogue
                    .as_ref()
                    .is_none_or(|id| catalogues.iter().any(|c| c.id == *id))
            })
            .filter(|(i, _)| !selects.get(*i).copied().unwrap_or(false))
            .map(|(i, r)| ProfileIssue::MatchesNothing {
                rule: i + 1,
                selector: r.selector.to_string(),
            })
            .collect()
    }

    /// The rule that governs `q` on catalogue `catalogue_id` (see [`RuleIndex::rule_for`]).
    /// Asking about many questions, index the rules once with [`Profile::index`].
    pub fn rule_for(&self, catalogue_id: &str, q: &Question) -> Option<Governing<'_>> {
        self.index().rule_for(catalogue_id, q)
    }

    /// The rules indexed by what they select, to ask about many questions.
    pub fn index(&self) -> RuleIndex<'_> {
        RuleIndex::new(self)
    }
}

/// A profile's rules indexed by selector kind: ids and numbers by their text, references by
/// their parsed key ([`Cite`]), chapters by number. A question is read once (its number
/// normalised, its citations parsed into the keys that cover them) and each key looked up, so
/// checking is linear in the questions, whatever the number of rules.
#[derive(Debug)]
pub struct RuleIndex<'p> {
    profile: &'p Profile,
    ids: HashMap<&'p str, Vec<usize>>,
    numbers: HashMap<String, Vec<usize>>,
    cites: HashMap<Cite, Vec<usize>>,
    chapters: HashMap<u32, Vec<usize>>,
}

/// How specifically a rule selects a question (higher wins): by id, by number, by reference
/// (the deeper the more specific), by chapter.
type Specificity = (u8, usize);

impl<'p> RuleIndex<'p> {
    fn new(profile: &'p Profile) -> RuleIndex<'p> {
        let mut index = RuleIndex {
            profile,
            ids: HashMap::new(),
            numbers: HashMap::new(),
            cites: HashMap::new(),
            chapters: HashMap::new(),
        };
        // Rule numbers go in ascending, so each list is in the profile's order.
        for (i, r) in profile.rules.iter().enumerate() {
            if r.selector.is_blank() {
                continue;
            }
            match &r.selector {
                Selector::Id(id) => index.ids.entry(id.as_str()).or_default().push(i),
                Selector::Number(n) => {
                    let key = normalize_number(n).unwrap_or_else(|| n.trim().into());
                    index.numbers.entry(key).or_default().push(i);
                }
                Selector::Ref(r) => {
                    if let Some(key) = Cite::selector(r) {
                        index.cites.entry(key).or_default().push(i);
                    }
                }
                Selector::Chapter(ch) => index.chapters.entry(*ch).or_default().push(i),
            }
        }
        index
    }

    /// Every rule selecting `q` on catalogue `catalogue_id`, with how specifically (a rule may
    /// come more than once, through several of the question's citations).
    fn selecting(&self, catalogue_id: &str, q: &Question) -> Vec<(Specificity, usize)> {
        let mut out = Vec::new();
        let mut add = |rules: Option<&Vec<usize>>, spec: Specificity| {
            for &i in rules.into_iter().flatten() {
                let on =
                    self.profile.rules.get(i).is_some_and(|r| {
                        r.catalogue.as_deref().is_none_or(|id| id == catalogue_id)
                    });
                if on {
                    out.push((spec, i));
                }
            }
        };
        add(self.ids.get(q.id.as_str()), (4, 0));
        add(self.numbers.get(&q.number_key()), (3, 0));
        if let Some(refs) = &q.refs {
            for key in Cite::covering(refs) {
                add(self.cites.get(&key), (2, key.depth()));
            }
            let mut chapters: Vec<u32> = refs.refs.iter().map(|g| g.chapter()).collect();
            chapters.sort_unstable();
            chapters.dedup();
            for ch in chapters {
                add(self.chapters.get(&ch), (1, 0));
            }
        }
        out
    }

    /// The rule that governs `q` on catalogue `catalogue_id`: the most specific selecting it (id,
    /// then number, then the deepest reference, then chapter; the first of equals), else the
    /// default.
    pub fn rule_for(&self, catalogue_id: &str, q: &Question) -> Option<Governing<'p>> {
        let best = self
            .selecting(catalogue_id, q)
            .into_iter()
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .and_then(|(_, i)| Some((i, self.profile.rules.get(i)?)));
        match best {
            Some((i, r)) => Some(Governing {
                rule: Some(i + 1),
                accept: &r.accept,
                weight: r.weight,
                note: &r.note,
                conditional: r.conditional,
            }),
            None => self.profile.default.as_ref().map(|d| Governing {
                rule: None,
                accept: &d.accept,
                weight: d.weight,
                note: "",
                conditional: d.conditional,
            }),
        }
    }
}

/// Editing a profile question by question (the app's profile editor).
impl Profile {
    /// The rule made for the question numbered `number` (its rule by number on `catalogue`).
    pub fn own_rule(&mut self, catalogue: &str, number: &str) -> Option<&mut Rule> {
        self.rules.iter_mut().find(|r| {
            r.catalogue.as_deref() == Some(catalogue)
                && matches!(&r.selector, Selector::Number(n) if normalize_number(n).as_deref() == Some(number))
        })
    }

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
        match self.own_rule(catalogue, &number) {
            Some(r) => {
                r.accept = accept;
                r.weight = weight;
            }
            None => {
                // A rule of its own takes conditional answers as the one it replaces did.
                let conditional = self.index().rule_for(catalogue, q).map(|g| g.conditional);
                self.rules.push(Rule {
                    selector: Selector::Number(number),
                    catalogue: Some(catalogue.to_string()),
                    accept,
                    weight,
                    note: String::new(),
                    conditional: conditional.unwrap_or_default(),
                })
            }
        }
    }

    /// Gives every question of `c` citing `reference` (a section such as `6.5`, a 6.0 citation
    /// such as `シス14`, or a chapter written `14章`) the weight `weight`, keeping what each
    /// accepts, with one rule by that reference (`ref: 6.5`) — not a rule per question. A
    /// question with a rule of its own (by id or number) keeps it, given the weight; one
    /// governed by a rule that covers other questions too, or that accepted something else
    /// than most, gets a rule of its own, so no other question and nothing accepted changes.
    /// Returns how many questions it touched.
    pub fn mark_citing(&mut self, c: &Catalogue, reference: &str, weight: Weight) -> usize {
        let r = fold_width(reference.trim());
        let selector = match r.strip_suffix('章').map(|n| n.trim().parse::<u32>()) {
            Some(Ok(ch)) => Selector::Chapter(ch),
            _ => Selector::Ref(r),
        };
        let conditional = self
            .default
            .as_ref()
            .map(|d| d.conditional)
            .unwrap_or_default();
        let by_reference = |accept: Vec<AnswerValue>| Rule {
            selector: selector.clone(),
            catalogue: None,
            accept,
            weight,
            note: String::new(),
            conditional,
        };
        // The same matching as the check: a profile of this one rule, asked about each question.
        let probe = Profile {
            default: None,
            rules: vec![by_reference(vec![AnswerValue::Yes])],
            ..Profile::default_profile("")
        };
        let probe = probe.index();
        let hits: Vec<&Question> = c
            .questions()
            .filter(|q| probe.rule_for(&c.id, q).is_some())
            .collect();
        if hits.is_empty() {
            return 0;
        }
        // What each accepts now, read before anything changes.
        let accepts: Vec<Vec<AnswerValue>> = {
            let index = self.index();
            hits.iter()
                .map(|q| {
                    index
                        .rule_for(&c.id, q)
                        .map(|g| g.accept.to_vec())
                        .unwrap_or_else(|| vec![AnswerValue::Yes, AnswerValue::NotApplicable])
                })
                .collect()
        };
        // The rule by this reference: the one there is, else a new one.
        let target = match self
            .rules
            .iter()
            .position(|x| x.selector == selector && x.catalogue.is_none())
        {
            Some(i) => i,
            None => {
                self.rules.push(by_reference(Vec::new()));
                self.rules.len() - 1
            }
        };
        // Which rule governs each question once it is there.
        let governing: Vec<Option<usize>> = {
            let index = self.index();
            hits.iter()
                .map(|q| index.rule_for(&c.id, q).and_then(|g| g.rule))
                .collect()
        };
        // The questions the reference's rule now governs (with what each accepted), and those
        // that get a rule of their own.
        let mut own: Vec<(usize, Vec<AnswerValue>)> = Vec::new();
        let mut alone: Vec<(usize, Vec<AnswerValue>)> = Vec::new();
        for (k, (g, accept)) in governing.iter().zip(&accepts).enumerate() {
            match g.and_then(|n| n.checked_sub(1)) {
                Some(i) if i == target => own.push((k, accept.clone())),
                Some(i) => {
                    // A rule of this question alone (by id or number) takes the weight; a rule
                    // that may govern other questions too stays as it is, and the question gets
                    // a rule of its own.
                    match self.rules.get_mut(i) {
                        Some(r) if matches!(r.selector, Selector::Id(_) | Selector::Number(_)) => {
                            r.weight = weight;
                        }
                        _ => alone.push((k, accept.clone())),
                    }
                }
                None => {}
            }
        }
        // The reference's rule accepts what most of its questions accepted; a question that
        // accepted something else keeps it in a rule of its own.
        let common = own
            .iter()
            .max_by_key(|(_, a)| own.iter().filter(|(_, b)| b == a).count())
            .map(|(_, a)| a.clone());
        match common {
            Some(common) => {
                alone.extend(own.into_iter().filter(|(_, a)| *a != common));
                if let Some(rule) = self.rules.get_mut(target) {
                    rule.accept = common;
                    rule.weight = weight;
                }
            }
            // Every question has a more specific rule: the reference's rule is not needed.
            None => {
                if self.rules.get(target).is_some_and(|x| x.accept.is_empty()) {
                    self.rules.remove(target);
                }
            }
        }
        for (k, accept) in alone {
            if let Some(q) = hits.get(k) {
                self.set_for_question(&c.id, q, accept, weight);
            }
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
    pub conditional: Conditional,
}

impl Governing<'_> {
    /// Whether a value is accepted; a gate question's own 該当/非該当 is always accepted (what it
    /// switches is judged on the questions under it).
    fn accepts(&self, v: AnswerValue) -> bool {
        matches!(v, AnswerValue::Applies | AnswerValue::DoesNotApply) || self.accept.contains(&v)
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
    /// The answer's condition, when the rule refuses conditional answers (条件付き回答) and that
    /// is why it does not meet it; empty otherwise.
    pub condition: String,
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
    let index = profile.index();
    for q in c.questions() {
        let Some(rule) = index.rule_for(&c.id, q) else {
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
        // A conditional answer the rule refuses: outside, with its condition.
        let refused = answer
            .map(|a| a.condition.trim())
            .filter(|c| {
                !c.is_empty()
                    && rule.conditional == Conditional::Refuse
                    && options.is_empty()
                    && outside.is_empty()
                    && missing.is_empty()
            })
            .unwrap_or_default();
        let deviation = |shown: Vec<String>| Deviation {
            question_id: q.id.clone(),
            number: q.number_key(),
            text: q.full_text(),
            answer: shown.join(" / "),
            remark: answer.map(|a| a.remark.clone()).unwrap_or_default(),
            weight: rule.weight,
            rule: rule.rule,
            note: rule.note.to_string(),
            condition: refused.to_string(),
        };
        if !refused.is_empty() {
            out.deviations
                .push(deviation(values.iter().map(|v| label(0, *v)).collect()));
        } else if !outside.is_empty() {
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

    fn yes_required(selector: Selector) -> Rule {
        rule(selector, &[AnswerValue::Yes], Weight::Required)
    }

    fn rule(selector: Selector, accept: &[AnswerValue], weight: Weight) -> Rule {
        Rule {
            selector,
            catalogue: None,
            accept: accept.to_vec(),
            weight,
            note: String::new(),
            conditional: Conditional::Accept,
        }
    }

    #[test]
    fn a_rule_refusing_conditional_answers_finds_a_conditional_yes() {
        use AnswerValue::*;
        let (c, mut p) = answered(&[("g", Applies), ("g1", Yes), ("p", Yes)]);
        p.set_answer(&c, "o", Some("pw"), Yes, None).unwrap();
        p.set_answer(&c, "o", Some("bio"), Yes, None).unwrap();
        p.answers.get_mut("p").unwrap().condition = "オプション契約時".into();
        // Accepted by default: a profile written before conditions means the same.
        let mut profile = Profile::default_profile("既定");
        assert_eq!(check_statement(&profile, &c, &p).verdict(), Verdict::Within);
        let json = serde_json::to_string(&profile).unwrap();
        assert!(!json.contains("conditional"), "{json}");
        // Refused: the conditional はい does not meet the rule, and says its condition.
        let q = c.question("p").unwrap().clone();
        assert!(profile.set_conditional_for_question(&c.id, &q, Conditional::Refuse));
        let check = check_statement(&profile, &c, &p);
        assert_eq!(check.deviations.len(), 1);
        let d = &check.deviations[0];
        assert_eq!((d.number.as_str(), d.answer.as_str()), ("3", "はい"));
        assert_eq!(d.condition, "オプション契約時");
        // The same answer without its condition meets it.
        p.answers.get_mut("p").unwrap().condition.clear();
        assert_eq!(check_statement(&profile, &c, &p).verdict(), Verdict::Within);
        let json = serde_json::to_string(&profile).unwrap();
        assert!(json.contains(r#""conditional":"refuse""#), "{json}");
        let back: Profile = serde_json::from_str(&json).unwrap();
        assert_eq!(back, profile);
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
        // Every question citing chapter 8 (1, 1.1) becomes 推奨, keeping what it accepts: one
        // rule by chapter.
        assert_eq!(profile.mark_citing(&c, "8章", Weight::Recommended), 2);
        assert_eq!(profile.rules.len(), 2);
        assert_eq!(profile.rules[1].selector, Selector::Chapter(8));
        let g1 = profile.rule_for(&c.id, c.question("g1").unwrap()).unwrap();
        assert_eq!(
            (g1.accept, g1.weight),
            (&[Yes, NotApplicable][..], Weight::Recommended)
        );
        // 6.3 is cited by the question with its own rule: that rule takes the weight, no
        // rule by reference is added.
        assert_eq!(profile.mark_citing(&c, "6.3", Weight::Required), 1);
        assert_eq!(profile.rule_for(&c.id, q).unwrap().weight, Weight::Required);
        assert_eq!(profile.rule_for(&c.id, q).unwrap().accept, &[Yes, No][..]);
        assert_eq!(profile.rules.len(), 2);
        assert_eq!(profile.mark_citing(&c, "9.9", Weight::Required), 0);
        assert_eq!(profile.rules.len(), 2);
        // Marking again changes the same rule.
        assert_eq!(profile.mark_citing(&c, "８章", Weight::Required), 2);
        assert_eq!(profile.rules.len(), 2);
        assert_eq!(profile.rules[1].weight, Weight::Required);
    }

    #[test]
    fn marking_by_citation_writes_one_rule_and_keeps_what_each_accepts() {
        use AnswerValue::*;
        let c = citing(&["6.5.C1", "6.5.C2", "6.5.C3", "6.5.C4", "6.6.C1"]);
        let mut profile = Profile::default_profile("病院");
        // 6.5.C4 has a rule of its own (more specific than 6.5) accepting いいえ too; a rule by
        // chapter 6 (less specific) governs the rest.
        profile.rules = vec![
            rule(Selector::Chapter(6), &[Yes], Weight::Recommended),
            rule(
                Selector::Ref("6.5.C4".into()),
                &[Yes, No],
                Weight::Recommended,
            ),
        ];
        let before: Vec<Vec<AnswerValue>> = c
            .questions()
            .map(|q| profile.rule_for(&c.id, q).unwrap().accept.to_vec())
            .collect();
        assert_eq!(profile.mark_citing(&c, "6.5", Weight::Required), 4);
        // One rule by 6.5; 6.5.C4's question, governed by a rule that may cover others too,
        // gets one of its own (the 6.5.C4 rule itself unchanged).
        assert_eq!(profile.rules.len(), 4, "{:?}", profile.rules);
        assert_eq!(profile.rules[2].selector, Selector::Ref("6.5".into()));
        assert_eq!(profile.rules[2].accept, [Yes]);
        assert_eq!(profile.rules[1].weight, Weight::Recommended);
        assert_eq!(profile.rules[3].selector, Selector::Number("4".into()));
        let after: Vec<(Vec<AnswerValue>, Weight)> = c
            .questions()
            .map(|q| {
                let g = profile.rule_for(&c.id, q).unwrap();
                (g.accept.to_vec(), g.weight)
            })
            .collect();
        for (i, (accept, weight)) in after.iter().enumerate().take(4) {
            assert_eq!(accept, &before[i], "q{} keeps what it accepts", i + 1);
            assert_eq!(*weight, Weight::Required);
        }
        assert_ne!(after[4].1, Weight::Required, "6.6 is not marked");
    }

    #[test]
    fn marking_by_citation_changes_nothing_else_when_questions_differ() {
        use AnswerValue::*;
        // q1 cites 6.5 and 8.1 (a chapter-8 rule accepts いいえ); q2 and q3 cite 6.5 only
        // (the default); q4 cites 8.2 only, under the same chapter-8 rule.
        let c = citing(&["6.5.C1, 8.1.C1", "6.5.C2", "6.5.C3", "8.2.C1"]);
        let mut profile = Profile::default_profile("病院");
        profile.rules = vec![rule(Selector::Chapter(8), &[Yes, No], Weight::Recommended)];
        let before: Vec<(Vec<AnswerValue>, Weight)> = c
            .questions()
            .map(|q| {
                let g = profile.rule_for(&c.id, q).unwrap();
                (g.accept.to_vec(), g.weight)
            })
            .collect();
        assert_eq!(profile.mark_citing(&c, "6.5", Weight::Recommended), 3);
        let after: Vec<(Vec<AnswerValue>, Weight)> = c
            .questions()
            .map(|q| {
                let g = profile.rule_for(&c.id, q).unwrap();
                (g.accept.to_vec(), g.weight)
            })
            .collect();
        for i in 0..3 {
            assert_eq!(after[i].0, before[i].0, "q{} keeps what it accepts", i + 1);
            assert_eq!(after[i].1, Weight::Recommended);
        }
        assert_eq!(after[3], before[3], "q4 (8.2 only) is untouched");
        assert_eq!(profile.rules[0].weight, Weight::Recommended);
        // The reference's rule for q2 and q3, a rule of its own for q1.
        assert_eq!(profile.rules.len(), 3, "{:?}", profile.rules);
    }

    /// A catalogue with one question per citation (`q1`, `q2`, … in order).
    fn citing(refs: &[&str]) -> Catalogue {
        let questions: Vec<serde_json::Value> = refs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                serde_json::json!({
                    "id": format!("q{}", i + 1), "number": (i + 1).to_string(),
                    "text": "設問か?", "ref": format!("({r})")
                })
            })
            .collect();
        serde_json::from_value(serde_json::json!({
            "format": "kaijisho-catalogue", "format_version": 1,
            "id": "cited", "title": "引用", "kind": "SDS", "form_version": "1",
            "guideline_edition": "6.0",
            "provenance": {"type": "project_authored", "source": "test"},
            "sections": [{"title": "節", "questions": questions}]
        }))
        .unwrap()
    }

    /// The ids of the questions a rule `ref: selector` governs.
    fn selected(c: &Catalogue, selector: &str) -> Vec<String> {
        let mut profile = Profile::default_profile("病院");
        profile.default = None;
        profile.rules = vec![rule(
            Selector::Ref(selector.into()),
            &[AnswerValue::Yes],
            Weight::Required,
        )];
        c.questions()
            .filter(|q| profile.rule_for(&c.id, q).is_some())
            .map(|q| q.id.clone())
            .collect()
    }

    #[test]
    fn a_book_chapter_selects_that_chapter_not_longer_numbers() {
        let c = citing(&[
            "シス1①",
            "シス10",
            "シス14②",
            "シス140",
            "企1",
            "企12",
            "6.5.C1",
            "6.5.C10",
        ]);
        assert_eq!(selected(&c, "シス1"), ["q1"]);
        assert_eq!(selected(&c, "シス14"), ["q3"]);
        assert_eq!(selected(&c, "企1"), ["q5"]);
        assert_eq!(selected(&c, "6.5.C1"), ["q7"]);
        assert_eq!(selected(&c, "6.5"), ["q7", "q8"]);
        // Relaxing chapter 1 does not relax chapters 10 and 14.
        let mut profile = Profile::default_profile("病院");
        profile.rules = vec![rule(
            Selector::Ref("シス1".into()),
            &[AnswerValue::Yes, AnswerValue::No],
            Weight::Recommended,
        )];
        for q in ["q2", "q3", "q4"] {
            let g = profile.rule_for(&c.id, c.question(q).unwrap()).unwrap();
            assert_eq!((g.rule, g.weight), (None, Weight::Required), "{q}");
        }
        // A rule whose chapter no question cites matches nothing.
        profile.rules[0].selector = Selector::Ref("企2".into());
        assert_eq!(profile.unmatched(&[&c]).len(), 1);
        // Marking by citation follows the same matching.
        let mut marked = Profile::default_profile("病院");
        assert_eq!(marked.mark_citing(&c, "シス1", Weight::Recommended), 1);
        assert_eq!(marked.mark_citing(&c, "企1", Weight::Recommended), 1);
    }

    #[test]
    fn short_and_long_forms_are_the_same_citation() {
        let c = citing(&[
            "システム運用編 14章②",
            "システム運用編 第14章③",
            "シス14①",
            "シス14章第②条",
            "企画管理編 7⑥",
            "システム運用編 4章①",
        ]);
        assert_eq!(selected(&c, "シス14"), ["q1", "q2", "q3", "q4"]);
        assert_eq!(
            selected(&c, "システム運用編 14章"),
            ["q1", "q2", "q3", "q4"]
        );
        assert_eq!(selected(&c, "シス14②"), ["q1", "q4"]);
        assert_eq!(selected(&c, "システム運用編 第14章②"), ["q1", "q4"]);
        assert_eq!(selected(&c, "シス１４③"), ["q2"]);
        assert_eq!(selected(&c, "企7"), ["q5"]);
        assert_eq!(selected(&c, "シス4"), ["q6"]);
        assert_eq!(selected(&c, "シス"), ["q1", "q2", "q3", "q4", "q6"]);
        let mut marked = Profile::default_profile("病院");
        assert_eq!(marked.mark_citing(&c, "シス14", Weight::Recommended), 4);
    }

    #[test]
    fn the_most_specific_citation_wins() {
        let c = citing(&["シス14②", "6.5.C1(1)~(3)"]);
        let mut profile = Profile::default_profile("病院");
        profile.rules = vec![
            yes_required(Selector::Ref("シス".into())),
            yes_required(Selector::Ref("システム運用編 14章②".into())),
            yes_required(Selector::Ref("シス14".into())),
            yes_required(Selector::Ref("6.5".into())),
            yes_required(Selector::Ref("6.5.C1(1)~(3)".into())),
            yes_required(Selector::Ref("6.5.C1".into())),
        ];
        let rule_of = |q: &str| {
            profile
                .rule_for(&c.id, c.question(q).unwrap())
                .unwrap()
                .rule
        };
        assert_eq!(rule_of("q1"), Some(2));
        assert_eq!(rule_of("q2"), Some(5));
    }

    #[test]
    fn blank_selectors_are_refused() {
        let mut profile = Profile::default_profile("x");
        profile.rules = vec![
            yes_required(Selector::Ref(" ".into())),
            yes_required(Selector::Number("".into())),
            yes_required(Selector::Id("\u{3000}".into())),
            yes_required(Selector::Ref("\u{200B}".into())),
            yes_required(Selector::Ref("6.5".into())),
        ];
        let issues = profile.check();
        assert_eq!(issues.len(), 4, "{issues:?}");
        // Even unchecked, a blank selector selects nothing.
        let c = citing(&["6.5.C1", "シス14"]);
        profile.rules.pop();
        profile.default = None;
        assert!(c.questions().all(|q| profile.rule_for(&c.id, q).is_none()));
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
