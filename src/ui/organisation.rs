//! ファイル → 病院名と確認者…: the hospital and the reviewer every report prints (kept in the
//! settings). Typed through the IME-aware fields: the settings hear of a name once it is
//! committed.

use eframe::egui;

use crate::app::Command;
use crate::i18n::Localizer;
use crate::ui::typed::{Lines, command_field};

/// The trusted certificates as the settings hold them: the folder, the system store, and the
/// files that could not be read.
type Trust<'a> = (
    Option<&'a std::path::Path>,
    bool,
    &'a [std::sync::Arc<crate::io::signature::error::SignatureError>],
);

/// The command a field's committed text becomes.
type Setter = fn(String) -> Command;

/// The window, when `show`; `(organisation, reviewer)` as the settings hold them.
pub fn organisation_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    show: bool,
    ((organisation, reviewer), trust): ((&str, &str), Trust<'_>),
    out: &mut Vec<Command>,
) {
    if !show {
        return;
    }
    let mut open = true;
    let mut close = false;
    egui::Window::new(l.t("organisation-title"))
        .id(egui::Id::unique("organisation_window"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ui.ctx(), |ui| {
            ui.label(l.t("organisation-about"));
            ui.add_space(6.0);
            egui::Grid::new("organisation_grid")
                .num_columns(2)
                .spacing([8.0, 6.0])
                .show(ui, |ui| {
                    let fields: [(&str, &str, Setter); 2] = [
                        ("organisation-name", organisation, Command::SetOrganisation),
                        ("organisation-reviewer", reviewer, Command::SetReviewer),
                    ];
                    for (i, (label, current, command)) in fields.into_iter().enumerate() {
                        let label = ui.label(l.t(label));
                        let id = egui::Id::unique(("organisation_field", i));
                        command_field(
                            ui,
                            ((id, Lines::One, true), label.id),
                            current,
                            |te| te.desired_width(320.0),
                            out,
                            command,
                        );
                        ui.end_row();
                    }
                });
            ui.add_space(6.0);
            trust_ui(ui, l, trust, out);
            ui.add_space(6.0);
            if ui.button(l.t("exercise-close")).clicked() {
                close = true;
            }
        });
    if !open || close {
        out.push(Command::CloseOrganisation);
    }
}

/// The certificates trusted when a signature is checked (the badge, the register, the
/// dossier): a folder of them, and the operating system's store.
fn trust_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    (folder, system, problems): Trust<'_>,
    out: &mut Vec<Command>,
) {
    ui.separator();
    ui.strong(l.t("organisation-trust"));
    ui.label(l.t("organisation-trust-about"));
    ui.horizontal(|ui| {
        ui.label(l.t("organisation-trust-folder"));
        let shown = folder
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| l.t("sig-gui-no-file"));
        ui.monospace(shown);
        if ui.button(l.t("sig-gui-pick")).clicked() {
            out.push(Command::Ask(crate::app::Purpose::TrustFolder));
        }
        if folder.is_some() && ui.button(l.t("organisation-trust-remove")).clicked() {
            out.push(Command::SetTrustFolder(None));
        }
    });
    for e in problems {
        use crate::i18n::Localize;
        ui.colored_label(
            ui.visuals().warn_fg_color,
            l.ta(
                "organisation-trust-problem",
                &[("problem", e.localize(l).into())],
            ),
        );
    }
    let mut on = system;
    if ui
        .checkbox(&mut on, l.t("organisation-trust-system"))
        .changed()
    {
        out.push(Command::SetSystemTrust(on));
    }
}
