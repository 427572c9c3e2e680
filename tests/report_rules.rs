//! `routemap report`, as a stranger found it wanting: `--against -`, one meaning of
//! "answered", CSV that dropped `--against` and `--role`, a stand-in report's header
//! and counts, local paths in a document meant to be passed round, and a comparison
//! that ran backwards without a word.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use serde_json::Value;
use std::fs;
use std::path::Path;

const LAST_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown
updated: 2025-11-20T10:00:00Z
answers:
  leadership:
    current: not-started
  governance:
    current: route-planned
";

const THIS_YEAR: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown
updated: 2026-11-27T14:03:11Z
answers:
  leadership:
    current: flag-planted
    target: on-the-route
  governance:
    current: flag-planted
    target: route-planned
  shared-services:
    current: n/a
";

fn setup() -> tempfile::TempDir {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("2025.yaml"), LAST_YEAR).unwrap();
    fs::write(data.path().join("2026.yaml"), THIS_YEAR).unwrap();
    data
}

fn report(data: &Path, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut command = routemap(data);
    command.arg("report").args(args);
    if let Some(text) = stdin {
        command.write_stdin(text);
    }
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn against_dash_reads_standard_input() {
    let data = setup();
    let (code, text, stderr) = report(data.path(), &["2026", "--against", "-"], Some(LAST_YEAR));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("Compared with standard input, last updated 2025-11-20 10:00 UTC"),
        "{text}"
    );
    assert!(text.contains("| Leadership | 1 Flag not yet planted | 2 Flag planted | ↑ up 1 |"));
}

#[test]
fn answered_counts_n_a_and_says_so() {
    let data = setup();
    let (_, text, _) = report(data.path(), &["2026"], None);
    assert!(
        text.contains(
            "3 of 12 themes answered (2 with a stage, 1 not applicable); 9 not yet answered;"
        ),
        "{text}"
    );
    let (_, json, _) = report(data.path(), &["2026", "--format", "json"], None);
    let value: Value = serde_json::from_str(&json).unwrap();
    let overall = &value["rollup"]["overall"];
    assert_eq!(
        (
            &overall["answered"],
            &overall["with_stage"],
            &overall["not_applicable"]
        ),
        (&Value::from(3), &Value::from(2), &Value::from(1))
    );
    // The same count as `list` gives.
    let list = routemap(data.path())
        .args(["list", "--format", "json"])
        .output()
        .unwrap();
    let listed: Value = serde_json::from_str(&String::from_utf8(list.stdout).unwrap()).unwrap();
    let this_year = listed["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "2026")
        .unwrap();
    assert_eq!(this_year["answered"], 3);
}

#[test]
fn csv_carries_the_movement_and_the_roles_actions() {
    let data = setup();
    let (code, text, stderr) = report(
        data.path(),
        &[
            "2026",
            "--format",
            "csv",
            "--against",
            "2025",
            "--role",
            "cfo",
        ],
        None,
    );
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[25..], ["before", "change", "actions"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let leadership = &rows[0];
    assert_eq!((&leadership[25], &leadership[26]), ("not-started", "up"));
    assert!(leadership[27].starts_with("CFO: "), "{:?}", &leadership[27]);
    assert!(!leadership[27].contains("CEO: "), "only the role asked for");
    let governance = &rows[1];
    assert_eq!(
        (&governance[25], &governance[26]),
        ("route-planned", "down")
    );
    let (_, plain, _) = report(data.path(), &["2026", "--format", "csv"], None);
    let mut reader = csv::Reader::from_reader(plain.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        (&rows[0][25], &rows[0][26]),
        ("", ""),
        "no movement without --against"
    );
    assert!(rows[0][27].contains("CEO: ") && rows[0][27].contains("CIO: "));
}

#[test]
fn a_report_names_files_without_their_folders() {
    let data = setup();
    let (_, text, _) = report(data.path(), &["2026", "--against", "2025"], None);
    let folder = data.path().display().to_string();
    assert!(text.contains("- **Saved file:** 2026.yaml"), "{text}");
    assert!(text.contains("Compared with 2025.yaml"), "{text}");
    let (_, html, _) = report(
        data.path(),
        &["2026", "--against", "2025", "--format", "html"],
        None,
    );
    for document in [&text, &html] {
        assert!(!document.contains(&folder), "{document}");
    }
}

#[test]
fn a_comparison_with_a_later_assessment_is_warned_of() {
    let data = setup();
    let (code, _, stderr) = report(data.path(), &["2025", "--against", "2026"], None);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("warning: the assessment compared with (updated 2026-11-27 14:03 UTC) is later than the one reported (updated 2025-11-20 10:00 UTC)"),
        "{stderr}"
    );
    let (_, _, stderr) = report(data.path(), &["2026", "--against", "2025"], None);
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn a_stand_in_report_says_plainly_which_routemap_and_counts_its_targets() {
    let data = tempfile::tempdir().unwrap();
    fs::write(
        data.path().join("x.yaml"),
        "format: routemap-assessment/1\nroutemap: { id: x, version: \"3\" }\nauthority: Anytown\nanswers:\n  one: { current: low, target: high }\n",
    )
    .unwrap();
    let (code, text, _) = report(data.path(), &["x"], None);
    assert_eq!(code, 0);
    assert!(
        text.contains("- **Routemap:** x, version 3 (not found)\n"),
        "{text}"
    );
    assert!(!text.contains("was not found) ("), "{text}");
    assert!(
        text.contains("1 of 1 theme answered; 1 with a target (whether below it cannot be told without the routemap)."),
        "{text}"
    );
}
