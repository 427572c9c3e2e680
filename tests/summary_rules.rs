//! `routemap summary`'s rules, each as a stranger found it broken: suppression that
//! subtraction could undo, a stray file choosing the routemap, files counted twice,
//! missing paths passed over, labels anyone could map back, a table that ignored the
//! width, and files read without end.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use serde_json::Value;
use std::fs;
use std::path::Path;
use unicode_width::UnicodeWidthStr;

/// Saves an assessment of `routemap` (planting-the-flag by default) with a leadership
/// answer.
fn save_of(dir: &Path, name: &str, routemap: &str, version: &str, authority: &str, stage: &str) {
    let text = format!(
        "format: routemap-assessment/1\nroutemap: {{ id: {routemap}, version: \"{version}\" }}\nauthority: {authority}\nupdated: 2026-01-01T00:00:00Z\nanswers:\n  leadership:\n    current: {stage}\n"
    );
    fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

fn save(dir: &Path, name: &str, authority: &str, stage: &str) {
    save_of(dir, name, "planting-the-flag", "2.0", authority, stage);
}

/// `counts[i]` authorities at stage i+1 on leadership, in `dir/region`.
fn region_of(dir: &Path, counts: &[usize]) {
    let mut n = 0;
    for (stage, &count) in common::PTF_STAGES.iter().zip(counts) {
        for _ in 0..count {
            n += 1;
            save(
                &dir.join("region"),
                &format!("a{n:03}.yaml"),
                &format!("Council {n:03}"),
                stage,
            );
        }
    }
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(dir)
        .env("COLUMNS", "120")
        .arg("summary")
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn leadership(text: &str) -> &str {
    text.lines()
        .find(|line| line.starts_with("Leadership"))
        .unwrap_or_else(|| panic!("a leadership row:\n{text}"))
}

#[test]
fn a_withheld_count_cannot_be_had_by_subtracting_from_the_total() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[9, 4, 5, 8, 6]);
    let region = dir.path().join("region");
    let region = region.to_str().unwrap();
    let (code, text, stderr) = run(dir.path(), &[region, "--min-group", "5"]);
    assert_eq!(code, 0, "{stderr}");
    let row = leadership(&text);
    // ANS 32 and 9, <5, 5, 8, 6 gave the 4 away: now two stages are withheld, and
    // the median, which would tell how they split, reads as withheld too.
    assert_eq!(row.matches("[c]").count(), 3, "{row}");
    assert!(row.contains("[c]  1–4"), "{row}");
    assert!(row.contains(" 32 "), "{row}");
    assert!(!row.contains(" 4 "), "{row}");
    assert!(
        text.replace('\n', " ").contains("2 figures are withheld."),
        "{text}"
    );
    let (_, csv, _) = run(dir.path(), &[region, "--min-group", "5", "--format", "csv"]);
    let line = csv.lines().nth(1).unwrap();
    assert!(
        line.starts_with("leadership,Leadership,Strategic capabilities,32,9,,,8,6,"),
        "{line}"
    );
    let (_, json, _) = run(
        dir.path(),
        &[region, "--min-group", "5", "--format", "json"],
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        value["themes"][0]["at_stage"],
        serde_json::json!([9, null, null, 8, 6])
    );
    assert_eq!(value["withheld"], 2);
}

#[test]
fn not_applicable_cannot_be_had_from_the_count_of_authorities() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[4, 4]);
    save(&dir.path().join("region"), "na.yaml", "Council NA", "n/a");
    let region = dir.path().join("region");
    let (_, json, _) = run(
        dir.path(),
        &[
            region.to_str().unwrap(),
            "--min-group",
            "3",
            "--format",
            "json",
        ],
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    let theme = &value["themes"][0];
    assert_eq!(value["authorities"], 9);
    assert_eq!(theme["not_applicable"], Value::Null, "{theme}");
    // 9 authorities less those shown must not leave the one n/a alone.
    let shown: i64 = ["answered", "placed", "unanswered"]
        .iter()
        .filter(|k| !theme[**k].is_null())
        .count() as i64;
    assert!(shown < 3, "a total withheld with it: {theme}");
}

#[test]
fn two_authorities_quartiles_do_not_give_their_stages_away() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[1, 0, 1]);
    let region = dir.path().join("region");
    let (_, json, _) = run(
        dir.path(),
        &[
            region.to_str().unwrap(),
            "--min-group",
            "2",
            "--format",
            "json",
        ],
    );
    let value: Value = serde_json::from_str(&json).unwrap();
    let theme = &value["themes"][0];
    for key in ["lower_quartile", "median", "upper_quartile"] {
        assert_eq!(theme[key], Value::Null, "{key}: {theme}");
    }
}

#[test]
fn anonymising_withholds_small_groups_by_default_and_warns_when_there_are_few() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[1, 2, 1]);
    let region = dir.path().join("region");
    let (code, text, stderr) = run(dir.path(), &[region.to_str().unwrap(), "--anonymise"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("Figures drawn from fewer than 3 authorities are withheld"),
        "--min-group 3 unless given: {text}"
    );
    assert!(
        stderr.contains("warning: only 4 authorities summarised;"),
        "{stderr}"
    );
    let (_, text, _) = run(
        dir.path(),
        &[region.to_str().unwrap(), "--anonymise", "--min-group", "1"],
    );
    assert!(
        !text.contains("withheld"),
        "an explicit --min-group wins: {text}"
    );
}

#[test]
fn the_routemap_most_files_share_is_summarised_whatever_is_read_first() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    // Read first, in name order: one stray file of another routemap.
    save_of(
        &region,
        "000-stray.yaml",
        "procurement-and-sourcing",
        "2.0",
        "Stray",
        "n/a",
    );
    region_of(dir.path(), &[1, 1]);
    let (code, text, stderr) = run(dir.path(), &[region.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.starts_with("Planting the Flag"), "{text}");
    assert_eq!(
        stderr,
        "note: summarising routemap 'planting-the-flag' (2 files); set aside 1 file of other routemaps: 'procurement-and-sourcing' (1 file); --routemap ID summarises another\n"
    );
    assert!(text.contains("3 files read, 1 skipped"), "{text}");
    // One of each: a close call, refused.
    fs::remove_file(region.join("a002.yaml")).unwrap();
    let (code, text, stderr) = run(dir.path(), &[region.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(text.is_empty());
    assert!(
        stderr.contains("none clearly the most common: 'planting-the-flag' (1 file), 'procurement-and-sourcing' (1 file); say which to summarise with --routemap ID"),
        "{stderr}"
    );
}

#[test]
fn a_missing_routemap_is_not_suggested_as_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    region_of(dir.path(), &[2]);
    save_of(&region, "x.yaml", "no-such-model", "3", "X", "n/a");
    let (code, _, stderr) = run(dir.path(), &[region.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("'no-such-model' (1 file, a routemap not found)"),
        "{stderr}"
    );
    save_of(&region, "y.yaml", "no-such-model", "3", "Y", "n/a");
    save_of(&region, "z.yaml", "no-such-model", "3", "Z", "n/a");
    save_of(&region, "w.yaml", "no-such-model", "3", "W", "n/a");
    let (code, _, stderr) = run(dir.path(), &[region.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: no routemap 'no-such-model' was found; 4 files given are assessments against it;"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn each_file_counts_once_however_often_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    save(&region, "north/a.yaml", "Anytown", "flag-planted");
    save(&region, "b.yaml", "Barchester", "route-planned");
    std::os::unix::fs::symlink(region.join("north/a.yaml"), region.join("link.yaml")).unwrap();
    let b = region.join("b.yaml");
    let args = [
        region.to_str().unwrap(),
        region.join("north").to_str().unwrap().to_string().leak(),
        b.to_str().unwrap(),
        b.to_str().unwrap(),
        "--all",
    ];
    let (code, text, stderr) = run(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("2 assessments of 2 authorities · 2 files read, 0 skipped"),
        "{text}"
    );
    assert!(
        stderr.contains("note: 4 files given more than once"),
        "{stderr}"
    );
    assert!(
        text.contains("Authorities summarised: Anytown, Barchester."),
        "{text}"
    );
}

#[test]
fn a_path_that_does_not_exist_is_an_error_after_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[1]);
    let region = dir.path().join("region");
    let missing = dir.path().join("nowhere");
    let (code, text, stderr) = run(
        dir.path(),
        &[region.to_str().unwrap(), missing.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(text.contains("1 file read, 0 skipped"), "{text}");
    assert_eq!(
        stderr,
        format!(
            "error: cannot read '{}': no such file or directory\n",
            missing.display()
        )
    );
    let (code, text, stderr) = run(dir.path(), &["nosuchdir"]);
    assert_eq!((code, text.as_str()), (1, ""));
    assert!(
        stderr.ends_with("error: nothing given exists; check the paths\n"),
        "{stderr}"
    );
}

#[test]
fn anonymised_messages_name_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    region_of(dir.path(), &[2, 3]);
    fs::write(
        region.join("anytown-secret.yaml"),
        "format: routemap-assessment/1\nauthority: [\n",
    )
    .unwrap();
    save_of(
        &region,
        "barchester-secret.yaml",
        "procurement-and-sourcing",
        "1",
        "B",
        "n/a",
    );
    let missing = dir.path().join("casterbridge-secret.yaml");
    let (code, _, stderr) = run(
        dir.path(),
        &[
            region.to_str().unwrap(),
            missing.to_str().unwrap(),
            "--anonymise",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
    assert!(
        stderr.contains("error: cannot read the 2nd path given"),
        "{stderr}"
    );
    assert!(
        stderr.contains("skipped: 1 file that cannot be read as saved assessments (run without --anonymise to see which)"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn the_labels_key_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[3, 3]);
    let region = dir.path().join("region");
    let (code, _, _) = run(dir.path(), &[region.to_str().unwrap(), "--anonymise"]);
    assert_eq!(code, 0);
    let key = fs::metadata(dir.path().join(".anonymise-key")).unwrap();
    assert_eq!(key.permissions().mode() & 0o777, 0o600);
}

#[test]
fn the_table_fits_the_width_and_marks_keep_the_columns_in_line() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[3, 12, 2, 1]);
    let region = dir.path().join("region");
    let region = region.to_str().unwrap();
    for width in ["60", "80", "100"] {
        let (_, text, _) = run(
            dir.path(),
            &[region, "--width", width, "--highlight", "Council 004"],
        );
        let width: usize = width.parse().unwrap();
        for line in text.lines() {
            assert!(line.width() <= width, "{width}: {line:?}\n{text}");
        }
    }
    let (_, wide, _) = run(dir.path(), &[region, "--width", "200"]);
    assert!(
        wide.contains("Information management, assurance and transparency "),
        "names whole at 200 columns: {wide}"
    );
    let (_, text, _) = run(dir.path(), &[region, "--highlight", "Council 004"]);
    // The numbers of every row end in the same columns, marked or not.
    let ends = |line: &str| -> Vec<usize> {
        let chars: Vec<char> = line.chars().collect();
        (1..chars.len())
            .filter(|&i| chars[i - 1].is_ascii_digit() && !chars[i].is_ascii_digit())
            .take(4)
            .collect()
    };
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("Leadership") || l.starts_with("Governance"))
        .collect();
    assert_eq!(ends(rows[0]), ends(rows[1]), "{text}");
    let (_, text, _) = run(dir.path(), &[region, "--min-group", "100000"]);
    let row = leadership(&text);
    assert!(row.contains("[c]  [c]"), "figures apart: {row}");
}

#[cfg(unix)]
#[test]
fn a_device_is_not_read_as_a_save() {
    let dir = tempfile::tempdir().unwrap();
    region_of(dir.path(), &[1]);
    let region = dir.path().join("region");
    let (code, text, stderr) = run(dir.path(), &[region.to_str().unwrap(), "/dev/zero"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(text.contains("2 files read, 1 skipped"), "{text}");
    assert!(
        stderr.contains("skipped: cannot read '/dev/zero': it is a device or other special file, not a regular file"),
        "{stderr}"
    );
}

#[test]
fn versions_mixed_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    let region = dir.path().join("region");
    save_of(&region, "a.yaml", "planting-the-flag", "2.0", "A", "n/a");
    save_of(&region, "b.yaml", "planting-the-flag", "2010.9", "B", "n/a");
    let (code, _, stderr) = run(dir.path(), &[region.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("note: these assessments were saved against versions '2.0' (1 file), '2010.9' (1 file) of routemap 'planting-the-flag'; they are summarised against version '2.0'"),
        "{stderr}"
    );
}
