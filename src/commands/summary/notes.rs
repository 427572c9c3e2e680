//! What `summary` says on stderr besides the table: files that could not be read,
//! files of other routemaps, versions mixed, answers the routemap cannot place. Under
//! `--anonymise` no file is named (a file's name can name an authority): files are
//! counted, and a path given is called by its place on the command line.

use super::Output;
use crate::routemap::{Routemap, plural};
use crate::sanitize;
use crate::store::Store;
use crate::summary::{files, scan};
use std::path::PathBuf;

/// How stderr names files: by path, or (anonymised) not at all.
pub(super) struct Naming {
    pub(super) anonymise: bool,
}

impl Naming {
    /// "'region/x.yaml'" or, anonymised, "the 2nd path given".
    fn input(&self, index: usize, path: &std::path::Path) -> String {
        if self.anonymise {
            format!("the {} path given", ordinal(index + 1))
        } else {
            format!("'{}'", sanitize::path(path))
        }
    }
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The note on files of other routemaps set aside, counted per routemap.
pub(super) fn note_others(
    output: &mut Output,
    store: &Store,
    scanned: &scan::Scan,
    chosen: &Routemap,
) {
    let mut others: Vec<(&String, usize)> = scanned
        .groups
        .iter()
        .filter(|(id, _)| **id != chosen.id)
        .map(|(id, group)| (id, group.files))
        .collect();
    if others.is_empty() {
        return;
    }
    others.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let listed: Vec<String> = others
        .iter()
        .map(|(id, n)| {
            let missing = match store.resolve_routemap(id) {
                Ok(_) => String::new(),
                Err(crate::error::Error::RoutemapNotFound { .. }) => {
                    ", a routemap not found".to_string()
                }
                // Found but refused (a custom file taking a built-in's id): why.
                Err(error) => format!(
                    ", a routemap that cannot be used: {}",
                    sanitize::line(&error.to_string())
                ),
            };
            format!("'{}' ({}{missing})", sanitize::line(id), plural(*n, "file"))
        })
        .collect();
    let set_aside: usize = others.iter().map(|(_, n)| n).sum();
    output.stderr.push_str(&format!(
        "note: summarising routemap '{}' ({}); set aside {} of other routemaps: {}; --routemap ID summarises another\n",
        sanitize::line(&chosen.id),
        plural(scanned.groups.get(&chosen.id).map_or(0, |g| g.files), "file"),
        plural(set_aside, "file"),
        listed.join(", ")
    ));
}

/// A note when the files were saved against more than one version of the routemap, or
/// another version than the one summarised against.
pub(super) fn note_versions(output: &mut Output, group: &scan::Group, routemap: &Routemap) {
    let other_version = group.versions.keys().any(|v| *v != routemap.version);
    if !other_version {
        return;
    }
    let listed: Vec<String> = group
        .versions
        .iter()
        .map(|(version, n)| format!("'{}' ({})", sanitize::line(version), plural(*n, "file")))
        .collect();
    output.stderr.push_str(&format!(
        "note: these assessments were saved against versions {} of routemap '{}'; they are summarised against version '{}', themes and stages matched by id\n",
        listed.join(", "),
        sanitize::line(&routemap.id),
        sanitize::line(&routemap.version)
    ));
}

pub(super) fn note_unmatched(
    output: &mut Output,
    group: &scan::Group,
    files: &[PathBuf],
    routemap: &Routemap,
    naming: &Naming,
) {
    let mut with_unmatched: Vec<usize> = group
        .entries
        .values()
        .filter(|entry| entry.unmatched > 0)
        .map(|entry| entry.order)
        .collect();
    if with_unmatched.is_empty() {
        return;
    }
    with_unmatched.sort_unstable();
    let what = format!(
        "answer{} themes or stages routemap '{}' {} does not have; they are counted as not on the scale, or left out",
        if naming.anonymise && with_unmatched.len() > 1 {
            ""
        } else {
            "s"
        },
        sanitize::line(&routemap.id),
        sanitize::line(&routemap.version)
    );
    if naming.anonymise {
        let files = plural(with_unmatched.len(), "file");
        output.stderr.push_str(&format!("note: {files} {what}\n"));
        return;
    }
    for path in with_unmatched.iter().filter_map(|&order| files.get(order)) {
        output
            .stderr
            .push_str(&format!("note: '{}' {what}\n", sanitize::path(path)));
    }
}

/// The files that could not be read as saved assessments, each with why (or counted).
pub(super) fn report_skipped(output: &mut Output, scanned: &scan::Scan, naming: &Naming) {
    if scanned.skipped.is_empty() {
        return;
    }
    if naming.anonymise {
        output.stderr.push_str(&format!(
            "skipped: {} that cannot be read as saved assessments (run without --anonymise to see which)\n",
            plural(scanned.skipped.len(), "file")
        ));
    } else {
        for skipped in &scanned.skipped {
            output
                .stderr
                .push_str(&format!("skipped: {}\n", sanitize::line(&skipped.reason)));
        }
    }
    output.code = 1;
}

/// Says which inputs and folders could not be read; the number of them.
pub(super) fn report_unreadable(
    output: &mut Output,
    gathered: &files::Gathered,
    naming: &Naming,
) -> usize {
    for problem in &gathered.unreadable {
        let what = match problem.input {
            Some(index) => naming.input(index, &problem.path),
            // Found in a folder: a folder that cannot be listed, or a file named like
            // an assessment that is not one to read (a FIFO, a link to nothing).
            None if naming.anonymise && files::is_yaml(&problem.path) => {
                "a file under a path given".into()
            }
            None if naming.anonymise => "a folder under a path given".into(),
            None if files::is_yaml(&problem.path) => {
                format!("the file '{}'", sanitize::path(&problem.path))
            }
            None => format!("the folder '{}'", sanitize::path(&problem.path)),
        };
        output.stderr.push_str(&format!(
            "error: cannot read {what}: {}\n",
            sanitize::line(&problem.reason)
        ));
    }
    gathered.unreadable.len()
}
