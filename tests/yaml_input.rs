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
