//! Opening the files routemap writes or locks, safely: never through a symbolic link it
//! did not resolve on purpose, never blocking on a FIFO or a device, and knowing when a
//! file changed under it.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// What a file looked like when it was last read or written: enough to tell that
/// someone else has written it since (a new inode after a rename, a new length or
/// modification time after an edit in place, a new change time after anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    device: u64,
    inode: u64,
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
}

impl Stamp {
    /// The stamp of the file at `path`, not following a final symbolic link.
    pub fn of(path: &Path) -> io::Result<Stamp> {
        Ok(Stamp::from_metadata(&fs::symlink_metadata(path)?))
    }

    pub fn from_metadata(metadata: &fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns =
                |seconds: i64, nanos: i64| i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
            Stamp {
                device: metadata.dev(),
                inode: metadata.ino(),
                len: metadata.len(),
                modified_ns: ns(metadata.mtime(), metadata.mtime_nsec()),
                changed_ns: ns(metadata.ctime(), metadata.ctime_nsec()),
            }
        }
        #[cfg(not(unix))]
        {
            let modified_ns = metadata
                .modified()
                .ok()
                .and_then(|at| at.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos() as i128);
            Stamp {
                device: 0,
                inode: 0,
                len: metadata.len(),
                modified_ns,
                changed_ns: 0,
            }
        }
    }
}

/// Adds "do not follow a final symbolic link" and "do not block on open" (a FIFO would
/// wait for a writer forever) to `options`.
pub fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    options
}

/// An I/O error for a path that is a symbolic link where a plain file must be.
fn is_link_refusal(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

/// Why a file that must be a plain file is not one, in a few words.
pub fn not_plain_reason(error: &io::Error) -> Option<&'static str> {
    if is_link_refusal(error) {
        Some("it is a symbolic link, which routemap does not follow here; remove it")
    } else if error.kind() == io::ErrorKind::InvalidInput {
        Some("it is not a regular file; remove it")
    } else {
        None
    }
}

/// Opens an existing or new plain file for locking: read and write when allowed, read
/// only when not (a lock can be held on either), refusing links and anything that is
/// not a regular file.
pub fn open_lock_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    let file = match no_follow(&mut options).open(path) {
        Err(error) if error.kind() == io::ErrorKind::PermissionDenied && path.exists() => {
            no_follow(OpenOptions::new().read(true)).open(path)?
        }
        other => other?,
    };
    ensure_regular(&file)?;
    Ok(file)
}

/// Opens a file to read it, following links (a saved assessment may be a link the user
/// made) but refusing to block on, or read from, anything but a regular file.
pub fn open_to_read(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    ensure_regular(&file)?;
    Ok(file)
}

fn ensure_regular(file: &File) -> io::Result<()> {
    if file.metadata()?.is_file() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ))
    }
}

/// Why routemap may not write the file at `path` (which exists), in words for the user;
/// `None` when it may. A file whose owner took away its write permission is read-only
/// even to a user (root) the system would let write it anyway: the permission is the
/// owner's word.
pub fn why_not_writable(path: &Path) -> Option<String> {
    let metadata = fs::metadata(path).ok()?;
    if metadata.permissions().readonly() {
        return Some("the file is read-only (its permissions do not allow writing)".into());
    }
    #[cfg(unix)]
    {
        use rustix::fs::{Access, access};
        if access(path, Access::WRITE_OK).is_err() {
            return Some("you may not write to the file (it belongs to someone else)".into());
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        if access(dir, Access::WRITE_OK).is_err() {
            return Some("its folder cannot be written to".into());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_changes_with_an_edit_in_place_or_a_replacement() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        fs::write(&path, "one").unwrap();
        let first = Stamp::of(&path).unwrap();
        assert_eq!(Stamp::of(&path).unwrap(), first);
        fs::write(&path, "two").unwrap();
        let second = Stamp::of(&path).unwrap();
        assert_ne!(second, first, "same length, rewritten in place");
        let other = dir.path().join("b.yaml");
        fs::write(&other, "two").unwrap();
        fs::rename(&other, &path).unwrap();
        assert_ne!(Stamp::of(&path).unwrap(), second, "replaced by a rename");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("victim");
        let link = dir.path().join(".a.yaml.lock");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let error = open_lock_file(&link).unwrap_err();
        assert!(not_plain_reason(&error).unwrap().contains("symbolic link"));
        assert!(!target.exists(), "the link's target was not created");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_instead_of_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            return;
        }
        let error = open_lock_file(&fifo).unwrap_err();
        assert_eq!(
            not_plain_reason(&error),
            Some("it is not a regular file; remove it")
        );
        let error = open_to_read(&fifo).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_made_read_only_is_not_writable_even_to_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        fs::write(&path, "x").unwrap();
        assert_eq!(why_not_writable(&path), None);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(why_not_writable(&path).unwrap().contains("read-only"));
    }
}
