//! What a user types on the command line, found: one rule for assessments and routemaps.
//!
//! 1. a path, if it names an existing file;
//! 2. otherwise a name in the data directory, with or without `.yaml` (for routemaps, a
//!    file of `routemaps/` or the id inside one);
//! 3. otherwise: for an assessment, the authority named in exactly one saved file; for a
//!    routemap, a built-in.
//!
//! A name that fits more than one file is refused with the candidates listed. A name
//! with a directory part is only ever a path.
//!
//! A routemap id read from inside a saved file is different, and not resolved here: it
//! is looked up in the data directory and the built-ins only, never as a path
//! ([`Store::resolve_routemap`]), so a stray file in the working directory cannot change
//! what an assessment is shown against.

use super::{Store, file_stem};
use crate::builtin;
use crate::error::{Error, Result};
use crate::routemap::{self, Routemap};
use crate::sanitize;
use crate::text::quoted_names;
use std::path::{Path, PathBuf};

/// `-` on a command line: standard input.
pub const STDIN_ARG: &str = "-";

/// A routemap found from what a user typed.
#[derive(Debug)]
pub struct FoundRoutemap {
    pub routemap: Routemap,
    /// The file it was read from when typed as a path (to keep a copy of it).
    pub given_path: Option<PathBuf>,
}

/// True when `spec` can only be a path: it has a directory part.
fn has_directory_part(spec: &str) -> bool {
    spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR)
}

/// `spec` as a file name of `dir`: `NAME.yaml` for `NAME`, `NAME.yaml` for `NAME.yaml`.
fn named_in(dir: &Path, spec: &str) -> Vec<PathBuf> {
    if spec.is_empty() || spec.starts_with('.') || has_directory_part(spec) {
        return Vec::new();
    }
    if spec.ends_with(".yaml") || spec.ends_with(".yml") {
        vec![dir.join(spec)]
    } else {
        vec![dir.join(format!("{spec}.yaml")), dir.join(format!("{spec}.yml"))]
    }
}

impl Store {
    /// A saved assessment from what a user typed: see the module's rule.
    pub fn resolve_assessment(&self, spec: &str) -> Result<PathBuf> {
        if spec == STDIN_ARG {
            return Err(Error::Usage(
                "'-' (standard input) cannot be opened in the full-screen program, which reads the keyboard there; save the assessment to a file and give its path".into(),
            ));
        }
        let path = Path::new(spec);
        if path.is_file() {
            return Ok(path.to_path_buf());
        }
        if let Some(named) = named_in(&self.root, spec)
            .into_iter()
            .find(|named| named.is_file())
        {
            return Ok(named);
        }
        let not_found = || Error::AssessmentNotFound {
            name: spec.to_string(),
            data_dir: self.root.clone(),
            path_only: has_directory_part(spec),
        };
        if has_directory_part(spec) {
            return Err(not_found());
        }
        let wanted = spec.trim().to_lowercase();
        let matches: Vec<PathBuf> = self
            .list()
            .into_iter()
            .filter(|listed| {
                listed.assessment.as_ref().is_ok_and(|a| {
                    a.authority.to_lowercase() == wanted
                        || a.display_name().to_lowercase() == wanted
                })
            })
            .map(|listed| listed.path)
            .collect();
        match matches.as_slice() {
            [one] => Ok(one.clone()),
            [] => Err(not_found()),
            many => {
                let names: Vec<String> = many.iter().map(|path| file_stem(path)).collect();
                Err(Error::Usage(format!(
                    "'{}' is the authority of {} saved assessments ({}); name one of them",
                    sanitize::line(spec),
                    many.len(),
                    quoted_names(&names)
                )))
            }
        }
    }

    /// A routemap from what a user typed (`new --routemap`, `summary --routemap`): see
    /// the module's rule.
    pub fn find_routemap(&self, spec: &str) -> Result<FoundRoutemap> {
        let path = Path::new(spec);
        if path.is_file() {
            return Ok(FoundRoutemap {
                routemap: routemap::load_file(path)?,
                given_path: Some(path.to_path_buf()),
            });
        }
        let found = |routemap| {
            Ok(FoundRoutemap {
                routemap,
                given_path: None,
            })
        };
        let by_file = named_in(&self.routemaps_dir(), spec)
            .into_iter()
            .find(|named| named.is_file());
        if let Some(file) = by_file {
            let routemap = routemap::load_file(&file)?;
            return found(super::refuse_builtin_id(&file, routemap)?);
        }
        let id = spec.trim_end_matches(".yaml").trim_end_matches(".yml");
        let mut by_id: Vec<(PathBuf, Routemap)> = self
            .custom_routemap_files()
            .into_iter()
            .filter_map(|file| {
                let routemap = routemap::load_file(&file).ok()?;
                (routemap.id == id).then_some((file, routemap))
            })
            .collect();
        by_id.dedup_by(|a, b| a.1 == b.1);
        match by_id.len() {
            1 => {
                let (file, routemap) = by_id.remove(0);
                return found(super::refuse_builtin_id(&file, routemap)?);
            }
            0 => {}
            _ => {
                let files: Vec<String> = by_id
                    .iter()
                    .map(|(file, _)| sanitize::path(file))
                    .collect();
                return Err(Error::Usage(format!(
                    "routemap id '{}' is used by {} different files ({}); give the path of the one you mean, or give each an id of its own",
                    sanitize::line(id),
                    files.len(),
                    quoted_names(&files)
                )));
            }
        }
        match builtin::find(id).filter(|_| !has_directory_part(spec)) {
            Some(file) => found(file.load()?),
            None => Err(Error::RoutemapNotFound {
                name: spec.to_string(),
                hint: format!(
                    "there is no file '{}', no routemap of that id or file name in '{}' and no built-in of that id; the routemaps available are {} ('routemap routemaps' lists them)",
                    sanitize::line(spec),
                    sanitize::path(&self.routemaps_dir()),
                    quoted_names(&self.available_ids())
                ),
            }),
        }
    }

    /// Finds, loads and matches a saved assessment to its routemap; `-` reads standard
    /// input. A command reads standard input at most once: the caller checks that only
    /// one of its arguments is `-`.
    pub fn open_assessment_or_stdin(&self, spec: &str) -> Result<super::OpenedAssessment> {
        if spec != STDIN_ARG {
            return self.open_assessment(spec);
        }
        let label = PathBuf::from(STDIN_LABEL);
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|error| Error::read(&label, &error))?;
        let text = crate::yaml::text_from_bytes(&label, bytes)?;
        let assessment = crate::assessment::parse(&label, &text)?;
        self.opened(label, assessment)
    }
}

/// How standard input is named in messages and output.
pub const STDIN_LABEL: &str = "<stdin>";

/// Refuses a command line that gives `-` (standard input) more than once.
pub fn stdin_at_most_once<'a>(specs: impl IntoIterator<Item = &'a str>) -> Result<()> {
    if specs.into_iter().filter(|spec| *spec == STDIN_ARG).count() > 1 {
        return Err(Error::Usage(
            "'-' (standard input) can be given only once; save the others to files".into(),
        ));
    }
    Ok(())
}
