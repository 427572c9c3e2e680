//! Versions of a routemap in the data directory: one kept copy per id and version.
//!
//! A routemap given by path is kept in `routemaps/`: a copy of the same id and version
//! whose content differs is replaced (and the caller told so), other versions stay
//! beside it. An assessment opens against the version it was saved with when that is
//! kept, otherwise against the latest kept (by [`compare_versions`]), and says which.
//!
//! Ids read from inside saved files are looked up here and in the built-ins only, never
//! as a path: a stray file in the working directory cannot change what an assessment is
//! shown against.

use super::routemaps::refuse_builtin_id;
use super::{Store, write_atomic};
use crate::builtin;
use crate::error::{Error, Result};
use crate::routemap::{self, Routemap};
use crate::text::slugify;
use std::cmp::Ordering;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What keeping a routemap given by path did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Nothing to keep: found by name, a built-in, or the same as the copy kept.
    Nothing,
    /// A new copy (a new id, or a new version beside the others).
    Added(PathBuf),
    /// The kept copy of this id and version had other content and was replaced.
    Replaced(PathBuf),
}

impl Kept {
    /// What to tell the user, when there is anything to tell.
    pub fn note(&self, routemap: &Routemap) -> Option<String> {
        let what = format!(
            "routemap '{}' version '{}'",
            crate::sanitize::line(&routemap.id),
            crate::sanitize::line(&routemap.version)
        );
        match self {
            Kept::Nothing => None,
            Kept::Added(path) => Some(format!(
                "kept a copy of {what} as '{}'",
                crate::sanitize::path(path)
            )),
            Kept::Replaced(path) => Some(format!(
                "the kept copy of {what} ('{}') differed from the file given and was replaced by it",
                crate::sanitize::path(path)
            )),
        }
    }
}

/// A routemap found for a saved assessment.
#[derive(Debug)]
pub struct ForAssessment {
    pub routemap: Routemap,
    /// True when it is the version the assessment was saved with (or the assessment
    /// names none); false when that version is not kept and another is shown.
    pub same_version: bool,
}

/// Orders version strings as people number releases: runs of digits by value, other
/// runs as text ("2011.2" < "2011.10" < "2012"); equal keys fall back to the text.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    fn parts(version: &str) -> Vec<(bool, &str)> {
        let mut parts = Vec::new();
        let mut start = 0;
        let bytes = version.as_bytes();
        for index in 1..=bytes.len() {
            let boundary = index == bytes.len()
                || bytes[index].is_ascii_digit() != bytes[index - 1].is_ascii_digit();
            if boundary {
                parts.push((bytes[start].is_ascii_digit(), &version[start..index]));
                start = index;
            }
        }
        parts
    }
    let (left, right) = (parts(a), parts(b));
    for ((a_digits, a_part), (b_digits, b_part)) in left.iter().zip(&right) {
        let order = if *a_digits && *b_digits {
            let (a_trim, b_trim) = (
                a_part.trim_start_matches('0'),
                b_part.trim_start_matches('0'),
            );
            a_trim.len().cmp(&b_trim.len()).then(a_trim.cmp(b_trim))
        } else {
            a_part.cmp(b_part)
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    left.len().cmp(&right.len()).then(a.cmp(b))
}

impl Store {
    /// Every kept copy of routemap `id` that loads, in file name order. The file named
    /// after the id comes first; when it does not load, that is the error (it is the
    /// one meant).
    pub(super) fn kept_copies(&self, id: &str) -> Result<Vec<(PathBuf, Routemap)>> {
        let named = self.routemaps_dir().join(format!("{id}.yaml"));
        let mut copies = Vec::new();
        if named.is_file() {
            let routemap = routemap::load_file(&named)?;
            if routemap.id == id {
                copies.push((named.clone(), refuse_builtin_id(&named, routemap)?));
            }
        }
        for path in self.custom_routemap_files() {
            if path == named {
                continue;
            }
            if let Ok(routemap) = routemap::load_file(&path)
                && routemap.id == id
            {
                copies.push((path.clone(), refuse_builtin_id(&path, routemap)?));
            }
        }
        Ok(copies)
    }

    /// The routemap of a saved assessment: routemap `id` at `version` when that is
    /// kept (or built in), else the latest version there is. Never a path.
    pub fn routemap_for_assessment(&self, id: &str, version: &str) -> Result<ForAssessment> {
        let mut candidates: Vec<Routemap> = self
            .kept_copies(id)?
            .into_iter()
            .map(|(_, routemap)| routemap)
            .collect();
        if let Some(file) = builtin::find(id) {
            candidates.push(file.load()?);
        }
        if let Some(exact) = candidates.iter().position(|r| r.version == version) {
            return Ok(ForAssessment {
                routemap: candidates.swap_remove(exact),
                same_version: true,
            });
        }
        match latest(candidates) {
            Some(routemap) => Ok(ForAssessment {
                routemap,
                same_version: version.is_empty(),
            }),
            None => Err(self.routemap_not_found(id)),
        }
    }

    /// A routemap given as a file (`spec` names an existing file; see
    /// [`Store::find_routemap`]) is kept in the data directory's `routemaps/`, so the
    /// assessment made with it can find it again by id and version: a new version sits
    /// beside the others, a kept copy of the same id and version with other content is
    /// replaced. One that takes a built-in's id is refused before anything is written.
    pub fn keep_routemap(&self, spec: &str, routemap: &Routemap) -> Result<Kept> {
        let source = Path::new(spec);
        if !source.is_file() {
            // Found by name: it is already where ids are looked up.
            return Ok(Kept::Nothing);
        }
        let routemap = refuse_builtin_id(source, routemap.clone())?;
        if builtin::find(&routemap.id).is_some() {
            return Ok(Kept::Nothing);
        }
        let copies = self.kept_copies(&routemap.id)?;
        let same_version = copies
            .into_iter()
            .find(|(_, kept)| kept.version == routemap.version);
        let bytes = std::fs::read(source).map_err(|error| Error::read(source, &error))?;
        match same_version {
            Some((_, kept)) if kept == routemap => Ok(Kept::Nothing),
            Some((path, _)) => {
                write_atomic(&path, |file| file.write_all(&bytes))?;
                Ok(Kept::Replaced(path))
            }
            None => {
                let path = self.new_copy_path(&routemap)?;
                std::fs::create_dir_all(self.routemaps_dir())
                    .map_err(|error| Error::write(&self.routemaps_dir(), &error))?;
                write_atomic(&path, |file| file.write_all(&bytes))?;
                Ok(Kept::Added(path))
            }
        }
    }

    /// A file name for a new kept copy: `ID.yaml`, or when taken `ID-vVERSION.yaml`
    /// (then a counter), never a file that is there.
    fn new_copy_path(&self, routemap: &Routemap) -> Result<PathBuf> {
        let dir = self.routemaps_dir();
        let first = dir.join(format!("{}.yaml", routemap.id));
        if !first.exists() {
            return Ok(first);
        }
        let version = match slugify(&routemap.version) {
            slug if slug.is_empty() => "other".to_string(),
            slug => slug,
        };
        let stem = format!("{}-v{version}", routemap.id);
        std::iter::once(dir.join(format!("{stem}.yaml")))
            .chain((2..1000).map(|n| dir.join(format!("{stem}-{n}.yaml"))))
            .find(|path| !path.exists())
            .ok_or_else(|| {
                Error::write(
                    &dir,
                    &std::io::Error::new(std::io::ErrorKind::AlreadyExists, "every name is taken"),
                )
            })
    }
}

/// The latest version among `routemaps`.
pub(super) fn latest(routemaps: Vec<Routemap>) -> Option<Routemap> {
    routemaps
        .into_iter()
        .max_by(|a, b| compare_versions(&a.version, &b.version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn versions_order_as_releases_do() {
        let mut versions = vec![
            "2012", "2011.10", "2011.2", "2011.1", "1.0-beta", "1.0", "v3",
        ];
        versions.sort_by(|a, b| compare_versions(a, b));
        assert_eq!(
            versions,
            [
                "1.0", "1.0-beta", "2011.1", "2011.2", "2011.10", "2012", "v3"
            ]
        );
        assert_eq!(
            compare_versions("01", "1"),
            Ordering::Less,
            "ties fall back to the text"
        );
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        (dir, store)
    }

    /// The built-in extension as routemap 'mine', at `version`, titled `title`.
    fn mine(version: &str, title: &str) -> String {
        let text = builtin::find("procurement-and-sourcing").unwrap().text;
        let lines: Vec<String> = text
            .lines()
            .map(|line| match line.split_once(':').map(|(key, _)| key) {
                Some("id") => "id: mine".to_string(),
                Some("version") => format!("version: \"{version}\""),
                Some("title") => format!("title: {title}"),
                _ => line.to_string(),
            })
            .collect();
        lines.join("\n")
    }

    fn keep(store: &Store, dir: &Path, name: &str, text: &str) -> Kept {
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        let spec = path.to_str().unwrap();
        let routemap = routemap::load_file(&path).unwrap();
        store.keep_routemap(spec, &routemap).unwrap()
    }

    #[test]
    fn one_copy_per_id_and_version_replaced_when_it_differs() {
        let (dir, store) = store();
        let outside = tempfile::tempdir().unwrap();
        let kept = |name: &str| store.routemaps_dir().join(name);
        assert_eq!(
            keep(
                &store,
                outside.path(),
                "a.yaml",
                &mine("1", "ICT procurement")
            ),
            Kept::Added(kept("mine.yaml"))
        );
        assert_eq!(
            keep(
                &store,
                outside.path(),
                "b.yaml",
                &mine("1", "ICT procurement")
            ),
            Kept::Nothing,
            "the same content again"
        );
        let edited = mine("1", "Edited procurement");
        let replaced = keep(&store, outside.path(), "c.yaml", &edited);
        assert_eq!(replaced, Kept::Replaced(kept("mine.yaml")));
        assert!(
            replaced
                .note(&routemap::parse(Path::new("c"), &edited).unwrap())
                .unwrap()
                .contains("differed from the file given and was replaced by it")
        );
        assert_eq!(fs::read_to_string(kept("mine.yaml")).unwrap(), edited);
        assert_eq!(
            keep(
                &store,
                outside.path(),
                "d.yaml",
                &mine("2", "Procurement two")
            ),
            Kept::Added(kept("mine-v2.yaml")),
            "a new version sits beside the old"
        );
        assert_eq!(fs::read_to_string(kept("mine.yaml")).unwrap(), edited);
        drop(dir);
    }

    #[test]
    fn an_assessment_opens_against_its_own_version_else_the_latest() {
        let (_dir, store) = store();
        let outside = tempfile::tempdir().unwrap();
        keep(
            &store,
            outside.path(),
            "one.yaml",
            &mine("2011.2", "Old procurement"),
        );
        keep(
            &store,
            outside.path(),
            "two.yaml",
            &mine("2011.10", "New procurement"),
        );
        keep(
            &store,
            outside.path(),
            "three.yaml",
            &mine("2011.9", "Middle procurement"),
        );
        let own = store.routemap_for_assessment("mine", "2011.2").unwrap();
        assert!(own.same_version);
        assert!(own.routemap.title.starts_with("Old"));
        let other = store.routemap_for_assessment("mine", "2010").unwrap();
        assert!(!other.same_version);
        assert_eq!(other.routemap.version, "2011.10", "the latest kept");
        assert_eq!(store.resolve_routemap("mine").unwrap().version, "2011.10");
        let builtin = store
            .routemap_for_assessment("planting-the-flag", "1999")
            .unwrap();
        assert_eq!(
            builtin.routemap.version,
            builtin::find("planting-the-flag")
                .unwrap()
                .load()
                .unwrap()
                .version
        );
        assert!(!builtin.same_version);
        assert!(
            store.routemap_for_assessment("../mine", "1").is_err(),
            "never a path"
        );
    }
}
