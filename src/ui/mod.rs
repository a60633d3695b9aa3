//! The window: panels and dialogs, one file each. Each `*_ui` function gets read access to
//! what it shows and a list to push [`Command`]s onto; none changes the document. The only
//! state a panel writes directly is its own input (a filter, the text typed into a prompt).

pub mod about;
pub mod app;
pub mod carried;
pub mod carry;
pub mod changes;
pub mod check;
pub mod compare;
pub mod confirm;
pub mod correspondence;
pub mod date_picker;
pub mod disk_conflict;
pub mod dossier;
pub mod exercise;
pub mod file_browser;
pub mod file_list;
pub mod findings;
pub mod fonts;
pub mod getting_started;
pub mod grid;
pub mod guide;
pub mod header;
pub mod import;
pub mod import_wizard;
pub mod library;
pub mod library_add;
pub mod library_check;
pub mod menu;
pub mod navigator;
pub mod organisation;
pub mod path_prompt;
pub mod presentation;
pub mod profile;
pub mod question;
pub mod recovery;
pub mod register;
pub mod replace_offer;
pub mod review;
pub mod shortcuts;
pub mod sign;
pub mod start;
pub mod status;
pub mod typed;
pub mod validation;

use eframe::egui;

pub use app::{KaijishoApp, StartOptions, report_start_failure, run};

use crate::app::tasks::TaskKind;
use crate::app::{AppState, Command};
use crate::domain::answer::AnswerValue;

/// Light or dark visuals (set only when they change).
pub fn theme(ctx: &egui::Context, dark: bool) {
    let wanted = if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    if ctx.theme() != wanted {
        ctx.set_theme(wanted);
    }
    if ctx
        .style_of(egui::Theme::Light)
        .visuals
        .weak_text_color
        .is_none()
    {
        readable_text(ctx);
    }
}

/// Secondary (weak) text at a contrast of at least 4.5:1 against the panels in both themes
/// (egui's own fades the text to about 2.9:1); in the dark theme the normal text gets lighter
/// so that secondary text still reads as secondary.
fn readable_text(ctx: &egui::Context) {
    use egui::Color32;
    ctx.style_mut_of(egui::Theme::Light, |s| {
        // 5.4:1 on the light panels (gray 248).
        s.visuals.weak_text_color = Some(Color32::from_gray(0x66));
    });
    ctx.style_mut_of(egui::Theme::Dark, |s| {
        // 5.1:1 on the dark panels (gray 27); normal text 9:1.
        s.visuals.weak_text_color = Some(Color32::from_gray(0x8c));
        s.visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(0xb9);
    });
}

/// The contrast ratio of text in `fg` (drawn over `bg`, so a translucent colour counts as
/// what it shows) against `bg` (WCAG 2: 1 to 21; text wants at least 4.5).
pub fn contrast(fg: egui::Color32, bg: egui::Color32) -> f32 {
    // Colours are premultiplied: what shows is fg + bg × (1 − alpha).
    let rest = 1.0 - f32::from(fg.a()) / 255.0;
    let mix = |f: u8, b: u8| {
        (f32::from(f) + f32::from(b) * rest)
            .round()
            .clamp(0.0, 255.0) as u8
    };
    let a = egui::Color32::from_rgb(
        mix(fg.r(), bg.r()),
        mix(fg.g(), bg.g()),
        mix(fg.b(), bg.b()),
    );
    let b = bg;
    fn luminance(c: egui::Color32) -> f32 {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The colour of an answer's status mark.
pub fn value_color(v: AnswerValue, dark: bool) -> egui::Color32 {
    use egui::Color32;
    match (v, dark) {
        (AnswerValue::Yes | AnswerValue::Applies, false) => Color32::from_rgb(0x1b, 0x7a, 0x3a),
        (AnswerValue::Yes | AnswerValue::Applies, true) => Color32::from_rgb(0x6f, 0xd0, 0x8c),
        (AnswerValue::No, false) => Color32::from_rgb(0xb0, 0x2a, 0x2a),
        (AnswerValue::No, true) => Color32::from_rgb(0xff, 0x8a, 0x80),
        (AnswerValue::NotApplicable | AnswerValue::DoesNotApply, false) => Color32::from_gray(0x66),
        (AnswerValue::NotApplicable | AnswerValue::DoesNotApply, true) => Color32::GRAY,
        (AnswerValue::Unanswered, false) => Color32::from_rgb(0x8a, 0x52, 0x00),
        (AnswerValue::Unanswered, true) => Color32::from_rgb(0xff, 0xc0, 0x4d),
    }
}

/// Below these widths (in points, so zooming in counts) the guide panel, then the navigator,
/// are left out: the question keeps the room.
const GUIDE_FROM: f32 = 1100.0;
const NAVIGATOR_FROM: f32 = 760.0;
/// The most of the window's width a side panel may take.
pub const SIDE_SHARE: f32 = 0.26;
/// The navigator's share where the guide goes below the question (more room for titles).
const NARROW_NAVIGATOR_SHARE: f32 = 0.31;

/// The whole window.
pub fn root_ui(ui: &mut egui::Ui, s: &mut AppState, out: &mut Vec<Command>) {
    if let (Some(doc), Some(p)) = (&s.doc, s.view.presentation) {
        let guide = (&s.index, &s.hints);
        let (hide, dark) = (s.settings.hide_vendor, s.settings.dark);
        let slides = (p, s.view.class_slides.as_slice());
        presentation::presentation_ui(ui, doc, &s.loc, guide, slides, hide, dark);
        dialogs_ui(ui, s, out);
        return;
    }
    menu::menu_ui(ui, s, out);
    status::status_ui(ui, s);
    s.refresh_signature_badge();
    let l = &s.loc;
    let review_mode = s.view.review_mode;
    let width = ui.ctx().content_rect().width();
    let side = width * SIDE_SHARE;
    s.view.narrow = width < GUIDE_FROM;
    if let Some(doc) = &s.doc {
        header::header_ui(ui, doc, l, review_mode, &s.clock, out);
        sign::badge_ui(ui, l, s.signing.badge.as_ref(), out);
        if s.view.show_validation {
            validation::validation_ui(ui, doc, l, out);
        }
        if review_mode {
            review::review_summary_ui(ui, doc, l, out);
        }
        if width >= NAVIGATOR_FROM {
            let nav = if s.view.narrow {
                (width * NARROW_NAVIGATOR_SHARE, true)
            } else {
                (side, false)
            };
            navigator::navigator_ui(ui, doc, l, &mut s.view.filters, review_mode, nav, out);
        }
        // The guide is about one question: the grid takes its room. Where the window is
        // narrow, it goes below the question (when chosen in 表示).
        if s.guide_shown() && s.view.grid.is_none() {
            let place = if s.view.narrow {
                guide::Place::Below
            } else {
                guide::Place::Beside(side)
            };
            guide::guide_ui(ui, doc, l, &s.index, &s.hints, place);
        }
        let row = doc.selected_question().map_or(0, |q| s.option_row(q));
        egui::CentralPanel::default().show(ui, |ui| match s.view.grid.as_mut() {
            Some(form) => grid::grid_ui(ui, doc, l, form, out),
            None => question::question_ui(ui, doc, l, review_mode, row, &s.clock, out),
        });
    } else {
        egui::CentralPanel::default().show(ui, |ui| {
            start::start_ui(
                ui,
                l,
                &s.catalogues,
                &s.settings.recent,
                &mut s.view.new_form,
                out,
            );
        });
    }
    dialogs_ui(ui, s, out);
}

/// The answer library's window and dialogs.
fn library_dialogs_ui(ui: &mut egui::Ui, s: &mut AppState, out: &mut Vec<Command>) {
    let l = &s.loc;
    let today = s.clock.today();
    let native_missing = s.view.native_dialog_missing;
    library::library_ui(ui, l, s.library.view.as_mut(), today, out);
    let checking = s
        .tasks
        .running()
        .iter()
        .find(|t| t.kind == TaskKind::LibraryCheck)
        .map(|t| t.progress.get());
    let cx = library_check::CheckContext {
        library_file: s.library.view.as_ref().is_some_and(|v| v.file().is_some()),
        checking,
        native_missing,
    };
    library_check::library_check_ui(ui, l, s.library.check.as_mut(), &cx, out);
    // The path prompt (参照…) goes over the dialog: the dialog waits meanwhile.
    if s.view.prompt.is_none() {
        let cx = library_add::AddContext {
            library: s.library.view.as_ref(),
            has_doc: s.doc.is_some(),
            reading: s.tasks.is_running(TaskKind::LibraryRead),
            native_missing,
        };
        library_add::library_add_ui(ui, l, s.library.add.as_ref(), &cx, out);
        let library = s.library.view.as_ref();
        library_add::library_fill_ui(ui, l, s.library.fill.as_mut(), library, out);
    }
}

/// The dialogs and windows over the panels (also over presentation mode).
fn dialogs_ui(ui: &mut egui::Ui, s: &mut AppState, out: &mut Vec<Command>) {
    if s.show_changes {
        s.refresh_changes();
    }
    s.refresh_carry_report();
    // Looked up (a file check each) only while the carry dialog is open.
    let workbooks = if s.view.carry_to.is_some() {
        s.carry_workbooks()
    } else {
        Vec::new()
    };
    let register_folder = s.register_folder();
    let check_current = s.check_is_current();
    let l = &s.loc;
    let native_missing = s.view.native_dialog_missing;
    path_prompt::path_prompt_ui(ui, l, s.view.prompt.as_mut(), native_missing, out);
    // The path prompt (選ぶ…) goes over the sign dialog: the dialog waits meanwhile.
    if s.view.prompt.is_none() {
        let saved = s.doc.as_ref().is_some_and(|d| d.path.is_some());
        sign::sign_ui(ui, l, s.signing.form.as_mut(), saved, out);
    }
    sign::details_ui(ui, l, s.signing.details, s.signing.badge.as_ref(), out);
    path_prompt::export_offer_ui(ui, l, s.view.export_offer.as_ref(), out);
    path_prompt::reimport_offer_ui(ui, l, s.view.reimport_offer.as_ref(), out);
    replace_offer::replace_offer_ui(ui, l, s.view.replace_offer.as_ref(), out);
    path_prompt::export_warning_ui(ui, l, s.view.export_warning.as_ref(), out);
    path_prompt::replace_existing_ui(ui, l, s.view.replace_existing.as_ref(), out);
    confirm::confirm_ui(ui, s, out);
    confirm::vendor_edit_ui(ui, s, out);
    let received = s.doc.as_ref().is_some_and(|d| d.received.is_some());
    disk_conflict::disk_conflict_ui(ui, l, (s.view.disk_conflict.as_ref(), received), out);
    recovery::recovery_ui(ui, l, s.recovery.as_ref(), s.doc.is_none(), out);
    let reading = s.tasks.is_running(TaskKind::Import);
    let carrying = s
        .import_preview
        .as_ref()
        .is_some_and(|p| s.carry_pending.as_ref() == Some(&p.path));
    import::import_ui(ui, l, s.import_preview.as_mut(), reading, carrying, out);
    let comparing = s.tasks.is_running(TaskKind::Compare);
    let comparison = s.comparison.as_ref();
    let chosen = compare::Chosen {
        files: &s.view.chosen,
        register: register_folder.as_deref(),
        native_missing,
    };
    compare::compare_ui(
        ui,
        l,
        s.view.compare.as_mut(),
        &chosen,
        comparison,
        comparing,
        out,
    );
    // The shipped catalogues and the open statement's own (the profile lists its questions,
    // a statement can be carried to it).
    let mut catalogues: Vec<&crate::domain::catalogue::Catalogue> = s.catalogues.iter().collect();
    if let Some(d) = &s.doc
        && !catalogues.iter().any(|c| c.id == d.catalogue.id)
    {
        catalogues.push(&d.catalogue);
    }
    profile::profile_ui(ui, l, s.hospital.profile_editor.as_mut(), &catalogues, out);
    let shown = check::CheckShown {
        report: s.hospital.check_report.as_ref(),
        current: check_current,
        checking: s
            .tasks
            .running()
            .iter()
            .find(|t| t.kind == TaskKind::Check)
            .map(|t| t.progress.get()),
        error: s.hospital.check_error.as_deref(),
    };
    check::check_ui(ui, l, s.hospital.check.as_mut(), &chosen, &shown, out);
    file_list::register_pick_ui(ui, l, s.view.register_pick.as_ref(), out);
    let reading = s.tasks.is_running(TaskKind::Register);
    register::register_ui(
        ui,
        l,
        s.hospital.register.as_mut(),
        (reading, &s.clock),
        out,
    );
    dossier::dossier_ui(ui, l, s.hospital.dossier.as_mut(), &s.clock, out);
    // The shipped catalogues and the statement's own (an imported one too), as
    // `AppState::carry_targets` has them.
    let choices = carry::CarryChoices {
        catalogues: &catalogues,
        workbooks: &workbooks,
    };
    carry::carry_pick_ui(ui, l, &choices, s.view.carry_to.as_mut(), out);
    carry::carry_report_ui(ui, l, s.carry_report.as_ref(), s.doc.as_ref(), out);
    let list = s.changes.as_ref().map(|(_, c)| c);
    changes::changes_ui(ui, l, list, s.show_changes, out);
    about::about_ui(ui, l, s.view.show_about, out);
    let who = (
        s.settings.organisation.as_str(),
        s.settings.reviewer.as_str(),
    );
    let problems = s.signing.trust_problems.as_slice();
    let trust = (
        s.settings.trust_folder.as_deref(),
        s.settings.system_trust,
        problems,
    );
    organisation::organisation_ui(ui, l, s.view.show_organisation, (who, trust), out);
    getting_started::getting_started_ui(ui, l, s.view.show_guide, out);
    shortcuts::shortcuts_ui(ui, l, s.view.show_shortcuts, out);
    let copy = s.doc.as_ref().is_some_and(|d| d.project.exercise.is_some());
    exercise::exercise_ui(
        ui,
        l,
        s.view.exercise.as_mut(),
        s.exercise.as_ref(),
        (copy, comparing, native_missing),
        out,
    );
    library_dialogs_ui(ui, s, out);
}
