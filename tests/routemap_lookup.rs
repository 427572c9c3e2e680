//! A routemap named by id is looked up in the data directory and the built-ins only,
//! never in the working directory; a custom routemap may not take a built-in's id.

// A failed unwrap in a test is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::routemap;
use std::fs;
use std::path::Path;

const SAVED: &str = "format: routemap-assessment/1
routemap: { id: planting-the-flag, version: \"2011.1\" }
authority: Anytown Borough Council
answers:
  leadership:
    current: flag-planted
";

/// A valid routemap that calls itself planting-the-flag but has other themes.
fn impostor() -> String {
    fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assessments/procurement-and-sourcing.yaml"
    ))
    .unwrap()
    .replace("id: procurement-and-sourcing", "id: planting-the-flag")
}

/// `text` with its top-level `key:` line replaced by `line`.
fn with_line(text: &str, key: &str, line: &str) -> String {
    let prefix = format!("{key}:");
    let lines: Vec<&str> = text
        .lines()
        .map(|old| if old.starts_with(&prefix) { line } else { old })
        .collect();
    lines.join("\n")
}

fn run(data: &Path, cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let output = routemap(data)
        .current_dir(cwd)
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
fn a_stray_file_named_like_a_routemap_in_the_working_directory_changes_nothing() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    let clean = tempfile::tempdir().unwrap();
    let stray = tempfile::tempdir().unwrap();
    for name in ["planting-the-flag", "planting-the-flag.yaml"] {
        fs::write(stray.path().join(name), impostor()).unwrap();
    }
    for args in [
        &["list"][..],
        &["radar", "anytown", "--width", "100"],
        &["routemaps"],
    ] {
        let expected = run(data.path(), clean.path(), args);
        assert_eq!(expected.0, 0, "{args:?}: {}", expected.2);
        assert_eq!(run(data.path(), stray.path(), args), expected, "{args:?}");
    }
    let (_, list, _) = run(data.path(), stray.path(), &["list"]);
    assert!(list.contains("1/12"), "the built-in's 12 themes:\n{list}");
}

#[test]
fn a_custom_routemap_that_takes_a_builtin_id_is_refused_not_swapped() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("anytown.yaml"), SAVED).unwrap();
    let maps = data.path().join("routemaps");
    fs::create_dir_all(&maps).unwrap();
    fs::write(maps.join("mine.yaml"), impostor()).unwrap();
    let cwd = tempfile::tempdir().unwrap();

    let (code, _, stderr) = run(data.path(), cwd.path(), &["radar", "anytown"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("mine.yaml: its id 'planting-the-flag' is the id of a built-in routemap"),
        "{stderr}"
    );
    assert!(stderr.contains("give it an id of its own"), "{stderr}");

    let (code, stdout, stderr) = run(data.path(), cwd.path(), &["list"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("routemap unusable: see above"), "{stdout}");
    assert_eq!(
        stderr.matches("is the id of a built-in routemap").count(),
        1,
        "{stderr}"
    );

    // An unusable routemap file fails `routemaps`, after the rest are listed.
    let (code, stdout, stderr) = run(data.path(), cwd.path(), &["routemaps"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("warning: ") && stderr.contains("mine.yaml"),
        "{stderr}"
    );
    let listed = stdout
        .lines()
        .find(|line| line.starts_with("planting-the-flag "))
        .unwrap_or_default();
    assert!(
        listed.contains(" 12 ") && listed.contains("built in"),
        "the built-in stays listed:\n{stdout}"
    );

    // A copy of the built-in itself is no clash.
    let builtin = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assessments/planting-the-flag.yaml"
    ))
    .unwrap();
    fs::write(maps.join("mine.yaml"), builtin).unwrap();
    let (code, stdout, stderr) = run(data.path(), cwd.path(), &["radar", "anytown"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("1/12 answered"), "{stdout}");
}

#[test]
fn a_routemap_given_by_path_is_kept_only_when_its_id_is_its_own() {
    use routemap::store::{Kept, Store};
    let data = tempfile::tempdir().unwrap();
    let store = Store::open(Some(data.path().to_path_buf())).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let kept_files = || {
        fs::read_dir(store.routemaps_dir())
            .map(|entries| entries.count())
            .unwrap_or(0)
    };

    // A built-in's id on other content: refused, nothing kept.
    let impostor_path = outside.path().join("impostor.yaml");
    fs::write(&impostor_path, impostor()).unwrap();
    let spec = impostor_path.to_str().unwrap();
    let loaded = store.resolve_routemap(spec).unwrap();
    let refused = store.keep_routemap(spec, &loaded).unwrap_err().to_string();
    assert!(
        refused
            .contains("impostor.yaml: its id 'planting-the-flag' is the id of a built-in routemap"),
        "{refused}"
    );
    assert_eq!(kept_files(), 0);

    // A copy of the built-in itself: fine, and nothing to keep.
    let copy = outside.path().join("copy.yaml");
    fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assessments/planting-the-flag.yaml"
        ),
        &copy,
    )
    .unwrap();
    let spec = copy.to_str().unwrap();
    store
        .keep_routemap(spec, &store.resolve_routemap(spec).unwrap())
        .unwrap();
    assert_eq!(kept_files(), 0);

    // An id of its own is kept; the same id and version with other content replaces
    // the kept copy and says so; another version sits beside it.
    let mine = impostor().replace("id: planting-the-flag", "id: mine");
    let first = outside.path().join("mine.yaml");
    fs::write(&first, &mine).unwrap();
    let spec = first.to_str().unwrap();
    let kept = store
        .keep_routemap(spec, &store.resolve_routemap(spec).unwrap())
        .unwrap();
    assert_eq!(kept, Kept::Added(store.routemaps_dir().join("mine.yaml")));
    assert_eq!(kept_files(), 1);
    assert_eq!(
        store
            .keep_routemap(spec, &store.resolve_routemap(spec).unwrap())
            .unwrap(),
        Kept::Nothing
    );
    let edited = with_line(&mine, "title", "title: Other ICT");
    let other = outside.path().join("other.yaml");
    fs::write(&other, &edited).unwrap();
    let spec = other.to_str().unwrap();
    let replaced = store
        .keep_routemap(spec, &store.resolve_routemap(spec).unwrap())
        .unwrap();
    assert_eq!(
        replaced,
        Kept::Replaced(store.routemaps_dir().join("mine.yaml"))
    );
    assert_eq!(
        fs::read_to_string(store.routemaps_dir().join("mine.yaml")).unwrap(),
        edited,
        "the kept copy is the file given"
    );
    let newer = outside.path().join("newer.yaml");
    fs::write(&newer, with_line(&edited, "version", "version: \"2012\"")).unwrap();
    let spec = newer.to_str().unwrap();
    store
        .keep_routemap(spec, &store.resolve_routemap(spec).unwrap())
        .unwrap();
    assert_eq!(kept_files(), 2, "a new version beside the old");
    assert_eq!(store.resolve_routemap("mine").unwrap().version, "2012");
}
