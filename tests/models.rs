//! Real maturity models through the command line: a scale numbered from 0 shows its own
//! numbers in every output, ticked criteria and scores reach the reports, versions of a
//! routemap are kept side by side, and an answer typed by hand is kept and flagged.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;
use std::path::Path;

const LEVELS: &str = include_str!("fixtures/routemaps/good/levels-0-3.yaml");

/// Anytown at level 2 of the inventory with level 1's ticks, Barchester a year on.
fn save(authority: &str, updated: &str, inventory: &str, quality: &str) -> String {
    format!(
        "format: routemap-assessment/1
routemap: {{ id: data-stewardship, version: \"1.0\" }}
authority: {authority}
updated: {updated}
answers:
  inventory:
    current: {inventory}
    target: embedded
    met:
      - some-lists
      - systems-known
  quality:
    current: {quality}
  sharing:
    current: established
  open-data:
    current: n/a
"
    )
}

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::create_dir_all(data.path().join("routemaps")).unwrap();
    fs::write(data.path().join("routemaps/data-stewardship.yaml"), LEVELS).unwrap();
    let write = |name: &str, text: String| fs::write(data.path().join(name), text).unwrap();
    write(
        "anytown-2025.yaml",
        save("Anytown", "2025-11-01T09:00:00Z", "emerging", "absent"),
    );
    write(
        "anytown-2026.yaml",
        save("Anytown", "2026-11-01T09:00:00Z", "established", "emerging"),
    );
    write(
        "barchester.yaml",
        save("Barchester", "2026-10-01T09:00:00Z", "absent", "embedded"),
    );
    data
}

fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(data)
        .current_dir(data)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn a_scale_numbered_from_0_shows_its_own_numbers_everywhere() {
    let data = setup();
    let (code, diff, _) = run(data.path(), &["diff", "anytown-2025", "anytown-2026"]);
    assert_eq!(code, 0);
    assert!(
        diff.contains("1 Emerging") && diff.contains("2 Established"),
        "{diff}"
    );
    assert!(diff.contains("0 Absent"), "{diff}");

    let (_, radar, _) = run(
        data.path(),
        &["radar", "anytown-2026", "--ascii", "--width", "60"],
    );
    assert!(
        radar.contains("rings: Absent (inner) to Embedded (outer)"),
        "{radar}"
    );
    let (_, svg, _) = run(data.path(), &["radar", "anytown-2026", "--svg"]);
    assert!(
        svg.contains(">0 Absent<"),
        "the legend numbers from 0: {svg}"
    );

    let (_, csv, _) = run(data.path(), &["report", "anytown-2026", "--format", "csv"]);
    let quality = csv.lines().find(|l| l.starts_with("quality,")).unwrap();
    assert!(quality.contains(",emerging,1,Emerging,"), "{quality}");

    let (_, summary, _) = run(data.path(), &["summary", "."]);
    assert!(summary.contains("THEME"), "{summary}");
    assert!(
        summary.contains("Stages: 0 Absent, 1 Emerging, 2 Established, 3 Embedded."),
        "{summary}"
    );
    assert!(summary.contains("% OF MAX"), "{summary}");

    let (_, list, _) = run(data.path(), &["list", "--format", "json"]);
    assert!(list.contains("data-stewardship"), "{list}");
}

#[test]
fn ticks_and_scores_reach_the_report() {
    let data = setup();
    let (code, text, stderr) = run(data.path(), &["report", "anytown-2026"]);
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "## Evidence checklists",
        "Now 2 Established; the ticks suggest 1 Emerging; 2 of 6 criteria met.",
        "**Not supported by the ticks.**",
        "| % of max |",
    ] {
        assert!(text.contains(expected), "{expected:?} in\n{text}");
    }
}

#[test]
fn an_assessment_opens_against_its_version_else_says_which_it_is_shown_against() {
    let data = setup();
    // Version 2.0 kept beside 1.0, with one theme renamed.
    fs::write(
        data.path().join("routemaps/data-stewardship-v2.yaml"),
        LEVELS
            .replace("version: \"1.0\"", "version: \"2.0\"")
            .replace("name: Data inventory", "name: Data catalogue"),
    )
    .unwrap();
    let (_, own, _) = run(data.path(), &["report", "anytown-2026", "--format", "json"]);
    let own: serde_json::Value = serde_json::from_str(&own).unwrap();
    assert_eq!(
        own["routemap"]["version"], "1.0",
        "the version it was saved with"
    );
    assert_eq!(own["themes"][0]["name"], "Data inventory");
    assert_eq!(own["unmatched"], serde_json::json!([]));

    fs::write(
        data.path().join("later.yaml"),
        save("Casterbridge", "2026-11-02T09:00:00Z", "emerging", "absent")
            .replace("version: \"1.0\"", "version: \"3.0\""),
    )
    .unwrap();
    let (_, later, _) = run(data.path(), &["report", "later", "--format", "json"]);
    let later: serde_json::Value = serde_json::from_str(&later).unwrap();
    assert_eq!(later["routemap"]["version"], "2.0", "the latest kept");
    assert_eq!(
        later["unmatched"][0],
        "saved against routemap version '3.0', which is not kept here; shown against version '2.0'"
    );
}

#[test]
fn an_answer_typed_by_hand_is_kept_and_flagged_not_refused() {
    let data = setup();
    let typed = save("Dunmore", "2026-11-03T09:00:00Z", "level-1.5", "emerging");
    fs::write(data.path().join("dunmore.yaml"), &typed).unwrap();
    let (code, text, stderr) = run(data.path(), &["report", "dunmore"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("theme 'inventory': current stage 'level-1.5' is not on the routemap's scale; it is kept as it is"),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(data.path().join("dunmore.yaml")).unwrap(),
        typed,
        "nothing written"
    );
}
