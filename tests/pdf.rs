//! The PDF export checked on the produced file with poppler (pdffonts, pdfinfo, pdftotext):
//! fonts embedded and subset, text in catalogue order, metadata, fingerprint, size.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fs;
use std::path::Path;

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::{
    AnswerKind, Catalogue, Gate, Kind, Provenance, ProvenanceKind, QOption, Question, Scope,
    Section,
};
use kaijisho::domain::refs::RefGroup;
use kaijisho::domain::{Header, Project};
use kaijisho::io::json::save_project;

mod common {
    pub mod cli;
    pub mod layouts;
    pub mod synthetic;
    pub mod tools;
}
use common::cli::{kaijisho, sample};
use common::tools;

/// What a poppler tool prints (checked with [`poppler`] first).
fn tool(name: &str, args: &[&str]) -> String {
    tools::output(name, args)
}

/// Whether poppler is installed (else the test is skipped and says so, or fails under
/// `KAIJISHO_REQUIRE_TOOLS=1`).
fn poppler() -> bool {
    tools::present(&[tools::PDFINFO, tools::PDFFONTS, tools::PDFTOTEXT])
}

fn export(project: &Path, pdf: &Path) {
    kaijisho()
        .arg("export")
        .arg(project)
        .arg("--pdf")
        .arg(pdf)
        .assert()
        .success();
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn info(pdf: &Path) -> String {
    tool(tools::PDFINFO, &[pdf.to_str().unwrap()])
}

fn pages(pdf: &Path) -> usize {
    info(pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Asserts that `needles` appear in `haystack` in this order.
fn in_order(haystack: &str, needles: &[String]) {
    let mut at = 0;
    for n in needles {
        match haystack[at..].find(n.as_str()) {
            Some(i) => at += i + n.len(),
            None => panic!("{n:?} not found (in order) after byte {at}"),
        }
    }
}

fn marks(value: &str, allowed: &[&str]) -> String {
    allowed
        .iter()
        .map(|v| format!("{}{v}", if *v == value { '■' } else { '□' }))
        .collect()
}

#[test]
fn sample_pdf_fonts_text_metadata_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sample.pdf");
    export(&sample(), &pdf);
    if !poppler() {
        return;
    }

    let fonts = tool(tools::PDFFONTS, &[pdf.to_str().unwrap()]);
    let row = fonts
        .lines()
        .find(|l| l.contains("IPAexGothic"))
        .expect(&fonts);
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert!(
        cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+',
        "subset tag: {row}"
    );
    assert_eq!(
        &cols[cols.len() - 5..cols.len() - 2],
        ["yes", "yes", "yes"],
        "emb sub uni: {row}"
    );
    assert_eq!(fonts.lines().count(), 3, "one font only: {fonts}");

    let meta = info(&pdf);
    assert!(
        meta.contains("Title:           サービス事業者による医療情報セキュリティ開示書"),
        "{meta}"
    );
    assert!(
        meta.contains("Author:          リモートメンテナンス株式会社 (仮称)"),
        "{meta}"
    );
    assert!(meta.contains("Subject:") && meta.contains("SDS"), "{meta}");
    assert!(meta.contains("CreationDate:"), "{meta}");
    assert!(
        meta.contains("Page size:       595.28 x 841.89"),
        "A4: {meta}"
    );
    assert_eq!(pages(&pdf), 1);

    let text = tool(tools::PDFTOTEXT, &["-raw", pdf.to_str().unwrap(), "-"]);
    let flat = squash(&text);
    let expected: Vec<(&str, &str, &str, &[&str])> = vec![
        (
            "1",
            "診療録及び診療諸記録の外部保存を受託するか?(8.3)",
            "非該当",
            &["該当", "非該当"],
        ),
        (
            "1.1",
            "保存場所が「病院、診療所、医療法人等が適切に管理する場所」の場合、安全管理ガイドラインで示された選定基準と情報の取扱い要件を満たすか?(8.3.C1(1)～(5))",
            "対象外",
            &["はい", "いいえ", "対象外"],
        ),
        (
            "1.2",
            "保存場所が「医療機関等が外部の事業者との契約に基づいて確保した安全な場所」の場合、安全管理ガイドラインで示された選定基準と情報の取扱い要件を満たすか?(8.3.C2(1)～(9))",
            "対象外",
            &["はい", "いいえ", "対象外"],
        ),
        (
            "2",
            "扱う情報のリストを医療機関等に提示できるか?(6.2.C1)",
            "はい",
            &["はい", "いいえ", "対象外"],
        ),
        (
            "3",
            "医療情報システムを運用する際に、医療情報システム安全管理責任者を設置しているか?(6.3.C1)",
            "はい",
            &["はい", "いいえ", "対象外"],
        ),
    ];
    let mut needles = Vec::new();
    for (number, qtext, value, allowed) in expected {
        needles.push(format!("{number}{}", squash(qtext)));
        needles.push(marks(value, allowed));
    }
    in_order(&flat, &needles);
    assert!(flat.contains("IP-VPN"), "remarks are in the text layer");
    assert!(flat.contains("2023年10月4日") && flat.contains("1/1"));
    assert!(flat.contains("記入例"), "illustrative sample is marked");

    let fp = String::from_utf8(
        kaijisho()
            .arg("fingerprint")
            .arg(sample())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    let fp = fp.trim();
    assert!(fp.starts_with("sha256:") && fp.len() == 7 + 64, "{fp}");
    assert!(
        flat.contains(&format!("(SHA-256):{fp}")),
        "full fingerprint printed"
    );
    assert!(meta.contains(fp), "fingerprint in metadata");
}

/// A project-authored catalogue for size and pagination tests (not shipped, not official).
fn big_catalogue(n: usize) -> Catalogue {
    let phrase = "医療情報システムの利用者ごとに識別と認証を行い、操作の記録を残し、定期的に確認する仕組みがあるか";
    let mut sections = Vec::new();
    let mut made = 0;
    let mut s = 0;
    while made < n {
        s += 1;
        let mut questions = Vec::new();
        for i in 1..=10 {
            if made == n {
                break;
            }
            made += 1;
            let id = format!("q{s}.{i}");
            let answer = match i {
                1 => AnswerKind::Gate,
                5 => AnswerKind::Options(
                    [
                        "記憶ID(パスワード等)",
                        "生体認証(顔認証)",
                        "暗号鍵 (ICカード等)",
                    ]
                    .iter()
                    .enumerate()
                    .map(|(k, l)| QOption {
                        id: format!("o{k}"),
                        label: l.to_string(),
                    })
                    .collect(),
                ),
                _ => AnswerKind::YesNoNa,
            };
            let gate = (i == 2 || i == 3).then(|| Gate {
                question: format!("q{s}.1"),
                value: AnswerValue::Applies,
            });
            questions.push(Question {
                id,
                number: format!("{s}. {i}."),
                text: format!(
                    "{}か?",
                    phrase.chars().take(16 + 16 * (i % 3)).collect::<String>()
                ),
                refs: Some(RefGroup::parse(&format!("(6.{}.C{i})", s % 12 + 1))),
                answer,
                gate,
                note: None,
                scope: Scope::Both,
            });
        }
        sections.push(Section {
            title: format!("第{s}節 技術的安全対策の確認"),
            refs: Some(RefGroup::parse(&format!("(6.{})", s % 12 + 1))),
            questions,
        });
    }
    Catalogue::new(
        "test-300".into(),
        "試験用 300 問".into(),
        Kind::Mds,
        "試験".into(),
        "5.2".into(),
        Provenance {
            kind: ProvenanceKind::ProjectAuthored,
            source: "test".into(),
            file_name: None,
            file_sha256: None,
            note: None,
        },
        sections,
    )
}

#[test]
fn three_hundred_questions_stay_under_a_megabyte_and_keep_rows_together() {
    let c = big_catalogue(300);
    assert!(c.check().is_empty(), "{:?}", c.check());
    let mut p = Project::new(
        &c,
        Header {
            created: "2026年11月22日".into(),
            vendor: "大規模試験株式会社".into(),
            product: "統合医療情報システム".into(),
            version: "10.0".into(),
            contact: None,
        },
        true,
    );
    let remark = "保守要員のアカウントは個人単位に設定し、ID/パスワード認証でログインする。接続は都度接続 (IP-VPN) とし、作業後にアクセスログを医療機関へ提出する。「」、。も含む長い備考で改行位置を確かめる。";
    let ids: Vec<String> = c.questions().map(|q| q.id.clone()).collect();
    for (k, id) in ids.iter().enumerate() {
        let q = c.question(id).unwrap();
        match &q.answer {
            AnswerKind::Gate => {
                let v = if k % 20 == 0 {
                    AnswerValue::DoesNotApply
                } else {
                    AnswerValue::Applies
                };
                p.set_answer(&c, id, None, v, Some(remark.into())).unwrap();
            }
            AnswerKind::Options(o) => {
                for opt in o {
                    p.set_answer(&c, id, Some(&opt.id), AnswerValue::Yes, Some(remark.into()))
                        .unwrap();
                }
            }
            AnswerKind::YesNoNa => {
                let v = [
                    AnswerValue::Yes,
                    AnswerValue::No,
                    AnswerValue::NotApplicable,
                ][k % 3];
                p.set_answer(&c, id, None, v, Some(format!("{remark}{k}")))
                    .unwrap();
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("big.json");
    save_project(&json, &p).unwrap();
    let pdf = dir.path().join("big.pdf");
    export(&json, &pdf);

    let size = fs::metadata(&pdf).unwrap().len();
    if !poppler() {
        return;
    }
    let n = pages(&pdf);
    eprintln!("300-question statement: {size} bytes, {n} pages");
    if let Some(keep) = std::env::var_os("KAIJISHO_KEEP_PDF") {
        fs::copy(&pdf, keep).unwrap();
    }
    assert!(size < 1_000_000, "{size} bytes");
    assert!(n > 10, "{n} pages");

    // Every question number and text appear in catalogue order.
    let text = tool(tools::PDFTOTEXT, &["-raw", pdf.to_str().unwrap(), "-"]);
    let flat = squash(&text);
    let needles: Vec<String> = c
        .questions()
        .map(|q| {
            format!(
                "{}{}",
                q.number_key(),
                squash(&kaijisho::domain::text::for_display(&q.full_text()))
            )
        })
        .collect();
    in_order(&flat, &needles);
    assert!(
        flat.contains(&format!("{n}/{n}")),
        "footer n / N on the last page"
    );

    // On every page, each question row that starts there has its answer marks on that page.
    for page in 1..=n {
        let pt = tool(
            tools::PDFTOTEXT,
            &[
                "-raw",
                "-f",
                &page.to_string(),
                "-l",
                &page.to_string(),
                pdf.to_str().unwrap(),
                "-",
            ],
        );
        let lines: Vec<&str> = pt.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let first = l.split_whitespace().next().unwrap_or("");
            let is_number =
                c.questions().any(|q| q.number_key() == first) && l.len() > first.len() + 3;
            if is_number {
                assert!(
                    lines[i..]
                        .iter()
                        .any(|m| m.starts_with('■') || m.starts_with('□')),
                    "page {page}: question {first} without its answer on the same page"
                );
            }
        }
        for l in &lines {
            let first = l.chars().next();
            assert!(
                !matches!(first, Some('、' | '。' | '」' | '）')),
                "page {page}: line starts with closing punctuation: {l}"
            );
        }
    }
}

#[test]
fn export_errors_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    kaijisho()
        .arg("export")
        .arg(sample())
        .arg("--pdf")
        .arg(dir.path().join("no/such/folder/x.pdf"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("the folder does not exist"));
    kaijisho()
        .arg("fingerprint")
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("file not found"));
}

/// A missing tool skips a check and says so, or fails it where the tools are required (CI).
#[test]
fn a_missing_tool_is_said_or_fails_when_required() {
    let test = "pdf::a_check";
    assert_eq!(tools::decide(test, &[], true), Ok(None));
    let skipped = tools::decide(test, &[tools::PDFFONTS], false)
        .unwrap()
        .unwrap();
    assert!(
        skipped.starts_with("SKIPPED pdf::a_check: pdffonts (poppler-utils)"),
        "{skipped}"
    );
    let failed = tools::decide(test, &[tools::SOFFICE, tools::PDFTOTEXT], true).unwrap_err();
    assert!(
        failed.contains("soffice (libreoffice-calc-nogui), pdftotext (poppler-utils)")
            && failed.contains("KAIJISHO_REQUIRE_TOOLS=1"),
        "{failed}"
    );
}

#[test]
fn a_character_outside_the_font_is_said_with_its_page_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // The sample prints with no word on stderr.
    let plain = dir.path().join("plain.pdf");
    kaijisho()
        .arg("export")
        .arg(sample())
        .arg("--pdf")
        .arg(&plain)
        .assert()
        .success()
        .stderr("");
    // A remark with an emoji, which IPAexGothic has no glyph for.
    let mut p = kaijisho::io::json::load_project(&sample()).unwrap();
    let (_, answer) = p.answers.iter_mut().next().unwrap();
    answer.remark = "遠隔保守のみ 🙂".into();
    let project = dir.path().join("emoji.json");
    save_project(&project, &p).unwrap();
    let pdf = dir.path().join("emoji.pdf");
    let out = kaijisho()
        .arg("export")
        .arg(&project)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("emoji.pdf")
            && stderr.contains("U+1F642")
            && stderr.contains("page ")
            && stderr.contains("遠隔保守のみ 🙂"),
        "{stderr}"
    );
    assert!(pdf.exists(), "the PDF is written all the same");
}

/// Remarks print in full up to the PDF's budget of characters; past it, the rest of a remark is
/// left out with a line on the page and a note that names the question — and the text that is
/// printed can be searched (each glyph's character is in the ToUnicode map).
#[test]
fn remarks_past_the_print_budget_are_cut_with_a_line_and_a_note() {
    use kaijisho::io::pdf::MAX_PRINTED_REMARK_CHARS;
    let dir = tempfile::tempdir().unwrap();
    let shipped = kaijisho::assets::shipped_catalogues().unwrap();
    let (mut p, c) = kaijisho::io::json::open_project(&sample(), &shipped).unwrap();
    // Only two remarks, in print order: the budget's end falls five characters into the second.
    for a in p.answers.values_mut() {
        a.remark.clear();
        for o in a.options.values_mut() {
            o.remark.clear();
        }
    }
    let keys: Vec<String> = c
        .questions()
        .filter(|q| q.answer.options().is_empty())
        .map(|q| q.id.clone())
        .collect();
    let (first, second) = (keys[0].clone(), keys[1].clone());
    p.answers.get_mut(&first).unwrap().remark = "監".repeat(MAX_PRINTED_REMARK_CHARS - 5);
    p.answers.get_mut(&second).unwrap().remark = "査記録を保存している".into();
    let project = dir.path().join("long.json");
    save_project(&project, &p).unwrap();
    let pdf = dir.path().join("long.pdf");
    let out = kaijisho()
        .args(["--lang", "ja", "export"])
        .arg(&project)
        .arg("--pdf")
        .arg(&pdf)
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("long.pdf") && stderr.contains("最後の 5 文字を PDF に印刷していません"),
        "{stderr}"
    );
    if !poppler() {
        return;
    }
    let text = squash(&tool(tools::PDFTOTEXT, &[pdf.to_str().unwrap(), "-"]));
    assert!(
        text.contains("備考:査記録を保"),
        "the part that fits is printed"
    );
    assert!(!text.contains("査記録を保存"), "the rest is not");
    assert!(text.contains("この備考の残り5文字は印刷していません"));
}

/// A class of 30 generated participants checked at once through the CLI: the exit code says
/// who is below the pass mark, the workbook has a sheet per participant, and the PDF keeps each
/// question's lines (the question, the class's answers, who differs) on one page.
#[test]
fn a_class_of_thirty_prints_whole_rows_and_names_who_is_below_the_pass_mark() {
    if !poppler() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cat = common::synthetic::catalogue();
    let model = common::synthetic::answered_project(&cat);
    let model_file = dir.path().join("model.json");
    save_project(&model_file, &model).unwrap();
    let mut files = Vec::new();
    for (i, p) in common::synthetic::class(&cat, &model, 30)
        .iter()
        .enumerate()
    {
        let f = dir.path().join(format!("p{i:02}.json"));
        save_project(&f, p).unwrap();
        files.push(f);
    }
    let pdf = dir.path().join("class.pdf");
    let xlsx = dir.path().join("class.xlsx");
    let out = kaijisho()
        .args(["--lang", "ja", "exercise", "check"])
        .arg(&model_file)
        .args(&files)
        .arg("--pdf")
        .arg(&pdf)
        .arg("--xlsx")
        .arg(&xlsx)
        .args(["--pass", "95"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("参加者 30 名"), "{stdout}");
    assert!(
        stdout.contains("95% に届かなかった参加者: 受講者0"),
        "{stdout}"
    );
    // Nobody is 100%: every one of them differs somewhere.
    assert!(!stdout.contains("(100%)"), "{stdout}");
    use calamine::Reader;
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names().len(), 32, "{:?}", wb.sheet_names());
    let text = tool(tools::PDFTOTEXT, &["-layout", pdf.to_str().unwrap(), "-"]);
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert!(pages.len() > 20, "{} pages", pages.len());
    // Each participant's sheet starts a page of its own (to hand out).
    let firsts: Vec<&str> = pages
        .iter()
        .map(|p| p.lines().map(str::trim).find(|l| !l.is_empty()).unwrap())
        .collect();
    for i in [0, 3, 29] {
        let heading = format!("受講者{i} さんの答え合わせ");
        assert!(firsts.contains(&heading.as_str()), "{heading}");
    }
    // A page never starts with the details of a question whose line is on the page before.
    for (n, page) in pages.iter().enumerate().skip(1) {
        let first = page.lines().map(str::trim).find(|l| !l.is_empty()).unwrap();
        for detail in [
            "模範解答:",
            "模範解答と違う:",
            "未回答:",
            "備考のない",
            "参加者の回答:",
        ] {
            assert!(
                !first.starts_with(detail),
                "page {} starts with a detail: {first}",
                n + 1
            );
        }
    }
}

/// An answer's 確認日 and 目標日, set with `answer --checked-on --due-on`, print under its
/// remark; one that is no date is a warning of `validate`; an empty one clears it.
#[test]
fn answer_dates_set_from_the_cli_print_under_the_remark() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("dates.json");
    fs::copy(sample(), &project).unwrap();
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&project)
        .args(["2", "いいえ", "--remark", "次期版で対応"])
        .args(["--checked-on", "2026/4/1", "--due-on", "令和8年9月30日"])
        .assert()
        .success();
    let json = common::cli::read_json(&project);
    let answers = json["answers"].as_object().unwrap();
    let dated: Vec<_> = answers
        .values()
        .filter(|a| a.get("checked_on").is_some())
        .collect();
    assert_eq!(dated.len(), 1, "{answers:?}");
    assert_eq!(dated[0]["due_on"], "令和8年9月30日");
    if poppler() {
        let pdf = dir.path().join("dates.pdf");
        export(&project, &pdf);
        let text = tool(tools::PDFTOTEXT, &[pdf.to_str().unwrap(), "-"]);
        in_order(
            &squash(&text),
            &[
                "備考:次期版で対応".to_string(),
                "確認日:2026/4/1".to_string(),
                "目標日:令和8年9月30日".to_string(),
            ],
        );
    }
    // No date: said by validate; an empty value clears it.
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&project)
        .args(["2", "いいえ", "--due-on", "来年度"])
        .assert()
        .success();
    let out = kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&project)
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("目標日「来年度」を日付として読めません"),
        "{said}"
    );
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&project)
        .args(["2", "いいえ", "--checked-on", "", "--due-on", ""])
        .assert()
        .success();
    let json = common::cli::read_json(&project);
    assert!(
        json["answers"]
            .as_object()
            .unwrap()
            .values()
            .all(|a| a.get("checked_on").is_none() && a.get("due_on").is_none())
    );
}

/// A confirmation checklist imported from its workbook prints as itself: its own title, the
/// vendor and system labels of such lists, its dates, and no MDS/SDS edition line or JAHIS/JIRA
/// disclaimer.
#[test]
fn a_confirmation_checklist_prints_with_its_own_title_and_no_disclosure_wording() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("確認用.xlsx");
    fs::write(&xlsx, common::layouts::confirmation_dates()).unwrap();
    let project = dir.path().join("確認用.json");
    kaijisho()
        .arg("import")
        .arg(&xlsx)
        .arg("-o")
        .arg(&project)
        .assert()
        .success();
    let json = common::cli::read_json(&project);
    assert_eq!(json["catalogue"]["embedded"]["kind"], "checklist", "{json}");
    if !poppler() {
        return;
    }
    let pdf = dir.path().join("確認用.pdf");
    export(&project, &pdf);
    let text = squash(&tool(tools::PDFTOTEXT, &[pdf.to_str().unwrap(), "-"]));
    in_order(
        &text,
        &[
            "確認用チェックリスト(試験用の文言)".to_string(),
            "事業者名".to_string(),
            "システム名".to_string(),
            "委託先との責任分界を文書にしている".to_string(),
            "目標日:2026年9月30日".to_string(),
        ],
    );
    assert!(!text.contains("JAHIS"), "{text}");
    assert!(!text.contains("ガイドライン第"), "{text}");
}

/// A condition set from the CLI (`answer --condition`) is in the dump and printed at the head
/// of the remark; one left on a question made unanswered is a finding.
#[test]
fn a_condition_set_from_the_cli_is_dumped_and_printed_before_the_remark() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("cond.json");
    fs::copy(sample(), &project).unwrap();
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&project)
        .args(["2", "はい", "--remark", "元の備考"])
        .args(["--condition", "オプション契約時"])
        .assert()
        .success();
    let dump = kaijisho().arg("dump").arg(&project).output().unwrap();
    let dump: serde_json::Value = serde_json::from_slice(&dump.stdout).unwrap();
    let q2 = dump["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["number"] == "2")
        .unwrap();
    assert_eq!(q2["condition"], "オプション契約時");
    assert_eq!(q2["remark"], "元の備考");
    if poppler() {
        let pdf = dir.path().join("cond.pdf");
        export(&project, &pdf);
        let text = tool(tools::PDFTOTEXT, &[pdf.to_str().unwrap(), "-"]);
        assert!(
            squash(&text).contains("備考:〔条件〕オプション契約時。元の備考"),
            "{text}"
        );
    }
    // Unanswered with a condition: a finding.
    kaijisho()
        .args(["--lang", "ja", "answer"])
        .arg(&project)
        .args(["2", "未回答"])
        .assert()
        .success();
    let out = kaijisho()
        .args(["--lang", "ja", "validate"])
        .arg(&project)
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains("条件「オプション契約時」がありますが、回答がありません"),
        "{said}"
    );
}
