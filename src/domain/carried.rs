//! What a carried-forward statement records: for each answer, the earlier questions it may
//! continue and why, and which one's answer it took; for the statement, the earlier one it came
//! from and the earlier answers that found no question to go to.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use super::answer::{AnswerValue, OptionAnswer};
use super::edition::Reason;
use super::header::Header;

/// An earlier question and its answer, as they were in the earlier statement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Earlier {
    pub id: String,
    pub number: String,
    pub text: String,
    /// Its guideline reference as printed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// The title of its section.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// Its options, id → label (for an answer given per option).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, String>,
    pub answer: EarlierAnswer,
}

/// An earlier answer as it was: value, remark and each option's.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierAnswer {
    #[serde(default)]
    pub value: AnswerValue,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub remark: String,
    /// Its condition (条件付き回答), if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub condition: String,
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, OptionAnswer>,
}

/// An earlier question a new one may continue, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarryCandidate {
    pub reason: Reason,
    /// How alike the two texts are, in percent (100 = the same once normalised).
    pub similarity: u8,
    pub earlier: Earlier,
    /// Set when the candidate is an entry of an answer library rather than an earlier
    /// statement's question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<LibraryOrigin>,
}

/// The answer library entry a proposed answer came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibraryOrigin {
    /// The library's name (its file name when it has none).
    pub library: String,
    /// The entry's id.
    pub entry: String,
    /// When the entry was last verified, as written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub verified_on: String,
    /// Older than the age chosen when filling (or never verified).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stale: bool,
    /// The statements the entry came from, as `product version (number)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<String>,
}

/// Where a carried answer came from: the candidates, best first, and the one whose answer was
/// carried (none: offered for the user to pick).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Carried {
    pub candidates: Vec<CarryCandidate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chosen: Option<usize>,
}

impl Carried {
    pub fn chosen(&self) -> Option<&CarryCandidate> {
        self.chosen.and_then(|i| self.candidates.get(i))
    }

    /// The earlier statement's question the answer continues: the chosen candidate, or — when
    /// the answer was filled from an answer library since — the best candidate of the earlier
    /// statement (what 「前回からの変更点」 compares with).
    pub fn earlier_chosen(&self) -> Option<&CarryCandidate> {
        let chosen = self.chosen()?;
        match chosen.library {
            None => Some(chosen),
            Some(_) => self.candidates.iter().find(|c| c.library.is_none()),
        }
    }
}

/// The earlier statement a project was carried from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CarryOrigin {
    /// The earlier statement's header (vendor, product, version, date).
    pub header: Header,
    /// Its catalogue's id, title and version.
    pub catalogue: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catalogue_title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub catalogue_version: String,
    /// The fingerprint of the earlier statement (its canonical form).
    pub fingerprint: String,
    /// Earlier answers no question of the new catalogue continues (引き継ぎ先なし).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unplaced: Vec<Earlier>,
}
