//! The desktop app (eframe/egui). Saved settings and runtime state are kept apart: settings go
//! to eframe's storage, projects only ever to the user's own files. Panels live in `crate::ui`,
//! one file each, and act through [`state::Command`]s.

pub mod state;

use std::path::PathBuf;

use eframe::egui;

use crate::i18n::Lang;
use crate::ui;
use state::{AppState, Command, Settings};

const SETTINGS_KEY: &str = "kaijisho-settings";
/// Seconds an edit waits before it is written to the recovery file.
pub const AUTOSAVE_DELAY: f64 = 3.0;

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Open,
    SaveAs,
    ExportPdf,
    ExportXlsx,
    Import,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
}

/// The new-project form on the start screen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewForm {
    pub catalogue: String,
    pub header: crate::domain::project::Header,
}

/// State that lives only while the app runs.
#[derive(Debug, Default)]
pub struct UiState {
    pub filter_unanswered: bool,
    pub filter_no: bool,
    pub filter_findings: bool,
    pub search: String,
    pub path_prompt: Option<PathPrompt>,
    /// A command waiting for "discard unsaved changes?".
    pub confirm: Option<Command>,
    pub new_form: NewForm,
    pub show_validation: bool,
    pub title: String,
    /// Close requested and confirmed: let the window close.
    pub closing: bool,
    /// Review mode: the vendor's answers are read-only; reviewer status and comments are edited.
    pub review_mode: bool,
    pub review_filter: Option<crate::domain::project::ReviewStatus>,
    /// The comparison window, when open.
    pub compare: Option<CompareForm>,
    /// The carry-forward dialog: the catalogue to carry to.
    pub carry_to: Option<String>,
    /// ヘルプ → kaijisho について.
    pub show_about: bool,
}

/// The comparison window's inputs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompareForm {
    pub files: Vec<PathBuf>,
    pub input: String,
    pub only_differences: bool,
    pub only_no: bool,
    pub only_unanswered: bool,
}

pub struct KaijishoApp {
    pub state: AppState,
    pub ui: UiState,
    pending: Vec<Command>,
    probe: Probe,
}

/// Measurement aids for the scripts under `scripts/perf` (hidden options of `kaijisho open`):
/// off unless asked for on the command line.
#[derive(Debug, Default)]
struct Probe {
    print_first_frame: bool,
    exit_after_ms: Option<u64>,
    frames: u64,
}

impl Probe {
    fn frame(&mut self, ctx: &egui::Context, now: f64) {
        self.frames += 1;
        if self.print_first_frame {
            match self.frames {
                // The first frame is painted after this pass; the next pass starts once it is
                // on screen.
                1 => ctx.request_repaint(),
                2 => {
                    let ns = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_nanos())
                        .unwrap_or_default();
                    println!("first-frame-epoch-ns {ns}");
                }
                _ => {}
            }
        }
        if let Some(ms) = self.exit_after_ms {
            let left = ms as f64 / 1000.0 - now;
            if left <= 0.0 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
            }
        }
    }
}

/// Options for starting the app (tests and `kaijisho open <file>`).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub open: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// Measurement aid: print when the first frame has been shown.
    pub print_first_frame: bool,
    /// Measurement aid: close the window after this many milliseconds.
    pub exit_after_ms: Option<u64>,
}

impl KaijishoApp {
    pub fn new(cc: &eframe::CreationContext<'_>, opts: StartOptions) -> KaijishoApp {
        let mut settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
            .unwrap_or_default();
        if opts.lang.is_some() {
            settings.lang = opts.lang;
        }
        ui::fonts::install(&cc.egui_ctx);
        let data_dir = opts.data_dir.or_else(state::data_dir);
        let mut app = KaijishoApp::with_state(
            match AppState::new(settings, data_dir) {
                Ok(s) => s,
                Err(e) => {
                    // Shipped data is checked by the tests; this is a last resort message.
                    eprintln!("kaijisho: {e}");
                    std::process::exit(2);
                }
            },
            opts.open,
        );
        ui::theme(&cc.egui_ctx, app.state.settings.dark);
        app.probe.print_first_frame = opts.print_first_frame;
        app.probe.exit_after_ms = opts.exit_after_ms;
        app
    }

    pub fn with_state(mut state: AppState, open: Option<PathBuf>) -> KaijishoApp {
        if let Some(path) = open {
            state.apply(Command::Open(path), 0.0);
        }
        let first = state
            .catalogues
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_default();
        KaijishoApp {
            state,
            ui: UiState {
                new_form: NewForm {
                    catalogue: first,
                    header: crate::domain::project::Header {
                        created: crate::io::clock::today_japanese(),
                        ..Default::default()
                    },
                },
                ..UiState::default()
            },
            pending: Vec::new(),
            probe: Probe::default(),
        }
    }

    /// Queues a command; it is carried out after the current frame's drawing.
    pub fn send(&mut self, cmd: Command) {
        self.pending.push(cmd);
    }

    fn dispatch(&mut self, cmd: Command, now: f64) {
        let dirty = self.state.doc.as_ref().is_some_and(|d| d.dirty);
        if cmd.replaces_document() && dirty {
            self.ui.confirm = Some(cmd);
        } else {
            self.state.apply(cmd, now);
        }
    }

    fn flush(&mut self, now: f64) {
        for cmd in std::mem::take(&mut self.pending) {
            self.dispatch(cmd, now);
        }
    }

    /// Keyboard shortcuts. Enter is never bound (it confirms kana→kanji conversion); keys that
    /// type (1/2/3, Alt+arrows) act only when no text field has the keyboard.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let cmd = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let pressed = |s: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&s));
        if pressed(KeyboardShortcut::new(shift, Key::S)) {
            self.ui.path_prompt = Some(ui::dialogs::prompt_for(self, Purpose::SaveAs));
        } else if pressed(KeyboardShortcut::new(cmd, Key::S)) {
            ui::dialogs::save(self);
        }
        if pressed(KeyboardShortcut::new(cmd, Key::O)) {
            self.ui.path_prompt = Some(ui::dialogs::prompt_for(self, Purpose::Open));
        }
        if pressed(KeyboardShortcut::new(cmd, Key::N)) {
            self.send(Command::Close);
        }
        let typing = ctx.egui_wants_keyboard_input();
        if !typing {
            if pressed(KeyboardShortcut::new(cmd, Key::Z)) {
                self.send(Command::Undo);
            }
            if pressed(KeyboardShortcut::new(cmd, Key::Y))
                || pressed(KeyboardShortcut::new(shift, Key::Z))
            {
                self.send(Command::Redo);
            }
        }
        if pressed(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown)) {
            self.send(Command::Next);
        }
        if pressed(KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp)) {
            self.send(Command::Previous);
        }
        if !typing && let Some(cmd) = ui::question::number_key_answer(self, ctx) {
            self.send(cmd);
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let app = self.state.loc.t("app-name");
        let title = match &self.state.doc {
            Some(d) => format!(
                "{}{} — {app}",
                if d.dirty { "● " } else { "" },
                d.display_name()
            ),
            None => app,
        };
        if title != self.ui.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.ui.title = title;
        }
    }
}

impl eframe::App for KaijishoApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let now = ctx.input(|i| i.time);
        self.probe.frame(ctx, now);
        self.shortcuts(ctx);
        // Files dropped on the window open.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            self.send(Command::Open(p));
        }
        // Closing with unsaved changes asks first.
        if ctx.input(|i| i.viewport().close_requested())
            && !self.ui.closing
            && self.state.doc.as_ref().is_some_and(|d| d.dirty)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.ui.confirm = Some(Command::Close);
            self.ui.closing = true;
        }
        self.flush(now);
        // A confirmed close (saved or discarded) closes the window once the document is gone.
        if self.ui.closing && self.state.doc.is_none() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // Autosave to the recovery file, a few seconds after editing stops; no repaint loop.
        if let Some(wait) = self.state.autosave(now, AUTOSAVE_DELAY) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.1)));
        }
        self.window_title(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui::root_ui(self, ui);
        let now = ui.input(|i| i.time);
        self.flush(now);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.state.settings);
    }
}

/// Runs the desktop app (blocking until the window closes).
pub fn run(opts: StartOptions) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        // Matches the .desktop file's name / StartupWMClass on Linux.
        .with_app_id("io.github.kaijisho.Kaijisho")
        .with_title("kaijisho")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 600.0])
        .with_drag_and_drop(true);
    if let Some(icon) = crate::assets::app_icon_png()
        .ok()
        .and_then(|png| eframe::icon_data::from_png_bytes(png).ok())
    {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let native = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "kaijisho",
        native,
        Box::new(move |cc| Ok(Box::new(KaijishoApp::new(cc, opts)))),
    )
}
