//! One module per command. Each computes its output as text (so it is testable without
//! a process) and the binary writes it out.

mod check;
mod diff;
mod generated;
mod git_diff;
mod list;
mod merge;
mod output_file;
mod radar;
pub mod report;
mod routemaps;
mod summary;

use crate::cli::{Cli, Command};
use crate::error::Result;
use crate::store::Store;
use crate::tui::{self, NewArgs, Start};

/// What a command produced: text for stdout and stderr, and the exit code.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Output {
    pub fn stdout(text: String) -> Self {
        Output {
            stdout: text,
            ..Output::default()
        }
    }
}

/// Runs the full-screen program; its last words go to stdout, or to stderr with exit
/// status 1 when changes were lost.
fn full_screen(store: Store, start: Start, command: &str) -> Result<Output> {
    let ending = tui::run(store, start, command)?;
    Ok(if ending.changes_lost {
        Output {
            stderr: format!("error: {}\n", ending.text),
            code: 1,
            ..Output::default()
        }
    } else {
        Output::stdout(format!("{}\n", ending.text))
    })
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Output> {
    crate::term::set_color_choice(cli.color);
    let data_dir = cli.data_dir.or_else(|| {
        std::env::var_os("ROUTEMAP_DATA_DIR")
            .filter(|dir| !dir.is_empty())
            .map(std::path::PathBuf::from)
    });
    // Generated from the command definitions alone: no data directory needed.
    match &cli.command {
        Some(Command::Completions { shell }) => return Ok(generated::completions(*shell)),
        Some(Command::Man { dir }) => return generated::man(dir.as_deref()),
        _ => {}
    }
    let store = Store::open(data_dir)?;
    match cli.command {
        None => full_screen(store, Start::Resume, ""),
        Some(command) => dispatch(store, command),
    }
}

/// Each command to its module: one arm a command.
fn dispatch(store: Store, command: Command) -> Result<Output> {
    match command {
        Command::New {
            authority,
            routemap,
            title,
            from,
        } => {
            let args = NewArgs {
                authority,
                routemap,
                title,
                from,
            };
            full_screen(store, Start::New(args), "new")
        }
        Command::Open { assessment } => full_screen(store, Start::Open(assessment), "open"),
        Command::Workshop { assessment, follow } => {
            let start = if follow {
                Start::Follow(assessment)
            } else {
                Start::Workshop(assessment)
            };
            full_screen(store, start, "workshop")
        }
        Command::Check { files } => check::run(&store, &files),
        Command::Routemaps { format } => routemaps::run(&store, format),
        Command::List {
            format,
            sort,
            width,
        } => list::run(&store, format, sort, width),
        Command::Merge {
            first,
            others,
            output,
            force,
        } => {
            let inputs: Vec<String> = std::iter::once(first).chain(others).collect();
            merge::run(&store, &inputs, &output, force)
        }
        Command::GitDiff { args } => git_diff::run(&store, &args),
        Command::Diff {
            before,
            after,
            format,
            fail_on_regression,
            verbose,
            ascii,
            width,
        } => diff::run(
            &store,
            &diff::DiffArgs {
                before: &before,
                after: &after,
                format,
                fail_on_regression,
                verbose,
                ascii,
                width,
            },
        ),
        Command::Radar {
            assessment,
            against,
            target,
            ascii,
            svg,
            width,
        } => radar::run(
            &store,
            &radar::RadarArgs {
                assessment: &assessment,
                against: against.as_deref(),
                target,
                ascii,
                svg,
                width,
            },
        ),
        Command::Report {
            assessment,
            format,
            against,
            role,
            output,
            force,
        } => report::run(
            &store,
            &report::ReportArgs {
                assessment: &assessment,
                format,
                against: against.as_deref(),
                role: role.as_deref(),
                output: output.as_deref(),
                force,
            },
        ),
        Command::Summary {
            files,
            routemap,
            format,
            highlight,
            anonymise,
            min_group,
            all,
            width,
        } => summary::run(
            &store,
            &summary::SummaryArgs {
                inputs: &files,
                routemap: routemap.as_deref(),
                format,
                highlight: highlight.as_deref(),
                anonymise,
                min_group,
                all,
                width,
            },
        ),
        // Answered above, before the data directory is opened.
        Command::Completions { shell } => Ok(generated::completions(shell)),
        Command::Man { dir } => generated::man(dir.as_deref()),
    }
}
