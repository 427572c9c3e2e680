//! The routemaps available: the data directory's `routemaps/` and the built-in ones, by
//! id; a custom routemap may not take a built-in's id.

use super::{Available, Origin, Store, looks_like_path, versions};
use crate::builtin;
use crate::error::{Error, Result};
use crate::routemap::{self, Routemap};
use crate::text::quoted_names;
use std::fs;
use std::path::{Path, PathBuf};

impl Store {
    /// A routemap by path, or by id from the data directory's `routemaps/` or the
    /// built-ins. An id is never looked up in the working directory: a stray file named
    /// like a routemap there must not change what an assessment is shown against.
    pub fn resolve_routemap(&self, spec: &str) -> Result<Routemap> {
        if looks_like_path(spec) {
            return routemap::load_file(Path::new(spec));
        }
        // Several versions may be kept: the latest.
        let kept = self
            .kept_copies(spec)?
            .into_iter()
            .map(|(_, r)| r)
            .collect();
        if let Some(routemap) = versions::latest(kept) {
            return Ok(routemap);
        }
        match builtin::find(spec) {
            Some(file) => file.load(),
            None => Err(self.routemap_not_found(spec)),
        }
    }

    /// No routemap of id `spec`: the error, with the ids there are.
    pub(super) fn routemap_not_found(&self, spec: &str) -> Error {
        Error::RoutemapNotFound {
            name: spec.to_string(),
            hint: format!(
                "the routemaps available are {} ('routemap routemaps' lists them), or give the path of a routemap file",
                quoted_names(&self.available_ids())
            ),
        }
    }

    pub(super) fn available_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self
            .available_routemaps()
            .into_iter()
            .filter_map(|available| available.routemap.ok().map(|r| r.id))
            .collect();
        ids.dedup();
        ids
    }

    /// The data directory's routemaps, then the built-in ones.
    pub fn available_routemaps(&self) -> Vec<Available> {
        let mut all = self.custom_routemaps();
        all.extend(builtin::files().map(|file| Available {
            origin: Origin::Builtin,
            routemap: file.load(),
        }));
        all
    }

    /// The data directory's routemaps; one that takes a built-in's id is listed as an
    /// error (it would be confused with the built-in).
    pub(super) fn custom_routemaps(&self) -> Vec<Available> {
        self.custom_routemap_files()
            .into_iter()
            .map(|path| Available {
                routemap: routemap::load_file(&path)
                    .and_then(|routemap| refuse_builtin_id(&path, routemap)),
                origin: Origin::File(path),
            })
            .collect()
    }

    /// The `*.yaml` and `*.yml` files of the data directory's `routemaps/`, by name.
    pub(super) fn custom_routemap_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.routemaps_dir()) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension()
                    .is_some_and(|ext| ext == "yaml" || ext == "yml")
            })
            .collect();
        paths.sort();
        paths
    }
}

/// A routemap from a file may not take a built-in's id unless it is that built-in:
/// assessments name their routemap by id, and one id must never stand for two routemaps
/// (nor a custom one be quietly replaced by the built-in, or the other way round).
pub(super) fn refuse_builtin_id(path: &Path, routemap: Routemap) -> Result<Routemap> {
    match builtin::find(&routemap.id) {
        Some(file) if file.load().ok().as_ref() != Some(&routemap) => Err(Error::invalid_one(
            path,
            None,
            format!(
                "its id '{}' is the id of a built-in routemap, and assessments could not tell the two apart; give it an id of its own (and write that id in the assessments made with it), or remove it",
                routemap.id
            ),
        )),
        _ => Ok(routemap),
    }
}
