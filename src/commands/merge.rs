//! `routemap merge A B... -o OUT [--force]`.
//!
//! OUT without a directory part is a name in the data directory, so `routemap list`
//! shows the merged file; a merge that leaves conflicts exits with [`CONFLICT_EXIT`],
//! as `git merge` exits non-zero, so a script does not take it for a clean one.

use super::Output;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::merge;
use crate::routemap::plural;
use crate::sanitize;
use crate::store::{self, Store, WriteLock};
use std::path::PathBuf;

/// Exit status when the merged file was written with conflicts to settle.
pub const CONFLICT_EXIT: i32 = 3;

/// Where `-o OUT` writes: a path when it has a directory part, else a file of the data
/// directory (`.yaml` added when it has no YAML ending).
pub fn output_path(store: &Store, out: &str) -> PathBuf {
    let has_directory = out.contains('/') || out.contains(std::path::MAIN_SEPARATOR);
    if has_directory {
        PathBuf::from(out)
    } else if out.ends_with(".yaml") || out.ends_with(".yml") {
        store.root().join(out)
    } else {
        store.root().join(format!("{out}.yaml"))
    }
}

pub fn run(store: &Store, inputs: &[String], out: &str, force: bool) -> Result<Output> {
    store::stdin_at_most_once(inputs.iter().map(String::as_str))?;
    let mut opened = Vec::with_capacity(inputs.len());
    for spec in inputs {
        opened.push(store.open_assessment_or_stdin(spec)?);
    }
    let output_file = output_path(store, out);
    let output = output_file.as_path();
    // Never over one of its own inputs, even with --force: the conflicts would replace
    // the answers they come from.
    let real = |path: &std::path::Path| std::fs::canonicalize(path).ok();
    if real(output).is_some() && opened.iter().any(|input| real(&input.path) == real(output)) {
        return Err(Error::Unusable(format!(
            "'{}' is one of the assessments being merged; write the merge to a new file (-o NEW)",
            sanitize::path(output)
        )));
    }
    if output.exists() && !force {
        return Err(Error::WouldOverwrite {
            path: output.to_path_buf(),
        });
    }
    // The routemap of the first file; all must share its id (merge checks).
    let routemap = opened[0].routemap.clone();
    let files: Vec<_> = opened.into_iter().map(|o| (o.path, o.assessment)).collect();
    let merged = merge::merge(&routemap, &files, Timestamp::now())?;
    let _lock = WriteLock::acquire(output)?;
    store::save_assessment(output, &merged.assessment)?;

    let mut report = String::new();
    for conflict in &merged.conflicts {
        let said: Vec<String> = conflict
            .answers
            .iter()
            .map(|(path, what)| format!("'{}' says {}", sanitize::path(path), sanitize::line(what)))
            .collect();
        report.push_str(&format!(
            "conflict: theme '{}': {}\n",
            sanitize::line(&conflict.theme_name),
            said.join("; ")
        ));
    }
    let conflicts = match merged.conflicts.len() {
        0 => "no conflicts".to_string(),
        n => format!(
            "{} (each recorded in its theme's notes, what the files disagree on left unset; open '{}' to settle {})",
            plural(n, "conflict"),
            sanitize::path(output),
            if n == 1 { "it" } else { "them" }
        ),
    };
    report.push_str(&format!(
        "Merged {} into '{}': {} taken from one file, {} agreed, {conflicts}.\n",
        plural(files.len(), "assessment"),
        sanitize::path(output),
        plural(merged.taken, "theme"),
        merged.agreed
    ));
    Ok(Output {
        stderr: report,
        code: if merged.conflicts.is_empty() {
            0
        } else {
            CONFLICT_EXIT
        },
        ..Output::default()
    })
}
