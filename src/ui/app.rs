//! The eframe application: owns the [`AppState`], turns window input (keys, dropped files, the
//! close button) into commands, draws the panels and carries out the commands they send after
//! each frame. All decisions are the app layer's; this file only connects it to the window.

use std::path::PathBuf;

use eframe::egui;

use crate::app::menu::{Key, Shortcut};
use crate::app::{AUTOSAVE_DELAY, AppState, Command, Settings, keys};
use crate::i18n::Lang;

const SETTINGS_KEY: &str = "kaijisho-settings";
/// While background work runs, the window looks for its outcome this often.
const TASK_POLL: std::time::Duration = std::time::Duration::from_millis(30);

pub struct KaijishoApp {
    pub state: AppState,
    pending: Vec<Command>,
    probe: Probe,
    title: String,
    /// The window is full screen for presentation mode (as last asked of the window).
    fullscreen: bool,
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
                ctx.request_repaint_after(repaint_wait(left));
            }
        }
    }
}

/// A wait of `secs` seconds: a negative or NaN one is none, one too long to hold is the longest
/// there is — never the panic `Duration::from_secs_f64` gives on such input (clippy.toml
/// forbids it).
fn repaint_wait(secs: f64) -> std::time::Duration {
    std::time::Duration::try_from_secs_f64(secs).unwrap_or(if secs > 0.0 {
        std::time::Duration::MAX
    } else {
        std::time::Duration::ZERO
    })
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
    pub fn new(cc: &eframe::CreationContext<'_>, opts: StartOptions, mut state: AppState) -> Self {
        if let Err(e) = crate::ui::fonts::install(&cc.egui_ctx) {
            state.report_error(&e);
        }
        let mut app = KaijishoApp::with_state(state, opts.open);
        app.probe.print_first_frame = opts.print_first_frame;
        app.probe.exit_after_ms = opts.exit_after_ms;
        app
    }

    pub fn with_state(mut state: AppState, open: Option<PathBuf>) -> KaijishoApp {
        if let Some(path) = open {
            state.apply(Command::Open(path), 0.0);
        }
        KaijishoApp {
            state,
            pending: Vec::new(),
            probe: Probe::default(),
            title: String::new(),
            fullscreen: false,
        }
    }

    /// As on a system without a native file dialog: 参照… opens the in-app browser (tests).
    pub fn without_native_dialog(mut self) -> KaijishoApp {
        self.state.view.native_dialog_missing = true;
        self
    }

    /// The window title as last set (file name, ● when unsaved).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Queues a command; it is carried out after the current frame's drawing.
    pub fn send(&mut self, cmd: Command) {
        self.pending.push(cmd);
    }

    fn flush(&mut self, now: f64) {
        for cmd in std::mem::take(&mut self.pending) {
            self.state.apply(cmd, now);
        }
    }

    /// Key presses the app binds (the menu table's shortcuts and 1/2/3). Each press is judged
    /// by the modifiers held when it happened, as its key event carries them — not by the state
    /// at the end of the frame, so a Ctrl+S whose Ctrl is let go within the same frame (remote
    /// desktops, automation, fast typists) still saves. A key is taken from the input only when
    /// it does something, so text fields keep every other key.
    fn keys(&mut self, ctx: &egui::Context) {
        let typing = ctx.egui_wants_keyboard_input();
        let presses: Vec<Shortcut> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Key {
                        key,
                        pressed: true,
                        modifiers,
                        ..
                    } => bound_shortcut(*key, *modifiers),
                    _ => None,
                })
                .collect()
        });
        for s in presses {
            let Some(cmd) = keys::command_for_key(&self.state, s, typing) else {
                continue;
            };
            // Take exactly that press (Ctrl+Shift+Z is never taken for Ctrl+Z).
            let (mods, key) = egui_shortcut(s);
            let taken = ctx.input_mut(|i| {
                let at = i.events.iter().position(|e| {
                    matches!(e, egui::Event::Key { key: k, pressed: true, modifiers, .. }
                        if *k == key && modifiers.matches_exact(mods))
                });
                at.map(|at| i.events.remove(at)).is_some()
            });
            if taken {
                self.send(cmd);
            }
        }
    }

    fn window_title(&mut self, ctx: &egui::Context) {
        let app = self.state.loc.t("app-name");
        let title = match &self.state.doc {
            Some(d) => {
                let name = d.display_name();
                let name = if name.is_empty() {
                    self.state.loc.t("file-untitled")
                } else {
                    name
                };
                let mark = if d.modified() { "● " } else { "" };
                format!("{mark}{name} — {app}")
            }
            None => app,
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// The toolkit's key for one of the app's keys.
pub fn egui_key(key: Key) -> egui::Key {
    match key {
        Key::N => egui::Key::N,
        Key::L => egui::Key::L,
        Key::Q => egui::Key::Q,
        Key::O => egui::Key::O,
        Key::S => egui::Key::S,
        Key::Z => egui::Key::Z,
        Key::Y => egui::Key::Y,
        Key::ArrowUp => egui::Key::ArrowUp,
        Key::ArrowDown => egui::Key::ArrowDown,
        Key::Num1 => egui::Key::Num1,
        Key::Num2 => egui::Key::Num2,
        Key::Num3 => egui::Key::Num3,
        Key::Num0 => egui::Key::Num0,
        Key::F5 => egui::Key::F5,
        Key::Escape => egui::Key::Escape,
        Key::ArrowLeft => egui::Key::ArrowLeft,
        Key::ArrowRight => egui::Key::ArrowRight,
        Key::PageUp => egui::Key::PageUp,
        Key::PageDown => egui::Key::PageDown,
        Key::Space => egui::Key::Space,
        Key::Backspace => egui::Key::Backspace,
        Key::B => egui::Key::B,
        Key::G => egui::Key::G,
        Key::H => egui::Key::H,
        Key::Plus => egui::Key::Plus,
        Key::Equals => egui::Key::Equals,
        Key::Minus => egui::Key::Minus,
        Key::Period => egui::Key::Period,
        Key::K => egui::Key::K,
        Key::Home => egui::Key::Home,
        Key::End => egui::Key::End,
    }
}

/// The app's shortcut a key pressed with `modifiers` is, if the app binds it (exactly those
/// modifiers; the most specific binding first).
pub fn bound_shortcut(key: egui::Key, modifiers: egui::Modifiers) -> Option<Shortcut> {
    keys::bound_shortcuts().into_iter().find(|s| {
        let (mods, k) = egui_shortcut(*s);
        k == key && modifiers.matches_exact(mods)
    })
}

/// One of the app's shortcuts as users read it, the platform's way (Ctrl or ⌘): the zoom keys
/// as Ctrl++ and Ctrl+- (the toolkit spells them Ctrl+Equals and Ctrl+Minus).
pub fn shortcut_text(ctx: &egui::Context, s: Shortcut) -> String {
    let (mods, key) = egui_shortcut(s);
    let text = ctx.format_shortcut(&egui::KeyboardShortcut::new(mods, key));
    let shown = match key {
        egui::Key::Equals | egui::Key::Plus => "+",
        egui::Key::Minus => "-",
        _ => return text,
    };
    match text.strip_suffix(key.name()) {
        Some(head) => format!("{head}{shown}"),
        None => text,
    }
}

/// The toolkit's modifiers and key of one of the app's shortcuts.
pub fn egui_shortcut(s: Shortcut) -> (egui::Modifiers, egui::Key) {
    let mut mods = egui::Modifiers::NONE;
    if s.command {
        mods |= egui::Modifiers::COMMAND;
    }
    if s.shift {
        mods |= egui::Modifiers::SHIFT;
    }
    if s.alt {
        mods |= egui::Modifiers::ALT;
    }
    (mods, egui_key(s.key))
}

impl eframe::App for KaijishoApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let now = ctx.input(|i| i.time);
        self.probe.frame(ctx, now);
        // Zoom is the app's (表示 → 拡大 / 縮小 / 100%, Ctrl +/−/0), not egui's own.
        if ctx.options(|o| o.zoom_with_keyboard) {
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
        }
        self.state.poll_tasks();
        // Tab with nothing focused goes to the question's answer (see `question_ui`).
        let tab_in = ctx.input(|i| i.key_pressed(egui::Key::Tab) && i.modifiers.is_none())
            && ctx.memory(|m| m.focused().is_none());
        ctx.data_mut(|d| {
            let id = crate::ui::question::tab_into_question_id();
            if tab_in {
                d.insert_temp(id, true);
            } else {
                d.remove_temp::<bool>(id);
            }
        });
        self.keys(ctx);
        // Files dropped on the window: into the list of a window that takes files, else the
        // first opens.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.send(Command::FilesDropped(dropped));
        }
        // The close button asks first when there are unsaved changes, and waits for a running
        // export or import to finish.
        if ctx.input(|i| i.viewport().close_requested()) && !self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if !self.state.view.quit {
                self.send(Command::Quit);
            }
        }
        self.flush(now);
        self.after_commands(ctx, now);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut out = Vec::new();
        crate::ui::root_ui(ui, &mut self.state, &mut out);
        self.pending.extend(out);
        let now = ui.input(|i| i.time);
        self.flush(now);
        self.after_commands(ui.ctx(), now);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.state.settings);
    }
}

impl KaijishoApp {
    /// The user has quit and no background work is left to finish.
    fn may_close(&self) -> bool {
        self.state.view.quit && !self.state.busy()
    }

    /// What the window does about the state the commands left.
    fn after_commands(&mut self, ctx: &egui::Context, now: f64) {
        if self.may_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        crate::ui::theme(ctx, self.state.settings.dark);
        let zoom = self.state.settings.zoom.factor();
        if (ctx.zoom_factor() - zoom).abs() > f32::EPSILON {
            ctx.set_zoom_factor(zoom);
        }
        let presenting = self.state.presenting();
        if presenting != self.fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(presenting));
            self.fullscreen = presenting;
        }
        // Autosave to the recovery file, a few seconds after editing stops; no repaint loop.
        if let Some(wait) = self.state.autosave(now, AUTOSAVE_DELAY) {
            ctx.request_repaint_after(repaint_wait(wait.max(0.1)));
        }
        if self.state.busy() {
            ctx.request_repaint_after(TASK_POLL);
        }
        // A status message goes after a while, also when nothing else happens.
        if let Some(left) = self.state.expire_status(now) {
            ctx.request_repaint_after(repaint_wait(left.max(0.1)));
        }
        self.window_title(ctx);
    }
}

/// The settings the window stored, and whether some were stored that could not be read (then
/// the defaults, and the user is told: recent files and remembered layouts are gone).
fn stored_settings(storage: Option<&dyn eframe::Storage>) -> (Settings, bool) {
    let Some(storage) = storage.filter(|s| s.get_string(SETTINGS_KEY).is_some()) else {
        return (Settings::default(), false);
    };
    match eframe::get_value::<Settings>(storage, SETTINGS_KEY) {
        Some(s) => (s.bounded(), false),
        None => {
            log::warn!("the stored settings could not be read; the defaults are used");
            (Settings::default(), true)
        }
    }
}

/// The stored settings could not be read (said in the status bar).
struct SettingsUnreadable;

impl crate::i18n::Localize for SettingsUnreadable {
    fn localize(&self, l: &crate::i18n::Localizer) -> String {
        l.t("settings-unreadable")
    }
}

/// Says that the window could not start (`message`, already in the user's language) where the
/// user can see it: in the log always, and in a native message box unless standard error is a
/// terminal. A Windows program started from Explorer has no console, nor has one started from
/// a desktop menu: there, standard error reaches no one. (The caller prints it there too.)
pub fn report_start_failure(message: &str) {
    use std::io::IsTerminal;
    log::error!("the window could not start: {message}");
    if std::io::stderr().is_terminal() {
        return;
    }
    // Without a desktop the box cannot show either; rfd logs why.
    let answer = rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("kaijisho")
        .set_description(message)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    log::info!("start failure shown in a message box ({answer:?})");
}

/// Runs the desktop app (blocking until the window closes).
pub fn run(opts: StartOptions) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        // Matches the .desktop file's name / StartupWMClass on Linux.
        .with_app_id("io.github.kaijisho.Kaijisho")
        .with_title("kaijisho")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 600.0])
        .with_drag_and_drop(true);
    match crate::assets::app_icon_png()
        .map_err(|e| e.to_string())
        .and_then(|png| eframe::icon_data::from_png_bytes(png).map_err(|e| e.to_string()))
    {
        Ok(icon) => viewport = viewport.with_icon(std::sync::Arc::new(icon)),
        Err(e) => log::warn!("window icon: {e}"),
    }
    let native = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        persist_window: true,
        ..Default::default()
    };
    let data_dir = opts.data_dir.clone().or_else(crate::app::data_dir);
    eframe::run_native(
        "kaijisho",
        native,
        Box::new(move |cc| {
            let (mut settings, unreadable) = stored_settings(cc.storage);
            if opts.lang.is_some() {
                settings.lang = opts.lang;
            }
            let mut state = AppState::new(settings, data_dir)?;
            if unreadable {
                state.report_error(&SettingsUnreadable);
            }
            Ok(Box::new(KaijishoApp::new(cc, opts, state)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::{SETTINGS_KEY, Settings, repaint_wait, stored_settings};
    use std::collections::HashMap;
    use std::time::Duration;

    #[derive(Default)]
    struct Stored(HashMap<String, String>);

    impl eframe::Storage for Stored {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_string(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn stored_settings_that_cannot_be_read_are_said() {
        assert_eq!(stored_settings(None), (Settings::default(), false));
        let mut s = Stored::default();
        assert_eq!(stored_settings(Some(&s)), (Settings::default(), false));
        let mine = Settings {
            dark: true,
            ..Settings::default()
        };
        eframe::set_value(&mut s, SETTINGS_KEY, &mine);
        assert_eq!(stored_settings(Some(&s)), (mine, false));
        eframe::Storage::set_string(&mut s, SETTINGS_KEY, "(dark: maybe".into());
        assert_eq!(stored_settings(Some(&s)), (Settings::default(), true));
    }

    #[test]
    fn a_wait_from_any_number_never_panics() {
        assert_eq!(repaint_wait(0.25), Duration::from_millis(250));
        assert_eq!(repaint_wait(-1.0), Duration::ZERO);
        assert_eq!(repaint_wait(f64::NAN), Duration::ZERO);
        assert_eq!(repaint_wait(f64::INFINITY), Duration::MAX);
        assert_eq!(repaint_wait(1e300), Duration::MAX);
    }
}
