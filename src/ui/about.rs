//! ヘルプ → kaijisho について: version and build, the app's licence, the bundled font's licence
//! and where the third-party licences are, that the app never uses the network, and where its
//! log file is.

use eframe::egui;

use crate::app::Command;
use crate::i18n::Localizer;

pub fn about_ui(ui: &mut egui::Ui, l: &Localizer, show: bool, out: &mut Vec<Command>) {
    if !show {
        return;
    }
    let mut open = true;
    egui::Window::new(l.t("about-title"))
        .id(egui::Id::unique("about"))
        .open(&mut open)
        .collapsible(false)
        .default_size([560.0, 460.0])
        .show(ui.ctx(), |ui| {
            ui.horizontal(|ui| {
                if let Some(tex) = icon_texture(ui.ctx()) {
                    ui.add(egui::Image::new(&tex).fit_to_exact_size(egui::vec2(64.0, 64.0)));
                }
                ui.vertical(|ui| {
                    ui.heading(l.t("app-name"));
                    ui.label(format!("{} {}", l.t("about-version"), crate::VERSION));
                    ui.label(l.t("about-licence"));
                });
            });
            ui.separator();
            ui.label(l.t("about-offline"));
            ui.label(l.t("about-third-party"));
            let log = match crate::app::log::path() {
                Some(p) => l.ta("about-log", &[("file", p.display().to_string().into())]),
                None => l.t("about-no-log"),
            };
            ui.label(log);
            ui.separator();
            ui.label(l.t("about-font"));
            match crate::assets::font_licence() {
                Ok(text) => {
                    egui::CollapsingHeader::new(l.t("about-font-licence"))
                        .id_salt("about-font-licence")
                        .show(ui, |ui| {
                            egui::ScrollArea::vertical()
                                .max_height(240.0)
                                .show(ui, |ui| ui.label(text));
                        });
                }
                // A damaged build: said here too, not only in the log.
                Err(e) => {
                    // Logged once, not every frame the window is drawn.
                    static LOGGED: std::sync::Once = std::sync::Once::new();
                    LOGGED.call_once(|| log::error!("{e}"));
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        crate::i18n::Localize::localize(&e, l),
                    );
                }
            }
        });
    if !open {
        out.push(Command::CloseAbout);
    }
}

/// The app icon as a texture, decoded once per context.
fn icon_texture(ctx: &egui::Context) -> Option<egui::TextureHandle> {
    let id = egui::Id::unique("about-icon-texture");
    if let Some(t) = ctx.data(|d| d.get_temp::<egui::TextureHandle>(id)) {
        return Some(t);
    }
    let png = crate::assets::app_icon_png()
        .map_err(|e| log::error!("{e}"))
        .ok()?;
    let icon = eframe::icon_data::from_png_bytes(png)
        .map_err(|e| log::error!("app icon: {e}"))
        .ok()?;
    let image = egui::ColorImage::from_rgba_unmultiplied(
        [icon.width as usize, icon.height as usize],
        &icon.rgba,
    );
    let tex = ctx.load_texture("kaijisho-icon", image, egui::TextureOptions::LINEAR);
    ctx.data_mut(|d| d.insert_temp(id, tex.clone()));
    Some(tex)
}
