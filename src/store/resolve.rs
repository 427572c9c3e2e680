//! What a user types on the command line, found: one rule for assessments and routemaps.
//!
//! 1. a path, if it names an existing file;
//! 2. otherwise a name in the data directory, with or without `.yaml` (for routemaps, a
//!    file of `routemaps/` or the id inside one);
//! 3. otherwise: for an assessment, the authority named in exactly one saved file; for a
//!    routemap, a built-in.
//!
//! A name that fits more than one thing is refused with the candidates listed, as git
//! refuses a name that is both a file and a revision: a bare name (no `/`) that is a
//! file here and also a different saved assessment or routemap by name, or the
//! authority of several saved files. `./NAME` always means the file here, and a name
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
        vec![
            dir.join(format!("{spec}.yaml")),
            dir.join(format!("{spec}.yml")),
        ]
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
        let here = Some(PathBuf::from(spec)).filter(|path| path.is_file());
        let named = named_in(&self.root, spec)
            .into_iter()
            .find(|named| named.is_file());
        match (here, named) {
            (Some(here), Some(named)) if !same_assessment(&here, &named) => {
                let named = sanitize::path(&named);
                return Err(ambiguous_with_file(
                    spec,
                    &format!("the saved assessment '{named}'"),
                    &format!("'{named}' for the saved one"),
                ));
            }
            (Some(here), _) => return Ok(here),
            (None, Some(named)) => return Ok(named),
            (None, None) => {}
        }
        let not_found = || match std::fs::metadata(spec) {
            // There is something there, but not a file to read: say what it is.
            Ok(metadata) if metadata.is_dir() => Error::NotFound(format!(
                "'{}' is a folder, not a saved assessment; give a saved file in it, or a name 'routemap list' shows",
                sanitize::line(spec)
            )),
            Ok(metadata) if !metadata.is_file() => Error::Read {
                path: PathBuf::from(spec),
                reason: super::not_regular(&metadata),
            },
            _ => Error::AssessmentNotFound {
                name: spec.to_string(),
                data_dir: self.root.clone(),
                path_only: has_directory_part(spec),
            },
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
                Err(Error::NotFound(format!(
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
        let here = Path::new(spec);
        if !here.is_file() {
            return Ok(FoundRoutemap {
                routemap: self.named_routemap(spec)?,
                given_path: None,
            });
        }
        let routemap = routemap::load_file(here)?;
        // A bare name that is also a routemap's name or id: the same routemap is no
        // question; a different one is, and neither is picked.
        if !has_directory_part(spec)
            && let Ok(named) = self.named_routemap(spec)
        {
            if named == routemap {
                return Ok(FoundRoutemap {
                    routemap: named,
                    given_path: None,
                });
            }
            let other = if builtin::find(&named.id).is_some() {
                format!("the built-in routemap '{}'", sanitize::line(&named.id))
            } else {
                format!(
                    "the routemap '{}' of '{}'",
                    sanitize::line(&named.id),
                    sanitize::path(&self.routemaps_dir())
                )
            };
            return Err(ambiguous_with_file(
                spec,
                &other,
                "run the command from another folder for the other",
            ));
        }
        Ok(FoundRoutemap {
            routemap,
            given_path: Some(here.to_path_buf()),
        })
    }

    /// A routemap by name: a file of `routemaps/` (with or without `.yaml`), the id of
    /// one, or a built-in's id.
    fn named_routemap(&self, spec: &str) -> Result<Routemap> {
        let by_file = named_in(&self.routemaps_dir(), spec)
            .into_iter()
            .find(|named| named.is_file());
        if let Some(file) = by_file {
            let routemap = routemap::load_file(&file)?;
            return super::routemaps::refuse_builtin_id(&file, routemap);
        }
        let id = spec.trim_end_matches(".yaml").trim_end_matches(".yml");
        let mut by_id: Vec<(PathBuf, Routemap)> = if has_directory_part(spec) {
            Vec::new()
        } else {
            self.custom_routemap_files()
                .into_iter()
                .filter_map(|file| {
                    let routemap = routemap::load_file(&file).ok()?;
                    (routemap.id == id).then_some((file, routemap))
                })
                .collect()
        };
        by_id.dedup_by(|a, b| a.1 == b.1);
        // Several versions of one id are kept side by side: the latest is meant. Two
        // different files of one id and one version are a question for the user.
        by_id.sort_by(|a, b| super::compare_versions(&b.1.version, &a.1.version));
        let twins: Vec<&(PathBuf, Routemap)> = match by_id.first() {
            Some((_, latest)) => by_id
                .iter()
                .filter(|(_, r)| r.version == latest.version)
                .collect(),
            None => Vec::new(),
        };
        if twins.len() > 1 {
            let files: Vec<String> = twins.iter().map(|(file, _)| sanitize::path(file)).collect();
            return Err(Error::NotFound(format!(
                "routemap id '{}' is used by {} different files of the same version ({}); give the path of the one you mean, or give each an id or version of its own",
                sanitize::line(id),
                files.len(),
                quoted_names(&files)
            )));
        }
        if !by_id.is_empty() {
            let (file, routemap) = by_id.remove(0);
            return super::routemaps::refuse_builtin_id(&file, routemap);
        }
        match builtin::find(id).filter(|_| !has_directory_part(spec)) {
            Some(file) => file.load(),
            None => Err(Error::RoutemapNotFound {
                name: spec.to_string(),
                hint: format!(
                    "there is no file '{}' here, no routemap of that id or file name in '{}' and no built-in of that id; the routemaps available are {} ('routemap routemaps' lists them)",
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
        let (label, assessment) = self.load_assessment_or_stdin(spec)?;
        self.opened(label, assessment)
    }

    /// A saved assessment, read but not yet matched to its routemap, with where it came
    /// from; `-` reads standard input.
    pub fn load_assessment_or_stdin(
        &self,
        spec: &str,
    ) -> Result<(PathBuf, crate::assessment::Assessment)> {
        if spec != STDIN_ARG {
            let path = self.resolve_assessment(spec)?;
            let assessment = super::load_assessment(&path)?;
            return Ok((path, assessment));
        }
        let label = PathBuf::from(STDIN_LABEL);
        let bytes = super::read_capped(
            std::io::stdin().lock(),
            crate::yaml::MAX_ASSESSMENT_BYTES,
            &label,
            "saved assessment",
        )?;
        let text = crate::yaml::text_from_bytes(&label, bytes)?;
        let assessment = crate::assessment::parse(&label, &text)?;
        Ok((label, assessment))
    }
}

/// Whether two paths are one file (a name given from inside the data directory).
/// True when `a` and `b` are one file, or copies with the same bytes: either way the
/// name means one assessment and there is nothing to choose between (the file here is
/// taken, as a path comes first).
fn same_assessment(a: &Path, b: &Path) -> bool {
    let same_file = match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    same_file || same_bytes(a, b)
}

/// Byte-for-byte equal regular files no bigger than a saved assessment may be.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let size = |path: &Path| std::fs::metadata(path).ok().map(|m| m.len());
    match (size(a), size(b)) {
        (Some(x), Some(y)) if x == y && x <= crate::yaml::MAX_ASSESSMENT_BYTES => {
            matches!((std::fs::read(a), std::fs::read(b)), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// A bare name that is both a file here and `other`: neither is picked.
fn ambiguous_with_file(spec: &str, other: &str, fix_for_other: &str) -> Error {
    let spec = sanitize::line(spec);
    Error::NotFound(format!(
        "'{spec}' could be the file '{spec}' in this folder or {other}; write './{spec}' for the file here, or {fix_for_other}"
    ))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    const SAVED: &str = "format: routemap-assessment/1\nroutemap: { id: planting-the-flag, version: \"2011.1\" }\nauthority: Anytown Borough Council\n";

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(Some(dir.path().to_path_buf())).unwrap();
        (dir, store)
    }

    fn custom(id: &str) -> String {
        builtin::find("procurement-and-sourcing")
            .unwrap()
            .text
            .replace("id: procurement-and-sourcing", &format!("id: {id}"))
    }

    #[test]
    fn an_assessment_is_a_path_then_a_name_with_or_without_yaml_then_an_authority() {
        let (dir, store) = store();
        let saved = dir.path().join("anytown-2025.yaml");
        fs::write(&saved, SAVED).unwrap();
        assert_eq!(store.resolve_assessment("anytown-2025").unwrap(), saved);
        assert_eq!(
            store.resolve_assessment("anytown-2025.yaml").unwrap(),
            saved
        );
        assert_eq!(
            store.resolve_assessment(saved.to_str().unwrap()).unwrap(),
            saved
        );
        assert_eq!(
            store.resolve_assessment("ANYTOWN borough council").unwrap(),
            saved
        );
        fs::write(dir.path().join("anytown-2026.yaml"), SAVED).unwrap();
        let ambiguous = store
            .resolve_assessment("Anytown Borough Council")
            .unwrap_err()
            .to_string();
        assert!(
            ambiguous.contains("is the authority of 2 saved assessments ('anytown-2025' and 'anytown-2026'); name one of them"),
            "{ambiguous}"
        );
        let ambiguous = store
            .resolve_assessment("Anytown Borough Council")
            .unwrap_err();
        assert_eq!(
            ambiguous.exit_code(),
            1,
            "a name that fits two is not bad usage"
        );
    }

    #[test]
    fn a_name_with_a_folder_is_only_a_path_and_the_error_says_where_it_looked() {
        let (dir, store) = store();
        fs::write(dir.path().join("anytown.yaml"), SAVED).unwrap();
        let error = store.resolve_assessment("elsewhere/anytown").unwrap_err();
        assert_eq!(
            error.to_string(),
            "no saved assessment 'elsewhere/anytown' was found: there is no such file; check the path"
        );
        let error = store.resolve_assessment("nowhere.yaml").unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "no saved assessment 'nowhere.yaml' was found: there is no file 'nowhere.yaml' here, no 'nowhere.yaml' in '{}' and no saved assessment of an authority of that name; run 'routemap list' to see the saved ones",
                dir.path().display()
            )
        );
        assert!(
            store.resolve_assessment("-").is_err(),
            "stdin is not a file"
        );
        let folder = store
            .resolve_assessment(dir.path().to_str().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            folder.ends_with("is a folder, not a saved assessment; give a saved file in it, or a name 'routemap list' shows"),
            "{folder}"
        );
        #[cfg(unix)]
        {
            let device = store.resolve_assessment("/dev/zero").unwrap_err();
            assert_eq!(
                device.to_string(),
                "cannot read '/dev/zero': it is a device or other special file, not a regular file; check the path and that you may read it"
            );
        }
    }

    #[test]
    fn a_typed_routemap_is_a_path_then_a_file_or_id_of_the_data_dir_then_a_builtin() {
        let (dir, store) = store();
        fs::create_dir_all(store.routemaps_dir()).unwrap();
        fs::write(store.routemaps_dir().join("mine.yaml"), custom("my-model")).unwrap();
        let outside = dir.path().join("outside.yaml");
        fs::write(&outside, custom("outside-model")).unwrap();

        let by_path = store.find_routemap(outside.to_str().unwrap()).unwrap();
        assert_eq!(by_path.routemap.id, "outside-model");
        assert_eq!(by_path.given_path.as_deref(), Some(outside.as_path()));
        for spec in ["mine", "mine.yaml", "my-model"] {
            let found = store.find_routemap(spec).unwrap();
            assert_eq!(found.routemap.id, "my-model", "{spec}");
            assert_eq!(found.given_path, None, "{spec}");
        }
        for spec in ["planting-the-flag", "planting-the-flag.yaml"] {
            assert_eq!(store.find_routemap(spec).unwrap().routemap.themes.len(), 12);
        }
        let missing = store.find_routemap("nope").unwrap_err().to_string();
        assert!(
            missing.starts_with("no routemap 'nope' was found; there is no file 'nope' here, no routemap of that id or file name in '"),
            "{missing}"
        );
        assert!(
            missing.contains("the routemaps available are 'my-model', 'planting-the-flag' and 'procurement-and-sourcing'"),
            "{missing}"
        );
    }

    #[test]
    fn two_files_with_one_id_are_listed_not_picked() {
        let (_dir, store) = store();
        fs::create_dir_all(store.routemaps_dir()).unwrap();
        fs::write(store.routemaps_dir().join("a.yaml"), custom("twin")).unwrap();
        fs::write(
            store.routemaps_dir().join("b.yaml"),
            custom("twin")
                .lines()
                .map(|line| match line.starts_with("title:") {
                    true => "title: Other",
                    false => line,
                })
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .unwrap();
        let error = store.find_routemap("twin").unwrap_err().to_string();
        assert!(
            error.contains("routemap id 'twin' is used by 2 different files of the same version"),
            "{error}"
        );
        assert!(
            error.contains("a.yaml") && error.contains("b.yaml"),
            "{error}"
        );
    }

    #[test]
    fn stdin_is_taken_once() {
        assert!(stdin_at_most_once(["-", "b"]).is_ok());
        assert!(stdin_at_most_once(["a", "b"]).is_ok());
        let error = stdin_at_most_once(["-", "-"]).unwrap_err();
        assert_eq!(error.exit_code(), 2);
    }
}
