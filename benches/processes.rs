//! Whole-process speed, measured side by side (not asserted): `cargo bench --bench
//! processes`.
//!
//! - `routemap summary` of 10,000 saves (7 themes each, written by routemap's own
//!   writer), against a Python script that only reads the same files with PyYAML's C
//!   loader; and the summary's peak resident memory (from GNU time, when installed).
//! - `routemap report` (and `radar`) of an assessment of the built-in routemap, against
//!   `/bin/true` (the cost of starting a process at all).
//!
//! The runs alternate, so both sides of a ratio see the same machine load; medians.
//! The files are read from the page cache (written just before), as a regional group
//! re-running a summary would.

// A benchmark that fails to set up should stop loudly.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use routemap::assessment::{self, Assessment, Confidence, Current};
use routemap::builtin;
use routemap::clock::Timestamp as Moment;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SAVES: usize = 10_000;
const THEMES: usize = 7;
const SUMMARY_ROUNDS: usize = 9;
const REPORT_ROUNDS: usize = 150;

const PYTHON_READER: &str = r#"
import os, sys, yaml
count = 0
for root, dirs, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".yaml"):
            with open(os.path.join(root, name), "rb") as f:
                yaml.load(f, Loader=yaml.CLoader)
            count += 1
print(count)
"#;

/// Writes `SAVES` assessments of the built-in routemap into `dir`.
fn write_saves(dir: &Path) {
    let routemap = builtin::files()
        .find(|f| f.id() == "planting-the-flag")
        .unwrap()
        .load()
        .unwrap();
    let stages = &routemap.stages;
    for n in 0..SAVES {
        let mut saved = Assessment::new(
            &routemap,
            &format!("Authority number {n}"),
            Some("2026 baseline"),
            Moment(1_795_788_191 + n as i64),
        );
        for (t, theme) in routemap.themes.iter().take(THEMES).enumerate() {
            let answer = saved.answer_mut(&routemap, &theme.id);
            let stage = (n * 7 + t * 3) % (stages.len() + 1);
            answer.current = Some(match stages.get(stage) {
                Some(s) => Current::Stage(s.id.clone()),
                None => Current::NotApplicable,
            });
            answer.target = Some(stages[(stage + 1).min(stages.len() - 1)].id.clone());
            answer.confidence = Some(Confidence::ALL[(n + t) % 3]);
            answer.notes = Some(format!(
                "What we found for {} at authority {n}.\nA second line of notes.\n",
                theme.name
            ));
            answer.evidence = vec![format!("https://intranet.example/evidence-{n}-{t}.pdf")];
        }
        let sub = dir.join(format!("region-{}", n % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("authority-{n}.yaml")),
            assessment::to_yaml(&saved),
        )
        .unwrap();
    }
}

/// Runs a command to completion with its output thrown away; how long it took.
fn time(program: &str, args: &[&str]) -> Duration {
    let started = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|error| panic!("{program} runs: {error}"));
    let elapsed = started.elapsed();
    assert!(status.success(), "{program} {args:?} failed");
    elapsed
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Alternates two commands `rounds` times; their medians.
fn side_by_side(rounds: usize, a: (&str, &[&str]), b: (&str, &[&str])) -> (Duration, Duration) {
    let (mut first, mut second) = (Vec::new(), Vec::new());
    time(a.0, a.1);
    time(b.0, b.1);
    for _ in 0..rounds {
        first.push(time(a.0, a.1));
        second.push(time(b.0, b.1));
    }
    (median(first), median(second))
}

/// Peak resident memory of a command in kilobytes, from GNU time.
fn peak_rss_kb(program: &str, args: &[&str]) -> Option<u64> {
    let output = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(program)
        .args(args)
        .stdout(Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .last()?
        .trim()
        .parse()
        .ok()
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_routemap");
    let dir = tempfile::tempdir().unwrap();
    let saves = dir.path().join("saves");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    write_saves(&saves);
    let script = dir.path().join("read.py");
    std::fs::write(&script, PYTHON_READER).unwrap();
    let (saves, data, script) = (
        saves.to_str().unwrap(),
        data.to_str().unwrap(),
        script.to_str().unwrap(),
    );
    println!("summary of {SAVES} saves ({THEMES} themes each), medians of runs taken in turn:");
    let summary_args = ["--data-dir", data, "summary", saves];
    let (ours, python) = side_by_side(
        SUMMARY_ROUNDS,
        (binary, &summary_args),
        ("python3", &[script, saves]),
    );
    println!("  routemap summary                      {ours:>10.1?}");
    println!("  python3 + PyYAML CLoader (read only)  {python:>10.1?}");
    println!(
        "  routemap is {:.1}x faster",
        python.as_secs_f64() / ours.as_secs_f64()
    );
    match peak_rss_kb(binary, &summary_args) {
        Some(kb) => println!(
            "  peak resident memory of the summary   {:.1} MB",
            kb as f64 / 1024.0
        ),
        None => println!("  peak resident memory: /usr/bin/time (GNU time) is not installed"),
    }

    let one = format!("{saves}/region-3/authority-3.yaml");
    let report_args = ["--data-dir", data, "report", one.as_str()];
    let (report, floor) = side_by_side(REPORT_ROUNDS, (binary, &report_args), ("/bin/true", &[]));
    println!(
        "report of the built-in routemap (7 of 12 themes answered), medians of {REPORT_ROUNDS} runs in turn:"
    );
    println!("  routemap report (markdown)            {report:>10.1?}");
    println!("  /bin/true                             {floor:>10.1?}");
    println!(
        "  report is {:.2}x the process floor",
        report.as_secs_f64() / floor.as_secs_f64()
    );
    let html_args = [
        "--data-dir",
        data,
        "report",
        one.as_str(),
        "--format",
        "html",
    ];
    let (html, floor) = side_by_side(REPORT_ROUNDS, (binary, &html_args), ("/bin/true", &[]));
    println!(
        "  routemap report --format html         {html:>10.1?}  ({:.2}x /bin/true at {floor:.1?})",
        html.as_secs_f64() / floor.as_secs_f64()
    );
    // The radar as text, at a fixed width so that no terminal is asked for its size.
    let radar_args = [
        "--data-dir",
        data,
        "radar",
        one.as_str(),
        "--target",
        "--width",
        "80",
    ];
    let (radar, floor) = side_by_side(REPORT_ROUNDS, (binary, &radar_args), ("/bin/true", &[]));
    println!(
        "  routemap radar --target --width 80    {radar:>10.1?}  ({:.2}x /bin/true at {floor:.1?})",
        radar.as_secs_f64() / floor.as_secs_f64()
    );
}
