//! `routemap merge A B... -o OUT [--force]`.

use super::Output;
use crate::clock::Instant;
use crate::error::{Error, Result};
use crate::merge;
use crate::routemap::plural;
use crate::sanitize;
use crate::store::{self, Store, WriteLock};
use std::path::Path;

pub fn run(store: &Store, inputs: &[String], output: &Path, force: bool) -> Result<Output> {
    let mut opened = Vec::with_capacity(inputs.len());
    for spec in inputs {
        opened.push(store.open_assessment(spec)?);
    }
    if output.exists() && !force {
        return Err(Error::WouldOverwrite {
            path: output.to_path_buf(),
        });
    }
    // The routemap of the first file; all must share its id (merge checks).
    let routemap = opened[0].routemap.clone();
    let files: Vec<_> = opened.into_iter().map(|o| (o.path, o.assessment)).collect();
    let merged = merge::merge(&routemap, &files, Instant::now())?;
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
            "{} (each recorded in its theme's notes with the stage left unset; open '{}' to settle {})",
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
        ..Output::default()
    })
}
