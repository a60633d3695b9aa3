//! A standard PDF signature (PAdES baseline B-B, ETSI EN 319 142-1) over a PDF kaijisho wrote:
//! an incremental update adds the signature dictionary (SubFilter `ETSI.CAdES.detached`), an
//! invisible signature field on the first page and the AcroForm; the CMS SignedData covers the
//! whole file but the `/Contents` hole (`/ByteRange`). Acrobat Reader and `pdfsig` show it as
//! signed by the certificate's subject. The signing time is the dictionary's `/M` (PAdES keeps
//! it out of the signed attributes).
//!
//! Verification reads the last signature of a PDF back: its byte range and CMS, checked by
//! `verify::verify` like a statement's.

use lopdf::{Dictionary, Object, ObjectId};

use super::error::SignatureError;
use super::key::SigningKey;
use super::sign::{SignOptions, sign_detached};

/// Bytes reserved for the CMS in `/Contents` (hex doubles it). A signature with a certificate
/// chain of a few certificates fits with room to spare.
pub const CONTENTS_BYTES: usize = 16 * 1024;
/// A PDF larger than this is not read to verify its signature.
pub const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;
/// The largest /Contents hex string read back (a signature by another program may reserve
/// more than kaijisho does).
const MAX_CONTENTS_HEX: usize = 2 * 1024 * 1024;
/// Width of each number of the `/ByteRange` placeholder (filled in place, padded with spaces).
const RANGE_WIDTH: usize = 12;

fn fail(detail: impl std::fmt::Display) -> SignatureError {
    SignatureError::Sign {
        detail: detail.to_string(),
    }
}

/// A PDF name with the characters outside the regular set written as `#xx`.
fn name(out: &mut Vec<u8>, n: &[u8]) {
    out.push(b'/');
    for &b in n {
        if b.is_ascii_alphanumeric() || b"-_.+:".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

/// Writes an object (no streams: the dictionaries rewritten here hold none).
fn write(out: &mut Vec<u8>, o: &Object) -> Result<(), SignatureError> {
    match o {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        Object::Real(r) => out.extend_from_slice(format!("{r}").as_bytes()),
        Object::Name(n) => name(out, n),
        Object::String(s, _) => {
            out.push(b'<');
            for b in s {
                out.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                write(out, item)?;
            }
            out.push(b']');
        }
        Object::Dictionary(d) => write_dict(out, d)?,
        Object::Reference((id, generation)) => {
            out.extend_from_slice(format!("{id} {generation} R").as_bytes());
        }
        Object::Stream(_) => return Err(fail("a stream inside a rewritten dictionary")),
    }
    Ok(())
}

fn write_dict(out: &mut Vec<u8>, d: &Dictionary) -> Result<(), SignatureError> {
    out.extend_from_slice(b"<<");
    for (k, v) in d.iter() {
        name(out, k);
        out.push(b' ');
        write(out, v)?;
    }
    out.extend_from_slice(b">>");
    Ok(())
}

/// A text string for the signature dictionary: UTF-16BE with its byte-order mark.
fn text(s: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, lopdf::StringFormat::Hexadecimal)
}

/// `D:YYYYMMDDHHmmSSZ` of a Unix time.
fn pdf_time(secs: u64) -> String {
    let t = i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    t.strftime("D:%Y%m%d%H%M%SZ").to_string()
}

/// What the signed PDF says besides the CMS: the signer's name (shown by readers), and why.
pub struct PdfSignatureInfo<'a> {
    pub name: &'a str,
    pub reason: &'a str,
    /// The claimed signing time (the dictionary's `/M`), Unix seconds.
    pub time: u64,
}

/// The PDF signed: `pdf` with an incremental update holding a PAdES B-B signature by `key`.
pub fn sign_pdf(
    pdf: &[u8],
    key: &SigningKey,
    info: &PdfSignatureInfo<'_>,
) -> Result<Vec<u8>, SignatureError> {
    let doc = lopdf::Document::load_mem(pdf).map_err(fail)?;
    let root_id: ObjectId = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(fail)?;
    let catalog = doc.get_dictionary(root_id).map_err(fail)?.clone();
    let (_, page_id) = doc
        .get_pages()
        .into_iter()
        .next()
        .ok_or_else(|| fail("the PDF has no page"))?;
    let page = doc.get_dictionary(page_id).map_err(fail)?.clone();
    let prev = previous_xref(pdf).ok_or_else(|| fail("no startxref in the PDF"))?;
    let size = doc
        .trailer
        .get(b"Size")
        .and_then(Object::as_i64)
        .map_err(fail)?;
    let first = u32::try_from(size).map_err(fail)?;
    let (sig_id, widget_id) = ((first, 0), (first + 1, 0));

    let mut annots = match page.get(b"Annots") {
        Ok(Object::Array(a)) => a.clone(),
        Ok(Object::Reference(r)) => doc
            .get_object(*r)
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    annots.push(Object::Reference(widget_id));
    let mut page = page;
    page.set("Annots", Object::Array(annots));

    let widget = widget(sig_id, page_id);
    let catalog = signed_catalog(catalog, widget_id);

    let mut out = pdf.to_vec();
    if out.last() != Some(&b'\n') {
        out.push(b'\n');
    }
    let mut offsets: Vec<(u32, usize)> = Vec::new();
    // The signature dictionary, with the placeholders.
    offsets.push((sig_id.0, out.len()));
    out.extend_from_slice(
        format!(
            "{} 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange[",
            sig_id.0
        )
        .as_bytes(),
    );
    let range_at = out.len();
    out.extend_from_slice(" ".repeat(RANGE_WIDTH * 4 + 3).as_bytes());
    out.extend_from_slice(b"]/Contents");
    let contents_at = out.len();
    out.push(b'<');
    out.extend_from_slice("0".repeat(CONTENTS_BYTES * 2).as_bytes());
    out.push(b'>');
    let contents_end = out.len();
    // Digits, `D:` and `Z` only: a literal string needs no escaping.
    out.extend_from_slice(format!("/M({})", pdf_time(info.time)).as_bytes());
    out.extend_from_slice(b"/Name");
    write(&mut out, &text(info.name))?;
    out.extend_from_slice(b"/Reason");
    write(&mut out, &text(info.reason))?;
    out.extend_from_slice(b">>\nendobj\n");
    for (id, d) in [
        (widget_id.0, &widget),
        (page_id.0, &page),
        (root_id.0, &catalog),
    ] {
        offsets.push((id, out.len()));
        out.extend_from_slice(format!("{id} 0 obj\n").as_bytes());
        write_dict(&mut out, d)?;
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref_at = out.len();
    out.extend_from_slice(b"xref\n");
    offsets.sort_by_key(|(id, _)| *id);
    for (id, at) in &offsets {
        out.extend_from_slice(format!("{id} 1\n{at:010} 00000 n \n").as_bytes());
    }
    let mut trailer = Dictionary::new();
    trailer.set("Size", Object::Integer(i64::from(first) + 2));
    trailer.set("Root", Object::Reference(root_id));
    for k in [b"Info".as_slice(), b"ID".as_slice()] {
        if let Ok(v) = doc.trailer.get(k) {
            trailer.set(k.to_vec(), v.clone());
        }
    }
    trailer.set("Prev", Object::Integer(i64::try_from(prev).map_err(fail)?));
    out.extend_from_slice(b"trailer\n");
    write_dict(&mut out, &trailer)?;
    out.extend_from_slice(format!("\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());

    // The byte range: everything but the hex string (its angle brackets included).
    let (a, b) = (contents_at, contents_end);
    let range = format!("0 {a:<w$} {b:<w$} {:<w$}", out.len() - b, w = RANGE_WIDTH);
    let slot = out
        .get_mut(range_at..range_at + RANGE_WIDTH * 4 + 3)
        .ok_or_else(|| fail("byte range"))?;
    if range.len() > slot.len() {
        return Err(fail("the PDF is too large to sign"));
    }
    slot.fill(b' ');
    slot.get_mut(..range.len())
        .ok_or_else(|| fail("byte range"))?
        .copy_from_slice(range.as_bytes());
    let mut signed = Vec::with_capacity(out.len());
    signed.extend_from_slice(out.get(..a).ok_or_else(|| fail("byte range"))?);
    signed.extend_from_slice(out.get(b..).ok_or_else(|| fail("byte range"))?);
    let cms = sign_detached(key, &signed, SignOptions::default())?;
    if cms.len() > CONTENTS_BYTES {
        return Err(fail(format!(
            "the signature ({} bytes) is larger than the {CONTENTS_BYTES} bytes reserved",
            cms.len()
        )));
    }
    let hex = crate::domain::catalogue::hex(&cms).to_ascii_uppercase();
    out.get_mut(a + 1..a + 1 + hex.len())
        .ok_or_else(|| fail("contents"))?
        .copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// The invisible signature field (merged with its widget) on the first page.
fn widget(sig_id: ObjectId, page_id: ObjectId) -> Dictionary {
    let mut widget = Dictionary::new();
    widget.set("Type", Object::Name(b"Annot".to_vec()));
    widget.set("Subtype", Object::Name(b"Widget".to_vec()));
    widget.set("FT", Object::Name(b"Sig".to_vec()));
    widget.set("T", text("kaijisho-signature"));
    widget.set("V", Object::Reference(sig_id));
    // Print and locked; invisible (a zero rectangle).
    widget.set("F", Object::Integer(132));
    widget.set(
        "Rect",
        Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
    );
    widget.set("P", Object::Reference(page_id));
    widget
}

/// The catalog with the AcroForm of the signature field, at PDF 1.7 with the ESIC extension
/// (ETSI EN 319 142-1, 5.1).
fn signed_catalog(mut catalog: Dictionary, widget_id: ObjectId) -> Dictionary {
    let mut acroform = Dictionary::new();
    acroform.set("Fields", Object::Array(vec![Object::Reference(widget_id)]));
    acroform.set("SigFlags", Object::Integer(3));
    catalog.set("AcroForm", Object::Dictionary(acroform));
    catalog.set("Version", Object::Name(b"1.7".to_vec()));
    let mut esic = Dictionary::new();
    esic.set("BaseVersion", Object::Name(b"1.7".to_vec()));
    esic.set("ExtensionLevel", Object::Integer(2));
    let mut extensions = Dictionary::new();
    extensions.set("ESIC", Object::Dictionary(esic));
    catalog.set("Extensions", Object::Dictionary(extensions));
    catalog
}

/// The offset after the last `startxref` of the file.
fn previous_xref(pdf: &[u8]) -> Option<usize> {
    let tail_from = pdf.len().saturating_sub(2048);
    let tail = pdf.get(tail_from..)?;
    let at = tail.windows(9).rposition(|w| w == b"startxref")?;
    let rest = std::str::from_utf8(tail.get(at + 9..)?).ok()?;
    rest.split_whitespace().next()?.parse().ok()
}

/// The byte range and CMS of a PDF's last signature, read back (for `verify`).
pub struct PdfSignature {
    pub cms: Vec<u8>,
    /// The bytes the signature covers (the file without the `/Contents` hole).
    pub covered: Vec<u8>,
    /// The byte range covers the whole file (nothing was appended after signing).
    pub whole_file: bool,
    /// The signing time of the dictionary (`/M`), Unix seconds.
    pub time: Option<u64>,
    /// Where the `/Contents` hex string lies in the file, `<` and `>` included.
    pub hole: std::ops::Range<usize>,
}

/// The `/M (D:YYYYMMDDHHmmSS…)` written just after the signature's `/Contents`.
fn dictionary_time(after: &[u8]) -> Option<u64> {
    let near = after.get(..after.len().min(256))?;
    let at = near.windows(5).position(|w| w == b"/M(D:")?;
    let digits = near.get(at + 5..at + 19)?;
    let s = std::str::from_utf8(digits).ok()?;
    let dt = jiff::civil::DateTime::strptime("%Y%m%d%H%M%S", s).ok()?;
    let t = dt.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
    u64::try_from(t.as_second()).ok()
}

/// Finds the last signature of a PDF: `None` when it has none.
pub fn read_pdf_signature(pdf: &[u8]) -> Result<Option<PdfSignature>, SignatureError> {
    let bad = |d: &str| SignatureError::NotSignature {
        path: std::path::PathBuf::new(),
        detail: d.to_string(),
    };
    let Some(at) = pdf.windows(10).rposition(|w| w == b"/ByteRange") else {
        return Ok(None);
    };
    let rest = pdf.get(at + 10..).ok_or_else(|| bad("byte range"))?;
    let open = rest
        .iter()
        .position(|&b| b == b'[')
        .ok_or_else(|| bad("byte range"))?;
    let close = rest
        .iter()
        .position(|&b| b == b']')
        .ok_or_else(|| bad("byte range"))?;
    let inner = rest.get(open + 1..close).ok_or_else(|| bad("byte range"))?;
    let nums: Vec<usize> = std::str::from_utf8(inner)
        .map_err(|_not_text| bad("byte range"))?
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .map_err(|_not_number| bad("byte range"))?;
    let [s1, l1, s2, l2] = nums.as_slice() else {
        return Err(bad("byte range of other than two parts"));
    };
    let (s1, l1, s2, l2) = (*s1, *l1, *s2, *l2);
    // The range must start the file, and the dictionary that states it must lie inside the
    // signed part before the hole: a /ByteRange written into the hole or after it (a
    // "signature wrapping" rebuild that keeps the signed bytes and adds others) is refused.
    let hole_start = s1.saturating_add(l1);
    if s1 != 0 || at >= hole_start || s2 <= hole_start {
        return Err(bad("byte range does not enclose its own signature"));
    }
    let first = pdf.get(..hole_start).ok_or_else(|| bad("byte range"))?;
    let second = pdf
        .get(s2..s2.saturating_add(l2))
        .ok_or_else(|| bad("byte range"))?;
    let hole = pdf.get(hole_start..s2).ok_or_else(|| bad("byte range"))?;
    // The hole is exactly the /Contents hex string: `<`, hex digits, `>` — nothing else, of a
    // bounded size, and named /Contents just before it.
    let hex = hole
        .strip_prefix(b"<")
        .and_then(|h| h.strip_suffix(b">"))
        .filter(|h| h.len() <= MAX_CONTENTS_HEX && h.len() % 2 == 0)
        .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
        .ok_or_else(|| bad("the byte range's hole is not the signature's /Contents"))?;
    let before = first.trim_ascii_end();
    if !before.ends_with(b"/Contents") {
        return Err(bad(
            "the byte range's hole is not the signature's /Contents",
        ));
    }
    let mut cms = Vec::with_capacity(hex.len() / 2);
    for pair in hex.chunks(2) {
        let s = std::str::from_utf8(pair).map_err(|_not_text| bad("contents"))?;
        cms.push(u8::from_str_radix(s, 16).map_err(|_not_hex| bad("contents"))?);
    }
    // The hex string is padded with zeros after the DER: keep the DER's own length, and
    // nothing but zeros after it.
    let len = der_length(&cms)
        .filter(|&n| n <= cms.len())
        .ok_or_else(|| bad("contents"))?;
    if cms
        .get(len..)
        .is_some_and(|pad| pad.iter().any(|&b| b != 0))
    {
        return Err(bad("contents: bytes after the signature"));
    }
    cms.truncate(len);
    let mut covered = Vec::with_capacity(l1.saturating_add(l2));
    covered.extend_from_slice(first);
    covered.extend_from_slice(second);
    Ok(Some(PdfSignature {
        time: dictionary_time(second),
        hole: hole_start..s2,
        cms,
        covered,
        whole_file: s2.saturating_add(l2) == pdf.len(),
    }))
}

/// The PDF with its last signature's `/Contents` replaced by `cms` (the same signature with a
/// timestamp added): written into the hole in place, zero-padded, so the byte range and all
/// that the signature covers stay as they are. Refused when it does not fit.
pub fn replace_contents(
    pdf: &[u8],
    sig: &PdfSignature,
    cms: &[u8],
    path: &std::path::Path,
) -> Result<Vec<u8>, SignatureError> {
    let room = sig.hole.len().saturating_sub(2) / 2;
    if cms.len() > room {
        return Err(SignatureError::PdfNoRoom {
            path: path.to_path_buf(),
            room,
            needed: cms.len(),
        });
    }
    let mut out = pdf.to_vec();
    let inner = sig.hole.start.saturating_add(1)..sig.hole.end.saturating_sub(1);
    let digits = crate::domain::catalogue::hex(cms).to_ascii_uppercase();
    let hole = out
        .get_mut(inner)
        .ok_or_else(|| SignatureError::NothingToTimestamp {
            path: path.to_path_buf(),
        })?;
    hole.fill(b'0');
    hole.get_mut(..digits.len())
        .ok_or_else(|| SignatureError::PdfNoRoom {
            path: path.to_path_buf(),
            room,
            needed: cms.len(),
        })?
        .copy_from_slice(digits.as_bytes());
    Ok(out)
}

/// The total length of the DER value starting `bytes` (tag, length, contents).
fn der_length(bytes: &[u8]) -> Option<usize> {
    let first = *bytes.get(1)?;
    if first < 0x80 {
        return Some(2 + usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    if n == 0 || n > 4 {
        return None;
    }
    let mut len = 0usize;
    for i in 0..n {
        len = (len << 8) | usize::from(*bytes.get(2 + i)?);
    }
    Some(2 + n + len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::signature::key::generate;
    use crate::io::signature::verify::{ContentState, verify};

    const NOW: u64 = 1_780_000_000;

    /// A one-page PDF made with lopdf.
    fn tiny_pdf() -> Vec<u8> {
        use lopdf::dictionary;
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page_id.into()],
                "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
        });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn a_signed_pdf_reads_back_and_verifies_and_a_changed_byte_is_caught() {
        let key = generate("署名者", "株式会社テスト", NOW - 10, 30).unwrap();
        let pdf = tiny_pdf();
        let info = PdfSignatureInfo {
            name: "署名者",
            reason: "開示書",
            time: NOW,
        };
        let signed = sign_pdf(&pdf, &key, &info).unwrap();
        assert!(signed.starts_with(&pdf), "an incremental update");
        let back = lopdf::Document::load_mem(&signed).unwrap();
        assert!(back.catalog().unwrap().get(b"AcroForm").is_ok());
        let sig = read_pdf_signature(&signed).unwrap().unwrap();
        assert!(sig.whole_file);
        let v = verify(&sig.cms, &sig.covered, None, Default::default(), NOW).unwrap();
        assert!(v.is_valid(), "{v:?}");
        let mut changed = signed.clone();
        let i = pdf.len() / 2;
        changed[i] ^= 0x20;
        let sig = read_pdf_signature(&changed).unwrap().unwrap();
        let v = verify(&sig.cms, &sig.covered, None, Default::default(), NOW).unwrap();
        assert_eq!(v.content, ContentState::ChangedUnnamed);
        assert!(read_pdf_signature(&pdf).unwrap().is_none());
    }

    #[test]
    fn a_rebuilt_pdf_that_keeps_the_signed_bytes_and_wraps_others_is_refused() {
        let key = generate("署名者", "", NOW - 10, 30).unwrap();
        let info = PdfSignatureInfo {
            name: "署名者",
            reason: "",
            time: NOW,
        };
        let signed = sign_pdf(&tiny_pdf(), &key, &info).unwrap();
        assert!(read_pdf_signature(&signed).unwrap().unwrap().whole_file);
        // The signed start, the original hole, injected objects and a fake /ByteRange that
        // names the same signed bytes, then the signed tail.
        let hole_start = signed.windows(10).position(|w| w == b"/Contents<").unwrap() + 9;
        let hole_end = signed[hole_start..]
            .iter()
            .position(|&b| b == b'>')
            .unwrap()
            + hole_start
            + 1;
        let mut forged = signed[..hole_end].to_vec();
        let injected = b"\n99 0 obj<</Evil true>>endobj\n";
        forged.extend_from_slice(injected);
        let s2 = hole_end + injected.len() + 60;
        let tail = &signed[hole_end..];
        let fake = format!("/ByteRange[0 {hole_start} {s2} {}]", tail.len());
        let pad = 60 - fake.len();
        forged.extend_from_slice(fake.as_bytes());
        forged.extend_from_slice(" ".repeat(pad).as_bytes());
        forged.extend_from_slice(tail);
        assert_eq!(forged.len(), s2 + tail.len());
        assert!(read_pdf_signature(&forged).is_err(), "refused, never valid");
    }
}
