//! Writing a command's output to `-o FILE`: atomically, never over the user's data (a
//! saved assessment or a routemap, even with `--force`), and over any other existing
//! file only with `--force`, as `merge -o` does.

use crate::error::{Error, Result};
use crate::store;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path`, refusing what must not be replaced.
pub fn write(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    if let Some(what) = protected(path) {
        return Err(Error::Protected {
            path: path.to_path_buf(),
            what,
        });
    }
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "'{}' is a directory; give the file to write, e.g. '{}'",
            crate::sanitize::path(path),
            crate::sanitize::path(&path.join("report.md"))
        )));
    }
    if path.symlink_metadata().is_ok() && !force {
        return Err(Error::WouldOverwrite {
            path: path.to_path_buf(),
        });
    }
    store::write_atomic(path, |file| file.write_all(bytes))
}

/// What a file holds that must not be written over: a saved assessment or a routemap,
/// told by its content (a broken one is still the user's data) or by its YAML name.
fn protected(path: &Path) -> Option<&'static str> {
    let yaml_name = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml"));
    let text = std::fs::read(path).ok()?;
    let head = String::from_utf8_lossy(&text[..text.len().min(64 * 1024)]);
    let has_key = |key: &str| head.lines().any(|line| line.starts_with(key));
    if head.lines().any(|line| {
        line.trim_start_matches('\u{feff}').starts_with("format:")
            && line.contains("routemap-assessment/")
    }) {
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
