# Command line (kaijisho …) texts.

cli-about = Offline tool to write and check MDS/SDS medical-IT security disclosure statements. Without arguments it opens the desktop app.
cli-lang = Display language (ja / en); defaults to the OS language
cli-catalogues = List the catalogues (question lists) shipped with the app
cli-new = Create a new project (statement) from a catalogue
cli-new-catalogue = Catalogue id (see kaijisho catalogues) or a catalogue JSON file
cli-new-output = Project file to create (.json)
cli-new-created = Creation date (default: today)
cli-new-vendor = Manufacturer / service provider
cli-new-product = Product name / service name
cli-new-product_version = Version
cli-new-contact = Contact
cli-new-force = Overwrite an existing file (the previous content is kept as .bak)
cli-answer = Answer a question
cli-answer-project = Project file
cli-answer-number = Question number (4.1.2; "4. 1. 2." and similar spellings work too)
cli-answer-value = Answer: はい / いいえ / 対象外 / 該当 / 非該当 / 未回答, or yes / no / na / applies / does_not_apply / unanswered
cli-answer-option = The option, for questions answered per option (id, label or number from 1)
cli-answer-remark = Remark (備考); without it the current remark is kept
cli-validate = Check a statement. Exit code: 0 = no errors, 1 = errors, 2 = the file cannot be read
cli-validate-project = Project file (.json) or Excel workbook (.xlsx)
cli-validate-format = Output format (text / json)
cli-dump = Print the statement in canonical JSON (compare two with diff)
cli-dump-project = Project file (.json) or Excel workbook (.xlsx)

catalogues-columns = ID	kind	form	guideline	source	questions
provenance-official_workbook_import = imported from an official workbook
provenance-seed_excerpt = seed-document excerpt (not the full official list)
provenance-project_authored = written by this project (not official text)

new-done = Created { $file } (catalogue { $catalogue }, { $count } questions)
answer-done = { $file }: { $question } → { $value }
validate-summary = { $file }: { $errors } errors, { $warnings } warnings, { $infos } notes
validate-illustrative = Note: the answers in this project are illustrative.
cli-export = Export a statement (printable PDF, official-layout Excel workbook)
cli-export-project = Project file (.json) or Excel workbook (.xlsx)
cli-export-pdf = PDF file to write
cli-fingerprint = Print the SHA-256 fingerprint of a statement's content, to check against the one printed on a PDF
cli-fingerprint-file = Project file (.json) or Excel workbook (.xlsx)

cli-export-xlsx = Excel workbook to write (.xlsx, the official layout)
cli-import = Read an Excel workbook (official layout, or one exported by kaijisho)
cli-import-input = The .xlsx file to read
cli-import-output = Project file to create (.json)
cli-import-catalogue_out = Also write the questions read as a catalogue (.json)
cli-import-mapping = Mapping file (.json) naming the sheet, columns and header cells, to correct the detection
cli-import-force = Overwrite existing files (the previous content is kept as .bak)
cli-import-format = Report format (text / json)
import-summary = { $file }: read { $sections } sections, { $questions } questions, { $options } options and { $answers } answers from sheet "{ $sheet }"
import-method-kaijisho-export = Read exactly, as a workbook exported by kaijisho.
import-method-detected = The layout was detected from the content.
import-skipped = row { $row }: { $reason }
import-uncertain = The detection is not sure. Check this mapping, correct it if needed and pass it with --mapping:
import-blank = The workbook holds no answers (a blank form); use it as a catalogue.
import-nothing-written = Nothing written: give -o or --catalogue-out.
written = Wrote { $file }
skip-flag_not_answer = flag "{ $flag }" is not an answer (the previous answer is kept)
skip-option_without_question = an option row with no question above it
skip-not_a_row = not a question, option or section row: { $text }
skip-duplicate_number = number { $number } is already used on row { $first_row }
skip-several_marks = more than one answer is marked
note-no_header_labels = no header labels (作成日, 製造業者/サービス事業者, 製品名称/サービス名称, バージョン) were found
note-no_answer_column = no answer column (a flag column, or はい/いいえ/対象外 columns) was found, so no answers were read
note-answer_rejected = question { $number } cannot be answered { $value }; left unanswered
cli-open = Open a statement in the desktop app
cli-open-file = Project file (.json) or Excel workbook (.xlsx)
