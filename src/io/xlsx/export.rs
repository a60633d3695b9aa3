//! Export to the official workbook layout (rust_xlsxwriter).
//!
//! One visible sheet with the two areas of the form side by side — left, the print area
//! (設問と回答表示欄: title, header block, disclaimer, section rows, question rows with
//! はい/いいえ/対象外 display cells and 備考); right, the input area (回答記入欄: a flag cell with a
//! dropdown and a remark cell per answerable row). The display follows the input by formula (with
//! cached results, so viewers that do not recalculate show the right values) and by conditional
//! formatting. A hidden sheet holds the project, the catalogue and the row map, so re-importing
//! an exported file is exact.

use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, Format, FormatAlign, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::{
    CHUNK, COL_FLAG, COL_NA, COL_NO, COL_NUMBER, COL_REMARK, COL_REMARK_IN, COL_TEXT, COL_YES,
    HEADER_ROWS, HIDDEN_SHEET, MARKER, RowRole, XlsxError as ExportError, col_name, header_label,
};
use crate::domain::answer::{AnswerValue, GATE_VALUES, YES_NO_NA};
use crate::domain::catalogue::{AnswerKind, Catalogue, Question};
use crate::domain::form::FormText;
use crate::domain::project::{HeaderField, Project, ReviewStatus};
use crate::domain::summary::shown_option_value;
use crate::domain::validation::effective_value;
use crate::io::json::to_pretty_json;

use super::table::{PrintTable, TableRow, add_print_table, base, wrapped_height};

/// Excel's limit on the characters in one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

struct Formats {
    title: Format,
    label: Format,
    header_value: Format,
    disclaimer: Format,
    col_head: Format,
    input_head: Format,
    section: Format,
    number: Format,
    text: Format,
    option: Format,
    mark: Format,
    remark: Format,
    flag: Format,
    remark_in: Format,
    chosen: Format,
    unlocked: Format,
}

fn formats(font: &str) -> Formats {
    let base = || base(font);
    let border = |f: Format| f.set_border(FormatBorder::Thin).set_border_color("#A0A0A0");
    Formats {
        title: base()
            .set_font_size(14)
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        label: border(base().set_background_color("#EEF1F6")),
        header_value: border(base().set_text_wrap().set_unlocked()),
        disclaimer: base()
            .set_font_size(8)
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        col_head: border(
            base()
                .set_bold()
                .set_background_color("#DDE3EC")
                .set_align(FormatAlign::Center),
        ),
        input_head: border(
            base()
                .set_bold()
                .set_background_color("#FFF2CC")
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
        ),
        section: border(
            base()
                .set_bold()
                .set_background_color("#E6EBF2")
                .set_text_wrap(),
        ),
        number: border(base().set_align(FormatAlign::Top)),
        text: border(base().set_text_wrap().set_align(FormatAlign::Top)),
        option: border(
            base()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_indent(2),
        ),
        mark: border(base().set_align(FormatAlign::Center)),
        remark: border(base().set_text_wrap().set_align(FormatAlign::Top)),
        flag: border(
            base()
                .set_unlocked()
                .set_align(FormatAlign::Center)
                .set_background_color("#FFFBEA"),
        ),
        remark_in: border(
            base()
                .set_unlocked()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color("#FFFBEA"),
        ),
        chosen: Format::new().set_bold().set_background_color("#CFE2F3"),
        unlocked: base().set_unlocked(),
    }
}

fn cell(col: u16, row: u32) -> String {
    format!("{}{}", col_name(col), row + 1)
}

/// Quotes a string for an Excel formula.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// Rows before the first section: title, header, disclaimer, column headings (and room).
const FRONT_ROWS: usize = 16;

/// Checks Excel's cell limit, naming the question.
fn check_len(text: &str, number: &str, what: &str) -> Result<(), ExportError> {
    let n = text.chars().count();
    if n > MAX_CELL_CHARS {
        Err(ExportError::CellTooLong {
            number: number.to_string(),
            what: what.to_string(),
            chars: n,
        })
    } else {
        Ok(())
    }
}

/// The Excel condition under which a question is shown as 対象外 because of its gates.
fn gated_condition(
    c: &Catalogue,
    q: &Question,
    flag_rows: &std::collections::HashMap<String, u32>,
) -> Option<String> {
    let mut parts = Vec::new();
    let mut current = q;
    for _ in 0..=c.question_count() {
        let Some(gate) = &current.gate else { break };
        let Some(parent) = c.question(&gate.question) else {
            break;
        };
        if let Some(row) = flag_rows.get(&parent.id) {
            let h = format!("${}", cell(COL_FLAG, *row));
            parts.push(format!(
                "AND({h}<>\"\",{h}<>{})",
                quoted(gate.value.label())
            ));
        }
        current = parent;
    }
    match parts.len() {
        0 => None,
        1 => parts.pop(),
        _ => Some(format!("OR({})", parts.join(","))),
    }
}

struct Writer<'a> {
    ws: &'a mut Worksheet,
    f: Formats,
    row: u32,
    roles: Vec<(u32, RowRole)>,
    /// How a condition (条件付き回答) goes before the remark: 〔条件〕…。
    condition: crate::domain::condition::ConditionWords,
}

impl Writer<'_> {
    /// Display cells (C:E) and the remark display (F) for an answerable row, following the input
    /// cells (H, I) of the same row.
    fn answer_row(
        &mut self,
        allowed: &[AnswerValue],
        stored: AnswerValue,
        shown: AnswerValue,
        remark: &str,
        gated: Option<&str>,
    ) -> Result<(), XlsxError> {
        let r = self.row;
        let h = format!("${}", cell(COL_FLAG, r));
        let cols = [COL_YES, COL_NO, COL_NA];
        for (i, col) in cols.iter().enumerate() {
            let Some(v) = allowed.get(i) else {
                self.ws.write_blank(r, *col, &self.f.mark)?;
                continue;
            };
            let on = format!("■{}", v.label());
            let off = format!("□{}", v.label());
            let chosen = format!("{h}={}", quoted(v.label()));
            let expr = match (gated, *v) {
                (Some(g), AnswerValue::NotApplicable) => {
                    format!("=IF(OR({g},{chosen}),{},{})", quoted(&on), quoted(&off))
                }
                (Some(g), _) => format!(
                    "=IF({g},{},IF({chosen},{},{}))",
                    quoted(&off),
                    quoted(&on),
                    quoted(&off)
                ),
                (None, _) => format!("=IF({chosen},{},{})", quoted(&on), quoted(&off)),
            };
            let result = if shown == *v { on } else { off };
            self.ws.write_formula_with_format(
                r,
                *col,
                Formula::new(expr).set_result(result),
                &self.f.mark,
            )?;
        }
        let i = cell(COL_REMARK_IN, r);
        let shown_remark = if remark.is_empty() { "-" } else { remark };
        self.ws.write_formula_with_format(
            r,
            COL_REMARK,
            Formula::new(format!("=IF(${i}=\"\",\"-\",${i})")).set_result(shown_remark),
            &self.f.remark,
        )?;
        if stored.is_answered() {
            self.ws
                .write_string_with_format(r, COL_FLAG, stored.label(), &self.f.flag)?;
        } else {
            self.ws.write_blank(r, COL_FLAG, &self.f.flag)?;
        }
        let list: Vec<&str> = allowed.iter().map(|v| v.label()).collect();
        let dv = DataValidation::new()
            .allow_list_strings(&list)?
            .ignore_blank(true);
        self.ws.add_data_validation(r, COL_FLAG, r, COL_FLAG, &dv)?;
        // write_string: a remark starting with = + - @ stays text, never a formula.
        if remark.is_empty() {
            self.ws.write_blank(r, COL_REMARK_IN, &self.f.remark_in)?;
        } else {
            self.ws
                .write_string_with_format(r, COL_REMARK_IN, remark, &self.f.remark_in)?;
        }
        Ok(())
    }
}

/// Checks Excel's cell limits first, so an error names the question instead of failing
/// half-way.
fn check_limits(c: &Catalogue, p: &Project) -> Result<(), ExportError> {
    // A row per section, question and option, and the front matter.
    let rows = c.sections.len()
        + c.questions()
            .map(|q| 1 + q.answer.options().len())
            .sum::<usize>()
        + FRONT_ROWS;
    let limit = super::import::grid::MAX_ROWS;
    if rows > limit as usize {
        return Err(ExportError::TooManyRows {
            questions: c.question_count(),
            rows,
            limit,
        });
    }
    for (qid, item) in &p.review.items {
        let number = c
            .question(qid)
            .map(|q| q.number_key())
            .unwrap_or_else(|| qid.clone());
        check_len(&item.comment, &number, "review comment")?;
    }
    for q in c.questions() {
        let n = q.number_key();
        check_len(&q.full_text(), &n, "text")?;
        if let Some(a) = p.answer(&q.id) {
            check_len(&a.remark, &n, "remark")?;
            check_len(&format!("{}{}", a.condition, a.remark), &n, "condition")?;
            for (o, oa) in &a.options {
                check_len(&oa.remark, &n, o)?;
            }
        }
    }
    for field in HeaderField::ALL {
        check_len(p.header.get(field), field.key(), field.key())?;
    }
    Ok(())
}

/// Builds the workbook bytes.
pub fn statement_xlsx(c: &Catalogue, p: &Project, form: &FormText) -> Result<Vec<u8>, ExportError> {
    check_limits(c, p)?;
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(super::MAIN_SHEET)?;
    let mut w = Writer {
        ws,
        f: formats(&form.workbook.font),
        row: 0,
        roles: Vec::new(),
        condition: form.labels.condition.clone(),
    };
    let head = w.front(c, p, form)?;
    w.row = head + 1;
    let first_body = w.row;
    w.body(c, p)?;
    let last = w.row.saturating_sub(1).max(first_body);
    w.finish(head, first_body, last)?;
    let roles = std::mem::take(&mut w.roles);
    if !p.review.is_empty() {
        review_sheet(&mut wb, c, p, form)?;
    }
    hidden_sheet(&mut wb, c, p, form, &roles)?;
    Ok(wb.save_to_buffer()?)
}

impl Writer<'_> {
    /// Column widths, the title, the header block, the disclaimer and the column headings.
    /// Returns the row of the column headings.
    fn front(&mut self, c: &Catalogue, p: &Project, form: &FormText) -> Result<u32, ExportError> {
        let w = self;
        let widths = [14.0, 54.0, 8.0, 8.0, 8.0, 30.0, 2.0, 13.0, 40.0];
        for (col, width) in widths.iter().enumerate() {
            w.ws.set_column_width(col as u16, *width)?;
        }
        let unlocked = w.f.unlocked.clone();
        w.ws.set_column_format(COL_FLAG, &unlocked)?;
        w.ws.set_column_format(COL_REMARK_IN, &unlocked)?;

        // Title.
        // Another checklist than the MDS/SDS has its own title, no edition line and no
        // JAHIS/JIRA disclaimer (its row stays, empty, where the form has it).
        let title = if c.kind.is_disclosure() {
            format!(
                "{}\n{}",
                form.title(c.kind),
                form.edition_line(&c.guideline_edition)
            )
        } else {
            form.title_of(c).to_string()
        };
        w.ws.merge_range(0, COL_NUMBER, 0, COL_REMARK, &title, &w.f.title)?;
        w.ws.set_row_height(0, 40.0)?;
        let words = &form.workbook;
        w.ws.merge_range(
            0,
            COL_FLAG,
            0,
            COL_REMARK_IN,
            &words.input_area,
            &w.f.input_head,
        )?;
        w.roles.push((0, RowRole::Title));

        // Header block (rows 1..=5).
        for (i, field) in HEADER_ROWS.iter().enumerate() {
            let r = 1 + i as u32;
            let label = header_label(form, c.kind, *field);
            w.ws.write_string_with_format(r, COL_NUMBER, &label, &w.f.label)?;
            let value = p.header.get(*field);
            w.ws.merge_range(r, COL_TEXT, r, COL_REMARK, value, &w.f.header_value)?;
            w.roles.push((r, RowRole::Header(*field)));
        }
        // Disclaimer.
        let r = 1 + HEADER_ROWS.len() as u32;
        w.ws.merge_range(
            r,
            COL_NUMBER,
            r,
            COL_REMARK,
            if c.kind.is_disclosure() {
                &form.disclaimer
            } else {
                ""
            },
            &w.f.disclaimer,
        )?;
        w.ws.set_row_height(r, 36.0)?;
        w.roles.push((r, RowRole::Disclaimer));
        // Column headings.
        let head = r + 1;
        let cols = &words.columns;
        let headings = [
            (COL_NUMBER, &cols.number),
            (COL_TEXT, &cols.question),
            (COL_YES, &cols.yes),
            (COL_NO, &cols.no),
            (COL_NA, &cols.na),
            (COL_REMARK, &cols.remark),
        ];
        for (col, text) in headings {
            w.ws.write_string_with_format(head, col, text, &w.f.col_head)?;
        }
        w.ws.write_string_with_format(head, COL_FLAG, &words.flag_column, &w.f.input_head)?;
        w.ws.write_string_with_format(head, COL_REMARK_IN, &words.remark_column, &w.f.input_head)?;
        w.ws.set_row_height(head, 28.0)?;
        w.roles.push((head, RowRole::ColumnHeads));
        Ok(head)
    }

    /// Section rows, question rows and option rows.
    fn body(&mut self, c: &Catalogue, p: &Project) -> Result<(), ExportError> {
        // Flag row of each question that can be a gate, for the display formulas of later rows.
        let mut flag_rows: std::collections::HashMap<String, u32> = Default::default();
        for s in &c.sections {
            let r = self.row;
            self.ws.merge_range(
                r,
                COL_NUMBER,
                r,
                COL_REMARK,
                &s.full_title(),
                &self.f.section,
            )?;
            self.ws
                .set_row_height(r, wrapped_height(&[(&s.full_title(), 120.0)]))?;
            self.roles.push((r, RowRole::Section));
            self.row += 1;
            for q in &s.questions {
                self.question(c, p, q, &mut flag_rows)?;
            }
        }
        Ok(())
    }

    /// One question's row, and its option rows.
    fn question(
        &mut self,
        c: &Catalogue,
        p: &Project,
        q: &Question,
        flag_rows: &mut std::collections::HashMap<String, u32>,
    ) -> Result<(), ExportError> {
        let w = self;
        let gated = gated_condition(c, q, flag_rows);
        let answer = p.answer(&q.id);
        let r = w.row;
        let number_fmt = w.f.number.clone();
        let text_fmt = w.f.text.clone();
        w.ws.write_string_with_format(r, COL_NUMBER, &q.number, &number_fmt)?;
        w.ws.write_string_with_format(r, COL_TEXT, q.full_text(), &text_fmt)?;
        match &q.answer {
            AnswerKind::Options(options) => {
                for col in [COL_YES, COL_NO, COL_NA, COL_REMARK] {
                    w.ws.write_blank(r, col, &w.f.mark.clone())?;
                }
                w.ws.set_row_height(r, wrapped_height(&[(&q.full_text(), 58.0)]))?;
                w.roles.push((r, RowRole::Question(q.id.clone())));
                w.row += 1;
                for o in options {
                    let r = w.row;
                    let oa = answer.and_then(|a| a.options.get(&o.id));
                    let stored = oa.map(|a| a.value).unwrap_or_default();
                    let shown = shown_option_value(c, p, q, &o.id);
                    let remark = oa.map(|a| a.remark.as_str()).unwrap_or("");
                    w.ws.write_blank(r, COL_NUMBER, &number_fmt)?;
                    let label = format!("-{}", o.label);
                    w.ws.write_string_with_format(r, COL_TEXT, &label, &w.f.option.clone())?;
                    w.answer_row(&YES_NO_NA, stored, shown, remark, gated.as_deref())?;
                    w.ws.set_row_height(
                        r,
                        wrapped_height(&[(&label, 54.0), (remark, 30.0), (remark, 40.0)]),
                    )?;
                    w.roles
                        .push((r, RowRole::Option(q.id.clone(), o.id.clone())));
                    w.row += 1;
                }
            }
            kind => {
                let allowed: &[AnswerValue] = if matches!(kind, AnswerKind::Gate) {
                    &GATE_VALUES
                } else {
                    &YES_NO_NA
                };
                let stored = answer.map(|a| a.value).unwrap_or_default();
                let shown = effective_value(c, p, q);
                // The condition first, then the remark: 「〔条件〕オプション契約時。備考」.
                let remark = answer
                    .map(|a| w.condition.join(&a.condition, &a.remark))
                    .unwrap_or_default();
                let remark = remark.as_str();
                w.answer_row(allowed, stored, shown, remark, gated.as_deref())?;
                w.ws.set_row_height(r, wrapped_height(&[(&q.full_text(), 58.0), (remark, 30.0)]))?;
                flag_rows.insert(q.id.clone(), r);
                w.roles.push((r, RowRole::Question(q.id.clone())));
                w.row += 1;
            }
        }
        Ok(())
    }

    /// The highlight of chosen marks, printing and protection.
    fn finish(&mut self, head: u32, first_body: u32, last: u32) -> Result<(), ExportError> {
        let w = self;
        // The chosen display cell stands out.
        let chosen = w.f.chosen.clone();
        let rule = format!("=LEFT({},1)=\"■\"", cell(COL_YES, first_body));
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(chosen);
        w.ws.add_conditional_format(first_body, COL_YES, last, COL_NA, &cf)?;

        // Printing: A4 portrait, the print area on the left, headings repeated, one page wide.
        w.ws.set_paper_size(9);
        w.ws.set_portrait();
        w.ws.set_print_area(0, COL_NUMBER, last, COL_REMARK)?;
        w.ws.set_repeat_rows(head, head)?;
        w.ws.set_print_fit_to_pages(1, 0);
        w.ws.set_print_center_horizontally(true);
        w.ws.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
        w.ws.set_footer("&C&P / &N");
        w.ws.set_freeze_panes(head + 1, 0)?;
        // Protected without a password: only the input cells (and header values) are editable.
        let options = ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        };
        w.ws.protect_with_options(&options);
        Ok(())
    }
}

/// What a mapped row shows that identifies it (its number, option label or header label): the
/// import checks it is still there before trusting the map (rows may have been inserted).
pub(crate) fn row_key(c: &Catalogue, form: &FormText, role: &RowRole) -> String {
    match role {
        RowRole::Header(field) => header_label(form, c.kind, *field),
        RowRole::Question(q) => c.question(q).map(|q| q.number.clone()).unwrap_or_default(),
        RowRole::Option(q, o) => c
            .question(q)
            .and_then(|q| q.find_option(o))
            .map(|o| format!("-{}", o.label))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The hidden sheet: the project and catalogue as JSON in chunks, and the row map.
fn hidden_sheet(
    wb: &mut Workbook,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
    roles: &[(u32, RowRole)],
) -> Result<(), ExportError> {
    let hidden = wb.add_worksheet();
    hidden.set_name(HIDDEN_SHEET)?;
    hidden.set_hidden(true);
    let project_json =
        String::from_utf8(to_pretty_json(p).map_err(|e| ExportError::Json(e.to_string()))?)
            .map_err(|e| ExportError::Json(e.to_string()))?;
    let catalogue_json =
        String::from_utf8(to_pretty_json(c).map_err(|e| ExportError::Json(e.to_string()))?)
            .map_err(|e| ExportError::Json(e.to_string()))?;
    let mut r = 0u32;
    let mut put = |hidden: &mut Worksheet, cells: &[&str]| -> Result<(), XlsxError> {
        for (i, v) in cells.iter().enumerate() {
            hidden.write_string(r, i as u16, *v)?;
        }
        r += 1;
        Ok(())
    };
    put(hidden, &[MARKER, "1"])?;
    put(hidden, &["catalogue_id", &c.id])?;
    put(hidden, &["catalogue_version", &c.form_version])?;
    put(hidden, &["catalogue_hash", &c.content_hash()])?;
    for (name, json) in [("project", &project_json), ("catalogue", &catalogue_json)] {
        let chunks: Vec<String> = json
            .chars()
            .collect::<Vec<_>>()
            .chunks(CHUNK)
            .map(|c| c.iter().collect())
            .collect();
        let count = chunks.len().to_string();
        put(hidden, &[name, &count])?;
        for chunk in &chunks {
            put(hidden, &["", chunk])?;
        }
    }
    put(hidden, &["rows", &roles.len().to_string()])?;
    for (row, role) in roles {
        let (kind, a, b) = role.encode();
        let key = row_key(c, form, role);
        put(hidden, &["", &row.to_string(), kind, &a, &b, &key])?;
    }
    Ok(())
}

/// The review report sheet: the statement it reviews (vendor, product, version, fingerprint),
/// reviewer, counts, and every question with the vendor's answer and the reviewer's status and
/// comment; items to act on highlighted. Prints landscape, one page wide, headings repeated.
fn review_sheet(
    wb: &mut Workbook,
    c: &Catalogue,
    p: &Project,
    form: &FormText,
) -> Result<(), ExportError> {
    let s = crate::domain::review::summary(c, p);
    let fill = crate::domain::form::fill;
    let by = fill(
        &form.own.review_by,
        &[
            ("reviewer", p.review.reviewer.as_deref().unwrap_or("-")),
            ("date", p.review.date.as_deref().unwrap_or("-")),
        ],
    );
    let [unchecked, confirmed, needs_check, action_required] = s.counts.map(|n| n.to_string());
    let counts = fill(
        &form.own.review_counts,
        &[
            ("unchecked", &unchecked),
            ("confirmed", &confirmed),
            ("needs_check", &needs_check),
            ("action_required", &action_required),
        ],
    );
    let statement = [
        HeaderField::Vendor,
        HeaderField::Product,
        HeaderField::Version,
    ]
    .iter()
    .map(|f| format!("{}: {}", header_label(form, c.kind, *f), p.header.get(*f)))
    .collect::<Vec<_>>()
    .join("　");
    let fingerprint = fill(
        &form.own.fingerprint,
        &[(
            "fingerprint",
            &crate::domain::canonical::Statement::new(c, p).fingerprint(),
        )],
    );
    let widths = [7.0, 46.0, 14.0, 32.0, 11.0, 40.0];
    let rows = c
        .questions()
        .map(|q| {
            let values: Vec<&str> = crate::domain::summary::shown_values(c, p, q)
                .iter()
                .map(|v| v.label())
                .collect();
            TableRow {
                cells: vec![
                    q.number_key(),
                    q.full_text(),
                    values.join(" / "),
                    p.answer(&q.id)
                        .map(|a| form.labels.condition.join(&a.condition, &a.remark))
                        .unwrap_or_default(),
                    p.review.status(&q.id).label().to_string(),
                    p.review.comment(&q.id).to_string(),
                ],
                // Highlighted: what needs acting on (いいえ, 要確認, 要対応), not every mark.
                marked: matches!(
                    p.review.status(&q.id),
                    ReviewStatus::NeedsCheck | ReviewStatus::ActionRequired
                ) || values.contains(&AnswerValue::No.label()),
            }
        })
        .collect();
    add_print_table(
        wb,
        &form.workbook.font,
        &PrintTable {
            sheet: form.own.review_sheet.clone(),
            title: form.own.review_title.clone(),
            lines: vec![statement, by, counts, fingerprint],
            spans: Vec::new(),
            columns: form
                .own
                .review_columns
                .iter()
                .cloned()
                .zip(widths)
                .collect(),
            rows,
            landscape: true,
        },
    )
}
