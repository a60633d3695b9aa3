# The vendor's day: saving, start screen, keyboard, navigator (issue 15).

# Saving
file-suggested-name = { $product } { $version } disclosure statement
file-filled-name = { $original } filled in
export-into-locate = Choose the original workbook (the .xlsx that was imported)
export-into-unwritten = Wrote { $file }, but { $count } values have no place in the workbook and were not written: { $first } (all in the log)
file-untitled = Disclosure statement
export-offer-title = Export instead?
export-offer-body = “{ $file }” is not a statement file (JSON). Statements are saved as JSON; this file can be written as an export.
browser-up = ↑ Parent folder
browser-folder = Folder: { $folder }
browser-empty = (no matching files or folders)
browser-name = File name
browser-select-all = Select all
browser-chosen = { $count } files selected (OK adds them all)
browser-multi-hint = Ctrl+click to choose several, Shift+click for a range
lists-chosen = Chosen statements: { $count } (shared by the comparison and the check)
lists-from-register = Choose from the register…
lists-from-register-title = Choose from the register
lists-no-register = Open the register, or a statement in its folder, first
lists-already = { $file } (already added)
lists-add-ticked = Add { $count }
lists-added = Added { $count } statements

# Start screen
start-excerpts = The catalogues that come with the app (the MDS and SDS examples) are short excerpts; the full question list comes from importing the official checklist workbook (Excel).
start-from-checklist = Start from the official checklist (Excel)
start-choose-catalogue = Choose a catalogue file…
start-catalogue-loaded = Loaded the catalogue “{ $title }” from { $file }
catalogue-short = { $title } ({ $kind } Ver.{ $version }, { $count } questions)

# Keyboard
menu-shortcuts = Keyboard shortcuts
keys-title = Keyboard shortcuts
keys-intro = Number and arrow keys act outside text fields. Inside a text field, undo and redo act within the field, and the whole edit becomes one undo step when you leave it. Enter does nothing on its own (it confirms kana-kanji conversion).
keys-answer = Answer (first / second / third choice)
keys-option-rows = Move between option rows (questions with options)
keys-presentation-next = Presentation: next
keys-presentation-previous = Presentation: previous
keys-presentation-first = Presentation: first question
keys-presentation-last = Presentation: last question
keys-presentation-blank = Presentation: blank the screen
keys-presentation-guide = Presentation: guideline and hints
keys-presentation-hide = Presentation: hide the manufacturer
keys-presentation-leave = Presentation: leave
question-keys-short = Keys: 1/2/3 answer, ↑/↓ option rows, PageUp/PageDown previous/next question (outside text fields). Full list: Help → Keyboard shortcuts

# Navigator
nav-section-counts = { $answered }/{ $total }
reimport-title = The original workbook has changed
reimport-body = { $file } has changed since the statement was imported from it. Import it again and check it before writing into it (the current answers can be carried into the new statement with "New from this statement…").
reimport-accept = Import it again…

# Nothing lost without a word (issue 26): characters a PDF cannot show, rows and folders that cannot be read
pdf-missing-glyph = “{ $char }” (U+{ $code }) is not in the bundled font and prints as an empty box in the PDF (page { $page }, “{ $line }”; { $count } in all)
pdf-remark-cut = the remark of question { $number } is too long to print in full: its last { $omitted } characters are not in the PDF (the statement file keeps them all)
pdf-writer-problem = the PDF library reported a problem while writing: { $detail }
export-pdf-notes = Wrote { $file }, but the PDF has { $count } problems: { $first } (all in the log)
recovery-folder-unreadable = The recovery folder { $folder } cannot be read ({ $detail }); unsaved work from an earlier session cannot be offered
err-json-out = the result cannot be written as JSON ({ $detail })
settings-unreadable = The stored settings could not be read, so the defaults are used (recent files, remembered workbook layouts and the like are lost)
replace-offer-title = Replace the cells that were not read?
replace-offer-body = Exporting to { $file } replaces { $count } cells the import could not read as an answer with the answers given here. They hold (the original workbook stays as it is):
replace-offer-accept = Replace and export
protected-offer-title = Write into locked cells of a protected sheet?
protected-offer-body = Exporting to { $file } writes { $count } cells that the sheet's protection keeps locked (Excel does not let anyone type into them; the original workbook stays as it is):
protected-offer-accept = Write and export
replace-existing-title = A file of that name exists
replace-existing-body = { $file } already exists. Replace it? (Its current content is kept as .bak in the same folder.)
replace-existing-accept = Replace
export-warning-title = The statement has errors
export-warning-body = This statement has { $errors } errors (unanswered questions, empty fields …). Export it to { $file } as it is?
export-warning-quiet = Do not ask again for this statement
export-warning-accept = Export as it is

# What changed since the last submission (a carried statement): the printed list
changes-title = Changes since the last submission
changes-sheet = Changes
changes-col-kind = Kind
changes-col-number =
    No.
    (now ← before)
changes-col-question = Question
changes-col-before = Earlier answer
changes-col-after = Answer now
changes-kind-new = New question
changes-kind-reworded = Wording or reference changed
changes-kind-answer = Answer changed
changes-kind-dropped = Question without a counterpart
changes-before = Earlier statement
changes-after = This statement
changes-vendor = Vendor
changes-product = Product or service
changes-version = Version
changes-created = Created
changes-checklist = Checklist
changes-fingerprint = Fingerprint (SHA-256)
changes-checklist-value = { $title } (Ver. { $version })
changes-counts = Counts:
changes-count-item = { $kind } { $count }
changes-printed = Printed { $date }
changes-page = { $page } / { $pages }
changes-number-moved = { $number } ← { $old }
changes-number-dropped = (none) ← { $old }
changes-text-before = Before: { $text }
changes-text-after = ▶Now: { $text }
changes-reference = Reference: { $reference }
changes-reference-moved = Reference: { $reference } (before: { $old })
changes-reference-before = Earlier reference: { $old }
changes-remark = Remark: { $remark }
changes-condition = Condition: { $condition }
changes-option = { $option }: { $value }
changes-none = —
changes-nothing = Nothing has changed since the last submission.
