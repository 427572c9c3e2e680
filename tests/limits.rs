//! Numbers and names at their limits: vote counts at u32::MAX, timestamps with absurd
//! offsets, authorities too long for a file name.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use routemap::assessment::Assessment;
use routemap::clock::Timestamp;
use routemap::store::{self, Store, WriteLock};
use std::fs;

const HEAD: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown
";

#[test]
fn a_300_character_authority_gets_a_file_and_a_lock() {
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(Some(data.path().to_path_buf())).unwrap();
    let map = store.resolve_routemap("planting-the-flag").unwrap();
    let authority = "Anytown Metropolitan Borough Council ".repeat(8) + "(300 characters long)";
    assert!(authority.len() >= 300);
    let assessment = Assessment::new(&map, &authority, None, Timestamp(0));
    for _ in 0..3 {
        let path = store.new_assessment_path(&assessment);
        store::save_assessment(&path, &assessment).unwrap();
        let _lock = WriteLock::acquire(&path).unwrap();
        assert!(path.file_name().unwrap().len() < 200, "{}", path.display());
    }
    let output = routemap(data.path()).arg("list").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8(output.stdout).unwrap().lines().count(), 4);
}

#[test]
fn a_timestamp_with_a_huge_offset_is_a_located_error_not_a_panic() {
    let data = tempfile::tempdir().unwrap();
    fs::write(
        data.path().join("odd.yaml"),
        format!("{HEAD}updated: 2026-11-27T14:03:11+4294967295:00\n"),
    )
    .unwrap();
    let output = routemap(data.path())
        .args(["radar", "odd"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(
            "odd.yaml:4:10: updated '2026-11-27T14:03:11+4294967295:00' is not a date and time"
        ),
        "{stderr}"
    );
}

#[test]
fn votes_at_the_limit_load_and_show() {
    let data = tempfile::tempdir().unwrap();
    fs::write(
        data.path().join("room.yaml"),
        format!(
            "{HEAD}answers:\n  leadership:\n    votes: {{ not-started: 4294967295, flag-planted: 4294967295, on-the-route: 1 }}\n"
        ),
    )
    .unwrap();
    let loaded = store::load_assessment(&data.path().join("room.yaml")).unwrap();
    let map = Store::open(Some(data.path().to_path_buf()))
        .unwrap()
        .resolve_routemap("planting-the-flag")
        .unwrap();
    let counts = routemap::workshop::tally(&map, loaded.answer("leadership"));
    assert_eq!(
        routemap::workshop::total(&counts),
        2 * u64::from(u32::MAX) + 1
    );
    assert_eq!(routemap::workshop::median(&counts), Some(1));
    let output = routemap(data.path()).arg("list").output().unwrap();
    assert_eq!(output.status.code(), Some(0));
}
