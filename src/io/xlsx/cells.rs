//! A1 names of cells: column letters, `B3`, `表紙!B3`, `'My sheet'!B3` (0-based rows and
//! columns in the code).

/// Column letters of a 0-based column (`0` → `A`, `27` → `AB`).
pub fn col_name(col: u16) -> String {
    let mut name = String::new();
    let mut c = u32::from(col) + 1;
    while c > 0 {
        let rem = (c - 1) % 26;
        name.insert(0, char::from(b'A' + rem as u8));
        c = (c - 1) / 26;
    }
    name
}

/// 0-based column of column letters (`A` → 0); `None` for anything else.
pub fn col_index(name: &str) -> Option<u16> {
    let name = name.trim().to_ascii_uppercase();
    if name.is_empty() || name.len() > 3 || !name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let mut n: u32 = 0;
    for c in name.chars() {
        n = n * 26 + (c as u32 - 'A' as u32 + 1);
    }
    u16::try_from(n - 1).ok()
}

/// `B3` → (row 2, col 1), 0-based.
pub fn cell_index(name: &str) -> Option<(u32, u16)> {
    let name = name.trim();
    let split = name.find(|c: char| c.is_ascii_digit())?;
    let col = col_index(&name[..split])?;
    let row: u32 = name[split..].parse().ok()?;
    Some((row.checked_sub(1)?, col))
}

/// `B3` or `表紙!B3` (`'My sheet'!B3`) → (sheet, row 2, col 1), 0-based.
pub fn sheet_cell(name: &str) -> Option<(Option<&str>, u32, u16)> {
    match name.rsplit_once('!') {
        Some((sheet, cell)) => {
            let sheet = sheet
                .strip_prefix('\'')
                .and_then(|s| s.strip_suffix('\''))
                .unwrap_or(sheet);
            let (r, c) = cell_index(cell)?;
            (!sheet.is_empty()).then_some((Some(sheet), r, c))
        }
        None => cell_index(name).map(|(r, c)| (None, r, c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_and_cell_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(7), "H");
        assert_eq!(col_name(27), "AB");
        for c in [0, 7, 25, 26, 27, 300] {
            assert_eq!(col_index(&col_name(c)), Some(c));
        }
        assert_eq!(cell_index("B3"), Some((2, 1)));
        assert_eq!(cell_index("b3"), Some((2, 1)));
        assert_eq!(cell_index("3B"), None);
        assert_eq!(cell_index("B0"), None);
        assert_eq!(col_index("1"), None);
        assert_eq!(sheet_cell("表紙!C4"), Some((Some("表紙"), 3, 2)));
        assert_eq!(sheet_cell("'A b'!A1"), Some((Some("A b"), 0, 0)));
        assert_eq!(sheet_cell("B3"), Some((None, 2, 1)));
        assert_eq!(sheet_cell("!B3"), None);
    }
}
