# コマンドライン (kaijisho …) の文言。

cli-about = MDS/SDS (製造業者/サービス事業者による医療情報セキュリティ開示書) を作成・確認するオフラインのツール。引数なしで起動するとデスクトップアプリが開きます。
cli-lang = 表示言語 (ja / en)。既定は OS の言語
cli-catalogues = 同梱のカタログ (設問一覧) を一覧表示します
cli-new = カタログから新しいプロジェクト (開示書) を作成します
cli-new-catalogue = カタログ ID (kaijisho catalogues で確認) またはカタログ JSON ファイル
cli-new-output = 作成するプロジェクトファイル (.json)
cli-new-created = 作成日 (既定: 今日)
cli-new-vendor = 製造業者 / サービス事業者
cli-new-product = 製品名称 / サービス名称
cli-new-product_version = バージョン
cli-new-contact = 問合せ先
cli-new-force = 既存のファイルを上書きします (以前の内容は .bak に残ります)
cli-answer = 設問に回答します
cli-answer-project = プロジェクトファイル
cli-answer-number = 設問番号 (4.1.2、「4. 1. 2.」などの表記も可)
cli-answer-value = 回答: はい / いいえ / 対象外 / 該当 / 非該当 / 未回答 (yes / no / na / applies / does_not_apply / unanswered も可)
cli-answer-option = 選択肢ごとに答える設問の選択肢 (ID、ラベル、または 1 からの番号)
cli-answer-remark = 備考 (指定しなければ今の備考を残します)
cli-validate = 開示書を検証します。終了コード: 0 = エラーなし、1 = エラーあり、2 = ファイルを読めない
cli-validate-project = プロジェクトファイル (.json) または Excel ワークブック (.xlsx)
cli-validate-format = 出力形式 (text / json)
cli-dump = 開示書を正準形の JSON で出力します (diff で比較できます)
cli-dump-project = プロジェクトファイル (.json) または Excel ワークブック (.xlsx)

catalogues-columns = ID	種別	書式版	ガイドライン	出典	設問数
provenance-official_workbook_import = 公式ワークブックから取込
provenance-seed_excerpt = シード文書の抜粋 (公式の全設問ではありません)
provenance-project_authored = 本プロジェクト作成 (公式の文言ではありません)

new-done = { $file } を作成しました (カタログ { $catalogue }、設問 { $count } 問)
answer-done = { $file }: { $question } → { $value }
validate-summary = { $file }: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
validate-illustrative = 注: このプロジェクトの回答は記入例です。
cli-export = 開示書を書き出します (印刷用 PDF、公式様式の Excel ワークブック)
cli-export-project = プロジェクトファイル (.json) または Excel ワークブック (.xlsx)
cli-export-pdf = 書き出す PDF ファイル
cli-fingerprint = 開示書の内容の指紋 (SHA-256) を表示します。PDF に印字された指紋と照合できます
cli-fingerprint-file = プロジェクトファイル (.json) または Excel ワークブック (.xlsx)

cli-export-xlsx = 書き出す Excel ワークブック (.xlsx、公式の様式)
cli-import = Excel ワークブック (公式の様式、または kaijisho で書き出したもの) を読み込みます
cli-import-input = 読み込む .xlsx ファイル
cli-import-output = 作成するプロジェクトファイル (.json)
cli-import-catalogue_out = 読み取った設問をカタログ (.json) として書き出します
cli-import-mapping = 対応付けファイル (.json): シート、列、見出しのセルを指定して推定を補正します
cli-import-force = 既存のファイルを上書きします (以前の内容は .bak に残ります)
cli-import-format = 報告の形式 (text / json)
import-summary = { $file }: シート「{ $sheet }」から 節 { $sections }、設問 { $questions }、選択肢 { $options }、回答 { $answers } 件を読み取りました
import-method-kaijisho-export = kaijisho で書き出したワークブックとして、そのまま読み取りました。
import-method-detected = 表の構成は内容から推定しました。
import-skipped = 行 { $row }: { $reason }
import-uncertain = 推定に自信がありません。次の対応付けを確かめ、必要なら直して --mapping で指定してください:
import-blank = 回答のない (空の) ワークブックです。カタログとして使えます。
import-nothing-written = 書き出し先 (-o または --catalogue-out) が指定されていないため、何も書き出していません。
written = { $file } を書き出しました
skip-flag_not_answer = フラグ「{ $flag }」は回答として読めません (以前の回答のまま)
skip-option_without_question = 上に設問のない選択肢の行です
skip-not_a_row = 設問・選択肢・節のいずれの行でもありません: { $text }
skip-duplicate_number = 番号 { $number } は { $first_row } 行目ですでに使われています
skip-several_marks = 複数の回答に印があります
note-no_header_labels = 見出し欄 (作成日、製造業者/サービス事業者、製品名称/サービス名称、バージョン) が見つかりませんでした
note-no_answer_column = 回答の列 (フラグ列、または はい/いいえ/対象外 の列) が見つからないため、回答は読み取っていません
note-answer_rejected = 設問 { $number } に「{ $value }」は回答できないため、未回答にしました
cli-open = 開示書をデスクトップアプリで開きます
cli-open-file = プロジェクトファイル (.json) または Excel ワークブック (.xlsx)
