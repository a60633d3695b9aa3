# 開示書作成の一日: 保存、開始画面、キー操作、ナビゲーター (issue 15)。

# Saving
file-suggested-name = { $product } { $version } 開示書
file-filled-name = { $original } 記入済み
export-into-locate = 記入する元のワークブック (読み込んだ .xlsx) を選ぶ
export-into-unwritten = { $file } を書き出しました。ただしワークブックに欄がないため { $count } 件の値を書き込めませんでした: { $first } (すべてログに記録)
file-untitled = 開示書
export-offer-title = 書き出しますか?
export-offer-body = 「{ $file }」は開示書ファイル (JSON) ではありません。開示書は JSON で保存します。このファイルには書き出しとして保存できます。
browser-up = ↑ 上のフォルダ
browser-folder = フォルダ: { $folder }
browser-empty = (該当するファイルやフォルダはありません)
browser-name = ファイル名
browser-select-all = すべて選択
browser-chosen = { $count } ファイルを選択中 (OK ですべて追加)
browser-multi-hint = Ctrl+クリックで複数、Shift+クリックで範囲を選べます
lists-chosen = 選んだ開示書: { $count } 件 (比較と受入基準の確認で共通)
lists-from-register = 受領台帳から選ぶ…
lists-from-register-title = 受領台帳から選ぶ
lists-no-register = 先に受領台帳か、そのフォルダーにある開示書を開いてください
lists-already = { $file } (追加済み)
lists-add-ticked = { $count } 件を追加
lists-added = 開示書 { $count } 件を追加しました

# Start screen
start-excerpts = 同梱のカタログ (MDS・SDS の記入例) は、設問の一部だけを抜き出した短い抜粋です。全設問は公式チェックリスト (Excel) を取り込んで使います。
start-from-checklist = 公式チェックリスト (Excel) から始める
start-choose-catalogue = カタログファイルを選ぶ…
start-catalogue-loaded = カタログ「{ $title }」を { $file } から読み込みました
catalogue-short = { $title } ({ $kind } Ver.{ $version }、{ $count } 問)

# Keyboard
menu-shortcuts = キー操作一覧
keys-title = キー操作一覧
keys-intro = 数字キーと矢印キーは、入力欄の外で働きます。入力欄の中では、元に戻す/やり直しはその入力欄の中で働き、入力欄を離れると入力全体が 1 回の「元に戻す」の単位になります。Enter キーには操作を割り当てていません (かな漢字変換の確定に使うため)。
keys-answer = 回答 (1 番目 / 2 番目 / 3 番目の選択肢)
keys-option-rows = 選択肢の行を移動 (選択肢のある設問)
keys-presentation-next = プレゼンテーション: 次へ
keys-presentation-previous = プレゼンテーション: 前へ
keys-presentation-first = プレゼンテーション: 最初の設問
keys-presentation-last = プレゼンテーション: 最後の設問
keys-presentation-blank = プレゼンテーション: 暗転
keys-presentation-guide = プレゼンテーション: ガイドライン・ヒント
keys-presentation-hide = プレゼンテーション: 製造業者名を隠す
keys-presentation-leave = プレゼンテーション: 終了
question-keys-short = キー操作: 1/2/3 で回答、↑/↓ で選択肢の行、PageUp/PageDown で前後の設問 (入力欄の外で)。一覧は ヘルプ → キー操作一覧

# Navigator
nav-section-counts = { $answered }/{ $total }
reimport-title = 元のワークブックが変わっています
reimport-body = { $file } は、開示書を読み込んだ後に変更されています。書き込む前に、このワークブックをもう一度読み込んで内容を確かめてください (今の回答は「引き継いで新規作成…」で新しい開示書に引き継げます)。
reimport-accept = もう一度読み込む…

# 黙って失われるものはない (issue 26): 書き出せなかった文字、読めなかった行やフォルダー
pdf-missing-glyph = 「{ $char }」(U+{ $code }) は同梱フォントにない文字のため、PDF では空の四角で印刷されます ({ $page } ページ「{ $line }」など計 { $count } か所)
pdf-remark-cut = 設問 { $number } の備考は長すぎるため、最後の { $omitted } 文字を PDF に印刷していません (開示書のファイルには全文があります)
pdf-writer-problem = PDF の作成中に問題が報告されました: { $detail }
export-pdf-notes = { $file } を書き出しました。ただし PDF に { $count } 件の問題があります: { $first } (すべてログに記録)
recovery-folder-unreadable = 復元ファイルのフォルダー { $folder } を読めません ({ $detail })。前回保存されなかった作業があっても、復元の確認を出せません
err-json-out = 結果を JSON にできません ({ $detail })
settings-unreadable = 保存されていた設定を読めなかったため、初期設定で開きました (最近使ったファイル、覚えたワークブックの形などは失われています)
replace-offer-title = 読み取れなかったセルを置き換えますか
replace-offer-body = { $file } に書き出すと、取り込みで回答として読めなかったセル { $count } 個が、ここで付けた回答で置き換わります。元の内容は次のとおりです (元のワークブックは変わりません):
replace-offer-accept = 置き換えて書き出す
protected-offer-title = 保護されたシートのロックされたセルに書き込みますか
protected-offer-body = { $file } に書き出すと、シートの保護でロックされているセル { $count } 個に書き込みます (Excel ではそのまま入力できないセルです。元のワークブックは変わりません):
protected-offer-accept = 書き込んで書き出す
replace-existing-title = 同じ名前のファイルがあります
replace-existing-body = { $file } は既にあります。置き換えますか? (今の内容は同じフォルダーの .bak に残ります)
replace-existing-accept = 置き換える
export-warning-title = エラーのある開示書です
export-warning-body = この開示書にはエラーが { $errors } 件あります (未回答の設問、空の欄など)。このまま { $file } に書き出しますか?
export-warning-quiet = この開示書では次から確かめない
export-warning-accept = このまま書き出す

# What changed since the last submission (a carried statement): the printed list
changes-title = 前回提出からの変更
changes-sheet = 変更一覧
changes-col-kind = 区分
changes-col-number =
    番号
    (今回 ← 前回)
changes-col-question = 設問
changes-col-before = 前回の回答
changes-col-after = 今回の回答
changes-kind-new = 新しい設問
changes-kind-reworded = 文言・参照の変更
changes-kind-answer = 回答の変更
changes-kind-dropped = 引き継ぎ先のない設問
changes-before = 前回の開示書
changes-after = 今回の開示書
changes-vendor = 事業者
changes-product = 製品・サービス名称
changes-version = バージョン
changes-created = 作成日
changes-checklist = チェックリスト
changes-fingerprint = 指紋 (SHA-256)
changes-checklist-value = { $title } (Ver.{ $version })
changes-counts = 件数:
changes-count-item = { $kind } { $count } 件
changes-printed = 印刷 { $date }
changes-page = { $page } / { $pages }
changes-number-moved = { $number } ← { $old }
changes-number-dropped = (なし) ← { $old }
changes-text-before = 前回: { $text }
changes-text-after = ▶今回: { $text }
changes-reference = 参照: { $reference }
changes-reference-moved = 参照: { $reference } (前回: { $old })
changes-reference-before = 前回の参照: { $old }
changes-remark = 備考: { $remark }
changes-condition = 条件: { $condition }
changes-option = { $option }: { $value }
changes-none = —
changes-nothing = 前回の提出から変わったところはありません。
