//! `routemap summary`, driven as a regional group drives it.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn save(dir: &Path, name: &str, authority: &str, updated: &str, stages: &[&str]) {
    let themes = ["leadership", "governance", "organisational-change"];
    let mut text = format!(
        "format: routemap-assessment/1\nroutemap: {{ id: planting-the-flag, version: \"2.0\" }}\nauthority: {authority}\nupdated: {updated}\nanswers:\n"
    );
    for (theme, stage) in themes.iter().zip(stages) {
        text.push_str(&format!("  {theme}:\n    current: {stage}\n"));
    }
    fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

/// A region: five authorities in nested folders, one of them assessed twice, a file of
/// another routemap and a note that is not YAML.
fn region() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("region");
    save(
        &root,
        "north/anytown-2025.yaml",
        "Anytown",
        "2025-01-01T00:00:00Z",
        &["not-started", "not-started"],
    );
    save(
        &root,
        "north/anytown-2026.yaml",
        "Anytown",
        "2026-01-01T00:00:00Z",
        &["route-planned", "flag-planted", "n/a"],
    );
    save(
        &root,
        "north/barchester.yaml",
        "Barchester",
        "2026-02-01T00:00:00Z",
        &["route-planned", "route-planned"],
    );
    save(
        &root,
        "south/casterbridge.yaml",
        "Casterbridge",
        "2026-03-01T00:00:00Z",
        &["on-the-route", "flag-planted"],
    );
    save(
        &root,
        "south/deep/dunmore.yml",
        "Dunmore",
        "2026-04-01T00:00:00Z",
        &["flag-planted"],
    );
    save(
        &root,
        "eastwick.yaml",
        "Cyngor Sir Ynys Môn",
        "2026-05-01T00:00:00Z",
        &["destination-reached", "on-the-route"],
    );
    fs::write(
        root.join("procurement.yaml"),
        "format: routemap-assessment/1\nroutemap: { id: procurement-and-sourcing, version: \"2.0\" }\nauthority: Anytown\n",
    )
    .unwrap();
    fs::write(root.join("README.txt"), "not an assessment").unwrap();
    dir
}

/// The region with a broken save in it too.
fn region_with_a_broken_file() -> tempfile::TempDir {
    let dir = region();
    fs::write(
        dir.path().join("region/broken.yaml"),
        "format: routemap-assessment/1\nauthority: [\n",
    )
    .unwrap();
    dir
}

fn summary(dir: &Path, args: &[&str]) -> (i32, String, String) {
    // Wide enough for every theme's name, unless the test says otherwise.
    let output = routemap(dir)
        .env("COLUMNS", "120")
        .arg("summary")
        .arg(dir.join("region"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn row<'a>(text: &'a str, theme: &str) -> &'a str {
    text.lines()
        .find(|line| line.starts_with(theme))
        .unwrap_or_else(|| panic!("a row for {theme}:\n{text}"))
}

#[test]
fn a_directory_is_read_recursively_and_unusable_files_are_named() {
    let dir = region_with_a_broken_file();
    let (code, text, stderr) = summary(dir.path(), &[]);
    assert_eq!(
        code, 1,
        "a broken save fails the run, after the summary: {stderr}"
    );
    assert!(
        text.contains("planting-the-flag 2.0 · 5 authorities (the latest assessment of each) · 8 files read, 2 skipped"),
        "{text}"
    );
    let broken = dir.path().join("region/broken.yaml");
    assert!(
        stderr.contains(&format!("skipped: {}:2:12: ", broken.display())),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "note: summarising routemap 'planting-the-flag' (6 files); set aside 1 file of other routemaps: 'procurement-and-sourcing' (1 file)"
        ),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        2,
        "the note that is not YAML is not a save: {stderr}"
    );
    // Leadership: Anytown's 2026 answer (3), Barchester 3, Casterbridge 4, Dunmore 2, Môn 5.
    let leadership = row(&text, "Leadership");
    assert!(leadership.contains("· 0 ▒ 1 ▓ 2 ▒ 1 ▒ 1"), "{leadership}");
    assert!(
        leadership.ends_with("3  3–4"),
        "median 3, quartiles 3–4: {leadership}"
    );
    assert!(text.contains(
        "Authorities summarised: Anytown, Barchester, Casterbridge, Cyngor Sir Ynys Môn, Dunmore."
    ));
    let (code, _, stderr) = summary(region().path(), &[]);
    assert_eq!(
        code, 0,
        "files of another routemap are not an error: {stderr}"
    );
}

#[test]
fn every_assessment_counts_with_all() {
    let dir = region();
    let (_, text, _) = summary(dir.path(), &["--all"]);
    assert!(text.contains("6 assessments of 5 authorities"), "{text}");
    assert!(row(&text, "Leadership").contains("░ 1 ░ 1 ▒ 2"), "{text}");
}

#[test]
fn another_routemap_is_chosen_with_routemap() {
    let dir = region();
    let (code, text, stderr) = summary(dir.path(), &["--routemap", "procurement-and-sourcing"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("procurement-and-sourcing 2.0 · 1 authority"),
        "{text}"
    );
    assert!(
        stderr.contains("set aside 6 files of other routemaps: 'planting-the-flag' (6 files)"),
        "{stderr}"
    );
}

#[test]
fn one_authority_is_highlighted_against_the_group() {
    let dir = region();
    let (code, text, _) = summary(dir.path(), &["--highlight", "anytown"]);
    assert_eq!(code, 0);
    assert!(text.contains("* marks where Anytown is"));
    assert!(row(&text, "Leadership").contains("▓ 2*"), "{text}");
    assert!(row(&text, "Governance").ends_with("2 at"), "{text}");
    assert!(
        row(&text, "Organisational change").ends_with("n/a"),
        "{text}"
    );
    let (code, _, stderr) = summary(dir.path(), &["--highlight", "Nowhere"]);
    assert_eq!(code, 1, "a name not found: {stderr}");
    assert_eq!(
        stderr.lines().last().unwrap(),
        "error: no authority 'Nowhere' among the 5 authorities summarised; they are 'Anytown', 'Barchester', 'Casterbridge', 'Cyngor Sir Ynys Môn' and 'Dunmore'"
    );
    let (_, _, stderr) = summary(dir.path(), &["--highlight", "Barchster"]);
    assert!(stderr.contains("did you mean 'Barchester'?"), "{stderr}");
    let (_, _, stderr) = summary(dir.path(), &["--highlight", "Nowhere", "--anonymise"]);
    assert!(
        !stderr.contains("Barchester"),
        "no names when anonymised: {stderr}"
    );
}

#[test]
fn a_highlight_may_give_part_of_a_name_when_only_one_fits() {
    let dir = region();
    let root = dir.path().join("region");
    save(
        &root,
        "south/sir-benfro.yaml",
        "Cyngor Sir Benfro",
        "2026-02-01T00:00:00Z",
        &["flag-planted"],
    );
    // Whole words of one name: "Ynys Môn" is Cyngor Sir Ynys Môn.
    let (code, text, stderr) = summary(dir.path(), &["--highlight", "ynys môn"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("* marks where Cyngor Sir Ynys Môn is"),
        "{text}"
    );
    // Words two names share are refused, naming both.
    let (code, _, stderr) = summary(dir.path(), &["--highlight", "Cyngor Sir"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("'Cyngor Sir' fits 2 of the authorities summarised: 'Cyngor Sir Benfro' and 'Cyngor Sir Ynys Môn'; give more of the name"),
        "{stderr}"
    );
    // Part of a word is not a match.
    let (code, _, _) = summary(dir.path(), &["--highlight", "Any"]);
    assert_eq!(code, 1);
    // Typed without its accents, a name still fits; a slip in part of one gets the
    // whole name suggested.
    let (code, text, stderr) = summary(dir.path(), &["--highlight", "ynys mon"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        text.contains("* marks where Cyngor Sir Ynys Môn is"),
        "{text}"
    );
    let (code, _, stderr) = summary(dir.path(), &["--highlight", "Benfor"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("did you mean 'Cyngor Sir Benfro'?"),
        "{stderr}"
    );
    // Anonymised, the names that fit are not listed.
    let (_, _, stderr) = summary(dir.path(), &["--highlight", "Cyngor", "--anonymise"]);
    assert!(!stderr.contains("Benfro"), "{stderr}");
}

#[test]
fn anonymised_summaries_name_nobody_and_keep_their_labels() {
    let dir = region();
    let (code, first, _) = summary(dir.path(), &["--anonymise", "--format", "json"]);
    assert_eq!(code, 0);
    for name in ["Anytown", "Barchester", "Casterbridge", "Dunmore", "Môn"] {
        assert!(!first.contains(name), "{name} in\n{first}");
    }
    let value: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(value["anonymised"], true);
    assert_eq!(value["members"].as_array().unwrap().len(), 5);
    let (_, second, _) = summary(dir.path(), &["--anonymise", "--format", "json"]);
    assert_eq!(first, second, "stable from run to run");
    assert!(dir.path().join(".anonymise-key").is_file());
}

#[test]
fn small_groups_are_withheld_and_it_says_so() {
    let dir = region();
    let (code, text, _) = summary(dir.path(), &["--min-group", "3"]);
    assert_eq!(code, 0);
    assert!(
        text.contains("Figures drawn from fewer than 3 authorities are withheld ([c])"),
        "{text}"
    );
    let leadership = row(&text, "Leadership");
    assert!(leadership.contains("[c]"), "{leadership}");
    assert!(!leadership.contains("▓ 2"), "{leadership}");
    let (_, json, _) = summary(dir.path(), &["--min-group", "6", "--format", "json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["themes"][0]["suppressed"], true);
    assert_eq!(value["themes"][0]["median"], Value::Null);
    assert_eq!(value["themes"][0]["at_stage"][2], Value::Null);
    assert_eq!(value["themes"][0]["answered"], Value::Null);
}

#[test]
fn markdown_csv_and_json_say_the_same() {
    let dir = region();
    let (_, markdown, _) = summary(dir.path(), &["--format", "markdown"]);
    assert!(
        markdown.contains("| Theme | 1 Flag not yet planted | 2 Flag planted |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| Leadership | · 0 | ▒ 1 | ▓ 2 | ▒ 1 | ▒ 1 | 0 | 5 | 0 | 3 | 3–4 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Answered: authorities that answered the theme, at a stage or n/a (not applicable); Not answered: authorities that did not answer it."),
        "the legend names the columns as they are headed: {markdown}"
    );
    assert!(!markdown.contains("ANS"), "{markdown}");
    let (_, csv_text, _) = summary(dir.path(), &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let leadership: Vec<&str> = rows[0].iter().collect();
    assert_eq!(
        leadership,
        [
            "leadership",
            "Leadership",
            "Strategic capabilities",
            "5",
            "0",
            "1",
            "2",
            "1",
            "1",
            "0",
            "0",
            "0",
            "route-planned",
            "route-planned",
            "on-the-route",
            "",
            "5"
        ]
    );
    let (_, json, _) = summary(dir.path(), &["--format", "json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "routemap-summary/1");
    assert_eq!(
        value["themes"][0]["at_stage"],
        serde_json::json!([0, 1, 2, 1, 1])
    );
    assert_eq!(value["authorities"], 5);
}

#[test]
fn nothing_usable_is_an_error_and_no_file_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("region/broken.yaml");
    fs::create_dir_all(broken.parent().unwrap()).unwrap();
    let bytes = b"format: routemap-assessment/1\nauthority: [\n\xff".to_vec();
    fs::write(&broken, &bytes).unwrap();
    let (code, stdout, stderr) = summary(dir.path(), &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("skipped: "), "{stderr}");
    assert!(
        stderr.contains(
            "error: no saved assessment could be read from the 1 file found; give the files or folders that hold them"
        ),
        "{stderr}"
    );
    assert_eq!(fs::read(&broken).unwrap(), bytes);
    let missing = routemap(dir.path())
        .args(["summary", "/nonexistent/dir"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "error: cannot read '/nonexistent/dir': no such file or directory\nerror: nothing given exists; check the paths\n"
    );
}

#[test]
fn the_data_directory_itself_can_be_summarised_without_noise() {
    let data = tempfile::tempdir().unwrap();
    save(
        data.path(),
        "anytown.yaml",
        "Anytown",
        "2026-01-01T00:00:00Z",
        &["flag-planted"],
    );
    save(
        data.path(),
        "othertown.yaml",
        "Othertown",
        "2026-01-01T00:00:00Z",
        &["on-the-route"],
    );
    fs::create_dir_all(data.path().join("routemaps")).unwrap();
    fs::write(
        data.path().join("routemaps/mine.yaml"),
        include_str!("../assessments/procurement-and-sourcing.yaml")
            .replace("id: procurement-and-sourcing", "id: mine"),
    )
    .unwrap();
    fs::create_dir_all(data.path().join("reports")).unwrap();
    fs::write(data.path().join("reports/anytown.md"), "# a report").unwrap();
    let output = routemap(data.path())
        .arg("summary")
        .arg(data.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("mine.yaml"), "{stderr}");
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("2 authorities")
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_said_and_the_rest_summarised() {
    let dir = region();
    let fifo = dir.path().join("region/pipe.yaml");
    if !std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|status| status.success())
    {
        return;
    }
    let (code, text, stderr) = summary(dir.path(), &[]);
    assert_eq!(code, 1, "a file that could not be read: {stderr}");
    assert!(text.contains("5 authorities"), "{text}");
    assert!(
        stderr.contains("pipe.yaml': it is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
    assert!(stderr.contains("cannot read the file '"), "{stderr}");
}

#[test]
fn standard_input_is_not_a_folder_of_assessments() {
    let dir = region();
    let (code, text, stderr) = summary(dir.path(), &["-"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(text.is_empty());
    assert!(
        stderr.contains("summary reads saved files and folders, not standard input ('-')"),
        "{stderr}"
    );
}

#[test]
fn a_routemap_refused_is_not_called_missing() {
    let dir = region();
    // A custom routemap taking the built-in's id is refused, not missing: say why.
    fs::create_dir_all(dir.path().join("routemaps")).unwrap();
    let impostor = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/routemaps/good/three-themes.yaml"
    ))
    .unwrap()
    .replace("id: three-themes", "id: planting-the-flag");
    fs::write(dir.path().join("routemaps/impostor.yaml"), impostor).unwrap();
    let (_, _, stderr) = summary(dir.path(), &["--routemap", "procurement-and-sourcing"]);
    assert!(!stderr.contains("a routemap not found"), "{stderr}");
    assert!(
        stderr.contains("a routemap that cannot be used: ")
            && stderr.contains("is the id of a built-in routemap"),
        "{stderr}"
    );
}

/// The sentences under the markdown tables, after the last table row.
fn markdown_footer(markdown: &str) -> &str {
    let last_row = markdown.rfind("|\n").unwrap();
    &markdown[last_row + 2..]
}

#[test]
fn the_markdown_footer_defines_each_column_once_as_it_is_headed() {
    let dir = region();
    let (_, markdown, _) = summary(dir.path(), &["--format", "markdown"]);
    assert!(
        markdown.contains("| Section | Authorities | Median | Mean |"),
        "{markdown}"
    );
    let footer = markdown_footer(&markdown);
    for text_heading in ["AUTH", "ANS", "none:"] {
        assert!(
            !footer.contains(text_heading),
            "'{text_heading}' heads a column of the text summary, not of the markdown: {footer}"
        );
    }
    for heading in ["Answered", "Not answered", "Authorities"] {
        let definition = format!("{heading}: ");
        assert_eq!(
            footer.matches(&definition).count(),
            1,
            "'{heading}' is explained once: {footer}"
        );
        let meaning = footer.split(&definition).nth(1).unwrap();
        assert!(
            !meaning.to_lowercase().starts_with(&heading.to_lowercase()),
            "'{heading}' is explained in other words: {footer}"
        );
    }
}
