//! The archive: the checks made before calamine unpacks anything, and opening the workbook.

use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};

use super::grid::Book;
use crate::io::xlsx::XlsxError;
use crate::io::xlsx::package::{PackageError, read_package};

/// Largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Largest total of uncompressed parts inside the archive.
pub const MAX_UNPACKED_BYTES: u64 = 400 * 1024 * 1024;
/// Most parts inside the archive.
pub const MAX_PARTS: usize = 10_000;

/// Checks the archive before calamine unpacks it: zip bombs and absurd part counts are
/// refused, encrypted (CFB) files named as such.
fn check_archive(path: &Path, bytes: &[u8]) -> Result<(), XlsxError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(XlsxError::Encrypted {
            path: path.to_path_buf(),
        });
    }
    if !bytes.starts_with(b"PK") {
        return Err(XlsxError::NotXlsx {
            path: path.to_path_buf(),
        });
    }
    let malformed = |e: &dyn std::fmt::Display| XlsxError::Malformed {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        if cut_short(bytes) {
            XlsxError::CutShort {
                path: path.to_path_buf(),
            }
        } else {
            malformed(&e)
        }
    })?;
    // The zip reader keeps one entry per name: a directory that lists more entries than it
    // has names holds a part twice (readers disagree on which one counts).
    if let Some(listed) = listed_entries(bytes)
        && listed != zip.len()
    {
        return Err(malformed(&format!(
            "the archive lists {listed} parts under {} names: a part appears twice",
            zip.len()
        )));
    }
    if zip.len() > MAX_PARTS {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{} parts", zip.len()),
        });
    }
    let mut total: u64 = 0;
    let mut names = std::collections::HashSet::new();
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| malformed(&e))?;
        total = total.saturating_add(f.size());
        // A name that cannot be read could be any part: refused, not checked as "".
        let name = f
            .name()
            .map(|n| n.to_ascii_lowercase())
            .map_err(|e| malformed(&e))?;
        // What the cell reader holds whole: refused by size before it is unpacked (and, should
        // the size be a lie, while it is, below).
        if holds_whole(&name) && f.size() > MAX_XML_PART_BYTES {
            return Err(XlsxError::TooLarge {
                path: path.to_path_buf(),
                detail: format!(
                    "{name}: {} bytes unpacked, more than the {MAX_XML_PART_BYTES} read",
                    f.size()
                ),
            });
        }
        // Two parts of one name: readers disagree on which one counts (the last wins here,
        // the first in Excel), so what is shown and what is read could differ.
        if !names.insert(crate::io::xlsx::package::part_key(&name)) {
            return Err(malformed(&format!("the part {name} appears twice")));
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{total} bytes unpacked"),
        });
    }
    // The sizes above are what the archive claims; a crafted one can claim little and unpack
    // to far more. Unpack every part once with its claimed size as the limit (this also checks
    // each part's CRC), so nothing later reads more than was allowed.
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).map_err(|e| malformed(&e))?;
        let claimed = f.size();
        let name = f.name().map(|n| n.to_string()).map_err(|e| malformed(&e))?;
        let mut limited = std::io::Read::take(&mut f, claimed + 1);
        let mut got = 0;
        let mut strings_head: Option<Vec<u8>> = None;
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            // calamine reserves room for as many strings as the part declares: a 1 KB part
            // declaring 10^18 must be refused before it gets there.
            let mut head = Vec::new();
            got =
                std::io::Read::read_to_end(&mut std::io::Read::take(&mut limited, 4096), &mut head)
                    .map_err(|e| malformed(&format!("{name}: {e}")))? as u64;
            strings_head = Some(head);
        }
        got += std::io::copy(&mut limited, &mut std::io::sink())
            .map_err(|e| malformed(&format!("{name}: {e}")))?;
        // Against the bytes really unpacked, not the size the archive claims.
        if let Some(head) = strings_head {
            check_string_count(path, &name, &head, got)?;
        }
        if got > claimed {
            return Err(XlsxError::TooLarge {
                path: path.to_path_buf(),
                detail: format!("{name} unpacks to more than the {claimed} bytes it claims"),
            });
        }
    }
    // The workbook part and its sheets, read one way (as the cell reader and the fill read
    // them), within their limits.
    match read_package(&mut zip) {
        Ok(_) => Ok(()),
        Err(PackageError::NoWorkbook) => Err(XlsxError::NotXlsx {
            path: path.to_path_buf(),
        }),
        Err(PackageError::TooLarge(detail)) => Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail,
        }),
        Err(PackageError::Malformed(detail)) => Err(malformed(&detail)),
    }
}

/// The largest shared strings or worksheet part read (unpacked). A checklist's sheet is far
/// smaller: 400,000 cells of 100 bytes are 40 MB.
pub const MAX_XML_PART_BYTES: u64 = 64 * 1024 * 1024;

/// Parts the cell reader reads into memory: the shared strings (all of them at once) and the
/// worksheets (a cell's text whole).
fn holds_whole(lower_name: &str) -> bool {
    lower_name.ends_with("sharedstrings.xml") || lower_name.starts_with("xl/worksheets/")
}

/// The number of entries the archive's end-of-directory record announces (`None` for zip64 or
/// when the record is not found; the zip reader then judges the archive on its own).
fn listed_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: [u8; 4] = [0x50, 0x4b, 0x05, 0x06];
    // The record is 22 bytes plus a comment of up to 65,535.
    let from = bytes.len().saturating_sub(22 + 65_535);
    let tail = bytes.get(from..)?;
    let at = tail.windows(4).rposition(|w| w == EOCD)?;
    let field = tail.get(at + 10..at + 12)?;
    let total = u16::from_le_bytes([*field.first()?, *field.get(1)?]);
    (total != u16::MAX).then_some(usize::from(total))
}

/// The smallest room one shared string takes (`<si/>`).
const MIN_SHARED_STRING_BYTES: u64 = 5;

/// Refuses a shared-strings part whose declared `uniqueCount` could not fit in its size.
fn check_string_count(path: &Path, name: &str, head: &[u8], size: u64) -> Result<(), XlsxError> {
    let text = String::from_utf8_lossy(head);
    let Some(at) = text.find("uniqueCount=") else {
        return Ok(());
    };
    let digits: String = text
        .get(at + "uniqueCount=".len() + 1..)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_ascii_digit() || c.is_whitespace())
        .filter(char::is_ascii_digit)
        .collect();
    let room = size / MIN_SHARED_STRING_BYTES + 1;
    // A count of more digits than u64 holds is as absurd as a big one.
    let declared = digits.parse::<u64>().unwrap_or(u64::MAX);
    if !digits.is_empty() && declared > room {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!(
                "{name} declares {digits} strings, but its {size} bytes hold at most {room}"
            ),
        });
    }
    Ok(())
}

/// Opens a workbook from bytes with the safety checks.
pub fn read_workbook(path: &Path, bytes: Vec<u8>) -> Result<Book, XlsxError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(XlsxError::TooLarge {
            path: path.to_path_buf(),
            detail: format!("{} bytes", bytes.len()),
        });
    }
    check_archive(path, &bytes)?;
    let xlsx: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).map_err(
        |e: calamine::XlsxError| XlsxError::Malformed {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
    )?;
    let mut sheets: Vec<(String, bool)> = xlsx
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == calamine::SheetVisible::Visible))
        .collect();
    sheets.sort_by_key(|(_, visible)| !visible);
    Ok(Book {
        path: path.to_path_buf(),
        bytes,
        xlsx,
        sheets,
    })
}

/// Whether a zip archive ends before its end record does (a copy or download that stopped
/// early): no end-of-directory signature within the last 64 KiB + 22 bytes, or one whose
/// fixed 22 bytes run past the end of the file.
pub(crate) fn cut_short(bytes: &[u8]) -> bool {
    const END_RECORD: usize = 22;
    let from = bytes.len().saturating_sub(u16::MAX as usize + END_RECORD);
    let tail = bytes.get(from..).unwrap_or_default();
    match tail.windows(4).rposition(|w| w == b"PK\x05\x06") {
        None => true,
        Some(at) => from + at + END_RECORD > bytes.len(),
    }
}
