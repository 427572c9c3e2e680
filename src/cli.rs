//! The command line: clap's derive types, parsed once; the rest of the program sees
//! these values, never raw arguments.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Assess an organisation's maturity against a routemap, in the terminal.
///
/// With no command, opens the most recently updated assessment in the full-screen
/// program, or starts a new one on the built-in Planting the Flag routemap.
#[derive(Debug, Parser)]
#[command(
    name = "routemap",
    version,
    about,
    long_about,
    propagate_version = true
)]
pub struct Cli {
    /// Where saved assessments and custom routemaps live
    /// [default: the platform's data directory, e.g. ~/.local/share/routemap]
    #[arg(long, global = true, env = "ROUTEMAP_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new assessment in the full-screen program
    New {
        /// The authority assessed, e.g. "Anytown Borough Council"
        #[arg(long, value_name = "NAME")]
        authority: Option<String>,
        /// The routemap to assess against: an id or a file [default: planting-the-flag]
        #[arg(long, value_name = "ID|PATH")]
        routemap: Option<String>,
        /// A title for this assessment, e.g. "2026 baseline"
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Reassess: start from a previous assessment's answers, marked carried over
        #[arg(long, value_name = "NAME|PATH")]
        from: Option<String>,
    },
    /// Open a saved assessment in the full-screen program
    Open {
        /// A saved assessment's name (see 'routemap list') or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
    },
    /// Open a saved assessment in workshop (shared-screen) mode
    Workshop {
        /// A saved assessment's name or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
    },
    /// List saved assessments: authority, routemap, progress, updated
    List,
    /// Print the maturity radar as text (or SVG)
    Radar {
        /// A saved assessment's name or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
        /// Overlay another assessment for comparison
        #[arg(long, value_name = "NAME|PATH")]
        against: Option<String>,
        /// Overlay the target stages too
        #[arg(long)]
        target: bool,
        /// Draw with 7-bit ASCII only (for email and old terminals)
        #[arg(long, conflicts_with = "svg")]
        ascii: bool,
        /// Print the radar as an SVG picture instead of text
        #[arg(long)]
        svg: bool,
        /// Width in columns [default: the terminal's, or 80 when piped]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Show what changed between two saved assessments, theme by theme
    Diff {
        /// The earlier assessment (name or path)
        #[arg(value_name = "A")]
        before: String,
        /// The later assessment (name or path)
        #[arg(value_name = "B")]
        after: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Exit with status 3 when any theme went down a stage
        #[arg(long)]
        fail_on_regression: bool,
        /// Show changed notes in full, not as a summary
        #[arg(long)]
        verbose: bool,
    },
    /// Combine partial assessments of one authority into one file
    Merge {
        /// The assessments to combine (names or paths)
        #[arg(value_name = "A B", num_args = 2.., required = true)]
        inputs: Vec<String>,
        /// The file to write
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Overwrite OUT if it exists
        #[arg(long)]
        force: bool,
    },
    /// The report for a leadership team: roll-up, radar, every theme, the action plan
    ///
    /// Examples:
    ///   routemap report anytown-2026 > report.md
    ///   routemap report anytown-2026 --format html -o report.html
    ///   routemap report anytown-2026 --against anytown-2025 --role cfo
    ///
    /// Exit status: 0 written; 1 a file cannot be read, is not valid, or -o would
    /// overwrite something; 2 bad usage (an unknown role).
    #[command(verbatim_doc_comment)]
    Report {
        /// A saved assessment's name or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Show the movement since an earlier assessment of the same routemap
        #[arg(long, value_name = "PREVIOUS")]
        against: Option<String>,
        /// Only this role's actions (a role the routemap names, e.g. ceo)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// Write to FILE instead of standard output (never over a saved assessment
        /// or a routemap; over another existing file only with --force)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// A region's view: per theme, how many authorities sit at each stage
    ///
    /// Reads every saved assessment given (directories recursively), of one routemap;
    /// files of other routemaps and files that cannot be read are listed on stderr and
    /// the rest go on. Only the latest assessment of each authority counts unless --all.
    ///
    /// Examples:
    ///   routemap summary region/
    ///   routemap summary region/ --highlight "Anytown Borough Council" --format markdown
    ///   routemap summary region/ --anonymise --min-group 5 --format csv
    ///
    /// Exit status: 0 summarised (some files may have been skipped, see stderr); 1 no
    /// assessment could be used; 2 bad usage.
    #[command(verbatim_doc_comment)]
    Summary {
        /// Saved assessments, and directories to search for them
        #[arg(value_name = "DIR|FILE", required = true)]
        files: Vec<String>,
        /// The routemap to summarise [default: that of the first file read]
        #[arg(long, value_name = "ID")]
        routemap: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
        format: SummaryFormat,
        /// Mark one authority against the group
        #[arg(long, value_name = "NAME")]
        highlight: Option<String>,
        /// Replace authorities' names by labels that do not follow name order
        #[arg(long)]
        anonymise: bool,
        /// Suppress any figure drawn from fewer than N authorities
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        min_group: u32,
        /// Count every assessment, not only the latest of each authority
        #[arg(long)]
        all: bool,
    },
    /// Check routemap files; exit 0 when all are valid
    Check {
        /// Routemap files to check
        #[arg(value_name = "ROUTEMAP.yaml", required = true)]
        files: Vec<PathBuf>,
    },
    /// List the routemaps available: built in and in the data directory
    Routemaps,
    /// Git's external diff driver (see the README); not for typing
    #[command(hide = true)]
    GitDiff {
        /// The 7 arguments git passes
        #[arg(num_args = 0.., allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Text,
    Markdown,
    Csv,
    Json,
}

impl Command {
    /// The command's name as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::New { .. } => "new",
            Command::Open { .. } => "open",
            Command::Workshop { .. } => "workshop",
            Command::List => "list",
            Command::Radar { .. } => "radar",
            Command::Diff { .. } => "diff",
            Command::Merge { .. } => "merge",
            Command::Report { .. } => "report",
            Command::Summary { .. } => "summary",
            Command::Check { .. } => "check",
            Command::Routemaps => "routemaps",
            Command::GitDiff { .. } => "git-diff",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
