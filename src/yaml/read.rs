//! Reading a YAML file from disk, bounded: only regular files (a FIFO or a device would
//! block or never end), and no more than a size limit, so that one bad file in the data
//! directory cannot hang a listing.

use crate::error::{Error, Result};
use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

/// The largest routemap read: a 1,000-theme routemap with a paragraph for every stage
/// is under 5 MB. serde_yaml holds every event of a file in memory, some 35 bytes for
/// each byte of a file of many small nodes, so the limit also bounds the memory a bad
/// file can take.
pub const MAX_ROUTEMAP_BYTES: u64 = 16 * MIB;
/// The largest saved assessment read: notes of megabytes still fit many times over.
pub const MAX_ASSESSMENT_BYTES: u64 = 16 * MIB;

const MIB: u64 = 1024 * 1024;

/// Reads the UTF-8 text of a regular file of at most `limit` bytes; `what` names the
/// kind of file in the message when it is larger ("routemap").
pub fn read_text(path: &Path, limit: u64, what: &str) -> Result<String> {
    let metadata = fs::metadata(path).map_err(|error| Error::read(path, &error))?;
    refuse_irregular(path, &metadata)?;
    refuse_large(path, metadata.len(), limit, what)?;
    let file = open_without_blocking(path).map_err(|error| Error::read(path, &error))?;
    // It could have been swapped for something else since it was looked at.
    let opened = file.metadata().map_err(|error| Error::read(path, &error))?;
    refuse_irregular(path, &opened)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::read(path, &error))?;
    refuse_large(path, bytes.len() as u64, limit, what)?;
    super::text_from_bytes(path, bytes)
}

fn refuse_irregular(path: &Path, metadata: &fs::Metadata) -> Result<()> {
    if metadata.is_file() {
        return Ok(());
    }
    let what = if metadata.is_dir() {
        "a directory"
    } else if is_fifo(metadata) {
        "a named pipe (FIFO)"
    } else {
        "a device or other special file"
    };
    Err(Error::Read {
        path: path.to_path_buf(),
        reason: format!("it is {what}, not a regular file"),
    })
}

fn refuse_large(path: &Path, size: u64, limit: u64, what: &str) -> Result<()> {
    if size <= limit {
        return Ok(());
    }
    Err(Error::invalid_one(
        path,
        None,
        format!(
            "the file is larger than the {} MiB a {what} may be; is it the right file?",
            limit / MIB
        ),
    ))
}

/// True for a named pipe (reading one would wait for a writer).
#[cfg(unix)]
pub(crate) fn is_fifo(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    metadata.file_type().is_fifo()
}

#[cfg(not(unix))]
pub(crate) fn is_fifo(_: &fs::Metadata) -> bool {
    false
}

/// Opens for reading; on Unix without waiting for a writer should it be a FIFO.
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        fs::write(&path, "id: x\n").unwrap();
        assert_eq!(read_text(&path, 100, "routemap").unwrap(), "id: x\n");
    }

    #[test]
    fn refuses_a_file_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.yaml");
        fs::write(&path, vec![b'#'; 3 * MIB as usize + 1]).unwrap();
        let message = read_text(&path, 3 * MIB, "routemap")
            .unwrap_err()
            .to_string();
        assert_eq!(
            message,
            format!(
                "{}: the file is larger than the 3 MiB a routemap may be; is it the right file?",
                path.display()
            )
        );
    }

    #[test]
    fn refuses_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let message = read_text(dir.path(), 100, "routemap")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("it is a directory, not a regular file"),
            "{message}"
        );
    }
}
