//! The saved assessments of the data directory, and names for new ones.

use super::write::write_new;
use super::{Listed, Store, file_stem, load_assessment};
use crate::assessment::{self, Assessment};
use crate::error::{Error, Result};
use crate::text::slugify;
use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

impl Store {
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
