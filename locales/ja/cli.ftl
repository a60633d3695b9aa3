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
cli-validate-project = プロジェクトファイル
cli-validate-format = 出力形式 (text / json)
cli-dump = 開示書を正準形の JSON で出力します (diff で比較できます)
cli-dump-project = プロジェクトファイル

catalogues-columns = ID	種別	書式版	ガイドライン	出典	設問数
provenance-official_workbook_import = 公式ワークブックから取込
provenance-seed_excerpt = シード文書の抜粋 (公式の全設問ではありません)
provenance-project_authored = 本プロジェクト作成 (公式の文言ではありません)

new-done = { $file } を作成しました (カタログ { $catalogue }、設問 { $count } 問)
answer-done = { $file }: { $question } → { $value }
validate-summary = { $file }: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
validate-illustrative = 注: このプロジェクトの回答は記入例です。
cli-export = 開示書を書き出します (印刷用 PDF)
cli-export-project = プロジェクトファイル
cli-export-pdf = 書き出す PDF ファイル
cli-fingerprint = 開示書の内容の指紋 (SHA-256) を表示します。PDF に印字された指紋と照合できます
cli-fingerprint-file = プロジェクトファイル
export-done = { $file } を書き出しました
