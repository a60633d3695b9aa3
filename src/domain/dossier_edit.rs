//! Changes to a dossier file (the hospital's risk notes), as typed edits checked before they
//! change anything.

use super::dossier::{DossierFile, MAX_NOTE_CHARS, MAX_NOTES, RiskNote, RiskStatus};
use super::history::Editable;

/// One field of a risk note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteField {
    /// リスク評価.
    Assessment,
    /// 対応策.
    Treatment,
    /// 担当.
    Owner,
    /// 期限.
    Due,
}

impl NoteField {
    pub const ALL: [NoteField; 4] = [
        NoteField::Assessment,
        NoteField::Treatment,
        NoteField::Owner,
        NoteField::Due,
    ];

    pub fn key(self) -> &'static str {
        match self {
            NoteField::Assessment => "assessment",
            NoteField::Treatment => "treatment",
            NoteField::Owner => "owner",
            NoteField::Due => "due",
        }
    }

    pub fn get(self, n: &RiskNote) -> &str {
        match self {
            NoteField::Assessment => &n.assessment,
            NoteField::Treatment => &n.treatment,
            NoteField::Owner => &n.owner,
            NoteField::Due => &n.due,
        }
    }

    fn get_mut(self, n: &mut RiskNote) -> &mut String {
        match self {
            NoteField::Assessment => &mut n.assessment,
            NoteField::Treatment => &mut n.treatment,
            NoteField::Owner => &mut n.owner,
            NoteField::Due => &mut n.due,
        }
    }
}

/// What is changed of one item's note.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteChange {
    Text(NoteField, String),
    Status(RiskStatus),
}

/// One change to a dossier: one item's note (by statement file name and question id), written
/// for the statement with `fingerprint`.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierEdit {
    pub file: String,
    pub question: String,
    pub fingerprint: String,
    pub change: NoteChange,
}

/// What a dossier edit replaced: the item's note as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierPrior {
    file: String,
    question: String,
    note: Option<RiskNote>,
}

/// Why a dossier edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DossierEditError {
    #[error("at most {max} characters")]
    TooLong { max: usize },
    #[error("no statement or question named")]
    NoItem,
    #[error("at most {max} notes")]
    TooManyNotes { max: usize },
}

impl Editable for DossierFile {
    type Edit = DossierEdit;
    type Prior = DossierPrior;
    type Error = DossierEditError;
    type Context = ();

    fn apply_edit(
        &mut self,
        _: &(),
        edit: &DossierEdit,
    ) -> Result<Option<DossierPrior>, DossierEditError> {
        if edit.file.is_empty() || edit.question.is_empty() {
            return Err(DossierEditError::NoItem);
        }
        if let NoteChange::Text(_, text) = &edit.change
            && text.chars().count() > MAX_NOTE_CHARS
        {
            return Err(DossierEditError::TooLong {
                max: MAX_NOTE_CHARS,
            });
        }
        let prior = self.snapshot(edit);
        if prior.note.is_none() && self.note_count() >= MAX_NOTES {
            return Err(DossierEditError::TooManyNotes { max: MAX_NOTES });
        }
        let mut note = prior.note.clone().unwrap_or_default();
        match &edit.change {
            NoteChange::Text(field, text) => field.get_mut(&mut note).clone_from(text),
            NoteChange::Status(status) => note.status = *status,
        }
        if note == prior.note.clone().unwrap_or_default() {
            return Ok(None);
        }
        note.fingerprint.clone_from(&edit.fingerprint);
        let notes = self.notes.entry(edit.file.clone()).or_default();
        if note.is_blank() {
            // A note emptied again keeps no entry.
            notes.shift_remove(&edit.question);
            if notes.is_empty() {
                self.notes.shift_remove(&edit.file);
            }
        } else {
            notes.insert(edit.question.clone(), note);
        }
        Ok((self.snapshot(edit) != prior).then_some(prior))
    }

    fn snapshot(&self, edit: &DossierEdit) -> DossierPrior {
        DossierPrior {
            file: edit.file.clone(),
            question: edit.question.clone(),
            note: self.note(&edit.file, &edit.question).cloned(),
        }
    }

    fn restore(&mut self, prior: DossierPrior) {
        match prior.note {
            Some(n) => {
                self.notes
                    .entry(prior.file)
                    .or_default()
                    .insert(prior.question, n);
            }
            None => {
                if let Some(notes) = self.notes.get_mut(&prior.file) {
                    notes.shift_remove(&prior.question);
                    if notes.is_empty() {
                        self.notes.shift_remove(&prior.file);
                    }
                }
            }
        }
    }

    fn same_typing(earlier: &DossierEdit, later: &DossierEdit) -> bool {
        match (&earlier.change, &later.change) {
            (NoteChange::Text(a, _), NoteChange::Text(b, _)) => {
                a == b && earlier.file == later.file && earlier.question == later.question
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::history::History;

    fn edit(change: NoteChange) -> DossierEdit {
        DossierEdit {
            file: "a.json".into(),
            question: "q3".into(),
            fingerprint: "sha256:1".into(),
            change,
        }
    }

    #[test]
    fn notes_are_written_undone_and_left_without_an_empty_entry() {
        let mut d = DossierFile::default();
        let mut h: History<DossierFile> = History::new();
        let typed = |t: &str| edit(NoteChange::Text(NoteField::Assessment, t.into()));
        assert_eq!(h.apply(&mut d, &(), typed("院内"), 1.0), Ok(true));
        assert_eq!(h.apply(&mut d, &(), typed("院内のみ"), 1.5), Ok(true));
        h.seal();
        let n = d.note("a.json", "q3").unwrap();
        assert_eq!(
            (n.assessment.as_str(), n.fingerprint.as_str()),
            ("院内のみ", "sha256:1")
        );
        assert_eq!(
            h.apply(
                &mut d,
                &(),
                edit(NoteChange::Status(RiskStatus::Accepted)),
                2.0
            ),
            Ok(true)
        );
        assert!(h.step(&mut d, true).is_some());
        assert_eq!(d.note("a.json", "q3").unwrap().status, RiskStatus::Open);
        assert!(h.step(&mut d, true).is_some(), "the typing was one step");
        assert!(d.notes.is_empty(), "no note, no entry");
        // Emptied by typing: no entry either.
        h.apply(&mut d, &(), typed("x"), 3.0).unwrap();
        h.apply(&mut d, &(), typed(""), 3.1).unwrap();
        assert!(d.notes.is_empty());
    }

    #[test]
    fn bad_edits_are_refused_and_change_nothing() {
        let mut d = DossierFile::default();
        let long = "あ".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            d.apply_edit(&(), &edit(NoteChange::Text(NoteField::Owner, long))),
            Err(DossierEditError::TooLong {
                max: MAX_NOTE_CHARS
            })
        );
        let mut nameless = edit(NoteChange::Status(RiskStatus::Done));
        nameless.question.clear();
        assert_eq!(d.apply_edit(&(), &nameless), Err(DossierEditError::NoItem));
        assert!(d.notes.is_empty());
        assert_eq!(
            d.apply_edit(&(), &edit(NoteChange::Status(RiskStatus::Open))),
            Ok(None),
            "the state it is already in"
        );
    }
}
