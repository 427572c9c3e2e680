//! Text from files is hostile: no command may let it reach a terminal as a control
//! sequence. Every text command is run on files whose names and values carry escape
//! sequences (retitle the terminal, write the clipboard, clear the screen), a carriage
//! return that would overwrite a line with a forged "ok", a C1 CSI and a right-to-left
//! override, and nothing of them may come out as itself on stdout or stderr.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The attack as a YAML double-quoted string's escapes: OSC 0 (title), OSC 52
/// (clipboard), CSI 2J (clear), CR then a forged "ok" line, C1 CSI, RLO.
const HOSTILE: &str = r"Evil\e]0;PWNED\a\e]52;c;aGk=\a\e[2J\rok: forged\x9b2J\u202Etxt";

/// The same attack as a file name (no '/' and no NUL can be in one).
const HOSTILE_NAME: &str = "Evil\u{1b}]0;PWNED\u{7}\u{1b}[2J\rok: forged\u{9b}2J\u{202e}";

/// What must never reach stdout or stderr.
const FORBIDDEN: [char; 5] = ['\u{1b}', '\u{7}', '\r', '\u{9b}', '\u{202e}'];

fn routemap_yaml() -> String {
    let h = HOSTILE;
    let theme = |id: &str| {
        format!(
            "  - id: {id}\n    name: \"{id} {h}\"\n    section: main\n    question: \"{h}\"\n    vision: \"{h}\"\n    stages: {{ low: \"{h}\", high: \"{h}\" }}\n    actions: {{ \"cio\": [\"{h}\"] }}\n"
        )
    };
    format!(
        "id: hostile-map\ntitle: \"Title {h}\"\nversion: \"{h}\"\ndescription: \"{h}\"\nsource: \"{h}\"\nstages:\n  - id: low\n    name: \"Low {h}\"\n    summary: \"{h}\"\n  - id: high\n    name: \"High {h}\"\n    summary: \"{h}\"\nsections:\n  - id: main\n    name: \"{h}\"\nthemes:\n{}{}{}",
        theme("one"),
        theme("two"),
        theme("three")
    )
}

/// A saved assessment of the hostile routemap: hostile authority, title, notes,
/// evidence, an unknown theme and an unknown stage (both reported as notes).
fn assessment_yaml(current: &str, notes: &str, evidence: &str) -> String {
    let h = HOSTILE;
    format!(
        "format: routemap-assessment/1\nroutemap: {{ id: hostile-map, version: \"{h}\" }}\nauthority: \"Authority {h}\"\ntitle: \"{h}\"\nupdated: 2025-11-20T10:00:00Z\nanswers:\n  one:\n    current: {current}\n    target: high\n    notes: \"{notes} {h}\"\n    evidence: [\"{evidence} {h}\"]\n  two:\n    current: low\n    notes: \"line one\\nline two {h}\"\n  three:\n    current: gone-stage\n  \"ghost {h}\":\n    current: low\n"
    )
}

struct Setup {
    data: tempfile::TempDir,
    work: tempfile::TempDir,
    before: PathBuf,
    after: PathBuf,
}

fn setup() -> Setup {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let maps = data.path().join("routemaps");
    fs::create_dir_all(&maps).unwrap();
    fs::write(maps.join(format!("{HOSTILE_NAME}.yaml")), routemap_yaml()).unwrap();
    // A custom routemap that does not load: its error quotes a hostile value.
    fs::write(
        maps.join(format!("broken {HOSTILE_NAME}.yaml")),
        format!("id: \"{HOSTILE}\"\ntitle: x\n"),
    )
    .unwrap();
    let before = data.path().join(format!("before {HOSTILE_NAME}.yaml"));
    let after = data.path().join(format!("after {HOSTILE_NAME}.yaml"));
    fs::write(&before, assessment_yaml("low", "old notes", "old.pdf")).unwrap();
    fs::write(&after, assessment_yaml("high", "new notes", "new.pdf")).unwrap();
    // A saved assessment that does not load: `list` warns about it, quoting the value.
    // (A stage that is not an id no longer makes a file unreadable: it is kept and
    // flagged; a confidence that is not one is still refused.)
    fs::write(
        data.path().join(format!("broken {HOSTILE_NAME}.yaml")),
        assessment_yaml("low", "n", "e").replacen(
            "    target: high\n",
            &format!("    target: high\n    confidence: \"bad {HOSTILE}\"\n"),
            1,
        ),
    )
    .unwrap();
    Setup {
        data,
        work,
        before,
        after,
    }
}

fn path_arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Runs the binary and checks that nothing forbidden reached stdout or stderr, and
/// that the hostile text did reach the output (shown, so the check is not vacuous).
fn run_clean(setup: &Setup, args: &[&str]) -> Output {
    let output = routemap(setup.data.path())
        .current_dir(setup.work.path())
        .args(args)
        .output()
        .unwrap();
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for bad in FORBIDDEN {
            assert!(
                !text.contains(bad),
                "{args:?}: {stream} carries {bad:?}:\n{text}"
            );
        }
    }
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // Shown in caret notation in text (with markdown's brackets escaped in markdown),
    // as JSON escapes in JSON.
    assert!(
        all.contains("Evil^[]0;PWNED^G")
            || all.contains(r"Evil^\[\]0;PWNED^G")
            || all.contains(r"Evil\u001b]0;PWNED\u0007"),
        "{args:?}: the hostile text is shown, not dropped:\n{all}"
    );
    output
}

#[test]
fn no_text_command_lets_a_file_talk_to_the_terminal() {
    let s = setup();
    let (before, after) = (path_arg(&s.before), path_arg(&s.after));

    // The broken saved file is listed and fails the listing (exit 1), its name shown.
    for format in ["text", "json"] {
        let list = run_clean(&s, &["list", "--format", format]);
        assert_eq!(list.status.code(), Some(1), "{format}");
        // So does an unusable routemap, as `list` does: the rest listed first.
        let routemaps = run_clean(&s, &["routemaps", "--format", format]);
        assert_eq!(routemaps.status.code(), Some(1), "{format}");
    }

    for extra in [
        &[][..],
        &["--target"],
        &["--ascii"],
        &["--against", before],
        &["--against", before, "--target", "--ascii"],
    ] {
        let mut args = vec!["radar", after, "--width", "100"];
        args.extend_from_slice(extra);
        let radar = run_clean(&s, &args);
        assert_eq!(radar.status.code(), Some(0), "{args:?}");
    }

    for extra in [
        &[][..],
        &["--verbose"],
        &["--format", "markdown"],
        &["--format", "markdown", "--verbose"],
        &["--format", "json"],
    ] {
        let mut args = vec!["diff", before, after];
        args.extend_from_slice(extra);
        let diff = run_clean(&s, &args);
        assert_eq!(diff.status.code(), Some(0), "{args:?}");
    }

    let merged = s.work.path().join(format!("merged {HOSTILE_NAME}.yaml"));
    let merge = run_clean(&s, &["merge", before, after, "-o", path_arg(&merged)]);
    assert_eq!(
        merge.status.code(),
        Some(3),
        "written, with a conflict to settle"
    );
    // The output file exists now: the refusal quotes its name.
    run_clean(&s, &["merge", before, after, "-o", path_arg(&merged)]);

    let driver = run_clean(
        &s,
        &[
            "git-diff",
            HOSTILE_NAME,
            before,
            "0000000",
            "100644",
            after,
            "0000000",
            "100644",
        ],
    );
    assert_eq!(driver.status.code(), Some(0));
}

#[test]
fn check_cannot_be_made_to_forge_an_ok_line() {
    let s = setup();
    let good = s.work.path().join(format!("{HOSTILE_NAME}.yaml"));
    fs::write(&good, routemap_yaml()).unwrap();
    // Each file breaks one rule with a hostile value, which the error quotes.
    let breakages = [
        ("section: main", format!("section: \"{HOSTILE}\"")),
        ("id: low", format!("id: \"low{HOSTILE}\"")),
        ("title:", format!("\"{HOSTILE}\": 1\ntitle:")),
    ];
    let mut bad_files = Vec::new();
    for (index, (from, to)) in breakages.iter().enumerate() {
        let path = s
            .work
            .path()
            .join(format!("bad{index} {HOSTILE_NAME}.yaml"));
        fs::write(&path, routemap_yaml().replacen(from, to, 1)).unwrap();
        bad_files.push(path);
    }
    let missing = s.work.path().join(format!("missing {HOSTILE_NAME}.yaml"));

    let ok = run_clean(&s, &["check", path_arg(&good)]);
    assert_eq!(ok.status.code(), Some(0));
    let mut args = vec!["check"];
    args.extend(bad_files.iter().map(|path| path_arg(path)));
    args.push(path_arg(&missing));
    let bad = run_clean(&s, &args);
    assert_eq!(bad.status.code(), Some(1));
    assert!(bad.stdout.is_empty(), "no ok line for a bad file");
    // Each line names the file it is about first, so none can pass for another.
    let work = s.work.path().to_str().unwrap();
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(stderr.lines().count() >= 4, "{stderr}");
    for line in stderr.lines() {
        let line = line.strip_prefix("error: ").unwrap_or_default();
        assert!(
            (line.starts_with(work) || line.starts_with(&format!("cannot read '{work}")))
                && !line.contains(": ok, routemap"),
            "every line is a located error, none an ok: {line}"
        );
    }
}
