//! The words detection recognises — answer words, marks, header labels, column headings, title
//! words — as data (`assets/import/vocabulary.json`, loaded by `assets` and handed in by the
//! caller): a new label variant is a line of JSON, not a change of code.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::answer::AnswerValue;
use crate::domain::catalogue::Kind;
use crate::domain::project::HeaderField;
use crate::domain::text::fold_width;

/// A header label and the field it names (`created`, `vendor`, `product`, `version`,
/// `contact`), with the kind of form it belongs to when it tells (製造業者 → MDS).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderLabel {
    pub label: String,
    pub field: String,
    #[serde(default)]
    pub kind: Option<Kind>,
}

/// Column headings by the role they give a column.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    pub number: Vec<String>,
    pub text: Vec<String>,
    pub reference: Vec<String>,
    pub answer: Vec<String>,
    pub remark: Vec<String>,
    pub date: Vec<String>,
    /// A column of target dates (目標日): when what an answer does not meet will be met.
    #[serde(default)]
    pub due_date: Vec<String>,
    /// Columns marking the questions of each form (MDS対象, SDS対象).
    #[serde(default)]
    pub form_mds: Vec<String>,
    #[serde(default)]
    pub form_sds: Vec<String>,
    /// A column of categories beside the items (分類, 区分): each new value opens a section.
    #[serde(default)]
    pub category: Vec<String>,
    pub yes: Vec<String>,
    pub no: Vec<String>,
    pub not_applicable: Vec<String>,
}

/// The role a column heading gives its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Number,
    Text,
    Reference,
    Answer,
    Remark,
    Date,
    DueDate,
    Category,
    /// A column marking the questions of one form.
    Form(Kind),
    Yes,
    No,
    NotApplicable,
}

/// The recognised words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// `kaijisho-import-vocabulary`.
    #[serde(default)]
    pub format: String,
    /// Answer word → the value it gives.
    pub answers: BTreeMap<String, AnswerValue>,
    /// Characters or words that mark a column as chosen (○ ● ✓ …).
    pub marks_on: Vec<String>,
    /// Characters of an unticked box (□): not a mark, stripped from a word beside it.
    pub marks_off: Vec<String>,
    /// An unticked box and the ticked one written in its place when the answer is chosen
    /// (□ → ■), so a filled form keeps its boxes.
    #[serde(default)]
    pub box_marks: Vec<(String, String)>,
    /// An unticked mark and its ticked one in a choice written inside one cell
    /// (「■はい　□いいえ　□対象外」, 「●該当 ○非該当」).
    #[serde(default)]
    pub choice_marks: Vec<(String, String)>,
    /// Whole cells that mark a column as chosen (1, x, TRUE …).
    pub mark_words: Vec<String>,
    /// Remarks that mean "no remark" (a dash).
    pub blank_remarks: Vec<String>,
    /// How a condition (条件付き回答) is recognised at the start of a remark (〔条件〕, 【条件】,
    /// [条件], 条件： …), and how it is written back: the form's printed words
    /// (`assets/form/form.json`), set by the assets when they load the vocabulary.
    #[serde(default)]
    pub conditions: crate::domain::condition::ConditionRecognition,
    #[serde(skip)]
    pub printed_condition: Option<crate::domain::condition::ConditionWords>,
    /// Leading characters of an option row (-記憶ID …).
    pub option_dashes: Vec<String>,
    pub header: Vec<HeaderLabel>,
    pub headings: Headings,
    /// Words of a form's title (開示書, チェックリスト).
    pub titles: Vec<String>,
    /// Words of an SDS title (サービス事業者による).
    pub sds_titles: Vec<String>,
    /// Words in a title naming a vendor's confirmation checklist (事業者確認用) and a list of
    /// check items (【別紙】): catalogues of their own kind.
    #[serde(default)]
    pub checklist_titles: Vec<String>,
    #[serde(default)]
    pub appendix_titles: Vec<String>,
    /// Words naming a correspondence sheet (対応表).
    pub correspondence: Vec<String>,
}

/// A choice written inside one cell, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    text: String,
    options: Vec<ChoiceOption>,
}

/// One answer of a [`Choice`]: where its mark is, which mark pair, whether it is ticked.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ChoiceOption {
    at: usize,
    pair: usize,
    on: bool,
    value: AnswerValue,
}

impl Choice {
    /// The ticked answer: `Some(Unanswered)` when none is, `None` when several are.
    pub fn chosen(&self) -> Option<AnswerValue> {
        match self
            .options
            .iter()
            .filter(|o| o.on)
            .collect::<Vec<_>>()
            .as_slice()
        {
            [] => Some(AnswerValue::Unanswered),
            [one] => Some(one.value),
            _ => None,
        }
    }

    /// Whether the choice is 該当 / 非該当 (a gate question's).
    pub fn offers_gate(&self) -> bool {
        self.options
            .iter()
            .all(|o| matches!(o.value, AnswerValue::Applies | AnswerValue::DoesNotApply))
    }

    /// The same cell with `value` ticked and every other answer not (unanswered: none);
    /// `None` when the cell offers no such answer.
    pub fn with(&self, value: AnswerValue, vocab: &Vocabulary) -> Option<String> {
        if value.is_answered() && !self.options.iter().any(|o| o.value == value) {
            return None;
        }
        let mut out = String::with_capacity(self.text.len());
        let mut from = 0;
        for o in &self.options {
            let (off, on) = vocab.choice_marks.get(o.pair)?;
            out.push_str(self.text.get(from..o.at)?);
            out.push_str(if o.value == value { on } else { off });
            from = o.at + self.text.get(o.at..)?.chars().next()?.len_utf8();
        }
        out.push_str(self.text.get(from..)?);
        Some(out)
    }
}

/// Width-folded, without spaces, colons and a trailing period: how labels are compared.
pub(crate) fn label_form(s: &str) -> String {
    fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：'))
        .collect::<String>()
        .trim_end_matches('.')
        .to_string()
}

impl Vocabulary {
    /// The answer a cell's word gives (はい, いいえ, 対象外, 該当, 非該当, with or without a
    /// mark around it).
    pub fn answer_word(&self, s: &str) -> Option<AnswerValue> {
        let t = fold_width(s.trim());
        let t = t.trim_matches(|c: char| self.is_mark_char(c) || c.is_whitespace());
        self.word(t)
    }

    /// The answer a word gives (English words in any case: Yes, YES).
    fn word(&self, t: &str) -> Option<AnswerValue> {
        self.answers.get(t).copied().or_else(|| {
            self.answers
                .iter()
                .find(|(w, _)| w.is_ascii() && w.eq_ignore_ascii_case(t))
                .map(|(_, v)| *v)
        })
    }

    /// Whether the cell holds nothing but an answer word.
    pub fn is_answer_word(&self, s: &str) -> bool {
        self.word(fold_width(s).trim()).is_some()
    }

    fn is_mark_char(&self, c: char) -> bool {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        self.marks_on.iter().chain(&self.marks_off).any(|m| m == s)
    }

    /// A cell that marks its column as chosen: ○ ● ✓ ■ …, 1, x, TRUE.
    pub fn is_mark(&self, s: &str) -> bool {
        let t = fold_width(s.trim());
        if self.marks_on.iter().any(|m| t.contains(m.as_str())) {
            return true;
        }
        self.mark_words.contains(&t)
    }

    /// A printed box alone, ticked or not (□ ■ ☐ ☑).
    pub fn is_box(&self, s: &str) -> bool {
        let t = s.trim();
        self.marks_off.iter().any(|m| m == t)
            || self.box_marks.iter().any(|(off, on)| off == t || on == t)
    }

    /// A choice written inside one cell: each answer word with its own mark before it
    /// (「■はい　□いいえ　□対象外」). `None` when the cell is not such a choice.
    pub fn choice_in_cell(&self, cell: &str) -> Option<Choice> {
        let mark_of = |c: char| {
            self.choice_marks
                .iter()
                .enumerate()
                .find_map(|(i, (off, on))| {
                    let is = |m: &str| m.chars().eq(std::iter::once(c));
                    if is(on) {
                        Some((i, true))
                    } else if is(off) {
                        Some((i, false))
                    } else {
                        None
                    }
                })
        };
        let mut options: Vec<ChoiceOption> = Vec::new();
        for (at, c) in cell.char_indices() {
            if let Some((pair, on)) = mark_of(c) {
                options.push(ChoiceOption {
                    at,
                    pair,
                    on,
                    value: AnswerValue::Unanswered,
                });
            } else if options.is_empty() && !c.is_whitespace() {
                return None;
            }
        }
        let ends: Vec<usize> = options
            .iter()
            .skip(1)
            .map(|o| o.at)
            .chain(std::iter::once(cell.len()))
            .collect();
        for (o, end) in options.iter_mut().zip(ends) {
            let mark_len = cell.get(o.at..)?.chars().next()?.len_utf8();
            let word = cell.get(o.at + mark_len..end)?;
            o.value = self
                .answers
                .get(fold_width(word.trim()).as_str())
                .copied()?;
        }
        (options.len() >= 2).then(|| Choice {
            text: cell.to_string(),
            options,
        })
    }

    /// The mark written into a chosen column (the first of `marks_on`).
    pub fn mark(&self) -> &str {
        self.marks_on.first().map_or("○", String::as_str)
    }

    /// What a mark cell that shows only `shown` becomes: chosen, the ticked box for a printed
    /// box (else `mark`); not chosen, a printed box stays (anything else is cleared).
    pub fn mark_in_place(&self, shown: &str, chosen: bool, mark: &str) -> String {
        let shown = shown.trim();
        let boxed = self
            .box_marks
            .iter()
            .find(|(off, on)| off == shown || on == shown);
        match (boxed, chosen) {
            (Some((_, on)), true) => on.clone(),
            (Some((off, _)), false) => off.clone(),
            (None, true) => mark.to_string(),
            (None, false) if self.marks_off.iter().any(|m| m == shown) => shown.to_string(),
            (None, false) => String::new(),
        }
    }

    /// The word written for an answer: the form's own (はい), else the first word that gives
    /// it.
    pub fn word_for(&self, value: AnswerValue) -> Option<&str> {
        if self.answers.get(value.label()) == Some(&value) {
            return Some(value.label());
        }
        self.answers
            .iter()
            .find(|(_, v)| **v == value)
            .map(|(w, _)| w.as_str())
            .or_else(|| value.is_answered().then(|| value.label()))
    }

    /// The English word written for an answer (Yes, No, N/A …), if the vocabulary has one.
    pub fn english_word_for(&self, value: AnswerValue) -> Option<&str> {
        self.answers
            .iter()
            .find(|(w, v)| **v == value && w.is_ascii())
            .map(|(w, _)| w.as_str())
    }

    /// A remark that means "none".
    /// How a condition is written before a remark: the form's printed words, else the first
    /// recognised prefix and end (a vocabulary loaded without the form's).
    pub fn condition_words(&self) -> crate::domain::condition::ConditionWords {
        self.printed_condition
            .clone()
            .unwrap_or_else(|| crate::domain::condition::ConditionWords {
                prefix: self
                    .conditions
                    .prefixes
                    .first()
                    .cloned()
                    .unwrap_or_default(),
                end: self.conditions.ends.first().cloned().unwrap_or_default(),
            })
    }

    /// A remark cell's condition and the rest of its remark, when it starts with a condition.
    pub fn split_condition(&self, cell: &str) -> Option<(String, String)> {
        self.conditions.split(cell)
    }

    pub fn is_blank_remark(&self, s: &str) -> bool {
        let t = s.trim();
        t.is_empty() || self.blank_remarks.iter().any(|b| b == t)
    }

    /// The label of an option row: a leading dash and text.
    pub fn option_label(&self, cells: &[(u16, &str)]) -> Option<(u16, String)> {
        let (col, v) = cells.first()?;
        let t = v.trim_start();
        let dash = self
            .option_dashes
            .iter()
            .find(|d| !d.is_empty() && t.starts_with(d.as_str()))?;
        let label = t.get(dash.len()..)?.trim();
        (!label.is_empty()).then(|| (*col, label.to_string()))
    }

    /// The header field a label names, and the kind of form the label belongs to.
    pub fn header_field(&self, label: &str) -> Option<(HeaderField, Option<Kind>)> {
        let l = label_form(label);
        let one = |l: &str| {
            let found = self.header.iter().find(|h| label_form(&h.label) == l)?;
            let field = HeaderField::ALL
                .into_iter()
                .find(|f| f.key() == found.field)?;
            Some((field, found.kind))
        };
        if let Some(found) = one(&l) {
            return Some(found);
        }
        // Labels joined for both forms (製造業者/サービス事業者, 製品名称・サービス名称): one
        // field, of either kind.
        let parts: Vec<&str> = l
            .split(['/', '／', '・'])
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            return None;
        }
        let fields: Vec<(HeaderField, Option<Kind>)> =
            parts.iter().map(|p| one(p)).collect::<Option<_>>()?;
        let field = fields.first()?.0;
        let kinds: std::collections::HashSet<Option<Kind>> = fields.iter().map(|f| f.1).collect();
        let kind = if kinds.len() == 1 {
            fields.first()?.1
        } else {
            None
        };
        fields.iter().all(|f| f.0 == field).then_some((field, kind))
    }

    /// A cell holding a label and its value: `製造業者名：株式会社…` (a colon after a known
    /// label). Returns the field, kind, the label part as written and the value.
    pub fn label_and_value<'s>(
        &self,
        cell: &'s str,
    ) -> Option<(HeaderField, Option<Kind>, &'s str, &'s str)> {
        let at = cell.find([':', '：'])?;
        let label = cell.get(..at)?;
        let colon = cell.get(at..)?.chars().next()?;
        let value = cell.get(at + colon.len_utf8()..)?;
        let (field, kind) = self.header_field(label)?;
        Some((
            field,
            kind,
            cell.get(..at + colon.len_utf8())?,
            value.trim(),
        ))
    }

    /// The role a column heading gives: exact headings first, then headings the cell
    /// contains (備考(記入欄) is a remark heading).
    pub fn heading_role(&self, cell: &str) -> Option<Role> {
        let c = label_form(cell);
        if c.is_empty() {
            return None;
        }
        let h = &self.headings;
        let roles: [(Role, &Vec<String>); 13] = [
            (Role::Yes, &h.yes),
            (Role::No, &h.no),
            (Role::NotApplicable, &h.not_applicable),
            (Role::Remark, &h.remark),
            (Role::Answer, &h.answer),
            (Role::Reference, &h.reference),
            (Role::Date, &h.date),
            (Role::DueDate, &h.due_date),
            (Role::Category, &h.category),
            (Role::Form(Kind::Mds), &h.form_mds),
            (Role::Form(Kind::Sds), &h.form_sds),
            (Role::Number, &h.number),
            (Role::Text, &h.text),
        ];
        for (role, words) in roles {
            if words.iter().any(|w| label_form(w) == c) {
                return Some(role);
            }
        }
        // Containment only for Japanese words, and only in short cells (a heading, not a
        // question that mentions 備考).
        if c.chars().count() > 12 {
            return None;
        }
        // Not for categories and forms: 対応区分 or 適用区分 name no category column.
        let contained = roles
            .into_iter()
            .skip(3)
            .filter(|(r, _)| !matches!(r, Role::Category | Role::Form(_)));
        for (role, words) in contained {
            if words
                .iter()
                .any(|w| !w.is_ascii() && w.chars().count() >= 2 && c.contains(&label_form(w)))
            {
                return Some(role);
            }
        }
        None
    }

    /// A title of a form (holds 開示書 or チェックリスト).
    pub fn is_title(&self, s: &str) -> bool {
        self.titles.iter().any(|t| s.contains(t.as_str()))
    }

    /// A title of an SDS.
    pub fn is_sds_title(&self, s: &str) -> bool {
        self.sds_titles.iter().any(|t| s.contains(t.as_str()))
    }

    /// The kind a title names, when it names another checklist than the MDS/SDS.
    pub fn other_kind_title(&self, s: &str) -> Option<Kind> {
        let named = |words: &[String]| words.iter().any(|t| s.contains(t.as_str()));
        if named(&self.checklist_titles) {
            Some(Kind::Checklist)
        } else if named(&self.appendix_titles) {
            Some(Kind::Appendix)
        } else {
            None
        }
    }

    /// A sheet name or title naming a correspondence table.
    pub fn is_correspondence(&self, s: &str) -> bool {
        self.correspondence.iter().any(|t| s.contains(t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        serde_json::from_str(include_str!("../../../../assets/import/vocabulary.json")).unwrap()
    }

    #[test]
    fn marks_and_words() {
        let v = vocab();
        assert!(v.is_mark("○"));
        // The kanji zero many type for a circle, and a katakana check.
        assert!(v.is_mark("〇"));
        assert!(v.is_mark("レ"));
        assert!(!v.is_mark("レベル"));
        assert!(v.is_mark("■はい"));
        assert!(v.is_mark("1"));
        assert!(!v.is_mark("□はい"));
        assert!(!v.is_mark(""));
        assert_eq!(v.answer_word("■対象外"), Some(AnswerValue::NotApplicable));
        assert_eq!(v.answer_word(" 非該当 "), Some(AnswerValue::DoesNotApply));
        assert_eq!(v.answer_word("備考"), None);
        assert_eq!(v.word_for(AnswerValue::Yes), Some("はい"));
    }

    #[test]
    fn a_choice_inside_one_cell_is_read_and_rewritten_in_its_own_marks() {
        let v = vocab();
        let c = v.choice_in_cell("■はい　□いいえ　□対象外").unwrap();
        assert_eq!(c.chosen(), Some(AnswerValue::Yes));
        assert_eq!(
            c.with(AnswerValue::NotApplicable, &v).as_deref(),
            Some("□はい　□いいえ　■対象外")
        );
        assert_eq!(
            c.with(AnswerValue::Unanswered, &v).as_deref(),
            Some("□はい　□いいえ　□対象外")
        );
        assert_eq!(c.with(AnswerValue::Applies, &v), None, "not offered");
        let gate = v.choice_in_cell("○該当 ●非該当").unwrap();
        assert_eq!(gate.chosen(), Some(AnswerValue::DoesNotApply));
        assert_eq!(
            gate.with(AnswerValue::Applies, &v).as_deref(),
            Some("●該当 ○非該当")
        );
        assert_eq!(v.choice_in_cell("☑はい ☑いいえ").unwrap().chosen(), None);
        assert_eq!(
            v.choice_in_cell("□はい □いいえ").unwrap().chosen(),
            Some(AnswerValue::Unanswered)
        );
        for not_a_choice in [
            "■はい",
            "はい",
            "■はい（一部） □いいえ",
            "注: □はい □いいえ",
            "",
        ] {
            assert_eq!(v.choice_in_cell(not_a_choice), None, "{not_a_choice}");
        }
    }

    #[test]
    fn labels_headings_and_label_value_cells() {
        let v = vocab();
        assert_eq!(
            v.header_field("製造業者名："),
            Some((HeaderField::Vendor, Some(Kind::Mds)))
        );
        let (f, _, label, value) = v.label_and_value("製品名称：画像サーバ X").unwrap();
        assert_eq!(
            (f, label, value),
            (HeaderField::Product, "製品名称：", "画像サーバ X")
        );
        assert!(v.label_and_value("アクセス管理：有効か?").is_none());
        assert_eq!(v.heading_role("No."), Some(Role::Number));
        assert_eq!(v.heading_role("確認結果"), Some(Role::Answer));
        assert_eq!(v.heading_role("備考(記入欄)"), Some(Role::Remark));
        assert_eq!(v.heading_role("チェック項目"), Some(Role::Text));
        assert_eq!(v.heading_role("参照"), Some(Role::Reference));
        assert_eq!(v.heading_role("はい"), Some(Role::Yes));
        assert_eq!(v.heading_role("備考欄に理由を書いているか?(6.5.C1)"), None);
        assert_eq!(
            v.header_field("製造業者/サービス事業者"),
            Some((HeaderField::Vendor, None))
        );
        assert_eq!(
            v.header_field("製品名称・サービス名称"),
            Some((HeaderField::Product, None))
        );
        assert_eq!(v.header_field("製造業者/バージョン"), None);
        assert_eq!(
            v.header_field("医療情報システム名"),
            Some((HeaderField::Product, None))
        );
        assert_eq!(v.answer_word("YES"), Some(AnswerValue::Yes));
        assert_eq!(
            v.answer_word("Not applicable"),
            Some(AnswerValue::DoesNotApply)
        );
        assert_eq!(v.word_for(AnswerValue::Yes), Some("はい"));
        assert_eq!(v.word_for(AnswerValue::NotApplicable), Some("対象外"));
    }
}
