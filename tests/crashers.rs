//! Every input the fuzzers (`tests/fuzz/`) ever crashed on, kept in
//! `tests/fixtures/crashers/<target>/`, and the fuzzers' seed inputs, replayed through
//! the same code the fuzz targets run (`tests/fuzz/drive.rs`), on stable, every test run.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "fuzz/drive.rs"]
mod drive;

use std::fs;
use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    for dir in [
        root.join("tests/fixtures/crashers").join(target),
        root.join("tests/fuzz/seeds").join(target),
    ] {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|name| name != "README.md") {
                inputs.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    assert!(!inputs.is_empty(), "no inputs for {target}");
    inputs
}

fn replay(target: &str, run: fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} panics again", path.display());
    }
}

#[test]
fn routemap_inputs_the_fuzzer_found_load_or_are_refused() {
    replay("routemap_loader", drive::routemap_file);
}

#[test]
fn save_inputs_the_fuzzer_found_load_and_save_back_or_are_refused() {
    replay("save_loader", drive::save_file);
}

#[test]
fn key_event_streams_the_fuzzer_found_run_without_a_panic() {
    replay("key_events", drive::key_events);
}
