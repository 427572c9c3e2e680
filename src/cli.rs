//! The command line: clap's derive types, parsed once; the rest of the program sees
//! these values, never raw arguments.

use crate::term::ColorWhen;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The exit codes every command shares, for the end of each `--help`.
macro_rules! exit_codes {
    ($($extra:literal),* $(,)?) => {
        concat!(
            "Exit status:\n",
            "  0  success\n",
            "  1  a problem you can fix: a file that cannot be read or is invalid, a name not found\n",
            "     (or fitting more than one thing), output that cannot be written\n",
            "  2  bad usage: an unknown option, a missing or malformed argument\n",
            $($extra, "\n",)*
        )
    };
}

/// Where a saved assessment is found, for the help of each command that takes one.
macro_rules! resolution {
    () => {
        concat!(
            "NAME|PATH is, in this order: a path, if a file is there; else a name in the data\n",
            "directory (anytown-2026 or anytown-2026.yaml); else the authority named in a saved\n",
            "assessment, when only one has it. A bare name that is both a file here and another\n",
            "saved assessment is refused as ambiguous: ./NAME means the file here.\n",
        )
    };
}

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
    propagate_version = true,
    after_long_help = concat!(
        "Examples:\n",
        "  routemap                                   resume the most recent assessment\n",
        "  routemap new --authority \"Anytown Borough Council\" --title \"2026 baseline\"\n",
        "  routemap list\n",
        "  routemap diff anytown-2025 anytown-2026\n",
        "  routemap completions bash > ~/.local/share/bash-completion/completions/routemap\n",
        "\n",
        "Colour: --color, else NO_COLOR (none), CLICOLOR_FORCE (even into a pipe), CLICOLOR=0\n",
        "(none), TERM=dumb (none); COLORTERM=truecolor for 24-bit colour, TERM=*-256color for\n",
        "256 colours, else 16. Width: --width, else COLUMNS, else the terminal's, else 80.\n",
        "Data: --data-dir, else ROUTEMAP_DATA_DIR, else the platform's data directory.\n",
        "\n",
        exit_codes!(
            "  3  diff --fail-on-regression found a theme that went down; merge left conflicts",
            "  4  the terminal failed under the full-screen program (lost, or an I/O error)"
        ),
    )
)]
pub struct Cli {
    /// Where saved assessments and custom routemaps live [default: $ROUTEMAP_DATA_DIR
    /// when set and not empty, else the platform's data directory, e.g.
    /// ~/.local/share/routemap]
    // Read by hand rather than with clap's `env`, which takes an empty variable for a
    // missing flag value and blames a `--data-dir` that was never typed.
    // Listed after each command's own options (display_order), as they apply to all.
    #[arg(long, global = true, value_name = "DIR", display_order = 900)]
    pub data_dir: Option<PathBuf>,

    /// When to use colour (NO_COLOR, CLICOLOR, CLICOLOR_FORCE and TERM=dumb are honoured
    /// under auto)
    // Also read before parsing (term::color_in_args), so clap's own messages follow it.
    #[arg(
        long,
        global = true,
        value_name = "WHEN",
        value_enum,
        default_value_t = ColorWhen::Auto,
        display_order = 901
    )]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new assessment in the full-screen program
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap new --authority \"Anytown Borough Council\" --title \"2026 baseline\"\n",
        "  routemap new --routemap procurement-and-sourcing --authority Anytown\n",
        "  routemap new --from anytown-2025 --title \"2026 reassessment\"\n",
        "  routemap new --routemap ./my-model.yaml\n",
        "\n",
        "ID|PATH is, in this order: a path, if a file is there; else a routemap in the data\n",
        "directory's routemaps/ (by id, or by file name with or without .yaml); else a built-in\n",
        "('routemap routemaps' lists them). A bare name that is both a file here and another\n",
        "routemap is refused as ambiguous: ./NAME means the file here.\n",
        "\n",
        exit_codes!("  4  the terminal failed (lost, or an I/O error on it)"),
    ))]
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
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap open anytown-2026\n",
        "  routemap open \"Anytown Borough Council\"\n",
        "  routemap open ~/shared/anytown-2026.yaml\n",
        "\n",
        resolution!(),
        "\n",
        exit_codes!("  4  the terminal failed (lost, or an I/O error on it)"),
    ))]
    Open {
        /// A saved assessment's name (see 'routemap list') or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
    },
    /// Open a saved assessment in workshop (shared-screen) mode
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap workshop anytown-2026\n",
        "  routemap workshop anytown-2026 --follow    # the projector, read-only\n",
        "\n",
        resolution!(),
        "\n",
        exit_codes!("  4  the terminal failed (lost, or an I/O error on it)"),
    ))]
    Workshop {
        /// A saved assessment's name or path
        #[arg(value_name = "NAME|PATH")]
        assessment: String,
        /// A read-only second screen (a projector, a remote attendee): it shows the theme
        /// the facilitator's screen shows and redraws whenever the file changes
        #[arg(long)]
        follow: bool,
    },
    /// List saved assessments: authority, title, routemap, progress, updated
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap list\n",
        "  routemap list --sort progress\n",
        "  routemap list --format json | jq -r '.assessments[].path'\n",
        "\n",
        "The JSON schema is in the README (routemap-list/1).\n",
        "\n",
        exit_codes!("     (1 also when a saved file could not be read; the rest are listed first)"),
    ))]
    List {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Order: most recently updated first, by authority, or most answered first
        #[arg(long, value_enum, default_value_t = ListSort::Updated)]
        sort: ListSort,
        /// Width of the text table in columns [default: $COLUMNS, else the terminal's,
        /// else 80]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Print the maturity radar as text (or SVG)
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap radar anytown-2026 --target\n",
        "  routemap radar anytown-2026 --against anytown-2025\n",
        "  routemap radar anytown-2026 --ascii --width 72 | mail -s radar team@example.org\n",
        "  cat anytown-2026.yaml | routemap radar -\n",
        "\n",
        resolution!(),
        "'-' reads the assessment (or --against's) from standard input.\n",
        "\n",
        exit_codes!(),
    ))]
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
        /// Width in columns [default: $COLUMNS, else the terminal's, else 80]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Show what changed between two saved assessments, theme by theme
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap diff anytown-2025 anytown-2026\n",
        "  routemap diff anytown-2025 anytown-2026 --format markdown > changes.md\n",
        "  routemap diff anytown-2025 anytown-2026 --fail-on-regression   (in CI)\n",
        "  git show HEAD~1:anytown.yaml | routemap diff - anytown.yaml\n",
        "\n",
        resolution!(),
        "'-' reads one of them from standard input.\n",
        "\n",
        exit_codes!("  3  --fail-on-regression found a theme that went down a stage"),
    ))]
    Diff {
        /// The earlier assessment: NAME|PATH (see below), or '-' for standard input
        #[arg(value_name = "A")]
        before: String,
        /// The later assessment: NAME|PATH (see below), or '-' for standard input
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
        /// Use 7-bit ASCII only: arrows as ^ v =
        #[arg(long)]
        ascii: bool,
        /// Width of the text table in columns [default: $COLUMNS, else the terminal's,
        /// else 80]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Combine partial assessments of one authority into one file
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap merge anytown-ict anytown-digital -o anytown-2026\n",
        "  routemap merge a.yaml b.yaml c.yaml -o ./merged.yaml --force\n",
        "\n",
        "OUT without a '/' is a name in the data directory ('.yaml' added when missing), so\n",
        "'routemap list' shows it; with a '/' it is a path. A theme answered differently is a\n",
        "conflict: both answers are kept in its notes, its stage left unset, and the exit\n",
        "status is 3.\n",
        "\n",
        resolution!(),
        "'-' reads one of them from standard input.\n",
        "\n",
        exit_codes!("  3  the merged file was written, with conflicts to settle"),
    ))]
    Merge {
        /// The first assessment to combine (name or path)
        #[arg(value_name = "A", required = true)]
        first: String,
        /// The others (names or paths)
        #[arg(value_name = "B", num_args = 1.., required = true)]
        others: Vec<String>,
        /// The file to write: a name in the data directory, or a path with a '/'
        #[arg(short, long, value_name = "OUT")]
        output: String,
        /// Overwrite OUT if it exists
        #[arg(long)]
        force: bool,
    },
    /// The report for a leadership team: roll-up, radar, every theme, the action plan
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap report anytown-2026 > report.md\n",
        "  routemap report anytown-2026 --format html -o report.html\n",
        "  routemap report anytown-2026 --against anytown-2025 --role cfo\n",
        "  routemap report anytown-2026 --format csv -o anytown.csv\n",
        "\n",
        resolution!(),
        "'-' reads the assessment (or --against's) from standard input.\n",
        "\n",
        "The JSON schema and the CSV columns are in the README (routemap-report/2).\n",
        "\n",
        exit_codes!("     (1 also when -o would write over a saved assessment, a routemap or, without --force, any file)"),
    ))]
    Report {
        /// A saved assessment: NAME|PATH (see below), or '-' for standard input
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
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap summary region/\n",
        "  routemap summary region/ --highlight \"Anytown Borough Council\" --format markdown\n",
        "  routemap summary region/ --anonymise --min-group 5 --format csv\n",
        "\n",
        "One routemap per run: --routemap ID, else the one most files share when it is at\n",
        "least twice as common as any other (a close call is refused: give --routemap).\n",
        "Files of other routemaps are counted on stderr; files that cannot be read are named\n",
        "there with why (counted only, with --anonymise). Each file is read once, however\n",
        "often it is given (twice, inside a folder given too, or through a link).\n",
        "\n",
        "--min-group N withholds every figure drawn from fewer than N authorities, and the\n",
        "next smallest of the same total, so that none can be worked out by subtraction;\n",
        "medians and quartiles only where they tell nothing withheld. --anonymise labels the\n",
        "authorities with a key kept in the data directory, and sets --min-group 3 unless\n",
        "given.\n",
        "\n",
        exit_codes!("     (1 also after the summary when a path given does not exist, or a file or\n        folder cannot be read; files of another routemap are not an error)"),
    ))]
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
        /// Withhold any figure drawn from fewer than N authorities, and any that would
        /// let one be worked out [default: 1, or 3 with --anonymise]
        #[arg(long, value_name = "N", value_parser = authority_count, allow_negative_numbers = true)]
        min_group: Option<u32>,
        /// Count every assessment, not only the latest of each authority
        #[arg(long)]
        all: bool,
        /// Width of the text table in columns [default: $COLUMNS, else the terminal's,
        /// else 80]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
    },
    /// Check routemap files; exit 0 when all are valid
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap check my-model.yaml\n",
        "  routemap check routemaps/*.yaml\n",
        "  generate-model | routemap check -\n",
        "\n",
        exit_codes!("     (1 when any file is invalid; every file is checked and each problem listed)"),
    ))]
    Check {
        /// Routemap files to check ('-' for standard input)
        #[arg(value_name = "ROUTEMAP.yaml", required = true)]
        files: Vec<PathBuf>,
    },
    /// List the routemaps available: built in and in the data directory
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap routemaps\n",
        "  routemap routemaps --format json | jq -r '.routemaps[].id'\n",
        "\n",
        "Custom routemaps go in the data directory's routemaps/. The JSON schema is in the\n",
        "README (routemap-routemaps/1).\n",
        "\n",
        exit_codes!(),
    ))]
    Routemaps {
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a shell completion script
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap completions bash > ~/.local/share/bash-completion/completions/routemap\n",
        "  routemap completions zsh > ~/.zfunc/_routemap      (with fpath+=~/.zfunc)\n",
        "  routemap completions fish > ~/.config/fish/completions/routemap.fish\n",
        "\n",
        exit_codes!(),
    ))]
    Completions {
        /// The shell to complete for
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page, or write every page to a folder
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  routemap man | man -l -\n",
        "  routemap man --dir ~/.local/share/man/man1\n",
        "\n",
        exit_codes!(),
    ))]
    Man {
        /// Write routemap.1 and a page per command (routemap-diff.1 ...) into DIR
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Git's external diff driver (see the README); not for typing
    #[command(hide = true)]
    GitDiff {
        /// The 7 arguments git passes
        #[arg(num_args = 0.., allow_hyphen_values = true)]
        args: Vec<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListSort {
    /// Most recently updated first
    Updated,
    /// By authority, then title
    Authority,
    /// Most answered first
    Progress,
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
            Command::List { .. } => "list",
            Command::Radar { .. } => "radar",
            Command::Diff { .. } => "diff",
            Command::Merge { .. } => "merge",
            Command::Report { .. } => "report",
            Command::Summary { .. } => "summary",
            Command::Check { .. } => "check",
            Command::Routemaps { .. } => "routemaps",
            Command::Completions { .. } => "completions",
            Command::Man { .. } => "man",
            Command::GitDiff { .. } => "git-diff",
        }
    }
}

/// `--min-group`'s value: a count of authorities, 1 or more. A negative number is read
/// as a value (so the error is this one, not clap's tip to write `-- -3`).
fn authority_count(value: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(count) if count >= 1 => Ok(count),
        _ => Err("--min-group takes a whole number of authorities, 1 or more".into()),
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
