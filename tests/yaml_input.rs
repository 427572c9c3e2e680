//! Hostile and unusual YAML input through the real binary: keys too long for implicit
//! YAML keys, deep nesting, huge invalid files, byte-order marks, odd formats, files
//! that are not regular files. Each answer is asserted by its message, never by time
//! (speed is measured in `benches/speed.rs`).

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;

const HEADER: &str =
    "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\n";

/// A theme id over 1024 characters, written with `? key` syntax, survives a merge (which
/// writes the file again) and the merged file opens.
#[test]
fn keys_longer_than_yaml_implicit_keys_survive_a_rewrite() {
    let data = tempfile::tempdir().unwrap();
    let long = "t".repeat(1100);
    let stage = "s".repeat(1100);
    let a = data.path().join("a.yaml");
    let b = data.path().join("b.yaml");
    fs::write(
        &a,
        format!(
            "{HEADER}authority: A\nanswers:\n  ? {long}\n  : {{ current: flag-planted, votes: {{ ? {stage} : 3 }} }}\n"
        ),
    )
    .unwrap();
    fs::write(
        &b,
        format!("{HEADER}authority: A\nanswers:\n  leadership: {{ current: flag-planted }}\n"),
    )
    .unwrap();
    let out = data.path().join("out.yaml");
    let merged = routemap(data.path())
        .args(["merge", a.to_str().unwrap(), b.to_str().unwrap(), "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(merged.status.code(), Some(0), "{merged:?}");
    let written = fs::read_to_string(&out).unwrap();
    assert!(written.contains(&format!("  ? {long}\n  :\n")), "{written}");
    let reloaded = routemap::store::load_assessment(&out).unwrap();
    let kept = reloaded.answers.iter().find(|(id, _)| *id == long).unwrap();
    assert_eq!(kept.1.votes, [(stage, 3)]);
    let radar = routemap(data.path())
        .args(["radar", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(radar.status.code(), Some(0), "{radar:?}");
}

/// A routemap of `themes` themes, each with a paragraph per stage: a big, valid file.
fn big_routemap(themes: usize) -> String {
    let mut text = String::from("id: big\ntitle: Big\nversion: '1'\nstages:\n");
    for stage in 0..5 {
        text.push_str(&format!("  - {{id: s{stage}, name: Stage {stage}}}\n"));
    }
    text.push_str("themes:\n");
    for theme in 0..themes {
        text.push_str(&format!(
            "  - id: t{theme}\n    name: Theme {theme}\n    stages:\n"
        ));
        for stage in 0..5 {
            text.push_str(&format!(
                "      s{stage}: {}\n",
                "Words about the stage. ".repeat(40)
            ));
        }
    }
    text
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// 200 KB of `[[[…]]]` took most of a minute in libyaml; it is refused where the
/// nesting goes too deep, as a routemap and as a save in the data directory.
#[test]
fn deep_nesting_is_refused_with_its_place() {
    let data = tempfile::tempdir().unwrap();
    let deep = format!("id: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let routemap_file = data.path().join("deep-routemap.yml");
    fs::write(&routemap_file, &deep).unwrap();
    let output = routemap(data.path())
        .arg("check")
        .arg(&routemap_file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        format!(
            "error: {}:1:36: lists and mappings nest more than 32 levels deep here; no routemap or saved assessment needs more than a few, so flatten this\n",
            routemap_file.display()
        )
    );

    fs::write(
        data.path().join("deep.yaml"),
        format!("{HEADER}authority: A\nanswers: {deep}"),
    )
    .unwrap();
    let list = routemap(data.path()).arg("list").output().unwrap();
    // Listed with the others, and the status says a file could not be read.
    assert_eq!(list.status.code(), Some(1));
    assert!(
        stderr_of(&list).contains("deep.yaml:4:") && stderr_of(&list).contains("nest more than 32"),
        "{}",
        stderr_of(&list)
    );
    assert!(String::from_utf8_lossy(&list.stdout).contains("deep "));
}

/// A 5 MB routemap with a problem in every theme: the first 50 in file order, located,
/// then a count of the rest.
#[test]
fn a_big_invalid_routemap_lists_its_first_problems_located() {
    let data = tempfile::tempdir().unwrap();
    let text = big_routemap(1_000).replace("      s4: ", "      s9: ");
    assert!(text.len() > 4_000_000, "{}", text.len());
    let file = data.path().join("big.yaml");
    fs::write(&file, &text).unwrap();
    let output = routemap(data.path())
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 51, "{stderr}");
    // The first theme's stages start on line 14, after 9 lines of header and scale
    // and 4 of the theme.
    assert!(
        lines[0].starts_with(&format!(
            "error: {}:14:7: theme 't0' does not describe stage 's4'",
            file.display()
        )),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[50],
        format!(
            "error: {}: and 1950 more problems; fix these first",
            file.display()
        )
    );
}

/// A 1,000-theme routemap with a paragraph in every descriptor loads.
#[test]
fn a_big_valid_routemap_loads() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("big.yaml");
    fs::write(&file, big_routemap(1_000)).unwrap();
    let output = routemap(data.path())
        .arg("check")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
}

/// Files over the size limit are refused before they are read, naming the limit.
#[test]
fn files_over_the_size_limit_are_refused() {
    let data = tempfile::tempdir().unwrap();
    let huge = data.path().join("huge.yaml");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(routemap::yaml::MAX_ROUTEMAP_BYTES + 1)
        .unwrap();
    let output = routemap(data.path())
        .arg("check")
        .arg(&huge)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        format!(
            "error: {}: the file is larger than the 16 MiB a routemap may be; is it the right file?\n",
            huge.display()
        )
    );
    let list = routemap(data.path()).arg("list").output().unwrap();
    assert!(
        stderr_of(&list)
            .contains("huge.yaml: the file is larger than the 16 MiB a saved assessment may be"),
        "{}",
        stderr_of(&list)
    );
}

/// A FIFO given as a routemap, or sitting in the data directory, is refused, not waited on.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let data = tempfile::tempdir().unwrap();
    let routemaps = data.path().join("routemaps");
    fs::create_dir(&routemaps).unwrap();
    for fifo in [data.path().join("pipe.yaml"), routemaps.join("pipe.yaml")] {
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
    }
    // A hang guard, not a timing: without the fix these wait for a writer forever.
    let guard = std::time::Duration::from_secs(120);
    let pipe = data.path().join("pipe.yaml");
    let check = routemap(data.path())
        .arg("check")
        .arg(&pipe)
        .timeout(guard)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        stderr_of(&check),
        format!(
            "error: cannot read '{}': it is a named pipe (FIFO), not a regular file; check the path and that you may read it\n",
            pipe.display()
        )
    );
    let list = routemap(data.path())
        .arg("list")
        .timeout(guard)
        .output()
        .unwrap();
    assert_eq!(list.status.code(), Some(0));
    let listed = routemap(data.path())
        .arg("routemaps")
        .timeout(guard)
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&listed.stdout),
        stderr_of(&listed)
    );
    assert!(all.contains("named pipe (FIFO)"), "{all}");
}

/// A byte-order mark (Windows editors write one) is accepted on both kinds of file.
#[test]
fn a_byte_order_mark_is_accepted() {
    let data = tempfile::tempdir().unwrap();
    let shipped = include_str!("../assessments/planting-the-flag.yaml");
    let body: String = shipped
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| format!("{line}\n"))
        .collect();
    let routemap_file = data.path().join("bom-routemap.yml");
    fs::write(&routemap_file, format!("\u{feff}{body}")).unwrap();
    let check = routemap(data.path())
        .arg("check")
        .arg(&routemap_file)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stderr_of(&check));
    let saved = data.path().join("bom.yaml");
    fs::write(
        &saved,
        format!(
            "\u{feff}{HEADER}authority: A\nanswers:\n  leadership: {{ current: flag-planted }}\n"
        ),
    )
    .unwrap();
    let radar = routemap(data.path())
        .args(["radar", saved.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(radar.status.code(), Some(0), "{}", stderr_of(&radar));
}

/// The format, document and character errors of a saved assessment name their place.
#[test]
fn format_document_and_character_errors_are_located() {
    let data = tempfile::tempdir().unwrap();
    let cases = [
        (
            "format: routemap-assessment/0\nroutemap: { id: x }\nauthority: A\n".to_string(),
            "1:9: 'format: routemap-assessment/0' is not a version of the assessment format (there is only 'routemap-assessment/1' so far); write 'format: routemap-assessment/1'",
        ),
        (
            format!("{HEADER}authority: A\n---\nformat: x\n"),
            "4:1: a second YAML document starts here; a file holds one document, so remove this one (or the '---' line that starts it)",
        ),
        (
            format!("{HEADER}authority: A\u{0}\n"),
            "3:13: the file holds the control character U+0000, which YAML does not allow; delete it, or save the file as plain UTF-8 text",
        ),
    ];
    for (text, expected) in cases {
        let file = data.path().join("bad.yaml");
        fs::write(&file, text).unwrap();
        let output = routemap(data.path())
            .args(["radar", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr_of(&output),
            format!("error: {}:{expected}\n", file.display())
        );
    }
}
