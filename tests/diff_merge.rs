//! `routemap diff`, `merge` and the git diff driver, driven as a user drives them.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use common::schema::{readme_schema, validate};
use serde_json::Value;
use std::fs;

const LAST_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
title: 2025 baseline
updated: 2025-11-20T10:00:00Z
answers:
  leadership:
    current: flag-planted
    target: on-the-route
  governance:
    current: route-planned
    notes: The board meets quarterly.
  organisational-change:
    current: route-planned
    evidence:
      - old-plan.pdf
";

const THIS_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
title: 2026 reassessment
updated: 2026-11-27T14:03:11Z
answers:
  leadership:
    current: on-the-route
    target: on-the-route
  governance:
    current: flag-planted
    notes: The board now meets monthly with partners.
  organisational-change:
    current: route-planned
    evidence:
      - new-plan.pdf
  shared-services:
    current: not-started
";

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("2025.yaml"), LAST_YEAR).unwrap();
    fs::write(data.path().join("2026.yaml"), THIS_YEAR).unwrap();
    data
}

#[test]
fn text_diff_reads_without_colour() {
    let data = setup();
    let output = routemap(data.path())
        .args(["diff", "2025", "2026"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\u{1b}'));
    assert!(
        text.contains("Leadership") && text.contains("↑ up 2"),
        "{text}"
    );
    assert!(text.contains("↓ down 1"), "{text}");
    assert!(
        text.contains("notes       changed: +4 words, −1 word"),
        "{text}"
    );
    assert!(
        text.contains("evidence    + new-plan.pdf") && text.contains("− old-plan.pdf"),
        "{text}"
    );
    assert!(
        text.ends_with("1 up, 1 down, 9 unchanged, 1 newly answered\n"),
        "{text}"
    );
}

#[test]
fn markdown_diff_is_a_table() {
    let data = setup();
    let output = routemap(data.path())
        .args(["diff", "2025", "2026", "--format", "markdown"])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "| Theme | Before | After | Change | Other changes |\n|---|---|---|---|---|\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("| Leadership | 2 Flag planted | 4 On the route | ↑ up 2 |"),
        "{text}"
    );
    assert!(
        text.contains("**1 up, 1 down, 9 unchanged, 1 newly answered**"),
        "{text}"
    );
}

#[test]
fn json_diff_matches_the_documented_schema() {
    let data = setup();
    let schema = readme_schema("routemap-diff/1");
    for (a, b) in [("2025", "2026"), ("2026", "2025"), ("2025", "2025")] {
        let output = routemap(data.path())
            .args(["diff", a, b, "--format", "json"])
            .output()
            .unwrap();
        let value: Value = serde_json::from_slice(&output.stdout).unwrap();
        validate(&value, &schema, &schema, "$").unwrap();
    }
    // The validator is not a rubber stamp.
    let mut broken: Value = serde_json::from_slice(
        &routemap(data.path())
            .args(["diff", "2025", "2026", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    broken["themes"][0]["change"] = Value::from("sideways");
    assert!(validate(&broken, &schema, &schema, "$").is_err());
    broken["themes"][0]["surprise"] = Value::from(1);
    assert!(validate(&broken, &schema, &schema, "$").is_err());
}

#[test]
fn identical_files_say_so() {
    let data = setup();
    let output = routemap(data.path())
        .args(["diff", "2025", "2025", "--fail-on-regression"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("The two assessments are identical."));
}

#[test]
fn fail_on_regression_exits_3_only_when_a_theme_went_down() {
    let data = setup();
    let down = routemap(data.path())
        .args(["diff", "2025", "2026", "--fail-on-regression"])
        .output()
        .unwrap();
    assert_eq!(down.status.code(), Some(3));
    assert!(!down.stdout.is_empty(), "the diff still prints");
    let plain = routemap(data.path())
        .args(["diff", "2025", "2026"])
        .output()
        .unwrap();
    assert_eq!(plain.status.code(), Some(0));
    fs::write(
        data.path().join("better.yaml"),
        THIS_YEAR.replace("current: flag-planted", "current: route-planned"),
    )
    .unwrap();
    let up = routemap(data.path())
        .args(["diff", "2025", "better", "--fail-on-regression"])
        .output()
        .unwrap();
    assert_eq!(up.status.code(), Some(0));
}

#[test]
fn assessments_of_different_routemaps_are_refused() {
    let data = setup();
    fs::write(data.path().join("other.yaml"), "format: routemap-assessment/1\nroutemap: {id: procurement-and-sourcing}\nauthority: Anytown Borough Council\n").unwrap();
    let output = routemap(data.path())
        .args(["diff", "2025", "other"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "is against 'procurement-and-sourcing'; give assessments of the same routemap"
        ),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn merge_takes_agrees_and_records_conflicts() {
    let data = tempfile::tempdir().unwrap();
    let head = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown Borough Council\nanswers:\n";
    fs::write(data.path().join("ann.yaml"), format!("{head}  leadership:\n    current: flag-planted\n    notes: Ann's view.\n  governance:\n    current: route-planned\n")).unwrap();
    fs::write(data.path().join("bob.yaml"), format!("{head}  leadership:\n    current: on-the-route\n  infrastructure:\n    current: on-the-route\n  governance:\n    current: route-planned\n")).unwrap();
    let out = data.path().join("merged.yaml");
    let output = routemap(data.path())
        .args(["merge", "ann", "bob", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(3),
        "a merge with conflicts exits 3: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("conflict: theme 'Leadership': "),
        "{stderr}"
    );
    assert!(
        stderr.contains("ann.yaml' says current 2 Flag planted; '")
            && stderr.contains("bob.yaml' says current 4 On the route"),
        "{stderr}"
    );
    assert!(stderr.contains("Merged 2 assessments into"), "{stderr}");
    assert!(
        stderr.contains("1 theme taken from one file, 1 agreed, 1 conflict"),
        "{stderr}"
    );
    let merged = fs::read_to_string(&out).unwrap();
    assert!(
        merged.contains("\ntitle: Merged from 2 assessments\n"),
        "{merged}"
    );
    assert!(merged.contains("  leadership:\n    notes: |-\n      Merge conflict: the files disagree on the stage; choose it, then edit this note.\n      - ann.yaml: current 2 Flag planted\n      - bob.yaml: current 4 On the route\n\n      From ann.yaml:\n      Ann's view.\n"), "{merged}");
    assert!(
        merged.contains("  governance:\n    current: route-planned\n"),
        "{merged}"
    );
    assert!(
        merged.contains("  infrastructure:\n    current: on-the-route\n"),
        "{merged}"
    );

    // An existing OUT is kept unless --force.
    let before = fs::read(&out).unwrap();
    let again = routemap(data.path())
        .args(["merge", "ann", "bob", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr)
            .contains("already exists; choose another name or pass --force")
    );
    assert_eq!(fs::read(&out).unwrap(), before);
    let forced = routemap(data.path())
        .args(["merge", "ann", "bob", "--force", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(3));
}

#[test]
fn git_uses_routemap_as_its_diff_driver() {
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", repo.path())
            .env("ROUTEMAP_DATA_DIR", repo.path().join(".data"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "t@example.org"]);
    git(&["config", "user.name", "T"]);
    fs::write(repo.path().join("anytown.yaml"), LAST_YEAR).unwrap();
    git(&["add", "anytown.yaml"]);
    git(&["commit", "-qm", "2025"]);
    fs::write(repo.path().join("anytown.yaml"), THIS_YEAR).unwrap();
    // The README's recipe, with the binary's full path.
    fs::write(repo.path().join(".gitattributes"), "*.yaml diff=routemap\n").unwrap();
    git(&[
        "config",
        "diff.routemap.command",
        &format!("'{}' git-diff", env!("CARGO_BIN_EXE_routemap")),
    ]);
    let shown = git(&["diff"]);
    assert!(
        shown.starts_with("routemap diff anytown.yaml\nbefore  a/anytown.yaml"),
        "{shown}"
    );
    assert!(
        shown.contains("↑ up 2") && shown.contains("↓ down 1"),
        "{shown}"
    );
    assert!(
        shown.contains("  after     The board now meets monthly with partners."),
        "notes in full:\n{shown}"
    );
    let plain = git(&["diff", "--no-ext-diff"]);
    assert!(
        plain.contains("-    current: flag-planted\n+    current: on-the-route"),
        "{plain}"
    );
}

#[test]
fn git_diff_driver_shows_a_rename_and_goes_on_to_later_files() {
    let repo = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .args(args)
            .current_dir(repo.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", repo.path())
            .env("ROUTEMAP_DATA_DIR", repo.path().join(".data"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    git(&["init", "-q"]);
    git(&["config", "user.email", "t@example.org"]);
    git(&["config", "user.name", "T"]);
    fs::write(repo.path().join("2025.yaml"), LAST_YEAR).unwrap();
    fs::write(repo.path().join("zz-othertown.yaml"), LAST_YEAR).unwrap();
    git(&["add", "."]);
    git(&["commit", "-qm", "2025"]);
    // The README's year-named files: last year's file becomes this year's, one answer
    // changed, so git sees a rename; a later file changes too.
    fs::rename(repo.path().join("2025.yaml"), repo.path().join("2026.yaml")).unwrap();
    let moved = LAST_YEAR.replacen("current: flag-planted", "current: on-the-route", 1);
    fs::write(repo.path().join("2026.yaml"), moved).unwrap();
    fs::write(repo.path().join("zz-othertown.yaml"), THIS_YEAR).unwrap();
    fs::write(repo.path().join(".gitattributes"), "*.yaml diff=routemap\n").unwrap();
    git(&[
        "config",
        "diff.routemap.command",
        &format!("'{}' git-diff", env!("CARGO_BIN_EXE_routemap")),
    ]);
    git(&["add", "."]);
    let shown = git(&["diff", "--cached", "-M"]);
    assert!(
        shown.contains("routemap diff 2025.yaml → 2026.yaml (renamed, similarity index "),
        "{shown}"
    );
    assert!(
        shown.contains("before  a/2025.yaml") && shown.contains("after   b/2026.yaml"),
        "{shown}"
    );
    assert!(shown.contains("↑ up 2"), "{shown}");
    assert!(
        shown.contains("routemap diff zz-othertown.yaml\n"),
        "git goes on to the later file:\n{shown}"
    );
}

#[test]
fn a_diff_from_the_newer_to_the_older_says_so() {
    let data = setup();
    let output = routemap(data.path())
        .args(["diff", "2026", "2025"])
        .output()
        .unwrap();
    // The diff is still given (comparing backwards can be meant), with a word on stderr.
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("warning: the first assessment, '2026' (updated 2026-11-27), is newer than the second, '2025' (updated 2025-11-20)"),
        "{stderr}"
    );
    assert!(stderr.contains("routemap diff 2025 2026"), "{stderr}");
    let forward = routemap(data.path())
        .args(["diff", "2025", "2026"])
        .output()
        .unwrap();
    assert!(forward.stderr.is_empty());
}
