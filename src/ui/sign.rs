//! ファイル → 署名して書き出す…: the dialog (the certificate file, its password without echo);
//! the signature's badge over the statement and its details window.

use eframe::egui;

use crate::app::Command;
use crate::app::command::SignatureCommand;
use crate::app::signature::Outcome;
use crate::app::signing::{Badge, SignForm};
use crate::i18n::Localizer;

/// The sign dialog. Enter in the password field does nothing (it may confirm an IME's
/// conversion); signing is the button's.
pub fn sign_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    form: Option<&mut SignForm>,
    statement_saved: bool,
    out: &mut Vec<Command>,
) {
    let Some(form) = form else { return };
    let send = |c: SignatureCommand| Command::Signature(c);
    egui::Modal::new(egui::Id::unique("sign_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(560.0);
        if form.review {
            ui.heading(l.t("sig-gui-review-title"));
            ui.label(l.t("sig-gui-review-about"));
        } else {
            ui.heading(l.t("sig-gui-title"));
            ui.label(l.t("sig-gui-about"));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(l.t("sig-gui-certificate"));
            let shown = form
                .certificate
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| l.t("sig-gui-no-file"));
            ui.monospace(shown);
            if ui.button(l.t("sig-gui-pick")).clicked() {
                out.push(send(SignatureCommand::PickCertificate));
            }
        });
        // The field's own state (its undo history holds what was typed) is dropped with the
        // dialog.
        let password_id = ui.make_persistent_id("sign_password");
        ui.horizontal(|ui| {
            let label = ui.label(l.t("sig-gui-password"));
            ui.add(
                egui::TextEdit::singleline(&mut *form.password)
                    .id(password_id)
                    .password(true)
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
        });
        let forget = |ui: &egui::Ui| {
            ui.data_mut(|d| d.remove::<egui::text_edit::TextEditState>(password_id));
        };
        ui.small(l.t("sig-gui-password-note"));
        if !form.review {
            ui.checkbox(&mut form.pdf, l.t("sig-gui-pdf"));
        }
        if !statement_saved {
            ui.colored_label(ui.visuals().warn_fg_color, l.t("sig-gui-save-first"));
        }
        if let Some(e) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = form.certificate.is_some() && statement_saved;
            if ui
                .add_enabled(ready, egui::Button::new(l.t("sig-gui-sign")))
                .clicked()
            {
                forget(ui);
                out.push(send(SignatureCommand::Sign));
            }
            if ui.button(l.t("dialog-cancel")).clicked() {
                forget(ui);
                out.push(send(SignatureCommand::Close));
            }
        });
    });
}

/// The badge under the header: the verdict, coloured; a click opens the details.
pub fn badge_ui(ui: &mut egui::Ui, l: &Localizer, badge: Option<&Badge>, out: &mut Vec<Command>) {
    let Some(b) = badge else { return };
    let Some(verdict) = b.lines.first() else {
        return;
    };
    let good = b.outcome.is_valid();
    let colour = if good {
        egui::Color32::from_rgb(0x1b, 0x7f, 0x3b)
    } else {
        ui.visuals().error_fg_color
    };
    let unconfirmed = matches!(&b.outcome, Outcome::Checked(v) if v.identity_unconfirmed());
    let mark = if good && !unconfirmed { "○" } else { "△" };
    egui::Panel::top("signature_badge").show(ui, |ui| {
        ui.horizontal(|ui| {
            let text = egui::RichText::new(format!("{mark} {} {verdict}", l.t("sig-gui-badge")))
                .color(colour);
            if ui
                .add(egui::Button::new(text).frame(false))
                .on_hover_text(l.t("sig-gui-badge-hover"))
                .clicked()
            {
                out.push(Command::Signature(SignatureCommand::ShowDetails));
            }
        });
    });
}

/// The signature's details: every line of the verification.
pub fn details_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    open: bool,
    badge: Option<&Badge>,
    out: &mut Vec<Command>,
) {
    if !open {
        return;
    }
    let mut shown = true;
    egui::Window::new(l.t("sig-gui-details"))
        .id(egui::Id::unique("signature_details"))
        .open(&mut shown)
        .default_width(560.0)
        .show(ui.ctx(), |ui| match badge {
            Some(b) => {
                for line in &b.lines {
                    ui.label(line);
                }
            }
            None => {
                ui.label(l.t("sig-gui-unsigned"));
            }
        });
    if !shown {
        out.push(Command::Signature(SignatureCommand::CloseDetails));
    }
}
