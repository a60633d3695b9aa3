# 画面・CLI で共通の語。

app-name = 開示書 (kaijisho)

value-unanswered = 未回答
value-yes = はい
value-no = いいえ
value-na = 対象外
value-applies = 該当
value-does_not_apply = 非該当

severity-error = エラー
severity-warning = 警告
severity-info = 情報

finding-unanswered = 未回答です
finding-remark_missing = 「{ $value }」の理由 (備考) がありません
finding-gated_off = 設問 { $gate } が「該当」でないため、対象外として出力します
finding-unknown_question = カタログにない設問 ID「{ $id }」への回答があります
finding-unknown_option = カタログにない選択肢「{ $option }」への回答があります
finding-invalid_value = この設問には「{ $value }」を回答できません
finding-option = 選択肢「{ $option }」

kind-project = kaijisho のプロジェクトファイル
kind-catalogue = kaijisho のカタログファイル
kind-foreign = kaijisho のものではない JSON
finding-recheck = 前の開示書から引き継いだ回答です。内容を確かめて回答し直してください
finding-date_unreadable = { $date }「{ $text }」を日付として読めません (例: 2026年4月1日、2026/4/1、令和8年4月1日)
finding-condition_without_answer = 条件「{ $condition }」がありますが、回答がありません
answer-conditional = { $answer }〔条件: { $condition }〕
grid-conditional = { $answer }〔条件〕
answer-date-checked = 確認日
answer-date-due = 目標日
answer-date-hint = 例: 2026年4月1日
kind-profile = kaijisho の受入基準ファイル
kind-register = kaijisho の受領台帳ファイル
kind-review = kaijisho の確認ファイル（受領した開示書の確認結果）
kind-dossier = kaijisho の立入検査パック (リスク評価の記録)
verdict-within = 受入基準内
verdict-outside = 基準外 (必須 { $required } 件、推奨 { $recommended } 件)
verdict-incomplete = 未回答 { $unanswered } 件
weight-required = 必須
weight-recommended = 推奨
register-old = 作成から { $months } か月
register-no-date = 作成日が日付ではありません
register-older-edition = ガイドライン第{ $edition }版 (台帳は第{ $wanted }版)
finding-header-missing = { $field }が入力されていません
finding-header-date = { $field }が日付として読めません (例: 2026年11月23日、令和8年11月23日、R8.11.23)
finding-header-format = { $field }に見えない文字 (書式文字) が入っています: { $shown }
answer-word-unanswered = 未回答
answer-word-yes = はい
answer-word-no = いいえ
answer-word-na = 対象外
answer-word-applies = 該当
answer-word-does_not_apply = 非該当
review-status-unchecked = 未確認
review-status-confirmed = 確認済
review-status-needs_check = 要確認
review-status-action_required = 要対応
finding-header-missing-short = 入力されていません
finding-header-date-short = 日付として読めません
finding-header-format-short = 見えない文字: { $shown }
answer-tag-unanswered = 未回答
answer-tag-yes = はい
answer-tag-no = いいえ
answer-tag-na = 対象外
answer-tag-applies = 該当
answer-tag-does_not_apply = 非該当
