//! Writing files so that nothing is ever half written: atomic replacement, new files
//! only where no file is, the owner's mode and owner kept, crash leftovers cleaned.

use crate::error::{Error, Result};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// Writes a file so that at every instant `path` holds either the old content or the
/// new, whole: a temporary file in the same directory, fsynced, renamed over `path`,
/// and the directory fsynced so the rename itself survives a crash.
pub fn write_atomic(path: &Path, write: impl FnOnce(&mut File) -> io::Result<()>) -> Result<()> {
    write_atomic_checked(path, write, || Ok(()))
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

/// As [`write_atomic`], for a file only its owner may read (mode 0600 on Unix) whatever
/// the file it replaces allowed: `summary --anonymise`'s key.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |error: io::Error| Error::write(path, &error);
    fs::create_dir_all(parent_dir(path)).map_err(failed)?;
    let temp = write_temp(path, |file| io::Write::write_all(file, bytes)).map_err(failed)?;
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

pub(super) const TEMP_PREFIX: &str = ".routemap-";
pub(super) const TEMP_SUFFIX: &str = ".tmp";

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
