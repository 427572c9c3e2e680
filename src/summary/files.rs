//! The files a summary reads: every file named, and every `*.yaml` / `*.yml` under each
//! directory named, recursively, in a stable order. Hidden entries (the data
//! directory's `.positions/`, lock files) and symbolic links to directories (which
//! could loop) are passed over; paths are all that is held, never contents.

use std::fs;
use std::path::{Path, PathBuf};

/// A path that could not be searched, and why.
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

/// The assessment files under `inputs`, sorted within each input, and the inputs or
/// directories that could not be read. Directories in `skip` (the data directory's
/// own `routemaps/` and `reports/`, which hold no assessments) are not searched.
pub fn gather(inputs: &[PathBuf], skip: &[PathBuf]) -> (Vec<PathBuf>, Vec<Unreadable>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let skip: Vec<PathBuf> = skip
        .iter()
        .filter_map(|dir| fs::canonicalize(dir).ok())
        .collect();
    for input in inputs {
        match fs::metadata(input) {
            Ok(meta) if meta.is_dir() => {
                let start = files.len();
                walk(input, &skip, &mut files, &mut problems);
                files[start..].sort();
            }
            Ok(_) => files.push(input.clone()),
            Err(error) => problems.push(Unreadable {
                path: input.clone(),
                reason: crate::error::io_reason(&error),
            }),
        }
    }
    (files, problems)
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "yaml" || ext == "yml")
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'))
}

fn walk(dir: &Path, skip: &[PathBuf], files: &mut Vec<PathBuf>, problems: &mut Vec<Unreadable>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            problems.push(Unreadable {
                path: dir.to_path_buf(),
                reason: crate::error::io_reason(&error),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        // The entry's own type: a symbolic link is not followed into a directory.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let skipped =
                !skip.is_empty() && fs::canonicalize(&path).is_ok_and(|real| skip.contains(&real));
            if !skipped {
                walk(&path, skip, files, problems);
            }
        } else if is_yaml(&path) && (kind.is_file() || path.is_file()) {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_searched_recursively_for_yaml_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/deeper")).unwrap();
        fs::create_dir_all(root.join(".positions")).unwrap();
        for name in [
            "z.yaml",
            "a.yml",
            "notes.txt",
            ".hidden.yaml",
            "b/deeper/c.yaml",
            ".positions/x.yaml",
        ] {
            fs::write(root.join(name), "x").unwrap();
        }
        let (files, problems) = gather(&[root.to_path_buf(), root.join("notes.txt")], &[]);
        let names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.yml", "b/deeper/c.yaml", "z.yaml", "notes.txt"]);
        assert!(problems.is_empty());
        let (_, problems) = gather(&[root.join("missing")], &[]);
        assert_eq!(problems[0].reason, "no such file or directory");
    }

    #[cfg(unix)]
    #[test]
    fn folders_to_skip_are_not_searched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("routemaps")).unwrap();
        fs::write(root.join("routemaps/model.yaml"), "id: model").unwrap();
        fs::write(root.join("a.yaml"), "x").unwrap();
        let (files, _) = gather(&[root.to_path_buf()], &[root.join("routemaps")]);
        assert_eq!(files, [root.join("a.yaml")]);
        let (files, _) = gather(&[root.to_path_buf()], &[]);
        assert_eq!(files.len(), 2, "skipped only when asked");
    }

    #[test]
    fn a_link_back_up_the_tree_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/a.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        let (files, _) = gather(&[dir.path().to_path_buf()], &[]);
        assert_eq!(files.len(), 1);
    }
}
