//! Reading the files of a summary, one at a time, each reduced at once to a byte per
//! theme against its own routemap: the whole of 10,000 saves is never in memory, only
//! one file per worker and the compact entries (the latest per authority, unless every
//! one is asked for), grouped by routemap so that the one to summarise can be chosen
//! by what most files share, after a single pass.

use crate::assessment::Current;
use crate::assessment::quick::{self, Quick};
use crate::clock::Timestamp;
use crate::error::Error;
use crate::routemap::Routemap;
use crate::store;
use crate::yaml;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One authority's answer to one theme, in a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Unanswered,
    NotApplicable,
    /// A stage the routemap's scale does not have.
    Unknown,
    /// A stage of the scale, by index (scales have at most nine).
    Stage(u8),
}

/// One assessment, reduced.
#[derive(Debug, Clone)]
pub struct Entry {
    pub authority: String,
    pub updated: Option<Timestamp>,
    pub created: Option<String>,
    /// The file's place in the list read, which breaks ties between equally new files.
    pub order: usize,
    /// One cell per theme of the routemap, in routemap order.
    pub cells: Box<[Cell]>,
    /// Answers to themes, or stages, the routemap does not have.
    pub unmatched: usize,
}

impl Entry {
    /// True when `self` is a later assessment than `other`.
    fn newer_than(&self, other: &Entry) -> bool {
        (self.updated, &self.created, self.order) > (other.updated, &other.created, other.order)
    }
}

/// How an authority's name is matched: case and spacing do not make another authority.
pub fn authority_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A file that was not used, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub order: usize,
    pub path: PathBuf,
    pub reason: String,
}

/// The assessments of one routemap found in a pass.
#[derive(Debug, Default)]
pub struct Group {
    /// Files of this routemap.
    pub files: usize,
    /// The versions they were saved against, with how many files each.
    pub versions: BTreeMap<String, usize>,
    /// Latest per authority key; or, when every assessment is kept, keyed by order.
    /// Empty when the routemap was not found (nothing can be placed on its scale).
    pub entries: HashMap<String, Entry>,
}

/// What a pass over some files found, by routemap.
#[derive(Debug, Default)]
pub struct Scan {
    /// By routemap id.
    pub groups: HashMap<String, Group>,
    /// Files that could not be read as saved assessments.
    pub skipped: Vec<Skipped>,
    pub read: usize,
}

/// The routemap's theme and stage ids by index, looked up once per file and answer.
pub struct Lookup {
    themes: HashMap<String, usize>,
    stages: HashMap<String, u8>,
}

impl Lookup {
    pub fn of(routemap: &Routemap) -> Lookup {
        Lookup {
            themes: routemap
                .themes
                .iter()
                .enumerate()
                .map(|(index, theme)| (theme.id.clone(), index))
                .collect(),
            stages: routemap
                .stages
                .iter()
                .enumerate()
                .map(|(index, stage)| (stage.id.clone(), u8::try_from(index).unwrap_or(u8::MAX)))
                .collect(),
        }
    }
}

/// Reduces an assessment to its cells against the routemap of `lookup`.
pub fn reduce(lookup: &Lookup, assessment: Quick, order: usize) -> Entry {
    let mut cells = vec![Cell::Unanswered; lookup.themes.len()].into_boxed_slice();
    let mut unmatched = 0;
    for (theme, current) in &assessment.answers {
        let Some(&index) = lookup.themes.get(theme) else {
            unmatched += 1;
            continue;
        };
        cells[index] = match current {
            None => Cell::Unanswered,
            Some(Current::NotApplicable) => Cell::NotApplicable,
            Some(Current::Stage(id)) => match lookup.stages.get(id) {
                Some(&stage) => Cell::Stage(stage),
                None => {
                    unmatched += 1;
                    Cell::Unknown
                }
            },
        };
    }
    Entry {
        authority: assessment.authority,
        updated: assessment.updated,
        created: assessment.created,
        order,
        cells,
        unmatched,
    }
}

/// Loads one file (quickly when it is plainly canonical), reading no more than a saved
/// assessment may be; a message when it cannot be used.
pub fn load(path: &Path) -> Result<Quick, String> {
    let text = yaml::read_text(path, yaml::MAX_ASSESSMENT_BYTES, "saved assessment")
        .map_err(first_line)?;
    match quick::read(&text) {
        Some(quick) => Ok(quick),
        None => full_read(path),
    }
}

/// The full parser's reading, with its located message when the file is wrong.
fn full_read(path: &Path) -> Result<Quick, String> {
    let assessment = store::load_assessment(path).map_err(first_line)?;
    Ok(Quick::of(assessment))
}

/// Why a file is skipped, in one line (a located message already names the file).
fn first_line(error: Error) -> String {
    match error {
        Error::Invalid(problems) => problems
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
        other => other.to_string(),
    }
}

/// How a pass finds the routemap of an id: `None` when there is none to place answers
/// on (the files are still counted).
pub type Resolver<'a> = &'a (dyn Fn(&str) -> Option<Routemap> + Sync);

/// Reads `files` (numbered from `first`), each against its own routemap.
fn scan_part(resolve: Resolver, files: &[PathBuf], first: usize, all: bool) -> Scan {
    let mut lookups: HashMap<String, Option<Lookup>> = HashMap::new();
    let mut scan = Scan::default();
    for (offset, path) in files.iter().enumerate() {
        let order = first + offset;
        scan.read += 1;
        let assessment = match load(path) {
            Ok(assessment) => assessment,
            Err(reason) => {
                scan.skipped.push(Skipped {
                    order,
                    path: path.clone(),
                    reason,
                });
                continue;
            }
        };
        let id = assessment.routemap_id.clone();
        let group = scan.groups.entry(id.clone()).or_default();
        group.files += 1;
        *group
            .versions
            .entry(assessment.routemap_version.clone())
            .or_default() += 1;
        let lookup = lookups
            .entry(id)
            .or_insert_with_key(|id| resolve(id).map(|routemap| Lookup::of(&routemap)));
        if let Some(lookup) = lookup {
            let entry = reduce(lookup, assessment, order);
            let key = if all {
                order.to_string()
            } else {
                authority_key(&entry.authority)
            };
            keep_latest(&mut group.entries, key, entry);
        }
    }
    scan
}

fn keep_latest(entries: &mut HashMap<String, Entry>, key: String, entry: Entry) {
    match entries.get(&key) {
        Some(kept) if !entry.newer_than(kept) => {}
        _ => {
            entries.insert(key, entry);
        }
    }
}

/// Reads every file, on as many threads as the machine has cores (at most four): each
/// takes a contiguous share and keeps its own latest entries, merged at the end by the
/// same rule, so the result does not depend on the threads.
pub fn scan(resolve: Resolver, files: &[PathBuf], all: bool) -> Scan {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(files.len().div_ceil(64).max(1));
    let share = files.len().div_ceil(threads).max(1);
    let parts: Vec<Scan> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(share)
            .enumerate()
            .map(|(index, chunk)| {
                scope.spawn(move || scan_part(resolve, chunk, index * share, all))
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_default())
            .collect()
    });
    let mut merged = Scan::default();
    for part in parts {
        merged.read += part.read;
        merged.skipped.extend(part.skipped);
        for (id, group) in part.groups {
            let into = merged.groups.entry(id).or_default();
            into.files += group.files;
            for (version, count) in group.versions {
                *into.versions.entry(version).or_default() += count;
            }
            for (key, entry) in group.entries {
                keep_latest(&mut into.entries, key, entry);
            }
        }
    }
    merged.skipped.sort_by_key(|skipped| skipped.order);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    fn save(dir: &Path, name: &str, authority: &str, updated: &str, leadership: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(
            &path,
            format!(
                "format: routemap-assessment/1\nroutemap: {{ id: planting-the-flag, version: \"2011.1\" }}\nauthority: {authority}\nupdated: {updated}\nanswers:\n  leadership: {{ current: {leadership} }}\n"
            ),
        )
        .unwrap();
        path
    }

    #[test]
    fn the_latest_assessment_of_each_authority_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let routemap = builtin::planting_the_flag();
        let files = vec![
            save(
                dir.path(),
                "a.yaml",
                "Anytown",
                "2026-01-01T00:00:00Z",
                "route-planned",
            ),
            save(
                dir.path(),
                "b.yaml",
                "anytown ",
                "2025-01-01T00:00:00Z",
                "not-started",
            ),
            save(
                dir.path(),
                "c.yaml",
                "Othertown",
                "2024-01-01T00:00:00Z",
                "n/a",
            ),
            save(
                dir.path(),
                "d.yaml",
                "Othertown",
                "2024-01-01T00:00:00Z",
                "renamed",
            ),
        ];
        let resolve = |id: &str| (id == routemap.id).then(|| routemap.clone());
        let scan = scan(&resolve, &files, false);
        let entries = &scan.groups["planting-the-flag"].entries;
        assert_eq!(entries.len(), 2);
        assert_eq!(entries["anytown"].cells[0], Cell::Stage(2));
        // Equally new: the later file wins.
        assert_eq!(entries["othertown"].cells[0], Cell::Unknown);
        assert_eq!(entries["othertown"].unmatched, 1);
        let every = super::scan(&resolve, &files, true);
        assert_eq!(every.groups["planting-the-flag"].entries.len(), 4);
    }

    #[test]
    fn unusable_files_are_listed_with_the_reason_and_the_rest_go_on() {
        let dir = tempfile::tempdir().unwrap();
        let routemap = builtin::planting_the_flag();
        let good = save(
            dir.path(),
            "good.yaml",
            "A",
            "2026-01-01T00:00:00Z",
            "flag-planted",
        );
        let broken = dir.path().join("broken.yaml");
        std::fs::write(&broken, "format: routemap-assessment/1\nauthority: [\n").unwrap();
        let other = dir.path().join("other.yaml");
        std::fs::write(
            &other,
            "format: routemap-assessment/1\nroutemap: { id: procurement-and-sourcing }\nauthority: B\n",
        )
        .unwrap();
        let resolve = |id: &str| (id == routemap.id).then(|| routemap.clone());
        let scan = scan(&resolve, &[broken.clone(), good, other], false);
        assert_eq!(scan.read, 3);
        assert_eq!(scan.groups["planting-the-flag"].entries.len(), 1);
        let others = &scan.groups["procurement-and-sourcing"];
        assert_eq!(
            (others.files, others.entries.len()),
            (1, 0),
            "counted, not placed"
        );
        assert_eq!(scan.skipped.len(), 1);
        assert!(
            scan.skipped[0]
                .reason
                .starts_with(&format!("{}:2:12: ", broken.display())),
            "{:?}",
            scan.skipped
        );
    }

    #[test]
    fn authorities_match_whatever_the_case_and_spacing() {
        assert_eq!(
            authority_key("  Cyngor  Sir YNYS Môn "),
            "cyngor sir ynys môn"
        );
    }
}
