//! The bundled Japanese font, first in every family: no system-font fallback, so kanji never get
//! Chinese glyph forms and the app looks the same on every PC.

use eframe::egui;

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Ok(bytes) = crate::assets::japanese_font() {
        fonts.font_data.insert(
            "ipaexg".to_owned(),
            std::sync::Arc::new(egui::FontData::from_static(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .insert(0, "ipaexg".to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
