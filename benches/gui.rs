//! Frame time of the real app's UI, run headless: the generated 300-question statement open,
//! every navigator row shown, the pointer moving over the window and the selection stepping
//! through the questions. Each frame is `App::logic` + `App::ui` (as eframe calls them) plus
//! tessellation, i.e. all CPU work of a frame except the GPU upload.
//!
//! Prints p50 / p99 / max CPU time per frame (thread CPU clock) over 2,000 frames, then lets
//! criterion time the same frame. `cargo bench --bench gui`; figures in docs/PERFORMANCE.md.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App;
use eframe::egui;
use kaijisho::app::{AppState, Command, Settings};
use kaijisho::i18n::Lang;
use kaijisho::ui::KaijishoApp;

#[path = "../tests/common/synthetic.rs"]
mod synthetic;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

struct Bench {
    ctx: egui::Context,
    app: KaijishoApp,
    frame: eframe::Frame,
    n: u64,
    _dir: tempfile::TempDir,
}

impl Bench {
    fn new() -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let cat = synthetic::catalogue();
        let project = synthetic::answered_project(&cat);
        let path = dir.path().join("statement.json");
        kaijisho::io::save_project(&path, &project).unwrap();
        let settings = Settings {
            lang: Some(Lang::Ja),
            ..Settings::default()
        };
        let state = AppState::new(settings, Some(dir.path().to_path_buf())).unwrap();
        let mut app = KaijishoApp::with_state(state, Some(path));
        assert!(app.state.doc.is_some(), "statement opened");
        app.state.apply(Command::ToggleValidation, 0.0);
        let ctx = egui::Context::default();
        kaijisho::ui::fonts::install(&ctx).unwrap();
        Bench {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            n: 0,
            _dir: dir,
        }
    }

    /// One frame; returns the thread CPU time it took.
    fn frame(&mut self) -> Duration {
        let start = cpu_time();
        self.frame_with(Vec::new());
        cpu_time() - start
    }

    /// One frame with these commands sent first; returns the wall-clock time it took.
    fn frame_with(&mut self, commands: Vec<Command>) -> Duration {
        for c in commands {
            self.app.send(c);
        }
        self.n += 1;
        let n = self.n;
        // The pointer sweeps across the window; every 30th frame selects the next question.
        let x = (n * 37 % 1280) as f32;
        let y = (n * 23 % 800) as f32;
        if n.is_multiple_of(30) {
            self.app.send(Command::Next);
        }
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(n as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events: vec![egui::Event::PointerMoved(egui::pos2(x, y))],
            ..Default::default()
        };
        let start = std::time::Instant::now();
        let (app, frame) = (&mut self.app, &mut self.frame);
        let out = self.ctx.run_ui(input, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        });
        let prims = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        std::hint::black_box(prims);
        start.elapsed()
    }
}

#[cfg(target_os = "linux")]
fn cpu_time() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid, writable timespec.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) };
    Duration::new(t.sec as u64, t.nsec as u32)
}

#[cfg(not(target_os = "linux"))]
fn cpu_time() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn frames(c: &mut Criterion) {
    let mut b = Bench::new();
    // Warm up: fonts, galley caches, the first layout of every panel.
    for _ in 0..120 {
        b.frame();
    }
    let mut times: Vec<Duration> = (0..2000).map(|_| b.frame()).collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "gui frame CPU time over {} frames: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.99)),
        ms(times[times.len() - 1]),
    );
    file_work_off_the_ui_thread(&mut b);
    c.bench_function("gui_frame_300q", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| b.frame()).sum())
    });
    // The answer grid (表示 → 一覧) of all 300 questions: rows built, filtered and sorted every
    // frame, only the visible ones laid out.
    b.app.send(Command::ToggleGrid);
    for _ in 0..60 {
        b.frame();
    }
    let mut times: Vec<Duration> = (0..1000).map(|_| b.frame()).collect();
    times.sort();
    println!(
        "answer grid frame CPU time over {} frames: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        ms(percentile(&times, 0.50)),
        ms(percentile(&times, 0.99)),
        ms(times[times.len() - 1]),
    );
    c.bench_function("gui_frame_300q_grid", |bench| {
        bench.iter_custom(|iters| (0..iters).map(|_| b.frame()).sum())
    });
}

/// Import, export (xlsx and PDF) and compare of the 300-question statement run while frames
/// go on: prints the longest frame (wall clock) while the work ran, which must stay under
/// 50 ms (file work never blocks a frame).
fn file_work_off_the_ui_thread(b: &mut Bench) {
    let dir = b._dir.path().to_path_buf();
    let json = dir.join("statement.json");
    let xlsx = dir.join("statement.xlsx");
    let work = vec![
        Command::ExportXlsx(xlsx.clone()),
        Command::ExportPdf(dir.join("statement.pdf")),
    ];
    let mut longest = b.frame_with(work);
    let mut frames = 1;
    let mut run_until_idle = |b: &mut Bench, longest: &mut Duration| {
        while b.app.state.busy() {
            *longest = (*longest).max(b.frame_with(Vec::new()));
            frames += 1;
            std::thread::sleep(Duration::from_millis(2));
        }
    };
    run_until_idle(b, &mut longest);
    assert!(xlsx.exists(), "exported");
    let more = vec![
        Command::Import(xlsx.clone()),
        Command::Compare(vec![json.clone(), xlsx.clone(), json]),
    ];
    longest = longest.max(b.frame_with(more));
    run_until_idle(b, &mut longest);
    b.app.send(Command::CancelImport);
    println!(
        "longest frame while importing, exporting and comparing the 300-question statement in \
         the background: {:.1} ms over {frames} frames",
        longest.as_secs_f64() * 1000.0
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = frames
}
criterion_main!(benches);
