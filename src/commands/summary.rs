//! `routemap summary DIR|FILE... [--routemap ID] [--format text|markdown|csv|json]
//! [--highlight NAME] [--anonymise] [--min-group N] [--all]`.

use super::Output;
use crate::cli::SummaryFormat;
use crate::error::{Error, Result};
use crate::routemap::Routemap;
use crate::sanitize;
use crate::store::Store;
use crate::summary::{self, anon, files, scan};
use std::path::PathBuf;

pub struct SummaryArgs<'a> {
    pub inputs: &'a [String],
    pub routemap: Option<&'a str>,
    pub format: SummaryFormat,
    pub highlight: Option<&'a str>,
    pub anonymise: bool,
    pub min_group: u32,
    pub all: bool,
}

/// Each input as a path: an existing file or directory, else a saved assessment's name.
fn input_paths(store: &Store, inputs: &[String]) -> Vec<PathBuf> {
    inputs
        .iter()
        .map(|input| {
            let path = PathBuf::from(input);
            if path.exists() {
                path
            } else {
                store.resolve_assessment(input).unwrap_or(path)
            }
        })
        .collect()
}

/// The routemap asked for, or that of the first file that loads (`None` when none does).
fn choose_routemap(
    store: &Store,
    asked: Option<&str>,
    files: &[PathBuf],
) -> Result<Option<Routemap>> {
    if let Some(spec) = asked {
        // Typed by the user: the command line's rule (a file here, a name, a built-in).
        return store.find_routemap(spec).map(|found| Some(found.routemap));
    }
    match files.iter().find_map(|path| scan::load(None, path).ok()) {
        Some(first) => store.resolve_routemap(&first.routemap_id).map(Some),
        None => Ok(None),
    }
}

/// Ends the command with exit status 1, the reasons already on stderr.
fn fail(mut output: Output, message: String) -> Output {
    output.stderr.push_str(&format!("error: {message}\n"));
    output.code = 1;
    output
}

fn note_unmatched(output: &mut Output, scan: &scan::Scan, files: &[PathBuf], routemap: &Routemap) {
    let mut with_unmatched: Vec<usize> = scan
        .entries
        .values()
        .filter(|entry| entry.unmatched > 0)
        .map(|entry| entry.order)
        .collect();
    with_unmatched.sort_unstable();
    for order in with_unmatched {
        if let Some(path) = files.get(order) {
            output.stderr.push_str(&format!(
                "note: '{}' answers themes or stages routemap '{}' {} does not have; they are counted as not on the scale, or left out\n",
                sanitize::path(path),
                sanitize::line(&routemap.id),
                sanitize::line(&routemap.version)
            ));
        }
    }
}

pub fn run(store: &Store, args: &SummaryArgs) -> Result<Output> {
    let mut output = Output::default();
    // The data directory's own folders hold routemaps and reports, not assessments.
    let skip = [store.routemaps_dir(), store.root().join("reports")];
    let (files, unreadable) = files::gather(&input_paths(store, args.inputs), &skip);
    for problem in &unreadable {
        output.stderr.push_str(&format!(
            "skipped: cannot read '{}': {}\n",
            sanitize::path(&problem.path),
            problem.reason
        ));
    }
    let Some(routemap) = choose_routemap(store, args.routemap, &files)? else {
        for path in &files {
            if let Err(reason) = scan::load(None, path) {
                output
                    .stderr
                    .push_str(&format!("skipped: {}\n", sanitize::line(&reason)));
            }
        }
        let message = format!(
            "none of the {} files given is a saved assessment that can be read; give the files or directories that hold them",
            files.len()
        );
        return Ok(fail(output, message));
    };
    let scanned = scan::scan(&routemap, &files, args.all);
    for skipped in &scanned.skipped {
        output
            .stderr
            .push_str(&format!("skipped: {}\n", sanitize::line(&skipped.reason)));
    }
    note_unmatched(&mut output, &scanned, &files, &routemap);
    if scanned.entries.is_empty() {
        let message = format!(
            "none of the {} files read is a usable assessment of routemap '{}'",
            scanned.read, routemap.id
        );
        return Ok(fail(output, message));
    }
    let highlight = args.highlight.map(scan::authority_key);
    if let Some(wanted) = &highlight
        && !scanned
            .entries
            .values()
            .any(|entry| scan::authority_key(&entry.authority) == *wanted)
    {
        return Err(Error::Usage(format!(
            "no authority '{}' among the assessments summarised; give its name as saved (see 'routemap list')",
            sanitize::line(args.highlight.unwrap_or_default())
        )));
    }
    let key = args.anonymise.then(|| {
        let (key, kept) = anon::Key::kept_in(store.root());
        if !kept {
            output.stderr.push_str(&format!(
                "note: the labels' key could not be kept in '{}'; the labels will differ next time\n",
                sanitize::path(&store.root().join(anon::KEY_FILE))
            ));
        }
        key
    });
    let summary = summary::build(
        &routemap,
        &scanned,
        &summary::Options {
            latest_only: !args.all,
            highlight: highlight.as_deref(),
            anonymise: key,
            min_group: usize::try_from(args.min_group).unwrap_or(usize::MAX),
        },
    );
    output.stdout = match args.format {
        SummaryFormat::Text => summary::to_text(&summary),
        SummaryFormat::Markdown => summary::to_markdown(&summary),
        SummaryFormat::Csv => summary::to_csv(&summary),
        SummaryFormat::Json => summary::to_json(&summary),
    };
    Ok(output)
}
