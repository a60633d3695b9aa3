//! Files in by the handful: 「受領台帳から選ぶ」, the statements of the register folder with a
//! tick box each, for the shared list of chosen statements ([`super::view::View::chosen`]).

use std::path::PathBuf;

use super::command::FileList;

/// One statement of the register folder in the pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickEntry {
    pub path: PathBuf,
    /// The file name.
    pub file: String,
    /// Vendor / product / version, when the register window has read the file.
    pub about: Option<String>,
    /// Already in the list: shown, not offered again.
    pub added: bool,
    pub ticked: bool,
}

/// 「受領台帳から選ぶ」: the folder, its statements, and which window's list they go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegisterPick {
    pub list: FileList,
    pub folder: PathBuf,
    pub entries: Vec<PickEntry>,
}

impl RegisterPick {
    /// Ticks or unticks one statement (one already in the list stays as it is).
    pub fn tick(&mut self, index: usize, on: bool) {
        if let Some(e) = self.entries.get_mut(index).filter(|e| !e.added) {
            e.ticked = on;
        }
    }

    /// Ticks every statement not yet in the list, or (when all are ticked) none.
    pub fn tick_all(&mut self) {
        let all = self.entries.iter().all(|e| e.added || e.ticked);
        for e in self.entries.iter_mut().filter(|e| !e.added) {
            e.ticked = !all;
        }
    }

    /// The ticked statements, in the folder's order.
    pub fn ticked(&self) -> Vec<PathBuf> {
        self.entries
            .iter()
            .filter(|e| e.ticked && !e.added)
            .map(|e| e.path.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick() -> RegisterPick {
        let entry = |name: &str, added: bool| PickEntry {
            path: PathBuf::from("/r").join(name),
            file: name.into(),
            about: None,
            added,
            ticked: false,
        };
        RegisterPick {
            list: FileList::Compare,
            folder: PathBuf::from("/r"),
            entries: vec![
                entry("a.json", false),
                entry("b.json", true),
                entry("c.xlsx", false),
            ],
        }
    }

    #[test]
    fn ticks_all_then_none_and_never_a_file_already_in_the_list() {
        let mut p = pick();
        p.tick(1, true);
        assert!(p.ticked().is_empty(), "b is in the list already");
        p.tick(2, true);
        assert_eq!(p.ticked(), [PathBuf::from("/r/c.xlsx")]);
        p.tick_all();
        assert_eq!(
            p.ticked(),
            [PathBuf::from("/r/a.json"), PathBuf::from("/r/c.xlsx")]
        );
        p.tick_all();
        assert!(p.ticked().is_empty());
    }
}
