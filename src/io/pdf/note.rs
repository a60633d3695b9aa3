//! What a written PDF could not show as asked, handed to the caller with its bytes.

/// Something a written PDF shows differently from what it was given, or a problem printpdf met
/// writing it: told to the user by the caller, never only logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfNote {
    /// A character the embedded font has no glyph for: printed as an empty box. The first
    /// page it is on (1-based) and the line it is in; how often it occurs in the whole PDF.
    MissingGlyph {
        ch: char,
        page: usize,
        line: String,
        count: usize,
    },
    /// A remark printed only in part: the PDF prints at most
    /// [`MAX_PRINTED_REMARK_CHARS`] characters of remarks in all, and says on the page what it
    /// left out (the statement's file keeps every character).
    RemarkCut { number: String, omitted: usize },
    /// A problem printpdf reported while writing the file (in its words; page 0 when it does
    /// not say).
    Writer { page: usize, detail: String },
}

/// The most characters of remarks one PDF prints, in all (about 500 pages of remarks): each
/// character drawn takes printpdf 32 bytes until the file is written, so this bounds the
/// memory a statement with millions of characters of remarks needs to print.
pub const MAX_PRINTED_REMARK_CHARS: usize = 1_000_000;

/// A PDF's bytes and what it could not show as asked.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub notes: Vec<PdfNote>,
}
