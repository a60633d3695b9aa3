# 署名付き開示書 (issue 33): 鍵・署名のエラー、検証の結果、CLI のヘルプ

sig-err-password = { $file }: パスワードが違います (または PKCS#12 ファイルが壊れています)
sig-err-not-pkcs12 = { $file }: 読める PKCS#12 (.p12 / .pfx) ファイルではありません: { $detail }
sig-err-no-key = { $file }: 証明書と対になる秘密鍵が入っていません
sig-err-unsupported-key = { $file }: この鍵 ({ $detail }) には対応していません。RSA または ECDSA P-256 の鍵で署名できます
sig-err-cert-not-valid = { $file }: 証明書の有効期間 ({ $from } ～ { $until }) の外なので署名しません
sig-err-sign = 署名できませんでした: { $detail }
sig-err-not-signature = { $file }: 読める署名ではありません: { $detail }
sig-err-not-certificate = { $file }: 証明書 (PEM または DER) ではありません: { $detail }
sig-err-too-many-certificates = { $file }: 証明書が { $limit } 件を超えています
sig-unreadable-der = 署名を読めません (CMS の DER ではありません): { $detail }
sig-unreadable-not-signed-data = 署名を読めません (CMS ですが SignedData ではありません)
sig-unreadable-no-signer = 署名を読めません (署名者が入っていません)
sig-unreadable-no-certificate = 署名を読めません (署名者の証明書が入っていません)

sig-password-prompt = { $file } のパスワード:
sig-password-again = もう一度:
sig-password-mismatch = 2 回入力したパスワードが一致しません
sig-password-no-terminal = パスワードを尋ねられません ({ $detail })。スクリプトでは環境変数 { $var } で渡してください
sig-password-not-utf8 = 環境変数 { $var } のパスワードが UTF-8 ではありません

sig-signed = { $file } に署名しました (署名者: { $name } { $organization })
sig-unsigned = { $file }: 署名がありません (署名ファイルは --signature で指定できます)
sig-keygen-done = 自己署名の鍵を作りました: { $subject } (有効期限 { $until }、証明書の指紋 SHA-256 { $fingerprint })

sig-verdict-valid = 署名は有効です
sig-verdict-valid-unconfirmed = 署名は有効です (身元は未確認)
sig-verdict-changed = 署名後に内容が変更されています
sig-verdict-invalid = 署名は無効です
sig-line-signer = 署名者: { $name } { $organization }
sig-line-self-signed = 自己署名 — 身元は未確認
sig-line-certificate = 証明書: { $subject } (発行者 { $issuer }、有効期間 { $from } ～ { $until }、指紋 SHA-256 { $fingerprint })
sig-line-signed-at = 署名日時: { $time }
sig-line-no-time = 署名日時: 記録なし
sig-line-signature-ok = 署名値: 証明書の公開鍵で検証できました
sig-line-signature-bad = 署名値: 証明書の公開鍵で検証できません (署名が改ざんされているか、別の証明書です)
sig-line-signature-unsupported = 署名値: この署名方式は検証できません
sig-line-cert-valid = 証明書: 署名時も現在も有効期間内です
sig-line-cert-expired-now = 証明書: 署名時は有効期間内でしたが、現在は期限切れです
sig-line-cert-invalid-at-signing = 証明書: 署名日時に有効期間外でした (期限切れまたは有効期間前)
sig-line-trust-not-checked = 身元: 信頼する証明書 (--trust) が指定されていないため未確認です
sig-line-trust-anchored = 身元: 信頼する証明書 { $anchor } につながります
sig-line-trust-not-anchored = 身元: 指定された信頼する証明書のどれにもつながりません (内容の検証とは別です)
sig-line-content-intact = 内容: 署名したときのままです
sig-line-content-changed-unnamed = 内容: 署名したときから変わっています (どの質問かは署名に記録がありません)
sig-line-content-catalogue = 内容: 質問票 (カタログ) が署名時と違います
sig-line-content-header = 内容: ヘッダー (事業者名・製品名など) が署名時と違います
sig-line-content-changed = 内容: { $count } 問の回答が署名時と違います: { $questions }
sig-line-content-added = 内容: 署名時になかった質問が { $count } 問あります: { $questions }
sig-line-content-removed = 内容: 署名した質問のうち { $count } 問がありません: { $questions }

cli-sign = 開示書に署名します (PKCS#12 の証明書と秘密鍵で。署名は開示書に保存し、横に <名前>.p7s として書き出します)
cli-sign-statement = 署名する開示書 (プロジェクトファイル .json)
cli-sign-cert = 証明書と秘密鍵の PKCS#12 ファイル (.p12 / .pfx)。パスワードは画面に表示せずに尋ねます (スクリプトでは環境変数 KAIJISHO_CERT_PASSWORD)
cli-sign-pdf = 署名した開示書の PDF も書き出します
cli-sign-xlsx = 署名した開示書の Excel ワークブックも書き出します
cli-sign-into = --xlsx で、読み込んだ元のワークブックの写しに書き込みます
cli-verify = 開示書の署名を検証します。終了コード: 0 = 有効、1 = 無効・変更あり・署名なし、2 = 読めない
cli-verify-file = 検証する開示書 (.json、.xlsx、記入した公式ワークブック)
cli-verify-signature = 切り離された署名ファイル (.p7s)。開示書に署名が入っていないとき (公式ワークブックなど) に指定します
cli-verify-trust = 信頼する証明書 (PEM / DER のファイル、またはそれらのフォルダー)。署名者の証明書がこれにつながるか確認します
cli-verify-format = 出力形式 (text / json)
cli-keygen = 試用のための自己署名の鍵と証明書を作ります (PKCS#12 ファイル。身元は証明されません)
cli-keygen-output = 書き出す PKCS#12 ファイル (.p12)
cli-keygen-name = 署名者の名前 (証明書の CN)
cli-keygen-organization = 組織名 (証明書の O)
cli-keygen-days = 有効日数
cli-keygen-force = 既存のファイルを置き換えます

menu-sign = 署名して書き出す…
sig-gui-title = 開示書に署名
sig-gui-about = 開示書の内容 (ヘッダー・回答・条件・備考。病院のレビューは含みません) に、証明書と秘密鍵で署名します。署名は開示書に保存し、横に .p7s ファイルとして書き出します。
sig-gui-certificate = 証明書ファイル (.p12 / .pfx)
sig-gui-no-file = (未選択)
sig-gui-pick = 選ぶ…
sig-gui-password = パスワード
sig-gui-password-note = パスワードは保存しません。
sig-gui-sign = 署名
sig-gui-save-first = 署名する前に開示書を保存してください
sig-gui-no-certificate = 証明書ファイルを選んでください
sig-gui-received = 受け取った開示書には署名できません (署名は事業者が自分の開示書にするものです)
sig-gui-signed = { $file } に署名しました。署名ファイル: { $signature }
sig-gui-badge = 署名:
sig-gui-badge-hover = クリックすると署名の詳細を表示します
sig-gui-details = 署名の詳細
sig-gui-unsigned = この開示書には署名がありません
prompt-about-certificate = 署名に使う証明書と秘密鍵の PKCS#12 ファイル (.p12 / .pfx)
