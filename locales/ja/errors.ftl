# エラーメッセージ。どれもファイル名と問題を示します。

err-not-found = { $file }: ファイルが見つかりません
err-read = { $file }: 読み込めません ({ $detail })
err-is-folder = { $file }: フォルダーです。ファイルを指定してください
err-too-large = { $file }: ファイルが大きすぎます ({ $size } バイト、上限 { $limit } バイト)
err-syntax = { $file }: { $line } 行 { $column } 列目が JSON として読めません ({ $detail })
err-data = { $file }: { $line } 行 { $column } 列目、項目「{ $field }」の内容が正しくありません ({ $detail })
err-wrong-kind = { $file }: { $expected }ではありません ({ $found }です)
err-too-new = { $file }: より新しい kaijisho で保存されたファイルです (形式 { $version }。この版が読めるのは { $supported } まで)
err-catalogue = { $file }: カタログに問題があります: { $issues }
err-resolve-not-found = カタログ「{ $id }」が見つかりません (このアプリに同梱されておらず、プロジェクトにも埋め込まれていません)
err-resolve-mismatch = カタログ「{ $id }」の内容がプロジェクト作成時と異なるため開けません (作成時 { $expected }、現在 { $found })
err-save-no-folder = { $file }: 保存先のフォルダーがありません
err-save-write = { $file }: 保存できません ({ $detail })。元のファイルは変更していません
err-save-backup = { $file }: 以前のファイルをバックアップできません ({ $detail })。元のファイルは変更していません
err-value-not-allowed = 設問 { $number } には「{ $value }」を回答できません
err-option-required = 設問 { $number } は選択肢ごとに回答します。--option で選択肢 (ID、ラベル、または番号) を指定してください
err-not-option = 設問 { $number } には選択肢がありません (--option は不要です)
err-unknown-option = 設問 { $number } に選択肢「{ $option }」はありません
err-unknown-catalogue = カタログ「{ $id }」はありません。使えるカタログ: { $available }
err-unknown-number = { $file }: 設問番号「{ $number }」はカタログ「{ $catalogue }」にありません
err-invalid-value = 「{ $value }」は回答として使えません。使える値: はい / いいえ / 対象外 / 該当 / 非該当 / 未回答
err-output-exists = { $file }: すでに存在します。上書きするには --force を付けてください
err-asset = 同梱データ { $file } が壊れています ({ $detail })

cat-no-questions = 設問がありません
cat-empty-id = カタログ ID が空です
cat-duplicate-id = 設問 ID「{ $id }」が重複しているか空です
cat-bad-number = 設問「{ $id }」の番号「{ $number }」が番号として読めません
cat-duplicate-number = 番号 { $number } が設問「{ $first }」と「{ $second }」で重複しています
cat-empty-text = 設問「{ $id }」の本文が空です
cat-no-options = 設問「{ $id }」は選択肢形式ですが選択肢がありません
cat-duplicate-option = 設問「{ $id }」の選択肢「{ $option }」が重複しているか空です
cat-gate-unknown = 設問「{ $id }」の前提設問「{ $gate }」がありません
cat-gate-not-before = 設問「{ $id }」の前提設問「{ $gate }」がそれより前にありません
cat-gate-value = 設問「{ $id }」の前提「{ $gate } = { $value }」は、設問「{ $gate }」が取れない値です
err-font = 同梱のフォントを読み込めません
err-xlsx-cell-too-long = 設問 { $number } の { $what } が { $chars } 文字あり、Excel の 1 セルの上限 (32,767 文字) を超えます
err-xlsx-write = ワークブックを作成できません ({ $detail })
err-xlsx-not-xlsx = { $file }: Excel ワークブック (.xlsx) ではありません
err-xlsx-encrypted = { $file }: パスワードで保護されているか、古い .xls 形式です。保護を外して .xlsx 形式で保存し直してください
err-xlsx-malformed = { $file }: ファイルが壊れています ({ $detail })
err-xlsx-too-large = { $file }: 大きすぎるため安全に読めません ({ $detail })
err-xlsx-no-questions = { $file }: MDS/SDS の設問があるシートが見つかりません (シート: { $sheets })。対応付けファイル (--mapping) でシートを指定できます
err-xlsx-no-sheet = { $file }: 対応付けで指定したシート「{ $sheet }」がありません
err-xlsx-bad-mapping = { $file }: 対応付けが正しくありません ({ $detail })
err-xlsx-hidden = { $file }: kaijisho の管理シートが壊れています ({ $detail })
