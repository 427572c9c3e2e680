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
    /// The index of the input named on the command line; `None` for a folder found
    /// under one.
    pub input: Option<usize>,
}

/// What was found under the inputs.
#[derive(Default)]
pub struct Gathered {
    /// Each file once, sorted within each input.
    pub files: Vec<PathBuf>,
    pub unreadable: Vec<Unreadable>,
    /// Files found again under another name (given twice, a folder and one inside it,
    /// a link to a file already found): read once.
    pub repeats: usize,
}

/// The assessment files under `inputs`, each real file once, and the inputs or
/// directories that could not be read. Directories in `skip` (the data directory's
/// own `routemaps/` and `reports/`, which hold no assessments) are not searched.
pub fn gather(inputs: &[PathBuf], skip: &[PathBuf]) -> Gathered {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let skip: Vec<PathBuf> = skip
        .iter()
        .filter_map(|dir| fs::canonicalize(dir).ok())
        .collect();
    for (index, input) in inputs.iter().enumerate() {
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
                input: Some(index),
            }),
        }
    }
    let before = files.len();
    let files = once_each(files);
    Gathered {
        repeats: before - files.len(),
        files,
        unreadable: problems,
    }
}

/// The files with every other name of the same file (by device and inode, else the
/// canonical path) left out: the first name found, unless that is a symbolic link and a
/// later one is not.
fn once_each(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = Vec::with_capacity(files.len());
    let mut seen = std::collections::HashMap::new();
    let is_link = |path: &Path| fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
    for path in files {
        let Some(id) = identity(&path) else {
            kept.push(path);
            continue;
        };
        match seen.get(&id) {
            Some(&at) => {
                let earlier: &PathBuf = &kept[at];
                if is_link(earlier) && !is_link(&path) {
                    kept[at] = path;
                }
            }
            None => {
                seen.insert(id, kept.len());
                kept.push(path);
            }
        }
    }
    kept
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64, PathBuf)> {
    use std::os::unix::fs::MetadataExt;
    let metadata = fs::metadata(path).ok()?;
    Some((metadata.dev(), metadata.ino(), PathBuf::new()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<(u64, u64, PathBuf)> {
    Some((0, 0, fs::canonicalize(path).ok()?))
}

pub fn is_yaml(path: &Path) -> bool {
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
                input: None,
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
        } else if is_yaml(&path) {
            // Named like an assessment but not a file to read (a FIFO, a device, a link
            // to nothing): said, as a file that cannot be read is, never passed over.
            let reason = match fs::metadata(&path) {
                Ok(metadata) => crate::store::not_regular(&metadata),
                Err(error) => crate::error::io_reason(&error),
            };
            problems.push(Unreadable {
                path,
                reason,
                input: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_like_an_assessment_is_reported_not_passed_over() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return; // no mkfifo here: nothing to test
        }
        fs::write(dir.path().join("a.yaml"), "x").unwrap();
        let found = gather(&[dir.path().to_path_buf()], &[]);
        assert_eq!(found.files, [dir.path().join("a.yaml")]);
        assert_eq!(found.unreadable.len(), 1);
        assert_eq!(found.unreadable[0].path, fifo);
        assert_eq!(
            found.unreadable[0].reason,
            "it is a named pipe (FIFO), not a regular file"
        );
    }

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
        let found = gather(&[root.to_path_buf(), root.join("notes.txt")], &[]);
        let names: Vec<String> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.yml", "b/deeper/c.yaml", "z.yaml", "notes.txt"]);
        assert!(found.unreadable.is_empty());
        let found = gather(&[root.join("missing")], &[]);
        assert_eq!(found.unreadable[0].reason, "no such file or directory");
        assert_eq!(found.unreadable[0].input, Some(0));
    }

    #[cfg(unix)]
    #[test]
    fn folders_to_skip_are_not_searched() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("routemaps")).unwrap();
        fs::write(root.join("routemaps/model.yaml"), "id: model").unwrap();
        fs::write(root.join("a.yaml"), "x").unwrap();
        let found = gather(&[root.to_path_buf()], &[root.join("routemaps")]);
        assert_eq!(found.files, [root.join("a.yaml")]);
        let found = gather(&[root.to_path_buf()], &[]);
        assert_eq!(found.files.len(), 2, "skipped only when asked");
    }

    #[test]
    fn a_link_back_up_the_tree_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/a.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
        let found = gather(&[dir.path().to_path_buf()], &[]);
        assert_eq!(found.files.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn each_real_file_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.yaml"), "x").unwrap();
        fs::write(root.join("b.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(root.join("sub/a.yaml"), root.join("link.yaml")).unwrap();
        let found = gather(
            &[
                root.to_path_buf(),
                root.join("sub"),
                root.join("b.yaml"),
                root.join("b.yaml"),
            ],
            &[],
        );
        let names: Vec<String> = found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            names,
            ["b.yaml", "sub/a.yaml"],
            "the link and the repeats go"
        );
        assert_eq!(found.repeats, 4);
    }
}
