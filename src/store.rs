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

mod files;
mod read_capped;
mod resolve;
mod saved_file;

pub use files::{Stamp, open_to_read, why_not_writable};
pub use read_capped::{
    MAX_ASSESSMENT_BYTES, MAX_ROUTEMAP_BYTES, not_regular, read_capped, read_file_capped,
};
pub use resolve::{FoundRoutemap, STDIN_ARG, STDIN_LABEL, stdin_at_most_once};
pub use saved_file::{NotSaved, SaveProblem, Saved, SavedFile, real_path};

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
        // A file where the folder should be would otherwise read as "nothing saved yet".
        if let Ok(metadata) = fs::metadata(&root)
            && !metadata.is_dir()
        {
            return Err(Error::DataDirUnusable {
                path: root,
                reason: "is a file, not a folder".into(),
            });
        }
        Ok(Store { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether a new assessment could be saved here: the folder exists (or can be made)
    /// and may be written.
    pub fn check_writable(&self) -> Result<()> {
        let unusable = |reason: String| Error::DataDirUnusable {
            path: self.root.clone(),
            reason,
        };
        fs::create_dir_all(&self.root).map_err(|error| {
            unusable(format!(
                "cannot be made ({})",
                crate::error::io_reason(&error)
            ))
        })?;
        #[cfg(unix)]
        if rustix::fs::access(&self.root, rustix::fs::Access::WRITE_OK).is_err() {
            return Err(unusable("cannot be written to (permission denied)".into()));
        }
        Ok(())
    }

    pub fn routemaps_dir(&self) -> PathBuf {
        self.root.join("routemaps")
    }

    /// Finds, loads and matches a saved assessment to its routemap.
    pub fn open_assessment(&self, spec: &str) -> Result<OpenedAssessment> {
        let path = self.resolve_assessment(spec)?;
        let assessment = load_assessment(&path)?;
        self.opened(path, assessment)
    }

    /// A loaded assessment matched to its routemap (found by id, as saved files are).
    pub fn opened(&self, path: PathBuf, mut assessment: Assessment) -> Result<OpenedAssessment> {
        let routemap =
            self.resolve_routemap(&assessment.routemap.id)
                .map_err(|error| match error {
                    Error::RoutemapNotFound { name, hint } => Error::RoutemapNotFound {
                        name,
                        hint: format!(
                            "'{}' was made with it; {hint}",
                            crate::sanitize::path(&path)
                        ),
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
        most_recent_in(self.list())
    }

    /// A new file name for an assessment, from its authority and title, not yet taken.
    pub fn new_assessment_path(&self, assessment: &Assessment) -> PathBuf {
        self.candidate_paths(assessment)
            .find(|path| !path.exists())
            .unwrap_or_else(|| self.root.join("assessment.yaml"))
    }

    /// Names for a new assessment's file: `stem.yaml`, then `stem-2.yaml`, `stem-3.yaml`…
    fn candidate_paths(&self, assessment: &Assessment) -> impl Iterator<Item = PathBuf> + '_ {
        let mut stem = slugify(&assessment.display_name());
        if stem.is_empty() {
            stem = "assessment".into();
        }
        std::iter::once(self.root.join(format!("{stem}.yaml"))).chain(
            (2..10_000u32).map(move |counter| self.root.join(format!("{stem}-{counter}.yaml"))),
        )
    }

    /// Saves a new assessment under a name of its own: created only where no file is,
    /// so two `routemap new` started at once with the same authority get two files.
    pub fn create_assessment(&self, assessment: &Assessment) -> Result<PathBuf> {
        let text = assessment::to_yaml(assessment);
        fs::create_dir_all(&self.root).map_err(|error| Error::write(&self.root, &error))?;
        let mut last = self.root.join("assessment.yaml");
        for path in self.candidate_paths(assessment) {
            match write_new(&path, |file| file.write_all(text.as_bytes())) {
                Ok(()) => return Ok(path),
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => last = path,
                Err(error) => return Err(Error::write(&path, &error)),
            }
        }
        Err(Error::write(
            &last,
            &io::Error::new(io::ErrorKind::AlreadyExists, "every name is taken"),
        ))
    }

    /// A routemap by path, or by id from the data directory's `routemaps/` or the
    /// built-ins. An id is never looked up in the working directory: a stray file named
    /// like a routemap there must not change what an assessment is shown against.
    pub fn resolve_routemap(&self, spec: &str) -> Result<Routemap> {
        if looks_like_path(spec) {
            return routemap::load_file(Path::new(spec));
        }
        // The usual place first; a file of that name that does not load is the one meant.
        let named = self.routemaps_dir().join(format!("{spec}.yaml"));
        if named.is_file() {
            let routemap = routemap::load_file(&named)?;
            if routemap.id == spec {
                return refuse_builtin_id(&named, routemap);
            }
        }
        for path in self.custom_routemap_files() {
            if let Ok(routemap) = routemap::load_file(&path)
                && routemap.id == spec
            {
                return refuse_builtin_id(&path, routemap);
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

    /// A routemap given as a file (`spec` names an existing file; see
    /// [`Store::find_routemap`]) is copied into the data directory's `routemaps/`, so the
    /// assessment made with it can find it again by id. One that would be confused with
    /// another by id is refused before anything is made: a built-in's id, or the id of a
    /// different routemap already in the data directory.
    pub fn keep_routemap(&self, spec: &str, routemap: &Routemap) -> Result<()> {
        if !Path::new(spec).is_file() {
            // Found by id: it is already where ids are looked up.
            return Ok(());
        }
        let source = Path::new(spec);
        let routemap = refuse_builtin_id(source, routemap.clone())?;
        if builtin::find(&routemap.id).is_some() {
            return Ok(());
        }
        let by_id = self.routemaps_dir().join(format!("{}.yaml", routemap.id));
        match self.resolve_routemap(&routemap.id) {
            Ok(kept) if kept == routemap => return Ok(()),
            Ok(_) => {
                return Err(Error::invalid_one(
                    source,
                    None,
                    format!(
                        "its id '{}' is already taken by a different routemap in '{}'; give this one an id of its own, or copy it over the one there if it is a newer version",
                        routemap.id,
                        crate::sanitize::path(&self.routemaps_dir())
                    ),
                ));
            }
            Err(_) if by_id.exists() => {
                return Err(Error::invalid_one(
                    source,
                    None,
                    format!(
                        "a copy cannot be kept as '{}': a file of that name is there and does not load; fix or remove it",
                        crate::sanitize::path(&by_id)
                    ),
                ));
            }
            Err(_) => {}
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

    /// The data directory's routemaps; one that takes a built-in's id is listed as an
    /// error (it would be confused with the built-in).
    fn custom_routemaps(&self) -> Vec<Available> {
        self.custom_routemap_files()
            .into_iter()
            .map(|path| Available {
                routemap: routemap::load_file(&path)
                    .and_then(|routemap| refuse_builtin_id(&path, routemap)),
                origin: Origin::File(path),
            })
            .collect()
    }

    /// The `*.yaml` and `*.yml` files of the data directory's `routemaps/`, by name.
    fn custom_routemap_files(&self) -> Vec<PathBuf> {
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
    }
}

/// A routemap from a file may not take a built-in's id unless it is that built-in:
/// assessments name their routemap by id, and one id must never stand for two routemaps
/// (nor a custom one be quietly replaced by the built-in, or the other way round).
fn refuse_builtin_id(path: &Path, routemap: Routemap) -> Result<Routemap> {
    match builtin::find(&routemap.id) {
        Some(file) if file.load().ok().as_ref() != Some(&routemap) => Err(Error::invalid_one(
            path,
            None,
            format!(
                "its id '{}' is the id of a built-in routemap, and assessments could not tell the two apart; give it an id of its own (and write that id in the assessments made with it), or remove it",
                routemap.id
            ),
        )),
        _ => Ok(routemap),
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
    /// effort and not fsynced: losing it loses only the place, never an answer. Written
    /// through a fresh temporary file, and only into a real folder, so a link planted
    /// in `.positions` cannot make it write anywhere else.
    pub fn remember_position(&self, assessment_path: &Path, theme_id: &str) {
        let file = self.position_file(assessment_path);
        let Some(dir) = file.parent() else {
            return;
        };
        let _ = fs::create_dir(dir);
        if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            return;
        }
        let Ok(mut temp) = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .suffix(TEMP_SUFFIX)
            .tempfile_in(dir)
        else {
            return;
        };
        if temp.write_all(theme_id.as_bytes()).is_ok() {
            let _ = temp.persist(&file);
        }
    }

    /// The theme that was focused when the assessment was last left.
    pub fn recall_position(&self, assessment_path: &Path) -> Option<String> {
        use std::io::Read;
        let path = self.position_file(assessment_path);
        let file = files::no_follow(fs::OpenOptions::new().read(true))
            .open(path)
            .ok()?;
        if !file.metadata().ok()?.is_file() {
            return None;
        }
        // A theme id, not a file to slurp: a few kilobytes at most.
        let mut text = String::new();
        file.take(64 * 1024).read_to_string(&mut text).ok()?;
        Some(text.trim().to_string()).filter(|id| !id.is_empty())
    }
}

/// The most recently updated of some listed assessments that load.
pub fn most_recent_in(listed: Vec<Listed>) -> Option<PathBuf> {
    listed
        .into_iter()
        .filter_map(|listed| {
            let updated = listed.assessment.ok()?.updated;
            let modified = fs::metadata(&listed.path).and_then(|m| m.modified()).ok();
            Some((updated, modified, listed.path))
        })
        .max_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)))
        .map(|(_, _, path)| path)
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
    let bytes = fs::read(path).map_err(|error| Error::read(path, &error))?;
    let text = yaml::text_from_bytes(path, bytes)?;
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
    write_atomic_checked(path, write, || Ok(()))
}

/// As [`write_atomic`], for a file only its owner may read (mode 0600 on Unix) whatever
/// the file it replaces allowed: `summary --anonymise`'s key.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |error: io::Error| Error::write(path, &error);
    fs::create_dir_all(parent_dir(path)).map_err(failed)?;
    let temp = write_temp(path, |file| file.write_all(bytes)).map_err(failed)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))
            .map_err(failed)?;
    }
    temp.persist(path).map_err(|error| failed(error.error))?;
    sync_dir(path);
    Ok(())
}

/// [`write_atomic`], with a last check just before the rename: when `still_ok` fails,
/// nothing is replaced and its error is the reason given.
pub fn write_atomic_checked(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
    still_ok: impl FnOnce() -> io::Result<()>,
) -> Result<()> {
    let failed = |error: io::Error| Error::write(path, &error);
    fs::create_dir_all(parent_dir(path)).map_err(failed)?;
    let temp = write_temp(path, write).map_err(failed)?;
    still_ok().map_err(failed)?;
    temp.persist(path).map_err(|error| failed(error.error))?;
    sync_dir(path);
    Ok(())
}

/// Writes a new file at `path`, atomically, only if nothing is there: of two processes
/// choosing the same name at once, one gets it and the other `AlreadyExists`. The
/// folder must exist: a path typed with a slip makes no folders.
pub fn write_new(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> io::Result<()> {
    let temp = write_temp(path, write)?;
    temp.persist_noclobber(path).map_err(|error| error.error)?;
    sync_dir(path);
    Ok(())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The new content in a fresh temporary file beside `path` (created new, so no link or
/// leftover can be written through), fsynced, with `path`'s permissions and owner.
fn write_temp(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<tempfile::NamedTempFile> {
    let dir = parent_dir(path);
    let mut temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&dir)?;
    write(temp.as_file_mut())?;
    keep_permissions(path, temp.as_file());
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Not every platform can open a directory to sync it; the rename is done either way.
fn sync_dir(path: &Path) {
    if let Ok(handle) = File::open(parent_dir(path)) {
        let _ = handle.sync_all();
    }
}

const TEMP_PREFIX: &str = ".routemap-";
const TEMP_SUFFIX: &str = ".tmp";

/// Removes temporary files a crashed save left in `dir`: only ours (by name), only plain
/// files (never through a link), and only old ones, so another process's save in
/// flight is left alone.
pub fn clean_leftovers(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let old = std::time::Duration::from_secs(15 * 60);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let stale = metadata
            .modified()
            .ok()
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age > old);
        if metadata.is_file() && stale {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// New files are readable by others like any document (tempfile makes them private);
/// an existing file keeps the permissions and, where the system allows, the owner its
/// owner gave it.
fn keep_permissions(path: &Path, temp: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        match fs::metadata(path) {
            Ok(metadata) => {
                let _ = temp.set_permissions(metadata.permissions());
                if let Ok(ours) = temp.metadata()
                    && (ours.uid(), ours.gid()) != (metadata.uid(), metadata.gid())
                {
                    let _ =
                        std::os::unix::fs::fchown(temp, Some(metadata.uid()), Some(metadata.gid()));
                }
            }
            Err(_) => {
                let _ = temp.set_permissions(fs::Permissions::from_mode(0o644));
            }
        }
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
        let file =
            files::open_lock_file(&lock_path).map_err(|error| {
                match files::not_plain_reason(&error) {
                    Some(reason) => Error::Write {
                        path: lock_path.clone(),
                        reason: reason.into(),
                    },
                    None => Error::write(&lock_path, &error),
                }
            })?;
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
    #[test]
    fn two_new_assessments_at_once_get_two_files() {
        let (_dir, store) = store();
        let routemap = store.resolve_routemap("planting-the-flag").unwrap();
        let assessment = Assessment::new(&routemap, "Anytown", None, Instant(0));
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
}
