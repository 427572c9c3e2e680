//! Reading standard input with a size limit (`report -`, `check -`, `radar -`): files
//! are read through the YAML layer's bounded reader (`yaml::read_text`), and this is
//! its counterpart for a stream, which has no size to check first. Without a limit,
//! `yes 'a: b' | routemap report -` would grow until the machine ran out of memory.

use crate::error::{Error, Result};
use std::fs;
use std::io::Read;
use std::path::Path;

const MIB: u64 = 1024 * 1024;

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

/// Why a file that is not a regular file is not read or written, in the YAML layer's
/// words: "it is a directory, not a regular file".
pub fn not_regular(metadata: &fs::Metadata) -> String {
    let what = if metadata.is_dir() {
        "a directory"
    } else if crate::yaml::is_fifo(metadata) {
        "a named pipe (FIFO)"
    } else {
        "a device or other special file"
    };
    format!("it is {what}, not a regular file")
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
    fn devices_and_folders_are_named_as_the_yaml_layer_names_them() {
        let device = fs::metadata("/dev/zero").unwrap();
        assert_eq!(
            not_regular(&device),
            "it is a device or other special file, not a regular file"
        );
        let dir = tempfile::tempdir().unwrap();
        let folder = fs::metadata(dir.path()).unwrap();
        assert_eq!(
            not_regular(&folder),
            "it is a directory, not a regular file"
        );
    }
}
