//! What filling needs from `xl/workbook.xml` and its relationships: the part of each sheet,
//! whether the structure is password-protected, and the workbook set to recalculate when it
//! is opened (`fullCalcOnLoad`), changed in place without touching anything else. An attribute
//! that cannot be read is an error (the caller names the part), never passed over.

use quick_xml::Reader;
use quick_xml::events::Event;

/// An attribute value with its entities and character references resolved (as calamine reads
/// it: a sheet named `A&#38;B` is `A&B`); an unknown entity is an error naming the value.
pub fn unescape(v: &str) -> Result<String, String> {
    quick_xml::escape::unescape(v)
        .map(std::borrow::Cow::into_owned)
        .map_err(|e| format!("{v:?}: {e}"))
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

/// workbook.xml with `fullCalcOnLoad="1"` on its `calcPr` (added, among `<workbook>`'s own
/// children, in the place the schema gives it, when missing); every other byte as it was.
pub fn set_full_calc_on_load(xml: &[u8]) -> Result<Vec<u8>, String> {
    // quick-xml skips a byte-order mark without counting it: positions are kept in `xml`'s.
    let base = if xml.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut reader = Reader::from_reader(xml.get(base..).unwrap_or_default());
    let at = |r: &Reader<&[u8]>| {
        usize::try_from(r.buffer_position())
            .map(|p| p + base)
            .map_err(|e| e.to_string())
    };
    // 1 inside <workbook>: its direct children.
    let mut depth = 0usize;
    loop {
        let start = at(&reader)?;
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let end = at(&reader)?;
        let (before, after) = (
            xml.get(..start).unwrap_or_default(),
            xml.get(end..).unwrap_or_default(),
        );
        match event {
            Event::Start(e) | Event::Empty(e)
                if depth == 1 && e.local_name().as_ref() == "calcPr" =>
            {
                let empty = xml.get(..end).is_some_and(|t| t.ends_with(b"/>"));
                let new_tag = calc_pr_tag(&e, empty)?;
                return Ok([before, new_tag.as_bytes(), after].concat());
            }
            Event::Start(e) | Event::Empty(e)
                if depth == 1 && AFTER_CALC_PR.contains(&e.local_name().as_ref()) =>
            {
                return Ok(insert_calc_pr(xml, start, e.name().as_ref()));
            }
            Event::End(e) if depth == 1 && e.local_name().as_ref() == "workbook" => {
                return Ok(insert_calc_pr(xml, start, e.name().as_ref()));
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof => return Err("workbook.xml ends without </workbook>".into()),
            _ => {}
        }
    }
}

/// A `calcPr` tag rebuilt from its attributes (values as written), `fullCalcOnLoad` set.
fn calc_pr_tag(e: &quick_xml::events::BytesStart<'_>, empty: bool) -> Result<String, String> {
    let mut tag = format!("<{}", e.name().as_ref());
    let mut set = false;
    for a in e.attributes() {
        let a = a.map_err(|e| e.to_string())?;
        let key = a.key.as_ref();
        let raw = a.value.clone();
        let value = if a.key.local_name().as_ref() == "fullCalcOnLoad" {
            set = true;
            "1".into()
        } else {
            raw
        };
        let quote = if value.contains('"') { '\'' } else { '"' };
        tag.push_str(&format!(" {key}={quote}{value}{quote}"));
    }
    if !set {
        tag.push_str(" fullCalcOnLoad=\"1\"");
    }
    tag.push_str(if empty { "/>" } else { ">" });
    Ok(tag)
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
            out.contains(r#"<calcPr calcId="191029" fullCalcOnLoad="1"/>"#),
            "{out}"
        );
        let wb = br#"<workbook><calcPr calcId="1" fullCalcOnLoad = '0'/></workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert!(
            out.contains(r#"<calcPr calcId="1" fullCalcOnLoad="1"/>"#),
            "{out}"
        );
        let wb = b"\xEF\xBB\xBF<workbook><sheets/><calcPr/></workbook>";
        let out = set_full_calc_on_load(wb).unwrap();
        assert_eq!(
            out,
            b"\xEF\xBB\xBF<workbook><sheets/><calcPr fullCalcOnLoad=\"1\"/></workbook>"
        );
        // An extLst inside a child is not where calcPr goes.
        let wb = br#"<workbook><bookViews><workbookView><extLst/></workbookView></bookViews><sheets/></workbook>"#;
        let out = String::from_utf8(set_full_calc_on_load(wb).unwrap()).unwrap();
        assert!(
            out.ends_with(r#"<sheets/><calcPr fullCalcOnLoad="1"/></workbook>"#),
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
}
