//! Writing a command's output to `-o FILE`: atomically, never over the user's data (a
//! saved assessment or a routemap, even with `--force`), and over any other existing
//! file only with `--force`, as `merge -o` does.

use crate::error::{Error, Result};
use crate::store;
use std::io::Write;
use std::path::Path;

/// Refuses, before any work is done, an output path that cannot be a file written in
/// place: a folder, a device or pipe, a file in a folder that is not there (it is not
/// made: a typo must not leave folders behind), or a folder no file can be made in.
pub fn check_target(path: &Path) -> Result<()> {
    let shown = crate::sanitize::path(path);
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.is_dir() {
            return Err(Error::Unusable(format!(
                "'{shown}' is a folder; give the file to write, e.g. '{}'",
                crate::sanitize::path(&path.join("report.md"))
            )));
        }
        if !metadata.is_file() {
            return Err(Error::Unusable(format!(
                "'{shown}' cannot be written: {}; leave out -o to write to standard output",
                store::not_regular(&metadata)
            )));
        }
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match std::fs::metadata(folder) {
        Ok(metadata) if metadata.is_dir() => {}
        Ok(_) => {
            return Err(Error::Unusable(format!(
                "'{}' is not a folder, so '{shown}' cannot be written",
                crate::sanitize::path(folder)
            )));
        }
        Err(_) => {
            return Err(Error::Unusable(format!(
                "the folder '{}' does not exist; create it first, or write '{shown}' somewhere else",
                crate::sanitize::path(folder)
            )));
        }
    }
    // The file is written beside its place and renamed over it: that must be possible.
    if let Err(error) = tempfile::Builder::new()
        .prefix(".routemap-")
        .suffix(".tmp")
        .tempfile_in(folder)
    {
        return Err(Error::Unusable(format!(
            "no file can be made in the folder '{}' ({}), and the output is written there first and then renamed into place; choose a folder of your own",
            crate::sanitize::path(folder),
            crate::error::io_reason(&error)
        )));
    }
    Ok(())
}

/// Writes `bytes` to `path`, refusing what must not be replaced.
pub fn write(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    check_target(path)?;
    if let Some(what) = protected(path) {
        return Err(Error::Protected {
            path: path.to_path_buf(),
            what,
        });
    }
    if path.symlink_metadata().is_ok() && !force {
        return Err(Error::WouldOverwrite {
            path: path.to_path_buf(),
        });
    }
    store::write_atomic(path, |file| file.write_all(bytes))
}

/// True when the text's `format:` line names the saved-assessment format.
pub fn says_saved_assessment(head: &str) -> bool {
    head.lines().any(|line| {
        line.trim_start_matches('\u{feff}').starts_with("format:")
            && line.contains("routemap-assessment/")
    })
}

/// What a file holds that must not be written over: a saved assessment or a routemap,
/// told by its content (a broken one is still the user's data) or by its YAML name.
fn protected(path: &Path) -> Option<&'static str> {
    let yaml_name = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"));
    // The head is enough to tell, and a huge file is not read whole.
    let mut text = Vec::new();
    let file = store::open_to_read(path).ok()?;
    std::io::Read::read_to_end(&mut std::io::Read::take(file, 64 * 1024), &mut text).ok()?;
    let head = String::from_utf8_lossy(&text);
    let has_key = |key: &str| head.lines().any(|line| line.starts_with(key));
    if says_saved_assessment(&head) {
        Some("a saved assessment")
    } else if has_key("themes:") && has_key("stages:") {
        Some("a routemap")
    } else if yaml_name {
        Some("a YAML file (saved assessments and routemaps are YAML)")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saved_assessments_and_routemaps_are_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let saved = dir.path().join("anytown.txt");
        let text = "format: routemap-assessment/1\nauthority: [broken\n";
        std::fs::write(&saved, text).unwrap();
        let error = write(&saved, b"report", true).unwrap_err();
        assert!(
            error.to_string().contains(
                "is a saved assessment; routemap never writes output over one, even with --force"
            ),
            "{error}"
        );
        assert_eq!(std::fs::read_to_string(&saved).unwrap(), text);

        let map = dir.path().join("map.md");
        std::fs::write(&map, "id: x\nstages: []\nthemes: []\n").unwrap();
        assert!(matches!(
            write(&map, b"r", true),
            Err(Error::Protected {
                what: "a routemap",
                ..
            })
        ));
        let yaml = dir.path().join("other.yaml");
        std::fs::write(&yaml, "a: 1\n").unwrap();
        assert!(matches!(
            write(&yaml, b"r", true),
            Err(Error::Protected { .. })
        ));
    }

    #[test]
    fn other_files_need_force() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write(&path, b"first", false).unwrap();
        assert!(matches!(
            write(&path, b"second", false),
            Err(Error::WouldOverwrite { .. })
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        write(&path, b"second", true).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
    }
}
