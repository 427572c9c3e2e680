//! The routemaps that ship inside the binary (the files of `assessments/`).

use crate::error::Result;
use crate::routemap::{self, Routemap};
use std::path::PathBuf;

/// (file name, text) of every shipped routemap; a test checks every file of
/// `assessments/` is here.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "planting-the-flag.yaml",
        include_str!("../assessments/planting-the-flag.yaml"),
    ),
    (
        "procurement-and-sourcing.yaml",
        include_str!("../assessments/procurement-and-sourcing.yaml"),
    ),
];

/// The routemap a new assessment uses unless told otherwise.
pub const DEFAULT_ROUTEMAP: &str = "planting-the-flag";

/// A shipped routemap file.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    pub file_name: &'static str,
    pub text: &'static str,
}

impl BuiltinFile {
    /// How messages name it: the path it has in the source tree.
    pub fn display_path(&self) -> PathBuf {
        PathBuf::from(format!("assessments/{}", self.file_name))
    }

    pub fn load(&self) -> Result<Routemap> {
        routemap::parse(&self.display_path(), self.text)
    }

    /// The id, read from the file name (each file is named after its id; a test checks).
    pub fn id(&self) -> &'static str {
        self.file_name.trim_end_matches(".yaml")
    }
}

/// Every shipped routemap, in file name order.
pub fn files() -> impl Iterator<Item = BuiltinFile> {
    BUILTIN_FILES
        .iter()
        .map(|(file_name, text)| BuiltinFile { file_name, text })
}

/// The shipped routemap with this id.
pub fn find(id: &str) -> Option<BuiltinFile> {
    files().find(|file| file.id() == id)
}

/// The built-in Planting the Flag routemap, for tests across the crate.
#[cfg(test)]
pub fn planting_the_flag() -> Routemap {
    find(DEFAULT_ROUTEMAP)
        .and_then(|file| file.load().ok())
        .unwrap_or_else(|| unreachable!("the built-in routemap loads (a test checks)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_loads_and_is_named_after_its_id() {
        let mut count = 0;
        for file in files() {
            let routemap = file.load().unwrap_or_else(|error| panic!("{error}"));
            assert_eq!(routemap.id, file.id());
            count += 1;
        }
        assert!(count >= 2);
    }

    #[test]
    fn every_file_of_assessments_is_built_in() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
        let mut shipped: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".yaml"))
            .collect();
        shipped.sort();
        let built_in: Vec<&str> = files().map(|file| file.file_name).collect();
        assert_eq!(shipped, built_in);
    }
}
