# Words shared by the app and the CLI.

app-name = kaijisho (開示書)

value-unanswered = unanswered (未回答)
value-yes = yes (はい)
value-no = no (いいえ)
value-na = not applicable (対象外)
value-applies = applies (該当)
value-does_not_apply = does not apply (非該当)

severity-error = error
severity-warning = warning
severity-info = note

finding-unanswered = not answered yet
finding-remark_missing = answered { $value } without a reason in the remark (備考)
finding-gated_off = question { $gate } is not 該当 (applies), so this is exported as 対象外 (not applicable)
finding-unknown_question = answer for question id "{ $id }", which the catalogue lacks
finding-unknown_option = answer for option "{ $option }", which the question lacks
finding-invalid_value = this question cannot be answered { $value }
finding-option = option "{ $option }"

kind-project = a kaijisho project file
kind-catalogue = a kaijisho catalogue file
kind-foreign = JSON that is not a kaijisho file
finding-recheck = carried forward from an earlier statement: check it and answer again to confirm
finding-date_unreadable = the { $date } "{ $text }" cannot be read as a date (e.g. 2026-04-01, 2026/4/1, 令和8年4月1日)
finding-condition_without_answer = a condition ("{ $condition }") but no answer
answer-conditional = { $answer } [condition: { $condition }]
grid-conditional = { $answer } [condition]
answer-date-checked = date checked
answer-date-due = target date
answer-date-hint = e.g. 2026-04-01
kind-profile = kaijisho acceptance profile
kind-register = kaijisho register of received statements
kind-review = kaijisho review of a received statement
kind-dossier = kaijisho inspection dossier (risk notes)
verdict-within = within the profile
verdict-outside = outside the profile ({ $required } required, { $recommended } recommended)
verdict-incomplete = { $unanswered } unanswered
weight-required = required (必須)
weight-recommended = recommended (推奨)
register-old = written { $months } months ago
register-no-date = 作成日 (date written) is not a date
register-older-edition = guideline edition { $edition } (register expects { $wanted })
finding-header-missing = { $field } is empty
finding-header-date = { $field } is not a date (e.g. 2026年11月23日, 令和8年11月23日, R8.11.23, 2026/11/23)
finding-header-format = { $field } holds invisible (format) characters: { $shown }
answer-word-unanswered = 未回答 (unanswered)
answer-word-yes = はい (Yes)
answer-word-no = いいえ (No)
answer-word-na = 対象外 (N/A)
answer-word-applies = 該当 (Applies)
answer-word-does_not_apply = 非該当 (Does not apply)
review-status-unchecked = 未確認 (not reviewed)
review-status-confirmed = 確認済 (confirmed)
review-status-needs_check = 要確認 (to check)
review-status-action_required = 要対応 (action required)
finding-header-missing-short = empty
finding-header-date-short = not a date
finding-header-format-short = invisible characters: { $shown }
answer-tag-unanswered = Not yet
answer-tag-yes = Yes
answer-tag-no = No
answer-tag-na = N/A
answer-tag-applies = Applies
answer-tag-does_not_apply = Not appl.
