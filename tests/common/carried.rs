//! A statement carried forward through the CLI onto a newer edition of the shipped SDS seed:
//! one question reworded (2), one removed (1.2), one renumbered (3 → 3.1, its answer changed
//! to いいえ), one added with options (4, one option answered いいえ), and `extra` further new
//! questions with long wording (numbered 5.1 …, their text starting 「追加設問N始め」 and ending
//! 「追加設問N終わり」), so that the list of changes runs over several pages.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use super::cli::{kaijisho, repo_file, sample};

/// The new wording of question 2 (its reference, (6.2.C1), unchanged).
pub const REWORDED: &str = "扱う情報のリストを書面で医療機関等に提示できるか?";

/// The newer edition of the seed catalogue, written to `dir`.
pub fn newer_catalogue(dir: &Path, extra: usize) -> PathBuf {
    let seed = repo_file("assets/catalogues/sds-seed-remote-service.json");
    let mut c: serde_json::Value = serde_json::from_slice(&fs::read(seed).unwrap()).unwrap();
    c["id"] = "sds-seed-remote-service-next".into();
    c["form_version"] = "4.2".into();
    c["title"] = "SDS リモートサービス記載例 次の版 (試験用)".into();
    let sections = c["sections"].as_array_mut().unwrap();
    // 1.2 removed.
    sections[0]["questions"]
        .as_array_mut()
        .unwrap()
        .retain(|q| q["id"] != "q1.2");
    // 2 reworded.
    sections[1]["questions"][0]["text"] = format!("{REWORDED}(6.2.C1)").into();
    // 3 renumbered, and 4 added with options.
    sections[2]["questions"][0]["number"] = "3. 1".into();
    sections[2]["questions"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "q4",
            "number": "4",
            "text": "リモート接続の認証方法は?(6.5.C1)",
            "answer": "options",
            "options": [
                { "id": "password", "label": "ID/パスワード" },
                { "id": "certificate", "label": "クライアント証明書" }
            ]
        }));
    if extra > 0 {
        let questions: Vec<serde_json::Value> = (1..=extra)
            .map(|n| {
                serde_json::json!({
                    "id": format!("x{n}"),
                    "number": format!("5. {n}"),
                    "text": format!(
                        "追加設問{n}始め。{}追加設問{n}終わり",
                        "保守作業の記録を医療機関等の求めに応じて提出し、その保存期間と方法を契約書に明記しているか。".repeat(2)
                    )
                })
            })
            .collect();
        sections.push(serde_json::json!({
            "title": "追加の設問 (試験用) (6.9)",
            "questions": questions
        }));
    }
    let path = dir.join("next-catalogue.json");
    fs::write(&path, serde_json::to_vec_pretty(&c).unwrap()).unwrap();
    path
}

/// The sample carried onto [`newer_catalogue`] and answered anew where the module comment says;
/// the carried statement's path.
pub fn carried_statement(dir: &Path, extra: usize) -> PathBuf {
    let catalogue = newer_catalogue(dir, extra);
    let out = dir.join("carried.json");
    kaijisho()
        .arg("carry")
        .arg(sample())
        .arg("--catalogue")
        .arg(&catalogue)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&out)
        .args(["3. 1", "いいえ", "--remark", "責任者は来年度に置く予定"])
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&out)
        .args(["4", "いいえ", "--option", "2"])
        .assert()
        .success();
    kaijisho()
        .arg("answer")
        .arg(&out)
        .args(["4", "はい", "--option", "1"])
        .assert()
        .success();
    out
}
