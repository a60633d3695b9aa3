//! The statement's signature in a filled official workbook: a hidden sheet
//! `kaijisho_signature` (A1 the marker, then the base64 of the detached CMS in chunks down
//! column B), added to a copy of the user's workbook — the sheet part, its `<sheet>` in
//! workbook.xml, its relationship and its content type — or, when the workbook has the sheet
//! already, its part replaced. A file-disarm gateway that keeps the sheets keeps it; one that
//! drops it leaves the `.p7s` beside the workbook to verify with.
//!
//! The import takes the sheet out before detection (it is no checklist) and gives the
//! statement its signature.

use super::XlsxError;
use super::import::grid::Book;

/// The hidden sheet's name.
pub const SIGNATURE_SHEET: &str = "kaijisho_signature";
/// Its first cell.
pub const SIGNATURE_MARKER: &str = "kaijisho-signature";
/// The part written for a new sheet (under `xl/`).
pub const SIGNATURE_PART: &str = "worksheets/kaijisho_signature.xml";
/// The relationship id of a new sheet.
pub const SIGNATURE_RID: &str = "rIdKaijishoSignature";
/// Characters of base64 per cell (a cell holds at most 32,767).
const CHUNK: usize = 30_000;
/// At most this many chunks are read back (a signature is a few tens of KB).
const MAX_CHUNKS: u32 = 600;

/// The sheet's XML: the marker, the format version, then one chunk per row.
pub fn sheet_xml(cms_base64: &str) -> Vec<u8> {
    let cell = |r: usize, col: &str, text: &str| {
        format!("<c r=\"{col}{r}\" t=\"inlineStr\"><is><t>{text}</t></is></c>")
    };
    let mut rows = format!(
        "<row r=\"1\">{}{}</row>",
        cell(1, "A", SIGNATURE_MARKER),
        cell(1, "B", "1")
    );
    // base64 is plain ASCII letters, digits, + / =: nothing to escape.
    let bytes = cms_base64.as_bytes();
    for (i, chunk) in bytes.chunks(CHUNK).enumerate() {
        let r = i + 2;
        let text = String::from_utf8_lossy(chunk);
        rows.push_str(&format!(
            "<row r=\"{r}\">{}{}</row>",
            cell(r, "A", "cms"),
            cell(r, "B", &text)
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
         <sheetData>{rows}</sheetData></worksheet>"
    )
    .into_bytes()
}

/// Where the closing tag `</[prefix:]name>` starts, and the prefix (with its colon).
fn closing(xml: &[u8], name: &str) -> Option<(usize, String)> {
    let tail = format!("{name}>");
    let mut at = xml.len();
    while let Some(p) = xml.get(..at)?.windows(2).rposition(|w| w == b"</") {
        let rest = xml.get(p + 2..)?;
        let end = rest.iter().position(|&b| b == b'>')?;
        let tag = std::str::from_utf8(rest.get(..=end)?).ok()?;
        if tag == tail {
            return Some((p, String::new()));
        }
        if let Some(prefix) = tag.strip_suffix(&tail).filter(|p| p.ends_with(':')) {
            return Some((p, prefix.to_string()));
        }
        at = p;
    }
    None
}

fn insert_before_closing(
    xml: &[u8],
    name: &str,
    make: impl Fn(&str) -> String,
) -> Result<Vec<u8>, String> {
    let (at, prefix) = closing(xml, name).ok_or_else(|| format!("no </{name}>"))?;
    let mut out = Vec::with_capacity(xml.len() + 256);
    out.extend_from_slice(xml.get(..at).unwrap_or_default());
    out.extend_from_slice(make(&prefix).as_bytes());
    out.extend_from_slice(xml.get(at..).unwrap_or_default());
    Ok(out)
}

/// The highest `sheetId` of workbook.xml.
fn max_sheet_id(xml: &[u8]) -> u32 {
    let mut max = 0;
    let needle = b"sheetId=\"";
    let mut from = 0;
    while let Some(p) = xml
        .get(from..)
        .and_then(|t| t.windows(needle.len()).position(|w| w == needle))
    {
        let start = from + p + needle.len();
        let digits: String = xml
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .map(|&b| char::from(b))
            .collect();
        max = max.max(digits.parse().unwrap_or(0));
        from = start;
    }
    max
}

/// workbook.xml with the hidden sheet added at the end of `<sheets>`.
pub fn add_to_workbook(xml: &[u8]) -> Result<Vec<u8>, String> {
    let id = max_sheet_id(xml).saturating_add(1);
    insert_before_closing(xml, "sheets", |prefix| {
        format!(
            "<{prefix}sheet xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
             name=\"{SIGNATURE_SHEET}\" sheetId=\"{id}\" state=\"hidden\" r:id=\"{SIGNATURE_RID}\"/>"
        )
    })
}

/// The workbook's relationships with the new sheet's.
pub fn add_relationship(rels: &[u8]) -> Result<Vec<u8>, String> {
    insert_before_closing(rels, "Relationships", |prefix| {
        format!(
            "<{prefix}Relationship Id=\"{SIGNATURE_RID}\" \
             Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
             Target=\"{SIGNATURE_PART}\"/>"
        )
    })
}

/// `[Content_Types].xml` with the new sheet part's type.
pub fn add_content_type(types: &[u8], part: &str) -> Result<Vec<u8>, String> {
    insert_before_closing(types, "Types", |prefix| {
        format!(
            "<{prefix}Override PartName=\"/{part}\" \
             ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        )
    })
}

/// The signature of a workbook's hidden signature sheet, which is then no longer one of the
/// book's sheets (detection never sees it). A sheet of that name without the marker is left
/// as it is; one with the marker but unreadable chunks is an error naming the file.
pub fn take_signature(book: &mut Book) -> Result<Option<String>, XlsxError> {
    if !book.sheets.iter().any(|(n, _)| n == SIGNATURE_SHEET) {
        return Ok(None);
    }
    let grid = book.grid(SIGNATURE_SHEET)?;
    if grid.get(0, 0) != SIGNATURE_MARKER {
        return Ok(None);
    }
    let mut cms = String::new();
    for r in 1..grid.height().min(MAX_CHUNKS + 1) {
        if grid.get(r, 0) != "cms" {
            break;
        }
        let chunk = grid.get(r, 1).trim();
        if !chunk
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        {
            return Err(XlsxError::Malformed {
                path: book.path.clone(),
                detail: format!("{SIGNATURE_SHEET}!B{}: not base64", r + 1),
            });
        }
        cms.push_str(chunk);
    }
    book.sheets.retain(|(n, _)| n != SIGNATURE_SHEET);
    Ok((!cms.is_empty()).then_some(cms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sheet_goes_in_before_each_closing_tag_with_its_prefix() {
        let wb = br#"<x:workbook xmlns:x="m"><x:sheets><x:sheet name="A" sheetId="3" r:id="rId1"/><x:sheet name="B" sheetId="7" r:id="rId2"/></x:sheets></x:workbook>"#;
        let out = String::from_utf8(add_to_workbook(wb).unwrap()).unwrap();
        assert!(out.contains(r#"<x:sheet xmlns:r="#), "{out}");
        assert!(out.contains(r#"sheetId="8" state="hidden""#), "{out}");
        assert!(out.ends_with("/></x:sheets></x:workbook>"), "{out}");
        let rels = b"<Relationships xmlns=\"r\"><Relationship Id=\"rId1\"/></Relationships>";
        let out = String::from_utf8(add_relationship(rels).unwrap()).unwrap();
        assert!(out.contains("Target=\"worksheets/kaijisho_signature.xml\"/></Relationships>"));
        assert!(
            add_content_type(b"<Other/>", "xl/x.xml").is_err(),
            "no </Types>: said"
        );
        let xml = String::from_utf8(sheet_xml(&"A".repeat(65_000))).unwrap();
        assert_eq!(
            xml.matches("<row ").count(),
            1 + 3,
            "marker and three chunks"
        );
    }
}
