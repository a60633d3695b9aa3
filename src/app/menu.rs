//! The menus as one table: each entry's message id, shortcut, when it is enabled or ticked,
//! and the command it sends. The menu bar is drawn from it and the shortcuts are read from it,
//! so an entry cannot have a label without being reachable.

use crate::i18n::Lang;

use super::command::{Command, LibraryCommand, Purpose, SignatureCommand};
use super::state::AppState;

/// The menus of the menu bar, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    File,
    Edit,
    /// 回答集: the answer library.
    Library,
    View,
    Help,
}

impl Menu {
    pub const ALL: [Menu; 5] = [
        Menu::File,
        Menu::Edit,
        Menu::Library,
        Menu::View,
        Menu::Help,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            Menu::File => "menu-file",
            Menu::Edit => "menu-edit",
            Menu::Library => "menu-library",
            Menu::View => "menu-view",
            Menu::Help => "menu-help",
        }
    }
}

/// Keys the app binds (the UI maps them to its toolkit's keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    N,
    O,
    S,
    Z,
    Y,
    ArrowUp,
    ArrowDown,
    Num1,
    Num2,
    Num3,
    Num0,
    F5,
    Escape,
    ArrowLeft,
    ArrowRight,
    PageUp,
    PageDown,
    Space,
    Backspace,
    B,
    G,
    H,
    Plus,
    Equals,
    Minus,
    L,
    Q,
    Period,
    K,
    Home,
    End,
}

/// A key with modifiers; `command` is Ctrl (⌘ on macOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shortcut {
    pub key: Key,
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
}

impl Shortcut {
    pub const fn cmd(key: Key) -> Shortcut {
        Shortcut {
            key,
            command: true,
            shift: false,
            alt: false,
        }
    }

    pub const fn cmd_shift(key: Key) -> Shortcut {
        Shortcut {
            key,
            command: true,
            shift: true,
            alt: false,
        }
    }

    pub const fn alt(key: Key) -> Shortcut {
        Shortcut {
            key,
            command: false,
            shift: false,
            alt: true,
        }
    }

    pub const fn plain(key: Key) -> Shortcut {
        Shortcut {
            key,
            command: false,
            shift: false,
            alt: false,
        }
    }

    /// Modifier keys held (to try the most specific shortcuts first).
    pub fn modifier_count(self) -> usize {
        usize::from(self.command) + usize::from(self.shift) + usize::from(self.alt)
    }
}

/// One menu entry.
pub struct Entry {
    pub menu: Menu,
    /// Fluent message id of its label.
    pub id: &'static str,
    pub shortcut: Option<Shortcut>,
    /// Whether the shortcut also acts while a text field has the keyboard (Ctrl+S does; Ctrl+Z
    /// belongs to the field).
    pub while_typing: bool,
    /// A separator is drawn above the entry.
    pub group_start: bool,
    pub enabled: fn(&AppState) -> bool,
    /// `Some` for entries shown with a tick or a radio mark.
    pub checked: Option<fn(&AppState) -> bool>,
    /// One of a group of choices (drawn as a radio button rather than a tick).
    pub radio: bool,
    /// A line of information drawn (not clickable) above the entry, e.g. the zoom level.
    pub caption: Option<fn(&AppState) -> String>,
    pub command: fn(&AppState) -> Command,
}

fn always(_: &AppState) -> bool {
    true
}

fn has_doc(s: &AppState) -> bool {
    s.doc.is_some()
}

/// The open statement was carried forward from an earlier one.
/// A received statement is open (for review).
fn received(s: &AppState) -> bool {
    s.doc.as_ref().is_some_and(|d| d.received.is_some())
}

/// The user's own statement is open (not one received for review).
fn own_statement(s: &AppState) -> bool {
    s.doc.as_ref().is_some_and(|d| d.received.is_none())
}

/// The window's own statement, and it is signed (a timestamp goes on its signature).
fn signed_own_statement(s: &AppState) -> bool {
    own_statement(s)
        && s.doc
            .as_ref()
            .is_some_and(|d| d.project.signature.is_some())
}

/// An answer library is open.
fn has_library(s: &AppState) -> bool {
    s.library.view.is_some()
}

fn carried(s: &AppState) -> bool {
    s.doc
        .as_ref()
        .is_some_and(|d| d.project.carried_from.is_some())
}

const fn entry(menu: Menu, id: &'static str, command: fn(&AppState) -> Command) -> Entry {
    Entry {
        menu,
        id,
        shortcut: None,
        while_typing: true,
        group_start: false,
        enabled: always,
        checked: None,
        radio: false,
        caption: None,
        command,
    }
}

impl Entry {
    const fn key(mut self, s: Shortcut, while_typing: bool) -> Entry {
        self.shortcut = Some(s);
        self.while_typing = while_typing;
        self
    }

    const fn when(mut self, enabled: fn(&AppState) -> bool) -> Entry {
        self.enabled = enabled;
        self
    }

    const fn ticked(mut self, checked: fn(&AppState) -> bool) -> Entry {
        self.checked = Some(checked);
        self
    }

    const fn choice(mut self, checked: fn(&AppState) -> bool) -> Entry {
        self.checked = Some(checked);
        self.radio = true;
        self
    }

    const fn caption(mut self, caption: fn(&AppState) -> String) -> Entry {
        self.caption = Some(caption);
        self
    }

    const fn group(mut self) -> Entry {
        self.group_start = true;
        self
    }
}

/// Every menu entry, menu by menu, in the order drawn (built once).
pub fn entries() -> &'static [Entry] {
    static TABLE: std::sync::LazyLock<Vec<Entry>> = std::sync::LazyLock::new(table);
    &TABLE
}

/// The File menu's entries.
fn file_entries() -> Vec<Entry> {
    use Menu::*;
    vec![
        entry(File, "menu-new", |_| Command::Close).key(Shortcut::cmd(Key::N), true),
        entry(File, "menu-open", |_| Command::Ask(Purpose::Open)).key(Shortcut::cmd(Key::O), true),
        entry(File, "menu-open-review", |_| {
            Command::Ask(Purpose::OpenForReview)
        }),
        entry(File, "menu-save", |_| Command::SaveOrAsk)
            .key(Shortcut::cmd(Key::S), true)
            .when(has_doc),
        entry(File, "menu-save-as", |_| Command::Ask(Purpose::SaveAs))
            .key(Shortcut::cmd_shift(Key::S), true)
            .when(has_doc),
        entry(File, "menu-import", |_| Command::Ask(Purpose::Import)).group(),
        entry(File, "menu-export-xlsx", |_| {
            Command::Ask(Purpose::ExportXlsx)
        })
        .when(has_doc),
        entry(File, "menu-export-into", |_| Command::StartExportInto).when(has_doc),
        entry(File, "menu-export-pdf", |_| {
            Command::Ask(Purpose::ExportPdf)
        })
        .when(has_doc),
        entry(File, "menu-sign", |_| {
            Command::Signature(SignatureCommand::Show)
        })
        .when(has_doc),
        entry(File, "menu-timestamp-request", |_| {
            Command::Ask(Purpose::TimestampRequest)
        })
        .when(signed_own_statement),
        entry(File, "menu-timestamp-reply", |_| {
            Command::Ask(Purpose::TimestampReply)
        })
        .when(signed_own_statement),
        entry(File, "menu-compare", |_| Command::ShowCompare).group(),
        entry(File, "menu-carry", |_| Command::ShowCarry).when(has_doc),
        entry(File, "menu-carry-report", |_| Command::ShowCarryReport).when(carried),
        entry(File, "menu-changes", |_| Command::ShowChanges).when(carried),
        entry(File, "menu-check", |_| Command::ShowCheck).group(),
        entry(File, "menu-profile", |_| Command::ShowProfileEditor),
        entry(File, "menu-register", |_| Command::ShowRegister),
        entry(File, "menu-dossier", |_| Command::ShowDossier),
        entry(File, "menu-organisation", |_| Command::ShowOrganisation),
        entry(File, "menu-exercise-new", |_| {
            Command::Ask(Purpose::ExerciseCopy)
        })
        .group()
        .when(has_doc),
        entry(File, "menu-exercise-check", |_| Command::ShowExercise).when(has_doc),
        entry(File, "menu-close", |_| Command::Close)
            .group()
            .when(has_doc),
        entry(File, "menu-quit", |_| Command::Quit).key(Shortcut::cmd(Key::Q), false),
    ]
}

fn table() -> Vec<Entry> {
    use Menu::*;
    let mut entries = file_entries();
    entries.extend([
        entry(Edit, "menu-undo", |_| Command::Undo)
            .key(Shortcut::cmd(Key::Z), false)
            .when(|s| s.undo_target(true).is_some()),
        entry(Edit, "menu-redo", |_| Command::Redo)
            .key(Shortcut::cmd(Key::Y), false)
            .when(|s| s.undo_target(false).is_some()),
        entry(Edit, "menu-confirm-carried", |_| {
            Command::ConfirmCarriedNext
        })
        .key(Shortcut::plain(Key::K), false)
        .group()
        .when(|s| {
            s.doc
                .as_ref()
                .and_then(|d| d.selected.as_deref())
                .is_some_and(|q| s.needs_recheck(q))
                && !s.view.review_mode
        }),
        entry(Edit, "menu-next", |_| Command::Next)
            .key(Shortcut::alt(Key::ArrowDown), true)
            .group()
            .when(has_doc),
        entry(Edit, "menu-previous", |_| Command::Previous)
            .key(Shortcut::alt(Key::ArrowUp), true)
            .when(has_doc),
        entry(Library, "menu-library-new", |_| {
            Command::Library(LibraryCommand::New)
        }),
        entry(Library, "menu-library-open", |_| {
            Command::Ask(Purpose::OpenLibrary)
        }),
        entry(Library, "menu-library-save", |_| {
            Command::Library(LibraryCommand::Save)
        })
        .when(has_library),
        entry(Library, "menu-library-save-as", |_| {
            Command::Ask(Purpose::SaveLibrary)
        })
        .when(has_library),
        entry(Library, "menu-library-add", |_| {
            Command::Library(LibraryCommand::ShowAdd)
        })
        .group(),
        entry(Library, "menu-library-fill", |_| {
            Command::Library(LibraryCommand::ShowFill)
        })
        .when(has_doc),
        entry(Library, "menu-library-check", |_| {
            Command::Library(LibraryCommand::ShowCheck)
        })
        .group(),
        entry(Library, "menu-library-close", |_| {
            Command::Library(LibraryCommand::Close)
        })
        .group()
        .when(has_library),
        entry(View, "menu-validation", |_| Command::ToggleValidation)
            .when(has_doc)
            .ticked(|s| s.view.show_validation),
        entry(View, "menu-review", |_| Command::ToggleReviewMode).ticked(|s| s.view.review_mode),
        entry(View, "menu-edit-as-vendor", |_| Command::EditAsVendor(None)).when(received),
        entry(View, "menu-guide-panel", |_| Command::ToggleGuide)
            .when(has_doc)
            .ticked(AppState::guide_shown),
        entry(View, "menu-grid", |_| Command::ToggleGrid)
            .key(Shortcut::cmd(Key::L), true)
            .when(has_doc)
            .ticked(|s| s.view.grid.is_some()),
        entry(View, "menu-presentation", |_| Command::TogglePresentation)
            .key(Shortcut::plain(Key::F5), true)
            .group()
            .when(has_doc)
            .ticked(AppState::presenting),
        entry(View, "menu-hide-vendor", |_| Command::ToggleHideVendor)
            .ticked(|s| s.settings.hide_vendor),
        entry(View, "menu-zoom-in", |_| Command::ZoomIn)
            .key(Shortcut::cmd(Key::Equals), true)
            .group()
            .caption(|s| {
                s.loc
                    .ta("menu-zoom-level", &[("percent", s.settings.zoom.0.into())])
            }),
        entry(View, "menu-zoom-out", |_| Command::ZoomOut).key(Shortcut::cmd(Key::Minus), true),
        entry(View, "menu-zoom-reset", |_| Command::ZoomReset)
            .key(Shortcut::cmd(Key::Num0), true)
            .when(|s| s.settings.zoom != super::settings::Zoom::default()),
        entry(View, "menu-lang-auto", |_| Command::SetLang(None))
            .group()
            .choice(|s| s.settings.lang.is_none()),
        entry(View, "menu-lang-ja", |_| Command::SetLang(Some(Lang::Ja)))
            .choice(|s| s.settings.lang == Some(Lang::Ja)),
        entry(View, "menu-lang-en", |_| Command::SetLang(Some(Lang::En)))
            .choice(|s| s.settings.lang == Some(Lang::En)),
        entry(View, "menu-dark", |s| Command::SetDark(!s.settings.dark))
            .group()
            .ticked(|s| s.settings.dark),
        entry(Help, "menu-guide", |_| Command::ShowGuide),
        entry(Help, "menu-shortcuts", |_| Command::ShowShortcuts),
        entry(Help, "menu-about", |_| Command::ShowAbout),
    ]);
    entries
}

/// The keys that answer the current question: 1, 2, 3 pick its first, second or third value.
pub const ANSWER_KEYS: [Key; 3] = [Key::Num1, Key::Num2, Key::Num3];
