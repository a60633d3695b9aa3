# 開示書作成の一日: 保存、開始画面、キー操作、ナビゲーター (issue 15)。

# Saving
file-suggested-name = { $product } { $version } 開示書
file-untitled = 開示書
export-offer-title = 書き出しますか?
export-offer-body = 「{ $file }」は開示書ファイル (JSON) ではありません。開示書は JSON で保存します。このファイルには書き出しとして保存できます。
browser-up = ↑ 上のフォルダ
browser-folder = フォルダ: { $folder }
browser-empty = (該当するファイルやフォルダはありません)
browser-name = ファイル名

# Start screen
start-excerpts = 同梱のカタログ (MDS・SDS の記入例) は、設問の一部だけを抜き出した短い抜粋です。全設問は公式チェックリスト (Excel) を取り込んで使います。
start-from-checklist = 公式チェックリスト (Excel) から始める
start-choose-catalogue = カタログファイルを選ぶ…
start-catalogue-loaded = カタログ「{ $title }」を { $file } から読み込みました
catalogue-short = { $title } ({ $kind } Ver.{ $version }、{ $count } 問)
