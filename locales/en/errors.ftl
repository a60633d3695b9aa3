# Error messages. Each names the file and the problem.

err-not-found = { $file }: file not found
err-read = { $file }: cannot read ({ $detail })
err-is-folder = { $file }: is a folder; give a file
err-too-large = { $file }: file too large ({ $size } bytes, limit { $limit } bytes)
err-syntax = { $file }: line { $line }, column { $column } is not valid JSON ({ $detail })
err-data = { $file }: line { $line }, column { $column }: field "{ $field }" is wrong ({ $detail })
err-wrong-kind = { $file }: not { $expected } (it is { $found })
err-too-new = { $file }: saved by a newer kaijisho (format { $version }; this version reads up to { $supported })
err-catalogue = { $file }: the catalogue has problems: { $issues }
err-resolve-not-found = catalogue "{ $id }" not found (not shipped with this app and not embedded in the project)
err-resolve-mismatch = catalogue "{ $id }" has changed since the project was written, so it cannot be opened (written against { $expected }, now { $found })
err-save-no-folder = { $file }: the folder does not exist
err-save-write = { $file }: cannot save ({ $detail }); the existing file was not changed
err-save-backup = { $file }: cannot keep the previous file as a backup ({ $detail }); the existing file was not changed
err-value-not-allowed = question { $number } cannot be answered { $value }
err-option-required = question { $number } is answered per option; give the option (id, label or number) with --option
err-not-option = question { $number } has no options (leave out --option)
err-unknown-option = question { $number } has no option "{ $option }"
err-unknown-catalogue = no catalogue "{ $id }"; available: { $available }
err-unknown-number = { $file }: no question number "{ $number }" in catalogue "{ $catalogue }"
err-invalid-value = "{ $value }" is not an answer; use はい / いいえ / 対象外 / 該当 / 非該当 / 未回答 (or yes / no / na / applies / does_not_apply / unanswered)
err-output-exists = { $file }: already exists; add --force to overwrite it
err-asset = bundled data { $file } is damaged ({ $detail })

cat-no-questions = no questions
cat-empty-id = the catalogue id is empty
cat-duplicate-id = question id "{ $id }" is used twice or empty
cat-bad-number = question "{ $id }": "{ $number }" is not a question number
cat-duplicate-number = number { $number } is used by questions "{ $first }" and "{ $second }"
cat-empty-text = question "{ $id }" has no text
cat-no-options = question "{ $id }" is answered per option but has no options
cat-duplicate-option = question "{ $id }": option "{ $option }" is used twice or empty
cat-gate-unknown = question "{ $id }" depends on question "{ $gate }", which does not exist
cat-gate-not-before = question "{ $id }" depends on question "{ $gate }", which does not come before it
cat-gate-value = question "{ $id }" depends on "{ $gate } = { $value }", a value "{ $gate }" cannot take
err-font = the bundled font cannot be read
err-xlsx-cell-too-long = question { $number }: the { $what } has { $chars } characters, more than Excel's 32,767 per cell
err-xlsx-write = cannot build the workbook ({ $detail })
err-xlsx-not-xlsx = { $file }: not an Excel workbook (.xlsx)
err-xlsx-encrypted = { $file }: password-protected, or an old .xls file; remove the protection and save it as .xlsx
err-xlsx-malformed = { $file }: the file is damaged ({ $detail })
err-xlsx-too-large = { $file }: too large to read safely ({ $detail })
err-xlsx-no-questions = { $file }: no sheet holds MDS/SDS questions (sheets: { $sheets }); a mapping file (--mapping) can name the sheet
err-xlsx-no-sheet = { $file }: the mapping names sheet "{ $sheet }", which the workbook lacks
err-xlsx-bad-mapping = { $file }: the mapping is not valid ({ $detail })
err-xlsx-hidden = { $file }: kaijisho's own sheet is damaged ({ $detail })
