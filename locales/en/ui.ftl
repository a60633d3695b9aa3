# Desktop texts.

menu-file = File
menu-edit = Edit
menu-view = View
menu-new = New
menu-open = Open…
menu-save = Save
menu-save-as = Save as…
menu-import = Import Excel…
menu-export-xlsx = Export to Excel…
menu-export-pdf = Export to PDF…
menu-close = Close
menu-undo = Undo
menu-redo = Redo
menu-validation = Findings
menu-lang-auto = Follow the OS
menu-dark = Dark theme

start-intro = Write and check MDS/SDS medical-IT security disclosure statements, one question at a time. kaijisho never connects to the network.
start-new = New statement
start-catalogue = Catalogue (question list)
start-create = Create
start-open-heading = From a file
start-sample = Open the example
start-recent = Recent files
start-no-recent = None yet

header-created = Date (作成日)
header-vendor = Manufacturer (製造業者)
header-vendor-sds = Service provider (サービス事業者)
header-product = Product (製品名称)
header-product-sds = Service (サービス名称)
header-version = Version
header-contact = Contact

validation-count = { $errors } errors / { $warnings } warnings
validation-title = Findings
validation-close = Close
validation-none = No findings

nav-progress = { $answered } / { $total } answered
nav-filter-unanswered = Unanswered only
nav-filter-no = いいえ only
nav-filter-findings = With findings only
nav-search = Search
nav-search-hint = text, number, reference, remark

question-none = Choose a question
question-prev = ↑ Previous
question-next = ↓ Next
question-gated-off = Question { $gate } is not 該当, so this question counts as 対象外 (your answer is kept)
question-note = Notes for filling in (記入上の注意)
question-keys = Keys: 1/2/3 answer (outside text fields), Alt+↑/↓ previous/next question, Ctrl+Z/Ctrl+Y undo/redo

guide-title = Guideline sections cited
guide-no-ref = This question cites no reference
guide-unresolved = { $ref } is not in the index
guide-hints = Hints
guide-no-hints = No hints for this reference yet
guide-basis = Basis
confidence-confirmed = confirmed in public sources
confidence-secondary = from a secondary source
confidence-inferred = inferred (to be checked)

dialog-ok = OK
dialog-cancel = Cancel
dialog-browse = Browse…
dialog-path = File path
confirm-title = Unsaved changes
confirm-body = Save your changes? Without saving, changes since the last save are lost.
confirm-save = Save
confirm-discard = Don't save
recovery-title = Unsaved work found
recovery-body = kaijisho closed last time with unsaved work. Restore it?
recovery-restore = Restore
recovery-discard = Discard

status-no-file = (new, not saved yet)
status-unsaved = unsaved changes
status-clean = saved
status-progress = { $answered } / { $total } answered
status-illustrative = example
status-opened = Opened { $file }
status-saved = Saved to { $file }
status-save-needs-path = Choose where to save
status-recovered = Restored the unsaved work

import-title = Import Excel: { $file }
import-uncertain-gui = The detection is not sure. Check the mapping below, correct it if needed and press "Read again with this mapping".
import-skipped-count = Rows passed over ({ $count })
import-mapping = Mapping (blank fields are detected)
import-map-sheet = Sheet
import-map-flag = Flag column
import-map-marks = はい/いいえ/対象外 columns
import-map-remark = Remark column
import-map-first = First row
import-map-last = Last row
import-accept = Import
import-rerun = Read again with this mapping

menu-compare = Compare statements…
menu-carry = New from this statement…
menu-review = Review mode
review-title = Review (hospital's check)
review-comment = review comment
review-summary = Review summary
review-read-only = In review mode the vendor's answers cannot be changed
review-reviewer = Reviewer
review-date = Review date
review-filter = Review status
review-all = All
question-recheck = Carried forward from an earlier statement: check it.
question-confirm = Confirm this answer
compare-title = Compare statements
compare-add = Add
compare-remove = Remove
compare-run = Compare
compare-only-diff = Differences only
carry-title = New statement from this one
carry-pick = Choose the catalogue of the new statement. Answers move by id, by number and reference, or by reference and similar text, and are all marked "to re-check".
carry-start = Carry forward
carry-report = Carry-forward report
menu-help = Help
menu-about = About kaijisho…
about-title = About kaijisho
about-version = Version
about-licence = Licence: MIT or Apache-2.0, at your option
about-offline = This app never connects to the network and sends no usage data (no telemetry).
about-third-party = The licences of the libraries it uses are in THIRD-PARTY-LICENSES.html, shipped with it.
about-font = Text on screen and in PDFs: IPAexGothic (IPA Font License v1.0; the font file ships unmodified).
about-font-licence = Full text of the IPA Font License v1.0

# Menu entries added with the menu table
menu-lang-ja = 日本語
menu-lang-en = English
menu-next = Next question
menu-previous = Previous question
question-remark = 備考 (remarks)
question-keys-review = Review mode: the vendor's answers and header cannot be changed; set a status and a comment. Alt+↑/↓ previous/next question
# Background work (status bar)
task-import = Reading { $file }…
task-export = Writing { $file }…
task-compare = Comparing statements… ({ $done } / { $total })
task-name-import = reading a workbook
task-name-export = export
task-name-compare = comparison
task-lost = The work stopped before it finished ({ $task } { $file }). See the log for details.
recovery-unreadable = The recovery file { $file } could not be read ({ $detail }). It was kept as { $kept }.
about-log = Log file: { $file }
about-no-log = No log file is in use
catalogue-line = { $title } ({ $kind } Ver.{ $version } / { $provenance })
catalogue-line-count = { $title } ({ $kind } Ver.{ $version } / { $provenance }, { $count } questions)
