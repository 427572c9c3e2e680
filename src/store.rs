//! Where things live on disk: the data directory, finding assessments and routemaps by
//! name or path, atomic saves and the one-writer lock. One module a job:
//!
//! - `resolve`: what a name typed on the command line means;
//! - `routemaps`: the routemaps available (built in and in the data directory), and
//!   keeping a copy of one given by path; `versions`: one copy per id and version;
//! - `listing`: the saved assessments, and names for new ones;
//! - `write`: atomic writes, new files only where none is, leftovers cleaned;
//! - `saved_file`: an open assessment's file, never written over someone else's change;
//! - `lock`: the one-writer lock; `positions`: where each assessment was left;
//! - `files`: opening files without following links or blocking on FIFOs.

use crate::assessment::{self, Assessment};
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use crate::yaml;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

mod files;
mod listing;
mod lock;
mod positions;
mod read_capped;
mod resolve;
mod routemaps;
mod saved_file;
mod versions;
mod write;

pub use files::{Stamp, open_to_read, why_not_writable};
pub use listing::most_recent_in;
pub use lock::WriteLock;
pub use read_capped::{not_regular, read_capped};
pub use resolve::{FoundRoutemap, STDIN_ARG, STDIN_LABEL, stdin_at_most_once};
pub use saved_file::{NotSaved, SaveProblem, Saved, SavedFile, real_path};
pub use versions::{ForAssessment, Kept, compare_versions};
pub use write::{clean_leftovers, write_atomic, write_atomic_checked, write_new, write_private};

/// The user's data directory: saved assessments, and custom routemaps in `routemaps/`.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// One file of the data directory, loaded or not.
#[derive(Debug)]
pub struct Listed {
    pub path: PathBuf,
    pub assessment: Result<Assessment>,
}

/// A saved assessment with its routemap, ready to show.
#[derive(Debug)]
pub struct OpenedAssessment {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub routemap: Routemap,
    /// What the routemap cannot match (kept in the file, reported to the user).
    pub mismatches: Vec<assessment::Mismatch>,
}

/// Where a routemap came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File(PathBuf),
}

/// A routemap that can be chosen, or a file that should be one but does not load.
#[derive(Debug)]
pub struct Available {
    pub origin: Origin,
    pub routemap: Result<Routemap>,
}

impl Store {
    /// The data directory: `dir` when given (the `--data-dir` flag or `ROUTEMAP_DATA_DIR`),
    /// else the platform's data directory for routemap (`XDG_DATA_HOME` honoured).
    pub fn open(dir: Option<PathBuf>) -> Result<Store> {
        let root = match dir {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => directories::ProjectDirs::from("", "", "routemap")
                .map(|dirs| dirs.data_dir().to_path_buf())
                .ok_or(Error::NoDataDir)?,
        };
        // A file where the folder should be would otherwise read as "nothing saved yet".
        if let Ok(metadata) = fs::metadata(&root)
            && !metadata.is_dir()
        {
            return Err(Error::DataDirUnusable {
                path: root,
                reason: "is a file, not a folder".into(),
            });
        }
        Ok(Store { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether a new assessment could be saved here: the folder exists (or can be made)
    /// and may be written.
    pub fn check_writable(&self) -> Result<()> {
        let unusable = |reason: String| Error::DataDirUnusable {
            path: self.root.clone(),
            reason,
        };
        fs::create_dir_all(&self.root).map_err(|error| {
            unusable(format!(
                "cannot be made ({})",
                crate::error::io_reason(&error)
            ))
        })?;
        #[cfg(unix)]
        if rustix::fs::access(&self.root, rustix::fs::Access::WRITE_OK).is_err() {
            return Err(unusable("cannot be written to (permission denied)".into()));
        }
        Ok(())
    }

    pub fn routemaps_dir(&self) -> PathBuf {
        self.root.join("routemaps")
    }

    /// Finds, loads and matches a saved assessment to its routemap.
    pub fn open_assessment(&self, spec: &str) -> Result<OpenedAssessment> {
        let path = self.resolve_assessment(spec)?;
        let assessment = load_assessment(&path)?;
        self.opened(path, assessment)
    }

    /// A loaded assessment matched to its routemap (found by id, as saved files are).
    pub fn opened(&self, path: PathBuf, mut assessment: Assessment) -> Result<OpenedAssessment> {
        let routemap = self
            .routemap_for_assessment(&assessment.routemap.id, &assessment.routemap.version)
            .map(|found| found.routemap)
            .map_err(|error| match error {
                // A saved file names its routemap by id, so the way out is to put the
                // routemap where ids are looked up, not to give a path.
                Error::RoutemapNotFound { name, .. } => Error::RoutemapNotFound {
                    hint: format!(
                        "'{}' was made with it; put the routemap's file (id: {}) in '{}' (the routemaps available are {})",
                        crate::sanitize::path(&path),
                        crate::sanitize::line(&name),
                        crate::sanitize::path(&self.routemaps_dir()),
                        crate::text::quoted_names(&self.available_ids())
                    ),
                    name,
                },
                other => other,
            })?;
        assessment.order_by(&routemap);
        let mismatches = assessment::mismatches(&assessment, &routemap);
        Ok(OpenedAssessment {
            path,
            assessment,
            routemap,
            mismatches,
        })
    }
}

/// A spec that can only be a path: it has a directory part or a YAML extension.
fn looks_like_path(spec: &str) -> bool {
    spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".yaml")
        || spec.ends_with(".yml")
        || spec.starts_with('.')
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads and parses a saved assessment.
pub fn load_assessment(path: &Path) -> Result<Assessment> {
    let text = yaml::read_text(path, yaml::MAX_ASSESSMENT_BYTES, "saved assessment")?;
    assessment::parse(path, &text)
}

/// Saves an assessment atomically in its canonical form.
pub fn save_assessment(path: &Path, assessment: &Assessment) -> Result<()> {
    let text = assessment::to_yaml(assessment);
    write_atomic(path, |file| file.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests;
