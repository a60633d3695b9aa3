//! Tests of the streaming sheet edit.

use super::*;

fn edit(xml: &str, writes: &[((u32, u16), Option<&str>)]) -> Result<String, SheetEdit> {
    let w: Writes = writes
        .iter()
        .map(|(k, v)| (*k, v.map(str::to_string)))
        .collect();
    edit_sheet(xml.as_bytes(), &w).map(|b| String::from_utf8(b).unwrap())
}

const SHEET: &str = "<worksheet><sheetData>\
    <row r=\"2\" spans=\"1:3\"><c r=\"A2\" s=\"4\" t=\"s\"><v>0</v></c><c r=\"C2\" s=\"5\"/></row>\
    <row r=\"4\"/>\
    <row r=\"5\"><c r=\"B5\"><f>SUM(A1)</f><v>1</v></c></row>\
    </sheetData><mergeCells count=\"1\"><mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>";

#[test]
fn replaces_inserts_and_keeps_the_rest() {
    let out = edit(
        SHEET,
        &[
            ((0, 0), Some("新しい行")),
            ((1, 1), Some("はい")),
            ((1, 2), Some("a<b & c")),
            ((3, 3), Some("x")),
            ((6, 0), None),
        ],
    )
    .unwrap();
    assert!(out.starts_with("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"));
    assert!(out.contains(
        "<c r=\"A2\" s=\"4\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">はい</t></is></c>\
         <c r=\"C2\" s=\"5\" t=\"inlineStr\"><is><t xml:space=\"preserve\">a&lt;b &amp; c</t></is></c></row>"
    ));
    assert!(out.contains("<row r=\"4\"><c r=\"D4\" t=\"inlineStr\">"));
    assert!(out.contains("<row r=\"7\"><c r=\"A7\"/></row></sheetData><mergeCells"));
    assert!(out.ends_with("<mergeCell ref=\"A2:A3\"/></mergeCells></worksheet>"));
}

#[test]
fn nothing_to_write_leaves_every_byte() {
    assert_eq!(edit(SHEET, &[]).unwrap(), SHEET);
}

#[test]
fn a_formula_is_refused() {
    assert_eq!(
        edit(SHEET, &[((4, 1), Some("はい"))]),
        Err(SheetEdit::Formula("B5".into()))
    );
}

#[test]
fn a_byte_order_mark_keeps_every_position() {
    let with_bom = format!("\u{FEFF}{SHEET}");
    let out = edit(&with_bom, &[((1, 1), Some("はい"))]).unwrap();
    assert!(
        out.starts_with("\u{FEFF}<worksheet><sheetData><row r=\"2\" spans=\"1:3\"><c r=\"A2\"")
    );
    assert!(out.contains("</c><c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">はい</t></is></c><c r=\"C2\" s=\"5\"/></row>"), "{out}");
}

#[test]
fn a_prefixed_sheet_gets_prefixed_cells_and_rows() {
    let xml =
        "<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row r=\"1\"/></x:sheetData></x:worksheet>";
    let out = edit(xml, &[((0, 0), Some("はい")), ((2, 1), Some("x"))]).unwrap();
    assert_eq!(
        out,
        "<x:worksheet xmlns:x=\"m\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">はい</x:t></x:is></x:c></x:row>\
         <x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">x</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"
    );
}

#[test]
fn cells_of_an_array_formula_and_disorder_are_refused() {
    let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><f t=\"array\" ref=\"A1:A3\">B1:B3*2</f><v>2</v></c></row>\
               <row r=\"2\"><c r=\"A2\"><v>4</v></c></row></sheetData></worksheet>";
    assert_eq!(
        edit(xml, &[((1, 0), Some("はい"))]),
        Err(SheetEdit::Formula("A2".into()))
    );
    let disorder = "<worksheet><sheetData><row r=\"5\"/><row r=\"3\"/></sheetData></worksheet>";
    assert!(matches!(
        edit(disorder, &[((2, 0), Some("x"))]),
        Err(SheetEdit::Xml(_))
    ));
    let no_data = "<worksheet></worksheet>";
    assert!(matches!(
        edit(no_data, &[((0, 0), Some("x"))]),
        Err(SheetEdit::Xml(_))
    ));
}

#[test]
fn a_target_cells_attributes_are_kept_and_a_malformed_one_refused() {
    let xml = "<worksheet><sheetData><row r=\"2\"><c r=\"A2\" s=\"4\" ph=\"1\" vm=\"2\" t=\"s\"><v>0</v></c>\
               <c r=\"B2\" s=5><v>1</v></c></row></sheetData></worksheet>";
    // Kept as written, but for the type and the old value's metadata.
    let out = edit(xml, &[((1, 0), Some("はい"))]).unwrap();
    assert!(
        out.contains("<c r=\"A2\" s=\"4\" ph=\"1\" t=\"inlineStr\">"),
        "{out}"
    );
    // A cell not written keeps its bytes, whatever they are.
    assert!(out.contains("<c r=\"B2\" s=5><v>1</v></c>"), "{out}");
    // A target whose attribute cannot be read: refused, never written without it.
    let e = edit(xml, &[((1, 1), Some("はい"))]).unwrap_err();
    assert!(
        matches!(&e, SheetEdit::Xml(d) if d.contains("<c>")),
        "{e:?}"
    );
}

#[test]
fn references_that_do_not_read_are_refused_not_guessed() {
    for (xml, what) in [
        ("<row r=\"x\"><c r=\"A1\"/></row>", "<row r=\"x\">"),
        ("<row r=\"1\"><c r=\"1A\"/></row>", "<c r=\"1A\">"),
        ("<row r=\"1\"><c r=A1/></row>", "<c>"),
        (
            "<row r=\"1\"><c r=\"A1\"><f t=\"array\" ref=\"A1:\">1</f></c></row>",
            "<f ref=\"A1:\">",
        ),
    ] {
        let sheet = format!("<worksheet><sheetData>{xml}</sheetData></worksheet>");
        let e = edit(&sheet, &[((3, 3), Some("x"))]).unwrap_err();
        assert!(
            matches!(&e, SheetEdit::Xml(d) if d.contains(what)),
            "{xml}: {e:?}"
        );
    }
    let cols =
        "<worksheet><cols><col min=\"a\" max=\"2\" style=\"3\"/></cols><sheetData/></worksheet>";
    let e = edit(cols, &[((0, 0), Some("x"))]).unwrap_err();
    assert!(
        matches!(&e, SheetEdit::Xml(d) if d.contains("min")),
        "{e:?}"
    );
}

#[test]
fn a_cell_naming_another_row_than_its_own_is_refused() {
    let xml = "<worksheet><sheetData><row r=\"4\"><c r=\"C9\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>";
    let e = edit(xml, &[((3, 2), Some("はい"))]).unwrap_err();
    assert!(
        matches!(&e, SheetEdit::Xml(d) if d.contains("C9") && d.contains("another row")),
        "{e:?}"
    );
}

#[test]
fn a_control_character_is_written_as_excels_escape() {
    let out = edit(SHEET, &[((0, 0), Some("a\u{1}b"))]).unwrap();
    assert!(out.contains(">a_x0001_b</t>"), "{out}");
}

#[test]
fn text_that_looks_like_an_excel_escape_is_kept() {
    assert_eq!(excel_escape("a_x0041_b"), "a_x005F_x0041_b");
    assert_eq!(excel_escape("_x00"), "_x00");
    assert_eq!(excel_escape("備考_xZZZZ_"), "備考_xZZZZ_");
    assert_eq!(excel_escape("__x0041_"), "__x005F_x0041_");
}

#[test]
fn a_new_cell_takes_its_rows_style_else_its_columns() {
    let xml = "<worksheet><cols><col min=\"2\" max=\"3\" width=\"9\" style=\"7\"/></cols><sheetData>\
               <row r=\"1\" s=\"4\" customFormat=\"1\"><c r=\"A1\"/></row><row r=\"2\"><c r=\"A2\"/></row><row r=\"3\" s=\"9\" customFormat=\"1\"/></sheetData></worksheet>";
    let out = edit(
        xml,
        &[
            ((0, 1), Some("a")),
            ((1, 2), Some("b")),
            ((1, 4), Some("c")),
        ],
    )
    .unwrap();
    assert!(
        out.contains("<c r=\"B1\" s=\"4\" t=\"inlineStr\">"),
        "{out}"
    );
    assert!(
        out.contains("<c r=\"C2\" s=\"7\" t=\"inlineStr\">"),
        "{out}"
    );
    assert!(out.contains("<c r=\"E2\" t=\"inlineStr\">"), "{out}");
}
