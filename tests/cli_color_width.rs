//! Colour and width, as a user's environment sets them: `--color`, `NO_COLOR`,
//! `CLICOLOR`, `CLICOLOR_FORCE`, `TERM`, `COLORTERM`, `--width` and `COLUMNS`. Clap's own
//! messages and routemap's output follow one decision. (On a terminal: tests/e2e_color.rs.)

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

const LAST_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
title: 2025 baseline
answers:
  leadership: { current: flag-planted, target: on-the-route }
  governance: { current: route-planned }
  organisational-change: { current: route-planned }
";

const THIS_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
title: 2026 reassessment
answers:
  leadership: { current: on-the-route, target: destination-reached }
  governance: { current: flag-planted }
  organisational-change: { current: route-planned }
  information-management: { current: n/a }
";

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("2025.yaml"), LAST_YEAR).unwrap();
    fs::write(data.path().join("2026.yaml"), THIS_YEAR).unwrap();
    data
}

/// The binary with a plain environment: a colour terminal type, nothing forced.
fn routemap(data: &Path, env: &[(&str, &str)]) -> assert_cmd::Command {
    let mut command = common::routemap(data);
    command
        .env("TERM", "xterm")
        .env_remove("COLORTERM")
        .env_remove("CI");
    for (key, value) in env {
        command.env(key, value);
    }
    command
}

fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1b)
}

#[test]
fn colour_follows_one_rule_for_routemap_and_for_clap() {
    let data = setup();
    // (flag, environment, colour expected), all into a pipe.
    type Case<'a> = (Option<&'a str>, &'a [(&'a str, &'a str)], bool);
    let cases: &[Case] = &[
        (None, &[], false),
        (None, &[("CLICOLOR_FORCE", "1")], true),
        (None, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], false),
        (None, &[("CLICOLOR", "1")], false),
        (None, &[("CLICOLOR_FORCE", "")], false),
        (Some("always"), &[], true),
        (Some("always"), &[("NO_COLOR", "1")], true),
        (Some("never"), &[("CLICOLOR_FORCE", "1")], false),
        (Some("auto"), &[("CLICOLOR_FORCE", "1")], true),
    ];
    for (flag, env, expected) in cases {
        let mut ours = routemap(data.path(), env);
        let mut clap = routemap(data.path(), env);
        if let Some(flag) = flag {
            ours.args(["--color", flag]);
            clap.arg(format!("--color={flag}"));
        }
        let ours = ours.args(["diff", "2025", "2026"]).output().unwrap();
        assert_eq!(ours.status.code(), Some(0), "{flag:?} {env:?}");
        let clap = clap.args(["diff", "only-one"]).output().unwrap();
        assert_eq!(clap.status.code(), Some(2));
        assert_eq!(
            has_escape(&ours.stdout),
            *expected,
            "routemap's output, {flag:?} {env:?}:\n{}",
            String::from_utf8_lossy(&ours.stdout)
        );
        assert_eq!(
            has_escape(&clap.stderr),
            *expected,
            "clap's error, {flag:?} {env:?}:\n{}",
            String::from_utf8_lossy(&clap.stderr)
        );
    }
}

#[test]
fn colour_depth_falls_back_to_256_and_16_colours() {
    let data = setup();
    let diff = |env: &[(&str, &str)]| {
        let output = routemap(data.path(), env)
            .args(["--color", "always", "diff", "2025", "2026"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let truecolor = diff(&[("COLORTERM", "truecolor"), ("TERM", "xterm-256color")]);
    assert!(
        truecolor.contains("\u{1b}[0;1;38;2;0;158;115m↑ up 2"),
        "{truecolor}"
    );
    let indexed = diff(&[("TERM", "xterm-256color")]);
    assert!(indexed.contains("\u{1b}[0;1;38;5;36m↑ up 2"), "{indexed}");
    assert!(!indexed.contains(";38;2;"), "{indexed}");
    let basic = diff(&[("TERM", "xterm")]);
    assert!(basic.contains("\u{1b}[0;1;32m↑ up 2"), "{basic}");
    assert!(basic.contains("\u{1b}[0;1;31m↓ down 1"), "{basic}");
    assert!(!basic.contains(";38;"), "{basic}");

    let radar = routemap(data.path(), &[("TERM", "linux")])
        .args(["radar", "2026", "--color=always"])
        .output()
        .unwrap();
    let radar = String::from_utf8(radar.stdout).unwrap();
    assert!(
        radar.contains('\u{1b}') && !radar.contains(";38;"),
        "{radar}"
    );
}

fn max_width(text: &str) -> usize {
    text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

#[test]
fn width_is_the_flag_then_columns_then_80() {
    let data = setup();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let output = routemap(data.path(), env).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?} {env:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    for command in [&["radar", "2026"][..], &["diff", "2025", "2026"]] {
        let piped = run(command, &[]);
        assert!(max_width(&piped) <= 80, "{command:?}\n{piped}");
        let narrow = run(command, &[("COLUMNS", "50")]);
        assert!(max_width(&narrow) <= 50, "{command:?}\n{narrow}");
        let flag = [command, &["--width", "44"]].concat();
        let flagged = run(&flag, &[("COLUMNS", "120")]);
        assert!(max_width(&flagged) <= 44, "{command:?}\n{flagged}");
        let nonsense = run(command, &[("COLUMNS", "wide")]);
        assert_eq!(nonsense, piped, "a COLUMNS that is not a number is ignored");
    }
    let radar_wide = run(&["radar", "2026"], &[("COLUMNS", "160")]);
    assert!(max_width(&radar_wide) > 80, "{radar_wide}");
}

#[test]
fn diff_uses_the_width_it_has_and_never_more() {
    let data = setup();
    let diff = |columns: &str, extra: &[&str]| {
        let output = routemap(data.path(), &[("COLUMNS", columns)])
            .args(["diff", "2025", "2026", "--verbose"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let wide = diff("200", &[]);
    assert!(
        wide.contains("Information management, assurance and transparency  "),
        "at 200 columns no theme name is cut:\n{wide}"
    );
    for columns in ["30", "50", "64", "80"] {
        let text = diff(columns, &[]);
        let limit: usize = columns.parse().unwrap();
        assert!(max_width(&text) <= limit, "{columns}:\n{text}");
        assert!(
            text.contains('…'),
            "{columns}: cut with an ellipsis\n{text}"
        );
    }
    let ascii = diff("50", &["--ascii"]);
    assert!(ascii.is_ascii(), "{ascii}");
    assert!(
        ascii.contains("^ up 2") && ascii.contains("v down 1"),
        "{ascii}"
    );
    assert!(ascii.contains("= same") && ascii.contains("..."), "{ascii}");
}

#[test]
fn list_and_summary_keep_to_the_width_however_long_a_name() {
    let data = setup();
    let long = format!("The {} Council", "Very ".repeat(70));
    fs::write(
        data.path().join("long.yaml"),
        THIS_YEAR.replace("Anytown Borough Council", &long),
    )
    .unwrap();
    for columns in ["50", "80", "120"] {
        let limit: usize = columns.parse().unwrap();
        for command in [&["list"][..], &["summary", "."]] {
            let output = routemap(data.path(), &[("COLUMNS", columns)])
                .current_dir(data.path())
                .args(command)
                .output()
                .unwrap();
            let text = String::from_utf8(output.stdout).unwrap();
            assert!(
                max_width(&text) <= limit,
                "{command:?} at {columns}:\n{text}"
            );
            if command[0] == "list" {
                assert!(text.contains('…'), "{command:?} at {columns}: cut\n{text}");
            }
        }
    }
    // Into a pipe with no width asked for, nothing is cut: a script gets every name.
    let output = routemap(data.path(), &[]).args(["list"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains(&long) && !text.contains('…'), "{text}");
    let output = routemap(data.path(), &[])
        .args(["list", "--width", "300"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let row = text.lines().find(|l| l.starts_with("2026")).unwrap();
    assert!(
        row.contains("Anytown Borough Council ") && row.contains(" 2026 reassessment "),
        "nothing cut when there is room: {text}"
    );
}

#[test]
fn the_radar_header_keeps_to_the_width() {
    let data = tempfile::tempdir().unwrap();
    let long = "The Royal Borough of Anytown-upon-Thames and District Council";
    fs::write(
        data.path().join("long.yaml"),
        LAST_YEAR.replace("Anytown Borough Council", long),
    )
    .unwrap();
    let output = routemap(data.path(), &[("COLUMNS", "40")])
        .args(["radar", "long"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let header = stdout.lines().next().unwrap();
    assert!(header.width() <= 40 && header.ends_with('…'), "{header:?}");
    assert!(header.starts_with("The Royal Borough"), "{header:?}");
}

/// The terminal's width is asked of the terminal itself: no `tput` (or any other
/// program) is started, even where there is no terminal to ask.
#[cfg(unix)]
#[test]
fn no_child_process_is_started_to_learn_the_width() {
    use std::os::unix::fs::PermissionsExt;
    let data = setup();
    let bin = tempfile::tempdir().unwrap();
    let marker = bin.path().join("tput-was-run");
    for program in ["tput", "stty"] {
        let script = bin.path().join(program);
        fs::write(
            &script,
            format!("#!/bin/sh\necho ran >> '{}'\necho 80\n", marker.display()),
        )
        .unwrap();
        fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // Without a controlling terminal (setsid), as under cron or CI: where a terminal
    // library would fall back to running `tput cols`.
    let detached = std::process::Command::new("setsid")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    for args in [&["radar", "2026"][..], &["diff", "2025", "2026"]] {
        let mut command = if detached {
            let mut command = std::process::Command::new("setsid");
            command.arg("-w").arg(env!("CARGO_BIN_EXE_routemap"));
            command
        } else {
            std::process::Command::new(env!("CARGO_BIN_EXE_routemap"))
        };
        let output = command
            .args(args)
            .env("ROUTEMAP_DATA_DIR", data.path())
            .env("PATH", &path)
            .env_remove("COLUMNS")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert!(!output.stdout.is_empty());
    }
    assert!(!marker.exists(), "a child process was started");
}
