//! The conventions users bring from git, ripgrep, gh and cargo: help with examples and
//! exit codes, completions the shell parses, a man page, `-` for stdin, JSON listings,
//! one rule for names, and merge's output and status.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use common::schema::{readme_schema, validate};
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::Command;

const SAVED: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
title: 2025 baseline
updated: 2025-11-20T10:00:00Z
answers:
  leadership: { current: flag-planted }
  governance: { current: route-planned }
";

fn run(data: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(data).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const COMMANDS: [&str; 13] = [
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
    "completions",
    "man",
];

#[test]
fn every_help_has_examples_and_exit_codes() {
    let data = tempfile::tempdir().unwrap();
    for command in std::iter::once(None).chain(COMMANDS.map(Some)) {
        let args: Vec<&str> = command.into_iter().chain(["--help"]).collect();
        let (code, help, _) = run(data.path(), &args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            help.contains("\nExamples:\n  routemap"),
            "{args:?}:\n{help}"
        );
        assert!(
            help.contains("\nExit status:\n  0  success\n  1  a problem you can fix"),
            "{args:?}:\n{help}"
        );
        assert!(help.contains("  2  bad usage"), "{args:?}:\n{help}");
        let (_, short, _) = run(
            data.path(),
            &[args[..args.len() - 1].to_vec(), vec!["-h"]].concat(),
        );
        assert!(!short.contains("Exit status:"), "-h stays short: {args:?}");
    }
    let (_, diff, _) = run(data.path(), &["diff", "--help"]);
    assert!(diff.contains("  3  --fail-on-regression found a theme that went down"));
    let (_, merge, _) = run(data.path(), &["merge", "--help"]);
    assert!(
        merge.contains("Usage: routemap merge [OPTIONS] --output <OUT> <A> <B>..."),
        "{merge}"
    );
    assert!(merge.contains("  3  the merged file was written, with conflicts to settle"));
}

#[test]
fn bash_parses_the_completions_and_completes_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (code, script, _) = run(dir.path(), &["completions", "bash"]);
    assert_eq!(code, 0);
    let file = dir.path().join("routemap.bash");
    fs::write(&file, &script).unwrap();
    let syntax = Command::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(
        syntax.status.success(),
        "{}",
        String::from_utf8_lossy(&syntax.stderr)
    );
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let program = format!(
            "source '{}'; complete -p routemap; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT={}; _routemap routemap '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            file.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            words.len() - 1,
            line.len(),
            words[words.len() - 1],
            words[words.len() - 2],
        );
        // The script asks routemap for the saved names: this build, this data dir.
        let bin = std::path::Path::new(env!("CARGO_BIN_EXE_routemap"))
            .parent()
            .unwrap()
            .to_path_buf();
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let output = Command::new("bash")
            .arg("-c")
            .arg(program)
            .current_dir(dir.path())
            .env("PATH", path)
            .env("ROUTEMAP_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let commands = complete("routemap o");
    assert!(
        commands
            .starts_with("complete -o bashdefault -o default -o nosort -F _routemap routemap\n"),
        "{commands}"
    );
    assert_eq!(commands.lines().skip(1).collect::<Vec<_>>(), ["open"]);
    let all = complete("routemap ");
    for command in COMMANDS {
        assert!(all.lines().any(|l| l == command), "{command} in:\n{all}");
    }
    assert!(
        !all.lines().any(|l| l == "git-diff"),
        "hidden commands are not offered"
    );
    let formats = complete("routemap diff --format ");
    assert_eq!(
        formats.lines().skip(1).collect::<Vec<_>>(),
        ["text", "markdown", "json"]
    );
    // A saved assessment's name, or a file, where a command takes one.
    fs::create_dir_all(dir.path().join("data")).unwrap();
    fs::write(dir.path().join("data/anytown-2026.yaml"), SAVED).unwrap();
    fs::write(dir.path().join("anytown-export.yaml"), SAVED).unwrap();
    for line in [
        "routemap open any",
        "routemap diff anytown-2025 any",
        "routemap report any",
    ] {
        let offered = complete(line);
        let offered: Vec<&str> = offered.lines().skip(1).collect();
        assert!(offered.contains(&"anytown-2026"), "{line}: {offered:?}");
        assert!(
            offered.contains(&"anytown-export.yaml"),
            "{line}: {offered:?}"
        );
    }
    let options = complete("routemap radar --t");
    assert_eq!(options.lines().skip(1).collect::<Vec<_>>(), ["--target"]);
}

#[test]
fn every_shell_gets_a_script_its_shell_parses_where_installed() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, parser) in [
        ("bash", Some(("bash", "-n"))),
        ("zsh", Some(("zsh", "-n"))),
        ("fish", Some(("fish", "-n"))),
        ("powershell", None),
        ("elvish", None),
    ] {
        let (code, script, _) = run(dir.path(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains("routemap") && script.len() > 500, "{shell}");
        let Some((program, check)) = parser else {
            continue;
        };
        let file = dir.path().join(format!("completion.{shell}"));
        fs::write(&file, &script).unwrap();
        match Command::new(program).arg(check).arg(&file).output() {
            Ok(output) => assert!(
                output.status.success(),
                "{shell}: {}",
                String::from_utf8_lossy(&output.stderr)
            ),
            Err(_) => eprintln!("{program} is not installed: its script is not parsed"),
        }
    }
    let (code, _, stderr) = run(dir.path(), &["completions", "tcsh"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn the_man_page_renders_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let (code, page, _) = run(dir.path(), &["man"]);
    assert_eq!(code, 0);
    let file = dir.path().join("routemap.1");
    fs::write(&file, &page).unwrap();
    let output = Command::new("man")
        .args(["--warnings", "-l"])
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .output()
        .expect("man-db is installed (.ci/run installs it)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.trim().is_empty(),
        "{stderr}"
    );
    let text = String::from_utf8_lossy(&output.stdout);
    for section in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "SUBCOMMANDS",
        "EXAMPLES",
        "EXIT STATUS",
    ] {
        assert!(
            text.contains(&format!("\n{section}\n")),
            "{section}:\n{text}"
        );
    }
    assert!(
        text.contains("routemap-diff(1)") && !text.contains("git-diff"),
        "{text}"
    );

    let pages = dir.path().join("man1");
    let (code, _, stderr) = run(dir.path(), &["man", "--dir", pages.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("Wrote 14 man pages into"), "{stderr}");
    assert!(pages.join("routemap-diff.1").is_file());
    assert!(!pages.join("routemap-git-diff.1").exists());
}

#[test]
fn a_dash_reads_standard_input() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("2025.yaml"), SAVED).unwrap();
    let newer = SAVED.replace("current: flag-planted", "current: on-the-route");
    let diff = routemap(data.path())
        .args(["diff", "2025", "-", "--format", "json"])
        .write_stdin(newer.clone())
        .output()
        .unwrap();
    assert_eq!(
        diff.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&diff.stderr)
    );
    let value: Value = serde_json::from_slice(&diff.stdout).unwrap();
    assert_eq!(value["after"]["path"], "<stdin>");
    assert_eq!(value["themes"][0]["change"], "up");

    let radar = routemap(data.path())
        .args(["radar", "-", "--width", "100"])
        .write_stdin(newer)
        .output()
        .unwrap();
    assert_eq!(radar.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&radar.stdout).starts_with(
        "Anytown Borough Council — 2025 baseline · planting-the-flag 2.0 · 2/12 answered"
    ));

    let map = include_str!("../assessments/procurement-and-sourcing.yaml");
    let check = routemap(data.path())
        .args(["check", "-"])
        .write_stdin(map)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0));
    assert!(
        String::from_utf8_lossy(&check.stdout)
            .starts_with("<stdin>: ok, routemap 'procurement-and-sourcing'")
    );
    let bad = routemap(data.path())
        .args(["check", "-"])
        .write_stdin("id: x\ntitle: X\nversion: '1'\nnmae: y\n")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).starts_with("error: <stdin>:4:1: unknown key 'nmae'")
    );

    let (code, _, stderr) = run(data.path(), &["diff", "-", "-"]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        "error: '-' (standard input) can be given only once; save the others to files\n"
    );
}

#[test]
fn list_as_json_with_its_schema_and_sort_orders() {
    let data = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(data.path(), &["list", "--format", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let empty: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(empty["schema"], "routemap-list/1");
    assert_eq!(empty["assessments"], Value::Array(vec![]));

    fs::write(data.path().join("a-old.yaml"), SAVED).unwrap();
    let newer = SAVED
        .replace("Anytown Borough Council", "Borsetshire County Council")
        .replace("2025-11-20", "2026-01-02")
        .replace("  governance: { current: route-planned }\n", "");
    fs::write(data.path().join("b-new.yaml"), newer).unwrap();
    let names = |args: &[&str]| -> Vec<String> {
        let (code, stdout, _) = run(data.path(), &[&["list", "--format", "json"], args].concat());
        assert_eq!(code, 0);
        let value: Value = serde_json::from_str(&stdout).unwrap();
        value["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| entry["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names(&[]), ["b-new", "a-old"], "newest first by default");
    assert_eq!(names(&["--sort", "updated"]), ["b-new", "a-old"]);
    assert_eq!(names(&["--sort", "authority"]), ["a-old", "b-new"]);
    assert_eq!(names(&["--sort", "progress"]), ["a-old", "b-new"]);

    let (_, stdout, _) = run(
        data.path(),
        &["list", "--format", "json", "--sort", "authority"],
    );
    let value: Value = serde_json::from_str(&stdout).unwrap();
    let first = &value["assessments"][0];
    assert_eq!(first["authority"], "Anytown Borough Council");
    assert_eq!(first["title"], "2025 baseline");
    assert_eq!(first["routemap"]["id"], "planting-the-flag");
    assert_eq!(first["routemap"]["found"], true);
    assert_eq!(
        (first["answered"].as_u64(), first["themes"].as_u64()),
        (Some(2), Some(12))
    );
    assert_eq!(first["updated"], "2025-11-20T10:00:00Z");
    assert!(first["path"].as_str().unwrap().ends_with("a-old.yaml"));

    fs::write(data.path().join("c-broken.yaml"), "authority: [\n").unwrap();
    let (code, stdout, stderr) = run(data.path(), &["list", "--format", "json"]);
    assert_eq!(code, 1, "an unreadable file fails the listing");
    assert!(stderr.starts_with("warning: "), "{stderr}");
    let value: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["assessments"].as_array().unwrap().len(), 2);
    assert_eq!(value["unreadable"][0]["name"], "c-broken");
    let schema = readme_schema("routemap-list/1");
    validate(&value, &schema, &schema, "$").unwrap();
    validate(&empty, &schema, &schema, "$").unwrap();
}

#[test]
fn routemaps_as_json_and_no_hint_in_a_pipe() {
    let data = tempfile::tempdir().unwrap();
    let (code, text, stderr) = run(data.path(), &["routemaps"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(!text.contains("Custom routemaps go in"), "{text}");
    let (_, json, _) = run(data.path(), &["routemaps", "--format", "json"]);
    let value: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "routemap-routemaps/1");
    let first = &value["routemaps"][0];
    assert_eq!(first["id"], "planting-the-flag");
    assert_eq!(first["origin"], "built-in");
    assert_eq!(
        (first["themes"].as_u64(), first["stages"].as_u64()),
        (Some(12), Some(5))
    );
    assert_eq!(first["path"], Value::Null);
    let schema = readme_schema("routemap-routemaps/1");
    validate(&value, &schema, &schema, "$").unwrap();
}

#[test]
fn one_rule_for_names_typed_on_the_command_line() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown-2025.yaml"), SAVED).unwrap();
    let radar = |cwd: &Path, name: &str| {
        let output = routemap(data.path())
            .current_dir(cwd)
            .args(["radar", name, "--width", "60"])
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    for name in [
        "anytown-2025",
        "anytown-2025.yaml",
        "anytown borough council",
    ] {
        assert_eq!(radar(elsewhere.path(), name).0, Some(0), "{name}");
    }
    // From inside the data directory the file here and the saved one are one file.
    assert_eq!(radar(data.path(), "anytown-2025.yaml").0, Some(0));
    // A copy here with the same bytes is the same assessment: nothing to choose between.
    fs::copy(
        data.path().join("anytown-2025.yaml"),
        elsewhere.path().join("anytown-2025.yaml"),
    )
    .unwrap();
    assert_eq!(radar(elsewhere.path(), "anytown-2025.yaml").0, Some(0));
    // A different file of that name here: both are listed, neither picked.
    fs::write(
        elsewhere.path().join("anytown-2025.yaml"),
        SAVED.replace("2025 baseline", "copy"),
    )
    .unwrap();
    let (code, stderr) = radar(elsewhere.path(), "anytown-2025.yaml");
    assert_eq!(
        code,
        Some(1),
        "a name that fits two things is a problem with the name (1), not bad usage"
    );
    assert!(stderr.contains("'anytown-2025.yaml' could be the file 'anytown-2025.yaml' in this folder or the saved assessment '"), "{stderr}");
    assert!(
        stderr.contains("write './anytown-2025.yaml' for the file here"),
        "{stderr}"
    );
    assert_eq!(radar(elsewhere.path(), "./anytown-2025.yaml").0, Some(0));
    let (code, stderr) = radar(elsewhere.path(), "nowhere");
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("there is no file 'nowhere' here, no 'nowhere.yaml' in '"),
        "{stderr}"
    );
}

#[test]
fn merge_writes_into_the_data_dir_says_merged_and_exits_3_on_conflicts() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let ict = SAVED.replace("2025 baseline", "ICT themes");
    let digital = SAVED
        .replace("2025 baseline", "Digital themes")
        .replace("  leadership: { current: flag-planted }\n", "");
    fs::write(data.path().join("ict.yaml"), &ict).unwrap();
    fs::write(data.path().join("digital.yaml"), digital).unwrap();
    let merge = |args: &[&str]| {
        let output = routemap(data.path())
            .current_dir(cwd.path())
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = merge(&["merge", "ict", "digital", "-o", "anytown-2026"]);
    assert_eq!(code, Some(0), "{stderr}");
    let merged = fs::read_to_string(data.path().join("anytown-2026.yaml")).unwrap();
    assert!(
        merged.contains("\ntitle: 'Merged: ICT themes + Digital themes'\n")
            || merged.contains("\ntitle: \"Merged: ICT themes + Digital themes\"\n"),
        "{merged}"
    );
    assert_eq!(
        fs::read_dir(cwd.path()).unwrap().count(),
        0,
        "nothing in the working directory"
    );
    let (_, listed, _) = run(data.path(), &["list"]);
    assert!(listed.contains("anytown-2026"), "{listed}");

    let (code, _) = merge(&["merge", "ict", "digital", "-o", "./here.yaml"]);
    assert_eq!(code, Some(0));
    assert!(
        cwd.path().join("here.yaml").is_file(),
        "a name with a folder is a path"
    );

    fs::write(
        data.path().join("other.yaml"),
        ict.replace("current: flag-planted", "current: on-the-route"),
    )
    .unwrap();
    let (code, stderr) = merge(&["merge", "ict", "other", "-o", "conflicted.yaml"]);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(stderr.contains("conflict: theme 'Leadership'"), "{stderr}");
    assert!(
        data.path().join("conflicted.yaml").is_file(),
        "written all the same"
    );

    // One of the inputs as the output is refused, --force or not: the merge would
    // replace a file it reads with its conflicts.
    let before = fs::read_to_string(data.path().join("ict.yaml")).unwrap();
    for force in [&[][..], &["--force"]] {
        let mut args = vec!["merge", "ict", "other", "-o", "ict"];
        args.extend_from_slice(force);
        let (code, stderr) = merge(&args);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(
            stderr
                .contains("is one of the assessments being merged; write the merge to a new file"),
            "{stderr}"
        );
    }
    assert_eq!(
        fs::read_to_string(data.path().join("ict.yaml")).unwrap(),
        before
    );
}
