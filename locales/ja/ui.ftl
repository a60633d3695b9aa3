# デスクトップ画面の文言。

menu-file = ファイル
menu-edit = 編集
menu-view = 表示
menu-new = 新規作成
menu-open = 開く…
menu-save = 保存
menu-save-as = 名前を付けて保存…
menu-import = Excel を取り込む…
menu-export-xlsx = Excel に書き出す…
menu-export-pdf = PDF に書き出す…
menu-close = 閉じる
menu-undo = 元に戻す
menu-redo = やり直し
menu-validation = 検証結果
menu-lang-auto = OS に合わせる
menu-dark = ダークテーマ

start-intro = 製造業者/サービス事業者による医療情報セキュリティ開示書 (MDS/SDS) を、設問ごとに案内しながら作成・確認します。ネットワークには接続しません。
start-new = 新しい開示書
start-catalogue = カタログ (設問一覧)
start-create = 作成
start-open-heading = ファイルから
start-sample = 記入例を開く
start-recent = 最近使ったファイル
start-no-recent = まだありません

header-created = 作成日
header-vendor = 製造業者
header-vendor-sds = サービス事業者
header-product = 製品名称
header-product-sds = サービス名称
header-version = バージョン
header-contact = 問合せ先

validation-count = エラー { $errors } / 警告 { $warnings }
validation-title = 検証結果
validation-close = 閉じる
validation-none = 指摘はありません

nav-progress = { $answered } / { $total } 回答済
nav-filter-unanswered = 未回答のみ
nav-filter-no = いいえのみ
nav-filter-findings = 指摘ありのみ
nav-search = 検索
nav-search-hint = 設問・番号・参照・備考

question-none = 設問を選んでください
question-prev = ↑ 前へ
question-next = ↓ 次へ
question-gated-off = 設問 { $gate } が「該当」でないため、この設問は対象外として扱います (回答は保持されます)
question-note = 記入上の注意
question-keys = キー操作: 1/2/3 で回答 (入力欄の外で)、Alt+↑/↓ で前後の設問、Ctrl+Z/Ctrl+Y で元に戻す/やり直し

guide-title = ガイドラインの該当箇所
guide-no-ref = この設問には参照がありません
guide-unresolved = { $ref } の見出しは索引にありません
guide-hints = ヒント
guide-no-hints = この参照のヒントはまだありません
guide-basis = 根拠
confidence-confirmed = 公開資料で確認
confidence-secondary = 二次資料による
confidence-inferred = 推定 (要確認)

dialog-ok = OK
dialog-cancel = キャンセル
dialog-browse = 参照…
dialog-path = ファイルのパス
confirm-title = 保存されていない変更があります
confirm-body = 変更を保存しますか? 保存しないと、最後に保存した後の変更は失われます。
confirm-save = 保存
confirm-discard = 保存しない
recovery-title = 保存されていない作業が見つかりました
recovery-body = 前回、保存しないまま終了した作業があります。復元しますか?
recovery-restore = 復元する
recovery-discard = 破棄する

status-no-file = (未保存の新規ファイル)
status-unsaved = 未保存の変更あり
status-clean = 保存済み
status-progress = { $answered } / { $total } 回答済
status-illustrative = 記入例
status-opened = { $file } を開きました
status-saved = { $file } に保存しました
status-save-needs-path = 保存先を指定してください
status-recovered = 保存されていなかった作業を復元しました

import-title = Excel の取り込み: { $file }
import-uncertain-gui = 推定に自信がありません。下の対応付けを確かめ、必要なら直して「この対応付けで読み直す」を押してください。
import-skipped-count = 読み飛ばした行 ({ $count })
import-mapping = 対応付け (空欄は自動で推定)
import-map-sheet = シート
import-map-flag = フラグ列
import-map-marks = はい/いいえ/対象外 の列
import-map-remark = 備考の列
import-map-first = 最初の行
import-map-last = 最後の行
import-accept = 取り込む
import-rerun = この対応付けで読み直す

menu-compare = 開示書を比較…
menu-carry = 引き継いで新規作成…
menu-review = レビューモード
review-title = レビュー (医療機関の確認)
review-comment = レビューコメント
review-summary = レビュー集計
review-read-only = レビューモードでは事業者の回答は変更できません
review-reviewer = 確認者
review-date = 確認日
review-filter = レビュー状況
review-all = すべて
question-recheck = 前の開示書から引き継いだ回答です。確かめてください。
question-confirm = この回答で確定
compare-title = 開示書の比較
compare-add = 追加
compare-remove = 外す
compare-run = 比較する
compare-only-diff = 違いのみ
carry-title = 回答を引き継いで新規作成
carry-pick = 新しい開示書のカタログを選んでください。回答は ID、番号と参照、または参照と本文の類似で引き継ぎ、すべて「要再確認」になります。
carry-start = 引き継ぐ
carry-report = 引き継ぎの報告
menu-help = ヘルプ
menu-about = kaijisho について…
about-title = kaijisho について
about-version = バージョン
about-licence = ライセンス: MIT または Apache-2.0(利用者が選択)
about-offline = このアプリはネットワークに接続しません。利用状況の送信(テレメトリ)もありません。
about-third-party = 利用しているライブラリのライセンスは、同梱の THIRD-PARTY-LICENSES.html にあります。
about-font = 画面と PDF の文字: IPAexゴシック(IPA フォントライセンス v1.0、フォントファイルは改変せず同梱)。
about-font-licence = IPA フォントライセンス v1.0 の全文

# Menu entries added with the menu table
menu-lang-ja = 日本語
menu-lang-en = English
menu-next = 次の設問
menu-previous = 前の設問
question-remark = 備考
question-keys-review = レビューモード: 事業者の回答と記入者欄は変更できません。確認状態とコメントを記入します。Alt+↑/↓ で前後の設問
# Background work (status bar)
task-import = { $file } を読み込み中…
task-export = { $file } に書き出し中…
task-compare = 開示書を比較中… ({ $done } / { $total })
task-name-import = Excel の読み込み
task-name-export = 書き出し
task-name-compare = 比較
task-lost = 処理が途中で止まりました ({ $task } { $file })。詳しくはログを確認してください。
recovery-unreadable = 復元ファイル { $file } を読めませんでした ({ $detail })。ファイルは { $kept } として残してあります。
about-log = ログファイル: { $file }
about-no-log = ログファイルは使われていません
catalogue-line = { $title } ({ $kind } Ver.{ $version } / { $provenance })
catalogue-line-count = { $title } ({ $kind } Ver.{ $version } / { $provenance } { $count }問)
