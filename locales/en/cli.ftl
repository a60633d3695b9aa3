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
cli-validate-project = Project file
cli-validate-format = Output format (text / json)
cli-dump = Print the statement in canonical JSON (compare two with diff)
cli-dump-project = Project file

catalogues-columns = ID	kind	form	guideline	source	questions
provenance-official_workbook_import = imported from an official workbook
provenance-seed_excerpt = seed-document excerpt (not the full official list)
provenance-project_authored = written by this project (not official text)

new-done = Created { $file } (catalogue { $catalogue }, { $count } questions)
answer-done = { $file }: { $question } → { $value }
validate-summary = { $file }: { $errors } errors, { $warnings } warnings, { $infos } notes
validate-illustrative = Note: the answers in this project are illustrative.
cli-export = Export a statement (printable PDF)
cli-export-project = Project file
cli-export-pdf = PDF file to write
cli-fingerprint = Print the SHA-256 fingerprint of a statement's content, to check against the one printed on a PDF
cli-fingerprint-file = Project file
export-done = Wrote { $file }
