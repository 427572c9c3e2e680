//! Where things live on disk: the data directory, finding assessments and routemaps by
//! name or path, atomic saves and the one-writer lock.

use crate::assessment::{self, Assessment};
use crate::builtin;
use crate::error::{Error, Result};
use crate::routemap::{self, Routemap};
use crate::text::{quoted_names, slugify};
use crate::yaml;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The user's data directory: saved assessments, and custom routemaps in `routemaps/`.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// One file of the data directory, loaded or not.
#[derive(Debug)]
pub struct Listed {
    pub path: PathBuf,
    pub assessment: Result<Assessment>,
}

/// A saved assessment with its routemap, ready to show.
#[derive(Debug)]
pub struct OpenedAssessment {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub routemap: Routemap,
    /// What the routemap cannot match (kept in the file, reported to the user).
    pub mismatches: Vec<assessment::Mismatch>,
}

/// Where a routemap came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File(PathBuf),
}

/// A routemap that can be chosen, or a file that should be one but does not load.
#[derive(Debug)]
pub struct Available {
    pub origin: Origin,
    pub routemap: Result<Routemap>,
}

impl Store {
    /// The data directory: `dir` when given (the `--data-dir` flag or `ROUTEMAP_DATA_DIR`),
    /// else the platform's data directory for routemap (`XDG_DATA_HOME` honoured).
    pub fn open(dir: Option<PathBuf>) -> Result<Store> {
        let root = match dir {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => directories::ProjectDirs::from("", "", "routemap")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .ok_or(Error::NoDataDir)?,
        };
        Ok(Store { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn routemaps_dir(&self) -> PathBuf {
        self.root.join("routemaps")
    }

    /// A saved assessment by name (a file of the data directory, or an authority's name)
    /// or by path.
    pub fn resolve_assessment(&self, spec: &str) -> Result<PathBuf> {
        let not_found = || Error::AssessmentNotFound {
            name: spec.to_string(),
            data_dir: self.root.clone(),
        };
        if looks_like_path(spec) {
            let path = PathBuf::from(spec);
            return if path.is_file() {
                Ok(path)
            } else {
                Err(not_found())
            };
        }
        let named = self.root.join(format!("{spec}.yaml"));
        if named.is_file() {
            return Ok(named);
        }
        if Path::new(spec).is_file() {
            return Ok(PathBuf::from(spec));
        }
        let wanted = spec.trim().to_lowercase();
        let matches: Vec<PathBuf> = self
            .list()
            .into_iter()
            .filter(|listed| {
                listed.assessment.as_ref().is_ok_and(|a| {
                    a.authority.to_lowercase() == wanted
                        || a.display_name().to_lowercase() == wanted
                })
            })
            .map(|listed| listed.path)
            .collect();
        match matches.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(not_found()),
            many => {
                let names: Vec<String> = many.iter().map(|path| file_stem(path)).collect();
                Err(Error::Usage(format!(
                    "'{spec}' matches {} saved assessments ({}); name one of them",
                    many.len(),
                    quoted_names(&names)
                )))
            }
        }
    }

    /// Finds, loads and matches a saved assessment to its routemap.
    pub fn open_assessment(&self, spec: &str) -> Result<OpenedAssessment> {
        let path = self.resolve_assessment(spec)?;
        let mut assessment = load_assessment(&path)?;
        let routemap =
            self.resolve_routemap(&assessment.routemap.id)
                .map_err(|error| match error {
                    Error::RoutemapNotFound { name, hint } => Error::RoutemapNotFound {
                        name,
                        hint: format!("'{}' was made with it; {hint}", path.display()),
                    },
                    other => other,
                })?;
        assessment.order_by(&routemap);
        let mismatches = assessment::mismatches(&assessment, &routemap);
        Ok(OpenedAssessment {
            path,
            assessment,
            routemap,
            mismatches,
        })
    }

    /// Every `*.yaml` file of the data directory, loaded, in file name order.
    pub fn list(&self) -> Vec<Listed> {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension().is_some_and(|ext| ext == "yaml")
                    && !file_stem(path).starts_with('.')
                    && path.is_file()
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| Listed {
                assessment: load_assessment(&path),
                path,
            })
            .collect()
    }

    /// The most recently updated saved assessment that loads.
    pub fn most_recent(&self) -> Option<PathBuf> {
        self.list()
            .into_iter()
            .filter_map(|listed| {
                let updated = listed.assessment.ok()?.updated;
                let modified = fs::metadata(&listed.path).and_then(|m| m.modified()).ok();
                Some((updated, modified, listed.path))
            })
            .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
            .map(|(_, _, path)| path)
    }

    /// A new file name for an assessment, from its authority and title, not yet taken.
    pub fn new_assessment_path(&self, assessment: &Assessment) -> PathBuf {
        let mut stem = slugify(&assessment.display_name());
        if stem.is_empty() {
            stem = "assessment".into();
        }
        let mut path = self.root.join(format!("{stem}.yaml"));
        let mut counter = 2;
        while path.exists() {
            path = self.root.join(format!("{stem}-{counter}.yaml"));
            counter += 1;
        }
        path
    }

    /// A routemap by path, by id from the data directory's `routemaps/`, or built in.
    pub fn resolve_routemap(&self, spec: &str) -> Result<Routemap> {
        if looks_like_path(spec) || Path::new(spec).is_file() {
            return routemap::load_file(Path::new(spec));
        }
        let named = self.routemaps_dir().join(format!("{spec}.yaml"));
        if named.is_file() {
            return routemap::load_file(&named);
        }
        for available in self.custom_routemaps() {
            if let Ok(routemap) = available.routemap
                && routemap.id == spec
            {
                return Ok(routemap);
            }
        }
        match builtin::find(spec) {
            Some(file) => file.load(),
            None => Err(Error::RoutemapNotFound {
                name: spec.to_string(),
                hint: format!(
                    "the routemaps available are {} ('routemap routemaps' lists them), or give the path of a routemap file",
                    quoted_names(&self.available_ids())
                ),
            }),
        }
    }

    /// A routemap given as a file outside the data directory is copied into its
    /// `routemaps/`, so the assessment made with it can find it again by id.
    pub fn keep_routemap(&self, spec: &str, routemap: &Routemap) -> Result<()> {
        let source = Path::new(spec);
        let by_id = self.routemaps_dir().join(format!("{}.yaml", routemap.id));
        let findable = builtin::find(&routemap.id).is_some() || by_id.is_file();
        if findable || !source.is_file() {
            return Ok(());
        }
        let bytes = fs::read(source).map_err(|error| Error::read(source, &error))?;
        write_atomic(&by_id, |file| file.write_all(&bytes))
    }

    fn available_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .available_routemaps()
            .into_iter()
            .filter_map(|available| available.routemap.ok().map(|r| r.id))
            .collect();
        ids.dedup();
        ids
    }

    /// The data directory's routemaps, then the built-in ones.
    pub fn available_routemaps(&self) -> Vec<Available> {
        let mut all = self.custom_routemaps();
        all.extend(builtin::files().map(|file| Available {
            origin: Origin::Builtin,
            routemap: file.load(),
        }));
        all
    }

    fn custom_routemaps(&self) -> Vec<Available> {
        let Ok(entries) = fs::read_dir(self.routemaps_dir()) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| Available {
                routemap: routemap::load_file(&path),
                origin: Origin::File(path),
            })
            .collect()
    }
}

impl Store {
    fn position_file(&self, assessment_path: &Path) -> PathBuf {
        let absolute =
            fs::canonicalize(assessment_path).unwrap_or_else(|_| assessment_path.to_path_buf());
        // FNV-1a: a stable name for the path, the same in every build.
        let hash = absolute
            .to_string_lossy()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |hash, byte| {
                (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
            });
        self.root.join(".positions").join(format!("{hash:016x}"))
    }

    /// Remembers the focused theme of an assessment, for the next time it opens. Best
    /// effort and not fsynced: losing it loses only the place, never an answer.
    pub fn remember_position(&self, assessment_path: &Path, theme_id: &str) {
        let file = self.position_file(assessment_path);
        if let Some(dir) = file.parent() {
            let _ = fs::create_dir_all(dir);
        }
        let temp = file.with_extension("tmp");
        if fs::write(&temp, theme_id).is_ok() {
            let _ = fs::rename(&temp, &file);
        }
    }

    /// The theme that was focused when the assessment was last left.
    pub fn recall_position(&self, assessment_path: &Path) -> Option<String> {
        fs::read_to_string(self.position_file(assessment_path))
            .ok()
            .map(|text| text.trim().to_string())
            .filter(|id| !id.is_empty())
    }
}

/// A spec that can only be a path: it has a directory part or a YAML extension.
fn looks_like_path(spec: &str) -> bool {
    spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".yaml")
        || spec.ends_with(".yml")
        || spec.starts_with('.')
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and parses a saved assessment.
pub fn load_assessment(path: &Path) -> Result<Assessment> {
    let text = yaml::read_text(path, yaml::MAX_ASSESSMENT_BYTES, "saved assessment")?;
    assessment::parse(path, &text)
}

/// Saves an assessment atomically in its canonical form.
pub fn save_assessment(path: &Path, assessment: &Assessment) -> Result<()> {
    let text = assessment::to_yaml(assessment);
    write_atomic(path, |file| file.write_all(text.as_bytes()))
}

/// Writes a file so that at every instant `path` holds either the old content or the
/// new, whole: a temporary file in the same directory, fsynced, renamed over `path`,
/// and the directory fsynced so the rename itself survives a crash.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    let failed = |error: io::Error| Error::write(path, &error);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(failed)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".routemap-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(failed)?;
    write(temp.as_file_mut()).map_err(failed)?;
    keep_permissions(path, temp.as_file());
    temp.as_file().sync_all().map_err(failed)?;
    temp.persist(path).map_err(|error| failed(error.error))?;
    // Not every platform can open a directory to sync it; the rename is done either way.
    if let Ok(handle) = File::open(&dir) {
        let _ = handle.sync_all();
    }
    Ok(())
}

/// New files are readable by others like any document (tempfile makes them private);
/// an existing file keeps the permissions its owner gave it.
fn keep_permissions(path: &Path, temp: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| fs::Permissions::from_mode(0o644));
        let _ = temp.set_permissions(permissions);
    }
    #[cfg(not(unix))]
    let _ = (path, temp);
}

/// Held while a process may write an assessment; a second process is refused.
///
/// The lock is on a hidden side file (`.NAME.yaml.lock`), not on the assessment itself,
/// because each atomic save replaces the assessment's file; the operating system drops
/// it when the process ends, however it ends.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

impl WriteLock {
    pub fn acquire(path: &Path) -> Result<WriteLock> {
        let lock_path = lock_path(path);
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|error| Error::write(&lock_path, &error))?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(Error::Locked {
                path: path.to_path_buf(),
            }),
            // A file system without locks: carry on unlocked rather than refuse to work.
            Err(fs::TryLockError::Error(_)) => Ok(WriteLock { _file: file }),
        }
    }
}

fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.lock"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Current;
    use crate::clock::Instant;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        (dir, store)
    }

    fn sample(store: &Store, authority: &str) -> (PathBuf, Assessment) {
        let routemap = store.resolve_routemap("planting-the-flag").unwrap();
        let mut assessment = Assessment::new(&routemap, authority, None, Instant(1_000));
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
                .contains("matches 2 saved assessments"),
            "{ambiguous}"
        );
        let missing = store.resolve_assessment("nowhere").unwrap_err();
        assert_eq!(
            missing.to_string(),
            format!(
                "no saved assessment 'nowhere' was found in '{}' or as a path; run 'routemap list' to see the saved ones",
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
        assert_eq!(store.resolve_routemap("my-map").unwrap().themes.len(), 5);
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
}
