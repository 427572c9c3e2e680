//! The routemaps that ship inside the binary (the files of `assessments/`).

mod compiled;
#[rustfmt::skip]
mod generated;

use crate::error::Result;
use crate::routemap::Routemap;
use compiled::Compiled;
use std::path::PathBuf;

/// (file name, text, the same as data) of every shipped routemap; a test checks every
/// file of `assessments/` is here, and that the data is what the text says.
const BUILTIN_FILES: &[(&str, &str, &Compiled)] = &[
    (
        "planting-the-flag.yaml",
        include_str!("../assessments/planting-the-flag.yaml"),
        &generated::PLANTING_THE_FLAG,
    ),
    (
        "procurement-and-sourcing.yaml",
        include_str!("../assessments/procurement-and-sourcing.yaml"),
        &generated::PROCUREMENT_AND_SOURCING,
    ),
];

/// The routemap a new assessment uses unless told otherwise.
pub const DEFAULT_ROUTEMAP: &str = "planting-the-flag";

/// A shipped routemap file.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinFile {
    pub file_name: &'static str,
    pub text: &'static str,
    compiled: &'static Compiled,
}

impl BuiltinFile {
    /// How messages name it: the path it has in the source tree.
    pub fn display_path(&self) -> PathBuf {
        PathBuf::from(format!("assessments/{}", self.file_name))
    }

    /// The routemap, from its compiled form (what the text parses to; a test checks).
    pub fn load(&self) -> Result<Routemap> {
        Ok(self.compiled.to_routemap())
    }

    /// The routemap parsed from its text, as the compiled form is checked against.
    #[cfg(test)]
    fn parse(&self) -> Result<Routemap> {
        crate::routemap::parse(&self.display_path(), self.text)
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
        .map(|(file_name, text, compiled)| BuiltinFile {
            file_name,
            text,
            compiled,
        })
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

    /// The constant a built-in's data is named by: its id in capitals.
    fn constant(file: &BuiltinFile) -> String {
        file.id().to_uppercase().replace('-', "_")
    }

    #[test]
    fn the_compiled_builtins_are_what_their_yaml_says() {
        let parsed: Vec<(String, BuiltinFile, Routemap)> = files()
            .map(|file| {
                let routemap = file.parse().unwrap_or_else(|error| panic!("{error}"));
                (constant(&file), file, routemap)
            })
            .collect();
        let named: Vec<(&str, Routemap)> = parsed
            .iter()
            .map(|(name, _, routemap)| (name.as_str(), routemap.clone()))
            .collect();
        let source = compiled::rust_source(&named);
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/builtin/generated.rs");
        if std::env::var_os("UPDATE_BUILTIN").is_some() {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(source.as_str()) {
                std::fs::write(&path, &source).unwrap();
            }
            return;
        }
        let fix = "UPDATE_BUILTIN=1 cargo test --lib builtin, then build again";
        assert!(
            std::fs::read_to_string(&path).unwrap_or_default() == source,
            "src/builtin/generated.rs is not what the YAML files generate: {fix}"
        );
        for (_, file, routemap) in &parsed {
            assert!(
                file.load().ok().as_ref() == Some(routemap),
                "{} and generated.rs differ: {fix}",
                file.file_name
            );
        }
    }

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
