//! The command line, driven as a user drives it: the real binary, real files.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;
use std::path::Path;

fn fixtures() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/routemaps"
    ))
}

#[test]
fn check_passes_every_shipped_routemap() {
    let data = tempfile::tempdir().unwrap();
    let shipped: Vec<_> = fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/assessments"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    let output = routemap(data.path())
        .arg("check")
        .args(&shipped)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), shipped.len());
    assert!(
        stdout.contains(
            "ok, routemap 'planting-the-flag' version 2.0: 12 themes, 5 stages, 2 sections"
        ),
        "{stdout}"
    );
}

#[test]
fn check_passes_every_good_fixture_numbered_from_0_with_undefined_levels_and_criteria() {
    let data = tempfile::tempdir().unwrap();
    let output = routemap(data.path())
        .current_dir(fixtures())
        .args([
            "check",
            "good/levels-0-3.yaml",
            "good/undefined-levels.yaml",
            "good/hosting-47.yaml",
            "good/three-themes.yaml",
            "good/welsh-30.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("good/levels-0-3.yaml: ok, routemap 'data-stewardship' version 1.0: 4 themes, 4 stages numbered 0–3, 2 sections, 13 criteria, 1 stage left undefined"),
        "{stdout}"
    );
    assert!(
        stdout.contains("good/hosting-47.yaml: ok, routemap 'hosting-maturity-47' version 2026.1: 47 themes, 5 stages, 7 sections, 96 criteria"),
        "{stdout}"
    );
}

#[test]
fn check_gives_each_bad_routemap_its_error() {
    let data = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for entry in fs::read_dir(fixtures().join("bad")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "yaml") {
            continue;
        }
        let relative = format!("bad/{}", path.file_name().unwrap().to_string_lossy());
        let expected = fs::read_to_string(path.with_extension("error")).unwrap();
        let output = routemap(data.path())
            .current_dir(fixtures())
            .args(["check", &relative])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{relative}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            expected,
            "{relative}"
        );
        assert!(output.stdout.is_empty(), "{relative}");
        checked += 1;
    }
    assert!(checked >= 10);
}

#[test]
fn check_reports_all_files_and_fails_if_any_fails() {
    let data = tempfile::tempdir().unwrap();
    let output = routemap(data.path())
        .current_dir(fixtures())
        .args([
            "check",
            "good/three-themes.yaml",
            "bad/typo-key.yaml",
            "missing.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("good/three-themes.yaml: ok"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad/typo-key.yaml:16:5: unknown key 'nmae'"),
        "{stderr}"
    );
    assert!(stderr.contains("cannot read 'missing.yaml': no such file or directory; check the path and that you may read it"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let data = tempfile::tempdir().unwrap();
    for args in [
        &["diff", "only-one"][..],
        &["frobnicate"],
        &["radar", "x", "--width", "5"],
        &["check"],
    ] {
        let output = routemap(data.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn every_command_has_help() {
    let data = tempfile::tempdir().unwrap();
    for command in [
        "new",
        "open",
        "workshop",
        "list",
        "radar",
        "diff",
        "merge",
        "report",
        "summary",
        "check",
        "routemaps",
    ] {
        let output = routemap(data.path())
            .args([command, "--help"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("Usage: routemap"),
            "{command}"
        );
    }
}

#[test]
fn list_shows_saved_assessments_and_warns_of_broken_ones() {
    let data = tempfile::tempdir().unwrap();
    let empty = routemap(data.path()).arg("list").output().unwrap();
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty(), "nothing saved: nothing on stdout");
    assert!(
        empty.stderr.is_empty(),
        "the hint is for a terminal, not a pipe"
    );
    fs::write(
        data.path().join("anytown.yaml"),
        "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown Borough Council\ntitle: 2026 baseline\nupdated: 2026-11-27T14:03:11Z\nanswers:\n  leadership:\n    current: flag-planted\n  governance:\n    current: n/a\n",
    )
    .unwrap();
    fs::write(
        data.path().join("broken.yaml"),
        "format: routemap-assessment/1\nauthority: [\n",
    )
    .unwrap();
    let output = routemap(data.path())
        .args(["list", "--width", "120"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "a file that cannot be read fails the listing, after the rest are listed"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "NAME     AUTHORITY                TITLE          ROUTEMAP           PROGRESS  UPDATED\n\
         anytown  Anytown Borough Council  2026 baseline  planting-the-flag  2/12      2026-11-27 14:03 UTC\n\
         broken   (cannot be read: see above)\n"
    );
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("warning: "));
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape codes in piped output"
    );
}

#[test]
fn routemaps_lists_builtins_and_custom_files() {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("routemaps")).unwrap();
    fs::copy(
        fixtures().join("good/three-themes.yaml"),
        data.path().join("routemaps/three.yaml"),
    )
    .unwrap();
    let output = routemap(data.path()).arg("routemaps").output().unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("three-themes"), "{stdout}");
    assert!(
        stdout.contains("planting-the-flag         2.0      12      built in"),
        "{stdout}"
    );
    // Each routemap's source, under the table, wrapped to the width.
    assert!(stdout.contains("\nSources\n"), "{stdout}");
    assert!(
        stdout.contains("  planting-the-flag: Title, themes and principles: Socitm / Local CIO"),
        "{stdout}"
    );
    assert!(stdout.contains("Terry Street"), "{stdout}");
    let sources = &stdout[stdout.find("\nSources\n").unwrap()..];
    assert!(
        sources.lines().all(|line| line.chars().count() <= 80),
        "{stdout}"
    );
}

const SAVED: &str = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown Borough Council\nanswers:\n  leadership: { current: route-planned, target: on-the-route }\n  governance: { current: flag-planted }\n  shared-services: { current: n/a }\n";

#[test]
fn radar_prints_a_labelled_radar_without_escape_codes_when_piped() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    let output = routemap(data.path())
        .args(["radar", "anytown", "--target"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("Anytown Borough Council · planting-the-flag 2.0 · 3/12 answered\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Leadership") && stdout.contains("●⠒⠒⠒⠒⠒⠒ current  ◆⠒⠒  ⠒⠒ target"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'));
    assert!(
        stdout.lines().all(|line| line.chars().count() <= 80),
        "piped output is 80 wide"
    );
}

#[test]
fn radar_ascii_and_width() {
    let data = tempfile::tempdir().unwrap();
    let titled = SAVED.replace(
        "authority: Anytown Borough Council\n",
        "authority: Anytown Borough Council\ntitle: 2026 baseline\n",
    );
    fs::write(data.path().join("anytown.yaml"), titled).unwrap();
    let output = routemap(data.path())
        .args(["radar", "anytown", "--ascii", "--width", "120"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    // The file's words are ASCII here, so every character of ours must be too,
    // the heading's separators included.
    assert!(stdout.is_ascii(), "{stdout}");
    assert!(
        stdout.starts_with("Anytown Borough Council - 2026 baseline - planting-the-flag"),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|line| line.len() > 80),
        "uses the width given"
    );
}

#[test]
fn radar_against_another_routemap_is_refused() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    fs::write(
        data.path().join("other.yaml"),
        SAVED.replace("id: planting-the-flag", "id: procurement-and-sourcing"),
    )
    .unwrap();
    let output = routemap(data.path())
        .args(["radar", "anytown", "--against", "other"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is an assessment against routemap 'planting-the-flag' but"),
        "{stderr}"
    );
}

#[test]
fn radar_of_a_huge_routemap_prints_bars() {
    let data = tempfile::tempdir().unwrap();
    let mut routemap_text = String::from(
        "id: huge\ntitle: Huge\nversion: '1'\nstages:\n  - {id: low, name: Low}\n  - {id: high, name: High}\nthemes:\n",
    );
    for n in 0..1000 {
        routemap_text.push_str(&format!(
            "  - {{id: t{n}, name: Theme {n}, stages: {{low: L, high: H}}}}\n"
        ));
    }
    fs::create_dir_all(data.path().join("routemaps")).unwrap();
    fs::write(data.path().join("routemaps/huge.yaml"), routemap_text).unwrap();
    fs::write(data.path().join("h.yaml"), "format: routemap-assessment/1\nroutemap: {id: huge}\nauthority: H\nanswers:\n  t5: {current: high}\n").unwrap();
    let output = routemap(data.path()).args(["radar", "h"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "1000 themes are too many for a readable radar at this width; here are bars."
        )
    );
    assert!(stdout.contains("Theme 5"));
}

#[test]
fn a_missing_assessment_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let output = routemap(data.path())
        .args(["radar", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("error: no saved assessment 'nowhere' was found"),
        "{stderr}"
    );
}

#[test]
fn full_screen_commands_refuse_a_pipe() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    for (args, typed) in [
        (&[][..], "'routemap'"),
        (&["new", "--authority", "A"], "'routemap new'"),
        (&["open", "anytown"], "'routemap open'"),
        (&["workshop", "anytown"], "'routemap workshop'"),
        (&["workshop", "anytown", "--follow"], "'routemap workshop'"),
    ] {
        let output = routemap(data.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            stderr,
            format!(
                "error: {typed} is a full-screen program and needs a terminal; run it in a terminal, not through a pipe\n"
            ),
        );
    }
    let names: Vec<_> = fs::read_dir(data.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["anytown.yaml"], "nothing was created");
}

#[test]
fn full_screen_commands_check_the_name_before_the_terminal() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let model = outside.path().join("my-model.yaml");
    fs::write(
        &model,
        fs::read_to_string(fixtures().join("good/three-themes.yaml")).unwrap(),
    )
    .unwrap();
    for args in [
        &["open", "nowhere"][..],
        &["workshop", "nowhere"],
        &["workshop", "nowhere", "--follow"],
        &["new", "--from", "nowhere"],
    ] {
        let output = routemap(data.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("error: no saved assessment 'nowhere' was found"),
            "{args:?}: {stderr}"
        );
    }
    let output = routemap(data.path())
        .args(["new", "--routemap", "no-such-model"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("error: no routemap 'no-such-model' was found"),
    );
    // A routemap given by path is read (and found valid) but not copied without a
    // terminal: nothing is written before the full-screen program can start.
    let output = routemap(data.path())
        .args(["new", "--authority", "A", "--routemap"])
        .arg(&model)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs a terminal"));
    assert_eq!(fs::read_dir(data.path()).unwrap().count(), 0);
}

#[test]
fn an_assessment_whose_routemap_is_missing_says_where_to_put_it() {
    let data = tempfile::tempdir().unwrap();
    fs::write(
        data.path().join("mine.yaml"),
        SAVED.replace("id: planting-the-flag", "id: my-own"),
    )
    .unwrap();
    for args in [&["radar", "mine"][..], &["diff", "mine", "mine"]] {
        let output = routemap(data.path()).args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = String::from_utf8(output.stderr).unwrap();
        // These commands take no routemap path: the way out is the data directory.
        assert!(
            !stderr.contains("give the path of a routemap file"),
            "{stderr}"
        );
        assert!(
            stderr.contains("put the routemap's file (id: my-own) in '")
                && stderr.contains("routemaps'"),
            "{stderr}"
        );
    }
}

#[test]
fn check_of_a_saved_assessment_checks_it_as_one() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("slip.yaml");
    fs::write(&path, SAVED.replace("  governance:", "  governanse:")).unwrap();
    let output = routemap(data.path())
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    // An answer its routemap cannot match is a problem to fix (exit 1, no "ok"), said
    // with the likely fix; the program would keep it but never show it.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stdout.contains("ok"), "{stdout}");
    assert!(
        stderr.contains("error: ")
            && stderr.contains(
                "slip.yaml:6:3: theme 'governanse' is not in the routemap (did you mean 'governance'?)"
            ),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown key 'format'"), "{stderr}");
    // Fixed, it is ok; and a saved assessment may be named as anywhere else.
    fs::write(&path, SAVED).unwrap();
    for given in [path.to_str().unwrap(), "slip"] {
        let output = routemap(data.path())
            .args(["check", given])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{given}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(
            stdout.contains("slip.yaml: ok, a saved assessment of Anytown Borough Council against routemap 'planting-the-flag'"),
            "{stdout}"
        );
    }
}
