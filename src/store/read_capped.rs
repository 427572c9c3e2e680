//! Reading with a size limit, for the reads the YAML layer's own bounded file reader
//! does not make: standard input (`report -`, `check -`), the summary's quick reader,
//! and small side files. Without a limit, `yes 'a: b' | routemap report -` or
//! `routemap summary /dev/zero` would grow until the machine ran out of memory.

use crate::error::{Error, Result};
use std::fs;
use std::io::Read;
use std::path::Path;

const MIB: u64 = 1024 * 1024;
/// The largest saved assessment read (the limit `yaml::MAX_ASSESSMENT_BYTES` sets for
/// files read through the YAML layer).
pub const MAX_ASSESSMENT_BYTES: u64 = 32 * MIB;
/// The largest routemap read.
pub const MAX_ROUTEMAP_BYTES: u64 = 32 * MIB;

/// Reads all of `reader`, refusing more than `limit` bytes; `name` (a path, or
/// `<stdin>`) and `what` ("saved assessment") name it in the message.
pub fn read_capped(reader: impl Read, limit: u64, name: &Path, what: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| Error::read(name, &error))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(name, limit, what));
    }
    Ok(bytes)
}

/// The bytes of a regular file of at most `limit` bytes; a directory, FIFO or device
/// is refused (it could block, or never end).
pub fn read_file_capped(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // A FIFO must not hold the open waiting for a writer.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options
        .open(path)
        .map_err(|error| Error::read(path, &error))?;
    let metadata = file.metadata().map_err(|error| Error::read(path, &error))?;
    if !metadata.is_file() {
        return Err(Error::Read {
            path: path.to_path_buf(),
            reason: not_regular(&metadata).into(),
        });
    }
    if metadata.len() > limit {
        return Err(too_large(path, limit, what));
    }
    read_capped(file, limit, path, what)
}

/// Why a file that is not a regular file is not read.
pub fn not_regular(metadata: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "it is a named pipe (FIFO), not a regular file";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "it is a device, not a regular file";
        }
    }
    if metadata.is_dir() {
        "it is a folder, not a file"
    } else {
        "it is not a regular file"
    }
}

fn too_large(name: &Path, limit: u64, what: &str) -> Error {
    let (it, fix) = if name == Path::new(super::STDIN_LABEL) {
        ("the input", "is it the right input?")
    } else {
        ("the file", "is it the right file?")
    };
    Error::invalid_one(
        name,
        None,
        format!(
            "{it} is larger than the {} a {what} may be; {fix}",
            size_words(limit)
        ),
    )
}

/// "32 MiB", or "1024 bytes" under a mebibyte.
fn size_words(bytes: u64) -> String {
    if bytes >= MIB {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_longer_than_the_limit_is_refused_without_reading_it_all() {
        let endless = std::io::repeat(b'a');
        let error = read_capped(endless, 1024, Path::new("<stdin>"), "saved assessment")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "<stdin>: the input is larger than the 1024 bytes a saved assessment may be; is it the right input?"
        );
        let short = read_capped(&b"a: b\n"[..], 1024, Path::new("x"), "routemap").unwrap();
        assert_eq!(short, b"a: b\n");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_folders_are_not_read() {
        let error = read_file_capped(Path::new("/dev/zero"), MIB, "saved assessment")
            .unwrap_err()
            .to_string();
        assert_eq!(
            error,
            "cannot read '/dev/zero': it is a device, not a regular file; check the path and that you may read it"
        );
        let dir = tempfile::tempdir().unwrap();
        let error = read_file_capped(dir.path(), MIB, "saved assessment")
            .unwrap_err()
            .to_string();
        assert!(error.contains("it is a folder, not a file"), "{error}");
    }
}
