//! `routemap summary DIR|FILE... [--routemap ID] [--format text|markdown|csv|json]
//! [--highlight NAME] [--anonymise] [--min-group N] [--all] [--width N]`.
//!
//! What reaches stderr, and the exit status:
//! - `error:` for an argument that names nothing (or cannot be read) and a folder
//!   under one that cannot be searched; the summary of the rest is still printed, and
//!   the exit status is 1, as `cat` and `wc` do with a missing file;
//! - `skipped:` for each file that is not a readable saved assessment (exit status 1
//!   too, as `list` does: a broken save should not pass unnoticed in a script);
//! - `note:` for files of other routemaps (counted per routemap, not an error), files
//!   found twice, and versions mixed.
//!
//! Under `--anonymise` nothing on stderr names a file: names of files can name
//! authorities, so files are counted instead.

use super::Output;
use crate::cli::SummaryFormat;
use crate::error::{Error, Result};
use crate::routemap::{Routemap, plural};
use crate::sanitize;
use crate::store::Store;
use crate::summary::{self, anon, files, scan};
use crate::text::{closest, quoted_names};
use notes::{
    Naming, note_others, note_unmatched, note_versions, report_skipped, report_unreadable,
};
use std::path::PathBuf;

mod notes;

/// `--min-group` when `--anonymise` is given without one: with fewer than three, each
/// member of a pair can read the other's answer off the counts.
pub const ANONYMISED_MIN_GROUP: u32 = 3;
/// Fewer authorities than this under `--anonymise` get a warning: members of so small a
/// group can often tell who is who even from labels.
pub const ANONYMISED_FEW: usize = 5;

pub struct SummaryArgs<'a> {
    pub inputs: &'a [String],
    pub routemap: Option<&'a str>,
    pub format: SummaryFormat,
    pub highlight: Option<&'a str>,
    pub anonymise: bool,
    pub min_group: Option<u32>,
    pub all: bool,
    pub width: Option<u16>,
}

/// Each input as a path: an existing file or directory, else a saved assessment's name,
/// else the path as given (which `files::gather` reports missing).
fn input_paths(store: &Store, inputs: &[String]) -> Vec<PathBuf> {
    inputs
        .iter()
        .map(|input| {
            let path = PathBuf::from(input);
            if path.symlink_metadata().is_ok() {
                path
            } else {
                store.resolve_assessment(input).unwrap_or(path)
            }
        })
        .collect()
}

/// The routemap to summarise: the one asked for, else the one most files share, when
/// it is at least twice as common as any other (a close call is refused).
fn choose(store: &Store, asked: Option<&Routemap>, scanned: &scan::Scan) -> Result<Routemap> {
    if let Some(routemap) = asked {
        return Ok(routemap.clone());
    }
    let mut counts: Vec<(&String, usize)> = scanned
        .groups
        .iter()
        .map(|(id, group)| (id, group.files))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (id, most) = match counts.as_slice() {
        [] if scanned.read == 0 => {
            return Err(Error::Unusable(
                "no saved assessment (a .yaml or .yml file) was found under the paths given; give the files or folders that hold them".into(),
            ));
        }
        [] => {
            return Err(Error::Unusable(format!(
                "no saved assessment could be read from the {} found; give the files or folders that hold them",
                plural(scanned.read, "file")
            )));
        }
        [(id, most)] => (*id, *most),
        [(id, most), (_, next), ..] => {
            if *most < 2 * next {
                let listed: Vec<String> = counts
                    .iter()
                    .map(|(id, n)| format!("'{}' ({})", sanitize::line(id), plural(*n, "file")))
                    .collect();
                return Err(Error::Usage(format!(
                    "the files given are assessments against several routemaps, none clearly the most common: {}; say which to summarise with --routemap ID",
                    listed.join(", ")
                )));
            }
            (*id, *most)
        }
    };
    store.resolve_routemap(id).map_err(|error| match error {
        Error::RoutemapNotFound { name, hint } => Error::RoutemapNotFound {
            name,
            hint: format!(
                "{} given {} against it; put its file in '{}', or give --routemap ID to summarise another; {hint}",
                plural(most, "file"),
                if most == 1 { "is an assessment" } else { "are assessments" },
                sanitize::path(&store.routemaps_dir())
            ),
        },
        other => other,
    })
}

/// The highlighted authority's key, or why it is not among those summarised.
fn highlight_key(
    asked: Option<&str>,
    group: &scan::Group,
    anonymise: bool,
) -> Result<Option<String>> {
    let Some(asked) = asked else {
        return Ok(None);
    };
    let wanted = scan::authority_key(asked);
    let mut names: Vec<&str> = group
        .entries
        .values()
        .map(|e| e.authority.as_str())
        .collect();
    if names.iter().any(|name| scan::authority_key(name) == wanted) {
        return Ok(Some(wanted));
    }
    names.sort_unstable();
    names.dedup();
    match fitting(&names, asked).as_slice() {
        [one] => return Ok(Some(scan::authority_key(one))),
        [] => {}
        several => {
            let listed = if anonymise {
                String::new()
            } else {
                let shown: Vec<String> = several
                    .iter()
                    .map(|n| sanitize::line(n).into_owned())
                    .collect();
                format!(": {}", quoted_names(&shown))
            };
            return Err(Error::NotFound(format!(
                "'{}' fits {} of the authorities summarised{listed}; give more of the name",
                sanitize::line(asked),
                several.len()
            )));
        }
    }
    let hint = if anonymise {
        // Listing them would undo the labels.
        String::new()
    } else if let Some(near) = nearest(&names, asked) {
        format!("; did you mean '{}'?", sanitize::line(near))
    } else if names.len() <= 10 {
        let shown: Vec<String> = names
            .iter()
            .map(|n| sanitize::line(n).into_owned())
            .collect();
        format!("; they are {}", quoted_names(&shown))
    } else {
        "; give its name as saved in its file's 'authority:' line".into()
    };
    Err(Error::NotFound(format!(
        "no authority '{}' among the {} summarised{hint}",
        sanitize::line(asked),
        summary::authorities_words(names.len())
    )))
}

/// A name as typed or saved, compared without case, spacing or accents ("Môn", "mon").
fn folded(name: &str) -> String {
    scan::authority_key(&deunicode::deunicode(name))
}

/// The names `asked` fits: whole words of them, accents aside ("Anytown" for "Anytown
/// Borough Council", "ynys mon" for "Cyngor Sir Ynys Môn"), one per authority.
fn fitting<'n>(names: &[&'n str], asked: &str) -> Vec<&'n str> {
    let wanted = folded(asked);
    let mut fitting: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| {
            let name = folded(name);
            name == wanted || has_words(&name, &wanted)
        })
        .collect();
    fitting.dedup_by_key(|name| scan::authority_key(name));
    fitting
}

/// The name `asked` is likely a slip for: the nearest whole name, else the name with a
/// run of as many words nearest to it ("Benfor" for "Cyngor Sir Benfro").
fn nearest<'n>(names: &[&'n str], asked: &str) -> Option<&'n str> {
    if let Some(near) = closest(asked, names.iter().copied()) {
        return Some(near);
    }
    let wanted = folded(asked);
    let count = wanted.split(' ').count();
    let runs: Vec<(String, &str)> = names
        .iter()
        .flat_map(|name| {
            let words: Vec<String> = folded(name).split(' ').map(str::to_string).collect();
            let runs: Vec<(String, &str)> = words
                .windows(count.min(words.len()).max(1))
                .map(|run| (run.join(" "), *name))
                .collect();
            runs
        })
        .collect();
    let near = closest(&wanted, runs.iter().map(|(run, _)| run.as_str()))?;
    runs.iter()
        .find(|(run, _)| run == near)
        .map(|(_, name)| *name)
}

/// True when `words` are whole words of `name`, one after another (both keys).
fn has_words(name: &str, words: &str) -> bool {
    !words.is_empty() && format!(" {name} ").contains(&format!(" {words} "))
}

pub fn run(store: &Store, args: &SummaryArgs) -> Result<Output> {
    let mut output = Output::default();
    // What was said before a failure stays said (the files skipped, and why).
    if let Err(error) = summarise(store, args, &mut output) {
        for line in error.to_string().lines() {
            output.stderr.push_str(&format!("error: {line}\n"));
        }
        output.code = error.exit_code();
        output.stdout.clear();
    }
    Ok(output)
}

fn summarise(store: &Store, args: &SummaryArgs, output: &mut Output) -> Result<()> {
    if args
        .inputs
        .iter()
        .any(|input| input == crate::store::STDIN_ARG)
    {
        return Err(Error::Usage(
            "summary reads saved files and folders, not standard input ('-'); give the folder that holds the assessments".into(),
        ));
    }
    let naming = Naming {
        anonymise: args.anonymise,
    };
    // Typed by the user: the command line's rule (a file here, a name, a built-in).
    let asked = match args.routemap {
        Some(spec) => Some(store.find_routemap(spec)?.routemap),
        None => None,
    };
    let (gathered, missing) = gather(store, args, output, &naming)?;
    let resolve = |id: &str| match &asked {
        Some(routemap) => (routemap.id == id).then(|| routemap.clone()),
        None => store.resolve_routemap(id).ok(),
    };
    let scanned = scan::scan(&resolve, &gathered.files, args.all);
    report_skipped(output, &scanned, &naming);
    let routemap = choose(store, asked.as_ref(), &scanned)?;
    note_others(output, store, &scanned, &routemap);
    let empty = scan::Group::default();
    let group = scanned.groups.get(&routemap.id).unwrap_or(&empty);
    note_versions(output, group, &routemap);
    note_unmatched(output, group, &gathered.files, &routemap, &naming);
    if group.entries.is_empty() {
        return Err(Error::Unusable(format!(
            "no usable assessment of routemap '{}' among the {} read",
            sanitize::line(&routemap.id),
            plural(scanned.read, "file")
        )));
    }
    let files = summary::Files {
        read: scanned.read,
        skipped: scanned.read - group.files,
    };
    let summary = build(store, args, output, (&routemap, group), files)?;
    output.stdout = render(&summary, args);
    if missing > 0 {
        output.code = 1;
    }
    Ok(())
}

/// The files under the inputs, each once, and how many inputs could not be read (each
/// said on stderr); an error when none of them could.
fn gather(
    store: &Store,
    args: &SummaryArgs,
    output: &mut Output,
    naming: &Naming,
) -> Result<(files::Gathered, usize)> {
    // The data directory's own folders hold routemaps and reports, not assessments.
    let skip = [store.routemaps_dir(), store.root().join("reports")];
    let gathered = files::gather(&input_paths(store, args.inputs), &skip);
    let missing = report_unreadable(output, &gathered, naming);
    if gathered.repeats > 0 {
        output.stderr.push_str(&format!(
            "note: {} given more than once (twice, in a folder given too, or through a link) {} read once\n",
            plural(gathered.repeats, "file"),
            if gathered.repeats == 1 { "is" } else { "are" }
        ));
    }
    if gathered.files.is_empty() && missing > 0 {
        let what = if args.inputs.len() == 1 {
            "nothing"
        } else {
            "none of the paths"
        };
        return Err(Error::Unusable(format!(
            "{what} given exists; check the paths"
        )));
    }
    Ok((gathered, missing))
}

/// The summary of `group`'s assessments of `routemap`, as asked.
fn build(
    store: &Store,
    args: &SummaryArgs,
    output: &mut Output,
    (routemap, group): (&Routemap, &scan::Group),
    files: summary::Files,
) -> Result<summary::Summary> {
    let highlight = highlight_key(args.highlight, group, args.anonymise)?;
    let key = match args.anonymise {
        true => Some(anonymise_key(store, output)?),
        false => None,
    };
    let min_group = args.min_group.unwrap_or(if args.anonymise {
        ANONYMISED_MIN_GROUP
    } else {
        1
    });
    let summary = summary::build(
        routemap,
        group,
        files,
        &summary::Options {
            latest_only: !args.all,
            highlight: highlight.as_deref(),
            anonymise: key,
            min_group: usize::try_from(min_group).unwrap_or(usize::MAX),
        },
    );
    if args.anonymise && summary.authorities < ANONYMISED_FEW {
        output.stderr.push_str(&format!(
            "warning: only {} summarised; in so small a group the labels hide little from anyone who knows its members\n",
            summary::authorities_words(summary.authorities)
        ));
    }
    Ok(summary)
}

fn render(summary: &summary::Summary, args: &SummaryArgs) -> String {
    match args.format {
        SummaryFormat::Text => summary::to_text(
            summary,
            usize::from(crate::term::output_width_for(args.width)),
        ),
        SummaryFormat::Markdown => summary::to_markdown(summary),
        SummaryFormat::Csv => summary::to_csv(summary),
        SummaryFormat::Json => summary::to_json(summary),
    }
}

/// The labels' key, kept in the data directory.
fn anonymise_key(store: &Store, output: &mut Output) -> Result<anon::Key> {
    let Some((key, kept)) = anon::Key::kept_in(store.root()) else {
        return Err(Error::Unusable(
            "the system gave no random numbers for the labels' key; --anonymise cannot be used here".into(),
        ));
    };
    if kept == anon::Kept::NotSaved {
        output.stderr.push_str(&format!(
            "note: the labels' key could not be kept in '{}'; the labels will differ next time\n",
            sanitize::path(&store.root().join(anon::KEY_FILE))
        ));
    }
    Ok(key)
}
