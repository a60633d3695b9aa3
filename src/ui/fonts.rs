//! The bundled Japanese font, first in every family: no system-font fallback, so kanji never get
//! Chinese glyph forms and the app looks the same on every PC.

use eframe::egui;

/// Installs the bundled font. Without it (a damaged build) the window falls back to egui's own
/// fonts, which lack kanji: the caller tells the user.
pub fn install(ctx: &egui::Context) -> Result<(), crate::assets::AssetError> {
    let mut fonts = egui::FontDefinitions::default();
    let bytes = crate::assets::japanese_font();
    if let Ok(bytes) = &bytes {
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
    bytes.map(|_| ())
}
