//! The store's rules, on temporary data directories.

use super::*;
use crate::assessment::Current;
use crate::builtin;
use crate::clock::Timestamp;
use std::fs::File;
use std::io;
use std::path::PathBuf;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
    (dir, store)
}

fn sample(store: &Store, authority: &str) -> (PathBuf, Assessment) {
    let routemap = store.resolve_routemap("planting-the-flag").unwrap();
    let mut assessment = Assessment::new(&routemap, authority, None, Timestamp(1_000));
    assessment.answer_mut(&routemap, "leadership").current =
        Some(Current::Stage("flag-planted".into()));
    let path = store.new_assessment_path(&assessment);
    save_assessment(&path, &assessment).unwrap();
    (path, assessment)
}

#[test]
fn save_then_load_gives_the_same_assessment() {
    let (_dir, store) = store();
    let (path, assessment) = sample(&store, "Anytown Borough Council");
    assert_eq!(path.file_name().unwrap(), "anytown-borough-council.yaml");
    assert_eq!(load_assessment(&path).unwrap(), assessment);
    let leftovers: Vec<_> = fs::read_dir(store.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unknown_themes_and_stages_survive_load_and_save() {
    let (_dir, store) = store();
    let path = store.root().join("old.yaml");
    let text = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2009\" }\nauthority: A\nanswers:\n  leadership:\n    current: renamed-stage\n  retired-theme:\n    current: flag-planted\n    notes: Kept.\n";
    fs::write(&path, text).unwrap();
    let routemap = store.resolve_routemap("planting-the-flag").unwrap();
    let mut assessment = load_assessment(&path).unwrap();
    assert_eq!(
        crate::assessment::mismatches(&assessment, &routemap).len(),
        3
    );
    assessment.order_by(&routemap);
    save_assessment(&path, &assessment).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_failed_write_leaves_the_old_file_intact() {
    let (_dir, store) = store();
    let (path, _) = sample(&store, "Anytown");
    let before = fs::read(&path).unwrap();
    let result = write_atomic(&path, |file| {
        file.write_all(b"format: routemap-assess")?;
        Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
    });
    let message = result.unwrap_err().to_string();
    assert!(message.contains("the disk is full"), "{message}");
    assert!(message.contains("the previous file, if any, is unchanged"));
    assert_eq!(fs::read(&path).unwrap(), before);
    let names: Vec<String> = fs::read_dir(store.root())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["anytown.yaml"], "the temporary file is cleaned up");
}

#[test]
fn the_lock_refuses_a_second_writer_until_released() {
    let (_dir, store) = store();
    let (path, _) = sample(&store, "Anytown");
    let first = WriteLock::acquire(&path).unwrap();
    let second = WriteLock::acquire(&path);
    assert!(matches!(second, Err(Error::Locked { .. })));
    drop(first);
    assert!(WriteLock::acquire(&path).is_ok());
}

#[test]
fn positions_are_remembered_per_assessment() {
    let (_dir, store) = store();
    let (path, _) = sample(&store, "Anytown");
    assert_eq!(store.recall_position(&path), None);
    store.remember_position(&path, "governance");
    assert_eq!(store.recall_position(&path).as_deref(), Some("governance"));
    let (other, _) = sample(&store, "Othertown");
    assert_eq!(store.recall_position(&other), None);
    // The workshop's summary open, then closed again.
    store.remember_place(&path, "governance", true);
    assert_eq!(
        store.recall_place(&path),
        Some(("governance".to_string(), true))
    );
    assert_eq!(store.recall_position(&path).as_deref(), Some("governance"));
    store.remember_place(&path, "leadership", false);
    assert_eq!(
        store.recall_place(&path),
        Some(("leadership".to_string(), false))
    );
    assert_eq!(store.list().len(), 2, "position files are not listed");
}

#[test]
fn names_paths_and_authorities_resolve() {
    let (dir, store) = store();
    let (path, _) = sample(&store, "Anytown Borough Council");
    sample(&store, "Anytown Borough Council");
    assert_eq!(
        store.resolve_assessment("anytown-borough-council").unwrap(),
        path
    );
    assert_eq!(
        store.resolve_assessment(path.to_str().unwrap()).unwrap(),
        path
    );
    let ambiguous = store
        .resolve_assessment("anytown borough council")
        .unwrap_err();
    assert!(
        ambiguous
            .to_string()
            .contains("is the authority of 2 saved assessments ('anytown-borough-council-2' and 'anytown-borough-council')"),
        "{ambiguous}"
    );
    let missing = store.resolve_assessment("nowhere").unwrap_err();
    assert_eq!(
        missing.to_string(),
        format!(
            "no saved assessment 'nowhere' was found: there is no file 'nowhere' here, no 'nowhere.yaml' in '{}' and no saved assessment of an authority of that name; run 'routemap list' to see the saved ones",
            dir.path().display()
        )
    );
}

#[test]
fn listing_reports_broken_files_without_failing() {
    let (_dir, store) = store();
    sample(&store, "Anytown");
    fs::write(
        store.root().join("broken.yaml"),
        "format: routemap-assessment/1\nauthority: [\n",
    )
    .unwrap();
    fs::write(store.root().join(".hidden.yaml"), "x").unwrap();
    let listed = store.list();
    assert_eq!(listed.len(), 2);
    assert!(listed[0].assessment.is_ok());
    assert!(listed[1].assessment.is_err());
    assert_eq!(store.most_recent(), Some(listed[0].path.clone()));
}

#[test]
fn a_routemap_given_by_path_is_kept_for_later() {
    let (dir, store) = store();
    let custom = builtin::find("procurement-and-sourcing")
        .unwrap()
        .text
        .replace("id: procurement-and-sourcing", "id: mine");
    let outside = dir.path().join("elsewhere.yaml");
    fs::write(&outside, &custom).unwrap();
    let spec = outside.to_str().unwrap();
    let routemap = store.resolve_routemap(spec).unwrap();
    store.keep_routemap(spec, &routemap).unwrap();
    assert_eq!(
        fs::read_to_string(store.routemaps_dir().join("mine.yaml")).unwrap(),
        custom
    );
    assert_eq!(store.resolve_routemap("mine").unwrap(), routemap);
    let builtin = store.resolve_routemap("planting-the-flag").unwrap();
    store.keep_routemap("planting-the-flag", &builtin).unwrap();
    assert!(
        !store
            .routemaps_dir()
            .join("planting-the-flag.yaml")
            .exists()
    );
}

#[test]
fn routemaps_resolve_from_data_dir_before_builtins() {
    let (_dir, store) = store();
    let custom = builtin::find("procurement-and-sourcing")
        .unwrap()
        .text
        .replace("id: procurement-and-sourcing", "id: my-map");
    fs::create_dir_all(store.routemaps_dir()).unwrap();
    fs::write(store.routemaps_dir().join("whatever.yaml"), custom).unwrap();
    assert_eq!(store.resolve_routemap("my-map").unwrap().themes.len(), 4);
    assert_eq!(
        store
            .resolve_routemap("planting-the-flag")
            .unwrap()
            .themes
            .len(),
        12
    );
    let missing = store.resolve_routemap("nope").unwrap_err().to_string();
    assert!(
        missing.contains("'my-map', 'planting-the-flag' and 'procurement-and-sourcing'"),
        "{missing}"
    );
}
#[test]
fn two_new_assessments_at_once_get_two_files() {
    let (_dir, store) = store();
    let routemap = store.resolve_routemap("planting-the-flag").unwrap();
    let assessment = Assessment::new(&routemap, "Anytown", None, Timestamp(0));
    let paths: Vec<PathBuf> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| store.create_assessment(&assessment).unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut unique = paths.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 8, "{paths:?}");
    assert!(unique.contains(&store.root().join("anytown.yaml")));
    assert!(unique.contains(&store.root().join("anytown-8.yaml")));
}

#[cfg(unix)]
#[test]
fn a_link_planted_as_a_position_file_is_not_followed() {
    let (dir, store) = store();
    let (path, _) = sample(&store, "Anytown");
    store.remember_position(&path, "governance");
    let position = store.position_file(&path);
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    fs::remove_file(&position).unwrap();
    std::os::unix::fs::symlink(&victim, &position).unwrap();
    assert_eq!(
        store.recall_position(&path),
        None,
        "not read through the link"
    );
    store.remember_position(&path, "leadership");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    assert_eq!(store.recall_position(&path).as_deref(), Some("leadership"));
    // The whole folder replaced by a link: positions are simply not kept.
    let elsewhere = tempfile::tempdir().unwrap();
    fs::remove_dir_all(store.root().join(".positions")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), store.root().join(".positions")).unwrap();
    store.remember_position(&path, "governance");
    assert_eq!(fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn old_temporary_files_are_cleaned_up_and_fresh_ones_left() {
    let (_dir, store) = store();
    let old = store.root().join(".routemap-abc.tmp");
    let fresh = store.root().join(".routemap-def.tmp");
    let other = store.root().join("notes.tmp");
    for path in [&old, &fresh, &other] {
        fs::write(path, "x").unwrap();
    }
    let long_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    clean_leftovers(store.root());
    assert!(!old.exists());
    assert!(fresh.exists(), "a save in flight is left alone");
    assert!(other.exists(), "only routemap's own temporary files");
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_files_mode_and_owner() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let (_dir, store) = store();
    let (path, assessment) = sample(&store, "Anytown");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if root {
        std::os::unix::fs::chown(&path, Some(4242), Some(4242)).unwrap();
    }
    save_assessment(&path, &assessment).unwrap();
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!(metadata.permissions().mode() & 0o777, 0o640);
    if root {
        assert_eq!((metadata.uid(), metadata.gid()), (4242, 4242));
    }
}

#[test]
fn writing_a_new_file_makes_no_folders() {
    let (_dir, store) = store();
    let slip = store.root().join("d1").join("anytown.yaml");
    let error = write_new(&slip, |file| file.write_all(b"x")).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::NotFound);
    assert!(!store.root().join("d1").exists());
    let fine = store.root().join("rescued.yaml");
    write_new(&fine, |file| file.write_all(b"x")).unwrap();
    let again = write_new(&fine, |file| file.write_all(b"y")).unwrap_err();
    assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
    assert_eq!(fs::read(&fine).unwrap(), b"x");
}
