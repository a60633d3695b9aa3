//! The workbook errors' words: reading, detecting and filling a workbook.

use super::{Localize, Localizer, path, s, said};

impl Localize for crate::io::xlsx::XlsxError {
    fn localize(&self, l: &Localizer) -> String {
        use crate::io::xlsx::XlsxError as X;
        let file = |p: &std::path::Path| ("file", path(p));
        match self {
            X::TooManyRows {
                questions,
                rows,
                limit,
            } => l.ta(
                "err-xlsx-too-many-rows",
                &[
                    ("questions", s(questions)),
                    ("rows", s(rows)),
                    ("limit", s(limit)),
                ],
            ),
            X::InFile { path: p, source } => format!("{}: {}", p.display(), source.localize(l)),
            X::CellTooLong {
                number,
                what,
                chars,
            } => l.ta(
                "err-xlsx-cell-too-long",
                &[
                    ("number", s(number)),
                    ("what", s(what)),
                    ("chars", s(chars)),
                ],
            ),
            X::Write(d) | X::Json(d) => l.ta("err-xlsx-write", &[("detail", said(d))]),
            X::NotXlsx { path: p } => l.ta("err-xlsx-not-xlsx", &[file(p)]),
            X::Encrypted { path: p } => l.ta("err-xlsx-encrypted", &[file(p)]),
            X::CutShort { path: p } => l.ta("err-xlsx-cut-short", &[file(p)]),
            X::Malformed { path: p, detail } => {
                l.ta("err-xlsx-malformed", &[file(p), ("detail", said(detail))])
            }
            X::TooLarge { path: p, detail } => {
                l.ta("err-xlsx-too-large", &[file(p), ("detail", said(detail))])
            }
            X::NoQuestions { path: p, sheets } => {
                l.ta("err-xlsx-no-questions", &[file(p), ("sheets", s(sheets))])
            }
            X::NoSuchSheet { path: p, sheet } => {
                l.ta("err-xlsx-no-sheet", &[file(p), ("sheet", s(sheet))])
            }
            X::BadMapping { path: p, detail } => {
                l.ta("err-xlsx-bad-mapping", &[file(p), ("detail", said(detail))])
            }
            X::Hidden { path: p, detail } => {
                l.ta("err-xlsx-hidden", &[file(p), ("detail", said(detail))])
            }
            X::NotFromWorkbook => l.t("err-xlsx-not-from-workbook"),
            X::SourceChanged { path: p, recorded } => l.ta(
                "err-xlsx-source-changed",
                &[file(p), ("recorded", s(recorded))],
            ),
            X::SourceMismatch { path: p } => l.ta("err-xlsx-source-mismatch", &[file(p)]),
            X::FormulaCell { path: p, cell } => {
                l.ta("err-xlsx-formula-cell", &[file(p), ("cell", s(cell))])
            }
            X::StructureProtected { path: p } => l.ta("err-xlsx-structure-protected", &[file(p)]),
            X::OverOriginal { path: p } => l.ta("err-xlsx-over-original", &[file(p)]),
            X::ProtectedCells { path: p, cells } => l.ta(
                "err-xlsx-protected-cells",
                &[
                    file(p),
                    ("count", cells.len().into()),
                    (
                        "cells",
                        s(cells.iter().take(8).cloned().collect::<Vec<_>>().join("、")),
                    ),
                ],
            ),
            X::OtherExtension { path: p, extension } => l.ta(
                "err-xlsx-other-extension",
                &[file(p), ("extension", s(extension))],
            ),
            X::WouldReplace { path: p, cells } => l.ta(
                "err-xlsx-would-replace",
                &[
                    file(p),
                    ("count", cells.len().into()),
                    (
                        "cells",
                        s(cells
                            .iter()
                            .take(5)
                            .map(|c| c.localize(l))
                            .collect::<Vec<_>>()
                            .join(" / ")),
                    ),
                ],
            ),
            X::NotVerified {
                path: p,
                what,
                expected,
                found,
            } => l.ta(
                "err-xlsx-not-verified",
                &[
                    file(p),
                    ("what", s(what)),
                    ("expected", s(expected)),
                    ("found", s(found)),
                ],
            ),
        }
    }
}
