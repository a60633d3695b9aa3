//! The calendar beside a date field (作成日, an answer's 確認日 and 目標日): a month of days in
//! a popup. Choosing a day sends the field's normal edit (one undo step), the date written the
//! way the field was written (和暦 stays 和暦). Our own small calendar: egui_extras'
//! `DatePickerButton` has English words built in.

use eframe::egui;

use crate::app::Command;
use crate::domain::edit::Edit;
use crate::domain::project::HeaderField;
use crate::domain::register::{Date, parse_date};
use crate::i18n::Localizer;
use crate::io::clock::Clock;

/// The month the open calendar shows, kept while it is open.
fn month_id() -> egui::Id {
    egui::Id::unique("kaijisho-date-picker-month")
}

/// The calendar button for 作成日 (`current` as written); a picked day becomes an edit.
pub fn date_picker_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    current: &str,
    enabled: bool,
    clock: &Clock,
    cmds: &mut Vec<Command>,
) {
    calendar_ui(ui, l, current, enabled, clock, cmds, |text| {
        Command::Edit(Edit::Header {
            field: HeaderField::Created,
            text,
        })
    });
}

/// The month before (`-1`) or after (`1`) `(year, month)`.
fn shift(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let m = year * 12 + month as i32 - 1 + delta;
    (m.div_euclid(12), m.rem_euclid(12) as u32 + 1)
}

/// The calendar button for a date field holding `current` (as written); a picked day
/// becomes the command `edit(the day written like current)` (a statement's or the register's
/// edit). One calendar is open at a time.
pub fn calendar_ui(
    ui: &mut egui::Ui,
    l: &Localizer,
    current: &str,
    enabled: bool,
    clock: &Clock,
    cmds: &mut Vec<Command>,
    edit: impl Fn(String) -> Command,
) {
    let button = ui.add_enabled(enabled, egui::Button::new(l.t("date-pick")).small());
    if button.clicked() {
        // The calendar opens on the field's month, or today's when it holds no date.
        let today = clock.today();
        let start = parse_date(current)
            .map_or((i32::from(today.year()), today.month() as u32), |d| {
                (d.year, d.month)
            });
        ui.data_mut(|d| d.insert_temp(month_id(), start));
    }
    let picked = parse_date(current);
    egui::Popup::from_toggle_button_response(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let Some((year, month)) = ui.data(|d| d.get_temp::<(i32, u32)>(month_id())) else {
                return;
            };
            ui.horizontal(|ui| {
                let prev = ui.small_button("◀");
                let prev_label = l.t("date-prev-month");
                prev.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, prev_label.as_str())
                });
                ui.strong(l.ta(
                    "date-month",
                    &[
                        ("year", year.to_string().into()),
                        ("month", month.to_string().into()),
                    ],
                ));
                let next = ui.small_button("▶");
                let next_label = l.t("date-next-month");
                next.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, next_label.as_str())
                });
                let delta = if prev.clicked() {
                    -1
                } else if next.clicked() {
                    1
                } else {
                    0
                };
                if delta != 0 {
                    let to = shift(year, month, delta);
                    ui.data_mut(|d| d.insert_temp(month_id(), to));
                }
            });
            let first = Date {
                year,
                month,
                day: 1,
            };
            let days = Date::days_in_month(year, month);
            let weekdays = l.t("date-weekdays");
            egui::Grid::new("kaijisho-date-picker-days")
                .spacing(egui::vec2(2.0, 2.0))
                .show(ui, |ui| {
                    for w in weekdays.split_whitespace() {
                        ui.weak(w);
                    }
                    ui.end_row();
                    for _ in 0..first.weekday() {
                        ui.label("");
                    }
                    for day in 1..=days {
                        let date = Date { year, month, day };
                        let resp = ui.add(
                            egui::Button::selectable(picked == Some(date), day.to_string())
                                .min_size(egui::vec2(28.0, 0.0)),
                        );
                        let label = l.ta(
                            "date-day",
                            &[
                                ("year", year.to_string().into()),
                                ("month", month.to_string().into()),
                                ("day", day.to_string().into()),
                            ],
                        );
                        resp.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, label.as_str())
                        });
                        if resp.clicked() {
                            cmds.push(edit(date.written_like(current)));
                            cmds.push(Command::SealEdit);
                            ui.data_mut(|d| d.remove_temp::<(i32, u32)>(month_id()));
                            ui.close();
                        }
                        if date.weekday() == 6 {
                            ui.end_row();
                        }
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::shift;

    #[test]
    fn months_roll_over_the_year() {
        assert_eq!(shift(2026, 1, -1), (2025, 12));
        assert_eq!(shift(2026, 12, 1), (2027, 1));
        assert_eq!(shift(2026, 11, 0), (2026, 11));
    }
}
