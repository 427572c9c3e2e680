//! One module per command. Each computes its output as text (so it is testable without
//! a process) and the binary writes it out.

mod check;
mod diff;
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

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Output> {
    let store = Store::open(cli.data_dir)?;
    let Some(command) = cli.command else {
        return tui::run(store, Start::Resume, "routemap")
            .map(|line| Output::stdout(format!("{line}\n")));
    };
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
            tui::run(store, Start::New(args), "routemap new")
                .map(|line| Output::stdout(format!("{line}\n")))
        }
        Command::Open { assessment } => tui::run(store, Start::Open(assessment), "routemap open")
            .map(|line| Output::stdout(format!("{line}\n"))),
        Command::Workshop { assessment } => {
            tui::run(store, Start::Workshop(assessment), "routemap workshop")
                .map(|line| Output::stdout(format!("{line}\n")))
        }
        Command::Check { files } => Ok(check::run(&files)),
        Command::Routemaps => Ok(routemaps::run(&store)),
        Command::List => Ok(list::run(&store)),
        Command::Merge {
            inputs,
            output,
            force,
        } => merge::run(&store, &inputs, &output, force),
        Command::GitDiff { args } => git_diff::run(&store, &args),
        Command::Diff {
            before,
            after,
            format,
            fail_on_regression,
            verbose,
        } => diff::run(
            &store,
            &diff::DiffArgs {
                before: &before,
                after: &after,
                format,
                fail_on_regression,
                verbose,
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
            },
        ),
    }
}
