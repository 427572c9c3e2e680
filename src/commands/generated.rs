//! `routemap completions SHELL` and `routemap man [--dir DIR]`: generated from the
//! command definitions, so they cannot fall out of step with the program.

use super::Output;
use crate::cli::Cli;
use crate::error::{Error, Result};
use clap::CommandFactory;
use std::path::Path;

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Output {
    let mut command = visible_command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "routemap", &mut script);
    let script = String::from_utf8_lossy(&script).into_owned();
    Output::stdout(match shell {
        clap_complete::Shell::Bash => with_bash_names(script),
        _ => script,
    })
}

/// The commands whose words (after the options) are saved assessments, by name or path.
const TAKE_ASSESSMENTS: [&str; 6] = ["open", "workshop", "radar", "report", "diff", "merge"];
/// The commands whose words are files or folders.
const TAKE_FILES: [&str; 2] = ["summary", "check"];

/// What bash offers for a saved assessment: the names `list` gives, and files here.
const BASH_NAMES: &str = r#"
# Saved assessments by name (as 'routemap list' gives them) and files, for the
# commands that take them.
_routemap_assessments() {
    local IFS=$'\n'
    local names
    names="$(command routemap list --format json 2>/dev/null | sed -n 's/^ *"name": "\(.*\)",$/\1/p')"
    local found=( $(compgen -W "${names}" -- "$1") )
    local file
    # Folders and YAML files, hidden ones only when asked for with a leading dot.
    for file in $(compgen -d -- "$1") $(compgen -f -X '!*.y*ml' -- "$1"); do
        [[ "${file##*/}" == .* && "$1" != .* && "$1" != */.* ]] && continue
        found+=( "${file}" )
    done
    COMPREPLY=( "${found[@]}" )
}
"#;

/// clap's bash script offers only options where a command takes a name or a file (its
/// generator leaves positional words out): those commands offer saved names and files
/// there instead, options still after a `-`.
fn with_bash_names(script: String) -> String {
    let mut script = script;
    let commands = TAKE_ASSESSMENTS
        .iter()
        .map(|name| (name, "_routemap_assessments \"${cur}\""))
        .chain(
            TAKE_FILES
                .iter()
                .map(|name| (name, "COMPREPLY=( $(compgen -f -- \"${cur}\") )")),
        );
    for (name, offer) in commands {
        let head = format!("        routemap__subcmd__{name})\n");
        let Some(start) = script.find(&head) else {
            continue;
        };
        let Some(length) = script[start..].find("\n            ;;\n") else {
            continue;
        };
        let block = &script[start..start + length];
        let fixed = block
            .replace(
                "if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then",
                "if [[ ${cur} == -* ]] ; then",
            )
            .replace(
                "            COMPREPLY=( $(compgen -W \"${opts}\" -- \"${cur}\") )\n            return 0",
                &format!("            {offer}\n            return 0"),
            );
        script.replace_range(start..start + length, &fixed);
    }
    script + BASH_NAMES
}

/// The command line without its hidden commands (`git-diff`, which git types, not a
/// person): clap_complete offers every subcommand it is given, hidden or not.
fn visible_command() -> clap::Command {
    let full = Cli::command();
    clap::Command::new("routemap")
        .version(env!("CARGO_PKG_VERSION"))
        .args(full.get_arguments().cloned())
        .subcommands(full.get_subcommands().filter(|s| !s.is_hide_set()).cloned())
}

/// The man page on stdout, or (with `dir`) every page written into `dir`.
pub fn man(dir: Option<&Path>) -> Result<Output> {
    // `routemap help` is the same as --help; it needs no page of its own.
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    match dir {
        None => {
            let mut page = Vec::new();
            render_page(&command, &mut page)
                .map_err(|error| Error::write(Path::new("-"), &error))?;
            Ok(Output::stdout(String::from_utf8_lossy(&page).into_owned()))
        }
        Some(dir) => {
            if let Ok(metadata) = std::fs::metadata(dir)
                && !metadata.is_dir()
            {
                return Err(Error::Unusable(format!(
                    "'{}' is a file, not a folder; give the folder to write the man pages into (it is made if it is not there)",
                    crate::sanitize::path(dir)
                )));
            }
            let pages: Vec<clap::Command> = std::iter::once(command.clone())
                .chain(
                    command
                        .get_subcommands()
                        .filter(|s| !s.is_hide_set())
                        .cloned(),
                )
                .collect();
            for page in &pages {
                let path = dir.join(clap_mangen::Man::new(page.clone()).get_filename());
                // Atomic, through a fresh temporary file: a link planted at the page's
                // name is replaced, never written through.
                crate::store::write_atomic(&path, |file| render_page(page, file))?;
            }
            Ok(Output {
                stderr: format!(
                    "Wrote {} man pages into '{}'; 'man routemap' reads them when that folder is on the manual path.\n",
                    pages.len(),
                    crate::sanitize::path(dir)
                ),
                ..Output::default()
            })
        }
    }
}

/// One page: clap_mangen's sections, then the examples, notes and exit status of the
/// command's long help as sections of their own, laid out as written.
fn render_page(command: &clap::Command, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let extra = command
        .get_after_long_help()
        .map(|help| help.to_string())
        .unwrap_or_default();
    // Every page's footer names the program, not the command ("report 0.1.0").
    let man = clap_mangen::Man::new(
        command
            .clone()
            .after_long_help(clap::builder::Resettable::Reset),
    )
    .source(format!("routemap {}", env!("CARGO_PKG_VERSION")));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if command.get_arguments().any(|arg| !arg.is_hide_set()) {
        man.render_options_section(out)?;
    }
    if command.get_subcommands().any(|sub| !sub.is_hide_set()) {
        man.render_subcommands_section(out)?;
    }
    out.write_all(help_sections(&extra).to_roff().as_bytes())?;
    out.write_all(environment().to_roff().as_bytes())?;
    man.render_version_section(out)
}

/// The variables routemap reads, for every page's ENVIRONMENT section.
const ENVIRONMENT: [(&str, &str); 8] = [
    (
        "ROUTEMAP_DATA_DIR",
        "Where saved assessments and custom routemaps live, when --data-dir is not given and the variable is not empty.",
    ),
    (
        "XDG_DATA_HOME",
        "On Linux, the data directory is $XDG_DATA_HOME/routemap when neither of the above is set (else ~/.local/share/routemap).",
    ),
    (
        "NO_COLOR",
        "When set and not empty, no colour (unless --color always).",
    ),
    ("CLICOLOR", "0 turns colour off."),
    (
        "CLICOLOR_FORCE",
        "When set and not empty, colour even into a pipe or file (NO_COLOR still wins).",
    ),
    (
        "COLORTERM",
        "truecolor or 24bit for 24-bit colour; otherwise 256 colours when TERM says so, else 16.",
    ),
    (
        "TERM",
        "dumb turns colour off; a name ending in -256color allows 256 colours.",
    ),
    (
        "COLUMNS",
        "The width to print at (list, summary, radar, diff), when --width is not given; else the terminal's width, else 80.",
    ),
];

fn environment() -> roff::Roff {
    let mut page = roff::Roff::new();
    page.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        page.control("TP", [])
            .text([roff::bold(name)])
            .text([roff::roman(meaning)]);
    }
    page
}

/// The long help's blocks (blank-line separated) as man sections: "Examples:" and
/// "Exit status:" blocks unfilled under their own headings, the rest as NOTES.
fn help_sections(help: &str) -> roff::Roff {
    let mut page = roff::Roff::new();
    let mut notes: Vec<String> = Vec::new();
    for block in help
        .split("\n\n")
        .map(str::trim_end)
        .filter(|b| !b.trim().is_empty())
    {
        let mut lines = block.lines();
        let first = lines.next().unwrap_or_default();
        let heading = match first {
            "Examples:" => "EXAMPLES",
            "Exit status:" => "EXIT STATUS",
            _ => {
                notes.push(block.split_whitespace().collect::<Vec<_>>().join(" "));
                continue;
            }
        };
        page.control("SH", [heading]).control("nf", []);
        for line in lines {
            page.text([roff::roman(line.strip_prefix("  ").unwrap_or(line))]);
        }
        page.control("fi", []);
    }
    if !notes.is_empty() {
        page.control("SH", ["NOTES"]);
        for note in notes {
            page.control("PP", []).text([roff::roman(note)]);
        }
    }
    page
}
