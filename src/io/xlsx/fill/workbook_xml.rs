//! What filling needs from `xl/workbook.xml` and its relationships: the part of each sheet,
//! whether the structure is password-protected, and the workbook set to recalculate when it
//! is opened (`fullCalcOnLoad`), changed in place without touching anything else.

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

/// What workbook.xml says.
#[derive(Debug, Default)]
pub struct WorkbookInfo {
    /// Sheet name → relationship id.
    pub sheets: HashMap<String, String>,
    /// `<workbookProtection lockStructure="1">`.
    pub structure_locked: bool,
}

fn is_true(v: &str) -> bool {
    matches!(v, "1" | "true")
}

/// An attribute value with the five predefined entities resolved.
pub fn unescape(v: &str) -> String {
    v.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads the sheet list and the structure protection.
pub fn read_workbook_xml(xml: &[u8]) -> Result<WorkbookInfo, String> {
    let mut reader = Reader::from_reader(xml);
    let mut info = WorkbookInfo::default();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sheet" => {
                    let mut name = None;
                    let mut id = None;
                    for a in e.attributes().flatten() {
                        let value = unescape(&a.value);
                        match (a.key.prefix().is_some(), a.key.local_name().as_ref()) {
                            (false, "name") => name = Some(value),
                            (true, "id") => id = Some(value),
                            _ => {}
                        }
                    }
                    if let (Some(n), Some(i)) = (name, id) {
                        info.sheets.insert(n, i);
                    }
                }
                "workbookProtection" => {
                    info.structure_locked |= e.attributes().flatten().any(|a| {
                        a.key.local_name().as_ref() == "lockStructure" && is_true(&a.value)
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(info)
}

/// The part a relationship id names in `xl/_rels/workbook.xml.rels` (`xl/worksheets/…`).
pub fn sheet_part(rels: &[u8], id: &str) -> Result<Option<String>, String> {
    let mut reader = Reader::from_reader(rels);
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let mut this_id = None;
                let mut target = None;
                for a in e.attributes().flatten() {
                    let v = unescape(&a.value);
                    match a.key.as_ref() {
                        "Id" => this_id = Some(v),
                        "Target" => target = Some(v),
                        _ => {}
                    }
                }
                if this_id.as_deref() == Some(id) {
                    return Ok(target.map(|t| match t.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("xl/{t}"),
                    }));
                }
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
    }
}

/// Elements that follow `calcPr` in a workbook (a new `calcPr` goes before the first).
const AFTER_CALC_PR: [&str; 9] = [
    "oleSize",
    "customWorkbookViews",
    "pivotCaches",
    "smartTagPr",
    "smartTagTypes",
    "webPublishing",
    "fileRecoveryPr",
    "webPublishObjects",
    "extLst",
];

/// workbook.xml with `fullCalcOnLoad="1"` on its `calcPr` (added when missing); every other
/// byte as it was.
pub fn set_full_calc_on_load(xml: &[u8]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(xml);
    loop {
        let start = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let end = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
        let (before, after) = (
            xml.get(..start).unwrap_or_default(),
            xml.get(end..).unwrap_or_default(),
        );
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "calcPr" => {
                let tag = String::from_utf8_lossy(xml.get(start..end).unwrap_or_default());
                let new_tag = match tag.find("fullCalcOnLoad=") {
                    Some(at) => {
                        let value_start = at + "fullCalcOnLoad=".len();
                        let quote = tag.get(value_start..value_start + 1).unwrap_or("\"");
                        let rest = tag.get(value_start + 1..).unwrap_or_default();
                        let close = rest.find(quote).unwrap_or(0);
                        format!(
                            "{}fullCalcOnLoad={quote}1{quote}{}",
                            tag.get(..at).unwrap_or_default(),
                            rest.get(close + 1..).unwrap_or_default()
                        )
                    }
                    None => {
                        let name_end = tag.find("calcPr").map_or(0, |i| i + "calcPr".len());
                        format!(
                            "{} fullCalcOnLoad=\"1\"{}",
                            tag.get(..name_end).unwrap_or_default(),
                            tag.get(name_end..).unwrap_or_default()
                        )
                    }
                };
                return Ok([before, new_tag.as_bytes(), after].concat());
            }
            Event::Start(e) | Event::Empty(e)
                if AFTER_CALC_PR.contains(&e.local_name().as_ref()) =>
            {
                return Ok(insert_calc_pr(xml, start, e.name().as_ref()));
            }
            Event::End(e) if e.local_name().as_ref() == "workbook" => {
                return Ok(insert_calc_pr(xml, start, e.name().as_ref()));
            }
            Event::Eof => return Err("workbook.xml ends without </workbook>".into()),
            _ => {}
        }
    }
}

/// Inserts a `calcPr` at `at`, with the namespace prefix of the element found there.
fn insert_calc_pr(xml: &[u8], at: usize, name: &str) -> Vec<u8> {
    let prefix = name
        .split_once(':')
        .map(|(p, _)| format!("{p}:"))
        .unwrap_or_default();
    let tag = format!("<{prefix}calcPr fullCalcOnLoad=\"1\"/>");
    [
        xml.get(..at).unwrap_or_default(),
        tag.as_bytes(),
        xml.get(at..).unwrap_or_default(),
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calc_pr_is_set_or_added() {
        let wb = br#"<workbook><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert!(
            out.contains(r#"<calcPr fullCalcOnLoad="1" calcId="191029"/>"#),
            "{out}"
        );
        let wb = br#"<workbook><calcPr fullCalcOnLoad='0' calcId="1"/></workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert!(
            out.contains(r#"<calcPr fullCalcOnLoad='1' calcId="1"/>"#),
            "{out}"
        );
        let wb = br#"<workbook><sheets/><extLst/></workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<workbook><sheets/><calcPr fullCalcOnLoad="1"/><extLst/></workbook>"#
        );
        let wb = br#"<x:workbook><x:sheets/></x:workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert_eq!(
            out,
            r#"<x:workbook><x:sheets/><x:calcPr fullCalcOnLoad="1"/></x:workbook>"#
        );
    }

    #[test]
    fn sheets_protection_and_parts() {
        let wb = r#"<workbook xmlns:r="r"><workbookProtection lockStructure="1"/><sheets><sheet name="表紙" sheetId="1" r:id="rId3"/></sheets></workbook>"#;
        let info = read_workbook_xml(wb.as_bytes()).unwrap();
        assert!(info.structure_locked);
        assert_eq!(info.sheets.get("表紙").map(String::as_str), Some("rId3"));
        let rels = br#"<Relationships><Relationship Id="rId3" Type="t" Target="worksheets/sheet2.xml"/><Relationship Id="rId4" Target="/xl/worksheets/sheet9.xml"/></Relationships>"#;
        assert_eq!(
            sheet_part(rels, "rId3").unwrap().as_deref(),
            Some("xl/worksheets/sheet2.xml")
        );
        assert_eq!(
            sheet_part(rels, "rId4").unwrap().as_deref(),
            Some("xl/worksheets/sheet9.xml")
        );
        assert_eq!(sheet_part(rels, "rId5").unwrap(), None);
    }
}
