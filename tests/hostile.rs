//! A table of crafted inputs, generated here (no big files are stored): each one, run through
//! the command line as a user would, ends in under 2 s and under 300 MB of memory on the
//! project's 2-core machine — with its result, or with a clear error naming the file.
//! Time and peak memory are measured per process (`wait4`'s resource usage), so one case
//! cannot hide behind another. The time held to the limit is the process's CPU time (user +
//! system): the same on a busy machine as on an idle one, where wall time is not — CI and
//! other builds share these 2 cores. Wall time is printed beside it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![cfg(target_os = "linux")]

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kaijisho::domain::answer::AnswerValue;
use kaijisho::domain::catalogue::{AnswerKind, Catalogue, Gate};
use kaijisho::io::json::{save_catalogue, save_project};

mod common {
    pub mod cli;
    pub mod synthetic;
}
use common::synthetic;

const MAX_TIME: Duration = Duration::from_secs(2);
const MAX_RSS_KB: i64 = 300 * 1024;

#[repr(C)]
struct Rusage {
    utime: [i64; 2],
    stime: [i64; 2],
    maxrss: i64,
    rest: [i64; 13],
}

unsafe extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
    fn kill(pid: i32, sig: i32) -> i32;
    fn mkfifo(path: *const std::ffi::c_char, mode: u32) -> i32;
}

/// A case still running after this long hangs: it is killed, and fails.
const HANG: Duration = Duration::from_secs(20);

/// Makes a named pipe at `path`.
fn fifo(path: &Path) -> PathBuf {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(
        unsafe { mkfifo(name.as_ptr(), 0o600) },
        0,
        "mkfifo {path:?}"
    );
    path.to_path_buf()
}

/// What a case's standard input is.
enum Input {
    Nothing,
    /// Redirected from this file (`< file`).
    File(PathBuf),
    /// A pipe carrying these bytes (`cat file |`).
    Pipe(Vec<u8>),
}

/// What a case must end with.
enum Expect {
    Success,
    /// Exit 2 with this in the message (which must also name the file).
    Error(&'static str),
    /// Exit 0 or 1 (a comparison that finds differences).
    Finished,
}

struct Case {
    name: &'static str,
    args: Vec<OsString>,
    file: PathBuf,
    expect: Expect,
    stdin: Input,
}

fn case(
    name: &'static str,
    args: &[&dyn AsRef<std::ffi::OsStr>],
    file: &Path,
    expect: Expect,
) -> Case {
    Case {
        name,
        args: args.iter().map(|a| a.as_ref().to_os_string()).collect(),
        file: file.to_path_buf(),
        expect,
        stdin: Input::Nothing,
    }
}

/// Runs one case: its exit code, stderr, CPU time, wall time and peak memory (kB).
// The child is reaped by `wait4` (for its resource usage), which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run(c: &Case) -> (i32, String, Duration, Duration, i64) {
    let bin = common::cli::bin();
    let start = Instant::now();
    let stdin = match &c.stdin {
        Input::Nothing => Stdio::null(),
        Input::File(path) => Stdio::from(std::fs::File::open(path).unwrap()),
        Input::Pipe(_) => Stdio::piped(),
    };
    let mut child = Command::new(bin)
        .args(&c.args)
        .env("KAIJISHO_LANG", "en")
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id() as i32;
    if let (Input::Pipe(bytes), Some(mut pipe)) = (&c.stdin, child.stdin.take()) {
        let bytes = bytes.clone();
        // The command may not read it all: a broken pipe is its answer, not a failure.
        std::thread::spawn(move || pipe.write_all(&bytes).is_ok());
    }
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let hung = finished.recv_timeout(HANG).is_err();
        if hung {
            // SAFETY: `pid` is our child, not reaped until after the watchdog is told.
            unsafe { kill(pid, 9) };
        }
        hung
    });
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).unwrap();
        s
    });
    let mut status = 0i32;
    let mut usage = Rusage {
        utime: [0; 2],
        stime: [0; 2],
        maxrss: 0,
        rest: [0; 13],
    };
    // SAFETY: `pid` is our child, not yet waited for; `status` and `usage` are valid for writes.
    let got = unsafe { wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "{}: wait4 failed", c.name);
    done.send(()).unwrap_or_default();
    let hung = watchdog.join().unwrap();
    let wall = start.elapsed();
    let tv = |t: [i64; 2]| Duration::from_micros((t[0] * 1_000_000 + t[1]).max(0) as u64);
    let cpu = tv(usage.utime) + tv(usage.stime);
    let mut err = reader.join().unwrap();
    if hung {
        err.insert_str(0, &format!("hung: killed after {} s. ", HANG.as_secs()));
    }
    // Exited normally: the code; killed: 128 + signal.
    let code = if status & 0x7f == 0 {
        (status >> 8) & 0xff
    } else {
        128 + (status & 0x7f)
    };
    (code, err, cpu, wall, usage.maxrss)
}

fn zip(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        z.start_file(*name, opts).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A minimal workbook: `sheets` entries in workbook.xml (all pointing at the one sheet part),
/// the given shared strings part and sheet XML.
fn workbook(sheets: usize, shared: &str, sheet: &str) -> Vec<u8> {
    let entries: String = (1..=sheets)
        .map(|i| format!(r#"<sheet name="S{i}" sheetId="{i}" r:id="rId1"/>"#))
        .collect();
    zip(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#.to_vec(),
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_vec(),
        ),
        (
            "xl/workbook.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{entries}</sheets></workbook>"#).into_bytes(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.to_vec(),
        ),
        ("xl/sharedStrings.xml", shared.as_bytes().to_vec()),
        (
            "xl/worksheets/sheet1.xml",
            format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>"#).into_bytes(),
        ),
    ])
}

const SST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;

/// Question-like rows (number, text, はい) that the importer reads, `n` of them.
fn question_rows(n: usize) -> String {
    (1..=n)
        .map(|i| {
            format!(
                r#"<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>{i}</t></is></c><c r="B{i}" t="inlineStr"><is><t>生成された設問 {i} を定めているか?</t></is></c><c r="C{i}" t="inlineStr"><is><t>はい</t></is></c></row>"#
            )
        })
        .collect()
}

/// `n` gate questions answered 該当, each with one question under it (`i`, `i.1`).
fn gate_rows(n: usize) -> String {
    (1..=n)
        .map(|i| {
            let (g, q) = (2 * i - 1, 2 * i);
            format!(
                r#"<row r="{g}"><c r="A{g}" t="inlineStr"><is><t>{i}</t></is></c><c r="B{g}" t="inlineStr"><is><t>生成された前提設問 {i} に該当するか?</t></is></c><c r="C{g}" t="inlineStr"><is><t>該当</t></is></c></row><row r="{q}"><c r="A{q}" t="inlineStr"><is><t>{i}.1</t></is></c><c r="B{q}" t="inlineStr"><is><t>生成された設問 {i}.1 を定めているか?</t></is></c><c r="C{q}" t="inlineStr"><is><t>はい</t></is></c></row>"#
            )
        })
        .collect()
}

/// A catalogue of `n` questions where each one is a gate gated on the one before (a chain).
fn gate_chain(n: usize) -> Catalogue {
    let mut c = synthetic::catalogue_of(n.div_ceil(10));
    let mut prev: Option<String> = None;
    for s in &mut c.sections {
        for q in &mut s.questions {
            q.answer = AnswerKind::Gate;
            q.gate = prev.take().map(|g| Gate {
                question: g,
                value: AnswerValue::Applies,
            });
            prev = Some(q.id.clone());
        }
    }
    c.id = "generated-gate-chain".into();
    c.reindex();
    c
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(path, bytes).unwrap();
    path.to_path_buf()
}

/// Writes every crafted input into `dir` (run in a process of its own, see below).
fn write_inputs(d: &Path) {
    let out = |name: &str| d.join(name);
    // Workbooks.
    write(
        &out("unique-count.xlsx"),
        &workbook(
            1,
            &format!(r#"{SST} count="1" uniqueCount="999999999999999999"><si><t>x</t></si></sst>"#),
            &question_rows(3),
        ),
    );
    let big = "長".repeat(4 * 1024 * 1024 / 3);
    let cells: String = (1..=300)
        .map(|i| format!(r#"<row r="{i}"><c r="B{i}" t="s"><v>0</v></c></row>"#))
        .collect();
    write(
        &out("one-big-string.xlsx"),
        &workbook(
            1,
            &format!(r#"{SST} count="300" uniqueCount="1"><si><t>{big}</t></si></sst>"#),
            &cells,
        ),
    );
    // 70 MB of shared strings (compressed to next to nothing): refused before it is held.
    let huge = "A".repeat(70 * 1024 * 1024);
    write(
        &out("70mb-strings.xlsx"),
        &workbook(
            1,
            &format!(r#"{SST} count="1" uniqueCount="1"><si><t>{huge}</t></si></sst>"#),
            &question_rows(3),
        ),
    );
    drop(huge);
    write(
        &out("many-sheets.xlsx"),
        &workbook(
            5_000,
            &format!(r#"{SST} count="0" uniqueCount="0"></sst>"#),
            &question_rows(2_000),
        ),
    );
    // The zip writer refuses a name twice: write a same-length stand-in, then rename it in place.
    let mut dup = unzip_parts(&workbook(
        1,
        &format!(r#"{SST} count="0" uniqueCount="0"></sst>"#),
        &question_rows(3),
    ));
    dup.push(("xl/workbook.xmz".into(), dup[2].1.clone()));
    let mut bytes = zip(&dup
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect::<Vec<_>>());
    let (from, to) = (b"xl/workbook.xmz", b"xl/workbook.xml");
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(from.len()).position(|w| w == from) {
        bytes[i + at..i + at + from.len()].copy_from_slice(to);
        i += at + from.len();
    }
    write(&out("duplicate-part.xlsx"), &bytes);

    write(
        &out("10k-gates.xlsx"),
        &workbook(
            1,
            &format!(r#"{SST} count="0" uniqueCount="0"></sst>"#),
            &gate_rows(9_995),
        ),
    );
    // Catalogues and statements.
    save_project(
        &out("gate-chain.json"),
        &synthetic::answered_project(&gate_chain(30_000)),
    )
    .unwrap();
    save_project(
        &out("3000-gates.json"),
        &synthetic::answered_project(&synthetic::catalogue_of(3_000)),
    )
    .unwrap();
    let mut bad = synthetic::catalogue_of(9_999);
    if let Some(q) = bad.sections.last_mut().and_then(|s| s.questions.last_mut()) {
        q.gate = Some(Gate {
            question: "no-such-question".into(),
            value: AnswerValue::Applies,
        });
    }
    bad.reindex();
    save_catalogue(&out("bad-gate-100k.json"), &bad).unwrap();
    let old_c = synthetic::catalogue_of(300);
    let new_c = synthetic::next_edition(&old_c);
    save_project(&out("3000-a.json"), &synthetic::answered_project(&old_c)).unwrap();
    save_project(&out("3000-b.json"), &synthetic::answered_project(&new_c)).unwrap();
    save_catalogue(&out("3000-next-catalogue.json"), &new_c).unwrap();
    let mut long = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    if let Some(a) = long.answers.values_mut().next() {
        a.remark = "A".repeat(1_000_000);
    }
    save_project(&out("long-word.json"), &long).unwrap();
    if let Some(a) = long.answers.values_mut().next() {
        a.remark = "内部監査の記録を保存している。".repeat(8_000_000 / 15);
    }
    save_project(&out("8m-remark.json"), &long).unwrap();
    // 21,000 questions (and their options) need more rows than the importer reads.
    let huge = synthetic::catalogue_of(2_100);
    let header = kaijisho::domain::Header::default();
    save_project(
        &out("21k.json"),
        &kaijisho::domain::Project::new(&huge, header, true),
    )
    .unwrap();
    // Files that are not files: made in place by the test (pipes, links to devices), beside a
    // valid statement and profile they stand in for.
    let sample = kaijisho::assets::sample_project("sds-remote-service-sample").unwrap();
    save_project(&out("valid.json"), &sample).unwrap();
    save_project(&out("locked.json"), &sample).unwrap();
    kaijisho::io::hospital::save_profile(
        &out("profile.json"),
        &kaijisho::domain::profile::Profile::default_profile("病院"),
    )
    .unwrap();
    // More questions than a catalogue may have (its statement would be larger than kaijisho
    // reads back).
    write(&out("250k-questions.json"), &short_questions(250_000));
    // About 60 MB: 44,000 questions answered with long remarks.
    save_project(
        &out("60mb.json"),
        &synthetic::answered_project(&synthetic::catalogue_of(4_400)),
    )
    .unwrap();
}

/// Not a test of its own: writes the inputs when `crafted_inputs_…` runs it in a separate
/// process, so that the generator's memory does not count against the measured commands
/// (a child inherits its parent's peak memory figure on Linux).
#[test]
#[ignore = "run by crafted_inputs_end_quickly_with_bounded_memory"]
fn write_crafted_inputs() {
    let dir = std::env::var_os("KAIJISHO_HOSTILE_DIR").expect("KAIJISHO_HOSTILE_DIR");
    write_inputs(Path::new(&dir));
}

#[test]
fn crafted_inputs_end_quickly_with_bounded_memory() {
    let dir = inputs_written_by("write_crafted_inputs");
    let d = dir.path();
    let f = |name: &str| d.join(name);
    fifo(&f("pipe.json"));
    fifo(&f("pipe.xlsx"));
    fifo(&f(".locked.json.lock"));
    std::os::unix::fs::symlink("/dev/zero", f("zero.json")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", f("zero.xlsx")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", f("zero-profile.json")).unwrap();
    let valid = std::fs::read(f("valid.json")).unwrap();
    let stdin = Path::new("/dev/stdin");
    let mut cases = vec![
        case(
            "sharedStrings declaring 10^18 strings",
            &[&"import", &f("unique-count.xlsx")],
            &f("unique-count.xlsx"),
            Expect::Error("declares"),
        ),
        case(
            "one 4 MB shared string in 300 cells",
            &[&"import", &f("one-big-string.xlsx")],
            &f("one-big-string.xlsx"),
            Expect::Error("32767"),
        ),
        case(
            "a 70 MB shared strings part",
            &[&"import", &f("70mb-strings.xlsx")],
            &f("70mb-strings.xlsx"),
            Expect::Error("more than the 67108864 read"),
        ),
        case(
            "5,000 sheet entries pointing at one part",
            &[&"import", &f("many-sheets.xlsx")],
            &f("many-sheets.xlsx"),
            Expect::Error("sheets"),
        ),
        case(
            "a part twice in the archive",
            &[&"import", &f("duplicate-part.xlsx")],
            &f("duplicate-part.xlsx"),
            Expect::Error("appears twice"),
        ),
        case(
            "a workbook of 9,995 gates, each with a question under it",
            &[&"import", &f("10k-gates.xlsx"), &"-o", &f("10k-gates.json")],
            &f("10k-gates.xlsx"),
            Expect::Success,
        ),
        case(
            "30,000 questions, each gated on the one before",
            &[&"validate", &f("gate-chain.json")],
            &f("gate-chain.json"),
            Expect::Error("gates"),
        ),
        case(
            "30,000 questions under 3,000 gates",
            &[&"validate", &f("3000-gates.json")],
            &f("3000-gates.json"),
            Expect::Finished,
        ),
        case(
            "100,000 questions, one bad gate",
            &[
                &"new",
                &"--catalogue",
                &f("bad-gate-100k.json"),
                &"-o",
                &f("from-bad.json"),
            ],
            &f("bad-gate-100k.json"),
            Expect::Error("no-such-question"),
        ),
        case(
            "compare two 3,000-question statements",
            &[&"compare", &f("3000-a.json"), &f("3000-b.json")],
            &f("3000-a.json"),
            Expect::Finished,
        ),
        case(
            "carry 3,000 questions to a renumbered edition",
            &[
                &"carry",
                &f("3000-a.json"),
                &"--catalogue",
                &f("3000-next-catalogue.json"),
                &"-o",
                &f("carried.json"),
            ],
            &f("3000-a.json"),
            Expect::Success,
        ),
        case(
            "a remark of one unbroken 1 MB word to PDF",
            &[
                &"export",
                &f("long-word.json"),
                &"--pdf",
                &f("long-word.pdf"),
            ],
            &f("long-word.json"),
            Expect::Success,
        ),
        case(
            "an 8 M-character remark to PDF",
            &[
                &"export",
                &f("8m-remark.json"),
                &"--pdf",
                &f("8m-remark.pdf"),
            ],
            &f("8m-remark.json"),
            Expect::Success,
        ),
        case(
            "a 21,000-question statement to a workbook",
            &[&"export", &f("21k.json"), &"--xlsx", &f("21k.xlsx")],
            &f("21k.xlsx"),
            Expect::Error("rows"),
        ),
        case(
            "validate a 60 MB statement",
            &[&"validate", &f("60mb.json")],
            &f("60mb.json"),
            Expect::Finished,
        ),
    ];
    cases.extend(not_files(&f, stdin, valid));
    assert_within_limits(&cases);
    // The gates were read as gates, each question under its own.
    let gates = std::fs::read_to_string(f("10k-gates.json")).unwrap();
    assert_eq!(gates.matches("\"answer\": \"gate\"").count(), 9_995);
    assert_eq!(gates.matches("\"gate\": {").count(), 9_995);
}

/// A temporary folder with the inputs the ignored test `writer` writes, run in a process of
/// its own (see `write_crafted_inputs`).
fn inputs_written_by(writer: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wrote = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", writer, "--test-threads=1"])
        .env("KAIJISHO_HOSTILE_DIR", dir.path())
        .output()
        .unwrap();
    assert!(wrote.status.success(), "{wrote:?}");
    dir
}

/// Runs every case, prints its line, and fails naming each case that ended otherwise than
/// expected or over its limits.
fn assert_within_limits(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let (code, err, time, wall, rss) = run(c);
        let file = c.file.file_name().unwrap().to_string_lossy().into_owned();
        let verdict = match c.expect {
            Expect::Success => code == 0,
            Expect::Finished => code == 0 || code == 1,
            Expect::Error(says) => code == 2 && err.contains(says) && err.contains(&file),
        };
        let line = format!(
            "{:<50} exit {code}, {:>5} ms CPU ({:>5} ms wall), {:>4} MB: {}",
            c.name,
            time.as_millis(),
            wall.as_millis(),
            rss / 1024,
            err.lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(160)
                .collect::<String>()
        );
        println!("{line}");
        if !verdict
            || time > MAX_TIME
            || rss > MAX_RSS_KB
            || err.contains("panicked")
            || err.len() > 4096
            // A message for people: no Rust type paths, no debug structures.
            || err.contains("::")
            || err.contains('{')
        {
            failures.push(line);
        }
    }
    assert!(
        failures.is_empty(),
        "cases over their limits:\n{}",
        failures.join("\n")
    );
}

/// A catalogue of `n` questions as short as a question can be (compact JSON, within the size
/// kaijisho reads).
fn short_questions(n: usize) -> Vec<u8> {
    let mut c = serde_json::to_value(synthetic::catalogue_of(1)).unwrap();
    let sections = c["sections"].as_array_mut().unwrap();
    let mut template = sections[0]["questions"][1].clone();
    let fields = template.as_object_mut().unwrap();
    fields.remove("refs");
    fields.remove("gate");
    let questions: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let mut q = template.clone();
            q["id"] = format!("q{i}").into();
            q["number"] = format!("{}.{}", i / 1000 + 1, i % 1000 + 1).into();
            q["text"] = "問".into();
            q
        })
        .collect();
    sections.truncate(1);
    sections[0]["questions"] = questions.into();
    serde_json::to_vec(&c).unwrap()
}

/// Pipes, devices, standard input and lock files that are not files: each refused by name, or
/// read as the file it is, never a hang or an endless read.
fn not_files(f: &dyn Fn(&str) -> PathBuf, stdin: &Path, valid: Vec<u8>) -> Vec<Case> {
    let not_a_file = Expect::Error("not a regular file");
    let mut cases = vec![
        case(
            "a statement that is a named pipe",
            &[&"validate", &f("pipe.json")],
            &f("pipe.json"),
            not_a_file,
        ),
        case(
            "a workbook that is a named pipe",
            &[&"import", &f("pipe.xlsx")],
            &f("pipe.xlsx"),
            Expect::Error("not a regular file"),
        ),
        case(
            "checking a statement that is a named pipe",
            &[&"check", &f("profile.json"), &f("pipe.json")],
            &f("pipe.json"),
            Expect::Error("not a regular file"),
        ),
        case(
            "a statement linked to /dev/zero",
            &[&"validate", &f("zero.json")],
            &f("zero.json"),
            Expect::Error("not a regular file"),
        ),
        case(
            "a workbook linked to /dev/zero",
            &[&"import", &f("zero.xlsx")],
            &f("zero.xlsx"),
            Expect::Error("not a regular file"),
        ),
        case(
            "a profile linked to /dev/zero",
            &[&"check", &f("zero-profile.json"), &f("valid.json")],
            &f("zero-profile.json"),
            Expect::Error("not a regular file"),
        ),
        case(
            "saving beside a lock file that is a named pipe",
            &[&"answer", &f("locked.json"), &"1", &"はい"],
            &f(".locked.json.lock"),
            Expect::Error("lock file is not a regular file"),
        ),
        case(
            "a catalogue of 250,000 questions",
            &[
                &"new",
                &"--catalogue",
                &f("250k-questions.json"),
                &"-o",
                &f("250k.json"),
            ],
            &f("250k-questions.json"),
            Expect::Error("questions"),
        ),
    ];
    // Standard input: a pipe is refused as one; a file redirected in is read as that file.
    let mut piped = case(
        "validate /dev/stdin from a pipe",
        &[&"validate", &stdin],
        stdin,
        Expect::Error("not a regular file"),
    );
    piped.stdin = Input::Pipe(valid);
    let mut redirected = case(
        "validate /dev/stdin from a file",
        &[&"validate", &stdin],
        stdin,
        Expect::Finished,
    );
    redirected.stdin = Input::File(f("valid.json"));
    cases.extend([piped, redirected]);
    cases
}

fn unzip_parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Profiles that mean what they say, names that cannot hide (issue 32, parts 2 and 3): rules
// that select book chapters as parsed citations, blank selectors, 10,000 rules against 20,000
// questions, and header names with invisible format characters. Each case runs the CLI as a
// user would.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/// A catalogue of one question per citation (`c1`, `c2`, … numbered 1, 2, …).
fn citing_catalogue(refs: &[&str]) -> Catalogue {
    let questions: Vec<serde_json::Value> = refs
        .iter()
        .enumerate()
        .map(|(i, r)| {
            serde_json::json!({
                "id": format!("c{}", i + 1), "number": (i + 1).to_string(),
                "text": format!("生成された設問 {} を定めているか?", i + 1),
                "ref": format!("({r})")
            })
        })
        .collect();
    serde_json::from_value(serde_json::json!({
        "format": "kaijisho-catalogue", "format_version": 1,
        "id": "generated-citations", "title": "生成された引用のカタログ(試験用)",
        "kind": "SDS", "form_version": "1", "guideline_edition": "6.0",
        "provenance": {"type": "project_authored", "source": "tests/hostile.rs (generated)"},
        "sections": [{"title": "生成された節", "questions": questions}]
    }))
    .unwrap()
}

/// A header whose required fields are filled, with this vendor and product.
fn named(vendor: &str, product: &str) -> kaijisho::domain::Header {
    kaijisho::domain::Header {
        created: "2026年11月22日".into(),
        vendor: vendor.into(),
        product: product.into(),
        version: "1.0".into(),
        ..kaijisho::domain::Header::default()
    }
}

/// A statement on `c` with every question answered いいえ (with a remark), saved to `path`.
fn all_no(path: &Path, c: &Catalogue, header: kaijisho::domain::Header) -> PathBuf {
    let mut p = kaijisho::domain::Project::new(c, header, true);
    for q in c.questions() {
        p.set_answer(c, &q.id, None, AnswerValue::No, Some("次版で対応".into()))
            .unwrap();
    }
    save_project(path, &p).unwrap();
    path.to_path_buf()
}

/// A profile file: はい or 対象外 required by default, and these rules.
fn profile_file(path: &Path, rules: serde_json::Value) -> PathBuf {
    let v = serde_json::json!({
        "format": "kaijisho-profile", "format_version": 1, "name": "生成された病院",
        "default": {"accept": ["はい", "対象外"], "weight": "必須"},
        "rules": rules
    });
    std::fs::write(path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    path.to_path_buf()
}

/// The CLI's exit code, stdout and stderr (in English).
fn cli(args: &[&dyn AsRef<std::ffi::OsStr>]) -> (i32, String, String) {
    let out = common::cli::kaijisho().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_rule_for_one_book_chapter_relaxes_that_chapter_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = citing_catalogue(&["シス1①", "シス10①", "シス14②", "企1", "企12"]);
    let st = all_no(&d.join("st.json"), &c, named("生成株式会社", "生成製品"));
    // Chapter 1 of システム運用編 and of 企画管理編 relaxed: いいえ allowed there, 推奨.
    let relaxed = serde_json::json!({"accept": ["はい", "いいえ"], "weight": "推奨"});
    let mut a = relaxed.clone();
    a["match"] = serde_json::json!({"ref": "シス1"});
    let mut b = relaxed;
    b["match"] = serde_json::json!({"ref": "企1"});
    let profile = profile_file(&d.join("chapter1.json"), serde_json::json!([a, b]));
    let (code, out, err) = cli(&[&"check", &profile, &st]);
    // シス10, シス14 and 企12 keep the default: their いいえ is outside, on 必須 items.
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("outside the profile (3 required, 0 recommended)"),
        "{out}"
    );
}

#[test]
fn a_short_citation_matches_the_long_form() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = citing_catalogue(&["システム運用編 14章②", "システム運用編 第14章③", "シス14①"]);
    let st = all_no(&d.join("st.json"), &c, named("生成株式会社", "生成製品"));
    let profile = profile_file(
        &d.join("chapter14.json"),
        serde_json::json!([{"match": {"ref": "シス14"}, "accept": ["はい", "いいえ"]}]),
    );
    let (code, out, err) = cli(&[&"check", &profile, &st]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("within the profile"), "{out}");
}

#[test]
fn a_blank_selector_is_refused_naming_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = citing_catalogue(&["シス14②"]);
    let st = all_no(&d.join("st.json"), &c, named("生成株式会社", "生成製品"));
    for (file, selector) in [
        ("blank-ref.json", serde_json::json!({"ref": " "})),
        ("blank-number.json", serde_json::json!({"number": ""})),
        ("blank-id.json", serde_json::json!({"id": "\u{3000}"})),
    ] {
        let profile = profile_file(
            &d.join(file),
            serde_json::json!([{"match": selector, "accept": ["はい", "いいえ"]}]),
        );
        let (code, out, err) = cli(&[&"check", &profile, &st]);
        assert_eq!(code, 2, "{file}: {out}{err}");
        assert!(
            err.contains(file) && err.contains("rule 1") && err.contains("empty"),
            "{file}: {err}"
        );
    }
}

/// 20,000 questions citing システム運用編 chapters (short and long forms alternating by
/// section) and a profile of 10,000 rules of every kind, each selecting some of them.
fn write_profile_inputs(d: &Path) {
    let c = synthetic::book_cited(synthetic::catalogue_of(2_000));
    save_project(&d.join("20k.json"), &synthetic::answered_project(&c)).unwrap();
    kaijisho::io::hospital::save_profile(
        &d.join("10k-rules.json"),
        &synthetic::many_rules(10_000, 2_000),
    )
    .unwrap();
}

/// Not a test of its own: writes the inputs of the 10,000 × 20,000 case in a process of its
/// own (see `write_crafted_inputs`).
#[test]
#[ignore = "run by ten_thousand_rules_check_twenty_thousand_questions_quickly"]
fn write_profile_crafted_inputs() {
    let dir = std::env::var_os("KAIJISHO_HOSTILE_DIR").expect("KAIJISHO_HOSTILE_DIR");
    write_profile_inputs(Path::new(&dir));
}

#[test]
fn ten_thousand_rules_check_twenty_thousand_questions_quickly() {
    let dir = inputs_written_by("write_profile_crafted_inputs");
    let d = dir.path();
    assert_within_limits(&[case(
        "check 20,000 questions against 10,000 rules",
        &[&"check", &d.join("10k-rules.json"), &d.join("20k.json")],
        &d.join("10k-rules.json"),
        Expect::Finished,
    )]);
}

#[test]
fn invisible_characters_in_names_are_shown_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = citing_catalogue(&["シス14②"]);
    let real = all_no(&d.join("real.json"), &c, named("生成株式会社", "生成製品"));
    let hiding = all_no(
        &d.join("hiding.json"),
        &c,
        named("生成\u{200B}株式会社", "生成製品\u{202E}txt.exe"),
    );
    let hidden = ['\u{200B}', '\u{202E}'];
    let (code, out, err) = cli(&[&"validate", &hiding]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("生成<U+200B>株式会社"), "{out}");
    assert!(out.contains("生成製品<U+202E>txt.exe"), "{out}");
    assert!(out.contains("invisible"), "{out}");
    assert!(!out.contains(hidden), "{out}");
    // The real name passes.
    let (_, out, _) = cli(&[&"validate", &real]);
    assert!(!out.contains("invisible"), "{out}");
    // Side by side, the two names do not read alike.
    let (code, out, err) = cli(&[&"compare", &real, &hiding]);
    assert!(code == 0 || code == 1, "{out}{err}");
    assert!(out.contains("生成<U+200B>株式会社"), "{out}");
    assert!(!out.contains(hidden), "{out}");
    // Nor in the check of both against a profile.
    let profile = profile_file(&d.join("profile.json"), serde_json::json!([]));
    let (code, out, err) = cli(&[&"check", &profile, &real, &hiding]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("生成<U+200B>株式会社"), "{out}");
    assert!(!out.contains(hidden), "{out}");
}

#[test]
fn a_name_of_only_invisible_characters_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let c = citing_catalogue(&["シス14②"]);
    let st = all_no(&d.join("st.json"), &c, named("\u{200B}", "生成製品"));
    let (code, out, err) = cli(&[&"validate", &st]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("is empty"), "{out}");
}
