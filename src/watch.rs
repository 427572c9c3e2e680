//! Waiting for files to change, blocking instead of polling: for the workshop's
//! read-only second screen (`routemap workshop NAME --follow`), which redraws whenever
//! the facilitator's program saves.
//!
//! Saves replace a file by renaming a new one over it, so a watch on the file itself
//! would follow the old, replaced inode. The folders are watched instead, and only
//! events naming the watched files count. On Linux this is inotify (through rustix,
//! already in the tree: no new crate): one read that blocks until the kernel has news.
//! Elsewhere it falls back to comparing the files' metadata once a second.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Files to wait on.
pub struct Watcher {
    files: Vec<(PathBuf, OsString)>,
    #[cfg(any(target_os = "linux", target_os = "android"))]
    inotify: rustix::fd::OwnedFd,
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    seen: Vec<Option<(std::time::SystemTime, u64)>>,
}

impl Watcher {
    /// Watches `files` (which need not exist yet; their folders must).
    pub fn new(files: &[&Path]) -> std::io::Result<Watcher> {
        let files: Vec<(PathBuf, OsString)> = files
            .iter()
            .filter_map(|file| {
                let name = file.file_name()?.to_os_string();
                let folder = match file.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                Some((folder, name))
            })
            .collect();
        Watcher::start(files)
    }

    #[cfg(any(target_os = "linux", target_os = "android"))]
    fn start(files: Vec<(PathBuf, OsString)>) -> std::io::Result<Watcher> {
        use rustix::fs::inotify::{self, CreateFlags, WatchFlags};
        let inotify = inotify::init(CreateFlags::CLOEXEC)?;
        // What a save, a copy, an editor or a delete does to a name in the folder.
        let events = WatchFlags::CLOSE_WRITE
            | WatchFlags::MOVED_TO
            | WatchFlags::MOVED_FROM
            | WatchFlags::CREATE
            | WatchFlags::DELETE;
        let mut folders: Vec<&PathBuf> = files.iter().map(|(folder, _)| folder).collect();
        folders.dedup();
        for folder in folders {
            inotify::add_watch(&inotify, folder.as_path(), events)?;
        }
        Ok(Watcher { files, inotify })
    }

    /// Blocks until one of the files changes (or appears, or goes).
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub fn wait(&mut self) -> std::io::Result<()> {
        use rustix::fs::inotify::Reader;
        use std::mem::MaybeUninit;
        let mut buffer = [MaybeUninit::<u8>::uninit(); 4096];
        let mut reader = Reader::new(&self.inotify, &mut buffer);
        loop {
            let event = reader.next()?;
            let named = event.file_name().map(|name| name.to_bytes());
            let ours = self.files.iter().any(|(_, file)| {
                named == Some(std::os::unix::ffi::OsStrExt::as_bytes(file.as_os_str()))
            });
            if ours {
                // Whatever else the kernel already has is the same news.
                while !reader.is_buffer_empty() {
                    reader.next()?;
                }
                return Ok(());
            }
        }
    }

    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    fn start(files: Vec<(PathBuf, OsString)>) -> std::io::Result<Watcher> {
        let mut watcher = Watcher {
            files,
            seen: Vec::new(),
        };
        watcher.seen = watcher.look();
        Ok(watcher)
    }

    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    fn look(&self) -> Vec<Option<(std::time::SystemTime, u64)>> {
        self.files
            .iter()
            .map(|(folder, name)| {
                let metadata = std::fs::metadata(folder.join(name)).ok()?;
                Some((metadata.modified().ok()?, metadata.len()))
            })
            .collect()
    }

    /// Blocks until one of the files changes (checked once a second on this system).
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub fn wait(&mut self) -> std::io::Result<()> {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(1));
            let now = self.look();
            if now != self.seen {
                self.seen = now;
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    /// A watcher on its own thread, telling a channel each time it wakes.
    fn watching(files: &[&Path]) -> mpsc::Receiver<()> {
        let mut watcher = Watcher::new(files).unwrap();
        let (send, receive) = mpsc::channel();
        std::thread::spawn(
            move || {
                while watcher.wait().is_ok() && send.send(()).is_ok() {}
            },
        );
        receive
    }

    #[test]
    fn a_file_replaced_by_rename_wakes_the_watcher_each_time() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("anytown.yaml");
        std::fs::write(&file, "one").unwrap();
        let woken = watching(&[&file]);
        std::fs::write(dir.path().join("other.yaml"), "x").unwrap();
        // Saved as the store saves: a new file renamed over the old.
        let new = dir.path().join(".anytown.yaml.tmp");
        std::fs::write(&new, "two").unwrap();
        std::fs::rename(&new, &file).unwrap();
        // Waits on the channel, so the test takes as long as the event, not a sleep.
        woken.recv_timeout(Duration::from_secs(10)).unwrap();
        // The replaced file is still watched: a second save wakes it again.
        std::fs::write(&new, "three").unwrap();
        std::fs::rename(&new, &file).unwrap();
        woken.recv_timeout(Duration::from_secs(10)).unwrap();
    }

    #[test]
    fn a_file_that_appears_later_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let position = dir.path().join("position");
        let woken = watching(&[&dir.path().join("a.yaml"), &position]);
        std::fs::write(&position, "governance").unwrap();
        woken.recv_timeout(Duration::from_secs(10)).unwrap();
    }
}
