//! The one-writer lock: a second process on the same assessment opens it read-only.

use super::files;
use crate::error::{Error, Result};
use std::fs::{self, File};
use std::path::{Path, PathBuf};

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
