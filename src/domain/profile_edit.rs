//! Changes to an acceptance profile, as typed edits checked before they change anything (the
//! profile editor, the command line and undo use them alike).

use super::answer::AnswerValue;
use super::catalogue::Catalogue;
use super::history::Editable;
use super::profile::{Conditional, DefaultRule, Profile, Rule, Weight};

/// The longest profile name kept (a name is a line, not a document).
pub const MAX_PROFILE_NAME: usize = 200;

/// One change to a profile.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfileEdit {
    /// The profile's name.
    Name(String),
    /// What every question no rule selects accepts, and its weight.
    Default {
        accept: Vec<AnswerValue>,
        weight: Weight,
    },
    /// What one question of the editor's catalogue accepts, and its weight (a rule by number).
    Question {
        question: String,
        accept: Vec<AnswerValue>,
        weight: Weight,
    },
    /// Every question of the editor's catalogue citing `reference` (`6.5`, `シス14`, `14章`) gets
    /// `weight`, keeping what each accepts.
    MarkCiting { reference: String, weight: Weight },
    /// Whether conditional answers (条件付き回答) meet the default rule (`question: None`) or
    /// one question's rule (a rule by number, made from the one governing it).
    Conditional {
        question: Option<String>,
        conditional: Conditional,
    },
}

/// What a profile edit replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum ProfilePrior {
    Name(String),
    Default(Option<DefaultRule>),
    Rules(Vec<Rule>),
}

/// Why a profile edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileEditError {
    #[error("a profile name is at most {max} characters")]
    NameTooLong { max: usize },
    #[error("at least one answer must be accepted")]
    NothingAccepted,
    #[error("未回答 cannot be an accepted answer")]
    UnansweredAccepted,
    #[error("no question with id {0} in the editor's catalogue")]
    UnknownQuestion(String),
    #[error("no question cites {0}")]
    NothingCites(String),
    #[error("at most {max} rules")]
    TooManyRules { max: usize },
    #[error("no rule governs question {0}, nor a default")]
    NoRule(String),
}

fn check_accept(accept: &[AnswerValue]) -> Result<(), ProfileEditError> {
    if accept.is_empty() {
        return Err(ProfileEditError::NothingAccepted);
    }
    if accept.contains(&AnswerValue::Unanswered) {
        return Err(ProfileEditError::UnansweredAccepted);
    }
    Ok(())
}

/// `accept` in the order answers are always listed, each once.
fn ordered(accept: &[AnswerValue]) -> Vec<AnswerValue> {
    AnswerValue::ALL
        .iter()
        .copied()
        .filter(|v| accept.contains(v))
        .collect()
}

/// How many questions of `c` cite `reference` (what [`ProfileEdit::MarkCiting`] touches).
pub fn citing_count(c: &Catalogue, reference: &str) -> usize {
    Profile::default_profile("").mark_citing(c, reference, Weight::Required)
}

impl Profile {
    /// Sets whether `q` takes conditional answers, in its rule by number (made from the rule
    /// that governs it now). `false` when no rule governs it.
    pub fn set_conditional_for_question(
        &mut self,
        catalogue: &str,
        q: &super::catalogue::Question,
        conditional: Conditional,
    ) -> bool {
        let Some((accept, weight)) = self
            .index()
            .rule_for(catalogue, q)
            .map(|g| (g.accept.to_vec(), g.weight))
        else {
            return false;
        };
        self.set_for_question(catalogue, q, accept, weight);
        match self.own_rule(catalogue, &q.number_key()) {
            Some(r) => {
                r.conditional = conditional;
                true
            }
            None => false,
        }
    }
}

impl Editable for Profile {
    type Edit = ProfileEdit;
    type Prior = ProfilePrior;
    type Error = ProfileEditError;
    /// The catalogue whose questions the editor lists.
    type Context = Catalogue;

    fn apply_edit(
        &mut self,
        c: &Catalogue,
        edit: &ProfileEdit,
    ) -> Result<Option<ProfilePrior>, ProfileEditError> {
        let prior = self.snapshot(edit);
        match edit {
            ProfileEdit::Name(name) => {
                if name.chars().count() > MAX_PROFILE_NAME {
                    return Err(ProfileEditError::NameTooLong {
                        max: MAX_PROFILE_NAME,
                    });
                }
                self.name.clone_from(name);
            }
            ProfileEdit::Default { accept, weight } => {
                check_accept(accept)?;
                let conditional = self
                    .default
                    .as_ref()
                    .map(|d| d.conditional)
                    .unwrap_or_default();
                self.default = Some(DefaultRule {
                    accept: ordered(accept),
                    weight: *weight,
                    conditional,
                });
            }
            ProfileEdit::Question {
                question,
                accept,
                weight,
            } => {
                check_accept(accept)?;
                let q = c
                    .question(question)
                    .ok_or_else(|| ProfileEditError::UnknownQuestion(question.clone()))?;
                let before = self.rules.clone();
                self.set_for_question(&c.id, q, ordered(accept), *weight);
                if self.rules.len() > super::profile::MAX_RULES {
                    self.rules = before;
                    return Err(ProfileEditError::TooManyRules {
                        max: super::profile::MAX_RULES,
                    });
                }
            }
            ProfileEdit::MarkCiting { reference, weight } => {
                let mut next = self.clone();
                if next.mark_citing(c, reference, *weight) == 0 {
                    return Err(ProfileEditError::NothingCites(reference.trim().to_string()));
                }
                if next.rules.len() > super::profile::MAX_RULES {
                    return Err(ProfileEditError::TooManyRules {
                        max: super::profile::MAX_RULES,
                    });
                }
                self.rules = next.rules;
            }
            ProfileEdit::Conditional {
                question: None,
                conditional,
            } => match &mut self.default {
                Some(d) => d.conditional = *conditional,
                None => return Err(ProfileEditError::NoRule(String::new())),
            },
            ProfileEdit::Conditional {
                question: Some(question),
                conditional,
            } => {
                let q = c
                    .question(question)
                    .ok_or_else(|| ProfileEditError::UnknownQuestion(question.clone()))?;
                let mut next = self.clone();
                if !next.set_conditional_for_question(&c.id, q, *conditional) {
                    return Err(ProfileEditError::NoRule(q.number_key()));
                }
                if next.rules.len() > super::profile::MAX_RULES {
                    return Err(ProfileEditError::TooManyRules {
                        max: super::profile::MAX_RULES,
                    });
                }
                self.rules = next.rules;
            }
        }
        Ok((self.snapshot(edit) != prior).then_some(prior))
    }

    fn snapshot(&self, edit: &ProfileEdit) -> ProfilePrior {
        match edit {
            ProfileEdit::Name(_) => ProfilePrior::Name(self.name.clone()),
            ProfileEdit::Default { .. } | ProfileEdit::Conditional { question: None, .. } => {
                ProfilePrior::Default(self.default.clone())
            }
            ProfileEdit::Question { .. }
            | ProfileEdit::MarkCiting { .. }
            | ProfileEdit::Conditional { .. } => ProfilePrior::Rules(self.rules.clone()),
        }
    }

    fn restore(&mut self, prior: ProfilePrior) {
        match prior {
            ProfilePrior::Name(n) => self.name = n,
            ProfilePrior::Default(d) => self.default = d,
            ProfilePrior::Rules(r) => self.rules = r,
        }
    }

    fn same_typing(earlier: &ProfileEdit, later: &ProfileEdit) -> bool {
        matches!(
            (earlier, later),
            (ProfileEdit::Name(_), ProfileEdit::Name(_))
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::tests::tiny;
    use crate::domain::history::History;

    #[test]
    fn edits_are_checked_and_undone_exactly() {
        let c = tiny();
        let mut p = Profile::default_profile("基準");
        let start = p.clone();
        let mut h = History::<Profile>::new();
        let q = c.questions().next().unwrap().id.clone();
        let refused = ProfileEdit::Question {
            question: q.clone(),
            accept: vec![],
            weight: Weight::Required,
        };
        assert_eq!(
            h.apply(&mut p, &c, refused, 0.0),
            Err(ProfileEditError::NothingAccepted)
        );
        assert_eq!(p, start);
        let unknown = ProfileEdit::Question {
            question: "nope".into(),
            accept: vec![AnswerValue::Yes],
            weight: Weight::Required,
        };
        assert!(h.apply(&mut p, &c, unknown, 0.0).is_err());
        let ok = ProfileEdit::Question {
            question: q,
            accept: vec![AnswerValue::NotApplicable, AnswerValue::Yes],
            weight: Weight::Recommended,
        };
        assert_eq!(h.apply(&mut p, &c, ok, 1.0), Ok(true));
        assert_eq!(p.rules.len(), 1);
        assert_eq!(
            p.rules[0].accept,
            vec![AnswerValue::Yes, AnswerValue::NotApplicable]
        );
        h.apply(&mut p, &c, ProfileEdit::Name("新しい名前".into()), 2.0)
            .unwrap();
        assert!(h.modified());
        h.undo(&mut p);
        h.undo(&mut p);
        assert_eq!(p, start);
        assert!(!h.modified());
    }

    #[test]
    fn conditional_answers_are_refused_by_an_edit_and_undone() {
        let c = tiny();
        let mut p = Profile::default_profile("基準");
        let start = p.clone();
        let mut h = History::<Profile>::new();
        let refuse = |question: Option<&str>| ProfileEdit::Conditional {
            question: question.map(str::to_string),
            conditional: Conditional::Refuse,
        };
        assert_eq!(h.apply(&mut p, &c, refuse(None), 0.0), Ok(true));
        assert_eq!(p.default.as_ref().unwrap().conditional, Conditional::Refuse);
        assert_eq!(h.apply(&mut p, &c, refuse(Some("p")), 1.0), Ok(true));
        assert_eq!(p.rules.len(), 1);
        assert_eq!(p.rules[0].conditional, Conditional::Refuse);
        // The rule by number keeps what the default accepted.
        assert_eq!(p.rules[0].accept, p.default.as_ref().unwrap().accept);
        assert!(h.apply(&mut p, &c, refuse(Some("nope")), 2.0).is_err());
        h.undo(&mut p);
        h.undo(&mut p);
        assert_eq!(p, start);
    }

    #[test]
    fn the_same_value_again_is_no_change() {
        let c = tiny();
        let mut p = Profile::default_profile("基準");
        let d = p.default.clone().unwrap();
        let mut h = History::<Profile>::new();
        let same = ProfileEdit::Default {
            accept: d.accept,
            weight: d.weight,
        };
        assert_eq!(h.apply(&mut p, &c, same, 0.0), Ok(false));
        assert!(!h.modified());
        let unanswered = ProfileEdit::Default {
            accept: vec![AnswerValue::Unanswered],
            weight: Weight::Required,
        };
        assert_eq!(
            h.apply(&mut p, &c, unanswered, 0.0),
            Err(ProfileEditError::UnansweredAccepted)
        );
    }
}
